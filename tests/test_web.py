"""News from the web: pages, feeds and URL lists fetched from an HTTP server the test starts on
127.0.0.1 (a threaded http.server).  Any other connection fails the test."""
from __future__ import annotations

import http.server
import socket
import threading
import time

import pytest
from click.testing import CliRunner

from kg.ingest import read_articles
from kg.ingest.web import Fetcher, article_id, read_url
from kg.model import Article, Skipped

PAGE_A = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>腾讯起诉字节跳动_科技_某网</title>
<meta property="og:title" content="腾讯起诉字节跳动">
<meta property="og:site_name" content="某网">
<meta name="author" content="张三">
<meta property="article:published_time" content="2021-02-03T09:00:00+08:00">
</head><body>
<header><div class="logo">某网</div><nav><a href="/">首页</a><a href="/tech">科技</a></nav></header>
<div class="share-bar">分享到：微信 微博 QQ空间</div>
<main><article>
<h1>腾讯起诉字节跳动</h1>
<div class="meta">2021-02-03 09:00 来源：某网 作者：张三</div>
<div class="share">分享到： 微信 微博</div>
<figure><img src="a.jpg"><figcaption>图片来源：视觉中国</figcaption></figure>
<p>2021年2月2日，腾讯起诉了字节跳动，要求对方停止不正当竞争行为，并索赔9000万元。这是双方之间的第三起诉讼。</p>
<p>字节跳动随后回应称，腾讯的诉讼毫无依据，将依法应诉。业内人士认为，这场“头腾大战”短期内不会结束。</p>
<p class="photo-credit">摄影：李四/新华社</p>
<p>北京知识产权法院已经受理此案。双方的争议焦点集中在抖音分享链接被屏蔽一事上。</p>
</article>
<section class="related"><h3>相关阅读</h3><ul>
<li><a href="/1">百度收购小米，索赔九千万元</a></li>
<li><a href="/2">微信屏蔽抖音链接始末</a></li></ul></section>
</main>
<aside>热门推荐 <a href="/3">阿里巴巴起诉京东</a></aside>
<footer>版权所有 © 某网</footer></body></html>"""

PAGE_B = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Didi agrees to buy Uber China | Example News</title>
<meta property="og:title" content="Didi agrees to buy Uber China">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2016-08-01T08:00:00Z"}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Didi agrees to buy Uber China</h1>
<p>Share this article: Twitter Facebook LinkedIn</p>
<p>Didi Chuxing agreed on Monday to buy Uber's China business, ending a costly subsidy war between
the two ride-hailing companies. Uber will take a stake in the combined company.</p>
<figure><img src="x.jpg"><figcaption>Photo: Jane Doe/Getty Images</figcaption></figure>
<p>The deal values the combined business at about $35 billion, people familiar with the matter
said. Didi will also invest $1 billion in Uber's global business.</p>
<p>Related: Uber and Didi fought over subsidies for two years</p>
</article><footer>Copyright 2016 Example News</footer></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example feed</title><link>{base}/</link>
<description>news</description>
<item><title>腾讯起诉字节跳动</title><link>{base}/a.html</link>
<pubDate>Wed, 03 Feb 2021 09:00:00 +0800</pubDate></item>
<item><title>Didi agrees to buy Uber China</title><link>{base}/b.html</link>
<pubDate>Mon, 01 Aug 2016 08:00:00 GMT</pubDate></item>
</channel></rss>"""

FEED_WITH_404 = FEED.replace("</channel>", "<item><title>gone</title><link>{base}/gone.html</link>"
                                           "</item></channel>")

