#!/usr/bin/env bash
# dist/kilabel/ -> dist/kilabel-VERSION-linux-ARCH.tar.gz: the bundle plus the .desktop file and a
# script that adds a menu entry. Unpack anywhere and run kilabel/kilabel-gui (no install, no root).
#   bash build/linux/make-tarball.sh [VERSION] [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=${1:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/kilabel/__init__.py)}
OUT=${2:-dist}
[ -x dist/kilabel/kilabel-gui ] || { echo "make-tarball: build dist/kilabel first (bash build/build.sh)" >&2; exit 1; }
cp build/linux/kilabel.desktop dist/kilabel/kilabel.desktop
install -m 755 build/linux/install-desktop-entry.sh dist/kilabel/install-desktop-entry.sh
mkdir -p "$OUT"
tarball="$OUT/kilabel-$VERSION-linux-$(uname -m).tar.gz"
tar -C dist --owner=0 --group=0 -czf "$tarball" kilabel
echo "make-tarball: $tarball ($(du -h "$tarball" | cut -f1))"
