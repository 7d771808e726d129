"""Relabel existing print images: a visible label drawn into a copy that is otherwise the same file.

Unlike an export, nothing the print shop relies on changes: pixel size, orientation tag, colour
mode, ICC profile, dpi, format and compression stay (relabel_encode); the file's other XMP and EXIF
survive (metadata.merge_xmp, build_exif_pillow). A C2PA manifest in the input becomes the parent
ingredient of the new one, also when it is invalid (then recorded so, with a warning). The output
goes to another folder under the same name; the register gets an entry, linked as a correction to
the earlier one where there is one, with the user's reason.
"""

from __future__ import annotations

import dataclasses
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from kilabel import tempfiles
from kilabel.errors import InputError, KilabelError
from kilabel.export.one import file_noise
from kilabel.export.task import ExportResult, new_register_id
from kilabel.messages import msg
from kilabel.pipeline import c2pa_sign, image_load, label_render, metadata, outcome
from kilabel.pipeline.image_load import MIME
from kilabel.pipeline.metadata import LabelRecord
from kilabel.presets import LabelPreset
from kilabel.provenance import Provenance
from kilabel.relabel import image_encode as relabel_encode

PROFILE_ID = "relabel"  # the register's profile column for relabelled files
# exif_transpose's operation per orientation, and the one that undoes it
_UNDO = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}

# IFD0 entries that point to other data (sub-IFDs, thumbnail, strips) or are written elsewhere
_IFD0_STRUCTURE = {0x8769, 0x8825, 0xA005, 0x0201, 0x0202, 0x0111, 0x0117, 0x02BC, 0x8773, 0x83BB}


@dataclass
class RelabelTask:
    input: str
    out_dir: str
    preset: LabelPreset
    provenance: Provenance = dataclasses.field(
        default_factory=Provenance
    )  # the user's; the file fills the rest
    language: str = "de"
    reason: str = ""
    overwrite: bool = False
    max_megapixels: float = 250.0
    anchors: str = ""  # trust anchors (PEM) for judging the input's manifest


def _pixels(im: Image.Image, orig: relabel_encode.Original, notes: list[str]) -> Image.Image:
    """8-bit pixels in the original's colour mode where kilabel can draw in it."""
    if im.mode in ("RGB", "RGBA", "CMYK", "L"):
        if orig.bits > 8:
            notes.append(msg("relabel-bits-to-8", bits=orig.bits, mode=im.mode))
        return im
    if im.mode.startswith("I;16") or im.mode in ("I", "F"):
        notes.append(msg("relabel-16-to-grey", mode=im.mode))
        return im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    target = "RGBA" if im.mode in ("LA", "PA", "La", "RGBa") or "transparency" in im.info else "RGB"
    notes.append(msg("relabel-mode", mode=im.mode, target=target))
    return im.convert(target)


def _writable(tag: int, value) -> bool:
    """Whether Pillow can write this EXIF tag again (a fuzzed or foreign file may hold values it
    reads but cannot write, e.g. a BYTE tag with 65,000 values)."""
    probe = Image.Exif()
    try:
        probe[tag] = value
        probe.tobytes()
    except Exception:  # Pillow raises TypeError, ValueError, struct.error … for such values
        return False
    return True


def _writable_exif(exif: Image.Exif) -> bool:
    try:
        exif.tobytes()
    except Exception:
        return False
    return True


