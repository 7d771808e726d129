"""List the images placed on each page of a finished PDF, with their rectangle on the page.

A layout program places an image by setting the current transformation matrix (CTM) and painting
the image's unit square. We walk each page's content stream with pikepdf's parser and a small
interpreter for q / Q / cm / Do (and inline images): the CTM stack follows q/Q, `cm` multiplies,
`Do` of a Form XObject enters the form with its /Matrix (recursively), `Do` of an image maps the
unit square through the CTM. The axis-aligned bounding box of the four corners is the placed
rectangle in the page's default user space (points), also for rotated, scaled or nested images.

What is visible of it: clipping paths (`W n`/`W* n`, tracked through q/Q; one `re` as its turned
rectangle, other paths as their bounding box) and form /BBoxes cut the placed parallelogram, a soft
mask or explicit mask trims it to the convex hull of its opaque pixels; `visible` is the largest
upright rectangle inside what remains, where a label goes. `classify` tells pictures from logos,
masks, inline images and specks (what --all-images labels; --list says why).
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
Rect = tuple[float, float, float, float]
Polygon = list[tuple[float, float]]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_DEPTH = 12  # nested forms; deeper (or cyclic) forms are not followed
LABEL_MARK = "/KilabelLabel"  # key set on kilabel's own label overlay form (so a relabel replaces it)
MIN_PICTURE_MM = 25.0  # a visible short side below this is a logo, icon or speck, not a picture
MIN_PICTURE_PX = 32  # fewer pixels on the short side: a speck, a rule, a pattern tile
UNIT_SQUARE: Polygon = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
MASK_SIDE = 256  # soft masks are downsampled to this side before the opaque area is measured


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
    clips: list[Polygon] = field(default_factory=list, repr=False)  # clipping paths in force, page space
    opaque: Polygon = field(default_factory=lambda: list(UNIT_SQUARE), repr=False)  # unit square part
    visible: Rect | None = None  # largest axis-aligned rectangle of the visible picture, page points
    bits: int = 8
    stencil: bool = False  # an /ImageMask (a 1-bit shape painted in the fill colour, e.g. a logo)
    masked: bool = False  # has /SMask or /Mask
    cmyk: bool = False  # DeviceCMYK, ICC-based CMYK or indexed on either: print material
    picture: bool = True  # chosen by default (see classify)
    why: str = ""  # why it is (not) a picture, for --list

    @property
    def rotation(self) -> float:
        """Rotation of the image on the page in degrees (0 for an upright placement). A mirrored one
        is taken as flipped left-right first, so `cm -w 0 0 h …` is mirrored, not turned by 180°."""
        a, b = (-self.ctm[0], -self.ctm[1]) if self.mirrored else self.ctm[:2]
        return round(math.degrees(math.atan2(b, a)), 1) % 360

    @property
    def mirrored(self) -> bool:
        """Placed flipped (a negative determinant): a mirror image, whatever its rotation."""
        a, b, c, d = self.ctm[:4]
        return a * d - b * c < 0

    @property
    def size_pt(self) -> tuple[float, float]:
        return self.rect[2] - self.rect[0], self.rect[3] - self.rect[1]

    def describe(self) -> str:
        x0, y0, x1, y1 = self.rect
        ai = f", XMP: {self.provenance.source_type}" if self.provenance.source_type else ""
        rot = f", rotated {self.rotation:g}°" if self.rotation else ""
        if self.mirrored:
            rot = ", mirrored" + (f" and turned {self.rotation:g}°" if self.rotation else "")
        vis = ""
        if self.visible and tuple(round(v, 1) for v in self.visible) != tuple(round(v, 1) for v in self.rect):
            v0, w0, v1, w1 = self.visible
            vis = f", visible ({v0:.1f}, {w0:.1f})–({v1:.1f}, {w1:.1f}) pt"
        pick = (
            f"  [{'picture' if self.picture else 'not labelled by default'}: {self.why}]" if self.why else ""
        )
        return (
            f"{self.index:>3}  page {self.page:<3} {self.name:<16} {self.width_px}×{self.height_px} px  "
            f"at ({x0:.1f}, {y0:.1f})–({x1:.1f}, {y1:.1f}) pt, {x1 - x0:.1f}×{y1 - y0:.1f} pt{rot}{vis}{ai}{pick}"
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


PATH_OPS = {"m", "l", "c", "v", "y", "re", "h"}
PAINT_OPS = {"n", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}


def _path_points(op: str, operands, ctm: Matrix) -> Polygon:
    """The points of one path-construction operator in page space (`re` gives its four corners)."""
    v = [float(x) for x in operands]
    if op == "re" and len(v) >= 4:
        x, y, w, h = v[:4]
        return [apply(ctm, px, py) for px, py in ((x, y), (x + w, y), (x + w, y + h), (x, y + h))]
    return [apply(ctm, v[i], v[i + 1]) for i in range(0, len(v) - 1, 2)]


def _clip_polygon(ops: list[tuple[str, Polygon]]) -> Polygon | None:
    """A clipping path as a convex polygon: one `re` keeps its (transformed) corners, anything else
    its bounding box (a clip is at most that large)."""
    pts = [p for _, poly in ops for p in poly]
    if not pts:
        return None
    if len(ops) == 1 and ops[0][0] == "re":
        return ops[0][1]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return [(min(xs), min(ys)), (max(xs), min(ys)), (max(xs), max(ys)), (min(xs), max(ys))]


def _walk(
    container, resources, ctm: Matrix, prefix: str, depth: int, seen: tuple, clips: tuple = ()
) -> Iterator[tuple]:
    """(name, ctm, xobject or inline image, clips in force) for every image painted by `container`'s
    content. Clips are convex polygons in page space (`W n` paths, form bounding boxes)."""
    stack: list[tuple[Matrix, tuple]] = []
    path: list[tuple[str, Polygon]] = []
    clip_pending = False
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
            stack.append((ctm, clips))
        elif op == "Q":
            ctm, clips = stack.pop() if stack else (ctm, clips)
        elif op == "cm":
            try:
                ctm = multiply(_matrix(instr.operands), ctm)
            except (TypeError, ValueError, IndexError):  # a malformed matrix: as a viewer would, skip it
                pass
        elif op in PATH_OPS:
            try:
                path.append((op, _path_points(op, instr.operands, ctm)))
            except (TypeError, ValueError):
                pass
        elif op in ("W", "W*"):
            clip_pending = True
        elif op in PAINT_OPS:
            if clip_pending:
                poly = _clip_polygon(path)
                clips = clips + (poly,) if poly else clips  # `W n` without a path: no clip
            path, clip_pending = [], False
        elif op == "INLINE IMAGE":
            yield f"{prefix}/inline", ctm, instr.iimage, clips
        elif op == "Do":
            if not instr.operands:
                continue
            xobj = xobjects.get(str(instr.operands[0])) if isinstance(xobjects, pikepdf.Dictionary) else None
            name = str(instr.operands[0])
            if not isinstance(xobj, (pikepdf.Dictionary, pikepdf.Stream)):
                continue
            subtype = xobj.get("/Subtype")
            if subtype == Name.Image:
                yield f"{prefix}{name}", ctm, xobj, clips
            elif (
                subtype == Name.Form
                and depth < MAX_DEPTH
                and xobj.objgen not in seen
                and LABEL_MARK not in xobj
            ):
                try:
                    form_ctm = multiply(_matrix(xobj.get("/Matrix", IDENTITY)), ctm)
                except (TypeError, ValueError, IndexError):
                    form_ctm = ctm
                form_clips = clips
                try:
                    bx = [float(v) for v in xobj.get("/BBox")]
                    x0, y0, x1, y1 = bx[:4]
                    form_clips = clips + (
                        [apply(form_ctm, x, y) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))],
                    )
                except (TypeError, ValueError):
                    pass
                form_res = xobj.get("/Resources", resources)
                yield from _walk(
                    xobj, form_res, form_ctm, f"{prefix}{name}", depth + 1, seen + (xobj.objgen,), form_clips
                )


def _area(poly: Polygon) -> float:
    return 0.5 * sum(
        poly[i][0] * poly[(i + 1) % len(poly)][1] - poly[(i + 1) % len(poly)][0] * poly[i][1]
        for i in range(len(poly))
    )


def clip_convex(subject: Polygon, clip: Polygon) -> Polygon:
    """Sutherland–Hodgman: `subject` cut by the convex polygon `clip` (either orientation)."""
    if len(clip) < 3 or abs(_area(clip)) < 1e-9:
        return []
    sign = 1.0 if _area(clip) > 0 else -1.0
    out = list(subject)
    for i in range(len(clip)):
        (ax, ay), (bx, by) = clip[i], clip[(i + 1) % len(clip)]

        def side(p, ax=ax, ay=ay, bx=bx, by=by) -> float:
            return sign * ((bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax))

        inp, out = out, []
        for j in range(len(inp)):
            p, q = inp[j], inp[(j + 1) % len(inp)]
            sp, sq = side(p), side(q)
            if sp >= 0:
                out.append(p)
            if (sp >= 0) != (sq >= 0):
                t = sp / (sp - sq)
                out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
        if not out:
            return []
    return out


def largest_rect(poly: Polygon, steps: int = 64) -> Rect | None:
    """The largest axis-aligned rectangle inside a convex polygon (searched on a grid of heights:
    in a convex polygon the left edge is convex and the right edge concave in y, so the widest
    span over [y0, y1] is fixed by its two ends)."""
    if len(poly) < 3 or abs(_area(poly)) < 1e-6:
        return None
    ys = [p[1] for p in poly]
    lo, hi = min(ys), max(ys)
    if hi - lo < 1e-6:
        return None

    def span(y: float) -> tuple[float, float]:
        xs = []
        for i in range(len(poly)):
            (x0, y0), (x1, y1) = poly[i], poly[(i + 1) % len(poly)]
            if min(y0, y1) <= y <= max(y0, y1):
                if abs(y1 - y0) < 1e-12:
                    xs += [x0, x1]
                else:
                    xs.append(x0 + (y - y0) / (y1 - y0) * (x1 - x0))
        return (min(xs), max(xs)) if xs else (0.0, -1.0)

    grid = [lo + (hi - lo) * k / steps for k in range(steps + 1)]
    spans = [span(y) for y in grid]
    best, found = 0.0, None
    for i in range(len(grid)):
        for j in range(i + 1, len(grid)):
            left = max(spans[i][0], spans[j][0])
            right = min(spans[i][1], spans[j][1])
            area = (right - left) * (grid[j] - grid[i])
            if right > left and area > best:
                best, found = area, (left, grid[i], right, grid[j])
    return found


def _hull(points: list[tuple[float, float]]) -> Polygon:
    """Convex hull (Andrew's monotone chain), counter-clockwise."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def turn(o, a, b) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: Polygon = []
    upper: Polygon = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def opaque_area(obj) -> Polygon:
    """The opaque part of an image with /SMask or a stencil /Mask, as the convex hull of its opaque
    pixels in the unit square (x right, y up), measured on a downsampled mask: a picture rotated
    inside an upright bitmap with transparent corners gives the rotated rectangle. The whole square
    when there is no mask or it cannot be read; empty when nothing is opaque."""
    try:
        smask = obj.get("/SMask")
        mask = obj.get("/Mask")
        if isinstance(smask, pikepdf.Stream):
            im = pikepdf.PdfImage(smask).as_pil_image().convert("L")
            opaque_is_high = True
        elif isinstance(mask, pikepdf.Stream):
            im = pikepdf.PdfImage(mask).as_pil_image().convert("L")
            decode = [float(v) for v in mask.get("/Decode", [0, 1])]
            opaque_is_high = decode[:2] == [1.0, 0.0]  # samples of 0 are painted, unless /Decode flips
        else:
            return list(UNIT_SQUARE)
        w, h = im.size
        if max(w, h) > MASK_SIDE:
            im = im.resize((max(1, w * MASK_SIDE // max(w, h)), max(1, h * MASK_SIDE // max(w, h))))
        table = [255 if (v >= 128) == opaque_is_high else 0 for v in range(256)]
        im = im.point(table)
        W, H = im.size
        if im.getbbox() is None:
            return []
        data = im.tobytes()
        points = []
        for row in range(H):
            line = data[row * W : (row + 1) * W]
            first = line.find(b"\xff")
            if first < 0:
                continue
            last = line.rfind(b"\xff") + 1
            top, bottom = 1 - row / H, 1 - (row + 1) / H
            points += [(first / W, top), (first / W, bottom), (last / W, top), (last / W, bottom)]
        return _hull(points)
    except Exception:  # an undecodable mask: assume the whole image is opaque
        return list(UNIT_SQUARE)


def visible_rect(ctm: Matrix, opaque: Polygon, clips) -> Rect | None:
    """The largest axis-aligned rectangle on the page showing the image: its opaque part, mapped
    through the CTM, cut by every clipping path in force."""
    if len(opaque) < 3:
        return None
    poly = [apply(ctm, u, v) for u, v in opaque]
    for clip in clips:
        poly = clip_convex(poly, clip)
        if not poly:
            return None
    return largest_rect(poly)


def classify(item: PlacedImage) -> None:
    """Whether an image is a picture (labelled by --all-images / --from-provenance) and why."""
    vis = item.visible
    short_mm = min(vis[2] - vis[0], vis[3] - vis[1]) * 25.4 / 72 if vis else 0.0
    if vis is None:
        item.picture, item.why = False, "not visible (clipped or fully transparent)"
    elif item.stencil:
        item.picture, item.why = False, "1-bit image mask (logo, shape)"
    elif item.inline:
        item.picture, item.why = False, "inline image (icon, speck)"
    elif item.bits == 1:
        item.picture, item.why = False, "1-bit image (line art, logo)"
    elif min(item.width_px, item.height_px) < MIN_PICTURE_PX:
        item.picture, item.why = False, f"only {min(item.width_px, item.height_px)} px on its short side"
    elif short_mm < MIN_PICTURE_MM:
        item.picture, item.why = (
            False,
            f"{short_mm:.0f} mm visible on its short side (< {MIN_PICTURE_MM:g} mm)",
        )
    else:
        item.picture, item.why = (
            True,
            f"{item.bits}-bit, {short_mm:.0f} mm" + (", masked" if item.masked else ""),
        )


CMYK_NAMES = {"/DeviceCMYK", "/CMYK"}  # the second is the abbreviation inline images use


def is_cmyk(space, depth: int = 0) -> bool:
    """Is an image colour space CMYK: DeviceCMYK, an ICCBased profile with four components, or an
    /Indexed palette over either (what a print workflow places; RGB and grey are screen material)."""
    if isinstance(space, pikepdf.Name):
        return str(space) in CMYK_NAMES
    if not isinstance(space, pikepdf.Array) or len(space) < 2 or depth > 3:
        return False
    family = str(space[0])
    if family == "/ICCBased":
        profile = space[1]
        try:
            return isinstance(profile, pikepdf.Stream) and int(profile.get("/N", 0)) == 4
        except (TypeError, ValueError):  # a damaged /N says nothing about the colours
            return False
    if family in ("/Indexed", "/I"):
        return is_cmyk(space[1], depth + 1)
    return False


def list_images(pdf: pikepdf.Pdf) -> list[PlacedImage]:
    """Every image placement in the document, in page order and content-stream order."""
    out: list[PlacedImage] = []
    for pno, page in enumerate(pdf.pages, start=1):
        resources = page.obj.get("/Resources")
        for name, ctm, obj, clips in _walk(page, resources, IDENTITY, "", 0, ()):
            inline = not isinstance(obj, pikepdf.Object)
            item = PlacedImage(len(out) + 1, pno, name, ctm, bbox(ctm), inline=inline, clips=list(clips))
            if inline:
                d = obj.obj
                item.width_px = int(d.get("/W", d.get("/Width", 0)) or 0)
                item.height_px = int(d.get("/H", d.get("/Height", 0)) or 0)
                item.stencil = bool(d.get("/IM", d.get("/ImageMask", False)))
                item.bits = 1 if item.stencil else int(d.get("/BPC", d.get("/BitsPerComponent", 8)) or 8)
                item.cmyk = is_cmyk(d.get("/CS", d.get("/ColorSpace")))
            else:
                item.width_px, item.height_px = int(obj.get("/Width", 0)), int(obj.get("/Height", 0))
                item.stencil = bool(obj.get("/ImageMask", False))
                item.bits = 1 if item.stencil else int(obj.get("/BitsPerComponent", 8) or 8)
                item.masked = "/SMask" in obj or "/Mask" in obj
                item.cmyk = is_cmyk(obj.get("/ColorSpace"))
                item.opaque = opaque_area(obj)
                item.xobject = obj
                found = xmp_of(obj)
                if found:
                    item.provenance, item.label = found
            item.visible = visible_rect(ctm, item.opaque, clips)
            classify(item)
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
