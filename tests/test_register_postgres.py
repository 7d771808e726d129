"""The team register on a real PostgreSQL server (tests/pg_server.py starts a private one): the
server refuses changes by kilabel's role, four exporting processes lose nothing, an unreachable
server queues and `sync` delivers with links intact, and every command follows the URL."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import psycopg
import pytest
from conftest import run_cli
from pg_server import Proxy, new_database
from register_helpers import entry

from kilabel import settings as settings_mod
from kilabel.errors import ConfigError
from kilabel.register import queue as register_queue
from kilabel.register.postgres import PostgresRegister, redact
from kilabel.register.store import Filter, SqliteRegister, open_register

PROV = ["--source-type", "trainedAlgorithmicMedia", "--ai-system", "Midjourney", "--ai-version", "6.1"]


def _env(url: str, kilabel_home) -> dict:
    return {**os.environ, "KILABEL_REGISTER_URL": url, "KILABEL_HOME": str(kilabel_home)}


def _ok(proc, code=0):
    assert proc.returncode == code, proc.stderr
    return proc


def test_kilabels_role_may_add_but_the_server_refuses_update_delete_truncate(pg_database):
    with PostgresRegister(pg_database.url) as reg:
        first = reg.add(entry(1))
        assert reg.get(first.id).prompt == "Prompt 1"
    with psycopg.connect(pg_database.url, autocommit=True) as conn:
        for sql in ("UPDATE entries SET prompt = 'x'", "DELETE FROM entries", "TRUNCATE entries"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
                conn.execute(sql)
        for table in ("fingerprint_parts", "publication", "kilabel_schema"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"DELETE FROM {table}")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("ALTER TABLE entries DROP COLUMN prompt")
    # even the owner is stopped by the tables' triggers
    with psycopg.connect(pg_database.owner_url, autocommit=True) as conn:
        with pytest.raises(psycopg.Error, match="never changed"):
            conn.execute("UPDATE entries SET prompt = 'x'")
        with pytest.raises(psycopg.Error, match="never deleted"):
            conn.execute("DELETE FROM entries")
    with PostgresRegister(pg_database.url) as reg:
        assert [e.prompt for e in reg.query()] == ["Prompt 1"]


def test_the_everyday_role_cannot_create_the_schema_and_says_who_can(pg_server):
    name = "t_unmigrated"
    pg_server.run(f"CREATE DATABASE {name} OWNER kilabel_owner")
    with pytest.raises(ConfigError, match="kilabel register migrate"):
        PostgresRegister(pg_server.url(name, "kilabel"))
    with PostgresRegister(pg_server.url(name, "kilabel_owner")) as owner:
        assert owner.migrated_from == 0 and owner.schema_version == 5


def test_two_owners_migrating_at_once_migrate_once(pg_server):
    pg_server.run("CREATE DATABASE t_race OWNER kilabel_owner")
    url = pg_server.url("t_race", "kilabel_owner")
    code = "import sys; from kilabel.register.postgres import PostgresRegister; PostgresRegister(sys.argv[1]).close()"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, url], stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with psycopg.connect(url) as conn:
        assert [r[0] for r in conn.execute("SELECT version FROM kilabel_schema ORDER BY version")] == [
            1,
            2,
            3,
            4,
            5,
        ]


WRITER = """
import sys, time
from pathlib import Path
from kilabel.register.postgres import PostgresRegister
from kilabel.register.store import Entry
url, tag, go = sys.argv[1], sys.argv[2], Path(sys.argv[3])
reg = PostgresRegister(url)
while not go.exists():
    time.sleep(0.005)
for i in range(200):
    reg.add(Entry(register_id=f"{tag}-{i}", input_name=f"{tag}{i}.jpg", operator=tag))
