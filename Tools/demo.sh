#!/usr/bin/env bash
# The main job on the shipped GeoData: what `make demo` runs. Grows with each capability.
#   usage: Tools/demo.sh BIN OUTDIR
set -uo pipefail
BIN="$1"; OUT="$2"
mkdir -p "$OUT"
section() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

section "quhua"
"$BIN" --version

section "Invalid geometries in the shipped prefecture layer (cn-atlas, 372 prefectures)"
"$BIN" validate GeoData/cn-atlas/derived_prefectures.geojson
status=$?
# exit 1 means findings were reported, which is the expected answer here
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then exit "$status"; fi
"$BIN" validate --format json GeoData/cn-atlas/derived_prefectures.geojson > "$OUT/prefecture-findings.json" || true
echo "(JSON report written to $OUT/prefecture-findings.json)"

section "Formats and frames: the prefecture layer for GIS desktops and web maps"
# A GeoPackage in CGCS2000 for QGIS/ArcGIS (the layer is CGCS2000 longitude/latitude).
"$BIN" convert GeoData/cn-atlas/derived_prefectures.geojson "$OUT/prefectures.gpkg" --from-crs CGCS2000 --layer-name prefectures || exit 3
# GeoJSON in GCJ-02 for Chinese web maps (AMap, Tencent), 6 decimals (about 0.1 m).
"$BIN" convert "$OUT/prefectures.gpkg" "$OUT/prefectures-gcj02.geojson" --to-crs GCJ-02 --precision 6 || exit 3
# Central Shaanxi (Xi'an, Tongchuan, Baoji, Xianyang, Weinan) in the 3° Gauss-Krüger zone of CM 108°E,
# as a GBK Shapefile bundle for surveyors.
"$BIN" convert "$OUT/prefectures.gpkg" "$OUT/shaanxi-gk3-cm108.shp" --where "区划码 in (610100, 610200, 610300, 610400, 610500)" \
  --to-crs CGCS2000-GK3-CM108 --encoding GBK --zip || exit 3
# The provinces from the TopoJSON atlas, as KMZ with one folder per province, for Google Earth.
"$BIN" convert GeoData/cn-atlas/cn-atlas.json "$OUT/provinces.kmz" --layer provinces --from-crs CGCS2000 --name-field 地名 || exit 3

section "The validation findings as error layers (GeoPackage and GeoJSON)"
"$BIN" export findings "$OUT/prefecture-findings.json" --format gpkg -o "$OUT/prefecture-findings.gpkg" --from-crs CGCS2000 || exit 3
"$BIN" export findings "$OUT/prefecture-findings.json" --format geojson -o "$OUT/prefecture-findings.geojson" --from-crs CGCS2000 || exit 3

if command -v ogrinfo >/dev/null; then
  section "GDAL opens what quhua wrote"
  for f in "$OUT/prefectures.gpkg" "$OUT/prefectures-gcj02.geojson" "/vsizip/$OUT/shaanxi-gk3-cm108.zip" "$OUT/prefecture-findings.gpkg"; do
    printf '%s: ' "$f"; ogrinfo -so -al "$f" | grep -E "Feature Count" | tr '\n' ' '; echo
  done
  validator=/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py
  if [ -f "$validator" ]; then
    for f in "$OUT/prefectures.gpkg" "$OUT/prefecture-findings.gpkg"; do
      python3 "$validator" "$f" && echo "validate_gpkg: $f is a valid GeoPackage"
    done
  fi
fi

section "Boundary survey: the faulty sample (GeoData/samples/faulty, one fault injected per rule)"
S=GeoData/samples/faulty
"$BIN" validate "$S/lines.geojson" "$S/markers.csv" "$S/divisions.geojson" | sed -n '1,/^Findings/p'
"$BIN" validate --format html -o "$OUT/survey-report.html" "$S/lines.geojson" "$S/markers.csv" "$S/divisions.geojson"
"$BIN" validate --format json -o "$OUT/survey-findings.json" "$S/lines.geojson" "$S/markers.csv" "$S/divisions.geojson"
"$BIN" validate --format geojson -o "$OUT/survey-findings.geojson" "$S/lines.geojson" "$S/markers.csv" "$S/divisions.geojson"
echo "(HTML report: $OUT/survey-report.html; open the GeoJSON error layer in QGIS over the survey)"
# The same findings as a GeoPackage error layer (in the survey's CGCS2000 zone) and as KML for Google Earth.
"$BIN" export findings "$OUT/survey-findings.json" --format gpkg -o "$OUT/survey-findings.gpkg" || exit 3
"$BIN" export findings "$OUT/survey-findings.json" --format kml -o "$OUT/survey-findings.kml" || exit 3

