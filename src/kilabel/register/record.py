"""From exports to register entries: record each result, link corrections, find a file's entries.

A file is found by its SHA-256 (as an input or an output: a renamed or copied file still matches)
or, for a file that was re-saved and so has another hash, by the register id in its metadata.
A re-export of a file that is already registered becomes a correction of the newest entry of that
image (the same export profile preferred), with the reason the user gave.

An output can reach its final name without reaching the register: the batch's process was killed
between a worker's rename and the entry, or the register's disk was full. Such a file carries its
register id (XMP `kilabel:RegisterId`) but no entry has it. The Recorder of the next export with
the same outputs (a plain rerun, or --skip-existing) finds it next to the planned output and
records it from what the file itself says (`entry_from_file`), before that task's own result.
"""

from __future__ import annotations

import datetime
import os
import re
import socket
from collections.abc import Iterable
from pathlib import Path

from kilabel import __version__
from kilabel.export.task import ExportResult, ExportTask, planned_output
from kilabel.pipeline.outcome import sha256_file
from kilabel.provenance import Provenance
from kilabel.register.store import Entry, Register

PROVENANCE_FIELDS = [
    "source_type",
    "ai_system",
    "ai_version",
    "prompt",
    "prompt_writer",
    "creator",
    "client",
    "credit",
    "campaign",
]  # not register_id: a correction gets its own


def this_machine() -> str:
    """The computer's name, recorded with the operator in each entry (who exported, and where)."""
    try:
        return socket.gethostname()
    except OSError:
        return ""


def embedded_register_id(path: Path) -> str:
    """The register id kilabel wrote into the file's XMP, or '' (also for unreadable files)."""
    import warnings

    try:
        from kilabel.pipeline import verify

        with warnings.catch_warnings():  # Pillow's warnings about the input belong to its export
            warnings.simplefilter("ignore")
            _, meta = verify.read_embedded(Path(path))
    except Exception:  # not an image, damaged, PDF: no embedded id to go by
        return ""
    return meta.label.register_id or meta.provenance.register_id


def output_register_id(path: Path) -> str:
    """The register id kilabel wrote into an output: an image's XMP, or a print PDF's document
    XMP; '' for anything else."""
    if Path(path).suffix.lower() != ".pdf":
        return embedded_register_id(path)
    try:
        from kilabel.pipeline import verify

        meta = verify.read_pdf_embedded(Path(path))
    except Exception:  # damaged, not a PDF
        return ""
    return meta.label.register_id or meta.provenance.register_id


def entries_for_file(register: Register, path: Path, sha256: str = "") -> list[Entry]:
    """Entries that match the file by hash, else by its embedded register id; oldest first."""
    path = Path(path)
    found = {e.id: e for e in register.find(sha256=sha256 or sha256_file(path))}
    if not found:
        rid = embedded_register_id(path)
        if rid:
            found = {e.id: e for e in register.find(register_id=rid)}
    return [found[k] for k in sorted(found)]


def histories_for_file(register: Register, path: Path, sha256: str = "") -> list[list[Entry]]:
    """The history (correction chain) of every image the file matches; each list oldest first."""
    chains: list[list[Entry]] = []
    seen: set[int] = set()
    for entry in entries_for_file(register, path, sha256):
        if entry.id in seen:
            continue
        chain = register.chain(entry.id)
        seen.update(e.id for e in chain)
        chains.append(chain)
    return chains


def find_earlier(
    register: Register, path: Path, profile_id: str = "", exclude: Iterable[int] = (), sha256: str = ""
) -> Entry | None:
    """The entry a new export of `path` supersedes: the newest current entry in the matching
    histories, one with the same export profile preferred. `exclude` skips entries of this batch."""
    skip = set(exclude)
    chains = histories_for_file(register, path, sha256)
    heads = [e for chain in chains for e in chain if e.current and e.id not in skip]
    if not heads:
        return None
    same = [e for e in heads if e.profile_id == profile_id]
    return max(same or heads, key=lambda e: e.id)


def entry_from_result(
    result: ExportResult,
    *,
    label_id: str = "",
    language: str = "",
    reason: str = "",
    operator: str = "",
    identity=None,
    supersedes: int | None = None,
) -> Entry:
    """A register entry for one successful export (identity: keys.Identity or None)."""
    prov = result.provenance
    return Entry(
        register_id=result.register_id or prov.register_id,
        supersedes=supersedes,
        reason=reason,
        input_name=Path(result.input).name,
        input_path=str(Path(result.input).absolute()),
        input_sha256=result.input_sha256,
        output_name=Path(result.output).name,
        output_path=str(Path(result.output).absolute()),
        output_sha256=result.output_sha256,
        label_id=label_id,
        label_text=result.label_text,
        label_language=language,
        position=result.position,
        profile_id=result.profile_id,
        effective_dpi=round(result.effective_dpi, 1) if result.effective_dpi else None,
        source_type=prov.source_type,
        ai_system=prov.ai_system,
        ai_version=prov.ai_version,
        prompt=prov.prompt,
        prompt_writer=prov.prompt_writer,
        creator=prov.creator,
        client=prov.client,
        credit=prov.credit,
        campaign=prov.campaign,
        signer_fingerprint=getattr(identity, "fingerprint", "") or "",
        signer_organisation=getattr(identity, "organisation", "") or "",
        c2pa_state=result.c2pa_state,
        program_version=f"kilabel {__version__}",
        operator=operator,
        machine=this_machine(),
        fingerprint=result.fingerprint,
    )


