"""The right pane: Label, Provenance and Output sections, scrollable, editing the selection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kilabel.gui import accessibility
from kilabel.gui.label_panel import LabelPanel
from kilabel.gui.output_panel import OutputPanel
from kilabel.gui.provenance_panel import ProvenancePanel


class SidePanel(QScrollArea):
    """Holds the three sections; their signals are connected by the main window."""

    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self.label = LabelPanel()
        self.provenance = ProvenancePanel(language)
        self.output = OutputPanel()
        self.provenance_title = QLabel()
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(12, 10, 14, 12)
        lay.setSpacing(6)
        for title, section in (
            (self.tr("Label"), self.label),
            (None, self.provenance),
            (self.tr("Output"), self.output),
        ):
            head = self.provenance_title if title is None else QLabel(title)
            head.setStyleSheet("font-weight: 600; font-size: 11pt; padding-top: 6px;")
            if lay.count():
                line = QFrame()
                line.setFrameShape(QFrame.Shape.HLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                lay.addSpacing(4)
                lay.addWidget(line)
            lay.addWidget(head)
            lay.addWidget(section)
        lay.addStretch(1)
        self._align_labels()
        self._name_controls(inner)
        self.set_selection_count(0)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # never narrower than its fields: nothing is cut off at the right edge
        self.setMinimumWidth(
            inner.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2
        )

    def comfortable_width(self) -> int:
        """The width at which every choice box shows its longest entry in full, measured in the
        font the window really has (fonts differ between machines), not a fixed number."""
        self.widget().layout().activate()
        deficit = 0
        for box in self.widget().findChildren(QComboBox):
            if box.count() and box.isVisibleTo(self):
                deficit = max(deficit, combo_text_width(box) - box.width())
        return self.width() + deficit

    def _align_labels(self) -> None:
        """One label column for all three sections, so their fields line up."""
        labels = []
        for section in (self.label, self.provenance, self.output):
            form = section.layout()
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                if item and item.widget():
                    labels.append(item.widget())
        width = max((w.sizeHint().width() for w in labels), default=0)
        for w in labels:
            w.setMinimumWidth(width)

    def _name_controls(self, inner: QWidget) -> None:
        """Every control has a name a screen reader reads, in the window's language (issue 14, 11):
        the sections name their own; the output folder and anything left get theirs here."""
        self.output.folder.setAccessibleName(self.tr("Output folder"))
        self.output.browse.setAccessibleName(self.tr("Choose the output folder"))
        accessibility.link_form(self.output.layout())
        accessibility.name_the_rest(inner)

    def set_selection_count(self, n: int) -> None:
        title = self.tr("Provenance")
        if n > 1:
            title += " · " + self.tr("{0} images selected").format(n)
        self.provenance_title.setText(title)


def combo_text_width(box: QComboBox) -> int:
    """What a combo box needs to show its longest entry: text, icon, frame, margins and arrow."""
    fm = box.fontMetrics()
    has_icon = any(not box.itemIcon(i).isNull() for i in range(box.count()))
    icon = box.iconSize().width() + 4 if has_icon else 0
    return max(fm.horizontalAdvance(box.itemText(i)) for i in range(box.count())) + 28 + icon
