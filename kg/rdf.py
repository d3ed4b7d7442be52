"""An Extraction as RDF under the rivalry ontology (`ontology/rivalry.ttl`).

Three graphs per article build:
- the article's own named graph (IRI = the article's IRI): every relation, lawsuit and evidence
  node it supports, and which entities it mentions; replaced wholesale when the article changes;
- the shared entities graph: canonical entities with type, labels and Wikidata links;
- the shared articles graph: the article's metadata (title, date, source, sha256, build time, and
  `kg:builtBy`: the package version and a fingerprint of the code and ontology that read it, so an
  incremental build re-reads an unchanged article once the readers have changed).
Shared graphs are written by every article and never dropped with one article's graph.
"""
from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.cases import reversed_echoes
from kg.model import SYMMETRIC_RELATIONS, Entity, Extraction, Lawsuit, Relation
from kg.resolve import normalize_name
from kg.resolve import (ARTICLES_GRAPH, ENTITIES_GRAPH, ONTOLOGY, article_iri, canonical_name,
                        distinct_from,
                        entity_iri, evidence_iri, is_description, label_language, lawsuit_iri,
                        relation_iri, article_names, stage_iri)

KG = Namespace(ONTOLOGY)
WD = Namespace("http://www.wikidata.org/entity/")
PREFIXES = {"kg": ONTOLOGY, "kgid": "https://rivalry-kg.org/id/", "prov": str(PROV),
            "dcterms": str(DCTERMS), "rdfs": str(RDFS), "skos": str(SKOS), "owl": str(OWL),
            "xsd": str(XSD), "wd": str(WD), "rdf": str(RDF)}

Triple = tuple  # (subject, predicate, object) of rdflib terms


#: What decides an article's quads: the stages up to this one (package files and folders) and the
#: ontology's word lists and confidence tables.  The store, query, viewer and CLI modules, the
#: named queries and the shapes are left out: changing them changes no stored fact.
_READER_CODE = ("ingest", "extract", "nlp.py", "lexicon.py", "model.py", "resolve.py", "cases.py", "rdf.py")
_READER_DATA = ("lexicon", "calibration.tsv", "dropped_rules.tsv")


@functools.lru_cache(maxsize=None)
def reader_stamp() -> str:
    """`kg:builtBy` of every article this code writes: "rivalry-kg VERSION readers FINGERPRINT",
    the fingerprint a SHA-256 (12 hex digits) of the reading stages' Python files and of the word
    lists and confidence tables of the ontology directory in use, so a change to any reader, word
    list or confidence table makes `kg build` read the stored articles again."""
    from pathlib import Path
    import hashlib
    import kg
    from kg.paths import ontology_dir
    h = hashlib.sha256()
    for root, names in ((Path(kg.__file__).parent, _READER_CODE), (ontology_dir(), _READER_DATA)):
        for name in names:
            top = root / name
            for f in sorted(top.rglob("*")) if top.is_dir() else [top]:
                if f.is_file() and f.suffix in (".py", ".tsv", ".json", ".txt") and "__pycache__" not in f.parts:
                    h.update(str(f.relative_to(root)).encode("utf-8") + b"\0" + f.read_bytes() + b"\0")
    return f"rivalry-kg {kg.__version__} readers {h.hexdigest()[:12]}"


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


class _Vocab:
    """A namespace's terms as one factory writes them, each made once: `t.kg.text`, `t.kg[type]`."""

    def __init__(self, ns, make):
        self._ns, self._make = ns, make

    def __getattr__(self, name: str):       # only for names not made yet
        if name.startswith("_"):
            raise AttributeError(name)
        term = self._make(URIRef(self._ns[name]))
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str):
        return getattr(self, name)


class _Vocabs:
    def __init__(self):
        for attr, ns in (("kg", KG), ("rdf", RDF), ("rdfs", RDFS), ("skos", SKOS), ("owl", OWL),
                         ("prov", PROV), ("dcterms", DCTERMS), ("wd", WD)):
            setattr(self, attr, _Vocab(ns, self.iri))


class _RdflibTerms(_Vocabs):
    """Terms as rdflib objects (for `kg extract --format trig/turtle`, tests and validation)."""

    def iri(self, value: str) -> URIRef:
        return URIRef(value)

    def lit(self, value) -> Literal:
        return Literal(value)

    def typed(self, lexical: str, datatype: str) -> Literal:
        return Literal(lexical, datatype=URIRef(datatype))

    def lang(self, value: str, tag: str) -> Literal:
        return Literal(value, lang=tag)

    def dec(self, value: float) -> Literal:
        return _decimal(value)

    def date(self, date: str) -> Literal:
        return date_literal(date)


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


