"""Build dataclasses from TOML tables with errors that name the file and the field.

Presets and export profiles are declared once as dataclasses (titles in field metadata,
defaults, `check()` hooks for ranges); this module turns a parsed TOML dict into them.
"""

from __future__ import annotations

import dataclasses
import functools
import string
import tomllib
import typing
from pathlib import Path
from typing import Any, TypeVar

from kilabel.errors import ConfigError

T = TypeVar("T")


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", str(tp))


def _convert(value: Any, tp: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: expected a table")
        return from_dict(tp, value, where)
    if origin is dict:
        _, vt = typing.get_args(tp)
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: expected a table")
        return {str(k): _convert(v, vt, f"{where}.{k}") for k, v in value.items()}
    if origin is list:
        (it,) = typing.get_args(tp)
        if not isinstance(value, list):
            raise ConfigError(f"{where}: expected a list")
        return [_convert(v, it, f"{where}[{i}]") for i, v in enumerate(value)]
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if tp in (str, int, float, bool):
        if not isinstance(value, tp) or (tp is int and isinstance(value, bool)):
            raise ConfigError(f"{where}: expected {_type_name(tp)}, got {value!r}")
        return value
    return value


@functools.cache  # per class: resolving the annotations was most of loading the 16 presets (14 ms)
def _fields_and_hints(cls: type) -> tuple[dict, dict]:
    return {f.name: f for f in dataclasses.fields(cls)}, typing.get_type_hints(cls)


def from_dict(cls: type[T], data: dict, where: str) -> T:
    fields, hints = _fields_and_hints(cls)
    unknown = [k for k in data if k not in fields]
    if unknown:
        raise ConfigError(f"{where}: unknown field '{unknown[0]}' (known: {', '.join(fields)})")
    values = {}
    for name, value in data.items():
        values[name] = _convert(
            value, hints[name], f"{where}: {name}" if ": " not in where else f"{where}.{name}"
        )
    obj = cls(**values)
    check = getattr(obj, "check", None)
    if check:
        check(where)
    return obj


def load_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc


def to_dict(obj: Any) -> dict:
    return dataclasses.asdict(obj)


def require(cond: bool, where: str, field: str, message: str) -> None:
    if not cond:
        raise ConfigError(f"{where}: {field}: {message}")


def template_problem(text: str, known) -> str:
    """Why `text` is not a usable {field} template ('' if it is): plain names from `known` only; no
    attributes ({ai_system.x}), indexes ({x[0]}), positions ({0}, {}), conversions or format specs,
    since str.format would run those and fail (or worse) when the text is used."""
    known = list(known)
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        return f"bad {{field}} template: {exc} (write {{{{ and }}}} for a literal brace)"
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.isidentifier():
            return f"{{{name}}} is not a plain field name; use one of: {', '.join(known)}"
        if name not in known:
            return f"unknown field {{{name}}}; known: {', '.join(known)}"
        if spec or conversion:
            return f"{{{name}}} may not carry a format or conversion; write just {{{name}}}"
    return ""
