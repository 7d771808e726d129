"""Refresh the window's translations: pyside6-lupdate collects the strings from src/kilabel/gui/*.py
into src/kilabel/gui/i18n/kilabel_{de,en}.ts (keeping existing translations), then pyside6-lrelease
compiles the .qm files the program loads. Translate new strings in the .ts (Qt Linguist) first.

    /work/venv/bin/python tools/update_translations.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "src" / "kilabel" / "gui"
I18N = GUI / "i18n"
LANGS = ("de", "en")


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found (pip install PySide6-Essentials)")
    return found


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in GUI.glob("*.py"))
    for lang in LANGS:
        ts = I18N / f"kilabel_{lang}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources,
                "-no-obsolete",
                "-source-language",
                "en",
                "-target-language",
                lang,
                "-ts",
                str(ts.relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
