"""The register window (Extras → Register); the image-credits window (Extras → Bildnachweis) is
kilabel.gui.credits_view.CreditsDialog, importable from here too.

Both are thin views over kilabel.register.store and kilabel.register.credits: filter, look at an entry's history,
export CSV/JSON, produce credits. Queries are small SQLite reads and run on the GUI thread.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kilabel.gui.credits_view import CreditsDialog  # opened from here; importable from here for the menu
from kilabel.provenance import source_type_label
from kilabel.register import csv_json as register_export
from kilabel.register.record import histories_for_file
from kilabel.register.store import Entry, Filter, Register, open_register, parse_when

COLUMNS = ("No.", "Date", "Output file", "Campaign", "AI system", "Label", "State")  # in headers()


def local_time(created: str) -> str:
    """'2025-09-24T08:00:00.000000Z' -> '2025-09-24 10:00' in the local time zone."""
    try:
        when = datetime.datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        return created
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class RegisterDialog(QDialog):
    """Browse the register: filter by campaign, date, AI system and text; an entry's history and
    details; export CSV/JSON (optionally public); open the credits for what is shown.

    Signals:
        entrySelected(int): the id of the entry now shown in the details.
    """

    entrySelected = Signal(int)

    def __init__(
        self, register: Register | None = None, settings=None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._own = register is None
        self.register = register if register is not None else open_register(settings)
        self.entries: list[Entry] = []
        self.setWindowTitle(self.tr("Register"))
        self.resize(1000, 640)

        self.campaign = QComboBox()
        self.ai_system = QComboBox()
        self.since_on, self.until_on = QCheckBox(self.tr("from")), QCheckBox(self.tr("to"))
        self.since, self.until = QDateEdit(QDate.currentDate().addMonths(-1)), QDateEdit(QDate.currentDate())
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search file names, prompts, register ids"))
        self.current_only = QCheckBox(self.tr("Only current (hide superseded)"))
        campaign_label, system_label = QLabel(self.tr("&Campaign")), QLabel(self.tr("AI s&ystem"))
        campaign_label.setBuddy(self.campaign)
        system_label.setBuddy(self.ai_system)
        filters = QHBoxLayout()
        for w in (
            campaign_label,
            self.campaign,
            system_label,
            self.ai_system,
            self.since_on,
            self.since,
            self.until_on,
            self.until,
            self.search,
            self.current_only,
        ):
            filters.addWidget(w)

        self.table = _table(self.headers())
        self.history = _table(self.headers())
        self.details = QPlainTextEdit(readOnly=True)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel(self.tr("History of this image")))
        rl.addWidget(self.history, 1)
        rl.addWidget(self.details, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([620, 380])

        self._name_controls()
        self.public = QCheckBox(self.tr("Public (without operator and file paths)"))
        self.find_btn = QPushButton(self.tr("Find file …"))
        self.csv_btn, self.json_btn = (
            QPushButton(self.tr("Export CSV …")),
            QPushButton(self.tr("Export JSON …")),
        )
        self.credits_btn = QPushButton(self.tr("Image credits …"))
        self.status = QLabel()
        self.warning = QLabel("\n".join(self.register.warnings))
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a35c00")
        self.warning.setVisible(bool(self.register.warnings))
        actions = QHBoxLayout()
        for w in (self.find_btn, self.public, self.csv_btn, self.json_btn, self.credits_btn):
            actions.addWidget(w)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        actions.addWidget(close)

        lay = QVBoxLayout(self)
        lay.addWidget(self.warning)
        lay.addLayout(filters)
        lay.addWidget(split, 1)
        lay.addWidget(self.status)
        lay.addLayout(actions)

        self._fill_choices()
        for combo in (self.campaign, self.ai_system):
            combo.currentIndexChanged.connect(self.refresh)
        for box in (self.since_on, self.until_on, self.current_only):
            box.toggled.connect(self.refresh)
        self.since.dateChanged.connect(self.refresh)
        self.until.dateChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selected)
        self.history.itemSelectionChanged.connect(self._history_selected)
        self.find_btn.clicked.connect(self._ask_find)
        self.csv_btn.clicked.connect(lambda: self._ask_export("csv"))
        self.json_btn.clicked.connect(lambda: self._ask_export("json"))
        self.credits_btn.clicked.connect(self.open_credits)
        self.finished.connect(self._close_register)
        self.refresh()

    def _name_controls(self) -> None:
        """Names a screen reader reads for the fields whose caption is not a label beside them."""
        self.campaign.setAccessibleName(self.tr("Campaign"))
        self.ai_system.setAccessibleName(self.tr("AI system"))
        self.since.setAccessibleName(self.tr("Entries from this date"))
        self.until.setAccessibleName(self.tr("Entries up to this date"))
        self.search.setAccessibleName(self.tr("Search file names, prompts, register ids"))
        self.table.setAccessibleName(self.tr("Register entries"))
        self.history.setAccessibleName(self.tr("History of this image"))
        self.details.setAccessibleName(self.tr("Details of the entry"))

    def headers(self) -> list[str]:
        """COLUMNS in the window's language (literal tr() calls: lupdate finds no variable's text)."""
        return [
            self.tr("No."),
            self.tr("Date"),
            self.tr("Output file"),
            self.tr("Campaign"),
            self.tr("AI system"),
            self.tr("Label"),
            self.tr("State"),
        ]

    def _fill_choices(self) -> None:
        for combo, column in ((self.campaign, "campaign"), (self.ai_system, "ai_system")):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(all)"), "")
            for value in self.register.distinct(column):
                combo.addItem(value, value)
            combo.blockSignals(False)

    def current_filter(self) -> Filter:
        def day(edit: QDateEdit) -> str:
            return edit.date().toString("yyyy-MM-dd")

        return Filter(
            campaign=self.campaign.currentData() or "",
            ai_system=self.ai_system.currentData() or "",
            since=parse_when(day(self.since)) if self.since_on.isChecked() else "",
            until=parse_when(day(self.until), end=True) if self.until_on.isChecked() else "",
            text=self.search.text().strip(),
            current_only=self.current_only.isChecked(),
        )

    def refresh(self) -> None:
        """Run the filter again and show the result."""
        self.entries = self.register.query(self.current_filter())
        self._fill(self.table, self.entries)
        self.status.setText(self.tr("%n entries", "", len(self.entries)))

    def _state(self, e: Entry) -> str:
        parts = []
        if e.supersedes:
            parts.append(
                self.tr("correction of {0}: {1}").format(e.supersedes, e.reason or self.tr("no reason given"))
            )
        if not e.current:
            parts.append(self.tr("superseded by {0}").format(e.superseded_by))
        return "; ".join(parts) or self.tr("current")

    def _fill(self, table: QTableWidget, entries: list[Entry]) -> None:
        table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            values = (
                str(e.id),
                local_time(e.created),
                e.output_name,
                e.campaign,
                " ".join(filter(None, [e.ai_system, e.ai_version])),
                e.label_text,
                self._state(e),
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                table.setItem(row, col, item)
        table.resizeColumnsToContents()

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.show_entry(self.entries[rows[0].row()].id)

    def _history_selected(self) -> None:
        rows = self.history.selectionModel().selectedRows()
        if rows:
            entry_id = self.history.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
            e = self.register.get(entry_id)
            if e is not None:
                self.details.setPlainText(self.describe(e))

    def show_entry(self, entry_id: int) -> None:
        """Show an entry's details and the history of its image."""
        e = self.register.get(entry_id)
        if e is None:
            return
        self._fill(self.history, self.register.chain(entry_id))
        self.details.setPlainText(self.describe(e))
        self.entrySelected.emit(entry_id)

    def describe(self, e: Entry) -> str:
        names = [
            ("register_id", self.tr("Register id")),
            ("created", self.tr("Time")),
            ("input_name", self.tr("Input")),
            ("output_path", self.tr("Output")),
            ("label_text", self.tr("Label")),
            ("position", self.tr("Position")),
            ("profile_id", self.tr("Export profile")),
            ("source_type", self.tr("Source type")),
            ("ai_system", self.tr("AI system")),
            ("ai_version", self.tr("Version")),
            ("prompt", self.tr("Prompt")),
            ("prompt_writer", self.tr("Prompt by")),
            ("creator", self.tr("Creator")),
            ("credit", self.tr("Image credit")),
            ("campaign", self.tr("Campaign")),
            ("client", self.tr("Client")),
            ("signer_organisation", self.tr("Signed by")),
            ("signer_fingerprint", self.tr("Certificate")),
            ("operator", self.tr("Exported by")),
            ("program_version", self.tr("Program")),
        ]
        lang = "de" if QLocale().language() == QLocale.Language.German else "en"
        shown = {
            "created": local_time(e.created),
            "source_type": f"{source_type_label(e.source_type, lang)} ({e.source_type})",
        }
        lines = [f"{label}: {shown.get(key, getattr(e, key))}" for key, label in names if getattr(e, key)]
        number = self.tr("No.")  # outside the f-string, where lupdate finds it
        lines.insert(0, f"{number} {e.id} — {self._state(e)}")
        return "\n".join(lines)

    def find_file(self, path: Path) -> list[list[Entry]]:
        """Select the newest entry of the file's history (found by hash or register id)."""
        chains = histories_for_file(self.register, Path(path))
        if not chains:
            self.status.setText(self.tr("{0}: not in the register").format(Path(path).name))
            return chains
        newest = chains[-1][-1].id
        self.search.clear()
        self.current_only.setChecked(False)
        for row, e in enumerate(self.entries):
            if e.id == newest:
                self.table.selectRow(row)
        self.show_entry(newest)
        return chains

    def export_to(self, path: Path, fmt: str) -> int:
        """Write the entries shown now as CSV or JSON; returns how many."""
        public = self.public.isChecked()
        text = (
            register_export.to_csv(self.entries, public)
            if fmt == "csv"
            else register_export.to_json(self.entries, public)
        )
        register_export.write(text, path, fmt)
        self.status.setText(self.tr("{0} entries written to {1}").format(len(self.entries), path))
        return len(self.entries)

    def _ask_find(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Find a file in the register"))
        if name:
            self.find_file(Path(name))

    def _ask_export(self, fmt: str) -> None:
        pattern = self.tr("CSV (*.csv)") if fmt == "csv" else self.tr("JSON (*.json)")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the register"), f"kilabel-register.{fmt}", pattern
        )
        if name:
            try:
                self.export_to(Path(name), fmt)
            except OSError as exc:
                self.status.setText(self.tr("Cannot write {0}: {1}").format(name, exc))

    def open_credits(self) -> CreditsDialog:
        """Credits for the selected entries, or else for everything the filter shows."""
        rows = self.table.selectionModel().selectedRows()
        ids = [self.entries[r.row()].id for r in rows] or [e.id for e in self.entries]
        dlg = CreditsDialog(self.register, ids=ids, parent=self)
        dlg.show()
        return dlg

    def _close_register(self) -> None:
        if self._own:
            self.register.close()
