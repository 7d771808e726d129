"""The public transparency page (`kilabel register publish`): exactly the entries marked public,
prompts only where allowed, corrections linked with their reason, valid and accessible HTML in
German and English, the same data as JSON and CSV, and a look in headless Chromium at phone and
desktop width (on SQLite and on the PostgreSQL server)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run_cli
from PIL import Image
from register_helpers import entry

from kilabel.register import publish

NASTY = 'Plakat <script>alert("x")</script> & „Buchstadt“'


class Page(HTMLParser):
    """What the tests look at: the structure, every article, image and link, and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.html_lang = ""
        self.articles: list[int] = []
        self.headings: dict[str, int] = {}
        self.images: list[dict] = []
        self.links: list[str] = []
        self.scripts = 0
        self.text: list[str] = []
        self.errors: list[str] = []

    VOID = {"meta", "link", "img", "br", "hr", "input"}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang", "")
        if tag == "article":
            self.articles.append(int(a["id"].removeprefix("entry-")))
        if tag in ("h1", "h2", "h3"):
            self.headings[tag] = self.headings.get(tag, 0) + 1
        if tag == "img":
            self.images.append(a)
        if tag == "a":
            self.links.append(a.get("href", ""))
        if tag == "script":
            self.scripts += 1
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else '-'}>")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] not in ("style", "title"):
            self.text.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    assert page.errors == [] and page.stack == [], (page.errors, page.stack)
    return page


@pytest.fixture
def filled(any_register, tmp_path):
    """Six entries: three of campaign Buchstadt marked public (one withdrawn again), one marked
    without its prompt, a correction of a public one, and one never marked."""
    reg = any_register
    outs = tmp_path / "outputs"
    outs.mkdir()
    paths = {}
    for n, size in ((1, (800, 600)), (2, (600, 800)), (3, (640, 480)), (4, (800, 600)), (5, (300, 300))):
        paths[n] = outs / f"motiv{n}-web.jpg"
        Image.new("RGB", size, (40 * n, 120, 200 - 30 * n)).save(paths[n], quality=90)
    e1 = reg.add(entry(1, prompt=NASTY, output_path=str(paths[1]), creator="Agentur Süd"))
    e2 = reg.add(entry(2, output_path=str(paths[2])))
    e3 = reg.add(entry(3, campaign="Intern", prompt="geheimer Entwurf", output_path=str(paths[3])))
    e5 = reg.add(entry(5, campaign="Wahl", prompt="nicht öffentlich", output_path=str(paths[5])))
    e6 = reg.add(entry(6, output_path=str(outs / "gone.jpg")))  # output not reachable: no picture
    reg.mark_public([e1.id, e2.id, e6.id], operator="Erika")
    reg.mark_public([e5.id], prompt=False)
    reg.mark_public([e2.id], public=False)  # withdrawn: the newest mark wins
    fix = reg.add(
        entry(4, supersedes=e1.id, reason="Kennzeichnung fehlte", output_path=str(paths[4]), prompt=NASTY)
    )
    return reg, {"e1": e1, "e2": e2, "e3": e3, "e5": e5, "e6": e6, "fix": fix}


def test_publish_lists_exactly_the_public_entries(filled, tmp_path):
    reg, e = filled
    out = tmp_path / "site"
    shown = publish.publish(reg, out, organisation="Stadt Musterstadt")
    expected = {e["e1"].id, e["fix"].id, e["e5"].id, e["e6"].id}
    assert {p.entry.id for p in shown} == expected

    de, en = parse(out / "index.html"), parse(out / "en" / "index.html")
    assert set(de.articles) == set(en.articles) == expected
    assert de.articles == sorted(expected, reverse=True)  # newest first
    assert de.html_lang == "de" and en.html_lang == "en"
    assert de.headings["h1"] == 1 and de.headings["h2"] == len(expected)
    assert de.scripts == en.scripts == 0
    text = " ".join(de.text)
    assert NASTY in text  # escaped, shown as written
    assert "geheimer Entwurf" not in text and "nicht öffentlich" not in text  # not public / prompt withheld
    assert "nicht veröffentlicht" in text and "not published" in " ".join(en.text)
    assert "Stadt Musterstadt" in text and "Kennzeichnung fehlte" in text
    # the superseded entry links to its correction and the correction back
    assert f"#entry-{e['fix'].id}" in de.links and f"#entry-{e['e1'].id}" in de.links
    assert "en/index.html" in de.links and "../index.html" in en.links
    # pictures: every reachable output has one with an alt text; the unreachable one has none
    assert len(de.images) == 3 and all(img["alt"] for img in de.images)
    assert all(img["src"].startswith("../thumbs/") for img in en.images)
    for img in de.images:
        with Image.open(out / img["src"]) as thumb:
            assert thumb.format == "JPEG" and max(thumb.size) <= publish.THUMB_PX
    assert not (out / "thumbs" / f"{e['e6'].id}.jpg").exists()

    doc = json.loads((out / "register.json").read_text(encoding="utf-8"))
    assert {row["id"] for row in doc["entries"]} == expected and doc["public"] is True
    by_id = {row["id"]: row for row in doc["entries"]}
    assert by_id[e["e5"].id]["prompt"] == "" and by_id[e["e5"].id]["prompt_public"] is False
    assert by_id[e["e1"].id]["prompt"] == NASTY and by_id[e["e1"].id]["status"] == "superseded"
    assert not {"operator", "machine", "input_path", "output_path"} & set(doc["columns"])
    rows = list(csv.DictReader(io.StringIO((out / "register.csv").read_text(encoding="utf-8-sig"))))
    assert {int(r["id"]) for r in rows} == expected
    assert "Erika" not in (out / "register.csv").read_text(encoding="utf-8-sig")


