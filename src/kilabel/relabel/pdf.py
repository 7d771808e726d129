"""Relabel one PDF file: choose images, stamp, merge XMP, save next to the target, sign, commit.

The original is only read. Streams are copied as they are (no decoding or recompression), so
everything but the added label stream and the document XMP stays byte for byte. C2PA signing of
application/pdf is tried last; if the SDK refuses, the PDF is kept unsigned and the result says so.
A PDF/X input gets its manifest as the sidecar NAME.c2pa (PDF/X has no place for an attached file),
so it keeps its PDF/X claim; `pdf_c2pa = "embedded"` embeds it and the claim is withdrawn
(kilabel.pdf.stamp.kept_claims), as print profiles decide for PDF/X-4 exports (README "Print").
"""

from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from kilabel import tempfiles
from kilabel.errors import InputError
from kilabel.export.task import ExportResult, new_register_id
from kilabel.pdf import images as pdf_images
from kilabel.pdf import stamp as pdf_relabel
from kilabel.pipeline import c2pa_sign, metadata, outcome
from kilabel.pipeline.metadata import LabelRecord
from kilabel.presets import LabelPreset
from kilabel.provenance import Provenance
from kilabel.relabel.image import PROFILE_ID, relabel_target

PDF_MIME = "application/pdf"


@dataclass
class PdfRelabelTask:
    input: str
    out_dir: str
    preset: LabelPreset
    provenance: Provenance = field(default_factory=Provenance)
    language: str = "de"
    reason: str = ""
    overwrite: bool = False
    anchors: str = ""
    all_images: bool = False
    indices: str = ""  # "2,5" (1-based, listing order)
    from_provenance: bool = False
    pdf_c2pa: str = "sidecar"  # PDF/X inputs: the manifest as NAME.c2pa (keeps the claim) or "embedded"


PDF_C2PA = ("sidecar", "embedded")


def manifest_as_sidecar(pdf: pikepdf.Pdf, task: PdfRelabelTask) -> bool:
    """Is the manifest of this relabelled PDF a sidecar? For a PDF/X input that can keep its claim
    that way (kept_claims), unless told to embed; otherwise nothing is gained by a sidecar."""
    if task.pdf_c2pa not in PDF_C2PA:
        raise InputError(f"{task.input}: pdf_c2pa must be sidecar or embedded, not '{task.pdf_c2pa}'")
    return task.pdf_c2pa == "sidecar" and bool(pdf_relabel.kept_claims(pdf, manifest_embedded=False)[0])


