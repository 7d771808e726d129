"""Extras and Help menu entries: each opens its dialog (imported only when asked for)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox


class Extras(QObject):
    """Opens Check, Register, Image credits, Signing identity, Settings, Quick guide and About."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self.check_view = None
        self.relabel_window = None

    def check(self, paths: list[str] | None = None):
        """Show the Check page of the window (created on first use); returns it."""
        from kilabel.gui.check_dialog import CheckView

        w = self.w
        if self.check_view is None:
            self.check_view = CheckView(w.settings, w.ui_language)
            self.check_view.back.connect(w.show_images_page)
            w.stack.addWidget(self.check_view)
        w.stack.setCurrentWidget(self.check_view)
        if paths:
            self.check_view.check_paths(paths)
        return self.check_view

    def _register_module(self, name: str):
        """The register engineer's dialogs; a build without them says so instead of failing."""
        try:
            from kilabel.gui import register_view
        except ImportError:
            return None
        return getattr(register_view, name, None)

    def _not_available(self, what: str) -> None:
        QMessageBox.information(
            self.w, what, self.tr("{0} is not available in this version of kilabel.").format(what)
        )

    def register(self) -> None:
        dialog_cls = self._register_module("RegisterDialog")
        if dialog_cls is None:
            self._not_available(self.tr("The register"))
            return
        self._with_register(lambda register: dialog_cls(register, parent=self.w).exec())

    def credits(self) -> None:
        dialog_cls = self._register_module("CreditsDialog")
        if dialog_cls is None:
            self._not_available(self.tr("Creating image credits"))
            return
        self._with_register(lambda register: dialog_cls(register, parent=self.w).exec())

    def _with_register(self, use) -> None:
        """use(register) with the settings' register, opened without holding up the window (a team
        register's server may take seconds to answer, or not answer), and closed afterwards."""
        from kilabel.gui.register_open import RegisterOpener

        register = RegisterOpener(self.w).open(self.w.settings)
        try:
            use(register)
        finally:
            register.close()

    def check_folder(self) -> None:
        """Check a whole folder of existing material (images and PDFs): what is unlabelled."""
        from kilabel.gui.folder_check_view import FolderCheckDialog

        FolderCheckDialog(self.w).exec()

    def relabel(self, paths: list[str] | None = None):
        """The relabel window for existing images and PDFs (copies; the originals stay), with the
        main window's preset, position and label language as its defaults; returns it. One window:
        asked again, it comes to the front with its files."""
        import shiboken6

        from kilabel.gui.relabel_window import RelabelWindow

        w, rw = self.w, self.relabel_window
        if rw is None or not shiboken6.isValid(rw) or not rw.isVisible():
            rw = RelabelWindow(
                w.settings, w.ui_language, preset=w.job.preset, label_language=w.job.language, parent=w
            )
            rw.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone; the next one is new
            self.relabel_window = rw
        self.relabel_window.show()
        self.relabel_window.raise_()
        self.relabel_window.activateWindow()
        if paths:
            self.relabel_window.add_paths(paths)
        return self.relabel_window

    def relabel_pdf(self) -> None:
        """The Extras menu's entry (its name kept for menus.py): the relabel window."""
        self.relabel()

    def identity(self) -> None:
        from kilabel.gui.identity_dialog import IdentityDialog

        IdentityDialog(self.w.settings, self.w).exec()

    def settings(self) -> None:
        from kilabel.gui.settings_dialog import SettingsDialog

        SettingsDialog(self.w.settings, self.w).exec()

    def guide(self) -> None:
        from kilabel.gui.about import GuideDialog

        GuideDialog(self.w).exec()

    def about(self) -> None:
        from kilabel.gui.about import AboutDialog

        AboutDialog(self.w).exec()
