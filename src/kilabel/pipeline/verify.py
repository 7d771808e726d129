"""Read a file back: provenance from XMP/EXIF and C2PA, and its state in the one table of
provenance states (kilabel.provenance_states) that verify, check and the window share.

Reading needs no pixels: only headers, metadata and the C2PA store are read, so no pixel limit
applies here (export's limit guards decoding). Nothing here goes online unless the caller asks
for a remote manifest to be fetched.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from kilabel import provenance_states
from kilabel.messages import msg
from kilabel.pipeline import c2pa_sign, metadata
from kilabel.pipeline.c2pa_sign import C2paInfo
from kilabel.pipeline.metadata import EmbeddedMetadata
from kilabel.provenance import Provenance, source_type_label
from kilabel.settings import Settings

Image.MAX_IMAGE_PIXELS = None  # headers only: no pixels are decoded here (see the module's docstring)


@dataclass
class Report:
    path: str
    format: str = ""
    embedded: EmbeddedMetadata = field(default_factory=EmbeddedMetadata)
    c2pa: C2paInfo = field(default_factory=C2paInfo)
    provenance: Provenance = field(default_factory=Provenance)  # signed values win over XMP/EXIF
    state: str = "none"  # a code of kilabel.provenance_states
    params: dict[str, str] = field(default_factory=dict)  # the state sentence's parameters
    notes: list[str] = field(default_factory=list)  # what else a careful reader should know
    contradictions: list[tuple[str, str, str]] = field(default_factory=list)  # (field, XMP, signed)
    error: str = ""

    @property
    def needs_attention(self) -> bool:
        return provenance_states.get(self.state).attention

    @property
    def status(self) -> str:
        """ok | attention | none | error (the older, coarser word; the state says more)."""
        if self.state == "unreadable":
            return "error"
        if self.state == "none":
            return "none"
        return "attention" if self.needs_attention else "ok"

    def sentence(self, lang: str = "en") -> str:
        return provenance_states.get(self.state).sentence(lang, **self.params)

    @property
    def verdict(self) -> str:
        return self.sentence("en")

    def to_json(self) -> dict:
        c = dataclasses.asdict(self.c2pa)
        c.pop("manifest", None)
        return {
            "file": self.path,
            "format": self.format,
            "state": self.state,
            "state_de": self.sentence("de"),
            "state_en": self.sentence("en"),
            "exit_code": int(provenance_states.get(self.state).exit_code),
            "status": self.status,
            "verdict": self.verdict,
            "notes": self.notes,
            "contradictions": [{"field": f, "xmp": x, "signed": s} for f, x, s in self.contradictions],
            "error": self.error,
            "provenance": dataclasses.asdict(self.provenance),
            "label": dataclasses.asdict(self.embedded.label),
            "xmp_present": self.embedded.has_xmp,
            "exif": {
                "ImageDescription": self.embedded.exif_description,
                "Artist": self.embedded.exif_artist,
                "Software": self.embedded.exif_software,
                "UserComment": self.embedded.exif_user_comment,
            },
            "c2pa": c,
        }


def read_embedded(path: Path) -> tuple[str, EmbeddedMetadata]:
    """XMP and EXIF of an image file, through the metadata module's parser.

    Raises only when the file cannot be opened as an image at all; a damaged XMP or EXIF block is
    noted in `problems` and the rest (the C2PA manifest above all) is still read.
    """
    out = EmbeddedMetadata()
    with Image.open(path) as im:
        fmt = (im.format or "").lower()
        try:
            _read_xmp(im, path, out)
        except Exception as exc:  # Pillow and the XML parser raise many types on damaged blocks
            out.problems.append(f"the XMP block is damaged and was not read ({exc})")
        try:
            _read_exif(im, out)
        except Exception as exc:
            out.problems.append(f"the EXIF block is damaged and was not read ({exc})")
    return {"jpeg": "jpeg", "mpo": "jpeg", "png": "png", "tiff": "tiff", "webp": "webp"}.get(fmt, fmt), out


def _as_bytes(value) -> bytes | str | None:
    """A tag value as bytes or text: a TIFF tag of a numeric type comes back as a tuple of ints."""
    if isinstance(value, (bytes, str)):
        return value
    if isinstance(value, tuple) and value and all(isinstance(v, int) for v in value):
        return bytes(v & 0xFF for v in value)
    return None


def _read_xmp(im: Image.Image, path: Path, out: EmbeddedMetadata) -> None:
    packet = None
    if im.format in ("JPEG", "MPO"):  # the standard packet plus extended XMP (long prompts)
        with open(path, "rb") as fh:
            packet = metadata.jpeg_full_xmp(fh)
    elif im.format == "WEBP":
        packet = im.info.get("xmp")
    elif im.format == "PNG":
        packet = im.info.get("XML:com.adobe.xmp")
    elif im.format == "TIFF":
        packet = im.tag_v2.get(700)
    packet = _as_bytes(packet)
    if packet:
        try:
            prov, label, desc, tool = metadata.parse_xmp(packet)
            out.provenance, out.label, out.description, out.creator_tool = prov, label, desc, tool
            out.has_xmp = True
        except (ValueError, SyntaxError, RecursionError):
            out.problems.append("the XMP packet is not well-formed XML")


def _read_exif(im: Image.Image, out: EmbeddedMetadata) -> None:
    if im.format == "PNG":  # Pillow's getexif() decodes a PNG to look past IDAT: take the chunk only
        exif = Image.Exif()
        if im.info.get("exif"):
            exif.load(im.info["exif"])
    else:
        exif = im.getexif()
    little = True
    if im.format in ("JPEG", "WEBP", "MPO", "PNG") and isinstance(im.info.get("exif"), bytes):
        raw = im.info["exif"]
        little = raw[6:8] == b"II" if raw.startswith(b"Exif") else raw[:2] == b"II"
    elif im.format == "TIFF":
        little = getattr(im, "_endian", "<") == "<"

    def text(tag: int) -> str:
        v = exif.get(tag, "")
        if isinstance(v, bytes):
            return v.rstrip(b"\0").decode("utf-8", errors="replace")
        if not isinstance(v, str):  # a writer that put a number or a tuple where text belongs
            return str(v)
        return _fix_latin1(v)

    out.exif_description = text(metadata.EXIF_IMAGE_DESCRIPTION)
    out.exif_artist = text(metadata.EXIF_ARTIST)
    out.exif_software = text(metadata.EXIF_SOFTWARE)
    uc = _as_bytes(exif.get_ifd(metadata.EXIF_IFD).get(metadata.EXIF_USER_COMMENT))
    if uc:
        out.exif_user_comment = metadata.decode_user_comment(uc, little_endian=little)


def read_pdf_embedded(path: Path) -> EmbeddedMetadata:
    """A PDF's document XMP (pikepdf), through the metadata module's parser."""
    out = EmbeddedMetadata()
    try:
        packet = _pdf_xmp_packet(path)
    except Exception as exc:  # pikepdf raises its own types for damaged files
        raise ValueError(f"cannot read PDF: {exc}") from exc
    if packet:
        try:
            out.provenance, out.label, out.description, out.creator_tool = metadata.parse_xmp(packet)
            out.has_xmp = True
        except (ValueError, SyntaxError):
            pass
    return out


def _pdf_xmp_packet(path: Path) -> bytes | None:
    """The document's XMP packet (/Root /Metadata); None if there is none."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        meta = pdf.Root.get("/Metadata")
        return meta.read_bytes() if meta is not None else None


