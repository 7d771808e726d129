"""Add EXIF fields to a finished TIFF by appending a new first IFD (plus an Exif sub-IFD).

Pillow's libtiff writer (needed for LZW/Deflate) cannot write an Exif sub-IFD, and it writes
ASCII tags as 7-bit. TIFF allows IFDs anywhere in the file, so we copy IFD0's entries into a new
IFD at the end with our tags merged in and point the header at it; the old IFD0 becomes unused
bytes. Values stored elsewhere keep their offsets, so nothing else moves.
"""

from __future__ import annotations

import struct
from pathlib import Path

ASCII, LONG, UNDEFINED = 2, 4, 7
TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
# The unit whose bytes swap between II and MM (rationals are two LONGs; bytes and text never swap).
SWAP_UNIT = {3: 2, 8: 2, 4: 4, 9: 4, 11: 4, 13: 4, 5: 4, 10: 4, 12: 8}
EXIF_IFD_TAG = 0x8769
# Pointers to further IFDs inside the Exif IFD (Interoperability): their targets are not copied.
_POINTERS = {0xA005, 0x8825, 0x8769}

Entry = tuple[int, int, int, bytes]  # tag, type, count, the value's bytes in the file's byte order


def _swap(data: bytes, typ: int) -> bytes:
    unit = SWAP_UNIT.get(typ)
    if not unit:
        return data
    return b"".join(data[i : i + unit][::-1] for i in range(0, len(data), unit))


def read_exif_ifd(path: Path) -> tuple[str, list[Entry]]:
    """The Exif sub-IFD of a TIFF's first image, each value read whole (wherever it is stored),
    with the byte order ('<' or '>'). Pointers to further IFDs are left out. ([] when there is none.)"""
    with open(path, "rb") as f:
        head = f.read(8)
        bo = {b"II": "<", b"MM": ">"}.get(head[:2])
        if bo is None or struct.unpack(bo + "H", head[2:4])[0] != 42:
            return "<", []
        size = f.seek(0, 2)
        f.seek(struct.unpack(bo + "I", head[4:8])[0])
        (count,) = struct.unpack(bo + "H", f.read(2))
        exif_off = None
        for _ in range(count):
            tag, typ, n, raw = struct.unpack(bo + "HHI4s", f.read(12))
            if tag == EXIF_IFD_TAG:
                exif_off = struct.unpack(bo + "I", raw)[0]
        if not exif_off or exif_off + 2 > size:
            return bo, []
        f.seek(exif_off)
        (count,) = struct.unpack(bo + "H", f.read(2))
        raw_entries = [struct.unpack(bo + "HHI4s", f.read(12)) for _ in range(count)]
        out = []
        for tag, typ, n, raw in raw_entries:
            length = TYPE_SIZES.get(typ, 0) * n
            if tag in _POINTERS or not length:
                continue
            if length <= 4:
                data = raw[:length]
            else:
                off = struct.unpack(bo + "I", raw)[0]
                if off + length > size:
                    continue  # a broken entry is dropped, not copied
                f.seek(off)
                data = f.read(length)
            out.append((tag, typ, n, data))
        return bo, out


def _align(f) -> int:
    pos = f.seek(0, 2)
    if pos % 2:
        f.write(b"\0")
        pos += 1
    return pos


def add_exif(
    path: Path,
    ascii_tags: dict[int, str],
    exif_tags: dict[int, bytes],
    carried: tuple[str, list[Entry]] | None = None,
) -> None:
    """Set IFD0 ASCII tags (UTF-8 text) and Exif sub-IFD UNDEFINED tags (e.g. UserComment) in place.

    `carried` (from read_exif_ifd of another file) adds that file's Exif entries (dates, exposure,
    lens …) to the sub-IFD, converted to this file's byte order; `exif_tags` win over them."""
    with open(path, "r+b") as f:
        head = f.read(8)
        bo = {b"II": "<", b"MM": ">"}.get(head[:2])
        if bo is None or struct.unpack(bo + "H", head[2:4])[0] != 42:
            raise ValueError(f"{path}: not a classic TIFF file")
        ifd0 = struct.unpack(bo + "I", head[4:8])[0]
        f.seek(ifd0)
        (count,) = struct.unpack(bo + "H", f.read(2))
        entries: dict[int, tuple[int, int, bytes]] = {}
        for _ in range(count):
            tag, typ, n, raw = struct.unpack(bo + "HHI4s", f.read(12))
            entries[tag] = (typ, n, raw)
        (next_ifd,) = struct.unpack(bo + "I", f.read(4))
        old_exif: list[tuple[int, int, int, bytes]] = []
        if EXIF_IFD_TAG in entries:
            # Keep an existing Exif IFD's entries whose values are inline or at stable offsets.
            exif_off = struct.unpack(bo + "I", entries[EXIF_IFD_TAG][2])[0]
            f.seek(exif_off)
            (n_exif,) = struct.unpack(bo + "H", f.read(2))
            for _ in range(n_exif):
                tag, typ, n, raw = struct.unpack(bo + "HHI4s", f.read(12))
                if tag not in exif_tags:
                    old_exif.append((tag, typ, n, raw))
        new_exif = [(t, UNDEFINED, len(v), v) for t, v in exif_tags.items()]
        exif_entries = new_exif + [(t, -1, n, raw) for t, _typ, n, raw in old_exif]
        if carried:
            their_bo, theirs = carried
            taken = {e[0] for e in exif_entries}
            exif_entries += [
                (t, typ, n, data if their_bo == bo else _swap(data, typ))
                for t, typ, n, data in theirs
                if t not in taken
            ]
        # Entries copied verbatim keep their 4-byte field (inline value or offset): mark them typ -1.
        exif_offset = _write_ifd(f, bo, exif_entries, old_types={t: typ for t, typ, _, _ in old_exif})
        merged = [
            (t, -1, n, raw)
            for t, (typ, n, raw) in entries.items()
            if t not in ascii_tags and t != EXIF_IFD_TAG
        ]
        types = {t: typ for t, (typ, n, raw) in entries.items()}
        for tag, text in ascii_tags.items():
            data = text.encode("utf-8") + b"\0"
            merged.append((tag, ASCII, len(data), data))
            types[tag] = ASCII
        merged.append((EXIF_IFD_TAG, LONG, 1, struct.pack(bo + "I", exif_offset)))
        types[EXIF_IFD_TAG] = LONG
        new_ifd0 = _write_ifd(f, bo, merged, old_types=types, next_ifd=next_ifd)
        f.seek(4)
        f.write(struct.pack(bo + "I", new_ifd0))


def _write_ifd(f, bo, entries, old_types, next_ifd: int = 0) -> int:
    """Write an IFD; entries with typ -1 keep their old 4-byte field (type from old_types)."""
    resolved = []
    for tag, typ, count, data in sorted(entries, key=lambda e: e[0]):
        if typ == -1:
            resolved.append((tag, old_types[tag], count, data))
        elif len(data) > 4:
            offset = _align(f)
            f.write(data)
            resolved.append((tag, typ, count, struct.pack(bo + "I", offset)))
        else:
            resolved.append((tag, typ, count, data.ljust(4, b"\0")))
    start = _align(f)
    f.write(struct.pack(bo + "H", len(resolved)))
    for tag, typ, count, field in resolved:
        f.write(struct.pack(bo + "HHI", tag, typ, count) + field)
    f.write(struct.pack(bo + "I", next_ifd))
    return start
