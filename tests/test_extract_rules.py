"""Every fact says which rule made it: `rule` on each relation, entity and lawsuit of `kg extract
--format json`, and `kg:rule` on the evidence node of each fact in the RDF."""
from __future__ import annotations

import math
import os
import re
from pathlib import Path

import pytest

from kg.extract import extract
from kg.lexicon import read_tsv
from kg.ingest import read_articles
from kg.model import Article
from kg.output import extraction_json

ROOT = Path(__file__).resolve().parents[1]
DEV = next((p / "shared" / "eval" / "dev" for p in ROOT.parents if (p / "shared" / "eval" / "dev").is_dir()),
           ROOT.parent / "shared" / "eval" / "dev")
CORPUS = ROOT / "tests" / "corpus"
RULE = re.compile(r"^(?:zh|en)\.[a-z_]+(?:\.[a-z_]+)+(?::(?:zh|en)\.[a-z_.]+)?$")


@pytest.fixture(scope="module")
def corpus_json() -> dict:
    paths = [CORPUS] + ([DEV] if DEV.exists() else [])
    old = os.environ.get("KG_ARG_PATH")
    os.environ["KG_ARG_PATH"] = "1"          # each relation tells how its sides were found
    try:
        return extraction_json(extract(a) for a in read_articles(paths) if isinstance(a, Article))
    finally:
        if old is None:
            del os.environ["KG_ARG_PATH"]
        else:
            os.environ["KG_ARG_PATH"] = old


def test_every_fact_carries_a_rule(corpus_json):
    arts = corpus_json["articles"]
    assert len(arts) >= 70
    n = 0
    for a in arts:
        for r in a["relations"]:
            assert RULE.match(r.get("rule", "")), (a["id"], r["type"], r["evidence"][:40], r.get("rule"))
            n += 1
        for e in a["entities"]:
            assert RULE.match(e.get("rule", "")), (a["id"], e["name"], e.get("rule"))
        for s in a["lawsuits"]:
            assert s.get("rule", "").startswith(("zh.lawsuit.", "en.lawsuit.")), (a["id"], s.get("rule"))
    assert n > 500
    # both readers name their rules, and many rules are at work (not one catch-all name)
    rules = {r["rule"] for a in arts for r in a["relations"]}
    assert any(x.startswith("zh.") for x in rules) and any(x.startswith("en.") for x in rules)
    assert len(rules) >= 25


def test_rule_is_provenance_in_rdf():
    from kg.rdf import article_rdf, KG
    art = Article(id="t1", title="", date="2021-02-02", source="test",
                  text="2021年2月2日，抖音向北京知识产权法院起诉腾讯垄断。")
    ex = extract(art)
    assert ex.relations and all(r.rule for r in ex.relations)
    triples = article_rdf(ex, "2021-02-03T00:00:00Z").graph
    rules = {str(o) for s, p, o in triples if p == KG.rule}
    assert rules == {r.rule for r in ex.relations} | {s.rule for s in ex.lawsuits}
    # one kg:rule per evidence node
    ev = [s for s, p, o in triples if p == KG.rule]
    assert len(ev) == len(set(ev))


def test_confidence_is_the_rules_measured_precision(corpus_json):
    """A relation's confidence is its rule's smoothed measured precision on articles (ontology/
    calibration.tsv), moved by the measured worth of the way its sides were found (arg_path), lowered
    by the measured factor of a hedge or a headline-only telling; no relation of a dropped rule is
    emitted."""
    from kg.extract import confidence as cf
    rules, _ = cf._table(cf._path())
    assert len(rules) > 50
    factors = cf._factors(cf._path())
    assert all(0 < f <= 1 for f in factors.values())
    seen = 0
    for a in corpus_json["articles"]:
        for r in a["relations"]:
            assert not cf.dropped(r["rule"], r["type"])
            c = cf.measured(r["rule"], r["type"], "article")
            g = cf.on_path(r["rule"], r["type"], r.get("arg_path") or "")
            if g != 1.0:
                c = min(c * g, 0.99 if c >= cf.TOP else cf.TOP - 0.01)
            if r.get("hedged"):
                c *= factors["hedged"]
            if r["start"] == r["end"] == 0 and r["evidence"] == a["title"].strip():
                c *= factors["headline"]
            assert r["confidence"] == round(c, 3), (a["id"], r["rule"], r["type"])
            seen += 1
    assert seen > 500


