"""The core stays Qt-free: the CLI, the batch workers and a server need no Qt."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "kilabel"
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|PyQt[56])\b", re.MULTILINE)


def core_modules() -> list[str]:
    mods = []
    for p in SRC.rglob("*.py"):
        parts = p.relative_to(SRC).with_suffix("").parts
        if parts[0] == "gui" or parts[-1] == "__main__":
            continue
        mods.append(".".join(("kilabel",) + (parts[:-1] if parts[-1] == "__init__" else parts)))
    return sorted(mods)


def test_no_qt_import_outside_gui_folder():
    offenders = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if "gui" not in p.relative_to(SRC).parts and QT_IMPORT.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    mods = core_modules()
    assert "kilabel.export.one" in mods and "kilabel.cli.main" in mods
    code = (
        "import importlib, sys\n"
        + "".join(f"importlib.import_module({m!r})\n" for m in mods)
        + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_cli_help_imports_little():
    """`kilabel --help` must stay fast: no Pillow, c2pa or Qt at import."""
    code = (
        "import sys\nfrom kilabel.cli import main\ntry:\n    main.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('PIL', 'c2pa', 'PySide6', 'cryptography') if m in sys.modules])"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip().splitlines()[-1] == "[]", r.stdout


def test_import_layers_hold():
    """The layer order, no Qt outside gui/ and no circles (pyproject's import-linter contracts)."""
    exe = Path(sys.executable).with_name("lint-imports")
    assert exe.exists(), "lint-imports is missing: pip install -e '.[test]' (import-linter)"
    r = subprocess.run(
        [str(exe), "--no-cache"], capture_output=True, text=True, timeout=300, cwd=SRC.parent.parent
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert "3 kept, 0 broken" in r.stdout
