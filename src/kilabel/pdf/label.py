"""The label (and crop marks) as vector PDF content: a one-page PDF drawn with reportlab.

reportlab embeds a subset of the preset's TrueType font, so the text stays sharp at any size.
The geometry is exactly `label_render.place()` (canvas pixels), mapped to points by a single
transform, and the tile is laid out as `label_render.render_tile` does (padding, baseline, rotation),
so the PDF label sits where the raster preview shows it. All colour is DeviceCMYK: black text is
pure K (0/0/0/100), white is 0/0/0/0 and knocks out (overprint stays off), crop marks are
registration colour. `kilabel.export.print_pdf` lays this page over the image.
"""

from __future__ import annotations

import hashlib
import io
import string
from dataclasses import dataclass

import pikepdf
from PIL import Image
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kilabel.pipeline import eu_icon, label_render
from kilabel.pipeline.label_render import Geometry
from kilabel.presets import LabelPreset

MARK_LENGTH_MM = 5.0  # crop mark length
MARK_GAP_MM = 3.0  # marks start this far outside the trim, and never inside the bleed
MARK_WIDTH_PT = 0.25
REGISTRATION = (1.0, 1.0, 1.0, 1.0)  # crop marks print on every plate


@dataclass(frozen=True)
class PageMap:
    """Canvas pixels → PDF points: the image's lower-left corner on the page and points per pixel."""

    origin: tuple[float, float]
    pt_per_px: float
    canvas_h_px: int

    def point(self, x_px: float, y_px: float) -> tuple[float, float]:
        return self.origin[0] + x_px * self.pt_per_px, self.origin[1] + (
            self.canvas_h_px - y_px
        ) * self.pt_per_px


def mark_slug_mm(bleed_mm: float) -> float:
    """How far the page extends beyond the trim when crop marks are drawn (outside the bleed)."""
    return max(bleed_mm, MARK_GAP_MM) + MARK_LENGTH_MM + 2.0


def cmyk_for(rgb: tuple[int, int, int]) -> tuple[float, float, float, float]:
    """A label colour as DeviceCMYK, by full grey-component replacement (as the raster CMYK path does);
    neutral darks of 90 % K and more become pure K 100, so 'black' text is one clean plate."""
    c, m, y, k = label_render.rgb_to_cmyk_gcr(Image.new("RGB", (1, 1), tuple(rgb[:3]))).getpixel((0, 0))
    if c == m == y == 0 and k >= 230:
        k = 255
    return c / 255, m / 255, y / 255, k / 255


def font_name(font_file: str) -> str:
    """Register the preset's TTF with reportlab once; returns its PDF font name."""
    path = label_render.resolve_file(font_file, "fonts")
    name = "KL-" + path.stem
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


