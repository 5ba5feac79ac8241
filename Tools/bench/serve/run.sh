#!/usr/bin/env bash
# `quhua serve` under load, against pygeoapi serving the same divisions, in the same run.
#   usage: bash Tools/bench/serve/run.sh            (from anywhere; results in .build-bench/serve/)
# Environment:
#   DURATION=30s      wrk duration of each run (e.g. DURATION=5s for a quick look)
#   CONNECTIONS=64    wrk connections;  THREADS=2  wrk threads
#   QUHUA_BIN=PATH    use this quhua binary instead of `swift build -c release --product quhua`
#   BENCH_DB=PATH     reuse this gazetteer database (default: a temporary one built from GeoData)
#   SERVERS=quhua,pygeoapi   which servers to measure (pygeoapi alone still needs quhua to export)
#   PYGEOAPI_WORKERS=N       gunicorn sync workers for pygeoapi (default: nproc)
#
# quhua: /search and /autocomplete with mixed query modes (queries.lua), and
# /collections/divisions/items?bbox=105,28,110,32&limit=10.
# pygeoapi (PyPI, the newest the available Python runs; SQLiteGPKG provider under gunicorn): the same
# items query on `quhua export --format gpkg` of the same day's divisions (those with a boundary).
# Prints requests/s, p50/p99 latency, the quhua/pygeoapi items throughput ratio and each server's
# peak RSS (VmHWM), with the machine's load, to the terminal and to .build-bench/serve/results.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
HERE="$ROOT/Tools/bench/serve"
WORK="$ROOT/.build-bench/serve"
VENV="${BENCH_VENV:-$ROOT/.build-venv-bench}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
SERVERS="${SERVERS:-quhua,pygeoapi}"
BBOX="105,28,110,32"
ITEMS_PATH="/collections/divisions/items?bbox=$BBOX&limit=10"

say() { echo "bench/serve: $*" >&2; }
die() { say "$*"; exit 2; }
need() { command -v "$1" >/dev/null || die "$1 is not installed ($2)"; }
want() { case ",$SERVERS," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

need wrk "Debian: apt-get install wrk"
need curl "Debian: apt-get install curl"
need python3 "Debian: apt-get install python3 python3-venv"
need sqlite3 "Debian: apt-get install sqlite3"

mkdir -p "$WORK"
TMP="$(mktemp -d "$WORK/run.XXXXXX")"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }

# wait_http URL SECONDS PID: until URL answers 200, the server exits, or time runs out.
wait_http() {
  local url="$1" secs="$2" pid="$3" i
  for ((i = 0; i < secs * 2; i++)); do
    kill -0 "$pid" 2>/dev/null || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}

# peak_rss PID...: the sum of VmHWM (kB) of these processes, in MB.
peak_rss() {
  local kb=0 pid v
  for pid in "$@"; do
    v="$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)"
    kb=$((kb + ${v:-0}))
  done
  awk -v kb="$kb" 'BEGIN {printf "%.0f", kb / 1024}'
}

# --- quhua ------------------------------------------------------------------------------------
if [ -n "${QUHUA_BIN:-}" ]; then
  QUHUA="$QUHUA_BIN"
else
  need swift "the Swift toolchain"
  say "building quhua (release)"
  (cd "$ROOT" && swift build -c release --product quhua >"$TMP/build.log" 2>&1) \
    || { tail -30 "$TMP/build.log" >&2; die "swift build -c release --product quhua failed"; }
  QUHUA="$(cd "$ROOT" && swift build -c release --show-bin-path)/quhua"
fi
[ -x "$QUHUA" ] || die "no quhua binary at $QUHUA"
export QUHUA_GEODATA="${QUHUA_GEODATA:-$ROOT/GeoData}"
DB="${BENCH_DB:-$TMP/gazetteer.sqlite}"

# The GeoPackage for pygeoapi; its first use of the database builds it from GeoData.
GPKG="$TMP/divisions.gpkg"
say "exporting divisions to GeoPackage (the first use of a new database builds it: minutes)"
"$QUHUA" export --format gpkg --db "$DB" -o "$GPKG" >"$TMP/export.log" 2>&1 \
  || { cat "$TMP/export.log" >&2; die "quhua export --format gpkg failed"; }
