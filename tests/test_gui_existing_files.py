"""Re-export asks what to do with existing files (issue 14.6): once per batch, before it starts —
overwrite (replaced atomically, recorded as a correction), a new name (name-2), skip, or overwrite
as a correction with a reason that goes into the register. And the core's policy on its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from gui_helpers import QT_IGNORE, open_and_wait, row_status
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

pytestmark = [pytest.mark.gui, QT_IGNORE]


def _ready(qtbot, window, make_image, tmp_path) -> Path:
    open_and_wait(qtbot, window, [make_image("a.jpg"), make_image("b.jpg", seed=2)])
    window.select_all()
    window.edit_provenance("source_type", "trainedAlgorithmicMedia")
    window.edit_provenance("ai_system", "Midjourney")
    out = tmp_path / "out"
    window.side.output.set_folder(str(out))
    window._set_out_dir(str(out))
    return out


def _export(qtbot, window):
    """A first export: no file exists, so nothing is asked."""
    with qtbot.waitSignal(window.export_finished, timeout=120_000) as sig:
        window.start_export()
        assert window.export.existing_dialog is None
    return sig.args


def _again(qtbot, window, choice: str, reason: str = ""):
    """Export again; the dialog asks once; answer it."""
    window.start_export()
    dialog = window.export.existing_dialog
    assert dialog is not None and dialog.isVisible() and window.export.thread is None
    dialog.choose(choice, reason)
    with qtbot.waitSignal(window.export_finished, timeout=120_000) as sig:
        dialog.accept()
    assert window.export.existing_dialog is None
    return sig.args


def _entries(window):
    from kilabel.register import store as register

    with register.open_register(window.settings) as reg:
        return reg.query()


def test_the_dialog_names_the_existing_files_and_a_new_name_keeps_them(qtbot, window, make_image, tmp_path):
    out = _ready(qtbot, window, make_image, tmp_path)
    assert _export(qtbot, window) == [2, 0, False]
    (out / "b.jpg").unlink()  # only a.jpg exists now
    window.start_export()
    dialog = window.export.existing_dialog
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "1 of the 2 files to export exist already in" in texts and "• a.jpg" in texts
    assert dialog.choice() == "rename"  # the default loses nothing
    with qtbot.waitSignal(window.export_finished, timeout=120_000) as sig:
        dialog.accept()
    assert sig.args == [2, 0, False]
    assert sorted(p.name for p in out.iterdir()) == ["a-2.jpg", "a.jpg", "b.jpg"]


def test_overwrite_replaces_the_file_and_the_register_records_a_correction(
    qtbot, window, make_image, tmp_path
):
    out = _ready(qtbot, window, make_image, tmp_path)
    _export(qtbot, window)
    first = {e.output_name: e for e in _entries(window)}
    inode = os.stat(out / "a.jpg").st_ino
    window.select_rows([0])
    window.edit_provenance("ai_version", "7")  # a changed export
    assert _again(qtbot, window, "overwrite") == [2, 0, False]
    assert sorted(p.name for p in out.iterdir()) == ["a.jpg", "b.jpg"]
    assert os.stat(out / "a.jpg").st_ino != inode  # a new file renamed into place, not written over
    newest = [e for e in _entries(window) if e.id not in {f.id for f in first.values()}]
    assert {e.output_name: e.supersedes for e in newest} == {
        "a.jpg": first["a.jpg"].id,
        "b.jpg": first["b.jpg"].id,
    }
    assert all(e.reason == "" for e in newest)
    from kilabel.pipeline import verify

    assert verify.verify(out / "a.jpg", window.settings).provenance.ai_version == "7"


def test_skip_leaves_existing_files_and_says_nothing_was_exported(qtbot, window, make_image, tmp_path):
    out = _ready(qtbot, window, make_image, tmp_path)
    _export(qtbot, window)
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    count = len(_entries(window))
    assert _again(qtbot, window, "skip") == [0, 0, False]
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    assert len(_entries(window)) == count
    assert row_status(window, 0) == "skipped: the file exists already"
    text = window.bar.text.text()
    assert text.startswith("Nothing exported") and "2 skipped" in text and "exported to" not in text
    assert window.export.summary is None


def test_skip_exports_the_files_that_do_not_exist(qtbot, window, make_image, tmp_path):
    out = _ready(qtbot, window, make_image, tmp_path)
    _export(qtbot, window)
    (out / "b.jpg").unlink()
    assert _again(qtbot, window, "skip") == [1, 0, False]
    assert sorted(p.name for p in out.iterdir()) == ["a.jpg", "b.jpg"]
    assert row_status(window, 0) == "skipped: the file exists already" and row_status(window, 1) == "exported"
    assert "1 of 2 files exported to" in window.bar.text.text() and "1 skipped" in window.bar.text.text()


def test_a_correction_needs_a_reason_and_the_register_gets_it(qtbot, window, make_image, tmp_path):
    out = _ready(qtbot, window, make_image, tmp_path)
    _export(qtbot, window)
    first_ids = {e.id for e in _entries(window)}
    window.start_export()
    dialog = window.export.existing_dialog
    from kilabel.gui import accessibility

    assert [w for w in accessibility.interactive_widgets(dialog) if not w.accessibleName()] == []
    assert dialog.reason_edit.accessibleName() == "Reason for the correction"
    ok = dialog.box.button(QDialogButtonBox.StandardButton.Ok)
    dialog.choose("correction")
    assert not ok.isEnabled() and dialog.reason_edit.isEnabled()
    dialog.reason_edit.setText("Prompt nachgetragen")
    assert ok.isEnabled()
    with qtbot.waitSignal(window.export_finished, timeout=120_000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert sorted(p.name for p in out.iterdir()) == ["a.jpg", "b.jpg"]
    newest = [e for e in _entries(window) if e.id not in first_ids]
    assert len(newest) == 2
    assert all(e.reason == "Prompt nachgetragen" and e.supersedes in first_ids for e in newest)


def test_cancelling_the_question_exports_nothing(qtbot, window, make_image, tmp_path):
    out = _ready(qtbot, window, make_image, tmp_path)
    _export(qtbot, window)
    before = sorted(p.name for p in out.iterdir())
    window.start_export()
    window.export.existing_dialog.reject()
    assert window.export.existing_dialog is None and window.export.thread is None
    assert window.bar.text.text() == "Export cancelled: nothing exported"
    assert sorted(p.name for p in out.iterdir()) == before
    assert window.actions_.export_button.isEnabled()


@pytest.mark.parametrize(
    ("existing", "names", "skipped"),
    [("rename", ["a-2.jpg", "a.jpg"], False), ("overwrite", ["a.jpg"], False), ("skip", ["a.jpg"], True)],
)
def test_the_core_policy_for_existing_outputs(make_image, tmp_path, identity, existing, names, skipped):
    from kilabel import presets, profiles
    from kilabel.export.one import export_one
    from kilabel.export.task import ExportTask
    from kilabel.provenance import Provenance

    src, out = make_image("a.jpg"), tmp_path / "out"
    out.mkdir()
    (out / "a.jpg").write_bytes(b"an older export")

    def task():
        return ExportTask(
            str(src),
            str(out),
            presets.get("ki-generiert"),
            profiles.get("same-as-input"),
            Provenance(source_type="trainedAlgorithmicMedia"),
            existing=existing,
        )

    res = export_one(task(), identity)
    assert res.ok and res.skipped is skipped
    assert sorted(p.name for p in out.iterdir()) == names
    assert ((out / "a.jpg").read_bytes() == b"an older export") is (existing != "overwrite")
