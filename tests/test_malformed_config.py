"""Malformed job files, presets, settings and limits give one clear line, never a traceback
(issue 13, items 6 and 8)."""

from __future__ import annotations

import copy
import json
import math
import os
from pathlib import Path

import pytest
from conftest import run_cli

from kilabel import presets, settings
from kilabel.errors import ConfigError
from kilabel.provenance import Provenance

GOOD_JOB = {
    "schema_version": 1,
    "kind": "kilabel-job",
    "language": "de",
    "out_dir": "out",
    "profiles": ["same-as-input"],
    "preset": {"id": "eigen", "text": {"de": "KI-generiert", "en": "AI-generated"}},
    "images": [
        {
            "path": "a.jpg",
            "provenance": {"source_type": "trainedAlgorithmicMedia", "ai_system": "Midjourney"},
            "placement": {"position": "top-left", "offset_x": 0.1},
        }
    ],
}


def _set(path: str, value):
    """A change to GOOD_JOB: set the value at a dotted path ('images.0.placement.offset_x')."""

    def change(job: dict) -> None:
        *parents, last = path.split(".")
        node = job
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        node[int(last) if isinstance(node, list) else last] = value

    return change


MALFORMED = [
    ("schema_version", "abc", "schema_version"),
    ("schema_version", None, "schema_version"),
    ("schema_version", 1.5, "schema_version"),
    ("images", 5, "images"),
    ("images.0", 5, "images[0]"),
    ("images.0.path", 5, "path"),
    ("preset", ["ki-generiert"], "preset"),
    ("preset.text.de", "KI {ai_system.x}", "text.de"),
    ("preset.size", [1, 2], "size"),
    ("images.0.provenance", [{"ai_system": "X"}], "provenance"),
    ("images.0.provenance.ai_system", {"name": "X"}, "provenance.ai_system"),
    ("images.0.placement", ["top-left"], "placement"),
    ("images.0.placement.offset_x", "a", "offset_x"),
    ("images.0.placement.vertical", "yes", "vertical"),
    ("out_dir", 5, "out_dir"),
    ("profiles", "web-jpeg", "profiles"),
    ("language", 5, "language"),
]


@pytest.mark.parametrize("where, value, field", MALFORMED, ids=[f"{w}={v!r}" for w, v, _ in MALFORMED])
def test_malformed_job_file_is_one_line_exit_2(tmp_path, where, value, field):
    job = copy.deepcopy(GOOD_JOB)
    _set(where, value)(job)
    path = tmp_path / "auftrag.json"
    path.write_text(json.dumps(job), encoding="utf-8")
    res = run_cli("run-job", str(path))
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith("error: ") and str(path) in lines[0] and field in lines[0], lines[0]


def test_the_good_job_loads(tmp_path):
    """The base of the malformed shapes is itself a valid job (so each shape tests one fault)."""
    from kilabel.export import job

    path = tmp_path / "auftrag.json"
    path.write_text(json.dumps(GOOD_JOB), encoding="utf-8")
    loaded = job.load(path)
    assert loaded.images[0].placement == {"position": "top-left", "offset_x": 0.1}
    assert loaded.images[0].provenance.ai_system == "Midjourney"
    assert loaded.out_dir == str((tmp_path / "out").resolve())


# presets ---------------------------------------------------------------------------------------


def test_label_fields_are_the_provenance_fields():
    assert set(presets.LABEL_FIELDS) == set(Provenance().as_fields())


@pytest.mark.parametrize(
    "text, problem",
    [
        ("KI {ai_system.x}", "plain field name"),
        ("KI {ai_system[0]}", "plain field name"),
        ("KI {0}", "plain field name"),
        ("KI {}", "plain field name"),
        ("KI {ai_system!r}", "format or conversion"),
        ("KI {ai_version:>{width}}", "format or conversion"),
        ("KI {modell}", "unknown field {modell}"),
        ("KI {", "bad {field} template"),
        ("KI }", "bad {field} template"),
    ],
)
def test_label_text_may_use_plain_known_fields_only(tmp_path, text, problem):
    path = tmp_path / "eigen.toml"
    path.write_text(f'id = "eigen"\ntext = {{ de = {json.dumps(text)}, en = "AI" }}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        presets.load_preset(path)
    assert str(path) in str(err.value) and "text.de" in str(err.value) and problem in str(err.value)


def test_plain_fields_and_literal_braces_still_work(tmp_path):
    path = tmp_path / "eigen.toml"
    path.write_text(
        'id = "eigen"\ntext = { de = "KI ({ai_system} {ai_version}) {{Montage}}", en = "AI {creator}" }\n',
        encoding="utf-8",
    )
    p = presets.load_preset(path)
    fields = Provenance(ai_system="Firefly", ai_version="3", creator="Amt").as_fields()
    assert p.wording("de", fields) == "KI (Firefly 3) {Montage}"
    assert p.wording("en", fields) == "AI Amt"


def test_wording_of_an_unchecked_preset_never_raises():
    """A preset edited in memory (the window's text field) draws what it can."""
    p = presets.LabelPreset(id="x", text={"de": "KI {ai_system.x} {ai_system} {", "en": "AI"})
    assert p.wording("de", {"ai_system": "Imagen"}) == "KI {ai_system.x} {ai_system} {"
    p.text["de"] = "KI {ai_system.x} {ai_system}"
    assert p.wording("de", {"ai_system": "Imagen"}) == "KI {ai_system.x} Imagen"


def _bad_user_preset() -> Path:
    folder = presets.paths.user_presets_dir() / "labels"
    folder.mkdir(parents=True, exist_ok=True)
    bad = folder / "kaputt.toml"
    bad.write_text('id = "kaputt"\ntext = { de = "KI {ai_system.x}", en = "AI" }\n', encoding="utf-8")
    (folder / "eigene.toml").write_text(
        'id = "eigene"\ntext = { de = "Mit KI gemacht", en = "Made with AI" }\n', encoding="utf-8"
    )
    return bad


def test_bad_user_preset_is_reported_once_and_skipped_by_presets():
    bad = _bad_user_preset()
    res = run_cli("presets")
    assert "Traceback" not in res.stderr
    assert "ki-generiert" in res.stdout and "eigene" in res.stdout and "kaputt" not in res.stdout
    errors = res.stderr.strip().splitlines()
    assert len(errors) == 1 and str(bad) in errors[0] and "text.de" in errors[0], res.stderr
    items, errs = presets.load_all()
    assert "eigene" in items and "kaputt" not in items and len(errs) == 1


def test_bad_user_preset_does_not_stop_an_export(make_image, tmp_path):
    bad = _bad_user_preset()
    src = make_image("a.jpg", (160, 120))
    res = run_cli(
        "export",
        str(src),
        "--preset",
        "eigene",
        "--source-type",
        "trainedAlgorithmicMedia",
        "--out",
        str(tmp_path / "out"),
        "-j",
        "1",
    )
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "out" / "a.jpg").exists()
    warnings = [line for line in res.stderr.splitlines() if str(bad) in line]
    assert len(warnings) == 1 and warnings[0].startswith("warning: ") and "text.de" in warnings[0]
    # asking for the broken one itself is the error, by file and field
    res = run_cli("export", str(src), "--preset", "kaputt", "--out", str(tmp_path / "o2"))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert str(bad) in res.stderr and "text.de" in res.stderr


