"""Export profiles: what comes out (format, size, colour, bleed, compression, name). TOML in
presets/profiles/; `prepare()` fits and converts the pixels before the label is drawn.

A print profile has a trim size in mm and a dpi; the canvas is trim + bleed on every side, and the
label stays inside the trim by at least max(preset margin, profile safety margin) (DESIGN.md Margins).
Millimetres become whole pixels by rounding up (`mm_px`): bleed and safety margin are never short.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps

from kilabel import paths
from kilabel.colour import (  # noqa: F401  (re-exported: profiles.convert_colour … stay public names)
    DEFAULT_CMYK_ICC,
    INTENTS,
    _icc_is_cmyk,
    _profile_bytes,
    cmyk_icc_path,
    convert_colour,
    srgb_bytes,
)
from kilabel.errors import ConfigError
from kilabel.messages import msg
from kilabel.schema import from_dict, load_toml, require, template_problem

SCHEMA_VERSION = 1
FORMATS = ("same", "jpeg", "png", "tiff", "webp", "pdf")
COMPRESSIONS = ("lzw", "deflate", "none", "lossless", "jpeg")  # TIFF: lzw|deflate|none; PDF: lossless|jpeg
FITS = ("cover", "contain", "inside", "trim")
PLATFORM_CROP_NAMES = ("1:1", "4:5", "9:16", "1.91:1")  # pipeline/preflight.py knows their shapes
CROP_NOTE = 0.01  # a cover fit that crops more than this share of the image says so
LOW_DPI = 150  # effective resolution under this at the physical size gets a preflight warning
UPSAMPLE_NOTE = 0.01  # a print fit kept at the image's own pixels says so when it avoided more enlargement


@dataclass
class ExportProfile:
    id: str = ""
    schema_version: int = SCHEMA_VERSION
    title: dict[str, str] = field(default_factory=dict)
    format: str = "same"  # same | jpeg | png | tiff | webp | pdf
    width_mm: float = 0.0  # trim size; 0 = no physical size
    height_mm: float = 0.0
    dpi: float = 0.0  # 0 = keep the input's
    width_px: int = 0
    height_px: int = 0
    long_edge_px: int = 0  # scale so the long edge has this many pixels
    # fixed size: cover (crop) | contain (pad) | inside (whole image in the trim, bleed mirrored) | trim
    # (artwork at trim size, bleed mirrored); README "Fit modes"
    fit: str = "cover"
    upscale: bool = True  # long_edge_px: enlarge a smaller image to it
    upsample: bool = False  # print: enlarge an image below the profile's dpi (False: keep its pixels)
    color: str = "keep"  # keep | srgb | cmyk
    icc: str = ""  # CMYK output profile (assets/icc or a path); empty: the shipped FOGRA39 profile
    intent: str = "relative"
    black_point_compensation: bool = True
    bleed_mm: float = 0.0
    safety_mm: float = 0.0
    compression: str = "lzw"  # TIFF: lzw | deflate | none; PDF: lossless (Flate; lzw/deflate too) | jpeg
    quality: int = 92
    min_label_pt: float = 0.0  # preflight: smallest label text this product allows, on top of the preset's
    viewing_distance_m: float = 0.0  # print: the label grows to cap height ≥ distance / 250 (README Print)
    output_condition: str = ""  # PDF OutputIntent identifier; empty: "FOGRA39" for the shipped profile
    name_pattern: str = "{stem}{ext}"
    write_xmp: bool = True
    write_exif: bool = True
    write_c2pa: bool = True
    crop_marks: bool = False
    # Screen profiles: the centred crops platforms make at first exposure ("1:1", "4:5", "9:16", "1.91:1"
    # link previews) that must not cut the label off; the export warns, the preview draws them.
    platform_crops: list[str] = field(default_factory=list)
    pdf_c2pa: str = "sidecar"  # CMYK (PDF/X-4) print PDF: manifest as NAME.c2pa, or "embedded" (README Print)
    source: str = ""

    def check(self, where: str) -> None:
        require(bool(self.id), where, "id", "must not be empty")
        require(self.format in FORMATS, where, "format", f"must be one of {', '.join(FORMATS)}")
        require(self.fit in FITS, where, "fit", "must be 'cover', 'contain', 'inside' or 'trim'")
        require(
            self.fit not in ("trim", "inside") or self.width_mm > 0,
            where,
            "fit",
            f"'{self.fit}' needs a physical size",
        )
        require(isinstance(self.upsample, bool), where, "upsample", "must be true or false")
        require(
            not self.upsample or self.width_mm > 0,
            where,
            "upsample",
            "only a print profile (width_mm/height_mm) upsamples; web profiles use upscale",
        )
        require(self.color in ("keep", "srgb", "cmyk"), where, "color", "must be keep, srgb or cmyk")
        require(self.intent in INTENTS, where, "intent", f"must be one of {', '.join(INTENTS)}")
        require(self.pdf_c2pa in ("sidecar", "embedded"), where, "pdf_c2pa", "must be sidecar or embedded")
        require(1 <= self.quality <= 100, where, "quality", "must be between 1 and 100")
        require(
            (self.width_mm > 0) == (self.height_mm > 0), where, "width_mm/height_mm", "give both or neither"
        )
        require(not self.width_mm or self.dpi > 0, where, "dpi", "a physical size needs a dpi")
        require(
            self.bleed_mm >= 0 and self.safety_mm >= 0, where, "bleed_mm/safety_mm", "must not be negative"
        )
        require(
            (self.width_px > 0) == (self.height_px > 0), where, "width_px/height_px", "give both or neither"
        )
        require(
            self.format != "pdf" or self.width_mm > 0, where, "format", "a PDF profile needs a physical size"
        )
        require(
            self.compression in COMPRESSIONS,
            where,
            "compression",
            f"must be one of {', '.join(COMPRESSIONS)}",
        )
        require(
            not self.crop_marks or self.format == "pdf",
            where,
            "crop_marks",
            "only a PDF profile draws crop marks",
        )
        require(
            self.width_mm <= 5000 and self.height_mm <= 5000, where, "width_mm/height_mm", "at most 5000 mm"
        )
        require(0 <= self.dpi <= 2400, where, "dpi", "must be between 0 and 2400")
        require(
            self.bleed_mm <= 20 and self.safety_mm <= 100,
            where,
            "bleed_mm/safety_mm",
            "bleed ≤ 20, safety ≤ 100 mm",
        )
        require(0 <= self.min_label_pt <= 200, where, "min_label_pt", "must be between 0 and 200")
        require(0 <= self.viewing_distance_m <= 100, where, "viewing_distance_m", "must be 0 to 100 m")
        require(
            all(c in PLATFORM_CROP_NAMES for c in self.platform_crops),
            where,
            "platform_crops",
            f"must name crops among {', '.join(PLATFORM_CROP_NAMES)}",
        )
        require(
            not self.platform_crops or not self.physical,
            where,
            "platform_crops",
            "only for screen profiles (no physical size)",
        )
        require(
            self.color != "cmyk" or self.format in ("same", "jpeg", "tiff", "pdf"),
            where,
            "color",
            "CMYK needs format tiff, jpeg or pdf (PNG and WebP have no CMYK)",
        )
        if self.icc:
            icc = cmyk_icc_path(self)
            require(icc.is_file(), where, "icc", f"ICC profile not found: {icc}")
            require(_icc_is_cmyk(icc.read_bytes()[:128]), where, "icc", f"{icc} is not a CMYK profile")
        problem = template_problem(self.name_pattern, ["stem", "ext", "profile", "preset", "lang"])
        require(not problem, where, "name_pattern", problem)

    @property
    def physical(self) -> bool:
        return self.width_mm > 0

    def output_format(self, input_format: str) -> str:
        return input_format if self.format == "same" else self.format

    def display_title(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("de") or self.id

    def summary(self) -> str:
        """One line for `kilabel profiles`: format, colour, size, bleed and safety, name pattern."""
        if self.physical:
            size = f"{self.width_mm:g}×{self.height_mm:g} mm @ {self.dpi:g} dpi"
            size += (
                f", bleed {self.bleed_mm:g}, safety {self.safety_mm:g} mm"
                if self.bleed_mm or self.safety_mm
                else ""
            )
        elif self.width_px:
            size = f"{self.width_px}×{self.height_px} px ({self.fit})"
        else:
            size = f"long edge {self.long_edge_px} px" if self.long_edge_px else "input size"
        colour = "cmyk:" + cmyk_icc_path(self).stem if self.color == "cmyk" else self.color
        return f"{self.id:<24} {self.format:<5} {colour:<24} {size:<48} {self.name_pattern}"

    def to_dict(self) -> dict:
        from dataclasses import asdict

        return asdict(self)


SAME_AS_INPUT = ExportProfile(id="same-as-input", title={"de": "Wie Eingabe", "en": "Same as input"})


def load_profile(path: Path) -> ExportProfile:
    data = load_toml(path)
    data.setdefault("id", path.stem)
    prof = from_dict(ExportProfile, data, str(path))
    prof.source = str(path)
    return prof


def profile_dirs() -> list[Path]:
    return [paths.PRESETS / "profiles", paths.user_presets_dir() / "profiles"]


def load_all(dirs: list[Path] | None = None) -> tuple[dict[str, ExportProfile], list[str]]:
    out: dict[str, ExportProfile] = {SAME_AS_INPUT.id: SAME_AS_INPUT}
    errors: list[str] = []
    for folder in dirs or profile_dirs():
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                try:
                    prof = load_profile(path)
                except ConfigError as exc:
                    errors.append(str(exc))
                    continue
                out[prof.id] = prof
    return out, errors


def get(profile_id_or_path: str) -> ExportProfile:
    path = Path(profile_id_or_path)
    if path.suffix == ".toml" and path.exists():
        return load_profile(path)
    profiles, errors = load_all()
    if profile_id_or_path in profiles:
        return profiles[profile_id_or_path]
    broken = [e for e in errors if Path(e.split(":")[0]).stem == profile_id_or_path]
    if broken:
        raise ConfigError(broken[0])
    raise ConfigError(f"unknown export profile '{profile_id_or_path}' (known: {', '.join(sorted(profiles))})")


def mm_px(mm: float, px_per_mm: float) -> int:
    """`mm` in whole pixels, rounded up (a hair of float error is not a pixel): at least `mm` long."""
    return math.ceil(mm * px_per_mm - 1e-6)


@dataclass
class Prepared:
    image: Image.Image
    icc: bytes | None
    dpi: tuple[float, float] | None
    px_per_mm: float | None
    trim: tuple[int, int, int, int] | None  # in canvas pixels
    effective_dpi: float | None = None
    upscaled: bool = False
    notes: list[str] = field(default_factory=list)
    trim_mm: tuple[float, float] | None = None  # finished size as laid out (follows the image's orientation)
    image_box: tuple[int, int, int, int] | None = None  # the visible picture (canvas pixels): the label's


Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Canvas:
    """The export canvas an image of a given size gets from a profile, in full-size pixels.

    Geometry only, so the window's preview and the export compute it the same way. A print canvas is
    laid out at `px_per_mm`: the profile's dpi, or the image's own resolution when the profile does not
    upsample and the fit would have enlarged the image (`avoided` says by how much; `scale` is then 1).
    """

    size: tuple[int, int]
    px_per_mm: float | None = None
    trim: Box | None = None
    safety_mm: float = 0.0
    fit: str = "none"  # none (keep or scale) | cover | contain | inside | trim (README "Fit modes")
    trim_mm: tuple[float, float] | None = None
    scale: float = 1.0  # output pixels per input pixel
    viewing_distance_m: float = 0.0  # print: the label grows for it (label_render.distance_pt)
    image_box: Box | None = None  # where the picture is visible (contain, inside); None: all the canvas
    avoided: float = 1.0  # print, upsample off: the enlargement the profile's dpi would have needed

    @property
    def safety_box(self) -> Box | None:
        if not self.trim or not self.px_per_mm or not self.safety_mm:
            return None
        m = mm_px(self.safety_mm, self.px_per_mm)
        x0, y0, x1, y1 = self.trim
        return (x0 + m, y0 + m, x1 - m, y1 - m)

    @property
    def effective_dpi(self) -> float | None:
        """The input's pixels per inch at the physical size (print only)."""
        return self.px_per_mm * 25.4 / self.scale if self.px_per_mm else None

    @property
    def target(self) -> tuple[int, int]:
        """The size the image is fitted to: the trim for inside and trim (the bleed is mirrored), else
        the whole canvas."""
        if self.fit in ("inside", "trim") and self.trim:
            x0, y0, x1, y1 = self.trim
            return (x1 - x0, y1 - y0)
        return self.size


