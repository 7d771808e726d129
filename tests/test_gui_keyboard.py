"""Keyboard and discoverability (issue 14, item 8): why Export is disabled is visible as text, Ctrl+E
works from a text field, Esc cancels a running export, menus carry mnemonics, size fields are named."""

from __future__ import annotations

import pytest
from gui_helpers import QT_IGNORE, open_and_wait
from PySide6.QtCore import QEvent, QObject, Qt

pytestmark = [pytest.mark.gui, QT_IGNORE]

CTRL = Qt.KeyboardModifier.ControlModifier


def _activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_export_disabled_with_a_visible_reason_until_the_source_type_is_set(qtbot, window, make_image):
    open_and_wait(qtbot, window, [make_image("a.jpg")])
    button, reason = window.actions_.export_button, window.actions_.export_reason
    assert not button.isEnabled() and not window.actions_.export.isEnabled()
    assert reason.isVisible() and "source type" in reason.text() and "a.jpg" in reason.text()
    window.select_all()
    window.edit_provenance("source_type", "trainedAlgorithmicMedia")
    # the row says "Details missing: AI system": Export is possible, the gap is named beside it
    assert button.isEnabled() and reason.isVisible() and "AI system" in reason.text()
    window.edit_provenance("ai_system", "Midjourney")
    assert button.isEnabled() and window.actions_.export.isEnabled()
    assert not reason.isVisible()


def test_export_disabled_while_the_check_page_is_shown(qtbot, window, make_image):
    open_and_wait(qtbot, window, [make_image("a.jpg")])
    window.select_all()
    window.edit_provenance("source_type", "digitalCapture")
    assert window.actions_.export_button.isEnabled()
    window.extras.check()
    assert not window.actions_.export_button.isEnabled() and not window.actions_.export.isEnabled()
    assert window.actions_.export_reason.text()
    window.show_images_page()
    assert window.actions_.export_button.isEnabled()


class _EmacsKeys(QObject):
    """What a text field does with the X11/Emacs key bindings of Linux desktops: it claims Ctrl+E
    ("end of line") through ShortcutOverride, so a window shortcut on that key never fires."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_E:
            event.accept()
            return True
        return False


@pytest.mark.parametrize("field", ["prompt", "ai_system"])
def test_ctrl_e_exports_while_a_text_field_has_the_focus(qtbot, window, make_image, monkeypatch, field):
    open_and_wait(qtbot, window, [make_image("a.jpg")])
    window.select_all()
    window.edit_provenance("source_type", "digitalCapture")
    calls = []
    monkeypatch.setattr(window.export, "start", lambda: calls.append("start"))
    pp = window.side.provenance
    edit = pp.prompt if field == "prompt" else pp.fields[field]
    emacs = _EmacsKeys(edit)
    edit.installEventFilter(emacs)
    _activate(qtbot, window)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_E, CTRL)
    assert calls == ["start"]


class _FakeThread:
    def __init__(self) -> None:
        self.cancelled = 0

    def cancel(self) -> None:
        self.cancelled += 1

    def wait(self, *_args) -> bool:
        return True


def test_esc_cancels_a_running_export_only(qtbot, window, make_image):
    open_and_wait(qtbot, window, [make_image("a.jpg")])
    _activate(qtbot, window)
    window.list_view.setFocus()
    cancel = window.actions_.cancel_export
    assert not cancel.isEnabled()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Escape)  # idle: nothing to cancel, nothing breaks
    fake = _FakeThread()
    window.export.thread = fake  # the controller is busy
    try:
        window.export.update_button()
        assert cancel.isEnabled()
        qtbot.keyClick(window.list_view, Qt.Key.Key_Escape)
        assert fake.cancelled == 1
        assert not window.bar.cancel_btn.isEnabled()  # "Cancelling …"
    finally:
        window.export.thread = None
        window.export.update_button()
    assert not cancel.isEnabled()


def _mnemonic(text: str) -> str:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].lower() if i >= 0 else ""


def test_menus_and_their_items_carry_distinct_mnemonics(window):
    titles = [a.text() for a in window.menuBar().actions()]
    keys = [_mnemonic(t) for t in titles]
    assert all(keys) and len(set(keys)) == len(keys), titles
    for menu_action in window.menuBar().actions():
        items = [a.text() for a in menu_action.menu().actions() if not a.isSeparator()]
        keys = [_mnemonic(t) for t in items]
        assert all(keys), items
        assert len(set(keys)) == len(keys), items


def test_size_fields_have_visible_labels_and_accessible_names(window):
    lp = window.side.label
    for field in (lp.share, lp.height_pt):
        buddies = [lab for lab in lp.findChildren(type(lp.lock_note)) if lab.buddy() is field and lab.text()]
        assert len(buddies) == 1, field.suffix()
        assert buddies[0].isVisibleTo(lp)
        assert field.accessibleName() == buddies[0].text()
