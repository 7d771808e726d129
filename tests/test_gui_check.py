"""The folder check dialog, offscreen, with qtbot (the relabel window: test_gui_relabel_window.py)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json

import pdf_builders as pb
import pytest
from conftest import photo

from kilabel.check import folder as check
from kilabel.gui.folder_check_view import FolderCheckDialog

pytestmark = pytest.mark.gui


def test_folder_check_dialog_rows_and_export(qtbot, tmp_path):
    folder = tmp_path / "material"
    folder.mkdir()
    photo((320, 240)).save(folder / "foto.jpg")
    pb.brochure(folder / "b.pdf")
    dlg = FolderCheckDialog(options=check.CheckOptions(ocr="off"))
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(folder))
    with qtbot.waitSignal(dlg.check_finished, timeout=60000) as sig:
        dlg.start()
    assert sig.args == [2, 1]
    assert dlg.table.rowCount() == 2
    verdicts = {dlg.table.item(r, 0).text(): dlg.table.item(r, 1).text() for r in range(2)}
    assert verdicts == {
        "b.pdf": "AI image, no visible label found",  # page text searched (pdftotext)
        "foto.jpg": "no AI provenance found",
    }
    dlg.save(tmp_path / "r.json", "json")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["summary"]["attention"] == 1 and len(data["files"]) == 2
    dlg.save(tmp_path / "r.csv", "csv")
    assert "verdict" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()[0]
