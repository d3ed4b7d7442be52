"""Suit frames that name the parties by a marker rather than by position (Chinese, read on the
Simplified copy), applied to one sentence's candidates after the relation frames:

- the defendant marked by 将/把 before the suit verb (华为以侵害专利权为由，将A、B、C一同诉至泉州中院;
  把奥巴马也列为被告) or by 以…为被告 (苹果以深圳唯冠为被告，向法院提起诉讼): the marked names are the
  defendants, the clause subject before the marker the plaintiff — never a pair read inside the list;
- an administrative suit whose defendant goes unsaid (高通不服处分，提起行政诉讼): the regulator named
  in that sentence or the one before is the defendant;
- a case named by its title and told at a later stage (X诉Y…一案10月16日终审宣判; 就X诉Y案达成和解;
  “X诉Y侵权获赔…”): the sentence's date is that stage's, not the filing's (`reference`);
- an appeal told as 上诉人X…诉被上诉人Y: the appellant is not the plaintiff, no suit is read;
- a defendant named in the ground (奥克斯以格力制造的空调侵害其专利权为由向法院提起诉讼) or opening the
  complaint's words (X向法院起诉称，Y…), when no frame read a suit in the sentence;
- no side: a place the suit is filed in (美光在美国对联电提告: the plaintiff is the name before 在), the
  author of a charge being answered (针对X的控告), an outlet's tag (【财新网】), a case label (奥巴马案),
  the two named sides of an administrative case (X与Y…行政纠纷一案), an employer before a person's role
  (浙江理工大学特聘副教授郭兵).

The frames' word lists are `ontology/lexicon/modifiers.tsv` kinds (disposal_suit_verb, later_stage,
suit_noun, …: the kind is named where `_patterns` builds each pattern); the frames' structure stays here.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.extract.relations import Cand
from kg.lexicon import Lexicon, load_table

PARTY = ("Company", "Person", "Regulator", "Organization")

# 以X为(共同)被告
_AS_DEFENDANT = re.compile(r"以(?P<objs>[^，。；;：:为]{1,60}?)为(?:共同)?被告")
_BREAKS = "，,；;：:"

# 上诉人X…诉被上诉人Y / 上诉人X与被上诉人Y
_APPEAL = re.compile(r"上诉人[^，。；;]{0,60}?(?:诉|与|和)被上诉人")

_ADMIN = re.compile(r"行政诉讼")
_OBJECTS_TO = re.compile(r"不服")


class _Rx(NamedTuple):
    """The frames' patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    disposal: re.Pattern
    neg_before: re.Pattern
    opinion: re.Pattern
    role_after: re.Pattern
    case_title: re.Pattern
    later_stage: re.Pattern
    filed: re.Pattern
    accepted: re.Pattern
    outcome_after: re.Pattern
    passive: re.Pattern
    attributive_suit: re.Pattern
    will: re.Pattern
    neg_file: re.Pattern
    files: re.Pattern
    filing_near: re.Pattern
    belief: re.Pattern
    own_object: re.Pattern
    claim_said: re.Pattern
    accused: re.Pattern
    at: re.Pattern
    answered: re.Pattern
    charge_after: re.Pattern
    admin_case: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The frames' patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    return _Rx(
        # 将/把 + the marked names + (一同) 诉至/告上法庭/列为被告
        disposal=re.compile(rf"(?:将|把)(?P<objs>[^，。；;：:]{{1,90}}?)(?:{alt('also_adverb')})?"
                            rf"(?:{alt('joint_adverb')})?(?:{alt('disposal_suit_verb')})"),
        # a negation right before the marker: 并未将X列为被告
        neg_before=re.compile(rf"(?:{alt('marker_negation')})(?:再|曾)?$"),
        # clauses that say what someone thinks or claims: their names are not the clause subject
        opinion=re.compile(rf"^(?:{alt('opinion_verb')})"),
        role_after=re.compile(rf"[^，。；;：:]{{0,4}}?(?:{alt('employee_role')})"),
        # a case title after the suit verb (X诉Y滥用市场支配地位一案 / …案件 / …系列案 / …案), then a later stage
        case_title=re.compile(rf"[^，。；;：:]{{0,30}}?(?:{alt('case_title_word')}|"
                              r"(?<![方备立档提议草预答个])案(?![号由例件情底源卷]))"),
        later_stage=re.compile(alt("later_stage")),
        filed=re.compile(alt("case_accepted", "case_submitted")),
        accepted=re.compile(alt("case_accepted")),
        # X起诉Y在美国获胜 / “X诉Y侵权获赔…”: the suit named by the outcome it had
        outcome_after=re.compile(rf"[^，。；;：:]{{0,24}}?(?:{alt('suit_outcome')}|获得[^，。；]{{0,8}}胜利)"),
        passive=re.compile(alt("suit_passive")),
        # X在泉州起诉Y的核心专利 / X起诉Y的起因: the suit only qualifies a noun
        attributive_suit=re.compile(rf"[^，。；;：:]{{0,16}}?的(?:{alt('suit_noun_degree')})?(?:{alt('suit_noun')})"),
        will=re.compile(rf"将(?!近)|{alt('suit_intent')}"),
        neg_file=re.compile(rf"(?:{alt('not_filed')})[^，。；]{{0,4}}$"),
        files=re.compile(alt("suit_filing")),
        # 以…为由 + the filing
        filing_near=re.compile(rf"[^，。；;]{{0,24}}?(?:提起[^，。；;]{{0,12}}?诉讼|{alt('filing_near')})"),
        # (因)认为Y…，X向法院提起诉讼: the view that grounds a filing, the filing in the next clause
        belief=re.compile(r"(?:因|由于)?认为(?P<why>[^。；;！？]{2,80}?)[，,](?P<rest>[^，。；;！？]{0,40}?)"
                          rf"(?P<file>提起[^，。；;]{{0,12}}?诉讼|{alt('belief_filing')})"),
        # the filing clause marks a defendant of its own (将papitube的经营方诉至): the view names none
        own_object=re.compile(rf"{alt('own_object_marker')}|以[^，。；]{{1,30}}为被告"),
        # X向法院起诉称，Y在…: the defendant opens what the complaint says
        claim_said=re.compile(rf"(?:起诉|诉)(?:{alt('claim_verb')})[，,]"),
        # what the accused does or makes right after its name in a ground
        accused=re.compile(alt("accused_act")),
        at=re.compile(rf"(?:{alt('venue_prep')})$"),
        # 针对美国司法部的控告，联电…: the one whose charge is answered is its author, not a defendant
        answered=re.compile(rf"(?:{alt('answered_prep')})$"),
        charge_after=re.compile(rf"^的(?:{alt('charge_noun')})"),
        admin_case=re.compile(alt("admin_case")),
    )


