"""RelabelWindow: label existing images and PDFs in a copy, with provenance and a recorded reason.

One window for both kinds (issue 14.3): files on the left (button or drop, images and PDFs mixed);
in the middle each image, or each PDF page, with its label where the core will put it; for a PDF
the images placed on the page with checkboxes (pre-marked where their metadata says AI, the core's
reason why an image is or is not a picture in the tooltip); on the right preset, position, label
language, provenance (pre-filled from what the file says) and the reason for the correction, which
is required once a file is already labelled or registered. Relabelling runs in a QThread, one file
after the other, each recorded in the register as the command line does (kilabel.relabel.image.record).

What is drawn comes from the core: an image through gui.render (label_render.apply on the upright
picture, as relabel_image draws it); a PDF page rendered by poppler's pdftoppm when it is installed
(else a plain page with the placed pictures), with each label planned by kilabel.pdf.stamp.plan,
the function relabel_pdf places its labels with.
"""

from __future__ import annotations

import copy
import dataclasses
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtCore import QSize, Qt, QThread, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kilabel.gui import workers
from kilabel.gui.pil_qt import to_qimage
from kilabel.presets import ANCHORS, LabelPreset
from kilabel.provenance import SOURCE_TYPES, Provenance

IMAGE_EXTS = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp"}
PREVIEW_SIDE = 1600  # long side of the reduced image or rendered page the preview draws on
THUMB = 48  # placed-image thumbnails in the PDF list
PROV_FIELDS = ("ai_system", "ai_version", "creator")  # the one-line provenance fields of the form
OUTLINE = {True: (230, 120, 0), False: (120, 120, 120)}  # placed images: ticked, not ticked


# --- Qt-free part: what a file says, and the pictures the preview shows -------------------------------


@dataclass
class PdfPage:
    """How a page is shown (kilabel.pdf.stamp.PageView) and its trim box in shown coordinates."""

    view: object
    trim: tuple[float, float, float, float]


@dataclass
class FileEntry:
    """One file of the window: what it says (read in the background) and what the user chose."""

    path: Path
    kind: str  # image | pdf
    loading: bool = True
    error: str = ""
    provenance: Provenance = field(default_factory=Provenance)  # pre-filled from the file, then edited
    labelled: tuple[str, str] = ("", "")  # why a reason is needed: (label|c2pa|register, detail)
    base: Image.Image | None = None  # image: reduced upright picture; pdf: small first page (the icon)
    first_page: tuple | None = None  # pdf: page 1 as page_background rendered it
    opaque: bool = False  # pdf: print material, whose label box relabel_pdf draws opaque
    full: tuple[int, int] = (0, 0)  # image: full upright size
    items: list = field(default_factory=list)  # pdf: kilabel.pdf.images.PlacedImage
    thumbs: dict = field(default_factory=dict)  # pdf: index -> small PIL picture
    icons: dict = field(default_factory=dict)  # pdf: index -> QImage (made on the GUI thread)
    pages: dict[int, PdfPage] = field(default_factory=dict)
    checked: set[int] = field(default_factory=set)  # pdf: indices to label
    page: int = 1
    state: str = "loading"  # loading | ready | done | failed | skipped
    result: object = None  # the ExportResult of its relabel


def kind_of(path: Path) -> str:
    return "pdf" if path.suffix.lower() == ".pdf" else "image"


def expand(paths: list[str]) -> list[Path]:
    """Files as given, and the images and PDFs directly inside folders (hidden files left out)."""
    found: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            found += sorted(
                q
                for q in p.iterdir()
                if q.suffix.lower() in IMAGE_EXTS | {".pdf"} and not q.name.startswith(".")
            )
        else:
            found.append(p)
    return found


def _register_mark(path: Path, settings) -> tuple[str, str]:
    """('register', entry id) when the register knows the file, else ('', '')."""
    from kilabel.register import record as register_record
    from kilabel.register import store as register

    try:
        with register.open_register(settings) as reg:
            entries = register_record.entries_for_file(reg, path)
    except Exception:  # an unreachable register hides no label; the relabel run will say so
        return "", ""
    return ("register", str(entries[-1].id)) if entries else ("", "")


def read_image(path: Path, settings) -> FileEntry:
    """A reduced picture, the provenance the file carries and whether it is labelled already."""
    from kilabel.pipeline import c2pa_sign, image_load, verify
    from kilabel.pipeline.image_load import MIME
    from kilabel.relabel.image import _embedded

    entry = FileEntry(path, "image")
    fmt, _ = image_load.probe(path, settings.max_megapixels)
    entry.base, entry.full = image_load.load_preview(path, PREVIEW_SIDE, settings.max_megapixels)
    _, embedded = _embedded(path)
    info = c2pa_sign.read(path, MIME[fmt], verify.trust_anchors(settings))
    entry.provenance = c2pa_sign.input_provenance(info).merged(embedded.provenance)
    if embedded.label.text or embedded.label.register_id:
        entry.labelled = ("label", embedded.label.text)
    elif info.label_action:
        entry.labelled = ("c2pa", info.label_action)
    else:
        entry.labelled = _register_mark(path, settings)
    return entry


