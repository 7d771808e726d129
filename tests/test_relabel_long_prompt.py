"""Relabel with prompts of any length (JPEG extended XMP, shortened EXIF copy, also next to a large
original EXIF) and unknown resolution (no 1 dpi): the two export defects, on the relabel path."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from conftest import photo, run_cli
from jpeg_helpers import EXT_SIG, STD_SIG, app1_segments, long_prompt
from PIL import Image

from kilabel import keys, presets, profiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline import c2pa_sign, metadata
from kilabel.provenance import Provenance
from kilabel.relabel.image import RelabelTask, relabel_image
from kilabel.relabel.image_encode import jpeg_xmp

AI = Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney", ai_version="7")


P70 = long_prompt(70_000)
P33 = long_prompt(33_000)


def relabel(src: Path, out: Path, ident, prov: Provenance = AI) -> Path:
    res = relabel_image(RelabelTask(str(src), str(out), presets.get("ki-generiert"), prov), ident)
    assert res.ok, res.error
    return Path(res.output)


def user_comment(exiftool, path: Path) -> str:
    return exiftool(path, "-b", "-ExifIFD:UserComment")["ExifIFD:UserComment"]


def assert_prompt_whole(path: Path, prompt: str, exiftool) -> None:
    tags = exiftool(path, "-b", "-XMP-iptcExt:AIPromptInformation")
    assert tags["XMP-iptcExt:AIPromptInformation"] == prompt
    assert metadata.parse_xmp(metadata.jpeg_full_xmp(path.read_bytes()))[0].prompt == prompt
    segs = app1_segments(path.read_bytes())
    assert all(len(s) <= 65533 for s in segs)
    assert sum(s.startswith(STD_SIG) for s in segs) == 1


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A kilabel-exported JPEG (short prompt) and one with the 70,000-character prompt, plus the
    identity, in their own kilabel home."""
    home = tmp_path_factory.mktemp("rlhome")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KILABEL_HOME", str(home))
        ident = keys.ensure(home / "keys", "Stadt Musterstadt")[0]
        src = tmp_path_factory.mktemp("rlsrc") / "motiv.jpg"
        photo((480, 320)).save(src, quality=90, dpi=(300, 300))
        out = {}
        for name, prompt in (("short", "Straßenbahn im Regen"), ("long", P70)):
            task = ExportTask(
                str(src),
                str(src.parent / name),
                presets.get("ki-generiert"),
                profiles.SAME_AS_INPUT,
                dataclasses.replace(AI, prompt=prompt, creator="Agentur Öffentlich & Co"),
            )
            res = export_one(task, ident)
            assert res.ok, res.error
            out[name] = Path(res.output)
        yield out, ident, home


@pytest.fixture(scope="module")
def relabelled_long(exported, tmp_path_factory):
    """The short-prompt export relabelled with the 70,000-character prompt."""
    files, ident, home = exported
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KILABEL_HOME", str(home))
        return relabel(
            files["short"], tmp_path_factory.mktemp("rl70"), ident, dataclasses.replace(AI, prompt=P70)
        )


def test_relabel_keeps_a_70000_character_prompt_whole(relabelled_long, exiftool):
    out = relabelled_long
    assert_prompt_whole(out, P70, exiftool)
    segs = app1_segments(out.read_bytes())
    standard = next(s for s in segs if s.startswith(STD_SIG))
    assert b"AIPromptInformation" not in standard and b"HasExtendedXMP" in standard
    assert sum(s.startswith(EXT_SIG) for s in segs) >= 2
    prov, label, _desc, _tool = metadata.parse_xmp(metadata.jpeg_full_xmp(out.read_bytes()))
    assert prov.creator == "Agentur Öffentlich & Co" and label.text == "KI-generiert"
    info = c2pa_sign.read(out)
    assert info.state in ("valid", "trusted"), (info.state, info.reasons)
    assert info.has_parent and info.prompt == P70


