"""Preset files from the window: small pictures for the list (rendered in the background), save the
working preset as a new one, import and export .toml files."""

from __future__ import annotations

import copy
import re
from pathlib import Path

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from kilabel import presets as presets_mod
from kilabel.gui import workers
from kilabel.gui.i18n import tr


def render_icons(w) -> None:
    """Draw each preset on a small tile in the background, then put the pictures in the list."""
    from kilabel.gui import render
    from kilabel.gui.pil_qt import to_qimage

    items = [copy.deepcopy(p) for p in w.presets.values()]
    lang = w.job.language

    def job():
        return [(p.id, to_qimage(render.sample_tile(p, lang))) for p in items]

    def done(result, error) -> None:
        for pid, qimage in result or []:
            w.side.label.set_preset_icon(pid, QPixmap.fromImage(qimage))

    workers.run_task(job, done, owner=w)


def _slug(text: str) -> str:
    s = re.sub(
        r"[^a-z0-9]+",
        "-",
        text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"),
    ).strip("-")
    return s or "vorlage"


def _add(w, preset: presets_mod.LabelPreset) -> None:
    w.presets[preset.id] = preset
    w._fill_lists()
    w.choose_preset(preset.id)
    w.refresh_label()


def save_as(w) -> None:
    if w.job.preset.locked:
        return
    title, ok = QInputDialog.getText(
        w,
        tr("Save as new preset"),
        tr("Name of the new preset:"),
        text=w.job.preset.display_title(w.ui_language) + " 2",
    )
    if not ok or not title.strip():
        return
    preset = copy.deepcopy(w.job.preset)
    preset.id, preset.title, preset.locked = _slug(title), {"de": title.strip(), "en": title.strip()}, False
    try:
        preset.check("preset")
        path = presets_mod.save_preset(preset)
    except Exception as exc:  # a ConfigError names the field; OSError the folder
        QMessageBox.warning(w, tr("Cannot save the preset"), str(exc))
        return
    preset.source = str(path)
    _add(w, preset)
    w.bar.text.setText(tr("Preset saved: {0}").format(path))


def import_preset(w) -> None:
    path, _ = QFileDialog.getOpenFileName(w, tr("Import preset"), "", tr("Label presets (*.toml)"))
    if not path:
        return
    try:
        preset = presets_mod.load_preset(Path(path))
        saved = presets_mod.save_preset(preset)
    except Exception as exc:
        QMessageBox.warning(w, tr("Cannot import the preset"), str(exc))
        return
    preset.source = str(saved)
    _add(w, preset)
    w.bar.text.setText(tr("Preset imported: {0}").format(preset.display_title(w.ui_language)))


def export_preset(w) -> None:
    path, _ = QFileDialog.getSaveFileName(
        w, tr("Export preset"), f"{w.job.preset.id}.toml", tr("Label presets (*.toml)")
    )
    if not path:
        return
    import tomli_w

    try:
        Path(path).write_text(tomli_w.dumps(w.job.preset.to_toml_dict()), encoding="utf-8")
    except OSError as exc:
        QMessageBox.warning(w, tr("Cannot export the preset"), str(exc))
        return
    w.bar.text.setText(tr("Preset written to {0}").format(path))
