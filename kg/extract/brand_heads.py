"""Brand heads the segmenter reads as ordinary words, before a company ending.

- `rare_head` (rule `zh.entity.rare_head`): a two-character common noun the segmenter seldom sees, right
  before a company ending (铁牛|集团, 锤子|科技, 暴风|集团), is the brand: the scan, which needs a proper
  word before a short ending, read none.  A frequent noun (部分|股份, 项目|投资, 社会|资本) describes,
  it does not name; endings that name a kind of firm after a noun (经纪|公司, 初创|公司) are not
  taken (modifiers.tsv kind `rare_head_no_ending`).

Measured on the FewFC and DuEE pools before keeping (benchmarks/README.md, "Unfound relation sides").
"""
from __future__ import annotations

import functools

from kg import nlp
from kg.extract.mentions import CJK
from kg.extract.name_spans import stop_words
from kg.lexicon import Lexicon

# the segmenter's count below which a common noun before an ending is a brand (铁牛 a few dozen), not
# a description (项目, 部分: tens of thousands)
_RARE_NOUN = 300


@functools.lru_cache(maxsize=4)
def _no_endings(lex_id: int, lex: Lexicon) -> frozenset:
    return frozenset(lex.words("rare_head_no_ending"))


def rare_head(text: str, end: int, suf: str, lex: Lexicon) -> int | None:
    """The start of a rare two-character noun ending at `end`, right before the company ending `suf`."""
    if end < 2 or suf in _no_endings(id(lex), lex):
        return None
    toks = nlp.words_within(text, end - 1, end - 2, end)
    if len(toks) != 1:
        return None
    w, t = toks[0]
    if t != "n" or len(w) != 2 or not CJK.match(w[0]) or not CJK.match(w[1]) or w in lex.generic \
            or w in lex.name_words or w in stop_words(id(lex), lex) or w in lex.entities:
        return None
    if (nlp.tokenizer().FREQ.get(w) or 0) >= _RARE_NOUN:
        return None
    return end - 2
