"""The ontology (rivalry.ttl), the SHACL shapes (shapes.ttl) and the entity lexicon (entities.tsv)."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.model import ENTITY_TYPES, LAWSUIT_CAUSES, RELATION_TYPES, SYMMETRIC_RELATIONS

ONT_DIR = Path(__file__).resolve().parent.parent / "ontology"
KG = Namespace("https://rivalry-kg.org/ontology#")
ID = Namespace("https://rivalry-kg.org/id/")
WD = Namespace("http://www.wikidata.org/entity/")
HEADER = ["name", "type", "aliases", "qid", "owner", "note"]


@pytest.fixture(scope="module")
def ont() -> Graph:
    return Graph().parse(ONT_DIR / "rivalry.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONT_DIR / "shapes.ttl", format="turtle")


def langs(g: Graph, s, p) -> set[str]:
    return {o.language for o in g.objects(s, p) if isinstance(o, Literal)}


# --------------------------------------------------------------------------------- ontology

def test_relation_types_are_properties_and_individuals(ont):
    for rel in RELATION_TYPES:
        p = KG[rel]
        assert (p, RDF.type, OWL.ObjectProperty) in ont, rel
        assert (p, RDF.type, KG.RelationType) in ont, rel
        assert {"en", "zh"} <= langs(ont, p, RDFS.label), rel
        assert {"en", "zh"} <= langs(ont, p, RDFS.comment), rel
        assert (p, SKOS.notation, Literal(rel)) in ont
        symmetric = (p, RDF.type, OWL.SymmetricProperty) in ont
        assert symmetric == (rel in SYMMETRIC_RELATIONS), rel
    declared = {str(s)[len(str(KG)):] for s in ont.subjects(RDF.type, KG.RelationType)}
    assert declared == set(RELATION_TYPES)


def test_every_class_and_property_has_bilingual_label_and_comment(ont):
    terms = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDFS.Datatype):
        terms |= {s for s in ont.subjects(RDF.type, kind)
                  if isinstance(s, URIRef) and str(s).startswith(str(KG))}
    assert len(terms) > 40
    for t in terms:
        assert {"en", "zh"} <= langs(ont, t, RDFS.label), t
        assert {"en", "zh"} <= langs(ont, t, RDFS.comment), t


def test_entity_and_core_classes(ont):
    for name in ENTITY_TYPES + ("Article", "Relation", "Evidence", "Lawsuit"):
        assert (KG[name], RDF.type, OWL.Class) in ont, name
    assert (KG.Court, RDFS.subClassOf, KG.Organization) in ont
    assert (KG.Regulator, RDFS.subClassOf, KG.Organization) in ont
    assert (KG.Article, RDFS.subClassOf, PROV.Entity) in ont
    # Company is an organisation in PROV's sense but not a kg:Organization (FORMAT.md's meaning)
    assert (KG.Company, RDFS.subClassOf, KG.Organization) not in ont
    assert (KG.Company, RDFS.subClassOf, PROV.Organization) in ont


def test_contract_properties_exist(ont):
    names = ["relationType", "subject", "object", "date", "dateEarliest", "dateLatest",
             "hasEvidence", "text", "startOffset", "endOffset", "confidence", "reportedOn",
             "plaintiff", "defendant", "court", "filingDate", "rulingDate", "hearingDate", "cause",
             "amountClaimed", "amountAwarded", "currency", "outcome", "caseNumber", "count",
             "sha256", "builtAt", "builtBy", "mentions"]
    for n in names:
        types = set(ont.objects(KG[n], RDF.type))
        assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}, n
    assert (KG.builtAt, RDFS.range, XSD.dateTime) in ont
    assert (KG.dateEarliest, RDFS.range, XSD.date) in ont
    assert (KG.amountClaimed, RDFS.range, XSD.decimal) in ont


def test_lawsuit_causes_form_a_skos_scheme(ont):
    for c in LAWSUIT_CAUSES:
        concept = URIRef(str(KG) + "cause/" + c)
        assert (concept, RDF.type, SKOS.Concept) in ont, c
        assert (concept, SKOS.inScheme, KG.LawsuitCause) in ont, c
        assert {"en", "zh"} <= langs(ont, concept, SKOS.prefLabel), c
    assert (KG.LawsuitCause, RDF.type, SKOS.ConceptScheme) in ont


# --------------------------------------------------------------------------------- SHACL

def _valid_data() -> Graph:
    g = Graph()
    art = ID["article/huxiu-2021-11-13-bytedance-tencent"]
    tx, bd, dy, court = (ID["entity/腾讯"], ID["entity/字节跳动"], ID["entity/抖音"],
                         ID["entity/北京知识产权法院"])
    g.add((art, RDF.type, KG.Article))
    g.add((art, DCTERMS.title, Literal("字节跳动与腾讯的三年")))
    g.add((art, DCTERMS.date, Literal("2021-11-13", datatype=XSD.date)))
    g.add((art, DCTERMS.source, Literal("虎嗅")))
    g.add((art, KG.sha256, Literal("a" * 64)))
    g.add((art, KG.builtAt, Literal("2026-01-01T00:00:00Z", datatype=XSD.dateTime)))
    for e, t, label in ((tx, KG.Company, "腾讯"), (bd, KG.Company, "字节跳动"),
                        (dy, KG.Product, "抖音"), (court, KG.Court, "北京知识产权法院")):
        g.add((e, RDF.type, t))
        g.add((e, RDFS.label, Literal(label)))
        g.add((art, KG.mentions, e))
    g.add((tx, SKOS.altLabel, Literal("Tencent")))
    g.add((tx, OWL.sameAs, WD.Q860580))

    rel, ev = ID["relation/r1"], ID["evidence/e1"]
    g.add((rel, RDF.type, KG.Relation))
    g.add((rel, KG.relationType, KG.blocks))
    g.add((rel, KG.subject, tx))
    g.add((rel, KG.object, dy))
    g.add((tx, KG.blocks, dy))
    g.add((rel, KG.date, Literal("2018-03", datatype=XSD.gYearMonth)))
    g.add((rel, KG.dateEarliest, Literal("2018-03-01", datatype=XSD.date)))
    g.add((rel, KG.dateLatest, Literal("2018-03-31", datatype=XSD.date)))
    g.add((rel, KG.hasEvidence, ev))
    g.add((ev, RDF.type, KG.Evidence))
    g.add((ev, KG.text, Literal("抖音链接分享到朋友圈仅为自己可见")))
    g.add((ev, KG.startOffset, Literal(10)))
    g.add((ev, KG.endOffset, Literal(26)))
    g.add((ev, KG.confidence, Literal("0.8", datatype=XSD.decimal)))
    g.add((ev, PROV.wasDerivedFrom, art))
    g.add((ev, KG.reportedOn, Literal("2021-11-13", datatype=XSD.date)))

    rel2, ev2 = ID["relation/r2"], ID["evidence/e2"]
    g.add((rel2, RDF.type, KG.Relation))
    g.add((rel2, KG.relationType, KG.competes))
    g.add((rel2, KG.subject, bd))
    g.add((rel2, KG.object, tx))
    g.add((tx, KG.competes, bd))        # symmetric: either direction of the direct triple
    g.add((rel2, KG.hasEvidence, ev2))
    g.add((ev2, RDF.type, KG.Evidence))
    g.add((ev2, KG.text, Literal("头腾大战")))
    g.add((ev2, KG.confidence, Literal(0.7, datatype=XSD.double)))
    g.add((ev2, PROV.wasDerivedFrom, art))

    suit, ev3 = ID["lawsuit/l1"], ID["evidence/e3"]
    g.add((suit, RDF.type, KG.Lawsuit))
    g.add((suit, KG.plaintiff, bd))
    g.add((suit, KG.defendant, tx))
    g.add((suit, KG.court, court))
    g.add((suit, KG.filingDate, Literal("2021", datatype=XSD.gYear)))
    g.add((suit, KG.cause, URIRef(str(KG) + "cause/antitrust")))
    g.add((suit, KG.amountClaimed, Literal("90000000", datatype=XSD.decimal)))
    g.add((suit, KG.currency, Literal("CNY")))
    g.add((suit, KG.hasEvidence, ev3))
    g.add((ev3, RDF.type, KG.Evidence))
    g.add((ev3, KG.text, Literal("字节跳动起诉腾讯垄断")))
    g.add((ev3, KG.confidence, Literal("1", datatype=XSD.decimal)))
    g.add((ev3, PROV.wasDerivedFrom, art))
    return g


def _validate(data: Graph, shapes: Graph, ont: Graph | None = None) -> tuple[bool, str]:
    """Validate `data` (with the ontology's triples mixed in when `ont` is given).

    Mixing the ontology in ourselves checks what pyshacl's `ont_graph=` does with
    `inference="none"` (the ontology is mixed into the data graph), but pyshacl's own mixing
    took 220-230 s a call on this machine against about 1.5 s for the merged graph."""
    import pyshacl
    if ont is not None:
        data = data + ont
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                         advanced=True)
    return bool(conforms), text


def test_valid_graph_conforms(shapes, ont):
    ok, text = _validate(_valid_data(), shapes)
    assert ok, text
    ok, text = _validate(_valid_data(), shapes, ont)      # with the class hierarchy in the graph
    assert ok, text
    ok, _ = _validate(_broken(BROKEN["evidence not derived from an article"]), shapes, ont)
    assert not ok                                          # the mixed-in ontology excuses nothing


def _broken(edit) -> Graph:
    g = _valid_data()
    edit(g)
    return g


BROKEN = {
    "confidence above 1": lambda g: g.set((ID["evidence/e1"], KG.confidence,
                                           Literal("1.5", datatype=XSD.decimal))),
    "relation without subject": lambda g: g.remove((ID["relation/r1"], KG.subject, None)),
    "two subjects": lambda g: g.add((ID["relation/r1"], KG.subject, ID["entity/字节跳动"])),
    "unknown relation type": lambda g: g.set((ID["relation/r1"], KG.relationType, KG.hates)),
    "literal object": lambda g: g.set((ID["relation/r1"], KG.object, Literal("抖音"))),
    "date as a plain string": lambda g: g.set((ID["relation/r1"], KG.date, Literal("2018-03"))),
    "earliest after latest": lambda g: g.set((ID["relation/r1"], KG.dateEarliest,
                                              Literal("2018-04-01", datatype=XSD.date))),
    "relation without evidence": lambda g: g.remove((ID["relation/r1"], KG.hasEvidence, None)),
    "missing direct triple": lambda g: g.remove((ID["entity/腾讯"], KG.blocks, None)),
    "evidence not derived from an article": lambda g: g.set(
        (ID["evidence/e1"], PROV.wasDerivedFrom, ID["entity/腾讯"])),
    "lawsuit without defendant": lambda g: g.remove((ID["lawsuit/l1"], KG.defendant, None)),
    "unknown cause": lambda g: g.set((ID["lawsuit/l1"], KG.cause, URIRef(str(KG) + "cause/tax"))),
    "negative amount": lambda g: g.set((ID["lawsuit/l1"], KG.amountClaimed,
                                        Literal("-1", datatype=XSD.decimal))),
    "amount as a string": lambda g: g.set((ID["lawsuit/l1"], KG.amountClaimed, Literal("9千万"))),
    "article without sha256": lambda g: g.remove((None, KG.sha256, None)),
    "article without title": lambda g: g.remove((None, DCTERMS.title, None)),
    "entity without label": lambda g: g.remove((ID["entity/抖音"], RDFS.label, None)),
    "sameAs outside Wikidata": lambda g: g.set((ID["entity/腾讯"], OWL.sameAs,
                                                URIRef("http://dbpedia.org/resource/Tencent"))),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_invalid_graph_does_not_conform(shapes, case):
    ok, text = _validate(_broken(BROKEN[case]), shapes)
    assert not ok, case


def test_rdf_module_output_conforms(shapes, ont):
    """What kg.rdf writes for a hand-made extraction passes the shapes (the contract both sides keep)."""
    rdf = pytest.importorskip("kg.rdf")
    helpers = pytest.importorskip("tests.helpers")
    out = rdf.article_rdf(helpers.make_extraction(), built_at="2026-01-01T00:00:00Z")
    g = Graph()
    for triples in out.graphs().values():
        for t in triples:
            g.add(t)
    ok, text = _validate(g, shapes, ont)
    assert ok, text


# --------------------------------------------------------------------------------- lexicon

def _lexicon_rows() -> list[list[str]]:
    text = (ONT_DIR / "lexicon" / "entities.tsv").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0].split("\t") == HEADER
    assert text.endswith("\n")
    return [line.split("\t") for line in lines[1:] if line and not line.startswith("#")]


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).lower().replace(" ", "")


def test_lexicon_is_well_formed():
    rows = _lexicon_rows()
    assert len(rows) >= 400
    names: dict[str, list[str]] = {}
    for row in rows:
        assert len(row) == 6, row
        name, typ, aliases, qid, owner, _note = row
        assert name and name == name.strip(), row
        assert typ in ENTITY_TYPES, row
        assert not qid or re.fullmatch(r"Q[1-9]\d*", qid), row
        assert name not in names, f"duplicate name {name}"
        names[name] = row
        for a in aliases.split("|") if aliases else []:
            assert a and a == a.strip() and a != name, row
    forms: dict[str, str] = {}
    for name, (_, typ, aliases, qid, owner, _note) in names.items():
        assert not owner or (owner in names and owner != name), f"{name}: owner {owner}"
        for a in aliases.split("|") if aliases else []:
            assert a not in names, f"alias {a} of {name} is another row's name"
        for form in [name] + (aliases.split("|") if aliases else []):
            key = _norm(form)
            assert forms.setdefault(key, name) == name, f"{form}: {forms[key]} and {name}"


def test_lexicon_knows_the_big_names():
    names = {r[0]: r for r in _lexicon_rows()}
    assert names["腾讯"][3] == "Q860580"
    assert "字节" in names["字节跳动"][2].split("|")
    assert names["微信"][4] == "腾讯" and names["抖音"][4] == "字节跳动"
    assert names["TikTok"][4] == "字节跳动" and names["淘宝"][4] == "阿里巴巴"
    assert "市场监管总局" in names["国家市场监督管理总局"][2].split("|")
    assert names["工业和信息化部"][1] == "Regulator" and "工信部" in names["工业和信息化部"][2]
    assert names["天津市滨海新区人民法院"][1] == "Court"
    assert names["最高人民检察院"][1] != "Court"


def test_every_lexicon_qid_has_a_checked_source():
    """A Wikidata id in the lexicon is only there because a public source pairs it with the name:
    ontology/lexicon/qid_sources.tsv holds, for each, where it was seen and the pairing itself."""
    text = (ONT_DIR / "lexicon" / "qid_sources.tsv").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0].split("\t") == ["name", "qid", "source", "seen", "note"]
    assert text.endswith("\n")
    sources: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            continue
        row = line.split("\t")
        assert len(row) == 5, row
        name, qid, source, seen, note = row
        assert name not in sources, f"duplicate source row for {name}"
        sources[name] = qid
        assert not qid or re.fullmatch(r"Q[1-9]\d*", qid), row
        # a row with an id names where it was seen and what was seen; one without says why
        assert (source and seen) if qid else note, row
        assert len(seen) <= 120, row
        if qid:
            assert qid in seen or qid in source, f"{name}: the excerpt does not show {qid}"
    lexicon = {r[0]: r for r in _lexicon_rows()}
    assert set(sources) <= set(lexicon), set(sources) - set(lexicon)
    for name, (_, typ, _aliases, qid, _owner, _note) in lexicon.items():
        if qid:
            assert sources.get(name) == qid, f"{name} {qid}: no row in qid_sources.tsv pairs them"
    for name, qid in sources.items():
        assert lexicon[name][3] == qid, f"{name}: qid_sources.tsv says {qid!r}, lexicon {lexicon[name][3]!r}"
    qids = [r[3] for r in lexicon.values() if r[3]]
    assert len(qids) == len(set(qids)), "two lexicon rows share a Wikidata id"
    companies = [r for r in lexicon.values() if r[1] == "Company"]
    share = sum(bool(r[3]) for r in companies) / len(companies)
    assert share >= 0.37, share  # 144 of 387 companies on 2026-12-07

def test_validate_graph_fast_path_agrees_with_pyshacl(shapes):
    """kg.validate runs the SPARQL constraints as whole-graph queries and the rest through
    pyshacl; its verdict and report must be pyshacl's own (the fast path only ever says yes)."""
    from kg.validate import validate_graph
    cases = {
        "valid": lambda g: None,
        "missing direct triple": BROKEN["missing direct triple"],
        "dated without bounds": lambda g: g.remove((ID["relation/r1"], KG.dateLatest, None)),
        "confidence above 1": BROKEN["confidence above 1"],
    }
    for name, edit in cases.items():
        data = _broken(edit)
        ok, text = _validate(data, shapes)
        assert validate_graph(data) == (ok, text.strip()), name
        assert ok == (name == "valid"), name
