"""Two standalone dialogs for existing material (issue 7); the main window opens them from Extras.

FolderCheckDialog: pick a folder, check it in a background thread with progress, a table of
verdicts (a bad file is a row, never a popup), export as CSV or JSON.
PdfRelabelDialog: the images placed on each page of a PDF with thumbnails and checkboxes (pre-marked
where the image's metadata says AI), preset and position, then relabel into a folder.
All the work is done by the Qt-free core (kilabel.check.folder, kilabel.relabel.pdf).
"""

from __future__ import annotations

import csv
import dataclasses
import json
import threading
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kilabel.check import folder as check
from kilabel.gui import i18n

COLUMNS = (
    "file",
    "verdict",
    "source_type",
    "ai_system",
    "provenance",
    "kilabel_label",
    "visible_label",
    "basis",
)


class CheckThread(QThread):
    """Runs kilabel.check.folder over a list of files.

    Signals:
        started_check(int): number of files
        row(object): one kilabel.check.folder.CheckRow, in file order
        finished_check(bool): cancelled
    """

    started_check = Signal(int)
    row = Signal(object)
    finished_check = Signal(bool)

    def __init__(self, folder: Path, options: check.CheckOptions, parent=None) -> None:
        super().__init__(parent)
        self.folder, self.options = folder, options
        self.cancel_event = threading.Event()

    def run(self) -> None:
        files = list(check.iter_files(self.folder))
        self.started_check.emit(len(files))
        for r in check.check_paths(files, self.options, cancel=self.cancel_event):
            self.row.emit(r)
        self.finished_check.emit(self.cancel_event.is_set())


class FolderCheckDialog(QDialog):
    """Check a folder of existing images and PDFs.

    Signals:
        check_finished(int, int): files checked, files that need attention
    """

    check_finished = Signal(int, int)

    def __init__(self, parent=None, options: check.CheckOptions | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check files"))
        self.options = options or check.CheckOptions()
        self.language = i18n.current()
        self.rows: list[check.CheckRow] = []
        self.thread: CheckThread | None = None
        self.folder_edit = QLineEdit()
        pick = QPushButton(self.tr("Folder …"))
        pick.clicked.connect(self._pick)
        self.start_button = QPushButton(self.tr("Check"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.summary = QLabel(self.tr("Choose a folder: every image and PDF below it is checked."))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Verdict"),
                self.tr("Source type"),
                self.tr("AI system"),
                self.tr("Provenance"),
                self.tr("Recorded label"),
                self.tr("Visible label"),
                self.tr("Why"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.csv_button = QPushButton(self.tr("Save CSV …"))
        self.json_button = QPushButton(self.tr("Save JSON …"))
        self.csv_button.clicked.connect(lambda: self._save_dialog("csv"))
        self.json_button.clicked.connect(lambda: self._save_dialog("json"))
        top = QHBoxLayout()
        for w in (self.folder_edit, pick, self.start_button, self.cancel_button):
            top.addWidget(w)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.json_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.progress)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)
        self.resize(1000, 560)

    def _pick(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder to check"))
        if folder:
            self.folder_edit.setText(folder)

    def start(self) -> None:
        folder = Path(self.folder_edit.text())
        if not folder.is_dir():
            self.summary.setText(self.tr("Not a folder: %1").replace("%1", str(folder)))
            return
        self.rows.clear()
        self.table.setRowCount(0)
        self.thread = CheckThread(folder, self.options, self)
        self.thread.started_check.connect(lambda n: self.progress.setRange(0, max(1, n)))
        self.thread.row.connect(self._add_row)
        self.thread.finished_check.connect(self._done)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.thread.start()

    def cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel_event.set()

    def _add_row(self, row: check.CheckRow) -> None:
        self.rows.append(row)
        n = self.table.rowCount()
        self.table.insertRow(n)
        for col, name in enumerate(COLUMNS):
            value = getattr(row, name)
            if name == "provenance":  # the state's sentence in the window's language
                value = row.provenance_de if self.language == "de" else row.provenance_en
            item = QTableWidgetItem(Path(value).name if name == "file" else str(value))
            item.setToolTip(
                str(value)
                + (f"\n{row.provenance_why}" if name == "provenance" and row.provenance_why else "")
            )
            if row.attention:
                item.setBackground(QColor(255, 236, 204))
            self.table.setItem(n, col, item)
        self.progress.setValue(len(self.rows))

    def _done(self, cancelled: bool) -> None:
        counts = check.summary(self.rows)
        text = (
            self.tr("%1 files checked, %2 need attention")
            .replace("%1", str(counts["files"]))
            .replace("%2", str(counts["attention"]))
        )
        self.summary.setText(text + (self.tr(" (cancelled)") if cancelled else ""))
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.thread.wait()
        self.check_finished.emit(counts["files"], counts["attention"])

    def _save_dialog(self, fmt: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save results"), f"check.{fmt}")
        if path:
            self.save(Path(path), fmt)

    def save(self, path: Path, fmt: str) -> None:
        """Write the results as CSV (UTF-8 with BOM, for spreadsheets) or JSON."""
        rows = [check.as_dict(r) for r in self.rows]
        if fmt == "csv":
            with open(path, "w", encoding="utf-8-sig", newline="") as f:
                w = csv.DictWriter(f, fieldnames=[fl.name for fl in dataclasses.fields(check.CheckRow)])
                w.writeheader()
                w.writerows(rows)
        else:
            path.write_text(
                json.dumps(
                    {"summary": check.summary(self.rows), "files": rows}, ensure_ascii=False, indent=2
                ),
                encoding="utf-8",
            )

    def closeEvent(self, event) -> None:
        if self.thread is not None and self.thread.isRunning():
            self.cancel()
            self.thread.wait()
        super().closeEvent(event)
