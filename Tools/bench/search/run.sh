#!/usr/bin/env bash
# Gazetteer search benchmark (see Sources/main.swift): import time of the areacodes history,
# then 1,000,000 generated names from real name parts and 1,000 queries of each search mode,
# p50/p99 against a naive LIKE '%…%' scan on the same database, in the same run.
#   usage: bash Tools/bench/search/run.sh [NAMES] [QUERIES] [LIKE-QUERIES]   (from the repository root)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
WORK="$ROOT/.build-bench/search"
mkdir -p "$WORK"
cd "$ROOT"
swift build -c release --product bench-gazetteer-search >/dev/null
BIN="$(swift build -c release --show-bin-path)/bench-gazetteer-search"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1)"
"$BIN" "$ROOT/GeoData" "$WORK" "${1:-1000000}" "${2:-1000}" "${3:-100}"
