from kg.resolve import (article_iri, entity_iri, lawsuit_iri, normalize_name, relation_iri)


def test_entity_iri_is_deterministic_and_normalised():
    assert entity_iri("腾讯") == entity_iri("腾讯")
    assert entity_iri("ＱＱ") == entity_iri("QQ")          # full-width folds (NFKC)
    assert entity_iri("腾讯") != entity_iri("字节跳动")
    assert entity_iri("腾讯").startswith("https://rivalry-kg.org/id/entity/")


def test_iris_escape_characters_that_would_break_sparql_or_turtle():
    iri = entity_iri('A "B" <C> #d?e/f g')
    for bad in ' "<>#?{}|\\^`':
        assert bad not in iri.split("/entity/", 1)[1]
    assert "腾讯" in entity_iri("腾讯")                       # CJK stays readable


def test_normalize_name_collapses_spaces():
    assert normalize_name(" Tik  Tok ") == "Tik Tok"


def test_symmetric_relations_share_one_node_whatever_the_order():
    a, b = entity_iri("腾讯"), entity_iri("字节跳动")
    assert relation_iri("competes", a, b, None) == relation_iri("competes", b, a, None)
    assert relation_iri("sues", a, b, None) != relation_iri("sues", b, a, None)
    assert relation_iri("sues", a, b, "2021") != relation_iri("sues", a, b, "2020")


def test_lawsuit_keyed_by_case_number_when_given():
    one = lawsuit_iri(["x"], ["y"], "copyright", "2020", case_number="（2020）京73民初1号")
    other = lawsuit_iri(["z"], ["w"], None, None, case_number="（2020）京73民初1号")
    assert one == other
    assert lawsuit_iri(["x"], ["y"], "copyright", "2020-03") == lawsuit_iri(["x"], ["y"], "copyright", "2020-11")


def test_article_iri_escapes_ids():
    assert " " not in article_iri("my article")
