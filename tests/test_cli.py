"""The command line, in-process and as a real subprocess: exit codes, messages, files."""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from pathlib import Path

from conftest import run_cli
from PIL import Image

from kilabel import provenance_states
from kilabel.cli.main import main
from kilabel.pipeline.verify import verify

PROV_ARGS = [
    "--source-type",
    "trainedAlgorithmicMedia",
    "--ai-system",
    "Midjourney",
    "--ai-version",
    "7",
    "--prompt",
    "Menschen lesen in einer Straßenbahn, Fotostil",
    "--creator",
    "Agentur X",
]


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def png_bomb(path: Path) -> None:
    """A tiny PNG that declares 100000 × 100000 pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def test_subprocess_export_then_verify(make_image, tmp_path):
    a = make_image("poster1.jpg", (800, 600))
    b = make_image("poster2.png", (600, 800), mode="RGBA")
    out = tmp_path / "out"
    r = run_cli(
        "export",
        str(a),
        str(b),
        "--preset",
        "ki-generiert",
        "--position",
        "bottom-right",
        *PROV_ARGS,
        "--out",
        str(out),
    )
    assert r.returncode == 0, r.stderr
    assert (out / "poster1.jpg").exists() and (out / "poster2.png").exists()
    v = run_cli("verify", str(out / "poster1.jpg"), str(out / "poster2.png"), "--json")
    assert v.returncode == 0, v.stdout + v.stderr
    lines = [json.loads(line) for line in v.stdout.splitlines()]
    assert [Path(x["file"]).name for x in lines] == ["poster1.jpg", "poster2.png"]
    for item in lines:
        assert item["provenance"]["source_type"] == "trainedAlgorithmicMedia"
        assert item["provenance"]["ai_system"] == "Midjourney"
        assert item["c2pa"]["state"] == "trusted" and item["status"] == "ok"
        assert item["c2pa"]["signer_org"] == "kilabel (lokal)"
    human = run_cli("verify", str(out / "poster1.jpg"))
    assert "Fully AI-generated" in human.stdout and "signature valid" in human.stdout


def test_bad_inputs_one_line_each_rest_exported(make_image, tmp_path, capsys):
    good = make_image("good.jpg", (400, 300))
    bad = tmp_path / "in"
    (bad / "empty.jpg").write_bytes(b"")
    (bad / "text.jpg").write_text("this is not an image", encoding="utf-8")
    full = good.read_bytes()
    (bad / "truncated.jpg").write_bytes(full[: len(full) // 2])
    png_bomb(bad / "bomb.png")
    frames = [Image.new("RGB", (64, 64), c) for c in ("red", "blue")]
    frames[0].save(bad / "anim.webp", save_all=True, append_images=frames[1:], duration=100)
    frames[0].save(bad / "anim.gif", save_all=True, append_images=frames[1:], duration=100)
    inputs = [good] + [
        bad / n
        for n in (
            "empty.jpg",
            "text.jpg",
            "truncated.jpg",
            "bomb.png",
            "anim.webp",
            "anim.gif",
            "missing.jpg",
        )
    ]
    before = {p: digest(p) for p in inputs if p.exists()}
    code = main(["export", *map(str, inputs), *PROV_ARGS, "--out", str(tmp_path / "out"), "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 1, "some failed, the rest done"
    assert (tmp_path / "out" / "good.jpg").exists()
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 7
    expect = {
        "empty.jpg": "empty file",
        "text.jpg": "not an image",
        "truncated.jpg": "truncated",
        "bomb.png": "250 MP",
        "anim.webp": "animated",
        "anim.gif": "not supported",
        "missing.jpg": "cannot read",
    }
    for name, words in expect.items():
        line = next(line for line in errors if name in line)
        assert words in line, line
    assert all(digest(p) == h for p, h in before.items()), "inputs must stay byte-identical"
    leftovers = [p.name for p in (tmp_path / "out").iterdir() if p.name != "good.jpg"]
    assert leftovers == [], "nothing half-written"


def test_bomb_limit_can_be_raised_by_setting(tmp_path, capsys):
    png_bomb(tmp_path / "bomb.png")
    main(
        [
            "export",
            str(tmp_path / "bomb.png"),
            *PROV_ARGS,
            "--out",
            str(tmp_path / "o"),
            "--max-megapixels",
            "5",
        ]
    )
    assert "above the limit of 5 MP" in capsys.readouterr().err


def test_no_overwrite_unless_asked_and_never_the_input(make_image, tmp_path):
    src = make_image("m.jpg", (300, 200))
    out = tmp_path / "out"
    assert main(["export", str(src), *PROV_ARGS, "--out", str(out)]) == 0
    first = digest(out / "m.jpg")
    assert main(["export", str(src), *PROV_ARGS, "--out", str(out)]) == 0
    assert (out / "m-2.jpg").exists() and digest(out / "m.jpg") == first
    assert main(["export", str(src), *PROV_ARGS, "--out", str(out), "--overwrite"]) == 0
    assert not (out / "m-3.jpg").exists()
    # exporting into the input's own folder never replaces the input, even with --overwrite
    before = digest(src)
    assert main(["export", str(src), *PROV_ARGS, "--out", str(src.parent), "--overwrite"]) == 0
    assert digest(src) == before
    assert (src.parent / "m-kilabel.jpg").exists()


def test_provenance_file_csv_and_json_and_prompt_file(make_image, tmp_path):
    a = make_image("a.png", (300, 200))
    b = make_image("b.png", (300, 200), seed=2)
    csv_path = tmp_path / "prov.csv"
    csv_path.write_text(
        "file,source_type,ai_system,prompt,creator\n"
        'a.png,compositeWithTrainedAlgorithmicMedia,Firefly,"Montage, mit ""Zitat""\nund Zeile",Amt\n'
        "b.png,trainedAlgorithmicMedia,DALL-E,Ein Bild,Agentur\n",
        encoding="utf-8",
    )
    assert (
        main(
            [
                "export",
                str(a),
                str(b),
                "--provenance",
                str(csv_path),
                "--preset",
                "ki-montage",
                "--out",
                str(tmp_path / "o1"),
            ]
        )
        == 0
    )
    ra = verify(tmp_path / "o1" / "a.png")
    assert ra.provenance.prompt == 'Montage, mit "Zitat"\nund Zeile' and ra.provenance.ai_system == "Firefly"
    assert verify(tmp_path / "o1" / "b.png").provenance.ai_system == "DALL-E"
    js = tmp_path / "prov.json"
    js.write_text(
        json.dumps([{"file": "a.png", "source_type": "trainedAlgorithmicMedia", "ai_system": "Imagen"}])
    )
    prompt_file = tmp_path / "prompt.txt"
    prompt_file.write_text("Langer Prompt\nmit Zeilen 🚋\n", encoding="utf-8")
    assert (
        main(
            [
                "export",
                str(a),
                "--provenance",
                str(js),
                "--prompt-file",
                str(prompt_file),
                "--out",
                str(tmp_path / "o2"),
            ]
        )
        == 0
    )
    r2 = verify(tmp_path / "o2" / "a.png")
    assert r2.provenance.ai_system == "Imagen" and r2.provenance.prompt == "Langer Prompt\nmit Zeilen 🚋"


def test_usage_errors_exit_2(make_image, tmp_path, capsys):
    src = make_image("u.jpg", (100, 100))
    assert main(["export", str(src), "--preset", "nope", *PROV_ARGS, "--out", str(tmp_path)]) == 2
    assert "unknown preset 'nope'" in capsys.readouterr().err
    assert main(["export", str(src), "--source-type", "madeUp", "--out", str(tmp_path)]) == 2
    assert main(["frobnicate"]) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("name,colour\nu.jpg,red\n")
    assert main(["export", str(src), "--provenance", str(bad), "--out", str(tmp_path)]) == 2
    assert "colour" in capsys.readouterr().err


def test_missing_source_type_fails_that_file(make_image, tmp_path, capsys):
    src = make_image("n.jpg", (100, 100))
    assert main(["export", str(src), "--out", str(tmp_path / "o")]) == 1
    assert "no source type" in capsys.readouterr().err


def test_verify_attention_exit_3(make_image, tmp_path, capsys):
    plain = make_image("plain.jpg", (100, 100))
    assert main(["verify", str(plain)]) == 3
    assert provenance_states.get("none").sentence("en") in capsys.readouterr().out


def test_presets_and_keys_commands(tmp_path, capsys):
    assert main(["presets"]) == 0
    out = capsys.readouterr().out
    for pid in ("ki-generiert", "ki-montage", "mit-ki-erstellt", "credit-line"):
        assert pid in out
    assert "bottom-right" in out and "vertical" in out
    assert main(["keys", "init", "--org", "Stadt Musterstadt"]) == 0
    assert "Stadt Musterstadt" in capsys.readouterr().out
    assert main(["keys", "init", "--org", "Again"]) == 2
    assert main(["keys", "show"]) == 0


def test_help_lists_commands():
    r = run_cli("--help")
    assert r.returncode == 0
    for cmd in ("export", "verify", "presets", "keys"):
        assert cmd in r.stdout
    r = run_cli("export", "--help")
    assert "--prompt-file" in r.stdout and "--provenance" in r.stdout


def test_progress_bar_on_a_terminal_and_plain_lines_otherwise():
    import io

    from kilabel.cli.main import TerminalProgress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    tty = Tty()
    bar = TerminalProgress(tty)
    bar.start(4)
    bar.file_started("eins.jpg")
    bar.file_done("eins.jpg", True, "out/eins.jpg")
    bar.file_started("zwei.jpg")
    text = tty.getvalue()
    assert "1/4" in text and "zwei.jpg" in text and "/s" in text and "left" in text and "█" in text
    plain = io.StringIO()
    bar2 = TerminalProgress(plain)
    bar2.start(2)
    bar2.file_started("eins.jpg")
    bar2.file_done("eins.jpg", True, "out/eins.jpg")
    assert plain.getvalue() == "[1/2] eins.jpg -> out/eins.jpg\n", (
        "no control characters when not on a terminal"
    )
