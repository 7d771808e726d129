"""The command line's side of `kilabel service`: hand an export to a running service, or say no.

Kept small and cheap to import (no Pillow, no C2PA, no argparse), and imported only when the
service's socket exists (kilabel.cli.entry): a command without a service pays one stat().
kilabel.cli.service is the service itself; the two share the functions below.

A service is used only when it runs this very kilabel (the same version, source files and
libraries) in the same surroundings (KILABEL_* variables, locale, time zone, temporary and home
folders: compared as a digest, so no value, such as a key's passphrase, is sent); otherwise
the command runs by itself, as without a service. The request carries the arguments and the
working folder; the service sends back what the command would have printed (stdout, stderr) and its
exit code. Ctrl+C asks the service to cancel, as it cancels a batch of its own; a second Ctrl+C, or
the command being killed, ends the wait (the service notices and cancels).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import struct
import sys
from pathlib import Path

from kilabel import __version__, paths

ENV_KEYS = (
    "LANG",
    "LANGUAGE",
    "LC_ALL",
    "LC_CTYPE",
    "LC_MESSAGES",
    "TZ",
    "TMPDIR",
    "HOME",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "APPDATA",
    "LOCALAPPDATA",
)
OFF_ENV = "KILABEL_SERVICE"  # "off": never hand a command to a service
HELLO_TIMEOUT = 0.5  # seconds: a service busy with another command does not greet; run alone then
_HEADER = struct.Struct(">I")


def available() -> bool:
    """A service needs Unix domain sockets (Linux, macOS); Windows has none in Python's library."""
    return hasattr(socket, "AF_UNIX") and sys.platform != "win32"


def private_folder(path: Path, create: bool) -> bool:
    """True if `path` is a folder only this user can enter (created so when `create`)."""
    if create:
        try:
            path.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            return False
    try:
        st = path.lstat()
    except OSError:
        return False
    return path.is_dir() and not path.is_symlink() and st.st_uid == os.getuid() and not st.st_mode & 0o077


def surroundings() -> dict:
    """What must be equal for a service to run a command as the command would itself."""
    env = sorted(
        (k, v) for k, v in os.environ.items() if (k.startswith("KILABEL_") or k in ENV_KEYS) and k != OFF_ENV
    )
    digest = hashlib.sha256(json.dumps(env).encode()).hexdigest()  # values (a passphrase) never sent
    return {"version": __version__, "code": code_stamp(), "python": sys.executable, "env": digest}


LIBRARIES = ("PIL", "c2pa", "cryptography", "piexif", "pikepdf", "psycopg", "psycopg_binary")


def code_stamp() -> str:
    """The source files' names, sizes and times (a changed file is another kilabel), and those of
    the libraries' package files (an updated Pillow or C2PA SDK is another kilabel too); the program
    file's for a bundle."""
    if getattr(sys, "frozen", False):
        st = os.stat(sys.executable)
        return f"{sys.executable}:{st.st_size}:{st.st_mtime_ns}"
    import importlib.util

    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(Path(__file__).resolve().parent.parent):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith(".py"):
                st = os.stat(os.path.join(dirpath, name))
                h.update(f"{dirpath}/{name}:{st.st_size}:{st.st_mtime_ns};".encode())
    for name in LIBRARIES:  # where each is installed (found, not imported) and when
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin and os.path.exists(spec.origin):
            folder = os.path.dirname(spec.origin)
            h.update(f"{folder}:{os.stat(folder).st_mtime_ns}:{os.stat(spec.origin).st_mtime_ns};".encode())
    return h.hexdigest()


def send(sock: socket.socket, message: dict) -> None:
    data = json.dumps(message).encode()
    sock.sendall(_HEADER.pack(len(data)) + data)


def receive(sock: socket.socket) -> dict | None:
    """The next message, or None when the other side has closed."""
    head = _exactly(sock, _HEADER.size)
    if head is None:
        return None
    data = _exactly(sock, _HEADER.unpack(head)[0])
    return None if data is None else json.loads(data)


def _exactly(sock: socket.socket, n: int) -> bytes | None:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


def connect(timeout: float = HELLO_TIMEOUT) -> tuple[socket.socket, dict] | None:
    """A connection to this data folder's service and its greeting, or None (none runs, it is
    busy, or its folder is not private)."""
    if not available():
        return None
    path = paths.service_socket()
    if not private_folder(path.parent, create=False):
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(str(path))
        hello = receive(sock)
        if hello is None:
            raise OSError("closed")
        sock.settimeout(None)
        return sock, hello
    except (OSError, ValueError):
        sock.close()
        return None


def run(argv: list[str]) -> int | None:
    """Hand the command to the service; its exit code, or None to run it here."""
    if os.environ.get(OFF_ENV, "").lower() in ("off", "0", "no", "false"):
        return None
    link = connect()
    if link is None:
        return None
    sock, hello = link
    with sock:
        mine = surroundings()
        if any(hello.get(k) != v for k, v in mine.items()):
            send(sock, {"leave": True})
            return None
        send(
            sock,
            {
                "argv": argv,
                "cwd": os.getcwd(),
                "tty": {"out": sys.stdout.isatty(), "err": sys.stderr.isatty()},
            },
        )
        return _relay(sock)


def _relay(sock: socket.socket) -> int | None:
    """Print what the service sends until its exit code; Ctrl+C asks it to cancel."""
    asked = False
    while True:
        try:
            try:
                message = receive(sock)
            except (OSError, ValueError):
                message = None
            if message is None:
                print("error: the kilabel service went away during the command", file=sys.stderr)
                return 1
            if "refused" in message:  # nothing was done: the command runs here
                return None
            if "exit" in message:
                return int(message["exit"])
            stream = sys.stdout if message.get("to") == "out" else sys.stderr
            stream.write(message.get("text", ""))
            stream.flush()
        except KeyboardInterrupt:
            if asked:
                return 130  # ExitCode.cancelled; the service cancels when it sees the connection go
            asked = True
            try:
                send(sock, {"cancel": True})
            except OSError:
                return 130