def canvas_for(full_size: tuple[int, int], profile: ExportProfile | None) -> Canvas:
    """Where an image of `full_size` lands: canvas size, trim box, pixels per mm, fit and scale."""
    w, h = full_size
    if profile is None:
        return Canvas(full_size)
    if profile.physical:
        return _print_canvas(full_size, profile)
    if profile.width_px:
        size = (profile.width_px, profile.height_px)
        scale = _fit_scale(full_size, size, profile.fit)
        box = _image_box(full_size, (0, 0, *size), profile.fit, scale)
        return Canvas(size, fit=profile.fit, safety_mm=profile.safety_mm, scale=scale, image_box=box)
    if profile.long_edge_px and (profile.upscale or max(full_size) > profile.long_edge_px):
        s = profile.long_edge_px / max(full_size)
        return Canvas((max(1, round(w * s)), max(1, round(h * s))), scale=s)
    return Canvas(full_size)


def _print_canvas(full_size: tuple[int, int], profile: ExportProfile) -> Canvas:
    """A print canvas: trim + bleed at the profile's dpi, or at the image's own resolution when the fit
    would enlarge it and the profile does not upsample (the file then says its real dpi to the shop)."""
    w, h = full_size
    w_mm, h_mm = profile.width_mm, profile.height_mm
    if (w > h) != (w_mm > h_mm) and w != h:
        w_mm, h_mm = h_mm, w_mm  # follow the image's orientation
    dims = (w_mm, h_mm, profile.bleed_mm)
    ppm = profile.dpi / 25.4
    scale = _fit_scale(full_size, _target(dims, ppm, profile.fit), profile.fit)
    avoided = 1.0
    if scale > 1.0 and not profile.upsample:
        avoided, ppm, scale = scale, _native_ppm(full_size, dims, profile.fit, ppm / scale), 1.0
    tw, th, bleed = _layout(dims, ppm)
    trim = (bleed, bleed, bleed + tw, bleed + th)
    size = (tw + 2 * bleed, th + 2 * bleed)
    box = _image_box(full_size, trim if profile.fit == "inside" else (0, 0, *size), profile.fit, scale)
    return Canvas(
        size,
        ppm,
        trim,
        profile.safety_mm,
        profile.fit,
        (w_mm, h_mm),
        scale,
        profile.viewing_distance_m,
        box,
        avoided,
    )