class _NTriplesTerms(_Vocabs):
    """The same terms written straight as strict N-Triples text, without building rdflib objects
    (rdflib term construction and `n3()` took half a build worker's time).  Each term is the text
    `term_nt` gives for the rdflib term `_RdflibTerms` makes: IRIs and plain strings are
    written directly; typed literals, whose lexical form rdflib may normalise (xsd:dateTime's 'Z'
    becomes '+00:00'), are made by rdflib once per distinct value and remembered.
    tests/test_rdf.py compares the two on awkward values (quotes, line breaks, ill-typed dates,
    -0.0, huge amounts); the stores built either way were compared on the eval corpora."""

    def iri(self, value: str) -> str:
        if type(value) is not str or not _plain_iri(value):
            return term_nt(URIRef(value))    # rdflib's own check (and error)
        return "<" + value + ">"

    def lit(self, value) -> str:
        if type(value) is str:
            return '"' + value.translate(_NT_ESCAPES) + '"'
        if type(value) is int:
            return f'"{value}"^^<{_XSD_INTEGER}>'
        return term_nt(Literal(value))

    def typed(self, lexical: str, datatype: str) -> str:
        return _typed_nt(lexical, datatype)

    def lang(self, value: str, tag: str) -> str:
        return '"' + value.translate(_NT_ESCAPES) + '"@' + tag

    def dec(self, value: float) -> str:
        value = float(value)
        return _decimal_nt(value) if value else term_nt(_decimal(value))   # keep -0.0 apart

    def date(self, date: str) -> str:
        return _typed_nt(date, _DATE_TYPES[len(date)])


_DATE_TYPES = {4: str(XSD.gYear), 7: str(XSD.gYearMonth), 10: str(XSD.date)}
_IRI_BAD = re.compile(r'[<>" {}|\\^`\x00-\x20]')


def _plain_iri(value: str) -> bool:
    """An IRI rdflib's URIRef.n3() writes as <value> (no character it refuses)."""
    return _IRI_BAD.search(value) is None


def term_nt(term) -> str:
    """An rdflib term in strict N-Triples (one line, valid inside SPARQL INSERT DATA too).

    rdflib's `n3()` writes a literal holding a line break as a triple-quoted Turtle string, which
    N-Triples and N-Quads parsers reject.
    """
    if isinstance(term, Literal):
        lex = f'"{str(term).translate(_NT_ESCAPES)}"'
        if term.language:
            return f"{lex}@{term.language}"
        if term.datatype:
            return f"{lex}^^<{term.datatype}>"
        return lex
    return term.n3()




_TYPED: dict[tuple[str, str], str] = {}


def _typed_nt(lexical: str, datatype: str) -> str:
    key = (lexical, datatype)
    hit = _TYPED.get(key)
    if hit is None:
        lit = Literal(lexical, datatype=URIRef(datatype))
        hit = term_nt(lit)
        if lit.ill_typed or len(_TYPED) > 100_000:    # ill-typed: rdflib warns every time
            return hit
        _TYPED[key] = hit
    return hit


@functools.lru_cache(maxsize=4096)
def _decimal_nt(value: float) -> str:
    return term_nt(_decimal(value))


_XSD_DATE, _XSD_DATETIME, _XSD_INTEGER = str(XSD.date), str(XSD.dateTime), str(XSD.integer)
_RDFLIB = _RdflibTerms()
_NT = _NTriplesTerms()


def _add_dates(t, out: list, node, prop, date: str | None, bounds: bool = True) -> None:
    """The date at its precision, and (for the node's main date only) its earliest/latest days."""
    if not _valid_date(date):
        return
    out.append((node, prop, t.date(date)))
    if not bounds:
        return
    lo, hi = date_bounds(date)
    out.append((node, t.kg.dateEarliest, t.typed(lo, _XSD_DATE)))
    out.append((node, t.kg.dateLatest, t.typed(hi, _XSD_DATE)))


def _lex_entry(name: str):
    from kg.lexicon import load_lexicon
    return load_lexicon().lookup(name)


