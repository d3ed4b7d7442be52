"""How each side of a relation candidate was found (its argument path), read off the sentence.

A side is one of:

    named     a name written in the trigger's clause (the plain case)
    short     a short form found by short_forms.py (source "alias") in the trigger's clause
    list      a member of a list of names (a rule ending ".list", or a name beside 、)
    clause    a name written in the sentence but in another clause: a subject carried over a comma
    pronoun   其 / 该公司 / 后者 / 前者 resolved by coref.py
    company   a bare 公司 resolved by coref.py (the announcer of the sentence, else the article's topic)
    both      双方 / 两家 resolved by coref.py to the two parties
    sentence  not written in the sentence: carried from an earlier sentence (sentence_subject,
              parallel actors) or found by a later step
    ""        (no candidate: facts built after the readers, e.g. the other side of a ruling)

A relation's path is its less direct side's ("named" when both sides are named in the clause),
by the order of `RANK`; `kg.extract.confidence` lowers or raises a fact's confidence by the measured
precision of its rule on that path (`benchmarks/calibrate.py` counts them).
"""
from __future__ import annotations

from kg.extract.mentions import clause_span

# from the most direct to the least: a relation's path is the last of its two sides'
RANK = ("named", "short", "list", "clause", "company", "pronoun", "both", "sentence")


def side_path(text: str, cs: int, ce: int, ss: int, se: int, name: str, allm: list, both: set | frozenset) -> str:
    """The path of the side named `name` of a candidate whose trigger clause is text[cs:ce], in the
    sentence text[ss:se] with its mentions `allm` (coref ones included)."""
    named = [m for m in allm if m.name == name and m.source != "coref" and ss <= m.start < se]
    here = [m for m in named if cs <= m.start < ce]
    if here:
        m = here[0]
        if m.source == "alias":
            return "short"
        if text[m.end:m.end + 1] == "、" or text[m.start - 1:m.start] == "、":
            return "list"
        return "named"
    refs = [m for m in allm if m.name == name and m.source == "coref" and ss <= m.start < se]
    near = [m for m in refs if cs <= m.start < ce] or ([] if named else refs)
    if near:
        w = near[0].surface
        return "both" if w in both else "company" if w == "公司" else "pronoun"
    if named:
        return "clause"
    return "sentence"


def candidate_path(text: str, ss: int, se: int, c, allm: list, both: set | frozenset) -> str:
    """The path of a candidate: its less direct side's ("list" for a list rule's named sides)."""
    cs, ce = clause_span(text, max(ss, c.start), max(c.end, c.start + 1))
    cs, ce = max(cs, ss), min(ce, se)
    sides = [side_path(text, cs, ce, ss, se, n, allm, both) for n in (c.subject, c.object)]
    if c.rule.endswith(".list"):
        sides = ["list" if p == "named" else p for p in sides]
    return max(sides, key=RANK.index)
