"""The window's missing fields (issue 14, items 7, 11 and 12): campaign and client reach the register,
whose path is a setting; a provenance list as Excel writes it is applied by file name; a watermark
preset's opacity, angle and size are set in the window; text fields show their start; every control
has a name a screen reader reads and every form label is linked to its field."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from gui_helpers import QT_IGNORE, open_and_wait, row_status
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel

from kilabel.gui import accessibility, provenance_tools

pytestmark = [pytest.mark.gui, QT_IGNORE]

HEADER = ["Datei", "source_type", "ai_system", "creator", "credit", "campaign", "client"]
ROW_A = [
    "a.jpg",
    "trainedAlgorithmicMedia",
    "Midjourney",
    "Müller & Söhne",
    "Foto: KI · 5 €",
    "Wahl 2026",
    "Stadt",
]
ROW_B = [
    "b.jpg",
    "compositeWithTrainedAlgorithmicMedia",
    "Firefly",
    "Öffentlichkeitsamt",
    "",
    "Wahl 2026",
    "",
]
ROW_MISSING = ["fehlt.jpg", "trainedAlgorithmicMedia", "DALL-E", "", "", "", ""]


def _excel_text(rows: list[list[str]], sep: str) -> str:
    """As Excel saves "CSV (Trennzeichen-getrennt)": quotes only where needed, CRLF."""

    def cell(v: str) -> str:
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in (sep, '"', "\n")) else v

    return "".join(sep.join(cell(c) for c in row) + "\r\n" for row in rows)


def _write_list(folder: Path, kind: str, rows: list[list[str]]) -> Path:
    if kind == "xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        for row in rows:
            wb.active.append(row)
        path = folder / "Herkunft.xlsx"
        wb.save(path)
        return path
    path = folder / f"Herkunft-{kind}.csv"
    if kind == "cp1252":  # German Windows: "CSV (Trennzeichen-getrennt)"
        path.write_bytes(_excel_text(rows, ";").encode("cp1252"))
    else:  # "CSV UTF-8": with a BOM
        path.write_bytes(codecs.BOM_UTF8 + _excel_text(rows, ";").encode("utf-8"))
    return path


def _open_three(qtbot, window, make_image):
    inputs = [make_image("a.jpg"), make_image("b.jpg", seed=2), make_image("c.jpg", seed=3)]
    open_and_wait(qtbot, window, inputs)
    return inputs


@pytest.mark.parametrize("kind", ["cp1252", "utf8-bom", "xlsx"])
def test_a_provenance_list_as_excel_writes_it_fills_the_matching_rows(
    qtbot, window, make_image, tmp_path, kind
):
    _open_three(qtbot, window, make_image)
    window.select_rows([0])
    window.edit_provenance("prompt", "Straßenbahn im Regen")  # not in the list: kept
    table = _write_list(tmp_path, kind, [HEADER, ROW_A, ROW_B, ROW_MISSING])
    report = provenance_tools.import_list(window, table)
    assert report.error == ""
    assert (report.rows, report.images, report.unmatched) == (3, ["a.jpg", "b.jpg"], ["fehlt.jpg"])
    a, b, c = (e.image.provenance for e in window.model.entries)
    assert (a.source_type, a.ai_system, a.creator, a.credit) == (
        "trainedAlgorithmicMedia",
        "Midjourney",
        "Müller & Söhne",
        "Foto: KI · 5 €",
    )
    assert (a.campaign, a.client, a.prompt) == ("Wahl 2026", "Stadt", "Straßenbahn im Regen")
    assert (b.ai_system, b.campaign, b.client) == ("Firefly", "Wahl 2026", "")
    assert c.source_type == "" and c.ai_system == ""
    assert row_status(window, 0) == "ready" and row_status(window, 1).startswith("ready")  # b: a montage note
    assert window.side.provenance.fields["campaign"].text() == "Wahl 2026"  # the selection shows it
    text = report.summary()
    assert "2 of 3 rows" in text and "2 image(s) updated" in text and "fehlt.jpg" in text


def test_a_list_with_a_bad_row_changes_nothing_and_names_file_and_line(qtbot, window, make_image, tmp_path):
    _open_three(qtbot, window, make_image)
    bad = ["b.jpg", "aiGenerated", "Firefly", "", "", "", ""]
    table = _write_list(tmp_path, "cp1252", [HEADER, ROW_A, bad])
    report = provenance_tools.import_list(window, table)
    assert str(table) in report.error and "line 3" in report.error and "aiGenerated" in report.error
    assert all(not e.image.provenance.source_type for e in window.model.entries)
    assert report.summary().startswith("The list cannot be used: ") and "\n" not in report.summary()


def test_the_file_menu_imports_a_list_and_says_what_matched(qtbot, window, make_image, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    _open_three(qtbot, window, make_image)
    table = _write_list(tmp_path, "utf8-bom", [HEADER, ROW_A, ROW_MISSING])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(table), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(("warning", a[2])))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(("information", a[2])))
    action = window.actions_.import_provenance
    assert action in window.menuBar().actions()[0].menu().actions()
    action.trigger()
    assert len(shown) == 1 and shown[0][0] == "warning"  # a row matched nothing: said, not hidden
    assert "1 of 2 rows" in shown[0][1] and "fehlt.jpg" in shown[0][1]
    assert "fehlt.jpg" in window.bar.text.text()
    assert window.model.entries[0].image.provenance.campaign == "Wahl 2026"


def test_campaign_and_client_reach_the_register_the_settings_name(qtbot, window, make_image, tmp_path):
    from kilabel import settings as settings_mod
    from kilabel.gui.settings_dialog import SettingsDialog
    from kilabel.register import store

    own = tmp_path / "eigenes" / "register.sqlite"
    dlg = SettingsDialog(window.settings)
    qtbot.addWidget(dlg)
    assert dlg.register.text() == "" and dlg.register.placeholderText() == str(store.default_path(None))
    dlg.register.setText(str(own))
    dlg.save()
    assert settings_mod.load().register_path == str(own) and window.settings.register_path == str(own)

    open_and_wait(qtbot, window, [make_image("a.jpg")])
    pp = window.side.provenance
    window.select_rows([0])
    window.edit_provenance("source_type", "digitalCapture")
    qtbot.keyClicks(pp.fields["campaign"], "Sommer 2026")
    qtbot.keyClicks(pp.fields["client"], "Stadt Musterstadt")
    prov = window.model.entries[0].image.provenance
    assert (prov.campaign, prov.client) == ("Sommer 2026", "Stadt Musterstadt")
    out = tmp_path / "out"
    window._set_out_dir(str(out))
    with qtbot.waitSignal(window.export_finished, timeout=300_000) as sig:
        qtbot.mouseClick(window.actions_.export_button, Qt.MouseButton.LeftButton)
    assert sig.args[:2] == [1, 0]
    assert own.exists() and not store.default_path(None).exists()
    with store.open_register(window.settings) as reg:
        (entry,) = reg.query()
    assert (entry.campaign, entry.client) == ("Sommer 2026", "Stadt Musterstadt")


def test_settings_refuse_a_folder_as_the_register(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kilabel import settings as settings_mod
    from kilabel.gui.settings_dialog import SettingsDialog

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    dlg = SettingsDialog(settings_mod.Settings())
    qtbot.addWidget(dlg)
    dlg.register.setText(str(tmp_path))
    dlg.save()
    assert said and str(tmp_path) in said[0] and "folder" in said[0]
    assert not settings_mod.settings_file().exists()


def test_watermark_opacity_angle_and_size_are_set_in_the_window(qtbot, window, make_image):
    open_and_wait(qtbot, window, [make_image("a.jpg")])
    lp = window.side.label
    assert not lp.wm_opacity.isVisibleTo(lp)  # a plain label preset: no watermark fields
    with qtbot.waitSignal(window.preview.rendered, timeout=30_000):
        window.choose_preset("wasserzeichen")
    assert lp.wm_opacity.isVisibleTo(lp) and lp.wm_angle.isVisibleTo(lp) and lp.wm_mode.isVisibleTo(lp)
    assert (lp.wm_opacity.value(), lp.wm_angle.value(), lp.wm_scale.value()) == (18, 30, 7)
    with qtbot.waitSignal(window.preview.rendered, timeout=30_000):
        lp.wm_opacity.setValue(40)
    lp.wm_angle.setValue(-15)
    lp.wm_scale.setValue(12)
    assert lp.wm_spacing.isVisibleTo(lp) and lp.wm_spacing.value() == 100
    lp.wm_spacing.setValue(200)
    assert window.preview.preset.watermark.spacing == 2.0  # fewer marks, further apart
    i = lp.wm_mode.findData("once")
    lp.wm_mode.setCurrentIndex(i)
    lp.wm_mode.activated.emit(i)
    wm = window.preview.preset.watermark  # what the preview draws
    assert (wm.opacity, wm.angle, wm.scale, wm.mode) == (0.4, -15.0, 0.12, "once")
    assert window.job.preset.watermark.opacity == 0.4
    window.undo.undo()  # each change is one undo step
    assert window.job.preset.watermark.mode == "tiled" and lp.wm_mode.currentData() == "tiled"
    window.choose_preset("ki-generiert")
    assert not lp.wm_opacity.isVisibleTo(lp)


def test_text_fields_open_showing_their_start(qtbot, window, make_image):
    open_and_wait(qtbot, window, [make_image("a.jpg"), make_image("b.jpg", seed=2)])
    long_credit = (
        "Bild: KI-generiert mit Midjourney 7 für die Kampagne Sommer 2026 · Agentur Süd GmbH & Co. KG"
    )
    window.select_rows([0])
    window.edit_provenance("credit", long_credit)
    window.select_rows([1])
    window.select_rows([0])
    credit = window.side.provenance.fields["credit"]
    assert credit.text() == long_credit and credit.cursorPosition() == 0
    window.choose_preset("credit-line")
    assert window.side.label.text_de.text().startswith("Bild:")
    assert window.side.label.text_de.cursorPosition() == 0


def _unnamed(root) -> list[str]:
    return [
        f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r} {w.toolTip()!r}"
        for w in accessibility.interactive_widgets(root)
        if not w.accessibleName().strip()
    ]


def _row_controls(item) -> list:
    if item is None:
        return []
    if item.widget() is not None:
        return [item.widget()]
    lay = item.layout()
    return [w for i in range(lay.count() if lay else 0) for w in _row_controls(lay.itemAt(i))]


def _unlinked_form_labels(root) -> list[str]:
    """Form labels linked to no field; a heading over fields that each have their own linked caption
    (Size: "Share of the short edge", "Text height in print") counts as linked."""
    captioned = {lab.buddy() for lab in root.findChildren(QLabel) if lab.buddy() is not None}
    found = []
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item else None
            if not isinstance(label, QLabel) or not label.text() or label.buddy() is not None:
                continue
            controls = [
                w
                for w in _row_controls(form.itemAt(row, QFormLayout.ItemRole.FieldRole))
                if isinstance(w, accessibility.INTERACTIVE)
            ]
            if not controls or not all(w in captioned for w in controls):
                found.append(label.text())
    return found


def test_every_control_has_a_name_and_every_form_label_a_field(qtbot, window, make_image):
    from kilabel.gui.settings_dialog import SettingsDialog

    open_and_wait(qtbot, window, [make_image("a.jpg")])
    window.select_rows([0])
    window.choose_preset("wasserzeichen")  # the watermark fields too
    side = window.side
    controls = accessibility.interactive_widgets(side)
    assert len(controls) > 35
    assert _unnamed(side) == []
    assert _unlinked_form_labels(side) == []
    lp = side.label
    names = [b.accessibleName() for b in lp.anchor_group.buttons()]
    assert names[0] == "Position: top left" and names[-1] == "Position: bottom right"
    assert not any("-" in n for n in names)  # words, not the ids "top-left"
    assert lp.text_colour.accessibleName() == "Text colour" and lp.box_colour.accessibleName() == "Box colour"
    assert lp.opacity.accessibleName() and side.output.folder.accessibleName() == "Output folder"
    pp = side.provenance
    assert (
        pp.fields["campaign"].accessibleName() == "Campaign"
        and pp.fields["client"].accessibleName() == "Client"
    )
    dlg = SettingsDialog(window.settings)
    qtbot.addWidget(dlg)
    assert len(accessibility.interactive_widgets(dlg)) >= 12
    assert _unnamed(dlg) == []
    assert _unlinked_form_labels(dlg) == []
    assert dlg.register.accessibleName() == "Register file"


def test_anchor_names_follow_the_window_language(qtbot):
    """The anchors are read as words of the window's language ("oben links"), never as ids. Needs
    the German words of LabelPanel in kilabel_de.ts."""
    from PySide6.QtWidgets import QApplication

    from kilabel.gui import i18n
    from kilabel.gui.label_panel import LabelPanel

    i18n.install(QApplication.instance(), "de")
    try:
        panel = LabelPanel()
        qtbot.addWidget(panel)
    finally:
        i18n.install(QApplication.instance(), "en")
    buttons = panel.anchor_group.buttons()
    assert buttons[0].toolTip() == "oben links" and buttons[8].toolTip() == "unten rechts"
    assert buttons[0].accessibleName() == "Position: oben links"
