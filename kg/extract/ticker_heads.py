"""The head of a listed name the scan cut before its stock code (rule `zh.entity.ticker_head`).

`中创新航（03931.HK）`, `北新建材(000786.SZ)`, `四维图新(002405)`: a stock code right after a name says
the whole run from the clause start (or from a list joiner: 与, 和, 及, 、) to the bracket is the
listed name.  `name_before` stops at a word the segmenter tags as no name word (中|创新|航: 中 is a
direction, 北新|建材, 四维|图新), so the name loses its head.  Here the head comes back when it is at most
two characters, opens the clause (or follows a joiner), and is tagged as a name part could be
(`ticker_head_tag` in modifiers.tsv: direction, adjective, place, number, unknown …) — never a
function word, a time word (近日), a verb (不服, 控股), a pronoun (其中) nor any word the readers rely on.
"""
from __future__ import annotations

import functools

from kg import nlp
from kg.extract.mentions import CJK, clause_start
from kg.extract.name_spans import LEAD_STRIP, stop_words
from kg.lexicon import Lexicon

_MAX_HEAD = 2


@functools.lru_cache(maxsize=4)
def _data(lex_id: int, lex: Lexicon) -> tuple[frozenset, frozenset]:
    return frozenset(lex.words("ticker_head_tag")), frozenset(lex.words("conj")) | frozenset(lex.words("ticker_boundary"))


def ticker_head(text: str, start: int, code: int, lex: Lexicon) -> int:
    """The start of the listed name whose scan began at `start` and whose stock code opens at `code`:
    `start` itself unless a short head before it opens the clause (rule zh.entity.ticker_head)."""
    cs = clause_start(text, start, limit=_MAX_HEAD + 8)
    if cs >= start:
        return start
    tags, joins = _data(id(lex), lex)
    toks = nlp.tagged(text[cs:start])
    stops = stop_words(id(lex), lex)
    head_len = 0
    k = len(toks)
    while k > 0 and toks[k - 1][0] not in joins:
        w, t = toks[k - 1]
        head_len += len(w)
        if head_len > _MAX_HEAD or not all(CJK.match(c) for c in w) or w in stops or w in lex.generic \
                or (len(w) == 1 and w in LEAD_STRIP) or (t or "none") not in tags:
            return start
        if t == "m" and len(w) == 1:
            return start      # 一|家…: a lone number word is a count, no head
        k -= 1
    if head_len == 0 or code - (start - head_len) > 10:
        return start
    return start - head_len
