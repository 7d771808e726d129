"""User settings (settings.toml in the config folder), declared once with defaults and validation."""

from __future__ import annotations

import dataclasses
import math
import os
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kilabel import paths
from kilabel.errors import ConfigError

SCHEMA_VERSION = 1


@dataclass
class Settings:
    schema_version: int = SCHEMA_VERSION
    label_language: str = ""  # language of the visible label (de, en); empty: the window's (command line: de)
    ui_language: str = ""  # empty: follow the system
    operator: str = ""  # the person exporting; goes into the register
    organisation: str = ""
    tsa_url: str = ""  # timestamp authority; empty = offline (default)
    fetch_remote_manifests: bool = (
        False  # fetch a C2PA manifest stored at a URL (verify, check); off = offline
    )
    trust_anchors: list[str] = field(default_factory=list)  # PEM files with trusted roots
    register_path: str = ""  # empty: register.sqlite in the data folder
    # a team register on a PostgreSQL server ("postgresql://user@host/db"); wins over register_path,
    # and the environment variable KILABEL_REGISTER_URL wins over it (see register_url())
    register_url: str = ""
    max_megapixels: float = 250.0
    keys_dir: str = ""  # empty: keys/ in the data folder
    jobs: int = 0  # 0: one worker per core

    @property
    def keys_path(self) -> Path:
        return Path(self.keys_dir) if self.keys_dir else paths.data_dir() / "keys"


def settings_file() -> Path:
    return paths.config_dir() / "settings.toml"


def load(path: Path | None = None) -> Settings:
    path = path or settings_file()
    if not path.exists():
        return Settings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    known = {f.name: f for f in dataclasses.fields(Settings)}
    values = {}
    for key, value in raw.items():
        if key not in known:
            raise ConfigError(f"{path}: unknown setting '{key}'")
        default = getattr(Settings(), key)
        if (
            not isinstance(value, type(default))
            and not (isinstance(default, float) and isinstance(value, int))
        ) or (isinstance(value, bool) and not isinstance(default, bool)):
            raise ConfigError(f"{path}: setting '{key}' must be {type(default).__name__}")
        if isinstance(default, float):
            value = float(value)
        if isinstance(default, list) and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: setting '{key}' must be a list of text (file paths)")
        values[key] = value
    settings = Settings(**values)
    if settings.label_language not in ("", "de", "en"):
        raise ConfigError(f"{path}: label_language must be 'de', 'en' or empty (the window's language)")
    # TOML knows nan and inf: `nan <= 0` is false, so a plain comparison would switch the bomb check off
    if not (math.isfinite(settings.max_megapixels) and settings.max_megapixels > 0):
        raise ConfigError(
            f"{path}: max_megapixels must be a finite number greater than 0, not {settings.max_megapixels}"
        )
    if settings.register_url and not settings.register_url.startswith(REGISTER_URL_SCHEMES):
        raise ConfigError(
            f"{path}: register_url must start with postgresql:// (a PostgreSQL server), not "
            f"'{settings.register_url.split(':', 1)[0]}:'"
        )
    if settings.jobs < 0:
        raise ConfigError(
            f"{path}: jobs must be 0 (one worker per core) or a positive number, not {settings.jobs}"
        )
    return settings


REGISTER_URL_SCHEMES = ("postgresql://", "postgres://")
REGISTER_URL_ENV = "KILABEL_REGISTER_URL"


def register_url(settings: Settings | None) -> str:
    """The team register's URL: KILABEL_REGISTER_URL if set, else the setting; '' for the local file.
    A value the environment gives is checked like the setting (one clear error, not a driver's)."""
    url = os.environ.get(REGISTER_URL_ENV, "").strip()
    if url:
        if not url.startswith(REGISTER_URL_SCHEMES):
            raise ConfigError(f"{REGISTER_URL_ENV} must start with postgresql:// (a PostgreSQL server)")
        return url
    return settings.register_url.strip() if settings is not None else ""


def jobs_count(text: str) -> int:
    """The type of `--jobs`: 0 (one worker per core) or a positive whole number; argparse shows the
    message (exit 2) for anything else, a negative number included."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (one per core) or a positive number, not {value}")
    return value


FILE_MODE = 0o644  # settings.toml lists the trust anchors: nobody but its owner may write it


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write settings.toml atomically, 0644 whatever the umask, in a folder that only its owner may
    write (else another local user could swap the file and add a trust anchor). On Windows the mode
    does not apply: the config folder is in the user's profile (%APPDATA%), limited to that user."""
    import tomli_w

    path = path or settings_file()
    paths.make_dirs(path.parent, 0o755)
    if sys.platform != "win32" and path.parent == paths.config_dir():
        st = path.parent.stat()
        if st.st_uid == os.geteuid() and st.st_mode & 0o022:
            os.chmod(path.parent, st.st_mode & 0o7755)  # kilabel's own folder, made under a lax umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            if sys.platform != "win32":
                os.fchmod(f.fileno(), FILE_MODE)
            f.write(tomli_w.dumps(dataclasses.asdict(settings)))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
