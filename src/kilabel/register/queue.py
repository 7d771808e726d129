"""Nothing lost when the register server is away: a local queue, and the register that uses it.

`QueuingRegister` is what store.open_register returns for a `register_url`: it writes to the
server while it answers, and into the queue (`register-queue.sqlite` next to settings.toml) when
it does not, at the start or in the middle of a batch. The queue is sent on the next opening that
reaches the server, or by `kilabel register sync`.

Queued entries are named by negative ids (-1 is the queue's first row) wherever an entry id goes,
so an export that runs while the server is away still links a correction to an entry that waits in
the queue too; when sent, each link is resolved to the server's id of the entry it points to (the
queue is sent in order, so an original always reaches the server before its corrections). An
entry queued while the server was away could not look there for the earlier entry of its image;
its link is looked up at sending time by its input's hash, as the export would have.

The queue is append-only like the register: a sent entry gets a row in `sent` (its server id);
nothing is deleted, so a crash between sending and noting it cannot lose an entry, and the entry is
not sent twice (the server is asked for an entry with its register id and time first).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import threading
import time
from pathlib import Path

from kilabel import paths
from kilabel.errors import ConfigError
from kilabel.register import postgres
from kilabel.register.base import STORED, Entry, Filter, Mark, Register, now_utc

FILE_NAME = "register-queue.sqlite"

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS queued (
        qid INTEGER PRIMARY KEY AUTOINCREMENT,
        queued TEXT NOT NULL,
        target TEXT NOT NULL,
        entry TEXT NOT NULL,
        supersedes_queued INTEGER REFERENCES queued(qid),
        link_at_sync INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS sent (
        qid INTEGER PRIMARY KEY REFERENCES queued(qid),
        server_id INTEGER NOT NULL,
        sent TEXT NOT NULL)""",
    *[
        f"CREATE TRIGGER IF NOT EXISTS {t}_no_{op.lower()} BEFORE {op} ON {t} "
        f"BEGIN SELECT RAISE(ABORT, 'the register queue is append-only'); END"
        for t in ("queued", "sent")
        for op in ("UPDATE", "DELETE")
    ],
]


def default_path() -> Path:
    """Next to settings.toml: the queue belongs to this user on this machine."""
    return paths.config_dir() / FILE_NAME


@dataclasses.dataclass
class Pending:
    qid: int
    entry: Entry  # id -qid; supersedes a server id, or -qid of a queued entry
    link_at_sync: bool


