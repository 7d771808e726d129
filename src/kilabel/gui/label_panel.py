"""Side panel section "Label": preset with small previews, wording (de/en), size, colours, box,
position (3×3 grid) and, for a watermark preset only, the watermark's opacity, angle, size and
repetition. Edits are reported as (field, value) and applied by the window through its undo stack;
a locked preset shows its fields disabled with the reason in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kilabel.gui import accessibility
from kilabel.presets import ANCHORS, LabelPreset


class ColourButton(QPushButton):
    """A swatch that opens a colour dialog.

    Signals:
        colour_chosen(str): #RRGGBB
    """

    colour_chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.colour = "#000000"
        self.setFixedSize(34, 24)
        self.clicked.connect(self._pick)

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        self.setStyleSheet(f"background: {colour}; border: 1px solid #888; border-radius: 3px;")

    def _pick(self) -> None:
        c = QColorDialog.getColor(QColor(self.colour), self, self.tr("Choose colour"))
        if c.isValid():
            self.colour_chosen.emit(c.name().upper())


class LabelPanel(QWidget):
    """Signals:
    preset_chosen(str): id of the preset picked in the list
    edited(str, object): a field of the working preset, e.g. ("text.de", "KI-generiert")
    language_changed(str): language of the visible label (de, en)
    scope_changed(bool): True when position changes apply to the selected images only
    save_as_requested(), import_requested(), export_requested(): the preset menu
    """

    preset_chosen = Signal(str)
    edited = Signal(str, object)
    language_changed = Signal(str)
    scope_changed = Signal(bool)
    save_as_requested = Signal()
    import_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._showing = False
        self.preset_box = QComboBox()
        self.preset_box.setIconSize(QSize(84, 18))
        _shrinkable(self.preset_box)
        self.preset_box.setAccessibleName(self.tr("Preset"))
        self.preset_box.activated.connect(lambda i: self.preset_chosen.emit(self.preset_box.itemData(i)))
        self.more_btn = QToolButton()
        self.more_btn.setText("…")
        self.more_btn.setToolTip(self.tr("Save, import or export presets"))
        self.more_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_btn.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.more_btn.setFixedWidth(30)
        menu = QMenu(self.more_btn)
        self.save_action = menu.addAction(self.tr("Save as new preset …"), self.save_as_requested.emit)
        menu.addSeparator()
        menu.addAction(self.tr("Import preset …"), self.import_requested.emit)
        menu.addAction(self.tr("Export preset …"), self.export_requested.emit)
        self.more_btn.setMenu(menu)
        self.lock_note = QLabel()
        self.lock_note.setWordWrap(True)
        self.lock_note.setStyleSheet("color: #a35c00;")

        self.text_de, self.text_en = QLineEdit(), QLineEdit()
        self.text_de.textEdited.connect(lambda t: self.edited.emit("text.de", t))
        self.text_en.textEdited.connect(lambda t: self.edited.emit("text.en", t))
        self.lang_box = QComboBox()
        self.lang_box.addItem("Deutsch", "de")
        self.lang_box.addItem("English", "en")
        self.lang_box.setToolTip(self.tr("Which wording is drawn on the exported images"))
        self.lang_box.activated.connect(lambda i: self.language_changed.emit(self.lang_box.itemData(i)))

        self.share = _spin(0.5, 40.0, 0.1, " %")
        self.share.setToolTip(self.tr("Text height as a share of the image's short edge (web, same size)"))
        self.share.valueChanged.connect(lambda v: self._emit("size.share", round(v / 100, 4)))
        self.height_pt = _spin(4.0, 200.0, 0.5, " pt")
        self.height_pt.setToolTip(
            self.tr("Text height in points when the export has a physical size (print)")
        )
        self.height_pt.valueChanged.connect(lambda v: self._emit("size.height_pt", v))
        # visible words for the two size fields (a bare "%" and "pt" say too little)
        self.share_label = _caption(self.tr("Share of the short edge"), self.share)
        self.height_label = _caption(self.tr("Text height in print (pt)"), self.height_pt)

        self.colour_mode = QComboBox()
        self.colour_mode.addItem(self.tr("Automatic"), "auto")
        self.colour_mode.addItem(self.tr("Fixed colours"), "fixed")
        self.colour_mode.setToolTip(
            self.tr(
                "Automatic: a dark or a light label, whichever stands out from the "
                "pixels under it. Fixed: the two colours on the right."
            )
        )
        _shrinkable(self.colour_mode)
        self.colour_mode.activated.connect(lambda i: self._emit("style.colors", self.colour_mode.itemData(i)))
        self.text_colour, self.box_colour = ColourButton(), ColourButton()
        for swatch, name in (
            (self.text_colour, self.tr("Text colour")),
            (self.box_colour, self.tr("Box colour")),
        ):
            swatch.setToolTip(name)
            swatch.setAccessibleName(name)
        self.text_colour.colour_chosen.connect(lambda c: self._emit("style.text_color", c))
        self.box_colour.colour_chosen.connect(lambda c: self._emit("style.box_color", c))
        self.box_check = QCheckBox(self.tr("Box behind the text"))
        self.box_check.toggled.connect(lambda on: self._emit("style.box", "box" if on else "none"))
        self.opacity = _spin(0, 100, 5, " %")
        self.opacity.setToolTip(self.tr("Opacity of the box"))
        self.opacity.setAccessibleName(self.tr("Opacity of the box"))
        self.opacity.valueChanged.connect(lambda v: self._emit("style.box_opacity", round(v / 100, 3)))

        self.anchor_group = QButtonGroup(self)
        grid = QGridLayout()
        grid.setSpacing(2)
        arrows = ["↖", "↑", "↗", "←", "•", "→", "↙", "↓", "↘"]
        names = self.anchor_names()
        for i, anchor in enumerate(ANCHORS):
            b = QToolButton()
            b.setText(arrows[i])
            b.setCheckable(True)
            b.setFixedSize(30, 26)
            b.setToolTip(names[anchor])
            b.setAccessibleName(self.tr("Position: {0}").format(names[anchor]))
            self.anchor_group.addButton(b, i)
            grid.addWidget(b, i // 3, i % 3)
        self.anchor_group.idClicked.connect(lambda i: self.edited.emit("placement.position", ANCHORS[i]))
        self.vertical = QCheckBox(self.tr("Along the edge"))
        self.vertical.setToolTip(self.tr("Run the label upwards along the left or right edge"))
        self.vertical.toggled.connect(lambda on: self._emit("placement.vertical", on))
        self.reset_offset = QToolButton()
        self.reset_offset.setText(self.tr("Reset nudge"))
        self.reset_offset.setToolTip(self.tr("Put the label back exactly on its anchor"))
        self.reset_offset.clicked.connect(lambda: self.edited.emit("placement.offset", (0.0, 0.0)))
        self.scope = QComboBox()
        self.scope.addItem(self.tr("all images"), False)
        self.scope.addItem(self.tr("selected images"), True)
        _shrinkable(self.scope)
        self.scope.setToolTip(
            self.tr("Whether moving the label changes it for every image or only for the selection")
        )
        self.scope.activated.connect(lambda i: self.scope_changed.emit(bool(self.scope.itemData(i))))

        self._build_watermark()

        preset_row = QHBoxLayout()
        preset_row.addWidget(self.preset_box, 1)
        preset_row.addWidget(self.more_btn)
        colours = QHBoxLayout()
        colours.addWidget(self.colour_mode, 1)
        colours.addWidget(self.text_colour)
        colours.addWidget(self.box_colour)
        box_row = QHBoxLayout()
        box_row.addWidget(self.box_check)
        box_row.addWidget(self.opacity)
        pos_row = QHBoxLayout()
        pos_row.addLayout(grid)
        pos_side = QVBoxLayout()
        pos_side.addWidget(self.vertical)
        pos_side.addWidget(self.scope)
        pos_side.addWidget(self.reset_offset, 0, Qt.AlignmentFlag.AlignLeft)
        pos_side.addStretch(1)
        pos_row.addSpacing(8)
        pos_row.addLayout(pos_side, 1)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Preset"), preset_row)
        form.addRow(self.lock_note)
        form.addRow(self.tr("Text (German)"), self.text_de)
        form.addRow(self.tr("Text (English)"), self.text_en)
        form.addRow(self.tr("On the image"), self.lang_box)
        form.addRow(
            self.tr("Size"), _size_grid(self.share_label, self.share, self.height_label, self.height_pt)
        )
        form.addRow(self.tr("Colours"), colours)
        form.addRow(self.tr("Box"), box_row)
        form.addRow(self.tr("Position"), pos_row)
        form.addRow(self.tr("Watermark"), self.watermark_grid)
        self.watermark_row = form.rowCount() - 1
        self.box_check.setAccessibleName(self.box_check.text())
        accessibility.link_form(form)
        self.scope.setAccessibleName(self.tr("Moving the label applies to"))
        self.more_btn.setAccessibleName(self.tr("Preset menu"))
        self.lang_box.setAccessibleName(self.tr("Language on the image"))
        accessibility.name_the_rest(self)
        self.lockable = [
            self.text_de,
            self.text_en,
            self.share,
            self.height_pt,
            self.colour_mode,
            self.text_colour,
            self.box_colour,
            self.box_check,
            self.opacity,
            *self.watermark_fields,
        ]
        for w in self.lockable:
            w.setProperty("plainTip", w.toolTip())

    def anchor_names(self) -> dict[str, str]:
        """The nine anchors in the window's language (tooltips and what a screen reader says)."""
        return dict(
            zip(
                ANCHORS,
                (
                    self.tr("top left"),
                    self.tr("top centre"),
                    self.tr("top right"),
                    self.tr("middle left"),
                    self.tr("centre"),
                    self.tr("middle right"),
                    self.tr("bottom left"),
                    self.tr("bottom centre"),
                    self.tr("bottom right"),
                ),
                strict=True,
            )
        )

    def _build_watermark(self) -> None:
        """Opacity, angle, size and repetition of a watermark preset; shown only for one."""
        self.wm_mode = QComboBox()
        self.wm_mode.addItem(self.tr("Tiled across the image"), "tiled")
        self.wm_mode.addItem(self.tr("Once, centred"), "once")
        _shrinkable(self.wm_mode)
        self.wm_mode.setToolTip(
            self.tr("Repeat the watermark over the whole image or draw it once in the middle")
        )
        self.wm_mode.activated.connect(lambda i: self._emit("watermark.mode", self.wm_mode.itemData(i)))
        self.wm_opacity = _spin(1, 100, 1, " %")
        self.wm_opacity.setDecimals(0)
        self.wm_opacity.setToolTip(self.tr("How strongly the watermark covers the image"))
        self.wm_opacity.valueChanged.connect(lambda v: self._emit("watermark.opacity", round(v / 100, 3)))
        self.wm_angle = _spin(-180, 180, 5, " °")
        self.wm_angle.setDecimals(0)
        self.wm_angle.setToolTip(self.tr("Rotation of the watermark, counter-clockwise"))
        self.wm_angle.valueChanged.connect(lambda v: self._emit("watermark.angle", float(v)))
        self.wm_scale = _spin(1, 100, 0.5, " %")
        self.wm_scale.setToolTip(self.tr("Height of the watermark text as a share of the image's short edge"))
        self.wm_scale.valueChanged.connect(lambda v: self._emit("watermark.scale", round(v / 100, 4)))
        self.wm_spacing = _spin(20, 500, 10, " %")
        self.wm_spacing.setDecimals(0)
        self.wm_spacing.setToolTip(
            self.tr("Space between the repeated watermarks (100 % as the preset ships)")
        )
        self.wm_spacing.valueChanged.connect(lambda v: self._emit("watermark.spacing", round(v / 100, 3)))
        self.watermark_fields = [self.wm_mode, self.wm_opacity, self.wm_angle, self.wm_scale, self.wm_spacing]
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.wm_mode, 0, 0, 1, 3)
        for col, (text, spin) in enumerate(
            (
                (self.tr("Opacity"), self.wm_opacity),
                (self.tr("Angle"), self.wm_angle),
                (self.tr("Size"), self.wm_scale),
            )
        ):
            grid.addWidget(_caption(text, spin), 1, col)
            grid.addWidget(spin, 2, col)
            grid.setColumnStretch(col, 1)
        self.wm_opacity.setAccessibleName(self.tr("Watermark opacity"))
        self.wm_angle.setAccessibleName(self.tr("Watermark angle"))
        self.wm_scale.setAccessibleName(self.tr("Watermark size"))
        self.wm_mode.setAccessibleName(self.tr("Watermark repetition"))
        grid.addWidget(_caption(self.tr("Spacing"), self.wm_spacing), 3, 0)
        grid.addWidget(self.wm_spacing, 4, 0)
        self.wm_spacing.setAccessibleName(self.tr("Watermark spacing"))
        self.watermark_grid = grid

    def _emit(self, name: str, value) -> None:
        if not self._showing:
            self.edited.emit(name, value)

    def set_presets(self, items: list[tuple[str, str, QPixmap | None]], current: str) -> None:
        """(id, title, small picture) for the list."""
        self.preset_box.clear()
        for pid, title, pix in items:
            self.preset_box.addItem(QIcon(pix) if pix else QIcon(), title, pid)
        self.preset_box.setCurrentIndex(max(0, self.preset_box.findData(current)))

    def set_preset_icon(self, pid: str, pix: QPixmap) -> None:
        i = self.preset_box.findData(pid)
        if i >= 0:
            self.preset_box.setItemIcon(i, QIcon(pix))

    def show_preset(
        self,
        preset: LabelPreset,
        position: str,
        offset: tuple[float, float],
        vertical: bool,
        language: str,
        modified: bool,
    ) -> None:
        """Fill the fields without emitting edits."""
        self._showing = True
        try:
            i = self.preset_box.findData(preset.id)
            if i >= 0:
                self.preset_box.setCurrentIndex(i)
                base = self.preset_box.itemText(i).removesuffix(" *")
                self.preset_box.setItemText(i, base + (" *" if modified else ""))
            for edit, lang in ((self.text_de, "de"), (self.text_en, "en")):
                if edit.text() != preset.text.get(lang, ""):
                    edit.setText(preset.text.get(lang, ""))
                    edit.setCursorPosition(0)  # a long credit-line wording shows its start
            self.lang_box.setCurrentIndex(max(0, self.lang_box.findData(language)))
            self.share.setValue(preset.size.share * 100)
            self.height_pt.setValue(preset.size.height_pt)
            self.colour_mode.setCurrentIndex(max(0, self.colour_mode.findData(preset.style.colors)))
            self.text_colour.set_colour(preset.style.text_color)
            self.box_colour.set_colour(preset.style.box_color)
            fixed = preset.style.colors == "fixed"
            self.box_check.setChecked(preset.style.box == "box")
            self.opacity.setValue(preset.style.box_opacity * 100)
            btn = self.anchor_group.button(ANCHORS.index(position)) if position in ANCHORS else None
            if btn:
                btn.setChecked(True)
            self.vertical.setChecked(vertical)
            self._show_watermark(preset)
            self.reset_offset.setEnabled(any(abs(v) > 1e-9 for v in offset))
            locked = preset.locked
            why = (
                self.tr(
                    "This preset is locked (locked = true in its file): it can be used but not changed. "
                    "Position stays free per job."
                )
                if locked
                else ""
            )
            for w in self.lockable:
                w.setEnabled(not locked)
                w.setToolTip(why if locked else w.property("plainTip"))
            self.text_colour.setEnabled(fixed and not locked)
            self.box_colour.setEnabled(fixed and not locked)
            self.opacity.setEnabled(preset.style.box == "box" and not locked)
            self.layout().setRowVisible(self.watermark_row, preset.kind == "watermark")
            self.save_action.setEnabled(not locked)
            self.save_action.setToolTip(why or self.tr("Save these settings as a new preset"))
            self.lock_note.setText(
                "🔒 " + self.tr("Locked preset: usable, not changeable.") if locked else ""
            )
            self.lock_note.setVisible(locked)
            self.lock_note.setToolTip(why)
        finally:
            self._showing = False

    def _show_watermark(self, preset: LabelPreset) -> None:
        wm = preset.watermark
        self.wm_mode.setCurrentIndex(max(0, self.wm_mode.findData(wm.mode)))
        self.wm_opacity.setValue(wm.opacity * 100)
        self.wm_angle.setValue(wm.angle)
        self.wm_scale.setValue(wm.scale * 100)
        self.wm_spacing.setValue(wm.spacing * 100)


def _spin(lo: float, hi: float, step: float, suffix: str) -> QDoubleSpinBox:
    s = QDoubleSpinBox()
    s.setRange(lo, hi)
    s.setSingleStep(step)
    s.setDecimals(1)
    s.setSuffix(suffix)
    s.setKeyboardTracking(False)
    return s


def _caption(text: str, field: QWidget) -> QLabel:
    """A small label above a field, its buddy (screen readers name the field by it)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setBuddy(field)
    field.setAccessibleName(text)
    return label


def _size_grid(label_a: QLabel, a: QWidget, label_b: QLabel, b: QWidget) -> QGridLayout:
    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setVerticalSpacing(0)
    grid.addWidget(label_a, 0, 0)
    grid.addWidget(label_b, 0, 1)
    grid.addWidget(a, 1, 0)
    grid.addWidget(b, 1, 1)
    grid.setColumnStretch(0, 1)
    grid.setColumnStretch(1, 1)
    return grid


def _shrinkable(box: QComboBox) -> None:
    """Long entries must not make the side panel wider than the window."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
