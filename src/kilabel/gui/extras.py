"""Extras and Help menu entries: each opens its dialog (imported only when asked for)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox


class Extras(QObject):
    """Opens Check, Register, Image credits, Signing identity, Settings, Quick guide and About."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self.check_view = None

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
        dialog_cls(settings=self.w.settings, parent=self.w).exec()

    def credits(self) -> None:
        dialog_cls = self._register_module("CreditsDialog")
        opener = self._register_module("open_register")
        if dialog_cls is None or opener is None:
            self._not_available(self.tr("Creating image credits"))
            return
        register = opener(self.w.settings)
        try:
            dialog_cls(register, parent=self.w).exec()
        finally:
            close = getattr(register, "close", None)
            if close:
                close()

    def check_folder(self) -> None:
        """Check a whole folder of existing material (images and PDFs): what is unlabelled."""
        from kilabel.gui.folder_check_view import FolderCheckDialog

        FolderCheckDialog(self.w).exec()

    def relabel_pdf(self) -> None:
        """Stamp the label onto AI images placed in a finished PDF (a new PDF; the original stays)."""
        from kilabel.gui.pdf_relabel_view import PdfRelabelDialog

        PdfRelabelDialog(parent=self.w).exec()

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
