"""The `kilabel` command: an export goes to a running `kilabel service` when there is one for this
data folder (kilabel.cli.service_link decides, without importing the rest of kilabel); everything
else, and an export without a service, runs here through kilabel.cli.main."""

from __future__ import annotations

import sys

from kilabel import paths


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["export"] and sys.platform != "win32" and paths.service_socket().exists():
        from kilabel.cli import service_link

        code = service_link.run(args)
        if code is not None:
            return code
    from kilabel.cli.main import main as run_here

    return run_here(args)
