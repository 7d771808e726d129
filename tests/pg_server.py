"""A private PostgreSQL server for the tests (pytest plugin, loaded by conftest.py).

`pg_server` (session) runs Debian's PostgreSQL binaries: initdb in a temporary data folder, then
`postgres` on a free port of 127.0.0.1 with its socket in that folder, and stops it after the
session. As root it runs them as `nobody` (PostgreSQL refuses to run as root). It then sets up the
roles exactly as docs/register.md tells an administrator to (the SQL is read from there), so the
documented setup is what the tests use. Missing binaries fail the tests with the package to install.

`pg_database` (per test) is a fresh database set up the same way, its schema made by the owner;
`.url` logs in as the everyday role `kilabel` (SELECT and INSERT only), `.owner_url` as the owner.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUPERUSER = "postgres"


def _bindir() -> Path:
    """The newest /usr/lib/postgresql/NN/bin with initdb and postgres (Debian's layout), else PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    pytest.fail(
        "PostgreSQL's server programs (initdb, postgres) are missing: install the Debian package "
        "'postgresql' (tools/setup.sh does)",
        pytrace=False,
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def documented_sql() -> tuple[str, str]:
    """The two SQL blocks of docs/register.md's server setup: (as the superuser, in the database)."""
    text = (ROOT / "docs" / "register.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", text, re.DOTALL)
    assert len(blocks) >= 2, "docs/register.md: the two ```sql blocks of the server setup are missing"
    return blocks[0], blocks[1]


@dataclass
class Server:
    port: int
    data: Path
    proc: subprocess.Popen

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def run(self, sql: str, database: str = "postgres") -> None:
        """Run SQL as the superuser, statement by statement (CREATE DATABASE cannot share a transaction)."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            for stmt in _split(sql):
                conn.execute(stmt)


def _split(sql: str) -> list[str]:
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _as_server_user(cmd: list[str]) -> list[str]:
    """PostgreSQL will not run as root: run it as nobody then."""
    return ["runuser", "-u", "nobody", "--", *cmd] if os.geteuid() == 0 else cmd


def _start(bindir: Path, durable: bool = False) -> Server:
    """A new server; `durable` keeps fsync on (the scale benchmark measures what a real server does)."""
    data = Path(tempfile.mkdtemp(prefix="kilabel-pg-"))
    if os.geteuid() == 0:
        shutil.chown(data, "nobody", "nogroup")
    initdb = subprocess.run(
        _as_server_user(
            [
                str(bindir / "initdb"),
                "-D",
                str(data / "db"),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-locale",
            ]
        ),
        capture_output=True,
        text=True,
    )
    if initdb.returncode != 0:
        pytest.fail(f"initdb failed: {initdb.stderr.strip()}", pytrace=False)
    port = _free_port()
    log = open(data / "server.log", "wb")  # noqa: SIM115 - open while the server runs
    proc = subprocess.Popen(
        _as_server_user(
            [
                str(bindir / "postgres"),
                "-D",
                str(data / "db"),
                "-p",
                str(port),
                "-k",
                str(data),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "max_connections=200",
                *([] if durable else ["-c", "fsync=off", "-c", "full_page_writes=off"]),  # throwaway: speed
            ]
        ),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = Server(port, data, proc)
    _wait_ready(server)
    return server


def _wait_ready(server: Server, timeout: float = 60) -> None:
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        if server.proc.poll() is not None:
            pytest.fail(
                f"postgres ended at start: {(server.data / 'server.log').read_text()[-2000:]}", pytrace=False
            )
        try:
            psycopg.connect(server.url(), connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                pytest.fail("postgres did not answer within a minute", pytrace=False)
            time.sleep(0.1)


def _stop(server: Server) -> None:
    """Fast shutdown (SIGINT), then the data folder goes."""
    if server.proc.poll() is None:
        os.killpg(server.proc.pid, signal.SIGINT)
        try:
            server.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.proc.pid, signal.SIGKILL)
            server.proc.wait()
    shutil.rmtree(server.data, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    """A running private PostgreSQL server with the documented roles (kilabel_owner, kilabel)."""
    server = _start(_bindir())
    try:
        as_superuser, _ = documented_sql()
        server.run(as_superuser)
        yield server
    finally:
        _stop(server)


@dataclass
class Database:
    server: Server
    name: str

    @property
    def url(self) -> str:
        """The everyday role kilabel logs in as: SELECT and INSERT only."""
        return self.server.url(self.name, "kilabel")

    @property
    def owner_url(self) -> str:
        return self.server.url(self.name, "kilabel_owner")


def new_database(server: Server) -> Database:
    """A fresh database owned by kilabel_owner, set up as the docs say, schema made by the owner."""
    from kilabel.register.postgres import PostgresRegister

    name = f"t_{uuid.uuid4().hex[:12]}"
    server.run(f"CREATE DATABASE {name} OWNER kilabel_owner")
    _, in_database = documented_sql()
    server.run(in_database.replace("DATABASE kilabel ", f"DATABASE {name} "), database=name)
    db = Database(server, name)
    PostgresRegister(db.owner_url).close()  # `kilabel register migrate`, as the owner
    return db


@pytest.fixture
def pg_database(pg_server):
    return new_database(pg_server)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_register(request, tmp_path):
    """The same register tests against the local SQLite file and the PostgreSQL server."""
    if request.param == "sqlite":
        from kilabel.register.store import SqliteRegister

        reg = SqliteRegister(tmp_path / "register.sqlite")
    else:
        from kilabel.register.postgres import PostgresRegister

        reg = PostgresRegister(new_database(request.getfixturevalue("pg_server")).url)
    yield reg
    reg.close()


class Proxy:
    """A TCP forwarder in front of the server: `stop()` makes the server unreachable at the same URL
    (connections refused), `start()` brings it back, as a network outage would."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = _free_port()
        self._listener: socket.socket | None = None
        self._conns: list[socket.socket] = []

    def start(self) -> None:
        import threading

        self._listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        import threading

        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self._conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def stop(self) -> None:
        """Refuse new connections and cut the open ones."""
        if self._listener is not None:
            try:
                self._listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
            except OSError:
                pass
            self._listener.close()
            self._listener = None
        for s in self._conns:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass
        self._conns.clear()

    def url(self, database: str, user: str = "kilabel") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"
