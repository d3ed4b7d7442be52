"""Rulings told without their court's name, and the other side of a ruling (article-level passes).

- `case_court_rulings` (rule zh.rules.case_court): a ruling whose court the sentence names only as a
  bare 法院 / 该院 / 本院 / 合议庭 or through its judge (法官X裁定) opening the clause —
  同年3月18日，法院作出裁定，支持了A的申请 / 今年4月17日，法官X裁定，B… — is the ruling of the court
  of the case the article told in a sentence before: the last lawsuit with a court one of whose parties
  the sentence names (a case told in the ruling's own sentence, with no court there, has its court from
  elsewhere: none).  The court rules on the parties of that case the sentence names (a name written
  inside a party's name counts: 司法部 in 美国司法部).  When another court was named since the case was
  told, 该院 / 该法院 (kind bare_court_anaphor) is the last court named (上诉至Y高院。该院驳回…) and a bare
  法院 is left open.  Nothing else may stand between the clause's
  opening (a date, a time word) and the court word, and only the adverbs of the modifiers.tsv kind
  bare_court_adverb between the court word and the verb (法院始终没有作出判决 stays unread).
- `other_sides` (rule <lang>.rules.other_side): a court said to rule on one party of a case the article
  tells (a verdict "against Intel") rules on the other side too: the other side the ruling's sentence
  names (an appeals court: "reversed the finding that Intel infringed VLSI's patents"), else that of the
  case before that court, when every case of the party that may be before it (that court, or none
  told) has that other side (a party of three suits, one of them in that court, is left alone).
  In Chinese (zh.rules.other_side) only a side the ruling's sentence does not name, of the case before
  that court: the ruling frame (zh.rules.court) already rules on every party its sentence names, and a
  party it leaves out there is one it means to (a speaker, a victim, a judge).  When the party's only
  case was told with no court at all (京东起诉天猫…; 最高人民法院二审驳回了天猫…), that case is the one before
  the court (a company's side only: a prosecutor's case against a person is no such case).
  One relation per party, as the keys want (court -> each party); only for a ruling its sentence gives
  on one party alone (a sentence that names two sides of the ruling has said whom it rules on).

- `reason_fines` (rule zh.fines.reason_passive): a regulator's published penalty whose fined company opens
  a clause, then the ground (因…, long), then the fine with no agent (…分局公布…显示，Y因…，被罚30万元).
- `listed_fines` (rule zh.fines.listed): a list of fines told clause by clause, the company and the
  regulator named in the first clause only (2017年，X因…被罚A；2018年因…被罚B；2019年又因…被罚C).

Word lists: the modifiers.tsv kinds listed_fine_opener, listed_fine_verb, bare_court, bare_court_anaphor,
bare_court_lead, bare_court_adverb, bare_ruling_verb, judge_word.
"""
from __future__ import annotations

import bisect
import functools
import re

from kg.lexicon import Lexicon
from kg.model import Entity, Lawsuit, Relation

__all__ = ["case_court_rulings", "listed_fines", "other_sides", "reason_fines"]

# the parties a court rules on (types); never a court, a product or a judge
_PARTY_TYPES = ("Company", "Person", "Regulator", "Organization")


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> re.Pattern:
    alt = lex.alternation
    opening = r"(?:^|[，。；：,;:])"
    when = r"(?:[0-9０-９一二三四五六七八九十同当今去次该年月日初底中旬上下午晚早间前后时分，、]{0,16}?[，,]?)"
    court = rf"(?:{alt('bare_court')}|(?:{alt('judge_word')})[^，。；;,:：\s]{{1,12}}?)"
    adverbs = rf"(?:{alt('bare_court_adverb')}|于[^，。；]{{1,14}}?日)*"
    lead = rf"(?:(?:{alt('bare_court_lead')})[，,]?)?"
    return re.compile(opening + lead + when + "(" + court + ")" + adverbs + rf"(?:{alt('bare_ruling_verb')})")