reg.close()
"""


def test_four_processes_exporting_at_once_lose_nothing(pg_database, make_image, tmp_path, kilabel_home):
    """Four real `kilabel export` processes at once, then four bare writers of 200 entries each."""
    images = [make_image(f"bild{k}.jpg", size=(320, 240), seed=k) for k in range(8)]
    env = _env(pg_database.url, kilabel_home)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kilabel",
                "export",
                *map(str, images[2 * k : 2 * k + 2]),
                "-o",
                str(tmp_path / f"out{k}"),
                "--profile",
                "web-jpeg",
                "-j",
                "1",
                "--campaign",
                f"P{k}",
                *PROV,
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(4)
    ]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
        assert "queued" not in err
    with PostgresRegister(pg_database.url) as reg:
        rows = reg.query()
        assert sorted(e.output_name for e in rows) == sorted(f"bild{k}-web.jpg" for k in range(8))
        assert len({e.register_id for e in rows}) == 8 and all(e.machine for e in rows)
        assert sorted(e.campaign for e in rows) == sorted(f"P{k // 2}" for k in range(8))

    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, pg_database.url, tag, str(go)], stderr=subprocess.PIPE, text=True
        )
        for tag in "ABCD"
    ]
    time.sleep(0.5)
    go.touch()
    for p in writers:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    with PostgresRegister(pg_database.url) as reg:
        rows = [e for e in reg.query() if e.operator in ("A", "B", "C", "D")]
        assert len(rows) == 800
        assert {e.register_id for e in rows} == {f"{t}-{i}" for t in "ABCD" for i in range(200)}


def test_unreachable_server_queues_and_sync_delivers_with_links(
    pg_database, make_image, tmp_path, kilabel_home
):
    proxy = Proxy(pg_database.server.port)
    url = proxy.url(pg_database.name)
    env = _env(url, kilabel_home)
    src = make_image("motiv.jpg", size=(320, 240))
    # the server is away: the export completes, its entry waits in the queue, the summary says so
    first = _ok(
        run_cli(
            "export", str(src), "-o", str(tmp_path / "a"), "--profile", "web-jpeg", "-j", "1", *PROV, env=env
        )
    )
    assert "1 of 1 exported" in first.stderr
    assert "1 register entries queued (server unreachable:" in first.stderr
    assert "`kilabel register sync` sends them" in first.stderr
    out = tmp_path / "a" / "motiv-web.jpg"
    assert out.exists()
    # still away: a correction of the queued entry, linked to it in the queue
    fix = _ok(
        run_cli(
            "export",
            str(out),
            "-o",
            str(tmp_path / "b"),
            "--profile",
            "web-jpeg",
            "-j",
            "1",
            "--preset",
            "ki-montage",
            "--reason",
            "Montage, nicht generiert",
            *PROV,
            env=env,
        )
    )
    assert "1 register entries queued" in fix.stderr
    assert "correction of entry -1" in fix.stderr
    listed = _ok(run_cli("register", "list", env=env))
    assert "only this machine's queued entries" in listed.stderr and "motiv-web.jpg" in listed.stdout
    refused = _ok(run_cli("register", "sync", env=env), 2).stderr.splitlines()[-1]
    assert refused.startswith("error: ") and "cannot reach the register server" in refused

    proxy.start()
    try:
        synced = _ok(run_cli("register", "sync", env=env))
        assert "2 queued entries sent" in synced.stderr and "0 still queued" in synced.stderr
        with PostgresRegister(pg_database.url) as reg:
            rows = reg.query()
            assert len(rows) == 2
            original, correction = rows
            assert correction.supersedes == original.id and correction.reason == "Montage, nicht generiert"
            assert original.superseded_by == correction.id
            assert original.output_name == "motiv-web.jpg" and original.campaign == correction.campaign
        again = _ok(run_cli("register", "sync", env=env))
        assert "0 queued entries sent" in again.stderr  # nothing twice
        history = _ok(
            run_cli("register", "history", str(tmp_path / "b" / correction.output_name), env=env)
        ).stdout
        assert f"correction of {original.id}" in history
    finally:
        proxy.stop()


def test_an_entry_queued_while_away_links_to_its_earlier_entry_when_sent(pg_database, tmp_path):
    """Offline, the export cannot see the server's entry of the same image: the link is made at sync."""
    with PostgresRegister(pg_database.url) as server:
        first = server.add(entry(1))
    proxy = Proxy(pg_database.server.port)
    url = proxy.url(pg_database.name)
    queue_path = tmp_path / "queue.sqlite"
    with register_queue.open_team_register(url, queue_path) as reg:
        assert not reg.online and "cannot reach the register server" in reg.warnings[0]
        queued = reg.add(entry(2, input_sha256=first.input_sha256, reason="neu gekennzeichnet"))
        assert queued.id == -1 and reg.queued == [queued]
        assert [e.id for e in reg.query()] == [-1]
    proxy.start()
    try:
        with register_queue.open_team_register(url, queue_path) as reg:
            assert reg.online and reg.notes == [f"register: 1 queued entries sent to {redact(url)}"]
            rows = reg.query()
            assert [(e.id, e.supersedes) for e in rows] == [(first.id, None), (first.id + 1, first.id)]
            assert reg.pending() == []
    finally:
        proxy.stop()


