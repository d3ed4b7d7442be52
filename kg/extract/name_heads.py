"""The head character of an unknown name the scan cut before its ending (rule `zh.entity.name_head`).

`中|江|信托`, `恺|英|网络`, `淇|诺|科技`, `辰|欣|药业`: the segmenter splits a two-character brand in two
and tags its first character as no name word (中: direction; 恺, 淇: bound morpheme), so the scan left
from the ending keeps one character of the brand (江信托).  A body of one character before a company
ending is no brand on its own; here the character before it comes back when it is a word of one
character of its own whose tag a name part may carry (`name_head_tag` in modifiers.tsv), or the second
character of an unknown word whose first is a function character (据|众 泰汽车).  Never a function
character (LEAD_STRIP: 对江信托 stays 江信托's business), a word the readers rely on, a number (一|家公司)
or a verb or adverb (购买|渝, 均|属).
"""
from __future__ import annotations

import bisect
import functools

from kg import nlp
from kg.extract.mentions import CJK, PUNCT
from kg.extract.name_spans import LEAD_STRIP, stop_words
from kg.lexicon import Lexicon


@functools.lru_cache(maxsize=4)
def _tags(lex_id: int, lex: Lexicon) -> frozenset:
    return frozenset(lex.words("name_head_tag"))


def name_head(text: str, start: int, body_end: int, lex: Lexicon) -> int:
    """The start of the unknown name text[start:…] whose body (before its ending) is text[start:body_end]:
    `start - 1` when the body is one character and the character before it is the brand's head, else
    `start` (rule zh.entity.name_head)."""
    if body_end - start != 1 or start < 1 or not CJK.match(text[start]):
        return start
    c = text[start - 1]
    if c in PUNCT or not CJK.match(c) or c in LEAD_STRIP or c in stop_words(id(lex), lex) or c in lex.generic:
        return start
    cs, toks, starts, ends = nlp.clause_index(text, start)
    j = bisect.bisect_left(ends, start)
    if j >= len(toks) or ends[j] != start:
        return start        # a word straddles the name's start (对江|信托): the scan's start stands
    a, b, w, t = toks[j]
    if len(w) == 1:
        if (t or "none") not in _tags(id(lex), lex):
            return start
    elif not (len(w) == 2 and t is None and w[0] in LEAD_STRIP):
        return start        # 购买|渝: the last character of a longer word is no head
    return start - 1