def draw_label(
    c: Canvas,
    preset: LabelPreset,
    text: str,
    geom: Geometry,
    page: PageMap,
    text_rgb: tuple,
    box_rgb: tuple,
    *,
    opaque: bool = False,
    box_opacity: float | None = None,
) -> None:
    """The label tile in vector form at `geom` (canvas pixels). With `opaque` nothing is transparent
    (for PDF/X-1a and X-3, which forbid transparency): the outline of a box-less label is solid.
    `box_opacity` replaces the preset's (label_render.print_box_opacity: 1.0 for reversed text in
    CMYK, so the box is a flat pure-K plate and the white letters knock out to paper)."""
    st = preset.style
    font_px = geom.font_px
    w, h, pad, icon = label_render._metrics(preset, text, font_px)
    f = label_render.font(st.font, font_px)
    descent = f.getbbox("g", anchor="ls")[3]
    x0, y0 = page.point(geom.x, geom.y + geom.height)
    c.saveState()
    c.translate(x0, y0)
    c.scale(page.pt_per_px, page.pt_per_px)  # from here on one unit is one canvas pixel, y up
    if geom.vertical:
        c.translate(geom.width, 0)
        c.rotate(90)  # reads upwards, as the raster tile (ROTATE_90)
    if preset.kind == "eu-icon":  # the EU icon: frame and bar as paths, letters as text (pipeline/eu_icon.py)
        alpha = 1.0 if opaque else preset.eu.opacity
        ink, counter = cmyk_for(text_rgb), cmyk_for(eu_icon.counter_colour(text_rgb))
        eu_icon.draw_vector(c, preset, text, font_px, font_name(eu_icon.FONT), ink, counter, alpha)
        c.restoreState()
        return
    if st.box == "box" and st.box_opacity > 0:
        alpha = 1.0 if opaque else st.box_opacity if box_opacity is None else box_opacity
        c.setFillColorCMYK(*cmyk_for(box_rgb))
        if alpha < 1:  # an opaque box writes no ExtGState: no transparency in the file
            c.setFillAlpha(alpha)
        c.roundRect(0, 0, w, h, st.radius * font_px, stroke=0, fill=1)
        if alpha < 1:
            c.setFillAlpha(1.0)
    name = font_name(st.font)
    x = pad + (icon + round(0.3 * font_px) if icon else 0)
    # Match Pillow's advance (it may kern) so the text fills the box as in the raster preview.
    spacing = (f.getlength(text) - pdfmetrics.stringWidth(text, name, font_px)) / max(1, len(text) - 1)
    if st.box == "none":  # outline for legibility on any background, as render_tile does
        c.saveState()  # text render mode and stroke settings are graphics state: restored below
        t = c.beginText(x, pad + descent)
        t.setFont(name, font_px)
        t.setCharSpace(spacing)
        t.setTextRenderMode(1)
        c.setStrokeColorCMYK(*cmyk_for(box_rgb))
        if not opaque:
            c.setStrokeAlpha(200 / 255)
        c.setLineWidth(2 * max(1, font_px // 14))
        c.setLineJoin(1)
        t.textOut(text)
        c.drawText(t)
        c.restoreState()
    t = c.beginText(x, pad + descent)
    t.setFont(name, font_px)
    t.setCharSpace(spacing)
    c.setFillColorCMYK(*cmyk_for(text_rgb))
    t.textOut(text)
    c.drawText(t)
    c.restoreState()


def icon_rect(preset: LabelPreset, text: str, geom: Geometry) -> tuple[int, int, int, int] | None:
    """Where the optional icon goes in the unrotated tile (x, y-from-bottom, w, h), in canvas pixels."""
    _, h, pad, icon = label_render._metrics(preset, text, geom.font_px)
    return (pad, h - pad - icon, icon, icon) if icon else None


def draw_crop_marks(c: Canvas, trim: tuple[float, float, float, float], bleed_mm: float) -> None:
    """Eight marks on the trim lines, starting outside the bleed, in registration colour."""
    x0, y0, x1, y1 = trim
    gap, length = max(bleed_mm, MARK_GAP_MM) * mm, MARK_LENGTH_MM * mm
    c.saveState()
    c.setStrokeColorCMYK(*REGISTRATION)
    c.setLineWidth(MARK_WIDTH_PT)
    for x, sx in ((x0, -1), (x1, 1)):
        for y, sy in ((y0, -1), (y1, 1)):
            c.line(x + sx * gap, y, x + sx * (gap + length), y)  # horizontal, on the trim line y
            c.line(x, y + sy * gap, x, y + sy * (gap + length))  # vertical, on the trim line x
    c.restoreState()


def overlay_pdf(media: tuple[float, float], font_file: str, draw) -> bytes:
    """A one-page PDF of `media` size (points) with whatever `draw(canvas)` puts on it. The canvas's
    initial font is the label's, so no unembedded standard font (Helvetica) is referenced."""
    buf = io.BytesIO()
    c = Canvas(
        buf,
        pagesize=media,
        pageCompression=1,
        enforceColorSpace="cmyk",
        invariant=1,
        initialFontName=font_name(font_file),
        initialFontSize=10,
    )
    draw(c)
    c.showPage()
    c.save()
    return unique_subset_tags(buf.getvalue())


def subset_tag(digest: bytes) -> str:
    """Six capital letters from a digest (ISO 32000 9.6.4: a subset's tag is six uppercase letters)."""
    n = int.from_bytes(digest[:8], "big")
    letters = []
    for _ in range(6):
        n, r = divmod(n, 26)
        letters.append(string.ascii_uppercase[r])
    return "".join(letters)


def unique_subset_tags(pdf_bytes: bytes) -> bytes:
    """reportlab tags every first subset `AAAAAA+`; two labels stamped into one document (repeated
    relabels, imposed pages) then carry different subsets under one name, which RIPs and imposition
    may mix up. Each subset gets a tag derived from a hash of its font program, widths and encoding,
    so different subsets get different names and an identical subset keeps the same one."""
    pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    changed = False
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        for key in list(fonts.keys()):
            font = fonts[key]
            base = str(font.get("/BaseFont", ""))[1:]
            desc = font.get("/FontDescriptor")
            if "+" not in base or desc is None:
                continue
            h = hashlib.sha256(base.encode())
            for k in ("/FontFile2", "/FontFile", "/FontFile3"):
                if k in desc:
                    h.update(desc[k].read_raw_bytes())
            for k in ("/Widths", "/Encoding", "/FirstChar"):
                if k in font:
                    h.update(repr(font[k]).encode())
            if "/ToUnicode" in font:
                h.update(font.ToUnicode.read_raw_bytes())
            name = pikepdf.Name("/" + subset_tag(h.digest()) + "+" + base.split("+", 1)[1])
            font.BaseFont = desc.FontName = name
            changed = True
    if not changed:
        return pdf_bytes
    out = io.BytesIO()
    pdf.save(out, stream_decode_level=pikepdf.StreamDecodeLevel.none, deterministic_id=True)
    return out.getvalue()
