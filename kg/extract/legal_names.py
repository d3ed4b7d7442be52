"""Registered names cut short at their trade words: `widen_legal_names`.

    子公司黄山永新新材料有限公司   found as 材料有限公司         -> 黄山永新新材料有限公司
    河南四海盛行汽车租赁有限公司   found as 汽车租赁有限公司     -> 河南四海盛行汽车租赁有限公司
    鞍钢集团财务有限责任公司       found as 财务有限责任公司     -> 鞍钢集团财务有限责任公司

The ending reader (`discover_names.suffix_mentions`) scans left from the legal ending over the words
the segmenter makes; a trade word (材料, 电子支付, 科技) whose left neighbour the segmenter tags as a
verb, an adverb or a number stops it, and what is left names no one: a kind of business with a legal
ending.  Such a name (no proper word before its ending) is widened to the left, inside its clause,
over the characters glued to it, up to the leftmost proper word among them — a place (黄山, 河南), a
name the lexicon knows (鞍钢集团, 平安) or a word the segmenter does not know or tags a proper noun —
and no further than a stop word, a function character or ten characters.
"""
from __future__ import annotations

import re

from kg import nlp
from kg.extract.discover_names import LEGAL_ENDINGS
from kg.extract.mentions import Mention
from kg.extract.name_spans import stop_words
from kg.lexicon import Lexicon

_PROPER = ("ns", "nr", "nz", "nt", "nrt", "nrfg", "j", None)
_GLUE = re.compile(r"[\u4e00-\u9fff]")
# a character that ends the word before a name (a preposition, a particle, a conjunction)
_FUNCTION = set("的了与和及向为对由将把被给是在其于至从并兼予等或")
_WIDEN = 10
_LEGAL = tuple(LEGAL_ENDINGS)
_BRACKET = re.compile(r"[（(][^（）()]{1,8}[)）]")


def widen_legal_names(text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with every registered name cut at its trade words widened (the mentions it then
    covers dropped)."""
    endings = sorted(LEGAL_ENDINGS, key=len, reverse=True)
    widened: list[tuple[Mention, Mention]] = []
    for m in mentions:
        if m.source != "pattern" or m.type != "Company":
            continue
        end = next((x for x in endings if m.surface.endswith(x)), None)
        if end is None:
            continue
        core = _BRACKET.sub("", m.surface[:len(m.surface) - len(end)])
        if not core or len(core) > 6 or any(t in _PROPER or w in lex.entities for w, t in nlp.tagged(core)):
            continue
        start = _proper_start(text, m.start, mentions, lex)
        if start is not None and start < m.start:
            s = text[start:m.end]
            widened.append((m, Mention(start, m.end, s, m.type, s, "pattern")))
    if not widened:
        return mentions
    new = [w for _, w in widened]
    old = {id(m) for m, _ in widened}
    kept = [m for m in mentions if id(m) not in old and not any(w.start <= m.start and m.end <= w.end for w in new)]
    return sorted(kept + new, key=lambda m: (m.start, m.end))


def _proper_start(text: str, s: int, mentions: list[Mention], lex: Lexicon) -> int | None:
    """The leftmost proper word among the characters glued before position `s` (None: none)."""
    a = s
    while a > 0 and s - a < _WIDEN and _GLUE.match(text[a - 1]) and text[a - 1] not in _FUNCTION:
        a -= 1
    if a == s:
        return None
    # a known name glued before (鞍钢集团): it anchors the name, whatever its words
    known = [m for m in mentions if m.source == "lexicon" and a <= m.start and m.end <= s]
    stops = stop_words(id(lex), lex)
    toks = nlp.tagged(text[a:s])
    best = None
    pos = s
    for w, t in reversed(toks):
        pos -= len(w)
        if w in stops or w in lex.generic and not any(k.start <= pos < k.end for k in known):
            break
        if any(k.start == pos for k in known) or (t in _PROPER and len(w) >= 2):
            best = pos
    return best


def join_branches(text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """Rule zh.entity.branch_joined: a branch named by its place alone (…资产管理股份有限公司|深圳市分公司,
    …银行股份有限公司|宜昌分行; modifiers.tsv kind branch_ending) is a unit of the name written right before
    it: the two are one name, the branch's.  With no name right before it, a company's branch named by a
    place alone (信达|深圳分公司, with the brand cut off) is no entity, unless a registered name's legal
    ending stands right before it (原告平安银行股份有限公司|武汉分行: a name the discovery did not read); a
    bureau's (海淀分局) stays."""
    ends = tuple(sorted(lex.words("branch_ending"), key=len, reverse=True))
    if not ends or not any(m.source == "pattern" and m.surface.endswith(ends) for m in mentions):
        return mentions
    by_end = {m.end: m for m in mentions if m.type in ("Company", "Organization", "Regulator") and not m.surface.endswith(ends)}
    out: list[Mention] = []
    gone: set[int] = set()
    for m in mentions:
        end = next((x for x in ends if m.surface.endswith(x)), None) if m.source == "pattern" else None
        stem = m.surface[:len(m.surface) - len(end)] if end else ""
        if not stem or not all(t == "ns" for _, t in nlp.tagged(stem)):
            out.append(m)
            continue
        prev = by_end.get(m.start)
        if prev is None:
            # (kept after a legal ending no name was read from: 原告平安银行股份有限公司|武汉分行)
            if m.type != "Company" or text.endswith(_LEGAL, 0, m.start):
                out.append(m)
            continue
        s = text[prev.start:m.end]
        gone.add(id(prev))
        out.append(Mention(prev.start, m.end, s, m.type, s, "pattern"))
    return sorted((m for m in out if id(m) not in gone), key=lambda m: (m.start, m.end))
