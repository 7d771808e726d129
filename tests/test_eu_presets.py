"""The eu- presets (EU Code of Practice icon): every format, print PDF as vector, the level following the
source type, the level mismatch and platform-crop warnings, legibility; and the watermark's spacing."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import photo
from PIL import Image, ImageChops, ImageOps

from kilabel import presets, profiles
from kilabel.check import ocr
from kilabel.errors import ConfigError
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline import eu_icon, label_render, preflight
from kilabel.provenance import SOURCE_TYPES, Provenance

GENERATED = Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney", ai_version="7")
MODIFIED = Provenance(source_type="compositeWithTrainedAlgorithmicMedia", ai_system="Firefly")
EU_IDS = sorted(k for k in presets.load_all([presets.paths.PRESETS / "labels"])[0] if k.startswith("eu-"))
FORMATS = [  # (input name, mode, profile id or None for same-as-input)
    ("a.jpg", "RGB", None),
    ("b.png", "RGBA", None),
    ("c.tif", "RGB", None),
    ("d.webp", "RGB", None),
    ("e.tif", "CMYK", None),
    ("f.jpg", "RGB", "brochure-a5-pdf"),
]


def shipped(pid: str) -> presets.LabelPreset:
    return presets.get(pid)


def with_level(preset: presets.LabelPreset, level: str) -> presets.LabelPreset:
    return dataclasses.replace(preset, eu=dataclasses.replace(preset.eu, level=level))


def test_ten_eu_presets_in_four_variants_with_and_without_text():
    assert len(EU_IDS) == 10
    items = [shipped(pid) for pid in EU_IDS]
    assert all(p.kind == "eu-icon" and p.eu.level == "auto" for p in items)
    assert sum(p.eu.text_line for p in items) == 5
    fixed = {(p.style.text_color, p.eu.opacity) for p in items if p.style.colors == "fixed"}
    assert fixed == {("#000000", 1.0), ("#FFFFFF", 1.0), ("#000000", 0.5), ("#FFFFFF", 0.5)}
    assert all(p.placement.position == "top-right" for p in items)


def test_level_lists_cover_every_ai_source_type():
    """presets.py may not import provenance; its EU lists must still name exactly the AI source types."""
    ai = {code for code, (_, _, is_ai) in SOURCE_TYPES.items() if is_ai}
    generated, modified = set(presets.EU_GENERATED_TYPES), set(presets.EU_MODIFIED_TYPES)
    assert generated | modified == ai and not generated & modified
    assert presets.eu_level("digitalCapture") == "basic" and presets.eu_level("") == "basic"


@pytest.mark.parametrize(
    "source_type,de,en",
    [
        ("trainedAlgorithmicMedia", "Vollständig KI-generiert", "Fully AI-generated"),
        ("compositeSynthetic", "Vollständig KI-generiert", "Fully AI-generated"),
        ("compositeWithTrainedAlgorithmicMedia", "Teilweise KI-verändert", "Partially AI-modified"),
        ("algorithmicallyEnhanced", "Teilweise KI-verändert", "Partially AI-modified"),
        ("", "Mit KI erstellt oder verändert", "Made or changed with AI"),
    ],
)
def test_wording_follows_the_source_type(source_type, de, en):
    p = shipped("eu-symbol-text")
    fields = Provenance(source_type=source_type).as_fields()
    assert p.wording("de", fields) == de and p.wording("en", fields) == en
    level = presets.eu_level(source_type)
    assert p.eu_reading(de) == (level, "de") and p.eu_reading(en) == (level, "en")
    assert with_level(p, "modified").wording("de", fields) == "Teilweise KI-verändert"  # a fixed level wins


def test_mark_follows_the_label_language():
    p = shipped("eu-symbol")
    for lang, mark in (("de", "KI"), ("en", "AI")):
        assert eu_icon.layout(p, p.wording(lang, GENERATED.as_fields()), 40).mark == mark


def _ink(img: Image.Image, box) -> int:
    """Dark pixels in a box of a white canvas."""
    return sum(
        ImageOps.invert(img.convert("L").crop(box)).point(lambda v: 255 if v > 128 else 0).histogram()[255:]
    )


def test_drawn_level_follows_the_source_type():
    """On white, the black icon's bar: full for generated, left half only for modified, none for basic."""
    p = shipped("eu-symbol-schwarz")
    drawn = {}
    for prov in (GENERATED, MODIFIED, Provenance(source_type="digitalCapture")):
        text = p.wording("de", prov.as_fields())
        img = Image.new("RGB", (1400, 1000), "white")
        geom, _, _ = label_render.apply(img, p, text)
        lay = eu_icon.layout(p, text, geom.font_px)
        drawn[presets.eu_level(prov.source_type)] = (img, geom, lay)
    img, geom, lay = drawn["generated"]
    x0, y0, x1, y1 = (round(v) for v in lay.bar)
    mid = (x0 + x1) // 2
    inset = round(lay.stroke) + 1
    right = (geom.x + mid + 3, geom.y + y0 + inset, geom.x + x1 - 3, geom.y + y1 - inset)  # in the right half
    # the badge is black; the bar is white (the counter colour) where it is filled
    assert _ink(img, right) == 0
    img_m, geom_m, lay_m = drawn["modified"]
    assert (geom_m.x, geom_m.y, lay_m.bar) == (
        geom.x,
        geom.y,
        lay.bar,
    )  # same size and place: only the fill differs
    assert _ink(img_m, right) > 0.8 * (right[2] - right[0]) * (right[3] - right[1])
    left = (geom.x + x0 + 3, geom.y + y0 + inset, geom.x + mid - 3, geom.y + y1 - inset)
    assert _ink(img, left) == _ink(img_m, left) == 0
    assert drawn["basic"][2].bar is None and drawn["basic"][1].height < geom.height


