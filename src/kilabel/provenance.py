"""Provenance: how an image was made. Declared once; loaded per image from CSV, Excel or JSON."""

from __future__ import annotations

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
_ALIASES = {
    "file": "file",
    "filename": "file",
    "path": "file",
    "name": "file",
    "datei": "file",
    "dateiname": "file",
}
# Column headers as a German office writes them (the window's words), for the field they mean.
_COLUMN_ALIASES = {
    "art der entstehung": "source_type",
    "entstehung": "source_type",
    "quelle": "source_type",
    "ki-system": "ai_system",
    "ki system": "ai_system",
    "version": "ai_version",
    "ki-version": "ai_version",
    "prompt von": "prompt_writer",
    "urheber": "creator",
    "urheberin": "creator",
    "auftraggeber": "client",
    "bildnachweis": "credit",
    "kampagne": "campaign",
}
DELIMITERS = ("\t", ";", ",")  # Excel: "Unicode-Text" (tab), German "CSV (Trennzeichen-getrennt)", CSV


def _from_mapping(data: dict, where: str) -> Provenance:
    unknown = [k for k in data if k not in FIELD_NAMES and k not in _ALIASES]
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELD_NAMES)}")
    values = {k: ("" if v is None else str(v)) for k, v in data.items() if k in FIELD_NAMES}
    prov = Provenance(**values)
    prov.validate(where)
    return prov


class ProvenanceTable(dict):
    """File name as written in the table -> Provenance; `where[name]` says where its row is
    ("line 3", "row 3", "entry 2"), `path` is the table file (relative names are also looked up
    from its folder)."""

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path
        self.where: dict[str, str] = {}
        self._seen: dict[str, str] = {}  # normalised name -> name as written

    def add(self, name: str, prov: Provenance, where: str) -> None:
        other = self._seen.setdefault(_norm(name), name)
        if other != name or name in self:
            raise ConfigError(
                f"{self.path}: {self.where[other]} and {where} both give provenance for '{name}' "
                "(one row per file)"
            )
        self[name] = prov
        self.where[name] = where


def _norm(name: str) -> str:
    """A file name from a table, compared as a path: '\\' as '/', './' and 'x/../' removed."""
    import os
    import posixpath

    norm = posixpath.normpath(name.strip().replace("\\", "/"))
    return norm.casefold() if os.name == "nt" else norm


def _decode(path: Path) -> str:
    """The text of a table as Excel and editors save it: UTF-8 with or without BOM, UTF-16 (Excel's
    "Unicode-Text", with BOM; without one if its NULs give it away), else Windows-1252 (Excel's
    "CSV (Trennzeichen-getrennt)" on a German Windows)."""
    import codecs

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read provenance file: {exc.strerror or exc}") from exc
    head = data[:400]
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif head and head[1::2].count(0) > len(head) // 4:
        candidates = ["utf-16-le"]
    elif head and head[0::2].count(0) > len(head) // 4:
        candidates = ["utf-16-be"]
    else:
        candidates = ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            raise ConfigError(f"{path}: not a text table (it holds NUL characters)")
        return text
    raise ConfigError(
        f"{path}: cannot read the text: it is neither UTF-8, UTF-16 nor Windows-1252 "
        "(in Excel: Save as 'CSV UTF-8')"
    )


def _delimited_rows(text: str, path: Path) -> list[tuple[str, list[str]]]:
    """(where, cells) per record of a CSV/TSV text; the separator is the one (tab, ';', ',') that
    makes the header hold a file column, else the one giving the most columns."""
    import csv
    import io

    lines = text.splitlines()
    first = 0
    delimiter = ""
    if lines and lines[0].lower().startswith("sep=") and len(lines[0].strip()) == 5:
        delimiter, first = lines[0].strip()[4], 1  # Excel's own "sep=;" first line
    header = next((line for line in lines[first:] if line.strip()), "")
    if not delimiter:

        def score(d: str) -> tuple[bool, int]:
            cells = next(csv.reader([header], delimiter=d), [])
            return any(c.strip().lower() in _ALIASES for c in cells), len(cells)

        delimiter = max(DELIMITERS, key=score)
    stream = io.StringIO(text, newline="")
    for _ in range(first):
        stream.readline()
    reader = csv.reader(stream, delimiter=delimiter)
    rows = []
    start = first
    try:
        for cells in reader:
            rows.append((f"line {start + 1}", cells))
            start = first + reader.line_num
    except csv.Error as exc:
        raise ConfigError(f"{path}: line {start + 1}: {exc}") from exc
    return rows