def test_a_server_that_goes_away_mid_batch_queues_the_rest(pg_database, tmp_path):
    proxy = Proxy(pg_database.server.port)
    proxy.start()
    url = proxy.url(pg_database.name)
    with register_queue.open_team_register(url, tmp_path / "q.sqlite") as reg:
        sent = reg.add(entry(1))
        proxy.stop()
        later = reg.add(entry(2))
        fix = reg.add(entry(3, supersedes=later.id, reason="wrong prompt"))
        assert sent.id > 0 and later.id == -1 and fix.id == -2 and not reg.online
        assert [e.id for e in reg.chain(-1)] == [-1, -2]
    proxy.start()
    try:
        with register_queue.open_team_register(url, tmp_path / "q.sqlite") as reg:
            rows = reg.query()
            assert [e.register_id for e in rows] == ["KL-1", "KL-2", "KL-3"]
            assert rows[2].supersedes == rows[1].id and rows[1].supersedes is None
    finally:
        proxy.stop()


def test_every_command_follows_the_url_and_the_environment_wins(
    pg_database, tmp_path, kilabel_home, monkeypatch
):
    cfg = kilabel_home / "config"
    cfg.mkdir(parents=True, exist_ok=True)
    (cfg / "settings.toml").write_text(f'register_url = "{pg_database.url}"\n', encoding="utf-8")
    with open_register(settings_mod.load()) as reg:
        reg.add(entry(1))
        assert reg.location == pg_database.url and reg.online
    info = _ok(run_cli("register", "info", env={**os.environ, "KILABEL_HOME": str(kilabel_home)}))
    assert pg_database.url in info.stdout and "entries:        1" in info.stdout
    credits = _ok(run_cli("credits", "--ids", "1", env={**os.environ, "KILABEL_HOME": str(kilabel_home)}))
    assert "Prompt 1" in credits.stdout
    # the environment variable wins over the setting
    other = new_database(pg_database.server)
    monkeypatch.setenv("KILABEL_REGISTER_URL", other.url)
    with open_register(settings_mod.load()) as reg:
        assert reg.location == other.url and reg.query() == []
    monkeypatch.setenv("KILABEL_REGISTER_URL", "mysql://x")
    with pytest.raises(ConfigError, match="KILABEL_REGISTER_URL must start with postgresql://"):
        open_register(settings_mod.load())
    # an explicit path (tests, tools) is always the local file
    monkeypatch.delenv("KILABEL_REGISTER_URL")
    assert isinstance(open_register(settings_mod.load(), path=tmp_path / "r.sqlite"), SqliteRegister)


def test_a_bad_register_url_setting_is_one_clear_error(kilabel_home):
    cfg = kilabel_home / "config"
    cfg.mkdir(parents=True, exist_ok=True)
    (cfg / "settings.toml").write_text('register_url = "sqlite:///x.db"\n', encoding="utf-8")
    proc = run_cli("register", "list", env={**os.environ, "KILABEL_HOME": str(kilabel_home)})
    assert proc.returncode == 2 and "register_url must start with postgresql://" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_a_password_never_reaches_messages_or_the_queue(tmp_path):
    url = "postgresql://kilabel:geheim@127.0.0.1:9/kilabel"  # port 9: nothing answers
    with register_queue.open_team_register(url, tmp_path / "q.sqlite") as reg:
        reg.add(entry(1))
        assert "geheim" not in " ".join(reg.warnings) and "geheim" not in reg.location
    assert b"geheim" not in (tmp_path / "q.sqlite").read_bytes()
    assert redact(url) == "postgresql://kilabel@127.0.0.1:9/kilabel"


