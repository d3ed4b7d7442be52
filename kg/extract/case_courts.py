"""The courts of each case an article tells, stage by stage, and the rulings told with a court but no party.

A case told in stages is filed in one court and appealed to another:

    2019年5月，A将B诉至X法院。…B不服一审判决，向Y中院提起上诉。Y中院于2021年1月立案，并于11月10日作出
    终审判决，驳回上诉，维持原判。

`case_courts` gives each lawsuit its courts: the one it was filed in (`Lawsuit.court`) and those an appeal
of it went to — a later sentence whose clause names a court with a word of appeal (kind appeal_cue:
上诉至Y, 向Y提起上诉, Y二审), or names it after that word (B不服提起上诉，Y中院于…立案), and that names a party of the case (the last case told with that party), or
names none but writes a party by its role or the case itself (kind case_party_role, case_reference:
被告不服一审判决，上诉至Y; 该案上诉至Y — the last case told, if in the five sentences before); not
an appeal about jurisdiction (kind jurisdiction_word: 管辖), whose ruling is on the objecting party alone.
Courts referred back to (一审法院, 二审法院, 该院) count as the courts they stand for
(kg/extract/court_anaphora.py).  Used by:

- `case_rulings` (rule zh.rules.case_parties): a sentence that names a court of a case told before, then
  a ruling verb (kind bare_ruling_verb), and no party at all (nor a product) is that court's ruling on the
  case: it rules on both sides of the last case told before whose courts hold it, when that case was filed
  or appealed in the three sentences before, dated where the verb is;
- `kg.extract.ruling_sides.other_sides`: the other side of a ruling on one party of a case is that of
  the case before that court, its appeal court included.
"""
from __future__ import annotations

import functools
import re

from kg.extract.mentions import clause_span
from kg.lexicon import Lexicon
from kg.model import Lawsuit, Relation

__all__ = ["appeal_table", "case_courts", "case_rulings"]

_PARTY_TYPES = ("Company", "Person", "Regulator", "Organization")


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    alt = lex.alternation
    # a role (被告不服…) or the case itself (该案上诉至…); 被告上法庭 and 被告知 are no role
    told = re.compile(rf"(?:{alt('case_party_role')})(?!上了?法庭|知)|{alt('case_reference')}")
    return re.compile(alt("appeal_cue")), re.compile(alt("bare_ruling_verb")), told, re.compile(alt("jurisdiction_word"))


def case_courts(sentences: list, mentions: list, lawsuits: list[Lawsuit], lex: Lexicon) -> dict[int, dict[str, int]]:
    """For each lawsuit (by its index in `lawsuits`), the courts it was filed in and appealed to, each with
    the offset from which the court holds the case (a court ruled on a jurisdiction objection before the
    appeal reached it: that ruling is not the appeal's)."""
    appeal, _, by_role, venue = _patterns(id(lex), lex)
    return appeal_table(sentences, mentions, lawsuits, appeal, by_role, venue)


def appeal_table(sentences: list, mentions: list, lawsuits: list[Lawsuit], appeal: re.Pattern,
                 by_role: re.Pattern | None = None, venue: re.Pattern | None = None) -> dict[int, dict[str, int]]:
    """`case_courts` with the language's patterns: `appeal` (the words of an appeal), `by_role` (a party
    written by its role), `venue` (an appeal about jurisdiction); English passes its own (rule
    en.rules.other_side: "Northfield appealed to the Federal Circuit")."""
    table = {k: {ls.court: ls.start} if ls.court else {} for k, ls in enumerate(lawsuits)}
    if not lawsuits:
        return table
    for idx, (ss, se, sent) in enumerate(sentences):
        courts = [m for m in mentions if m.type == "Court" and ss <= m.start < se]
        if not courts or not appeal.search(sent) or (venue and venue.search(sent)):
            continue        # (an appeal of a jurisdiction ruling rules on the objecting party alone)
        parties = {m.name for m in mentions if m.type in _PARTY_TYPES and ss <= m.start < se}
        case = next((k for k in range(len(lawsuits) - 1, -1, -1) if lawsuits[k].start < ss and
                     parties & set(lawsuits[k].plaintiffs + lawsuits[k].defendants)), None)
        if case is None and not parties and by_role and by_role.search(sent):
            # 被告不服一审判决，上诉至Y / 该案上诉至Y: the last case, told in the five sentences before
            case = next((k for k in range(len(lawsuits) - 1, -1, -1) if lawsuits[k].start < ss), None)
            if case is not None and lawsuits[case].start < sentences[max(0, idx - 5)][0]:
                case = None
        if case is None:
            continue
        first = appeal.search(sent).start() + ss
        for c in courts:
            # Y二审 / 上诉至Y in one clause, or Y named after the appeal (B不服提起上诉，Y于…立案): not a
            # court named before it (一审由X审理，B不服提起上诉)
            lo, hi = clause_span(sent, c.start - ss)
            if appeal.search(sent, lo, hi) or c.start > first:
                table[case].setdefault(c.name, ss)
    return table


def case_rulings(text: str, sentences: list, mentions: list, relations: list[Relation], lawsuits: list[Lawsuit],
                 table: dict[int, dict[str, int]], tracker, lex: Lexicon) -> list[Relation]:
    """Rule zh.rules.case_parties (module docstring): a court of a case ruling in a sentence naming no party."""
    if not lawsuits:
        return []
    _, verb, _, _ = _patterns(id(lex), lex)
    told = {(r.subject, r.object, r.date) for r in relations if r.type == "rules"}
    out: list[Relation] = []
    for idx, (ss, se, sent) in enumerate(sentences):
        here = [m for m in mentions if ss <= m.start < se]
        courts = [m for m in here if m.type == "Court"]
        if not courts or any(m.type in _PARTY_TYPES + ("Product",) for m in here):
            continue            # (a product named may be a party the text writes by its product: 淘宝)
        court = courts[0]
        v = verb.search(text, court.end, se)
        if v is None:
            continue
        k = next((k for k in range(len(lawsuits) - 1, -1, -1)
                  if lawsuits[k].start < ss and table.get(k, {}).get(court.name, se) < ss), None)
        # the case was told (filed, or appealed) in the three sentences before: a court far from its case
        # may be ruling on another the text lost
        if k is None or max([lawsuits[k].start, *table[k].values()]) < sentences[max(0, idx - 3)][0]:
            continue
        case = lawsuits[k]
        date = tracker.date_for(idx, v.start())
        for p in list(dict.fromkeys(case.plaintiffs + case.defendants)):
            if (court.name, p, date) in told:
                continue
            told.add((court.name, p, date))
            out.append(Relation("rules", court.name, p, date, sent, ss, se, 0.75, False, v.group(0),
                                "zh.rules.case_parties"))
    return out
