"""Shared readers for quhua's pinyin tools (build-lexicon.py, eval.py, bench).

Everything here reads the repository's GeoData/ folder and nothing else:

- GeoData/unihan/            Unihan 15.0 readings and variants (Unicode licence)
- GeoData/areacity/          43,118 division names with pinyin (MIT)
- GeoData/geonames-cn/       GeoNames cities15000 rows for China (CC BY 4.0)
- GeoData/minority-names/    official romanisations from minority languages

The module has no third-party dependencies (standard library only).
"""

from __future__ import annotations

import csv
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GEODATA = ROOT / "GeoData"

# --------------------------------------------------------------------------
# Syllables
# --------------------------------------------------------------------------

_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030C": 3, "\u0300": 4}


def numeric_syllable(marked: str) -> str:
    """'zhǎng' -> 'zhang3', 'lǜ' -> 'lv4', 'ma' -> 'ma5' (neutral)."""
    tone = 5
    letters = []
    for ch in unicodedata.normalize("NFD", marked.strip().lower()):
        if ch in _TONE_MARKS:
            tone = _TONE_MARKS[ch]
        elif ch == "\u0308":  # diaeresis: u -> v
            if letters and letters[-1] == "u":
                letters[-1] = "v"
        elif ch == "\u0302":  # circumflex (ê) carries no tone
            continue
        else:
            letters.append(ch)
    return "".join(letters) + str(tone)


def toneless(syllable: str) -> str:
    """'zhang3' -> 'zhang'."""
    return syllable.rstrip("0123456789")


def normalize_toneless(s: str) -> str:
    """Normalises a toneless syllable as written in the data sets: 'ü'/'u:' -> 'v',
    and 'lue'/'nue' (which can only mean lüe/nüe) -> 'lve'/'nve'."""
    s = s.strip().lower().replace("ü", "v").replace("u:", "v")
    if s in ("lue", "nue"):
        s = s[0] + "ve"
    return s


# --------------------------------------------------------------------------
# Unihan
# --------------------------------------------------------------------------


@dataclass
class Unihan:
    readings: dict[str, list[str]]   # char -> toned syllables, customary reading first
    standard: set[str]               # the 8,105 characters of the 2013 standard table (kTGH)
    simplified: dict[str, str]       # traditional/variant char -> simplified char

    def toneless_readings(self, ch: str) -> list[str]:
        out: list[str] = []
        for s in self.readings.get(ch, []):
            t = toneless(s)
            if t not in out:
                out.append(t)
        return out

    def is_polyphonic(self, ch: str) -> bool:
        return len(self.toneless_readings(ch)) > 1


