"""Relabelling PDFs: placed images are found (scaled, rotated, nested in forms), the label lands at the
chosen corner of each chosen image inside the trim, and the rest of the PDF stays as it was.
Checked with poppler (pdftoppm pixels, pdftotext, pdfimages, pdffonts) and the C2PA SDK."""

from __future__ import annotations

import hashlib
import math
import subprocess
from pathlib import Path

import c2pa
import pdf_builders as pb
import pikepdf
import pytest
from conftest import run_cli

from kilabel import presets
from kilabel.pdf import images as pdf_images
from kilabel.provenance import Provenance
from kilabel.relabel.pdf import PdfRelabelTask, relabel_pdf

AI = Provenance(source_type="trainedAlgorithmicMedia")
MEDIA_H = pb.A4[1] + 2 * pb.BLEED
TRIM = (pb.BLEED, pb.BLEED, pb.A4[0] + pb.BLEED, pb.A4[1] + pb.BLEED)


def label_area(src: Path, index: int):
    """Where a label belongs: the visible part of the placed picture (for the rotated one, the
    largest upright rectangle inside it), as kilabel.pdf.images lists it."""
    with pikepdf.open(src) as pdf:
        item = next(i for i in pdf_images.list_images(pdf) if i.index == index)
        return item.visible or item.rect


def corner(rect, where: str, size=(70.0, 30.0)):
    """The region of `rect` (clipped to the trim) at a corner where the label should be."""
    x0, y0 = max(rect[0], TRIM[0]), max(rect[1], TRIM[1])
    x1, y1 = min(rect[2], TRIM[2]), min(rect[3], TRIM[3])
    w, h = size
    return {"bottom-right": (x1 - w, y0, x1, y0 + h), "top-left": (x0, y1 - h, x0 + w, y1)}[where]


def test_listing_finds_scaled_rotated_nested_images(tmp_path):
    items = pdf_images.list_file(pb.brochure(tmp_path / "b.pdf"))
    assert [i.page for i in items] == [1, 1, 2, 2]
    for item in items:
        assert item.rect == pytest.approx(pb.expected_rect(item.index), abs=0.01), item.index
    assert items[1].rotation == pytest.approx(30, abs=0.1)
    assert items[2].name == "/Fm0/ImC" and items[2].provenance.source_type == "trainedAlgorithmicMedia"
    listing = run_cli("relabel", str(tmp_path / "b.pdf"), "--list")
    assert listing.returncode == 0 and "4 placed images" in listing.stdout and "/Fm0/ImC" in listing.stdout


