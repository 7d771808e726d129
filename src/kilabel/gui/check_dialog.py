"""The "Check" view (a page of the main window): open or drop any file and see, in plain words, what kilabel verify finds:
how the image was made, who signed it and whether the signature still holds. Runs in the background.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kilabel.gui import messages, workers
from kilabel.messages import Msg, msg
from kilabel.provenance import source_type_label

COLOURS = {
    "ok": "#1b7f3b",
    "attention": "#a35c00",
    "none": "#555555",
    "error": "#b3261e",
    "invalid": "#b3261e",
}


def check_one(path: Path, settings):
    """verify's report of one file; one without provenance is also looked up in the register by its
    picture (a stripped copy of an export: state register-match). Runs in a worker thread. A
    register that does not exist yet is not created by a check."""
    from kilabel.check import register_match
    from kilabel.pipeline import verify
    from kilabel.register import store

    report = verify.verify(path, settings)
    if report.state in register_match.LOOKUP_STATES and store.default_path(settings).is_file():
        try:
            with store.open_register(settings) as reg:
                register_match.apply(report, path, reg)
        except Exception as exc:  # a register that cannot be opened: the file's own state stands
            report.notes.append(msg("register-not-searched", reason=str(exc)))
    return report


class CheckView(QWidget):
    """Signals:
    checked(object): a kilabel.pipeline.verify.Report has been shown
    back(): the user wants to return to the images
    """

    checked = Signal(object)
    back = Signal()

    def __init__(self, settings, language: str, parent=None) -> None:
        super().__init__(parent)
        self.settings, self.language = settings, language
        self.setAcceptDrops(True)
        self.reports: list = []
        title = QLabel(self.tr("Check files"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        back_btn = QPushButton(self.tr("← Back to the images"))
        back_btn.clicked.connect(self.back)
        intro = QLabel(
            self.tr(
                "Open or drop any image to see whether it is labelled as AI-generated, "
                "what it says about its origin and whether its signature is valid."
            )
        )
        intro.setWordWrap(True)
        open_btn = QPushButton(self.tr("Open files …"))
        open_btn.clicked.connect(self.open_dialog)
        self.clear_btn = QPushButton(self.tr("Clear"))
        self.clear_btn.clicked.connect(self.clear)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(self.tr("Check results"))
        self.status = QLabel()
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(back_btn)
        top = QHBoxLayout()
        top.addWidget(open_btn)
        top.addWidget(self.clear_btn)
        top.addStretch(1)
        top.addWidget(self.status)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 16)
        lay.addLayout(head)
        lay.addWidget(intro)
        lay.addLayout(top)
        lay.addWidget(self.browser, 1)
        self._html: list[str] = []
        self._pending = 0
        self._render()

    def open_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Check files"),
            "",
            self.tr("Images and PDFs (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.pdf);;All files (*)"),
        )
        self.check_paths(files)

    def clear(self) -> None:
        self._html.clear()
        self.reports.clear()
        self._render()

    def check_paths(self, files: list[str]) -> None:
        settings = self.settings
        for f in files:
            self._pending += 1
            self.status.setText(self.tr("Checking …"))
            workers.run_task(lambda p=Path(f): check_one(p, settings), self._done, owner=self)

    def _done(self, report, error) -> None:
        self._pending -= 1
        self.status.setText(self.tr("Checking …") if self._pending else "")
        if error is not None:
            self._html.append(self._card_error(str(error)))
        else:
            self.reports.append(report)
            self._html.append(self._card(report))
        self._render()
        if report is not None:
            self.checked.emit(report)

    def _render(self) -> None:
        if not self._html:
            empty = html.escape(self.tr("No file checked yet."))
            self.browser.setHtml(f"<p style='color:#777'>{empty}</p>")
        else:
            self.browser.setHtml("".join(reversed(self._html)))

    def headline(self, r) -> tuple[str, str]:
        """(colour key, sentence): the provenance state's own sentence in the window's language,
        the same words as `kilabel verify` and the folder check."""
        if r.state == "unreadable":
            key = "error"
        elif r.state == "invalid":
            key = "invalid"
        elif r.state == "none":
            key = "none"
        else:
            key = "attention" if r.needs_attention else "ok"
        return key, r.sentence(self.language)

    def _card(self, r) -> str:
        from kilabel.pipeline import verify

        key, sentence = self.headline(r)
        p = r.provenance
        kind = source_type_label(p.source_type, self.language) if p.source_type else ""
        rows = [
            (self.tr("How it was made"), f"{kind} ({p.source_type})" if kind else ""),
            (self.tr("AI system"), " ".join(filter(None, [p.ai_system, p.ai_version]))),
            (self.tr("Prompt"), p.prompt),
            (self.tr("Prompt by"), p.prompt_writer),
            (self.tr("Creator"), p.creator),
            (self.tr("Image credit"), p.credit),
            (self.tr("Visible label"), r.embedded.label.text),
            (self.tr("Register id"), p.register_id),
            (self.tr("Signed by"), " / ".join(filter(None, [r.c2pa.signer_cn, r.c2pa.signer_org]))),
            (self.tr("Signed with"), r.c2pa.claim_generator),
        ]
        english = self.language == "en"  # the SDK's reasons and verify's text are the command line's English
        rows += [(self.tr("Why"), reason) for reason in r.c2pa.reasons] if english else []
        rows += [
            (self.tr("Note"), messages.shown(note)) for note in r.notes if english or isinstance(note, Msg)
        ]
        if r.error:
            rows.append((self.tr("Error"), messages.shown(r.error)))
        table = "".join(
            f"<tr><td style='color:#666;padding-right:14px' valign='top'>{html.escape(k)}</td>"
            f"<td>{html.escape(v).replace(chr(10), '<br>')}</td></tr>"
            for k, v in rows
            if v
        )
        if english:
            tech = html.escape(verify.format_human(r))
        else:  # `kilabel verify` prints them: the command line speaks English
            tech = html.escape(
                self.tr("kilabel verify \u201c{0}\u201d shows them (in English)").format(Path(r.path).name)
            )
        tech_title = html.escape(self.tr("Technical details"))
        return (
            f"<div style='margin-bottom:18px'><h3 style='margin-bottom:2px'>{html.escape(Path(r.path).name)}</h3>"
            f"<div style='color:#777;font-size:small'>{html.escape(r.path)}</div>"
            f"<p style='color:{COLOURS[key]};font-weight:600;font-size:large'>{html.escape(sentence)}</p>"
            f"<table cellspacing='2'>{table}</table>"
            f"<p style='color:#888;font-size:small;margin-top:8px'>{tech_title}</p>"
            f"<pre style='color:#666;font-size:small'>{tech}</pre><hr></div>"
        )

    def _card_error(self, message: str) -> str:
        return f"<p style='color:{COLOURS['error']};font-weight:600'>{html.escape(message)}</p><hr>"

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.check_paths([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()