def read_pdf(path: Path, settings) -> FileEntry:
    """The placed images (with thumbnails and the core's choice), the pages, the provenance."""
    import pikepdf

    from kilabel.pdf import images as pdf_images
    from kilabel.pdf import stamp as pdf_stamp
    from kilabel.pipeline import c2pa_sign, verify
    from kilabel.relabel.pdf import PDF_MIME

    entry = FileEntry(path, "pdf")
    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, OSError) as exc:
        raise ValueError(f"{path}: not a readable PDF ({exc})") from exc
    with pdf:
        entry.items = pdf_images.list_images(pdf)
        doc = pdf_stamp.document_provenance(pdf)
        doc_prov, doc_label = doc if doc else (Provenance(), None)
        for pno, page in enumerate(pdf.pages, start=1):
            view = pdf_stamp.PageView.of(page)
            entry.pages[pno] = PdfPage(view, view.rect_to_shown(pdf_stamp.page_trim(page)))
        for it in entry.items:
            im = pdf_images.thumbnail(pdf, it, THUMB * 2)
            if im is not None:
                entry.thumbs[it.index] = im
            it.xobject = None  # the document closes here
        overlays = _has_kilabel_overlay(pdf)
        entry.opaque = pdf_stamp.forbids_transparency(pdf) or pdf_stamp.print_material(pdf, entry.items)
    chosen = pdf_stamp.select(entry.items, from_provenance=True, document_ai=doc_prov.is_ai)
    entry.checked = {i.index for i in chosen}
    info = c2pa_sign.read(path, PDF_MIME, verify.trust_anchors(settings))
    image_prov = next((i.provenance for i in chosen if i.provenance.source_type), Provenance())
    entry.provenance = c2pa_sign.input_provenance(info).merged(doc_prov).merged(image_prov)
    if overlays or (doc_label and doc_label.text):
        entry.labelled = ("label", doc_label.text if doc_label else "")
    elif info.label_action:
        entry.labelled = ("c2pa", info.label_action)
    else:
        entry.labelled = _register_mark(path, settings)
    return entry


def _has_kilabel_overlay(pdf) -> bool:
    """Whether a page carries kilabel's label overlay (a relabel replaces it)."""
    from kilabel.pdf import images as pdf_images

    for page in pdf.pages:
        xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
        if any(pdf_images.LABEL_MARK in v for v in xobjects.values() if hasattr(v, "keys")):
            return True
    return False


def read_file(path: Path, settings) -> FileEntry:
    entry = read_pdf(path, settings) if kind_of(path) == "pdf" else read_image(path, settings)
    if entry.kind == "pdf" and entry.pages:
        entry.first_page = page_background(1, entry)
        entry.base = entry.first_page[0].copy()
        entry.base.thumbnail((160, 160))
    entry.loading, entry.state = False, "ready"
    return entry


def render_image(entry: FileEntry, preset: LabelPreset, text: str) -> Image.Image:
    """The image with its label, drawn as relabel_image draws it (no physical size: share of the edge)."""
    from kilabel.gui import render
    from kilabel.profiles import canvas_for

    img, _ = render.render(render.fit(entry.base, canvas_for(entry.full, None)), preset, text)
    return img


def page_background(pno: int, entry: FileEntry) -> tuple[Image.Image, float]:
    """Page `pno` as shown (media box, /Rotate applied) and its pixels per point: poppler's
    rendering when pdftoppm is installed, else a white page with the placed pictures."""
    path, page = entry.path, entry.pages[pno]
    sw, sh = page.view.shown_size
    ppt = min(2.0, PREVIEW_SIDE / max(sw, sh, 1))
    exe = shutil.which("pdftoppm")
    if exe:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "page"
            args = [exe, "-q", "-r", f"{72 * ppt:.2f}", "-f", str(pno), "-l", str(pno), "-png", "-singlefile"]
            done = subprocess.run([*args, str(path), str(out)], capture_output=True, timeout=120, check=False)
            png = out.with_suffix(".png")
            if done.returncode == 0 and png.exists():
                with Image.open(png) as im:
                    img = im.convert("RGB")
                return img, img.width / sw
    img = Image.new("RGB", (max(1, round(sw * ppt)), max(1, round(sh * ppt))), (255, 255, 255))
    for it in entry.items:
        thumb = entry.thumbs.get(it.index)
        if it.page != pno or thumb is None:
            continue
        x0, y0, x1, y1 = _page_box(page, it.visible or it.rect, ppt)
        if x1 - x0 >= 1 and y1 - y0 >= 1:
            img.paste(thumb.resize((round(x1 - x0), round(y1 - y0))), (round(x0), round(y0)))
    return img, ppt


def _page_box(page: PdfPage, rect, ppt: float) -> tuple[float, float, float, float]:
    """A user-space rectangle as pixels of the shown page (y down)."""
    x0, y0, x1, y1 = page.view.rect_to_shown(rect)
    sh = page.view.shown_size[1]
    return x0 * ppt, (sh - y1) * ppt, x1 * ppt, (sh - y0) * ppt


def draw_pdf_labels(
    img: Image.Image, ppt: float, entry: FileEntry, pno: int, preset: LabelPreset, text: str
) -> int:
    """Outline each placed image of the page (ticked ones orange) and draw the label of each ticked
    one where kilabel.pdf.stamp.plan puts it (the dark box relabel_pdf always uses). Returns how
    many labels were drawn."""
    from kilabel.pdf import stamp as pdf_stamp
    from kilabel.pipeline import label_render

    page = entry.pages[pno]
    sh = page.view.shown_size[1]
    draw = ImageDraw.Draw(img)
    drawn = 0
    for it in (i for i in entry.items if i.page == pno):
        ticked = it.index in entry.checked
        box = _page_box(page, it.visible or it.rect, ppt)
        draw.rectangle(box, outline=OUTLINE[ticked], width=3 if ticked else 1)
        draw.text((box[0] + 4, box[1] + 2), str(it.index), fill=OUTLINE[ticked])
        if not ticked:
            continue
        st = pdf_stamp.plan(it, page.trim, preset, text, rect=page.view.rect_to_shown(it.visible or it.rect))
        if st is None:
            continue
        s = ppt / pdf_stamp.PX_PER_PT
        geom = st.geom.scaled(s)
        geom = dataclasses.replace(
            geom, x=geom.x + round(st.area[0] * ppt), y=geom.y + round((sh - st.area[3]) * ppt)
        )
        text_rgb, box_rgb = label_render.colors_for(st.preset, (90, 90, 90))
        tile = label_render.render_tile(
            st.preset, text, geom, text_rgb, box_rgb, 1.0 if entry.opaque else None
        )
        img.paste(tile, (geom.x, geom.y), tile)
        drawn += 1
    return drawn


