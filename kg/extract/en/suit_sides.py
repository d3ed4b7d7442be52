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

import functools
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


# "Motorola first filed the lawsuit in March 2017", "July 6, 2017, when Qualcomm filed the lawsuit": the
# article's suit, its defendant named elsewhere
_DEFINITE_SUIT = re.compile(r"\s+(?:had\s+|has\s+)?(?:first\s+|originally\s+|initially\s+)?(?:filed|brought)\s+"
                            r"(?:the|its|this|that)\s+(?:lawsuit|suit)\b(?!\s+(?:against|with|in\s+which))")


def definite_suits(text: str, title: str, sentences, mentions, dates, relations, make) -> list:
    """`sues` relations for "X filed the lawsuit" with no defendant in the clause: the defendant is the
    one other company the headline names beside X and the article names most often (the rival the
    article is about); nothing when X already sues someone in the article or no such rival stands out."""
    out = []
    suing = {r.subject for r in relations if r.type == "sues"}
    count: dict[str, int] = {}
    surfaces: dict[str, set] = {}
    for m in mentions:
        if m.type == "Company":
            count[m.name] = count.get(m.name, 0) + 1
            surfaces.setdefault(m.name, set()).add(m.surface)
    in_title = {n for n, ss_ in surfaces.items() if title and any(s and s in title for s in ss_)}
    for idx, (ss, se, _) in enumerate(sentences):
        for mt in _DEFINITE_SUIT.finditer(text, ss, se):
            filer = next((m for m in mentions if m.end == mt.start() and m.type == "Company"), None)
            if filer is None or filer.name in suing or filer.name not in in_title:
                continue
            rivals = sorted(((count[n], n) for n in in_title if n != filer.name), reverse=True)
            if not rivals or (len(rivals) > 1 and rivals[0][0] == rivals[1][0]):
                continue
            date = dates.date_for(idx, mt.start(), text)
            out.append(make(filer.name, rivals[0][1], date, ss, se, mt.group(0).strip()))
            suing.add(filer.name)
    return out


@functools.lru_cache(maxsize=4)
def _parallel_rx(en_id: int, en) -> re.Pattern | None:
    """"a parallel suit brought by X", "a separate case filed by X" (modifiers_en.tsv kind parallel_case)."""
    words = sorted(en.words("parallel_case"), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"\b(?:a|an|its|their)\s+(?:own\s+)?(?:%s)\s+(?:law)?(?:suit|case|action|challenge|complaint)\s+"
                      r"(?:brought|filed)\s+by\s+" % "|".join(map(re.escape, words)), re.I)


_SIDE_TYPES = ("Company", "Regulator", "Organization", "Person")


def parallel_suits(text: str, sentences, mentions, relations, en, make) -> list:
    """`sues` relations for "a parallel (separate) suit brought by X" naming no defendant: X sues the
    defendants of the suit it parallels — the one the article tells last before it, else the first told
    after (the FTC's suit against Facebook, then "a parallel suit brought by 46 states, led by New York's
    attorney general").  The plaintiff is the first side named after "by" in the clause (after "led by"
    when it names the leader of a group).  Undated: the sentence's date is that of the ruling or settlement
    that mentions the suit, not the filing's."""
    rx = _parallel_rx(id(en), en)
    suits = sorted((r for r in relations if r.type == "sues" and not r.negated), key=lambda r: r.start)
    if rx is None or not suits:
        return []
    out = []
    for ss, se, _ in sentences:
        for mt in rx.finditer(text, ss, se):
            end = next((k for k in range(mt.end(), se) if text[k] in ";."), se)
            led = re.search(r",\s+led\s+by\s+", text[mt.end():end])
            lo = mt.end() + led.end() if led else mt.end()
            plaintiff = next((m for m in mentions if lo <= m.start < end and m.type in _SIDE_TYPES), None)
            if plaintiff is None or any(r.subject == plaintiff.name and r.start == ss for r in suits):
                continue
            before = [r for r in suits if r.start < ss and r.subject != plaintiff.name]
            after = [r for r in suits if r.start > ss and r.subject != plaintiff.name]
            told = before[-1] if before else (after[0] if after else None)
            if told is None:
                continue
            for d in dict.fromkeys(r.object for r in suits if r.start == told.start and r.subject == told.subject):
                if d != plaintiff.name:
                    out.append(make(plaintiff.name, d, None, ss, se, mt.group(0).strip()))
    return out

