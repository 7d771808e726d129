"""Relabel a finished PDF: stamp the label as vector text on chosen placed images.

The page content is not touched: each page that gets a label receives one more content stream,
a Form XObject holding a reportlab-drawn page with the labels (the preset's TTF font embedded,
DeviceCMYK colours, as pdf_label draws them for print PDFs), added with pikepdf's
Page.add_overlay, which wraps the old content in q/Q and paints the form on top (no rasterising).
A label sits at the chosen corner of the image's visible rectangle (images.visible_rect: the placed
image cut by the clipping paths in force and its mask; for a turned image the largest upright
rectangle inside), clipped into the page's TrimBox (else CropBox, else MediaBox), so it is never trimmed off. Corners
and reading direction are those of the page as shown: on a page with /Rotate the geometry is
planned in the displayed orientation and the labels are drawn upright on an overlay of the shown
page's size, which qpdf places with the page's rotation inverted; so "bottom-right" is bottom right
on screen and in print, and the text reads upright. The document's
XMP gets kilabel's fields merged in; the new PDF is signed with C2PA as the last step.
Print: in CMYK print material (a CMYK output intent, a PDF/X claim, CMYK pictures) and in PDF/X-1a,
X-3 or PDF/A-1 inputs the label has no transparency: an opaque box (pure K for the default colours)
with the letters knocked out (print_material). Standards: a PDF/X claim stays when the C2PA manifest
is a sidecar, any claim the signed file cannot meet is withdrawn with a warning (withdraw_claims);
dates and IDs are updated together in Info and XMP (sync_document_info). Earlier label overlays are
replaced: marked ones (LABEL_MARK) and those of versions before the mark (is_earlier_overlay).
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from kilabel.pdf import images as pdf_images
from kilabel.pdf import label as pdf_label
from kilabel.pdf.images import PlacedImage
from kilabel.pipeline import label_render, metadata
from kilabel.pipeline.label_render import Geometry
from kilabel.presets import LabelPreset

PX_PER_PT = 10  # geometry is computed in tenths of a point with label_render.place
MM_PER_PT = 25.4 / 72
MARGIN_SHARE = 0.04  # a label's margin is at most this share of the image's short side


Rect = tuple[float, float, float, float]


@dataclass
class Stamp:
    """One label. `area` and `box` are in the displayed page's coordinates: points from the bottom-left
    corner of the media box as shown (after /Rotate); without /Rotate and with the media box at the
    origin that is the page's own user space."""

    item: PlacedImage
    geom: Geometry  # in tenths of a point, inside `area`
    area: Rect  # the image's rectangle clipped to the trim box
    box: Rect  # where the label lands
    preset: LabelPreset
    warnings: list[str] = field(default_factory=list)


def page_trim(page: pikepdf.Page) -> tuple[float, float, float, float]:
    """TrimBox, else CropBox, else MediaBox, normalised to (x0, y0, x1, y1)."""
    for key in ("/TrimBox", "/CropBox", "/MediaBox"):
        box = page.obj.get(key)
        if box is not None:
            x0, y0, x1, y1 = (float(v) for v in box)
            return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
    return 0.0, 0.0, 612.0, 792.0


@dataclass(frozen=True)
class PageView:
    """How a page is shown: its media box and /Rotate (clockwise, a multiple of 90)."""

    media: Rect
    rotate: int = 0

    @classmethod
    def of(cls, page: pikepdf.Page) -> PageView:
        mb = [float(v) for v in page.obj.MediaBox]
        media = (min(mb[0], mb[2]), min(mb[1], mb[3]), max(mb[0], mb[2]), max(mb[1], mb[3]))
        try:
            rotate = int(page.obj.get("/Rotate", 0)) % 360
        except (TypeError, ValueError):
            rotate = 0
        return cls(media, rotate if rotate in (0, 90, 180, 270) else 0)

    @property
    def size(self) -> tuple[float, float]:
        """The media box's width and height in user space (unrotated)."""
        return self.media[2] - self.media[0], self.media[3] - self.media[1]

    def to_shown(self, x: float, y: float) -> tuple[float, float]:
        """A point in user space to the displayed page (origin bottom-left as shown)."""
        w, h = self.size
        u, v = x - self.media[0], y - self.media[1]
        return {0: (u, v), 90: (v, w - u), 180: (w - u, h - v), 270: (h - v, u)}[self.rotate]

    def rect_to_shown(self, r: Rect) -> Rect:
        pts = [self.to_shown(x, y) for x in (r[0], r[2]) for y in (r[1], r[3])]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return min(xs), min(ys), max(xs), max(ys)

    @property
    def shown_size(self) -> tuple[float, float]:
        w, h = self.size
        return (h, w) if self.rotate in (90, 270) else (w, h)