section "Boundary survey: the clean sample"
S=GeoData/samples/clean
"$BIN" validate "$S/lines.geojson" "$S/markers.csv" "$S/divisions.geojson"
status=$?
if [ "$status" -ne 0 ]; then echo "the clean sample should give no finding (exit $status)"; exit 1; fi

section "Joint inspection: the 2025 survey of the Shaanxi sample against the 2020 record"
SAMPLE=GeoData/samples/inspection
"$BIN" inspect --before "$SAMPLE/before" --after "$SAMPLE/after" --profile "$SAMPLE/profile.json" \
    --format html -o "$OUT/inspection-report.html"
status=$?
# exit 1 means changes were found, which is the expected answer here
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then exit "$status"; fi
"$BIN" inspect --before "$SAMPLE/before" --after "$SAMPLE/after" --profile "$SAMPLE/profile.json" \
    | sed -n '/^Summary/,/^$/p'
echo "(HTML report written to $OUT/inspection-report.html)"

section "The upkeep register: marker 0004-001 from the 2020 record through a patrol and a repair to the 2025 survey"
# A fresh register each run (docs/register.md walks through the same steps).
REG="$OUT/register.sqlite"; rm -rf "$REG" "$REG-wal" "$REG-shm" "$OUT/photos"
R=(--db "$REG" --actor demo)
"$BIN" register import "$SAMPLE/before" --date 2020-06-18 --agreement "陕界〔2020〕1号" --parties "陕西省;山西省" "${R[@]}" || exit 3
"$BIN" register unit add 长安区界线办 --level county --division 610116 "${R[@]}" >/dev/null || exit 3
"$BIN" register assign --unit 长安区界线办 --line 0004 --from 2020-07-01 "${R[@]}" >/dev/null || exit 3
"$BIN" register patrol add --date 2023-04-02 --patroller 王五 --marker 0004-001:moved:桩体移位 \
    --measured 0004-001=499937.560,3780802.270 --marker 0004-002:intact --client-id demo-0001 "${R[@]}" || exit 3
"$BIN" register order open --patrol 1 --marker 0004-001 --date 2023-04-03 "${R[@]}" >/dev/null || exit 3
"$BIN" register order assign 1 --to 赵六 --date 2023-04-05 "${R[@]}" >/dev/null || exit 3
"$BIN" register order done 1 --replaced-at 499936.660,3780801.070 --date 2023-05-10 "${R[@]}" >/dev/null || exit 3
"$BIN" register order verify 1 --date 2023-05-20 "${R[@]}" >/dev/null || exit 3
"$BIN" register event add 0005 --date 2023-07-30 --kind flood --note 渭河洪水 "${R[@]}" >/dev/null || exit 3
"$BIN" register import "$SAMPLE/after" --date 2025-06-18 --agreement "陕界〔2025〕1号" "${R[@]}" || exit 3
"$BIN" register show 0004-001 "${R[@]}" || exit 3
"$BIN" register report --division 610100 --at 2025-01-01 --db "$REG" || exit 3
"$BIN" register report --division 610100 --at 2025-01-01 --format html -o "$OUT/register-610100.html" --db "$REG" || exit 3

section "Gazetteer: division history 1981-2024, townships, GeoNames names, prefecture polygons"
# Built from GeoData into out/demo on the first demo (about a minute), then reused.
DB="$OUT/gazetteer.sqlite"
if [ ! -s "$DB" ]; then "$BIN" import geodata --db "$DB" || exit 3; fi
echo "\$ quhua search 万州"; "$BIN" search 万州 --limit 3 --db "$DB" || exit 3
echo "\$ quhua search chongqin      (a misspelt pinyin)"; "$BIN" search chongqin --limit 2 --db "$DB" || exit 3
echo "\$ quhua search 萬縣          (traditional characters)"; "$BIN" search 萬縣 --limit 2 --db "$DB" || exit 3
echo "\$ quhua history 万县"; "$BIN" history 万县 --db "$DB" || exit 3
echo "\$ quhua tree --at 1996 --root 510000   (Sichuan before Chongqing left it; first lines)"
"$BIN" tree --at 1996 --root 510000 --db "$DB" | head -8
echo "\$ quhua reverse 106.57 29.56   (Yuzhong, Chongqing)"; "$BIN" reverse 106.57 29.56 --db "$DB" || exit 3

