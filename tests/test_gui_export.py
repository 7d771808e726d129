"""Export from the window (offscreen): button state, files checked with kilabel.pipeline.verify, cancel,
and a file that fails during export showing its error in its row."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import QT_IGNORE, open_and_wait, row_status
from PySide6.QtCore import Qt

pytestmark = [pytest.mark.gui, QT_IGNORE]


def _fill(window, source_type="trainedAlgorithmicMedia", ai_system="Midjourney"):
    window.select_all()
    window.edit_provenance("source_type", source_type)
    window.edit_provenance("ai_system", ai_system)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith("."))


def test_export_button_says_what_is_missing(qtbot, window, make_image):
    open_and_wait(qtbot, window, [make_image("a.jpg"), make_image("b.jpg", seed=2)])
    button = window.actions_.export_button
    assert not button.isEnabled()
    assert "source type" in button.toolTip() and "a.jpg, b.jpg" in button.toolTip()
    window.select_rows([0])
    window.edit_provenance("source_type", "trainedAlgorithmicMedia")
    assert not button.isEnabled() and "b.jpg" in button.toolTip() and "a.jpg" not in button.toolTip()
    window.select_rows([1])
    window.edit_provenance("source_type", "digitalCapture")
    assert button.isEnabled()


def test_export_writes_labelled_signed_files(qtbot, window, make_image, tmp_path):
    from kilabel.pipeline import verify

    inputs = [make_image("a.jpg"), make_image("b.png", seed=2)]
    open_and_wait(qtbot, window, inputs)
    _fill(window)
    window.edit_provenance("prompt", 'Ein Plakat, "KI" & <Umlaute> äöü')
    out = tmp_path / "out"
    window.side.output.set_folder(str(out))
    window._set_out_dir(str(out))
    window.side.output.set_checked(["same-as-input", "web-jpeg"])
    window._profiles_changed(window.side.output.checked())
    with qtbot.waitSignal(window.export_finished, timeout=300_000) as sig:
        qtbot.mouseClick(window.actions_.export_button, Qt.MouseButton.LeftButton)
    assert sig.args == [4, 0, False]
    names = sorted(p.name for p in out.iterdir())
    assert names == ["a-web.jpg", "a.jpg", "b-web.jpg", "b.png"]
    for path in out.iterdir():
        report = verify.verify(path, window.settings)
        assert report.status == "ok", verify.format_human(report)
        assert report.provenance.source_type == "trainedAlgorithmicMedia"
        assert report.provenance.ai_system == "Midjourney"
        assert report.provenance.prompt == 'Ein Plakat, "KI" & <Umlaute> äöü'
        # the label speaks the English window's language (issue 14.5)
        assert report.embedded.label.text == "AI-generated"
    assert row_status(window, 0) == "exported (2 files)"
    assert f"4 of 4 files exported to {out}" in window.bar.text.text()
    from kilabel.register import store as register

    with register.open_register(window.settings) as reg:  # every export from the window is recorded
        recorded = {Path(e.output_path).name for e in reg.query()}
    assert recorded == set(names)
    assert window.bar.open_btn.isVisible()


def test_cancel_stops_before_the_next_file_and_leaves_nothing_half_written(
    qtbot, window, make_image, tmp_path
):
    inputs = [make_image(f"big{i}.tif", size=(3000, 2200), seed=i) for i in range(6)]
    open_and_wait(qtbot, window, inputs)
    _fill(window)
    out = tmp_path / "out"
    window._set_out_dir(str(out))
    cancelled_after = []

    def cancel_on_first(res):
        if not cancelled_after:
            cancelled_after.append(res)
            qtbot.mouseClick(window.bar.cancel_btn, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(window.export.busy_changed, timeout=10_000):
        window.start_export()
    window.export.thread.result.connect(cancel_on_first)
    assert window.bar.cancel_btn.isVisible()
    with qtbot.waitSignal(window.export_finished, timeout=300_000) as sig:
        pass
    exported, failed, cancelled = sig.args
    assert cancelled and failed == 0
    outputs = sorted(out.iterdir())
    assert 1 <= len(outputs) < len(inputs)
    assert len(outputs) == exported
    assert _leftovers(out) == []
    states = [row_status(window, r) for r in range(len(inputs))]
    assert states.count("exported") == exported
    assert states.count("ready") == len(inputs) - exported
    assert "cancelled" in window.bar.text.text()
    assert not window.bar.cancel_btn.isVisible()


def test_a_file_that_breaks_before_export_shows_its_error_in_its_row(qtbot, window, make_image, tmp_path):
    good, bad = make_image("good.jpg"), make_image("bad.jpg", seed=3)
    open_and_wait(qtbot, window, [good, bad])
    _fill(window)
    bad.write_bytes(bad.read_bytes()[:600])  # truncated after it was opened
    out = tmp_path / "out"
    window._set_out_dir(str(out))
    with qtbot.waitSignal(window.export_finished, timeout=300_000) as sig:
        window.start_export()
    assert sig.args == [1, 1, False]
    assert row_status(window, 0) == "exported"
    assert row_status(window, 1).startswith("Error: ")
    assert "failed (see the list)" in window.bar.text.text()
    assert sorted(p.name for p in out.iterdir()) == ["good.jpg"]


def test_the_window_keeps_its_export_workers_warm_between_exports(qtbot, make_image, tmp_path, monkeypatch):
    """Issue 18.4: with the identity there, opening images starts the workers (they import and make
    their signer before the export is asked for); a second export uses the same workers; closing
    the window ends them."""
    from gui_helpers import open_window

    from kilabel import keys
    from kilabel.export import engine
    from kilabel.gui import workers
    from kilabel.settings import Settings

    def not_here(*args, **kwargs):
        raise AssertionError("exported in the window's process")

    monkeypatch.setattr(engine, "export_one", not_here)  # the workers import the real one
    settings = Settings(jobs=2, organisation="Testorganisation")
    keys.ensure(settings.keys_path, settings.organisation)
    with open_window(qtbot, settings=settings) as w:
        open_and_wait(qtbot, w, [make_image("a.jpg"), make_image("b.jpg", seed=2)])
        workers.wait_idle(30)
        kept = w.export.kept_pool()
        assert kept.running, "opening images started the export workers"
        warm = {x.proc.pid for x in kept._pool.workers}
        assert len(warm) == 2
        _fill(w)
        w.side.output.set_checked(["same-as-input"])
        w._profiles_changed(w.side.output.checked())
        for run in range(2):  # a new folder each time: no question about existing files
            w._set_out_dir(str(tmp_path / f"out-{run}"))
            with qtbot.waitSignal(w.export_finished, timeout=300_000) as sig:
                qtbot.mouseClick(w.actions_.export_button, Qt.MouseButton.LeftButton)
            assert sig.args == [2, 0, False]
            assert {x.proc.pid for x in kept._pool.workers} == warm, "the same workers exported"
        procs = [x.proc for x in kept._pool.workers]
        w.close()
    assert not kept.running and not any(p.is_alive() for p in procs)
