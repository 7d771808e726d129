"""`kilabel service start|stop|status`: a background process that keeps kilabel loaded and its export
workers warm, for scripts that run many small exports (a hot folder, a hook of an asset system).

A command started cold spends about 0.2 s before its first file (Python, Pillow, the C2PA SDK and
cryptography imported, the keys read, the workers started); for a few files that is a large part of
the whole. While a service runs, `kilabel export` hands its batch to it (kilabel.cli.service_link)
and only prints what the service sends back: the same lines, files, register entries and exit code
as without it. Only a user's own processes can reach it (a socket in a folder only the user may
enter). It runs one command at a time (another runs by itself meanwhile), re-reads settings and
keys for each, and ends after an idle time (30 minutes), with `kilabel service stop`, or when its
kilabel is updated (a changed kilabel is not handed commands; stop and start it again).
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback

from kilabel import paths, tempfiles
from kilabel.cli import service_link as link
from kilabel.errors import ExitCode

IDLE_MINUTES = 30
START_TIMEOUT = 30.0  # seconds `service start` waits for the service to answer
NONE_ANSWERED = "no kilabel service answered for this data folder (none runs, or it is busy with a command)"


def _minutes(text: str) -> float:
    """The type of --idle: a finite number of minutes above 0 (argparse shows the message, exit 2)."""
    import argparse
    import math

    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 < value <= 7 * 24 * 60):
        raise argparse.ArgumentTypeError(f"{text}: minutes above 0, at most a week (10080)")
    return value


def add_parser(sub) -> None:
    s = sub.add_parser(
        "service",
        help="keep kilabel loaded in the background for many small exports (Linux, macOS)",
        description=__doc__.split("\n\n")[1],
    )
    ss = s.add_subparsers(dest="service_cmd", required=True)
    st = ss.add_parser("start", help="start the service for this data folder")
    st.add_argument(
        "--idle",
        type=_minutes,
        default=IDLE_MINUTES,
        help=f"minutes without a command until it ends ({IDLE_MINUTES})",
    )
    ss.add_parser("stop", help="end the service (after the command it runs)")
    ss.add_parser("status", help="whether a service runs, since when, how many commands it ran")
    run = ss.add_parser("run", help="be the service in the foreground (what start runs)")
    run.add_argument("--idle", type=_minutes, default=IDLE_MINUTES)


def command(args, run_command) -> int:
    """The `service` subcommands; `run_command(argv, service=…)` runs one command (cli.main.main)."""
    if not link.available():
        print(
            "error: kilabel service needs Unix domain sockets (Linux, macOS), not on Windows", file=sys.stderr
        )
        return ExitCode.usage
    if args.service_cmd == "start":
        return start(args.idle)
    if args.service_cmd == "stop":
        return stop()
    if args.service_cmd == "status":
        return status()
    return Service(args.idle * 60, run_command).serve()


def start(idle_minutes: float) -> int:
    running = link.connect(timeout=5.0)
    if running is not None:
        running[0].close()
        print(f"a kilabel service runs already (pid {running[1]['pid']})", file=sys.stderr)
        return ExitCode.ok
    log = paths.data_dir() / "service.log"
    paths.make_dirs(log.parent)
    if getattr(sys, "frozen", False):  # the bundle's program is the command line when called kilabel
        argv, program = ["kilabel", "service", "run"], sys.executable
    else:
        argv, program = [sys.executable, "-m", "kilabel", "service", "run"], None
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [*argv, "--idle", str(idle_minutes)],
            executable=program,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=out,
            start_new_session=True,  # Ctrl+C in this terminal is not the service's
            close_fds=True,
        )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            other = link.connect(timeout=1.0)  # another start was quicker: that one serves
            if other is not None:
                other[0].close()
                print(f"a kilabel service runs already (pid {other[1]['pid']})", file=sys.stderr)
                return ExitCode.ok
            print(
                f"error: the kilabel service ended at once (exit {proc.returncode}); see {log}",
                file=sys.stderr,
            )
            return ExitCode.some_failed
        up = link.connect(timeout=1.0)
        if up is not None:
            up[0].close()
            print(
                f"kilabel service started (pid {proc.pid}): exports hand their files to it; it ends after "
                f"{idle_minutes:g} idle minutes or with `kilabel service stop` (log: {log})",
                file=sys.stderr,
            )
            return ExitCode.ok
        time.sleep(0.05)
    proc.terminate()
    print(
        f"error: the kilabel service did not answer within {START_TIMEOUT:.0f} s; see {log}", file=sys.stderr
    )
    return ExitCode.some_failed


def stop() -> int:
    running = link.connect(timeout=5.0)
    if running is None:
        print(NONE_ANSWERED, file=sys.stderr)
        return ExitCode.ok
    sock, hello = running
    with sock:
        link.send(sock, {"stop": True})
        link.receive(sock)  # it answers once it has finished and will accept nothing more
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and tempfiles.pid_alive(hello["pid"]):
        time.sleep(0.05)
    print(f"kilabel service (pid {hello['pid']}) stopped", file=sys.stderr)
    return ExitCode.ok


def status() -> int:
    running = link.connect(timeout=5.0)
    if running is None:
        print(NONE_ANSWERED)
        return ExitCode.some_failed
    sock, hello = running
    with sock:
        link.send(sock, {"leave": True})
    same = all(hello.get(k) == v for k, v in link.surroundings().items())
    print(
        f"kilabel service pid {hello['pid']}, running since {hello['since']}, {hello['served']} commands run, "
        f"workers {' '.join(map(str, hello['workers'])) or 'none'}"
        + ("" if same else "; not used from here (another kilabel or other settings in the environment)")
    )
    return ExitCode.ok


class _Stream(io.TextIOBase):
    """sys.stdout or sys.stderr while the service runs a command: the text goes to the command."""

    def __init__(self, sock, lock, to: str, tty: bool, gone: threading.Event, cancel: threading.Event):
        self._sock, self._lock, self._to, self._tty = sock, lock, to, tty
        self._gone, self._cancel = gone, cancel

    @property
    def encoding(self) -> str:
        return "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._tty

    def write(self, text: str) -> int:
        if text and not self._gone.is_set():
            try:
                with self._lock:
                    link.send(self._sock, {"to": self._to, "text": text})
            except OSError:  # the command was killed: nothing more to say, and the batch is cancelled
                self._gone.set()
                self._cancel.set()
        return len(text)


class Service:
    """The service process: accepts one command at a time, runs it with kept workers."""

    def __init__(self, idle_seconds: float, run_command) -> None:
        from kilabel.export import engine

        self.idle_seconds = idle_seconds
        self.run_command = run_command
        self.kept = engine.KeptPool(idle_seconds=self.idle_seconds, one_job_too=True)
        self.served = 0
        self.since = time.strftime("%Y-%m-%d %H:%M:%S")
        self.surroundings = link.surroundings()
        self.cancel = threading.Event()  # the running command's (a new one for each)

    @contextlib.contextmanager
    def workers(self, jobs: int, identity, tsa_url: str):
        """The kept workers for a command (cli.main asks). As many as cores at least: a command
        asking for fewer uses fewer of them (the batch's jobs), and the next one asking for more
        does not have to start them again. Restarted ones (another identity) take files as each
        is ready; the service's own process exports none (its lane needs a processor the workers
        leave free, engine.WorkerPool.local_lane), so every file's library messages are caught."""
        from kilabel.export import engine

        with self.kept.use(max(jobs, engine.default_jobs()), identity, tsa_url) as pool:
            yield pool

    def _hello(self) -> dict:
        return {
            "pid": os.getpid(),
            "since": self.since,
            "served": self.served,
            "workers": self.kept.worker_pids(),
            **self.surroundings,
        }

    def serve(self) -> int:
        path = paths.service_socket()
        if not link.private_folder(path.parent, create=True):
            print(f"error: {path.parent}: not a folder only this user may enter; no service", file=sys.stderr)
            return ExitCode.some_failed
        other = link.connect(timeout=5.0)
        if other is not None:  # two starts at once: the first one serves
            other[0].close()
            print(f"error: a kilabel service runs already (pid {other[1]['pid']})", file=sys.stderr)
            return ExitCode.some_failed
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # a dead service's (nobody answers there)
        listener.bind(str(path))
        bound = path.stat().st_ino
        listener.listen(16)
        listener.settimeout(self.idle_seconds)
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, _stop)
        print(
            f"{time.strftime('%Y-%m-%d %H:%M:%S')} kilabel service pid {os.getpid()} listening on {path}",
            flush=True,
        )
        self._warm()
        try:
            while True:
                try:
                    conn, _ = listener.accept()
                except TimeoutError:
                    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} idle, ending", flush=True)
                    return ExitCode.ok
                conn.settimeout(None)
                with conn:
                    if self._one(conn) == "stop":
                        return ExitCode.ok
        except _Stopped:  # SIGTERM or SIGINT: a command running is abandoned as Ctrl+C abandons it
            print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} told to end", flush=True)
            return ExitCode.ok
        finally:
            listener.close()
            with contextlib.suppress(OSError):
                if path.stat().st_ino == bound:  # not a newer service's
                    path.unlink()
            self.kept.close()

    def _warm(self) -> None:
        """Start the workers for the settings' identity now, so the first command finds them ready."""
        from kilabel import keys, settings
        from kilabel.export import engine

        try:
            conf = settings.load()
            identity = keys.load(conf.keys_path) if (conf.keys_path / keys.CHAIN).exists() else None
            self.kept.warm(conf.jobs or engine.default_jobs(), identity, conf.tsa_url)
        except Exception as exc:  # a command will say what is wrong, in its own words
            print(f"not warmed up: {exc}", flush=True)

    def _one(self, conn: socket.socket) -> str:
        """Greet, then run what the client asks; 'stop' when asked to end."""
        try:
            link.send(conn, self._hello())
            request = link.receive(conn)
        except (OSError, ValueError):
            return ""
        if request is None or request.get("leave"):
            return ""
        if request.get("stop"):
            with contextlib.suppress(OSError):
                link.send(conn, {"exit": 0})
            return "stop"
        argv = request.get("argv")
        if not (isinstance(argv, list) and argv[:1] == ["export"] and all(isinstance(a, str) for a in argv)):
            with contextlib.suppress(OSError):
                link.send(conn, {"refused": "only exports"})
            return ""
        self.served += 1
        code = self._run(conn, argv, request.get("cwd") or "/", request.get("tty") or {})
        with contextlib.suppress(OSError):
            link.send(conn, {"exit": int(code)})
        return ""

    def _run(self, conn: socket.socket, argv: list[str], cwd: str, tty: dict) -> int:
        self.cancel = cancel = threading.Event()
        finished, gone, lock = threading.Event(), threading.Event(), threading.Lock()
        watcher = threading.Thread(target=_watch, args=(conn, cancel, finished), daemon=True)
        watcher.start()
        saved = sys.stdout, sys.stderr, os.getcwd()
        sys.stdout = _Stream(conn, lock, "out", bool(tty.get("out")), gone, cancel)
        sys.stderr = _Stream(conn, lock, "err", bool(tty.get("err")), gone, cancel)
        started = time.monotonic()
        try:
            os.chdir(cwd)
            return self.run_command(argv, service=self)
        except SystemExit as exc:  # argparse's --help and usage errors
            return exc.code if isinstance(exc.code, int) else ExitCode.usage
        except Exception:
            sys.stderr.write(
                f"error: the kilabel service failed: {traceback.format_exc().splitlines()[-1]}\n"
            )
            traceback.print_exc(file=sys.__stderr__)
            return ExitCode.some_failed
        finally:
            finished.set()
            sys.stdout, sys.stderr = saved[0], saved[1]
            os.chdir(saved[2])
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RD)  # ends the watcher's read
            watcher.join(5)
            print(
                f"{time.strftime('%Y-%m-%d %H:%M:%S')} ran {' '.join(argv[:1])} with {len(argv) - 1} arguments "
                f"in {time.monotonic() - started:.2f} s" + (" (cancelled)" if cancel.is_set() else ""),
                flush=True,
            )


def _watch(conn: socket.socket, cancel: threading.Event, finished: threading.Event) -> None:
    """During a command: its Ctrl+C (a cancel message) or its end (killed) cancels the batch."""
    try:
        while True:
            message = link.receive(conn)
            if message is None or message.get("cancel"):
                break
    except (OSError, ValueError):
        pass
    if not finished.is_set():
        cancel.set()


class _Stopped(BaseException):
    """SIGTERM or SIGINT reached the service: not an error a command may catch and go on from."""


def _stop(signum, frame) -> None:
    raise _Stopped
