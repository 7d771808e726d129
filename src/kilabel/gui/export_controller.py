"""Export from the window: the button's state (disabled, with the reason in its tooltip and in a label
beside it, until every image has a source type, and while the Check page is shown; a missing AI
system is named beside it too), the batch in a background thread, progress and Cancel in the bottom bar, results in
the rows and a summary. Cancel sets the engine's Event: no new file starts, nothing half-written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from kilabel.gui.workers import ExportThread


class ProgressBar(QWidget):
    """The bottom bar: "3 of 8 exported · motiv9.jpg", a bar and Cancel; afterwards the summary."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(360)
        self.bar.setTextVisible(False)
        self.cancel_btn = QPushButton(self.tr("Cancel"))
        self.open_btn = QPushButton(self.tr("Show folder"))
        self.open_btn.setFlat(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 2, 8, 2)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel_btn)
        lay.addWidget(self.open_btn)
        self.running(False)
        self.open_btn.hide()

    def running(self, on: bool) -> None:
        self.bar.setVisible(on)
        self.cancel_btn.setVisible(on)
        self.cancel_btn.setEnabled(on)
        self.cancel_btn.setText(self.tr("Cancel"))


class ExportController(QObject):
    """Signals:
    finished(int, int, bool): exported files, failed files, cancelled
    busy_changed(bool): an export started or ended
    """

    finished = Signal(int, int, bool)
    busy_changed = Signal(bool)

    def __init__(
        self,
        window,
        button: QPushButton,
        bar: ProgressBar,
        reason: QLabel | None = None,
        export_action: QAction | None = None,
        cancel_action: QAction | None = None,
    ) -> None:
        super().__init__(window)
        self.w, self.button, self.bar = window, button, bar
        self.reason, self.export_action, self.cancel_action = reason, export_action, cancel_action
        self.thread: ExportThread | None = None
        self.total = self.done = self.failed = 0
        self.out_dir = ""
        bar.cancel_btn.clicked.connect(self.cancel)
        bar.open_btn.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.out_dir)))

    @property
    def busy(self) -> bool:
        return self.thread is not None

    def entries(self):
        return [e for e in self.w.model.entries if not e.load_error]

    def blocking_reason(self) -> str:
        if self.busy:
            return self.tr("An export is running")
        if self.w.stack.currentIndex() >= 2:  # the Check page (or another page over the image list)
            return self.tr("Go back to the images to export them")
        entries = self.entries()
        if not entries:
            return self.tr("Open images first")
        if any(e.loading for e in entries):
            return self.tr("Images are still loading")
        lacking = [e.path.name for e in entries if not e.image.provenance.source_type]
        if lacking:
            names = ", ".join(lacking[:4]) + (" …" if len(lacking) > 4 else "")
            return self.tr("Choose the source type (Provenance) for: {0}").format(names)
        if not self.w.side.output.checked():
            return self.tr("Tick at least one export profile")
        return ""

    def notice(self) -> str:
        """Export is possible, but rows say "Details missing" (an AI image without its AI system)."""
        lacking = [e.path.name for e in self.entries() if e.image.provenance.missing()]
        if not lacking:
            return ""
        names = ", ".join(lacking[:4]) + (" …" if len(lacking) > 4 else "")
        return self.tr("AI system missing (Provenance) for: {0}").format(names)

    def update_button(self) -> None:
        reason = self.blocking_reason()
        self.button.setEnabled(not reason)
        n = len(self.entries())
        self.button.setToolTip(reason or self.tr("Label, sign and export {0} image(s) (Ctrl+E)").format(n))
        if self.export_action is not None:
            self.export_action.setEnabled(not reason)
            self.export_action.setStatusTip(reason)
        if self.cancel_action is not None:
            self.cancel_action.setEnabled(self.busy)
        if self.reason is not None:
            # the reason as visible text, not only as a tooltip; nothing while it runs (the bar says)
            shown = "" if self.busy else reason or self.notice()
            self.reason.setText(shown)
            self.reason.setToolTip(shown)
            self.reason.setVisible(bool(shown))

    def start(self) -> bool:
        if self.blocking_reason():
            return False
        from kilabel.errors import KilabelError
        from kilabel.export import job as job_mod

        w = self.w
        if not w.job.out_dir:
            w.choose_out_dir()
            if not w.job.out_dir:
                return False
        w.sync_job()
        entries = self.entries()
        try:
            tasks = job_mod.tasks(w.job, w.settings, images=[e.image for e in entries])
        except KilabelError as exc:
            self.bar.text.setText(str(exc))
            return False
        for e in entries:
            e.reset_export()
        w.model.refresh()
        settings = w.settings
        needs_key = any(t.profile.write_c2pa for t in tasks)

        def identity():
            if not needs_key:
                return None
            from kilabel import keys

            return keys.ensure(settings.keys_path, settings.organisation)[0]

        self.out_dir, self.total, self.done, self.failed = w.job.out_dir, len(tasks), 0, 0
        self.thread = ExportThread(
            tasks, identity, jobs=settings.jobs, tsa_url=settings.tsa_url, parent=self, settings=settings
        )
        self.thread.file_started.connect(self._file_started)
        self.thread.result.connect(self._result)
        self.thread.batch_finished.connect(self._finished)
        self.bar.running(True)
        self.bar.open_btn.hide()
        self.bar.bar.setRange(0, self.total)
        self.bar.bar.setValue(0)
        self.bar.text.setText(self.tr("Preparing the export …"))
        self.busy_changed.emit(True)
        self.update_button()
        self.thread.start()
        return True

    def cancel(self) -> None:
        if self.thread:
            self.thread.cancel()
            self.bar.cancel_btn.setEnabled(False)
            self.bar.cancel_btn.setText(self.tr("Cancelling …"))

    def _file_started(self, name: str) -> None:
        self.bar.text.setText(self.tr("{0} of {1} exported · {2}").format(self.done, self.total, name))

    def _result(self, res) -> None:
        self.done += 1
        key = str(Path(res.input))
        for row, e in enumerate(self.w.model.entries):
            if str(e.path) == key:
                if res.error:
                    self.failed += 1
                    e.export_error = res.error
                else:
                    e.outputs.append(res.output)
                self.w.model.refresh([row])
                break
        self.bar.bar.setValue(self.done)
        self.bar.text.setText(self.tr("{0} of {1} exported").format(self.done, self.total))

    def _finished(self, results, cancelled: bool, error) -> None:
        thread, self.thread = self.thread, None
        if thread:
            thread.wait()
            thread.deleteLater()
        # written and complete, only not on record (the register could not take it): exported
        unrecorded = sum(1 for r in results if r.error and r.output and Path(r.output).exists())
        ok = sum(1 for r in results if not r.error) + unrecorded
        self.bar.running(False)
        if error is not None:
            text = self.tr("Export stopped: {0}").format(error)
        else:
            text = self.tr("{0} of {1} files exported to {2}").format(ok, self.total, self.out_dir)
            if self.failed - unrecorded > 0:
                text += " · " + self.tr("{0} failed (see the list)").format(self.failed - unrecorded)
            if unrecorded:
                text += " · " + self.tr(
                    "{0} NOT recorded in the register (exporting them again records them)"
                ).format(unrecorded)
            if cancelled:
                text += " · " + self.tr("cancelled")
        self.bar.text.setText(text)
        self.bar.open_btn.setVisible(ok > 0)
        self.busy_changed.emit(False)
        self.update_button()
        self.finished.emit(ok, self.failed if error is None else self.total - ok, cancelled)
