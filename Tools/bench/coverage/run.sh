#!/usr/bin/env bash
# Coverage benchmark: quhua's coverage check against shapely 2.x (GEOS >= 3.12) in the same run.
#
#   Tools/bench/coverage/run.sh            # all layers
#   SIZES="1000 10000" DIRTY="3000" Tools/bench/coverage/run.sh
#   SIZES= DIRTY= REAL= DIRTY_REAL="cn:3000:1000000:50,200,1000" Tools/bench/coverage/run.sh   # one dirty real layer
#
# Builds quhua-bench-coverage in release mode, makes a venv under .build-bench/venv with shapely,
# numpy and scipy from PyPI, generates synthetic Voronoi coverages (clean at SIZES cells, dirty at
# DIRTY cells) under .build-bench/data, and runs on each layer (plus the shipped us-counties and
# cn-atlas prefectures):
#   quhua   — CoverageValidator: edge mismatches, overlaps, gaps from unmatched edges (2 workers)
#   shapely — coverage_invalid_edges + coverage_is_valid + a union-based gap finder (one core)
# It prints the check times (reading the file excluded), their ratio, peak memory of each process
# (/usr/bin/time), and whether both flag the same polygons. Results go to .build-bench/results.
#
# Dirty real layers (DIRTY_REAL, source:polygons:vertices:tolerances each; dirty.py builds them from
# cn-atlas prefectures or us-counties) are checked as whole processes, each under /usr/bin/time:
#   quhua validate LAYER --format json   (release build of the quhua product, every rule)
#   shapely_check.py --no-gaps            (is_valid + coverage_invalid_edges)
#   shapely_check.py                      (the same + coverage_is_valid + the union-based gap search)
# validate_report.py prints wall times, ratios and peak memory.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
HERE="$ROOT/Tools/bench/coverage"
OUT="$ROOT/.build-bench"
SIZES=${SIZES-"1000 10000 100000"}
DIRTY=${DIRTY-"3000 10000"}
REAL=${REAL-"us-counties cn-atlas"}
DIRTY_REAL=${DIRTY_REAL-"cn:3000:1000000:50,200,1000 us:3000:1000000:200"}
GAP=${GAP:-100}
PER_EDGE=${PER_EDGE:-50}
DIRT=${DIRT:-0.03}
WORKERS=${WORKERS:-2}
mkdir -p "$OUT/data" "$OUT/results"

echo "== building quhua-bench-coverage (release)"
(cd "$ROOT" && swift build -c release --product quhua-bench-coverage 2>&1 | grep -vE "^(\[|Building|Compiling|Write|warning: 'wt|Build complete)" || true)
QUHUA="$ROOT/.build/release/quhua-bench-coverage"
if [ -n "$DIRTY_REAL" ]; then
  echo "== building quhua (release)"
  (cd "$ROOT" && swift build -c release --product quhua 2>&1 | grep -vE "^(\[|Building|Compiling|Write|warning: 'wt|Build complete)" || true)
fi
CLI="$ROOT/.build/release/quhua"

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

LAYERS=()
case " $REAL " in *" us-counties "*)
  LAYERS+=("us-counties|$ROOT/GeoData/us-counties/geojson-counties-fips.json|--geographic --gap-width 100|--gap-width 0.001");; esac
case " $REAL " in *" cn-atlas "*)
  LAYERS+=("cn-atlas|$ROOT/GeoData/cn-atlas/derived_prefectures.geojson|--geographic --gap-width 60|--gap-width 0.0006");; esac
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

if [ ${#LAYERS[@]} -gt 0 ]; then
  "$PY" "$HERE/report.py" "$OUT/results" $(for e in "${LAYERS[@]}"; do printf '%s ' "${e%%|*}"; done)
fi

# Dirty real layers: whole processes, quhua validate (every rule) against shapely.
NAMES=()
for spec in $DIRTY_REAL; do
  IFS=':' read -r src polys verts tols <<< "$spec"
  name="dirty-$src-$((polys / 1000))k-$((verts / 1000000))M"
  f="$OUT/data/$name.geojson"
  [ -s "$f" ] || "$PY" "$HERE/dirty.py" --source "$src" --polygons "$polys" --vertices "$verts" --tolerances "$tols" \
                   --out "$f" --stats "$OUT/data/$name.stats.json"
  echo "== $name: $(cat "$OUT/data/$name.stats.json" 2>/dev/null)"
  /usr/bin/time -f "%M %e %P %U %S" -o "$OUT/results/$name.validate.time" \
    "$CLI" validate "$f" --format json -o "$OUT/results/$name.validate.json" 2>/dev/null || true
  /usr/bin/time -f "%M %e %P %U %S" -o "$OUT/results/$name.shapely-validity.time" \
    "$PY" "$HERE/shapely_check.py" "$f" --gap-width "$GAP" --no-gaps > "$OUT/results/$name.shapely-validity.json"
  /usr/bin/time -f "%M %e %P %U %S" -o "$OUT/results/$name.shapely-all.time" \
    "$PY" "$HERE/shapely_check.py" "$f" --gap-width "$GAP" > "$OUT/results/$name.shapely-all.json"
  NAMES+=("$name")
done
if [ ${#NAMES[@]} -gt 0 ]; then
  "$PY" "$HERE/validate_report.py" "$OUT/results" "$OUT/data" "${NAMES[@]}"
fi
