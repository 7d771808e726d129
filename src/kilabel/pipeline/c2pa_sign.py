"""C2PA: build the manifest (DESIGN.md metadata map), sign as the last byte change, read and judge.

c2pa objects are made inside each process that uses them (a forked or spawned worker cannot use
its parent's Signer). The SDK's own thumbnail is off: it re-decodes the image and roughly doubles
signing time on large files.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from kilabel import __version__
from kilabel.keys import Identity
from kilabel.provenance import Provenance, source_type_code, source_type_uri

KILABEL_AGENT = {"name": "kilabel", "version": __version__}
PROMPT_TYPE = "c2pa.types.generator.prompt"
# Codes that do not make a manifest invalid: they say the signer is not on a trust list, or that
# an online check was skipped (we work offline).
BENIGN = {"signingCredential.untrusted", "signingCredential.ocsp.skipped", "timeStamp.untrusted"}


def _c2pa():
    import c2pa  # imported lazily: it loads a native library

    return c2pa


def builder_context():
    return _c2pa().Context.from_dict({"builder": {"thumbnail": {"enabled": False}}})


def make_signer(identity: Identity, tsa_url: str = ""):
    c2pa = _c2pa()
    info = c2pa.C2paSignerInfo(identity.alg.encode(), identity.chain_pem, identity.key_pem, tsa_url or None)
    return c2pa.Signer.from_info(info)


def manifest_definition(prov: Provenance, label_text: str, title: str, has_parent: bool) -> dict:
    agent = {"name": prov.ai_system} if prov.ai_system else dict(KILABEL_AGENT)
    if prov.ai_system and prov.ai_version:
        agent["version"] = prov.ai_version
    if has_parent:
        first = {
            "action": "c2pa.opened",
            "softwareAgent": dict(KILABEL_AGENT),
            "parameters": {"ingredientIds": ["parent"]},
        }
        if prov.source_type:
            first["digitalSourceType"] = source_type_uri(prov.source_type)
    else:
        first = {
            "action": "c2pa.created",
            "softwareAgent": agent,
            "digitalSourceType": source_type_uri(prov.source_type or "trainedAlgorithmicMedia"),
        }
    actions = [
        first,
        {
            "action": "c2pa.edited",
            "description": f"Visible label added: \u201c{label_text}\u201d",
            "softwareAgent": dict(KILABEL_AGENT),
        },
    ]
    manifest: dict = {
        "claim_generator_info": [dict(KILABEL_AGENT)],
        "title": title,
        "assertions": [{"label": "c2pa.actions", "data": {"actions": actions}}],
        "ingredients": [],
    }
    if prov.prompt:
        manifest["ingredients"].append(
            {
                "title": "prompt",
                "format": "text/plain",
                "relationship": "inputTo",
                "data": {
                    "format": "text/plain",
                    "identifier": "prompt.txt",
                    "data_types": [{"type": PROMPT_TYPE}],
                },
            }
        )
    return manifest


def sign(
    signer,
    src: Path,
    dst: Path,
    mime: str,
    prov: Provenance,
    label_text: str,
    title: str,
    parent: tuple[Path, str] | None = None,
) -> bytes:
    """Sign src into dst (a new file); returns the manifest store bytes (for a sidecar)."""
    c2pa = _c2pa()
    definition = manifest_definition(prov, label_text, title, parent is not None)
    builder = c2pa.Builder.from_json(definition, builder_context())
    if prov.prompt:
        builder.add_resource("prompt.txt", io.BytesIO(prov.prompt.encode("utf-8")))
    if parent is not None:
        ppath, pmime = parent
        with open(ppath, "rb") as p:
            builder.add_ingredient(
                {"title": ppath.name, "relationship": "parentOf", "label": "parent"}, pmime, p
            )
    with open(src, "rb") as source, open(dst, "w+b") as dest:
        return builder.sign(signer, mime, source, dest)


@dataclass
class C2paInfo:
    state: str = "none"  # none | valid | trusted | invalid | unsupported | error
    reasons: list[str] = field(default_factory=list)  # failure explanations
    signer_org: str = ""
    signer_cn: str = ""
    signed_at: str = ""
    claim_generator: str = ""
    source_type: str = ""
    ai_system: str = ""
    ai_version: str = ""
    prompt: str = ""
    actions: list[str] = field(default_factory=list)
    label_action: str = ""
    has_parent: bool = False
    parent_state: str = ""
    manifest: dict | None = None


def _trust_context(anchors_pem: str):
    settings = {"verify": {"verify_trust": True}}
    if anchors_pem:
        settings["trust"] = {"user_anchors": anchors_pem}
    return _c2pa().Context.from_dict(settings)


def read(path: Path, mime: str | None = None, anchors_pem: str = "") -> C2paInfo:
    """Read and validate a file's C2PA manifest; never raises for a bad file."""
    c2pa = _c2pa()
    info = C2paInfo()
    try:
        with open(path, "rb") as f:
            reader = c2pa.Reader.try_create(mime or _mime_for(path), f, None, _trust_context(anchors_pem))
            if reader is None:
                return info
            with reader:
                store = json.loads(reader.json())
                state = reader.get_validation_state() or ""
                active = reader.get_active_manifest() or {}
                prompt = _read_prompt(reader, active)
    except c2pa.C2paError.NotSupported:
        info.state = "unsupported"
        return info
    except Exception as exc:  # a broken JUMBF box must become a state, not a crash
        info.state = "invalid"
        info.reasons.append(f"manifest cannot be read: {exc}")
        return info
    failures = [s for s in store.get("validation_status") or [] if s.get("code") not in BENIGN]
    untrusted = any(
        s.get("code") == "signingCredential.untrusted" for s in store.get("validation_status") or []
    )
    if state == "Invalid" or failures:
        info.state = "invalid"
        info.reasons = [f"{s.get('code')}: {s.get('explanation', '')}" for s in failures] or [
            "validation failed"
        ]
    elif state == "Trusted" and not untrusted:
        info.state = "trusted"
    else:
        info.state = "valid"
    info.manifest = active
    sig = active.get("signature_info") or {}
    info.signer_org = sig.get("issuer", "")
    info.signer_cn = sig.get("common_name", "")
    info.signed_at = sig.get("time", "")
    gens = active.get("claim_generator_info") or []
    info.claim_generator = (
        " ".join(filter(None, [gens[0].get("name", ""), gens[0].get("version", "")])) if gens else ""
    )
    for assertion in active.get("assertions") or []:
        if assertion.get("label", "").startswith("c2pa.actions"):
            for action in assertion.get("data", {}).get("actions", []):
                name = action.get("action", "")
                info.actions.append(name)
                if action.get("digitalSourceType") and not info.source_type:
                    info.source_type = source_type_code(action["digitalSourceType"])
                agent = action.get("softwareAgent")
                if name == "c2pa.created" and isinstance(agent, dict):
                    info.ai_system, info.ai_version = agent.get("name", ""), agent.get("version", "")
                elif name == "c2pa.created" and isinstance(agent, str):
                    info.ai_system = agent
                if name == "c2pa.edited" and action.get("description", "").startswith("Visible label"):
                    info.label_action = action["description"]
    for ing in active.get("ingredients") or []:
        if ing.get("relationship") == "parentOf":
            info.has_parent = True
            results = ing.get("validation_results", {}).get("activeManifest", {})
            bad = [f for f in results.get("failure", []) if f.get("code") not in BENIGN]
            info.parent_state = "invalid" if bad else ("valid" if ing.get("active_manifest") else "none")
            if not info.source_type or not info.ai_system:
                _prefill_from_parent(info, store, ing.get("active_manifest"))
    info.prompt = prompt
    return info


