"""Register export: CSV and JSON parse back with the documented columns; --public drops internals."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from register_helpers import entry

from kilabel.register import csv_json as register_export
from kilabel.register.store import SqliteRegister

ROOT = Path(__file__).resolve().parent.parent
NASTY = 'Plakat "Buchstadt", Zeile 1\nZeile 2; <script>alert(1)</script> äöüß 🎨'


@pytest.fixture
def entries(tmp_path):
    with SqliteRegister(tmp_path / "r.sqlite") as reg:
        first = reg.add(entry(1, prompt=NASTY))
        reg.add(entry(2, supersedes=first.id, reason="Kennzeichnung fehlte im Druck"))
        reg.add(entry(3, campaign="Wahl"))
        yield reg.query()


def test_csv_parses_back_with_every_value(entries):
    rows = list(csv.DictReader(io.StringIO(register_export.to_csv(entries), newline="")))
    assert len(rows) == 3
    assert list(rows[0]) == register_export.COLUMNS
    assert rows[0]["prompt"] == NASTY
    assert rows[0]["status"] == "superseded" and rows[0]["superseded_by"] == "2"
    assert rows[1]["supersedes"] == "1" and rows[1]["reason"] == "Kennzeichnung fehlte im Druck"
    assert rows[2]["supersedes"] == "" and rows[2]["status"] == "current"
    assert rows[0]["operator"] == "Erika" and rows[0]["input_path"] == "/in/motiv1.jpg"


def test_json_parses_back(entries):
    doc = json.loads(register_export.to_json(entries))
    assert doc["format"] == "kilabel-register" and doc["public"] is False
    assert doc["columns"] == register_export.COLUMNS
    assert [e["id"] for e in doc["entries"]] == [1, 2, 3]
    assert doc["entries"][0]["prompt"] == NASTY and doc["entries"][1]["supersedes"] == 1
    assert all(list(e) == doc["columns"] for e in doc["entries"])


def test_public_leaves_out_internal_fields(entries):
    internal = {"operator", "input_path", "output_path", "input_name", "input_sha256"}
    doc = json.loads(register_export.to_json(entries, public=True))
    assert doc["public"] is True
    for e in doc["entries"]:
        assert not internal & set(e)
        assert e["output_sha256"] and e["prompt"] is not None and "reason" in e
    text = register_export.to_csv(entries, public=True)
    header = next(csv.reader(io.StringIO(text)))
    assert not internal & set(header)
    assert "Erika" not in text and "/in/motiv1.jpg" not in text


def test_every_column_is_documented():
    doc = (ROOT / "docs" / "register.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9_]+)` \|", doc, re.MULTILINE))
    assert set(register_export.COLUMNS) <= documented, set(register_export.COLUMNS) - documented
    for col in register_export.INTERNAL:
        assert re.search(rf"^\| `{col}` \|[^\n]*\| no \|", doc, re.MULTILINE), f"{col} not marked as internal"
