"""Relabelling print material: a CMYK input (CMYK pictures, or a CMYK output intent) gets its label
as print wants it, an opaque pure-K box (0 0 0 1 k, DeviceCMYK) with the letters knocked out to paper
white and no transparency; an RGB screen PDF keeps the preset's translucent box.
Checked in the label form's content and on pdftoppm renderings: under an opaque box none of the
picture's cyan or magenta shows."""

from __future__ import annotations

import re
from pathlib import Path

import pdf_builders as pb
import pdf_visible_builders as vb
import pikepdf
import pytest
from pikepdf import Dictionary
from PIL import ImageChops

from kilabel import presets
from kilabel.pdf import images as pdf_images
from kilabel.pdf import stamp as pdf_stamp
from kilabel.provenance import Provenance
from kilabel.relabel.pdf import PdfRelabelTask, relabel_pdf

AI = Provenance(source_type="trainedAlgorithmicMedia")
PRESET = presets.get("ki-generiert")


def label_form(pdf: pikepdf.Pdf) -> pikepdf.Stream:
    (form,) = [v for v in pdf.pages[0].Resources.XObject.values() if pdf_images.LABEL_MARK in v]
    return form


def alphas(form: pikepdf.Stream) -> list[float]:
    """The constant alphas (/ca, /CA) of the label form's graphics states; overprint is an error."""
    found = []
    for gs in form.get("/Resources", Dictionary()).get("/ExtGState", Dictionary()).values():
        assert not gs.get("/OP", False) and not gs.get("/op", False), (
            "overprint: the letters would not knock out"
        )
        found += [float(gs[k]) for k in ("/ca", "/CA") if k in gs]
    return found


def chroma_in_box(img, box, media_h: float) -> int:
    """The largest colourfulness (max − min channel) of the rendered pixels inside a label box (inset
    by 2 pt so no anti-aliased edge counts)."""
    x0, y0, x1, y1 = box
    crop = img.crop((round(x0 + 2), round(media_h - y1 + 2), round(x1 - 2), round(media_h - y0 - 2)))
    r, g, b = crop.split()
    most, least = (
        ImageChops.lighter(ImageChops.lighter(r, g), b),
        ImageChops.darker(ImageChops.darker(r, g), b),
    )
    return ImageChops.subtract(most, least).getextrema()[1]


@pytest.mark.parametrize(
    "space,intent,print_box",
    [("cmyk", False, True), ("rgb", True, True), ("rgb", False, False)],
    ids=["cmyk-pictures", "cmyk-output-intent", "rgb-screen"],
)
def test_print_material_gets_an_opaque_pure_k_box(tmp_path, identity, poppler, space, intent, print_box):
    src = vb.two_colour_picture(tmp_path / f"{space}.pdf", space, output_intent=intent)
    res = relabel_pdf(PdfRelabelTask(str(src), str(tmp_path / "out"), PRESET, AI, all_images=True), identity)
    assert res.ok, res.error
    with pikepdf.open(res.output) as pdf:
        form = label_form(pdf)
        content = form.read_bytes()
        box_fill = re.search(rb"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) k\s", content)
        assert box_fill and [float(v) for v in box_fill.groups()] == [0, 0, 0, 1], content[:300]  # pure K
        assert re.search(rb"\b0 0 0 0 k\s.*?BT", content, re.S), "the letters are not paper white"
        if print_box:
            assert all(a == 1 for a in alphas(form)), "transparency in a print file"
        else:
            assert any(a < 1 for a in alphas(form)), "the screen PDF lost its translucent box"
    with pikepdf.open(src) as pdf:
        (box,) = [s.box for s in pdf_stamp.stamp(pdf, pdf_images.list_images(pdf), PRESET, res.label_text)[0]]
    (tmp_path / "after").mkdir()
    before = pb.render_rgb(src, 1, tmp_path)
    after = pb.render_rgb(Path(res.output), 1, tmp_path / "after")
    assert chroma_in_box(before, box, vb.MEDIA_H) > 100  # the picture beneath is colourful
    if print_box:  # only black plate and paper white: nothing of the picture prints under the label
        assert chroma_in_box(after, box, vb.MEDIA_H) <= 8
    else:
        assert chroma_in_box(after, box, vb.MEDIA_H) > 20  # the picture shows through


def test_print_material_detection(tmp_path):
    """CMYK pictures, ICC-based CMYK, an indexed palette over CMYK, or a CMYK output intent make a
    file print material; RGB pictures alone do not."""
    src = vb.two_colour_picture(tmp_path / "rgb.pdf", "rgb")
    with pikepdf.open(src) as pdf:
        items = pdf_images.list_images(pdf)
        assert not pdf_stamp.print_material(pdf, items)
        icc = pdf.make_stream(pb.ICC.read_bytes())
        icc.N = 4
        for space in (
            pikepdf.Name.DeviceCMYK,
            pikepdf.Array([pikepdf.Name.ICCBased, icc]),
            pikepdf.Array([pikepdf.Name.Indexed, pikepdf.Name.DeviceCMYK, 1, pikepdf.String(b"\0" * 8)]),
        ):
            assert pdf_images.is_cmyk(space), space
        assert not pdf_images.is_cmyk(pikepdf.Name.DeviceRGB)
        icc.N = 3
        assert not pdf_images.is_cmyk(pikepdf.Array([pikepdf.Name.ICCBased, icc]))
    src = vb.two_colour_picture(tmp_path / "cmyk.pdf", "cmyk")
    with pikepdf.open(src) as pdf:
        items = pdf_images.list_images(pdf)
        assert items[0].cmyk and pdf_stamp.print_material(pdf, items)


@pytest.mark.parametrize("kind", ["pdfx1a", "pdfx4"])
def test_pdfx_inputs_get_their_labels_on_the_pictures(tmp_path, identity, poppler, make_image, kind):
    """A PDF/X-1a brochure (a scaled and a turned picture on page 1) and a kilabel PDF/X-4 print PDF,
    relabelled: each label on visible picture pixels, inside the trim, nothing else changed; the
    label form is opaque pure K."""
    from test_pdf_standards import export_cmyk, pdfx1a_brochure
    from test_relabel_pdf_visible import assert_label_on_picture

    if kind == "pdfx1a":
        src, labels, preset = pdfx1a_brochure(tmp_path / "x1a.pdf"), 2, PRESET
    else:  # top left: the print PDF's own label, with paper-white letters, is at the bottom right
        src, labels = Path(export_cmyk(make_image, tmp_path, identity).output), 1
        preset = PRESET.with_placement(position="top-left")
    task = PdfRelabelTask(str(src), str(tmp_path / "again"), preset, AI, all_images=True)
    res = relabel_pdf(task, identity)
    assert res.ok, res.error
    (tmp_path / "after").mkdir()
    assert_label_on_picture(src, res, tmp_path, labels=labels, preset=preset)
    with pikepdf.open(res.output) as pdf:
        form = label_form(pdf)
        assert all(a == 1 for a in alphas(form)) and b"0 0 0 1 k" in form.read_bytes()
