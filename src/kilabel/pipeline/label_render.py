"""Visible label: geometry (size, margin, anchor) and drawing. The GUI preview uses the same code.

Only the label's region is composited (crop, draw, alpha_composite, paste back), so a label on a
100 MP poster costs about as much as one on a web image. Rounded corners are drawn at 4x and
reduced, since Pillow's rounded_rectangle is not anti-aliased.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageStat

from kilabel import paths
from kilabel.errors import ConfigError
from kilabel.pipeline import eu_icon
from kilabel.presets import LabelPreset

MM_PER_PT = 25.4 / 72
# Legibility: capital letters at least 1/250 of the viewing distance high (README "Print": signage
# charts give 1 inch of cap height per 24-25 ft as the longest reading distance, about 1/290-1/300;
# 1/250 keeps a little in hand for a label that must be read at first sight)
CAP_HEIGHT_PER_DISTANCE = 1 / 250


@dataclass(frozen=True)
class Geometry:
    """Where the label goes on a canvas, in that canvas's pixels."""

    x: int  # top-left of the label's bounding box (after rotation)
    y: int
    width: int
    height: int
    font_px: int
    vertical: bool
    area: tuple[int, int, int, int]  # the allowed area (trim inset by the margin)

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (self.x, self.y, self.x + self.width, self.y + self.height)

    def scaled(self, s: float) -> Geometry:
        a = self.area
        return Geometry(
            round(self.x * s),
            round(self.y * s),
            max(1, round(self.width * s)),
            max(1, round(self.height * s)),
            max(1, round(self.font_px * s)),
            self.vertical,
            (round(a[0] * s), round(a[1] * s), round(a[2] * s), round(a[3] * s)),
        )


def resolve_file(name: str, folder: str) -> Path:
    path = Path(name)
    if path.is_absolute() or path.exists():
        return path
    return paths.asset(folder, name)


@functools.lru_cache(maxsize=64)
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resolve_file(name, "fonts")), size)


def preset_font(preset: LabelPreset, size: int) -> ImageFont.FreeTypeFont:
    """The preset's font. A font file that is missing or no font is the preset's error, said so
    (FreeType's own words are "cannot open resource", which blames nothing in particular)."""
    name = preset.style.font
    try:
        return font(name, size)
    except OSError as exc:
        path = resolve_file(name, "fonts")
        where = "" if Path(name).is_absolute() else f" (looked in {path.parent})"
        what = "is not a font kilabel can use" if path.is_file() else "not found"
        raise ConfigError(f"preset '{preset.id}': font file '{name}' {what}{where}") from exc


@functools.lru_cache(maxsize=16)
def _icon(name: str) -> Image.Image:
    return Image.open(resolve_file(name, "icons")).convert("RGBA")


def distance_pt(preset: LabelPreset, viewing_distance_m: float) -> float:
    """The text size in points whose capital letters (in the preset's font) are legible from
    `viewing_distance_m`: cap height ≥ distance × CAP_HEIGHT_PER_DISTANCE. 0 without a distance."""
    if viewing_distance_m <= 0:
        return 0.0
    cap_em = -preset_font(preset, 1000).getbbox("H", anchor="ls")[1] / 1000
    return viewing_distance_m * 1000 * CAP_HEIGHT_PER_DISTANCE / cap_em / MM_PER_PT


def text_px(
    preset: LabelPreset,
    canvas: tuple[int, int],
    px_per_mm: float | None,
    viewing_distance_m: float = 0.0,
) -> int:
    """Font size in pixels (DESIGN.md label size): points at the physical size, else a share of the short edge.

    In print, the profile raises the minimum for its viewing distance (`viewing_distance_m`; see
    distance_pt). Rounded up to whole pixels.
    """
    size = preset.size
    if px_per_mm:
        pt = max(size.height_pt, size.min_pt, distance_pt(preset, viewing_distance_m))
        return max(1, math.ceil(pt * MM_PER_PT * px_per_mm - 1e-6))
    return max(size.min_px, round(size.share * min(canvas)))


