"""The picture fingerprint (issue 15.2): in the signed manifest as a soft binding, in the register
with a Hamming index, and `kilabel check` finding the entry of a stripped, re-encoded copy."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import c2pa
import iscc_core
import pytest
from conftest import photo
from PIL import Image

from kilabel import presets, profiles, settings
from kilabel.check import folder as check
from kilabel.cli.main import main
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline import c2pa_sign, fingerprint, label_render, verify
from kilabel.provenance import Provenance
from kilabel.register import record
from kilabel.register import schema as register_schema
from kilabel.register.store import Entry, SqliteRegister, open_register

AI = Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney", campaign="Sommer 2026")


def labelled(seed: int, size=(1200, 900)) -> Image.Image:
    img = photo(size, seed=seed)
    preset = presets.get("ki-generiert")
    label_render.apply(img, preset, preset.wording("de"))
    return img


def flipped(fp: fingerprint.Fingerprint, high: int, low: int, seed: int = 0) -> fingerprint.Fingerprint:
    """`fp` with `high` bits flipped among its first 64 and `low` among the other 192."""
    rnd = random.Random(seed)
    value = fp.value
    for b in rnd.sample(range(192, 256), high) + rnd.sample(range(192), low):
        value ^= 1 << b
    return fingerprint.Fingerprint(fp.alg, value)


def strip_and_shrink(src: Path, dst: Path, quality: int = 60, scale: float = 0.5) -> Path:
    """What a platform does: decode, scale down, save as JPEG without any metadata."""
    with Image.open(src) as im:
        small = im.convert("RGB").resize(
            (int(im.width * scale), int(im.height * scale)), Image.Resampling.LANCZOS
        )
    small.save(dst, "JPEG", quality=quality)
    return dst


def test_fingerprint_text_and_iscc_code_round_trip():
    fp = fingerprint.compute(labelled(1))
    assert fp.alg == "io.iscc.v0" and fp.bits == 256 and len(fp.hex) == 64
    assert fingerprint.parse(fp.text) == fp
    code = iscc_core.Code(fp.iscc)  # the canonical ISO 24138 code: Content-Code, Image, 256 bits
    assert iscc_core.iscc_explain(fp.iscc) == f"CONTENT-IMAGE-V0-256-{fp.hex}" and code.hash_hex == fp.hex
    for bad in ("", "io.iscc.v0:", "pdq:" + fp.hex, "io.iscc.v0:xyz", fp.text[:-1], fp.text + "@elsewhere"):
        with pytest.raises(ValueError):
            fingerprint.parse(bad)
    fps = fingerprint.compute_regions(labelled(1))
    assert fps[0] == fp and fingerprint.parse_all(fingerprint.as_text(fps)) == fps
    assert fingerprint.as_text(fps).split()[1] == f"io.iscc.v0:{fps[1].hex}@centre-90"


def test_plain_pictures_get_no_fingerprint():
    assert fingerprint.compute(Image.new("RGB", (800, 600), (40, 90, 200))) is None
    assert fingerprint.compute(Image.new("RGBA", (800, 600), (0, 0, 0, 0))) is None


def test_the_modes_an_export_writes_give_the_same_picture():
    img = labelled(2)
    fp = fingerprint.compute(img)
    assert fingerprint.matches(fp, fingerprint.compute(img.convert("CMYK")))  # print exports
    rgba = img.convert("RGBA")
    assert fingerprint.compute(rgba) == fp  # opaque: the white underneath changes nothing
    big = img.resize((6000, 4500), Image.Resampling.BICUBIC)  # reduced strip by strip first
    assert fingerprint.matches(fp, fingerprint.compute(big))


def test_soft_binding_assertion_read_back_with_the_sdk(tmp_path, identity):
    img = labelled(3)
    src = tmp_path / "enc.jpg"
    img.save(src, quality=90)
    fps = fingerprint.compute_regions(img)
    assert [fp.region for fp in fps] == [r.name for r in fingerprint.REGIONS]
    out = tmp_path / "signed.jpg"
    c2pa_sign.sign(
        c2pa_sign.make_signer(identity),
        src,
        out,
        "image/jpeg",
        AI,
        "KI-generiert",
        "signed.jpg",
        extra_assertions=[fingerprint.soft_binding_assertion(fps)],
    )
    context = c2pa.Context.from_dict({"verify": {"verify_trust": False, "remote_manifest_fetch": False}})
    with open(out, "rb") as f, c2pa.Reader.try_create("image/jpeg", f, None, context) as reader:
        assert reader.get_validation_state() in ("Valid", "Trusted")
        store = json.loads(reader.json())
    active = store["manifests"][store["active_manifest"]]
    binding = [a for a in active["assertions"] if a["label"] == "c2pa.soft-binding"]
    assert len(binding) == 1
    data = binding[0]["data"]
    assert data["alg"] == "io.iscc.v0"  # its name on C2PA's soft-binding algorithm list
    blocks = data["blocks"]
    assert blocks[0] == {"scope": {}, "value": fps[0].iscc}  # the whole image
    assert [iscc_core.Code(b["value"]).hash_hex for b in blocks] == [fp.hex for fp in fps]
    corner = blocks[3]["scope"]["region"]  # top-right-90: a spatial rectangle in percent
    assert corner["name"] == "top-right-90" and corner["region"] == [
        {
            "type": "spatial",
            "shape": {
                "type": "rectangle",
                "unit": "percent",
                "origin": {"x": 10.0, "y": 0.0},
                "width": 90.0,
                "height": 90.0,
            },
        }
    ]
    assert verify.verify(out).state in ("trusted", "untrusted")  # kilabel still reads it as valid


def _export(tmp_path: Path, identity, seed: int = 7):
    """A real export, recorded in the test's register as the window and the CLI record it."""
    src = tmp_path / f"motiv-{seed}.jpg"
    photo((1200, 900), seed=seed).save(src, quality=92)
    task = ExportTask(
        str(src), str(tmp_path / "out"), presets.get("ki-generiert"), profiles.SAME_AS_INPUT, AI
    )
    res = export_one(task, identity)
    assert res.ok, res.error
    assert len(fingerprint.parse_all(res.fingerprint)) == 6  # the writer fingerprints the labelled image
    reg = open_register(settings.load())
    with record.Recorder(reg, [task]) as recorder:
        recorder(res)
    assert len(recorder.added) == 1
    return res, recorder.added[0]


