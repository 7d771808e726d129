"""Fuzz the readers (issue 13): mutate valid kilabel outputs of every format and run `verify`,
`check` and `relabel` on them; count inputs, crashes and hangs, and keep every crashing input.

    python benchmarks/fuzz_readers.py                     # 100,000 inputs (seed 1)
    python benchmarks/fuzz_readers.py --count 2000        # a quick run
    python benchmarks/fuzz_readers.py --count 5000 --seed 7 --start 5000   # continue another stretch
    python benchmarks/fuzz_readers.py --max-minutes 20    # time-boxed (Ctrl+C also prints the figures)
    python benchmarks/fuzz_readers.py --replay tests/fuzz_cases/FILE       # one file, exit 1 if it crashes

Seeds: signed kilabel outputs made once in a temporary folder (KILABEL_HOME there too, so nothing
touches the user's data): JPEG (short prompt; and a long one, which gives extended XMP and a
manifest over several APP11 segments), PNG (RGBA), TIFF (LZW), WebP, a print PDF, the relabelled
copy of each (a manifest with a parent ingredient), and a JPEG with its manifest in a sidecar
(`sidecar`: the .c2pa bytes are what is mutated).

Mutations (1 to 6 stacked per input, chosen by `random.Random(f"{seed}-{index}")`, so input N is
the same mutation on every run; the seeds themselves are signed afresh each run, so their
timestamps, signatures and register ids differ): bit flips, interesting bytes and integers, byte runs, truncation, inserted,
deleted and duplicated blocks, splices from every other seed (any format), and mutations aimed at
the structure: JPEG segment lengths, APP11 (JUMBF) instance and sequence numbers, SOF sizes; PNG
chunk lengths and types (CRCs recomputed afterwards most of the time, so that readers get past the
checksum); TIFF IFD entry counts, tag types, value counts, offsets and IFD chains (loops included);
WebP RIFF and chunk sizes; JUMBF box lengths and types, also nested; EXIF (a TIFF structure inside
JPEG, PNG and WebP); PDF object and generation numbers, references (cycles), xref entries,
startxref, /Length, /Count, /Size, names and delimiters; whole segments, chunks, boxes and PDF
objects deleted, duplicated, swapped or replaced by one from another seed; XMP packets replaced by
hostile XML (deep nesting, huge text, bad characters), with the container's lengths fixed; and now
and then a file saved under another format's extension.

Readers, in a worker process (spawned; its own process group; address space limited with
RLIMIT_AS): `kilabel.pipeline.verify.verify`, `kilabel.check.folder.check_file` (OCR off) and, on
every `--relabel-every`-th input, `kilabel.relabel.image.relabel_image` (`relabel_pdf` for a PDF,
with --all-images, as `kilabel relabel` does). A crash is an exception escaping a reader (they
promise to return a state, a row or a result with .error instead), a MemoryError inside one (a
blow-up past `--memory-mb` for a file of a few hundred KB, even when it is caught), the worker dying
(a signal: a native crash), or a reader running longer than `--timeout` seconds (a hang). Each
crashing input is saved to tests/fuzz_cases/ as READER-KIND-DETAIL-FORMAT-SHA8.EXT (at most
`--keep` per distinct crash), made smaller first where it still fails the same way (not hangs);
tests/test_fuzz_regressions.py replays every file there.

Errors the readers contain (the file's state says "unreadable", the row "error") are counted too;
those naming a Python-internal type (TypeError, KeyError, IndexError …) are listed separately, as
hints of a bug hidden behind the catch-all, but are not crashes; their inputs are kept as well
(KIND "internal"), as regression inputs that must not crash either. Rust panics the C2PA SDK
caught (seen in the worker's stderr) are counted.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import signal
import struct
import sys
import tempfile
import time
import traceback
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "fuzz_cases"
READERS = ("verify", "check", "relabel")
EXT = {"jpeg": ".jpg", "png": ".png", "tiff": ".tif", "webp": ".webp", "pdf": ".pdf", "sidecar": ".jpg"}
INTERNAL = {
    "TypeError",
    "AttributeError",
    "KeyError",
    "IndexError",
    "NameError",
    "UnboundLocalError",
    "ZeroDivisionError",
    "RecursionError",
    "AssertionError",
    "NotImplementedError",
    "OverflowError",
    "StopIteration",
    "SystemError",
}


# ---------------------------------------------------------------------------------------------
# Structure: where the numbers and the pieces of a file are


@dataclass
class Num:
    """A binary number in the file: a length, count, offset, type or tag."""

    off: int
    size: int  # bytes
    endian: str  # ">" or "<"
    kind: str  # len | count | offset | type | tag | dim | seq | value | 4cc


@dataclass
class Dec:
    """A decimal number in PDF text."""

    start: int
    end: int
    kind: str  # objnum | gen | ref | xref | startxref | length | count | size | num
    fixed: bool = False  # fixed width (xref table entries)


@dataclass
class Span:
    """A piece: a segment, chunk, box, object, stream or packet, with the length fields that enclose
    it (so an insertion or deletion inside it can keep the container consistent)."""

    start: int
    end: int
    kind: str
    lens: list[Num] = field(default_factory=list)


@dataclass
class Structure:
    nums: list[Num] = field(default_factory=list)
    decs: list[Dec] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    names: list[tuple[int, int]] = field(default_factory=list)  # PDF /Name tokens
    objnums: list[int] = field(default_factory=list)  # PDF object numbers in use


def _u(d: bytes, off: int, size: int, endian: str) -> int:
    return int.from_bytes(d[off : off + size], "big" if endian == ">" else "little")


JUMBF_TYPES = [b"jumb", b"jumd", b"cbor", b"json", b"bfdb", b"bidb", b"uuid", b"c2sh", b"embd", b"xml "]


def jumbf(d: bytes, start: int, end: int, st: Structure, lens: list[Num], depth: int = 0) -> None:
    """JUMBF boxes (ISO 19566-5) between start and end, superboxes recursively."""
    i = start
    while i + 8 <= end and depth < 12:
        length, kind = _u(d, i, 4, ">"), bytes(d[i + 4 : i + 8])
        head = 8
        if length == 1 and i + 16 <= end:
            length, head = _u(d, i + 8, 8, ">"), 16
        elif length == 0:
            length = end - i
        if length < 8:
            break
        st.nums += [Num(i, 4, ">", "len"), Num(i + 4, 4, ">", "4cc")]
        box_end = min(i + length, end)
        st.spans.append(Span(i, box_end, "jumbf", list(lens)))
        inner = lens + [Num(i, 4, ">", "len")] if head == 8 else lens
        if kind == b"jumb":
            jumbf(d, i + head, box_end, st, inner, depth + 1)
        elif kind == b"jumd" and i + 25 <= box_end:
            st.nums.append(Num(i + 24, 1, ">", "value"))  # toggles: label, id, signature present
            st.spans.append(Span(i + 25, box_end, "jumbf-data", inner))
        else:
            st.spans.append(Span(i + head, box_end, "jumbf-data", inner))
        i += length


TIFF_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8}
IFD_POINTERS = {0x8769, 0x8825, 0xA005, 0x014A}


def tiff(d: bytes, base: int, end: int, st: Structure, lens: list[Num]) -> None:
    """A TIFF structure at `base` (a TIFF file, or EXIF inside another format)."""
    if end - base < 8 or d[base : base + 2] not in (b"II", b"MM"):
        return
    e = "<" if d[base : base + 2] == b"II" else ">"
    st.nums += [Num(base + 2, 2, e, "value"), Num(base + 4, 4, e, "offset")]
    queue, seen = [_u(d, base + 4, 4, e)], set()
    while queue and len(seen) < 24:
        off = queue.pop(0)
        p = base + off
        if off in seen or p + 2 > end:
            continue
        seen.add(off)
        n = _u(d, p, 2, e)
        st.nums.append(Num(p, 2, e, "count"))
        for k in range(min(n, 256)):
            q = p + 2 + 12 * k
            if q + 12 > end:
                break
            tag, typ, cnt = _u(d, q, 2, e), _u(d, q + 2, 2, e), _u(d, q + 4, 4, e)
            size = cnt * TIFF_SIZES.get(typ, 1)
            val = _u(d, q + 8, 4, e)
            st.nums += [
                Num(q, 2, e, "tag"),
                Num(q + 2, 2, e, "type"),
                Num(q + 4, 4, e, "count"),
                Num(q + 8, 4, e, "offset" if size > 4 or tag in IFD_POINTERS else "value"),
            ]
            if size > 4 and base + val + size <= end:
                st.spans.append(Span(base + val, base + val + size, f"tiff-data-{tag}", []))
                if tag == 0xCD41:  # C2PA manifest store
                    jumbf(d, base + val, base + val + size, st, [])
            if tag in IFD_POINTERS and typ in (4, 13):
                queue.append(val)
        q = p + 2 + 12 * n
        if q + 4 <= end:
            st.nums.append(Num(q, 4, e, "offset"))
            nxt = _u(d, q, 4, e)
            if nxt:
                queue.append(nxt)


def jpeg(d: bytes, st: Structure) -> None:
    i = 2
    seen_jp: set[bytes] = set()
    while i + 4 <= len(d):
        if d[i] != 0xFF:
            break
        m = d[i + 1]
        if m == 0xFF:
            i += 1
            continue
        if m in (0xD8, 0x01) or 0xD0 <= m <= 0xD7:
            i += 2
            continue
        if m == 0xD9:
            break
        length = _u(d, i + 2, 2, ">")
        end = min(i + 2 + length, len(d))
        seg_len = Num(i + 2, 2, ">", "len")
        st.nums.append(seg_len)
        st.spans.append(Span(i, end, "jpeg-seg", []))
        st.spans.append(Span(i + 4, end, "jpeg-payload", [seg_len]))
        payload = d[i + 4 : end]
        if m == 0xE1 and payload.startswith(b"Exif\0\0"):
            tiff(d, i + 10, end, st, [seg_len])
        elif m == 0xEB and payload.startswith(b"JP"):  # APP11: JUMBF, split over segments
            st.nums += [Num(i + 6, 2, ">", "seq"), Num(i + 8, 4, ">", "seq")]
            instance = bytes(payload[2:4])
            if instance not in seen_jp:
                seen_jp.add(instance)
                jumbf(d, i + 12, end, st, [seg_len])
            else:  # a continuation repeats the superbox's header
                st.nums += [Num(i + 12, 4, ">", "len"), Num(i + 16, 4, ">", "4cc")]
        elif m in (0xC0, 0xC1, 0xC2, 0xC3):
            st.nums += [Num(i + 5, 2, ">", "dim"), Num(i + 7, 2, ">", "dim"), Num(i + 9, 1, ">", "count")]
        elif m == 0xE2 and payload.startswith(b"ICC_PROFILE\0"):
            st.nums += [Num(i + 16, 1, ">", "seq"), Num(i + 17, 1, ">", "seq")]
        if m == 0xDA:
            st.spans.append(Span(end, len(d), "jpeg-scan", []))
            break
        i += 2 + length


def png(d: bytes, st: Structure) -> None:
    i = 8
    while i + 12 <= len(d):
        length, kind = _u(d, i, 4, ">"), bytes(d[i + 4 : i + 8])
        end = min(i + 12 + length, len(d))
        chunk_len = Num(i, 4, ">", "len")
        st.nums += [chunk_len, Num(i + 4, 4, ">", "4cc")]
        st.spans.append(Span(i, end, "png-chunk", []))
        st.spans.append(Span(i + 8, min(i + 8 + length, len(d)), "png-data", [chunk_len]))
        if kind == b"caBX":
            jumbf(d, i + 8, min(i + 8 + length, len(d)), st, [chunk_len])
        elif kind == b"eXIf":
            tiff(d, i + 8, min(i + 8 + length, len(d)), st, [chunk_len])
        elif kind == b"IHDR":
            st.nums += [Num(i + 8, 4, ">", "dim"), Num(i + 12, 4, ">", "dim")]
            st.nums += [Num(i + 16 + k, 1, ">", "value") for k in range(5)]
        if kind == b"IEND":
            break
        i += 12 + length


def webp(d: bytes, st: Structure) -> None:
    riff = Num(4, 4, "<", "len")
    st.nums.append(riff)
    i = 12
    while i + 8 <= len(d):
        kind, length = bytes(d[i : i + 4]), _u(d, i + 4, 4, "<")
        end = min(i + 8 + length + (length & 1), len(d))
        chunk_len = Num(i + 4, 4, "<", "len")
        st.nums += [Num(i, 4, ">", "4cc"), chunk_len]
        st.spans.append(Span(i, end, "webp-chunk", [riff]))
        data_end = min(i + 8 + length, len(d))
        st.spans.append(Span(i + 8, data_end, "webp-data", [chunk_len, riff]))
        if kind == b"C2PA":
            jumbf(d, i + 8, data_end, st, [chunk_len, riff])
        elif kind == b"EXIF":
            tiff(d, i + 8 + (6 if d[i + 8 : i + 14] == b"Exif\0\0" else 0), data_end, st, [chunk_len, riff])
        elif kind == b"VP8X":
            st.nums += [Num(i + 8, 1, "<", "value"), Num(i + 12, 3, "<", "dim"), Num(i + 15, 3, "<", "dim")]
        i += 8 + length + (length & 1)


PDF_NUMS = [
    (rb"(\d+) (\d+) obj\b", ("objnum", "gen")),
    (rb"(\d+) (\d+) R\b", ("ref", "gen")),
    (rb"startxref\s+(\d+)", ("startxref",)),
    (rb"/Length (\d+)", ("length",)),
    (rb"/Count (\d+)", ("count",)),
    (rb"/Size (\d+)", ("size",)),
    (rb"/(?:Width|Height|BitsPerComponent|N|First|Prev|Rotate) (\d+)", ("num",)),
    (rb"xref\s+(\d+) (\d+)", ("num", "count")),
]


def pdf(d: bytes, st: Structure) -> None:
    for rx, kinds in PDF_NUMS:
        for m in re.finditer(rx, d):
            for g, kind in enumerate(kinds, start=1):
                st.decs.append(Dec(m.start(g), m.end(g), kind))
    for m in re.finditer(rb"(\d{10}) (\d{5}) [nf]", d):
        st.decs += [Dec(m.start(1), m.end(1), "xref", True), Dec(m.start(2), m.end(2), "gen", True)]
    st.objnums = sorted({int(m.group(1)) for m in re.finditer(rb"(\d+) 0 obj\b", d)})
    for m in re.finditer(rb"\d+ \d+ obj\b.*?endobj", d, re.DOTALL):
        st.spans.append(Span(m.start(), m.end(), "pdf-obj", []))
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", d, re.DOTALL):
        st.spans.append(Span(m.start(1), m.end(1), "pdf-stream", []))
        i = d.find(b"jumb", m.start(1), m.end(1))
        if i >= 4:
            jumbf(d, i - 4, m.end(1), st, [])
    st.names = [(m.start(), m.end()) for m in re.finditer(rb"/[A-Za-z][A-Za-z0-9#]*", d)]


def xmp_spans(d: bytes, st: Structure) -> None:
    for m in re.finditer(rb"<x:xmpmeta.*?</x:xmpmeta>", d, re.DOTALL):
        st.spans.append(Span(m.start(), m.end(), "xmp", []))


def structure(d: bytes, fmt: str) -> Structure:
    st = Structure()
    try:
        if d[:2] == b"\xff\xd8":
            jpeg(d, st)
        elif d[:8] == b"\x89PNG\r\n\x1a\n":
            png(d, st)
        elif d[:4] in (b"II*\0", b"MM\0*"):
            tiff(d, 0, len(d), st, [])
        elif d[:4] == b"RIFF" and d[8:12] == b"WEBP":
            webp(d, st)
        elif d[:5] == b"%PDF-":
            pdf(d, st)
        elif fmt == "sidecar":
            jumbf(d, 0, len(d), st, [])
        xmp_spans(d, st)
    except (IndexError, ValueError, OverflowError):  # a mutated file parses only partly
        pass
    return st


# ---------------------------------------------------------------------------------------------
# Mutations


INTERESTING_8 = [0, 1, 0x7F, 0x80, 0xFF, 0x20, 0x0A, 0x3C]
INTERESTING_32 = [0, 1, 2, 7, 8, 9, 16, 0x7F, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000]


def _put(d: bytearray, n: Num, value: int) -> None:
    value %= 1 << (8 * n.size)
    d[n.off : n.off + n.size] = value.to_bytes(n.size, "big" if n.endian == ">" else "little")


def _bump_lens(d: bytearray, lens: list[Num], delta: int) -> None:
    for n in lens:
        if n.off + n.size <= len(d):
            _put(d, n, _u(d, n.off, n.size, n.endian) + delta)


def _range(r: Random, size: int, most: int = 256) -> tuple[int, int]:
    a = r.randrange(max(1, size))
    return a, min(size, a + 1 + int(r.expovariate(1 / 16)) % most)


class Mutator:
    def __init__(self, seeds: dict[str, list[bytes]]):
        self.seeds = seeds
        self.donors = [(fmt, b) for fmt, bs in seeds.items() for b in bs]
        self.cache: dict[int, Structure] = {}
        self.donor_spans: dict[str, list[bytes]] = defaultdict(list)
        for fmt, b in self.donors:
            for s in self._structure(b, fmt).spans:
                if s.end - s.start <= 1 << 16:
                    self.donor_spans[s.kind].append(b[s.start : s.end])

    def _structure(self, d: bytes, fmt: str) -> Structure:
        key = hash(bytes(d))
        if key not in self.cache:
            if len(self.cache) > 64:
                self.cache.clear()
            self.cache[key] = structure(bytes(d), fmt)
        return self.cache[key]

    def mutate(self, r: Random, fmt: str, seed: bytes) -> tuple[bytes, list[str]]:
        d = bytearray(seed)
        ops: list[str] = []
        k = r.choice([1, 1, 1, 1, 2, 2, 2, 3, 4, 6])
        structural_ops = self.STRUCTURAL + (self.PDF if fmt == "pdf" else [])
        for _ in range(k):
            for _attempt in range(4):  # an operation that finds nothing to work on gives way to another
                name, fn = r.choice(structural_ops if r.random() < 0.6 else self.GENERIC)
                try:
                    if fn(self, r, d, fmt) is not False:
                        ops.append(name)
                        break
                except (IndexError, ValueError):
                    pass
            if not d:
                d = bytearray(b"\0")
        if fmt in ("png",) and r.random() < 0.85:
            self.fix_png_crcs(d)
        if fmt == "webp" and r.random() < 0.5 and len(d) >= 8:
            d[4:8] = (len(d) - 8).to_bytes(4, "little")
        return bytes(d), ops

    @staticmethod
    def fix_png_crcs(d: bytearray) -> None:
        i = 8
        while i + 12 <= len(d):
            length = _u(d, i, 4, ">")
            if i + 12 + length > len(d):
                break
            d[i + 8 + length : i + 12 + length] = struct.pack(">I", zlib.crc32(d[i + 4 : i + 8 + length]))
            i += 12 + length

    # generic ----------------------------------------------------------------------------------

    def bitflip(self, r, d, fmt):
        for _ in range(r.choice([1, 1, 2, 4, 8])):
            i = r.randrange(len(d))
            d[i] ^= 1 << r.randrange(8)

    def byte_set(self, r, d, fmt):
        for _ in range(r.choice([1, 2, 4])):
            d[r.randrange(len(d))] = r.choice(INTERESTING_8 + [r.randrange(256)])

    def int_set(self, r, d, fmt):
        size = r.choice([2, 4, 8])
        i = r.randrange(max(1, len(d) - size))
        v = r.choice(INTERESTING_32 + [len(d), len(d) - i, r.getrandbits(32)])
        d[i : i + size] = (v % (1 << 8 * size)).to_bytes(size, r.choice(["big", "little"]))

    def byte_run(self, r, d, fmt):
        a, b = _range(r, len(d), 4096)
        fill = bytes([r.choice(INTERESTING_8)]) * (b - a) if r.random() < 0.6 else r.randbytes(b - a)
        d[a:b] = fill

    def truncate(self, r, d, fmt):
        cut = r.choice([r.randrange(len(d)), len(d) - r.randrange(1, 64), r.randrange(min(len(d), 512))])
        del d[max(0, cut) :]

    def insert(self, r, d, fmt):
        i = r.randrange(len(d) + 1)
        n = 1 + int(r.expovariate(1 / 32)) % 4096
        d[i:i] = r.randbytes(n) if r.random() < 0.5 else bytes([r.choice(INTERESTING_8)]) * n

    def delete(self, r, d, fmt):
        a, b = _range(r, len(d), 4096)
        del d[a:b]

    def duplicate(self, r, d, fmt):
        a, b = _range(r, len(d), 4096)
        i = r.randrange(len(d) + 1)
        d[i:i] = d[a:b]

    def splice(self, r, d, fmt):
        _, donor = r.choice(self.donors)
        a, b = _range(r, len(donor), 4096)
        i = r.randrange(len(d) + 1)
        j = min(len(d), i + (b - a if r.random() < 0.5 else r.randrange(0, 64)))
        d[i:j] = donor[a:b]

    def crossover(self, r, d, fmt):
        _, donor = r.choice(self.donors)
        i, j = r.randrange(len(d) + 1), r.randrange(len(donor) + 1)
        d[i:] = donor[j:]

    def ascii_number(self, r, d, fmt):
        found = [m.span() for m in re.finditer(rb"\d+", d[: 1 << 20])]
        if not found:
            return False
        a, b = r.choice(found)
        d[a:b] = r.choice([b"0", b"-1", b"1", b"99999999999", b"4294967296", b"2147483647", b"00"])

    GENERIC = [
        ("bitflip", bitflip),
        ("byte_set", byte_set),
        ("int_set", int_set),
        ("byte_run", byte_run),
        ("truncate", truncate),
        ("insert", insert),
        ("delete", delete),
        ("duplicate", duplicate),
        ("splice", splice),
        ("crossover", crossover),
        ("ascii_number", ascii_number),
    ]

    # structural -------------------------------------------------------------------------------

    def num(self, r, d, fmt):
        """A length, count, offset, type or tag set to a value that readers must survive."""
        st = self._structure(d, fmt)
        nums = [n for n in st.nums if n.off + n.size <= len(d)]
        if not nums:
            return False
        n = r.choice(nums)
        v = _u(d, n.off, n.size, n.endian)
        top = (1 << 8 * n.size) - 1
        if n.kind == "4cc":
            d[n.off : n.off + 4] = r.choice(
                JUMBF_TYPES + [b"caBX", b"C2PA", b"eXIf", b"iTXt", b"IDAT", b"EXIF"]
            )
            return
        offset_like = [0, 8, n.off, max(0, n.off - 2), len(d), len(d) - 1, top, v + 2, v - 2, v + 12]
        if n.kind == "offset":
            others = [_u(d, o.off, o.size, o.endian) for o in st.nums if o.kind == "offset"]
            cands = offset_like + others  # another IFD's offset: chains and loops
        elif n.kind == "type":
            cands = list(range(0, 20)) + [top]
        elif n.kind == "tag":
            cands = [
                0x8769,
                0x8825,
                0xA005,
                0x014A,
                0x02BC,
                0xCD41,
                0x8773,
                0x0111,
                0x0117,
                0x0112,
                r.getrandbits(16),
            ]
        else:
            cands = [0, 1, 2, 7, 8, 9, 16, v - 1, v + 1, v - r.randrange(1, 64), v + r.randrange(1, 64)]
            cands += [
                v * 2,
                v // 2,
                top,
                top >> 1,
                (top >> 1) + 1,
                len(d),
                len(d) - n.off,
                r.getrandbits(8 * n.size),
            ]
        _put(d, n, r.choice(cands))

    def _span(self, r, d, fmt, kinds: tuple[str, ...] | None = None) -> Span | None:
        spans = [s for s in self._structure(d, fmt).spans if s.end <= len(d) and s.end > s.start]
        if kinds:
            spans = [s for s in spans if s.kind.startswith(kinds)]
        return r.choice(spans) if spans else None

    def span_inplace(self, r, d, fmt):
        """Bytes inside a chunk, box, segment or stream changed in place: lengths stay right."""
        s = self._span(r, d, fmt)
        if s is None:
            return False
        for _ in range(r.choice([1, 1, 2, 4, 16])):
            i = r.randrange(s.start, s.end)
            d[i] = r.choice(INTERESTING_8) if r.random() < 0.3 else d[i] ^ (1 << r.randrange(8))

    def span_resize(self, r, d, fmt):
        """Bytes inserted into or deleted from a piece, its enclosing lengths adjusted."""
        s = self._span(r, d, fmt, ("jumbf", "png-data", "jpeg-payload", "webp-data"))
        if s is None:
            return False
        i = r.randrange(s.start, s.end + 1)
        if r.random() < 0.5:
            n = 1 + int(r.expovariate(1 / 16)) % 512
            d[i:i] = r.randbytes(n)
            _bump_lens(d, s.lens, n)
        else:
            n = min(s.end - i, 1 + int(r.expovariate(1 / 16)) % 512)
            del d[i : i + n]
            _bump_lens(d, s.lens, -n)

    def span_delete(self, r, d, fmt):
        s = self._span(r, d, fmt, ("jpeg-seg", "png-chunk", "webp-chunk", "jumbf", "pdf-obj"))
        if s is None:
            return False
        del d[s.start : s.end]
        _bump_lens(d, s.lens, -(s.end - s.start))

    def span_duplicate(self, r, d, fmt):
        s = self._span(r, d, fmt, ("jpeg-seg", "png-chunk", "webp-chunk", "jumbf", "pdf-obj"))
        if s is None:
            return False
        piece = d[s.start : s.end]
        at = s.end if r.random() < 0.7 else r.randrange(len(d) + 1)
        d[at:at] = piece
        if at == s.end:
            _bump_lens(d, s.lens, len(piece))

    def span_swap(self, r, d, fmt):
        st = self._structure(d, fmt)
        s = self._span(r, d, fmt, ("jpeg-seg", "png-chunk", "webp-chunk", "jumbf", "pdf-obj"))
        if s is None:
            return False
        same = [
            t
            for t in st.spans
            if t.kind == s.kind and (t.end <= s.start or t.start >= s.end) and t.end <= len(d)
        ]
        if not same:
            return False
        t = r.choice(same)
        a, b = sorted([s, t], key=lambda x: x.start)
        d[a.start : b.end] = d[b.start : b.end] + d[a.end : b.start] + d[a.start : a.end]

    def span_transplant(self, r, d, fmt):
        """A piece replaced by a piece of the same kind from any seed (e.g. a JUMBF box of another
        manifest, a PDF object of the relabelled PDF)."""
        s = self._span(r, d, fmt)
        if s is None or not self.donor_spans.get(s.kind):
            return False
        piece = r.choice(self.donor_spans[s.kind])
        d[s.start : s.end] = piece
        _bump_lens(d, s.lens, len(piece) - (s.end - s.start))

    def xmp_hostile(self, r, d, fmt):
        """The XMP packet replaced by hostile XML: in place (same length, padded) anywhere; longer,
        with the container's lengths fixed, in PNG (iTXt) and JPEG (APP1)."""
        s = self._span(r, d, fmt, ("xmp",))
        if s is None:
            return False
        rdf = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ipt = 'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"'
        head = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF {rdf}><rdf:Description {ipt}>'
        tail = "</rdf:Description></rdf:RDF></x:xmpmeta>"
        room = s.end - s.start
        grow = fmt == "png" or (fmt in ("jpeg", "sidecar") and room < 30000)
        budget = (1_000_000 if fmt == "png" else 50_000) if grow and r.random() < 0.6 else room
        choice = r.randrange(6)
        if choice == 0:  # deep nesting
            depth = max(1, min(3000, (budget - len(head) - len(tail) - 12) // 11))  # past Python's 1000
            body = "<a:b>" * depth + "</a:b>" * depth
            body = body.replace("<a:b>", '<a:b xmlns:a="a">', 1) if depth else body
        elif choice == 1:  # a huge text value
            body = (
                "<Iptc4xmpExt:AIPromptInformation>" + "\u00e4" * budget + "</Iptc4xmpExt:AIPromptInformation>"
            )
        elif choice == 2:  # character references to characters XML does not allow, a lone surrogate
            body = "<Iptc4xmpExt:AISystemUsed>&#0;&#xD800;&#x110000;\ud800</Iptc4xmpExt:AISystemUsed>"
        elif choice == 3:  # many descriptions
            one = f"</rdf:Description><rdf:Description {ipt} Iptc4xmpExt:AISystemUsed='x'>"
            body = one * max(1, (budget - len(head) - len(tail)) // len(one))
        elif choice == 4:  # unclosed and unbalanced
            body = "<rdf:li>" * 50
        else:  # an undeclared entity
            body = "<Iptc4xmpExt:AISystemUsed>&x;</Iptc4xmpExt:AISystemUsed>"
        xml = (head + body + tail).encode("utf-8", errors="surrogatepass")
        if len(xml) <= room:
            d[s.start : s.end] = xml + b" " * (room - len(xml))
            return
        if not grow:
            return False
        extra = len(xml) - room
        st = self._structure(d, fmt)
        owner = [
            t
            for t in st.spans
            if t.kind in ("png-data", "jpeg-payload") and t.start <= s.start and t.end >= s.end
        ]
        if not owner:
            return False
        if fmt != "png" and (_u(d, owner[0].lens[0].off, 2, ">") + extra) > 0xFFFF:
            return False
        d[s.start : s.end] = xml
        _bump_lens(d, owner[0].lens, extra)

    def pdf_number(self, r, d, fmt):
        st = self._structure(d, fmt)
        decs = [x for x in st.decs if x.end <= len(d)]
        if not decs:
            return False
        x = r.choice(decs)
        v = int(d[x.start : x.end] or b"0")
        if x.kind in ("ref", "objnum") and st.objnums:
            cands = st.objnums + [0, v + 1, 999999, 2147483647]  # other objects: cycles, dangling refs
        else:
            cands = [0, 1, v - 1, v + 1, v * 10, v // 2, 2147483647, 4294967296, 99999999999999]
        new = str(r.choice(cands)).encode()
        if x.fixed:
            width = x.end - x.start
            new = new[-width:].rjust(width, b"0")
        d[x.start : x.end] = new

    def pdf_name(self, r, d, fmt):
        st = self._structure(d, fmt)
        names = [n for n in st.names if n[1] <= len(d)]
        if len(names) < 2:
            return False
        a, b = r.choice(names)
        c, e = r.choice(names)
        d[a:b] = d[c:e]

    def pdf_delimiter(self, r, d, fmt):
        found = [m.span() for m in re.finditer(rb"<<|>>|\[|\]|endobj|endstream|stream|obj", d[: 1 << 20])]
        if not found:
            return False
        a, b = r.choice(found)
        d[a:b] = r.choice([b"", b" ", b"<<", b">>", b"[", b"]", b"(", b")"])

    STRUCTURAL = [
        ("num", num),
        ("num", num),
        ("num", num),
        ("span_inplace", span_inplace),
        ("span_inplace", span_inplace),
        ("span_resize", span_resize),
        ("span_delete", span_delete),
        ("span_duplicate", span_duplicate),
        ("span_swap", span_swap),
        ("span_transplant", span_transplant),
        ("xmp_hostile", xmp_hostile),
    ]
    PDF = [
        ("pdf_number", pdf_number),
        ("pdf_number", pdf_number),
        ("pdf_number", pdf_number),
        ("pdf_name", pdf_name),
        ("pdf_delimiter", pdf_delimiter),
    ]


# ---------------------------------------------------------------------------------------------
# Seeds: valid, signed kilabel outputs of every format


def make_seeds(tmp: Path) -> tuple[dict[str, list[bytes]], dict[str, bytes]]:
    """{format: [file bytes]} and, for the sidecar seed, the asset the .c2pa belongs to."""
    import dataclasses

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from _images import photo

    from kilabel import keys, presets, profiles, settings
    from kilabel.export.one import export_one
    from kilabel.export.task import ExportTask
    from kilabel.provenance import Provenance
    from kilabel.relabel.image import RelabelTask, relabel_image
    from kilabel.relabel.pdf import PdfRelabelTask, relabel_pdf

    identity = keys.ensure(settings.load().keys_path, "Fuzz")[0]
    preset = presets.get("ki-generiert")
    prov = Provenance(
        source_type="trainedAlgorithmicMedia",
        ai_system="Midjourney",
        ai_version="7",
        prompt='Rathaus bei Nacht, "Plakat" <A1> & Grüße 🌙',
        creator="Agentur X",
    )
    long_prov = dataclasses.replace(prov, prompt="Straßenbahn im Regen, Fotostil. " * 2100)
    src, out, rel = tmp / "src", tmp / "out", tmp / "relabelled"
    src.mkdir()
    img = photo((128, 96), 3)
    img.save(src / "a.jpg", quality=88)
    img.save(src / "long.jpg", quality=88)
    img.save(src / "side.jpg", quality=88)
    img.convert("RGBA").save(src / "b.png")
    img.save(src / "c.tif", compression="tiff_lzw")
    img.save(src / "d.webp", quality=80)
    pdf_profile = tmp / "fuzz-pdf.toml"
    pdf_profile.write_text(
        'id = "fuzz-pdf"\nname_pattern = "{stem}-print{ext}"\nformat = "pdf"\nwidth_mm = 50.0\n'
        'height_mm = 37.5\ndpi = 72.0\nbleed_mm = 3.0\nsafety_mm = 4.0\ncolor = "cmyk"\n',
        encoding="utf-8",
    )
    same = profiles.SAME_AS_INPUT

    def export(name, p=prov, profile=same, **kw) -> Path:
        res = export_one(ExportTask(str(src / name), str(out), preset, profile, p, **kw), identity)
        if not res.ok:
            raise SystemExit(f"cannot make the seed {name}: {res.error}")
        return Path(res.output)

    made = {
        "jpeg": [export("a.jpg"), export("long.jpg", long_prov)],
        "png": [export("b.png")],
        "tiff": [export("c.tif")],
        "webp": [export("d.webp")],
        "pdf": [export("a.jpg", profile=profiles.load_profile(pdf_profile))],
    }
    ai = Provenance(source_type="trainedAlgorithmicMedia")
    for fmt in ("jpeg", "png", "tiff", "webp", "pdf"):
        first = made[fmt][0]
        if fmt == "pdf":
            res = relabel_pdf(PdfRelabelTask(str(first), str(rel), preset, ai, all_images=True), identity)
        else:
            res = relabel_image(RelabelTask(str(first), str(rel), preset, ai), identity)
        if not res.ok:
            raise SystemExit(f"cannot relabel the seed {first.name}: {res.error}")
        made[fmt].append(Path(res.output))
    side = export("side.jpg", sidecar=True)
    seeds = {fmt: [p.read_bytes() for p in paths] for fmt, paths in made.items()}
    seeds["sidecar"] = [side.with_suffix(".c2pa").read_bytes()]
    return seeds, {"sidecar": side.read_bytes()}


# ---------------------------------------------------------------------------------------------
# The worker: runs the readers on one file at a time, in its own process


def _limit_memory(mb: int) -> None:
    import resource

    if mb > 0:
        resource.setrlimit(resource.RLIMIT_AS, (mb << 20, mb << 20))


def _internal(error: str) -> str:
    """The Python-internal exception type an error message names, if any."""
    for m in re.finditer(r"\b([A-Z][A-Za-z]*(?:Error|Exception)|StopIteration)\b", error or ""):
        if m.group(1) in INTERNAL or m.group(1) == "MemoryError":
            return m.group(1)
    return ""


class Readers:
    """The three readers, as kilabel's own callers use them."""

    def __init__(self, work: Path):
        import warnings

        warnings.simplefilter("ignore")
        from kilabel import keys, presets, settings
        from kilabel.check.rows import CheckOptions
        from kilabel.pipeline import c2pa_sign
        from kilabel.provenance import Provenance

        self.work = work
        self.identity = keys.ensure(settings.load().keys_path, "Fuzz")[0]
        self.signer = c2pa_sign.make_signer(self.identity)
        self.preset = presets.get("ki-generiert")
        self.opts = CheckOptions(ocr="off")
        self.ai = Provenance(source_type="trainedAlgorithmicMedia")

    def run(self, reader: str, path: Path) -> tuple[str, str]:
        """(the error the reader returned, '' if none; what it found: a state, a verdict)."""
        if reader == "verify":
            from kilabel.pipeline.verify import verify

            target = path.with_suffix(".c2pa") if path.with_suffix(".c2pa").is_file() else path
            rep = verify(target)
            return rep.error, rep.state
        if reader == "check":
            from kilabel.check.folder import check_file

            row = check_file(path, self.opts)
            if not row.verdict_code:
                raise AssertionError(f"check returned a row without a verdict: {row}")
            return row.error, row.verdict_code
        out = self.work / "relabel-out"
        try:
            if path.suffix == ".pdf":
                from kilabel.relabel.pdf import PdfRelabelTask, relabel_pdf

                task = PdfRelabelTask(str(path), str(out), self.preset, self.ai, all_images=True)
                res = relabel_pdf(task, self.identity, self.signer)
            else:
                from kilabel.relabel.image import RelabelTask, relabel_image

                res = relabel_image(
                    RelabelTask(str(path), str(out), self.preset, self.ai), self.identity, self.signer
                )
            return res.error, "error" if res.error else "relabelled"
        finally:
            shutil.rmtree(out, ignore_errors=True)


def worker(conn, work: str, memory_mb: int) -> None:
    os.setpgrp()  # pdftotext and any other child go with the worker when it is killed
    os.environ["KILABEL_HOME"] = str(Path(work) / "home")
    log = os.open(str(Path(work) / "worker-stderr.log"), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    os.dup2(log, 2)
    readers = Readers(Path(work))
    _limit_memory(memory_mb)
    conn.send(("ready",))
    while True:
        msg = conn.recv()
        if msg is None:
            return
        path, which = Path(msg[0]), msg[1]
        for reader in which:
            conn.send(("start", reader))
            t0 = time.perf_counter()
            found = ""
            try:
                error, found = readers.run(reader, path)
                status, detail = ("memory" if _internal(error) == "MemoryError" else "ok"), error or ""
            except MemoryError:
                status, detail = "memory", traceback.format_exc()
            except BaseException as exc:  # anything escaping is what we look for
                status, detail = "exception", traceback.format_exc()
                if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                    detail += "\n(escaped as " + type(exc).__name__ + ")"
            conn.send(("done", reader, status, detail, time.perf_counter() - t0, found))
        conn.send(("end",))


class Pool:
    """One worker process, restarted after it dies or hangs."""

    def __init__(self, work: Path, memory_mb: int):
        import multiprocessing

        self.ctx = multiprocessing.get_context("spawn")  # DESIGN.md: workers are spawned
        self.work, self.memory_mb = work, memory_mb
        self.proc = self.conn = None
        self.restarts = 0

    def start(self) -> None:
        parent, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=worker, args=(child, str(self.work), self.memory_mb), daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent
        if not self.conn.poll(120):
            raise SystemExit("the worker did not start")
        self.conn.recv()

    def kill(self) -> None:
        if self.proc is not None and self.proc.pid:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)  # the worker's own group (os.setpgrp)
            except (ProcessLookupError, PermissionError):
                pass
            self.proc.join(10)
        self.proc = self.conn = None
        self.restarts += 1

    def stop(self) -> None:
        if self.conn is not None:
            try:
                self.conn.send(None)
                self.proc.join(10)
            except (BrokenPipeError, OSError):
                pass
        if self.proc is not None and self.proc.is_alive():
            self.kill()
            self.restarts -= 1  # not a restart: the end
        self.proc = self.conn = None

    def run(self, path: Path, readers: list[str], timeout: float) -> list[tuple]:
        """[(reader, status, detail, seconds, found)]; status ok | exception | memory | hang | signal."""
        if self.proc is None:
            self.start()
        self.conn.send((str(path), readers))
        out, current, started = [], None, time.perf_counter()
        while True:
            try:
                ready = self.conn.poll(
                    timeout if current is None else max(0.0, started + timeout - time.perf_counter())
                )
                msg = self.conn.recv() if ready else None
            except (EOFError, OSError):
                msg, ready = None, True
            if msg is None:
                if ready:  # the pipe closed: the worker died
                    self.proc.join(5)
                    code = self.proc.exitcode
                    name = signal.Signals(-code).name if code is not None and code < 0 else f"exit {code}"
                    out.append((current or "?", "signal", name, time.perf_counter() - started, ""))
                else:
                    out.append((current or "?", "hang", f"{timeout:g}s", time.perf_counter() - started, ""))
                self.kill()
                return out
            if msg[0] == "start":
                current, started = msg[1], time.perf_counter()
            elif msg[0] == "done":
                out.append(msg[1:])
                current = None
            elif msg[0] == "end":
                return out


# ---------------------------------------------------------------------------------------------
# The run


def signature(reader: str, status: str, detail: str, fmt: str) -> tuple[str, str]:
    """(a distinct crash's key, a short word for the file name)."""
    if status == "exception":
        lines = [ln for ln in detail.strip().splitlines() if ln.strip()]
        last = lines[-1] if lines else "?"
        exc = last.split(":", 1)[0].split(".")[-1].strip() or "Exception"
        frames = re.findall(r'File "([^"]+)", line (\d+)', detail)
        where = f"{Path(frames[-1][0]).name}:{frames[-1][1]}" if frames else "?"
        return f"{reader} {exc} at {where}", exc
    if status == "memory":
        return f"{reader} MemoryError ({fmt})", "MemoryError"
    return f"{reader} {status} {detail} ({fmt})", re.sub(r"[^A-Za-z0-9]+", "", detail) or status


def save_case(folder: Path, data: bytes, extra: dict[str, bytes], name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    for suffix, blob in extra.items():
        path.with_suffix(suffix).write_bytes(blob)
    return path


def write_input(inbox: Path, ext: str, data: bytes, extra: dict[str, bytes]) -> Path:
    """The input as the readers see it: inbox/fuzz.EXT (and its sidecar), nothing else there."""
    shutil.rmtree(inbox, ignore_errors=True)
    inbox.mkdir()
    path = inbox / f"fuzz{ext}"
    path.write_bytes(data)
    for suffix, blob in extra.items():
        path.with_suffix(suffix).write_bytes(blob)
    return path


def minimize(pool, inbox, ext, data, extra, reader, same, timeout, seconds=20.0):
    """A smaller input that still fails the same way, in at most `seconds` of runs of the one reader:
    first whole pieces (chunks, segments, boxes, PDF objects) are left out, their containers'
    lengths adjusted, then ever smaller runs of bytes. PNG CRCs are recomputed after each cut. The
    sidecar case shrinks the manifest, not the image."""
    side = ".c2pa" in extra
    blob = extra[".c2pa"] if side else data
    stop = time.perf_counter() + seconds
    is_png = blob[:8] == b"\x89PNG\r\n\x1a\n"

    def fails(candidate: bytearray) -> bool:
        if is_png:
            Mutator.fix_png_crcs(candidate)
        candidate = bytes(candidate)
        files = ({**extra, ".c2pa": candidate}, data) if side else (extra, candidate)
        path = write_input(inbox, ext, files[1], files[0])
        return any(r[0] == reader and same(r) for r in pool.run(path, [reader], timeout))

    shrunk = True
    while shrunk and time.perf_counter() < stop:
        shrunk = False
        spans = sorted(structure(blob, "sidecar" if side else "").spans, key=lambda s: s.start - s.end)
        for span in spans:
            if time.perf_counter() > stop:
                break
            candidate = bytearray(blob)
            del candidate[span.start : span.end]
            _bump_lens(candidate, span.lens, span.start - span.end)
            if candidate and fails(candidate):
                blob, shrunk = bytes(candidate), True
                break  # the offsets moved: parse again
    chunk = len(blob) // 2
    while chunk >= 1 and time.perf_counter() < stop:
        i, shrunk = 0, False
        while i < len(blob) and time.perf_counter() < stop:
            candidate = bytearray(blob[:i] + blob[i + chunk :])
            if candidate and fails(candidate):
                blob, shrunk = bytes(candidate), True
            else:
                i += chunk
        if not shrunk:
            chunk //= 2
    return (data, {**extra, ".c2pa": blob}) if side else (blob, extra)


class Campaign:
    """One fuzzing run: the tallies, and what is kept of each failure."""

    def __init__(self, args, pool: Pool, inbox: Path):
        self.args, self.pool, self.inbox = args, pool, inbox
        self.tried: Counter = Counter()  # format -> inputs
        self.per_reader: dict[str, Counter] = defaultdict(Counter)  # reader -> format -> inputs
        self.outcomes: dict[str, Counter] = defaultdict(Counter)  # reader -> state / verdict -> inputs
        self.crashes: dict[str, dict] = {}  # distinct crash -> count, kept files, traceback
        self.contained: Counter = Counter()
        self.internal: dict[str, dict] = {}  # contained error naming a Python-internal type
        self.ops: Counter = Counter()
        self.slow: list[tuple[float, str, str, int]] = []
        self.swapped = 0
        self.panics: Counter = Counter()
        self.elapsed = 0.0
        self.minimizing = 0.0  # seconds spent making kept inputs smaller (not counted in the rate)

    def record(self, n, fmt, ext, ops, data, extra, results) -> None:
        for reader, status, detail, seconds, found in results:
            self.per_reader[reader][fmt] += 1
            self.outcomes[reader][found or status] += 1
            if self.args.verbose:
                print(f"#{n} {fmt}{ext} [{'+'.join(ops)}] {reader}: {found or status} {detail[:200]!r}")
            if seconds > 2:
                self.slow.append((seconds, reader, fmt, n))
            if status == "ok":
                if detail:
                    self.contained[reader] += 1
                    if _internal(detail):
                        self.contained[f"{reader} internal"] += 1
                        self.on_internal(n, reader, fmt, ext, data, extra, detail)
                continue
            key, word = signature(reader, status, detail, fmt)
            entry = self.crashes.setdefault(key, {"count": 0, "files": [], "detail": detail, "first": n})
            entry["count"] += 1
            if len(entry["files"]) < self.args.keep:

                def same(res, key=key):
                    return res[1] not in ("ok", "hang") and signature(res[0], res[1], res[2], fmt)[0] == key

                shrink = same if status != "hang" else None  # a hang costs the full timeout per try
                entry["files"].append(self.keep(reader, status, word, fmt, ext, data, extra, shrink))
            last = detail.strip().splitlines()[-1:]
            print(f"#{n} {fmt} [{'+'.join(ops)}]: {reader} {status}: {last}", file=sys.stderr)

    def on_internal(self, n, reader, fmt, ext, data, extra, detail) -> None:
        message = _clean(detail)
        entry = self.internal.setdefault(message, {"count": 0, "files": [], "first": f"#{n} {fmt}"})
        entry["count"] += 1
        if len(entry["files"]) < self.args.keep and entry.get("last") != n:
            entry["last"] = n  # once per input (verify and check share the error)

            def same(res, message=message):
                return _clean(res[2]) == message

            kind = _internal(detail)
            entry["files"].append(self.keep(reader, "internal", kind, fmt, ext, data, extra, same))

    def keep(self, reader, status, word, fmt, ext, data, extra, same) -> str:
        """Save a failing input (made smaller first when `same` can tell the failure again)."""
        if same is not None and not self.args.no_minimize:
            t0 = time.perf_counter()
            timeout = min(self.args.timeout, 5.0)
            data, extra = minimize(self.pool, self.inbox, ext, data, extra, reader, same, timeout, 10.0)
            self.minimizing += time.perf_counter() - t0
        digest = hashlib.sha256(data + extra.get(".c2pa", b"")).hexdigest()[:8]
        name = f"{reader}-{status}-{word}-{fmt}-{digest}{ext}"
        return save_case(self.args.cases, data, extra, name).name

    def report(self) -> None:
        args, total = self.args, sum(self.tried.values())
        formats = list(self.tried)
        print(f"\nfuzz_readers: seed {args.seed}, inputs {args.start}..{args.start + total - 1}")
        fuzzing = self.elapsed - self.minimizing
        rate = total / max(fuzzing, 1e-9)
        extra = f" plus {self.minimizing:.0f} s making kept inputs smaller" if self.minimizing >= 1 else ""
        print(f"inputs tried: {total} in {fuzzing:.0f} s ({rate:.1f} inputs/s, 1 worker process){extra}")
        print(f"{'reader':<10}" + "".join(f"{f:>9}" for f in formats) + f"{'total':>9}")
        for reader in READERS:
            row = self.per_reader.get(reader, Counter())
            print(f"{reader:<10}" + "".join(f"{row[f]:>9}" for f in formats) + f"{sum(row.values()):>9}")
        kinds = Counter()
        for key, entry in self.crashes.items():
            kinds[key.split()[1]] += entry["count"]
        escaped = sum(v for k, v in kinds.items() if k not in ("hang", "signal", "MemoryError"))
        print(
            f"crashes: {sum(kinds.values())} ({len(self.crashes)} distinct): exceptions escaping {escaped}, "
            f"hangs (> {args.timeout:g} s) {kinds['hang']}, native crashes {kinds['signal']}, "
            f"memory blow-ups (> {args.memory_mb} MB) {kinds['MemoryError']}; worker restarts {self.pool.restarts}"
        )
        for key, entry in sorted(self.crashes.items(), key=lambda kv: -kv[1]["count"]):
            print(f"\n  {key}: {entry['count']}x, first at input #{entry['first']}")
            print(f"  kept: {', '.join(entry['files'])}")
            print("    " + entry["detail"].strip().replace("\n", "\n    "))
        contained = ", ".join(f"{k} {v}" for k, v in sorted(self.contained.items()))
        print(f"\nerrors the readers contained (a state or row saying why, as promised): {contained}")
        if self.internal:
            print("of which name a Python-internal type (a bug behind a catch-all? not counted as crashes):")
            for message, entry in sorted(self.internal.items(), key=lambda kv: -kv[1]["count"]):
                print(f"  {entry['count']} reader runs, first {entry['first']}: {message}")
                print(f"    kept: {', '.join(entry['files'])}")
        if self.panics:
            print("Rust panics in the C2PA SDK (caught; the file's state says the SDK failed):")
            for where, count in self.panics.most_common():
                print(f"  {count}x at {where}")
        if self.slow:
            slowest = sorted(self.slow)[-10:]
            print("slowest (> 2 s): " + ", ".join(f"#{n} {fmt} {rd} {s:.1f} s" for s, rd, fmt, n in slowest))
        for reader in READERS:
            if self.outcomes.get(reader):
                said = ", ".join(f"{k} {v}" for k, v in self.outcomes[reader].most_common())
                print(f"{reader} said: {said}")
        print(f"files under another format's extension: {self.swapped}")
        print("mutations applied: " + ", ".join(f"{k} {v}" for k, v in self.ops.most_common()))


def _clean(detail: str) -> str:
    """An error message without the input's path, to tell distinct errors apart."""
    return re.sub(r"\S*fuzz\.\w+:? ?", "", detail)[:200]


def fuzz(args) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="kilabel-fuzz-"))
    os.environ["KILABEL_HOME"] = str(tmp / "home")
    pool = Pool(tmp, args.memory_mb)
    try:
        t0 = time.perf_counter()
        seeds, assets = make_seeds(tmp)
        sizes = ", ".join(f"{f} {'/'.join(str(len(b) // 1024) for b in bs)} KB" for f, bs in seeds.items())
        print(f"seeds made in {time.perf_counter() - t0:.1f} s: {sizes}", file=sys.stderr)
        mutator = Mutator(seeds)
        formats = list(seeds)
        run = Campaign(args, pool, tmp / "in")
        t_start = last_report = time.perf_counter()
        deadline = t_start + args.max_minutes * 60 if args.max_minutes else float("inf")
        try:
            for n in range(args.start, args.start + args.count):
                r = Random(f"{args.seed}-{n}")
                fmt = formats[n % len(formats)]
                data, ops = mutator.mutate(r, fmt, r.choice(seeds[fmt]))
                run.ops.update(ops)
                ext = EXT[fmt]
                if r.random() < 0.03:  # a file under another format's extension
                    ext = r.choice(sorted({e for e in EXT.values() if e != ext}))
                    run.swapped += 1
                extra: dict[str, bytes] = {}
                if fmt == "sidecar":  # the mutated bytes are the manifest; the asset stays as exported
                    data, extra = assets["sidecar"], {".c2pa": data}
                path = write_input(run.inbox, ext, data, extra)
                relabel = (n // len(formats)) % args.relabel_every == 0  # every N-th input of each format
                run.tried[fmt] += 1
                results = pool.run(path, ["verify", "check"] + (["relabel"] if relabel else []), args.timeout)
                run.record(n, fmt, ext, ops, data, extra, results)
                now = time.perf_counter()
                if now - last_report > 30:
                    last_report, done = now, n - args.start + 1
                    crashes = sum(c["count"] for c in run.crashes.values())
                    print(
                        f"  {done} inputs, {crashes} crashes, {done / (now - t_start):.1f}/s", file=sys.stderr
                    )
                if now > deadline:
                    print(f"stopped after {args.max_minutes:g} minutes (--max-minutes)", file=sys.stderr)
                    break
        except KeyboardInterrupt:
            print("interrupted: the figures so far", file=sys.stderr)
        run.elapsed = time.perf_counter() - t_start
        pool.stop()
        log = tmp / "worker-stderr.log"
        text = log.read_text(errors="replace") if log.exists() else ""
        run.panics.update(m.group(1) for m in re.finditer(r"panicked at ([^\n]+)", text))
        run.report()
        return 1 if run.crashes else 0
    finally:
        pool.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def replay(paths: list[str], timeout: float, memory_mb: int) -> int:
    """Run the three readers on saved inputs in a worker; exit 1 if anything crashed."""
    tmp = Path(tempfile.mkdtemp(prefix="kilabel-fuzz-replay-"))
    os.environ["KILABEL_HOME"] = str(tmp / "home")
    bad = 0
    try:
        pool = Pool(tmp, memory_mb)
        for p in map(Path, paths):
            inbox = tmp / "in"
            shutil.rmtree(inbox, ignore_errors=True)
            inbox.mkdir()
            target = inbox / f"fuzz{p.suffix}"
            shutil.copyfile(p, target)
            if p.with_suffix(".c2pa").is_file() and p.suffix != ".c2pa":
                shutil.copyfile(p.with_suffix(".c2pa"), target.with_suffix(".c2pa"))
            for reader, status, detail, seconds, found in pool.run(target, list(READERS), timeout):
                if status != "ok":
                    bad += 1
                what = f"{found}: {detail}" if status == "ok" and detail else (found or detail)
                if status == "ok" and _internal(detail):
                    status = "ok, but the error names a Python-internal type"
                print(f"{p.name}: {reader}: {status} ({seconds:.2f} s): {what}")
        pool.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=100_000, help="inputs to try (default 100000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-minutes", type=float, default=0, help="stop after this long and report")
    ap.add_argument("--start", type=int, default=0, help="index of the first input (to continue a run)")
    ap.add_argument("--relabel-every", type=int, default=20, help="run relabel on every N-th input")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per reader before it is a hang")
    ap.add_argument("--memory-mb", type=int, default=3072, help="the worker's address-space limit")
    ap.add_argument("--keep", type=int, default=2, help="inputs kept per distinct crash")
    ap.add_argument("--cases", type=Path, default=CASES, help="where crashing inputs are saved")
    ap.add_argument("--no-minimize", action="store_true", help="keep crashing inputs as found")
    ap.add_argument("--verbose", action="store_true", help="one line per reader and input")
    ap.add_argument("--replay", nargs="+", metavar="FILE", help="run the readers on these files only")
    args = ap.parse_args()
    if args.replay:
        return replay(args.replay, args.timeout, args.memory_mb)
    return fuzz(args)


if __name__ == "__main__":
    sys.exit(main())