class Queue:
    """The local queue file (SQLite, WAL, append-only)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path or default_path())
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self._conn.execute("PRAGMA journal_mode = WAL")
            for stmt in _SCHEMA:
                self._conn.execute(stmt)
        except (sqlite3.Error, OSError) as exc:
            raise ConfigError(f"{self.path}: cannot open the register queue: {exc}") from exc
        self._lock = threading.Lock()

    def add(self, entry: Entry, target: str, *, link_at_sync: bool) -> Entry:
        """Queue an entry for the register `target` (a redacted URL); returns it with its id (-qid)."""
        entry = dataclasses.replace(entry, created=entry.created or now_utc(), superseded_by=None)
        sup = entry.supersedes
        queued_sup = -sup if sup is not None and sup < 0 else None
        data = {k: getattr(entry, k) for k in STORED}
        data["supersedes"] = None if queued_sup else sup
        text = json.dumps(data, ensure_ascii=False)
        with self._lock:
            cur = self._conn.execute(
                "INSERT INTO queued (queued, target, entry, supersedes_queued, link_at_sync) VALUES (?, ?, ?, ?, ?)",
                (now_utc(), target, text, queued_sup, int(link_at_sync)),
            )
        entry.id = -int(cur.lastrowid)
        return entry

    def pending(self, target: str) -> list[Pending]:
        """Entries for `target` not sent yet, in the order they were queued."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT q.qid, q.entry, q.supersedes_queued, q.link_at_sync, s.server_id AS sup_sent FROM queued q "
                "LEFT JOIN sent s ON s.qid = q.supersedes_queued "
                "WHERE q.target = ? AND q.qid NOT IN (SELECT qid FROM sent) ORDER BY q.qid",
                (target,),
            ).fetchall()
        out = []
        for qid, text, sup_queued, link, sup_sent in rows:
            entry = Entry(**json.loads(text))
            entry.id = -qid
            if sup_queued is not None:
                entry.supersedes = sup_sent if sup_sent is not None else -sup_queued
            out.append(Pending(qid, entry, bool(link)))
        return out

    def server_id(self, qid: int) -> int | None:
        with self._lock:
            row = self._conn.execute("SELECT server_id FROM sent WHERE qid = ?", (qid,)).fetchone()
        return row[0] if row else None

    def mark_sent(self, qid: int, server_id: int) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT INTO sent (qid, server_id, sent) VALUES (?, ?, ?)", (qid, server_id, now_utc())
            )

    def other_targets(self, target: str) -> dict[str, int]:
        """Registers other than `target` with unsent entries here (the URL was changed meanwhile)."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT target, COUNT(*) FROM queued WHERE target != ? AND qid NOT IN (SELECT qid FROM sent) "
                "GROUP BY target",
                (target,),
            ).fetchall()
        return dict(rows)

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _earlier_on_server(server: Register, entry: Entry, exclude: set[int]) -> int | None:
    """The id an entry queued while the server was away supersedes: the newest current entry in the
    histories of its input's hash (not one this sending added: those are its own batch), the same
    export profile preferred — what record.find_earlier would have found by hash."""
    if not entry.input_sha256:
        return None
    seen: dict[int, Entry] = {}
    for found in server.find(sha256=entry.input_sha256):
        if found.id not in seen:
            seen.update((e.id, e) for e in server.chain(found.id) if e.id not in exclude)
    corrected = {e.supersedes for e in seen.values()}
    current = [e for e in seen.values() if e.id not in corrected]
    if not current:
        return None
    same = [e for e in current if e.profile_id == entry.profile_id]
    return max(same or current, key=lambda e: e.id).id


def sync(queue: Queue, server: Register, target: str) -> tuple[int, str]:
    """Send the queued entries for `target` to `server`, oldest first; stops at the first that
    cannot be sent. Returns (how many were sent, why the rest were not or '')."""
    pending = queue.pending(target)
    if not pending:
        return 0, ""
    sent, added = 0, set()
    for item in pending:
        entry = dataclasses.replace(item.entry, id=0, superseded_by=None)
        if entry.supersedes is not None and entry.supersedes < 0:
            resolved = queue.server_id(-entry.supersedes)
            if resolved is None:
                return (
                    sent,
                    f"entry {item.entry.id} corrects queued entry {entry.supersedes}, which was not sent",
                )
            entry.supersedes = resolved
        elif entry.supersedes is None and item.link_at_sync:
            entry.supersedes = _earlier_on_server(server, entry, added)
        try:
            server_id = _already_there(server, entry)
            if server_id is None:
                server_id = server.add(entry).id
        except Exception as exc:
            return sent, str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        queue.mark_sent(item.qid, server_id)
        added.add(server_id)
        sent += 1
    return sent, ""


def _already_there(server: Register, entry: Entry) -> int | None:
    """The server's id of this entry if an earlier sending added it but crashed before noting it."""
    if not entry.register_id:
        return None
    for e in server.find(register_id=entry.register_id):
        if e.created == entry.created and e.output_sha256 == entry.output_sha256:
            return e.id
    return None