def test_check_finds_a_stripped_reencoded_copy_and_names_its_entry(tmp_path, identity, capsys):
    res, entry = _export(tmp_path, identity)
    assert entry.fingerprint == res.fingerprint and len(fingerprint.parse_all(entry.fingerprint)) == 6
    copy = strip_and_shrink(Path(res.output), tmp_path / "gepostet.jpg")
    assert verify.verify(copy).state == "none"  # nothing left in the file itself
    with open_register(settings.load()) as reg:
        row = check.check_file(copy, check.CheckOptions(register=reg, ocr="off"))
    assert row.provenance == "register-match" and row.register_match == res.register_id
    assert row.provenance_en == (
        f"AI image: matches register entry {res.register_id} (exported {entry.created[:10]}, "
        "campaign Sommer 2026, label \u2018KI-generiert\u2019); its provenance was removed."
    )
    assert row.provenance_de.startswith(f"KI-Bild: entspricht dem Registereintrag {res.register_id}")
    assert row.source_type == "trainedAlgorithmicMedia" and row.ai_system == "Midjourney"
    assert row.verdict_code == "ai-unchecked"  # known as AI now (was: no AI provenance found)
    assert "bits differ" in row.provenance_why
    assert main(["check", str(copy), "--json", "--ocr", "off"]) == 3
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["provenance"] == "register-match" and line["register_match"] == res.register_id


def test_a_copy_with_the_label_cropped_off_is_found_by_a_region(tmp_path, identity):
    res, entry = _export(tmp_path, identity, seed=10)
    with Image.open(res.output) as im:
        w, h = im.size
        cropped = im.convert("RGB").crop((0, 0, int(w * 0.9), int(h * 0.9)))  # the label's corner gone
    cropped.save(tmp_path / "zugeschnitten.jpg", quality=80)
    query = fingerprint.of_file(tmp_path / "zugeschnitten.jpg")
    whole = fingerprint.parse_all(entry.fingerprint)[0]
    assert not fingerprint.matches(query, whole)  # the whole picture's fingerprint does not survive it
    with open_register(settings.load()) as reg:
        assert [e.register_id for e, _ in reg.find_similar(query)] == [res.register_id]


