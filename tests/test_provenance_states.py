"""Every provenance state, each built with the C2PA SDK the way other producers make files, and
kilabel's state held against the SDK's own validation state and codes."""

from __future__ import annotations

import json
from pathlib import Path

import c2pa
import c2pa_cases as cases
import pytest
from conftest import run_cli

from kilabel import presets, profiles, provenance_states
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline import verify
from kilabel.provenance import Provenance


def sdk(path: Path, anchors: str = "", manifest: bytes | None = None) -> tuple[str, list[str]]:
    """The SDK's own verdict: (validation state or 'none', status codes); offline, like kilabel."""
    settings: dict = {"verify": {"verify_trust": True, "remote_manifest_fetch": False}}
    if anchors:
        settings["trust"] = {"user_anchors": anchors}
    mime = {".png": "image/png", ".tif": "image/tiff", ".webp": "image/webp"}.get(path.suffix, "image/jpeg")
    with open(path, "rb") as f:
        reader = c2pa.Reader.try_create(mime, f, manifest, c2pa.Context.from_dict(settings))
        if reader is None:
            return "none", []
        with reader:
            codes = [s["code"] for s in json.loads(reader.json()).get("validation_status") or []]
            return reader.get_validation_state(), codes


def state(path: Path, anchors: str = "") -> verify.Report:
    return verify.verify(path, anchors=anchors)


def test_none(tmp_path):
    f = cases.jpeg(tmp_path / "plain.jpg")
    assert sdk(f) == ("none", [])
    r = state(f)
    assert r.state == "none" and r.sentence("de").startswith("Keine Herkunftsangaben")


def test_untrusted_and_trusted_signer(tmp_path):
    f = cases.plain_foreign(tmp_path)
    assert sdk(f) == ("Valid", ["signingCredential.untrusted"])
    r = state(f)
    assert r.state == "untrusted" and not r.needs_attention
    assert r.provenance.source_type == "trainedAlgorithmicMedia" and r.provenance.ai_system == "Adobe Firefly"
    root = (tmp_path / "keys-Fremde-Agentur" / "root-ca.pem").read_text()
    assert sdk(f, root)[0] == "Trusted"
    assert state(f, root).state == "trusted"


def test_identity_assertion_with_untrusted_credential_is_valid(tmp_path):
    f = cases.with_identity(tmp_path)
    st, codes = sdk(f)
    assert st == "Valid" and "cawg.x509.credential.untrusted" in codes
    r = state(f)
    assert r.state == "identity-untrusted" and not r.needs_attention
    assert "Erika Mustermann" in r.sentence("en") and "Erika Mustermann" in r.sentence("de")
    assert "changed" not in verify.format_human(r)


def test_export_takes_an_input_with_an_identity_assertion(tmp_path, identity):
    f = cases.with_identity(tmp_path)
    task = ExportTask(
        str(f), str(tmp_path / "out"), presets.get("ki-generiert"), profiles.SAME_AS_INPUT, Provenance()
    )
    res = export_one(task, identity)
    assert res.ok, res.error
    out = verify.verify(Path(res.output))
    assert out.c2pa.parent_state == "valid" and out.state == "trusted"  # own root is a trust anchor here
    assert out.provenance.ai_system == "Adobe Firefly"


def test_tampered_is_invalid(tmp_path):
    f = cases.tampered(cases.plain_foreign(tmp_path), tmp_path / "tampered.jpg")
    st, codes = sdk(f)
    assert st == "Invalid" and "assertion.dataHash.mismatch" in codes
    r = state(f)
    assert r.state == "invalid" and r.needs_attention
    assert "assertion.dataHash.mismatch" in r.sentence("en")


def test_remote_manifest_is_not_fetched(tmp_path):
    f, manifest = cases.remote(tmp_path, "https://manifests.example.org/m/abc.c2pa")
    with pytest.raises(c2pa.C2paError) as exc:
        sdk(f)
    assert "must fetch remote manifests" in str(exc.value)
    assert sdk(f, manifest=manifest)[0] == "Valid"  # the manifest itself is fine
    r = state(f)
    assert r.state == "remote" and r.c2pa.remote_url == "https://manifests.example.org/m/abc.c2pa"
    assert "https://manifests.example.org/m/abc.c2pa" in r.sentence("en") and r.needs_attention


def test_unknown_signature_algorithm_cannot_be_checked(tmp_path):
    f = cases.unknown_algorithm(cases.plain_foreign(tmp_path), tmp_path / "alg.jpg")
    st, codes = sdk(f)
    assert st == "Invalid" and "algorithm.unsupported" in codes
    r = state(f)
    assert r.state == "unchecked" and "algorithm.unsupported" in r.sentence("en")
    assert "changed after signing" not in verify.format_human(r)


def test_xmp_only(tmp_path):
    f = cases.xmp_only(tmp_path)
    assert sdk(f) == ("none", [])
    assert state(f).state == "xmp-only"


def test_xmp_contradicting_a_valid_manifest(tmp_path):
    f = cases.contradicting_xmp(tmp_path)
    assert sdk(f)[0] == "Valid"
    r = state(f)
    assert r.state == "xmp-contradicts" and r.needs_attention
    assert ("source type", "digitalCapture", "trainedAlgorithmicMedia") in r.contradictions
    assert r.provenance.source_type == "trainedAlgorithmicMedia"  # the signed value wins
    text = verify.format_human(r)
    assert "digitalCapture" in text and "signed" in text


