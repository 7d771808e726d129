"""Read a file back: provenance from XMP/EXIF and C2PA, the signature's state, and a verdict."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from kilabel.pipeline import c2pa_sign, metadata
from kilabel.pipeline.c2pa_sign import C2paInfo
from kilabel.pipeline.metadata import EmbeddedMetadata
from kilabel.provenance import Provenance, source_type_label
from kilabel.settings import Settings


@dataclass
class Report:
    path: str
    format: str = ""
    embedded: EmbeddedMetadata = field(default_factory=EmbeddedMetadata)
    c2pa: C2paInfo = field(default_factory=C2paInfo)
    provenance: Provenance = field(default_factory=Provenance)  # best of both
    verdict: str = ""
    status: str = ""  # ok | attention | none | error
    error: str = ""

    @property
    def needs_attention(self) -> bool:
        return self.status != "ok"

    def to_json(self) -> dict:
        c = dataclasses.asdict(self.c2pa)
        c.pop("manifest", None)
        return {
            "file": self.path,
            "format": self.format,
            "status": self.status,
            "verdict": self.verdict,
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
    """XMP and EXIF of an image file, through the metadata module's parser."""
    out = EmbeddedMetadata()
    with Image.open(path) as im:
        fmt = (im.format or "").lower()
        packet = None
        if im.format in ("JPEG", "WEBP", "MPO"):
            packet = im.info.get("xmp")
        elif im.format == "PNG":
            packet = im.info.get("XML:com.adobe.xmp")
        elif im.format == "TIFF":
            packet = im.tag_v2.get(700)
        if packet:
            try:
                prov, label, desc, tool = metadata.parse_xmp(packet)
                out.provenance, out.label, out.description, out.creator_tool = prov, label, desc, tool
                out.has_xmp = True
            except (ValueError, SyntaxError):
                pass
        exif = im.getexif()
        little = True
        if im.format in ("JPEG", "WEBP", "MPO") and im.info.get("exif"):
            raw = im.info["exif"]
            little = raw[6:8] == b"II" if raw.startswith(b"Exif") else raw[:2] == b"II"
        elif im.format == "TIFF":
            little = getattr(im, "_endian", "<") == "<"
        elif im.format == "PNG" and im.info.get("exif"):
            raw = im.info["exif"]
            little = raw[6:8] == b"II" if raw.startswith(b"Exif") else raw[:2] == b"II"

        def text(tag: int) -> str:
            v = exif.get(tag, "")
            if isinstance(v, bytes):
                return v.rstrip(b"\0").decode("utf-8", errors="replace")
            return _fix_latin1(v)

        out.exif_description = text(metadata.EXIF_IMAGE_DESCRIPTION)
        out.exif_artist = text(metadata.EXIF_ARTIST)
        out.exif_software = text(metadata.EXIF_SOFTWARE)
        uc = exif.get_ifd(metadata.EXIF_IFD).get(metadata.EXIF_USER_COMMENT)
        if uc:
            out.exif_user_comment = metadata.decode_user_comment(uc, little_endian=little)
    return {"jpeg": "jpeg", "mpo": "jpeg", "png": "png", "tiff": "tiff", "webp": "webp"}.get(fmt, fmt), out


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


def verify(path: Path, settings: Settings | None = None, anchors: str | None = None) -> Report:
    settings = settings or Settings()
    path = Path(path)
    report = Report(str(path))
    if anchors is None:
        anchors = trust_anchors(settings)
    try:
        if path.suffix.lower() == ".pdf":
            report.format, report.embedded = "pdf", read_pdf_embedded(path)
        else:
            report.format, report.embedded = read_embedded(path)
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError) as exc:
        if path.suffix.lower() not in (".pdf", ".c2pa"):
            report.status, report.error = "error", f"{path}: not a readable image ({exc})"
            report.verdict = "Cannot read this file."
            return report
    report.c2pa = c2pa_sign.read(path, anchors_pem=anchors)
    c = report.c2pa
    from_c2pa = Provenance(
        source_type=c.source_type, ai_system=c.ai_system, ai_version=c.ai_version, prompt=c.prompt
    )
    # XMP is covered by the signature hash; C2PA fills what XMP lacks (foreign files often have no XMP)
    report.provenance = from_c2pa.merged(report.embedded.provenance)
    report.status, report.verdict = _verdict(report)
    return report


def _verdict(r: Report) -> tuple[str, str]:
    c, prov = r.c2pa, r.provenance
    kind = source_type_label(prov.source_type, "en") if prov.source_type else ""
    if c.state == "invalid":
        return (
            "attention",
            "C2PA manifest INVALID: the file was changed after signing or the manifest is damaged.",
        )
    if c.state == "trusted":
        return "ok", f"Provenance OK: {kind or 'no source type'}; signature valid, signer on your trust list."
    if c.state == "valid":
        return "ok", (
            f"Provenance OK: {kind or 'no source type'}; signature valid, "
            "signer not on your trust list (add its root with: kilabel trust add ROOT.pem)."
        )
    if prov.source_type or prov.ai_system:
        return "attention", (
            f"Provenance in XMP/EXIF only ({kind or 'AI fields'}), no C2PA signature: "
            "it can be changed without trace."
        )
    return "none", "No AI provenance found (no IPTC source type, no C2PA manifest)."


def format_human(r: Report) -> str:
    p = r.provenance
    lines = [f"{r.path}"]
    if r.error:
        lines.append(f"  error: {r.error}")
    state = {
        "none": "none",
        "valid": "valid (signer not on your trust list)",
        "trusted": "valid, trusted",
        "invalid": "INVALID",
        "unsupported": "format not supported by C2PA",
        "error": "cannot read",
    }.get(r.c2pa.state, r.c2pa.state)
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
        ("C2PA", state),
        ("signed by", " / ".join(filter(None, [r.c2pa.signer_cn, r.c2pa.signer_org]))),
        ("signed with", r.c2pa.claim_generator),
    ]
    for key, value in rows:
        if value:
            lines.append(f"  {key + ':':<15}{value}")
    for reason in r.c2pa.reasons:
        lines.append(f"  {'why:':<15}{reason}")
    lines.append(f"  => {r.verdict}")
    return "\n".join(lines)
