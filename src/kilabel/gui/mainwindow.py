"""The main window: image list | preview | side panel, with the export bar at the bottom.

It holds the job (kilabel.export.job.Job) and connects the panes: the selection drives what the side
panel edits and what the preview shows; label and placement edits go through the undo stack.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kilabel import __version__, paths
from kilabel import presets as presets_mod
from kilabel import profiles as profiles_mod
from kilabel.export.job import Job, JobImage
from kilabel.gui import menus, preset_files
from kilabel.gui.commands import LabelChange, LabelState
from kilabel.gui.empty_state import DropZone
from kilabel.gui.export_controller import ExportController, ProgressBar
from kilabel.gui.extras import Extras
from kilabel.gui.image_list import ImageListModel, ImageListView
from kilabel.gui.preview import PreviewPane
from kilabel.gui.side_panel import SidePanel
from kilabel.settings import Settings

IMAGE_EXTS = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp"}
IMAGE_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff *.webp"


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for r in rows:
        if runs and runs[-1][1] == r - 1:
            runs[-1] = (runs[-1][0], r)
        else:
            runs.append((r, r))
    return runs


class ShortcutKeeper(QObject):
    """Keeps the window's own shortcuts (Ctrl+E export, Esc cancel) working while a text field has the
    focus: line and text edits claim some keys for editing (Ctrl+E is "end of line" with the X11/Emacs
    key bindings) and would swallow them. Installed on the application; only keys of the given
    actions, only while they are enabled and the focus is inside this window."""

    def __init__(self, window: QMainWindow, actions: list[QAction]) -> None:
        super().__init__(window)
        self.w, self.actions = window, actions

    def eventFilter(self, obj, event) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(obj, QWidget):
            return False
        if obj.window() is not self.w:
            return False
        keys = QKeySequence(event.keyCombination())
        for action in self.actions:
            if action.isEnabled() and any(
                k.matches(keys) == QKeySequence.SequenceMatch.ExactMatch for k in action.shortcuts()
            ):
                event.ignore()  # not overridden: the shortcut fires
                return True
        return False


class MainWindow(QMainWindow):
    """Signals:
    images_loaded(): every image in the list has its thumbnail or its error
    export_finished(int, int, bool): exported, failed, cancelled
    """

    images_loaded = Signal()
    export_finished = Signal(int, int, bool)

    def __init__(self, settings: Settings, ui_language: str, parent=None) -> None:
        super().__init__(parent)
        self.settings, self.ui_language = settings, ui_language
        self.qsettings = QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)
        self.presets, self.config_errors = presets_mod.load_all()
        self.profiles, prof_errors = profiles_mod.load_all()
        self.config_errors += prof_errors
        start_preset = str(self.qsettings.value("last_preset", "ki-generiert"))
        base = (
            self.presets.get(start_preset)
            or self.presets.get("ki-generiert")
            or next(iter(self.presets.values()))
        )
        self.job = Job(preset=copy.deepcopy(base), language=settings.label_language or ui_language)
        self.job.profiles = [
            p
            for p in str(self.qsettings.value("last_profiles", "same-as-input")).split(",")
            if p in self.profiles
        ] or ["same-as-input"]
        self.job.out_dir = str(self.qsettings.value("last_out_dir", ""))
        self.job_path: Path | None = None
        self.selected_only = False
        self.undo = QUndoStack(self)

        self.setWindowTitle("kilabel")
        self.setWindowIcon(QIcon(str(paths.asset("icons", "kilabel-256.png"))))
        self.setAcceptDrops(True)
        self.model = ImageListModel(self)
        self.model.advice = self.row_advice
        self.list_view = ImageListView(self.model)
        self.preview = PreviewPane()
        self.preview.view.setAcceptDrops(False)
        self.side = SidePanel(ui_language)
        self.extras = Extras(self)
        self.bar = ProgressBar()
        self.actions_ = menus.build(self)
        a = self.actions_
        self.export = ExportController(
            self, a.export_button, self.bar, a.export_reason, a.export, a.cancel_export
        )
        self.shortcut_keeper = ShortcutKeeper(self, [a.export, a.cancel_export])
        QApplication.instance().installEventFilter(self.shortcut_keeper)
        self._build_layout()
        self._connect()
        self._fill_lists()
        self._restore()
        self.refresh_label()
        self.export.update_button()

    # layout ----------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: 600; padding: 6px 8px 2px 8px;")
        left = QWidget()
        left.setMinimumWidth(200)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(2)
        ll.addWidget(self.count_label)
        ll.addWidget(self.list_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self._sized = False
        self.drop_zone = DropZone()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.drop_zone)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)
        self.statusBar().addWidget(self.bar, 1)
        self.statusBar().setSizeGripEnabled(False)
        self.setTabOrder(self.list_view, self.preview.view)
        self.setTabOrder(self.preview.view, self.side)
        self._count_changed(0)

    def _connect(self) -> None:
        self.model.count_changed.connect(self._count_changed)
        self.model.entry_loaded.connect(self._entry_loaded)
        self.list_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.list_view.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.drop_zone.open_files.connect(self.open_files_dialog)
        self.drop_zone.open_folder.connect(self.open_folder_dialog)
        self.drop_zone.load_samples.connect(self.load_samples)
        lp, pp, op = self.side.label, self.side.provenance, self.side.output
        lp.preset_chosen.connect(self.choose_preset)
        lp.edited.connect(self.edit_label)
        lp.language_changed.connect(lambda lang: self.edit_label("language", lang))
        lp.scope_changed.connect(self._set_scope)
        lp.save_as_requested.connect(lambda: preset_files.save_as(self))
        lp.import_requested.connect(lambda: preset_files.import_preset(self))
        lp.export_requested.connect(lambda: preset_files.export_preset(self))
        pp.edited.connect(self.edit_provenance)
        op.profiles_changed.connect(self._profiles_changed)
        op.out_dir_changed.connect(self._set_out_dir)
        self.preview.view.anchor_dropped.connect(lambda a: self.edit_label("placement.position", a))
        self.preview.view.nudged.connect(self.nudge)
        self.preview.profile_changed.connect(lambda _pid: self._show_current())
        self.export.finished.connect(self.export_finished)
        self.export.busy_changed.connect(self._busy_changed)
        self.stack.currentChanged.connect(lambda _i: self.export.update_button())

    def _busy_changed(self, busy: bool) -> None:
        """The side panel is locked while an export runs; the keyboard focus it had comes back
        afterwards (a disabled field drops the focus, and a keyboard user would be left nowhere)."""
        if busy:
            focus = QApplication.focusWidget()
            self._focus_before = focus if focus is not None and self.side.isAncestorOf(focus) else None
        self.side.setEnabled(not busy)
        if not busy:
            back = getattr(self, "_focus_before", None)
            if QApplication.focusWidget() is None and self.isActiveWindow():
                (back if back is not None and back.isVisible() else self.list_view).setFocus()
            self._focus_before = None

    def _fill_lists(self) -> None:
        lang = self.ui_language
        items = [(p.id, p.display_title(lang), None) for p in self.presets.values()]
        self.side.label.set_presets(items, self.job.preset.id)
        preset_files.render_icons(self)
        self.side.output.set_profiles(list(self.profiles.values()), self.job.profiles, lang)
        self.side.output.set_folder(self.job.out_dir)
        self._profiles_changed(self.job.profiles)

    # opening images --------------------------------------------------------------------------
    def open_files_dialog(self) -> None:
        start = str(self.qsettings.value("last_open_dir", str(Path.home())))
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open images"), start, self.tr("Images ({0});;All files (*)").format(IMAGE_FILTER)
        )
        if files:
            self.open_paths(files)

    def open_folder_dialog(self) -> None:
        start = str(self.qsettings.value("last_open_dir", str(Path.home())))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open folder"), start)
        if folder:
            self.open_paths([folder])

    def load_samples(self) -> None:
        folder = paths.asset("samples")
        self.open_paths(sorted(str(p) for p in folder.iterdir() if p.suffix.lower() in IMAGE_EXTS))

    def open_paths(self, items: list[str]) -> list[int]:
        """Add files and the images inside folders; explicit files are added even if they turn out
        unreadable (their row says why). Returns the new rows."""
        found: list[Path] = []
        for item in items:
            p = Path(item)
            if p.is_dir():
                found += sorted(
                    q for q in p.iterdir() if q.suffix.lower() in IMAGE_EXTS and not q.name.startswith(".")
                )
            else:
                found.append(p)
        if not found:
            return []
        self.qsettings.setValue("last_open_dir", str(found[0].parent.resolve()))
        rows = self.model.add([JobImage(str(p.resolve())) for p in found])
        self.show_images_page()
        self._after_add(rows)
        return rows

    def _after_add(self, rows: list[int]) -> None:
        if rows and not self.list_view.selected_rows():
            self.list_view.setCurrentIndex(self.model.index(rows[0]))
        self.export.update_button()
        if rows:
            self.export.warm_up()

    def _count_changed(self, n: int) -> None:
        self.count_label.setText(self.tr("Images ({0})").format(n))
        if self.stack.currentIndex() < 2:  # not while the Check page is shown
            self.show_images_page()
        self.export.update_button()

    def show_images_page(self) -> None:
        self.stack.setCurrentIndex(1 if self.model.entries else 0)

    def _entry_loaded(self, row: int) -> None:
        self.export.update_button()
        if not any(e.loading for e in self.model.entries):
            self.images_loaded.emit()

    # selection -------------------------------------------------------------------------------
    def selected_entries(self):
        return [self.model.entries[r] for r in self.list_view.selected_rows()]

    def current_entry(self):
        idx = self.list_view.currentIndex()
        if idx.isValid() and idx.row() < len(self.model.entries):
            return self.model.entries[idx.row()]
        sel = self.selected_entries()
        return sel[0] if sel else None

    def select_rows(self, rows: list[int]) -> None:
        """Select `rows` in one step: one selectionChanged, not one per row (300 rows selected one by
        one redrew the side panel 300 times)."""
        sm = self.list_view.selectionModel()
        before = sorted(self.list_view.selected_rows())
        selection = QItemSelection()
        for first, last in _runs(sorted(set(rows))):
            selection.select(self.model.index(first), self.model.index(last))
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if rows:
            sm.setCurrentIndex(self.model.index(rows[0]), QItemSelectionModel.SelectionFlag.NoUpdate)
        if before == sorted(set(rows)):  # no selectionChanged: the panel shows the values as they are now
            self._selection_changed()

    def select_all(self) -> None:
        self.select_rows(list(range(len(self.model.entries))))

    def step(self, delta: int) -> None:
        n = len(self.model.entries)
        if n:
            cur = self.list_view.currentIndex().row()
            self.list_view.setCurrentIndex(self.model.index(max(0, min(n - 1, cur + delta))))

    def remove_selected(self) -> None:
        rows = self.list_view.selected_rows()
        for r in rows:
            self.preview.forget(self.model.entries[r].image.path)
        self.model.remove_rows(rows)
        self.export.update_button()
        self._show_current()

    def _selection_changed(self, *_args) -> None:
        sel = self.selected_entries()
        self.side.provenance.show_selection([e.image.provenance for e in sel])
        self.side.set_selection_count(len(sel))
        self.refresh_label()

    def _show_current(self) -> None:
        e = self.current_entry()
        if e is None:
            self.preview.show_image("", None, "", None)
            return
        preset = self.job.preset_for(e.image)
        text = preset.wording(self.job.language, e.image.provenance.as_fields())
        self.preview.show_image(e.image.path, preset, text, self.preview_profile(), e.image.provenance)

    def row_advice(self, entry) -> list[str]:
        """What exporting this row with the chosen profiles would warn about, known before the
        export (core words; the list shows them in the window's language)."""
        from kilabel.gui import render

        preset = self.job.preset_for(entry.image)
        notes: list[str] = []
        for pid in self.job.profiles or ["same-as-input"]:
            profile = self.profiles.get(pid)
            if entry.full_size is not None:
                notes += render.preflight(entry.full_size, profile, preset, entry.image.provenance)
        return list(dict.fromkeys(notes))

    def preview_profile(self):
        pid = self.preview.profile_box.currentData()
        return self.profiles.get(pid) if pid else None

    # label and placement (undoable) ----------------------------------------------------------
    def label_state(self) -> LabelState:
        return LabelState(
            copy.deepcopy(self.job.preset),
            {e.image.path: dict(e.image.placement) for e in self.model.entries if e.image.placement},
            self.job.language,
        )

    def apply_label_state(self, state: LabelState) -> None:
        self.job.preset, self.job.language = state.preset, state.language
        for e in self.model.entries:
            e.image.placement = dict(state.placements.get(e.image.path, {}))
        self.refresh_label()
        self.model.refresh()  # a preset may contradict a row's source type

    def refresh_label(self) -> None:
        e = self.current_entry()
        preset = self.job.preset_for(e.image) if e else self.job.preset
        pl = preset.placement
        self.side.label.show_preset(
            self.job.preset,
            pl.position,
            (pl.offset_x, pl.offset_y),
            pl.vertical,
            self.job.language,
            self._preset_modified(),
        )
        self._show_current()

    def choose_preset(self, pid: str) -> None:
        if pid not in self.presets or pid == self.job.preset.id and not self._preset_modified():
            return
        before = self.label_state()
        after = before.copy()
        after.preset = copy.deepcopy(self.presets[pid])
        self.undo.push(LabelChange(self, before, after, self.tr("Preset: {0}").format(pid)))
        self.qsettings.setValue("last_preset", pid)

    def _preset_modified(self) -> bool:
        shipped = self.presets.get(self.job.preset.id)
        return shipped is None or shipped.to_toml_dict() != self.job.preset.to_toml_dict()

    def edit_label(self, field: str, value) -> None:
        before = self.label_state()
        after = before.copy()
        if field == "language":
            after.language = value
        elif field.startswith("placement."):
            key = field.split(".", 1)[1]
            changes = {"offset_x": value[0], "offset_y": value[1]} if key == "offset" else {key: value}
            if key == "position":
                changes.update(offset_x=0.0, offset_y=0.0)
            self._place(after, changes)
        elif after.preset.locked:
            return
        elif field.startswith("text."):
            after.preset.text[field[5:]] = value
        else:
            group, name = field.split(".", 1)
            setattr(getattr(after.preset, group), name, value)
        self.undo.push(LabelChange(self, before, after, self.tr("Change {0}").format(field), field))

    def _place(self, state: LabelState, changes: dict) -> None:
        """Placement for the selected images only, or for all (the preset's, overrides dropped)."""
        if self.selected_only:
            for e in self.selected_entries() or [self.current_entry()]:
                if e is not None:
                    state.placements.setdefault(e.image.path, {}).update(changes)
            return
        state.preset = state.preset.with_placement(**changes)
        for override in state.placements.values():
            for k in changes:
                override.pop(k, None)
        state.placements = {k: v for k, v in state.placements.items() if v}

    def nudge(self, dx: float, dy: float) -> None:
        e = self.current_entry()
        if e is None:
            return
        pl = self.job.preset_for(e.image).placement
        ox, oy = max(-0.5, min(0.5, pl.offset_x + dx)), max(-0.5, min(0.5, pl.offset_y + dy))
        before = self.label_state()
        after = before.copy()
        self._place(after, {"offset_x": round(ox, 4), "offset_y": round(oy, 4)})
        self.undo.push(LabelChange(self, before, after, self.tr("Nudge label"), "nudge"))

    def _set_scope(self, selected_only: bool) -> None:
        self.selected_only = selected_only

    # provenance (per image or selection) -----------------------------------------------------
    def edit_provenance(self, name: str, value: str) -> None:
        rows = self.list_view.selected_rows()
        for r in rows:
            e = self.model.entries[r]
            setattr(e.image.provenance, name, value)
            e.reset_export()
        self.model.refresh(rows)
        self.export.update_button()
        if name in ("ai_system", "ai_version", "source_type", "credit", "creator"):
            self._show_current()  # the wording may use {ai_system} …

    # output ----------------------------------------------------------------------------------
    def _profiles_changed(self, ids: list[str]) -> None:
        self.job.profiles = ids
        self.qsettings.setValue("last_profiles", ",".join(ids))
        current = self.preview.profile_box.currentData() or (ids[0] if ids else "")
        shown = ids or ["same-as-input"]
        self.preview.set_profiles(
            [(p, self.profiles[p].display_title(self.ui_language)) for p in shown], current
        )
        self.export.update_button()
        self.model.refresh()  # the rows' print warnings depend on the profiles
        self._show_current()

    def _set_out_dir(self, folder: str) -> None:
        self.job.out_dir = folder
        self.qsettings.setValue("last_out_dir", folder)

    def choose_out_dir(self) -> None:
        self.side.output._choose()

    def sync_job(self) -> None:
        self.job.images = [e.image for e in self.model.entries]
        self.job.profiles = self.side.output.checked()

    def start_export(self) -> bool:
        return self.export.start()

    # jobs ------------------------------------------------------------------------------------
    def open_job_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open job"),
            str(self.qsettings.value("last_job_dir", "")),
            self.tr("kilabel jobs (*.json)"),
        )
        if path:
            self.open_job(Path(path))

    def open_job(self, path: Path) -> bool:
        from kilabel.errors import KilabelError
        from kilabel.export import job as job_mod

        try:
            loaded = job_mod.load(path)
        except KilabelError as exc:
            QMessageBox.warning(self, self.tr("Cannot open job"), str(exc))
            return False
        self.model.clear()
        self.undo.clear()
        if loaded.preset.id not in self.presets:
            self.presets[loaded.preset.id] = copy.deepcopy(loaded.preset)
            self._fill_lists()
        self.job = loaded
        self.job_path = path
        self.side.output.set_checked(loaded.profiles)
        self.side.output.set_folder(loaded.out_dir)
        self._profiles_changed(loaded.profiles)
        rows = self.model.add(loaded.images)
        self._after_add(rows)
        self.refresh_label()
        self.setWindowTitle(f"{path.name} – kilabel")
        self.qsettings.setValue("last_job_dir", str(path.parent))
        return True

    def save_job(self) -> bool:
        return self.save_job_to(self.job_path) if self.job_path else self.save_job_as()

    def save_job_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save job"),
            str(self.qsettings.value("last_job_dir", "")) + "/kilabel-job.json",
            self.tr("kilabel jobs (*.json)"),
        )
        return self.save_job_to(Path(path)) if path else False

    def save_job_to(self, path: Path) -> bool:
        from kilabel.export import job as job_mod

        self.sync_job()
        try:
            job_mod.save(self.job, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot save job"), str(exc))
            return False
        self.job_path = path
        self.setWindowTitle(f"{path.name} – kilabel")
        self.bar.text.setText(self.tr("Job saved: {0}").format(path))
        return True

    # drag and drop, state --------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files and self.stack.currentWidget() is self.extras.check_view:
            self.extras.check_view.check_paths(files)
        elif files:
            self.open_paths(files)
            event.acceptProposedAction()

    def _restore(self) -> None:
        geo = self.qsettings.value("geometry")
        if not (isinstance(geo, QByteArray) and self.restoreGeometry(geo)):
            self.resize(1280, 800)
        self.fit_to_screen()
        state = self.qsettings.value("splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized and not isinstance(self.qsettings.value("splitter"), QByteArray):
            QTimer.singleShot(0, self.fit_panes)  # once the window has its real size
        self._sized = True

    def fit_to_screen(self) -> None:
        """Keep the window inside its screen's free area (a 1366×768 laptop, or a geometry saved on
        a larger monitor): never taller or wider than 95 % of it, and not beyond its edges."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        w, h = min(self.width(), int(avail.width() * 0.95)), min(self.height(), int(avail.height() * 0.95))
        if (w, h) != (self.width(), self.height()):
            self.resize(w, h)
        x = min(max(self.x(), avail.left()), avail.right() - w)
        y = min(max(self.y(), avail.top()), avail.bottom() - h)
        if (x, y) != (self.x(), self.y()):
            self.move(x, y)

    def fit_panes(self) -> None:
        """Default pane widths: list and side panel at their comfortable size, preview the rest."""
        # wide enough for the longest preset and source type names in this font, a third of the
        # window up to 480 px otherwise, never more than two fifths of it
        want = max(self.side.comfortable_width(), min(480, self.width() // 3))
        side = max(self.side.minimumWidth(), min(want, self.width() * 2 // 5))
        left = 260 if self.width() >= 1600 else 230
        self.splitter.setSizes([left, max(300, self.width() - left - side), side])

    def closeEvent(self, event) -> None:
        if self.export.busy:
            self.export.cancel()
            if self.export.thread:
                self.export.thread.wait()
        self.export.close_workers()
        self.qsettings.setValue("geometry", self.saveGeometry())
        self.qsettings.setValue("splitter", self.splitter.saveState())
        self.qsettings.sync()
        super().closeEvent(event)

    def show_config_errors(self) -> None:
        """Broken preset or profile files, shown once after start-up (the rest still works)."""
        if self.config_errors:
            QMessageBox.warning(
                self, self.tr("Some presets could not be read"), "\n".join(self.config_errors)
            )

    def version(self) -> str:
        return __version__
