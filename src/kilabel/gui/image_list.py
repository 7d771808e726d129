"""The image list: one row per image with thumbnail, name and its state in words (lädt … / bereit /
Angaben fehlen (which) / Hinweis (a print or label warning) / exportiert / übersprungen / Fehler:
message). A bad file is a state in its row, never a popup. Warnings are the core's, in the window's
language (gui.messages): before the export what can be known without it (the window's `advice`),
afterwards what the export said. Thumbnails are loaded in the background, on their own worker, so
that the preview of the current image never waits behind a long list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate

from kilabel.export.job import JobImage
from kilabel.gui import messages, workers
from kilabel.gui.i18n import tr
from kilabel.messages import text_of

THUMB = 56
StatusRole = Qt.ItemDataRole.UserRole + 1
StatusTextRole = Qt.ItemDataRole.UserRole + 2
WarningsRole = Qt.ItemDataRole.UserRole + 3  # the row's warnings, in the window's language
COLOURS = {
    "ready": "#1b7f3b",
    "missing": "#a35c00",
    "warning": "#a35c00",
    "done": "#1f5fa8",
    "skipped": "#666666",
    "error": "#b3261e",
    "loading": "#666666",
}
ICONS = {
    "ready": "✓",
    "missing": "⚠",
    "warning": "⚠",
    "done": "✓",
    "skipped": "–",
    "error": "✗",
    "loading": "…",
}


@dataclass
class Entry:
    """One image in the window: the job's data plus what only the window needs."""

    image: JobImage
    thumb: QPixmap | None = None
    load_error: str = ""
    export_error: str = ""
    outputs: list[str] = field(default_factory=list)
    loading: bool = True
    full_size: tuple[int, int] | None = None  # the image's oriented size, known once loaded
    warnings: list[str] = field(default_factory=list)  # what the last export said (core words)
    skipped: list[str] = field(default_factory=list)  # outputs left as they were (they existed)

    @property
    def path(self) -> Path:
        return Path(self.image.path)

    def short(self, message: str) -> str:
        """Messages from the core start with the path; the row already shows the name."""
        for prefix in (f"{self.image.path}: ", f"{self.path.name}: "):
            if message.startswith(prefix):
                return message[len(prefix) :]
        return message

    def status(self, advice: list[str] = ()) -> tuple[str, str]:
        """(state, words) of the row; `advice` is what an export would warn about (window's language)."""
        if self.load_error:
            return "error", tr("Error: {0}").format(self.short(messages.shown(self.load_error)))
        if self.export_error:
            return "error", tr("Error: {0}").format(self.short(messages.shown(self.export_error)))
        if self.outputs:
            done = (
                tr("exported ({0} files)").format(len(self.outputs))
                if len(self.outputs) > 1
                else tr("exported")
            )
            notes = self.export_warnings()
            return ("warning", tr("{0} – {1}").format(done, _first(notes))) if notes else ("done", done)
        if self.skipped:
            return "skipped", tr("skipped: the file exists already")
        if self.loading:
            return "loading", tr("loading …")
        missing = self.image.provenance.missing()
        if missing:
            words = {"source_type": tr("source type"), "ai_system": tr("AI system")}
            return "missing", tr("Details missing: {0}").format(", ".join(words.get(m, m) for m in missing))
        if advice:
            return "warning", tr("ready – {0}").format(_first(advice))
        return "ready", tr("ready")

    def export_warnings(self) -> list[str]:
        """What the last export said about this image, in the window's language, each once."""
        return list(dict.fromkeys(messages.shown(w) for w in self.warnings))

    def reset_export(self) -> None:
        self.export_error, self.outputs, self.warnings, self.skipped = "", [], [], []


def _first(notes: list[str]) -> str:
    """One note in full; several counted first, so that the count shows in a narrow row (all of
    them are in the row's tooltip and in the export summary)."""
    return (
        tr("note: {0}").format(notes[0])
        if len(notes) == 1
        else tr("{0} notes: {1}").format(len(notes), notes[0])
    )


