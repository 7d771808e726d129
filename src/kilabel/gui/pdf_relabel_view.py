"""PdfRelabelDialog: choose which images of a PDF are AI-generated and relabel it (issue 7).

Lists every placed image (page, size, placed rectangle) with a thumbnail and a checkbox, pre-marked
where the image's own XMP (or the document's) says AI; preset and position as in the main window.
Listing and relabelling run through kilabel.pdf.images / kilabel.relabel.pdf off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from kilabel import presets
from kilabel.gui import workers
from kilabel.gui.pil_qt import to_qimage
from kilabel.pdf import images as pdf_images
from kilabel.presets import ANCHORS


def load_listing(path: Path) -> tuple[list, dict, bool]:
    """(placed images, thumbnails by index as QImage, document says AI) — runs in a worker."""
    with pikepdf.open(path) as pdf:
        items = pdf_images.list_images(pdf)
        doc = pdf_images.xmp_of(pdf.Root)
        thumbs = {}
        for it in items:
            im = pdf_images.thumbnail(pdf, it, 96)
            if im is not None:
                thumbs[it.index] = to_qimage(im)
            it.xobject = None
    return items, thumbs, bool(doc and doc[0].is_ai)


class PdfRelabelDialog(QDialog):
    """Mark the AI images of a PDF and write a relabelled copy.

    Signals:
        listed(int): number of placed images found
        relabelled(object): the kilabel.export.task.ExportResult of the run
    """

    listed = Signal(int)
    relabelled = Signal(object)

    def __init__(self, pdf_path: str | Path = "", parent=None, identity_factory=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Relabel PDF"))
        self.identity_factory = identity_factory
        self.path = Path(pdf_path) if pdf_path else None
        self.items: list = []
        self.list = QListWidget()
        self.list.setIconSize(QSize(96, 96))
        self.preset = QComboBox()
        items, _ = presets.load_all()
        for p in items.values():
            self.preset.addItem(p.display_title("de"), p.id)
        self.position = QComboBox()
        self.position.addItems(ANCHORS)
        self.position.setCurrentText("bottom-right")
        self.out_edit = QLineEdit()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason (recorded in the register)"))
        self.status = QLabel()
        open_button = QPushButton(self.tr("PDF …"))
        open_button.clicked.connect(self._pick)
        out_button = QPushButton(self.tr("Output folder …"))
        out_button.clicked.connect(self._pick_out)
        self.run_button = QPushButton(self.tr("Relabel"))
        self.run_button.clicked.connect(self.run)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(open_button)
        row1.addWidget(QLabel(self.tr("Preset")))
        row1.addWidget(self.preset)
        row1.addWidget(QLabel(self.tr("Position")))
        row1.addWidget(self.position)
        row2.addWidget(self.out_edit, 1)
        row2.addWidget(out_button)
        row2.addWidget(self.reason, 1)
        row2.addWidget(self.run_button)
        lay = QVBoxLayout(self)
        lay.addLayout(row1)
        lay.addWidget(self.list, 1)
        lay.addLayout(row2)
        lay.addWidget(self.status)
        self.resize(820, 560)
        if self.path:
            self.open(self.path)

    def _pick(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("PDF to relabel"), "", "PDF (*.pdf)")
        if path:
            self.open(Path(path))

    def _pick_out(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output folder"))
        if folder:
            self.out_edit.setText(folder)

    def open(self, path: Path) -> None:
        self.path = Path(path)
        self.status.setText(self.tr("Reading %1 …").replace("%1", self.path.name))
        workers.run_task(lambda: load_listing(self.path), self._listed, owner=self)

    def _listed(self, result, error) -> None:
        if error is not None:
            self.status.setText(self.tr("Cannot read this PDF: %1").replace("%1", str(error)))
            return
        self.items, thumbs, doc_ai = result
        self.list.clear()
        for it in self.items:
            entry = QListWidgetItem(it.describe().strip())
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ai = it.provenance.is_ai or (doc_ai and not it.provenance.source_type)
            entry.setCheckState(Qt.CheckState.Checked if ai else Qt.CheckState.Unchecked)
            entry.setData(Qt.ItemDataRole.UserRole, it.index)
            if it.index in thumbs:
                entry.setIcon(QIcon(QPixmap.fromImage(thumbs[it.index])))
            self.list.addItem(entry)
        self.status.setText(
            self.tr("%1 placed images; tick the AI-generated ones").replace("%1", str(len(self.items)))
        )
        self.listed.emit(len(self.items))

    def chosen(self) -> list[int]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def run(self) -> None:
        from kilabel.relabel.pdf import PdfRelabelTask

        picked = self.chosen()
        if not self.path or not picked or not self.out_edit.text():
            self.status.setText(self.tr("Choose a PDF, at least one image and an output folder."))
            return
        preset = presets.get(self.preset.currentData()).with_placement(position=self.position.currentText())
        task = PdfRelabelTask(
            str(self.path),
            self.out_edit.text(),
            preset,
            reason=self.reason.text(),
            indices=",".join(map(str, picked)),
        )
        factory = self.identity_factory or _default_identity
        self.run_button.setEnabled(False)
        workers.run_task(lambda: _relabel_and_record(task, factory()), self._done, owner=self)

    def _done(self, result, error) -> None:
        self.run_button.setEnabled(True)
        if error is not None or not result.ok:
            self.status.setText(self.tr("Failed: %1").replace("%1", str(error or result.error)))
        else:
            self.status.setText(
                self.tr("Written: %1").replace("%1", result.output) + "\n" + "\n".join(result.warnings)
            )
        self.relabelled.emit(result)


def _default_identity():
    from kilabel import keys, settings

    s = settings.load()
    return keys.ensure(s.keys_path, s.organisation)[0]


def _relabel_and_record(task, identity):
    from kilabel.relabel import image as relabel
    from kilabel.relabel.pdf import relabel_pdf

    res = relabel_pdf(task, identity)
    relabel.record(
        [res], label_id=task.preset.id, language=task.language, reason=task.reason, identity=identity
    )
    return res
