"""The `kilabel` command line. Heavy modules are imported inside the commands (fast --help)."""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import time
from pathlib import Path

from kilabel import __version__
from kilabel.cli import register as cli_register
from kilabel.errors import ExitCode, KilabelError
from kilabel.presets import ANCHORS as POSITIONS  # the nine anchors
from kilabel.settings import jobs_count  # the type of --jobs (argparse)

IMAGE_EXTS = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp"}
ISO_A = {(841, 1189): "A0", (594, 841): "A1", (420, 594): "A2", (297, 420): "A3", (210, 297): "A4"}
ISO_A |= {(148, 210): "A5", (105, 148): "A6"}
SUMMARY_PRINT_LINES = 20  # the final summary lists this many print files' resolutions, lowest first


class TerminalProgress:
    """A one-line bar on a terminal (files, current file, rate, time left); plain lines otherwise."""

    def __init__(self, stream=None) -> None:
        self.stream = stream = stream or sys.stderr  # looked up now: the service sends it elsewhere
        self.tty = stream.isatty()
        self.total = self.done = 0
        self.t0 = time.monotonic()
        self.current = ""
        self.notes: dict[str, str] = {}  # output -> what its line adds (print: the effective dpi)

    def note(self, output: str, text: str) -> None:
        """Something to say after `output` on its line (the batch reports a result before its line)."""
        if output and text:
            self.notes[output] = text

    def start(self, total: int) -> None:
        self.total, self.t0 = total, time.monotonic()

    def file_started(self, name: str) -> None:
        self.current = name
        self._draw()

    def file_done(self, name: str, ok: bool, message: str) -> None:
        self.done += 1
        if self.tty:
            self.stream.write("\r\033[K")
        if ok and message:
            extra = self.notes.pop(message, "")
            extra = f" ({extra})" if extra else ""
            self.stream.write(f"[{self.done}/{self.total}] {name} -> {message}{extra}\n")
        self._draw()

    def _draw(self) -> None:
        if not self.tty or not self.total:
            return
        elapsed = time.monotonic() - self.t0
        rate = self.done / elapsed if elapsed > 0 and self.done else 0.0
        left = f"{(self.total - self.done) / rate:.0f} s left" if rate else "…"
        width = 24
        filled = int(width * self.done / self.total)
        bar = "█" * filled + "░" * (width - filled)
        self.stream.write(f"\r\033[K{bar} {self.done}/{self.total} · {self.current} · {rate:.2f}/s · {left}")
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _settings():
    from kilabel import settings

    return settings.load()


def _expand(inputs: list[str]) -> list[Path]:
    out: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            out.extend(
                sorted(
                    q for q in p.iterdir() if q.suffix.lower() in IMAGE_EXTS and not q.name.startswith(".")
                )
            )
        else:
            out.append(p)
    return out


