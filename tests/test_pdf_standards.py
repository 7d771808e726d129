"""PDF standards: a print PDF is a PDF/X-4 file that an independent validator accepts (pdf-oxide's
validate_pdf_x, qpdf --check) and carries no attachment PDF/X-4 does not provide for (its C2PA
manifest is a sidecar); a relabelled PDF/X-1a or PDF/X-4 file draws the label without transparency,
keeps its claim with the manifest as a sidecar and withdraws it when the manifest is embedded (never
claiming a standard it no longer meets), and updates its dates and IDs together; font subsets get
distinct tags."""

from __future__ import annotations

import datetime
import hashlib
import io
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pdf_builders as pb
import pikepdf
import pytest
from conftest import print_profile
from pikepdf import Array, Dictionary, Name, String

from kilabel import presets
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pdf import label as pdf_label
from kilabel.pipeline import c2pa_sign, outcome
from kilabel.provenance import Provenance
from kilabel.relabel.pdf import PdfRelabelTask, relabel_pdf

try:
    import pdf_oxide
except ImportError as exc:  # a missing validator fails the tests, it does not skip them
    raise ImportError("pdf-oxide is missing: pip install -e '.[test]' (tools/setup.sh does)") from exc

AI = Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney")
CMYK = (
    'format = "pdf"\nwidth_mm = 100.0\nheight_mm = 70.0\ndpi = 150.0\nbleed_mm = 3.0\nsafety_mm = 6.0\n'
    'color = "cmyk"\n'
)
ICC = Path(__file__).resolve().parents[1] / "assets" / "icc" / "kilabel-FOGRA39.icc"
OLD_DATE = "D:20250101120000+01'00'"
# pdf-oxide's findings about the identification only (GTS_PDFXVersion/-Conformance missing), which a
# relabelled file has on purpose once it no longer claims the input's standard
IDENTIFICATION = ("[XMETA-007]", "[XMETA-008]")


def qpdf() -> str:
    path = shutil.which("qpdf")
    if not path:
        pytest.fail("qpdf is missing: install the Debian package 'qpdf' (tools/setup.sh does)", pytrace=False)
    return path


