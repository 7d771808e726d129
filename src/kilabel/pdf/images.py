"""List the images placed on each page of a finished PDF, with their rectangle on the page.

A layout program places an image by setting the current transformation matrix (CTM) and painting
the image's unit square. We walk each page's content stream with pikepdf's parser and a small
interpreter for q / Q / cm / Do (and inline images): the CTM stack follows q/Q, `cm` multiplies,
`Do` of a Form XObject enters the form with its /Matrix (recursively), `Do` of an image maps the
unit square through the CTM. The axis-aligned bounding box of the four corners is the placed
rectangle in the page's default user space (points), also for rotated, scaled or nested images.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Name

from kilabel.pipeline import metadata
from kilabel.pipeline.metadata import LabelRecord
from kilabel.provenance import Provenance

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_DEPTH = 12  # nested forms; deeper (or cyclic) forms are not followed


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m × n in PDF's row-vector convention: first m, then n (so `cm` gives multiply(M, CTM))."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def invert(m: Matrix) -> Matrix | None:
    a, b, c, d, e, f = m
    det = a * d - b * c
    if abs(det) < 1e-12:
        return None
    return (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)


@dataclass
class PlacedImage:
    """One placement of an image on a page (an image placed twice is listed twice)."""

    index: int  # 1-based, in listing order (pages in order, then content-stream order)
    page: int  # 1-based
    name: str  # resource path, e.g. "/Fm0/Im1" for an image inside form /Fm0
    ctm: Matrix  # maps the image's unit square to page space
    rect: tuple[float, float, float, float]  # axis-aligned bounding box on the page (x0, y0, x1, y1), points
    width_px: int = 0
    height_px: int = 0
    inline: bool = False
    provenance: Provenance = field(default_factory=Provenance)  # from the image's own XMP (/Metadata)
    label: LabelRecord = field(default_factory=LabelRecord)
    xobject: pikepdf.Object | None = field(default=None, repr=False, compare=False)

    @property
    def rotation(self) -> float:
        """Rotation of the image on the page in degrees (0 for an upright placement)."""
        return round(math.degrees(math.atan2(self.ctm[1], self.ctm[0])), 1) % 360

    @property
    def size_pt(self) -> tuple[float, float]:
        return self.rect[2] - self.rect[0], self.rect[3] - self.rect[1]

    def describe(self) -> str:
        x0, y0, x1, y1 = self.rect
        ai = f", XMP: {self.provenance.source_type}" if self.provenance.source_type else ""
        rot = f", rotated {self.rotation:g}°" if self.rotation else ""
        return (
            f"{self.index:>3}  page {self.page:<3} {self.name:<16} {self.width_px}×{self.height_px} px  "
            f"at ({x0:.1f}, {y0:.1f})–({x1:.1f}, {y1:.1f}) pt, {x1 - x0:.1f}×{y1 - y0:.1f} pt{rot}{ai}"
        )


def bbox(ctm: Matrix) -> tuple[float, float, float, float]:
    pts = [apply(ctm, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def xmp_of(obj: pikepdf.Object) -> tuple[Provenance, LabelRecord] | None:
    """The provenance in an object's /Metadata XMP stream (an image's or the catalog's), if any."""
    try:
        stream = obj.get("/Metadata")
        if stream is None:
            return None
        prov, label, _, _ = metadata.parse_xmp(stream.read_bytes())
        return prov, label
    except Exception:  # damaged or foreign metadata is simply no provenance
        return None


def _matrix(operands) -> Matrix:
    return tuple(float(v) for v in operands[:6])  # type: ignore[return-value]


