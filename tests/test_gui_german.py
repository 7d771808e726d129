"""The German window speaks German everywhere (issue 14, must-hold 2): with the samples loaded, rows
that failed to load, rows with print and preset warnings, an export with warnings and its summary, the
question about existing files, and then every dialog of the menus opened in turn, no visible text and
no menu item carries an English word (tests/gui_scan.py reads every visible widget's text).

Modal dialogs are opened through their menu entries, as a user would; the scan runs while the dialog
is up (gui_scan.while_open) and closes it afterwards.
"""

from __future__ import annotations

import gui_scan
import pytest
from gui_helpers import open_window

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]


@pytest.fixture
def german_window(qtbot, kilabel_home):
    """The German window at laptop size; the translator is taken away again afterwards."""
    with open_window(qtbot, "de", size=(1366, 740)) as w:
        yield w


def english(root) -> list[str]:
    return gui_scan.english_in(gui_scan.visible_texts(root) + gui_scan.menu_texts(root))


def test_the_german_window_with_errors_warnings_and_an_export_shows_no_english(
    qtbot, german_window, tmp_path
):
    from kilabel import keys

    w = german_window
    files = gui_scan.tour_material(tmp_path)
    gui_scan.prepare_rows(qtbot, w, files)
    assert w.preview.preflight_notes, "the print check shows warnings"
    assert w.model.rowCount() == 7
    # hovering a row shows its tooltip: every warning and error in German
    tips = [(f"row {r} tooltip", w.model.data(w.model.index(r), 3) or "") for r in range(w.model.rowCount())]
    found = gui_scan.english_in(tips)
    found += gui_scan.tour_export(qtbot, w, tmp_path, files, english)
    assert keys.load(w.settings.keys_path).organisation == "kilabel (lokal)"  # the first identity's name
    assert not found, "\n".join(found)


def test_every_dialog_of_the_german_window_shows_no_english(qtbot, german_window, tmp_path):
    w = german_window
    files = gui_scan.tour_material(tmp_path)
    gui_scan.prepare_rows(qtbot, w, files)
    gui_scan.export(qtbot, w, tmp_path / "out")
    w.export.summary.close()
    found = gui_scan.tour_dialogs(qtbot, w, tmp_path, files, english)
    assert not found, "\n".join(found)


def test_the_scanner_sees_english_where_it_is():
    """The scan is not blind: an English sentence is found, German and names are not."""
    assert gui_scan.english_words("Choose the output folder") == ["Choose", "the", "output", "folder"]
    assert gui_scan.english_words("Was soll mit ihnen geschehen? Ausgabeordner wählen") == []
    assert gui_scan.english_words("motiv-nacht.png · Midjourney · C2PA · LGPL v3 (The Qt Company)") == []
