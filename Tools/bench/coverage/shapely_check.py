#!/usr/bin/env python3
"""The shapely 2.x coverage pipeline the quhua check is compared with, on the same layer.

1. coverage_invalid_edges(polygons)   (GEOS >= 3.12 CoverageValidator; gap_width 0)
   and is_valid(polygons) (the polygons that are invalid themselves)
2. coverage_is_valid(polygons)
3. gaps from a union: coverage_union_all when the coverage is valid, else union_all of the
   make_valid'd polygons; every hole of the union whose maximum inscribed circle is narrower
   than the gap width is a gap, and the polygons sharing a stretch of boundary with it are flagged.

With --no-gaps only step 1 runs (the cheap pipeline quhua's whole check is held against).

Prints one JSON line with the timings and writes the flagged polygon indices (0-based), one per line.

    python shapely_check.py layer.wkbs --gap-width 1 --flagged out.txt
"""
import argparse
import json
import struct
import time

import numpy as np
import shapely


def read(path):
    if path.endswith(".wkbs"):
        data = open(path, "rb").read()
        out, o = [], 0
        while o + 4 <= len(data):
            (n,) = struct.unpack_from("<I", data, o)
            out.append(data[o + 4:o + 4 + n])
            o += 4 + n
        return shapely.from_wkb(out)
    # GEOS's GeoJSON reader: a FeatureCollection comes back as a collection of the features' geometries.
    with open(path, encoding="utf-8") as f:
        return shapely.get_parts(shapely.from_geojson(f.read()))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("layer")
    p.add_argument("--gap-width", type=float, required=True, help="in the layer's units")
    p.add_argument("--flagged")
    p.add_argument("--no-gaps", action="store_true", help="only validity and coverage_invalid_edges")
    a = p.parse_args()
    t = time.perf_counter()
    geoms = read(a.layer)
    load = time.perf_counter() - t

    t = time.perf_counter()
    edges = shapely.coverage_invalid_edges(geoms)
    t_edges = time.perf_counter() - t
    flagged = set(np.nonzero(~shapely.is_empty(edges) & ~shapely.is_missing(edges))[0].tolist())

    t = time.perf_counter()
    invalid = int((~shapely.is_valid(geoms)).sum())
    t_validity = time.perf_counter() - t
    if a.no_gaps:
        if a.flagged:
            with open(a.flagged, "w") as f:
                f.writelines(f"{i}\n" for i in sorted(flagged))
        print(json.dumps({"input": a.layer, "polygons": len(geoms), "vertices": int(shapely.get_num_coordinates(geoms).sum()),
                          "invalid_polygons": invalid, "invalid_edge_polygons": int((~shapely.is_empty(edges)).sum()),
                          "load_s": round(load, 3), "invalid_edges_s": round(t_edges, 3), "validity_s": round(t_validity, 3),
                          "check_s": round(t_edges + t_validity, 3),
                          "shapely": shapely.__version__, "geos": ".".join(map(str, shapely.geos_version))}))
        return

    t = time.perf_counter()
    valid = bool(shapely.coverage_is_valid(geoms))
    t_valid = time.perf_counter() - t

    t = time.perf_counter()
    union = shapely.coverage_union_all(geoms) if valid else shapely.union_all(shapely.make_valid(geoms))
    t_union = time.perf_counter() - t

    t = time.perf_counter()
    holes = [shapely.Polygon(r) for part in shapely.get_parts(union) for r in part.interiors]
    gaps = []
    for h in holes:
        size = max(h.bounds[2] - h.bounds[0], h.bounds[3] - h.bounds[1])
        if shapely.maximum_inscribed_circle(h, a.gap_width / 100).length * 2 < a.gap_width:
            gaps.append(h)
    if gaps:
        tree = shapely.STRtree(geoms)
        for g in gaps:
            ring = g.exterior
            for i in tree.query(ring, predicate="intersects"):
                if shapely.intersection(shapely.boundary(geoms[i]), ring).length > 0:
                    flagged.add(int(i))
    t_gaps = time.perf_counter() - t

    if a.flagged:
        with open(a.flagged, "w") as f:
            f.writelines(f"{i}\n" for i in sorted(flagged))
    print(json.dumps({"input": a.layer, "polygons": len(geoms), "vertices": int(shapely.get_num_coordinates(geoms).sum()),
                      "valid": valid, "invalid_polygons": invalid, "invalid_edge_polygons": int((~shapely.is_empty(edges)).sum()),
                      "holes": len(holes), "gaps": len(gaps), "flagged": len(flagged),
                      "load_s": round(load, 3), "invalid_edges_s": round(t_edges, 3), "validity_s": round(t_validity, 3), "is_valid_s": round(t_valid, 3),
                      "union_s": round(t_union, 3), "holes_s": round(t_gaps, 3),
                      "check_s": round(t_edges + t_valid + t_union + t_gaps, 3),
                      "shapely": shapely.__version__, "geos": ".".join(map(str, shapely.geos_version))}))


if __name__ == "__main__":
    main()
