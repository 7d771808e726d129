"""Provenance templates (issue 14, item 7), as Bridge's metadata templates: the values shown are kept
under a name as TOML in the user's presets folder, applied to the selected images, deleted; a broken
file is named in one line and the other templates still work."""

from __future__ import annotations

import pytest
from gui_helpers import QT_IGNORE, open_and_wait
from PySide6.QtCore import Qt

from kilabel import templates
from kilabel.errors import ConfigError

pytestmark = [pytest.mark.gui, QT_IGNORE]

VALUES = {
    "source_type": "trainedAlgorithmicMedia",
    "ai_system": "Midjourney",
    "ai_version": "7",
    "creator": "Agentur Süd",
    "credit": "Bild: KI-generiert (Midjourney) · Agentur Süd",
    "campaign": "Sommer 2026",
    "client": "Stadt Musterstadt",
}


def test_a_template_is_saved_read_back_replaced_by_name_and_deleted(kilabel_home):
    folder = templates.templates_dir()
    assert folder == kilabel_home / "config" / "presets" / "templates"
    path = templates.save_template(templates.from_values("Sommer 2026", VALUES))
    assert path == folder / "sommer-2026.toml"
    found, errors = templates.load_all()
    assert errors == [] and list(found) == ["Sommer 2026"]
    assert found["Sommer 2026"].values() == VALUES
    changed = dict(VALUES, ai_version="7.1")
    assert templates.save_template(templates.from_values("Sommer 2026", changed)) == path  # replaced
    other = templates.save_template(templates.from_values("sommer 2026", {"campaign": "x"}))
    assert other == folder / "sommer-2026-2.toml"  # another name, the same slug: its own file
    found, _ = templates.load_all()
    assert found["Sommer 2026"].ai_version == "7.1" and set(found) == {"Sommer 2026", "sommer 2026"}
    assert templates.delete_template("Sommer 2026") == path and not path.exists()
    with pytest.raises(ConfigError, match="no provenance template named 'Sommer 2026'"):
        templates.delete_template("Sommer 2026")


def test_a_template_refuses_what_it_cannot_keep(kilabel_home):
    with pytest.raises(ConfigError, match="source_type 'aiGenerated' is not one of"):
        templates.from_values("x", {"source_type": "aiGenerated"})
    with pytest.raises(ConfigError, match="unknown field.*prompt"):
        templates.from_values("x", {"prompt": "one image's prompt"})
    with pytest.raises(ConfigError, match="name: must not be empty"):
        templates.from_values("  ", {"campaign": "x"})


def test_broken_template_files_give_one_line_each_naming_the_file(kilabel_home):
    folder = templates.templates_dir()
    folder.mkdir(parents=True)
    templates.save_template(templates.from_values("Gut", {"campaign": "A"}))
    (folder / "kaputt.toml").write_text('name = "Kaputt"\nai_system = \n', encoding="utf-8")
    (folder / "falsch.toml").write_text('name = "Falsch"\nsource_type = "photo"\n', encoding="utf-8")
    (folder / "fremd.toml").write_text('name = "Fremd"\nfarbe = "rot"\n', encoding="utf-8")
    found, errors = templates.load_all()
    assert list(found) == ["Gut"]
    assert len(errors) == 3 and all("\n" not in e for e in errors)
    by_file = {e.split(": ")[0]: e for e in errors}
    assert set(by_file) == {str(folder / n) for n in ("falsch.toml", "fremd.toml", "kaputt.toml")}
    assert "not valid TOML" in by_file[str(folder / "kaputt.toml")]
    assert "source_type 'photo'" in by_file[str(folder / "falsch.toml")]
    assert "unknown field 'farbe'" in by_file[str(folder / "fremd.toml")]


def _fill(window, values: dict[str, str]) -> None:
    for name, value in values.items():
        window.edit_provenance(name, value)


