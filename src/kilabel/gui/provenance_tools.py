"""Provenance for many images at once, from the window: templates (a named set of values kept in the
user's presets folder, as Bridge's metadata templates) applied to the selection, and a CSV or Excel
list (the one `kilabel export --provenance` reads) applied to the loaded images by file name.

The side panel asks through its signals; connect(w) wires them to the window `w`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from kilabel import templates as templates_mod
from kilabel.errors import KilabelError
from kilabel.gui.i18n import tr
from kilabel.provenance import check_rows, load_table, lookup

LIST_FILTER = "*.csv *.txt *.tsv *.xlsx *.xlsm *.json"


def connect(w) -> None:
    """Wire the provenance panel's template and import requests to the window and fill the list."""
    pp = w.side.provenance
    pp.template_apply_requested.connect(lambda name: apply_template(w, name))
    pp.template_save_requested.connect(lambda: save_template(w))
    pp.template_delete_requested.connect(lambda name: delete_template(w, name))
    pp.import_requested.connect(lambda: import_dialog(w))
    reload_templates(w)


def _say(w, text: str) -> None:
    w.bar.text.setText(text)


def reload_templates(w, current: str = "") -> list[str]:
    """Read the templates folder again; a file that cannot be used is named in the status line (the
    others still work). Returns those errors."""
    found, errors = templates_mod.load_all()
    w.side.provenance.set_templates(list(found), current)
    if errors:
        text = tr("A provenance template cannot be used: {0}").format(errors[0])
        if len(errors) > 1:
            text += " " + tr("(and {0} more)").format(len(errors) - 1)
        _say(w, text)
        w.bar.text.setToolTip("\n".join(errors))
    return errors


def _show_selection(w) -> None:
    w.side.provenance.show_selection([e.image.provenance for e in w.selected_entries()])


def apply_template(w, name: str) -> int:
    """Set the template's values for every selected image; fields it leaves empty stay as they are.
    Returns how many images it set."""
    found, errors = templates_mod.load_all()
    template = found.get(name)
    if template is None:
        broken = next((e for e in errors if name in e), "")
        _say(w, broken or tr("No template named '{0}'").format(name))
        reload_templates(w)
        return 0
    rows = w.list_view.selected_rows()
    if not rows:
        _say(w, tr("Select the images the template is for"))
        return 0
    for key, value in template.values().items():
        w.edit_provenance(key, value)
    _show_selection(w)
    _say(w, tr("Template '{0}' applied to {1} image(s)").format(name, len(rows)))
    return len(rows)


def save_template(w, name: str | None = None) -> str:
    """Keep the values the panel shows (fields that differ across the selection are left out) under a
    name; the same name replaces that template after asking. Returns the name, '' if nothing saved."""
    values = w.side.provenance.current_values()
    if not values:
        QMessageBox.information(
            w, tr("Save provenance template"), tr("Fill in some provenance first: there is nothing to keep.")
        )
        return ""
    if name is None:
        name, ok = QInputDialog.getText(
            w, tr("Save provenance template"), tr("Name of the template:"), text=values.get("campaign", "")
        )
        if not ok:
            return ""
    name = name.strip()
    if not name:
        return ""
    existing, _ = templates_mod.load_all()
    if name in existing and not _confirm(w, tr("Replace the template '{0}'?").format(name)):
        return ""
    try:
        path = templates_mod.save_template(templates_mod.from_values(name, values))
    except (KilabelError, OSError) as exc:
        QMessageBox.warning(w, tr("Cannot save the template"), str(exc))
        return ""
    reload_templates(w, name)
    _say(w, tr("Template saved: {0}").format(path))
    return name


def delete_template(w, name: str, ask: bool = True) -> bool:
    if not name or ask and not _confirm(w, tr("Delete the template '{0}'?").format(name)):
        return False
    try:
        templates_mod.delete_template(name)
    except (KilabelError, OSError) as exc:
        QMessageBox.warning(w, tr("Cannot delete the template"), str(exc))
        return False
    reload_templates(w)
    _say(w, tr("Template deleted: {0}").format(name))
    return True


def _confirm(w, question: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(w, "kilabel", question, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


# provenance lists ------------------------------------------------------------------------------
@dataclass
class ImportReport:
    """What a provenance list did: the images it set, the rows that matched no image, or why the
    whole list could not be used (the reader stops at the first bad row, naming file and line)."""

    rows: int = 0
    images: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    error: str = ""

    def summary(self) -> str:
        if self.error:
            return tr("The list cannot be used: {0}").format(self.error)
        text = tr("{0} of {1} rows matched loaded images; {2} image(s) updated.").format(
            self.rows - len(self.unmatched), self.rows, len(self.images)
        )
        if self.unmatched:
            shown = ", ".join(self.unmatched[:8]) + (" …" if len(self.unmatched) > 8 else "")
            text += "\n" + tr("Not among the loaded images: {0}").format(shown)
        return text


def import_list(w, path: Path) -> ImportReport:
    """Apply a provenance list to the loaded images by file name; its values win over those set."""
    entries = list(w.model.entries)
    try:
        table = load_table(path)
        check_rows(table, [Path(e.image.path) for e in entries])  # two rows for one image: an error
    except KilabelError as exc:
        return ImportReport(error=str(exc))
    used: set[int] = set()
    rows: list[int] = []
    for row, e in enumerate(entries):
        prov = lookup(table, Path(e.image.path))
        if prov is None:
            continue
        used.add(id(prov))
        e.image.provenance = e.image.provenance.merged(prov)
        e.reset_export()
        rows.append(row)
    w.model.refresh(rows)
    w.export.update_button()
    _show_selection(w)
    w.refresh_label()  # the wording may use {ai_system} …
    return ImportReport(
        rows=len(table),
        images=[entries[r].path.name for r in rows],
        unmatched=[key for key, prov in table.items() if id(prov) not in used],
    )


def import_dialog(w) -> ImportReport | None:
    if not w.model.entries:
        QMessageBox.information(w, tr("Import provenance list"), tr("Open the images the list is for first."))
        return None
    start = str(w.qsettings.value("last_list_dir", ""))
    path, _ = QFileDialog.getOpenFileName(
        w,
        tr("Import provenance list"),
        start,
        tr("Provenance lists ({0});;All files (*)").format(LIST_FILTER),
    )
    if not path:
        return None
    w.qsettings.setValue("last_list_dir", str(Path(path).parent))
    report = import_list(w, Path(path))
    _say(w, report.summary().replace("\n", " · "))
    show = QMessageBox.warning if report.error or report.unmatched else QMessageBox.information
    show(w, tr("Import provenance list"), report.summary())
    return report
