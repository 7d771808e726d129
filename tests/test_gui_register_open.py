"""The window opens the register for its dialogs without waiting on the team register's server: a
server that takes the connection but never answers (as one behind a dead route or a stalled
firewall does) leaves the window drawing, shows a busy dialog, and "Do not wait" gives the dialog
this computer's queue with a warning. A local register file and a server that answers show no
busy dialog at all."""

from __future__ import annotations

import socket
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from kilabel import settings as settings_mod
from kilabel.gui import register_open, workers
from kilabel.register import queue as register_queue
from kilabel.register.store import SqliteRegister


@pytest.fixture
def silent_server():
    """A TCP port that accepts connections (the system's backlog) and never says a word."""
    with socket.create_server(("127.0.0.1", 0), backlog=8) as listener:
        yield listener.getsockname()[1]
    workers.wait_idle(15)  # the given-up connection attempt ends (timeout) before the next test


def test_an_unanswering_team_register_does_not_hold_up_the_window(qtbot, monkeypatch, silent_server):
    monkeypatch.setenv(
        "KILABEL_REGISTER_URL", f"postgresql://kilabel:geheim@127.0.0.1:{silent_server}/kilabel"
    )
    opener = register_open.RegisterOpener(None)
    ticks: list[float] = []
    drawing = QTimer()
    drawing.timeout.connect(lambda: ticks.append(time.monotonic()))
    drawing.start(50)
    seen: list[bool] = []

    def give_up() -> None:
        seen.append(opener.dialog is not None and opener.dialog.isVisible())
        opener.dialog.findChild(QPushButton).click()  # the user presses "Do not wait"

    QTimer.singleShot(1200, give_up)
    started = time.monotonic()
    reg = opener.open(settings_mod.Settings())
    waited = time.monotonic() - started
    drawing.stop()
    try:
        assert seen == [True], "the busy dialog was not shown while the server kept silent"
        assert waited < 3.0, f"the window waited {waited:.1f} s for the server"  # its timeout is 5 s
        assert len(ticks) >= 15, f"the event loop ran {len(ticks)} times in {waited:.1f} s"
        assert isinstance(reg, register_queue.QueuingRegister) and not reg.online
        warning = " ".join(reg.warnings)
        assert f"127.0.0.1:{silent_server}" in warning and "not waited for" in warning
        assert "geheim" not in warning
        assert "kilabel register sync" in warning  # where new entries go meanwhile
    finally:
        reg.close()


def test_the_local_register_file_opens_without_a_busy_dialog(qtbot, tmp_path):
    opener = register_open.RegisterOpener(None)
    reg = opener.open(settings_mod.Settings(register_path=str(tmp_path / "own.sqlite")))
    try:
        assert isinstance(reg, SqliteRegister) and opener.dialog is None
        assert (tmp_path / "own.sqlite").exists()
    finally:
        reg.close()


def test_a_team_register_that_answers_is_used_without_a_busy_dialog(qtbot, monkeypatch, pg_database):
    monkeypatch.setenv("KILABEL_REGISTER_URL", pg_database.url)
    shown: list[bool] = []
    QTimer.singleShot(register_open.SHOW_AFTER_MS + 300, lambda: shown.append(True))
    opener = register_open.RegisterOpener(None)
    reg = opener.open(settings_mod.Settings())
    try:
        assert isinstance(reg, register_queue.QueuingRegister) and reg.online
        assert reg.query() == []
        assert opener.dialog is None
    finally:
        reg.close()


def test_a_malformed_team_register_setting_is_its_one_clear_error(qtbot):
    from kilabel.errors import ConfigError

    with pytest.raises(ConfigError, match="mysql://server/db: not a usable register URL"):
        register_open.RegisterOpener(None).open(settings_mod.Settings(register_url="mysql://server/db"))


def test_the_windows_register_and_credits_dialogs_get_the_opened_register_and_close_it(
    qtbot, monkeypatch, tmp_path
):
    import sqlite3

    from kilabel.gui import register_view
    from kilabel.gui.mainwindow import MainWindow

    used = []
    for cls in (register_view.RegisterDialog, register_view.CreditsDialog):
        monkeypatch.setattr(cls, "exec", lambda self: used.append((type(self).__name__, self.register)) or 0)
    w = MainWindow(settings_mod.Settings(jobs=1, register_path=str(tmp_path / "own.sqlite")), "en")
    qtbot.addWidget(w)
    w.extras.register()
    w.extras.credits()
    assert [name for name, _ in used] == ["RegisterDialog", "CreditsDialog"]
    for _, reg in used:
        assert isinstance(reg, SqliteRegister) and reg.path == tmp_path / "own.sqlite"
        with pytest.raises(sqlite3.ProgrammingError):  # closed once the dialog is done
            reg.query()