def _layout(dims: tuple[float, float, float], ppm: float) -> tuple[int, int, int]:
    """(trim width, trim height, bleed) in pixels for (trim w mm, trim h mm, bleed mm) at `ppm`."""
    w_mm, h_mm, bleed_mm = dims
    return round(w_mm * ppm), round(h_mm * ppm), mm_px(bleed_mm, ppm)


def _target(dims: tuple[float, float, float], ppm: float, fit: str) -> tuple[int, int]:
    """The pixel size the image is fitted to at `ppm` (as Canvas.target)."""
    tw, th, bleed = _layout(dims, ppm)
    return (tw, th) if fit in ("inside", "trim") else (tw + 2 * bleed, th + 2 * bleed)


def _fit_scale(full_size: tuple[int, int], target: tuple[int, int], fit: str) -> float:
    """Output pixels per input pixel: covering the target (cover, trim) or fitting inside it."""
    ratios = (target[0] / full_size[0], target[1] / full_size[1])
    return max(ratios) if fit in ("cover", "trim") else min(ratios)


def _native_ppm(full_size: tuple[int, int], dims: tuple[float, float, float], fit: str, ppm: float) -> float:
    """The resolution, near `ppm`, at which the image fits its target without resampling: a covering fit
    needs a target no larger than the image (it is cropped), the others one no smaller (it is padded).
    Pixel rounding of trim and bleed may miss by a pixel; each step corrects by that pixel's share."""
    covers = fit in ("cover", "trim")
    for _ in range(64):
        s = _fit_scale(full_size, _target(dims, ppm, fit), fit)
        if (s <= 1.0) if covers else (s >= 1.0):
            break
        ppm /= s
    return ppm


