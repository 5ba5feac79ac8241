#!/usr/bin/env python3
"""Prints the dirty-layer table of a Tools/bench/coverage/run.sh run: `quhua validate` (every rule,
whole process) against shapely's validity + coverage_invalid_edges and its every-check pipeline.

    python validate_report.py RESULTS DATA dirty-cn-3k-1M [...]
"""
import json
import sys
from pathlib import Path


def timing(path):
    """Peak memory (MB), wall seconds and CPU seconds (user + system) from /usr/bin/time."""
    rss, wall, _, user, system = path.read_text().split()[-5:]
    return int(rss) / 1024, float(wall), float(user) + float(system)


def main():
    results, data = Path(sys.argv[1]), Path(sys.argv[2])
    print()
    print(f"{'layer':<20}{'polygons':>9}{'vertices':>11}{'invalid':>8}{'ovl pairs':>10}"
          f"{'quhua s':>9}{'cpu s':>7}{'MB':>6}{'shp valid s':>12}{'cpu s':>7}{'MB':>6}{'shp all s':>10}{'cpu s':>7}{'MB':>6}"
          f"{'q/valid':>8}{'all/q':>7}")
    notes = []
    for name in sys.argv[3:]:
        stats = json.loads((data / f"{name}.stats.json").read_text()) if (data / f"{name}.stats.json").exists() else {}
        q_mb, q_s, q_cpu = timing(results / f"{name}.validate.time")
        v_mb, v_s, v_cpu = timing(results / f"{name}.shapely-validity.time")
        a_mb, a_s, a_cpu = timing(results / f"{name}.shapely-all.time")
        print(f"{name:<20}{stats.get('polygons', 0):>9}{stats.get('vertices', 0):>11}{stats.get('invalid', 0):>8}"
              f"{stats.get('overlapping_pairs', 0):>10}{q_s:>9.1f}{q_cpu:>7.1f}{q_mb:>6.0f}{v_s:>12.1f}{v_cpu:>7.1f}{v_mb:>6.0f}"
              f"{a_s:>10.1f}{a_cpu:>7.1f}{a_mb:>6.0f}{q_s / v_s:>8.1f}{a_s / q_s:>7.2f}")
        try:
            report = json.loads((results / f"{name}.validate.json").read_text())
            by_rule = report["summary"]["byRule"]
        except (OSError, ValueError, KeyError):
            by_rule = {}
        a = json.loads((results / f"{name}.shapely-all.json").read_text())
        notes.append(f"{name}: quhua {json.dumps(by_rule, sort_keys=True)}; shapely: invalid {a.get('invalid_polygons')}, "
                     f"invalid-edge polygons {a.get('invalid_edge_polygons')}, union holes {a.get('holes')} (gaps {a.get('gaps')}); "
                     f"steps: invalid_edges {a.get('invalid_edges_s')} s, is_valid {a.get('validity_s')} s, "
                     f"coverage_is_valid {a.get('is_valid_s')} s, union {a.get('union_s')} s, holes {a.get('holes_s')} s")
    print("\ncpu s: user + system seconds (all threads); q/valid: quhua wall time over shapely validity + coverage_invalid_edges (whole processes); "
          "all/q: shapely's every-check pipeline over quhua.\n")
    for n in notes:
        print(n)


if __name__ == "__main__":
    main()
