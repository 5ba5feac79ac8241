#!/usr/bin/env bash
# Times `quhua validate` on the sample surveys and the real layers (best of 3 wall-clock runs).
# The last line runs the same layer without the coverage rules, as a within-run comparison.
#   usage: Tools/bench/validate/run.sh [BIN]      (default: a release build)
set -uo pipefail
BIN="${1:-}"
if [ -z "$BIN" ]; then swift build -c release --product quhua >/dev/null && BIN=.build/release/quhua; fi
best() {  # best wall time of 3 runs, seconds
    local b=999
    for _ in 1 2 3; do
        local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
        b=$(echo "t=$e-$s; if (t<$b) t else $b" | bc -l)
    done
    printf '%.2f' "$b"
}
S=GeoData/samples
printf '%-52s %8s\n' "run" "seconds"
printf '%-52s %8s\n' "clean sample (19 lines, 147 markers, 4 divisions)" "$(best "$BIN" validate $S/clean/lines.geojson $S/clean/markers.csv $S/clean/divisions.geojson)"
printf '%-52s %8s\n' "faulty sample (25 faults, 47 findings)" "$(best "$BIN" validate $S/faulty/lines.geojson $S/faulty/markers.csv $S/faulty/divisions.geojson)"
printf '%-52s %8s\n' "cn-atlas prefectures (372 polygons), all rules" "$(best "$BIN" validate --divisions GeoData/cn-atlas/derived_prefectures.geojson)"
printf '%-52s %8s\n' "us-counties (3,222 polygons), all rules" "$(best "$BIN" validate --divisions GeoData/us-counties/geojson-counties-fips.json)"
echo '{"rules":{"coverage.overlap":{"enabled":false},"coverage.gap":{"enabled":false},"coverage.hole":{"enabled":false},"coverage.edge-mismatch":{"enabled":false}}}' > /tmp/quhua-bench-nocoverage.json
printf '%-52s %8s\n' "cn-atlas prefectures, without the coverage rules" "$(best "$BIN" validate --profile /tmp/quhua-bench-nocoverage.json --divisions GeoData/cn-atlas/derived_prefectures.geojson)"
