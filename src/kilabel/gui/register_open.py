"""Opening the register for a dialog without holding up the window.

The local register file opens at once. The team register is a server that may not answer: the
connection waits up to postgres.CONNECT_TIMEOUT (5 s; longer while a name does not resolve) before
kilabel works from this computer's queue. That wait runs on the worker pool; the window keeps
drawing and, after a moment, shows a busy dialog whose button stops waiting. Not waiting opens the
queue alone, as an unreachable server would: the dialog shows what this computer holds and says
that the team register was not reached. A connection that comes after that is closed unused.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from kilabel.gui import workers

SHOW_AFTER_MS = 400  # a server that answers at once shows no dialog at all


class RegisterOpener(QObject):
    """open(): the settings' register, the team register's connection waited for in the background.

    Attributes (for tests): `dialog`, the busy dialog while one is open."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.dialog: QProgressDialog | None = None

    def open(self, settings):
        from kilabel import settings as settings_mod
        from kilabel.register import store

        url = settings_mod.register_url(settings)  # a malformed setting: its one clear error, now
        if not url:
            return store.open_register(settings)
        from kilabel.register import postgres

        target = postgres.redact(url)
        loop = QEventLoop()
        outcome: dict = {}

        def done(result, error) -> None:
            if outcome.get("gave_up"):
                if result is not None:
                    result.close()  # not waited for: nobody uses this connection
                return
            outcome["result"], outcome["error"] = result, error
            loop.quit()

        self.dialog = dialog = QProgressDialog(
            self.tr("Connecting to the team register at {0} …").format(target),
            self.tr("Do not wait"),
            0,
            0,
            self.parent_widget,
        )
        dialog.setWindowTitle(self.tr("Team register"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.canceled.connect(loop.quit)
        later = QTimer(dialog)  # QProgressDialog shows itself only once a value is set
        later.setSingleShot(True)
        later.timeout.connect(dialog.show)
        later.start(SHOW_AFTER_MS)
        workers.run_task(lambda: store.open_register(settings), done)
        if "result" not in outcome and "error" not in outcome:
            loop.exec()
        self.dialog = None
        later.stop()
        dialog.canceled.disconnect(loop.quit)
        dialog.reset()
        dialog.deleteLater()
        if "error" in outcome:
            if outcome["error"] is not None:
                raise outcome["error"]
            return outcome["result"]
        outcome["gave_up"] = True
        from kilabel.register import queue

        return queue.QueuingRegister(
            None, queue.Queue(), target, f"{target}: the register server was not waited for"
        )
