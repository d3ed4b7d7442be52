"""How often each check of kg/extract/checks.py is right: firings and the precision of its removals.

    kg extract --all ARTICLES --format json > /tmp/all.json
    python benchmarks/checks.py --gold KEYS... --pred /tmp/all.json [--relations-only sues,rules,...]

For each check, the facts it withheld are put back into the default prediction and the two are scored
with ../shared/eval/score.py: the true positives they add are removals that were wrong (the key has the
fact), the false alarms they add are removals that were right.  Prints one row per check: firings
(relations of the scored types), removed wrong facts (right removals), removed right facts, and the
removal's precision; `non_entity` also counts entity false alarms removed.  Counts only, no text.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

# ../shared/eval/score.py beside the checkout (a worktree may sit deeper: the nearest one above)
SCORE = next((p / "shared" / "eval" / "score.py" for p in Path(__file__).resolve().parents
              if (p / "shared" / "eval" / "score.py").exists()), Path("../shared/eval/score.py"))


def _variant(pred: dict, check: str | None) -> dict:
    """The default prediction, plus the facts withheld by `check` (None: nothing withheld)."""
    out = []
    for a in pred["articles"]:
        gone = {e["id"] for e in a["entities"] if e.get("status") and e.get("check") != check}
        out.append({**a, "entities": [e for e in a["entities"] if e["id"] not in gone],
                    "relations": [r for r in a["relations"] if (not r.get("status") or r.get("check") == check)
                                  and r["subject"] not in gone and r["object"] not in gone],
                    "lawsuits": [s for s in a.get("lawsuits", []) if not s.get("status") or s.get("check") == check]})
    return {"articles": out}


def _score(gold: list[str], pred: dict, extra: list[str]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(pred, f, ensure_ascii=False)
    try:
        r = subprocess.run([sys.executable, str(SCORE), "--gold", *gold, "--pred", f.name, "--json", *extra],
                           capture_output=True, text=True, check=True)
    finally:
        Path(f.name).unlink()
    return json.loads(r.stdout)["micro"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", nargs="+", required=True)
    ap.add_argument("--pred", required=True, help="kg extract --all --format json output")
    ap.add_argument("--relations-only", default="")
    args = ap.parse_args()
    pred = json.loads(Path(args.pred).read_text(encoding="utf-8"))
    types = set(args.relations_only.split(",")) if args.relations_only else None
    extra = ["--relations-only", args.relations_only] if args.relations_only else []
    firings = Counter(r["check"] for a in pred["articles"] for r in a["relations"]
                      if r.get("status") and (types is None or r["type"] in types))
    ent_firings = Counter(e["check"] for a in pred["articles"] for e in a["entities"] if e.get("status"))
    base = _score(args.gold, _variant(pred, None), extra)
    b = base["relations"]
    print(f"default: relations P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f} "
          f"(tp {b['tp']} fp {b['fp']} fn {b['fn']})")
    print(f"{'check':14}{'fired':>7}{'wrong':>7}{'right':>7}{'other':>7}{'precision':>11}{'ent fired':>11}{'ent fp':>8}")
    for check in sorted(set(firings) | set(ent_firings)):
        m = _score(args.gold, _variant(pred, check), extra)
        r = m["relations"]
        right, wrong = r["tp"] - b["tp"], r["fp"] - b["fp"]
        other = firings[check] - right - wrong
        prec = wrong / (right + wrong) if right + wrong else float("nan")
        ent = ""
        if "entities" in m and ent_firings[check]:
            ent = f"{ent_firings[check]:11}{m['entities']['fp'] - base['entities']['fp']:8}"
        print(f"{check:14}{firings[check]:7}{wrong:7}{right:7}{other:7}{prec:11.3f}{ent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
