#!/usr/bin/env bash
# The HTML survey report in headless Chromium: the faulty sample's report opens offline, draws
# and clusters its findings, filters by rule, and zooms to a finding clicked in the list
# (Tools/browser/report_test.py). Run by `make test`.
#   usage: Tools/report-checks.sh path/to/quhua [OUT_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
QUHUA="$1"
OUT="${2:-$(mktemp -d /tmp/quhua-report-checks.XXXXXX)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"   # absolute: the browser tests run from Tools/browser
S="$ROOT/GeoData/samples/faulty"
status=0
"$QUHUA" validate --format html -o "$OUT/faulty-report.html" "$S/lines.geojson" "$S/markers.csv" "$S/divisions.geojson" || status=$?
# validate exits 1 when it finds errors, as it must on the faulty sample.
[ "$status" -eq 1 ] || { echo "report-checks: FAIL validate exited $status on the faulty sample (expected 1)"; exit 1; }
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "report-checks: FAIL chromium or chromedriver is not installed (make bootstrap installs them)"; exit 1
fi
PY=$(bash "$ROOT/Tools/browser/venv.sh")
cd "$ROOT/Tools/browser"
"$PY" report_test.py "$OUT/faulty-report.html" --screenshot "$OUT/faulty-report.png"
echo "report-checks: all passed (report and screenshot in $OUT)"
