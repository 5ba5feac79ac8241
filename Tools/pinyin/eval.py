#!/usr/bin/env python3
"""Accuracy of quhua's place-name readings on names the lexicon was not built from,
side by side with pypinyin and ICU's Han-Latin transform, in the same run.

Run from the repository root (about 3 minutes; builds quhua, installs pypinyin into
.build-pinyin/venv on first use, needs ICU's `uconv` from Debian's icu-devtools):

    python3 Tools/pinyin/eval.py

Hold-out: ten-fold cross-validation by name. A name's fold is CRC-32 of its UTF-8
characters mod 10 (pinyin_data.fold_of); for each fold k, build-lexicon.py builds a
lexicon from every areacity row and GeoNames pair whose name is NOT in fold k, and
quhua (with --lexicon) reads the names of fold k. So every name is evaluated once,
by a lexicon that never saw that name string (rows sharing a name share a fold).

Test sets and their expected readings:
  county+   areacity rows of county level and above (3,639): the pinyin column,
            which the data's author curated (pypinyin agrees with only 97 % of it).
  township  areacity township rows (39,476), after the two label corrections in
            pinyin_data.correct_township_labels (the column is machine-generated:
            98 % identical to pypinyin's output); also scored against the raw column.
  geonames  GeoNames standard names (666) paired with their Chinese name when exactly
            one reading of the characters spells the name (pinyin_data.geonames_pinyin_pairs).

A reading is right when every syllable of the name's specific part matches, toneless
(ü = v; lue = lüe). quhua is given the full name (ext_name, e.g. 西安市) and its
syllables for the specific part are compared; pypinyin (lazy_pinyin) and ICU
(`uconv -x Han-Latin`) get the same full name. "Polyphonic" names contain at least one
character with more than one toneless reading in Unihan (kMandarin, kTGHZ2013, kXHC1983).

quhua's full official form (capitals, apostrophes, generic term written apart) is also
checked on county+ names with a plain generic term (市, 县, 区, 旗 …; not the ethnic or
minority-language ones): expected = specific syllables joined with GB/T 16159
apostrophes, capitalised, a space, the generic term's pinyin.

Writes the report to .build-pinyin/eval-report.md and prints it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pinyin_data import (  # noqa: E402
    FOLDS, ROOT, fold_of, geonames_pinyin_pairs, load_areacity, load_unihan, normalize_toneless,
    numeric_syllable, toneless,
)
from toolenv import ensure_pypinyin, quhua_binary  # noqa: E402

OUT = ROOT / ".build-pinyin"
PLAIN_GENERICS = {"省": "Sheng", "市": "Shi", "县": "Xian", "区": "Qu", "镇": "Zhen", "乡": "Xiang",
                  "街道": "Jiedao", "旗": "Qi", "盟": "Meng", "地区": "Diqu", "自治区": "Zizhiqu",
                  "自治州": "Zizhizhou", "自治县": "Zizhixian", "林区": "Linqu", "特区": "Tequ"}


@dataclass
class Item:
    set: str
    name: str            # the specific part whose reading is compared
    query: str           # what each system is given (the full name)
    expected: list[str]
    raw: list[str] | None = None
    expected_form: str | None = None
    polyphonic: bool = False
    got: dict[str, list[str]] = field(default_factory=dict)
    form: str | None = None


def gbt_word(syllables: list[str]) -> str:
    out = ""
    for i, s in enumerate(syllables):
        if i > 0 and s[0] in "aoe":
            out += "'"
        out += s.replace("v", "u")
    return out[:1].upper() + out[1:]


def strip_marks(syllable: str) -> str:
    return normalize_toneless(toneless(numeric_syllable(syllable)))


def main() -> int:
    OUT.mkdir(exist_ok=True)
    unihan = load_unihan()
    names = load_areacity()
    pairs, _ = geonames_pinyin_pairs(unihan)
    minority = {line.split("\t")[0] for line in open(ROOT / "GeoData/minority-names/minority-names.tsv", encoding="utf-8")
                if line.strip() and not line.startswith("#")}

    items: list[Item] = []
    for n in names:
        query = n.full if n.full.startswith(n.name) else n.name
        item = Item("county+" if n.curated else "township", n.name, query, n.syllables, raw=n.raw)
        suffix = n.full[len(n.name):] if n.full.startswith(n.name) else None
        if n.curated and suffix in PLAIN_GENERICS and n.name not in minority:
            item.expected_form = gbt_word(n.syllables) + " " + PLAIN_GENERICS[suffix]
        items.append(item)
    for p in pairs:
        items.append(Item("geonames", p.chinese, p.chinese, p.syllables))
    for it in items:
        it.polyphonic = any(unihan.is_polyphonic(ch) for ch in it.name)

    # quhua, fold by fold.
    binary = quhua_binary("debug")
    by_fold: dict[int, list[Item]] = defaultdict(list)
    for it in items:
        by_fold[fold_of(it.name)].append(it)
    for k in range(FOLDS):
        lexicon = OUT / f"lexicon-fold{k}.txt"
        subprocess.run([sys.executable, str(ROOT / "Tools/pinyin/build-lexicon.py"), "--holdout-fold", str(k),
                        "--out", str(lexicon)], check=True, stderr=subprocess.DEVNULL)
        batch = by_fold[k]
        result = subprocess.run([str(binary), "romanize", "--format", "json", "--lexicon", str(lexicon)],
                                input="\n".join(it.query for it in batch) + "\n",
                                capture_output=True, text=True, check=True)
        lines = result.stdout.splitlines()
        assert len(lines) == len(batch), (len(lines), len(batch))
        for it, line in zip(batch, lines):
            obj = json.loads(line)
            syllables = [normalize_toneless(toneless(s)) for part in obj["parts"] for s in part["pinyin"]]
            it.got["quhua"] = syllables[: len(it.name)]
            it.form = obj["ascii"]
        print(f"fold {k}: {len(batch)} names", file=sys.stderr)

    # pypinyin, in its own venv.
    python = ensure_pypinyin()
    result = subprocess.run([str(python), str(ROOT / "Tools/pinyin/pypinyin_worker.py")],
                            input="\n".join(it.query for it in items) + "\n", capture_output=True, text=True, check=True)
    for it, line in zip(items, result.stdout.splitlines()):
        it.got["pypinyin"] = [normalize_toneless(s) for s in line.split()][: len(it.name)]

    # ICU Han-Latin through uconv (ICU's own command-line tool).
    icu_version = subprocess.run(["uconv", "--version"], capture_output=True, text=True).stdout.strip()
    result = subprocess.run(["uconv", "-f", "utf-8", "-t", "utf-8", "-x", "Han-Latin"],
                            input="\n".join(it.query for it in items) + "\n", capture_output=True, text=True, check=True)
    for it, line in zip(items, result.stdout.splitlines()):
        it.got["ICU"] = [strip_marks(s) for s in unicodedata.normalize("NFC", line).split()][: len(it.name)]

    systems = ["quhua", "pypinyin", "ICU"]
    report: list[str] = ["# Pinyin accuracy on held-out names", "",
                         "Ten-fold cross-validation by name (see Tools/pinyin/eval.py). "
                         f"pypinyin 0.55.0; ICU: {icu_version or 'uconv'} Han-Latin.", "",
                         "| set | names | " + " | ".join(systems) + " |", "|---|---|" + "---|" * len(systems)]

    def row(label: str, subset: list[Item], expected=lambda it: it.expected):
        cells = []
        for s in systems:
            ok = sum(1 for it in subset if it.got.get(s) == expected(it))
            cells.append(f"{100 * ok / len(subset):.2f} % ({len(subset) - ok} wrong)" if subset else "–")
        report.append(f"| {label} | {len(subset)} | " + " | ".join(cells) + " |")

    sets = ["county+", "township", "geonames"]
    for name in sets:
        subset = [it for it in items if it.set == name]
        row(name, subset)
        row(f"{name}, polyphonic", [it for it in subset if it.polyphonic])
    township = [it for it in items if it.set == "township"]
    row("township, raw labels", township, expected=lambda it: it.raw)
    row("overall", items)
    row("overall, polyphonic", [it for it in items if it.polyphonic])

    forms = [it for it in items if it.expected_form]
    ok_forms = sum(1 for it in forms if it.form == it.expected_form)
    report += ["", f"quhua full official form (county+ with a plain generic term): "
               f"{100 * ok_forms / len(forms):.2f} % of {len(forms)} ({len(forms) - ok_forms} wrong)."]

    errors = [it for it in items if it.set != "township" and it.got["quhua"] != it.expected]
    report += ["", f"quhua errors on county+ and geonames ({len(errors)}): name expected → got"]
    report += [f"- {it.name}: {' '.join(it.expected)} → {' '.join(it.got['quhua'])}" for it in errors]
    wrong_forms = [it for it in forms if it.form != it.expected_form and it.got["quhua"] == it.expected]
    if wrong_forms:
        report += ["", "full-form differences where the reading is right:"]
        report += [f"- {it.query}: {it.expected_form} → {it.form}" for it in wrong_forms[:40]]

    text = "\n".join(report) + "\n"
    (OUT / "eval-report.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
