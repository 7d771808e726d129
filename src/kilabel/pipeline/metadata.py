"""The metadata map (DESIGN.md): every part writes and reads provenance in files through this module.

XMP carries the IPTC AI fields, dc, photoshop:Credit, xmp:CreatorTool and kilabel's own label
fields; EXIF carries a short statement, the creator, kilabel's version and the prompt.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import BinaryIO

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
    "xmpNote": "http://ns.adobe.com/xmp/note/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CREATOR_TOOL = f"kilabel {__version__}"
_INVALID_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

EXIF_IMAGE_DESCRIPTION = 0x010E
EXIF_ARTIST = 0x013B
EXIF_SOFTWARE = 0x0131
EXIF_IFD = 0x8769
EXIF_USER_COMMENT = 0x9286
# Make, Model, DateTime, Copyright, HostComputer, DocumentName, PageName
KEEP_IFD0_TAGS = {0x010F, 0x0110, 0x0132, 0x8298, 0x013C, 0x010D, 0x011D}

# A JPEG APP1 segment holds at most 65,533 bytes after its marker and length field.
JPEG_APP1_MAX = 65533
EXIF_MAX = JPEG_APP1_MAX  # Pillow's Exif.tobytes() includes the "Exif\0\0" header
_XMP_STD_SIG = b"http://ns.adobe.com/xap/1.0/\0"
_XMP_EXT_SIG = b"http://ns.adobe.com/xmp/extension/\0"
JPEG_XMP_MAX = JPEG_APP1_MAX - len(_XMP_STD_SIG)  # 65,504 bytes of standard XMP packet
_XMP_EXT_PORTION = JPEG_APP1_MAX - len(_XMP_EXT_SIG) - 32 - 4 - 4  # 65,458 bytes of extended XMP
PROMPT_SHORTENED = " … [shortened; the full prompt is in the XMP]"


def _register_exif_types() -> None:
    """Pillow has no type for UserComment in the Exif IFD and would write it as BYTE; EXIF says UNDEFINED."""
    from PIL import TiffTags

    group = TiffTags.TAGS_V2_GROUPS.setdefault(EXIF_IFD, {})
    group.setdefault(
        EXIF_USER_COMMENT, TiffTags.TagInfo(EXIF_USER_COMMENT, "UserComment", TiffTags.UNDEFINED, 0)
    )


_register_exif_types()


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
    problems: list[str] = field(default_factory=list)  # metadata blocks that could not be read, in words


def statement(wording: str, prov: Provenance, lang: str) -> str:
    """Short statement for dc:description and EXIF ImageDescription ('KI-generiert mit Midjourney 7')."""
    system = " ".join(p for p in (prov.ai_system, prov.ai_version) if p)
    if not system or prov.ai_system in wording:
        return wording
    joiner = " mit " if lang == "de" else " with "
    return f"{wording}{joiner}{system}" if prov.is_ai else f"{wording} ({system})"


def _text(value: str) -> str:
    """Escape user text for XML element content so that it round-trips exactly (CR kept). What
    xml.sax.saxutils.escape does; not imported from there: it brings urllib.request, http.client
    and ssl along, 15 ms at the start of every export worker and command."""
    value = _INVALID_XML.sub("", value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("\r", "&#13;")


def _xmp_properties(prov: Provenance, label: LabelRecord, description: str) -> list[tuple[str, str]]:
    """The packet's properties in order, as (prefix:name, serialised element line)."""
    props: list[tuple[str, str]] = []

    def add(prefix: str, name: str, value: str) -> None:
        if value:
            props.append((f"{prefix}:{name}", f"   <{prefix}:{name}>{_text(value)}</{prefix}:{name}>"))

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
        props.append(
            (
                "dc:creator",
                f"   <dc:creator><rdf:Seq><rdf:li>{_text(prov.creator)}</rdf:li></rdf:Seq></dc:creator>",
            )
        )
    if description:
        props.append(
            (
                "dc:description",
                "   <dc:description><rdf:Alt>"
                f'<rdf:li xml:lang="x-default">{_text(description)}</rdf:li>'
                "</rdf:Alt></dc:description>",
            )
        )
    return props


