"""The relabel window (issue 14.3): images and PDFs in one window, offscreen, driven as a user would.

An unlabelled PDF (nothing in it says how its pictures were made) and a plain JPEG are opened from
the main window, get a source type and a reason, and are relabelled in the background; the outputs
carry the label (the PDF as `kilabel check` judges it, the image by its register entry) and the
window's defaults are the main window's preset, position and label language.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pdf_builders as pb
import pdf_visible_builders as pvb
import pytest
from conftest import photo
from PIL import ImageChops
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from kilabel import presets
from kilabel.check import folder as check
from kilabel.presets import ANCHORS
from kilabel.register import store as register
from kilabel.settings import Settings

# offscreen cannot propagate size hints, nor raise a window (Extras.relabel brings it to the front)
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")]
AI = "trainedAlgorithmicMedia"
INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QListWidget)


def material(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "material"
    folder.mkdir()
    pdf = pvb.logos(folder / "flyer.pdf")  # a logo, a speck, a 14 mm picture and one photo; no provenance
    jpeg = folder / "foto.jpg"
    photo((800, 600)).save(jpeg, quality=90)
    return pdf, jpeg


def wait_read(qtbot, rw) -> None:
    qtbot.waitUntil(lambda: rw.entries and not any(e.loading for e in rw.entries), timeout=60_000)


def relabel(qtbot, rw) -> list:
    with qtbot.waitSignal(rw.relabel_finished, timeout=180_000) as done:
        qtbot.mouseClick(rw.run_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def select(rw, *names: str) -> None:
    rw.file_list.clearSelection()
    for row, e in enumerate(rw.entries):
        if e.path.name in names:
            rw.file_list.item(row).setSelected(True)
    rw.file_list.setCurrentRow(next(r for r, e in enumerate(rw.entries) if e.path.name == names[0]))


def test_relabels_an_unlabelled_pdf_and_a_jpeg_with_the_main_windows_preset(qtbot, window, tmp_path):
    pdf, jpeg = material(tmp_path)
    window.choose_preset("mit-ki-erstellt")
    window.edit_label("placement.position", "top-left")
    window.edit_label("language", "en")
    rw = window.extras.relabel([str(pdf), str(jpeg)])
    qtbot.addWidget(rw)
    wait_read(qtbot, rw)
    window.actions_.relabel_pdf.trigger()  # the Extras menu brings the same window to the front
    assert window.extras.relabel_window is rw and len(rw.entries) == 2

    # the defaults are the main window's, the names in the window's language
    assert rw.preset_box.currentData() == "mit-ki-erstellt"
    assert rw.preset_box.currentText() == presets.get("mit-ki-erstellt").display_title("en")
    assert rw.position_box.currentData() == "top-left" and rw.position_box.currentText() == "Top left"
    assert rw.lang_box.currentData() == "en"

    # nothing says AI: no image is pre-marked, the source type is asked for, logos stay unticked
    flyer = rw.entries[0]
    assert flyer.kind == "pdf" and flyer.checked == set() and not flyer.provenance.source_type
    assert rw.row_state(flyer) == "source type missing" and not rw.run_button.isEnabled()
    select(rw, "flyer.pdf")
    tips = [rw.image_list.item(i).toolTip() for i in range(rw.image_list.count())]
    assert len(tips) == 4 and tips[0] == "Not a picture: a 1-bit image mask (logo, shape)"
    assert tips[3].startswith("A picture:")
    qtbot.mouseClick(rw.all_pictures, Qt.MouseButton.LeftButton)
    assert flyer.checked == {4}  # the photo; the 14 mm picture is too small to count

    # source type for both files at once, a reason, the output folder (its label is its buddy)
    rw.file_list.selectAll()
    rw.source.setCurrentIndex(rw.source.findData(AI))
    assert all(e.provenance.source_type == AI for e in rw.entries)
    qtbot.keyClicks(rw.reason, "Kennzeichnung fehlte im Druck")
    assert rw.out_label.buddy() is rw.out_edit
    rw.out_edit.setText(str(tmp_path / "out"))
    assert rw.problem() == "" and rw.run_button.isEnabled()

    results = relabel(qtbot, rw)
    assert [r.ok for r in results] == [True, True], [r.error for r in results]
    lines = [rw.results.item(i).text() for i in range(rw.results.count())]
    assert len(lines) == 2 and all("→" in ln and "recorded in the register" in ln for ln in lines), lines
    assert "1 of 4 placed images labelled" in lines[0]

    out_pdf, out_jpg = tmp_path / "out" / "flyer.pdf", tmp_path / "out" / "foto.jpg"
    assert out_pdf.exists() and out_jpg.exists()
    row = check.check_file(out_pdf, check.CheckOptions(ocr="off"))
    assert row.verdict_code == "labelled", (row.verdict, row.basis)
    assert "Made with AI" in row.kilabel_label  # the preset's English wording
    with register.open_register(window.settings) as reg:
        entries = {e.output_name: e for e in reg.query()}
    assert entries["foto.jpg"].reason == "Kennzeichnung fehlte im Druck"
    assert entries["foto.jpg"].label_id == "mit-ki-erstellt" and entries["foto.jpg"].position == "top-left"
    assert entries["flyer.pdf"].source_type == AI


def test_a_labelled_file_needs_a_reason_and_is_prefilled_from_its_provenance(qtbot, identity, tmp_path):
    from kilabel.gui.relabel_window import RelabelWindow

    _, jpeg = material(tmp_path)
    settings = Settings(organisation="Stadt Musterstadt")
    first = RelabelWindow(settings, "en", identity_factory=lambda: identity)
    qtbot.addWidget(first)
    first.add_paths([str(jpeg)])
    wait_read(qtbot, first)
    assert first.entries[0].labelled == ("", "")  # a plain photo: no reason needed
    first.source.setCurrentIndex(first.source.findData(AI))
    first.fields["ai_system"].setText("")
    qtbot.keyClicks(first.fields["ai_system"], "Midjourney")
    first.out_edit.setText(str(tmp_path / "first"))
    assert relabel(qtbot, first)[0].ok

    again = RelabelWindow(settings, "en", identity_factory=lambda: identity)
    qtbot.addWidget(again)
    again.add_paths([str(tmp_path / "first" / "foto.jpg")])
    wait_read(qtbot, again)
    entry = again.entries[0]
    assert entry.labelled[0] == "label"
    assert entry.provenance.source_type == AI and entry.provenance.ai_system == "Midjourney"
    assert again.source.currentData() == AI and again.fields["ai_system"].text() == "Midjourney"
    again.out_edit.setText(str(tmp_path / "second"))
    assert "reason missing" in again.problem() and not again.run_button.isEnabled()
    qtbot.keyClicks(again.reason, "Falsches Modell angegeben")
    again.fields["ai_system"].selectAll()
    qtbot.keyClicks(again.fields["ai_system"], "Imagen")
    assert relabel(qtbot, again)[0].ok
    with register.open_register(settings) as reg:
        latest = max(reg.query(), key=lambda e: e.id)
    assert latest.reason == "Falsches Modell angegeben" and latest.ai_system == "Imagen"
    assert latest.supersedes is not None  # a correction of the first relabel


def test_a_pdf_whose_image_says_ai_is_premarked_and_prefilled(qtbot, identity, tmp_path):
    from kilabel.gui.relabel_window import RelabelWindow

    src = pb.brochure(tmp_path / "b.pdf")  # image 3 (page 2, in a form XObject) has XMP saying AI
    rw = RelabelWindow(Settings(), "en", identity_factory=lambda: identity)
    qtbot.addWidget(rw)
    rw.add_paths([str(src)])
    wait_read(qtbot, rw)
    entry = rw.entries[0]
    assert entry.checked == {3} and entry.labelled == ("", "")
    assert entry.provenance.source_type == AI and rw.fields["ai_system"].text() == "Midjourney"
    assert rw.image_list.count() == 4 and not rw.image_list.item(0).icon().isNull()  # thumbnail
    assert "its metadata says AI" in rw.image_list.item(2).text()
    rw.image_list.setCurrentRow(2)  # going to image 3 shows its page
    assert entry.page == 2 and rw.page_spin.value() == 2
    rw.image_list.item(0).setCheckState(Qt.CheckState.Checked)
    rw.out_edit.setText(str(tmp_path / "out"))
    res = relabel(qtbot, rw)[0]
    assert res.ok, res.error
    assert Path(res.output) == tmp_path / "out" / "b.pdf"
    assert "1 (page 1)" in res.warnings[0] and "3 (page 2)" in res.warnings[0]


def test_the_preview_draws_the_label_where_the_core_puts_it(qtbot, tmp_path):
    from kilabel.gui.relabel_window import RelabelWindow, _page_box, draw_pdf_labels, page_background

    pdf, jpeg = material(tmp_path)
    broken = tmp_path / "material" / "kaputt.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    rw = RelabelWindow(Settings(), "en")
    qtbot.addWidget(rw)
    rw.add_paths([str(pdf), str(jpeg), str(broken)])
    wait_read(qtbot, rw)
    # a broken file keeps its row with the reason, and holds up nothing
    assert rw.row_state(rw.entries[2]) == "cannot be read" and rw.entries[2].error
    assert rw.file_list.item(2).toolTip() == rw.entries[2].error
    rw.file_list.selectAll()
    rw.source.setCurrentIndex(rw.source.findData(AI))
    rw.out_edit.setText(str(tmp_path / "out"))
    assert "flyer.pdf: no image ticked" == rw.problem()
    assert [e.path.name for e in rw.to_relabel()] == ["flyer.pdf", "foto.jpg"]
    flyer = rw.entries[0]
    page, ppt = page_background(1, flyer)
    preset = presets.get("ki-generiert")
    bg = page.copy()  # every placed image outlined, none ticked
    assert draw_pdf_labels(bg, ppt, flyer, 1, preset, "KI-generiert") == 0
    flyer.checked = {4}
    labelled = page.copy()
    assert draw_pdf_labels(labelled, ppt, flyer, 1, preset, "KI-generiert") == 1
    photo_box = _page_box(flyer.pages[1], pvb.PHOTO_RECT, ppt)
    changed = ImageChops.difference(bg, labelled).getbbox()
    # ticking the photo draws its label and its outline, nothing beyond it
    assert changed is not None
    assert photo_box[0] - 3 <= changed[0] and changed[2] <= photo_box[2] + 3
    assert photo_box[1] - 3 <= changed[1] and changed[3] <= photo_box[3] + 3
    inner = (photo_box[0] + 4, photo_box[1] + 14, photo_box[2] - 4, photo_box[3] - 4)
    label = ImageChops.difference(bg.crop(inner), labelled.crop(inner)).getbbox()
    w, h = inner[2] - inner[0], inner[3] - inner[1]
    assert label is not None and label[0] > w / 2 and label[1] > h / 2  # bottom right of the photo

    select(rw, "flyer.pdf")
    rw.set_ticked([4])
    with qtbot.waitSignal(rw.preview_shown, timeout=30_000):
        rw.refresh_preview()
    assert not rw.preview.pixmap().isNull() and "Labels on this page: 1" in rw.preview_note.text()
    select(rw, "foto.jpg")
    rw.position_box.setCurrentIndex(rw.position_box.findData("top-left"))
    with qtbot.waitSignal(rw.preview_shown, timeout=30_000):
        rw.refresh_preview()
    assert "800 × 600 px" in rw.preview_note.text()


def test_esc_cancels_a_run_and_closes_the_window_when_idle(qtbot, identity, tmp_path):
    from kilabel.gui.relabel_window import RelabelWindow

    folder = tmp_path / "bilder"
    folder.mkdir()
    for n in range(3):
        photo((640, 480), seed=n).save(folder / f"b{n}.jpg")
    rw = RelabelWindow(Settings(), "en", identity_factory=lambda: identity)
    qtbot.addWidget(rw)
    rw.show()
    rw.add_paths([str(folder)])  # a folder brings its images
    wait_read(qtbot, rw)
    assert len(rw.entries) == 3
    rw.file_list.selectAll()
    rw.source.setCurrentIndex(rw.source.findData(AI))
    rw.out_edit.setText(str(tmp_path / "out"))

    shown = rw._file_started  # start() connects the thread to it: wrapped before, no start is missed

    def press_esc(n, name):
        shown(n, name)
        if n == 0:
            qtbot.keyClick(rw, Qt.Key.Key_Escape)

    rw._file_started = press_esc
    with qtbot.waitSignal(rw.relabel_finished, timeout=180_000) as done:
        rw.start()
    results, cancelled = done.args
    assert cancelled and rw.isVisible()
    assert 1 <= len(results) < 3
    lines = [rw.results.item(i).text() for i in range(rw.results.count())]
    assert any(ln.endswith("not relabelled (cancelled)") for ln in lines), lines
    assert "cancelled" in rw.status.text()
    qtbot.keyClick(rw, Qt.Key.Key_Escape)
    assert not rw.isVisible()


def _texts(root: QWidget) -> list[str]:
    """Every text a user can see or hear: labels, buttons, combo items, list rows, tooltips, names."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        found += [w.toolTip(), w.accessibleName(), w.windowTitle()]
        if isinstance(w, (QLabel, QAbstractButton, QLineEdit)):
            found.append(w.text())
        if isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                found += [w.itemText(i), str(w.itemData(i, Qt.ItemDataRole.ToolTipRole) or "")]
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                found += [w.item(i).text(), w.item(i).toolTip()]
    return [t for t in found if t]


def test_german_window_names_positions_in_words_and_every_control(qtbot, tmp_path):
    from kilabel.gui import i18n
    from kilabel.gui.relabel_window import RelabelWindow

    pdf, jpeg = material(tmp_path)
    app = QApplication.instance()
    i18n.install(app, "de")
    try:
        rw = RelabelWindow(Settings(), "de")
        qtbot.addWidget(rw)
        rw.show()
        rw.add_paths([str(pdf), str(jpeg)])
        wait_read(qtbot, rw)
        select(rw, "flyer.pdf")
        texts = _texts(rw)
        unnamed = [
            f"{type(w).__name__} {w.objectName()}"
            for w in rw.findChildren(QWidget)
            if isinstance(w, INTERACTIVE)
            and not w.accessibleName()
            and not isinstance(w.parent(), INTERACTIVE)
        ]
    finally:
        i18n.install(app, "en")
    bad = [t for t in texts if any(a in t for a in ANCHORS)]
    assert not bad, bad
    assert "bottom-right" not in " ".join(texts)
    assert rw.source.itemText(1) == "Vollständig KI-generiert"
    assert rw.preset_box.findText(presets.get("ki-generiert").display_title("de")) >= 0
    assert not unnamed, unnamed
