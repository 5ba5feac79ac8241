#!/usr/bin/env python3
"""Benchmark: romanise all 43,118 division names of GeoData/areacity (full names such
as 东华门街道) with `quhua romanize` and with pypinyin, in the same run.

Run from the repository root (builds quhua in release mode; installs pypinyin into
.build-pinyin/venv on first use):

    python3 Tools/bench/romanize.py

quhua is timed end to end as a bulk user runs it: one process reading the names on
standard input and writing one romanised name a line (so the figure includes process
start and loading the lexicon; the start-up alone is measured too and reported).
pypinyin is timed in-process on lazy_pinyin(name) after its dictionaries are loaded,
which is the most favourable way to time it (and it does less: no segmentation, no
orthography). Best of 5 runs each. Writes .build-pinyin/bench-report.md.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tools" / "pinyin"))

from toolenv import ensure_pypinyin, quhua_binary  # noqa: E402

ROUNDS = 5


def names() -> list[str]:
    with open(ROOT / "GeoData/areacity/ok_data_level4.csv", encoding="utf-8-sig") as f:
        return [r["ext_name"] for r in csv.DictReader(f)]


def time_quhua(binary: Path, payload: bytes, args: list[str]) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        subprocess.run([str(binary), "romanize", *args], input=payload, stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    all_names = names()
    payload = ("\n".join(all_names) + "\n").encode("utf-8")
    binary = quhua_binary("release")
    python = ensure_pypinyin()

    startup = time_quhua(binary, "西安市\n".encode("utf-8"), [])
    quhua_text = time_quhua(binary, payload, [])
    quhua_keys = time_quhua(binary, payload, ["--format", "keys"])

    out = subprocess.run([str(python), str(ROOT / "Tools/pinyin/pypinyin_worker.py"), "--bench", str(ROUNDS)],
                         input=payload, capture_output=True, check=True)
    count, seconds = out.stdout.decode().split()
    pypinyin_rate = int(count) / float(seconds)

    n = len(all_names)
    rows = [
        ("quhua romanize (text, whole process)", n / quhua_text, quhua_text),
        ("quhua romanize --format keys (whole process)", n / quhua_keys, quhua_keys),
        ("quhua romanize, excluding start-up", n / max(quhua_text - startup, 1e-9), quhua_text - startup),
        ("pypinyin 0.55.0 lazy_pinyin (in-process)", pypinyin_rate, float(seconds)),
    ]
    lines = ["# Romanisation benchmark", "", f"{n} names (GeoData/areacity ok_data_level4.csv, ext_name), best of {ROUNDS}.",
             f"quhua start-up (one name, whole process): {startup * 1000:.1f} ms.", "",
             "| what | names/s | seconds | vs pypinyin |", "|---|---|---|---|"]
    for label, rate, secs in rows:
        lines.append(f"| {label} | {rate:,.0f} | {secs:.3f} | {rate / pypinyin_rate:.1f}× |")
    text = "\n".join(lines) + "\n"
    (ROOT / ".build-pinyin").mkdir(exist_ok=True)
    (ROOT / ".build-pinyin" / "bench-report.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
