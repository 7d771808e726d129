"""Relabelling PDFs puts the label on the visible part of a picture (clipping paths, soft masks,
rotated placements, LibreOffice's exports of rotated and cropped pictures), leaves logos, masks,
inline images and tiny pictures out unless forced, and replaces its own earlier label.
Measured on poppler renderings at 72 dpi: the pixels the relabelling changed are the label's."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pdf_builders as pb
import pdf_visible_builders as vb
import pikepdf
import pytest
from conftest import run_cli
from PIL import ImageChops

from kilabel import presets
from kilabel.pdf import images as pdf_images
from kilabel.pdf import stamp as pdf_stamp
from kilabel.provenance import Provenance
from kilabel.relabel.pdf import PdfRelabelTask, relabel_pdf

AI = Provenance(source_type="trainedAlgorithmicMedia")
PRESET = presets.get("ki-generiert")


def relabel(src: Path, out: Path, identity, preset=PRESET, **how):
    how = how or {"all_images": True}
    res = relabel_pdf(PdfRelabelTask(str(src), str(out), preset, AI, **how), identity)
    assert res.ok, res.error
    return res


def planned(src: Path, text: str, preset=PRESET, how=None):
    """Where the labels of page 1 go, as the relabelling plans them for this input: their boxes in
    the page as shown (points, y up), the shown page's height and its trim box as shown."""
    with pikepdf.open(src) as pdf:
        chosen = pdf_stamp.select(pdf_images.list_images(pdf), **(how or {"all_images": True}))
        stamps, _ = pdf_stamp.stamp(pdf, chosen, preset, text)
        page = pdf.pages[0]
        view = pdf_stamp.PageView.of(page)
        trim = view.rect_to_shown(pdf_stamp.page_trim(page))
        return [s.box for s in stamps if s.item.page == 1], view.shown_size[1], trim


def assert_label_on_picture(src: Path, res, tmp_path: Path, labels: int = 1, preset=PRESET, how=None):
    """Rendered with pdftoppm before and after: each label's box lies wholly on painted pixels of the
    page before (the visible picture, not blank paper) and inside the trim; the label is drawn (a
    label's worth of pixels changed), and nothing outside the label boxes changed."""
    out = Path(res.output)
    before, after = pb.render_rgb(src, 1, tmp_path), pb.render_rgb(out, 1, tmp_path / "after")
    changed = vb.label_pixels(before, after)
    boxes, shown_h, trim = planned(src, res.label_text, preset, how)
    assert len(boxes) == labels, boxes
    assert vb.count(changed) > 300 * labels, "no label drawn"
    painted = vb.painted_pixels(before)
    for box in boxes:
        assert trim[0] <= box[0] and box[2] <= trim[2] and trim[1] <= box[1] and box[3] <= trim[3], (
            box,
            trim,
        )
        inner = (box[0] + 1, box[1] + 1, box[2] - 1, box[3] - 1)  # the box's pixels, not its AA edge
        blank = vb.count(ImageChops.invert(painted), inner, shown_h)
        assert blank == 0, f"label {box} covers {blank} pixels of blank paper"
    outside = vb.stray(changed, vb.box_mask(changed.size, boxes, shown_h, grow=1))
    assert outside == 0, f"{outside} pixels changed outside the label boxes {boxes}"
    off_picture = vb.stray(changed, vb.picture_pixels(before))
    assert off_picture == 0, f"{off_picture} label pixels on blank paper"
    assert vb.stray(changed, vb.rect_mask(changed.size, [trim], shown_h)) == 0, "label outside the trim"
    return changed


@pytest.fixture(autouse=True)
def _after_dir(tmp_path):
    (tmp_path / "after").mkdir()


def test_clipped_image_label_inside_the_clip(tmp_path, identity, poppler):
    src = vb.clipped(tmp_path / "clip.pdf")
    res = relabel(src, tmp_path / "out", identity)
    changed = assert_label_on_picture(src, res, tmp_path)
    x, y, w, h = vb.CLIP_RECT
    assert vb.count(changed, (x + w - 80, y, x + w, y + 35)) > 300, "not at the clip window's bottom right"