def entry_from_file(
    path: Path,
    task: ExportTask,
    *,
    output_sha256: str,
    operator: str = "",
    identity=None,
    supersedes: int | None = None,
) -> Entry | None:
    """A register entry for an output found on disk (an export that ended before it was recorded),
    from what the file says: its XMP (provenance, label, register id) and C2PA state; the input
    and profile from the task that plans this output. None if it is no kilabel output."""
    from kilabel.pipeline import verify

    report = verify.verify(path, anchors="", fetch_remote=False)
    emb = report.embedded
    rid = emb.label.register_id or emb.provenance.register_id
    if report.state == "unreadable" or not rid:
        return None
    prov = report.provenance.merged(emb.provenance)  # exactly what was written into the XMP
    c2pa = report.c2pa
    signed = c2pa.state in ("valid", "trusted")
    ours = (
        identity is not None
        and signed
        and c2pa.signer_org == getattr(identity, "organisation", None)
        and c2pa.signer_cn in ("", getattr(identity, "common_name", ""))
    )
    try:
        input_sha = sha256_file(Path(task.input))
    except OSError:
        input_sha = ""
    mtime = datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.UTC)
    return Entry(
        created=mtime.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),  # when it was exported, not when found
        register_id=rid,
        supersedes=supersedes,
        reason=task.reason if supersedes is not None else "",
        input_name=Path(task.input).name,
        input_path=str(Path(task.input).absolute()),
        input_sha256=input_sha,
        output_name=path.name,
        output_path=str(path.absolute()),
        output_sha256=output_sha256,
        label_id=emb.label.preset_id,
        label_text=emb.label.text,
        label_language=emb.label.language,
        position=emb.label.position,
        profile_id=task.profile.id,
        **{k: getattr(prov, k) for k in PROVENANCE_FIELDS},
        signer_fingerprint=getattr(identity, "fingerprint", "") if ours else "",
        signer_organisation=c2pa.signer_org if signed else "",
        c2pa_state=c2pa.state if signed else "",
        program_version=emb.creator_tool or f"kilabel {__version__}",
        operator=operator,
        machine=this_machine(),
    )


Listing = dict[str, tuple[int, int, int]]  # file name -> (inode, size, mtime in ns)


def _bases(name: str) -> set[tuple[str, str]]:
    """The planned names `name` may be a variant of: NAME, NAME-2, NAME-kilabel, NAME-kilabel-2
    (tempfiles.commit's free names) -> {(stem, suffix)}."""
    stem, suffix = os.path.splitext(name)
    out = {(stem, suffix)}
    for pattern in (r"(.+)-\d+", r"(.+)-kilabel", r"(.+)-kilabel-\d+"):
        m = re.fullmatch(pattern, stem)
        if m:
            out.add((m.group(1), suffix))
    return out


class _Outputs:
    """The files in the output folders as they were before the batch, indexed by the planned name
    they may be a variant of. A file changed since (this batch's own output, or one being written
    by another kilabel) is never taken for a leftover."""

    def __init__(self, folders: Iterable[Path]) -> None:
        self.listing: dict[Path, Listing] = {}
        self.index: dict[tuple[Path, str, str], list[str]] = {}
        for folder in folders:
            names: Listing = {}
            try:
                with os.scandir(folder) as it:
                    for e in it:
                        if e.name.startswith(".") or not e.is_file(follow_symlinks=False):
                            continue
                        st = e.stat(follow_symlinks=False)
                        names[e.name] = (st.st_ino, st.st_size, st.st_mtime_ns)
            except OSError:  # no folder yet: nothing left over in it
                pass
            self.listing[folder] = names
            for name in names:
                for stem, suffix in _bases(name):
                    self.index.setdefault((folder, stem, suffix), []).append(name)

    def candidates(self, planned: Path) -> list[Path]:
        """Files unchanged since the snapshot that bear `planned`'s name or one of its free names."""
        folder = planned.parent
        pattern = re.compile(rf"{re.escape(planned.stem)}(?:-kilabel)?(?:-\d+)?{re.escape(planned.suffix)}")
        out = []
        for name in sorted(self.index.get((folder, planned.stem, planned.suffix), [])):
            path = folder / name
            try:
                st = path.stat()
            except OSError:
                continue
            if (
                pattern.fullmatch(name)
                and (st.st_ino, st.st_size, st.st_mtime_ns) == self.listing[folder][name]
            ):
                out.append(path)
        return out