def _unihan_lines(name: str):
    with open(GEODATA / "unihan" / name, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t", 2)
            yield chr(int(code[2:], 16)), field, value


def load_unihan() -> Unihan:
    fields: dict[str, dict[str, str]] = defaultdict(dict)
    for ch, field, value in _unihan_lines("Unihan_Readings-subset.txt"):
        fields[ch][field] = value
    readings: dict[str, list[str]] = {}
    for ch, f in fields.items():
        ordered: list[str] = []
        for field in ("kMandarin", "kTGHZ2013", "kXHC1983"):
            value = f.get(field)
            if not value:
                continue
            for token in value.split():
                # kTGHZ2013/kXHC1983 tokens are 'page.position:reading[,reading]'
                token = token.split(":", 1)[-1]
                for reading in token.split(","):
                    syl = numeric_syllable(reading)
                    if syl not in ordered:
                        ordered.append(syl)
        if ordered:
            readings[ch] = ordered
    # U+3007 IDEOGRAPHIC NUMBER ZERO has no Unihan reading; it is read líng.
    readings.setdefault("\u3007", ["ling2"])

    standard = {ch for ch, field, _ in _unihan_lines("Unihan_OtherMappings-subset.txt") if field == "kTGH"}

    simp_variants: dict[str, list[str]] = defaultdict(list)
    z_variants: dict[str, list[str]] = defaultdict(list)
    for ch, field, value in _unihan_lines("Unihan_Variants-subset.txt"):
        targets = [chr(int(t.split("<")[0][2:], 16)) for t in value.split()]
        if field == "kSimplifiedVariant":
            simp_variants[ch].extend(targets)
        elif field == "kZVariant":
            z_variants[ch].extend(targets)
    simplified: dict[str, str] = {}
    for ch in set(simp_variants) | set(z_variants):
        if ch in standard:
            continue  # a character of the standard table is already the form to use
        for candidates in (simp_variants.get(ch, []), z_variants.get(ch, [])):
            pick = next((t for t in candidates if t in standard and t != ch), None)
            if pick:
                simplified[ch] = pick
                break
    return Unihan(readings, standard, simplified)


# --------------------------------------------------------------------------
# Hold-out folds
# --------------------------------------------------------------------------

FOLDS = 10


def fold_of(name: str) -> int:
    """The evaluation fold of a name: CRC-32 of its UTF-8 bytes, modulo 10.
    Every row with the same name string falls in the same fold."""
    return zlib.crc32(name.encode("utf-8")) % FOLDS


# --------------------------------------------------------------------------
# areacity
# --------------------------------------------------------------------------


@dataclass
class AreaName:
    code: str          # 12-digit statistical code
    level: int         # 0 province, 1 prefecture, 2 county, 3 township
    name: str          # the name without its generic suffix (as areacity writes it)
    full: str          # the full name (ext_name)
    syllables: list[str]   # toneless syllables of `name`
    raw: list[str]         # the syllables as areacity wrote them (before corrections)

    @property
    def curated(self) -> bool:
        """County level and above: readings checked by the data's author (see README)."""
        return self.level <= 2


def load_areacity(unihan: Unihan | None = None) -> list[AreaName]:
    """Reads ok_data_level4.csv (it holds all four levels). Rows whose syllable count
    differs from the character count (3 rows with a full-width digit or brackets)
    are skipped. Township readings are corrected by `correct_township_labels`."""
    out: list[AreaName] = []
    path = GEODATA / "areacity" / "ok_data_level4.csv"
    with open(path, encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            syl = [normalize_toneless(s) for s in r["pinyin"].split()]
            name = r["name"]
            if len(syl) != len(name):
                continue
            if name.endswith("特") and r["ext_name"] == name + "区":
                # 六枝特区: areacity's name keeps the 特 of the generic term 特区.
                name, syl = name[:-1], syl[:-1]
            out.append(AreaName(r["ext_id"], int(r["deep"]), name, r["ext_name"], list(syl), list(syl)))
    correct_township_labels(out)
    return out


def correct_township_labels(names: list[AreaName]) -> dict[str, int]:
    """Corrects areacity's township (level 3) readings where they contradict the same
    data set's curated county-level-and-above readings. Two rules, applied in order:

    1. Same word: a township whose name string is also the name of a county-or-above
       row takes that row's reading (朝阳 zhao yang -> chao yang, 三都 san dou -> san du).
    2. Same character: where county-or-above rows read a character at least 5 times,
       always the same way, a township reading of it that differs is replaced by that
       reading (都 dou -> du, 什 shen -> shi, 大 dai -> da, 宿 xiu -> su).

    Returns how many township rows each rule changed. The township column of
    areacity is machine-generated (98 % identical to pypinyin 0.55's output), the
    county-level column is not (pypinyin agrees on 97 %); see Tools/pinyin/README.md.
    """
    curated_word: dict[str, list[str]] = {}
    char_counts: dict[str, Counter] = defaultdict(Counter)
    for n in names:
        if n.curated:
            curated_word.setdefault(n.name, n.syllables)
            for ch, s in zip(n.name, n.syllables):
                char_counts[ch][s] += 1
    unanimous = {ch: next(iter(c)) for ch, c in char_counts.items() if len(c) == 1 and sum(c.values()) >= 5}
    changed = Counter()
    for n in names:
        if n.curated:
            continue
        if n.name in curated_word and curated_word[n.name] != n.syllables:
            n.syllables = list(curated_word[n.name])
            changed["same word"] += 1
            continue
        new = [unanimous.get(ch, s) for ch, s in zip(n.name, n.syllables)]
        if new != n.syllables:
            n.syllables = new
            changed["same character"] += 1
    return changed


# --------------------------------------------------------------------------
# GeoNames
# --------------------------------------------------------------------------

_CJK = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")

# Generic terms GeoNames names sometimes carry in one script but not the other.
GEONAMES_GENERICS = {"镇": "zhen", "乡": "xiang", "县": "xian", "市": "shi", "区": "qu"}


def ascii_letters(text: str) -> str:
    """Lower-case ASCII letters only: 'Nyêmo' -> 'nyemo', "Ku'erle" -> 'kuerle'."""
    d = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in d if "a" <= ch <= "z")


@dataclass
class GeoName:
    geonameid: str
    name: str          # GeoNames' standard name ('Yingjiang', 'Nyêmo')
    chinese: list[str] # CJK alternate names
    admin1: str


def load_geonames() -> list[GeoName]:
    out = []
    with open(GEODATA / "geonames-cn" / "geonames_cities15000_CN.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            chinese = [a for a in r["alternatenames"].split(",") if _CJK.match(a)]
            out.append(GeoName(r["geonameid"], r["name"], chinese, r["admin1_code"]))
    return out


def segmentations(name: str, letters: str, unihan: Unihan, limit: int = 4) -> list[list[str]]:
    """All ways (up to `limit`) to read `name` so that its toneless syllables,
    joined, spell `letters`, using every Unihan reading of each character."""
    results: list[list[str]] = []

    def walk(i: int, pos: int, acc: list[str]):
        if len(results) >= limit:
            return
        if i == len(name):
            if pos == len(letters):
                results.append(list(acc))
            return
        for t in unihan.toneless_readings(name[i]):
            spelled = t.replace("v", "u")
            if letters.startswith(spelled, pos):
                acc.append(t)
                walk(i + 1, pos + len(spelled), acc)
                acc.pop()

    walk(0, 0, [])
    return results


@dataclass
class GeoNamePair:
    geonameid: str
    chinese: str        # the Chinese name the romanisation belongs to (without a generic GeoNames drops)
    romanized: str      # GeoNames' standard name
    syllables: list[str]


def geonames_pinyin_pairs(unihan: Unihan) -> tuple[list[GeoNamePair], list[GeoName]]:
    """Pairs each GeoNames row with the Chinese alternate name whose reading spells
    its standard name. A row pairs when exactly one reading of one Chinese name
    (optionally without a trailing 镇/乡/县/市/区, which either side may carry)
    spells the name's ASCII letters. Rows that pair with nothing are returned apart:
    they are romanised from a minority language, or their Chinese name is missing."""
    pairs: list[GeoNamePair] = []
    unpaired: list[GeoName] = []
    for g in load_geonames():
        letters = ascii_letters(g.name)
        found: dict[str, list[list[str]]] = {}
        for zh in g.chinese:
            variants = [(zh, letters)]
            if len(zh) > 2 and zh[-1] in GEONAMES_GENERICS:
                variants.append((zh[:-1], letters))
            for suffix_zh, suffix_py in GEONAMES_GENERICS.items():
                if letters.endswith(suffix_py) and not zh.endswith(suffix_zh):
                    variants.append((zh, letters[: -len(suffix_py)]))
            for cz, cl in variants:
                if len(cz) < 2 or not cl:
                    continue
                segs = segmentations(cz, cl, unihan)
                if segs:
                    found.setdefault(cz, []).extend(segs)
        distinct = {(cz, tuple(s)) for cz, segs in found.items() for s in segs}
        if len(distinct) == 1:
            cz, seg = next(iter(distinct))
            pairs.append(GeoNamePair(g.geonameid, cz, g.name, list(seg)))
        elif not distinct and g.chinese:
            unpaired.append(g)
    return pairs, unpaired
