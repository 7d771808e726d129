"""Temporary files next to the target (`.NAME.kilabel-PID.tmp`), atomic commit, stale clean-up."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

TEMP_RE = re.compile(r"^\..+\.kilabel-(\d+)(?:-[a-z0-9]+)?\.tmp$")


def temp_path(final: Path, tag: str = "") -> Path:
    suffix = f"-{tag}" if tag else ""
    return final.with_name(f".{final.name}.kilabel-{os.getpid()}{suffix}.tmp")


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed process whose parent died too may linger as a zombie: it writes nothing any more
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] not in (b"Z", b"X")
    except (OSError, IndexError):
        return True


def cleanup_stale(folder: Path) -> list[Path]:
    """Remove kilabel temporary files in `folder` whose process no longer runs; return them."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = TEMP_RE.match(entry.name)
        if m and not pid_alive(int(m.group(1))):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


def free_name(path: Path) -> Path:
    """`path`, or `stem-2.ext`, `stem-3.ext` … whichever does not exist."""
    if not path.exists():
        return path
    n = 2
    while True:
        cand = path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not cand.exists():
            return cand
        n += 1


def commit(tmp: Path, final: Path, overwrite: bool, protect: set[Path] | None = None) -> Path:
    """Move a finished temporary file to its final name atomically; never onto a protected file
    (the inputs) and, unless `overwrite`, never onto an existing file (a free name is chosen)."""
    protect = {p.resolve() for p in (protect or set())}
    target = final
    while True:
        if target.resolve() in protect:
            target = free_name(target.with_name(f"{target.stem}-kilabel{target.suffix}"))
            continue
        if overwrite:
            os.replace(tmp, target)
            return target
        try:
            os.link(tmp, target)  # atomic and refuses to clobber
        except FileExistsError:
            target = free_name(target)
            continue
        except OSError:
            if target.exists():
                target = free_name(target)
                continue
            os.replace(tmp, target)
            return target
        os.unlink(tmp)
        return target


def discard(*paths: Path) -> None:
    for p in paths:
        try:
            os.unlink(p)
        except OSError:
            pass
