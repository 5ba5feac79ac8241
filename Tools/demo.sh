#!/usr/bin/env bash
# The main job on the shipped GeoData: what `make demo` runs. Grows with each capability.
#   usage: Tools/demo.sh BIN OUTDIR
set -uo pipefail
BIN="$1"; OUT="$2"
mkdir -p "$OUT"
section() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

section "quhua"
"$BIN" --version

section "Invalid geometries in the shipped prefecture layer (cn-atlas, 372 prefectures)"
"$BIN" validate GeoData/cn-atlas/derived_prefectures.geojson
status=$?
# exit 1 means findings were reported, which is the expected answer here
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then exit "$status"; fi
"$BIN" validate --format json GeoData/cn-atlas/derived_prefectures.geojson > "$OUT/prefecture-findings.json" || true
echo "(JSON report written to $OUT/prefecture-findings.json)"

section "Boundary survey: the faulty sample (GeoData/samples/faulty, one fault injected per rule)"
S=GeoData/samples/faulty
"$BIN" validate "$S/lines.geojson" "$S/markers.csv" "$S/divisions.geojson" | sed -n '1,/^Findings/p'
"$BIN" validate --format html -o "$OUT/survey-report.html" "$S/lines.geojson" "$S/markers.csv" "$S/divisions.geojson"
"$BIN" validate --format json -o "$OUT/survey-findings.json" "$S/lines.geojson" "$S/markers.csv" "$S/divisions.geojson"
"$BIN" validate --format geojson -o "$OUT/survey-findings.geojson" "$S/lines.geojson" "$S/markers.csv" "$S/divisions.geojson"
echo "(HTML report: $OUT/survey-report.html; open the GeoJSON error layer in QGIS over the survey)"

section "Boundary survey: the clean sample"
S=GeoData/samples/clean
"$BIN" validate "$S/lines.geojson" "$S/markers.csv" "$S/divisions.geojson"
status=$?
if [ "$status" -ne 0 ]; then echo "the clean sample should give no finding (exit $status)"; exit 1; fi

section "Joint inspection: the 2025 survey of the Shaanxi sample against the 2020 record"
SAMPLE=GeoData/samples/inspection
"$BIN" inspect --before "$SAMPLE/before" --after "$SAMPLE/after" --profile "$SAMPLE/profile.json" \
    --format html -o "$OUT/inspection-report.html"
status=$?
# exit 1 means changes were found, which is the expected answer here
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then exit "$status"; fi
"$BIN" inspect --before "$SAMPLE/before" --after "$SAMPLE/after" --profile "$SAMPLE/profile.json" \
    | sed -n '/^Summary/,/^$/p'
echo "(HTML report written to $OUT/inspection-report.html)"
