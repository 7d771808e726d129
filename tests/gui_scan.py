"""Reading a window the way a user and a screen reader do: every visible text, and every control's
accessible name (what Qt hands to a screen reader: the accessible name, else a buddy label's
text, else the control's own text).

English is recognised by words that German never uses; names (Midjourney, C2PA, FOGRA39), file
names and paths are left out before looking.
"""

from __future__ import annotations

import re

# Words of English sentences and UI labels that German text does not contain (lower case).
ENGLISH = set(
    """
    the and of not cannot is are was were with without from this that these those which there
    file files image images error errors warning warnings ready loading done failed missing none
    open save close cancel choose select folder settings source type size colour color
    opacity angle spacing exported labelled unlabelled checked untrusted trusted invalid valid
    bottom top left right centre center page pages date reason output input
    technical note notes yes no off on apply delete remove add new edit help about quit exit
    picture pictures choose preview show hide skip overwrite keep replace correction
    """.split()
)
# Names, codes and units that read the same in both languages.
ALLOWED = set(
    """
    kilabel midjourney firefly dall openai adobe stable diffusion c2pa iptc xmp exif icc fogra39 cmyk rgb
    srgb jpeg jpg png tiff tif webp pdf pdf/x dpi ppi pt mm px mb kb gb ok ki ai id csv json xlsx
    """.split()
)
_SKIP = re.compile(
    r"(\S+\.(jpe?g|png|tiff?|webp|pdf|c2pa|csv|json|xlsx|toml|sqlite)\b)|(/[\w./-]+)|(KL-[\w-]+)|(https?://\S+)",
    re.I,
)


def english_words(text: str) -> list[str]:
    text = _SKIP.sub(" ", re.sub(r"<[^>]+>", " ", text))
    words = re.findall(r"[A-Za-zÄÖÜäöüß]+", text.replace("&", ""))
    return [w for w in words if w.lower() in ENGLISH and w.lower() not in ALLOWED]


def _model_texts(view) -> list[str]:
    from PySide6.QtCore import QModelIndex, Qt

    model = view.model()
    if model is None:
        return []
    out = []
    rows = min(model.rowCount(QModelIndex()), 200)
    try:
        cols = model.columnCount(QModelIndex())
    except TypeError:  # a list model: one column, its count not public
        cols = 1
    for c in range(cols):
        head = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if head:
            out.append(str(head))
    for r in range(rows):
        for c in range(cols):
            val = model.index(r, c).data(Qt.ItemDataRole.DisplayRole)
            if isinstance(val, str) and val:
                out.append(val)
    return out


def visible_texts(root) -> list[tuple[str, str]]:
    """(widget, text) for every text a user sees in `root` and its visible children."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
        QWidget,
    )

    out: list[tuple[str, str]] = []
    if root.windowTitle():
        out.append((type(root).__name__ + " title", root.windowTitle()))
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        name = f"{type(w).__name__} {w.objectName()}".strip()
        texts: list[str] = []
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts += [w.placeholderText()] + ([] if w.isReadOnly() is False else [w.text()])
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, (QTextEdit, QPlainTextEdit)) and w.isReadOnly():
            texts.append(w.toPlainText())
        elif isinstance(w, QAbstractItemView):
            texts += _model_texts(w)
        out += [(name, t) for t in texts if t]
    return out


def menu_texts(window) -> list[tuple[str, str]]:
    """Every menu's and menu item's text in the window's menu bar (visible when opened)."""
    out = []
    bar = window.menuBar() if hasattr(window, "menuBar") else None
    if bar is None:
        return out
    for action in bar.actions():
        out.append(("menu", action.text()))
        menu = action.menu()
        if menu is not None:
            out += [("menu item", a.text()) for a in menu.actions() if a.text()]
    return out


def english_in(texts: list[tuple[str, str]]) -> list[str]:
    return [
        f"{where}: {text!r} ({', '.join(words)})" for where, text in texts if (words := english_words(text))
    ]


INTERACTIVE = (
    "QAbstractButton",
    "QLineEdit",
    "QComboBox",
    "QAbstractSpinBox",
    "QAbstractSlider",
    "QAbstractItemView",
    "QTextEdit",
    "QPlainTextEdit",
)


def unnamed_controls(root) -> list[str]:
    """Visible, enabled interactive widgets a screen reader would announce without a name."""
    from PySide6 import QtWidgets
    from PySide6.QtGui import QAccessible

    kinds = tuple(getattr(QtWidgets, k) for k in INTERACTIVE)
    missing = []
    for w in root.findChildren(QtWidgets.QWidget):
        if not isinstance(w, kinds) or not w.isVisible():
            continue
        parent = w.parent()
        if isinstance(w, QtWidgets.QScrollBar) or isinstance(
            parent, (QtWidgets.QComboBox, QtWidgets.QAbstractSpinBox)
        ):
            continue  # parts of other controls
        if isinstance(w, QtWidgets.QAbstractButton) and isinstance(w.parent(), QtWidgets.QTabBar):
            continue  # a tab bar's scroll arrows
        iface = QAccessible.queryAccessibleInterface(w)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not (name or "").strip():
            missing.append(f"{type(w).__name__} {w.objectName()!r} tooltip={w.toolTip()!r}")
    return missing
