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

With filters (`read_overview(filters=...)`, kg viz --since/--until/--relations/--types/
--min-confidence without --focus) the counts and weights count the reports that may pass them
and the reads carry the relation types; what is read is merged and filtered as
`kg.analytics.filter_graph` filters the whole graph (`_read_filtered`), so the result equals
`overview.overview(filter_graph(full_graph(store), f), weights=entity_weights(store, f))`.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from kg.analytics import LAWSUIT_ROLES

from kg.viz.overview import (MAX_EDGES, MAX_NODES, OVERVIEW_EDGES, OVERVIEW_NODES, entity_order,
                             note_text, suit_key)

#: entities whose facts with the kept ones are read in one go
BATCH = 64

_Q_WEIGHT = """SELECT ?e (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r kg:%s ?e } } GROUP BY ?e"""
_Q_SUIT_WEIGHT = """SELECT ?e (COUNT(DISTINCT ?l) AS ?n) WHERE {
  GRAPH ?g { ?l kg:plaintiff|kg:defendant|kg:court ?e } } GROUP BY ?e"""
_Q_WEIGHT_F = """SELECT ?e (COUNT(DISTINCT ?r) AS ?n) WHERE {
  GRAPH ?g { ?r kg:%s ?e . %s } } GROUP BY ?e"""
_Q_SUIT_WEIGHT_F = """SELECT ?e (COUNT(DISTINCT ?l) AS ?n) WHERE {
  GRAPH ?g { ?l %s ?e . %s } } GROUP BY ?e"""
_Q_COUNTS_F = """SELECT (COUNT(DISTINCT ?%s) AS ?n) WHERE {
  GRAPH ?g { ?%s a kg:%s . %s } }"""
_Q_CASE_COUNTS_F = """SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {
  GRAPH ?g { ?l a kg:Lawsuit . %s } GRAPH <%s> { ?l kg:case ?c } }"""
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


def _among(store, batch, others, bound: str = "s", values: str = "") -> set[tuple]:
    """Relation rows with ?s (or ?o) in `batch` and the other end in `others` (`values`: a
    VALUES block over ?t, the relation types to read)."""
    from kg.analytics import _iri, _scoped
    other = "o" if bound == "s" else "s"
    role = {"s": "subject", "o": "object"}
    q = _Q_AMONG % (role[bound], bound, role[other], other, other,
                    ", ".join(_iri(x) for x in sorted(others)))
    if values:
        q = q.replace("kg:relationType ?t .", "kg:relationType ?t . " + values)
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


def _active(f) -> bool:
    return f is not None and any([f.since, f.until, f.relations, f.types,
                                  f.min_confidence is not None])


