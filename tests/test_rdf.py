from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.rdf import KG, article_rdf, date_bounds, date_literal, to_dataset
from kg.resolve import ARTICLES_GRAPH, ENTITIES_GRAPH, entity_iri
from tests.helpers import make_extraction


def test_dates_keep_precision_and_bounds():
    assert date_literal("2018").datatype == XSD.gYear
    assert date_literal("2018-03").datatype == XSD.gYearMonth
    assert date_literal("2018-03-08").datatype == XSD.date
    assert date_bounds("2020-02") == ("2020-02-01", "2020-02-29")
    assert date_bounds("2019") == ("2019-01-01", "2019-12-31")


def test_relation_is_an_nary_node_and_a_direct_triple():
    rdf = article_rdf(make_extraction())
    g = set(rdf.graph)
    tx, bd = URIRef(entity_iri("腾讯")), URIRef(entity_iri("抖音"))
    assert (tx, KG.blocks, bd) in g
    nodes = [s for s, p, o in g if p == KG.relationType and o == KG.blocks]
    assert len(nodes) == 1
    node = nodes[0]
    assert (node, KG.subject, tx) in g and (node, KG.object, bd) in g
    assert (node, KG.date, Literal("2018-03-08", datatype=XSD.date)) in g
    evidence = [o for s, p, o in g if s == node and p == KG.hasEvidence]
    assert evidence and any(p == KG.text for s, p, o in g if s == evidence[0])


def test_entities_and_metadata_live_in_shared_graphs():
    rdf = article_rdf(make_extraction(), built_at="2026-01-01T00:00:00Z")
    graphs = rdf.graphs()
    assert set(graphs) == {rdf.article_iri, ENTITIES_GRAPH, ARTICLES_GRAPH}
    tx = URIRef(entity_iri("腾讯"))
    assert (tx, RDFS.label, Literal("腾讯")) in set(rdf.entities)
    assert (tx, RDF.type, KG.Company) in set(rdf.entities)
    assert any(p == KG.sha256 for _, p, _ in rdf.metadata)


def test_lawsuit_node_has_parties_court_cause_and_amount():
    g = set(article_rdf(make_extraction()).graph)
    suits = [s for s, p, o in g if p == RDF.type and o == KG.Lawsuit]
    assert len(suits) == 1
    s = suits[0]
    assert (s, KG.plaintiff, URIRef(entity_iri("字节跳动"))) in g
    assert (s, KG.court, URIRef(entity_iri("北京知识产权法院"))) in g
    assert (s, KG.cause, URIRef("https://rivalry-kg.org/ontology#cause/antitrust")) in g
    assert any(p == KG.amountClaimed and o.datatype == XSD.decimal for x, p, o in g if x == s)


def test_negated_relations_are_not_stored():
    ex = make_extraction()
    ex.relations[0].negated = True
    g = set(article_rdf(ex).graph)
    assert not any(p == KG.blocks for _, p, _ in g)


def test_output_is_deterministic_and_round_trips_as_trig():
    a, b = article_rdf(make_extraction()), article_rdf(make_extraction())
    assert a.graph == b.graph
    ds = to_dataset([a])
    from rdflib import Dataset
    back = Dataset()
    back.parse(data=ds.serialize(format="trig"), format="trig")
    assert len(back) == len(ds)


def test_hostile_text_stays_a_literal():
    ex = make_extraction(relations=[("sues", "腾讯", "抖音", None, 'x" } ; DROP ALL ; <script>')])
    nt = article_rdf(ex).ntriples(article_rdf(ex).article_iri)
    from rdflib import Graph
    g = Graph().parse(data=nt, format="nt")
    assert any(str(o) == 'x" } ; DROP ALL ; <script>' for _, _, o in g)


def test_symmetric_relation_told_both_ways_is_one_valid_node():
    from kg.validate import validate_graph
    from rdflib import Graph
    a = article_rdf(make_extraction("a1", relations=[("competes", "腾讯", "字节跳动", None, "头腾大战")]))
    b = article_rdf(make_extraction("a2", relations=[("competes", "字节跳动", "腾讯", None, "腾讯与字节跳动竞争")]))
    g = Graph()
    for item in (a, b):
        for triples in item.graphs().values():
            for t in triples:
                g.add(t)
    nodes = set(g.subjects(KG.relationType, KG.competes))
    assert len(nodes) == 1
    assert len(set(g.objects(next(iter(nodes)), KG.subject))) == 1
    conforms, report = validate_graph(g)
    assert conforms, report


def test_only_the_filing_date_has_bounds():
    ex = make_extraction()
    ex.lawsuits[0].ruling_date = "2022-05-01"
    g = set(article_rdf(ex).graph)
    suit = next(s for s, p, o in g if p == RDF.type and o == KG.Lawsuit)
    assert [str(o) for s, p, o in g if s == suit and p == KG.dateEarliest] == ["2021-02-01"]


def test_direct_ntriples_are_the_rdflib_terms_text():
    """The build writes `article_nt` (strings, no rdflib terms); it must be byte for byte what
    rdflib's terms give, whatever the values: odd names, quotes and line breaks, amounts of every
    size (and -0.0), ill-typed dates, counts, a missing source and every date precision."""
    from kg.rdf import article_nt
    from kg.store import rdf_parts
    from kg.model import Entity
    odd = 'Q"uo\\te\n名 <x> {y}|^`'
    for date in ("2021-11-13", "2021-02", "2021", "2021-02-30", None):
        ex = make_extraction(date=date, relations=[
            ("blocks", "腾讯", "抖音", "2018-03-08", 'x" } ; DROP ALL ;\r\n<script>'),
            ("sues", "字节跳动", "腾讯", "2021-02", "二月"), ("competes", "抖音", "腾讯", "2019", "头腾"),
            ("accuses", odd, "腾讯", "2021-02-31", "坏日期"), ("fines", "腾讯", odd, None, "")])
        ex.entities.append(Entity(odd, "Company", [odd + " 别名", "a/b#c?d"], qid="Q1"))
        ex.relations[0].confidence = 0.123456
        suit = ex.lawsuits[0]
        suit.ruling_date, suit.hearing_date, suit.count = "2022-05", "2022-02-29", 3
        suit.outcome, suit.case_number = "判决\n胜诉", "(2021)京73民初1号"
        for amount in (0.0, -0.0, 1e-5, 10.0, 36558e4, 2.5e20, 0.30000000000000004):
            suit.claim_cny = suit.awarded_cny = amount
            for built_at in (None, "2026-11-27T00:00:37Z"):
                assert article_nt(ex, built_at) == rdf_parts(article_rdf(ex, built_at))
        suit.claim_cny, suit.claim_amount, suit.claim_currency = None, 12.5, "USD"
        assert article_nt(ex) == rdf_parts(article_rdf(ex))