def test_relabel_shortens_the_exif_copy_with_a_note(relabelled_long, exiftool):
    uc = user_comment(exiftool, relabelled_long)
    assert uc.endswith(metadata.PROMPT_SHORTENED)
    kept = uc[: -len(metadata.PROMPT_SHORTENED)]
    assert len(kept) > 30_000 and P70.startswith(kept)
    assert exiftool(relabelled_long)["JFIF:XResolution"] == 300  # the original's dpi stays


def test_cli_relabel_of_a_long_prompt_export_carries_the_prompt(exported, tmp_path, exiftool, monkeypatch):
    files, _ident, home = exported
    monkeypatch.setenv("KILABEL_HOME", str(home))
    res = run_cli("relabel", str(files["long"]), "--out", str(tmp_path / "r"), "--reason", "neu")
    assert res.returncode == 0, res.stderr
    out = tmp_path / "r" / files["long"].name
    assert_prompt_whole(out, P70, exiftool)
    assert user_comment(exiftool, out).endswith(metadata.PROMPT_SHORTENED)
    assert c2pa_sign.read(out).state in ("valid", "trusted")
    again = relabel(out, tmp_path / "r2", _ident)  # a relabelled file relabelled again
    assert_prompt_whole(again, P70, exiftool)
    assert c2pa_sign.read(again).state in ("valid", "trusted")


