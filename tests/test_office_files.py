"""Provenance lists as German offices have them (issue 13, item 7): Excel's "CSV
(Trennzeichen-getrennt)" (';', Windows-1252, CRLF), "Unicode-Text" (UTF-16LE with BOM, tabs),
"CSV UTF-8" (BOM, ','), and .xlsx workbooks; rows for no input are reported, duplicates refused.
The files are written byte for byte as Excel writes them, then exported with --provenance FILE.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from conftest import run_cli

from kilabel.errors import ConfigError
from kilabel.pipeline.verify import verify
from kilabel.provenance import check_rows, load_table

PROMPT_A = 'Straßenbahn im Regen; Fotostil, „Zitat“ mit "Anführung"\nzweite Zeile'
CREATOR_A = "Müller & Söhne GmbH"
CREDIT_A = "Foto: KI · Honorar 5 €"


def _csv_cell(value: str, sep: str) -> str:
    """Quote as Excel does: only where the value holds the separator, a quote or a line break."""
    if any(ch in value for ch in (sep, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


def _excel_text(rows: list[list[str]], sep: str) -> str:
    return "".join(sep.join(_csv_cell(c, sep) for c in row) + "\r\n" for row in rows)


ROWS = [
    ["file", "source_type", "ai_system", "ai_version", "prompt", "creator", "credit"],
    ["a.jpg", "trainedAlgorithmicMedia", "Midjourney", "7", PROMPT_A, CREATOR_A, CREDIT_A],
    [
        "b.png",
        "compositeWithTrainedAlgorithmicMedia",
        "Adobe Firefly",
        "3",
        "Übermalung 🎨",
        "Öffentlichkeitsamt",
        "",
    ],
]


def _inputs(make_image):
    return make_image("a.jpg", (240, 160)), make_image("b.png", (240, 160), seed=2)


def _export(tmp_path: Path, table: Path, *inputs: Path, out: str = "out"):
    return run_cli(
        "export",
        *map(str, inputs),
        "--provenance",
        str(table),
        "--preset",
        "ki-montage",
        "--out",
        str(tmp_path / out),
        "-j",
        "1",
    )


def _check_outputs(out: Path, emoji: bool = True) -> None:
    a = verify(out / "a.jpg").provenance
    assert a.prompt == PROMPT_A
    assert a.creator == CREATOR_A and a.ai_system == "Midjourney" and a.ai_version == "7"
    assert a.source_type == "trainedAlgorithmicMedia"
    b = verify(out / "b.png").provenance
    assert b.ai_system == "Adobe Firefly" and b.source_type == "compositeWithTrainedAlgorithmicMedia"
    assert b.prompt == ("Übermalung 🎨" if emoji else "Übermalung")


def test_excel_csv_semicolon_windows_1252(make_image, tmp_path):
    """Excel on a German Windows: "CSV (Trennzeichen-getrennt) (*.csv)"."""
    rows = [r[:] for r in ROWS]
    rows[2][4] = "Übermalung"  # Windows-1252 has no emoji; Excel writes '?' for it
    data = _excel_text(rows, ";").encode("cp1252")
    assert b"\x80" in data and b"\xfc" in data and b";" in data and b"\r\n" in data  # €, ü
    table = tmp_path / "Herkunft.csv"
    table.write_bytes(data)
    res = _export(tmp_path, table, *_inputs(make_image))
    assert res.returncode == 0, res.stderr
    assert str(table) not in res.stderr, res.stderr  # every row used, no warning about the table
    _check_outputs(tmp_path / "out", emoji=False)
    assert load_table(table)["a.jpg"].credit == CREDIT_A


def test_excel_unicode_text_utf16_tabs(make_image, tmp_path):
    """Excel: "Unicode-Text (*.txt)": UTF-16LE with BOM, tab-separated, CRLF."""
    data = codecs.BOM_UTF16_LE + _excel_text(ROWS, "\t").encode("utf-16-le")
    table = tmp_path / "Herkunft.txt"
    table.write_bytes(data)
    res = _export(tmp_path, table, *_inputs(make_image))
    assert res.returncode == 0, res.stderr
    _check_outputs(tmp_path / "out")
    assert load_table(table)["a.jpg"].credit == CREDIT_A


def test_excel_csv_utf8_with_bom_and_comma(make_image, tmp_path):
    """Excel: "CSV UTF-8 (durch Trennzeichen getrennt)": BOM, ',' (or ';' in German settings)."""
    for sep, name in ((",", "komma.csv"), (";", "semikolon.csv")):
        table = tmp_path / name
        table.write_bytes(codecs.BOM_UTF8 + _excel_text(ROWS, sep).encode("utf-8"))
        loaded = load_table(table)
        assert loaded["a.jpg"].prompt == PROMPT_A and loaded["b.png"].prompt == "Übermalung 🎨"
    table = tmp_path / "ohne-bom.csv"
    table.write_bytes(_excel_text(ROWS, ";").encode("utf-8"))
    res = _export(tmp_path, table, *_inputs(make_image))
    assert res.returncode == 0, res.stderr
    _check_outputs(tmp_path / "out")


def test_xlsx_workbook(make_image, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bildnachweise"
    for row in ROWS:
        ws.append([int(c) if c.isdigit() else c for c in row])  # the version as a number, as typed
    ws.append([None] * len(ROWS[0]))  # an empty formatted row, as workbooks have
    table = tmp_path / "Herkunft.xlsx"
    wb.save(table)
    res = _export(tmp_path, table, *_inputs(make_image))
    assert res.returncode == 0, res.stderr
    _check_outputs(tmp_path / "out")
    assert load_table(table).where["b.png"] == "row 3"


def test_rows_for_no_input_are_reported_not_dropped(make_image, tmp_path):
    a, b = _inputs(make_image)
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    rows = ROWS + [
        ["c.jpg", "trainedAlgorithmicMedia", "DALL-E", "", "", "", ""],
        ["../anderswo/d.jpg", "trainedAlgorithmicMedia", "DALL-E", "", "", "", ""],
        [str(elsewhere / "e.jpg"), "trainedAlgorithmicMedia", "DALL-E", "", "", "", ""],
    ]
    table = a.parent / "Herkunft.csv"  # next to the images, names relative to it
    table.write_bytes(_excel_text(rows, ";").encode("utf-8"))
    res = _export(tmp_path, table, a, b)
    assert res.returncode == 0, res.stderr
    warnings = [line for line in res.stderr.splitlines() if str(table) in line]
    assert len(warnings) == 3 and all(w.startswith("warning: ") for w in warnings), res.stderr
    # line numbers are the file's own: the prompt of a.jpg spans lines 2 and 3
    assert "line 5" in warnings[0] and "'c.jpg' is not among the inputs" in warnings[0]
    assert "line 6" in warnings[1] and "outside the input folder" in warnings[1]
    assert "line 7" in warnings[2] and "outside the input folder" in warnings[2]
    _check_outputs(tmp_path / "out")


def test_relative_paths_are_read_from_the_tables_folder(make_image, tmp_path):
    a, b = _inputs(make_image)
    table = tmp_path / "listen" / "Herkunft.csv"
    table.parent.mkdir()
    rows = [ROWS[0], ["../in/a.jpg", *ROWS[1][1:]], ["..\\in\\b.png", *ROWS[2][1:]]]  # Windows-style too
    table.write_bytes(_excel_text(rows, ";").encode("utf-8"))
    res = _export(tmp_path, table, a, b)
    assert res.returncode == 0, res.stderr
    assert str(table) not in res.stderr, res.stderr
    _check_outputs(tmp_path / "out")


def test_duplicate_rows_for_one_file_name_both_lines(make_image, tmp_path):
    a, b = _inputs(make_image)
    rows = ROWS + [["./a.jpg", "trainedAlgorithmicMedia", "Imagen", "", "", "", ""]]
    table = tmp_path / "doppelt.csv"
    table.write_bytes(_excel_text(rows, ";").encode("cp1252", errors="replace"))
    res = _export(tmp_path, table, a, b)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "line 2 and line 5" in res.stderr and "a.jpg" in res.stderr  # a.jpg's prompt spans 2 lines
    assert not (tmp_path / "out").exists()
    # two spellings that name one input (its name and a path to it) are a duplicate too
    rows = ROWS + [[str(a), "trainedAlgorithmicMedia", "Imagen", "", "", "", ""]]
    table.write_bytes(_excel_text(rows, ";").encode("utf-8"))
    with pytest.raises(ConfigError, match="line 2 and line 5"):
        check_rows(load_table(table), [a, b])


def test_duplicate_rows_in_a_workbook_name_both_rows(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    for row in (ROWS[0], ROWS[1], ROWS[2], ROWS[1]):
        wb.active.append(row)
    table = tmp_path / "doppelt.xlsx"
    wb.save(table)
    with pytest.raises(ConfigError, match="row 2 and row 4"):
        load_table(table)


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("alt.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 60, ".xls"),
        ("kaputt.xlsx", b"PK\x03\x04 nicht wirklich", "Excel workbook"),
        ("leer.csv", b"", "empty"),
        (
            "ohne-datei.csv",
            "Bild;ai_system\r\na.jpg;X\r\n".encode("cp1252"),
            "'file' column; found: Bild, ai_system",
        ),
        ("zu-viele.csv", b"file;ai_system\r\na.jpg;X;Y\r\n", "line 2: 3 values"),
        ("unbekannt.csv", b"file;colour\r\na.jpg;red\r\n", "colour"),
        ("undefiniert.csv", b"file;ai_system\r\na.jpg;\x81\x8d\xff\xfe\xc3\r\n", "Windows-1252"),
    ],
)
def test_unusable_tables_are_one_clear_error(make_image, tmp_path, name, data, message):
    table = tmp_path / name
    table.write_bytes(data)
    with pytest.raises(ConfigError) as err:
        load_table(table)
    assert str(table) in str(err.value) and message in str(err.value)
    res = _export(tmp_path, table, make_image("a.jpg", (120, 90)))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr


def test_multiline_cells_keep_their_line_numbers(tmp_path):
    rows = [ROWS[0], ROWS[1], ROWS[1][:]]
    rows[2][0] = "z.jpg"
    rows[2][1] = "madeUp"
    table = tmp_path / "zeilen.csv"
    table.write_bytes(_excel_text(rows, ";").encode("utf-8"))  # row 2's prompt spans two lines
    with pytest.raises(ConfigError, match="line 4: source_type 'madeUp'"):
        load_table(table)


def test_json_duplicates_and_lists_still_work(tmp_path):
    table = tmp_path / "p.json"
    table.write_text('{"a.jpg": {"ai_system": "X"}, "a.jpg": {"ai_system": "Y"}}', encoding="utf-8")
    with pytest.raises(ConfigError, match="twice"):
        load_table(table)
    table.write_text('[{"file": "a.jpg", "ai_system": "X"}, {"file": "a.jpg", "ai_system": "Y"}]')
    with pytest.raises(ConfigError, match="entry 1 and entry 2"):
        load_table(table)
    table.write_text('[{"file": "a.jpg", "ai_system": "X"}]')
    assert load_table(table)["a.jpg"].ai_system == "X"


def test_german_column_headers_as_the_window_names_them(tmp_path):
    """An office that types the window's German words as headers gets its values read."""
    head = [
        "Dateiname",
        "Art der Entstehung",
        "KI-System",
        "Version",
        "Prompt von",
        "Urheber",
        "Auftraggeber",
    ]
    head += ["Bildnachweis", "Kampagne"]
    row = [
        "a.jpg",
        "trainedAlgorithmicMedia",
        "Midjourney",
        "7",
        "Pressestelle",
        "Anna Müller",
        "Stadt Leipzig",
    ]
    row += ["KI-generiert (Midjourney)", "Herbst"]
    table = tmp_path / "Liste.csv"
    table.write_bytes((";".join(head) + "\r\n" + ";".join(row) + "\r\n").encode("cp1252"))
    got = load_table(table)["a.jpg"]
    assert (got.source_type, got.ai_system, got.ai_version) == ("trainedAlgorithmicMedia", "Midjourney", "7")
    assert (got.prompt_writer, got.creator, got.client) == ("Pressestelle", "Anna Müller", "Stadt Leipzig")
    assert (got.credit, got.campaign) == ("KI-generiert (Midjourney)", "Herbst")
