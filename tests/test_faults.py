"""Faults: a build killed at random points, and readers while a build runs.

The store must always open, validate, and hold every article wholly or not at all; running the
same build again completes it, and the result equals an uninterrupted build.
"""
from __future__ import annotations

import gc
import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
COMPANIES = ["腾讯", "字节跳动", "阿里巴巴", "京东", "美团", "百度", "小米", "华为"]
N = 160     # articles in the corpus


def kg(*args, **kw):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, **kw)


def spawn_build(src, store):
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(src), "--store", str(store)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    rnd = random.Random(7)
    lines = []
    for i in range(N):
        a, b = rnd.sample(COMPANIES, 2)
        text = (f"{2015 + i % 7}年{1 + i % 12}月{1 + i % 27}日，{a}起诉{b}不正当竞争，索赔{i + 1}00万元。"
                f"此前，{b}曾屏蔽{a}旗下产品的链接。双方的竞争持续多年。") * 3
        lines.append(json.dumps({"id": f"n{i:04d}", "title": f"第{i}篇", "date": "2022-06-01",
                                 "source": "test", "text": text}, ensure_ascii=False))
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def snapshot(store) -> list[str]:
    r = kg("export", "--store", store, "--format", "nquads")
    assert r.returncode == 0, r.stderr
    return sorted(l for l in r.stdout.splitlines() if "builtAt" not in l)


def assert_whole_articles(store) -> int:
    with open_store(str(store), read_only=True) as st:
        stored = st.article_hashes()
        graphs = {g for g in st.named_graphs() if "/article/" in g}
    assert graphs == set(stored), "an article graph without metadata, or metadata without graph"
    return len(stored)


def wait_for_articles(store, n, proc, limit=60.0):
    deadline = time.time() + limit
    while time.time() < deadline and proc.poll() is None:
        try:
            with open_store(str(store), read_only=True) as st:
                if len(st.article_hashes()) >= n:
                    return
        except Exception:
            pass
        time.sleep(0.05)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    """The corpus built without interruption."""
    path = tmp_path_factory.mktemp("reference") / "store"
    r = kg("build", corpus, "--store", path)
    assert r.returncode == 0, r.stderr
    return path


def test_repeated_sigkill_then_rerun_equals_uninterrupted_build(corpus, reference, tmp_path):
    expected = snapshot(reference)
    store = tmp_path / "killed"
    rnd = random.Random(11)
    seen, kills, interrupted = 0, 0, 0
    # The writer commits in growing batches and a quiet machine builds the corpus in well under a
    # second once the first batch is in, so each kill comes right after progress is seen; a build
    # that finished before its kill starts over on a fresh store.
    for _ in range(10):
        if kills >= 3 and interrupted >= 2:
            break
        proc = spawn_build(corpus, store)
        wait_for_articles(store, seen + 1, proc)
        time.sleep(rnd.random() * 0.02)
        running = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += 1
        seen = assert_whole_articles(store)      # after every kill: whole articles only
        if running and seen < N:
            interrupted += 1
        elif seen == N and interrupted < 2:
            shutil.rmtree(store)
            seen = 0
    assert interrupted >= 2                      # kills that stopped a build half-way
    assert kg("validate", "--store", store).returncode == 0     # (SHACL: once, it is the slow check)
    r = kg("build", corpus, "--store", store)
    assert r.returncode == 0, r.stderr
    assert assert_whole_articles(store) == N
    assert snapshot(store) == expected


