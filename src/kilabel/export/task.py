"""An export task (one input × one profile), its result, and what is decided before any pixel is
touched: the output's planned name, the register id, the label's wording warnings."""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from kilabel import presets, tempfiles
from kilabel.errors import ExportError
from kilabel.keys import Identity
from kilabel.messages import msg
from kilabel.pipeline import c2pa_sign, fingerprint, metadata, outcome
from kilabel.pipeline.image_load import EXT, Loaded
from kilabel.pipeline.metadata import LabelRecord
from kilabel.presets import LabelPreset
from kilabel.profiles import ExportProfile, output_name
from kilabel.provenance import COMPOSITE_TYPES, Provenance


@dataclass
class ExportTask:
    input: str
    out_dir: str
    preset: LabelPreset
    profile: ExportProfile
    provenance: Provenance
    language: str = "de"
    overwrite: bool = False
    sidecar: bool = False
    max_megapixels: float = 250.0
    strict: bool = False
    reason: str = ""  # for corrections (register)
    skip_existing: bool = False  # skip when the planned output exists and verifies
    existing: str = "rename"  # when the planned output exists: see EXISTING
    cwd: str = ""  # the folder relative paths above are in (a kilabel service's workers run elsewhere)

    @property
    def replaces(self) -> bool:
        """Whether the output takes the place of an existing file of its name (else a free name)."""
        return self.overwrite or self.existing == "overwrite"


# What an export does when its planned output exists already: choose a free name ("name-2.jpg"),
# replace the file atomically (the register records the new one as a correction), or leave it and
# export nothing for that task (the window asks once before a batch; the CLI's --overwrite is "overwrite").
EXISTING = ("rename", "overwrite", "skip")


@dataclass
class ExportResult:
    input: str
    profile_id: str = ""
    output: str = ""
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    register_id: str = ""
    label_text: str = ""
    position: str = ""
    provenance: Provenance = field(default_factory=Provenance)
    input_sha256: str = ""
    output_sha256: str = ""
    c2pa_state: str = ""
    effective_dpi: float | None = None
    contrast: float | None = None
    seconds: float = 0.0
    sidecar: str = ""
    skipped: bool = False
    fingerprint: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def new_register_id() -> str:
    return f"KL-{datetime.date.today():%Y%m%d}-{secrets.token_hex(4)}"


def planned_output(task: ExportTask, input_format: str | None = None) -> Path:
    """The output's name by the profile's pattern (before any free-name choice)."""
    src = Path(task.input)
    fmt_in = input_format or {
        ".jpg": "jpeg",
        ".jpeg": "jpeg",
        ".png": "png",
        ".tif": "tiff",
        ".tiff": "tiff",
        ".webp": "webp",
    }.get(src.suffix.lower(), "jpeg")
    fmt = task.profile.output_format(fmt_in)
    ext = src.suffix.lower() if fmt == fmt_in and src.suffix else EXT[fmt]
    return Path(task.out_dir) / output_name(task.profile, src.stem, fmt, task.preset.id, task.language, ext)


def already_done(task: ExportTask) -> bool:
    """--skip-existing: the planned output is there and its signature validates."""
    out = planned_output(task)
    if not out.exists():
        return False
    state = c2pa_sign.read(out).state
    return state in ("valid", "trusted") or (not task.profile.write_c2pa and out.stat().st_size > 0)


def existing_output(task: ExportTask) -> Path | None:
    """The planned output if a file of that name exists already, else None (or when unknowable)."""
    try:
        out = planned_output(task)
    except Exception:  # an odd name or profile: the export itself reports it
        return None
    return out if out.exists() else None


def label_warnings(preset: LabelPreset, prov: Provenance) -> list[str]:
    if preset.kind == "eu-icon":  # the EU icon states its own level; montage is one of them
        return presets.eu_level_warnings(preset, prov.source_type)
    out = []
    if prov.source_type in COMPOSITE_TYPES and not preset.says_montage:
        out.append(msg("montage-missing", preset=preset.id))
    if preset.says_montage and prov.source_type and prov.source_type not in COMPOSITE_TYPES:
        out.append(msg("montage-extra", preset=preset.id, source_type=prov.source_type))
    return out


@dataclass
class Plan:
    """What export_one decided before any pixel is touched; a writer turns it into the output.

    A writer (raster, print_pdf) is `write(plan)`: prepare and label the pixels, encode to
    `temp_paths()`, `sign()` as the last byte change, `commit()`. It sets `loaded` to None as soon
    as it holds the pixels it needs, so a large input is not kept twice.
    """

    task: ExportTask
    loaded: Loaded | None
    prov: Provenance  # the task's, merged over the input's own manifest; with a register id
    text: str  # the label's wording
    fmt: str  # output format: jpeg | png | tiff | webp | pdf
    final: Path  # the output's name
    parent: tuple[Path, str] | None  # (input, mime) when its C2PA manifest becomes the parent ingredient
    result: ExportResult
    temps: list[Path]  # temporary files, removed whatever happens
    identity: Identity | None = None
    signer: object | None = None
    tsa_url: str = ""

    @property
    def src(self) -> Path:
        return Path(self.task.input)

    def label_record(self) -> LabelRecord:
        task = self.task
        return LabelRecord(
            task.preset.id, self.text, task.language, task.preset.placement.position, self.prov.register_id
        )

    def description(self) -> str:
        return metadata.statement(self.text, self.prov, self.task.language)

    def refuse_if_strict(self) -> None:
        if self.task.strict and self.result.warnings:
            raise ExportError(f"{self.src}: refused (--strict): {self.result.warnings[0]}")

    def temp_paths(self) -> tuple[Path, Path]:
        """(unsigned, signed) temporary files next to the output; the output folder is made here."""
        Path(self.task.out_dir).mkdir(parents=True, exist_ok=True)
        tmp_enc, tmp_signed = tempfiles.temp_path(self.final, "enc"), tempfiles.temp_path(self.final)
        self.temps += [tmp_enc, tmp_signed]
        return tmp_enc, tmp_signed

    def sign(self, tmp_enc: Path, tmp_signed: Path, mime: str) -> bytes:
        """Sign the encoded file (the signer is made once per plan), read it back; the manifest bytes.

        With --sidecar the manifest is not embedded: tmp_signed stays the encoded file (XMP and
        EXIF kept) and the returned bytes, which `commit` writes as NAME.c2pa, are validated with
        the SDK against exactly that file before anything is committed.
        """
        if self.signer is None:
            self.signer = c2pa_sign.make_signer(self.identity, self.tsa_url)
        manifest, self.result.c2pa_state = outcome.sign_and_check(
            self.signer,
            tmp_enc,
            tmp_signed,
            mime,
            self.prov,
            self.text,
            c2pa_sign.text_name(self.final.name),
            self.parent,
            self.src,
            sidecar=self.task.sidecar,
            extra_assertions=self.soft_bindings(),
        )
        return manifest

    def soft_bindings(self) -> list[dict]:
        """The c2pa.soft-binding assertion of the output's fingerprints (finds copies whose
        metadata was stripped: kilabel check looks them up in the register)."""
        fps = fingerprint.parse_all(self.result.fingerprint)
        return [fingerprint.soft_binding_assertion(fps)] if fps else []

    def commit(self, tmp_signed: Path, manifest: bytes) -> None:
        """Rename the output into place; with --sidecar, its NAME.c2pa next to it (one pair)."""
        outcome.commit_output(
            self.result,
            self.src,
            tmp_signed,
            self.final,
            overwrite=self.task.replaces,
            sidecar_manifest=manifest if self.task.sidecar else None,
        )
        self.result.provenance = self.prov
