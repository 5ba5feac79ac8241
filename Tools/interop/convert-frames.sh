#!/usr/bin/env bash
# quhua convert on the shipped prefectures into every frame and every format, each result opened
# by GDAL's ogrinfo (feature count, CRS) and every GeoPackage checked by validate_gpkg.py.
#   usage: Tools/interop/convert-frames.sh [BIN]      (default .build/debug/quhua)
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN="${1:-.build/debug/quhua}"
OUT=$(mktemp -d "${TMPDIR:-/tmp}/quhua-frames.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
VALIDATE=/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py
command -v ogrinfo >/dev/null || { echo "convert-frames: ogrinfo not found (Tools/bootstrap.sh installs gdal-bin)"; exit 1; }

# Central Shaanxi lies inside 3° zone CM 108°E and 6° zone CM 111°E.
SRC="$OUT/shaanxi.gpkg"
"$BIN" convert GeoData/cn-atlas/derived_prefectures.geojson "$SRC" --from-crs CGCS2000 \
  --where "区划码 in (610100, 610200, 610300, 610400, 610500)" >/dev/null || exit 1

pass=0; fail=0
check() {   # file, expected count, what ogrinfo must mention
  local file=$1 count=$2 crs=$3 info
  info=$(ogrinfo -so -al "$file" 2>&1)
  local got; got=$(grep -o "Feature Count: [0-9]*" <<<"$info" | awk '{s+=$3} END {print s+0}')
  if [ "$got" = "$count" ] && grep -q -- "$crs" <<<"$info"; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL $file: count $got (want $count), CRS mention \"$crs\""; fi
  if [[ "$file" == *.gpkg ]] && [ -f "$VALIDATE" ]; then
    if python3 "$VALIDATE" "$file" >/dev/null 2>&1; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL validate_gpkg $file"; fi
  fi
}

for frame in CGCS2000:4490 WGS84:4326 WebMercator:3857 CGCS2000-GK3-CM108:4545 CGCS2000-GK3-Z36:4524 CGCS2000-GK6-CM111:4508 GCJ-02:GCJ; do
  name=${frame%%:*}; code=${frame##*:}
  mention="EPSG\",$code"; [ "$code" = GCJ ] && mention="GCJ"
  for ext in gpkg shp geojson csv topojson; do
    out="$OUT/$name.$ext"
    "$BIN" convert "$SRC" "$out" --to-crs "$name" >/dev/null || { fail=$((fail+1)); echo "FAIL convert $name $ext"; continue; }
    case $ext in
      gpkg) check "$out" 5 "$mention" ;;
      shp) check "$out" 5 "$mention" ;;   # GDAL identifies the ESRI .prj as the EPSG CRS
      geojson) [ "$name" = WGS84 ] || [ "$name" = GCJ-02 ] && check "$out" 5 "WGS 84" || check "$out" 5 "$mention" ;;
      *) check "$out" 5 "" ;;
    esac
  done
  # KML is WGS 84 longitude/latitude only: quhua converts whatever the source frame.
  "$BIN" convert "$OUT/$name.gpkg" "$OUT/$name.kmz" >/dev/null && check "$OUT/$name.kmz" 5 "WGS 84" || { fail=$((fail+1)); echo "FAIL kmz from $name"; }
done
if [ "$fail" -eq 0 ]; then
  echo "convert-frames: all $pass GDAL checks of quhua convert's output are good"
else
  echo "convert-frames: $fail of $((pass + fail)) GDAL checks of quhua convert's output went wrong"
  exit 1
fi
