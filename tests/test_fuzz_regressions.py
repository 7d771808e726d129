"""Inputs that made a reader fail under benchmarks/fuzz_readers.py, kept in tests/fuzz_cases/, and a
few degenerate files: verify, check and relabel must survive every one of them.

A reader "survives" when it returns as it promises: verify a report with a state ("unreadable" …),
check a row with a verdict ("error" …), relabel a result (with .error when the file cannot be
relabelled); no exception escapes. Cases are named READER-KIND-DETAIL-FORMAT-SHA8.EXT by the
benchmark; KIND is exception, memory, hang or signal for a crash (hang and signal cases run in a
child process with a time and address-space limit, so that they fail this test instead of ending
it), internal for an input whose error a reader contained but which names a Python-internal
exception type (kept to guard the behaviour; they must not raise either). A NAME.c2pa next to a
case is its sidecar manifest and goes with it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from kilabel import presets
from kilabel.check.folder import check_file
from kilabel.check.rows import CheckOptions
from kilabel.pipeline import verify
from kilabel.provenance import Provenance
from kilabel.relabel.image import RelabelTask, relabel_image
from kilabel.relabel.pdf import PdfRelabelTask, relabel_pdf

CASES_DIR = Path(__file__).resolve().parent / "fuzz_cases"
EXTS = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".pdf"}
CASES = sorted(p for p in CASES_DIR.glob("*") if p.suffix.lower() in EXTS) if CASES_DIR.is_dir() else []
OUT_OF_PROCESS = {"hang", "signal", "memory"}  # could end or stall pytest itself
AI = Provenance(source_type="trainedAlgorithmicMedia")
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow's "Truncated File Read" and kin

# Degenerate inputs every reader must take without help from the fuzzer: empty, a bare signature,
# a header that promises more than there is.
DEGENERATE = {
    "empty.jpg": b"",
    "soi-only.jpg": b"\xff\xd8",
    "app11-no-payload.jpg": b"\xff\xd8\xff\xeb\x00\x02\xff\xd9",
    "signature-only.png": b"\x89PNG\r\n\x1a\n",
    "huge-chunk.png": b"\x89PNG\r\n\x1a\n\xff\xff\xff\xffcaBX",
    "header-only.tif": b"II*\x00\x08\x00\x00\x00",
    "ifd-loop.tif": b"II*\x00\x08\x00\x00\x00\x00\x00\x08\x00\x00\x00",
    "riff-only.webp": b"RIFF\x04\x00\x00\x00WEBP",
    "header-only.pdf": b"%PDF-1.6\n",
    "text.pdf": b"%PDF-1.6\n1 0 obj\n<<>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n",
}


def _kind(case: Path) -> str:
    parts = case.name.split("-")
    return parts[1] if len(parts) > 1 else ""


def _copy(case: Path, folder: Path) -> Path:
    """The case under a plain name (with its sidecar), in a folder of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"fuzz{case.suffix.lower()}"
    shutil.copyfile(case, target)
    if case.with_suffix(".c2pa").is_file():
        shutil.copyfile(case.with_suffix(".c2pa"), target.with_suffix(".c2pa"))
    return target


INTERNAL = re.compile(
    r"\b(AttributeError|IndexError|KeyError|TypeError|RecursionError|OverflowError|NameError|"
    r"UnboundLocalError|ZeroDivisionError|struct\.error)\b"
)


def run_readers(path: Path, out: Path, identity) -> verify.Report:
    """The three readers, called as kilabel's commands call them; each must return normally, and
    what they say must not be a Python-internal error (a damaged file is said in words)."""
    report = verify.verify(path.with_suffix(".c2pa") if path.with_suffix(".c2pa").is_file() else path)
    assert report.state, "verify returned no state"
    report.to_json()  # what `kilabel verify --json` prints must be buildable too
    said = [verify.format_human(report)]
    row = check_file(path, CheckOptions(ocr="off"))
    assert row.verdict_code, "check returned a row without a verdict"
    said += [row.error, row.basis]
    if path.suffix.lower() == ".pdf":
        task = PdfRelabelTask(str(path), str(out), presets.get("ki-generiert"), AI, all_images=True)
        result = relabel_pdf(task, identity)
    else:
        result = relabel_image(RelabelTask(str(path), str(out), presets.get("ki-generiert"), AI), identity)
    assert result.ok or result.error
    said.append(result.error)
    internal = [s for s in said if s and INTERNAL.search(s)]
    assert not internal, internal
    return report


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_fuzz_case_does_not_crash_the_readers(case: Path, tmp_path, identity):
    if _kind(case) in OUT_OF_PROCESS:
        proc = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "fuzz_readers.py"), "--replay", str(case)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, f"{case.name}:\n{proc.stdout}{proc.stderr[-4000:]}"
        return
    report = run_readers(_copy(case, tmp_path / "in"), tmp_path / "out", identity)
    if case.name.startswith("verify-internal"):  # a damaged metadata block: C2PA is still read
        assert report.state != "unreadable", report.error


@pytest.mark.parametrize("name", sorted(DEGENERATE))
def test_degenerate_input_does_not_crash_the_readers(name: str, tmp_path, identity):
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / name
    path.write_bytes(DEGENERATE[name])
    run_readers(path, tmp_path / "out", identity)
    assert verify.verify(path).state in ("unreadable", "none", "unchecked", "xmp-only")
