"""Assemble a print PDF (aiming at PDF/X-4) from prepared pixels and a vector label page.

reportlab draws the label (pdf_label); pikepdf adds what reportlab does not control: the image
XObject encoded exactly once (Flate from the raw pixels, or DCT at the profile's quality), the page
boxes (MediaBox = BleedBox, or larger by a slug with crop marks; TrimBox inside), the CMYK ICC
profile as GTS_PDFX OutputIntent, the Info keys and the XMP /Metadata stream (provenance from
metadata.build_xmp plus the pdf/pdfxid/xmpMM fields PDF/X-4 asks for).
"""

from __future__ import annotations

import datetime
import io
import os
import uuid
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, String
from PIL import Image

from kilabel import __version__
from kilabel.pipeline import metadata

PT_PER_MM = 72 / 25.4
PRODUCER = (
    f"kilabel {__version__} (reportlab {__import__('reportlab').Version}, pikepdf {pikepdf.__version__})"
)
PDFX_VERSION = "PDF/X-4"
FLATE_LEVEL = 3  # 50 MP CMYK: level 3 is 3x faster than 6 and about 15 % larger
_NS = {
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfxid": "http://www.npes.org/pdfx/ns/id/",
    "xmpMM": "http://ns.adobe.com/xap/1.0/mm/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
}


@dataclass(frozen=True)
class PageBoxes:
    """Page boxes in points, (x0, y0, x1, y1) from the media's lower-left corner."""

    media: tuple[float, float, float, float]
    bleed: tuple[float, float, float, float]
    trim: tuple[float, float, float, float]


def page_boxes(trim_mm: tuple[float, float], bleed_mm: float, slug_mm: float) -> PageBoxes:
    """Trim of `trim_mm`, bleed around it, media larger by `slug_mm` (≥ bleed) around the trim."""
    w, h = trim_mm
    s, b = slug_mm * PT_PER_MM, bleed_mm * PT_PER_MM
    tw, th = w * PT_PER_MM, h * PT_PER_MM
    trim = (s, s, s + tw, s + th)
    return PageBoxes((0.0, 0.0, tw + 2 * s, th + 2 * s), (s - b, s - b, s + tw + b, s + th + b), trim)


def image_xobject(
    pdf: pikepdf.Pdf, img: Image.Image, jpeg_quality: int | None, icc: bytes | None
) -> pikepdf.Stream:
    """The pixels as an image XObject: DCT at `jpeg_quality` (encoded here, once) or Flate (lossless)."""
    if img.mode not in ("RGB", "CMYK", "L"):
        img = img.convert("RGB")
    xobj = pikepdf.Stream(pdf, b"")
    if jpeg_quality:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=jpeg_quality, subsampling=0, optimize=False)
        xobj.write(buf.getvalue(), filter=Name.DCTDecode)
        if img.mode == "CMYK":  # Pillow writes Adobe-style inverted CMYK JPEG
            xobj.Decode = Array([1, 0] * 4)
    else:
        xobj.write(flate(img), filter=Name.FlateDecode)
    xobj.Type, xobj.Subtype = Name.XObject, Name.Image
    xobj.Width, xobj.Height, xobj.BitsPerComponent = img.width, img.height, 8
    if img.mode == "CMYK":
        xobj.ColorSpace = Name.DeviceCMYK  # characterised by the OutputIntent
    elif icc:
        cs = pikepdf.Stream(pdf, icc)
        cs.N = 1 if img.mode == "L" else 3
        xobj.ColorSpace = Array([Name.ICCBased, pdf.make_indirect(cs)])
    else:
        xobj.ColorSpace = Name.DeviceGray if img.mode == "L" else Name.DeviceRGB
    return pdf.make_indirect(xobj)


def flate(img: Image.Image, level: int = FLATE_LEVEL) -> bytes:
    """The raw pixels as one zlib stream, compressed in bands on several threads (zlib releases the
    GIL): each band is raw deflate ended by a sync flush, the Adler-32 checksums are combined."""
    rows = max(1, (8 << 20) // max(1, img.width * len(img.getbands())))  # ~8 MB bands
    starts = list(range(0, img.height, rows))

    def band(y: int) -> tuple[bytes, int, int]:
        data = img.crop((0, y, img.width, min(img.height, y + rows))).tobytes()
        comp = zlib.compressobj(level, zlib.DEFLATED, -15)
        last = y == starts[-1]
        return (
            comp.compress(data) + comp.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH),
            zlib.adler32(data),
            len(data),
        )

    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        bands = list(pool.map(band, starts))
    check = 1
    for _, adler, length in bands:
        check = _adler32_combine(check, adler, length)
    return b"\x78\x5e" + b"".join(b[0] for b in bands) + check.to_bytes(4, "big")


def _adler32_combine(a1: int, a2: int, len2: int) -> int:
    """zlib's adler32_combine: the checksum of A+B from those of A and B and B's length."""
    base = 65521
    rem = len2 % base
    s1 = ((a1 & 0xFFFF) + (a2 & 0xFFFF) + base - 1) % base
    s2 = (rem * (a1 & 0xFFFF) + (a1 >> 16) + (a2 >> 16) + base - rem) % base
    return s1 | (s2 << 16)