def test_measured_precision_orders_rules():
    from kg.extract import confidence as cf
    rules, _ = cf._table(cf._path())
    # a rule right far more often than wrong is trusted more than one mostly wrong, and a rule
    # measured on few firings stays near its type's prior
    (good, gt), (bad, bt) = max(rules, key=lambda k: rules[k][0] - 3 * rules[k][1]), \
        max(rules, key=lambda k: rules[k][1] - 3 * rules[k][0])
    assert cf.measured(good, gt) > 0.8 > 0.5 > cf.measured(bad, bt)
    assert not cf.dropped(good, gt)
    # every dropped rule is one measured at or below 0.65 (on 5 or more scored firings: the counts move as
    # other rules change; zh.frame.first_org on invests went from 0/12 to 0/8; zh.rules.court.far
    # went from 30/32 to 43/32 when other rules found more names, and stays out: a rule barely
    # right more often than wrong costs more trust than it adds)
    # (a narrower rule split after the table was last written is checked on the counts its row in
    # dropped_rules.tsv records, until benchmarks/calibrate.py writes the table again)
    drops = cf._dropped(str(cf.ontology_dir() / "dropped_rules.tsv"))
    assert drops
    recorded = {(row["rule"], row["type"]): (int(row["right"]), int(row["wrong"]), 0)
                for row in read_tsv(cf.ontology_dir() / "dropped_rules.tsv")}
    for rule, rtype in drops:
        r, w, _ = rules.get((rule, rtype)) or (recorded[(rule, rtype)] if cf.parent(rule) else rules[(rule, rtype)])
        if r + w < 5 and (rule, rtype) in recorded and not (r == 0 and w >= 3):
            # fewer scored firings than when it was dropped (other rules took its sentences:
            # zh.frame.relative on acquires went from 1/4 to 1/2): the counts recorded at the drop stand
            r, w, _ = recorded[(rule, rtype)]
        # (or never right on 3 or more: zh.frame.context_subject on invests went from 0/7 to 0/3 when
        # its parallel parts became a rule of their own, zh.frame.context_subject.parallel, 4/0)
        # (at most 0.65: zh.rules.court.far measured 45/30, exactly 0.600, after the stop-20 merges and
        # 46/26, 0.639, after stop 21's; back in it lowers external FewFC precision 0.797 -> 0.793)
        assert (r + w >= 5 or r == 0 and w >= 3) and r <= 0.65 * (r + w), (rule, rtype)
    assert 0.3 < cf.measured("zh.frame.never_fired", "sues") < 0.9


def test_narrower_rule_falls_back_to_its_parent():
    """A narrower rule (split from a rule by the context of its firing) that the table does not list
    yet takes its parent's measure; one it lists has its own; a three-part rule has no parent."""
    from kg.extract import confidence as cf
    rules, _ = cf._table(cf._path())
    assert cf.parent("zh.rules.court.far") == "zh.rules.court" and cf.parent("zh.rules.court") == ""
    assert cf.measured("zh.rules.court.not_listed", "rules") == cf.measured("zh.rules.court", "rules")
    assert cf.measured("zh.nothing.like_this.x", "rules") == cf.measured("zh.nothing.like_this", "rules")
    listed = [k for k in rules if cf.parent(k[0]) and (cf.parent(k[0]), k[1]) in rules
              and rules[k][:2] != rules[(cf.parent(k[0]), k[1])][:2]]
    if listed:
        rule, rtype = listed[0]
        assert cf.measured(rule, rtype) != cf.measured(cf.parent(rule), rtype)


def test_top_band_needs_many_right_firings(tmp_path, monkeypatch):
    """A confidence of 0.9 or more (nine in ten right) needs the stronger bound to clear it: a rule
    right on its few firings, or right 92 % of 272, stays just under it; one right 40 of 40 reaches it.
    Below the band the estimate is unchanged."""
    from kg.extract import confidence as cf
    table = tmp_path / "calibration.tsv"
    table.write_text("rule\ttype\tfired\tright\twrong\tprecision\tunscored\n"
                     "x.thin\tsues\t3\t3\t0\t1.0\t0\n"
                     "x.many\tsues\t40\t40\t0\t1.0\t0\n"
                     "x.wide\tsues\t272\t251\t21\t0.923\t0\n"
                     "x.mid\tsues\t50\t40\t10\t0.8\t0\n", encoding="utf-8")
    monkeypatch.setattr(cf, "_path", lambda: str(table))
    assert cf.measured("x.many", "sues") >= cf.TOP
    assert 0.8 < cf.measured("x.thin", "sues") < cf.TOP
    assert 0.8 < cf.measured("x.wide", "sues") < cf.TOP
    # (the mean less Z deviations, as before, below the band)
    rules, types = cf._table(str(table))
    rt, wt = types["sues"]
    prior = (rt + cf.A * cf.P0) / (rt + wt + cf.A)
    n = 50 + cf.K
    mean = (40 + cf.K * prior) / n
    assert cf.measured("x.mid", "sues") == pytest.approx(mean - cf.Z * math.sqrt(mean * (1 - mean) / (n + 1)))


