"""Print details measured on real outputs (issue 12 items 7, 9, 10): bleed and safety margin never
short by rounding, TIFF LZW with predictor 2, no JFIF in a CMYK JPEG, reversed label text on an
opaque pure-K box in CMYK, poster labels at the profile's minimum size."""

from __future__ import annotations

import dataclasses
import struct
from pathlib import Path

import pytest
from conftest import print_profile
from PIL import Image

from kilabel import presets, profiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pdf import document as pdf_document
from kilabel.pdf import label as pdf_label
from kilabel.pipeline import label_render
from kilabel.pipeline.label_render import MM_PER_PT
from kilabel.provenance import Provenance

PROV = Provenance(
    source_type="trainedAlgorithmicMedia", ai_system="Midjourney", ai_version="7", prompt="Plakat"
)
# 300 dpi: 3 mm = 35.43 px and 5 mm = 59.06 px, so rounding to the nearest pixel falls short of both;
# the small test images are upsampled to 300 dpi (upsample = true) so that it is measured at that dpi
BASE = (
    'width_mm = 100.0\nheight_mm = 70.0\ndpi = 300.0\nbleed_mm = 3.0\nsafety_mm = 5.0\ncolor = "cmyk"\n'
    "upsample = true\n"
)
PPM = 300 / 25.4
DARK = (40, 30, 110)  # a saturated dark blue: auto colours give white text on a black box


def flat_image(tmp_path: Path, rgb=DARK, size=(1000, 700), name="flat.png") -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, rgb).save(path)
    return path


def export(src: Path, out: Path, identity, prof, preset=None):
    task = ExportTask(str(src), str(out), preset or presets.get("ki-generiert"), prof, PROV)
    res = export_one(task, identity)
    assert res.ok, res.error
    return Path(res.output)


def max_band(im: Image.Image) -> Image.Image:
    """The largest value of any channel, per pixel (0 only where every channel is 0)."""
    from PIL import ImageChops

    bands = im.split()
    out = bands[0]
    for band in bands[1:]:
        out = ImageChops.lighter(out, band)
    return out


def changed_box(im: Image.Image) -> tuple[int, int, int, int]:
    """Bounding box of every pixel that differs from the (flat) background: what the label touched."""
    bg = Image.new(im.mode, im.size, im.getpixel((2, 2)))
    from PIL import ImageChops

    box = max_band(ImageChops.difference(im, bg)).point(lambda v: 255 if v else 0).getbbox()
    assert box, "no label found in the output"
    return box


def test_raster_bleed_and_label_margin_never_short(tmp_path, identity):
    out = export(
        flat_image(tmp_path),
        tmp_path / "out",
        identity,
        print_profile(tmp_path, 'format = "tiff"\n' + BASE, "p300"),
    )
    trim_w, trim_h = round(100 * PPM), round(70 * PPM)
    with Image.open(out) as im:
        assert im.mode == "CMYK"
        bleed_x, bleed_y = (im.width - trim_w) / 2, (im.height - trim_h) / 2
        box = changed_box(im)
    assert bleed_x >= 3 * PPM and bleed_y >= 3 * PPM, f"bleed {bleed_x} px < {3 * PPM:.2f} px"
    assert bleed_x / PPM >= 3.0 and bleed_y / PPM >= 3.0
    # bottom-right label: its right and bottom edges at least 5 mm inside the trim
    right_mm = (bleed_x + trim_w - box[2]) / PPM
    bottom_mm = (bleed_y + trim_h - box[3]) / PPM
    assert right_mm >= 5.0 and bottom_mm >= 5.0, (right_mm, bottom_mm)
    assert right_mm < 5.2 and bottom_mm < 5.2, "the label still sits at the margin, not far inside"


def test_canvas_and_safety_box_round_up():
    prof = profiles.ExportProfile(
        id="x", width_mm=100, height_mm=70, dpi=300, bleed_mm=3, safety_mm=5, upsample=True
    )
    c = profiles.canvas_for((1000, 700), prof)
    assert c.trim[0] >= 3 * PPM
    assert c.safety_box[0] - c.trim[0] >= 5 * PPM


def test_pdf_label_at_least_the_safety_margin_from_the_trim(tmp_path):
    """The print PDF maps canvas pixels onto the page (bleed box = image); the label lands ≥ 5 mm inside."""
    prof = print_profile(tmp_path, 'format = "pdf"\n' + BASE, "pdf300")
    preset = presets.get("ki-generiert")
    prepared = profiles.prepare(Image.new("RGB", (1000, 700), DARK), None, None, prof)
    geom = label_render.place(
        preset,
        preset.wording("de"),
        prepared.image.size,
        px_per_mm=prepared.px_per_mm,
        trim=prepared.trim,
        safety_mm=prof.safety_mm,
    )
    boxes = pdf_document.page_boxes(prepared.trim_mm, prof.bleed_mm, prof.bleed_mm)
    bx0, by0, bx1, _ = boxes.bleed
    page = pdf_label.PageMap((bx0, by0), (bx1 - bx0) / prepared.image.width, prepared.image.height)
    x1, y1 = page.point(geom.box[2], geom.box[3])  # bottom-right corner of the label, in points
    pt_per_mm = 72 / 25.4
    assert (boxes.trim[2] - x1) / pt_per_mm >= 5.0
    assert (y1 - boxes.trim[1]) / pt_per_mm >= 5.0