def relabel_pdf(task: PdfRelabelTask, identity, signer=None) -> ExportResult:
    """Relabel the chosen images of one PDF. Never raises for a bad file: the error is in the result."""
    started = time.perf_counter()
    src = Path(task.input)
    result = ExportResult(input=str(src), profile_id=PROFILE_ID)
    with outcome.per_file(result, src, task.out_dir, verb="relabel") as temps:
        final = relabel_target(src, task.out_dir)
        try:
            pdf = pikepdf.open(src)
        except (pikepdf.PdfError, OSError) as exc:
            raise InputError(f"{src}: not a readable PDF ({exc})") from exc
        with pdf:
            items = pdf_images.list_images(pdf)
            doc = pdf_relabel.document_provenance(pdf)
            doc_prov = doc[0] if doc else Provenance()
            try:
                chosen = pdf_relabel.select(
                    items,
                    all_images=task.all_images,
                    indices=task.indices,
                    from_provenance=task.from_provenance,
                    document_ai=doc_prov.is_ai,
                )
            except ValueError as exc:
                raise InputError(f"{src}: --images: {exc}") from exc
            if not chosen:
                how = (
                    "none says AI in its metadata"
                    if task.from_provenance
                    else "no pictures among them (logos, masks, specks are left out)"
                    if task.all_images
                    else "none chosen"
                )
                raise InputError(
                    f"{src}: {len(items)} placed images, {how} (see --list; use --images or --all-images)"
                )
            in_c2pa = c2pa_sign.read(src, PDF_MIME, task.anchors)
            image_prov = next((i.provenance for i in chosen if i.provenance.source_type), Provenance())
            prov = (
                c2pa_sign.input_provenance(in_c2pa)
                .merged(doc_prov)
                .merged(image_prov)
                .merged(task.provenance)
            )
            if not prov.source_type:
                raise InputError(f"{src}: no source type in the PDF's metadata (give --source-type)")
            prov = dataclasses.replace(prov, register_id=new_register_id())
            text = task.preset.wording(task.language, prov.as_fields())
            replaced = pdf_relabel.remove_labels(pdf)  # a kilabel PDF: its earlier label is replaced
            if replaced:
                result.warnings.append(f"replaced {replaced} earlier kilabel label overlay(s)")
            sidecar = manifest_as_sidecar(pdf, task)
            stamps, warns = pdf_relabel.stamp(pdf, chosen, task.preset, text, manifest_embedded=not sidecar)
            result.warnings.extend(warns)
            if not stamps:
                raise InputError(f"{src}: none of the chosen images lies inside a page's trim box")
            label = LabelRecord(
                task.preset.id, text, task.language, task.preset.placement.position, prov.register_id
            )
            pdf_relabel.merge_document_xmp(pdf, prov, label, metadata.statement(text, prov, task.language))
            Path(task.out_dir).mkdir(parents=True, exist_ok=True)
            tmp_enc, tmp_signed = tempfiles.temp_path(final, "enc"), tempfiles.temp_path(final)
            temps += [tmp_enc, tmp_signed]
            pdf.save(tmp_enc, stream_decode_level=pikepdf.StreamDecodeLevel.none, recompress_flate=False)
        where = ", ".join(f"{s.item.index} (page {s.item.page})" for s in stamps)
        result.warnings.insert(0, f"labelled images {where} at {task.preset.placement.position}")
        parent = (src, PDF_MIME) if in_c2pa.state in ("valid", "trusted", "invalid") else None
        if in_c2pa.state == "invalid":
            result.warnings.append(
                "the input's C2PA manifest is INVALID; it is kept as the parent ingredient "
                "and recorded as invalid"
            )
        manifest = None
        try:
            if signer is None:
                signer = c2pa_sign.make_signer(identity)
            manifest = c2pa_sign.sign(
                signer, tmp_enc, tmp_signed, PDF_MIME, prov, text, final.name, parent, sidecar=sidecar
            )
            result.c2pa_state = signed_state(tmp_signed, manifest if sidecar else None, task.anchors)
        except Exception as exc:  # the SDK may not accept this PDF: keep it unsigned, and say so
            os.replace(tmp_enc, tmp_signed)
            manifest, result.c2pa_state = None, "none"
            result.warnings.append(f"C2PA: not signed, the SDK refused this PDF ({exc})")
        outcome.commit_output(
            result,
            src,
            tmp_signed,
            final,
            overwrite=task.overwrite,
            sidecar_manifest=manifest if sidecar else None,
        )
        result.provenance, result.register_id = prov, prov.register_id
        result.label_text, result.position = text, task.preset.placement.position
    result.seconds = time.perf_counter() - started
    return result


def signed_state(path: Path, sidecar_manifest: bytes | None, anchors: str) -> str:
    """The signed PDF read back with the SDK (with its sidecar manifest, if it has one): "valid" or
    "trusted"; raises if it does not validate, so the caller keeps the file unsigned."""
    if sidecar_manifest is not None:
        state, reasons = outcome.check_sidecar(path, PDF_MIME, sidecar_manifest, anchors)
    else:
        check = c2pa_sign.read(path, PDF_MIME, anchors)
        state, reasons = check.state, check.reasons
    if state not in ("valid", "trusted"):
        raise RuntimeError(f"the signed PDF does not validate: {'; '.join(reasons)}")
    return state