# --- the relabel run ----------------------------------------------------------------------------------


class RelabelThread(QThread):
    """Relabels the files one after the other and records each in the register.

    Signals:
        file_started(int, str): position in the run, file name
        file_done(int, object, object): position, the kilabel.export.task.ExportResult, register notes
        run_finished(bool, object): cancelled, an exception that stopped the run (or None)
    """

    file_started = Signal(int, str)
    file_done = Signal(int, object, object)
    run_finished = Signal(bool, object)

    def __init__(self, tasks: list, settings, identity_factory, label_id: str, reason: str, parent=None):
        super().__init__(parent)
        self.tasks, self.settings, self.identity_factory = tasks, settings, identity_factory
        self.label_id, self.reason = label_id, reason
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        """No new file starts; the one in flight finishes (never half-written)."""
        self.cancel_event.set()

    def run(self) -> None:
        try:
            identity = self.identity_factory()
            signer: list = []
            for n, task in enumerate(self.tasks):
                if self.cancel_event.is_set():
                    break
                self.file_started.emit(n, Path(task.input).name)
                res, notes = self._relabel(task, identity, signer)
                self.file_done.emit(n, res, notes)
            self.run_finished.emit(self.cancel_event.is_set(), None)
        except Exception as exc:  # no identity, no register: the window says so
            self.run_finished.emit(self.cancel_event.is_set(), exc)

    def _relabel(self, task, identity, signer: list):
        """One file through the core, as `kilabel relabel` does it, recorded with the reason."""
        from kilabel.relabel import image as relabel
        from kilabel.relabel.pdf import PdfRelabelTask, relabel_pdf

        if isinstance(task, PdfRelabelTask):
            res = relabel_pdf(task, identity)
        else:
            if not signer:
                from kilabel.pipeline import c2pa_sign

                signer.append(c2pa_sign.make_signer(identity, self.settings.tsa_url))
            res = relabel.relabel_image(task, identity, signer[0])
        notes = relabel.record(
            [res],
            label_id=self.label_id,
            language=task.language,
            reason=self.reason,
            identity=identity,
            settings=self.settings,
        )
        return res, notes


def default_identity(settings, local_name: str = "kilabel (local)"):
    """The signing identity; a first one is made for the settings' organisation, else under
    `local_name` (the window's words for a local identity: its certificate shows them)."""
    from kilabel import keys

    return keys.ensure(settings.keys_path, settings.organisation or local_name)[0]


# --- the window ---------------------------------------------------------------------------------------