def big_exif_jpeg(path: Path, xp_bytes: int) -> Path:
    """A foreign JPEG whose own EXIF is large: an XPComment of `xp_bytes` bytes and camera tags."""
    exif = Image.Exif()
    exif[0x010F] = "Nikon"
    exif[0x9C9C] = ("x" * (xp_bytes // 2)).encode("utf-16-le")  # XPComment, UCS-2
    exif.get_ifd(metadata.EXIF_IFD)[0x8827] = 400  # ISO
    photo((400, 300)).save(path, quality=88, exif=exif.tobytes())
    return path


def test_large_original_exif_leaves_less_room_for_the_prompt_copy(tmp_path, identity, exiftool):
    src = big_exif_jpeg(tmp_path / "gross.jpg", 40_000)
    out = relabel(src, tmp_path / "out", identity, dataclasses.replace(AI, prompt=P33))
    assert_prompt_whole(out, P33, exiftool)
    tags = exiftool(out, "-b", "-ExifIFD:UserComment", "-IFD0:XPComment", "-ExifIFD:ISO", "-IFD0:Make")
    assert tags["IFD0:XPComment"] == "x" * 20_000 and tags["ExifIFD:ISO"] == 400
    assert tags["IFD0:Make"] == "Nikon"
    uc = tags["ExifIFD:UserComment"]
    assert uc.endswith(metadata.PROMPT_SHORTENED)
    kept = uc[: -len(metadata.PROMPT_SHORTENED)]
    assert 5_000 < len(kept) < 13_000 and P33.startswith(kept)
    assert c2pa_sign.read(out).state in ("valid", "trusted")


def test_original_exif_that_alone_fills_the_segment_is_left_out_and_said(tmp_path, identity, exiftool):
    src = big_exif_jpeg(tmp_path / "voll.jpg", 65_400)
    res = relabel_image(
        RelabelTask(str(src), str(tmp_path / "out"), presets.get("ki-generiert"), AI), identity
    )
    assert res.ok, res.error
    assert any("0x9C9C" in w and "left out" in w for w in res.warnings), res.warnings
    tags = exiftool(Path(res.output))
    assert "IFD0:XPComment" not in tags and tags["IFD0:Make"] == "Nikon"


def test_webp_relabel_keeps_the_prompt_whole(make_image, tmp_path, identity, exiftool):
    out = relabel(make_image("bild.webp"), tmp_path / "out", identity, dataclasses.replace(AI, prompt=P70))
    tags = exiftool(out, "-b", "-XMP-iptcExt:AIPromptInformation", "-ExifIFD:UserComment")
    assert tags["XMP-iptcExt:AIPromptInformation"] == P70
    assert tags["ExifIFD:UserComment"].endswith(metadata.PROMPT_SHORTENED)
    with Image.open(out) as im:
        assert metadata.parse_xmp(im.info["xmp"])[0].prompt == P70  # and by an XML parser
    assert c2pa_sign.read(out).state in ("valid", "trusted")


def test_original_extended_xmp_survives_and_a_stale_note_goes(tmp_path, identity, exiftool):
    """A foreign JPEG with extended XMP of its own (a large photoshop:DocumentAncestors): kept whole."""
    ancestors = [f"xmp.did:{i:0120d}" for i in range(900)]  # ~130 KB (exiftool lists ≤ 1000)
    ns = 'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
    extended = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="" {ns}><photoshop:DocumentAncestors><rdf:Bag>'
        + "".join(f"<rdf:li>{a}</rdf:li>" for a in ancestors)
        + "</rdf:Bag></photoshop:DocumentAncestors></rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()
    import hashlib

    guid = hashlib.md5(extended).hexdigest().upper()
    standard = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="" {ns} xmlns:xmpNote="http://ns.adobe.com/xmp/note/" '
        f'xmpNote:HasExtendedXMP="{guid}"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Buchstadt</rdf:li>'
        '</rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()
    buf = io.BytesIO()
    photo((400, 300)).save(buf, "JPEG", quality=85, xmp=standard)
    src = tmp_path / "ps.jpg"
    src.write_bytes(
        metadata.jpeg_insert_after_xmp(buf.getvalue(), metadata.jpeg_extended_xmp_segments(extended))
    )
    assert (
        exiftool(src, "-XMP-photoshop:DocumentAncestors")["XMP-photoshop:DocumentAncestors"][-1]
        == ancestors[-1]
    )
    out = relabel(src, tmp_path / "out", identity, dataclasses.replace(AI, prompt="kurz & <gut>"))
    tags = exiftool(
        out, "-XMP-photoshop:DocumentAncestors", "-XMP-dc:Title", "-XMP-iptcExt:AIPromptInformation"
    )
    assert tags["XMP-photoshop:DocumentAncestors"] == ancestors and tags["XMP-dc:Title"] == "Buchstadt"
    assert tags["XMP-iptcExt:AIPromptInformation"] == "kurz & <gut>"
    assert c2pa_sign.read(out).state in ("valid", "trusted")
    # the original's standard packet alone (its extended part lost): the dangling note is dropped
    packet, ext = jpeg_xmp(metadata.merge_xmp(standard, AI, metadata.LabelRecord(), "d"))
    assert ext is None and b"HasExtendedXMP" not in packet and b"Buchstadt" in packet


def test_tiff_without_resolution_relabelled_gains_none(make_image, tmp_path, identity, exiftool):
    src = make_image("ohne-dpi.tif", compression="tiff_lzw")
    assert "IFD0:XResolution" not in exiftool(src), "precondition"
    res = relabel_image(
        RelabelTask(str(src), str(tmp_path / "out"), presets.get("ki-generiert"), AI), identity
    )
    assert res.ok, res.error
    tags = exiftool(Path(res.output))
    assert not {"IFD0:XResolution", "IFD0:YResolution", "IFD0:ResolutionUnit"} & set(tags), tags
    assert "dpi" not in res.warnings[0]


def test_jpeg_without_a_resolution_unit_relabelled_states_none(tmp_path, identity, exiftool):
    src = tmp_path / "ohne.jpg"
    exif = Image.Exif()
    exif[0x010F] = "Nikon"  # EXIF without XResolution: Pillow then reports 72 dpi
    photo((400, 300)).save(src, quality=90, exif=exif.tobytes())  # JFIF density 1:1, unit 0
    assert exiftool(src)["JFIF:ResolutionUnit"] == "None", "precondition"
    assert Image.open(src).info["dpi"] == (72, 72), "precondition: what Pillow reports"
    out = relabel(src, tmp_path / "out", identity)
    tags = exiftool(out)
    assert tags["JFIF:ResolutionUnit"] == "None" and "IFD0:XResolution" not in tags