class ImageListModel(QAbstractListModel):
    """Entries of the job, in order.

    Signals:
        count_changed(int): number of images
        entry_loaded(int): a row's thumbnail (or its load error) has arrived
    """

    count_changed = Signal(int)
    entry_loaded = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []
        # what an export of the entry would warn about (core words); set by the window, which
        # knows the preset and the chosen profiles
        self.advice: Callable[[Entry], list[str]] | None = None

    def warnings(self, e: Entry) -> list[str]:
        """The row's warnings in the window's language: the export's, or before it the advice."""
        if e.outputs or e.export_error:
            return e.export_warnings()
        if self.advice is None or e.loading or e.load_error:
            return []
        return list(dict.fromkeys(messages.shown(w) for w in self.advice(e)))

    def status(self, e: Entry) -> tuple[str, str]:
        return e.status(self.warnings(e))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return e.path.name
        if role == Qt.ItemDataRole.DecorationRole:
            return e.thumb
        if role == StatusRole:
            return self.status(e)[0]
        if role == StatusTextRole:
            return self.status(e)[1]
        if role == WarningsRole:
            return self.warnings(e)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [e.image.path, self.status(e)[1]] + [f"⚠ {n}" for n in self.warnings(e)]
            return "\n".join(lines + [f"→ {o}" for o in e.outputs])
        return None

    def add(self, images: list[JobImage]) -> list[int]:
        """Append images not yet in the list; returns the new rows. Thumbnails load in the background."""
        known = {str(e.path) for e in self.entries}
        fresh = [img for img in images if str(Path(img.path)) not in known]
        if not fresh:
            return []
        first = len(self.entries)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self.entries.extend(Entry(img) for img in fresh)
        self.endInsertRows()
        for entry in self.entries[first:]:
            self._load_thumb(entry)
        self.count_changed.emit(len(self.entries))
        return list(range(first, len(self.entries)))

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(rows, reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.entries[row]
            self.endRemoveRows()
        self.count_changed.emit(len(self.entries))

    def clear(self) -> None:
        self.beginResetModel()
        self.entries.clear()
        self.endResetModel()
        self.count_changed.emit(0)

    def refresh(self, rows: list[int] | None = None) -> None:
        """Repaint rows whose state may have changed (all if rows is None)."""
        if not self.entries:
            return
        top = self.index(min(rows) if rows else 0)
        bottom = self.index(max(rows) if rows else len(self.entries) - 1)
        self.dataChanged.emit(top, bottom)

    def row_of(self, entry: Entry) -> int:
        return next(i for i, e in enumerate(self.entries) if e is entry)

    def _load_thumb(self, entry: Entry) -> None:
        from kilabel.gui.pil_qt import to_qimage
        from kilabel.pipeline.image_load import load_preview

        path = entry.path

        def job():
            img, full = load_preview(path, THUMB * 2)  # JPEG draft, others reduced in strips
            return to_qimage(img), full

        def done(result: tuple[QImage, tuple[int, int]] | None, error) -> None:
            entry.loading = False
            if error is not None:
                entry.load_error = text_of(error)  # a Msg keeps its code
            else:
                qimage, entry.full_size = result
                entry.thumb = QPixmap.fromImage(qimage)
                entry.thumb.setDevicePixelRatio(2.0)
            if entry in self.entries:
                row = self.row_of(entry)
                self.refresh([row])
                self.entry_loaded.emit(row)

        workers.run_task(job, done, owner=self, pool=workers.THUMBNAILS)


class StatusDelegate(QStyledItemDelegate):
    """Paints a row: thumbnail, file name, and the state in words with a coloured sign."""

    def sizeHint(self, option, index) -> QSize:
        return QSize(200, THUMB + 16)

    def paint(self, painter: QPainter, option, index) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        if style:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        r = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        thumb_rect = QRect(r.left() + 6, r.top() + 6, THUMB, THUMB)
        pix = index.data(Qt.ItemDataRole.DecorationRole)
        painter.fillRect(thumb_rect, QColor("#d8d8d8"))
        if isinstance(pix, QPixmap) and not pix.isNull():
            size = (
                pix.deviceIndependentSize()
                .toSize()
                .scaled(thumb_rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            )
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(thumb_rect.center())
            painter.drawPixmap(target, pix)
        text_x = thumb_rect.right() + 10
        width = r.right() - text_x - 4
        pal = option.palette
        text_col = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(text_col)
        name_rect = QRect(text_x, r.top() + 6, width, 22)
        painter.drawText(
            name_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(index.data(), Qt.TextElideMode.ElideMiddle, width),
        )
        state, words = index.data(StatusRole), index.data(StatusTextRole)
        painter.setFont(option.font)
        painter.setPen(text_col if selected else QColor(COLOURS.get(state, "#333333")))
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.92)
        painter.setFont(small)
        status_rect = QRect(text_x, r.top() + 28, width, r.height() - 30)
        line = f"{ICONS.get(state, '')} {words}"
        fm = painter.fontMetrics()
        for n, text in enumerate(two_lines(fm, line, width)):
            rect = QRect(
                status_rect.left(), status_rect.top() + n * fm.lineSpacing(), width, fm.lineSpacing()
            )
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
        painter.restore()


def two_lines(fm, text: str, width: int) -> list[str]:
    """At most two lines of `text` within `width`: broken between words, the second elided. (Word
    wrap of an elided text can need a third line, which the row has no room for: half a line shows.)"""
    if fm.horizontalAdvance(text) <= width:
        return [text]
    words, first = text.split(" "), ""
    while words and fm.horizontalAdvance((first + " " + words[0]).strip()) <= width:
        first = (first + " " + words.pop(0)).strip()
    if not first:  # one word longer than the line
        return [fm.elidedText(text, Qt.TextElideMode.ElideRight, width)]
    return [first, fm.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)]


class ImageListView(QListView):
    """The list on the left; several rows can be selected (the side panel edits all of them)."""

    def __init__(self, model: ImageListModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(StatusDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAccessibleName(tr("Images"))

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.selectionModel().selectedRows())
