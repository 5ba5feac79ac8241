#!/usr/bin/env bash
# OGC API – Features Part 1 conformance: the `ogctests` suite (PyPI, pinned) `features/core`
# against a running server.
#   usage: bash Tools/ogc/run-ogctests.sh [--junit FILE] URL       e.g. http://127.0.0.1:8080
# Creates (once) a venv at $ROOT/.build-venv-ogc. Prints one summary line
#   ogctests features/core: N passed, M failed, K skipped
# and the names of failing tests. Exit code 0 whenever the suite ran (failures included: the
# caller decides what they mean); non-zero only when it could not run (no python, pip failure,
# server unreachable, pytest internal/usage error).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="${OGC_VENV:-$ROOT/.build-venv-ogc}"
OGCTESTS_VERSION="0.1.15"

die() { echo "run-ogctests: $*" >&2; exit 2; }
usage() { echo "usage: $0 [--junit FILE] URL" >&2; exit 2; }

JUNIT="" URL=""
while [ $# -gt 0 ]; do
  case "$1" in
    --junit) [ $# -ge 2 ] || usage; JUNIT="$2"; shift 2 ;;
    --junit=*) JUNIT="${1#--junit=}"; shift ;;
    -h|--help) usage ;;
    -*) echo "run-ogctests: unknown option $1" >&2; usage ;;
    *) [ -z "$URL" ] || usage; URL="$1"; shift ;;
  esac
done
[ -n "$URL" ] || usage
URL="${URL%/}"

command -v python3 >/dev/null || die "python3 is not installed (Debian: apt-get install python3 python3-venv)"

# The venv: created once, rebuilt if the pinned ogctests is missing (e.g. an interrupted install).
if ! "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('ogctests') != '$OGCTESTS_VERSION')" 2>/dev/null; then
  echo "run-ogctests: creating $VENV (ogctests==$OGCTESTS_VERSION from PyPI)" >&2
  rm -rf "$VENV"
  python3 -m venv "$VENV" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$VENV/bin/pip" install -q --disable-pip-version-check "ogctests==$OGCTESTS_VERSION" \
    || { rm -rf "$VENV"; die "pip install ogctests==$OGCTESTS_VERSION failed"; }
fi
PY="$VENV/bin/python"
PKG="$("$PY" -c 'import ogctests,os;print(os.path.dirname(ogctests.__file__))')" \
  || die "cannot import ogctests from $VENV"
[ -d "$PKG/features/core" ] || die "$PKG/features/core is missing"

# The suite's session fixtures swallow connection errors into confusing failures: check first.
"$PY" - "$URL" <<'EOF' || die "server not reachable at $URL"
import sys, httpx
try:
    r = httpx.get(sys.argv[1] + "/", headers={"Accept": "application/json"}, timeout=10)
except httpx.HTTPError as e:
    print(f"run-ogctests: GET {sys.argv[1]}/: {e}", file=sys.stderr); sys.exit(1)
EOF

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
XML="$WORK/junit.xml"

# `python -m ogctests` does not load the package's own conftest (fixture 'http_client' not found),
# so run pytest on the package directory and load that conftest as a plugin. Run from an empty
# directory so no project pytest configuration applies, and write no cache into site-packages.
set +e
( cd "$WORK" && INSTANCE_URL="$URL" PYTHONDONTWRITEBYTECODE=1 "$PY" -m pytest "$PKG/features/core" \
    -p ogctests.conftest --confcutdir "$PKG/features" -p no:cacheprovider --rootdir "$WORK" -q -rfEs --tb=line \
    --junitxml "$XML" -o junit_family=xunit2 ) >"$WORK/pytest.log" 2>&1
RC=$?
set -e
# pytest exit codes: 0 all passed, 1 some failed, 5 none collected; 2/3/4 = could not run.
if [ "$RC" -ne 0 ] && [ "$RC" -ne 1 ] || [ ! -s "$XML" ]; then
  cat "$WORK/pytest.log" >&2
  die "pytest could not run the suite (exit $RC)"
fi
[ -n "${OGC_VERBOSE:-}" ] && cat "$WORK/pytest.log"
[ -n "$JUNIT" ] && { mkdir -p "$(dirname "$JUNIT")"; cp "$XML" "$JUNIT"; }

"$PY" - "$XML" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
passed = failed = skipped = 0
failures, skips = [], []
for case in root.iter("testcase"):
    name = case.get("classname", "").rsplit(".", 1)[-1] + "::" + case.get("name", "")
    bad = case.find("failure") if case.find("failure") is not None else case.find("error")
    if bad is not None:
        failed += 1
        msg = (bad.get("message") or "").strip().splitlines()
        failures.append((name, msg[0][:200] if msg else ""))
    elif case.find("skipped") is not None:
        skipped += 1
        skips.append((name, (case.find("skipped").get("message") or "").strip()[:200]))
    else:
        passed += 1
print(f"ogctests features/core: {passed} passed, {failed} failed, {skipped} skipped")
for name, msg in failures:
    print(f"  FAILED  {name}: {msg}")
for name, msg in skips:
    print(f"  skipped {name}: {msg}")
EOF
