"""A perceptual fingerprint of the labelled image, so a copy whose metadata was stripped can still
be traced to its register entry (issue 15.2).

The fingerprint is the ISCC Image-Code (ISO 24138, `iscc-core`), C2PA's registered soft-binding
algorithm `io.iscc.v0`: a DCT of the image shrunk to 32 × 32 grey pixels, each of the lowest
frequencies compared with their median. kilabel keeps the full 256 bits (the ISCC's longest
Image-Code; its first 64 bits are the standard 64-bit code). benchmarks/fingerprint.py measured it
against PDQ and chose it and MATCH_DISTANCE by its figures (see the constant).

The export fingerprints the image it publishes (label drawn, before encoding) whole and in the
REGIONS a crop of up to 10 % keeps (`compute_regions`): a DCT of the whole picture does not survive
a crop (benchmarks/fingerprint.py), the same DCT of the part that is left does. `kilabel check`
fingerprints a file whole through `of_file` and looks it up in the register
(`Register.find_similar`), which holds every region's fingerprint. In the C2PA manifest they are
one `c2pa.soft-binding` assertion with a block per region (`soft_binding_assertion`); in the
register the text `io.iscc.v0:<64 hex digits>`, then `io.iscc.v0:<hex>@<region>` for each region
(`as_text`).
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import math
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

ALG = "io.iscc.v0"  # C2PA soft-binding algorithm list, identifier 3 (ISO 24138 ISCC V0)
BITS = 256
# Two fingerprints are the same picture when all 256 bits differ in at most MATCH_DISTANCE places
# and the first 64 (the lowest frequencies, the ones re-encoding and scaling change least) in at
# most PREFIX_DISTANCE. The register indexes those 64 bits in 4 parts of 16 (PARTS): a pair within
# PREFIX_DISTANCE has at least one part that differs in at most one bit, so a lookup asks for each
# part and its 16 one-bit neighbours (68 indexed probes) and checks the few candidates in full.
# Chosen from benchmarks/fingerprint.py (220 images, 10,000 unrelated ones): re-encoded, scaled and
# print-and-scan copies differ in 2 to 8 bits (median), all within both limits; of the unrelated
# images none came within 10 bits in the first 64, nor within 58 bits of any region's fingerprint.
MATCH_DISTANCE = 48
PREFIX_BITS = 64
PREFIX_DISTANCE = 7
PARTS = 4  # 16-bit parts of the prefix in the register's index
MIN_SPREAD = 1.0  # grey levels (standard deviation at 32 × 32) below which a picture is plain
_WORK_SIDE = 256  # the image is first reduced to at least twice this on its long edge (integer factor)


@dataclass(frozen=True)
class Region:
    """A part of the picture, in fractions of its width and height from the top left."""

    name: str
    x: float
    y: float
    w: float
    h: float

    def box(self, size: tuple[int, int]) -> tuple[int, int, int, int]:
        w, h = size
        return (
            round(self.x * w),
            round(self.y * h),
            round((self.x + self.w) * w),
            round((self.y + self.h) * h),
        )


WHOLE = Region("whole", 0.0, 0.0, 1.0, 1.0)
# A crop of up to 10 % of width and height keeps most of one of these 90 % parts, aligned: the
# centre (trimmed all round) or a corner (cut on two sides, e.g. the label's corner cut off).
REGIONS = (
    WHOLE,
    Region("centre-90", 0.05, 0.05, 0.9, 0.9),
    Region("top-left-90", 0.0, 0.0, 0.9, 0.9),
    Region("top-right-90", 0.1, 0.0, 0.9, 0.9),
    Region("bottom-left-90", 0.0, 0.1, 0.9, 0.9),
    Region("bottom-right-90", 0.1, 0.1, 0.9, 0.9),
)
_BY_NAME = {r.name: r for r in REGIONS}


@dataclass(frozen=True)
class Fingerprint:
    """One picture's fingerprint: the algorithm's registered name, the hash as an integer, and the
    region of the exported image it was computed from (the whole image for a file being checked)."""

    alg: str
    value: int
    bits: int = BITS
    region: str = WHOLE.name

    @property
    def hex(self) -> str:
        return f"{self.value:0{self.bits // 4}x}"

    @property
    def text(self) -> str:
        """How the register stores it: algorithm-prefixed, so another algorithm can follow."""
        suffix = "" if self.region == WHOLE.name else f"@{self.region}"
        return f"{self.alg}:{self.hex}{suffix}"

    @property
    def iscc(self) -> str:
        """The canonical ISCC Image-Code (`ISCC:EE…`), the soft binding's value in the manifest."""
        return "ISCC:" + base64.b32encode(
            _iscc_header(self.bits) + self.value.to_bytes(self.bits // 8, "big")
        ).decode("ascii").rstrip("=")


def parse(text: str) -> Fingerprint:
    """One fingerprint's text back (`Fingerprint.text`); ValueError for anything else."""
    alg, sep, rest = text.partition(":")
    digits, at, region = rest.partition("@")
    hex_ok = re.fullmatch(r"(?:[0-9a-f]{16})+", digits) is not None
    if not sep or alg != ALG or not hex_ok or (at and region not in _BY_NAME):
        raise ValueError(f"not a kilabel fingerprint: {text!r}")
    return Fingerprint(alg, int(digits, 16), len(digits) * 4, region or WHOLE.name)


def parse_all(text: str) -> list[Fingerprint]:
    """A register entry's fingerprints (`as_text`), whole image first; [] for ''."""
    return [parse(token) for token in text.split()]


def as_text(fps: list[Fingerprint]) -> str:
    """The register's `fingerprint` column: every region's fingerprint, space-separated."""
    return " ".join(fp.text for fp in fps)


def distance(a: Fingerprint, b: Fingerprint) -> int:
    """Hamming distance; fingerprints of different algorithms or lengths are never near."""
    if a.alg != b.alg or a.bits != b.bits:
        return max(a.bits, b.bits)
    return (a.value ^ b.value).bit_count()


def prefix(fp: Fingerprint) -> int:
    """The first 64 bits: ISO 24138's 64-bit Image-Code, the lowest DCT frequencies."""
    return fp.value >> (fp.bits - PREFIX_BITS)


def matches(a: Fingerprint, b: Fingerprint, max_distance: int = MATCH_DISTANCE) -> bool:
    """The same picture: near in all bits and in the stable first 64 (see MATCH_DISTANCE)."""
    if distance(a, b) > max_distance:
        return False
    return (prefix(a) ^ prefix(b)).bit_count() <= PREFIX_DISTANCE


def index_parts(fp: Fingerprint) -> list[int]:
    """The prefix's parts as the register indexes them: PARTS integers of 16 bits, in order."""
    width = PREFIX_BITS // PARTS
    p = prefix(fp)
    return [(p >> (PREFIX_BITS - width * (i + 1))) & ((1 << width) - 1) for i in range(PARTS)]


def probes(fp: Fingerprint) -> list[list[int]]:
    """For each index part: its value and every value one bit away (what a lookup asks for)."""
    width = PREFIX_BITS // PARTS
    return [[v] + [v ^ (1 << b) for b in range(width)] for v in index_parts(fp)]


def compute(img: Image.Image) -> Fingerprint | None:
    """The fingerprint of an image in memory (any mode kilabel exports: RGB, RGBA, CMYK, L …), or
    None for a plain picture (one colour, fine noise): at 32 × 32 it has no shape to recognise, and
    its bits would only follow chance (a uniform picture gives a fixed value every such picture shares).

    Memory stays small for a 150 MP image: it is reduced by an integer factor strip by strip
    first (as the preview is), so no second full-size copy is made."""
    return compute_prepared(_prepared(img))


def compute_prepared(small: Image.Image) -> Fingerprint | None:
    """The fingerprint of an image reduced and flattened by `_prepared` (RGB), or None if plain."""
    pixels = _pixels(small)
    if _spread(pixels) < MIN_SPREAD:
        return None
    digest = soft_hash_image(pixels, BITS)
    return Fingerprint(ALG, int.from_bytes(digest, "big"), BITS)


def _spread(values: list[int]) -> float:
    """Population standard deviation (statistics.pstdev's value; it is exact with fractions, and
    that made it a tenth of an export's time on 1,024 values)."""
    n = len(values)
    mean = sum(values) / n
    return (sum(v * v for v in values) / n - mean * mean) ** 0.5 if n else 0.0


def compute_regions(img: Image.Image) -> list[Fingerprint]:
    """The export's fingerprints: the whole image first, then each other region of REGIONS (plain
    ones left out; none at all for a plain picture). The image is reduced once; regions are cut
    from that."""
    small = _prepared(img)
    whole = compute_prepared(small)
    if whole is None:
        return []
    out = [whole]
    for region in REGIONS[1:]:
        fp = compute_prepared(small.crop(region.box(small.size)))
        if fp is not None:
            out.append(dataclasses.replace(fp, region=region.name))
    return out


def of_file(path: Path) -> Fingerprint | None:
    """The fingerprint of an image file as `kilabel check` sees it (oriented, reduced on decoding)."""
    from kilabel.pipeline import image_load

    img, _full = image_load.load_preview(Path(path), 2 * _WORK_SIDE)
    return compute(img)


def normalized_pixels(img: Image.Image) -> list[int]:
    """ISO 24138's image normalisation: transparency on white, grey, 32 × 32 (bicubic), as 1024
    values row by row. A uniform border is not trimmed: measured (benchmarks/fingerprint.py), a
    trim frames a scaled, re-encoded copy differently from its original wherever the border is not
    exactly one colour any more (text on a plain page: 23 of 220 copies scaled to 25 or 50 % lost,
    none without it). iscc-sdk's trim does nothing on current Pillow either (getbbox there looks
    at alpha only), so its codes are these."""
    return _pixels(_prepared(img))


def _prepared(img: Image.Image) -> Image.Image:
    """`img` reduced (an integer factor, strip by strip: see image_load) to RGB, transparency on white."""
    from kilabel.pipeline import image_load

    small = image_load._reduced_rgb(img, _WORK_SIDE)
    if small.mode in ("RGBA", "LA"):
        white = Image.new("RGBA", small.size, (255, 255, 255, 255))
        small = Image.alpha_composite(white, small.convert("RGBA")).convert("RGB")
    return small


def _pixels(small: Image.Image) -> list[int]:
    return list(small.convert("L").resize((32, 32), Image.Resampling.BICUBIC).tobytes())


def soft_binding_assertion(fps: list[Fingerprint]) -> dict:
    """The C2PA `c2pa.soft-binding` assertion (C2PA 2.x, "Soft binding"): the algorithm's name
    from C2PA's soft-binding algorithm list, and a block per fingerprint with the ISCC Image-Code
    as its value. The whole image's block has an empty scope; a region's names it as a spatial
    region of interest (a rectangle in percent of the image). `pad` is required by the schema."""
    return {
        "label": "c2pa.soft-binding",
        "data": {
            "alg": ALG,
            "name": "ISCC Image-Code (ISO 24138) of the labelled image, whole and in parts",
            "blocks": [{"scope": _scope(fp.region), "value": fp.iscc} for fp in fps],
            "pad": [],
        },
    }


def _scope(name: str) -> dict:
    region = _BY_NAME[name]
    if region is WHOLE:
        return {}
    shape = {
        "type": "rectangle",
        "unit": "percent",
        "origin": {"x": round(region.x * 100, 3), "y": round(region.y * 100, 3)},
        "width": round(region.w * 100, 3),
        "height": round(region.h * 100, 3),
    }
    return {"region": {"region": [{"type": "spatial", "shape": shape}], "name": name}}


# The ISCC Image-Code's hash (ISO 24138, io.iscc.v0), as iscc-core 1.5 computes it
# (iscc_core.code_content_image.soft_hash_image_v0 and iscc_core.dct.alg_dct, Apache-2.0, after
# nayuki.io's fast DCT). Here rather than importing iscc-core: its package pulls in pydantic and
# loguru (8 MB in the bundle, 70 ms of imports in every export worker) for these 40 lines.
# tests/test_fingerprint.py checks the codes equal iscc-core's on many images.


def _dct(v: list[float]) -> list[float]:
    n = len(v)
    if n == 1:
        return list(v)
    if n == 0 or n % 2:
        raise ValueError("the DCT needs a length that is a power of two")
    half = n // 2
    alpha = [(v[i] + v[-(i + 1)]) for i in range(half)]
    beta = [(v[i] - v[-(i + 1)]) / (math.cos((i + 0.5) * math.pi / n) * 2.0) for i in range(half)]
    alpha, beta = _dct(alpha), _dct(beta)
    out = []
    for i in range(half - 1):
        out.append(alpha[i])
        out.append(beta[i] + beta[i + 1])
    out.append(alpha[-1])
    out.append(beta[-1])
    return out


def soft_hash_image(pixels: list[int], bits: int = 64) -> bytes:
    """The similarity-preserving hash of 32×32 normalised grey pixels: DCT of rows then columns; bits
    from the upper-left 16×16 coefficients (four 8×8 squares) against each square's median."""
    if bits > 256:
        raise ValueError(f"{bits} bits: the image hash has at most 256")
    if len(pixels) != 1024:
        raise ValueError(f"{len(pixels)} values: the image hash takes 32 × 32")
    dct32 = _unrolled(32)
    rows = [dct32(*pixels[i : i + 32]) for i in range(0, 1024, 32)]
    cols = [dct32(*c) for c in zip(*rows, strict=True)]
    matrix = list(zip(*cols, strict=True))
    bitstring = ""
    for x, y in ((0, 0), (8, 0), (0, 8), (8, 8)):
        flat = [v for row in matrix[y : y + 8] for v in row[x : x + 8]]
        med = statistics.median(flat)
        bitstring += "".join("1" if v > med else "0" for v in flat)
        if len(bitstring) >= bits:
            break
    return int(bitstring, 2).to_bytes(len(bitstring) // 8, "big")


class _Traced:
    """A value `_dct` computes with, recording each operation as a line of Python (see _unrolled)."""

    lines: list[str]
    count = 0

    def __init__(self, name: str) -> None:
        self.name = name

    def _op(self, sign: str, other: object) -> _Traced:
        right = other.name if isinstance(other, _Traced) else repr(float(other))  # repr round-trips
        _Traced.count += 1
        out = _Traced(f"t{_Traced.count}")
        _Traced.lines.append(f"    {out.name} = {self.name} {sign} {right}")
        return out

    def __add__(self, other: object) -> _Traced:
        return self._op("+", other)

    def __sub__(self, other: object) -> _Traced:
        return self._op("-", other)

    def __truediv__(self, other: object) -> _Traced:
        return self._op("/", other)


@functools.cache  # made on first use (5 ms), not on import
def _unrolled(n: int):
    """`_dct` for length n as one straight-line function: the same operations on the same values in
    the same order, so the same floats bit for bit (tests/test_fingerprint.py compares it with
    iscc-core), without the recursion's lists and calls: 6 image hashes in 3 ms instead of 21."""
    args = [_Traced(f"v{i}") for i in range(n)]
    _Traced.lines, _Traced.count = [], 0
    out = _dct(args)
    src = "\n".join(
        [f"def dct{n}({', '.join(a.name for a in args)}):", *_Traced.lines]
        + [f"    return ({', '.join(o.name for o in out)},)"]
    )
    namespace: dict = {}
    exec(
        compile(src, f"<kilabel.fingerprint dct{n}>", "exec"), namespace
    )  # the source made above, nothing read in
    return namespace[f"dct{n}"]


def _iscc_header(bits: int) -> bytes:
    """ISO 24138 header of a Content-Code Image v0: main type CONTENT (2), subtype IMAGE (1),
    version 0, length (bits / 32 - 1), each a 4-bit nibble (all under 8)."""
    return bytes([(2 << 4) | 1, (0 << 4) | (bits // 32 - 1)])