def _pref_label(canon: str, written: list[str], tag: str, lex, own: str = "") -> str | None:
    """The label in language `tag`: in Simplified Chinese the canonical name (or the lexicon's
    Simplified form); in Traditional the lexicon's Traditional form, else the article's; in
    English the name the article goes by (`own`, `Entity.written`: "Competition and Markets
    Authority" rather than "CMA"), else the shortest name it wrote (a description such as
    "federal appeals court" only if it wrote no name), else the lexicon's."""
    if tag == "en" and own and label_language(own, "en", False) == "en" and not is_description(own):
        return own
    lexforms = ((lex.name,) + lex.aliases) if lex is not None else ()
    mine = sorted((w for w in written if label_language(w, "zh", tag == "zh-Hant") == tag),
                  key=lambda w: (is_description(w), len(w), w))   # a name before "the court"
    if tag == "zh-Hans":
        for s in (canon,) + lexforms:
            if label_language(s, "zh", False) == "zh-Hans":
                return s
        return mine[0] if mine else None
    if tag == "zh-Hant":
        for s in lexforms:
            if label_language(s, "zh", True) == "zh-Hant" and _simplified(s) != s:
                return s
        return mine[0] if mine else None
    if mine:
        return mine[0]
    return next((s for s in lexforms if label_language(s, "en", False) == "en"), None)


def _simplified(text: str) -> str:
    from kg.nlp import to_simplified
    return to_simplified(text)


def _entity_triples(t, e: Entity, canon: str, tag: str | None) -> list[Triple]:
    node = t.iri(entity_iri(canon))
    lex = _lex_entry(canon)
    out = [(node, t.rdf.type, t.kg[e.type]), (node, t.rdfs.label, t.lit(canon))]
    alt = t.skos.altLabel
    written = [normalize_name(x) for x in [e.name] + list(e.aliases) + ([e.written] if e.written else [])]
    not_it = distinct_from(canon)
    if not_it:      # Motorola Solutions: none of the names of the entry it is not (摩托罗拉, Motorola)
        written = [w for w in written if canonical_name(w) != not_it]
    known = list(lex.aliases) if lex is not None else []     # any name the lexicon knows finds it
    out += [(node, alt, t.lit(a)) for a in sorted(set(written + known)) if a != canon]
    qid = lex.qid if lex is not None else e.qid
    if qid:
        out.append((node, t.owl.sameAs, t.wd[qid]))
    if tag:
        label = _pref_label(canon, written, tag, lex, normalize_name(e.written) if e.written else "")
        if label:
            out.append((node, t.skos.prefLabel, t.lang(label, tag)))
    if lex is not None and lex.owner:
        owner = _lex_entry(lex.owner)
        if owner is not None and owner.name != canon:      # the lexicon knows who owns it
            o = t.iri(entity_iri(owner.name))
            out += [(o, t.rdf.type, t.kg[owner.type]), (o, t.rdfs.label, t.lit(owner.name)),
                    (o, t.kg.owns, node)]
    return out


def _evidence(t, out: list, art_id: str, art, article_date: str | None, kind: str,
              target, target_iri: str, text: str, start: int, end: int, confidence: float,
              rule: str = ""):
    ev = t.iri(evidence_iri(art_id, kind, start, end, target_iri))
    out += [(ev, t.rdf.type, t.kg.Evidence), (ev, t.kg.text, t.lit(text)),
            (ev, t.kg.startOffset, t.lit(start)), (ev, t.kg.endOffset, t.lit(end)),
            (ev, t.kg.confidence, t.dec(confidence)), (ev, t.prov.wasDerivedFrom, art)]
    if _valid_date(article_date):
        out.append((ev, t.kg.reportedOn, t.date(article_date)))
    if rule:                                   # provenance: the extractor rule that made the fact
        out.append((ev, t.kg.rule, t.lit(rule)))
    out.append((target, t.kg.hasEvidence, ev))
    return ev


def _relation_triples(t, r: Relation, ctx: dict) -> list[Triple]:
    key = ctx["key"]
    s, o = entity_iri(key(r.subject)), entity_iri(key(r.object))
    if s == o:                                 # two names of one node: no fact between them
        return []
    if r.type in SYMMETRIC_RELATIONS:          # one node per pair, whichever side was named first
        s, o = sorted((s, o))
    date = r.date if _valid_date(r.date) else None
    node_iri = relation_iri(r.type, s, o, date)
    node, s, o = t.iri(node_iri), t.iri(s), t.iri(o)
    out = [(node, t.rdf.type, t.kg.Relation), (node, t.kg.relationType, t.kg[r.type]),
           (node, t.kg.subject, s), (node, t.kg.object, o), (s, t.kg[r.type], o)]
    _add_dates(t, out, node, t.kg.date, date)
    _evidence(t, out, ctx["id"], ctx["iri"], ctx["date"], "relation", node, node_iri, r.evidence,
              r.start, r.end, r.confidence, r.rule)
    return out


