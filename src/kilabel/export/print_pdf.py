"""The print-PDF writer (export_one's writer for format "pdf"), Qt-free.

Same steps as an image export: fit and convert (profiles.prepare), place the label in millimetres
inside the trim, preflight, write to a temporary file next to the target, sign C2PA as the last
byte change (application/pdf), read back and validate, commit atomically. A PDF/X (CMYK) PDF gets
its manifest as a sidecar NAME.c2pa (manifest_as_sidecar; README "Print" says why). The pixels carry no
label: the label is vector text drawn over them (pdf_label), so it is sharp at any size.

Page layout: page = trim + bleed (MediaBox = BleedBox); with `crop_marks` the page grows by a slug
(pdf_label.mark_slug_mm) and the marks sit outside the bleed, so nothing of them is printed.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from kilabel.colour import flatten
from kilabel.export.task import Plan
from kilabel.pdf import document as pdf_document
from kilabel.pdf import label as pdf_label
from kilabel.pipeline import fingerprint, label_render, metadata, preflight
from kilabel.profiles import ExportProfile, Prepared, cmyk_icc_path, prepare

PDF_MIME = "application/pdf"
# Where a PDF/X print PDF's C2PA manifest goes: "sidecar" (NAME.c2pa next to it; the PDF keeps the
# provenance in its XMP) or "embedded" (the SDK's associated file, which PDF/X-4 does not provide for;
# see README "Print"). A profile may set `pdf_c2pa`; PDFs without a PDF/X claim (RGB) always embed.


def manifest_as_sidecar(profile: ExportProfile, pdfx: bool) -> bool:
    """Is the manifest of this print PDF written as a sidecar rather than embedded?"""
    return pdfx and profile.pdf_c2pa != "embedded"


def output_condition(profile: ExportProfile, icc: bytes) -> str:
    """OutputIntent identifier: the profile's, else FOGRA39 for the shipped profile, else the ICC's name."""
    if profile.output_condition:
        return profile.output_condition
    if not profile.icc or cmyk_icc_path(profile).name == "kilabel-FOGRA39.icc":
        return "FOGRA39"
    import io

    from PIL import ImageCms

    return ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc))).strip() or "Custom"


def render_pdf(
    path: Path,
    prepared: Prepared,
    profile: ExportProfile,
    task,
    text: str,
    geom,
    colours: tuple[tuple, tuple],
    xmp: bytes | None,
    title: str,
) -> None:
    """Write the unsigned print PDF for prepared pixels and a placed label."""
    img = prepared.image
    slug = pdf_label.mark_slug_mm(profile.bleed_mm) if profile.crop_marks else profile.bleed_mm
    boxes = pdf_document.page_boxes(prepared.trim_mm, profile.bleed_mm, slug)
    bx0, by0, bx1, _ = boxes.bleed
    page = pdf_label.PageMap((bx0, by0), (bx1 - bx0) / img.width, img.height)
    preset = task.preset
    # As the raster CMYK export: reversed text on a box prints on an opaque pure-K box, knocked out
    box_opacity = label_render.print_box_opacity(preset, img.mode, *colours)
    st = preset.style
    opacity = st.box_opacity if box_opacity is None else box_opacity

    def draw(c) -> None:
        pdf_label.draw_label(c, preset, text, geom, page, *colours, box_opacity=box_opacity)
        if profile.crop_marks:
            pdf_label.draw_crop_marks(c, boxes.trim, profile.bleed_mm)

    overlay = pdf_label.overlay_pdf(boxes.media[2:], preset.style.font, draw)
    cmyk = img.mode == "CMYK"
    pdf_document.write_print_pdf(
        path,
        img,
        overlay,
        boxes,
        jpeg_quality=profile.quality if profile.compression == "jpeg" else None,
        image_icc=None if cmyk else prepared.icc,
        output_icc=prepared.icc if cmyk else None,
        output_condition=output_condition(profile, prepared.icc or b"") if cmyk else "",
        title=title,
        xmp=xmp,
        transparency=st.box == "box" and opacity < 1 or st.box == "none",
    )


def write(plan: Plan) -> None:
    """Write the plan's input as a print PDF: pixels fitted and converted, the label as vector text."""
    task, profile, preset, result, loaded = (
        plan.task,
        plan.task.profile,
        plan.task.preset,
        plan.result,
        plan.loaded,
    )
    prepared = prepare(loaded.image, loaded.icc, loaded.dpi, profile)
    result.warnings.extend(prepared.notes)
    result.effective_dpi = prepared.effective_dpi
    img = flatten(prepared.image)
    if preset.kind == "watermark":  # the watermark is part of the picture; the corner label stays vector
        img = img.copy() if img is loaded.image else img
        label_render.draw_watermark(img, preset, plan.text)
    prepared.image = img
    # the picture as printed, without the vector label: a photo of the poster still matches
    result.fingerprint = fingerprint.as_text(fingerprint.compute_regions(img))
    plan.loaded = loaded = None
    geom = label_render.place(
        preset,
        plan.text,
        img.size,
        px_per_mm=prepared.px_per_mm,
        trim=prepared.trim,
        safety_mm=profile.safety_mm,
        viewing_distance_m=profile.viewing_distance_m,
        image_box=prepared.image_box,
    )
    background = label_render.region_mean_rgb(img, geom.box)
    text_rgb, box_rgb = label_render.colors_for(preset, background)
    opacity = label_render.print_box_opacity(preset, img.mode, text_rgb, box_rgb)  # as render_pdf draws it
    box_opacity = preset.style.box_opacity if opacity is None else opacity
    under = box_rgb if preset.style.box == "box" and box_opacity >= 0.6 else background
    result.contrast, low = preflight.contrast_warnings(text_rgb, under)
    result.warnings.extend(preflight.label_warnings(geom, preset, profile, prepared.px_per_mm, prepared.trim))
    result.warnings.extend(low)
    plan.refuse_if_strict()

    tmp_enc, tmp_signed = plan.temp_paths()
    pdfx = img.mode == "CMYK"  # written with the GTS_PDFX OutputIntent and the PDF/X-4 claim
    xmp = (
        metadata.build_xmp(plan.prov, plan.label_record(), plan.description()) if profile.write_xmp else None
    )
    render_pdf(
        tmp_enc,
        prepared,
        profile,
        task,
        plan.text,
        geom,
        (text_rgb, box_rgb),
        xmp,
        title=f"{plan.src.stem} \u2013 {plan.text}",
    )
    del img, prepared
    if profile.write_c2pa and not plan.task.sidecar and manifest_as_sidecar(profile, pdfx):
        # Plan.sign and Plan.commit read it; the result's `sidecar` names the NAME.c2pa written
        plan.task = dataclasses.replace(plan.task, sidecar=True)
    if profile.write_c2pa:
        manifest = plan.sign(tmp_enc, tmp_signed, PDF_MIME)
    else:
        os.replace(tmp_enc, tmp_signed)
        manifest = b""
    plan.commit(tmp_signed, manifest)
