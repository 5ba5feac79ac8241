#!/usr/bin/env python3
"""Dirty real-data layers for the coverage benchmark, built from the boundaries quhua ships.

A web boundary set is usually simplified polygon by polygon: each polygon's share of a common
edge is simplified on its own, so the two sides no longer agree and every shared edge becomes a
ribbon of slivers (gaps) and overlaps, and some polygons cross themselves. This script makes such
layers from GeoData/cn-atlas prefectures or GeoData/us-counties:

1. every polygon is projected to metres (sinusoidal about the layer's middle meridian, false
   easting 500 km: equal-area, shapes close to the real ones) and given back a surveyed
   boundary's detail (a vertex every 25 m, wiggling up to 10 m, the same on both sides of a
   shared edge), then each ring is simplified on its own with Douglas-Peucker at the given
   tolerances in metres, not repaired afterwards (which is what leaves self-intersections);
   tile k uses tolerance k mod len(tolerances);
2. copies (tiles) are laid side by side on a grid, translated, until the layer has --polygons;
3. each polygon is densified (straight segments split evenly, which keeps the mismatch between
   neighbours) until the layer has about --vertices vertices.

Writes GeoJSON in metres, declared as EPSG:4545 (CGCS2000 3° Gauss-Krüger CM 108°E, no zone
prefix) so that `quhua validate` measures the planar coordinates as they are, and shapely uses
the same metres; the properties keep the source's code and name columns, plus `tile`.
Prints per layer: polygons, vertices, invalid polygons, overlapping pairs (polygon pairs whose
repaired copies share interior area).

    python dirty.py --source cn --polygons 3000 --vertices 1000000 --tolerances 50,200,1000 --out dirty-cn-3k.geojson
"""
import argparse
import json
import math
import sys

import numpy as np
import shapely

ROOT = __file__.rsplit("/Tools/", 1)[0]
SOURCES = {
    "cn": (f"{ROOT}/GeoData/cn-atlas/derived_prefectures.geojson", ("区划码", "code"), ("地名", "name")),
    "us": (f"{ROOT}/GeoData/us-counties/geojson-counties-fips.json", (None, "GEOID"), ("NAME", "NAME")),
}
EARTH = 6_371_000.0


def load(source):
    path, (code_in, code_out), (name_in, name_out) = SOURCES[source]
    fc = json.load(open(path, encoding="utf-8"))
    geoms, props = [], []
    for f in fc["features"]:
        g = shapely.from_geojson(json.dumps(f["geometry"]))
        p = f.get("properties") or {}
        code = p.get(code_in) if code_in else f.get("id")
        geoms.append(g)
        props.append({code_out: str(code) if code is not None else None, name_out: p.get(name_in)})
    return np.array(geoms), props


def to_metres(geoms):
    """Sinusoidal projection about the middle meridian, false easting 500 km."""
    xmin, _, xmax, _ = shapely.total_bounds(geoms)
    lon0 = (xmin + xmax) / 2

    def project(c):
        lon, lat = c[:, 0], c[:, 1]
        phi = np.radians(lat)
        return np.column_stack([500_000 + EARTH * np.radians(lon - lon0) * np.cos(phi), EARTH * phi])

    return shapely.transform(geoms, project)


def detail(geoms, spacing, amplitude):
    """The shipped layers are already coarse (vertices about 1 km apart), so a 50 m simplification
    would leave most shared edges alone. Give them back the detail of a surveyed boundary first:
    a vertex every `spacing` metres, each moved by up to `amplitude` metres by a hash of its own
    position, so that both polygons along a shared edge get the very same wiggles."""
    dense = shapely.segmentize(geoms, spacing)

    def wiggle(c):
        key = np.round(c * 100).astype(np.int64)
        h = (key[:, 0] * 73856093) ^ (key[:, 1] * 19349663)
        u = ((h & 0xFFFF) / 0xFFFF) * 2 - 1
        v = (((h >> 16) & 0xFFFF) / 0xFFFF) * 2 - 1
        return c + amplitude * np.column_stack([u, v])

    return shapely.transform(dense, wiggle)


