"""Colour management for exports: ICC profiles (shipped FOGRA39 CMYK, sRGB, or the user's) and the
conversions an export profile asks for, with its rendering intent and black point compensation.

Transforms are cached per (source profile, target profile, modes, intent, BPC): a batch builds each once.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from PIL import Image, ImageCms

from kilabel import paths
from kilabel.errors import ConfigError
from kilabel.messages import msg

INTENTS = {
    "perceptual": ImageCms.Intent.PERCEPTUAL,
    "relative": ImageCms.Intent.RELATIVE_COLORIMETRIC,
    "saturation": ImageCms.Intent.SATURATION,
    "absolute": ImageCms.Intent.ABSOLUTE_COLORIMETRIC,
}
DEFAULT_CMYK_ICC = "kilabel-FOGRA39.icc"


@functools.lru_cache(maxsize=8)
def _profile_bytes(path: str) -> bytes:
    return Path(path).read_bytes()


def srgb_bytes() -> bytes:
    shipped = paths.asset("icc", "sRGB.icc")
    if shipped.exists():
        return _profile_bytes(str(shipped))
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def cmyk_icc_path(profile) -> Path:
    name = profile.icc or DEFAULT_CMYK_ICC
    p = Path(name)
    return p if p.is_absolute() or p.exists() else paths.asset("icc", name)


@functools.lru_cache(maxsize=16)
def _transform(src: bytes, dst: bytes, in_mode: str, out_mode: str, intent: str, bpc: bool):
    flags = ImageCms.Flags.BLACKPOINTCOMPENSATION if bpc else ImageCms.Flags.NONE
    return ImageCms.buildTransform(
        ImageCms.ImageCmsProfile(io.BytesIO(src)),
        ImageCms.ImageCmsProfile(io.BytesIO(dst)),
        in_mode,
        out_mode,
        renderingIntent=INTENTS[intent],
        flags=flags,
    )


def _icc_is_cmyk(icc: bytes) -> bool:
    return len(icc) > 20 and icc[16:20] == b"CMYK"


def flatten(img: Image.Image, background=(255, 255, 255)) -> Image.Image:
    """RGBA over a plain background (white): for formats and colour spaces without alpha."""
    if img.mode != "RGBA":
        return img
    base = Image.new("RGB", img.size, background)
    base.paste(img, mask=img.getchannel("A"))
    return base


STRIP_PIXELS = 1 << 20  # pixels converted at a time when a per-pixel step comes first (4 MiB at 4 B/px)


def _by_strips(img: Image.Image, out_mode: str, convert) -> Image.Image:
    """`convert` (strip -> strip in `out_mode`) applied to horizontal strips of `img`, pasted into one
    new image. Every step is per pixel, so the result equals converting the whole image; but the
    intermediate (flattened, RGB) pixels exist one strip at a time, never at full size."""
    out = Image.new(out_mode, img.size)
    rows = max(1, STRIP_PIXELS // max(1, img.width))
    for y in range(0, img.height, rows):
        out.paste(convert(img.crop((0, y, img.width, min(img.height, y + rows)))), (0, y))
    return out


def convert_colour(img: Image.Image, icc: bytes | None, profile, notes: list[str]):
    """Colour as the profile asks; returns (image, icc to embed).

    Memory: the result is one new image; the input is not copied on the way (a full-size RGB or
    flattened copy of a 150 MP image costs 570 MiB), so a caller that drops the input right after
    holds two images at most."""
    if profile.color == "keep":
        return img, icc
    if profile.color == "srgb":
        flat = img.mode == "RGBA" and profile.output_format("png") == "jpeg"  # JPEG has no alpha
        target = srgb_bytes()
        if img.mode == "CMYK":
            src = icc if icc and _icc_is_cmyk(icc) else _profile_bytes(str(cmyk_icc_path(profile)))
            if not icc:
                notes.append(msg("cmyk-no-icc"))
            img = ImageCms.applyTransform(
                img, _transform(src, target, "CMYK", "RGB", profile.intent, profile.black_point_compensation)
            )
        elif icc and icc != target and not _icc_is_cmyk(icc):
            transform = _transform(
                icc, target, "RGB", "RGB", profile.intent, profile.black_point_compensation
            )
            if img.mode == "RGB":
                img = ImageCms.applyTransform(img, transform)
            else:  # RGBA keeps its alpha unless flattened; L, P … become RGB (strip by strip)
                mode = "RGBA" if img.mode == "RGBA" and not flat else "RGB"
                img = _by_strips(img, mode, functools.partial(_to_srgb, transform, flat))
        elif flat:
            img = flatten(img)
        return img, target
    # cmyk
    dst_path = cmyk_icc_path(profile)
    if not dst_path.exists():
        raise ConfigError(f"profile {profile.id}: CMYK ICC profile not found: {dst_path}")
    dst = _profile_bytes(str(dst_path))
    if img.mode == "CMYK":
        if icc and icc != dst and _icc_is_cmyk(icc):
            img = ImageCms.applyTransform(
                img, _transform(icc, dst, "CMYK", "CMYK", profile.intent, profile.black_point_compensation)
            )
        return img, dst
    src = icc if icc and not _icc_is_cmyk(icc) else srgb_bytes()
    transform = _transform(src, dst, "RGB", "CMYK", profile.intent, profile.black_point_compensation)
    if img.mode == "RGB":  # convert() copies even when the mode is the same: 150 MP cost 570 MB here
        return ImageCms.applyTransform(img, transform), dst
    # RGBA (flattened on white), L, P …: to RGB and on to CMYK strip by strip
    return _by_strips(img, "CMYK", functools.partial(_to_cmyk, transform)), dst


def _to_cmyk(transform, part: Image.Image) -> Image.Image:
    part = flatten(part)
    return ImageCms.applyTransform(part if part.mode == "RGB" else part.convert("RGB"), transform)


def _to_srgb(transform, flat: bool, part: Image.Image) -> Image.Image:
    if flat:
        part = flatten(part)
    out = ImageCms.applyTransform(part if part.mode == "RGB" else part.convert("RGB"), transform)
    if part.mode == "RGBA":
        out.putalpha(part.getchannel("A"))
    return out


@functools.lru_cache(maxsize=8)
def _proof_transform(src: bytes, proof: bytes, intent: str, bpc: bool):
    flags = ImageCms.Flags.SOFTPROOFING | (
        ImageCms.Flags.BLACKPOINTCOMPENSATION if bpc else ImageCms.Flags.NONE
    )
    srgb = ImageCms.ImageCmsProfile(io.BytesIO(srgb_bytes()))
    return ImageCms.buildProofTransform(
        ImageCms.ImageCmsProfile(io.BytesIO(src)),
        srgb,
        ImageCms.ImageCmsProfile(io.BytesIO(proof)),
        "RGB",
        "RGB",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
        proofRenderingIntent=INTENTS[intent],
        flags=flags,
    )


def soft_proof(img: Image.Image, profile, icc: bytes | None = None) -> Image.Image:
    """How an RGB preview will look printed through the profile's CMYK ICC profile (screen = sRGB).

    For the window's "Softproof" switch: a designer sees the colour shift before the print shop does.
    """
    proof = _profile_bytes(str(cmyk_icc_path(profile)))
    src = icc if icc and not _icc_is_cmyk(icc) else srgb_bytes()
    alpha = img.getchannel("A") if img.mode == "RGBA" else None
    out = ImageCms.applyTransform(
        img.convert("RGB"), _proof_transform(src, proof, profile.intent, profile.black_point_compensation)
    )
    if alpha is not None:
        out.putalpha(alpha)
    return out
