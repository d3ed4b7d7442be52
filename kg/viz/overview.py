"""When the graph is too big to draw: the most connected entities and their cases.

A browser draws a few thousand nodes and some tens of thousands of edges in seconds (see
benchmarks/viz.py); past that the page would freeze.  `overview` keeps entities in order of how
many facts they take part in, each with its lawsuits, while the kept part stays within the
budget, and says what it left out and how to see the rest.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

#: The page draws the whole graph up to these sizes; past either it draws an overview.
MAX_NODES = 5000
MAX_EDGES = 20000
#: How much an overview keeps (a little under the limits, so it opens quickly).
OVERVIEW_NODES = 1500
OVERVIEW_EDGES = 8000


@dataclass
class Overview:
    graph: nx.MultiDiGraph
    note: str


def too_big(g: nx.MultiDiGraph, max_nodes: int = MAX_NODES, max_edges: int = MAX_EDGES) -> bool:
    return g.number_of_nodes() > max_nodes or g.number_of_edges() > max_edges


def _adjacency(g: nx.MultiDiGraph) -> dict:
    """node -> {neighbour: number of edges either way}, self-loops left out."""
    adj: dict = {n: {} for n in g}
    for u, v in g.edges():
        if u != v:
            adj[u][v] = adj[u].get(v, 0) + 1
            adj[v][u] = adj[v].get(u, 0) + 1
    return adj


def entity_order(g: nx.MultiDiGraph, entities, weights: dict | None = None) -> list:
    """Entities most connected first: by weight (default: degree), then label, then IRI."""
    w = (lambda n: weights.get(n, 0)) if weights is not None else g.degree
    return sorted(entities, key=lambda n: (-w(n), str(g.nodes[n].get("label") or n), str(n)))


def suit_key(parts: int, reports: int, date, iri: str) -> tuple:
    """Lawsuits between kept entities: most parties kept first, then most reports, then date."""
    return (-parts, -reports, str(date or ""), str(iri))


def note_text(ents: int, ents_all: int, suits: int, suits_all: int, edges: int,
              edges_all: int | None = None) -> str:
    left = (f"{edges_all - edges:,} facts" if edges_all is not None
            else "the facts that involve them")
    of = f" of {edges_all:,}" if edges_all is not None else ""
    return (f"Overview: the {ents:,} most connected of {ents_all:,} entities and "
            f"{suits:,} of their {suits_all:,} lawsuits, {edges:,}{of} facts. Left out: "
            f"{ents_all - ents:,} entities, {suits_all - suits:,} lawsuits, {left}. "
            "To see them, narrow the view: kg viz --focus NAME [--hops N], "
            "--since/--until DATE, --relations TYPES, --types TYPES, --min-confidence X.")


def overview(g: nx.MultiDiGraph, max_nodes: int = OVERVIEW_NODES,
             max_edges: int = OVERVIEW_EDGES, weights: dict | None = None) -> Overview:
    """The most connected entities, then their lawsuits, within the budget.

    Entities are taken in order of `weights` (default: degree, the facts and lawsuits they take
    part in; kg viz on a store counts reports, kg/viz/store_overview.py) until the facts among
    them would pass three quarters of the edge budget or they make 60% of the node budget; then
    the lawsuits between kept entities (most parties kept first, then most reports), while nodes
    and edges fit.  kg/viz/store_overview.py makes the same choice reading only what it needs."""
    adj = _adjacency(g)
    is_suit = {n: d.get("kind") == "lawsuit" for n, d in g.nodes(data=True)}
    entities = entity_order(g, [n for n in g if not is_suit[n]], weights)
    w = (lambda n: weights.get(n, 0)) if weights is not None else g.degree
    kept: set = set()
    n_edges = 0
    ent_budget, ent_edges = int(max_nodes * 0.6), int(max_edges * 0.75)
    for e in entities:
        if len(kept) >= ent_budget or w(e) == 0:
            break
        add = sum(k for m, k in adj[e].items() if m in kept)
        if n_edges + add > ent_edges:
            break                       # the facts among the kept fill the budget
        kept.add(e)
        n_edges += add + g.number_of_edges(e, e)
    suits = []
    for s_ in g:
        if is_suit[s_]:
            parts = [m for m in adj[s_] if m in kept]
            if parts:
                d = g.nodes[s_]
                suits.append((suit_key(len(parts), len(d.get("reports") or [s_]), d.get("date"),
                                       s_), s_))
    suits.sort()
    for _, s_ in suits:
        if len(kept) >= max_nodes:
            break
        add = sum(k for m, k in adj[s_].items() if m in kept)
        if n_edges + add > max_edges:
            continue
        kept.add(s_)
        n_edges += add
    h = g.subgraph(kept).copy()
    ents_all = len(entities)
    suits_all = g.number_of_nodes() - ents_all
    ents = sum(1 for n in h if not is_suit[n])
    note = note_text(ents, ents_all, h.number_of_nodes() - ents, suits_all, h.number_of_edges(),
                     g.number_of_edges())
    return Overview(h, note)
