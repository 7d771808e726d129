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
# Codes that do not make a manifest invalid: they say the signer (or an identity assertion's
# credential) is not on a trust list, or that an online check was skipped (we work offline).
BENIGN = {
    "signingCredential.untrusted",
    "signingCredential.ocsp.skipped",
    "timeStamp.untrusted",
    "cawg.x509.credential.untrusted",
    "cawg.identity.credential.untrusted",
}
# Codes of an Invalid state that say the manifest could not be judged, not that the file changed
# (an unknown signature algorithm, a claim or manifest version the SDK does not know).
UNCHECKABLE = {"algorithm.unsupported", "claim.unsupported", "manifest.unsupported", "assertion.unsupported"}
_REMOTE_PREFIX = "must fetch remote manifests from url "


def _c2pa():
    import c2pa  # imported lazily: it loads a native library

    return c2pa


def builder_context():
    """The Builder's settings: no SDK thumbnail, and what kilabel states itself is *created*.

    Without `created_assertion_labels` the SDK lists every assertion but the hard binding as
    gathered. The labels are base labels (the SDK matches `c2pa.actions` to `c2pa.actions.v2`
    and `c2pa.ingredient` to every `c2pa.ingredient.v3…`): the actions, the ingredients (the
    prompt, and the parent kilabel hashed and validated itself), the prompt's bytes
    (`c2pa.embedded-data`, which the prompt ingredient points to), and a soft binding if one
    is added.
    """
    created = ["c2pa.actions", "c2pa.ingredient", "c2pa.embedded-data", "c2pa.soft-binding"]
    return _c2pa().Context.from_dict(
        {"builder": {"thumbnail": {"enabled": False}, "created_assertion_labels": created}}
    )


def make_signer(identity: Identity, tsa_url: str = ""):
    c2pa = _c2pa()
    info = c2pa.C2paSignerInfo(identity.alg.encode(), identity.chain_pem, identity.key_pem, tsa_url or None)
    return c2pa.Signer.from_info(info)


def manifest_definition(prov: Provenance, label_text: str, title: str, has_parent: bool) -> dict:
    """The manifest kilabel signs (DESIGN.md metadata map).

    Without a parent the AI system is the `softwareAgent` of `c2pa.created`. With a parent (an
    input that carries a manifest) the first action is `c2pa.opened`, done by kilabel; the AI
    system then stays named in the active manifest as that action's `parameters.aiSystem`
    ({name, version}, the shape of a softwareAgent) and in its `description`. The prompt's data
    type sits at ingredient level (`data_types`, stored as `dataTypes`): inside `data` the SDK
    drops it.
    """
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
        if prov.ai_system:
            first["parameters"]["aiSystem"] = agent
            named = " ".join(filter(None, [prov.ai_system, prov.ai_version]))
            first["description"] = f"Opened an image made with the AI system {named}"
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
                "data": {"format": "text/plain", "identifier": "prompt.txt"},
                "data_types": [{"type": PROMPT_TYPE}],
            }
        )
    return manifest


