"""Screenshots of the window's main states for docs/screenshots/, under Xvfb.

For each screen size an Xvfb server is started (and stopped) by this script; for each language a
child process runs the real program on it and captures the whole screen: empty window, images
with a label, export in progress, the Check view.

    /work/venv/bin/python tools/screenshots.py            # 1366x768 and 1920x1080, de and en
    /work/venv/bin/python tools/screenshots.py --sizes 1366x768 --langs de

Needs Debian's xvfb, libxcb-icccm4, libxcb-keysyms1 and libxcb-cursor0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PROMPT = (
    "Weite Hügellandschaft im Morgenlicht, Nebel in den Tälern, ein Feldweg führt zum Horizont, "
    "fotorealistisch, 35 mm"
)


def free_display() -> int:
    for n in range(99, 140):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    raise SystemExit("no free X display number")


def run_parent(sizes: list[str], langs: list[str], out: Path) -> int:
    if not shutil.which("Xvfb"):
        raise SystemExit("Xvfb not found: apt-get install xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0")
    out.mkdir(parents=True, exist_ok=True)
    failures = 0
    for size in sizes:
        n = free_display()
        xvfb = subprocess.Popen(
            ["Xvfb", f":{n}", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                if Path(f"/tmp/.X11-unix/X{n}").exists():
                    break
                time.sleep(0.05)
            for lang in langs:
                with tempfile.TemporaryDirectory(prefix="kilabel-shots-") as home:
                    env = dict(
                        os.environ,
                        DISPLAY=f":{n}",
                        QT_QPA_PLATFORM="xcb",
                        KILABEL_HOME=home,
                        LANG="de_DE.UTF-8" if lang == "de" else "en_GB.UTF-8",
                    )
                    res = subprocess.run(
                        [
                            sys.executable,
                            __file__,
                            "--child",
                            "--size",
                            size,
                            "--lang",
                            lang,
                            "--out",
                            str(out),
                        ],
                        env=env,
                        timeout=600,
                    )
                    failures += res.returncode != 0
        finally:
            xvfb.terminate()
            xvfb.wait(10)
    print(f"screenshots in {out}" + (f" ({failures} runs failed)" if failures else ""))
    return 1 if failures else 0


def run_child(size: str, lang: str, out: Path) -> int:
    import faulthandler

    faulthandler.dump_traceback_later(240, exit=False)  # where it stands if a state never comes
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from kilabel.gui import i18n
    from kilabel.gui.app import apply_style
    from kilabel.gui.mainwindow import MainWindow
    from kilabel.settings import Settings

    width, height = (int(v) for v in size.split("x"))
    app = QApplication([sys.argv[0]])
    apply_style(app)
    lang = i18n.install(app, lang)
    settings = Settings(
        jobs=1,
        organisation="Stadt Musterstadt" if lang == "de" else "City of Sampletown",
        label_language=lang,
    )
    w = MainWindow(settings, lang)
    w.setGeometry(0, 0, width, height)
    w.show()

    def wait(signal=None, ms: int = 30_000) -> None:
        loop = QEventLoop()
        if signal is not None:
            signal.connect(loop.quit)
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        if signal is not None:
            signal.disconnect(loop.quit)

    def shot(n: int, state: str) -> None:
        app.processEvents()
        path = out / f"{lang}-{size}-{n}-{state}.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    wait(ms=600)
    shot(1, "empty")

    w.load_samples()
    wait(w.images_loaded)
    w.select_rows([0, 1, 2])
    w.edit_provenance("source_type", "trainedAlgorithmicMedia")
    w.edit_provenance("ai_system", "Midjourney")
    w.edit_provenance("ai_version", "6.1")
    w.edit_provenance("prompt_writer", "Agentur Beispiel")
    w.edit_provenance("creator", "Agentur Beispiel")
    w.select_rows([0])
    w.edit_provenance("prompt", PROMPT)
    w.edit_provenance("credit", "Bild: KI-generiert (Midjourney)" if lang == "de" else "Image: AI-generated")
    w.side.output.set_checked(["same-as-input", "web-jpeg"])
    w._profiles_changed(["same-as-input", "web-jpeg"])
    w.select_rows([0])
    wait(w.preview.rendered, 10_000)
    wait(ms=400)
    shot(2, "label")

    w.select_rows([3])
    w.edit_provenance("source_type", "compositeWithTrainedAlgorithmicMedia")
    w.edit_provenance("ai_system", "Adobe Firefly")
    w.choose_preset("ki-montage")
    w.select_rows([3])  # the montage: the preview shows the montage label on it
    wait(w.preview.rendered, 10_000)
    with tempfile.TemporaryDirectory(prefix="kilabel-export-") as target:
        w._set_out_dir(target)
        w.side.output.set_folder(target)
        w.start_export()
        thread = w.export.thread
        if thread is not None and thread.isRunning():
            wait(thread.result, 120_000)
            wait(ms=150)
        shot(3, "export")
        if w.export.busy:  # it may have finished while the shot was taken
            wait(w.export_finished, 300_000)
        outputs = sorted(str(p) for p in Path(target).iterdir())[:3]
        view = w.extras.check()
        for path in outputs:
            view.check_paths([path])
            wait(view.checked, 60_000)
        view.browser.verticalScrollBar().setValue(0)
        wait(ms=400)
        shot(4, "check")
    w.close()
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1366x768,1920x1080")
    p.add_argument("--langs", default="de,en")
    p.add_argument("--out", default=str(OUT))
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--size", help=argparse.SUPPRESS)
    p.add_argument("--lang", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        return run_child(args.size, args.lang, Path(args.out))
    return run_parent(args.sizes.split(","), args.langs.split(","), Path(args.out))


if __name__ == "__main__":
    sys.exit(main())
