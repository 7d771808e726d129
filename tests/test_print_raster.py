"""Print raster exports (CMYK TIFF and JPEG, sRGB from CMYK) checked with exiftool and the C2PA SDK."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import black_on_white, print_profile
from PIL import Image

from kilabel import presets, profiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline.c2pa_sign import read as read_c2pa
from kilabel.provenance import Provenance

PROV = Provenance(
    source_type="trainedAlgorithmicMedia",
    ai_system="Midjourney",
    ai_version="7",
    prompt="Plakat für die Straßenbahn",
)
BASE = 'width_mm = 100.0\nheight_mm = 70.0\ndpi = 150.0\nbleed_mm = 3.0\nsafety_mm = 6.0\ncolor = "cmyk"\n'
PX_PER_MM = 150 / 25.4


def profile(tmp_path: Path, body: str, name: str = "test-print") -> profiles.ExportProfile:
    return print_profile(tmp_path, body, name)


def export(src: Path, out: Path, identity, prof, preset=None, **kw):
    task = ExportTask(str(src), str(out), preset or presets.get("ki-generiert"), prof, PROV, **kw)
    return export_one(task, identity)


def test_cmyk_tiff_print(make_image, tmp_path, identity, exiftool):
    src = make_image("motiv.jpg", (1000, 700), quality=92)
    res = export(
        src,
        tmp_path / "out",
        identity,
        profile(tmp_path, 'format = "tiff"\ncompression = "lzw"\n' + BASE),
        black_on_white(),
    )
    assert res.ok, res.error
    out = Path(res.output)
    tags = exiftool(out)
    assert tags["IFD0:Compression"] == "LZW"
    assert tags["IFD0:PhotometricInterpretation"] == "CMYK"  # exiftool says CMYK for Separated
    assert tags["IFD0:XResolution"] == 150 and tags["IFD0:ResolutionUnit"] == "inches"
    assert tags["ICC-header:ColorSpaceData"].strip() == "CMYK"
    assert "FOGRA39" in tags["ICC_Profile:ProfileDescription"]
    assert read_c2pa(out).state in ("valid", "trusted")
    with Image.open(out) as im:
        assert im.mode == "CMYK"
        assert im.size == (
            round(100 * PX_PER_MM) + 2 * round(3 * PX_PER_MM),
            round(70 * PX_PER_MM) + 2 * round(3 * PX_PER_MM),
        )
        # label text is pure K; its pixels must lie inside the trim, at least the safety margin from it
        k_only = [
            (x, y) for y in range(im.height) for x in range(im.width) if im.getpixel((x, y)) == (0, 0, 0, 255)
        ]
    assert len(k_only) > 50, "black label text must print as pure K (0/0/0/100)"
    xs, ys = [p[0] for p in k_only], [p[1] for p in k_only]
    bleed, safety = 3 * PX_PER_MM, 6 * PX_PER_MM
    assert min(xs) >= bleed + safety and min(ys) >= bleed + safety
    assert max(xs) <= bleed + 100 * PX_PER_MM - safety and max(ys) <= bleed + 70 * PX_PER_MM - safety
    assert max(xs) > bleed + 100 * PX_PER_MM - safety - 8 * PX_PER_MM, "bottom-right label near the corner"
    assert res.effective_dpi == pytest.approx(150 * 700 / im.height, rel=0.01)  # cover: the height fits
    assert res.contrast and res.contrast > 15


def test_cmyk_tiff_deflate_and_cmyk_jpeg(make_image, tmp_path, identity, exiftool):
    src = make_image("motiv.png", (900, 640))
    tif = export(
        src,
        tmp_path / "out",
        identity,
        profile(tmp_path, 'format = "tiff"\ncompression = "deflate"\n' + BASE, "t-deflate"),
    )
    jpg = export(
        src, tmp_path / "out", identity, profile(tmp_path, 'format = "jpeg"\nquality = 90\n' + BASE, "t-jpeg")
    )
    assert tif.ok and jpg.ok, tif.error or jpg.error
    assert exiftool(Path(tif.output))["IFD0:Compression"] == "Adobe Deflate"
    tags = exiftool(Path(jpg.output))
    assert (
        tags["ICC-header:ColorSpaceData"].strip() == "CMYK"
        and "FOGRA39" in tags["ICC_Profile:ProfileDescription"]
    )
    # a CMYK JPEG carries no JFIF segment (Adobe APP14 only); its resolution is in EXIF
    assert "JFIF:XResolution" not in tags and tags.get("IFD0:XResolution") == 150
    with Image.open(jpg.output) as im:
        assert im.mode == "CMYK"
    for r in (tif, jpg):
        assert read_c2pa(Path(r.output)).state in ("valid", "trusted")


def test_srgb_from_cmyk_input_goes_through_the_icc_profiles(make_image, tmp_path, identity, exiftool):
    src = make_image("motiv.tif", (800, 600))
    rgb = Image.open(src).convert("RGB")
    cmyk = profiles.convert_colour(rgb, None, profiles.ExportProfile(id="c", color="cmyk"), [])
    cmyk_path = tmp_path / "in" / "cmyk.jpg"
    cmyk[0].save(cmyk_path, quality=95, icc_profile=cmyk[1])
    web = profiles.get("web-jpeg")
    res = export(cmyk_path, tmp_path / "out", identity, web)
    assert res.ok, res.error
    tags = exiftool(Path(res.output))
    assert (
        tags["ICC-header:ColorSpaceData"].strip() == "RGB"
        and "sRGB" in tags["ICC_Profile:ProfileDescription"]
    )
    with Image.open(res.output) as im:
        assert im.mode == "RGB"
        # away from the label, colours come back close to the original (an ICC round trip, not a naive convert)
        a = im.crop((0, 0, 200, 150)).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    b = rgb.crop((0, 0, 200, 150)).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    assert max(abs(x - y) for x, y in zip(a, b)) < 20, (a, b)


def test_16bit_input_exports_as_8bit_cmyk(tmp_path, identity):
    src = tmp_path / "in16.png"
    Image.linear_gradient("L").resize((600, 420)).convert("I").point(lambda v: v * 257).convert("I;16").save(
        src
    )
    res = export(src, tmp_path / "out", identity, profile(tmp_path, 'format = "tiff"\n' + BASE))
    assert res.ok, res.error
    assert any("8-bit" in w for w in res.warnings)
    with Image.open(res.output) as im:
        assert im.mode == "CMYK"


def test_low_resolution_is_reported_and_strict_refuses(make_image, tmp_path, identity):
    src = make_image("klein.jpg", (240, 170), quality=90)
    prof = profile(tmp_path, 'format = "tiff"\n' + BASE)
    res = export(src, tmp_path / "out", identity, prof)
    assert res.ok and res.effective_dpi < 150
    assert any("low resolution" in w for w in res.warnings)
    assert any("not upsampled" in w for w in res.warnings), res.warnings  # upsample is off by default
    strict = export(src, tmp_path / "strict", identity, prof, strict=True)
    assert not strict.ok and "refused (--strict)" in strict.error
    assert not (tmp_path / "strict").exists() or not any((tmp_path / "strict").iterdir())
