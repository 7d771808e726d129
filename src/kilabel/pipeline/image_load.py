"""Load an input image: refuse bombs and broken files with one clear line, apply EXIF orientation,
keep the ICC profile, and bring every pixel format to 8-bit RGB, RGBA or CMYK."""

from __future__ import annotations

import contextlib
import math
import os
import struct
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from kilabel.errors import InputError
from kilabel.messages import msg

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


# Python warnings about a file (most are Pillow's), in words a designer understands. Matched on
# lower-cased words of the warning; the first match wins.
_PLAIN_WARNINGS = (
    (("exif", "tag data larger than file", "tag offset too large", "metadata warning"), "exif-damaged"),
    (("invalid apng",), "apng-damaged"),
    (("malformed mpo",), "mpo-damaged"),
    (("transparency",), "transparency-inexact"),
    (("xmp data cannot be read",), "xmp-unreadable"),
    (("raqm",), "no-raqm"),
)
# Warnings for programmers, not for the person exporting: never shown as a file's warning.
_DEVELOPER_WARNINGS = (
    DeprecationWarning,
    PendingDeprecationWarning,
    FutureWarning,
    ImportWarning,
    ResourceWarning,
)


def plain_warning(message: str) -> str:
    """A Python warning's text as one plain line for the file it is about."""
    low = message.lower()
    for words, code in _PLAIN_WARNINGS:
        if any(w in low for w in words):
            return msg(code)
    return msg("library-warning", text=" ".join(message.split()))


@contextlib.contextmanager
def warnings_as_notes(notes: list[str]) -> Iterator[None]:
    """Python warnings raised inside become plain lines in `notes` (each once), not stderr lines
    that name a library's source file; programmers' warnings (deprecations, unclosed files) are
    dropped. `warnings.catch_warnings` is process-wide before Python 3.14: a warning another thread
    raises meanwhile lands here too."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # the second file with the same problem is told too
        for category in _DEVELOPER_WARNINGS:
            warnings.simplefilter("ignore", category)
        try:
            yield
        finally:
            for w in caught:
                note = plain_warning(str(w.message))
                if note not in notes:
                    notes.append(note)


def _damaged(path: Path, exc: BaseException) -> InputError:
    """A decoder's failure (Pillow's 'decoder error -2', 'image file is truncated', 'broken data
    stream', a chunk cut short) as one line that blames the input, in plain words."""
    text = str(exc).lower()
    if "file is truncated" in text or "truncated file" in text:
        return InputError(msg("damaged-detail", file=path, detail=msg("truncated")))
    return InputError(msg("damaged", file=path))


