"""The register core: entries, filters, corrections, the no-delete guard, migrations, two writers."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import PurePosixPath

import pytest
from register_helpers import entry

from kilabel.errors import ConfigError
from kilabel.register import netfs
from kilabel.register import schema as register_schema
from kilabel.register.store import (
    Filter,
    SqliteRegister,
    _retry_while_locked,
    default_path,
    open_register,
    parse_when,
)
from kilabel.settings import Settings


@pytest.fixture
def reg(any_register):
    """The register tests run on the local SQLite file and on the PostgreSQL server (pg_server.py)."""
    return any_register


@pytest.fixture
def sqlite_reg(tmp_path):
    r = SqliteRegister(tmp_path / "register.sqlite")
    yield r
    r.close()


def test_default_path_is_in_the_data_folder_and_settings_override(kilabel_home, tmp_path):
    assert default_path(Settings()) == kilabel_home / "data" / "register.sqlite"
    assert default_path(Settings(register_path=str(tmp_path / "elsewhere.db"))) == tmp_path / "elsewhere.db"
    with open_register(Settings(register_path=str(tmp_path / "x" / "r.db"))) as r:
        r.add(entry())
    assert (tmp_path / "x" / "r.db").exists()


def test_add_keeps_every_field_and_sets_time(reg):
    added = reg.add(entry(prompt='Ein "Plakat" <b>&</b>\nmit Umlauten äöüß 🎨'))
    assert added.id == 1 and added.created.endswith("Z")
    got = reg.get(1)
    assert got == added
    assert got.prompt == 'Ein "Plakat" <b>&</b>\nmit Umlauten äöüß 🎨'
    assert reg.schema_version == register_schema.VERSION


def test_filters_campaign_ai_system_date_text(reg):
    reg.add(entry(1, created="2025-01-10T10:00:00.000000Z"))
    reg.add(entry(2, campaign="Wahl", ai_system="DALL-E", created="2025-03-01T10:00:00.000000Z"))
    reg.add(entry(3, created="2025-06-01T10:00:00.000000Z", prompt="Leipziger Buchmesse"))
    assert [e.id for e in reg.query(Filter(campaign="buchstadt"))] == [1, 3]
    assert [e.id for e in reg.query(Filter(ai_system="dall-e"))] == [2]
    assert [e.id for e in reg.query(Filter(since=parse_when("2025-02-01")))] == [2, 3]
    assert [e.id for e in reg.query(Filter(until=parse_when("2025-03-01", end=True)))] == [1, 2]
    assert [e.id for e in reg.query(Filter(text="buchmesse"))] == [3]
    assert reg.distinct("campaign") == ["Buchstadt", "Wahl"]
    with pytest.raises(ConfigError):
        parse_when("gestern")


def test_corrections_link_and_history_keeps_everything(reg):
    first = reg.add(entry(1))
    other = reg.add(entry(2))
    fix = reg.add(entry(3, supersedes=first.id, reason="label missing on print"))
    fix2 = reg.add(entry(4, supersedes=fix.id, reason="wrong prompt"))
    chain = reg.chain(fix.id)
    assert [e.id for e in chain] == [first.id, fix.id, fix2.id]
    assert [e.superseded_by for e in chain] == [fix.id, fix2.id, None]
    assert chain[2].reason == "wrong prompt"
    assert [e.id for e in reg.query(Filter(current_only=True))] == [other.id, fix2.id]
    assert len(reg.query()) == 4  # superseded entries stay


def test_nothing_is_ever_deleted_or_changed(sqlite_reg, tmp_path):
    reg = sqlite_reg  # the server's refusals: test_register_postgres.py
    reg.add(entry(1))
    conn = sqlite3.connect(tmp_path / "register.sqlite")
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        conn.execute("DELETE FROM entries")
    with pytest.raises(sqlite3.DatabaseError, match="never changed"):
        conn.execute("UPDATE entries SET prompt = 'x'")
    conn.close()
    assert reg.get(1).prompt == "Prompt 1"


def test_find_by_hash_and_register_id(reg):
    e = reg.add(entry(5))
    assert [x.id for x in reg.find(sha256=e.input_sha256)] == [e.id]
    assert [x.id for x in reg.find(sha256=e.output_sha256.upper())] == [e.id]
    assert [x.id for x in reg.find(register_id="KL-5")] == [e.id]
    assert reg.find(sha256="0" * 64) == [] and reg.find() == []


def test_migrates_a_v1_database_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(
        textwrap.dedent("""
        CREATE TABLE entries (id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL,
            register_id TEXT NOT NULL DEFAULT '', input_name TEXT NOT NULL DEFAULT '',
            input_path TEXT NOT NULL DEFAULT '', input_sha256 TEXT NOT NULL DEFAULT '',
            output_name TEXT NOT NULL DEFAULT '', output_path TEXT NOT NULL DEFAULT '',
            output_sha256 TEXT NOT NULL DEFAULT '', label_id TEXT NOT NULL DEFAULT '',
            label_text TEXT NOT NULL DEFAULT '', position TEXT NOT NULL DEFAULT '',
            profile_id TEXT NOT NULL DEFAULT '', source_type TEXT NOT NULL DEFAULT '',
            ai_system TEXT NOT NULL DEFAULT '', ai_version TEXT NOT NULL DEFAULT '',
            prompt TEXT NOT NULL DEFAULT '', prompt_writer TEXT NOT NULL DEFAULT '',
            creator TEXT NOT NULL DEFAULT '', client TEXT NOT NULL DEFAULT '', credit TEXT NOT NULL DEFAULT '',
            campaign TEXT NOT NULL DEFAULT '', signer_fingerprint TEXT NOT NULL DEFAULT '',
            signer_organisation TEXT NOT NULL DEFAULT '', program_version TEXT NOT NULL DEFAULT '',
            operator TEXT NOT NULL DEFAULT '');
        INSERT INTO entries (created, register_id, input_name, output_sha256, prompt, campaign, operator)
            VALUES ('2025-05-01T08:00:00.000000Z', 'KL-OLD', 'alt.jpg', 'ab12', 'alter Prompt', 'Alt', 'Max');
        PRAGMA user_version = 1;
    """)
    )
    conn.close()
    with SqliteRegister(path) as r:
        assert r.migrated_from == 1 and r.schema_version == register_schema.VERSION == 5
        old = r.get(1)
        kept = (old.register_id, old.input_name, old.prompt, old.operator)
        assert kept == ("KL-OLD", "alt.jpg", "alter Prompt", "Max")
        assert old.supersedes is None and old.reason == "" and old.machine == ""
        fix = r.add(entry(9, supersedes=old.id, reason="wrong prompt"))
        assert [e.id for e in r.chain(old.id)] == [1, fix.id]
        assert [e.id for e in r.find(sha256="ab12")] == [1]
        assert old.effective_dpi is None  # step 3's column: unknown for old entries
        assert r.add(entry(10, effective_dpi=134.2)).effective_dpi == 134.2
        assert r.get(r.query()[-1].id).effective_dpi == 134.2
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("DELETE FROM entries")  # the guard came with the migration
    conn.close()


def test_refuses_a_register_from_a_newer_kilabel(tmp_path):
    path = tmp_path / "new.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {register_schema.VERSION + 1}")
    conn.close()
    with pytest.raises(ConfigError, match="schema version"):
        SqliteRegister(path)


WRITER = """
import sys, time
from pathlib import Path
from kilabel.register.store import Entry, SqliteRegister
path, tag, go = sys.argv[1], sys.argv[2], Path(sys.argv[3])
reg = SqliteRegister(Path(path))
while not go.exists():
    time.sleep(0.005)
