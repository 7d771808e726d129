"""One print-PDF export (called by export.export_one for format "pdf"), Qt-free.

Same steps as an image export: fit and convert (profiles.prepare), place the label in millimetres
inside the trim, preflight, write to a temporary file next to the target, sign C2PA as the last
byte change (application/pdf), read back and validate, commit atomically. The pixels carry no
label: the label is vector text drawn over them (pdf_label), so it is sharp at any size.

Page layout: page = trim + bleed (MediaBox = BleedBox); with `crop_marks` the page grows by a slug
(pdf_label.mark_slug_mm) and the marks sit outside the bleed, so nothing of them is printed.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from kilabel import c2pa_sign, label_render, metadata, outcome, pdf_document, pdf_label, preflight, tempfiles
from kilabel.encode import flatten
from kilabel.errors import ExportError
from kilabel.image_load import MIME, Loaded
from kilabel.keys import Identity
from kilabel.metadata import LabelRecord
from kilabel.profiles import ExportProfile, Prepared, cmyk_icc_path, prepare
from kilabel.provenance import Provenance

PDF_MIME = "application/pdf"


def output_condition(profile: ExportProfile, icc: bytes) -> str:
    """OutputIntent identifier: the profile's, else FOGRA39 for the shipped profile, else the ICC's name."""
    if profile.output_condition:
        return profile.output_condition
    if not profile.icc or cmyk_icc_path(profile).name == "kilabel-FOGRA39.icc":
        return "FOGRA39"
    import io

    from PIL import ImageCms

    return ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc))).strip() or "Custom"


def render_pdf(path: Path, prepared: Prepared, profile: ExportProfile, task, text: str, geom,
               colours: tuple[tuple, tuple], xmp: bytes | None, title: str) -> None:
    """Write the unsigned print PDF for prepared pixels and a placed label."""
    img = prepared.image
    slug = pdf_label.mark_slug_mm(profile.bleed_mm) if profile.crop_marks else profile.bleed_mm
    boxes = pdf_document.page_boxes(prepared.trim_mm, profile.bleed_mm, slug)
    bx0, by0, bx1, _ = boxes.bleed
    page = pdf_label.PageMap((bx0, by0), (bx1 - bx0) / img.width, img.height)
    preset = task.preset

    def draw(c) -> None:
        pdf_label.draw_label(c, preset, text, geom, page, *colours)
        if profile.crop_marks:
            pdf_label.draw_crop_marks(c, boxes.trim, profile.bleed_mm)

    overlay = pdf_label.overlay_pdf(boxes.media[2:], preset.style.font, draw)
    cmyk = img.mode == "CMYK"
    pdf_document.write_print_pdf(
        path, img, overlay, boxes,
        jpeg_quality=profile.quality if profile.compression == "jpeg" else None,
        image_icc=None if cmyk else prepared.icc, output_icc=prepared.icc if cmyk else None,
        output_condition=output_condition(profile, prepared.icc or b"") if cmyk else "",
        title=title, xmp=xmp, transparency=preset.style.box == "box" and preset.style.box_opacity < 1
        or preset.style.box == "none",
    )


def export_pdf(task, loaded: Loaded, prov: Provenance, text: str, result, identity: Identity | None,
               signer=None, tsa_url: str = "", started: float | None = None):
    """Export `loaded` as a print PDF; fills and returns `result` (errors propagate to export_one)."""
    from kilabel.export import planned_output  # export imports this module lazily: no cycle

    started = started or time.perf_counter()
    src, profile, preset = Path(task.input), task.profile, task.preset
    with outcome.per_file(result, src, task.out_dir) as temps:
        prepared = prepare(loaded.image, loaded.icc, loaded.dpi, profile)
        result.warnings.extend(prepared.notes)
        result.effective_dpi = prepared.effective_dpi
        img = flatten(prepared.image)
        if preset.kind == "watermark":  # the watermark is part of the picture; the corner label stays vector
            img = img.copy() if img is loaded.image else img
            label_render.draw_watermark(img, preset, text)
        prepared.image = img
        geom = label_render.place(preset, text, img.size, px_per_mm=prepared.px_per_mm, trim=prepared.trim,
                                  safety_mm=profile.safety_mm)
        background = label_render.region_mean_rgb(img, geom.box)
        text_rgb, box_rgb = label_render.colors_for(preset, background)
        under = box_rgb if preset.style.box == "box" and preset.style.box_opacity >= 0.6 else background
        result.contrast, low = preflight.contrast_warnings(text_rgb, under)
        result.warnings.extend(preflight.label_warnings(geom, preset, profile, prepared.px_per_mm, prepared.trim))
        result.warnings.extend(low)
        if task.strict and result.warnings:
            raise ExportError(f"{src}: refused (--strict): {result.warnings[0]}")

        out_dir = Path(task.out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        final = planned_output(task, loaded.format)
        tmp_enc, tmp_signed = tempfiles.temp_path(final, "enc"), tempfiles.temp_path(final)
        temps += [tmp_enc, tmp_signed]
        label = LabelRecord(preset.id, text, task.language, preset.placement.position, prov.register_id)
        description = metadata.statement(text, prov, task.language)
        xmp = metadata.build_xmp(prov, label, description) if profile.write_xmp else None
        render_pdf(tmp_enc, prepared, profile, task, text, geom, (text_rgb, box_rgb), xmp,
                   title=f"{src.stem} \u2013 {text}")
        del img, prepared

        manifest = b""
        if profile.write_c2pa:
            in_c2pa = c2pa_sign.read(src, MIME[loaded.format])
            parent = (src, MIME[loaded.format]) if in_c2pa.state in ("valid", "trusted", "invalid") else None
            if signer is None:
                signer = c2pa_sign.make_signer(identity, tsa_url)
            manifest, result.c2pa_state = outcome.sign_and_check(signer, tmp_enc, tmp_signed, PDF_MIME, prov, text,
                                                                 final.name, parent, src)
        else:
            os.replace(tmp_enc, tmp_signed)
        outcome.commit_output(result, src, tmp_signed, final, overwrite=task.overwrite,
                              sidecar_manifest=manifest if task.sidecar else None)
        result.provenance = prov
    result.seconds = time.perf_counter() - started
    return result
