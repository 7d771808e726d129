"""The main window (offscreen): opening files, states in rows, preset and position, provenance for
a selection, locked presets, undo, jobs, self-test, and the Qt boundary of the core."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from gui_helpers import QT_IGNORE, open_and_wait, row_status
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

pytestmark = [pytest.mark.gui, QT_IGNORE]


def test_the_qt_binding_keeps_its_references_to_true_and_false(qtbot):
    """PySide6 6.12.0 dropped a reference to True on every emit of a Python-defined Signal(bool);
    the window aborted with "bool_dealloc" after a few thousand (the export's busy_changed,
    finished, the placement scope). pyproject.toml keeps that version out; this holds it."""
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        flag = Signal(bool)
        triple = Signal(int, int, bool)

    e = Emitter()
    e.flag.connect(lambda v: None)
    e.triple.connect(lambda a, b, c: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(500):
        e.flag.emit(i % 2 == 0)
        e.triple.emit(i, i, i % 2 == 1)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before


def test_empty_window_offers_drop_zone_and_explains_disabled_export(window):
    assert window.stack.currentWidget() is window.drop_zone
    assert window.drop_zone.samples_btn.isVisible()
    button = window.actions_.export_button
    assert not button.isEnabled()
    assert "Open images first" in button.toolTip()


def test_window_fits_its_screen_first_time_and_after_a_bigger_monitor(qtbot, kilabel_home):
    """The offscreen screen is 800×800: the 1280×800 default and a geometry saved on a larger monitor
    both shrink to fit, so the status bar and the Export button are never off screen."""
    from kilabel.gui.mainwindow import MainWindow
    from kilabel.settings import Settings

    avail = QApplication.primaryScreen().availableGeometry()
    first = MainWindow(Settings(jobs=1), "en")
    qtbot.addWidget(first)
    assert first.width() <= avail.width() and first.height() <= avail.height()
    first.resize(1900, 1000)
    first.move(300, 200)
    first.close()  # saves the geometry
    again = MainWindow(Settings(jobs=1), "en")
    qtbot.addWidget(again)
    assert again.width() <= avail.width() and again.height() <= avail.height()
    assert avail.contains(again.geometry()), (again.geometry(), avail)


def test_open_files_shows_thumbnails_states_and_preview(qtbot, window, make_image):
    a, b = make_image("a.jpg"), make_image("b.png", size=(400, 600))
    rows = open_and_wait(qtbot, window, [a, b])
    assert rows == [0, 1]
    assert window.stack.currentWidget() is window.splitter
    assert window.count_label.text() == "Images (2)"
    for row in rows:
        assert window.model.entries[row].thumb is not None
        assert row_status(window, row) == "Details missing: source type"
    view = window.preview.view
    assert view.pixmap_item.pixmap().width() == 640  # a.jpg is current, shown at full preview size
    # the label sits inside the picture, bottom right (the shipped preset)
    x0, y0, x1, y1 = view.geom.box
    assert x1 > 640 * 0.8 and y1 > 480 * 0.8


def test_unreadable_file_shows_its_error_in_its_row(qtbot, window, make_image, tmp_path):
    good = make_image("good.jpg")
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"this is not a JPEG at all" * 10)
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    open_and_wait(qtbot, window, [good, broken, empty], rendered=False)
    assert row_status(window, 1).startswith("Error: not an image kilabel can read")
    assert row_status(window, 2) == "Error: empty file (0 bytes)"
    assert QApplication.activeModalWidget() is None  # a row, never a popup
    # unreadable files do not block the export of the others
    window.select_rows([0])
    window.edit_provenance("source_type", "digitalArt")
    assert window.actions_.export_button.isEnabled()


def test_dropping_a_folder_opens_its_images(qtbot, window, make_image):
    a = make_image("x1.jpg")
    make_image("x2.webp")
    (a.parent / "notes.txt").write_text("not an image")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(a.parent))])
    event = QDropEvent(
        QPointF(300, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.images_loaded, timeout=30_000):
        window.dropEvent(event)  # Qt drops synthetic drop events without a drag; call the handler
    assert [e.path.name for e in window.model.entries] == ["x1.jpg", "x2.webp"]


def test_preset_and_anchor_change_redraw_the_preview_and_undo(qtbot, window, make_image):
    open_and_wait(qtbot, window, [make_image("a.jpg")])
    view, lp = window.preview.view, window.side.label
    before = view.geom
    i = lp.preset_box.findData("ki-montage")
    with qtbot.waitSignal(window.preview.rendered, timeout=10_000):
        lp.preset_box.activated.emit(i)
    assert window.job.preset.id == "ki-montage"
    assert view.geom.width > before.width  # "KI-generierte Montage" is longer than "KI-generiert"
    assert lp.text_de.text() == "KI-generierte Montage"
    with qtbot.waitSignal(window.preview.rendered, timeout=10_000):
        qtbot.mouseClick(lp.anchor_group.button(0), Qt.MouseButton.LeftButton)  # top-left
    assert window.job.preset.placement.position == "top-left"
    assert (view.geom.x, view.geom.y) == view.geom.area[:2]
    with qtbot.waitSignal(window.preview.rendered, timeout=10_000):
        window.undo.undo()
    assert window.job.preset.placement.position == "bottom-right"
    assert lp.anchor_group.checkedId() == 8
    with qtbot.waitSignal(window.preview.rendered, timeout=10_000):
        window.undo.undo()
    assert window.job.preset.id == "ki-generiert"


def test_wording_edit_changes_the_drawn_label(qtbot, window, make_image):
    open_and_wait(qtbot, window, [make_image("a.jpg")])
    width = window.preview.view.geom.width
    lp = window.side.label
    assert window.job.language == "en"  # the label speaks the window's language unless chosen (issue 14.5)
    lp.text_en.selectAll()
    with qtbot.waitSignal(window.preview.rendered, timeout=10_000):
        qtbot.keyClicks(lp.text_en, "Image: AI-generated with Midjourney")
    qtbot.waitUntil(lambda: window.preview.view.geom.width > 2 * width, timeout=10_000)
    assert window.job.preset.text["en"] == "Image: AI-generated with Midjourney"
    assert lp.preset_box.currentText().endswith("*")  # marked as changed


def test_drag_label_snaps_to_nearest_anchor(qtbot, window, make_image):
    open_and_wait(qtbot, window, [make_image("a.jpg")])
    view = window.preview.view
    start = view.mapFromScene(view.label_item.rect().center())
    target = view.mapFromScene(QPointF(40, 40))  # near the top-left corner of the picture
    with qtbot.waitSignal(window.preview.rendered, timeout=10_000):
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(
            view.viewport(), pos=QPoint((start.x() + target.x()) // 2, (start.y() + target.y()) // 2)
        )
        qtbot.mouseMove(view.viewport(), pos=target)
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert window.job.preset.placement.position == "top-left"
    assert (view.geom.x, view.geom.y) == view.geom.area[:2]


def test_arrow_keys_nudge_the_label_for_one_image_only(qtbot, window, make_image):
    open_and_wait(qtbot, window, [make_image("a.jpg"), make_image("b.jpg", seed=2)])
    window.side.label.scope.setCurrentIndex(1)
    window.side.label.scope.activated.emit(1)  # "for the selected images"
    view = window.preview.view
    x = view.geom.x
    view.setFocus()
    with qtbot.waitSignal(window.preview.rendered, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.geom.x < x
    first, second = window.model.entries
    assert first.image.placement == {"offset_x": -0.02, "offset_y": 0.0}
    assert second.image.placement == {}
    assert window.job.preset.placement.offset_x == 0.0


def test_provenance_for_a_selection_shows_differs_and_sets_all(qtbot, window, make_image):
    open_and_wait(qtbot, window, [make_image("a.jpg"), make_image("b.jpg", seed=2)])
    pp = window.side.provenance
    for row, name in ((0, "DALL-E"), (1, "Firefly")):
        window.select_rows([row])
        qtbot.keyClicks(pp.fields["ai_system"], name)
    window.select_all()
    assert pp.fields["ai_system"].text() == ""
    assert pp.fields["ai_system"].placeholderText() == "(differs)"
    assert "2 images selected" in window.side.provenance_title.text()
    qtbot.keyClicks(pp.fields["ai_system"], "Midjourney")
    i = pp.source.findData("trainedAlgorithmicMedia")
    pp.source.setCurrentIndex(i)
    pp.source.activated.emit(i)
    assert pp.source.itemData(i, Qt.ItemDataRole.ToolTipRole).endswith("trainedAlgorithmicMedia")
    for row, e in enumerate(window.model.entries):
        assert e.image.provenance.ai_system == "Midjourney"
        assert e.image.provenance.source_type == "trainedAlgorithmicMedia"
        assert row_status(window, row) == "ready"
    assert window.actions_.export_button.isEnabled()
    window.select_rows([1])
    assert pp.fields["ai_system"].text() == "Midjourney"


def test_locked_preset_can_be_used_but_not_changed(qtbot, kilabel_home, make_image):
    folder = kilabel_home / "config" / "presets" / "labels"
    folder.mkdir(parents=True)
    (folder / "stadt.toml").write_text(
        'id = "stadt"\nlocked = true\ntitle = { de = "Stadt", en = "City" }\n'
        'text = { de = "KI-Bild der Stadt", en = "City AI image" }\n',
        encoding="utf-8",
    )
    from kilabel.gui.mainwindow import MainWindow
    from kilabel.settings import Settings

    w = MainWindow(Settings(jobs=1), "en")
    qtbot.addWidget(w)
    lp = w.side.label
    lp.preset_box.activated.emit(lp.preset_box.findData("stadt"))
    assert w.job.preset.id == "stadt"
    assert not lp.text_de.isEnabled() and not lp.share.isEnabled()
    assert "locked" in lp.text_de.toolTip()
    assert not lp.save_action.isEnabled()
    w.edit_label("text.de", "geändert")  # even a programmatic edit is refused
    assert w.job.preset.text["de"] == "KI-Bild der Stadt"
    assert lp.anchor_group.button(0).isEnabled()  # where it sits stays free per job


def test_save_as_new_preset_writes_a_user_preset(qtbot, window, monkeypatch, kilabel_home):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Kampagne Sommer", True))
    window.edit_label("text.de", "KI-Bild (Kampagne)")
    window.side.label.save_action.trigger()
    path = kilabel_home / "config" / "presets" / "labels" / "kampagne-sommer.toml"
    assert path.exists()
    assert "KI-Bild (Kampagne)" in path.read_text(encoding="utf-8")
    assert window.side.label.preset_box.findData("kampagne-sommer") >= 0
    assert window.job.preset.id == "kampagne-sommer"


def test_job_saved_and_reopened_keeps_images_provenance_and_placement(qtbot, window, make_image, tmp_path):
    a, b = make_image("a.jpg"), make_image("b.jpg", seed=2)
    open_and_wait(qtbot, window, [a, b])
    window.select_all()
    window.edit_provenance("source_type", "compositeWithTrainedAlgorithmicMedia")
    window.edit_provenance("prompt", 'Ein "Plakat" <mit> & Umlauten: äöü ß\nzweite Zeile 🎨')
    window.choose_preset("ki-montage")
    window.select_rows([1])
    window.selected_only = True
    window.edit_label("placement.position", "top-center")
    window._set_out_dir(str(tmp_path / "out"))
    job_path = tmp_path / "jobs" / "sommer.json"
    assert window.save_job_to(job_path)
    data = json.loads(job_path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert data["images"][0]["path"] == "../in/a.jpg"  # relative to the job file
    assert data["out_dir"] == "../out"

    window.model.clear()
    with qtbot.waitSignal(window.images_loaded, timeout=30_000):
        assert window.open_job(job_path)
    entries = window.model.entries
    assert [e.path.name for e in entries] == ["a.jpg", "b.jpg"]
    assert entries[0].image.provenance.prompt.endswith("zweite Zeile 🎨")
    assert entries[1].image.placement["position"] == "top-center"
    assert window.job.preset.id == "ki-montage"
    assert window.side.output.folder.text() == str(tmp_path / "out")


def test_keyboard_moves_between_images(qtbot, window, make_image):
    open_and_wait(qtbot, window, [make_image("a.jpg"), make_image("b.jpg", seed=2)])
    window.list_view.setFocus()
    with qtbot.waitSignal(window.preview.rendered, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.current_entry().path.name == "b.jpg"
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.current_entry().path.name == "a.jpg"


def test_menus_follow_ui_md(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "E&xtras", "&Help"]
    extras = window.menuBar().actions()[3].menu()
    texts = [a.text() for a in extras.actions() if a.text()]
    assert [x.replace("&", "") for x in texts] == [  # the words of UI.md; & marks the mnemonic
        "Check files …",
        "Check folder …",
        "Relabel images and PDFs …",  # UI.md's "Relabel PDF …", now one window for both (issue 14.3)
        "Register …",
        "Create image credits …",
        "Signing identity …",
        "Settings …",
    ]
    assert window.actions_.open_files.shortcut().toString() == "Ctrl+O"
    assert window.actions_.export.shortcut().toString() == "Ctrl+E"


def test_self_test_prints_ok(kilabel_home):
    out = subprocess.run(
        [sys.executable, "-m", "kilabel.gui.app", "--self-test"], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("OK")


def test_core_never_imports_qt():
    code = (
        "import sys; import kilabel.cli.main, kilabel.export.engine, kilabel.export.task, kilabel.export.job, kilabel.pipeline.verify, "
        "kilabel.pipeline.label_render, kilabel.presets, kilabel.profiles, kilabel.gui.render; "
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "[]", out.stderr


def test_soft_proof_switch_shows_the_print_colours(qtbot, window, make_image):
    """For a CMYK print profile the preview can show how the print will look; off for web profiles."""
    from PIL import Image

    src = make_image("blau.png", size=(600, 400))
    Image.new("RGB", (600, 400), (0, 60, 255)).save(src)  # a blue that FOGRA39 cannot print
    open_and_wait(qtbot, window, [src])
    preview = window.preview
    assert not preview.proof_btn.isEnabled(), "no soft proof for 'same as input'"
    window._profiles_changed(["poster-a2-cmyk-tiff"])
    qtbot.waitUntil(lambda: preview.proof_btn.isEnabled(), timeout=10_000)
    qtbot.waitUntil(lambda: not preview._busy, timeout=10_000)

    def centre() -> tuple:
        img = preview.view.pixmap_item.pixmap().toImage()
        c = img.pixelColor(img.width() // 2, img.height() // 2)
        return c.red(), c.green(), c.blue()

    before = centre()
    with qtbot.waitSignal(preview.rendered, timeout=10_000):
        preview.proof_btn.setChecked(True)
    after = centre()
    assert before[2] > 240 and after[2] < before[2] - 15, (before, after)
