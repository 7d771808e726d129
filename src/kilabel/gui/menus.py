"""Menus and toolbar (UI.md): Datei, Bearbeiten, Ansicht, Extras, Hilfe; shortcuts
and mnemonics for the keyboard. Export disabled shows why in a label next to its button."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QToolBar, QWidget

from kilabel.gui import provenance_tools
from kilabel.gui.i18n import tr


def build(w) -> SimpleNamespace:
    """Create the window's actions, menus and toolbar; returns the actions by name."""
    a = SimpleNamespace()

    def act(name: str, text: str, slot, keys=(), tip: str = "") -> QAction:
        action = QAction(text, w)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        setattr(a, name, action)
        return action

    S = QKeySequence.StandardKey
    act("open_files", tr("&Open images …"), w.open_files_dialog, [S.Open], tr("Open image files (Ctrl+O)"))
    act(
        "open_folder",
        tr("Open &folder …"),
        w.open_folder_dialog,
        ["Ctrl+Shift+O"],
        tr("Open every image in a folder"),
    )
    act("samples", tr("Load sample i&mages"), w.load_samples)
    act(
        "import_provenance",
        tr("Import &provenance list …"),
        lambda: provenance_tools.import_dialog(w),
        [],
        tr("Fill in the provenance of the loaded images from a CSV or Excel list, by file name"),
    )
    act("open_job", tr("Open &job …"), w.open_job_dialog, ["Ctrl+Shift+J"])
    act("save_job", tr("&Save job"), w.save_job, [S.Save])
    act("save_job_as", tr("Save job &as …"), w.save_job_as, [S.SaveAs])
    act("export", tr("&Export"), w.start_export, ["Ctrl+E"])
    act("cancel_export", tr("&Cancel export"), lambda: w.export.cancel(), ["Esc"])
    act("quit", tr("&Quit"), w.close, [S.Quit])
    undo = w.undo.createUndoAction(w, tr("&Undo"))
    undo.setShortcuts(S.Undo)
    redo = w.undo.createRedoAction(w, tr("&Redo"))
    redo.setShortcuts(S.Redo)
    a.undo, a.redo = undo, redo
    act("select_all", tr("Select &all images"), w.select_all, [S.SelectAll])
    act("remove", tr("Re&move from list"), w.remove_selected, [S.Delete])
    act("next", tr("&Next image"), lambda: w.step(1), ["PgDown", "Alt+Down"])
    act("prev", tr("&Previous image"), lambda: w.step(-1), ["PgUp", "Alt+Up"])
    act("zoom_in", tr("Zoom &in"), lambda: w.preview.view.zoom_by(1.25), [S.ZoomIn])
    act("zoom_out", tr("Zoom &out"), lambda: w.preview.view.zoom_by(0.8), [S.ZoomOut])
    act("zoom_fit", tr("&Fit to window"), w.preview.view.fit, ["Ctrl+0"])
    act(
        "check",
        tr("&Check files …"),
        w.extras.check,
        ["Ctrl+Shift+P"],
        tr("Show what a file says about its origin and whether its signature is valid"),
    )
    act(
        "check_folder",
        tr("Check &folder …"),
        w.extras.check_folder,
        [],
        tr("Find existing images and PDFs that are AI-generated but carry no visible label"),
    )
    act(
        "relabel_pdf",
        tr("Re&label images and PDFs …"),
        w.extras.relabel,
        [],
        tr(
            "Label images and finished brochure or poster PDFs that went out without a label; every correction is recorded"
        ),
    )
    act("register", tr("&Register …"), w.extras.register)
    act("credits", tr("Create image cre&dits …"), w.extras.credits)
    act("identity", tr("Si&gning identity …"), w.extras.identity)
    act("settings", tr("&Settings …"), w.extras.settings, [S.Preferences])
    act("guide", tr("&Quick guide"), w.extras.guide, [S.HelpContents])
    act("about", tr("&About kilabel"), w.extras.about)
    for x in (a.next, a.prev, a.zoom_in, a.zoom_out, a.zoom_fit, a.export, a.cancel_export):
        x.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    a.cancel_export.setEnabled(False)  # only while an export runs (Esc)
    a.cancel_export.setToolTip(tr("Stop the running export after the current file (Esc)"))

    mb = w.menuBar()
    m = mb.addMenu(tr("&File"))
    m.addActions([a.open_files, a.open_folder, a.samples])
    m.addSeparator()
    m.addAction(a.import_provenance)
    m.addSeparator()
    m.addActions([a.open_job, a.save_job, a.save_job_as])
    m.addSeparator()
    m.addActions([a.export, a.cancel_export])
    m.addSeparator()
    m.addAction(a.quit)
    m = mb.addMenu(tr("&Edit"))
    m.addActions([a.undo, a.redo])
    m.addSeparator()
    m.addActions([a.select_all, a.remove])
    m = mb.addMenu(tr("&View"))
    m.addActions([a.next, a.prev])
    m.addSeparator()
    m.addActions([a.zoom_in, a.zoom_out, a.zoom_fit])
    m = mb.addMenu(tr("E&xtras"))
    m.addActions([a.check, a.check_folder, a.relabel_pdf])
    m.addSeparator()
    m.addActions([a.register, a.credits, a.identity])
    m.addSeparator()
    m.addAction(a.settings)
    m = mb.addMenu(tr("&Help"))
    m.addActions([a.guide, a.about])

    tb = QToolBar(tr("Main toolbar"), w)
    tb.setObjectName("mainToolbar")
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    tb.addAction(a.open_files)
    tb.addAction(a.open_folder)
    tb.addSeparator()
    tb.addAction(a.check)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    tb.addWidget(spacer)
    a.export_reason = QLabel()
    a.export_reason.setObjectName("exportReason")
    a.export_reason.setWordWrap(True)
    a.export_reason.setMaximumWidth(420)
    a.export_reason.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    a.export_reason.setStyleSheet("color: #a35c00; padding: 0 8px;")
    tb.addWidget(a.export_reason)
    a.export_button = QPushButton(tr("Export"))
    a.export_button.setObjectName("exportButton")
    a.export_button.setMinimumWidth(130)
    a.export_button.setStyleSheet(
        "#exportButton { background: #1f5fa8; color: white; font-weight: 600; padding: 5px 16px;"
        " border-radius: 4px; } #exportButton:disabled { background: #9fb3c8; color: #eef2f6; }"
    )
    a.export_button.clicked.connect(w.start_export)
    tb.addWidget(a.export_button)
    w.addToolBar(tb)
    a.toolbar = tb
    provenance_tools.connect(w)  # the provenance panel's templates and list import (w.side exists)
    return a
