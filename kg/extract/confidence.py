"""A fact's confidence: its rule's measured precision, adjusted by what the text says.

`ontology/calibration.tsv` (written by `benchmarks/calibrate.py`) counts, for each rule and relation
type, how often the rule fired on the development sets and how often it was right or wrong.  The
confidence of a relation is that precision, smoothed so that a rule measured on few firings says
little (a Beta prior):

    type prior  p_t = (right_t + A * P0) / (right_t + wrong_t + A)     over all rules of the type
    rule        p   = (right + K * p_t + U * u * P0) / (right + wrong + K + U * u), less Z standard
                      deviations of that Beta posterior (a rule measured on few firings is trusted
                      less; u counts its firings in the pools on types their keys do not annotate);
                      the top band (>= TOP, 0.9) only where the stronger bound (Z_TOP = 1.645
                      deviations, one-sided 95%) clears it too, else TOP - 0.01: nine in ten right
                      is a claim that needs many right firings (zh.stake.holder.adjacent, 251 right
                      of 272, no longer makes it; zh.frame.marker, 36 of 36, does)

then lowered when the text hedges the fact (据称, reportedly: x HEDGE) or only the headline states it
(x HEADLINE).  A narrower rule (zh.rules.court.far, split from zh.rules.court by the context of its
firing) has its own row; until the table lists it, it takes its parent's.  A rule or type the table
does not know takes the type's prior, else P0.  A lawsuit
takes the confidence of the `sues` rule it was built from.

A rule listed in `ontology/dropped_rules.tsv` (measured below 0.5 precision) reads nothing: the
readers leave out its candidates before they merge them (`dropped`).
"""
from __future__ import annotations

import functools
import math
from pathlib import Path

from kg.model import Extraction
from kg.paths import getenv, ontology_dir

P0 = 0.5          # what nothing measured is worth
A = 4.0           # weight of P0 in a type's prior
K = 8.0           # weight of the type's prior in a rule's estimate
Z = 1.0           # standard deviations below the posterior mean
U = 0.1           # weight toward P0 of each firing no key could check
TOP = 0.9         # the top band ...
Z_TOP = 1.645     # ... is reached only at this bound (one-sided 95%)
HEDGE = 0.7
HEADLINE = 0.85


__all__ = ["calibrate", "dropped", "measured", "parent"]


@functools.lru_cache(maxsize=4)
def _table(path: str) -> tuple[dict, dict]:
    """(rule, type) -> (right, wrong, unscored), and type -> (right, wrong) summed over rules."""
    rules: dict[tuple[str, str], tuple[int, int, int]] = {}
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
        rules[(row["rule"], row["type"])] = (right, wrong, int(row.get("unscored") or 0))
        t = types.setdefault(row["type"], [0, 0])
        t[0] += right
        t[1] += wrong
    return rules, {k: tuple(v) for k, v in types.items()}


@functools.lru_cache(maxsize=4)
def _dropped(path: str) -> frozenset:
    p = Path(path)
    if not p.exists():
        return frozenset()
    rows = [ln.split("\t") for ln in p.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    return frozenset((r[0], r[1]) for r in rows[1:] if len(r) >= 2)


def dropped(rule: str, rtype: str) -> bool:
    """True when `rule` reads nothing on relations of `rtype` (ontology/dropped_rules.tsv: measured
    below 0.5 precision; a narrower rule split from it is listed on its own); KG_ALL_RULES=1 keeps
    every rule (benchmarks/calibrate.py measures them all)."""
    if getenv("KG_ALL_RULES"):
        return False
    return (rule, rtype) in _dropped(_file(ontology_dir(), "dropped_rules.tsv"))


@functools.lru_cache(maxsize=8)
def _file(directory: Path, name: str) -> str:
    # (asked per candidate and per relation: the path is joined once per ontology directory)
    return str(directory / name)


def _path() -> str:
    return _file(ontology_dir(), "calibration.tsv")


def parent(rule: str) -> str:
    """The rule a narrower named rule was split from (zh.rules.court.far -> zh.rules.court); a rule of
    three parts has none ("")."""
    head, _, tail = rule.partition(":")
    parts = head.split(".")
    return ".".join(parts[:-1]) if len(parts) > 3 and not tail else ""


def measured(rule: str, rtype: str) -> float:
    """The smoothed measured precision of `rule` on relations of `rtype`; a narrower rule the table
    does not list yet (split after the table was written) takes the measure of the rule it was split
    from."""
    rules, types = _table(_path())
    rt, wt = types.get(rtype, (0, 0))
    prior = (rt + A * P0) / (rt + wt + A)
    r, w, u = rules.get((rule, rtype)) or rules.get((parent(rule), rtype)) or (0, 0, 0)
    # firings that no key could check (owns in the pools) make the few checked ones say less: each
    # weighs U toward P0
    n = r + w + K + U * u
    mean = (r + K * prior + U * u * P0) / n
    # the lower edge of the estimate (mean - Z standard deviations of the Beta posterior): a rule
    # measured on few firings is trusted less than its mean says
    sd = math.sqrt(mean * (1 - mean) / (n + 1))
    low = max(0.0, mean - Z * sd)
    if low >= TOP:
        # the top band claims nine in ten right: the rule's evidence must clear it at the stronger
        # bound too (Z_TOP), else its facts stay just under it
        low = min(low, max(mean - Z_TOP * sd, TOP - 0.01))
    return low


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
