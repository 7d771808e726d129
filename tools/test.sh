#!/usr/bin/env bash
# Set up, then check lint, format and import layers, then run the whole test suite
# (Qt offscreen; exiftool, poppler and the C2PA SDK as readers).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
echo "test: ruff check, ruff format --check, lint-imports"
.venv/bin/ruff check --no-cache --quiet src tests benchmarks tools build
.venv/bin/ruff format --no-cache --check --quiet src tests benchmarks tools build
.venv/bin/lint-imports --no-cache >/dev/null || .venv/bin/lint-imports --no-cache
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q "$@"