def suit_frames(text: str, ss: int, se: int, sm: list, cands: list[Cand], mentions: list,
                context_subject, lex: Lexicon) -> list[Cand]:
    """The sentence's candidates with the marked frames above applied (see the module doc)."""
    sent = text[ss:se]
    if not any(w in sent for w in ("诉", "告", "法庭")):
        return cands
    cands = _marked(text, ss, se, sm, cands, context_subject, lex)
    cands = _appeals(text, ss, se, cands)
    cands = _references(text, ss, se, sm, cands, lex)
    cands = _no_venue_sides(text, ss, se, sm, cands, lex)
    cands = _not_sides(text, ss, se, sm, cands, lex)
    cands = _told_defendants(text, ss, se, sm, cands, context_subject, lex)
    return _administrative(text, ss, se, sm, cands, mentions, lex)


def _parties(sm: list, lo: int, hi: int) -> list:
    return [m for m in sm if lo <= m.start and m.end <= hi and m.type in PARTY]


def _product_sides(text: str, sm: list, lo: int, hi: int, lex: Lexicon) -> list:
    """The products named as a side in text[lo:hi] when no company, person or body is (抖音以…为由，
    将腾讯起诉至法院; 今日头条将百度诉至该院): a service sues and is sued under its own name.  Not a
    product that is where or through what something happens (在微博上, 通过微信), that a marker
    names as the matter or the other side (就天猫涉嫌…提起诉讼), or that qualifies a noun (抖音的运营方):
    modifiers.tsv kinds product_not_side_before / product_not_side_after."""
    before, after = _product_words(id(lex), lex)
    return [m for m in sm if lo <= m.start and m.end <= hi and m.type == "Product" and m.source != "coref"
            and not text.startswith(after, m.end) and not text[max(0, m.start - 2):m.start].endswith(before)]


@functools.lru_cache(maxsize=4)
def _product_words(lex_id: int, lex: Lexicon) -> tuple[tuple, tuple]:
    return (tuple(sorted(lex.words("product_not_side_before"), key=len, reverse=True)),
            tuple(sorted(lex.words("product_not_side_after"), key=len, reverse=True)))