def test_all_images_stamped_at_corners_inside_trim(tmp_path, identity, poppler):
    src = pb.brochure(tmp_path / "b.pdf")
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    res = relabel_pdf(
        PdfRelabelTask(str(src), str(tmp_path / "out"), presets.get("ki-generiert"), AI, all_images=True),
        identity,
    )
    assert res.ok, res.error
    out = Path(res.output)
    assert out.name == "b.pdf" and hashlib.sha256(src.read_bytes()).hexdigest() == before
    assert any("beyond the trim" in w for w in res.warnings)  # image 4 bleeds off the right edge
    pages = {p: pb.render(out, p, tmp_path) for p in (1, 2)}
    old = {p: pb.render(src, p, tmp_path) for p in (1, 2)}
    for index in (1, 2, 3, 4):
        page = pb.PLACEMENTS[index][0]
        rect = label_area(src, index)
        br, tl = corner(rect, "bottom-right"), corner(rect, "top-left")
        assert pb.dark_share(old[page], br, MEDIA_H) < 0.01
        assert pb.dark_share(pages[page], br, MEDIA_H) > 0.15, f"no label at image {index}'s corner"
        assert pb.dark_share(pages[page], tl, MEDIA_H) < 0.01
    # nothing printed outside the trim (image 4's label was moved inside)
    assert pb.dark_share(pages[2], (TRIM[2], 0, TRIM[2] + pb.BLEED, MEDIA_H), MEDIA_H) == 0
    text = subprocess.run(
        [poppler["pdftoppm"].replace("pdftoppm", "pdftotext"), str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert (
        "Buchstadt Leipzig 2025" in text
        and "Lesefest im Fruehling" in text
        and text.count("KI-generiert") == 4
    )

    def lines(p):
        return subprocess.run(
            [poppler["pdfimages"], "-list", str(p)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]

    assert [ln.split()[3:6] for ln in lines(out)] == [ln.split()[3:6] for ln in lines(src)]
    fonts = subprocess.run([poppler["pdffonts"], str(out)], capture_output=True, text=True, check=True).stdout
    assert "NotoSans-Bold" in fonts and all(" yes " in ln for ln in fonts.splitlines() if "NotoSans" in ln)
    reader = c2pa.Reader(str(out))
    assert reader.get_validation_state() in ("Valid", "Trusted")
    assert res.c2pa_state in ("valid", "trusted")


@pytest.mark.parametrize("how,expected", [({"indices": "2"}, {2}), ({"from_provenance": True}, {3})])
def test_chosen_images_only(tmp_path, identity, how, expected):
    src = pb.brochure(tmp_path / "b.pdf")
    res = relabel_pdf(
        PdfRelabelTask(str(src), str(tmp_path / "out"), presets.get("ki-generiert"), AI, **how), identity
    )
    assert res.ok, res.error
    pages = {p: pb.render(Path(res.output), p, tmp_path) for p in (1, 2)}
    for index in (1, 2, 3, 4):
        share = pb.dark_share(
            pages[pb.PLACEMENTS[index][0]], corner(label_area(src, index), "bottom-right"), MEDIA_H
        )
        assert (share > 0.15) == (index in expected), index


def test_cli_top_left_and_missing_choice(tmp_path):
    src = pb.brochure(tmp_path / "b.pdf")
    none = run_cli("relabel", str(src), "--out", str(tmp_path / "o"))
    assert none.returncode == 2 and "--all-images" in none.stderr
    bad = run_cli("relabel", str(src), "--out", str(tmp_path / "o"), "--images", "9")
    assert bad.returncode == 1 and "outside 1–4" in bad.stderr
    ok = run_cli(
        "relabel",
        str(src),
        "--out",
        str(tmp_path / "o"),
        "--images",
        "1",
        "--position",
        "top-left",
        "--source-type",
        "trainedAlgorithmicMedia",
        "--reason",
        "Kennzeichnung fehlte im Druck",
    )
    assert ok.returncode == 0, ok.stderr
    page = pb.render(tmp_path / "o" / "b.pdf", 1, tmp_path)
    assert pb.dark_share(page, corner(pb.expected_rect(1), "top-left"), MEDIA_H) > 0.15
    assert pb.dark_share(page, corner(pb.expected_rect(1), "bottom-right"), MEDIA_H) < 0.01


def _yellow_bbox(img):
    """Where the (yellow) placed image is on a rendered page: light pixels with little blue."""
    r, g, b = (ch.point(lambda v: 255 if v > 200 else 0) for ch in img.split())
    from PIL import ImageChops

    return ImageChops.multiply(ImageChops.multiply(r, g), ImageChops.invert(b)).getbbox()


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_rotated_page_label_at_the_shown_corner_reading_upright(tmp_path, identity, poppler, rotate):
    """/Rotate turns the page when shown: 'bottom-right' means bottom right as shown, and the text
    reads upright there (found by text recognition, which reads upright text only)."""
    from kilabel.check import ocr

    if not ocr.status().available:
        pytest.fail(
            f"text recognition is missing: {ocr.status().why} (tools/setup.sh installs it)", pytrace=False
        )
    src = pb.rotated_page(tmp_path / f"rot{rotate}.pdf", rotate)
    res = relabel_pdf(
        PdfRelabelTask(str(src), str(tmp_path / "out"), presets.get("ki-generiert"), AI, all_images=True),
        identity,
    )
    assert res.ok, res.error
    assert not any("rotated" in w for w in res.warnings)
    dpi = 144
    before = pb.render_rgb(src, 1, tmp_path, dpi)
    after = pb.render_rgb(Path(res.output), 1, tmp_path, dpi)
    x0, y0, x1, y1 = _yellow_bbox(before)  # the image as shown, in pixels (y down)
    assert (x1 - x0 > y1 - y0) == (rotate == 180)  # a 240×180 image turned by 90/270 shows portrait
    w, h = x1 - x0, y1 - y0

    def dark(box):
        return sum(after.convert("L").crop(box).histogram()[:80]) / ((box[2] - box[0]) * (box[3] - box[1]))

    bottom_right = (x1 - w // 3, y1 - h // 5, x1, y1)
    others = [
        (x0, y0, x0 + w // 3, y0 + h // 5),
        (x1 - w // 3, y0, x1, y0 + h // 5),
        (x0, y1 - h // 5, x0 + w // 3, y1),
    ]
    assert dark(bottom_right) > 0.15, "no label at the shown bottom-right corner"
    assert all(dark(b) < 0.01 for b in others)
    label = after.crop((x0 + w // 3, y1 - h // 4, x1, y1))  # the bottom band of the shown image
    text = ocr.read_text(label.resize((label.width * 2, label.height * 2)), psm="6")
    assert "KI-generiert" in text.replace("—", "-"), text
    words = subprocess.run(["pdftotext", res.output, "-"], capture_output=True, text=True, check=True).stdout
    assert "Buchstadt Leipzig 2025" in words


def test_pdf_from_libreoffice_draw(tmp_path, identity, poppler):
    """A real layout program: LibreOffice Draw, headless, exports a page with placed images."""
    images = [
        (pb.light_image((250, 240, 170)), (2, 4, 8, 6), 0),
        (pb.light_image((190, 240, 250)), (11, 12, 7, 5), 30),
    ]
    src = pb.convert_to_pdf(pb.draw_document(tmp_path / "plakat.fodg", images), tmp_path)
    items = pdf_images.list_file(src)
    assert len(items) == 2
    cm = 72 / 2.54
    page_h = 29.7 * cm
    assert items[0].rect == pytest.approx((2 * cm, page_h - 10 * cm, 10 * cm, page_h - 4 * cm), abs=1.0)
    rot = math.radians(30)
    assert items[1].size_pt == pytest.approx(
        ((7 * math.cos(rot) + 5 * math.sin(rot)) * cm, (7 * math.sin(rot) + 5 * math.cos(rot)) * cm), abs=1.5
    )
    res = relabel_pdf(
        PdfRelabelTask(str(src), str(tmp_path / "out"), presets.get("ki-generiert"), AI, all_images=True),
        identity,
    )
    assert res.ok, res.error
    page = pb.render(Path(res.output), 1, tmp_path)
    for item in items:  # at the corner of what is visible of it (the rotated one: inside the turn)
        _, y0, x1, _ = item.visible or item.rect
        assert pb.dark_share(page, (x1 - 70, y0, x1, y0 + 30), page_h) > 0.15
    text = subprocess.run(["pdftotext", res.output, "-"], capture_output=True, text=True, check=True).stdout
    assert "Buchstadt Leipzig 2025" in text and text.count("KI-generiert") == 2