class QueuingRegister(Register):
    """The team register as the rest of kilabel sees it: the server's entries plus this machine's
    queued ones (negative ids); new entries go to the server, or to the queue while it is away."""

    def __init__(self, server: Register | None, queue: Queue, target: str, reason: str = "") -> None:
        self.server, self.queue, self.target = server, queue, target
        self.unreachable = reason  # why the server is away ('' while it answers)
        self.queued: list[Entry] = []  # entries this session had to queue
        self.location = target
        self.warnings = [] if server is None else list(server.warnings)
        self.notes = [] if server is None else list(server.notes)
        if server is None:
            self.warnings.append(
                f"{reason}; new register entries wait in {queue.path} until `kilabel register sync` sends them"
            )

    @property
    def online(self) -> bool:
        return self.server is not None and not self.unreachable

    def _lost(self, exc: BaseException) -> None:
        self.unreachable = (
            f"{self.target}: the register server went away: {str(exc).splitlines()[0] if str(exc) else exc}"
        )

    def require_server(self) -> Register:
        """The server, for what only it can do (publish, mark, export the register)."""
        if not self.online:
            raise ConfigError(self.unreachable or f"{self.target}: the register server is not reachable")
        return self.server

    def add(self, entry: Entry) -> Entry:
        waiting_original = entry.supersedes is not None and entry.supersedes < 0
        if waiting_original and self.queue.server_id(-entry.supersedes) is not None:
            entry = dataclasses.replace(entry, supersedes=self.queue.server_id(-entry.supersedes))
            waiting_original = False
        if self.online and not waiting_original:
            try:
                return self.server.add(entry)
            except Exception as exc:
                if not postgres.connection_lost(exc):
                    raise
                self._lost(exc)
        queued = self.queue.add(entry, self.target, link_at_sync=not self.online and entry.supersedes is None)
        self.queued.append(queued)
        return queued

    def sync(self) -> tuple[int, str]:
        return sync(self.queue, self.require_server(), self.target)

    def pending(self) -> list[Entry]:
        return [p.entry for p in self.queue.pending(self.target)]

    def _server(self, ask, default):
        """Ask the server while it answers; `default` once it has gone away (reads keep working)."""
        if not self.online:
            return default
        try:
            return ask(self.server)
        except Exception as exc:
            if not postgres.connection_lost(exc):
                raise
            self._lost(exc)
            return default

    def _merged(self, found: list[Entry], pending: list[Entry]) -> list[Entry]:
        """Server entries and queued ones in one list, a queued correction marking what it supersedes."""
        out = {e.id: dataclasses.replace(e) for e in found}
        for p in pending:
            out.setdefault(p.id, dataclasses.replace(p))
        for p in pending:
            target = out.get(p.supersedes) if p.supersedes is not None else None
            if target is not None and target.superseded_by is None:
                target.superseded_by = p.id
        server_ids = sorted(i for i in out if i > 0)
        queued_ids = sorted((i for i in out if i < 0), reverse=True)  # -1, -2, …: queue order
        return [out[i] for i in server_ids + queued_ids]

    def query(self, flt: Filter | None = None) -> list[Entry]:
        flt = flt or Filter()
        found = self._server(lambda s: s.query(flt), [])
        pending = [p for p in self.pending() if _matches(p, flt)]
        merged = self._merged(found, pending)
        return [e for e in merged if e.current] if flt.current_only else merged

    def find(self, *, sha256: str = "", register_id: str = "") -> list[Entry]:
        found = self._server(lambda s: s.find(sha256=sha256, register_id=register_id), [])
        sha = sha256.lower()
        pending = [
            p
            for p in self.pending()
            if (sha and sha in (p.input_sha256, p.output_sha256))
            or (register_id and p.register_id == register_id)
        ]
        return self._merged(found, pending)

    def find_similar(self, fp, max_distance: int | None = None) -> list[tuple[Entry, int]]:
        return self._server(lambda s: s.find_similar(fp, max_distance), [])

    def has_fingerprints(self) -> bool:
        return self._server(lambda s: s.has_fingerprints(), False)

    def chain(self, entry_id: int) -> list[Entry]:
        pending = {p.id: p for p in self.pending()}
        root = entry_id
        while root < 0 and root in pending and pending[root].supersedes is not None:
            root = pending[root].supersedes
        found = self._server(lambda s: s.chain(root), []) if root > 0 else []
        ids = {e.id for e in found} | ({root} if root < 0 else set())
        linked: list[Entry] = []
        grew = True
        while grew:
            grew = False
            for p in pending.values():
                if p.id not in ids and (p.supersedes in ids or p.id == root):
                    ids.add(p.id)
                    linked.append(p)
                    grew = True
            if root < 0 and root in pending and root not in {e.id for e in linked}:
                linked.append(pending[root])
                grew = True
        return self._merged(found, linked)

    def distinct(self, column: str) -> list[str]:
        values = set(self._server(lambda s: s.distinct(column), []))
        values |= {getattr(p, column) for p in self.pending() if getattr(p, column)}
        return sorted(values, key=lambda v: (v.lower(), v))

    def mark_public(self, ids, **kw) -> int:
        return self.require_server().mark_public(ids, **kw)

    def marks(self) -> dict[int, Mark]:
        return self.require_server().marks()

    @property
    def schema_version(self) -> int:
        return self.require_server().schema_version

    def close(self) -> None:
        if self.server is not None:
            try:
                self.server.close()
            except Exception:  # a connection that went away is closed already
                pass
        self.queue.close()


