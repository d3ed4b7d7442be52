"""Analytics over hand-made stores: the graph, rivals, timeline, lawsuits, measures, export."""
from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import analytics as A
from kg.errors import QueryError


def _labels(g):
    return {d["label"] for _, d in g.nodes(data=True)}


def test_graph_nodes_edges_and_evidence(viz_store):
    g = A.graph_from_store(viz_store)
    assert isinstance(g, nx.MultiDiGraph)
    ents = {d["label"] for _, d in g.nodes(data=True) if d["kind"] == "entity"}
    # names resolve through the lexicon (天津滨海法院 is the court's full name); a node told in
    # one language only is labelled in it (Didi, from an English article)
    assert ents == {"腾讯", "字节跳动", "抖音", "微信", "北京知识产权法院", "天津市滨海新区人民法院", "Didi",
                    "Uber"}
    suits = [d for _, d in g.nodes(data=True) if d["kind"] == "lawsuit"]
    assert sorted(s["label"] for s in suits) == ["字节跳动 v 腾讯", "腾讯 v 字节跳动"]
    tencent = A.match_entities(viz_store, "Tencent")
    assert len(tencent) == 1 and g.nodes[tencent[0]]["label"] == "腾讯"
    assert g.nodes[tencent[0]]["qid"] == "Q860580"
    blocks = [d for u, v, d in g.edges(data=True) if d["type"] == "blocks" and
              g.nodes[u]["label"] == "腾讯"]
    assert len(blocks) == 1                           # one event, told by two articles
    assert blocks[0]["date"] == "2018-03-08" and len(blocks[0]["evidence"]) == 2
    assert blocks[0]["confidence"] == pytest.approx(0.9)
    assert {e["title"] for e in blocks[0]["evidence"]} == {"字节跳动晒腾讯合作邮件为哪般？",
                                                          "腾讯起诉字节跳动不正当竞争"}
    roles = sorted(d["type"] for _, _, d in g.edges(data=True) if d.get("lawsuit"))
    assert roles == ["court", "court", "defendant", "defendant", "plaintiff", "plaintiff"]
    competes = [d for _, _, d in g.edges(data=True) if d["type"] == "competes"]
    assert all(not d["directed"] for d in competes)


def test_filters(viz_store):
    g = A.graph_from_store(viz_store, until="2018")
    assert {d["type"] for _, _, d in g.edges(data=True)} == {"blocks", "competes", "acquires"}
    g = A.graph_from_store(viz_store, since="2021-01-01")
    dated = [d for _, _, d in g.edges(data=True) if d.get("earliest")]
    assert dated and all(d["latest"] >= "2021-01-01" for d in dated)
    g = A.graph_from_store(viz_store, relations={"sues"})
    assert {d["type"] for _, _, d in g.edges(data=True)} == {"sues"}
    assert _labels(g) == {"腾讯", "字节跳动"}
    g = A.graph_from_store(viz_store, types={"Company"})
    assert {d["type"] for _, d in g.nodes(data=True)} == {"Company"}
    g = A.graph_from_store(viz_store, min_confidence=0.8)
    assert all(d["confidence"] >= 0.8 for _, _, d in g.edges(data=True))
    g = A.graph_from_store(viz_store, focus="Didi", hops=1)
    assert _labels(g) == {"Didi", "Uber"}
    g = A.graph_from_store(viz_store, focus="抖音", hops=1)
    assert _labels(g) == {"抖音", "腾讯", "微信"}
    g2 = A.graph_from_store(viz_store, focus="抖音", hops=2)
    assert {"字节跳动", "腾讯 v 字节跳动"} <= _labels(g2)
    with pytest.raises(QueryError):
        A.graph_from_store(viz_store, focus="没有这家公司")


def test_rivals_ranked(viz_store):
    t = A.rivals(viz_store, "字节")                      # an alias works
    assert t.rows[0][0] == "腾讯"
    row = t.dicts()[0]
    # sues x2, accuses, competes, two lawsuits
    assert row["hostile"] == 6 and row["latest"] == "2021-02"
    assert set(row["types"].split(",")) == {"sues", "accuses", "competes", "lawsuit"}
    t = A.rivals(viz_store, "腾讯")
    assert [r[0] for r in t.rows] == ["字节跳动", "抖音"]   # more facts first


