"""Export profiles for print: the shipped TOML files, validation, `kilabel profiles`, fitting to trim + bleed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli
from PIL import Image

from kilabel import profiles
from kilabel.errors import ConfigError

PRINT_IDS = [
    "poster-a1-cmyk-tiff",
    "poster-a2-cmyk-tiff",
    "brochure-a4-pdf",
    "brochure-a5-pdf",
    "brochure-a4-cmyk-jpeg",
]


def write_profile(tmp_path: Path, body: str, name: str = "test-print") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(f'id = "{name}"\n' + body, encoding="utf-8")
    return path


def test_shipped_profiles_all_load_and_validate():
    items, errors = profiles.load_all([profiles.paths.PRESETS / "profiles"])
    assert errors == []
    for pid in PRINT_IDS + ["web-jpeg", "social-square", "same-as-input"]:
        assert pid in items, f"shipped profile {pid} missing"
    for pid in PRINT_IDS:
        p = items[pid]
        assert p.physical and p.color == "cmyk" and p.bleed_mm == 3.0 and p.safety_mm >= 5.0
        assert profiles.cmyk_icc_path(p).is_file(), "the shipped CMYK ICC profile must be there"
    for pid in ("brochure-a4-pdf", "brochure-a5-pdf", "brochure-a4-cmyk-jpeg"):
        assert items[pid].dpi == 300
    assert (items["poster-a1-cmyk-tiff"].width_mm, items["poster-a1-cmyk-tiff"].height_mm) == (594, 841)
    assert (items["brochure-a5-pdf"].width_mm, items["brochure-a5-pdf"].height_mm) == (148, 210)
    # several profiles in one export must not write to the same file name
    names = [
        profiles.output_name(p, "motiv", p.format, "ki-generiert", "de", f".{p.format}")
        for p in items.values()
        if p.id != "same-as-input"
    ]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "body,field",
    [
        (
            'format = "tiff"\nwidth_mm = 100.0\nheight_mm = 70.0\ndpi = 150.0\ncrop_marks = true\n',
            "crop_marks",
        ),
        ('format = "tiff"\ncompression = "zip"\n', "compression"),
        ('format = "pdf"\n', "format"),
        ('format = "tiff"\nwidth_mm = 100.0\nheight_mm = 70.0\n', "dpi"),
        ('format = "png"\ncolor = "cmyk"\n', "color"),
        ('format = "tiff"\ncolor = "cmyk"\nicc = "no-such-profile.icc"\n', "icc"),
        ('format = "tiff"\nicc = "sRGB.icc"\n', "icc"),
    ],
)
def test_bad_profiles_are_refused_naming_the_field(tmp_path, body, field):
    with pytest.raises(ConfigError, match=field):
        profiles.load_profile(write_profile(tmp_path, body))


def test_user_named_icc_profile_is_accepted(tmp_path):
    icc = profiles.cmyk_icc_path(profiles.ExportProfile(id="x"))
    copy = tmp_path / "printer.icc"
    copy.write_bytes(icc.read_bytes())
    prof = profiles.load_profile(
        write_profile(tmp_path, f'format = "tiff"\ncolor = "cmyk"\nicc = "{copy}"\n')
    )
    assert profiles.cmyk_icc_path(prof) == copy


def test_cli_lists_profiles():
    res = run_cli("profiles")
    assert res.returncode == 0, res.stderr
    for pid in PRINT_IDS:
        assert pid in res.stdout
    assert "594×841 mm @ 150 dpi, bleed 3" in res.stdout
    res = run_cli("profiles", "--json")
    data = {p["id"]: p for p in json.loads(res.stdout)}
    assert data["brochure-a4-pdf"]["format"] == "pdf" and data["brochure-a4-pdf"]["bleed_mm"] == 3.0


def test_prepare_fits_trim_plus_bleed_and_follows_orientation(tmp_path):
    prof = profiles.load_profile(
        write_profile(
            tmp_path,
            'format = "tiff"\nwidth_mm = 100.0\nheight_mm = 70.0\ndpi = 254.0\nbleed_mm = 3.0\ncolor = "cmyk"\n',
        )
    )
    landscape = profiles.prepare(Image.new("RGB", (2000, 1500), (200, 180, 160)), None, None, prof)
    assert landscape.image.mode == "CMYK" and landscape.icc[16:20] == b"CMYK"
    assert landscape.image.size == (1060, 760)  # (100 + 2·3) mm × 10 px/mm, (70 + 6) mm × 10
    assert landscape.trim == (30, 30, 1030, 730) and landscape.trim_mm == (100.0, 70.0)
    assert landscape.effective_dpi == pytest.approx(254 * 2000 / 1060, rel=1e-3)
    portrait = profiles.prepare(Image.new("RGB", (1500, 2000)), None, None, prof)
    assert portrait.image.size == (760, 1060) and portrait.trim_mm == (70.0, 100.0)


def test_prepare_notes_low_resolution_and_upscaling(tmp_path):
    prof = profiles.load_profile(
        write_profile(
            tmp_path,
            'format = "tiff"\nwidth_mm = 100.0\nheight_mm = 70.0\ndpi = 300.0\nbleed_mm = 3.0\n'
            "upsample = true\n",
        )
    )
    prep = profiles.prepare(Image.new("RGB", (300, 210)), None, None, prof)
    assert prep.upscaled and prep.effective_dpi < 150
    assert any("low resolution" in n and "under 150 dpi" in n for n in prep.notes)
    assert any("upscaled" in n for n in prep.notes)


def test_soft_proof_shows_the_print_shift():
    """A saturated sRGB blue is out of the FOGRA39 gamut: the soft proof must dull it, grey must stay."""
    from PIL import Image

    from kilabel import colour, profiles

    img = Image.new("RGB", (4, 2), (0, 60, 255))
    img.paste((128, 128, 128), (0, 1, 4, 2))
    proof = colour.soft_proof(img, profiles.get("poster-a1-cmyk-tiff"))
    blue, grey = proof.getpixel((0, 0)), proof.getpixel((0, 1))
    assert blue != (0, 60, 255) and blue[2] < 240, blue
    assert all(abs(c - 128) <= 12 for c in grey), grey
