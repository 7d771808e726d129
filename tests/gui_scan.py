"""Reading a window the way a user and a screen reader do: every visible text, and every control's
accessible name (what Qt hands to a screen reader: the accessible name, else a buddy label's
text, else the control's own text).

English is recognised by words that German never uses; names (Midjourney, C2PA, FOGRA39), file
names and paths are left out before looking.
"""

from __future__ import annotations

import re

# Words of English sentences and UI labels that German text does not contain (lower case). Not "was"
# (German: what), "die", "man", "will", "also", "bald", "hat", "rot": German words.
ENGLISH = set(
    """
    the and of not cannot is are were with without from this that these those which there
    file files image images error errors warning warnings ready loading done failed missing none
    open save close cancel choose select folder settings source type size colour color
    opacity angle spacing exported labelled unlabelled checked untrusted trusted invalid valid
    bottom top left right centre center page pages date reason output input
    technical note notes yes no off on apply delete remove add new edit help about quit exit
    picture pictures choose preview show hide skip overwrite keep replace correction
    """.split()
)
# Names, codes and units that read the same in both languages.
ALLOWED = set(
    """
    kilabel midjourney firefly dall openai adobe stable diffusion c2pa iptc xmp exif icc fogra39 cmyk rgb
    srgb jpeg jpg png tiff tif webp pdf pdf/x dpi ppi pt mm px mb kb gb ok ki ai id csv json xlsx
    """.split()
)
_SKIP = re.compile(
    r"(\S+\.(jpe?g|png|tiff?|webp|pdf|c2pa|csv|json|xlsx|toml|sqlite)\b)|(/[\w./-]+)|(KL-[\w-]+)|(https?://\S+)"
    r"|(The Qt Company)|(SIL Open Font License)|(Content Authenticity Initiative)",  # names, not sentences
    re.I,
)


def english_words(text: str) -> list[str]:
    text = _SKIP.sub(" ", re.sub(r"<[^>]+>", " ", text))
    words = re.findall(r"[A-Za-zÄÖÜäöüß]+", text.replace("&", ""))
    return [w for w in words if w.lower() in ENGLISH and w.lower() not in ALLOWED]


def _model_texts(view) -> list[str]:
    from PySide6.QtCore import QModelIndex, Qt

    model = view.model()
    if model is None:
        return []
    out = []
    rows = min(model.rowCount(QModelIndex()), 200)
    try:
        cols = model.columnCount(QModelIndex())
    except TypeError:  # a list model: one column, its count not public
        cols = 1
    for c in range(cols):
        head = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if head:
            out.append(str(head))
    for r in range(rows):
        for c in range(cols):
            val = model.index(r, c).data(Qt.ItemDataRole.DisplayRole)
            if isinstance(val, str) and val:
                out.append(val)
    return out


def visible_texts(root) -> list[tuple[str, str]]:
    """(widget, text) for every text a user sees in `root` and its visible children."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
        QWidget,
    )

    out: list[tuple[str, str]] = []
    if root.windowTitle():
        out.append((type(root).__name__ + " title", root.windowTitle()))
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        name = f"{type(w).__name__} {w.objectName()}".strip()
        texts: list[str] = []
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts += [w.placeholderText()] + ([] if w.isReadOnly() is False else [w.text()])
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, (QTextEdit, QPlainTextEdit)) and w.isReadOnly():
            texts.append(w.toPlainText())
        elif isinstance(w, QAbstractItemView):
            texts += _model_texts(w)
        out += [(name, t) for t in texts if t]
    return out


def menu_texts(window) -> list[tuple[str, str]]:
    """Every menu's and menu item's text in the window's menu bar (visible when opened)."""
    out = []
    bar = window.menuBar() if hasattr(window, "menuBar") else None
    if bar is None:
        return out
    for action in bar.actions():
        out.append(("menu", action.text()))
        menu = action.menu()
        if menu is not None:
            out += [("menu item", a.text()) for a in menu.actions() if a.text()]
    return out


def english_in(texts: list[tuple[str, str]]) -> list[str]:
    return [
        f"{where}: {text!r} ({', '.join(words)})" for where, text in texts if (words := english_words(text))
    ]