def _cell_text(value) -> str:
    import datetime

    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return str(value)


def _xlsx_rows(path: Path) -> list[tuple[str, list[str]]]:
    """(where, cells) per row of the first sheet whose first row names a file column (else the
    first sheet), values as Excel shows them (7, not 7.0)."""
    import warnings
    import zipfile

    import openpyxl  # a dependency for exactly this: .xlsx provenance lists (pyproject.toml)
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Workbook contains no default style" and the like
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read this Excel workbook (.xlsx): {exc}") from exc
    try:
        sheets = []
        for ws in wb.worksheets:
            rows = [
                (f"row {i}", [_cell_text(v) for v in values])
                for i, values in enumerate(ws.iter_rows(values_only=True), start=1)
            ]
            header = next((cells for _, cells in rows if any(c.strip() for c in cells)), [])
            if any(c.strip().lower() in _ALIASES for c in header):
                return rows
            sheets.append(rows)
        return sheets[0] if sheets else []
    finally:
        wb.close()


def _table_from_rows(rows: list[tuple[str, list[str]]], path: Path) -> ProvenanceTable:
    table = ProvenanceTable(path)
    rows = [(where, cells) for where, cells in rows if any(c.strip() for c in cells)]
    if not rows:
        raise ConfigError(f"{path}: the table is empty (it needs a header row with a 'file' column)")
    header_where, header = rows[0]
    cols = [c.strip() for c in header]
    names = [_COLUMN_ALIASES.get(c.lower(), c.lower()) for c in cols]
    file_idx = next((i for i, c in enumerate(names) if c in _ALIASES), None)
    if file_idx is None:
        found = ", ".join(c for c in cols if c) or "nothing"
        raise ConfigError(f"{path}: {header_where}: needs a 'file' column; found: {found}")
    for i, name in enumerate(names):
        if name and names.index(name) != i:
            raise ConfigError(f"{path}: {header_where}: column '{cols[i]}' appears twice")
    for where, cells in rows[1:]:
        at = f"{path}: {where}"
        extra = [c for c in cells[len(cols) :] if c.strip()]
        if extra:
            raise ConfigError(
                f"{at}: {len(cells)} values but the header has {len(cols)} columns "
                "(a separator inside a value needs quotes)"
            )
        cells = cells + [""] * (len(cols) - len(cells))
        name = cells[file_idx].strip()
        if not name:
            raise ConfigError(f"{at}: empty 'file'")
        values = {}
        for i, col in enumerate(names):
            if i == file_idx:
                continue
            if not col:
                if cells[i].strip():
                    raise ConfigError(f"{at}: value '{cells[i]}' in a column without a name")
                continue
            values[col] = cells[i]
        table.add(name, _from_mapping(values, at), where)
    return table


def _json_table(text: str, path: Path) -> ProvenanceTable:
    class Duplicate(Exception):
        pass

    def pairs(items):
        keys = [k for k, _ in items]
        dup = next((k for k in keys if keys.count(k) > 1), None)
        if dup is not None:
            raise Duplicate(dup)
        return dict(items)

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: not valid JSON: {exc}") from exc
    except Duplicate as exc:
        raise ConfigError(f"{path}: '{exc}' appears twice (one entry per file)") from None
    table = ProvenanceTable(path)
    if isinstance(data, dict):
        for name, row in data.items():
            if not isinstance(row, dict):
                raise ConfigError(f"{path}: entry '{name}': expected an object")
            table.add(str(name), _from_mapping(row, f"{path}: entry '{name}'"), f"entry '{name}'")
        return table
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a list of objects or an object keyed by file name")
    for i, row in enumerate(data, start=1):
        if not isinstance(row, dict) or not isinstance(row.get("file"), str) or not row["file"].strip():
            raise ConfigError(f"{path}: entry {i}: needs a 'file' field")
        fields = {k: v for k, v in row.items() if k != "file"}
        table.add(row["file"].strip(), _from_mapping(fields, f"{path}: entry {i}"), f"entry {i}")
    return table


