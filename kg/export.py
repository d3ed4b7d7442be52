"""The store for other tools: RDF files (TriG, Turtle, N-Quads, N-Triples, JSON-LD), the rivalry
graph for Gephi and networkx (GEXF, GraphML), and CSVs for Neo4j.

RDF is written from the quads as the store keeps them (pyoxigraph terms), so a literal keeps its
lexical form in every format: `kg:builtAt "2026-12-06T22:56:50Z"` is the same text in N-Quads,
TriG, Turtle and JSON-LD (rdflib would rewrite it `+00:00`), and a date keeps its precision
(`"2011"^^xsd:gYear`, `"2012-07"^^xsd:gYearMonth`).  Every export holds the ontology's graph
(`kg.store.ONTOLOGY_GRAPH`) beside the data.

- JSON-LD: one document with a `@context` of the project's prefixes (`kg:`, `kgid:`, `rdfs:`,
  `prov:`, `dcterms:`, `skos:`, `owl:`, `xsd:` ...), so keys read `kg:relationType`, not full
  IRIs; each named graph is a `{"@id": graph, "@graph": [...]}` object; nodes, keys and values
  sorted, so two exports of the same store are byte-identical.
- GEXF (Gephi, networkx): the relation type is the edge attribute `relation` (GEXF reserves an
  edge's `type` for directed/undirected, and Gephi and networkx drop a relation written there);
  the graph is `mode="dynamic"` and each dated edge has `start`/`end`: the first and last day its
  date can mean (2011 -> 2011-01-01 .. 2011-12-31), for Gephi's timeline.  Undated edges are
  always present.
- Neo4j: `kg export --format neo4j -o DIR` writes `nodes.csv` and `relationships.csv` with
  `neo4j-admin database import full` headers (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`,
  typed properties such as `confidence:float`; labels `KG`, `Entity` or `Lawsuit`, and the entity
  type) and `load.cypher`, the same data through `LOAD CSV` for a running server (copy the CSVs
  into its import directory).
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from kg.errors import QueryError, StoreError

RDF_FORMATS = ("trig", "turtle", "nquads", "ntriples", "jsonld")
GRAPH_FORMATS = ("graphml", "gexf")

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def context() -> dict[str, str]:
    """The JSON-LD `@context` (and Turtle's prefixes): the project's prefixes (kg.rdf.PREFIXES)
    and the ontology's own vocabulary (vann:)."""
    from kg.rdf import PREFIXES
    return {**PREFIXES, "vann": "http://purl.org/vocab/vann/"}


# ------------------------------------------------------------------------------------- RDF

def serialize_dataset(store, fmt: str) -> bytes:
    """A pyoxigraph Store (on disk or in memory) as `fmt`, one of RDF_FORMATS."""
    import pyoxigraph as ox
    if fmt == "trig":
        return ox.serialize(_sorted_quads(store), format=ox.RdfFormat.TRIG)
    if fmt == "nquads":
        return store.dump(format=ox.RdfFormat.N_QUADS)
    if fmt == "jsonld":
        return jsonld(store)
    if fmt in ("turtle", "ntriples"):
        # Formats without graphs: the union of the graphs, each triple once, in a fixed order.
        triples = sorted({q.triple for q in store}, key=_triple_key)
        if fmt == "ntriples":
            return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=context())
    raise StoreError(f"unknown export format {fmt!r} ({', '.join(RDF_FORMATS + GRAPH_FORMATS)}, "
                     "neo4j)")


def _triple_key(t):
    return (str(t.subject), str(t.predicate), str(t.object))


def _sorted_quads(store):
    """The store's quads graph by graph, graphs in IRI order (the default graph first) and each
    graph's triples sorted, so TriG comes out the same whatever store holds them (on disk or the
    in-memory copy of a remote one) and in whatever order it lists its graphs.  One graph is
    sorted at a time."""
    import pyoxigraph as ox
    graphs = [ox.DefaultGraph()] + sorted(store.named_graphs(), key=str)
    for g in graphs:
        yield from sorted(store.quads_for_pattern(None, None, None, g),
                          key=lambda q: (str(q.subject), str(q.predicate), str(q.object)))


