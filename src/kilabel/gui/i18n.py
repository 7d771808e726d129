"""UI language: German or English, following the system unless Settings.ui_language says otherwise.

Source strings in the code are English; kilabel_de.qm carries the German words (UI.md's table).
Regenerate with tools/update_translations.py (pyside6-lupdate, then pyside6-lrelease).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGES = ("de", "en")

_installed: list[QTranslator] = []
_current = ["en"]


def current() -> str:
    """The language the window speaks now (the last one installed)."""
    return _current[0]


def system_language() -> str:
    name = QLocale.system().name()  # e.g. de_DE, en_GB, C
    return "de" if name.startswith("de") else "en"


def resolve(ui_language: str) -> str:
    return ui_language if ui_language in LANGUAGES else system_language()


def install(app: QCoreApplication, ui_language: str) -> str:
    """Install the translators for the chosen language; returns the language in use."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = resolve(ui_language)
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(str(I18N_DIR / f"kilabel_{lang}.qm")):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)  # Qt's own dialogs (file dialog, message box buttons)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(QLocale(QLocale.Language.German if lang == "de" else QLocale.Language.English))
    _current[0] = lang
    return lang


def tr(text: str, context: str = "") -> str:
    """Translate outside a QObject; pyside6-lupdate files plain tr("…") under the empty context."""
    return QCoreApplication.translate(context, text)
