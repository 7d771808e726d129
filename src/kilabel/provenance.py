"""Provenance: how an image was made. Declared once; loaded per image from CSV or JSON."""

from __future__ import annotations

import csv
import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from kilabel.errors import ConfigError

IPTC_DST = "http://cv.iptc.org/newscodes/digitalsourcetype/"

# code -> (German plain words, English plain words, is AI)
SOURCE_TYPES: dict[str, tuple[str, str, bool]] = {
    "trainedAlgorithmicMedia": ("Vollständig KI-generiert", "Fully AI-generated", True),
    "compositeWithTrainedAlgorithmicMedia": ("Montage mit KI-Anteil", "Composite with AI elements", True),
    "algorithmicallyEnhanced": ("Mit KI bearbeitet/verbessert", "Edited/enhanced with AI", True),
    "compositeSynthetic": ("Montage aus synthetischen Teilen", "Composite of synthetic elements", True),
    "algorithmicMedia": (
        "Algorithmisch erzeugt (ohne Training)",
        "Algorithmic media (no training data)",
        True,
    ),
    "digitalArt": ("Digitale Kunst (von Hand)", "Digital art (by hand)", False),
    "digitalCapture": ("Foto/ohne KI", "Photo/no AI", False),
    "composite": ("Montage ohne KI", "Composite without AI", False),
}
COMPOSITE_TYPES = {"compositeWithTrainedAlgorithmicMedia", "compositeSynthetic"}


def source_type_code(value: str) -> str:
    """Accept the short code or the full IPTC URI; return the short code."""
    value = (value or "").strip()
    value = value.removeprefix(IPTC_DST)
    return value


def source_type_uri(code: str) -> str:
    return IPTC_DST + code if code else ""


def source_type_label(code: str, lang: str = "de") -> str:
    entry = SOURCE_TYPES.get(code)
    if not entry:
        return code
    return entry[0] if lang == "de" else entry[1]


@dataclass
class Provenance:
    source_type: str = ""  # short IPTC code, e.g. trainedAlgorithmicMedia
    ai_system: str = ""
    ai_version: str = ""
    prompt: str = ""
    prompt_writer: str = ""
    creator: str = ""
    client: str = ""
    credit: str = ""
    campaign: str = ""
    register_id: str = ""

    def __post_init__(self) -> None:
        self.source_type = source_type_code(self.source_type)

    def validate(self, where: str) -> None:
        if self.source_type and self.source_type not in SOURCE_TYPES:
            known = ", ".join(SOURCE_TYPES)
            raise ConfigError(f"{where}: source_type '{self.source_type}' is not one of: {known}")

    @property
    def is_ai(self) -> bool:
        entry = SOURCE_TYPES.get(self.source_type)
        return bool(entry and entry[2])

    def merged(self, other: Provenance) -> Provenance:
        """Fields of `other` win where set (the user's values over pre-filled ones)."""
        mine = dataclasses.asdict(self)
        for key, value in dataclasses.asdict(other).items():
            if value:
                mine[key] = value
        return Provenance(**mine)

    def as_fields(self) -> dict[str, str]:
        """Fields for label text templates such as 'Bild: KI-generiert mit {ai_system}'."""
        fields = dataclasses.asdict(self)
        fields["source_type_de"] = source_type_label(self.source_type, "de")
        fields["source_type_en"] = source_type_label(self.source_type, "en")
        return fields

    def missing(self) -> list[str]:
        """What a label needs but is not there (for GUI states and preflight)."""
        out = []
        if not self.source_type:
            out.append("source_type")
        elif self.is_ai and not self.ai_system:
            out.append("ai_system")
        return out


FIELD_NAMES = [f.name for f in dataclasses.fields(Provenance)]
_ALIASES = {"file": "file", "filename": "file", "path": "file", "name": "file"}


def _from_mapping(data: dict, where: str) -> Provenance:
    unknown = [k for k in data if k not in FIELD_NAMES and k not in _ALIASES]
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELD_NAMES)}")
    values = {k: ("" if v is None else str(v)) for k, v in data.items() if k in FIELD_NAMES}
    prov = Provenance(**values)
    prov.validate(where)
    return prov


def load_table(path: Path) -> dict[str, Provenance]:
    """Per-image provenance from CSV (a 'file' column) or JSON (list with 'file', or {file: {...}}).

    Keys are file names as given; lookup() matches by full path, then by name.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read provenance file: {exc}") from exc
    table: dict[str, Provenance] = {}
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}: not valid JSON: {exc}") from exc
        items = data.items() if isinstance(data, dict) else None
        if items is None:
            if not isinstance(data, list):
                raise ConfigError(f"{path}: expected a list of objects or an object keyed by file name")
            items = []
            for i, row in enumerate(data):
                if not isinstance(row, dict) or not row.get("file"):
                    raise ConfigError(f"{path}: entry {i + 1}: needs a 'file' field")
                items.append((row["file"], {k: v for k, v in row.items() if k != "file"}))
        for name, row in items:
            if not isinstance(row, dict):
                raise ConfigError(f"{path}: entry '{name}': expected an object")
            table[str(name)] = _from_mapping(row, f"{path}: entry '{name}'")
    else:
        reader = csv.DictReader(text.splitlines(keepends=True))
        cols = reader.fieldnames or []
        file_col = next((c for c in cols if c and c.strip().lower() in _ALIASES), None)
        if not file_col:
            raise ConfigError(f"{path}: CSV needs a 'file' column; found: {', '.join(cols)}")
        for line_no, row in enumerate(reader, start=2):
            name = (row.pop(file_col) or "").strip()
            if not name:
                raise ConfigError(f"{path}: line {line_no}: empty 'file'")
            row = {k.strip(): v for k, v in row.items() if k}
            table[name] = _from_mapping(row, f"{path}: line {line_no}")
    return table


def lookup(table: dict[str, Provenance], image: Path) -> Provenance | None:
    for key in (str(image), image.as_posix(), image.name, image.stem):
        if key in table:
            return table[key]
    resolved = image.resolve()
    for key, prov in table.items():
        if Path(key).resolve() == resolved:
            return prov
    return None
