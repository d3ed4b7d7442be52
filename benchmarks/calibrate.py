"""Measure each extractor rule's precision and write the table confidence is computed from.

    python benchmarks/calibrate.py                 # extract, count, write ontology/calibration.tsv
    python benchmarks/calibrate.py --reuse         # use the predictions cached by an earlier run
    python benchmarks/calibrate.py --curve         # also print score.py's confidence curve per set
    python benchmarks/calibrate.py --reuse --no-write --exclude 'fresh*' --exclude 'holdout*'
                                                   # the honest curve of the held-out articles: their
                                                   # confidence from a table that leaves them out
    python benchmarks/calibrate.py --reuse --no-write --folds 10
                                                   # the same, 10-fold over every keyed article

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
rule, type, fired, right, wrong, precision, unscored, and right and wrong apart on sentences given
alone (sentence_*: the pools, no title) and on articles (article_*: a title) — one row per rule and
relation type; then the rows @hedged and @headline: the firings the text hedges or only the headline
states, right, wrong, and the precision their rules' estimates expected of them (summed), from which
kg.extract.confidence measures each adjustment's factor.

The articles of tests/corpus and dev are also counted in the table, so their curve under --curve
flatters: --exclude GLOB (article ids, repeatable) leaves the matching articles out of the table (the
one written too, unless --no-write) and prints their curve with every confidence recomputed from that
table; --folds K does the same for K folds of all keyed articles in turn (the table written still
counts everything) and prints the curves of the held-out articles (fresh*, holdout*), fresh6 and all.
Both re-score the cached predictions (the relations of dropped rules left out, as kg extract does).
`kg.extract.confidence` turns it into each fact's confidence.  Predictions are cached in
--cache (default /tmp/kg-calibrate); extraction of the pools takes a few minutes (run niced).
Progress goes to stderr, the summary to stdout.
"""
from __future__ import annotations

import argparse
import fnmatch
import importlib.util
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
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
        # measure the rules that are dropped too; each relation tells how its sides were found
        env = dict(os.environ, KG_ALL_RULES="1", KG_ARG_PATH="1")
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


def records(score, s: dict, pred: dict) -> list[tuple[str, dict, dict, str | None]]:
    """Every prediction of set `s` as (set, article, relation, label): right, wrong or '' (neither) as
    score.py counts it, None for a firing of a type the set's keys do not annotate (exposure that
    cannot be checked there)."""
    gold = score.load_gold([str(p) for p in s["gold"]])
    by_id = {a["id"]: a for a in pred.get("articles", [])}
    out = []
    if s["types"]:
        out = [(s["name"], a, r, None) for a in pred.get("articles", []) for r in a.get("relations") or []
               if r.get("type") not in s["types"]]
    for aid, g in gold.items():
        p = by_id.get(aid, {"id": aid})
        art = score.Article(p)
        rels = p.get("relations") or []
        for ty in (s["types"] or [None]):
            gr = [r for r in g.get("relations", []) if ty is None or r["type"] == ty]
            pr = [r for r in rels if ty is None or r.get("type") == ty]
            out += [(s["name"], p, r, lab) for r, lab in
                    zip(pr, label_relations(score, gr, art, pr, contain=s["types"] is not None))]
    return out


def kind(art: dict) -> str:
    """The kind of input (confidence.KINDS) an article of the predictions is, as kg.extract.confidence
    tells them apart: an article has a title, a sentence given alone has none."""
    return "article" if (art.get("title") or "").strip() else "sentence"


def flags(art: dict, r: dict) -> tuple[bool, bool]:
    """(hedged, stated by the headline only) for relation `r` of `art`, as confidence.calibrate reads them."""
    title = (art.get("title") or "").strip()
    return bool(r.get("hedged")), r.get("start") == r.get("end") == 0 and bool(title) and r.get("evidence") == title


def tally(labelled: list, table: dict | None = None) -> dict:
    """(rule, type) -> [fired, right, wrong, unscored, sentence right, sentence wrong, article right,
    article wrong, {arg path: [right, wrong]}] over `labelled` (set, article, relation, label),
    unscored relations labelled None."""
    table = table if table is not None else defaultdict(lambda: [0] * 8 + [defaultdict(lambda: [0, 0])])
    for _, art, r, lab in labelled:
        row = table[(r.get("rule") or "-", r.get("type"))]
        if lab is None:
            row[3] += 1
            continue
        row[0] += 1
        k = 4 if kind(art) == "sentence" else 6
        if lab == "right":
            row[1] += 1
            row[k] += 1
        elif lab == "wrong":
            row[2] += 1
            row[k + 1] += 1
        if lab and r.get("arg_path"):
            row[8][r["arg_path"]][0 if lab == "right" else 1] += 1
    return table


