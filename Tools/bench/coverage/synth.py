#!/usr/bin/env python3
"""Synthetic polygon coverages for the coverage benchmark.

Voronoi cells of random points in a square (metres), every Voronoi edge densified with the same
intermediate points in both cells that share it, so the coverage is clean: inner edges match
vertex for vertex. Cells whose vertices leave the square are dropped (the outer boundary is
ragged but clean). With --dirty F, each cell independently moves a fraction F of its own
vertices by up to --jitter times the local segment length: neighbours then overlap where a
vertex moved inward and leave sliver gaps where it moved outward.

Writes a .wkbs file: for each polygon a little-endian uint32 byte count and its WKB.

    python synth.py --cells 10000 --per-edge 50 --dirty 0.03 --seed 1 --out layer.wkbs
"""
import argparse
import struct
import sys

import numpy as np
import shapely
from scipy.spatial import Voronoi


def generate(cells, per_edge, dirty, jitter, seed):
    rng = np.random.default_rng(seed)
    # A few more points than cells: the cells cut by the square's edge are dropped.
    side = 1000.0 * np.sqrt(cells)
    n = int(cells + 4.5 * np.sqrt(cells)) + 8
    pts = rng.uniform(0, side, size=(n, 2))
    vor = Voronoi(pts)
    v = vor.vertices
    inside = (v[:, 0] >= 0) & (v[:, 0] <= side) & (v[:, 1] >= 0) & (v[:, 1] <= side)
    steps = np.arange(1, per_edge) / per_edge
    polygons = []
    for region_index in vor.point_region:
        region = vor.regions[region_index]
        if not region or -1 in region or not inside[region].all():
            continue
        ring = []
        for a, b in zip(region, region[1:] + region[:1]):
            lo, hi = (a, b) if a < b else (b, a)
            mids = v[lo] + np.outer(steps, v[hi] - v[lo])     # the same floats for both cells
            if a > b:
                mids = mids[::-1]
            ring.append(v[a][None, :])
            ring.append(mids)
        coords = np.concatenate(ring)
        if dirty > 0:
            moved = rng.random(len(coords)) < dirty
            k = int(moved.sum())
            if k:
                seg = np.linalg.norm(np.roll(coords, -1, axis=0) - coords, axis=1)
                angle = rng.uniform(0, 2 * np.pi, k)
                radius = rng.uniform(0.2, 1.0, k) * jitter * seg[moved]
                coords = coords.copy()
                coords[moved, 0] += radius * np.cos(angle)
                coords[moved, 1] += radius * np.sin(angle)
        coords = np.concatenate([coords, coords[:1]])
        polygons.append(coords)
    return polygons


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cells", type=int, required=True)
    p.add_argument("--per-edge", type=int, default=50, help="segments per Voronoi edge (1 = no densifying)")
    p.add_argument("--dirty", type=float, default=0.0, help="fraction of each cell's vertices to move")
    p.add_argument("--jitter", type=float, default=0.4, help="largest move, times the local segment length")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    rings = generate(a.cells, a.per_edge, a.dirty, a.jitter, a.seed)
    geoms = shapely.polygons(rings) if len(rings) < 2 else np.array([shapely.Polygon(r) for r in rings])
    wkbs = shapely.to_wkb(geoms, byte_order=1)
    with open(a.out, "wb") as f:
        for w in wkbs:
            f.write(struct.pack("<I", len(w)))
            f.write(w)
    vertices = sum(len(r) for r in rings)
    print(f"{a.out}: {len(rings)} polygons, {vertices} vertices", file=sys.stderr)


if __name__ == "__main__":
    main()
