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


# ------------------------------------------------------------------- one company, many names

def test_canonical_name_across_scripts_languages_and_registered_names():
    from kg.resolve import canonical_name as c
    assert c("北京字节跳动科技有限公司") == c("字节跳动") == c("ByteDance") == "字节跳动"
    assert c("广东加多宝饮料食品有限公司") == "加多宝"          # place + name + trade + legal ending
    assert c("優步") == c("优步") == c("Uber")
    assert c("Cisco") == c("思科")
    assert c("蘋果") == c("Apple") == "苹果"
    assert c("美國北加州聯邦地方法院") == c("U.S. District Court for the Northern District of California")
    assert c("宏達電") == c("宏达电")                          # unknown or not: one Simplified key
    # a subsidiary with a bracketed region, or an operator, keeps its own node
    assert c("三星（中国）投资有限公司") != c("三星")
    assert c("北京微播视界科技有限公司") != c("字节跳动")
    # an offshore or regional registration place before the name (registration_place rows), English
    # legal words taken off one after the other ("Foo Group Holding Limited"): the company itself
    assert c("开曼腾讯科技有限公司") == c("開曼騰訊科技有限公司") == c("百慕大腾讯控股有限公司") == "腾讯"
    assert c("Tencent Holdings Ltd.") == c("Tencent Holdings Limited") == "腾讯"
    assert c("Alibaba Group Holding Limited") == c("阿里巴巴")
    # counter-examples: an unknown core, or a core of another kind, stays its own node
    assert c("开曼辰光半导体公司") == "开曼辰光半导体公司"
    assert c("Tencent Music Entertainment Group") != c("腾讯")


def test_an_unknown_company_is_one_node_by_its_registered_name_and_its_trading_name():
    """Registered name = place + trading name (字号) + lines of business + legal ending: an article
    naming the company one way and another naming it the other way meet on one node, whatever the
    lexicon knows (issue 11)."""
    from kg.resolve import canonical_name as c, registered_core
    assert c("南京蓝鲸湾商贸发展有限公司") == c("蓝鲸湾") == "蓝鲸湾"       # place, trade words
    assert c("杭州云雀递科技有限公司") == c("云雀递")
    assert c("苏州青禾传媒控股有限公司") == c("青禾传媒")            # a brand keeps 传媒
    assert c("星川商业（集团）有限公司") == c("星川商业")            # a bracketed group word
    assert c("安徽省星川商业有限公司") == c("星川商业")              # a province of places.tsv
    assert c("橙杏公司") == c("橙杏")                              # the company written as X公司
    assert c("斗鱼国际控股有限公司") == c("斗鱼")                    # and a lexicon name's
    # counter-examples: a branch, a bracketed region, a generic or common word, a long rest
    assert registered_core("橙杏科技有限公司深圳分公司") is None
    assert registered_core("云雀递（上海）科技有限公司") is None
    assert registered_core("上海信息咨询有限公司") is None            # no trading name left
    assert registered_core("安徽美景信息科技有限公司") is None          # 美景: a common word
    assert registered_core("杭州青禾文化艺术发展有限公司") is None      # 青禾文化艺术: a business
    # a core of dictionary words only is a line of business many companies share, no name: two
    # cities' rail operators are two companies
    assert c("洛阳市公共交通集团有限公司") != c("开封市公共交通集团有限公司")
    assert registered_core("江西港口物流有限公司") is None
    assert c("浙江天猫网络有限公司") != c("天猫科技")


def test_two_registered_names_of_one_article_with_one_trading_name_stay_two_companies():
    from kg.resolve import resolve_names
    two = [E("北京云雀递技术有限公司", "Company"), E("北京云雀递科技发展有限公司", "Company")]
    names = resolve_names(two)
    assert names[two[0].key] != names[two[1].key]
    one = [E("北京云雀递技术有限公司", "Company"), E("云雀递", "Company")]
    names = resolve_names(one)
    assert names[one[0].key] == names[one[1].key] == "云雀递"


