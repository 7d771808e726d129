#!/usr/bin/env bash
# Set up, then start the kilabel window on the built-in sample images.
# Without a screen (no DISPLAY) it runs under xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = "Linux" ]; then
  echo "run: no screen, starting under xvfb-run"
  exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/kilabel-gui --samples "$@"
fi
exec .venv/bin/kilabel-gui --samples "$@"
