"""Run inside a new network namespace (tests/test_offline.py): a manifest server on this
namespace's loopback counts requests while kilabel verifies, checks and exports a file whose
manifest lives there. Prints one JSON object."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
from pathlib import Path

import c2pa_cases as cases

folder = Path(sys.argv[1])
hits: list[str] = []
manifest = b""


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/c2pa")
        self.send_header("Content-Length", str(len(manifest)))
        self.end_headers()
        self.wfile.write(manifest)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}/manifests/m.c2pa"
asset, manifest = cases.remote(folder, url)


def kilabel(*args: str) -> dict:
    before = len(hits)
    r = subprocess.run([sys.executable, "-m", "kilabel", *args], capture_output=True, text=True, timeout=300)
    return {"rc": r.returncode, "out": r.stdout, "err": r.stderr, "requests": len(hits) - before}


out = {
    "url": url,
    "verify": kilabel("verify", "--json", str(asset)),
    "check": kilabel("check", "--json", "--ocr", "off", "--no-register", str(asset)),
    "export": kilabel(
        "export", str(asset), "--source-type", "trainedAlgorithmicMedia", "--out", str(folder / "out")
    ),
    "relabel": kilabel(
        "relabel", str(asset), "--source-type", "trainedAlgorithmicMedia", "--out", str(folder / "relabelled")
    ),
    "verify_fetch": kilabel("verify", "--json", "--fetch-remote", str(asset)),
}
server.shutdown()
print(json.dumps(out))