def adjustments(labelled: list, path: Path) -> dict:
    """For each adjustment (hedged, headline): its firings' right and wrong, and the precision their
    rules' estimates (table at `path`, before adjusting) expected, summed: the factor is measured."""
    from kg.extract import confidence as cf
    out = {name: [0, 0, 0, 0.0] for name in ("hedged", "headline")}
    for _, art, r, lab in labelled:
        if not lab:
            continue
        if r.get("arg_path"):
            # the path's firings on this kind of input and on all: right, wrong, what their rules expected
            for k in (kind(art), "all"):
                row = out.setdefault(f"path:{r['arg_path']}:{k}", [0, 0, 0, 0.0])
                row[0] += 1
                row[1 if lab == "right" else 2] += 1
                row[3] += cf.mean_sd(r.get("rule") or "-", r.get("type"), None if k == "all" else k,
                                     str(path))[0]
        for name, on in zip(("hedged", "headline"), flags(art, r)):
            if on:
                row = out[name]
                row[0] += 1
                row[1 if lab == "right" else 2] += 1
                row[3] += cf.mean_sd(r.get("rule") or "-", r.get("type"), kind(art), str(path))[0]
    return out


def write_table(table: dict, path: Path, adjust: dict | None = None) -> None:
    rows = sorted(table.items(), key=lambda kv: (-kv[1][0], kv[0]))
    lines = ["# Measured precision of each extractor rule, per relation type: written by benchmarks/calibrate.py",
             "# from the development pools, tests/corpus and the dev article (counts only). fired counts every",
             "# firing; right and wrong are those score.py credits or blames (the rest match optional keys);",
             "# unscored counts firings in the pools on types their keys do not annotate (owns, leads, ...);",
             "# sentence_* count right and wrong on sentences given alone (the pools, no title), article_* on",
             "# articles (a title). Rows @hedged and @headline count the firings the text hedges or only the",
             "# headline states, and the precision their rules' estimates expected of them (expected).",
             "# paths counts right/wrong per way the sides were found (kg.extract.arg_paths); rows",
             "# @path:NAME:KIND count each path over all rules on a kind of input (all: both kinds).",
             "rule\ttype\tfired\tright\twrong\tprecision\tunscored\tsentence_right\tsentence_wrong"
             "\tarticle_right\tarticle_wrong\texpected\tpaths"]
    for (rule, ty), (fired, right, wrong, unscored, sr, sw, ar, aw, *paths) in rows:
        prec = f"{right / (right + wrong):.3f}" if right + wrong else ""
        cell = " ".join(f"{p}={a}/{b}" for p, (a, b) in sorted((paths or [{}])[0].items()))
        lines.append(f"{rule}\t{ty}\t{fired}\t{right}\t{wrong}\t{prec}\t{unscored}\t{sr}\t{sw}\t{ar}\t{aw}\t\t{cell}")
    for name, (fired, right, wrong, expected) in (adjust or {}).items():
        prec = f"{right / (right + wrong):.3f}" if right + wrong else ""
        lines.append(f"@{name}\t*\t{fired}\t{right}\t{wrong}\t{prec}\t0\t\t\t\t\t{expected:.2f}\t")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(labelled: list, path: Path) -> dict:
    """Write the table of `labelled` to `path` (counts, then the adjustments measured against them)."""
    table = tally(labelled)
    write_table(table, path)
    _forget()
    adjust = adjustments(labelled, path)
    write_table(table, path, adjust)
    _forget()
    return table


def _forget() -> None:
    from kg.extract import confidence as cf
    for f in (cf._rows, cf._table, cf._kinds, cf._factors, cf._paths):
        f.cache_clear()


def honest(score, labelled: list, preds: dict, groups: list[list[str]], tmp: Path) -> dict:
    """Each article of `groups` (lists of tests/corpus and dev article ids) with the confidence of
    every relation recomputed from a table its own group was left out of: {article id: predictions}
    (the relations of dropped rules left out, as kg extract leaves them)."""
    from kg.extract import confidence as cf
    arts = {a["id"]: a for name in ("corpus", "dev") for a in preds[name].get("articles", [])}
    out = {}
    for k, group in enumerate(groups):
        ids = set(group)
        path = tmp / f"calibration-fold{k}.tsv"
        build([x for x in labelled if x[1].get("id") not in ids], path)
        for aid in group:
            a = arts.get(aid)
            if a is None:
                continue
            rels = []
            for r in a.get("relations") or []:
                if cf.dropped(r.get("rule") or "-", r.get("type")):
                    continue
                c = cf.fact_confidence(r.get("rule") or "-", r.get("type"), kind(a), *flags(a, r),
                                       r.get("arg_path") or "", str(path))
                rels.append({**r, "confidence": round(c, 3)})
            out[aid] = {**a, "relations": rels}
    return out


