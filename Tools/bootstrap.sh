#!/usr/bin/env bash
# Installs the system packages quhua needs, and only those that are missing.
# Debian/Ubuntu (apt-get); run as root or with sudo available.
set -euo pipefail

# Required to build and test.
REQUIRED=(pkg-config libgeos-dev libproj-dev proj-data proj-bin libsqlite3-dev)
# Interoperability checks (ogrinfo, validate_gpkg.py) and the Unihan readings; the server's
# checks: Python venvs for ogctests and Selenium, headless Chromium and its driver, curl, and CJK
# fonts so that screenshots of the web app show Chinese text.
OPTIONAL=(gdal-bin python3-gdal python3-venv chromium chromium-driver curl fonts-noto-cjk poppler-utils)

missing=()
for p in "${REQUIRED[@]}" "${OPTIONAL[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "bootstrap: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "bootstrap: need root to install ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
