#!/usr/bin/env bash
# Builds the Chongqing gazetteer book with a quhua binary, checks it, and takes a screenshot
# of its first chapter.
#
#   Tools/book/run.sh QUHUA_BIN OUT_DIR
#
# Writes OUT_DIR/chongqing/index.html (and book.pdf when Chromium is installed),
# OUT_DIR/check.txt (the checker's report) and OUT_DIR/book-page.png (Chromium screenshot
# of chapter 500101 万州区, shown alone through index.html#view-500101: headless Chromium
# draws a blank page when it has to scroll this long document to an anchor). The gazetteer is the one quhua uses (--db / QUHUA_DB when set:
# export QUHUA_DB=/tmp/x.sqlite to build a fresh one from GeoData).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${1:?usage: run.sh QUHUA_BIN OUT_DIR}"
out="${2:?usage: run.sh QUHUA_BIN OUT_DIR}"
mkdir -p "$out"
db_args=()
if [[ -n "${QUHUA_DB:-}" ]]; then db_args=(--db "$QUHUA_DB"); fi
export QUHUA_GEODATA="${QUHUA_GEODATA:-$root/GeoData}"

start=$(date +%s%N)
"$bin" book --within 500000 -o "$out/chongqing" "${db_args[@]}"
end=$(date +%s%N)
echo "book written in $(( (end - start) / 1000000 )) ms"

python3 "$here/check_book.py" "$out/chongqing" --townships "$QUHUA_GEODATA/areacity/ok_data_level4.csv" --prefix 50 --counties 38 \
  | tee "$out/check.txt"

chromium_bin="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -n "$chromium_bin" ]]; then
  "$chromium_bin" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1240,1754 \
    --screenshot="$out/book-page.png" "file://$(cd "$out/chongqing" && pwd)/index.html#view-500101" >/dev/null 2>&1
  echo "screenshot: $out/book-page.png"
else
  echo "skip screenshot: Chromium not installed"
fi
