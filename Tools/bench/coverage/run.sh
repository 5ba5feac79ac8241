#!/usr/bin/env bash
# Coverage benchmark: quhua's coverage check against shapely 2.x (GEOS >= 3.12) in the same run.
#
#   Tools/bench/coverage/run.sh            # all layers
#   SIZES="1000 10000" DIRTY="3000" Tools/bench/coverage/run.sh
#
# Builds quhua-bench-coverage in release mode, makes a venv under .build-bench/venv with shapely,
# numpy and scipy from PyPI, generates synthetic Voronoi coverages (clean at SIZES cells, dirty at
# DIRTY cells) under .build-bench/data, and runs on each layer (plus the shipped us-counties and
# cn-atlas prefectures):
#   quhua   — CoverageValidator: edge mismatches, overlaps, gaps from unmatched edges (2 workers)
#   shapely — coverage_invalid_edges + coverage_is_valid + a union-based gap finder (one core)
# It prints the check times (reading the file excluded), their ratio, peak memory of each process
# (/usr/bin/time), and whether both flag the same polygons. Results go to .build-bench/results.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
HERE="$ROOT/Tools/bench/coverage"
OUT="$ROOT/.build-bench"
SIZES=${SIZES:-"1000 10000 100000"}
DIRTY=${DIRTY:-"3000 10000"}
PER_EDGE=${PER_EDGE:-50}
DIRT=${DIRT:-0.03}
WORKERS=${WORKERS:-2}
mkdir -p "$OUT/data" "$OUT/results"

echo "== building quhua-bench-coverage (release)"
(cd "$ROOT" && swift build -c release --product quhua-bench-coverage 2>&1 | grep -vE "^(\[|Building|Compiling|Write|warning: 'wt|Build complete)" || true)
QUHUA="$ROOT/.build/release/quhua-bench-coverage"

echo "== python venv with shapely"
if [ ! -x "$OUT/venv/bin/python" ]; then python3 -m venv "$OUT/venv"; fi
"$OUT/venv/bin/pip" install -q --upgrade pip >/dev/null
"$OUT/venv/bin/pip" install -q "shapely>=2.1" numpy scipy >/dev/null
PY="$OUT/venv/bin/python"
"$PY" -c "import shapely; print('shapely', shapely.__version__, 'GEOS', shapely.geos_version)"

echo "== synthetic layers"
for n in $SIZES; do
  f="$OUT/data/clean-$n.wkbs"
  [ -s "$f" ] || "$PY" "$HERE/synth.py" --cells "$n" --per-edge "$PER_EDGE" --seed 1 --out "$f"
done
for n in $DIRTY; do
  f="$OUT/data/dirty-$n.wkbs"
  [ -s "$f" ] || "$PY" "$HERE/synth.py" --cells "$n" --per-edge 55 --dirty "$DIRT" --seed 2 --out "$f"
done

LAYERS=("us-counties|$ROOT/GeoData/us-counties/geojson-counties-fips.json|--geographic --gap-width 100|--gap-width 0.001"
        "cn-atlas|$ROOT/GeoData/cn-atlas/derived_prefectures.geojson|--geographic --gap-width 60|--gap-width 0.0006")
for n in $SIZES; do LAYERS+=("clean-$n|$OUT/data/clean-$n.wkbs|--gap-width 1|--gap-width 1"); done
for n in $DIRTY; do LAYERS+=("dirty-$n|$OUT/data/dirty-$n.wkbs|--gap-width 1|--gap-width 1"); done

for entry in "${LAYERS[@]}"; do
  IFS='|' read -r name path qargs sargs <<< "$entry"
  echo "== $name"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%M %e" -o "$OUT/results/$name.quhua.time" \
    "$QUHUA" "$path" $qargs --workers "$WORKERS" --flagged "$OUT/results/$name.quhua.flagged" > "$OUT/results/$name.quhua.json"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%M %e" -o "$OUT/results/$name.shapely.time" \
    "$PY" "$HERE/shapely_check.py" "$path" $sargs --flagged "$OUT/results/$name.shapely.flagged" > "$OUT/results/$name.shapely.json"
done

"$PY" "$HERE/report.py" "$OUT/results" $(for e in "${LAYERS[@]}"; do printf '%s ' "${e%%|*}"; done)
