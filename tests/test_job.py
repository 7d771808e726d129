"""Job files (Qt-free): relative paths, schema_version, validation, and `kilabel run-job`."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

from kilabel import presets
from kilabel.errors import ConfigError
from kilabel.export import job
from kilabel.provenance import Provenance


def _job(make_image, tmp_path) -> job.Job:
    a, b = make_image("a.jpg"), make_image("b.png", seed=2)
    return job.Job(
        images=[
            job.JobImage(
                str(a),
                Provenance(
                    source_type="trainedAlgorithmicMedia",
                    ai_system="Midjourney",
                    prompt='Prompt mit "Zitat" & <Tag>\nneue Zeile äö 🎨',
                ),
            ),
            job.JobImage(
                str(b),
                Provenance(source_type="compositeWithTrainedAlgorithmicMedia", ai_system="Firefly"),
                {"position": "top-left"},
            ),
        ],
        preset=presets.get("ki-generiert"),
        profiles=["same-as-input", "web-jpeg"],
        out_dir=str(tmp_path / "out"),
    )


def test_roundtrip_with_relative_paths(make_image, tmp_path):
    original = _job(make_image, tmp_path)
    path = job.save(original, tmp_path / "jobs" / "j.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == job.SCHEMA_VERSION
    assert data["images"][1]["path"] == "../in/b.png"
    loaded = job.load(path)
    assert [i.path for i in loaded.images] == [i.path for i in original.images]
    assert loaded.images[0].provenance == original.images[0].provenance
    assert loaded.preset_for(loaded.images[1]).placement.position == "top-left"
    assert loaded.preset_for(loaded.images[0]).placement.position == "bottom-right"
    assert loaded.profiles == ["same-as-input", "web-jpeg"]


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.update(schema_version=99), "newer than this kilabel"),
        (lambda d: d["images"][0]["provenance"].update(source_type="madeUp"), "source_type 'madeUp'"),
        (lambda d: d["images"][0]["placement"].update(position="middle-ish"), "position"),
        (lambda d: d["images"][0].pop("path"), "needs a 'path'"),
    ],
)
def test_bad_job_files_name_the_problem(make_image, tmp_path, change, message):
    path = job.save(_job(make_image, tmp_path), tmp_path / "j.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["images"][0].setdefault("placement", {})
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        job.load(path)


def test_run_job_cli_exports_and_signs(make_image, tmp_path):
    from kilabel.pipeline import verify

    path = job.save(_job(make_image, tmp_path), tmp_path / "j.json")
    res = run_cli("run-job", str(path), "--jobs", "1")
    assert res.returncode == 0, res.stderr
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["a-web.jpg", "a.jpg", "b-web.jpg", "b.png"]
    report = verify.verify(out / "a.jpg")
    assert report.status == "ok"
    assert report.provenance.prompt == 'Prompt mit "Zitat" & <Tag>\nneue Zeile äö 🎨'
    assert "4 of 4 exported" in res.stderr


def test_run_job_cli_reports_a_bad_job_as_usage_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    res = run_cli("run-job", str(bad))
    assert res.returncode == 2
    assert "not valid JSON" in res.stderr
