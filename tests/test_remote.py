"""A real Oxigraph server as the store: build through it, query through it, same answers.

Each test module run starts `oxigraph serve` on a free 127.0.0.1 port and stops it afterwards.
"""
from __future__ import annotations

import shutil
import time

import pytest

from kg import pipeline, query
from kg.errors import StoreError
from kg.remote import RemoteStore, guess_update_url
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
    # started without --union-default-graph: the store must ask for the union per query
    with OxigraphServer(tmp_path_factory.mktemp("oxi") / "db", union=False) as srv:
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
    assert guess_update_url("http://h:3030/ds/query") == "http://h:3030/ds/update"
    assert guess_update_url("http://h:8890/sparql") == "http://h:8890/sparql"          # Virtuoso
    assert guess_update_url("http://h:7200/repositories/kg") == \
        "http://h:7200/repositories/kg/statements"                                     # GraphDB


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


def test_validate_reads_the_same_union(built):
    from kg.validate import store_graph, validate_store
    remote, local, _ = built
    def triples(store):     # kg:builtAt is the build's clock time: the two builds may differ
        return {t for t in store_graph(store) if not str(t[1]).endswith("#builtAt")}
    assert triples(remote) == triples(local)
    assert validate_store(remote) == validate_store(local)


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


class _FakeServer:
    """A tiny SPARQL-ish HTTP server: records requests, answers as told (no real store)."""

    def __init__(self, server_header: str, fail_first: int = 0):
        import http.server
        import threading
        import urllib.parse
        self.requests: list[dict] = []
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def version_string(self):
                return server_header

            def _answer(self, params):
                fake.requests.append(params)
                if fail_first and len(fake.requests) <= fail_first + 1 and "ASK { }" not in \
                        params.get("query", [""])[0]:
                    self.send_response(503)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = b'{"head": {}, "boolean": true}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                self._answer(urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query))

            def do_POST(self):
                n = int(self.headers.get("Content-Length", 0))
                self._answer(urllib.parse.parse_qs(self.rfile.read(n).decode(),
                                                   keep_blank_values=True))

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/ds/query"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.mark.parametrize("header, expected", [
    ("Apache Jena Fuseki (5.1.0)", {"default-graph-uri": ["urn:x-arq:UnionGraph"]}),
    ("Oxigraph/0.5.13", {"union-default-graph": [""]}),
    ("Virtuoso/07.20.3240 (Linux)", {}),
])
def test_union_default_graph_follows_the_server(header, expected):
    fake = _FakeServer(header)
    try:
        st = RemoteStore(fake.url)
        assert st.query_json("ASK { ?s ?p ?o }")["boolean"] is True
        sent = fake.requests[-1]
        assert sent["query"] == ["ASK { ?s ?p ?o }"]
        assert {k: v for k, v in sent.items() if k != "query"} == expected
    finally:
        fake.close()


def test_server_errors_are_retried_with_backoff():
    fake = _FakeServer("Virtuoso", fail_first=2)
    try:
        st = RemoteStore(fake.url, retries=3)
        assert st.query_json("ASK { ?s ?p ?o }")["boolean"] is True
        assert len([r for r in fake.requests if r.get("query") == ["ASK { ?s ?p ?o }"]]) == 3
    finally:
        fake.close()
