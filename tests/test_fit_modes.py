"""Fit modes on a print profile with bleed (issue 12 item 8): cover, contain, inside, trim; the label on
the visible picture; no upsampling unless the profile asks, with the effective dpi in the file, the PDF
and the command line's summary."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import print_profile, run_cli
from PIL import Image, ImageChops

from kilabel import presets, profiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline import label_render
from kilabel.provenance import Provenance

PROV = Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney", ai_version="7", prompt="x")
# 100×70 mm at 300 dpi: trim 1181×827 px, bleed 3 mm = 35.4 → 36 px, safety 5 mm = 59.1 → 60 px
BASE = 'width_mm = 100.0\nheight_mm = 70.0\ndpi = 300.0\nbleed_mm = 3.0\nsafety_mm = 5.0\ncolor = "keep"\n'
PPM = 300 / 25.4
TRIM = (round(100 * PPM), round(70 * PPM))
BLEED = 36
GREY = (128, 128, 128)
CORNERS = {"tl": (220, 30, 30), "tr": (30, 200, 30), "bl": (30, 30, 220), "br": (240, 220, 20)}
WHITE = (255, 255, 255)


def corner_image(size: tuple[int, int], block: float = 0.1) -> Image.Image:
    """Grey with a solid block of a distinct colour in each corner (`block` of each side)."""
    w, h = size
    bw, bh = max(2, round(w * block)), max(2, round(h * block))
    img = Image.new("RGB", size, GREY)
    for key, (x, y) in {"tl": (0, 0), "tr": (w - bw, 0), "bl": (0, h - bh), "br": (w - bw, h - bh)}.items():
        img.paste(CORNERS[key], (x, y, x + bw, y + bh))
    return img


def save(img: Image.Image, tmp_path: Path, name: str) -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path)
    return path


def fit_profile(tmp_path: Path, fit: str, extra: str = "", fmt: str = "png") -> profiles.ExportProfile:
    return print_profile(tmp_path, f'format = "{fmt}"\nfit = "{fit}"\n{extra}' + BASE, f"{fit}-{fmt}")


def export(src: Path, tmp_path: Path, identity, prof, out: str = "out"):
    task = ExportTask(str(src), str(tmp_path / out), presets.get("ki-generiert"), prof, PROV)
    res = export_one(task, identity)
    assert res.ok, res.error
    return res


def near(a: tuple, b: tuple, tol: int = 3) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def assert_mirrored_bleed(img: Image.Image, bleed: int) -> None:
    """Every bleed pixel repeats the trim pixel mirrored across the trim edge (rows and columns)."""
    w, h = img.size
    for i in range(bleed):
        for y in (bleed, h // 3, h // 2, h - bleed - 1):
            assert img.getpixel((bleed - 1 - i, y)) == img.getpixel((bleed + i, y)), ("left", i, y)
            assert img.getpixel((w - bleed + i, y)) == img.getpixel((w - bleed - 1 - i, y)), ("right", i, y)
        for x in (bleed, w // 3, w // 2, w - bleed - 1):
            assert img.getpixel((x, bleed - 1 - i)) == img.getpixel((x, bleed + i)), ("top", i, x)
            assert img.getpixel((x, h - bleed + i)) == img.getpixel((x, h - bleed - 1 - i)), ("bottom", i, x)


def corner_colours(img: Image.Image, box: tuple[int, int, int, int], inset: int = 4) -> dict[str, tuple]:
    x0, y0, x1, y1 = box
    spots = {"tl": (x0 + inset, y0 + inset), "tr": (x1 - 1 - inset, y0 + inset)}
    spots |= {"bl": (x0 + inset, y1 - 1 - inset), "br": (x1 - 1 - inset, y1 - 1 - inset)}
    return {k: img.getpixel(xy)[:3] for k, xy in spots.items()}


@pytest.mark.parametrize("fit", ["cover", "contain", "inside", "trim"])
def test_canvas_size_is_trim_plus_bleed(tmp_path, fit):
    prof = fit_profile(tmp_path, fit)
    prep = profiles.prepare(corner_image((1600, 1600)), None, None, prof)
    assert prep.image.size == (TRIM[0] + 2 * BLEED, TRIM[1] + 2 * BLEED)
    assert prep.trim == (BLEED, BLEED, BLEED + TRIM[0], BLEED + TRIM[1])
    assert BLEED / PPM >= 3.0 and prep.dpi == (300, 300) and not prep.upscaled


def test_cover_fills_trim_and_bleed_and_says_what_it_crops(tmp_path):
    prep = profiles.prepare(corner_image((1600, 1600)), None, None, fit_profile(tmp_path, "cover"))
    assert prep.image_box is None  # the picture is everywhere
    colours = corner_colours(prep.image, (0, 0, *prep.image.size))
    assert not [k for k, c in colours.items() if near(c, CORNERS[k])], (
        "a square on 100×70 must lose its corners"
    )
    share = 1 - (TRIM[1] + 2 * BLEED) / (TRIM[0] + 2 * BLEED)  # the square's height beyond the canvas: 28 %
    assert [n for n in prep.notes if f"crops {share:.0%} of the image (top and bottom)" in n], prep.notes


def test_contain_pads_with_paper_into_the_bleed(tmp_path):
    prep = profiles.prepare(corner_image((1600, 1600)), None, None, fit_profile(tmp_path, "contain"))
    cw, ch = prep.image.size
    x0, y0, x1, y1 = prep.image_box
    assert (y0, y1) == (0, ch) and x1 - x0 == ch and x0 == (cw - ch) // 2  # centred, full height
    assert prep.image.getpixel((0, ch // 2)) == WHITE and prep.image.getpixel((x0 - 1, ch // 2)) == WHITE
    colours = corner_colours(prep.image, prep.image_box)
    assert all(near(colours[k], CORNERS[k]) for k in CORNERS), colours


def test_inside_fits_the_trim_crops_nothing_and_mirrors_the_bleed(tmp_path):
    prep = profiles.prepare(corner_image((1600, 1600)), None, None, fit_profile(tmp_path, "inside"))
    img = prep.image
    tx0, ty0, tx1, ty1 = prep.trim
    x0, y0, x1, y1 = prep.image_box
    assert (y0, y1) == (ty0, ty1), "scaled to the trim's height, not the bleed's"
    assert x1 - x0 == TRIM[1] and x0 - tx0 == (TRIM[0] - TRIM[1]) // 2
    colours = corner_colours(img, prep.image_box)
    assert all(near(colours[k], CORNERS[k]) for k in CORNERS), f"inside cropped a corner: {colours}"
    assert not [n for n in prep.notes if "crops" in n]
    # the trim beside the picture is paper; the bleed mirrors the trim's edge, so above the picture it
    # continues the picture (no white hairline at the cut) and beside it it is paper
    assert img.getpixel((tx0 + 2, img.height // 2)) == WHITE and img.getpixel((2, img.height // 2)) == WHITE
    assert near(img.getpixel((x0 + 4, 0)), CORNERS["tl"]) and near(img.getpixel((x1 - 5, 0)), CORNERS["tr"])
    assert near(img.getpixel((x0 + 4, img.height - 1)), CORNERS["bl"])
    assert_mirrored_bleed(img, BLEED)


def test_trim_fit_covers_the_trim_and_mirrors_the_bleed(tmp_path):
    art = corner_image(TRIM, block=0.05)
    prep = profiles.prepare(art, None, None, fit_profile(tmp_path, "trim"))
    inner = prep.image.crop(prep.trim)
    assert inner.tobytes() == art.tobytes(), "artwork at trim size must be placed 1:1"
    assert prep.image_box is None and prep.effective_dpi == pytest.approx(300)
    assert_mirrored_bleed(prep.image, BLEED)


def test_inside_in_cmyk_tiff_mirrors_paper_and_picture(tmp_path, identity):
    """Read back from the file: CMYK paper is no ink (0/0/0/0), the bleed mirrors the trim pixel for pixel."""
    prof = print_profile(
        tmp_path, 'format = "tiff"\nfit = "inside"\n' + BASE.replace('"keep"', '"cmyk"'), "inside-cmyk"
    )
    res = export(save(corner_image((1600, 1600)), tmp_path, "square.png"), tmp_path, identity, prof)
    with Image.open(res.output) as im:
        assert im.mode == "CMYK" and im.size == (TRIM[0] + 2 * BLEED, TRIM[1] + 2 * BLEED)
        assert im.getpixel((2, im.height // 2)) == (0, 0, 0, 0) == im.getpixel((BLEED + 2, im.height // 2))
        assert_mirrored_bleed(im, BLEED)


def label_box(out: Path, unlabelled: Image.Image) -> tuple[int, int, int, int]:
    """Bounding box of what the export changed against the same canvas without a label."""
    with Image.open(out) as im:
        diff = ImageChops.difference(im.convert("RGB"), unlabelled.convert("RGB"))
    box = diff.point(lambda v: 255 if v > 8 else 0).getbbox()
    assert box, "no label found"
    return box


@pytest.mark.parametrize("fit", ["inside", "contain"])
def test_label_lies_on_the_picture_and_inside_the_safety_margin(tmp_path, identity, fit):
    art = corner_image((1600, 1600))
    prof = fit_profile(tmp_path, fit)
    res = export(save(art, tmp_path, "square.png"), tmp_path, identity, prof)
    prep = profiles.prepare(art, None, None, prof)
    lx0, ly0, lx1, ly1 = label_box(Path(res.output), prep.image)
    x0, y0, x1, y1 = prep.image_box
    tx0, ty0, tx1, ty1 = prep.trim
    safety = 5 * PPM
    assert x0 <= lx0 and lx1 <= x1 and y0 <= ly0 and ly1 <= y1, "the label must lie on the picture"
    assert lx0 - tx0 >= safety and ty1 - ly1 >= safety and tx1 - lx1 >= safety and ly0 - ty0 >= safety
    # bottom-right: anchored to the picture's corner (the preset's 5 mm), not to the trim's
    assert x1 - lx1 < safety + 0.3 * PPM and ty1 - ly1 < safety + 0.3 * PPM


def test_preview_canvas_has_the_exports_image_box(tmp_path):
    """The window's preview reads canvas_for: the same box the export labels on."""
    prof = fit_profile(tmp_path, "inside")
    canvas = profiles.canvas_for((1600, 1600), prof)
    prep = profiles.prepare(corner_image((1600, 1600)), None, None, prof)
    assert canvas.image_box == prep.image_box and canvas.trim == prep.trim and canvas.size == prep.image.size


