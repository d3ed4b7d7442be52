"""Missed relations whose two sides were both found as entities, counted by the shape of their sentence.

    python benchmarks/slot_shapes.py --pools PRED_DIR [--corpus CORPUS_JSON] [--examples N]

A found name is not a relation found: this lists the keyed relations a reader missed although the
entities of both sides are in the prediction, with mentions in one sentence, and sorts them by what
stands between and around the two sides and the trigger word (DEVELOPERS.md, "Missed relations with
both sides found, by slot shape").  PRED_DIR holds `pf.json` and `pd.json` (`/work/notes/pools.sh`);
CORPUS_JSON is `kg extract tests/corpus --format json` (`/work/notes/evalall.sh` writes it as
`corpus.json`).  Pools count relations, the corpus counts relations and different articles.
`--examples` prints a few sentences of each shape to read on screen (never commit pool text).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pool_misses import EVAL, ROOT, TYPES, missed_relations, pools, score_module  # noqa: E402

sys.path.insert(0, str(ROOT))
# general grammar of the slots (dates, list joints, passive markers), not words learned from the pools
_DATE = re.compile(r"\d{1,4}\s*[年月日号]|[上下本今去前明]年|[上下本]月|[今昨前明]日|日前|近日|此前|目前|当天|同日|次日")
_LIST = re.compile(r"^\s*(?:、|和|与|及|以及|跟|同|,|，|and|, and|&)\s*$")
_PASSIVE = re.compile(r"被|遭|受到|获|由|been|was |were ")
_CLAUSE_LEAD = re.compile(r"^(?:尽管|虽然|虽|在|随着|由于|因|因为|此前|继|据|自|为|经|对于|关于|根据)")
SHAPES = [
    "predicted with another type",
    "predicted with the sides reversed",
    "two keyed sides, one entity",
    "not found where the text names it",
    "sides never in one sentence",
    "no trigger word of the type in the sentence",
    "分别 (amounts or dates over members)",
    "passive: object first, 被/遭/获/由 marker",
    "object before the trigger, no passive marker",
    "list on the subject side",
    "list on the object side",
    "another name between subject and trigger",
    "clause break between subject and trigger",
    "date between subject and trigger",
    "subject after the trigger (no subject before it)",
    "clause before the subject (尽管/在/随着…)",
    "adverb or other words between subject and trigger",
    "another name between trigger and object",
    "two triggers in the sentence",
    "words between trigger and object",
    "adjacent subject, trigger and object",
]


def _entities_of(sc, side: list[str], ents: list[dict], contain: bool) -> list[dict]:
    gold = {sc.norm(n) for n in side}
    return [e for e in ents if sc.meet(gold, sc.names_of(e), contain)]


def _spans(ents: list[dict]) -> list[tuple[int, int]]:
    return sorted({(a, b) for e in ents for a, b in (e.get("mentions") or [])})


def _side_spans(text: str, side: list[str], ents: list[dict]) -> list[tuple[int, int]]:
    """The mentions of the side's entities that overlap where the text writes one of the side's
    names (a name matched by containment elsewhere in the text is not this side found); when the
    text writes none of them (an English key of a Chinese article), all their mentions."""
    at = [(m.start(), m.end()) for n in side if n for m in re.finditer(re.escape(n), text)]
    spans = _spans(ents)
    if not at:
        return spans
    return [(a, b) for a, b in spans if any(a < y and x < b for x, y in at)]


def _in_list(text: str, m: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """A mention joined to another name by list punctuation or a conjunction (A、B和C)."""
    for a, b in others:
        if (a, b) == m:
            continue
        gap = text[b:m[0]] if b <= m[0] else text[m[1]:a] if m[1] <= a else None
        if gap is not None and len(gap) <= 4 and _LIST.match(gap):
            return True
    return False


def classify(text: str, ss: int, se: int, s_sp, o_sp, all_sp, rtype: str, lex) -> str:
    """The first shape of SHAPES that fits one sentence text[ss:se] with subject and object mentions."""
    from kg.extract.triggers import find_triggers
    trigs = [(a, b) for a, b, ts in find_triggers(text, lex, ss, se) if any(t.relation == rtype for t in ts)]
    every = find_triggers(text, lex, ss, se)
    if not trigs:
        return "no trigger word of the type in the sentence"
    if "分别" in text[ss:se]:
        return "分别 (amounts or dates over members)"
    # the trigger nearest to the two sides, then the subject before it and the object after it
    ts, te = min(trigs, key=lambda t: min(abs(t[0] - x[1]) for x in s_sp + o_sp))
    s_before = [m for m in s_sp if m[1] <= ts]
    o_before = [m for m in o_sp if m[1] <= ts]
    o_after = [m for m in o_sp if m[0] >= te]
    subj = s_before[-1] if s_before else min(s_sp, key=lambda m: abs(m[0] - te))
    obj = o_after[0] if o_after else o_before[-1] if o_before else o_sp[0]
    if obj[1] <= ts and (not s_before or obj[0] < subj[0] or subj[0] >= te):
        # the object stands before the trigger and before any subject
        if _PASSIVE.search(text[obj[1]:ts]):
            return "passive: object first, 被/遭/获/由 marker"
        return "object before the trigger, no passive marker"
    others = [m for m in all_sp if m not in s_sp and m not in o_sp]
    if _in_list(text, subj, all_sp) and subj[1] <= ts:
        return "list on the subject side"
    if _in_list(text, obj, all_sp):
        return "list on the object side"
    if subj[1] <= ts:
        gap = text[subj[1]:ts]
        if any(subj[1] <= a and b <= ts for a, b in others):
            return "another name between subject and trigger"
        if re.search(r"[，,；;：:]", gap):
            return "clause break between subject and trigger"
        if _DATE.search(gap):
            return "date between subject and trigger"
    else:
        return "subject after the trigger (no subject before it)"
    lead = text[ss:subj[0]]
    if _CLAUSE_LEAD.match(lead.lstrip()) and len(lead) > 2:
        return "clause before the subject (尽管/在/随着…)"
    if len(text[subj[1]:ts].strip()) > 1:
        return "adverb or other words between subject and trigger"
    if any(te <= a and b <= obj[0] for a, b in others):
        return "another name between trigger and object"
    if len(every) > 1:
        return "two triggers in the sentence"
    if obj[0] - te > 1:
        return "words between trigger and object"
    return "adjacent subject, trigger and object"


def _sentence_of(text: str, s_sp, o_sp) -> tuple[int, int] | None:
    from kg import nlp
    for a, b, _ in nlp.split_sentences(text):
        if any(a <= x and y <= b for x, y in s_sp) and any(a <= x and y <= b for x, y in o_sp):
            return a, b
    return None


def missed(sc, gold: dict, pred: dict, texts: dict, contain: bool, lex, types=None) -> list[tuple]:
    """(article, type, shape, sentence span) for each missed relation with both sides found."""
    from kg import nlp
    rows, simplified = [], {}
    keyed = {aid: g for aid, g in gold.items() if aid in texts}
    for aid, t, r, p, art, gr in missed_relations(sc, keyed, pred, None if types is None else sorted(types), contain):
        ents = p.get("entities") or []
        if aid not in simplified:
            simplified[aid] = nlp.to_simplified(texts[aid])
        text = simplified[aid]
        se_, oe_ = _entities_of(sc, r["subject"], ents, contain), _entities_of(sc, r["object"], ents, contain)
        if not se_ or not oe_:
            continue
        if any(_merged(sc, r, q, role, ents_, contain) for q in gr if q is not r
               for role, ents_ in (("subject", se_), ("object", oe_))):
            rows.append((aid, t, "two keyed sides, one entity", None))
            continue
        rows.append((aid, t) + _shape(sc, text, p, art, r, t, se_, oe_, ents, contain, lex))
    return rows


def _merged(sc, r: dict, q: dict, role: str, ents: list[dict], contain: bool) -> bool:
    """Another key of the type names a different side whose names the same entity carries."""
    if {sc.norm(n) for n in q[role]} & {sc.norm(n) for n in r[role]}:
        return False
    return any(sc.meet({sc.norm(n) for n in q[role]}, sc.names_of(e), contain) for e in ents)


def _shape(sc, text, p, art, r, t, se_, oe_, ents, contain, lex) -> tuple[str, tuple | None]:
    gs, go = {sc.norm(n) for n in r["subject"]}, {sc.norm(n) for n in r["object"]}
    for q in p.get("relations") or []:
        qs, qo = art.side(q.get("subject")), art.side(q.get("object"))
        if q.get("type") != t and sc.meet(gs, qs, contain) and sc.meet(go, qo, contain):
            return "predicted with another type", None
        if q.get("type") == t and sc.meet(gs, qo, contain) and sc.meet(go, qs, contain):
            return "predicted with the sides reversed", None
    s_sp, o_sp = _side_spans(text, r["subject"], se_), _side_spans(text, r["object"], oe_)
    if not s_sp or not o_sp:
        return "not found where the text names it", None
    span = _sentence_of(text, s_sp, o_sp)
    if span is None:
        return "sides never in one sentence", None
    ss, se = span
    inside = lambda sp: [m for m in sp if ss <= m[0] and m[1] <= se]    # noqa: E731
    return classify(text, ss, se, inside(s_sp), inside(o_sp), inside(_spans(ents)), t, lex), span


def _pool_rows(sc, pred_dir: Path, lex) -> dict[str, list]:
    return {name: missed(sc, gold, pred, texts, True, lex, TYPES) for name, gold, pred, texts in pools(pred_dir)}


def _corpus_rows(sc, corpus_json: Path, lex) -> list:
    from kg.ingest import read_articles
    from kg.model import Article
    gold = sc.load_gold([str(ROOT / "tests" / "corpus")])
    pred = {a["id"]: a for a in json.loads(corpus_json.read_text(encoding="utf-8"))["articles"]}
    texts = {a.id: a.text for a in read_articles(ROOT / "tests" / "corpus") if isinstance(a, Article)}
    return missed(sc, gold, pred, texts, False, lex)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pools", type=Path)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    from kg.lexicon import load_lexicon
    sc, lex = score_module(), load_lexicon()
    sets = _pool_rows(sc, args.pools, lex) if args.pools else {}
    if args.corpus:
        sets["corpus"] = _corpus_rows(sc, args.corpus, lex)
    heads = []
    for k, rows in sets.items():
        heads += [f"{k} relations"] + ([f"{k} articles"] if k == "corpus" else [])
    print("| shape | " + " | ".join(heads) + " |")
    print("|---|" + "---:|" * len(heads))
    for shape in SHAPES:
        cells = []
        for k, rows in sets.items():
            got = [r for r in rows if r[2] == shape]
            cells.append(str(len(got)))
            if k == "corpus":
                cells.append(str(len({r[0] for r in got})))
        if any(c != "0" for c in cells):
            print(f"| {shape} | " + " | ".join(cells) + " |")
    cells = []
    for k, rows in sets.items():
        cells.append(str(len(rows)))
        if k == "corpus":
            cells.append(str(len({r[0] for r in rows})))
    print("| all missed with both sides found | " + " | ".join(cells) + " |")
    if args.examples:
        _print_examples(sets, args)


def _print_examples(sets, args) -> None:
    texts = {}
    for name in ("fewfc", "duee"):
        if name in sets:
            with open(EVAL / "pool" / f"{name}-train.jsonl", encoding="utf-8") as f:
                for line in f:
                    rec = json.loads(line)
                    texts[rec["id"]] = rec["text"]
    for shape in SHAPES:
        got = [r for rows in sets.values() for r in rows if r[2] == shape and r[3]]
        if got:
            print(f"\n== {shape}")
            for aid, t, _, (a, b) in got[:args.examples]:
                print(f"  {aid} {t}: {texts.get(aid, '')[a:b][:160]}")


if __name__ == "__main__":
    main()
