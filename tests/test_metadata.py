"""Metadata map, read back by exiftool (a reader we did not write), group by group."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kilabel import keys, presets, profiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline import metadata
from kilabel.pipeline.verify import read_embedded
from kilabel.provenance import Provenance

NASTY = "Ein \"Plakat\" <mit> & Umlauten äöüß\nzweite Zeile\r\nEmoji 🚋😀 'Ende'"
PROV = Provenance(
    source_type="compositeWithTrainedAlgorithmicMedia",
    ai_system="Adobe Firefly",
    ai_version="3",
    prompt=NASTY,
    prompt_writer="Jana Müller",
    creator="Agentur Öffentlich & Co",
    credit="Bild: KI-generierte Montage (Adobe Firefly)",
    campaign="Buchstadt 2026",
)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    from conftest import photo

    ident = keys.ensure(tmp_path_factory.mktemp("mhome") / "keys", "Stadt")[0]
    src_dir = tmp_path_factory.mktemp("src")
    outs = {}
    for name, mode, save in [
        ("a.jpg", "RGB", {}),
        ("b.png", "RGBA", {}),
        ("c.tif", "RGB", {"compression": "tiff_lzw"}),
        ("d.webp", "RGB", {}),
        ("e.tif", "CMYK", {"compression": "tiff_lzw"}),
    ]:
        p = src_dir / name
        photo((320, 240)).convert(mode).save(p, **save)
        task = ExportTask(
            str(p), str(src_dir / "out"), presets.get("ki-montage"), profiles.SAME_AS_INPUT, PROV
        )
        res = export_one(task, ident)
        assert res.ok, res.error
        outs[name] = Path(res.output)
    return outs


@pytest.mark.parametrize("name", ["a.jpg", "b.png", "c.tif", "d.webp", "e.tif"])
def test_fields_land_in_their_groups(outputs, exiftool, name):
    tags = exiftool(outputs[name])
    assert (
        tags["XMP-iptcExt:DigitalSourceType"]
        == "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia"
    )
    assert tags["XMP-iptcExt:AISystemUsed"] == "Adobe Firefly"
    assert str(tags["XMP-iptcExt:AISystemVersionUsed"]) == "3"
    assert tags["XMP-iptcExt:AIPromptInformation"] == NASTY
    assert tags["XMP-iptcExt:AIPromptWriterName"] == "Jana Müller"
    assert tags["XMP-dc:Creator"] == ["Agentur Öffentlich & Co"], "dc:creator is a Seq"
    assert tags["XMP-dc:Description"] == "KI-generierte Montage mit Adobe Firefly 3"
    assert tags["XMP-photoshop:Credit"] == "Bild: KI-generierte Montage (Adobe Firefly)"
    assert tags["XMP-xmp:CreatorTool"].startswith("kilabel ")
    assert tags["IFD0:ImageDescription"] == "KI-generierte Montage mit Adobe Firefly 3"
    assert tags["IFD0:Artist"] == "Agentur Öffentlich & Co"
    assert tags["IFD0:Software"].startswith("kilabel ")
    assert tags["ExifIFD:UserComment"] == NASTY


@pytest.mark.parametrize("name", ["a.jpg", "b.png", "c.tif", "d.webp"])
def test_own_reader_round_trips_exactly(outputs, name):
    fmt, emb = read_embedded(outputs[name])
    assert emb.provenance.prompt == NASTY
    assert emb.exif_user_comment == NASTY
    assert emb.provenance.creator == PROV.creator
    assert emb.provenance.campaign == "Buchstadt 2026"
    assert emb.label.preset_id == "ki-montage" and emb.label.text == "KI-generierte Montage"
    assert emb.label.register_id.startswith("KL-")


def test_xmp_builder_escapes_and_parses():
    packet = metadata.build_xmp(PROV, metadata.LabelRecord("x", "<b>&", "de", "top-left", "R1"), "d & <e>")
    prov, label, desc, tool = metadata.parse_xmp(packet)
    assert prov.prompt == NASTY and label.text == "<b>&" and desc == "d & <e>"
    assert b"<mit>" not in packet, "user text must be escaped"


@pytest.mark.parametrize("name", ["a.jpg", "d.webp"])
def test_exif_well_formed_for_piexif_and_exiftool(outputs, exiftool, name):
    import piexif

    data = piexif.load(str(outputs[name]))
    assert data["0th"][piexif.ImageIFD.Artist].decode("utf-8") == "Agentur Öffentlich & Co"
    raw = data["Exif"][piexif.ExifIFD.UserComment]
    assert raw.startswith(b"UNICODE\0") and raw[8:].decode("utf-16-le") == NASTY
    verbose = subprocess.run(["exiftool", "-v3", str(outputs[name])], capture_output=True, text=True).stdout
    assert "UserComment" in verbose and "int8u" not in verbose.split("UserComment", 1)[1].split("\n")[1]
    tags = exiftool(outputs[name], "-validate", "-warning")
    assert not any("overlaps" in str(v) for k, v in tags.items() if "Warning" in k)


def test_xml_text_is_escaped_as_the_standard_library_does():
    """metadata escapes XML text itself (xml.sax.saxutils brings urllib, http and ssl into every
    worker); what it writes must stay what saxutils wrote, control characters left out."""
    import random
    from xml.sax.saxutils import escape

    from kilabel.pipeline import metadata

    rnd = random.Random(5)
    pieces = ["&", "<", ">", "\r", "\n", "\t", "a", "ä", '"', "'", "\x00", "\x1f", "&amp;", "\ufffe", "]]>"]
    for _ in range(5000):
        value = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(12)))
        expected = escape(metadata._INVALID_XML.sub("", value), {"\r": "&#13;"})
        assert metadata._text(value) == expected, repr(value)
