"""A file without provenance, looked up in the register by its picture (issue 15.2).

Platforms strip metadata and C2PA manifests; a stripped copy of a kilabel export then says nothing
about itself. Its perceptual fingerprint (pipeline.fingerprint) still finds the register entry of
the export it was copied from, so check and the window can say "AI image: matches register entry
KL-… ; its provenance was removed" (provenance state `register-match`).

Only files without a valid manifest are looked up (states in LOOKUP_STATES): a signed file says
what it is itself, and a file changed after signing keeps its more telling state `invalid`.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from kilabel.messages import msg
from kilabel.pipeline import fingerprint
from kilabel.provenance import Provenance

LOOKUP_STATES = ("none", "xmp-only")
# What the register fills in where the file is silent. Not the register id: the file would then
# claim to be the registered output itself (check's evidence for "labelled").
_FROM_ENTRY = ("source_type", "ai_system", "ai_version", "creator", "credit", "campaign")


def apply(report, path: Path, register, lock: threading.Lock | None = None):
    """Look the file up when its state allows; on a match turn `report` (a verify.Report) into the
    state `register-match` and return the entry, else return None and leave it as it was."""
    if register is None or report.state not in LOOKUP_STATES:
        return None
    with lock or contextlib.nullcontext():
        if not register.has_fingerprints():  # nothing to find: spare decoding the picture
            return None
    try:
        fp = fingerprint.of_file(Path(path))
    except Exception as exc:  # an image that cannot be decoded: its state stays, the note says why
        report.notes.append(msg("fingerprint-failed", reason=str(exc)))
        return None
    if fp is None:  # a plain picture: nothing to recognise it by
        return None
    with lock or contextlib.nullcontext():
        found = register.find_similar(fp)
    if not found:
        return None
    entry, dist = found[0]  # nearest; of equal ones the newest
    mark(report, entry, dist)
    return entry


def mark(report, entry, dist: int) -> None:
    """The report of a stripped copy of `entry`: its state, the sentence's details, a note on how
    it was found, and what the register knows about the image where the file itself is silent."""
    report.state = "register-match"
    report.params = {
        "register_id": entry.register_id or f"#{entry.id}",
        "date": entry.created[:10],
        "campaign": entry.campaign or "\u2013",
        "label": entry.label_text or "\u2013",
    }
    report.notes.append(
        msg(
            "fingerprint-match",
            alg=fingerprint.ALG,
            dist=dist,
            bits=fingerprint.BITS,
            entry=entry.id,
            name=entry.output_name,
        )
    )
    known = Provenance(**{k: getattr(entry, k) for k in _FROM_ENTRY})
    report.provenance = known.merged(report.provenance)  # the file's own values win where it has any