def _fix_latin1(value: str) -> str:
    """Pillow decodes EXIF ASCII as Latin-1; we write UTF-8."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def trust_anchors(settings: Settings) -> str:
    """PEM text of the user's trust anchors plus the own local root, if one was made here."""
    pems = []
    for p in settings.trust_anchors:
        try:
            pems.append(Path(p).read_text(encoding="ascii"))
        except OSError:
            pass
    own = settings.keys_path / "root-ca.pem"
    if own.exists():
        pems.append(own.read_text(encoding="ascii"))
    return "\n".join(pems)


def verify(
    path: Path,
    settings: Settings | None = None,
    anchors: str | None = None,
    *,
    fetch_remote: bool | None = None,
) -> Report:
    """Read one file and judge it; never raises: a file that cannot be read is a state too."""
    path = Path(path)
    report = Report(str(path))
    try:
        settings = settings or Settings()
        if anchors is None:
            anchors = trust_anchors(settings)
        if fetch_remote is None:
            fetch_remote = settings.fetch_remote_manifests
        _read(report, path, anchors, fetch_remote)
    except Exception as exc:  # one odd file must not end a run: its state says what went wrong
        report.state, report.error = "unreadable", f"{path}: {type(exc).__name__}: {exc}"
        report.params = {"reason": f"{type(exc).__name__}: {exc}"}
    return report