def qpdf_check(path: Path) -> None:
    res = subprocess.run([qpdf(), "--check", str(path)], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "No syntax or stream encoding errors found" in res.stdout, res.stdout


def validate(path: Path, level: str) -> dict:
    return pdf_oxide.PdfDocument(str(path)).validate_pdf_x(level)


def attachments(pdf: pikepdf.Pdf) -> list:
    """The catalog's associated files and the EmbeddedFiles name tree's entries."""
    names = pdf.Root.get("/Names", {}).get("/EmbeddedFiles")
    return list(pdf.Root.get("/AF", [])) + ([names] if names is not None else [])


def xmp(pdf: pikepdf.Pdf) -> dict[str, str]:
    meta = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
    keys = (
        "pdfxid:GTS_PDFXVersion",
        "xmp:ModifyDate",
        "xmp:MetadataDate",
        "xmp:CreatorTool",
        "xmpMM:InstanceID",
        "xmpMM:DocumentID",
        "pdf:Producer",
    )
    return {k: str(meta[k]) for k in keys if k in meta}


def pdf_date(value: str) -> datetime.datetime:
    """A PDF date string (D:YYYYMMDDHHmmSS+HH'mm') as an aware datetime."""
    v = value[2:] if value.startswith("D:") else value
    base = datetime.datetime.strptime(v[:14], "%Y%m%d%H%M%S")
    rest = v[14:].replace("'", "")
    if rest in ("", "Z"):
        return base.replace(tzinfo=datetime.UTC)
    sign = 1 if rest[0] == "+" else -1
    off = datetime.timedelta(hours=int(rest[1:3]), minutes=int(rest[3:5] or 0))
    return base.replace(tzinfo=datetime.timezone(sign * off))


def pdfx1a_brochure(path: Path) -> Path:
    """The test brochure as a layout program writes PDF/X-1a:2003: PDF 1.4, a GTS_PDFX OutputIntent,
    the claim in Info and XMP, dates, a document and instance ID."""
    pb.brochure(path)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        dest = pikepdf.Stream(pdf, ICC.read_bytes())
        dest.N = 4
        intent = Dictionary(
            Type=Name.OutputIntent,
            S=Name.GTS_PDFX,
            OutputConditionIdentifier=String("FOGRA39"),
            RegistryName=String("http://www.color.org"),
            Info=String("FOGRA39"),
            DestOutputProfile=pdf.make_indirect(dest),
        )
        pdf.Root.OutputIntents = Array([pdf.make_indirect(intent)])
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["pdfxid:GTS_PDFXVersion"] = "PDF/X-1a:2003"
            meta["xmp:CreatorTool"] = "Adobe InDesign 19.0"
            meta["xmp:CreateDate"] = meta["xmp:ModifyDate"] = "2025-01-01T12:00:00+01:00"
            meta["xmp:MetadataDate"] = "2025-01-01T12:00:00+01:00"
            meta["xmpMM:DocumentID"] = "xmp.did:kilabel-test-0001"
            meta["xmpMM:InstanceID"] = "xmp.iid:kilabel-test-0001"
            meta["pdf:Producer"] = "Adobe PDF Library 17.0"
        pdf.trailer.Info = pdf.make_indirect(
            Dictionary(
                Title=String("Brochure"),
                Creator=String("Adobe InDesign 19.0"),
                Producer=String("Adobe PDF Library 17.0"),
                CreationDate=String(OLD_DATE),
                ModDate=String(OLD_DATE),
                Trapped=Name("/False"),
                GTS_PDFXVersion=String("PDF/X-1a:2003"),
                GTS_PDFXConformance=String("PDF/X-1a:2003"),
            )
        )
        pdf.save(path, force_version="1.4")
    return path


def transparency(pdf: pikepdf.Pdf) -> list[str]:
    """Every use of transparency reachable from the pages: constant alpha below 1, soft masks,
    blend modes other than Normal, transparency groups."""
    found: list[str] = []
    seen: set = set()

    def walk(res, where: str) -> None:
        if not isinstance(res, Dictionary):
            return
        for name, gs in res.get("/ExtGState", {}).items():
            for key in ("/CA", "/ca"):
                if key in gs and float(gs[key]) < 1:
                    found.append(f"{where} {name} {key} {float(gs[key])}")
            if gs.get("/SMask", Name.None_) != Name.None_:
                found.append(f"{where} {name} SMask")
            if str(gs.get("/BM", "/Normal")) not in ("/Normal", "/Compatible"):
                found.append(f"{where} {name} BM")
        for name, xo in res.get("/XObject", {}).items():
            if xo.objgen in seen and xo.objgen != (0, 0):
                continue
            seen.add(xo.objgen)
            if "/SMask" in xo:
                found.append(f"{where} {name} image SMask")
            if xo.get("/Subtype") == Name.Form:
                if xo.get("/Group", {}).get("/S") == Name.Transparency:
                    found.append(f"{where} {name} transparency group")
                walk(xo.get("/Resources"), f"{where}{name}")

    for n, page in enumerate(pdf.pages, 1):
        if page.obj.get("/Group", {}).get("/S") == Name.Transparency:
            found.append(f"page {n} transparency group")
        walk(page.obj.get("/Resources"), f"page {n} ")
    return found


def subset_fonts(pdf: pikepdf.Pdf) -> dict[str, set[str]]:
    """Subset font name → the digests of the distinct font programs embedded under that name."""
    names: dict[str, set[str]] = {}
    for obj in pdf.objects:
        if isinstance(obj, Dictionary) and obj.get("/Type") == Name.Font and "/FontDescriptor" in obj:
            base = str(obj.BaseFont)[1:]
            if "+" in base:
                program = obj.FontDescriptor.get("/FontFile2")
                digest = hashlib.sha256(program.read_bytes() if program is not None else b"").hexdigest()
                names.setdefault(base, set()).add(digest)
    return names


def export_cmyk(make_image, tmp_path, identity, preset=None, prov=AI, extra=""):
    src = make_image("motiv.jpg", (1000, 700), quality=92)
    prof = print_profile(tmp_path, CMYK + extra, "test-pdfx")
    task = ExportTask(str(src), str(tmp_path / "out"), preset or presets.get("ki-generiert"), prof, prov)
    res = export_one(task, identity)
    assert res.ok, res.error
    return res


@pytest.mark.parametrize(
    "extra", ['compression = "lossless"\n', 'compression = "jpeg"\n', "crop_marks = true\n"]
)
def test_print_pdf_is_pdfx4_with_the_manifest_as_sidecar(make_image, tmp_path, identity, extra):
    res = export_cmyk(make_image, tmp_path, identity, extra=extra)
    out = Path(res.output)
    report = validate(out, "4")
    assert report["valid"] and not report["errors"], report
    qpdf_check(out)
    with pikepdf.open(out) as pdf:
        assert not attachments(pdf), "PDF/X-4 (PDF 1.6) has no associated files: the manifest is a sidecar"
        assert str(pdf.trailer.Info.GTS_PDFXVersion) == "PDF/X-4"
        assert xmp(pdf)["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
        assert "trainedAlgorithmicMedia" in pdf.Root.Metadata.read_bytes().decode()  # provenance stays
    side = Path(res.sidecar)
    assert side.name == out.stem + ".c2pa" and side.is_file()
    state, reasons = outcome.check_sidecar(out, "application/pdf", side.read_bytes())
    assert state in ("valid", "trusted"), reasons
    assert res.c2pa_state in ("valid", "trusted")
    found = c2pa_sign.read(out)  # `kilabel check` and --skip-existing find the sidecar
    assert found.state in ("valid", "trusted") and found.sidecar == str(side), found


@pytest.mark.parametrize("pdf_c2pa", ["sidecar", "embedded"])
def test_relabelled_pdfx1a_claims_nothing_it_does_not_meet(tmp_path, identity, pdf_c2pa):
    """The label of a PDF/X-1a input is opaque pure K without transparency, so the label keeps the
    file PDF/X-1a: with the manifest as a sidecar (the default) the claim stays and the validator
    accepts the file; embedded, the attachment breaks PDF/X-1a and the claim is withdrawn."""
    src = pdfx1a_brochure(tmp_path / "x1a.pdf")
    report = validate(src, "1a_2001")  # the validator accepts the input (apart from 2001 vs 2003)
    assert report["valid"] and not report["errors"], report
    with pikepdf.open(src) as pdf:
        before, ids = xmp(pdf), [bytes(v) for v in pdf.trailer.ID]
    res = relabel_pdf(
        PdfRelabelTask(
            str(src),
            str(tmp_path / "out"),
            presets.get("ki-generiert"),
            AI,
            all_images=True,
            pdf_c2pa=pdf_c2pa,
        ),
        identity,
    )
    assert res.ok, res.error
    assert res.c2pa_state in ("valid", "trusted"), res.warnings
    out = Path(res.output)
    qpdf_check(out)
    with pikepdf.open(out) as pdf:
        info, after = pdf.trailer.Info, xmp(pdf)
        claims = [str(info.get("/GTS_PDFXVersion", "")), after.get("pdfxid:GTS_PDFXVersion", "")]
        assert transparency(pdf) == []  # no transparency, whatever is claimed
        version = str(pdf.Root.get("/Version", "/" + pdf.pdf_version))[1:]
        if pdf_c2pa == "sidecar":
            assert not attachments(pdf)
            assert claims == ["PDF/X-1a:2003", "PDF/X-1a:2003"], claims
            assert str(info.GTS_PDFXConformance) == "PDF/X-1a:2003"
            assert version == "1.4" and pdf.pdf_version == "1.4"  # PDF/X-1a:2003 is PDF 1.4
            assert any("keeps it" in w and "sidecar" in w for w in res.warnings), res.warnings
        else:
            assert attachments(pdf), "the manifest was to be embedded"
            assert claims == ["", ""], claims
            assert "/GTS_PDFXConformance" not in info
            assert any("PDF/X-1a:2003" in w and "no longer claims" in w for w in res.warnings), res.warnings
            assert version >= "1.7", "an embedded file with /UF needs PDF 1.7"
        # Dates and IDs are updated together, in Info and XMP.
        mod = pdf_date(str(info.ModDate))
        assert mod > pdf_date(OLD_DATE)
        assert datetime.datetime.fromisoformat(after["xmp:ModifyDate"]) == mod
        assert datetime.datetime.fromisoformat(after["xmp:MetadataDate"]) >= mod
        assert after["xmpMM:InstanceID"] != before["xmpMM:InstanceID"]
        assert after["xmpMM:DocumentID"] == before["xmpMM:DocumentID"]
        assert str(info.Creator) == after["xmp:CreatorTool"]
        assert str(info.Producer) == after["pdf:Producer"]
        new_ids = [bytes(v) for v in pdf.trailer.ID]
        assert new_ids[0] == ids[0] and new_ids[1] != ids[1]  # same document, new instance
    if pdf_c2pa == "sidecar":  # the pair validates; the validator finds nothing wrong
        side = Path(res.sidecar)
        assert side == out.with_suffix(".c2pa")
        assert outcome.check_sidecar(out, "application/pdf", side.read_bytes())[0] in ("valid", "trusted")
        report = validate(out, "1a_2001")
        assert report["valid"] and not report["errors"], report
    else:  # the validator finds nothing but the identification that was withdrawn on purpose
        assert not res.sidecar
        for level in ("1a_2001", "4"):
            report = validate(out, level)
            assert all(e.startswith(IDENTIFICATION) for e in report["errors"]), report


def test_a_pdfx_claim_without_a_cmyk_output_intent_is_withdrawn(tmp_path, identity):
    """The label is DeviceCMYK: a PDF/X file whose output intent is not CMYK cannot keep its claim
    even with the manifest as a sidecar."""
    src = pdfx1a_brochure(tmp_path / "x1a.pdf")
    with pikepdf.open(src, allow_overwriting_input=True) as pdf:
        del pdf.Root.OutputIntents
        pdf.save(src)
    res = relabel_pdf(
        PdfRelabelTask(str(src), str(tmp_path / "out"), presets.get("ki-generiert"), AI, all_images=True),
        identity,
    )
    assert res.ok, res.error
    assert any("no longer claims" in w and "CMYK output intent" in w for w in res.warnings), res.warnings
    assert not res.sidecar  # a sidecar would keep nothing: the manifest is embedded
    with pikepdf.open(res.output) as pdf:
        assert "/GTS_PDFXVersion" not in pdf.trailer.Info and "pdfxid:GTS_PDFXVersion" not in xmp(pdf)
        assert attachments(pdf) and transparency(pdf) == []
    qpdf_check(Path(res.output))


def test_label_font_subsets_get_distinct_tags():
    font = presets.get("ki-generiert").style.font

    def overlay(text: str) -> pikepdf.Pdf:
        def draw(c) -> None:
            c.setFont(pdf_label.font_name(font), 12)
            c.drawString(10, 10, text)

        return pikepdf.open(io.BytesIO(pdf_label.overlay_pdf((200, 50), font, draw)))

    # reportlab's first subset holds ASCII and the non-ASCII letters used: here ü and ß differ
    a, b = overlay("Bild: KI · Anna Müller"), overlay("Bild: KI · Jürgen Groß")
    a2 = overlay("Bild: KI · Anna Müller")
    (name_a,), (name_b,), (name_a2,) = subset_fonts(a), subset_fonts(b), subset_fonts(a2)
    tag = name_a.split("+")[0]
    assert len(tag) == 6 and tag.isalpha() and tag.isupper() and tag != "AAAAAA"
    assert name_a != name_b  # different glyphs, different names
    assert name_a == name_a2  # the same subset keeps its name (the tag is derived, not random)


def test_relabelled_print_pdf_has_one_font_program_per_subset_name(make_image, tmp_path, identity):
    """A kilabel print PDF with a credit line relabelled with another one: two different subsets of
    the same font (umlauts and ß of the creators' names), which reportlab alone would both call
    AAAAAA+NotoSans-Bold."""
    credit = presets.get("credit-line")
    res = export_cmyk(make_image, tmp_path, identity, credit, replace(AI, creator="Anna Müller"))
    again = relabel_pdf(
        PdfRelabelTask(
            res.output,
            str(tmp_path / "relabelled"),
            credit,
            replace(AI, creator="Jürgen Groß"),
            all_images=True,
        ),
        identity,
    )
    assert again.ok, again.error
    with pikepdf.open(again.output) as pdf:
        names = subset_fonts(pdf)
    assert all(len(programs) == 1 for programs in names.values()), names  # one name, one program
    assert len(names) >= 2, names  # the print PDF's credit line and the new one
    # A relabelled PDF/X-4 input stays PDF/X-4 (opaque label, manifest as sidecar): qpdf and the
    # validator find nothing wrong.
    assert any("PDF/X-4" in w and "keeps it" in w for w in again.warnings), again.warnings
    assert Path(again.sidecar).is_file()
    qpdf_check(Path(again.output))
    report = validate(Path(again.output), "4")
    assert report["valid"] and not report["errors"], report
    with pikepdf.open(again.output) as pdf:
        assert transparency(pdf) == [] and not attachments(pdf)
        assert str(pdf.trailer.Info.GTS_PDFXVersion) == "PDF/X-4"


def test_a_profile_may_embed_the_manifest_in_a_cmyk_print_pdf(tmp_path, identity):
    """pdf_c2pa = "embedded" (workflows that are not PDF/X): no sidecar, the SDK's attachment."""
    from kilabel.errors import ConfigError

    prof = print_profile(tmp_path, CMYK + 'pdf_c2pa = "embedded"\n', "embed")
    src = tmp_path / "in.png"
    pb.light_image((120, 160, 200), (600, 800)).save(src)
    res = export_one(
        ExportTask(str(src), str(tmp_path / "out"), presets.get("ki-generiert"), prof, AI), identity
    )
    assert res.ok, res.error
    assert not res.sidecar and not Path(res.output).with_suffix(".c2pa").exists()
    info = c2pa_sign.read(Path(res.output))
    assert info.state in ("valid", "trusted") and not info.sidecar
    with pytest.raises(ConfigError, match="pdf_c2pa"):
        print_profile(tmp_path, CMYK + 'pdf_c2pa = "maybe"\n', "bad")


def test_an_unknown_manifest_place_is_a_clear_error(tmp_path, identity):
    src = pdfx1a_brochure(tmp_path / "x1a.pdf")
    task = PdfRelabelTask(
        str(src), str(tmp_path / "out"), presets.get("ki-generiert"), AI, all_images=True, pdf_c2pa="maybe"
    )
    res = relabel_pdf(task, identity)
    assert not res.ok and str(src) in res.error and "pdf_c2pa must be sidecar or embedded" in res.error
    assert not (tmp_path / "out" / "x1a.pdf").exists()


@pytest.mark.parametrize("flag", [[], ["--pdf-c2pa", "embedded"]])
def test_relabel_command_line_chooses_where_a_pdfx_manifest_goes(tmp_path, identity, flag):
    """`kilabel relabel` keeps a PDF/X input's claim with a sidecar by default; --pdf-c2pa embedded
    puts the manifest into the PDF and withdraws the claim."""
    from kilabel.cli import main as cli

    src = pdfx1a_brochure(tmp_path / "x1a.pdf")
    out = tmp_path / "out"
    args = ["relabel", str(src), "-o", str(out), "--all-images", "--source-type", "trainedAlgorithmicMedia"]
    assert cli.main([*args, *flag]) == 0
    with pikepdf.open(out / "x1a.pdf") as pdf:
        kept = "/GTS_PDFXVersion" in pdf.trailer.Info
    assert kept == (not flag)
    assert (out / "x1a.c2pa").exists() == (not flag)
