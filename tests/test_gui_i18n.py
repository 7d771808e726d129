"""The window's words: every string the code translates has a German translation in its context, and
the About box names the version, the licences and where the sources are."""

from __future__ import annotations

import ast
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from gui_helpers import QT_IGNORE, open_and_wait

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "src" / "kilabel" / "gui"
TS_DE = GUI / "i18n" / "kilabel_de.ts"


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _tr_calls(path: Path) -> list[tuple[str, str, int]]:
    """(context, text, line) of each self.tr("…") (context: the enclosing class) and tr("…"[, ctx])."""
    found = []

    def visit(node: ast.AST, cls: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and child.args and _literal(child.args[0]) is not None:
                f = child.func
                if (
                    isinstance(f, ast.Attribute)
                    and f.attr == "tr"
                    and isinstance(f.value, ast.Name)
                    and f.value.id == "self"
                ):
                    found.append((cls, _literal(child.args[0]), child.lineno))
                elif isinstance(f, ast.Name) and f.id == "tr":
                    ctx = _literal(child.args[1]) if len(child.args) > 1 else ""
                    found.append((ctx or "", _literal(child.args[0]), child.lineno))
            visit(child, cls)

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def _german() -> dict[tuple[str, str], str]:
    out = {}
    for ctx in ET.parse(TS_DE).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished"):
                out[(name, msg.findtext("source"))] = tr.text or ""
    return out


def test_every_translated_string_has_its_german_words():
    """pyside6-lupdate does not look inside f-strings, and a string filed under another class is not
    found at run time: both leave English words in the German window."""
    german = _german()
    calls = [(p.name, *c) for p in sorted(GUI.glob("*.py")) for c in _tr_calls(p)]
    assert len(calls) > 250
    missing = [
        f"{name}:{line} [{ctx}] {text!r}" for name, ctx, text, line in calls if not german.get((ctx, text))
    ]
    assert not missing, (
        "no German translation (run tools/update_translations.py, translate the .ts):\n" + "\n".join(missing)
    )


@QT_IGNORE
@pytest.mark.parametrize("lang", ["de", "en"])
def test_about_names_version_licences_and_sources(qtbot, lang):
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication

    from kilabel import __version__
    from kilabel.gui import i18n
    from kilabel.gui.about import AboutDialog

    i18n.install(QApplication.instance(), lang)
    try:
        dlg = AboutDialog()
        qtbot.addWidget(dlg)
        text = dlg.browser.toPlainText()
        page = dlg.browser.toHtml()
    finally:
        i18n.install(QApplication.instance(), "en")
    source = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]["Source"]
    assert f"kilabel {__version__}" in text
    assert source in page
    assert f"https://download.qt.io/archive/qt/{'.'.join(qVersion().split('.')[:2])}/{qVersion()}/" in page
    for licence in (
        "LGPL v3",
        "SIL Open Font License 1.1",
        "zlib",
        "c2pa-python",
        "MIT / Apache 2.0",
        "MPL 2.0",
    ):
        assert licence in text, licence
    words = (
        ("Quellcode", "Lizenzen der mitgelieferten Bestandteile", "gemeinfrei")
        if lang == "de"
        else ("Source code", "Licences of the parts that ship with kilabel", "public domain")
    )
    for w in words:
        assert w in text, w
    for local in ("OFL.txt", "LICENSE-FOGRA39.txt", "THIRD-PARTY.md"):
        assert local in text and Path(page.split(local)[0].rsplit("file://", 1)[1] + local).exists(), local


def _cut_off(root) -> list[str]:
    """Visible widgets whose text does not fit: labels and buttons narrower than their size hint,
    combo boxes narrower than their longest item (any item may become the shown one)."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QWidget

    found = []
    for x in root.findChildren(QWidget):
        if not x.isVisible() or x.width() < 5:
            continue
        if isinstance(x, QComboBox) and x.count():
            fm = x.fontMetrics()
            icon = (
                x.iconSize().width() + 4 if any(not x.itemIcon(i).isNull() for i in range(x.count())) else 0
            )
            worst = max((x.itemText(i) for i in range(x.count())), key=fm.horizontalAdvance)
            need = fm.horizontalAdvance(worst) + 28 + icon  # frame, margins and the arrow
        elif isinstance(x, QLabel) and x.text() and not x.wordWrap():
            worst, need = x.text(), x.minimumSizeHint().width()
        elif isinstance(x, QAbstractButton) and x.text():
            worst, need = x.text(), x.sizeHint().width()
        else:
            continue
        if need > x.width() + 1:
            found.append(f"{type(x).__name__} {worst[:50]!r}: needs {need} px, has {x.width()}")
    return found


@QT_IGNORE
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_nothing_is_cut_off_at_laptop_and_desktop_sizes(qtbot, kilabel_home, lang, size):
    """UI.md: the window looks finished at 1366×768 and 1920×1080 in German and English. Every
    text of the image page (with the samples and their label) and of the Check page fits."""
    from PySide6.QtWidgets import QApplication

    from kilabel import paths
    from kilabel.gui import i18n
    from kilabel.gui.mainwindow import MainWindow
    from kilabel.settings import Settings

    i18n.install(QApplication.instance(), lang)
    try:
        w = MainWindow(Settings(jobs=1), lang)
        qtbot.addWidget(w)
        w.resize(size[0], size[1] - 28)  # minus a title bar
        w.show()
        w.fit_panes()
        open_and_wait(qtbot, w, sorted(paths.asset("samples").glob("motiv-*")))
        qtbot.wait(100)  # the layouts settle after the last text change
        problems = [f"image page: {p}" for p in _cut_off(w)]
        w.extras.check()
        qtbot.wait(100)
        problems += [f"check page: {p}" for p in _cut_off(w)]
    finally:
        i18n.install(QApplication.instance(), "en")
    assert not problems, "\n".join(problems)