def test_publish_with_nothing_public_says_so(any_register, tmp_path):
    any_register.add(entry(1))
    publish.publish(any_register, tmp_path / "site")
    page = parse(tmp_path / "site" / "index.html")
    assert page.articles == [] and "Noch keine veröffentlichten Einträge." in " ".join(page.text)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail(
        "chromium is missing: install the Debian package 'chromium' (tools/setup.sh does)", pytrace=False
    )


def screenshot(page: Path, png: Path, width: int, height: int = 1400) -> None:
    """The page as headless Chromium draws it at this window width."""
    cmd = [
        _chromium(),
        "--headless",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        f"--user-data-dir={png.parent / ('profile-' + png.stem)}",
        f"--window-size={width},{height}",
        f"--screenshot={png}",
        page.as_uri(),
    ]
    if os.geteuid() == 0:
        cmd.insert(1, "--no-sandbox")  # Chromium's sandbox refuses root
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert png.exists(), proc.stderr[-2000:]


def test_the_page_renders_in_chromium_at_phone_and_desktop_width(filled, tmp_path):
    reg, _ = filled
    out = tmp_path / "site"
    publish.publish(reg, out, organisation="Stadt Musterstadt")
    for lang, page in (("de", out / "index.html"), ("en", out / "en" / "index.html")):
        for width in (390, 1280):
            png = tmp_path / f"{lang}-{width}.png"
            screenshot(page, png, width)
            with Image.open(png) as img:
                assert img.size[0] == width
                gray = img.convert("L")
                # drawn, not blank: dark text and light background both present
                lo, hi = gray.getextrema()
                assert lo < 60 and hi > 240
                # no horizontal overflow: the right-most column is background, not cut-off content
                edge = gray.crop((width - 2, 0, width, img.size[1]))
                assert edge.getextrema()[0] > 200, f"{lang} at {width}px: content reaches the right edge"
    keep = os.environ.get("KILABEL_KEEP_SCREENSHOTS")  # to look at them: a folder to copy them to
    if keep:
        for png in tmp_path.glob("*.png"):
            shutil.copy(png, Path(keep) / f"publish-{png.name}")


def test_cli_mark_public_and_publish(make_image, tmp_path, kilabel_home):
    from kilabel.register.store import open_register

    with open_register() as reg:
        reg.add(entry(1, campaign="Buchstadt"))
        reg.add(entry(2, campaign="Wahl"))
        reg.add(entry(3, campaign="Buchstadt", prompt="intern"))
    assert (
        "2 entries marked public, with their prompt"
        in run_cli("register", "mark-public", "--campaign", "buchstadt").stderr
    )
    marked = run_cli("register", "mark-public", "--ids", "3", "--no-prompt")
    assert marked.returncode == 0 and "without their prompt" in marked.stderr
    none = run_cli("register", "mark-public", "--campaign", "Gibtsnicht")
    assert none.returncode == 2 and "no register entries in campaign" in none.stderr
    missing = run_cli("register", "mark-public", "--ids", "99")
    assert missing.returncode == 2 and "no register entry 99" in missing.stderr
    done = run_cli("register", "publish", "--out", str(tmp_path / "site"))
    assert done.returncode == 0 and "2 public entries" in done.stderr
    page = parse(tmp_path / "site" / "index.html")
    assert sorted(page.articles) == [1, 3] and "intern" not in " ".join(page.text)
    (tmp_path / "file").write_text("x")
    bad = run_cli("register", "publish", "--out", str(tmp_path / "file"))
    assert bad.returncode == 1 and "not a folder" in bad.stderr
