"""The signing identity under concurrency and a lax umask (issue 13, items 4 and 9).

Two first exports starting at once must end with one identity (else the batch signed by the
overwritten one stays "not on your trust list" for ever); the keys folder, the key files and the
trust anchors must not be open to other local users, whatever the umask.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from kilabel import keys

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes; Windows uses the profile ACL")

# Each process imports everything first, then waits for the start file, so that all call
# keys.ensure within a millisecond or so of each other (key generation takes longer than that).
RACER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from kilabel import keys
    import cryptography.x509, cryptography.hazmat.primitives.asymmetric.ec  # warm imports
    keys_dir, go = Path(sys.argv[1]), Path(sys.argv[2])
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.0005)
    ident, created = keys.ensure(keys_dir, "Stadt Musterstadt")
    print(json.dumps({"chain": ident.chain_pem.decode(), "fp": ident.fingerprint, "created": created}))
    """
)


def _race(keys_dir: Path, tmp_path: Path, n: int) -> list[dict]:
    go = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(keys_dir), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(n)
    ]
    for p in procs:
        assert p.stdout.readline().strip() == "ready"
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def test_concurrent_first_use_makes_one_identity(tmp_path):
    keys_dir = tmp_path / "home" / "data" / "keys"
    results = _race(keys_dir, tmp_path, 8)
    assert sum(r["created"] for r in results) == 1, "exactly one process creates the identity"
    assert len({r["fp"] for r in results}) == 1, "every process signs with the same certificate"
    assert len({r["chain"] for r in results}) == 1
    on_disk = keys.load(keys_dir)
    assert on_disk.fingerprint == results[0]["fp"], "the identity returned is the one kept"
    assert not [p.name for p in keys_dir.iterdir() if p.name.endswith(".tmp")], "no temporary files left"


def test_existing_identity_is_never_overwritten(tmp_path):
    kd = tmp_path / "keys"
    first = keys.init("Stadt A", kd)
    before = {name: (kd / name).read_bytes() for name in (keys.CHAIN, keys.KEY, keys.ROOT_CERT)}
    with pytest.raises(Exception, match="exists already"):
        keys.init("Stadt B", kd)
    ident, created = keys.ensure(kd, "Stadt C")
    assert not created and ident.fingerprint == first.fingerprint
    assert {name: (kd / name).read_bytes() for name in before} == before
    # a key without its chain (a half-made identity) is not silently replaced either
    (kd / keys.CHAIN).unlink()
    with pytest.raises(Exception, match="no certificate chain"):
        keys.ensure(kd, "Stadt C")
    with pytest.raises(Exception, match="exists already"):
        keys.init("Stadt C", kd)
    assert keys.init("Stadt C", kd, force=True).organisation == "Stadt C"


def test_keys_init_without_force_refuses_on_the_command_line(tmp_path):
    res = run_cli("keys", "init", "--org", "Stadt A")
    assert res.returncode == 0, res.stderr
    fp = keys.load(Path(os.environ["KILABEL_HOME"]) / "data" / "keys").fingerprint
    res = run_cli("keys", "init", "--org", "Stadt B")
    assert res.returncode == 2 and "exists already" in res.stderr and "Traceback" not in res.stderr
    assert keys.load(Path(os.environ["KILABEL_HOME"]) / "data" / "keys").fingerprint == fp


UMASK0 = textwrap.dedent(
    """
    import os, sys
    os.umask(0)
    from kilabel.cli.main import main
    sys.exit(main(sys.argv[1:]))
    """
)


def _under_umask0(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(
        [sys.executable, "-c", UMASK0, *args], capture_output=True, text=True, env=env, timeout=300
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_modes_under_umask_000(tmp_path, monkeypatch, make_image):
    home = tmp_path / "fresh-home"  # made by kilabel itself, under umask 000
    monkeypatch.setenv("KILABEL_HOME", str(home))
    res = _under_umask0("keys", "init", "--org", "Stadt Musterstadt")
    assert res.returncode == 0, res.stderr
    kd = home / "data" / "keys"
    assert _mode(kd) == 0o700
    assert _mode(kd / keys.KEY) == 0o600 and _mode(kd / keys.ROOT_KEY) == 0o600
    # the own root is a trust anchor for verify: nobody else may write it
    assert _mode(kd / keys.ROOT_CERT) & 0o022 == 0 and _mode(kd / keys.CHAIN) & 0o022 == 0
    for folder in (home, home / "data"):
        assert _mode(folder) & 0o022 == 0, f"{folder} would let others swap the keys folder"

    anchor = tmp_path / "org-root.pem"
    anchor.write_bytes((kd / keys.ROOT_CERT).read_bytes())
    anchor.chmod(0o644)
    res = _under_umask0("trust", "add", str(anchor))
    assert res.returncode == 0, res.stderr
    settings_toml = home / "config" / "settings.toml"
    assert str(anchor) in settings_toml.read_text(encoding="utf-8")
    assert _mode(settings_toml) & 0o022 == 0 and _mode(home / "config") & 0o022 == 0

    # a first export under umask 000 makes the identity with the same modes
    home2 = tmp_path / "fresh-home-2"
    monkeypatch.setenv("KILABEL_HOME", str(home2))
    src = make_image("u.jpg", (120, 90))
    res = _under_umask0(
        "export",
        str(src),
        "--source-type",
        "trainedAlgorithmicMedia",
        "--out",
        str(tmp_path / "o"),
        "-j",
        "1",
    )
    assert res.returncode == 0, res.stderr
    kd2 = home2 / "data" / "keys"
    assert _mode(kd2) == 0o700 and _mode(kd2 / keys.KEY) == 0o600
    assert _mode(kd2 / keys.ROOT_CERT) & 0o022 == 0


@posix_only
def test_lax_modes_of_an_older_keys_folder_are_repaired(tmp_path):
    kd = tmp_path / "keys"
    keys.init("Stadt", kd)
    kd.chmod(0o777)
    (kd / keys.ROOT_CERT).chmod(0o666)
    (kd / keys.KEY).chmod(0o644)
    keys.ensure(kd)
    assert _mode(kd) == 0o700 and _mode(kd / keys.KEY) == 0o600 and _mode(kd / keys.ROOT_CERT) == 0o644


@posix_only
def test_trust_add_warns_about_an_anchor_others_can_change(tmp_path):
    kd = tmp_path / "k"
    keys.init("Org", kd)
    anchor = tmp_path / "root.pem"
    anchor.write_bytes((kd / keys.ROOT_CERT).read_bytes())
    anchor.chmod(0o666)
    res = run_cli("trust", "add", str(anchor))
    assert res.returncode == 0, res.stderr
    assert "warning:" in res.stderr and "other users" in res.stderr


def test_lock_is_held_across_processes(tmp_path):
    """While one process holds the keys folder's lock, another blocks on it."""
    kd = tmp_path / "keys"
    holder = textwrap.dedent(
        """
        import sys, time
        from pathlib import Path
        from kilabel import keys
        with keys._locked(Path(sys.argv[1])):
            print("locked", flush=True)
            time.sleep(1.5)
        """
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    p = subprocess.Popen([sys.executable, "-c", holder, str(kd)], stdout=subprocess.PIPE, text=True, env=env)
    assert p.stdout.readline().strip() == "locked"
    t0 = time.monotonic()
    with keys._locked(kd):
        waited = time.monotonic() - t0
    p.wait(timeout=30)
    assert waited > 0.8
