#!/usr/bin/env python3
"""A mutation fuzzer for quhua's readers: mutated files through `quhua convert IN OUT.geojson`.

    python3 Tools/fuzz/fuzz.py --format kml --minutes 10 [--seed N] [--quhua .build/release/quhua]
    python3 Tools/fuzz/fuzz.py --format all --minutes 2

A run is a finding when quhua
- dies by a signal or exits with a code other than 0, 2 or 3 (`convert`'s contract: 0 written,
  2 usage, 3 unreadable or unwritable input/output) -- a "crash";
- runs longer than --timeout seconds -- a "hang";
- fails but leaves an output file behind (half-written) -- a "leftover".
Findings are saved under <work>/findings/<format>/ with the input and a reproducer line.
Only the Python standard library is used.
"""

import argparse
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases  # noqa: E402
import seeds  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OK_EXITS = (0, 2, 3)
# Swift's crash backtracer can take longer than the timeout; the reproducer line shows it.
RUN_ENV = dict(os.environ, SWIFT_BACKTRACE="enable=no")


def parse_arguments():
    p = argparse.ArgumentParser(description="Mutation fuzzer for quhua's readers (through `quhua convert`).")
    p.add_argument("--format", default="all",
                   help="format to fuzz (%s), several comma-separated, or all of them one after the other (default: all)"
                   % ", ".join(seeds.FORMATS))
    p.add_argument("--minutes", type=float, default=10, help="minutes per format (default: 10)")
    p.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock; printed)")
    p.add_argument("--quhua", default=os.path.join(REPO, ".build/release/quhua"), help="the quhua executable")
    p.add_argument("--timeout", type=float, default=20, help="seconds before a run counts as a hang (default: 20)")
    p.add_argument("--work", default=os.path.join(REPO, ".build-fuzz"), help="seeds, scratch and findings (default: .build-fuzz)")
    p.add_argument("--keep", type=int, default=5, help="findings kept per distinct signature (default: 5)")
    return p.parse_args()


def signature(kind, code, stderr):
    """Findings with the same kind, exit and message (a Swift "Fatal error" line, else the last
    line of standard error; paths and digits dropped) count as one."""
    lines = stderr.strip().splitlines()
    fatal = [line for line in lines if "Fatal error" in line]
    line = fatal[0] if fatal else (lines[-1] if lines else "")
    line = re.sub(r"\d+", "N", re.sub(r"\S*/", "", line))[:160]
    return f"{kind}:{code}:{line}"


class Findings:
    """Saves findings, a few per signature, with a reproducer line."""

    def __init__(self, root, quhua, keep):
        self.root, self.quhua, self.keep = root, quhua, keep
        self.seen = {}

    def save(self, fmt, kind, code, case_dir, input_path, description, stderr):
        sig = f"{fmt}:" + signature(kind, code, stderr)
        self.seen[sig] = self.seen.get(sig, 0) + 1
        if self.seen[sig] > self.keep:
            return None
        digest = hashlib.sha1(sig.encode() + str(self.seen[sig]).encode()).hexdigest()[:10]
        target = os.path.join(self.root, fmt, f"{kind}-{digest}")
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(case_dir, target, ignore=shutil.ignore_patterns("out"))
        reproducer = f"{self.quhua} convert {os.path.join(target, os.path.basename(input_path))} /tmp/quhua-fuzz-out.geojson"
        with open(os.path.join(target, "finding.txt"), "w") as f:
            f.write(f"kind: {kind}\nexit: {code}\nmutation: {description}\nsignature: {sig}\n\nreproduce:\n  {reproducer}\n\nstderr:\n{stderr[-4000:]}\n")
        return target


def run_one(quhua, input_path, case_dir, timeout):
    """Runs convert; returns (exit code or -signal or None for a hang, stderr, leftover files)."""
    out_dir = os.path.join(case_dir, "out")
    os.makedirs(out_dir)
    try:
        r = subprocess.run([quhua, "convert", input_path, os.path.join(out_dir, "out.geojson")],
                           capture_output=True, timeout=timeout, cwd=case_dir, env=RUN_ENV)
        code, stderr = r.returncode, r.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        code, stderr = None, (e.stderr or b"").decode("utf-8", "replace")
    leftover = os.listdir(out_dir) if code != 0 else []
    return code, stderr, leftover


