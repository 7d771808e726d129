"""Keyboard only (issue 14, must-hold 2): from opened images to a finished export, and to a
relabelled PDF, with keys sent to whichever widget has the focus: Tab, arrow keys, typing, Ctrl+E,
Return, Space and Alt+mnemonics. No mouse, and no method call does the work.

Two things are handed over as a start argument, because an offscreen test cannot drive the system's
file dialog: the images (`kilabel-gui FILES…` opens them: MainWindow.open_paths) and the PDF (the
relabel window's files come as a drop or an argument: RelabelWindow.add_paths).
"""

from __future__ import annotations

from pathlib import Path

import pdf_visible_builders as pvb
import pytest
from conftest import photo
from gui_helpers import open_and_wait
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QWidget

from kilabel.check import folder as check
from kilabel.pipeline import verify

# offscreen cannot propagate size hints, raise a window, nor grab the keyboard for an open menu
pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "grabbing the keyboard"),
]
AI = "trainedAlgorithmicMedia"
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on the focused widget, as the keyboard delivers it."""
    qtbot.keyClick(focused(), k, modifier)


def tab_to(qtbot, target: QWidget, limit: int = 80) -> int:
    """Press Tab until `target` has the focus; the number of presses (it must be reachable)."""
    for n in range(limit):
        if target.hasFocus():
            return n
        key(qtbot, Qt.Key.Key_Tab)
    assert target.hasFocus(), f"{type(target).__name__} {target.accessibleName()!r} not reached by Tab"
    return limit


def arrow_to(qtbot, combo, data: str) -> None:
    """Down arrows on a closed combo box until the item with `data` is chosen."""
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        key(qtbot, Qt.Key.Key_Down)
    assert combo.currentData() == data


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_images_to_export_and_a_pdf_to_relabel_by_keyboard_alone(qtbot, window, tmp_path):
    w = window
    sources = tmp_path / "in"
    sources.mkdir()
    for n in (1, 2):
        photo((800, 600), seed=n).save(sources / f"bild{n}.jpg", quality=90)
    open_and_wait(qtbot, w, sorted(sources.iterdir()))  # the start argument (see the docstring)
    activate(qtbot, w)
    w.list_view.setFocus()  # the start: the image list has the focus (as after a click into it)
    qtbot.waitUntil(w.list_view.hasFocus)
    assert not w.actions_.export_button.isEnabled()

    key(qtbot, Qt.Key.Key_A, CTRL)  # select every image
    assert len(w.selected_entries()) == 2
    pp, out = w.side.provenance, tmp_path / "out"
    tab_to(qtbot, pp.source)
    arrow_to(qtbot, pp.source, AI)
    assert all(e.image.provenance.source_type == AI for e in w.model.entries)
    tab_to(qtbot, pp.fields["ai_system"])
    qtbot.keyClicks(focused(), "Midjourney")
    assert all(e.image.provenance.ai_system == "Midjourney" for e in w.model.entries)
    tab_to(qtbot, w.side.output.folder)
    key(qtbot, Qt.Key.Key_A, CTRL)  # whatever the field held is replaced
    qtbot.keyClicks(focused(), str(out))
    key(qtbot, Qt.Key.Key_Return)
    assert w.job.out_dir == str(out)

    with qtbot.waitSignal(w.export_finished, timeout=300_000) as done:
        key(qtbot, Qt.Key.Key_E, CTRL)
    assert done.args == [2, 0, False]
    outputs = sorted(out.iterdir())
    assert [p.name for p in outputs] == ["bild1.jpg", "bild2.jpg"]
    for p in outputs:
        report = verify.verify(p)
        assert report.embedded.label.text == "AI-generated" and report.provenance.ai_system == "Midjourney"

    # again: the files exist; the question is answered by keyboard (Alt+S: skip them)
    activate(qtbot, w)
    key(qtbot, Qt.Key.Key_E, CTRL)
    dialog = w.export.existing_dialog
    assert dialog is not None and dialog.isVisible()
    activate(qtbot, dialog)
    key(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: dialog.choice() == "skip")  # a mnemonic "clicks" a button animated
    with qtbot.waitSignal(w.export_finished, timeout=300_000) as done:
        key(qtbot, Qt.Key.Key_Return)
    assert sorted(p.name for p in out.iterdir()) == ["bild1.jpg", "bild2.jpg"]  # nothing new

    # Extras (Alt+X) > Relabel images and PDFs (its letter: L)
    activate(qtbot, w)
    key(qtbot, Qt.Key.Key_X, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_L)
    qtbot.waitUntil(lambda: w.extras.relabel_window is not None and w.extras.relabel_window.isVisible())
    rw = w.extras.relabel_window
    pdf = pvb.logos(tmp_path / "flyer.pdf")  # a logo, a speck, a small picture and one photo
    rw.add_paths([str(pdf)])  # a drop or the argument (see the docstring)
    qtbot.waitUntil(lambda: rw.entries and not any(e.loading for e in rw.entries), timeout=60_000)
    activate(qtbot, rw)
    rw.file_list.setFocus()  # the start in this window: its file list has the focus
    key(qtbot, Qt.Key.Key_Home)  # the PDF becomes the current file: its pictures are listed
    qtbot.waitUntil(lambda: rw.image_list.count() == 4, timeout=30_000)

    key(qtbot, Qt.Key.Key_I, ALT)  # "Images placed in the PDF"
    assert isinstance(focused(), QListWidget) and focused() is rw.image_list
    key(qtbot, Qt.Key.Key_End)  # the photo is the last picture
    key(qtbot, Qt.Key.Key_Space)  # tick it
    flyer = rw.entries[0]
    assert flyer.checked == {4}
    key(qtbot, Qt.Key.Key_Y, ALT)  # Source type
    arrow_to(qtbot, rw.source, AI)
    key(qtbot, Qt.Key.Key_A, ALT)  # AI system
    qtbot.keyClicks(focused(), "Midjourney")
    key(qtbot, Qt.Key.Key_O, ALT)  # Reason
    assert focused() is rw.reason
    qtbot.keyClicks(focused(), "Kennzeichnung fehlte im Druck")
    key(qtbot, Qt.Key.Key_U, ALT)  # Output folder
    assert isinstance(focused(), QLineEdit) and focused() is rw.out_edit
    key(qtbot, Qt.Key.Key_A, CTRL)  # whatever the field held is replaced
    qtbot.keyClicks(focused(), str(tmp_path / "relabelled"))
    assert rw.run_button.isEnabled(), rw.problem()
    with qtbot.waitSignal(rw.relabel_finished, timeout=180_000) as finished:
        key(qtbot, Qt.Key.Key_R, ALT)  # Relabel
    results = finished.args[0]
    assert [r.ok for r in results] == [True], [r.error for r in results]
    out_pdf = tmp_path / "relabelled" / "flyer.pdf"
    row = check.check_file(out_pdf, check.CheckOptions(ocr="off"))
    assert row.verdict_code == "labelled", (row.verdict, row.basis)
    assert Path(results[0].output) == out_pdf