def plan(
    item: PlacedImage, trim: Rect, preset: LabelPreset, text: str, rect: Rect | None = None
) -> Stamp | None:
    """Label geometry for one placed image, or None when the image lies outside the trim box.
    `rect` and `trim` are in the same coordinates (the displayed page's); `rect` defaults to the
    image's rectangle in user space."""
    r = rect or item.rect
    x0, y0 = max(r[0], trim[0]), max(r[1], trim[1])
    x1, y1 = min(r[2], trim[2]), min(r[3], trim[3])
    if x1 - x0 < 1 or y1 - y0 < 1:
        return None
    short_mm = min(x1 - x0, y1 - y0) * MM_PER_PT
    p = preset.with_placement(
        margin_mm=min(preset.placement.margin_mm, MARGIN_SHARE * short_mm), offset_x=0.0, offset_y=0.0
    )
    canvas = (round((x1 - x0) * PX_PER_PT), round((y1 - y0) * PX_PER_PT))
    px_per_mm = PX_PER_PT / MM_PER_PT
    warn: list[str] = []
    geom = label_render.place(p, text, canvas, px_per_mm=px_per_mm)
    room = (geom.area[2] - geom.area[0], geom.area[3] - geom.area[1])
    fit = min(room[0] / geom.width, room[1] / geom.height)
    if fit < 1:  # a small image: shrink the label, never below the preset's minimum size
        size = dataclasses.replace(p.size, height_pt=max(p.size.min_pt, p.size.height_pt * fit * 0.98))
        p = dataclasses.replace(p, size=size)
        geom = label_render.place(p, text, canvas, px_per_mm=px_per_mm)
        if geom.width > room[0] or geom.height > room[1]:
            warn.append(
                f"image {item.index}: the label at its minimum size ({p.size.min_pt:g} pt) is larger "
                "than the image; it overlaps the image's edge"
            )
    if (x0, y0, x1, y1) != tuple(r):
        warn.append(f"image {item.index} reaches beyond the trim box; its label was moved inside the trim")
    bx0 = x0 + geom.x / PX_PER_PT
    by1 = y1 - geom.y / PX_PER_PT
    box = (bx0, by1 - geom.height / PX_PER_PT, bx0 + geom.width / PX_PER_PT, by1)
    return Stamp(item, geom, (x0, y0, x1, y1), box, p, warn)


def overlay_page(view: PageView, stamps: list[Stamp], text: str, opaque: bool = False) -> bytes:
    """A one-page PDF the size of the page as shown (width and height swapped by /Rotate 90 or 270)
    with every label of one page drawn upright as vector text (without transparency if `opaque`)."""

    def draw(c) -> None:
        for st in stamps:
            text_rgb, box_rgb = label_render.colors_for(st.preset, (90, 90, 90))  # dark box, light text
            page_map = pdf_label.PageMap(
                (st.area[0], st.area[1]), 1 / PX_PER_PT, round((st.area[3] - st.area[1]) * PX_PER_PT)
            )
            pdf_label.draw_label(c, st.preset, text, st.geom, page_map, text_rgb, box_rgb, opaque=opaque)

    return pdf_label.overlay_pdf(view.shown_size, stamps[0].preset.style.font, draw)


