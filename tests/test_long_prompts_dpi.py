"""Prompts of any length (JPEG extended XMP, shortened EXIF copy) and unknown resolution (no 1 dpi)."""

from __future__ import annotations

import hashlib
import io
import re
import struct
from pathlib import Path

import pytest
from jpeg_helpers import EXT_SIG, STD_SIG, app1_segments, long_prompt
from PIL import Image

from kilabel import keys, presets, profiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline import c2pa_sign, image_load, metadata
from kilabel.pipeline.verify import read_embedded
from kilabel.provenance import Provenance

P70 = long_prompt(70_000)
P33 = long_prompt(33_000)


def prov_with(prompt: str) -> Provenance:
    return Provenance(
        source_type="trainedAlgorithmicMedia",
        ai_system="Midjourney",
        ai_version="7",
        prompt=prompt,
        prompt_writer="Jana Müller",
        creator="Agentur Öffentlich & Co",
        credit="Bild: KI-generiert (Midjourney)",
    )


def export(src: Path, out: Path, ident, prompt: str, profile=profiles.SAME_AS_INPUT) -> Path:
    task = ExportTask(str(src), str(out), presets.get("ki-generiert"), profile, prov_with(prompt))
    res = export_one(task, ident)
    assert res.ok, res.error
    return Path(res.output)


@pytest.fixture(scope="module")
def long_jpeg(tmp_path_factory):
    """A signed JPEG export with the 70,000-character prompt (its own kilabel home)."""
    from conftest import photo

    home = tmp_path_factory.mktemp("lhome")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KILABEL_HOME", str(home))
        ident = keys.ensure(home / "keys", "Stadt Musterstadt")[0]
        src = tmp_path_factory.mktemp("lsrc") / "lang.jpg"
        photo((480, 320)).save(src, quality=90)
        yield export(src, src.parent / "out", ident, P70)


def test_exiftool_reassembles_the_whole_prompt(long_jpeg, exiftool):
    # exiftool shows values over 64 KB as "(Binary data …)" unless asked with -b
    tags = exiftool(long_jpeg, "-b", "-XMP-iptcExt:AIPromptInformation", "-XMP-xmpNote:HasExtendedXMP")
    assert tags["XMP-iptcExt:AIPromptInformation"] == P70
    assert re.fullmatch(r"[0-9A-F]{32}", tags["XMP-xmpNote:HasExtendedXMP"])
    plain = exiftool(long_jpeg, "-XMP-iptcExt:DigitalSourceType", "-XMP-dc:Creator")
    assert plain["XMP-iptcExt:DigitalSourceType"].endswith("/trainedAlgorithmicMedia")
    assert plain["XMP-dc:Creator"] == ["Agentur Öffentlich & Co"]


def test_extended_xmp_segments_follow_the_spec(long_jpeg):
    segs = app1_segments(long_jpeg.read_bytes())
    kinds = ["std" if s.startswith(STD_SIG) else "ext" if s.startswith(EXT_SIG) else "other" for s in segs]
    first = kinds.index("std")
    n_ext = kinds.count("ext")
    assert n_ext >= 2, "a 70,000-character prompt needs more than one extension segment"
    assert kinds[first + 1 : first + 1 + n_ext] == ["ext"] * n_ext, "extension right after the standard XMP"
    assert all(len(s) <= 65533 for s in segs)
    standard = segs[first][len(STD_SIG) :]
    assert b"AIPromptInformation" not in standard, "the prompt went to the extended part"
    guid = re.search(rb"<xmpNote:HasExtendedXMP>([0-9A-F]{32})<", standard).group(1)
    prov, _label, desc, _tool = metadata.parse_xmp(standard)
    assert prov.source_type == "trainedAlgorithmicMedia" and desc.startswith("KI-generiert")
    chunks = {}
    for s in segs[first + 1 : first + 1 + n_ext]:
        body = s[len(EXT_SIG) :]
        assert body[:32] == guid
        full, offset = struct.unpack(">II", body[32:40])
        chunks[offset] = (full, body[40:])
    extended = b""
    for offset in sorted(chunks):
        assert offset == len(extended)
        extended += chunks[offset][1]
    assert {full for full, _ in chunks.values()} == {len(extended)}
    assert hashlib.md5(extended).hexdigest().upper().encode() == guid
    assert not extended.lstrip().startswith(b"<?xpacket"), "extended XMP has no packet wrapper"
    assert metadata.parse_xmp(extended)[0].prompt == P70


