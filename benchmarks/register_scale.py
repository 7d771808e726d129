"""How the register holds up in a team (issue 16.5): many writers at once, and a million entries.

    python benchmarks/register_scale.py [--quick] [--pg-url postgresql://owner@host/db] [--backends sqlite,postgresql]

Writers: 20 processes start together (they wait for a go file) and each adds 500 entries, one
transaction each, to one register: the SQLite file (WAL) and the PostgreSQL server. Counted: entries
lost (added without an error but not in the register afterwards), lock errors (an add that failed:
"database is locked", a deadlock, a serialisation failure), and entries per second from go to the
last writer's end.

Reading: the register filled to 1,000,000 entries (bulk-loaded: 1,000 campaigns, one entry in ten a
correction), then the time of what `register list --campaign X`, `register list --since DATE` and
`register history FILE` do once the process runs (query, and format the lines): the median of 7 runs.

Without --pg-url a private server is started as the tests do (tests/pg_server.py: Debian's
postgresql package), but with fsync on, as a real server runs. --quick: 20 × 100 entries and 100,000 entries to read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from kilabel.cli.register import _line  # noqa: E402 - after the path set-up
from kilabel.register import record  # noqa: E402
from kilabel.register.store import STORED, Entry, Filter, SqliteRegister, parse_when  # noqa: E402

WRITER = """
import json, sys, time
from pathlib import Path
from kilabel.register.store import Entry, SqliteRegister
where, tag, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
if where.startswith("postgresql://"):
    from kilabel.register.postgres import PostgresRegister
    reg = PostgresRegister(where)
else:
    reg = SqliteRegister(Path(where))
while not go.exists():
    time.sleep(0.002)
ok, errors = [], []
for i in range(count):
    rid = f"{tag}-{i}"
    try:
        reg.add(Entry(register_id=rid, input_name=f"{tag}{i}.jpg", campaign="Last", operator=tag))
        ok.append(rid)
    except Exception as exc:
        errors.append(str(exc).splitlines()[0])
