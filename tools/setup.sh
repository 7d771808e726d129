#!/usr/bin/env bash
# Set up kilabel on Debian/Ubuntu: system packages (readers for tests, X libraries for Qt,
# Xvfb for machines without a screen) and a virtual environment in .venv with kilabel installed.
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # independent readers used by the tests
  libimage-exiftool-perl poppler-utils imagemagick
  # tests: qpdf --check, a PDF structure check kilabel did not write
  qpdf
  # Qt's xcb platform plugin and offscreen rendering
  libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
  libx11-xcb1 libxrender1 libxi6
  # a virtual screen for machines without one
  xvfb xauth x11-utils
  # the packaged build (build/build.sh) makes a de/en-only ICU data library with icupkg
  icu-devtools binutils
  # fonts for Qt's own widgets (the label font ships in assets/)
  fonts-dejavu-core
  # `kilabel check`: text recognition of visible labels (German and English data)
  tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng
  # tests: a real layout program, run headless, makes PDFs with placed images (Draw, no GUI parts)
  libreoffice-draw-nogui
  # tests: kilabel is offline by default, shown in a network namespace and under strace
  iproute2 util-linux strace
  # tests: the team register on a real PostgreSQL server (tests/pg_server.py starts a private one);
  # the public transparency page is looked at in a headless browser
  postgresql chromium
)

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    echo "setup: installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: no apt-get here; install exiftool, poppler-utils, ImageMagick and Xvfb yourself" >&2
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,build]'
echo "setup: ready (.venv/bin/kilabel, .venv/bin/kilabel-gui)"