INTERACTIVE = (
    "QAbstractButton",
    "QLineEdit",
    "QComboBox",
    "QAbstractSpinBox",
    "QAbstractSlider",
    "QAbstractItemView",
    "QTextEdit",
    "QPlainTextEdit",
)


def unnamed_controls(root) -> list[str]:
    """Visible, enabled interactive widgets a screen reader would announce without a name."""
    from PySide6 import QtWidgets
    from PySide6.QtGui import QAccessible

    kinds = tuple(getattr(QtWidgets, k) for k in INTERACTIVE)
    missing = []
    for w in root.findChildren(QtWidgets.QWidget):
        if not isinstance(w, kinds) or not w.isVisible():
            continue
        parent = w.parent()
        if isinstance(w, QtWidgets.QScrollBar) or isinstance(
            parent, (QtWidgets.QComboBox, QtWidgets.QAbstractSpinBox)
        ):
            continue  # parts of other controls
        if isinstance(w, QtWidgets.QAbstractButton) and isinstance(w.parent(), QtWidgets.QTabBar):
            continue  # a tab bar's scroll arrows
        if isinstance(w, QtWidgets.QHeaderView):
            continue  # a table's column headers: read with the table's cells, not a control of their own
        iface = QAccessible.queryAccessibleInterface(w)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not (name or "").strip():
            missing.append(f"{type(w).__name__} {w.objectName()!r} tooltip={w.toolTip()!r}")
    return missing