def _clause_subject(text: str, ss: int, at: int, sm: list, lex: Lexicon) -> list:
    """The names of the clause the marker's clause continues: the marker's own clause before it, else
    the clauses before, skipping those that say what someone thinks (认为Y违宪)."""
    rx = _patterns(id(lex), lex)
    end = at
    while end > ss:
        p = end
        while p > ss and text[p - 1] not in _BREAKS:
            p -= 1
        clause = text[p:end]
        found = _parties(sm, p, end) or _product_sides(text, sm, p, end, lex)
        # a name followed by 的 only qualifies another noun (X的决定); one followed by a role is a
        # person's employer (浙江理工大学特聘副教授郭兵: 郭兵 files, not the university)
        found = [m for m in found if not text.startswith("的", m.end) and not rx.role_after.match(text, m.end)]
        if found and not rx.opinion.match(clause):
            return found
        end = p - 1
    return []


def _marked(text, ss, se, sm, cands, context_subject, lex) -> list[Cand]:
    out = list(cands)
    rx = _patterns(id(lex), lex)
    for frame in (rx.disposal, _AS_DEFENDANT):
        for mt in frame.finditer(text, ss, se):
            lo, hi = mt.start("objs"), mt.end("objs")
            # named defendants only: a coreference word inside the list (当地, 两家) is no party
            objs = [m for m in _parties(sm, lo, hi) or _product_sides(text, sm, lo, hi, lex)
                    if not text.startswith("的", m.end) and m.source != "coref"]
            if not objs:
                continue
            obj_names = {m.name for m in objs}
            negated = bool(rx.neg_before.search(text[max(ss, mt.start() - 4):mt.start()]))
            subj = [m for m in _clause_subject(text, ss, mt.start(), sm, lex) if m.name not in obj_names]
            if not subj and context_subject and not _parties(sm, ss, mt.start()):
                subj = [m for m in context_subject if m.type in PARTY and m.name not in obj_names]
            # what the position frames read around this marker: pairs inside the marked list, or the
            # list against its own plaintiff
            out = [c for c in out if not (c.type == "sues" and ss <= c.start < se and (
                c.subject in obj_names or (c.object in obj_names and c.subject not in {m.name for m in subj})))]
            if negated or not subj:
                continue
            tail = text[mt.end():se]
            trig_at = mt.end() if frame is rx.disposal else mt.end() + max(0, _first(rx.files, tail))
            have = {(c.subject, c.object) for c in out if c.type == "sues"}
            for a in subj:
                for b in objs:
                    if (a.name, b.name) in have or a.name == b.name:
                        continue
                    have.add((a.name, b.name))
                    out.append(Cand(a.name, b.name, "sues", trig_at, trig_at, 0.85, False, mt.group(0)[-4:],
                                    rule="zh.sues.marked_defendant"))
    return out


def _first(rx, s: str) -> int:
    m = rx.search(s)
    return m.start() if m else 0


def _appeals(text, ss, se, cands) -> list[Cand]:
    spans = [(m.start(), m.end() + 40) for m in _APPEAL.finditer(text, ss, se)]
    if not spans:
        return cands
    return [c for c in cands if not (c.type == "sues" and any(a <= c.start < b for a, b in spans))]


def _references(text, ss, se, sm, cands, lex) -> list[Cand]:
    """Mark a suit named as a case (its title, its outcome, or as what a noun belongs to) as a
    reference: the defendant is named after the verb and before the title's end (遭X起诉…案 is a
    filing told in the passive, not a title)."""
    rx = _patterns(id(lex), lex)
    filed = rx.filed.search(text[ss:se])
    for c in cands:
        if c.type != "sues" or c.reference:
            continue
        for frame, need_stage in ((rx.case_title, True), (rx.outcome_after, False), (rx.attributive_suit, False)):
            m = frame.match(text, c.end)
            if not m or not any(x.name == c.object and (c.end <= x.start and x.end <= m.end() or (
                    x.end <= c.start and frame is not rx.outcome_after and not rx.passive.search(text, x.end, c.start)))
                    for x in sm):
                continue
            if need_stage and not rx.later_stage.search(text, m.end(), se):
                continue
            if (filed if frame is not rx.attributive_suit else rx.accepted.search(text, ss, se)):
                continue      # 法院受理了X起诉Y的案件: the filing itself
            c.reference = True
            break
    return cands


# 以Y制造的空调侵害其专利权为由向法院提起诉讼: the accused named in the ground, the filing right after
_REASON = re.compile(r"以(?P<why>[^，。；;：:]{2,60}?)为由")
# names listed side by side (Y、Z / Y和Z), with an announced short form between (Y（简称Y'）、Z)
_LISTED = re.compile(r"(?:[（(]?[^（）()，。；、]{0,30}[）)])?(?:[、和及与]|以及)")