def _pdf_date(t: datetime.datetime) -> str:
    off = t.utcoffset() or datetime.timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"D:{t:%Y%m%d%H%M%S}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def pdf_xmp(base: bytes | None, title: str, when: datetime.datetime, pdfx: bool) -> bytes:
    """The provenance packet from metadata.build_xmp with a second rdf:Description for the PDF fields."""
    esc = metadata._text
    stamp = when.isoformat(timespec="seconds")
    props = [f"   <pdf:Producer>{esc(PRODUCER)}</pdf:Producer>", "   <pdf:Trapped>False</pdf:Trapped>"]
    if pdfx:
        props.append(f"   <pdfxid:GTS_PDFXVersion>{PDFX_VERSION}</pdfxid:GTS_PDFXVersion>")
    props += [f"   <xmp:{k}>{stamp}</xmp:{k}>" for k in ("CreateDate", "ModifyDate", "MetadataDate")]
    props += [
        f"   <xmpMM:DocumentID>uuid:{uuid.uuid4()}</xmpMM:DocumentID>",
        f"   <xmpMM:InstanceID>uuid:{uuid.uuid4()}</xmpMM:InstanceID>",
        "   <xmpMM:VersionID>1</xmpMM:VersionID>",
        "   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>",
        "   <dc:format>application/pdf</dc:format>",
        f'   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{esc(title)}</rdf:li></rdf:Alt></dc:title>',
    ]
    if base is None:
        props.append(f"   <xmp:CreatorTool>{esc(metadata.CREATOR_TOOL)}</xmp:CreatorTool>")
    xmlns = "\n".join(f'    xmlns:{p}="{u}"' for p, u in _NS.items())
    desc = f'  <rdf:Description rdf:about=""\n{xmlns}>\n' + "\n".join(props) + "\n  </rdf:Description>\n"
    if base is None:
        base = (
            f'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
            f' <rdf:RDF xmlns:rdf="{metadata.NS["rdf"]}">\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="w"?>'
        ).encode()
    head, sep, tail = base.decode("utf-8").rpartition(" </rdf:RDF>")
    if not sep:
        raise ValueError("XMP packet without </rdf:RDF>")
    return (head + desc + sep + tail).encode("utf-8")


def write_print_pdf(
    path: Path,
    img: Image.Image,
    label_page: bytes,
    boxes: PageBoxes,
    *,
    jpeg_quality: int | None,
    image_icc: bytes | None,
    output_icc: bytes | None,
    output_condition: str,
    title: str,
    xmp: bytes | None,
    transparency: bool,
) -> None:
    """Write the PDF: image covering the BleedBox, the label page over it, boxes, intent, metadata."""
    pdf = pikepdf.open(io.BytesIO(label_page))
    page = pdf.pages[0]
    name = page.add_resource(image_xobject(pdf, img, jpeg_quality, image_icc), Name.XObject, prefix="KLImg")
    x0, y0, x1, y1 = boxes.bleed
    page.contents_add(
        pikepdf.Stream(pdf, f"q {x1 - x0:.4f} 0 0 {y1 - y0:.4f} {x0:.4f} {y0:.4f} cm {name} Do Q\n".encode()),
        prepend=True,
    )
    page.MediaBox = Array(boxes.media)
    page.BleedBox, page.TrimBox = Array(boxes.bleed), Array(boxes.trim)
    if transparency:
        page.Group = Dictionary(S=Name.Transparency, CS=Name.DeviceCMYK)
    pdfx = output_icc is not None
    if pdfx:
        dest = pikepdf.Stream(pdf, output_icc)
        dest.N = 4
        pdf.Root.OutputIntents = Array(
            [
                pdf.make_indirect(
                    Dictionary(
                        Type=Name.OutputIntent,
                        S=Name.GTS_PDFX,
                        OutputConditionIdentifier=String(output_condition),
                        OutputCondition=String(output_condition),
                        RegistryName=String("http://www.color.org"),
                        Info=String(output_condition),
                        DestOutputProfile=pdf.make_indirect(dest),
                    )
                )
            ]
        )
    now = datetime.datetime.now(datetime.UTC).astimezone().replace(microsecond=0)
    info = Dictionary(
        Title=String(title),
        Creator=String(metadata.CREATOR_TOOL),
        Producer=String(PRODUCER),
        CreationDate=String(_pdf_date(now)),
        ModDate=String(_pdf_date(now)),
        Trapped=Name("/False"),
    )
    if pdfx:
        info.GTS_PDFXVersion = String(PDFX_VERSION)
    pdf.trailer.Info = pdf.make_indirect(info)
    meta = pikepdf.Stream(pdf, pdf_xmp(xmp, title, now, pdfx))
    meta.Type, meta.Subtype = Name.Metadata, Name.XML
    pdf.Root.Metadata = pdf.make_indirect(meta)
    pdf.save(
        path,
        min_version="1.6",
        fix_metadata_version=False,
        stream_decode_level=pikepdf.StreamDecodeLevel.none,
        deterministic_id=False,
    )
    pdf.close()