ROBOTS = "User-agent: *\nDisallow: /private/\n"


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict = {}
    hits: list = []
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_port}"
        self.hits.append((self.path, self.headers.get("User-Agent")))
        route = self.routes.get(self.path)
        if route is None:
            return self._send(404, "text/html", b"<h1>Not found</h1>")
        kind, value = route
        if kind == "redirect":
            self.send_response(302)
            self.send_header("Location", value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if kind == "slow":
            time.sleep(value)
            return self._send(200, "text/html", PAGE_A.encode())
        if kind == "flaky":
            n = sum(1 for p, _ in self.hits if p == self.path)
            if n <= value:
                return self._send(503, "text/plain", b"busy")
            return self._send(200, "text/html; charset=utf-8", PAGE_A.encode())
        ctype, body = kind, value
        if callable(body):
            body = body()
        if isinstance(body, str):
            body = body.replace("{base}", base).encode("utf-8")
        self._send(200, ctype, body)

    def _send(self, code, ctype, body: bytes):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass                  # a client that gave up (the timeout test) is not a failure


@pytest.fixture
def server():
    routes = {
        "/robots.txt": ("text/plain", ROBOTS),
        "/a.html": ("text/html; charset=utf-8", PAGE_A),
        "/b.html": ("text/html; charset=utf-8", PAGE_B),
        "/feed.xml": ("application/rss+xml", FEED),
        "/feed404.xml": ("application/rss+xml", FEED_WITH_404),
        "/gbk.html": ("text/html; charset=gbk", PAGE_A.replace("utf-8", "gbk").replace("©", "").encode("gbk")),
        "/loop": ("redirect", "/loop"),
        "/moved": ("redirect", "/a.html"),
        "/data.json": ("application/json", '{"a": 1}'),
        "/big.html": ("text/html", "<html><body>" + "<p>腾讯起诉字节跳动。</p>" * 20000 + "</body></html>"),
        "/slow.html": ("slow", 3),
        "/flaky.html": ("flaky", 1),
        "/private/x.html": ("text/html", PAGE_A),
    }
    handler = type("H", (_Handler,), {"routes": routes, "hits": []})
    srv = _Server(("127.0.0.1", 0), handler)
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    srv.base = f"http://127.0.0.1:{srv.server_port}"
    srv.hits = handler.hits
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture(autouse=True)
def no_internet(monkeypatch):
    """Only loopback connections: trafilatura, htmldate and feedparser must fetch nothing."""
    real = socket.socket.connect

    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in ("127.0.0.1", "::1", "localhost") \
                and self.family in (socket.AF_INET, socket.AF_INET6):
            raise AssertionError(f"a test tried to reach {address}")
        return real(self, address)
    monkeypatch.setattr(socket.socket, "connect", connect)


def fetcher(**kw):
    kw.setdefault("timeout", 5)
    kw.setdefault("retries", 1)
    kw.setdefault("backoff", 0.01)
    return Fetcher(**kw)


def test_page_main_text_title_date_source(server):
    [a] = list(read_url(server.base + "/a.html", fetcher()))
    assert isinstance(a, Article)
    assert a.title == "腾讯起诉字节跳动" and a.date == "2021-02-03"
    assert a.source == server.base + "/a.html" and a.path == a.source
    assert a.text.splitlines() == [
        "腾讯起诉字节跳动",
        "2021年2月2日，腾讯起诉了字节跳动，要求对方停止不正当竞争行为，并索赔9000万元。这是双方之间的第三起诉讼。",
        "字节跳动随后回应称，腾讯的诉讼毫无依据，将依法应诉。业内人士认为，这场“头腾大战”短期内不会结束。",
        "北京知识产权法院已经受理此案。双方的争议焦点集中在抖音分享链接被屏蔽一事上。"]
    for junk in ("分享到", "微博", "视觉中国", "摄影", "相关阅读", "百度收购小米", "阿里巴巴", "版权", "首页"):
        assert junk not in a.text
    assert len(a.sha256) == 64 and a.lang == "zh"
    ua = [u for p, u in server.hits if p == "/a.html"]
    assert ua and ua[0].startswith("rivalry-kg/")


def test_english_page_drops_share_credit_and_related(server):
    [b] = list(read_url(server.base + "/b.html", fetcher()))
    assert b.title == "Didi agrees to buy Uber China" and b.date == "2016-08-01" and b.lang == "en"
    assert "Didi Chuxing agreed on Monday" in b.text and "$1 billion" in b.text
    for junk in ("Share this", "Getty", "Related:", "Copyright", "Home"):
        assert junk not in b.text


def test_refetch_is_the_same_article(server):
    f = fetcher()
    [a1] = read_url(server.base + "/a.html", f)
    [a2] = read_url(server.base + "/a.html", f)
    assert a1 == a2 and a1.id == article_id(server.base + "/a.html")


def test_feed_expands_into_its_items(server):
    items = list(read_url(server.base + "/feed.xml", fetcher()))
    assert [type(i) for i in items] == [Article, Article]
    assert [i.title for i in items] == ["腾讯起诉字节跳动", "Didi agrees to buy Uber China"]
    assert [i.date for i in items] == ["2021-02-03", "2016-08-01"]
    assert [i.source for i in items] == [server.base + "/a.html", server.base + "/b.html"]


@pytest.mark.parametrize("path,reason", [
    ("/gone.html", "HTTP 404"),
    ("/loop", "redirect loop"),
    ("/data.json", "not HTML (application/json)"),
    ("/big.html", "too large"),
    ("/private/x.html", "robots.txt"),
])
def test_failures_are_one_skipped_each(server, path, reason):
    items = list(read_url(server.base + path, fetcher(max_bytes=200_000)))
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert items[0].path == server.base + path and reason in items[0].reason
    assert "\n" not in items[0].reason
    if path == "/private/x.html":
        assert not any(p == path for p, _ in server.hits)      # robots.txt was obeyed


def test_timeout_retries_then_gives_up(server):
    t = time.monotonic()
    [s] = read_url(server.base + "/slow.html", fetcher(timeout=0.5, retries=1))
    assert isinstance(s, Skipped) and "timed out" in s.reason
    assert time.monotonic() - t < 3
    assert sum(1 for p, _ in server.hits if p == "/slow.html") == 2     # one retry


def test_server_errors_are_retried(server):
    [a] = read_url(server.base + "/flaky.html", fetcher(retries=2))
    assert isinstance(a, Article)
    assert sum(1 for p, _ in server.hits if p == "/flaky.html") == 2


def test_redirect_keeps_the_requested_url_and_charset_is_honoured(server):
    [a] = read_url(server.base + "/moved", fetcher())
    assert a.source == server.base + "/moved" and a.title == "腾讯起诉字节跳动"
    [g] = read_url(server.base + "/gbk.html", fetcher())
    assert "腾讯起诉了字节跳动" in g.text


def test_url_list_file_and_mixed_inputs(server, tmp_path):
    lst = tmp_path / "urls.txt"
    lst.write_text(f"# today's reading\n{server.base}/a.html\n\n{server.base}/gone.html\n",
                   encoding="utf-8")
    local = tmp_path / "c.md"
    local.write_text("---\ntitle: 本地\ndate: 2020-01-01\n---\n百度起诉了搜狗。\n", encoding="utf-8")
    items = list(read_articles([str(lst), server.base + "/b.html", str(local)]))
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article", "Article"]
    assert items[1].path == server.base + "/gone.html"


def test_cli_build_from_a_feed(server, tmp_path):
    """Done-when: `kg build URL/feed.xml` stores both pages with title, date and URL source; a
    404 is one warning and the rest still builds; a rebuild finds them unchanged."""
    from kg.cli import cli
    import kg
    store = str(tmp_path / "store")
    r = CliRunner().invoke(cli, ["build", server.base + "/feed404.xml", "--store", store,
                                 "--workers", "1"])
    assert r.exit_code == 0, r.output
    warnings = [line for line in r.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: skipped {server.base}/gone.html: HTTP 404 Not Found"]
    assert "stored: 2, unchanged: 0, skipped: 1" in r.stdout
    with kg.open(store, read_only=True) as st:
        rows = sorted(kg.query(st, "articles"), key=lambda r: r["title"])
    assert [(r["title"], str(r["date"]), r["source"]) for r in rows] == [
        ("Didi agrees to buy Uber China", "2016-08-01", server.base + "/b.html"),
        ("腾讯起诉字节跳动", "2021-02-03", server.base + "/a.html")]
    r = CliRunner().invoke(cli, ["build", server.base + "/feed.xml", "--store", store,
                                 "--workers", "1"])
    assert r.exit_code == 0 and "stored: 0, unchanged: 2, skipped: 0" in r.stdout


def test_local_html_reads_like_a_fetched_page(tmp_path):
    from kg.ingest import read_article
    from kg.ingest.html import read_page
    f = tmp_path / "a.html"
    f.write_text(PAGE_A, encoding="utf-8")
    a = read_article(f)
    assert a.title == "腾讯起诉字节跳动" and a.date == "2021-02-03" and a.source == "某网"
    assert "视觉中国" not in a.text and "摄影" not in a.text and "相关阅读" not in a.text
    assert read_page(PAGE_A)[1]["author"] == "张三"
