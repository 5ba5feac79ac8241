#!/usr/bin/env bash
# The main job on the shipped GeoData; grows with each capability.
set -euo pipefail
BIN="$1"; OUT="$2"
mkdir -p "$OUT"
"$BIN" --version
