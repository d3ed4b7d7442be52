"""The embedded store: atomic replace, remove with entity cleanup, batches, export, backup."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kg.errors import QueryError, StoreError
from kg.rdf import article_rdf
from kg.resolve import ARTICLES_GRAPH, ENTITIES_GRAPH, article_iri, entity_iri
from kg.store import open_store, write_articles
from tests.helpers import make_extraction


def _entities(st):
    res = st.query_json(f"SELECT DISTINCT ?e WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e ?p ?o }} }}")
    return {b["e"]["value"] for b in res["results"]["bindings"]}


def _parts(rdf):
    from kg.store import rdf_parts
    return rdf_parts(rdf)


def _rdflib_parts(rdf):
    return rdf.article_iri, rdf.ntriples(rdf.article_iri), {
        g: rdf.ntriples(g) for g in rdf.graphs() if g != rdf.article_iri}


def test_replace_is_idempotent_and_keeps_other_articles(tmp_path):
    with open_store(str(tmp_path / "s")) as st:
        write_articles(st, [article_rdf(make_extraction("a1")), article_rdf(make_extraction("a2"))])
        n = st.count()
        write_articles(st, [article_rdf(make_extraction("a1"))])
        assert st.count() == n
        assert set(st.article_hashes()) == {article_iri("a1"), article_iri("a2")}
        assert set(st.named_graphs()) == {article_iri("a1"), article_iri("a2"), ENTITIES_GRAPH,
                                          ARTICLES_GRAPH}


def test_replace_articles_in_one_request_equals_one_by_one(tmp_path):
    rdfs = [article_rdf(make_extraction(f"b{i}")) for i in range(5)]
    with open_store(str(tmp_path / "one")) as one, open_store(str(tmp_path / "batch")) as batch:
        write_articles(one, rdfs)
        batch.max_update_bytes = 3000          # forces several requests
        batch.replace_articles([_parts(r) for r in rdfs])
        assert sorted(one.export("nquads").splitlines()) == sorted(batch.export("nquads").splitlines())
        assert one.count() == batch.count()


def test_changed_article_drops_entities_nobody_mentions_any_more(tmp_path):
    ex = make_extraction("c1")
    with open_store(str(tmp_path / "s")) as st:
        write_articles(st, [article_rdf(ex)])
        assert entity_iri("北京知识产权法院") in _entities(st)
        ex.entities = [e for e in ex.entities if e.name != "北京知识产权法院"]
        ex.lawsuits = []
        write_articles(st, [article_rdf(ex)])
        assert entity_iri("北京知识产权法院") not in _entities(st)
        assert entity_iri("腾讯") in _entities(st)


def test_remove_article(tmp_path):
    with open_store(str(tmp_path / "s")) as st:
        write_articles(st, [article_rdf(make_extraction("d1")), article_rdf(make_extraction("d2"))])
        full = _entities(st)
        assert st.remove_article(article_iri("d1"))
        assert _entities(st) == full                    # d2 mentions the same entities
        assert st.remove_article(article_iri("d2"))
        assert _entities(st) == set()
        assert st.count() == 0
        assert not st.remove_article(article_iri("d2"))


def test_remove_command(tmp_path):
    from click.testing import CliRunner
    from kg.cli import cli
    loc = str(tmp_path / "s")
    with open_store(loc) as st:
        write_articles(st, [article_rdf(make_extraction("e1")), article_rdf(make_extraction("e2"))])
    r = CliRunner().invoke(cli, ["remove", "e1", "missing", "--store", loc])
    assert r.exit_code == 0, r.output
    assert "removed 1 article(s)" in r.output
    r = CliRunner().invoke(cli, ["remove", "missing", "--store", loc])
    assert r.exit_code == 1
    with open_store(loc, read_only=True) as st:
        assert list(st.article_hashes()) == [article_iri("e2")]


def test_failed_update_writes_nothing(tmp_path):
    with open_store(str(tmp_path / "s")) as st:
        write_articles(st, [article_rdf(make_extraction("f1"))])
        n = st.count()
        with pytest.raises(QueryError):
            st.replace_article(article_iri("f1"), "<a> <b> broken", {})
        assert st.count() == n


@pytest.mark.parametrize("fmt", ["trig", "nquads", "turtle", "jsonld"])
def test_export_formats(tmp_path, fmt):
    with open_store(str(tmp_path / "s")) as st:
        write_articles(st, [article_rdf(make_extraction("g1"))])
        data = st.export(fmt)
    assert "腾讯".encode() in data


def test_backup_is_a_consistent_store(tmp_path):
    with open_store(str(tmp_path / "s")) as st:
        write_articles(st, [article_rdf(make_extraction("h1"))])
        st.backup(tmp_path / "snap")
        n = st.count()
    with open_store(str(tmp_path / "snap"), read_only=True) as snap:
        assert snap.count() == n


def test_second_writer_gets_one_line_error(tmp_path):
    with open_store(str(tmp_path / "s")):
        with pytest.raises(StoreError, match="busy"):
            open_store(str(tmp_path / "s"))


def _store_missing_a_table_file(tmp_path):
    path = tmp_path / "s"
    with open_store(str(path)) as st:
        write_articles(st, [article_rdf(make_extraction("h1"))])
        st.flush()
    assert list(path.glob("*.sst"))
    return path


def test_table_file_gone_under_a_reader_is_busy_while_a_writer_holds_the_store(tmp_path):
    """A writer's compaction can delete a table file between a reader reading the MANIFEST and
    opening it; the reader retries and then says the store is busy, not a traceback."""
    path = _store_missing_a_table_file(tmp_path)
    writer = subprocess.Popen([sys.executable, "-c", "import pyoxigraph, sys, time; "
                               f"s = pyoxigraph.Store({str(path)!r}); print('open', flush=True); "
                               "time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "open"
        for sst in path.glob("*.sst"):
            sst.unlink()
        with pytest.raises(StoreError, match="store is busy"):
            open_store(str(path), read_only=True)
    finally:
        writer.kill()
        writer.wait()


def test_table_file_gone_without_a_writer_is_reported_as_damage(tmp_path):
    path = _store_missing_a_table_file(tmp_path)
    for sst in path.glob("*.sst"):
        sst.unlink()
    with pytest.raises(StoreError, match="store is damaged") as e:
        open_store(str(path), read_only=True)
    assert "\n" not in str(e.value)


def test_batch_load_keeps_awkward_literals(tmp_path):
    text = '引号"反斜杠\\ 换行\n段落\u2028分隔\x85下一行\t制表'
    ex = make_extraction("k1", text=text)
    ex.relations[0].evidence = text
    rdf = article_rdf(ex)
    with open_store(str(tmp_path / "one")) as one, open_store(str(tmp_path / "batch")) as batch:
        write_articles(one, [rdf])
        batch.replace_articles([_parts(rdf)])                # the N-Quads load path
        batch.replace_articles([_parts(rdf), _parts(rdf)])   # present, then repeated: updates
        with open_store(str(tmp_path / "n3")) as n3:             # rdflib's n3(): update path
            n3.replace_articles([_rdflib_parts(rdf)])
            assert sorted(one.export("nquads").splitlines()) == sorted(n3.export("nquads").splitlines())
        assert sorted(one.export("nquads").splitlines()) == sorted(batch.export("nquads").splitlines())
        res = batch.query_json(
            "SELECT ?t WHERE { GRAPH ?g { ?e <https://rivalry-kg.org/ontology#text> ?t } }")
        assert text in {b["t"]["value"] for b in res["results"]["bindings"]}


def test_ntriples_become_nquads_line_by_line():
    """The one-pass conversion and the line-by-line one agree: lines not ending ' .' are dropped
    either way, a last line without a line break too."""
    from kg.store import _as_nquads
    g = "https://rivalry-kg.org/id/graph/x"
    nt = '<a> <b> "c ." .\n<a> <b> "d\\n" .\n'
    assert _as_nquads(nt, g) == f'<a> <b> "c ." <{g}> .\n<a> <b> "d\\n" <{g}> .\n'
    assert _as_nquads(nt + "junk\n<a> <b> <c> .", g) == _as_nquads(nt, g) + f"<a> <b> <c> <{g}> .\n"
    assert _as_nquads("", g) == "" and _as_nquads('<a> <b> """x""" .\n', g) is None


def test_flushes_in_the_background_lose_nothing(tmp_path):
    """Memtable flushes run in a thread while the writer goes on loading: every batch is there,
    during the writes and after a reopen."""
    rdfs = [article_rdf(make_extraction(f"f{i}")) for i in range(12)]
    with open_store(str(tmp_path / "plain")) as plain:
        plain.replace_articles([_parts(r) for r in rdfs])
        want = sorted(plain.export("nquads").splitlines())
    with open_store(str(tmp_path / "bg")) as st:
        st.FLUSH_EVERY_BYTES = 1000            # a flush after nearly every batch
        for r in rdfs:
            st.replace_articles([_parts(r)])
        assert sorted(st.export("nquads").splitlines()) == want
    with open_store(str(tmp_path / "bg"), read_only=True) as again:
        assert sorted(again.export("nquads").splitlines()) == want


def test_quads_made_by_the_caller_load_the_same(tmp_path):
    """Build workers send each article's N-Quads (`nquads_of`); the store loads them as it would
    have converted them itself, and still updates an article already present."""
    from kg.store import nquads_of
    parts = [_parts(article_rdf(make_extraction(f"q{i}"))) for i in range(4)]
    with open_store(str(tmp_path / "own")) as own, open_store(str(tmp_path / "given")) as given:
        own.replace_articles(parts)
        given.replace_articles(parts, quads=[nquads_of(*p) for p in parts])
        given.replace_articles(parts[:1], quads=[nquads_of(*parts[0])])      # present: update
        assert sorted(own.export("nquads").splitlines()) == sorted(given.export("nquads").splitlines())


def test_remove_takes_back_the_labels_only_the_removed_article_gave(tmp_path):
    """Two articles name one company differently; removing one leaves the entities graph as a
    store of the other alone has it (names, language labels), and the company stays."""
    import hashlib

    from kg.model import Article, Entity, Extraction

    def ex(aid, text, names, lang="zh"):
        art = Article(id=aid, title=aid, date="2021-01-01", source="t", text=text, path=f"{aid}.txt",
                      sha256=hashlib.sha256(text.encode()).hexdigest(), lang=lang)
        return Extraction(art, [Entity(names[0], "Company", names[1:])], [], [])

    one = ex("l1", "甲乙丙科技集团（以下简称甲乙丙）。", ["甲乙丙科技", "甲乙丙科技集团", "甲乙丙"])
    two = ex("l2", "Jiayibing Tech said.", ["甲乙丙科技", "Jiayibing Tech"], lang="en")

    def entity_quads(st):
        return sorted(q for q in st.export("nquads").decode().splitlines() if ENTITIES_GRAPH in q)

    with open_store(str(tmp_path / "both")) as st, open_store(str(tmp_path / "two")) as alone:
        write_articles(st, [article_rdf(one), article_rdf(two)])
        assert any('"甲乙丙"' in q for q in entity_quads(st))
        assert st.remove_article(article_iri("l1"))
        write_articles(alone, [article_rdf(two)])
        got = entity_quads(st)
        assert got == entity_quads(alone)
        assert not any('"甲乙丙"' in q or "zh-Hans" in q for q in got)
        assert any('"Jiayibing Tech"' in q for q in got)
        # replacing an article with a version that drops a name drops the name too
        two.entities = [Entity("甲乙丙科技", "Company")]
        write_articles(st, [article_rdf(two)])
        assert not any('"Jiayibing Tech"' in q for q in entity_quads(st))


def test_remove_takes_back_the_lexicon_owner_links_only_the_removed_article_brought(tmp_path):
    """魔兽世界 brings its owner 暴雪娱乐 (the lexicon's) into the entities graph; another article
    names 暴雪娱乐 itself.  Removing either leaves what a store of the other alone holds."""
    import hashlib

    from kg.model import Article, Entity, Extraction

    def ex(aid, text, name, type_):
        art = Article(id=aid, title=aid, date="2021-01-01", source="t", text=text, path=f"{aid}.txt",
                      sha256=hashlib.sha256(text.encode()).hexdigest())
        return Extraction(art, [Entity(name, type_)], [], [])

    game = ex("w1", "魔兽世界上线。", "魔兽世界", "Product")
    maker = ex("w2", "暴雪娱乐宣布。", "暴雪娱乐", "Organization")     # typed otherwise than the lexicon

    def entity_quads(st):
        return sorted(q for q in st.export("nquads").decode().splitlines() if ENTITIES_GRAPH in q)

    for gone, kept in ((game, maker), (maker, game)):
        name = gone.article.id
        with open_store(str(tmp_path / f"both-{name}")) as st, \
                open_store(str(tmp_path / f"alone-{name}")) as alone:
            write_articles(st, [article_rdf(game), article_rdf(maker)])
            assert any("#owns>" in q for q in entity_quads(st))
            assert st.remove_article(article_iri(name))
            write_articles(alone, [article_rdf(kept)])
            assert entity_quads(st) == entity_quads(alone), name
