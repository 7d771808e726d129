"""Batch engine: SIGKILL at any moment leaves nothing half-written; stale temp files of dead
processes are cleaned; --skip-existing; a corpus of bad and unusual inputs never stops the batch."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import photo
from PIL import Image

from kilabel import tempfiles
from kilabel.cli.main import main
from kilabel.pipeline.verify import verify

PROV = ["--source-type", "trainedAlgorithmicMedia", "--ai-system", "Midjourney", "--prompt", "Tram"]


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def make_inputs(folder: Path, n: int, size=(1600, 1100)) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"bild {i} ä.{['jpg', 'png', 'tif'][i % 3]}"
        photo(size, i).save(p, **({"compression": "tiff_lzw"} if p.suffix == ".tif" else {}))
        paths.append(p)
    return paths


def start_export(inputs, out, env, *extra):
    return subprocess.Popen(
        [sys.executable, "-m", "kilabel", "export", *map(str, inputs), *PROV, "--out", str(out), *extra],
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def final_files(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if not p.name.startswith(".")) if out.exists() else []


def temp_files(out: Path) -> list[Path]:
    return [p for p in out.iterdir() if p.name.startswith(".")] if out.exists() else []


KILL_POINTS = {
    "first temporary file": lambda out: temp_files(out),
    "first output": lambda out: final_files(out),
    "third output": lambda out: len(final_files(out)) >= 3,
}


@pytest.mark.parametrize("kill_point", list(KILL_POINTS))
def test_sigkill_leaves_no_partial_output_and_rerun_completes(tmp_path, kilabel_home, kill_point):
    inputs = make_inputs(tmp_path / "in", 9)
    before = {p: sha(p) for p in inputs}
    out = tmp_path / "out"
    env = dict(os.environ, KILABEL_HOME=str(kilabel_home))
    subprocess.run(
        [sys.executable, "-m", "kilabel", "keys", "init", "--org", "Test"],
        env=env,
        check=True,
        capture_output=True,
    )
    proc = start_export(inputs, out, env, "--jobs", "2")
    deadline = time.monotonic() + 120
    reached = KILL_POINTS[kill_point]
    while not reached(out) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.002)
    os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its workers, at once
    proc.wait()
    done = final_files(out)
    assert len(done) < len(inputs), "the kill came too late to test anything"
    for f in done:  # whatever is under a final name is complete and valid
        assert verify(f).c2pa.state in ("valid", "trusted"), f"partial or invalid file under final name: {f}"
    # a temporary file of a process that still runs must survive the clean-up
    live = out / f".keep.jpg.kilabel-{os.getpid()}.tmp"
    out.mkdir(exist_ok=True)
    live.write_bytes(b"in progress elsewhere")
    done_hashes = {f.name: sha(f) for f in done}
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "kilabel",
            "export",
            *map(str, inputs),
            *PROV,
            "--out",
            str(out),
            "--skip-existing",
            "--jobs",
            "2",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert f"{len(done)} skipped" in r.stderr or not done
    assert len(final_files(out)) == len(inputs)
    for name, h in done_hashes.items():
        assert sha(out / name) == h, "--skip-existing must not redo finished outputs"
    strays = [p.name for p in out.iterdir() if p.name.startswith(".") and p != live]
    assert strays == [], "temporary files of dead processes are removed"
    assert live.exists(), "a live process's temporary file is left alone"
    assert {p: sha(p) for p in inputs} == before, "originals are byte-identical"


def test_skip_existing_redoes_outputs_that_do_not_verify(tmp_path):
    inputs = make_inputs(tmp_path / "in", 3, (400, 300))
    out = tmp_path / "out"
    assert main(["export", *map(str, inputs), *PROV, "--out", str(out), "--jobs", "1"]) == 0
    broken = out / inputs[0].name
    data = bytearray(broken.read_bytes())
    data[len(data) // 2] ^= 0xFF
    broken.write_bytes(bytes(data))
    good = out / inputs[1].name
    good_mtime = good.stat().st_mtime_ns
    assert (
        main(
            [
                "export",
                *map(str, inputs),
                *PROV,
                "--out",
                str(out),
                "--skip-existing",
                "--overwrite",
                "--jobs",
                "1",
            ]
        )
        == 0
    )
    assert verify(broken).c2pa.state in ("valid", "trusted")
    assert good.stat().st_mtime_ns == good_mtime


def test_cleanup_removes_only_dead_processes_files(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / f".a.jpg.kilabel-{dead.pid}.tmp").write_bytes(b"x")
    (tmp_path / f".b.jpg.kilabel-{dead.pid}-enc.tmp").write_bytes(b"x")
    (tmp_path / f".c.jpg.kilabel-{os.getpid()}.tmp").write_bytes(b"x")
    (tmp_path / "d.jpg").write_bytes(b"x")
    removed = tempfiles.cleanup_stale(tmp_path)
    assert sorted(p.name for p in removed) == sorted(
        [f".a.jpg.kilabel-{dead.pid}.tmp", f".b.jpg.kilabel-{dead.pid}-enc.tmp"]
    )
    assert (tmp_path / f".c.jpg.kilabel-{os.getpid()}.tmp").exists() and (tmp_path / "d.jpg").exists()


def corpus(folder: Path) -> dict[str, str | None]:
    """Unusual but valid inputs (expected None = exported) and broken ones (expected error words)."""
    folder.mkdir(parents=True, exist_ok=True)
    base = photo((480, 320), 3)
    expect: dict[str, str | None] = {}
    pages = [base, photo((480, 320), 4)]
    pages[0].save(folder / "mehrseitig.tif", save_all=True, append_images=pages[1:], compression="tiff_lzw")
    expect["mehrseitig.tif"] = None
    pal = base.convert("P", palette=Image.Palette.ADAPTIVE, colors=64)
    pal.info["transparency"] = 0
    pal.save(folder / "palette transparent.png", transparency=0)
    expect["palette transparent.png"] = None
    base.convert("1").save(folder / "einbit.png")
    expect["einbit.png"] = None
    Image.linear_gradient("L").resize((300, 200)).point(lambda v: v * 256).convert("I;16").save(
        folder / "grau16.png"
    )
    expect["grau16.png"] = None
    base.convert("CMYK").save(folder / "cmyk.jpg", quality=90)
    expect["cmyk.jpg"] = None
    base.convert("LAB").save(folder / "lab.tif")
    expect["lab.tif"] = None
    for o in range(1, 9):
        exif = Image.Exif()
        exif[0x0112] = o
        base.save(folder / f"orient-{o}.jpg", exif=exif.tobytes())
        expect[f"orient-{o}.jpg"] = None
    (folder / "leer.jpg").write_bytes(b"")
    expect["leer.jpg"] = "empty file"
    (folder / "text.jpg").write_text("kein Bild", encoding="utf-8")
    expect["text.jpg"] = "not an image"
    buf = (folder / "orient-1.jpg").read_bytes()
    (folder / "abgeschnitten.jpg").write_bytes(buf[: len(buf) // 3])
    expect["abgeschnitten.jpg"] = "truncated"
    frames = [photo((64, 64), 1), photo((64, 64), 2)]
    frames[0].save(folder / "animiert.webp", save_all=True, append_images=frames[1:])
    expect["animiert.webp"] = "animated"
    frames[0].save(folder / "animiert.gif", save_all=True, append_images=frames[1:])
    expect["animiert.gif"] = "not supported"
    return expect


def test_bad_and_unusual_input_corpus(tmp_path, capsys):
    expect = corpus(tmp_path / "in")
    inputs = [tmp_path / "in" / n for n in expect]
    before = {p: sha(p) for p in inputs}
    code = main(["export", *map(str, inputs), *PROV, "--out", str(tmp_path / "out"), "--jobs", "2"])
    err = capsys.readouterr().err
    failures = {n: w for n, w in expect.items() if w}
    assert code == 1
    assert (
        f"{len(expect) - len(failures)} of {len(expect)} exported" in err and f"{len(failures)} failed" in err
    )
    assert "Traceback" not in err
    error_lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(error_lines) == len(failures)
    for name, words in failures.items():
        assert any(name in line and words in line for line in error_lines), (name, words, error_lines)
    for name, words in expect.items():
        if words is None:
            out = tmp_path / "out" / name
            assert verify(out).c2pa.state in ("valid", "trusted"), name
    assert "only the first of 2 pages" in err
    assert "exported as 8-bit" in err
    for o in range(1, 9):
        with Image.open(tmp_path / "out" / f"orient-{o}.jpg") as im:
            assert im.size == ((320, 480) if o >= 5 else (480, 320)), f"orientation {o}"
    assert {p: sha(p) for p in inputs} == before


@pytest.fixture
def shared_tmp():
    """A temporary folder that an unprivileged user can reach (pytest's own is 0700 for root)."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="kilabel-perm-"))
    os.chmod(path, 0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


DROP_AND_EXPORT = """
import os, sys
from pathlib import Path
from kilabel import keys, presets, profiles, settings
from kilabel.cli import main as cli
from kilabel.export.task import ExportTask
from kilabel.provenance import Provenance

src, out, warm = map(Path, sys.argv[1:4])
s = settings.load()
ident = keys.init("Test", s.keys_path)
preset = presets.get("ki-generiert")


def tasks(target):
    return [ExportTask(str(p), str(target), preset, profiles.SAME_AS_INPUT,
                       Provenance(source_type="trainedAlgorithmicMedia")) for p in sorted(src.iterdir())]


# One export as root first, so that every module, codec and font is loaded while the program can
# still read its own files (a private clone is not readable by 'nobody').
assert cli._run_and_report(tasks(warm), ident, s, 1, str(warm)) == 0
for folder, _, files in os.walk(os.environ["KILABEL_HOME"]):  # the user's own home: register, settings
    for name in [folder, *(os.path.join(folder, f) for f in files)]:
        os.chown(name, 65534, 65534)
os.setgroups([])
os.setgid(65534)
os.setuid(65534)  # from here on, an unprivileged user: the kernel refuses writes to `out`
sys.exit(cli._run_and_report(tasks(out), ident, s, 1, str(out)))
"""


def test_unwritable_output_folder(shared_tmp):
    """A folder the user may not write: tests run as root here, so the export process loads what it
    needs, then drops to 'nobody' (uid 65534) before exporting; the kernel's EACCES is real."""
    tmp_path = shared_tmp
    src = tmp_path / "in"
    make_inputs(src, 2, (300, 200))
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o755)  # owned by root; 'nobody' may not write
    home = tmp_path / "home"
    home.mkdir()
    for p in (tmp_path, src, *src.iterdir()):
        os.chmod(p, 0o777 if p.is_dir() else 0o644)
    env = dict(os.environ, KILABEL_HOME=str(home))
    r = subprocess.run(
        [sys.executable, "-c", DROP_AND_EXPORT, str(src), str(locked), str(tmp_path / "warm")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 1, r.stderr
    lines = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 2 and all("Permission denied" in line for line in lines), r.stderr
    assert all(any(p.name in line for line in lines) for p in src.iterdir()), "each line names its file"
    assert "0 of 2 exported" in r.stderr and "2 failed" in r.stderr
    assert "Traceback" not in r.stderr
    assert list(locked.iterdir()) == []


def test_disk_full_is_one_line_and_nothing_left(tmp_path, monkeypatch, capsys):
    inputs = make_inputs(tmp_path / "in", 3, (300, 200))
    import kilabel.pipeline.encode as enc

    real = enc.Image.Image.save
    calls = {"n": 0}

    def failing_save(self, fp, *a, **kw):
        calls["n"] += 1
        if calls["n"] == 2:  # the second file hits a full disk while being written
            Path(fp).write_bytes(b"partial")
            raise OSError(errno.ENOSPC, "No space left on device", str(fp))
        return real(self, fp, *a, **kw)

    monkeypatch.setattr(enc.Image.Image, "save", failing_save)
    code = main(["export", *map(str, inputs), *PROV, "--out", str(tmp_path / "out"), "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "No space left on device" in lines[0] and inputs[1].name in lines[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([inputs[0].name, inputs[2].name])
