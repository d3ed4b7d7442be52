"""Facts a headline states that the body does not restate.

A news headline names the article's main event (瑞幸起诉星巴克涉嫌垄断) and the body often goes on
to tell its background, the reactions and the stakes without repeating it in one plain sentence.
The headline is read like a one-sentence article; a fact it yields is kept only when

- both of its sides are entities the body names (a headline is too short to introduce anyone, and
  headline shorthand 瑞幸 is tied to the body's 瑞幸咖啡 through the body's names and aliases), and
- the body tells no fact of the same type between the same sides (then the body's telling, with
  its date, is the better one and the headline adds nothing) — for a suit, in either direction (a
  headline names a case by its sides in any order: 三星挑战华为专利…8000万元索赔案 is 华为's suit).

A headline fact of an event takes the day of the news from the article's lead (`dates.lead_day`,
rule zh.date.headline_lead: the first of the first paragraphs naming both sides, when the days it
writes within a week up to the article's date are one: 公平會11日宣布…), else no date (a headline
gives none; no date rather than a wrong one); its evidence is the headline itself (offsets 0..0: it is not in the article text).  A lawsuit
the headline announces is kept on the same terms: parties the body names, no body lawsuit
between them.
"""
from __future__ import annotations

import dataclasses
import re

from kg.extract.dates import STATE_TYPES, lead_day
from kg.model import Entity, Extraction, Lawsuit, Relation, fact_key

#: A headline clause ending like this asks or wonders; its facts are not asserted.
QUESTION_MARKS = ("?", "？", "吗", "么")
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff”」』])[ \u3000]+(?=[\u4e00-\u9fff“「『])")
_CLAUSE_BREAK = re.compile(r"(?<=[，,：:；;|｜？?！!])|\s[-–—|]\s")


def asserted_part(title: str) -> str:
    """The headline without its question clauses (瑞幸起诉星巴克，“小蓝杯”为何此时开炮？ → the first)."""
    kept = [c for c in _CLAUSE_BREAK.split(title.strip())
            if c and not c.strip().rstrip("”\"’'").rstrip("，,：:；;").endswith(QUESTION_MARKS)]
    # 特斯拉起诉前工程师… 小鹏汽车称未涉及: a space between Chinese words parts two headline clauses
    return _CJK_SPACE.sub("，", "".join(kept).strip().rstrip("，,：:；;"))


def merge_headline(body: Extraction, head: Extraction) -> Extraction:
    """The body's extraction plus the headline facts it does not restate (see module doc)."""
    title = (body.article.title or "").strip()
    if not title:
        return body
    names = _name_index(body.entities)
    head_to_body: dict[str, str] = {}
    for e in head.entities:
        hit = _resolve(e, names, body.entities)
        if hit:
            head_to_body[e.key] = hit
    told = {fact_key(r.type, r.subject, r.object) for r in body.relations}
    # 网易诉YY直播 (headline) over 网易起诉华多公司 (body), 华多 running YY直播: the headline names the
    # product for its owner — a restatement
    owner = {r.object: r.subject for r in body.relations if r.type == "owns" and not r.negated}
    added: list[Relation] = []
    spans = {e.key: e.mentions for e in body.entities}

    def day(rel: str, *keys: str) -> str | None:
        if body.article.lang == "en" or not all(spans.get(k) for k in keys):
            return None
        return lead_day(body.article.text or "", body.article.date, [spans[k] for k in keys], rel=rel)

    for r in head.relations:
        s, o = head_to_body.get(r.subject), head_to_body.get(r.object)
        if not s or not o or s == o or r.negated:
            continue
        key = fact_key(r.type, s, o)
        if key in told or fact_key(r.type, owner.get(s, s), owner.get(o, o)) in told:
            continue
        if r.type == "sues" and (fact_key(r.type, o, s) in told or
                                 fact_key(r.type, owner.get(o, o), owner.get(s, s)) in told):
            continue    # 三星挑战华为专利…索赔案 over 华为起诉三星 (body): the headline's case, sides unsure
        told.add(key)
        date = None if r.type in STATE_TYPES else day(r.type, s, o)
        added.append(dataclasses.replace(r, subject=s, object=o, date=date, evidence=title,
                                         start=0, end=0))
    suits = [tuple(sorted(l.plaintiffs + l.defendants)) for l in body.lawsuits]
    new_suits: list[Lawsuit] = []
    for l in head.lawsuits:
        p = [head_to_body.get(x) for x in l.plaintiffs]
        d = [head_to_body.get(x) for x in l.defendants]
        if not p or not d or not all(p) or not all(d):
            continue
        parties = set(p + d)
        owned = {owner.get(x, x) for x in parties}
        if any(parties <= set(s) or set(s) <= parties or owned <= set(s) for s in suits):
            continue
        court = head_to_body.get(l.court) if l.court else None
        # the lead's day dates the suit only when it comes from the headline's `sues` (its filing)
        filed = day("sues", *parties) if l.rule.split(":")[0].endswith("from_sues") else None
        new_suits.append(dataclasses.replace(l, plaintiffs=p, defendants=d, court=court, date=filed,
                                             ruling_date=None, hearing_date=None, evidence=title,
                                             start=0, end=0))
    if not added and not new_suits:
        return body
    return dataclasses.replace(body, relations=body.relations + added,
                               lawsuits=body.lawsuits + new_suits)


def _norm(name: str) -> str:
    return name.replace(" ", "").lower()


def _name_index(entities: list[Entity]) -> dict[str, str]:
    index: dict[str, str] = {}
    for e in entities:
        for n in [e.name] + list(e.aliases):
            index.setdefault(_norm(n), e.key)
    return index


def _resolve(e: Entity, names: dict[str, str], body: list[Entity]) -> str | None:
    """The body entity a headline entity is: by name or alias, else the one body entity of the
    same type whose name begins with the headline's shorter form (瑞幸 → 瑞幸咖啡)."""
    for n in [e.name] + list(e.aliases):
        hit = names.get(_norm(n))
        if hit:
            return hit
    short = _norm(e.name)
    if len(short) < 2:
        return None
    found = [b.key for b in body if b.type == e.type and _norm(b.name).startswith(short)]
    return found[0] if len(found) == 1 else None


def title_reversals(body: Extraction, end: int) -> Extraction:
    """A headline kept at the top of the text (a Markdown page's heading) is read with the body; a suit
    it names between two sides the body tells the other way round (三星挑战华为专利…8000万元索赔案 over the
    body's 华为起诉三星) is the body's case with its sides unsure: dropped, with the lawsuit made of it.
    `end`: where the headline ends in the text."""
    owner = {r.object: r.subject for r in body.relations if r.type == "owns" and not r.negated}
    told = set()
    for r in body.relations:
        if r.type == "sues" and not r.negated and r.start >= end:
            told |= {(r.subject, r.object), (owner.get(r.subject, r.subject), owner.get(r.object, r.object))}

    def reversed_(p: str, d: str) -> bool:
        return (d, p) in told or (owner.get(d, d), owner.get(p, p)) in told

    rels = [r for r in body.relations if not (r.type == "sues" and r.end <= end and r.start < end
                                              and reversed_(r.subject, r.object))]
    suits = [l for l in body.lawsuits if not (l.end <= end and any(
        reversed_(p, d) for p in l.plaintiffs for d in l.defendants))]
    if len(rels) == len(body.relations) and len(suits) == len(body.lawsuits):
        return body
    return dataclasses.replace(body, relations=rels, lawsuits=suits)
