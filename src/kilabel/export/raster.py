"""The raster writer (JPEG, PNG, TIFF, WebP): fit and convert, draw the label into the pixels,
preflight, encode with XMP and EXIF, sign C2PA, commit."""

from __future__ import annotations

import functools
import os
import threading

from kilabel.export.task import Plan
from kilabel.pipeline import fingerprint, label_render, preflight
from kilabel.pipeline.encode import encode
from kilabel.pipeline.image_load import MIME
from kilabel.profiles import prepare


def write(plan: Plan) -> None:
    task, profile, result, loaded = plan.task, plan.task.profile, plan.result, plan.loaded
    # prepare() gets the only reference to the input's pixels: the input goes as soon as the fitted
    # or converted image exists (150 MP: RGB and CMYK are 570 MiB each, never kept both while drawing)
    prepared = prepare(_take_pixels(loaded), loaded.icc, loaded.dpi, profile)
    result.warnings.extend(prepared.notes)
    result.effective_dpi = prepared.effective_dpi
    img = prepared.image  # may be loaded.image itself: this process owns it, drawing in place saves a copy
    geom, text_rgb, under = label_render.apply(
        img,
        task.preset,
        plan.text,
        px_per_mm=prepared.px_per_mm,
        trim=prepared.trim,
        safety_mm=profile.safety_mm,
        viewing_distance_m=profile.viewing_distance_m,
        image_box=prepared.image_box,
    )
    # The fingerprint of what gets published is computed in a thread while the image is encoded
    # (both only read the pixels; Pillow lets go of the GIL in its reduction and its encoder): on a
    # core the batch leaves free (--jobs 1, the last files of a batch, one file from the window)
    # it costs no time, 22 ms of a 24 MP file's 180 ms otherwise. Signing needs it: joined before.
    fingerprinting = _Background(fingerprint.compute_regions, img)
    result.warnings.extend(
        preflight.label_warnings(geom, task.preset, profile, prepared.px_per_mm, prepared.trim)
    )
    result.contrast, low = preflight.contrast_warnings(text_rgb, under)
    result.warnings.extend(low)
    if task.strict and result.warnings:
        fingerprinting.result()  # not left running behind the refusal
    plan.refuse_if_strict()

    tmp_enc, tmp_signed = plan.temp_paths()
    encode_to_temp = functools.partial(
        encode,
        img,
        tmp_enc,
        plan.fmt,
        prov=plan.prov,
        label=plan.label_record(),
        description=plan.description(),
        icc=prepared.icc,
        dpi=prepared.dpi,
        quality=profile.quality,
        compression=loaded.compression
        if profile.format == "same" and loaded.compression
        else profile.compression,
        original_exif=loaded.exif,
        original_exif_raw=loaded.exif_raw,
        write_xmp=profile.write_xmp,
        write_exif=profile.write_exif,
    )
    plan.loaded = loaded = prepared = img = None  # encode_to_temp holds the pixels from here on
    # PNG: IFD0 beyond the C2PA manifest's length (see metadata.png_exif_bytes); estimate, check after.
    png_offset = 8 + 8192 + 2 * len(plan.prov.prompt.encode())
    try:
        encode_to_temp(png_ifd0_offset=png_offset)
    finally:
        result.fingerprint = fingerprint.as_text(fingerprinting.result())
    if plan.fmt != "png":  # free the pixels before signing (PNG keeps them for a possible re-encode)
        encode_to_temp = None
    if profile.write_c2pa:
        manifest = plan.sign(tmp_enc, tmp_signed, MIME[plan.fmt])
        if plan.fmt == "png" and profile.write_exif and len(manifest) + 64 > png_offset:
            png_offset = 2 * len(manifest) + 64  # rare: a large parent manifest; encode and sign again
            encode_to_temp(png_ifd0_offset=png_offset)
            manifest = plan.sign(tmp_enc, tmp_signed, MIME[plan.fmt])
    else:
        os.replace(tmp_enc, tmp_signed)
        manifest = b""
    encode_to_temp = None
    plan.commit(tmp_signed, manifest)


class _Background:
    """fn(*args) in a thread; result() waits for it and returns its value or raises its error.
    A thread of its own that ends with the file, not a kept executor thread: the next file checks
    that the process has a single thread before it takes over stderr (one._stderr_is_ours), and so
    does the command line before it forks a worker (engine.WorkerPool._context)."""

    def __init__(self, fn, *args) -> None:
        self._value, self._error = None, None

        def run() -> None:
            try:
                self._value = fn(*args)
            except BaseException as exc:  # handed to result(), in the exporting thread
                self._error = exc

        self._thread = threading.Thread(target=run, name="kilabel-fingerprint", daemon=True)
        self._thread.start()

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _take_pixels(loaded):
    """The input's image, handed over: `loaded` no longer holds it (passed straight into a call,
    the callee's frame then holds the only reference)."""
    image, loaded.image = loaded.image, None
    return image