def text_name(name: str) -> str:
    """A file name as valid UTF-8 text for the manifest's JSON: bytes that are not UTF-8 (kept by
    Python as surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def sign(
    signer,
    src: Path,
    dst: Path,
    mime: str,
    prov: Provenance,
    label_text: str,
    title: str,
    parent: tuple[Path, str] | None = None,
    *,
    sidecar: bool = False,
    extra_assertions: list[dict] | None = None,
) -> bytes:
    """Sign src into dst (a new file); returns the manifest store bytes.

    `extra_assertions` are added to the manifest's assertions as given ({"label", "data"}): the
    export passes the fingerprint's `c2pa.soft-binding` (pipeline.fingerprint.soft_binding_assertion).

    With `sidecar`, nothing is embedded (`Builder.set_no_embed()`): dst gets src's bytes as they
    are, and the returned bytes are the sidecar (NAME.c2pa), whose hard binding
    (`c2pa.hash.data`) covers every byte of dst. The SDK validates the pair with
    `Reader(mime, dst_stream, manifest_bytes)`.
    """
    c2pa = _c2pa()
    definition = manifest_definition(prov, label_text, title, parent is not None)
    definition["assertions"].extend(extra_assertions or [])
    builder = c2pa.Builder.from_json(definition, builder_context())
    if sidecar:
        builder.set_no_embed()
    if prov.prompt:
        builder.add_resource("prompt.txt", io.BytesIO(prov.prompt.encode("utf-8")))
    if parent is not None:
        ppath, pmime = parent
        with open(ppath, "rb") as p:
            builder.add_ingredient(
                {"title": text_name(ppath.name), "relationship": "parentOf", "label": "parent"}, pmime, p
            )
    with open(src, "rb") as source, open(dst, "w+b") as dest:
        return builder.sign(signer, mime, source, dest)


@dataclass
class C2paInfo:
    """A file's C2PA manifest as the SDK judged it.

    state: none (no manifest) | trusted | valid (signer not on the trust list) | invalid (the SDK
    found a manifest and judged it invalid) | remote (stored elsewhere, not fetched) | unchecked
    (found, but cannot be judged: `reasons` says why) | unsupported (a format the SDK cannot read).
    """

    state: str = "none"
    reasons: list[str] = field(default_factory=list)  # failure explanations, or why it cannot be checked
    codes: list[str] = field(default_factory=list)  # the SDK's validation status codes
    sdk_state: str = ""  # the SDK's own word: Valid | Trusted | Invalid | "" (none read)
    remote_url: str = ""
    sidecar: str = ""  # the NAME.c2pa the manifest was read from, when not embedded
    identity_untrusted: str = ""  # an identity assertion's credential not on the trust list: whose
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
    from_parent: list[str] = field(
        default_factory=list
    )  # fields above taken from the parent, not stated here
    manifest: dict | None = None


def _reader_context(anchors_pem: str, fetch_remote: bool = False):
    settings: dict = {"verify": {"verify_trust": True, "remote_manifest_fetch": bool(fetch_remote)}}
    if anchors_pem:
        settings["trust"] = {"user_anchors": anchors_pem}
    return _c2pa().Context.from_dict(settings)


def _has_c2pa_marker(path: Path) -> bool:
    """Whether the file holds a C2PA manifest store box at all (a JUMBF labelled c2pa)."""
    import mmap

    try:
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            return m.find(b"jumb") >= 0 and m.find(b"c2pa") >= 0
    except (OSError, ValueError):  # empty file: nothing to map
        return False


def read(
    path: Path, mime: str | None = None, anchors_pem: str = "", *, fetch_remote: bool = False
) -> C2paInfo:
    """Read and validate a file's C2PA manifest; never raises for a bad file, never goes online
    unless `fetch_remote` (a manifest stored at a URL is then fetched)."""
    info = C2paInfo()
    try:
        with open(path, "rb") as f:
            reader = _open_reader(f, Path(path), mime or _mime_for(path), anchors_pem, fetch_remote, info)
            if reader is None:
                return info
            with reader:
                store = json.loads(reader.json())
                info.sdk_state = reader.get_validation_state() or ""
                results = reader.get_validation_results() or {}
                active = reader.get_active_manifest() or {}
                prompt = _read_prompt(reader, active)
    except OSError as exc:
        info.state = "unchecked"
        info.reasons = [f"cannot read the file: {exc.strerror or exc}"]
        return info
    except Exception as exc:  # the SDK's errors become states, never a crash
        _state_from_error(info, exc, path)
        return info
    statuses = store.get("validation_status") or []
    info.codes = [s.get("code", "") for s in statuses]
    failures = [s for s in statuses if s.get("code") not in BENIGN]
    cawg = [s for s in statuses if s.get("code", "").startswith("cawg.") and s.get("code") in BENIGN]
    if info.sdk_state == "Invalid":
        why = [f"{s.get('code')}: {s.get('explanation', '')}" for s in failures] or ["validation failed"]
        info.reasons = why
        codes = {s.get("code") for s in failures}
        # an algorithm the SDK does not know also fails the signature check; a changed file fails more
        cannot_judge = codes & UNCHECKABLE and not codes - UNCHECKABLE - {"claimSignature.mismatch"}
        info.state = "unchecked" if cannot_judge else "invalid"
    else:
        # The SDK says Valid, not Trusted, as soon as any credential it saw (an identity assertion's,
        # one in the history) is untrusted; whether the signer itself is trusted is its own code.
        active_ok = {s.get("code") for s in (results.get("activeManifest") or {}).get("success") or []}
        trusted = info.sdk_state == "Trusted" or "signingCredential.trusted" in active_ok
        info.state = "trusted" if trusted else "valid"
    if cawg and _identity_name(active):  # the active manifest's own identity, not one in its history
        info.identity_untrusted = _identity_name(active)
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
                ai = (action.get("parameters") or {}).get("aiSystem")  # kilabel's c2pa.opened names it here
                if name == "c2pa.opened" and isinstance(ai, dict) and not info.ai_system:
                    info.ai_system, info.ai_version = ai.get("name", ""), ai.get("version", "")
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


def sidecar_for(path: Path) -> Path | None:
    """NAME.c2pa next to an asset: its manifest when the asset carries none (kilabel --sidecar)."""
    side = Path(path).with_suffix(".c2pa")
    return side if side != Path(path) and side.is_file() else None


def _open_reader(f, path: Path, mime: str, anchors_pem: str, fetch_remote: bool, info: C2paInfo):
    """A Reader for the embedded manifest, else for the asset with its sidecar; None if neither.

    A manifest stored at a URL that is not fetched is read from a sidecar when there is one.
    """
    c2pa = _c2pa()
    context = _reader_context(anchors_pem, fetch_remote)
    side = sidecar_for(path)
    try:
        reader = c2pa.Reader.try_create(mime, f, None, context)
    except Exception as exc:
        if side is None or not (isinstance(exc, c2pa.C2paError.RemoteManifest) or _REMOTE_PREFIX in str(exc)):
            raise
        reader = None
    if reader is None and side is not None:
        f.seek(0)
        reader = c2pa.Reader.try_create(
            mime, f, side.read_bytes(), _reader_context(anchors_pem, fetch_remote)
        )
        info.sidecar = str(side)
    return reader


def _state_from_error(info: C2paInfo, exc: Exception, path: Path) -> None:
    """An SDK error as a state: a remote manifest not fetched, a manifest that cannot be judged,
    a format the SDK does not read, or a file it cannot parse (no manifest found: none)."""
    c2pa = _c2pa()
    text = str(exc).strip()
    detail = text.split(": ", 1)[1] if ": " in text else text
    if isinstance(exc, c2pa.C2paError.RemoteManifest) or _REMOTE_PREFIX in text:
        info.state = "remote"
        info.remote_url = text.split(_REMOTE_PREFIX, 1)[1].strip() if _REMOTE_PREFIX in text else ""
        info.reasons = [f"manifest stored at {info.remote_url or 'a URL'}; fetching is off"]
    elif isinstance(exc, c2pa.C2paError.NotSupported):
        info.state = "unsupported"
        info.reasons = [f"C2PA cannot read this format ({detail})"]
    elif _has_c2pa_marker(path):
        info.state = "unchecked"
        info.reasons = [f"the C2PA SDK cannot read the manifest: {detail}"]
    elif sidecar_for(path) is not None:
        info.state, info.sidecar = "unchecked", str(sidecar_for(path))
        info.reasons = [f"the C2PA SDK cannot read the sidecar {sidecar_for(path).name}: {detail}"]
    else:  # no manifest in the file: an odd file is not a damaged manifest
        info.state = "none"
        info.reasons = [f"the C2PA SDK could not parse the file ({detail}); it holds no manifest"]


def _identity_name(active: dict) -> str:
    """Who an identity (CAWG) assertion names: its credential's common name and issuer."""
    for assertion in active.get("assertions") or []:
        if assertion.get("label", "").startswith("cawg.identity"):
            data = assertion.get("data") if isinstance(assertion.get("data"), dict) else {}
            sig = data.get("signature_info") or {}
            who = " / ".join(filter(None, [sig.get("common_name", ""), sig.get("issuer", "")]))
            return who or "identity assertion"
    return ""


def _prefill_from_parent(info: C2paInfo, store: dict, label: str | None) -> None:
    """Fill source type and AI system from the parent manifest where the active one is silent,
    noting which fields came from there (they are history, not the active manifest's statement)."""
    manifest = (store.get("manifests") or {}).get(label or "", {})
    before = (info.source_type, info.ai_system, info.ai_version)
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
    for name, old in zip(("source_type", "ai_system", "ai_version"), before, strict=True):
        if getattr(info, name) != old:
            info.from_parent.append(name)


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