@pytest.mark.parametrize("name,mode,profile_id", FORMATS)
def test_every_eu_preset_renders_in_every_format(make_image, tmp_path, identity, name, mode, profile_id):
    src = make_image(name, (600, 420), mode)
    profile = profiles.get(profile_id) if profile_id else profiles.SAME_AS_INPUT
    for pid in EU_IDS:
        out = tmp_path / pid
        res = export_one(ExportTask(str(src), str(out), shipped(pid), profile, GENERATED), identity)
        assert res.ok, res.error
        assert res.label_text == ("Vollständig KI-generiert")
        path = Path(res.output)
        if profile_id:
            assert_vector_icon(path, shipped(pid))
            continue
        with Image.open(src) as a, Image.open(path) as b:
            assert b.mode == a.mode and b.size == a.size
            geom = label_render.place(shipped(pid), res.label_text, b.size)
            before, after = a.convert("RGB").crop(geom.box), b.convert("RGB").crop(geom.box)
            assert ImageChops.difference(before, after).getbbox(), f"{pid}: no icon drawn in {name}"


def assert_vector_icon(path: Path, preset: presets.LabelPreset) -> None:
    """The PDF's icon is text in the embedded Noto Sans Bold plus paths; its only image is the picture."""
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "NotoSans-Bold" in fonts and " yes " in fonts.splitlines()[-1], fonts
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "KI" in text
    assert ("Vollständig KI-generiert" in text) == preset.eu.text_line, text
    images = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert len(images.strip().splitlines()) == 3, images  # header, rule, the picture
    with pikepdf.open(path) as pdf:
        ops = set().union(*(_operators(page) for page in pdf.pages))
    assert "c" in ops and ops & {"f", "f*"}, ops  # the badge: a filled path with curved (rounded) corners
    assert "Tj" in ops or "TJ" in ops, ops


def _operators(page) -> set[str]:
    """Every content operator on a page, inside its form XObjects too (the label is laid over as one)."""
    ops = {str(op) for _, op in pikepdf.parse_content_stream(page)}
    for xobj in page.obj.get("/Resources", {}).get("/XObject", {}).values():
        if xobj.get("/Subtype") == "/Form":
            ops |= {str(op) for _, op in pikepdf.parse_content_stream(xobj)}
    return ops


