"""Provenance templates, as Bridge's metadata templates: a named set of provenance values (source type,
AI system, creator, credit, campaign, client …) kept as a TOML file in the user's presets folder
(templates/), applied to many images at once. Qt-free so a command or a test can use them too.

The prompt and the register id are not part of a template: they describe one image, not a campaign.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kilabel import paths
from kilabel.errors import ConfigError
from kilabel.provenance import Provenance, source_type_code
from kilabel.schema import from_dict, load_toml, require

SCHEMA_VERSION = 1
# the Provenance fields a template carries, in the order the window shows them
FIELDS = (
    "source_type",
    "ai_system",
    "ai_version",
    "prompt_writer",
    "creator",
    "credit",
    "campaign",
    "client",
)


@dataclass
class ProvenanceTemplate:
    name: str = ""
    schema_version: int = SCHEMA_VERSION
    source_type: str = ""
    ai_system: str = ""
    ai_version: str = ""
    prompt_writer: str = ""
    creator: str = ""
    credit: str = ""
    campaign: str = ""
    client: str = ""
    source: str = ""  # the file it came from (not stored)

    def check(self, where: str) -> None:
        require(bool(self.name.strip()), where, "name", "must not be empty")
        require(self.schema_version <= SCHEMA_VERSION, where, "schema_version", "newer than this kilabel")
        self.source_type = source_type_code(self.source_type)
        Provenance(source_type=self.source_type).validate(where)

    def values(self) -> dict[str, str]:
        """The fields the template sets (empty ones leave an image's value as it is)."""
        return {name: getattr(self, name) for name in FIELDS if getattr(self, name)}

    def apply_to(self, prov: Provenance) -> None:
        for name, value in self.values().items():
            setattr(prov, name, value)

    def to_toml_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data.pop("source", None)
        return data


def templates_dir() -> Path:
    return paths.user_presets_dir() / "templates"


def from_values(name: str, values: dict[str, str]) -> ProvenanceTemplate:
    """A checked template from field values (unknown names are refused: they would be lost)."""
    unknown = [k for k in values if k not in FIELDS]
    if unknown:
        raise ConfigError(
            f"template '{name}': unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}"
        )
    template = ProvenanceTemplate(name=name.strip(), **{k: v.strip() for k, v in values.items()})
    template.check(f"template '{name}'")
    return template


def load_template(path: Path) -> ProvenanceTemplate:
    template = from_dict(ProvenanceTemplate, load_toml(path), str(path))
    template.source = str(path)
    return template


def load_all(folder: Path | None = None) -> tuple[dict[str, ProvenanceTemplate], list[str]]:
    """Templates by name, sorted, and one line per file that cannot be used (naming it)."""
    folder = folder or templates_dir()
    found: dict[str, ProvenanceTemplate] = {}
    errors: list[str] = []
    if not folder.is_dir():
        return found, errors
    for path in sorted(folder.glob("*.toml")):
        try:
            template = load_template(path)
        except ConfigError as exc:
            errors.append(" ".join(str(exc).split()))
            continue
        except Exception as exc:  # one odd file never hides the others
            errors.append(f"{path}: cannot load: {type(exc).__name__}: {exc}")
            continue
        if template.name in found:
            errors.append(f"{path}: name '{template.name}' is used by {found[template.name].source} too")
            continue
        found[template.name] = template
    return dict(sorted(found.items(), key=lambda kv: kv[0].casefold())), errors


def _slug(name: str) -> str:
    s = name.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "vorlage"


def _path_for(template: ProvenanceTemplate, folder: Path) -> Path:
    """The template's own file when it replaces one of that name, else a free file name."""
    existing, _ = load_all(folder)
    if template.name in existing:
        return Path(existing[template.name].source)
    base = _slug(template.name)
    path, n = folder / f"{base}.toml", 2
    while path.exists():
        path, n = folder / f"{base}-{n}.toml", n + 1
    return path


def save_template(template: ProvenanceTemplate, folder: Path | None = None) -> Path:
    """Write (or replace, by name) a template atomically; returns its file."""
    import tomli_w

    template.check(f"template '{template.name}'")
    folder = folder or templates_dir()
    paths.make_dirs(folder, 0o755)
    path = _path_for(template, folder)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(tomli_w.dumps(template.to_toml_dict()))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    template.source = str(path)
    return path


def delete_template(name: str, folder: Path | None = None) -> Path:
    """Remove the template of that name; a ConfigError if there is none."""
    existing, _ = load_all(folder)
    if name not in existing:
        raise ConfigError(f"no provenance template named '{name}' in {folder or templates_dir()}")
    path = Path(existing[name].source)
    path.unlink()
    return path
