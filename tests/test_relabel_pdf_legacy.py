"""Labels written by earlier kilabel versions are replaced too. Before the /KilabelLabel marker
(kilabel 0.1.0 up to the commit that added it) a relabelled PDF got each page's labels as pikepdf's
add_overlay of a one-page reportlab PDF, under a random XObject name and without a marker; the
document's XMP got kilabel's fields. `first_release_relabel` writes a file as that version did (its
stamp, overlay page and XMP merge, step by step); relabelling it now must leave one label per image,
exactly where relabelling the original puts it, and keep every other form of the document."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pdf_builders as pb
import pikepdf
from reportlab.pdfgen.canvas import Canvas

from kilabel import presets
from kilabel.pdf import images as pdf_images
from kilabel.pdf import label as pdf_label
from kilabel.pdf import stamp as pdf_stamp
from kilabel.pipeline import label_render, metadata
from kilabel.pipeline.metadata import LabelRecord
from kilabel.provenance import Provenance
from kilabel.relabel.pdf import PdfRelabelTask, relabel_pdf

AI = Provenance(source_type="trainedAlgorithmicMedia")
PRESET = presets.get("ki-generiert")


def first_release_relabel(src: Path, dst: Path, text: str = "KI-generiert", xmp: bool = True) -> Path:
    """Label every picture of `src` as kilabel 0.1.0 did: per page, a reportlab page of the media
    box's size with the translucent labels (AAAAAA+ font subset, /gRLs graphics states), laid over
    the page with add_overlay (random name, no marker); then kilabel's fields merged into the XMP."""
    with pikepdf.open(src) as pdf:
        chosen = pdf_stamp.select(pdf_images.list_images(pdf), all_images=True)
        overlays: list[pikepdf.Pdf] = []
        for pno in sorted({i.page for i in chosen}):
            page = pdf.pages[pno - 1]
            trim = pdf_stamp.page_trim(page)
            stamps = [pdf_stamp.plan(i, trim, PRESET, text) for i in chosen if i.page == pno]
            media = pdf_stamp.PageView.of(page).media
            buf = io.BytesIO()
            c = Canvas(
                buf,
                pagesize=(media[2] - media[0], media[3] - media[1]),
                pageCompression=1,
                enforceColorSpace="cmyk",
                invariant=1,
                initialFontName=pdf_label.font_name(PRESET.style.font),
                initialFontSize=10,
            )
            for st in stamps:
                text_rgb, box_rgb = label_render.colors_for(st.preset, (90, 90, 90))
                where = pdf_label.PageMap(
                    (st.area[0] - media[0], st.area[1] - media[1]),
                    1 / pdf_stamp.PX_PER_PT,
                    round((st.area[3] - st.area[1]) * pdf_stamp.PX_PER_PT),
                )
                pdf_label.draw_label(c, st.preset, text, st.geom, where, text_rgb, box_rgb)
            c.showPage()
            c.save()
            overlays.append(pikepdf.open(io.BytesIO(buf.getvalue())))  # open until `pdf` is saved
            page.add_overlay(overlays[-1].pages[0], pikepdf.Rectangle(*media))
        if xmp:
            label = LabelRecord(PRESET.id, text, "de", "bottom-right", "R-0001")
            packet = metadata.merge_xmp(None, AI, label, metadata.statement(text, AI, "de"))
            pdf.Root.Metadata = pdf.make_indirect(pikepdf.Stream(pdf, packet, Type=pikepdf.Name.Metadata))
        pdf.save(dst)
    return dst


def forms(path: Path) -> list[list[str]]:
    """Per page, the names of its Form XObjects, the label forms as 'label'."""
    with pikepdf.open(path) as pdf:
        return [
            sorted(
                "label" if pdf_images.LABEL_MARK in v else str(k)
                for k, v in page.Resources.XObject.items()
                if v.get("/Subtype") == pikepdf.Name.Form
            )
            for page in pdf.pages
        ]


def test_a_first_release_label_is_replaced(tmp_path, identity, poppler):
    src = pb.brochure(tmp_path / "b.pdf")
    old = first_release_relabel(src, tmp_path / "old.pdf")
    assert forms(old)[1].count("/Fm0") == 1 and len(forms(old)[1]) == 2  # the brochure's form and 0.1.0's
    task = PdfRelabelTask(str(old), str(tmp_path / "again"), PRESET, AI, all_images=True)
    res = relabel_pdf(task, identity)
    assert res.ok, res.error
    assert any("replaced 2 earlier" in w for w in res.warnings), res.warnings  # one overlay per page
    assert forms(Path(res.output)) == [["label"], ["/Fm0", "label"]]  # the brochure's own form stays
    words = subprocess.run(["pdftotext", res.output, "-"], capture_output=True, text=True, check=True).stdout
    assert words.count("KI-generiert") == 4 and "Lesefest im Fruehling" in words
    fresh = relabel_pdf(
        PdfRelabelTask(str(src), str(tmp_path / "fresh"), PRESET, AI, all_images=True), identity
    )
    assert fresh.ok, fresh.error
    for page in (1, 2):  # pixel for pixel what relabelling the unlabelled original gives
        (tmp_path / f"a{page}").mkdir()
        again = pb.render_rgb(Path(res.output), page, tmp_path / f"a{page}")
        assert again.tobytes() == pb.render_rgb(Path(fresh.output), page, tmp_path).tobytes(), page


def test_a_reportlab_overlay_in_a_file_kilabel_never_labelled_stays(tmp_path, identity):
    """The signature alone is not enough: without kilabel's XMP the same overlay is the author's."""
    src = pb.brochure(tmp_path / "b.pdf")
    other = first_release_relabel(src, tmp_path / "other.pdf", xmp=False)
    res = relabel_pdf(
        PdfRelabelTask(str(other), str(tmp_path / "out"), PRESET, AI, all_images=True), identity
    )
    assert res.ok, res.error
    assert not any("replaced" in w for w in res.warnings), res.warnings
    assert [len(f) for f in forms(Path(res.output))] == [2, 3]  # theirs kept, ours added
    with pikepdf.open(other) as pdf:
        view = pdf_stamp.PageView.of(pdf.pages[0])
        (theirs,) = [v for v in pdf.pages[0].Resources.XObject.values() if v.get("/Subtype") == "/Form"]
        assert pdf_stamp.is_earlier_overlay(theirs, view)  # it does look like one
        brochure_form = pdf.pages[1].Resources.XObject["/Fm0"]
        assert not pdf_stamp.is_earlier_overlay(brochure_form, view)
