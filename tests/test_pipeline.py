"""The build pipeline on a fake extractor: streaming, incremental, remove, parallel, summaries.

`fake_process` stands in for kg.extract so these tests check the pipeline, not extraction
quality; it is a module-level function so worker processes and Dask tasks can run it.
"""
from __future__ import annotations

import json
import re

import pytest

from kg import pipeline
from kg.model import Entity, Extraction, Relation
from kg.rdf import article_rdf
from kg.resolve import ENTITIES_GRAPH, article_iri, entity_iri
from kg.store import open_store

NAMES = ["腾讯", "阿里巴巴", "字节跳动", "百度", "美团", "京东", "滴滴", "小米"]
TRIGGERS = {"起诉": "sues", "屏蔽": "blocks", "收购": "acquires", "竞争": "competes"}
_SENT = re.compile(r"([^。]*)。")


def fake_process(article, built_at=None):
    """Deterministic toy extraction: lexicon names, and 'A <trigger> B' per sentence."""
    ents, rels = {}, []
    for m in _SENT.finditer(article.text):
        sent = m.group(1)
        found = sorted((sent.find(n), n) for n in NAMES if n in sent)
        for _, n in found:
            ents.setdefault(n, Entity(n, "Company", [n + "公司"]))
        for word, rtype in TRIGGERS.items():
            if word in sent and len(found) >= 2:
                rels.append(Relation(rtype, found[0][1], found[1][1], article.date, sent + "。",
                                     m.start(), m.end(), 0.8))
    ex = Extraction(article, list(ents.values()), rels, [])
    return article_rdf(ex, built_at), (len(ex.entities), len(rels), 0)


def write_corpus(path, n, start=0, variant=""):
    pairs = [(a, b) for a in NAMES for b in NAMES if a != b]
    verbs = list(TRIGGERS)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(start, start + n):
            a, b = pairs[i % len(pairs)]
            v = verbs[i % len(verbs)]
            text = f"2021年，{a}{v}{b}。{b}回应称将继续经营{variant}。"
            f.write(json.dumps({"id": f"art{i}", "title": f"第{i}篇", "date": "2021-03-01",
                                "source": "测试", "text": text}, ensure_ascii=False) + "\n")
    return path


def quads(store):
    """Every quad as N-Quads lines, kg:builtAt left out (it is the build time)."""
    res = store.query_json("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    from kg.query import term_n3
    return sorted(f"{term_n3(b['s'])} {term_n3(b['p'])} {term_n3(b['o'])} {term_n3(b['g'])}"
                  for b in res["results"]["bindings"] if not b["p"]["value"].endswith("#builtAt"))


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "c.jsonl", 40)


def test_build_stores_every_article(tmp_path, corpus):
    seen = []
    with open_store(str(tmp_path / "s")) as st:
        s = pipeline.build([str(corpus)], st, process_fn=fake_process,
                           on_article=lambda item, status: seen.append((item.id, status)))
        assert (s.read, s.stored, s.unchanged) == (40, 40, 0)
        assert [i for i, _ in seen] == [f"art{i}" for i in range(40)]   # input order
        assert len(st.article_hashes()) == 40
        assert s.chars > 0 and s.relations == 40
        assert "chars/s" in s.lines()[0]


def test_incremental_skips_unchanged_and_replaces_changed(tmp_path, corpus):
    with open_store(str(tmp_path / "s")) as st:
        pipeline.build([str(corpus)], st, process_fn=fake_process)
        before = quads(st)
        again = pipeline.build([str(corpus)], st, process_fn=fake_process)
        assert (again.stored, again.unchanged) == (0, 40)
        assert quads(st) == before
        # change 5 articles: only they are re-extracted, and the store equals a fresh build
        changed = write_corpus(tmp_path / "c.jsonl", 5, variant="（更新）")
        s = pipeline.build([str(changed)], st, process_fn=fake_process)
        assert (s.stored, s.unchanged) == (5, 0)
        fresh_corpus = tmp_path / "fresh"
        fresh_corpus.mkdir()
        write_corpus(fresh_corpus / "a.jsonl", 5, variant="（更新）")
        write_corpus(fresh_corpus / "b.jsonl", 35, start=5)
        with open_store(str(tmp_path / "fresh-store")) as fresh:
            pipeline.build([str(fresh_corpus)], fresh, process_fn=fake_process)
            assert quads(st) == quads(fresh)


def test_force_rebuilds_everything(tmp_path, corpus):
    with open_store(str(tmp_path / "s")) as st:
        pipeline.build([str(corpus)], st, process_fn=fake_process)
        s = pipeline.build([str(corpus)], st, process_fn=fake_process, force=True)
        assert s.stored == 40