def test_timeline_chronological(viz_store):
    t = A.timeline(viz_store, "腾讯")
    dates = [r[0] for r in t.rows]
    assert dates[0] == "2018-03-08" and dates[-1] is None          # undated last
    dated = [A._day(d) for d in dates if d]
    assert dated == sorted(dated)
    rows = t.dicts()
    assert any(r["type"] == "lawsuit" and r["role"] == "defendant" for r in rows)
    assert any(r["evidence"] == "2021年2月，字节跳动起诉腾讯垄断。" and r["role"] == "object"
               for r in rows)


def test_lawsuits(viz_store):
    t = A.lawsuits(viz_store)
    assert [r["date"] for r in t.dicts()] == ["2019-03", "2021-02"]
    first = t.dicts()[0]
    assert first["plaintiffs"] == "腾讯" and first["court"] == "天津市滨海新区人民法院"
    assert first["cause"] == "unfair_competition" and first["outcome"] == "pending"
    assert [r["court"] for r in A.lawsuits(viz_store, "滨海法院").dicts()] == ["天津市滨海新区人民法院"]
    assert A.lawsuits(viz_store, "Didi").rows == []


def test_names_are_bound_not_pasted(viz_store):
    before = viz_store.count()
    for evil in ['腾讯" } ; DROP ALL ; #', "腾讯' } }", "?name", "\\", "腾讯\n}"]:
        with pytest.raises(QueryError):
            A.rivals(viz_store, evil)
    assert viz_store.count() == before


def test_measures(viz_store):
    lines, central, groups = A.graph_stats(viz_store)
    assert "8 entities, 2 lawsuits" in lines[0]
    assert central.rows[0][0] == "腾讯"
    members = [r[2] for r in groups.rows]
    assert any("Didi" in m and "Uber" in m for m in members)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_roundtrip(viz_store, fmt):
    data = A.export_graph(viz_store, fmt)
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    g = reader(io.BytesIO(data))
    assert g.number_of_nodes() == 10 and g.number_of_edges() == 14
    labels = {d.get("label") for _, d in g.nodes(data=True)}
    assert "腾讯" in labels


def _cli(args, store):
    from kg.cli import cli
    return CliRunner().invoke(cli, args + ["--store", store.location], catch_exceptions=False)


def test_cli_tables(viz_store):
    loc = viz_store.location
    viz_store.close()
    from kg.store import open_store

    class L:
        location = loc
    r = _cli(["rivals", "字节跳动"], L)
    assert r.exit_code == 0 and "腾讯" in r.output and "hostile" in r.output
    r = _cli(["rivals", "字节跳动", "--format", "json"], L)
    assert json.loads(r.output)[0]["rival"] == "腾讯"
    r = _cli(["timeline", "腾讯", "--format", "csv"], L)
    assert r.output.splitlines()[0].startswith("date,type,role,counterpart,evidence")
    r = _cli(["lawsuits", "--format", "csv"], L)
    assert "天津市滨海新区" in r.output and "北京知识产权法院" in r.output
    r = _cli(["lawsuits", "Didi", "--format", "json"], L)
    assert json.loads(r.output) == []
    r = _cli(["rivals", "没有"], L)
    assert r.exit_code == 1 and "no entity" in r.output
    r = _cli(["stats", "--graph"], L)
    assert r.exit_code == 0 and "communities" in r.output and "腾讯" in r.output
    r = _cli(["export", "--format", "graphml"], L)
    assert r.exit_code == 0 and "<graphml" in r.output
    open_store(loc).close()


def test_cli_table_markup_is_text(tmp_path):
    from tests.conftest import viz_write_store
    from kg.model import Article, Entity, Extraction, Relation
    ex = Extraction(Article("m1", "t", "2020-01-01", "s", "x", sha256="0"),
                    [Entity("[bold red]Evil[/]", "Company"), Entity("腾讯", "Company")],
                    [Relation("sues", "[bold red]Evil[/]", "腾讯", "2020", "[/]", 0, 1)])
    st = viz_write_store(tmp_path / "s", extractions=[ex])
    loc = st.location
    st.close()
    from kg.cli import cli
    r = CliRunner().invoke(cli, ["rivals", "腾讯", "--store", loc])
    assert r.exit_code == 0, r.output
    assert "[bold red]Evil[/]" in r.output