def while_open(trigger, look, prepare=None, ready=None, timeout: float = 120.0):
    """Open a modal dialog by `trigger()` (a menu action: it blocks in the dialog's exec()), and while
    it is up: `prepare(dialog)` once, wait until `ready(dialog)`, return `look(dialog)`; the dialog is
    closed (rejected) afterwards. Raises if no dialog opened or it was not ready in time."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    state: dict = {"start": time.monotonic(), "prepared": False}

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        late = time.monotonic() - state["start"] > timeout
        if dialog is None:
            if late:
                state["error"] = "no dialog opened"
                return
            QTimer.singleShot(50, poll)
            return
        if prepare is not None and not state["prepared"]:
            state["prepared"] = True
            prepare(dialog)
        if ready is not None and not ready(dialog) and not late:
            QTimer.singleShot(50, poll)
            return
        try:
            state["result"] = look(dialog) if not late else None
            if late:
                state["error"] = f"{type(dialog).__name__} not ready after {timeout} s"
        finally:
            dialog.reject()

    QTimer.singleShot(0, poll)
    trigger()
    if "error" in state:
        raise AssertionError(state["error"])
    if "result" not in state:
        raise AssertionError("the dialog closed before it was looked at")
    return state["result"]


# --- a tour of the window: every state and dialog a user meets, each handed to `look` -------------

A2 = "poster-a2-cmyk-tiff"  # the A2 poster: the 1800×1200 sample gets print warnings


def tour_material(tmp_path):
    """The samples, an empty JPEG and a truncated PNG (error rows), a montage (preset warning)."""
    import shutil

    from conftest import photo

    from kilabel import paths

    folder = tmp_path / "in"
    folder.mkdir()
    for p in sorted(paths.asset("samples").glob("motiv-*")):
        shutil.copy(p, folder / p.name)
    (folder / "leer.jpg").write_bytes(b"")
    photo((400, 300)).save(folder / "abgeschnitten.png")
    data = (folder / "abgeschnitten.png").read_bytes()
    (folder / "abgeschnitten.png").write_bytes(data[: len(data) // 3])
    photo((900, 600), seed=5).save(folder / "montage.jpg", quality=90)
    return {p.name: p for p in folder.iterdir()}


def _fill(w, rows: list[int], source_type: str) -> None:
    w.select_rows(rows)
    w.edit_provenance("source_type", source_type)
    w.edit_provenance("ai_system", "Midjourney")


def prepare_rows(qtbot, w, files) -> None:
    """Samples, error rows, a print profile whose check warns, and a montage under the plain preset;
    the landscape sample is shown with its print check."""
    from gui_helpers import open_and_wait

    order = sorted(files)
    open_and_wait(qtbot, w, [files[n] for n in order], rendered=False)  # the first row is broken
    good = [r for r, n in enumerate(order) if n not in ("leer.jpg", "abgeschnitten.png")]
    _fill(w, [r for r in good if order[r] != "montage.jpg"], "trainedAlgorithmicMedia")
    _fill(w, [order.index("montage.jpg")], "compositeWithTrainedAlgorithmicMedia")
    with qtbot.waitSignal(w.preview.rendered, timeout=30_000):
        w.side.output.set_checked([A2])
        w._profiles_changed(w.side.output.checked())
    w.select_rows([order.index("motiv-landschaft.jpg")])
    qtbot.waitUntil(lambda: w.preview.preflight.isVisibleTo(w), timeout=30_000)


def export(qtbot, w, out) -> None:
    w.side.output.set_folder(str(out))
    w._set_out_dir(str(out))
    with qtbot.waitSignal(w.export_finished, timeout=600_000):
        assert w.start_export()


def tour_export(qtbot, w, tmp_path, files, look) -> list[str]:
    """After prepare_rows: the rows with errors and warnings, the export with its summary, the
    existing-files question."""
    found = [f"rows and print check: {x}" for x in look(w)]
    export(qtbot, w, tmp_path / "out")
    assert w.export.summary is not None and w.export.summary.isVisible()
    found += [f"after the export: {x}" for x in look(w)]
    found += [f"export summary: {x}" for x in look(w.export.summary)]
    w.export.summary.close()
    assert w.start_export()  # the files exist now: the window asks what to do
    dialog = w.export.existing_dialog
    assert dialog is not None and dialog.isVisible()
    found += [f"existing files: {x}" for x in look(dialog)]
    dialog.reject()
    return found


def tour_dialogs(qtbot, w, tmp_path, files, look) -> list[str]:
    """Every dialog of the menus in turn (after an export: the register and identity have something
    to show): Settings, Register, Image credits, Signing identity, About, Quick guide, the folder
    check with results (a broken file among them), the Check page, the relabel window with a PDF
    and an image."""
    import shutil

    import pdf_visible_builders as pvb

    a = w.actions_
    found: list[str] = []
    for name in ("settings", "register", "credits", "identity", "about", "guide"):
        found += [f"{name}: {x}" for x in while_open(getattr(a, name).trigger, look)]
    broken = tmp_path / "folder"
    broken.mkdir()
    for n in ("motiv-landschaft.jpg", "leer.jpg", "abgeschnitten.png"):
        shutil.copy(files[n], broken / n)
    outputs = sorted((tmp_path / "out").iterdir())
    for out_file in outputs[:2]:
        shutil.copy(out_file, broken / out_file.name)
    done: list = []

    def run_check(dlg) -> None:
        dlg.check_finished.connect(lambda *counts: done.append(counts))
        dlg.folder_edit.setText(str(broken))
        dlg.start()

    def look_checked(dlg) -> list[str]:
        dlg.table.selectRow(0)  # the details of a row are shown too
        return look(dlg)

    texts = while_open(a.check_folder.trigger, look_checked, run_check, lambda _d: bool(done))
    found += [f"folder check: {x}" for x in texts]
    a.check.trigger()
    page = w.extras.check_view
    page.check_paths([str(files["leer.jpg"]), str(outputs[0])])
    qtbot.waitUntil(lambda: page.isVisible() and page._pending == 0, timeout=60_000)
    found += [f"check page: {x}" for x in look(w)]
    w.show_images_page()
    pdf = pvb.logos(tmp_path / "flyer.pdf")
    a.relabel_pdf.trigger()
    rw = w.extras.relabel_window
    rw.add_paths([str(pdf), str(files["motiv-landschaft.jpg"])])
    qtbot.waitUntil(lambda: rw.entries and not any(e.loading for e in rw.entries), timeout=60_000)
    for row in range(len(rw.entries)):
        rw.file_list.setCurrentRow(row)
        qtbot.waitUntil(lambda: not rw._showing, timeout=30_000)
        found += [f"relabel window ({rw.entries[row].path.name}): {x}" for x in look(rw)]
    rw.close()
    return found