def _walk(container, resources, ctm: Matrix, prefix: str, depth: int, seen: tuple) -> Iterator[tuple]:
    """(name, ctm, xobject or inline image) for every image painted by `container`'s content."""
    stack: list[Matrix] = []
    xobjects = (
        resources.get("/XObject", pikepdf.Dictionary()) if resources is not None else pikepdf.Dictionary()
    )
    try:
        instructions = pikepdf.parse_content_stream(container)
    except (pikepdf.PdfError, TypeError, ValueError):  # a damaged content stream paints nothing we can place
        return
    for instr in instructions:
        op = str(instr.operator)
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop() if stack else ctm
        elif op == "cm":
            try:
                ctm = multiply(_matrix(instr.operands), ctm)
            except (TypeError, ValueError, IndexError):  # a malformed matrix: as a viewer would, skip it
                pass
        elif op == "INLINE IMAGE":
            yield f"{prefix}/inline", ctm, instr.iimage
        elif op == "Do":
            if not instr.operands:
                continue
            xobj = xobjects.get(str(instr.operands[0])) if isinstance(xobjects, pikepdf.Dictionary) else None
            name = str(instr.operands[0])
            if not isinstance(xobj, (pikepdf.Dictionary, pikepdf.Stream)):
                continue
            subtype = xobj.get("/Subtype")
            if subtype == Name.Image:
                yield f"{prefix}{name}", ctm, xobj
            elif subtype == Name.Form and depth < MAX_DEPTH and xobj.objgen not in seen:
                try:
                    form_ctm = multiply(_matrix(xobj.get("/Matrix", IDENTITY)), ctm)
                except (TypeError, ValueError, IndexError):
                    form_ctm = ctm
                form_res = xobj.get("/Resources", resources)
                yield from _walk(
                    xobj, form_res, form_ctm, f"{prefix}{name}", depth + 1, seen + (xobj.objgen,)
                )


def list_images(pdf: pikepdf.Pdf) -> list[PlacedImage]:
    """Every image placement in the document, in page order and content-stream order."""
    out: list[PlacedImage] = []
    for pno, page in enumerate(pdf.pages, start=1):
        resources = page.obj.get("/Resources")
        for name, ctm, obj in _walk(page, resources, IDENTITY, "", 0, ()):
            inline = not isinstance(obj, pikepdf.Object)
            item = PlacedImage(len(out) + 1, pno, name, ctm, bbox(ctm), inline=inline)
            if inline:
                item.width_px, item.height_px = int(obj.obj.get("/W", 0) or 0), int(obj.obj.get("/H", 0) or 0)
            else:
                item.width_px, item.height_px = int(obj.get("/Width", 0)), int(obj.get("/Height", 0))
                item.xobject = obj
                found = xmp_of(obj)
                if found:
                    item.provenance, item.label = found
            out.append(item)
    return out


def list_file(path: Path) -> list[PlacedImage]:
    with pikepdf.open(path) as pdf:
        items = list_images(pdf)
        for it in items:
            it.xobject = None  # the document closes here
        return items


def thumbnail(pdf: pikepdf.Pdf, item: PlacedImage, max_side: int = 160):
    """A small RGB picture of the placed image (for the GUI), or None if its encoding cannot be decoded."""
    if item.xobject is None:
        return None
    try:
        im = pikepdf.PdfImage(item.xobject).as_pil_image()
        im.draft("RGB", (max_side, max_side))
        im = im.convert("RGB")
        im.thumbnail((max_side, max_side))
        return im
    except Exception:  # JBIG2, broken data …: the list shows the entry without a picture
        return None


def parse_indices(text: str, count: int) -> list[int]:
    """'2,5' or '1-3,7' → sorted 1-based indices; raises ValueError naming the bad part."""
    chosen: set[int] = set()
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        lo, _, hi = part.partition("-")
        if not lo.isdigit() or (hi and not hi.isdigit()):
            raise ValueError(f"'{part}' is not a number or range")
        a, b = int(lo), int(hi or lo)
        if a < 1 or b > count or a > b:
            raise ValueError(f"'{part}' is outside 1–{count} (see --list)")
        chosen.update(range(a, b + 1))
    if not chosen:
        raise ValueError("no image numbers given")
    return sorted(chosen)