def test_tiff_lzw_has_predictor_2(tmp_path, identity, exiftool, make_image):
    src = make_image("motiv.png", (900, 640))
    for comp, name in (("lzw", "LZW"), ("deflate", "Adobe Deflate")):
        prof = print_profile(tmp_path, f'format = "tiff"\ncompression = "{comp}"\n' + BASE, f"t-{comp}")
        out = export(src, tmp_path / "out", identity, prof)
        tags = exiftool(out, "-n")
        assert tags["IFD0:Predictor"] == 2, tags.get("IFD0:Predictor")
        assert exiftool(out)["IFD0:Compression"] == name
        with Image.open(out) as im:
            assert im.tag_v2[317] == 2
            im.load()  # decodes with the predictor


def jpeg_markers(data: bytes) -> list[tuple[int, bytes]]:
    """(marker, first bytes of payload) of every segment before the image data."""
    assert data[:2] == b"\xff\xd8"
    pos, out = 2, []
    while pos < len(data):
        assert data[pos] == 0xFF
        marker = data[pos + 1]
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        out.append((marker, data[pos + 4 : pos + 4 + 16]))
        if marker == 0xDA:  # start of scan
            break
        pos += 2 + length
    return out


def test_cmyk_jpeg_has_adobe_and_no_jfif(tmp_path, identity, exiftool, make_image):
    src = make_image("motiv.png", (900, 640))
    out = export(src, tmp_path / "out", identity, print_profile(tmp_path, 'format = "jpeg"\n' + BASE, "j"))
    markers = jpeg_markers(out.read_bytes())
    assert not [m for m, p in markers if m == 0xE0 and p.startswith(b"JFIF")], "JFIF APP0 in a CMYK JPEG"
    assert [m for m, p in markers if m == 0xEE and p.startswith(b"Adobe")], "Adobe APP14 missing"
    tags = exiftool(out)
    assert tags["IFD0:XResolution"] == 300 and tags["IFD0:ResolutionUnit"] == "inches"
    with Image.open(out) as im:
        assert im.mode == "CMYK" and im.info.get("dpi") == (300, 300)


def test_reversed_text_on_opaque_pure_k_box_in_cmyk(tmp_path, identity):
    preset = presets.get("ki-generiert")  # auto colours, box at 82 %
    assert preset.style.box_opacity < 1
    prof = print_profile(tmp_path, 'format = "tiff"\n' + BASE, "k")
    out = export(flat_image(tmp_path), tmp_path / "out", identity, prof, preset)
    with Image.open(out) as im:
        bg = im.getpixel((2, 2))
        assert bg[0] > 20 and bg[1] > 20, "the test image must carry cyan and magenta"
        x0, y0, x1, y1 = changed_box(im)
        r = round(preset.style.radius * (y1 - y0)) + 2  # leave the rounded corners out
        inner = im.crop((x0 + r, y0 + 1, x1 - r, y1 - 1))
        c, m, y, k = inner.split()
    assert c.getextrema() == (0, 0) and m.getextrema() == (0, 0) and y.getextrema() == (0, 0), (
        "image ink under the label box"
    )
    lo, hi = k.getextrema()
    assert hi == 255, "the box must be solid K 100"
    assert lo == 0, "the white text must knock out to paper (0/0/0/0)"


def test_rgb_output_keeps_the_preset_opacity(tmp_path, identity):
    prof = print_profile(
        tmp_path, 'format = "png"\n' + BASE.replace('color = "cmyk"', 'color = "srgb"'), "rgb"
    )
    out = export(flat_image(tmp_path), tmp_path / "out", identity, prof)
    with Image.open(out) as im:
        x0, y0, x1, y1 = changed_box(im)
        r = round(0.25 * (y1 - y0)) + 2
        assert im.convert("RGB").crop((x0 + r, y0 + 1, x1 - r, y1 - 1)).getextrema()[2][1] > 0


def test_shipped_posters_have_a_viewing_distance():
    a1, a2 = profiles.get("poster-a1-cmyk-tiff"), profiles.get("poster-a2-cmyk-tiff")
    assert a1.viewing_distance_m >= a2.viewing_distance_m >= 1.0
    preset = presets.get("ki-generiert")
    # Noto Sans Bold: cap height 0.714 em; capitals ≥ distance / 250 → A2 (1.5 m): 6 mm, 23.8 pt
    assert label_render.distance_pt(preset, 1.5) == pytest.approx(6.0 / 0.714 / MM_PER_PT, rel=0.01)
    assert label_render.distance_pt(preset, 0.0) == 0.0


