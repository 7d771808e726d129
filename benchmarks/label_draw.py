"""Label drawing on a large image, per preset: min and median of several runs, and the earlier
drawing (kept in tests/test_label_speed_equivalence.py) measured in the same process for the ratio.

    python benchmarks/label_draw.py [--mp 100] [--runs 5]

Target (issue 18): <= 15 ms on 100 MP whatever the preset (automatic colours, box, vertical,
watermark "once"); the tiled watermark is reported separately. The watermark's finished mark is
kept between calls (a batch of same-sized pictures draws it once): "first" is the first call.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_label_speed_equivalence import _draw_old  # noqa: E402

from kilabel import presets  # noqa: E402
from kilabel.pipeline import label_render  # noqa: E402

PRESETS = [
    "ki-generiert",
    "ki-generiert-vertikal",
    "mit-ki-erstellt",
    "credit-line",
    "eu-symbol",
    "eu-symbol-text",
]


class _Patch:
    """monkeypatch.context() stand-in for _draw_old outside pytest."""

    def context(self):
        return self

    def __enter__(self):
        self.saved = []
        return self

    def setattr(self, obj, name, value):
        self.saved.append((obj, name, getattr(obj, name)))
        setattr(obj, name, value)

    def __exit__(self, *exc):
        for obj, name, value in reversed(self.saved):
            setattr(obj, name, value)


def _watermark(mode: str):
    wm = presets.get("wasserzeichen")
    return dataclasses.replace(wm, watermark=dataclasses.replace(wm.watermark, mode=mode))


def _times(draw, img, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        draw(img)
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mp", type=float, default=100)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--no-old", action="store_true", help="skip the earlier drawing (slow on the tiled watermark)"
    )
    args = ap.parse_args()
    w = round((args.mp * 1e6 * 1.5) ** 0.5)
    img = Image.effect_noise((w, round(w / 1.5)), 40).convert("RGB")
    print(f"{img.width}×{img.height} ({img.width * img.height / 1e6:.0f} MP) RGB, {args.runs} runs, ms")
    print(f"{'preset':<26} {'min':>8} {'median':>8} {'first':>8} {'old min':>9} {'old/new':>8}")
    items = [(p, presets.get(p)) for p in PRESETS]
    items += [("watermark once", _watermark("once")), ("watermark tiled", _watermark("tiled"))]
    for name, preset in items:
        label_render._mark.cache_clear()
        new = _times(lambda im, p=preset: label_render.apply(im, p, "KI-generiert"), img, args.runs)
        old = (
            []
            if args.no_old
            else _times(lambda im, p=preset: _draw_old(im, p, "KI-generiert", _Patch()), img, 2)
        )
        ratio = f"{min(old) / min(new):8.1f}" if old else f"{'-':>8}"
        old_min = f"{min(old) * 1000:9.1f}" if old else f"{'-':>9}"
        print(
            f"{name:<26} {min(new) * 1000:8.1f} {statistics.median(new) * 1000:8.1f} "
            f"{new[0] * 1000:8.1f} {old_min} {ratio}",
            flush=True,
        )


if __name__ == "__main__":
    main()
