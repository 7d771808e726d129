"""The folder check, a standalone dialog for existing material; the main window opens it from Extras.

FolderCheckDialog: pick a folder, check it in a background thread with progress, a sortable table of
verdicts in the window's language (a bad file is a row, never a popup) with a thumbnail per image
(decoded in the background), a filter for the files that need attention, a details pane for the
selected row, export as CSV or JSON.
Relabelling images and PDFs has its own window (gui/relabel_window.py).
All the work is done by the Qt-free core (kilabel.check.folder).
"""

from __future__ import annotations

import csv
import dataclasses
import html
import json
import threading
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from kilabel.check import folder as check
from kilabel.gui import i18n, workers
from kilabel.provenance import source_type_label

COLUMNS = (
    "file",
    "verdict",
    "provenance",
    "source_type",
    "ai_system",
    "kilabel_label",
    "visible_label",
    "basis",
)
THUMB = 48  # thumbnail edge in the table, in device-independent pixels
MAX_COLUMN = 420  # a column sized to its content grows no wider than this (the tooltip has the rest)
ROW_INDEX = Qt.ItemDataRole.UserRole + 1  # index into FolderCheckDialog.rows
SORT_KEY = Qt.ItemDataRole.UserRole + 2


class _Item(QTableWidgetItem):
    """A cell that sorts by its SORT_KEY (verdict: attention first), else by its text."""

    def __lt__(self, other) -> bool:
        a, b = self.data(SORT_KEY), other.data(SORT_KEY)
        if a is not None and b is not None:
            return a < b
        return self.text().casefold() < other.text().casefold()


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


def _thumbnail(path: Path):
    """A small QImage of an image file (JPEG decoded at reduced scale): runs in the background."""
    from kilabel.gui.pil_qt import to_qimage
    from kilabel.pipeline.image_load import load_preview

    return to_qimage(load_preview(path, THUMB * 2)[0])


VERDICT_ORDER = ("error", "damaged", "ai-unlabelled", "ai-unchecked", "labelled", "no-ai")


