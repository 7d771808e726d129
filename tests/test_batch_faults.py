"""Faults of a real `kilabel export` batch (issue 13, items 1, 2, 5), each made real:

- the batch's main process is SIGKILLed: its workers and multiprocessing's resource tracker end
  within seconds, and a rerun (--skip-existing or plain) records every output that reached its
  final name without reaching the register;
- one worker is SIGKILLed: exactly the file it held fails with a plain line, the rest goes on;
  a worker the kernel kills for lack of memory (a memory cgroup, as root) is named so;
- the register's disk is full (a small tmpfs, mounted as root): the summary says what was written
  and what was not recorded, and the next run records it.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import photo

from kilabel.pipeline.verify import verify
from kilabel.register.store import SqliteRegister

PROV = ["--source-type", "trainedAlgorithmicMedia", "--ai-system", "Midjourney", "--prompt", "Tram"]
TEMP_RE = re.compile(r"^\.(?P<name>.+)\.kilabel-(?P<pid>\d+)(?:-[a-z0-9]+)?\.tmp$")


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def make_inputs(folder: Path, n: int, size=(1000, 700)) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"motiv {i:02d}.{['jpg', 'png'][i % 2]}"
        photo(size, i).save(p)
        paths.append(p)
    return paths


def cli(env, *args, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kilabel", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start_export(env, inputs, out, *extra) -> subprocess.Popen:
    """The batch in a session of its own: its process group id is its pid, and every process it
    starts (workers, resource tracker) keeps that group, wherever it is reparented to."""
    return subprocess.Popen(
        [sys.executable, "-m", "kilabel", "export", *map(str, inputs), *PROV, "--out", str(out), *extra],
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def stat_of(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, process group) from /proc, or None when the process is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return fields[0].decode(), int(fields[1]), int(fields[2])


def stop(pid: int) -> None:
    """SIGSTOP, and wait until the process is really stopped (the signal is delivered later)."""
    os.kill(pid, signal.SIGSTOP)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        st = stat_of(pid)
        if st is None or st[0] in ("T", "t", "Z", "X"):
            return
        time.sleep(0.001)
    pytest.fail(f"process {pid} did not stop")


def living_in_group(pgid: int) -> list[str]:
    """Processes of the group that still run (zombies are dead: they only wait to be reaped)."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        st = stat_of(int(entry))
        if st and st[2] == pgid and st[0] not in ("Z", "X"):
            try:
                cmd = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            out.append(f"{entry}: {cmd[:140]}")
    return out


def wait_group_gone(pgid: int, seconds: float) -> tuple[list[str], float]:
    t0 = time.monotonic()
    while True:
        left = living_in_group(pgid)
        if not left or time.monotonic() - t0 > seconds:
            return left, time.monotonic() - t0
        time.sleep(0.02)


