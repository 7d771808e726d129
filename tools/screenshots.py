"""Screenshots of the window's main states for docs/screenshots/, under Xvfb.

For each screen size an Xvfb server is started (and stopped) by this script; for each language a
child process runs the real program on it and captures the whole screen: empty window, images
with a label, export in progress, the Check view, the print check of an A2 poster in the preview,
the summary after that export with its print warnings, the folder check with its results (a
broken file among them) and the relabel window with a PDF flyer.

    /work/venv/bin/python tools/screenshots.py            # 1366x768, 1920x1080 and 1366x768@2, de and en
    /work/venv/bin/python tools/screenshots.py --sizes 1366x768 --langs de

A size "WxH@2" is HiDPI: the screen has twice the pixels (2732x1536) and Qt scales by 2
(QT_SCALE_FACTOR), so the window lays out at WxH; its files are named "…-1366x768@2x-…".

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


def screen_of(size: str) -> tuple[str, int]:
    """'1366x768@2' -> ('2732x1536', 2): the Xvfb screen and Qt's scale factor."""
    logical, _, scale = size.partition("@")
    factor = int(scale or 1)
    w, h = (int(v) * factor for v in logical.split("x"))
    return f"{w}x{h}", factor


def run_parent(sizes: list[str], langs: list[str], out: Path) -> int:
    if not shutil.which("Xvfb"):
        raise SystemExit("Xvfb not found: apt-get install xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0")
    out.mkdir(parents=True, exist_ok=True)
    failures = 0
    for size in sizes:
        n = free_display()
        screen, factor = screen_of(size)
        xvfb = subprocess.Popen(
            ["Xvfb", f":{n}", "-screen", "0", f"{screen}x24", "-nolisten", "tcp"],
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
                        QT_SCALE_FACTOR=str(factor),
                        QT_ENABLE_HIGHDPI_SCALING="1",
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

    width, height = (int(v) for v in size.partition("@")[0].split("x"))  # logical pixels
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
        name = size.replace("@2", "@2x")
        path = out / f"{lang}-{name}-{n}-{state}.png"
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
    w.select_rows([0])
    w.select_rows([3])  # the montage (selected anew: the side panel shows its values)
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
        if w.export.summary is not None:  # its notes are the print shots' subject (6)
            w.export.summary.close()
        outputs = sorted(str(p) for p in Path(target).iterdir())[:3]
        view = w.extras.check()
        for path in outputs:
            view.check_paths([path])
            wait(view.checked, 60_000)
        view.browser.verticalScrollBar().setValue(0)
        wait(ms=400)
        shot(4, "check")
        with tempfile.TemporaryDirectory(prefix="kilabel-more-") as more:
            print_shots(w, wait, shot, Path(more), outputs)
    w.close()
    return 0


def wait_until(condition, ms: int = 60_000) -> None:
    """Let the window work until `condition()` holds (or `ms` have passed)."""
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + ms / 1000
    while not condition() and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def print_shots(w, wait, shot, tmp: Path, outputs: list[str]) -> None:
    """5: the A2 poster's print check in the preview; 6: the summary after exporting it; 7: the
    folder check with results; 8: the relabel window with a PDF flyer."""
    w.show_images_page()
    w.select_rows([0])  # the 1800×1200 landscape: 72 dpi on A2
    w.choose_preset("ki-generiert")
    w.side.output.set_checked(["poster-a2-cmyk-tiff"])
    w._profiles_changed(["poster-a2-cmyk-tiff"])
    wait(w.preview.rendered, 10_000)
    wait(ms=400)
    shot(5, "print-check")

    target = tmp / "poster"
    w._set_out_dir(str(target))
    w.side.output.set_folder(str(target))
    w.start_export()
    wait_until(lambda: not w.export.busy, 300_000)
    wait_until(lambda: w.export.summary is not None and w.export.summary.isVisible(), 10_000)
    wait(ms=400)
    shot(6, "print-summary")
    if w.export.summary is not None:
        w.export.summary.close()
    folder_check_shot(w, wait, shot, tmp, outputs)
    relabel_shot(w, wait, shot, tmp)


def folder_check_shot(w, wait, shot, tmp: Path, outputs: list[str]) -> None:
    from kilabel import paths
    from kilabel.gui.folder_check_view import FolderCheckDialog

    folder = tmp / "Kampagne Herbst"
    folder.mkdir()
    for p in outputs:
        shutil.copy(p, folder / Path(p).name)
    for p in sorted(paths.asset("samples").glob("motiv-*"))[:2]:
        shutil.copy(p, folder / f"original-{p.name}")
    (folder / "kaputt.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a picture")
    dialog = FolderCheckDialog(w)
    dialog.show()
    dialog.folder_edit.setText(str(folder))
    dialog.start()
    wait(dialog.check_finished, 120_000)
    dialog.table.selectRow(0)
    wait(ms=800)  # thumbnails
    shot(7, "folder-check")
    dialog.close()


def flyer(path: Path) -> Path:
    """An A5 flyer as a layout program writes it: a headline, a photo, a line of text; nothing in
    it says how the photo was made."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    from kilabel import paths

    c = canvas.Canvas(str(path), pagesize=A5)
    width, height = A5
    c.setFont("Helvetica-Bold", 22)
    c.drawString(40, height - 70, "Herbstfest im Stadtpark")
    c.drawImage(str(paths.asset("samples", "motiv-landschaft.jpg")), 40, height - 330, width - 80, 240)
    c.setFont("Helvetica", 12)
    c.drawString(40, height - 360, "Samstag, 11. Oktober, ab 14 Uhr")
    c.showPage()
    c.save()
    return path


def relabel_shot(w, wait, shot, tmp: Path) -> None:
    rw = w.extras.relabel([str(flyer(tmp / "flyer-herbstfest.pdf"))])
    wait_until(lambda: rw.entries and not any(e.loading for e in rw.entries))
    rw.file_list.setCurrentRow(0)
    rw.source.setCurrentIndex(rw.source.findData("trainedAlgorithmicMedia"))
    rw.fields["ai_system"].setText("Midjourney")
    rw.tick_all_pictures()
    rw.out_edit.setText(str(tmp / "nachgekennzeichnet"))  # ready to run: Relabel is enabled
    rw.out_edit.setCursorPosition(0)  # as the folder chooser leaves it: the path's start shows
    wait(rw.preview_shown, 30_000)
    wait(ms=600)
    shot(8, "relabel")
    rw.close()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1366x768,1920x1080,1366x768@2")
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