def test_fixed_level_contradicting_the_source_type_warns():
    base = shipped("eu-symbol-text")
    gen, mod, basic = (with_level(base, level) for level in ("generated", "modified", "basic"))
    assert presets.eu_level_warnings(base, MODIFIED.source_type) == []  # auto follows
    assert presets.eu_level_warnings(gen, GENERATED.source_type) == []
    assert presets.eu_level_warnings(basic, MODIFIED.source_type) == []  # "AI was involved" is true
    [w] = presets.eu_level_warnings(gen, MODIFIED.source_type)
    assert w.code == "eu-level-generated-but-modified" and "compositeWithTrainedAlgorithmicMedia" in w
    [w] = presets.eu_level_warnings(mod, "trainedAlgorithmicMedia")
    assert w.code == "eu-level-modified-but-generated"
    [w] = presets.eu_level_warnings(mod, "digitalCapture")
    assert w.code == "eu-icon-no-ai" and "declares no AI" in w
    assert presets.eu_level_warnings(shipped("ki-generiert"), MODIFIED.source_type) == []


def test_export_warns_of_a_contradicting_level_not_of_a_montage(make_image, tmp_path, identity):
    """export/task.label_warnings gives the EU presets' own warnings instead of the montage mismatch: the
    auto level says "partially AI-modified" for a composite itself."""
    src = make_image("a.jpg", (600, 420))
    same = profiles.SAME_AS_INPUT
    fixed = with_level(shipped("eu-symbol-text"), "generated")
    res = export_one(ExportTask(str(src), str(tmp_path / "f"), fixed, same, MODIFIED), identity)
    codes = [getattr(w, "code", "") for w in res.warnings]
    assert "eu-level-generated-but-modified" in codes and "montage-missing" not in codes, res.warnings
    assert res.label_text == "Vollständig KI-generiert"  # drawn as the preset says; the warning tells
    res = export_one(
        ExportTask(str(src), str(tmp_path / "a"), shipped("eu-symbol-text"), same, MODIFIED), identity
    )
    assert res.label_text == "Teilweise KI-verändert" and not res.warnings, res.warnings


def test_platform_crops_are_centred_at_their_aspect():
    crops = preflight.platform_crops((1920, 1080))
    assert crops["1:1"] == (420, 0, 1500, 1080)
    assert crops["4:5"] == (528, 0, 1392, 1080)
    assert crops["9:16"] == (656, 0, 1264, 1080)
    assert crops["1.91:1"] == (0, 37, 1920, 1042)
    assert preflight.crops_cutting((1920, 1080), (900, 500, 1000, 560)) == []
    assert preflight.crops_cutting((1920, 1080), (1800, 20, 1900, 60)) == ["1:1", "4:5", "9:16", "1.91:1"]


def test_export_warns_when_platform_crops_cut_the_label(make_image, tmp_path, identity):
    src = make_image("a.jpg", (800, 800))
    social = profiles.get("social-square")
    res = export_one(
        ExportTask(str(src), str(tmp_path / "o"), shipped("eu-symbol"), social, GENERATED), identity
    )
    [w] = [w for w in res.warnings if getattr(w, "code", "") == "label-cut-by-crops"]
    assert w.params["crops"] == "4:5, 1.91:1"  # the crops the profile names (a square is not cut by 1:1)
    centred = shipped("eu-symbol").with_placement(position="center")
    res = export_one(ExportTask(str(src), str(tmp_path / "c"), centred, social, GENERATED), identity)
    assert not [w for w in res.warnings if getattr(w, "code", "") == "label-cut-by-crops"]
    res = export_one(  # no pixel size (same as input) and print: no platform crops
        ExportTask(str(src), str(tmp_path / "s"), shipped("eu-symbol"), profiles.SAME_AS_INPUT, GENERATED),
        identity,
    )
    assert not [w for w in res.warnings if getattr(w, "code", "") == "label-cut-by-crops"]
    res = export_one(  # a web profile naming no crops: no warning (the shipped web-jpeg names none)
        ExportTask(str(src), str(tmp_path / "w"), shipped("eu-symbol"), profiles.get("web-jpeg"), GENERATED),
        identity,
    )
    assert not [w for w in res.warnings if getattr(w, "code", "") == "label-cut-by-crops"]


def test_a_profile_names_only_known_crops_and_only_on_screen(tmp_path):
    from kilabel.errors import ConfigError

    bad = tmp_path / "bad.toml"
    bad.write_text('id = "bad"\nformat = "jpeg"\nlong_edge_px = 1000\nplatform_crops = ["3:1"]\n')
    with pytest.raises(ConfigError, match="platform_crops"):
        profiles.get(str(bad)).check(str(bad))
    ok = tmp_path / "ok.toml"
    ok.write_text('id = "ok"\nformat = "jpeg"\nlong_edge_px = 1000\nplatform_crops = ["9:16"]\n')
    profiles.get(str(ok)).check(str(ok))