def fuzz_format(fmt, args, rng, findings, log):
    paths = seeds.seed_paths(args.quhua, REPO, args.work, fmt, log)
    if not paths:
        log(f"{fmt}: no seeds could be made; skipped")
        return None
    stats = {"runs": 0, "crash": 0, "hang": 0, "leftover": 0, "exits": {}, "case errors": 0}
    deadline = time.monotonic() + args.minutes * 60
    scratch = tempfile.mkdtemp(prefix=f"fuzz-{fmt}-", dir=args.work)
    while time.monotonic() < deadline:
        case_dir = os.path.join(scratch, "case")
        shutil.rmtree(case_dir, ignore_errors=True)
        os.makedirs(case_dir)
        seed, other = rng.choice(paths), rng.choice(paths)
        try:
            input_path, description = cases.write_case(rng, fmt, seed, other, case_dir)
        except Exception as e:  # a mutation the container rejected (e.g. a SQLite constraint): not quhua's fault
            stats["case errors"] += 1
            if stats["case errors"] <= 3:
                log(f"{fmt}: could not build a case: {e!r}")
            continue
        code, stderr, leftover = run_one(args.quhua, input_path, case_dir, args.timeout)
        stats["runs"] += 1
        key = "timeout" if code is None else (f"signal {-code}" if code < 0 else str(code))
        stats["exits"][key] = stats["exits"].get(key, 0) + 1
        kind = "hang" if code is None else ("crash" if code not in OK_EXITS else ("leftover" if leftover else None))
        if kind:
            stats[kind] += 1
            if kind == "leftover":
                stderr += f"\n[left behind: {', '.join(leftover)}]"
            saved = findings.save(fmt, kind, key, case_dir, input_path, f"{os.path.basename(seed)}: {description}", stderr)
            if saved:
                log(f"{fmt}: {kind} ({key}) from {os.path.basename(seed)} [{description}] -> {saved}")
    shutil.rmtree(scratch, ignore_errors=True)
    return stats


def main():
    args = parse_arguments()
    args.quhua = os.path.abspath(args.quhua)
    args.work = os.path.abspath(args.work)
    if not os.access(args.quhua, os.X_OK):
        sys.exit(f"fuzz: {args.quhua} is not an executable; build it with `swift build -c release --product quhua`")
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    os.makedirs(args.work, exist_ok=True)
    findings = Findings(os.path.join(args.work, "findings"), args.quhua, args.keep)

    def log(message):
        print(message, flush=True)

    formats = list(seeds.FORMATS) if args.format == "all" else args.format.split(",")
    unknown = [f for f in formats if f not in seeds.FORMATS]
    if unknown:
        sys.exit(f"fuzz: unknown format {', '.join(unknown)}; use {', '.join(seeds.FORMATS)} or all")
    log(f"fuzz: seed {seed}, {args.minutes:g} min per format, timeout {args.timeout:g} s, formats {', '.join(formats)}")
    results = {}
    for fmt in formats:
        started = time.monotonic()
        stats = fuzz_format(fmt, args, rng, findings, log)
        if stats:
            stats["seconds"] = time.monotonic() - started
            results[fmt] = stats
            log(summary_line(fmt, stats))
    log("\nsummary (seed %d)" % seed)
    log(f"{'format':<10} {'inputs':>7} {'crashes':>8} {'hangs':>6} {'leftover':>9}  exits")
    for fmt, s in results.items():
        log(summary_line(fmt, s))
    bad = sum(s["crash"] + s["hang"] + s["leftover"] for s in results.values())
    if bad:
        log(f"\n{bad} finding(s) saved under {findings.root}")
    sys.exit(1 if bad else 0)


def summary_line(fmt, s):
    exits = ", ".join(f"{k}: {v}" for k, v in sorted(s["exits"].items()))
    return f"{fmt:<10} {s['runs']:>7} {s['crash']:>8} {s['hang']:>6} {s['leftover']:>9}  {exits}"


if __name__ == "__main__":
    main()
