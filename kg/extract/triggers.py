"""Trigger words in text: `find_triggers(text, lex, start, end)` (triggers.tsv, triggers_en.tsv).

One Aho-Corasick automaton over every trigger word (built once per lexicon), plus the gapped
triggers (提起…诉讼, "filed … against") as patterns; leftmost-longest, blocker rows (relation "-")
suppress.  The hits of a text are remembered per thread while that text is read: entity discovery
and the relation reader both ask for each sentence's triggers.
"""
from __future__ import annotations

import functools
import operator
import re
import threading
from dataclasses import dataclass

import ahocorasick

from kg.lexicon import Lexicon, Trigger

__all__ = ["TriggerHit", "find_triggers"]


@dataclass
class TriggerHit:
    start: int
    end: int
    trigger: Trigger


# any character that matches a Latin letter when case is ignored (k, K, the Kelvin sign, long s …)
_LATIN_I = re.compile("[a-z]", re.I)


@functools.lru_cache(maxsize=4)
def _trigger_index(lex_id: int, lex: Lexicon):
    auto = ahocorasick.Automaton()
    gapped: list[tuple[re.Pattern, Trigger, tuple[str, str] | None]] = []
    for t in lex.triggers:
        if "…" in t.word:
            a, _, b = t.word.partition("…")
            if t.lang == "en":
                pat = re.compile(r"\b" + re.escape(a) + r"\b[^.;!?]{0,40}?\b" + re.escape(b) + r"\b", re.I)
            else:
                pat = re.compile(re.escape(a) + r"[^，。；：！？,;:!?\n]{0,20}?" + re.escape(b))
            # literal parts that must both occur for the pattern to match (English ones match
            # case-insensitively: no pre-check)
            gapped.append((pat, t, (a, b) if t.lang != "en" else None))
            continue
        key = t.word.lower()
        existing = auto.get(key, None)
        if existing is None:
            auto.add_word(key, (key, [t]))
        else:
            existing[1].append(t)
    auto.make_automaton()
    # each word's triggers without the blockers (relation "-"), made once: None when only blockers
    live = {}
    for _, (_, trigs) in auto.items():
        kept = [t for t in trigs if t.relation != "-"]
        live[id(trigs)] = (trigs, kept or None)
    # the English patterns that need a letter matching a Latin one ignoring case (every one with a
    # Latin letter in its first word): a sentence without such a letter is not scanned for them
    # and the words each must find in the lower-cased sentence (a, b: "took", "to court")
    latin = {id(pat): (t.word.partition("…")[0].lower(), t.word.partition("…")[2].lower())
             for pat, t, need in gapped if need is None and _LATIN_I.search(t.word.partition("…")[0])}
    return auto, gapped, live, latin


_found = threading.local()


def find_triggers(text: str, lex: Lexicon, start: int = 0, end: int | None = None) -> list[tuple[int, int, list[Trigger]]]:
    """Trigger occurrences in text[start:end] (leftmost-longest; blocker words suppress).
    Remembered for the text being read (per thread): discovery and the relation reader both ask
    for each sentence's triggers.  The list returned is shared: do not change it."""
    end = len(text) if end is None else end
    cache = getattr(_found, "cache", None)
    if cache is None or _found.text is not text or _found.lex is not lex:
        cache = _found.cache = {}
        _found.text = text
        _found.lex = lex
        _found.gapped = None
    key = (start, end)
    hit = cache.get(key)
    if hit is None:
        if _found.gapped is None:
            _found.gapped = _gapped_in(text, lex)
        hit = cache[key] = _find_triggers(text, lex, start, end, _found.gapped)
    return hit


def _gapped_in(text: str, lex: Lexicon) -> list:
    """The gapped triggers (提起…诉讼) whose two parts both occur somewhere in the text: the only
    ones any of its sentences can hold (checked once per text, not once per sentence).  Lower
    case is context-free but for a final sigma, so a text with Σ keeps them all."""
    gapped = _trigger_index(id(lex), lex)[1]
    if "Σ" in text:
        return gapped
    low = text.lower()
    return [g for g in gapped if g[2] is None or (g[2][0] in low and g[2][1] in low)]


def _find_triggers(text: str, lex: Lexicon, start: int, end: int,
                   gapped: list | None = None) -> list[tuple[int, int, list[Trigger]]]:
    auto, all_gapped, live, needs_latin = _trigger_index(id(lex), lex)
    gapped = all_gapped if gapped is None else gapped
    seg = text[start:end].lower()
    hits = []
    for e, (key, trigs) in auto.iter(seg):
        s = e - len(key) + 1
        if key[0].isascii() and key[0].isalpha():
            if s > 0 and seg[s - 1].isascii() and seg[s - 1].isalnum():
                continue
            if e + 1 < len(seg) and seg[e + 1].isascii() and seg[e + 1].isalnum():
                continue
        hits.append((s, e + 1, trigs))
    latin = None
    for pat, t, need in gapped:
        if need is not None and (need[0] not in seg or need[1] not in seg):
            continue
        if need is None and id(pat) in needs_latin:
            # an English pattern ("took … to court") needs a letter that matches a Latin one ignoring
            # case: a Chinese sentence without one is not scanned (one C search for all of them)
            if latin is None:
                latin = _LATIN_I.search(seg) is not None
            if not latin:
                continue
            # in a lower-cased sentence a case-blind match of its words is those words as written,
            # but for the two lower-case letters that match a Latin one (ı, ſ): both must occur
            a, b = needs_latin[id(pat)]
            if (a not in seg or b not in seg) and "ı" not in seg and "ſ" not in seg:
                continue
        for m in pat.finditer(seg):
            hits.append((m.start(), m.end(), [t]))
    # (by start, the longest first: two stable sorts with keys made in C)
    hits.sort(key=operator.itemgetter(1), reverse=True)
    hits.sort(key=operator.itemgetter(0))
    out = []
    last = -1
    for s, e, trigs in hits:
        if s >= last:
            out.append((s + start, e + start, trigs))
            last = e
        elif out and e > out[-1][1] and all(t.relation != "-" for t in trigs):
            # a gapped trigger that covers an earlier short one (提起…诉讼 over 提起)
            pass
    found = []
    for s, e, trigs in out:
        known = live.get(id(trigs))
        kept = known[1] if known is not None and known[0] is trigs else \
            ([t for t in trigs if t.relation != "-"] or None)
        if kept is not None:
            found.append((s, e, kept))
    return found
