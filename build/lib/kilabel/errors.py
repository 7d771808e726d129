"""Exit codes and the exceptions that carry them (DESIGN.md: exit codes)."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    ok = 0
    some_failed = 1
    usage = 2
    attention = 3
    cancelled = 130


class KilabelError(Exception):
    """Base error: a one-line, user-readable message."""

    exit_code = ExitCode.some_failed


class ConfigError(KilabelError):
    """A preset, profile, settings or provenance file is wrong; the message names file and field."""

    exit_code = ExitCode.usage


class InputError(KilabelError):
    """An input file cannot be used (unreadable, truncated, not an image, too large)."""


class ExportError(KilabelError):
    """Writing, signing or validating an output failed."""


class SigningError(KilabelError):
    """No usable signing identity, or the key/certificate is wrong."""

    exit_code = ExitCode.usage


class Cancelled(KilabelError):
    exit_code = ExitCode.cancelled