def test_a_regulator_or_court_is_one_node_by_its_official_and_short_forms():
    """short_forms.tsv (official and short forms of the body) and places.tsv `full` (上海 -> 上海市):
    the node is named by the full place and the official form."""
    from kg.resolve import canonical_name as c
    assert (c("南京市市场监督管理局") == c("南京市市场监管局") == c("南京市场监管局")
            == c("南京市場監管局") == "南京市市场监督管理局")
    assert c("湖南省市场监管局") == c("湖南市场监督管理局") == "湖南省市场监督管理局"
    assert c("重庆市交通委") == c("重庆市交通委员会")
    # a body whose official name writes the place without 市 (short_forms.tsv place `short`)
    assert c("郑州市知产法院") == c("郑州知识产权法院") == "郑州知识产权法院"
    # a lexicon court or regulator through any form of its body
    assert c("杭州中院") == c("杭州市中院") == c("杭州市中级人民法院")
    assert c("广东高院") == "广东省高级人民法院"
    assert c("国家市场监管总局") == c("SAMR") == "国家市场监督管理总局"
    # a body with no known place before it is left alone: never one node for every city's bureau
    assert c("市场监管局") == "市场监管局"
    assert c("某区市场监管局") == "某区市场监管局"


def _names_articles():
    zh = Extraction(_art("n-zh", "2020-01-02"),
                    [E("北京微播视界科技有限公司", "Company"),
                     E("甲科技股份有限公司", "Company", ["甲科技"]),      # X（以下简称Y）
                     E("思科", "Company", ["思科公司"])],
                    [R("sues", "甲科技股份有限公司", "思科", "2019-05", "甲科技起诉思科。", 0, 5)])
    hant = Extraction(_art("n-hant", "2020-01-03", title="優步與思科"),
                      [E("優步", "Company"), E("思科", "Company")],
                      [R("competes", "優步", "思科", None, "優步與思科競爭。", 0, 5)])
    hant = Extraction(Article(**{**hant.article.__dict__, "text": "優步與思科競爭。據報導，該公司將擴張。"}),
                      hant.entities, hant.relations)
    en = Extraction(_art("n-en", "2020-01-04", lang="en"),
                    [E("Cisco", "Company"), E("Uber", "Company", ["Uber Technologies"])],
                    [R("competes", "Uber", "Cisco", "2019", "Uber competes with Cisco.", 0, 5)])
    return [zh, hant, en]


def test_one_node_per_company_with_labels_in_each_language(tmp_path):
    st = _store(tmp_path, _names_articles())
    try:
        assert len(A.match_entities(st, "優步")) == 1
        assert A.match_entities(st, "優步") == A.match_entities(st, "Uber") == A.match_entities(st, "优步")
        cisco = A.match_entities(st, "Cisco")
        assert cisco == A.match_entities(st, "思科") == A.match_entities(st, "思科公司")
        rows = run(st, "SELECT ?l WHERE { GRAPH ?g { ?e skos:prefLabel ?l } VALUES ?e { <%s> } }"
                   % cisco[0], ).raw["results"]["bindings"]
        tagged = {(b["l"]["value"], b["l"].get("xml:lang", "").lower()) for b in rows}
        assert tagged == {("思科", "zh-hans"), ("Cisco", "en"), ("思科", "zh-hant")}
        plain = run(st, "SELECT ?l WHERE { GRAPH ?g { ?e rdfs:label ?l } VALUES ?e { <%s> } }"
                    % cisco[0]).rows
        assert plain == [["思科"]]                    # one plain label: the canonical name
        # the lexicon knows who owns the operator
        owner = A.match_entities(st, "字节跳动")
        unit = A.match_entities(st, "北京微播视界科技有限公司")
        owns = run(st, "SELECT ?o ?u WHERE { GRAPH ?g { ?o kg:owns ?u } }").rows
        assert [owner[0], unit[0]] in owns
        # the alias a registered name was given in the article finds it
        assert A.match_entities(st, "甲科技") == A.match_entities(st, "甲科技股份有限公司")
    finally:
        st.close()


# ------------------------------------------------------------------- one case, many reports