def prefill(register: Register, tasks: Iterable[ExportTask]) -> list[str]:
    """Give re-exports of registered files the provenance recorded before, under the user's values
    (so a correction stays in its campaign and keeps its credit). Returns notes for the user."""
    notes, cache = [], {}
    for task in tasks:
        if task.input not in cache:
            try:
                cache[task.input] = find_earlier(register, Path(task.input), task.profile.id)
            except OSError:  # unreadable input: the export reports it
                cache[task.input] = None
        earlier = cache[task.input]
        if earlier is None:
            continue
        before = Provenance(**{k: getattr(earlier, k) for k in PROVENANCE_FIELDS})
        task.provenance = before.merged(task.provenance)
        if task.input not in notes:
            notes.append(task.input)
    return [f"register: {Path(n).name} is registered already; its export will be a correction" for n in notes]


class Recorder:
    """An engine.run_batch `on_result` callback that records every successful export.

    Earlier entries are looked up before this batch's own entries exist, so two profiles of one
    input in one batch are two new entries, not a correction of each other. A result that cannot be
    recorded gets an error (the batch then exits 1) and is listed in `unrecorded` (output path ->
    why), as is a leftover output (see the module's docstring) that cannot be recorded now.
    Leftovers that can be are recorded before their task's result. `notes` collects lines for the
    user. Make the Recorder before the batch starts: it notes which files were there before.
    """

    def __init__(
        self, register: Register, tasks: Iterable[ExportTask], *, operator: str = "", identity=None
    ) -> None:
        self.register = register
        self.operator, self.identity = operator, identity
        self.tasks = {(t.input, t.profile.id): t for t in tasks}
        self.added: list[Entry] = []
        self.recovered: list[Entry] = []  # leftovers of an earlier export, recorded by this one
        self.unrecorded: dict[str, str] = {}
        self.notes: list[str] = []
        self._planned: dict[tuple[str, str], Path] = {}
        for key, task in self.tasks.items():
            try:
                self._planned[key] = planned_output(task)
            except Exception:  # an odd name or profile: that export reports it, no leftover to look for
                pass
        self._before = _Outputs({p.parent for p in self._planned.values()})
        self._looked: set[Path] = set()

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *exc) -> None:
        self.register.close()

    def __call__(self, result: ExportResult) -> None:
        task = self.tasks.get((result.input, result.profile_id))
        if task is not None:
            self.record_leftovers(task)
        if not result.ok or getattr(result, "skipped", False):  # --skip-existing: nothing was exported
            return
        reason = task.reason if task else ""
        try:
            earlier = find_earlier(
                self.register,
                Path(result.input),
                result.profile_id,
                exclude=[e.id for e in self.added],
                sha256=result.input_sha256,
            )
            entry = entry_from_result(
                result,
                label_id=task.preset.id if task else "",
                language=task.language if task else "",
                reason=reason,
                operator=self.operator,
                identity=self.identity,
                supersedes=earlier.id if earlier else None,
            )
            self.added.append(self.register.add(entry))
        except Exception as exc:  # disk full, locked too long: the file exists but is not on record
            result.error = f"{result.output}: exported, but not recorded in the register: {exc}"
            self.unrecorded[result.output] = str(exc)
            return
        if earlier is not None:
            why = f" ({reason})" if reason else " (no reason given: use --reason)"
            self.notes.append(
                f"register: {Path(result.output).name} is a correction of entry {earlier.id}{why}"
            )

    def record_leftovers(self, task: ExportTask) -> None:
        """Record the outputs of an earlier export of this task that have a final name but no
        entry (found by their embedded register id; see the module's docstring). Once per output."""
        planned = self._planned.get((task.input, task.profile.id))
        if planned is None or planned in self._looked:
            return
        self._looked.add(planned)
        for path in self._before.candidates(planned):
            rid = output_register_id(path)
            if not rid:
                continue  # not kilabel's output
            try:
                if self.register.find(register_id=rid):
                    continue  # on record
                sha = sha256_file(path)
                if any(e.output_sha256 == sha for e in self.register.find(sha256=sha)):
                    continue
                earlier = find_earlier(
                    self.register, Path(task.input), task.profile.id, exclude=[e.id for e in self.added]
                )
                entry = entry_from_file(
                    path,
                    task,
                    output_sha256=sha,
                    operator=self.operator,
                    identity=self.identity,
                    supersedes=earlier.id if earlier else None,
                )
                if entry is None:
                    continue
                entry = self.register.add(entry)
            except Exception as exc:  # the register's disk still full, locked too long
                self.unrecorded[str(path)] = str(exc)
                self.notes.append(
                    f"register: {path.name} was exported earlier but is not in the register, "
                    f"and it cannot be recorded now: {exc}"
                )
                continue
            self.recovered.append(entry)
            self.notes.append(
                f"register: {path.name} was exported earlier, but that export ended before recording it; "
                f"recorded now as entry {entry.id}"
            )
