"""Turning a seed into a mutated input on disk, per format.

Plain files (GeoJSON, CSV, TopoJSON, KML) are mutated as bytes. Containers get structure-aware
mutations too, so that mutations reach the readers behind them rather than only the wrapper:

- shp: one of the .shp/.shx/.dbf/.prj/.cpg files of the folder is mutated;
- zip bundles and KMZ: either the archive's bytes, or one member's bytes re-zipped;
- GeoPackage: either the file's bytes, or (through sqlite3) a geometry blob, an attribute or a
  row of the GeoPackage metadata tables.
"""

import io
import os
import shutil
import sqlite3
import zipfile

import mutators

KIND = {"geojson": "text", "csv": "text", "topojson": "text", "kml": "xml"}


def write_case(rng, fmt, seed, other_seed, case_dir):
    """Writes one mutated input into `case_dir`; returns (path to pass to quhua, description)."""
    if fmt == "shp":
        return _shp(rng, seed, other_seed, case_dir)
    if fmt in ("shpzip", "kmz"):
        return _zip(rng, fmt, seed, other_seed, case_dir)
    if fmt == "gpkg":
        return _gpkg(rng, seed, other_seed, case_dir)
    data, names = mutators.mutate(rng, _read(seed), _read(other_seed), KIND[fmt])
    target = os.path.join(case_dir, "input" + os.path.splitext(seed)[1])
    _write(target, data)
    return target, "+".join(names)


def _read(path):
    with open(path, "rb") as f:
        return f.read()


def _write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def _shp(rng, seed, other_seed, case_dir):
    stem = os.path.splitext(seed)[0]
    other_stem = os.path.splitext(other_seed)[0]
    members = [e for e in (".shp", ".shx", ".dbf", ".prj", ".cpg") if os.path.exists(stem + e)]
    weights = {".shp": 4, ".shx": 2, ".dbf": 4, ".prj": 1, ".cpg": 1}
    victim = rng.choices(members, [weights[m] for m in members])[0]
    for ext in members:
        shutil.copy(stem + ext, os.path.join(case_dir, "input" + ext))
    if rng.random() < 0.05:
        os.remove(os.path.join(case_dir, "input" + victim))
        return os.path.join(case_dir, "input.shp"), f"remove {victim}"
    other = _read(other_stem + victim) if os.path.exists(other_stem + victim) else b""
    kind = "text" if victim in (".prj", ".cpg") else "binary"
    data, names = mutators.mutate(rng, _read(stem + victim), other, kind)
    _write(os.path.join(case_dir, "input" + victim), data)
    return os.path.join(case_dir, "input.shp"), f"{victim}: " + "+".join(names)


def _zip(rng, fmt, seed, other_seed, case_dir):
    target = os.path.join(case_dir, "input" + os.path.splitext(seed)[1])
    if rng.random() < 0.3:
        data, names = mutators.mutate(rng, _read(seed), _read(other_seed), "binary")
        _write(target, data)
        return target, "archive: " + "+".join(names)
    with zipfile.ZipFile(seed) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(other_seed) as z:
        others = {i.filename.rsplit(".", 1)[-1]: z.read(i.filename) for i in z.infolist()}
    k = rng.randrange(len(entries))
    name, data = entries[k]
    ext = name.rsplit(".", 1)[-1].lower()
    kind = "xml" if ext == "kml" else "text" if ext in ("prj", "cpg") else "binary"
    data, names = mutators.mutate(rng, data, others.get(ext, b""), kind)
    entries[k] = (name, data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in entries:
            z.writestr(n, d)
    _write(target, buffer.getvalue())
    return target, f"{name}: " + "+".join(names)


def _gpkg(rng, seed, other_seed, case_dir):
    target = os.path.join(case_dir, "input.gpkg")
    if rng.random() < 0.25:
        data, names = mutators.mutate(rng, _read(seed), _read(other_seed), "binary")
        _write(target, data)
        return target, "file: " + "+".join(names)
    shutil.copy(seed, target)
    db = sqlite3.connect(target)
    try:
        # The R-tree triggers call GeoPackage SQL functions Python's sqlite3 lacks.
        for (trigger,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            db.execute(f'DROP TRIGGER "{trigger}"')
        table, column = db.execute("SELECT table_name, column_name FROM gpkg_geometry_columns").fetchone()
        what = rng.random()
        if what < 0.6:
            rows = db.execute(f'SELECT rowid, "{column}" FROM "{table}"').fetchall()
            rowid, blob = rng.choice(rows)
            data, names = mutators.mutate(rng, bytes(blob or b""), b"", "binary")
            db.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (data, rowid))
            description = f"geometry of row {rowid}: " + "+".join(names)
        elif what < 0.8:
            columns = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")').fetchall() if r[1] != column]
            col = rng.choice(columns)
            value = rng.choice([float("nan"), float("inf"), -0.0, 1e308, 2**63 - 1, b"\xff\xfe", "\x00", "x" * 100000,
                                None, "\udcff".encode("utf-8", "surrogatepass")])
            db.execute(f'UPDATE "{table}" SET "{col}" = ? WHERE rowid = (SELECT min(rowid) FROM "{table}")', (value,))
            description = f"attribute {col} = {value!r:.40}"
        else:
            meta = rng.choice([("gpkg_contents", "min_x"), ("gpkg_geometry_columns", "geometry_type_name"),
                               ("gpkg_geometry_columns", "srs_id"), ("gpkg_spatial_ref_sys", "definition"),
                               ("gpkg_contents", "table_name"), ("gpkg_geometry_columns", "column_name"),
                               ("gpkg_spatial_ref_sys", "srs_id")])
            value = rng.choice(["", "nope", 1e999, -1, 99999, None, b"\xff", "POINT"])
            db.execute(f'UPDATE "{meta[0]}" SET "{meta[1]}" = ?', (value,))
            description = f"{meta[0]}.{meta[1]} = {value!r:.40}"
        db.commit()
    finally:
        db.close()
    return target, description