def _case_articles():
    """One case told by three articles at three stages, its countersuit, and another case."""
    a = Extraction(_art("c1", "2017-06-01"),
                   [E("京东", "Company"), E("天猫", "Company"), E("北京市高级人民法院", "Court")],
                   [],
                   [L(["京东"], ["天猫"], court="北京市高级人民法院", date="2017-05", cause="antitrust",
                      evidence="2017年5月，京东在北京高院起诉天猫。", start=0, end=10)])
    b = Extraction(_art("c2", "2019-10-01"),
                   [E("京东", "Company"), E("天猫", "Company"), E("阿里巴巴", "Company"),
                    E("最高人民法院", "Court")],
                   [],
                   [L(["京东"], ["天猫", "阿里巴巴"], court=None, date=None, cause="antitrust",
                      ruling_date="2019-07", outcome="dismissed",
                      evidence="最高法二审驳回天猫的管辖权上诉，京东诉天猫案由北京高院审理。", start=0, end=10),
                    L(["天猫"], ["京东"], date="2018", cause="unfair_competition",
                      evidence="天猫反诉京东。", start=11, end=20)])
    c = Extraction(_art("c3", "2021-04-10", lang="en"),
                   [E("JD.com", "Company"), E("Tmall", "Company")],
                   [],
                   [L(["JD.com"], ["Tmall"], evidence="JD sued Tmall in 2017.", start=0, end=10),
                    L(["JD.com"], ["Tmall"], date="2015", cause="contract",
                      evidence="In 2015 JD sued Tmall over a lease.", start=11, end=20)])
    return [a, b, c]


def test_one_row_per_case_with_stages_and_articles(tmp_path):
    arts = _case_articles()
    st = _store(tmp_path, arts)
    try:
        rows = A.lawsuits(st, "京东").dicts()
        jd = [r for r in rows if r["plaintiffs"].startswith("京东") and r["cause"] == "antitrust"]
        assert len(jd) == 1, rows
        assert jd[0]["articles"] == "c1,c2,c3" and jd[0]["date"] == "2017-05"
        assert "天猫" in jd[0]["defendants"] and "阿里巴巴" in jd[0]["defendants"]
        assert "filing 2017-05 北京市高级人民法院" in jd[0]["stages"] and "appeal 2019-07" in jd[0]["stages"]
        assert len([r for r in rows if r["plaintiffs"] == "天猫"]) == 1     # the countersuit apart
        assert len([r for r in rows if r["cause"] == "contract"]) == 1      # another case apart
        assert len(rows) == 3
        # kg rivals counts cases the same way
        t = {r[0]: r for r in A.rivals(st, "京东").rows}
        assert t["天猫"][1] == 3          # the 2017 case, the countersuit, the 2015 case
        assert t["阿里巴巴"][1] == 1
    finally:
        st.close()
    # the same store whatever the order the articles come in
    st2 = _store(tmp_path, list(reversed(arts)), name="store2")
    try:
        assert A.lawsuits(st2, "京东").dicts() == rows
    finally:
        st2.close()


def _owned_case_articles():
    """One case told by three articles (a day and a court; a year only; the plaintiff's
    subsidiary, which another article says it owns, at the same court and day), and a countersuit."""
    a = Extraction(_art("k1", "2019-04-01"), [E("甲公司", "Company"), E("乙公司", "Company"),
                                               E("北京知识产权法院", "Court")], [],
                   [L(["甲公司"], ["乙公司"], court="北京知识产权法院", date="2019-03-08",
                      cause="patent", evidence="2019年3月8日，甲公司在北京知识产权法院起诉乙公司。",
                      start=0, end=10)])
    b = Extraction(_art("k2", "2019-06-01"), [E("甲公司", "Company"), E("乙公司", "Company")], [],
                   [L(["甲公司"], ["乙公司"], date="2019", cause="patent",
                      evidence="2019年，甲公司起诉乙公司。", start=0, end=8),
                    L(["乙公司"], ["甲公司"], date="2019-05", cause="patent",
                      evidence="2019年5月，乙公司反诉甲公司。", start=9, end=20)])
    c = Extraction(_art("k3", "2019-07-01"),
                   [E("甲公司", "Company"), E("甲子公司", "Company"), E("乙公司", "Company"),
                    E("北京知识产权法院", "Court")],
                   [R("owns", "甲公司", "甲子公司", None, "甲子公司是甲公司的全资子公司。", 0, 8)],
                   [L(["甲子公司"], ["乙公司"], court="北京知识产权法院", date="2019-03-08",
                      evidence="2019年3月8日，甲子公司在北京知识产权法院起诉乙公司。", start=9, end=20)])
    return [a, b, c]


