"""The register: one entry per exported file, corrections linked to what they supersede.

`Register` is the interface every part uses (CLI, GUI, credits, export); `SqliteRegister` is the
local implementation (one SQLite file, WAL mode, short write transactions, so two kilabel
instances can write at once). A team server database can be added later as another `Register`.
Nothing is ever deleted or changed: the database refuses DELETE and UPDATE on entries.
"""

from __future__ import annotations

import abc
import dataclasses
import datetime
import random
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from kilabel import paths
from kilabel.errors import ConfigError
from kilabel.register import netfs
from kilabel.register import schema as register_schema


@dataclass
class Entry:
    """One exported file. Field order is the column order of the full register export."""

    id: int = 0
    created: str = ""  # UTC, ISO 8601 with Z
    register_id: str = ""
    supersedes: int | None = None  # id of the entry this one corrects
    reason: str = ""  # why the correction was made
    input_name: str = ""
    input_path: str = ""
    input_sha256: str = ""
    output_name: str = ""
    output_path: str = ""
    output_sha256: str = ""
    label_id: str = ""
    label_text: str = ""
    label_language: str = ""
    position: str = ""
    profile_id: str = ""
    effective_dpi: float | None = None  # print exports: pixels per inch at the physical size
    source_type: str = ""
    ai_system: str = ""
    ai_version: str = ""
    prompt: str = ""
    prompt_writer: str = ""
    creator: str = ""
    client: str = ""
    credit: str = ""
    campaign: str = ""
    signer_fingerprint: str = ""
    signer_organisation: str = ""
    c2pa_state: str = ""
    program_version: str = ""
    operator: str = ""
    superseded_by: int | None = field(default=None, compare=False)  # derived, not stored

    @property
    def current(self) -> bool:
        return self.superseded_by is None


STORED = [f.name for f in dataclasses.fields(Entry) if f.name not in ("id", "superseded_by")]


@dataclass
class Filter:
    """What to list. Dates are ISO strings in UTC (see parse_when); empty means no limit."""

    campaign: str = ""
    since: str = ""
    until: str = ""
    ai_system: str = ""
    text: str = ""  # in file names, prompt, register id, label text
    current_only: bool = False
    ids: list[int] | None = None


def now_utc() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_when(value: str, *, end: bool = False) -> str:
    """'2025-09-24' (local day) or an ISO date-time -> UTC ISO string for comparing with `created`.

    With end=True a bare date means the end of that day."""
    try:
        if len(value) == 10:
            day = datetime.date.fromisoformat(value) + datetime.timedelta(days=1 if end else 0)
            when = datetime.datetime.combine(day, datetime.time()).astimezone()
        else:
            when = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
            when = when.astimezone() if when.tzinfo is None else when
    except ValueError as exc:
        raise ConfigError(f"'{value}' is not a date (YYYY-MM-DD) or an ISO date-time") from exc
    return when.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Register(abc.ABC):
    """The register interface. Implementations must be safe against concurrent writers."""

    location: str = ""
    warnings: list[str]

    @abc.abstractmethod
    def add(self, entry: Entry) -> Entry:
        """Store a new entry; returns it with its id and time set."""

    @abc.abstractmethod
    def query(self, flt: Filter | None = None) -> list[Entry]:
        """Entries matching the filter, oldest first."""

    @abc.abstractmethod
    def find(self, *, sha256: str = "", register_id: str = "") -> list[Entry]:
        """Entries whose input or output has this hash, or that carry this register id."""

    @abc.abstractmethod
    def chain(self, entry_id: int) -> list[Entry]:
        """Every entry linked to this one by corrections (the image's history), oldest first."""

    @abc.abstractmethod
    def distinct(self, column: str) -> list[str]:
        """The values used so far in 'campaign' or 'ai_system' (for filters)."""

    def get(self, entry_id: int) -> Entry | None:
        found = self.query(Filter(ids=[entry_id]))
        return found[0] if found else None

    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


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


_SELECT = (
    "SELECT e.*, (SELECT MIN(s.id) FROM entries s WHERE s.supersedes = e.id) AS superseded_by FROM entries e"
)