class _Compactor:
    """IRIs as compact IRIs (`kg:Company`) under the context's prefixes, where that is safe."""

    def __init__(self, prefixes: dict[str, str]):
        # Longest namespace first, so kgid: wins over a shorter namespace that also matches.
        self.spaces = sorted(((ns, p) for p, ns in prefixes.items()), key=lambda x: -len(x[0]))

    def __call__(self, iri: str) -> str:
        for ns, prefix in self.spaces:
            if iri.startswith(ns) and len(iri) > len(ns):
                rest = iri[len(ns):]
                if not rest.startswith("//"):
                    return f"{prefix}:{rest}"
        return iri


def _jsonld_value(term, compact) -> object:
    import pyoxigraph as ox
    if isinstance(term, ox.NamedNode):
        return {"@id": compact(term.value)}
    if isinstance(term, ox.BlankNode):
        return {"@id": f"_:{term.value}"}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    dt = term.datatype.value
    if dt == XSD + "string":
        return term.value
    if dt == XSD + "integer" and re.fullmatch(r"-?(0|[1-9][0-9]{0,15})", term.value):
        return int(term.value)                  # canonical and exact as a JSON number
    return {"@value": term.value, "@type": compact(dt)}


def _sort_key(v) -> tuple:
    if isinstance(v, dict):
        return (1, json.dumps(v, ensure_ascii=False, sort_keys=True))
    return (0, json.dumps(v, ensure_ascii=False))


def jsonld(store) -> bytes:
    """The dataset as compacted JSON-LD 1.1 with a `@context` (see the module doc)."""
    import pyoxigraph as ox
    prefixes = context()
    compact = _Compactor(prefixes)
    graphs: dict[str | None, dict[str, dict[str, list]]] = {}
    for q in store:
        g = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name
        gkey = None if g is None else (compact(g.value) if isinstance(g, ox.NamedNode)
                                       else f"_:{g.value}")
        s = q.subject
        skey = compact(s.value) if isinstance(s, ox.NamedNode) else f"_:{s.value}"
        node = graphs.setdefault(gkey, {}).setdefault(skey, {})
        p = q.predicate.value
        if p == RDF_TYPE and isinstance(q.object, ox.NamedNode):
            node.setdefault("@type", []).append(compact(q.object.value))
        else:
            node.setdefault(compact(p), []).append(_jsonld_value(q.object, compact))

    def nodes(subjects: dict[str, dict[str, list]]) -> list[dict]:
        out = []
        for sid in sorted(subjects):
            props = subjects[sid]
            obj: dict = {"@id": sid}
            if "@type" in props:
                types = sorted(set(props["@type"]))
                obj["@type"] = types[0] if len(types) == 1 else types
            for key in sorted(k for k in props if k != "@type"):
                vals = sorted(props[key], key=_sort_key)
                obj[key] = vals[0] if len(vals) == 1 else vals
            out.append(obj)
        return out

    top = nodes(graphs.get(None, {}))
    for gid in sorted(k for k in graphs if k is not None):
        top.append({"@id": gid, "@graph": nodes(graphs[gid])})
    doc = {"@context": prefixes, "@graph": top}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# ------------------------------------------------------------------------ graph exports

def _flat(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, str)):
        return value
    if isinstance(value, (list, tuple, set)):
        if value and all(isinstance(v, dict) for v in value):
            return " ‖ ".join(v.get("text") or "" for v in value)
        return "|".join(str(v) for v in value)
    return str(value)


