"""Help: the quick guide and "About kilabel" (version, licences of what ships, source location)."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from kilabel import __version__, paths

SOURCE_URL = "https://github.com/kilabel/kilabel"


def _versions() -> dict[str, str]:
    from importlib import metadata

    out = {}
    for dist in ("PySide6-Essentials", "Pillow", "c2pa-python", "cryptography", "pikepdf", "reportlab"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "?"
    return out


class _TextDialog(QDialog):
    def __init__(self, title: str, body: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(620, 560)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(QDesktopServices.openUrl)
        self.browser.setHtml(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)


class AboutDialog(_TextDialog):
    """Version, what kilabel does, and the licences of everything it ships."""

    def __init__(self, parent=None) -> None:
        v = _versions()
        link = lambda p: f"<a href='{QUrl.fromLocalFile(str(p)).toString()}'>{html.escape(str(p))}</a>"
        bundled = paths.ROOT / "licenses" / "THIRD-PARTY.md"  # in the packaged program
        if not bundled.exists():
            bundled = paths.ROOT / "build" / "licenses" / "THIRD-PARTY.md"
        third_party = f"<p>{self.tr('All licence texts')}: {link(bundled)}</p>" if bundled.exists() else ""
        body = f"""
<h2>kilabel {__version__}</h2>
<p>{self.tr("Visible AI labels and signed provenance (IPTC/XMP, EXIF, C2PA) for AI-generated images.")}</p>
<p>{self.tr("Source code")}: <a href='{SOURCE_URL}'>{SOURCE_URL}</a> · MIT</p>
<h3>{self.tr("Licences of the parts that ship with kilabel")}</h3>
<ul>
<li><b>Qt {v['PySide6-Essentials']} / PySide6</b> — LGPL v3 (The Qt Company). {self.tr(
    "Qt is linked dynamically; you may replace its libraries.")}
    <a href='https://www.qt.io/licensing/open-source-lgpl-obligations'>qt.io/licensing</a></li>
<li><b>Noto Sans</b> — SIL Open Font License 1.1: {link(paths.asset("fonts", "OFL.txt"))}</li>
<li><b>{self.tr("CMYK profile kilabel-FOGRA39")}</b> — zlib: {link(paths.asset("icc", "LICENSE-FOGRA39.txt"))};
    <b>sRGB.icc</b> — {self.tr("public domain")}</li>
<li><b>c2pa-python {v['c2pa-python']}</b> — MIT / Apache 2.0 (Content Authenticity Initiative)</li>
<li><b>Pillow {v['Pillow']}</b> — MIT-CMU; <b>cryptography {v['cryptography']}</b> — Apache 2.0 / BSD</li>
<li><b>pikepdf {v['pikepdf']}</b> — MPL 2.0 ({self.tr("source")}: <a href='https://github.com/pikepdf/pikepdf'>github.com/pikepdf/pikepdf</a>),
    {self.tr("with")} <b>qpdf</b> — Apache 2.0; <b>reportlab {v['reportlab']}</b> — BSD</li>
<li>{self.tr("Sample images and icons")} — CC0: {link(paths.asset("LICENSES.md"))}</li>
</ul>{third_party}"""
        super().__init__(self.tr("About kilabel"), body, parent)


class GuideDialog(_TextDialog):
    """Five steps from an AI image to a labelled, signed file."""

    def __init__(self, parent=None) -> None:
        steps = [
            self.tr("<b>Open images</b>: drop files or a folder onto the window, or use Open images (Ctrl+O)."),
            self.tr("<b>Choose the label</b>: pick a preset on the right; change wording, size, colours. "
                    "Drag the label in the preview to another corner, or nudge it with the arrow keys."),
            self.tr("<b>Say how each image was made</b>: select one or several images and fill in "
                    "Provenance. The source type is required; the AI system is needed for AI images."),
            self.tr("<b>Choose the output</b>: tick one or more export profiles and an output folder."),
            self.tr("<b>Export</b> (Ctrl+E): every file gets the visible label, the metadata and a C2PA "
                    "signature. The originals are never changed."),
            self.tr("<b>Check</b> any file later with Extras → Check files."),
        ]
        keys = self.tr("Keys: Ctrl+O open · Ctrl+E export · PgDown/PgUp or Alt+↓/↑ next/previous image · "
                       "Ctrl+Z undo · +/− zoom · Ctrl+0 fit")
        body = (f"<h2>{self.tr('Quick guide')}</h2><ol>" + "".join(f"<li style='margin-bottom:6px'>{s}</li>"
                                                                   for s in steps)
                + f"</ol><p style='color:#555'>{keys}</p>")
        super().__init__(self.tr("Quick guide"), body, parent)
