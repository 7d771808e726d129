"""Where kilabel finds its shipped files and keeps the user's own (no Qt, no third-party helper)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "kilabel"


def _bundle_root() -> Path:
    """The folder holding assets/ and presets/: the repo or install prefix, or a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    here = Path(__file__).resolve().parent
    for cand in (here.parent.parent, here, Path(sys.prefix) / "share" / APP):
        if (cand / "assets").is_dir() and (cand / "presets").is_dir():
            return cand
    return here.parent.parent


ROOT = _bundle_root()
ASSETS = ROOT / "assets"
PRESETS = ROOT / "presets"


def asset(*parts: str) -> Path:
    return ASSETS.joinpath(*parts)


def config_dir() -> Path:
    """User settings, presets and profiles. KILABEL_HOME overrides (tests, portable installs)."""
    home = os.environ.get("KILABEL_HOME")
    if home:
        return Path(home) / "config"
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / APP
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP
    return Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / APP


def data_dir() -> Path:
    """Keys and the register. KILABEL_HOME overrides."""
    home = os.environ.get("KILABEL_HOME")
    if home:
        return Path(home) / "data"
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / APP
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / APP


def user_presets_dir() -> Path:
    return config_dir() / "presets"