def _image_box(full_size: tuple[int, int], within: Box, fit: str, scale: float) -> Box | None:
    """Where the picture is visible: centred in `within` for contain and inside, everywhere for cover and
    trim (the image covers the trim; its edges are cut or mirrored into the bleed)."""
    if fit in ("cover", "trim"):
        return None
    x0, y0, x1, y1 = within
    iw, ih = _inner_size(full_size, (x1 - x0, y1 - y0), scale)
    left, top = x0 + (x1 - x0 - iw) // 2, y0 + (y1 - y0 - ih) // 2
    return (left, top, left + iw, top + ih)


def _inner_size(full_size: tuple[int, int], box: tuple[int, int], scale: float) -> tuple[int, int]:
    """The image's size fitted inside `box` (as ImageOps.contain); at scale 1 its own (no resampling)."""
    w, h = full_size
    if scale == 1.0:
        return min(w, box[0]), min(h, box[1])
    if w * box[1] > h * box[0]:
        return box[0], max(1, round(h * box[0] / w))
    return max(1, round(w * box[1] / h)), box[1]


def prepare(img: Image.Image, icc: bytes | None, dpi, profile: ExportProfile) -> Prepared:
    """Fit to the profile's size, convert colour; compute the trim box and pixels per millimetre.

    Memory: every step rebinds `img`, so a caller that passes its only reference to the input
    (export.raster) has the input freed as soon as the fitted or converted pixels exist: two
    full-size images at a time at most, never the input, the fitted and the converted one together.
    """
    notes: list[str] = []
    canvas = canvas_for(img.size, profile)
    if profile.physical:
        out_dpi = (
            round(canvas.px_per_mm * 25.4, 4),
        ) * 2  # the profile's, or the image's own (not upsampled)
    else:
        out_dpi = (profile.dpi, profile.dpi) if profile.dpi else dpi
    effective = canvas.effective_dpi
    upscaled = canvas.scale > 1.0
    notes += fit_notes(img.size, canvas)
    img = fit_to_canvas(img, canvas)
    img, icc = convert_colour(img, icc, profile, notes)
    return Prepared(
        img,
        icc,
        out_dpi,
        canvas.px_per_mm,
        canvas.trim,
        effective,
        upscaled,
        notes,
        canvas.trim_mm,
        canvas.image_box,
    )