def test_edited_xmp_in_a_signed_file_is_named_next_to_invalid(tmp_path, identity):
    """Someone edits the XMP source type of kilabel's output: invalid, and the signed value is named."""
    src = cases.jpeg(tmp_path / "in.jpg")
    task = ExportTask(
        str(src),
        str(tmp_path / "out"),
        presets.get("ki-generiert"),
        profiles.SAME_AS_INPUT,
        Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney"),
    )
    out = Path(export_one(task, identity).output)
    data = out.read_bytes().replace(b"trainedAlgorithmicMedia</", b"digitalCapture0000000000</", 1)
    edited = tmp_path / "edited.jpg"
    edited.write_bytes(data)
    r = state(edited)
    assert r.state == "invalid"
    assert any("not signed" in n and "trainedAlgorithmicMedia" in n for n in r.notes), r.notes


def test_invalid_parent_is_said_in_text_json_and_exit_code(tmp_path, identity):
    bad = cases.tampered(cases.plain_foreign(tmp_path), tmp_path / "bad-parent.jpg")
    task = ExportTask(
        str(bad), str(tmp_path / "out"), presets.get("ki-generiert"), profiles.SAME_AS_INPUT, Provenance()
    )
    res = export_one(task, identity)
    assert res.ok, res.error
    assert sdk(Path(res.output))[0] in ("Valid", "Trusted")  # the SDK calls the new file valid
    r = state(Path(res.output))
    assert r.state == "invalid-parent" and r.needs_attention
    text = run_cli("verify", res.output)
    assert text.returncode == 3 and provenance_states.get("invalid-parent").en in text.stdout
    assert "OK" not in text.stdout
    js = run_cli("verify", "--json", res.output)
    assert js.returncode == 3 and json.loads(js.stdout)["state"] == "invalid-parent"


def test_unreadable_files_fail_with_one_line_each(tmp_path):
    files = cases.unreadable(tmp_path)
    for f in files.values():
        assert state(f).state == "unreadable", f
    r = run_cli("verify", *map(str, files.values()))
    assert r.returncode == 1 and "Traceback" not in r.stderr + r.stdout
    assert r.stdout.count("=> The file cannot be read") == len(files)


def test_odd_images_without_a_manifest_are_not_damaged(tmp_path):
    odd = cases.odd_images(tmp_path)
    for name, f in odd.items():
        if name == "ifd-loop.tif":  # the SDK cannot parse it at all, and finds no manifest
            with pytest.raises(c2pa.C2paError, match="could not be parsed"):
                sdk(f)
        else:
            assert sdk(f) == ("none", []), name
        r = state(f)
        assert r.state == "none", (name, r.state, r.notes, r.error)
    r = run_cli("verify", "--json", *map(str, odd.values()))
    assert "Traceback" not in r.stderr and r.returncode == 3
    assert [json.loads(line)["state"] for line in r.stdout.splitlines()] == ["none"] * len(odd)
    c = run_cli("check", "--ocr", "off", "--no-register", *map(str, odd.values()))
    assert "Traceback" not in c.stderr and c.returncode in (0, 3)
    assert len(c.stdout.splitlines()) == len(odd) and "damaged" not in c.stdout


def test_every_state_has_both_languages_and_an_exit_code():
    assert {s.code for s in provenance_states.TABLE} == {
        "trusted",
        "untrusted",
        "identity-untrusted",
        "invalid",
        "remote",
        "unchecked",
        "unreadable",
        "none",
        "xmp-only",
        "xmp-contradicts",
        "invalid-parent",
        "register-match",
    }
    for s in provenance_states.TABLE:
        assert s.de and s.en and s.de != s.en
    assert provenance_states.get("register-match").exit_code == provenance_states.get("none").exit_code == 3
    # a sentence whose details were not given stops before them rather than show a placeholder
    assert provenance_states.get("register-match").sentence("en") == "AI image: matches register entry."
    assert provenance_states.exit_code(["trusted", "untrusted"]) == 0
    assert provenance_states.exit_code(["trusted", "unreadable"]) == 1
    assert provenance_states.exit_code(["unreadable", "invalid"]) == 3


@pytest.mark.gui
def test_the_window_speaks_the_same_sentences(qtbot, tmp_path):
    from kilabel.gui.check_dialog import CheckView
    from kilabel.settings import Settings

    reports = [state(cases.with_identity(tmp_path)), state(cases.xmp_only(tmp_path))]
    for lang in ("de", "en"):
        dlg = CheckView(Settings(), lang)
        qtbot.addWidget(dlg)
        for r in reports:
            assert dlg.headline(r)[1] == r.sentence(lang)


def test_sidecar_pair_is_read_by_verify(tmp_path, identity):
    src = cases.jpeg(tmp_path / "in.jpg")
    r = run_cli(
        "export",
        str(src),
        "--source-type",
        "trainedAlgorithmicMedia",
        "--sidecar",
        "--out",
        str(tmp_path / "o"),
    )
    assert r.returncode == 0, r.stderr
    out = next((tmp_path / "o").glob("*.jpg"))
    side = out.with_suffix(".c2pa")
    assert side.exists()
    for path in (out, side):
        rep = verify.verify(path)
        assert rep.state in ("trusted", "untrusted"), (path, rep.state, rep.notes)
        assert any("sidecar" in n or "together" in n for n in rep.notes)


@pytest.mark.gui
def test_remote_fetching_is_a_setting_in_the_window(qtbot):
    from kilabel import settings as settings_mod
    from kilabel.gui.settings_dialog import SettingsDialog

    s = settings_mod.load()
    assert s.fetch_remote_manifests is False  # offline unless the user turns it on
    dlg = SettingsDialog(s)
    qtbot.addWidget(dlg)
    assert not dlg.fetch.isChecked()
    dlg.fetch.setChecked(True)
    dlg.save()
    assert settings_mod.load().fetch_remote_manifests is True
