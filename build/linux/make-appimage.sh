#!/usr/bin/env bash
# dist/kilabel/ -> dist/kilabel-VERSION-ARCH.AppImage (one file; double-click to start the window).
# Needs appimagetool (https://github.com/AppImage/appimagetool/releases; set APPIMAGETOOL, or it is
# downloaded) and FUSE or --appimage-extract-and-run. Used by the release workflow; not run by the tests.
#   bash build/linux/make-appimage.sh [VERSION]
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=${1:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/kilabel/__init__.py)}
ARCH=$(uname -m)
[ -x dist/kilabel/kilabel-gui ] || { echo "make-appimage: build dist/kilabel first (bash build/build.sh)" >&2; exit 1; }
TOOL=${APPIMAGETOOL:-build/work/appimagetool-$ARCH.AppImage}
if [ ! -x "$TOOL" ]; then
  mkdir -p "$(dirname "$TOOL")"
  curl -fsSL -o "$TOOL" "https://github.com/AppImage/appimagetool/releases/download/continuous/appimagetool-$ARCH.AppImage"
  chmod +x "$TOOL"
fi
APPDIR=build/work/kilabel.AppDir
rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/share/applications" "$APPDIR/usr/share/icons/hicolor/256x256/apps"
cp -a dist/kilabel "$APPDIR/usr/lib-kilabel"
cp build/linux/kilabel.desktop "$APPDIR/kilabel.desktop"
cp build/linux/kilabel.desktop "$APPDIR/usr/share/applications/kilabel.desktop"
cp assets/icons/kilabel-256.png "$APPDIR/kilabel.png"
cp assets/icons/kilabel-256.png "$APPDIR/usr/share/icons/hicolor/256x256/apps/kilabel.png"
# AppRun: the window by default; `kilabel.AppImage cli export ...` runs the command line.
cat > "$APPDIR/AppRun" <<'RUN'
#!/bin/sh
here=$(dirname "$(readlink -f "$0")")
if [ "${1:-}" = "cli" ]; then shift; exec "$here/usr/lib-kilabel/kilabel" "$@"; fi
exec "$here/usr/lib-kilabel/kilabel-gui" "$@"
RUN
chmod +x "$APPDIR/AppRun"
ARCH=$ARCH "$TOOL" --appimage-extract-and-run "$APPDIR" "dist/kilabel-$VERSION-$ARCH.AppImage"
echo "make-appimage: dist/kilabel-$VERSION-$ARCH.AppImage"
