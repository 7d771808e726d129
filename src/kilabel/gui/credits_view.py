"""The image-credits window (Extras → Bildnachweis erstellen): credits for a campaign or a selection
of register entries, as plain text, Markdown, HTML or CSV, German or English; copy or save.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kilabel.gui import accessibility, i18n
from kilabel.register import credits
from kilabel.register.store import Register, open_register


class CreditsDialog(QDialog):
    """Image credits (Bildnachweis) for a campaign or a selection, as text, Markdown, HTML or CSV,
    in German or English; copy to the clipboard or save.

    Signals:
        rendered(str): the credits text after every change of selection, format or language.
    """

    rendered = Signal(str)

    def __init__(
        self,
        register: Register | None = None,
        campaign: str = "",
        ids: list[int] | None = None,
        parent: QWidget | None = None,
        settings=None,
    ) -> None:
        super().__init__(parent)
        self._own = register is None  # opened from the menu: open the settings' register, close it at the end
        self.register = register = register if register is not None else open_register(settings)
        self.ids = ids
        self.setWindowTitle(self.tr("Image credits"))
        self.resize(760, 520)
        self.campaign = QComboBox()
        self.campaign.addItem(self.tr("(selection)") if ids is not None else self.tr("(all)"), "")
        for value in register.distinct("campaign"):
            self.campaign.addItem(value, value)
        if campaign:
            self.campaign.setCurrentIndex(max(0, self.campaign.findData(campaign)))
        self.format = QComboBox()
        for key, label in (
            ("text", self.tr("Plain text (layout program)")),
            ("md", "Markdown"),
            ("html", "HTML"),
            ("csv", "CSV"),
        ):
            self.format.addItem(label, key)
        self.language = QComboBox()
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current())))  # the window's language
        self.preview = QPlainTextEdit(readOnly=True)
        self.preview.setAccessibleName(self.tr("Image credits as they will be copied or saved"))
        form = QFormLayout()
        form.addRow(self.tr("Campaign"), self.campaign)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Language"), self.language)
        self.copy_btn, self.save_btn = QPushButton(self.tr("Copy")), QPushButton(self.tr("Save …"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_btn, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_btn, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        accessibility.link_form(form)  # each label names its field
        lay.addWidget(self.preview, 1)
        lay.addWidget(buttons)
        for combo in (self.campaign, self.format, self.language):
            combo.currentIndexChanged.connect(self.update_text)
        self.copy_btn.clicked.connect(self.copy)
        self.save_btn.clicked.connect(self._ask_save)
        self.finished.connect(lambda _=0: self.register.close() if self._own else None)
        self.update_text()

    def text(self) -> str:
        lang, fmt = self.language.currentData(), self.format.currentData()
        campaign = self.campaign.currentData() or ""
        entries = credits.select(self.register, campaign=campaign, ids=None if campaign else self.ids)
        return credits.render(credits.collect(self.register, entries, lang), fmt, lang)

    def update_text(self) -> None:
        text = self.text()
        self.preview.setPlainText(text)
        self.rendered.emit(text)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.preview.toPlainText())

    def save_to(self, path: Path) -> None:
        csv_file = self.format.currentData() == "csv"
        Path(path).write_text(
            self.preview.toPlainText(), encoding="utf-8-sig" if csv_file else "utf-8", newline=""
        )

    def _ask_save(self) -> None:
        ext = {"text": "txt", "md": "md", "html": "html", "csv": "csv"}[self.format.currentData()]
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save image credits"), f"bildnachweis.{ext}")
        if name:
            self.save_to(Path(name))
