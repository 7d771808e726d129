"""Extras → Settings: window language, label language, organisation and performance (settings.toml)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
)


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
        self.label.addItem("Deutsch (KI-generiert)", "de")
        self.label.addItem("English (AI-generated)", "en")
        self.label.setCurrentIndex(max(0, self.label.findData(settings.label_language)))
        self.org, self.operator = QLineEdit(settings.organisation), QLineEdit(settings.operator)
        self.jobs = QSpinBox()
        self.jobs.setRange(0, 64)
        self.jobs.setSpecialValueText(self.tr("one per core"))
        self.jobs.setValue(settings.jobs)
        self.mp = QDoubleSpinBox()
        self.mp.setRange(1, 2000)
        self.mp.setSuffix(" MP")
        self.mp.setValue(settings.max_megapixels)
        self.tsa = QLineEdit(settings.tsa_url)
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

    def save(self) -> None:
        from kilabel import settings as settings_mod

        s = self.settings
        s.ui_language, s.label_language = self.ui.currentData(), self.label.currentData()
        s.organisation, s.operator = self.org.text().strip(), self.operator.text().strip()
        s.jobs, s.max_megapixels, s.tsa_url = self.jobs.value(), self.mp.value(), self.tsa.text().strip()
        s.fetch_remote_manifests = self.fetch.isChecked()
        try:
            settings_mod.save(s)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Settings"), str(exc))
            return
        self.accept()
