"""The core's messages carry a code and parameters; the window words every code in its language.

The command line prints the English line (a Msg is a str); the German window shows the German
template with the same parameters, also for results that came back from a spawned worker.
"""

from __future__ import annotations

import pickle
import re
import string

import pytest

from kilabel import messages
from kilabel.errors import InputError
from kilabel.messages import Msg, msg


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_has_the_same_english_text_in_the_window_table(qapp):
    from kilabel.gui.messages import MessageTexts

    table = MessageTexts().table()  # English installed: tr() returns the source
    assert table == messages.CATALOGUE


def test_every_code_is_german_in_the_german_window_with_no_new_placeholders(qapp):
    from kilabel.gui import i18n
    from kilabel.gui import messages as gui_messages

    try:
        i18n.install(qapp, "de")
        gui_messages._cache.clear()
        german = gui_messages.MessageTexts().table()
    finally:
        i18n.install(qapp, "en")
        gui_messages._cache.clear()
    same = [
        c
        for c, t in german.items()
        if t == messages.CATALOGUE[c] and re.search(r"[a-z]{4}", re.sub(r"\{\w+[^}]*\}", "", t))
    ]
    assert not same, f"not translated: {same}"
    for code, template in german.items():
        assert _fields(template) <= _fields(messages.CATALOGUE[code]), code


def test_a_msg_is_its_english_line_and_survives_pickling():
    m = msg("low-dpi", dpi=71.46, w=420, h=594, limit=150)
    assert m == "low resolution: 71 dpi effective at 420×594 mm (under 150 dpi)"
    back = pickle.loads(pickle.dumps(m))
    assert isinstance(back, Msg) and back.code == "low-dpi" and back.params["dpi"] == 71.46
    nested = pickle.loads(pickle.dumps(msg("damaged-detail", file="a.jpg", detail=msg("truncated"))))
    assert nested.params["detail"].code == "truncated"


def test_german_window_words_a_broken_file_from_a_worker(qapp, tmp_path):
    """An empty and a cut-off file exported through the spawned workers: the rows' errors come
    back as coded messages and the German window shows them in German, naming the file."""
    from kilabel import presets, profiles
    from kilabel.export.engine import run_batch
    from kilabel.export.task import ExportTask
    from kilabel.gui import i18n
    from kilabel.gui import messages as gui_messages
    from kilabel.provenance import Provenance

    empty = tmp_path / "leer.jpg"
    empty.write_bytes(b"")
    cut = tmp_path / "kaputt.png"
    cut.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    prov = Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney")
    tasks = [
        ExportTask(str(p), str(tmp_path / "out"), presets.get("ki-generiert"), profiles.SAME_AS_INPUT, prov)
        for p in (empty, cut)
    ]
    (tmp_path / "out").mkdir()
    results, _ = run_batch(tasks, None, jobs=2)
    errors = {r.input: r.error for r in results}
    assert all(isinstance(e, Msg) for e in errors.values()), errors
    assert errors[str(empty)].code == "empty-file"
    assert errors[str(cut)].code in ("damaged", "damaged-detail")
    try:
        i18n.install(qapp, "de")
        gui_messages._cache.clear()
        shown = {k: gui_messages.shown(v) for k, v in errors.items()}
    finally:
        i18n.install(qapp, "en")
        gui_messages._cache.clear()
    assert shown[str(empty)] == "leer.jpg: leere Datei (0 Byte)"
    assert shown[str(cut)].startswith("kaputt.png: die Bilddaten sind beschädigt")


def test_an_error_raised_with_a_message_keeps_it(tmp_path):
    from kilabel.pipeline.outcome import per_file

    class R:
        error = ""

    r = R()
    with per_file(r, tmp_path / "x.jpg", str(tmp_path)):
        raise InputError(msg("empty-file", file=tmp_path / "x.jpg"))
    assert r.error.code == "empty-file"
    with per_file(r, tmp_path / "y.jpg", str(tmp_path)):
        raise InputError("a line from elsewhere")
    assert r.error.code == "about-file" and r.error == f"{tmp_path / 'y.jpg'}: a line from elsewhere"


@pytest.mark.parametrize("code", sorted(messages.CATALOGUE))
def test_every_template_formats_with_its_own_fields(code):
    """A template whose fields are given formats (a typo in a format spec fails here, not in a user's batch)."""
    params = {}
    for name in _fields(messages.CATALOGUE[code]):
        params[name] = 0.5 if name in ("share", "dpi", "mp", "limit", "mb", "size", "minimum", "ratio") else 1
    assert Msg(code, params)
