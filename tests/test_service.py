"""`kilabel service`: a real background process started with `kilabel service start`, exports
handed to it by the real `kilabel` command (subprocesses), and what must hold: the same files,
register entries, lines and exit codes as without it; relative paths meant from the command's
folder; nothing used from another kilabel, other surroundings or a folder others may enter; a
killed command or Ctrl+C cancels its batch and the service goes on; a dead service leaves the
command to itself; an idle service ends. Needs Unix domain sockets (Linux, macOS)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest
from conftest import run_cli

from kilabel import paths
from kilabel.cli import service_link

pytestmark = pytest.mark.skipif(not service_link.available(), reason="Unix domain sockets (not on Windows)")

PROV = ["--source-type", "trainedAlgorithmicMedia", "--ai-system", "Midjourney", "--ai-version", "7"]


def _ok(proc, code=0):
    assert proc.returncode == code, proc.stdout + proc.stderr
    return proc


def _status() -> dict:
    """pid, commands run and worker pids of this home's service ({} when none answers)."""
    out = run_cli("service", "status")
    m = re.search(r"pid (\d+), running since .*?, (\d+) commands run, workers ([\d ]+|none)", out.stdout)
    if out.returncode != 0 or not m:
        return {}
    return {"pid": int(m[1]), "served": int(m[2]), "workers": m[3].split() if m[3] != "none" else []}


@pytest.fixture
def service(kilabel_home, identity):
    """This test's home's service, started as a user starts it, stopped (or killed) after."""
    started = _ok(run_cli("service", "start"))
    assert "kilabel service started (pid" in started.stderr
    pid = _status()["pid"]
    yield pid
    run_cli("service", "stop")
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _verify_ok(path) -> None:
    report = json.loads(_ok(run_cli("verify", str(path), "--json")).stdout)
    assert report["status"] == "ok" and report["state"] == "trusted", report


def _register_outputs() -> list[str]:
    listed = json.loads(_ok(run_cli("register", "list", "--json")).stdout)
    return [e["output_path"] for e in listed["entries"]]


def test_an_export_through_the_service_is_the_export_without_it(service, make_image, tmp_path):
    for i in range(3):  # two sets of different pictures under the same names (no corrections)
        make_image(f"motiv-{i}.jpg", size=(800, 600), seed=i)
    (tmp_path / "in").rename(tmp_path / "in-a")
    for i in range(3):
        make_image(f"motiv-{i}.jpg", size=(800, 600), seed=10 + i)
    (tmp_path / "in").rename(tmp_path / "in-b")
    # relative paths, meant from the command's folder (the service and its workers run elsewhere)
    through = _ok(run_cli("export", "in-a", "--out", "out-a", *PROV, cwd=tmp_path))
    assert _status()["served"] == 1
    off = {**os.environ, "KILABEL_SERVICE": "off"}
    alone = _ok(run_cli("export", "in-b", "--out", "out-b", *PROV, cwd=tmp_path, env=off))
    assert _status()["served"] == 1  # not handed over

    def lines(text: str, out: str) -> list[str]:  # in the order the files were done, which varies
        return sorted(re.sub(r"^\[\d+/", "[", line).replace(out, "OUT") for line in text.splitlines())

    assert lines(through.stderr, "out-a") == lines(alone.stderr, "out-b")
    assert "3 of 3 exported to out-a" in through.stderr
    for i in range(3):
        assert (tmp_path / "out-a" / f"motiv-{i}.jpg").is_file()
        _verify_ok(tmp_path / "out-a" / f"motiv-{i}.jpg")
    outputs = _register_outputs()
    assert len(outputs) == 6 and {os.path.basename(os.path.dirname(o)) for o in outputs} == {"out-a", "out-b"}
    assert all(os.path.isabs(o) and os.path.isfile(o) for o in outputs)
    # the next command finds the same workers ready
    workers = _status()["workers"]
    _ok(run_cli("export", "in-a/motiv-0.jpg", "--out", "out-c", "--jobs", "1", *PROV, cwd=tmp_path))
    now = _status()
    assert now["served"] == 2 and now["workers"] == workers and len(workers) >= 1


