#!/usr/bin/env bash
# Makes sure the browser tests' venv (.build-venv-browser, Selenium) exists; prints its python.
#   PY=$(bash Tools/browser/venv.sh) || exit 1
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="$ROOT/.build-venv-browser"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import selenium" 2>/dev/null; then
  python3 -m venv "$VENV" >&2 && "$VENV/bin/pip" install -q --disable-pip-version-check -r "$ROOT/Tools/browser/requirements.txt" >&2 \
    || { echo "cannot install selenium into $VENV" >&2; exit 1; }
fi
echo "$VENV/bin/python"
