"""Accusations told inside a quotation: the speaker accuses.

    他还在留言区留言：“微信的借口封杀，微视的抄袭搬运挡不住抖音的步伐。”   -> speaker accuses 微信, 微视
    这句话直接被马化腾回怼：“可以理解为诽谤。”                         -> 马化腾 accuses the previous speaker

A quotation opened by a speech verb (modifiers.tsv kind `speech`) whose words hold a charge (kind
`charge`: 抄袭, 诽谤, 封杀, 垄断 …) is an accusation by the speaker:
- the speaker is the name nearest before the speech verb in its clause, the agent after 被 (被X回怼),
  or, for a pronoun (他/她), the person named last before it;
- the accused are the names in the quotation written before a charge word in its clause (微信的借口封杀);
- a quotation that names no one but answers an earlier one (这句话/此话/对此 …, kind `backref`) accuses
  the speaker of the quotation before it.
The accusations the relation reader found inside such a quotation are replaced by these.
"""
from __future__ import annotations

import re

from kg.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.relations import Cand

_PRONOUNS = ("他", "她")
_PARTY = ("Company", "Person", "Organization", "Product")


_PATTERNS: dict[int, tuple[Lexicon, re.Pattern | None]] = {}


def _pattern(lex: Lexicon) -> re.Pattern | None:
    hit = _PATTERNS.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    pat = _build_pattern(lex)
    _PATTERNS[id(lex)] = (lex, pat)
    return pat


def _build_pattern(lex: Lexicon) -> re.Pattern | None:
    speech = sorted(lex.words("speech"), key=len, reverse=True)
    if not speech:
        return None
    return re.compile("(" + "|".join(re.escape(w) for w in speech) + r")[:：]\s*“([^“”\n]{2,300})”")


def quoted_accusations(text: str, sentences, mentions: list[Mention], lex: Lexicon):
    """[(Cand, sentence index, (speech verb start, quote end))] for every accusing quotation."""
    if "“" not in text:
        return []
    pat = _pattern(lex)
    charges = sorted(lex.words("charge"), key=len, reverse=True)
    if pat is None or not charges or "“" not in text:
        return []
    backref = lex.words("backref")
    named = [m for m in mentions if m.source != "coref" and m.type in _PARTY]
    out = []
    prev: tuple[int, Mention] | None = None       # (quote end, speaker) of the last quotation
    for idx, (ss, se, _) in enumerate(sentences):
        for mt in pat.finditer(text, ss, se + 1):
            vs, qs, qe = mt.start(1), mt.start(2), mt.end(2)
            cs = vs
            while cs > ss and text[cs - 1] not in "，,；;。！？!?\n：:”":
                cs -= 1
            lead = text[cs:vs]
            speaker = None
            before = [m for m in named if cs <= m.start and m.end <= vs and m.type != "Product"]
            if before:
                # 被X回怼: X speaks (the last name after 被); a name before 被 is the one answered
                speaker = before[-1]
            elif any(p in lead for p in _PRONOUNS):
                k = cs + max(lead.rfind(p) for p in _PRONOUNS)
                persons = [m for m in named if m.type == "Person" and m.end <= k and k - m.end <= 200]
                speaker = persons[-1] if persons else None
            if speaker is None:
                prev = None
                continue
            quote = text[qs:qe]
            accused: list[Mention] = []
            if any(c in quote for c in charges):
                for m in named:
                    if not (qs <= m.start and m.end <= qe) or m.name == speaker.name:
                        continue
                    ce = m.end
                    while ce < qe and text[ce] not in "，,；;。！？!?":
                        ce += 1
                    if any(c in text[m.end:ce] for c in charges):
                        accused.append(m)
                if not any(qs <= m.start < qe for m in named) and prev and prev[1].name != speaker.name \
                        and cs - prev[0] <= 40 and any(w in lead for w in backref):
                    accused = [prev[1]]
            for m in accused:
                out.append((Cand(speaker.name, m.name, "accuses", vs, mt.end(1), 0.7, False, "“…”",
                                 rule="zh.quote.accuses"),
                            idx, (vs, qe)))
            prev = (qe, speaker)
    return out
