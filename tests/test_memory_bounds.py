"""Bounded memory (issue 13 items 3 and 11): `check` on absurd shapes, the text recognition picture,
previews, the colour conversion and the export's peak.

Peaks are measured in freshly started processes (ru_maxrss of the child, or the child's own VmHWM),
under an address-space limit, so that a regression fails quickly instead of filling the machine;
values are compared with the exact reference conversion, sizes and orientation with Pillow's own
thumbnail.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import weakref
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageCms, ImageOps

from kilabel import colour, presets, profiles
from kilabel.check import ocr
from kilabel.pipeline import image_load, label_render

AI_URI = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
AS_LIMIT = 2 << 30  # address space of a child: the unbounded OCR path asked for 23 GB
MiB = 1 << 20


def mark_ai(path: Path) -> Path:
    """AI provenance in the file's XMP (as tests/test_check.py does), so that check runs OCR on it."""
    subprocess.run(
        ["exiftool", "-q", "-overwrite_original", f"-XMP-iptcExt:DigitalSourceType={AI_URI}", str(path)],
        check=True,
    )
    return path


# Runs a command under AS_LIMIT and reports its peak. A process of its own: a child's ru_maxrss
# includes the memory of the process it was forked from (the test run may hold hundreds of MiB),
# but this small one is freshly exec'd.
MEASURE = """
import json, resource, subprocess, sys
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
r = subprocess.run(sys.argv[2:], capture_output=True, text=True, encoding="utf-8", timeout=600)
print(json.dumps({"code": r.returncode, "out": r.stdout, "err": r.stderr,
                  "peak": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024}))
"""
# In a measured child: its own high-water mark (VmHWM belongs to the freshly exec'd process only).
PEAK = """
def rss(field="VmRSS"):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith(field))
"""


def run_measured(cmd: list[str]) -> tuple[int, str, str, int]:
    """(exit code, stdout, stderr, peak RSS in bytes) of `cmd`, run under AS_LIMIT."""
    r = subprocess.run(
        [sys.executable, "-c", MEASURE, str(AS_LIMIT), *cmd],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=900,
    )
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    return got["code"], got["out"], got["err"], got["peak"]