def test_lawsuits_query_lists_each_case_once_with_its_stages_and_articles(tmp_path):
    st = _store(tmp_path, _owned_case_articles())
    try:
        res = run(st, "lawsuits")
        rows = [dict(zip(res.vars, r)) for r in res.rows]
        assert len(rows) == 2, rows                     # the case and the countersuit
        case = next(r for r in rows if r["date"] == "2019-03-08")
        assert set(case["plaintiffs"].split("、")) == {"甲公司", "甲子公司"}
        assert case["defendants"] == "乙公司" and case["court"] == "北京知识产权法院"
        assert case["cause"] == "patent" and case["articleCount"] == "3"
        assert set(case["articles"].split(",")) == {"k1", "k2", "k3"}
        assert "filing 2019-03-08" in case["stages"]
        counter = next(r for r in rows if r["date"] == "2019-05")
        assert (counter["plaintiffs"], counter["defendants"], counter["articles"]) == ("乙公司", "甲公司", "k2")
        table = A.lawsuits(st).dicts()
        assert sorted((set(d["plaintiffs"].split("、")), d["date"]) for d in table) == \
            sorted((set(r["plaintiffs"].split("、")), r["date"]) for r in rows)
        # the cases graph holds the same whichever article is removed and built again
        from kg.cases import stored_links
        links = stored_links(st)
        assert len(links[0]) == 4 and len(set(links[0].values())) == 2 and not links[1]
        assert st.remove_article(article_iri("k2"))
        assert len(run(st, "lawsuits").rows) == 1
        from kg.rdf import article_rdf
        from kg.store import write_articles
        write_articles(st, [article_rdf(_owned_case_articles()[1], "2026-01-01T00:00:00Z")])
        st.refresh_cases()
        assert stored_links(st) == links
    finally:
        st.close()


def test_an_appeal_naming_the_appellant_first_is_a_stage_of_the_case(tmp_path):
    first = Extraction(_art("ap1", "2016-01-01"), [E("甲公司", "Company"), E("乙公司", "Company")], [],
                       [L(["甲公司"], ["乙公司"], date="2015", cause="unfair_competition",
                          evidence="2015年，甲公司以不正当竞争为由起诉乙公司。", start=0, end=10)])
    appeal = Extraction(_art("ap2", "2017-01-04"), [E("甲公司", "Company"), E("乙公司", "Company")], [],
                        [L(["乙公司"], ["甲公司"], date="2016-12-30", cause="unfair_competition",
                           outcome="dismissed", evidence="法院对乙公司与甲公司不正当竞争纠纷案作出二审判决：驳回上诉。",
                           start=0, end=20),
                         L(["乙公司"], ["甲公司"], date="2017-01", cause="patent",
                           evidence="2017年1月，乙公司起诉甲公司侵犯其专利。", start=21, end=30)])
    st = _store(tmp_path, [first, appeal])
    try:
        res = run(st, "lawsuits")
        rows = [dict(zip(res.vars, r)) for r in res.rows]
        assert [(r["plaintiffs"], r["defendants"], r["date"]) for r in rows] == \
            [("甲公司", "乙公司", "2015"), ("乙公司", "甲公司", "2017-01")]     # its own suit stays apart
        assert "appeal" in rows[0]["stages"] and rows[0]["articles"] in ("ap1,ap2", "ap2,ap1")
        table = A.lawsuits(st).dicts()
        assert [(d["plaintiffs"], d["defendants"], d["date"]) for d in table] == \
            [(r["plaintiffs"], r["defendants"], r["date"]) for r in rows]
        assert "appeal" in table[0]["stages"]
    finally:
        st.close()


