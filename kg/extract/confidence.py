"""A fact's confidence: its rule's measured precision, adjusted by what the text says.

`ontology/calibration.tsv` (written by `benchmarks/calibrate.py`) counts, for each rule and relation
type, how often the rule fired on the development sets and how often it was right or wrong.  The
confidence of a relation is that precision, smoothed so that a rule measured on few firings says
little (a Beta prior):

    type prior  p_t = (right_t + A * P0) / (right_t + wrong_t + A)     over all rules of the type
    rule        p   = (right + K * p_t + U * u * P0) / (right + wrong + K + U * u)   over all inputs
                      (u counts its firings in the pools on types their keys do not annotate)
    kind        p_k = (right_k + K_KIND * p) / (right_k + wrong_k + K_KIND)
                      on the kind of input read: a sentence given alone (no title: the pools) or an
                      article (a title: tests/corpus, dev), each counted apart (sentence_right, ...,
                      article_wrong); a rule right on every article but three in four pool sentences
                      (zh.rules.court, 27/28 against 153/201) is trusted on each by its own record

less Z standard deviations of that Beta posterior (a rule measured on few firings of the kind is
trusted less).  The top band (>= TOP, 0.9: nine in ten right) needs the rule's own firings to show it
at the stronger bound — the Wilson lower edge at Z_TOP = 1.645 (one-sided 95%, no prior lent) — on
that kind of input and over all inputs, and no kind to show the rule below it (the Wilson upper
edge), else the fact stays at TOP - 0.01: thin evidence (15 of 15 right) and kinds that disagree
keep a rule out of it (zh.stake.holder.adjacent, 252 of 266 pool sentences, makes it on sentences;
zh.frame.marker on sues, 14 of 14 articles, does not on articles).  A table without the kind columns
gives the overall estimate for both kinds.

Then lowered when the text hedges the fact (据称, reportedly) or only the headline states it, by a
factor the table measures too (rows @hedged and @headline: those firings' precision over what their
rules' estimates expected, shrunk toward 1 by S_ADJ firings, never above 1; HEDGE and HEADLINE for an
older table).  A narrower rule (zh.rules.court.far, split from zh.rules.court by the context of its
firing) has its own row; until the table lists it, it takes its parent's.  A rule or type the table
does not know takes the type's prior, else P0.  A lawsuit takes the confidence of the `sues` rule it
was built from.

Then moved by how the fact's sides were found (`Relation.arg_path`, kg.extract.arg_paths: named in
the trigger's clause, carried from another clause or sentence, a pronoun, 双方, a list member, a
short form): the table counts each rule's right and wrong per path (column `paths`) and each path's
over all rules (rows @path:NAME:all, with the precision their rules' estimates expected; the rows
@path:NAME:sentence and :article count the two kinds of input apart, for the record); the path's
factor is its measured precision over that expectation, shrunk toward 1 by S_PATH firings; the
rule's precision on the path is its own counts there with K_PATH firings' worth of the rule's
estimate times that factor as prior (a rare (rule, path) falls back to the path's factor, an
unmeasured path to the rule's); the fact's confidence is the rule's measure times (that precision /
the rule's estimate), never into the top band the rule itself is not in.  (Measured on the
held-out articles, factors per kind of input moved the curve less well than the one over all
inputs; only lowering, never raising, took 34 right facts and 3 wrong ones out of the band >= 0.8,
against 4 right and 2 wrong when a path measured above its rule's average raises its facts.)

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
K_KIND = 8.0      # weight of a rule's overall estimate in its estimate for one kind of input
KINDS = ("sentence", "article")
HEDGE = 0.7       # the factors used where the table measures none (an older table) ...
HEADLINE = 0.85
S_ADJ = 20.0      # ... and the weight of 1 (no change) in a measured one
S_PATH = 10.0     # the weight of 1 in a path's factor
K_PATH = 4.0      # the weight of the rule's estimate (times the path's factor) in a (rule, path) estimate


__all__ = ["adjusted", "calibrate", "dropped", "fact_confidence", "kind_of", "mean_sd", "measured", "on_path",
           "parent", "top_band"]


@functools.lru_cache(maxsize=4)
def _rows(path: str) -> tuple[dict, dict, dict]:
    """The table read once: (rule, type) -> its row, type -> (right, wrong) summed over rules, and
    adjustment name (hedged, headline) -> its row (the rows named @...)."""
    rules: dict[tuple[str, str], dict] = {}
    types: dict[str, list[int]] = {}
    adjust: dict[str, dict] = {}
    p = Path(path)
    if not p.exists():
        return rules, {}, {}
    header = None
    for line in p.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        if row["rule"].startswith("@"):
            adjust[row["rule"][1:]] = row
            continue
        rules[(row["rule"], row["type"])] = row
        t = types.setdefault(row["type"], [0, 0])
        t[0] += int(row["right"])
        t[1] += int(row["wrong"])
    return rules, {k: tuple(v) for k, v in types.items()}, adjust


def _int(row: dict, key: str) -> int:
    return int(row.get(key) or 0)


@functools.lru_cache(maxsize=4)
def _table(path: str) -> tuple[dict, dict]:
    """(rule, type) -> (right, wrong, unscored), and type -> (right, wrong) summed over rules."""
    rows, types, _ = _rows(path)
    return {k: (_int(r, "right"), _int(r, "wrong"), _int(r, "unscored")) for k, r in rows.items()}, types


@functools.lru_cache(maxsize=4)
def _kinds(path: str) -> dict:
    """(rule, type) -> {kind: (right, wrong)}: the counts on sentences given alone (the pools) and on
    articles (a title: tests/corpus, the dev article), for a table that records them."""
    rows, _, _ = _rows(path)
    return {k: {kind: (_int(r, f"{kind}_right"), _int(r, f"{kind}_wrong")) for kind in KINDS}
            for k, r in rows.items() if f"{KINDS[0]}_right" in r}


@functools.lru_cache(maxsize=4)
def _factors(path: str) -> dict:
    """Adjustment -> factor, measured: the precision of the flagged firings over what their rules'
    estimates expected, shrunk toward 1 (S_ADJ firings' worth), never above 1; the constants where
    the table measures none."""
    _, _, adjust = _rows(path)
    out = {"hedged": HEDGE, "headline": HEADLINE}
    for name, row in adjust.items():
        right, wrong = _int(row, "right"), _int(row, "wrong")
        # expected: the sum of their rules' estimates, so expected / (right + wrong) is the precision
        # the rules alone predict for them
        n = right + wrong
        expect = float(row.get("expected") or 0) / n if n else 0.0
        if name in out and expect > 0:
            out[name] = round(min(1.0, (right + S_ADJ * expect) / ((n + S_ADJ) * expect)), 3)
    return out


@functools.lru_cache(maxsize=4)
def _paths(path: str) -> tuple[dict, dict]:
    """((rule, type) -> {arg path: (right, wrong)}, (arg path, kind) -> factor) from the column
    `paths` (`pronoun=4/2 clause=80/8`) and the rows @path:NAME:KIND; both empty for an older table."""
    rows, _, adjust = _rows(path)
    per_rule = {}
    for k, r in rows.items():
        cell = (r.get("paths") or "").split()
        per_rule[k] = {p: tuple(map(int, rw.split("/"))) for p, _, rw in (x.partition("=") for x in cell)}
    factors = {}
    for name, row in adjust.items():
        if not name.startswith("path:"):
            continue
        _, p, kind = name.split(":")
        right, wrong = _int(row, "right"), _int(row, "wrong")
        n = right + wrong
        expect = float(row.get("expected") or 0) / n if n else 0.0
        if expect > 0:
            factors[(p, kind)] = (right + S_PATH * expect) / ((n + S_PATH) * expect)
    return per_rule, factors


def on_path(rule: str, rtype: str, arg_path: str, path: str | None = None) -> float:
    """How much the rule's estimate is worth on facts whose sides were found by `arg_path`: the rule's
    precision there (its own counts on the path, K_PATH firings' worth of its estimate times the
    path's factor over all inputs as prior) over its estimate; 1 for no path or a table that does
    not count paths."""
    path = path or _path()
    per_rule, factors = _paths(path)
    if not arg_path or not factors:
        return 1.0
    f = factors.get((arg_path, "all"), 1.0)
    key, *_ = _counts(rule, rtype, path)
    r, w = per_rule.get(key, {}).get(arg_path, (0, 0))
    p = mean_sd(rule, rtype, None, path)[0]
    if p <= 0 or (r + w == 0 and f == 1.0):
        return 1.0
    prior = min(0.99, p * f)
    return ((r + K_PATH * prior) / (r + w + K_PATH)) / p


def fact_confidence(rule: str, rtype: str, kind: str | None, hedged: bool, headline_only: bool,
                    arg_path: str = "", path: str | None = None) -> float:
    """A fact's confidence: its rule's measure on the kind of input, moved by how its sides were
    found (`on_path`; never into the top band the rule is not in, never above 0.99), lowered by
    what the text says about it."""
    c = measured(rule, rtype, kind, path)
    g = on_path(rule, rtype, arg_path, path)
    if g != 1.0:
        c = min(c * g, 0.99 if c >= TOP else TOP - 0.01)
    return adjusted(c, hedged, headline_only, path)


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


def _estimate(r: float, w: float, prior: float, weight: float) -> tuple[float, float]:
    """The Beta posterior mean of r right in r + w with `weight` firings' worth of `prior`, and its
    standard deviation."""
    n = r + w + weight
    mean = (r + weight * prior) / n
    return mean, math.sqrt(mean * (1 - mean) / (n + 1))


def wilson(r: float, w: float, z: float = Z_TOP, upper: bool = False) -> float:
    """The lower (or upper) edge of the Wilson score interval (z deviations, one-sided) for r right
    in r + w: what the firings themselves show at least (at most), no prior added; 0 (1) for none."""
    n = r + w
    if n <= 0:
        return 1.0 if upper else 0.0
    p = r / n
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (p + z * z / (2 * n) + (half if upper else -half)) / (1 + z * z / n)


def _counts(rule: str, rtype: str, path: str) -> tuple[tuple[str, str], float, float, int]:
    """The row a rule is measured by (its own, else its parent's) and its right, wrong and unscored."""
    rules, _ = _table(path)
    key = (rule, rtype) if (rule, rtype) in rules else (parent(rule), rtype)
    r, w, u = rules.get(key) or (0, 0, 0)
    return key, r, w, u


def mean_sd(rule: str, rtype: str, kind: str | None = None, path: str | None = None) -> tuple[float, float]:
    """The estimate of `rule`'s precision on `rtype` (mean, sd) over every input measured, or for one
    kind of input (KINDS) when the table counts them apart: the kind's own counts with the rule's
    overall estimate as their prior (K_KIND firings' worth)."""
    path = path or _path()
    _, types = _table(path)
    rt, wt = types.get(rtype, (0, 0))
    prior = (rt + A * P0) / (rt + wt + A)
    key, r, w, u = _counts(rule, rtype, path)
    # firings that no key could check (owns in the pools) make the few checked ones say less: each
    # weighs U toward P0
    mean, sd = _estimate(r + U * u * P0, w + U * u * (1 - P0), prior, K)
    counts = _kinds(path).get(key) if kind else None
    if counts is None:
        return mean, sd
    rk, wk = counts[kind]
    return _estimate(rk, wk, mean, K_KIND)


def measured(rule: str, rtype: str, kind: str | None = None, path: str | None = None) -> float:
    """The smoothed measured precision of `rule` on relations of `rtype`, its lower edge (Z standard
    deviations under the mean: a rule measured on few firings is trusted less), for inputs of `kind`
    (sentence, article) when given; a narrower rule the table does not list yet (split after the
    table was written) takes the measure of the rule it was split from."""
    path = path or _path()
    mean, sd = mean_sd(rule, rtype, kind, path)
    low = max(0.0, mean - Z * sd)
    if low >= TOP and not top_band(rule, rtype, kind, path):
        low = TOP - 0.01
    return low


def top_band(rule: str, rtype: str, kind: str | None = None, path: str | None = None) -> bool:
    """Whether `rule`'s firings can carry the top band (nine in ten right) on inputs of `kind`: its
    firings of that kind, and all of them, show it at the stronger bound (the Wilson lower edge at
    Z_TOP, one-sided 95%, no prior lent: thin evidence does not), and no kind of input shows the rule
    below it (the upper edge on each kind: a rule right on every article but three in four of the
    pool sentences is not one to trust nine in ten)."""
    path = path or _path()
    key, r, w, u = _counts(rule, rtype, path)
    if wilson(r + U * u * P0, w + U * u * (1 - P0)) < TOP:
        return False
    counts = _kinds(path).get(key)
    if not counts:
        return True
    return (kind is None or wilson(*counts[kind]) >= TOP) and \
        all(wilson(rk, wk, upper=True) >= TOP for rk, wk in counts.values())


def kind_of(ex: Extraction) -> str:
    """The kind of input an extraction read: an article (it has a title) or a sentence given alone."""
    return "article" if (ex.article.title or "").strip() else "sentence"


def adjusted(c: float, hedged: bool, headline_only: bool, path: str | None = None) -> float:
    """A rule's measure lowered by the measured factor of each thing the text says about the fact."""
    f = _factors(path or _path())
    if hedged:
        c *= f["hedged"]
    if headline_only:
        c *= f["headline"]
    return c


def calibrate(ex: Extraction) -> Extraction:
    """Set every relation's and lawsuit's confidence from the measured table (in place)."""
    title = (ex.article.title or "").strip()
    kind = kind_of(ex)
    for r in ex.relations:
        c = fact_confidence(r.rule, r.type, kind, r.hedged, r.start == r.end == 0 and bool(title)
                            and r.evidence == title, r.arg_path)
        r.confidence = round(c, 3)
    for s in ex.lawsuits:
        rule = s.rule.partition(":")[2]
        c = adjusted(measured(rule, "sues", kind), False, s.start == s.end == 0 and bool(title)
                     and s.evidence == title)
        s.confidence = round(c, 3)
    return ex