def cmd_export(args) -> int:
    import dataclasses
    import math

    from kilabel import keys, presets, profiles
    from kilabel.export.task import ExportTask
    from kilabel.provenance import Provenance, check_rows, load_table, lookup

    settings = _settings()
    if args.max_megapixels is not None:
        if not (math.isfinite(args.max_megapixels) and args.max_megapixels > 0):
            raise _usage(
                f"--max-megapixels must be a finite number greater than 0, not {args.max_megapixels}"
            )
        settings.max_megapixels = args.max_megapixels
    preset = presets.get(args.preset, warn=lambda msg: print(f"warning: {msg}", file=sys.stderr))
    if args.position or args.vertical or args.margin_mm is not None:
        changes = {}
        if args.position:
            changes["position"] = args.position
        if args.vertical:
            changes["vertical"] = True
        if args.margin_mm is not None:
            changes["margin_mm"] = args.margin_mm
        preset = preset.with_placement(**changes)
    profs = [profiles.get(p) for p in (args.profile or ["same-as-input"])]
    prompt = args.prompt or ""
    if args.prompt_file:
        try:
            prompt = Path(args.prompt_file).read_text(encoding="utf-8").rstrip("\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise KilabelError(f"{args.prompt_file}: cannot read prompt file: {exc}") from exc
    common = Provenance(
        source_type=args.source_type or "",
        ai_system=args.ai_system or "",
        ai_version=args.ai_version or "",
        prompt=prompt,
        prompt_writer=args.prompt_writer or "",
        creator=args.creator or "",
        client=args.client or "",
        credit=args.credit or "",
        campaign=args.campaign or "",
    )
    common.validate("command line")
    table = load_table(Path(args.provenance)) if args.provenance else {}
    inputs = _expand(args.inputs)
    if not inputs:
        raise _usage("no input images given")
    for w in check_rows(table, inputs):  # rows for no input: a line each (duplicates raise)
        print(f"warning: {w}", file=sys.stderr)
    lang = args.lang or settings.label_language or "de"
    identity = None
    if any(p.write_c2pa for p in profs):
        identity, created = keys.ensure(settings.keys_path, settings.organisation)
        if created:
            print(
                f"note: created a local signing identity for '{identity.organisation}' in {settings.keys_path} "
                "(kilabel keys init --org NAME --force to set your organisation)",
                file=sys.stderr,
            )
    tasks = []
    for path in inputs:
        own = lookup(table, path)
        prov = common.merged(own) if own else common  # the file's values win over the flags
        for prof in profs:
            tasks.append(
                ExportTask(
                    input=str(path),
                    out_dir=args.out,
                    preset=preset,
                    profile=prof,
                    provenance=dataclasses.replace(prov),
                    language=lang,
                    overwrite=args.overwrite,
                    sidecar=args.sidecar,
                    max_megapixels=settings.max_megapixels,
                    strict=args.strict,
                    reason=args.reason or "",
                    skip_existing=args.skip_existing,
                    cwd=os.getcwd(),
                )
            )
    return _run_and_report(tasks, identity, settings, args.jobs, args.out, getattr(args, "service", None))


def _run_and_report(tasks, identity, settings, jobs: int, out_dir: str, service=None) -> int:
    """Run the batch with the register recording each output; one line per warning and failure,
    then the summary; the exit code says whether some failed or the batch was cancelled.
    `service`: the kilabel service running this command (its kept workers and its cancel)."""
    from kilabel.export import engine

    progress = TerminalProgress()
    profile_of = {t.profile.id: t.profile for t in tasks}
    wanted = jobs or settings.jobs or engine.default_jobs()
    jobs = min(wanted, max(1, len(tasks)))
    if service is not None:
        with service.workers(wanted, identity, settings.tsa_url) as pool:
            return _record_and_run(
                tasks, identity, settings, jobs, pool, progress, profile_of, out_dir, service.cancel
            )
    # the workers import and make their signer while the register hashes the inputs
    pool = engine.start_workers(jobs, identity, settings.tsa_url, fork=True) if jobs > 1 else None
    try:
        return _record_and_run(tasks, identity, settings, jobs, pool, progress, profile_of, out_dir)
    finally:
        if pool is not None:
            pool.close()


def _record_and_run(tasks, identity, settings, jobs, pool, progress, profile_of, out_dir, cancel=None) -> int:
    from kilabel.export import engine

    with cli_register.recorder_for_export(
        settings, tasks, identity
    ) as recorder:  # one register entry per output

        def on_result(res) -> None:
            recorder(res)
            progress.note(res.output, resolution_note(res, profile_of.get(res.profile_id)))

        results, cancelled = engine.run_batch(
            tasks,
            identity,
            jobs=jobs,
            tsa_url=settings.tsa_url,
            progress=progress,
            on_result=on_result,
            pool=pool,
            cancel=cancel,
        )
    cli_register.print_notes(recorder)
    unrecorded = recorder.unrecorded  # output path -> why it is not in the register
    failed = skipped = ok = 0
    written_unrecorded = set()
    for res in results:
        for w in res.warnings:
            print(f"warning: {res.input}: {w}", file=sys.stderr)
        if res.error:
            print(f"error: {res.error}", file=sys.stderr)
        if res.skipped:
            skipped += 1
        elif res.output and res.output in unrecorded:  # written, complete, only not on record
            ok += 1
            written_unrecorded.add(res.output)
        elif res.error:
            failed += 1
        else:
            ok += 1
    print(
        f"{ok} of {len(tasks)} exported to {out_dir}"
        + (f", {skipped} skipped (already there)" if skipped else "")
        + (f", {failed} failed" if failed else "")
        + _unrecorded_summary(unrecorded, written_unrecorded),
        file=sys.stderr,
    )
    queued = cli_register.queued_summary(recorder.register)  # the team register's server was away
    if queued:
        print(queued, file=sys.stderr)
    for line in resolution_summary(results, profile_of):
        print(line, file=sys.stderr)
    if cancelled:
        return ExitCode.cancelled
    return ExitCode.some_failed if failed or unrecorded else ExitCode.ok


def _format_name(profile) -> str:
    """ "A2" for an ISO A size (either orientation), else "W×H mm"."""
    key = tuple(sorted((round(profile.width_mm), round(profile.height_mm))))
    return ISO_A.get(key, f"{profile.width_mm:g}×{profile.height_mm:g} mm")


def resolution_note(res, profile) -> str:
    """ "A2, 134 dpi effective, not upsampled" for a print export ("" otherwise): the resolution a
    print shop's preflight sees, said per file so that a low one is not found only at the shop."""
    if not res.ok or not res.effective_dpi or profile is None or not profile.physical:
        return ""
    eff = res.effective_dpi
    note = f"{_format_name(profile)}, {eff:.0f} dpi effective"
    if eff < profile.dpi - 0.5:
        note += f", upsampled to {profile.dpi:g} dpi" if profile.upsample else ", not upsampled"
    elif eff > profile.dpi + 0.5:
        note += f", downsampled to {profile.dpi:g} dpi"
    return note


def resolution_summary(results, profile_of: dict) -> list[str]:
    """The summary's lines for print outputs: each file's effective dpi, the lowest first (at most
    SUMMARY_PRINT_LINES of them, then how many more)."""
    from kilabel.profiles import LOW_DPI

    rows = [(r, resolution_note(r, profile_of.get(r.profile_id))) for r in results]
    rows = sorted(((r, n) for r, n in rows if n), key=lambda rn: rn[0].effective_dpi)
    if not rows:
        return []
    low = sum(1 for r, _ in rows if r.effective_dpi < LOW_DPI)
    head = f"effective resolution of {len(rows)} print file(s)" + (
        f", {low} under {LOW_DPI} dpi:" if low else ":"
    )
    lines = [head] + [
        f"  {Path(r.input).name} → {Path(r.output).name} ({n})" for r, n in rows[:SUMMARY_PRINT_LINES]
    ]
    if len(rows) > SUMMARY_PRINT_LINES:
        lines.append(f"  … and {len(rows) - SUMMARY_PRINT_LINES} more at higher resolution")
    return lines


def _unrecorded_summary(unrecorded: dict[str, str], written: set[str]) -> str:
    """The summary's second half when outputs exist that the register does not list: how many of
    this run's and of an earlier one's, why, and what records them."""
    if not unrecorded:
        return ""
    parts = []
    if written:
        parts.append(f"{len(written)} of them written but NOT recorded in the register")
    earlier = len(unrecorded) - len(written)
    if earlier:
        parts.append(f"{earlier} written earlier and still NOT recorded in the register")
    why = "; ".join(dict.fromkeys(unrecorded.values()))
    return (
        f"; {' and '.join(parts)} ({why}). The files are complete; exporting the same images again "
        "(e.g. the same command with --skip-existing) records them"
    )


def cmd_run_job(args) -> int:
    """Export a job file saved by the window (kilabel-gui) or written by hand."""
    from kilabel import keys
    from kilabel.export import job

    settings = _settings()
    the_job = job.load(Path(args.job))
    if not the_job.images:
        raise _usage(f"{args.job}: the job has no images")
    tasks = job.tasks(the_job, settings, out_dir=args.out or "", overwrite=args.overwrite)
    identity = None
    if any(t.profile.write_c2pa for t in tasks):
        identity, _ = keys.ensure(settings.keys_path, settings.organisation)
    return _run_and_report(tasks, identity, settings, args.jobs, args.out or the_job.out_dir)


def cmd_verify(args) -> int:
    from kilabel import provenance_states
    from kilabel.pipeline import verify

    settings = _settings()
    anchors = verify.trust_anchors(settings)
    fetch = args.fetch_remote or settings.fetch_remote_manifests
    states = []
    for path in _expand(args.files):
        report = verify.verify(path, settings, anchors, fetch_remote=fetch)
        states.append(report.state)
        if args.json:
            print(json.dumps(report.to_json(), ensure_ascii=False))
        else:
            print(verify.format_human(report))
        sys.stdout.flush()
    return provenance_states.exit_code(states)


def cmd_presets(args) -> int:
    from kilabel import presets

    items, errors = presets.load_all()
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    if args.json:
        print(
            json.dumps([p.to_toml_dict() | {"source": p.source} for p in items.values()], ensure_ascii=False)
        )
    else:
        for p in items.values():
            lock = " (locked)" if p.locked else ""
            print(f"{p.id:<24} de: {p.text.get('de', '')!r:<40} en: {p.text.get('en', '')!r}{lock}")
        print("\npositions: " + ", ".join(POSITIONS) + " (add --vertical to run along the edge)")
    return ExitCode.usage if errors else ExitCode.ok


def cmd_profiles(args) -> int:
    from kilabel import profiles

    items, errors = profiles.load_all()
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    if getattr(args, "json", False):
        print(json.dumps([p.to_dict() for p in items.values()], ensure_ascii=False))
    else:
        for p in items.values():
            print(p.summary())
    return ExitCode.usage if errors else ExitCode.ok


def cmd_keys(args) -> int:
    import os

    from kilabel import keys

    settings = _settings()
    kd = Path(args.dir) if getattr(args, "dir", None) else settings.keys_path
    if args.keys_cmd == "init":
        ident = keys.init(args.org, kd, years=args.years, force=args.force)
        print(f"signing identity for '{ident.organisation}' in {kd}")
    elif args.keys_cmd == "import":
        passphrase = None
        if args.passphrase_file:
            passphrase = Path(args.passphrase_file).read_text(encoding="utf-8").strip()
        elif os.environ.get(keys.PASSPHRASE_ENV):
            passphrase = os.environ[keys.PASSPHRASE_ENV]
        ident = keys.import_identity(Path(args.cert), Path(args.key), kd, passphrase)
        print(f"imported signing identity '{ident.common_name}' ({ident.organisation}) into {kd}")
    else:
        ident = keys.load(kd)
    print(
        f"  organisation: {ident.organisation}\n  name:         {ident.common_name}\n"
        f"  algorithm:    {ident.alg}\n  valid until:  {ident.not_after:%Y-%m-%d}\n"
        f"  fingerprint:  {ident.fingerprint}"
    )
    return ExitCode.ok


def cmd_trust(args) -> int:
    from kilabel import settings as settings_mod

    s = settings_mod.load()
    if args.trust_cmd == "add":
        pem = Path(args.pem).resolve()
        if "BEGIN CERTIFICATE" not in pem.read_text(encoding="ascii", errors="replace"):
            raise _usage(f"{pem}: not a PEM certificate file")
        if str(pem) not in s.trust_anchors:
            s.trust_anchors.append(str(pem))
        settings_mod.save(s)  # 0644 in a folder only its owner may write, whatever the umask
        print(f"trusted: {pem}")
        if sys.platform != "win32":  # Windows: files in the user's profile are that user's only
            import stat

            lax = [
                p
                for p in (pem, pem.parent)
                if p.stat().st_mode & 0o022 and not p.stat().st_mode & stat.S_ISVTX
            ]
            if lax:
                print(
                    f"warning: {lax[0]} can be changed by other users, and whoever changes it decides "
                    f"what verify trusts (chmod go-w {lax[0]})",
                    file=sys.stderr,
                )
    else:
        for a in s.trust_anchors:
            print(a)
        own = s.keys_path / "root-ca.pem"
        if own.exists():
            print(f"{own} (own local root)")
    return ExitCode.ok


class UsageError(KilabelError):
    exit_code = ExitCode.usage


def _usage(msg: str) -> UsageError:
    return UsageError(msg)


@functools.cache  # built once per process: the kilabel service runs many commands (10 ms each)
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kilabel", description="Visible AI labels and signed provenance for images."
    )
    p.add_argument("--version", action="version", version=f"kilabel {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True)

    e = sub.add_parser("export", help="label, write metadata, sign and export images")
    e.add_argument("inputs", nargs="+", help="image files or folders (JPEG, PNG, TIFF, WebP)")
    e.add_argument("--out", "-o", required=True, help="output folder")
    e.add_argument(
        "--preset", default="ki-generiert", help="label preset id or .toml file (see: kilabel presets)"
    )
    e.add_argument("--position", choices=POSITIONS, help="anchor of the label (overrides the preset)")
    e.add_argument("--vertical", action="store_true", help="run the label along the edge")
    e.add_argument("--margin-mm", type=float, help="distance from the trim in mm (print)")
    e.add_argument("--lang", choices=["de", "en"], help="language of the label (default: setting, German)")
    e.add_argument("--profile", action="append", help="export profile id (repeatable; see: kilabel profiles)")
    g = e.add_argument_group("provenance (for all inputs; a --provenance file sets it per image)")
    g.add_argument(
        "--source-type",
        help="IPTC digital source type, e.g. trainedAlgorithmicMedia, "
        "compositeWithTrainedAlgorithmicMedia, algorithmicallyEnhanced",
    )
    g.add_argument("--ai-system", help="AI system, e.g. Midjourney")
    g.add_argument("--ai-version", help="its version")
    g.add_argument("--prompt", help="the prompt text")
    g.add_argument("--prompt-file", help="read the prompt from a UTF-8 text file")
    g.add_argument("--prompt-writer", help="who wrote the prompt")
    g.add_argument("--creator", help="creator (person or agency)")
    g.add_argument("--credit", help="credit line as printed")
    g.add_argument("--client", help="client")
    g.add_argument("--campaign", help="campaign")
    g.add_argument("--provenance", help="CSV or JSON with per-image provenance (column/field 'file')")
    e.add_argument("--overwrite", action="store_true", help="replace existing outputs (never the inputs)")
    e.add_argument(
        "--sidecar",
        action="store_true",
        help="write the C2PA manifest as NAME.c2pa instead of into the file (XMP and EXIF stay in "
        "it); the pair validates only while the file's bytes are unchanged",
    )
    e.add_argument(
        "--jobs", "-j", type=jobs_count, default=0, help="worker processes (default 0: one per core)"
    )
    e.add_argument("--strict", action="store_true", help="refuse outputs that have preflight warnings")
    e.add_argument(
        "--skip-existing",
        action="store_true",
        help="skip inputs whose output (by the profile's name pattern) exists and verifies",
    )
    e.add_argument("--max-megapixels", type=float, help="refuse larger inputs (default 250)")
    e.add_argument("--reason", help="why a file already in the register is exported again (a correction)")
    e.set_defaults(func=cmd_export)

    rj = sub.add_parser("run-job", help="export a job file saved by the window (kilabel-gui)")
    rj.add_argument("job", help="job file (.json)")
    rj.add_argument("--out", "-o", help="output folder (default: the job's)")
    rj.add_argument("--overwrite", action="store_true", help="replace existing outputs (never the inputs)")
    rj.add_argument(
        "--jobs", "-j", type=jobs_count, default=0, help="worker processes (default 0: one per core)"
    )
    rj.set_defaults(func=cmd_run_job)

    v = sub.add_parser("verify", help="read provenance and check C2PA signatures")
    v.add_argument("files", nargs="+")
    v.add_argument("--json", action="store_true", help="one JSON object per file")
    v.add_argument(
        "--fetch-remote",
        action="store_true",
        help="fetch a C2PA manifest stored at a URL (off by default: verify makes no network request)",
    )
    v.set_defaults(func=cmd_verify)

    pr = sub.add_parser("presets", help="list label presets and positions")
    pr.add_argument("--json", action="store_true")
    pr.set_defaults(func=cmd_presets)

    pf = sub.add_parser("profiles", help="list export profiles")
    pf.add_argument("--json", action="store_true")
    pf.set_defaults(func=cmd_profiles)

    k = sub.add_parser("keys", help="signing identity (certificate and key)")
    ks = k.add_subparsers(dest="keys_cmd", required=True)
    ki = ks.add_parser("init", help="create a local root and signing certificate")
    ki.add_argument("--org", required=True, help="organisation name written into the certificate")
    ki.add_argument("--years", type=int, default=30, help="validity of the signing certificate")
    ki.add_argument("--force", action="store_true", help="replace an existing identity")
    ki.add_argument("--dir", help="keys folder (default: in the data folder)")
    kim = ks.add_parser("import", help="use an organisation's PEM certificate chain and key")
    kim.add_argument("--cert", required=True, help="PEM chain, signing certificate first")
    kim.add_argument("--key", required=True, help="PEM private key (may be passphrase-protected)")
    kim.add_argument(
        "--passphrase-file", help="file holding the key's passphrase (or KILABEL_KEY_PASSPHRASE)"
    )
    kim.add_argument("--dir", help="keys folder")
    ksh = ks.add_parser("show", help="show the current signing identity")
    ksh.add_argument("--dir", help="keys folder")
    k.set_defaults(func=cmd_keys)

    t = sub.add_parser("trust", help="trust anchors for verify")
    ts = t.add_subparsers(dest="trust_cmd", required=True)
    ta = ts.add_parser("add", help="trust a root certificate (PEM)")
    ta.add_argument("pem")
    ts.add_parser("list", help="list trust anchors")
    t.set_defaults(func=cmd_trust)
    cli_register.add_parsers(sub)  # register, credits
    from kilabel.cli import service

    service.add_parser(sub)
    sub.choices["service"].set_defaults(func=lambda args: service.command(args, main))
    from kilabel.cli import check as cli_check

    cli_check.add_parsers(sub)  # check, relabel
    return p


def main(argv: list[str] | None = None, *, service=None) -> int:
    """Run one command. `service`: the kilabel service running it (kilabel.cli.service)."""
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen (PyInstaller) CLI starts its export workers through here
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else ExitCode.usage
    args.service = service
    try:
        return int(args.func(args))
    except KilabelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("cancelled", file=sys.stderr)
        return ExitCode.cancelled
    except OSError as exc:  # settings, keys or output folder not accessible: one line, no traceback
        print(
            f"error: {exc.filename or ''}: {exc.strerror or exc}".replace("error: : ", "error: "),
            file=sys.stderr,
        )
        return ExitCode.usage