def _metrics(preset: LabelPreset, text: str, font_px: int) -> tuple[int, int, int, int]:
    """(tile width, tile height, padding, icon size) of the unrotated label."""
    if preset.kind == "eu-icon":  # the EU Code of Practice icon (pipeline/eu_icon.py): no box, no padding
        return (*eu_icon.tile_size(preset, text, font_px), 0, 0)
    f = preset_font(preset, font_px)
    top = -f.getbbox("ÄKg", anchor="ls")[1]
    bottom = f.getbbox("g", anchor="ls")[3]
    text_w = round(f.getlength(text))
    pad = round(preset.style.padding * font_px) if preset.style.box == "box" else max(1, font_px // 10)
    icon = top + bottom if preset.style.icon else 0
    gap = round(0.3 * font_px) if icon else 0
    return text_w + icon + gap + 2 * pad, top + bottom + 2 * pad, pad, icon


def place(
    preset: LabelPreset,
    text: str,
    canvas: tuple[int, int],
    *,
    px_per_mm: float | None = None,
    trim: tuple[int, int, int, int] | None = None,
    safety_mm: float = 0.0,
    viewing_distance_m: float = 0.0,
    image_box: tuple[int, int, int, int] | None = None,
) -> Geometry:
    """Label geometry on a canvas. `trim` (pixels) is the finished format inside any bleed; `image_box`
    (profiles.Canvas.image_box) is where the picture is visible when it does not fill the format (fit
    contain or inside): the label anchors to the picture within the trim, never to the paper around it."""
    font_px = text_px(preset, canvas, px_per_mm, viewing_distance_m)
    w, h, _, _ = _metrics(preset, text, font_px)
    pl = preset.placement
    if pl.vertical:
        w, h = h, w
    x0, y0, x1, y1 = label_box(canvas, trim, image_box)
    if px_per_mm:
        margin = math.ceil(max(pl.margin_mm, safety_mm) * px_per_mm - 1e-6)  # never short of the margin
    else:
        margin = round(pl.margin_share * min(x1 - x0, y1 - y0))
    area = (x0 + margin, y0 + margin, x1 - margin, y1 - margin)
    vert, horiz = (pl.position.split("-") + [""])[:2] if "-" in pl.position else ("middle", "center")
    if pl.position == "center":
        vert, horiz = "middle", "center"
    if horiz == "left":
        x = area[0]
    elif horiz == "right":
        x = area[2] - w
    else:
        x = (area[0] + area[2] - w) // 2
    if vert == "top":
        y = area[1]
    elif vert == "bottom":
        y = area[3] - h
    else:
        y = (area[1] + area[3] - h) // 2
    x += round(pl.offset_x * canvas[0])
    y += round(pl.offset_y * canvas[1])
    x = min(max(x, area[0]), max(area[0], area[2] - w))
    y = min(max(y, area[1]), max(area[1], area[3] - h))
    return Geometry(x, y, w, h, font_px, pl.vertical, area)


def label_box(
    canvas: tuple[int, int],
    trim: tuple[int, int, int, int] | None,
    image_box: tuple[int, int, int, int] | None,
) -> tuple[int, int, int, int]:
    """The box the label anchors to: the trim (else the canvas), cut down to the visible picture."""
    x0, y0, x1, y1 = trim or (0, 0, canvas[0], canvas[1])
    if image_box:
        ix0, iy0, ix1, iy1 = image_box
        x0, y0, x1, y1 = max(x0, ix0), max(y0, iy0), min(x1, ix1), min(y1, iy1)
    return x0, y0, x1, y1


def _hex(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def luminance(rgb: tuple[int, int, int]) -> float:
    def lin(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb[:3]
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast_ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def region_mean_rgb(img: Image.Image, box: tuple[int, int, int, int]) -> tuple[int, int, int]:
    """Mean colour of a region, from its 64-pixel thumbnail. A large region of an RGB image is
    reduced in place, without a copy (300 MB for a whole 100 MP image): for the whole image the same
    pixels as the thumbnail of a copy, for a part within a level of them."""
    x0, y0, x1, y1 = box
    if img.mode == "RGB" and (x1 - x0) * (y1 - y0) > IN_PLACE_MEAN_PIXELS:
        size = _thumb_size((x1 - x0, y1 - y0), 64)
        small = img.resize(size, Image.Resampling.BICUBIC, box=box, reducing_gap=2.0)
        return tuple(round(v) for v in ImageStat.Stat(small).mean[:3])  # type: ignore[return-value]
    region = img.crop(box)
    if region.mode == "CMYK":
        region = cmyk_to_rgb_simple(region)
    region = region.convert("RGB")
    region.thumbnail((64, 64))
    return tuple(round(v) for v in ImageStat.Stat(region).mean[:3])  # type: ignore[return-value]


IN_PLACE_MEAN_PIXELS = 4_000_000  # labels stay below: their colour comes from a copy of the region, as before


def sampled_mean_rgb(
    img: Image.Image, box: tuple[int, int, int, int], side: int = 512
) -> tuple[int, int, int]:
    """Mean colour of a region from a grid of at most side × side of its pixels (nearest, no
    filtering): what a watermark needs to choose light or dark text under it. Reading every
    pixel of a watermark's region was 17 of its 45 ms on 100 MP; a quarter million samples give
    the mean within a level or two on a photograph (region_mean_rgb stays for labels)."""
    x0, y0, x1, y1 = box
    if (x1 - x0) * (y1 - y0) <= side * side:
        return region_mean_rgb(img, box)
    small = img.resize((min(side, x1 - x0), min(side, y1 - y0)), Image.Resampling.NEAREST, box=box)
    if small.mode == "CMYK":
        small = cmyk_to_rgb_simple(small)
    return tuple(round(v) for v in ImageStat.Stat(small.convert("RGB")).mean[:3])  # type: ignore[return-value]


def _thumb_size(size: tuple[int, int], limit: int) -> tuple[int, int]:
    """The size Image.thumbnail((limit, limit)) gives (same rounding), so region_mean_rgb can
    resize without a copy."""
    w, h = size
    if w <= limit and h <= limit:
        return size
    aspect = w / h
    if aspect <= 1:
        x = max(
            min(math.floor(limit * aspect), math.ceil(limit * aspect), key=lambda n: abs(aspect - n / limit)),
            1,
        )
        return x, limit
    y = max(
        min(
            math.floor(limit / aspect),
            math.ceil(limit / aspect),
            key=lambda n: 0 if n == 0 else abs(aspect - limit / n),
        ),
        1,
    )
    return limit, y


def colors_for(preset: LabelPreset, background: tuple[int, int, int]) -> tuple[tuple, tuple]:
    """(text colour, box colour): fixed by the preset or chosen from the pixels underneath."""
    st = preset.style
    if st.colors == "fixed":
        return _hex(st.text_color), _hex(st.box_color)
    if luminance(background) > 0.35:  # pure black: becomes 0/0/0/100 (pure K) in CMYK output
        return (0, 0, 0), (255, 255, 255)
    return (255, 255, 255), (0, 0, 0)


SUPERSAMPLE = 4  # rounded corners are drawn this many times larger and reduced (anti-aliasing)
_LANCZOS_REACH = 3  # output pixels the Lanczos filter reaches beyond a pixel when reducing


def box_mask(size: tuple[int, int], radius: int, alpha: int) -> Image.Image:
    """The box's alpha: a rounded rectangle drawn at SUPERSAMPLE times the size and reduced.

    Only the corners are not flat, so only a small box holding the four corners (and the filter's
    reach) is drawn and reduced; its edges are stretched to the full size. Reduction by exactly
    SUPERSAMPLE weighs each output pixel's neighbours the same way wherever it is, so the pixels are
    those of the whole box reduced (a 100 MP label box: 2 ms instead of 65 ms). Label boxes are wide
    (a vertical label is drawn across and turned); a tall box is drawn whole.
    """
    w, h = size
    if h > w:  # Pillow may reduce a tall image column-wise first, rounding differently: drawn whole
        return _supersampled_box(size, radius, alpha)
    reach = math.ceil(radius / SUPERSAMPLE) + _LANCZOS_REACH + 1
    small = _supersampled_box((min(w, 2 * reach + 1), min(h, 2 * reach + 1)), radius, alpha)
    return _stretch_middle(_stretch_middle(small, w, reach, horizontal=True), h, reach, horizontal=False)


def _supersampled_box(size: tuple[int, int], radius: int, alpha: int) -> Image.Image:
    w, h, ss = size[0], size[1], SUPERSAMPLE
    mask = Image.new("L", (w * ss, h * ss), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, w * ss - 1, h * ss - 1), radius=radius, fill=alpha)
    return mask.resize((w, h), Image.Resampling.LANCZOS)


def _stretch_middle(img: Image.Image, length: int, reach: int, *, horizontal: bool) -> Image.Image:
    """`img` made `length` long along one axis: its first and last `reach` lines kept, the line
    in the middle (flat: beyond the corners and the filter's reach) repeated in between."""
    w, h = img.size
    have = w if horizontal else h
    if have >= length:
        return img
    out = Image.new("L", (length, h) if horizontal else (w, length))
    if horizontal:
        out.paste(img.crop((0, 0, reach, h)), (0, 0))
        out.paste(img.crop((w - reach, 0, w, h)), (length - reach, 0))
        out.paste(
            img.crop((reach, 0, reach + 1, h)).resize((length - 2 * reach, h), Image.Resampling.NEAREST),
            (reach, 0),
        )
    else:
        out.paste(img.crop((0, 0, w, reach)), (0, 0))
        out.paste(img.crop((0, h - reach, w, h)), (0, length - reach))
        out.paste(
            img.crop((0, reach, w, reach + 1)).resize((w, length - 2 * reach), Image.Resampling.NEAREST),
            (0, reach),
        )
    return out


def render_tile(
    preset: LabelPreset,
    text: str,
    geom: Geometry,
    text_rgb: tuple,
    box_rgb: tuple,
    opacity: float | None = None,
) -> Image.Image:
    """The label as an RGBA tile of the geometry's size (`opacity`: the box's, instead of the preset's)."""
    if preset.kind == "eu-icon":
        return eu_icon.render_tile(preset, text, geom, text_rgb)
    font_px = geom.font_px
    w, h, pad, icon = _metrics(preset, text, font_px)
    tile = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    st = preset.style
    if st.box == "box":
        alpha = round(255 * (st.box_opacity if opacity is None else opacity))
        tile = Image.new("RGBA", (w, h), box_rgb + (0,))
        tile.putalpha(box_mask((w, h), round(st.radius * font_px * SUPERSAMPLE), alpha))
    draw = ImageDraw.Draw(tile)
    f = preset_font(preset, font_px)
    baseline = pad - f.getbbox("ÄKg", anchor="ls")[1]
    x = pad
    if icon:
        ic = _icon(st.icon).copy()
        ic.thumbnail((icon * 4, icon))
        tile.alpha_composite(ic, (x, pad))
        x += ic.width + round(0.3 * font_px)
    stroke = {}
    if st.box == "none":
        stroke = {"stroke_width": max(1, font_px // 14), "stroke_fill": box_rgb + (200,)}
    draw.text((x, baseline), text, font=f, fill=text_rgb + (255,), anchor="ls", **stroke)
    if geom.vertical:
        tile = tile.transpose(Image.Transpose.ROTATE_90)
    if tile.size != (geom.width, geom.height):
        tile = tile.resize((geom.width, geom.height), Image.Resampling.LANCZOS)
    return tile


def cmyk_to_rgb_simple(img: Image.Image) -> Image.Image:
    return img.convert("RGB")


def rgb_to_cmyk_gcr(img: Image.Image) -> Image.Image:
    """Full grey-component replacement: black becomes pure K (0/0/0/100), white stays 0/0/0/0."""
    r, g, b = img.convert("RGB").split()
    k_inv = ImageChops.lighter(ImageChops.lighter(r, g), b)  # max(R,G,B) = 255 - K
    k = ImageChops.invert(k_inv)

    def channel(c: Image.Image) -> Image.Image:
        # (255 - c - K) / (255 - K) * 255  ==  (max - c) / max * 255
        return _ratio(ImageChops.subtract(k_inv, c), k_inv)

    return Image.merge("CMYK", (channel(r), channel(g), channel(b), k))


def _ratio(num: Image.Image, den: Image.Image) -> Image.Image:
    from PIL import ImageMath

    return ImageMath.lambda_eval(
        lambda a: a["convert"](a["min"](a["n"] * 255 / a["max"](a["d"], 1), 255), "L"), n=num, d=den
    )


def draw_label(img: Image.Image, preset: LabelPreset, text: str, geom: Geometry) -> tuple[tuple, tuple]:
    """Draw the label onto `img` in place; returns (text colour, background colour) for the preflight."""
    box = geom.box
    background = region_mean_rgb(img, box)
    text_rgb, box_rgb = colors_for(preset, background)
    opacity = print_box_opacity(preset, img.mode, text_rgb, box_rgb)
    tile = render_tile(preset, text, geom, text_rgb, box_rgb, opacity)
    _composite(img, tile, (geom.x, geom.y))
    box_opacity = preset.style.box_opacity if opacity is None else opacity
    under = box_rgb if preset.style.box == "box" and box_opacity >= 0.6 else background
    return text_rgb, under


def print_box_opacity(preset: LabelPreset, mode: str, text_rgb: tuple, box_rgb: tuple) -> float | None:
    """1.0 for reversed (light on dark) text on a box in CMYK output, else None (the preset's opacity).

    Print: under a translucent box the image's cyan and magenta would print beneath white letters,
    which then do not knock out. Opaque, the box is a flat plate (black: pure K, 0/0/0/100, by the
    grey-component replacement) and the letters are paper white (0/0/0/0).
    """
    if mode == "CMYK" and preset.style.box == "box" and luminance(text_rgb) > luminance(box_rgb):
        return 1.0
    return None


def _composite(
    img: Image.Image, tile: Image.Image, xy: tuple[int, int], alpha: Image.Image | None = None
) -> None:
    """Lay the RGBA tile over `img` at `xy`, touching only the tile's region. RGB and L: pasted
    through the tile's alpha in place (the same blend as alpha_composite within one level, without
    converting the region to RGBA and back). `alpha`: the tile's alpha channel, if already at hand."""
    box = (xy[0], xy[1], xy[0] + tile.width, xy[1] + tile.height)
    if img.mode in ("RGB", "L"):
        mask = alpha if alpha is not None else tile.getchannel("A")
        img.paste(tile if img.mode == "RGB" else tile.convert("L"), box, mask)
        return
    region = img.crop(box)
    if img.mode == "CMYK":
        tile_cmyk = rgb_to_cmyk_gcr(tile)
        region.paste(tile_cmyk, (0, 0), alpha if alpha is not None else tile.getchannel("A"))
    elif img.mode == "RGBA":
        region.alpha_composite(tile)
    else:
        base = region.convert("RGBA")
        base.alpha_composite(tile)
        region = base.convert(img.mode)
    img.paste(region, box[:2])


def draw_watermark(img: Image.Image, preset: LabelPreset, text: str) -> None:
    """Semi-transparent text or logo, once (centred) or tiled, at the preset's angle and opacity.

    Automatic colour: from the pixels under the mark ("once") or the whole picture (tiled). The
    finished mark is kept (_mark): a batch of same-sized pictures draws and rotates it once."""
    wm = preset.watermark
    height = max(8, round(wm.scale * min(img.size)))
    fill = None
    if not wm.logo:
        if wm.mode == "once":
            w, h = _rotated_size(_text_mark_size(preset, text, height), wm.angle)
            x, y = (img.width - w) // 2, (img.height - h) // 2
            under = (max(0, x), max(0, y), min(img.width, x + w), min(img.height, y + h))
        else:
            under = (0, 0, img.width, img.height)
        background = sampled_mean_rgb(img, under)
        fill = (255, 255, 255) if luminance(background) < 0.35 else (20, 20, 20)
    f = None if wm.logo else preset_font(preset, height)  # font() keeps one object per size: a cache key
    mark = _mark(wm.logo, f, text, height, fill, wm.opacity, wm.angle)
    pieces = _mark_pieces(wm.logo, f, text, height, fill, wm.opacity, wm.angle)
    if wm.mode == "once":
        _paste_pieces(img, pieces, (img.width - mark.width) // 2, (img.height - mark.height) // 2)
        return
    step_x, step_y = round(mark.width * (0.4 + wm.spacing)), round(mark.height * (0.6 + wm.spacing))
    for row, y in enumerate(range(-mark.height // 2, img.height, step_y)):
        shift = (step_x // 2) * (row % 2)
        for x in range(-mark.width // 2 - shift, img.width, step_x):
            _paste_pieces(img, pieces, x, y)


def _paste_pieces(img: Image.Image, pieces: list, x: int, y: int) -> None:
    """The mark's pieces (_mark_pieces) laid over `img` with the mark's corner at (x, y), only where
    the mark has pixels and the picture is: no full-size layer (a tiled 100 MP watermark made one
    of 400 MB and took 0.9 s)."""
    for dx, dy, piece, alpha in pieces:
        px, py = x + dx, y + dy
        if px >= img.width or py >= img.height or px + piece.width <= 0 or py + piece.height <= 0:
            continue
        if px < 0 or py < 0:  # cut to the picture (a paste would clip too, the CMYK crop would not)
            cut = (max(0, -px), max(0, -py), piece.width, piece.height)
            piece, alpha, px, py = piece.crop(cut), alpha.crop(cut), px + cut[0], py + cut[1]
        _composite(img, piece, (px, py), alpha)


def _text_mark_size(preset: LabelPreset, text: str, height: int) -> tuple[int, int]:
    x0, y0, x1, y1 = preset_font(preset, height).getbbox(text)
    return x1 - x0 + height // 2, y1 - y0 + height // 2


@functools.lru_cache(maxsize=2)
def _mark(
    logo: str,
    f: ImageFont.FreeTypeFont | None,
    text: str,
    height: int,
    fill: tuple | None,
    opacity: float,
    angle: float,
) -> Image.Image:
    """The watermark, at its opacity and angle (read only: callers paste it, never change it)."""
    if logo:
        mark = _icon(logo).copy()
        mark = mark.resize(
            (max(1, round(mark.width * height / mark.height)), height), Image.Resampling.LANCZOS
        )
    else:
        x0, y0, x1, y1 = f.getbbox(text)
        mark = Image.new("RGBA", (x1 - x0 + height // 2, y1 - y0 + height // 2), (0, 0, 0, 0))
        ImageDraw.Draw(mark).text((height // 4 - x0, height // 4 - y0), text, font=f, fill=fill + (255,))
    alpha = mark.getchannel("A").point(lambda a: round(a * opacity))
    mark.putalpha(alpha)
    return mark.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)


_PIECE = 128


@functools.lru_cache(maxsize=2)
def _mark_pieces(*mark_args) -> list[tuple[int, int, Image.Image, Image.Image]]:
    """_mark(*mark_args) cut into squares of _PIECE, each cropped to where its alpha is not zero,
    empty ones left out, with its alpha: a rotated line of text leaves most of its bounding box
    empty, and pasting the whole box was 24 of a 100 MP watermark's 45 ms. (x, y, RGBA, alpha)."""
    mark = _mark(*mark_args)
    alpha = mark.getchannel("A")
    pieces = []
    for y in range(0, mark.height, _PIECE):
        for x in range(0, mark.width, _PIECE):
            square = (x, y, min(x + _PIECE, mark.width), min(y + _PIECE, mark.height))
            bbox = alpha.crop(square).getbbox()
            if bbox is None:
                continue
            box = (x + bbox[0], y + bbox[1], x + bbox[2], y + bbox[3])
            pieces.append((box[0], box[1], mark.crop(box), alpha.crop(box)))
    return pieces


def _rotated_size(size: tuple[int, int], angle: float) -> tuple[int, int]:
    """The size Image.rotate(angle, expand=True) gives an image of `size` (Pillow's own arithmetic),
    known before the mark is drawn."""
    w, h = size
    angle = angle % 360.0
    if angle == 0 or angle == 180:
        return w, h
    if angle in (90, 270):
        return h, w
    a = -math.radians(angle)
    cos, sin = round(math.cos(a), 15), round(math.sin(a), 15)
    xs = [cos * x + sin * y for x, y in ((0, 0), (w, 0), (w, h), (0, h))]
    ys = [-sin * x + cos * y for x, y in ((0, 0), (w, 0), (w, h), (0, h))]
    cx, cy = w / 2, h / 2
    c = -cos * cx - sin * cy + cx  # Pillow's translation: the centre stays in place
    f = sin * cx - cos * cy + cy
    xs, ys = [x + c for x in xs], [y + f for y in ys]
    return math.ceil(max(xs)) - math.floor(min(xs)), math.ceil(max(ys)) - math.floor(min(ys))


def apply(
    img: Image.Image,
    preset: LabelPreset,
    text: str,
    *,
    px_per_mm: float | None = None,
    trim: tuple[int, int, int, int] | None = None,
    safety_mm: float = 0.0,
    scale: float = 1.0,
    full_size: tuple[int, int] | None = None,
    viewing_distance_m: float = 0.0,
    image_box: tuple[int, int, int, int] | None = None,
) -> tuple[Geometry, tuple, tuple]:
    """Draw what the preset asks for. For a preview, pass the reduced image with `scale` and the
    full-size canvas in `full_size`: geometry is computed at full size and scaled down."""
    canvas = full_size or img.size
    geom = place(
        preset,
        text,
        canvas,
        px_per_mm=px_per_mm,
        trim=trim,
        safety_mm=safety_mm,
        viewing_distance_m=viewing_distance_m,
        image_box=image_box,
    )
    if preset.kind == "watermark":
        draw_watermark(img, preset, text)
    drawn = geom.scaled(scale) if scale != 1.0 else geom
    text_rgb, under = draw_label(img, preset, text, drawn)
    return geom, text_rgb, under