def fit_notes(full_size: tuple[int, int], canvas: Canvas) -> list[str]:
    """What fitting an image of `full_size` to `canvas` warns about, known before any pixel is
    touched (the export and the window's print check say the same): the share a cover or trim fit
    crops, an effective resolution under LOW_DPI, an enlargement, an enlargement avoided."""
    notes: list[str] = []
    share, sides = cropped_share(full_size, canvas)
    if share > CROP_NOTE:
        notes.append(msg("crop-lr" if sides == "left and right" else "crop-tb", share=share))
    effective = canvas.effective_dpi
    if effective is not None and effective < LOW_DPI and canvas.trim_mm:
        w_mm, h_mm = canvas.trim_mm
        notes.append(msg("low-dpi", dpi=effective, w=w_mm, h=h_mm, limit=LOW_DPI))
    if canvas.scale > 1.0 + 1e-9:
        notes.append(msg("upscaled"))
    if effective is not None and canvas.avoided > 1.0 + UPSAMPLE_NOTE:
        notes.append(msg("not-upsampled", dpi=effective))
    return notes


def fit_to_canvas(img: Image.Image, canvas: Canvas) -> Image.Image:
    """The image laid out on `canvas` (canvas_for's geometry, so the preview can do the same). At scale 1
    the image is only cropped or padded, never resampled; inside and trim mirror the trim into the bleed."""
    target = canvas.target
    if canvas.fit == "none":
        return img if img.size == canvas.size else img.resize(canvas.size, Image.Resampling.LANCZOS)
    if canvas.fit in ("contain", "inside"):  # in two steps, so that the input can go before the padding
        x0, y0, x1, y1 = canvas.image_box
        if img.size != (x1 - x0, y1 - y0):
            img = img.resize((x1 - x0, y1 - y0), Image.Resampling.LANCZOS)
        img = _pad(img, target)
    elif canvas.scale == 1.0:
        img = _crop_centre(img, target)
    else:
        img = _fit(img, target, "cover")
    if canvas.fit in ("inside", "trim"):
        img = _mirror_bleed(img, canvas.trim[0])
    return img