A2 = 'width_mm = 420.0\nheight_mm = 594.0\ndpi = 150.0\nbleed_mm = 3.0\nsafety_mm = 10.0\ncolor = "keep"\n'


def a2_profile(tmp_path: Path, fit: str, upsample: bool) -> profiles.ExportProfile:
    body = f'format = "png"\nfit = "{fit}"\nupsample = {str(upsample).lower()}\n' + A2
    return print_profile(tmp_path, body, f"a2-{fit}-{upsample}")


@pytest.mark.parametrize("fit", ["cover", "inside"])
def test_no_upsampling_keeps_the_pixels_and_says_the_dpi(tmp_path, identity, exiftool, fit):
    art = corner_image((1800, 1200))
    res = export(save(art, tmp_path, "poster.png"), tmp_path, identity, a2_profile(tmp_path, fit, False))
    eff = res.effective_dpi
    assert 70 < eff < 80  # 1800 px over 600 mm (cover: trim + bleed) or 594 mm (inside: the trim)
    with Image.open(res.output) as im:
        size, dpi = im.size, im.info["dpi"]
    bleed = profiles.mm_px(3.0, eff / 25.4)
    if fit == "cover":  # the canvas is cut from the image itself: its height, a pixel of rounding at most
        assert 1199 <= size[1] <= 1200 and size[0] < 1800
    else:  # the image 1:1 in the trim, plus the mirrored bleed
        assert size[0] - 2 * bleed in (1800, 1801)
    assert dpi[0] == pytest.approx(eff, abs=0.03)  # PNG stores whole pixels per metre
    assert exiftool(Path(res.output), "-n")["PNG-pHYs:PixelsPerUnitX"] == pytest.approx(eff / 0.0254, abs=1)
    assert [w for w in res.warnings if "low resolution: 7" in w and "under 150 dpi" in w], res.warnings
    assert [
        w
        for w in res.warnings
        if w.startswith("kept at 7") and "(not upsampled)" in w and "upsample = true" in w
    ]
    assert [w.code for w in res.warnings if "upsampled" in w] == ["not-upsampled"]  # the window words it
    assert not [w for w in res.warnings if "upscaled" in w]
    if fit == "inside":  # not resampled: the picture's pixels are the input's
        prep = profiles.prepare(art, None, None, a2_profile(tmp_path, fit, False))
        x0, y0 = prep.image_box[:2]
        with Image.open(res.output) as im:
            top_left = im.convert("RGB").crop((x0, y0, x0 + 900, y0 + 600))  # the label sits bottom right
        assert top_left.tobytes() == art.crop((0, 0, 900, 600)).tobytes()


