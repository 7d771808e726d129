"""Long prompts and an independent JPEG segment walker, shared by the export and relabel tests of
extended XMP (tests/test_long_prompts_dpi.py, tests/test_relabel_long_prompt.py)."""

from __future__ import annotations

import struct

UNIT = "Ein \"Plakat\" <mit> & Umlauten äöüß ÄÖÜ\nzweite Zeile\r\nEmoji 🚋😀 'Ende' "
STD_SIG = b"http://ns.adobe.com/xap/1.0/\0"
EXT_SIG = b"http://ns.adobe.com/xmp/extension/\0"


def long_prompt(n: int) -> str:
    """Exactly n characters (code points), the nasty unit repeated, numbered so no window repeats."""
    parts, i = [], 0
    while sum(map(len, parts)) < n:
        parts.append(f"[{i}] {UNIT}")
        i += 1
    return "".join(parts)[:n]


def app1_segments(data: bytes) -> list[bytes]:
    """Payloads of the APP1 segments before the image data, in file order (an independent walker)."""
    out, pos = [], 2
    assert data[:2] == b"\xff\xd8"
    while pos < len(data):
        assert data[pos] == 0xFF, f"no marker at {pos}"
        marker = data[pos + 1]
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if marker == 0xE1:
            out.append(data[pos + 4 : pos + 2 + length])
        if marker == 0xDA:
            break
        pos += 2 + length
    return out