def _exif(prov, description, orig, fmt: str, orientation: int, notes: list[str]) -> Image.Exif:
    """build_exif_pillow's EXIF with the original's own IFD0 and orientation.

    For JPEG and WebP it fits one APP1 segment (metadata.EXIF_MAX): the prompt's UserComment copy is
    shortened (ending in PROMPT_SHORTENED; the XMP keeps the prompt whole) by what the original's own
    tags take too; only if those alone do not fit are the largest of them left out (said in `notes`).
    """
    limit = metadata.EXIF_MAX if fmt in ("jpeg", "webp") else None

    def build(max_bytes: int | None) -> tuple[Image.Exif, int]:
        exif = metadata.build_exif_pillow(prov, description, orig.exif, max_bytes=max_bytes)
        base = len(exif.tobytes()) if max_bytes else 0
        if fmt != "tiff" and orig.exif:  # a JPEG's own IFD0 (resolution, YCbCrPositioning …) stays as it was
            for tag, value in orig.exif.items():
                if tag not in exif and tag not in _IFD0_STRUCTURE:
                    if _writable(tag, value):
                        exif[tag] = value
                    else:
                        notes.append(msg("exif-tag-malformed", tag=tag))
        if orientation != 1:
            exif[0x0112] = orientation  # the pixels keep their stored orientation
        return exif, base

    try:
        exif, base = build(limit)
        malformed = not _writable_exif(exif)
    except Exception:  # Pillow cannot write a value of the original's sub-IFDs again
        malformed = True
    if malformed:  # keep only ours
        notes.append(msg("exif-malformed"))
        orig = dataclasses.replace(orig, exif=None)
        exif, base = build(limit)
    if limit is None:
        return exif
    size = len(exif.tobytes())
    if size > limit:  # the original's own IFD0 tags need room too
        exif, _ = build(max(1, limit - (size - base)))
    ours = {*metadata.exif_fields(prov, description), 0x0112, metadata.EXIF_IFD}
    sub = exif.get_ifd(metadata.EXIF_IFD)
    while len(exif.tobytes()) > limit:
        carried = [(exif, t) for t in exif if t not in ours]
        carried += [(sub, t) for t in sub if t not in (metadata.EXIF_USER_COMMENT, 0x9000)]
        if not carried:
            raise InputError(f"the EXIF metadata does not fit the {limit:,}-byte EXIF segment")
        ifd, tag = max(carried, key=lambda it: len(it[0][it[1]]) if hasattr(it[0][it[1]], "__len__") else 4)
        del ifd[tag]
        notes.append(msg("exif-tag-too-long", tag=tag))
    return exif


def relabel_target(src: Path, out_dir: str) -> Path:
    """The relabelled file's name: the input's name in --out, which must be another folder."""
    final = Path(out_dir) / src.name
    if final.resolve() == src.resolve():
        raise InputError(msg("relabel-same-folder", file=src))
    return final


def _read_input(src: Path, task: RelabelTask, notes: list[str]):
    """The input's format, image, original metadata, pixels, EXIF orientation and upright view."""
    fmt, _ = image_load.probe(src, task.max_megapixels)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = Image.open(src)
        im.load()
    orig = relabel_encode.read_original(im, fmt)
    if getattr(im, "n_frames", 1) > 1:
        notes.append(msg("relabel-first-frame", frames=im.n_frames))
    img = _pixels(im, orig, notes)
    orientation = int(orig.exif.get(0x0112, 1) or 1) if orig.exif else 1
    view = ImageOps.exif_transpose(img) if orientation in _UNDO else img.copy()
    return fmt, im, orig, img, orientation, view


