"""Start-up times: `kilabel --help` and the window's first show, against a bare Python start.

    QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [--runs 7]

Each figure is the median wall time of whole processes (interpreter start to exit). The window is
started with KILABEL_EXIT_AFTER_SHOW=1, which quits in the first event-loop turn after show().
Targets (issue 5): --help under 0.5 s, first window under 2 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def median_time(cmd: list[str], env: dict, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    env = dict(os.environ, KILABEL_HOME=tempfile.mkdtemp(prefix="kilabel-start-"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    py = sys.executable
    bare = median_time([py, "-c", "pass"], env, args.runs)
    helped = median_time([py, "-m", "kilabel", "--help"], env, args.runs)
    window = median_time([py, "-m", "kilabel.gui.app"], dict(env, KILABEL_EXIT_AFTER_SHOW="1"), args.runs)
    print(f"python -c pass            {bare * 1000:7.0f} ms (baseline)")
    print(
        f"kilabel --help            {helped * 1000:7.0f} ms  = {helped / bare:4.1f}x baseline  (target < 500 ms)"
    )
    print(
        f"kilabel-gui first window  {window * 1000:7.0f} ms  = {window / bare:4.1f}x baseline  (target < 2000 ms)"
    )


if __name__ == "__main__":
    main()
