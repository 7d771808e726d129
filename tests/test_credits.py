"""Image credits: one per image, the prompt included, every format, escaping, German and English."""

from __future__ import annotations

import csv
import html.parser
import io

import pytest
from register_helpers import entry

from kilabel.register import credits
from kilabel.register.store import SqliteRegister

EVIL = 'Wahlplakat <script>alert("x")</script> & "Zitat"\nzweite Zeile *fett* [link](http://x)'


@pytest.fixture
def reg(tmp_path):
    with SqliteRegister(tmp_path / "r.sqlite") as r:
        web = r.add(entry(1, prompt=EVIL, creator="Agentur Süd", credit="Bild: KI-generiert / Agentur Süd"))
        r.add(
            entry(
                1,
                profile_id="print-a2",
                output_name="motiv1-a2.pdf",
                prompt=EVIL,
                creator="Agentur Süd",
                credit="Bild: KI-generiert / Agentur Süd",
            )
        )
        r.add(
            entry(
                2,
                ai_system="DALL-E",
                ai_version="3",
                source_type="compositeWithTrainedAlgorithmicMedia",
                label_text="KI-Montage",
                prompt="Rathaus bei Nacht",
            )
        )
        r.add(
            entry(
                3,
                supersedes=web.id,
                reason="wrong prompt",
                input_name="motiv1-web.jpg",
                prompt="korrigierter Prompt",
                creator="Agentur Süd",
                credit="Bild: KI-generiert / Agentur Süd",
            )
        )
        r.add(entry(4, campaign="Wahl", prompt="anderes"))
        yield r


def _collect(reg, lang="de", **kw):
    return credits.collect(reg, credits.select(reg, **kw), lang)


def test_one_credit_per_image_current_values(reg):
    items = _collect(reg, campaign="Buchstadt")
    assert [c.image for c in items] == ["motiv1.jpg", "motiv2.jpg"]
    one = items[0]
    # web and print exports of one input are one image; the newest entry (the correction) speaks for it
    assert one.values["prompt"] == "korrigierter Prompt"
    assert one.outputs == ["motiv1-a2.pdf", "motiv3-web.jpg"]
    assert items[1].values["ai"] == "DALL-E 3" and items[1].values["source"] == "Montage mit KI-Anteil"
    assert [c.image for c in _collect(reg, ids=[5])] == ["motiv4.jpg"]


def test_text_is_plain_and_german(reg):
    text = credits.render(_collect(reg, campaign="Buchstadt"), "text", "de")
    lines = text.splitlines()
    assert lines[0] == "Bildnachweise – Buchstadt"
    assert lines[2].startswith("motiv1.jpg – Kennzeichnung: KI-generiert")
    assert "KI-System: Midjourney 6.1" in text and "Urheber: Agentur Süd" in text
    assert "Bildnachweis: Bild: KI-generiert / Agentur Süd" in text
    assert "Prompt: „Rathaus bei Nacht“" in text
    assert len(lines) == 4  # one paragraph per image, prompt line breaks folded


def test_english_wording(reg):
    text = credits.render(_collect(reg, "en", campaign="Buchstadt"), "text", "en")
    assert text.startswith("Image credits – Buchstadt")
    assert "AI system: DALL-E 3" in text and "Source type: Composite with AI elements" in text
    assert "Prompt: “Rathaus bei Nacht”" in text


class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_html_escapes_the_prompt(reg):
    items = _collect(reg)
    items[0].values["prompt"] = EVIL
    out = credits.render(items, "html", "de")
    assert "<script" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Zitat&quot;" in out
    parser = _Collector()
    parser.feed(out)
    assert "script" not in parser.tags
    assert set(parser.tags) <= {"section", "h2", "h3", "article", "dl", "dt", "dd", "br"}
    assert any('<script>alert("x")</script>' in t for t in parser.text)  # reads back as the literal prompt


def test_markdown_escapes_markup(reg):
    items = _collect(reg)
    items[0].values["prompt"] = EVIL
    out = credits.render(items, "md", "de")
    assert "<script>" not in out and r"\<script\>" in out
    assert r"\*fett\*" in out and r"\[link\]" in out and "&amp;" in out
    assert out.startswith("## Bildnachweise")


def test_csv_parses_back(reg):
    items = _collect(reg)
    items[0].values["prompt"] = EVIL
    rows = list(csv.reader(io.StringIO(credits.render(items, "csv", "en"), newline="")))
    assert rows[0][:6] == ["Image", "Label", "Source type", "AI system", "Prompt", "Prompt by"]
    assert rows[1][0] == "motiv1.jpg" and rows[1][4] == EVIL
    assert len(rows) == 1 + len(items)
    de = list(csv.reader(io.StringIO(credits.render(items, "csv", "de"))))
    assert de[0][:3] == ["Bild", "Kennzeichnung", "Art der Entstehung"]


def test_empty_selection_says_so():
    assert "Keine Einträge." in credits.render([], "text", "de")
    assert "No entries." in credits.render([], "html", "en")