# settings and limits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, field",
    [
        ("max_megapixels = nan", "max_megapixels"),
        ("max_megapixels = inf", "max_megapixels"),
        ("max_megapixels = -5", "max_megapixels"),
        ("max_megapixels = 0", "max_megapixels"),
        ("max_megapixels = true", "max_megapixels"),
        ("jobs = -2", "jobs"),
        ("jobs = true", "jobs"),
        ("trust_anchors = [1]", "trust_anchors"),
    ],
)
def test_bad_limits_in_settings_name_file_and_field(tmp_path, line, field):
    path = settings.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        settings.load()
    assert "settings.toml" in str(err.value) and field in str(err.value)
    res = run_cli("export", str(tmp_path / "x.jpg"), "--out", str(tmp_path / "o"))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "settings.toml" in res.stderr and field in res.stderr


def test_good_limits_in_settings_load():
    path = settings.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("max_megapixels = 400\njobs = 3\n", encoding="utf-8")
    s = settings.load()
    assert s.max_megapixels == 400.0 and isinstance(s.max_megapixels, float) and s.jobs == 3
    assert math.isfinite(s.max_megapixels)


@pytest.mark.parametrize("value", ["-2", "-1", "abc", "1.5"])
@pytest.mark.parametrize("command", ["export", "run-job", "check"])
def test_jobs_must_be_zero_or_positive(tmp_path, command, value):
    args = {
        "export": ["export", str(tmp_path / "x.jpg"), "--out", str(tmp_path / "o")],
        "run-job": ["run-job", str(tmp_path / "j.json")],
        "check": ["check", str(tmp_path)],
    }[command]
    res = run_cli(*args, "--jobs", value)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "--jobs" in res.stderr and value in res.stderr


def test_jobs_zero_means_auto(make_image, tmp_path):
    src = make_image("z.jpg", (120, 90))
    res = run_cli(
        "export", str(src), "--source-type", "digitalCapture", "--out", str(tmp_path / "o"), "-j", "0"
    )
    assert res.returncode == 0, res.stderr


@pytest.mark.parametrize("value", ["nan", "inf", "-5", "0"])
def test_max_megapixels_flag_must_be_finite_and_positive(tmp_path, value):
    res = run_cli("export", str(tmp_path / "x.jpg"), "--out", str(tmp_path / "o"), "--max-megapixels", value)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "--max-megapixels" in res.stderr


def test_nan_in_settings_does_not_switch_the_bomb_check_off(tmp_path):
    """The fault itself: nan compared false with every size, so every input passed."""
    path = settings.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("max_megapixels = nan\n", encoding="utf-8")
    assert os.environ["KILABEL_HOME"] in str(path)
    with pytest.raises(ConfigError, match="finite"):
        settings.load()


def test_a_profile_name_pattern_with_attributes_is_reported_and_skipped(tmp_path):
    from kilabel import profiles

    (tmp_path / "bad.toml").write_text('id = "bad"\nformat = "jpeg"\nname_pattern = "{stem.x}{ext}"\n')
    (tmp_path / "good.toml").write_text('id = "good"\nformat = "jpeg"\nname_pattern = "{stem}-web{ext}"\n')
    found, errors = profiles.load_all([tmp_path])
    assert "good" in found and "bad" not in found
    assert errors == [
        f"{tmp_path / 'bad.toml'}: name_pattern: {{stem.x}} is not a plain field name; "
        "use one of: stem, ext, profile, preset, lang"
    ]