def flat_graph(g):
    """A copy of kg.analytics.full_graph's graph with only scalar attributes (GraphML/GEXF
    cannot hold lists or None), the relation type as the edge attribute `relation` and, on
    dated edges, `start`/`end` (the first and last day the date can mean)."""
    import networkx as nx
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        attrs = {k: _flat(v) for k, v in d.items()}
        h.add_node(n, **{k: v for k, v in attrs.items() if v is not None})
    for u, v, k, d in g.edges(keys=True, data=True):
        attrs = {kk: _flat(vv) for kk, vv in d.items() if kk != "type"}
        attrs["relation"] = d["type"]
        if d.get("evidence"):
            first = d["evidence"][0]
            attrs.update(article=first.get("title") or first.get("article"),
                         source=first.get("source"), sources=len(d["evidence"]))
        attrs["label"] = d["type"] + (f" {d['date']}" if d.get("date") else "")
        if d.get("earliest") or d.get("latest"):
            attrs["start"] = d.get("earliest") or d.get("latest")
            attrs["end"] = d.get("latest") or d.get("earliest")
        h.add_edge(u, v, key=k, **{kk: vv for kk, vv in attrs.items() if vv is not None})
    return h


def export_graph(store, fmt: str) -> bytes:
    """The rivalry graph as GraphML or GEXF (for Gephi and networkx users)."""
    import networkx as nx
    from kg.analytics import full_graph
    g = flat_graph(full_graph(store))
    buf = io.BytesIO()
    if fmt == "graphml":
        h = g.copy()
        for _, _, d in h.edges(data=True):       # GraphML has no timeline: keep the days apart
            d.pop("start", None)
            d.pop("end", None)
        nx.write_graphml(h, buf, encoding="utf-8")
    elif fmt == "gexf":
        g.graph["mode"] = "dynamic"
        nx.write_gexf(g, buf, encoding="utf-8")
    else:
        raise QueryError(f"unknown graph format {fmt!r} (graphml, gexf)")
    return buf.getvalue()


# -------------------------------------------------------------------------------- Neo4j

NODE_FIELDS = [("id:ID", "id"), (":LABEL", None), ("name", "label"), ("type", "type"),
               ("aliases:string[]", "aliases"), ("wikidata", "qid"), ("date", "date"),
               ("cause", "cause"), ("court", "court"), ("claimed:float", "claimed"),
               ("currency", "currency"), ("outcome", "outcome"), ("case_number", "case_number"),
               ("confidence:float", "confidence"), ("evidence", "evidence")]
REL_FIELDS = [(":START_ID", None), (":END_ID", None), (":TYPE", None), ("iri", None),
              ("date", "date"), ("earliest:date", "earliest"), ("latest:date", "latest"),
              ("confidence:float", "confidence"), ("directed:boolean", "directed"),
              ("sources:int", None), ("evidence", "evidence"), ("article", None),
              ("source", None)]
ARRAY_DELIMITER = ";"          # neo4j-admin's default --array-delimiter

CYPHER_HEADER = """// rivalry-kg export for Neo4j, two ways:
//   neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j
// or, on a running server: copy nodes.csv and relationships.csv into its import directory and
// run this script (cypher-shell -f load.cypher).  One statement per label set and per
// relationship type (Cypher cannot take either from a column without a plugin).
CREATE CONSTRAINT kg_node_id IF NOT EXISTS FOR (n:KG) REQUIRE n.id IS UNIQUE;
"""

def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, " ") for v in value)
    return str(value)


def _rel_type(name: str) -> str:
    """A relationship type as Neo4j writes them: SUES, PLAINTIFF (letters, digits, _)."""
    return re.sub(r"[^A-Za-z0-9_]", "_", name).upper()


