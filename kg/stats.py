"""What the store holds, in numbers: quads, graphs, entities by class, relations by type, dates.

Ties are ordered by name, so every SPARQL server gives the same lines."""
from __future__ import annotations

from kg.query import run
from kg.store import ONTOLOGY_GRAPH, not_system
from kg.summary import SUMMARY_GRAPH

_Q_CLASSES = """SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {
  GRAPH <https://rivalry-kg.org/id/graph/entities> { ?e a ?c } } GROUP BY ?c ORDER BY DESC(?n) ?c"""
_Q_NODES = """SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE {
  GRAPH ?g { ?x a ?c } VALUES ?c { kg:Relation kg:Lawsuit kg:Evidence } } GROUP BY ?c ORDER BY DESC(?n) ?c"""
_Q_TYPES = """SELECT ?t (COUNT(DISTINCT ?r) AS ?n) WHERE {
  GRAPH ?g { ?r kg:relationType ?t } } GROUP BY ?t ORDER BY DESC(?n) ?t"""
# The range is over the dated articles only: with an OPTIONAL ?d, one undated article makes
# STR(?d) an error inside MIN and MAX, so (as SPARQL 1.1 says) both came back unbound and the
# line read "published ? .. ?".
_Q_ARTICLES = """SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {
  GRAPH <https://rivalry-kg.org/id/graph/articles> { ?a a kg:Article } }"""
_Q_PUBLISHED = """SELECT (COUNT(DISTINCT ?a) AS ?n) (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last) WHERE {
  GRAPH <https://rivalry-kg.org/id/graph/articles> { ?a a kg:Article ; dcterms:date ?d } }"""
_Q_DATES = """SELECT (MIN(STR(?lo)) AS ?first) (MAX(STR(?hi)) AS ?last) WHERE {
  GRAPH ?g { ?r kg:dateEarliest ?lo ; kg:dateLatest ?hi } }"""
#: The data's graphs: not the ontology's, nor a server's own system graphs (Virtuoso lists some).
#: (The summary graph, kg.summary, is an index of answers derived from the rest: counted apart.)
_Q_QUADS = ("SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } "
            + not_system("?g", ontology=True) + f" FILTER (?g != <{SUMMARY_GRAPH}>) }}")
_Q_ONTOLOGY = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}"
_Q_SUMMARY = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?s ?p ?o }} }}"


def _short(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def store_stats(store) -> list[str]:
    quads = run(store, _Q_QUADS).rows[0]
    n_articles = int(run(store, _Q_ARTICLES).rows[0][0] or 0)
    dated, first, last = run(store, _Q_PUBLISHED).rows[0]
    undated = n_articles - int(dated or 0)
    dates = run(store, _Q_DATES).rows[0]
    onto = run(store, _Q_ONTOLOGY).rows[0][0]
    summ = run(store, _Q_SUMMARY).rows[0][0]
    if first and last:
        published = f"published {first} .. {last}" + (f"; {undated} undated" if undated else "")
    else:
        published = "no publication dates" if n_articles else "none"
    extra = ([f"the ontology's {onto} in its own graph"] if onto and onto != "0" else []) + \
        ([f"the summary's {summ} in its own"] if summ and summ != "0" else [])
    lines = [f"quads: {quads[0]} in {quads[1]} named graphs"
             + (f" (and {'; '.join(extra)})" if extra else ""),
             f"articles: {n_articles} ({published})",
             f"facts dated: {dates[0] or '?'} .. {dates[1] or '?'}",
             "entities: " + ", ".join(f"{_short(c)} {n}" for c, n in run(store, _Q_CLASSES).rows),
             "nodes: " + ", ".join(f"{_short(c)} {n}" for c, n in run(store, _Q_NODES).rows),
             "relations: " + ", ".join(f"{_short(t)} {n}" for t, n in run(store, _Q_TYPES).rows)]
    return lines
