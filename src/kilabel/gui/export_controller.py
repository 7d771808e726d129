"""Export from the window: the button's state (disabled, with the reason in its tooltip and in a label
beside it, until every image has a source type, and while the Check page is shown; a missing AI
system is named beside it too), the batch in a background thread, progress and Cancel in the bottom bar, results in
the rows and a summary. Cancel sets the engine's Event: no new file starts, nothing half-written.

Before a batch starts: the output folder is probed (a file is made and removed in it), so that a
read-only folder is one message naming it, not one error per file; and if planned outputs exist
already, the user is asked once what to do with them (existing_dialog). After it: every warning is
in its row, and a summary (export_summary) lists the files that need a look.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from kilabel.gui import accessibility, messages, workers
from kilabel.gui.workers import ExportThread
from kilabel.messages import text_of


class ProgressBar(QWidget):
    """The bottom bar: "3 of 8 exported · motiv9.jpg", a bar and Cancel; afterwards the summary."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(360)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Export progress"))
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
        accessibility.name_the_rest(self)

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
        self._kept_pool = None  # kilabel.export.engine.KeptPool, made on first use (the import)
        self.total = self.done = self.failed = 0
        self.out_dir = ""
        self.existing_dialog = None  # open while the user decides about existing files
        self.summary = None  # the last export's summary, if it had something to say
        self.folder_box: QMessageBox | None = None
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
        """Check the folder, ask about existing outputs, then run the batch. True when the batch runs
        or waits for the answer about existing files."""
        if self.blocking_reason() or self.existing_dialog is not None:
            return False
        from kilabel.errors import KilabelError
        from kilabel.export import job as job_mod
        from kilabel.export.task import existing_output

        w = self.w
        if not w.job.out_dir:
            w.choose_out_dir()
            if not w.job.out_dir:
                return False
        w.sync_job()
        problem = self.folder_problem(w.job.out_dir)
        if problem:
            self._refuse(w.job.out_dir, problem)
            return False
        entries = self.entries()
        try:
            tasks = job_mod.tasks(w.job, w.settings, images=[e.image for e in entries])
        except KilabelError as exc:
            self.bar.text.setText(messages.shown(text_of(exc)))
            return False
        existing = [p for p in (existing_output(t) for t in tasks) if p is not None]
        if existing:
            self._ask_existing(tasks, existing)
        else:
            self._run(tasks)
        return True

    def folder_problem(self, folder: str) -> str:
        """'' when files can be made in `folder` (created if missing), else why not, in the
        window's language. A real probe: a temporary file is made and removed there, since
        permission bits do not tell (a read-only mount, a network share, Windows ACLs)."""
        try:
            Path(folder).mkdir(parents=True, exist_ok=True)
            fd, probe = tempfile.mkstemp(dir=folder, prefix=".kilabel-probe-", suffix=".tmp")
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            return self._why(exc)
        return ""

    def _why(self, exc: OSError) -> str:
        words = {
            errno.EACCES: self.tr("you have no permission to write there"),
            errno.EPERM: self.tr("you have no permission to write there"),
            errno.EROFS: self.tr("the disk is read-only"),
            errno.ENOSPC: self.tr("the disk is full"),
            errno.ENOENT: self.tr("the folder does not exist and cannot be made"),
            errno.ENOTDIR: self.tr("a file of that name is in the way"),
        }
        return words.get(exc.errno, exc.strerror or str(exc))

    def _refuse(self, folder: str, problem: str) -> None:
        """Nothing was exported because the folder cannot be written: one message naming it, in
        the status line and in a box (window-modal, not blocking)."""
        text = self.tr(
            "Nothing exported: cannot write to the folder {0} ({1}). Choose another output folder."
        ).format(folder, problem)
        self.bar.text.setText(text)
        self.bar.open_btn.hide()
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Cannot write to the output folder"), text, parent=self.w
        )
        box.setAccessibleName(self.tr("Cannot write to the output folder"))
        box.open()
        accessibility.name_the_rest(box)  # its OK button exists once it is shown
        self.folder_box = box

    def _ask_existing(self, tasks: list, existing: list[Path]) -> None:
        """Ask once what to do with the planned outputs that exist; the batch runs on the answer."""
        from kilabel.gui.existing_dialog import ExistingFilesDialog

        dialog = ExistingFilesDialog(existing, len(tasks), self.w.job.out_dir, self.w)
        self.existing_dialog = dialog

        def answered(code: int) -> None:
            self.existing_dialog = None
            dialog.deleteLater()
            if code != ExistingFilesDialog.DialogCode.Accepted:
                self.bar.text.setText(self.tr("Export cancelled: nothing exported"))
                self.update_button()
                return
            for t in tasks:
                t.existing, t.reason = dialog.existing(), dialog.reason()
            self._run(tasks)

        dialog.finished.connect(answered)
        dialog.open()

    def _run(self, tasks: list) -> None:
        w = self.w
        for e in self.entries():
            e.reset_export()
        w.model.refresh()
        settings = w.settings
        needs_key = any(t.profile.write_c2pa for t in tasks)
        organisation = settings.organisation or self.tr("kilabel (local)")  # a first identity's name

        def identity():
            if not needs_key:
                return None
            from kilabel import keys

            return keys.ensure(settings.keys_path, organisation)[0]

        self.out_dir, self.total, self.done, self.failed = w.job.out_dir, len(tasks), 0, 0
        self.thread = ExportThread(
            tasks,
            identity,
            jobs=settings.jobs,
            tsa_url=settings.tsa_url,
            parent=self,
            settings=settings,
            kept_pool=self.kept_pool(),
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

    def kept_pool(self):
        """The export workers this window keeps warm between exports (issue 18: the first file of
        an export starts at once instead of after two processes have imported and made their
        signer; measured on 8 × 12 MP: first result 0.39 -> 0.15 s, the export 0.93 -> 0.68 s)."""
        if self._kept_pool is None:
            from kilabel.export.engine import KeptPool

            self._kept_pool = KeptPool()
        return self._kept_pool

    def warm_up(self) -> None:
        """Start the export workers in the background once images are open, if the signing identity
        exists already (a first one is made by the first export, not by opening images)."""
        if self.busy or (self._kept_pool is not None and self._kept_pool.running):
            return
        settings, kept = self.w.settings, self.kept_pool()

        def job() -> None:
            from kilabel import keys

            try:
                identity = keys.load(settings.keys_path)
            except Exception:  # none yet, or one that needs a passphrase: the export says so
                return
            kept.warm(settings.jobs, identity, settings.tsa_url)

        workers.run_task(job, lambda _result, _error: None, owner=self)

    def close_workers(self) -> None:
        """End the kept workers (the window closes; the settings changed)."""
        if self._kept_pool is not None:
            self._kept_pool.close()

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
                elif res.skipped:
                    e.skipped.append(res.output)
                else:
                    e.outputs.append(res.output)
                e.warnings += [n for n in res.warnings if n not in e.warnings]
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
        ok = sum(1 for r in results if not r.error and not r.skipped) + unrecorded
        skipped = sum(1 for r in results if r.skipped)
        self.bar.running(False)
        text = self._outcome(ok, skipped, unrecorded, cancelled, error)
        queued = getattr(thread, "queued", 0)
        if queued:
            text += " · " + self.tr(
                "{0} register entries wait on this computer (the team register cannot be reached); "
                "they are sent with the next export or by kilabel register sync"
            ).format(queued)
        self.bar.text.setText(text)
        self.bar.open_btn.setVisible(ok > 0)
        self.busy_changed.emit(False)
        self.update_button()
        self._summarise(results)
        self.finished.emit(ok, self.failed if error is None else self.total - ok, cancelled)

    def _outcome(self, ok: int, skipped: int, unrecorded: int, cancelled: bool, error) -> str:
        """The status line after a batch: what happened, "nothing exported" included."""
        if error is not None:
            return self.tr("Export stopped: {0}").format(messages.shown(text_of(error)))
        if ok:
            parts = [self.tr("{0} of {1} files exported to {2}").format(ok, self.total, self.out_dir)]
        else:
            parts = [self.tr("Nothing exported")]
        if self.failed - unrecorded > 0:
            parts.append(self.tr("{0} failed (see the list)").format(self.failed - unrecorded))
        if skipped:
            parts.append(self.tr("{0} skipped (the files exist already)").format(skipped))
        if unrecorded:
            parts.append(
                self.tr("{0} NOT recorded in the register (exporting them again records them)").format(
                    unrecorded
                )
            )
        if cancelled:
            parts.append(self.tr("cancelled"))
        return " · ".join(parts)

    def _summarise(self, results: list) -> None:
        """The summary of warnings and errors, if the batch has anything to say."""
        from kilabel.gui.export_summary import ExportSummary, worth_showing

        if self.summary is not None:
            self.summary.close()
            self.summary.deleteLater()
            self.summary = None
        if not worth_showing(results):
            return
        titles = {pid: p.display_title(self.w.ui_language) for pid, p in self.w.profiles.items()}
        self.summary = ExportSummary(results, self.total, self.out_dir, titles, self.w)
        self.summary.show()
