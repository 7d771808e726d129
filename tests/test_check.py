"""`kilabel check`: verdicts worded as strongly as the evidence, streaming output, exit code 3."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pdf_builders as pb
import pytest
from conftest import photo

from kilabel import presets, profiles
from kilabel.check import folder as check
from kilabel.check import ocr
from kilabel.cli.main import main
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline import label_render
from kilabel.provenance import Provenance

AI_URI = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"


@pytest.fixture(scope="session")
def tesseract():
    st = ocr.status()
    if not st.available:
        pytest.fail(f"text recognition is missing: {st.why} (tools/setup.sh installs it)", pytrace=False)
    return st


def mark_ai(path: Path) -> Path:
    subprocess.run(
        ["exiftool", "-q", "-overwrite_original", f"-XMP-iptcExt:DigitalSourceType={AI_URI}", str(path)],
        check=True,
    )
    return path


@pytest.fixture
def folder(tmp_path, make_image, identity):
    """labelled kilabel output, AI image without label, plain photo, tampered file, PDF, a sub-folder."""
    root = tmp_path / "material"
    (root / "sub").mkdir(parents=True)
    res = export_one(
        ExportTask(
            str(make_image("gen.jpg", (640, 480))),
            str(root),
            presets.get("ki-generiert"),
            profiles.SAME_AS_INPUT,
            Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney"),
        ),
        identity,
    )
    assert res.ok, res.error
    photo((640, 480), seed=3).save(root / "sub" / "ai-ohne.jpg", quality=90)
    mark_ai(root / "sub" / "ai-ohne.jpg")
    photo((640, 480), seed=4).save(root / "foto.png")
    data = bytearray(Path(res.output).read_bytes())
    data[-300] ^= 0x55
    (root / "sub" / "tampered.jpg").write_bytes(bytes(data))
    pb.brochure(root / "broschuere.pdf")
    (root / "notes.txt").write_text("not checked")
    return root


def verdicts(rows) -> dict[str, str]:
    return {Path(r.file).name: r.verdict_code for r in rows}


def test_verdicts(folder, tesseract):
    rows = list(check.check_paths(list(check.iter_files(folder)), check.CheckOptions()))
    assert verdicts(rows) == {
        "gen.jpg": "labelled",
        "ai-ohne.jpg": "ai-unlabelled",
        "foto.png": "no-ai",
        "tampered.jpg": "damaged",
        "broschuere.pdf": "ai-unlabelled",
    }
    by = {Path(r.file).name: r for r in rows}
    assert by["gen.jpg"].ai_system == "Midjourney" and by["gen.jpg"].provenance in ("trusted", "untrusted")
    assert by["gen.jpg"].visible_label == "not checked"  # intact signature: no text recognition needed
    assert (
        by["ai-ohne.jpg"].visible_label == "not found"
        and by["ai-ohne.jpg"].verdict == "AI image, no visible label found"
    )
    assert by["tampered.jpg"].provenance == "invalid" and by["tampered.jpg"].provenance_why
    assert by["tampered.jpg"].provenance_de.startswith(
        "Ungültig: die Datei wurde nach dem Signieren verändert"
    )
    assert by["broschuere.pdf"].images == "4 placed, 1 AI (3)"
    counts = check.summary(rows)
    assert counts["files"] == 5 and counts["attention"] == 3


def test_without_text_recognition_the_verdict_says_so(folder, monkeypatch):
    monkeypatch.setattr(ocr, "status", lambda: ocr.OcrStatus(False, "tesseract is not installed"))
    rows = list(check.check_paths([folder / "sub" / "ai-ohne.jpg"], check.CheckOptions()))
    assert rows[0].verdict == "AI image, no label recorded (text recognition not available)"


def test_ocr_sees_label_drawn_by_kilabel(tmp_path, tesseract):
    """An AI image whose label is in the pixels but whose kilabel metadata was lost (re-saved)."""
    img = photo((1200, 900), seed=5)
    preset = presets.get("ki-generiert")
    label_render.apply(img, preset, preset.wording("de"))
    path = tmp_path / "resaved.jpg"
    img.save(path, quality=85)
    assert ocr.find_label(img).found and "KI-generiert" in ocr.find_label(img).text
    row = check.check_file(mark_ai(path), check.CheckOptions())
    assert row.verdict_code == "labelled" and "KI-generiert" in row.visible_label
    plain = photo((1200, 900), seed=6)
    assert not ocr.find_label(plain).found


@pytest.mark.parametrize(
    "line,is_label",
    [
        ("KI-generiert", True),
        ("Kl-generiert", True),
        ("Bild: KI-generiert mit Midjourney", True),
        ("Mit KI erstellt", True),
        ("Mit Klerstellt", True),
        ("Made with AI", True),
        ("Made with Al", True),
        ("AI-generated composite", True),
        ("KI", True),
        ("Mitarbeiter erstellt", False),
        ("Kilo generell", False),
        ("KIEL 2025", False),
        ("Made without", False),
        ("BRAIN", False),
    ],
)
def test_label_wording_also_as_ocr_misreads_it(line, is_label):
    """Tesseract reads I as l and runs "KI" into the next word; unrelated words stay unmatched."""
    assert bool(ocr.label_line(line)) == is_label


@pytest.mark.parametrize("position", ["bottom-center", "top-center", "middle-right", "bottom-left"])
def test_ocr_sees_vertical_labels_wherever_they_stand(tesseract, position):
    """Vertical labels read upwards: along the side bands, and at top/bottom-centre in the middle
    column (the top and bottom bands cut them across)."""
    preset = presets.get("ki-generiert-vertikal").with_placement(position=position)
    for size in ((1200, 800), (800, 1200)):
        img = photo(size, seed=2)
        label_render.apply(img, preset, preset.wording("de"))
        found = ocr.find_label(img)
        assert found.found and "KI" in found.text, (position, size)


def test_cli_streams_json_and_csv_exit_3(folder, capsys, tesseract):
    assert main(["check", str(folder), "--json"]) == 3
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 5 and {"file", "verdict", "provenance", "provenance_de", "visible_label"} <= set(
        lines[0]
    )
    assert "5 files:" in err and "3 need attention" in err
    assert main(["check", str(folder), "--csv", "--ocr", "off"]) == 3
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 5 and rows[0]["verdict"]
    assert main(["check", str(folder / "foto.png")]) == 0
    assert "no AI provenance found" in capsys.readouterr().out


def test_relabelled_pdf_checks_as_labelled(tmp_path, identity):
    from kilabel.relabel.pdf import PdfRelabelTask, relabel_pdf

    src = pb.brochure(tmp_path / "b.pdf")
    res = relabel_pdf(
        PdfRelabelTask(str(src), str(tmp_path / "out"), presets.get("ki-generiert"), from_provenance=True),
        identity,
    )
    assert res.ok, res.error
    row = check.check_file(Path(res.output), check.CheckOptions())
    assert row.verdict_code == "labelled" and row.kilabel_label.startswith("metadata: KI-generiert")


def test_ocr_off_does_not_claim_no_label(folder):
    rows = list(check.check_paths([folder / "sub" / "ai-ohne.jpg"], check.CheckOptions(ocr="off")))
    assert rows[0].verdict_code == "ai-unchecked" and "--ocr off" in rows[0].basis
