"""Label presets: what the visible label looks like and where it sits (TOML in presets/labels/)."""

from __future__ import annotations

import dataclasses
import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from kilabel import paths
from kilabel.errors import ConfigError
from kilabel.messages import msg
from kilabel.schema import from_dict, load_toml, require, template_problem

SCHEMA_VERSION = 1
ANCHORS = [
    "top-left",
    "top-center",
    "top-right",
    "middle-left",
    "center",
    "middle-right",
    "bottom-left",
    "bottom-center",
    "bottom-right",
]
COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
# The {field} names a label text may use: kilabel.provenance.Provenance.as_fields() (that module is
# a sibling this one must not import; tests/test_malformed_config.py keeps the two lists equal).
LABEL_FIELDS = (
    "source_type",
    "ai_system",
    "ai_version",
    "prompt",
    "prompt_writer",
    "creator",
    "client",
    "credit",
    "campaign",
    "register_id",
    "source_type_de",
    "source_type_en",
)
# The EU Code of Practice's second level by IPTC digital source type (kilabel.provenance.SOURCE_TYPES, a
# sibling this module must not import; tests/test_eu_presets.py keeps the lists in step): content made
# entirely by AI is "fully AI-generated"; existing content changed with AI (composites, in- and
# outpainting, AI enhancement) is "partially AI-modified"; anything else gets the basic icon.
EU_GENERATED_TYPES = ("trainedAlgorithmicMedia", "algorithmicMedia", "compositeSynthetic")
EU_MODIFIED_TYPES = ("compositeWithTrainedAlgorithmicMedia", "algorithmicallyEnhanced")
EU_LEVELS = ("generated", "modified", "basic")


def eu_level(source_type: str) -> str:
    """The EU icon's level a source type asks for: generated, modified, or basic (no or unknown AI type)."""
    if source_type in EU_GENERATED_TYPES:
        return "generated"
    if source_type in EU_MODIFIED_TYPES:
        return "modified"
    return "basic"