def test_soft_mask_label_on_opaque_pixels(tmp_path, identity, poppler):
    src = vb.soft_masked(tmp_path / "smask.pdf")
    assert_label_on_picture(src, relabel(src, tmp_path / "out", identity), tmp_path)


def test_explicit_mask_label_on_painted_pixels(tmp_path, identity, poppler):
    """A 1-bit /Mask hides part of the picture: the label sits on what is painted."""
    src = vb.stencil_masked(tmp_path / "mask.pdf")
    assert_label_on_picture(src, relabel(src, tmp_path / "out", identity), tmp_path)


def test_rotated_placement_label_on_the_picture(tmp_path, identity, poppler):
    src = vb.rotated(tmp_path / "rot.pdf")
    assert_label_on_picture(src, relabel(src, tmp_path / "out", identity), tmp_path)


@pytest.mark.parametrize("position", ["bottom-right", "top-left"])
def test_mirrored_placement_label_at_the_shown_corner(tmp_path, identity, poppler, position):
    """`cm -w 0 0 h x+w y` flips the picture: its rectangle is the upright one, and 'bottom-right'
    is the bottom right of the page as printed, not of the flipped image."""
    src = vb.mirrored(tmp_path / "mirror.pdf")
    (item,) = pdf_images.list_file(src)
    x, y, w, h = vb.PLACED
    assert item.mirrored and item.visible == pytest.approx((x, y, x + w, y + h), abs=0.5)
    assert item.rotation == 0 and ", mirrored" in item.describe() and "turned" not in item.describe()
    preset = PRESET.with_placement(position=position)
    changed = assert_label_on_picture(
        src, relabel(src, tmp_path / "out", identity, preset), tmp_path, preset=preset
    )
    corner = (x + w - 80, y, x + w, y + 35) if position == "bottom-right" else (x, y + h - 35, x + 80, y + h)
    assert vb.count(changed, corner) > 300, f"no label at the {position} corner"


def test_sheared_placement_label_at_the_corner_of_the_largest_upright_area(tmp_path, identity, poppler):
    """A sheared placement: the label goes to the bottom-right corner of the largest upright
    rectangle inside the parallelogram, (x + SHEAR, y)–(x + w, y + h)."""
    src = vb.sheared(tmp_path / "shear.pdf")
    (item,) = pdf_images.list_file(src)
    x, y, w, h = vb.PLACED
    assert item.rect == pytest.approx((x, y, x + w + vb.SHEAR, y + h), abs=0.01)
    assert item.visible == pytest.approx((x + vb.SHEAR, y, x + w, y + h), abs=2.0)
    changed = assert_label_on_picture(src, relabel(src, tmp_path / "out", identity), tmp_path)
    assert vb.count(changed, (x + w - 80, y, x + w, y + 35)) > 300, "not at the upright area's bottom right"


def test_picture_in_a_form_with_its_own_matrix(tmp_path, identity, poppler):
    """The form's /Matrix scales and moves the picture, its /BBox cuts the top off: the label sits
    at the top left of what is shown."""
    src = vb.in_form(tmp_path / "form.pdf")
    (item,) = pdf_images.list_file(src)
    assert item.name == "/Fm0/Pic"
    assert item.visible == pytest.approx(vb.FORM_VISIBLE, abs=0.5)
    preset = PRESET.with_placement(position="top-left")
    changed = assert_label_on_picture(
        src, relabel(src, tmp_path / "out", identity, preset), tmp_path, preset=preset
    )
    x0, _, _, y1 = vb.FORM_VISIBLE
    assert vb.count(changed, (x0, y1 - 35, x0 + 80, y1)) > 300, "not at the top left of the visible picture"