def kill_group(pgid: int) -> None:
    """Teardown: whatever of this test's own batch still runs."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def final_files(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if not p.name.startswith(".")) if out.exists() else []


def temp_files(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if TEMP_RE.match(p.name)) if out.exists() else []


def wait_for(cond, proc: subprocess.Popen, seconds: float = 120, what: str = ""):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        got = cond()
        if got:
            return got
        if proc.poll() is not None:
            pytest.fail(f"the batch ended before {what}: {proc.stderr.read()}")
        time.sleep(0.002)
    pytest.fail(f"timed out waiting for {what}")


def register_entries(home: Path, path: Path | None = None):
    reg = SqliteRegister(path or home / "data" / "register.sqlite")
    try:
        return reg.query()
    finally:
        reg.close()


def unregistered(out: Path, entries) -> list[str]:
    """Final files whose bytes and embedded register id no register entry has."""
    by_sha = {e.output_sha256: e for e in entries}
    missing = []
    for f in final_files(out):
        e = by_sha.get(sha(f))
        if e is None or e.register_id != verify(f).provenance.register_id:
            missing.append(f.name)
    return missing


@pytest.fixture
def env(kilabel_home):
    e = dict(os.environ, KILABEL_HOME=str(kilabel_home))
    r = cli(e, "keys", "init", "--org", "Test")
    assert r.returncode == 0, r.stderr
    return e


# --- 1. SIGKILL of the main process -------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "rerun"),
    [("early", "--skip-existing"), ("mid-batch", "--skip-existing"), ("mid-batch", "plain")],
)
def test_sigkill_of_main_process_ends_workers_and_rerun_records_everything(
    tmp_path, env, kilabel_home, moment, rerun
):
    inputs = make_inputs(tmp_path / "in", 12)
    out = tmp_path / "out"
    proc = start_export(env, inputs, out, "--jobs", "2")
    try:
        if moment == "early":  # the first file is being written
            wait_for(lambda: temp_files(out), proc, what="the first temporary file")
        else:
            # Mid-batch, and in the worst moment: the main process is frozen while the workers
            # finish the files they hold and rename them into place, then it is killed. Those
            # files are complete under their final names and were never recorded.
            wait_for(lambda: len(final_files(out)) >= 4, proc, what="four outputs")
            deadline = time.monotonic() + 60
            while True:
                stop(proc.pid)
                if temp_files(out):  # a worker holds a file
                    break
                os.kill(proc.pid, signal.SIGCONT)
                if time.monotonic() > deadline or len(final_files(out)) >= len(inputs) - 1:
                    pytest.fail("no moment found in which a worker held a file")
                time.sleep(0.01)
            t0 = time.monotonic()
            while temp_files(out) and time.monotonic() - t0 < 30:
                time.sleep(0.01)
            time.sleep(0.2)
        os.kill(proc.pid, signal.SIGKILL)  # the main process only; the workers are its business
        proc.wait()
        left, took = wait_group_gone(proc.pid, 5)
        assert left == [], (
            f"workers or the resource tracker outlived the batch by {took:.1f} s:\n" + "\n".join(left)
        )
    finally:
        kill_group(proc.pid)
    done = final_files(out)
    assert len(done) < len(inputs), "the kill came too late to test anything"
    for f in done:  # whatever has a final name is complete
        assert verify(f).c2pa.state in ("valid", "trusted"), f
    if moment == "mid-batch":
        assert unregistered(out, register_entries(kilabel_home)), (
            "the frozen batch should have left outputs that never reached the register"
        )

    extra = ["--skip-existing"] if rerun == "--skip-existing" else []
    r = cli(env, "export", *inputs, *PROV, "--out", out, "--jobs", "2", *extra)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    entries = register_entries(kilabel_home)
    assert unregistered(out, entries) == [], r.stderr
    assert temp_files(out) == [] and not [p for p in out.iterdir() if p.name.startswith(".")]
    assert {e.input_name for e in entries} == {p.name for p in inputs}
    if moment == "mid-batch":
        assert "that export ended before recording it; recorded now as entry" in r.stderr
    if rerun == "plain":
        assert len(final_files(out)) >= len(inputs) + len(done), "a plain rerun keeps what is there"


# --- 2. SIGKILL of one worker -------------------------------------------------------------------


def freeze_a_worker(proc: subprocess.Popen, out: Path) -> tuple[int, str]:
    """Stop a worker of this batch while it holds a file; (its pid, the file's name). A stopped
    worker whose temporary file is there and whose output is not holds that file."""
    while True:
        if proc.poll() is not None:
            pytest.fail(f"the batch ended first: {proc.stderr.read()}")
        for tmp in temp_files(out):
            m = TEMP_RE.match(tmp.name)
            pid = int(m.group("pid"))
            st = stat_of(pid)
            if pid == proc.pid or st is None or st[1] != proc.pid:
                continue  # only a child of this batch
            stop(pid)
            if tmp.exists() and not (out / m.group("name")).exists():
                return pid, m.group("name")
            os.kill(pid, signal.SIGCONT)
        time.sleep(0.002)


def test_sigkill_of_one_worker_fails_only_its_file(tmp_path, env, kilabel_home):
    inputs = make_inputs(tmp_path / "in", 12)
    out = tmp_path / "out"
    proc = start_export(env, inputs, out, "--jobs", "2")
    try:
        wait_for(lambda: len(final_files(out)) >= 2, proc, what="two outputs")
        pid, held = freeze_a_worker(proc, out)
        os.kill(pid, signal.SIGKILL)
        os.kill(pid, signal.SIGCONT)
        _, err = proc.communicate(timeout=180)
    finally:
        kill_group(proc.pid)
    assert "Traceback" not in err and "BrokenProcessPool" not in err, err
    assert proc.returncode == 1, err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, err
    assert held in errors[0] and "the worker process died: signal 9" in errors[0], errors
    assert f"{len(inputs) - 1} of {len(inputs)} exported" in err and "1 failed" in err, err
    names = {p.name for p in final_files(out)}
    assert names == {p.name for p in inputs} - {held}, "every other file was exported"
    for f in final_files(out):
        assert verify(f).c2pa.state in ("valid", "trusted"), f
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [], "its temporary files are gone"
    entries = register_entries(kilabel_home)
    assert len(entries) == len(inputs) - 1 and unregistered(out, entries) == []


# --- 2b. A worker killed by the kernel's out-of-memory killer -----------------------------------


@pytest.fixture
def memory_cgroup(tmp_path):
    """A memory cgroup limited to 320 MB (as root; cgroup v2 or v1): the path of its cgroup.procs."""
    name = f"kilabel-test-{os.getpid()}-{tmp_path.name}"
    controllers = Path("/sys/fs/cgroup/cgroup.controllers")
    if controllers.exists() and "memory" in controllers.read_text().split():
        folder, limit = Path("/sys/fs/cgroup") / name, "memory.max"
    else:
        folder, limit = Path("/sys/fs/cgroup/memory") / name, "memory.limit_in_bytes"
    try:
        folder.mkdir()
        (folder / limit).write_text(str(320 << 20))
    except OSError as exc:
        pytest.fail(
            f"cannot make a memory cgroup to make out-of-memory real (needs root): {exc}", pytrace=False
        )
    try:
        yield folder / "cgroup.procs"
    finally:
        for _ in range(100):  # empty once its last process is gone
            try:
                folder.rmdir()
                break
            except OSError:
                time.sleep(0.05)


def test_worker_killed_for_lack_of_memory_is_named_so(tmp_path, env, memory_cgroup):
    inputs = make_inputs(tmp_path / "in", 6, (800, 560))
    big = tmp_path / "in" / "riesig.jpg"  # 70 megapixels: about 700 MB to export, the cgroup allows 320
    photo((1000, 700), 99).resize((10000, 7000)).save(big, quality=60)
    inputs.insert(2, big)
    export = [
        sys.executable,
        "-m",
        "kilabel",
        "export",
        *map(str, inputs),
        *PROV,
        "--out",
        str(tmp_path / "out"),
    ]
    r = subprocess.run(  # the batch joins the cgroup before it starts: its workers are in it too
        ["sh", "-c", f'echo $$ > "{memory_cgroup}" && exec "$@"', "sh", *export, "--jobs", "2"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 1, r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and big.name in errors[0], r.stderr
    assert "the worker process died: signal 9" in errors[0] and "likely out of memory" in errors[0], errors
    assert "6 of 7 exported" in r.stderr and "1 failed" in r.stderr, r.stderr
    assert {p.name for p in final_files(tmp_path / "out")} == {p.name for p in inputs} - {big.name}


# --- 5. Full disk -------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs of its own (as root), unmounted afterwards."""
    mnt = tmp_path / "small-disk"
    mnt.mkdir()
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], capture_output=True, text=True
    )
    if r.returncode != 0:
        pytest.fail(
            f"cannot mount a tmpfs to make a full disk real (this test needs root): {r.stderr.strip()}",
            pytrace=False,
        )
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    with open(filler, "wb") as f:
        try:
            while True:
                f.write(b"\0" * 4096)
                f.flush()
        except OSError:
            pass
        try:
            f.close()
        except OSError:
            pass
    return filler


