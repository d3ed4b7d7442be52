"""The fast paths answer as the plain ones (issue 12).

A store with a summary graph (`kg.summary`, written by `kg build`/`kg remove`) answers
`kg rivals/timeline/lawsuits NAME` from it; its rows must be the whole graph's, also after an
incremental write and a removal, and the graph itself the same as one rebuilt whole.

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


# ------------------------------------------------------------------------------ summary graph

UNDATED = _art("a4", None, [("accuses", "字节跳动", "阿里巴巴", None)],
               [(["抖音"], ["奇虎360"], None, None, None, None)])


def _summary_quads(st):
    from kg.summary import SUMMARY_GRAPH
    res = st.query_json(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?s ?p ?o }} }}")
    return sorted((b["s"]["value"], b["p"]["value"], b["o"]["value"])
                  for b in res["results"]["bindings"])


def _answers(st, g=None):
    out = {}
    for name in NAMES + ["没有这个公司"]:
        try:
            out[name] = (analytics.rivals(st, name, g=g).rows, analytics.timeline(st, name, g=g).rows,
                         analytics.lawsuits(st, name, g=g).rows)
        except Exception as e:                   # an unknown (or removed) name: the same error
            out[name] = repr(e)
    return out


def _named(st, name, text=False):
    """rivals.rq and timeline.rq bound to `name`: by name (the summary graph answers), or as
    SPARQL text (the store runs the query)."""
    import json
    out = []
    for q in ("rivals", "timeline"):
        res = query.run(st, query.load_query(q) if text else q, name=name).raw
        rows = [json.dumps(b, sort_keys=True, ensure_ascii=False) for b in res["results"]["bindings"]]
        if q == "rivals":        # GROUP_CONCAT's order is the engine's: compare the sets
            rows = sorted(_norm([[(b[v]["value"] if v in b else None) for v in res["head"]["vars"]]
                                 for b in res["results"]["bindings"]]))
        out.append((res["head"]["vars"], rows))
    return out


def _summary_answers_as_the_whole_graph(st):
    from kg.summary import has_summary
    assert has_summary(st)
    g = analytics.full_graph(st)
    assert _answers(st) == _answers(st, g=g)
    # every case (kg lawsuits without a name): the summary's listing, whole and a page
    assert analytics.lawsuits(st).rows == analytics.lawsuits(st, g=g).rows
    assert analytics.lawsuits(st, offset=1, limit=2).rows == analytics.lawsuits(st, g=g).rows[1:3]
    for name in NAMES + ["没有这个公司"]:
        assert _named(st, name) == _named(st, name, text=True), name
    incremental = _summary_quads(st)
    st.refresh_summary(full=True)                # the same graph as one written whole
    assert _summary_quads(st) == incremental


def test_summary_answers_as_the_whole_graph_incrementally_and_after_remove(tmp_path):
    from kg.resolve import article_iri
    from kg.summary import lookup
    st = open_store(str(tmp_path / "store"))
    assert lookup(st, "腾讯", "timeline") is None          # no summary yet: answer from the store
    write_articles(st, [article_rdf(ARTICLES[0], "2026-01-01T00:00:00Z")])
    st.refresh_cases()
    assert st.refresh_summary() > 0                         # none yet: written whole
    _summary_answers_as_the_whole_graph(st)
    assert st.refresh_summary() == 0                        # nothing changed, nothing written
    # a3 is undated (and so are some of its facts); a4's facts have no dated telling
    write_articles(st, [article_rdf(ex, "2026-01-02T00:00:00Z") for ex in ARTICLES[1:] + [UNDATED]])
    st.refresh_cases()
    st.refresh_summary()
    _summary_answers_as_the_whole_graph(st)
    rivals = {r[0]: r for r in analytics.rivals(st, "腾讯").rows}
    assert rivals["字节跳动"][1:6] == [3, "2021-02-05", "lawsuit,sues", 1, 2]
    # 阿里巴巴 v 腾讯: the report with a case number (2010-11) and the vaguer one (2010) are one
    # case; the numbered report once dropped out and took the other with it (no 腾讯 at all)
    assert [r[:4] for r in analytics.rivals(st, "阿里巴巴").rows] == \
        [["腾讯", 1, "2010-11", "lawsuit"], ["字节跳动", 1, None, "accuses"]]
    assert [r[:3] for r in analytics.timeline(st, "阿里巴巴").rows][-1] == [None, "accuses", "object"]
    assert [r[:3] for r in analytics.lawsuits(st, "抖音").rows] == [[None, "抖音", "奇虎360"]]
    assert st.remove_article(article_iri("a2"))             # refreshes cases and summary
    _summary_answers_as_the_whole_graph(st)
    rivals = {r[0]: r for r in analytics.rivals(st, "腾讯").rows}
    assert rivals["字节跳动"][1:3] == [3, "2021-02"] and "阿里巴巴" not in rivals
    assert pipeline.remove(["a1", "a3"], st) == (["a1", "a3"], [])
    _summary_answers_as_the_whole_graph(st)
    assert pipeline.remove(["a4"], st) == (["a4"], [])
    assert _summary_quads(st) == [] and st.count() == 0    # no articles, no summary
    assert _answers(st)["腾讯"] == _answers(st, g=analytics.full_graph(st))["腾讯"]  # "no entity"
    st.close()


def test_a_page_is_the_slice_of_the_whole_answer(tmp_path, monkeypatch):
    from kg import summary
    monkeypatch.setattr(summary, "CHUNK", 4)               # pages across several chunks
    st = open_store(str(tmp_path / "store"))
    write_articles(st, [article_rdf(ex, "2026-01-01T00:00:00Z") for ex in ARTICLES])
    st.refresh_cases()
    st.refresh_summary()
    whole = analytics.timeline(st, "腾讯").rows
    assert len(whole) > 9
    for offset, limit in [(0, 1), (0, 4), (3, 2), (2, 7), (8, 100), (len(whole), 5), (0, 0)]:
        assert analytics.timeline(st, "腾讯", offset=offset, limit=limit).rows == \
            whole[offset:offset + limit], (offset, limit)
    assert analytics.timeline(st, "腾讯", offset=5).rows == whole[5:]
    plain = analytics.lawsuits(st, "腾讯", g=analytics.full_graph(st), offset=1, limit=2).rows
    assert analytics.lawsuits(st, "腾讯", offset=1, limit=2).rows == plain
    st.close()


def test_cli_pages_and_reindex_writes_the_summary(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli
    from kg.summary import has_summary
    loc = str(tmp_path / "store")
    st = open_store(loc)
    write_articles(st, [article_rdf(ex, "2026-01-01T00:00:00Z") for ex in ARTICLES])
    st.close()
    # as a store written before the cases graph (no pending mark): reindex still reads every report
    (tmp_path / "store" / "kg-cases-pending").unlink(missing_ok=True)
    runner = CliRunner()
    before = runner.invoke(cli, ["timeline", "腾讯", "--store", loc, "--format", "csv"])
    assert before.exit_code == 0, before.output
    res = runner.invoke(cli, ["reindex", "--store", loc])
    assert res.exit_code == 0, res.output
    assert "summary: " in res.output
    st = open_store(loc, read_only=True)
    assert has_summary(st)
    from kg.resolve import CASES_GRAPH
    assert st.query_json(f"ASK {{ GRAPH <{CASES_GRAPH}> {{ ?s ?p ?o }} }}")["boolean"]
    st.close()
    after = runner.invoke(cli, ["timeline", "腾讯", "--store", loc, "--format", "csv"])
    assert after.output == before.output
    page = runner.invoke(cli, ["timeline", "腾讯", "--store", loc, "--format", "csv",
                               "--offset", "2", "--limit", "3"])
    lines = before.output.splitlines()
    assert page.output.splitlines() == [lines[0]] + lines[3:6]
    # a whole csv listing streams a page at a time: the same text
    from kg import cli_analytics
    for size in (1, 4, len(lines) - 1, 1000):
        cli_analytics.STREAM_PAGE = size
        try:
            streamed = runner.invoke(cli, ["timeline", "腾讯", "--store", loc, "--format", "csv"])
        finally:
            cli_analytics.STREAM_PAGE = 1000
        assert streamed.output == before.output, size


def test_summary_read_around_its_entities_or_from_the_whole_store_alike(tmp_path, monkeypatch):
    from kg import summary
    st = open_store(str(tmp_path / "store"))
    write_articles(st, [article_rdf(ex, "2026-01-01T00:00:00Z") for ex in ARTICLES + [UNDATED]])
    st.refresh_cases()
    st.refresh_summary()
    around = _summary_quads(st)
    monkeypatch.setattr(summary, "AROUND_MAX", 0)           # every read over the whole store
    st.refresh_summary(full=True)
    assert _summary_quads(st) == around
    st.close()


def test_a_build_without_summary_drops_it_and_answers_from_the_facts(tmp_path):
    from kg.summary import has_summary
    def fake(article, built_at):
        return article_rdf(EXS[article.id], built_at), (0, 0, 0)
    EXS = {ex.article.id: ex for ex in ARTICLES}
    st = open_store(str(tmp_path / "store"))
    pipeline.build([ex.article for ex in ARTICLES[:2]], st, process_fn=fake)
    assert has_summary(st)
    pipeline.build([ARTICLES[2].article], st, process_fn=fake, summarize=False)
    assert not has_summary(st)                      # never a summary older than the facts
    assert _answers(st) == _answers(st, g=analytics.full_graph(st))
    st.close()


def test_reports_with_case_numbers_count_once_per_number(tmp_path):
    """Two case numbers are two cases even where date, cause and court agree; a report without
    a number joins the numbered one it is compatible with (rivals.rq and rival_rows alike)."""
    ex = _art("n1", "2022-01-01", [],
              [(["腾讯"], ["奇虎360"], "北京知识产权法院", "2021-05", "patent", "(2021)京73民初1号"),
               (["腾讯"], ["奇虎360"], "北京知识产权法院", "2021-05", "patent", "(2021)京73民初2号"),
               (["腾讯"], ["奇虎360"], None, "2021", "patent", None)])
    st = open_store(str(tmp_path / "store"))
    write_articles(st, [article_rdf(ex, "2026-01-01T00:00:00Z")])
    plain = {r[0]: r for r in query.run(st, "rivals", name="腾讯").rows}
    assert plain["奇虎360"][1:4] == ["2", "2021-05", "lawsuit"]
    assert _norm(analytics.rival_rows(st, analytics.match_entities(st, "腾讯"))) == \
        _norm(query.run(st, "rivals", name="腾讯").rows)
    st.close()