def stamp(
    pdf: pikepdf.Pdf,
    chosen: list[PlacedImage],
    preset: LabelPreset,
    text: str,
    *,
    manifest_embedded: bool = True,
) -> tuple[list[Stamp], list[str]]:
    """Add the labels for `chosen` images to `pdf` (in memory). Returns the stamps and warnings.
    `manifest_embedded`: the C2PA manifest will be embedded (else it is a sidecar), which decides
    which PDF/X claims the file may keep (withdraw_claims)."""
    done: list[Stamp] = []
    warns: list[str] = []
    by_page: dict[int, list[PlacedImage]] = {}
    # Print material (and PDF/X-1a, X-3, PDF/A-1): the box is opaque, the letters knock out.
    opaque = forbids_transparency(pdf) or print_material(pdf, chosen)
    for item in chosen:
        by_page.setdefault(item.page, []).append(item)
    for pno, items in sorted(by_page.items()):
        page = pdf.pages[pno - 1]
        view = PageView.of(page)
        trim = view.rect_to_shown(page_trim(page))
        stamps = []
        for item in items:
            st = plan(item, trim, preset, text, rect=view.rect_to_shown(item.visible or item.rect))
            if st is None:
                warns.append(f"image {item.index} (page {pno}) lies outside the trim box: not labelled")
                continue
            warns.extend(st.warnings)
            stamps.append(st)
        if not stamps:
            continue
        over = pikepdf.open(io.BytesIO(overlay_page(view, stamps, text, opaque)))
        # qpdf places the overlay with the page's /Rotate inverted (pikepdf's add_overlay), so the
        # upright overlay of the shown page's size covers the media box exactly and reads upright.
        name = page.add_overlay(over.pages[0], pikepdf.Rectangle(*view.media))
        page.obj.Resources.XObject[name][pdf_images.LABEL_MARK] = True  # so a later relabel replaces it
        done.extend(stamps)
    if done:
        warns.extend(withdraw_claims(pdf, manifest_embedded=manifest_embedded))
    return done, warns


# An overlay kilabel wrote before it set LABEL_MARK (0.1.0 from 777513a to 0364d2b; 4d606a2 added it):
# pikepdf's add_overlay of a one-page reportlab PDF, so a Form XObject under a random name whose
# resources are reportlab's own: TrueType subsets named /F1+0, graphics states /gRLs0, a ProcSet.
REPORTLAB_FONT = re.compile(r"/F\d+\+\d+")
REPORTLAB_GSTATE = re.compile(r"/gRLs\d+")
REPORTLAB_RESOURCES = {"/Font", "/ExtGState", "/ProcSet"}


def is_earlier_overlay(form: pikepdf.Object, view: PageView) -> bool:
    """Does this form look like a label overlay of an earlier kilabel (without LABEL_MARK)? Only its
    own signature counts: the page's size (as shown, or unrotated) as /BBox, the identity /Matrix,
    nothing in its resources but reportlab's embedded TrueType subsets and graphics states, and
    text shown with them. Asked only of documents whose XMP says kilabel labelled them."""
    if not isinstance(form, pikepdf.Stream) or form.get("/Subtype") != pikepdf.Name.Form:
        return False
    try:
        bbox = [float(v) for v in form.get("/BBox", [])]
        matrix = [float(v) for v in form.get("/Matrix", [1, 0, 0, 1, 0, 0])]
        res = form.get("/Resources", pikepdf.Dictionary())
        fonts = res.get("/Font", pikepdf.Dictionary())
        states = res.get("/ExtGState", pikepdf.Dictionary())
        if (
            len(bbox) != 4
            or matrix != [1, 0, 0, 1, 0, 0]
            or not any(  # the page as shown (since /Rotate support), or its media box (0.1.0)
                all(abs(a - b) <= 0.5 for a, b in zip(bbox, (0, 0, *size), strict=True))
                for size in (view.shown_size, view.size)
            )
            or not set(res.keys()) <= REPORTLAB_RESOURCES
            or not fonts
            or not all(REPORTLAB_FONT.fullmatch(k) for k in fonts.keys())
            or not all(REPORTLAB_GSTATE.fullmatch(k) for k in states.keys())
            or not all("+" in str(f.get("/BaseFont", "")) and "/FontDescriptor" in f for f in fonts.values())
        ):
            return False
        return re.search(rb"/F\d+\+\d+\s+[-+.\d]+\s+Tf", form.read_bytes()) is not None
    except (pikepdf.PdfError, AttributeError, TypeError, ValueError):  # damaged: not something we wrote
        return False


