"""Print preflight: checks an export's label against its physical output before anything is written.

Resolution and upscaling are noted by `profiles.prepare()`; this module adds what needs the label:
its text size in points at the physical size (the preset's minimum and the profile's own), whether
it fits inside the safe area (trim minus max(preset margin, profile safety)), and its contrast.
Each finding is one plain sentence for `ExportResult.warnings`; `--strict` refuses on any.
"""

from __future__ import annotations

from kilabel.pipeline.label_render import MM_PER_PT, Geometry, contrast_ratio
from kilabel.presets import LabelPreset
from kilabel.profiles import ExportProfile

MIN_CONTRAST = 3.0  # WCAG's minimum for large text; the label must be seen at first sight
PT_TOLERANCE = 0.05  # pixel rounding of the font size may land a hair under the minimum


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
        who = (
            f"profile '{profile.id}'"
            if profile.min_label_pt >= preset.size.min_pt
            else f"preset '{preset.id}'"
        )
        return [
            (
                f"label text {size:.1f} pt is under the minimum of {minimum:g} pt for {who} "
                f"at {_size_name(profile)} (raise the preset's height_pt)"
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
    return [
        f"the label ({unit}) does not fit inside the safety margin; it comes closer to the edge than allowed"
    ]


def contrast_warnings(text_rgb: tuple, under_rgb: tuple) -> tuple[float, list[str]]:
    """(contrast ratio rounded to 0.01, warnings) of label text against what lies underneath."""
    ratio = round(contrast_ratio(text_rgb, under_rgb), 2)
    if ratio < MIN_CONTRAST:
        return ratio, [f"low label contrast {ratio}:1 against the pixels underneath"]
    return ratio, []


def label_warnings(
    geom: Geometry,
    preset: LabelPreset,
    profile: ExportProfile,
    px_per_mm: float | None,
    trim: tuple[int, int, int, int] | None,
) -> list[str]:
    """Everything about the label's size and place (raster and PDF exports call this alike)."""
    return label_size_warnings(geom, preset, profile, px_per_mm) + placement_warnings(geom, trim, px_per_mm)


def _size_name(profile: ExportProfile) -> str:
    return f"{profile.width_mm:g}×{profile.height_mm:g} mm"