def test_readers_during_a_build_see_a_consistent_state(corpus, reference, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(reference, store)
    src = tmp_path / "changed.jsonl"
    src.write_text(corpus.read_text(encoding="utf-8").replace("双方", "两家公司"), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(src), "--store", str(store)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    answers = []
    try:
        while proc.poll() is None and len(answers) < 8:
            r = kg("query", "articles", "--store", store, "--format", "csv")
            assert "Traceback" not in r.stderr
            if r.returncode == 0:
                answers.append(len(r.stdout.strip().splitlines()) - 1)
            else:
                assert "busy" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    finally:
        proc.wait(timeout=300)
    assert proc.returncode == 0, proc.stderr.read()
    r = kg("query", "articles", "--store", store, "--format", "csv")     # and after it
    assert r.returncode == 0, r.stderr
    answers.append(len(r.stdout.strip().splitlines()) - 1)
    assert all(n == N for n in answers)   # replacing articles never hides them
    assert assert_whole_articles(store) == N


# ---------------------------------------------------------------------------------------------
# The commit protocol of the embedded store's bulk writes (kg.store.EmbeddedStore._load_fresh):
# faults injected at its worst moment, after the bulk load and before the commit record.

CRASH_AT_COMMIT = r"""
import os, signal, sys
sys.path.insert(0, sys.argv[2])
from kg.rdf import article_rdf
from kg.model import Entity, Relation
from kg.store import open_store, rdf_parts, PENDING_GRAPH
from tests.helpers import make_extraction

st = open_store(sys.argv[1])
st.replace_articles([rdf_parts(article_rdf(make_extraction(f"ok{i}"))) for i in range(3)])

class KillAtCommit:
    def __init__(self, inner):
        self.inner = inner
    def __getattr__(self, name):
        return getattr(self.inner, name)
    def update(self, sparql):
        if sparql.startswith(f"DROP SILENT GRAPH <{PENDING_GRAPH}> ;\nINSERT DATA"):
            os.kill(os.getpid(), signal.SIGKILL)
        return self.inner.update(sparql)

st._store = KillAtCommit(st._store)
late = make_extraction("late")
late.entities.append(Entity("拼多多", "Company"))
late.relations.append(Relation("competes", "拼多多", "腾讯", "2020", "拼多多与腾讯竞争。", 0, 9, 0.8))
st.replace_articles([rdf_parts(article_rdf(late))])
print("not killed")
"""


def _late_entity():
    from kg.resolve import entity_iri
    return entity_iri("拼多多")


def _raw(path):
    """What the files hold, read with pyoxigraph itself (no recovery, nothing hidden)."""
    import pyoxigraph as ox
    st = ox.Store.read_only(str(path))
    graphs = {g.value for g in st.named_graphs()}
    ents = {q.subject.value for q in st.quads_for_pattern(
        None, None, None, ox.NamedNode("https://rivalry-kg.org/id/graph/entities"))}
    return graphs, ents


@pytest.fixture(scope="module")
def crashed_store(tmp_path_factory):
    """A store whose writer was SIGKILLed after bulk-loading an article and before committing it."""
    from kg.resolve import article_iri
    from kg.store import PENDING_GRAPH
    path = tmp_path_factory.mktemp("crash") / "store"
    r = subprocess.run([sys.executable, "-c", CRASH_AT_COMMIT, str(path), str(ROOT)], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == -signal.SIGKILL, r.stdout + r.stderr
    graphs, ents = _raw(path)          # the files really hold an uncommitted article
    assert article_iri("late") in graphs and PENDING_GRAPH in graphs
    assert _late_entity() in ents
    return path


def _committed_only(path, entity_lines_too=True):
    from kg.resolve import ENTITIES_GRAPH, article_iri
    ok = {article_iri(f"ok{i}") for i in range(3)}
    assert assert_whole_articles(path) == 3
    with open_store(str(path), read_only=True) as st:
        assert set(st.article_hashes()) == ok
        res = st.query_json("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { "
                            "?a <https://rivalry-kg.org/ontology#mentions> ?e } }")
        assert res["results"]["bindings"][0]["n"]["value"] == "3"
        res = st.query_json(f"ASK {{ GRAPH ?g {{ ?s ?p <{_late_entity()}> }} }}")
        assert not res["boolean"]                 # no article, no fact names it
        res = st.query_json(f"ASK {{ GRAPH <{ENTITIES_GRAPH}> {{ <{_late_entity()}> ?p ?o }} }}")
        assert res["boolean"] is not entity_lines_too


@pytest.mark.parametrize("first", ["writer", "reader"])
def test_kill_between_bulk_load_and_commit_leaves_no_half_article(crashed_store, tmp_path, first):
    """Opening the store as a writer removes the uncommitted article (its graph, the entity only
    it named, the pending names); a reader that finds no writer recovers the store the same way
    before it shows anything.  A rerun then completes the store as if nothing happened."""
    from kg.resolve import article_iri
    from kg.store import PENDING_GRAPH
    path = tmp_path / "store"
    shutil.copytree(crashed_store, path)
    if first == "writer":
        with open_store(str(path)) as st:
            assert set(st.article_hashes()) == {article_iri(f"ok{i}") for i in range(3)}
    _committed_only(path)
    graphs, ents = _raw(path)
    assert article_iri("late") not in graphs and PENDING_GRAPH not in graphs
    assert _late_entity() not in ents
    with open_store(str(path)) as st:        # the rerun writes it whole
        from kg.rdf import article_rdf
        from kg.store import rdf_parts
        from tests.helpers import make_extraction
        st.replace_articles([rdf_parts(article_rdf(make_extraction("late")))])
    assert assert_whole_articles(path) == 4


def test_readers_hide_uncommitted_graphs_when_the_store_cannot_be_recovered(crashed_store, tmp_path,
                                                                            monkeypatch):
    """No write possible (a full disk, read-only files): the reader still shows committed
    articles only, and leaves the files alone (the uncommitted article's new entity lines, a
    name and a type but no fact, stay visible until a writer opens the store)."""
    from kg.errors import StoreError
    from kg.resolve import article_iri
    from kg.store import EmbeddedStore
    path = tmp_path / "store"
    shutil.copytree(crashed_store, path)

    def cannot(self):
        raise StoreError(f"{self.location}: write failed: No space left on device")

    monkeypatch.setattr(EmbeddedStore, "recover", cannot)
    _committed_only(path, entity_lines_too=False)
    with open_store(str(path), read_only=True) as st:
        assert article_iri("late") not in st.named_graphs()
    graphs, _ = _raw(path)
    assert article_iri("late") in graphs


def test_disk_full_at_commit_leaves_whole_articles(tmp_path):
    """The disk fills between the bulk load and the commit record: the write fails with one line,
    the article is not stored, and the store holds whole articles only."""
    import errno
    from kg.errors import StoreError
    from kg.rdf import article_rdf
    from kg.resolve import article_iri
    from kg.store import PENDING_GRAPH, rdf_parts
    from tests.helpers import make_extraction

    class FullAfterBulkLoad:
        def __init__(self, inner):
            self.inner, self.full = inner, False

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def bulk_load(self, *a, **kw):
            self.inner.bulk_load(*a, **kw)
            self.full = True

        def update(self, sparql):
            if self.full:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.inner.update(sparql)

    path = tmp_path / "store"
    with open_store(str(path)) as st:
        st.replace_articles([rdf_parts(article_rdf(make_extraction(f"ok{i}"))) for i in range(3)])
        st._store = FullAfterBulkLoad(st._store)
        with pytest.raises(StoreError, match="No space left on device") as e:
            st.replace_articles([rdf_parts(article_rdf(make_extraction("late")))])
        assert "\n" not in str(e.value)
        st._store = st._store.inner
    # the traceback holds the failing frame and with it the writer's handle: drop it, or the store
    # stays open in this process and the readers below wait for a writer that never leaves
    del e
    gc.collect()
    graphs, _ = _raw(path)
    assert article_iri("late") in graphs and PENDING_GRAPH in graphs   # loaded, never committed
    _committed_only(path)
