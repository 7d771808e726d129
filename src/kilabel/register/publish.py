"""The public transparency page: `kilabel register publish --out DIR`.

Which entries: those marked public (`kilabel register mark-public`, Register.mark_public; the newest
mark of an entry wins). A correction of a public entry inherits its parent's decision unless it has
its own mark, so a published mistake and its correction are both on the page. The prompt is shown
only where the mark allows it.

What it writes: index.html (German) and en/index.html (English), self-contained (inline style, no
scripts, no fonts or files from elsewhere), with lang attributes, a heading per entry, alt texts
and colours of at least 7:1 contrast; register.json and register.csv with the public columns
(csv_json) plus `prompt_public`; thumbs/ID.jpg, a small JPEG of each output this machine can read.
Every file is written next to its place and renamed into it, so a web server never serves half.
"""

from __future__ import annotations

import dataclasses
import html
import os
from dataclasses import dataclass
from pathlib import Path

from kilabel import __version__
from kilabel.provenance import source_type_label
from kilabel.register import csv_json
from kilabel.register.base import Entry, Mark, Register, now_utc

THUMB_PX = 480  # the longer edge of a thumbnail: sharp in a 240 px wide card on a 2x screen


@dataclass
class Published:
    entry: Entry
    prompt_public: bool
    thumb: str = ""  # path relative to the page folder, '' if the output was not reachable
    size: tuple[int, int] = (0, 0)  # the thumbnail's pixels (the <img>'s width and height)


def public_entries(register: Register) -> list[Published]:
    """The entries on the page, oldest first: marked public themselves, or corrections (at any
    depth) of an entry that is, without a mark of their own."""
    entries = register.query()
    marks = register.marks()
    by_id = {e.id: e for e in entries}
    decided: dict[int, Mark | None] = {}

    def mark_of(e: Entry) -> Mark | None:
        if e.id not in decided:
            decided[e.id] = None  # a cycle cannot happen (ids grow), but never loop
            own = marks.get(e.id)
            parent = by_id.get(e.supersedes) if e.supersedes is not None else None
            decided[e.id] = own if own is not None else (mark_of(parent) if parent else None)
        return decided[e.id]

    out = []
    for e in entries:
        mark = mark_of(e)
        if mark is not None and mark.public:
            out.append(Published(e, mark.prompt_public))
    return out


WORDS = {
    "de": {
        "title": "KI-Register: Bilder, die mit künstlicher Intelligenz erstellt wurden",
        "intro": (
            "Diese Seite listet die veröffentlichten Bilder, die ganz oder teilweise mit "
            "künstlicher Intelligenz (KI) erzeugt wurden: mit der sichtbaren Kennzeichnung, dem "
            "KI-System, dem Prompt (wo er veröffentlicht werden darf) und jeder Korrektur."
        ),
        "org": "Herausgegeben von {org}.",
        "count": "{n} Einträge, Stand {date}.",
        "download": "Als Daten herunterladen:",
        "other": ("English", "en/index.html", "en"),
        "entry": "Eintrag {id}",
        "image_alt": "Vorschau des Bildes {name}, gekennzeichnet mit „{label}“",
        "no_image": "Keine Vorschau verfügbar",
        "label": "Kennzeichnung",
        "source": "Art der Entstehung",
        "ai": "KI-System",
        "prompt": "Prompt",
        "prompt_hidden": "nicht veröffentlicht",
        "campaign": "Kampagne",
        "date": "Datum",
        "creator": "Urheber",
        "file": "Datei",
        "register_id": "Register-Nr.",
        "superseded": "Korrigiert durch {link}",
        "correction": "Korrektur von {link}",
        "reason": "Grund: {reason}",
        "no_reason": "ohne Angabe eines Grundes",
        "none": "Noch keine veröffentlichten Einträge.",
        "footer": "Erstellt mit kilabel {version}. SHA-256 jeder Datei steht in den Daten (JSON, CSV).",
        "date_format": "{d}.{m}.{y}",
    },
    "en": {
        "title": "AI register: images made with artificial intelligence",
        "intro": (
            "This page lists the published images that were made wholly or partly with "
            "artificial intelligence (AI): with their visible label, the AI system, the prompt "
            "(where it may be published) and every correction."
        ),
        "org": "Published by {org}.",
        "count": "{n} entries, as of {date}.",
        "download": "Download as data:",
        "other": ("Deutsch", "../index.html", "de"),
        "entry": "Entry {id}",
        "image_alt": "Preview of the image {name}, labelled “{label}”",
        "no_image": "No preview available",
        "label": "Label",
        "source": "Source type",
        "ai": "AI system",
        "prompt": "Prompt",
        "prompt_hidden": "not published",
        "campaign": "Campaign",
        "date": "Date",
        "creator": "Creator",
        "file": "File",
        "register_id": "Register no.",
        "superseded": "Corrected by {link}",
        "correction": "Correction of {link}",
        "reason": "Reason: {reason}",
        "no_reason": "no reason given",
        "none": "No published entries yet.",
        "footer": "Made with kilabel {version}. The SHA-256 of every file is in the data (JSON, CSV).",
        "date_format": "{y}-{m}-{d}",
    },
}

