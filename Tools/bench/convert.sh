#!/usr/bin/env bash
# Benchmark: us-counties GeoJSON → GeoPackage and → Shapefile, quhua against ogr2ogr in the same run.
#   usage: Tools/bench/convert.sh [RUNS]     (builds quhua in release first)
# Prints each mean wall-clock and CPU time and the ratios quhua/ogr2ogr (below 1 means quhua is
# faster; CPU time is steadier when other work shares the machine). Uses hyperfine when
# installed (apt-get install hyperfine), else repeated timing with `date`.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-10}"
IN=GeoData/us-counties/geojson-counties-fips.json
OUT=$(mktemp -d "${TMPDIR:-/tmp}/quhua-bench.XXXXXX")
trap 'rm -rf "$OUT"' EXIT

command -v ogr2ogr >/dev/null || { echo "bench: ogr2ogr not found (Tools/bootstrap.sh installs gdal-bin)" >&2; exit 1; }
swift build -c release --product quhua >&2
BIN=$(swift build -c release --show-bin-path)/quhua

declare -A CMD
CMD[quhua-gpkg]="$BIN convert $IN $OUT/q.gpkg"
CMD[ogr2ogr-gpkg]="ogr2ogr -overwrite -f GPKG $OUT/o.gpkg $IN"
CMD[quhua-shp]="$BIN convert $IN $OUT/q.shp"
CMD[ogr2ogr-shp]="ogr2ogr -overwrite -f 'ESRI Shapefile' $OUT/o.shp $IN"

mean() {   # mean wall and CPU (user+system) seconds of a command over RUNS runs, after warm-up
  local name=$1
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 2 --runs "$RUNS" --export-json "$OUT/$name.json" --style none "${CMD[$name]}" >/dev/null 2>&1
    python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(r['mean'], r['user'] + r['system'])" "$OUT/$name.json"
  else
    bash -c "${CMD[$name]}" >/dev/null 2>&1
    local start end
    start=$(date +%s.%N)
    for _ in $(seq "$RUNS"); do bash -c "${CMD[$name]}" >/dev/null 2>&1; done
    end=$(date +%s.%N)
    python3 -c "import sys; t = (float(sys.argv[2]) - float(sys.argv[1])) / int(sys.argv[3]); print(t, t)" "$start" "$end" "$RUNS"
  fi
}

echo "us-counties (3,222 features, $(du -h "$IN" | cut -f1)) — $RUNS runs each, $(ogr2ogr --version)"
for target in gpkg shp; do
  q=$(mean "quhua-$target")
  o=$(mean "ogr2ogr-$target")
  python3 - "$target" $q $o <<'PY'
import sys
target = sys.argv[1]
qw, qc, ow, oc = map(float, sys.argv[2:6])
print(f"GeoJSON → {target:4s}  wall: quhua {qw*1000:6.1f} ms, ogr2ogr {ow*1000:6.1f} ms, ratio {qw/ow:4.2f}"
      f"   CPU: quhua {qc*1000:6.1f} ms, ogr2ogr {oc*1000:6.1f} ms, ratio {qc/oc:4.2f}")
PY
done