def load_table(path: Path) -> ProvenanceTable:
    """Per-image provenance from a table with a 'file' column: CSV or TSV (separator ';', ',' or
    tab; UTF-8 with or without BOM, UTF-16, Windows-1252; see _decode), an Excel workbook (.xlsx),
    or JSON (a list with 'file', or {file: {...}}). Two rows for one file are an error naming both.

    Keys are file names as given; lookup() matches by full path, then by name; check_rows() says
    which rows match no input.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ConfigError(f"{path}: Excel 97-2003 workbooks (.xls) are not read; save it as .xlsx or CSV")
    if suffix in (".xlsx", ".xlsm"):
        return _table_from_rows(_xlsx_rows(path), path)
    text = _decode(path)
    if suffix == ".json":
        return _json_table(text, path)
    return _table_from_rows(_delimited_rows(text, path), path)


class _Index:
    """The inputs by every name a table row may use for them (see lookup())."""

    def __init__(self, images: list[Path]) -> None:
        self.by_text: dict[str, list[Path]] = {}
        self.by_resolved: dict[Path, Path] = {}
        for img in images:
            for text in {str(img), img.as_posix(), img.name, img.stem}:
                self.by_text.setdefault(text, []).append(img)
            self.by_resolved.setdefault(img.resolve(), img)

    def matches(self, key: str, base: Path | None) -> list[Path]:
        found = list(self.by_text.get(key, ()))
        slashed = key.strip().replace("\\", "/")
        found += self.by_text.get(slashed, ()) if slashed != key else ()
        for cand in _candidates(slashed, base):
            if cand in self.by_resolved:
                found.append(self.by_resolved[cand])
        return list(dict.fromkeys(found))


def _candidates(name: str, base: Path | None) -> list[Path]:
    """Where a file name from a table may point: as given (from the working folder) and from the
    table's own folder."""
    p = Path(name)
    if p.is_absolute():
        return [p.resolve()]
    out = [p.resolve()]
    if base is not None:
        out.append((base / p).resolve())
    return out


def _base(table: dict) -> Path | None:
    path = getattr(table, "path", None)
    return Path(path).resolve().parent if path else None


def lookup(table: dict[str, Provenance], image: Path) -> Provenance | None:
    for key in (str(image), image.as_posix(), image.name, image.stem):
        if key in table:
            return table[key]
    index, base = _Index([image]), _base(table)
    for key, prov in table.items():
        if index.matches(key, base):
            return prov
    return None


def check_rows(table: dict[str, Provenance], images: list[Path]) -> list[str]:
    """Warnings for rows that match none of the images (not among the inputs, or a path outside
    the inputs' folders): such a row is not used, and the user hears of it. Two rows matching one
    image are a ConfigError naming both."""
    if not table:
        return []
    index, base = _Index(list(images)), _base(table)
    where = getattr(table, "where", {})
    source = getattr(table, "path", None) or "provenance"
    folders = sorted({img.resolve().parent for img in images})
    claimed: dict[Path, str] = {}
    warnings = []
    for key in table:
        at = f"{source}: {where.get(key, repr(key))}"
        found = index.matches(key, base)
        for img in found:
            if img in claimed and claimed[img] != key:
                raise ConfigError(
                    f"{source}: {where.get(claimed[img], claimed[img])} and {where.get(key, key)} both give "
                    f"provenance for {img} (one row per file)"
                )
            claimed[img] = key
        if found:
            continue
        slashed = key.replace("\\", "/")
        cands = _candidates(slashed, base) if "/" in slashed or Path(slashed).is_absolute() else []
        if cands and not any(c.is_relative_to(f) for c in cands for f in folders):
            shown = str(folders[0]) if len(folders) == 1 else "the inputs' folders"
            warnings.append(f"{at}: '{key}' is outside the input folder ({shown}); this row is not used")
        else:
            warnings.append(f"{at}: '{key}' is not among the inputs; this row is not used")
    return warnings