def test_check_spares_the_fingerprint_while_the_register_has_none(tmp_path, monkeypatch):
    f = tmp_path / "foto.jpg"
    photo((640, 480), seed=13).save(f, quality=85)
    with open_register(settings.load()) as reg:
        reg.add(Entry(register_id="KL-OHNE"))  # an entry without a fingerprint (a PDF, an old one)
        assert not reg.has_fingerprints()
        monkeypatch.setattr(fingerprint, "of_file", lambda path: pytest.fail("fingerprint computed"))
        assert check.check_file(f, check.CheckOptions(register=reg, ocr="off")).provenance == "none"


def test_an_unrelated_image_matches_nothing(tmp_path, identity):
    _export(tmp_path, identity)
    other = tmp_path / "fremd.jpg"
    photo((1200, 900), seed=8).save(other, quality=85)
    with open_register(settings.load()) as reg:
        assert reg.find_similar(fingerprint.of_file(other)) == []
        row = check.check_file(other, check.CheckOptions(register=reg, ocr="off"))
    assert row.provenance == "none" and row.register_match == "" and row.verdict_code == "no-ai"


def test_the_window_check_names_the_entry(tmp_path, identity):
    from kilabel.gui.check_dialog import check_one

    res, _ = _export(tmp_path, identity, seed=9)
    copy = strip_and_shrink(Path(res.output), tmp_path / "kopie.jpg", quality=75, scale=0.7)
    report = check_one(copy, settings.load())
    assert report.state == "register-match" and report.needs_attention
    assert res.register_id in report.sentence("de") and "Herkunftsangaben wurden entfernt" in report.sentence(
        "de"
    )


def _random_register(path: Path, n: int) -> tuple[SqliteRegister, list[list[fingerprint.Fingerprint]]]:
    """n entries of two random fingerprints each (the whole picture and one region)."""
    rnd = random.Random(1)
    reg = SqliteRegister(path)
    entries = [
        [
            fingerprint.Fingerprint(fingerprint.ALG, rnd.getrandbits(256), region=r)
            for r in ("whole", "centre-90")
        ]
        for _ in range(n)
    ]
    for i, fps in enumerate(entries):
        reg.add(Entry(register_id=f"KL-T-{i:05d}", fingerprint=fingerprint.as_text(fps)))
    return reg, entries


def test_register_lookup_finds_the_near_one_and_not_others(tmp_path):
    reg, entries = _random_register(tmp_path / "r.sqlite", 3000)
    target = entries[1234][1]  # a region's fingerprint finds its entry as the whole one does
    near = flipped(target, high=fingerprint.PREFIX_DISTANCE, low=30, seed=2)
    found = reg.find_similar(near)
    assert [(e.register_id, d) for e, d in found] == [("KL-T-01234", fingerprint.PREFIX_DISTANCE + 30)]
    assert reg.find_similar(flipped(target, high=fingerprint.PREFIX_DISTANCE + 1, low=0, seed=3)) == []
    assert reg.find_similar(flipped(target, high=0, low=fingerprint.MATCH_DISTANCE + 1, seed=4)) == []
    # the index misses nothing the rule accepts: the same answers as comparing with every fingerprint
    rnd = random.Random(5)
    for k in range(40):
        base = rnd.choice(rnd.choice(entries))
        query = flipped(base, high=rnd.randrange(10), low=rnd.randrange(70), seed=k)
        brute = sorted(
            i for i, fps in enumerate(entries) if any(fingerprint.matches(query, fp) for fp in fps)
        )
        assert sorted(int(e.register_id[5:]) for e, _ in reg.find_similar(query)) == brute
    reg.close()


