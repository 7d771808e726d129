"""Side panel section "Provenance": how the selected images were made. With several images
selected, a field whose values differ shows "(differs)" and typing sets it for all of them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from kilabel.provenance import SOURCE_TYPES, Provenance

TEXT_FIELDS = ("ai_system", "ai_version", "prompt_writer", "creator", "credit")


class ProvenancePanel(QWidget):
    """Signals:
    edited(str, str): a provenance field and its new value, for every selected image
    """

    edited = Signal(str, str)

    def __init__(self, language: str = "de", parent=None) -> None:
        super().__init__(parent)
        self._showing = False
        self.source = QComboBox()
        self.source.addItem(self.tr("— please choose —"), "")
        for code, (de, en, _ai) in SOURCE_TYPES.items():
            self.source.addItem(de if language == "de" else en, code)
            self.source.setItemData(
                self.source.count() - 1, f"IPTC digital source type: {code}", 0x0003
            )  # Qt.ToolTipRole
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source.setMinimumContentsLength(10)
        self.source.setToolTip(self.tr("How the image was made (IPTC digital source type)"))
        self.source.activated.connect(self._source_picked)
        self.fields: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.textEdited.connect(lambda text, n=name: self._emit(n, text))
            self.fields[name] = edit
        self.fields["ai_system"].setPlaceholderText("Midjourney, DALL·E, Stable Diffusion …")
        self.fields["credit"].setToolTip(
            self.tr("Credit line as printed, e.g. 'Bild: KI-generiert (Midjourney)'")
        )
        self.prompt = QPlainTextEdit()
        self.prompt.setTabChangesFocus(True)
        self.prompt.setFixedHeight(84)
        self.prompt.setToolTip(self.tr("The text given to the AI system; stored exactly in the file"))
        self.prompt.textChanged.connect(lambda: self._emit("prompt", self.prompt.toPlainText()))

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Source type"), self.source)
        form.addRow(self.tr("AI system"), self.fields["ai_system"])
        form.addRow(self.tr("Version"), self.fields["ai_version"])
        form.addRow(self.tr("Prompt"), self.prompt)
        form.addRow(self.tr("Prompt by"), self.fields["prompt_writer"])
        form.addRow(self.tr("Creator"), self.fields["creator"])
        form.addRow(self.tr("Image credit"), self.fields["credit"])

    def _emit(self, name: str, value: str) -> None:
        if not self._showing:
            if name == "prompt":
                self.prompt.setPlaceholderText("")
            self.edited.emit(name, value)

    def _source_picked(self, index: int) -> None:
        self.source.setPlaceholderText("")
        self._emit("source_type", self.source.itemData(index) or "")

    def show_selection(self, provs: list[Provenance]) -> None:
        """Fill from the selected images; differing values show the '(differs)' placeholder."""
        self._showing = True
        try:
            self.setEnabled(bool(provs))
            differs = self.tr("(differs)")

            def common(name: str) -> str | None:
                values = {getattr(p, name) for p in provs}
                return values.pop() if len(values) == 1 else None

            st = common("source_type") if provs else ""
            if st is None:
                self.source.setPlaceholderText(differs)
                self.source.setCurrentIndex(-1)
            else:
                self.source.setPlaceholderText("")
                self.source.setCurrentIndex(max(0, self.source.findData(st)))
            for name, edit in self.fields.items():
                value = common(name) if provs else ""
                edit.setText(value or "")
                edit.setPlaceholderText(
                    differs
                    if value is None
                    else ("Midjourney, DALL·E, Stable Diffusion …" if name == "ai_system" else "")
                )
            value = common("prompt") if provs else ""
            if self.prompt.toPlainText() != (value or ""):
                self.prompt.setPlainText(value or "")
            self.prompt.setPlaceholderText(differs if value is None else "")
        finally:
            self._showing = False
