"""Load an input image: refuse bombs and broken files with one clear line, apply EXIF orientation,
keep the ICC profile, and bring every pixel format to 8-bit RGB, RGBA or CMYK."""

from __future__ import annotations

import math
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from kilabel.errors import InputError

FORMATS = {"JPEG": "jpeg", "PNG": "png", "TIFF": "tiff", "WEBP": "webp", "MPO": "jpeg"}
MIME = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "tiff": "image/tiff",
    "webp": "image/webp",
    "pdf": "application/pdf",
}
EXT = {"jpeg": ".jpg", "png": ".png", "tiff": ".tif", "webp": ".webp", "pdf": ".pdf"}

Image.MAX_IMAGE_PIXELS = None  # our own limit below, with a message that names it


@dataclass
class Loaded:
    path: Path
    format: str  # jpeg | png | tiff | webp
    image: Image.Image  # oriented, 8-bit RGB / RGBA / CMYK
    icc: bytes | None
    exif: Image.Exif | None  # the input's EXIF (for keeping other tags)
    exif_raw: bytes | None
    dpi: tuple[float, float] | None
    compression: str | None  # TIFF compression of the input
    notes: list[str] = field(default_factory=list)


def _open(path: Path, max_megapixels: float) -> Image.Image:
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if size == 0:
        raise InputError(f"{path}: empty file (0 bytes)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            im = Image.open(path)
    except UnidentifiedImageError as exc:
        raise InputError(f"{path}: not an image kilabel can read (JPEG, PNG, TIFF, WebP)") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
    fmt = FORMATS.get(im.format or "")
    if fmt is None:
        im.close()
        raise InputError(f"{path}: {im.format} images are not supported (JPEG, PNG, TIFF, WebP)")
    mp = im.width * im.height / 1e6
    if mp > max_megapixels:
        im.close()
        raise InputError(
            f"{path}: declares {im.width}×{im.height} pixels ({mp:.0f} MP), above the limit of "
            f"{max_megapixels:.0f} MP (likely a decompression bomb; raise the setting max_megapixels to allow)"
        )
    frames = getattr(im, "n_frames", 1)
    if frames > 1 and fmt != "tiff" and (fmt != "jpeg"):
        im.close()
        raise InputError(f"{path}: animated image ({frames} frames): kilabel labels still images only")
    return im


def probe(path: Path, max_megapixels: float = 250.0) -> tuple[str, tuple[int, int]]:
    """Format and size from the header only (cheap)."""
    with _open(path, max_megapixels) as im:
        return FORMATS[im.format], im.size


def _to_8bit(im: Image.Image, notes: list[str]) -> Image.Image:
    mode = im.mode
    if mode in ("RGB", "RGBA", "CMYK"):
        return im
    if mode.startswith("I;16") or mode in ("I", "F"):
        notes.append(f"{mode} (16-bit or more) input exported as 8-bit")
        return im.convert("I").point(lambda v: v * (1 / 256)).convert("L").convert("RGB")
    if mode in ("P", "PA"):
        return im.convert("RGBA" if "transparency" in im.info or mode == "PA" else "RGB")
    if mode in ("LA", "La", "RGBa"):
        return im.convert("RGBA")
    return im.convert("RGB")


def file_dpi(im: Image.Image) -> tuple[float, float] | None:
    """The dpi the file itself states, or None when it states none.

    Pillow reports (1, 1) for a TIFF without XResolution/YResolution (its fallback value), which
    written back would give 1-dpi files, and (72, 72) for a JPEG whose JFIF states no unit and whose
    EXIF has no XResolution; unknown stays unknown. Zero or negative values are no resolution either.
    """
    dpi = im.info.get("dpi")
    if im.format == "TIFF" and not (282 in im.tag_v2 and 283 in im.tag_v2):
        return None
    if im.format in ("JPEG", "MPO") and im.info.get("jfif_unit") not in (1, 2):
        try:
            if 0x011A not in im.getexif():
                return None
        except Exception:  # a broken EXIF block states no resolution
            return None
    try:
        if not dpi or not all(math.isfinite(float(v)) and float(v) > 0 for v in dpi):
            return None  # a zero denominator reads as nan
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return dpi


def load(path: Path, max_megapixels: float = 250.0) -> Loaded:
    path = Path(path)
    im = _open(path, max_megapixels)
    fmt = FORMATS[im.format]
    notes: list[str] = []
    try:
        if fmt == "tiff" and getattr(im, "n_frames", 1) > 1:
            notes.append(f"multi-page TIFF: only the first of {im.n_frames} pages is exported")
        bits = im.tag_v2.get(258) if fmt == "tiff" else None
        compression = im.info.get("compression") if fmt == "tiff" else None
        icc = im.info.get("icc_profile")
        exif_raw = im.info.get("exif")
        dpi = file_dpi(im)
        exif = im.getexif()
        im.load()
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(f"{path}: damaged or truncated image data ({exc})") from exc
    if bits and max(bits if isinstance(bits, tuple) else (bits,)) > 8 and not im.mode.startswith("I;16"):
        notes.append("16-bit input exported as 8-bit")
    try:
        # exif_transpose copies the image even when nothing turns: only call it when needed
        oriented = ImageOps.exif_transpose(im) if exif.get(0x0112, 1) not in (0, 1) else im
    except Exception:  # a broken orientation tag should not lose the image
        oriented = im
    image = _to_8bit(oriented, notes)
    return Loaded(path, fmt, image, icc, exif, exif_raw, dpi, compression, notes)


def load_preview(
    path: Path, max_side: int, max_megapixels: float = 250.0
) -> tuple[Image.Image, tuple[int, int]]:
    """A reduced, oriented RGB(A) copy for previews and thumbnails, and the full oriented size.

    JPEG is decoded at reduced scale (draft), which makes a 100 MP preview fast.
    """
    im = _open(Path(path), max_megapixels)
    try:
        full = im.size
        orientation = im.getexif().get(0x0112, 1)
        if orientation in (5, 6, 7, 8):
            full = (full[1], full[0])
        if im.format == "JPEG":
            im.draft("RGB", (max_side, max_side))
        im.load()
        im = ImageOps.exif_transpose(im)
        im = _to_8bit(im, [])
        if im.mode == "CMYK":
            im = im.convert("RGB")
        im.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
        return im, full
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(f"{path}: damaged or truncated image data ({exc})") from exc
