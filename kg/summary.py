"""The summary graph: every name's answers to `kg rivals/timeline/lawsuits NAME`, written at
build time, so a question about one name is one indexed lookup however large the store.

A name (an entity's rdfs:label or skos:altLabel, as `kg.analytics.match_entities` matches it)
stands for the set of entities carrying it; each such set is one node of the summary graph
(`SUMMARY_GRAPH`), its IRI a hash of the member IRIs:

    set  sum:name "腾讯" ; sum:name "Tencent" ; sum:member ".../entity/腾讯" ;
         sum:neighbor ".../entity/奇虎360" …          (entities whose data its rows show)
         sum:rivals 3 ; sum:timeline 120 ; sum:lawsuits 4   (rows; -1: no such entity there)
    (rivals: rivals.rq's rows in its order, which `kg rivals` ranks: one implementation)
    <set/timeline/0>  sum:rows "[[…], …]"        (rows 0–99 as JSON, in answer order)

Every case's `kg lawsuits` row (the listing without a name) is kept the same way on one node,
`summary/all`, its chunks carrying their cases' IRIs (`sum:keys`): a refresh replaces the rows
of the cases it finds changed (below) and of those whose parties' or courts' look changed.

(Entities are written as string literals, not IRIs, so the summary graph never counts as an
article naming them: `kg.store` takes an entity out of the entities graph when no other graph
names it.)

The rows are exactly what `kg.analytics` computes from the whole graph (`rival_rows`,
`timeline_rows`, `lawsuit_rows`; tests/test_fastpath.py compares them).  Reading is a lookup of
the name literal (`sum:name`, an object index) and of the chunks a page needs (`--limit`,
`--offset`).

`refresh_summary(store)` brings the graph up to date after a write, for the names whose rows
the write can change only.  It keeps each article's sha256 and build time (`sum:sha256`,
`sum:builtAt`), the entities its graph names (`sum:touches`) and the lawsuit reports it holds
(`sum:holds`), and for every entity what rows show of it besides its IRI (`sum:look`: the label
shown, its labels and types).  So it finds the articles added, replaced or removed since it last
ran and recomputes the sets of every name of
  - the entities those articles touch (before and after): their facts and cases changed;
  - the parties and courts of the cases those articles' reports are in (before and after) or
    that gained or lost a report (`kg.cases.refresh_cases` logs those, `sum:caseChanged`, in
    the same update as the links): a case's row is shown by all of them (an owner chain joins
    reports no changed article names);
  - only where a touched entity's look changed, every entity whose rows showed it (the stored
    `sum:neighbor`s: counterparts, case parties and courts).
A name's rows depend on nothing else (tests/test_summary_incremental.py compares random writes
and removals with a whole rewrite); nothing else is read.  A store without a summary graph (or
with an older layout, `VERSION`) gets a whole one.  The graph is a function of the stored
articles alone, whatever the order, the workers, or removals between.
`kg build`, `kg remove` (`kg.pipeline`) and `Store.remove_article` call it after
`refresh_cases`; `kg reindex` rebuilds it whole on an existing store.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import Callable

from kg.errors import QueryError
from kg.labels import PREF_COUNTS, display_label, preferring
from kg.query import bind, literal
from kg.cases import CASE, CHANGED
from kg.resolve import (ARTICLES_GRAPH, BASE, CASES_GRAPH, ENTITIES_GRAPH, ONTOLOGY,
                        SUMMARY_GRAPH, SUMMARY_NS)

NS = SUMMARY_NS
NAME, MEMBER, NEIGHBOR, ROWS = NS + "name", NS + "member", NS + "neighbor", NS + "rows"
SHA, BUILT = NS + "sha256", NS + "builtAt"
TOUCHES, VERSION_P = NS + "touches", NS + "version"
HOLDS, LOOK, KEYS = NS + "holds", NS + "look", NS + "keys"
#: the node of every lawsuit's row (`kg lawsuits` without a name), chunks as a name's, each
#: chunk's case IRIs (`sum:keys`, in row order) beside its rows
ALL = BASE + "summary/all"
#: bumped when the layout or the rows change: a store with another version is summarised anew
VERSION = "4"
KINDS = ("rivals", "timeline", "lawsuits", "timelineQuery")
#: rows per JSON chunk (a first page of up to CHUNK rows is one literal)
CHUNK = 100
#: entities up to which a refresh reads around them rather than the whole store
AROUND_MAX = 64
#: largest update text sent at once
UPDATE_BYTES = 2_000_000

_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _rows(store, sparql: str) -> list[tuple]:
    res = store.query_json(sparql)
    names = res.get("head", {}).get("vars", [])
    return [tuple(b.get(v, {}).get("value") for v in names)
            for b in res.get("results", {}).get("bindings", [])]


def _iri(iri: str) -> str:
    if any(c in iri for c in '<>"{}|^`\\ \n\r\t'):
        raise QueryError(f"unexpected IRI in the store: {iri!r}")
    return f"<{iri}>"


def _chunks(items, n: int = 400):
    items = sorted(items)
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _scoped(store, sparql: str, iris, as_text: bool = False) -> list[tuple]:
    """Rows of `sparql` with its `%V%` replaced by VALUES blocks of IRIs (`as_text`: of the
    IRIs as string literals, as the summary graph holds entities), in chunks."""
    var, _, body = sparql.partition("|")
    term = literal if as_text else _iri
    out: list[tuple] = []
    for chunk in _chunks(set(iris)):
        out += _rows(store, body.replace("%V%", f"VALUES ?{var} {{ {' '.join(map(term, chunk))} }}"))
    return out


def set_iri(members) -> str:
    """The summary node of the entities `members` (those one name stands for)."""
    h = hashlib.sha1("\n".join(sorted(members)).encode("utf-8")).hexdigest()[:24]
    return f"{BASE}summary/{h}"


def chunk_iri(s: str, kind: str, i: int) -> str:
    return f"{s}/{kind}/{i}"


# ------------------------------------------------------------------------------------ reading

_Q_MARK = f"ASK {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> <{VERSION_P}> {literal(VERSION)} }} }}"


def has_summary(store) -> bool:
    """Whether the store holds a whole summary graph of this layout."""
    return bool(store.query_json(_Q_MARK).get("boolean"))


def lookup(store, name: str, kind: str, offset: int = 0, limit: int | None = None
           ) -> list[list] | None:
    """Rows `offset` .. `offset + limit` of `kind`'s answer for `name`; None when the store
    has no summary graph (answer from the store then).  Raises QueryError for an unknown name."""
    q = bind(f"SELECT ?s ?n WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?s <{NAME}> ?name ; "
             f"<{NS}{kind}> ?n }} }}", name=name)
    found = _rows(store, q)
    if not found:
        if not has_summary(store):
            return None
        raise QueryError(f"{name!r}: no entity with this name or alias in the store")
    s, n = found[0][0], int(found[0][1])
    if n < 0:
        raise QueryError(f"{name!r}: no entity with this name or alias in the store")
    return _page_of(store, s, kind, n, offset, limit)


def all_lawsuits(store, offset: int = 0, limit: int | None = None) -> list[list] | None:
    """Rows `offset` .. `offset + limit` of `kg lawsuits` (every case); None when the store
    has no summary graph."""
    found = _rows(store, f"SELECT ?n WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{ALL}> <{NS}lawsuits> ?n }} }}")
    if not found:
        return None
    return _page_of(store, ALL, "lawsuits", int(found[0][0]), offset, limit)


def _page_of(store, s: str, kind: str, n: int, offset: int, limit: int | None) -> list[list] | None:
    """Rows `offset` .. `offset + limit` of the `n` rows node `s` keeps for `kind`."""
    offset = max(0, offset)
    stop = n if limit is None else min(n, offset + max(0, limit))
    if stop <= offset:
        return []
    first, last = offset // CHUNK, (stop - 1) // CHUNK
    want = {chunk_iri(s, kind, i): i for i in range(first, last + 1)}
    got = {}
    if hasattr(store, "quads"):         # the embedded store: index look-ups, no SPARQL JSON
        for c, i in want.items():       # (its text escaped and parsed once more) around them
            got.update({i: j for j in store.quads(c, ROWS, None, SUMMARY_GRAPH, parts="o")})
    else:
        for chunk in _chunks(want, 200):
            q = (f"SELECT ?c ?j WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ VALUES ?c {{ "
                 f"{' '.join(map(_iri, chunk))} }} ?c <{ROWS}> ?j }} }}")
            got.update({want[c]: j for c, j in _rows(store, q)})
    if len(got) != len(want):
        return None                     # a summary being rewritten: answer from the store
    rows: list[list] = []
    for i in range(first, last + 1):
        rows += json.loads(got[i])
    base = first * CHUNK
    return rows[offset - base:stop - base]


# ---------------------------------------------------------------------------------- computing

_Q_NAMES_OF = f"""e|SELECT ?e ?n WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ %V% ?e <{_RDFS_LABEL}>|<{_ALT_LABEL}> ?n }} }}"""
_Q_ALL_NAMES = f"""SELECT ?e ?n WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e <{_RDFS_LABEL}>|<{_ALT_LABEL}> ?n }} }}"""
_Q_STAGE_COURTS = f"""l|SELECT DISTINCT ?l ?c WHERE {{ GRAPH ?g {{ %V% ?l <{ONTOLOGY}stage> ?s . ?s <{ONTOLOGY}court> ?c }} }}"""


def _by_name(sparql_rows) -> dict[str, set[str]]:
    """{name: entity IRIs} from (entity, name) rows."""
    out: dict[str, set[str]] = defaultdict(set)
    for e, n in sparql_rows:
        out[n].add(e)
    return out


def _names_rows(store, sparql: str) -> list[tuple]:
    """(entity, name) rows, plain (or xsd:string) literals only: a name bound as a plain
    literal matches those alone."""
    res = store.query_json(sparql)
    out = []
    for b in res.get("results", {}).get("bindings", []):
        n = b.get("n", {})
        if n.get("type") not in ("literal", "typed-literal") or n.get("xml:lang"):
            continue
        if n.get("datatype") not in (None, "http://www.w3.org/2001/XMLSchema#string"):
            continue
        out.append((b["e"]["value"], n["value"]))
    return out


def _names_of(store, iris) -> list[tuple]:
    var, _, body = _Q_NAMES_OF.partition("|")
    out = []
    for chunk in _chunks(set(iris)):
        out += _names_rows(store, body.replace("%V%", f"VALUES ?{var} {{ {' '.join(map(_iri, chunk))} }}"))
    return out


def _holders(store, names) -> dict[str, set[str]]:
    """{name: every entity carrying it} for `names`."""
    out: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(set(names), 200):
        q = (f"SELECT ?e ?n WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ VALUES ?n {{ "
             f"{' '.join(literal(n) for n in chunk)} }} ?e <{_RDFS_LABEL}>|<{_ALT_LABEL}> ?n }} }}")
        for e, n in _names_rows(store, q):
            out[n].add(e)
    return out


def compute(store, sets: dict[str, frozenset], progress: Callable[[str], None] | None = None,
            graphs: list | None = None) -> dict[str, dict]:
    """{set IRI: {"rivals"/"timeline"/"lawsuits": rows or None (no such entity), "neighbors"}}
    for the entity sets `sets` ({set IRI: members}), from one read around all their members
    (`graphs`: a list the graph read is appended to when it is the whole store's)."""
    from kg import analytics
    members = set().union(*sets.values()) if sets else set()
    if not members:
        return {}
    if progress:
        progress(f"summary: reading around {len(members)} entities")
    # around a few entities: reads that start from them; around many, the whole store read
    # once is faster (the same graph either way: kg.analytics.full_graph)
    g = analytics.full_graph(store, around=sorted(members) if len(members) <= AROUND_MAX else None)
    if graphs is not None and len(members) > AROUND_MAX:
        graphs.append(g)
    whole = len(members) > AROUND_MAX
    reads = (_rival_reads_all(store) if whole and hasattr(store, "quads")
             else analytics.rival_reads(store, members))
    order = {n: i for i, n in enumerate(g)}
    reports = {r: n for n, d in g.nodes(data=True) if d.get("kind") == "lawsuit"
               for r in d.get("reports", [])}
    stage_courts: dict[str, set] = defaultdict(set)
    if reports:
        for l, c in _scoped(store, _Q_STAGE_COURTS, reports):
            stage_courts[reports[l]].add(c)
    tlq = timeline_query_rows(store, sets, whole=whole)
    # the reads of each entity, in read order: a set's rows come from its members' reads only
    # (`rival_compute` keeps those), so each set is given just them, not every set's reads
    by_entity: dict[str, dict[str, list]] = defaultdict(lambda: {"rels": [], "suits": []})
    for k in ("rels", "suits"):
        for i, r in enumerate(reads[k]):
            by_entity[r[0]][k].append((i, r))

    def own(ms, k):
        found = [x for m in ms if m in by_entity for x in by_entity[m][k]]
        return [r for _, r in sorted(found, key=lambda x: x[0])] if len(ms) > 1 else [r for _, r in found]
    out = {}
    for s, ms in sorted(sets.items()):
        iris = sorted(i for i in ms if i in g)     # as analytics._resolve: entities of the graph
        mine = dict(reads, rels=own(ms, "rels"), suits=own(ms, "suits"))
        rivals = rivals_query_order(analytics.rival_compute(mine, ms))
        if iris:
            timeline = analytics.timeline_rows(g, iris)
            suits = analytics._suits_of(g, iris, order)
            lawsuits = analytics.lawsuit_rows(g, suits)
        else:
            timeline = lawsuits = None
        near: set[str] = set()
        for m in iris:
            for x in list(g.predecessors(m)) + list(g.successors(m)):
                if g.nodes[x].get("kind") == "lawsuit":
                    near |= set(g.predecessors(x)) | set(g.successors(x)) | stage_courts[x]
                else:
                    near.add(x)
        near |= {r[3] for r in mine["rels"]} | {r[2] for r in mine["suits"]}
        out[s] = {"rivals": rivals, "timeline": timeline, "lawsuits": lawsuits,
                  "timelineQuery": tlq[s], "neighbors": sorted(near - set(ms))}
    return out


def _rival_reads_all(store) -> dict:
    """`kg.analytics.rival_reads` of every entity at once, read by one index scan per property
    (the embedded store's `quads`) instead of SPARQL over VALUES blocks of every entity: the same
    rows (of more entities: `rival_compute` keeps a set's own), in another order (which the
    rows do not depend on)."""
    from kg.analytics import HOSTILE, _short
    hostile = {ONTOLOGY + t for t in HOSTILE}

    def by_node(p: str) -> dict[tuple, list]:
        out: dict[tuple, list] = defaultdict(list)
        for x, v, g in store.quads(None, ONTOLOGY + p, None, None, parts="sog"):
            out[(x, g)].append(v)
        return out
    subjects, objects = by_node("subject"), by_node("object")
    rels: set[tuple] = set()
    for (x, g), ts in by_node("relationType").items():
        for t in ts:
            if t not in hostile:
                continue
            for a in subjects.get((x, g), ()):
                for b in objects.get((x, g), ()):
                    rels.add((a, x, t, b, "out"))
                    rels.add((b, x, t, a, "in"))
    defendants = by_node("defendant")
    suits: set[tuple] = set()
    for (x, g), ps in by_node("plaintiff").items():
        for a in ps:
            for b in defendants.get((x, g), ()):
                suits.add((a, x, b, "out"))
                suits.add((b, x, a, "in"))
    nodes = {r[1] for r in rels} | {r[1] for r in suits}
    props: dict[str, dict] = defaultdict(lambda: defaultdict(set))
    for p in ("date", "filingDate", "cause", "court", "caseNumber"):
        for x, v in store.quads(None, ONTOLOGY + p, None, None, parts="so"):
            if x in nodes:
                props[x][_short(ONTOLOGY + p)].add(v)
    others = {r[3] for r in rels} | {r[2] for r in suits}
    labels: dict[str, set] = defaultdict(set)
    classes: dict[str, set] = defaultdict(set)
    for e, label in store.quads(None, _RDFS_LABEL, None, ENTITIES_GRAPH, parts="so"):
        if e in others:
            labels[e].add(label)
    for e, c in store.quads(None, _RDF_TYPE, None, ENTITIES_GRAPH, parts="so"):
        if e in labels:
            classes[e].add(c.rsplit("#", 1)[-1] if "#" in c else "")
    return {"rels": sorted(rels), "suits": sorted(suits), "props": props, "labels": labels,
            "classes": classes}


def rivals_query_order(raw: list[list]) -> list[list]:
    """`rival_rows` (rivals.rq's columns) in rivals.rq's order: most hostile, latest, name
    (ties by the rival's IRI)."""
    rows = sorted(raw, key=lambda r: (r[0], r[7]))
    rows.sort(key=lambda r: r[2] or "", reverse=True)
    rows.sort(key=lambda r: -int(r[1]))
    return rows


_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
#: rivals.rq's columns and how each value is written in SPARQL 1.1 JSON results
RIVALS_VARS = ("rival", "hostile", "latest", "types", "initiated", "received", "classes", "other")
_RIVALS_KIND = ("literal", "int", "literal", "literal", "int", "int", "literal", "uri")


def _query_rows(store, name: str, kind: str) -> list | None:
    """A named query's stored rows for `name` (no rows for a name the store does not know, as
    the query gives); None when the store has no summary graph."""
    try:
        return lookup(store, name, kind)
    except QueryError:
        return []


def rivals_query(store, name: str) -> dict | None:
    """rivals.rq's answer for `name` as SPARQL 1.1 JSON results, from the summary graph (the
    rows `kg rivals` ranks: one implementation); None when the store has no summary graph."""
    raw = _query_rows(store, name, "rivals")
    if raw is None:
        return None

    def term(kind, v):
        if kind == "uri":
            return {"type": "uri", "value": v}
        if kind == "int":
            return {"type": "literal", "datatype": _XSD_INTEGER, "value": str(v)}
        return {"type": "literal", "value": "" if v is None else str(v)}
    return {"head": {"vars": list(RIVALS_VARS)},
            "results": {"bindings": [{k: term(t, v) for k, t, v in zip(RIVALS_VARS, _RIVALS_KIND, r)}
                                     for r in raw]}}


def _triples(s: str, names, ms, res: dict) -> list[str]:
    """N-Triples lines of one set's node and its chunks."""
    lines = [f"<{s}> <{NAME}> {literal(n)} ." for n in sorted(names)]
    lines += [f"<{s}> <{MEMBER}> {literal(m)} ." for m in sorted(ms)]
    lines += [f"<{s}> <{NEIGHBOR}> {literal(x)} ." for x in res["neighbors"]]
    for kind in KINDS:
        rows = res[kind]
        lines.append(f'<{s}> <{NS}{kind}> "{-1 if rows is None else len(rows)}"'
                     f'^^<http://www.w3.org/2001/XMLSchema#integer> .')
        for i in range(0, len(rows or []), CHUNK):
            text = json.dumps(rows[i:i + CHUNK], ensure_ascii=False, separators=(",", ":"))
            lines.append(f"<{chunk_iri(s, kind, i // CHUNK)}> <{ROWS}> {literal(text)} .")
    return lines


def _listing_rows(g, roots) -> list[tuple[str, list]]:
    """[(case, its `kg lawsuits` row)] for the lawsuit nodes `roots` of `g`, in the listing's
    order: `kg.analytics.lawsuit_rows`' (dated first, date, plaintiffs, defendants), ties by
    the case's IRI (the graph's node order)."""
    from kg import analytics
    out = [(r, analytics.lawsuit_rows(g, [r])[0]) for r in roots]
    return sorted(out, key=lambda x: (x[1][0] is None, analytics._day(x[1][0]) or "",
                                      x[1][1], x[1][2], x[0]))


def _listing_lines(keyed: list[tuple[str, list]]) -> list[str]:
    """N-Triples lines of the listing node and its chunks (rows and their cases)."""
    lines = [f'<{ALL}> <{NS}lawsuits> "{len(keyed)}"^^<http://www.w3.org/2001/XMLSchema#integer> .']
    for i in range(0, len(keyed), CHUNK):
        part = keyed[i:i + CHUNK]
        c = chunk_iri(ALL, "lawsuits", i // CHUNK)
        lines.append(f"<{c}> <{ROWS}> {literal(json.dumps([r for _, r in part], ensure_ascii=False, separators=(',', ':')))} .")
        lines.append(f"<{c}> <{KEYS}> {literal(json.dumps([k for k, _ in part], separators=(',', ':')))} .")
    return lines


def _stored_listing(store) -> tuple[list[tuple[str, list]], int]:
    """The listing as stored ([(case, row)]) and its number of chunks."""
    found = _rows(store, f"SELECT ?n WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{ALL}> <{NS}lawsuits> ?n }} }}")
    n = int(found[0][0]) if found else 0
    chunks = (n + CHUNK - 1) // CHUNK
    want = {chunk_iri(ALL, "lawsuits", i): i for i in range(chunks)}
    rows, keys = {}, {}
    for chunk in _chunks(want, 200):
        q = (f"SELECT ?c ?p ?j WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ VALUES ?c {{ "
             f"{' '.join(map(_iri, chunk))} }} ?c ?p ?j FILTER (?p IN (<{ROWS}>, <{KEYS}>)) }} }}")
        for c, p, j in _rows(store, q):
            (rows if p == ROWS else keys)[want[c]] = json.loads(j)
    out = []
    for i in range(chunks):
        out += list(zip(keys.get(i, []), rows.get(i, [])))
    return out, chunks


_Q_STAGED = (f"e|SELECT DISTINCT ?l WHERE {{ GRAPH ?g {{ %V% ?s <{ONTOLOGY}court> ?e . "
             f"?l <{ONTOLOGY}stage> ?s }} }}")
_Q_NAMING = (f"e|SELECT DISTINCT ?l WHERE {{ GRAPH ?g {{ %V% ?l <{ONTOLOGY}plaintiff>|"
             f"<{ONTOLOGY}defendant>|<{ONTOLOGY}court> ?e }} }}")
_Q_IS_CASE = f"c|SELECT DISTINCT ?c WHERE {{ GRAPH <{CASES_GRAPH}> {{ %V% ?l <{CASE}> ?c }} }}"


def _refresh_listing(store, cases: set[str], relabelled: set[str]) -> list[str]:
    """Delete operations and lines that bring the listing up to date: the rows of `cases`
    (and of the cases whose parties, courts or stage courts are `relabelled`) recomputed from
    their reports, the other rows kept; [] when none changed."""
    from kg import analytics
    from kg.cases import links_from_rows
    if relabelled:
        reports = {l for (l,) in _scoped(store, _Q_NAMING, relabelled)}
        reports |= {l for (l,) in _scoped(store, _Q_STAGED, relabelled)}
        cases = cases | reports | {c for (c,) in _scoped(store, _Q_CASE_OF, reports)}
    if not cases:
        return [], []
    live = {c for (c,) in _scoped(store, _Q_IS_CASE, cases)}
    members = {l for (l,) in _scoped(store, _Q_CASE_REPORTS, live)}
    fresh = []
    if live:
        links = links_from_rows(analytics._scoped(store, analytics._Q_CASE_LINKS, "x", members))
        g = analytics.full_graph(store, only=([], members, links))
        fresh = _listing_rows(g, sorted(live))
    kept, chunks = _stored_listing(store)
    keyed = [x for x in kept if x[0] not in cases] + fresh
    keyed = sorted(keyed, key=lambda x: (x[1][0] is None, analytics._day(x[1][0]) or "",
                                         x[1][1], x[1][2], x[0]))
    old = [ALL] + [chunk_iri(ALL, "lawsuits", i) for i in range(chunks)]
    return _delete_subjects(old), _listing_lines(keyed)


# --------------------------------------------------------------------------------- refreshing

_Q_STAMPS = f"""SELECT ?a ?h ?b WHERE {{ GRAPH <{ARTICLES_GRAPH}> {{ ?a <{ONTOLOGY}sha256> ?h .
  OPTIONAL {{ ?a <{ONTOLOGY}builtAt> ?b }} }} }}"""
_Q_OLD_STAMPS = f"""SELECT ?a ?h ?b WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?a <{SHA}> ?h .
  OPTIONAL {{ ?a <{BUILT}> ?b }} }} }}"""
_Q_OLD_TOUCHES = f"a|SELECT ?a ?e WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ %V% ?a <{TOUCHES}> ?e }} }}"
_Q_OLD_HOLDS = f"a|SELECT ?a ?l WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ %V% ?a <{HOLDS}> ?l }} }}"
_TOUCH_PATTERNS = (f"?g <{ONTOLOGY}mentions> ?e",
                   *(f"?x <{ONTOLOGY}{p}> ?e" for p in ("subject", "object", "plaintiff",
                                                        "defendant", "court")),
                   f"?e <{ONTOLOGY}owns> ?u", f"?o <{ONTOLOGY}owns> ?e")
_Q_HELD = f"SELECT DISTINCT ?g ?e WHERE {{ GRAPH ?g {{ ?e a <{ONTOLOGY}Lawsuit> }} }}"
_Q_SETS_WITH = f"e|SELECT DISTINCT ?s WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ %V% ?s <{MEMBER}> ?e }} }}"
_Q_SETS_SHOWING = f"e|SELECT DISTINCT ?s WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ %V% ?s <{NEIGHBOR}> ?e }} }}"
_Q_SET_PARTS = f"""s|SELECT ?s ?p ?o WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ %V% ?s ?p ?o
  FILTER (?p IN (<{MEMBER}>, <{NEIGHBOR}>, {", ".join(f"<{NS}{k}>" for k in KINDS)})) }} }}"""
_Q_CHANGED = f"SELECT ?x WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> <{CHANGED}> ?x }} }}"
_Q_CASE_OF = f"l|SELECT DISTINCT ?c WHERE {{ GRAPH <{CASES_GRAPH}> {{ %V% ?l <{CASE}> ?c }} }}"
_Q_CASE_REPORTS = f"c|SELECT DISTINCT ?l WHERE {{ GRAPH <{CASES_GRAPH}> {{ %V% ?l <{CASE}> ?c }} }}"
_Q_REPORT_SIDES = (f"l|SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ %V% ?l <{ONTOLOGY}plaintiff>|"
                   f"<{ONTOLOGY}defendant>|<{ONTOLOGY}court> ?e }} }}")
#: what rows show of an entity besides its IRI: its labels (rdfs:label, and skos:prefLabel,
#: which picks the label shown) and its types
_LOOK_PROPS = (_RDFS_LABEL, "http://www.w3.org/2004/02/skos/core#prefLabel",
               "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_Q_LOOKS = (f"SELECT ?e ?p ?o WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ %V% ?e ?p ?o "
            f"FILTER (?p IN ({', '.join(f'<{p}>' for p in _LOOK_PROPS)})) }} }}")


def _touches(store, graphs=None) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """({article IRI: entity IRIs its graph names}, {article IRI: lawsuit reports it holds})
    (every article when `graphs` is None)."""
    out: dict[str, set[str]] = defaultdict(set)
    held: dict[str, set[str]] = defaultdict(set)
    ent, art = BASE + "entity/", BASE + "article/"
    if graphs is None:
        for pat in _TOUCH_PATTERNS:
            for g, e in _rows(store, f"SELECT DISTINCT ?g ?e WHERE {{ GRAPH ?g {{ {pat} }} }}"):
                if e and e.startswith(ent) and g.startswith(art):
                    out[g].add(e)
        for g, l in _rows(store, _Q_HELD):
            if g.startswith(art):
                held[g].add(l)
        return out, held
    union = " UNION ".join(f"{{ {p.replace('?g', '?a')} }}" for p in _TOUCH_PATTERNS)
    for a in sorted(graphs):
        for (e,) in _rows(store, f"SELECT DISTINCT ?e WHERE {{ GRAPH {_iri(a)} {{ "
                          f"BIND ({_iri(a)} AS ?a) {union} }} }}"):
            if e and e.startswith(ent):
                out[a].add(e)
        held[a] |= {l for (l,) in _rows(store, f"SELECT DISTINCT ?l WHERE {{ GRAPH {_iri(a)} {{ "
                                         f"?l a <{ONTOLOGY}Lawsuit> }} }}")}
    return out, held


def look_iri(e: str) -> str:
    """The summary node keeping what rows show of entity `e` (`_looks`)."""
    return f"{BASE}summary/look/{hashlib.sha1(e.encode('utf-8')).hexdigest()[:24]}"


def _looks(store, iris=None) -> dict[str, str]:
    """{entity: what rows show of it besides its IRI, as one JSON text} for `iris` (every
    entity when None): the label shown (`kg.labels.display_label`: the skos:prefLabel in the
    language most of its articles are in, else the canonical rdfs:label), every rdfs:label
    (timeline.rq's rows) and every type (rivals.rq's)."""
    labels: dict[str, set] = defaultdict(set)
    types: dict[str, set] = defaultdict(set)
    for b in _bindings(store, _Q_LOOKS, "e", iris):
        e, p, o = b["e"]["value"], b["p"]["value"], b["o"]
        if p == _RDFS_LABEL:
            labels[e].add(o["value"])
        elif p != _LOOK_PROPS[1]:
            types[e].add(o["value"])
    prefs: dict[str, dict] = defaultdict(dict)
    for b in _bindings(store, PREF_COUNTS, "e", iris):
        tag = (b.get("tag", {}).get("value") or "").lower()
        if tag:
            prefs[b["e"]["value"]][(tag, b["label"]["value"])] = int(b["n"]["value"])
    out = {}
    for e in set(labels) | set(types):
        shown = min(labels[e]) if labels[e] else None
        if shown is not None:
            shown = display_label(shown, prefs.get(e, {}), prefer="")   # stored: the default rule
        out[e] = json.dumps([shown, sorted(labels[e]), sorted(types[e])], ensure_ascii=False)
    return out


def _look_lines(looks: dict[str, str]) -> list[str]:
    return [f"<{look_iri(e)}> <{LOOK}> {literal(v)} ." for e, v in sorted(looks.items())]


def _stored_looks(store, iris) -> dict[str, str]:
    by_node = {look_iri(e): e for e in iris}
    out = {}
    for chunk in _chunks(by_node, 200):
        q = (f"SELECT ?n ?l WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ VALUES ?n {{ "
             f"{' '.join(map(_iri, chunk))} }} ?n <{LOOK}> ?l }} }}")
        out.update({by_node[n]: l for n, l in _rows(store, q)})
    return out


def _case_sides(store, reports) -> tuple[set[str], set[str]]:
    """(the parties and courts of every report of the cases `reports` are in (or were: a
    logged report or case), whose rows show those cases; those cases, and the reports, any
    of which may be a case)."""
    reports = set(reports)
    if not reports:
        return set(), set()
    cases = {c for (c,) in _scoped(store, _Q_CASE_OF, reports)} | reports
    reports |= {l for (l,) in _scoped(store, _Q_CASE_REPORTS, cases)}
    return {e for (e,) in _scoped(store, _Q_REPORT_SIDES, reports)}, cases


def _stamp(h, b) -> tuple:
    return (h, b)


def _stamp_lines(a: str, stamp: tuple) -> list[str]:
    """What the summary keeps of an article's record: its sha256 and build time (a rebuild of
    an unchanged text with --force may write other facts)."""
    h, b = stamp
    return [f"<{a}> <{SHA}> {literal(h)} ."] + ([f"<{a}> <{BUILT}> {literal(b)} ."] if b else [])


def _send(store, deletes: list[str], inserts: list[str]) -> None:
    """DELETE WHERE ops, then INSERT DATA of `inserts` lines, in requests of up to
    UPDATE_BYTES (the first request carries the deletes)."""
    ops, size = list(deletes), sum(len(d) for d in deletes)
    batch: list[str] = []

    def flush():
        nonlocal ops, size, batch
        if batch:
            ops.append(f"INSERT DATA {{ GRAPH <{SUMMARY_GRAPH}> {{\n" + "\n".join(batch) + "\n} }")
        if ops:
            store.update_derived(" ;\n".join(ops))
        ops, size, batch = [], 0, []
    for line in inserts:
        batch.append(line)
        size += len(line) + 1
        if size > UPDATE_BYTES:
            flush()
    flush()


def _delete_subjects(subjects) -> list[str]:
    return [f"DELETE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{SUMMARY_GRAPH}> "
            f"{{ VALUES ?s {{ {' '.join(map(_iri, chunk))} }} ?s ?p ?o }} }}"
            for chunk in _chunks(set(subjects))]


def drop_summary(store) -> None:
    """No summary graph: the answers come from the facts (a build with `summary=False`)."""
    store.update_derived(f"DROP SILENT GRAPH <{SUMMARY_GRAPH}>")


def refresh_summary(store, full: bool = False,
                    progress: Callable[[str], None] | None = None) -> int:
    """Bring the summary graph up to date with the stored articles (see module doc); `full`:
    rebuild it whole.  Returns how many entity sets were rewritten.  The rows hold the default
    labels (`kg.labels`), whatever language a caller prefers."""
    with preferring(None):
        return _refresh_summary(store, full, progress)


def _refresh_summary(store, full: bool, progress) -> int:
    cur = {a: _stamp(h, b) for a, h, b in _rows(store, _Q_STAMPS)}
    if not cur:                                  # no articles: no summary (an empty store)
        store.update_derived(f"DROP SILENT GRAPH <{SUMMARY_GRAPH}>")
        return 0
    if full or not has_summary(store):
        return _rebuild(store, cur, progress)
    old = {a: _stamp(h, b) for a, h, b in _rows(store, _Q_OLD_STAMPS)}
    changed = {a for a in set(cur) | set(old) if cur.get(a) != old.get(a)}
    logged = {x for (x,) in _rows(store, _Q_CHANGED)}
    if not changed and not logged:
        return 0
    affected, looks, touched_new, held_new, cases, relabelled = _affected(
        store, changed, {a for a in changed if a in cur}, logged)
    n = _rewrite(store, affected, progress)
    gone, listing = _refresh_listing(store, cases, relabelled)
    stamps = [x for a in sorted(changed) if a in cur for x in _stamp_lines(a, cur[a])]
    stamps += [f"<{a}> <{TOUCHES}> {literal(e)} ." for a in sorted(touched_new) for e in sorted(touched_new[a])]
    stamps += [f"<{a}> <{HOLDS}> {literal(l)} ." for a in sorted(held_new) for l in sorted(held_new[a])]
    stamps += _look_lines({e: v for e, v in looks.items() if v is not None})
    stamps += listing
    deletes = gone + _delete_subjects(set(changed) | {look_iri(e) for e in looks})
    if logged:
        deletes.append(f"DELETE DATA {{ GRAPH <{SUMMARY_GRAPH}> {{ " + " ".join(
            f"<{SUMMARY_GRAPH}> <{CHANGED}> {literal(x)} ." for x in sorted(logged)) + " } }")
    _send(store, deletes, stamps)
    return n


def _affected(store, changed: set[str], present: set[str], logged: set[str]):
    """(the entities whose names' rows to recompute, {entity: its look now or None} for the
    entities the changed articles touch, and what the articles `present` touch and hold now).

    The rows of a name change only where its facts or cases, or what they show of another
    entity (its labels and types), changed: so the entities the changed articles touch (before
    and after: stored `sum:touches`), the parties and courts of the cases the changed articles'
    reports are in (before and after: stored `sum:holds`) or that gained or lost a report
    (`kg.cases` logs those), and — only where an entity's labels or types changed — every
    entity whose rows showed it (stored `sum:neighbor`)."""
    touched_new, held_new = _touches(store, present)
    a0 = {e for _, e in _scoped(store, _Q_OLD_TOUCHES, changed)}
    a0 |= {e for es in touched_new.values() for e in es}
    reports = {l for _, l in _scoped(store, _Q_OLD_HOLDS, changed)} | logged
    reports |= {l for ls in held_new.values() for l in ls}
    sides, cases = _case_sides(store, reports)
    affected = a0 | sides
    now = _looks(store, a0)
    before = _stored_looks(store, a0)
    relabelled = {e for e in a0 if now.get(e) != before.get(e)}
    if relabelled:
        showing = {s for (s,) in _scoped(store, _Q_SETS_SHOWING, relabelled, True)}
        affected |= {o for s, p, o in _scoped(store, _Q_SET_PARTS, showing) if p == MEMBER}
    else:
        relabelled = set()
    return affected, {e: now.get(e) for e in a0}, touched_new, held_new, cases, relabelled


def _sets_named(store, names) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(set(names), 200):
        q = (f"SELECT DISTINCT ?s WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ VALUES ?n {{ "
             f"{' '.join(literal(n) for n in chunk)} }} ?s <{NAME}> ?n }} }}")
        out |= {s for (s,) in _rows(store, q)}
    return out


def _rewrite(store, affected: set[str], progress=None) -> int:
    """Recompute and rewrite the sets of every name of the entities `affected`, and of every
    entity sharing a stored set or a name with them (a name may have moved between sets);
    delete the stored sets those entities or names were in."""
    if not affected:
        return 0
    ents, doomed = set(affected), set()
    while True:
        names = {n for _, n in _names_of(store, ents)}
        more = ({s for (s,) in _scoped(store, _Q_SETS_WITH, ents, True)} | _sets_named(store, names)) - doomed
        if not more:
            break
        doomed |= more
        ents |= {o for s, p, o in _scoped(store, _Q_SET_PARTS, more) if p == MEMBER}
    sets, names_of = _name_sets(_holders(store, names))
    res = compute(store, sets, progress)
    doomed |= set(sets)
    subjects = set(doomed)
    for s, p, o in _scoped(store, _Q_SET_PARTS, doomed):
        if p.startswith(NS) and p[len(NS):] in KINDS:
            subjects |= {chunk_iri(s, p[len(NS):], i) for i in range((max(0, int(o)) + CHUNK - 1) // CHUNK)}
    lines = []
    for s in sorted(sets):
        lines += _triples(s, names_of[s], sets[s], res[s])
    _send(store, _delete_subjects(subjects), lines)
    return len(sets)


def _name_sets(holders: dict[str, set]) -> tuple[dict[str, frozenset], dict[str, set]]:
    """The entity sets the names name (set IRI -> its entities) and each set's names."""
    sets: dict[str, frozenset] = {}
    names_of: dict[str, set] = defaultdict(set)
    for n, es in holders.items():
        s = set_iri(es)
        sets[s] = frozenset(es)
        names_of[s].add(n)
    return sets, names_of


def _rebuild(store, cur: dict[str, str], progress=None) -> int:
    """The whole summary graph anew."""
    store.update_derived(f"DROP SILENT GRAPH <{SUMMARY_GRAPH}>")
    from kg import analytics
    sets, names_of = _name_sets(_by_name(_names_rows(store, _Q_ALL_NAMES)))
    graphs: list = []
    res = compute(store, sets, progress, graphs)
    lines = []
    for s in sorted(sets):
        lines += _triples(s, names_of[s], sets[s], res[s])
    g = graphs[0] if graphs else analytics.full_graph(store)
    lines += _listing_lines(_listing_rows(g, sorted(n for n, d in g.nodes(data=True)
                                                    if d.get("kind") == "lawsuit")))
    touches, held = _touches(store)
    lines += [x for a, v in sorted(cur.items()) for x in _stamp_lines(a, v)]
    lines += [f"<{a}> <{TOUCHES}> {literal(e)} ." for a in sorted(touches) if a in cur
              for e in sorted(touches[a])]
    lines += [f"<{a}> <{HOLDS}> {literal(l)} ." for a in sorted(held) if a in cur
              for l in sorted(held[a])]
    lines += _look_lines(_looks(store))
    lines.append(f"<{SUMMARY_GRAPH}> <{VERSION_P}> {literal(VERSION)} .")
    if progress:
        progress(f"summary: writing {len(sets)} name sets")
    _send(store, [], lines)
    return len(sets)


def named_rows(store, query: str, name: str):
    """`named_answer` as `kg.query.Rows` (its SPARQL JSON made only if asked for), or None."""
    from kg.query import Rows, to_rows
    if query == "timeline":
        rows = _query_rows(store, name, "timelineQuery")
        if rows is None:
            return None
        return Rows(list(TIMELINE_VARS), [[c[0] if c else None for c in r] for r in rows],
                    lambda: _timeline_json(rows))
    res = named_answer(store, query, name)
    return None if res is None else to_rows(res)


def named_answer(store, query: str, name: str) -> dict | None:
    """The named query `query` bound to `name`, answered from the summary graph (SPARQL 1.1
    JSON results), or None when the store has none (run the query then)."""
    if query == "rivals":
        return rivals_query(store, name)
    if query == "timeline":
        return timeline_query(store, name)
    return None


# ------------------------------------------------------------- timeline.rq from the summary

_KG, _PROV = ONTOLOGY, "http://www.w3.org/ns/prov#"
_DCT = "http://purl.org/dc/terms/"
TIMELINE_VARS = ("date", "type", "subject", "object", "evidence", "article", "title")
_Q_TL = f"""SELECT ?g ?r ?t ?s ?o ?ev ?text ?a WHERE {{ GRAPH ?g {{ %V% %R%
  ?r a <{_KG}Relation> ; <{_KG}relationType> ?t ; <{_KG}subject> ?s ; <{_KG}object> ?o ;
     <{_KG}hasEvidence> ?ev . ?ev <{_KG}text> ?text ; <{_PROV}wasDerivedFrom> ?a }} }}"""
_Q_TL_DATES = f"SELECT ?g ?r ?d WHERE {{ GRAPH ?g {{ %V% ?r <{_KG}date> ?d }} }}"
_Q_TL_LABELS = f"SELECT ?x ?l WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ %V% ?x <{_RDFS_LABEL}> ?l }} }}"
_Q_TL_ARTICLES = (f"SELECT ?a ?id ?title WHERE {{ GRAPH <{ARTICLES_GRAPH}> {{ %V% "
                  f"?a <{_DCT}identifier> ?id ; <{_DCT}title> ?title }} }}")


def _bindings(store, sparql: str, var: str | None = None, iris=None) -> list[dict]:
    """SPARQL JSON bindings of `sparql`, its `%V%` a VALUES block over `iris` in chunks (or
    nothing when `iris` is None: the whole store)."""
    if iris is None:
        return store.query_json(sparql.replace("%V%", "")).get("results", {}).get("bindings", [])
    out: list[dict] = []
    for chunk in _chunks(set(iris)):
        q = sparql.replace("%V%", f"VALUES ?{var} {{ {' '.join(map(_iri, chunk))} }}")
        out += store.query_json(q).get("results", {}).get("bindings", [])
    return out


def _cell(b: dict | None):
    """A binding, kept small: None (unbound), [value], or [value, "@lang" | "^^datatype"]."""
    if b is None:
        return None
    if b.get("type") == "uri":
        return [b["value"], "<>"]
    if "xml:lang" in b:
        return [b["value"], "@" + b["xml:lang"]]
    if b.get("datatype") and b["datatype"] != "http://www.w3.org/2001/XMLSchema#string":
        return [b["value"], "^^" + b["datatype"]]
    return [b["value"]]


def _binding(c) -> dict | None:
    if c is None:
        return None
    if len(c) == 1:
        return {"type": "literal", "value": c[0]}
    if c[1] == "<>":
        return {"type": "uri", "value": c[0]}
    if c[1].startswith("@"):
        return {"type": "literal", "value": c[0], "xml:lang": c[1][1:]}
    return {"type": "literal", "value": c[0], "datatype": c[1][2:]}


def timeline_query_rows(store, sets: dict[str, frozenset], whole: bool) -> dict[str, list]:
    """{set: timeline.rq's rows (cells as `_cell`) for a name standing for those entities}, in
    the query's order, computed from reads that start at the entities (`whole`: read the whole
    store once instead).  The query's rule: each telling (graph, relation, evidence) of a
    relation whose subject is the entity, or whose object it is when the same graph does not
    also make it the subject; every label of both sides; the relation's date in that graph and
    the article's identifier and title when given."""
    members = set().union(*sets.values()) if sets else set()
    if not members:
        return {}
    rows = []
    if whole:
        rows = _bindings(store, _Q_TL.replace("%R%", ""))
    else:
        for role in ("subject", "object"):
            rows += _bindings(store, _Q_TL.replace("%R%", f"?r <{_KG}{role}> ?e ."), "e", members)
        seen, uniq = set(), []
        for b in rows:           # a relation with the entity on both sides was read twice
            k = tuple(b[v]["value"] for v in ("g", "r", "t", "s", "o", "ev", "a")) + (json.dumps(b["text"], sort_keys=True),)
            if k not in seen:
                seen.add(k)
                uniq.append(b)
        rows = uniq
    rels = {b["r"]["value"] for b in rows}
    dates: dict[tuple, list] = defaultdict(list)
    for b in _bindings(store, _Q_TL_DATES, "r", None if whole else rels):
        dates[(b["g"]["value"], b["r"]["value"])].append(b["d"])
    ents = {b[v]["value"] for b in rows for v in ("s", "o")}
    labels: dict[str, list] = defaultdict(list)
    for b in _bindings(store, _Q_TL_LABELS, "x", None if whole else ents):
        labels[b["x"]["value"]].append(b["l"])
    arts = {b["a"]["value"] for b in rows}
    meta: dict[str, list] = defaultdict(list)
    for b in _bindings(store, _Q_TL_ARTICLES, "a", None if whole else arts):
        meta[b["a"]["value"]].append((b["id"], b["title"]))
    subj: dict[tuple, bool] = {}
    by_subject: dict[str, list] = defaultdict(list)
    by_object: dict[str, list] = defaultdict(list)
    for b in rows:
        s, o = b["s"]["value"], b["o"]["value"]
        subj[(b["g"]["value"], b["r"]["value"], s)] = True
        if s in members:
            by_subject[s].append(b)
        if o in members:
            by_object[o].append(b)
    # an entity's rows (cells, each made once and shared) and their sort keys, made once even
    # when the entity is in several sets
    label_cells = {x: [_cell(l) for l in ls] for x, ls in labels.items()}
    meta_cells = {a: [(_cell(i), _cell(t)) for i, t in ms] for a, ms in meta.items()}
    date_cells = {k: [[d["value"]] for d in ds] for k, ds in dates.items()}
    no_meta = [(None, None)]
    of_entity: dict[str, list] = {}

    def rows_of(e: str) -> list:
        if e in of_entity:
            return of_entity[e]
        found = []
        picked = list(by_subject[e]) + [b for b in by_object[e]
                                        if not subj.get((b["g"]["value"], b["r"]["value"], e))]
        for b in picked:
            g, r = b["g"]["value"], b["r"]["value"]
            t = b["t"]["value"]
            typ = [t.split("#", 1)[1] if "#" in t else ""]
            text = _cell(b["text"])
            for sl in label_cells.get(b["s"]["value"], []):
                for ol in label_cells.get(b["o"]["value"], []):
                    for date in date_cells.get((g, r)) or [None]:
                        for aid, title in meta_cells.get(b["a"]["value"]) or no_meta:
                            row = [date, typ, sl, ol, text, aid, title]
                            found.append((_timeline_order(row), row))
        of_entity[e] = found
        return found
    out = {}
    for key, ms in sets.items():
        found = [x for e in sorted(ms) for x in rows_of(e)]
        out[key] = [row for _, row in sorted(found, key=lambda x: x[0])]
    return out


def _timeline_order(row):
    """timeline.rq's ORDER BY: dated first, then date, type, subject, object, evidence,
    article (unbound before any value); ties by the title."""
    def v(c):
        return (0, "") if c is None else (1, c[0])
    return (row[0] is None or row[0][0] == "", v(row[0]), v(row[1]), v(row[2]), v(row[3]),
            v(row[4]), v(row[5]), v(row[6]))


def timeline_query(store, name: str) -> dict | None:
    """timeline.rq bound to `name` as SPARQL 1.1 JSON results, from the summary graph; None
    when the store has none."""
    rows = _query_rows(store, name, "timelineQuery")
    return None if rows is None else _timeline_json(rows)


def _timeline_json(rows: list) -> dict:
    return {"head": {"vars": list(TIMELINE_VARS)},
            "results": {"bindings": [{k: b for k, c in zip(TIMELINE_VARS, r)
                                      if (b := _binding(c)) is not None} for r in rows]}}