def case_court_rulings(text: str, sentences: list, entities: list[Entity], relations: list[Relation],
                       lawsuits: list[Lawsuit], tracker, lex: Lexicon) -> list[Relation]:
    """Rule zh.rules.case_court (module docstring): rulings of the case's court named as 法院/该院/法官X."""
    if not lawsuits or not any(ls.court for ls in lawsuits):
        return []
    rx = _patterns(id(lex), lex)
    by_name = {e.name: e for e in entities}
    courts = [e for e in entities if e.type == "Court"]
    have = {(r.type, r.subject, r.object, r.start) for r in relations}
    # a ruling already told (with this date, or with one when this telling has none) is not told again
    told = {(r.subject, r.object, r.date) for r in relations if r.type == "rules"} | \
        {(r.subject, r.object, None) for r in relations if r.type == "rules"}
    out: list[Relation] = []
    for idx, (ss, se, sent) in enumerate(sentences):
        m = rx.search(sent)
        if m is None or any(ss <= s < se for e in courts for s, _ in e.mentions):
            continue
        named = [e for e in entities if e.type in _PARTY_TYPES and any(ss <= s < se for s, _ in e.mentions)]
        # the case told before with a court, most of whose parties the sentence names (the last one of those)
        case, most = None, 0
        for ls in lawsuits:
            n = len(_parties_named(ls, named)) if ls.court and ls.start < ss and ls.court in by_name else 0
            if n and n >= most:
                case, most = ls, n
        if case is None:
            continue
        court = case.court
        since = sorted((s, e.name) for e in courts for s, _ in e.mentions if case.start <= s < ss)
        if any(name != court for _, name in since):
            # another court told since the case was: 该院 (kind bare_court_anaphor) is the last one named
            # (上诉至Y高院。该院驳回…); a bare 法院 is left open
            if m.group(1) not in lex.words("bare_court_anaphor"):
                continue
            court = since[-1][1]
        pos = ss + m.end()
        date = tracker.date_for(idx, pos)
        for e in _parties_named(case, named):
            if e.name == court or ("rules", court, e.name, ss) in have or (court, e.name, date) in told:
                continue
            have.add(("rules", court, e.name, ss))
            out.append(Relation("rules", court, e.name, date, sent, ss, se, 0.75, False,
                                m.group(0).lstrip("，。；：,;:"), "zh.rules.case_court"))
    return out


def _parties_named(ls: Lawsuit, named: list[Entity]) -> list[Entity]:
    """The entities of `named` that are parties of `ls` (a name of three characters or more written inside
    a party's name, or holding it, counts: 司法部 and 美国司法部)."""
    parties = ls.plaintiffs + ls.defendants
    return [e for e in named if e.name in parties or any(
        min(len(e.name), len(p)) >= 3 and (e.name in p or p in e.name) for p in parties)]


def other_sides(relations: list[Relation], lawsuits: list[Lawsuit], entities: list[Entity],
                lang: str, courts: dict[int, dict[str, int]] | None = None) -> list[Relation]:
    """Rule <lang>.rules.other_side (module docstring): the court's ruling on the other side of the case."""
    if not lawsuits:
        return []
    types = {e.name: e.type for e in entities}
    spans = {e.name: e.mentions for e in entities}
    have = {(r.subject, r.object, r.date) for r in relations if r.type == "rules"}
    ruled: dict[tuple, set] = {}
    for r in relations:
        if r.type == "rules" and not r.negated:
            ruled.setdefault((r.subject, r.start), set()).add(r.object)
    out: list[Relation] = []
    for r in relations:
        if r.type != "rules" or r.negated or r.status or r.end <= r.start or len(ruled[(r.subject, r.start)]) > 1:
            continue    # a sentence that gives the court's ruling on two parties names its sides itself
        told: dict[str, None] = {}
        kept: set[frozenset] = set()
        here = False
        courtless = True
        for k, ls in enumerate(lawsuits):
            if lang == "zh" and ls.start >= r.start:
                continue    # a Chinese case is told before its ruling (an English lead tells the ruling first)
            for mine, theirs in ((ls.plaintiffs, ls.defendants), (ls.defendants, ls.plaintiffs)):
                if r.object not in mine or r.subject in theirs:
                    continue
                named = [p for p in theirs if any(r.start <= s < r.end for s, _ in spans.get(p, ()))]
                told.update(dict.fromkeys(named))
                # the case before that court: filed there, or appealed to it (`courts`: case_courts.py)
                before = ls.court == r.subject or (courts is not None and courts.get(k, {}).get(r.subject, r.end) <= r.start)
                courtless = courtless and ls.court is None
                if ls.court is None or before:
                    kept.add(frozenset(theirs))
                    here = here or before
        # the other side the sentence names; else that of the case before this court, when every case
        # of the party that may be before it (its court, or none told) has that other side
        sides = list(told) or (sorted(next(iter(kept))) if here and len(kept) == 1 else [])
        if lang == "zh" and not here and not told and len(kept) == 1 and courtless:
            # the party's one case, told before with no court: the court ruling on one side of it now
            # rules on the other (最高人民法院二审驳回了天猫…的主张, after 京东起诉天猫)
            here, sides = True, [q for q in sorted(next(iter(kept))) if types.get(q) == "Company"]
        if lang == "zh":
            # the Chinese frame rules on every party its sentence names, and leaves out on purpose those
            # it does not (a speaker, a victim): only a side the sentence does not name, of a case told
            # in a sentence before
            sides = [q for q in sides if q not in told and not any(
                r.start <= s < r.end for s, _ in spans.get(q, ()))] if not told and here else []
        for q in sides:
            if types.get(q) not in _PARTY_TYPES or (r.subject, q, r.date) in have:
                continue
            have.add((r.subject, q, r.date))
            out.append(Relation("rules", r.subject, q, r.date, r.evidence, r.start, r.end, r.confidence,
                                False, r.trigger, f"{lang}.rules.other_side"))
    return out


