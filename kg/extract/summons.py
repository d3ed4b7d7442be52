"""The party a regulator summons: `summoned_mentions` — X 约谈 (了) Y, Y an unknown name of common words
(小哥出行, 长城宽带) or Latin letters (ZAO) ending the clause or followed by what the talk was about.

    内蒙古消协约谈小哥出行 要押金的消费者注意了        小哥出行 is a name (zh.frame.svo reads the fine)

Y runs from the verb to a pause (a space between words, punctuation) or to 并/要求/就/等; it must read
as a name (`deal_actors.name_ok`: no kind of party such as 负责人, 运营商, 企业; no generic word, no verb
inside).  It only adds the name; the relation frames decide.
"""
from __future__ import annotations

import re

from kg import nlp
from kg.extract.deal_actors import name_ok
from kg.extract.mentions import Mention
from kg.extract.name_spans import tokens_from
from kg.lexicon import Lexicon

_SUMMON = re.compile(r"约谈(?:了)?((?:[\u4e00-\u9fffA-Za-z0-9*]){2,8}?)(?=$|[，,。；;！？!?：:、（(\s]|并|要求|就|等)")


def summoned_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    if "约谈" not in text[ss:se]:
        return []
    out: list[Mention] = []
    for mt in _SUMMON.finditer(text, ss, se):
        s, e = mt.start(1), mt.end(1)
        if any(m.start < e and s < m.end for m in sm + out):
            continue
        name = text[s:e]
        toks = tokens_from(text, s, e)
        if "".join(w for w, _ in toks) != name:
            toks = nlp.tagged(name)
        if name_ok(name, toks, lex, verbs_inside=True):
            out.append(Mention(s, e, name, "Company", name, "pattern"))
    return out
