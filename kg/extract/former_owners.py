"""Ownership that is over: the check `former_owner` (kg/extract/checks.py runs it, status "negated").

An `owns` fact whose sentence tells the ownership as past is no fact now:

    青禾物流曾是远川科技旗下的子公司                a cue right before the owner (check_words.tsv
                                                    former_owner_before: 曾是, 原属, 曾隶属 …)
    远川科技的前子公司青禾物流                      a cue right after the owner (former_unit_after: 前子公司,
                                                    原母公司 …)
    远川科技已将旗下的青禾物流出售给北辰银行        a sale done in the owner's clause (unit_sold_done: 已将,
                                                    已出售 …; 将…出售 alone is a plan: the unit is still owned)
    Meta's former unit Giphy; Nokia sold its Withings unit; Giphy, formerly owned by Meta
                                                    a word between owner and unit (former_en)

Negation and irrealis (没有, 拟, would) are the `scope` check's.
"""
from __future__ import annotations

import functools
import re

from kg.lexicon import load_table

_CLAUSE = "，。；！？,;!?\n"


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in load_table("check_words.tsv"):
        if row.get("kind", "").startswith(("former_", "unit_sold_")) and row.get("word"):
            out.setdefault(row["kind"], []).append(row["word"])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _english() -> re.Pattern:
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, _words().get("former_en", ()))) + r")(?![A-Za-z])",
                      re.I)


def _in(spans, lo: int, hi: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in spans if lo <= s and e <= hi]


def former_ownership(text: str, lang: str, start: int, end: int, owner_spans, unit_spans) -> bool:
    """True when the sentence text[start:end] tells the owner's hold on the unit as past (module doc);
    `owner_spans` and `unit_spans` are the two entities' tellings (start, end) in the article."""
    owners, units = _in(owner_spans, start, end), _in(unit_spans, start, end)
    if not owners or not units:
        return False
    w = _words()
    if lang == "en":
        rx = _english()
        return any(rx.search(text, min(oe, ue), max(os_, us)) for os_, oe in owners for us, ue in units
                   if 0 <= max(os_, us) - min(oe, ue) <= 40)
    for os_, oe in owners:
        before = text[max(start, os_ - 5):os_]
        after = text[oe:oe + 7]
        surface = text[os_:oe]
        if before.endswith(w.get("former_owner_before", ())) or surface.startswith(w.get("former_owner_before", ())):
            return True
        if after.lstrip("的").startswith(w.get("former_unit_after", ())):
            return True
        stop = min((text.find(c, oe, end) for c in _CLAUSE if 0 <= text.find(c, oe, end)), default=end)
        clause = text[oe:stop]
        if any(oe < us < stop for us, _ in units) and any(x in clause for x in w.get("unit_sold_done", ())) and \
                re.search(r"出售|卖给|转让|剥离", clause):
            return True
    return False