def test_remove_drops_graph_metadata_and_orphaned_entities(tmp_path):
    path = tmp_path / "two.jsonl"
    rows = [{"id": "x1", "title": "一", "date": "2020-01-01", "source": "s",
             "text": "腾讯起诉小米。"},
            {"id": "x2", "title": "二", "date": "2020-01-02", "source": "s",
             "text": "腾讯屏蔽百度。"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    with open_store(str(tmp_path / "s")) as st:
        pipeline.build([str(path)], st, process_fn=fake_process)

        def entities():
            res = st.query_json(f"SELECT DISTINCT ?e WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e ?p ?o }} }}")
            return sorted(b["e"]["value"] for b in res["results"]["bindings"])

        assert entities() == sorted(entity_iri(n) for n in ("腾讯", "小米", "百度"))
        removed, missing = pipeline.remove(["x1", "nope"], st)
        assert (removed, missing) == (["x1"], ["nope"])
        assert entities() == sorted(entity_iri(n) for n in ("腾讯", "百度"))   # 腾讯 still in x2
        assert article_iri("x1") not in st.named_graphs()
        assert list(st.article_hashes()) == [article_iri("x2")]
        assert not st.has_article(article_iri("x1"))
        assert pipeline.remove(["x1"], st) == ([], ["x1"])


def test_parallel_build_streams_in_bounded_batches(tmp_path, monkeypatch):
    """A source of many articles is consumed lazily: never more than the in-flight bound (and two
    writes: the one running and the one filling) ahead."""
    from kg.model import Article
    produced, written = [0], [0]
    monkeypatch.setattr(pipeline, "WRITE_MAX", 32)
    bound = pipeline.BATCH_SIZE * (pipeline.IN_FLIGHT_PER_WORKER * 2 + 2) * 4 + 2 * pipeline.WRITE_MAX

    def articles(paths, strict=False):
        for i in range(600):
            produced[0] += 1
            assert produced[0] - written[0] <= bound, "reader ran ahead of the writer"
            yield Article(f"s{i}", "t", "2020-01-01", "s", "腾讯起诉百度。", sha256=str(i))

    monkeypatch.setattr(pipeline, "read_articles", articles)

    def on_article(item, status):
        written[0] += 1

    with open_store(str(tmp_path / "s")) as st:
        s = pipeline.build(["x"], st, process_fn=fake_process, workers=2, on_article=on_article)
    assert s.stored == 600 and written[0] == 600


def test_nothing_to_build_is_an_error(tmp_path):
    from kg.errors import KGError
    (tmp_path / "empty").mkdir()
    with open_store(str(tmp_path / "s")) as st, pytest.raises(KGError, match="no articles"):
        pipeline.build([str(tmp_path / "empty")], st, process_fn=fake_process)


def test_an_extractor_that_fails_on_every_article_builds_nothing_and_says_so(tmp_path, corpus):
    from kg.errors import KGError

    def broken(article, built_at=None):
        raise ValueError("bad")

    with open_store(str(tmp_path / "s")) as st:
        with pytest.raises(KGError, match="nothing could be built: all 40 input"):
            pipeline.build([str(corpus)], st, process_fn=broken)
        assert st.article_hashes() == {}


def test_new_readers_reread_unchanged_articles(tmp_path, corpus, monkeypatch):
    """An article's kg:builtBy names the code and ontology that read it: after an upgrade (another
    stamp) an incremental build reads the unchanged articles again instead of keeping old facts."""
    from kg import rdf
    with open_store(str(tmp_path / "s")) as st:
        pipeline.build([str(corpus)], st, process_fn=fake_process)
        stamps = st.article_stamps()
        assert {v for _, v in stamps.values()} == {rdf.reader_stamp()}
        assert pipeline.build([str(corpus)], st, process_fn=fake_process).unchanged == 40
        monkeypatch.setattr(rdf, "reader_stamp", lambda: "rivalry-kg 9.9 readers 000000000000")
        monkeypatch.setattr(pipeline, "reader_stamp", rdf.reader_stamp)
        s = pipeline.build([str(corpus)], st, process_fn=fake_process)
        assert (s.stored, s.unchanged) == (40, 0)
        assert {v for _, v in st.article_stamps().values()} == {"rivalry-kg 9.9 readers 000000000000"}
        assert pipeline.build([str(corpus)], st, process_fn=fake_process).unchanged == 40


def test_reader_stamp_follows_the_ontology(tmp_path, monkeypatch):
    import shutil
    from kg import rdf
    from kg.paths import ontology_dir
    shipped = rdf.reader_stamp.__wrapped__()
    copy = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), copy)
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(copy))
    assert rdf.reader_stamp.__wrapped__() == shipped          # same files, same stamp
    for q in sorted((copy / "queries").glob("*.rq"))[:1]:    # a named query changes no stored fact
        q.write_text(q.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert rdf.reader_stamp.__wrapped__() == shipped
    with open(copy / "calibration.tsv", "a", encoding="utf-8") as f:
        f.write("# one more line\n")
    assert rdf.reader_stamp.__wrapped__() != shipped
