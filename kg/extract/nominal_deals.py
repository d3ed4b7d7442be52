"""The company bought in a purchase told as a noun: X 完成/启动/实现 (了) 对 Y (N% 股权) 的收购.

    潮宏基完成对菲安妮100%股权的收购        菲安妮 is a name (then zh.frame.marker reads the purchase)

Y is the span between 对 and its stake or 的收购 (2–12 characters, no 的/对/和 inside), when the verb
before 对 says the purchase happened or began (完成, 启动, 实现, 宣布, 发起, 推进) — not one called off
or weighed (终止/放弃/考虑 对Y的收购).  The segmenter cuts such names into common words (菲安妮,
开封碳素), so the slot readers miss them.  `nominal_deal_mentions` only adds the name; the relation
frames decide.  Verb list: `ontology/lexicon/modifiers.tsv` kind `nominal_deal_verb`.
"""
from __future__ import annotations

import functools
import re

from kg.extract.mentions import Mention
from kg.lexicon import Lexicon


@functools.lru_cache(maxsize=4)
def _verbs(lex_id: int, lex: Lexicon) -> tuple:
    return tuple(sorted(lex.words("nominal_deal_verb"), key=len, reverse=True))


# the name a nominal purchase holds between 对 and its stake or 的收购 (完成对菲安妮100%股权的收购)
_SLOT = re.compile(r"对((?:[\u4e00-\u9fff](?<![的对和与及在])|[A-Za-z0-9.&\-]){2,12}?)(?=(?:[（(][A-Za-z0-9 .&-]{1,20}[）)])?"
                   r"(?:(?:的)?(?:[0-9.]+%(?:的)?|全部|全资|剩余)(?:股权|股份|控股权)?|股权|股份)?的(?:全资|要约|杠杆|战略|整体)?(?:收购|并购))")


def nominal_deal_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """The bought name of a 完成对Y的收购 clause, when no name covers it yet."""
    if "对" not in text[ss:se] or not ("收购" in text[ss:se] or "并购" in text[ss:se]):
        return []
    verbs = _verbs(id(lex), lex)
    out: list[Mention] = []
    for mt in _SLOT.finditer(text, ss, se):
        before = text[max(ss, mt.start() - 8):mt.start()]
        before = before[:-1] if before.endswith("了") else before
        s, e = mt.start(1), mt.end(1)
        name = text[s:e]
        if not any(before.endswith(v) for v in verbs) or name in lex.generic or name[0] in "该其此这本":
            continue
        if not any(m.start < e and s < m.end for m in sm + out):
            out.append(Mention(s, e, name, "Company", name, "pattern"))
    return out
