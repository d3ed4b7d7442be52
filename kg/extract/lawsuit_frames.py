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
"""
from __future__ import annotations

import functools
import re

from kg.extract.relations import Cand
from kg.lexicon import Lexicon, load_table

PARTY = ("Company", "Person", "Regulator", "Organization")

# 将/把 + the marked names + (一同) 诉至/告上法庭/列为被告
_DISPOSAL = re.compile(r"(?:将|把)(?P<objs>[^，。；;：:]{1,90}?)(?:也|还|均|都)?(?:一同|一并|共同|同时|分别|一起)?"
                       r"(?:起?诉至|诉诸|告上|告至|告到|送上了?法庭|推上被告席|列为(?:共同)?被告)")
# 以X为(共同)被告
_AS_DEFENDANT = re.compile(r"以(?P<objs>[^，。；;：:为]{1,60}?)为(?:共同)?被告")
# a negation right before the marker: 并未将X列为被告
_NEG_BEFORE = re.compile(r"(?:未|没有|没|不|拒绝|无意)(?:再|曾)?$")
# clauses that say what someone thinks or claims: their names are not the clause subject
_OPINION = re.compile(r"^(?:认为|称|表示|指出|主张|指控|要求|请求|声称|诉称|并称)")
_BREAKS = "，,；;：:"
_ROLE_AFTER = re.compile(r"[^，。；;：:]{0,4}?(?:教授|讲师|研究员|学生|员工|职员|律师|记者|用户|消费者|股东|经理|总监|董事|"
                         r"主任|工程师|创始人|负责人|高管|会员|代表)")

# a case title after the suit verb (X诉Y滥用市场支配地位一案 / …案件 / …系列案 / …案), then a later stage
_CASE_TITLE = re.compile(r"[^，。；;：:]{0,30}?(?:一案|案件|纠纷案|系列案|(?<![方备立档提议草预答个])案(?![号由例件情底源卷]))")
_LATER_STAGE = re.compile(r"宣判|开庭|终审|二审|一审|判决|裁定|裁判|和解|获赔|胜诉|败诉|驳回|维持原判|落幕|反转|获胜|胜利|审结")
_FILED = re.compile(r"受理|立案|提起|递交")
_ACCEPTED = re.compile(r"受理|立案")
# X起诉Y在美国获胜 / “X诉Y侵权获赔…”: the suit named by the outcome it had
_OUTCOME_AFTER = re.compile(r"[^，。；;：:]{0,24}?(?:获胜|胜诉|败诉|获赔|获得[^，。；]{0,8}胜利)")

_PASSIVE = re.compile(r"遭|被|受到")
# X在泉州起诉Y的核心专利 / X起诉Y的起因: the suit only qualifies a noun
_ATTRIBUTIVE_SUIT = re.compile(r"[^，。；;：:]{0,16}?的(?:核心|主要|涉案)?(?:专利|案件|官司|起因|原因|理由|导火索)")

# 上诉人X…诉被上诉人Y / 上诉人X与被上诉人Y
_APPEAL = re.compile(r"上诉人[^，。；;]{0,60}?(?:诉|与|和)被上诉人")

_ADMIN = re.compile(r"行政诉讼")
_WILL = re.compile(r"将(?!近)|拟|计划|准备|打算|考虑|可能|有意|寻求|如不服|若不服")
_NEG_FILE = re.compile(r"(?:不|未|没有|无意|放弃|拟|将|计划|准备|考虑|可)[^，。；]{0,4}$")
_OBJECTS_TO = re.compile(r"不服")
_FILES = re.compile(r"提起(?:行政)?诉讼|提出行政诉讼|起诉")


def suit_frames(text: str, ss: int, se: int, sm: list, cands: list[Cand], mentions: list,
                context_subject, lex: Lexicon) -> list[Cand]:
    """The sentence's candidates with the marked frames above applied (see the module doc)."""
    sent = text[ss:se]
    if not any(w in sent for w in ("诉", "告", "法庭")):
        return cands
    cands = _marked(text, ss, se, sm, cands, context_subject)
    cands = _appeals(text, ss, se, cands)
    cands = _references(text, ss, se, sm, cands)
    cands = _no_venue_sides(text, ss, se, sm, cands)
    cands = _not_sides(text, ss, se, sm, cands)
    cands = _told_defendants(text, ss, se, sm, cands, context_subject, lex)
    return _administrative(text, ss, se, sm, cands, mentions)


