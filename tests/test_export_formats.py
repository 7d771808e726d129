"""Export of every input format: same format out, alpha/CMYK/ICC kept, orientation applied."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from kilabel import presets, profiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline.c2pa_sign import read as read_c2pa
from kilabel.provenance import Provenance

PROV = Provenance(
    source_type="trainedAlgorithmicMedia",
    ai_system="Midjourney",
    ai_version="7",
    prompt="Menschen lesen in einer Straßenbahn",
    creator="Agentur X",
)


def run(path: Path, out: Path, identity, preset="ki-generiert", prov=PROV, **kw):
    task = ExportTask(
        str(path), str(out), presets.get(preset), kw.pop("profile", profiles.SAME_AS_INPUT), prov, **kw
    )
    res = export_one(task, identity)
    assert res.ok, res.error
    return res


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "name,mode,save",
    [
        ("a.jpg", "RGB", {"quality": 90}),
        ("b.png", "RGBA", {}),
        ("c.tif", "RGB", {"compression": "tiff_lzw"}),
        ("d.tif", "CMYK", {"compression": "tiff_lzw"}),
        ("e.webp", "RGB", {"quality": 85}),
        ("f.webp", "RGBA", {"lossless": True}),
    ],
)
def test_same_format_out_and_mode_kept(make_image, tmp_path, identity, name, mode, save):
    src = make_image(name, (500, 360), mode, **save)
    before = sha(src)
    res = run(src, tmp_path / "out", identity)
    out = Path(res.output)
    assert out.suffix == src.suffix and out.parent == tmp_path / "out"
    with Image.open(src) as a, Image.open(out) as b:
        assert a.format == b.format
        assert b.mode == a.mode, "pixel format must be kept (alpha, CMYK)"
        assert b.size == a.size
        if mode == "RGBA":
            assert b.getchannel("A").getextrema()[0] < 255, "transparency must survive"
    assert sha(src) == before, "the original must never be written"
    assert read_c2pa(out).state in ("valid", "trusted")


def test_icc_profile_kept(make_image, tmp_path, identity, exiftool):
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()  # any distinct profile
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    src = make_image("icc.jpg", (400, 300), icc_profile=srgb)
    out = Path(run(src, tmp_path / "out", identity).output)
    with Image.open(out) as im:
        assert im.info.get("icc_profile") == srgb
    assert icc != srgb
    assert exiftool(out)["ICC-header:ProfileClass"]


def test_exif_orientation_applied_before_label(make_image, tmp_path, identity):
    src = make_image("rot.jpg", (600, 400))
    with Image.open(src) as im:
        exif = im.getexif()
        exif[0x0112] = 6  # rotate 90° clockwise for display
        im.save(src, exif=exif.tobytes(), quality=92)
    res = run(src, tmp_path / "out", identity)
    with Image.open(res.output) as out:
        assert out.size == (400, 600), "output must be in display orientation"
        assert out.getexif().get(0x0112, 1) == 1, "orientation tag reset after applying it"
        # the label box (dark or light) sits in the bottom-right of the displayed image
        corner = out.crop((400 - 120, 600 - 50, 400 - 12, 600 - 12)).convert("L")
        lo, hi = corner.getextrema()
        assert hi - lo > 150, "label text/box contrast expected in the bottom-right corner"


def test_16bit_tiff_exported_as_8bit_with_note(tmp_path, identity):
    import shutil
    import subprocess

    im6 = shutil.which("convert-im6.q16")
    if not im6:
        pytest.fail("convert-im6.q16 missing: install the Debian package imagemagick", pytrace=False)
    src = tmp_path / "in" / "deep.tif"
    src.parent.mkdir()
    subprocess.run(
        [im6, "-size", "320x240", "gradient:navy-orange", "-depth", "16", "-compress", "lzw", str(src)],
        check=True,
    )
    res = run(src, tmp_path / "out", identity)
    assert any("8-bit" in w for w in res.warnings)
    with Image.open(res.output) as out:
        assert out.mode == "RGB" and out.size == (320, 240)


def test_profile_web_jpeg_resizes_and_converts(make_image, tmp_path, identity):
    src = make_image("big.png", (3000, 2000))
    res = run(src, tmp_path / "out", identity, profile=profiles.get("web-jpeg"))
    with Image.open(res.output) as out:
        assert out.format == "JPEG" and max(out.size) == 2000
    assert res.output.endswith("big-web.jpg")


def test_cmyk_tiff_with_icc_to_web_jpeg(make_image, tmp_path, identity):
    """A TIFF's own tags (strips, ICC, XMP) must not be copied into the JPEG's EXIF block."""
    fogra = profiles.cmyk_icc_path(profiles.ExportProfile(id="x")).read_bytes()
    src = make_image(
        "druck.tif", (900, 600), "CMYK", compression="tiff_lzw", icc_profile=fogra, dpi=(300, 300)
    )
    res = run(src, tmp_path / "out", identity, profile=profiles.get("web-jpeg"))
    with Image.open(res.output) as out:
        assert out.mode == "RGB" and len(out.info.get("exif", b"")) < 4096


def test_print_pdf_reads_back_with_verify(make_image, tmp_path, identity):
    from kilabel.pipeline.verify import verify

    src = make_image("a5.jpg", (1200, 1700))
    res = run(src, tmp_path / "out", identity, profile=profiles.get("brochure-a5-pdf"))
    report = verify(Path(res.output))
    assert report.format == "pdf" and report.c2pa.state in ("valid", "trusted")
    assert report.provenance.ai_system == "Midjourney" and report.embedded.label.text == "KI-generiert"
