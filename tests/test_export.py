"""Exports read back by the tools they are for: rdflib and pyld (JSON-LD), networkx (GEXF),
csv (Neo4j import headers); the ontology in its own graph of the store and of every export."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import pipeline, query
from kg.cli import cli
from kg.export import export_graph, jsonld
from kg.model import RELATION_TYPES
from kg.store import ONTOLOGY_GRAPH, open_store
from tests.conftest import viz_write_store
from tests.test_pipeline import fake_process, write_corpus

BUILT_AT = "2026-01-01T00:00:00Z"          # how viz_write_store stamps kg:builtAt


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The hand-made articles of conftest (dates of every precision, lawsuits) and the ontology."""
    st = viz_write_store(tmp_path_factory.mktemp("export") / "store")
    st.write_ontology()
    yield st
    st.close()


def _store_nquads(st) -> set[str]:
    return set(st.export("nquads").decode("utf-8").splitlines())


def test_jsonld_has_a_context_and_compact_keys(store):
    doc = json.loads(store.export("jsonld"))
    ctx = doc["@context"]
    for prefix in ("kg", "rdfs", "prov", "dcterms", "skos", "owl", "xsd"):
        assert ctx[prefix].startswith("http")
    keys = set()

    def walk(x):
        if isinstance(x, dict):
            keys.update(x)
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(doc["@graph"])
    assert {"kg:relationType", "rdfs:label", "prov:wasDerivedFrom", "dcterms:title"} <= keys
    assert not [k for k in keys if k.startswith("http")]          # no full IRI as a key
    assert store.export("jsonld") == store.export("jsonld")       # byte-identical runs


