"""End to end: `kilabel export` records, `register list/history/export` and `credits` read it back,
a re-export with --reason is a linked correction (real subprocesses, as a user runs them)."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from conftest import run_cli
from PIL import Image

from kilabel.cli import main as cli
from kilabel.register import schema as register_schema

PROMPT = 'Leipzig bei Nacht, <script>alert("x")</script> & "Buchstadt"'
PROV = [
    "--source-type",
    "trainedAlgorithmicMedia",
    "--ai-system",
    "Midjourney",
    "--ai-version",
    "6.1",
    "--creator",
    "Agentur Süd",
    "--credit",
    "Bild: KI-generiert / Agentur Süd",
]


def _ok(proc, code=0):
    assert proc.returncode == code, proc.stderr
    return proc


def test_export_list_history_correction_credits(make_image, tmp_path, kilabel_home):
    (kilabel_home / "config").mkdir(parents=True, exist_ok=True)
    (kilabel_home / "config" / "settings.toml").write_text('operator = "Erika Muster"\n', encoding="utf-8")
    src = make_image("motiv.jpg")
    _ok(
        run_cli(
            "export",
            str(src),
            "-o",
            str(tmp_path / "web"),
            "--profile",
            "web-jpeg",
            "-j",
            "1",
            "--campaign",
            "Buchstadt",
            "--prompt",
            PROMPT,
            *PROV,
        )
    )
    out = tmp_path / "web" / "motiv-web.jpg"
    assert out.exists()

    listed = _ok(run_cli("register", "list")).stdout
    assert "motiv-web.jpg" in listed and "Buchstadt" in listed and "Midjourney 6.1" in listed
    hist = _ok(run_cli("register", "history", str(out))).stdout
    assert hist.splitlines()[1].split()[0] == "1"

    # a correction: relabel the exported file, with a reason; the campaign is carried over
    fix = _ok(
        run_cli(
            "export",
            str(out),
            "-o",
            str(tmp_path / "fix"),
            "--profile",
            "web-jpeg",
            "-j",
            "1",
            "--preset",
            "ki-montage",
            "--reason",
            "label missing on print",
        )
    )
    assert "correction of entry 1 (label missing on print)" in fix.stderr
    out2 = tmp_path / "fix" / "motiv-web-web.jpg"
    hist = _ok(run_cli("register", "history", str(out2))).stdout
    ids = [line.split()[0] for line in hist.splitlines()[1:]]
    assert (
        ids == ["1", "2"] and "superseded by 2" in hist and "correction of 1: label missing on print" in hist
    )

    doc = json.loads(_ok(run_cli("register", "export", "--json")).stdout)
    first, second = doc["entries"]
    assert second["supersedes"] == 1 and second["reason"] == "label missing on print"
    assert first["status"] == "superseded" and second["status"] == "current"
    assert (
        second["campaign"] == "Buchstadt" and second["prompt"] == PROMPT
    )  # from the register / the manifest
    assert first["operator"] == "Erika Muster" and first["prompt"] == PROMPT
    assert first["input_sha256"] and first["output_sha256"] == second["input_sha256"]
    assert first["label_id"] == "ki-generiert" and second["label_id"] == "ki-montage"
    assert first["profile_id"] == "web-jpeg" and first["position"] and first["label_text"]
    assert first["program_version"].startswith("kilabel ") and first["c2pa_state"] in ("valid", "trusted")
    keys_show = _ok(run_cli("keys", "show")).stdout
    assert first["signer_fingerprint"] and first["signer_fingerprint"] in keys_show
    assert first["signer_organisation"]

    # find by file: a renamed copy by hash, a re-saved file by the register id in its XMP
    copy = tmp_path / "elsewhere" / "umbenannt.jpg"
    copy.parent.mkdir()
    shutil.copy(out, copy)
    assert _ok(run_cli("register", "history", str(copy))).stdout.splitlines()[1].split()[0] == "1"
    resaved = tmp_path / "elsewhere" / "neu-gespeichert.jpg"
    with Image.open(out2) as im:
        im.save(resaved, quality=70, xmp=im.info["xmp"])
    hist = _ok(run_cli("register", "history", str(resaved))).stdout
    assert [line.split()[0] for line in hist.splitlines()[1:]] == ["1", "2"]
    stranger = make_image("fremd.jpg", seed=7)
    assert "not in the register" in _ok(run_cli("register", "history", str(stranger)), 3).stdout

    html = _ok(run_cli("credits", "--campaign", "Buchstadt", "--format", "html")).stdout
    assert "<script" not in html and "&lt;script&gt;" in html and "Agentur Süd" in html
    text = _ok(run_cli("credits", str(out2), "--lang", "en")).stdout
    assert text.startswith("Image credits – Buchstadt") and text.count("motiv.jpg – ") == 1

    public = tmp_path / "public.csv"
    _ok(run_cli("register", "export", "--csv", "--public", "--out", str(public)))
    rows = list(csv.DictReader(io.StringIO(public.read_text(encoding="utf-8-sig"), newline="")))
    assert len(rows) == 2 and "operator" not in rows[0] and "input_path" not in rows[0]
    assert rows[0]["prompt"] == PROMPT and "Erika" not in public.read_text(encoding="utf-8-sig")


def test_two_profiles_then_correction_per_profile(make_image, tmp_path, capsys):
    src = make_image("plakat.png", format="PNG")
    args = [
        "export",
        str(src),
        "-o",
        str(tmp_path / "o"),
        "--profile",
        "web-jpeg",
        "--profile",
        "same-as-input",
        "-j",
        "1",
        "--campaign",
        "Wahl",
        *PROV,
    ]
    assert cli.main(args) == 0
    assert cli.main(["register", "list", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)["entries"]
    assert len(first) == 2 and all(e["supersedes"] is None for e in first)  # not corrections of each other
    assert cli.main([*args, "--overwrite", "--reason", "wrong prompt", "--prompt", "neuer Prompt"]) == 0
    capsys.readouterr()
    assert cli.main(["register", "list", "--json", "--current"]) == 0
    now = json.loads(capsys.readouterr().out)["entries"]
    by_profile = {e["profile_id"]: e for e in now}
    old = {e["profile_id"]: e["id"] for e in first}
    assert {p: e["supersedes"] for p, e in by_profile.items()} == old
    assert all(e["reason"] == "wrong prompt" and e["prompt"] == "neuer Prompt" for e in now)


def test_filters_and_usage_errors(make_image, tmp_path, capsys):
    src = make_image("a.jpg")
    assert cli.main(["export", str(src), "-o", str(tmp_path / "o"), "-j", "1", "--campaign", "X", *PROV]) == 0
    capsys.readouterr()
    assert cli.main(["register", "list", "--campaign", "Y"]) == 0
    assert capsys.readouterr().out == ""
    assert cli.main(["register", "list", "--since", "2000-01-01", "--ai-system", "midjourney"]) == 0
    assert "a.jpg" in capsys.readouterr().out
    assert cli.main(["register", "list", "--since", "letzte Woche"]) == 2
    assert cli.main(["register", "export"]) == 2  # --csv or --json is required
    assert cli.main(["credits", "--ids", "eins"]) == 2
    assert cli.main(["register", "info"]) == 0
    assert f"schema version: {register_schema.VERSION}" in capsys.readouterr().out


def test_export_fails_cleanly_when_the_register_cannot_be_opened(make_image, tmp_path, kilabel_home):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    (kilabel_home / "config").mkdir(parents=True, exist_ok=True)
    (kilabel_home / "config" / "settings.toml").write_text(
        f'register_path = "{(blocker / "r.sqlite").as_posix()}"\n', encoding="utf-8"
    )
    src = make_image("b.jpg")
    proc = run_cli("export", str(src), "-o", str(tmp_path / "o"), "-j", "1", *PROV)
    assert proc.returncode == 2 and "cannot open the register" in proc.stderr
    assert not (tmp_path / "o" / "b.jpg").exists()  # nothing exported without a record


def test_run_job_records_too(make_image, tmp_path, capsys):
    from kilabel.export import job
    from kilabel.presets import get as preset
    from kilabel.provenance import Provenance

    src = make_image("job.jpg")
    the_job = job.Job(
        images=[job.JobImage(str(src), Provenance("trainedAlgorithmicMedia", "Midjourney", campaign="Job"))],
        preset=preset("ki-generiert"),
        out_dir=str(tmp_path / "jo"),
    )
    path = job.save(the_job, tmp_path / "a.kilabel.json")
    assert cli.main(["run-job", str(path), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert cli.main(["register", "list", "--json", "--campaign", "Job"]) == 0
    (e,) = json.loads(capsys.readouterr().out)["entries"]
    assert e["input_name"] == "job.jpg" and e["label_id"] == "ki-generiert" and e["output_sha256"]


def test_skipped_outputs_are_not_recorded_again(make_image, tmp_path, capsys):
    src = make_image("skip.jpg")
    args = ["export", str(src), "-o", str(tmp_path / "o"), "-j", "1", *PROV]
    assert cli.main(args) == 0
    assert cli.main([*args, "--skip-existing"]) == 0
    capsys.readouterr()
    assert cli.main(["register", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["entries"]) == 1


def test_print_export_records_its_effective_dpi(make_image, tmp_path, capsys):
    """The register answers a print shop's question "what resolution did the poster have"."""
    src = make_image("plakat.jpg", size=(1800, 1200))
    args = ["export", str(src), "-o", str(tmp_path / "o"), "-j", "1", "--profile", "poster-a2-cmyk-tiff"]
    assert cli.main([*args, *PROV]) == 0
    capsys.readouterr()
    assert cli.main(["register", "list", "--json"]) == 0
    (e,) = json.loads(capsys.readouterr().out)["entries"]
    # A2 with 3 mm bleed is 600×426 mm; the cover fit is bound by the height: 1200 px over 426 mm
    assert e["effective_dpi"] == pytest.approx(1200 / (426 / 25.4), abs=0.2)  # 71.5, not the profile's 300
    assert cli.main(["export", str(src), "-o", str(tmp_path / "w"), "-j", "1", *PROV]) == 0
    capsys.readouterr()
    assert cli.main(["register", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["entries"][-1]["effective_dpi"] is None  # no physical size
