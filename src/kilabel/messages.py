"""Messages with a code and parameters: the command line prints their English text, the window
words them in its own language (gui/messages.py has a German text for every code here).

A `Msg` *is* the English line (a `str`), so every place that prints, compares or stores a message
keeps working; it also carries `code` and `params`, which survive pickling to and from the export
workers. Parameters are raw values (numbers, file names, other `Msg`s); the templates format them.

    notes.append(msg("low-dpi", dpi=71.5, w=420, h=594, limit=150))
    raise InputError(msg("not-an-image", file=path))

`text_of(exc)` gives an exception's message, keeping its `Msg` when it was raised with one.
"""

from __future__ import annotations

# code -> English template. Add a code here and its German text in gui/messages.py (a test checks
# both tables have the same codes and the same placeholders).
CATALOGUE: dict[str, str] = {
    "about-file": "{file}: {text}",  # text: a Msg without a file, or a line from elsewhere
    # Reading an input
    "cannot-read": "{file}: cannot read: {reason}",
    "empty-file": "{file}: empty file (0 bytes)",
    "not-an-image": "{file}: not an image kilabel can read (JPEG, PNG, TIFF, WebP)",
    "unsupported-format": "{file}: {format} images are not supported (JPEG, PNG, TIFF, WebP)",
    "animated": "{file}: animated image ({frames} frames): kilabel labels still images only",
    "damaged": "{file}: the image data is damaged or cut off",
    "damaged-detail": "{file}: the image data is damaged or cut off ({detail})",
    "too-large": (
        "{file}: declares {w}×{h} pixels ({mp:.0f} MP), above the limit of {limit:.0f} MP "
        "(likely a decompression bomb; raise the setting max_megapixels to allow)"
    ),
    "truncated": "the file is truncated",
    "no-source-type": "{file}: no source type (give --source-type or a provenance file)",
    "no-source-type-meta": "{file}: no source type in the file's metadata (give --source-type)",
    "not-a-pdf": "{file}: not a readable PDF ({reason})",
    # Writing an output
    "disk-full": "{file}: cannot write to {folder}: the disk is full ({reason})",
    "quota": "{file}: cannot write to {folder}: the disk quota is used up",
    "cannot-write": "{file}: cannot write to {folder}: {reason}",
    "write-failed": "{file}: cannot write to {folder}: writing the image failed",
    "write-failed-room": "{file}: cannot write to {folder}: writing the image failed; {mb:.1f} MB free there",
    "folder-read-only": "{folder}: the output folder cannot be written to ({reason})",
    "name-not-utf8": "{file}: the file name contains bytes that are not UTF-8 text; rename the file and {verb} again",
    "text-not-utf8": "{file}: a text given for this file contains bytes that are not UTF-8 text",
    "not-signed": "{file}: the content credentials (C2PA) could not be signed: {reason}",
    "no-memory": "{file}: not enough memory to {verb} this image",
    "not-validated": "{file}: the signed output does not validate: {reason}",
    "not-validated-sidecar": "{file}: the signed output with its sidecar manifest does not validate: {reason}",
    "strict-refused": "{file}: refused (--strict): {reason}",
    "relabel-same-folder": "{file}: --out is the input's own folder; relabelled files go to another folder",
    "structure-damaged": "{file}: the file's structure is damaged; kilabel cannot read it ({reason})",
    # Warnings about one file
    "relabel-bits-to-8": "{bits}-bit input written as 8-bit ({mode})",
    "relabel-16-to-grey": "16-bit input ({mode}) written as 8-bit greyscale (L)",
    "relabel-mode": "colour mode {mode} written as {target} (kilabel draws in L, RGB, RGBA or CMYK)",
    "exif-tag-malformed": "the original's EXIF tag 0x{tag:04X} was left out: its value is malformed",
    "exif-malformed": "the original's EXIF is malformed and was left out (kilabel's own EXIF fields are written)",
    "exif-tag-too-long": "the original's EXIF tag 0x{tag:04X} was left out: the EXIF segment holds 64 KB at most",
    "relabel-first-frame": "{frames} pages/frames: only the first is written",
    "relabel-parent-invalid": (
        "the input's C2PA manifest is INVALID ({reason}); it is kept as the parent ingredient and recorded as invalid"
    ),
    "cmyk-no-icc": "CMYK input without ICC profile: assumed FOGRA39",
    "deep-to-8bit": "{mode} (16-bit or more) input exported as 8-bit",
    "16bit-to-8bit": "16-bit input exported as 8-bit",
    "transparent-colour-nameless": (
        "the image's transparent colour is stated in a way that names no colour; it is ignored"
    ),
    "multipage-tiff": "multi-page TIFF: only the first of {pages} pages is exported",
    "exif-damaged": "the file's EXIF metadata is damaged; the parts that cannot be read are left out",
    "apng-damaged": "the PNG's animation data is damaged; its first image is used",
    "mpo-damaged": "the file's multi-picture data is damaged; its first picture is used",
    "transparency-inexact": "the image's transparency could not be kept exactly",
    "xmp-unreadable": "the file's XMP metadata cannot be read (defusedxml is not installed)",
    "no-raqm": "the label's text is laid out without complex-script shaping (libraqm is not installed)",
    "library-warning": "a problem while reading or writing this file: {text}",
    "tiff-incomplete": "the TIFF data could not be written completely",
    "data-damaged-part": "part of the image data is damaged",
    "library-reported": "the image library reported: {text}",
    "parent-invalid": "the input's C2PA manifest is invalid; it is kept as parent and marked so",
    "no-such-file": "{file}: no such file",
    "not-readable-image": "{file}: not a readable image ({reason})",
    "checked-with": "checked together with {name}",
    "metadata-not-read": "metadata not read: {reason}",
    "xmp-differs": "{field}: \u201c{xmp}\u201d in XMP/IPTC (not signed), \u201c{signed}\u201d in the manifest (signed)",
    "parent-manifest-invalid": "the parent manifest (earlier history) is invalid",
    "identity-not-trusted": "identity credential not on your trust list: {who}",
    "signer-not-trusted": "the signer is not on your trust list",
    "manifest-from-sidecar": "manifest read from the sidecar {name} (not embedded in the file)",
    "fingerprint-match": (
        "found by its picture fingerprint ({alg}): {dist} of {bits} bits differ from register entry {entry} ({name})"
    ),
    "fingerprint-failed": "picture fingerprint not computed: {reason}",
    "register-not-searched": "register not searched: {reason}",
    "montage-missing": "source type is a montage/composite but preset '{preset}' does not say so (try ki-montage)",
    "montage-extra": "preset '{preset}' says montage but the source type is {source_type}",
    "low-contrast": "low label contrast {ratio}:1 against the pixels underneath",
    "crop-lr": "the fit crops {share:.0%} of the image (left and right) to fill the format",
    "crop-tb": "the fit crops {share:.0%} of the image (top and bottom) to fill the format",
    "low-dpi": "low resolution: {dpi:.0f} dpi effective at {w:g}×{h:g} mm (under {limit} dpi)",
    "upscaled": "image enlarged to fit the profile (upscaled)",
    "not-upsampled": "kept at {dpi:.0f} dpi (not upsampled); set upsample = true in the profile to resample",
    "label-small-profile": (
        "label text {size:.1f} pt is under the minimum of {minimum:g} pt for profile '{name}' "
        "at {where} (raise the preset's height_pt)"
    ),
    "label-small-preset": (
        "label text {size:.1f} pt is under the minimum of {minimum:g} pt for preset '{name}' "
        "at {where} (raise the preset's height_pt)"
    ),
    "label-outside-safety": (
        "the label ({size}) does not fit inside the safety margin; it comes closer to the edge than allowed"
    ),
    "label-cut-by-crops": (
        "the label would be cut off where platforms crop the image to {crops} (centred); "
        "move it nearer the centre or choose a larger margin"
    ),
    "eu-level-generated-but-modified": (
        "preset '{preset}' shows the EU icon for fully AI-generated content, but the source type "
        '{source_type} means partially AI-modified (level = "auto" follows the source type)'
    ),
    "eu-level-modified-but-generated": (
        "preset '{preset}' shows the EU icon for partially AI-modified content, but the source type "
        '{source_type} means fully AI-generated (level = "auto" follows the source type)'
    ),
    "eu-icon-no-ai": "preset '{preset}' shows an EU AI icon, but the source type {source_type} declares no AI",
}


class Msg(str):
    """An English message line that also carries its code and parameters (see the module doc)."""

    code: str
    params: dict

    def __new__(cls, code: str, params: dict | None = None) -> Msg:
        params = dict(params or {})
        obj = super().__new__(cls, CATALOGUE[code].format(**params))
        obj.code = code
        obj.params = params
        return obj

    def __reduce__(self):  # a str subclass's attributes are not pickled by default
        return (Msg, (self.code, self.params))


def msg(code: str, **params) -> Msg:
    return Msg(code, params)


def text_of(exc: BaseException) -> str:
    """The message an exception was raised with: its `Msg` when it has one, else str(exc)."""
    if exc.args and isinstance(exc.args[0], Msg) and len(exc.args) == 1:
        return exc.args[0]
    return str(exc)


def with_file(text: str, src) -> str:
    """`text` as a line that names the file: unchanged if it does already (a Msg keeps its code)."""
    if isinstance(text, Msg) and "file" in text.params or str(text).startswith(str(src)):
        return text
    return msg("about-file", file=src, text=text)
