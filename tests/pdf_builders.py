"""Test PDFs with placed images, built with pikepdf: scaled, rotated, nested in a form XObject,
bleeding over the trim; and a LibreOffice Draw document (flat ODF XML) for a real layout program."""

from __future__ import annotations

import base64
import io
import math
import shutil
import subprocess
import zlib
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name
from PIL import Image, ImageDraw

AI_XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
    b'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">'
    b"<Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
    b"</Iptc4xmpExt:DigitalSourceType><Iptc4xmpExt:AISystemUsed>Midjourney</Iptc4xmpExt:AISystemUsed>"
    b'</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>'
)
BLEED = 8.5  # 3 mm
ICC = Path(__file__).resolve().parents[1] / "assets" / "icc" / "kilabel-FOGRA39.icc"  # a CMYK profile
A4 = (595.28, 841.89)
# (page, rect in page points) of each placement in brochure(), listing order
PLACEMENTS = {
    1: (1, (60.0, 600.0, 300.0, 780.0)),  # scaled
    2: (1, None),  # rotated 30°, bounding box computed in the test helper
    3: (2, (100.0, 100.0, 300.0, 250.0)),  # inside a form XObject with its own matrix
    4: (2, (450.0, 700.0, 650.0, 850.0)),  # reaches over the right trim edge and into the bleed
}
ROTATED = (330.0, 250.0, 200.0, 150.0, 30.0)  # x, y, w, h, degrees


def light_image(rgb, size=(160, 120)) -> Image.Image:
    img = Image.new("RGB", size, rgb)
    ImageDraw.Draw(img).ellipse(
        (size[0] // 3, size[1] // 3, size[0] // 2, size[1] // 2), fill=(200, 200, 200)
    )
    return img


def image_xobject(pdf: pikepdf.Pdf, img: Image.Image, xmp: bytes | None = None) -> pikepdf.Stream:
    s = pikepdf.Stream(pdf, zlib.compress(img.convert("RGB").tobytes()))
    s.Type, s.Subtype, s.Filter = Name.XObject, Name.Image, Name.FlateDecode
    s.Width, s.Height, s.BitsPerComponent, s.ColorSpace = img.width, img.height, 8, Name.DeviceRGB
    if xmp:
        meta = pikepdf.Stream(pdf, xmp)
        meta.Type, meta.Subtype = Name.Metadata, Name.XML
        s.Metadata = pdf.make_indirect(meta)
    return pdf.make_indirect(s)


def rotated_cm() -> str:
    x, y, w, h, deg = ROTATED
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return f"{w * c:.4f} {w * s:.4f} {-h * s:.4f} {h * c:.4f} {x} {y} cm"


def rotated_rect() -> tuple[float, float, float, float]:
    x, y, w, h, deg = ROTATED
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    pts = [(x + u * w * c - v * h * s, y + u * w * s + v * h * c) for u in (0, 1) for v in (0, 1)]
    return min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts)


def expected_rect(index: int) -> tuple[float, float, float, float]:
    return rotated_rect() if index == 2 else PLACEMENTS[index][1]


def _page(pdf: pikepdf.Pdf, content: bytes, xobjects: dict) -> pikepdf.Page:
    media = [0, 0, A4[0] + 2 * BLEED, A4[1] + 2 * BLEED]
    font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    page = pikepdf.Page(
        Dictionary(
            Type=Name.Page,
            MediaBox=Array(media),
            TrimBox=Array([BLEED, BLEED, A4[0] + BLEED, A4[1] + BLEED]),
            Resources=Dictionary(XObject=Dictionary(xobjects), Font=Dictionary(F1=font)),
            Contents=pdf.make_stream(content),
        )
    )
    pdf.pages.append(page)
    return page


