"""Extras → Settings: window language, label language, organisation, register, performance and network
(settings.toml). Every field has a linked label and a name a screen reader reads."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
)

from kilabel.gui import accessibility


def _redacted(url: str) -> str:
    """A register URL without its password, for showing on screen."""
    from kilabel.register import postgres

    return postgres.redact(url)


def _line(text: str) -> QLineEdit:
    """A text field showing the start of its value (a long path or URL is read from the left)."""
    edit = QLineEdit(text)
    edit.setCursorPosition(0)
    return edit


class SettingsDialog(QDialog):
    """Edits a copy of kilabel.settings.Settings; Save writes it with kilabel.settings.save."""

    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.ui = QComboBox()
        self.ui.addItem(self.tr("Follow the system"), "")
        self.ui.addItem("Deutsch", "de")
        self.ui.addItem("English", "en")
        self.ui.setCurrentIndex(max(0, self.ui.findData(settings.ui_language)))
        self.label = QComboBox()
        self.label.addItem(self.tr("Like the window"), "")
        self.label.addItem("Deutsch (KI-generiert)", "de")
        self.label.addItem("English (AI-generated)", "en")
        self.label.setCurrentIndex(max(0, self.label.findData(settings.label_language)))
        self.org, self.operator = _line(settings.organisation), _line(settings.operator)
        self.operator.setToolTip(self.tr("The person exporting; recorded in the register"))
        self._build_register_row(settings.register_path)
        self._build_register_url(settings.register_url)
        self.jobs = QSpinBox()
        self.jobs.setRange(0, 64)
        self.jobs.setSpecialValueText(self.tr("one per core"))
        self.jobs.setValue(settings.jobs)
        self.mp = QDoubleSpinBox()
        self.mp.setRange(1, 2000)
        self.mp.setSuffix(" MP")
        self.mp.setValue(settings.max_megapixels)
        self.tsa = _line(settings.tsa_url)
        self.tsa.setPlaceholderText(self.tr("none (offline)"))
        self.fetch = QCheckBox(self.tr("Fetch manifests stored on the internet when checking files"))
        self.fetch.setToolTip(
            self.tr(
                "Off: checking files makes no network request; a manifest at a URL is reported as not fetched."
            )
        )
        self.fetch.setChecked(settings.fetch_remote_manifests)
        form = QFormLayout()
        form.addRow(self.tr("Window language"), self.ui)
        form.addRow(self.tr("Label language"), self.label)
        form.addRow(self.tr("Organisation"), self.org)
        form.addRow(self.tr("Operator"), self.operator)
        form.addRow(self.tr("Register file"), self.register_row)
        form.addRow("", self.register_note)
        form.addRow(self.tr("Team register"), self.register_url)
        form.addRow("", self.register_url_note)
        form.addRow(self.tr("Parallel exports"), self.jobs)
        form.addRow(self.tr("Largest image"), self.mp)
        form.addRow(self.tr("Timestamp server"), self.tsa)
        form.addRow(self.tr("Remote manifests"), self.fetch)
        note = QLabel(self.tr("A new window language applies at the next start."))
        note.setStyleSheet("color: palette(mid);")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)
        accessibility.link_form(form)
        self.register_btn.setAccessibleName(self.tr("Choose the register file"))
        accessibility.name_the_rest(self)

    def _build_register_row(self, value: str) -> None:
        """The register's file: empty means register.sqlite in the data folder (shown greyed)."""
        from kilabel.register import store

        self.register = _line(value)
        self.register.setPlaceholderText(str(store.default_path(None)))
        self.register.setToolTip(
            self.tr("Where every export is recorded; empty: the default file shown. Use a local disk.")
        )
        self.register.textChanged.connect(lambda _t: self._register_warning())
        self.register_btn = QToolButton()
        self.register_btn.setText(self.tr("Choose …"))
        self.register_btn.clicked.connect(self._choose_register)
        self.register_row = QHBoxLayout()
        self.register_row.addWidget(self.register, 1)
        self.register_row.addWidget(self.register_btn)
        self.register_note = QLabel()
        self.register_note.setWordWrap(True)
        self.register_note.setStyleSheet("color: #a35c00;")
        self._register_warning()

    def _build_register_url(self, value: str) -> None:
        """The team register on a PostgreSQL server: when set, every command uses it, not the file."""
        from kilabel import settings as settings_mod

        self.register_url = _line(value)
        self.register_url.setPlaceholderText(
            self.tr("postgresql://user@server/database (empty: the register file)")
        )
        self.register_url.setToolTip(
            self.tr(
                "A register shared by a team on a PostgreSQL server; exports, relabelling and checks use "
                "it instead of the register file. Entries made while the server cannot be reached wait on "
                "this computer and are sent later."
            )
        )
        env = os.environ.get(settings_mod.REGISTER_URL_ENV, "").strip()
        self.register_url_note = QLabel(
            self.tr("The environment variable KILABEL_REGISTER_URL is set and is used instead: {0}").format(
                _redacted(env)
            )
            if env
            else ""
        )
        self.register_url_note.setWordWrap(True)
        self.register_url_note.setVisible(bool(env))

    def _choose_register(self) -> None:
        from kilabel.register import store

        start = self.register.text().strip() or str(store.default_path(None))
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Register file"),
            start,
            self.tr("Register (*.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing register is opened, not replaced
        )
        if path:
            self.register.setText(path)
            self.register.setCursorPosition(0)

    def _register_warning(self) -> None:
        """Say so when the register would sit on a network drive (SQLite's locking is not safe there)."""
        from kilabel.register import netfs

        text = self.register.text().strip()
        remote = bool(text) and bool(netfs.network_reason(Path(text).expanduser()))
        self.register_note.setText(
            self.tr(
                "On a network drive two people writing at once may damage the register; use a local disk."
            )
            if remote
            else ""
        )
        self.register_note.setVisible(remote)

    def _register_problem(self) -> str:
        from kilabel import settings as settings_mod

        url = self.register_url.text().strip()
        if url and not url.startswith(settings_mod.REGISTER_URL_SCHEMES):
            return self.tr("The team register's address must start with postgresql://")
        text = self.register.text().strip()
        if text and Path(text).expanduser().is_dir():
            return self.tr("The register must be a file, not a folder: {0}").format(text)
        return ""

    def save(self) -> None:
        from kilabel import settings as settings_mod

        problem = self._register_problem()
        if problem:
            QMessageBox.warning(self, self.tr("Settings"), problem)
            return
        s = self.settings
        s.ui_language, s.label_language = self.ui.currentData(), self.label.currentData()
        s.organisation, s.operator = self.org.text().strip(), self.operator.text().strip()
        s.register_path = self.register.text().strip()
        s.register_url = self.register_url.text().strip()
        s.jobs, s.max_megapixels, s.tsa_url = self.jobs.value(), self.mp.value(), self.tsa.text().strip()
        s.fetch_remote_manifests = self.fetch.isChecked()
        try:
            settings_mod.save(s)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Settings"), str(exc))
            return
        self.accept()
