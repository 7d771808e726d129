"""Large batches (issue 14.9): the first preview does not wait behind the thumbnails, rows say
"loading …" while their thumbnail loads (not "Details missing"), Export is possible before every
thumbnail is there, selecting all rows is one step, and thumbnails are decoded reduced.

The thumbnail decodes are held back (a gate in front of image_load.load_preview for thumbnail
sizes), so "before the thumbnails" is a fact of the test, not a race against the machine's speed.
Figures for 300 PNGs of 3000×2000 are in the report of issue 14 (tools: a script timing the window)."""

from __future__ import annotations

import threading

import pytest
from gui_helpers import QT_IGNORE, row_status

pytestmark = [pytest.mark.gui, QT_IGNORE]

N = 24


@pytest.fixture
def held_thumbnails(monkeypatch):
    """Thumbnail decodes wait until the test opens the gate; previews pass."""
    from kilabel.gui.image_list import THUMB
    from kilabel.pipeline import image_load

    gate, waiting = threading.Event(), []
    real = image_load.load_preview

    def gated(path, max_side, *args, **kwargs):
        if max_side <= THUMB * 2:
            waiting.append(path)
            assert gate.wait(60), "the test never opened the gate"
        return real(path, max_side, *args, **kwargs)

    monkeypatch.setattr(image_load, "load_preview", gated)
    yield gate, waiting
    gate.set()


def test_the_first_preview_and_export_do_not_wait_for_the_thumbnails(
    qtbot, window, make_image, tmp_path, held_thumbnails
):
    gate, waiting = held_thumbnails
    images = [make_image(f"img{i:02d}.png", size=(900, 600), seed=i) for i in range(N)]
    with qtbot.waitSignal(window.preview.rendered, timeout=30_000):
        window.open_paths([str(p) for p in images])
    # the preview is drawn while every thumbnail is still held back
    assert all(e.loading for e in window.model.entries) and waiting
    assert {row_status(window, r) for r in range(N)} == {"loading …"}
    # the provenance is what Export needs, not the thumbnails
    window.select_all()
    assert len(window.selected_entries()) == N
    window.edit_provenance("source_type", "trainedAlgorithmicMedia")
    window.edit_provenance("ai_system", "Midjourney")
    assert window.actions_.export_button.isEnabled(), window.actions_.export_button.toolTip()
    assert {row_status(window, r) for r in range(N)} == {"loading …"}
    out = tmp_path / "out"
    window.side.output.set_folder(str(out))
    window._set_out_dir(str(out))
    window.select_rows([0, 1])
    window.model.remove_rows(list(range(2, N)))  # a short export: the point is that it may start
    with qtbot.waitSignal(window.export_finished, timeout=120_000) as sig:
        assert window.start_export() is True
    assert sig.args == [2, 0, False]
    assert sorted(p.name for p in out.iterdir()) == ["img00.png", "img01.png"]
    with qtbot.waitSignal(window.images_loaded, timeout=60_000):
        gate.set()
    assert [row_status(window, r) for r in range(2)] == ["exported", "exported"]


def test_rows_without_a_source_type_say_loading_first_then_what_is_missing(
    qtbot, window, make_image, held_thumbnails
):
    gate, _ = held_thumbnails
    window.open_paths([str(make_image("a.png", size=(400, 300)))])
    assert row_status(window, 0) == "loading …"
    assert not window.actions_.export_button.isEnabled()
    assert "Choose the source type" in window.actions_.export_button.toolTip()
    with qtbot.waitSignal(window.images_loaded, timeout=30_000):
        gate.set()
    assert row_status(window, 0) == "Details missing: source type"


def test_thumbnails_are_small_and_rows_know_the_full_size(qtbot, window, make_image):
    from gui_helpers import open_and_wait

    from kilabel.gui.image_list import THUMB

    open_and_wait(
        qtbot, window, [make_image("big.jpg", size=(3000, 2000)), make_image("tall.png", size=(600, 1600))]
    )
    sizes = [(e.thumb.width(), e.thumb.height()) for e in window.model.entries]
    assert all(max(s) <= THUMB * 2 for s in sizes), sizes
    assert [e.full_size for e in window.model.entries] == [(3000, 2000), (600, 1600)]


def test_selecting_all_of_a_long_list_is_one_selection_change(qtbot, window, make_image, held_thumbnails):
    gate, _ = held_thumbnails
    paths = [make_image(f"s{i:03d}.jpg", size=(64, 48), seed=i) for i in range(120)]
    window.open_paths([str(p) for p in paths])
    changes = []
    window.list_view.selectionModel().selectionChanged.connect(lambda *a: changes.append(a))
    window.select_all()
    assert len(changes) == 1 and len(window.selected_entries()) == 120
    window.select_rows([3, 4, 5, 9])
    assert window.list_view.selected_rows() == [3, 4, 5, 9] and len(changes) == 2
    gate.set()