def test_own_reader_returns_the_full_xmp(long_jpeg):
    data = long_jpeg.read_bytes()
    packet = metadata.jpeg_full_xmp(data)
    prov, label, desc, tool = metadata.parse_xmp(packet)
    assert prov.prompt == P70
    assert prov.prompt_writer == "Jana Müller" and prov.creator == "Agentur Öffentlich & Co"
    assert (
        label.preset_id == "ki-generiert" and desc.startswith("KI-generiert") and tool.startswith("kilabel")
    )
    assert b"HasExtendedXMP" not in packet
    with long_jpeg.open("rb") as fh:  # from a file object, reading only the header segments
        assert metadata.jpeg_full_xmp(fh) == packet
    # what verify reads today (Pillow's standard packet only) lacks the prompt
    with Image.open(long_jpeg) as im:
        assert metadata.parse_xmp(im.info["xmp"])[0].prompt == ""


def test_reader_ignores_a_damaged_extension(long_jpeg):
    data = bytearray(long_jpeg.read_bytes())
    pos = data.find(EXT_SIG) + len(EXT_SIG) + 40 + 500
    data[pos] ^= 0x01  # one byte of the extended XMP changed: its MD5 no longer matches the GUID
    prov = metadata.parse_xmp(metadata.jpeg_full_xmp(bytes(data)))[0]
    assert prov.prompt == "" and prov.source_type == "trainedAlgorithmicMedia"


def test_long_prompt_output_is_signed_and_valid(long_jpeg):
    info = c2pa_sign.read(long_jpeg)
    assert info.state in ("valid", "trusted"), (info.state, info.reasons)
    assert info.prompt == P70


def test_exif_user_comment_is_shortened_with_a_note(long_jpeg, exiftool):
    uc = exiftool(long_jpeg, "-b", "-ExifIFD:UserComment")["ExifIFD:UserComment"]
    assert uc.endswith(metadata.PROMPT_SHORTENED)
    kept = uc[: -len(metadata.PROMPT_SHORTENED)]
    assert len(kept) > 30_000 and P70.startswith(kept)
    exif_seg = [s for s in app1_segments(long_jpeg.read_bytes()) if s.startswith(b"Exif\0\0")]
    assert len(exif_seg) == 1 and len(exif_seg[0]) <= 65533
    _fmt, emb = read_embedded(long_jpeg)
    assert emb.exif_user_comment == uc


def test_shorten_prompt_keeps_emoji_whole():
    text = "😀" * 100
    for budget in range(60, 140):
        out = metadata.shorten_prompt(text, budget)
        assert len(out.encode("utf-16-le")) <= budget or budget < len(metadata.PROMPT_SHORTENED) * 2
        assert out.endswith(metadata.PROMPT_SHORTENED)
        assert set(out[: -len(metadata.PROMPT_SHORTENED)]) <= {"😀"}
    assert metadata.shorten_prompt("kurz", 100) == "kurz"


def test_short_prompt_path_is_unchanged(make_image, tmp_path, identity):
    prov = prov_with("Menschen lesen in einer Straßenbahn")
    label = metadata.LabelRecord("ki-generiert", "KI-generiert", "de", "bottom-right", "KL-1")
    assert metadata.build_jpeg_xmp(prov, label, "d") == (metadata.build_xmp(prov, label, "d"), None)
    out = export(make_image("kurz.jpg"), tmp_path / "out", identity, prov.prompt)
    segs = app1_segments(out.read_bytes())
    assert not any(s.startswith(EXT_SIG) for s in segs)
    with Image.open(out) as im:
        assert metadata.jpeg_full_xmp(out.read_bytes()) == im.info["xmp"]
        uc = im.getexif().get_ifd(metadata.EXIF_IFD)[metadata.EXIF_USER_COMMENT]
    assert metadata.decode_user_comment(uc, little_endian=True) == prov.prompt


def test_every_large_property_can_move_to_the_extended_part():
    big = long_prompt(40_000)
    prov = Provenance(source_type="trainedAlgorithmicMedia", prompt=big, creator=big, credit=big)
    standard, extended = metadata.build_jpeg_xmp(prov, metadata.LabelRecord(), "kurz")
    assert len(standard) <= metadata.JPEG_XMP_MAX
    merged = metadata.parse_xmp(
        metadata.jpeg_full_xmp(
            metadata.jpeg_insert_after_xmp(
                _tiny_jpeg(standard), metadata.jpeg_extended_xmp_segments(extended)
            )
        )
    )[0]
    assert merged.prompt == big and merged.creator == big and merged.credit == big
    assert merged.source_type == "trainedAlgorithmicMedia"


