"""Pillow image to QImage (safe in worker threads; QPixmap is made later on the GUI thread)."""

from __future__ import annotations

from PIL import Image
from PySide6.QtGui import QImage


def to_qimage(im: Image.Image) -> QImage:
    if im.mode not in ("RGB", "RGBA"):
        im = im.convert("RGBA" if "A" in im.mode else "RGB")
    fmt = QImage.Format.Format_RGB888 if im.mode == "RGB" else QImage.Format.Format_RGBA8888
    data = im.tobytes()
    return QImage(data, im.width, im.height, im.width * len(im.mode), fmt).copy()  # owns its buffer
