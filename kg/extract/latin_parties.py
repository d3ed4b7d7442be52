"""Latin names as the parties of a deal or a suit: `T-Mobile收购Sprint`, `特步宣布收购全球知名品牌K-Swiss、
Palladium及Supra`, `VFine Music起诉短视频MCN机构papitube`.

The lexicon knows few foreign companies, and the Chinese name finders stop at the first Latin letter
(全球知名品牌K).  Beside a deal or suit verb (`ontology/lexicon/modifiers.tsv` kind `party_verb`), a Latin
name written right after the verb — after a price, a manner and a description of its kind (以340亿美元,
美国游戏开发工作室) — is the object, with the Latin names listed after it (、, 和, 及); a Latin name
right before the verb (after adverbs: 宣布, 将, 正式) that opens its clause is the subject.  They become
Company mentions; the frame readers (`relations.py`) read the fact.  Not names: abbreviations of
things (App, AI, IPO: `launch_not_name`), stock codes, a name glued to a Chinese word (MCN机构: a kind).
Word lists: the modifiers.tsv kinds `_patterns` names (latin_lead, latin_glued_kind, company_kind_before, …).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.extract.mentions import Mention
from kg.lexicon import Lexicon

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&\-.]*[A-Za-z0-9]?(?: [A-Z][A-Za-z0-9&\-.]*[A-Za-z0-9]?){0,3}")
_LATIN = re.compile(r"[A-Za-z]")       # (compiled once: asked per sentence and per name)
_LATIN2 = re.compile(r"[A-Za-z]{2}")


class _Rx(NamedTuple):
    """Patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    between: re.Pattern
    leads: tuple
    price: re.Pattern
    list_: re.Pattern
    glued_kind: re.Pattern
    kind_before: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    return _Rx(
        # what stands between the verb and the object's name: a price, a manner, a description of its kind
        between=re.compile(rf"(?:了)?(?:以[^，。；,;]{{1,16}}?(?:{alt('latin_price_noun', 'currency')}))?(?:的)?"
                           r"[\u4e00-\u9fff]{0,14}?(?=[A-Za-z])"),
        leads=tuple(sorted(lex.words("latin_lead"), key=lambda w: (-len(w), w))),
        price=re.compile(rf"(?:{alt('latin_price_verb')})[^，。；,;]{{1,16}}?(?:{alt('currency', 'currency_rare')})(?:的)?"
                         rf"(?:{alt('latin_price_after')})?"),
        list_=re.compile(rf"\s?(?:{alt('round_list_split')})\s?"),
        # a Latin word glued to a Chinese kind noun is a kind or a part, not the party (MCN机构, CMOS图像传感器厂家)
        glued_kind=re.compile(rf"[\u4e00-\u9fff]{{0,2}}(?:{alt('latin_glued_kind')})"),
        # a kind of company written before a name: 芯片设计品牌Nexora is Nexora
        kind_before=re.compile(rf"(?:{alt('company_kind_before')})$"),
    )


@functools.lru_cache(maxsize=4)
def _verbs(lex_id: int, lex: Lexicon) -> tuple:
    return (tuple(sorted(lex.words("party_verb"), key=len, reverse=True)),
            frozenset(w.lower() for w in lex.words("launch_not_name")))


def described(m: Mention, s: int, e: int, lex: Lexicon) -> bool:
    """`m` is a found name made of a description and the name text[s:e] (芯片设计品牌Nexora)."""
    return m.source != "lexicon" and m.start < s and m.end == e and bool(
        _patterns(id(lex), lex).kind_before.search(m.surface[:s - m.start]))


@functools.lru_cache(maxsize=8)
def _verb_re(verbs: tuple) -> re.Pattern:
    return re.compile("|".join(map(re.escape, verbs)))


def latin_party_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """Company mentions for the Latin parties beside the deal and suit verbs of text[ss:se]."""
    verbs, not_name = _verbs(id(lex), lex)
    rx = _patterns(id(lex), lex)
    seg = text[ss:se]
    if not verbs or not _LATIN.search(seg) or not any(v in seg for v in verbs):
        return []
    out: list[Mention] = []
    known = [m for m in sm if m.source == "lexicon"]

    def add(s: int, e: int) -> None:
        name = text[s:e]
        if len(name) < 2 or name.lower() in not_name or not _LATIN2.search(name):
            return
        if any(m.start < e and s < m.end for m in known + out) or any(
                m.start <= s and e <= m.end and not described(m, s, e, lex) for m in sm):
            return        # a known name is read as the lexicon has it; a found name holding it stays
        out.append(Mention(s, e, name, "Company", name, "pattern"))

    for mv in _verb_re(verbs).finditer(text, ss, se):
        vs, ve = mv.start(), mv.end()
        # the object after it, and the Latin names listed after the object
        mb = rx.between.match(text, ve, se)
        p = mb.end() if mb else ve
        while p < se:
            mn = _NAME.match(text, p, se)
            if not mn or rx.glued_kind.match(text, mn.end(), se):
                break
            add(mn.start(), mn.end())
            ml = rx.list_.match(text, mn.end(), se)
            if not ml:
                break
            p = ml.end()
        # the subject before it
        q = vs
        for _ in range(5):
            w = next((w for w in rx.leads if text.startswith(w, q - len(w)) and q - len(w) >= ss), None)
            mp = rx.price.search(text, ss, q)
            if w:
                q -= len(w)
            elif mp and mp.end() == q:
                q = mp.start()       # 以12亿美元收购
            else:
                break
        head = text[ss:q]
        ms = re.search(r"(?<![A-Za-z0-9&\-.])([A-Z][A-Za-z0-9&\-.]*(?: [A-Z][A-Za-z0-9&\-.]*){0,2})\s?$", head)
        if ms:
            before = head[:ms.start(1)].rstrip()
            if not before or before[-1] in "，,。；;：:！!？?】」”\"" or re.search(r"\d{1,2}日$", before):
                add(ss + ms.start(1), ss + ms.end(1))
    return out