for i in range(200):
    reg.add(Entry(register_id=f"{tag}-{i}", input_name=f"{tag}{i}.jpg", operator=tag))
reg.close()
"""


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "shared.sqlite"
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), tag, str(go)], stderr=subprocess.PIPE, text=True
        )
        for tag in ("A", "B")
    ]
    time.sleep(0.5)  # both open (and race to create and migrate) before either writes
    go.touch()
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with SqliteRegister(path) as r:
        rows = r.query()
        assert len(rows) == 400
        assert {e.register_id for e in rows} == {f"{t}-{i}" for t in "AB" for i in range(200)}
        owners = [e.operator for e in rows]
        assert owners.count("A") == owners.count("B") == 200
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


OPENER = """
import sys
from pathlib import Path
from kilabel.register.store import Entry, SqliteRegister
with SqliteRegister(Path(sys.argv[1])) as reg:
    reg.add(Entry(register_id=sys.argv[2]))
"""


def test_processes_creating_the_same_register_at_once_all_get_in(tmp_path):
    # Creating the file and switching it to WAL races: SQLite can say "database is locked" at once,
    # without waiting, to the loser. Each round starts four processes on a file nobody made yet.
    for round_ in range(4):
        path = tmp_path / f"fresh{round_}.sqlite"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", OPENER, str(path), f"{round_}-{k}"], stderr=subprocess.PIPE, text=True
            )
            for k in range(4)
        ]
        for p in procs:
            _, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
        with SqliteRegister(path) as r:
            assert sorted(e.register_id for e in r.query()) == [f"{round_}-{k}" for k in range(4)]


def test_open_retries_only_while_locked_and_only_until_the_timeout():
    calls = []

    def locked_twice():
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "done"

    assert _retry_while_locked(locked_twice, timeout=5) == "done" and len(calls) == 3

    def broken():
        calls.append(1)
        raise sqlite3.OperationalError("no such table: entries")

    calls.clear()
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        _retry_while_locked(broken, timeout=5)
    assert len(calls) == 1  # other errors are not retried

    def always_locked():
        raise sqlite3.OperationalError("database is locked")

    start = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        _retry_while_locked(always_locked, timeout=0.3)
    assert time.monotonic() - start < 5


MOUNTS = r"""sysfs /sys sysfs rw 0 0
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/team nfs4 rw 0 0
//nas/share /mnt/nas\040drive cifs rw 0 0
user@host:/data /home/u/remote fuse.sshfs rw 0 0
/dev/sdb1 /mnt/team/local ext4 rw 0 0
"""


def test_network_drive_detection_linux():
    t = netfs.fs_type_linux
    assert t(PurePosixPath("/home/u/kilabel/register.sqlite"), MOUNTS) == "ext4"
    assert t(PurePosixPath("/mnt/team/register.sqlite"), MOUNTS) == "nfs4"
    assert t(PurePosixPath("/mnt/team/local/register.sqlite"), MOUNTS) == "ext4"  # longest mount point wins
    assert t(PurePosixPath("/mnt/nas drive/r.sqlite"), MOUNTS) == "cifs"
    assert t(PurePosixPath("/mnt/teamwork/r.sqlite"), MOUNTS) == "ext4"  # not a prefix match on names
    assert t(PurePosixPath("/home/u/remote/r.sqlite"), MOUNTS) in netfs.REMOTE_FS


def test_network_drive_detection_macos_and_windows():
    out = (
        "/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n"
        "//erika@nas/Team on /Volumes/Team (smbfs, nodev, nosuid, mounted by erika)\n"
    )
    assert netfs.fs_type_macos(PurePosixPath("/Volumes/Team/kilabel/r.sqlite"), out) == "smbfs"
    assert netfs.fs_type_macos(PurePosixPath("/Users/erika/r.sqlite"), out) == "apfs"
    assert netfs.is_unc(r"\\server\share\register.sqlite")
    assert not netfs.is_unc(r"C:\Users\erika\register.sqlite")


def test_register_warns_on_a_network_path(tmp_path, monkeypatch):
    monkeypatch.setattr(netfs, "network_reason", lambda p: f"{p} is on a network file system (nfs4)")
    with SqliteRegister(tmp_path / "r.sqlite") as r:
        assert r.warnings and "not safe" in r.warnings[0] and "nfs4" in r.warnings[0]
    monkeypatch.undo()
    with SqliteRegister(tmp_path / "r.sqlite") as r:
        assert r.warnings == []  # tmp_path is local


def test_register_core_does_not_import_qt():
    code = (
        "import sys, kilabel.register.store, kilabel.register.record, kilabel.register.csv_json, kilabel.register.credits, "
        "kilabel.cli.register, kilabel.register.netfs; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
