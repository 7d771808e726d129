#!/usr/bin/env bash
# dist/kilabel.app -> dist/kilabel-VERSION-macos-ARCH.dmg: a compressed disk image with the app and a
# link to /Applications, so that users drag kilabel into Applications. macOS only (hdiutil).
#   bash build/macos/make-dmg.sh [VERSION]
# Signing and notarisation are separate steps (.github/workflows/release.yml): sign the .app before
# this script (PyInstaller does it when KILABEL_CODESIGN_IDENTITY is set), the .dmg after it.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=${1:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/kilabel/__init__.py)}
APP=dist/kilabel.app
[ -d "$APP" ] || { echo "make-dmg: $APP is missing (bash build/build.sh on macOS makes it)" >&2; exit 1; }
command -v hdiutil >/dev/null || { echo "make-dmg: needs macOS (hdiutil)" >&2; exit 1; }
# The command line inside the app, for a Terminal: /Applications/kilabel.app/Contents/MacOS/kilabel
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
cp build/licenses/THIRD-PARTY.md "$STAGE/Licences.md"
DMG="dist/kilabel-$VERSION-macos-$(uname -m).dmg"
rm -f "$DMG"
hdiutil create -volname "kilabel $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
hdiutil verify "$DMG"
echo "make-dmg: $DMG"
