"""The FORMAT.md JSON that `kg extract --format json` prints (shared/eval/FORMAT.md).

`extraction_json(extractions)` -> {"articles": [...]}, entity ids e1.. local to each article,
relations and lawsuits referring to them.  An entity's `name` is the name the article writes
(`Entity.written`, kg/extract/written.py), its canonical name and other forms in `aliases`.  Facts not asserted (negated, irrealis, or stopped by a check
of kg/extract/checks.py) are left out; with `all=True` they are shown, each with its `status` and `check`.  Extra keys (offsets,
confidence, qid, owner, claim currency, count) are allowed by the format and kept.
`rule` on each relation, entity and lawsuit names the rule that made it (FORMAT.md, "Confidence and calibration").
"""
from __future__ import annotations

import json
from typing import Iterable, Iterator

from kg.model import Entity, Extraction, Lawsuit
from kg.paths import getenv


def article_json(ex: Extraction, all: bool = False) -> dict:
    a = ex.article
    ids: dict[str, str] = {}
    ents = []
    shown = list(ex.entities) + ([e for e in ex.withheld if isinstance(e, Entity)] if all else [])
    # the name as the article writes it; the canonical name (the entity's key) and the other forms as aliases
    written = {e.key: e.written or e.name for e in shown}
    for i, e in enumerate(shown, 1):
        eid = f"e{i}"
        ids[e.key] = eid
        name = written[e.key]
        d = {"id": eid, "type": e.type, "name": name,
             "aliases": [x for x in dict.fromkeys([e.name] + list(e.aliases)) if x != name]}
        if e.qid:
            d["qid"] = e.qid
        if e.owner:
            d["owner"] = written.get(e.owner, e.owner)
        d["mentions"] = [list(m) for m in e.mentions]
        if e.rule:
            d["rule"] = e.rule
        if e.status:
            d["status"], d["check"] = e.status, e.check
        ents.append(d)
    rels = []
    for r in ex.relations:
        if (r.negated and not all) or r.subject not in ids or r.object not in ids:
            continue
        rels.append({"type": r.type, "subject": ids[r.subject], "object": ids[r.object],
                     "date": r.date, "evidence": r.evidence, "confidence": round(r.confidence, 3),
                     "start": r.start, "end": r.end, "trigger": r.trigger, "rule": r.rule})
        if r.hedged:
            rels[-1]["hedged"] = True
        if r.arg_path and getenv("KG_ARG_PATH"):
            rels[-1]["arg_path"] = r.arg_path      # how its sides were found (benchmarks/calibrate.py)
        if r.negated:
            rels[-1]["status"], rels[-1]["check"] = r.status or "negated", r.check or "reader"
    suits = []
    for s in list(ex.lawsuits) + ([x for x in ex.withheld if isinstance(x, Lawsuit)] if all else []):
        pl = [ids[p] for p in s.plaintiffs if p in ids]
        df = [ids[d] for d in s.defendants if d in ids]
        if not pl or not df:
            continue
        d = {"plaintiffs": pl, "defendants": df,
             "court": ids.get(s.court) if s.court else None,
             "date": s.date, "cause": s.cause, "claim_cny": s.claim_cny, "outcome": s.outcome,
             "evidence": s.evidence, "confidence": round(s.confidence, 3),
             "start": s.start, "end": s.end}
        if s.court and s.court not in ids:
            d["court"] = s.court
        if s.court:
            d["court_name"] = s.court
        if s.claim_amount is not None:
            d["claim_amount"] = s.claim_amount
            d["claim_currency"] = s.claim_currency
        if s.awarded_cny is not None:
            d["awarded_cny"] = s.awarded_cny
        if s.count != 1:
            d["count"] = s.count
        if s.case_number:
            d["case_number"] = s.case_number
        for k in ("ruling_date", "hearing_date"):
            if getattr(s, k):
                d[k] = getattr(s, k)
        if s.rule:
            d["rule"] = s.rule
        if s.status:
            d["status"], d["check"] = s.status, s.check
        suits.append(d)
    return {"id": a.id, "title": a.title, "date": a.date, "source": a.source,
            "entities": ents, "relations": rels, "lawsuits": suits}


def extraction_json(extractions: Iterable[Extraction], all: bool = False) -> dict:
    return {"articles": [article_json(ex, all) for ex in extractions]}


def extraction_jsonl(extractions: Iterable[Extraction], all: bool = False) -> Iterator[str]:
    """One JSON object per article, one line each."""
    for ex in extractions:
        yield json.dumps(article_json(ex, all), ensure_ascii=False)