def test_label_has_the_same_physical_size_with_and_without_upsampling(tmp_path, identity):
    """Label size is in points of the page: the same in mm at 77 dpi (kept) and at 150 dpi (upsampled).
    Whole pixels at 77 dpi (0.33 mm each) round the text size up by under a pixel, the box grows with it,
    and its padding is whole pixels: beyond that growth it differs by 2 px at most."""
    art = corner_image((1800, 1200))
    src = save(art, tmp_path, "poster.png")
    preset = presets.get("ki-generiert")
    sizes = {}
    for upsample in (False, True):
        prof = a2_profile(tmp_path, "inside", upsample)
        res = export(src, tmp_path, identity, prof, out=f"out-{upsample}")
        prep = profiles.prepare(art, None, None, prof)
        box = label_box(Path(res.output), prep.image)
        with Image.open(res.output) as im:
            ppm = im.info["dpi"][0] / 25.4
        assert ppm == pytest.approx(prep.px_per_mm, abs=0.002)
        geom = label_render.place(
            preset,
            preset.wording("de"),
            prep.image.size,
            px_per_mm=prep.px_per_mm,
            trim=prep.trim,
            safety_mm=prof.safety_mm,
            image_box=prep.image_box,
        )
        assert all(abs(a - b) <= 1 for a, b in zip(box, geom.box, strict=True)), (box, geom.box)
        sizes[upsample] = ((box[2] - box[0]) / ppm, (box[3] - box[1]) / ppm, geom.font_px / ppm, 1 / ppm)
    (w0, h0, f0, px0), (w1, h1, f1, px1) = sizes[False], sizes[True]
    assert px1 < px0 / 1.9, "the upsampled file must have about twice the pixels per mm"
    assert f1 <= f0 < f1 + px0, (f0, f1)  # text size: the same, rounded up by under a pixel
    grown = f0 / f1  # the box grows with the rounded-up text (2 % here); then by whole pixels at most
    assert abs(w0 - w1 * grown) <= 2 * px0 and abs(h0 - h1 * grown) <= 2 * px0, (w0, w1, h0, h1)
    assert abs(w0 - w1) < 1.0 and abs(h0 - h1) < 1.0  # under a millimetre either way


