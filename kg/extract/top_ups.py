"""A shareholder buying more of the announcing company: `zh.stake.top_up` — X 增持公司股份: X invests in
the company the sentence is about.

    航民股份公告，控股股东航民集团于11月7日增持公司股份403万股        航民集团 invests 航民股份
    上海银行的方案显示，该行股东联和投资、上港集团各自累计增持该行股份   联和投资, 上港集团 invest 上海银行

A company's announcement names its shareholders' purchases with a word for itself (公司, 本公司, 该行,
该公司, 上市公司) after 增持; that word is the company the sentence opens with (the announcer: the
first company it names).  X is the last party named before 增持 (not one inside 通过…, the exchange
or the channel it bought through), with the members listed with it (A、B和C); when the clause of
增持 names nobody (…表示，计划…增持公司…), the last party before it in the sentence.
Not read: a sale (减持), a company that names no one but itself, a sentence opening with no company.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.extract.mentions import Mention
from kg.lexicon import Lexicon

_PARTY = ("Company", "Person", "Organization")
_THROUGH = re.compile(r"通过[^，,。；;]*$")
_LIST = ("、", "和", "与", "及", "以及")


class _Rx(NamedTuple):
    """Patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    top_up: re.Pattern
    bare: re.Pattern
    holder: re.Pattern
    announces: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    # an amount between the verb and the company word: 增持了3.2%公司股份, 增持1%-5%的公司股份
    amount = rf"(?:(?:{alt('top_up_about')})?[0-9][0-9.,%~\-－至]*(?:万|亿)?股?(?:的)?)?"
    return _Rx(
        top_up=re.compile(r"增持(?:了)?" + amount + rf"(?:{alt('self_company')})(?!债)"),
        # 增持21万股 with no company after it: the company is the one the buyer is a shareholder of
        bare=re.compile(r"增持(?:了)?" + amount + rf"(?:{alt('top_up_share')})?(?=[，,。；;（(]|$)"),
        holder=re.compile(rf"(?:(?P<own>{alt('own_company')})|(?:[（(][^（()）]{{2,16}}[)）])?)(?:的)?"
                          rf"(?:{alt('shareholder_role')}|第[一二三四五]大股东)$"),
        # the opening company announces: 航民股份公告, 新华百货(600785)11月11日晚公告，汇通能源披露
        announces=re.compile(rf"(?:[（(][^（()）]{{2,16}}[)）])?[^，,。；;]{{0,12}}?(?:{alt('announce_word')})"),
    )



def top_up_relations(text: str, ss: int, se: int, mentions: list[Mention], lex: Lexicon) -> list:
    """`invests` facts of the sentence text[ss:se] told as X 增持公司股份, as (subject, object, type,
    start, end, trigger, rule)."""
    if "增持" not in text[ss:se]:
        return []
    named = [m for m in mentions if m.source != "coref" and m.type in _PARTY]
    out = []
    rx = _patterns(id(lex), lex)
    for mt in rx.top_up.finditer(text, ss, se):
        announcer = next((m for m in named if m.type == "Company" and m.end <= mt.start()), None)
        if announcer is None:
            continue
        group = _buyers(text, mt, named, announcer)
        if group:
            for x in group:
                out.append((x.name, announcer.name, "invests", mt.start(), mt.end(), "增持", "zh.stake.top_up"))
    for mt in rx.bare.finditer(text, ss, se):
        got = _held(text, mt, named, rx)
        if got:
            held, group = got
            for x in group:
                out.append((x.name, held.name, "invests", mt.start(), mt.end(), "增持", "zh.stake.top_up.holder"))
    return out


def _held(text: str, mt: re.Match, named: list[Mention], rx: _Rx):
    """(the company, its buyers) of a bare 增持21万股 whose buyers are named as its shareholders:
    A(code)的控股股东X…增持, or 公司控股股东X (公司: the company the sentence opens with, when it
    announces: A公告，…公司控股股东X…增持)."""
    announcer = next((m for m in named if m.type == "Company" and m.end <= mt.start()), None)
    if announcer is None:
        return None
    group = _buyers(text, mt, named, None, channel_after=True)
    if not group or group[0].start <= announcer.start:
        return None
    mh = rx.holder.search(text, announcer.end, group[0].start)
    if mh is None:
        return None
    if mh.group("own"):
        if not rx.announces.match(text, announcer.end) or any(
                m.type == "Company" and m.name != announcer.name and announcer.end <= m.start and m.end <= mh.start()
                for m in named):
            return None     # another company named between: 公司 may be that one
        return announcer, group
    held = next((m for m in named if m.type == "Company" and m.end == mh.start()), None)
    return (held, group) if held is not None else None


def _buyers(text: str, mt: re.Match, named: list[Mention], announcer: Mention | None,
            channel_after: bool = False) -> list[Mention]:
    """The buyers of the 增持 at `mt`: the last party named before it in its clause and the members
    listed with it; when its clause names nobody, the last party before it in the sentence.  Not a
    party 通过 comes before in the clause (the channel); unless `channel_after`, not one 通过 follows
    either."""
    other = [m for m in named if announcer is None or m.name != announcer.name]
    before = [m for m in other if m.end <= mt.start()
              and not re.search(r"[，,。；;]", text[m.end:mt.start()])
              and not (_THROUGH.search(text, m.end, mt.start()) if not channel_after else
                       re.search(r"通过[^，,。；;]*$", text[max(0, m.start - 20):m.start]))]
    if not before and announcer is not None:
        # 阎志及卓尔智能表示，计划…继续增持公司: the speaker of the clause before
        before = [m for m in other if m.end <= mt.start() and m.start > announcer.start]
    if not before:
        return []
    group = [before[-1]]
    for m in reversed(before[:-1]):
        if text[m.end:group[0].start] in _LIST:
            group.insert(0, m)
        else:
            break
    if announcer is not None and (any(x.name == announcer.name for x in group) or any(
            text[announcer.end:x.start] in _LIST for x in group)):
        return []         # the first company named is one of the buyers listed: no announcer named
    return group
