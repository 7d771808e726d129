"""After an export: the files that need a look, with every warning and error in the window's
language (low resolution, enlarged, cropped, a label under its minimum size, a preset that
contradicts the source type, a failed file). A batch with nothing to say shows no summary."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from kilabel.gui import accessibility, messages


def worth_showing(results: list) -> list:
    """The results the summary lists: failed, or exported with warnings."""
    return [r for r in results if r.error or (r.warnings and not r.skipped)]


class ExportSummary(QDialog):
    """Not modal: the list stays open beside the window while the files are looked at."""

    def __init__(self, results: list, total: int, out_dir: str, titles: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export: warnings and errors"))
        self.setModal(False)
        self.out_dir = out_dir
        shown = worth_showing(results)
        failed = sum(1 for r in shown if r.error)
        head = QLabel(
            self.tr("{0} of {1} exports need a look: {2} with warnings, {3} failed.").format(
                len(shown), total, len(shown) - failed, failed
            )
        )
        head.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Warnings and errors per file"))
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Profile"), self.tr("Result")])
        self.tree.setRootIsDecorated(True)
        for r in shown:
            self._add(r, titles)
        self.tree.expandAll()
        self.tree.setColumnWidth(0, 240)
        self.tree.resizeColumnToContents(1)  # the profile's name whole (a print profile's is long)
        self.tree.setColumnWidth(1, min(max(self.tree.columnWidth(1), 160), 380))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        self.open_btn = box.addButton(self.tr("Show &folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_btn.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.out_dir)))
        self.open_btn.setVisible(bool(out_dir))
        box.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.tree, 1)
        lay.addWidget(box)
        self.resize(1040, 440)
        accessibility.name_the_rest(self)

    def _add(self, r, titles: dict[str, str]) -> None:
        """One file: name and result, then one line per warning (or its error)."""
        src = Path(r.input)
        outcome = self.tr("failed") if r.error else self.tr("exported as {0}").format(Path(r.output).name)
        item = QTreeWidgetItem([src.name, titles.get(r.profile_id, r.profile_id), outcome])
        item.setToolTip(0, str(src))
        item.setToolTip(1, item.text(1))
        self.tree.addTopLevelItem(item)
        lines = [("✗", _short(r.error, src))] if r.error else []
        lines += [("⚠", w) for w in dict.fromkeys(r.warnings)]
        for mark, line in lines:
            text = messages.shown(line)
            child = QTreeWidgetItem([f"{mark} {text}"])
            child.setToolTip(0, text)
            item.addChild(child)
            child.setFirstColumnSpanned(True)  # the whole width: warnings are sentences
        item.setData(0, Qt.ItemDataRole.UserRole, r)

    def lines(self) -> list[str]:
        """Every text the summary shows (tests: nothing in another language, nothing missing)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            out.append(" · ".join(item.text(c) for c in range(3)))
            out += [item.child(j).text(0) for j in range(item.childCount())]
        return out


def _short(message: str, src: Path) -> str:
    for prefix in (f"{src}: ", f"{src.name}: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message
