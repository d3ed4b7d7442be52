"""A fact's confidence: its rule's measured precision, adjusted by what the text says.

`ontology/calibration.tsv` (written by `benchmarks/calibrate.py`) counts, for each rule and relation
type, how often the rule fired on the development sets and how often it was right or wrong.  The
confidence of a relation is that precision, smoothed so that a rule measured on few firings says
little (a Beta prior):

    type prior  p_t = (right_t + A * P0) / (right_t + wrong_t + A)     over all rules of the type
    rule        p   = (right + K * p_t) / (right + wrong + K)

then lowered when the text hedges the fact (据称, reportedly: x HEDGE) or only the headline states it
(x HEADLINE).  A rule or type the table does not know takes the type's prior, else P0.  A lawsuit
takes the confidence of the `sues` rule it was built from.
"""
from __future__ import annotations

import functools
from pathlib import Path

from kg.model import Extraction
from kg.paths import ontology_dir

P0 = 0.5          # what nothing measured is worth
A = 4.0           # weight of P0 in a type's prior
K = 8.0           # weight of the type's prior in a rule's estimate
HEDGE = 0.7
HEADLINE = 0.85

__all__ = ["calibrate", "measured"]


@functools.lru_cache(maxsize=4)
def _table(path: str) -> tuple[dict, dict]:
    """(rule, type) -> (right, wrong), and type -> (right, wrong) summed over rules."""
    rules: dict[tuple[str, str], tuple[int, int]] = {}
    types: dict[str, list[int]] = {}
    p = Path(path)
    if not p.exists():
        return rules, {}
    header = None
    for line in p.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        right, wrong = int(row["right"]), int(row["wrong"])
        rules[(row["rule"], row["type"])] = (right, wrong)
        t = types.setdefault(row["type"], [0, 0])
        t[0] += right
        t[1] += wrong
    return rules, {k: tuple(v) for k, v in types.items()}


def _path() -> str:
    return str(ontology_dir() / "calibration.tsv")


def measured(rule: str, rtype: str) -> float:
    """The smoothed measured precision of `rule` on relations of `rtype`."""
    rules, types = _table(_path())
    rt, wt = types.get(rtype, (0, 0))
    prior = (rt + A * P0) / (rt + wt + A)
    r, w = rules.get((rule, rtype), (0, 0))
    return (r + K * prior) / (r + w + K)


def calibrate(ex: Extraction) -> Extraction:
    """Set every relation's and lawsuit's confidence from the measured table (in place)."""
    title = (ex.article.title or "").strip()
    for r in ex.relations:
        c = measured(r.rule, r.type)
        if r.hedged:
            c *= HEDGE
        if r.start == r.end == 0 and title and r.evidence == title:
            c *= HEADLINE
        r.confidence = round(c, 3)
    for s in ex.lawsuits:
        rule = s.rule.partition(":")[2]
        c = measured(rule, "sues")
        if s.start == s.end == 0 and title and s.evidence == title:
            c *= HEADLINE
        s.confidence = round(c, 3)
    return ex
