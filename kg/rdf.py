"""An Extraction as RDF under the rivalry ontology (`ontology/rivalry.ttl`).

Three graphs per article build:
- the article's own named graph (IRI = the article's IRI): every relation, lawsuit and evidence
  node it supports, and which entities it mentions; replaced wholesale when the article changes;
- the shared entities graph: canonical entities with type, labels and Wikidata links;
- the shared articles graph: the article's metadata (title, date, source, sha256, build time).
Shared graphs are written by every article and never dropped with one article's graph.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.model import SYMMETRIC_RELATIONS, Entity, Extraction, Lawsuit, Relation
from kg.resolve import (ARTICLES_GRAPH, ENTITIES_GRAPH, ONTOLOGY, article_iri, entity_iri,
                        evidence_iri, lawsuit_iri, relation_iri)

KG = Namespace(ONTOLOGY)
WD = Namespace("http://www.wikidata.org/entity/")
PREFIXES = {"kg": ONTOLOGY, "kgid": "https://rivalry-kg.org/id/", "prov": str(PROV),
            "dcterms": str(DCTERMS), "rdfs": str(RDFS), "skos": str(SKOS), "owl": str(OWL),
            "xsd": str(XSD), "wd": str(WD), "rdf": str(RDF)}

Triple = tuple  # (subject, predicate, object) of rdflib terms


@dataclass
class ArticleRDF:
    """What one article contributes to the store, graph by graph."""
    article_iri: str
    graph: list[Triple] = field(default_factory=list)      # the article's named graph
    entities: list[Triple] = field(default_factory=list)   # shared entities graph
    metadata: list[Triple] = field(default_factory=list)   # shared articles graph

    def graphs(self) -> dict[str, list[Triple]]:
        return {self.article_iri: self.graph, ENTITIES_GRAPH: self.entities,
                ARTICLES_GRAPH: self.metadata}

    def ntriples(self, which: str) -> str:
        return "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in self.graphs()[which])


def date_literal(date: str) -> Literal:
    """'2018' -> xsd:gYear, '2018-03' -> xsd:gYearMonth, '2018-03-08' -> xsd:date."""
    kind = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(date)]
    return Literal(date, datatype=kind)


def date_bounds(date: str) -> tuple[str, str]:
    """Earliest and latest day a date of any precision can mean, so range filters work."""
    if len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31"
    if len(date) == 7:
        y, m = int(date[:4]), int(date[5:7])
        return f"{date}-01", f"{date}-{calendar.monthrange(y, m)[1]:02d}"
    return date, date


def _valid_date(date: str | None) -> bool:
    return bool(date) and len(date) in (4, 7, 10) and date[:4].isdigit()


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(float(value), 4))).normalize(), datatype=XSD.decimal)


def _add_dates(out: list, node: URIRef, prop: URIRef, date: str | None,
               bounds: bool = True) -> None:
    """The date at its precision, and (for the node's main date only) its earliest/latest days."""
    if not _valid_date(date):
        return
    out.append((node, prop, date_literal(date)))
    if not bounds:
        return
    lo, hi = date_bounds(date)
    out.append((node, KG.dateEarliest, Literal(lo, datatype=XSD.date)))
    out.append((node, KG.dateLatest, Literal(hi, datatype=XSD.date)))


def _entity_triples(e: Entity) -> list[Triple]:
    node = URIRef(entity_iri(e.name))
    out = [(node, RDF.type, KG[e.type]), (node, RDFS.label, Literal(e.name))]
    out += [(node, SKOS.altLabel, Literal(a)) for a in sorted(set(e.aliases)) if a != e.name]
    if e.qid:
        out.append((node, OWL.sameAs, WD[e.qid]))
    return out


def _evidence(out: list, art_id: str, art: URIRef, article_date: str | None, kind: str,
              target: URIRef, text: str, start: int, end: int, confidence: float) -> URIRef:
    ev = URIRef(evidence_iri(art_id, kind, start, end, str(target)))
    out += [(ev, RDF.type, KG.Evidence), (ev, KG.text, Literal(text)),
            (ev, KG.startOffset, Literal(start)), (ev, KG.endOffset, Literal(end)),
            (ev, KG.confidence, _decimal(confidence)), (ev, PROV.wasDerivedFrom, art)]
    if _valid_date(article_date):
        out.append((ev, KG.reportedOn, date_literal(article_date)))
    out.append((target, KG.hasEvidence, ev))
    return ev


def _relation_triples(r: Relation, ctx: dict) -> list[Triple]:
    s, o = URIRef(entity_iri(r.subject)), URIRef(entity_iri(r.object))
    if r.type in SYMMETRIC_RELATIONS:          # one node per pair, whichever side was named first
        s, o = sorted((s, o))
    date = r.date if _valid_date(r.date) else None
    node = URIRef(relation_iri(r.type, str(s), str(o), date))
    out = [(node, RDF.type, KG.Relation), (node, KG.relationType, KG[r.type]),
           (node, KG.subject, s), (node, KG.object, o), (s, KG[r.type], o)]
    _add_dates(out, node, KG.date, date)
    _evidence(out, ctx["id"], ctx["iri"], ctx["date"], "relation", node, r.evidence,
              r.start, r.end, r.confidence)
    return out


def _lawsuit_triples(l: Lawsuit, ctx: dict) -> list[Triple]:
    node = URIRef(lawsuit_iri([entity_iri(p) for p in l.plaintiffs],
                              [entity_iri(d) for d in l.defendants], l.cause, l.date,
                              l.case_number))
    out = [(node, RDF.type, KG.Lawsuit)]
    out += [(node, KG.plaintiff, URIRef(entity_iri(p))) for p in l.plaintiffs]
    out += [(node, KG.defendant, URIRef(entity_iri(d))) for d in l.defendants]
    if l.court:
        out.append((node, KG.court, URIRef(entity_iri(l.court))))
    _add_dates(out, node, KG.filingDate, l.date)
    _add_dates(out, node, KG.rulingDate, l.ruling_date, bounds=False)
    _add_dates(out, node, KG.hearingDate, l.hearing_date, bounds=False)
    if l.cause:
        out.append((node, KG.cause, URIRef(ONTOLOGY + "cause/" + l.cause)))
    if l.claim_cny is not None:
        out += [(node, KG.amountClaimed, _decimal(l.claim_cny)), (node, KG.currency, Literal("CNY"))]
    elif l.claim_amount is not None:
        out += [(node, KG.amountClaimed, _decimal(l.claim_amount)),
                (node, KG.currency, Literal(l.claim_currency or "CNY"))]
    claim_in_cny = l.claim_cny is not None or l.claim_amount is None or (l.claim_currency or "CNY") == "CNY"
    if l.awarded_cny is not None and claim_in_cny:     # kg:currency then holds for both amounts
        out.append((node, KG.amountAwarded, _decimal(l.awarded_cny)))
    if l.outcome:
        out.append((node, KG.outcome, Literal(l.outcome)))
    if l.case_number:
        out.append((node, KG.caseNumber, Literal(l.case_number)))
    if l.count and l.count > 1:
        out.append((node, KG["count"], Literal(int(l.count))))
    _evidence(out, ctx["id"], ctx["iri"], ctx["date"], "lawsuit", node, l.evidence, l.start,
              l.end, l.confidence)
    return out


def article_rdf(ex: Extraction, built_at: str | None = None) -> ArticleRDF:
    """Everything one article contributes; deterministic except for `built_at`."""
    a = ex.article
    art = URIRef(article_iri(a.id))
    ctx = {"id": a.id, "iri": art, "date": a.date}
    out = ArticleRDF(str(art))
    meta = [(art, RDF.type, KG.Article), (art, DCTERMS.identifier, Literal(a.id)),
            (art, DCTERMS.title, Literal(a.title or a.id)), (art, KG.sha256, Literal(a.sha256)),
            (art, DCTERMS.language, Literal(a.lang))]
    if a.source:
        meta.append((art, DCTERMS.source, Literal(a.source)))
    if _valid_date(a.date):
        meta.append((art, DCTERMS.date, date_literal(a.date)))
    if built_at:
        meta.append((art, KG.builtAt, Literal(built_at, datatype=XSD.dateTime)))
    out.metadata = meta
    for e in ex.entities:
        out.entities += _entity_triples(e)
        out.graph.append((art, KG.mentions, URIRef(entity_iri(e.name))))
    for r in ex.relations:
        if not r.negated:
            out.graph += _relation_triples(r, ctx)
    for l in ex.lawsuits:
        if l.plaintiffs and l.defendants:
            out.graph += _lawsuit_triples(l, ctx)
    out.graph = list(dict.fromkeys(out.graph))
    out.entities = list(dict.fromkeys(out.entities))
    return out


def to_dataset(items: list[ArticleRDF]) -> Dataset:
    """An rdflib Dataset of several articles (for `kg extract --format trig` and tests)."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for item in items:
        for iri, triples in item.graphs().items():
            g = ds.graph(URIRef(iri))
            for t in triples:
                g.add(t)
    return ds


def to_graph(items: list[ArticleRDF]):
    """The union of several articles' graphs as one rdflib Graph (for Turtle, which has no graphs)."""
    from rdflib import Graph
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for item in items:
        for triples in item.graphs().values():
            for t in triples:
                g.add(t)
    return g
