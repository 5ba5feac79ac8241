#!/usr/bin/env python3
"""Prints the table of a Tools/bench/coverage/run.sh run from its results folder."""
import json
import sys
from pathlib import Path


def main():
    folder = Path(sys.argv[1])
    rows = []
    for name in sys.argv[2:]:
        q = json.loads((folder / f"{name}.quhua.json").read_text())
        s = json.loads((folder / f"{name}.shapely.json").read_text())
        q_rss, q_wall = (folder / f"{name}.quhua.time").read_text().split()
        s_rss, s_wall = (folder / f"{name}.shapely.time").read_text().split()
        qf = set((folder / f"{name}.quhua.flagged").read_text().split())
        sf = set((folder / f"{name}.shapely.flagged").read_text().split())
        rows.append((name, q["polygons"], q["vertices"], q["check_s"], s["check_s"],
                     s["check_s"] / max(q["check_s"], 1e-9), int(q_rss) / 1024, int(s_rss) / 1024,
                     len(qf), len(sf), "yes" if qf == sf else f"no (+{len(qf - sf)} -{len(sf - qf)})",
                     q["findings"], s))
    print()
    print(f"{'layer':<14}{'polygons':>9}{'vertices':>11}{'quhua s':>9}{'shapely s':>11}{'ratio':>7}"
          f"{'quhua MB':>10}{'shapely MB':>11}{'flagged q/s':>13}  same")
    for r in rows:
        print(f"{r[0]:<14}{r[1]:>9}{r[2]:>11}{r[3]:>9.2f}{r[4]:>11.2f}{r[5]:>6.1f}x{r[6]:>10.0f}{r[7]:>11.0f}"
              f"{str(r[8]) + '/' + str(r[9]):>13}  {r[10]}")
    print()
    for r in rows:
        s = r[12]
        print(f"{r[0]}: quhua findings {r[11]}; shapely: invalid-edge polygons {s['invalid_edge_polygons']}, "
              f"union holes {s['holes']} (gaps {s['gaps']}); shapely steps: invalid_edges {s['invalid_edges_s']} s, "
              f"is_valid {s['is_valid_s']} s, union {s['union_s']} s, holes {s['holes_s']} s")


if __name__ == "__main__":
    main()