def _prefill_from_parent(info: C2paInfo, store: dict, label: str | None) -> None:
    manifest = (store.get("manifests") or {}).get(label or "", {})
    for assertion in manifest.get("assertions") or []:
        if assertion.get("label", "").startswith("c2pa.actions"):
            for action in assertion.get("data", {}).get("actions", []):
                if action.get("digitalSourceType") and not info.source_type:
                    info.source_type = source_type_code(action["digitalSourceType"])
                agent = action.get("softwareAgent")
                if action.get("action") == "c2pa.created" and not info.ai_system:
                    if isinstance(agent, dict):
                        info.ai_system, info.ai_version = agent.get("name", ""), agent.get("version", "")
                    elif isinstance(agent, str):
                        info.ai_system = agent


def _read_prompt(reader, active: dict) -> str:
    for ing in active.get("ingredients") or []:
        data = ing.get("data") or {}
        if ing.get("relationship") == "inputTo" and ing.get("title") == "prompt" and data.get("identifier"):
            buf = io.BytesIO()
            try:
                reader.resource_to_stream(data["identifier"], buf)
            except Exception:
                return ""
            return buf.getvalue().decode("utf-8", errors="replace")
    return ""


def _mime_for(path: Path) -> str:
    ext = path.suffix.lower().lstrip(".")
    return {
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "png": "image/png",
        "tif": "image/tiff",
        "tiff": "image/tiff",
        "webp": "image/webp",
        "pdf": "application/pdf",
        "c2pa": "application/c2pa",
    }.get(ext, ext)


def input_provenance(info: C2paInfo) -> Provenance:
    """What an input's manifest says, to pre-fill provenance (the user's values win)."""
    return Provenance(
        source_type=info.source_type, ai_system=info.ai_system, ai_version=info.ai_version, prompt=info.prompt
    )
