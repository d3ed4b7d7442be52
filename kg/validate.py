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


_SH = "http://www.w3.org/ns/shacl#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


def _sparql_constraints_apart(shapes: Graph):
    """The shapes without their sh:sparql constraints, and each constraint as one query over the
    whole graph (its $this bound to the shape's target class); None when a shape is not of the
    simple form this handles (then pyshacl checks everything)."""
    from rdflib import URIRef
    sh = lambda n: URIRef(_SH + n)  # noqa: E731
    rest = Graph()
    for t in shapes:
        rest.add(t)
    queries = []
    for shape, _, c in shapes.triples((None, sh("sparql"), None)):
        targets = list(shapes.objects(shape, sh("targetClass")))
        selects = list(shapes.objects(c, sh("select")))
        others = {p for p, _ in shapes.predicate_objects(shape)} & {
            sh("target"), sh("targetNode"), sh("targetSubjectsOf"), sh("targetObjectsOf")}
        if (len(targets) != 1 or len(selects) != 1 or others
                or any(shapes.objects(c, sh("prefixes"))) or any(shapes.objects(c, sh("deactivated")))):
            return None
        q = str(selects[0]).replace("$this", "?this")
        i = q.find("{", q.upper().find("WHERE"))
        if "$" in q or i < 0:
            return None
        focus = f" ?this <{_RDF_TYPE}>/<{_SUBCLASS}>* <{targets[0]}> . "
        queries.append(q[:i + 1] + focus + q[i + 1:])
        rest.remove((shape, sh("sparql"), c))
    return rest, queries


def validate_graph(data: Graph) -> tuple[bool, str]:
    import pyshacl
    shapes_path = ontology_dir() / "shapes.ttl"
    if not shapes_path.exists():
        raise KGError(f"{shapes_path}: SHACL shapes not found")
    shapes = Graph().parse(shapes_path, format="turtle")
    # No ont_graph: pyshacl then validates the ontology's own triples too and was 400x slower
    # (168 s against 0.4 s on 400 quads); the shapes use explicit types and sh:in instead.
    #
    # pyshacl runs a SPARQL constraint once per focus node: on 17k triples the two in
    # shapes.ttl took 33 of 37 s of CPU.  So the other shapes go through pyshacl and each SPARQL
    # constraint is one query over the graph; only when either finds something does the full
    # pyshacl run make the report (the same report as before, in every case).
    apart = _sparql_constraints_apart(shapes)
    if apart is not None:
        rest, queries = apart
        conforms, _, text = pyshacl.validate(data, shacl_graph=rest, inference="none",
                                             advanced=True)
        if conforms and not any(len(data.query(q)) for q in queries):
            return True, text.strip()
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                         advanced=True)
    return bool(conforms), text.strip()


def validate_store(store) -> tuple[bool, str]:
    return validate_graph(store_graph(store))
