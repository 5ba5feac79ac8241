#!/usr/bin/env bash
# Writes the joint-inspection report of the shipped sample (GeoData/samples/inspection) as HTML and
# takes a screenshot of it with headless Chromium, to check that the report shows both epochs
# (the record dashed, the survey solid) with the changes on the map.
#   usage: Tools/screenshot-inspection.sh [BIN] [OUTDIR]      (defaults: .build/debug/quhua, out/demo)
set -euo pipefail
BIN="${1:-.build/debug/quhua}"
OUT="${2:-out/demo}"
SAMPLE=GeoData/samples/inspection
mkdir -p "$OUT"
status=0
"$BIN" inspect --before "$SAMPLE/before" --after "$SAMPLE/after" --profile "$SAMPLE/profile.json" \
    --format html -o "$OUT/inspection-report.html" || status=$?
# exit 1: changes found, the expected answer on the sample
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then exit "$status"; fi
bash "$(dirname "$0")/screenshot-report.sh" "$OUT/inspection-report.html" "$OUT/inspection-report.png" 1400x1000