def _tiny_jpeg(xmp: bytes) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "JPEG", xmp=xmp)
    return buf.getvalue()


@pytest.mark.parametrize("ext", ["jpg", "webp"])
def test_33000_character_prompt(ext, make_image, tmp_path, identity, exiftool):
    out = export(make_image(f"mittel.{ext}"), tmp_path / "out", identity, P33)
    tags = exiftool(out, "-b", "-XMP-iptcExt:AIPromptInformation", "-ExifIFD:UserComment")
    assert tags["XMP-iptcExt:AIPromptInformation"] == P33
    assert tags["ExifIFD:UserComment"].endswith(metadata.PROMPT_SHORTENED), "UTF-16 of P33 > 64 KB"
    if ext == "jpg":
        packet = metadata.jpeg_full_xmp(out.read_bytes())
    else:
        with Image.open(out) as im:
            packet = im.info["xmp"]
    assert metadata.parse_xmp(packet)[0].prompt == P33
    assert c2pa_sign.read(out).state in ("valid", "trusted")


def test_70000_character_prompt_in_webp(make_image, tmp_path, identity, exiftool):
    """WebP's XMP chunk has no 64 KB limit (Pillow writes it whole); only the EXIF copy is shortened."""
    out = export(make_image("lang.webp"), tmp_path / "out", identity, P70)
    tags = exiftool(out, "-b", "-XMP-iptcExt:AIPromptInformation", "-ExifIFD:UserComment")
    assert tags["XMP-iptcExt:AIPromptInformation"] == P70
    assert tags["ExifIFD:UserComment"].endswith(metadata.PROMPT_SHORTENED)
    _fmt, emb = read_embedded(out)
    assert emb.provenance.prompt == P70
    assert c2pa_sign.read(out).state in ("valid", "trusted")


# --- resolution: unknown stays unknown ------------------------------------------------------------


@pytest.fixture
def tiff_without_dpi(make_image, exiftool):
    path = make_image("ohne-dpi.tif", compression="tiff_lzw")
    tags = exiftool(path)
    assert "IFD0:XResolution" not in tags and "IFD0:ResolutionUnit" not in tags, "precondition"
    return path


def test_tiff_without_dpi_to_web_jpeg_has_no_1_dpi(tiff_without_dpi, tmp_path, identity, exiftool):
    out = export(tiff_without_dpi, tmp_path / "out", identity, "p", profiles.get("web-jpeg"))
    tags = exiftool(out)
    assert tags["JFIF:ResolutionUnit"] == "None", "JFIF density unit 0: an aspect ratio, not dpi"
    assert "IFD0:XResolution" not in tags
    # read back, the output states no resolution either (Pillow itself reports 72 for it)
    assert image_load.load(out).dpi is None


def test_tiff_without_dpi_to_tiff_gains_no_resolution(tiff_without_dpi, tmp_path, identity, exiftool):
    out = export(tiff_without_dpi, tmp_path / "out", identity, "p")
    tags = exiftool(out)
    assert out.suffix == ".tif"
    assert "IFD0:XResolution" not in tags and "IFD0:YResolution" not in tags
    assert "IFD0:ResolutionUnit" not in tags


def test_stated_dpi_is_kept_and_print_profile_writes_its_dpi(make_image, tmp_path, identity, exiftool):
    from conftest import print_profile

    src = make_image("mit-dpi.tif", compression="tiff_lzw", dpi=(72, 72))
    out = export(src, tmp_path / "same", identity, "p")
    assert exiftool(out)["IFD0:XResolution"] == 72
    prof = print_profile(
        tmp_path,
        'format = "jpeg"\nwidth_mm = 60.0\nheight_mm = 40.0\ndpi = 300.0\nupsample = true\n',  # 640 px: < 300 dpi
        "druck",
    )
    for source in (src, make_image("ohne.tif", compression="tiff_lzw")):
        tags = exiftool(export(source, tmp_path / f"druck-{source.stem}", identity, "p", prof))
        assert tags["JFIF:ResolutionUnit"] == "inches"
        assert tags["JFIF:XResolution"] == 300 and tags["JFIF:YResolution"] == 300


def test_reader_on_truncated_and_foreign_data(long_jpeg):
    data = long_jpeg.read_bytes()
    cut = data.find(EXT_SIG) + 1000  # inside the first extension segment
    prov = metadata.parse_xmp(metadata.jpeg_full_xmp(data[:cut]))[0]
    assert prov.source_type == "trainedAlgorithmicMedia" and prov.prompt == ""
    assert metadata.jpeg_full_xmp(b"\x89PNG\r\n\x1a\n") is None