def test_implied_canvas_is_the_canvas_for_a_centred_picture():
    p = shipped("eu-symbol")
    for size, box in (((1080, 1080), None), ((1080, 1350), (0, 135, 1080, 1215))):
        geom = label_render.place(p, "KI", size, image_box=box)
        assert preflight.implied_canvas(geom) == size


@pytest.mark.parametrize("pid,background", [("eu-symbol-schwarz", "light"), ("eu-symbol-text", "dark")])
def test_icon_is_read_by_the_ocr_check(pid, background):
    if not ocr.status().available:
        pytest.fail(ocr.status().why, pytrace=False)
    p = shipped(pid)
    # (tesseract reads "Partially AI-modified" as "at-modified" on these photos: English is tested generated)
    for seed, prov, lang in ((1, GENERATED, "de"), (2, MODIFIED, "de"), (3, GENERATED, "en")):
        img = photo((900, 600), seed)
        img = (
            ImageOps.invert(img).point(lambda v: 120 + v // 2)
            if background == "light"
            else img.point(lambda v: v // 3)
        )
        label_render.apply(img, p, p.wording(lang, prov.as_fields()))
        found = ocr.find_label(img)
        assert found.found, (pid, lang, found)
        assert ("AI" if lang == "en" else "KI") in found.text


def _mark_starts(grey: Image.Image, y: int, gap: int) -> list[int]:
    """x where each dark run of a row begins after at least `gap` light pixels (one per watermark)."""
    starts, light = [], gap
    for x in range(grey.width):
        if grey.getpixel((x, y)) < 200:
            if light >= gap:
                starts.append(x)
            light = 0
        else:
            light += 1
    return starts


def _mark_rows(grey: Image.Image) -> list[int]:
    """The middle row of each horizontal band of watermarks (angle 0)."""
    dark = [y for y in range(grey.height) if grey.crop((0, y, grey.width, y + 1)).getextrema()[0] < 100]
    bands: list[list[int]] = []
    for y in dark:
        if bands and y - bands[-1][-1] <= 1:
            bands[-1].append(y)
        else:
            bands.append([y])
    return [band[len(band) // 2] for band in bands if len(band) > 4]


def test_watermark_spacing_one_keeps_the_steps_two_spreads_them():
    base = presets.get("wasserzeichen")
    size, text = (2400, 600), "KI-generiert"
    wm = dataclasses.replace(base.watermark, angle=0.0, opacity=1.0)
    height = max(8, round(wm.scale * min(size)))
    x0, _, x1, _ = label_render.preset_font(base, height).getbbox(text)
    mark_w = x1 - x0 + height // 2  # draw_watermark's mark: the text's box plus a quarter height each side
    periods, counts = {}, {}
    for spacing in (1.0, 2.0):
        p = dataclasses.replace(base, watermark=dataclasses.replace(wm, spacing=spacing))
        img = Image.new("RGB", size, "white")
        label_render.draw_watermark(img, p, text)
        grey = img.convert("L")
        rows = _mark_rows(grey)
        starts = [_mark_starts(grey, y, height)[1:] for y in rows]  # the first mark is cut by the edge
        periods[spacing] = {b - a for row in starts for a, b in zip(row, row[1:], strict=False)}
        counts[spacing] = sum(len(row) for row in starts)
    assert periods[1.0] == {round(mark_w * 1.4)}  # the steps kilabel always used
    assert periods[2.0] == {round(mark_w * 2.4)}
    assert counts[2.0] < counts[1.0]
    with pytest.raises(ConfigError, match="spacing"):
        presets.WatermarkSpec(spacing=0.1).check("x")


def test_ocr_wording_knows_the_eu_levels():
    """The second level's words count as label wording for `kilabel check`, as tesseract reads them."""
    for seen in (
        "Teilweise KI-verändert",
        "Teilweise Kl-verandert",
        "Partially AI-modified",
        "Partially at-modified",
    ):
        assert ocr.WORDING_RE.search(seen), seen
    assert not ocr.WORDING_RE.search("a modified photo")  # the word alone is no label