def test_full_register_disk_says_what_was_written_and_next_run_records_it(
    tmp_path, env, kilabel_home, small_disk
):
    register = small_disk / "register.sqlite"
    config = kilabel_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.toml").write_text(f'register_path = "{register}"\n', encoding="utf-8")
    r = cli(env, "register", "info")
    assert r.returncode == 0 and str(register) in r.stdout, r.stderr
    inputs = make_inputs(tmp_path / "in", 4, (800, 560))
    out = tmp_path / "out"
    proc = start_export(env, inputs, out, "--jobs", "2")
    try:
        wait_for(lambda: temp_files(out), proc, what="the first temporary file")
        stop(proc.pid)  # before anything is recorded, the register's disk fills up
        filler = fill(small_disk)
        os.kill(proc.pid, signal.SIGCONT)
        _, err = proc.communicate(timeout=180)
    finally:
        kill_group(proc.pid)
    assert proc.returncode == 1, err
    assert "Traceback" not in err and "no transaction is active" not in err, err
    summary = err.strip().splitlines()[-1]
    assert summary.startswith(f"4 of 4 exported to {out}"), summary
    # a small file may be finished and recorded in the moment before the process is stopped
    recorded_before = len(register_entries(kilabel_home, register))
    missing = 4 - recorded_before
    assert missing >= 1, "nothing was left unrecorded: the fault was not made"
    assert f"{missing} of them written but NOT recorded in the register (database or disk is full)" in summary
    assert "--skip-existing" in summary
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == missing and all(
        "exported, but not recorded in the register" in e for e in errors
    ), err
    assert len(final_files(out)) == 4 and all(
        verify(f).c2pa.state in ("valid", "trusted") for f in final_files(out)
    )

    filler.unlink()  # space again
    r = cli(env, "export", *inputs, *PROV, "--out", out, "--jobs", "2", "--skip-existing")
    assert r.returncode == 0, r.stderr
    assert "0 of 4 exported" in r.stderr and "4 skipped" in r.stderr, r.stderr
    assert r.stderr.count("recorded now as entry") == missing, r.stderr
    entries = register_entries(kilabel_home, register)
    assert len(entries) == 4 and unregistered(out, entries) == []
    assert {e.input_name for e in entries} == {p.name for p in inputs}
    assert all(e.c2pa_state in ("valid", "trusted") and e.label_text == "KI-generiert" for e in entries)