def _xmp_serialise(lines: list[str], *, extended_guid: str = "", wrapper: bool = True) -> bytes:
    """x:xmpmeta with one rdf:Description holding `lines`; in an xpacket wrapper unless told not to.

    `extended_guid` adds xmpNote:HasExtendedXMP (the standard part of a JPEG's extended XMP).
    """
    prefixes = ("Iptc4xmpExt", "dc", "photoshop", "xmp", "kilabel")
    if extended_guid:
        prefixes += ("xmpNote",)
        lines = [*lines, f"   <xmpNote:HasExtendedXMP>{extended_guid}</xmpNote:HasExtendedXMP>"]
    xmlns = "\n".join(f'    xmlns:{p}="{NS[p]}"' for p in prefixes)
    body = (
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="{CREATOR_TOOL}">\n'
        f' <rdf:RDF xmlns:rdf="{NS["rdf"]}">\n'
        f'  <rdf:Description rdf:about=""\n{xmlns}>\n'
        + "\n".join(lines)
        + "\n  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>"
    )
    if wrapper:
        body = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' + body + '\n<?xpacket end="w"?>'
    return body.encode("utf-8")


def build_xmp(prov: Provenance, label: LabelRecord, description: str) -> bytes:
    """An XMP packet with the metadata map's fields, as UTF-8 bytes."""
    return _xmp_serialise([line for _name, line in _xmp_properties(prov, label, description)])


def build_jpeg_xmp(
    prov: Provenance, label: LabelRecord, description: str, limit: int | None = None
) -> tuple[bytes, bytes | None]:
    """The XMP for a JPEG: (standard packet, extended serialisation or None).

    A packet that fits one APP1 segment is build_xmp's, unchanged. A larger one is split as XMP
    part 3 (1.1.3.1) says: the prompt, then the largest other properties, move to the extended
    serialisation (x:xmpmeta without packet wrapper) until the standard packet fits; the standard
    packet names the extended one in xmpNote:HasExtendedXMP by its GUID, the uppercase hex MD5 of
    the extended serialisation. jpeg_extended_xmp_segments() makes the APP1 segments for it.
    """
    limit = JPEG_XMP_MAX if limit is None else limit
    props = _xmp_properties(prov, label, description)
    packet = _xmp_serialise([line for _name, line in props])
    if len(packet) <= limit:
        return packet, None
    others = sorted((p for p in props if p[0] != "Iptc4xmpExt:AIPromptInformation"), key=lambda p: -len(p[1]))
    order = [p for p in props if p[0] == "Iptc4xmpExt:AIPromptInformation"] + others
    moved: set[str] = set()
    for name, _line in order:
        moved.add(name)
        kept = [line for n, line in props if n not in moved]
        if len(_xmp_serialise(kept, extended_guid="0" * 32)) <= limit:
            break
    extended = _xmp_serialise([line for n, line in props if n in moved], wrapper=False)
    guid = hashlib.md5(extended).hexdigest().upper()
    standard = _xmp_serialise([line for n, line in props if n not in moved], extended_guid=guid)
    if len(standard) > limit:  # not reached: the standard part keeps only short properties
        raise ValueError(f"XMP standard packet still {len(standard)} bytes after moving all properties")
    return standard, extended


def jpeg_extended_xmp_segments(extended: bytes) -> bytes:
    """APP1 segments (marker and length included) carrying an extended XMP serialisation.

    Each: "http://ns.adobe.com/xmp/extension/\\0", GUID (32 ASCII hex), full length (4 bytes
    big-endian), offset of this chunk (4 bytes big-endian), the chunk.
    """
    guid = hashlib.md5(extended).hexdigest().upper().encode("ascii")
    out = []
    for offset in range(0, len(extended), _XMP_EXT_PORTION):
        chunk = extended[offset : offset + _XMP_EXT_PORTION]
        payload = _XMP_EXT_SIG + guid + struct.pack(">II", len(extended), offset) + chunk
        out.append(b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload)
    return b"".join(out)