def fill_template(text: str, fields: dict[str, str]) -> str:
    """Put the fields into a label template; whatever is not a plain {field} stays as written, so a
    preset edited in memory (the window) can never make drawing fail."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        return text
    out = []
    for literal, name, spec, conversion in parts:
        out.append(literal)
        if name is None:
            continue
        if name.isidentifier() and not spec and not conversion:
            out.append(str(fields.get(name) or ""))
        else:
            out.append(
                "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            )
    return "".join(out)


@dataclass
class SizeSpec:
    height_pt: float = 10.0  # text size in points when the export has a physical size
    min_pt: float = 7.0  # never smaller than this in print
    share: float = 0.03  # text size as a share of the short edge when there is no physical size
    min_px: int = 14  # never smaller than this on screen/web

    def check(self, where: str) -> None:
        require(self.height_pt > 0, where, "height_pt", "must be positive")
        require(0 < self.min_pt <= 200, where, "min_pt", "must be between 0 and 200")
        require(0 < self.share < 0.5, where, "share", "must be between 0 and 0.5")
        require(self.min_px >= 6, where, "min_px", "must be at least 6")


@dataclass
class StyleSpec:
    font: str = "NotoSans-Bold.ttf"  # file in assets/fonts or a path
    colors: str = "auto"  # auto: light or dark from the pixels underneath; fixed: the colours below
    text_color: str = "#FFFFFF"
    box: str = "box"  # box | none
    box_color: str = "#000000"
    box_opacity: float = 0.8
    padding: float = 0.45  # in em
    radius: float = 0.25  # corner radius in em
    icon: str = ""  # optional PNG drawn before the text (assets/icons or a path)

    def check(self, where: str) -> None:
        require(self.colors in ("auto", "fixed"), where, "colors", "must be 'auto' or 'fixed'")
        require(self.box in ("box", "none"), where, "box", "must be 'box' or 'none'")
        for name in ("text_color", "box_color"):
            require(bool(COLOR_RE.match(getattr(self, name))), where, name, "must look like #RRGGBB")
        require(0 <= self.box_opacity <= 1, where, "box_opacity", "must be between 0 and 1")
        require(0 <= self.padding <= 3, where, "padding", "must be between 0 and 3")
        require(0 <= self.radius <= 2, where, "radius", "must be between 0 and 2")


@dataclass
class PlacementSpec:
    position: str = "bottom-right"  # one of ANCHORS
    margin_mm: float = 5.0  # distance from the trim (print)
    margin_share: float = 0.025  # distance from the edge as share of the short edge (no physical size)
    vertical: bool = False  # run the label along the left/right edge, reading upwards
    offset_x: float = 0.0  # nudge, as a share of the image width (GUI drag)
    offset_y: float = 0.0

    def check(self, where: str) -> None:
        require(self.position in ANCHORS, where, "position", f"must be one of {', '.join(ANCHORS)}")
        require(0 <= self.margin_mm <= 100, where, "margin_mm", "must be between 0 and 100")
        require(0 <= self.margin_share < 0.3, where, "margin_share", "must be between 0 and 0.3")
        require(abs(self.offset_x) <= 1 and abs(self.offset_y) <= 1, where, "offset", "must be within ±1")


@dataclass
class WatermarkSpec:
    mode: str = "once"  # once (centred) | tiled
    opacity: float = 0.25
    angle: float = 30.0
    logo: str = ""  # PNG in assets/icons or a path; empty: the label text
    scale: float = 0.12  # text or logo height as a share of the short edge
    spacing: float = 1.0  # tiled: room between marks, in mark sizes (1.0: the steps kilabel always used)

    def check(self, where: str) -> None:
        require(self.mode in ("once", "tiled"), where, "mode", "must be 'once' or 'tiled'")
        require(0 < self.opacity <= 1, where, "opacity", "must be between 0 and 1")
        require(-180 <= self.angle <= 180, where, "angle", "must be between -180 and 180")
        require(0 < self.scale <= 1, where, "scale", "must be between 0 and 1")
        require(0.2 <= self.spacing <= 5, where, "spacing", "must be between 0.2 and 5")


def _eu_generated() -> dict[str, str]:
    return {"de": "Vollständig KI-generiert", "en": "Fully AI-generated"}


def _eu_modified() -> dict[str, str]:
    return {"de": "Teilweise KI-verändert", "en": "Partially AI-modified"}


@dataclass
class EuIconSpec:
    """The EU icon (kind = "eu-icon", drawn by pipeline/eu_icon.py): a capital "KI"/"AI" by label language
    on a rounded badge, with a bar under the letters for the Code of Practice's second level (full:
    fully generated, half: partially modified, none: the basic icon). Ink colour: style.text_color
    (colors = "fixed") or black/white by the pixels underneath (colors = "auto")."""

    level: str = "auto"  # auto (follows the source type) | generated | modified | basic
    text_line: bool = True  # the level's wording beside the icon
    opacity: float = 1.0  # 1.0, or 0.5 for the Code's semi-transparent variants
    mark: dict[str, str] = field(default_factory=lambda: {"de": "KI", "en": "AI"})
    generated: dict[str, str] = field(default_factory=_eu_generated)  # wording per language
    modified: dict[str, str] = field(default_factory=_eu_modified)  # (basic: the preset's text)

    def check(self, where: str) -> None:
        require(
            self.level in ("auto",) + EU_LEVELS, where, "level", "must be auto, generated, modified or basic"
        )
        require(0.1 <= self.opacity <= 1, where, "opacity", "must be between 0.1 and 1")
        for name in ("mark", "generated", "modified"):
            words = getattr(self, name)
            require("de" in words and "en" in words, where, name, "needs wording in 'de' and 'en'")
            require(all(w.strip() for w in words.values()), where, name, "must not be empty")


@dataclass
class LabelPreset:
    id: str = ""
    schema_version: int = SCHEMA_VERSION
    title: dict[str, str] = field(default_factory=dict)  # name in lists, per UI language
    text: dict[str, str] = field(default_factory=dict)  # label wording per language; may use {ai_system} …
    kind: str = "label"  # label | watermark (also draws the corner label) | eu-icon (see EuIconSpec)
    says_montage: bool = False  # the wording declares a montage/composite
    locked: bool = False  # usable but not editable in the window
    size: SizeSpec = field(default_factory=SizeSpec)
    style: StyleSpec = field(default_factory=StyleSpec)
    placement: PlacementSpec = field(default_factory=PlacementSpec)
    watermark: WatermarkSpec = field(default_factory=WatermarkSpec)
    eu: EuIconSpec = field(default_factory=EuIconSpec)
    source: str = ""  # file it came from (not stored)

    def check(self, where: str) -> None:
        require(
            bool(re.match(r"^[a-z0-9][a-z0-9-]*$", self.id)), where, "id", "lower-case letters, digits, '-'"
        )
        require(self.schema_version <= SCHEMA_VERSION, where, "schema_version", "newer than this kilabel")
        require("de" in self.text and "en" in self.text, where, "text", "needs wording in 'de' and 'en'")
        for lang, wording in self.text.items():
            require(bool(wording.strip()), where, f"text.{lang}", "must not be empty")
            problem = template_problem(wording, LABEL_FIELDS)
            require(not problem, where, f"text.{lang}", problem)
        require(
            self.kind in ("label", "watermark", "eu-icon"),
            where,
            "kind",
            "must be 'label', 'watermark' or 'eu-icon'",
        )

    def wording(self, lang: str, fields: dict[str, str] | None = None) -> str:
        if self.kind == "eu-icon":
            return self.eu_wording(self.eu_level_for((fields or {}).get("source_type", "")), lang)
        template = self.text.get(lang) or self.text.get("de") or next(iter(self.text.values()))
        return " ".join(fill_template(template, fields or {}).split()) if "{" in template else template

    def eu_level_for(self, source_type: str) -> str:
        """The EU icon's level: the preset's own, or with level = "auto" the one the source type asks for."""
        return eu_level(source_type) if self.eu.level == "auto" else self.eu.level

    def eu_wording(self, level: str, lang: str) -> str:
        """The EU icon's text line for a level; the basic icon says the preset's text."""
        words = {"generated": self.eu.generated, "modified": self.eu.modified}.get(level, self.text)
        return words.get(lang) or words.get("de") or next(iter(words.values()))

    def eu_reading(self, text: str) -> tuple[str, str]:
        """(level, language) of an EU icon's wording. The drawing code gets only the preset and the
        wording (as every writer calls label_render.apply), and wording() chose the level from the
        source type; this finds that choice again. Unknown text: the preset's fixed level (or basic), German."""
        for level in EU_LEVELS:
            for lang in ("de", "en", *self.text):
                if self.eu_wording(level, lang) == text:
                    return level, lang
        return (self.eu.level if self.eu.level != "auto" else "basic"), "de"

    def display_title(self, lang: str) -> str:
        return self.title.get(lang) or self.text.get(lang) or self.id

    def with_placement(self, **changes) -> LabelPreset:
        """A deep copy with placement changes (the copy shares no nested spec with the original)."""
        import copy

        return dataclasses.replace(
            copy.deepcopy(self), placement=dataclasses.replace(self.placement, **changes)
        )

    def to_toml_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data.pop("source", None)
        return data


