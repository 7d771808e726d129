#!/usr/bin/env bash
# Build the packaged kilabel for the OS this runs on: dist/kilabel/ (one folder, two executables:
# kilabel-gui and kilabel), then on Linux the tarball dist/kilabel-VERSION-linux-ARCH.tar.gz,
# on macOS dist/kilabel.app and the .dmg. Windows: run this in Git Bash, then build/windows/kilabel.iss
# with Inno Setup (the release workflow does both).
#
#   bash build/build.sh                  sets up .venv (tools/setup.sh) and builds
#   PYTHON=/path/to/python bash build/build.sh --no-package    build with that interpreter, folder only
#
# PyInstaller is installed into the interpreter's environment if missing (pyproject's "build" extra).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGE=1
for arg in "$@"; do
  case "$arg" in
    --no-package) PACKAGE=0 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "build: unknown option $arg" >&2; exit 2 ;;
  esac
done

if [ -n "${PYTHON:-}" ]; then
  PY="$PYTHON"
else
  bash tools/setup.sh
  if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=.venv/Scripts/python.exe; fi
fi

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  req=$("$PY" -c "import tomllib; print(' '.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['build']))")
  echo "build: installing $req"
  "$PY" -m pip install -q --disable-pip-version-check $req
fi

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/work build/kilabel.spec
VERSION=$("$PY" -c "import re; print(re.search(r'__version__ = \"([^\"]+)\"', open('src/kilabel/__init__.py').read()).group(1))")

case "$(uname -s)" in
  Linux*) OS=linux; CLI=dist/kilabel/kilabel ;;
  Darwin*) OS=macos; CLI=dist/kilabel/kilabel ;;
  *) OS=windows; CLI=dist/kilabel/kilabel.exe ;;
esac

# A bundle that cannot even start fails here, not at the user's desk.
"$CLI" --version
{
  echo "kilabel $VERSION"
  echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ) on $OS ($(uname -m)) from commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "python $("$PY" -c 'import sys; print(sys.version.split()[0])'), $("$PY" -m PyInstaller --version | sed 's/^/PyInstaller /')"
} > dist/kilabel/BUILD-INFO.txt

if [ "$PACKAGE" = 1 ]; then
  case "$OS" in
    linux) bash build/linux/make-tarball.sh "$VERSION" ;;
    macos) bash build/macos/make-dmg.sh "$VERSION" ;;
    windows) echo "build: now run: iscc /DAppVersion=$VERSION build\\kilabel.iss" ;;
  esac
fi

echo "build: dist/kilabel in $(( $(date +%s) - start )) s, $(du -sh dist/kilabel | cut -f1) unpacked"