def test_poster_label_capitals_legible_from_the_viewing_distance(tmp_path, identity):
    prof = profiles.get("poster-a2-cmyk-tiff")
    preset = presets.get("ki-generiert")
    cap_mm = prof.viewing_distance_m * 1000 / 250
    assert preset.size.height_pt * MM_PER_PT * 0.714 < cap_mm, "the preset alone would be too small"
    out = export(flat_image(tmp_path, size=(1000, 1414)), tmp_path / "out", identity, prof, preset)
    with Image.open(out) as im:
        ppm = im.info["dpi"][0] / 25.4  # not upsampled: laid out at the image's own resolution
        box = changed_box(im)
        ink = max_band(im.crop(box))
    # the knocked-out letters (paper white, 0/0/0/0, inside the pure-K box) of "KI-generiert": the
    # "K" is a capital standing on the baseline; measure it at the left end of the text
    text = ink.point(lambda v: 255 if v < 128 else 0)
    tx = text.crop((2, 2, text.width - 2, text.height - 2)).getbbox()
    first = text.crop((tx[0] + 2, 2, tx[0] + 2 + round(cap_mm * ppm * 0.5), text.height - 2)).getbbox()
    k_mm = (first[3] - first[1]) / ppm
    assert k_mm >= cap_mm - 1 / ppm, f"capital K {k_mm:.2f} mm high, under {cap_mm:.2f} mm"
    assert k_mm < cap_mm * 1.15, "the capitals should not be far larger than needed"


def test_viewing_distance_and_preview_canvas():
    """The canvas the preview and the export share carries the profile's viewing distance, and the
    label drawn for it is at least distance_pt high; without a distance it is smaller."""
    preset = presets.get("ki-generiert")
    prof = profiles.get("poster-a1-cmyk-tiff")
    c = profiles.canvas_for((1000, 1414), prof)
    assert c.viewing_distance_m == prof.viewing_distance_m > 0
    geom = label_render.place(
        preset,
        "KI-generiert",
        c.size,
        px_per_mm=c.px_per_mm,
        trim=c.trim,
        viewing_distance_m=c.viewing_distance_m,
    )
    assert geom.font_px / c.px_per_mm / MM_PER_PT >= label_render.distance_pt(preset, prof.viewing_distance_m)
    plain = label_render.place(preset, "KI-generiert", c.size, px_per_mm=c.px_per_mm, trim=c.trim)
    assert plain.font_px < geom.font_px
    near = dataclasses.replace(prof, viewing_distance_m=0.0)
    assert profiles.canvas_for((1000, 1414), near).viewing_distance_m == 0.0


def test_cover_fit_says_how_much_it_crops(tmp_path, identity):
    prof = print_profile(tmp_path, 'format = "tiff"\n' + BASE, "crop")
    src = flat_image(tmp_path, size=(1000, 500), name="wide.png")
    task = ExportTask(str(src), str(tmp_path / "out"), presets.get("ki-generiert"), prof, PROV)
    res = export_one(task, identity)
    assert res.ok, res.error
    with Image.open(res.output) as im:
        canvas = im.size
    scale = max(canvas[0] / 1000, canvas[1] / 500)
    share = 1 - canvas[0] * canvas[1] / (1000 * scale * 500 * scale)  # measured: 30 %
    assert [w for w in res.warnings if f"crops {share:.0%} of the image (left and right)" in w], res.warnings


def test_trim_fit_keeps_artwork_at_trim_size_and_mirrors_the_bleed(tmp_path, identity):
    body = 'format = "png"\nfit = "trim"\n' + BASE.replace('color = "cmyk"', 'color = "keep"')
    prof = print_profile(tmp_path, body, "trimfit")
    trim = (round(100 * PPM), round(70 * PPM))
    art = Image.radial_gradient("L").resize(trim).convert("RGB")
    src = tmp_path / "in" / "art.png"
    src.parent.mkdir(parents=True, exist_ok=True)
    art.save(src)
    task = ExportTask(str(src), str(tmp_path / "out"), presets.get("ki-generiert"), prof, PROV)
    res = export_one(task, identity)
    assert res.ok, res.error
    assert not [w for w in res.warnings if "upscaled" in w or "crops" in w], res.warnings
    assert res.effective_dpi == 300
    with Image.open(res.output) as im:
        out = im.convert("RGB")
    b = (out.width - trim[0]) // 2
    assert b >= 3 * PPM and out.size == (trim[0] + 2 * b, trim[1] + 2 * b)
    inner = out.crop((b, b, b + trim[0], b + trim[1]))
    top_left = (0, 0, trim[0] // 2, trim[1] // 2)  # the label sits bottom right
    assert inner.crop(top_left).tobytes() == art.crop(top_left).tobytes(), "artwork not 1:1"
    for i in range(b):  # mirrored edge: bleed column b-1-i repeats trim column b+i
        assert out.getpixel((b - 1 - i, 300)) == out.getpixel((b + i, 300))
        assert out.getpixel((300, b - 1 - i)) == out.getpixel((300, b + i))


def test_trim_fit_needs_a_physical_size(tmp_path):
    from kilabel.errors import ConfigError

    with pytest.raises(ConfigError, match="trim"):
        print_profile(tmp_path, 'fit = "trim"\nwidth_px = 100\nheight_px = 100\n', "bad").check("bad")
