"""From exports to register entries: record each result, link corrections, find a file's entries.

A file is found by its SHA-256 (as an input or an output: a renamed or copied file still matches)
or, for a file that was re-saved and so has another hash, by the register id in its metadata.
A re-export of a file that is already registered becomes a correction of the newest entry of that
image (the same export profile preferred), with the reason the user gave.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kilabel import __version__
from kilabel.export.task import ExportResult, ExportTask
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


def embedded_register_id(path: Path) -> str:
    """The register id kilabel wrote into the file's XMP, or '' (also for unreadable files)."""
    try:
        from kilabel.pipeline import verify

        _, meta = verify.read_embedded(Path(path))
    except Exception:  # not an image, damaged, PDF: no embedded id to go by
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
    )


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
    recorded gets an error (the batch then exits 1). `notes` collects lines for the user.
    """

    def __init__(
        self, register: Register, tasks: Iterable[ExportTask], *, operator: str = "", identity=None
    ) -> None:
        self.register = register
        self.operator, self.identity = operator, identity
        self.tasks = {(t.input, t.profile.id): t for t in tasks}
        self.added: list[Entry] = []
        self.notes: list[str] = []

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *exc) -> None:
        self.register.close()

    def __call__(self, result: ExportResult) -> None:
        if not result.ok or getattr(result, "skipped", False):  # --skip-existing: nothing was exported
            return
        task = self.tasks.get((result.input, result.profile_id))
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
            return
        if earlier is not None:
            why = f" ({reason})" if reason else " (no reason given: use --reason)"
            self.notes.append(
                f"register: {Path(result.output).name} is a correction of entry {earlier.id}{why}"
            )
