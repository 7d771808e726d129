"""The register's model and its SQL, shared by the SQLite file (store) and the PostgreSQL server
(postgres): an entry, a filter, the `Register` interface, and `SqlRegister`, which asks both
databases the same questions in the same SQL (schema.Dialect fills in the few words that differ).

Its own module so that store.open_register can choose postgres or the queue without an import
circle (postgres and queue import this, store imports them).
"""

from __future__ import annotations

import abc
import dataclasses
import datetime
from dataclasses import dataclass, field

from kilabel.errors import ConfigError
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
    machine: str = ""  # the computer it was exported on (socket.gethostname())
    fingerprint: str = ""  # the output's picture fingerprints, "io.iscc.v0:<hex> …" (pipeline.fingerprint)
    superseded_by: int | None = field(default=None, compare=False)  # derived, not stored

    @property
    def current(self) -> bool:
        return self.superseded_by is None


STORED = [f.name for f in dataclasses.fields(Entry) if f.name not in ("id", "superseded_by")]
ENTRY_FIELDS = {f.name for f in dataclasses.fields(Entry)}


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


@dataclass(frozen=True)
class Mark:
    """The newest publication decision for an entry (`kilabel register mark-public`)."""

    public: bool
    prompt_public: bool


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
    notes: list[str] = []  # what opening did that the user should hear of (queued entries sent)

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
    def find_similar(self, fp, max_distance: int | None = None) -> list[tuple[Entry, int]]:
        """Entries whose fingerprint is the same picture as `fp` (a pipeline.fingerprint.Fingerprint)
        within `max_distance` bits (default fingerprint.MATCH_DISTANCE), nearest first, as (entry,
        distance): a copy whose metadata was stripped still finds its entry."""

    def has_fingerprints(self) -> bool:
        """Whether any entry has a picture fingerprint (else check need not compute one)."""
        return True

    @abc.abstractmethod
    def chain(self, entry_id: int) -> list[Entry]:
        """Every entry linked to this one by corrections (the image's history), oldest first."""

    @abc.abstractmethod
    def distinct(self, column: str) -> list[str]:
        """The values used so far in 'campaign' or 'ai_system' (for filters)."""

    def mark_public(
        self,
        ids: list[int],
        *,
        public: bool = True,
        prompt: bool = True,
        operator: str = "",
        machine: str = "",
    ) -> int:
        """Record that these entries go on (or, public=False, come off) the public transparency page,
        with or without their prompt; returns how many were marked."""
        raise ConfigError(f"{self.location}: this register cannot mark entries public")

    def marks(self) -> dict[int, Mark]:
        """The newest publication decision per entry id (entries never marked are absent)."""
        return {}

    @property
    def schema_version(self) -> int:
        return register_schema.VERSION

    def get(self, entry_id: int) -> Entry | None:
        found = self.query(Filter(ids=[entry_id]))
        return found[0] if found else None

    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


