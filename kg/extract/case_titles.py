"""Parties named in a case's title that no other reader found: `case_title_mentions`.

    法院就星河在线诉蓝海商务公司侵犯著作权纠纷案作出判决        星河在线 (the plaintiff before 诉)
    本院受理原告星河在线诉被告…                                 星河在线
    就本行与星河光电、星河复材、钟玉金融借款合同纠纷一案作出判决   钟玉 (a name glued to the dispute)

A case title names its plaintiff between the word that introduces the case (就, 对, 审理, 审结,
受理, with 原告 after it) and 诉, and lists its parties before the kind of dispute (…金融借款合同纠纷):
the segmenter cuts such names into common words (中文在线) or glues the last one to the dispute
(钟玉金融), so the other readers leave them out.  This reader only adds the names (a span that reads
as a name: `deal_actors.name_ok`, rare dictionary words allowed); the ruling and suit frames read
their roles, as for any other name.  Word list: `ontology/lexicon/modifiers.tsv` kind `case_cause_head`
(the kinds of dispute a name may be glued to).
"""
from __future__ import annotations

import functools
import re

from kg import nlp
from kg.extract.deal_actors import name_ok
from kg.extract.mentions import Mention
from kg.extract.name_spans import pattern_mention
from kg.lexicon import Lexicon

# the plaintiff of a case title: 就/对/审理/审结/受理 (原告) NAME (stock code) 诉 (not 诉讼, 诉求, 诉称…)
_PLAINTIFF = re.compile(r"(?:就|对|审理了?|审结了?|受理了?)(?:原告)?([^，。；,;、：:（）()“”《》\s]{2,12}?)"
                        r"(?:[（(][^（）()]{0,20}[)）])?诉(?![讼求称至状请])")


@functools.lru_cache(maxsize=4)
def _cause_re(lex_id: int, lex: Lexicon) -> re.Pattern | None:
    heads = sorted(lex.words("case_cause_head"), key=len, reverse=True)
    if not heads:
        return None
    # the last listed party glued to its dispute: 、钟玉金融借款合同纠纷
    return re.compile(r"(?:、|与|和|及)([\u4e00-\u9fff]{2,10}?)(?:" + "|".join(map(re.escape, heads)) + r")纠纷")


def case_title_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """New names of the case titles in the sentence text[ss:se]."""
    if "诉" not in text[ss:se] and "纠纷" not in text[ss:se]:
        return []
    out: list[Mention] = []
    spans = [(m.start(1), m.end(1)) for m in _PLAINTIFF.finditer(text, ss, se)]
    cre = _cause_re(id(lex), lex)
    if cre is not None and "纠纷" in text[ss:se]:
        spans += [(m.start(1), m.end(1)) for m in cre.finditer(text, ss, se)]
    for a, b in spans:
        if any(m.start < b and a < m.end for m in sm + out):
            continue
        name = text[a:b]
        toks = nlp.tagged(name)
        if name in lex.words("case_title_not_party") or not name_ok(name, toks, lex, rare_ok=True):
            continue
        out.append(pattern_mention(text, a, b, toks, lex))
    return out
