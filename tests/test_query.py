import pytest

from kg.errors import QueryError
from kg.query import bind, format_rows, literal, load_query, named_queries, run, with_prefixes
from kg.rdf import article_rdf
from kg.store import open_store, write_articles
from tests.helpers import make_extraction


@pytest.fixture
def store(tmp_path):
    st = open_store(str(tmp_path / "store"))
    write_articles(st, [article_rdf(make_extraction("a1")), article_rdf(make_extraction("a2"))])
    yield st
    st.close()


def test_literal_escapes_quotes_and_backslashes():
    assert literal('a"b\\c\n') == '"a\\"b\\\\c\\n"'


def test_bind_uses_values_not_string_pasting():
    q = bind("SELECT ?x WHERE { ?x ?p ?name }", name='腾讯" } ; DROP ALL ; #')
    assert 'VALUES (?name) { ("腾讯\\" } ; DROP ALL ; #") }' in q


def test_hostile_name_finds_nothing_and_changes_nothing(store):
    before = store.count()
    rows = run(store, "timeline", name='腾讯" } ; DROP ALL ; #')
    assert rows.rows == []
    assert store.count() == before


def test_named_queries_all_parse_and_run(store):
    names = named_queries()
    assert {"timeline", "lawsuits", "rivals", "relations", "entities", "articles"} <= set(names)
    params = {"timeline": {"name": "腾讯"}, "rivals": {"name": "腾讯"},
              "known-as-of": {"asof": "2022-01-01"},
              "between": {"since": "2018-01-01", "until": "2018-12-31"}}
    for name in names:
        run(store, name, **params.get(name, {}))


def test_timeline_is_chronological_and_found_by_alias(store):
    rows = run(store, "timeline", name="Tencent").rows
    dates = [r[0] for r in rows if r[0]]
    assert dates == sorted(dates) and dates[0] == "2018-03-08"
    assert {r[1] for r in rows} >= {"blocks", "sues"}


def test_same_event_from_two_articles_is_one_fact_with_two_sources(store):
    rows = run(store, "relations")
    by_type = {r[1]: r for r in rows.rows}
    assert by_type["blocks"][rows.vars.index("sources")] == "2"


def test_rivals_ranks_hostile_counterparts(store):
    rows = run(store, "rivals", name="字节跳动").rows
    assert rows[0][0] == "腾讯"


def test_date_range_matches_any_precision(store):
    rows = run(store, "between", since="2021-02-15", until="2021-02-16").rows
    assert [r[1] for r in rows] == ["sues"]            # a month-precision date overlaps the range


def test_prefixes_are_added_only_when_used():
    assert "PREFIX kg:" in with_prefixes("SELECT * WHERE { ?s a kg:Company }")
    assert "PREFIX" not in with_prefixes("SELECT * WHERE { ?s ?p ?o }")


def test_unknown_query_name_is_a_clear_error():
    with pytest.raises(QueryError, match="named query"):
        load_query("no-such-query")


def test_syntax_error_is_a_query_error(store):
    with pytest.raises(QueryError, match="syntax"):
        run(store, "SELECT WHERE {")


def test_formats(store):
    rows = run(store, "SELECT ?l WHERE { GRAPH ?g { ?e rdfs:label ?l } } ORDER BY ?l")
    assert format_rows(rows, "csv").splitlines()[0] == "l"
    assert "\t" not in format_rows(rows, "csv")
    assert '"results"' in format_rows(rows, "json")
    assert "腾讯" in format_rows(rows, "table")