def test_upsample_true_resamples_to_the_profiles_dpi(tmp_path, identity):
    res = export(
        save(corner_image((1800, 1200)), tmp_path, "poster.png"),
        tmp_path,
        identity,
        a2_profile(tmp_path, "inside", True),
    )
    with Image.open(res.output) as im:
        assert im.info["dpi"][0] == pytest.approx(150, abs=0.03)
        assert im.size == (round(594 * 150 / 25.4) + 2 * 18, round(420 * 150 / 25.4) + 2 * 18)
    assert [w for w in res.warnings if "upscaled" in w] and res.effective_dpi < 80


def test_print_pdf_places_the_image_at_its_effective_dpi(tmp_path, identity, poppler):
    body = 'format = "pdf"\nfit = "inside"\nwidth_mm = 210.0\nheight_mm = 297.0\ndpi = 300.0\n'
    prof = print_profile(tmp_path, body + 'bleed_mm = 3.0\nsafety_mm = 5.0\ncolor = "cmyk"\n', "a4-inside")
    res = export(save(corner_image((1200, 1800)), tmp_path, "portrait.png"), tmp_path, identity, prof)
    eff = res.effective_dpi
    assert 140 < eff < 160  # 1800 px over 297 mm
    rows = subprocess.run(
        [poppler["pdfimages"], "-list", res.output], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(rows) == 1
    cols = rows[0].split()
    x_ppi, y_ppi = int(cols[12]), int(cols[13])
    assert abs(x_ppi - eff) <= 1 and abs(y_ppi - eff) <= 1, (x_ppi, y_ppi, eff)
    assert int(cols[4]) - 2 * profiles.mm_px(3.0, eff / 25.4) in (1800, 1801)  # height: image + bleed


def test_cli_says_the_effective_dpi_per_file_and_in_the_summary(tmp_path):
    src = save(corner_image((1800, 1200)), tmp_path, "poster.png")
    prof = tmp_path / "a2.toml"
    prof.write_text('id = "a2"\nname_pattern = "{stem}-A2{ext}"\nformat = "png"\nfit = "inside"\n' + A2)
    res = run_cli(
        "export", str(src), "--profile", str(prof), "--out", str(tmp_path / "out"), "--source-type",
        "trainedAlgorithmicMedia", "--jobs", "1",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    line = [ln for ln in res.stderr.splitlines() if ln.startswith("[1/1] poster.png -> ")]
    assert line and line[0].endswith("poster-A2.png (A2, 77 dpi effective, not upsampled)"), res.stderr
    assert "effective resolution of 1 print file(s), 1 under 150 dpi:" in res.stderr
    assert "  poster.png → poster-A2.png (A2, 77 dpi effective, not upsampled)" in res.stderr


def test_upsample_is_checked(tmp_path):
    from kilabel.errors import ConfigError

    with pytest.raises(ConfigError, match="upsample"):
        print_profile(tmp_path, 'format = "png"\nupsample = "yes"\n' + BASE, "bad1")
    with pytest.raises(ConfigError, match="upsample: only a print profile"):
        print_profile(tmp_path, 'format = "png"\nupsample = true\nlong_edge_px = 100\n', "bad2")
    with pytest.raises(ConfigError, match="'inside' needs a physical size"):
        print_profile(tmp_path, 'format = "png"\nfit = "inside"\nwidth_px = 10\nheight_px = 10\n', "bad3")


def test_shipped_print_profiles_do_not_upsample():
    shipped, _ = profiles.load_all([Path(profiles.paths.PRESETS) / "profiles"])
    prints = [p for p in shipped.values() if p.physical]
    assert len(prints) >= 5 and not [p.id for p in prints if p.upsample]