class FolderCheckDialog(QDialog):
    """Check a folder of existing images and PDFs.

    Signals:
        check_finished(int, int): files checked, files that need attention
        thumbnail_loaded(int): the thumbnail of rows[i] is shown
    """

    check_finished = Signal(int, int)
    thumbnail_loaded = Signal(int)

    def __init__(self, parent=None, options: check.CheckOptions | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check a folder"))
        self.setSizeGripEnabled(True)
        self.options = options or check.CheckOptions()
        self.language = i18n.current()
        self.rows: list[check.CheckRow] = []
        self.thread: CheckThread | None = None
        self._file_items: list[QTableWidgetItem] = []
        self._generation = 0  # a new check makes late thumbnails of the previous one void
        self._fit_pending = False
        self.folder_edit = QLineEdit()
        self.folder_edit.setAccessibleName(self.tr("Folder to check"))
        pick = QPushButton(self.tr("Folder …"))
        pick.clicked.connect(self._pick)
        self.start_button = QPushButton(self.tr("Check"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.summary = QLabel(self.tr("Choose a folder: every image and PDF below it is checked."))
        self.summary.setWordWrap(True)
        self.attention_only = QCheckBox(self.tr("Only files that need attention"))
        self.attention_only.toggled.connect(self._apply_filter)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Verdict"),
                self.tr("Provenance"),
                self.tr("Source type"),
                self.tr("AI system"),
                self.tr("Recorded label"),
                self.tr("Visible label"),
                self.tr("Why"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(THUMB, THUMB))
        self.table.verticalHeader().setDefaultSectionSize(THUMB + 8)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # the basis ("why") takes the room that is left
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # file order until a header is clicked
        self.table.setSortingEnabled(True)
        self.table.itemSelectionChanged.connect(self._show_details)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Details of the selected file"))
        self.table.setAccessibleName(self.tr("Checked files"))
        self.details.setOpenLinks(False)
        self._show_details()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.csv_button = QPushButton(self.tr("Save CSV …"))
        self.json_button = QPushButton(self.tr("Save JSON …"))
        self.csv_button.clicked.connect(lambda: self._save_dialog("csv"))
        self.json_button.clicked.connect(lambda: self._save_dialog("json"))
        top = QHBoxLayout()
        top.addWidget(self.folder_edit, 1)
        for w in (pick, self.start_button, self.cancel_button):
            top.addWidget(w)
        filters = QHBoxLayout()
        filters.addWidget(self.attention_only)
        filters.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.json_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.progress)
        lay.addLayout(filters)
        lay.addWidget(split, 1)
        lay.addLayout(bottom)
        self._default_size()

    def _default_size(self) -> None:
        """Most of the screen the dialog opens on (a table of long sentences needs the width)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1200, 760)
            return
        avail = screen.availableGeometry()
        self.resize(min(1800, max(640, int(avail.width() * 0.85))), max(480, int(avail.height() * 0.8)))

    # --- the words of a row in the window's language ---------------------------------------------

    def verdict_text(self, row: check.CheckRow) -> str:
        if row.verdict_code == "labelled" and row.verdict != "labelled":
            return self.tr("labelled (according to the metadata, not confirmed)")
        words = {
            "labelled": self.tr("labelled"),
            "ai-unlabelled": self.tr("AI image, no visible label found"),
            "ai-unchecked": self.tr("AI image, visible label not checked"),
            "damaged": self.tr("provenance damaged"),
            "no-ai": self.tr("no AI provenance found"),
            "error": self.tr("cannot read this file"),
        }
        return words.get(row.verdict_code, row.verdict)

    def visible_label_text(self, value: str) -> str:
        if value == "not checked":
            return self.tr("not checked")
        if value.startswith("not checked (") and value.endswith(")"):
            return self.tr("not checked (%1)").replace("%1", value[len("not checked (") : -1])
        if value == "not found":
            return self.tr("not found")
        if value.startswith("seen: "):
            return self.tr("seen: %1").replace("%1", value[len("seen: ") :])
        if value == "seen for every AI image":
            return self.tr("seen for every AI image")
        if value == "text recognition not available":
            return self.tr("text recognition not available")
        return value

    def recorded_label_text(self, value: str) -> str:
        parts = []
        for part in filter(None, value.split("; ")):
            if part.startswith("register entry "):
                part = self.tr("register entry %1").replace("%1", part[len("register entry ") :])
            elif part.startswith("metadata: "):
                part = self.tr("metadata: %1").replace("%1", part[len("metadata: ") :])
            elif part == "C2PA: label added":
                part = self.tr("C2PA: label added")
            parts.append(part)
        return "; ".join(parts)

    def provenance_text(self, row: check.CheckRow) -> str:
        if row.verdict_code == "error" or row.provenance == "unreadable":
            # the state's sentence would quote the decoder's English words
            return self.tr("The file cannot be read: it is empty, damaged or not an image or PDF.")
        return (row.provenance_de if self.language == "de" else row.provenance_en) or row.provenance

    def basis_text(self, row: check.CheckRow) -> str:
        """The core's evidence (English words, kilabel.check.folder) in the window's language; a
        basis not known here is shown as the core words it."""
        if row.verdict_code == "error":
            return self.provenance_text(row)
        if row.provenance_en and row.basis.startswith(row.provenance_en):  # damaged: the state's sentence
            return self.provenance_text(row) + row.basis[len(row.provenance_en) :]
        fixed = {
            "no IPTC source type, AI system or C2PA AI action in the file": self.tr(
                "no IPTC source type, AI system or C2PA AI action in the file"
            ),
            "kilabel drew the label and the signature is intact since (C2PA)": self.tr(
                "kilabel drew the label and the signature is intact since (C2PA)"
            ),
            "according to the file's metadata only (not seen: text recognition not available, no intact "
            "signature)": self.tr(
                "according to the file's metadata only (not seen: text recognition not available, "
                "no intact signature)"
            ),
        }
        for english, words in fixed.items():
            if row.basis.startswith(english):
                return words + row.basis[len(english) :]
        identical = "identical to the file kilabel labelled ("
        if row.basis.startswith(identical) and row.basis.endswith(")"):
            inner = self.recorded_label_text(row.basis[len(identical) : -1])
            return self.tr("identical to the file kilabel labelled (%1)").replace("%1", inner)
        seen = "label wording seen by text recognition: "
        if row.basis.startswith(seen):
            return self.tr("label wording seen by text recognition: %1").replace("%1", row.basis[len(seen) :])
        return self._not_found_text(row.basis)

    def _not_found_text(self, basis: str) -> str:
        none = "text recognition found no “KI”/“AI” wording at the edges"
        if not basis.startswith(none):
            return basis
        rest = basis[len(none) :]
        words = self.tr("text recognition found no “KI”/“AI” wording at the edges")
        recorded = ", although kilabel recorded a label ("
        if rest.startswith(recorded) and "): check by eye" in rest:
            inner, after = rest[len(recorded) :].split("): check by eye", 1)
            rest = (
                self.tr(", although kilabel recorded a label (%1): check by eye").replace(
                    "%1", self.recorded_label_text(inner)
                )
                + after
            )
        return words + rest

    def provenance_details(self, row: check.CheckRow) -> str:
        """The C2PA SDK's own reasons (English, quoted as the tool gives them) where they explain a
        state; a file without provenance or one that cannot be read needs none."""
        return (
            ""
            if row.provenance in ("none", "unreadable") or row.verdict_code == "error"
            else row.provenance_why
        )

    def source_type_text(self, row: check.CheckRow) -> str:
        return source_type_label(row.source_type, self.language) if row.source_type else ""

    def cells(self, row: check.CheckRow) -> dict[str, str]:
        """The table's text of a row, by column."""
        return {
            "file": Path(row.file).name,
            "verdict": self.verdict_text(row),
            "provenance": self.provenance_text(row),
            "source_type": self.source_type_text(row),
            "ai_system": row.ai_system,
            "kilabel_label": self.recorded_label_text(row.kilabel_label),
            "visible_label": self.visible_label_text(row.visible_label),
            "basis": self.basis_text(row),
        }

    # --- running a check -------------------------------------------------------------------------

    def _pick(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder to check"))
        if folder:
            self.folder_edit.setText(folder)

    def start(self) -> None:
        folder = Path(self.folder_edit.text())
        if not folder.is_dir():
            self.summary.setText(self.tr("Not a folder: %1").replace("%1", str(folder)))
            return
        self._generation += 1
        self.rows.clear()
        self._file_items.clear()
        self.table.setRowCount(0)
        self._show_details()
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
        index = len(self.rows)
        self.rows.append(row)
        sorting = self.table.isSortingEnabled()
        self.table.setSortingEnabled(False)  # the new row's cells stay together while they are set
        n = self.table.rowCount()
        self.table.insertRow(n)
        for col, (name, text) in enumerate(self.cells(row).items()):
            item = _Item(text) if name == "verdict" else QTableWidgetItem(text)
            item.setData(ROW_INDEX, index)
            tip = row.file if name == "file" else text
            if name == "provenance" and self.provenance_details(row):
                tip += f"\n{self.provenance_details(row)}"
            elif name == "source_type" and row.source_type:
                tip += f" ({row.source_type})"
            item.setToolTip(tip)
            if name == "verdict":
                rank = VERDICT_ORDER.index(row.verdict_code) if row.verdict_code in VERDICT_ORDER else 9
                item.setData(SORT_KEY, f"{rank}:{text.casefold()}")
            if row.attention:
                item.setBackground(QColor(255, 236, 204))
                item.setForeground(QColor(0, 0, 0))
            self.table.setItem(n, col, item)
            if name == "file":
                self._file_items.append(item)
        self.table.setSortingEnabled(sorting)
        if self.attention_only.isChecked() and not row.attention:
            self.table.setRowHidden(self.table.row(self._file_items[index]), True)
        self.progress.setValue(len(self.rows))
        self._schedule_fit()
        if row.kind == "image" and not row.error:
            self._load_thumbnail(index, Path(row.file))

    def _load_thumbnail(self, index: int, path: Path) -> None:
        generation = self._generation

        def done(qimage, error) -> None:
            if error is not None or qimage is None or generation != self._generation:
                return  # no picture: the row stands without one
            self._file_items[index].setIcon(QIcon(QPixmap.fromImage(qimage)))
            self._schedule_fit()  # the file column makes room for the picture
            self.thumbnail_loaded.emit(index)

        workers.run_task(lambda: _thumbnail(path), done, owner=self)

    def _schedule_fit(self) -> None:
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(150, self, self._fit_columns)

    def _fit_columns(self) -> None:
        """Columns as wide as their content (up to MAX_COLUMN), the last one takes the rest."""
        self._fit_pending = False
        for col in range(len(COLUMNS) - 1):
            self.table.resizeColumnToContents(col)
            if self.table.columnWidth(col) > MAX_COLUMN:
                self.table.setColumnWidth(col, MAX_COLUMN)

    def _apply_filter(self) -> None:
        only = self.attention_only.isChecked()
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            row = self.rows[item.data(ROW_INDEX)]
            self.table.setRowHidden(r, only and not row.attention)
        self._show_details()

    def visible_rows(self) -> list[check.CheckRow]:
        """The rows shown, in the table's order (sorting and filter applied)."""
        return [
            self.rows[self.table.item(r, 0).data(ROW_INDEX)]
            for r in range(self.table.rowCount())
            if not self.table.isRowHidden(r)
        ]

    def selected_row(self) -> check.CheckRow | None:
        items = [i for i in self.table.selectedItems() if not self.table.isRowHidden(i.row())]
        return self.rows[items[0].data(ROW_INDEX)] if items else None

    def _show_details(self) -> None:
        row = self.selected_row()
        if row is None:
            empty = html.escape(self.tr("Select a file to see everything the check found."))
            self.details.setHtml(f"<p style='color:#777'>{empty}</p>")
            return
        kind = {"image": self.tr("Image"), "pdf": "PDF"}.get(row.kind, row.kind)
        source = self.source_type_text(row)
        fields = [
            (self.tr("File"), row.file),
            (self.tr("File type"), kind),
            (self.tr("Verdict"), self.verdict_text(row)),
            (self.tr("Why"), self.basis_text(row)),
            (self.tr("Provenance"), self.provenance_text(row)),
            (self.tr("Provenance details"), self.provenance_details(row)),
            (self.tr("Source type"), f"{source} ({row.source_type})" if source else ""),
            (self.tr("AI system"), row.ai_system),
            (self.tr("Prompt"), row.prompt),
            (self.tr("Recorded label"), self.recorded_label_text(row.kilabel_label)),
            (self.tr("Visible label"), self.visible_label_text(row.visible_label)),
            (self.tr("Placed images"), row.images),
        ]
        fields = [
            f for n, f in enumerate(fields) if not (n and f[1] and f[1] == fields[n - 1][1])
        ]  # said once
        table = "".join(
            f"<tr><td style='color:#666;padding-right:14px' valign='top'>{html.escape(k)}</td>"
            f"<td>{html.escape(v).replace(chr(10), '<br>')}</td></tr>"
            for k, v in fields
            if v
        )
        self.details.setHtml(f"<table cellspacing='2'>{table}</table>")

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
        self._fit_columns()
        self.check_finished.emit(counts["files"], counts["attention"])

    def _save_dialog(self, fmt: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save results"), f"check.{fmt}")
        if path:
            self.save(Path(path), fmt)

    def save(self, path: Path, fmt: str) -> None:
        """Write the results as CSV (UTF-8 with BOM, for spreadsheets) or JSON: every file checked,
        whatever the filter shows, with the core's own (English, stable) words and codes."""
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
