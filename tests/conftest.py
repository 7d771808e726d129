"""Shared fixtures: an isolated kilabel home per test, photo-like test images, independent readers."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
# the main window fixture for tests/test_gui_*.py (Qt imported lazily); a private PostgreSQL server
pytest_plugins = ["gui_helpers", "pg_server"]


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application with the window's own look (app.apply_style: the bundled Noto Sans
    on Linux), so layout tests measure what a user sees, whatever fonts the machine has."""
    from kilabel.gui.app import apply_style

    apply_style(qapp)
    return qapp


@pytest.fixture(autouse=True)
def kilabel_home(tmp_path_factory, monkeypatch):
    """Every test gets its own settings, keys and register (KILABEL_HOME)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("KILABEL_HOME", str(home))
    monkeypatch.delenv("KILABEL_KEY_PASSPHRASE", raising=False)
    return home


@pytest.fixture(autouse=True)
def no_team_register(monkeypatch):
    """A team register URL in the developer's environment must not reach the tests' exports."""
    monkeypatch.delenv("KILABEL_REGISTER_URL", raising=False)


def photo(size=(640, 480), seed=1, mode="RGB") -> Image.Image:
    """An image that looks like a photograph to an encoder: gradient sky, soft shapes, texture, noise."""
    rnd = random.Random(seed)
    w, h = size
    sky = Image.linear_gradient("L").resize((w, h))
    img = Image.merge(
        "RGB",
        (
            sky.point(lambda v: 60 + v // 3),
            sky.point(lambda v: 110 + v // 3),
            sky.point(lambda v: 200 - v // 4),
        ),
    )
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x, y = rnd.randrange(w), rnd.randrange(h // 3, h)
        r = rnd.randrange(max(4, w // 20), max(8, w // 5))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(rnd.randrange(30, 120), rnd.randrange(80, 180), 40))
    img = img.filter(ImageFilter.GaussianBlur(max(1, w // 300)))
    # seeded noise (Image.effect_noise is not seedable): the same seed gives the same image
    noise = (
        Image.frombytes("L", (w, h), rnd.randbytes(w * h))
        .point(lambda v: 128 + (v - 128) // 4)
        .convert("RGB")
    )
    img = Image.blend(img, noise, 0.08)
    if mode != "RGB":
        img = img.convert(mode)
    return img


@pytest.fixture
def make_image(tmp_path):
    """make_image(name, size=(640, 480), mode='RGB', **save_kwargs) -> Path of a photo-like file."""

    def make(name: str, size=(640, 480), mode="RGB", seed=1, **save) -> Path:
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        img = photo(size, seed, "RGB")
        if mode == "RGBA":
            img = img.convert("RGBA")
            alpha = Image.linear_gradient("L").rotate(90).resize(size)
            img.putalpha(alpha.point(lambda v: 80 + v * 175 // 255))
        elif mode != "RGB":
            img = img.convert(mode)
        img.save(path, **save)
        return path

    return make


def _require_tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if not path:
        pytest.fail(
            f"{name} is missing: install the Debian package '{package}' (.ci/run does)", pytrace=False
        )
    return path


@pytest.fixture(scope="session")
def exiftool():
    """exiftool(path, *tags) -> dict keyed 'Group1:Tag' (exiftool -G1 -j), an independent reader."""
    exe = _require_tool("exiftool", "libimage-exiftool-perl")

    def run(path: Path, *args: str) -> dict:
        out = subprocess.run(
            [exe, "-j", "-G1", "-a", "-struct", *args, str(path)],
            capture_output=True,
            check=True,
            text=True,
            encoding="utf-8",
        )
        return json.loads(out.stdout)[0]

    return run


@pytest.fixture(scope="session")
def poppler():
    """Names of poppler-utils commands, checked to exist."""
    return {
        name: _require_tool(name, "poppler-utils")
        for name in ("pdfinfo", "pdffonts", "pdfimages", "pdftoppm")
    }


def run_cli(*args: str, env=None, cwd=None) -> subprocess.CompletedProcess:
    """Run kilabel as a real subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "kilabel", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=600,
    )


@pytest.fixture
def identity():
    """The signing identity of the test's kilabel home (created on first use)."""
    from kilabel import keys, settings

    return keys.ensure(settings.load().keys_path, "Stadt Musterstadt")[0]


def print_profile(tmp_path: Path, body: str, name: str):
    """An export profile from a TOML body written to the test's folder."""
    from kilabel import profiles

    path = tmp_path / f"{name}.toml"
    path.write_text(f'id = "{name}"\nname_pattern = "{{stem}}-{name}{{ext}}"\n' + body, encoding="utf-8")
    return profiles.load_profile(path)


def black_on_white():
    """ki-generiert with fixed colours: black text on an opaque white box."""
    import dataclasses

    from kilabel import presets

    p = presets.get("ki-generiert")
    return dataclasses.replace(
        p,
        style=dataclasses.replace(
            p.style, colors="fixed", text_color="#000000", box_color="#FFFFFF", box_opacity=1.0
        ),
    )
