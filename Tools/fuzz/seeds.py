"""Valid seed files for the fuzzer, made from the shipped GeoData by `quhua convert`.

Every source below is converted into every format the fuzzer mutates. Sources are kept small
(a few features each, chosen with --where) so that one run of `quhua convert` stays fast and
mutations land in interesting bytes rather than in the middle of a long coordinate list.
"""

import os
import shutil
import subprocess

# (name, input path relative to the repository, extra convert arguments)
SOURCES = [
    ("divisions", "GeoData/samples/clean/divisions.geojson", []),
    ("lines", "GeoData/samples/faulty/lines.geojson", []),
    ("markers", "GeoData/samples/clean/markers.csv", ["--from-crs", "CGCS2000-GK3-CM108"]),
    ("prefectures", "GeoData/cn-atlas/derived_prefectures.geojson",
     ["--where", "区划码 in ('110000', '120000', '710000', '810000', '820000')"]),
    ("counties", "GeoData/us-counties/geojson-counties-fips.json", ["--where", "STATE = '11' or STATE = '44'"]),
    ("provinces", "GeoData/cn-atlas/cn-atlas.json", ["--layer", "provinces", "--where", "区划码 in ('110000', '460000', '710000')"]),
]

# Format name -> (output file name pattern, extra convert arguments). `shp` is a folder of
# .shp/.shx/.dbf/.prj/.cpg, `shpzip` the same zipped.
FORMATS = {
    "geojson": ("{}.geojson", []),
    "gpkg": ("{}.gpkg", []),
    "shp": ("{}/{}.shp", ["--encoding", "GBK"]),
    "shpzip": ("{}.zip", ["--zip"]),
    "kml": ("{}.kml", []),
    "kmz": ("{}.kmz", []),
    "csv": ("{}.csv", []),
    "topojson": ("{}.topojson", []),
}


def seed_paths(quhua, repo, folder, fmt, log):
    """Makes (once) and returns the seed inputs of `fmt`: a list of file paths (for `shp`, the .shp)."""
    out_dir = os.path.join(folder, "seeds", fmt)
    done = os.path.join(out_dir, ".complete")
    if not os.path.exists(done):
        shutil.rmtree(out_dir, ignore_errors=True)
        os.makedirs(out_dir)
        pattern, extra = FORMATS[fmt]
        for name, source, args in SOURCES:
            target = os.path.join(out_dir, pattern.format(name, name))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            command = [quhua, "convert", os.path.join(repo, source), target] + args + extra
            result = subprocess.run(command, capture_output=True, text=True, timeout=300)
            if result.returncode != 0:
                log(f"seed {fmt}/{name}: quhua convert failed ({result.returncode}): {result.stderr.strip()}")
        open(done, "w").close()
    pattern, _ = FORMATS[fmt]
    paths = [os.path.join(out_dir, pattern.format(name, name)) for name, _, _ in SOURCES]
    return [p for p in paths if os.path.exists(p)]
