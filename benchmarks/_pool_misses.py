"""What the miss-map scripts share (benchmarks/unfound_sides.py, benchmarks/slot_shapes.py): score.py
loaded as a module, the development pools with a prediction directory, and the walk over the keyed
relations a prediction missed."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
EVAL = next((p / "shared" / "eval" for p in ROOT.parents if (p / "shared" / "eval" / "pool").is_dir()),
            ROOT.parent / "shared" / "eval")
TYPES = ["sues", "rules", "fines", "acquires", "invests", "launches", "discontinues"]


def score_module():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def pools(pred_dir: Path) -> Iterator[tuple[str, dict, dict, dict]]:
    """(pool name, gold by article, prediction by article, text by article) for FewFC and DuEE;
    PRED_DIR holds `pf.json` and `pd.json` as `/work/notes/pools.sh` writes them."""
    for name, pf in (("fewfc", "pf"), ("duee", "pd")):
        gold = {g["article"]: g for g in json.loads((EVAL / "pool" / f"{name}-train.gold.json").read_text(encoding="utf-8"))}
        pred = {a["id"]: a for a in json.loads((pred_dir / f"{pf}.json").read_text(encoding="utf-8"))["articles"]}
        texts = {}
        with open(EVAL / "pool" / f"{name}-train.jsonl", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                texts[rec["id"]] = rec["text"]
        yield name, gold, pred, texts


def missed_relations(sc, gold: dict, pred: dict, types, contain: bool) -> Iterator[tuple]:
    """(article id, type, the missed keyed relation, the article's prediction, its `score.Article`,
    the keyed relations of that type) for every keyed relation, not optional, the prediction missed.
    `types`: the types in that order, or None for the sorted types each article keys."""
    for aid, g in gold.items():
        p = pred.get(aid, {})
        art = sc.Article(p)
        for t in (sorted({r["type"] for r in g.get("relations", [])}) if types is None else types):
            gr = [r for r in g.get("relations", []) if r["type"] == t]
            if not gr:
                continue
            misses: list[str] = []
            sc.score_relations(gr, art, misses, [], [r for r in p.get("relations") or [] if r.get("type") == t],
                               contain=contain)
            for r in gr:
                if r.get("optional") or f"relation {t} {r['subject'][0]} -> {r['object'][0]} @ {r.get('date')}" not in misses:
                    continue
                yield aid, t, r, p, art, gr
