"""Preview lag: milliseconds per label change on a 100 MP image's preview, against a baseline of a
plain copy of the preview. The window does exactly this in its background renderer (the cached,
reduced base image; only the label is redrawn on a copy), plus turning the result into a QImage.
No asserts on time (DESIGN.md: timings are measured and reported, not tested).

    /work/venv/bin/python benchmarks/preview_lag.py [--megapixels 100] [--rounds 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image


def make_big_jpeg(path: Path, megapixels: float) -> tuple[int, int]:
    w = int((megapixels * 1e6 * 3 / 2) ** 0.5)
    h = int(w * 2 / 3)
    small = Image.effect_noise((w // 16, h // 16), 60).convert("RGB")
    grad = Image.linear_gradient("L").resize(small.size)
    small = Image.merge("RGB", (grad, small.getchannel(0), grad.transpose(Image.Transpose.FLIP_TOP_BOTTOM)))
    small.resize((w, h), Image.Resampling.BILINEAR).save(path, quality=85)
    return w, h


def ms(fn, rounds: int) -> list[float]:
    out = []
    for i in range(rounds):
        t0 = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megapixels", type=float, default=100.0)
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()

    from kilabel import presets
    from kilabel.gui import render
    from kilabel.pipeline.image_load import load_preview
    from kilabel.presets import ANCHORS

    try:
        from PySide6.QtGui import QImage  # noqa: F401

        from kilabel.gui.pil_qt import to_qimage
    except ImportError:  # the measurement still works without Qt
        to_qimage = None

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.jpg"
        t0 = time.perf_counter()
        size = make_big_jpeg(path, args.megapixels)
        print(
            f"test image: {size[0]}×{size[1]} ({size[0] * size[1] / 1e6:.0f} MP) JPEG, "
            f"made in {time.perf_counter() - t0:.1f} s"
        )
        t0 = time.perf_counter()
        base, full = load_preview(path, render.PREVIEW_MAX)
        print(
            f"load_preview (background, once per image): {(time.perf_counter() - t0) * 1000:.0f} ms "
            f"-> {base.width}×{base.height}"
        )
    preset = presets.get("ki-generiert")
    t0 = time.perf_counter()
    fitted = render.fit(base, render.canvas_for(full, None))
    print(f"fit to canvas (once per image and profile): {(time.perf_counter() - t0) * 1000:.1f} ms")
    texts = ["KI-generiert", "KI-generiert mit Midjourney", "Bild: KI", "KI-generierte Montage"]

    def baseline(i: int) -> None:
        fitted.image.copy()

    def change(i: int) -> None:
        p = preset.with_placement(position=ANCHORS[i % 9])
        p.size.share = 0.02 + (i % 5) * 0.01
        img, _ = render.render(fitted, p, texts[i % len(texts)])
        if to_qimage:
            to_qimage(img)

    base_ms = ms(baseline, args.rounds)
    change_ms = ms(change, args.rounds)
    print(
        f"baseline, plain copy of the preview:      median {statistics.median(base_ms):6.1f} ms  "
        f"max {max(base_ms):6.1f} ms"
    )
    print(
        f"label change (copy + label + QImage):     median {statistics.median(change_ms):6.1f} ms  "
        f"max {max(change_ms):6.1f} ms   ({args.rounds} changes: anchor, size, wording)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
