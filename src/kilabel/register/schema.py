"""The register's schema, declared once for SQLite and PostgreSQL: numbered migrations.

Each step is written once, with a few `{placeholders}` that a `Dialect` fills in (an id column is
`INTEGER PRIMARY KEY AUTOINCREMENT` in SQLite and `BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY`
in PostgreSQL; a case-blind index is `col COLLATE NOCASE` or `lower(col)`), plus the guards that
make the database itself refuse to change or delete an entry (SQLite: triggers that RAISE;
PostgreSQL: a trigger function, for UPDATE, DELETE and TRUNCATE).

A new database runs every step from 1; an older one runs only the steps it lacks. Each step runs in
the same write transaction as the version bump, so a crash or a second process never sees half a
migration. SQLite keeps the version in PRAGMA user_version, PostgreSQL in the table kilabel_schema
(one row per step, so it is append-only too). Add a step at the end; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Dialect:
    """What differs between the two databases, as text the steps and queries are filled with."""

    name: str
    types: dict[str, str] = field(default_factory=dict)
    nocase_suffix: str = ""  # SQLite: " COLLATE NOCASE"
    nocase_function: str = ""  # PostgreSQL: "lower"

    def nocase(self, expr: str) -> str:
        """`expr` compared without regard to case (an index on it serves `nocase` comparisons)."""
        return f"{self.nocase_function}({expr})" if self.nocase_function else f"{expr}{self.nocase_suffix}"

    def fill(self, script: str) -> str:
        return script.format(**self.types, nocase_campaign=self.nocase("campaign"))


SQLITE = Dialect(
    "sqlite",
    {
        "id": "INTEGER PRIMARY KEY AUTOINCREMENT",
        "int": "INTEGER",
        "bigint": "INTEGER",
        "real": "REAL",
        "without_rowid": "WITHOUT ROWID",
    },
    nocase_suffix=" COLLATE NOCASE",
)
POSTGRESQL = Dialect(
    "postgresql",
    {
        "id": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        "int": "BIGINT",
        "bigint": "BIGINT",
        "real": "DOUBLE PRECISION",  # PostgreSQL's REAL has 6 digits: 134.2 would come back as 134.199997
        "without_rowid": "",
    },
    nocase_function="lower",
)

NEVER_DELETED = "register entries are never deleted, only superseded"
NEVER_CHANGED = "register entries are never changed, only superseded"


def guards(dialect: Dialect, table: str) -> list[str]:
    """Statements that make the database refuse UPDATE and DELETE (PostgreSQL: and TRUNCATE) on
    `table`, for every role, the owner included (who could drop the triggers, but not by accident)."""
    if dialect.name == "sqlite":
        return [
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{NEVER_DELETED}'); END",
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{NEVER_CHANGED}'); END",
        ]
    return [
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION kilabel_refuse('{NEVER_DELETED}')",
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION kilabel_refuse('{NEVER_DELETED}')",
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION kilabel_refuse('{NEVER_CHANGED}')",
    ]


# PostgreSQL: the function the guards call (step 2 creates it before the first guard).
_PG_REFUSE = """
CREATE FUNCTION kilabel_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'insufficient_privilege';
END $$
"""

# Step 1: the first register (one row per exported file).
_V1 = """
CREATE TABLE entries (
    id {id},
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
ALTER TABLE entries ADD COLUMN supersedes {bigint} REFERENCES entries(id);
ALTER TABLE entries ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN label_language TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN c2pa_state TEXT NOT NULL DEFAULT '';
CREATE INDEX entries_input_sha ON entries(input_sha256);
CREATE INDEX entries_output_sha ON entries(output_sha256);
CREATE INDEX entries_register_id ON entries(register_id);
CREATE INDEX entries_supersedes ON entries(supersedes);
"""

# Step 3: the effective resolution of a print export (pixels per inch at its physical size; NULL
# for exports without a physical size), so a shop's question "what dpi did the poster have" is
# answered from the register.
_V3 = """
ALTER TABLE entries ADD COLUMN effective_dpi {real}
"""

# Step 4: the perceptual fingerprints of the exported image (kilabel.pipeline.fingerprint: the
# whole picture and the parts a crop keeps, as `io.iscc.v0:<hex>[@region]` separated by spaces; ''
# for entries made before and for PDFs), so `kilabel check` finds the entry of a copy whose
# metadata was stripped. The first 64 bits of each are indexed in four 16-bit parts (multi-index
# hashing): a lookup is a few indexed equality probes per part and a check of the candidates'
# full distance. `block` says which of the entry's fingerprints a row belongs to (0: the whole);
# `prefix` holds all its first 64 bits (as a signed integer), so most candidates are ruled out
# from the index alone. Register.add fills it in the entry's transaction; the database refuses to
# change or delete it.
_V4 = """
ALTER TABLE entries ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
CREATE TABLE fingerprint_parts (
    part {int} NOT NULL,
    value {bigint} NOT NULL,
    entry_id {bigint} NOT NULL REFERENCES entries(id),
    block {int} NOT NULL,
    prefix {bigint} NOT NULL,
    PRIMARY KEY (part, value, entry_id, block)
) {without_rowid}
"""

# Step 5 (the team register): the machine an entry was exported on (with `operator`: who), the
# public transparency page's marks (`kilabel register mark-public`: one row per decision, the
# newest for an entry wins, so withdrawing is a new row too; `prompt_public` says whether its
# prompt may be shown), and a case-blind index for `register list --campaign`.
_V5 = """
ALTER TABLE entries ADD COLUMN machine TEXT NOT NULL DEFAULT '';
CREATE TABLE publication (
    id {id},
    entry_id {bigint} NOT NULL REFERENCES entries(id),
    public {int} NOT NULL,
    prompt_public {int} NOT NULL,
    created TEXT NOT NULL,
    operator TEXT NOT NULL DEFAULT '',
    machine TEXT NOT NULL DEFAULT ''
);
CREATE INDEX publication_entry ON publication(entry_id);
CREATE INDEX entries_campaign_nocase ON entries({nocase_campaign})
"""


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def steps(dialect: Dialect) -> list[list[str]]:
    """Every migration step as statements in `dialect`; step n is steps(...)[n - 1]."""
    pg = dialect.name == "postgresql"
    return [
        _statements(dialect.fill(_V1)),
        _statements(dialect.fill(_V2)) + ([_PG_REFUSE.strip()] if pg else []) + guards(dialect, "entries"),
        _statements(dialect.fill(_V3)),
        _statements(dialect.fill(_V4)) + guards(dialect, "fingerprint_parts"),
        _statements(dialect.fill(_V5)) + guards(dialect, "publication"),
    ]


MIGRATIONS: list[list[str]] = steps(SQLITE)
VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> tuple[int, int]:
    """Bring the SQLite database to VERSION; returns (version before, version after).

    `conn` must be in autocommit mode (isolation_level=None). Refuses a database made by a newer
    kilabel rather than writing rows it cannot describe.
    """
    before = conn.execute("PRAGMA user_version").fetchone()[0]
    if before == VERSION:
        return before, before
    conn.execute("BEGIN IMMEDIATE")  # one migrator at a time; re-read the version under the lock
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        check_version(current)
        for step in range(current, VERSION):
            for stmt in MIGRATIONS[step]:
                conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {step + 1}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return before, VERSION


def check_version(current: int) -> None:
    """Refuse a register made by a newer kilabel (its rows may have columns this one cannot describe)."""
    if current > VERSION:
        raise RuntimeError(f"the register has schema version {current}; this kilabel knows up to {VERSION}")
