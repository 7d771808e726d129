"""The core's messages in the window's language: every code of kilabel.messages.CATALOGUE has its
English template here as a tr() source (so pyside6-lupdate collects it and kilabel_de.ts carries
the German), with the same placeholders. `shown(text)` words a core message for the window; a
plain string (a message from elsewhere) is shown as it is.

In the window a message names its file by name only (the row or the dialog already says where).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from kilabel.messages import Msg


class MessageTexts(QObject):
    """Holds the translated templates; made once per language (tr() answers for the installed one)."""

    def table(self) -> dict[str, str]:
        return {
            "about-file": self.tr("{file}: {text}"),
            "cannot-read": self.tr("{file}: cannot read: {reason}"),
            "empty-file": self.tr("{file}: empty file (0 bytes)"),
            "not-an-image": self.tr("{file}: not an image kilabel can read (JPEG, PNG, TIFF, WebP)"),
            "unsupported-format": self.tr(
                "{file}: {format} images are not supported (JPEG, PNG, TIFF, WebP)"
            ),
            "animated": self.tr("{file}: animated image ({frames} frames): kilabel labels still images only"),
            "damaged": self.tr("{file}: the image data is damaged or cut off"),
            "damaged-detail": self.tr("{file}: the image data is damaged or cut off ({detail})"),
            "too-large": self.tr(
                "{file}: declares {w}×{h} pixels ({mp:.0f} MP), above the limit of {limit:.0f} MP (likely a decompression bomb; raise the setting max_megapixels to allow)"
            ),
            "truncated": self.tr("the file is truncated"),
            "no-source-type": self.tr("{file}: no source type (give --source-type or a provenance file)"),
            "no-source-type-meta": self.tr(
                "{file}: no source type in the file's metadata (give --source-type)"
            ),
            "not-a-pdf": self.tr("{file}: not a readable PDF ({reason})"),
            "disk-full": self.tr("{file}: cannot write to {folder}: the disk is full ({reason})"),
            "quota": self.tr("{file}: cannot write to {folder}: the disk quota is used up"),
            "cannot-write": self.tr("{file}: cannot write to {folder}: {reason}"),
            "write-failed": self.tr("{file}: cannot write to {folder}: writing the image failed"),
            "write-failed-room": self.tr(
                "{file}: cannot write to {folder}: writing the image failed; {mb:.1f} MB free there"
            ),
            "folder-read-only": self.tr("{folder}: the output folder cannot be written to ({reason})"),
            "name-not-utf8": self.tr(
                "{file}: the file name contains bytes that are not UTF-8 text; rename the file and {verb} again"
            ),
            "text-not-utf8": self.tr(
                "{file}: a text given for this file contains bytes that are not UTF-8 text"
            ),
            "not-signed": self.tr("{file}: the content credentials (C2PA) could not be signed: {reason}"),
            "no-memory": self.tr("{file}: not enough memory to {verb} this image"),
            "not-validated": self.tr("{file}: the signed output does not validate: {reason}"),
            "not-validated-sidecar": self.tr(
                "{file}: the signed output with its sidecar manifest does not validate: {reason}"
            ),
            "strict-refused": self.tr("{file}: refused (--strict): {reason}"),
            "relabel-same-folder": self.tr(
                "{file}: --out is the input's own folder; relabelled files go to another folder"
            ),
            "structure-damaged": self.tr(
                "{file}: the file's structure is damaged; kilabel cannot read it ({reason})"
            ),
            "relabel-bits-to-8": self.tr("{bits}-bit input written as 8-bit ({mode})"),
            "relabel-16-to-grey": self.tr("16-bit input ({mode}) written as 8-bit greyscale (L)"),
            "relabel-mode": self.tr(
                "colour mode {mode} written as {target} (kilabel draws in L, RGB, RGBA or CMYK)"
            ),
            "exif-tag-malformed": self.tr(
                "the original's EXIF tag 0x{tag:04X} was left out: its value is malformed"
            ),
            "exif-malformed": self.tr(
                "the original's EXIF is malformed and was left out (kilabel's own EXIF fields are written)"
            ),
            "exif-tag-too-long": self.tr(
                "the original's EXIF tag 0x{tag:04X} was left out: the EXIF segment holds 64 KB at most"
            ),
            "relabel-first-frame": self.tr("{frames} pages/frames: only the first is written"),
            "relabel-parent-invalid": self.tr(
                "the input's C2PA manifest is INVALID ({reason}); it is kept as the parent ingredient and recorded as invalid"
            ),
            "cmyk-no-icc": self.tr("CMYK input without ICC profile: assumed FOGRA39"),
            "deep-to-8bit": self.tr("{mode} (16-bit or more) input exported as 8-bit"),
            "16bit-to-8bit": self.tr("16-bit input exported as 8-bit"),
            "transparent-colour-nameless": self.tr(
                "the image's transparent colour is stated in a way that names no colour; it is ignored"
            ),
            "multipage-tiff": self.tr("multi-page TIFF: only the first of {pages} pages is exported"),
            "exif-damaged": self.tr(
                "the file's EXIF metadata is damaged; the parts that cannot be read are left out"
            ),
            "apng-damaged": self.tr("the PNG's animation data is damaged; its first image is used"),
            "mpo-damaged": self.tr("the file's multi-picture data is damaged; its first picture is used"),
            "transparency-inexact": self.tr("the image's transparency could not be kept exactly"),
            "xmp-unreadable": self.tr("the file's XMP metadata cannot be read (defusedxml is not installed)"),
            "no-raqm": self.tr(
                "the label's text is laid out without complex-script shaping (libraqm is not installed)"
            ),
            "library-warning": self.tr("a problem while reading or writing this file: {text}"),
            "tiff-incomplete": self.tr("the TIFF data could not be written completely"),
            "data-damaged-part": self.tr("part of the image data is damaged"),
            "library-reported": self.tr("the image library reported: {text}"),
            "parent-invalid": self.tr(
                "the input's C2PA manifest is invalid; it is kept as parent and marked so"
            ),
            "no-such-file": self.tr("{file}: no such file"),
            "not-readable-image": self.tr("{file}: not a readable image ({reason})"),
            "checked-with": self.tr("checked together with {name}"),
            "metadata-not-read": self.tr("metadata not read: {reason}"),
            "xmp-differs": self.tr(
                "{field}: “{xmp}” in XMP/IPTC (not signed), “{signed}” in the manifest (signed)"
            ),
            "parent-manifest-invalid": self.tr("the parent manifest (earlier history) is invalid"),
            "identity-not-trusted": self.tr("identity credential not on your trust list: {who}"),
            "signer-not-trusted": self.tr("the signer is not on your trust list"),
            "manifest-from-sidecar": self.tr(
                "manifest read from the sidecar {name} (not embedded in the file)"
            ),
            "fingerprint-match": self.tr(
                "found by its picture fingerprint ({alg}): {dist} of {bits} bits differ from register entry {entry} ({name})"
            ),
            "fingerprint-failed": self.tr("picture fingerprint not computed: {reason}"),
            "register-not-searched": self.tr("register not searched: {reason}"),
            "montage-missing": self.tr(
                "source type is a montage/composite but preset '{preset}' does not say so (try ki-montage)"
            ),
            "montage-extra": self.tr("preset '{preset}' says montage but the source type is {source_type}"),
            "low-contrast": self.tr("low label contrast {ratio}:1 against the pixels underneath"),
            "crop-lr": self.tr("the fit crops {share:.0%} of the image (left and right) to fill the format"),
            "crop-tb": self.tr("the fit crops {share:.0%} of the image (top and bottom) to fill the format"),
            "low-dpi": self.tr(
                "low resolution: {dpi:.0f} dpi effective at {w:g}×{h:g} mm (under {limit} dpi)"
            ),
            "upscaled": self.tr("image enlarged to fit the profile (upscaled)"),
            "not-upsampled": self.tr(
                "kept at {dpi:.0f} dpi (not upsampled); set upsample = true in the profile to resample"
            ),
            "label-small-profile": self.tr(
                "label text {size:.1f} pt is under the minimum of {minimum:g} pt for profile '{name}' at {where} (raise the preset's height_pt)"
            ),
            "label-small-preset": self.tr(
                "label text {size:.1f} pt is under the minimum of {minimum:g} pt for preset '{name}' at {where} (raise the preset's height_pt)"
            ),
            "label-outside-safety": self.tr(
                "the label ({size}) does not fit inside the safety margin; it comes closer to the edge than allowed"
            ),
            "label-cut-by-crops": self.tr(
                "the label would be cut off where platforms crop the image to {crops} (centred); move it nearer the centre or choose a larger margin"
            ),
            "eu-level-generated-but-modified": self.tr(
                "preset '{preset}' shows the EU icon for fully AI-generated content, but the source type {source_type} means partially AI-modified (level = \"auto\" follows the source type)"
            ),
            "eu-level-modified-but-generated": self.tr(
                "preset '{preset}' shows the EU icon for partially AI-modified content, but the source type {source_type} means fully AI-generated (level = \"auto\" follows the source type)"
            ),
            "eu-icon-no-ai": self.tr(
                "preset '{preset}' shows an EU AI icon, but the source type {source_type} declares no AI"
            ),
        }


_cache: dict[str, dict[str, str]] = {}


def _templates() -> dict[str, str]:
    from kilabel.gui import i18n

    lang = i18n.current()
    if lang not in _cache:
        _cache[lang] = MessageTexts().table()
    return _cache[lang]


def _param(key: str, value):
    if isinstance(value, Msg):
        return shown(value)
    if key == "file" and value:
        return Path(str(value)).name
    return value


def shown(text: str) -> str:
    """`text` in the window's language when it is a core message with a code, else unchanged."""
    if not isinstance(text, Msg):
        return text
    template = _templates().get(text.code)
    if template is None:
        return str(text)
    params = {k: _param(k, v) for k, v in text.params.items()}
    try:
        return template.format(**params)
    except (KeyError, ValueError, IndexError):  # a translation with a broken placeholder: the English
        return str(text)


def shown_lines(lines) -> list[str]:
    return [shown(t) for t in lines]
