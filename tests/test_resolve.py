"""Resolution across articles: one company, one case, one fact — and the named queries that read
them (`rivals.rq`, `lawsuits.rq`) agreeing with `kg rivals` / `kg lawsuits`."""
from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner

from kg import analytics as A
from kg.model import Article, Entity, Extraction, Lawsuit, Relation
from kg.query import run
from kg.resolve import (article_iri, entity_iri, lawsuit_iri, normalize_name, relation_iri)


def test_entity_iri_is_deterministic_and_normalised():
    assert entity_iri("腾讯") == entity_iri("腾讯")
    assert entity_iri("ＱＱ") == entity_iri("QQ")          # full-width folds (NFKC)
    assert entity_iri("腾讯") != entity_iri("字节跳动")
    assert entity_iri("腾讯").startswith("https://rivalry-kg.org/id/entity/")


def test_iris_escape_characters_that_would_break_sparql_or_turtle():
    iri = entity_iri('A "B" <C> #d?e/f g')
    for bad in ' "<>#?{}|\\^`':
        assert bad not in iri.split("/entity/", 1)[1]
    assert "腾讯" in entity_iri("腾讯")                       # CJK stays readable


def test_normalize_name_collapses_spaces():
    assert normalize_name(" Tik  Tok ") == "Tik Tok"


def test_symmetric_relations_share_one_node_whatever_the_order():
    a, b = entity_iri("腾讯"), entity_iri("字节跳动")
    assert relation_iri("competes", a, b, None) == relation_iri("competes", b, a, None)
    assert relation_iri("sues", a, b, None) != relation_iri("sues", b, a, None)
    assert relation_iri("sues", a, b, "2021") != relation_iri("sues", a, b, "2020")


def test_lawsuit_keyed_by_case_number_when_given():
    one = lawsuit_iri(["x"], ["y"], "copyright", "2020", case_number="（2020）京73民初1号")
    other = lawsuit_iri(["z"], ["w"], None, None, case_number="（2020）京73民初1号")
    assert one == other
    # without one, each report's precision is its own node; the case is joined at query time
    assert lawsuit_iri(["x"], ["y"], "copyright", "2020-03") != lawsuit_iri(["x"], ["y"], "copyright", "2020")
    assert lawsuit_iri(["x"], ["y"], None, None, court="c") != lawsuit_iri(["x"], ["y"], None, None)


def test_article_iri_escapes_ids():
    assert " " not in article_iri("my article")


def _art(aid, date, lang="zh", title=None):
    text = f"{aid} {title or aid}"
    return Article(id=aid, title=title or aid, date=date, source="test", text=text,
                   path=f"{aid}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), lang=lang)


def _store(tmp_path, extractions, name="store"):
    from tests.conftest import viz_write_store
    return viz_write_store(tmp_path / name, extractions=extractions)


E, R, L = Entity, Relation, Lawsuit


def _courts_articles():
    """Several companies and courts; one suit names no court (the bug of issue 12 gave it some
    other entity's label as its court)."""
    a = Extraction(_art("a1", "2020-05-01"),
                   [E("甲公司", "Company"), E("乙公司", "Company"), E("丙公司", "Company"),
                    E("北京知识产权法院", "Court"), E("上海市浦东新区人民法院", "Court"),
                    E("Advanced Technology Investment Company", "Company")],
                   [R("sues", "甲公司", "乙公司", "2019-03", "2019年3月，甲公司起诉乙公司。", 0, 10)],
                   [L(["甲公司"], ["乙公司"], court="北京知识产权法院", date="2019-03", cause="patent",
                      evidence="2019年3月，甲公司在北京知识产权法院起诉乙公司。", start=0, end=10),
                    L(["丙公司"], ["乙公司"], court="上海市浦东新区人民法院", date="2018",
                      cause="copyright", evidence="丙公司在浦东法院起诉乙公司。", start=11, end=20),
                    L(["乙公司"], ["甲公司"], court=None, date="2020-01", cause="contract",
                      evidence="乙公司反诉甲公司。", start=21, end=30)])
    return [a]


def test_lawsuits_query_reports_each_suit_with_its_own_court_or_none(tmp_path):
    st = _store(tmp_path, _courts_articles())
    try:
        res = run(st, "lawsuits")
        rows = {(r[res.vars.index("plaintiffs")], r[res.vars.index("defendants")]):
                r[res.vars.index("court")] for r in res.rows}
        assert rows == {("甲公司", "乙公司"): "北京知识产权法院",
                        ("丙公司", "乙公司"): "上海市浦东新区人民法院",
                        ("乙公司", "甲公司"): None}
        table = {(d["plaintiffs"], d["defendants"]): d["court"] for d in A.lawsuits(st).dicts()}
        assert table == rows
    finally:
        st.close()


def _undated_articles():
    a = Extraction(_art("u1", "2021-03-01"),
                   [E("甲公司", "Company", ["甲"]), E("乙公司", "Company")],
                   [R("competes", "甲公司", "乙公司", None, "甲公司与乙公司竞争。", 0, 5),
                    R("accuses", "乙公司", "甲公司", "2020-07", "2020年7月，乙公司指责甲公司。", 6, 12)])
    b = Extraction(_art("u2", "2021-04-01"),
                   [E("甲公司", "Company"), E("乙公司", "Company"), E("丁公司", "Company")],
                   # the same accusation, undated here and at day precision: one fact
                   [R("accuses", "乙公司", "甲公司", None, "乙公司曾指责甲公司。", 0, 5),
                    R("accuses", "乙公司", "甲公司", "2020-07-15", "7月15日乙公司指责甲公司。", 6, 10),
                    R("competes", "丁公司", "甲公司", None, "丁公司与甲公司竞争。", 11, 15)])
    return [a, b]


def test_rivals_latest_with_undated_facts_and_one_fact_many_reports(tmp_path):
    st = _store(tmp_path, _undated_articles())
    try:
        res = run(st, "rivals", name="甲公司")
        q = {r[0]: r for r in res.rows}
        assert q["乙公司"][res.vars.index("latest")] == "2020-07-15"   # an undated fact is no blank
        assert q["乙公司"][res.vars.index("hostile")] == "2"           # competes + one accusation
        assert q["丁公司"][res.vars.index("latest")] in ("", None)
        t = A.rivals(st, "甲")
        assert [r[:3] for r in t.rows] == [["乙公司", 2, "2020-07-15"], ["丁公司", 1, None]]
    finally:
        st.close()


def test_kg_rivals_and_kg_query_rivals_agree(tmp_path):
    from kg.cli import cli
    from tests.conftest import _viz_extractions
    st = _store(tmp_path, _viz_extractions() + _undated_articles() + _courts_articles())
    st.close()
    loc = str(tmp_path / "store")
    for name in ("腾讯", "字节跳动", "甲公司", "乙公司"):
        a = CliRunner().invoke(cli, ["rivals", name, "--store", loc, "--format", "csv"])
        b = CliRunner().invoke(cli, ["query", "rivals", "--param", f"name={name}", "--store", loc,
                                     "--format", "csv"])
        assert a.exit_code == 0 and b.exit_code == 0, (a.output, b.output)
        ra = [line.split(",")[:3] for line in a.output.splitlines()[1:]]
        rb = [line.split(",")[:3] for line in b.output.splitlines()[1:]]
        assert ra == rb and ra, name