def _told_defendants(text, ss, se, sm, cands, context_subject, lex) -> list[Cand]:
    """A filing whose defendant the ground (以Y…为由) or the complaint's words (起诉称，Y…) name, when no
    frame read a suit in the sentence."""
    rx = _patterns(id(lex), lex)
    if any(c.type == "sues" and ss <= c.start < se for c in cands):
        return cands
    for mt in _REASON.finditer(text, ss, se):
        filing = rx.filing_near.match(text, mt.end())
        if not filing:
            continue
        subj = _clause_subject(text, ss, mt.start(), sm, lex)
        names = {m.name for m in subj}
        obj = next((m for m in _parties(sm, mt.start("why"), mt.end("why"))
                    if m.name not in names and rx.accused.match(text, m.end)), None)
        if subj and obj:
            at = filing.end()
            return cands + [Cand(a.name, obj.name, "sues", at - 2, at, 0.8, False, filing.group(0)[-2:],
                                 rule="zh.sues.reason_defendant") for a in subj]
    for mt in rx.belief.finditer(text, ss, se):
        # (因)认为Y虚假宣传…，X向法院提起诉讼 / X认为Y侵害其商标权…，诉至法院: the one the plaintiff's
        # view names first is sued
        rest = _parties(sm, mt.start("rest"), mt.end("rest"))
        subj = rest or _clause_subject(text, ss, mt.start(), sm, lex)
        names = {m.name for m in subj}
        obj = [m for m in _parties(sm, mt.start("why"), mt.end("why")) if m.name not in names
               and m.type != "Person"]
        if subj and obj and not rx.neg_file.search(text, mt.start("rest"), mt.start("file")) and \
                not rx.own_object.search(text, mt.start("rest"), mt.start("file")):
            at = mt.end("file")
            listed = obj[:1]
            for m in obj[1:]:
                if m.name not in {x.name for x in listed} and _LISTED.fullmatch(text, listed[-1].end, m.start):
                    listed.append(m)
                elif m.name == listed[-1].name:
                    listed[-1] = m      # (the announced short form right after the name it shortens)
            return cands + [Cand(a.name, b.name, "sues", mt.start("file"), at, 0.75, False, mt.group("file"),
                                 rule="zh.sues.belief_defendant") for a in subj for b in listed]
    for mt in rx.claim_said.finditer(text, ss, se):
        obj = next((m for m in sm if m.type in PARTY and 0 <= m.start - mt.end() <= 1), None)
        subj = _clause_subject(text, ss, mt.start(), sm, lex)
        if obj and subj and all(m.name != obj.name for m in subj):
            return cands + [Cand(a.name, obj.name, "sues", mt.start(), mt.end(), 0.75, False, mt.group(0)[:2],
                                 rule="zh.sues.claim_defendant") for a in subj]
    return cands


@functools.lru_cache(maxsize=1)
def _places() -> frozenset:
    return frozenset(row["word"] for row in load_table("places.tsv") if row.get("word"))


def _venue(text: str, ss: int, m, rx: _Rx) -> bool:
    """Is this mention a place the suit is filed in (在美国对X提告, 在中国与美国提告)?"""
    places = _places()
    if m.name not in places and m.surface not in places:
        return False
    k = m.start
    while True:
        head = text[max(ss, k - 6):k]
        if rx.at.search(head):
            return True
        prev = next((p for p in places if head.endswith(p)), None)
        if prev is not None:
            k -= len(prev)
            continue
        if head.endswith(("与", "和", "、", "及")):
            k -= 1
            continue
        return False


def _venue_clause(text: str, sm: list, c: Cand, rx: _Rx) -> bool:
    """国美在港交所发布公告，宣布已…起诉黄光裕: a name told only right after 在/于 (venue_prep), in a
    clause before the one that names the defendant, is where the subject acted (an exchange it
    announced on), not the plaintiff; the plaintiff is the name its clause opens with (rule ….venue).
    Not in the defendant's own clause (在腾讯起诉字节后: 腾讯 sues)."""
    told = [m for m in sm if m.name == c.subject]
    objs = [m.start for m in sm if m.name == c.object]
    if not told or not objs:
        return False
    for m in told:
        nxt = [o for o in objs if o >= m.end]
        if not rx.at.search(text[max(0, m.start - 2):m.start]) or not nxt or \
                not any(ch in _BREAKS for ch in text[m.end:nxt[0]]):
            return False
    return True


