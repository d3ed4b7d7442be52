"""A deal a regulator prohibits without naming its parties again, and the block that prohibition is.

Reports of a merger review name the deal once (A宣布收购B; A与B合并案) and then tell the decision with
a word pointing back at it: 公平会决议禁止两者结合, 依法禁止其合并, 正式禁止该并购案.  The named
prohibitions (禁止A与B合并, A、B被禁止合并) are read by `checks.prohibited_deal`; this module reads the
pointed ones.

- `pointed_prohibitions(text, relations, types)`: for each sentence holding a prohibiting word (the
  check_words.tsv kind prohibits, not denied by a word of kind prohibits_not, not inside a word of kind
  prohibits_unless) with a deal word (kind deal_word) after it in its clause and within reach, where a
  word of kind deal_anaphor (两者, 其, 该…) stands between them, or the deal word is followed by 案:
  (sentence start, sentence end, offset of the prohibiting word, the deal's parties).  The deal is the
  `acquires` told last before that sentence between two companies or products, with every other
  `acquires` of its buyer the article tells (收购D的子公司E及F: the units of one sale); no deal told
  before, none read.
- `prohibited_blocks` (rule zh.blocks.prohibited_deal): the regulator or court the sentence names last
  before the prohibiting word blocks each party of that deal, as the keys want for a merger a regulator
  prohibits (市场监管总局 blocks 虎牙 and 斗鱼).  The deal's `acquires` is withheld by the check
  `prohibited_deal`, which reads the same groups.
"""
from __future__ import annotations

import bisect

from kg.lexicon import load_table
from kg.model import Entity, Relation

__all__ = ["pointed_prohibitions", "prohibited_blocks"]

_REACH = 12                 # how far after the prohibiting word the deal word may stand
_CLAUSE = "，,；;：:。！？!?\n"
_SENTENCE = "。！？!?\n"
_PARTY_TYPES = ("Company", "Product")
_BLOCKERS = ("Regulator", "Court")
_MEASURE = ("", "项", "項", "起", "宗", "笔", "筆", "次", "桩", "樁")


def _words() -> dict[str, tuple[str, ...]]:
    made = getattr(_words, "made", None)
    if made is None:
        out: dict[str, list[str]] = {}
        for row in load_table("check_words.tsv"):
            if row.get("kind") and row.get("word"):
                out.setdefault(row["kind"], []).append(row["word"])
        made = _words.made = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}
    return made


def _pointed_cues(text: str) -> list[tuple[int, int, int]]:
    """(sentence start, sentence end, cue offset) of each prohibition pointing back at a deal."""
    w = _words()
    cues, deals, nots = w.get("prohibits", ()), w.get("deal_word", ()), w.get("prohibits_not", ())
    anaphors, unless = w.get("deal_anaphor", ()), w.get("prohibits_unless", ())
    out = []
    for cue in cues:
        i = text.find(cue)
        while i >= 0:
            j = i + len(cue)
            if not (any(text.endswith(x, 0, i) for x in nots)
                    or any(cue in u and text.startswith(u, i - u.index(cue)) for u in unless)):
                hi = min([len(text), j + _REACH] + [x for x in (text.find(c, j) for c in _CLAUSE) if x >= 0])
                for dw in deals:
                    d = text.find(dw, j, hi)
                    if d < 0:
                        continue
                    between = text[j:d].lstrip("了对對")
                    between = between[:-1] if between.endswith("的") else between
                    head = next((a for a in anaphors if between.startswith(a)), "")
                    rest = between[len(head):]
                    # 禁止两者结合, 禁止其合并, 禁止双方的合并, 否决了该项收购, 禁止并购案: the pointing word stands
                    # right before the deal word (禁止该公司收购D names a buyer of its own: not this)
                    if ((head and rest in _MEASURE) or (not between and text.startswith("案", d + len(dw)))):
                        ss = max(text.rfind(c, 0, i) for c in _SENTENCE) + 1
                        ends = [x for x in (text.find(c, j) for c in _SENTENCE) if x >= 0]
                        out.append((ss, min(ends) + 1 if ends else len(text), i))
                        break
            i = text.find(cue, j)
    return sorted(set(out))


def pointed_prohibitions(text: str, relations: list[Relation],
                         types: dict[str, str]) -> list[tuple[int, int, int, frozenset]]:
    """(sentence start, sentence end, cue offset, parties) of each prohibition that points back at the
    deal the article told last before it (see the module's doc)."""
    cues = _pointed_cues(text)
    if not cues:
        return []
    deals = sorted((r.start, r.subject, r.object) for r in relations
                   if r.type == "acquires" and not r.status and r.subject != r.object
                   and types.get(r.subject) in _PARTY_TYPES and types.get(r.object) in _PARTY_TYPES)
    out = []
    for ss, se, cue in cues:
        before = [d for d in deals if d[0] < ss]
        if not before:
            continue
        buyer = before[-1][1]
        group = {before[-1][1], before[-1][2]} | {o for _, s, o in deals if s == buyer}
        out.append((ss, se, cue, frozenset(group)))
    return out


def prohibited_blocks(text: str, sentences: list, entities: list[Entity], relations: list[Relation],
                      tracker) -> list[Relation]:
    """Rule zh.blocks.prohibited_deal: the regulator or court that prohibits a deal the sentence points
    back at (决议禁止两者结合) blocks each of its parties."""
    types = {e.name: e.type for e in entities}
    found = pointed_prohibitions(text, relations, types)
    if not found:
        return []
    ments = sorted((s, e.name) for e in entities if e.type in _BLOCKERS for s, _ in e.mentions)
    starts = [s for s, _ in ments]
    sent_starts = [s for s, _, _ in sentences]
    told = {(r.subject, r.object, r.evidence) for r in relations if r.type == "blocks"}
    out: list[Relation] = []
    for ss, se, cue, group in found:
        here = ments[bisect.bisect_left(starts, ss):bisect.bisect_left(starts, cue)]
        if not here:
            continue
        blocker = here[-1][1]
        idx = max(0, bisect.bisect_right(sent_starts, ss) - 1)
        s0, s1, sent = sentences[idx]
        for party in sorted(group):
            if party == blocker or (blocker, party, sent) in told:
                continue                    # one block of each party a sentence tells (a page may print it twice)
            told.add((blocker, party, sent))
            out.append(Relation("blocks", blocker, party, tracker.date_for(idx, cue), sent, s0, s1, 0.75,
                                False, text[cue:cue + 2], "zh.blocks.prohibited_deal"))
    return out
