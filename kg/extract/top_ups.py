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

import re

from kg.extract.mentions import Mention
from kg.lexicon import Lexicon

_TOP_UP = re.compile(r"增持(?:了)?(?:公司|本公司|该行|该公司|上市公司)(?!债)")
_PARTY = ("Company", "Person", "Organization")
_THROUGH = re.compile(r"通过[^，,。；;]*$")
_LIST = ("、", "和", "与", "及", "以及")


def top_up_relations(text: str, ss: int, se: int, mentions: list[Mention], lex: Lexicon) -> list:
    """`invests` facts of the sentence text[ss:se] told as X 增持公司股份, as (subject, object, type,
    start, end, trigger, rule)."""
    if "增持" not in text[ss:se]:
        return []
    named = [m for m in mentions if m.source != "coref" and m.type in _PARTY]
    out = []
    for mt in _TOP_UP.finditer(text, ss, se):
        announcer = next((m for m in named if m.type == "Company" and m.end <= mt.start()), None)
        if announcer is None:
            continue
        before = [m for m in named if m.end <= mt.start() and m.name != announcer.name
                  and not _THROUGH.search(text, m.end, mt.start())
                  and not re.search(r"[，,。；;]", text[m.end:mt.start()])]
        if not before:
            # 阎志及卓尔智能表示，计划…继续增持公司: the speaker of the clause before
            before = [m for m in named if m.end <= mt.start() and m.name != announcer.name and m.start > announcer.start]
        if not before:
            continue
        group = [before[-1]]
        for m in reversed(before[:-1]):
            if text[m.end:group[0].start] in _LIST:
                group.insert(0, m)
            else:
                break
        if any(x.name == announcer.name for x in group) or any(
                text[announcer.end:x.start] in _LIST for x in group):
            continue          # the first company named is one of the buyers listed: no announcer named
        for x in group:
            out.append((x.name, announcer.name, "invests", mt.start(), mt.end(), "增持", "zh.stake.top_up"))
    return out