def _names(xs) -> list[str]:
    """Relation or type names safe to write as kg: terms (others match nothing)."""
    return sorted(x.strip() for x in xs or () if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", x.strip()))


def _report_filter(f, var: str, relation: bool) -> str:
    """SPARQL narrowing the reports `?var` to those that may pass the filters `f` (its own date
    range meets since..until or it has none; some evidence at least as confident, or none
    rated; a relation's type among --relations).  A fact or case drawn after filtering always
    has such a report: its dated root's range is its own and a joined report's contains it."""
    out = []
    if relation and f.relations:
        out.append(f"?{var} kg:relationType ?ft . VALUES ?ft {{ "
                   + " ".join(f"kg:{t}" for t in _names(f.relations)) + " }")
    if f.since:
        out.append(f'OPTIONAL {{ ?{var} kg:dateLatest ?fhi }} '
                   f'FILTER (!BOUND(?fhi) || STR(?fhi) >= "{_date(f.since)}")')
    if f.until:
        out.append(f'OPTIONAL {{ ?{var} kg:dateEarliest ?flo }} '
                   f'FILTER (!BOUND(?flo) || STR(?flo) <= "{_date(f.until)}")')
    if f.min_confidence is not None:
        out.append(f"?{var} kg:hasEvidence ?fev . OPTIONAL {{ ?fev kg:confidence ?fc }} "
                   f"FILTER (!BOUND(?fc) || ?fc >= {float(f.min_confidence)!r})")
    return " ".join(out)


def _date(d: str) -> str:
    if not re.fullmatch(r"[0-9-]{1,10}", d or ""):
        raise ValueError(f"not a date: {d!r}")
    return d


def _roles(f) -> tuple[str, ...]:
    """The lawsuit roles whose edges may pass the filters `f`."""
    if f is not None and f.types and "Lawsuit" not in {t.strip() for t in f.types}:
        return ()
    if f is not None and f.relations:
        rels = {r.strip() for r in f.relations}
        return tuple(r for r in LAWSUIT_ROLES if r in rels or "lawsuit" in rels)
    return LAWSUIT_ROLES


def _weights(store, f=None) -> tuple[dict[str, int], int]:
    from kg.query import run
    w: dict[str, int] = defaultdict(int)
    roles = 0
    if not _active(f):
        qs = [(_Q_WEIGHT % "subject", False), (_Q_WEIGHT % "object", False), (_Q_SUIT_WEIGHT, True)]
    else:
        rel = _report_filter(f, "r", True)
        suit = _report_filter(f, "l", False)
        qs = [(_Q_WEIGHT_F % (role, rel), False) for role in ("subject", "object")]
        if _roles(f):
            qs.append((_Q_SUIT_WEIGHT_F % ("|".join(f"kg:{r}" for r in _roles(f)), suit), True))
    for q, is_suit in qs:
        for e, n in run(store, q).rows:
            w[e] += int(n)
            roles += int(n) if is_suit else 0
    return dict(w), roles


def entity_weights(store, filters=None) -> dict[str, int]:
    """{entity IRI: relation reports it is subject or object of + lawsuit reports naming it};
    with `filters` (kg.analytics.Filters, dates as days) the reports that may pass them."""
    return _weights(store, filters)[0]


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


def _rel_values(f) -> str | None:
    """A VALUES block of the relation types --relations keeps ("" for all; None: no relation
    type at all, only lawsuit roles)."""
    if not f.relations:
        return ""
    names = [t for t in _names(f.relations) if t not in LAWSUIT_ROLES and t != "lawsuit"]
    return "VALUES ?t { " + " ".join(f"kg:{t}" for t in names) + " }" if names else None


def _passing(store, rows, f, ok_type) -> list[tuple]:
    """(subject, object) of each fact in `rows` (every report of each, as read) that stays in
    the filtered graph: its merged date, type, ends' types and confidence as in `filter_graph`."""
    from kg.analytics import _confidence, _day, _evidence, _merge_facts, _undated_target
    rels = sorted(rows, key=lambda r: tuple(x or "" for x in r))
    into = _merge_facts(rels)
    conf: dict = {}
    if f.min_confidence is not None and rels:
        evidence = _evidence(store, None, {r[0] for r in rels})
        _undated_target(into, rels, evidence)
        merged: dict = defaultdict(list)
        for r, *_ in rels:
            merged[into.get(r, r)].extend(evidence.get(r, []))
        conf = {r: _confidence(ev) for r, ev in merged.items()}
    out = []
    for r, _t, s, o, d, lo, hi in rels:
        if r in into or not ok_type(s) or not ok_type(o):
            continue
        earliest, latest = lo or _day(d), hi or _day(d, latest=True)
        if f.since and latest and latest < f.since:
            continue
        if f.until and earliest and earliest > f.until:
            continue
        c = conf.get(r)
        if f.min_confidence is not None and c is not None and c < f.min_confidence:
            continue
        out.append((s, o))
    return out


def _read_filtered(store, f, max_nodes: int, max_edges: int, say) -> StoreOverview | None:
    """The overview of the filtered graph (`filter_graph(full_graph(store), f)`) read around
    its most connected entities, or None when the reports that may pass the filters are few
    enough to draw the filtered graph whole (or the store has no up-to-date cases graph).

    As `read_overview`, with the filters in the counts (reports that may pass them) and in the
    reads (relation types as VALUES); the facts among the entities are merged and filtered as
    the whole graph is, an entity none of whose facts among the kept pass is looked at whole
    (`full_graph(around=...)`, no evidence unless --min-confidence) to see whether the filtered
    graph has it, and the cases of the kept entities are read whole (no evidence) to filter."""
    from kg.analytics import (_cases_complete, _entities, _scoped,
                              filter_graph, full_graph)
    from kg.resolve import CASES_GRAPH
    if not _cases_complete(store) or not all(re.fullmatch(r"[0-9-]{1,10}", d)
                                             for d in (f.since, f.until) if d):
        return None                         # the whole graph, filtered
    weights, roles = _weights(store, f)
    ents = _entities(store)
    types = {t.strip() for t in f.types} if f.types else None

    def typ(e):
        return ents[e]["type"] if e in ents else "Organization"

    def ok_type(e):
        return not types or typ(e) in types
    weights = {e: n for e, n in weights.items() if n > 0 and ok_type(e)}
    n_rel = _count(store, _Q_COUNTS_F % ("r", "r", "Relation", _report_filter(f, "r", True)))
    suit = _report_filter(f, "l", False)
    n_reports = _count(store, _Q_COUNTS_F % ("l", "l", "Lawsuit", suit)) if _roles(f) else 0
    n_cases = _count(store, _Q_CASE_COUNTS_F % (suit, CASES_GRAPH)) if _roles(f) else 0
    bare = bool(f.since or f.until or f.relations or f.min_confidence is not None)
    if bare:
        entity_iris = set(weights)          # a filtered view drops the entities left bare
    else:
        entity_iris = {e for e in set(ents) | set(weights) if ok_type(e)}
    if len(entity_iris) + n_reports <= max_nodes and n_rel + roles <= max_edges:
        return None
    max_nodes, max_edges = min(max_nodes, OVERVIEW_NODES), min(max_edges, OVERVIEW_EDGES)
    say(f"{len(entity_iris):,} entities, {n_rel:,} relation reports, {n_reports:,} lawsuit "
        "reports may pass the filters: too many to draw, reading an overview")
    order = _ranked(ents, weights)
    conf = f.min_confidence is not None     # confidence needs the evidence

    def pairs(batch, rows):
        has: set = set()
        ends = []
        for s_, o in _passing(store, rows, f, ok_type):
            has |= {s_, o}
            ends.append((s_, o))
        # an entity with no passing fact among these: is it in the filtered graph at all?
        unsure = [e for e in batch if bare and e not in has]
        if unsure:
            hb = filter_graph(full_graph(store, around=set(unsure), evidence=conf), f)
            batch = [e for e in batch if e not in unsure or e in hb]
        return batch, ends
    kept, rows_all, n_edges = _kept_entities(store, order, max_nodes, max_edges, pairs,
                                             _rel_values(f))
    kept_set = set(kept)
    say(f"overview: {len(kept):,} entities, {n_edges:,} facts among them")

    # their cases, read whole (every report) and filtered as the whole graph's
    chosen, suit_iris, links = [], set(), None
    if _roles(f) and kept_set:
        from kg.analytics import _Q_CASE_LINKS
        from kg.cases import links_from_rows
        named = {l for l, _p, _x in _scoped(store, _Q_ROLES, "x", kept_set)}
        case_of, flipped = (links_from_rows(_scoped(store, _Q_CASE_LINKS, "x", named)) if named
                            else ({}, set()))
        links = (case_of, flipped)
        reports = named | set(case_of) | set(case_of.values())
        gc = full_graph(store, only=([], reports, links, ()), evidence=conf, lean=True)
        hc = filter_graph(gc, f)
        suits = []
        for s_, d in hc.nodes(data=True):
            if d.get("kind") != "lawsuit":
                continue
            parts = [m for m in set(hc.successors(s_)) | set(hc.predecessors(s_)) if m in kept_set]
            if parts:
                suits.append((suit_key(len(parts), len(d.get("reports") or [s_]), d.get("date"),
                                       s_), s_))
        suits.sort()
        n_nodes = len(kept)
        for _, s_ in suits:
            if n_nodes >= max_nodes:
                break
            add = (sum(1 for _u, v in hc.out_edges(s_) if v in kept_set)
                   + sum(1 for u, _v in hc.in_edges(s_) if u in kept_set))
            if n_edges + add > max_edges:
                continue
            chosen.append(s_)
            n_nodes += 1
            n_edges += add
        suit_iris = {x for c in chosen for x in hc.nodes[c].get("reports") or [c]}
        say(f"overview: {len(chosen):,} of {len(suits):,} lawsuits of the kept entities; "
            "reading their facts and evidence")

    # read those facts and cases, filter them as the whole graph is
    rel_rows = [r for r in rows_all.values() if r[2] in kept_set and r[3] in kept_set]
    g = full_graph(store, only=(rel_rows, suit_iris, links, kept_set))
    hf = filter_graph(g, f)
    h = nx.MultiDiGraph()
    for n in kept + sorted(chosen):
        h.add_node(n, **g.nodes[n])
    want = kept_set | set(chosen)
    h.add_edges_from((u, v, k, d) for u, v, k, d in hf.edges(keys=True, data=True)
                     if u in want and v in want)
    note = note_text(len(kept), len(entity_iris), len(chosen), max(n_cases, len(chosen)),
                     h.number_of_edges())
    return StoreOverview(h, note, {"nodes": len(entity_iris) + n_cases, "edges": None})


def read_overview(store, max_nodes: int = MAX_NODES, max_edges: int = MAX_EDGES,
                  progress=None, filters=None) -> StoreOverview | None:
    """The store's overview (see the module doc), or None when the store is small enough to be
    drawn whole (by its report counts).  `filters` (kg.analytics.Filters without a focus,
    dates as days): the overview of the filtered graph, read the same way (`_read_filtered`),
    or None when what may pass them is small enough to filter the whole graph."""
    from kg.analytics import _entities, _merge_facts, _scoped, full_graph
    say = progress or (lambda msg: None)
    if _active(filters):
        return _read_filtered(store, filters, max_nodes, max_edges, say)
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
    order = _ranked(ents, weights)

    def pairs(batch, rows):
        rels = sorted(rows, key=lambda r: tuple(x or "" for x in r))
        into = _merge_facts(rels)
        return batch, [(s, o) for r, _t, s, o, *_ in rels if r not in into]
    kept, rows_all, n_edges = _kept_entities(store, order, max_nodes, max_edges, pairs)
    kept_set = set(kept)
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


def _ranked(ents: dict, weights: dict) -> list:
    """The entities with a weight, most weighted first, then by label and IRI (overview.entity_order)."""
    from kg.analytics import _label_from_iri
    ranked = [e for e, n in weights.items() if n > 0]
    g0 = nx.MultiDiGraph()
    for e in ranked:
        g0.add_node(e, label=ents[e]["label"] if e in ents else _label_from_iri(e))
    return entity_order(g0, ranked, weights)


def _kept_entities(store, order, max_nodes: int, max_edges: int, pairs,
                   values: str | None = "") -> tuple[list, dict, int]:
    """Step 2 of the module doc: the entities of `order` kept in rank order, batch by batch, while
    the entity and fact budgets allow; with the rows read (fact IRI -> row) and the number of
    facts among the kept.  `pairs(batch, rows)` gives the batch's entities still candidates and
    the (subject, object) of each fact of `rows` that counts (merged, and filtered if filters
    apply); `values` is the VALUES block of relation types to read (None: none at all)."""
    ent_budget, ent_edges = int(max_nodes * 0.6), int(max_edges * 0.75)
    kept: list = []
    kept_set: set = set()
    rows_all: dict[str, tuple] = {}
    n_edges = 0
    for i in range(0, len(order), BATCH):
        batch = order[i:i + BATCH]
        rows: set = set()
        if values is not None:
            rows = _among(store, batch, kept_set | set(batch), "s", values)
            if kept_set:
                rows |= _among(store, batch, kept_set, "o", values)
        for r in rows:
            rows_all[r[0]] = r
        batch, ends = pairs(batch, rows)
        pair: dict = defaultdict(lambda: defaultdict(int))
        loops: dict = defaultdict(int)
        for s_, o in ends:
            if s_ == o:
                loops[s_] += 1
            else:
                pair[s_][o] += 1
                pair[o][s_] += 1
        n_edges, done = _keep(batch, pair, loops, kept, kept_set, n_edges, ent_budget, ent_edges)
        if done:
            break
    return kept, rows_all, n_edges


def _keep(batch, pair, loops, kept: list, kept_set: set, n_edges: int, ent_budget: int,
          ent_edges: int) -> tuple[int, bool]:
    """Keep the batch's entities in rank order while the entity and fact budgets allow (`kept` and
    `kept_set` grow in place); the facts among the kept so far, and whether a budget was reached."""
    for e in batch:
        if len(kept) >= ent_budget:
            return n_edges, True
        add = sum(k for m, k in pair[e].items() if m in kept_set)
        if n_edges + add > ent_edges:
            return n_edges, True
        kept.append(e)
        kept_set.add(e)
        n_edges += add + loops[e]
    return n_edges, False
