"""The other members of a list a relation's side stands in: `list_members` — a deal or a suit told
of one name of a list (A、B和C) is told of each of them.

    通化金马拟收购甲医院、乙医院、丙医院各84%股权     one read (…丙医院) → 甲医院, 乙医院 too
    X起诉A、B及C                                      X sues A → B, C too
    A、B诉C                                           A sues C → B sues C too

The readers (`relations.py`) take a side from the name nearest the trigger or the stake (49%股权)
and often leave the rest of the list out.  This rule adds, for each candidate a reader made, the
names joined to its side only by list punctuation or a conjunction (、 和 与 及 以及: nothing else
between them, no clause break), as `<rule>.list` — a narrower rule of the one that read the side,
measured on its own (`confidence.parent`).  The side is its telling nearest the trigger (the
first after it for an object, the last before it for a subject).  Not read: a member that is the
other side, a member of another kind (a product beside companies), a side told through a pronoun
(其), a list joined by commas (a new clause may start there), a member right before a trigger word
of its own (…收购A、B全资收购Y: B acts in a clause of its own), a side read also as a longer name for the
same other side (建材 beside 北新建材: a cut telling), a relation a rule dropped, and
investments (their lists mix investors, partners and owners).
"""
from __future__ import annotations

import dataclasses
import re

from kg.extract.mentions import Mention
from kg.extract.triggers import find_triggers
from kg.lexicon import Lexicon

# the relation types whose sides may be lists of parties, and which sides
_SIDES = {"acquires": ("object",), "sues": ("subject", "object"), "rules": ("object",)}
_JOIN = re.compile(r"[、和及与]|以及|、以及")
_PARTY = ("Company", "Person", "Organization", "Regulator")


def _joined(text: str, a: Mention, b: Mention) -> bool:
    return a.end <= b.start and bool(_JOIN.fullmatch(text[a.end:b.start].strip()))


def _chain(text: str, mentions: list[Mention], i: int) -> list[Mention]:
    """The mentions joined to mentions[i] by list words only (both ways)."""
    out = [mentions[i]]
    j = i
    while j + 1 < len(mentions) and _joined(text, mentions[j], mentions[j + 1]):
        j += 1
        out.append(mentions[j])
    j = i
    while j > 0 and _joined(text, mentions[j - 1], mentions[j]):
        j -= 1
        out.insert(0, mentions[j])
    return out


def _acts(end: int, se: int, acts: list[int]) -> bool:
    """A trigger word follows the name ending at `end` within a few characters (德赛西威全资收购)."""
    return any(end <= ts < min(se, end + 5) for ts in acts)


def list_members(text: str, ss: int, se: int, cands: list, mentions: list[Mention], lex: Lexicon) -> list:
    """Candidates for the other members of the lists the sides of `cands` (one sentence's reads,
    text[ss:se]) stand in."""
    ms = sorted((m for m in mentions if ss <= m.start and m.end <= se and m.source != "coref"),
                key=lambda m: (m.start, m.end))
    if len(ms) < 3 or not any(_joined(text, a, b) for a, b in zip(ms, ms[1:])):
        return []
    have = {(c.type, c.subject, c.object) for c in cands}
    acts = [ts for ts, _, _ in find_triggers(text, lex, ss, se)]
    out: list = []
    subjects: dict[tuple, set] = {}
    for c in cands:
        subjects.setdefault((c.type, c.object), set()).add(c.subject)
    for c in cands:
        if c.negated or c.type not in _SIDES:
            continue
        if any(c.subject != o and c.subject in o for o in subjects[(c.type, c.object)]):
            continue      # 建材 beside 北新建材 for one object: a cut telling of the other side, not spread
        for side in _SIDES[c.type]:
            name, other = (c.object, c.subject) if side == "object" else (c.subject, c.object)
            at = [i for i, m in enumerate(ms) if m.name == name and (
                m.start >= c.end if side == "object" else m.end <= c.start)]
            if not at:
                continue
            m = ms[at[0] if side == "object" else at[-1]]
            chain = _chain(text, ms, ms.index(m))
            while len(chain) > 1 and chain[-1] is not m and _acts(chain[-1].end, se, acts):
                chain.pop()
            for n in chain:
                if n.name in (name, other) or n.type != m.type or n.type not in _PARTY:
                    continue
                s, o = (c.subject, n.name) if side == "object" else (n.name, c.object)
                if (c.type, s, o) not in have:
                    have.add((c.type, s, o))
                    out.append(dataclasses.replace(c, subject=s, object=o, rule=c.rule + ".list"))
    return out