def eu_level_warnings(preset: LabelPreset, source_type: str) -> list[str]:
    """An EU icon preset with a fixed level that contradicts the source type (export/task.label_warnings
    adds these, as it does the montage mismatch); level = "auto" never contradicts."""
    if preset.kind != "eu-icon" or preset.eu.level == "auto" or not source_type:
        return []
    wanted, fixed = eu_level(source_type), preset.eu.level
    if fixed == wanted or fixed == "basic" and wanted != "basic":
        return []  # the basic icon says only "AI was involved", which is true of every AI type
    if wanted == "basic":
        return [msg("eu-icon-no-ai", preset=preset.id, source_type=source_type)]
    code = "eu-level-generated-but-modified" if fixed == "generated" else "eu-level-modified-but-generated"
    return [msg(code, preset=preset.id, source_type=source_type)]


def migrate(data: dict) -> dict:
    """Bring an older preset dict to SCHEMA_VERSION (only version 1 exists so far)."""
    data.setdefault("schema_version", 1)
    return data


def load_preset(path: Path) -> LabelPreset:
    data = migrate(load_toml(path))
    data.setdefault("id", path.stem)
    preset = from_dict(LabelPreset, data, str(path))
    preset.source = str(path)
    return preset


def preset_dirs() -> list[Path]:
    return [paths.PRESETS / "labels", paths.user_presets_dir() / "labels"]


def load_all(dirs: list[Path] | None = None) -> tuple[dict[str, LabelPreset], list[str]]:
    """All presets by id (user ones override shipped ones) and the errors of the files that failed."""
    presets: dict[str, LabelPreset] = {}
    errors: list[str] = []
    for folder in dirs or preset_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                preset = load_preset(path)
            except ConfigError as exc:
                errors.append(str(exc))
                continue
            except Exception as exc:  # one odd file never breaks the others (nor every export)
                errors.append(f"{path}: cannot load: {type(exc).__name__}: {exc}")
                continue
            presets[preset.id] = preset
    return presets, errors


def get(preset_id_or_path: str, warn=None) -> LabelPreset:
    """A preset by id or .toml path. Files that fail to load are skipped; `warn(message)`, if given,
    hears of each once (file and field), so one bad user preset does not stop an export."""
    path = Path(preset_id_or_path)
    if path.suffix == ".toml" and path.exists():
        return load_preset(path)
    presets, errors = load_all()
    if preset_id_or_path in presets:
        for e in errors if warn else ():
            warn(f"{e} (preset skipped)")
        return presets[preset_id_or_path]
    broken = [e for e in errors if Path(e.split(": ")[0]).stem == preset_id_or_path]
    if broken:
        raise ConfigError(broken[0])
    raise ConfigError(f"unknown preset '{preset_id_or_path}' (known: {', '.join(sorted(presets))})")


def save_preset(preset: LabelPreset, folder: Path | None = None) -> Path:
    import tomli_w

    folder = folder or paths.user_presets_dir() / "labels"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{preset.id}.toml"
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(tomli_w.dumps(preset.to_toml_dict()), encoding="utf-8")
    tmp.replace(path)
    return path