reg.close()
print(json.dumps({"ok": ok, "errors": errors, "end": time.time()}))
"""


def open_register(where: str):
    if where.startswith("postgresql://"):
        from kilabel.register.postgres import PostgresRegister

        return PostgresRegister(where)
    return SqliteRegister(Path(where))


def writers(where: str, procs: int, count: int, tmp: Path) -> dict:
    """`procs` processes adding `count` entries each at once; what was lost, refused, how fast."""
    open_register(where).close()  # created and migrated before the race (as a team's server is)
    go = tmp / f"go-{time.monotonic_ns()}"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, where, f"W{k}", str(count), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(procs)
    ]
    time.sleep(1.5)  # all of them connected and waiting
    start = time.time()
    go.touch()
    results = []
    for child in children:
        out, err = child.communicate(timeout=1800)
        if child.returncode != 0:
            raise SystemExit(f"a writer failed: {err.strip()[-500:]}")
        results.append(json.loads(out))
    end = max(r["end"] for r in results)
    added = {rid for r in results for rid in r["ok"]}
    with open_register(where) as reg:
        present = {e.register_id for e in reg.query(Filter(campaign="Last"))}
    errors = [e for r in results for e in r["errors"]]
    return {
        "entries": procs * count,
        "lost": len(added - present),
        "lock_errors": len(errors),
        "error_example": errors[0] if errors else "",
        "per_second": round(len(added) / (end - start)),
    }


def rows(n: int):
    """n entries: 1,000 campaigns, hashes unique, one in ten a correction of the entry before it."""
    import datetime

    base = {name: "" for name in STORED}
    start, step = datetime.datetime(2025, 1, 1), datetime.timedelta(days=365) / n
    for i in range(1, n + 1):
        row = dict(base)
        row.update(
            created=(start + step * i).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            register_id=f"KL-{i}",
            input_name=f"bild{i}.jpg",
            input_sha256=hashlib.sha256(b"in%d" % i).hexdigest(),
            output_name=f"bild{i}-web.jpg",
            output_sha256=hashlib.sha256(b"out%d" % i).hexdigest(),
            label_text="KI-generiert",
            campaign=f"Kampagne {i % 1000}",
            ai_system="Midjourney",
            prompt=f"Ein Plakat Nummer {i}",
            operator="Erika",
        )
        row["supersedes"] = i - 1 if i % 10 == 0 else None
        row["effective_dpi"] = None
        yield [row[name] for name in STORED]


def fill_sqlite(path: Path, n: int) -> None:
    SqliteRegister(path).close()
    import sqlite3

    conn = sqlite3.connect(path)
    cols = ", ".join(STORED)
    conn.executemany(f"INSERT INTO entries ({cols}) VALUES ({', '.join('?' * len(STORED))})", rows(n))
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()


def fill_postgres(url: str, n: int) -> None:
    import psycopg

    from kilabel.register.postgres import PostgresRegister

    PostgresRegister(url).close()
    with psycopg.connect(url) as conn:
        with conn.cursor().copy(f"COPY entries ({', '.join(STORED)}) FROM STDIN") as copy:
            for row in rows(n):
                copy.write_row(row)
        conn.commit()
        conn.execute("ANALYZE entries")


def timed(step, runs: int = 7) -> float:
    """Median milliseconds of `step` (after one warm-up run)."""
    step()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        step()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 1)


def reads(where: str, n: int, tmp: Path) -> dict:
    """What `register list` with a filter and `register history FILE` cost over n entries."""
    target = n // 2 + 5  # an entry in the middle, with a correction chain around it
    probe = tmp / "probe.jpg"
    probe.write_bytes(b"stand-in for an exported file")
    sha = hashlib.sha256(probe.read_bytes()).hexdigest()
    with open_register(where) as reg:
        reg.add(Entry(register_id="KL-probe", output_name="probe.jpg", output_sha256=sha, supersedes=target))
        since = parse_when("2025-12-31")

        def listing(flt):
            return lambda: [_line(e) for e in reg.query(flt)]

        out = {
            "entries": n,
            "list_campaign_ms": timed(listing(Filter(campaign="kampagne 123"))),
            "list_campaign_rows": len(reg.query(Filter(campaign="kampagne 123"))),
            "list_since_ms": timed(listing(Filter(since=since))),
            "list_since_rows": len(reg.query(Filter(since=since))),
            "history_ms": timed(lambda: [_line(e) for c in record.histories_for_file(reg, probe) for e in c]),
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="20 × 100 entries, 100,000 to read")
    ap.add_argument("--pg-url", help="a PostgreSQL database (the owner's role) instead of a private server")
    ap.add_argument("--backends", default="sqlite,postgresql")
    args = ap.parse_args()
    per_writer, total = (100, 100_000) if args.quick else (500, 1_000_000)
    backends = args.backends.split(",")
    server = None
    results = {}
    with tempfile.TemporaryDirectory(prefix="kilabel-scale-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            if "postgresql" in backends and not args.pg_url:
                import pg_server

                server = pg_server._start(pg_server._bindir(), durable=True)
                server.run("CREATE ROLE kilabel_owner LOGIN")

            def pg(db: str) -> str:
                if args.pg_url:
                    return args.pg_url
                server.run(f"CREATE DATABASE {db} OWNER kilabel_owner")
                return server.url(db, "kilabel_owner")

            for backend in backends:
                print(f"{backend}: 20 writers × {per_writer} entries …", file=sys.stderr)
                where = pg("writers") if backend == "postgresql" else str(tmp / "writers.sqlite")
                res = {"writers": writers(where, 20, per_writer, tmp)}
                print(f"{backend}: filling {total:,} entries …", file=sys.stderr)
                big = pg("big") if backend == "postgresql" else str(tmp / "big.sqlite")
                t = time.perf_counter()
                (fill_postgres if backend == "postgresql" else fill_sqlite)(
                    big if backend == "postgresql" else Path(big), total
                )
                res["fill_s"] = round(time.perf_counter() - t, 1)
                res["reads"] = reads(big, total, tmp)
                results[backend] = res
                print(json.dumps({backend: res}, indent=2), file=sys.stderr)
        finally:
            if server is not None:
                pg_server._stop(server)
    print(json.dumps({"cpus": os.cpu_count(), "quick": args.quick, **results}, indent=2))


if __name__ == "__main__":
    main()