def _starts_like_an_image(path: Path) -> bool:
    """Whether the file begins as a JPEG, PNG, TIFF or WebP does (then a failure to open it is damage)."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
    except OSError:
        return False
    return head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    )


def _open(path: Path, max_megapixels: float, *, quiet: bool = True) -> Image.Image:
    """Open and check the header. `quiet`: Pillow's warnings are dropped; else they reach the
    caller (load() makes them notes)."""
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise InputError(msg("cannot-read", file=path, reason=exc.strerror or str(exc))) from exc
    if size == 0:
        raise InputError(msg("empty-file", file=path))
    try:
        with warnings.catch_warnings() if quiet else contextlib.nullcontext():
            if quiet:
                warnings.simplefilter("ignore")
            im = Image.open(path)
    except UnidentifiedImageError as exc:
        if _starts_like_an_image(path):
            raise _damaged(path, exc) from exc
        raise InputError(msg("not-an-image", file=path)) from exc
    except OSError as exc:
        if exc.errno is None:  # Pillow's own words about the data, not the system's about the file
            raise _damaged(path, exc) from exc
        raise InputError(msg("cannot-read", file=path, reason=exc.strerror or str(exc))) from exc
    except (ValueError, SyntaxError, struct.error, EOFError) as exc:  # a chunk or tag cut short
        raise _damaged(path, exc) from exc
    fmt = FORMATS.get(im.format or "")
    if fmt is None:
        im.close()
        raise InputError(msg("unsupported-format", file=path, format=im.format))
    mp = im.width * im.height / 1e6
    if mp > max_megapixels:
        im.close()
        raise InputError(msg("too-large", file=path, w=im.width, h=im.height, mp=mp, limit=max_megapixels))
    try:
        frames = getattr(im, "n_frames", 1)
    except (OSError, ValueError, SyntaxError, struct.error, EOFError) as exc:  # a damaged next page
        im.close()
        raise _damaged(path, exc) from exc
    if frames > 1 and fmt != "tiff" and (fmt != "jpeg"):
        im.close()
        raise InputError(msg("animated", file=path, frames=frames))
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
        notes.append(msg("deep-to-8bit", mode=mode))
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


def _transparency_as_alpha(im: Image.Image, notes: list[str]) -> Image.Image:
    """An 8-bit image's transparent colour (a PNG's tRNS chunk: Pillow's info['transparency'])
    as an alpha channel, so every writer gets what a viewer shows. A number is a grey level (a
    1-bit or greyscale source); anything else names no colour and is dropped, with a note."""
    colour = im.info.pop("transparency", None)
    if colour is None or im.mode != "RGB":  # RGBA has its alpha; CMYK has no transparency
        return im
    if isinstance(colour, int):
        colour = (colour,) * 3
    if not (
        isinstance(colour, (tuple, list)) and len(colour) == 3 and all(isinstance(v, int) for v in colour)
    ):
        notes.append(msg("transparent-colour-nameless"))
        return im
    im.info["transparency"] = tuple(colour)
    return im.convert("RGBA")


def load(path: Path, max_megapixels: float = 250.0) -> Loaded:
    """The input, decoded and checked; Pillow's warnings about it become `notes` in plain words."""
    path = Path(path)
    notes: list[str] = []
    with warnings_as_notes(notes):
        im = _open(path, max_megapixels, quiet=False)
        fmt = FORMATS[im.format]
        try:
            if fmt == "tiff" and getattr(im, "n_frames", 1) > 1:
                notes.append(msg("multipage-tiff", pages=im.n_frames))
            bits = im.tag_v2.get(258) if fmt == "tiff" else None
            compression = im.info.get("compression") if fmt == "tiff" else None
            icc = im.info.get("icc_profile")
            exif_raw = im.info.get("exif")
            dpi = file_dpi(im)
            exif = im.getexif()
            im.load()
        except (OSError, SyntaxError, ValueError, struct.error, EOFError) as exc:
            im.close()
            if isinstance(exc, OSError) and exc.errno is not None:  # the system's: a read error
                raise InputError(msg("cannot-read", file=path, reason=exc.strerror or str(exc))) from exc
            raise _damaged(path, exc) from exc
        if bits and max(bits if isinstance(bits, tuple) else (bits,)) > 8 and not im.mode.startswith("I;16"):
            notes.append(msg("16bit-to-8bit"))
        try:
            # exif_transpose copies the image even when nothing turns: only call it when needed
            oriented = ImageOps.exif_transpose(im) if exif.get(0x0112, 1) not in (0, 1) else im
        except Exception:  # a broken orientation tag should not lose the image
            oriented = im
        image = _transparency_as_alpha(_to_8bit(oriented, notes), notes)
    return Loaded(path, fmt, image, icc, exif, exif_raw, dpi, compression, notes)


# load_preview's memory: Pillow decodes PNG, TIFF and WebP only at full size (JPEG at reduced scale),
# so one full-size decode is unavoidable; everything after it is reduced strip by strip, and the
# full-size decodes in flight across threads (check reads several files at once) share a budget.
PREVIEW_DECODE_BUDGET = 1 << 30  # bytes; one decode larger than this still runs, alone
_PREVIEW_STRIP_PIXELS = 1 << 20  # source pixels converted at a time (4 MiB at 4 bytes per pixel)
_ORIENT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_budget = threading.Condition()
_budget_used = 0


@contextlib.contextmanager
def _decode_budget(nbytes: int) -> Iterator[None]:
    """Wait until `nbytes` of full-size decoding fit into PREVIEW_DECODE_BUDGET (or nothing else
    is decoding), hold them while the block runs."""
    global _budget_used
    with _budget:
        _budget.wait_for(lambda: _budget_used == 0 or _budget_used + nbytes <= PREVIEW_DECODE_BUDGET)
        _budget_used += nbytes
    try:
        yield
    finally:
        with _budget:
            _budget_used -= nbytes
            _budget.notify_all()


