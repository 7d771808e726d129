"""kilabel is offline by default (DESIGN.md "Offline"): verify, check, export and relabel make no network
request, and a manifest stored at a URL is reported as not fetched until fetching is turned on.

The run happens in a new network namespace (`unshare -n`, as root): nothing can leave the machine,
and a manifest server on the namespace's own loopback counts every request kilabel makes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import c2pa_cases as cases

HERE = Path(__file__).resolve().parent


def _netns_prefix() -> list[str]:
    missing = [t for t in ("unshare", "ip") if not shutil.which(t)]
    assert not missing, f"{', '.join(missing)} missing: install util-linux and iproute2 (tools/setup.sh)"
    assert os.geteuid() == 0, "the offline test makes a network namespace and must run as root (CI does)"
    return ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "netns"]


def test_no_request_by_default_and_remote_manifest_not_fetched(tmp_path):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]))
    r = subprocess.run(
        [*_netns_prefix(), sys.executable, str(HERE / "offline_probe.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    res = json.loads(r.stdout.strip().splitlines()[-1])
    verify = res["verify"]
    assert verify["requests"] == 0 and verify["rc"] == 3, verify
    report = json.loads(verify["out"])
    assert report["state"] == "remote" and report["c2pa"]["remote_url"] == res["url"]
    assert "not fetched" in report["state_en"] and "nicht abgerufen" in report["state_de"]
    check = res["check"]
    assert check["requests"] == 0 and json.loads(check["out"])["provenance"] == "remote", check
    export = res["export"]
    assert export["requests"] == 0 and export["rc"] == 0, export
    relabel = res["relabel"]
    assert relabel["requests"] == 0 and relabel["rc"] == 0, relabel
    fetched = res["verify_fetch"]
    assert fetched["requests"] >= 1, fetched  # turned on, the manifest is fetched and checked
    assert json.loads(fetched["out"])["state"] == "untrusted", fetched


def test_no_connection_is_even_attempted_for_a_named_host(tmp_path):
    """strace: verify of a file whose manifest is at https://NAME/ opens no internet socket."""
    assert shutil.which("strace"), "strace missing: install it (tools/setup.sh)"
    asset, _ = cases.remote(tmp_path, "https://manifests.example.org/m/abc.c2pa")
    log = tmp_path / "strace.log"
    r = subprocess.run(
        [
            "strace",
            "-f",
            "-qq",
            "-e",
            "trace=connect,sendto,socket,openat",
            "-o",
            str(log),
            sys.executable,
            "-m",
            "kilabel",
            "verify",
            str(asset),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 3 and "stored elsewhere" in r.stdout, r.stdout + r.stderr
    calls = log.read_text()
    inet = [line for line in calls.splitlines() if "AF_INET" in line]
    assert inet == [], inet[:5]
    assert "openat(" in calls and "c2pa" in calls  # strace did follow the run (it opened the SDK)
