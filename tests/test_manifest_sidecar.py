"""What kilabel states in its manifests (created assertions, the prompt's data type, the AI system
next to a parent), and sidecars (NAME.c2pa) that the C2PA SDK validates against the file they are
published with, read with the SDK itself."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import c2pa
import pytest
from conftest import run_cli
from PIL import Image

from kilabel import presets, profiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline import outcome
from kilabel.provenance import Provenance

PROMPT = "Rathausplatz bei Nacht, Laternen, Regen \u2013 \u201eFotostil\u201c"
PROV = Provenance(
    source_type="trainedAlgorithmicMedia", ai_system="Midjourney", ai_version="7", prompt=PROMPT
)
PROMPT_TYPE = "c2pa.types.generator.prompt"
MIME = {".jpg": "image/jpeg", ".png": "image/png", ".tif": "image/tiff", ".webp": "image/webp"}


def export(src: Path, out: Path, identity, prov=PROV, **kw) -> Path:
    res = export_one(
        ExportTask(str(src), str(out), presets.get("ki-generiert"), profiles.SAME_AS_INPUT, prov, **kw),
        identity,
    )
    assert res.ok, res.error
    return Path(res.output)


def no_fetch() -> c2pa.Context:
    return c2pa.Context.from_dict({"verify": {"remote_manifest_fetch": False}})


def detailed(path: Path, manifest: bytes | None = None) -> tuple[dict, dict, str]:
    """(active manifest of detailed_json, of json, validation state), embedded or as a pair."""
    with open(path, "rb") as f, c2pa.Reader(MIME[path.suffix], f, manifest, no_fetch()) as reader:
        dj, j = json.loads(reader.detailed_json()), json.loads(reader.json())
        state = reader.get_validation_state()
    return dj["manifests"][dj["active_manifest"]], j["manifests"][j["active_manifest"]], state


def claim_labels(manifest: dict) -> tuple[list[str], list[str]]:
    """Labels of the claim's created and gathered assertion references (detailed JSON)."""
    claim = manifest["claim"]

    def labels(key: str) -> list[str]:
        return [ref["url"].rsplit("/", 1)[-1] for ref in claim.get(key) or []]

    return labels("created_assertions"), labels("gathered_assertions")


def pair_state(path: Path, manifest: bytes) -> tuple[str, list[str]]:
    """The SDK's verdict on a file and a sidecar manifest, and its failure codes."""
    with open(path, "rb") as f, c2pa.Reader(MIME[path.suffix], f, manifest, no_fetch()) as reader:
        codes = [s["code"] for s in json.loads(reader.json()).get("validation_status") or []]
        return reader.get_validation_state(), [c for c in codes if c != "signingCredential.untrusted"]


@pytest.mark.parametrize("name", ["a.jpg", "b.png"])
def test_actions_and_prompt_ingredient_are_created_assertions(make_image, tmp_path, identity, name):
    out = export(make_image(name, (300, 200)), tmp_path / "out", identity)
    m, plain, state = detailed(out)
    assert state == "Valid"
    created, gathered = claim_labels(m)
    assert any(label.startswith("c2pa.actions") for label in created), created
    assert any(label.startswith("c2pa.ingredient") for label in created), created
    assert "c2pa.embedded-data" in created  # the prompt's bytes, which the ingredient points to
    assert "c2pa.hash.data" in created
    assert not [g for g in gathered if g.startswith(("c2pa.actions", "c2pa.ingredient"))], gathered
    # the prompt ingredient carries its data type at ingredient level, where the SDK keeps it
    store = m["assertion_store"]
    prompt_ing = next(
        v for k, v in store.items() if k.startswith("c2pa.ingredient") and v["dc:title"] == "prompt"
    )
    assert prompt_ing["relationship"] == "inputTo"
    assert prompt_ing["dataTypes"] == [{"type": PROMPT_TYPE}]
    assert "dataTypes" not in prompt_ing["data"] and "data_types" not in prompt_ing["data"]
    # Reader.json() says the same plainly
    ing = next(i for i in plain["ingredients"] if i["title"] == "prompt")
    assert ing["data_types"] == [{"type": PROMPT_TYPE}]
    actions = next(a for a in plain["assertions"] if a["label"].startswith("c2pa.actions"))
    assert actions.get("created") is True


