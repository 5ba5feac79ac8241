#!/usr/bin/env bash
# Checks `quhua serve` the way its users meet it, against a real server on a free port:
#   1. the OpenAPI document validates (openapi-spec-validator),
#   2. OGC API – Features core conformance (ogctests; the one known failure is explained in docs/serve.md),
#   3. the web app in headless Chromium (Tools/browser/webapp_test.py),
#   4. graceful shutdown on SIGTERM (exit status 0).
#
#   usage: bash Tools/serve-checks.sh QUHUA_BINARY [OUT_DIR]
#
# The gazetteer in OUT_DIR (default: a temporary folder) holds what the checks need: the division
# history 1981–2024 and the prefecture polygons (`make demo` and `quhua serve` on first use build
# the whole gazetteer, townships and GeoNames names too).
# Python tools go in venvs under .build-venv-*; Chromium and chromedriver come from Debian
# (`make bootstrap`). A check whose tool is missing says so and fails: `make test` installs them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
QUHUA="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
OUT="${2:-$(mktemp -d /tmp/quhua-serve-checks.XXXXXX)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"   # absolute: the browser tests run from Tools/browser
export QUHUA_GEODATA="$ROOT/GeoData"
failures=0
fail() { echo "serve-checks: FAIL $*"; failures=$((failures + 1)); }

echo "== quhua serve: the division history and prefecture polygons, a server on a free port"
if [ ! -s "$OUT/gazetteer.sqlite" ]; then
  "$QUHUA" import areacodes "$ROOT/GeoData/areacodes" --db "$OUT/gazetteer.sqlite" --actor serve-checks
  "$QUHUA" import geometry "$ROOT/GeoData/cn-atlas/derived_prefectures.geojson" --db "$OUT/gazetteer.sqlite" --actor serve-checks
fi
# The upkeep register: the 2020 joint-inspection record of the inspection sample; a patroller's token.
if [ ! -s "$OUT/register.sqlite" ]; then
  "$QUHUA" register import "$ROOT/GeoData/samples/inspection/before" --date 2020-06-18 --agreement "陕界〔2020〕1号" \
    --db "$OUT/register.sqlite" --actor serve-checks
fi
PATROL_TOKEN=$("$QUHUA" token add --role patroller --actor zhao.lei --db "$OUT/gazetteer.sqlite" 2>/dev/null)
"$QUHUA" serve --port 0 --db "$OUT/gazetteer.sqlite" --survey "$ROOT/GeoData/samples/clean" --register "$OUT/register.sqlite" >"$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
URL=""
for _ in $(seq 1 120); do
  URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$OUT/serve.log" | head -1 || true)
  [ -n "$URL" ] && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$OUT/serve.log"; echo "serve-checks: the server did not start"; exit 1; }
  sleep 0.5
done
[ -n "$URL" ] || { echo "serve-checks: the server did not say where it listens"; exit 1; }
echo "server: $URL"

echo "== OGC API – Features core (ogctests)"
bash "$ROOT/Tools/ogc/run-ogctests.sh" --junit "$OUT/ogctests.xml" "$URL" | tee "$OUT/ogctests.txt" || fail "ogctests could not run"
summary=$(grep '^ogctests features/core:' "$OUT/ogctests.txt" || true)
[ -n "$summary" ] || fail "ogctests printed no summary"
# The one known failure: test_ast2 asks for Part 2's CRS class, which Part 1 does not require (docs/serve.md).
unexpected=$(grep -E '^\s*FAILED' "$OUT/ogctests.txt" | grep -v 'test_crs::test_ast2' || true)
[ -z "$unexpected" ] || fail "ogctests failures besides the known test_ast2: $unexpected"

echo "== OpenAPI document (openapi-spec-validator)"
# Its own venv: ogctests pins an older openapi-schema-validator.
OVENV="$ROOT/.build-venv-openapi"
curl -sf "$URL/api" -o "$OUT/openapi.json" || fail "GET /api"
if "$OVENV/bin/python" -c "import openapi_spec_validator" 2>/dev/null \
   || { python3 -m venv "$OVENV" && "$OVENV/bin/pip" install -q --disable-pip-version-check openapi-spec-validator; }; then
  "$OVENV/bin/python" -c "
import json, sys
from openapi_spec_validator import validate
document = json.load(open(sys.argv[1]))
validate(document)
print('openapi-spec-validator: /api is a valid OpenAPI', document['openapi'], 'document with', len(document['paths']), 'paths')" "$OUT/openapi.json" \
    || fail "the OpenAPI document does not validate"
else
  fail "openapi-spec-validator could not be installed into $OVENV"
fi

echo "== web app in headless Chromium"
BPY=$(bash "$ROOT/Tools/browser/venv.sh") || fail "cannot install selenium (Tools/browser/venv.sh)"
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  "$BPY" "$ROOT/Tools/browser/webapp_test.py" --url "$URL" --screenshot "$OUT/webapp.png" || fail "the browser test"
else
  fail "chromium or chromedriver is not installed (make bootstrap installs them)"
fi

echo "== patrol page in headless Chromium (phone screen, offline and back)"
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  (cd "$ROOT/Tools/browser" && "$BPY" patrol_test.py --url "$URL" --token "$PATROL_TOKEN" --marker 0004-001 --screenshot "$OUT/patrol.png") \
    || fail "the patrol page test"
fi

echo "== graceful shutdown"
kill -TERM "$SERVER"
status=0; wait "$SERVER" || status=$?
trap - EXIT
if [ "$status" -eq 0 ]; then echo "SIGTERM: the server stopped cleanly (exit 0)"; else fail "the server exited with $status on SIGTERM"; fi

if [ "$failures" -gt 0 ]; then echo "serve-checks: $failures check(s) failed"; exit 1; fi
echo "serve-checks: all passed (reports in $OUT)"
