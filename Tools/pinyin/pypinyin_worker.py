"""Runs inside the .build-pinyin venv: reads names (one a line) on stdin and writes
pypinyin's toneless reading of each (lazy_pinyin, space-separated) on stdout.
With --bench it instead times lazy_pinyin over the names and prints names/second."""

import sys
import time

from pypinyin import lazy_pinyin

names = [line.rstrip("\n") for line in sys.stdin]
if len(sys.argv) > 1 and sys.argv[1] == "--bench":
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    lazy_pinyin("预热")  # load the dictionaries before timing
    best = None
    for _ in range(rounds):
        start = time.perf_counter()
        for n in names:
            lazy_pinyin(n)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(f"{len(names)}\t{best:.6f}")
else:
    out = sys.stdout
    for n in names:
        out.write(" ".join(lazy_pinyin(n)) + "\n")