ASSET_EXTS = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".pdf")


def _read(report: Report, path: Path, anchors: str, fetch_remote: bool) -> None:
    if path.suffix.lower() == ".c2pa":  # a sidecar is checked together with the file it belongs to
        asset = next((a for a in map(path.with_suffix, ASSET_EXTS) if a.is_file()), None)
        if asset is None:
            report.state, report.params = (
                "unchecked",
                {"reason": "a sidecar manifest is checked with its image; no image of the same name is here"},
            )
            return
        report.notes.append(msg("checked-with", name=asset.name))
        path = asset
    is_pdf = path.suffix.lower() == ".pdf"
    if not path.is_file():
        report.state, report.error = "unreadable", msg("no-such-file", file=path)
        report.params = {"reason": {"de": "die Datei gibt es nicht", "en": "no such file"}}
        return
    try:
        if is_pdf:
            report.format, report.embedded = "pdf", read_pdf_embedded(path)
        else:
            report.format, report.embedded = read_embedded(path)
    except Exception as exc:  # Pillow and pikepdf raise many types for odd files
        if not is_pdf and path.suffix.lower() != ".c2pa":
            why = f"{type(exc).__name__}: {exc}"
            report.state, report.error = "unreadable", msg("not-readable-image", file=path, reason=why)
            report.params = {
                "reason": {
                    "de": "kein lesbares Bild (leer, beschädigt oder kein Bild)",
                    "en": f"not a readable image ({why})",
                }
            }
            return
        report.notes.append(msg("metadata-not-read", reason=str(exc)))
    report.notes += report.embedded.problems
    report.c2pa = c2pa_sign.read(path, anchors_pem=anchors, fetch_remote=fetch_remote)
    c = report.c2pa
    stated = {k: getattr(c, k) for k in ("source_type", "ai_system", "ai_version") if k not in c.from_parent}
    signed = Provenance(**stated, prompt=c.prompt)  # what the active manifest itself states
    history = Provenance(**{k: getattr(c, k) for k in c.from_parent})  # what only the parent says
    xmp = report.embedded.provenance
    report.contradictions = _contradictions(xmp, signed) if c.state != "none" else []
    # signed values win where the manifest is valid; otherwise what the file says, signed values filling
    # gaps; the parent's history fills what neither says
    mine = xmp.merged(signed) if c.state in ("valid", "trusted") else signed.merged(xmp)
    report.provenance = history.merged(mine)
    report.state, report.params = _state(report)
    report.notes += _notes(report)


def _contradictions(xmp: Provenance, signed: Provenance) -> list[tuple[str, str, str]]:
    """Fields where XMP/IPTC says one thing and the C2PA manifest another (both set)."""
    out = []
    if xmp.source_type and signed.source_type and xmp.source_type != signed.source_type:
        out.append(("source type", xmp.source_type, signed.source_type))
    if xmp.ai_system and signed.ai_system and xmp.ai_system.casefold() != signed.ai_system.casefold():
        out.append(("AI system", xmp.ai_system, signed.ai_system))
    if xmp.ai_version and signed.ai_version and xmp.ai_version != signed.ai_version:
        out.append(("AI version", xmp.ai_version, signed.ai_version))
    return out


