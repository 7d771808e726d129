"""Print PDF: page boxes, fonts, image, OutputIntent, XMP and C2PA, checked with poppler, exiftool,
pikepdf and the C2PA SDK; the label is found on a pdftoppm rendering inside the trim."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import black_on_white, print_profile
from PIL import Image

from kilabel import presets, profiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline.c2pa_sign import read as read_c2pa
from kilabel.provenance import Provenance

PROMPT = 'Rathaus bei Nacht, "Plakat" <A1> & Grüße 🌙'
PROV = Provenance(
    source_type="trainedAlgorithmicMedia", ai_system="Midjourney", ai_version="7", prompt=PROMPT
)
BASE = 'format = "pdf"\nwidth_mm = 100.0\nheight_mm = 70.0\ndpi = 150.0\nbleed_mm = 3.0\nsafety_mm = 6.0\ncolor = "cmyk"\n'
PT = 72 / 25.4


def profile(tmp_path: Path, body: str, name: str = "test-pdf") -> profiles.ExportProfile:
    return print_profile(tmp_path, body, name)


def export(src, out, identity, prof, preset=None, **kw):
    return export_one(
        ExportTask(str(src), str(out), preset or presets.get("ki-generiert"), prof, PROV, **kw), identity
    )


def run(*cmd) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def boxes(poppler, pdf: Path) -> dict[str, list[float]]:
    out = run(poppler["pdfinfo"], "-box", str(pdf))
    return {
        m[1]: [float(v) for v in m[2].split()] for m in re.finditer(r"^(\w+Box):\s+(.+)$", out, re.MULTILINE)
    }


def test_print_pdf_lossless(make_image, tmp_path, identity, poppler, exiftool):
    src = make_image("motiv.jpg", (1000, 700), quality=92)
    res = export(src, tmp_path / "out", identity, profile(tmp_path, BASE + 'compression = "lossless"\n'))
    assert res.ok, res.error
    pdf = Path(res.output)
    assert pdf.name == "motiv-test-pdf.pdf"
    b = boxes(poppler, pdf)
    assert b["MediaBox"] == b["BleedBox"]
    trim_mm = [v / PT for v in b["TrimBox"]]
    bleed_mm = [v / PT for v in b["BleedBox"]]
    assert trim_mm == pytest.approx([3, 3, 103, 73], abs=0.2)
    assert bleed_mm == pytest.approx([0, 0, 106, 76], abs=0.2)
    info = run(poppler["pdfinfo"], str(pdf))
    assert re.search(r"PDF subtype:\s+PDF/X-4", info) and re.search(r"PDF version:\s+1\.6", info)
    fonts = run(poppler["pdffonts"], str(pdf)).splitlines()[2:]
    assert fonts and all(re.search(r"\byes\s+yes\b", f) for f in fonts), "every font embedded (subset)"
    assert any("NotoSans-Bold" in f for f in fonts)
    images = run(poppler["pdfimages"], "-list", str(pdf)).splitlines()[2:]
    assert len(images) == 1
    cols = images[0].split()
    px = 150 / 25.4
    assert (int(cols[3]), int(cols[4])) == (
        round(100 * px) + 2 * round(3 * px),
        round(70 * px) + 2 * round(3 * px),
    )
    assert cols[5] == "cmyk" and cols[8] == "image"  # Flate: lossless
    assert abs(int(cols[12]) - 150) <= 1 and abs(int(cols[13]) - 150) <= 1
    if shutil.which("pdftotext"):
        assert "KI-generiert" in run("pdftotext", str(pdf), "-"), "the label is real (vector) text"
    assert read_c2pa(pdf, "application/pdf").state in ("valid", "trusted")
    tags = exiftool(pdf)
    assert tags["PDF:GTS_PDFXVersion"] == "PDF/X-4" and tags["XMP-pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
    assert tags["XMP-iptcExt:DigitalSourceType"].endswith("/trainedAlgorithmicMedia")
    assert tags["XMP-iptcExt:AIPromptInformation"] == PROMPT
    assert (
        tags["XMP-kilabel:LabelText"] == "KI-generiert" and tags["XMP-kilabel:RegisterId"] == res.register_id
    )
    with pikepdf.open(pdf) as doc:
        intent = doc.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFX" and str(intent.OutputConditionIdentifier) == "FOGRA39"
        icc = profiles.cmyk_icc_path(profiles.ExportProfile(id="x")).read_bytes()
        assert intent.DestOutputProfile.read_bytes() == icc
        # label text and box in DeviceCMYK: black text pure K, white box 0/0/0/0
        ops = [
            (list(map(float, operands)), str(op))
            for operands, op in pikepdf.parse_content_stream(doc.pages[0])
            if str(op) == "k"
        ]
        assert ([0.0, 0.0, 0.0, 1.0], "k") in ops and ([0.0, 0.0, 0.0, 0.0], "k") in ops
    assert res.effective_dpi and res.contrast and res.contrast > 3


def test_print_pdf_jpeg_label_inside_trim(make_image, tmp_path, identity, poppler):
    src = make_image("motiv.png", (1000, 700))
    res = export(
        src,
        tmp_path / "out",
        identity,
        profile(tmp_path, BASE + 'compression = "jpeg"\nquality = 91\n'),
        black_on_white(),
    )
    assert res.ok, res.error
    pdf = Path(res.output)
    cols = run(poppler["pdfimages"], "-list", str(pdf)).splitlines()[2].split()
    assert cols[5] == "cmyk" and cols[8] == "jpeg"
    with pikepdf.open(pdf) as doc:  # DCT encoded once, at the profile's quality
        xobj = next(v for v in doc.pages[0].Resources.XObject.values() if v.Subtype == "/Image")
        embedded = Image.open(io.BytesIO(xobj.read_raw_bytes()))
        ref = io.BytesIO()
        Image.new("CMYK", (8, 8)).save(ref, "JPEG", quality=91)
        assert embedded.quantization == Image.open(ref).quantization
    dpi = 150
    run(poppler["pdftoppm"], "-r", str(dpi), "-png", "-singlefile", str(pdf), str(tmp_path / "page"))
    page = Image.open(tmp_path / "page.png").convert("RGB")
    # the opaque white box is the only near-white area on this photo-like image
    white = (
        Image.eval(page, lambda v: 255 if v > 248 else 0).convert("L").point(lambda v: 255 if v == 255 else 0)
    )
    x0, y0, x1, y1 = white.getbbox()
    mm = 25.4 / dpi
    trim, safety = (3, 3, 103, 73), 6
    assert x0 * mm >= trim[0] + safety - 0.3 and y0 * mm >= trim[1] + safety - 0.3
    assert x1 * mm <= trim[2] - safety + 0.3 and y1 * mm <= trim[3] - safety + 0.3
    assert x1 * mm == pytest.approx(trim[2] - safety, abs=0.5), "bottom-right: at the safety margin"
    assert y1 * mm == pytest.approx(trim[3] - safety, abs=0.5)
    # colours are not inverted (Adobe CMYK JPEG needs /Decode): compare a corner with the source
    a = page.crop((40, 40, 140, 100)).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    assert a[2] > a[0] + 40, f"the sky must stay blue, got {a}"
    assert read_c2pa(pdf, "application/pdf").state in ("valid", "trusted")


def test_crop_marks_outside_the_bleed(make_image, tmp_path, identity, poppler):
    src = make_image("motiv.jpg", (700, 1000), quality=90)
    res = export(src, tmp_path / "out", identity, profile(tmp_path, BASE + "crop_marks = true\n"))
    assert res.ok, res.error
    b = boxes(poppler, Path(res.output))
    bleed, trim, media = b["BleedBox"], b["TrimBox"], b["MediaBox"]
    assert media[2] > bleed[2] + 5 * PT and bleed[0] > 5 * PT
    assert (trim[2] - trim[0]) / PT == pytest.approx(70, abs=0.2), "portrait image: portrait page"
    run(poppler["pdftoppm"], "-r", "100", "-png", "-singlefile", res.output, str(tmp_path / "marks"))
    page = Image.open(tmp_path / "marks.png").convert("L")
    s = 100 / 72
    left_of_bleed = page.crop((0, 0, int(bleed[0] * s) - 1, page.height))
    assert left_of_bleed.getextrema()[0] < 100, "crop marks drawn in the slug"


def test_label_too_small_for_the_profile_warns_and_strict_refuses(make_image, tmp_path, identity):
    src = make_image("motiv.jpg", (1000, 700), quality=90)
    prof = profile(tmp_path, BASE + "min_label_pt = 14.0\n")
    res = export(src, tmp_path / "out", identity, prof)
    assert res.ok and any("under the minimum of 14 pt" in w for w in res.warnings), res.warnings
    strict = export(src, tmp_path / "strict", identity, prof, strict=True)
    assert not strict.ok and "refused (--strict)" in strict.error
    assert not (tmp_path / "strict").exists() or not list((tmp_path / "strict").iterdir())


def test_label_larger_than_the_safe_area_is_reported(make_image, tmp_path, identity):
    src = make_image("motiv.jpg", (1000, 700), quality=90)
    big = presets.get("ki-generiert")
    big = dataclasses.replace(big, size=dataclasses.replace(big.size, height_pt=40.0))
    res = export(src, tmp_path / "out", identity, profile(tmp_path, BASE), big)
    assert res.ok and any("does not fit" in w or "cut off" in w for w in res.warnings), res.warnings


def test_srgb_pdf_is_not_claimed_as_pdfx(make_image, tmp_path, identity, poppler):
    src = make_image("motiv.jpg", (600, 420), quality=90)
    res = export(src, tmp_path / "out", identity, profile(tmp_path, BASE.replace('"cmyk"', '"srgb"')))
    assert res.ok, res.error
    cols = run(poppler["pdfimages"], "-list", res.output).splitlines()[2].split()
    assert cols[5] == "icc" and cols[6] == "3"
    assert "PDF/X" not in run(poppler["pdfinfo"], res.output)
    assert read_c2pa(Path(res.output), "application/pdf").state in ("valid", "trusted")


@pytest.mark.parametrize("size", [(7, 3), (3000, 1900)])
def test_lossless_image_stream_is_one_valid_zlib_stream(size):
    """Bands compressed on several threads must join into one stream with the right Adler-32."""
    import zlib

    from kilabel.pdf.document import flate

    img = Image.effect_noise(size, 30).convert("CMYK")
    assert zlib.decompress(flate(img)) == img.tobytes()


def test_cli_exports_several_print_profiles_at_once(make_image, tmp_path, poppler):
    """The issue's command: shipped poster, brochure and web profiles in one run, distinct names."""
    from conftest import run_cli

    src = make_image("a.jpg", (900, 640), quality=90)
    out = tmp_path / "out"
    res = run_cli(
        "export",
        str(src),
        "--preset",
        "ki-generiert",
        "--profile",
        "poster-a2-cmyk-tiff",
        "--profile",
        "brochure-a5-pdf",
        "--profile",
        "web-jpeg",
        "--out",
        str(out),
        "--source-type",
        "trainedAlgorithmicMedia",
        "--ai-system",
        "Midjourney",
        "--jobs",
        "1",
    )
    assert res.returncode == 0, res.stderr
    # the CMYK print PDF's manifest is a sidecar (PDF/X-4 has no associated files; README Print)
    assert sorted(p.name for p in out.iterdir()) == ["a-A2.tif", "a-A5.c2pa", "a-A5.pdf", "a-web.jpg"]
    assert "low resolution" in res.stderr  # 900 px on A2 is far under 150 dpi
    # the shipped print profiles keep the image's pixels (upsample = false)
    assert "not upsampled" in res.stderr and "upscaled" not in res.stderr
    assert "a.jpg → a-A2.tif (A2, 38 dpi effective, not upsampled)" in res.stderr  # 640 px over 426 mm
    b = boxes(poppler, out / "a-A5.pdf")
    assert [round((v[2] - v[0]) / PT, 1) for v in (b["TrimBox"], b["BleedBox"])] == [210.0, 216.0]


def test_outlined_label_without_box_is_filled(make_image, tmp_path, identity, poppler):
    """box = "none": white text with a dark outline, as the raster label; the fill must not be lost."""
    src = make_image("motiv.jpg", (1000, 700), quality=90)
    p = presets.get("ki-generiert")
    outlined = dataclasses.replace(
        p,
        style=dataclasses.replace(
            p.style, box="none", colors="fixed", text_color="#FFFFFF", box_color="#000000"
        ),
    )
    res = export(src, tmp_path / "out", identity, profile(tmp_path, BASE), outlined)
    assert res.ok, res.error
    run(poppler["pdftoppm"], "-r", "300", "-png", "-singlefile", res.output, str(tmp_path / "p"))
    page = Image.open(tmp_path / "p.png").convert("L")
    white = sum(page.histogram()[246:])
    dark = sum(page.histogram()[:50])  # the outline is 78 % opaque
    assert white > 300 and dark > 300, (white, dark)