def test_a_court_told_by_a_description_is_labelled_by_its_name_and_never_made_a_court():
    from kg.rdf import article_rdf
    from kg.resolve import is_description
    assert is_description("federal appeals court") and is_description("the court")
    assert not is_description("U.S. appeals court") and not is_description("北京知识产权法院")
    art = _art("dc1", "2024-05-08", lang="en", title="TikTok sues")
    court = E("U.S. Court of Appeals for the District of Columbia Circuit", "Court",
              ["federal appeals court"])
    ex = Extraction(art, [E("TikTok", "Company"), E("US government", "Organization"), court], [],
                    [L(["TikTok"], ["US government"], court="U.S. Court of Appeals for the District of "
                       "Columbia Circuit", date="2024-05-07", evidence="TikTok sued.", start=0, end=5),
                     L(["TikTok"], ["US government"], court="federal appeals court", date="2024-05-06",
                       evidence="TikTok asked a federal appeals court.", start=6, end=20)])
    rdf = article_rdf(ex)
    node = entity_iri("美国哥伦比亚特区联邦巡回上诉法院")         # the lexicon's court
    pref = sorted({str(o) for s, p, o in rdf.entities if str(s) == node and str(p).endswith("prefLabel")})
    # a name, though longer, not "federal appeals court"
    assert pref == ["U.S. Court of Appeals for the District of Columbia Circuit"], pref
    courts = {str(o) for s, p, o in rdf.graph if str(p).endswith("#court")}
    assert courts == {node}                               # the description is no court


def test_traditional_and_short_court_names_from_real_reports_resolve_to_one_court():
    from kg.resolve import canonical_name
    # Taiwan's IP court under its old name, its short forms and its 2021 name
    assert len({canonical_name(n) for n in ("智慧財產法院", "智財法院", "智商法院", "智慧財產及商業法院")}) == 1
    # the San Diego federal court as Taiwan, Hong Kong and mainland pages write it
    assert len({canonical_name(n) for n in ("美國加州南區聯邦地方法院", "圣地亞哥聯邦法院", "聖地牙哥聯邦法院",
                                            "U.S. District Court for the Southern District of California")}) == 1
    assert canonical_name("泉州中院") == canonical_name("福建泉州中级人民法院")
    assert canonical_name("韓國公平會") == canonical_name("韩国公平交易委员会")
    # Taiwan's 最高法院 is not the mainland's 最高人民法院
    assert canonical_name("最高法院") != canonical_name("最高人民法院")


def test_foreign_courts_as_chinese_pages_write_them():
    from kg.resolve import canonical_name
    assert canonical_name("舊金山聯邦法院") == canonical_name("U.S. District Court for the Northern District of California")
    assert canonical_name("德州東區聯邦地方法院") == canonical_name("Eastern District of Texas")
    assert canonical_name("德國慕尼黑法院") == canonical_name("Munich Regional Court")
    assert canonical_name("英國競爭及市場管理局") == canonical_name("CMA")
    assert canonical_name("大陸市場監管總局") == canonical_name("SAMR")


def test_san_jose_and_san_francisco_courts_in_chinese_are_the_northern_district():
    from kg.resolve import canonical_name
    nd = canonical_name("Northern District of California")
    assert {canonical_name(n) for n in ("美国加州圣何塞联邦法院", "加州聖荷西聯邦法院", "加州北部聯邦地區法院",
                                        "美國加州舊金山聯邦法院")} == {nd}


# ------------------------------------------------------------------------- a renamed company

def _renaming(text, entities, relations=(), lang="en"):
    a = Article(id="rn", title="rn", date="2024-01-01", source="test", text=text, path="rn.txt",
                sha256=hashlib.sha256(text.encode()).hexdigest(), lang=lang)
    return Extraction(a, entities, list(relations))


def test_a_company_the_article_says_was_renamed_is_one_node_with_its_old_name():
    from kg.resolve import article_names
    # the old name is the sentence's subject; the new one where the template puts it
    ex = _renaming("Harbor Crest Holdings bought two shoe labels in 2019 and a jeweller in 2020 "
                   "before adopting the Veltrine name. Veltrine now sells in 40 countries.",
                   [E("Harbor Crest Holdings", "Company"), E("Veltrine", "Company")])
    names = article_names(ex)
    assert names["Harbor Crest Holdings"] == names["Veltrine"] == "Veltrine"
    ex = _renaming("Ostrander Labs, formerly known as Pimlico Data, sued Quarry.",
                   [E("Ostrander Labs", "Company"), E("Pimlico Data", "Company"), E("Quarry", "Company")])
    names = article_names(ex)
    assert names["Pimlico Data"] == "Ostrander Labs" and names["Quarry"] == "Quarry"
    ex = _renaming("2021年，青禾视界更名为青禾科技集团，业务转向芯片。",
                   [E("青禾视界", "Company"), E("青禾科技集团", "Company")], lang="zh")
    assert article_names(ex)["青禾视界"] == "青禾科技集团"