def test_parent_keeps_ai_system_in_active_manifest(make_image, tmp_path, identity):
    firefly = Provenance(
        source_type="compositeWithTrainedAlgorithmicMedia", ai_system="Adobe Firefly", ai_version="3"
    )
    first = export(make_image("gen.jpg", (300, 200)), tmp_path / "gen", identity, prov=firefly)
    # the user gives only a creator: source type and AI system come from the input's manifest
    second = export(first, tmp_path / "again", identity, prov=Provenance(creator="Presseamt"))
    m, plain, state = detailed(second)
    assert state == "Valid"
    actions = next(a for a in plain["assertions"] if a["label"].startswith("c2pa.actions"))["data"]["actions"]
    opened = actions[0]
    assert opened["action"] == "c2pa.opened"
    assert opened["softwareAgent"]["name"] == "kilabel"  # kilabel opened it, the AI made it
    assert opened["parameters"]["aiSystem"] == {"name": "Adobe Firefly", "version": "3"}
    assert "Adobe Firefly 3" in opened["description"]
    assert opened["digitalSourceType"].endswith("/compositeWithTrainedAlgorithmicMedia")
    assert len(opened["parameters"]["ingredients"]) == 1  # points to the parent ingredient
    parent = [i for i in plain["ingredients"] if i["relationship"] == "parentOf"]
    assert len(parent) == 1 and parent[0].get("active_manifest")
    created, gathered = claim_labels(m)
    assert any(label.startswith("c2pa.actions") for label in created)
    assert any(label.startswith("c2pa.ingredient") for label in created)
    assert not [g for g in gathered if g.startswith(("c2pa.actions", "c2pa.ingredient"))]
    # the user's value wins, in the active manifest too
    third = export(first, tmp_path / "third", identity, prov=Provenance(ai_system="Firefly Image 4"))
    _, plain3, _ = detailed(third)
    acts3 = next(a for a in plain3["assertions"] if a["label"].startswith("c2pa.actions"))["data"]["actions"]
    assert acts3[0]["parameters"]["aiSystem"]["name"] == "Firefly Image 4"


def cli_sidecar_export(src: Path, out: Path) -> subprocess.CompletedProcess:
    return run_cli(
        "export",
        str(src),
        "--source-type",
        "trainedAlgorithmicMedia",
        "--ai-system",
        "Midjourney",
        "--ai-version",
        "7",
        "--prompt",
        PROMPT,
        "--creator",
        "Agentur Beispiel",
        "--sidecar",
        "--out",
        str(out),
    )


