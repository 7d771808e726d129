"""The register as CSV or JSON, full or public (docs/register.md documents every column).

The public set leaves out internal fields (operator, file paths, input file names and hashes) so
that it can go on a transparency page; corrections and their reasons stay in, as the open record
of mistakes that the guidelines ask for.
"""

from __future__ import annotations

import csv
import io
import json

from kilabel import __version__
from kilabel.register.store import STORED, Entry, now_utc

FORMAT = "kilabel-register"
FORMAT_VERSION = 1

COLUMNS = ["id", "status", "superseded_by", *STORED]
INTERNAL = {"operator", "machine", "input_name", "input_path", "input_sha256", "output_path"}
PUBLIC_COLUMNS = [c for c in COLUMNS if c not in INTERNAL]
PAGE_COLUMNS = [*PUBLIC_COLUMNS, "prompt_public"]  # the transparency page's data (register publish)


def columns(public: bool = False, page: bool = False) -> list[str]:
    return PAGE_COLUMNS if page else PUBLIC_COLUMNS if public else COLUMNS


def row(entry: Entry, public: bool = False, prompt_public: dict[int, bool] | None = None) -> dict:
    """One entry as an ordered dict of the export columns (status: current | superseded); with
    `prompt_public` (entry id -> may its prompt be published) the page's columns."""
    values = {"status": "current" if entry.current else "superseded"}
    if prompt_public is not None:
        values["prompt_public"] = prompt_public.get(entry.id, False)
    return {
        c: values[c] if c in values else getattr(entry, c)
        for c in columns(public, page=prompt_public is not None)
    }


def to_csv(entries: list[Entry], public: bool = False, prompt_public: dict[int, bool] | None = None) -> str:
    """CSV with a header row; empty values as '', ids as numbers; newlines inside fields quoted."""
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(
        buf, fieldnames=columns(public, page=prompt_public is not None), lineterminator="\r\n"
    )
    writer.writeheader()
    for e in entries:
        writer.writerow({k: "" if v is None else v for k, v in row(e, public, prompt_public).items()})
    return buf.getvalue()


def to_json(entries: list[Entry], public: bool = False, prompt_public: dict[int, bool] | None = None) -> str:
    """A JSON document: format, version, time of export, the column list and the entries."""
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": f"kilabel {__version__}",
        "exported": now_utc(),
        "public": public,
        "columns": columns(public, page=prompt_public is not None),
        "entries": [row(e, public, prompt_public) for e in entries],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write(text: str, path, fmt: str) -> None:
    """Write an export file atomically; CSV gets a BOM so spreadsheet programs read UTF-8."""
    from pathlib import Path

    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="")
    tmp.replace(path)
