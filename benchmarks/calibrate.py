"""Measure each extractor rule's precision and write the table confidence is computed from.

    python benchmarks/calibrate.py                 # extract, count, write ontology/calibration.tsv
    python benchmarks/calibrate.py --reuse         # use the predictions cached by an earlier run
    python benchmarks/calibrate.py --curve         # also print score.py's confidence curve per set

Runs `kg extract --format json` over the development sets — the two pools of real sentences with
silver keys (../shared/eval/pool: FewFC and DuEE train), the answer-keyed articles of tests/corpus
and the dev article (../shared/eval/dev) — and labels every predicted relation right, wrong or
neither, with the matching rules of ../shared/eval/score.py (imported from there): a relation is
right when it matches a gold relation, wrong when it is a false alarm; a prediction that matches an
optional gold relation, or restates one already matched, is neither.  The pools are scored
relations-only, on the relation types their keys annotate (FewFC annotates no fines and no product
events: those are not counted there), names matching by containment as score.py does under
--relations-only.  ../shared/eval/external stays evaluation-only and is never read.

The table (ontology/calibration.tsv, shipped in the package) holds counts only, no text:
rule, type, fired, right, wrong, precision — one row per rule and relation type.
`kg.extract.confidence` turns it into each fact's confidence.  Predictions are cached in
--cache (default /tmp/kg-calibrate); extraction of the pools takes a few minutes (run niced).
Progress goes to stderr, the summary to stdout.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared/eval beside the checkout (or beside the folder of worktrees); KG_EVAL overrides
EVAL = Path(os.environ.get("KG_EVAL") or next(
    (p / "shared" / "eval" for p in ROOT.parents if (p / "shared" / "eval" / "score.py").exists()),
    ROOT.parent / "shared" / "eval"))
CORPUS = ROOT / "tests" / "corpus"

FEWFC_TYPES = ["sues", "rules", "acquires", "invests"]
DUEE_TYPES = ["sues", "rules", "fines", "acquires", "invests", "launches", "discontinues", "blocks"]


def sets(eval_dir: Path) -> list[dict]:
    """The development sets: name, inputs, gold, the types scored (None: all, full scoring)."""
    pool = eval_dir / "pool"
    return [
        {"name": "fewfc-pool", "inputs": [pool / "fewfc-train.jsonl"], "gold": [pool / "fewfc-train.gold.json"],
         "types": FEWFC_TYPES},
        {"name": "duee-pool", "inputs": [pool / "duee-train.jsonl"], "gold": [pool / "duee-train.gold.json"],
         "types": DUEE_TYPES},
        {"name": "corpus", "inputs": [CORPUS], "gold": [CORPUS], "types": None},
        {"name": "dev", "inputs": [eval_dir / "dev"], "gold": [eval_dir / "dev"], "types": None},
    ]


def load_score(path: Path):
    spec = importlib.util.spec_from_file_location("kg_eval_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def predict(s: dict, cache: Path, reuse: bool) -> dict:
    out = cache / f"{s['name']}.json"
    if not (reuse and out.exists()):
        print(f"extracting {s['name']} ...", file=sys.stderr, flush=True)
        cmd = [sys.executable, "-m", "kg.cli", "extract", *map(str, s["inputs"]), "--format", "json"]
        if hasattr(os, "nice"):
            cmd = ["nice", "-n", "10"] + cmd
        env = dict(os.environ, KG_ALL_RULES="1")      # measure the rules that are dropped too
        with open(out, "w", encoding="utf-8") as fh:
            subprocess.run(cmd, cwd=ROOT, stdout=fh, check=True, env=env)
    return json.loads(out.read_text(encoding="utf-8"))


def label_relations(score, gold: list[dict], art, preds: list[dict], contain: bool) -> list[str]:
    """'right', 'wrong' or '' (neither) for each prediction, exactly as score.score_relations counts
    them (its tp and fp), prediction by prediction."""
    labels = [""] * len(preds)
    seen, unique = set(), []
    for k, r in enumerate(preds):
        subj, obj = art.side(r.get("subject")), art.side(r.get("object"))
        key = (r.get("type"), frozenset(subj), frozenset(obj), r.get("date"))
        if key not in seen:
            seen.add(key)
            unique.append((k, r, subj, obj))
    matched: dict[int, str | None] = {}
    left = []
    for k, r, subj, obj in unique:
        cands = [i for i, g in enumerate(gold)
                 if g["type"] == r.get("type") and score.sides_match(g, subj, obj, contain)]
        agree = [i for i in cands if score.dates_agree(gold[i].get("date"), r.get("date"))]
        fresh = [i for i in agree if i not in matched and not gold[i].get("optional")]
        if fresh:
            matched[fresh[0]] = r.get("date")
            labels[k] = "right"
        elif not any(gold[i].get("optional") for i in agree):
            left.append((k, r, cands))
    for k, r, cands in left:
        if any(score.dates_agree(gold[i].get("date"), r.get("date")) for i in cands):
            continue
        fresh = [i for i in cands if i not in matched and not gold[i].get("optional")]
        if fresh:
            matched[fresh[0]] = r.get("date")
            labels[k] = "right"
            continue
        if any(gold[i].get("optional") for i in cands):
            continue
        labels[k] = "wrong"
    return labels


def count(score, s: dict, pred: dict, table: dict) -> tuple[int, int]:
    gold = score.load_gold([str(p) for p in s["gold"]])
    by_id = {a["id"]: a for a in pred.get("articles", [])}
    right = wrong = 0
    if s["types"]:
        # firings of types this set's keys do not annotate: exposure that cannot be checked here
        for a in pred.get("articles", []):
            for r in a.get("relations") or []:
                if r.get("type") not in s["types"]:
                    table[(r.get("rule") or "-", r.get("type"))][3] += 1
    for aid, g in gold.items():
        p = by_id.get(aid, {})
        art = score.Article(p)
        rels = p.get("relations") or []
        for ty in (s["types"] or [None]):
            gr = [r for r in g.get("relations", []) if ty is None or r["type"] == ty]
            pr = [r for r in rels if ty is None or r.get("type") == ty]
            for r, lab in zip(pr, label_relations(score, gr, art, pr, contain=s["types"] is not None)):
                row = table[(r.get("rule") or "-", r.get("type"))]
                row[0] += 1
                if lab == "right":
                    row[1] += 1
                    right += 1
                elif lab == "wrong":
                    row[2] += 1
                    wrong += 1
    return right, wrong


def write_table(table: dict, path: Path) -> None:
    rows = sorted(table.items(), key=lambda kv: (-kv[1][0], kv[0]))
    lines = ["# Measured precision of each extractor rule, per relation type: written by benchmarks/calibrate.py",
             "# from the development pools, tests/corpus and the dev article (counts only). fired counts every",
             "# firing; right and wrong are those score.py credits or blames (the rest match optional keys);",
             "# unscored counts firings in the pools on types their keys do not annotate (owns, leads, ...).",
             "rule\ttype\tfired\tright\twrong\tprecision\tunscored"]
    for (rule, ty), (fired, right, wrong, unscored) in rows:
        prec = f"{right / (right + wrong):.3f}" if right + wrong else ""
        lines.append(f"{rule}\t{ty}\t{fired}\t{right}\t{wrong}\t{prec}\t{unscored}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=str(EVAL), help="the shared eval folder (score.py, pool/, dev/)")
    ap.add_argument("--cache", default="/tmp/kg-calibrate", help="where predictions are cached")
    ap.add_argument("--reuse", action="store_true", help="use cached predictions when present")
    ap.add_argument("--out", default=str(ROOT / "ontology" / "calibration.tsv"))
    ap.add_argument("--no-write", action="store_true", help="count and print, but leave the table alone")
    ap.add_argument("--curve", action="store_true", help="print score.py's confidence curve for each set")
    ap.add_argument("--top", type=int, default=20, help="rules to list in the summary")
    args = ap.parse_args(argv)
    eval_dir = Path(args.eval)
    score = load_score(eval_dir / "score.py")
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    table: dict = defaultdict(lambda: [0, 0, 0, 0])
    preds = {}
    for s in sets(eval_dir):
        pred = preds[s["name"]] = predict(s, cache, args.reuse)
        r, w = count(score, s, pred, table)
        print(f"{s['name']}: {r} right, {w} wrong, precision {r / max(1, r + w):.3f}", file=sys.stderr)
    if not args.no_write:
        write_table(table, Path(args.out))
        print(f"wrote {args.out} ({len(table)} rows)", file=sys.stderr)
    rows = sorted(table.items(), key=lambda kv: -kv[1][0])[:args.top]
    print(f"{'rule':32}{'type':>13}{'fired':>7}{'right':>7}{'wrong':>7}{'P':>7}")
    for (rule, ty), (fired, right, wrong, _) in rows:
        prec = f"{right / (right + wrong):.3f}" if right + wrong else "-"
        print(f"{rule:32}{ty:>13}{fired:7}{right:7}{wrong:7}{prec:>7}")
    low = [(k, v) for k, v in table.items() if v[1] + v[2] >= 10 and v[1] / (v[1] + v[2]) < 0.5]
    if low:
        print("\nbelow 0.5 precision with 10 or more scored firings:")
        for (rule, ty), (fired, right, wrong, _) in sorted(low, key=lambda kv: -kv[1][0]):
            print(f"{rule:32}{ty:>13}{fired:7}{right:7}{wrong:7}{right / (right + wrong):7.3f}")
    if args.curve:
        for s in sets(eval_dir):
            gold = score.load_gold([str(p) for p in s["gold"]])
            by_id = {a["id"]: a for a in preds[s["name"]].get("articles", [])}
            print(f"\n{s['name']}" + (f" (relations only: {','.join(s['types'])})" if s["types"] else ""))
            score.confidence_curve(gold, by_id, s["types"], False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
