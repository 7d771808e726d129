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


def service_socket() -> Path:
    """Where the kilabel service of this data folder listens (POSIX): a short path (a socket's may
    have about 100 bytes) in the user's own folder of the temporary folder, named after the data
    folder. Not tempfile.gettempdir(): importing tempfile costs every command 4 ms."""
    import hashlib

    key = hashlib.sha256(str(data_dir().resolve()).encode()).hexdigest()[:16]
    return Path(os.environ.get("TMPDIR") or "/tmp") / f"kilabel-{os.getuid()}" / f"{key}.sock"


def make_dirs(path: Path, mode: int = 0o755) -> None:
    """Create `path` and its missing parents with `mode` exactly, whatever the umask (mkdir's own
    mode is reduced by the umask, and under umask 000 it would leave folders writable by everyone).
    Existing folders are left as they are. On Windows the mode does not apply: the folders are in
    the user's profile, whose ACL already limits them to that user."""
    path = Path(path)
    missing = []
    while not path.exists():
        missing.append(path)
        if path.parent == path:
            break
        path = path.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode)
        except FileExistsError:  # made by another process meanwhile
            continue
        if sys.platform != "win32":
            os.chmod(folder, mode)