# Colours: text #1b1b1b and links #0a4fa8 on white, notes #4a4a4a: all at least 7:1 (WCAG AAA).
STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  font-size: 1rem; line-height: 1.5; color: #1b1b1b; background: #ffffff; }
a { color: #0a4fa8; text-underline-offset: 0.15em; }
a:focus-visible { outline: 3px solid #0a4fa8; outline-offset: 2px; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem; }
header { border-bottom: 1px solid #d0d0d0; }
.lang { text-align: right; margin: 0; }
h1 { font-size: clamp(1.4rem, 4vw, 2rem); line-height: 1.25; margin: 0.5rem 0; }
.meta { color: #4a4a4a; }
.entries { list-style: none; padding: 0; margin: 0; display: grid; gap: 1.25rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
article { border: 1px solid #c8c8c8; border-radius: 0.5rem; overflow: hidden; height: 100%;
  display: flex; flex-direction: column; background: #ffffff; }
article:target { outline: 3px solid #0a4fa8; }
.thumb { position: relative; background: #f2f2f2; aspect-ratio: 4 / 3; display: flex;
  align-items: center; justify-content: center; color: #4a4a4a; }
.thumb.none { aspect-ratio: auto; padding: 0.75rem 1rem; justify-content: flex-start; }
.thumb img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
.body { padding: 0.75rem 1rem 1rem; }
h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.75rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.prompt { white-space: pre-wrap; }
.hidden { color: #4a4a4a; font-style: italic; }
.note { margin: 0.75rem 0 0; padding: 0.5rem 0.75rem; border-left: 4px solid #8a5a00;
  background: #fff6e0; }
.note.fix { border-left-color: #0a4fa8; background: #eef4fc; }
.status { font-weight: 600; }
footer { color: #4a4a4a; border-top: 1px solid #d0d0d0; font-size: 0.9rem; }
@media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dt { margin-top: 0.35rem; } }
"""


def _date(created: str, lang: str) -> str:
    y, m, d = created[:4], created[5:7], created[8:10]
    return WORDS[lang]["date_format"].format(y=y, m=m, d=d) if len(created) >= 10 else created


def _entry_link(entry_id: int, w: dict, shown: set[int]) -> str:
    text = html.escape(w["entry"].format(id=entry_id))
    return f'<a href="#entry-{entry_id}">{text}</a>' if entry_id in shown else text


def _card(p: Published, lang: str, prefix: str, shown: set[int]) -> str:
    """One entry as an <article>: picture, heading, details, correction notes."""
    w, e = WORDS[lang], p.entry
    esc = html.escape
    label = e.label_text or "-"
    if p.thumb:
        alt = w["image_alt"].format(name=e.output_name, label=e.label_text)
        w_px, h_px = p.size
        picture = f'<img src="{esc(prefix + p.thumb)}" alt="{esc(alt)}" loading="lazy" width="{w_px}" height="{h_px}">'
    else:
        picture = f"<span>{esc(w['no_image'])}</span>"
    box = "thumb" if p.thumb else "thumb none"
    ai = " ".join(filter(None, [e.ai_system, e.ai_version])) or "-"
    if p.prompt_public:
        prompt = f'<dd class="prompt">{esc(e.prompt) if e.prompt else "-"}</dd>'
    else:
        prompt = f'<dd class="hidden">{esc(w["prompt_hidden"])}</dd>'
    rows = [
        (w["label"], f"<dd>{esc(label)}</dd>"),
        (w["source"], f"<dd>{esc(source_type_label(e.source_type, lang) or '-')}</dd>"),
        (w["ai"], f"<dd>{esc(ai)}</dd>"),
        (w["prompt"], prompt),
        (w["campaign"], f"<dd>{esc(e.campaign or '-')}</dd>"),
        (w["creator"], f"<dd>{esc(e.creator or '-')}</dd>"),
        (w["date"], f'<dd><time datetime="{esc(e.created[:10])}">{esc(_date(e.created, lang))}</time></dd>'),
        (w["file"], f"<dd>{esc(e.output_name or '-')}</dd>"),
        (w["register_id"], f"<dd>{esc(e.register_id or '-')}</dd>"),
    ]
    notes = []
    reason = lambda r: esc(w["reason"].format(reason=r) if r else w["no_reason"])  # noqa: E731
    if e.superseded_by is not None:
        link = _entry_link(e.superseded_by, w, shown)
        notes.append(f'<p class="note"><span class="status">{w["superseded"].format(link=link)}</span></p>')
    if e.supersedes is not None:
        link = _entry_link(e.supersedes, w, shown)
        notes.append(f'<p class="note fix">{w["correction"].format(link=link)}. {reason(e.reason)}</p>')
    details = "".join(f"<dt>{esc(k)}</dt>{v}" for k, v in rows)
    return (
        f'<li><article id="entry-{e.id}" aria-labelledby="h-{e.id}">'
        f'<div class="{box}">{picture}</div><div class="body">'
        f'<h2 id="h-{e.id}">{esc(w["entry"].format(id=e.id))}: {esc(label)}</h2>'
        f"<dl>{details}</dl>{''.join(notes)}</div></article></li>"
    )


def render(published: list[Published], lang: str, *, organisation: str = "", generated: str = "") -> str:
    """The whole page in one language (newest entries first)."""
    w = WORDS[lang]
    esc = html.escape
    prefix = "../" if lang == "en" else ""
    other_name, other_href, other_lang = w["other"]
    org = f'<p class="meta">{esc(w["org"].format(org=organisation))}</p>' if organisation else ""
    shown = {p.entry.id for p in published}
    cards = "\n".join(_card(p, lang, prefix, shown) for p in reversed(published))
    body = f'<ol class="entries" reversed>\n{cards}\n</ol>' if published else f"<p>{esc(w['none'])}</p>"
    generated = generated or now_utc()
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(w["title"])}</title>
<link rel="alternate" hreflang="{other_lang}" href="{other_href}">
<style>{STYLE}</style>
</head>
<body>
<header>
<p class="lang"><a href="{other_href}" hreflang="{other_lang}" lang="{other_lang}">{other_name}</a></p>
<h1>{esc(w["title"])}</h1>
<p>{esc(w["intro"])}</p>
{org}
<p class="meta">{esc(w["count"].format(n=len(published), date=_date(generated, lang)))}
{esc(w["download"])} <a href="{prefix}register.json" type="application/json">JSON</a>,
<a href="{prefix}register.csv" type="text/csv">CSV</a></p>
</header>
<main>
{body}
</main>
<footer><p>{esc(w["footer"].format(version=__version__))}</p></footer>
</body>
</html>
"""


def thumbnail(source: Path, target: Path) -> tuple[int, int] | None:
    """A small JPEG of an exported image (sRGB, longest edge THUMB_PX), its size; None if it cannot
    be read (moved, another machine's path, a PDF)."""
    import warnings

    from PIL import Image, ImageOps

    if source.suffix.lower() == ".pdf" or not source.is_file():
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(source) as img:
                img.draft("RGB", (THUMB_PX, THUMB_PX))
                img = ImageOps.exif_transpose(img)
                img.thumbnail((THUMB_PX, THUMB_PX))
                if img.mode in ("RGBA", "LA", "P"):
                    img = img.convert("RGBA")
                    flat = Image.new("RGB", img.size, (255, 255, 255))
                    flat.paste(img, mask=img.getchannel("A"))
                    img = flat
                elif img.mode != "RGB":
                    img = _to_srgb(img)
                _atomic(target, lambda tmp: img.save(tmp, "JPEG", quality=82, optimize=True))
    except Exception:  # damaged or not an image: the entry shows without a picture
        return None
    return img.size


def _to_srgb(img):
    """CMYK (print exports) and other modes to RGB, through the embedded ICC profile where there is one."""
    import io

    from PIL import ImageCms

    icc = img.info.get("icc_profile")
    if icc:
        try:
            src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(img, src, ImageCms.createProfile("sRGB"), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError):
            pass
    return img.convert("RGB")


def _atomic(target: Path, write) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def _text(target: Path, text: str, encoding: str = "utf-8") -> None:
    _atomic(target, lambda tmp: tmp.write_text(text, encoding=encoding, newline=""))


def data_entries(published: list[Published]) -> tuple[list[Entry], dict[int, bool]]:
    """The entries as the data files show them: a prompt that may not be published is empty."""
    entries = [p.entry if p.prompt_public else dataclasses.replace(p.entry, prompt="") for p in published]
    return entries, {p.entry.id: p.prompt_public for p in published}


def publish(register: Register, out: Path, *, organisation: str = "") -> list[Published]:
    """Write the page, its English twin, the data and the thumbnails into `out`; returns what is on it."""
    out = Path(out)
    published = public_entries(register)
    for p in published:
        name = f"thumbs/{p.entry.id}.jpg"
        size = thumbnail(Path(p.entry.output_path), out / name) if p.entry.output_path else None
        if size:
            p.thumb, p.size = name, size
    generated = now_utc()
    _text(out / "index.html", render(published, "de", organisation=organisation, generated=generated))
    _text(out / "en" / "index.html", render(published, "en", organisation=organisation, generated=generated))
    entries, prompt_public = data_entries(published)
    _text(out / "register.json", csv_json.to_json(entries, public=True, prompt_public=prompt_public))
    _text(
        out / "register.csv", csv_json.to_csv(entries, public=True, prompt_public=prompt_public), "utf-8-sig"
    )
    return published