def simplify_each(geoms, tolerance):
    """Douglas-Peucker on every ring by itself: no polygon knows its neighbours, as in a web
    boundary set, and no repair afterwards (shapely's polygon simplify would buffer the result
    valid), so rings may cross themselves as they do in such sets."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    rings, part_of = shapely.get_rings(parts, return_index=True)
    lines = shapely.linestrings(shapely.get_coordinates(rings), indices=shapely.get_coordinates(rings, return_index=True)[1])
    simple = shapely.simplify(lines, tolerance, preserve_topology=False)
    out = []
    for k, part in enumerate(parts):
        mine = np.nonzero(part_of == k)[0]
        shells = []
        for j, r in enumerate(mine):
            c = shapely.get_coordinates(simple[r])
            if len(c) < 4 or not np.array_equal(c[0], c[-1]):
                c = shapely.get_coordinates(rings[r])        # a ring simplified away keeps its shape
            shells.append(c)
        if shapely.Polygon(shells[0]).area <= 0:
            shells[0] = shapely.get_coordinates(rings[mine[0]])
        out.append(shapely.Polygon(shells[0], [h for h in shells[1:] if shapely.Polygon(h).area > 0]))
    out = np.array(out)
    result = []
    for i in range(len(geoms)):
        mine = out[owner == i]
        result.append(mine[0] if len(mine) == 1 else shapely.MultiPolygon(list(mine)))
    return np.array(result)


def tile(base_layers, props, polygons):
    """Copies side by side on a grid until there are `polygons` polygons."""
    xmin, ymin, xmax, ymax = shapely.total_bounds(base_layers[0])
    width, height = xmax - xmin, ymax - ymin
    n = len(base_layers[0])
    copies = max(1, round(polygons / n))
    columns = math.ceil(math.sqrt(copies))
    out, out_props = [], []
    for k in range(copies):
        row, col = divmod(k, columns)
        dx, dy = col * width * 1.05, row * height * 1.05
        layer = base_layers[k % len(base_layers)]
        out.append(shapely.transform(layer, lambda c, dx=dx, dy=dy: c + np.array([dx, dy])))
        out_props += [dict(p, tile=k) for p in props]
    return np.concatenate(out), out_props


def densify(geoms, vertices):
    have = int(shapely.get_num_coordinates(geoms).sum())
    if vertices <= have:
        return geoms
    perimeter = float(shapely.length(shapely.boundary(geoms)).sum())
    step = perimeter / (vertices - have)
    return shapely.segmentize(geoms, step)


def describe(name, geoms):
    valid = shapely.is_valid(geoms)
    repaired = np.where(valid, geoms, shapely.make_valid(geoms))
    repaired = np.array([shapely.union_all(shapely.get_parts(g)[shapely.get_type_id(shapely.get_parts(g)) >= 3])
                         if shapely.get_type_id(g) == 7 else g for g in repaired])
    tree = shapely.STRtree(repaired)
    left, right = tree.query(repaired, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    # Pairs whose intersection has area (more than touching edges).
    areas = shapely.area(shapely.intersection(repaired[left], repaired[right]))
    overlapping = int((areas > 0).sum())
    return {"layer": name, "polygons": len(geoms), "vertices": int(shapely.get_num_coordinates(geoms).sum()),
            "invalid": int((~valid).sum()), "overlapping_pairs": overlapping, "neighbour_pairs": int(len(left))}


def write(path, geoms, props):
    rounded = shapely.transform(geoms, lambda c: np.round(c, 3))
    texts = shapely.to_geojson(rounded)
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","name":"dirty","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4545"}},"features":[\n')
        for i, (g, p) in enumerate(zip(texts, props)):
            f.write(("," if i else "") + '{"type":"Feature","properties":' + json.dumps(p, ensure_ascii=False) + ',"geometry":' + g + "}\n")
        f.write("]}\n")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--source", choices=sorted(SOURCES), required=True)
    p.add_argument("--polygons", type=int, required=True, help="about this many polygons (whole copies of the source)")
    p.add_argument("--vertices", type=int, required=True, help="densify to about this many vertices")
    p.add_argument("--tolerances", default="50,200,1000", help="simplification tolerances in metres, one per tile in turn")
    p.add_argument("--detail-spacing", type=float, default=25, help="metres between the vertices of the detailed source")
    p.add_argument("--detail-amplitude", type=float, default=10, help="how far (m) each detailed vertex wiggles")
    p.add_argument("--out", required=True)
    p.add_argument("--stats", help="also write the layer's statistics here (JSON)")
    a = p.parse_args()
    geoms, props = load(a.source)
    metric = detail(to_metres(geoms), a.detail_spacing, a.detail_amplitude)
    tolerances = [float(t) for t in a.tolerances.split(",")]
    bases = [simplify_each(metric, t) for t in tolerances]
    layer, layer_props = tile(bases, props, a.polygons)
    layer = densify(layer, a.vertices)
    write(a.out, layer, layer_props)
    stats = describe(a.out, layer)
    stats["tolerances_m"] = tolerances
    print(json.dumps(stats), file=sys.stderr)
    if a.stats:
        json.dump(stats, open(a.stats, "w"))


if __name__ == "__main__":
    main()