def _parties(sm: list, lo: int, hi: int) -> list:
    return [m for m in sm if lo <= m.start and m.end <= hi and m.type in PARTY]


def _clause_subject(text: str, ss: int, at: int, sm: list) -> list:
    """The names of the clause the marker's clause continues: the marker's own clause before it, else
    the clauses before, skipping those that say what someone thinks (认为Y违宪)."""
    end = at
    while end > ss:
        p = end
        while p > ss and text[p - 1] not in _BREAKS:
            p -= 1
        clause = text[p:end]
        found = _parties(sm, p, end)
        # a name followed by 的 only qualifies another noun (X的决定); one followed by a role is a
        # person's employer (浙江理工大学特聘副教授郭兵: 郭兵 files, not the university)
        found = [m for m in found if not text.startswith("的", m.end) and not _ROLE_AFTER.match(text, m.end)]
        if found and not _OPINION.match(clause):
            return found
        end = p - 1
    return []


def _marked(text, ss, se, sm, cands, context_subject) -> list[Cand]:
    out = list(cands)
    for rx in (_DISPOSAL, _AS_DEFENDANT):
        for mt in rx.finditer(text, ss, se):
            lo, hi = mt.start("objs"), mt.end("objs")
            # named defendants only: a coreference word inside the list (当地, 两家) is no party
            objs = [m for m in _parties(sm, lo, hi) if not text.startswith("的", m.end) and m.source != "coref"]
            if not objs:
                continue
            obj_names = {m.name for m in objs}
            negated = bool(_NEG_BEFORE.search(text[max(ss, mt.start() - 4):mt.start()]))
            subj = [m for m in _clause_subject(text, ss, mt.start(), sm) if m.name not in obj_names]
            if not subj and context_subject and not _parties(sm, ss, mt.start()):
                subj = [m for m in context_subject if m.type in PARTY and m.name not in obj_names]
            # what the position frames read around this marker: pairs inside the marked list, or the
            # list against its own plaintiff
            out = [c for c in out if not (c.type == "sues" and ss <= c.start < se and (
                c.subject in obj_names or (c.object in obj_names and c.subject not in {m.name for m in subj})))]
            if negated or not subj:
                continue
            tail = text[mt.end():se]
            trig_at = mt.end() if rx is _DISPOSAL else mt.end() + max(0, _first(_FILES, tail))
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


def _references(text, ss, se, sm, cands) -> list[Cand]:
    """Mark a suit named as a case (its title, its outcome, or as what a noun belongs to) as a
    reference: the defendant is named after the verb and before the title's end (遭X起诉…案 is a
    filing told in the passive, not a title)."""
    filed = _FILED.search(text[ss:se])
    for c in cands:
        if c.type != "sues" or c.reference:
            continue
        for rx, need_stage in ((_CASE_TITLE, True), (_OUTCOME_AFTER, False), (_ATTRIBUTIVE_SUIT, False)):
            m = rx.match(text, c.end)
            if not m or not any(x.name == c.object and (c.end <= x.start and x.end <= m.end() or (
                    x.end <= c.start and rx is not _OUTCOME_AFTER and not _PASSIVE.search(text, x.end, c.start)))
                    for x in sm):
                continue
            if need_stage and not _LATER_STAGE.search(text, m.end(), se):
                continue
            if (filed if rx is not _ATTRIBUTIVE_SUIT else _ACCEPTED.search(text, ss, se)):
                continue      # 法院受理了X起诉Y的案件: the filing itself
            c.reference = True
            break
    return cands


