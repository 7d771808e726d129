"""Names a screen reader reads (issue 14, item 11): every control gets an accessible name in the window's
language, and each form label is linked to its field (the label's mnemonic then focuses the field).

Qt would derive a name from a buddy label only inside its accessibility bridge, not in accessibleName(),
and not at all for fields that sit in a row of several widgets; so the names are set explicitly.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)


def plain(text: str) -> str:
    """Label text as read aloud: without mnemonic marks, a trailing colon or ellipsis."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip(":…").strip()


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """The controls a user can operate under `root`; the parts inside a combo or spin box (its line
    edit, its popup list) belong to that box and are not counted on their own."""
    found = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INTERACTIVE) or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        parent, inner = w.parentWidget(), False
        while parent is not None and parent is not root:
            if isinstance(parent, (QComboBox, QAbstractSpinBox)):
                inner = True
                break
            parent = parent.parentWidget()
        if not inner:
            found.append(w)
    return found


def _widgets_in(item) -> list[QWidget]:
    if item is None:
        return []
    if item.widget() is not None:
        return [item.widget()]
    layout: QLayout | None = item.layout()
    out = []
    for i in range(layout.count() if layout is not None else 0):
        out += _widgets_in(layout.itemAt(i))
    return out


def link_form(form: QFormLayout) -> None:
    """Each row's label becomes the buddy and the accessible name of the first control of its row
    (the first of several in a row: a folder field before its Choose button)."""
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = label_item.widget() if label_item else None
        if not isinstance(label, QLabel) or not label.text():
            continue
        controls = [
            w
            for w in _widgets_in(form.itemAt(row, QFormLayout.ItemRole.FieldRole))
            if isinstance(w, INTERACTIVE) or w.focusPolicy() != Qt.FocusPolicy.NoFocus
        ]
        if not controls:
            continue
        owner = form.parentWidget()
        captioned = owner is not None and any(
            lab.buddy() is controls[0] for lab in owner.findChildren(QLabel)
        )
        if label.buddy() is None and not captioned:  # a field with its own caption keeps that one
            label.setBuddy(controls[0])
        if not controls[0].accessibleName():
            controls[0].setAccessibleName(plain(label.text()))


def name_the_rest(root: QWidget) -> None:
    """Controls still without a name are named by their visible text, else by their tooltip."""
    for w in interactive_widgets(root):
        if w.accessibleName():
            continue
        text = w.text() if isinstance(w, QAbstractButton) else ""
        name = plain(text) if text and text.strip("…↖↑↗←•→↙↓↘ ") else plain(w.toolTip())
        if name:
            w.setAccessibleName(name)
