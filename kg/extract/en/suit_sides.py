"""Who is not a side of an English suit, whatever the clause reader paired:

- a name only inside a parenthetical aside the verb is outside of: "Rockstar Consortium (a patent
  holding company jointly owned by Apple, Microsoft, ...) ... the lawsuit filed against Huawei" —
  Apple and Microsoft are the consortium's owners, not plaintiffs;
- a name set apart by "aside from", "besides", "apart from", "in addition to", "other than": "Aside
  from Google, Rockstar has filed lawsuits against Samsung" — Google is another defendant, not a
  plaintiff;
- a company whose customers, users, clients, suppliers or dealers were sued: "Rockstar, which had sued
  a number of Cisco's customers" — Cisco was not.
"""
from __future__ import annotations

import re

_SET_APART = re.compile(r"(?:\b(?:[Aa]side|[Aa]part)\s+from|\b[Bb]esides|\b[Ii]n\s+addition\s+to|\b[Oo]ther\s+than)\s+$")
_THEIR_PEOPLE = re.compile(r"^(?:['’]s?)?\s+(?:customers|users|clients|suppliers|dealers|resellers|retailers|distributors|"
                           r"partners|licensees|employees|shareholders)\b")


def _asides(text: str, ss: int, se: int) -> list[tuple[int, int]]:
    out, depth, start = [], 0, 0
    for k in range(ss, se):
        ch = text[k]
        if ch in "(（":
            if depth == 0:
                start = k
            depth += 1
        elif ch in ")）" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, k + 1))
    return out


def suit_sides(text: str, cands: list, mentions: list) -> list:
    """`cands` without the `sues` candidates whose plaintiff or defendant is no side (module doc)."""
    out = []
    for c in cands:
        if c.type != "sues":
            out.append(c)
            continue
        here = [m for m in mentions if c.ss <= m.start and m.end <= c.se]
        # the tellings on the verb's side: a subject before it, an object after it (when written there)
        subj = [m for m in here if m.name == c.subject]
        subj = [m for m in subj if m.end <= c.tstart] or subj
        obj = [m for m in here if m.name == c.object]
        obj = [m for m in obj if m.start >= c.tend] or obj
        asides = _asides(text, c.ss, c.se)
        inside = lambda m: any(a < m.start and m.end < b for a, b in asides)  # noqa: E731
        trig_inside = any(a < c.tstart < b for a, b in asides)
        if subj and not trig_inside and all(inside(m) for m in subj):
            continue
        if subj and all(_SET_APART.search(text[max(c.ss, m.start - 20):m.start]) for m in subj):
            continue
        if obj and all(_THEIR_PEOPLE.match(text[m.end:m.end + 20]) for m in obj):
            continue
        out.append(c)
    return out
