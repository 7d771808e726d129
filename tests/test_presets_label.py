"""Label presets (validation, wording, language) and the label as drawn."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from kilabel import presets
from kilabel.errors import ConfigError
from kilabel.pipeline import label_render
from kilabel.provenance import Provenance

SHIPPED = ["ki-generiert", "ki-montage", "mit-ki-erstellt", "credit-line"]


def test_shipped_presets_load_with_both_languages():
    items, errors = presets.load_all([presets.paths.PRESETS / "labels"])
    assert not errors
    for pid in SHIPPED:
        assert pid in items and items[pid].text["de"] and items[pid].text["en"]
    assert items["ki-generiert"].wording("de") == "KI-generiert"
    assert items["ki-generiert"].wording("en") == "AI-generated"
    assert items["ki-montage"].wording("de") == "KI-generierte Montage" and items["ki-montage"].says_montage
    assert items["mit-ki-erstellt"].wording("en") == "Made with AI"


def test_credit_line_uses_provenance_fields():
    p = presets.get("credit-line")
    fields = Provenance(
        source_type="trainedAlgorithmicMedia", ai_system="Midjourney", ai_version="7", creator="Agentur X"
    ).as_fields()
    assert p.wording("de", fields) == "Bild: KI-generiert mit Midjourney 7 · Agentur X"
    assert p.wording("en", fields).startswith("Image: AI-generated with Midjourney 7")


@pytest.mark.parametrize(
    "body,field",
    [
        ('id = "x"\ntext = { de = "KI" }\n', "text"),
        ('id = "x"\ntext = { de = "KI", en = "AI" }\n[placement]\nposition = "somewhere"\n', "position"),
        ('id = "x"\ntext = { de = "KI", en = "AI" }\n[size]\nshare = "big"\n', "share"),
        ('id = "x"\ntext = { de = "KI", en = "AI" }\n[style]\ntext_color = "red"\n', "text_color"),
        ('id = "x"\ntext = { de = "KI", en = "AI" }\ncolour = 1\n', "colour"),
        ('id = "x"\ntext = { de = "KI {", en = "AI" }\n', "text.de"),
        ('id = "x"\ntext = [', "TOML"),
    ],
)
def test_bad_preset_names_file_and_field(tmp_path, body, field):
    path = tmp_path / "broken.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        presets.load_preset(path)
    assert str(path) in str(err.value) and field in str(err.value)


def test_user_folder_presets_and_errors_collected(tmp_path, monkeypatch):
    folder = presets.paths.user_presets_dir() / "labels"
    folder.mkdir(parents=True)
    (folder / "eigene.toml").write_text(
        'id = "eigene"\ntext = { de = "Mit KI gemacht", en = "Made with AI" }\n'
    )
    (folder / "kaputt.toml").write_text('id = "kaputt"\n')
    items, errors = presets.load_all()
    assert "eigene" in items and "ki-generiert" in items
    assert len(errors) == 1 and "kaputt.toml" in errors[0]
    saved = presets.save_preset(dataclasses.replace(items["eigene"], id="kopie"))
    assert presets.load_preset(saved).wording("de") == "Mit KI gemacht"


def test_label_size_follows_image_and_print():
    p = presets.get("ki-generiert")
    small = label_render.place(p, "KI-generiert", (1200, 800))
    big = label_render.place(p, "KI-generiert", (12000, 8000))
    assert small.font_px == round(p.size.share * 800)
    assert 9.5 <= big.font_px / small.font_px <= 10.5, "same look relative to the image"
    assert 9.5 <= big.width / small.width <= 10.5
    tiny = label_render.place(p, "KI-generiert", (200, 150))
    assert tiny.font_px == p.size.min_px, "never below the pixel minimum"
    # print: 10 pt at 300 dpi = 41.7 px, whatever the pixel count
    printed = label_render.place(p, "KI-generiert", (7016, 9933), px_per_mm=300 / 25.4)
    assert printed.font_px == round(10 * 25.4 / 72 * 300 / 25.4)


@pytest.mark.parametrize("position", presets.ANCHORS)
def test_nine_anchors_inside_margin(position):
    p = presets.get("ki-generiert").with_placement(position=position)
    g = label_render.place(p, "KI-generiert", (1000, 800))
    a = g.area
    assert a[0] <= g.x and g.x + g.width <= a[2] and a[1] <= g.y and g.y + g.height <= a[3]
    horiz = position.split("-")[-1] if "-" in position else "center"
    if horiz == "left":
        assert g.x == a[0]
    if horiz == "right":
        assert g.x + g.width == a[2]


def test_vertical_variant_runs_along_the_edge():
    p = presets.get("ki-generiert-vertikal")
    g = label_render.place(p, "KI-generiert", (1200, 900))
    assert g.height > 3 * g.width
    assert g.x + g.width == g.area[2]


@pytest.mark.parametrize("bg", [(250, 250, 245), (10, 12, 20), (128, 128, 128)])
def test_legible_on_light_dark_and_mid_images(bg):
    img = Image.new("RGB", (800, 600), bg)
    _, text_rgb, under = label_render.apply(img, presets.get("ki-generiert"), "KI-generiert")
    assert label_render.contrast_ratio(text_rgb, under) >= 7


def test_umlauts_and_sharp_s_render_as_glyphs():
    f = label_render.font("NotoSans-Bold.ttf", 40)
    missing = f.getmask("\ue000").getbbox()
    for ch in "ÄÖÜäöüß":
        assert f.getmask(ch).getbbox() != missing
    img = Image.new("RGB", (600, 200), "white")
    label_render.apply(img, presets.get("ki-generiert").with_placement(position="center"), "Größe ÄÖÜ")
    assert ImageChops.difference(img, Image.new("RGB", img.size, "white")).getbbox()


def test_only_label_region_changes():
    img = Image.new("RGB", (1000, 700), (90, 140, 200))
    before = img.copy()
    geom, _, _ = label_render.apply(img, presets.get("ki-generiert"), "KI-generiert")
    diff = ImageChops.difference(img, before).getbbox()
    assert diff and geom.x <= diff[0] and diff[2] <= geom.x + geom.width
    assert geom.y <= diff[1] and diff[3] <= geom.y + geom.height


def test_watermark_tiled_and_once():
    tiled = presets.get("wasserzeichen")
    img = Image.new("RGB", (900, 600), (200, 200, 200))
    label_render.apply(img, tiled, "KI-generiert")
    diff = ImageChops.difference(img, Image.new("RGB", img.size, (200, 200, 200)))
    for quadrant in [(0, 0, 450, 300), (450, 0, 900, 300), (0, 300, 450, 600)]:
        assert diff.crop(quadrant).getbbox(), f"tiled watermark missing in {quadrant}"
    once = dataclasses.replace(tiled, watermark=dataclasses.replace(tiled.watermark, mode="once"))
    img2 = Image.new("RGB", (900, 600), (200, 200, 200))
    label_render.apply(img2, once, "KI-generiert")
    d2 = ImageChops.difference(img2, Image.new("RGB", img2.size, (200, 200, 200)))
    assert d2.crop((350, 250, 550, 350)).getbbox() and not d2.crop((0, 0, 150, 150)).getbbox()


def test_watermark_logo(tmp_path):
    logo = Path(presets.paths.asset("icons", "kilabel-128.png"))
    assert logo.exists()
    p = presets.get("wasserzeichen")
    p = dataclasses.replace(
        p, watermark=dataclasses.replace(p.watermark, logo=str(logo), mode="once", opacity=0.5)
    )
    img = Image.new("RGB", (800, 800), "white")
    label_render.apply(img, p, "KI-generiert")
    assert (
        ImageChops.difference(img, Image.new("RGB", img.size, "white")).crop((300, 300, 500, 500)).getbbox()
    )


def test_preview_geometry_matches_export():
    p = presets.get("ki-generiert")
    full = label_render.place(p, "KI-generiert", (8000, 6000))
    small = Image.new("RGB", (800, 600), "white")
    geom, _, _ = label_render.apply(small, p, "KI-generiert", scale=0.1, full_size=(8000, 6000))
    assert geom == full
    s = full.scaled(0.1)
    assert abs(s.x - full.x / 10) <= 1 and abs(s.width - full.width / 10) <= 1
