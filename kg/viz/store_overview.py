"""`kg viz` on a big store: the overview read from the store, not from the whole graph.

Reading the whole graph of a 1M-quad store takes tens of seconds (every relation, lawsuit and
evidence sentence through SPARQL; most of it decoding terms), and past ~5,000 nodes the page
shows an overview anyway (overview.py).  Here the overview is chosen from counts and read
around its own entities:

1. weights: relation reports (distinct relation nodes) an entity is subject or object of, and
   lawsuit reports (and their stages) naming it as plaintiff, defendant or court: three GROUP
   BY queries over one triple pattern each (no join, no string decoded but the entities');
2. entities by weight (then label, IRI), in batches: the facts among the batch and the entities
   kept so far (both ends bound), merged as `kg.analytics.full_graph` merges them, until the facts
   among the kept would pass the budget (the same rule as `overview.overview`);
3. the lawsuit reports naming a kept entity, their cases (the cases graph, or the rule computed
   when the store has none), each case's kept parties, reports and filing date: the lawsuits
   kept as `overview.overview` keeps them;
4. those facts and cases only, through `full_graph(store, only=...)`.

The result equals `overview.overview(full_graph(store), weights=entity_weights(store))`
(tests/test_viz.py checks node for node, edge for edge, attributes included).  The decision to
show an overview is made on report counts (entities + lawsuit reports past `max_nodes`, or
relation reports + lawsuit roles past `max_edges`): a store whose reports pass the limits gets
an overview even if merging would bring it under them.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from kg.viz.overview import (MAX_EDGES, MAX_NODES, OVERVIEW_EDGES, OVERVIEW_NODES, entity_order,
                             note_text, suit_key)

#: entities whose facts with the kept ones are read in one go
BATCH = 64

_Q_WEIGHT = """SELECT ?e (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r kg:%s ?e } } GROUP BY ?e"""
_Q_SUIT_WEIGHT = """SELECT ?e (COUNT(DISTINCT ?l) AS ?n) WHERE {
  GRAPH ?g { ?l kg:plaintiff|kg:defendant|kg:court ?e } } GROUP BY ?e"""
_Q_COUNTS = """SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r a kg:%s } }"""
_Q_CASE_COUNTS = """SELECT (COUNT(DISTINCT ?c) AS ?n) (COUNT(DISTINCT ?l) AS ?m) WHERE {
  GRAPH <%s> { ?l kg:case ?c } }"""
_Q_REPORTS = """SELECT DISTINCT ?l WHERE { GRAPH ?g { ?l a kg:Lawsuit } }"""
_Q_ROLES = """SELECT DISTINCT ?l ?p ?x WHERE {
  GRAPH ?g { %V% ?l ?p ?x . FILTER (?p IN (kg:plaintiff, kg:defendant, kg:court)) ?l a kg:Lawsuit } }"""
_Q_FILED = """SELECT DISTINCT ?l ?d WHERE { GRAPH ?g { %V% ?l kg:filingDate ?d } }"""
# facts with one end (bound) in the batch and the other among a list (FILTER IN compares the
# ids Oxigraph has read: no string is decoded for the facts left out)
_Q_AMONG = """SELECT DISTINCT ?r ?t ?s ?o ?d ?lo ?hi WHERE {
  GRAPH ?g { %%V%% ?r kg:%s ?%s . ?r kg:%s ?%s . FILTER (?%s IN (%s))
    ?r a kg:Relation ; kg:relationType ?t . OPTIONAL { ?r kg:date ?d }
    OPTIONAL { ?r kg:dateEarliest ?lo } OPTIONAL { ?r kg:dateLatest ?hi } } }"""


def _among(store, batch, others, bound: str = "s") -> set[tuple]:
    """Relation rows with ?s (or ?o) in `batch` and the other end in `others`."""
    from kg.analytics import _iri, _scoped
    other = "o" if bound == "s" else "s"
    role = {"s": "subject", "o": "object"}
    q = _Q_AMONG % (role[bound], bound, role[other], other, other,
                    ", ".join(_iri(x) for x in sorted(others)))
    return {tuple(r) for r in _scoped(store, q, bound, batch)}


@dataclass
class StoreOverview:
    graph: nx.MultiDiGraph
    note: str
    total: dict


def _count(store, sparql: str) -> int:
    from kg.query import run
    rows = run(store, sparql).rows
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def _weights(store) -> tuple[dict[str, int], int]:
    from kg.query import run
    w: dict[str, int] = defaultdict(int)
    roles = 0
    for q in (_Q_WEIGHT % "subject", _Q_WEIGHT % "object", _Q_SUIT_WEIGHT):
        for e, n in run(store, q).rows:
            w[e] += int(n)
            roles += int(n) if q is _Q_SUIT_WEIGHT else 0
    return dict(w), roles


def entity_weights(store) -> dict[str, int]:
    """{entity IRI: relation reports it is subject or object of + lawsuit reports naming it}."""
    return _weights(store)[0]


def _links(store, n_reports: int, say=lambda msg: None):
    """(links, number of cases, reader): when the cases graph covers every report, links None
    and `reader(reports)` reads the links of those reports' cases from it; else the links of
    every report computed (`kg.cases.case_links`, as full_graph does) and reader None."""
    from kg.analytics import _Q_CASE_LINKS, _scoped
    from kg.cases import case_links, links_from_rows
    from kg.query import run
    from kg.resolve import CASES_GRAPH
    row = run(store, _Q_CASE_COUNTS % CASES_GRAPH).rows[0]
    n_cases, linked = int(row[0] or 0), int(row[1] or 0)
    if n_reports and linked >= n_reports:
        return None, n_cases, lambda reps: links_from_rows(_scoped(store, _Q_CASE_LINKS, "x", reps))
    say("the store has no (or an out-of-date) cases graph: working out the cases of every "
        "lawsuit report (a kg build into the store writes the graph)")
    case_of, flipped = case_links(store)
    reports = [r[0] for r in run(store, _Q_REPORTS).rows]
    n_cases = len({case_of.get(l, l) for l in reports})
    return (case_of, flipped), n_cases, None


def read_overview(store, max_nodes: int = MAX_NODES, max_edges: int = MAX_EDGES,
                  progress=None) -> StoreOverview | None:
    """The store's overview (see the module doc), or None when the store is small enough to be
    drawn whole (by its report counts)."""
    from kg.analytics import _entities, _label_from_iri, _merge_facts, _scoped, full_graph
    say = progress or (lambda msg: None)
    weights, roles = _weights(store)
    n_rel = _count(store, _Q_COUNTS % "Relation")
    n_reports = _count(store, _Q_COUNTS % "Lawsuit")
    ents = _entities(store)
    entity_iris = set(ents) | set(weights)
    nodes_bound = len(entity_iris) + n_reports       # before reports merge into facts, cases
    edges_bound = n_rel + roles
    if nodes_bound <= max_nodes and edges_bound <= max_edges:
        return None
    max_nodes, max_edges = min(max_nodes, OVERVIEW_NODES), min(max_edges, OVERVIEW_EDGES)
    say(f"{len(entity_iris):,} entities, {n_rel:,} relation reports, {n_reports:,} lawsuit "
        "reports: too many to draw, reading an overview")

    # 2. entities, most connected first, with the facts among them
    g0 = nx.MultiDiGraph()
    for e in entity_iris:
        g0.add_node(e, label=ents[e]["label"] if e in ents else _label_from_iri(e))
    order = [e for e in entity_order(g0, entity_iris, weights) if weights.get(e, 0) > 0]
    ent_budget, ent_edges = int(max_nodes * 0.6), int(max_edges * 0.75)
    kept: list = []
    kept_set: set = set()
    rows_all: dict[str, tuple] = {}
    n_edges = 0
    done = False
    for i in range(0, len(order), BATCH):
        batch = order[i:i + BATCH]
        rows = _among(store, batch, kept_set | set(batch), "s")
        if kept_set:
            rows |= _among(store, batch, kept_set, "o")
        for r in rows:
            rows_all[r[0]] = r
        rels = sorted(rows, key=lambda r: tuple(x or "" for x in r))
        into = _merge_facts(rels)
        pair: dict = defaultdict(lambda: defaultdict(int))
        loops: dict = defaultdict(int)
        for r, _t, s, o, *_ in rels:
            if r in into:
                continue
            if s == o:
                loops[s] += 1
            else:
                pair[s][o] += 1
                pair[o][s] += 1
        for e in batch:
            if len(kept) >= ent_budget:
                done = True
                break
            add = sum(k for m, k in pair[e].items() if m in kept_set)
            if n_edges + add > ent_edges:
                done = True
                break
            kept.append(e)
            kept_set.add(e)
            n_edges += add + loops[e]
        if done:
            break
    say(f"overview: {len(kept):,} entities, {n_edges:,} facts among them")

    # 3. their lawsuits
    links, n_cases, read_links = _links(store, n_reports, say)
    roles = _scoped(store, _Q_ROLES, "x", kept_set) if kept_set else []
    named = {l for l, _p, _x in roles}
    if links is None:
        case_of, flipped = read_links(named) if named else ({}, set())
    else:
        case_of, flipped = links
    members: dict[str, set] = defaultdict(set)
    for l, c in case_of.items():
        members[c].add(l)
    parties: dict[str, set] = defaultdict(set)
    courts: dict[str, set] = defaultdict(set)
    for l, p, x in roles:
        c = case_of.get(l, l)
        (courts if p.endswith("#court") else parties)[c].add(x)
    cases = sorted(set(parties) | set(courts))
    reps = {c: sorted(members.get(c, set()) | {c}, key=lambda x: (x != c, x)) for c in cases}
    filed: dict[str, list] = defaultdict(list)
    want = {x for c in cases for x in reps[c]}
    for l, d in (_scoped(store, _Q_FILED, "l", want) if want else []):
        filed[l].append(d)

    def first_filed(c):
        for x in reps[c]:
            if filed.get(x):
                return min(filed[x])
        return None
    keys = sorted((suit_key(len(parties[c] | courts[c]), len(reps[c]), first_filed(c), c), c)
                  for c in cases)
    chosen = []
    n_nodes = len(kept)
    for _, c in keys:
        if n_nodes >= max_nodes:
            break
        add = len(parties[c]) + len(courts[c])
        if n_edges + add > max_edges:
            continue
        chosen.append(c)
        n_nodes += 1
        n_edges += add
    say(f"overview: {len(chosen):,} of {len(cases):,} lawsuits of the kept entities; reading "
        "their facts and evidence")

    # 4. read those facts and cases
    rel_rows = [r for r in rows_all.values() if r[2] in kept_set and r[3] in kept_set]
    suit_iris = {x for c in chosen for x in reps[c]}
    g = full_graph(store, only=(rel_rows, suit_iris, (case_of, flipped), kept_set))
    h = g.subgraph(kept_set | set(chosen)).copy()
    ents_all = len(entity_iris)
    note = note_text(len(kept), ents_all, len(chosen), n_cases, h.number_of_edges())
    return StoreOverview(h, note, {"nodes": ents_all + n_cases, "edges": None})
