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


def convert_colour(img: Image.Image, icc: bytes | None, profile, notes: list[str]):
    """Colour as the profile asks; returns (image, icc to embed)."""
    if profile.color == "keep":
        return img, icc
    if img.mode == "RGBA" and (profile.color == "cmyk" or profile.output_format("png") == "jpeg"):
        img = flatten(img)
    if profile.color == "srgb":
        target = srgb_bytes()
        if img.mode == "CMYK":
            src = icc if icc and _icc_is_cmyk(icc) else _profile_bytes(str(cmyk_icc_path(profile)))
            if not icc:
                notes.append("CMYK input without ICC profile: assumed FOGRA39")
            img = ImageCms.applyTransform(
                img, _transform(src, target, "CMYK", "RGB", profile.intent, profile.black_point_compensation)
            )
        elif icc and icc != target and not _icc_is_cmyk(icc):
            mode = img.mode
            alpha = img.getchannel("A") if mode == "RGBA" else None
            img = ImageCms.applyTransform(
                img.convert("RGB"),
                _transform(icc, target, "RGB", "RGB", profile.intent, profile.black_point_compensation),
            )
            if alpha is not None:
                img.putalpha(alpha)
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
    if img.mode != "RGB":  # convert() copies even when the mode is the same: 150 MP cost 570 MB here
        img = img.convert("RGB")
    img = ImageCms.applyTransform(
        img, _transform(src, dst, "RGB", "CMYK", profile.intent, profile.black_point_compensation)
    )
    return img, dst


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
