#!/usr/bin/env python3
"""Check the answer keys in this folder (standard library only).

For every `<stem>.gold.json` beside an article:
  * the JSON has the FORMAT.md shape (article = file stem, types from the closed sets, ISO dates);
  * no name or alias belongs to two entities, and every name a relation or lawsuit uses is an
    entity's name or alias;
  * a prediction built from the key itself scores 1.0 everywhere with shared/eval/score.py, which
    proves the key is self-consistent (no two gold items that one prediction cannot tell apart).

Usage: python3 tests/corpus/check_keys.py [--score PATH/TO/score.py] [--write-pred FILE]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ENTITY_TYPES = {"Company", "Product", "Person", "Court", "Regulator", "Organization"}
RELATION_TYPES = {"sues", "rules", "fines", "blocks", "accuses", "competes", "cooperates", "acquires",
                  "invests", "launches", "discontinues", "owns", "leads"}
CAUSES = {"antitrust", "unfair_competition", "copyright", "patent", "trademark", "privacy", "defamation",
          "contract", "other", None}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ARTICLE_EXT = (".md", ".html", ".txt")


def norm(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", str(name)).lower().split())


def check(path: Path, errors: list[str]) -> dict:
    key = json.loads(path.read_text(encoding="utf-8"))
    stem = path.name[: -len(".gold.json")]
    err = lambda msg: errors.append(f"{path.name}: {msg}")  # noqa: E731
    if key.get("article") != stem:
        err(f"article {key.get('article')!r} is not the file stem {stem!r}")
    if not any((path.parent / f"{stem}{ext}").exists() for ext in ARTICLE_EXT):
        err("no article beside the key")
    if not DATE.match(str(key.get("date"))):
        err(f"bad article date {key.get('date')!r}")
    owner: dict[str, str] = {}
    for e in key["entities"]:
        if set(e) != {"name", "type", "aliases", "optional"}:
            err(f"entity {e.get('name')}: keys {sorted(e)}")
        if e["type"] not in ENTITY_TYPES:
            err(f"entity {e['name']}: type {e['type']}")
        for n in [e["name"], *e["aliases"]]:
            if norm(n) in owner and owner[norm(n)] != e["name"]:
                err(f"name {n!r} belongs to {owner[norm(n)]!r} and {e['name']!r}")
            owner[norm(n)] = e["name"]
    for r in key["relations"]:
        if r["type"] not in RELATION_TYPES:
            err(f"relation type {r['type']}")
        if r["date"] is not None and not DATE.match(r["date"]):
            err(f"relation date {r['date']!r}")
        for n in r["subject"] + r["object"]:
            if norm(n) not in owner:
                err(f"relation {r['type']}: {n!r} is not an entity name or alias")
        if not isinstance(r.get("optional"), bool):
            err(f"relation {r['type']} {r['subject'][0]}: optional must be true or false")
    for s in key["lawsuits"]:
        if s["cause"] not in CAUSES:
            err(f"lawsuit cause {s['cause']!r}")
        if s["date"] is not None and not DATE.match(s["date"]):
            err(f"lawsuit date {s['date']!r}")
        for n in s["plaintiffs"] + s["defendants"] + (s["court"] or []):
            if norm(n) not in owner:
                err(f"lawsuit: {n!r} is not an entity name or alias")
        if s.get("claim_cny") is not None and not isinstance(s["claim_cny"], (int, float)):
            err("claim_cny must be a number or null")
    return key


def self_prediction(key: dict) -> dict:
    ids, owner = {}, {}
    entities = []
    for i, e in enumerate(key["entities"], 1):
        ids[e["name"]] = f"e{i}"
        for n in [e["name"], *e["aliases"]]:
            owner[norm(n)] = e["name"]
        entities.append({"id": f"e{i}", "type": e["type"], "name": e["name"], "aliases": e["aliases"]})
    ref = lambda n: ids[owner[norm(n)]]  # noqa: E731
    relations = [{"type": r["type"], "subject": ref(r["subject"][0]), "object": ref(r["object"][0]),
                  "date": r["date"], "evidence": r.get("note", "")} for r in key["relations"]]
    lawsuits = [{"plaintiffs": [ref(n) for n in s["plaintiffs"]], "defendants": [ref(n) for n in s["defendants"]],
                 "court": ref(s["court"][0]) if s["court"] else None, "date": s["date"], "cause": s["cause"],
                 "claim_cny": s.get("claim_cny"), "outcome": s.get("outcome")} for s in key["lawsuits"]]
    return {"id": key["article"], "title": "", "date": key["date"], "source": "answer key",
            "entities": entities, "relations": relations, "lawsuits": lawsuits}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--score", default=str(HERE.parents[2] / "shared" / "eval" / "score.py"),
                    help="path to score.py (default: ../shared/eval/score.py beside the repository)")
    ap.add_argument("--write-pred", help="also write the self-prediction JSON here")
    args = ap.parse_args()
    errors: list[str] = []
    keys = [check(p, errors) for p in sorted(HERE.glob("*.gold.json"))]
    for e in errors:
        print("ERROR", e)
    pred = {"articles": [self_prediction(k) for k in keys]}
    if args.write_pred:
        Path(args.write_pred).write_text(json.dumps(pred, ensure_ascii=False, indent=1), encoding="utf-8")
    if not Path(args.score).exists():
        print(f"score.py not found at {args.score}; schema checks only")
        return 1 if errors else 0
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(pred, f, ensure_ascii=False)
    out = subprocess.run([sys.executable, args.score, "--gold", str(HERE), "--pred", f.name, "--json"],
                         capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    m = report["micro"]
    bad = [k for k in ("entities", "typed", "relations", "lawsuits") if m[k]["f1"] != 1.0 and (m[k]["tp"] or m[k]["fn"])]
    if m["relation_dates"] != 1.0:
        bad.append("relation_dates")
    bad += [f"lawsuit {k}" for k, v in m["lawsuit_attributes"].items() if v not in (1.0, None)]
    for aid, a in report["articles"].items():
        for x in a["misses"] + a["false_alarms"]:
            print(f"{aid}: {x}")
    print(f"{len(keys)} keys; entities {m['entities']['tp']}, relations {m['relations']['tp']}, "
          f"lawsuits {m['lawsuits']['tp']} required items; self-score "
          + ("1.0 everywhere" if not bad else f"below 1.0 in {', '.join(bad)}"))
    return 1 if errors or bad else 0


if __name__ == "__main__":
    sys.exit(main())
