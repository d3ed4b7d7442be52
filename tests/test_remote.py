"""A real Oxigraph server as the store: build through it, query through it, same answers.

Each test module run starts `oxigraph serve` on a free 127.0.0.1 port and stops it afterwards.
"""
from __future__ import annotations

import shutil
import time

import pytest

from kg import pipeline, query
from kg.errors import StoreError
from kg.remote import RemoteStore, guess_gsp_url, guess_update_url
from kg.store import open_store
from tests.test_pipeline import fake_process, quads, write_corpus

pytestmark = pytest.mark.skipif(shutil.which("oxigraph") is None,
                                reason="the oxigraph server binary is not installed")

PARAMS = {"rivals": {"name": "腾讯"}, "timeline": {"name": "百度"},
          "between": {"since": "2021-01-01", "until": "2021-12-31"},
          "known-as-of": {"asof": "2021-06-01"}}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from kg.serve import OxigraphServer
    with OxigraphServer(tmp_path_factory.mktemp("oxi") / "db") as srv:
        yield srv


@pytest.fixture(scope="module")
def built(server, tmp_path_factory):
    """The same corpus built into the server and into an embedded store."""
    tmp = tmp_path_factory.mktemp("corpus")
    corpus = write_corpus(tmp / "c.jsonl", 60)
    remote = open_store(server.query_url)
    s = pipeline.build([str(corpus)], remote, process_fn=fake_process)
    assert s.stored == 60
    local = open_store(str(tmp / "store"))
    pipeline.build([str(corpus)], local, process_fn=fake_process)
    yield remote, local, corpus
    local.close()


def test_endpoint_conventions():
    assert guess_update_url("http://h:7878/query") == "http://h:7878/update"
    assert guess_update_url("http://h:3030/ds/sparql") == "http://h:3030/ds/update"
    assert guess_gsp_url("http://h:7878/query") == "http://h:7878/store"
    assert guess_gsp_url("http://h:3030/ds/sparql") == "http://h:3030/ds/data"


def test_same_quads_and_graphs(built):
    remote, local, _ = built
    assert quads(remote) == quads(local)
    assert remote.named_graphs() == local.named_graphs()
    assert remote.count() == local.count()
    assert remote.article_hashes() == local.article_hashes()


@pytest.mark.parametrize("name", sorted(query.named_queries()))
def test_named_queries_same_answers(built, name):
    remote, local, _ = built
    a = query.run(remote, name, **PARAMS.get(name, {}))
    b = query.run(local, name, **PARAMS.get(name, {}))
    assert a.vars == b.vars
    assert sorted(map(repr, a.rows)) == sorted(map(repr, b.rows))


def test_default_graph_is_the_union_like_embedded(built):
    remote, local, _ = built
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?r a kg:Relation }"
    assert query.run(remote, q).rows == query.run(local, q).rows != [["0"]]
    assert remote.union == "param" and remote.check_union()


def test_export_same(built):
    remote, local, _ = built
    def lines(store):     # kg:builtAt is the build's clock time: the two builds may differ
        return sorted(l for l in store.export("nquads").splitlines() if b"#builtAt>" not in l)
    assert lines(remote) == lines(local)
    assert b"@prefix" in remote.export("turtle")


def test_incremental_and_remove_through_server(built):
    remote, local, corpus = built
    again = pipeline.build([str(corpus)], remote, process_fn=fake_process)
    assert (again.stored, again.unchanged) == (0, 60)
    assert pipeline.remove(["art3"], remote) == (["art3"], [])
    assert pipeline.remove(["art3"], local) == (["art3"], [])
    assert quads(remote) == quads(local)
    # put it back for the other tests
    pipeline.build([str(corpus)], remote, process_fn=fake_process)
    pipeline.build([str(corpus)], local, process_fn=fake_process)


def test_cli_query_on_url(built, server):
    from click.testing import CliRunner
    from kg.cli import cli
    r = CliRunner().invoke(cli, ["query", "rivals", "--param", "name=腾讯", "--format", "csv",
                                 "--store", server.query_url])
    assert r.exit_code == 0, r.output
    assert "rival" in r.output.splitlines()[0] and len(r.output.splitlines()) > 1


def test_server_down_is_one_line_error_after_retries():
    from kg.serve import free_port
    st = RemoteStore(f"http://127.0.0.1:{free_port()}/query", retries=2, timeout=2)
    t = time.perf_counter()
    with pytest.raises(StoreError, match="cannot reach SPARQL server") as err:
        st.article_hashes()
    assert "\n" not in str(err.value)
    assert time.perf_counter() - t >= 0.2 + 0.4       # backed off between attempts


def test_update_is_atomic_per_article(server):
    """A request that fails half-way (a bad triple late in it) leaves nothing behind."""
    st = open_store(server.query_url)
    n = st.count()
    with pytest.raises(Exception):
        st.replace_article("https://rivalry-kg.org/id/article/broken",
                           "<http://a> <http://b> <http://c> .\n<http://a> <http://b> broken .\n", {})
    assert st.count() == n


def test_kg_serve_publishes_a_read_only_snapshot_beside_a_writer(built, tmp_path):
    from kg.serve import Published
    _, _, corpus = built
    loc = tmp_path / "store"
    with open_store(str(loc)) as w:
        pipeline.build([str(corpus)], w, process_fn=fake_process)
        expected = quads(w)
    with Published(loc) as pub:
        ro = open_store(pub.server.query_url)
        assert quads(ro) == expected
        q = "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }"
        assert query.run(ro, q).rows == [["60"]]
        with pytest.raises(StoreError):                     # read-only: updates refused
            ro.remove_article("https://rivalry-kg.org/id/article/art1")
        with open_store(str(loc)) as w:                      # a writer can still open the store
            assert pipeline.remove(["art1"], w) == (["art1"], [])
        assert query.run(ro, q).rows == [["60"]]             # the snapshot is unchanged
    assert not pub.snapshot.exists()


def test_kg_serve_command_answers_and_cleans_up(built, tmp_path):
    import signal
    import subprocess
    import sys
    import urllib.request
    from kg.serve import free_port
    _, _, corpus = built
    loc = tmp_path / "store"
    with open_store(str(loc)) as w:
        pipeline.build([str(corpus)], w, process_fn=fake_process)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(loc),
                             "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        assert "SPARQL endpoint" in proc.stderr.readline() + proc.stderr.readline()
        st = open_store(f"http://127.0.0.1:{port}/query")
        assert len(st.article_hashes()) == 60
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(10)
        proc.stderr.close()
    assert not list(tmp_path.glob(".kg-serve-*"))
    with pytest.raises(StoreError, match="cannot reach"):
        RemoteStore(f"http://127.0.0.1:{port}/query", retries=0).count()
