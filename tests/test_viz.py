"""The HTML viewer without a browser: self-contained, escaped, deterministic, large-graph mode."""
from __future__ import annotations

import json
import re

import pytest

from click.testing import CliRunner

from kg import viz
from kg.analytics import graph_from_store
from tests.conftest import HOSTILE_EVIDENCE, HOSTILE_NAME, HOSTILE_NAME2, viz_synthetic_graph

_REMOTE = re.compile(r"""(?:src|href|action|data)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def _data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_page_is_self_contained(viz_hostile_store, tmp_path):
    out = tmp_path / "g.html"
    info = viz.write_html(viz_hostile_store, str(out))
    page = out.read_text(encoding="utf-8")
    assert "10 entities, 2 lawsuits, 16 edges" in info
    assert not _REMOTE.search(page)
    assert not re.search(r"<link[^>]+stylesheet", page, re.I)
    assert not re.search(r"<script[^>]+src=", page, re.I)
    assert "vis.Network" in page and "bootstrap" not in page.lower()
    assert page.count("</script>") == 3                  # data, vis-network, app: nothing else


def test_untrusted_text_is_escaped(viz_hostile_store, tmp_path):
    out = tmp_path / "g.html"
    viz.write_html(viz_hostile_store, str(out))
    page = out.read_text(encoding="utf-8")
    for raw in (HOSTILE_NAME, HOSTILE_NAME2, "<script>alert(3)</script>", "<b>bold</b>"):
        assert raw not in page
    data = _data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert {HOSTILE_NAME, HOSTILE_NAME2} <= labels     # the JSON still carries the exact text
    texts = {ev["text"] for e in data["edges"] for ev in e.get("evidence", [])}
    assert HOSTILE_EVIDENCE in texts
    # the page never hands data to an HTML parser
    app = page[page.rindex("<script>"):]
    assert "innerHTML" not in app and "insertAdjacentHTML" not in app and "document.write" not in app


def test_title_is_escaped(viz_store, tmp_path):
    out = tmp_path / "g.html"
    viz.write_html(viz_store, str(out), title="<script>alert(1)</script>")
    page = out.read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page


def test_json_for_html_cannot_close_the_element():
    s = viz.json_for_html({"a": "</script><!-- \u2028 & >"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"a": "</script><!-- \u2028 & >"}


def test_view_data_parallel_edges_and_dates(viz_store):
    g = graph_from_store(viz_store)
    data = viz.view_data(g)
    assert len(data["nodes"]) == g.number_of_nodes() and len(data["edges"]) == g.number_of_edges()
    by_label = {n["label"]: n["id"] for n in data["nodes"]}
    pair = {by_label["腾讯"], by_label["字节跳动"]}
    ranks = sorted(e["rank"] for e in data["edges"] if {e["from"], e["to"]} == pair)
    assert ranks == list(range(len(ranks))) and len(ranks) == 4
    assert data["dates"] == sorted(data["dates"]) and data["dates"][0] == "2015-01-01"
    assert not data["large"]
    sym = [e for e in data["edges"] if e["type"] == "competes"]
    assert sym and not any(e["directed"] for e in sym)
    lawsuit = [n for n in data["nodes"] if n["kind"] == "lawsuit"][0]
    assert lawsuit["evidence"] and lawsuit["type"] == "Lawsuit"
    # deterministic: same store, same page data (but for the generation time)
    again = viz.view_data(graph_from_store(viz_store))
    assert [(n["x"], n["y"]) for n in again["nodes"]] == [(n["x"], n["y"]) for n in data["nodes"]]


def test_large_graph_mode_has_precomputed_layout():
    g = viz_synthetic_graph(1200, 3000)
    data = viz.view_data(g)
    assert data["large"]
    xs = {round(n["x"]) for n in data["nodes"]}
    assert len(xs) > 600                                   # spread out, not piled up
    assert all(abs(n["x"]) < 1e6 and abs(n["y"]) < 1e6 for n in data["nodes"])


def test_cli_viz_filters(viz_store, tmp_path):
    loc = viz_store.location
    viz_store.close()
    from kg.cli import cli
    out = tmp_path / "focus.html"
    r = CliRunner().invoke(cli, ["viz", "--store", loc, "-o", str(out), "--focus", "Didi",
                                 "--hops", "1"])
    assert r.exit_code == 0, r.output
    assert "2 entities, 0 lawsuits, 2 edges" in r.output
    data = _data(out.read_text(encoding="utf-8"))
    assert {n["label"] for n in data["nodes"]} == {"Didi", "Uber"}
    assert data["filters"]["focus"] == "Didi"
    r = CliRunner().invoke(cli, ["viz", "--store", loc, "-o", str(out), "--relations",
                                 "sues,lawsuit", "--since", "2021", "--types",
                                 "Company,Court,Lawsuit", "--min-confidence", "0.5"])
    assert r.exit_code == 0, r.output
    data = _data(out.read_text(encoding="utf-8"))
    assert {e["type"] for e in data["edges"]} == {"sues", "plaintiff", "defendant", "court"}
    assert all(e["earliest"] >= "2021" for e in data["edges"])


# ------------------------------------------------------------------ sizes, sources, overview

def test_layout_never_needs_scipy(monkeypatch):
    """networkx's spring_layout imports scipy from 500 nodes on; scipy is not a dependency."""
    import sys
    monkeypatch.setitem(sys.modules, "scipy", None)        # `import scipy` now fails
    g = viz_synthetic_graph(600, 1200)
    data = viz.view_data(g)
    assert len(data["nodes"]) == 600 and len({(n["x"], n["y"]) for n in data["nodes"]}) > 550


def test_edge_sources_count_distinct_articles(viz_store):
    data = viz.view_data(graph_from_store(viz_store))
    by_label = {n["id"]: n["label"] for n in data["nodes"]}
    blocks = [e for e in data["edges"] if e["type"] == "blocks" and by_label[e["to"]] == "抖音"
              and by_label[e["from"]] == "腾讯"]
    assert len(blocks) == 1 and blocks[0]["sources"] == 2 and len(blocks[0]["evidence"]) == 2
    once = [e for e in data["edges"] if e["type"] == "acquires"]
    assert once[0]["sources"] == 1
    # evidence names its article by index; the article is listed once
    arts = data["articles"]
    assert len(arts) == len({a["id"] for a in arts}) == 3
    assert {arts[ev["a"]]["title"] for ev in blocks[0]["evidence"]} == {
        "字节跳动晒腾讯合作邮件为哪般？", "腾讯起诉字节跳动不正当竞争"}


def test_two_sentences_of_one_article_are_one_source():
    import networkx as nx
    g = nx.MultiDiGraph()
    g.add_node("a", label="A", type="Company")
    g.add_node("b", label="B", type="Company")
    ev = [{"text": "s1", "article": "x"}, {"text": "s2", "article": "x"}]
    g.add_edge("a", "b", key="r", type="sues", date="2020-01", earliest="2020-01-01", evidence=ev)
    e = viz.view_data(g)["edges"][0]
    assert e["sources"] == 1 and len(e["evidence"]) == 2 and e["month"] == "2020-01"


def test_overview_keeps_the_most_connected_within_budget():
    g = viz_synthetic_graph(1500, 4000)
    data = viz.view_data(g, max_nodes=400, max_edges=1000)
    assert data["note"] and "--focus" in data["note"] and "Left out" in data["note"]
    assert len(data["nodes"]) <= 400 and len(data["edges"]) <= 1000
    assert data["total"] == {"nodes": 1500, "edges": 4000}
    kept = {n["iri"] for n in data["nodes"]}
    top = sorted(g, key=lambda n: -g.degree(n))[:20]
    assert set(top) <= kept                                # the hubs are there
    small = viz.view_data(viz_synthetic_graph(200, 400))
    assert small["note"] is None and len(small["nodes"]) == 200


def test_page_files_are_package_data():
    from pathlib import Path
    here = Path(viz.__file__).parent
    for name in ("page.html", "viewer.css", "viewer.js"):
        assert (here / name).is_file()
    page = viz.render_html(viz_synthetic_graph(10, 12))
    assert "%%" not in page.replace("100%", "")              # every placeholder filled
    assert (here / "viewer.js").read_text(encoding="utf-8").strip()[:40] in page


# ------------------------------------------------------------------ kg timeline --plot

def _plot(loc, path, *extra):
    from kg.cli import cli
    return CliRunner().invoke(cli, ["timeline", "腾讯", "--store", loc, "--plot", str(path),
                                    *extra])


def test_timeline_plot_writes_png_and_svg(viz_store, tmp_path):
    loc = viz_store.location
    viz_store.close()
    png = tmp_path / "tencent.png"
    r = _plot(loc, png, "--format", "csv")
    assert r.exit_code == 0, r.output
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    assert "2018-03-08,blocks,subject,抖音" in r.stdout        # the table still comes out
    svg = tmp_path / "tencent.svg"
    assert _plot(loc, svg).exit_code == 0
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "lawsuit" in text
    r = _plot(loc, tmp_path / "tencent.pdf")
    assert r.exit_code != 0 and "png or .svg" in r.output and not (tmp_path / "tencent.pdf").exists()


def test_chart_counts_facts_once_and_skips_year_only(viz_store):
    from kg.analytics import match_entities
    from kg.viz.chart import chart_facts, month_counts
    g = graph_from_store(viz_store)
    me = match_entities(viz_store, "腾讯")
    counts, left = month_counts(chart_facts(g, me))
    assert counts["2018-03"] == {"blocks": 1}               # one fact, two articles
    assert counts["2021-02"] == {"sues": 1, "lawsuit": 1}
    assert left == 1                                         # competes, undated
    assert all(len(m) == 7 for m in counts)


# ------------------------------------------------------------ kg viz reads only what it draws

def _same_graph(a, b):
    """Node for node, edge for edge (keys), attributes included."""
    assert set(a.nodes) == set(b.nodes)
    assert all(a.nodes[n] == b.nodes[n] for n in a)
    ea = {(u, v, k): d for u, v, k, d in a.edges(keys=True, data=True)}
    eb = {(u, v, k): d for u, v, k, d in b.edges(keys=True, data=True)}
    assert set(ea) == set(eb)
    assert all(ea[k] == eb[k] for k in ea)


def _fastpath_store(path):
    """The store of tests/test_fastpath.py: undated and vaguer reports of one fact, a case told
    by several reports, a countersuit, a case number, a multi-party suit; cases graph written."""
    from kg.rdf import article_rdf
    from kg.store import open_store, write_articles
    from tests.test_fastpath import ARTICLES
    st = open_store(str(path))
    write_articles(st, [article_rdf(ex, "2026-01-01T00:00:00Z") for ex in ARTICLES])
    st.refresh_cases()
    return st


def _check_store_overview(st, max_nodes, max_edges):
    from kg.analytics import full_graph
    from kg.viz.overview import OVERVIEW_EDGES, OVERVIEW_NODES, overview
    from kg.viz.store_overview import entity_weights, read_overview
    fast = read_overview(st, max_nodes, max_edges)
    full = overview(full_graph(st), min(max_nodes, OVERVIEW_NODES),
                    min(max_edges, OVERVIEW_EDGES), weights=entity_weights(st))
    _same_graph(fast.graph, full.graph)
    # same counts of entities and lawsuits, kept and in all
    assert fast.note.split(" lawsuits,")[0] == full.note.split(" lawsuits,")[0]
    assert f"lawsuits, {fast.graph.number_of_edges():,} facts." in fast.note
    return fast, full


def test_store_overview_is_the_full_graphs_overview(tmp_path):
    """What kg viz reads for a big store (counts, then the facts and cases of the kept
    entities) gives the overview of the whole graph: same entities, lawsuits, edges, attributes."""
    st = _fastpath_store(tmp_path / "fp")
    try:
        for max_nodes, max_edges in ((4, 6), (6, 12), (9, 16)):
            fast, full = _check_store_overview(st, max_nodes, max_edges)
            assert 0 < fast.graph.number_of_nodes() <= max_nodes
        kinds = {d["kind"] for _, d in fast.graph.nodes(data=True)}
        assert kinds == {"entity", "lawsuit"}
        assert any(len(d.get("reports", [])) > 1 for _, d in fast.graph.nodes(data=True))
        assert any(len(d["evidence"]) > 1 for *_, d in fast.graph.edges(data=True))
        from kg.viz.store_overview import read_overview
        assert read_overview(st) is None                  # small: drawn whole, as before
    finally:
        st.close()


def test_store_overview_without_a_cases_graph(tmp_path):
    """A store written before the cases graph (the rule computed, as full_graph does): the same
    overview as the whole graph's, on 1,217 nodes."""
    from tests.conftest import synthetic_store
    st = synthetic_store(tmp_path / "syn")
    try:
        fast, _ = _check_store_overview(st, 300, 600)
        assert fast.graph.number_of_nodes() == 300
        assert "most connected of 1,097 entities" in fast.note and "--focus" in fast.note
    finally:
        st.close()


def _check_filtered_overview(st, f, max_nodes, max_edges):
    """read_overview with filters == the overview of the whole graph filtered as today."""
    from kg.analytics import filter_graph, full_graph
    from kg.viz.overview import OVERVIEW_EDGES, OVERVIEW_NODES, overview
    from kg.viz.store_overview import entity_weights, read_overview
    fast = read_overview(st, max_nodes, max_edges, filters=f)
    h = filter_graph(full_graph(st), f)
    if fast is None:                    # what may pass is small: the filtered graph drawn whole
        assert h.number_of_nodes() <= max_nodes and h.number_of_edges() <= max_edges
        return None, h
    full = overview(h, min(max_nodes, OVERVIEW_NODES), min(max_edges, OVERVIEW_EDGES),
                    weights=entity_weights(st, f))
    _same_graph(fast.graph, full.graph)
    return fast, h


_FILTERS = [  # each filter alone, then two combined (dates as graph_from_store passes them)
    dict(since="2018-06-01"),            # a vaguer report (2018) passes, its fact (2018-03-08) not
    dict(until="2019-12-31"),
    dict(relations={"sues", "blocks"}),
    dict(relations={"lawsuit", "competes"}),
    dict(types={"Company", "Lawsuit"}),
    dict(types={"Company"}),             # no lawsuits at all
    dict(min_confidence=0.5),
    dict(since="2019-01-01", relations={"sues", "lawsuit"}),
    dict(until="2020-12-31", types={"Company", "Court", "Lawsuit"}),
]


@pytest.mark.parametrize("kw", _FILTERS, ids=lambda kw: "+".join(sorted(kw)))
def test_filtered_store_overview_is_the_filtered_graphs_overview(tmp_path, kw):
    """kg viz --since/--until/--relations/--types/--min-confidence on a big store reads the
    overview with the filters pushed into its reads: the same graph, node for node and edge
    for edge, as the whole graph filtered (filter_graph) and then overviewed."""
    from kg.analytics import Filters
    st = _fastpath_store(tmp_path / "fp")
    try:
        f = Filters(**kw)
        drawn = 0
        for max_nodes, max_edges in ((1, 1), (2, 3), (4, 6), (6, 12)):
            fast, h = _check_filtered_overview(st, f, max_nodes, max_edges)
            if fast is not None:
                drawn += fast.graph.number_of_nodes()
                assert set(fast.graph) <= set(h)
        assert drawn > 0
        from kg.viz.store_overview import read_overview
        assert read_overview(st, filters=f) is None       # small: the filtered graph drawn whole
    finally:
        st.close()


def test_filtered_overview_on_a_bigger_store(tmp_path):
    """The same on 1,100 entities (cases graph written): dates, relation types and both."""
    from kg.analytics import Filters
    from tests.conftest import synthetic_store
    st = synthetic_store(tmp_path / "syn")
    try:
        st.refresh_cases()
        for kw in (dict(since="2020-01-01"), dict(relations={"sues", "lawsuit"}),
                   dict(until="2018-12-31", types={"Company", "Lawsuit"})):
            fast, h = _check_filtered_overview(st, Filters(**kw), 200, 400)
            assert 100 < fast.graph.number_of_nodes() <= 200 < h.number_of_nodes()
    finally:
        st.close()


@pytest.mark.parametrize("name,hops,since", [("腾讯", 0, None), ("腾讯", 1, None),
                                             ("抖音", 2, None), ("奇虎360", 1, "2010-06"), ("腾讯", 2, "2019")])
def test_focus_reads_around_the_name(tmp_path, name, hops, since):
    """kg viz --focus reads around the name (widening until every entity within the hops is
    read) and gives the graph the whole store's graph gives."""
    from kg.analytics import Filters, _cases_complete, _day, filter_graph, full_graph, match_entities
    st = _fastpath_store(tmp_path / "fp")
    try:
        assert _cases_complete(st)                        # else the whole store is read
        got = graph_from_store(st, focus=name, hops=hops, since=since)
        f = Filters(name, hops, _day(since) if since else None)
        want = filter_graph(full_graph(st), f, match_entities(st, name))
        _same_graph(got, want)
        assert got.number_of_nodes() > (1 if hops else 0)
        assert viz.layout(got) == viz.layout(want)        # whatever order the nodes came in
    finally:
        st.close()