# 以Y制造的空调侵害其专利权为由向法院提起诉讼: the accused named in the ground, the filing right after
_REASON = re.compile(r"以(?P<why>[^，。；;：:]{2,60}?)为由")
_FILING_NEAR = re.compile(r"[^，。；;]{0,24}?(?:提起[^，。；;]{0,12}?诉讼|起诉|诉至|诉诸)")
# (因)认为Y…，X向法院提起诉讼: the view that grounds a filing, the filing in the next clause
_BELIEF = re.compile(r"(?:因|由于)?认为(?P<why>[^。；;！？]{2,80}?)[，,](?P<rest>[^，。；;！？]{0,40}?)"
                     r"(?P<file>提起[^，。；;]{0,12}?诉讼|诉至|起诉|告上法庭)")
# the filing clause marks a defendant of its own (将papitube的经营方诉至): the view names none
_OWN_OBJECT = re.compile(r"将|把|对|针对|以[^，。；]{1,30}为被告")
# names listed side by side (Y、Z / Y和Z), with an announced short form between (Y（简称Y'）、Z)
_LISTED = re.compile(r"(?:[（(]?[^（）()，。；、]{0,30}[）)])?(?:[、和及与]|以及)")
# X向法院起诉称，Y在…: the defendant opens what the complaint says
_CLAIM_SAID = re.compile(r"(?:起诉|诉)(?:称|指出|认为|指控)[，,]")


