"""Is a path on a network drive? SQLite's file locking is not safe there (DESIGN: Register).

Linux: the file system type of the mount holding the path, from /proc/mounts. Windows: a UNC path
or a drive letter whose GetDriveType is DRIVE_REMOTE. macOS: the `mount` command's type column
(os.statvfs does not say the file system type). Elsewhere, or when the check itself fails, the
answer is "not known to be remote": this is a warning, not a guard.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path, PurePath, PureWindowsPath

REMOTE_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "sshfs",
    "fuse.sshfs",
    "afs",
    "ncpfs",
    "ceph",
    "fuse.ceph",
    "glusterfs",
    "fuse.glusterfs",
    "lustre",
    "gpfs",
    "davfs",
    "fuse.davfs2",
    "fuse.rclone",
    "fuse.s3fs",
    "9p",
    "afpfs",
    "webdav",
    "macfuse",
    "osxfuse",
}
DRIVE_REMOTE = 4


def _existing(path: Path) -> Path:
    """The path itself or its nearest existing parent (the register may not exist yet)."""
    path = path.expanduser().absolute()
    for cand in (path, *path.parents):
        if cand.exists():
            return cand.resolve()
    return path


def _unescape(field: str) -> str:
    r"""/proc/mounts writes space, tab, newline and backslash as \040, \011, \012, \134."""
    out, i = [], 0
    while i < len(field):
        code = field[i + 1 : i + 4]
        if field[i] == "\\" and len(code) == 3 and code.isdigit():
            out.append(chr(int(code, 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def fs_type_linux(path: PurePath, mounts_text: str) -> str:
    """The type of the longest mount point holding `path`, from /proc/mounts text."""
    best, best_type = -1, ""
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point, fstype = _unescape(parts[1]), parts[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/") or point == "/"
        if inside and len(point) > best:
            best, best_type = len(point), fstype
    return best_type


def fs_type_macos(path: PurePath, mount_output: str) -> str:
    """The type of the longest mount point holding `path`, from `mount` output lines such as
    '//user@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by user)'."""
    best, best_type = -1, ""
    target = str(path)
    for line in mount_output.splitlines():
        if " on " not in line or not line.endswith(")"):
            continue
        rest = line.split(" on ", 1)[1]
        point, _, opts = rest.rpartition(" (")
        fstype = opts.split(",")[0].strip()
        inside = target == point or target.startswith(point.rstrip("/") + "/") or point == "/"
        if inside and len(point) > best:
            best, best_type = len(point), fstype
    return best_type


def is_unc(path: str) -> bool:
    p = PureWindowsPath(path)
    return str(p).startswith("\\\\") or p.drive.startswith("\\\\")


def _windows_remote(path: Path) -> bool:
    import ctypes

    drive = PureWindowsPath(str(path)).drive
    if not drive:
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE  # type: ignore[attr-defined]


def network_reason(path: Path) -> str:
    """A one-line warning if `path` is on a network drive, else ''."""
    try:
        if sys.platform == "win32":
            if is_unc(str(path)) or is_unc(os.path.abspath(path)):
                return f"{path} is on a network share (UNC path)"
            return f"{path} is on a network drive" if _windows_remote(_existing(path)) else ""
        if sys.platform.startswith("linux"):
            fstype = fs_type_linux(_existing(path), Path("/proc/mounts").read_text(encoding="utf-8"))
        elif sys.platform == "darwin":
            out = subprocess.run(["mount"], capture_output=True, text=True, timeout=5).stdout
            fstype = fs_type_macos(_existing(path), out)
        else:
            return ""
    except (OSError, subprocess.SubprocessError, AttributeError, ValueError):
        return ""
    return f"{path} is on a network file system ({fstype})" if fstype in REMOTE_FS else ""
