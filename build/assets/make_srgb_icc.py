"""Write assets/icc/sRGB.icc: littleCMS's built-in sRGB profile (public domain).

    /work/venv/bin/python build/assets/make_srgb_icc.py

The bytes come from Pillow:
ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes().
littleCMS stamps the current time into the header's creation date
(bytes 24..35); it is set to a fixed date so that the file is reproducible.
The profile ID (bytes 84..99) is left as lcms writes it (all zero).
"""

from __future__ import annotations

import struct
from pathlib import Path

from PIL import ImageCms

FIXED_DATE = (2024, 1, 1, 0, 0, 0)
OUT = Path(__file__).resolve().parents[2] / "assets" / "icc" / "sRGB.icc"


def srgb_icc_bytes() -> bytes:
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    assert data[36:40] == b"acsp"
    data[24:36] = struct.pack(">6H", *FIXED_DATE)
    return bytes(data)


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(srgb_icc_bytes())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
