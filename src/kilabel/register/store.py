"""The register: one entry per exported file, corrections linked to what they supersede.

`Register` (kilabel.register.base) is the interface every part uses (CLI, GUI, credits, export);
`SqliteRegister` here is the local implementation (one SQLite file, WAL mode, short write
transactions, so two kilabel instances can write at once); `PostgresRegister` (postgres) is the
team register on a server, reached through the queue (queue.QueuingRegister) so that an export
completes while the server is away. `open_register` decides which one, for every command.
Nothing is ever deleted or changed: the database refuses DELETE and UPDATE on entries.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from pathlib import Path

from kilabel import paths
from kilabel.errors import ConfigError
from kilabel.register import netfs
from kilabel.register import schema as register_schema
from kilabel.register.base import (  # noqa: F401 - the names every caller imports from here
    STORED,
    Entry,
    Filter,
    Mark,
    Register,
    SqlRegister,
    fingerprint_index_rows,
    now_utc,
    parse_when,
)


def _retry_while_locked(step, timeout: float):
    """Run `step` again (with a short random pause) while SQLite says the file is locked or busy,
    for at most `timeout` seconds; the last error is raised after that."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if ("locked" not in text and "busy" not in text) or time.monotonic() >= deadline:
                raise
            time.sleep(random.uniform(0.01, 0.1))


class SqliteRegister(SqlRegister):
    """A local SQLite register file (WAL, busy timeout, one short transaction per entry)."""

    dialect = register_schema.SQLITE

    def __init__(self, path: Path, timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.warnings, self.notes = [], []
        reason = netfs.network_reason(self.path)
        if reason:
            self.warnings.append(
                f"{reason}: SQLite's file locking is not safe there; two people writing at "
                "once may damage the register. Use a local path (setting register_path), or a team "
                "register on a server (setting register_url, docs/register.md)."
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            self._conn.row_factory = sqlite3.Row
            self._conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self.migrated_from = _retry_while_locked(self._open_steps, timeout)
        except (sqlite3.Error, OSError, RuntimeError) as exc:
            raise ConfigError(f"{self.path}: cannot open the register: {exc}") from exc
        self._lock = threading.Lock()

    def _open_steps(self) -> int:
        # Switching to WAL needs an exclusive lock, and SQLite answers "database is locked" at once,
        # without its busy handler, when another process is creating or switching the same file.
        if self._conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            self._conn.execute("PRAGMA journal_mode = WAL")
        return register_schema.migrate(self._conn)[0]

    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def _fetch(self, sql: str, params: list | tuple = ()) -> list[dict]:
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        return [dict(zip(row.keys(), row, strict=True)) for row in rows]

    def _write(self, first: tuple[str, list], then: list[tuple[str, list]], each=None) -> int:
        sql, values = first
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                new_id = int(self._conn.execute(sql, values).lastrowid)
                for more_sql, rows in [*then, *(each(new_id) if each else [])]:
                    self._conn.executemany(more_sql, rows)
                self._conn.execute("COMMIT")
            except BaseException:
                # SQLite ends the transaction itself on some errors (a full disk: SQLITE_FULL); a
                # ROLLBACK then fails with "no transaction is active" and would hide the real cause.
                if self._conn.in_transaction:
                    try:
                        self._conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                raise
        return new_id

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def default_path(settings=None) -> Path:
    """Settings.register_path if set, else register.sqlite in the user's data folder."""
    if settings is not None and settings.register_path:
        return Path(settings.register_path).expanduser()
    return paths.data_dir() / "register.sqlite"


def open_register(settings=None, path: Path | None = None) -> Register:
    """The register every command uses: the team register on a PostgreSQL server when a URL is set
    (KILABEL_REGISTER_URL, else the setting register_url), through this machine's queue; else the
    local SQLite file (`path`, else the setting register_path, else the data folder's)."""
    from kilabel import settings as settings_mod

    url = "" if path is not None else settings_mod.register_url(settings)
    if url:
        from kilabel.register import queue

        return queue.open_team_register(url)
    return SqliteRegister(path or default_path(settings))