class RelabelWindow(QDialog):
    """Relabel images and PDFs: choose files, see the labels, set provenance and reason, relabel.

    Signals:
        file_read(str): a file's data has been read (or its error)
        preview_shown(): the preview of the current file has been drawn
        relabel_finished(object, bool): all ExportResults of the run, cancelled
    """

    file_read = Signal(str)
    preview_shown = Signal()
    relabel_finished = Signal(object, bool)

    def __init__(
        self,
        settings=None,
        ui_language: str = "en",
        preset: LabelPreset | None = None,
        label_language: str = "",
        parent=None,
        identity_factory=None,
    ) -> None:
        super().__init__(parent)
        from kilabel import presets as presets_mod
        from kilabel import settings as settings_mod

        self.settings = settings or settings_mod.load()
        self.ui_language = ui_language
        local = self.tr("kilabel (local)")
        self.identity_factory = identity_factory or (lambda: default_identity(self.settings, local))
        self.presets, _ = presets_mod.load_all()
        if preset is not None:  # the main window's working preset, with its changes
            self.presets[preset.id] = copy.deepcopy(preset)
        self.start_preset = preset.id if preset is not None else "ki-generiert"
        self.label_language = label_language or ui_language  # the window's language unless chosen
        self.entries: list[FileEntry] = []
        self.thread: RelabelThread | None = None
        self.run_entries: list[FileEntry] = []
        self.results: list = []
        self._showing = False
        self._generation = 0
        self._backgrounds: dict[tuple[str, int], tuple[Image.Image, float]] = {}
        self.setWindowTitle(self.tr("Relabel images and PDFs"))
        self.setAcceptDrops(True)
        self._build()
        self._connect()
        self.resize(1240, 780)
        self._fit_to_screen()
        self._update_state()

    def _fit_to_screen(self) -> None:
        """Never larger than 95 % of the screen's free area (a 1366×768 laptop)."""
        screen = self.screen()
        if screen is not None:
            avail = screen.availableGeometry()
            self.resize(
                min(self.width(), int(avail.width() * 0.95)), min(self.height(), int(avail.height() * 0.95))
            )

    # layout --------------------------------------------------------------------------------------
    def _build(self) -> None:
        self._build_files()
        self._build_preview()
        self._build_form()
        self._build_bottom()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.files_pane)
        splitter.addWidget(self.preview_pane)
        splitter.addWidget(self.form_pane)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([260, 620, 360])
        lay = QVBoxLayout(self)
        lay.addWidget(splitter, 1)
        lay.addWidget(self.results)
        lay.addLayout(self.bottom)

    def _build_files(self) -> None:
        self.files_title = QLabel()
        self.files_title.setStyleSheet("font-weight: 600;")
        self.file_list = QListWidget()
        self.file_list.setIconSize(QSize(40, 40))
        self.file_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.file_list.setAccessibleName(self.tr("Files to relabel"))
        self.files_title.setBuddy(self.file_list)
        self.add_button = QPushButton(self.tr("A&dd files …"))
        self.add_button.setAccessibleName(self.tr("Add images or PDFs"))
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected files from the list"))
        self.drop_hint = QLabel(self.tr("Drop images and PDFs here, or add them with the button."))
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setStyleSheet("color: #666;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        self.files_pane = QWidget()
        lay = QVBoxLayout(self.files_pane)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.files_title)
        lay.addWidget(self.file_list, 1)
        lay.addWidget(self.drop_hint)
        lay.addLayout(buttons)

    def _build_preview(self) -> None:
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(240, 200)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.preview.setStyleSheet("background: #3a3a3a; color: #eee;")
        self.preview.setAccessibleName(self.tr("Preview with the label"))
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        self.page_spin = QSpinBox()
        self.page_spin.setMinimum(1)
        self.page_spin.setAccessibleName(self.tr("Page"))
        self.page_label = QLabel(self.tr("Pa&ge"))
        self.page_label.setBuddy(self.page_spin)
        self.page_count = QLabel()
        self.all_pictures = QPushButton(self.tr("&Tick all pictures"))
        self.all_pictures.setAccessibleName(self.tr("Tick every picture of this PDF"))
        self.all_pictures.setToolTip(
            self.tr("Logos, masks, inline images and specks stay unticked (as --all-images does)")
        )
        page_row = QHBoxLayout()
        page_row.addWidget(self.page_label)
        page_row.addWidget(self.page_spin)
        page_row.addWidget(self.page_count)
        page_row.addStretch(1)
        page_row.addWidget(self.all_pictures)
        self.page_bar = QWidget()
        self.page_bar.setLayout(page_row)
        page_row.setContentsMargins(0, 0, 0, 0)
        self.images_label = QLabel(self.tr("&Images placed in the PDF (tick the AI-generated ones)"))
        self.image_list = QListWidget()
        self.image_list.setIconSize(QSize(THUMB, THUMB))
        self.image_list.setMaximumHeight(160)
        self.image_list.setAccessibleName(self.tr("Images placed in the PDF"))
        self.images_label.setBuddy(self.image_list)
        self.preview_pane = QWidget()
        lay = QVBoxLayout(self.preview_pane)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.preview, 1)
        lay.addWidget(self.preview_note)
        lay.addWidget(self.page_bar)
        lay.addWidget(self.images_label)
        lay.addWidget(self.image_list)

    def _build_form(self) -> None:
        self.preset_box = QComboBox()
        for p in self.presets.values():
            self.preset_box.addItem(p.display_title(self.ui_language), p.id)
            self.preset_box.setItemData(self.preset_box.count() - 1, p.id, Qt.ItemDataRole.ToolTipRole)
        self.preset_box.setCurrentIndex(max(0, self.preset_box.findData(self.start_preset)))
        self.preset_box.setAccessibleName(self.tr("Label preset"))
        self.position_box = QComboBox()
        for anchor in ANCHORS:
            self.position_box.addItem(self.anchor_name(anchor), anchor)
        self.position_box.setAccessibleName(self.tr("Position of the label"))
        self.lang_box = QComboBox()
        self.lang_box.addItem("Deutsch", "de")
        self.lang_box.addItem("English", "en")
        self.lang_box.setCurrentIndex(max(0, self.lang_box.findData(self.label_language)))
        self.lang_box.setAccessibleName(self.tr("Language of the label"))
        self.source = QComboBox()
        self.source.addItem(self.tr("— please choose —"), "")
        for code, (de, en, _ai) in SOURCE_TYPES.items():
            self.source.addItem(de if self.ui_language == "de" else en, code)
            tip = self.tr("IPTC digital source type: {0}").format(code)
            self.source.setItemData(self.source.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.source.setAccessibleName(self.tr("Source type"))
        self.fields: dict[str, QLineEdit] = {name: QLineEdit() for name in PROV_FIELDS}
        self.fields["ai_system"].setPlaceholderText("Midjourney, DALL·E, Stable Diffusion …")
        self.fields["ai_system"].setAccessibleName(self.tr("AI system"))
        self.fields["ai_version"].setAccessibleName(self.tr("Version of the AI system"))
        self.fields["creator"].setAccessibleName(self.tr("Creator"))
        self.prompt = QPlainTextEdit()
        self.prompt.setTabChangesFocus(True)
        self.prompt.setFixedHeight(72)
        self.prompt.setAccessibleName(self.tr("Prompt"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. label missing in the printed brochure"))
        self.reason.setAccessibleName(self.tr("Reason for the correction"))
        self.reason.setToolTip(self.tr("Recorded in the register; required when a file is already labelled"))
        self.out_edit = QLineEdit()
        self.out_edit.setAccessibleName(self.tr("Output folder"))
        self.out_label = QLabel(self.tr("O&utput folder"))
        self.out_label.setBuddy(self.out_edit)
        self.out_button = QPushButton(self.tr("C&hoose …"))
        self.out_button.setAccessibleName(self.tr("Choose the output folder"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._heading(self.tr("Label")))
        form.addRow(self.tr("Pre&set"), self.preset_box)
        form.addRow(self.tr("Positio&n"), self.position_box)
        form.addRow(self.tr("&Language"), self.lang_box)
        form.addRow(self._heading(self.tr("Provenance")))
        form.addRow(self.tr("Source t&ype"), self.source)
        form.addRow(self.tr("&AI system"), self.fields["ai_system"])
        form.addRow(self.tr("&Version"), self.fields["ai_version"])
        form.addRow(self.tr("Prom&pt"), self.prompt)
        form.addRow(self.tr("Cr&eator"), self.fields["creator"])
        form.addRow(self._heading(self.tr("Correction")))
        form.addRow(self.tr("Reas&on"), self.reason)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(self.out_button)
        form.addRow(self.out_label, out_row)
        self.form_pane = QWidget()
        outer = QVBoxLayout(self.form_pane)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        outer.addStretch(1)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: 600; padding-top: 6px;")
        return label

    def _build_bottom(self) -> None:
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("What happened to each file"))
        self.results.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress of the relabel run"))
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.run_button = QPushButton(self.tr("&Relabel"))
        self.run_button.setAccessibleName(self.tr("Relabel the files"))
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the relabel run"))
        self.cancel_button.setToolTip(self.tr("No new file starts; the current one finishes (Esc)"))
        self.cancel_button.setVisible(False)
        self.close_button = QPushButton(self.tr("Close &window"))
        self.close_button.setAccessibleName(self.tr("Close the window"))
        self.close_button.setAutoDefault(False)
        self.bottom = QHBoxLayout()
        self.bottom.addWidget(self.status, 1)
        self.bottom.addWidget(self.progress, 1)
        self.bottom.addWidget(self.cancel_button)
        self.bottom.addWidget(self.run_button)
        self.bottom.addWidget(self.close_button)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_files_dialog)
        self.remove_button.clicked.connect(self.remove_selected)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.file_list, self.remove_selected)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)  # Delete in a text field edits the text
        self.file_list.itemSelectionChanged.connect(self._selection_changed)
        self.page_spin.valueChanged.connect(self._page_changed)
        self.all_pictures.clicked.connect(self.tick_all_pictures)
        self.image_list.itemChanged.connect(self._image_ticked)
        self.image_list.currentItemChanged.connect(self._image_current)
        for box in (self.preset_box, self.position_box, self.lang_box):
            box.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.preset_box.currentIndexChanged.connect(self._preset_changed)
        self._preset_changed()
        self.source.currentIndexChanged.connect(lambda i: self._edit("source_type", self.source.itemData(i)))
        for name, edit in self.fields.items():
            edit.textEdited.connect(lambda text, n=name: self._edit(n, text))
        self.prompt.textChanged.connect(lambda: self._edit("prompt", self.prompt.toPlainText()))
        self.reason.textChanged.connect(lambda _t: self._update_state())
        self.out_edit.textChanged.connect(lambda _t: self._update_state())
        self.out_button.clicked.connect(self.choose_out_dir)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)

    # words -----------------------------------------------------------------------------------------
    def anchor_name(self, anchor: str) -> str:
        """The nine positions in the window's language (the label panel's words)."""
        names = {
            "top-left": self.tr("Top left"),
            "top-center": self.tr("Top centre"),
            "top-right": self.tr("Top right"),
            "middle-left": self.tr("Middle left"),
            "center": self.tr("Centre"),
            "middle-right": self.tr("Middle right"),
            "bottom-left": self.tr("Bottom left"),
            "bottom-center": self.tr("Bottom centre"),
            "bottom-right": self.tr("Bottom right"),
        }
        return names.get(anchor, anchor)

    def picture_reason(self, item) -> str:
        """Why the core counts a placed image as a picture or not (pdf.images.classify), in words."""
        from kilabel.pdf import images as pdf_images

        vis = item.visible
        short_mm = min(vis[2] - vis[0], vis[3] - vis[1]) * 25.4 / 72 if vis else 0.0
        short_px = min(item.width_px, item.height_px)
        if vis is None:
            return self.tr("Not a picture: not visible (clipped or fully transparent)")
        if item.stencil:
            return self.tr("Not a picture: a 1-bit image mask (logo, shape)")
        if item.inline:
            return self.tr("Not a picture: an inline image (icon, speck)")
        if item.bits == 1:
            return self.tr("Not a picture: a 1-bit image (line art, logo)")
        if short_px < pdf_images.MIN_PICTURE_PX:
            return self.tr("Not a picture: only {0} px on its short side").format(short_px)
        if short_mm < pdf_images.MIN_PICTURE_MM:
            return self.tr("Not a picture: {0} mm visible on its short side").format(round(short_mm))
        return self.tr("A picture: {0} mm on its short side").format(round(short_mm))

    def labelled_words(self, entry: FileEntry) -> str:
        kind, detail = entry.labelled
        if kind == "label":
            return self.tr("already carries a kilabel label")
        if kind == "c2pa":
            return self.tr("its C2PA manifest records a label")
        if kind == "register":
            return self.tr("already in the register (entry {0})").format(detail)
        return ""

    # files -----------------------------------------------------------------------------------------
    def add_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Images and PDFs to relabel"),
            "",
            self.tr("Images and PDFs ({0});;All files (*)").format(
                " ".join(f"*{e}" for e in sorted(IMAGE_EXTS | {".pdf"}))
            ),
        )
        if files:
            self.add_paths(files)

    def add_paths(self, paths: list[str]) -> list[FileEntry]:
        """Add files (and the images and PDFs in folders); each is read in the background."""
        known = {e.path for e in self.entries}
        added = []
        for p in expand([str(x) for x in paths]):
            p = p.resolve()
            if p in known:
                continue
            entry = FileEntry(p, kind_of(p))
            self.entries.append(entry)
            added.append(entry)
            known.add(p)
            self.file_list.addItem(QListWidgetItem())
            self._refresh_row(len(self.entries) - 1)
            workers.run_task(lambda p=p: read_file(p, self.settings), self._read_done(entry), owner=self)
        if added and not self.file_list.selectedItems():
            self.file_list.setCurrentRow(self.entries.index(added[0]))
        self._update_state()
        return added

    def _read_done(self, entry: FileEntry):
        def done(result: FileEntry | None, error) -> None:
            if entry not in self.entries:
                return
            if error is not None:
                entry.loading, entry.state, entry.error = False, "failed", _plain(error, entry.path)
            else:
                for f in dataclasses.fields(FileEntry):
                    if f.name not in ("path", "kind"):
                        setattr(entry, f.name, getattr(result, f.name))
                entry.icons = {k: to_qimage(v) for k, v in entry.thumbs.items()}
                if entry.first_page is not None:
                    self._backgrounds[(str(entry.path), 1)] = entry.first_page
            row = self.entries.index(entry)
            self._refresh_row(row)
            if row in self._selected_rows() or self.file_list.currentRow() == row:
                self._selection_changed()
            self._update_state()
            self.file_read.emit(str(entry.path))

        return done

    def remove_selected(self) -> None:
        if self.busy:
            return
        for row in sorted(self._selected_rows(), reverse=True):
            self.file_list.takeItem(row)
            del self.entries[row]
        self._selection_changed()
        self._update_state()

    def _selected_rows(self) -> list[int]:
        return sorted(self.file_list.row(i) for i in self.file_list.selectedItems())

    def selected_entries(self) -> list[FileEntry]:
        return [self.entries[r] for r in self._selected_rows() if r < len(self.entries)]

    def current_entry(self) -> FileEntry | None:
        row = self.file_list.currentRow()
        if 0 <= row < len(self.entries):
            return self.entries[row]
        sel = self.selected_entries()
        return sel[0] if sel else None

    def _refresh_row(self, row: int) -> None:
        entry, item = self.entries[row], self.file_list.item(row)
        item.setText(f"{entry.path.name}\n{self.row_state(entry)}")
        item.setToolTip(entry.error or str(entry.path))
        if entry.base is not None and item.icon().isNull():
            small = entry.base.copy()
            small.thumbnail((80, 80))
            item.setIcon(QIcon(QPixmap.fromImage(to_qimage(small))))

    def row_state(self, entry: FileEntry) -> str:
        """The row's second line: loading, what is missing, or what happened."""
        if entry.state == "loading":
            return self.tr("reading …")
        if entry.state == "failed" and entry.result is None:
            return self.tr("cannot be read")
        if entry.result is not None:
            return self.tr("relabelled") if entry.result.ok else self.tr("failed")
        if entry.state == "skipped":
            return self.tr("not relabelled (cancelled)")
        missing = self.file_problem(entry)
        return missing or self.tr("ready")

    def file_problem(self, entry: FileEntry) -> str:
        """What keeps one file from being relabelled, in words ('' if nothing)."""
        if entry.loading:
            return self.tr("reading …")
        if entry.error:
            return self.tr("cannot be read")
        if not entry.provenance.source_type:
            return self.tr("source type missing")
        if entry.kind == "pdf" and not entry.checked:
            return self.tr("no image ticked")
        if entry.labelled[0] and not self.reason.text().strip():
            return self.tr("reason missing: {0}").format(self.labelled_words(entry))
        return ""

    # provenance of the selection ---------------------------------------------------------------------
    def _selection_changed(self) -> None:
        sel = [e for e in self.selected_entries() if not e.loading and not e.error]
        self._showing = True
        try:
            differs = self.tr("(differs)")
            for w in (self.source, self.prompt, *self.fields.values()):
                w.setEnabled(bool(sel) and not self.busy)
            st = _common(sel, "source_type")
            self.source.setPlaceholderText(differs if st is None else "")
            self.source.setCurrentIndex(-1 if st is None else max(0, self.source.findData(st)))
            for name, edit in self.fields.items():
                value = _common(sel, name)
                edit.setText(value or "")
                edit.setCursorPosition(0)
                if name != "ai_system" or value is None:
                    edit.setPlaceholderText(differs if value is None else "")
            value = _common(sel, "prompt")
            self.prompt.setPlainText(value or "")
            self.prompt.setPlaceholderText(differs if value is None else "")
        finally:
            self._showing = False
        self._show_pdf_parts(self.current_entry())
        self.refresh_preview()

    def _edit(self, name: str, value: str) -> None:
        if self._showing:
            return
        for e in self.selected_entries():
            if not e.loading and not e.error:
                setattr(e.provenance, name, value or "")
                if e.result is not None:
                    e.result, e.state = None, "ready"
        for row in self._selected_rows():
            self._refresh_row(row)
        self._update_state()
        if name in ("source_type", "ai_system", "ai_version", "creator"):
            self.refresh_preview()  # the wording may use {ai_system} …

    # PDF pages and placed images -------------------------------------------------------------------
    def _show_pdf_parts(self, entry: FileEntry | None) -> None:
        is_pdf = entry is not None and entry.kind == "pdf" and not entry.loading and not entry.error
        for w in (self.page_bar, self.images_label, self.image_list):
            w.setVisible(is_pdf)
        if not is_pdf:
            return
        self._showing = True
        try:
            self.page_spin.setMaximum(max(1, len(entry.pages)))
            self.page_spin.setValue(entry.page)
            self.page_count.setText(self.tr("of {0}").format(len(entry.pages)))
            self.image_list.clear()
            for it in entry.items:
                self.image_list.addItem(self._image_item(entry, it))
        finally:
            self._showing = False

    def _image_item(self, entry: FileEntry, it) -> QListWidgetItem:
        text = self.tr("Image {0} · page {1} · {2} × {3} px").format(
            it.index, it.page, it.width_px, it.height_px
        )
        if it.provenance.is_ai:
            text += " · " + self.tr("its metadata says AI")
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if it.index in entry.checked else Qt.CheckState.Unchecked)
        item.setData(Qt.ItemDataRole.UserRole, it.index)
        item.setToolTip(self.picture_reason(it))
        thumb = entry.icons.get(it.index)
        if thumb is not None:
            item.setIcon(QIcon(QPixmap.fromImage(thumb)))
        return item

    def _page_changed(self, page: int) -> None:
        entry = self.current_entry()
        if entry is not None and entry.kind == "pdf" and not self._showing:
            entry.page = page
            self.refresh_preview()

    def _image_ticked(self, item: QListWidgetItem) -> None:
        entry = self.current_entry()
        if self._showing or entry is None or entry.kind != "pdf":
            return
        index = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            entry.checked.add(index)
        else:
            entry.checked.discard(index)
        self._refresh_row(self.entries.index(entry))
        self._update_state()
        self.refresh_preview()

    def _image_current(self, item: QListWidgetItem | None, _old=None) -> None:
        """Going to an image in the list shows its page."""
        entry = self.current_entry()
        if item is None or entry is None or entry.kind != "pdf" or self._showing:
            return
        index = item.data(Qt.ItemDataRole.UserRole)
        page = next((i.page for i in entry.items if i.index == index), entry.page)
        if page != entry.page:
            self.page_spin.setValue(page)

    def tick_all_pictures(self) -> None:
        entry = self.current_entry()
        if entry is None or entry.kind != "pdf":
            return
        entry.checked |= {i.index for i in entry.items if i.picture}
        self._show_pdf_parts(entry)
        self._refresh_row(self.entries.index(entry))
        self._update_state()
        self.refresh_preview()

    def set_ticked(self, indices: list[int]) -> None:
        """Tick exactly these placed images of the current PDF (as clicking their boxes does)."""
        for row in range(self.image_list.count()):
            item = self.image_list.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in indices
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    # preview ---------------------------------------------------------------------------------------
    def chosen_preset(self) -> LabelPreset:
        preset = self.presets[self.preset_box.currentData()]
        return preset.with_placement(position=self.position_box.currentData(), offset_x=0.0, offset_y=0.0)

    def _preset_changed(self, *_args) -> None:
        """A new preset brings its own position."""
        pos = self.presets[self.preset_box.currentData()].placement.position
        self.position_box.setCurrentIndex(max(0, self.position_box.findData(pos)))

    def refresh_preview(self) -> None:
        """Draw the current file with its label in the background (the newest request wins)."""
        entry = self.current_entry()
        self._generation += 1
        gen = self._generation
        if entry is None:
            self._show_preview(None, self.tr("Add images or PDFs to see them here with their label."))
            return
        if entry.loading or entry.error:
            self._show_preview(None, entry.error or self.tr("Reading {0} …").format(entry.path.name))
            return
        preset, lang = self.chosen_preset(), self.lang_box.currentData()
        text = preset.wording(lang, entry.provenance.as_fields())
        key = (str(entry.path), entry.page)
        cached = self._backgrounds.get(key)
        snapshot = dataclasses.replace(entry, checked=set(entry.checked))

        def job():
            if snapshot.kind == "image":
                return render_image(snapshot, preset, text), None, -1
            bg, ppt = cached or page_background(snapshot.page, snapshot)
            img = bg.copy()
            drawn = draw_pdf_labels(img, ppt, snapshot, snapshot.page, preset, text)
            return img, (bg, ppt), drawn

        def done(result, error) -> None:
            if gen != self._generation:
                return
            if error is not None:
                self._show_preview(
                    None, self.tr("Cannot draw the preview: {0}").format(_plain(error, entry.path))
                )
                return
            img, bg, drawn = result
            if bg is not None:
                self._backgrounds[key] = bg
            self._show_preview(img, self._preview_words(snapshot, drawn))
            self.preview_shown.emit()

        workers.run_task(job, done, owner=self)

    def _preview_words(self, entry: FileEntry, drawn: int) -> str:
        if entry.kind == "image":
            return self.tr("{0} × {1} px; the label as it will be drawn").format(*entry.full)
        note = self.tr("Labels on this page: {0} · images ticked in the PDF: {1}").format(
            drawn, len(entry.checked)
        )
        if not shutil.which("pdftoppm"):
            note += " · " + self.tr("simplified page (poppler's pdftoppm is not installed)")
        return note

    def _show_preview(self, img: Image.Image | None, note: str) -> None:
        self._pixmap = QPixmap.fromImage(to_qimage(img)) if img is not None else None
        self.preview.setText("" if img is not None else note)
        self.preview_note.setText(note if img is not None else "")
        self._fit_preview()

    def _fit_preview(self) -> None:
        pix = getattr(self, "_pixmap", None)
        if pix is None:
            self.preview.setPixmap(QPixmap())
            return
        size = self.preview.size()
        self.preview.setPixmap(
            pix.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_preview()

    # output folder, checks -------------------------------------------------------------------------
    def choose_out_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output folder"), self.out_edit.text())
        if folder:
            self.out_edit.setText(folder)
            self.out_edit.setCursorPosition(0)  # the start of a long path shows, not its end

    def to_relabel(self) -> list[FileEntry]:
        """The files a run takes: read without error and not relabelled yet (an unreadable file
        keeps its row, saying why, and does not hold up the others)."""
        return [e for e in self.entries if not e.error and not (e.result is not None and e.result.ok)]

    def problem(self) -> str:
        """Why Relabel cannot start now, in words ('' when it can)."""
        if not self.entries:
            return self.tr("Add images or PDFs.")
        todo = self.to_relabel()
        if not todo:
            return self.tr("Nothing left to relabel.")
        out = self.out_edit.text().strip()
        if not out:
            return self.tr("Choose the output folder.")
        for e in todo:
            if Path(out).resolve() == e.path.parent:
                return self.tr("The output folder is the folder of {0}; choose another one.").format(
                    e.path.name
                )
        for e in todo:
            missing = self.file_problem(e)
            if missing:
                return f"{e.path.name}: {missing}"
        return ""

    @property
    def busy(self) -> bool:
        return self.thread is not None

    def _update_state(self) -> None:
        n = len(self.entries)
        self.files_title.setText(self.tr("&Files ({0})").format(n))
        self.drop_hint.setVisible(n == 0)
        for row in range(n):
            self._refresh_row(row)
        if self.busy:
            return
        why = self.problem()
        self.run_button.setEnabled(not why)
        self.run_button.setToolTip(why)
        if not self.results.isVisible() or why:
            self.status.setText(why)

    # relabelling -----------------------------------------------------------------------------------
    def tasks_for(self, entries: list[FileEntry]) -> list:
        from kilabel.pipeline import verify
        from kilabel.relabel.image import RelabelTask
        from kilabel.relabel.pdf import PdfRelabelTask

        preset, lang, out = self.chosen_preset(), self.lang_box.currentData(), self.out_edit.text().strip()
        reason, anchors = self.reason.text().strip(), verify.trust_anchors(self.settings)
        tasks = []
        for e in entries:
            prov = dataclasses.replace(e.provenance, register_id="")
            if e.kind == "pdf":
                indices = ",".join(str(i) for i in sorted(e.checked))
                tasks.append(
                    PdfRelabelTask(
                        str(e.path), out, preset, prov, lang, reason, anchors=anchors, indices=indices
                    )
                )
            else:
                limit = self.settings.max_megapixels
                tasks.append(
                    RelabelTask(
                        str(e.path), out, preset, prov, lang, reason, max_megapixels=limit, anchors=anchors
                    )
                )
        return tasks

    def start(self) -> None:
        if self.busy or self.problem():
            return
        self.run_entries = self.to_relabel()
        self.results.clear()
        self.results.setVisible(True)
        self.thread = RelabelThread(
            self.tasks_for(self.run_entries),
            self.settings,
            self.identity_factory,
            self.preset_box.currentData(),
            self.reason.text().strip(),
            self,
        )
        self.thread.file_started.connect(self._file_started)
        self.thread.file_done.connect(self._file_done)
        self.thread.run_finished.connect(self._run_finished)
        self.progress.setRange(0, len(self.run_entries))
        self.progress.setValue(0)
        self._set_running(True)
        self.thread.start()

    def cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel()
            self.status.setText(self.tr("Cancelling: the current file is finished first …"))

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.run_button.setEnabled(not running)
        for w in (self.form_pane, self.add_button, self.remove_button, self.image_list, self.all_pictures):
            w.setEnabled(not running)

    def _file_started(self, n: int, name: str) -> None:
        self.status.setText(self.tr("{0} of {1} · {2}").format(n + 1, len(self.run_entries), name))

    def _file_done(self, n: int, res, notes) -> None:
        entry = self.run_entries[n]
        entry.result, entry.state = res, ("done" if res.ok else "failed")
        self.progress.setValue(n + 1)
        line = QListWidgetItem(self.result_line(entry, res))
        line.setToolTip("\n".join([*res.warnings, *notes]))
        self.results.addItem(line)
        self._fit_results()
        if entry in self.entries:
            self._refresh_row(self.entries.index(entry))

    def _fit_results(self) -> None:
        """As tall as its lines, up to six (then it scrolls)."""
        rows = min(6, max(1, self.results.count()))
        line = self.results.sizeHintForRow(0) if self.results.count() else self.fontMetrics().height()
        self.results.setFixedHeight(rows * line + 2 * self.results.frameWidth() + 4)

    def result_line(self, entry: FileEntry, res) -> str:
        """One line per file: where the copy went and what was done, or why not."""
        name = entry.path.name
        if not res.ok:
            return self.tr("{0}: failed: {1}").format(name, _plain(res.error, entry.path))
        signed = (
            self.tr("signed (C2PA)")
            if res.c2pa_state in ("valid", "trusted")
            else self.tr("not signed (C2PA)")
        )
        what = (
            self.tr("{0} of {1} placed images labelled").format(len(entry.checked), len(entry.items))
            if entry.kind == "pdf"
            else self.tr("labelled")
        )
        return self.tr("{0} → {1}: {2}, {3}, recorded in the register").format(name, res.output, what, signed)

    def _run_finished(self, cancelled: bool, error) -> None:
        self.thread.wait()
        self.thread = None
        results = [e.result for e in self.run_entries if e.result is not None]
        for e in self.run_entries:
            if e.result is None:
                e.state = "skipped"
                self.results.addItem(self.tr("{0}: not relabelled (cancelled)").format(e.path.name))
        self._fit_results()
        self._set_running(False)
        self._update_state()
        failed = sum(1 for r in results if not r.ok)
        words = self.tr("{0} of {1} files relabelled").format(len(results) - failed, len(self.run_entries))
        if failed:
            words += " · " + self.tr("{0} failed").format(failed)
        if cancelled:
            words += " · " + self.tr("cancelled")
        if error is not None:
            words = self.tr("The relabel run stopped: {0}").format(_plain(error, None))
        self.status.setText(words)
        self._selection_changed()
        self.relabel_finished.emit(results, cancelled)

    # keys, drops, closing --------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc cancels a run; without one it closes the window."""
        if self.busy:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.thread is not None:
            self.thread.cancel()
            self.thread.wait()
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and not self.busy:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files and not self.busy:
            self.add_paths(files)
            event.acceptProposedAction()


def _common(entries: list[FileEntry], name: str) -> str | None:
    """The value all entries share ('' for none), or None when they differ."""
    values = {getattr(e.provenance, name) for e in entries}
    if not values:
        return ""
    return values.pop() if len(values) == 1 else None


def _plain(error, path: Path | None) -> str:
    """The core's message in the window's language where it carries a code (gui.messages), else its
    English text; without the file's name, which the row or line already shows; one line."""
    from kilabel.gui.messages import shown
    from kilabel.messages import text_of

    text = shown(text_of(error) if isinstance(error, BaseException) else (error or ""))
    if path is not None:
        for prefix in (f"{path}: ", f"{path.name}: "):
            text = text.removeprefix(prefix)
        text = text.replace(f"{path}: ", "")
    return text.splitlines()[0] if text else text
