"""Extras → Signing identity: who signs the exports (kilabel.keys), and making a new local one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from kilabel.gui import accessibility, workers


class IdentityDialog(QDialog):
    """Shows kilabel.keys.load(settings.keys_path) and can run `keys init` with an organisation name."""

    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Signing identity"))
        self.resize(560, 300)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(self.info.textFormat().RichText)
        self.org = QLineEdit(settings.organisation)
        self.org.setPlaceholderText(self.tr("Organisation, e.g. Stadt Musterstadt"))
        self.create_btn = QPushButton(self.tr("Create new local identity"))
        self.create_btn.clicked.connect(self.create)
        row = QHBoxLayout()
        row.addWidget(self.org, 1)
        row.addWidget(self.create_btn)
        note = QLabel(
            self.tr(
                "A new identity replaces the current one. Files signed before stay valid. "
                "To use your organisation's certificate: kilabel keys import."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        form = QFormLayout()
        form.addRow(self.tr("&Organisation"), row)
        accessibility.link_form(form)  # the label names the field and its mnemonic focuses it
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addStretch(1)
        lay.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        from kilabel import keys
        from kilabel.errors import KilabelError

        try:
            ident = keys.load(self.settings.keys_path)
        except KilabelError as exc:
            self.info.setText(
                self.tr(
                    "<b>No signing identity yet.</b> One is created on the first export, or create it here."
                )
                + f"<br><small>{exc}</small>"
            )
            return
        rows = [
            (self.tr("Organisation"), ident.organisation),
            (self.tr("Name"), ident.common_name),
            (self.tr("Algorithm"), ident.alg),
            (self.tr("Valid until"), f"{ident.not_after:%Y-%m-%d}"),
            (self.tr("Fingerprint"), ident.fingerprint[:32] + "…"),
            (self.tr("Folder"), str(self.settings.keys_path)),
        ]
        self.info.setText(
            "<table>"
            + "".join(
                f"<tr><td style='color:#666;padding-right:12px'>{k}</td><td>{v}</td></tr>" for k, v in rows
            )
            + "</table>"
        )

    def create(self) -> None:
        org = self.org.text().strip()
        if not org:
            self.org.setFocus()
            return
        from kilabel import keys

        path = self.settings.keys_path
        self.create_btn.setEnabled(False)

        def done(_result, error) -> None:
            self.create_btn.setEnabled(True)
            if error is not None:
                QMessageBox.warning(self, self.tr("Signing identity"), str(error))
            self.refresh()

        workers.run_task(lambda: keys.init(org, path, force=True), done, owner=self)
