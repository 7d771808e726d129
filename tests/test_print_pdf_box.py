"""The print PDF's label box (issue 12 item 10, must-hold 2): in CMYK, reversed text sits on an opaque
pure-K box (0/0/0/100, DeviceCMYK) and knocks out to paper white, with no transparency on the page,
as the raster CMYK export does; RGB print PDFs keep the preset's opacity. Every shipped print PDF
profile, with every kind of label, gives a file that pdf-oxide's PDF/X-4 check and qpdf accept."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import print_profile
from pikepdf import Dictionary, Name
from PIL import Image

from kilabel import paths, presets, profiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.provenance import Provenance

PROV = Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney", ai_version="7")
CMYK = (
    'format = "pdf"\nwidth_mm = 100.0\nheight_mm = 70.0\ndpi = 150.0\nbleed_mm = 3.0\nsafety_mm = 6.0\n'
    'color = "cmyk"\n'
)
DARK = (40, 30, 110)  # saturated dark blue: auto colours give white text on a black box
LIGHT = (235, 220, 180)  # light: black text on a white box
# pdf-oxide's findings about the identification only (as tests/test_pdf_standards.py filters them)
IDENTIFICATION = ("[XMETA-007]", "[XMETA-008]")


def flat(tmp_path: Path, rgb: tuple, size=(1000, 700)) -> Path:
    path = tmp_path / "in" / f"flat-{rgb[0]}-{rgb[1]}-{rgb[2]}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, rgb).save(path)
    return path


def export(src: Path, tmp_path: Path, identity, prof, preset=None) -> Path:
    task = ExportTask(str(src), str(tmp_path / "out"), preset or presets.get("ki-generiert"), prof, PROV)
    res = export_one(task, identity)
    assert res.ok, res.error
    return Path(res.output)


def label_ops(pdf: pikepdf.Pdf) -> list[tuple[str, list]]:
    """The page's operators after the image is drawn (the label overlay), as (operator, operands)."""
    ops = [(str(op), list(operands)) for operands, op in pikepdf.parse_content_stream(pdf.pages[0])]
    first_do = next(i for i, (op, _) in enumerate(ops) if op == "Do")
    return ops[first_do + 1 :]


def fills(ops: list[tuple[str, list]]) -> list[tuple[str, tuple[float, ...]]]:
    """Each path fill or text show with the DeviceCMYK fill colour in effect ('k')."""
    colour: tuple[float, ...] = ()
    out = []
    for op, operands in ops:
        if op == "k":
            colour = tuple(float(v) for v in operands)
        elif op in ("f", "f*", "F", "B", "B*", "b", "b*", "Tj", "TJ", "'", '"'):
            out.append((op, colour))
    return out


def alpha_states(pdf: pikepdf.Pdf) -> list[str]:
    """Every ExtGState of the page (and its forms) with a constant alpha below 1."""
    found = []

    def walk(res, where: str) -> None:
        if not isinstance(res, Dictionary):
            return
        for name, gs in res.get("/ExtGState", {}).items():
            for key in ("/ca", "/CA"):
                if key in gs and float(gs[key]) < 1:
                    found.append(f"{where}{name} {key} {float(gs[key])}")
        for name, xo in res.get("/XObject", {}).items():
            if xo.get("/Subtype") == Name.Form:
                walk(xo.get("/Resources"), f"{where}{name}")

    walk(pdf.pages[0].obj.get("/Resources"), "")
    return found


def page_group(pdf: pikepdf.Pdf):
    return pdf.pages[0].obj.get("/Group")


def render_cmyk(path: Path, out: Path) -> Image.Image:
    """poppler's CMYK rendering of the page (150 dpi, the export's resolution), as a CMYK image."""
    tool = shutil.which("pdftoppm")
    if not tool:
        pytest.fail("pdftoppm is missing: install the Debian package 'poppler-utils'", pytrace=False)
    subprocess.run(
        [tool, "-jpegcmyk", "-r", "150", "-aa", "no", "-aaVector", "no", "-singlefile", str(path), str(out)],
        check=True,
        capture_output=True,
    )
    with Image.open(out.with_suffix(".jpg")) as im:
        im.load()
        return im.convert("CMYK")


def test_cmyk_reversed_box_is_an_opaque_pure_k_fill(tmp_path, identity):
    preset = presets.get("ki-generiert")
    assert preset.style.box_opacity < 1  # the preset's look is translucent (82 %)
    out = export(flat(tmp_path, DARK), tmp_path, identity, print_profile(tmp_path, CMYK, "k"), preset)
    with pikepdf.open(out) as pdf:
        ops = label_ops(pdf)
        painted = fills(ops)
        assert painted[0][0] in ("f", "f*") and painted[0][1] == (0, 0, 0, 1), painted  # box: 0 0 0 1 k
        text = [colour for op, colour in painted if op in ("Tj", "TJ", "'", '"')]
        assert text and all(c == (0, 0, 0, 0) for c in text), painted  # paper white: knocks out
        assert "gs" not in [op for op, _ in ops], "the label sets no graphics state (no alpha)"
        assert alpha_states(pdf) == []
        assert page_group(pdf) is None, "no transparency group on the page"


