"""Side panel section "Output": export profiles as a checkbox list and the output folder."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QWidget,
)

from kilabel.profiles import ExportProfile


def describe(p: ExportProfile) -> str:
    if p.physical:
        size = f"{p.width_mm:g} × {p.height_mm:g} mm, {p.dpi:g} dpi" + (
            f", +{p.bleed_mm:g} mm" if p.bleed_mm else ""
        )
    elif p.width_px:
        size = f"{p.width_px} × {p.height_px} px"
    elif p.long_edge_px:
        size = f"≤ {p.long_edge_px} px"
    else:
        size = "="
    return f"{p.format.upper() if p.format != 'same' else '='} · {size} · {p.color}"


class OutputPanel(QWidget):
    """Signals:
    profiles_changed(list): ids of the checked profiles, in list order
    out_dir_changed(str): the output folder
    """

    profiles_changed = Signal(list)
    out_dir_changed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Export profiles"))
        self.list.setMaximumHeight(124)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # details are in each item's tooltip
        self.list.itemChanged.connect(lambda _i: self.profiles_changed.emit(self.checked()))
        self.list.setMinimumWidth(120)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("Choose an output folder"))
        self.folder.setAccessibleName(self.tr("Output folder"))
        self.folder.editingFinished.connect(lambda: self.out_dir_changed.emit(self.folder.text().strip()))
        self.browse = QToolButton()
        self.browse.setText(self.tr("Choose …"))
        self.browse.setAccessibleName(self.tr("Choose the output folder"))
        self.browse.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Profiles"), self.list)
        form.addRow(self.tr("Folder"), row)

    def set_profiles(self, profiles: list[ExportProfile], checked: list[str], lang: str) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for p in profiles:
            item = QListWidgetItem(p.display_title(lang))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setToolTip(f"{p.id}: {describe(p)}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.id in checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def checked(self) -> list[str]:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def set_checked(self, ids: list[str]) -> None:
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def set_folder(self, folder: str) -> None:
        self.folder.setText(folder)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)
            self.out_dir_changed.emit(folder)
