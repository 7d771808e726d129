"""Relabelling print images: everything the print shop relies on stays, the label is added, the
history is kept (C2PA parent, register correction)."""

from __future__ import annotations

import dataclasses
import hashlib
import subprocess
from pathlib import Path

import c2pa
import pytest
from conftest import ROOT, photo, run_cli
from PIL import Image, ImageChops, ImageStat

from kilabel import presets, profiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline import c2pa_sign
from kilabel.provenance import Provenance
from kilabel.register import record as register_record
from kilabel.register import store as register
from kilabel.relabel.image import RelabelTask, record, relabel_image
from kilabel.relabel.image_encode import estimate_quality

AI = Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney", ai_version="6")


def relabel(src: Path, out: Path, identity, prov=AI, **kw):
    res = relabel_image(RelabelTask(str(src), str(out), presets.get("ki-generiert"), prov, **kw), identity)
    assert res.ok, res.error
    return res


def corner_changed(a: Path, b: Path) -> bool:
    """The bottom-right corner differs (the label), the top-left corner does not."""
    ia, ib = Image.open(a).convert("RGB"), Image.open(b).convert("RGB")
    w, h = ia.size
    br = (w * 3 // 4, h * 4 // 5, w, h)
    tl = (0, 0, w // 4, h // 5)

    def diff(box) -> float:
        return sum(ImageStat.Stat(ImageChops.difference(ia.crop(box), ib.crop(box))).mean)

    return diff(br) > 5 and diff(tl) < 3


def test_tiff_cmyk_lzw_keeps_print_settings(tmp_path, identity, exiftool):
    icc = (ROOT / "assets" / "icc" / "kilabel-FOGRA39.icc").read_bytes()
    src = tmp_path / "old" / "plakat.tif"
    src.parent.mkdir()
    photo((900, 640)).convert("CMYK").save(src, compression="tiff_lzw", icc_profile=icc, dpi=(300, 300))
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    res = relabel(src, tmp_path / "new", identity)
    out = Path(res.output)
    assert out.name == "plakat.tif" and out.parent == tmp_path / "new"
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before  # the original is never written
    a, b = exiftool(src), exiftool(out)
    for tag in (
        "IFD0:ImageWidth",
        "IFD0:ImageHeight",
        "IFD0:Compression",
        "IFD0:PhotometricInterpretation",
        "IFD0:XResolution",
        "IFD0:YResolution",
        "IFD0:ResolutionUnit",
        "IFD0:BitsPerSample",
        "ICC_Profile:ProfileDescription",
    ):
        assert b[tag] == a[tag], tag
    assert b["IFD0:Compression"] == "LZW" and b["IFD0:PhotometricInterpretation"] == "CMYK"
    assert b["XMP-kilabel:LabelText"] == "KI-generiert"
    assert Image.open(out).info["icc_profile"] == icc
    assert corner_changed(src, out)
    assert c2pa_sign.read(out).state in ("valid", "trusted")


CAMERA_EXIF = [
    "-EXIF:DateTimeOriginal=2024:05:06 07:08:09",
    "-EXIF:ExposureTime=1/250",
    "-EXIF:FNumber=5.6",
    "-EXIF:ISO=400",
    "-EXIF:LensModel=RF 24-70mm",
    "-EXIF:Copyright=Stadt Leipzig",
]
CAMERA_KEYS = [
    "ExifIFD:DateTimeOriginal",
    "ExifIFD:ExposureTime",
    "ExifIFD:FNumber",
    "ExifIFD:ISO",
    "ExifIFD:LensModel",
    "IFD0:Copyright",
]


@pytest.mark.parametrize("endian", ["lsb", "msb"])
def test_tiff_keeps_the_exif_sub_ifd_in_either_byte_order(tmp_path, identity, exiftool, endian):
    """libtiff writes no Exif sub-IFD, so tiff_exif carries the original's over (dates, exposure,
    lens), converting big-endian values when the new file is little-endian."""
    src = tmp_path / "old" / "plakat.tif"
    src.parent.mkdir()
    plain = tmp_path / "plain.tif"
    photo((600, 400)).convert("CMYK").save(plain, compression="tiff_lzw", dpi=(300, 300))
    subprocess.run(
        ["convert", str(plain), "-define", f"tiff:endian={endian}", "-compress", "lzw", str(src)], check=True
    )
    subprocess.run(["exiftool", "-q", "-overwrite_original", *CAMERA_EXIF, str(src)], check=True)
    assert src.read_bytes()[:2] == (b"MM" if endian == "msb" else b"II")
    a = exiftool(src)
    assert a["ExifIFD:ISO"] == 400
    res = relabel(src, tmp_path / "new", identity, prov=dataclasses.replace(AI, prompt="Plakat, Straßenbahn"))
    b = exiftool(Path(res.output))
    for key in CAMERA_KEYS:
        assert b.get(key) == a[key], key
    assert b["ExifIFD:UserComment"] == "Plakat, Straßenbahn"  # ours, next to the carried ones
    warnings = subprocess.run(
        ["exiftool", "-validate", "-warning", "-a", str(res.output)],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert "Validate" in warnings and "Error" not in warnings, warnings
    assert b["IFD0:Compression"] == "LZW" and b["IFD0:PhotometricInterpretation"] == "CMYK"


def test_jpeg_keeps_quality_subsampling_and_other_metadata(tmp_path, identity, exiftool):
    src = tmp_path / "old" / "motiv.jpg"
    src.parent.mkdir()
    photo((800, 600)).save(src, quality=78, subsampling=1, dpi=(300, 300))
    subprocess.run(
        [
            "exiftool",
            "-q",
            "-overwrite_original",
            "-XMP-dc:Title=Buchstadt Plakat",
            "-XMP-photoshop:City=Leipzig",
            "-EXIF:Copyright=Stadt Leipzig",
            "-EXIF:Make=Nikon",
            *CAMERA_EXIF,
            str(src),
        ],
        check=True,
    )
    res = relabel(src, tmp_path / "new", identity)
    out = Path(res.output)
    q_in, q_out = Image.open(src).quantization, Image.open(out).quantization
    assert q_out == q_in  # the input's own tables are reused
    assert estimate_quality(q_in) == 78 and "quality ≈78" in res.warnings[0]
    meta = exiftool(out)
    assert meta["XMP-dc:Title"] == "Buchstadt Plakat" and meta["XMP-photoshop:City"] == "Leipzig"
    assert meta["IFD0:Copyright"] == "Stadt Leipzig" and meta["IFD0:Make"] == "Nikon"
    before = exiftool(src)
    for key in CAMERA_KEYS:
        assert meta.get(key) == before[key], key
    assert meta["XMP-iptcExt:DigitalSourceType"].endswith("trainedAlgorithmicMedia")
    assert meta["XMP-kilabel:LabelText"] == "KI-generiert"
    assert meta["File:YCbCrSubSampling"] == exiftool(src)["File:YCbCrSubSampling"]
    assert meta["IFD0:XResolution"] == 300
    assert corner_changed(src, out)


def test_kilabel_manifest_becomes_parent_and_register_correction(make_image, tmp_path, identity):
    first = export_one(
        ExportTask(
            str(make_image("gen.png", (500, 400))),
            str(tmp_path / "web"),
            presets.get("ki-generiert"),
            profiles.SAME_AS_INPUT,
            AI,
        ),
        identity,
    )
    assert first.ok, first.error
    with register.open_register() as reg:
        earlier = reg.add(register_record.entry_from_result(first))
    res = relabel(
        Path(first.output), tmp_path / "print", identity, prov=Provenance(), reason="Kennzeichnung fehlte"
    )
    reader = c2pa.Reader(res.output)
    assert reader.get_validation_state() in ("Valid", "Trusted")
    m = reader.get_active_manifest()
    parents = [i for i in m["ingredients"] if i["relationship"] == "parentOf"]
    assert len(parents) == 1 and parents[0].get("active_manifest")
    assert res.provenance.ai_system == "Midjourney"  # taken from the input's own metadata
    notes = record([res], label_id="ki-generiert", language="de", reason="Kennzeichnung fehlte")
    assert any(f"correction of entry {earlier.id}" in n for n in notes)
    with register.open_register() as reg:
        newest = reg.query()[-1]
    assert newest.supersedes == earlier.id and newest.reason == "Kennzeichnung fehlte"
    assert newest.output_sha256 == hashlib.sha256(Path(res.output).read_bytes()).hexdigest()


def test_tampered_input_is_an_invalid_parent_with_warning(make_image, tmp_path, identity):
    first = export_one(
        ExportTask(
            str(make_image("t.jpg", (400, 300))),
            str(tmp_path / "web"),
            presets.get("ki-generiert"),
            profiles.SAME_AS_INPUT,
            AI,
        ),
        identity,
    )
    data = bytearray(Path(first.output).read_bytes())
    data[-300] ^= 0x55
    bad = tmp_path / "old" / "t.jpg"
    bad.parent.mkdir()
    bad.write_bytes(bytes(data))
    res = relabel(bad, tmp_path / "new", identity)
    assert any("INVALID" in w and "parent" in w for w in res.warnings)
    info = c2pa_sign.read(Path(res.output))
    assert info.state in ("valid", "trusted") and info.has_parent and info.parent_state == "invalid"


def test_16_bit_input_is_written_as_8_bit_and_said(tmp_path, identity):
    src = tmp_path / "old" / "grau.png"
    src.parent.mkdir()
    Image.linear_gradient("L").resize((400, 300)).convert("I").point(lambda v: v * 257).convert("I;16").save(
        src
    )
    res = relabel(src, tmp_path / "new", identity)
    assert any("16-bit" in w and "8-bit" in w for w in res.warnings)
    out = Image.open(res.output)
    assert out.size == (400, 300) and out.mode == "L"


def test_cli_relabel_same_names_never_onto_input(make_image, tmp_path):
    src = make_image("a.jpg", (400, 300))
    same = run_cli("relabel", str(src), "--out", str(src.parent), "--source-type", "trainedAlgorithmicMedia")
    assert same.returncode == 1 and "another folder" in same.stderr
    ok = run_cli(
        "relabel",
        str(src),
        "--out",
        str(tmp_path / "r"),
        "--source-type",
        "trainedAlgorithmicMedia",
        "--position",
        "top-left",
        "--reason",
        "Kennzeichnung fehlte im Druck",
    )
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "r" / "a.jpg").exists() and "register:" in ok.stderr
    missing = run_cli("relabel", str(src), "--out", str(tmp_path / "r2"))
    assert missing.returncode == 1 and "--source-type" in missing.stderr
