"""The reading model that build-lexicon.py compiles and Sources/Pinyin replays.

A name's reading is decided character by character:

1. Every character has a default place-name reading: the reading it has most often
   in the training names (weighted), or, for a character the names never use,
   its customary reading in Unihan (kMandarin, then kTGHZ2013, then kXHC1983).
2. A word of the lexicon (two or more characters, with the reading it has in
   training names and a weight) that occurs in the name overrides the defaults of
   the characters it covers. Where words overlap, the longer word decides a
   character; between words of equal length, the heavier one; then the earlier.

The lexicon keeps a word only when it changes the outcome: a word is kept when
its majority reading differs from what the defaults and the shorter kept words
would give, so the file holds exceptions and the contexts that undo them.
`Sources/Pinyin/ReadingModel.swift` implements exactly `predict` below.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

MAX_WORD = 8  # longest substring considered as a context word (whole names are always considered)


@dataclass
class Word:
    reading: tuple[str, ...]   # toneless syllables
    weight: int


def predict(name: str, defaults: dict[str, str], words: dict[str, Word], max_len: int) -> list[str]:
    """Toneless reading of `name` (one syllable per character)."""
    n = len(name)
    best_len = [1] * n
    best_weight = [0] * n
    out = [defaults.get(ch, "") for ch in name]
    for a in range(n):
        for b in range(a + 2, min(n, a + max_len) + 1):
            w = words.get(name[a:b])
            if w is None:
                continue
            length = b - a
            for i in range(a, b):
                if length > best_len[i] or (length == best_len[i] and w.weight > best_weight[i]):
                    best_len[i] = length
                    best_weight[i] = w.weight
                    out[i] = w.reading[i - a]
    return out


@dataclass
class Model:
    defaults: dict[str, str]
    words: dict[str, Word]
    max_len: int


def train(samples: list[tuple[str, list[str], int]], fallback: dict[str, str], ambiguous: set[str]) -> Model:
    """samples: (name, toneless syllables, weight). fallback: char -> Unihan customary
    toneless reading. ambiguous: characters with more than one reading anywhere."""
    char_counts: dict[str, Counter] = defaultdict(Counter)
    for name, syl, w in samples:
        for ch, s in zip(name, syl):
            char_counts[ch][s] += w
    defaults = dict(fallback)
    for ch, c in char_counts.items():
        best = max(c.items(), key=lambda kv: (kv[1], kv[0] == fallback.get(ch), kv[0]))
        defaults[ch] = best[0]
    # Characters read more than one way in the training names need contexts.
    observed_ambiguous = {ch for ch, c in char_counts.items() if len(c) > 1}
    needs_context = observed_ambiguous | ambiguous

    counts: dict[str, Counter] = defaultdict(Counter)
    for name, syl, w in samples:
        n = len(name)
        if not any(ch in needs_context for ch in name):
            continue
        for a in range(n):
            for b in range(a + 2, n + 1):
                if b - a > MAX_WORD and not (a == 0 and b == n):
                    continue
                sub = name[a:b]
                if not any(ch in needs_context for ch in sub):
                    continue
                counts[sub][tuple(syl[a:b])] += w

    max_len = max((len(k) for k in counts), default=2)
    kept: dict[str, Word] = {}
    for sub in sorted(counts, key=lambda s: (len(s), s)):
        c = counts[sub]
        reading, weight = max(c.items(), key=lambda kv: (kv[1], kv[0]))
        predicted = tuple(predict(sub, defaults, kept, max_len))
        if predicted == reading:
            continue
        if c.get(predicted, 0) >= weight:
            continue  # a tie with what the shorter words already give: keep theirs
        kept[sub] = Word(reading, weight)
    return Model(defaults, kept, max(len(k) for k in kept) if kept else 2)
