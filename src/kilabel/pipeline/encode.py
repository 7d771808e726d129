"""Encode an image with its ICC profile, XMP and EXIF into a (temporary) file, per format."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, PngImagePlugin

from kilabel.colour import flatten
from kilabel.pipeline import metadata, tiff_exif
from kilabel.pipeline.metadata import LabelRecord
from kilabel.provenance import Provenance

TIFF_COMPRESSION = {
    "lzw": "tiff_lzw",
    "deflate": "tiff_adobe_deflate",
    "none": None,
    "jpeg": "jpeg",
    "tiff_lzw": "tiff_lzw",
    "tiff_adobe_deflate": "tiff_adobe_deflate",
    "raw": None,
}
TIFF_PREDICTOR = 317  # 2 = horizontal differencing: the sample posters LZW about 48 % smaller
PREDICTOR_MODES = ("L", "LA", "RGB", "RGBA", "CMYK")  # 8 bits per sample


def strip_jfif(data: bytes) -> bytes:
    """`data` without its JFIF APP0 segment. JFIF is defined for YCbCr and grey only; a CMYK JPEG
    carries the Adobe APP14 marker alone (Pillow writes JFIF whenever a dpi is given)."""
    if data[:4] == b"\xff\xd8\xff\xe0" and data[6:11] == b"JFIF\x00":
        return data[:2] + data[4 + int.from_bytes(data[4:6], "big") :]
    return data


def encode(
    img: Image.Image,
    path: Path,
    fmt: str,
    *,
    prov: Provenance,
    label: LabelRecord,
    description: str,
    icc: bytes | None = None,
    dpi: tuple[float, float] | None = None,
    quality: int = 92,
    compression: str | None = "lzw",
    original_exif: Image.Exif | None = None,
    original_exif_raw: bytes | None = None,
    write_xmp: bool = True,
    write_exif: bool = True,
    png_ifd0_offset: int = 8,
) -> None:
    xmp = metadata.build_xmp(prov, label, description) if write_xmp else None
    opts: dict = {}
    if icc:
        opts["icc_profile"] = icc
    if dpi:
        opts["dpi"] = tuple(float(v) for v in dpi)
    if fmt == "jpeg":
        if img.mode not in ("RGB", "CMYK", "L"):
            img = flatten(img)
        cmyk = img.mode == "CMYK"
        if write_exif:
            exif = metadata.build_exif_pillow(prov, description, original_exif, max_bytes=metadata.EXIF_MAX)
            if cmyk and dpi:  # no JFIF in a CMYK JPEG: the resolution goes into EXIF IFD0
                exif[0x011A], exif[0x011B], exif[0x0128] = float(dpi[0]), float(dpi[1]), 2
            opts["exif"] = exif.tobytes()
        extended = None
        if xmp:
            # over 64 KB (a long prompt): extended XMP, XMP part 3; Pillow writes the standard packet
            xmp, extended = metadata.build_jpeg_xmp(prov, label, description)
            opts["xmp"] = xmp
        if extended is None and not cmyk:
            img.save(path, "JPEG", quality=quality, optimize=False, **opts)
        else:
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=quality, optimize=False, **opts)
            data = strip_jfif(buf.getvalue()) if cmyk else buf.getvalue()
            if extended is not None:
                data = metadata.jpeg_insert_after_xmp(data, metadata.jpeg_extended_xmp_segments(extended))
            path.write_bytes(data)
    elif fmt == "webp":
        if img.mode == "CMYK":
            img = img.convert("RGB")
        if write_exif:
            opts["exif"] = metadata.build_exif_pillow(
                prov, description, original_exif, max_bytes=metadata.EXIF_MAX
            ).tobytes()
        if xmp:
            opts["xmp"] = xmp
        opts.pop("dpi", None)
        img.save(path, "WEBP", quality=quality, method=4, **opts)
    elif fmt == "png":
        if img.mode == "CMYK":
            img = img.convert("RGB")
        info = PngImagePlugin.PngInfo()
        if xmp:
            info.add_itxt("XML:com.adobe.xmp", xmp.decode("utf-8"), zip=False)
        if write_exif:
            opts["exif"] = metadata.png_exif_bytes(
                metadata.build_exif_pillow(prov, description, original_exif), png_ifd0_offset
            )
        img.save(path, "PNG", pnginfo=info, compress_level=6, **opts)
    elif fmt == "tiff":
        tiffinfo = {}
        if xmp:
            tiffinfo[700] = xmp
        comp = TIFF_COMPRESSION.get((compression or "none").lower(), "tiff_lzw")
        if comp == "jpeg" and img.mode not in ("RGB", "L"):
            comp = "tiff_lzw"
        if comp in ("tiff_lzw", "tiff_adobe_deflate") and img.mode in PREDICTOR_MODES:
            tiffinfo[TIFF_PREDICTOR] = 2
        img.save(path, "TIFF", compression=comp, tiffinfo=tiffinfo, **opts)
        if write_exif:
            with open(path, "rb") as f:  # closed at once (the file is appended to next)
                little = f.read(2) == b"II"
            exif_tags = (
                {metadata.EXIF_USER_COMMENT: metadata.user_comment(prov.prompt, little_endian=little)}
                if prov.prompt
                else {}
            )
            exif_tags[0x9000] = b"0232"
            tiff_exif.add_exif(path, metadata.exif_fields(prov, description), exif_tags)
    else:
        raise ValueError(f"cannot encode format {fmt!r}")