def brochure(path: Path) -> Path:
    """Two A4 pages with bleed: text, a scaled image, a rotated image, an image in a form XObject
    (the AI one, with XMP) and one bleeding over the trim."""
    pdf = pikepdf.new()
    a = image_xobject(pdf, light_image((250, 240, 170)))
    b = image_xobject(pdf, light_image((190, 240, 250)))
    c = image_xobject(pdf, light_image((250, 200, 220)), AI_XMP)
    d = image_xobject(pdf, light_image((200, 250, 200)))
    text1 = b"BT /F1 24 Tf 60 500 Td (Buchstadt Leipzig 2025) Tj ET\n"
    _page(
        pdf,
        text1 + b"q 240 0 0 180 60 600 cm /ImA Do Q\nq " + rotated_cm().encode() + b" /ImB Do Q\n",
        {"/ImA": a, "/ImB": b},
    )
    form = pikepdf.Stream(pdf, b"q 400 0 0 300 0 0 cm /ImC Do Q")
    form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, Array([0, 0, 400, 300])
    form.Matrix = Array([0.5, 0, 0, 0.5, 100, 100])
    form.Resources = Dictionary(XObject=Dictionary(ImC=c))
    text2 = b"BT /F1 18 Tf 60 400 Td (Lesefest im Fruehling) Tj ET\n"
    _page(
        pdf,
        text2 + b"q 1 0 0 1 0 0 cm /Fm0 Do Q\nq 200 0 0 150 450 700 cm /ImD Do Q\n",
        {"/Fm0": pdf.make_indirect(form), "/ImD": d},
    )
    pdf.save(path, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return path


def rotated_page(path: Path, rotate: int) -> Path:
    """One A4 page with bleed, shown turned by /Rotate `rotate`, with one image placed at
    PLACEMENTS[1]'s rectangle (in the unrotated user space) and a line of text."""
    pdf = pikepdf.new()
    a = image_xobject(pdf, light_image((250, 240, 170), (240, 180)))
    page = _page(
        pdf,
        b"BT /F1 24 Tf 60 500 Td (Buchstadt Leipzig 2025) Tj ET\nq 240 0 0 180 60 600 cm /ImA Do Q\n",
        {"/ImA": a},
    )
    page.obj.Rotate = rotate
    pdf.save(path)
    return path


def render_rgb(pdf: Path, page: int, out_dir: Path, dpi: int = 72) -> Image.Image:
    """Page `page` as poppler shows it (/Rotate applied), in colour."""
    prefix = out_dir / f"render-rgb-{pdf.stem}-{page}-{dpi}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            "-png",
            str(pdf),
            str(prefix),
        ],
        check=True,
        capture_output=True,
    )
    return Image.open(f"{prefix}.png").convert("RGB")


def render(pdf: Path, page: int, out_dir: Path) -> Image.Image:
    """Page `page` rendered by poppler at 72 dpi (one pixel per point)."""
    prefix = out_dir / f"render-{pdf.stem}-{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "72",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            "-png",
            str(pdf),
            str(prefix),
        ],
        check=True,
        capture_output=True,
    )
    return Image.open(f"{prefix}.png").convert("L")


def dark_share(img: Image.Image, rect_pt, media_h: float) -> float:
    """Share of dark pixels (< 80) inside a rectangle given in page points (y up)."""
    x0, y0, x1, y1 = rect_pt
    crop = img.crop((round(x0), round(media_h - y1), round(x1), round(media_h - y0)))
    hist = crop.histogram()
    return sum(hist[:80]) / max(1, crop.width * crop.height)


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        pytest.fail(
            "soffice is missing: install the Debian package 'libreoffice-draw-nogui' (tools/setup.sh does)",
            pytrace=False,
        )
    return exe


def draw_document(
    path: Path, images: list[tuple[Image.Image, tuple[float, float, float, float], float]]
) -> Path:
    """A flat ODF drawing (.fodg, A4) with PNG images placed at (x, y, w, h) in cm from the top-left,
    rotated by the given degrees, plus a text frame; LibreOffice Draw exports it to PDF."""
    frames = []
    for n, (img, (x, y, w, h), rot) in enumerate(images):
        buf = io.BytesIO()
        img.save(buf, "PNG")
        data = base64.b64encode(buf.getvalue()).decode()
        transform = ""
        if rot:
            transform = f' draw:transform="rotate ({math.radians(rot):.6f}) translate ({x}cm {y + h}cm)"'
            pos = f'svg:width="{w}cm" svg:height="{h}cm"'
        else:
            pos = f'svg:x="{x}cm" svg:y="{y}cm" svg:width="{w}cm" svg:height="{h}cm"'
        frames.append(
            f'<draw:frame draw:name="Bild{n + 1}" {pos}{transform}><draw:image>'
            f"<office:binary-data>{data}</office:binary-data></draw:image></draw:frame>"
        )
    text = (
        '<draw:frame svg:x="2cm" svg:y="1cm" svg:width="16cm" svg:height="2cm"><draw:text-box>'
        "<text:p>Buchstadt Leipzig 2025 Lesefest</text:p></draw:text-box></draw:frame>"
    )
    return write_odg(path, "".join(frames) + text)


def write_odg(path: Path, frames: str, styles: str = "") -> Path:
    """A one-page A4 LibreOffice Draw document (flat ODG) holding `frames`; `styles` adds automatic
    graphic styles (e.g. a crop)."""
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.graphics">
<office:automatic-styles><style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm"
 fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="21cm" fo:page-height="29.7cm"
 style:print-orientation="portrait"/></style:page-layout>{styles}</office:automatic-styles>
<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1"/></office:master-styles>
<office:body><office:drawing><draw:page draw:name="Seite1" draw:master-page-name="Default">
{frames}
</draw:page></office:drawing></office:body></office:document>"""
    path.write_text(xml, encoding="utf-8")
    return path


def convert_to_pdf(src: Path, out_dir: Path) -> Path:
    exe = soffice()
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = out_dir / (src.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice did not write {pdf}"
    return pdf
