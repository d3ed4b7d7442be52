"""Control taken: `zh.stake.controlling` — X 成为 Y 的 (间接) 控股股东 / 第一大股东: X acquires Y.

Becoming a company's controlling or largest shareholder is how a report closes a purchase
(苏宁易购成为家乐福中国控股股东; 浙能集团通过股权收购，成为宁波海运的控股股东).  X is the first name
of the clause that says it, or, when that clause names nobody (…，成为该港口的控股股东), the name
opening the sentence; Y is the name right after 成为.  Not read: a controller (实际控制人 is a person's
role, not a purchase), an anaphor (成为该公司的控股股东: which company is another sentence's), a
shareholder of lower rank (股东, 重要股东).  Word lists: `ontology/lexicon/modifiers.tsv` kind
`control_role` (控股股东, 第一大股东 ...), and those `_patterns` names (control_lead, opener_next, not_name_start).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.extract.mentions import Mention
from kg.extract.name_spans import name_like, tokens_from
from kg.lexicon import Lexicon

_BECOME = re.compile(r"成为(?:了)?")
_BREAK = "，,；;。！？!?\n"
_PARTY_TYPES = ("Company", "Organization", "Person")
_OWNED_TYPES = ("Company", "Organization")


class _Rx(NamedTuple):
    """Patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    lead: re.Pattern
    opener: re.Pattern
    not_name: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    return _Rx(
        lead=re.compile(rf"(?:(?:据[^，,。；;]{{1,8}}|{alt('control_lead')}|今年\d{{0,2}}月?(?:份)?|"
                        r"\d{4}年(?:\d{1,2}月(?:份)?)?(?:\d{1,2}日)?|\d{1,2}月(?:份)?(?:\d{1,2}日)?|[^，,；;。]{0,10}后)[，,]?)*"),
        opener=re.compile(rf"([\u4e00-\u9fff]{{2,6}}?)(?={alt('opener_next')})"),
        not_name=re.compile(rf"^(?:{alt('not_name_start')})"),
    )


def controlling_relations(text: str, ss: int, se: int, mentions: list[Mention], lex: Lexicon) -> list:
    """`acquires` facts of the sentence text[ss:se] told as becoming the controlling shareholder, as
    (subject, object, type, start, end, trigger, rule)."""
    if "成为" not in text[ss:se]:
        return []
    roles = tuple(sorted(lex.words("control_role"), key=len, reverse=True))
    if not roles:
        return []
    named = [m for m in mentions if m.source != "coref"]
    out = []
    for mb in _BECOME.finditer(text, ss, se):
        y = next((m for m in named if mb.end() <= m.start <= mb.end() + 1 and m.type in _OWNED_TYPES), None)
        if y is None:
            continue
        ys = [y]      # 成为A和B的控股股东: each member
        while True:
            nxt = next((m for m in named if m.type in _OWNED_TYPES and m.start > ys[-1].end and
                        text[ys[-1].end:m.start] in lex.words("list_conj")), None)
            if nxt is None:
                break
            ys.append(nxt)
        rest = text[ys[-1].end:min(se, ys[-1].end + 8)]
        rest = rest[1:] if rest.startswith("的") else rest
        rest = re.sub(r"^(?:间接|直接|新的|新|单一|唯一)", "", rest)
        role = next((r for r in roles if rest.startswith(r)), None)
        if role is None:
            continue
        x = _holder(text, ss, mb.start(), named, lex)
        if x is None:
            continue
        for y in ys:
            if x.name != y.name:
                out.append((x.name, y.name, "acquires", mb.start(), mb.end(), "成为…" + role,
                            "zh.stake.controlling"))
    return out


_SLOT = re.compile(r"成为(?:了)?([\u4e00-\u9fffA-Za-z0-9]{2,10}?)的?(?:间接|直接)?(?:控股股东|第一大股东)")


def control_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """Names the control frame's slots hold: Y in 成为Y的控股股东, and the name opening the clause
    or the sentence before it (德豪润达通过收购…，成为雷士照明的第一大股东)."""
    if "成为" not in text[ss:se]:
        return []
    out: list[Mention] = []

    def add(s: int, e: int) -> None:
        name = text[s:e]
        if _patterns(id(lex), lex).not_name.match(name) or name in lex.generic or any(m.start < e and s < m.end for m in sm + out):
            return
        out.append(Mention(s, e, name, "Company", name, "pattern"))

    for mt in _SLOT.finditer(text, ss, se):
        if not any(r in mt.group(0) for r in lex.words("control_role")):
            continue
        # 成为A和B的控股股东: each member of a list is a name of its own
        p0 = mt.start(1)
        for part in re.split(r"(和|与|及|、)", mt.group(1)):
            if part not in ("和", "与", "及", "、") and len(part) >= 2:
                add(p0, p0 + len(part))
            p0 += len(part)
        cs = mt.start()
        while cs > ss and text[cs - 1] not in _BREAK:
            cs -= 1
        for p in (cs, ss):
            lead = _patterns(id(lex), lex).lead.match(text, p, mt.start())
            q = lead.end() if lead else p
            mo = _patterns(id(lex), lex).opener.match(text, q, mt.start())
            if mo and not any(m.start <= q < m.end for m in sm) and _name_words(text, mo.start(1), mo.end(1), lex):
                add(mo.start(1), mo.end(1))
                break
            if any(m.start == q for m in sm):
                break
    return out


def _name_words(text: str, s: int, e: int, lex: Lexicon) -> bool:
    """text[s:e] reads as a name: its first word a proper noun (or one jieba does not know), or it
    ends with a company ending (峰峰集团)."""
    toks = tokens_from(text, s, e)
    if not toks or text[s:e] in lex.generic:
        return False
    w, t = toks[0]
    if name_like(w, t, lex) and (t is None or t in ("nt", "nz", "nr", "ns", "j", "nrt", "nrfg")):
        return True
    return len(w) >= 2 and name_like(w, t, lex) and any(text[s:e].endswith(x[0]) and len(x[0]) < e - s
                                                        for x in lex.suffixes if x[1] == "Company")


def _holder(text: str, ss: int, pos: int, named: list[Mention], lex: Lexicon) -> Mention | None:
    """The first name of the clause before `pos`, or the name opening the sentence when the clause
    names nobody."""
    cs = pos
    while cs > ss and text[cs - 1] not in _BREAK:
        cs -= 1
    inside = [m for m in named if cs <= m.start and m.end <= pos and m.type in _PARTY_TYPES]
    if inside:
        first = inside[0]
        # the clause opens with it (after a lead word or a date): its subject, not a name in a phrase
        return first if _patterns(id(lex), lex).lead.fullmatch(text[cs:first.start]) or first.start == cs else None
    before = [m for m in named if ss <= m.start and m.end <= cs and m.type in _PARTY_TYPES]
    if not before:
        return None
    first = before[0]
    head = text[ss:first.start]
    if head and not _patterns(id(lex), lex).lead.fullmatch(head):
        return None
    return first