def test_a_rename_is_not_read_where_the_old_name_lives_on_or_names_someone_else():
    from kg.resolve import article_names
    # the old name lives on as the new company's brand: a fact between the two keeps them apart
    ex = _renaming("Velo Inc. owns the Larkspur brand. Larkspur bought Tamsin in 2015, then renamed "
                   "itself Velo.", [E("Velo", "Company", ["Velo Inc."]), E("Larkspur", "Company"),
                                    E("Tamsin", "Company")],
                   [R("owns", "Velo", "Larkspur", None, "Velo Inc. owns the Larkspur brand.", 0, 30)])
    assert article_names(ex)["Larkspur"] == "Larkspur"
    # a clause that renames what the sentence's subject bought: its old name is not in the clause
    ex = _renaming("2011年，甲山集团收购了云图网，随后更名为甲山云图。",
                   [E("甲山集团", "Company"), E("云图网", "Company"), E("甲山云图", "Company")], lang="zh")
    names = article_names(ex)
    assert names["甲山集团"] == "甲山集团" and names["云图网"] == "云图网"


def test_a_us_district_court_is_one_node_in_chinese_traditional_and_english():
    """us_states.tsv: (state, district) read from the court's name in any of its forms; the node is
    the lexicon's court of that key, else 美国 + state + district + 联邦地区法院."""
    from kg.resolve import canonical_name as c
    assert (c("美国德克萨斯州西区联邦地区法院") == c("德州西區聯邦地區法院") == c("得州西区联邦法院")
            == c("U.S. District Court for the Western District of Texas")
            == c("Western District of Texas") == "美国得克萨斯州西区联邦地区法院")
    assert c("北加州联邦法院") == c("美國加州北區聯邦地方法院") == c("美国加州北区联邦地区法院")
    assert c("华盛顿特区联邦地区法院") == c("U.S. District Court for the District of Columbia")
    assert c("US District Court for the Southern District of Florida") == c("佛州南区联邦地区法院")
    # no key: a state of several districts named without one, a place alone, a state court
    assert c("加州联邦法院") == "加州联邦法院"
    assert c("District of Columbia") == "District of Columbia"
    assert c("德州地方法院") == "德州地方法院"
    assert c("Delaware Court of Chancery") == "Delaware Court of Chancery"


def test_a_company_named_like_a_lexicon_entry_but_distinct_is_its_own_node(tmp_path):
    """distinct_names.tsv: Motorola Solutions is not the lexicon's 摩托罗拉 (Lenovo's Motorola
    Mobility), even where the extractor read it as that entry; it takes none of its names."""
    from kg.resolve import resolve_names
    e = E("摩托罗拉", "Company", ["Motorola", "摩托罗拉移动"])
    e.written = "Motorola Solutions"
    other = E("摩托罗拉", "Company", ["Motorola"])
    assert resolve_names([e])[e.key] == "Motorola Solutions"
    assert resolve_names([other])[other.key] == "摩托罗拉"
    ex = Extraction(_art("ms", "2020-02-15", lang="en"), [e, E("Hytera", "Company")],
                    [R("sues", "摩托罗拉", "Hytera", "2017-03", "Motorola Solutions sued Hytera.", 0, 20)])
    st = _store(tmp_path, [ex])
    rows = run(st, "SELECT ?l WHERE { GRAPH ?g { ?e rdfs:label|skos:altLabel ?l } "
                   "FILTER(CONTAINS(STR(?e), 'Motorola_Solutions')) }").rows
    labels = {r[0] for r in rows}
    assert "Motorola Solutions" in labels and not labels & {"摩托罗拉", "摩托罗拉移动", "Motorola"}
    owners = run(st, "SELECT ?o WHERE { GRAPH ?g { ?o kg:owns ?u } FILTER(CONTAINS(STR(?u), 'Motorola')) }").rows
    assert owners == []


def test_a_rename_names_the_new_company_whole():
    from kg.resolve import article_names
    # the new name written after the cue is 青禾云帆, not the 青禾 another company goes by
    ex = _renaming("青禾科技收购了云帆软件，收购完成后云帆软件更名为“青禾云帆”。",
                   [E("青禾科技", "Company", ["青禾"]), E("云帆软件", "Company")], lang="zh")
    assert article_names(ex)["云帆软件"] == "云帆软件"
