#!/usr/bin/env bash
# Renders an HTML report with headless Chromium (Debian's chromium) and saves a PNG screenshot,
# to check that the report really shows the map and the findings.
#   usage: Tools/screenshot-report.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]
set -euo pipefail
REPORT="$1"
PNG="${2:-${REPORT%.html}.png}"
SIZE="${3:-1600x1300}"
if ! command -v chromium >/dev/null 2>&1; then
    echo "installing chromium (Debian package)…" >&2
    apt-get install -y -qq chromium >/dev/null
fi
ABS="$(cd "$(dirname "$REPORT")" && pwd)/$(basename "$REPORT")"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size="${SIZE/x/,}" --screenshot="$PNG" "file://$ABS" 2>/dev/null
test -s "$PNG"
echo "$PNG"