def test_migration_from_step_3_keeps_entries(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    for stmt in [s for step in register_schema.MIGRATIONS[:3] for s in step]:
        conn.execute(stmt)
    conn.execute("PRAGMA user_version = 3")
    conn.execute(
        "INSERT INTO entries (created, register_id, output_name, effective_dpi) "
        "VALUES ('2026-01-02T03:04:05.000000Z', 'KL-ALT', 'alt.jpg', 300.0)"
    )
    conn.close()
    reg = SqliteRegister(path)
    assert reg.migrated_from == 3 and reg.schema_version == register_schema.VERSION == 5
    old = reg.query()[0]
    assert (old.register_id, old.output_name, old.effective_dpi, old.fingerprint) == (
        "KL-ALT",
        "alt.jpg",
        300.0,
        "",
    )
    fps = fingerprint.compute_regions(labelled(4))
    new = reg.add(Entry(register_id="KL-NEU", fingerprint=fingerprint.as_text(fps)))
    assert [(e.id, d) for e, d in reg.find_similar(fps[0])] == [(new.id, 0)]
    assert reg._conn.execute("SELECT COUNT(*) FROM fingerprint_parts").fetchone()[0] == 4 * len(fps)
    assert [e.register_id for e in reg.query()] == ["KL-ALT", "KL-NEU"]
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        reg._conn.execute("DELETE FROM fingerprint_parts")
    reg.close()


def test_the_export_signs_its_fingerprints_as_a_soft_binding(tmp_path, identity):
    """export_one computes the six region fingerprints of the labelled image and signs them as one
    c2pa.soft-binding assertion (io.iscc.v0), read back with the C2PA SDK."""
    res, _ = _export(tmp_path, identity, seed=11)
    fps = fingerprint.parse_all(res.fingerprint)
    with Image.open(res.output) as published:  # the published pixels give the same codes
        again = fingerprint.compute_regions(published)
    assert all(fingerprint.matches(a, b) for a, b in zip(fps, again, strict=True))
    import c2pa

    reader = c2pa.Reader(str(res.output))
    store = json.loads(reader.json())
    manifest = store["manifests"][store["active_manifest"]]
    [binding] = [a for a in manifest["assertions"] if a["label"] == "c2pa.soft-binding"]
    assert binding["data"]["alg"] == "io.iscc.v0"
    values = [b["value"] for b in binding["data"]["blocks"]]
    assert values == [fp.iscc for fp in fps]


def test_the_image_hash_and_code_are_iscc_cores():
    """kilabel computes the ISCC Image-Code itself (no pydantic in the bundle, no import in every
    worker); iscc-core, the reference implementation (a test dependency), gives the same codes."""
    import random

    import iscc_core

    rng = random.Random(24138)
    images = [photo((320, 240), seed=s) for s in range(12)]
    images += [Image.radial_gradient("L").rotate(a).convert("RGB") for a in (0, 33, 90)]
    for img in images:
        pixels = fingerprint.normalized_pixels(img)
        for bits in (64, 128, 256):
            assert fingerprint.soft_hash_image(pixels, bits) == iscc_core.soft_hash_image_v0(
                pixels, bits=bits
            )
    # Pixels where float rounding would show: ties at the median (two grey levels, one pixel off a
    # flat grey, a few levels in bands) and noise. The unrolled DCT must give iscc-core's floats.
    for k in range(400):
        kind = k % 4
        if kind == 0:
            pixels = [rng.randrange(256) for _ in range(1024)]
        elif kind == 1:
            pixels = [rng.choice((0, 255)) for _ in range(1024)]
        elif kind == 2:
            pixels = [128] * 1024
            pixels[rng.randrange(1024)] = 129
        else:
            pixels = [(i // 32 + rng.randrange(2)) % 7 for i in range(1024)]
        assert fingerprint.soft_hash_image(pixels, 256) == iscc_core.soft_hash_image_v0(pixels, bits=256)
        vector = [rng.uniform(-4096, 4096) for _ in range(32)]
        assert list(fingerprint._unrolled(32)(*vector)) == iscc_core.dct.alg_dct(vector)
    for _ in range(50):
        value = rng.getrandbits(256)
        fp = fingerprint.Fingerprint(fingerprint.ALG, value, 256)
        digest = value.to_bytes(32, "big")
        code = iscc_core.encode_component(
            mtype=iscc_core.MT.CONTENT,
            stype=iscc_core.ST_CC.IMAGE,
            version=iscc_core.VS.V0,
            bit_length=256,
            digest=digest,
        )
        assert fp.iscc == f"ISCC:{code}"


def test_a_fingerprint_that_fails_fails_its_file_and_leaves_nothing(tmp_path, identity, monkeypatch):
    """The fingerprint runs in a thread beside the encoder; its error still reaches the file's
    result, and nothing is renamed into place or left behind."""

    def broken(img):
        raise MemoryError("no memory for the fingerprint")

    monkeypatch.setattr(fingerprint, "compute_regions", broken)
    src = tmp_path / "motiv.jpg"
    photo((1200, 900), seed=3).save(src, quality=92)
    out = tmp_path / "out"
    task = ExportTask(str(src), str(out), presets.get("ki-generiert"), profiles.SAME_AS_INPUT, AI)
    res = export_one(task, identity)
    assert not res.ok and "motiv.jpg" in res.error and "memory" in res.error.lower(), res.error
    assert not out.exists() or list(out.iterdir()) == []
