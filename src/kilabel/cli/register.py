"""The `register` and `credits` subcommands, and the register hook for `kilabel export`.

kilabel register list [--campaign X] [--since DATE] [--until DATE] [--ai-system X] [--current] [--json]
kilabel register history FILE... [--json]
kilabel register export --csv|--json [--public] [--out FILE] [--campaign X] [--since DATE]
kilabel register info
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
    return reg


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

    with open_for_cli() as reg:
        if args.register_cmd == "info":
            print(
                f"register:       {reg.location}\nschema version: {reg.schema_version}\n"
                f"entries:        {len(reg.query())}"
            )
            return ExitCode.ok
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
        entries = reg.query(_filter(args))
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


def cmd_credits(args) -> int:
    from kilabel.register import credits

    ids = None
    if args.ids:
        try:
            ids = [int(x) for x in args.ids.replace(" ", "").split(",") if x]
        except ValueError as exc:
            raise _usage(f"--ids: expected entry numbers separated by commas, got '{args.ids}'") from exc
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
    r.set_defaults(func=cmd_register)

    c = sub.add_parser("credits", help="image credits (Bildnachweis) with label, AI system and prompt")
    c.add_argument("files", nargs="*", help="exported files to credit (found by hash or register id)")
    c.add_argument("--campaign", help="all current images of this campaign")
    c.add_argument("--ids", help="register entry numbers, e.g. 3,5,8")
    c.add_argument("--format", choices=["text", "md", "html", "csv"], default="text")
    c.add_argument("--lang", choices=["de", "en"], default="de")
    c.add_argument("--out", "-o", help="write to this file (default: standard output)")
    c.set_defaults(func=cmd_credits)
