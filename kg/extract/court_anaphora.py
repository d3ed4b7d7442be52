"""Courts referred back to by their stage or as "that court" (Chinese articles): one table per article.

A case told in stages names its court once and then refers back to it:

    2017年，A将B诉至X法院。B先是提出管辖权异议，被Y中院驳回；2018年8月，一审法院判决B赔偿…
    2019年3月7日，A宣布起诉B，诉状随后递交至位于普莱诺的上述法院。
    海淀法院网披露，A将B诉至该院。

`court_anaphors` adds, for each such word, a mention of the court it stands for (source "coref", so it
makes no entity of its own), before any sentence is read: the relation frames (a ruling of 一审法院), the
lawsuits (a suit's court in its own sentence) and the post-passes all see the court as if it were named.
The court a word stands for comes from the courts named before it:

- `court_anaphor_last` (该院, 该法院, 上述法院): the court named last — only when the last 院 (该院) or 法院
  written before the word is inside a court's name (记者从检察院获悉，该院…, 中国科学院…该院 stay unread);
- `court_anaphor_first` (一审法院, 原审法院): the court the case went to first — the last court named in a
  clause with a word of filing or of first instance (kind `first_instance_cue`: 诉至, 受理, 一审…) and no
  word of appeal (kind `appeal_cue`), else the one court named before, if only one was;
- `court_anaphor_appeal` (二审法院): the last court named in a clause with a word of appeal (上诉至Y高院,
  Y中院二审) — never a court one level up that the article does not name.

Word lists: the modifiers.tsv kinds named above.
"""
from __future__ import annotations

import bisect
import functools
import re

from kg.extract.mentions import Mention, clause_span
from kg.lexicon import Lexicon

__all__ = ["court_anaphors"]


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    alt = lex.alternation
    words = re.compile(alt("court_anaphor_last", "court_anaphor_first", "court_anaphor_appeal"))
    return words, re.compile(alt("first_instance_cue")), re.compile(alt("appeal_cue"))


def _last_named(text: str, pos: int, head: str, courts: list[Mention]) -> Mention | None:
    """The court whose name holds the last `head` (院, 法院) written before `pos`, or None when that
    word belongs to no court's name (a procuratorate, a hospital, an academy)."""
    p = text.rfind(head, 0, pos)
    if p < 0:
        return None
    return next((c for c in courts if c.start <= p and p + len(head) <= c.end), None)


def _staged(text: str, before: list[Mention], cue: re.Pattern, not_cue: re.Pattern | None) -> Mention | None:
    """The last court of `before` named in a clause with a `cue` word (and no `not_cue` word)."""
    for c in reversed(before):
        lo, hi = clause_span(text, c.start, c.end)
        clause = text[lo:hi]
        if cue.search(clause) and not (not_cue and not_cue.search(clause)):
            return c
    return None


def court_anaphors(text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """`mentions` (sorted by start) with a court mention for each stage or back-reference word that
    stands for a court named before it (module docstring); the list itself when there is none."""
    courts = [m for m in mentions if m.type == "Court" and m.source != "coref"]
    if not courts:
        return mentions
    words, first_cue, appeal_cue = _patterns(id(lex), lex)
    last_kind, first_kind = lex.words("court_anaphor_last"), lex.words("court_anaphor_first")
    starts = [m.start for m in mentions]
    added = []
    for w in words.finditer(text):
        s, e = w.span()
        k = bisect.bisect_right(starts, s)
        if any(m.start <= s < m.end for m in mentions[max(0, k - 3):k]):
            continue                    # inside a name (欧盟一审法院 is a court's own name)
        before = [c for c in courts if c.end <= s]
        if not before:
            continue
        word = w.group(0)
        if word in last_kind:
            court = _last_named(text, s, "院" if word.endswith("该院") else "法院", before)
        elif word in first_kind:
            court = _staged(text, before, first_cue, appeal_cue)
            if court is None and len({c.name for c in before}) == 1:
                court = before[-1]
        else:
            court = _staged(text, before, appeal_cue, None)
        if court is not None:
            added.append(Mention(s, e, court.name, "Court", word, "coref", court.owner))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: (m.start, m.end))