section "Checks for proposed names (docs/naming-checks.md): exit 1 on an error finding, 0 otherwise"
echo "\$ quhua naming check 泰白街道 --within 500101   (sounds like 太白街道)"
"$BIN" naming check 泰白街道 --within 500101 --db "$DB"; status=$?
[ "$status" -eq 1 ] || { echo "expected exit 1, got $status"; exit 3; }
echo "\$ quhua naming check 龙萨镇 --within 500101   (near-homophone of 龙沙镇: a warning)"
"$BIN" naming check 龙萨镇 --within 500101 --db "$DB" || exit 3
echo "\$ quhua naming check 威尼斯花园 --within 500103001000 --category housing-estate"
"$BIN" naming check 威尼斯花园 --within 500103001000 --category housing-estate --db "$DB"; status=$?
[ "$status" -eq 1 ] || { echo "expected exit 1, got $status"; exit 3; }

section "The standard gazetteer book of Chongqing (标准地名录): HTML, PDF, checked; a page as PNG"
QUHUA_DB="$DB" bash Tools/book/run.sh "$BIN" "$OUT/book" || exit 3

section "Gazetteer exports: today's prefectures with boundaries, and Chongqing in 1997 as Linked Places"
"$BIN" export --format gpkg --level prefecture -o "$OUT/prefectures-gazetteer.gpkg" --db "$DB" || exit 3
"$BIN" export --format lpf --at 1997-07-01 --within 500000 -o "$OUT/chongqing-1997.lpf.json" --db "$DB" || exit 3
if command -v ogrinfo >/dev/null; then
  printf '%s: ' "$OUT/prefectures-gazetteer.gpkg"; ogrinfo -so -al "$OUT/prefectures-gazetteer.gpkg" | grep -E "Feature Count" | tr '\n' ' '; echo
  validator=/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py
  if [ -f "$validator" ]; then
    python3 "$validator" "$OUT/prefectures-gazetteer.gpkg" && echo "validate_gpkg: $OUT/prefectures-gazetteer.gpkg is a valid GeoPackage"
  fi
fi

section "quhua serve: OGC API – Features, the gazetteer API and the web app (a short tour)"
"$BIN" serve --port 0 --db "$DB" --survey GeoData/samples/clean >"$OUT/serve.log" 2>&1 &
SERVER=$!
URL=""
for _ in $(seq 1 60); do
  URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$OUT/serve.log" | head -1 || true)
  [ -n "$URL" ] && break
  sleep 0.5
done
if [ -z "$URL" ]; then cat "$OUT/serve.log"; kill "$SERVER" 2>/dev/null; exit 3; fi
echo "server at $URL (web app $URL/app/)"
echo "\$ curl '$URL/autocomplete?q=cqs'"; curl -s "$URL/autocomplete?q=cqs"; echo
echo "\$ curl '$URL/collections/divisions/items?datetime=1996-12-31&bbox=106.4,29.4,106.7,29.7'   (重庆市 in 1996)"
curl -s "$URL/collections/divisions/items?datetime=1996-12-31&bbox=106.4,29.4,106.7,29.7&limit=3" \
  | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['numberMatched'], 'matched;', [(f['properties']['code'], f['properties']['name'], f['properties']['parent_name']) for f in d['features']])"
echo "\$ curl '$URL/collections/divisions/items?bbox=1,2,3'   (a bad request: problem details)"; curl -s "$URL/collections/divisions/items?bbox=1,2,3"; echo
if command -v chromium >/dev/null; then
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,800 --virtual-time-budget=8000 \
    --screenshot="$OUT/webapp.png" "$URL/app/" >/dev/null 2>&1 && echo "screenshot of the web app: $OUT/webapp.png"
fi
kill -TERM "$SERVER"; wait "$SERVER" && echo "server stopped (SIGTERM, exit 0)"
