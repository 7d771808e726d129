#!/usr/bin/env bash
# Set up, then run the whole test suite (Qt offscreen; exiftool, poppler and the C2PA SDK as readers).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q "$@"
