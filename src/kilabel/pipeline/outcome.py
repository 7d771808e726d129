"""What every writer of an output shares: one error line per file, temporary files removed
whatever happens, and the commit (atomic rename, optional C2PA sidecar, hashes for the register).

Used by image export, print PDF export, image relabel and PDF relabel alike.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kilabel import tempfiles
from kilabel.errors import KilabelError


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@contextmanager
def per_file(result, src: Path, out_dir: str, verb: str = "export") -> Iterator[list[Path]]:
    """Run one file's work: any failure becomes `result.error` (one line naming the file), and every
    temporary path appended to the yielded list is removed at the end."""
    temps: list[Path] = []
    try:
        yield temps
    except KilabelError as exc:
        result.error = str(exc)
    except MemoryError:
        result.error = f"{src}: not enough memory to {verb} this image"
    except OSError as exc:
        if exc.filename and Path(exc.filename) == Path(src):
            result.error = f"{src}: cannot read: {exc.strerror or exc}"
        else:  # disk full, no permission, folder gone
            result.error = f"{src}: cannot write to {exc.filename or out_dir}: {exc.strerror or exc}"
    except Exception as exc:  # one bad file must not stop the batch
        result.error = f"{src}: {type(exc).__name__}: {exc}"
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
    """Rename the finished file into place (never onto the input), write the sidecar, hash both."""
    out = tempfiles.commit(tmp_signed, final, overwrite, protect={src})
    result.output = str(out)
    if sidecar_manifest:
        side = out.with_suffix(".c2pa")
        tmp_side = tempfiles.temp_path(side)
        tmp_side.write_bytes(sidecar_manifest)
        result.sidecar = str(tempfiles.commit(tmp_side, side, True, protect={src}))
    result.input_sha256, result.output_sha256 = sha256_file(src), sha256_file(out)
    return out


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
) -> tuple[bytes, str]:
    """Sign (the last byte change), drop the unsigned file, read the result back with the SDK.

    Returns (manifest store bytes, validation state); raises ExportError if it does not validate.
    """
    from kilabel.errors import ExportError
    from kilabel.pipeline import c2pa_sign

    manifest = c2pa_sign.sign(signer, tmp_enc, tmp_signed, mime, prov, text, title, parent)
    tempfiles.discard(tmp_enc)
    check = c2pa_sign.read(tmp_signed, mime, anchors)
    if check.state not in ("valid", "trusted"):
        raise ExportError(f"{src}: the signed output does not validate: {'; '.join(check.reasons)}")
    return manifest, check.state
