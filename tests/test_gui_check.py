"""The check and PDF relabel dialogs, offscreen, with qtbot."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
from pathlib import Path

import pdf_builders as pb
import pytest
from conftest import photo
from PySide6.QtCore import Qt

from kilabel import keys, settings
from kilabel.check import folder as check
from kilabel.gui.folder_check_view import FolderCheckDialog
from kilabel.gui.pdf_relabel_view import PdfRelabelDialog

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


def test_pdf_relabel_dialog_premarks_ai_and_relabels(qtbot, tmp_path):
    src = pb.brochure(tmp_path / "b.pdf")
    identity = keys.ensure(settings.load().keys_path, "Stadt Musterstadt")[0]
    dlg = PdfRelabelDialog(identity_factory=lambda: identity)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.listed, timeout=30000) as sig:
        dlg.open(src)
    assert sig.args == [4]
    assert dlg.chosen() == [3]  # the image whose XMP says AI
    assert not dlg.list.item(0).icon().isNull()  # thumbnail
    dlg.list.item(0).setCheckState(Qt.CheckState.Checked)
    dlg.out_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dlg.relabelled, timeout=60000) as done:
        dlg.run()
    res = done.args[0]
    assert res.ok, res.error
    assert Path(res.output) == tmp_path / "out" / "b.pdf"
    assert "1 (page 1)" in res.warnings[0] and "3 (page 2)" in res.warnings[0]
