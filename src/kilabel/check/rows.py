"""One file's findings in a check (CheckRow), the options of a check, the verdicts in words, and
the register's evidence: shared by the image and folder check (folder) and the PDF check (pdf)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from kilabel.register import record as register_record

VERDICTS = {  # code -> (words for the user, needs attention)
    "labelled": ("labelled", False),
    "ai-unlabelled": ("AI image, no visible label found", True),
    "ai-unchecked": ("AI image, no label recorded (text recognition not available)", True),
    "damaged": ("provenance damaged", True),
    "no-ai": ("no AI provenance found", False),
    "error": ("cannot read this file", True),
}


@dataclass
class CheckRow:
    """One file's findings. Field order is the CSV column order."""

    file: str
    kind: str = ""  # image | pdf
    source_type: str = ""
    ai_system: str = ""
    prompt: str = ""
    provenance: str = "none"  # the provenance state's code (kilabel.provenance_states)
    provenance_en: str = ""  # its sentence, in English and German
    provenance_de: str = ""
    provenance_why: str = ""  # the SDK's reasons and notes behind it
    kilabel_label: str = ""  # what kilabel recorded: "register entry 12", "metadata: KI-generiert" …
    visible_label: str = ""  # "seen: …" | "not found" | "not checked" | "text recognition not available"
    verdict_code: str = ""
    verdict: str = ""
    basis: str = ""  # the evidence behind the verdict, in words
    attention: bool = False
    images: str = ""  # PDFs: "4 placed, 1 AI"
    error: str = ""
    register_match: str = ""  # a stripped copy: the register id of the entry its picture matches

    def set_state(self, report) -> None:
        """The provenance state of a kilabel.pipeline.verify.Report, in both languages."""
        self.provenance = report.state
        self.provenance_en, self.provenance_de = report.sentence("en"), report.sentence("de")
        self.provenance_why = "; ".join(report.c2pa.reasons + report.notes)

    def set_verdict(self, code: str, basis: str) -> None:
        self.verdict_code, self.basis = code, basis
        self.verdict, self.attention = VERDICTS[code]


@dataclass
class CheckOptions:
    anchors: str = ""  # PEM trust anchors
    ocr: str = "auto"  # auto: where it decides the verdict | all: every image | off
    register: object | None = None  # a kilabel.register.store.Register, or None for no register look-up
    jobs: int = 0
    fetch_remote: bool = False  # fetch C2PA manifests stored at a URL (off: no network request)
    register_lock: threading.Lock = field(default_factory=threading.Lock)


def register_evidence(path: Path, register_id: str, opts: CheckOptions) -> tuple[str, bool, str]:
    """(what the register says, file is a kilabel output, note about a relabelled version)."""
    if opts.register is None:
        return "", False, ""
    digest = register_record.sha256_file(path)
    with opts.register_lock:
        found = opts.register.find(sha256=digest)
        if not found and register_id:
            found = opts.register.find(register_id=register_id)
    outputs = [
        e for e in found if e.output_sha256 == digest or (register_id and e.register_id == register_id)
    ]
    inputs = [e for e in found if e.input_sha256 == digest and e not in outputs]
    note = ""
    if inputs:
        e = max(inputs, key=lambda x: x.id)
        note = f"a labelled version exists: register entry {e.id} ({e.output_name})"
    if outputs:
        e = max(outputs, key=lambda x: x.id)
        return f"register entry {e.id}", e.output_sha256 == digest, note
    return "", False, note
