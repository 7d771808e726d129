"""How often text recognition finds a kilabel label in the pixels, and how often it "finds" one
where there is none (issue 7's visible-label check).

    python benchmarks/ocr_detection.py

Labelled: 4 presets × 5 positions × 2 orientations × 2 seeds on photo-like test images, plus the
shipped samples with each preset at bottom-right and the vertical one at bottom-centre.
Unlabelled: the same photos and samples without a label. Prints found/total per preset and
position, false hits, and seconds per image for labelled and unlabelled ones (the baseline is the
time of a labelled image, found in the first pass; an unlabelled one costs every pass).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from conftest import photo
from PIL import Image

from kilabel import paths, presets
from kilabel.check import ocr
from kilabel.pipeline import label_render

PRESETS = ("ki-generiert", "ki-montage", "mit-ki-erstellt", "ki-generiert-vertikal")
POSITIONS = ("bottom-right", "top-left", "bottom-center", "top-center", "middle-left")


def main() -> int:
    st = ocr.status()
    if not st.available:
        print(f"text recognition is missing: {st.why}")
        return 1
    photos = [photo(size, seed) for size in ((1200, 800), (800, 1200)) for seed in (1, 2)]
    samples = [Image.open(p).convert("RGB") for p in sorted(paths.asset("samples").glob("motiv-*"))]
    cases = [(pid, pos, img) for pid in PRESETS for pos in POSITIONS for img in photos]
    cases += [(pid, "bottom-right", img) for pid in PRESETS[:3] for img in samples]
    cases += [("ki-generiert-vertikal", "bottom-center", img) for img in samples]
    found, total, misses = Counter(), Counter(), []
    t_lab = 0.0
    for pid, pos, img in cases:
        preset = presets.get(pid).with_placement(position=pos)
        out = img.copy()
        label_render.apply(out, preset, preset.wording("de"))
        t = time.perf_counter()
        hit = ocr.find_label(out).found
        t_lab += time.perf_counter() - t
        total[(pid, pos)] += 1
        found[(pid, pos)] += hit
        if not hit:
            misses.append(f"{pid} at {pos}, {img.width}×{img.height}")
    t = time.perf_counter()
    false_hits = [i for i, img in enumerate(photos + samples) if ocr.find_label(img).found]
    t_plain = (time.perf_counter() - t) / len(photos + samples)
    for key in sorted(total):
        print(f"{key[0]:<24} {key[1]:<14} {found[key]}/{total[key]}")
    n_found, n_total = sum(found.values()), sum(total.values())
    print(f"\nlabels found: {n_found}/{n_total}; false hits: {len(false_hits)}/{len(photos + samples)}")
    for m in misses:
        print(f"  missed: {m}")
    per_labelled = t_lab / n_total
    print(
        f"seconds per image: labelled {per_labelled:.2f}, unlabelled {t_plain:.2f} "
        f"(ratio {t_plain / per_labelled:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
