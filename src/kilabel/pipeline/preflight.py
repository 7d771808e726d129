"""Print preflight: checks an export's label against its physical output before anything is written.

Resolution and upscaling are noted by `profiles.prepare()`; this module adds what needs the label:
its text size in points at the physical size (the preset's minimum and the profile's own), whether
it fits inside the safe area (trim minus max(preset margin, profile safety)), and its contrast.
Each finding is one plain sentence for `ExportResult.warnings`; `--strict` refuses on any.
"""

from __future__ import annotations

from kilabel.messages import msg
from kilabel.pipeline.label_render import MM_PER_PT, Geometry, contrast_ratio
from kilabel.presets import LabelPreset
from kilabel.profiles import ExportProfile

MIN_CONTRAST = 3.0  # WCAG's minimum for large text; the label must be seen at first sight
PT_TOLERANCE = 0.05  # pixel rounding of the font size may land a hair under the minimum
# Centred crops platforms make at first exposure (feed 1:1 and 4:5, stories 9:16, link previews 1.91:1),
# width:height. A label cut off there is not seen when people first meet the picture (EU Code of Practice).
PLATFORM_CROPS = {"1:1": 1.0, "4:5": 4 / 5, "9:16": 9 / 16, "1.91:1": 1.91}


def label_pt(geom: Geometry, px_per_mm: float) -> float:
    """The label's text size in points at the physical output size."""
    return geom.font_px / px_per_mm / MM_PER_PT


def label_size_warnings(
    geom: Geometry, preset: LabelPreset, profile: ExportProfile, px_per_mm: float | None
) -> list[str]:
    """Text size against the minimum in points (print only: without a physical size there are no points)."""
    if not px_per_mm:
        return []
    size = label_pt(geom, px_per_mm)
    minimum = max(preset.size.min_pt, profile.min_label_pt)
    if size + PT_TOLERANCE < minimum:
        by_profile = profile.min_label_pt >= preset.size.min_pt
        return [
            msg(
                "label-small-profile" if by_profile else "label-small-preset",
                size=size,
                minimum=minimum,
                name=profile.id if by_profile else preset.id,
                where=_size_name(profile),
            )
        ]
    return []


def placement_warnings(
    geom: Geometry, trim: tuple[int, int, int, int] | None, px_per_mm: float | None
) -> list[str]:
    """The label must lie inside the safe area; if it is larger than the area it spills towards the edge."""
    x0, y0, x1, y1 = geom.area
    bx0, by0, bx1, by1 = geom.box
    if bx0 >= x0 and by0 >= y0 and bx1 <= x1 and by1 <= y1:
        return []
    if trim and px_per_mm and (bx0 < trim[0] or by0 < trim[1] or bx1 > trim[2] or by1 > trim[3]):
        return [
            "the label is larger than the trimmed format and would be cut off; use a smaller or shorter label"
        ]
    unit = (
        f"{(bx1 - bx0) / px_per_mm:.0f}×{(by1 - by0) / px_per_mm:.0f} mm"
        if px_per_mm
        else f"{bx1 - bx0}×{by1 - by0} px"
    )
    return [msg("label-outside-safety", size=unit)]


def contrast_warnings(text_rgb: tuple, under_rgb: tuple) -> tuple[float, list[str]]:
    """(contrast ratio rounded to 0.01, warnings) of label text against what lies underneath."""
    ratio = round(contrast_ratio(text_rgb, under_rgb), 2)
    if ratio < MIN_CONTRAST:
        return ratio, [msg("low-contrast", ratio=ratio)]
    return ratio, []


def platform_crops(canvas: tuple[int, int]) -> dict[str, tuple[int, int, int, int]]:
    """Each platform crop of a canvas as a centred rectangle (x0, y0, x1, y1 in canvas pixels); the
    window's preview can draw these."""
    w, h = canvas
    out = {}
    for name, aspect in PLATFORM_CROPS.items():
        cw, ch = (round(h * aspect), h) if w / h > aspect else (w, round(w / aspect))
        x0, y0 = (w - cw) // 2, (h - ch) // 2
        out[name] = (x0, y0, x0 + cw, y0 + ch)
    return out


def crops_cutting(canvas: tuple[int, int], box: tuple[int, int, int, int]) -> list[str]:
    """The platform crops (PLATFORM_CROPS names) that would cut into the label's box."""
    bx0, by0, bx1, by1 = box
    return [
        name
        for name, (x0, y0, x1, y1) in platform_crops(canvas).items()
        if bx0 < x0 or by0 < y0 or bx1 > x1 or by1 > y1
    ]


def implied_canvas(geom: Geometry) -> tuple[int, int]:
    """The canvas a screen export's label was placed on: its area is the canvas (or the picture, centred
    in it) inset by one margin on every side, so the area's edges add up to the canvas size."""
    x0, y0, x1, y1 = geom.area
    return x0 + x1, y0 + y1


def platform_crop_warnings(
    geom: Geometry, profile: ExportProfile, px_per_mm: float | None, canvas: tuple[int, int] | None = None
) -> list[str]:
    """Screen profiles that name platform crops (profile.platform_crops): which of them cut the label off."""
    if px_per_mm or not profile.platform_crops:
        return []
    cut = [c for c in crops_cutting(canvas or implied_canvas(geom), geom.box) if c in profile.platform_crops]
    return [msg("label-cut-by-crops", crops=", ".join(cut))] if cut else []


def label_warnings(
    geom: Geometry,
    preset: LabelPreset,
    profile: ExportProfile,
    px_per_mm: float | None,
    trim: tuple[int, int, int, int] | None,
) -> list[str]:
    """Everything about the label's size and place (raster and PDF exports call this alike)."""
    return (
        label_size_warnings(geom, preset, profile, px_per_mm)
        + placement_warnings(geom, trim, px_per_mm)
        + platform_crop_warnings(geom, profile, px_per_mm)
    )


def _size_name(profile: ExportProfile) -> str:
    return f"{profile.width_mm:g}×{profile.height_mm:g} mm"