def _write_table(path: Path, rows: list[str]) -> str:
    path.write_text("rule\ttype\tfired\tright\twrong\tprecision\tunscored\tsentence_right\tsentence_wrong"
                    "\tarticle_right\tarticle_wrong\texpected\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def test_confidence_is_measured_per_kind_of_input(tmp_path):
    """Sentences given alone (the pools) and articles are counted apart: a rule is trusted on each
    kind by its firings there, with its overall measure as their prior; a rule measured on one kind
    only says less on the other; a table without the kind columns gives one measure for both."""
    from kg.extract import confidence as cf
    path = _write_table(tmp_path / "calibration.tsv", [
        "x.split\tsues\t140\t130\t50\t0.72\t0\t100\t50\t30\t0\t",
        "x.art\tsues\t40\t40\t0\t1.0\t0\t0\t0\t40\t0\t",
        "x.pool\tsues\t120\t110\t10\t0.917\t0\t110\t10\t0\t0\t"])
    art, sent = cf.measured("x.split", "sues", "article", path), cf.measured("x.split", "sues", "sentence", path)
    assert art > 0.8 > 0.7 > sent
    # the overall measure lies between, and is what a caller naming no kind gets
    assert sent < cf.measured("x.split", "sues", None, path) < art
    # measured on articles only: less sure of it on sentences; and the other way round
    assert cf.measured("x.art", "sues", "sentence", path) < cf.measured("x.art", "sues", "article", path)
    assert cf.measured("x.pool", "sues", "article", path) < cf.measured("x.pool", "sues", "sentence", path)
    old = tmp_path / "old.tsv"
    old.write_text("rule\ttype\tfired\tright\twrong\tprecision\tunscored\nx.split\tsues\t140\t130\t50\t0.72\t0\n",
                   encoding="utf-8")
    assert cf.measured("x.split", "sues", "article", str(old)) == cf.measured("x.split", "sues", "sentence", str(old))
    from kg.model import Extraction
    assert cf.kind_of(Extraction(article=Article(id="a", title="标题", date=None, source="t", text="x"))) == "article"
    assert cf.kind_of(Extraction(article=Article(id="a", title="", date=None, source="t", text="x"))) == "sentence"


def test_top_band_needs_agreeing_and_ample_evidence(tmp_path):
    """The top band (nine in ten) is not reached by a rule whose articles and pool sentences disagree
    (right on every article, three in four of the sentences; or every one of 200 sentences, half of
    its articles), nor by one right on its few firings of this kind (15 of 15 articles: the Wilson
    bound of its own firings, no prior lent, stays under 0.9); a rule right 60 of 60 on both kinds
    reaches it on both."""
    from kg.extract import confidence as cf
    path = _write_table(tmp_path / "calibration.tsv", [
        "x.disagree\trules\t260\t230\t30\t0.885\t0\t150\t30\t80\t0\t",
        "x.articles_differ\trules\t212\t206\t6\t0.972\t0\t200\t0\t6\t6\t",
        "x.few\trules\t115\t115\t0\t1.0\t0\t100\t0\t15\t0\t",
        "x.sure\trules\t120\t120\t0\t1.0\t0\t60\t0\t60\t0\t"])
    assert cf.TOP - 0.02 < cf.measured("x.disagree", "rules", "article", path) < cf.TOP
    assert cf.measured("x.articles_differ", "rules", "sentence", path) < cf.TOP
    assert not cf.top_band("x.articles_differ", "rules", "sentence", path)
    # 100 of 100 sentences carry it on sentences, 15 of 15 articles not on articles
    assert cf.measured("x.few", "rules", "sentence", path) >= cf.TOP > cf.measured("x.few", "rules", "article", path)
    assert cf.measured("x.sure", "rules", "article", path) >= cf.TOP
    assert cf.measured("x.sure", "rules", "sentence", path) >= cf.TOP
    assert cf.wilson(0, 0) == 0 and cf.wilson(24, 0) < 0.9 < cf.wilson(26, 0)
    assert cf.wilson(0, 0, upper=True) == 1 and cf.wilson(6, 6, upper=True) < 0.9 < cf.wilson(9, 1, upper=True)


def test_adjustments_are_measured(tmp_path):
    """A hedge or a headline-only telling lowers confidence by the factor the table measures (@hedged,
    @headline: the precision of those firings over what their rules expected, shrunk toward 1, never
    above it); an older table without those rows takes the constants."""
    from kg.extract import confidence as cf
    path = _write_table(tmp_path / "calibration.tsv", [
        "x.a\tsues\t100\t80\t20\t0.8\t0\t80\t20\t0\t0\t",
        "@hedged\t*\t100\t40\t60\t0.4\t0\t\t\t\t\t80.0",
        "@headline\t*\t50\t50\t0\t1.0\t0\t\t\t\t\t40.0"])
    f = cf._factors(path)
    # hedged: 0.4 observed where 0.8 was expected, shrunk toward 1 by S_ADJ firings' worth
    assert f["hedged"] == pytest.approx((40 + cf.S_ADJ * 0.8) / ((100 + cf.S_ADJ) * 0.8), abs=1e-3)
    assert 0.5 < f["hedged"] < 0.7
    assert f["headline"] == 1.0
    c = cf.measured("x.a", "sues", "sentence", path)
    assert cf.adjusted(c, True, False, path) == pytest.approx(c * f["hedged"])
    assert cf.adjusted(c, False, True, path) == c
    old = _write_table(tmp_path / "old.tsv", ["x.a\tsues\t100\t80\t20\t0.8\t0\t80\t20\t0\t0\t"])
    assert cf._factors(old) == {"hedged": cf.HEDGE, "headline": cf.HEADLINE}


def test_calibrate_counts_kinds_and_leaves_articles_out(tmp_path):
    """benchmarks/calibrate.py counts right and wrong per kind of input, writes the adjustment rows,
    and an article left out of the table (--exclude, --folds) has no firing counted in it."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("kg_calibrate", ROOT / "benchmarks" / "calibrate.py")
    cal = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cal)
    sent = {"id": "s1", "title": "", "relations": []}
    art = {"id": "a1", "title": "T", "relations": []}
    other = {"id": "a2", "title": "T2", "relations": []}
    rel = {"rule": "x.r", "type": "sues", "start": 3, "end": 9, "evidence": "e"}
    hedged = {**rel, "hedged": True}
    head = {**rel, "start": 0, "end": 0, "evidence": "T"}
    labelled = [("pool", sent, rel, "right"), ("pool", sent, hedged, "wrong"), ("pool", sent, rel, None),
                ("corpus", art, rel, "right"), ("corpus", art, head, "right"), ("corpus", other, rel, "wrong")]
    path = tmp_path / "calibration.tsv"
    table = cal.build(labelled, path)
    # fired, right, wrong, unscored, sentence right/wrong, article right/wrong
    assert table[("x.r", "sues")][:8] == [5, 3, 2, 1, 1, 1, 2, 1]
    from kg.extract import confidence as cf
    assert cf._kinds(str(path))[("x.r", "sues")] == {"sentence": (1, 1), "article": (2, 1)}
    text = path.read_text(encoding="utf-8")
    assert "\n@hedged\t*\t1\t0\t1\t" in text and "\n@headline\t*\t1\t1\t0\t" in text
    # how the sides were found: counted per rule (column paths) and per path (rows @path:NAME:KIND)
    paths = cal.build([("pool", sent, {**rel, "arg_path": "pronoun"}, "wrong"),
                       ("corpus", art, {**rel, "arg_path": "named"}, "right")], tmp_path / "paths.tsv")
    assert dict(paths[("x.r", "sues")][8]) == {"pronoun": [0, 1], "named": [1, 0]}
    per_rule, _ = cf._paths(str(tmp_path / "paths.tsv"))
    assert per_rule[("x.r", "sues")] == {"named": (1, 0), "pronoun": (0, 1)}
    rows = (tmp_path / "paths.tsv").read_text(encoding="utf-8")
    assert "\n@path:pronoun:sentence\t*\t1\t0\t1\t" in rows and "\n@path:named:all\t*\t1\t1\t0\t" in rows
    left = cal.build([x for x in labelled if x[1]["id"] != "a2"], tmp_path / "left.tsv")
    assert left[("x.r", "sues")][6:8] == [2, 0]
