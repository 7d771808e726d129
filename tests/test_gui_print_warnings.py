"""Print warnings reach the window (issue 14.2): before the export the preview's print check and the
row say what the export will warn about (low effective dpi, crop, a preset that contradicts the
source type), computed as the export computes it; after the export each warning is in its row and
in a summary, which a batch with nothing to say does not show."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gui_helpers import QT_IGNORE, open_and_wait, row_status

pytestmark = [pytest.mark.gui, QT_IGNORE]

SAMPLE = Path(__file__).resolve().parent.parent / "assets" / "samples" / "motiv-landschaft.jpg"  # 1800×1200
A2 = "poster-a2-cmyk-tiff"


def _sample(tmp_path: Path) -> Path:
    dst = tmp_path / "in" / SAMPLE.name
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE, dst)
    return dst


def _fill(window, source_type="trainedAlgorithmicMedia"):
    window.select_all()
    window.edit_provenance("source_type", source_type)
    window.edit_provenance("ai_system", "Midjourney")


def _profiles(qtbot, window, ids: list[str]) -> None:
    with qtbot.waitSignal(window.preview.rendered, timeout=30_000):
        window.side.output.set_checked(ids)
        window._profiles_changed(window.side.output.checked())


def _export(qtbot, window, out: Path):
    window.side.output.set_folder(str(out))
    window._set_out_dir(str(out))
    results = []
    with qtbot.waitSignal(window.export_finished, timeout=300_000) as sig:
        window.start_export()
        window.export.thread.result.connect(results.append)
    return sig.args, results


def _state(window, row=0) -> str:
    from kilabel.gui.image_list import StatusRole

    return window.model.data(window.model.index(row), StatusRole)


def test_choosing_a_print_profile_shows_the_print_check_in_the_preview(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, [_sample(tmp_path)])
    _fill(window)
    _profiles(qtbot, window, [A2])
    check = window.preview.preflight
    assert check.isVisibleTo(window)
    notes = window.preview.preflight_notes
    assert any(
        n.startswith("low resolution: ") and "dpi effective at 594×420 mm (under 150 dpi)" in n for n in notes
    )
    assert any(n.startswith("the fit crops ") for n in notes)
    assert check.text().startswith("Print check: ") and "dpi effective" in check.text()
    assert all(f"⚠ {n}" in check.text() for n in notes)
    # the row says it too, before anything is exported
    assert _state(window) == "warning"
    assert row_status(window, 0).startswith(f"ready – {len(notes)} notes: ")
    tip = window.model.data(window.model.index(0), 3)  # ToolTipRole
    assert all(n in tip for n in notes)
    # a screen profile of the right size has nothing to check: no print check, the row is ready
    _profiles(qtbot, window, ["same-as-input"])
    assert not check.isVisibleTo(window) and window.preview.preflight_notes == []
    assert row_status(window, 0) == "ready"


def test_a_preset_that_contradicts_the_source_type_is_said_in_the_row_and_the_preview(
    qtbot, window, make_image
):
    open_and_wait(qtbot, window, [make_image("montage.jpg")])
    with qtbot.waitSignal(window.preview.rendered, timeout=30_000):
        _fill(window, "compositeWithTrainedAlgorithmicMedia")
    assert window.job.preset.id == "ki-generiert"
    assert _state(window) == "warning"
    assert "does not say so (try ki-montage)" in row_status(window, 0)
    assert any("ki-montage" in n for n in window.preview.preflight_notes)
    with qtbot.waitSignal(window.preview.rendered, timeout=30_000):
        window.choose_preset("ki-montage")
    assert row_status(window, 0) == "ready" and window.preview.preflight_notes == []


def test_export_warnings_are_in_the_row_and_the_summary_as_the_preview_said(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, [_sample(tmp_path)])
    _fill(window)
    _profiles(qtbot, window, [A2])
    predicted = list(window.preview.preflight_messages)
    (done, failed, cancelled), results = _export(qtbot, window, tmp_path / "out")
    assert (done, failed, cancelled) == (1, 0, False)
    [res] = results
    said = list(res.warnings)
    assert any("low resolution" in w for w in said) and any("the fit crops" in w for w in said)
    # what the preview predicted is what the export says, word for word (the same core messages)
    codes = [getattr(n, "code", "") for n in predicted]
    assert "low-dpi" in codes and ("crop-lr" in codes or "crop-tb" in codes)
    for note in predicted:
        if getattr(note, "code", "") in ("crop-lr", "crop-tb", "low-dpi", "upscaled"):
            assert note in said, (note, said)
    [low] = [n for n in predicted if getattr(n, "code", "") == "low-dpi"]
    assert round(res.effective_dpi) == round(low.params["dpi"])  # the preview's dpi is the export's
    # the row: exported, with every warning (state, words, tooltip); not "exported" alone
    assert _state(window) == "warning"
    assert row_status(window, 0).startswith(f"exported – {len(set(said))} notes: ")
    tip = window.model.data(window.model.index(0), 3)
    assert all(w in tip for w in said) and res.output in tip
    # the summary after the export lists the file and each warning
    summary = window.export.summary
    assert summary is not None and summary.isVisible()
    lines = summary.lines()
    assert lines[0].startswith(f"{SAMPLE.name} · ") and "exported as motiv-landschaft-A2.tif" in lines[0]
    assert [line[2:] for line in lines[1:]] == list(dict.fromkeys(said))
    from kilabel.gui import accessibility

    for root in (summary, window.preview, window.bar):  # what this change built: every control named
        assert [w for w in accessibility.interactive_widgets(root) if not w.accessibleName()] == []
    assert window.preview.view.accessibleName() == "Preview"
    assert window.side.output.folder.accessibleName() == "Output folder"


def test_a_batch_with_nothing_to_say_shows_no_summary(qtbot, window, make_image, tmp_path):
    open_and_wait(qtbot, window, [make_image("plain.jpg")])
    _fill(window)
    (done, failed, _), results = _export(qtbot, window, tmp_path / "out")
    assert (done, failed) == (1, 0) and results[0].warnings == []
    assert window.export.summary is None
    assert _state(window) == "done" and row_status(window, 0) == "exported"


def test_a_failed_file_is_in_the_summary_with_its_error(qtbot, window, make_image, tmp_path):
    good, bad = make_image("good.jpg"), make_image("bad.jpg", seed=2)
    open_and_wait(qtbot, window, [good, bad])
    _fill(window)
    bad.write_bytes(bad.read_bytes()[:600])  # cut off after the thumbnail was made
    (done, failed, _), _results = _export(qtbot, window, tmp_path / "out")
    assert (done, failed) == (1, 1)
    lines = window.export.summary.lines()
    assert len(lines) == 2 and lines[0].startswith("bad.jpg · ") and "failed" in lines[0]
    assert lines[1].startswith("✗ ")
    assert "1 of 2 files exported to" in window.bar.text.text() and "1 failed" in window.bar.text.text()


def test_the_german_window_shows_the_print_check_in_german(qtbot, kilabel_home, tmp_path):
    from PySide6.QtWidgets import QApplication

    from kilabel.gui import i18n, workers
    from kilabel.gui.mainwindow import MainWindow
    from kilabel.settings import Settings

    i18n.install(QApplication.instance(), "de")
    try:
        w = MainWindow(Settings(jobs=1, organisation="Testorganisation"), "de")
        qtbot.addWidget(w)
        w.resize(1280, 800)
        w.show()
        open_and_wait(qtbot, w, [_sample(tmp_path)])
        _fill(w)
        _profiles(qtbot, w, [A2])
        text = w.preview.preflight.text()
        assert "geringe Auflösung: effektiv" in text and "die Einpassung schneidet" in text
        assert "low resolution" not in text and "the fit crops" not in text
        assert "geringe Auflösung" in w.model.data(w.model.index(0), 3)
        workers.wait_idle(30)
    finally:
        i18n.install(QApplication.instance(), "en")
