#!/bin/sh
# Adds kilabel to the application menu of the user who runs it (no root needed):
# a start-menu entry, the icon, and `kilabel` / `kilabel-gui` in ~/.local/bin.
# Run it from the unpacked folder: ./install-desktop-entry.sh   (--remove undoes it)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
if [ "${1:-}" = "--remove" ]; then
  rm -f "$data/applications/kilabel.desktop" "$bin/kilabel" "$bin/kilabel-gui"
  for s in 16 32 48 64 128 256 512; do rm -f "$data/icons/hicolor/${s}x${s}/apps/kilabel.png"; done
  echo "kilabel: menu entry removed"; exit 0
fi
mkdir -p "$data/applications" "$bin"
for s in 16 32 48 64 128 256 512; do
  n=$(printf %03d "$s")
  mkdir -p "$data/icons/hicolor/${s}x${s}/apps"
  cp "$here/_internal/assets/icons/kilabel-$n.png" "$data/icons/hicolor/${s}x${s}/apps/kilabel.png"
done
sed "s|^Exec=kilabel-gui|Exec=\"$here/kilabel-gui\"|" "$here/kilabel.desktop" > "$data/applications/kilabel.desktop"
ln -sf "$here/kilabel" "$bin/kilabel"
ln -sf "$here/kilabel-gui" "$bin/kilabel-gui"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
echo "kilabel: added to the application menu; commands kilabel and kilabel-gui in $bin"