def print_curves(score, s: dict, by_id: dict, subsets: list[tuple[str, tuple[str, ...]]]) -> None:
    """score.py's confidence curve of `by_id` (honest predictions) for each (label, id globs) subset."""
    gold = score.load_gold([str(p) for p in s["gold"]])
    for label, pattern in subsets:
        g = {aid: v for aid, v in gold.items() if aid in by_id and any(fnmatch.fnmatch(aid, x) for x in pattern)}
        if not g:
            continue
        n = sum(len(by_id[aid].get("relations") or []) for aid in g)
        print(f"\n{label} ({len(g)} articles, {n} relations; confidence from a table they were left out of)")
        score.confidence_curve(g, {aid: by_id[aid] for aid in g}, None, False)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=str(EVAL), help="the shared eval folder (score.py, pool/, dev/)")
    ap.add_argument("--cache", default="/tmp/kg-calibrate", help="where predictions are cached")
    ap.add_argument("--reuse", action="store_true", help="use cached predictions when present")
    ap.add_argument("--out", default=str(ROOT / "ontology" / "calibration.tsv"))
    ap.add_argument("--no-write", action="store_true", help="count and print, but leave the table alone")
    ap.add_argument("--curve", action="store_true", help="print score.py's confidence curve for each set")
    ap.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                    help="leave the articles of tests/corpus and dev whose id matches GLOB out of the table "
                         "and print their curve with confidence from it (repeatable; the table written "
                         "leaves them out too)")
    ap.add_argument("--folds", type=int, default=0, metavar="K",
                    help="k-fold over the articles of tests/corpus and dev: each fold's confidence from a "
                         "table without it; print the curves of the held-out articles, fresh6 and all "
                         "(the table written counts everything)")
    ap.add_argument("--top", type=int, default=20, help="rules to list in the summary")
    args = ap.parse_args(argv)
    eval_dir = Path(args.eval)
    score = load_score(eval_dir / "score.py")
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    preds, labelled = {}, []
    for s in sets(eval_dir):
        pred = preds[s["name"]] = predict(s, cache, args.reuse)
        recs = records(score, s, pred)
        r, w = sum(x[3] == "right" for x in recs), sum(x[3] == "wrong" for x in recs)
        print(f"{s['name']}: {r} right, {w} wrong, precision {r / max(1, r + w):.3f}", file=sys.stderr)
        labelled += recs
    ids = sorted({x[1]["id"] for x in labelled if x[0] in ("corpus", "dev")})
    left = [aid for aid in ids if any(fnmatch.fnmatch(aid, g) for g in args.exclude)]
    counted = [x for x in labelled if x[1]["id"] not in set(left)]
    out = Path(args.out) if not args.no_write else cache / "calibration.tsv"
    table = build(counted, out)
    if not args.no_write:
        print(f"wrote {out} ({len(table)} rows)", file=sys.stderr)
    rows = sorted(table.items(), key=lambda kv: -kv[1][0])[:args.top]
    print(f"{'rule':32}{'type':>13}{'fired':>7}{'right':>7}{'wrong':>7}{'P':>7}{'P sent':>8}{'P art':>7}")
    for (rule, ty), (fired, right, wrong, _, sr, sw, ar, aw, *_) in rows:
        prec = [f"{a / (a + b):.3f}" if a + b else "-" for a, b in ((right, wrong), (sr, sw), (ar, aw))]
        print(f"{rule:32}{ty:>13}{fired:7}{right:7}{wrong:7}{prec[0]:>7}{prec[1]:>8}{prec[2]:>7}")
    low = [(k, v) for k, v in table.items() if v[1] + v[2] >= 10 and v[1] / (v[1] + v[2]) < 0.5]
    if low:
        print("\nbelow 0.5 precision with 10 or more scored firings:")
        for (rule, ty), (fired, right, wrong, *_) in sorted(low, key=lambda kv: -kv[1][0]):
            print(f"{rule:32}{ty:>13}{fired:7}{right:7}{wrong:7}{right / (right + wrong):7.3f}")
    from kg.extract import confidence as cf
    factors = cf._factors(str(out))
    print("\nadjustments (measured factor): " + ", ".join(f"{k} {v}" for k, v in factors.items()))
    print("arg paths (measured factor): " + ", ".join(f"{p}/{k} {v:.3f}" for (p, k), v in
                                                      sorted(cf._paths(str(out))[1].items())))
    if args.curve:
        for s in sets(eval_dir):
            gold = score.load_gold([str(p) for p in s["gold"]])
            by_id = {a["id"]: a for a in preds[s["name"]].get("articles", [])}
            print(f"\n{s['name']}" + (f" (relations only: {','.join(s['types'])})" if s["types"] else ""))
            score.confidence_curve(gold, by_id, s["types"], False)
    groups = [left] if left else []
    if args.folds:
        groups = [ids[k::args.folds] for k in range(args.folds)]
    if groups:
        by_id = honest(score, labelled, preds, groups, cache)
        both = {"name": "corpus+dev", "gold": [CORPUS, eval_dir / "dev"], "types": None}
        print_curves(score, both, by_id, [("held-out (fresh*, holdout*)", ("fresh*", "holdout*")),
                                          ("fresh6", ("fresh6-*",)), ("every article left out", ("*",))])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
