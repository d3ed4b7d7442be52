"""A countersuit told without its defendant (rule `zh.sues.countersuit`): 星海科技起诉蓝鲸网络后，后者随即
提起反诉; 蓝鲸网络随后也提起反诉 — the one sued sues back, so the defendant of the countersuit is the
plaintiff of the last suit the text told against the countersuing side.

Read after the sentence's own frames (kg.extract calls `countersuits` with the candidates read so far
in the article): only when no suit of the sentence names a defendant, only for the `countersuit` words
of ontology/lexicon/modifiers.tsv (反诉, 反告, 提起反诉…), and only when an earlier suit against the clause
subject is known; a countersuit negated or only announced (拟, 将) is left to the relation reader's
negation and irrealis checks, which see the same sentence.
"""
from __future__ import annotations

import functools
import re

from kg.extract.lawsuit_frames import _clause_subject
from kg.extract.relations import Cand
from kg.lexicon import Lexicon

__all__ = ["countersuits"]

_MARKERS = set("对向将把与和给被")


@functools.lru_cache(maxsize=4)
def _words(lex_id: int, lex: Lexicon) -> re.Pattern | None:
    words = sorted(lex.words("countersuit"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


def countersuits(text: str, ss: int, se: int, sm: list, read: list[Cand], earlier: list[Cand],
                 lex: Lexicon) -> list[Cand]:
    """`read` (the sentence's candidates) with the countersuits told without a defendant added."""
    pat = _words(id(lex), lex)
    if pat is None:
        return read
    m = pat.search(text, ss, se)
    if m is None:
        return read
    if any(c.type == "sues" and c.start <= m.start() and m.end() <= c.end + 2 for c in read):
        return read         # the word itself was read, with its sides
    # (对其提起反诉: a name after a preposition is no actor)
    actors = [x for x in sm if not (x.source == "coref" and text[x.start - 1:x.start] in _MARKERS)]
    subj = _clause_subject(text, ss, m.start(), actors, lex)
    if len({x.name for x in subj}) != 1:
        return read
    who = subj[0]
    if any(c.type == "sues" and c.subject == who.name for c in read):
        return read
    # the last suit told against the countersuing side before the word (earlier, or earlier in the sentence)
    prior = next((c for c in reversed(earlier + read) if c.type == "sues" and c.object == who.name
                  and c.subject != who.name and not c.negated and c.start < m.start()), None)
    if prior is None:
        return read
    return read + [Cand(who.name, prior.subject, "sues", m.start(), m.end(), 0.75, False, m.group(0),
                        rule="zh.sues.countersuit")]
