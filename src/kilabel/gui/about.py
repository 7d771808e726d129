"""Help: the quick guide and "About kilabel" (version, licences of what ships, source location)."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from kilabel import __version__, paths

FALLBACK_SOURCE_URL = "https://github.com/kilabel/kilabel"
# Where the LGPL parts' sources are published, per version (the LGPL asks that the place be named).
QT_SOURCE_URL = "https://download.qt.io/archive/qt/{minor}/{version}/submodules/"
PYSIDE_SOURCE_URL = "https://download.qt.io/official_releases/QtForPython/pyside6/"


def source_url() -> str:
    """kilabel's source location: the Source URL in the package metadata (pyproject.toml)."""
    from importlib import metadata

    try:
        for entry in metadata.metadata("kilabel").get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() == "source" and url.strip():
                return url.strip()
    except metadata.PackageNotFoundError:
        pass
    return FALLBACK_SOURCE_URL


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
        self.browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)


class AboutDialog(_TextDialog):
    """Version, what kilabel does, and the licences of everything it ships."""

    def __init__(self, parent=None) -> None:
        v = _versions()
        src = source_url()
        qt = qVersion()  # the Qt libraries' own version (PySide6 may carry a fourth digit)
        qt_src = QT_SOURCE_URL.format(minor=".".join(qt.split(".")[:2]), version=qt)

        def link(p):
            return f"<a href='{QUrl.fromLocalFile(str(p)).toString()}'>{html.escape(str(p))}</a>"

        bundled = paths.ROOT / "licenses" / "THIRD-PARTY.md"  # in the packaged program
        if not bundled.exists():
            bundled = paths.ROOT / "build" / "licenses" / "THIRD-PARTY.md"
        # The words first: Qt's lupdate does not look inside f-strings.
        t = {
            "all": self.tr("All licence texts"),
            "what": self.tr(
                "Visible AI labels and signed provenance (IPTC/XMP, EXIF, C2PA) for AI-generated images."
            ),
            "code": self.tr("Source code"),
            "parts": self.tr("Licences of the parts that ship with kilabel"),
            "relink": self.tr("Qt is linked dynamically; you may replace its libraries."),
            "source": self.tr("Source"),
            "cmyk": self.tr("CMYK profile kilabel-FOGRA39"),
            "pd": self.tr("public domain"),
            "with": self.tr("with"),
            "samples": self.tr("Sample images and icons"),
        }
        third_party = f"<p>{t['all']}: {link(bundled)}</p>" if bundled.exists() else ""
        body = f"""
<h2>kilabel {__version__}</h2>
<p>{t["what"]}</p>
<p>{t["code"]}: <a href='{src}'>{src}</a> · MIT</p>
<h3>{t["parts"]}</h3>
<ul>
<li><b>Qt {qt} / PySide6 {v["PySide6-Essentials"]}</b> — LGPL v3 (The Qt Company). {t["relink"]}
    {t["source"]}: <a href='{qt_src}'>Qt {qt}</a>, <a href='{PYSIDE_SOURCE_URL}'>PySide6</a></li>
<li><b>Noto Sans</b> — SIL Open Font License 1.1: {link(paths.asset("fonts", "OFL.txt"))}</li>
<li><b>{t["cmyk"]}</b> — zlib: {link(paths.asset("icc", "LICENSE-FOGRA39.txt"))};
    <b>sRGB.icc</b> — {t["pd"]}</li>
<li><b>c2pa-python {v["c2pa-python"]}</b> — MIT / Apache 2.0 (Content Authenticity Initiative)</li>
<li><b>Pillow {v["Pillow"]}</b> — MIT-CMU; <b>cryptography {v["cryptography"]}</b> — Apache 2.0 / BSD</li>
<li><b>pikepdf {v["pikepdf"]}</b> — MPL 2.0 ({t["source"]}: <a href='https://github.com/pikepdf/pikepdf'>github.com/pikepdf/pikepdf</a>),
    {t["with"]} <b>qpdf</b> — Apache 2.0; <b>reportlab {v["reportlab"]}</b> — BSD</li>
<li>{t["samples"]} — CC0: {link(paths.asset("LICENSES.md"))}</li>
</ul>{third_party}"""
        super().__init__(self.tr("About kilabel"), body, parent)


class GuideDialog(_TextDialog):
    """Five steps from an AI image to a labelled, signed file."""

    def __init__(self, parent=None) -> None:
        steps = [
            self.tr(
                "<b>Open images</b>: drop files or a folder onto the window, or use Open images (Ctrl+O)."
            ),
            self.tr(
                "<b>Choose the label</b>: pick a preset on the right; change wording, size, colours. "
                "Drag the label in the preview to another corner, or nudge it with the arrow keys."
            ),
            self.tr(
                "<b>Say how each image was made</b>: select one or several images and fill in "
                "Provenance. The source type is required; the AI system is needed for AI images."
            ),
            self.tr("<b>Choose the output</b>: tick one or more export profiles and an output folder."),
            self.tr(
                "<b>Export</b> (Ctrl+E): every file gets the visible label, the metadata and a C2PA "
                "signature. The originals are never changed."
            ),
            self.tr("<b>Check</b> any file later with Extras → Check files."),
        ]
        keys = self.tr(
            "Keys: Ctrl+O open · Ctrl+E export · PgDown/PgUp or Alt+↓/↑ next/previous image · "
            "Ctrl+Z undo · +/− zoom · Ctrl+0 fit"
        )
        title = self.tr("Quick guide")
        items = "".join(f"<li style='margin-bottom:6px'>{s}</li>" for s in steps)
        body = f"<h2>{title}</h2><ol>{items}</ol><p style='color:#555'>{keys}</p>"
        super().__init__(title, body, parent)
