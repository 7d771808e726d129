"""`kilabel-gui`: start the window. `--samples` opens the shipped sample images; file arguments are
opened; `--self-test` opens the window offscreen, renders a sample's preview, prints OK, exits 0."""

from __future__ import annotations

import argparse
import os
import sys


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="kilabel-gui", description="kilabel: label AI-generated images.")
    p.add_argument("files", nargs="*", help="images or folders to open, or a job file (.json)")
    p.add_argument("--samples", action="store_true", help="open the shipped sample images")
    p.add_argument("--self-test", action="store_true", help="open offscreen, render a preview, print OK")
    p.add_argument("--lang", choices=["de", "en"], help="window language for this start")
    return p.parse_args(argv)


def apply_style(app) -> None:
    """Ship-consistent look: the bundled Noto Sans as the UI font on Linux (where the system font
    varies most); Windows and macOS keep their native fonts and style."""
    from PySide6.QtGui import QFont, QFontDatabase

    from kilabel import paths

    families = []
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(paths.asset("fonts", name)))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if sys.platform.startswith("linux") and families:
        app.setFont(QFont(families[0], 10))


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # export workers are spawned; needed in the frozen build
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from kilabel import paths
    from kilabel import settings as settings_mod
    from kilabel.errors import ConfigError
    from kilabel.gui import i18n

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("kilabel")
    app.setOrganizationName("kilabel")
    app.setWindowIcon(QIcon(str(paths.asset("icons", "kilabel-256.png"))))
    apply_style(app)
    settings_error = ""
    try:
        settings = settings_mod.load()
    except ConfigError as exc:
        settings, settings_error = settings_mod.Settings(), str(exc)
    lang = i18n.install(app, args.lang or settings.ui_language)

    from kilabel.gui.mainwindow import MainWindow

    window = MainWindow(settings, lang)
    if settings_error:
        window.config_errors.insert(0, settings_error)
    window.show()

    jobs = [f for f in args.files if f.lower().endswith(".json")]
    if jobs:
        from pathlib import Path

        window.open_job(Path(jobs[0]))
    images = [f for f in args.files if not f.lower().endswith(".json")]
    if images:
        window.open_paths(images)
    if args.samples or args.self_test:
        window.load_samples()

    if args.self_test:
        return _self_test(app, window, QTimer)
    if os.environ.get("KILABEL_EXIT_AFTER_SHOW"):  # benchmarks/startup.py: the first window, then quit
        QTimer.singleShot(0, app.quit)
    QTimer.singleShot(0, window.show_config_errors)
    return app.exec()


def _self_test(app, window, QTimer) -> int:
    """OK when a sample's preview has been rendered with its label; used by the packaged-build test."""
    outcome = {"code": 1}

    def ok() -> None:
        view = window.preview.view
        if view.pixmap_item.pixmap().isNull() or view.geom is None:
            return
        print(
            f"OK kilabel-gui self-test: {window.model.rowCount()} images, preview "
            f"{view.pixmap_item.pixmap().width()}×{view.pixmap_item.pixmap().height()}, label at {view.geom.box}"
        )
        outcome["code"] = 0
        app.quit()

    def fail() -> None:
        print("FAIL kilabel-gui self-test: no preview within 60 s", file=sys.stderr)
        app.quit()

    window.preview.rendered.connect(ok)
    QTimer.singleShot(60_000, fail)
    app.exec()
    window.close()
    return outcome["code"]


if __name__ == "__main__":
    sys.exit(main())
