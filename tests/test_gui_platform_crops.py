"""The preview draws the platform crops a screen profile names, red where one cuts the label off
(issue 15: "show those crops in the preview"), with the export's own geometry."""

from __future__ import annotations

from gui_helpers import QT_IGNORE, open_and_wait

from kilabel import profiles
from kilabel.pipeline import preflight

pytestmark = QT_IGNORE


def test_preview_draws_the_profiles_platform_crops(qtbot, window, make_image):
    open_and_wait(qtbot, window, [make_image("a.jpg", size=(1200, 800))])
    pane, view = window.preview, window.preview.view
    with qtbot.waitSignal(pane.rendered, timeout=10_000):
        pane.set_profile(profiles.get("social-square"))
    shown = {name: rect for name, (rect, text) in view.crop_items.items() if rect.isVisible()}
    assert set(shown) == {"4:5", "1.91:1"}  # what the shipped profile names
    cutting = set(preflight.crops_cutting((1080, 1080), view.geom.box))
    for name, rect in shown.items():
        red = rect.pen().color().name() == "#ff3b30"
        assert red == (name in cutting), name
    assert "1.91:1" in cutting  # the default bottom-right label leaves a 1.91:1 link preview
    with qtbot.waitSignal(pane.rendered, timeout=10_000):
        pane.set_profile(profiles.get("web-jpeg"))  # names no crops
    assert not any(rect.isVisible() for rect, _ in view.crop_items.values())
