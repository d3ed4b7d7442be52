"""A unit named after its owner, written as two names glued together before a stake (rule
`zh.entity.joined_unit`): 收购东风|小康50%股权, 购买紫光|联盛100%股权, 美锦能源拟收购美锦|氢能100%股权,
受让欢瑞|影视100%股权.  The owner's short name (a lexicon name or a found one) and the unit's own word
are two mentions with nothing between them; a stake right after says the whole run is what is bought:
one company, named by the whole run.

Not when the first part is a description ending in a kind noun (新三板广告公司|华商智汇: 公司, 企业,
平台 …), nor when the second opens with a function, negation, number or pronoun word (远程心界|不低于
66.78%股权); the run stays short (at most eight characters, Chinese only).

Measured on the pools before writing it: adjacent company mentions before a stake, FewFC 27 — 24 the
silver key's name, 3 not (the two above, and one the key spells otherwise); DuEE none.  Without a stake
after, 17 right and 22 wrong: that case is left alone.
"""
from __future__ import annotations

import functools

from kg import nlp
from kg.extract.mentions import CJK, Mention
from kg.extract.name_spans import stake_at, stop_words
from kg.lexicon import Lexicon

_MAX = 8


@functools.lru_cache(maxsize=4)
def _data(lex_id: int, lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(lex.words("unit_owner_kind")), tuple(lex.words("unit_bad_tag"))


def joined_units(text: str, lex: Lexicon, sent: list[Mention]) -> tuple[list[Mention], set[int]]:
    """Join each owner + unit pair before a stake among a sentence's mentions `sent` (sorted): (the
    joined mentions, the ids of the mentions they replace, to be taken out of every list holding
    them) (see the module's doc)."""
    kinds, bad = _data(id(lex), lex)
    stops = stop_words(id(lex), lex)
    gone: set[int] = set()
    joined: list[Mention] = []
    for a, b in zip(sent, sent[1:]):
        if id(a) in gone or a.end != b.start or a.type != "Company" or b.type != "Company" \
                or b.end - a.start > _MAX or not all(CJK.match(c) for c in text[a.start:b.end]) \
                or not stake_at(text, b.end) or a.surface.endswith(kinds):
            continue
        w, t = (nlp.tagged(b.surface) or [("", None)])[0]
        if w in stops or (t or "x").startswith(bad):
            continue
        name = text[a.start:b.end]
        joined.append(Mention(a.start, b.end, name, "Company", name, "pattern"))
        gone |= {id(a), id(b)}
    return joined, gone