@functools.lru_cache(maxsize=4)
def _listed_fine(lex_id: int, lex: Lexicon) -> re.Pattern:
    """A fine told in a clause that names no one: (又)?因…被罚X / 被处以X罚款 (modifiers.tsv kinds
    listed_fine_opener and listed_fine_verb)."""
    alt = lex.alternation
    return re.compile(rf"^[^，。；;]{{0,16}}?(?:{alt('listed_fine_opener')})[^。；;]{{0,40}}?(?:{alt('listed_fine_verb')})")


def listed_fines(text: str, sentences: list, entities: list[Entity], relations: list[Relation], tracker,
                 lex: Lexicon) -> list[Relation]:
    """Rule zh.fines.listed: a list of fines told clause by clause, the fined company and the regulator
    named only in the first (2017年，X因…被罚A；2018年因…被罚B；2019年又因…被罚C): a clause after a fine
    (the sentence before ends with ；), with a date of its own, that names no company and tells a fine
    (因…被罚, 又因…被处以…罚款) is a fine of the same regulator on the same company at that date."""
    rx = _listed_fine(id(lex), lex)
    spans = [(s, e.type) for e in entities for s, _ in e.mentions]
    out: list[Relation] = []
    by_start: dict[int, list[Relation]] = {}
    for r in relations:
        if r.type == "fines" and not r.negated and not r.status:
            by_start.setdefault(r.start, []).append(r)
    prev_fine = None
    for idx, (ss, se, sent) in enumerate(sentences):
        mine = by_start.get(ss)
        if mine:
            prev_fine = (idx, mine[-1])
            continue
        if prev_fine is None or prev_fine[0] != idx - 1 or not text[ss - 2:ss].strip().endswith(("；", ";")):
            continue
        m = rx.match(sent)
        if m is None or not tracker.dated(idx) or any(ss <= s < se and t != "Product" for s, t in spans):
            continue
        last = prev_fine[1]
        r = Relation("fines", last.subject, last.object, tracker.date_for(idx, ss + m.end()), sent, ss, se,
                     0.75, False, m.group(0)[-2:], "zh.fines.listed")
        out.append(r)
        prev_fine = (idx, r)
    return out


def reason_fines(text: str, sentences: list, entities: list[Entity], relations: list[Relation], tracker,
                 lex: Lexicon) -> list[Relation]:
    """Rule zh.fines.reason_passive: a regulator's published penalty that names the fined company as the
    subject of a clause, then its ground, then the fine with no agent (X银保监分局发布行政处罚信息公开表显示，
    Y因违规收取费用，被罚30万元): the regulator named last before Y fines Y.  The clause opens at a break
    (，：) with Y, the ground with a word of the kind listed_fine_opener, and the verb is one of
    listed_fine_verb within 100 characters, in the same sentence."""
    rx = _reason_fine(id(lex), lex)
    out: list[Relation] = []
    fined = {(r.subject, r.object, r.start) for r in relations if r.type == "fines"}
    ments = sorted((s, e.name, e.type) for e in entities for s, _ in e.mentions)
    starts = [s for s, _, _ in ments]
    for idx, (ss, se, sent) in enumerate(sentences):
        if "被" not in sent:
            continue
        here = ments[bisect.bisect_left(starts, ss):bisect.bisect_left(starts, se)]
        for k, (s, name, typ) in enumerate(here):
            if typ not in ("Company", "Person") or text[s - 1:s] not in ("，", ",", "：", ":") or s == ss:
                continue
            # the names written one right after the other from the clause's start (X公司Y支公司): the last
            end = s + len(_surface(text, s, name, entities))
            for s2, n2, t2 in here[k + 1:]:
                if s2 != end or t2 not in ("Company", "Person"):
                    break
                name, end = n2, s2 + len(_surface(text, s2, n2, entities))
            m = rx.match(text, end, se)
            if m is None:
                continue
            regs = [(s2, n2) for s2, n2, t2 in here if t2 == "Regulator" and s2 < s]
            if not regs:
                continue
            reg = regs[-1][1]
            if (reg, name, ss) in fined:
                continue
            fined.add((reg, name, ss))
            out.append(Relation("fines", reg, name, tracker.date_for(idx, m.end()), sent, ss, se, 0.75, False,
                                m.group(0)[-2:], "zh.fines.reason_passive"))
    return out


def _surface(text: str, s: int, name: str, entities: list[Entity]) -> str:
    """The text of the mention of `name` that starts at `s`."""
    for e in entities:
        if e.name == name:
            for a, b in e.mentions:
                if a == s:
                    return text[a:b]
    return name


@functools.lru_cache(maxsize=4)
def _reason_fine(lex_id: int, lex: Lexicon) -> re.Pattern:
    alt = lex.alternation
    return re.compile(rf"(?:{alt('listed_fine_opener')})[^。；;被]{{1,100}}?(?:{alt('listed_fine_verb')})")