def test_a_bad_file_fails_alone_with_the_exit_code_of_a_failure(service, make_image, tmp_path):
    good = make_image("gut.jpg")
    bad = tmp_path / "in" / "kaputt.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    out = _ok(run_cli("export", str(good), str(bad), "--out", str(tmp_path / "out"), *PROV), 1)
    assert _status()["served"] == 1
    errors = [line for line in out.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "kaputt.jpg" in errors[0]
    assert "1 of 2 exported" in out.stderr and (tmp_path / "out" / "gut.jpg").is_file()
    # usage errors and help come back as they would
    assert _ok(run_cli("export", str(good), "--out", str(tmp_path / "o"), "--jobs", "-1"), 2)
    assert "usage:" in _ok(run_cli("export", "--help")).stdout


def test_another_kilabel_or_other_surroundings_are_not_handed_to_it(
    service, make_image, tmp_path, monkeypatch
):
    src = make_image("motiv.jpg")
    _ok(run_cli("export", str(src), "--out", str(tmp_path / "a"), *PROV))
    assert _status()["served"] == 1
    # a setting in the environment the service does not have: the command runs by itself
    _ok(
        run_cli(
            "export", str(src), "--out", str(tmp_path / "b"), *PROV, env={**os.environ, "KILABEL_JOBS": "1"}
        )
    )
    _ok(
        run_cli(
            "export", str(src), "--out", str(tmp_path / "c"), *PROV, env={**os.environ, "LANG": "C.UTF-8x"}
        )
    )
    assert _status()["served"] == 1
    assert (tmp_path / "b" / "motiv.jpg").is_file() and (tmp_path / "c" / "motiv.jpg").is_file()
    # a changed kilabel (a source file touched), or an updated library, is another kilabel
    import PIL

    for changed in (os.path.join(os.path.dirname(service_link.__file__), "main.py"), PIL.__file__):
        st = os.stat(changed)
        os.utime(changed, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        try:
            _ok(run_cli("export", str(src), "--out", str(tmp_path / "d"), "--overwrite", *PROV))
            assert _status()["served"] == 1, changed
            assert "not used from here" in run_cli("service", "status").stdout
        finally:
            os.utime(changed, ns=(st.st_atime_ns, st.st_mtime_ns))
    # a socket folder others may enter is not trusted
    folder = paths.service_socket().parent
    folder.chmod(0o777)
    try:
        _ok(run_cli("export", str(src), "--out", str(tmp_path / "e"), *PROV))
        assert (tmp_path / "e" / "motiv.jpg").is_file()
    finally:
        folder.chmod(0o700)
    assert _status()["served"] == 1


def _start_export(args, tmp_path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kilabel", "export", *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )


def _wait_for_first_file(proc: subprocess.Popen) -> list[str]:
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if line.startswith("[1/"):
            return seen
    raise AssertionError("no file was exported: " + "".join(seen))


def _final_outputs_verify(folder) -> list:
    done = sorted(p for p in folder.iterdir() if p.suffix == ".jpg")
    for p in done:
        _verify_ok(p)
    return done


@pytest.mark.parametrize("how", ["killed", "ctrl-c"])
def test_a_command_that_ends_cancels_its_batch_and_the_service_goes_on(service, make_image, tmp_path, how):
    for i in range(8):
        make_image(f"gross-{i}.jpg", size=(3600, 2400), seed=i)
    proc = _start_export(["in", "--out", "out", "--jobs", "1", *PROV], tmp_path)
    _wait_for_first_file(proc)
    if how == "killed":
        proc.kill()
        proc.wait(30)
    else:
        proc.send_signal(signal.SIGINT)
        rest = proc.communicate(timeout=60)[1]
        assert proc.returncode == 130, rest
        assert re.search(r"\d of 8 exported", rest)
    deadline = time.monotonic() + 60
    while not _status() and time.monotonic() < deadline:  # busy until the file in hand is done
        time.sleep(0.2)
    status = _status()
    assert status["pid"] == service and status["served"] == 1
    done = _final_outputs_verify(tmp_path / "out")
    assert 1 <= len(done) < 8, "the batch was not cancelled"
    assert not [p for p in (tmp_path / "out").iterdir() if p.suffix != ".jpg"], "a temporary file was left"
    assert sorted(_register_outputs()) == [str(p) for p in done]  # every file written is on record, no other
    # and the service takes the next command
    _ok(run_cli("export", "in/gross-0.jpg", "--out", "again", *PROV, cwd=tmp_path))
    assert _status()["served"] == 2


def test_a_dead_service_leaves_the_command_to_itself_and_a_new_one_starts(
    kilabel_home, identity, make_image, tmp_path
):
    _ok(run_cli("service", "start"))
    pid = _status()["pid"]
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.3)
    src = make_image("motiv.jpg")
    out = _ok(run_cli("export", str(src), "--out", str(tmp_path / "out"), *PROV))
    assert "1 of 1 exported" in out.stderr and not _status()
    again = _ok(run_cli("service", "start"))  # the dead one's socket is replaced
    try:
        assert "started" in again.stderr and _status()["pid"] != pid
        assert "runs already" in _ok(run_cli("service", "start")).stderr
    finally:
        _ok(run_cli("service", "stop"))
    assert not _status() and not paths.service_socket().exists()


def test_an_idle_service_ends_by_itself(kilabel_home, identity):
    for wrong in ("0", "-5", "nan", "inf", "soon"):
        refused = _ok(run_cli("service", "start", "--idle", wrong), 2)
        assert "minutes above 0" in refused.stderr
    assert not _status()
    _ok(run_cli("service", "start", "--idle", "0.03"))  # 1.8 s
    pid = _status()["pid"]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        pytest.fail("the idle service did not end")
    assert not paths.service_socket().exists()
    assert "idle, ending" in (kilabel_home / "data" / "service.log").read_text()


def test_a_command_while_the_service_is_busy_runs_by_itself(service, make_image, tmp_path):
    for i in range(14):  # one after another: well over the half second a command waits for a greeting
        make_image(f"gross-{i}.jpg", size=(4000, 3000), seed=i)
    small = make_image("klein.jpg", seed=99)
    busy = _start_export(["in", "--out", "out", "--jobs", "1", *PROV], tmp_path)
    _wait_for_first_file(busy)
    t = time.monotonic()
    meanwhile = _ok(run_cli("export", str(small), "--out", str(tmp_path / "nebenbei"), *PROV))
    assert "1 of 1 exported" in meanwhile.stderr and time.monotonic() - t < 30
    rest = busy.communicate(timeout=120)[1]
    assert busy.returncode == 0 and "15 of 15 exported" in rest, rest
    assert _status()["served"] == 1  # the busy one; the small one ran by itself
    outputs = _register_outputs()
    assert len(outputs) == 16 and str(tmp_path / "nebenbei" / "klein.jpg") in outputs
