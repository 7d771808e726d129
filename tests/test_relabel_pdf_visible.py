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

from kilabel import presets
from kilabel.pdf import images as pdf_images
from kilabel.provenance import Provenance
from kilabel.relabel.pdf import PdfRelabelTask, relabel_pdf

AI = Provenance(source_type="trainedAlgorithmicMedia")


def relabel(src: Path, out: Path, identity, **how) -> Path:
    how = how or {"all_images": True}
    res = relabel_pdf(PdfRelabelTask(str(src), str(out), presets.get("ki-generiert"), AI, **how), identity)
    assert res.ok, res.error
    return Path(res.output)


def assert_label_on_picture(src: Path, out: Path, tmp_path: Path, labels: int = 1, media_h=vb.MEDIA_H):
    """The changed pixels: a label's worth, each on a painted pixel of the page before (not blank
    paper), inside the trim, in `labels` compact groups (nothing else changed)."""
    before, after = pb.render_rgb(src, 1, tmp_path), pb.render_rgb(out, 1, tmp_path / "after")
    changed = vb.label_pixels(before, after)
    assert vb.count(changed) > 300 * labels, "no label drawn"
    off_picture = vb.stray(changed, vb.picture_pixels(before))
    assert off_picture == 0, f"{off_picture} label pixels on blank paper"
    trim = pdf_trim(src)
    assert vb.stray(changed, vb.rect_mask(changed.size, [trim], media_h)) == 0, "label outside the trim"
    if labels == 1:
        x0, y0, x1, y1 = changed.getbbox()
        assert x1 - x0 < 160 and y1 - y0 < 50, "more than one label's pixels changed"
    return changed


def pdf_trim(path: Path):
    from kilabel.pdf.stamp import page_trim

    with pikepdf.open(path) as pdf:
        return page_trim(pdf.pages[0])


@pytest.fixture(autouse=True)
def _after_dir(tmp_path):
    (tmp_path / "after").mkdir()


def test_clipped_image_label_inside_the_clip(tmp_path, identity, poppler):
    src = vb.clipped(tmp_path / "clip.pdf")
    out = relabel(src, tmp_path / "out", identity)
    changed = assert_label_on_picture(src, out, tmp_path)
    x, y, w, h = vb.CLIP_RECT
    assert vb.count(changed, (x + w - 80, y, x + w, y + 35)) > 300, "not at the clip window's bottom right"


def test_soft_mask_label_on_opaque_pixels(tmp_path, identity, poppler):
    src = vb.soft_masked(tmp_path / "smask.pdf")
    out = relabel(src, tmp_path / "out", identity)
    assert_label_on_picture(src, out, tmp_path)


def test_explicit_mask_label_on_painted_pixels(tmp_path, identity, poppler):
    src = vb.stencil_masked(tmp_path / "mask.pdf")
    out = relabel(src, tmp_path / "out", identity)
    assert_label_on_picture(src, out, tmp_path)


def test_rotated_placement_label_on_the_picture(tmp_path, identity, poppler):
    src = vb.rotated(tmp_path / "rot.pdf")
    out = relabel(src, tmp_path / "out", identity)
    assert_label_on_picture(src, out, tmp_path)


@pytest.mark.parametrize("position", ["bottom-right", "top-left"])
def test_libreoffice_rotated_and_cropped_pictures(tmp_path, identity, poppler, position):
    """LibreOffice exports a rotated picture as an upright bitmap with transparent corners (/SMask)
    and a cropped one as the whole bitmap behind a clipping path."""
    src = pb.convert_to_pdf(vb.draw_cropped_and_rotated(tmp_path / "plakat.fodg"), tmp_path)
    items = pdf_images.list_file(src)
    assert len(items) == 2
    res = relabel_pdf(
        PdfRelabelTask(
            str(src),
            str(tmp_path / "out"),
            presets.get("ki-generiert").with_placement(position=position),
            AI,
            all_images=True,
        ),
        identity,
    )
    assert res.ok, res.error
    page_h = 29.7 * 72 / 2.54
    changed = assert_label_on_picture(src, Path(res.output), tmp_path, labels=2, media_h=page_h)
    cropped_window = (4 * 72 / 2.54 + 0, page_h - 22 * 72 / 2.54, 12 * 72 / 2.54, page_h - 16 * 72 / 2.54)
    assert vb.count(changed, cropped_window) > 300, "no label inside the cropped picture's frame"


def test_logos_specks_and_tiny_pictures_left_out(tmp_path, identity, poppler):
    src = vb.logos(tmp_path / "logos.pdf")
    out = relabel(src, tmp_path / "out", identity)  # --all-images: the picture only
    changed = assert_label_on_picture(src, out, tmp_path)
    for rect in (vb.LOGO_RECT, vb.SPECK_RECT, vb.SMALL_RECT):
        assert vb.count(changed, rect) == 0, rect
    assert vb.count(changed, vb.PHOTO_RECT) > 300
    forced = relabel(src, tmp_path / "forced", identity, indices="1")  # --images still forces any
    before, after = pb.render_rgb(src, 1, tmp_path), pb.render_rgb(forced, 1, tmp_path / "after")
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
        PdfRelabelTask(
            str(first), str(tmp_path / "two"), presets.get("ki-generiert"), Provenance(), from_provenance=True
        ),
        identity,
    )
    assert res.ok, res.error
    second = Path(res.output)
    with pikepdf.open(second) as pdf:  # one label overlay form on the page, not one per relabelling
        forms = [k for k, v in pdf.pages[0].Resources.XObject.items() if v.get("/Subtype") == "/Form"]
    assert len(forms) == 1, forms
    text = subprocess.run(["pdftotext", str(second), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("KI-generiert") == 1 and "Buchstadt Leipzig 2025" in text
    assert_label_on_picture(src, second, tmp_path)
    assert len(pdf_images.list_file(second)) == 1
    assert any("replaced 1 earlier" in w for w in res.warnings)
