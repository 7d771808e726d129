"""Check one PDF: the document's and each placed image's provenance, the C2PA state, kilabel's
record, and whether the pages carry a visible label for the AI images.

A label in a PDF is either text on the page (a layout program's caption, kilabel's vector stamp),
found in the page text (poppler's pdftotext, when installed), or part of an image's pixels, found
by text recognition of that image (ocr). Only pages and images with AI provenance are examined.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pikepdf

from kilabel.check import ocr
from kilabel.check.rows import CheckOptions, CheckRow, register_evidence
from kilabel.pdf import images as pdf_images
from kilabel.pipeline import verify
from kilabel.provenance import Provenance


def page_text(path: Path, page: int) -> str | None:
    """The text of one page (pdftotext), or None when poppler is not installed."""
    exe = shutil.which("pdftotext")
    if not exe:
        return None
    out = subprocess.run(
        [exe, "-q", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    return out.stdout.decode("utf-8", errors="replace")


def check_pdf(path: Path, opts: CheckOptions) -> CheckRow:
    row = CheckRow(str(path), "pdf")
    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, OSError) as exc:
        row.error = f"not a readable PDF ({exc})"
        row.set_verdict("error", row.error)
        return row
    with pdf:
        _check_open(path, pdf, row, opts)
    return row


def _check_open(path: Path, pdf: pikepdf.Pdf, row: CheckRow, opts: CheckOptions) -> None:
    items = pdf_images.list_images(pdf)
    doc = pdf_images.xmp_of(pdf.Root)
    doc_prov, doc_label = doc if doc else (Provenance(), None)
    ai_items = [i for i in items if i.provenance.is_ai or (doc_prov.is_ai and not i.provenance.source_type)]
    report = verify.verify(path, anchors=opts.anchors, fetch_remote=opts.fetch_remote)
    if report.state == "none" and any(i.provenance.source_type or i.provenance.ai_system for i in items):
        report.state = "xmp-only"  # placed images say how they were made, nothing is signed
    row.set_state(report)
    c = report.c2pa
    prov = Provenance(
        source_type=c.source_type, ai_system=c.ai_system, ai_version=c.ai_version, prompt=c.prompt
    ).merged(doc_prov)
    if not prov.source_type and ai_items:
        prov = prov.merged(next((i.provenance for i in ai_items if i.provenance.source_type), Provenance()))
    row.source_type, row.prompt = prov.source_type, prov.prompt
    row.ai_system = " ".join(filter(None, [prov.ai_system, prov.ai_version]))
    row.images = f"{len(items)} placed, {len(ai_items)} AI" + (
        f" ({', '.join(str(i.index) for i in ai_items)})" if ai_items else ""
    )
    reg_text, is_output, _ = register_evidence(path, doc_label.register_id if doc_label else "", opts)
    recorded = [
        t for t in (reg_text, f"metadata: {doc_label.text}" if doc_label and doc_label.text else "") if t
    ]
    row.kilabel_label = "; ".join(recorded)
    is_ai = bool(ai_items) or prov.is_ai or bool(c.label_action)
    intact = c.state in ("valid", "trusted") and bool(c.label_action)
    row.visible_label = "not checked"
    if report.state == "invalid":
        row.set_verdict("damaged", row.provenance_en)
        return
    if not is_ai:
        row.set_verdict("no-ai", "neither the document nor a placed image says AI in its metadata")
        return
    if is_output or intact:
        row.set_verdict(
            "labelled",
            f"identical to kilabel's output ({reg_text})"
            if is_output
            else "kilabel stamped the label and the signature is intact since (C2PA)",
        )
        return
    can_ocr = opts.ocr != "off" and ocr.status().available
    texts: dict[int, str | None] = {}
    unseen, looked = [], False
    for item in ai_items:
        if item.page not in texts:
            texts[item.page] = page_text(path, item.page)
        line = ocr.label_line(texts[item.page]) if texts[item.page] else ""
        looked |= texts[item.page] is not None
        if not line and can_ocr:
            line, looked = _ocr_image(item), True
        if not line:
            unseen.append(item.index)
    pages = ", ".join(str(p) for p in sorted({i.page for i in ai_items})) or "1"
    if ai_items and not unseen:
        row.visible_label = "seen for every AI image"
        row.set_verdict(
            "labelled",
            f"label wording on the page or in the image for AI images "
            f"{', '.join(str(i.index) for i in ai_items)} (where exactly is not checked)",
        )
    elif not looked:
        row.visible_label = "text recognition not available"
        row.set_verdict(
            "ai-unchecked", f"pages {pages}: {ocr.status().why or 'no page text reader (pdftotext)'}"
        )
    else:
        row.visible_label = "not found"
        row.set_verdict(
            "ai-unlabelled",
            "no \u201cKI\u201d/\u201cAI\u201d wording found for images "
            f"{', '.join(map(str, unseen)) or pages}"
            " (kilabel relabel FILE.pdf --from-provenance)",
        )


def _ocr_image(item) -> str:
    """Label wording in an image's own pixels, or ''. The declared size is checked before decoding:
    a shape no label can be read in, or more pixels than the pixel limit, is not decoded at all."""
    w, h = item.width_px, item.height_px
    if ocr.unreadable((w, h)) or w * h > ocr.MAX_DECODE_PIXELS:
        return ""
    from PIL import Image

    try:
        img = pikepdf.PdfImage(item.xobject).as_pil_image()
        side = 2 * ocr.SHORT_EDGE
        img.draft("RGB", (side, side))  # JPEG (DCTDecode) data decodes at reduced scale
        if img.mode not in ("L", "RGB", "RGBA", "CMYK"):
            img = img.convert("RGB")
        img.thumbnail((side, side), Image.Resampling.LANCZOS)
    except Exception:  # an encoding Pillow cannot decode: nothing seen
        return ""
    res = ocr.find_label(img)
    return res.text if res.found else ""
