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
from kg.viz.chart import chart_facts, month_counts
from tests.conftest import HOSTILE_EVIDENCE, HOSTILE_NAME, HOSTILE_NAME2, synthetic_store

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
            // the point of this edge, nearest its middle, farthest from every other edge
            // (vis hovers any edge within a few pixels: another may pass near the midpoint)
            const others = Object.values(n.body.edges).filter(o => o.id !== id && o.options.hidden !== true);
            const far = (c) => Math.min(Infinity, ...others.map(o => Math.min(...[...Array(41).keys()].map(
              k => { const q = n.canvasToDOM(o.edgeType.getPoint(k / 40)); return Math.hypot(q.x - c.x, q.y - c.y); }))));
            let d = null, best = -1;
            for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
              const c = n.canvasToDOM(e.edgeType.getPoint(t)), f = far(c);
              if (f > 12) { d = c; break; }
              if (f > best) { best = f; d = c; } }
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


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory):
    """The hostile store's page and graph, written once for the module (each test opens its own
    page on it, so no test sees another's clicks)."""
    from tests.conftest import viz_write_store
    d = tmp_path_factory.mktemp("hostile")
    st = viz_write_store(d / "store", hostile=True)
    try:
        out = d / "graph.html"
        viz.write_html(st, str(out))
        g = graph_from_store(st)
    finally:
        st.close()
    return out, g


@pytest.fixture
def hostile_page(browser, hostile_file):
    out, g = hostile_file
    pg = Page(browser, out)
    pg.settle()
    yield pg, g
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


# ------------------------------------------------------------------ the rivalry chart

def _chart(pg) -> dict:
    return pg.js("() => { const c = kgViz.chart(); return {counts: c.counts, left: c.left, months: c.months}; }")


def test_chart_counts_the_visible_graph_and_moves_the_slider(hostile_page):
    pg, g = hostile_page
    counts, left = month_counts(chart_facts(g))
    ch = _chart(pg)
    assert ch["counts"] == counts and ch["left"] == left and left > 0
    assert "visible graph" in pg.page.text_content("#chart-title")
    # unticking a relation type takes its facts out of the chart
    pg.page.uncheck("#rel-sues")
    assert not any("sues" in c for c in _chart(pg)["counts"].values())
    pg.page.check("#rel-sues")
    # a click on a bar moves the slider to that month
    month = "2019-03"
    assert month in ch["months"] and ch["counts"][month]
    p = pg.js("m => kgViz.barPoint(m)", month)
    pg.page.mouse.click(p["x"], p["y"])
    asof = pg.page.text_content("#asof")
    assert "as of 2019-03" in asof
    shown = pg.visible_edges()
    assert shown and all(e["earliest"] is None or e["earliest"] <= "2019-03-31" for e in shown)
    assert any(e["earliest"] and e["earliest"].startswith("2019-03") for e in shown)
    pg.clean()


def test_chart_for_two_selected_parties(hostile_page):
    pg, g = hostile_page
    ids = pg.js("""() => ["腾讯", "字节跳动"].map(l => kgViz.data.nodes.find(n => n.label === l))
                   .map(n => [n.id, n.iri])""")
    pg.page.keyboard.down("Control")
    for node_id, _ in ids:
        q = pg.node_point(node_id)
        pg.page.mouse.click(q["x"], q["y"])
    pg.page.keyboard.up("Control")
    assert sorted(pg.js("kgViz.network.getSelectedNodes()")) == sorted(i for i, _ in ids)
    title = pg.page.text_content("#chart-title")
    assert "腾讯" in title and "字节跳动" in title and "↔" in title
    counts, _ = month_counts(chart_facts(g, [iri for _, iri in ids], between=True))
    ch = _chart(pg)
    assert ch["counts"] == counts
    assert ch["counts"]["2021-02"] == {"sues": 1, "lawsuit": 1}
    assert "blocks" not in str(ch["counts"])            # 腾讯 blocks 抖音: not between the two
    pg.page.click("#chart-all")
    assert "visible graph" in pg.page.text_content("#chart-title")
    pg.clean()


def test_overview_says_what_it_left_out(browser, hostile_file, tmp_path):
    g = hostile_file[1]
    out = tmp_path / "overview.html"
    out.write_text(viz.render_html(g, "overview", max_nodes=4, max_edges=8), encoding="utf-8")
    pg = Page(browser, out)
    note = pg.page.text_content("#note")
    assert pg.page.is_visible("#note") and "Overview" in note and "--focus" in note
    assert pg.js("kgViz.visibleNodeIds().length") <= 4
    pg.clean()
    pg.close()


# ------------------------------------------------------------------ a store of 1,000+ nodes

def test_a_store_of_over_1000_nodes_draws(browser, tmp_path):
    st = synthetic_store(tmp_path / "big-store")
    try:
        g = graph_from_store(st)
        out = tmp_path / "big.html"
        info = viz.write_html(st, str(out))
    finally:
        st.close()
    assert g.number_of_nodes() >= 1000 and "1097 entities, 120 lawsuits" in info
    pg = Page(browser, out)
    assert pg.js("kgViz.data.large") is True and pg.page.is_checked("#physics") is False
    assert pg.js("kgViz.visibleNodeIds().length") == g.number_of_nodes()
    assert pg.js("kgViz.visibleEdgeIds().length") == g.number_of_edges()
    assert not pg.page.is_visible("#note")
    # edge width: how many distinct articles report the fact
    widths = pg.js("""() => { const w = {};
        kgViz.data.edges.filter(e => !e.lawsuit).forEach(e => {
          (w[e.sources] = w[e.sources] || new Set()).add(kgViz.network.body.edges[e.id].options.width); });
        return Object.fromEntries(Object.entries(w).map(([k, v]) => [k, [...v]])); }""")
    assert set(widths) == {"1", "2"} and len(widths["1"]) == len(widths["2"]) == 1
    assert widths["2"][0] > widths["1"][0]
    counts, left = month_counts(chart_facts(g))
    assert _chart(pg)["counts"] == counts
    pg.page.locator("#time").evaluate("el => { el.value = '0'; el.dispatchEvent(new Event('input')); }")
    assert 0 < len(pg.visible_edges()) < g.number_of_edges()
    pg.clean()
    pg.close()
