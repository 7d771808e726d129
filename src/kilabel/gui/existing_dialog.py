"""Asked once before a batch whose planned outputs exist already (as Lightroom's export asks):
overwrite them, save under a new name, skip them, or overwrite them as a correction with a reason
for the register. The answer applies to every such file of the batch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from kilabel.gui import accessibility

SHOWN = 6  # names listed; the rest is counted


class ExistingFilesDialog(QDialog):
    """choice(): "overwrite" | "rename" | "skip" | "correction"; existing() and reason() are what the
    export tasks get (kilabel.export.task.EXISTING; a correction overwrites and carries the reason)."""

    CHOICES = ("overwrite", "rename", "skip", "correction")

    def __init__(self, paths: list[Path], total: int, folder: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Files exist already"))
        names = [p.name for p in paths[:SHOWN]]
        more = len(paths) - len(names)
        listing = "\n".join(f"• {n}" for n in names) + (
            "\n" + self.tr("… and {0} more").format(more) if more else ""
        )
        intro = QLabel(
            self.tr("{0} of the {1} files to export exist already in {2}:").format(len(paths), total, folder)
        )
        intro.setWordWrap(True)
        files = QLabel(listing)
        files.setAccessibleName(self.tr("Existing files"))
        question = QLabel(self.tr("What should happen with them?"))
        self.buttons = {
            "overwrite": QRadioButton(
                self.tr("&Overwrite them (the register records the new files as corrections)")
            ),
            "rename": QRadioButton(self.tr("Save under a &new name (name-2.jpg)")),
            "skip": QRadioButton(self.tr("&Skip them and export only the others")),
            "correction": QRadioButton(self.tr("Overwrite them as a &correction, with this reason:")),
        }
        self.group = QButtonGroup(self)
        for button in self.buttons.values():
            self.group.addButton(button)
        self.buttons["rename"].setChecked(True)  # today's behaviour, and nothing is lost
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Reason for the correction (goes into the register)"))
        self.reason_edit.setAccessibleName(self.tr("Reason for the correction"))
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        self.box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for widget in (intro, files, question, *self.buttons.values(), self.reason_edit, self.box):
            lay.addWidget(widget)
        self.group.buttonToggled.connect(lambda *_: self._update())
        self.reason_edit.textChanged.connect(lambda _t: self._update())
        self._update()
        accessibility.name_the_rest(self)

    def choose(self, choice: str, reason: str = "") -> None:
        """Set the answer as a click and typing would (tests, keyboard)."""
        self.buttons[choice].setChecked(True)
        if reason:
            self.reason_edit.setText(reason)

    def choice(self) -> str:
        return next(c for c, b in self.buttons.items() if b.isChecked())

    def existing(self) -> str:
        return "overwrite" if self.choice() == "correction" else self.choice()

    def reason(self) -> str:
        return self.reason_edit.text().strip() if self.choice() == "correction" else ""

    def _update(self) -> None:
        """The reason is asked for a correction only, and a correction needs one."""
        correction = self.choice() == "correction"
        self.reason_edit.setEnabled(correction)
        ok = self.box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not correction or bool(self.reason_edit.text().strip()))
        if correction:
            self.reason_edit.setFocus()
