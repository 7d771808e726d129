"""What the window shows before any image is open: a drop zone with one sentence, the two open
buttons and the sample images one click away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kilabel import paths


class DropZone(QWidget):
    """Signals:
    open_files(), open_folder(), load_samples(): the three buttons
    """

    open_files = Signal()
    open_folder = Signal()
    load_samples = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        frame = QFrame()
        frame.setObjectName("dropFrame")
        frame.setStyleSheet("#dropFrame { border: 2px dashed palette(mid); border-radius: 14px; }")
        frame.setMaximumSize(760, 420)
        icon = QLabel()
        pix = QPixmap(str(paths.asset("icons", "kilabel-128.png")))
        if not pix.isNull():
            icon.setPixmap(
                pix.scaled(
                    88, 88, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sentence = QLabel(self.tr("Drop AI-generated images or a folder here to label them."))
        sentence.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sentence.setWordWrap(True)
        sentence.setStyleSheet("font-size: 15pt;")
        self.files_btn = QPushButton(self.tr("Open images …"))
        self.folder_btn = QPushButton(self.tr("Open folder …"))
        self.files_btn.setDefault(True)
        for b in (self.files_btn, self.folder_btn):
            b.setMinimumHeight(34)
            b.setMinimumWidth(160)
        self.samples_btn = QPushButton(self.tr("Load sample images"))
        self.samples_btn.setFlat(True)
        self.samples_btn.setCursor(Qt.CursorShape.PointingHandCursor)
        self.samples_btn.setStyleSheet("color: palette(link); text-decoration: underline;")
        self.files_btn.clicked.connect(self.open_files)
        self.folder_btn.clicked.connect(self.open_folder)
        self.samples_btn.clicked.connect(self.load_samples)
        formats = QLabel(self.tr("JPEG, PNG, TIFF or WebP · the originals are never changed"))
        formats.setAlignment(Qt.AlignmentFlag.AlignCenter)
        formats.setStyleSheet("color: palette(mid);")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.files_btn)
        buttons.addSpacing(8)
        buttons.addWidget(self.folder_btn)
        buttons.addStretch(1)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(40, 32, 40, 28)
        inner.addStretch(1)
        inner.addWidget(icon)
        inner.addSpacing(8)
        inner.addWidget(sentence)
        inner.addSpacing(18)
        inner.addLayout(buttons)
        inner.addSpacing(6)
        inner.addWidget(self.samples_btn, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addStretch(1)
        inner.addWidget(formats)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addWidget(frame, 1, Qt.AlignmentFlag.AlignCenter)