def test_rotate_90_page_label_on_the_picture_as_shown(tmp_path, identity, poppler):
    """A /Rotate 90 page: the render is the page as shown (landscape); the label lies on the picture
    there, at its bottom-right corner as shown, and nothing else changed."""
    src = vb.rotate90(tmp_path / "rot90.pdf")
    changed = assert_label_on_picture(src, relabel(src, tmp_path / "out", identity), tmp_path)
    with pikepdf.open(src) as pdf:
        view = pdf_stamp.PageView.of(pdf.pages[0])
    assert view.shown_size[0] > view.shown_size[1]  # shown landscape
    sx0, sy0, sx1, sy1 = view.rect_to_shown(vb.ROTATE90_RECT)
    assert vb.count(changed, (sx1 - 80, sy0, sx1, sy0 + 35), view.shown_size[1]) > 300


@pytest.mark.parametrize("position", ["bottom-right", "top-left"])
def test_libreoffice_rotated_and_cropped_pictures(tmp_path, identity, poppler, position):
    """LibreOffice exports a rotated picture as an upright bitmap with transparent corners (/SMask)
    and a cropped one as the whole bitmap behind a clipping path."""
    src = pb.convert_to_pdf(vb.draw_cropped_and_rotated(tmp_path / "plakat.fodg"), tmp_path)
    items = pdf_images.list_file(src)
    assert len(items) == 2
    preset = PRESET.with_placement(position=position)
    res = relabel(src, tmp_path / "out", identity, preset)
    page_h = 29.7 * 72 / 2.54
    changed = assert_label_on_picture(src, res, tmp_path, labels=2, preset=preset)
    cropped_window = (4 * 72 / 2.54 + 0, page_h - 22 * 72 / 2.54, 12 * 72 / 2.54, page_h - 16 * 72 / 2.54)
    assert vb.count(changed, cropped_window, page_h) > 300, "no label inside the cropped picture's frame"


def test_logos_specks_and_tiny_pictures_left_out(tmp_path, identity, poppler):
    """A 1-bit /ImageMask logo, an 8×8 inline image and a 14 mm picture get no label; the picture does."""
    src = vb.logos(tmp_path / "logos.pdf")
    res = relabel(src, tmp_path / "out", identity)  # --all-images: the picture only
    changed = assert_label_on_picture(src, res, tmp_path)
    for rect in (vb.LOGO_RECT, vb.SPECK_RECT, vb.SMALL_RECT):
        assert vb.count(changed, rect) == 0, rect
    assert vb.count(changed, vb.PHOTO_RECT) > 300
    forced = relabel(src, tmp_path / "forced", identity, indices="1")  # --images still forces any
    before, after = pb.render_rgb(src, 1, tmp_path), pb.render_rgb(Path(forced.output), 1, tmp_path / "after")
    assert vb.count(vb.label_pixels(before, after), vb.LOGO_RECT) > 300
    listing = run_cli("relabel", str(src), "--list")
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert "4 placed images, 1 pictures" in lines[0]
    assert "1-bit image mask" in lines[1] and "inline image" in lines[2] and "14 mm" in lines[3]
    assert "[picture" in lines[4]


def test_relabel_twice_replaces_the_first_label(tmp_path, identity, poppler):
    src = vb.clipped(tmp_path / "clip.pdf")
    first = relabel(src, tmp_path / "one", identity)
    res = relabel_pdf(
        PdfRelabelTask(first.output, str(tmp_path / "two"), PRESET, Provenance(), from_provenance=True),
        identity,
    )
    assert res.ok, res.error
    second = Path(res.output)
    with pikepdf.open(second) as pdf:  # one label overlay form on the page, not one per relabelling
        forms = [k for k, v in pdf.pages[0].Resources.XObject.items() if v.get("/Subtype") == "/Form"]
    assert len(forms) == 1, forms
    text = subprocess.run(["pdftotext", str(second), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("KI-generiert") == 1 and "Buchstadt Leipzig 2025" in text
    assert_label_on_picture(src, res, tmp_path)
    assert len(pdf_images.list_file(second)) == 1
    assert any("replaced 1 earlier" in w for w in res.warnings)
