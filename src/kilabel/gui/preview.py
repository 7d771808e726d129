"""The large preview: the selected image with the label drawn exactly as the export draws it.

The reduced image is loaded once in the background (image_load.load_preview, JPEG draft) and
cached; a label change redraws only the label on a copy, also in the background, and a newer
request replaces an older one that has not started. Zoom (wheel, buttons, fit) and pan (drag the
picture); drag the label to snap it to the nearest of the nine anchors; arrow keys nudge it.

Below the picture, the print check (preflight) for the current image and the profile the preview
shows: its effective dpi at the printed size, and what the export would warn about (cropped share,
low resolution, enlargement, a label under its minimum size, a preset that contradicts the source
type), computed with the export's own arithmetic before anything is exported.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kilabel.gui import accessibility, messages, render, workers
from kilabel.messages import text_of
from kilabel.presets import LabelPreset
from kilabel.profiles import ExportProfile
from kilabel.provenance import Provenance

NUDGE, NUDGE_BIG = 0.005, 0.02


class ElidingComboBox(QComboBox):
    """A combo box narrower than its item shows the item's name ending in "…", not cut off mid-word
    (a print profile's name is long, the preview's bar is not)."""

    def paintEvent(self, _event) -> None:
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        opt.currentText = self.fontMetrics().elidedText(
            opt.currentText, Qt.TextElideMode.ElideRight, field.width() - 4
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)


class PreviewView(QGraphicsView):
    """Picture, label outline, trim and safety lines.

    Signals:
        anchor_dropped(str): the label was dragged; the nearest anchor
        nudged(float, float): arrow key; change of offset_x, offset_y (share of the width/height)
        zoom_changed(float): the new zoom factor (1.0 = one preview pixel per screen pixel)
    """

    anchor_dropped = Signal(str)
    nudged = Signal(float, float)
    zoom_changed = Signal(float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#3a3a3a"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.pixmap_item)
        dash = QPen(QColor("#00b7ff"), 0, Qt.PenStyle.DashLine)
        self.trim_item = self._rect(QPen(QColor("#ff2d55"), 0))
        self.safety_item = self._rect(QPen(QColor("#ffcc00"), 0, Qt.PenStyle.DashLine))
        self.label_item = self._rect(dash)
        self.label_item.setCursor(Qt.CursorShape.SizeAllCursor)
        self.platform_crops: list[str] = []  # the profile's platform crops ("4:5", "1.91:1" …) to draw
        self.crop_items: dict[str, tuple[QGraphicsRectItem, QGraphicsSimpleTextItem]] = {}
        self.message_item = QGraphicsSimpleTextItem()
        self.message_item.setBrush(QColor("#f0f0f0"))
        self.scene().addItem(self.message_item)
        self.geom = None
        self.scale_full = 1.0
        self.fit_mode = True
        self._drag_from: QPointF | None = None

    def _rect(self, pen: QPen) -> QGraphicsRectItem:
        item = QGraphicsRectItem()
        item.setPen(pen)
        item.setVisible(False)
        self.scene().addItem(item)
        return item

    def show_message(self, text: str) -> None:
        self.pixmap_item.setPixmap(QPixmap())
        for item in (self.trim_item, self.safety_item, self.label_item):
            item.setVisible(False)
        self._show_crops(None)
        self.geom = None
        self.message_item.setText(text)
        self.message_item.setVisible(bool(text))
        self.scene().setSceneRect(self.message_item.boundingRect().adjusted(-20, -20, 20, 20))
        self.resetTransform()

    def show_render(self, pixmap: QPixmap, geom, fitted: render.Fitted) -> None:
        new_size = self.pixmap_item.pixmap().size() != pixmap.size()
        self.message_item.setVisible(False)
        self.pixmap_item.setPixmap(pixmap)
        self.scene().setSceneRect(QRectF(pixmap.rect()))
        s = fitted.scale
        self.geom, self.scale_full = geom, s
        self.label_item.setRect(QRectF(*_xywh(geom.scaled(s).box)))
        self.label_item.setVisible(True)
        c = fitted.canvas
        for item, box in ((self.trim_item, c.trim), (self.safety_item, c.safety_box)):
            item.setVisible(box is not None)
            if box:
                item.setRect(QRectF(*_xywh(tuple(round(v * s) for v in box))))
        self._show_crops((c.size, geom.box, s))
        if new_size and self.fit_mode:
            self.fit()

    def _show_crops(self, state) -> None:
        """The centred crops the profile names (platforms at first exposure), each outlined with its
        name; red where it cuts the label off, as the export's warning says (pipeline/preflight.py)."""
        from kilabel.pipeline import preflight

        for rect, text in self.crop_items.values():
            rect.setVisible(False)
            text.setVisible(False)
        if state is None or not self.platform_crops:
            return
        canvas, label_box, s = state
        cutting = set(preflight.crops_cutting(canvas, label_box))
        for name, box in preflight.platform_crops(canvas).items():
            if name not in self.platform_crops:
                continue
            if name not in self.crop_items:
                rect, text = QGraphicsRectItem(), QGraphicsSimpleTextItem(name)
                self.scene().addItem(rect)
                self.scene().addItem(text)
                self.crop_items[name] = (rect, text)
            rect, text = self.crop_items[name]
            colour = QColor("#ff3b30") if name in cutting else QColor("#e8e8e8")
            rect.setPen(QPen(colour, 0, Qt.PenStyle.DotLine))
            rect.setRect(QRectF(*_xywh(tuple(round(v * s) for v in box))))
            text.setBrush(colour)
            text.setPos(rect.rect().topLeft() + QPointF(4, 2))
            rect.setVisible(True)
            text.setVisible(True)

    # zoom and pan
    def fit(self) -> None:
        self.fit_mode = True
        self._scrollbars(False)  # a fitted picture has nothing to scroll; a bar would unfit it
        if not self.pixmap_item.pixmap().isNull():
            self.fitInView(self.pixmap_item, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.transform().m11())

    def zoom_by(self, factor: float) -> None:
        z = self.transform().m11() * factor
        if 0.02 <= z <= 16:
            self.fit_mode = False
            self._scrollbars(True)
            self.scale(factor, factor)
            self.zoom_changed.emit(z)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fit_mode:
            self.fit()

    def _scrollbars(self, on: bool) -> None:
        policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if on else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(1.15**steps)

    # drag the label, nudge it
    def mousePressEvent(self, event) -> None:
        pos = self.mapToScene(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and self.geom and self.label_item.rect().contains(pos):
            self._drag_from = pos - self.label_item.rect().topLeft()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._drag_from is not None:
            pos = self.mapToScene(event.position().toPoint()) - self._drag_from
            r = self.label_item.rect()
            r.moveTopLeft(pos)
            self.label_item.setRect(r)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self.viewport().unsetCursor()
            c = self.label_item.rect().center()
            self.anchor_dropped.emit(
                render.nearest_anchor(self.geom, (c.x() / self.scale_full, c.y() / self.scale_full))
            )
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        step = NUDGE_BIG if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else NUDGE
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        if event.key() in moves and self.geom and not event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.nudged.emit(*moves[event.key()])
            return
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif event.key() == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        else:
            super().keyPressEvent(event)


def _xywh(box) -> tuple[float, float, float, float]:
    return box[0], box[1], box[2] - box[0], box[3] - box[1]


class PreviewPane(QWidget):
    """Preview with its zoom bar; renders in the background and caches the reduced images.

    Signals:
        rendered(): a preview for the current image and label is on screen
        profile_changed(str): the profile the preview shows was changed in its chooser
    """

    rendered = Signal()
    profile_changed = Signal(str)
    CACHE = 6

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.view = PreviewView(self)
        self._bases: OrderedDict[str, tuple] = OrderedDict()  # path -> (PIL base, full size)
        self._fitted: dict[tuple, render.Fitted] = {}
        self._loading: set[str] = set()
        self._errors: dict[str, str] = {}
        self.path: str = ""
        self.preset: LabelPreset | None = None
        self.text = ""
        self.profile: ExportProfile | None = None
        self.prov = Provenance()
        self.preflight_messages: list[str] = []  # the print check's findings (core messages with codes)
        self.preflight_notes: list[str] = []  # the same in the window's language
        self._busy = False
        self._again = False
        self.last_ms = 0.0

        self.zoom_label = QLabel("100 %")
        self.zoom_label.setMinimumWidth(52)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        out_btn, in_btn, fit_btn = QToolButton(), QToolButton(), QToolButton()
        out_btn.setText("−")
        in_btn.setText("+")
        fit_btn.setText(self.tr("Fit"))
        out_btn.setToolTip(self.tr("Zoom out (−)"))
        in_btn.setToolTip(self.tr("Zoom in (+)"))
        fit_btn.setToolTip(self.tr("Show the whole image"))
        out_btn.setAccessibleName(self.tr("Zoom out"))
        in_btn.setAccessibleName(self.tr("Zoom in"))
        fit_btn.setAccessibleName(self.tr("Show the whole image"))
        self.view.setAccessibleName(self.tr("Preview"))
        self.view.setAccessibleDescription(self.tr("Drag the label to move it · arrow keys nudge it"))
        out_btn.clicked.connect(lambda: self.view.zoom_by(0.8))
        in_btn.clicked.connect(lambda: self.view.zoom_by(1.25))
        fit_btn.clicked.connect(self.view.fit)
        self.view.zoom_changed.connect(
            lambda z: self.zoom_label.setText(f"{z * self.view.scale_full * 100:.0f} %")
        )
        self.proof_btn = QToolButton()
        self.proof_btn.setText(self.tr("Soft proof"))
        self.proof_btn.setCheckable(True)
        self.proof_btn.setAccessibleName(self.tr("Soft proof"))
        self.proof_btn.setEnabled(False)
        self.proof_btn.setToolTip(self.tr("Choose a CMYK print profile to see how the print will look"))
        self.proof_btn.toggled.connect(lambda _on: self.request())
        self.profile_box = ElidingComboBox()
        self.profile_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.profile_box.setMinimumContentsLength(14)
        self.profile_box.setToolTip(self.tr("Which export profile the preview shows (size, crop, trim)"))
        self.profile_box.setAccessibleName(self.tr("Preview for:"))
        self.profile_box.currentIndexChanged.connect(
            lambda _i: self.profile_changed.emit(self.profile_box.currentData() or "")
        )
        self.info = QLabel()
        self.info.setStyleSheet("color: palette(mid);")
        self.hint = QLabel(self.tr("Drag the label to move it · arrow keys nudge it"))
        self.hint.setStyleSheet("color: palette(mid);")
        self.hint.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )  # never widens the window
        self.hint.hide()
        self.preflight = QLabel()
        self.preflight.setWordWrap(True)
        self.preflight.setTextFormat(Qt.TextFormat.PlainText)
        self.preflight.setContentsMargins(8, 4, 8, 4)
        self.preflight.setAccessibleName(self.tr("Print check"))
        self.preflight.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preflight.hide()

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        for w in (out_btn, self.zoom_label, in_btn, fit_btn, self.proof_btn):
            bar.addWidget(w)
        bar.addSpacing(12)
        bar.addWidget(self.info)
        bar.addSpacing(12)
        bar.addWidget(self.hint)
        bar.addStretch(1)
        for_label = QLabel(self.tr("Preview for:"))
        for_label.setBuddy(self.profile_box)
        bar.addWidget(for_label)
        bar.addWidget(self.profile_box)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.preflight)
        lay.addLayout(bar)
        accessibility.name_the_rest(self)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.hint.setVisible(self.width() > 1000)  # the hint gives way before anything is cut off

    def set_profiles(self, items: list[tuple[str, str]], current: str) -> None:
        """(id, title) of the profiles chosen for export; the preview shows one of them."""
        self.profile_box.blockSignals(True)
        self.profile_box.clear()
        for pid, title in items:
            self.profile_box.addItem(title, pid)
        i = max(0, self.profile_box.findData(current))
        self.profile_box.setCurrentIndex(i)
        self.profile_box.blockSignals(False)

    def show_image(
        self,
        path: str,
        preset: LabelPreset | None,
        text: str,
        profile: ExportProfile | None,
        prov: Provenance | None = None,
    ) -> None:
        self.path, self.preset, self.text = path, preset, text
        self.prov = prov or Provenance()
        self._set_proofable(profile)
        if not path:
            self.view.show_message("")
            self.info.setText("")
            self.show_preflight(None, [])
            return
        self.request()

    def show_preflight(self, dpi: float | None, notes: list[str]) -> None:
        """The print check under the picture: the effective dpi for a print profile, then each
        warning (core words, shown in the window's language); hidden when there is nothing to say."""
        self.preflight_messages, self.preflight_notes = list(notes), messages.shown_lines(notes)
        lines = [f"⚠ {n}" for n in self.preflight_notes]
        if dpi is not None:
            head = self.tr("Print check: {0} dpi effective at the printed size").format(f"{dpi:.0f}")
            lines.insert(0, head + ("" if notes else " – " + self.tr("nothing to note")))
        self.preflight.setText("\n".join(lines))
        warn = bool(notes)
        self.preflight.setStyleSheet(
            "background: #fff4d6; color: #5c3b00; border-top: 2px solid #e0a000;"
            if warn
            else "background: #e6f4ea; color: #14532d; border-top: 2px solid #1b7f3b;"
        )
        self.preflight.setVisible(bool(lines))

    def set_label(self, preset: LabelPreset, text: str) -> None:
        self.preset, self.text = preset, text
        self.request()

    def set_profile(self, profile: ExportProfile | None) -> None:
        self._set_proofable(profile)
        self.request()

    def _set_proofable(self, profile: ExportProfile | None) -> None:
        """Remember the profile; the soft proof switch is offered for CMYK print profiles only."""
        self.profile = profile
        self.view.platform_crops = list(profile.platform_crops) if profile else []
        cmyk = bool(profile and profile.color == "cmyk")
        self.proof_btn.setEnabled(cmyk)
        self.proof_btn.setToolTip(
            self.tr("Show how the print will look through the profile's CMYK ICC profile (soft proof)")
            if cmyk
            else self.tr("Choose a CMYK print profile to see how the print will look")
        )

    @property
    def soft_proof_on(self) -> bool:
        return self.proof_btn.isEnabled() and self.proof_btn.isChecked()

    def forget(self, path: str) -> None:
        self._bases.pop(path, None)
        self._errors.pop(path, None)
        self._fitted = {k: v for k, v in self._fitted.items() if k[0] != path}

    def request(self) -> None:
        """Render the current state soon; coalesces requests while one is running."""
        if not self.path or self.preset is None:
            return
        if self.path in self._errors:
            self.view.show_message(self._errors[self.path])
            return
        if self.path not in self._bases:
            self._load(self.path)
            return
        if self._busy:
            self._again = True
            return
        self._start_render()

    def _load(self, path: str) -> None:
        if path in self._loading:
            return
        self._loading.add(path)
        self.view.show_message(self.tr("Loading preview …"))
        from kilabel.pipeline.image_load import load_preview

        def done(result, error) -> None:
            self._loading.discard(path)
            if error is not None:
                shown = messages.shown(text_of(error))  # in the window's language, naming the file
                self._errors[path] = shown.replace(f"{path}: ", "").replace(f"{Path(path).name}: ", "")
            else:
                self._bases[path] = result
                while len(self._bases) > self.CACHE:
                    old, _ = self._bases.popitem(last=False)
                    self._fitted = {k: v for k, v in self._fitted.items() if k[0] != old}
            if path == self.path:
                self.request()

        workers.run_task(lambda: load_preview(Path(path), render.PREVIEW_MAX), done, owner=self)

    def _start_render(self) -> None:
        import time

        from kilabel.gui.pil_qt import to_qimage

        path, preset, text, profile, prov = self.path, self.preset, self.text, self.profile, self.prov
        proof = self.soft_proof_on
        base, full = self._bases[path]
        key = (path, profile.id if profile else "", profile.source if profile else "")
        fitted = self._fitted.get(key)
        self._busy, self._again = True, False

        def job():
            t0 = time.perf_counter()
            f = fitted or render.fit(base, render.canvas_for(full, profile), full)
            img, geom = render.render(f, preset, text)
            if proof:
                from kilabel import colour

                img = colour.soft_proof(img, profile)
            notes = render.preflight(full, profile, preset, prov, geom)
            dpi = f.canvas.effective_dpi if profile is not None and profile.physical else None
            return to_qimage(img), geom, f, (dpi, notes), (time.perf_counter() - t0) * 1000

        def done(result, error) -> None:
            self._busy = False
            if error is not None:
                self.view.show_message(self.tr("Cannot draw the preview: {0}").format(error))
            else:
                qimage, geom, f, (dpi, notes), ms = result
                self._fitted[key] = f
                self.last_ms = ms
                if path == self.path:
                    self.view.show_render(QPixmap.fromImage(qimage), geom, f)
                    cw, ch = f.canvas.size
                    self.info.setText(self.tr("{0} × {1} px").format(cw, ch))
                    self.show_preflight(dpi, notes)
            if self._again:
                self.request()
            elif error is None:
                self.rendered.emit()

        workers.run_task(job, done, owner=self)