@functools.lru_cache(maxsize=4)
def _accused_re(lex_id: int, lex: Lexicon) -> re.Pattern | None:
    """What the accused does or makes right after its name in a ground (modifiers.tsv kind accused_act)."""
    words = sorted(lex.words("accused_act"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


def _told_defendants(text, ss, se, sm, cands, context_subject, lex) -> list[Cand]:
    """A filing whose defendant the ground (以Y…为由) or the complaint's words (起诉称，Y…) name, when no
    frame read a suit in the sentence."""
    accused = _accused_re(id(lex), lex)
    if any(c.type == "sues" and ss <= c.start < se for c in cands):
        return cands
    for mt in _REASON.finditer(text, ss, se):
        filing = _FILING_NEAR.match(text, mt.end())
        if not filing:
            continue
        subj = _clause_subject(text, ss, mt.start(), sm)
        names = {m.name for m in subj}
        obj = next((m for m in _parties(sm, mt.start("why"), mt.end("why"))
                    if m.name not in names and accused is not None
                    and accused.match(text, m.end)), None)
        if subj and obj:
            at = filing.end()
            return cands + [Cand(a.name, obj.name, "sues", at - 2, at, 0.8, False, filing.group(0)[-2:],
                                 rule="zh.sues.reason_defendant") for a in subj]
    for mt in _BELIEF.finditer(text, ss, se):
        # (因)认为Y虚假宣传…，X向法院提起诉讼 / X认为Y侵害其商标权…，诉至法院: the one the plaintiff's
        # view names first is sued
        rest = _parties(sm, mt.start("rest"), mt.end("rest"))
        subj = rest or _clause_subject(text, ss, mt.start(), sm)
        names = {m.name for m in subj}
        obj = [m for m in _parties(sm, mt.start("why"), mt.end("why")) if m.name not in names
               and m.type != "Person"]
        if subj and obj and not _NEG_FILE.search(text, mt.start("rest"), mt.start("file")) and \
                not _OWN_OBJECT.search(text, mt.start("rest"), mt.start("file")):
            at = mt.end("file")
            listed = obj[:1]
            for m in obj[1:]:
                if m.name not in {x.name for x in listed} and _LISTED.fullmatch(text, listed[-1].end, m.start):
                    listed.append(m)
                elif m.name == listed[-1].name:
                    listed[-1] = m      # (the announced short form right after the name it shortens)
            return cands + [Cand(a.name, b.name, "sues", mt.start("file"), at, 0.75, False, mt.group("file"),
                                 rule="zh.sues.belief_defendant") for a in subj for b in listed]
    for mt in _CLAIM_SAID.finditer(text, ss, se):
        obj = next((m for m in sm if m.type in PARTY and 0 <= m.start - mt.end() <= 1), None)
        subj = _clause_subject(text, ss, mt.start(), sm)
        if obj and subj and all(m.name != obj.name for m in subj):
            return cands + [Cand(a.name, obj.name, "sues", mt.start(), mt.end(), 0.75, False, mt.group(0)[:2],
                                 rule="zh.sues.claim_defendant") for a in subj]
    return cands


@functools.lru_cache(maxsize=1)
def _places() -> frozenset:
    return frozenset(row["word"] for row in load_table("places.tsv") if row.get("word"))


_AT = re.compile(r"(?:在|于|赴|到)$")


def _venue(text: str, ss: int, m) -> bool:
    """Is this mention a place the suit is filed in (在美国对X提告, 在中国与美国提告)?"""
    places = _places()
    if m.name not in places and m.surface not in places:
        return False
    k = m.start
    while True:
        head = text[max(ss, k - 6):k]
        if _AT.search(head):
            return True
        prev = next((p for p in places if head.endswith(p)), None)
        if prev is not None:
            k -= len(prev)
            continue
        if head.endswith(("与", "和", "、", "及")):
            k -= 1
            continue
        return False


def _no_venue_sides(text, ss, se, sm, cands) -> list[Cand]:
    """A country or city named only as where a suit is filed is no side of it; a plaintiff read as
    that place is the name the clause opens with before it (美光开始在美国对联电提告 -> 美光)."""
    out = []
    for c in cands:
        if c.type == "sues":
            venue = {n for n in (c.subject, c.object)
                     if any(m.name == n for m in sm) and all(_venue(text, ss, m) for m in sm if m.name == n)}
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


# 针对美国司法部的控告，联电…: the one whose charge is answered is its author, not a defendant
_ANSWERED = re.compile(r"(?:针对|对于|面对|就|回应)$")
_CHARGE_AFTER = re.compile(r"^的(?:控告|起诉|指控|诉讼|告诉|诉求)")


_ADMIN_CASE = re.compile(r"行政纠纷|行政诉讼|行政案件|行政判决|行政裁定")


def _clause_start(text: str, ss: int, at: int) -> int:
    p = at
    while p > ss and text[p - 1] not in _BREAKS:
        p -= 1
    return p


def _not_sides(text, ss, se, sm, cands) -> list[Cand]:
    """Drop a suit whose defendant is only the author of a charge being answered (针对X的控告), or whose
    plaintiff is only an outlet's tag (【财新网】)."""
    out = []
    for c in cands:
        if c.type == "sues":
            if any(len(n) > 1 and n.endswith("案") for n in (c.subject, c.object)):
                continue      # 奥巴马案: a case label, no party
            if _ADMIN_CASE.search(text, _clause_start(text, ss, c.start), c.start + 40) and not any(
                    m.type == "Regulator" and m.name in (c.subject, c.object) for m in sm):
                continue      # X与Y…行政纠纷一案: both sides of an administrative case are not its parties
            objs = [m for m in sm if m.name == c.object]
            subs = [m for m in sm if m.name == c.subject]
            if any(_ANSWERED.search(text[max(ss, m.start - 2):m.start]) and _CHARGE_AFTER.match(text[m.end:m.end + 4])
                   and m.end <= c.start <= m.end + 2 for m in objs):
                continue      # the trigger is that charge itself
            if subs and all(text.rfind("【", ss, m.start) > text.rfind("】", ss, m.start) for m in subs):
                continue
        out.append(c)
    return out


def _administrative(text, ss, se, sm, cands, mentions) -> list[Cand]:
    """高通不服处分，提起行政诉讼 / 三星不服，向法院提起诉讼，认为被诉审查决定…: the company sues the
    regulator whose decision it contests, named in the sentence or the one before."""
    sent = text[ss:se]
    admin = _ADMIN.search(sent)
    objects = _OBJECTS_TO.search(sent)
    if not admin and not objects:
        return cands
    files = _FILES.search(sent)
    if not files:
        return cands
    at = ss + files.start()
    if _NEG_FILE.search(text[max(ss, at - 8):at]) or _WILL.search(text, ss, at):
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
