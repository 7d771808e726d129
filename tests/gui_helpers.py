"""Shared pieces of the GUI tests: the window fixture (offscreen, English, one export worker)."""

from __future__ import annotations

import contextlib
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

# The offscreen platform warns once per shown window that it cannot propagate size hints.
QT_IGNORE = pytest.mark.qt_log_ignore("propagateSizeHints")


@contextlib.contextmanager
def open_window(qtbot, lang: str = "en", settings=None, size=(1280, 800)):
    """The main window, shown, in `lang` (a translator installed for German and taken away after);
    an export still running at the end is cancelled and waited for."""
    from PySide6.QtWidgets import QApplication

    from kilabel.gui import i18n, workers
    from kilabel.gui.mainwindow import MainWindow
    from kilabel.settings import Settings

    app = QApplication.instance()
    if lang != "en":
        i18n.install(app, lang)
    try:
        w = MainWindow(settings or Settings(jobs=1), lang)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        yield w
        if w.export.thread is not None:
            w.export.cancel()
            w.export.thread.wait(120_000)
        workers.wait_idle(30)
    finally:
        if lang != "en":
            i18n.install(app, "en")


@pytest.fixture
def window(qtbot, kilabel_home):
    from kilabel.settings import Settings

    with open_window(qtbot, settings=Settings(jobs=1, organisation="Testorganisation")) as w:
        yield w


def open_and_wait(qtbot, w, paths, rendered=True):
    """Open files and wait until every row has its thumbnail or error (and the preview is drawn)."""
    if rendered:
        with qtbot.waitSignals([w.images_loaded, w.preview.rendered], timeout=30_000, order="none"):
            rows = w.open_paths([str(p) for p in paths])
    else:
        with qtbot.waitSignal(w.images_loaded, timeout=30_000):
            rows = w.open_paths([str(p) for p in paths])
    return rows


def row_status(w, row: int) -> str:
    from kilabel.gui.image_list import StatusTextRole

    return w.model.data(w.model.index(row), StatusTextRole)


@pytest.fixture(autouse=True)
def _background_tasks_finish():
    """After every test that used the window's background helper, its tasks have finished and their
    results were delivered: nothing runs on into the next test."""
    yield
    import sys

    workers = sys.modules.get("kilabel.gui.workers")
    if workers is not None:
        workers.wait_idle(30)
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            QApplication.processEvents()