def _decoded_bytes(im: Image.Image) -> int:
    """What decoding `im` allocates: Pillow keeps 1 byte per pixel for 1/L/P, 2 for I;16, else 4."""
    per_pixel = 1 if im.mode in ("1", "L", "P") else 2 if im.mode.startswith("I;16") else 4
    return im.width * im.height * per_pixel


def _reduced_rgb(im: Image.Image, max_side: int) -> Image.Image:
    """`im` (loaded, any mode) as 8-bit RGB(A), reduced by the integer factor that keeps at least
    twice `max_side` (as thumbnail's reducing_gap does). Conversion and reduction run on strips of
    rows (a multiple of the factor high, so the result equals reducing the whole), so no second
    full-size image is made. Below a factor of 2 the image is small already and converted whole."""
    w, h = im.size
    factor = max(1, int(max(w, h) / max(1, max_side) / 2))
    if factor == 1:  # at most 4 × max_side on the long edge: converted whole (a bounded size)
        im = _to_8bit(im, [])
        return im.convert("RGB") if im.mode == "CMYK" else im
    if im.mode == "RGB":  # nothing to convert: reduce() makes the only new image (for RGBA it
        return im.reduce(factor)  # makes a premultiplied full-size copy first: strips below)
    rows = factor * max(1, _PREVIEW_STRIP_PIXELS // (w * factor))
    out = None
    for y in range(0, h, rows):
        part = _to_8bit(im.crop((0, y, w, min(h, y + rows))), [])
        part = (part.convert("RGB") if part.mode == "CMYK" else part).reduce(factor)
        if out is None:
            if rows >= h:
                return part
            out = Image.new(part.mode, (-(-w // factor), -(-h // factor)))
        out.paste(part, (0, y // factor))
    return out


def _thumb_size(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    """The size Image.thumbnail((max_side, max_side)) gives an image of `size` (aspect kept)."""
    w, h = size
    if w <= max_side and h <= max_side:
        return size
    aspect = w / h
    if aspect >= 1:  # as thumbnail rounds: the whole number whose aspect comes closest
        exact = max_side / aspect
        short = min((math.floor(exact), math.ceil(exact)), key=lambda n: abs(aspect - max_side / max(n, 1)))
        return max_side, max(1, short)
    exact = max_side * aspect
    short = min((math.floor(exact), math.ceil(exact)), key=lambda n: abs(aspect - n / max_side))
    return max(1, short), max_side


def load_preview(
    path: Path, max_side: int, max_megapixels: float = 250.0
) -> tuple[Image.Image, tuple[int, int]]:
    """A reduced, oriented RGB(A) copy for previews and thumbnails, and the full oriented size.

    JPEG is decoded at reduced scale (draft), which makes a 100 MP preview fast. Memory: one decode
    at full size (Pillow reads PNG, TIFF and WebP no other way; within PREVIEW_DECODE_BUDGET across
    threads), then strips of a few MiB and the reduced result: no second full-size copy of a large
    image (one under 4 × max_side on its long edge, a bounded size, is converted whole).
    """
    im = _open(Path(path), max_megapixels)
    try:
        full = im.size
        orientation = im.getexif().get(0x0112, 1)
        if orientation in (5, 6, 7, 8):
            full = (full[1], full[0])
        if im.format == "JPEG":
            im.draft("RGB", (max_side, max_side))
        with _decode_budget(_decoded_bytes(im)):
            im.load()
            small = _reduced_rgb(im, max_side)
            if small is not im:
                im.close()  # the full-size pixels go before the budget is given back
            im = None
        if orientation in _ORIENT:
            small = small.transpose(_ORIENT[orientation])
        size = _thumb_size(full, max_side)  # from the full size: the reduction rounded up
        if small.size != size:
            small = small.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)
        return small, full
    except (OSError, SyntaxError, ValueError) as exc:
        raise _damaged(path, exc) from exc  # the decoder's own words are English: said in plain words
