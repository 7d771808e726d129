"""Write a relabelled image exactly as the print shop received the old one.

`Original` records what the printer relies on (format, pixel size, colour mode, ICC profile, dpi,
compression; for JPEG the quantization tables, chroma subsampling and progressive mode; the other
TIFF tags and PNG text chunks); `encode_like` writes new pixels with those settings and the merged
metadata. JPEG reuses the input's own quantization tables, which keeps the quality exactly; the
IJG quality they correspond to is estimated for the report.

Unknown resolution stays unknown (image_load.file_dpi). A JPEG's XMP is read whole (standard and
extended part) and written whole: a merged packet over one APP1 segment (a long prompt) is split
into a standard and an extended part (jpeg_xmp), as the export does with build_jpeg_xmp.
"""

from __future__ import annotations

import hashlib
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, JpegImagePlugin, PngImagePlugin

from kilabel.errors import InputError
from kilabel.pipeline import metadata, tiff_exif
from kilabel.pipeline.image_load import file_dpi

# The IJG standard tables (natural order), which libjpeg scales by the quality setting.
_STD_LUMA = [
    16,
    11,
    10,
    16,
    24,
    40,
    51,
    61,
    12,
    12,
    14,
    19,
    26,
    58,
    60,
    55,
    14,
    13,
    16,
    24,
    40,
    57,
    69,
    56,
    14,
    17,
    22,
    29,
    51,
    87,
    80,
    62,
    18,
    22,
    37,
    56,
    68,
    109,
    103,
    77,
    24,
    35,
    55,
    64,
    81,
    104,
    113,
    92,
    49,
    64,
    78,
    87,
    103,
    121,
    120,
    101,
    72,
    92,
    95,
    98,
    112,
    100,
    103,
    99,
]
_STD_CHROMA = (
    [17, 18, 24, 47]
    + [99] * 4
    + [18, 21, 26, 66]
    + [99] * 4
    + [24, 26, 56]
    + [99] * 5
    + [47, 66]
    + [99] * 6
    + [99] * 32
)
SUBSAMPLING = {0: "4:4:4", 1: "4:2:2", 2: "4:2:0"}
TIFF_KEEP = {
    269,
    271,
    272,
    285,
    306,
    315,
    316,
    33432,
    33723,
    34377,
}  # names, make/model, dates, IPTC, Photoshop
TIFF_SAVE = {
    "raw": None,
    "tiff_lzw": "tiff_lzw",
    "tiff_adobe_deflate": "tiff_adobe_deflate",
    "jpeg": "jpeg",
    "packbits": "packbits",
    "tiff_deflate": "tiff_adobe_deflate",
    "group4": "group4",
}