def neo4j_tables(store) -> tuple[list[list[str]], list[list[str]]]:
    """(nodes rows, relationships rows), each with its header row first."""
    from kg.analytics import full_graph
    g = full_graph(store)
    nodes = [[h for h, _ in NODE_FIELDS]]
    for n in sorted(g):
        d = g.nodes[n]
        labels = ["KG", "Lawsuit" if d.get("kind") == "lawsuit" else "Entity"]
        if d.get("type") and d.get("type") != "Lawsuit":
            labels.append(d["type"])
        row = []
        for header, key in NODE_FIELDS:
            if header == "id:ID":
                row.append(n)
            elif header == ":LABEL":
                row.append(";".join(labels))
            elif key == "evidence":
                ev = d.get("evidence") or []
                row.append(ev[0].get("text") if ev else "")
            else:
                row.append(_cell(d.get(key)))
        nodes.append(row)
    rels = [[h for h, _ in REL_FIELDS]]
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        ev = d.get("evidence") or []
        first = ev[0] if ev else {}
        values = {":START_ID": u, ":END_ID": v, ":TYPE": _rel_type(d["type"]),
                  "iri": d.get("lawsuit") or k, "sources:int": str(len(ev)),
                  "evidence": first.get("text") or "",
                  "article": first.get("title") or first.get("article") or "",
                  "source": first.get("source") or ""}
        rels.append([values[h] if h in values else _cell(d.get(key)) for h, key in REL_FIELDS])
    return nodes, rels


def load_cypher(nodes: list[list[str]], rels: list[list[str]]) -> str:
    """LOAD CSV statements reading the two CSVs: one per node label set, one per relationship
    type."""
    out = [CYPHER_HEADER]
    for labels in sorted({r[1] for r in nodes[1:]}):
        lab = ":".join(f"`{x}`" for x in labels.split(";"))
        out.append(
            "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n"
            f"WITH row WHERE row.`:LABEL` = '{labels}'\n"
            f"MERGE (n:{lab} {{id: row.`id:ID`}})\n"
            "SET n.name = row.name, n.type = row.type, n.wikidata = row.wikidata,\n"
            "    n.aliases = CASE row.`aliases:string[]` WHEN '' THEN [] "
            "ELSE split(row.`aliases:string[]`, ';') END,\n"
            "    n.date = row.date, n.cause = row.cause, n.court = row.court,\n"
            "    n.claimed = toFloat(row.`claimed:float`), n.currency = row.currency,\n"
            "    n.outcome = row.outcome, n.case_number = row.case_number,\n"
            "    n.confidence = toFloat(row.`confidence:float`), n.evidence = row.evidence;\n")
    for t in sorted({r[2] for r in rels[1:]}):
        out.append(
            "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\n"
            f"WITH row WHERE row.`:TYPE` = '{t}'\n"
            "MATCH (a:KG {id: row.`:START_ID`}), (b:KG {id: row.`:END_ID`})\n"
            f"CREATE (a)-[r:{t}]->(b)\n"
            "SET r.iri = row.iri, r.date = row.date,\n"
            "    r.earliest = CASE row.`earliest:date` WHEN '' THEN null ELSE date(row.`earliest:date`) END,\n"
            "    r.latest = CASE row.`latest:date` WHEN '' THEN null ELSE date(row.`latest:date`) END,\n"
            "    r.confidence = toFloat(row.`confidence:float`),\n"
            "    r.directed = row.`directed:boolean` = 'true', r.sources = toInteger(row.`sources:int`),\n"
            "    r.evidence = row.evidence, r.article = row.article, r.source = row.source;\n")
    return "\n".join(out)


def export_neo4j(store, directory: str | Path) -> list[Path]:
    """Write nodes.csv, relationships.csv and load.cypher into `directory`; returns the paths."""
    from kg.files import write_output
    nodes, rels = neo4j_tables(store)
    d = Path(directory)
    if d.exists() and not d.is_dir():
        raise StoreError(f"{directory}: not a directory (neo4j export writes several files)")
    d.mkdir(parents=True, exist_ok=True)

    def csv_bytes(rows):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        return buf.getvalue().encode("utf-8")
    files = {"nodes.csv": csv_bytes(nodes), "relationships.csv": csv_bytes(rels),
             "load.cypher": load_cypher(nodes, rels).encode("utf-8")}
    written = []
    for name, data in files.items():
        write_output(str(d / name), data)
        written.append(d / name)
    return written