@pytest.mark.parametrize("name", ["s.jpg", "s.png", "s.tif", "s.webp"])
def test_sidecar_pair_validates_and_breaks_on_any_byte_change(make_image, tmp_path, exiftool, name):
    src = make_image(name, (400, 300))
    out_dir = tmp_path / "out"
    r = cli_sidecar_export(src, out_dir)
    assert r.returncode == 0, r.stderr
    out = out_dir / name
    side = out.with_suffix(".c2pa")
    assert sorted(p.name for p in out_dir.iterdir()) == sorted([out.name, side.name])  # no temp left
    # the file carries no manifest of its own, but its XMP and EXIF
    with open(out, "rb") as f:
        assert c2pa.Reader.try_create(MIME[out.suffix], f, None, no_fetch()) is None
    tags = exiftool(out)
    assert tags.get("XMP-iptcExt:AISystemUsed") == "Midjourney"
    assert "Agentur Beispiel" in str(tags.get("XMP-dc:Creator"))
    assert "Agentur Beispiel" in str(tags.get("IFD0:Artist"))
    # exiftool decodes C2PA (JUMBF, CBOR) in JPEG and PNG only; the SDK found none above
    assert not [k for k in tags if k.startswith(("JUMBF:", "CBOR:"))]
    manifest = side.read_bytes()
    # the SDK validates the sidecar against exactly this file
    m, plain, state = detailed(out, manifest)
    assert state == "Valid"
    assert plain["claim_generator_info"][0]["name"] == "kilabel"
    created, _ = claim_labels(m)
    assert any(label.startswith("c2pa.actions") for label in created)
    # the hard binding has no exclusion of any length: it covers every byte of the file
    binding = m["assertion_store"]["c2pa.hash.data"]
    assert all(e["length"] == 0 for e in binding.get("exclusions") or [])
    assert outcome.check_sidecar(out, MIME[out.suffix], manifest)[0] == "valid"

    treated = tmp_path / "treated"
    treated.mkdir()

    def copy(tag: str) -> Path:
        t = treated / f"{tag}{out.suffix}"
        shutil.copyfile(out, t)
        return t

    assert pair_state(copy("copy"), manifest) == ("Valid", [])  # a byte-identical copy
    stripped = copy("stripped")  # what a web upload that drops metadata does
    subprocess.run(["exiftool", "-q", "-q", "-overwrite_original", "-all=", str(stripped)], check=True)
    assert stripped.read_bytes() != out.read_bytes()
    with Image.open(out) as im:
        im.load()
        reencoded = treated / f"reencoded{out.suffix}"
        im.save(reencoded, **({"quality": 95} if out.suffix in (".jpg", ".webp") else {}))
        resized = treated / f"resized{out.suffix}"
        im.resize((im.width // 2, im.height // 2)).save(resized)
    appended = copy("appended")
    appended.write_bytes(appended.read_bytes() + b"\0")
    for treated_file in (stripped, reencoded, resized, appended):
        state, codes = pair_state(treated_file, manifest)
        assert state == "Invalid" and "assertion.dataHash.mismatch" in codes, (treated_file.name, codes)
        assert outcome.check_sidecar(treated_file, MIME[out.suffix], manifest)[0] == "invalid"


def test_sidecar_export_in_process_and_its_own_check(make_image, tmp_path, identity):
    src = make_image("p.jpg", (300, 200))
    res = export_one(
        ExportTask(
            str(src),
            str(tmp_path / "out"),
            presets.get("ki-generiert"),
            profiles.SAME_AS_INPUT,
            PROV,
            sidecar=True,
        ),
        identity,
    )
    assert res.ok, res.error
    out, side = Path(res.output), Path(res.sidecar)
    assert side == out.with_suffix(".c2pa") and res.c2pa_state == "valid"
    with open(out, "rb") as f:  # nothing embedded: the pair is the unit
        assert c2pa.Reader.try_create("image/jpeg", f, None, no_fetch()) is None
    assert pair_state(out, side.read_bytes()) == ("Valid", [])
    # the export's read-back check refuses a pair that does not match, with the SDK's reason
    other = make_image("q.jpg", (300, 200), seed=2)
    state, reasons = outcome.check_sidecar(other, "image/jpeg", side.read_bytes())
    assert state == "invalid" and any("dataHash.mismatch" in r for r in reasons)
    state, reasons = outcome.check_sidecar(out, "image/jpeg", b"not a manifest")
    assert state == "invalid" and reasons
    # a second export of the same input gets a free name, and its sidecar that name too
    res2 = export_one(
        ExportTask(
            str(src),
            str(tmp_path / "out"),
            presets.get("ki-generiert"),
            profiles.SAME_AS_INPUT,
            PROV,
            sidecar=True,
        ),
        identity,
    )
    assert res2.ok, res2.error
    assert Path(res2.output).name == "p-2.jpg" and Path(res2.sidecar).name == "p-2.c2pa"
    assert pair_state(Path(res2.output), Path(res2.sidecar).read_bytes()) == ("Valid", [])
    assert pair_state(out, side.read_bytes()) == ("Valid", [])  # the first pair is untouched
