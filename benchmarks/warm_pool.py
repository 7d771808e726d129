"""What the window gains by keeping its export workers warm (engine.KeptPool, issue 18.4).

    python benchmarks/warm_pool.py [--count 8] [--mp 12] [--repeat 3] [--workdir /tmp/kilabel-bench]

cold: run_batch starts its own workers (they import and make their signer) and ends them, as a
      window without kept workers would on every export.
warm: the workers of a KeptPool started earlier (the window starts them once images are open),
      already imported and with their signer.
floor: the same files only decoded and re-encoded by Pillow, one after another (batch_speed's floor).
All run in this process, interleaved, with the default jobs (one worker per core). Prints the
time to the first result and to the whole batch (min and median), warm / cold and each / floor
(issue 18.1: <= 0.7).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _images import make_set
from batch_speed import QUALITY, floor

from kilabel import keys, presets, profiles
from kilabel.export import engine
from kilabel.export.task import ExportTask
from kilabel.provenance import Provenance

PROV = Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney", prompt="Straßenbahn")


def one_batch(inputs: list[Path], out: Path, identity, pool) -> tuple[float, float]:
    """(seconds to the first result, seconds to the last) of one batch."""
    shutil.rmtree(out, ignore_errors=True)
    tasks = [
        ExportTask(str(p), str(out), presets.get("ki-generiert"), profiles.SAME_AS_INPUT, PROV)
        for p in inputs
    ]
    first: list[float] = []
    t = time.perf_counter()
    results, _ = engine.run_batch(
        tasks, identity, pool=pool, on_result=lambda res: first.append(time.perf_counter() - t)
    )
    whole = time.perf_counter() - t
    if not all(r.ok for r in results):
        sys.exit("\n".join(r.error for r in results if not r.ok))
    return first[0], whole


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=8)
    ap.add_argument("--mp", type=float, default=12.0, help="megapixels per image (3:2)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "kilabel-bench")
    args = ap.parse_args()
    w = round((args.mp * 1e6 * 1.5) ** 0.5)
    size = (w, round(w / 1.5))
    inputs = make_set(args.workdir / f"in-{args.count}x{size[0]}x{size[1]}", args.count, size, QUALITY)
    identity = keys.ensure(Path(tempfile.mkdtemp(prefix="kilabel-warm-keys-")), "Bench")[0]
    kept = engine.KeptPool()
    kept.warm(0, identity)
    with kept.use(0, identity) as pool:
        pool.wait_ready(60)
    cold: list[tuple[float, float]] = []
    warm: list[tuple[float, float]] = []
    floors: list[float] = []
    try:
        for _ in range(args.repeat):  # interleaved
            floors.append(floor(inputs, args.workdir / "out-floor"))
            cold.append(one_batch(inputs, args.workdir / "out-cold", identity, None))
            with kept.use(0, identity) as pool:
                warm.append(one_batch(inputs, args.workdir / "out-warm", identity, pool))
    finally:
        kept.close()
    print(f"{args.count} × {size[0]}×{size[1]} JPEG, {engine.default_jobs()} jobs, {args.repeat} runs")
    for name, runs in (("cold", cold), ("warm", warm)):
        firsts, wholes = [r[0] for r in runs], [r[1] for r in runs]
        print(
            f"  {name}: first result min {min(firsts):.3f} s median {statistics.median(firsts):.3f} s;"
            f" batch min {min(wholes):.3f} s median {statistics.median(wholes):.3f} s"
        )
    print(f"  floor: min {min(floors):.3f} s median {statistics.median(floors):.3f} s")
    best_floor = min(floors)
    print(
        f"  cold / floor {min(r[1] for r in cold) / best_floor:.2f}, warm / floor {min(r[1] for r in warm) / best_floor:.2f}"
    )
    print(
        f"  warm / cold: first result {min(r[0] for r in warm) / min(r[0] for r in cold):.2f},"
        f" batch {min(r[1] for r in warm) / min(r[1] for r in cold):.2f}"
    )


if __name__ == "__main__":
    main()
