"""Real SPARQL servers as the store: build through them, query through them, same answers.

Each test module run starts `oxigraph serve` on a free 127.0.0.1 port and stops it afterwards;
the Virtuoso tests share one `virtuoso-t` for the test run (tests/conftest.py), holding the
bundled examples and a hand-made article with dates of every precision.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

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
    assert triples(remote) == triples(local)          # the same graph in: the same report out
    assert validate_store(remote)[0]


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

    def __init__(self, server_header: str, fail_first: int = 0,
                 body: bytes = b'{"head": {}, "boolean": true}',
                 content_type: str = "application/sparql-results+json"):
        import http.server
        import threading
        import urllib.parse
        self.requests: list[dict] = []
        self.accepts: list[str] = []
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def version_string(self):
                return server_header

            def _answer(self, params):
                fake.requests.append(params)
                fake.accepts.append(self.headers.get("Accept", ""))
                if fail_first and len(fake.requests) <= fail_first + 1 and "ASK { }" not in \
                        params.get("query", [""])[0]:
                    self.send_response(503)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", content_type)
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


# ------------------------------------------------------------------- answers that are not JSON

SPARQL_XML = (b'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
              b'<head><variable name="n"/></head><results/></sparql>')


@pytest.mark.parametrize("body, ctype, query, named", [
    (SPARQL_XML, "application/sparql-results+xml", "SELECT ?n WHERE { ?n ?p ?o }",
     "application/sparql-results+xml"),
    (b"<html><body>Service Unavailable</body></html>", "text/html", "ASK { ?s ?p ?o }",
     "text/html"),
    (b'{"head": {"vars": ["s", "p", "o"]}, "results": {"bindings": []}}',
     "application/sparql-results+json", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
     "application/sparql-results+json"),
    (b'{"head":{"vars":["n"]},"results":{"bindings":[The SPARQL operation has been cancelled',
     "application/sparql-results+json", "SELECT ?n WHERE { ?n ?p ?o }", "cancelled"),
])
def test_an_answer_that_is_not_what_was_asked_is_one_line(body, ctype, query, named):
    fake = _FakeServer("SomeServer/1.0", body=body, content_type=ctype)
    try:
        with pytest.raises(StoreError) as err:
            RemoteStore(fake.url, retries=0).query_json(query)
        msg = str(err.value)
        assert named in msg and fake.url in msg and "\n" not in msg
        sent = [r for r in fake.requests if r.get("query") == [query]]
        want = "n-triples" if query.startswith("CONSTRUCT") else "sparql-results+json"
        assert sent and want in fake.accepts[-1] and "," not in fake.accepts[-1]
    finally:
        fake.close()


def test_cli_reports_an_xml_answer_in_one_line():
    from click.testing import CliRunner
    from kg.cli import cli
    fake = _FakeServer("SomeServer/1.0", body=SPARQL_XML,
                       content_type="application/sparql-results+xml")
    try:
        r = CliRunner().invoke(cli, ["query", "entities", "--store", fake.url])
        assert r.exit_code == 1 and "Traceback" not in r.output
        lines = r.output.strip().splitlines()
        assert len(lines) == 1 and "application/sparql-results+xml" in lines[0]
    finally:
        fake.close()


def test_virtuoso_style_ask_table_is_a_boolean():
    table = (b'{ "head": { "link": [], "vars": ["__ASK_RETVAL"] }, "results": { "distinct": false,'
             b' "ordered": true, "bindings": [ { "__ASK_RETVAL": { "type": "typed-literal", '
             b'"datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "%s" }} ] } }')
    for value, truth in ((b"1", True), (b"0", False)):
        fake = _FakeServer("Virtuoso/07.20.3229", body=table % value)
        try:
            assert RemoteStore(fake.url).query_json("ASK { ?s ?p ?o }") == \
                {"head": {}, "boolean": truth}
        finally:
            fake.close()


# --------------------------------------------------------------- a server killed mid-build

def _graph_quads(lines: list[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for line in lines:
        g = line.rsplit(" ", 1)[1] if line.endswith(">") else ""
        out.setdefault(g.strip("<>"), set()).add(line)
    return out


def test_server_killed_mid_build_leaves_whole_articles_and_the_rerun_completes(tmp_path):
    """SIGKILL `oxigraph serve` while a build's update requests are in flight; restart it on the
    same data; every article in it is whole (its graph exactly, with its metadata), and building
    again completes the store."""
    import signal
    import threading

    from kg.resolve import ARTICLES_GRAPH, ENTITIES_GRAPH
    from kg.serve import OxigraphServer
    corpus = write_corpus(tmp_path / "c.jsonl", 240)
    with open_store(str(tmp_path / "local")) as local:
        pipeline.build([str(corpus)], local, process_fn=fake_process)
        expected = quads(local)
    db = tmp_path / "db"
    srv = OxigraphServer(db, union=False).start()
    remote = RemoteStore(srv.query_url, retries=1, timeout=5)
    remote.max_update_bytes = 12_000               # a few articles per request: many requests
    sent = []
    send = remote.update

    def update(sparql):
        sent.append(len(sparql))
        if len(sent) == 6:                          # kill while this request is on its way
            threading.Timer(0.001, srv.proc.send_signal, (signal.SIGKILL,)).start()
        return send(sparql)
    remote.update = update
    try:
        with pytest.raises(StoreError, match="cannot reach SPARQL server"):
            pipeline.build([str(corpus)], remote, process_fn=fake_process, batch_size=16)
    finally:
        srv.stop()
    assert 6 <= len(sent) < 60
    with OxigraphServer(db, union=False) as again:
        remote = RemoteStore(again.query_url)
        got = _graph_quads(quads(remote))
        want = _graph_quads(expected)
        articles = [g for g in got if "/article/" in g]
        assert 0 < len(articles) < 240
        meta = {line.split(" ", 1)[0].strip("<>") for line in got.get(ARTICLES_GRAPH, ())}
        for g in articles:
            assert got[g] == want[g]                        # the article's graph, whole
            assert g in meta                                # and its metadata
        assert meta <= set(articles)                        # no metadata without its graph
        named = {line.split(" ", 1)[0] for line in got.get(ENTITIES_GRAPH, ())}
        for g in articles:                                  # every entity it mentions is there
            for line in got[g]:
                if "#mentions>" in line:
                    assert line.split(" ")[2] in named
        summary = pipeline.build([str(corpus)], remote, process_fn=fake_process)
        assert summary.stored == 240 - len(articles) and summary.unchanged == len(articles)
        assert quads(remote) == expected


# ---------------------------------------------------------------------- kg serve options

def test_kg_serve_cors_allows_one_origin_and_timeout_stops_long_queries(built, tmp_path):
    import urllib.error
    import urllib.parse
    import urllib.request

    from kg.serve import Published
    _, _, corpus = built
    loc = tmp_path / "store"
    with open_store(str(loc)) as w:
        pipeline.build([str(corpus)], w, process_fn=fake_process)
    origin = "http://localhost:8080"
    with Published(loc, cors=origin, timeout_s=1) as pub:
        def ask(method="GET", origin_header=origin, query="ASK { ?s ?p ?o }"):
            req = urllib.request.Request(
                pub.query_url + "?" + urllib.parse.urlencode({"query": query}), method=method,
                headers={"Origin": origin_header, "Accept": "application/sparql-results+json",
                         "Access-Control-Request-Method": "POST"})
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.headers, r.read()
        status, headers, _ = ask("OPTIONS")
        assert status == 204 and headers["Access-Control-Allow-Origin"] == origin
        assert "POST" in headers["Access-Control-Allow-Methods"]
        status, headers, body = ask()
        assert headers["Access-Control-Allow-Origin"] == origin and b"true" in body
        _, headers, _ = ask(origin_header="http://elsewhere.example")
        assert "Access-Control-Allow-Origin" not in headers
        # kg's own client works through it, and a query past the timeout is stopped.
        st = RemoteStore(pub.query_url, retries=0)
        assert len(st.article_hashes()) == 60
        t = time.perf_counter()
        with pytest.raises(StoreError, match="cancelled"):
            st.query_json("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        assert time.perf_counter() - t < 20


def test_kg_serve_cors_any_origin(built, tmp_path):
    import urllib.request

    from kg.serve import Published
    _, _, corpus = built
    loc = tmp_path / "store"
    with open_store(str(loc)) as w:
        pipeline.build([str(corpus)], w, process_fn=fake_process)
    with Published(loc, cors="*") as pub:
        req = urllib.request.Request(pub.query_url + "?query=ASK%7B%7D",
                                     headers={"Origin": "http://a.example"})
        with urllib.request.urlopen(req, timeout=30) as r:
            assert r.headers["Access-Control-Allow-Origin"] == "*"


# ------------------------------------------------------------------------------ Virtuoso

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
VPARAMS = {"rivals": {"name": "腾讯"}, "timeline": {"name": "腾讯"},
           "between": {"since": "2031-01-10", "until": "2031-01-20"},
           "known-as-of": {"asof": "2031-06-01"}}


def _precision_articles():
    """Facts dated 2031, 2031-01 and 2031-01-05 between the same parties: one value to Virtuoso
    (its date type), three dates of different precision to kg."""
    import hashlib

    from kg.model import Article, Entity, Extraction, Lawsuit, Relation
    text = "2031年，腾讯起诉字节跳动。2031年1月，腾讯再诉字节跳动。2031年1月5日，腾讯屏蔽抖音。"
    art = Article(id="precision-2031", title="精度", date="2031-01", source="test", text=text,
                  path="precision.md", sha256=hashlib.sha256(text.encode()).hexdigest())
    ents = [Entity("腾讯", "Company", ["Tencent"]), Entity("字节跳动", "Company"),
            Entity("抖音", "Product"), Entity("北京知识产权法院", "Court")]
    rels = [Relation("sues", "腾讯", "字节跳动", "2031", "2031年，腾讯起诉字节跳动。", 0, 12),
            Relation("sues", "腾讯", "字节跳动", "2031-01", "2031年1月，腾讯再诉字节跳动。", 13, 28),
            Relation("blocks", "腾讯", "抖音", "2031-01-05", "2031年1月5日，腾讯屏蔽抖音。", 29, 45)]
    suits = [Lawsuit(["腾讯"], ["字节跳动"], court="北京知识产权法院", date="2031", ruling_date="2031-01",
                     cause="antitrust", claim_cny=1.5e8, evidence="2031年，腾讯起诉字节跳动。",
                     start=0, end=12)]
    return [Extraction(art, ents, rels, suits)]


@pytest.fixture(scope="module")
def vbuilt(virtuoso, tmp_path_factory):
    """examples/ and the precision article, built into Virtuoso and into an embedded store (each
    example extracted once, so both stores get the same quads, kg:builtAt included)."""
    from kg.rdf import article_rdf
    from kg.store import write_articles
    done = {}

    def once(article, built_at=None):
        if article.id not in done:
            done[article.id] = pipeline.process(article, built_at)
        return done[article.id]
    remote = open_store(virtuoso.query_url)
    local = open_store(str(tmp_path_factory.mktemp("vlocal") / "store"))
    for st in (remote, local):
        write_articles(st, [article_rdf(ex, "2031-02-01T00:00:00Z") for ex in _precision_articles()])
        summary = pipeline.build([str(EXAMPLES)], st, process_fn=once)
        assert summary.stored == 3
    remote.extract_once = once
    yield remote, local
    local.close()


def _nq(store) -> list[bytes]:
    return sorted(store.export("nquads").splitlines())


def test_virtuoso_holds_the_same_quads_without_its_system_graphs(vbuilt):
    remote, local = vbuilt
    assert _nq(remote) == _nq(local)
    assert remote.named_graphs() == local.named_graphs()
    assert not [g for g in remote.named_graphs() if "openlinksw" in g or "ldp#" in g]
    assert remote.count() == local.count()
    assert remote.article_hashes() == local.article_hashes()


def _members(cell):
    if isinstance(cell, str) and ("," in cell or "、" in cell) and "://" not in cell:
        return tuple(sorted(cell.replace("、", ",").split(",")))
    return cell


@pytest.mark.parametrize("name", sorted(query.named_queries()))
def test_virtuoso_named_queries_same_answers(vbuilt, name):
    remote, local = vbuilt
    a = query.run(remote, name, **VPARAMS.get(name, {}))
    b = query.run(local, name, **VPARAMS.get(name, {}))
    assert a.vars == b.vars
    # each named query's ORDER BY is total: same order; GROUP_CONCAT's order within a cell is
    # the server's own (SPARQL leaves it open), so a concatenated cell compares as a set
    assert [[_members(c) for c in r] for r in a.rows] == [[_members(c) for c in r] for r in b.rows]
    if name != "known-as-of":
        assert a.rows


def test_virtuoso_dates_keep_their_precision(vbuilt):
    remote, local = vbuilt
    q = ("SELECT (STR(?d) AS ?date) (DATATYPE(?d) AS ?type) WHERE { GRAPH ?g { ?r a kg:Relation ; kg:date ?d } "
         "FILTER (STRSTARTS(STR(?d), '2031')) }")
    rows = sorted(query.run(remote, q).rows)
    assert rows == sorted(query.run(local, q).rows)
    assert [r[0] for r in rows] == ["2031", "2031-01", "2031-01-05"]
    assert [r[1].rsplit("#")[1] for r in rows] == ["gYear", "gYearMonth", "date"]
    between = query.run(remote, "between", since="2031-01-10", until="2031-01-20").rows
    assert sorted(r[0] for r in between) == ["2031", "2031-01"]       # the day is out of range
    suit = query.run(remote, "SELECT ?f ?r WHERE { GRAPH ?g { ?l kg:filingDate ?fd ; "
                             "kg:rulingDate ?rd } BIND(STR(?fd) AS ?f) BIND(STR(?rd) AS ?r) }").rows
    assert suit == [["2031", "2031-01"]]


def test_virtuoso_stats_validate_and_exports(vbuilt, virtuoso):
    from click.testing import CliRunner

    from kg.cli import cli
    from kg.stats import store_stats
    from kg.validate import validate_store
    from kg.validate import store_graph
    remote, local = vbuilt
    assert store_stats(remote) == store_stats(local)
    assert set(store_graph(remote)) == set(store_graph(local))     # what validation reads
    for fmt in ("trig", "jsonld", "turtle"):
        assert remote.export(fmt) == local.export(fmt), fmt
    r = CliRunner().invoke(cli, ["stats", "--store", virtuoso.query_url])
    assert r.exit_code == 0 and "articles: 4" in r.output and "virtrdf" not in r.output
    r = CliRunner().invoke(cli, ["validate", "--store", virtuoso.query_url])
    assert r.exit_code == 0 and "Conforms: True" in r.output
    agents = "SELECT DISTINCT ?x WHERE { ?x a/rdfs:subClassOf* prov:Agent }"
    assert sorted(query.run(remote, agents).rows) == sorted(query.run(local, agents).rows) != []


def test_virtuoso_remove_and_rebuild(vbuilt, virtuoso):
    from click.testing import CliRunner

    from kg.cli import cli
    remote, local = vbuilt
    assert remote.has_article("https://rivalry-kg.org/id/article/uber-didi-2016")
    r = CliRunner().invoke(cli, ["remove", "uber-didi-2016", "--store", virtuoso.query_url])
    assert r.exit_code == 0 and "removed 1 article(s)" in r.output
    assert not remote.has_article("https://rivalry-kg.org/id/article/uber-didi-2016")
    assert pipeline.remove(["uber-didi-2016"], local) == (["uber-didi-2016"], [])
    assert pipeline.remove(["uber-didi-2016"], remote) == ([], ["uber-didi-2016"])
    assert _nq(remote) == _nq(local)
    # Build again: only the removed article is stored.
    again = pipeline.build([str(EXAMPLES)], remote, process_fn=remote.extract_once)
    assert (again.stored, again.unchanged) == (1, 2)
    pipeline.build([str(EXAMPLES)], local, process_fn=remote.extract_once)
    assert _nq(remote) == _nq(local)


@pytest.mark.parametrize("args", [
    ["rivals", "腾讯"], ["timeline", "腾讯"], ["lawsuits"], ["lawsuits", "--format", "json"],
    ["query", "relations", "--format", "csv"], ["stats", "--graph"],
    ["export", "--format", "neo4j"], ["export", "--format", "jsonld"], ["viz"],
], ids=lambda a: "-".join(a[:3]))
def test_every_command_answers_the_same_on_virtuoso(vbuilt, virtuoso, tmp_path, args):
    from click.testing import CliRunner

    from kg.cli import cli
    remote, local = vbuilt
    outs = []
    for i, loc in enumerate((virtuoso.query_url, local.location)):
        extra = []
        if args[0] in ("viz", "export") and args[-1] != "jsonld":
            extra = ["-o", str(tmp_path / f"out{i}")]
        r = CliRunner().invoke(cli, args + extra + ["--store", loc])
        assert r.exit_code == 0, r.output
        out = r.stdout
        if args[-1] == "neo4j":
            out = "".join((tmp_path / f"out{i}" / n).read_text(encoding="utf-8")
                          for n in ("nodes.csv", "relationships.csv", "load.cypher"))
        outs.append(out.replace(str(tmp_path / f"out{i}"), "OUT"))
    assert outs[0] == outs[1]


def test_viz_overview_reads_the_same_on_virtuoso(vbuilt):
    """kg viz's overview read (GROUP BY counts, FILTER IN lists, scoped reads) on Virtuoso
    gives the graph the embedded store gives (small budgets force the overview)."""
    from kg.viz.store_overview import read_overview
    remote, local = vbuilt
    for budget in ((4, 6), (9, 16)):
        a, b = read_overview(remote, *budget), read_overview(local, *budget)
        assert a.note == b.note and a.total == b.total
        assert set(a.graph.nodes) == set(b.graph.nodes) and a.graph.number_of_nodes() > 2
        assert all(a.graph.nodes[n] == b.graph.nodes[n] for n in a.graph)
        assert ({(u, v, k): d for u, v, k, d in a.graph.edges(keys=True, data=True)} ==
                {(u, v, k): d for u, v, k, d in b.graph.edges(keys=True, data=True)})
    # the filters pushed into the reads (OPTIONAL/FILTER in the counts, VALUES in the facts)
    from kg.analytics import Filters
    for f in (Filters(since="2019-01-01", relations={"sues", "competes", "lawsuit"}),
              Filters(until="2021-12-31", types={"Company", "Court", "Lawsuit"},
                      min_confidence=0.3)):
        a, b = read_overview(remote, 4, 6, filters=f), read_overview(local, 4, 6, filters=f)
        assert a is not None and b is not None and a.graph.number_of_nodes() > 0
        assert a.note == b.note and a.total == b.total
        assert set(a.graph.nodes) == set(b.graph.nodes)
        assert all(a.graph.nodes[n] == b.graph.nodes[n] for n in a.graph)
        assert ({(u, v, k): d for u, v, k, d in a.graph.edges(keys=True, data=True)} ==
                {(u, v, k): d for u, v, k, d in b.graph.edges(keys=True, data=True)})