def _scaled(table: list[int], quality: int) -> list[int]:
    s = 5000 / quality if quality < 50 else 200 - 2 * quality
    return [min(255, max(1, (v * s + 50) // 100)) for v in table]


def estimate_quality(qtables: dict) -> int:
    """The IJG quality (1–100) whose scaled standard tables are closest to these tables."""
    luma, chroma = list(qtables.get(0, [])), list(qtables.get(1, []))
    if len(luma) != 64:
        return 0

    def cost(q: int) -> int:
        c = sum(abs(a - b) for a, b in zip(luma, _scaled(_STD_LUMA, q)))
        if len(chroma) == 64:
            c += sum(abs(a - b) for a, b in zip(chroma, _scaled(_STD_CHROMA, q)))
        return c

    return min(range(1, 101), key=cost)


@dataclass
class Original:
    format: str  # jpeg | png | tiff | webp
    size: tuple[int, int]
    mode: str
    icc: bytes | None = None
    dpi: tuple[float, float] | None = None
    exif: Image.Exif | None = None
    xmp: bytes | None = None
    compression: str | None = None  # TIFF
    qtables: dict | None = None  # JPEG
    subsampling: int = -1
    progressive: bool = False
    tiff_tags: dict = field(default_factory=dict)
    png_text: dict = field(default_factory=dict)
    tiff_exif_ifd: tuple[str, list] | None = None  # TIFF: the Exif sub-IFD (libtiff cannot write it)
    bits: int = 8

    @property
    def quality(self) -> int:
        return estimate_quality(self.qtables) if self.qtables else 0

    def describe(self) -> str:
        """What was kept, in one line for the report."""
        parts = [f"{self.size[0]}×{self.size[1]} px", self.mode]
        if self.dpi:
            parts.append(f"{float(self.dpi[0]):g} dpi")
        parts.append("ICC profile kept" if self.icc else "no ICC profile")
        if self.format == "jpeg":
            parts.append(f"JPEG quality ≈{self.quality} (its own quantization tables reused)")
            if self.subsampling in SUBSAMPLING:
                parts.append(f"subsampling {SUBSAMPLING[self.subsampling]}")
        elif self.format == "tiff":
            parts.append(f"TIFF compression {self.compression or 'none'}")
        return ", ".join(parts)


def read_original(im: Image.Image, fmt: str) -> Original:
    """What to keep, read from an opened (not yet transposed) image."""
    info = im.info
    orig = Original(fmt, im.size, im.mode, info.get("icc_profile"), file_dpi(im), im.getexif())
    if fmt == "jpeg":
        orig.xmp = info.get("xmp")
        if getattr(im, "filename", None):  # with its extended part (XMP part 3), if it has one
            with open(im.filename, "rb") as fh:
                orig.xmp = metadata.jpeg_full_xmp(fh) or orig.xmp
        orig.qtables = {k: list(v) for k, v in getattr(im, "quantization", {}).items()}
        orig.subsampling = JpegImagePlugin.get_sampling(im)
        orig.progressive = bool(info.get("progressive") or info.get("progression"))
    elif fmt == "tiff":
        orig.xmp = im.tag_v2.get(700)
        orig.compression = info.get("compression")
        orig.tiff_tags = {t: v for t, v in im.tag_v2.items() if t in TIFF_KEEP}
        if getattr(im, "filename", None):
            orig.tiff_exif_ifd = tiff_exif.read_exif_ifd(Path(im.filename))
        bits = im.tag_v2.get(258) or 8
        orig.bits = max(bits) if isinstance(bits, tuple) else int(bits)
    elif fmt == "png":
        x = info.get("XML:com.adobe.xmp")
        orig.xmp = x.encode("utf-8") if isinstance(x, str) else x
        orig.png_text = {k: v for k, v in getattr(im, "text", {}).items() if k != "XML:com.adobe.xmp"}
    elif fmt == "webp":
        orig.xmp = info.get("xmp")
    if isinstance(orig.xmp, str):
        orig.xmp = orig.xmp.encode("utf-8")
    if im.mode.startswith("I;16") or im.mode in ("I", "F"):
        orig.bits = 16
    return orig


_RDF = f"{{{metadata.NS['rdf']}}}"
_HAS_EXTENDED = f"{{{metadata.NS['xmpNote']}}}HasExtendedXMP"
_PROMPT = f"{{{metadata.NS['Iptc4xmpExt']}}}AIPromptInformation"


def _packet(root: ET.Element, wrapper: bool = True) -> bytes:
    body = ET.tostring(root, encoding="unicode").replace("\r", "&#13;")  # a CR in text stays a CR
    if wrapper:
        body = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' + body + '\n<?xpacket end="w"?>'
    return body.encode("utf-8")


def jpeg_xmp(packet: bytes, limit: int = metadata.JPEG_XMP_MAX) -> tuple[bytes, bytes | None]:
    """A merged XMP packet for a JPEG: (standard packet, extended serialisation or None).

    metadata.build_jpeg_xmp does this for kilabel's own properties; a relabel's packet also holds
    the original file's. A packet that fits one APP1 segment is returned unchanged. A larger one is
    split as XMP part 3 says: the prompt, then the largest other properties, move to the extended
    serialisation until the standard packet (naming it by GUID in xmpNote:HasExtendedXMP) fits.
    A HasExtendedXMP left from the original (whose extended part was damaged) is removed.
    """
    if len(packet) <= limit and b"HasExtendedXMP" not in packet:
        return packet, None
    text = packet.decode("utf-8", errors="replace")
    segment = text[text.find("<x:xmpmeta") : text.find("</x:xmpmeta>") + len("</x:xmpmeta>")]
    for _event, (prefix, uri) in ET.iterparse(io.StringIO(segment), events=["start-ns"]):
        if prefix and not re.match(r"ns\d+$", prefix):
            ET.register_namespace(prefix, uri)
    for prefix, uri in metadata.NS.items():
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(segment)  # merge_xmp's own output: well-formed
    descs = [d for rdf in root.iter(_RDF + "RDF") for d in rdf.findall(_RDF + "Description")]
    for d in descs:
        for child in [c for c in d if c.tag == _HAS_EXTENDED]:
            d.remove(child)
        d.attrib.pop(_HAS_EXTENDED, None)
    standard = _packet(root)
    if len(standard) <= limit or not descs:
        return standard, None
    note = ET.SubElement(descs[0], _HAS_EXTENDED)
    note.text = "0" * 32  # the GUID's length, for measuring
    props = [(d, c) for d in descs for c in d if c is not note]
    props.sort(key=lambda p: (p[1].tag != _PROMPT, -len(ET.tostring(p[1]))))
    moved = []
    for desc, child in props:
        desc.remove(child)
        moved.append(child)
        standard = _packet(root)
        if len(standard) <= limit:
            break
    else:
        raise InputError(f"the XMP metadata ({len(packet):,} bytes) does not fit a JPEG's XMP segments")
    ext_root = ET.Element(root.tag, root.attrib)
    ext_desc = ET.SubElement(
        ET.SubElement(ext_root, _RDF + "RDF"), _RDF + "Description", {_RDF + "about": ""}
    )
    ext_desc.extend(moved)
    extended = _packet(ext_root, wrapper=False)
    note.text = hashlib.md5(extended).hexdigest().upper()
    return _packet(root), extended


def encode_like(
    img: Image.Image,
    path: Path,
    orig: Original,
    *,
    xmp: bytes,
    exif: Image.Exif,
    exif_fields: dict[int, str],
    prompt: str = "",
    png_ifd0_offset: int = 8,
) -> None:
    """Encode `img` to `path` with the original's format and settings and the given metadata."""
    opts: dict = {}
    if orig.icc:
        opts["icc_profile"] = orig.icc
    if orig.dpi:
        opts["dpi"] = tuple(float(v) for v in orig.dpi)
    if orig.format == "jpeg":
        if orig.qtables:
            opts["qtables"] = [orig.qtables[k] for k in sorted(orig.qtables)]
        else:
            opts["quality"] = 92
        if orig.subsampling in SUBSAMPLING and img.mode in ("RGB", "YCbCr"):
            opts["subsampling"] = orig.subsampling
        xmp, extended = jpeg_xmp(xmp)
        save = {"exif": exif.tobytes(), "xmp": xmp, "progressive": orig.progressive, "optimize": False}
        if extended is None:
            img.save(path, "JPEG", **save, **opts)
        else:  # extended XMP (a long prompt): its segments right after the standard XMP
            buf = io.BytesIO()
            img.save(buf, "JPEG", **save, **opts)
            segments = metadata.jpeg_extended_xmp_segments(extended)
            path.write_bytes(metadata.jpeg_insert_after_xmp(buf.getvalue(), segments))
    elif orig.format == "tiff":
        comp = TIFF_SAVE.get(orig.compression or "raw", "tiff_lzw")
        if comp == "jpeg" and img.mode not in ("RGB", "L"):
            comp = "tiff_lzw"
        if comp == "group4" and img.mode != "1":
            comp = "tiff_lzw"
        tiffinfo = {**{t: v for t, v in orig.tiff_tags.items()}, 700: xmp}
        try:
            img.save(path, "TIFF", compression=comp, tiffinfo=tiffinfo, **opts)
        except (TypeError, ValueError, OSError):  # an odd foreign tag must not stop the relabel
            img.save(path, "TIFF", compression=comp, tiffinfo={700: xmp}, **opts)
        little = path.open("rb").read(2) == b"II"
        tags = {0x9000: b"0232"}
        if prompt:
            tags[metadata.EXIF_USER_COMMENT] = metadata.user_comment(prompt, little_endian=little)
        tiff_exif.add_exif(path, exif_fields, tags, carried=orig.tiff_exif_ifd)
    elif orig.format == "png":
        info = PngImagePlugin.PngInfo()
        for k, v in orig.png_text.items():
            info.add_itxt(k, v) if not str(v).isascii() else info.add_text(k, v)
        info.add_itxt("XML:com.adobe.xmp", xmp.decode("utf-8"), zip=False)
        img.save(path, "PNG", pnginfo=info, exif=metadata.png_exif_bytes(exif, png_ifd0_offset), **opts)
    elif orig.format == "webp":
        opts.pop("dpi", None)
        img.save(path, "WEBP", quality=90, method=4, exif=exif.tobytes(), xmp=xmp, **opts)
    else:
        raise ValueError(f"cannot relabel format {orig.format!r}")
