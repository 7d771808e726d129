"""What every writer of an output shares: one error line per file, temporary files removed
whatever happens, and the commit (atomic rename, optional C2PA sidecar, hashes for the register).

Used by image export, print PDF export, image relabel and PDF relabel alike.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kilabel import tempfiles
from kilabel.errors import KilabelError
from kilabel.messages import msg, text_of, with_file

# Not failures of a sidecar pair: the signer is not on a trust list, an online check was skipped.
UNTRUSTED_ONLY = {"signingCredential.untrusted", "signingCredential.ocsp.skipped", "timeStamp.untrusted"}


def sha256_file(path: Path) -> str:
    with open(path, "rb") as f:  # file_digest reads into one reused buffer: 3.3 -> 2.4 ms for 3.6 MB
        return hashlib.file_digest(f, "sha256").hexdigest()


# Pillow's words for data it cannot decode (an OSError without errno): the input is damaged.
_DECODER_WORDS = (
    "decoder error",
    "decoding error",
    "image file is truncated",
    "truncated file read",
    "broken data stream",
    "when reading image file",
)
# Below this much free space, a failed write is the full disk's doing (the SDK's "JPEG write error"
# says nothing of it: c2pa's stream callbacks swallow the OSError).
_NEARLY_FULL = 1 << 20


def _free_bytes(out_dir: str) -> int | None:
    try:
        return shutil.disk_usage(out_dir).free
    except OSError:  # the folder is not there (yet)
        return None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def failure_line(exc: Exception, src: Path, out_dir: str, verb: str = "export") -> str:
    """One line naming the file and the real cause, in words a designer understands."""
    text = str(exc)
    low = text.lower()
    code = exc.errno if isinstance(exc, OSError) else None
    if isinstance(exc, OSError) and exc.filename and Path(exc.filename) == Path(src):
        return msg("cannot-read", file=src, reason=exc.strerror or text)
    if (
        isinstance(exc, OSError)
        and code is None
        and any(w in low for w in _DECODER_WORDS)
        and "writ" not in low
    ):
        return msg("damaged", file=src)
    free = _free_bytes(out_dir)
    # An encoder's failure (libtiff's "encoder error -2") carries no errno, and Pillow has removed
    # the half-written file by now: less room than the input takes says the output could not fit.
    encoder = code is None and "encoder error" in low
    sdk = type(exc).__module__.split(".")[0] == "c2pa"
    full = free is not None and free < max(_NEARLY_FULL, _size(src) if encoder else 0)
    writing = isinstance(exc, OSError) and code not in (errno.EACCES, errno.EPERM, errno.EROFS)
    if code == errno.ENOSPC or ((writing or sdk) and full):
        return msg("disk-full", file=src, folder=out_dir, reason=os.strerror(errno.ENOSPC))
    if code == getattr(errno, "EDQUOT", None):
        return msg("quota", file=src, folder=out_dir)
    if "surrogate" in low or isinstance(exc, UnicodeError):
        if _has_surrogates(str(src)):
            return msg("name-not-utf8", file=src, verb=verb)
        return msg("text-not-utf8", file=src)
    if isinstance(exc, OSError):  # no permission, a read-only disk, the folder gone
        where = exc.filename or out_dir
        if tempfiles.TEMP_RE.match(Path(where).name):  # kilabel's own temporary name means nothing to anyone
            where = str(Path(where).parent)
        if encoder:
            if free is not None:
                return msg("write-failed-room", file=src, folder=where, mb=free / 1e6)
            return msg("write-failed", file=src, folder=where)
        return msg("cannot-write", file=src, folder=where, reason=exc.strerror or text)
    if sdk:
        detail = text.split(": ", 1)[1] if text.startswith("Other: ") else text
        return msg("not-signed", file=src, reason=detail)
    return f"{src}: {type(exc).__name__}: {exc}"


@contextmanager
def per_file(result, src: Path, out_dir: str, verb: str = "export") -> Iterator[list[Path]]:
    """Run one file's work: any failure becomes `result.error` (one line naming the file and the
    real cause, see failure_line), and every temporary path appended to the yielded list is
    removed at the end (after the error is worded: a full disk is still full then)."""
    temps: list[Path] = []
    try:
        yield temps
    except KilabelError as exc:
        result.error = with_file(text_of(exc), src)
    except MemoryError:
        result.error = msg("no-memory", file=src, verb=verb)
    except Exception as exc:  # one bad file must not stop the batch
        result.error = failure_line(exc, src, out_dir, verb)
    finally:
        for p in temps:
            tempfiles.discard(p)


def commit_output(
    result,
    src: Path,
    tmp_signed: Path,
    final: Path,
    *,
    overwrite: bool,
    sidecar_manifest: bytes | None = None,
) -> Path:
    """Rename the finished file into place (never onto the input), then its sidecar; hash.

    A sidecar (NAME.c2pa next to NAME.ext, named after the file actually committed, also when a
    free name was chosen) is written to its own temporary file before anything gets a final
    name, so a full disk leaves nothing behind; if its rename fails, the file just committed is
    removed again: the two are one pair (the file carries no manifest of its own).
    """
    tmp_side = None
    if sidecar_manifest:
        tmp_side = tempfiles.temp_path(final, "c2pa")
        try:
            tmp_side.write_bytes(sidecar_manifest)
        except BaseException:
            tempfiles.discard(tmp_side)
            raise
    try:
        out = tempfiles.commit(tmp_signed, final, overwrite, protect={src})
    except BaseException:
        if tmp_side is not None:
            tempfiles.discard(tmp_side)
        raise
    if tmp_side is not None:
        try:
            side = tempfiles.commit(tmp_side, out.with_suffix(".c2pa"), True, protect={src})
        except BaseException:
            tempfiles.discard(tmp_side, out)
            raise
        result.sidecar = str(side)
    result.output = str(out)
    result.input_sha256, result.output_sha256 = sha256_file(src), sha256_file(out)
    return out


def check_sidecar(path: Path, mime: str, manifest: bytes, anchors: str = "") -> tuple[str, list[str]]:
    """Validate a file and its sidecar manifest as a pair, with the SDK.

    `c2pa.Reader(mime, stream, manifest_bytes, context)` (the native
    `c2pa_reader_with_manifest_data_and_stream`); remote manifests are never fetched. Returns
    ("trusted" | "valid" | "invalid", reasons).
    """
    import c2pa

    settings: dict = {"verify": {"verify_trust": True, "remote_manifest_fetch": False}}
    if anchors:
        settings["trust"] = {"user_anchors": anchors}
    try:
        with (
            open(path, "rb") as f,
            c2pa.Reader(mime, f, manifest, c2pa.Context.from_dict(settings)) as reader,
        ):
            state = reader.get_validation_state() or ""
            statuses = json.loads(reader.json()).get("validation_status") or []
    except Exception as exc:  # unreadable sidecar bytes, unsupported format
        return "invalid", [f"sidecar manifest cannot be read: {exc}"]
    if state in ("Trusted", "Valid"):
        return state.lower(), []
    reasons = [
        f"{s.get('code')}: {s.get('explanation', '')}"
        for s in statuses
        if s.get("code") not in UNTRUSTED_ONLY
    ]
    return "invalid", reasons or [f"validation state {state or 'unknown'}"]


def sign_and_check(
    signer,
    tmp_enc: Path,
    tmp_signed: Path,
    mime: str,
    prov,
    text: str,
    title: str,
    parent,
    src: Path,
    anchors: str = "",
    *,
    sidecar: bool = False,
    extra_assertions: list[dict] | None = None,
) -> tuple[bytes, str]:
    """Sign (the last byte change), drop the unsigned file, read the result back with the SDK.

    With `sidecar`, nothing is embedded: the check validates the pair (the file as it will be
    published, and the manifest bytes that become NAME.c2pa).
    Returns (manifest store bytes, validation state); raises ExportError if it does not validate.
    """
    from kilabel.errors import ExportError
    from kilabel.pipeline import c2pa_sign

    manifest = c2pa_sign.sign(
        signer,
        tmp_enc,
        tmp_signed,
        mime,
        prov,
        text,
        title,
        parent,
        sidecar=sidecar,
        extra_assertions=extra_assertions,
    )
    tempfiles.discard(tmp_enc)
    if sidecar:
        state, reasons = check_sidecar(tmp_signed, mime, manifest, anchors)
    else:
        check = c2pa_sign.read(tmp_signed, mime, anchors)
        state, reasons = check.state, check.reasons
    if state not in ("valid", "trusted"):
        code = "not-validated-sidecar" if sidecar else "not-validated"
        raise ExportError(msg(code, file=src, reason="; ".join(reasons)))
    return manifest, state
