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


def overview(g: nx.MultiDiGraph, max_nodes: int = OVERVIEW_NODES,
             max_edges: int = OVERVIEW_EDGES) -> Overview:
    """The most connected entities, then their lawsuits, within the budget.

    Entities are taken in order of degree (facts and lawsuits they take part in) while the facts
    among them fit in three quarters of the edge budget and they make at most 60% of the node
    budget; then the lawsuits between kept entities (most parties kept first, then most
    reported), while nodes and edges fit."""
    adj = _adjacency(g)
    is_suit = {n: d.get("kind") == "lawsuit" for n, d in g.nodes(data=True)}
    entities = [n for n in g if not is_suit[n]]
    entities.sort(key=lambda n: (-g.degree(n), str(g.nodes[n].get("label") or n), str(n)))
    kept: set = set()
    n_edges = 0
    ent_budget, ent_edges = int(max_nodes * 0.6), int(max_edges * 0.75)
    for e in entities:
        if len(kept) >= ent_budget or g.degree(e) == 0:
            break
        add = sum(k for m, k in adj[e].items() if m in kept)
        if n_edges + add > ent_edges:
            continue                    # an entity further down, with fewer facts, may fit
        kept.add(e)
        n_edges += add + g.number_of_edges(e, e)
    suits = []
    for s_ in g:
        if is_suit[s_]:
            parts = [m for m in adj[s_] if m in kept]
            if parts:
                d = g.nodes[s_]
                sources = len({x.get("article") for x in d.get("evidence") or []})
                suits.append((-len(parts), -sources, str(d.get("date") or ""), str(s_), s_))
    suits.sort()
    for *_, s_ in suits:
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
    suits_kept = h.number_of_nodes() - ents
    note = (f"Overview: the {ents:,} most connected of {ents_all:,} entities and "
            f"{suits_kept:,} of their {suits_all:,} lawsuits, {h.number_of_edges():,} of "
            f"{g.number_of_edges():,} facts. Left out: {ents_all - ents:,} entities, "
            f"{suits_all - suits_kept:,} lawsuits, {g.number_of_edges() - h.number_of_edges():,} "
            "facts. To see them, narrow the view: kg viz --focus NAME [--hops N], "
            "--since/--until DATE, --relations TYPES, --types TYPES, --min-confidence X.")
    return Overview(h, note)
