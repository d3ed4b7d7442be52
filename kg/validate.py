"""SHACL validation of a store against `ontology/shapes.ttl` (pyshacl over rdflib)."""
from __future__ import annotations

from rdflib import Graph

from kg.errors import KGError
from kg.paths import ontology_dir
from kg.store import not_system

#: Validation is over the union of the named graphs (every write goes to a named graph), the data
#: only: not the ontology's graph, nor a server's own system graphs (Virtuoso lists some).
UNION_CONSTRUCT = ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
                   + not_system("?g", ontology=True) + " }")


def store_graph(store) -> Graph:
    """The union of every named graph as one rdflib Graph (validation is over the union).

    Read with one CONSTRUCT, which embedded and remote stores alike answer as N-Triples text
    (`query_json(...)["graph"]`), parsed straight into the Graph: exporting N-Quads, parsing
    them into a Dataset and copying that into a Graph held a large store twice over."""
    res = store.query_json(UNION_CONSTRUCT)
    nt = res.get("graph")
    if nt is None:
        raise KGError("the store did not answer a CONSTRUCT query with N-Triples")
    g = Graph()
    if nt.strip():
        g.parse(data=nt, format="nt")
    return g


def validate_graph(data: Graph) -> tuple[bool, str]:
    import pyshacl
    shapes_path = ontology_dir() / "shapes.ttl"
    if not shapes_path.exists():
        raise KGError(f"{shapes_path}: SHACL shapes not found")
    shapes = Graph().parse(shapes_path, format="turtle")
    # No ont_graph: pyshacl then validates the ontology's own triples too and was 400x slower
    # (168 s against 0.4 s on 400 quads); the shapes use explicit types and sh:in instead.
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                         advanced=True)
    return bool(conforms), text.strip()


def validate_store(store) -> tuple[bool, str]:
    return validate_graph(store_graph(store))
