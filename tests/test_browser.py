"""The viewer in a real browser: Debian's chromium driven by Playwright, offline.

Every request that is not a file: URL is aborted and recorded; the page must make none, log no
error, render as many nodes as the store query gives, and react to its controls.  Skipped when
/usr/bin/chromium (or playwright) is missing; CI installs chromium.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kg import viz
from kg.analytics import graph_from_store
from tests.conftest import HOSTILE_EVIDENCE, HOSTILE_NAME, HOSTILE_NAME2, viz_synthetic_graph

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason="no /usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api")
SHOTS = Path(os.environ.get("KG_SCREENSHOTS", "/tmp/kg-screenshots"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


class Page:
    """A page on a file: URL with every other request aborted and recorded."""

    def __init__(self, browser, path: Path, timeout_ms: int = 60000):
        # bypass_csp: the page's own CSP forbids eval, which Playwright's evaluate needs; the
        # checks below (escaping, no requests) then hold without the CSP's help.
        self.ctx = browser.new_context(viewport={"width": 1500, "height": 900}, bypass_csp=True)
        self.page = self.ctx.new_page()
        self.requests, self.errors, self.dialogs = [], [], []

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                self.requests.append(r.request.url)
                r.abort()
        self.page.route("**/*", route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.t0 = time.perf_counter()
        self.page.goto(path.resolve().as_uri(), wait_until="commit")
        self.page.wait_for_function("() => window.kgViz && window.kgViz.ready", timeout=timeout_ms)
        self.ready_s = time.perf_counter() - self.t0

    def js(self, expr, arg=None):
        return self.page.evaluate(expr, arg)

    def settle(self):
        self.page.wait_for_function("() => !document.getElementById('physics').checked",
                                    timeout=30000)
        self.page.wait_for_timeout(200)

    def visible_edges(self):
        return self.js("""() => { const v = new Set(kgViz.visibleEdgeIds());
            return kgViz.data.edges.filter(e => v.has(e.id)); }""")

    def edge_point(self, edge_id, zoom=None):
        """Where to point at an edge; with `zoom`, centred on it first (so that no other edge
        passes within the hover distance of the midpoint)."""
        return self.js("""([id, zoom]) => { const n = kgViz.network, e = n.body.edges[id];
            if (zoom) n.moveTo({position: e.edgeType.getPoint(0.5), scale: zoom, animation: false});
            const p = e.edgeType.getPoint(0.5), d = n.canvasToDOM(p);
            const r = document.getElementById('net').getBoundingClientRect();
            return {x: d.x + r.left, y: d.y + r.top}; }""", [edge_id, zoom])

    def node_point(self, node_id):
        return self.js("""(id) => { const n = kgViz.network, p = n.getPositions([id])[id];
            const d = n.canvasToDOM(p), r = document.getElementById('net').getBoundingClientRect();
            return {x: d.x + r.left, y: d.y + r.top}; }""", node_id)

    def clean(self):
        assert self.requests == []
        assert self.errors == []
        assert self.dialogs == []

    def close(self):
        self.ctx.close()


@pytest.fixture
def hostile_page(browser, viz_hostile_store, tmp_path):
    out = tmp_path / "graph.html"
    viz.write_html(viz_hostile_store, str(out))
    pg = Page(browser, out)
    pg.settle()
    yield pg, graph_from_store(viz_hostile_store)
    pg.close()


def test_renders_every_node_offline(hostile_page):
    pg, g = hostile_page
    assert pg.js("kgViz.visibleNodeIds().length") == g.number_of_nodes()
    assert pg.js("kgViz.visibleEdgeIds().length") == g.number_of_edges()
    status = pg.page.text_content("#status")
    assert f"{g.number_of_nodes()} / {g.number_of_nodes()} nodes" in status
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.page.screenshot(path=str(SHOTS / "viewer-small.png"))
    pg.clean()


def test_time_slider_hides_later_edges_and_replays(hostile_page):
    pg, _ = hostile_page
    first = pg.js("kgViz.data.dates[0]")
    pg.page.locator("#time").evaluate("el => { el.value = '0'; el.dispatchEvent(new Event('input')); }")
    shown = pg.visible_edges()
    assert shown, "the earliest date still shows its own facts"
    assert all(e["earliest"] is None or e["earliest"] <= first for e in shown)
    later = pg.js("d => kgViz.data.edges.filter(e => e.earliest && e.earliest > d).length", first)
    assert later > 0 and len(shown) < pg.js("kgViz.data.edges.length")
    assert first in pg.page.text_content("#asof")
    # undated facts can be hidden as well
    pg.page.uncheck("#undated")
    assert all(e["earliest"] for e in pg.visible_edges())
    pg.page.check("#undated")
    # replay runs from the first date to the end, where everything is back
    pg.page.click("#play")
    pg.page.wait_for_function("() => document.getElementById('play').textContent.includes('replay')",
                              timeout=30000)
    assert len(pg.visible_edges()) == pg.js("kgViz.data.edges.length")
    pg.clean()


def test_unticking_a_relation_type_hides_its_edges(hostile_page):
    pg, _ = hostile_page
    before = pg.visible_edges()
    assert any(e["type"] == "sues" for e in before)
    pg.page.uncheck("#rel-sues")
    after = pg.visible_edges()
    assert not any(e["type"] == "sues" for e in after)
    assert len(after) == len(before) - sum(e["type"] == "sues" for e in before)
    pg.page.uncheck("#type-Lawsuit")
    assert not any(e["type"] in ("plaintiff", "defendant", "court") for e in pg.visible_edges())
    pg.page.check("#rel-sues")
    pg.page.check("#type-Lawsuit")
    assert len(pg.visible_edges()) == len(before)
    pg.clean()


def test_hover_and_click_show_evidence(hostile_page):
    pg, _ = hostile_page
    eid = pg.js("kgViz.data.edges.find(e => e.type === 'sues' && e.date === '2021-02').id")
    p = pg.edge_point(eid)
    pg.page.mouse.move(p["x"] - 3, p["y"] - 3)
    pg.page.mouse.move(p["x"], p["y"])
    pg.page.wait_for_selector("#tip", state="visible", timeout=5000)
    tip = pg.page.text_content("#tip")
    assert "2021年2月，字节跳动起诉腾讯垄断。" in tip and "2021-02" in tip
    pg.page.mouse.click(p["x"], p["y"])
    details = pg.page.text_content("#details")
    assert "2021年2月，字节跳动起诉腾讯垄断。" in details
    assert "字节跳动晒腾讯合作邮件为哪般？" in details and "confidence 0.85" in details
    link = pg.page.locator("#details a")
    assert link.get_attribute("href") == "https://www.huxiu.com/a/1"
    # a lawsuit node: parties, court, evidence
    lid = pg.js("kgViz.data.nodes.find(n => n.kind === 'lawsuit' && n.date === '2019-03').id")
    q = pg.node_point(lid)
    pg.page.mouse.click(q["x"], q["y"])
    details = pg.page.text_content("#details")
    assert "天津滨海法院" in details and "腾讯在天津滨海法院起诉字节跳动。" in details
    pg.clean()


def test_search_focuses_a_node(hostile_page):
    pg, _ = hostile_page
    pg.page.fill("#search", "Tencent")
    pg.page.press("#search", "Enter")
    sel = pg.js("kgViz.network.getSelectedNodes()")
    assert len(sel) == 1 and pg.js("id => kgViz.data.nodes.find(n => n.id === id).label", sel[0]) == "腾讯"
    assert pg.page.text_content("#details h3") == "腾讯"
    pg.clean()


def test_hostile_text_is_text(hostile_page):
    pg, _ = hostile_page
    pg.page.fill("#search", HOSTILE_NAME)
    pg.page.press("#search", "Enter")
    assert pg.page.text_content("#details h3") == HOSTILE_NAME
    pg.page.wait_for_timeout(700)                          # let the focus animation end
    eid = pg.js("t => kgViz.data.edges.find(e => e.evidence && e.evidence.some(v => v.text === t)).id",
                HOSTILE_EVIDENCE)
    p = pg.edge_point(eid, zoom=2.5)
    pg.page.mouse.move(p["x"] - 2, p["y"] - 2)
    pg.page.mouse.move(p["x"], p["y"])
    pg.page.wait_for_selector("#tip", state="visible", timeout=5000)
    assert HOSTILE_EVIDENCE in pg.page.text_content("#tip")
    pg.page.mouse.click(p["x"], p["y"])
    details = pg.page.text_content("#details")
    assert HOSTILE_EVIDENCE in details and "<b>bold</b><script>alert(6)</script>" in details
    assert "javascript:alert(5)" in details
    assert pg.page.locator("#details a").count() == 0        # a javascript: source is no link
    pg.page.fill("#search", "alert(2)")
    pg.page.press("#search", "Enter")
    assert pg.page.text_content("#details h3") == HOSTILE_NAME2
    pg.page.wait_for_timeout(300)
    assert pg.js("document.querySelectorAll('img, #details script, #tip script').length") == 0
    assert pg.js("[...document.querySelectorAll('b')].filter(b => b.textContent === 'bold').length") == 0
    assert pg.js("document.scripts.length") == 3
    pg.clean()


def test_large_graph_opens_without_physics(browser, tmp_path):
    g = viz_synthetic_graph(1500, 5000)
    out = tmp_path / "large.html"
    out.write_text(viz.render_html(g, "large"), encoding="utf-8")
    pg = Page(browser, out)
    assert pg.js("kgViz.data.large") is True
    assert pg.page.is_checked("#physics") is False
    assert pg.js("kgViz.visibleNodeIds().length") == 1500
    pg.page.locator("#time").evaluate("el => { el.value = '0'; el.dispatchEvent(new Event('input')); }")
    assert len(pg.visible_edges()) < 5000
    pg.clean()
    pg.close()


@pytest.mark.skipif(not os.environ.get("KG_VIZ_BENCH"), reason="set KG_VIZ_BENCH=1 to measure")
def test_benchmark_5000_nodes_20000_edges(browser, tmp_path):
    g = viz_synthetic_graph(5000, 20000)
    t = time.perf_counter()
    page = viz.render_html(g, "benchmark")
    build_s = time.perf_counter() - t
    out = tmp_path / "bench.html"
    out.write_text(page, encoding="utf-8")
    pg = Page(browser, out, timeout_ms=180000)
    first_draw_ms = pg.js("kgViz.renderMs")
    t = time.perf_counter()
    pg.page.locator("#time").evaluate("el => { el.value = '0'; el.dispatchEvent(new Event('input')); }")
    pg.js("1")
    slider_s = time.perf_counter() - t
    t = time.perf_counter()
    pg.page.uncheck("#rel-sues")
    pg.js("1")
    toggle_s = time.perf_counter() - t
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.page.locator("#time").evaluate("el => { el.value = el.max; el.dispatchEvent(new Event('input')); }")
    pg.page.screenshot(path=str(SHOTS / "viewer-5000.png"))
    print(f"\n5000 nodes/20000 edges: html {len(page) / 1e6:.1f} MB built in {build_s:.1f} s; "
          f"ready in {pg.ready_s:.1f} s (first draw at {first_draw_ms / 1000:.1f} s after "
          f"navigation); slider to first date {slider_s:.2f} s; untick a relation {toggle_s:.2f} s")
    pg.clean()
    pg.close()