def _state(r: Report) -> tuple[str, dict[str, str]]:
    c, prov = r.c2pa, r.embedded.provenance
    reason = "; ".join(c.reasons)
    if c.state == "invalid":
        return "invalid", {"reason": reason or "validation failed"}
    if c.state == "remote":
        return "remote", {"url": c.remote_url or "a URL"}
    if c.state == "unchecked":
        return "unchecked", {"reason": reason or "unknown reason"}
    if c.state in ("valid", "trusted"):
        if r.contradictions:
            fields = "; ".join(
                f"{f} \u201c{x}\u201d in XMP, \u201c{s}\u201d signed" for f, x, s in r.contradictions
            )
            return "xmp-contradicts", {"fields": fields}
        if c.parent_state == "invalid":
            return "invalid-parent", {}
        if c.identity_untrusted:
            return "identity-untrusted", {"identity": c.identity_untrusted}
        return ("trusted" if c.state == "trusted" else "untrusted"), {}
    if prov.source_type or prov.ai_system or r.embedded.label.text:
        return "xmp-only", {}
    return "none", {}


def _notes(r: Report) -> list[str]:
    c, notes = r.c2pa, []
    if r.contradictions and r.state != "xmp-contradicts":
        for f, x, s in r.contradictions:
            notes.append(msg("xmp-differs", field=f, xmp=x, signed=s))
    if c.state in ("valid", "trusted"):
        if c.parent_state == "invalid" and r.state != "invalid-parent":
            notes.append(msg("parent-manifest-invalid"))
        if c.identity_untrusted and r.state != "identity-untrusted":
            notes.append(msg("identity-not-trusted", who=c.identity_untrusted))
        if c.state == "valid" and r.state not in ("untrusted",):
            notes.append(msg("signer-not-trusted"))
    if c.state in ("none", "unsupported") and c.reasons:
        notes.append(c.reasons[0])
    if c.sidecar:
        notes.append(msg("manifest-from-sidecar", name=Path(c.sidecar).name))
    return notes


C2PA_WORDS = {  # the manifest's own state, as a detail line under the state sentence
    "none": "none",
    "valid": "signature valid (signer not on your trust list)",
    "trusted": "signature valid, signer on your trust list",
    "invalid": "INVALID",
    "remote": "stored elsewhere, not fetched",
    "unchecked": "cannot be checked",
    "unsupported": "format not supported by C2PA",
}


def format_human(r: Report) -> str:
    p = r.provenance
    lines = [f"{r.path}"]
    if r.error:
        lines.append(f"  error: {r.error}")
    rows = [
        (
            "source type",
            f"{source_type_label(p.source_type, 'en')} ({p.source_type})" if p.source_type else "",
        ),
        ("AI system", " ".join(filter(None, [p.ai_system, p.ai_version]))),
        ("prompt", p.prompt.replace("\n", "\n" + " " * 17)),
        ("prompt writer", p.prompt_writer),
        ("creator", p.creator),
        ("credit", p.credit),
        ("label", r.embedded.label.text),
        ("register id", p.register_id),
        ("C2PA", C2PA_WORDS.get(r.c2pa.state, r.c2pa.state) if r.state != "unreadable" else ""),
        ("signed by", " / ".join(filter(None, [r.c2pa.signer_cn, r.c2pa.signer_org]))),
        ("signed with", r.c2pa.claim_generator),
        ("parent", {"invalid": "INVALID", "valid": "valid"}.get(r.c2pa.parent_state, "")),
    ]
    for key, value in rows:
        if value:
            lines.append(f"  {key + ':':<15}{value}")
    for reason in r.c2pa.reasons:
        lines.append(f"  {'why:':<15}{reason}")
    for note in r.notes:
        lines.append(f"  {'note:':<15}{note}")
    lines.append(f"  => {r.sentence('en')}")
    return "\n".join(lines)
