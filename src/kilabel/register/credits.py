"""Image credits ("Bildnachweis") for a brochure or poster series, from the register.

Per image: the visible label wording, how it was made, the AI system and version, the prompt, the
creator and the credit line (the party guideline asks for the prompts in the credit). One credit
per image: the newest current entry of each history, however many export profiles it went to.
Formats: plain text to paste into a layout program, Markdown, HTML (every value escaped) and CSV;
German or English wording.
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from kilabel.provenance import source_type_label
from kilabel.register.store import Entry, Filter, Register

FORMATS = ("text", "md", "html", "csv")
FIELDS = [
    "image",
    "label_text",
    "source",
    "ai",
    "prompt",
    "prompt_writer",
    "creator",
    "credit",
    "campaign",
    "register_id",
]
WORDS = {
    "de": {
        "title": "Bildnachweise",
        "image": "Bild",
        "label_text": "Kennzeichnung",
        "source": "Art der Entstehung",
        "ai": "KI-System",
        "prompt": "Prompt",
        "prompt_writer": "Prompt von",
        "creator": "Urheber",
        "credit": "Bildnachweis",
        "campaign": "Kampagne",
        "register_id": "Register-Nr.",
        "quote": ("„", "“"),
        "none": "Keine Einträge.",
    },
    "en": {
        "title": "Image credits",
        "image": "Image",
        "label_text": "Label",
        "source": "Source type",
        "ai": "AI system",
        "prompt": "Prompt",
        "prompt_writer": "Prompt by",
        "creator": "Creator",
        "credit": "Credit",
        "campaign": "Campaign",
        "register_id": "Register no.",
        "quote": ("“", "”"),
        "none": "No entries.",
    },
}
SHOWN = ["label_text", "source", "ai", "prompt", "creator", "credit"]  # in text, md and html


@dataclass
class Credit:
    """What one image's credit says (values as recorded; `source` in the chosen language)."""

    image: str
    values: dict[str, str] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)


def select(
    register: Register, *, campaign: str = "", ids: list[int] | None = None, files: list[Path] | None = None
) -> list[Entry]:
    """Current entries for a campaign, a list of entry ids, and/or files (found by hash or register id)."""
    if files:
        from kilabel.register.record import histories_for_file

        wanted = {e.id for f in files for chain in histories_for_file(register, f) for e in chain}
        ids = sorted(wanted | set(ids or []))
    return register.query(Filter(campaign=campaign, ids=ids, current_only=True))


def collect(register: Register, entries: list[Entry], lang: str = "de") -> list[Credit]:
    """One credit per image (same original input), newest values, in the order of first export."""
    groups: dict[str, list[Entry]] = {}
    roots: dict[str, Entry] = {}
    for e in entries:
        root = register.chain(e.id)[0]  # the first export of this image (web, print … are separate roots)
        key = root.input_sha256 or f"#{root.id}"
        groups.setdefault(key, []).append(e)
        roots[key] = min(roots.get(key, root), root, key=lambda x: x.id)
    credits = []
    for key in sorted(groups, key=lambda k: roots[k].id):
        items, root = groups[key], roots[key]
        newest = max(items, key=lambda e: e.id)
        credits.append(
            Credit(
                image=root.input_name or newest.output_name,
                values={
                    "label_text": newest.label_text,
                    "source": source_type_label(newest.source_type, lang) if newest.source_type else "",
                    "ai": " ".join(filter(None, [newest.ai_system, newest.ai_version])),
                    "prompt": newest.prompt,
                    "prompt_writer": newest.prompt_writer,
                    "creator": newest.creator,
                    "credit": newest.credit,
                    "campaign": newest.campaign,
                    "register_id": newest.register_id,
                },
                outputs=[e.output_name for e in sorted(items, key=lambda e: e.id)],
            )
        )
    return credits


def _title(credits: list[Credit], w: dict) -> str:
    campaigns = {c.values.get("campaign", "") for c in credits}
    one = campaigns.pop() if len(campaigns) == 1 else ""
    return f"{w['title']} – {one}" if one else w["title"]


def _shown(c: Credit, w: dict) -> list[tuple[str, str]]:
    out = []
    for key in SHOWN:
        value = c.values.get(key, "")
        if value:
            if key == "prompt":
                value = f"{w['quote'][0]}{value}{w['quote'][1]}"
            out.append((w[key], value))
    return out


def to_text(credits: list[Credit], lang: str = "de") -> str:
    """One paragraph per image, fields separated by ' · ' (line breaks in a prompt become spaces)."""
    w = WORDS[lang]
    lines = [_title(credits, w), ""]
    if not credits:
        lines.append(w["none"])
    for c in credits:
        parts = [f"{k}: {' '.join(v.split())}" for k, v in _shown(c, w)]
        lines.append(f"{c.image} – " + " · ".join(parts))
    return "\n".join(lines) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup or raw HTML; & as an entity."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))


def to_markdown(credits: list[Credit], lang: str = "de") -> str:
    w = WORDS[lang]
    lines = [f"## {md_escape(_title(credits, w))}", ""]
    if not credits:
        lines.append(w["none"])
    for c in credits:
        lines.append(f"- **{md_escape(c.image)}**  ")
        for key, value in _shown(c, w):
            body = "  \n    ".join(md_escape(line) for line in value.split("\n"))
            lines.append(f"  {key}: {body}  ")
        lines[-1] = lines[-1].rstrip()
    return "\n".join(lines) + "\n"


def to_html(credits: list[Credit], lang: str = "de") -> str:
    """An HTML fragment (a <section>) to put into a page; every value escaped, line breaks kept."""
    w = WORDS[lang]

    def esc(text: str) -> str:
        return html.escape(text, quote=True).replace("\n", "<br>\n")

    out = [f'<section class="kilabel-credits" lang="{lang}">', f"<h2>{esc(_title(credits, w))}</h2>"]
    if not credits:
        out.append(f"<p>{esc(w['none'])}</p>")
    for c in credits:
        out.append(f'<article class="credit">\n<h3>{esc(c.image)}</h3>\n<dl>')
        for key, value in _shown(c, w):
            out.append(f"<dt>{esc(key)}</dt><dd>{esc(value)}</dd>")
        out.append("</dl>\n</article>")
    out.append("</section>")
    return "\n".join(out) + "\n"


def to_csv(credits: list[Credit], lang: str = "de") -> str:
    """One row per image, every field (headers in the chosen language), values verbatim."""
    w = WORDS[lang]
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([w[k] for k in FIELDS])
    for c in credits:
        writer.writerow([c.image, *(c.values.get(k, "") for k in FIELDS[1:])])
    return buf.getvalue()


def render(credits: list[Credit], fmt: str = "text", lang: str = "de") -> str:
    if lang not in WORDS:
        raise ValueError(f"language '{lang}' (known: {', '.join(WORDS)})")
    return {"text": to_text, "md": to_markdown, "html": to_html, "csv": to_csv}[fmt](credits, lang)