def _crop_centre(img: Image.Image, size: tuple[int, int]) -> Image.Image:
    """The centre `size` of `img` (no larger than it), pixels unchanged."""
    if img.size == size:
        return img
    left, top = (img.width - size[0]) // 2, (img.height - size[1]) // 2
    return img.crop((left, top, left + size[0], top + size[1]))


def cropped_share(full_size: tuple[int, int], canvas: Canvas) -> tuple[float, str]:
    """(share of the image's area a cover or trim fit cuts off, which sides), else (0.0, "")."""
    if canvas.fit not in ("cover", "trim"):
        return 0.0, ""
    target = canvas.target
    w, h = full_size[0] * canvas.scale, full_size[1] * canvas.scale
    share = max(0.0, 1 - target[0] * target[1] / (w * h))
    return share, "left and right" if w / target[0] > h / target[1] else "top and bottom"


def _mirror_bleed(img: Image.Image, bleed: int) -> Image.Image:
    """`img` (the trim) with `bleed` pixels on every side, mirrored from its edges: no scaling."""
    if bleed <= 0:
        return img
    w, h = img.size
    b = min(bleed, w, h)
    out = Image.new(img.mode, (w + 2 * bleed, h + 2 * bleed))
    out.paste(img, (bleed, bleed))
    flip_lr, flip_tb = Image.Transpose.FLIP_LEFT_RIGHT, Image.Transpose.FLIP_TOP_BOTTOM
    out.paste(img.crop((0, 0, b, h)).transpose(flip_lr), (bleed - b, bleed))
    out.paste(img.crop((w - b, 0, w, h)).transpose(flip_lr), (bleed + w, bleed))
    full_w = w + 2 * bleed
    out.paste(out.crop((0, bleed, full_w, bleed + b)).transpose(flip_tb), (0, bleed - b))
    out.paste(out.crop((0, bleed + h - b, full_w, bleed + h)).transpose(flip_tb), (0, bleed + h))
    return out


def _fit(img: Image.Image, size: tuple[int, int], fit: str) -> Image.Image:
    if img.size == size:
        return img
    if fit == "cover":
        return ImageOps.fit(img, size, Image.Resampling.LANCZOS)
    return _pad(ImageOps.contain(img, size, Image.Resampling.LANCZOS), size)


def _pad(inner: Image.Image, size: tuple[int, int]) -> Image.Image:
    """`inner` centred on a canvas of `size` (white, transparent for RGBA, no ink for CMYK)."""
    if inner.size == size:
        return inner
    fill = (
        (255, 255, 255, 0)
        if inner.mode == "RGBA"
        else ((0, 0, 0, 0) if inner.mode == "CMYK" else (255, 255, 255))
    )
    canvas = Image.new(inner.mode, size, fill)
    canvas.paste(inner, ((size[0] - inner.width) // 2, (size[1] - inner.height) // 2))
    return canvas


def output_name(profile: ExportProfile, stem: str, fmt: str, preset_id: str, lang: str, ext: str) -> str:
    return profile.name_pattern.format(stem=stem, ext=ext, profile=profile.id, preset=preset_id, lang=lang)
