"""The team register on a PostgreSQL server (setting `register_url`, or KILABEL_REGISTER_URL).

Plain SQL through psycopg 3, not SQLAlchemy: the queries are SqlRegister's, shared with the SQLite
file word for word but for `?` -> `%s`; the schema is schema.py's steps filled in for PostgreSQL.
An ORM or a query builder would be a second way of saying what is already said once.

Append-only is the server's business: the role kilabel logs in as has only SELECT and INSERT
(docs/register.md has the SQL), and the triggers of schema step 2 refuse UPDATE, DELETE and TRUNCATE
even to the owner. The owner's role migrates (`kilabel register migrate`); the everyday role cannot
and is told so when the schema is behind. Concurrent writers need nothing special: each entry is
one short transaction, and ids come from the server's identity column.
"""

from __future__ import annotations

import threading
import urllib.parse

from kilabel.errors import ConfigError
from kilabel.register import schema as register_schema
from kilabel.register.base import SqlRegister

CONNECT_TIMEOUT = 5  # seconds: an export waits this long for an unreachable server, then queues
_LOCK_KEY = 0x6B696C6162656C  # "kilabel": one migrator at a time (pg_advisory_xact_lock)


class Unreachable(ConfigError):
    """The server did not answer (network, DNS, refused, timed out): entries can be queued."""


def is_url(text: str) -> bool:
    return text.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """The URL without its password, for messages and the queue (never write a password out)."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" if parts.username else host
    if parts.port:
        netloc += f":{parts.port}"
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def connection_lost(exc: BaseException) -> bool:
    """Whether `exc` means the server went away (so the entry may be queued), not that it refused."""
    import psycopg

    return isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError))


class PostgresRegister(SqlRegister):
    """A register in a PostgreSQL database; migrates it when the role may, refuses a newer one."""

    dialect = register_schema.POSTGRESQL

    def __init__(self, url: str, *, migrate: bool = True, connect_timeout: float | None = None) -> None:
        import psycopg
        from psycopg.rows import dict_row

        self.url = url
        self.location = redact(url)
        self.warnings, self.notes = [], []
        self._lock = threading.Lock()
        try:
            self._conn = psycopg.connect(
                url,
                autocommit=True,
                row_factory=dict_row,
                connect_timeout=int(CONNECT_TIMEOUT if connect_timeout is None else connect_timeout),
            )
        except psycopg.OperationalError as exc:
            raise Unreachable(
                f"{self.location}: cannot reach the register server: {_first_line(exc)}"
            ) from exc
        except psycopg.ProgrammingError as exc:  # a malformed URL
            raise ConfigError(f"{self.location}: not a usable register URL: {_first_line(exc)}") from exc
        try:
            self.migrated_from = self._version()
            if migrate and self.migrated_from < register_schema.VERSION:
                self.migrated_from = self.migrate()
            register_schema.check_version(self.migrated_from)
            if self._version() < register_schema.VERSION:
                raise ConfigError(
                    f"{self.location}: the register has schema version {self._version()}, this kilabel needs "
                    f"{register_schema.VERSION}; the database owner runs `kilabel register migrate`"
                )
        except RuntimeError as exc:
            self._conn.close()
            raise ConfigError(f"{self.location}: {exc}") from exc
        except ConfigError:
            self._conn.close()
            raise

    def _version(self) -> int:
        rows = self._fetch(
            "SELECT COALESCE(MAX(version), 0) AS v FROM kilabel_schema"
            if self._fetch("SELECT to_regclass('kilabel_schema') IS NOT NULL AS present")[0]["present"]
            else "SELECT 0 AS v"
        )
        return int(rows[0]["v"])

    @property
    def schema_version(self) -> int:
        return self._version()

    def migrate(self) -> int:
        """Run the steps the database lacks, all in one transaction under an advisory lock, so two
        kilabels starting at once migrate once. Returns the version before. Needs the owner's role."""
        import psycopg

        before = self._version()
        try:
            with self._lock, self._conn.transaction():
                cur = self._conn.cursor()
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
                cur.execute(
                    "CREATE TABLE IF NOT EXISTS kilabel_schema (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)"
                )
                cur.execute("SELECT COALESCE(MAX(version), 0) AS v FROM kilabel_schema")
                current = int(cur.fetchone()["v"])
                register_schema.check_version(current)
                steps = register_schema.steps(register_schema.POSTGRESQL)
                for step in range(current, register_schema.VERSION):
                    for stmt in steps[step]:
                        cur.execute(stmt)
                    cur.execute(
                        "INSERT INTO kilabel_schema (version, applied) VALUES (%s, now()::text)", (step + 1,)
                    )
        except psycopg.errors.InsufficientPrivilege as exc:
            raise ConfigError(
                f"{self.location}: the register's schema is version {before}, this kilabel needs "
                f"{register_schema.VERSION}, and this role may not change it ({_first_line(exc)}); "
                "the database owner runs `kilabel register migrate` (docs/register.md)"
            ) from exc
        except psycopg.Error as exc:
            raise ConfigError(f"{self.location}: cannot migrate the register: {_first_line(exc)}") from exc
        return before

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def _storable(self, value):
        value = super()._storable(value)
        return (
            value.replace("\x00", "\\x00") if isinstance(value, str) else value
        )  # PostgreSQL text has no NUL

    def _fetch(self, sql: str, params: list | tuple = ()) -> list[dict]:
        with self._lock:
            return self._conn.execute(self._sql(sql), list(params)).fetchall()

    def _write(self, first: tuple[str, list], then: list[tuple[str, list]], each=None) -> int:
        sql, values = first
        with self._lock, self._conn.transaction():
            cur = self._conn.cursor()
            cur.execute(self._sql(sql) + " RETURNING id", values)
            new_id = int(cur.fetchone()["id"])
            for more_sql, rows in [*then, *(each(new_id) if each else [])]:
                cur.executemany(self._sql(more_sql), rows)
        return new_id

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