def test_cmyk_reversed_box_renders_as_pure_k_with_paper_white_letters(tmp_path, identity):
    out = export(flat(tmp_path, DARK), tmp_path, identity, print_profile(tmp_path, CMYK, "k"))
    im = render_cmyk(out, tmp_path / "render")
    bg = im.getpixel((5, 5))
    assert bg[0] > 100 and bg[1] > 100, f"the image must carry cyan and magenta: {bg}"
    c, m, y, k = im.split()
    # the label: where the image's cyan (about 240) is gone, or mostly gone under a translucent box
    box_mask = Image.eval(c, lambda v: 255 if v < 128 else 0)
    x0, y0, x1, y1 = box_mask.getbbox()
    assert (x1 - x0) > 50 and (y1 - y0) > 10, (x0, y0, x1, y1)
    r = round(0.25 * (y1 - y0)) + 3  # leave the rounded corners and anti-aliased edges out
    inner = [band.crop((x0 + r, y0 + 2, x1 - r, y1 - 2)) for band in (c, m, y, k)]
    for band, name in zip(inner[:3], "CMY", strict=True):
        assert band.getextrema()[1] <= 20, f"image {name} under the label box: {band.getextrema()}"
    lo, hi = inner[3].getextrema()
    assert hi >= 235, f"the box must be solid K 100: K {lo}..{hi}"
    assert lo <= 30, f"the white letters must knock out to paper: K {lo}..{hi}"


def test_cmyk_dark_text_on_a_light_box_and_rgb_keep_the_preset_opacity(tmp_path, identity):
    """Only reversed text in CMYK is made opaque (as the raster export); the rest keeps the look."""
    light = export(flat(tmp_path, LIGHT), tmp_path, identity, print_profile(tmp_path, CMYK, "light"))
    rgb_prof = print_profile(tmp_path, CMYK.replace('"cmyk"', '"srgb"'), "rgb")
    rgb = export(flat(tmp_path, DARK), tmp_path, identity, rgb_prof)
    for out in (light, rgb):
        with pikepdf.open(out) as pdf:
            assert [round(float(s.split()[-1]), 2) for s in alpha_states(pdf)] == [0.82], out
            assert page_group(pdf) is not None


def shipped_print_pdf_profiles() -> list[str]:
    found, errors = profiles.load_all([paths.PRESETS / "profiles"])  # shipped only
    assert not errors, errors
    ids = sorted(p.id for p in found.values() if p.format == "pdf" and p.color == "cmyk")
    assert ids, "no shipped print PDF profile"
    return ids


def label_kinds() -> dict[str, object]:
    """Each kind of shipped label: a box, no box (no shipped preset has one: ki-generiert without its
    box), vertical, watermark, and the credit line (another font, a lighter box)."""
    shipped, errors = presets.load_all([paths.PRESETS / "labels"])
    assert not errors, errors
    base = shipped["ki-generiert"]
    kinds = {
        "box": base,
        "no-box": dataclasses.replace(base, style=dataclasses.replace(base.style, box="none")),
        "vertical": next(p for p in shipped.values() if p.placement.vertical),
        "watermark": next(p for p in shipped.values() if p.kind == "watermark"),
        "credit": shipped["credit-line"],
    }
    assert kinds["vertical"].style.box == "box" and kinds["watermark"].style.box == "box"
    return kinds


SHIPPED = shipped_print_pdf_profiles()
KINDS = label_kinds()


@pytest.mark.parametrize("background", [DARK, LIGHT], ids=["dark", "light"])
@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("profile_id", SHIPPED)
def test_every_shipped_print_pdf_profile_validates(tmp_path, identity, profile_id, kind, background):
    try:
        import pdf_oxide
    except ImportError:
        pytest.fail("pdf-oxide is missing: pip install -e '.[test]'", pytrace=False)
    qpdf = shutil.which("qpdf")
    if not qpdf:
        pytest.fail("qpdf is missing: install the Debian package 'qpdf'", pytrace=False)
    out = export(
        flat(tmp_path, background, (1200, 1600)), tmp_path, identity, profiles.get(profile_id), KINDS[kind]
    )
    res = subprocess.run([qpdf, "--check", str(out)], capture_output=True, text=True)
    assert res.returncode == 0 and "No syntax or stream encoding errors found" in res.stdout, (
        res.stdout + res.stderr
    )
    report = pdf_oxide.PdfDocument(str(out)).validate_pdf_x("4")
    ours = [e for e in report["errors"] if not e.startswith(IDENTIFICATION)]
    assert not ours, report
    assert report["valid"], report
    with pikepdf.open(out) as pdf:
        assert str(pdf.trailer.Info.GTS_PDFXVersion) == "PDF/X-4"
        reversed_box = background == DARK and KINDS[kind].style.box == "box"
        if reversed_box:  # opaque pure-K box: the page needs no transparency
            assert alpha_states(pdf) == [] and page_group(pdf) is None