def labelled_by_kilabel(pdf: pikepdf.Pdf) -> bool:
    """Does the document's XMP carry a kilabel label (kilabel:LabelText)?"""
    found = pdf_images.xmp_of(pdf.Root)
    return bool(found and found[1].text)


def remove_labels(pdf: pikepdf.Pdf) -> int:
    """Take kilabel's earlier label overlays off every page: the forms marked with LABEL_MARK and,
    in a document kilabel labelled, the unmarked overlays earlier versions wrote (is_earlier_overlay);
    with each, the `q … cm /Name Do Q` that add_overlay wrote to paint it (the rest of the content
    stays as it is). Returns how many were removed."""
    removed = 0
    earlier = labelled_by_kilabel(pdf)
    for page in pdf.pages:
        xobjects = page.obj.get("/Resources", {}).get("/XObject")
        if not isinstance(xobjects, pikepdf.Dictionary):
            continue
        view = PageView.of(page)
        ours = [
            k
            for k, v in xobjects.items()
            if isinstance(v, pikepdf.Stream)
            and (pdf_images.LABEL_MARK in v or (earlier and is_earlier_overlay(v, view)))
        ]
        contents = page.obj.get("/Contents")
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        for name in ours:
            paint = re.compile(rb"q\s+(?:[-+.\d]+\s+){6}cm\s+" + re.escape(name.encode()) + rb"\s+Do\s+Q\s*")
            for st in streams:
                if not isinstance(st, pikepdf.Stream):
                    continue
                data = st.read_bytes()
                new, n = paint.subn(b"", data)
                if n:
                    st.write(new)
                    del xobjects[name]
                    removed += 1
                    break
    return removed


def merge_document_xmp(pdf: pikepdf.Pdf, prov, label, description: str) -> None:
    """Merge kilabel's fields into the catalog's XMP, keeping the layout program's own."""
    old = pdf.Root.get("/Metadata")
    old_packet = old.read_bytes() if isinstance(old, pikepdf.Stream) else None  # /Metadata must be a stream
    packet = metadata.merge_xmp(old_packet, prov, label, description)
    stream = pikepdf.Stream(pdf, packet)
    stream.Type, stream.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
    pdf.Root.Metadata = pdf.make_indirect(stream)
    sync_document_info(pdf)


PRODUCER = f"{metadata.CREATOR_TOOL} (pikepdf {pikepdf.__version__})"
# Standards whose files must not contain transparency (the label box is drawn opaque in them).
OPAQUE_STANDARDS = ("PDF/X-1", "PDF/X-3", "PDF/A-1")
XMP_CLAIMS = ("pdfxid:GTS_PDFXVersion", "pdfaid:part", "pdfaid:conformance", "pdfaid:amd", "pdfaid:rev")


def declared_standards(pdf: pikepdf.Pdf) -> list[str]:
    """The PDF/X and PDF/A versions the document claims, in its Info dictionary or its XMP."""
    found: list[str] = []
    info = pdf.trailer.get("/Info")
    if isinstance(info, pikepdf.Dictionary) and "/GTS_PDFXVersion" in info:
        found.append(str(info.GTS_PDFXVersion))
    try:
        meta = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        pdfx, part = meta.get("pdfxid:GTS_PDFXVersion"), meta.get("pdfaid:part")
    except Exception:  # an unreadable packet claims nothing we can keep
        pdfx = part = None
    if pdfx:
        found.append(str(pdfx))
    if part:
        found.append(f"PDF/A-{part}{str(meta.get('pdfaid:conformance') or '').lower()}")
    return list(dict.fromkeys(found))


