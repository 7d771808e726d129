"""Every control has a name a screen reader reads, in the window's language (issue 14, item 11 and
must-hold 2): the main window empty and with rows, print check and export summary, the
existing-files question, and every dialog of the menus, in English and German. The name is what Qt
hands to a screen reader (QAccessible: the accessible name, a buddy label, the control's text).
"""

from __future__ import annotations

import gui_scan
import pytest
from gui_helpers import open_window

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]


@pytest.fixture(params=["en", "de"])
def any_window(request, qtbot, kilabel_home):
    with open_window(qtbot, request.param, size=(1366, 740)) as w:
        yield w


def test_every_control_of_the_window_and_its_dialogs_has_a_name(qtbot, any_window, tmp_path):
    w = any_window
    found = [f"empty window: {x}" for x in gui_scan.unnamed_controls(w)]
    files = gui_scan.tour_material(tmp_path)
    gui_scan.prepare_rows(qtbot, w, files)
    found += gui_scan.tour_export(qtbot, w, tmp_path, files, gui_scan.unnamed_controls)
    found += gui_scan.tour_dialogs(qtbot, w, tmp_path, files, gui_scan.unnamed_controls)
    assert not found, "\n".join(found)


def test_names_are_in_the_windows_language(qtbot, any_window, tmp_path):
    """The names of the controls a user meets first are in the window's language, not English in
    the German window (the scan of visible text does not read accessible names)."""
    from PySide6.QtWidgets import QWidget

    w = any_window
    gui_scan.prepare_rows(qtbot, w, gui_scan.tour_material(tmp_path))
    names = [
        (f"{type(x).__name__} name", x.accessibleName()) for x in w.findChildren(QWidget) if x.isVisible()
    ]
    english = gui_scan.english_in(names)
    if w.ui_language == "de":
        assert not english, "\n".join(english)
    else:
        assert english, "the English window's names are English"
    assert w.side.output.folder.accessibleName() == (
        "Zielordner" if w.ui_language == "de" else "Output folder"
    )


def test_the_unnamed_scan_finds_a_control_without_a_name(qtbot):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    QVBoxLayout(root).addWidget(QLineEdit())
    root.show()
    assert len(gui_scan.unnamed_controls(root)) == 1