def gradient_image(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """A large image made quickly (no per-pixel Python): three different gradients."""
    g = Image.linear_gradient("L").resize(size)
    rgb = Image.merge(
        "RGB", (g, g.transpose(Image.Transpose.ROTATE_180), Image.radial_gradient("L").resize(size))
    )
    if mode == "RGBA":
        rgb.putalpha(g.point(lambda v: 80 + v * 175 // 255))
    return rgb if mode in ("RGB", "RGBA") else rgb.convert(mode)


# --- check: text recognition never reads an absurd shape, and its picture is capped ------------------


@pytest.fixture(scope="module")
def tesseract():
    st = ocr.status()
    if not st.available:
        pytest.fail(f"text recognition is missing: {st.why} (tools/setup.sh installs it)", pytrace=False)
    return st


def test_check_of_absurd_shapes_says_not_checked_in_bounded_memory(tmp_path, tesseract):
    """A 60000×1 PNG made `kilabel check` grow to 23 GB: each of these now gets one line, 'not
    checked (…aspect ratio…)' for its visible label, and the whole run stays small."""
    folder = tmp_path / "strips"
    folder.mkdir()
    rnd = random.Random(13)
    for w, h in ((60000, 1), (1, 60000), (100000, 3)):
        path = folder / f"strip-{w}x{h}.png"
        Image.frombytes("RGB", (w, h), rnd.randbytes(w * h * 3)).save(path)
        mark_ai(path)
    check = [sys.executable, "-m", "kilabel", "check", str(folder), "--jobs", "2"]
    code, out, err, peak = run_measured(check)
    assert code == 3, err  # AI images without a seen label need attention
    lines = out.splitlines()
    assert len(lines) == 3 and all("strip-" in line and "cannot read" not in line for line in lines), out
    assert "MemoryError" not in out + err
    assert peak < 400 * MiB, f"peak RSS {peak / MiB:.0f} MiB"

    code, out, err, _ = run_measured([*check, "--json"])
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3, err
    for row in rows:
        assert row["verdict_code"] != "error", row
        assert row["visible_label"].startswith("not checked (") and "aspect ratio" in row["visible_label"], (
            row
        )


@pytest.mark.parametrize("size", [(60000, 1), (1, 60000), (100000, 3), (5000, 100), (4, 4)])
def test_unreadable_shapes_are_named_and_not_read(size):
    why = ocr.unreadable(size)
    assert why and f"{size[0]}×{size[1]} px" in why
    res = ocr.find_label(Image.new("L", size, 255))  # refused before any scaling or tesseract run
    assert not res.found and res.error == why


@pytest.mark.parametrize("size", [(20000, 1000), (1000, 20000), (2400, 300), (970, 90), (640, 480), (50, 40)])
def test_text_recognition_picture_is_capped(size):
    """Short edge to about 1000 px, but the long edge and the pixels capped: a 970×90 banner gave a
    10778×5278 stacked picture before, a 60000×1 strip 60 gigapixels."""
    assert not ocr.unreadable(size)
    s = ocr.scale_for(size)
    assert max(size) * s <= ocr.MAX_LONG_EDGE + 0.5 and size[0] * size[1] * s * s <= ocr.MAX_PIXELS * 1.01
    img = Image.new("RGB", size, "white")
    for picture in (ocr.bands(img), ocr.centre_column(img)):
        assert max(picture.size) <= ocr.MAX_LONG_EDGE
        assert picture.width * picture.height <= 3 * ocr.MAX_PIXELS


def test_square_images_keep_the_full_short_edge():
    """Up to 4:1 nothing changes: the short edge is scaled to SHORT_EDGE as before."""
    for size in ((640, 480), (4000, 1000), (1200, 2400), (6000, 6000)):
        assert ocr.scale_for(size) == pytest.approx(ocr.SHORT_EDGE / min(size))


def test_label_on_a_wide_banner_is_still_seen(tesseract):
    preset = presets.get("ki-generiert").with_placement(position="bottom-right")
    img = gradient_image((2400, 300))
    label_render.apply(img, preset, preset.wording("de"))
    found = ocr.find_label(img)
    assert found.found and "KI" in found.text


# --- previews: one full-size decode at most, everything after it strip by strip -------------------

PREVIEW_CHILD = (
    PEAK
    + """
import json, sys
from kilabel.pipeline import image_load
image_load.load_preview(sys.argv[2], 64)  # warm-up: imports, decoders
base = rss()
im, full = image_load.load_preview(sys.argv[1], 2000)
print(json.dumps({"base": base, "peak": rss("VmHWM"), "size": im.size, "mode": im.mode, "full": full}))
"""
)


@pytest.mark.parametrize(
    "name,mode,decoded",
    [("big.png", "RGB", 4), ("big-p.png", "P", 1), ("big-cmyk.tif", "CMYK", 4), ("big-rgba.png", "RGBA", 4)],
)
def test_load_preview_makes_no_second_full_size_image(tmp_path, name, mode, decoded):
    """Before: the decode, an exif_transpose copy and a converted copy (a P image became RGB at full
    size); now the decode plus strips of a few MiB and the reduced result."""
    size = (8000, 6000)
    path = tmp_path / name
    gradient_image(size, mode).save(path, **({"compress_level": 1} if name.endswith(".png") else {}))
    small = tmp_path / "small.png"
    gradient_image((40, 30)).save(small)
    code, out, err, _ = run_measured([sys.executable, "-c", PREVIEW_CHILD, str(path), str(small)])
    assert code == 0, err
    got = json.loads(out)
    assert tuple(got["size"]) == (2000, 1500) and tuple(got["full"]) == size
    assert got["mode"] == ("RGBA" if mode == "RGBA" else "RGB")
    grown = got["peak"] - got["base"]
    # the decode, the reduced image (by 2 here: 48 MiB) and strips; not a second decoded size
    assert grown < size[0] * size[1] * decoded + 96 * MiB, f"{grown / MiB:.0f} MiB"


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_load_preview_matches_thumbnail_and_orientation(tmp_path, orientation):
    src = gradient_image((4600, 3000))
    src.paste((200, 30, 40), (0, 0, 900, 400))  # a mark in one corner: the turn must be right
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = tmp_path / f"o{orientation}.png"
    src.save(path, exif=exif, compress_level=1)
    got, full = image_load.load_preview(path, 1000)
    ref = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
    ref.thumbnail((1000, 1000), Image.Resampling.LANCZOS)
    assert got.size == ref.size and full == ((3000, 4600) if orientation in (6, 8) else (4600, 3000))
    diff = ImageChops.difference(got, ref).convert("L")
    assert diff.getextrema()[1] <= 8
    assert sum(diff.histogram()[i] * i for i in range(256)) / (diff.width * diff.height) < 1.0


def test_load_preview_of_a_strip_stays_a_strip(tmp_path):
    path = tmp_path / "strip.png"
    Image.new("RGB", (60000, 1), (10, 20, 30)).save(path)
    got, full = image_load.load_preview(path, 2000)
    assert got.size == (2000, 1) and full == (60000, 1) and got.getpixel((5, 0)) == (10, 20, 30)


# --- colour: strip by strip, identical to converting the whole image --------------------------------


def cmyk_profile() -> profiles.ExportProfile:
    return profiles.ExportProfile(id="c", color="cmyk", format="tiff")


def reference_cmyk(img: Image.Image) -> Image.Image:
    """The conversion as it was: flatten on white, to RGB, one transform over the whole image."""
    dst = colour._profile_bytes(str(colour.cmyk_icc_path(cmyk_profile())))
    transform = colour._transform(colour.srgb_bytes(), dst, "RGB", "CMYK", "relative", True)
    return ImageCms.applyTransform(colour.flatten(img).convert("RGB"), transform)


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L", "P", "LA"])
def test_cmyk_conversion_by_strips_is_exact(monkeypatch, mode):
    monkeypatch.setattr(colour, "STRIP_PIXELS", 7 * 301)  # many strips, the last one short
    img = gradient_image((301, 203), "RGBA" if mode in ("RGBA", "LA") else "RGB")
    img = img.convert(mode) if mode not in ("RGB", "RGBA") else img
    out, icc = colour.convert_colour(img, None, cmyk_profile(), [])
    assert out.mode == "CMYK" and out.size == img.size and colour._icc_is_cmyk(icc)
    assert out.tobytes() == reference_cmyk(img).tobytes()


@pytest.mark.parametrize("fmt,mode", [("png", "RGBA"), ("jpeg", "RGBA"), ("png", "P"), ("png", "RGB")])
def test_srgb_conversion_by_strips_is_exact(monkeypatch, fmt, mode):
    monkeypatch.setattr(colour, "STRIP_PIXELS", 5 * 257)
    other_rgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    assert other_rgb != colour.srgb_bytes()  # so the transform path runs
    img = gradient_image((257, 131), "RGBA" if mode == "RGBA" else "RGB")
    img = img.convert(mode) if mode == "P" else img
    prof = profiles.ExportProfile(id="s", color="srgb", format=fmt)
    out, _ = colour.convert_colour(img, other_rgb, prof, [])
    transform = colour._transform(other_rgb, colour.srgb_bytes(), "RGB", "RGB", "relative", True)
    base = colour.flatten(img) if fmt == "jpeg" else img
    ref = ImageCms.applyTransform(base.convert("RGB"), transform)
    if base.mode == "RGBA":
        ref.putalpha(base.getchannel("A"))
    assert out.mode == ref.mode and out.tobytes() == ref.tobytes()


# --- export: the input's pixels go before the label is drawn; the peak ------------------------------


def test_export_frees_the_input_before_drawing(tmp_path, identity, monkeypatch):
    """raster hands the input to prepare(): by the time the label is drawn only the CMYK image lives."""
    from kilabel.export import one, raster
    from kilabel.export.one import export_one
    from kilabel.export.task import ExportTask
    from kilabel.provenance import Provenance

    refs: list = []
    alive_at_label: list[bool] = []
    real_load, real_apply = one.load, raster.label_render.apply

    def load(*a, **k):
        loaded = real_load(*a, **k)
        refs.append(weakref.ref(loaded.image))
        return loaded

    def apply(img, *a, **k):
        alive_at_label.append(refs[0]() is not None)
        return real_apply(img, *a, **k)

    monkeypatch.setattr(one, "load", load)
    monkeypatch.setattr(raster.label_render, "apply", apply)
    src = tmp_path / "in.png"
    gradient_image((900, 600), "RGBA").save(src)
    task = ExportTask(
        str(src),
        str(tmp_path / "out"),
        presets.get("ki-generiert"),
        cmyk_profile(),
        Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney"),
    )
    res = export_one(task, identity)
    assert res.ok, res.error
    assert alive_at_label == [False]
    # the output's pixels away from the label are exactly the reference conversion
    with Image.open(res.output) as out:
        assert out.mode == "CMYK"
        ref = reference_cmyk(Image.open(src))
        box = (0, 0, 450, 300)  # the label is at the bottom right
        assert out.crop(box).tobytes() == ref.crop(box).tobytes()


EXPORT_CHILD = (
    PEAK
    + """
import json, sys
from kilabel import keys, presets, profiles, settings
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.provenance import Provenance
src, small, out, preset = sys.argv[1:5]
prof = profiles.ExportProfile(id="cmyk-tiff", format="tiff", color="cmyk", name_pattern="{stem}-c{ext}")
identity = keys.ensure(settings.load().keys_path, "Test")[0]
prov = Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney")
def run(path):
    res = export_one(ExportTask(path, out, presets.get(preset), prof, prov, overwrite=True), identity)
    assert res.ok, res.error
run(small)  # warm-up: the C2PA library, fonts, ICC transforms
base = rss()
run(src)
print(json.dumps({"base": base, "peak": rss("VmHWM")}))
"""
)


@pytest.mark.parametrize(
    "name,mode,preset",
    [
        ("poster.png", "RGBA", "ki-generiert"),
        ("poster.jpg", "RGB", "ki-generiert"),
        ("poster.jpg", "RGB", "wasserzeichen"),
    ],
)
def test_cmyk_tiff_export_peak_is_two_images(tmp_path, name, mode, preset):
    """One input and one CMYK image at a time (Pillow keeps both at 4 bytes per pixel). Before, an
    RGBA input was flattened to a full-size RGB copy first: three images; and the tiled watermark
    (wasserzeichen) was drawn on a full-size layer first: at 150 MP 12 times the RGB size."""
    size = (6000, 4000)
    src = tmp_path / name
    gradient_image(size, mode).save(src, **({"compress_level": 1} if name.endswith(".png") else {}))
    small = tmp_path / "small.jpg"
    gradient_image((300, 200)).save(small)
    cmd = [sys.executable, "-c", EXPORT_CHILD, str(src), str(small), str(tmp_path / "out"), preset]
    code, out, err, _ = run_measured(cmd)
    assert code == 0, err
    got = json.loads(out.splitlines()[-1])
    image = size[0] * size[1] * 4
    grown = got["peak"] - got["base"]
    assert grown < 2.4 * image, f"{grown / MiB:.0f} MiB for two images of {image / MiB:.0f} MiB"