def _matches(e: Entry, flt: Filter) -> bool:
    """Filter, for the few queued entries, in Python (the server's SQL does it for its own)."""
    text = flt.text.lower()
    return (
        (not flt.campaign or e.campaign.lower() == flt.campaign.lower())
        and (not flt.ai_system or e.ai_system.lower() == flt.ai_system.lower())
        and (not flt.since or e.created >= flt.since)
        and (not flt.until or e.created < flt.until)
        and (flt.ids is None or e.id in flt.ids)
        and (
            not text
            or any(
                text in v.lower()
                for v in (e.input_name, e.output_name, e.prompt, e.register_id, e.label_text)
            )
        )
    )


# A server that let a connection wait until it timed out is not waited for again at once: the window
# opens the register for each file it reads (the relabel window), and each would wait the 5 s again.
# A quick refusal is asked again every time (it costs nothing, and the server may be back).
SLOW_FAILURE = 1.0  # seconds a failed connection took to count as waited for
RETRY_AFTER = 30.0  # seconds until such a server is asked again
_slow_failures: dict[str, tuple[float, str]] = {}  # url -> (when it failed, why)


def open_team_register(url: str, queue_path: Path | None = None) -> QueuingRegister:
    """The register at `url` with this machine's queue: sends what waits in the queue first (a note
    says how many); if the server does not answer, a register that queues (a warning says so)."""
    target = postgres.redact(url)
    queue = Queue(queue_path)
    when, why = _slow_failures.get(url, (-RETRY_AFTER, ""))
    age = time.monotonic() - when
    if age < RETRY_AFTER:
        return QueuingRegister(
            None, queue, target, f"{why} ({age:.0f} s ago; asked again {RETRY_AFTER:.0f} s after that)"
        )
    started = time.monotonic()
    try:
        server = postgres.PostgresRegister(url)
    except postgres.Unreachable as exc:
        if time.monotonic() - started >= SLOW_FAILURE:
            _slow_failures[url] = (time.monotonic(), str(exc))
        else:  # refused at once: the way there works again, and the next open asks again
            _slow_failures.pop(url, None)
        return QueuingRegister(None, queue, target, str(exc))
    except BaseException:
        queue.close()
        raise
    _slow_failures.pop(url, None)
    reg = QueuingRegister(server, queue, target)
    sent, problem = reg.sync()
    if sent:
        reg.notes.append(f"register: {sent} queued entries sent to {target}")
    if problem:
        reg.warnings.append(f"register: queued entries not sent to {target}: {problem}")
    for other, count in queue.other_targets(target).items():
        reg.warnings.append(
            f"register: {count} entries in {queue.path} wait for another register ({other}); "
            "they are sent when register_url points there again"
        )
    return reg
