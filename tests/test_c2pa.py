"""C2PA manifests as the SDK itself reads and validates them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import c2pa
import pytest

from kilabel import keys, presets, profiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline import c2pa_sign
from kilabel.pipeline.verify import verify
from kilabel.provenance import Provenance

PROMPT = 'Straßenbahn im Regen, "Fotostil" <35mm> & Bokeh\nNeue Zeile 🚋'
PROV = Provenance(
    source_type="trainedAlgorithmicMedia", ai_system="Midjourney", ai_version="7", prompt=PROMPT
)


def export(src, out, identity, prov=PROV, **kw):
    res = export_one(
        ExportTask(str(src), str(out), presets.get("ki-generiert"), profiles.SAME_AS_INPUT, prov, **kw),
        identity,
    )
    assert res.ok, res.error
    return Path(res.output)


def sdk_manifest(path: Path) -> tuple[str, dict, c2pa.Reader]:
    reader = c2pa.Reader(str(path))
    return reader.get_validation_state(), reader.get_active_manifest(), reader


@pytest.mark.parametrize(
    "name,save", [("a.jpg", {}), ("b.png", {}), ("c.tif", {"compression": "tiff_lzw"}), ("d.webp", {})]
)
def test_manifest_content(make_image, tmp_path, identity, name, save):
    out = export(make_image(name, (300, 200), **save), tmp_path / "out", identity)
    state, m, reader = sdk_manifest(out)
    assert state == "Valid"  # the SDK's own validation, no trust list configured
    assert m["claim_generator_info"][0]["name"] == "kilabel"
    actions = next(a for a in m["assertions"] if a["label"].startswith("c2pa.actions"))["data"]["actions"]
    created, edited = actions[0], actions[1]
    assert created["action"] == "c2pa.created"
    assert (
        created["digitalSourceType"]
        == "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
    )
    assert created["softwareAgent"]["name"] == "Midjourney" and created["softwareAgent"]["version"] == "7"
    assert edited["action"] == "c2pa.edited" and "KI-generiert" in edited["description"]
    assert edited["softwareAgent"]["name"] == "kilabel"
    prompt_ing = next(i for i in m["ingredients"] if i["relationship"] == "inputTo")
    assert prompt_ing["title"] == "prompt"
    buf = io.BytesIO()
    reader.resource_to_stream(prompt_ing["data"]["identifier"], buf)
    assert buf.getvalue().decode() == PROMPT
    assert m["signature_info"]["issuer"] == "Stadt Musterstadt"


def test_tampered_file_is_invalid(make_image, tmp_path, identity):
    out = export(make_image("t.jpg", (300, 200)), tmp_path / "out", identity)
    data = bytearray(out.read_bytes())
    data[-200] ^= 0x55  # a byte of the image data, after signing
    bad = tmp_path / "tampered.jpg"
    bad.write_bytes(bytes(data))
    report = verify(bad)
    assert report.c2pa.state == "invalid" and report.needs_attention
    assert any("mismatch" in r or "hash" in r.lower() for r in report.c2pa.reasons)


def test_trusted_versus_untrusted(make_image, tmp_path, identity):
    out = export(make_image("u.png", (300, 200)), tmp_path / "out", identity)
    assert verify(out).c2pa.state == "trusted"  # own local root is a trust anchor here
    other = verify(out, anchors="")
    assert other.c2pa.state == "valid"
    assert "not on your trust list" in other.verdict


def test_input_manifest_becomes_parent_and_prefills(make_image, tmp_path, identity):
    first = export(
        make_image("gen.jpg", (300, 200)),
        tmp_path / "gen",
        identity,
        prov=Provenance(
            source_type="compositeWithTrainedAlgorithmicMedia", ai_system="Adobe Firefly", ai_version="3"
        ),
    )
    # second export: the user only gives a creator; source type and AI system come from the parent
    second = export(first, tmp_path / "again", identity, prov=Provenance(creator="Presseamt"))
    state, m, reader = sdk_manifest(second)
    assert state == "Valid"
    parent = [i for i in m["ingredients"] if i["relationship"] == "parentOf"]
    assert len(parent) == 1 and parent[0].get("active_manifest")
    actions = next(a for a in m["assertions"] if a["label"].startswith("c2pa.actions"))["data"]["actions"]
    assert actions[0]["action"] == "c2pa.opened"
    report = verify(second)
    assert report.provenance.source_type == "compositeWithTrainedAlgorithmicMedia"
    assert report.provenance.ai_system == "Adobe Firefly"
    assert report.provenance.creator == "Presseamt"
    # the user's value wins where both exist
    third = export(first, tmp_path / "third", identity, prov=Provenance(ai_system="Firefly Image 4"))
    assert verify(third).provenance.ai_system == "Firefly Image 4"


def test_sidecar_manifest(make_image, tmp_path, identity):
    src = make_image("s.jpg", (300, 200))
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
    side = Path(res.sidecar)
    assert side.suffix == ".c2pa" and side.stat().st_size > 500
    # the sidecar validates against exactly the file it was exported with (which carries no manifest)
    reader = c2pa.Reader("image/jpeg", open(res.output, "rb"), side.read_bytes())
    assert reader.get_validation_state() == "Valid"
    assert json.loads(reader.json())["active_manifest"]


def test_keys_init_and_permissions(tmp_path):
    kd = tmp_path / "keys"
    ident = keys.init("Stadt Leipzig", kd)
    assert ident.organisation == "Stadt Leipzig" and ident.alg == "es256"
    assert (kd / "signer.key").stat().st_mode & 0o777 == 0o600
    assert (kd / "root-ca.key").stat().st_mode & 0o777 == 0o600
    assert ident.not_after.year - ident.not_after.today().year >= 25
    with pytest.raises(Exception, match="exists already"):
        keys.init("Other", kd)


def test_keys_import_passphrase_protected(tmp_path, make_image):
    from cryptography.hazmat.primitives import serialization

    src_dir = tmp_path / "org"
    made = keys.init("Partei Landesverband", src_dir)
    key = serialization.load_pem_private_key(made.key_pem, None)
    enc = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"geheim"),
    )
    (src_dir / "enc.key").write_bytes(enc)
    with pytest.raises(Exception, match="passphrase"):
        keys.import_identity(src_dir / "signer-chain.pem", src_dir / "enc.key", tmp_path / "k2")
    ident = keys.import_identity(src_dir / "signer-chain.pem", src_dir / "enc.key", tmp_path / "k3", "geheim")
    assert ident.organisation == "Partei Landesverband"
    assert b"ENCRYPTED" in (tmp_path / "k3" / "signer.key").read_bytes(), "stored as given, encrypted"
    out = export(make_image("p.jpg", (200, 150)), tmp_path / "out", ident)
    assert c2pa_sign.read(out).signer_org == "Partei Landesverband"


def test_ca_certificate_refused_as_signer(tmp_path):
    kd = tmp_path / "keys"
    keys.init("X", kd)
    with pytest.raises(Exception, match="CA"):
        keys.import_identity(kd / "root-ca.pem", kd / "root-ca.key", tmp_path / "k2")
