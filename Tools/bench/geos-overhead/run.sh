#!/usr/bin/env bash
# GEOSKit overhead: isValid over every polygon of us-counties and cn-atlas prefectures,
# through GEOSKit (release build) and through a C program calling libgeos_c directly,
# on the same WKB dump, in the same run. Prints the best-pass times and the ratio.
#   usage: bash Tools/bench/geos-overhead/run.sh [PASSES]   (from the repository root)
set -euo pipefail
PASSES="${1:-30}"
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
WORK="$ROOT/.build-bench/geos-overhead"
mkdir -p "$WORK"
cd "$ROOT"
bash Tools/bootstrap.sh
swift build -c release --product bench-geos-overhead >/dev/null
BIN="$(swift build -c release --show-bin-path)/bench-geos-overhead"
gcc -O2 -o "$WORK/isvalid" Tools/bench/geos-overhead/isvalid.c $(pkg-config --cflags --libs geos)
"$BIN" dump "$WORK/layers.wkb" GeoData/us-counties/geojson-counties-fips.json GeoData/cn-atlas/derived_prefectures.geojson
echo "GEOS $(geos-config --version); $PASSES passes, best of each; runs alternate C / GEOSKit 5 times"
best_c=999; best_s=999
for round in 1 2 3 4 5; do
  read -r _ tc inv_c n < <("$WORK/isvalid" "$WORK/layers.wkb" "$PASSES")
  read -r _ ts inv_s n2 < <("$BIN" run "$WORK/layers.wkb" "$PASSES")
  echo "round $round: C ${tc}s  GEOSKit ${ts}s  (geometries $n, invalid C=$inv_c GEOSKit=$inv_s)"
  best_c=$(python3 -c "print(min($best_c, $tc))"); best_s=$(python3 -c "print(min($best_s, $ts))")
done
python3 -c "print(f'best: C {$best_c:.4f}s  GEOSKit {$best_s:.4f}s  ratio GEOSKit/C = {$best_s/$best_c:.3f}')"
