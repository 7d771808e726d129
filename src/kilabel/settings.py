"""User settings (settings.toml in the config folder), declared once with defaults and validation."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kilabel import paths
from kilabel.errors import ConfigError

SCHEMA_VERSION = 1


@dataclass
class Settings:
    schema_version: int = SCHEMA_VERSION
    label_language: str = "de"  # language of the visible label (de, en)
    ui_language: str = ""  # empty: follow the system
    operator: str = ""  # the person exporting; goes into the register
    organisation: str = ""
    tsa_url: str = ""  # timestamp authority; empty = offline (default)
    fetch_remote_manifests: bool = (
        False  # fetch a C2PA manifest stored at a URL (verify, check); off = offline
    )
    trust_anchors: list[str] = field(default_factory=list)  # PEM files with trusted roots
    register_path: str = ""  # empty: register.sqlite in the data folder
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
        if not isinstance(value, type(default)) and not (
            isinstance(default, float) and isinstance(value, int)
        ):
            raise ConfigError(f"{path}: setting '{key}' must be {type(default).__name__}")
        values[key] = value
    settings = Settings(**values)
    if settings.label_language not in ("de", "en"):
        raise ConfigError(f"{path}: label_language must be 'de' or 'en'")
    if settings.max_megapixels <= 0:
        raise ConfigError(f"{path}: max_megapixels must be positive")
    return settings


def save(settings: Settings, path: Path | None = None) -> Path:
    import tomli_w

    path = path or settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(tomli_w.dumps(dataclasses.asdict(settings)), encoding="utf-8")
    tmp.replace(path)
    return path