# quhua's divisions collection holds the places with a stored boundary; pygeoapi's SQLiteGPKG
# provider would match rows without geometry in every bbox (SpatiaLite's Intersects(NULL, …)
# answers -1, which is true), so serve it the same rows: those with a geometry.
sqlite3 "$GPKG" "DELETE FROM divisions WHERE geom IS NULL; VACUUM;"
GPKG_ROWS="$(sqlite3 "$GPKG" 'SELECT count(*) FROM divisions')"

QUHUA_PID="" PG_PIDS=() QPORT="" PPORT=""
if want quhua; then
  "$QUHUA" help serve >/dev/null 2>&1 || die "$QUHUA has no serve verb yet (SERVERS=pygeoapi measures pygeoapi alone)"
  QPORT="$(free_port)"
  "$QUHUA" serve --bind 127.0.0.1 --port "$QPORT" --db "$DB" >"$TMP/quhua.log" 2>&1 &
  QUHUA_PID=$!
  PIDS+=("$QUHUA_PID")
  wait_http "http://127.0.0.1:$QPORT/conformance" 180 "$QUHUA_PID" \
    || { tail -20 "$TMP/quhua.log" >&2; die "quhua serve did not come up on port $QPORT"; }
  say "quhua serve on 127.0.0.1:$QPORT (pid $QUHUA_PID)"
fi

# --- pygeoapi ---------------------------------------------------------------------------------
if want pygeoapi; then
  # The newest pygeoapi needs a newer Python than Debian 12's 3.11: take the newest Python found.
  PYBASE=""
  for p in python3.14 python3.13 python3.12 \
    "$(pyenv root 2>/dev/null || echo /nonexistent)"/versions/3.1[2-9]*/bin/python3 python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import venv, sqlite3' 2>/dev/null; then PYBASE="$p"; break; fi
  done
  [ -n "$PYBASE" ] || die "no usable python3 with venv"
  if ! "$VENV/bin/python" -c 'import pygeoapi, gunicorn' 2>/dev/null; then
    say "creating $VENV with $("$PYBASE" --version) (pygeoapi, gunicorn from PyPI)"
    rm -rf "$VENV"
    "$PYBASE" -m venv "$VENV" || die "$PYBASE -m venv failed (Debian: apt-get install python3-venv)"
    "$VENV/bin/pip" install -q --disable-pip-version-check pygeoapi gunicorn \
      || { rm -rf "$VENV"; die "pip install pygeoapi gunicorn failed"; }
  fi
  # The SQLiteGPKG provider loads SpatiaLite; pyenv's Pythons are built without extension
  # loading, so put pysqlite3 (same API, loads extensions) in place of sqlite3 in that venv.
  if ! "$VENV/bin/python" -c 'import sqlite3; sqlite3.connect(":memory:").enable_load_extension(True)' 2>/dev/null; then
    "$VENV/bin/pip" install -q --disable-pip-version-check pysqlite3-binary || die "pip install pysqlite3-binary failed"
    SITE="$("$VENV/bin/python" -c 'import sysconfig;print(sysconfig.get_paths()["purelib"])')"
    echo "import sys, pysqlite3, pysqlite3.dbapi2; sys.modules['sqlite3'] = pysqlite3; sys.modules['sqlite3.dbapi2'] = pysqlite3.dbapi2" \
      >"$SITE/zz_pysqlite3_as_sqlite3.pth"
  fi
  "$VENV/bin/python" -c "import sqlite3; c = sqlite3.connect(':memory:'); c.enable_load_extension(True); c.execute(\"SELECT load_extension('mod_spatialite.so')\")" 2>/dev/null \
    || die "SpatiaLite cannot be loaded (Debian: apt-get install libsqlite3-mod-spatialite)"

  PPORT="$(free_port)"
  cat >"$TMP/pygeoapi.yml" <<EOF
server:
  bind: {host: 127.0.0.1, port: $PPORT}
  url: http://127.0.0.1:$PPORT
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  languages: [en-US]
  limits: {default_items: 10, max_items: 10000}
  map: {url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: none}
logging: {level: ERROR}
metadata:
  identification:
    title: quhua divisions (benchmark)
    description: quhua export --format gpkg, divisions with a boundary
    keywords: [divisions]
    url: http://127.0.0.1:$PPORT
    terms_of_service: none
  license: {name: CC-BY-4.0, url: 'https://creativecommons.org/licenses/by/4.0/'}
  provider: {name: quhua}
  contact: {name: quhua}
