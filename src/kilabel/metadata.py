"""The metadata map (DESIGN.md): every part writes and reads provenance in files through this module.

XMP carries the IPTC AI fields, dc, photoshop:Credit, xmp:CreatorTool and kilabel's own label
fields; EXIF carries a short statement, the creator, kilabel's version and the prompt.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from kilabel import __version__
from kilabel.provenance import Provenance, source_type_code, source_type_uri

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "Iptc4xmpExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "kilabel": "http://ns.kilabel.app/xmp/1.0/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CREATOR_TOOL = f"kilabel {__version__}"
_INVALID_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

EXIF_IMAGE_DESCRIPTION = 0x010E
EXIF_ARTIST = 0x013B
EXIF_SOFTWARE = 0x0131
EXIF_IFD = 0x8769
EXIF_USER_COMMENT = 0x9286


@dataclass
class LabelRecord:
    """What was drawn, and the link to the register (kilabel's own XMP namespace)."""

    preset_id: str = ""
    text: str = ""
    language: str = ""
    position: str = ""
    register_id: str = ""


@dataclass
class EmbeddedMetadata:
    """Provenance as read back from a file's XMP and EXIF."""

    provenance: Provenance = field(default_factory=Provenance)
    label: LabelRecord = field(default_factory=LabelRecord)
    description: str = ""
    creator_tool: str = ""
    exif_description: str = ""
    exif_artist: str = ""
    exif_software: str = ""
    exif_user_comment: str = ""
    has_xmp: bool = False


def statement(wording: str, prov: Provenance, lang: str) -> str:
    """Short statement for dc:description and EXIF ImageDescription ('KI-generiert mit Midjourney 7')."""
    system = " ".join(p for p in (prov.ai_system, prov.ai_version) if p)
    if not system or prov.ai_system in wording:
        return wording
    joiner = " mit " if lang == "de" else " with "
    return f"{wording}{joiner}{system}" if prov.is_ai else f"{wording} ({system})"


def _text(value: str) -> str:
    """Escape user text for XML element content so that it round-trips exactly (CR kept)."""
    return escape(_INVALID_XML.sub("", value), {"\r": "&#13;"})


def build_xmp(prov: Provenance, label: LabelRecord, description: str) -> bytes:
    """An XMP packet with the metadata map's fields, as UTF-8 bytes."""
    simple = []

    def add(prefix: str, name: str, value: str) -> None:
        if value:
            simple.append(f"   <{prefix}:{name}>{_text(value)}</{prefix}:{name}>")

    add("Iptc4xmpExt", "DigitalSourceType", source_type_uri(prov.source_type))
    add("Iptc4xmpExt", "AISystemUsed", prov.ai_system)
    add("Iptc4xmpExt", "AISystemVersionUsed", prov.ai_version)
    add("Iptc4xmpExt", "AIPromptInformation", prov.prompt)
    add("Iptc4xmpExt", "AIPromptWriterName", prov.prompt_writer)
    add("photoshop", "Credit", prov.credit)
    add("xmp", "CreatorTool", CREATOR_TOOL)
    add("kilabel", "LabelId", label.preset_id)
    add("kilabel", "LabelText", label.text)
    add("kilabel", "LabelLanguage", label.language)
    add("kilabel", "LabelPosition", label.position)
    add("kilabel", "RegisterId", label.register_id or prov.register_id)
    add("kilabel", "Campaign", prov.campaign)
    add("kilabel", "Client", prov.client)
    if prov.creator:
        simple.append(f"   <dc:creator><rdf:Seq><rdf:li>{_text(prov.creator)}</rdf:li></rdf:Seq></dc:creator>")
    if description:
        simple.append(
            "   <dc:description><rdf:Alt>"
            f'<rdf:li xml:lang="x-default">{_text(description)}</rdf:li>'
            "</rdf:Alt></dc:description>"
        )
    xmlns = "\n".join(f'    xmlns:{p}="{NS[p]}"' for p in ("Iptc4xmpExt", "dc", "photoshop", "xmp", "kilabel"))
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="{CREATOR_TOOL}">\n'
        f' <rdf:RDF xmlns:rdf="{NS["rdf"]}">\n'
        f'  <rdf:Description rdf:about=""\n{xmlns}>\n'
        + "\n".join(simple)
        + "\n  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
        + '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


def _first_text(desc: ET.Element, tag: str) -> str:
    """A property in element or attribute form; for Seq/Alt/Bag, the first (x-default) item."""
    prefix, name = tag.split(":")
    qname = f"{{{NS[prefix]}}}{name}"
    if qname in desc.attrib:
        return desc.attrib[qname]
    node = desc.find(qname)
    if node is None:
        return ""
    items = node.findall(f".//{{{NS['rdf']}}}li")
    if items:
        default = [i for i in items if i.get(XML_LANG) == "x-default"]
        return (default or items)[0].text or ""
    return node.text or ""


def parse_xmp(packet: bytes | str) -> tuple[Provenance, LabelRecord, str, str]:
    """Read the metadata map's fields from an XMP packet (ours or anyone's)."""
    if isinstance(packet, bytes):
        packet = packet.decode("utf-8", errors="replace")
    start = packet.find("<x:xmpmeta")
    if start < 0:
        start = packet.find("<rdf:RDF")
    end_tag = "</x:xmpmeta>" if packet.find("</x:xmpmeta>") >= 0 else "</rdf:RDF>"
    end = packet.find(end_tag)
    if start < 0 or end < 0:
        raise ValueError("no XMP packet")
    root = ET.fromstring(packet[start:end + len(end_tag)])
    values: dict[str, str] = {}
    for desc in root.iter(f"{{{NS['rdf']}}}Description"):
        for tag in (
            "Iptc4xmpExt:DigitalSourceType", "Iptc4xmpExt:AISystemUsed", "Iptc4xmpExt:AISystemVersionUsed",
            "Iptc4xmpExt:AIPromptInformation", "Iptc4xmpExt:AIPromptWriterName", "dc:creator",
            "dc:description", "photoshop:Credit", "xmp:CreatorTool", "kilabel:LabelId", "kilabel:LabelText",
            "kilabel:LabelLanguage", "kilabel:LabelPosition", "kilabel:RegisterId", "kilabel:Campaign",
            "kilabel:Client",
        ):
            value = _first_text(desc, tag)
            if value and tag not in values:
                values[tag] = value
    prov = Provenance(
        source_type=source_type_code(values.get("Iptc4xmpExt:DigitalSourceType", "")),
        ai_system=values.get("Iptc4xmpExt:AISystemUsed", ""),
        ai_version=values.get("Iptc4xmpExt:AISystemVersionUsed", ""),
        prompt=values.get("Iptc4xmpExt:AIPromptInformation", ""),
        prompt_writer=values.get("Iptc4xmpExt:AIPromptWriterName", ""),
        creator=values.get("dc:creator", ""),
        credit=values.get("photoshop:Credit", ""),
        campaign=values.get("kilabel:Campaign", ""),
        client=values.get("kilabel:Client", ""),
        register_id=values.get("kilabel:RegisterId", ""),
    )
    label = LabelRecord(
        preset_id=values.get("kilabel:LabelId", ""),
        text=values.get("kilabel:LabelText", ""),
        language=values.get("kilabel:LabelLanguage", ""),
        position=values.get("kilabel:LabelPosition", ""),
        register_id=values.get("kilabel:RegisterId", ""),
    )
    return prov, label, values.get("dc:description", ""), values.get("xmp:CreatorTool", "")


def user_comment(text: str, little_endian: bool = False) -> bytes:
    """EXIF UserComment in the 'UNICODE' encoding: UTF-16 in the byte order of the EXIF block.

    piexif writes big-endian ('MM') blocks; Pillow and libtiff write little-endian ('II').
    """
    return b"UNICODE\0" + text.encode("utf-16-le" if little_endian else "utf-16-be")


def decode_user_comment(raw: bytes | str, little_endian: bool = False) -> str:
    if isinstance(raw, str):
        return raw
    head, body = raw[:8], raw[8:]
    if head.startswith(b"UNICODE"):
        if body.startswith(b"\xff\xfe") or body.startswith(b"\xfe\xff"):
            return body.decode("utf-16")
        return body.decode("utf-16-le" if little_endian else "utf-16-be", errors="replace")
    if head.startswith(b"ASCII"):
        return body.rstrip(b"\0").decode("ascii", errors="replace")
    return raw.rstrip(b"\0").decode("utf-8", errors="replace")


def exif_fields(prov: Provenance, description: str) -> dict[int, str]:
    """The EXIF part of the map: IFD0 ImageDescription, Artist, Software (UserComment separately)."""
    out = {EXIF_IMAGE_DESCRIPTION: description, EXIF_SOFTWARE: CREATOR_TOOL}
    if prov.creator:
        out[EXIF_ARTIST] = prov.creator
    return out


def build_exif_piexif(prov: Provenance, description: str, original: bytes | None) -> bytes:
    """EXIF block for JPEG and WebP, written with piexif; keeps the input's other tags, orientation reset."""
    import piexif

    data = {"0th": {}, "Exif": {}, "GPS": {}, "1st": {}, "thumbnail": None}
    if original:
        try:
            data = piexif.load(original)
        except Exception:  # a damaged foreign EXIF block is replaced, not fatal
            pass
    data["thumbnail"] = None
    data["1st"] = {}
    zeroth = data.setdefault("0th", {})
    zeroth[piexif.ImageIFD.Orientation] = 1
    for tag, value in exif_fields(prov, description).items():
        zeroth[tag] = value.encode("utf-8")
    exif_ifd = data.setdefault("Exif", {})
    exif_ifd.setdefault(piexif.ExifIFD.ExifVersion, b"0232")
    if prov.prompt:
        exif_ifd[piexif.ExifIFD.UserComment] = user_comment(prov.prompt)
    try:
        return piexif.dump(data)
    except Exception:
        # Foreign tags piexif cannot re-encode: start from a clean block rather than fail the export.
        clean = {"0th": {k: v for k, v in zeroth.items() if k in exif_fields(prov, description)}}
        clean["Exif"] = {piexif.ExifIFD.UserComment: user_comment(prov.prompt)} if prov.prompt else {}
        return piexif.dump(clean)


def build_exif_pillow(prov: Provenance, description: str, original=None):
    """EXIF for PNG and TIFF, through Pillow's own Exif (piexif only writes JPEG/WebP)."""
    from PIL import Image

    exif = Image.Exif()
    if original is not None:
        for tag, value in original.items():
            if tag not in (EXIF_IFD, 0x8825, 0x0112, 0x0201, 0x0202):
                exif[tag] = value
    for tag, value in exif_fields(prov, description).items():
        exif[tag] = value.encode("utf-8")  # bytes: Pillow would write str as 7-bit ASCII
    exif.get_ifd(EXIF_IFD)[0x9000] = b"0232"
    if prov.prompt:
        exif.get_ifd(EXIF_IFD)[EXIF_USER_COMMENT] = user_comment(prov.prompt, little_endian=True)
    return exif
