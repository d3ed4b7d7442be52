"""The party a regulator acts on, named between 对 and the act: `fined_party_mentions`.

    证监会宣布对星河新材立案调查          星河新材
    证监会拟决定对蓝海股份给予警告并罚款   蓝海股份

A regulator's act on a party is told with the party before the verb (对X立案调查, 对X给予警告,
对X处以罚款, 对X进行约谈); the segmenter cuts many listed companies' short names into common words
(康得新, 深大通), so the other readers leave them out.  In a sentence that names a regulator before
it, the span between 对 and the act is a name when it reads as one (`deal_actors.name_ok`, rare
dictionary words allowed; not a pronoun or a kind of party: 公司, 其, 该行, 此事).  Only the name is
added: the relation frames read the fine, as for any other name.  Word lists: modifiers.tsv kinds
regulator_act_verb, regulator_act, regulator_not_party.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg import nlp
from kg.extract.deal_actors import name_ok
from kg.extract.mentions import Mention
from kg.extract.name_spans import pattern_mention
from kg.lexicon import Lexicon

class _Rx(NamedTuple):
    """Patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    act: re.Pattern
    not_names: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    return _Rx(
        act=re.compile(rf"对([^，。；,;、：:（）()“”《》\s的]{{2,10}}?)(?:{alt('regulator_act_verb')})?"
                       rf"(?:{alt('regulator_act')})"),
        not_names=re.compile(rf"^(?:{alt('regulator_not_party')})"),
    )


def fined_party_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """New names of the parties a regulator named earlier in the sentence text[ss:se] acts on."""
    if "对" not in text[ss:se]:
        return []
    regulators = [m.end for m in sm if m.type == "Regulator"]
    if not regulators:
        return []
    rx = _patterns(id(lex), lex)
    out: list[Mention] = []
    for m in rx.act.finditer(text, ss, se):
        a, b = m.start(1), m.end(1)
        if not any(r <= m.start() for r in regulators) or any(x.start < b and a < x.end for x in sm + out):
            continue
        name = text[a:b]
        toks = nlp.tagged(name)
        if rx.not_names.match(name) or not name_ok(name, toks, lex, rare_ok=True):
            continue
        out.append(pattern_mention(text, a, b, toks, lex))
    return out