def _jpeg_segments(stream: BinaryIO):
    """(marker, start, end, payload) of each segment of a JPEG stream up to its first SOS."""
    if stream.read(2) != b"\xff\xd8":
        raise ValueError("not a JPEG (no SOI marker)")
    while True:
        start = stream.tell()
        byte = stream.read(1)
        if byte != b"\xff":
            raise ValueError(f"JPEG: no marker at byte {start}")
        marker = stream.read(1)
        while marker == b"\xff":  # fill bytes
            marker = stream.read(1)
        if not marker:
            raise ValueError("JPEG: ends before the image data")
        code = marker[0]
        if code == 0x01 or 0xD0 <= code <= 0xD7:  # TEM, RSTn: no length
            continue
        head = stream.read(2)
        if len(head) < 2:
            raise ValueError("JPEG: truncated segment")
        length = struct.unpack(">H", head)[0]
        payload = stream.read(length - 2)
        if len(payload) < length - 2:
            raise ValueError("JPEG: truncated segment")
        yield code, start, stream.tell(), payload
        if code in (0xDA, 0xD9):  # SOS: entropy-coded data follows; EOI
            return


def jpeg_insert_after_xmp(jpeg: bytes, segments: bytes) -> bytes:
    """`segments` inserted right after the standard XMP APP1 segment of an encoded JPEG."""
    for code, _start, end, payload in _jpeg_segments(io.BytesIO(jpeg)):
        if code == 0xE1 and payload.startswith(_XMP_STD_SIG):
            return jpeg[:end] + segments + jpeg[end:]
    raise ValueError("JPEG has no XMP segment to put the extended XMP after")


def jpeg_full_xmp(data: bytes | BinaryIO) -> bytes | None:
    """A JPEG's complete XMP: the standard packet merged with its extended XMP (XMP part 3).

    `data` is the file's bytes or a binary file object (only the segments before the image data
    are read). None when the file has no XMP. Without a (complete, matching) extended part, the
    standard packet as stored; with one, a packet whose rdf:RDF holds the standard and the
    extended rdf:Description elements (xmpNote:HasExtendedXMP removed), for parse_xmp.
    """
    stream = io.BytesIO(data) if isinstance(data, (bytes, bytearray, memoryview)) else data
    standard = None
    chunks: dict[bytes, dict[int, bytes]] = {}
    lengths: dict[bytes, int] = {}
    try:
        for code, _start, _end, payload in _jpeg_segments(stream):
            if code != 0xE1:
                continue
            if payload.startswith(_XMP_STD_SIG) and standard is None:
                standard = payload[len(_XMP_STD_SIG) :]
            elif payload.startswith(_XMP_EXT_SIG) and len(payload) >= len(_XMP_EXT_SIG) + 40:
                head = len(_XMP_EXT_SIG)
                guid = payload[head : head + 32]
                full, offset = struct.unpack(">II", payload[head + 32 : head + 40])
                lengths.setdefault(guid, full)
                chunks.setdefault(guid, {})[offset] = payload[head + 40 :]
    except ValueError:  # not a JPEG, or damaged: what was read before stays usable
        pass
    if standard is None:
        return None
    match = re.search(rb"HasExtendedXMP\s*(?:=\s*[\"']|>)\s*([0-9A-Fa-f]{32})", standard)
    if not match:
        return standard
    guid = match.group(1).upper()
    extended = b""
    for offset in sorted(chunks.get(guid, {})):
        if offset != len(extended):
            return standard  # a gap or an overlap: incomplete
        extended += chunks[guid][offset]
    if (
        not extended
        or len(extended) != lengths.get(guid)
        or hashlib.md5(extended).hexdigest().upper() != guid.decode()
    ):
        return standard
    return _merge_extended(standard, extended)


