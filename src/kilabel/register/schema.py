"""The register's SQLite schema: numbered migrations, tracked by PRAGMA user_version.

A new database runs every step from 1; an older one runs only the steps it lacks. Each step runs in
the same write transaction as the version bump, so a crash or a second process never sees half a
migration. Add a step at the end; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3

# Step 1: the first register (one row per exported file).
_V1 = """
CREATE TABLE entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    register_id TEXT NOT NULL DEFAULT '',
    input_name TEXT NOT NULL DEFAULT '',
    input_path TEXT NOT NULL DEFAULT '',
    input_sha256 TEXT NOT NULL DEFAULT '',
    output_name TEXT NOT NULL DEFAULT '',
    output_path TEXT NOT NULL DEFAULT '',
    output_sha256 TEXT NOT NULL DEFAULT '',
    label_id TEXT NOT NULL DEFAULT '',
    label_text TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    profile_id TEXT NOT NULL DEFAULT '',
    source_type TEXT NOT NULL DEFAULT '',
    ai_system TEXT NOT NULL DEFAULT '',
    ai_version TEXT NOT NULL DEFAULT '',
    prompt TEXT NOT NULL DEFAULT '',
    prompt_writer TEXT NOT NULL DEFAULT '',
    creator TEXT NOT NULL DEFAULT '',
    client TEXT NOT NULL DEFAULT '',
    credit TEXT NOT NULL DEFAULT '',
    campaign TEXT NOT NULL DEFAULT '',
    signer_fingerprint TEXT NOT NULL DEFAULT '',
    signer_organisation TEXT NOT NULL DEFAULT '',
    program_version TEXT NOT NULL DEFAULT '',
    operator TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entries_created ON entries(created);
CREATE INDEX entries_campaign ON entries(campaign);
"""

# Step 2: corrections (an entry supersedes an earlier one, with a reason), the label language and
# the C2PA state, indexes for finding a file by hash or register id, and the no-delete guards.
_V2 = """
ALTER TABLE entries ADD COLUMN supersedes INTEGER REFERENCES entries(id);
ALTER TABLE entries ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN label_language TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN c2pa_state TEXT NOT NULL DEFAULT '';
CREATE INDEX entries_input_sha ON entries(input_sha256);
CREATE INDEX entries_output_sha ON entries(output_sha256);
CREATE INDEX entries_register_id ON entries(register_id);
CREATE INDEX entries_supersedes ON entries(supersedes);
"""
# Nothing is ever deleted or changed, only superseded: the database itself refuses.
_GUARDS = [
    "CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries "
    "BEGIN SELECT RAISE(ABORT, 'register entries are never deleted, only superseded'); END",
    "CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries "
    "BEGIN SELECT RAISE(ABORT, 'register entries are never changed, only superseded'); END",
]


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


# Step 3: the effective resolution of a print export (pixels per inch at its physical size; NULL
# for exports without a physical size), so a shop's question "what dpi did the poster have" is
# answered from the register.
_V3 = """
ALTER TABLE entries ADD COLUMN effective_dpi REAL
"""

MIGRATIONS: list[list[str]] = [_statements(_V1), _statements(_V2) + _GUARDS, _statements(_V3)]
VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> tuple[int, int]:
    """Bring the database to VERSION; returns (version before, version after).

    `conn` must be in autocommit mode (isolation_level=None). Refuses a database made by a newer
    kilabel rather than writing rows it cannot describe.
    """
    before = conn.execute("PRAGMA user_version").fetchone()[0]
    if before == VERSION:
        return before, before
    conn.execute("BEGIN IMMEDIATE")  # one migrator at a time; re-read the version under the lock
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        if current > VERSION:
            raise RuntimeError(
                f"the register has schema version {current}; this kilabel knows up to {VERSION}"
            )
        for step in range(current, VERSION):
            for stmt in MIGRATIONS[step]:
                conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {step + 1}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return before, VERSION
