"""The register and credits windows (offscreen): filter, history, export, find by file, credits."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import csv
import io
import json

import pytest
from register_helpers import entry

from kilabel.gui import register_view
from kilabel.register.store import SqliteRegister

# the offscreen platform says this on every show(); it is not about our widgets
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def reg(tmp_path):
    with SqliteRegister(tmp_path / "r.sqlite") as r:
        first = r.add(entry(1, created="2025-01-10T10:00:00.000000Z", prompt="<b>Prompt</b> & mehr"))
        r.add(entry(2, campaign="Wahl", ai_system="DALL-E", created="2025-03-01T10:00:00.000000Z"))
        r.add(entry(3, supersedes=first.id, reason="wrong prompt", created="2025-06-01T10:00:00.000000Z"))
        yield r


@pytest.fixture
def dialog(qtbot, reg):
    dlg = register_view.RegisterDialog(reg)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _ids(dlg) -> list[int]:
    return [int(dlg.table.item(r, 0).text()) for r in range(dlg.table.rowCount())]


def test_lists_and_filters(dialog):
    assert _ids(dialog) == [1, 2, 3]
    assert "superseded by 3" in dialog.table.item(0, 6).text()
    assert "correction of 1: wrong prompt" in dialog.table.item(2, 6).text()
    dialog.campaign.setCurrentIndex(dialog.campaign.findData("Wahl"))
    assert _ids(dialog) == [2]
    dialog.campaign.setCurrentIndex(0)
    dialog.ai_system.setCurrentIndex(dialog.ai_system.findData("Midjourney"))
    assert _ids(dialog) == [1, 3]
    dialog.ai_system.setCurrentIndex(0)
    dialog.since.setDate(dialog.since.date().fromString("2025-02-01", "yyyy-MM-dd"))
    dialog.since_on.setChecked(True)
    assert _ids(dialog) == [2, 3]
    dialog.since_on.setChecked(False)
    dialog.current_only.setChecked(True)
    assert _ids(dialog) == [2, 3]
    dialog.current_only.setChecked(False)
    dialog.search.setText("motiv2")
    assert _ids(dialog) == [2]


def test_selecting_shows_history_and_details(dialog, qtbot):
    with qtbot.waitSignal(dialog.entrySelected) as sig:
        dialog.table.selectRow(0)
    assert sig.args == [1]
    assert [dialog.history.item(r, 0).text() for r in range(dialog.history.rowCount())] == ["1", "3"]
    text = dialog.details.toPlainText()
    assert "Prompt: <b>Prompt</b> & mehr" in text and "Erika" in text


def test_export_csv_and_public_json(dialog, tmp_path):
    dialog.campaign.setCurrentIndex(dialog.campaign.findData("Buchstadt"))
    assert dialog.export_to(tmp_path / "r.csv", "csv") == 2
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert [r["id"] for r in rows] == ["1", "3"] and rows[0]["operator"] == "Erika"
    dialog.public.setChecked(True)
    dialog.export_to(tmp_path / "r.json", "json")
    doc = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert (
        doc["public"]
        and "operator" not in doc["entries"][0]
        and doc["entries"][1]["reason"] == "wrong prompt"
    )


def test_find_file_by_hash(dialog, tmp_path, reg):
    f = tmp_path / "some.jpg"
    f.write_bytes(b"not really an image")
    assert dialog.find_file(f) == [] and "not in the register" in dialog.status.text()
    import hashlib

    reg.add(entry(4, output_sha256=hashlib.sha256(f.read_bytes()).hexdigest(), campaign="Wahl"))
    dialog.refresh()
    chains = dialog.find_file(f)
    assert [e.id for e in chains[0]] == [4]
    assert dialog.details.toPlainText().startswith("No. 4")


def test_credits_dialog_formats_and_languages(dialog, qtbot, tmp_path):
    dialog.table.selectRow(1)
    creds = dialog.open_credits()
    qtbot.addWidget(creds)
    assert "motiv2.jpg" in creds.preview.toPlainText() and "motiv1.jpg" not in creds.preview.toPlainText()
    creds.campaign.setCurrentIndex(creds.campaign.findData("Buchstadt"))
    with qtbot.waitSignal(creds.rendered) as sig:
        creds.format.setCurrentIndex(creds.format.findData("html"))
    assert "&lt;b&gt;" not in sig.args[0]  # entry 1 is superseded; the correction's prompt is shown
    assert creds.language.currentData() == "en"  # the English window's language (issue 14.5)
    assert sig.args[0].startswith('<section class="kilabel-credits" lang="en">')
    with qtbot.waitSignal(creds.rendered) as sig:
        creds.language.setCurrentIndex(creds.language.findData("de"))
    assert sig.args[0].startswith('<section class="kilabel-credits" lang="de">')
    creds.language.setCurrentIndex(creds.language.findData("en"))
    assert "Image credits – Buchstadt" in creds.preview.toPlainText()
    creds.format.setCurrentIndex(creds.format.findData("csv"))
    creds.save_to(tmp_path / "c.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "c.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0][0] == "Image" and rows[1][0] == "motiv1.jpg" and rows[1][4] == "Prompt 3"
    creds.copy()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == creds.preview.toPlainText()


def test_owns_and_closes_a_register_it_opened(qtbot, tmp_path):
    from kilabel.settings import Settings

    dlg = register_view.RegisterDialog(settings=Settings(register_path=str(tmp_path / "own.sqlite")))
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 0 and dlg.status.text() == "0 entries"
    dlg.reject()
    assert (tmp_path / "own.sqlite").exists()


def test_credits_dialog_from_the_menu_opens_the_settings_register(qtbot, tmp_path):
    from kilabel.settings import Settings

    path = tmp_path / "menu.sqlite"
    with SqliteRegister(path) as r:
        r.add(entry(7, campaign="Menü"))
    dlg = register_view.CreditsDialog(settings=Settings(register_path=str(path)))
    qtbot.addWidget(dlg)
    assert "motiv7.jpg" in dlg.preview.toPlainText() and dlg.campaign.findData("Menü") > 0
    dlg.reject()
