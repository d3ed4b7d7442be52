"""kg.validate: the store's union read by one CONSTRUCT is the union of every named graph's quads,
and validating it gives the verdict and report the export-and-reparse route gave."""
from __future__ import annotations

from rdflib import Dataset, Graph

from kg import pipeline
from kg.store import ONTOLOGY_GRAPH, open_store
from kg.validate import store_graph, validate_graph, validate_store
from tests.test_pipeline import fake_process, write_corpus

KG = "https://rivalry-kg.org/ontology#"


def _union_by_export(store) -> Graph:
    """The data's graphs (validation leaves out the ontology's graph, which the build writes)."""
    ds = Dataset()
    ds.parse(data=store.export("nquads").decode("utf-8"), format="nquads")
    g = Graph()
    for s, p, o, c in ds.quads((None, None, None, None)):
        if str(c) != ONTOLOGY_GRAPH:
            g.add((s, p, o))
    return g


def _store(tmp_path):
    st = open_store(str(tmp_path / "store"))
    pipeline.build([str(write_corpus(tmp_path / "c.jsonl", 12))], st, process_fn=fake_process)
    return st


def test_store_graph_is_the_union_of_the_named_graphs(tmp_path):
    with _store(tmp_path) as st:
        g = store_graph(st)
        assert len(g) > 50 and set(g) == set(_union_by_export(st))
        conforms, report = validate_store(st)
        assert conforms
        assert (conforms, report) == validate_graph(_union_by_export(st))


def test_broken_store_gets_the_same_report(tmp_path):
    with _store(tmp_path) as st:
        st.update(f"INSERT DATA {{ GRAPH <urn:x:bad> {{ <urn:x:r1> a <{KG}Relation> ; "
                  f"<{KG}confidence> \"high\" . }} }}")
        conforms, report = validate_store(st)
        assert not conforms and "urn:x:r1" in report
        assert (conforms, report) == validate_graph(_union_by_export(st))


def test_empty_store_is_an_empty_graph(tmp_path):
    with open_store(str(tmp_path / "empty")) as st:
        assert len(store_graph(st)) == 0
