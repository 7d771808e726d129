"""One export: load → fit → colour → label → encode (XMP, EXIF) → sign C2PA → validate → rename.

`export_one` is a plain function of picklable arguments so that worker processes can run it.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

from kilabel import c2pa_sign, label_render, metadata, outcome, preflight, tempfiles
from kilabel.encode import encode
from kilabel.errors import ExportError, InputError
from kilabel.image_load import EXT, MIME, load
from kilabel.keys import Identity
from kilabel.metadata import LabelRecord
from kilabel.presets import LabelPreset
from kilabel.profiles import ExportProfile, output_name, prepare
from kilabel.provenance import COMPOSITE_TYPES, Provenance


@dataclass
class ExportTask:
    input: str
    out_dir: str
    preset: LabelPreset
    profile: ExportProfile
    provenance: Provenance
    language: str = "de"
    overwrite: bool = False
    sidecar: bool = False
    max_megapixels: float = 250.0
    strict: bool = False
    reason: str = ""  # for corrections (register)
    skip_existing: bool = False  # skip when the planned output exists and verifies


@dataclass
class ExportResult:
    input: str
    profile_id: str = ""
    output: str = ""
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    register_id: str = ""
    label_text: str = ""
    position: str = ""
    provenance: Provenance = field(default_factory=Provenance)
    input_sha256: str = ""
    output_sha256: str = ""
    c2pa_state: str = ""
    effective_dpi: float | None = None
    contrast: float | None = None
    seconds: float = 0.0
    sidecar: str = ""
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return not self.error


def new_register_id() -> str:
    return f"KL-{datetime.date.today():%Y%m%d}-{secrets.token_hex(4)}"




def planned_output(task: ExportTask, input_format: str | None = None) -> Path:
    """The output's name by the profile's pattern (before any free-name choice)."""
    src = Path(task.input)
    fmt_in = input_format or {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".tif": "tiff", ".tiff": "tiff",
                              ".webp": "webp"}.get(src.suffix.lower(), "jpeg")
    fmt = task.profile.output_format(fmt_in)
    ext = src.suffix.lower() if fmt == fmt_in and src.suffix else EXT[fmt]
    return Path(task.out_dir) / output_name(task.profile, src.stem, fmt, task.preset.id, task.language, ext)


def already_done(task: ExportTask) -> bool:
    """--skip-existing: the planned output is there and its signature validates."""
    out = planned_output(task)
    if not out.exists():
        return False
    state = c2pa_sign.read(out).state
    return state in ("valid", "trusted") or (not task.profile.write_c2pa and out.stat().st_size > 0)


def label_warnings(preset: LabelPreset, prov: Provenance) -> list[str]:
    out = []
    if prov.source_type in COMPOSITE_TYPES and not preset.says_montage:
        out.append(f"source type is a montage/composite but preset '{preset.id}' does not say so (try ki-montage)")
    if preset.says_montage and prov.source_type and prov.source_type not in COMPOSITE_TYPES:
        out.append(f"preset '{preset.id}' says montage but the source type is {prov.source_type}")
    return out


def export_one(task: ExportTask, identity: Identity | None, signer=None, tsa_url: str = "") -> ExportResult:
    """Export one input with one profile. Never raises for a bad file: the error is in the result."""
    started = time.perf_counter()
    src = Path(task.input)
    result = ExportResult(input=str(src), profile_id=task.profile.id)
    with outcome.per_file(result, src, task.out_dir) as temps:
        if task.skip_existing and already_done(task):
            result.skipped, result.output = True, str(planned_output(task))
            result.seconds = time.perf_counter() - started
            return result
        loaded = load(src, task.max_megapixels)
        result.warnings.extend(loaded.notes)
        in_c2pa = c2pa_sign.read(src, MIME[loaded.format])
        parent = None
        prov = task.provenance
        if in_c2pa.state in ("valid", "trusted", "invalid"):
            prov = c2pa_sign.input_provenance(in_c2pa).merged(task.provenance)
            parent = (src, MIME[loaded.format])
            if in_c2pa.state == "invalid":
                result.warnings.append("the input's C2PA manifest is invalid; it is kept as parent and marked so")
        if not prov.source_type:
            raise InputError(f"{src}: no source type (give --source-type or a provenance file)")
        prov = dataclasses.replace(prov, register_id=prov.register_id or new_register_id())
        result.register_id = prov.register_id
        result.warnings.extend(label_warnings(task.preset, prov))
        text = task.preset.wording(task.language, prov.as_fields())
        result.label_text, result.position = text, task.preset.placement.position

        profile = task.profile
        fmt = profile.output_format(loaded.format)
        if fmt == "pdf":
            from kilabel import pdf_export  # print PDF lives in its own module

            return pdf_export.export_pdf(task, loaded, prov, text, result, identity, signer, tsa_url, started)
        prepared = prepare(loaded.image, loaded.icc, loaded.dpi, profile)
        result.warnings.extend(prepared.notes)
        result.effective_dpi = prepared.effective_dpi
        img = prepared.image  # may be loaded.image itself: this process owns it, drawing in place saves a copy
        geom, text_rgb, under = label_render.apply(
            img, task.preset, text, px_per_mm=prepared.px_per_mm, trim=prepared.trim, safety_mm=profile.safety_mm
        )
        result.warnings.extend(preflight.label_warnings(geom, task.preset, profile, prepared.px_per_mm, prepared.trim))
        result.contrast = round(label_render.contrast_ratio(text_rgb, under), 2)
        if result.contrast < 3.0:
            result.warnings.append(f"low label contrast {result.contrast}:1 against the pixels underneath")
        if task.strict and result.warnings:
            raise ExportError(f"{src}: refused (--strict): {result.warnings[0]}")

        out_dir = Path(task.out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        final = planned_output(task, loaded.format)
        tmp_enc = tempfiles.temp_path(final, "enc")
        tmp_signed = tempfiles.temp_path(final)
        temps += [tmp_enc, tmp_signed]
        label = LabelRecord(task.preset.id, text, task.language, task.preset.placement.position, prov.register_id)
        description = metadata.statement(text, prov, task.language)
        # PNG: IFD0 beyond the C2PA manifest's length (see metadata.png_exif_bytes); estimate, check after.
        png_offset = 8 + 8192 + 2 * len(prov.prompt.encode())

        def encode_now() -> None:
            encode(
                img, tmp_enc, fmt, prov=prov, label=label, description=description, icc=prepared.icc,
                dpi=prepared.dpi, quality=profile.quality,
                compression=(loaded.compression if profile.format == "same" and loaded.compression
                             else profile.compression),
                original_exif=loaded.exif, original_exif_raw=loaded.exif_raw,
                write_xmp=profile.write_xmp, write_exif=profile.write_exif, png_ifd0_offset=png_offset,
            )

        encode_now()
        if fmt != "png":  # free the pixels before signing (PNG keeps them for a possible re-encode)
            img = prepared = loaded = None
        if profile.write_c2pa:
            if signer is None:
                signer = c2pa_sign.make_signer(identity, tsa_url)

            def sign() -> bytes:
                manifest, result.c2pa_state = outcome.sign_and_check(
                    signer, tmp_enc, tmp_signed, MIME[fmt], prov, text, final.name, parent, src)
                return manifest

            manifest = sign()
            if fmt == "png" and profile.write_exif and len(manifest) + 64 > png_offset:
                png_offset = 2 * len(manifest) + 64  # rare: a large parent manifest; encode and sign again
                encode_now()
                manifest = sign()
        else:
            os.replace(tmp_enc, tmp_signed)
            manifest = b""
        img = prepared = loaded = None
        outcome.commit_output(result, src, tmp_signed, final, overwrite=task.overwrite,
                              sidecar_manifest=manifest if task.sidecar else None)
        result.provenance = prov
    result.seconds = time.perf_counter() - started
    return result