_STAGE_WORDS = (("settlement", ("和解", "settle", "Settle")),
                ("retrial", ("再审", "重审", "retrial", "re-trial")),
                ("final", ("终审", "最终判决", "final ruling", "Supreme Court", "最高人民法院", "最高法院")),
                ("appeal", ("二审", "上诉", "维持原判", "appeal", "Appeal", "Circuit")),
                ("first_instance", ("一审", "判决", "裁定", "判令", "ruled", "verdict", "jury", "judgment")))
STAGE_KINDS = ("filing", "first_instance", "appeal", "retrial", "final", "settlement")


def lawsuit_stage(l: Lawsuit) -> str:
    """Which stage of its case one report of a lawsuit tells (from its outcome and sentence)."""
    if (l.outcome or "").lower() in ("settled", "withdrawn"):
        return "settlement"
    for kind, words in _STAGE_WORDS:
        if any(w in (l.evidence or "") for w in words):
            return kind
    if l.ruling_date or l.outcome:
        return "first_instance"
    return "filing"


def _lawsuit_triples(t, l: Lawsuit, ctx: dict) -> list[Triple]:
    key = ctx["key"]
    plaintiffs = sorted({entity_iri(key(p)) for p in l.plaintiffs})
    defendants = sorted({entity_iri(key(d)) for d in l.defendants} - set(plaintiffs))
    if not plaintiffs or not defendants:
        return []
    # "a federal appeals court" says which kind of court, not which one: no court then
    court = entity_iri(key(l.court)) if l.court and not is_description(l.court) else None
    date = l.date if _valid_date(l.date) else None
    node_iri = lawsuit_iri(plaintiffs, defendants, l.cause, date, l.case_number, court)
    node = t.iri(node_iri)
    out = [(node, t.rdf.type, t.kg.Lawsuit)]
    out += [(node, t.kg.plaintiff, t.iri(p)) for p in plaintiffs]
    out += [(node, t.kg.defendant, t.iri(d)) for d in defendants]
    if court:
        out.append((node, t.kg.court, t.iri(court)))
    kind = lawsuit_stage(l)
    stage_date = (l.ruling_date if kind != "filing" and _valid_date(l.ruling_date) else
                  date if kind == "filing" else None)
    stage = t.iri(stage_iri(node_iri, kind, stage_date, court))
    out += [(node, t.kg.stage, stage), (stage, t.rdf.type, t.kg.LawsuitStage),
            (stage, t.kg.stageType, t.iri(ONTOLOGY + "stage/" + kind))]
    if court:
        out.append((stage, t.kg.court, t.iri(court)))
    _add_dates(t, out, stage, t.kg.date, stage_date, bounds=False)
    if l.outcome and kind != "filing":
        out.append((stage, t.kg.outcome, t.lit(l.outcome)))
    _add_dates(t, out, node, t.kg.filingDate, date)
    _add_dates(t, out, node, t.kg.rulingDate, l.ruling_date, bounds=False)
    _add_dates(t, out, node, t.kg.hearingDate, l.hearing_date, bounds=False)
    if l.cause:
        out.append((node, t.kg.cause, t.iri(ONTOLOGY + "cause/" + l.cause)))
    if l.claim_cny is not None:
        out += [(node, t.kg.amountClaimed, t.dec(l.claim_cny)),
                (node, t.kg.currency, t.lit("CNY"))]
    elif l.claim_amount is not None:
        out += [(node, t.kg.amountClaimed, t.dec(l.claim_amount)),
                (node, t.kg.currency, t.lit(l.claim_currency or "CNY"))]
    claim_in_cny = l.claim_cny is not None or l.claim_amount is None or (l.claim_currency or "CNY") == "CNY"
    if l.awarded_cny is not None and claim_in_cny:     # kg:currency then holds for both amounts
        out.append((node, t.kg.amountAwarded, t.dec(l.awarded_cny)))
    if l.outcome:
        out.append((node, t.kg.outcome, t.lit(l.outcome)))
    if l.case_number:
        out.append((node, t.kg.caseNumber, t.lit(l.case_number)))
    if l.count and l.count > 1:
        out.append((node, t.kg["count"], t.lit(int(l.count))))
    _evidence(t, out, ctx["id"], ctx["iri"], ctx["date"], "lawsuit", node, node_iri, l.evidence,
              l.start, l.end, l.confidence, l.rule)
    return out