def test_queue_is_append_only(tmp_path):
    q = register_queue.Queue(tmp_path / "q.sqlite")
    q.add(entry(1), "t", link_at_sync=True)
    q.mark_sent(1, 5)
    import sqlite3

    conn = sqlite3.connect(tmp_path / "q.sqlite")
    for sql in ("DELETE FROM queued", "UPDATE sent SET server_id = 6", "DELETE FROM sent"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(sql)
    conn.close()
    q.close()


def test_filters_and_history_are_the_same_on_both(any_register):
    reg = any_register
    reg.add(entry(1, created="2025-01-10T10:00:00.000000Z"))
    reg.add(entry(2, campaign="Wahl", ai_system="DALL-E", created="2025-03-01T10:00:00.000000Z"))
    third = reg.add(entry(3, created="2025-06-01T10:00:00.000000Z", prompt="Leipziger Buchmesse"))
    fix = reg.add(entry(4, supersedes=third.id, reason="label missing", effective_dpi=134.2))
    assert [e.id for e in reg.query(Filter(campaign="buchstadt"))] == [1, 3, 4]
    assert [e.id for e in reg.query(Filter(ai_system="dall-e"))] == [2]
    assert [e.id for e in reg.query(Filter(text="BUCHMESSE"))] == [3]
    assert [e.id for e in reg.query(Filter(current_only=True))] == [1, 2, 4]
    assert [e.id for e in reg.chain(fix.id)] == [3, 4] and reg.get(3).superseded_by == 4
    assert reg.get(4).effective_dpi == 134.2
    assert reg.distinct("campaign") == ["Buchstadt", "Wahl"]
    assert [e.id for e in reg.find(sha256=third.input_sha256.upper())] == [3]
    assert reg.query(Filter(ids=[])) == []
    odd = reg.add(entry(5, input_name="b\udcffd.jpg", prompt="a\x00b"))
    assert reg.get(odd.id).input_name == "b\\xffd.jpg"


def test_find_similar_is_the_same_on_both(any_register):
    """Schema step 4's fingerprint index answers alike on the server (64-bit prefixes as BIGINT)."""
    import random

    from kilabel.pipeline import fingerprint
    from kilabel.register.store import Entry

    rnd = random.Random(7)
    fps = [fingerprint.Fingerprint(fingerprint.ALG, rnd.getrandbits(256)) for _ in range(50)]
    fps[3] = fingerprint.Fingerprint(fingerprint.ALG, fps[3].value | (1 << 255))  # a negative signed prefix
    for i, fp in enumerate(fps):
        any_register.add(Entry(register_id=f"KL-F-{i}", fingerprint=fingerprint.as_text([fp])))
    assert any_register.has_fingerprints()
    for i in (3, 17):
        near = fingerprint.Fingerprint(fingerprint.ALG, fps[i].value ^ 0b1011)
        assert [(e.register_id, d) for e, d in any_register.find_similar(near)] == [(f"KL-F-{i}", 3)]


@pytest.mark.gui
def test_the_settings_window_sets_the_team_register(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kilabel.gui.settings_dialog import SettingsDialog

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    dlg = SettingsDialog(settings_mod.Settings())
    qtbot.addWidget(dlg)
    assert not dlg.register_url_note.isVisibleTo(dlg)
    dlg.register_url.setText("mysql://server/db")
    dlg.save()
    assert said and "postgresql://" in said[0] and not settings_mod.settings_file().exists()
    dlg.register_url.setText(" postgresql://kilabel@server/kilabel ")
    dlg.save()
    assert settings_mod.load().register_url == "postgresql://kilabel@server/kilabel"
    # the environment wins, and the window says so (without the password)
    monkeypatch.setenv("KILABEL_REGISTER_URL", "postgresql://kilabel:geheim@other/kilabel")
    dlg = SettingsDialog(settings_mod.load())
    qtbot.addWidget(dlg)
    assert dlg.register_url_note.isVisibleTo(dlg)
    assert "other/kilabel" in dlg.register_url_note.text() and "geheim" not in dlg.register_url_note.text()


def test_a_server_that_let_the_connection_time_out_is_not_waited_for_again_at_once(tmp_path, monkeypatch):
    """The relabel window opens the register for each file it reads: a server that never answers
    cost 5 s per file. Now the first file waits; the next ones queue at once until RETRY_AFTER."""
    import socket

    from kilabel.register import postgres

    monkeypatch.setattr(postgres, "CONNECT_TIMEOUT", 2)  # libpq's least
    with socket.create_server(("127.0.0.1", 0), backlog=8) as silent:  # takes connections, never answers
        url = f"postgresql://kilabel:geheim@127.0.0.1:{silent.getsockname()[1]}/kilabel"
        opened = []
        for _ in range(2):
            t = time.monotonic()
            reg = register_queue.open_team_register(url, tmp_path / "q.sqlite")
            opened.append((time.monotonic() - t, " ".join(reg.warnings)))
            assert not reg.online
            reg.close()
        (first, why), (second, again) = opened
        assert first >= 1.5 and "cannot reach the register server" in why
        assert second < 0.5, f"waited {second:.1f} s again for a server that had just timed out"
        assert "cannot reach the register server" in again and "asked again 30 s after that" in again
        assert "geheim" not in why + again
        monkeypatch.setattr(register_queue, "RETRY_AFTER", 0.0)  # the time has passed: asked again
        t = time.monotonic()
        register_queue.open_team_register(url, tmp_path / "q.sqlite").close()
        assert time.monotonic() - t >= 1.5
    # a refusal is quick and never remembered: the server may be back the next moment
    t = time.monotonic()
    register_queue.open_team_register(url, tmp_path / "q.sqlite").close()
    assert time.monotonic() - t < 1.0 and url not in register_queue._slow_failures