def test_jsonld_reads_back_as_the_same_quads_with_pyld_and_rdflib(store):
    pyld = pytest.importorskip("pyld")
    data = store.export("jsonld")
    nq = pyld.jsonld.to_rdf(json.loads(data), {"format": "application/n-quads"})
    assert set(nq.splitlines()) == _store_nquads(store)          # every lexical form kept
    from rdflib import Dataset, Literal, URIRef
    ds = Dataset()
    ds.parse(data=data.decode("utf-8"), format="json-ld")
    assert len(list(ds.quads((None, None, None, None)))) == store.count()
    onto = ds.graph(URIRef(ONTOLOGY_GRAPH))
    company = URIRef("https://rivalry-kg.org/ontology#Company")
    labels = set(onto.objects(company, URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
    assert Literal("company", lang="en") in labels and Literal("公司", lang="zh") in labels


def test_built_at_has_one_form_in_every_format(store):
    for fmt in ("nquads", "trig", "turtle", "ntriples", "jsonld"):
        text = store.export(fmt).decode("utf-8")
        assert BUILT_AT in text, fmt
        assert "+00:00" not in text, fmt


def test_dates_keep_their_precision_in_jsonld(store):
    doc = json.loads(jsonld(store._store))
    values = json.dumps(doc, ensure_ascii=False)
    assert '{"@value": "2021-02", "@type": "xsd:gYearMonth"}' in values
    assert '{"@value": "2015", "@type": "xsd:gYear"}' in values
    assert '{"@value": "2018-03-08", "@type": "xsd:date"}' in values


def test_the_build_writes_the_ontology_in_its_own_graph(tmp_path):
    with open_store(str(tmp_path / "s")) as st:
        pipeline.build([str(write_corpus(tmp_path / "c.jsonl", 4))], st, process_fn=fake_process)
        assert ONTOLOGY_GRAPH in st.named_graphs()
        # The subclass axioms are there: companies are prov:Agents through prov:Organization.
        # Over the default graph (the union of the graphs, ontology included) ...
        agents = query.run(st, "SELECT DISTINCT ?x WHERE { ?x a/rdfs:subClassOf* prov:Agent }").rows
        assert len(agents) >= 2 and all("/entity/" in r[0] for r in agents)
        # ... or naming the graphs, as on any SPARQL server.
        named = query.run(st, f"SELECT DISTINCT ?x WHERE {{ GRAPH <https://rivalry-kg.org/id/graph/"
                              f"entities> {{ ?x a ?c }} GRAPH <{ONTOLOGY_GRAPH}> "
                              "{ ?c rdfs:subClassOf* prov:Agent } }").rows
        assert sorted(named) == sorted(agents)
        n = st.count()
        pipeline.build([str(tmp_path / "c.jsonl")], st, process_fn=fake_process)
        assert st.count() == n                           # rewritten, not added twice
        from kg.stats import store_stats
        first = store_stats(st)[0]
        assert "in 6 named graphs" in first and "ontology" in first       # 4 articles + 2 shared
        from kg.validate import validate_store
        assert validate_store(st)[0]                      # the shapes check the data, not the ontology
        assert f"<{ONTOLOGY_GRAPH}>".encode() in st.export("trig")


def test_gexf_keeps_the_relation_and_times_for_the_timeline(store):
    data = export_graph(store, "gexf")
    g = nx.read_gexf(io.BytesIO(data))
    assert g.graph.get("mode") == "dynamic"
    roles = {"plaintiff", "defendant", "court"}
    rels = [d.get("relation") for _, _, d in g.edges(data=True)]
    assert rels and set(rels) <= set(RELATION_TYPES) | roles
    assert {"blocks", "sues", "acquires", "plaintiff"} <= set(rels)
    dated = [d for _, _, d in g.edges(data=True) if d.get("date")]
    assert dated and all(d["start"] == d["earliest"] and d["end"] == d["latest"] for d in dated)
    month = next(d for d in dated if d["date"] == "2021-02" and d["relation"] == "sues")
    assert (month["start"], month["end"]) == ("2021-02-01", "2021-02-28")
    undated = [d for _, _, d in g.edges(data=True) if not d.get("date")]
    assert undated and not any("start" in d for d in undated)
    root = ET.fromstring(data)
    ns = {"g": root.tag[1:].split("}")[0]}
    graph = root.find("g:graph", ns)
    assert graph.get("timeformat") == "date"
    assert all(e.get("type") in (None, "directed", "undirected", "mutual")
               for e in root.iter(f"{{{ns['g']}}}edge"))


def test_graphml_still_reads(store):
    g = nx.read_graphml(io.BytesIO(export_graph(store, "graphml")))
    assert g.number_of_edges() == 14
    assert {d.get("relation") for _, _, d in g.edges(data=True)} >= {"blocks", "sues"}


def test_neo4j_export_has_import_headers_and_a_cypher_script(store, tmp_path):
    out = tmp_path / "neo"
    r = CliRunner().invoke(cli, ["export", "--store", store.location, "--format", "neo4j",
                                 "-o", str(out)])
    assert r.exit_code == 0, r.output
    with open(out / "nodes.csv", encoding="utf-8", newline="") as f:
        nodes = list(csv.reader(f))
    with open(out / "relationships.csv", encoding="utf-8", newline="") as f:
        rels = list(csv.reader(f))
    assert nodes[0][:2] == ["id:ID", ":LABEL"] and "name" in nodes[0]
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    ids = {r[0] for r in nodes[1:]}
    assert len(ids) == len(nodes) - 1 == 10
    assert all(r[0] in ids and r[1] in ids for r in rels[1:])
    assert len(rels) - 1 == 14
    types = {r[2] for r in rels[1:]}
    assert {"BLOCKS", "SUES", "PLAINTIFF", "DEFENDANT"} <= types
    labels = {r[1] for r in nodes[1:]}
    assert "KG;Entity;Company" in labels and "KG;Lawsuit" in labels
    name = nodes[0].index("name")
    assert "腾讯" in {r[name] for r in nodes[1:]}
    cypher = (out / "load.cypher").read_text(encoding="utf-8")
    assert "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv'" in cypher
    assert all(f"[r:{t}]" in cypher for t in types)


def test_neo4j_export_needs_a_directory(store):
    r = CliRunner().invoke(cli, ["export", "--store", store.location, "--format", "neo4j"])
    assert r.exit_code == 2 and "-o DIR" in r.output
