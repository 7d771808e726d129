"""Text recognition of a visible AI label, with the tesseract command (Debian: tesseract-ocr, -deu).

Labels sit at the edges and corners, so only four bands are read: the top and bottom strip and the
left and right strip turned to read upwards (kilabel's vertical labels read upwards); when they hold
no label, the middle column turned upwards too (a vertical label at top- or bottom-centre). The image is
scaled so that its short edge is about 1000 px, where a label of 3 % of the short edge is 30 px
high, a size tesseract reads well; the bands are stacked into one picture so that one tesseract
run per pass suffices (about 0.4 s). The command line is enough; no Python binding is needed.

Memory is bounded whatever the image's shape: the scaled picture's long edge and pixel count are
capped (MAX_LONG_EDGE, MAX_PIXELS; a wide banner gets a shorter short edge instead of a huge
picture), and a shape no label can be read in (a 60000×1 strip) is not read at all
(`unreadable`), so a caller says "not checked (…)" instead.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from PIL import Image

SHORT_EDGE = 1000  # px: the short edge the image is scaled to before reading
MAX_LONG_EDGE = 4000  # px: cap on the scaled long edge (4:1 and squarer keep the full short edge)
MAX_PIXELS = 4_000_000  # cap on the scaled picture's pixels (the stacked bands are about 2.3× that)
MAX_ASPECT = 25  # long:short beyond this is not read: at the cap the short edge would be < 160 px
MIN_EDGE = 8  # px: a short edge below this cannot carry a readable label
MAX_DECODE_PIXELS = 250_000_000  # DESIGN.md's pixel limit, for images decoded without image_load (PDF)
BAND = 0.22  # share of the height (width) read at the top and bottom (left and right)
TIMEOUT = 120
# "KI"/"AI" as a word of its own or before a hyphen ("KI-generiert"); OCR reads I as l, 1 or |.
LABEL_RE = re.compile(r"(?<![A-Za-zÄÖÜäöüß])(K[Il1|]|A[Il1|])(?=$|[\s\-‐–—:.,)])")
# The shipped presets' wordings, also where OCR runs "KI" into the next word ("Mit Klerstellt").
WORDING_RE = re.compile(
    r"(künstliche[rn]?\s+intelligenz|artificial\s+intelligence|k[il1|]\s*-?\s*generiert"
    r"|a[il1|]\s*-?\s*generated|mit\s+k[il1|]\s*erstellt|made\s+with\s+a[il1|]"
    # the EU icon presets' second level ("Teilweise KI-verändert", "Partially AI-modified"; tesseract
    # reads the small "AI-" before "modified" as "at-")
    r"|k[il1|]\s*-?\s*ver[äa]ndert|(?:a[il1|t]|k[il1|])\s*-\s*modified)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class OcrStatus:
    available: bool
    why: str = ""  # why not, in words a user can act on
    languages: str = ""  # tesseract -l value, e.g. "deu+eng"


@dataclass
class OcrResult:
    found: bool
    text: str = ""  # the recognised line that holds the label wording
    error: str = ""


@functools.lru_cache(maxsize=1)
def status() -> OcrStatus:
    """Whether tesseract and its German or English data are installed (checked once per process)."""
    exe = shutil.which("tesseract")
    if not exe:
        return OcrStatus(
            False, "tesseract is not installed (Debian: apt install tesseract-ocr tesseract-ocr-deu)"
        )
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return OcrStatus(False, f"tesseract does not run: {exc}")
    langs = {line.strip() for line in (out.stdout + out.stderr).splitlines()[1:]}
    chosen = [lang for lang in ("deu", "eng") if lang in langs]
    if not chosen:
        return OcrStatus(False, "tesseract has no German or English data (apt install tesseract-ocr-deu)")
    return OcrStatus(True, "", "+".join(chosen))


def unreadable(size: tuple[int, int]) -> str:
    """Why an image of `size` is not read (a shape no label can be read in), or '' when it is."""
    w, h = size
    short, long = min(w, h), max(w, h)
    if short < 1 or long > MAX_ASPECT * short:
        return (
            f"{w}×{h} px: aspect ratio {long / max(short, 1):.0f}:1, text recognition reads images "
            f"up to {MAX_ASPECT}:1"
        )
    if short < MIN_EDGE:
        return f"{w}×{h} px: too small to carry a readable label"
    return ""


def scale_for(size: tuple[int, int], short_edge: int = SHORT_EDGE) -> float:
    """The factor `size` is scaled by before reading: short edge to `short_edge`, but the long
    edge at most MAX_LONG_EDGE and the picture at most MAX_PIXELS."""
    w, h = max(1, size[0]), max(1, size[1])
    return min(short_edge / min(w, h), MAX_LONG_EDGE / max(w, h), (MAX_PIXELS / (w * h)) ** 0.5)


def _scaled_grey(img: Image.Image, short_edge: int) -> Image.Image:
    s = scale_for(img.size, short_edge)
    size = (
        max(1, min(MAX_LONG_EDGE, round(img.width * s))),
        max(1, min(MAX_LONG_EDGE, round(img.height * s))),
    )
    if s < 0.5 and img.mode in ("L", "LA", "RGB", "RGBA", "CMYK"):
        # much larger than needed (e.g. a PDF's full-size image): shrink before converting, so no
        # full-size RGB or grey copy is made; reduce() keeps at least twice the target size
        factor = max(1, int(1 / s / 2))
        if factor > 1:
            img = img.reduce(factor)
    if img.mode not in ("L", "RGB"):
        img = img.convert("RGB")  # CMYK, RGBA, palette
    img = img.convert("L")
    if abs(size[0] / img.width - 1) > 0.05 or abs(size[1] / img.height - 1) > 0.05:
        img = img.resize(size, Image.Resampling.LANCZOS)
    return img


def bands(img: Image.Image, short_edge: int = SHORT_EDGE, share: float = BAND) -> Image.Image:
    """The four edge bands of `img`, scaled and stacked into one greyscale picture."""
    img = _scaled_grey(img, short_edge)
    w, h = img.size
    bh, bw = max(1, round(h * share)), max(1, round(w * share))
    return _stack(
        [
            img.crop((0, 0, w, bh)),
            img.crop((0, h - bh, w, h)),
            img.crop((0, 0, bw, h)).transpose(Image.Transpose.ROTATE_270),
            img.crop((w - bw, 0, w, h)).transpose(Image.Transpose.ROTATE_270),
        ]
    )


def centre_column(img: Image.Image, short_edge: int = SHORT_EDGE, share: float = BAND) -> Image.Image:
    """The vertical middle column of `img`, turned to read upwards: where a vertical label placed at
    top-centre or bottom-centre stands (the edge bands cut it across)."""
    img = _scaled_grey(img, short_edge)
    w, h = img.size
    bw = max(1, round(w * share))
    x0 = (w - bw) // 2
    return _stack([img.crop((x0, 0, x0 + bw, h)).transpose(Image.Transpose.ROTATE_270)])


def _stack(parts: list[Image.Image]) -> Image.Image:
    gap = 24
    out = Image.new("L", (max(p.width for p in parts), sum(p.height + gap for p in parts)), 255)
    y = 0
    for part in parts:
        out.paste(part, (0, y))
        y += part.height + gap
    return out


def read_text(img: Image.Image, psm: str = "11") -> str:
    """All text tesseract reads in `img` (sparse text mode: labels are isolated words)."""
    st = status()
    if not st.available:
        raise RuntimeError(st.why)
    buf = io.BytesIO()
    img.save(buf, "PNG", compress_level=1)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # callers run several files in parallel instead
    out = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", st.languages, "--psm", psm],
        input=buf.getvalue(),
        capture_output=True,
        timeout=TIMEOUT,
        env=env,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"tesseract failed: {out.stderr.decode(errors='replace').strip()[:200]}")
    return out.stdout.decode("utf-8", errors="replace")


def label_line(text: str) -> str:
    """The first recognised line that carries AI label wording ('KI', 'AI', 'KI-generiert' …), or ''."""
    for line in text.splitlines():
        if LABEL_RE.search(line) or WORDING_RE.search(line):
            return line.strip()
    return ""


PASSES = (("grey", "3"), (140, "3"), ("grey", "11"), (110, "3"))  # tried in turn until label wording is found
CENTRE_PASSES = (("grey", "3"),)  # one more pass, on the middle column only


def find_label(img: Image.Image) -> OcrResult:
    """Look for AI label wording in the edge bands of `img`. Never raises: errors are in the result.

    tesseract's own binarisation misses some labels on textured or light backgrounds, so up to four
    passes run (automatic layout, fixed thresholds, sparse text); an image with a label usually
    needs one (about 0.4 s), an unlabelled one costs all four.
    """
    why = unreadable(img.size)
    if why:
        return OcrResult(False, error=why)
    try:
        # last: the middle column, for a vertical label at top- or bottom-centre
        line = _first_label(bands(img), PASSES) or _first_label(centre_column(img), CENTRE_PASSES)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        return OcrResult(False, error=str(exc))
    return OcrResult(bool(line), line)


def _first_label(picture: Image.Image, passes) -> str:
    """The label line of the first pass (grey or a fixed threshold, page segmentation mode) that finds one."""
    for variant, psm in passes:
        pic = picture if variant == "grey" else picture.point(lambda v, t=variant: 0 if v < t else 255)
        line = label_line(read_text(pic, psm))
        if line:
            return line
    return ""