def _no_venue_sides(text, ss, se, sm, cands, lex) -> list[Cand]:
    """A country or city named only as where a suit is filed is no side of it; a plaintiff read as
    that place is the name the clause opens with before it (美光开始在美国对联电提告 -> 美光)."""
    out = []
    rx = _patterns(id(lex), lex)
    for c in cands:
        if c.type == "sues":
            venue = {n for n in (c.subject, c.object)
                     if any(m.name == n for m in sm) and all(_venue(text, ss, m, rx) for m in sm if m.name == n)}
            if c.subject not in venue and _venue_clause(text, sm, c, rx):
                venue.add(c.subject)
            if c.object in venue:
                continue
            if c.subject in venue:
                at = min(m.start for m in sm if m.name == c.subject)
                p = at
                while p > ss and text[p - 1] not in _BREAKS:
                    p -= 1
                before = [m for m in _parties(sm, p, at) if m.name not in venue and m.name != c.object
                          and not text.startswith("的", m.end)]
                if before:
                    out.append(Cand(before[-1].name, c.object, c.type, c.start, c.end, c.confidence, c.negated,
                                    c.trigger, c.reference, c.rule + ".venue", c.hedged))
                continue
        out.append(c)
    return out


def _clause_start(text: str, ss: int, at: int) -> int:
    p = at
    while p > ss and text[p - 1] not in _BREAKS:
        p -= 1
    return p


def _not_sides(text, ss, se, sm, cands, lex) -> list[Cand]:
    """Drop a suit whose defendant is only the author of a charge being answered (针对X的控告), or whose
    plaintiff is only an outlet's tag (【财新网】)."""
    out = []
    rx = _patterns(id(lex), lex)
    for c in cands:
        if c.type == "sues":
            if any(len(n) > 1 and n.endswith("案") for n in (c.subject, c.object)):
                continue      # 奥巴马案: a case label, no party
            if rx.admin_case.search(text, _clause_start(text, ss, c.start), c.start + 40) and not any(
                    m.type == "Regulator" and m.name in (c.subject, c.object) for m in sm):
                continue      # X与Y…行政纠纷一案: both sides of an administrative case are not its parties
            objs = [m for m in sm if m.name == c.object]
            subs = [m for m in sm if m.name == c.subject]
            if any(rx.answered.search(text[max(ss, m.start - 2):m.start]) and rx.charge_after.match(text[m.end:m.end + 4])
                   and m.end <= c.start <= m.end + 2 for m in objs):
                continue      # the trigger is that charge itself
            if subs and all(text.rfind("【", ss, m.start) > text.rfind("】", ss, m.start) for m in subs):
                continue
        out.append(c)
    return out


def _administrative(text, ss, se, sm, cands, mentions, lex) -> list[Cand]:
    """高通不服处分，提起行政诉讼 / 三星不服，向法院提起诉讼，认为被诉审查决定…: the company sues the
    regulator whose decision it contests, named in the sentence or the one before."""
    sent = text[ss:se]
    admin = _ADMIN.search(sent)
    objects = _OBJECTS_TO.search(sent)
    if not admin and not objects:
        return cands
    rx = _patterns(id(lex), lex)
    files = rx.files.search(sent)
    if not files:
        return cands
    at = ss + files.start()
    if rx.neg_file.search(text[max(ss, at - 8):at]) or rx.will.search(text, ss, at):
        return cands      # 不会提起行政诉讼, 表示将…提起行政诉讼: nothing was filed yet
    if any(c.type == "sues" and ss <= c.start < se for c in cands):
        return cands
    subj = next((m for m in sm if m.start < at and m.type == "Company" and not text.startswith("的", m.end)), None)
    if subj is None:
        return cands
    regs = [m for m in sm if m.type == "Regulator" and m.end <= at]
    if not regs and (admin or "决定" in sent or "处分" in sent or "处罚" in sent):
        p = ss
        while p > 0 and text[p - 1] in "。！？\n \t":
            p -= 1
        prev_end = p
        while p > 0 and text[p - 1] not in "。！？\n":
            p -= 1
        regs = [m for m in mentions if p <= m.start and m.end <= prev_end and m.type == "Regulator"]
    if not regs:
        return cands
    reg = regs[-1]
    if reg.name == subj.name:
        return cands
    return cands + [Cand(subj.name, reg.name, "sues", at, at + len(files.group(0)), 0.8, False, files.group(0),
                         rule="zh.sues.administrative")]