def output_intent_components(pdf: pikepdf.Pdf) -> set[int]:
    """The colour components (/N) of the document's output intent profiles: {4} for CMYK print."""
    found: set[int] = set()
    intents = pdf.Root.get("/OutputIntents")
    for intent in intents if isinstance(intents, pikepdf.Array) else []:
        try:
            profile = intent.get("/DestOutputProfile")
            if isinstance(profile, pikepdf.Stream):
                found.add(int(profile.get("/N", 0)))
        except (AttributeError, TypeError, ValueError):  # a damaged intent describes nothing
            continue
    return found


def print_material(pdf: pikepdf.Pdf, chosen: list[PlacedImage]) -> bool:
    """Is this a file for the press: a CMYK output intent, a PDF/X claim, or CMYK pictures among
    those to be labelled? Its label is drawn as print wants it (issue 12.10): an opaque pure-K box
    (0/0/0/100, DeviceCMYK) with the letters knocked out to paper white; under a translucent box the
    picture's cyan and magenta would print beneath the letters. Screen PDFs keep the preset's box."""
    return (
        4 in output_intent_components(pdf)
        or any(s.startswith("PDF/X") for s in declared_standards(pdf))
        or any(i.cmyk for i in chosen)
    )


def forbids_transparency(pdf: pikepdf.Pdf) -> bool:
    """Does the document claim a standard without transparency (PDF/X-1a, PDF/X-3, PDF/A-1)?"""
    return any(s.startswith(OPAQUE_STANDARDS) for s in declared_standards(pdf))


def kept_claims(pdf: pikepdf.Pdf, manifest_embedded: bool) -> tuple[list[str], str]:
    """Which of the declared claims the relabelled file still meets, and why the others go.

    The label itself breaks none of the PDF/X standards once it is opaque (print_material): DeviceCMYK
    colour, an embedded TrueType subset, no transparency, a Form XObject. What breaks them is the C2PA
    manifest when it is embedded as the SDK writes it: an associated file (catalog /AF, an
    EmbeddedFiles entry, a FileSpec with /UF and the non-standard `/Type /FileSpec`), which PDF/X-1a
    and X-3 (PDF 1.3/1.4) do not know and PDF/X-4 (PDF 1.6, no associated files) does not provide
    for. So a PDF/X claim stays when the manifest is a sidecar and the output intent is CMYK (the
    label's DeviceCMYK needs it). PDF/A claims always go: PDF/A-1/2 forbid such attachments, PDF/A-3
    wants a /Filespec, and kilabel does not check the relabelled file against PDF/A.
    """
    reasons = []
    if manifest_embedded:
        reasons.append("the embedded C2PA manifest (an attached file) is not allowed there")
    if 4 not in output_intent_components(pdf):
        reasons.append("the label's DeviceCMYK colour needs a CMYK output intent, which the file lacks")
    if reasons:
        return [], " and ".join(reasons)
    kept = [c for c in declared_standards(pdf) if c.startswith("PDF/X")]
    return kept, "kilabel does not check a relabelled file against PDF/A"