def test_window_saves_applies_and_deletes_a_template(qtbot, window, make_image):
    from kilabel.gui import provenance_tools

    open_and_wait(
        qtbot, window, [make_image("a.jpg"), make_image("b.jpg", seed=2), make_image("c.jpg", seed=3)]
    )
    pp = window.side.provenance
    window.select_rows([0])
    _fill(window, dict(VALUES, prompt="Straßenbahn im Regen"))
    window.select_rows([0])  # the panel shows the image's values again
    assert provenance_tools.save_template(window, "Sommer 2026") == "Sommer 2026"
    assert (templates.templates_dir() / "sommer-2026.toml").exists()
    saved = templates.load_all()[0]["Sommer 2026"]
    assert saved.values() == VALUES  # the prompt describes one image: not kept
    assert [pp.template_box.itemText(i) for i in range(1, pp.template_box.count())] == ["Sommer 2026"]
    assert pp.template_box.currentData() == "Sommer 2026" and pp.apply_btn.isEnabled()

    window.model.entries[2].image.provenance.creator = "Eigenes Studio"
    window.select_rows([1, 2])
    pp.template_box.setCurrentIndex(pp.template_box.findData("Sommer 2026"))
    qtbot.mouseClick(pp.apply_btn, Qt.MouseButton.LeftButton)
    for e in window.model.entries[1:]:
        prov = e.image.provenance
        assert {k: getattr(prov, k) for k in VALUES} == VALUES
        assert prov.prompt == ""
    assert pp.fields["campaign"].text() == "Sommer 2026" and pp.fields["creator"].text() == "Agentur Süd"
    assert "Sommer 2026" in window.bar.text.text() and "2 image" in window.bar.text.text()
    assert window.actions_.export_button.isEnabled()

    assert provenance_tools.delete_template(window, "Sommer 2026", ask=False)
    assert not (templates.templates_dir() / "sommer-2026.toml").exists()
    assert pp.template_box.findData("Sommer 2026") < 0 and not pp.apply_btn.isEnabled()


def test_a_template_leaves_fields_it_does_not_set(qtbot, window, make_image):
    from kilabel.gui import provenance_tools

    open_and_wait(qtbot, window, [make_image("a.jpg")])
    window.select_rows([0])
    _fill(window, {"source_type": "digitalCapture", "creator": "Fotografin", "campaign": "Alt"})
    templates.save_template(templates.from_values("Nur Kampagne", {"campaign": "Neu", "client": "Amt"}))
    provenance_tools.reload_templates(window)
    assert provenance_tools.apply_template(window, "Nur Kampagne") == 1
    prov = window.model.entries[0].image.provenance
    assert (prov.source_type, prov.creator, prov.campaign, prov.client) == (
        "digitalCapture",
        "Fotografin",
        "Neu",
        "Amt",
    )


def test_window_names_a_broken_template_file_and_keeps_the_others(qtbot, window):
    from kilabel.gui import provenance_tools

    folder = templates.templates_dir()
    templates.save_template(templates.from_values("Gut", {"campaign": "A"}))
    (folder / "kaputt.toml").write_text("name = [\n", encoding="utf-8")
    errors = provenance_tools.reload_templates(window)
    assert len(errors) == 1
    status = window.bar.text.text()
    assert str(folder / "kaputt.toml") in status and "\n" not in status
    pp = window.side.provenance
    assert pp.template_box.findData("Gut") > 0 and pp.template_box.findData("Kaputt") < 0


def test_saving_nothing_says_so_instead_of_writing_an_empty_template(qtbot, window, make_image, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kilabel.gui import provenance_tools

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    open_and_wait(qtbot, window, [make_image("a.jpg")])
    window.select_rows([0])
    assert provenance_tools.save_template(window, "Leer") == ""
    assert said and "nothing to keep" in said[0]
    assert not templates.templates_dir().exists() or not list(templates.templates_dir().iterdir())
