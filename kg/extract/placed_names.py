"""A registered name whose brand the segmenter reads as verbs, found from its place (rule
`zh.entity.placed_name`).

`多闪的运营方北京拍拍看看科技有限公司`: the scan left from 有限公司 stops at once (科技 is a generic word
with nothing proper after it, 看看 and 拍拍 are common verbs), so the name is not found at all.  A
registered name opens with its place more often than not; here the words between a place (北京,
深圳市, 杭州: tagged ns, or a region or country of places.tsv) and the business words before the
legal ending are taken as the brand: at most three words and six characters, none a function, time,
number or classifier word, a stop word of the readers (trigger, role, negation), a generic word or a
known name; the place must stand at a natural left edge (clause start, punctuation, 的, 方, a list
joiner, a function word or a stop word before it).
"""
from __future__ import annotations

import functools

from kg import nlp
from kg.extract.mentions import CJK, PUNCT, clause_start
from kg.extract.name_spans import stop_words
from kg.lexicon import Lexicon, load_table

_FUNCTION_TAGS = ("p", "c", "u", "r", "d", "m", "q", "f", "t")
_MAX_WORDS, _MAX_CHARS = 3, 6
_EDGE_WORDS = ("的", "方", "、", "及", "和", "与")


@functools.lru_cache(maxsize=1)
def _places() -> frozenset:
    return frozenset(r["word"] for r in load_table("places.tsv") if r.get("word"))


def _place(w: str, t: str | None) -> bool:
    return len(w) >= 2 and all(CJK.match(c) for c in w) and (t == "ns" or w in _places())


def placed_start(text: str, s: int, lex: Lexicon) -> int | None:
    """The start of the registered name whose legal ending opens at `s`, read from a place before
    its brand (see the module's doc), or None."""
    cs = clause_start(text, s, limit=20)
    if cs >= s:
        return None
    toks = nlp.tagged(text[cs:s])
    stops = stop_words(id(lex), lex)
    k = len(toks)
    while k > 0 and toks[k - 1][0] in lex.name_words:      # 科技, 网络, 信息技术: the business words
        k -= 1
    if k == len(toks):
        return None
    brand: list[str] = []
    while k > 0 and not _place(*toks[k - 1]):
        w, t = toks[k - 1]
        if not all(CJK.match(c) for c in w) or w in stops or w in lex.generic or lex.lookup(w) is not None \
                or (t or "x").startswith(_FUNCTION_TAGS) or len(brand) >= _MAX_WORDS \
                or sum(map(len, brand)) + len(w) > _MAX_CHARS:
            return None
        brand.insert(0, w)
        k -= 1
    if k == 0 or not brand:
        return None
    k -= 1      # the place
    pos = cs + sum(len(w) for w, _ in toks[:k])
    if k > 0:
        w, t = toks[k - 1]
        if not (w in _EDGE_WORDS or w in stops or w[-1] in PUNCT or (t or "x").startswith(("p", "c", "u", "v"))):
            return None
    elif pos > 0 and text[pos - 1] not in PUNCT and pos != cs:
        return None
    return pos