def withdraw_claims(pdf: pikepdf.Pdf, *, manifest_embedded: bool = True) -> list[str]:
    """Remove the PDF/X and PDF/A claims the relabelled file will not meet (kept_claims says which
    stay); returns the warnings. The OutputIntent stays as a description of the intended printing
    condition. With the manifest embedded the file is marked PDF 1.7 (catalog /Version), the level
    of /UF; a sidecar leaves the version as it is (PDF/X-1a:2003 is PDF 1.4)."""
    claims = declared_standards(pdf)
    if manifest_embedded and pdf.pdf_version < "1.7":
        pdf.Root.Version = pikepdf.Name("/1.7")
    if not claims:
        return []
    kept, why = kept_claims(pdf, manifest_embedded)
    gone = [c for c in claims if c not in kept]
    warns = []
    if kept:
        warns.append(
            f"the input declares {' and '.join(kept)}; the relabelled file keeps it: the label is drawn "
            "without transparency and the C2PA manifest goes to the sidecar NAME.c2pa (PDF/X has no place "
            "for it)"
        )
    if not gone:
        return warns
    info = pdf.trailer.get("/Info")
    if isinstance(info, pikepdf.Dictionary) and not any(c.startswith("PDF/X") for c in kept):
        for key in ("/GTS_PDFXVersion", "/GTS_PDFXConformance"):
            if key in info:
                del info[key]
    drop = [k for k in XMP_CLAIMS if k.startswith("pdfaid:") or not kept]
    try:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            for key in drop:
                if key in meta:
                    del meta[key]
    except Exception:  # an unreadable packet is replaced by merge_document_xmp
        pass
    what = " and ".join(gone)
    opaque = " The label box was drawn opaque." if any(c.startswith(OPAQUE_STANDARDS) for c in gone) else ""
    warns.append(
        f"the input declares {what}; the relabelled file no longer claims it, since {why}. Export it "
        f"again as {what} from the layout program if the printer needs it.{opaque}"
    )
    return warns


def sync_document_info(pdf: pikepdf.Pdf, now: datetime.datetime | None = None) -> None:
    """Update the dates and IDs of a modified document together, in Info and XMP: ModDate =
    xmp:ModifyDate = xmp:MetadataDate = now, a new xmpMM:InstanceID (DocumentID stays: it is the
    same document), Producer = pdf:Producer = kilabel, Info /Creator = xmp:CreatorTool."""
    now = now or datetime.datetime.now(datetime.UTC).astimezone().replace(microsecond=0)
    info = pdf.trailer.get("/Info")
    if not isinstance(info, pikepdf.Dictionary):
        info = pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary())
    try:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            stamp_ = now.isoformat(timespec="seconds")
            meta["xmp:ModifyDate"] = meta["xmp:MetadataDate"] = stamp_
            meta["xmpMM:InstanceID"] = f"uuid:{uuid.uuid4()}"
            if "xmpMM:DocumentID" not in meta:
                meta["xmpMM:DocumentID"] = f"uuid:{uuid.uuid4()}"
            meta["pdf:Producer"] = PRODUCER
            creator = str(meta.get("xmp:CreatorTool") or "")
    except Exception:  # an unreadable packet: Info is still updated
        creator = ""
    off = int((now.utcoffset() or datetime.timedelta(0)).total_seconds() // 60)
    sign = "+" if off >= 0 else "-"
    info.ModDate = pikepdf.String(f"D:{now:%Y%m%d%H%M%S}{sign}{abs(off) // 60:02d}'{abs(off) % 60:02d}'")
    info.Producer = pikepdf.String(PRODUCER)
    if creator:
        info.Creator = pikepdf.String(creator)


def select(
    items: list[PlacedImage],
    *,
    all_images: bool = False,
    indices: str = "",
    from_provenance: bool = False,
    document_ai: bool = False,
) -> list[PlacedImage]:
    """The images to label: every picture (see images.classify), by 1-based listing index (any
    image), or those whose provenance says AI (the image's own XMP, or the document's when it
    declares AI and a picture says nothing)."""
    if indices:  # forced: any image, picture or not
        wanted = set(pdf_images.parse_indices(indices, len(items)))
        return [i for i in items if i.index in wanted]
    if all_images:  # every picture: logos, 1-bit masks, inline images and specks are left out
        return [i for i in items if i.picture]
    if from_provenance:
        return [
            i
            for i in items
            if i.provenance.is_ai or (document_ai and i.picture and not i.provenance.source_type)
        ]
    return []


def document_provenance(pdf: pikepdf.Pdf):
    found = pdf_images.xmp_of(pdf.Root)
    return found if found else None


def list_for_cli(path: Path) -> str:
    items = pdf_images.list_file(path)
    pictures = sum(1 for i in items if i.picture)
    lines = [
        f"{path}: {len(items)} placed images, {pictures} pictures "
        "(--all-images labels these; --images labels any)"
    ]
    lines += [i.describe() for i in items]
    return "\n".join(lines)
