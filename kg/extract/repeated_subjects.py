"""Unknown names with no ending, found because the article keeps opening clauses with them (rule
`zh.entity.repeated_subject`).

`日月光宣布以每股45元公开收购矽品…；日月光随即提议…收购矽品其余股份；日月光不为所动，最终斥资…取得矽品
24.99%股权`: a Taiwan packaging maker's short name, which the segmenter cuts (日|月光), has no name
ending, no stock code, and is in no lexicon.  What shows it is a name is the article itself: the same
string opens two or more clauses that hold a relation trigger, each time followed by a different
character (so the string, not a longer phrase, is the unit), and it is written three times or more.
It is kept only when it reads as a name: no function, time, verb or adverb word inside (此次交易,
随后公司), no demonstrative opening (这起), not a place in front (中国男篮), not a generic or lexicon
word, and written nowhere inside a mention but at its start (日月光投资控股公司 keeps its span).  The person/company type is guessed
as for any found name (surname-initial two or three characters: a person).

Measured before writing it (prototype over the pools and the corpus): FewFC pool 16 firings, DuEE pool
14, every one a name but one (摩托车, a common noun the segmenter does not know; the tag filter
keeps it out); tests/corpus 14 firings, 12 names of its keys, 2 junk (指其, 这起: dropped by
plausible_name).
"""
from __future__ import annotations

import bisect
import functools
import re

import ahocorasick

from kg import nlp
from kg.extract.mentions import CJK, Mention
from kg.extract.name_spans import guess_type, plausible_name, stop_words
from kg.lexicon import Lexicon, load_table

_OPENS_AFTER = re.compile(r"[，。；！？：\n,;!?]")     # a clause opens at 0 and right after each of these
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]*")
_CLAUSE_END = re.compile(r"[，。；！？\n,;!?]")
_WINDOW = 60          # a trigger within this many characters of the clause start (its clause or the next)
_MIN_CLAUSES = 2
_MIN_TIMES = 3


@functools.lru_cache(maxsize=4)
def _data(lex_id: int, lex: Lexicon):
    trig = sorted({t.word for t in lex.triggers if t.lang == "zh" and t.relation != "-" and "…" not in t.word
                   and len(t.word) >= 2}, key=len, reverse=True)
    # the trigger words as one automaton: their occurrences in a text are found once (one C scan), and
    # "a trigger within the window after a clause opening" is a bisection in them, not a regex search
    # of an 800-character alternation per clause opening
    auto = None
    if trig:
        auto = ahocorasick.Automaton()
        for w in trig:
            auto.add_word(w, len(w))
        auto.make_automaton()
    bad = tuple(lex.words("repeat_bad_tag"))
    one = frozenset(lex.words("repeat_word_tag"))
    places = tuple(sorted((r["word"] for r in load_table("places.tsv") if r.get("word")), key=len, reverse=True))
    return auto, bad, one, places


def _trigger_spans(text: str, auto) -> tuple[list[int], list[int]]:
    """The trigger words' occurrences in `text` (every one, overlapping ones too) as (starts, sorted;
    the least end of the occurrences from each on): a word lies within [p, q) when the first
    occurrence starting at or after p has a least end <= q."""
    occ = sorted((e + 1 - n, e + 1) for e, n in auto.iter(text)) if auto is not None else []
    least = [0] * len(occ)
    low = len(text) + 1
    for i in range(len(occ) - 1, -1, -1):
        low = min(low, occ[i][1])
        least[i] = low
    return [a for a, _ in occ], least


def _name_like(s: str, lex: Lexicon, bad: tuple, one: frozenset, places: tuple) -> bool:
    stops = stop_words(id(lex), lex)
    if s in lex.generic or s in stops or lex.lookup(s) is not None or s.startswith(places) or not plausible_name(s):
        return False
    toks = nlp.tagged(s)
    if len(toks) == 1 and (toks[0][1] or "none") not in one:
        return False        # a dictionary word of its own (摩托车, 公司)
    return not any(w in stops or w in lex.generic or (t or "x").startswith(bad) for w, t in toks)


def repeated_subjects(text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """Mentions of the unknown names the article opens clauses with (see the module's doc), added to
    `mentions` (sorted)."""
    auto, bad, one, places = _data(id(lex), lex)
    follow: dict[str, list[str]] = {}
    starts, least = _trigger_spans(text, auto)
    for p in [0] + [m.end() for m in _OPENS_AFTER.finditer(text)]:
        if p >= len(text) or not CJK.match(text[p]):
            continue
        i = bisect.bisect_left(starts, p)
        if i == len(starts) or least[i] > p + _WINDOW:
            continue        # no trigger word within the window
        ce = _CLAUSE_END.search(text, p)
        clause = text[p:ce.start() if ce else len(text)]
        run = _CJK_RUN.match(clause).end()     # (how many Chinese characters open the clause)
        for k in (4, 3, 2):
            if run >= k:
                s = clause[:k]
                follow.setdefault(s, []).append(clause[k:k + 1])
    picked = []
    for s, after in follow.items():
        if len(after) < _MIN_CLAUSES or len(set(after)) < 2:
            continue
        if any(o != s and o.startswith(s) and len(follow[o]) >= len(after) and len(set(follow[o])) >= 2
               for o in follow):
            continue        # a longer string opens the same clauses: it is the unit
        if text.count(s) < _MIN_TIMES or not _name_like(s, lex, bad, one, places):
            continue
        occ = [(i.start(), i.start() + len(s)) for i in re.finditer(re.escape(s), text)]
        spans = [(m.start, m.end) for m in mentions]
        if any(a < e and st < b and not (a == st and e <= b) for st, e in occ for a, b in spans):
            continue        # written across a mention, or inside one after its start: not unknown
        # (a longer name opening with it, 日月光投资控股公司, keeps its own span)
        picked.append((s, [(st, e) for st, e in occ if not any(a < e and st < b for a, b in spans)]))
    if not picked:
        return mentions
    out = list(mentions)
    for s, occ in picked:
        typ = guess_type(s, nlp.tagged(s), lex)
        out.extend(Mention(a, b, s, typ, s, "pattern") for a, b in occ)
    out.sort(key=lambda m: (m.start, m.end))
    return out
