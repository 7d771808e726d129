"""Check existing material: for every image and PDF below a folder, what provenance it carries, the
state of its C2PA signature, whether kilabel labelled it, whether a visible label can be seen, and
a verdict a non-expert understands, worded only as strongly as the evidence.

Evidence for "labelled", strongest first: the file is byte-identical to a kilabel output in the
register; kilabel's label record with an intact signature (pixels unchanged since labelling);
label wording read by text recognition (ocr). Text recognition runs only where it decides the
verdict (an AI image without such proof), so a folder of thousands of files stays fast. A file
without provenance is looked up in the register by its picture (register_match): a stripped copy
of an export is then known as AI, and its label is looked for as on any AI image. Files are
checked in a thread pool (C2PA, decoding and tesseract release the GIL) and yielded in order.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kilabel.check import ocr, register_match
from kilabel.check.rows import VERDICTS, CheckOptions, CheckRow, register_evidence
from kilabel.tempfiles import TEMP_RE

IMAGE_EXTS = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp"}


def iter_files(folder: Path) -> Iterator[Path]:
    """Images and PDFs below `folder`, sorted, skipping hidden files and kilabel's temporary files."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or TEMP_RE.match(name):
                continue
            if Path(name).suffix.lower() in IMAGE_EXTS | {".pdf"}:
                yield Path(root) / name


def check_image(path: Path, opts: CheckOptions) -> CheckRow:
    from kilabel.pipeline import verify

    row = CheckRow(str(path), "image")
    report = verify.verify(path, anchors=opts.anchors, fetch_remote=opts.fetch_remote)
    matched = register_match.apply(report, path, opts.register, opts.register_lock)
    row.set_state(report)
    if report.state == "unreadable":
        row.error = report.error
        row.set_verdict("error", report.error)
        return row
    prov, c, emb = report.provenance, report.c2pa, report.embedded
    row.source_type, row.ai_system, row.prompt = (
        prov.source_type,
        " ".join(filter(None, [prov.ai_system, prov.ai_version])),
        prov.prompt,
    )
    reg_text, is_output, reg_note = register_evidence(path, emb.label.register_id or prov.register_id, opts)
    recorded = [
        t
        for t in (
            reg_text,
            f"metadata: {emb.label.text}" if emb.label.text else "",
            "C2PA: label added" if c.label_action and c.state in ("valid", "trusted") else "",
        )
        if t
    ]
    row.kilabel_label = "; ".join(recorded)
    # a stripped copy: AI by the register's word (provenance says so); its label is looked for
    # like any AI image's, since a copy may have been cropped
    row.register_match = matched.register_id if matched is not None else ""
    is_ai = prov.is_ai or bool(prov.ai_system) or bool(emb.label.text) or bool(c.label_action)
    intact = c.state in ("valid", "trusted") and bool(c.label_action)
    need_ocr = opts.ocr == "all" or (
        opts.ocr == "auto" and is_ai and not is_output and not intact and c.state != "invalid"
    )
    seen = _ocr(path, row) if need_ocr else None
    if not need_ocr:
        row.visible_label = "not checked"
        if opts.ocr == "off" and is_ai and not is_output and not intact:
            row.visible_label = "text recognition not available"  # switched off (--ocr off)
    extra = f" ({reg_note})" if reg_note else ""
    if report.state == "invalid":
        row.set_verdict("damaged", f"{row.provenance_en}{extra}")
    elif not is_ai:
        row.set_verdict("no-ai", "no IPTC source type, AI system or C2PA AI action in the file" + extra)
    elif is_output:
        row.set_verdict("labelled", f"identical to the file kilabel labelled ({reg_text})")
    elif intact:
        row.set_verdict("labelled", "kilabel drew the label and the signature is intact since (C2PA)")
    elif seen:
        row.set_verdict("labelled", f"label wording seen by text recognition: \u201c{seen}\u201d")
    elif row.visible_label == "text recognition not available":
        if row.kilabel_label:
            row.set_verdict(
                "labelled",
                "according to the file's metadata only (not seen: text recognition "
                "not available, no intact signature)",
            )
            row.verdict = "labelled (according to metadata, not confirmed)"
        else:
            row.set_verdict(
                "ai-unchecked", (ocr.status().why or "text recognition switched off (--ocr off)") + extra
            )
    elif row.visible_label.startswith("not checked ("):  # the picture could not be read for it
        row.set_verdict(
            "ai-unchecked",
            f"visible label {row.visible_label}"
            + (f"; recorded: {row.kilabel_label}" if row.kilabel_label else "")
            + extra,
        )
        row.verdict = "AI image, visible label not checked"
    else:
        why = "text recognition found no \u201cKI\u201d/\u201cAI\u201d wording at the edges"
        if row.kilabel_label:
            why += f", although kilabel recorded a label ({row.kilabel_label}): check by eye"
        row.set_verdict("ai-unlabelled", why + extra)
    return row


def _ocr(path: Path, row: CheckRow) -> str:
    """Run text recognition on an image file; sets row.visible_label, returns the label line or ''."""
    from kilabel.pipeline import image_load

    if not ocr.status().available:
        row.visible_label = "text recognition not available"
        return ""
    try:
        # the header first: a shape no label can be read in (a 60000×1 strip) is not decoded at all
        why = ocr.unreadable(image_load.probe(path)[1])
        img = None if why else image_load.load_preview(path, 2 * ocr.SHORT_EDGE)[0]
    except Exception as exc:  # decoding for OCR failed: say so, the rest of the row stands
        why = str(exc) or type(exc).__name__
    if why:
        row.visible_label = f"not checked ({why})"
        return ""
    res = ocr.find_label(img)
    if res.error:
        row.visible_label = f"not checked ({res.error})"
        return ""
    row.visible_label = f"seen: {res.text}" if res.found else "not found"
    return res.text


def check_file(path: Path, opts: CheckOptions) -> CheckRow:
    """One file; never raises (a bad file is a row with verdict 'error')."""
    try:
        if path.suffix.lower() == ".pdf":
            from kilabel.check import pdf as check_pdf

            return check_pdf.check_pdf(path, opts)
        return check_image(path, opts)
    except Exception as exc:
        row = CheckRow(
            str(path),
            "pdf" if path.suffix.lower() == ".pdf" else "image",
            error=f"{type(exc).__name__}: {exc}",
        )
        row.set_verdict("error", row.error)
        return row


def check_paths(
    paths: list[Path],
    opts: CheckOptions,
    *,
    cancel: threading.Event | None = None,
    on_row: Callable[[int, CheckRow], None] | None = None,
) -> Iterator[CheckRow]:
    """Check files in a thread pool and yield rows in input order, as soon as each is ready.
    At most a few files per worker are in flight, so memory stays flat for any number of files."""
    jobs = opts.jobs or min(8, os.cpu_count() or 1)
    cancel = cancel or threading.Event()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        window: deque = deque()
        it = iter(paths)
        while True:
            while len(window) < 2 * jobs and not cancel.is_set():
                p = next(it, None)
                if p is None:
                    break
                window.append(pool.submit(check_file, p, opts))
            if not window:
                return
            row = window.popleft().result()
            if on_row:
                on_row(len(window), row)
            yield row


def summary(rows: list[CheckRow]) -> dict[str, int]:
    counts = {code: 0 for code in VERDICTS}
    for r in rows:
        counts[r.verdict_code] = counts.get(r.verdict_code, 0) + 1
    return {"files": len(rows), "attention": sum(r.attention for r in rows), **counts}


def as_dict(row: CheckRow) -> dict:
    return dataclasses.asdict(row)
