"""networkx over the store: the rivalry graph, rivals, timelines, lawsuits, centrality, export.

Everything is read with SPARQL through `kg.query.run`; a name from the user reaches SPARQL only
through `kg.query.bind` (a VALUES block over an escaped literal), never pasted into the query.

The graph (`graph_from_store`) is a `networkx.MultiDiGraph`:
- nodes are entity IRIs (attrs `kind="entity"`, `label`, `type`, `aliases`, `qid`) and lawsuit
  IRIs (`kind="lawsuit"`, `type="Lawsuit"`, `label`, `date`, `cause`, `court`, claim, outcome…);
- an edge per relation node (key = the relation's IRI; attrs `type`, `date`, `earliest`,
  `latest`, `confidence` = the best evidence's, `evidence` = a list of dicts with `text`,
  `confidence`, `article`, `title`, `source`, `reported`, `lang`);
- a lawsuit links `plaintiff -> lawsuit`, `lawsuit -> defendant`, `lawsuit -> court` with edge
  types `plaintiff`, `defendant`, `court`, dated by the filing date, carrying its evidence.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import product
from dataclasses import dataclass, field
from urllib.parse import unquote

import networkx as nx

from kg.cases import case_links, links_from_rows, stored_links
from kg.errors import QueryError
from kg.labels import PREF_COUNTS, display_label, preferred
from kg.model import ENTITY_TYPES, SYMMETRIC_RELATIONS
from kg.query import run, to_rows
from kg.query import with_prefixes as _with_prefixes
from kg.resolve import CASES_GRAPH, ENTITIES_GRAPH

ONT = "https://rivalry-kg.org/ontology#"
HOSTILE = ("sues", "blocks", "accuses", "competes")
LAWSUIT_ROLES = ("plaintiff", "defendant", "court")
_TYPE_RANK = {t: i for i, t in enumerate(ENTITY_TYPES)}

_Q_ENTITIES = """SELECT ?e ?label ?c ?q WHERE {
  GRAPH <https://rivalry-kg.org/id/graph/entities> { %V%
    ?e rdfs:label ?label . OPTIONAL { ?e a ?c } OPTIONAL { ?e owl:sameAs ?q } } }"""
_Q_ALIASES = """SELECT ?e ?alt WHERE {
  GRAPH <https://rivalry-kg.org/id/graph/entities> { %V% ?e skos:altLabel ?alt } }"""
_Q_MATCH = """SELECT DISTINCT ?e WHERE {
  GRAPH <https://rivalry-kg.org/id/graph/entities> { ?e rdfs:label|skos:altLabel ?name } }"""
_Q_ARTICLES = """SELECT ?a ?id ?title ?source ?date ?lang WHERE {
  GRAPH <https://rivalry-kg.org/id/graph/articles> { %V%
    ?a a kg:Article . OPTIONAL { ?a dcterms:identifier ?id } OPTIONAL { ?a dcterms:title ?title }
    OPTIONAL { ?a dcterms:source ?source } OPTIONAL { ?a dcterms:date ?date }
    OPTIONAL { ?a dcterms:language ?lang } } }"""
_Q_RELATIONS = """SELECT DISTINCT ?r ?t ?s ?o ?d ?lo ?hi WHERE {
  GRAPH ?g { ?r a kg:Relation ; kg:relationType ?t ; kg:subject ?s ; kg:object ?o .
    OPTIONAL { ?r kg:date ?d } OPTIONAL { ?r kg:dateEarliest ?lo } OPTIONAL { ?r kg:dateLatest ?hi } } }"""
_Q_EVIDENCE = """SELECT DISTINCT ?x ?ev ?text ?conf ?art ?rep ?start WHERE {
  GRAPH ?g { %V% ?x kg:hasEvidence ?ev . ?ev kg:text ?text .
    OPTIONAL { ?ev prov:wasDerivedFrom ?art } OPTIONAL { ?ev kg:confidence ?conf }
    OPTIONAL { ?ev kg:reportedOn ?rep } OPTIONAL { ?ev kg:startOffset ?start } } }"""
_Q_LAWSUITS = """SELECT DISTINCT ?l ?p ?v WHERE {
  GRAPH ?g { ?l a kg:Lawsuit ; ?p ?v .
    FILTER (?p != rdf:type && ?p != kg:hasEvidence && ?p != kg:stage) } }"""
_Q_STAGES = """SELECT DISTINCT ?l ?kind ?court ?date ?outcome WHERE {
  GRAPH ?g { ?l kg:stage ?s . ?s kg:stageType ?kind .
    OPTIONAL { ?s kg:court ?court } OPTIONAL { ?s kg:date ?date } OPTIONAL { ?s kg:outcome ?outcome } } }"""
_Q_OWNS = """SELECT DISTINCT ?o ?e WHERE {
  GRAPH <https://rivalry-kg.org/id/graph/entities> { ?o kg:owns ?e } }"""


def _short(iri: str | None) -> str | None:
    if iri is None:
        return None
    for sep in ("cause/", "#"):
        if sep in iri:
            return iri.rsplit(sep, 1)[1]
    return iri


def _label_from_iri(iri: str) -> str:
    return unquote(iri.rsplit("/", 1)[-1]).replace("_", " ")


def _float(v: str | None) -> float | None:
    try:
        return float(v) if v is not None else None
    except ValueError:
        return None


def _day(d: str | None, latest: bool = False) -> str | None:
    """A date of any precision as its earliest (or latest) day, for comparisons."""
    if not d:
        return None
    from kg.rdf import date_bounds
    try:
        return date_bounds(d)[1 if latest else 0]
    except (KeyError, ValueError, IndexError):
        return d


@dataclass
class Filters:
    """What `kg viz` and `graph_from_store` may restrict the graph to."""
    focus: str | None = None
    hops: int = 1
    since: str | None = None
    until: str | None = None
    relations: set[str] | None = None
    types: set[str] | None = None
    min_confidence: float | None = None
    extra: dict = field(default_factory=dict)


def match_entities(store, name: str) -> list[str]:
    """IRIs of the entities whose label or alias is `name` (bound, never pasted)."""
    rows = run(store, _Q_MATCH, name=name).rows
    return [r[0] for r in rows]


def _iri(iri: str) -> str:
    """An IRI read from the store, written back into SPARQL (refused if it could break out)."""
    if any(c in iri for c in '<>"{}|^`\\ \n\r\t'):
        raise QueryError(f"unexpected IRI in the store: {iri!r}")
    return f"<{iri}>"


#: IRIs per VALUES block of a scoped read (keeps each query text small for any server).
SCOPE_CHUNK = 400


def _scoped(store, sparql: str, var: str | tuple, iris) -> list[list]:
    """Rows of `sparql` with `?var` bound by a VALUES block of store IRIs (or tuples of IRIs for
    several variables), in chunks.  The block goes where the query says `%V%` (inside the group
    that uses the variable first: Oxigraph joins a VALUES block at the top of WHERE after
    evaluating the rest, 20x slower), else at the start of the outermost WHERE group."""
    iris = sorted(set(iris))
    rows: list[list] = []
    sparql = _with_prefixes(sparql)
    if "%V%" not in sparql:
        m = re.search(r"WHERE\s*\{", sparql, re.I)
        sparql = sparql[: m.end()] + " %V% " + sparql[m.end():]
    for i in range(0, len(iris), SCOPE_CHUNK):
        chunk = iris[i:i + SCOPE_CHUNK]
        if isinstance(var, tuple):
            head = "(" + " ".join(f"?{v}" for v in var) + ")"
            body = " ".join("(" + " ".join(_iri(x) for x in t) + ")" for t in chunk)
        else:
            head, body = f"?{var}", " ".join(_iri(x) for x in chunk)
        rows.extend(to_rows(store.query_json(sparql.replace("%V%", f"VALUES {head} {{ {body} }}"))).rows)
    return rows


def _all(store, sparql: str) -> list[list]:
    """Rows of a scoped read's query over the whole store."""
    return run(store, sparql.replace("%V%", "")).rows


def _articles(store, scope=None) -> dict[str, dict]:
    out = {}
    rows = _all(store, _Q_ARTICLES) if scope is None else _scoped(store, _Q_ARTICLES, "a", scope)
    for a, aid, title, source, date, lang in rows:
        out[a] = {"id": aid, "title": title or aid or _label_from_iri(a), "source": source or "",
                  "date": date, "lang": lang or "zh"}
    return out


def _evidence(store, articles: dict | None, scope=None) -> dict[str, list[dict]]:
    """Evidence of every node (or of the nodes in `scope`); `articles` None: read the metadata
    of the articles the evidence cites."""
    rows = _all(store, _Q_EVIDENCE) if scope is None else _scoped(store, _Q_EVIDENCE, "x", scope)
    if articles is None:
        articles = _articles(store, {r[4] for r in rows if r[4]})
    ev = defaultdict(dict)
    for x, e, text, conf, art, rep, start in rows:
        meta = articles.get(art or "", {})
        ev[x][e] = {"text": text, "confidence": _float(conf), "article": meta.get("id") or
                    (_label_from_iri(art) if art else ""), "title": meta.get("title", ""),
                    "source": meta.get("source", ""), "reported": rep or meta.get("date"),
                    "lang": meta.get("lang", "zh"), "_start": int(start) if start else 0}
    out = {}
    for x, items in ev.items():
        lst = sorted(items.values(), key=lambda d: (d["reported"] or "", d["article"], d["_start"]))
        for d in lst:
            d.pop("_start", None)
        out[x] = lst
    return out


def _entities(store, scope=None) -> dict[str, dict]:
    ents: dict[str, dict] = {}

    def read(q: str, var: str = "e") -> list[list]:
        return _all(store, q) if scope is None else _scoped(store, q, var, scope)
    for e, label, c, q in read(_Q_ENTITIES):
        t = _short(c) if c else None
        cur = ents.setdefault(e, {"kind": "entity", "label": label, "type": t or "Organization",
                                  "aliases": [], "qid": None})
        # Several articles may type or spell an entity differently: keep one, deterministically.
        if label < cur["label"] and label != cur["label"]:
            cur["label"] = label
        if t and (cur["type"] not in _TYPE_RANK or
                  _TYPE_RANK.get(t, 99) < _TYPE_RANK.get(cur["type"], 99)):
            cur["type"] = t
        if q:
            cur["qid"] = q.rsplit("/", 1)[-1]
    for e, alt in read(_Q_ALIASES):
        if e in ents and alt not in ents[e]["aliases"]:
            ents[e]["aliases"].append(alt)
    prefs: dict[str, dict] = defaultdict(dict)
    for e, lab, tag, n in read(PREF_COUNTS):
        tag = (tag or "").lower()
        if e in ents and tag:
            prefs[e][(tag, lab)] = int(n)
            labels = ents[e].setdefault("labels", {})
            if tag not in labels or lab < labels[tag]:
                labels[tag] = lab
    for e, d in ents.items():
        d["aliases"].sort()
        # the label shown: the language most of its articles are in, else the canonical name (kg.labels)
        d["label"] = display_label(d["label"], prefs.get(e, {}))
    return ents


def _confidence(evidence: list[dict]) -> float | None:
    vals = [d["confidence"] for d in evidence if d.get("confidence") is not None]
    return max(vals) if vals else None


def _lawsuit_label(plaintiffs, defendants, labels) -> str:
    def names(xs):
        ns = [labels(x) for x in xs]
        return "、".join(ns[:2]) + ("…" if len(ns) > 2 else "")
    return f"{names(plaintiffs)} v {names(defendants)}"


def _article_count(evidence: list[dict]) -> int:
    return len({d.get("article") for d in evidence if d.get("article")})


def _merge_facts(rels: list[tuple]) -> dict[str, str]:
    """{relation node: the fact it joins} — the same rule as `rivals.rq`: a node with no date, or
    with a date another node of the same type and sides states more precisely, joins that node
    (an undated report, the most recent such fact reported by then)."""
    groups: dict[tuple, list] = defaultdict(list)
    for r, t, s, o, d, _lo, _hi in rels:
        groups[(t, s, o)].append((r, d))
    into: dict[str, str] = {}
    for items in groups.values():
        dated = sorted({(d, r) for r, d in items if d})
        roots = [(d, r) for d, r in dated
                 if not any(d2 != d and d2.startswith(d) for d2, _ in dated)]
        for r, d in items:
            if any(r == rr for _, rr in roots):
                continue
            if d:
                cands = [(d2, r2) for d2, r2 in roots if d2.startswith(d)]
            else:
                cands = roots
            if cands:
                into[r] = max(cands)[1] if d else cands[-1][1]
    return into


def _undated_target(into: dict, rels: list[tuple], evidence: dict) -> None:
    """An undated report joins the latest fact dated no later than its article (else the
    earliest), rather than simply the latest."""
    by_key = defaultdict(list)
    for r, t, s, o, d, _lo, _hi in rels:
        if d and r not in into:
            by_key[(t, s, o)].append((_day(d), r))
    for r, t, s, o, d, _lo, _hi in rels:
        if d or r not in into:
            continue
        roots = sorted(by_key[(t, s, o)])
        reported = min((e.get("reported") or "" for e in evidence.get(r, [])), default="")
        before = [x for x in roots if reported and x[0] <= reported]
        into[r] = (before[-1] if before else roots[0])[1]


# Scoped reads for `full_graph(store, around=...)`: the same rows as the whole-store queries
# above, for the nodes around some entities only (each starts from a bound IRI: an index lookup).
_Q_REL_AS = """SELECT DISTINCT ?r ?t ?s ?o ?d ?lo ?hi WHERE {
  GRAPH ?g { %%V%% ?r kg:%s ?e . ?r a kg:Relation ; kg:relationType ?t ; kg:subject ?s ; kg:object ?o .
    OPTIONAL { ?r kg:date ?d } OPTIONAL { ?r kg:dateEarliest ?lo } OPTIONAL { ?r kg:dateLatest ?hi } } }"""
_Q_SUITS_AS = """SELECT DISTINCT ?l WHERE { GRAPH ?g { %%V%% ?l kg:%s ?e . ?l a kg:Lawsuit } }"""
_Q_CASE_LINKS = """SELECT DISTINCT ?l ?p ?c WHERE {
  GRAPH <""" + CASES_GRAPH + """> { %V% ?x kg:case ?c . ?l ?p ?c FILTER (?p IN (kg:case, kg:reversedIn)) } }"""
_Q_LAWSUIT_PROPS = """SELECT DISTINCT ?l ?p ?v WHERE {
  GRAPH ?g { %V% ?l a kg:Lawsuit ; ?p ?v . FILTER (?p != rdf:type && ?p != kg:hasEvidence && ?p != kg:stage) } }"""
_Q_STAGES_OF = """SELECT DISTINCT ?l ?kind ?court ?date ?outcome WHERE {
  GRAPH ?g { %V% ?l kg:stage ?s . ?s kg:stageType ?kind .
    OPTIONAL { ?s kg:court ?court } OPTIONAL { ?s kg:date ?date } OPTIONAL { ?s kg:outcome ?outcome } } }"""
_Q_OWNERS_OF = """SELECT DISTINCT ?o ?e WHERE {
  GRAPH <""" + ENTITIES_GRAPH + """> { %V% ?o kg:owns ?e } }"""


def _read_around(store, around: set[str], evidence: bool = True):
    """What `full_graph` reads, for the facts and cases of the entities `around` only.

    Relations whose subject or object is one of them (with every other report of the same
    fact: same type and sides, so same subject or object); lawsuits naming one as plaintiff,
    defendant or court, with every other report of their cases (the cases graph), so their cases
    come out as in the whole graph; the evidence, articles and entities those cite."""
    rels = []
    for role in ("subject", "object"):
        rels += _scoped(store, _Q_REL_AS % role, "e", around)
    rels = sorted({tuple(r) for r in rels}, key=lambda r: tuple(x or "" for x in r))
    suits: set[str] = set()
    for role in LAWSUIT_ROLES:
        suits |= {r[0] for r in _scoped(store, _Q_SUITS_AS % role, "e", around)}
    # every other report of their cases, with the cases' links (the cases graph, kg.cases)
    links = _scoped(store, _Q_CASE_LINKS, "x", suits) if suits else []
    suits |= {r[0] for r in links}
    suit_rows = _scoped(store, _Q_LAWSUIT_PROPS, "l", suits) if suits else []
    stage_rows = _scoped(store, _Q_STAGES_OF, "l", suits) if suits else []
    evidence = _evidence(store, None, {r[0] for r in rels} | suits) if evidence else {}
    needed = set(around) | {x for r in rels for x in (r[2], r[3])}
    needed |= {v for _, p, v in suit_rows if _short(p) in LAWSUIT_ROLES}
    needed |= {r[2] for r in stage_rows if r[2]}
    owns = _scoped(store, _Q_OWNERS_OF, "e", needed)
    needed |= {o for o, _ in owns}
    ents = _entities(store, needed)
    return rels, owns, suit_rows, stage_rows, evidence, ents, links


_Q_REL_OF = """SELECT DISTINCT ?r ?t ?s ?o ?d ?lo ?hi WHERE {
  GRAPH ?g { %V% ?r a kg:Relation ; kg:relationType ?t ; kg:subject ?s ; kg:object ?o .
    OPTIONAL { ?r kg:date ?d } OPTIONAL { ?r kg:dateEarliest ?lo } OPTIONAL { ?r kg:dateLatest ?hi } } }"""


_Q_LAWSUIT_LEAN = """SELECT DISTINCT ?l ?p ?v WHERE {
  GRAPH ?g { %V% ?l a kg:Lawsuit ; ?p ?v .
    FILTER (?p IN (kg:plaintiff, kg:defendant, kg:court, kg:filingDate, kg:dateEarliest,
                   kg:dateLatest)) } }"""


def _read_only(store, relations, suits: set[str], links, entities=(), evidence: bool = True,
               lean: bool = False):
    """What `full_graph` reads, for the given relation nodes and lawsuit reports only (the
    viewer's overview: the facts among its entities and its cases).  `relations`: IRIs, or the
    rows already read (r, type, subject, object, date, earliest, latest); it must hold every
    report of each fact (same type and sides) and `suits` every report of each case, else the
    merge differs; `links` ({report: case}, flipped) for the reports, or None to read them;
    `entities`: entity nodes to have even if none of those facts or cases names them."""
    relations = list(relations)
    if relations and isinstance(relations[0], str):
        relations = _scoped(store, _Q_REL_OF, "r", relations)
    rels = sorted({tuple(r) for r in relations}, key=lambda r: tuple(x or "" for x in r))
    suit_rows = (_scoped(store, _Q_LAWSUIT_LEAN if lean else _Q_LAWSUIT_PROPS, "l", suits)
                 if suits else [])
    stage_rows = _scoped(store, _Q_STAGES_OF, "l", suits) if suits and not lean else []
    evidence = _evidence(store, None, {r[0] for r in rels} | set(suits)) if evidence else {}
    needed = set(entities) | {x for r in rels for x in (r[2], r[3])}
    needed |= {v for _, p, v in suit_rows if _short(p) in LAWSUIT_ROLES}
    needed |= {r[2] for r in stage_rows if r[2]}
    owns = _scoped(store, _Q_OWNERS_OF, "e", needed) if needed else []
    needed |= {o for o, _ in owns}
    ents = _entities(store, needed) if needed else {}
    return rels, owns, suit_rows, stage_rows, evidence, ents, links


def full_graph(store, around=None, only=None, evidence: bool = True,
               lean: bool = False) -> nx.MultiDiGraph:
    """Every entity, fact and case in the store as a MultiDiGraph (see module doc).

    Reports are merged here, whatever article they came from: a relation node with no date (or a
    vaguer one) joins its fact (`_merge_facts`), a lawsuit node joins its case (the cases graph, `kg.cases`);
    an edge's `articles` is how many distinct articles report it.

    `around` (entity IRIs): only the facts and cases of those entities, read from them (fast
    on any store size); their edges, cases and rows come out as in the whole graph.

    `only` (relation nodes, lawsuit reports, links or None): those facts and cases only, as
    in the whole graph (see `_read_only`; kg/viz/store_overview.py).

    `evidence=False` (with `around` or `only`): no evidence read, so no edge or case carries evidence or
    confidence; the nodes, edges and dates are those of the whole graph (an undated report only
    moves evidence between the facts it may join).  `lean=True` (with `only`): of a case only
    its parties, courts, dates and reports are read (no stages, cause, amounts...): enough to
    filter it as the whole graph is."""
    g = nx.MultiDiGraph()
    if only is not None:
        rels, owns, suit_rows, stage_rows, evidence, ents, links = _read_only(store, *only,
                                                                              evidence=evidence,
                                                                              lean=lean)
    elif around is None:
        evidence = _evidence(store, _articles(store))
        ents = _entities(store)
        # in IRI order, as around a name: the same edges in the same order either way
        rels = sorted({tuple(r) for r in run(store, _Q_RELATIONS).rows},
                      key=lambda r: tuple(x or "" for x in r))
        owns = run(store, _Q_OWNS).rows
        suit_rows = run(store, _Q_LAWSUITS).rows
        stage_rows = run(store, _Q_STAGES).rows
        links = []
    else:
        rels, owns, suit_rows, stage_rows, evidence, ents, links = _read_around(store, set(around),
                                                                                evidence)
    for iri, attrs in ents.items():
        g.add_node(iri, **attrs)

    def ensure(iri: str, type_: str = "Organization") -> None:
        if iri not in g:
            g.add_node(iri, kind="entity", label=_label_from_iri(iri), type=type_, aliases=[],
                       qid=None)

    into = _merge_facts(rels)
    _undated_target(into, rels, evidence)
    merged_ev: dict[str, list] = defaultdict(list)
    for r, *_ in rels:
        merged_ev[into.get(r, r)].extend(evidence.get(r, []))
    for r, t, s, o, d, lo, hi in rels:
        if r in into:
            continue
        ensure(s)
        ensure(o)
        ev = sorted({id(e): e for e in merged_ev[r]}.values(),
                    key=lambda e: (e["reported"] or "", e["article"], e["text"]))
        g.add_edge(s, o, key=r, type=_short(t), date=d, earliest=lo or _day(d),
                   latest=hi or _day(d, latest=True), evidence=ev, confidence=_confidence(ev),
                   articles=_article_count(ev), directed=_short(t) not in SYMMETRIC_RELATIONS)
    for o, e in owns:          # what the lexicon knows (no article says it)
        if e in g and o in g:
            g.nodes[e].setdefault("owners", []).append(g.nodes[o]["label"])

    props: dict[str, dict] = defaultdict(lambda: defaultdict(list))
    for l, p, v in suit_rows:
        props[l][_short(p)].append(v)
    stages: dict[str, list] = defaultdict(list)
    for l, kind, court, date, outcome in stage_rows:
        stages[l].append((_short(kind.replace("stage/", "#")), date, court, outcome))
    # which reports are one case: the cases graph (kg.cases, written by the build and kg remove);
    # for a store written without it (or out of date), the same rule computed here
    # (around a name: the links of the cases read, not the whole cases graph)
    if only is not None:
        case_of, flipped = links if links is not None else stored_links(store)
    else:
        case_of, flipped = stored_links(store) if around is None else links_from_rows(links)
    if only is None and any(l not in case_of or case_of[l] not in props for l in props):
        if around is not None:
            return full_graph(store)        # no (or an out-of-date) cases graph: the whole store
        case_of, flipped = case_links(store)
    case_of = {l: case_of.get(l, l) for l in props}
    for l in flipped & set(props):           # an appeal naming the appellant first
        pr = props[l]
        pr["plaintiff"], pr["defendant"] = pr.get("defendant", []), pr.get("plaintiff", [])
    members: dict[str, list] = defaultdict(list)
    for l, root in case_of.items():
        members[root].append(l)
    label_of = lambda iri: g.nodes[iri]["label"] if iri in g else _label_from_iri(iri)  # noqa: E731
    for root, ls in sorted(members.items()):
        ls = sorted(ls, key=lambda x: (x != root, x))
        pr: dict[str, list] = defaultdict(list)
        for x in ls:                             # the root's values first, then the others'
            for k, vs in props[x].items():
                pr[k].extend(v for v in sorted(vs) if v not in pr[k])
        one = lambda k: pr[k][0] if pr.get(k) else None  # noqa: E731
        plaintiffs, defendants = sorted(set(pr["plaintiff"])), sorted(set(pr["defendant"]))
        defendants = [d for d in defendants if d not in plaintiffs]
        courts = sorted(set(pr.get("court", [])))
        for x in plaintiffs + defendants:
            ensure(x, "Company")
        for c in courts:
            ensure(c, "Court")
        ev = sorted({id(e): e for x in ls for e in evidence.get(x, [])}.values(),
                    key=lambda e: (e["reported"] or "", e["article"], e["text"]))
        date = one("filingDate")
        st = sorted({(k, d, label_of(c) if c else None, o) for x in ls for k, d, c, o in stages[x]},
                    key=lambda s_: (_day(s_[1]) or "9999", _STAGE_RANK.get(s_[0], 9),
                                   tuple(v or "" for v in s_)))
        g.add_node(root, kind="lawsuit", type="Lawsuit",
                   label=_lawsuit_label(plaintiffs, defendants, label_of),
                   date=date, earliest=one("dateEarliest") or _day(date),
                   plaintiffs=[label_of(x) for x in plaintiffs],
                   defendants=[label_of(x) for x in defendants],
                   court=", ".join(label_of(c) for c in courts) or None,
                   cause=_short(one("cause")), claimed=_float(one("amountClaimed")),
                   currency=one("currency"), awarded=_float(one("amountAwarded")),
                   outcome=one("outcome"), case_number=one("caseNumber"),
                   ruling_date=one("rulingDate"), count=int(one("count") or 1),
                   stages=[{"stage": k, "date": d, "court": c, "outcome": o} for k, d, c, o in st],
                   reports=ls, articles=_article_count(ev),
                   evidence=ev, confidence=_confidence(ev), aliases=[], qid=None)
        common = dict(date=date, earliest=one("dateEarliest") or _day(date),
                      latest=one("dateLatest") or _day(date, latest=True), evidence=ev,
                      confidence=_confidence(ev), articles=_article_count(ev), directed=True,
                      lawsuit=root)
        for x in plaintiffs:
            g.add_edge(x, root, key=f"{root}#plaintiff:{x}", type="plaintiff", **common)
        for x in defendants:
            g.add_edge(root, x, key=f"{root}#defendant:{x}", type="defendant", **common)
        for c in courts:
            g.add_edge(root, c, key=f"{root}#court:{c}", type="court", **common)
    return g


_STAGE_RANK = {k: i for i, k in enumerate(("filing", "first_instance", "appeal", "retrial",
                                           "final", "settlement"))}


def filter_graph(g: nx.MultiDiGraph, f: Filters, focus_iris: list[str] | None = None
                 ) -> nx.MultiDiGraph:
    """Apply the viewer's filters: dates, relation and entity types, confidence, neighbourhood."""
    h = g.copy()
    if f.types:
        types = {t.strip() for t in f.types}
        h.remove_nodes_from([n for n, d in g.nodes(data=True) if d.get("type") not in types])
    rels = {r.strip() for r in f.relations} if f.relations else None
    drop = []
    for u, v, k, d in h.edges(keys=True, data=True):
        t = d.get("type")
        if rels and t not in rels and not (t in LAWSUIT_ROLES and "lawsuit" in rels):
            drop.append((u, v, k))
        elif f.since and d.get("latest") and d["latest"] < f.since:
            drop.append((u, v, k))
        elif f.until and d.get("earliest") and d["earliest"] > f.until:
            drop.append((u, v, k))
        elif (f.min_confidence is not None and d.get("confidence") is not None
              and d["confidence"] < f.min_confidence):
            drop.append((u, v, k))
    h.remove_edges_from(drop)
    # Lawsuits outside the date range, or without remaining parties, go too.
    gone = [n for n, d in h.nodes(data=True) if d.get("kind") == "lawsuit" and h.degree(n) == 0]
    h.remove_nodes_from(gone)
    if f.since or f.until or rels or f.min_confidence is not None:
        # A filtered view shows the facts that survived, not every entity ever mentioned.
        h.remove_nodes_from([n for n in list(h) if h.degree(n) == 0 and g.degree(n) > 0])
    if f.focus is not None:
        seeds = [n for n in (focus_iris or []) if n in h]
        if not seeds:
            raise QueryError(f"{f.focus!r}: no such entity in the graph (after filters)")
        und = h.to_undirected(as_view=True)
        keep: set = set()
        for s in seeds:
            keep |= set(nx.single_source_shortest_path_length(und, s, cutoff=max(f.hops, 0)))
        h = h.subgraph(keep).copy()
    return h


def graph_from_store(store, focus: str | None = None, hops: int = 1, since: str | None = None,
                     until: str | None = None, relations=None, types=None,
                     min_confidence: float | None = None) -> nx.MultiDiGraph:
    """The rivalry graph, optionally filtered (see `Filters`).

    With `focus`, only the part of the store around the name is read (`full_graph(around=...)`,
    widened until it holds every entity within `hops` and so every edge among them): the same
    graph as filtering the whole one."""
    since = _day(since) if since else None
    until = _day(until, latest=True) if until else None
    f = Filters(focus, hops, since, until, set(relations) if relations else None,
                set(types) if types else None, min_confidence)
    if focus is not None and _cases_complete(store):
        seeds = match_entities(store, focus)
        scope = set(seeds)
        while True:
            h = filter_graph(full_graph(store, around=scope), f, seeds)
            ents = {n for n, d in h.nodes(data=True) if d.get("kind") != "lawsuit"}
            if ents <= scope:
                return h
            scope |= ents
    g = full_graph(store)
    if not any([focus is not None, since, until, relations, types, min_confidence is not None]):
        return g
    return filter_graph(g, f, match_entities(store, focus) if focus is not None else None)


def _cases_complete(store) -> bool:
    """Does the cases graph link every lawsuit report (else a read around a name would read the
    whole store anyway: `full_graph`)?"""
    rows = run(store, """SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { GRAPH <""" + CASES_GRAPH +
               """> { ?l kg:case ?c } }""").rows
    linked = int(rows[0][0] or 0) if rows else 0
    rows = run(store, "SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { GRAPH ?g { ?l a kg:Lawsuit } }").rows
    return linked >= (int(rows[0][0] or 0) if rows else 0)


# ---------------------------------------------------------------------------------- tables

@dataclass
class Table:
    """Rows for the CLI: headers and string cells (None when unknown)."""
    headers: list[str]
    rows: list[list]

    def dicts(self) -> list[dict]:
        return [dict(zip(self.headers, r)) for r in self.rows]


def _resolve(store, g: nx.MultiDiGraph, name: str) -> list[str]:
    iris = [i for i in match_entities(store, name) if i in g]
    if not iris:
        raise QueryError(f"{name!r}: no entity with this name or alias in the store")
    return iris


def _named(store, name: str, g: nx.MultiDiGraph | None) -> tuple[nx.MultiDiGraph, list[str]]:
    """The graph to answer a question about `name` from, and `name`'s IRIs in it: the given
    graph, else only the part around the name's entities (read from their IRIs)."""
    if g is not None:
        return g, _resolve(store, g, name)
    iris = match_entities(store, name)
    if not iris:
        raise QueryError(f"{name!r}: no entity with this name or alias in the store")
    g = full_graph(store, around=iris)
    return g, _resolve(store, g, name)


_Q_RIVAL_RELS = """SELECT DISTINCT ?e ?x ?t ?other WHERE {
  GRAPH ?g { %%V%% ?x kg:%s ?e ; kg:relationType ?t ; kg:%s ?other } }"""
_Q_RIVAL_SUITS = """SELECT DISTINCT ?e ?x ?other WHERE {
  GRAPH ?g { %%V%% ?x kg:%s ?e ; kg:%s ?other } }"""
_Q_NODE_PROPS = """SELECT DISTINCT ?x ?p ?v WHERE {
  GRAPH ?g { %V% ?x ?p ?v FILTER (?p IN (kg:date, kg:filingDate, kg:cause, kg:court, kg:caseNumber)) } }"""
_Q_RIVAL_LABELS = """SELECT DISTINCT ?e ?label ?c WHERE {
  GRAPH <https://rivalry-kg.org/id/graph/entities> { %V% ?e rdfs:label ?label OPTIONAL { ?e a ?c } } }"""
_OTHER_CAUSE = ONT + "cause/other"


def rival_rows(store, iris: list[str]) -> list[list]:
    """`rivals.rq`'s answer (columns rival, hostile, latest, types, initiated, received,
    classes, other; unordered) for the entities `iris` (the ones the name matches), computed
    here from reads that start at those IRIs.

    Oxigraph 0.5 evaluates the query's FILTER NOT EXISTS (a report another report states more
    precisely) without the outer row's values: minutes at a million quads.  The rule is the
    query's, line by line (tests/test_fastpath.py checks the two agree); the query stays the
    portable definition for `kg query rivals` and other servers."""
    return rival_compute(rival_reads(store, iris), iris)


def rival_reads(store, iris) -> dict:
    """What `rival_rows` reads for the entities `iris` (any number of them at once: the
    summary graph reads every entity it refreshes in one go and counts per name after)."""
    me = set(iris)
    hostile = {ONT + t for t in HOSTILE}
    rels = []                                          # (e, x, t, other, direction)
    for mine, theirs, way in (("subject", "object", "out"), ("object", "subject", "in")):
        for e, x, t, other in _scoped(store, _Q_RIVAL_RELS % (mine, theirs), "e", me):
            if t in hostile:
                rels.append((e, x, t, other, way))
    suits = []
    for mine, theirs, way in (("plaintiff", "defendant", "out"), ("defendant", "plaintiff", "in")):
        for e, x, other in _scoped(store, _Q_RIVAL_SUITS % (mine, theirs), "e", me):
            suits.append((e, x, other, way))
    props: dict[str, dict] = defaultdict(lambda: defaultdict(set))
    nodes = {r[1] for r in rels} | {r[1] for r in suits}
    for x, p, v in (_scoped(store, _Q_NODE_PROPS, "x", nodes) if nodes else []):
        props[x][_short(p) if "cause/" not in p else p.rsplit("#", 1)[1]].add(v)
    others = {r[3] for r in rels} | {r[2] for r in suits}
    labels: dict[str, set] = defaultdict(set)
    classes: dict[str, set] = defaultdict(set)
    for e, label, c in (_scoped(store, _Q_RIVAL_LABELS, "e", others) if others else []):
        labels[e].add(label)
        if c:
            classes[e].add(c.rsplit("#", 1)[-1] if "#" in c else "")
    return {"rels": rels, "suits": suits, "props": props, "labels": labels, "classes": classes}


def rival_compute(reads: dict, iris) -> list[list]:
    """`rival_rows` from `rival_reads` of a superset of `iris`."""
    me = set(iris)
    rels = [r for r in reads["rels"] if r[0] in me]
    suits = [r for r in reads["suits"] if r[0] in me]
    props, labels, classes = reads["props"], reads["labels"], reads["classes"]

    def opt(x: str, key: str, skip=None) -> list:
        """The values an OPTIONAL binds (one row each), or [None] when it binds nothing."""
        vals = sorted(v for v in props[x].get(key, ()) if v != skip)
        return vals or [None]

    found = []                                         # (e, x, other, type, date, way)
    groups: dict[tuple, list] = defaultdict(list)
    for e, x, t, other, way in rels:
        groups[(e, t, other, way)].append(x)
    for (e, t, other, way), xs in groups.items():
        for x in xs:
            for d in opt(x, "date"):
                beaten = any(y != x and (d is None or (len(yd) > len(d) and yd.startswith(d)))
                             for y in xs for yd in props[y].get("date", ()))
                if not beaten:
                    found.append((e, x, other, _short(t), d, way))
    sgroups: dict[tuple, list] = defaultdict(list)
    for e, x, other, way in suits:
        sgroups[(e, other, way)].append(x)

    def score(d, c, k, n=None):
        return (8 if n else 0) + (4 if d else 0) + (2 if c else 0) + (1 if k else 0)
    def values(x):
        return product(opt(x, "caseNumber"), opt(x, "filingDate"), opt(x, "cause", _OTHER_CAUSE),
                       opt(x, "court"))
    for (e, other, way), xs in sgroups.items():
        for x in xs:
            for xn, d, xc, xk in values(x):
                xscore, xl = score(d, xc, xk, xn), len(d or "")
                beaten = any(
                    (not d or not yd or yd.startswith(d) or d.startswith(yd))
                    and (not xc or not yc or xc == yc or (xk and yk and xk == yk and d and yd))
                    and (not xk or not yk or xk == yk)
                    and (not xn or not yn or xn == yn)
                    and (ys > xscore or (ys == xscore and (yl > xl or (yl == xl and y < x))))
                    for y in xs if y != x
                    for yn, yd, yc, yk in values(y)
                    for ys, yl in [(score(yd, yc, yk, yn), len(yd or ""))])
                if not beaten:
                    found.append((e, x, other, "lawsuit", d, way))
    found = [f for f in found if f[2] != f[0] and f[2] not in me]
    agg: dict[str, dict] = {}
    for e, x, other, type_, d, way in found:
        if other not in labels:
            continue                                   # no rdfs:label: the query drops it
        a = agg.setdefault(other, {"x": set(), "latest": "", "types": set(), "out": set(),
                                   "in": set()})
        a["x"].add(x)
        a["latest"] = max(a["latest"], d or "")
        a["types"].add(type_)
        a[way].add(x)
    return [[min(labels[o]), len(a["x"]), a["latest"], ",".join(sorted(a["types"])),
             len(a["out"]), len(a["in"]), ",".join(sorted(classes[o])), o]
            for o, a in agg.items()]


RIVALS_COLUMNS = ["rival", "hostile", "latest", "types", "initiated", "received", "type"]
TIMELINE_COLUMNS = ["date", "type", "role", "counterpart", "evidence", "article", "source",
                    "confidence"]
LAWSUITS_COLUMNS = ["date", "plaintiffs", "defendants", "court", "cause", "cases", "claimed",
                    "outcome", "case", "evidence", "article", "stages", "articles"]


def _page(rows: list, offset: int = 0, limit: int | None = None) -> list:
    return rows[offset:] if limit is None else rows[offset:offset + limit]


def _summary(store, name: str, kind: str, offset: int, limit: int | None):
    """The answer the summary graph holds (`kg.summary`), or None when the store has none (or a
    label language is asked for: the summary holds the default labels, `kg.labels`)."""
    if preferred():
        return None
    from kg.summary import lookup
    return lookup(store, name, kind, offset, limit)


def rivals(store, name: str, g: nx.MultiDiGraph | None = None, *, offset: int = 0,
           limit: int | None = None) -> Table:
    """Who `name` fights: distinct hostile facts (sues, blocks, accuses, competes) and cases
    either way, ranked by how many, then by how recent.

    The rule is `rivals.rq`'s (how a fact or a case is counted once is written there); the
    counting runs in `rival_rows`, from reads that start at the name's entities, because
    Oxigraph cannot run that query fast on a large store.  A store with a summary graph
    (`kg.summary`, written by the build) answers from it: one lookup.  `g` is accepted for
    callers that already hold the graph; it is not needed.  `offset`/`limit`: one page."""
    if g is None:
        raw = _summary(store, name, "rivals", 0, None)    # a short list: ranked here, then paged
        if raw is not None:
            return Table(list(RIVALS_COLUMNS), _page(rivals_table(_shown(store, raw, True)), offset, limit))
    iris = match_entities(store, name)
    if not iris:
        raise QueryError(f"{name!r}: no entity with this name or alias in the store")
    raw = _shown(store, rival_rows(store, iris), False)
    return Table(list(RIVALS_COLUMNS), _page(rivals_table(raw), offset, limit))


def _shown(store, raw: list[list], summarised: bool) -> list[list]:
    """`rival_rows` (rivals.rq's rows, which name a rival by its canonical rdfs:label) with each
    rival named by the label shown everywhere else (`kg.labels`): from the summary graph's looks
    when it has them, else read from the store."""
    others = {r[7] for r in raw if len(r) > 7 and r[7]}
    if not others:
        return raw
    shown: dict[str, str] = {}
    if summarised:
        import json
        from kg.summary import _stored_looks
        for e, look in _stored_looks(store, others).items():
            label = json.loads(look)[0]
            if label:
                shown[e] = label
    missing = others - set(shown)
    if missing:
        shown.update({e: d["label"] for e, d in _entities(store, missing).items()})
    return [[shown.get(r[7], r[0])] + list(r[1:]) if len(r) > 7 else r for r in raw]


def rivals_table(raw: list[list]) -> list[list]:
    """`kg rivals` rows, ranked, from `rival_rows`."""
    res_vars = ["rival", "hostile", "latest", "types", "initiated", "received", "classes", "other"]
    col = {v: i for i, v in enumerate(res_vars)}
    rows = []
    for r in raw:
        classes = [c for c in (r[col["classes"]] or "").split(",") if c]
        best = min(classes, key=lambda c: _TYPE_RANK.get(c, 99)) if classes else "Organization"
        rows.append([r[col["rival"]], int(r[col["hostile"]]), r[col["latest"]] or None,
                     ",".join(sorted(set((r[col["types"]] or "").split(",")) - {""})),
                     int(r[col["initiated"]]), int(r[col["received"]]), best])
    rows.sort(key=lambda r: (-r[1], _neg_date(r[2]), r[0]))
    return rows


def _neg_date(d: str | None):
    """Sort key putting later dates first and undated last."""
    if not d:
        return (1, "")
    return (0, "".join(chr(0x10FFFF - ord(c)) for c in d))


def timeline(store, name: str, g: nx.MultiDiGraph | None = None, *, offset: int = 0,
             limit: int | None = None) -> Table:
    """Chronological facts about `name`: one row per fact and source article (from the summary
    graph when the store has one and no graph is given; `offset`/`limit`: one page)."""
    if g is None:
        rows = _summary(store, name, "timeline", offset, limit)
        if rows is not None:
            return Table(list(TIMELINE_COLUMNS), rows)
    g, iris = _named(store, name, g)
    return Table(list(TIMELINE_COLUMNS), _page(timeline_rows(g, iris), offset, limit))


def timeline_rows(g: nx.MultiDiGraph, iris) -> list[list]:
    """`kg timeline` rows of the entities `iris` (those of one name, all in `g`)."""
    me = set(iris)
    rows, seen = [], set()
    for m in sorted(me):
        for u, v, k, d in list(g.out_edges(m, keys=True, data=True)) + \
                list(g.in_edges(m, keys=True, data=True)):
            if d["type"] in LAWSUIT_ROLES:
                suit = v if u == m else u
                key = ("lawsuit", suit)
                if key in seen:
                    continue
                seen.add(key)
                sd = g.nodes[suit]
                role = "plaintiff" if d["type"] == "plaintiff" else d["type"]
                other = sd["defendants"] if role == "plaintiff" else sd["plaintiffs"]
                for ev in sd["evidence"] or [{}]:
                    rows.append([sd.get("date"), "lawsuit", role, "、".join(other),
                                 ev.get("text"), ev.get("title"), ev.get("source"),
                                 ev.get("confidence")])
                continue
            if (k,) in seen:
                continue
            seen.add((k,))
            if u in me and v in me:
                role, other = "self", g.nodes[v]["label"]
            elif u == m:
                role, other = "subject", g.nodes[v]["label"]
            else:
                role, other = "object", g.nodes[u]["label"]
            for ev in d["evidence"] or [{}]:
                rows.append([d.get("date"), d["type"], role, other, ev.get("text"),
                             ev.get("title"), ev.get("source"), ev.get("confidence")])
    rows.sort(key=lambda r: (r[0] is None, _day(r[0]) or "", r[0] or "", r[1], r[3]))
    return rows


def lawsuits(store, name: str | None = None, g: nx.MultiDiGraph | None = None, *,
             offset: int = 0, limit: int | None = None) -> Table:
    """Lawsuits (all, or those with `name` as a party or court), in filing order (from the
    summary graph when the store has one and no graph is given; `offset`/`limit`: one page,
    read alone)."""
    if name is not None and g is None:
        rows = _summary(store, name, "lawsuits", offset, limit)
        if rows is not None:
            return Table(list(LAWSUITS_COLUMNS), rows)
    if name is None and g is None and not preferred():
        from kg.summary import all_lawsuits
        rows = all_lawsuits(store, offset, limit)        # every case's row, kept by the summary
        if rows is not None:
            return Table(list(LAWSUITS_COLUMNS), rows)
    if name is not None:
        g, iris = _named(store, name, g)
        suits = _suits_of(g, iris)
    else:
        g = g if g is not None else full_graph(store)
        suits = [n for n, d in g.nodes(data=True) if d.get("kind") == "lawsuit"]
    return Table(list(LAWSUITS_COLUMNS), _page(lawsuit_rows(g, suits), offset, limit))


def _suits_of(g: nx.MultiDiGraph, iris, order: dict | None = None) -> list[str]:
    """The lawsuit nodes with one of `iris` as a party or court, in the graph's node order
    (`order`: {node: position}, when the caller asks about many names of one graph)."""
    me = set(iris)
    near = {n for m in me if m in g for n in list(g.predecessors(m)) + list(g.successors(m))
            if g.nodes[n].get("kind") == "lawsuit"}
    if order is None:
        order = {n: i for i, n in enumerate(g)}
    return sorted(near, key=order.__getitem__)


def lawsuit_rows(g: nx.MultiDiGraph, suits: list[str]) -> list[list]:
    """`kg lawsuits` rows of the lawsuit nodes `suits` (in the graph's node order)."""
    rows = []
    for s in suits:
        d = g.nodes[s]
        ev = d["evidence"][0] if d["evidence"] else {}
        claim = None
        if d.get("claimed") is not None:
            claim = f"{d['claimed']:,.0f} {d.get('currency') or ''}".strip()
        stages = "; ".join(" ".join(x for x in (st["stage"], st["date"], st["court"],
                                                 st["outcome"] and f"({st['outcome']})") if x)
                           for st in d.get("stages", []))
        arts = sorted({e.get("article") for e in d["evidence"] if e.get("article")})
        rows.append([d.get("date"), "、".join(d["plaintiffs"]), "、".join(d["defendants"]),
                     d.get("court"), d.get("cause"), d.get("count") or 1, claim, d.get("outcome"),
                     d.get("case_number"), ev.get("text"), ev.get("title"), stages or None,
                     ",".join(arts) or None])
    rows.sort(key=lambda r: (r[0] is None, _day(r[0]) or "", r[1], r[2]))
    return rows


# ------------------------------------------------------------------------- graph measures

def entity_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """Entities only, an undirected weighted edge wherever facts or lawsuits connect two."""
    h = nx.Graph()
    for n, d in g.nodes(data=True):
        if d.get("kind") != "lawsuit":
            h.add_node(n, **{k: d[k] for k in ("label", "type")})

    def bump(a, b):
        if a == b:
            return
        w = h.edges[a, b]["weight"] + 1 if h.has_edge(a, b) else 1
        h.add_edge(a, b, weight=w)

    for u, v, d in g.edges(data=True):
        if d["type"] not in LAWSUIT_ROLES:
            bump(u, v)
    for n, d in g.nodes(data=True):
        if d.get("kind") == "lawsuit":
            parties = sorted(set(g.predecessors(n)) | set(g.successors(n)))
            for i, a in enumerate(parties):
                for b in parties[i + 1:]:
                    bump(a, b)
    return h


def centrality(g: nx.MultiDiGraph, top: int = 15) -> Table:
    """Degree centrality, betweenness (sampled past 500 nodes) and facts per entity."""
    h = entity_graph(g)
    if h.number_of_nodes() == 0:
        return Table(["entity", "type", "degree", "degree_centrality", "betweenness"], [])
    deg = nx.degree_centrality(h)
    k = min(200, h.number_of_nodes()) if h.number_of_nodes() > 500 else None
    btw = nx.betweenness_centrality(h, k=k, seed=0)
    ranked = sorted(h, key=lambda n: (-deg[n], -btw[n], h.nodes[n]["label"]))[:top]
    rows = [[h.nodes[n]["label"], h.nodes[n]["type"], h.degree(n), round(deg[n], 4),
             round(btw[n], 4)] for n in ranked]
    return Table(["entity", "type", "degree", "degree_centrality", "betweenness"], rows)


def communities(g: nx.MultiDiGraph, max_members: int = 12) -> Table:
    """Communities of the entity graph: Louvain (seeded) for up to 20k nodes, else greedy."""
    h = entity_graph(g)
    h.remove_nodes_from([n for n in list(h) if h.degree(n) == 0])
    if h.number_of_edges() == 0:
        return Table(["community", "size", "members"], [])
    from networkx.algorithms import community as nxc
    if h.number_of_nodes() <= 20000:
        parts = nxc.louvain_communities(h, weight="weight", seed=0)
    else:
        parts = nxc.greedy_modularity_communities(h, weight="weight")
    deg = dict(h.degree(weight="weight"))
    parts = sorted(parts, key=lambda c: (-len(c), min(h.nodes[n]["label"] for n in c)))
    rows = []
    for i, c in enumerate(parts, 1):
        members = sorted(c, key=lambda n: (-deg[n], h.nodes[n]["label"]))
        names = [h.nodes[n]["label"] for n in members[:max_members]]
        more = f" (+{len(members) - max_members})" if len(members) > max_members else ""
        rows.append([i, len(c), "、".join(names) + more])
    return Table(["community", "size", "members"], rows)


def graph_stats(store) -> tuple[list[str], Table, Table]:
    g = full_graph(store)
    ents = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "entity")
    suits = g.number_of_nodes() - ents
    h = entity_graph(g)
    comps = nx.number_connected_components(h) if h.number_of_nodes() else 0
    lines = [f"graph: {ents} entities, {suits} lawsuits, {g.number_of_edges()} edges, "
             f"{comps} connected components, density {nx.density(h) if len(h) > 1 else 0:.4f}"]
    return lines, centrality(g), communities(g)


# --------------------------------------------------------------------------------- export

# GraphML/GEXF export moved to kg/export.py (with JSON-LD and Neo4j); kept importable from here.
from kg.export import export_graph, flat_graph  # noqa: E402,F401
