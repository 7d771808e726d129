"""The EU icon for AI-generated content (EU Code of Practice on Transparency of AI-Generated Content,
Section 2, June 2026), drawn by kilabel from the Code's description, not copied from the EU's files.

The Code's set has a basic icon (AI was involved), one for fully AI-generated and one for partially
AI-modified content, each black, white, or either at 50 % opacity, and recommends a short text
label beside it (README "EU icon presets"). kilabel's artwork: a rounded badge in the ink colour
with a capital "KI"/"AI" (by the label's language) in the counter colour (white on black, black on
white); under the letters a bar, full for *fully generated*, half filled for *partially modified*,
absent for the basic icon; optionally the level's wording to the right, in the ink colour. Solid
letters on a solid badge are what text recognition (check/ocr.py) reads; outlined or bare letters
it did not, on the test photos. In CMYK print the white letters on a black badge are paper white
(0/0/0/0), knocked out of a pure-K plate.

One `Layout` (tile pixels, y down) serves both drawings, so the print PDF's vector icon sits exactly
where the raster preview shows it: `render_tile` (Pillow, supersampled so edges stay crisp at any
size) and `draw_vector` (reportlab paths and text on the label's canvas, so print stays vector).
Qt-free, like the whole core.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from kilabel import paths
from kilabel.presets import LabelPreset

FONT = "NotoSans-Bold.ttf"  # the shipped font (assets/fonts); the icon does not follow style.font
# Proportions in em (the label's font size in pixels), chosen for legibility at the smallest sizes
# (min_px 14: an icon about 30 px high whose bar is still 4 px high) and a badge that reads as one sign.
MARK_EM = 1.15  # letter size
STROKE_EM = 0.06  # outline of the bar's empty half: thin, so its inside stays open at small sizes
PAD_EM = 0.32  # inside the badge, around letters and bar
BAR_EM = 0.3  # bar height
BAR_GAP_EM = 0.2  # letters to bar
RADIUS_EM = 0.32
MIN_WIDTH_EM = 2.0  # the badge is at least this wide, so "KI" and "AI" icons have one size
TEXT_GAP_EM = 0.45  # icon to text line
BAR_FILL = {"generated": 1.0, "modified": 0.5, "basic": 0.0}


@dataclass(frozen=True)
class Layout:
    """Where each part of the icon goes, in tile pixels (y down, floats; the tile is width × height)."""

    width: int
    height: int
    badge_width: int
    stroke: float
    radius: float
    mark: str
    mark_size: int
    mark_x: float
    mark_baseline: float
    bar: tuple[float, float, float, float] | None  # x0, y0, x1, y1 of the whole bar
    bar_fill: float  # share of the bar that is filled (1, 0.5); the rest is outlined
    text: str
    text_size: int
    text_x: float
    text_baseline: float


@functools.lru_cache(maxsize=32)
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(paths.asset("fonts", FONT)), max(1, size))


def _cap(f: ImageFont.FreeTypeFont) -> float:
    """Cap height in pixels (the letters are capitals; centring uses it rather than ascent)."""
    return -f.getbbox("H", anchor="ls")[1]


def layout(preset: LabelPreset, text: str, font_px: int) -> Layout:
    """The icon's parts for the preset and the label's wording (whose level and language it reads back)."""
    level, lang = preset.eu_reading(text)
    em = float(font_px)
    mark = preset.eu.mark.get(lang) or preset.eu.mark.get("en") or "AI"
    mark_size = max(1, round(MARK_EM * em))
    mf = font(mark_size)
    stroke, pad = max(1.0, STROKE_EM * em), max(2.0, PAD_EM * em)
    fill = BAR_FILL[level]
    bar_h = max(2.0, BAR_EM * em) if fill else 0.0
    inner_h = _cap(mf) + (BAR_GAP_EM * em + bar_h if fill else 0.0)
    height = round(inner_h + 2 * pad)
    badge_w = round(max(MIN_WIDTH_EM * em, mf.getlength(mark) + 2 * pad))
    top = (height - inner_h) / 2  # letters (and bar) centred in the badge
    bar = None
    if fill:
        y1 = top + inner_h
        bar = (pad, y1 - bar_h, badge_w - pad, y1)
    shown = text if preset.eu.text_line else ""
    tf = font(font_px)
    text_x = badge_w + TEXT_GAP_EM * em
    width = round(text_x + tf.getlength(shown)) if shown else badge_w
    return Layout(
        width=width,
        height=height,
        badge_width=badge_w,
        stroke=stroke,
        radius=RADIUS_EM * em,
        mark=mark,
        mark_size=mark_size,
        mark_x=(badge_w - mf.getlength(mark)) / 2,
        mark_baseline=top + _cap(mf),
        bar=bar,
        bar_fill=fill,
        text=shown,
        text_size=font_px,
        text_x=text_x,
        text_baseline=(height + _cap(tf)) / 2,
    )


def tile_size(preset: LabelPreset, text: str, font_px: int) -> tuple[int, int]:
    lay = layout(preset, text, font_px)
    return lay.width, lay.height


def _supersampling(font_px: int) -> int:
    """Drawn larger and reduced (Pillow's shapes are not anti-aliased); less for large icons, whose
    edges are many pixels long already and whose mask would otherwise take much memory."""
    return 4 if font_px <= 64 else 2 if font_px <= 256 else 1


def counter_colour(rgb: tuple) -> tuple[int, int, int]:
    """The letters' colour on a badge of `rgb`: white on dark ink, black on light."""
    r, g, b = rgb[:3]
    return (0, 0, 0) if 0.2126 * r + 0.7152 * g + 0.0722 * b > 127 else (255, 255, 255)


def masks(lay: Layout, ss: int) -> tuple[Image.Image, Image.Image]:
    """(ink, counter) coverage (L) at tile size, drawn at `ss` times it: ink is the badge and the text
    line, counter the letters and the bar on the badge."""
    size = (lay.width * ss, lay.height * ss)
    ink, counter = Image.new("L", size, 0), Image.new("L", size, 0)
    di, dc = ImageDraw.Draw(ink), ImageDraw.Draw(counter)
    s = lambda v: round(v * ss)  # noqa: E731 - tile pixels to mask pixels
    di.rounded_rectangle((0, 0, s(lay.badge_width) - 1, size[1] - 1), radius=s(lay.radius), fill=255)
    dc.text(
        (s(lay.mark_x), s(lay.mark_baseline)), lay.mark, font=font(lay.mark_size * ss), fill=255, anchor="ls"
    )
    if lay.bar:
        x0, y0, x1, y1 = lay.bar
        split = x0 + (x1 - x0) * lay.bar_fill
        dc.rectangle((s(x0), s(y0), s(split) - 1, s(y1) - 1), fill=255)
        if lay.bar_fill < 1:  # the empty part of the bar as an outline: "partly"
            dc.rectangle((s(split), s(y0), s(x1) - 1, s(y1) - 1), outline=255, width=max(1, s(lay.stroke)))
    if lay.text:
        di.text(
            (s(lay.text_x), s(lay.text_baseline)),
            lay.text,
            font=font(lay.text_size * ss),
            fill=255,
            anchor="ls",
        )
    if ss > 1:
        ink, counter = ink.reduce(ss), counter.reduce(ss)
    return ink, counter


def render_tile(preset: LabelPreset, text: str, geom, rgb: tuple) -> Image.Image:
    """The icon as an RGBA tile of the geometry's size (`geom`: label_render.Geometry): badge and text
    line in `rgb`, letters and bar in its counter colour, all at the preset's opacity; rotated for a
    vertical placement as label_render.render_tile does."""
    lay = layout(preset, text, geom.font_px)
    ink, counter = masks(lay, _supersampling(geom.font_px))
    opacity = preset.eu.opacity
    if opacity < 1:
        ink = ink.point(lambda a: round(a * opacity))
    base = Image.new("RGBA", ink.size, tuple(rgb[:3]) + (0,))
    base.putalpha(ink)
    top = Image.new("RGBA", ink.size, counter_colour(rgb) + (0,))
    top.putalpha(ink)
    tile = Image.composite(top, base, counter)
    if geom.vertical:
        tile = tile.transpose(Image.Transpose.ROTATE_90)
    if tile.size != (geom.width, geom.height):
        tile = tile.resize((geom.width, geom.height), Image.Resampling.LANCZOS)
    return tile


def draw_vector(
    c,
    preset: LabelPreset,
    text: str,
    font_px: int,
    font_name: str,
    cmyk: tuple,
    counter_cmyk: tuple,
    alpha: float,
) -> None:
    """The icon on a reportlab canvas whose unit is one tile pixel with y up and the origin at the tile's
    lower-left corner (pdf/label.draw_label sets that up). Badge and bar are paths, letters and text
    line text in the embedded font; `alpha` < 1 draws the semi-transparent variant."""
    from reportlab.pdfbase import pdfmetrics

    lay = layout(preset, text, font_px)
    h = lay.height
    c.saveState()
    if alpha < 1:
        c.setFillAlpha(alpha)
        c.setStrokeAlpha(alpha)
    c.setFillColorCMYK(*cmyk)
    c.roundRect(0, 0, lay.badge_width, h, lay.radius, stroke=0, fill=1)
    c.setFillColorCMYK(*counter_cmyk)
    c.setStrokeColorCMYK(*counter_cmyk)
    if lay.bar:
        x0, y0, x1, y1 = lay.bar
        split = x0 + (x1 - x0) * lay.bar_fill
        c.rect(x0, h - y1, split - x0, y1 - y0, stroke=0, fill=1)
        if lay.bar_fill < 1:  # the outline lies inside the bar's box, as Pillow draws it
            w = lay.stroke
            c.setLineWidth(w)
            c.rect(split + w / 2, h - y1 + w / 2, x1 - split - w, y1 - y0 - w, stroke=1, fill=0)
    for words, size, x, baseline, colour in (
        (lay.mark, lay.mark_size, lay.mark_x, lay.mark_baseline, counter_cmyk),
        (lay.text, lay.text_size, lay.text_x, lay.text_baseline, cmyk),
    ):
        if not words:
            continue
        # Match Pillow's advance (it may kern) so the words take the width the raster layout gave them
        spacing = (font(size).getlength(words) - pdfmetrics.stringWidth(words, font_name, size)) / max(
            1, len(words) - 1
        )
        c.setFillColorCMYK(*colour)
        t = c.beginText(x, h - baseline)
        t.setFont(font_name, size)
        t.setCharSpace(spacing)
        t.textOut(words)
        c.drawText(t)
    c.restoreState()