def article_language(a) -> str:
    """The language tag of an article's labels: en, zh-Hant or zh-Hans."""
    if a.lang == "en":
        return "en"
    from kg.nlp import is_traditional
    return "zh-Hant" if is_traditional(a.text or "") else "zh-Hans"


def _article_triples(t, ex: Extraction, built_at: str | None) -> ArticleRDF:
    a = ex.article
    art_iri = article_iri(a.id)
    art = t.iri(art_iri)
    names = article_names(ex)
    ctx = {"id": a.id, "iri": art, "date": a.date,
           "key": lambda n: names.get(n) or canonical_name(n)}
    out = ArticleRDF(art_iri)
    meta = [(art, t.rdf.type, t.kg.Article), (art, t.dcterms.identifier, t.lit(a.id)),
            (art, t.dcterms.title, t.lit(a.title or a.id)), (art, t.kg.sha256, t.lit(a.sha256)),
            (art, t.dcterms.language, t.lit(a.lang))]
    if a.source:
        meta.append((art, t.dcterms.source, t.lit(a.source)))
    if _valid_date(a.date):
        meta.append((art, t.dcterms.date, t.date(a.date)))
    if built_at:
        meta.append((art, t.kg.builtAt, t.typed(built_at, _XSD_DATETIME)))
    meta.append((art, t.kg.builtBy, t.lit(reader_stamp())))
    out.metadata = meta
    mentions = t.kg.mentions
    tag = article_language(a)
    # What may differ between the articles that name an entity (the names they write, the
    # type they read) and the lexicon's owner links: in the article's graph too, so removing or
    # replacing the article takes back from the entities graph what no other article gives.
    # (rdfs:label and owl:sameAs are functions of the canonical name: they go with the entity.)
    repeated = (t.skos.altLabel, t.skos.prefLabel, t.rdf.type, t.kg.owns)
    for e in ex.entities:
        canon = names[e.key]
        triples = _entity_triples(t, e, canon, tag)
        out.entities += triples
        out.graph.append((art, mentions, t.iri(entity_iri(canon))))
        out.graph += [x for x in triples if x[1] in repeated]
    for r in ex.relations:
        if not r.negated:
            out.graph += _relation_triples(t, r, ctx)
    suits = [l for l in ex.lawsuits if l.plaintiffs and l.defendants]
    key = ctx["key"]
    echoes = reversed_echoes([({entity_iri(key(p)) for p in l.plaintiffs},
                               {entity_iri(key(d)) for d in l.defendants}, l.start, l.evidence or "")
                              for l in suits])
    for i, l in enumerate(suits):
        if i not in echoes:
            out.graph += _lawsuit_triples(t, l, ctx)
    out.graph = list(dict.fromkeys(out.graph))
    out.entities = list(dict.fromkeys(out.entities))
    return out


def article_rdf(ex: Extraction, built_at: str | None = None) -> ArticleRDF:
    """Everything one article contributes; deterministic except for `built_at`."""
    return _article_triples(_RDFLIB, ex, built_at)


def article_nt(ex: Extraction, built_at: str | None = None) -> tuple[str, str, dict[str, str]]:
    """`kg.store.rdf_parts(article_rdf(ex, built_at))`, made without rdflib terms (the build's
    path): (article IRI, its graph's N-Triples, {shared graph: N-Triples})."""
    item = _article_triples(_NT, ex, built_at)
    graphs = item.graphs()
    return (item.article_iri, _lines(graphs[item.article_iri]),
            {g: _lines(ts) for g, ts in graphs.items() if g != item.article_iri})


def _lines(triples: list[tuple[str, str, str]]) -> str:
    return "".join(f"{s} {p} {o} .\n" for s, p, o in triples)


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


def dataset_trig(ds: Dataset) -> str:
    """`ds` as TriG with its named graphs in IRI order (the default graph last).  rdflib writes
    graphs in the order of a set of contexts, which changes with the process's hash seed; within a
    graph it already orders subjects and predicates itself."""
    from io import BytesIO
    from rdflib.plugins.serializers.trig import TrigSerializer
    ser = TrigSerializer(ds)
    default = ser.default_context
    ser.contexts.sort(key=lambda g: (g.identifier == default, str(g.identifier)))
    buf = BytesIO()
    ser.serialize(buf, base=ds.base, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


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
