"""The Check view (offscreen): what a user reads about a signed export, an unlabelled image and a
file that is not an image."""

from __future__ import annotations

import pytest
from gui_helpers import QT_IGNORE

pytestmark = [pytest.mark.gui, QT_IGNORE]


@pytest.fixture
def signed(make_image, tmp_path):
    from kilabel import keys, presets, profiles
    from kilabel.export import ExportTask, export_one
    from kilabel.provenance import Provenance
    from kilabel.settings import Settings

    src = make_image("motiv.jpg")
    ident, _ = keys.ensure(Settings().keys_path, "Teststadt")
    task = ExportTask(str(src), str(tmp_path / "out"), presets.get("ki-generiert"), profiles.SAME_AS_INPUT,
                      Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney", ai_version="6.1",
                                 prompt="Zwei Zeilen\nmit Umlauten äö"))
    res = export_one(task, ident)
    assert res.ok, res.error
    return res.output


def _check(qtbot, window, path):
    dialog = window.extras.check()
    with qtbot.waitSignal(dialog.checked, timeout=60_000):
        dialog.check_paths([str(path)])
    return dialog, dialog.browser.toPlainText()


def test_signed_export_reads_as_valid_with_its_origin(qtbot, window, signed):
    _, text = _check(qtbot, window, signed)
    assert "Signed and valid. The signer is not on your trust list" not in text  # own root is trusted
    assert "Signed and valid. The signer is on your trust list." in text
    assert "Fully AI-generated (trainedAlgorithmicMedia)" in text
    assert "Midjourney 6.1" in text
    assert "Zwei Zeilen\nmit Umlauten äö" in text
    assert "KI-generiert" in text


def test_tampered_file_reads_as_invalid(qtbot, window, signed, tmp_path):
    from pathlib import Path

    data = bytearray(Path(signed).read_bytes())
    data[-2000] ^= 0xFF  # a pixel byte changed after signing
    bad = tmp_path / "tampered.jpg"
    bad.write_bytes(bytes(data))
    _, text = _check(qtbot, window, bad)
    assert "Signature INVALID" in text


def test_unlabelled_and_unreadable_files(qtbot, window, make_image, tmp_path):
    plain = make_image("plain.png")
    dialog, text = _check(qtbot, window, plain)
    assert "No information about AI use found in this file." in text
    junk = tmp_path / "junk.jpg"
    junk.write_text("nope")
    with qtbot.waitSignal(dialog.checked, timeout=60_000):
        dialog.check_paths([str(junk)])
    assert "Cannot read this file." in dialog.browser.toPlainText()