SELECT = (
    "SELECT e.*, (SELECT MIN(s.id) FROM entries s WHERE s.supersedes = e.id) AS superseded_by FROM entries e"
)
_INSERT_PARTS = "INSERT INTO fingerprint_parts (part, value, entry_id, block, prefix) VALUES (?, ?, ?, ?, ?)"
_INSERT_MARK = (
    "INSERT INTO publication (entry_id, public, prompt_public, created, operator, machine) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


class SqlRegister(Register):
    """The queries both databases answer alike, written once with `?` placeholders. A subclass
    runs them: `_fetch` (one read, rows as dicts) and `_write` (statements in one transaction)."""

    dialect: register_schema.Dialect = register_schema.SQLITE

    @abc.abstractmethod
    def _fetch(self, sql: str, params: list | tuple = ()) -> list[dict]:
        """Run one SELECT; every row as a dict of column -> value."""

    @abc.abstractmethod
    def _write(self, first: tuple[str, list], then: list[tuple[str, list]], each=None) -> int:
        """In one transaction: insert `first` (sql, values) and return its new id; then run each of
        `then` (sql, rows of values) with executemany, after `each(new_id)` filled them in if given."""

    def _storable(self, value):
        """Text the database can store: a file name with bytes that are not UTF-8 (kept by Python as
        surrogates) is stored with those bytes written as \\xNN."""
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        return value

    def add(self, entry: Entry) -> Entry:
        entry = dataclasses.replace(entry, created=entry.created or now_utc(), superseded_by=None)
        values = [self._storable(getattr(entry, name)) for name in STORED]
        sql = f"INSERT INTO entries ({', '.join(STORED)}) VALUES ({', '.join('?' * len(STORED))})"
        parts = fingerprint_index_rows(entry.fingerprint)

        def part_rows(new_id: int) -> list[tuple[str, list]]:
            rows = [(part, value, new_id, block, pre) for part, value, block, pre in parts]
            return [(_INSERT_PARTS, rows)] if rows else []

        entry.id = self._write((sql, values), [], part_rows)
        return entry

    def _rows(self, where: str = "", params: list | tuple = ()) -> list[Entry]:
        # SQLite plans without the parameters' values, and with `ORDER BY e.id` prefers walking the
        # whole table in id order to a range of the `created` index: 150 ms instead of 15 for a
        # day of a million entries. `+e.id` (the same order) lets the index win when filtering.
        order = "+e.id" if where and self.dialect.name == "sqlite" else "e.id"
        rows = self._fetch(f"{SELECT} {where} ORDER BY {order}", params)
        return [Entry(**{k: v for k, v in row.items() if k in ENTRY_FIELDS}) for row in rows]

    def query(self, flt: Filter | None = None) -> list[Entry]:
        flt = flt or Filter()
        nocase = self.dialect.nocase
        cond, params = [], []
        if flt.campaign:
            cond.append(f"{nocase('e.campaign')} = {nocase('?')}")
            params.append(flt.campaign)
        if flt.ai_system:
            cond.append(f"{nocase('e.ai_system')} = {nocase('?')}")
            params.append(flt.ai_system)
        if flt.since:
            cond.append("e.created >= ?")
            params.append(flt.since)
        if flt.until:
            cond.append("e.created < ?")
            params.append(flt.until)
        if flt.text:
            like = "LIKE" if self.dialect.name == "sqlite" else "ILIKE"  # SQLite's LIKE is case-blind
            cond.append(
                "("
                + " OR ".join(
                    f"e.{c} {like} ?"
                    for c in ("input_name", "output_name", "prompt", "register_id", "label_text")
                )
                + ")"
            )
            params.extend([f"%{flt.text}%"] * 5)
        if flt.current_only:
            cond.append("NOT EXISTS (SELECT 1 FROM entries s WHERE s.supersedes = e.id)")
        if flt.ids is not None:
            cond.append(f"e.id IN ({', '.join('?' * len(flt.ids))})" if flt.ids else "1 = 0")
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

    def find_similar(self, fp, max_distance: int | None = None) -> list[tuple[Entry, int]]:
        """Multi-index hashing (schema step 4): each 16-bit part of the query's first 64 bits and its
        16 one-bit neighbours are looked up in the part index, whose rows also hold the whole 64-bit
        prefix, so candidates too far in it are dropped there; the rest are measured in full. Finds
        every fingerprint within fingerprint.PREFIX_DISTANCE in those 64 bits (by the pigeonhole
        principle one part then differs in at most one bit)."""
        from kilabel.pipeline import fingerprint

        limit = fingerprint.MATCH_DISTANCE if max_distance is None else max_distance
        cond, params = [], []
        for part, values in enumerate(fingerprint.probes(fp)):
            cond.append(f"(part = ? AND value IN ({', '.join('?' * len(values))}))")
            params += [part, *values]
        sql = f"SELECT entry_id, block, prefix FROM fingerprint_parts WHERE {' OR '.join(cond)}"
        query_prefix, mask = fingerprint.prefix(fp), (1 << 64) - 1
        close = {
            (r["entry_id"], r["block"])
            for r in self._fetch(sql, params)
            if ((r["prefix"] & mask) ^ query_prefix).bit_count() <= fingerprint.PREFIX_DISTANCE
        }
        ids = sorted({entry_id for entry_id, _ in close})
        if not ids:
            return []
        texts = {
            r["id"]: r["fingerprint"]
            for r in self._fetch(
                f"SELECT id, fingerprint FROM entries WHERE id IN ({', '.join('?' * len(ids))})", ids
            )
        }
        near: dict[int, int] = {}
        for entry_id, block in close:
            try:
                other = fingerprint.parse(texts[entry_id].split()[block])
            except (ValueError, IndexError):  # an algorithm this kilabel does not know
                continue
            if fingerprint.matches(fp, other, limit):
                d = fingerprint.distance(fp, other)
                near[entry_id] = min(d, near.get(entry_id, d))
        if not near:
            return []
        entries = self.query(Filter(ids=list(near)))
        return sorted(((e, near[e.id]) for e in entries), key=lambda pair: (pair[1], -pair[0].id))

    def has_fingerprints(self) -> bool:
        return bool(self._fetch("SELECT 1 AS one FROM fingerprint_parts LIMIT 1"))

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
        if column not in ("campaign", "ai_system", "profile_id", "operator", "machine"):
            raise ValueError(column)
        rows = self._fetch(
            f"SELECT DISTINCT {column} AS v, {self.dialect.nocase(column)} AS k FROM entries "
            f"WHERE {column} != '' ORDER BY k, v"
        )
        return [r["v"] for r in rows]

    def mark_public(
        self,
        ids: list[int],
        *,
        public: bool = True,
        prompt: bool = True,
        operator: str = "",
        machine: str = "",
    ) -> int:
        if not ids:
            return 0
        when = now_utc()
        known = {e.id for e in self.query(Filter(ids=list(ids)))}
        missing = sorted(set(ids) - known)
        if missing:
            raise ConfigError(f"{self.location}: no register entry {', '.join(map(str, missing))}")
        rows = [(i, int(public), int(prompt), when, operator, machine) for i in sorted(set(ids))]
        first, rest = rows[0], rows[1:]
        self._write((_INSERT_MARK, list(first)), [(_INSERT_MARK, rest)] if rest else [])
        return len(rows)

    def marks(self) -> dict[int, Mark]:
        rows = self._fetch(
            "SELECT p.entry_id, p.public, p.prompt_public FROM publication p "
            "WHERE p.id = (SELECT MAX(q.id) FROM publication q WHERE q.entry_id = p.entry_id)"
        )
        return {r["entry_id"]: Mark(bool(r["public"]), bool(r["prompt_public"])) for r in rows}


def fingerprint_index_rows(text: str) -> list[tuple[int, int, int, int]]:
    """(part, value, block, prefix) rows of the fingerprint index (schema step 4) for an entry's
    fingerprint text; [] if it has none (or one of an algorithm this kilabel does not index). The
    64-bit prefix is stored as a signed 64-bit integer (SQLite's INTEGER, PostgreSQL's BIGINT)."""
    from kilabel.pipeline import fingerprint

    try:
        fps = fingerprint.parse_all(text)
    except ValueError:
        return []
    rows = []
    for block, fp in enumerate(fps):
        pre = fingerprint.prefix(fp)
        signed = pre - (1 << 64) if pre >= 1 << 63 else pre
        rows += [(part, value, block, signed) for part, value in enumerate(fingerprint.index_parts(fp))]
    return rows
