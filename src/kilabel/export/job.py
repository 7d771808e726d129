"""A whole job in one JSON file: images with their provenance and placement, the label preset,
export profiles and output folder. Paths are stored relative to the job file so a job folder can
move; `tasks()` turns a job into export tasks for kilabel.export.engine.run_batch (CLI `run-job`, GUI).
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from kilabel.errors import ConfigError
from kilabel.presets import LabelPreset, PlacementSpec
from kilabel.provenance import FIELD_NAMES, Provenance
from kilabel.schema import from_dict

SCHEMA_VERSION = 1
PLACEMENT_KEYS = ("position", "offset_x", "offset_y", "vertical")


@dataclass
class JobImage:
    path: str  # absolute in memory; relative to the job file on disk
    provenance: Provenance = field(default_factory=Provenance)
    placement: dict = field(default_factory=dict)  # per-image override of PLACEMENT_KEYS


@dataclass
class Job:
    images: list[JobImage] = field(default_factory=list)
    preset: LabelPreset = field(default_factory=LabelPreset)  # the working copy, edits included
    profiles: list[str] = field(default_factory=lambda: ["same-as-input"])
    out_dir: str = ""
    language: str = "de"  # language of the visible label
    schema_version: int = SCHEMA_VERSION

    def preset_for(self, image: JobImage) -> LabelPreset:
        """The preset with this image's placement override applied."""
        return self.preset.with_placement(**image.placement) if image.placement else self.preset


def _rel(path: str, base: Path) -> str:
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return str(Path(path).resolve())


def to_json(job: Job, base: Path) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "kilabel-job",
        "language": job.language,
        "out_dir": _rel(job.out_dir, base) if job.out_dir else "",
        "profiles": list(job.profiles),
        "preset": job.preset.to_toml_dict(),
        "images": [
            {
                "path": _rel(img.path, base),
                "provenance": dataclasses.asdict(img.provenance),
                "placement": dict(img.placement),
            }
            for img in job.images
        ],
    }


def save(job: Job, path: Path) -> Path:
    """Write the job atomically (temporary file, then rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = to_json(job, path.parent)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def migrate(data: dict) -> dict:
    """Bring an older job dict to SCHEMA_VERSION (only version 1 exists so far)."""
    data.setdefault("schema_version", 1)
    return data


def _need(cond: bool, where: str, field: str, message: str) -> None:
    if not cond:
        raise ConfigError(f"{where}: {field}: {message}")


def _schema_version(data: dict, where: str) -> int:
    version = data["schema_version"]
    _need(
        isinstance(version, int) and not isinstance(version, bool) and version >= 1,
        where,
        "schema_version",
        f"must be a whole number (1 for this kilabel), not {version!r}",
    )
    _need(version <= SCHEMA_VERSION, where, "schema_version", f"{version} is newer than this kilabel")
    return version


def _provenance(value, at: str) -> Provenance:
    _need(
        isinstance(value, dict), at, "provenance", f"must be an object of fields, not {type(value).__name__}"
    )
    unknown = [k for k in value if k not in FIELD_NAMES]
    if unknown:
        raise ConfigError(f"{at}: unknown provenance field(s) {', '.join(unknown)}")
    values = {}
    for key, v in value.items():
        ok = v is None or isinstance(v, str) or (isinstance(v, (int, float)) and not isinstance(v, bool))
        _need(ok, at, f"provenance.{key}", f"must be text, not {type(v).__name__}")
        values[key] = "" if v is None else str(v)
    prov = Provenance(**values)
    prov.validate(at)
    return prov


def _placement(value, at: str) -> dict:
    """The per-image override, type-checked and range-checked through the preset's PlacementSpec."""
    _need(isinstance(value, dict), at, "placement", f"must be an object, not {type(value).__name__}")
    placement = {k: v for k, v in value.items() if k in PLACEMENT_KEYS}
    if not placement:
        return {}
    spec = from_dict(PlacementSpec, placement, f"{at}: placement")  # "placement.offset_x: expected float"
    return {k: getattr(spec, k) for k in placement}


def from_json(data: dict, base: Path, where: str = "job") -> Job:
    """A Job from parsed JSON; any shape that does not fit is one ConfigError naming `where` (the
    file) and the field, never a Python exception from deep inside."""
    if not isinstance(data, dict) or data.get("kind", "kilabel-job") != "kilabel-job":
        raise ConfigError(f"{where}: not a kilabel job file")
    data = migrate(data)
    _schema_version(data, where)
    preset_data = data.get("preset") or {}
    _need(
        isinstance(preset_data, dict), where, "preset", f"must be an object, not {type(preset_data).__name__}"
    )
    preset = from_dict(LabelPreset, dict(preset_data), f"{where}: preset")
    language = data.get("language", "de")
    if language not in ("de", "en"):
        raise ConfigError(f"{where}: language must be 'de' or 'en'")
    profiles = data.get("profiles") or ["same-as-input"]
    if not isinstance(profiles, list) or not all(isinstance(p, str) for p in profiles):
        raise ConfigError(f"{where}: profiles must be a list of profile ids")
    rows = data.get("images") or []
    _need(isinstance(rows, list), where, "images", f"must be a list, not {type(rows).__name__}")
    images = []
    for i, row in enumerate(rows):
        at = f"{where}: images[{i}]"
        if not isinstance(row, dict) or not row.get("path"):
            raise ConfigError(f"{at}: needs a 'path'")
        _need(isinstance(row["path"], str), at, "path", f"must be text, not {type(row['path']).__name__}")
        prov = _provenance(row.get("provenance") or {}, at)
        placement = _placement(row.get("placement") or {}, at)
        images.append(JobImage(str((base / row["path"]).resolve()), prov, placement))
    out_dir = data.get("out_dir") or ""
    _need(isinstance(out_dir, str), where, "out_dir", f"must be a folder path (text), not {out_dir!r}")
    return Job(images, preset, list(profiles), str((base / out_dir).resolve()) if out_dir else "", language)


def load(path: Path) -> Job:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read job file: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: not valid JSON: {exc}") from exc
    return from_json(data, path.parent, str(path))


def tasks(
    job: Job,
    settings=None,
    *,
    out_dir: str = "",
    overwrite: bool = False,
    images: list[JobImage] | None = None,
    existing: str = "rename",
    reason: str = "",
) -> list:
    """Export tasks (images × profiles) for kilabel.export.engine.run_batch. `existing` says what
    to do with an output that exists already (kilabel.export.task.EXISTING); `reason` goes into
    the register entry of each export that corrects an earlier one."""
    from kilabel import profiles as profiles_mod
    from kilabel.export.task import ExportTask

    max_mp = settings.max_megapixels if settings else 250.0
    target = out_dir or job.out_dir
    if not target:
        raise ConfigError("job: no output folder (out_dir)")
    profs = [profiles_mod.get(p) for p in job.profiles or ["same-as-input"]]
    out = []
    for img in job.images if images is None else images:
        for prof in profs:
            out.append(
                ExportTask(
                    input=img.path,
                    out_dir=target,
                    preset=job.preset_for(img),
                    profile=prof,
                    provenance=dataclasses.replace(img.provenance),
                    language=job.language,
                    overwrite=overwrite,
                    max_megapixels=max_mp,
                    existing=existing,
                    reason=reason,
                )
            )
    return out
