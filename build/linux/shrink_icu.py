"""Make a smaller ICU data library for the Linux bundle (about 4 MB instead of 31 MB).

Qt Core links ICU, and PySide6's wheel ships the full ICU data (libicudata.so.NN, every locale,
every legacy converter, the Thai/CJK break dictionaries and transliterators). The window and its
dialogs speak German and English and use ICU for collation, time zones and Unicode properties,
so this keeps the root data plus de*/en* locales and drops the rest:

  - locale data of all other languages (main, coll, curr, lang, region, unit, zone, rbnf, brkitr);
  - legacy code-page converters (*.cnv; UTF-8/16/32, Latin-1 and ASCII are built into ICU);
  - break-iteration dictionaries (Thai, Lao, Khmer, Burmese, CJK), transliteration rules and
    character names.

    python build/linux/shrink_icu.py SRC/libicudata.so.NN OUT/libicudata.so.NN

Needs binutils (objcopy), gcc and icupkg (Debian `icu-devtools`). The output is a shared
library with the same soname exporting the same icudtNN_dat symbol; ICU reads the data in it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LOCALE = re.compile(r"^(?:[a-z]{2,3}|[a-z]{2,3}_[A-Za-z0-9_]*)\.res$")
KEEP_LOCALES = ("de", "en")
KEEP_ALWAYS = {"root.res", "pool.res", "res_index.res"}
DROP_DIRS = ("translit/",)
DROP_FILES = {"unames.icu"}


def drop(item: str) -> bool:
    base = item.rsplit("/", 1)[-1]
    if item.endswith((".cnv", ".dict")) or item.startswith(DROP_DIRS) or base in DROP_FILES:
        return True
    if LOCALE.match(base) and base not in KEEP_ALWAYS:
        return not any(base == f"{lc}.res" or base.startswith(lc + "_") for lc in KEEP_LOCALES)
    return False


def shrink(src: Path, out: Path) -> None:
    for tool in ("objcopy", "gcc", "icupkg", "nm", "readelf"):
        if not shutil.which(tool):
            sys.exit(f"shrink_icu: {tool} is missing (Debian: binutils, gcc, icu-devtools)")
    symbols = subprocess.run(
        ["nm", "-D", "--defined-only", str(src)], capture_output=True, text=True, check=True
    ).stdout
    m = re.search(r"\b(icudt\d+_dat)\b", symbols)
    if not m:
        sys.exit(f"shrink_icu: {src} has no icudtNN_dat symbol")
    symbol = m.group(1)
    soname = re.search(
        r"Library soname: \[([^\]]+)\]",
        subprocess.run(["readelf", "-d", str(src)], capture_output=True, text=True).stdout,
    ).group(1)
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        name = symbol.replace("_dat", "l.dat")  # icupkg takes the item prefix (icudt73l) from the file name
        (t / "small").mkdir()
        full = t / name
        subprocess.run(["objcopy", "-O", "binary", "--only-section=.rodata", str(src), str(full)], check=True)
        items = subprocess.run(
            ["icupkg", "-l", str(full)], capture_output=True, text=True, check=True
        ).stdout.split()
        removed = [i for i in items if drop(i)]
        (t / "remove.txt").write_text("\n".join(removed) + "\n")
        small = t / "small" / name
        # --ignore-deps: root break rules name the dictionaries; without them ICU falls back to
        # rule-based breaking for Thai/CJK text, which this program does not lay out.
        subprocess.run(
            ["icupkg", "--ignore-deps", "-r", str(t / "remove.txt"), str(full), str(small)],
            check=True,
            capture_output=True,
        )
        asm = t / "data.S"
        asm.write_text(
            f".section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n{symbol}:\n"
            f'.incbin "{small}"\n.size {symbol}, . - {symbol}\n.section .note.GNU-stack,"",@progbits\n'
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "gcc",
                "-shared",
                "-nostdlib",
                "-o",
                str(out),
                str(asm),
                f"-Wl,-soname,{soname}",
                "-Wl,--strip-all",
            ],
            check=True,
        )
        print(
            f"shrink_icu: {len(removed)} of {len(items)} items dropped; "
            f"{src.stat().st_size / 2**20:.1f} MB -> {out.stat().st_size / 2**20:.1f} MB"
        )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    shrink(Path(sys.argv[1]), Path(sys.argv[2]))
