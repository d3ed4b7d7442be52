"""The fast paths answer as the plain ones (issue 12).

`kg rivals` counts in Python from reads that start at the name's entities (`rival_rows`); the
plain definition is `rivals.rq`.  `kg timeline/lawsuits NAME` read only the part of the store
around NAME (`full_graph(store, around=...)`); the plain answer reads the whole graph.  Each is
compared on a store with undated and vaguer reports, countersuits, a case number and a
multi-party suit, after an incremental write and after `kg remove`.
"""
import hashlib

import pytest

from kg import analytics, pipeline, query
from kg.model import Article, Entity, Extraction, Lawsuit, Relation
from kg.rdf import article_rdf
from kg.store import open_store, write_articles


def _art(aid, date, rels, suits, ents=("腾讯", "字节跳动", "抖音", "奇虎360", "阿里巴巴")):
    text = f"{aid} text"
    article = Article(id=aid, title=f"t {aid}", date=date, source="s", text=text,
                      path=f"{aid}.md", sha256=hashlib.sha256(text.encode()).hexdigest())
    entities = [Entity(n, "Product" if n == "抖音" else "Company",
                       ["Tencent"] if n == "腾讯" else []) for n in ents]
    entities += [Entity("北京知识产权法院", "Court"), Entity("天津滨海法院", "Court")]
    return Extraction(article, entities,
                      [Relation(t, s, o, d, f"{aid}: {t} {s} {o} {d}", i, i + 5, 0.8)
                       for i, (t, s, o, d) in enumerate(rels)],
                      [Lawsuit(p, df, court=c, date=d, cause=cz, case_number=n,
                               evidence=f"{aid}: suit {p} {df} {d}", start=50 + i, end=60 + i)
                       for i, (p, df, c, d, cz, n) in enumerate(suits)])


ARTICLES = [
    _art("a1", "2021-03-01",
         [("sues", "字节跳动", "腾讯", "2021-02"), ("sues", "字节跳动", "腾讯", None),
          ("blocks", "腾讯", "抖音", "2018"), ("blocks", "腾讯", "抖音", "2018-03-08"),
          ("competes", "腾讯", "奇虎360", None), ("acquires", "腾讯", "阿里巴巴", "2020")],
         [(["字节跳动"], ["腾讯"], "北京知识产权法院", "2021-02", "antitrust", None),
          (["字节跳动"], ["腾讯"], None, None, None, None),
          (["腾讯"], ["字节跳动"], "天津滨海法院", "2019-03", "unfair_competition", None)]),
    _art("a2", "2021-05-01",
         [("sues", "字节跳动", "腾讯", "2021-02-05"), ("accuses", "奇虎360", "腾讯", None),
          ("competes", "腾讯", "奇虎360", "2010")],
         [(["字节跳动"], ["腾讯"], "北京知识产权法院", "2021", None, None),
          (["奇虎360", "阿里巴巴"], ["腾讯"], None, "2010", "antitrust", None),
          (["阿里巴巴"], ["腾讯"], None, "2010-11", "antitrust", "(2010)京民初1号")]),
    _art("a3", None,
         [("blocks", "腾讯", "抖音", None), ("accuses", "奇虎360", "腾讯", "2010-11")],
         [(["奇虎360"], ["腾讯"], "北京知识产权法院", None, None, None)]),
]
NAMES = ["腾讯", "Tencent", "字节跳动", "抖音", "奇虎360", "阿里巴巴", "北京知识产权法院"]


def _norm(rows):
    return sorted([",".join(sorted(str(c).split(","))) if c not in (None, "") else "" for c in r]
                  for r in rows)


def _same_answers(st):
    g = analytics.full_graph(st)
    for name in NAMES:
        iris = analytics.match_entities(st, name)
        plain = query.run(st, "rivals", name=name).rows
        assert _norm(analytics.rival_rows(st, iris)) == _norm(plain), name
        assert analytics.timeline(st, name).rows == analytics.timeline(st, name, g=g).rows, name
        assert analytics.lawsuits(st, name).rows == analytics.lawsuits(st, name, g=g).rows, name


def test_fast_paths_answer_as_the_plain_ones_incrementally_and_after_remove(tmp_path):
    st = open_store(str(tmp_path / "store"))
    write_articles(st, [article_rdf(ARTICLES[0], "2026-01-01T00:00:00Z")])
    _same_answers(st)
    write_articles(st, [article_rdf(ex, "2026-01-01T00:00:00Z") for ex in ARTICLES[1:]])
    _same_answers(st)
    rivals = {r[0]: r for r in analytics.rivals(st, "腾讯").rows}
    # sues 2021-02 / 2021-02-05 / undated: one fact; the vaguer and the undated suits join
    # the most precise one; the countersuit stays a case of its own
    assert rivals["字节跳动"][1:6] == [3, "2021-02-05", "lawsuit,sues", 1, 2]
    assert analytics.timeline(st, "腾讯").rows          # the fast path found the facts
    assert pipeline.remove(["a2"], st) == (["a2"], [])
    _same_answers(st)
    rivals = {r[0]: r for r in analytics.rivals(st, "腾讯").rows}
    assert rivals["字节跳动"][1:3] == [3, "2021-02"] and "阿里巴巴" not in rivals
    st.close()


def test_bound_name_goes_inside_the_first_graph_group_and_answers_alike(tmp_path):
    text = query.bind(query.with_prefixes(query.load_query("rivals")), name="腾讯")
    first = text.index("GRAPH <https://rivalry-kg.org/id/graph/entities> {")
    assert text.index("VALUES (?name)") > first                 # inside that group
    # a parameter first used outside a GRAPH group stays at the top of WHERE
    q = query.bind("SELECT ?x WHERE { ?x ?p ?name . GRAPH ?g { ?x ?q ?name } }", name="x")
    assert q.index("VALUES") < q.index("?x ?p")
    q = query.bind('SELECT ?x WHERE { GRAPH <urn:g> { ?x ?p "?name {" } ?x ?q ?name }', name="x")
    assert q.index("VALUES") < q.index("GRAPH")                 # "?name" in a string is no use
    st = open_store(str(tmp_path / "store"))
    write_articles(st, [article_rdf(ex, "2026-01-01T00:00:00Z") for ex in ARTICLES])
    top = "SELECT ?name ?e WHERE { GRAPH <https://rivalry-kg.org/id/graph/entities> { ?e rdfs:label|skos:altLabel ?name } }"
    assert query.run(st, top, name="Tencent").rows == [["Tencent", "https://rivalry-kg.org/id/entity/腾讯"]]
    st.close()


@pytest.mark.parametrize("name", ["没有这个公司"])
def test_unknown_name_is_one_clear_error(tmp_path, name):
    from kg.errors import QueryError
    st = open_store(str(tmp_path / "store"))
    write_articles(st, [article_rdf(ARTICLES[0], "2026-01-01T00:00:00Z")])
    for fn in (analytics.rivals, analytics.timeline, analytics.lawsuits):
        with pytest.raises(QueryError, match="no entity"):
            fn(st, name)
    st.close()