def _merge_extended(standard: bytes, extended: bytes) -> bytes:
    """The standard packet's rdf:RDF with the extended serialisation's rdf:Description appended."""
    rdf_tag = f"{{{NS['rdf']}}}RDF"
    note = f"{{{NS['xmpNote']}}}HasExtendedXMP"

    def root_of(packet: bytes) -> ET.Element:
        text = packet.decode("utf-8", errors="replace")
        start = text.find("<x:xmpmeta")
        end_tag = "</x:xmpmeta>"
        if start < 0:
            start, end_tag = text.find("<rdf:RDF"), "</rdf:RDF>"
        end = text.find(end_tag)
        if start < 0 or end < 0:
            raise ValueError("no XMP packet")
        return ET.fromstring(text[start : end + len(end_tag)])

    try:
        std_root, ext_root = root_of(standard), root_of(extended)
    except (ET.ParseError, ValueError):
        return standard
    std_rdf = std_root if std_root.tag == rdf_tag else std_root.find(rdf_tag)
    ext_rdf = ext_root if ext_root.tag == rdf_tag else ext_root.find(rdf_tag)
    if std_rdf is None or ext_rdf is None:
        return standard
    for desc in std_rdf:
        for child in [c for c in desc if c.tag == note]:
            desc.remove(child)
        desc.attrib.pop(note, None)
    std_rdf.extend(list(ext_rdf))
    for prefix, uri in NS.items():
        ET.register_namespace(prefix, uri)
    # ElementTree writes a CR in text as a raw CR, which an XML parser reads back as LF: keep it
    body = ET.tostring(std_root, encoding="unicode").replace("\r", "&#13;")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' + body + '\n<?xpacket end="w"?>'
    ).encode("utf-8")


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
    root = ET.fromstring(packet[start : end + len(end_tag)])
    values: dict[str, str] = {}
    for desc in root.iter(f"{{{NS['rdf']}}}Description"):
        for tag in (
            "Iptc4xmpExt:DigitalSourceType",
            "Iptc4xmpExt:AISystemUsed",
            "Iptc4xmpExt:AISystemVersionUsed",
            "Iptc4xmpExt:AIPromptInformation",
            "Iptc4xmpExt:AIPromptWriterName",
            "dc:creator",
            "dc:description",
            "photoshop:Credit",
            "xmp:CreatorTool",
            "kilabel:LabelId",
            "kilabel:LabelText",
            "kilabel:LabelLanguage",
            "kilabel:LabelPosition",
            "kilabel:RegisterId",
            "kilabel:Campaign",
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

    We always write little-endian ('II') blocks, as Pillow and libtiff do.
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


def shorten_prompt(text: str, max_utf16_bytes: int) -> str:
    """`text` if its UTF-16 form fits `max_utf16_bytes`, else its start plus PROMPT_SHORTENED.

    The cut never splits a surrogate pair (an emoji stays whole or goes).
    """
    encoded = text.encode("utf-16-le")
    if len(encoded) <= max_utf16_bytes:
        return text
    room = max(0, max_utf16_bytes - len(PROMPT_SHORTENED.encode("utf-16-le"))) // 2 * 2
    return encoded[:room].decode("utf-16-le", errors="ignore") + PROMPT_SHORTENED


def build_exif_pillow(prov: Provenance, description: str, original=None, max_bytes: int | None = None):
    """EXIF for every format through Pillow's Exif, keeping the input's other tags (orientation reset).

    piexif.dump was the first choice for JPEG/WebP, but it writes the Exif sub-IFD without its
    next-IFD pointer, so the first value overlaps it (Pillow: "Corrupt EXIF data"; exiftool
    -validate: "UserComment overlaps IFD"). Pillow writes well-formed IFDs.

    With `max_bytes` (EXIF_MAX for JPEG, whose APP1 segment holds at most 65,533 bytes, and WebP)
    the UserComment copy of the prompt is shortened, ending in PROMPT_SHORTENED, so that
    Exif.tobytes() fits; the XMP keeps the whole prompt.
    """
    from PIL import Image

    exif = Image.Exif()
    exif.endian = "<"  # little-endian, as the UserComment below is encoded
    if original is not None:
        # Only descriptive IFD0 tags: a TIFF input's IFD0 also holds strip offsets, its ICC profile
        # and XMP, which do not belong in a JPEG's EXIF block (and overflow its 64 KB limit).
        for tag, value in original.items():
            if tag in KEEP_IFD0_TAGS:
                exif[tag] = value
        try:
            old_sub = original.get_ifd(EXIF_IFD)
        except Exception:
            old_sub = {}
        sub = exif.get_ifd(EXIF_IFD)
        for tag, value in old_sub.items():
            if tag not in (EXIF_USER_COMMENT, 0x927C, 0xA005):  # MakerNote/Interop hold offsets
                sub[tag] = value
    for tag, value in exif_fields(prov, description).items():
        exif[tag] = value.encode("utf-8")  # bytes: Pillow would write str as 7-bit ASCII
    exif.get_ifd(EXIF_IFD)[0x9000] = b"0232"
    if prov.prompt:
        sub = exif.get_ifd(EXIF_IFD)
        sub[EXIF_USER_COMMENT] = user_comment(prov.prompt, little_endian=True)
        if max_bytes:
            room = len(prov.prompt.encode("utf-16-le"))
            over = len(exif.tobytes()) - max_bytes
            while over > 0 and room > 0:  # twice at most: word alignment may add a byte
                room = max(0, room - over - (over & 1))
                sub[EXIF_USER_COMMENT] = user_comment(shorten_prompt(prov.prompt, room), little_endian=True)
                over = len(exif.tobytes()) - max_bytes
    return exif


def png_exif_bytes(exif, ifd0_offset: int = 8) -> bytes:
    """EXIF for a PNG eXIf chunk with IFD0 placed at `ifd0_offset`.

    exiftool (12.57, Debian's) guards against directory loops by address; in a signed PNG the C2PA
    caBX chunk comes first and its JUMBF boxes occupy addresses 0..len(manifest), so an IFD0 at the
    usual offset 8 is taken for a loop and the EXIF is skipped. Placing IFD0 beyond the manifest's
    length keeps the EXIF readable by exiftool; the export checks the bound after signing.
    """
    import struct

    if ifd0_offset <= 8:
        return exif.tobytes()
    data = exif.tobytes(offset=ifd0_offset)
    head = data[6:14]
    pack = "<I" if head[:2] == b"II" else ">I"
    return b"Exif\0\0" + head[:4] + struct.pack(pack, ifd0_offset) + b"\0" * (ifd0_offset - 8) + data[14:]


KEEP_IF_PRESENT = {f"{{{NS['dc']}}}creator"}  # a list of creators is not replaced by our single one


def merge_xmp(existing: bytes | str | None, prov: Provenance, label: LabelRecord, description: str) -> bytes:
    """kilabel's fields merged into an existing XMP packet, keeping every other property.

    Used when relabelling: a print file's XMP (dc:title, photoshop:City, the layout program's xmpMM
    history …) must survive. Properties of the metadata map are replaced (in element or attribute
    form, in every rdf:Description); dc:creator is kept when present. An unreadable packet is
    replaced by ours (ValueError is not raised: the caller compares and may note it).
    """
    import io

    ours = build_xmp(prov, label, description)
    if not existing:
        return ours
    text = existing.decode("utf-8", errors="replace") if isinstance(existing, bytes) else existing
    start = text.find("<x:xmpmeta")
    end_tag = "</x:xmpmeta>"
    if start < 0:
        start, end_tag = text.find("<rdf:RDF"), "</rdf:RDF>"
    end = text.find(end_tag)
    if start < 0 or end < 0:
        return ours
    segment = text[start : end + len(end_tag)]
    try:
        for _event, (prefix, uri) in ET.iterparse(io.StringIO(segment), events=["start-ns"]):
            if prefix and not re.match(r"ns\d+$", prefix):
                ET.register_namespace(prefix, uri)
        root = ET.fromstring(segment)
    except (ET.ParseError, ValueError):
        return ours
    for prefix, uri in NS.items():
        ET.register_namespace(prefix, uri)
    rdf_tag = f"{{{NS['rdf']}}}RDF"
    rdf = root if root.tag == rdf_tag else root.find(rdf_tag)
    if rdf is None:
        return ours
    new_props = list(
        ET.fromstring(ours[ours.find(b"<x:xmpmeta") : ours.find(b"</x:xmpmeta>") + 12])
        .find(rdf_tag)
        .find(f"{{{NS['rdf']}}}Description")
    )
    descs = rdf.findall(f"{{{NS['rdf']}}}Description")
    present = {child.tag for d in descs for child in d} | {a for d in descs for a in d.attrib}
    replace = {p.tag for p in new_props if not (p.tag in KEEP_IF_PRESENT and p.tag in present)}
    for d in descs:
        for child in [c for c in d if c.tag in replace]:
            d.remove(child)
        for attr in [a for a in d.attrib if a in replace]:
            del d.attrib[attr]
    if not descs:
        descs = [ET.SubElement(rdf, f"{{{NS['rdf']}}}Description", {f"{{{NS['rdf']}}}about": ""})]
    descs[0].extend(p for p in new_props if p.tag in replace)
    if root.tag == rdf_tag:
        meta = ET.Element(f"{{{NS['x']}}}xmpmeta")
        meta.append(root)
        root = meta
    try:
        body = ET.tostring(root, encoding="unicode").replace("\r", "&#13;")  # a raw CR reads back as LF
    except RecursionError:  # nested thousands of levels deep: unreadable in practice, replaced by ours
        return ours
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        + body
        + "\n"
        + (" " * 99 + "\n") * 20
        + '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")
