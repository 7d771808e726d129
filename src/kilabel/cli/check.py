"""The `check` and `relabel` subcommands.

    kilabel check FOLDER... [--json|--csv] [--ocr auto|all|off] [--jobs N]
    kilabel relabel FILES... --out DIR [--preset ID] [--position POS] [--reason TEXT] [--source-type …]
    kilabel relabel brochure.pdf --all-images | --images 2,5 | --from-provenance | --list

`check` prints one line (or JSON object, or CSV row) per file as soon as it is checked, progress
on stderr, the summary at the end; exit 3 when a file needs attention.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from pathlib import Path

from kilabel.errors import ConfigError, ExitCode
from kilabel.presets import ANCHORS as POSITIONS  # the nine anchors
from kilabel.settings import jobs_count  # the type of --jobs (argparse)


def _settings():
    from kilabel import settings

    return settings.load()


def cmd_check(args) -> int:
    from kilabel.check import folder as check
    from kilabel.check import ocr
    from kilabel.check import rows as check_rows
    from kilabel.pipeline import verify
    from kilabel.register import store as register

    settings = _settings()
    files: list[Path] = []
    for item in args.paths:
        p = Path(item)
        if p.is_dir():
            files.extend(check.iter_files(p))
        elif p.is_file():
            files.append(p)
        else:
            raise ConfigError(f"{p}: no such file or folder")
    if args.ocr != "off" and not ocr.status().available:
        print(
            f"note: {ocr.status().why}; AI images without a recorded label cannot be checked for a visible label",
            file=sys.stderr,
        )
    reg = register.open_register(settings) if not args.no_register else None
    for w in getattr(reg, "warnings", None) or []:  # a team register's server away: matches not searched
        print(f"warning: {w}", file=sys.stderr)
    opts = check_rows.CheckOptions(
        anchors=verify.trust_anchors(settings),
        ocr=args.ocr,
        register=reg,
        jobs=args.jobs,
        fetch_remote=args.fetch_remote or settings.fetch_remote_manifests,
    )
    fields = [f.name for f in dataclasses.fields(check_rows.CheckRow)]
    writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n") if args.csv else None
    if writer:
        writer.writeheader()
    rows: list = []
    tty = sys.stderr.isatty()
    try:
        for row in check.check_paths(files, opts):
            rows.append(row)
            if writer:
                writer.writerow(check.as_dict(row))
            elif args.json:
                print(json.dumps(check.as_dict(row), ensure_ascii=False))
            else:
                mark = "!" if row.attention else " "
                print(f"{mark} {row.file}: {row.verdict} — {row.basis} · provenance: {row.provenance_en}")
            sys.stdout.flush()
            if tty:
                sys.stderr.write(f"\r\033[K{len(rows)}/{len(files)} checked")
                sys.stderr.flush()
            elif len(rows) % 100 == 0:
                print(f"{len(rows)}/{len(files)} checked", file=sys.stderr)
    except KeyboardInterrupt:
        print("\ncancelled", file=sys.stderr)
        return ExitCode.cancelled
    finally:
        if reg is not None:
            reg.close()
    if tty:
        sys.stderr.write("\r\033[K")
    counts = check.summary(rows)
    parts = [
        f"{counts[code]} {check_rows.VERDICTS[code][0]}" for code in check_rows.VERDICTS if counts.get(code)
    ]
    print(
        f"{counts['files']} files: "
        + ("; ".join(parts) or "nothing found")
        + f"; {counts['attention']} need attention",
        file=sys.stderr,
    )
    return ExitCode.attention if counts["attention"] else ExitCode.ok


def cmd_relabel(args) -> int:
    from kilabel import keys, presets
    from kilabel.pdf import stamp as pdf_relabel
    from kilabel.pipeline import verify
    from kilabel.provenance import Provenance
    from kilabel.relabel import image as relabel
    from kilabel.relabel.pdf import PdfRelabelTask, relabel_pdf

    inputs = [Path(p) for p in args.inputs]
    for p in inputs:
        if not p.is_file():
            raise ConfigError(f"{p}: no such file")
    if args.list:
        for p in inputs:
            if p.suffix.lower() != ".pdf":
                raise ConfigError(f"{p}: --list lists the images placed in a PDF")
            print(pdf_relabel.list_for_cli(p))
        return ExitCode.ok
    if not args.out:
        raise ConfigError("--out is required (relabelled files keep their names, in another folder)")
    pdfs = [p for p in inputs if p.suffix.lower() == ".pdf"]
    if pdfs and not (args.all_images or args.images or args.from_provenance):
        raise ConfigError(
            "for a PDF, say which images are AI-generated: --all-images, --images 2,5 or "
            "--from-provenance (see: kilabel relabel FILE.pdf --list)"
        )
    settings = _settings()
    preset = presets.get(args.preset)
    if args.position:
        preset = preset.with_placement(position=args.position)
    lang = args.lang or settings.label_language or "de"
    user = Provenance(
        source_type=args.source_type or "",
        ai_system=args.ai_system or "",
        ai_version=args.ai_version or "",
        creator=args.creator or "",
        campaign=args.campaign or "",
    )
    user.validate("command line")
    identity, _ = keys.ensure(settings.keys_path, settings.organisation)
    anchors = verify.trust_anchors(settings)
    signer = None
    results = []
    for n, p in enumerate(inputs, start=1):
        print(f"[{n}/{len(inputs)}] {p.name}", file=sys.stderr)
        if p.suffix.lower() == ".pdf":
            task = PdfRelabelTask(
                str(p),
                args.out,
                preset,
                user,
                lang,
                args.reason or "",
                args.overwrite,
                anchors,
                args.all_images,
                args.images or "",
                args.from_provenance,
                pdf_c2pa=args.pdf_c2pa,
            )
            res = relabel_pdf(task, identity)
        else:
            if signer is None:
                from kilabel.pipeline import c2pa_sign

                signer = c2pa_sign.make_signer(identity, settings.tsa_url)
            res = relabel.relabel_image(
                relabel.RelabelTask(
                    str(p),
                    args.out,
                    preset,
                    user,
                    lang,
                    args.reason or "",
                    args.overwrite,
                    settings.max_megapixels,
                    anchors,
                ),
                identity,
                signer,
            )
        results.append(res)
        if res.ok:
            print(f"{p} -> {res.output} (C2PA: {res.c2pa_state})")
        for w in res.warnings:
            print(f"  {w}")
        if res.error:
            print(f"error: {res.error}", file=sys.stderr)
    for note in relabel.record(
        results,
        label_id=preset.id,
        language=lang,
        reason=args.reason or "",
        identity=identity,
        settings=settings,
    ):
        print(note, file=sys.stderr)
    failed = [r for r in results if not r.ok]
    print(
        f"{len(results) - len(failed)} of {len(results)} relabelled into {args.out}"
        + (f", {len(failed)} failed" if failed else ""),
        file=sys.stderr,
    )
    if not args.reason and len(failed) < len(results):
        print("note: no --reason given; the register records the correction without one", file=sys.stderr)
    return ExitCode.some_failed if failed else ExitCode.ok


def add_parsers(sub) -> None:
    """Add `check` and `relabel` to the main parser's subcommands."""
    c = sub.add_parser("check", help="check existing images and PDFs: provenance, signature, visible label")
    c.add_argument("paths", nargs="+", help="folders (searched below) or files")
    how = c.add_mutually_exclusive_group()
    how.add_argument("--json", action="store_true", help="one JSON object per file")
    how.add_argument("--csv", action="store_true", help="CSV with a header row")
    c.add_argument(
        "--ocr",
        choices=["auto", "all", "off"],
        default="auto",
        help="text recognition: where it decides the verdict (auto), on every image, or never",
    )
    c.add_argument("--jobs", "-j", type=jobs_count, default=0, help="files checked at once (0: up to 8)")
    c.add_argument("--no-register", action="store_true", help="do not look files up in the register")
    c.add_argument(
        "--fetch-remote",
        action="store_true",
        help="fetch C2PA manifests stored at a URL (off by default: check makes no network request)",
    )
    c.set_defaults(func=cmd_check)

    r = sub.add_parser(
        "relabel", help="label existing print files (images, PDFs) in a copy; record the correction"
    )
    r.add_argument("inputs", nargs="+", help="images (JPEG, PNG, TIFF, WebP) or PDFs")
    r.add_argument("--out", "-o", help="output folder (same file names; never the inputs' folder)")
    r.add_argument("--preset", default="ki-generiert", help="label preset id or .toml file")
    r.add_argument("--position", choices=POSITIONS, help="corner of the image (overrides the preset)")
    r.add_argument("--lang", choices=["de", "en"], help="language of the label")
    r.add_argument("--reason", help="why the file is relabelled (recorded in the register)")
    r.add_argument("--overwrite", action="store_true", help="replace files already in --out")
    r.add_argument(
        "--pdf-c2pa",
        choices=["sidecar", "embedded"],
        default="sidecar",
        help="PDF/X inputs: manifest as NAME.c2pa, keeping the PDF/X claim (default), or embedded (claim withdrawn)",
    )
    g = r.add_argument_group("which images of a PDF")
    g.add_argument("--list", action="store_true", help="list the images placed in the PDF and stop")
    g.add_argument("--all-images", action="store_true", help="label every placed image")
    g.add_argument("--images", help="label these images (1-based, as --list shows), e.g. 2,5 or 1-3")
    g.add_argument("--from-provenance", action="store_true", help="label images whose metadata says AI")
    p = r.add_argument_group("provenance (where the file's own metadata says nothing)")
    p.add_argument("--source-type", help="IPTC digital source type, e.g. trainedAlgorithmicMedia")
    p.add_argument("--ai-system", help="AI system")
    p.add_argument("--ai-version", help="its version")
    p.add_argument("--creator", help="creator")
    p.add_argument("--campaign", help="campaign")
    r.set_defaults(func=cmd_relabel)
