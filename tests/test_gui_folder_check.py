"""The "Check a folder" dialog in a German window: its own title, verdicts in German, sorting, the
attention filter, thumbnails and the details of the selected row."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from conftest import photo
from gui_helpers import QT_IGNORE
from PySide6.QtCore import Qt, QTranslator

from kilabel import presets, profiles
from kilabel.check import folder as check
from kilabel.check.rows import VERDICTS
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.provenance import Provenance

pytestmark = [pytest.mark.gui, QT_IGNORE]

# The dialog's new words, for as long as kilabel_de.ts does not carry them yet (the real translations
# come first; test_gui_i18n makes sure the .ts has every one of them).
GERMAN = {
    "Check a folder": "Ordner prüfen",
    "Only files that need attention": "Nur Dateien, die Aufmerksamkeit brauchen",
    "labelled (according to the metadata, not confirmed)": "gekennzeichnet (laut Metadaten, nicht bestätigt)",
    "labelled": "gekennzeichnet",
    "AI image, no visible label found": "KI-Bild, keine sichtbare Kennzeichnung gefunden",
    "AI image, visible label not checked": "KI-Bild, sichtbare Kennzeichnung nicht geprüft",
    "provenance damaged": "Herkunftsangaben beschädigt",
    "no AI provenance found": "keine KI-Herkunft gefunden",
    "cannot read this file": "Datei nicht lesbar",
    "not checked": "nicht geprüft",
    "not checked (%1)": "nicht geprüft (%1)",
    "not found": "nicht gefunden",
    "seen: %1": "gesehen: %1",
    "seen for every AI image": "bei jedem KI-Bild gesehen",
    "text recognition not available": "Texterkennung nicht verfügbar",
    "register entry %1": "Registereintrag %1",
    "metadata: %1": "Metadaten: %1",
    "C2PA: label added": "C2PA: Kennzeichnung hinzugefügt",
    "Select a file to see everything the check found.": "Wählen Sie eine Datei, um alles zu sehen, was die Prüfung gefunden hat.",
    "Image": "Bild",
    "File type": "Dateityp",
    "Provenance details": "Einzelheiten zur Herkunft",
    "Prompt": "Prompt",
    "Placed images": "Platzierte Bilder",
    "Error": "Fehler",
}

AI_URI = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
ENGLISH_WORDS = [w for w, _ in VERDICTS.values()] + [
    "labelled",
    "AI image",
    "not checked",
    "not found",
    "text recognition not available",
    "no AI provenance",
]


class _Fallback(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        return GERMAN.get(source) if context == "FolderCheckDialog" else None


@pytest.fixture
def german(qapp):
    from kilabel.gui import i18n

    fallback = _Fallback()
    qapp.installTranslator(fallback)
    i18n.install(qapp, "de")  # installed last: its translations are asked first
    yield
    i18n.install(qapp, "en")
    qapp.removeTranslator(fallback)


@pytest.fixture
def material(tmp_path, make_image, identity):
    """A labelled kilabel export, an AI image without label, a plain photo, a tampered export and a
    file that is no image at all."""
    import subprocess

    root = tmp_path / "material"
    root.mkdir()
    res = export_one(
        ExportTask(
            str(make_image("gen.jpg", (640, 480))),
            str(root),
            presets.get("ki-generiert"),
            profiles.SAME_AS_INPUT,
            Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney", prompt="ein Rathaus"),
        ),
        identity,
    )
    assert res.ok, res.error
    photo((640, 480), seed=3).save(root / "ai-ohne.jpg", quality=90)
    subprocess.run(
        [
            "exiftool",
            "-q",
            "-overwrite_original",
            f"-XMP-iptcExt:DigitalSourceType={AI_URI}",
            str(root / "ai-ohne.jpg"),
        ],
        check=True,
    )
    photo((640, 480), seed=4).save(root / "foto.png")
    data = bytearray(Path(res.output).read_bytes())
    data[-300] ^= 0x55
    (root / "tampered.jpg").write_bytes(bytes(data))
    (root / "kaputt.jpg").write_bytes(b"\xff\xd8\xff\xe0 this is not a picture")
    return root


def _checked(qtbot, root):
    from kilabel.gui.folder_check_view import FolderCheckDialog

    dlg = FolderCheckDialog(options=check.CheckOptions(ocr="off"))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.folder_edit.setText(str(root))
    with qtbot.waitSignal(dlg.check_finished, timeout=60000):
        dlg.start()
    return dlg


def _column(dlg, col: int) -> list[str]:
    return [
        dlg.table.item(r, col).text() for r in range(dlg.table.rowCount()) if not dlg.table.isRowHidden(r)
    ]


def _names(dlg) -> list[str]:
    return _column(dlg, 0)


def test_german_folder_check(qtbot, german, material):
    from kilabel.gui.check_dialog import CheckView
    from kilabel.settings import Settings

    dlg = _checked(qtbot, material)
    page = CheckView(Settings(), "de")
    qtbot.addWidget(page)
    assert dlg.windowTitle() == "Ordner prüfen"
    assert page.findChildren(type(dlg.summary))[0].text() == "Dateien prüfen"  # the Check page's title

    by = {r.file.rsplit("/", 1)[-1]: r.verdict_code for r in dlg.rows}
    assert by == {
        "gen.jpg": "labelled",
        "ai-ohne.jpg": "ai-unchecked",
        "foto.png": "no-ai",
        "tampered.jpg": "damaged",
        "kaputt.jpg": "error",
    }
    # the verdict and the visible label in German, no English verdict words in the table
    verdicts = dict(zip(_names(dlg), _column(dlg, 1), strict=True))
    assert verdicts["gen.jpg"] == "gekennzeichnet"
    assert verdicts["ai-ohne.jpg"] == "KI-Bild, sichtbare Kennzeichnung nicht geprüft"
    assert verdicts["foto.png"] == "keine KI-Herkunft gefunden"
    assert verdicts["tampered.jpg"] == "Herkunftsangaben beschädigt"
    assert verdicts["kaputt.jpg"] == "Datei nicht lesbar"
    visible = dict(zip(_names(dlg), _column(dlg, 6), strict=True))
    assert visible["ai-ohne.jpg"] == "Texterkennung nicht verfügbar"
    assert visible["gen.jpg"] == "nicht geprüft"
    for col in (1, 2, 6):
        for text in _column(dlg, col):
            for word in ENGLISH_WORDS:
                assert word.casefold() not in text.casefold(), (col, text)
    assert dict(zip(_names(dlg), _column(dlg, 3), strict=True))["gen.jpg"] == "Vollständig KI-generiert"

    # sort by verdict: the files that need attention first, then labelled, then no AI
    dlg.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _names(dlg)[3:] == ["gen.jpg", "foto.png"]
    assert set(_names(dlg)[:3]) == {"kaputt.jpg", "tampered.jpg", "ai-ohne.jpg"}
    assert _names(dlg)[0] == "kaputt.jpg"
    dlg.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _names(dlg) == sorted(_names(dlg), key=str.casefold)

    # the attention filter hides the rest
    dlg.attention_only.setChecked(True)
    assert sorted(_names(dlg)) == ["ai-ohne.jpg", "kaputt.jpg", "tampered.jpg"]
    dlg.attention_only.setChecked(False)
    assert len(_names(dlg)) == 5

    # a thumbnail per readable image, loaded in the background
    qtbot.waitUntil(
        lambda: all(not it.icon().isNull() for it in dlg._file_items if it.text() != "kaputt.jpg")
    )

    # selecting a row shows all it has
    assert "Wählen Sie eine Datei" in dlg.details.toPlainText()
    row = _names(dlg).index("gen.jpg")
    dlg.table.selectRow(row)
    details = dlg.details.toPlainText()
    for text in (
        "gen.jpg",
        "gekennzeichnet",
        "Midjourney",
        "ein Rathaus",
        "Vollständig KI-generiert",
        "Prompt",
    ):
        assert text in details, text
    dlg.table.selectRow(_names(dlg).index("tampered.jpg"))
    tampered = next(r for r in dlg.rows if r.file.endswith("tampered.jpg"))
    assert tampered.provenance_why and tampered.provenance_why in dlg.details.toPlainText()
    assert "Einzelheiten zur Herkunft" in dlg.details.toPlainText()
    # the filter hides the selected row: its details go too
    dlg.table.selectRow(_names(dlg).index("gen.jpg"))
    dlg.attention_only.setChecked(True)
    assert "Midjourney" not in dlg.details.toPlainText()


def test_columns_fit_their_content(qtbot, material):
    dlg = _checked(qtbot, material)
    qtbot.waitUntil(lambda: sum(not it.icon().isNull() for it in dlg._file_items) == 4)
    header = dlg.table.horizontalHeader()
    assert header.stretchLastSection()
    assert header.sectionResizeMode(0) == header.ResizeMode.Interactive  # the user can still resize

    def fitted():
        return all(
            dlg.table.columnWidth(col) >= min(dlg.table.sizeHintForColumn(col), 420)
            for col in range(dlg.table.columnCount() - 1)
        )

    qtbot.waitUntil(fitted)  # file names are not cut off next to their thumbnails
    assert dlg.isSizeGripEnabled()
    screen = dlg.screen().availableGeometry()
    assert dlg.width() >= min(640, screen.width()) and dlg.height() >= min(480, screen.height())