def relabel_image(task: RelabelTask, identity, signer=None) -> ExportResult:
    """Relabel one image file. Never raises for a bad file: the error is in the result."""
    started = time.perf_counter()
    src = Path(task.input)
    result = ExportResult(input=str(src), profile_id=PROFILE_ID)
    with file_noise(result), outcome.per_file(result, src, task.out_dir, verb="relabel") as temps:
        final = relabel_target(src, task.out_dir)
        try:
            fmt, im, orig, img, orientation, view = _read_input(src, task, result.warnings)
        except (KilabelError, OSError, MemoryError):
            raise
        except Exception as exc:  # Pillow raises TypeError, ValueError … on structures it half-reads
            raise InputError(msg("structure-damaged", file=src, reason=str(exc))) from exc

        _, embedded = _embedded(src)
        in_c2pa = c2pa_sign.read(src, MIME[fmt], task.anchors)
        prov = c2pa_sign.input_provenance(in_c2pa).merged(embedded.provenance).merged(task.provenance)
        if not prov.source_type:
            raise InputError(msg("no-source-type-meta", file=src))
        prov = dataclasses.replace(prov, register_id=new_register_id())
        parent = None
        if in_c2pa.state in ("valid", "trusted", "invalid"):
            parent = (src, MIME[fmt])
            if in_c2pa.state == "invalid":
                why = "; ".join(in_c2pa.reasons[:2]) or "validation failed"
                result.warnings.append(msg("relabel-parent-invalid", reason=why))
        text = task.preset.wording(task.language, prov.as_fields())
        _, text_rgb, under = label_render.apply(view, task.preset, text)
        result.contrast = round(label_render.contrast_ratio(text_rgb, under), 2)
        out_img = view.transpose(_UNDO[orientation]) if orientation in _UNDO else view

        label = LabelRecord(
            task.preset.id, text, task.language, task.preset.placement.position, prov.register_id
        )
        description = metadata.statement(text, prov, task.language)
        xmp = metadata.merge_xmp(orig.xmp, prov, label, description)
        exif = _exif(prov, description, orig, fmt, orientation, result.warnings)
        Path(task.out_dir).mkdir(parents=True, exist_ok=True)
        tmp_enc, tmp_signed = tempfiles.temp_path(final, "enc"), tempfiles.temp_path(final)
        temps += [tmp_enc, tmp_signed]
        png_offset = 8 + 8192 + 2 * len(prov.prompt.encode())

        def encode_now() -> None:
            relabel_encode.encode_like(
                out_img,
                tmp_enc,
                orig,
                xmp=xmp,
                exif=exif,
                exif_fields=metadata.exif_fields(prov, description),
                prompt=prov.prompt,
                png_ifd0_offset=png_offset,
            )

        encode_now()
        if signer is None:
            signer = c2pa_sign.make_signer(identity)

        def sign() -> bytes:
            manifest, result.c2pa_state = outcome.sign_and_check(
                signer, tmp_enc, tmp_signed, MIME[fmt], prov, text, final.name, parent, src, task.anchors
            )
            return manifest

        manifest = sign()
        if fmt == "png" and len(manifest) + 64 > png_offset:
            png_offset = 2 * len(manifest) + 64  # rare: a large parent manifest; encode and sign again
            encode_now()
            sign()
        outcome.commit_output(result, src, tmp_signed, final, overwrite=task.overwrite)
        result.provenance, result.register_id = prov, prov.register_id
        result.label_text, result.position = text, task.preset.placement.position
        result.warnings.insert(
            0, "kept: " + orig.describe() + (f"; parent manifest {in_c2pa.state}" if parent else "")
        )
    result.seconds = time.perf_counter() - started
    return result


def _embedded(path: Path):
    from kilabel.pipeline import verify

    try:
        return verify.read_embedded(path)
    except Exception:  # unreadable metadata is no metadata; the pixels were read fine
        return "", metadata.EmbeddedMetadata()


def record(
    results: list[ExportResult], *, label_id: str, language: str, reason: str, identity=None, settings=None
) -> list[str]:
    """Register entries for successful relabels, each a correction of the file's earlier entry
    (found by hash or embedded register id) where there is one. Returns notes for the user."""
    from kilabel.register import record as register_record
    from kilabel.register import store as register

    notes: list[str] = []
    ok = [r for r in results if r.ok]
    if not ok:
        return notes
    with register.open_register(settings) as reg:
        notes.extend(f"warning: {w}" for w in reg.warnings)
        added: list[int] = []
        for res in ok:
            try:
                earlier = register_record.find_earlier(
                    reg, Path(res.input), res.profile_id, exclude=added, sha256=res.input_sha256
                )
                entry = register_record.entry_from_result(
                    res,
                    label_id=label_id,
                    language=language,
                    reason=reason,
                    operator=getattr(settings, "operator", "") or "",
                    identity=identity,
                    supersedes=earlier.id if earlier else None,
                )
                added.append(reg.add(entry).id)
            except Exception as exc:  # the file exists, but is not on record: say so, exit 1
                res.error = f"{res.output}: relabelled, but not recorded in the register: {exc}"
                continue
            what = f"correction of entry {earlier.id}" if earlier else "new entry (no earlier entry found)"
            notes.append(
                f"register: {Path(res.output).name}: entry {added[-1]}, {what}"
                + (f" ({reason})" if reason else "")
            )
        queued = len(getattr(reg, "queued", None) or [])
        if queued:  # the team register's server was away: the entries wait on this computer
            notes.append(
                f"register: {queued} entries queued (server unreachable); `kilabel register sync` sends them"
            )
    return notes
