"""A read-only output folder (issue 14.10): the window probes the folder before the batch starts (a
file made and removed there), says once, naming the folder, that nothing can be written there, tries
no file, names no temporary file, and the status line says that nothing was exported.

The folder is really read-only: a read-only tmpfs mounted over it when the tests run as root (root
writes through permission bits), else a folder without write permission."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from gui_helpers import QT_IGNORE, open_and_wait, row_status

pytestmark = [pytest.mark.gui, QT_IGNORE]


@pytest.fixture
def read_only(tmp_path):
    folder = tmp_path / "readonly"
    folder.mkdir()
    if os.geteuid() == 0:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], check=True)
        try:
            yield folder, "the disk is read-only"
        finally:
            subprocess.run(["umount", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield folder, "you have no permission to write there"
        finally:
            folder.chmod(0o755)


def _ready(qtbot, window, make_image, out: Path) -> None:
    open_and_wait(qtbot, window, [make_image(f"m{i}.jpg", seed=i) for i in range(3)])
    window.select_all()
    window.edit_provenance("source_type", "trainedAlgorithmicMedia")
    window.edit_provenance("ai_system", "Midjourney")
    window.side.output.set_folder(str(out))
    window._set_out_dir(str(out))


@pytest.mark.parametrize("sub", ["", "new/sub"])
def test_a_read_only_folder_is_one_message_and_nothing_is_tried(qtbot, window, make_image, read_only, sub):
    folder, why = read_only
    out = folder / sub if sub else folder
    _ready(qtbot, window, make_image, out)
    with qtbot.assertNotEmitted(window.export.busy_changed):
        assert window.start_export() is False
    assert window.export.thread is None
    expected = f"Nothing exported: cannot write to the folder {out} ({why}). Choose another output folder."
    assert window.bar.text.text() == expected
    box = window.export.folder_box
    assert box is not None and box.isVisible() and box.text() == expected
    # no row was tried: no per-file errors, nothing naming a temporary file
    assert [row_status(window, r) for r in range(3)] == ["ready"] * 3
    assert ".tmp" not in window.bar.text.text() and "exported to" not in window.bar.text.text()
    assert list(folder.iterdir()) == []
    assert window.export.summary is None
    from kilabel.gui import accessibility

    assert [w for w in accessibility.interactive_widgets(box) if not w.accessibleName()] == []
    box.close()
    assert window.actions_.export_button.isEnabled()  # another folder can be chosen and tried


def test_the_probe_leaves_nothing_in_a_writable_folder(qtbot, window, make_image, tmp_path):
    out = tmp_path / "fresh" / "out"  # made by the probe
    _ready(qtbot, window, make_image, out)
    assert window.export.folder_problem(str(out)) == ""
    assert out.is_dir() and list(out.iterdir()) == []
    with qtbot.waitSignal(window.export_finished, timeout=120_000) as sig:
        window.start_export()
    assert sig.args == [3, 0, False]
    assert sorted(p.name for p in out.iterdir()) == ["m0.jpg", "m1.jpg", "m2.jpg"]


def test_a_file_in_the_way_is_named_too(qtbot, window, make_image, tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    _ready(qtbot, window, make_image, blocker)
    assert window.start_export() is False
    assert window.bar.text.text().startswith(f"Nothing exported: cannot write to the folder {blocker} (")
    assert blocker.read_text() == "not a folder"
