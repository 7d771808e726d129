"""Side panel section "Provenance": how the selected images were made. With several images
selected, a field whose values differ shows "(differs)" and typing sets it for all of them.
A provenance template (a named set of values, as Bridge's metadata templates) fills the shared
fields of the selection at once; a CSV or Excel list fills them per image (gui/provenance_tools.py).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from kilabel.gui import accessibility
from kilabel.provenance import SOURCE_TYPES, Provenance

TEXT_FIELDS = ("ai_system", "ai_version", "prompt_writer", "creator", "credit", "campaign", "client")
AI_SYSTEM_HINT = "Midjourney, DALL·E, Stable Diffusion …"


class ProvenancePanel(QWidget):
    """Signals:
    edited(str, str): a provenance field and its new value, for every selected image
    template_apply_requested(str): apply the named template to the selected images
    template_save_requested(): keep the values shown as a new template
    template_delete_requested(str): delete the named template
    import_requested(): read a provenance list (CSV, Excel) into the loaded images
    """

    edited = Signal(str, str)
    template_apply_requested = Signal(str)
    template_save_requested = Signal()
    template_delete_requested = Signal(str)
    import_requested = Signal()

    def __init__(self, language: str = "de", parent=None) -> None:
        super().__init__(parent)
        self._showing = False
        self._build_templates_row()
        self.source = QComboBox()
        self.source.addItem(self.tr("— please choose —"), "")
        for code, (de, en, _ai) in SOURCE_TYPES.items():
            self.source.addItem(de if language == "de" else en, code)
            self.source.setItemData(
                self.source.count() - 1, self.tr("IPTC digital source type: {0}").format(code), 0x0003
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
        self.fields["ai_system"].setPlaceholderText(AI_SYSTEM_HINT)
        self.fields["credit"].setToolTip(
            self.tr("Credit line as printed, e.g. 'Bild: KI-generiert (Midjourney)'")
        )
        self.fields["campaign"].setToolTip(
            self.tr("The campaign the image belongs to; the register and the image credits filter by it")
        )
        self.fields["client"].setToolTip(
            self.tr("Who commissioned the image (stored in the file and the register)")
        )
        self.prompt = QPlainTextEdit()
        self.prompt.setTabChangesFocus(True)
        self.prompt.setFixedHeight(84)
        self.prompt.setToolTip(self.tr("The text given to the AI system; stored exactly in the file"))
        self.prompt.textChanged.connect(lambda: self._emit("prompt", self.prompt.toPlainText()))

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Template"), self.template_row)
        form.addRow(self.tr("Source type"), self.source)
        form.addRow(self.tr("AI system"), self.fields["ai_system"])
        form.addRow(self.tr("Version"), self.fields["ai_version"])
        form.addRow(self.tr("Prompt"), self.prompt)
        form.addRow(self.tr("Prompt by"), self.fields["prompt_writer"])
        form.addRow(self.tr("Creator"), self.fields["creator"])
        form.addRow(self.tr("Image credit"), self.fields["credit"])
        form.addRow(self.tr("Campaign"), self.fields["campaign"])
        form.addRow(self.tr("Client"), self.fields["client"])
        accessibility.link_form(form)
        self.template_box.setAccessibleName(self.tr("Provenance template"))
        self.set_templates([])

    def _build_templates_row(self) -> None:
        """Template list, Apply, and a menu to save, delete or import (as the preset row above it)."""
        self.template_box = QComboBox()
        self.template_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template_box.setMinimumContentsLength(8)
        self.template_box.setToolTip(
            self.tr("A saved set of provenance values (source type, AI system, credit …)")
        )
        self.template_box.currentIndexChanged.connect(lambda _i: self._template_state())
        self.apply_btn = QToolButton()
        self.apply_btn.setText(self.tr("Apply"))
        self.apply_btn.setAccessibleName(self.tr("Apply template to the selected images"))
        self.apply_btn.setToolTip(self.tr("Set the template's values for the selected images"))
        self.apply_btn.clicked.connect(
            lambda: self.template_apply_requested.emit(self.template_box.currentData() or "")
        )
        self.templates_btn = QToolButton()
        self.templates_btn.setText("…")
        self.templates_btn.setAccessibleName(self.tr("Templates and provenance lists"))
        self.templates_btn.setToolTip(self.tr("Save or delete templates, import a provenance list"))
        self.templates_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.templates_btn.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.templates_btn.setFixedWidth(30)
        menu = QMenu(self.templates_btn)
        self.save_template_action = menu.addAction(
            self.tr("Save values as template …"), self.template_save_requested.emit
        )
        self.delete_template_action = menu.addAction(
            self.tr("Delete template"),
            lambda: self.template_delete_requested.emit(self.template_box.currentData() or ""),
        )
        menu.addSeparator()
        self.import_action = menu.addAction(self.tr("Import provenance list …"), self.import_requested.emit)
        self.templates_btn.setMenu(menu)
        self.template_row = QHBoxLayout()
        self.template_row.addWidget(self.template_box, 1)
        self.template_row.addWidget(self.apply_btn)
        self.template_row.addWidget(self.templates_btn)

    def set_templates(self, names: list[str], current: str = "") -> None:
        """The saved templates by name; `current` stays chosen when it still exists."""
        self.template_box.blockSignals(True)
        self.template_box.clear()
        self.template_box.addItem(self.tr("— no template —") if names else self.tr("— none saved yet —"), "")
        for name in names:
            self.template_box.addItem(name, name)
        self.template_box.setCurrentIndex(max(0, self.template_box.findData(current)) if current else 0)
        self.template_box.blockSignals(False)
        self._template_state()

    def _template_state(self) -> None:
        chosen = bool(self.template_box.currentData())
        self.apply_btn.setEnabled(chosen)
        self.delete_template_action.setEnabled(chosen)

    def current_values(self) -> dict[str, str]:
        """The values shown now, as a template keeps them: a field that differs across the
        selection is left out (its box is empty, '(differs)' is only a placeholder)."""
        values = {"source_type": self.source.currentData() or ""}
        for name, edit in self.fields.items():
            values[name] = edit.text().strip()
        return {k: v for k, v in values.items() if v}

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
                edit.setCursorPosition(0)  # a long credit line shows its start, not its end
                edit.setPlaceholderText(
                    differs if value is None else (AI_SYSTEM_HINT if name == "ai_system" else "")
                )
            value = common("prompt") if provs else ""
            if self.prompt.toPlainText() != (value or ""):
                self.prompt.setPlainText(value or "")
            self.prompt.setPlaceholderText(differs if value is None else "")
        finally:
            self._showing = False