class SqliteRegister(Register):
    """A local SQLite register file (WAL, busy timeout, one short transaction per entry)."""

    def __init__(self, path: Path, timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.warnings = []
        reason = netfs.network_reason(self.path)
        if reason:
            self.warnings.append(
                f"{reason}: SQLite's file locking is not safe there; two people writing at "
                "once may damage the register. Use a local path (setting register_path)."
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

    def add(self, entry: Entry) -> Entry:
        entry = dataclasses.replace(entry, created=entry.created or now_utc(), superseded_by=None)
        values = [_storable(getattr(entry, name)) for name in STORED]
        sql = f"INSERT INTO entries ({', '.join(STORED)}) VALUES ({', '.join('?' * len(STORED))})"
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                cur = self._conn.execute(sql, values)
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
        entry.id = int(cur.lastrowid)
        return entry

    def _rows(self, where: str = "", params: list | tuple = ()) -> list[Entry]:
        with self._lock:
            rows = self._conn.execute(f"{_SELECT} {where} ORDER BY e.id", params).fetchall()
        names = {f.name for f in dataclasses.fields(Entry)}
        return [Entry(**{k: row[k] for k in row.keys() if k in names}) for row in rows]

    def query(self, flt: Filter | None = None) -> list[Entry]:
        flt = flt or Filter()
        cond, params = [], []
        if flt.campaign:
            cond.append("e.campaign = ? COLLATE NOCASE")
            params.append(flt.campaign)
        if flt.ai_system:
            cond.append("e.ai_system = ? COLLATE NOCASE")
            params.append(flt.ai_system)
        if flt.since:
            cond.append("e.created >= ?")
            params.append(flt.since)
        if flt.until:
            cond.append("e.created < ?")
            params.append(flt.until)
        if flt.text:
            like = f"%{flt.text}%"
            cond.append(
                "(e.input_name LIKE ? OR e.output_name LIKE ? OR e.prompt LIKE ? OR e.register_id LIKE ?"
                " OR e.label_text LIKE ?)"
            )
            params.extend([like] * 5)
        if flt.current_only:
            cond.append("NOT EXISTS (SELECT 1 FROM entries s WHERE s.supersedes = e.id)")
        if flt.ids is not None:
            cond.append(f"e.id IN ({', '.join('?' * len(flt.ids))})" if flt.ids else "0")
            params.extend(flt.ids)
        return self._rows(("WHERE " + " AND ".join(cond)) if cond else "", params)

    def find(self, *, sha256: str = "", register_id: str = "") -> list[Entry]:
        cond, params = [], []
        if sha256:
            cond.append("e.input_sha256 = ? OR e.output_sha256 = ?")
            params += [sha256.lower(), sha256.lower()]
        if register_id:
            cond.append("e.register_id = ?")
            params.append(register_id)
        return self._rows("WHERE " + " OR ".join(cond), params) if cond else []

    def chain(self, entry_id: int) -> list[Entry]:
        where = """WHERE e.id IN (
            WITH RECURSIVE up(id, sup) AS (
                SELECT id, supersedes FROM entries WHERE id = ?
                UNION SELECT p.id, p.supersedes FROM entries p JOIN up ON p.id = up.sup),
            down(id) AS (
                SELECT id FROM up WHERE sup IS NULL
                UNION SELECT c.id FROM entries c JOIN down ON c.supersedes = down.id)
            SELECT id FROM down)"""
        return self._rows(where, (entry_id,))

    def distinct(self, column: str) -> list[str]:
        if column not in ("campaign", "ai_system", "profile_id", "operator"):
            raise ValueError(column)
        with self._lock:
            rows = self._conn.execute(
                f"SELECT DISTINCT {column} FROM entries WHERE {column} != '' ORDER BY {column} COLLATE NOCASE"
            ).fetchall()
        return [r[0] for r in rows]

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def default_path(settings=None) -> Path:
    """Settings.register_path if set, else register.sqlite in the user's data folder."""
    if settings is not None and settings.register_path:
        return Path(settings.register_path).expanduser()
    return paths.data_dir() / "register.sqlite"


def open_register(settings=None, path: Path | None = None) -> Register:
    """The register the settings point to (today always the local SQLite file)."""
    return SqliteRegister(path or default_path(settings))


def _storable(value):
    """Text SQLite can store: a file name with bytes that are not UTF-8 (kept by Python as
    surrogates) is stored with those bytes written as \\xNN."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return value