resources:
  divisions:
    type: collection
    title: divisions
    description: divisions exported by quhua
    keywords: [divisions]
    extents:
      spatial: {bbox: [73, 3, 136, 54], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'}
    providers:
      - type: feature
        name: SQLiteGPKG
        data: $GPKG
        id_field: fid
        table: divisions
EOF
  export PYGEOAPI_CONFIG="$TMP/pygeoapi.yml" PYGEOAPI_OPENAPI="$TMP/pygeoapi-openapi.yml"
  "$VENV/bin/pygeoapi" openapi generate "$PYGEOAPI_CONFIG" --output-file "$PYGEOAPI_OPENAPI" >"$TMP/pygeoapi.log" 2>&1 \
    || { tail -20 "$TMP/pygeoapi.log" >&2; die "pygeoapi openapi generate failed"; }
  # Sync workers: the SQLiteGPKG provider keeps one sqlite3 cursor per process (not thread-safe).
  "$VENV/bin/gunicorn" --workers "${PYGEOAPI_WORKERS:-$(nproc)}" --bind "127.0.0.1:$PPORT" \
    --log-level warning pygeoapi.flask_app:APP >>"$TMP/pygeoapi.log" 2>&1 &
  PG_MASTER=$!
  PIDS+=("$PG_MASTER")
  wait_http "http://127.0.0.1:$PPORT/conformance" 60 "$PG_MASTER" \
    || { tail -20 "$TMP/pygeoapi.log" >&2; die "pygeoapi did not come up on port $PPORT"; }
  say "pygeoapi on 127.0.0.1:$PPORT (gunicorn pid $PG_MASTER)"
fi

# --- endpoint checks --------------------------------------------------------------------------
# check URL: 200 and JSON, else say why. Prints numberMatched for feature collections.
check() {
  local url="$1" code
  code="$(curl -s -o "$TMP/check.json" -w '%{http_code}' --max-time 30 "$url" || true)"
  if [ "$code" != 200 ]; then say "GET $url answered $code: $(head -c 300 "$TMP/check.json" 2>/dev/null)"; return 1; fi
  python3 - "$TMP/check.json" <<'EOF' || { say "GET $url: not JSON"; return 1; }
import json, sys
d = json.load(open(sys.argv[1]))
n = d.get("numberMatched")
print("" if n is None else n)
EOF
}
SEARCH_OK="" AUTO_OK="" QITEMS_OK="" PITEMS_OK="" QMATCHED="" PMATCHED=""
if want quhua; then
  SEARCH_OK=1 AUTO_OK=1
  for q in %E4%B8%87%E5%B7%9E %E5%B7%9E %E9%87%8D%E5%BA%86 wanzhou wan%20zhou cqs %E8%90%AC%E7%B8%A3 chongqin; do
    check "http://127.0.0.1:$QPORT/search?q=$q" >/dev/null || SEARCH_OK=""
    check "http://127.0.0.1:$QPORT/autocomplete?q=$q" >/dev/null || AUTO_OK=""
  done
  QMATCHED="$(check "http://127.0.0.1:$QPORT$ITEMS_PATH")" && QITEMS_OK=1 || true
fi
if want pygeoapi; then
  PMATCHED="$(check "http://127.0.0.1:$PPORT$ITEMS_PATH")" && PITEMS_OK=1 || true
fi

# --- wrk --------------------------------------------------------------------------------------
# bench NAME URL [LUA]: one wrk run; appends "NAME rps p50 p99 non2xx errors" to $TMP/rows.
: >"$TMP/rows"
bench() {
  local name="$1" url="$2" lua="${3:-}" out="$TMP/wrk-$1.txt"
  say "wrk $name: $CONNECTIONS connections, $DURATION"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency --timeout 10s ${lua:+-s "$lua"} "$url" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk failed on $url"; }
  python3 - "$name" "$out" >>"$TMP/rows" <<'EOF'
import re, sys
name, text = sys.argv[1], open(sys.argv[2]).read()
def ms(v):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", v)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
errs = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
err = sum(int(x) for x in errs.groups()) if errs else 0
print(name, rps, p50, p99, non2xx.group(1) if non2xx else 0, err)
EOF
}
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
if want quhua; then
  [ -n "$SEARCH_OK" ] && bench quhua-search "http://127.0.0.1:$QPORT/search" "$HERE/queries.lua" || say "skipping quhua /search (endpoint check failed)"
  [ -n "$AUTO_OK" ] && bench quhua-autocomplete "http://127.0.0.1:$QPORT/autocomplete" "$HERE/queries.lua" || say "skipping quhua /autocomplete (endpoint check failed)"
  [ -n "$QITEMS_OK" ] && bench quhua-items "http://127.0.0.1:$QPORT$ITEMS_PATH" || say "skipping quhua items (endpoint check failed)"
fi
if want pygeoapi; then
  [ -n "$PITEMS_OK" ] && bench pygeoapi-items "http://127.0.0.1:$PPORT$ITEMS_PATH" || say "skipping pygeoapi items (endpoint check failed)"
fi
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# Peak memory, read while the servers still run.
QRSS="" PRSS=""
[ -n "$QUHUA_PID" ] && QRSS="$(peak_rss "$QUHUA_PID")"
if want pygeoapi && [ -n "${PG_MASTER:-}" ]; then
  PG_PIDS=("$PG_MASTER" $(pgrep -P "$PG_MASTER" || true))
  PRSS="$(peak_rss "${PG_PIDS[@]}")"
fi

# --- report -----------------------------------------------------------------------------------
PGV="$("$VENV/bin/python" -c 'import pygeoapi;print(pygeoapi.__version__)' 2>/dev/null || echo '?')"
{
  echo "quhua serve benchmark — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load before $LOAD_BEFORE, after $LOAD_AFTER (1/5/15 min; other work shares these cores)"
  echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per run, on the same machine as the servers"
  echo "quhua: $("$QUHUA" --version 2>/dev/null || echo '?') ($QUHUA)"
  want pygeoapi && echo "pygeoapi $PGV (SQLiteGPKG provider, gunicorn ${PYGEOAPI_WORKERS:-$(nproc)} sync workers, $("$VENV/bin/python" --version)); GeoPackage: $GPKG_ROWS divisions with a boundary"
  echo "items: $ITEMS_PATH — numberMatched quhua ${QMATCHED:-n/a}, pygeoapi ${PMATCHED:-n/a}"
  echo "search/autocomplete queries (cycled): 万州 州 重庆 wanzhou 'wan zhou' cqs 萬縣 chongqin"
  echo
  python3 - "$TMP/rows" "${QRSS:-}" "${PRSS:-}" <<'EOF'
import sys
rows = {}
for line in open(sys.argv[1]):
    n, rps, p50, p99, non2xx, err = line.split()
    rows[n] = (float(rps), float(p50), float(p99), int(non2xx), int(err))
qrss, prss = sys.argv[2], sys.argv[3]
print(f"| {'run':<20} | {'requests/s':>10} | {'p50 ms':>8} | {'p99 ms':>8} | {'non-2xx':>7} | {'sock err':>8} |")
print(f"|{'-'*22}|{'-'*12}|{'-'*10}|{'-'*10}|{'-'*9}|{'-'*10}|")
for n, (rps, p50, p99, non2xx, err) in rows.items():
    print(f"| {n:<20} | {rps:>10.0f} | {p50:>8.2f} | {p99:>8.2f} | {non2xx:>7} | {err:>8} |")
print()
if "quhua-items" in rows and "pygeoapi-items" in rows and rows["pygeoapi-items"][0] > 0:
    r = rows["quhua-items"][0] / rows["pygeoapi-items"][0]
    print(f"items throughput quhua/pygeoapi: {r:.1f}x (goal >= 10x: {'met' if r >= 10 else 'NOT met'})")
for n in ("quhua-search", "quhua-autocomplete"):
    if n in rows:
        print(f"{n} p99 {rows[n][2]:.2f} ms (goal < 10 ms: {'met' if rows[n][2] < 10 else 'NOT met'})")
if qrss:
    print(f"peak RSS quhua serve: {qrss} MB (goal < 300 MB: {'met' if int(qrss) < 300 else 'NOT met'})")
if prss:
    print(f"peak RSS pygeoapi (gunicorn master + workers, summed): {prss} MB")
bad = [n for n, r in rows.items() if r[3] or r[4]]
if bad:
    print("WARNING: non-2xx responses or socket errors in: " + ", ".join(bad) + " (see the wrk output)")
EOF
} | tee "$WORK/results.txt"
for f in "$TMP"/wrk-*.txt; do [ -e "$f" ] && cp "$f" "$WORK/"; done
say "results in $WORK/results.txt (wrk outputs beside it)"
