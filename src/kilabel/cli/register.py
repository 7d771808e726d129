"""The `register` and `credits` subcommands, and the register hook for `kilabel export`.

kilabel register list [--campaign X] [--since DATE] [--until DATE] [--ai-system X] [--current] [--json]
kilabel register history FILE... [--json]
kilabel register export --csv|--json [--public] [--out FILE] [--campaign X] [--since DATE]
kilabel register info
kilabel register sync                       # send entries queued while the team register's server was away
kilabel register migrate                    # create or update the team register's tables (the owner's role)
kilabel register mark-public (--campaign X | --ids N,N) [--no-prompt] [--withdraw]
kilabel register publish --out DIR [--organisation NAME]
kilabel credits [FILE...] [--campaign X] [--ids N,N] [--format text|md|html|csv] [--lang de|en] [--out FILE]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kilabel.errors import ExitCode, KilabelError


def _settings():
    from kilabel import settings

    return settings.load()


def open_for_cli(settings=None):
    """Open the register the settings name; print its warnings (network drive) once, to stderr."""
    from kilabel.register import store as register

    reg = register.open_register(settings if settings is not None else _settings())
    for w in reg.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for note in reg.notes:
        print(note, file=sys.stderr)
    return reg


def server_of(reg):
    """The register itself, or for a team register its server: what publishing, marking and the
    full export need (they must not work from this machine's queue alone)."""
    require = getattr(reg, "require_server", None)
    return require() if require else reg


def queued_summary(reg) -> str:
    """The export summary's part for entries that wait in the queue ('' if none)."""
    queued = getattr(reg, "queued", None)
    if not queued:
        return ""
    why = getattr(reg, "unreachable", "") or "no answer"
    for prefix in (
        f"{reg.target}: ",
        "cannot reach the register server: ",
        "the register server went away: ",
    ):
        why = why.removeprefix(prefix)
    return (
        f"{len(queued)} register entries queued (server unreachable: {why}); "
        "`kilabel register sync` sends them"
    )


def recorder_for_export(settings, tasks, identity):
    """The `on_result` callback that `kilabel export` passes to engine.run_batch.

    Opening it also fills in, for files that are registered already, the provenance recorded
    before wherever the command line left a field empty (a correction keeps its campaign)."""
    from kilabel.register.record import Recorder, prefill

    tasks = list(tasks)
    reg = open_for_cli(settings)
    for note in prefill(reg, tasks):
        print(note, file=sys.stderr)
    return Recorder(reg, tasks, operator=settings.operator, identity=identity)


def print_notes(recorder) -> None:
    """After an export: which outputs were recorded as corrections, and of what."""
    for note in recorder.notes:
        print(note, file=sys.stderr)


def _filter(args):
    from kilabel.register.store import Filter, parse_when

    return Filter(
        campaign=args.campaign or "",
        ai_system=getattr(args, "ai_system", "") or "",
        since=parse_when(args.since) if args.since else "",
        until=parse_when(args.until, end=True) if getattr(args, "until", None) else "",
        current_only=getattr(args, "current", False),
    )


def _line(e) -> str:
    state = "" if e.current else f"  [superseded by {e.superseded_by}]"
    fix = f"  correction of {e.supersedes}: {e.reason or '(no reason given)'}" if e.supersedes else ""
    ai = " ".join(filter(None, [e.ai_system, e.ai_version])) or "-"
    return (
        f"{e.id:>5}  {e.created[:16].replace('T', ' ')}Z  {e.register_id:<20} {e.output_name:<28} "
        f"{e.campaign or '-':<16} {ai:<18} {e.label_text!r}{state}{fix}"
    )


def cmd_register(args) -> int:
    from kilabel.register import csv_json as register_export
    from kilabel.register import record as register_record

    if args.register_cmd == "migrate":
        return _migrate()
    with open_for_cli() as reg:
        if args.register_cmd == "info":
            return _info(reg)
        if args.register_cmd == "sync":
            return _sync(reg)
        if args.register_cmd == "mark-public":
            return _mark_public(reg, args)
        if args.register_cmd == "publish":
            return _publish(reg, args)
        if args.register_cmd in ("list", "history") and not getattr(reg, "online", True):
            print("warning: only this machine's queued entries are shown", file=sys.stderr)
        if args.register_cmd == "list":
            entries = reg.query(_filter(args))
            if args.json:
                print(register_export.to_json(entries), end="")
            else:
                for e in entries:
                    print(_line(e))
                print(f"{len(entries)} entries", file=sys.stderr)
            return ExitCode.ok
        if args.register_cmd == "history":
            missing = False
            out = []
            for f in args.files:
                path = Path(f)
                if not path.is_file():
                    raise KilabelError(f"{path}: no such file")
                chains = register_record.histories_for_file(reg, path)
                if args.json:
                    out.append(
                        {
                            "file": str(path),
                            "histories": [[register_export.row(e) for e in c] for c in chains],
                        }
                    )
                    missing |= not chains
                    continue
                print(path)
                if not chains:
                    missing = True
                    print("  not in the register (no entry with this file's hash or register id)")
                for chain in chains:
                    for e in chain:
                        print("  " + _line(e))
            if args.json:
                print(json.dumps(out, ensure_ascii=False, indent=2))
            return ExitCode.attention if missing else ExitCode.ok
        # export
        entries = server_of(reg).query(_filter(args))
        fmt = "csv" if args.csv else "json"
        text = (
            register_export.to_csv(entries, args.public)
            if args.csv
            else register_export.to_json(entries, args.public)
        )
        if args.out:
            register_export.write(text, args.out, fmt)
            print(f"{len(entries)} entries written to {args.out}", file=sys.stderr)
        else:
            sys.stdout.write(text)
        return ExitCode.ok


def _info(reg) -> int:
    lines = [f"register:       {reg.location}"]
    pending = getattr(reg, "pending", None)
    if getattr(reg, "online", True):
        lines += [f"schema version: {reg.schema_version}", f"entries:        {len(reg.query())}"]
    else:
        lines.append(f"server:         unreachable ({reg.unreachable})")
    if pending is not None:
        lines.append(f"queued here:    {len(pending())} ({reg.queue.path})")
    print("\n".join(lines))
    return ExitCode.ok


def _sync(reg) -> int:
    if not hasattr(reg, "sync"):
        print(f"register: {reg.location} is a local file; nothing to send", file=sys.stderr)
        return ExitCode.ok
    server_of(reg)  # unreachable: a clear error (exit 2)
    sent, problem = reg.sync()
    left = len(reg.pending())
    print(f"register: {sent} queued entries sent to {reg.location}; {left} still queued", file=sys.stderr)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return ExitCode.some_failed
    return ExitCode.ok


def _migrate() -> int:
    """Create or update the team register's tables; needs the owner's role (docs/register.md)."""
    from kilabel import settings as settings_mod
    from kilabel.register import postgres
    from kilabel.register import schema as register_schema

    url = settings_mod.register_url(_settings())
    if not url:
        print("register: the local register file is migrated whenever it is opened", file=sys.stderr)
        return ExitCode.ok
    with postgres.PostgresRegister(url) as reg:
        print(
            f"register: {reg.location} at schema version {reg.schema_version} "
            f"(was {reg.migrated_from}; this kilabel's is {register_schema.VERSION})",
            file=sys.stderr,
        )
    return ExitCode.ok


def _ids(text: str) -> list[int]:
    try:
        return [int(x) for x in text.replace(" ", "").split(",") if x]
    except ValueError as exc:
        raise _usage(f"--ids: expected entry numbers separated by commas, got '{text}'") from exc


def _mark_public(reg, args) -> int:
    from kilabel.register.record import this_machine
    from kilabel.register.store import Filter

    server = server_of(reg)
    if args.ids:
        ids = _ids(args.ids)
    else:
        ids = [e.id for e in server.query(Filter(campaign=args.campaign))]
        if not ids:
            raise _usage(f"--campaign: no register entries in campaign '{args.campaign}'")
    n = server.mark_public(
        ids,
        public=not args.withdraw,
        prompt=not args.no_prompt,
        operator=_settings().operator,
        machine=this_machine(),
    )
    what = (
        "taken off the public page"
        if args.withdraw
        else ("marked public" + (" without their prompt" if args.no_prompt else ", with their prompt"))
    )
    print(f"register: {n} entries {what}", file=sys.stderr)
    return ExitCode.ok


def _publish(reg, args) -> int:
    from kilabel.register import publish

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise KilabelError(f"{out}: not a folder")
    org = args.organisation if args.organisation is not None else _settings().organisation
    try:
        shown = publish.publish(server_of(reg), out, organisation=org)
    except OSError as exc:
        raise KilabelError(f"{out}: cannot write the page: {exc.strerror or exc}") from exc
    pictures = sum(1 for p in shown if p.thumb)
    print(
        f"register: {len(shown)} public entries ({pictures} with a picture) written to "
        f"{out / 'index.html'}, {out / 'en' / 'index.html'}, register.json and register.csv",
        file=sys.stderr,
    )
    return ExitCode.ok


def cmd_credits(args) -> int:
    from kilabel.register import credits

    ids = _ids(args.ids) if args.ids else None
    with open_for_cli() as reg:
        files = [Path(f) for f in args.files]
        for f in files:
            if not f.is_file():
                raise KilabelError(f"{f}: no such file")
        entries = credits.select(reg, campaign=args.campaign or "", ids=ids, files=files or None)
        items = credits.collect(reg, entries, args.lang)
        text = credits.render(items, args.format, args.lang)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8-sig" if args.format == "csv" else "utf-8", newline="")
        print(f"{len(items)} image credits written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    if files and not items:
        print("warning: none of the files is in the register", file=sys.stderr)
        return ExitCode.attention
    return ExitCode.ok


def _usage(msg: str):
    from kilabel.errors import ConfigError

    return ConfigError(msg)


def _add_filters(p, *, full: bool = True) -> None:
    p.add_argument("--campaign", help="only this campaign")
    p.add_argument("--since", help="from this date (YYYY-MM-DD, local) or ISO date-time")
    p.add_argument("--until", help="up to and including this date")
    if full:
        p.add_argument("--ai-system", help="only this AI system")
        p.add_argument("--current", action="store_true", help="leave out superseded entries")


def add_parsers(sub) -> None:
    """Add `register` and `credits` to the main parser's subcommands."""
    r = sub.add_parser("register", help="the record of every export and correction")
    rs = r.add_subparsers(dest="register_cmd", required=True)
    rl = rs.add_parser("list", help="list entries (oldest first)")
    _add_filters(rl)
    rl.add_argument("--json", action="store_true", help="as JSON (the export's full column set)")
    rh = rs.add_parser("history", help="find a file's entries by hash or register id, with its corrections")
    rh.add_argument("files", nargs="+")
    rh.add_argument("--json", action="store_true")
    rx = rs.add_parser("export", help="the register as CSV or JSON (see docs/register.md)")
    how = rx.add_mutually_exclusive_group(required=True)
    how.add_argument("--csv", action="store_true")
    how.add_argument("--json", action="store_true")
    rx.add_argument("--public", action="store_true", help="leave out internal fields (operator, file paths)")
    rx.add_argument("--out", "-o", help="write to this file (default: standard output)")
    _add_filters(rx)
    rs.add_parser("info", help="where the register is, its schema version and size")
    rs.add_parser("sync", help="send the entries queued while the team register's server was away")
    rs.add_parser("migrate", help="create or update the team register's tables (as the database owner)")
    rm = rs.add_parser("mark-public", help="put entries on the public transparency page (or take them off)")
    which = rm.add_mutually_exclusive_group(required=True)
    which.add_argument("--campaign", help="every entry of this campaign")
    which.add_argument("--ids", help="register entry numbers, e.g. 3,5,8")
    rm.add_argument("--no-prompt", action="store_true", help="publish the entries without their prompt")
    rm.add_argument("--withdraw", action="store_true", help="take the entries off the public page")
    rp = rs.add_parser("publish", help="write the public transparency page (HTML, JSON, CSV) into a folder")
    rp.add_argument("--out", "-o", required=True, help="the folder (created if missing)")
    rp.add_argument(
        "--organisation", help="named in the page's introduction (default: the setting organisation)"
    )
    r.set_defaults(func=cmd_register)

    c = sub.add_parser("credits", help="image credits (Bildnachweis) with label, AI system and prompt")
    c.add_argument("files", nargs="*", help="exported files to credit (found by hash or register id)")
    c.add_argument("--campaign", help="all current images of this campaign")
    c.add_argument("--ids", help="register entry numbers, e.g. 3,5,8")
    c.add_argument("--format", choices=["text", "md", "html", "csv"], default="text")
    c.add_argument("--lang", choices=["de", "en"], default="de")
    c.add_argument("--out", "-o", help="write to this file (default: standard output)")
    c.set_defaults(func=cmd_credits)
