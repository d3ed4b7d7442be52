"""The offline HTML viewer: one self-contained file, vis-network inlined, data as escaped JSON.

We use pyvis's own copy of vis-network (pyvis 0.3.2 ships vis-network 9.1.2) but not its
template: that template links Bootstrap and other CDNs, and its tooltips are HTML strings.  Here
everything the page needs is inline, the data travels as JSON inside a
`<script type="application/json">` element (with `<`, `>`, `&` and U+2028/9 escaped so no
article text can close the element), and the page builds every label, tooltip and detail panel
with DOM nodes and `textContent`: names and evidence sentences are never parsed as HTML.

Large graphs get a layout computed here (networkx for small ones, a numpy force layout with a
grid-approximated repulsion for big ones) and start with physics off; small ones settle with
a short physics run from that layout and then freeze (the page has a physics switch).
"""
from __future__ import annotations

import html
import json
import math
import time
from collections import defaultdict
from pathlib import Path

import networkx as nx

from kg.model import SYMMETRIC_RELATIONS

# Past either size the page starts without physics, edge labels or curved single edges.
LARGE_NODES = 800
LARGE_EDGES = 2500

ENTITY_STYLE = {
    "Company": {"color": "#2f6fb3", "shape": "dot", "symbol": "●", "zh": "公司"},
    "Product": {"color": "#16a3b8", "shape": "diamond", "symbol": "◆", "zh": "产品"},
    "Person": {"color": "#f08c00", "shape": "triangle", "symbol": "▲", "zh": "人物"},
    "Court": {"color": "#7b4a2d", "shape": "square", "symbol": "■", "zh": "法院"},
    "Regulator": {"color": "#7048b8", "shape": "hexagon", "symbol": "⬢", "zh": "监管机构"},
    "Organization": {"color": "#868e96", "shape": "triangleDown", "symbol": "▼", "zh": "组织"},
    "Lawsuit": {"color": "#d6336c", "shape": "star", "symbol": "★", "zh": "诉讼"},
}
RELATION_STYLE = {
    "sues": {"color": "#e03131", "zh": "起诉"},
    "accuses": {"color": "#f76707", "zh": "指责"},
    "blocks": {"color": "#c2255c", "zh": "封禁"},
    "competes": {"color": "#9c36b5", "zh": "竞争"},
    "fines": {"color": "#a61e4d", "zh": "罚款"},
    "rules": {"color": "#5c3b1e", "zh": "判决"},
    "cooperates": {"color": "#2b8a3e", "zh": "合作"},
    "acquires": {"color": "#1864ab", "zh": "收购"},
    "invests": {"color": "#0b7285", "zh": "投资"},
    "launches": {"color": "#5c940d", "zh": "推出"},
    "discontinues": {"color": "#868e96", "zh": "停止"},
    "owns": {"color": "#74c0fc", "zh": "拥有"},
    "leads": {"color": "#e8590c", "zh": "领导"},
    "plaintiff": {"color": "#ff8787", "zh": "原告", "role": True},
    "defendant": {"color": "#c92a2a", "zh": "被告", "role": True},
    "court": {"color": "#a47148", "zh": "受理法院", "role": True},
}
_FALLBACK_REL = {"color": "#495057", "zh": ""}


def _vis_js() -> str:
    """vis-network's standalone build, from the installed pyvis package."""
    import pyvis
    base = Path(pyvis.__file__).resolve().parent
    for rel in ("lib/vis-9.1.2/vis-network.min.js", "templates/lib/vis-9.1.2/vis-network.min.js",
                "lib/vis-9.0.4/vis-network.min.js"):
        p = base / rel
        if p.is_file():
            return p.read_text(encoding="utf-8")
    raise FileNotFoundError("vis-network.min.js not found in the pyvis package")


def _inline_script(js: str) -> str:
    # A script element ends at the first "</script"; a library never needs that sequence raw.
    return js.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def json_for_html(data) -> str:
    """JSON safe to place inside a <script> element: nothing in it can end the element."""
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# ------------------------------------------------------------------------------- layout

def _mesh_layout(g: nx.Graph, seed: int = 42, iterations: int = 120) -> dict:
    """Fruchterman-Reingold with repulsion from a smoothed density grid (O(n + E) a step).

    networkx's spring_layout is O(n^2) per iteration (20 s for 5,000 nodes here); this gives a
    readable picture of a 5,000-node graph in a second or two.
    """
    import numpy as np
    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    idx = {v: i for i, v in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1, 1, size=(n, 2))
    e = np.array([(idx[u], idx[v]) for u, v in g.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    grid = int(min(96, max(16, math.sqrt(n) * 1.2)))
    size = 2 * grid                                  # zero padding: no wrap-around forces
    k = 1.0 / math.sqrt(n)
    temp = 0.1
    ax = np.fft.fftfreq(size)
    kx, ky = np.meshgrid(ax, ax, indexing="ij")
    k2 = kx ** 2 + ky ** 2
    k2[0, 0] = 1.0
    kernel = np.exp(-k2 * 8.0) / k2                   # smoothed 2-D Coulomb-like potential
    kernel[0, 0] = 0.0
    for it in range(iterations):
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        span = np.maximum(hi - lo, 1e-9) * 1.0001
        cell = ((pos - lo) / span * grid).astype(np.int64).clip(0, grid - 1)
        dens = np.zeros((size, size))
        np.add.at(dens, (cell[:, 0], cell[:, 1]), 1.0)
        phi = np.real(np.fft.ifft2(np.fft.fft2(dens) * kernel))[:grid, :grid]
        gx, gy = np.gradient(phi)
        rep = -np.stack([gx[cell[:, 0], cell[:, 1]] * grid / span[0],
                         gy[cell[:, 0], cell[:, 1]] * grid / span[1]], 1)
        # scale repulsion so that, on average, it balances attraction at edge length ~k
        d = pos[e[:, 0]] - pos[e[:, 1]] if len(e) else np.zeros((0, 2))
        dist = np.sqrt((d ** 2).sum(1)).clip(1e-6)[:, None] if len(e) else np.zeros((0, 1))
        att = d * dist / k
        disp = rep / (np.abs(rep).mean() + 1e-12) * (np.abs(att).mean() if len(e) else 1.0) * 1.5
        if len(e):
            np.add.at(disp, e[:, 0], -att)
            np.add.at(disp, e[:, 1], att)
        disp -= pos * 0.05 * (np.abs(disp).mean() / (np.abs(pos).mean() + 1e-12))
        length = np.sqrt((disp ** 2).sum(1)).clip(1e-9)[:, None]
        pos += disp / length * np.minimum(length, temp)
        temp = max(0.003, temp * 0.96)
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in idx.items()}


def layout(g: nx.MultiDiGraph, seed: int = 42) -> dict:
    """Positions in screen pixels, deterministic for a given graph."""
    und = nx.Graph()
    und.add_nodes_from(g)
    und.add_edges_from((u, v) for u, v in g.edges() if u != v)
    if und.number_of_nodes() == 0:
        return {}
    # Entities without facts are hidden at first: lay out the connected part, park the rest
    # in a grid underneath so they do not stretch the picture.
    core = und.subgraph([v for v in und if und.degree(v) > 0])
    iso = sorted((v for v in und if und.degree(v) == 0), key=str)
    n = core.number_of_nodes()
    out: dict = {}
    if n:
        if n <= LARGE_NODES:
            pos = nx.spring_layout(core, seed=seed, k=2.2 / math.sqrt(max(n, 1)), iterations=100)
        else:
            pos = _mesh_layout(core, seed=seed)
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        scale = max(600.0, 130.0 * math.sqrt(n)) / span
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        out = {v: (round((p[0] - cx) * scale, 1), round((p[1] - cy) * scale, 1))
               for v, p in pos.items()}
    bottom = max((p[1] for p in out.values()), default=0.0) + 150.0
    width = max((abs(p[0]) for p in out.values()), default=400.0) * 2 or 800.0
    per_row = max(1, int(width // 110))
    for i, v in enumerate(iso):
        r, c = divmod(i, per_row)
        out[v] = (round(-width / 2 + c * 110.0, 1), round(bottom + r * 70.0, 1))
    return out


# --------------------------------------------------------------------------- page data

def _ev(items: list[dict]) -> list[dict]:
    out = []
    for d in items or []:
        out.append({"text": d.get("text") or "", "title": d.get("title") or "",
                    "source": d.get("source") or "", "reported": d.get("reported") or "",
                    "confidence": d.get("confidence"), "article": d.get("article") or ""})
    return out


def view_data(g: nx.MultiDiGraph, title: str = "rivalry-kg", filters: dict | None = None) -> dict:
    """What the page renders: nodes, edges, styles and flags, all plain JSON values."""
    large = g.number_of_nodes() > LARGE_NODES or g.number_of_edges() > LARGE_EDGES
    pos = layout(g)
    ids = {n: f"n{i}" for i, n in enumerate(sorted(g, key=str))}
    nodes = []
    for n in sorted(g, key=str):
        d = g.nodes[n]
        x, y = pos.get(n, (0.0, 0.0))
        item = {"id": ids[n], "iri": n, "label": d.get("label") or n, "type": d.get("type"),
                "kind": d.get("kind", "entity"), "degree": g.degree(n), "x": x, "y": y}
        if d.get("aliases"):
            item["aliases"] = list(d["aliases"])
        if d.get("qid"):
            item["qid"] = d["qid"]
        if item["kind"] == "lawsuit":
            for k in ("date", "earliest", "plaintiffs", "defendants", "court", "cause",
                      "claimed", "currency", "awarded", "outcome", "case_number",
                      "ruling_date", "count", "confidence"):
                if d.get(k) not in (None, [], ""):
                    item[k] = d[k]
            item["evidence"] = _ev(d.get("evidence"))
        nodes.append(item)
    # Parallel facts between one pair: the first straight, the others curved alternately.
    pairs: dict[tuple, int] = defaultdict(int)
    edges = []
    for i, (u, v, k, d) in enumerate(sorted(g.edges(keys=True, data=True),
                                            key=lambda e: (str(e[0]), str(e[1]),
                                                           e[3].get("earliest") or "~", e[2]))):
        a, b = ids[u], ids[v]
        pair = (a, b) if a <= b else (b, a)
        rank = pairs[pair]
        pairs[pair] += 1
        t = d.get("type")
        lang = "zh"
        if d.get("evidence"):
            lang = d["evidence"][0].get("lang") or "zh"
        item = {"id": f"e{i}", "from": a, "to": b, "type": t, "date": d.get("date"),
                "earliest": d.get("earliest"), "confidence": d.get("confidence"),
                "directed": bool(d.get("directed", t not in SYMMETRIC_RELATIONS)),
                "rank": rank, "flip": (a, b) != pair, "lang": lang}
        if d.get("lawsuit"):
            item["lawsuit"] = ids[d["lawsuit"]]
        else:
            item["evidence"] = _ev(d.get("evidence"))
        edges.append(item)
    dates = sorted({e["earliest"] for e in edges if e.get("earliest")} |
                   {n["earliest"] for n in nodes if n.get("earliest")})
    return {"title": title, "large": large, "nodes": nodes, "edges": edges, "dates": dates,
            "style": {"entity": ENTITY_STYLE, "relation": RELATION_STYLE,
                      "fallback": _FALLBACK_REL},
            "filters": {k: v for k, v in (filters or {}).items() if v not in (None, "", [])},
            "generated": time.strftime("%Y-%m-%d %H:%M")}


def render_html(g: nx.MultiDiGraph, title: str = "rivalry-kg", filters: dict | None = None) -> str:
    data = view_data(g, title, filters)
    page = _TEMPLATE
    page = page.replace("%%TITLE%%", html.escape(title))
    page = page.replace("%%CSS%%", _CSS)
    page = page.replace("%%DATA%%", json_for_html(data))
    page = page.replace("%%VIS%%", _inline_script(_vis_js()))
    page = page.replace("%%APP%%", _inline_script(_APP_JS))
    return page


def write_html(store, output: str, focus: str | None = None, hops: int = 1,
               since: str | None = None, until: str | None = None, relations=None, types=None,
               min_confidence: float | None = None, title: str | None = None) -> str:
    """Write the viewer for the store (optionally filtered) to `output`; returns a summary."""
    from kg.analytics import graph_from_store
    g = graph_from_store(store, focus=focus, hops=hops, since=since, until=until,
                         relations=relations, types=types, min_confidence=min_confidence)
    filters = {"focus": focus, "hops": hops if focus else None, "since": since, "until": until,
               "relations": ",".join(sorted(relations)) if relations else None,
               "types": ",".join(sorted(types)) if types else None,
               "min_confidence": min_confidence}
    if title is None:
        title = f"rivalry-kg · {focus}" if focus else "rivalry-kg"
    page = render_html(g, title, filters)
    from kg.files import write_output
    write_output(output, page)            # whole or not at all; never through a symlink
    lawsuits = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "lawsuit")
    return (f"{g.number_of_nodes() - lawsuits} entities, {lawsuits} lawsuits, "
            f"{g.number_of_edges()} edges")


_CSS = r"""
*{box-sizing:border-box}
html,body{margin:0;height:100%;font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;font-size:13px;color:#212529;background:#f8f9fa}
#app{display:grid;grid-template-columns:230px 1fr 320px;grid-template-rows:auto 1fr auto;height:100vh}
header{grid-column:1/4;display:flex;gap:10px;align-items:center;padding:6px 10px;background:#212529;color:#f8f9fa}
header h1{font-size:15px;margin:0 12px 0 0;font-weight:600;white-space:nowrap}
header input[type=search]{width:220px;padding:3px 6px;border-radius:4px;border:1px solid #adb5bd}
header button,footer button{padding:3px 10px;border-radius:4px;border:1px solid #adb5bd;background:#f1f3f5;cursor:pointer}
header label{display:flex;gap:4px;align-items:center;white-space:nowrap}
#status{margin-left:auto;color:#ced4da;font-size:12px;white-space:nowrap}
#side{grid-column:1;grid-row:2/4;overflow:auto;padding:8px 10px;background:#fff;border-right:1px solid #dee2e6}
#side h2,#details h2{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#868e96;margin:10px 0 4px}
.row{display:flex;align-items:center;gap:6px;padding:1px 0;cursor:pointer}
.row .sym{width:16px;text-align:center;font-size:14px}
.row .line{width:22px;height:0;border-top:3px solid}
.row .n{margin-left:auto;color:#868e96;font-size:11px}
.small{color:#868e96;font-size:11px}
#stage{grid-column:2;grid-row:2;position:relative;overflow:hidden;min-height:0;background:#fff}
#net{position:absolute;inset:0}
#details{grid-column:3;grid-row:2/4;overflow:auto;padding:8px 12px;background:#fff;border-left:1px solid #dee2e6}
#details h3{font-size:16px;margin:6px 0;word-break:break-all}
.badge{display:inline-block;padding:1px 6px;border-radius:8px;color:#fff;font-size:11px;margin-right:4px}
.ev{border-left:3px solid #dee2e6;margin:6px 0;padding:2px 8px}
.ev q{display:block;font-size:13px;line-height:1.5}
.ev .src{color:#495057;font-size:11px;margin-top:2px;word-break:break-all}
.fact{padding:3px 0;border-bottom:1px dashed #e9ecef;cursor:pointer}
.fact:hover{background:#f1f3f5}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;margin:4px 0}
dt{color:#868e96}dd{margin:0;word-break:break-all}
footer{grid-column:2;grid-row:3;display:flex;gap:10px;align-items:center;padding:6px 10px;background:#fff;border-top:1px solid #dee2e6}
footer input[type=range]{flex:1}
#asof{min-width:150px;font-variant-numeric:tabular-nums;font-weight:600}
#tip{position:absolute;pointer-events:none;max-width:360px;background:#fff;border:1px solid #adb5bd;border-radius:4px;padding:6px 8px;box-shadow:2px 2px 8px rgba(0,0,0,.15);display:none;z-index:10;font-size:12px;line-height:1.45;white-space:normal}
#tip b{font-size:13px}
#empty{position:absolute;top:40%;width:100%;text-align:center;color:#868e96;font-size:15px;display:none}
"""

_TEMPLATE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<link rel="icon" href="data:,">
<title>%%TITLE%%</title>
<style>%%CSS%%</style>
</head>
<body>
<div id="app">
<header>
  <h1 id="title"></h1>
  <input id="search" type="search" list="names" placeholder="搜索实体 / search entity" autocomplete="off">
  <datalist id="names"></datalist>
  <button id="go" type="button">Focus</button>
  <button id="fit" type="button">Fit</button>
  <label><input id="physics" type="checkbox"> physics</label>
  <label><input id="undated" type="checkbox" checked> undated facts</label>
  <label title="Entities an article mentions without any stored fact"><input id="isolated" type="checkbox"> entities without facts</label>
  <label title="Relation and date on every edge (hover or click an edge for them otherwise)"><input id="edgelabels" type="checkbox"> edge labels</label>
  <span id="status"></span>
</header>
<aside id="side">
  <h2>Entity types · 实体</h2><div id="types"></div>
  <h2>Relations · 关系</h2><div id="rels"></div>
  <h2>Key</h2>
  <div class="small">Node size = number of facts. Arrows point from actor to target; dashed = confidence &lt; 0.6; thicker = several articles. Click a node or edge for the evidence.</div>
  <div class="small" id="filters"></div>
</aside>
<div id="stage"><div id="net"></div><div id="empty">Nothing to show with these filters.</div><div id="tip"></div></div>
<aside id="details"><h2>Details</h2><div id="detail-body" class="small">Hover or click a node or an edge to see dates, evidence sentences and their articles.</div></aside>
<footer>
  <button id="play" type="button" title="Replay the rivalry">▶ replay</button>
  <input id="time" type="range" min="0" max="0" value="0" step="1">
  <span id="asof"></span>
</footer>
</div>
<script type="application/json" id="kg-data">%%DATA%%</script>
<script>%%VIS%%</script>
<script>%%APP%%</script>
</body>
</html>
"""

_APP_JS = r"""
(function () {
"use strict";
var T0 = performance.now();
var DATA = JSON.parse(document.getElementById("kg-data").textContent);
var ES = DATA.style.entity, RS = DATA.style.relation, FB = DATA.style.fallback;
function $(id) { return document.getElementById(id); }
// Build DOM from data with text nodes only: never parse data as HTML.
function el(tag, cls) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  for (var i = 2; i < arguments.length; i++) {
    var c = arguments[i];
    if (c === null || c === undefined || c === false) continue;
    e.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
  return e;
}
function rs(t) { return RS[t] || FB; }
function es(t) { return ES[t] || ES.Organization; }
function relName(t, lang) { var z = rs(t).zh; return lang === "en" || !z ? t : z; }
function isURL(s) { return /^https?:\/\/[^\s]+$/i.test(s || ""); }

var byId = {}, nodeEdges = {};
DATA.nodes.forEach(function (n) { byId[n.id] = n; nodeEdges[n.id] = []; });
DATA.edges.forEach(function (e) { nodeEdges[e.from].push(e); nodeEdges[e.to].push(e); });
function evOf(e) { return e.lawsuit ? (byId[e.lawsuit].evidence || []) : (e.evidence || []); }

document.title = DATA.title;
$("title").textContent = DATA.title;
var large = DATA.large;

// ------------------------------------------------------------------ vis data
function nodeItem(n) {
  var s = es(n.type);
  var item = {id: n.id, label: n.label, x: n.x, y: n.y, shape: s.shape,
    value: n.kind === "lawsuit" ? 2 : n.degree + 1,
    color: {background: s.color, border: "#343a40", highlight: {background: s.color, border: "#000"},
            hover: {background: s.color, border: "#000"}},
    font: {color: "#212529", size: n.kind === "lawsuit" ? 12 : 15, strokeWidth: 3, strokeColor: "#ffffff"}};
  if (n.kind === "lawsuit") item.label = "⚖ " + n.label;
  return item;
}
// Edge labels crowd a dense picture: shown from the start only on small graphs, a toggle otherwise.
var EDGE_LABELS = !large && DATA.edges.length <= 25;
function edgeItem(e) {
  var c = rs(e.type).color, ev = evOf(e);
  var item = {id: e.id, from: e.from, to: e.to, color: {color: c, highlight: c, hover: c, opacity: 0.85},
    width: 1.2 + Math.min(3, Math.max(0, ev.length - 1)) * 0.9,
    dashes: (e.confidence !== null && e.confidence !== undefined && e.confidence < 0.6) || !!rs(e.type).role && e.type === "court",
    arrows: e.directed ? {to: {enabled: true, scaleFactor: 0.55}} : {to: {enabled: false}},
    smooth: false};
  if (!large) {
    item.label = relName(e.type, e.lang) + (e.date ? " " + e.date : "");
    item.font = {size: EDGE_LABELS ? 11 : 0, color: "#495057", strokeWidth: 3, strokeColor: "#ffffff", align: "horizontal"};
  }
  if (e.rank > 0) {
    var side = (e.rank % 2 === 1) ? 1 : -1;
    if (e.flip) side = -side;
    item.smooth = {enabled: true, type: side > 0 ? "curvedCW" : "curvedCCW",
                   roundness: 0.28 * Math.ceil(e.rank / 2)};
  }
  return item;
}
var nodes = new vis.DataSet(DATA.nodes.map(nodeItem));
document.getElementById("edgelabels").checked = EDGE_LABELS;
document.getElementById("edgelabels").disabled = large;
document.getElementById("edgelabels").addEventListener("change", function () {
  EDGE_LABELS = this.checked;
  edges.update(DATA.edges.map(function (e) { return {id: e.id, font: {size: EDGE_LABELS ? 11 : 0}}; }));
});
var edges = new vis.DataSet(DATA.edges.map(edgeItem));

// ------------------------------------------------------------------ filters
var typeOn = {}, relOn = {}, typeCount = {}, relCount = {};
DATA.nodes.forEach(function (n) { typeCount[n.type] = (typeCount[n.type] || 0) + 1; });
DATA.edges.forEach(function (e) { relCount[e.type] = (relCount[e.type] || 0) + 1; });
var dates = DATA.dates, slider = $("time");
slider.max = String(Math.max(0, dates.length - 1));
slider.value = slider.max;
if (!dates.length) slider.disabled = true;
var visibleNodes = new Set(), visibleEdges = new Set();
$("isolated").checked = DATA.edges.length === 0;

function asOf() {
  if (!dates.length) return null;
  var i = parseInt(slider.value, 10);
  return i >= dates.length - 1 ? null : dates[i];
}
function compute() {
  var cut = asOf(), undated = $("undated").checked;
  visibleEdges = new Set(); visibleNodes = new Set();
  var touched = new Set();
  DATA.edges.forEach(function (e) {
    if (relOn[e.type] === false) return;
    var a = byId[e.from], b = byId[e.to];
    if (typeOn[a.type] === false || typeOn[b.type] === false) return;
    if (e.earliest) { if (cut && e.earliest > cut) return; }
    else if (!undated) return;
    visibleEdges.add(e.id); touched.add(e.from); touched.add(e.to);
  });
  DATA.nodes.forEach(function (n) {
    if (typeOn[n.type] === false) return;
    if (nodeEdges[n.id].length ? touched.has(n.id) : cut === null && $("isolated").checked) visibleNodes.add(n.id);
  });
}
// Filtering flips `hidden` on the items whose visibility changed (vis-network then leaves them
// out of drawing, physics and body.nodeIndices/edgeIndices).
var shownNode = {}, shownEdge = {};
function sync() {
  var nu = [], eu = [];
  DATA.nodes.forEach(function (n) { var v = visibleNodes.has(n.id); if (shownNode[n.id] !== v) { shownNode[n.id] = v; nu.push({id: n.id, hidden: !v}); } });
  DATA.edges.forEach(function (e) { var v = visibleEdges.has(e.id); if (shownEdge[e.id] !== v) { shownEdge[e.id] = v; eu.push({id: e.id, hidden: !v}); } });
  if (nu.length) nodes.update(nu);
  if (eu.length) edges.update(eu);
}

function status() {
  var cut = asOf();
  $("asof").textContent = dates.length ? (cut ? "as of " + cut : "all dates (" + dates[0] + " … " + dates[dates.length - 1] + ")") : "no dated facts";
  $("status").textContent = visibleNodes.size + " / " + DATA.nodes.length + " nodes · " + visibleEdges.size + " / " + DATA.edges.length + " edges";
  $("empty").style.display = visibleNodes.size ? "none" : "block";
}
function apply() {
  compute();
  sync();
  status();
}

function row(kind, key, on, count, symbol, zh) {
  var box = el("input"); box.type = "checkbox"; box.checked = on; box.id = kind + "-" + key;
  box.setAttribute("data-" + kind, key);
  var lab = el("label", "row", box, symbol, el("span", null, key + (zh ? " · " + zh : "")), el("span", "n", count));
  box.addEventListener("change", function () { (kind === "type" ? typeOn : relOn)[key] = box.checked; apply(); });
  return lab;
}
Object.keys(ES).concat(Object.keys(typeCount).filter(function (t) { return !ES[t]; })).forEach(function (t) {
  if (!typeCount[t]) return;
  typeOn[t] = true;
  var sym = el("span", "sym", es(t).symbol); sym.style.color = es(t).color;
  $("types").appendChild(row("type", t, true, typeCount[t], sym, es(t).zh));
});
Object.keys(RS).concat(Object.keys(relCount).filter(function (t) { return !RS[t]; })).forEach(function (t) {
  if (!relCount[t]) return;
  relOn[t] = true;
  var line = el("span", "line"); line.style.borderTopColor = rs(t).color;
  if (t === "court") line.style.borderTopStyle = "dashed";
  $("rels").appendChild(row("rel", t, true, relCount[t], line, rs(t).zh));
});
var f = DATA.filters, fk = Object.keys(f);
if (fk.length) $("filters").textContent = "Built with: " + fk.map(function (k) { return k + "=" + f[k]; }).join(", ");

// ------------------------------------------------------------------ details
function evidenceBlock(ev) {
  var box = el("div");
  ev.forEach(function (d) {
    var src = el("div", "src", d.reported ? d.reported + " · " : "", d.title || d.article);
    if (d.source) {
      src.appendChild(document.createTextNode(" · "));
      if (isURL(d.source)) {
        var a = el("a", null, d.source); a.href = d.source; a.target = "_blank"; a.rel = "noopener noreferrer";
        src.appendChild(a);
      } else src.appendChild(document.createTextNode(d.source));
    }
    if (d.confidence !== null && d.confidence !== undefined) src.appendChild(document.createTextNode(" · confidence " + d.confidence));
    box.appendChild(el("div", "ev", el("q", null, d.text), src));
  });
  if (!ev.length) box.appendChild(el("div", "small", "no evidence sentence stored"));
  return box;
}
function badge(text, color) { var b = el("span", "badge", text); b.style.background = color; return b; }
function dl(pairs) {
  var d = el("dl");
  pairs.forEach(function (p) { if (p[1] === undefined || p[1] === null || p[1] === "") return; d.appendChild(el("dt", null, p[0])); d.appendChild(el("dd", null, p[1])); });
  return d;
}
function money(v, cur) { return v === undefined || v === null ? null : Number(v).toLocaleString("en-US") + " " + (cur || ""); }
function edgeTitle(e) { return byId[e.from].label + " → " + relName(e.type, e.lang) + " → " + byId[e.to].label; }
function nodeDetail(n) {
  var box = el("div");
  box.appendChild(el("h3", null, n.kind === "lawsuit" ? "⚖ " + n.label : n.label));
  box.appendChild(badge(n.type + (es(n.type).zh ? " · " + es(n.type).zh : ""), es(n.type).color));
  if (n.kind === "lawsuit") {
    box.appendChild(dl([["plaintiffs", (n.plaintiffs || []).join("、")], ["defendants", (n.defendants || []).join("、")],
      ["court", n.court], ["filed", n.date], ["ruling", n.ruling_date], ["cause", n.cause],
      ["claimed", money(n.claimed, n.currency)], ["awarded", money(n.awarded, "CNY")],
      ["outcome", n.outcome], ["case no.", n.case_number], ["confidence", n.confidence]]));
    box.appendChild(el("h2", null, "Evidence"));
    box.appendChild(evidenceBlock(n.evidence || []));
    return box;
  }
  box.appendChild(dl([["aliases", (n.aliases || []).join("、")], ["Wikidata", n.qid], ["facts", nodeEdges[n.id].length]]));
  var facts = nodeEdges[n.id].slice().sort(function (a, b) { return (a.earliest || "9999").localeCompare(b.earliest || "9999"); });
  box.appendChild(el("h2", null, "Facts (" + facts.length + ")"));
  facts.forEach(function (e) {
    var other = byId[e.from === n.id ? e.to : e.from];
    var sw = el("span", "sym", "━"); sw.style.color = rs(e.type).color;
    var line = el("div", "fact", sw, " ", e.date || "undated", " · ", relName(e.type, e.lang), e.from === n.id ? " → " : " ← ", other.label);
    line.addEventListener("click", function () { network.selectEdges([e.id]); showDetail(edgeDetail(e)); });
    box.appendChild(line);
  });
  return box;
}
function edgeDetail(e) {
  var box = el("div");
  box.appendChild(el("h3", null, edgeTitle(e)));
  box.appendChild(badge(e.type + (rs(e.type).zh ? " · " + rs(e.type).zh : ""), rs(e.type).color));
  box.appendChild(dl([["date", e.date || "undated"], ["confidence", e.confidence], ["sources", evOf(e).length]]));
  if (e.lawsuit) box.appendChild(el("div", "small", "Part of lawsuit: " + byId[e.lawsuit].label));
  box.appendChild(el("h2", null, "Evidence"));
  box.appendChild(evidenceBlock(evOf(e)));
  return box;
}
function showDetail(content) { var b = $("detail-body"); b.textContent = ""; b.className = ""; b.appendChild(content); }

// hover tooltip: a DOM element, filled with text nodes
var tip = $("tip");
function tooltip(content, pointer) {
  tip.textContent = ""; tip.appendChild(content);
  tip.style.display = "block";
  var W = $("stage").clientWidth, H = $("stage").clientHeight;
  var x = Math.min(pointer.x + 14, W - tip.offsetWidth - 4), y = Math.min(pointer.y + 14, H - tip.offsetHeight - 4);
  tip.style.left = Math.max(0, x) + "px"; tip.style.top = Math.max(0, y) + "px";
}
function nodeTip(n) {
  var box = el("div", null, el("b", null, n.kind === "lawsuit" ? "⚖ " + n.label : n.label), " ", badge(n.type, es(n.type).color));
  if (n.kind === "lawsuit") {
    box.appendChild(el("div", null, [n.date, n.court, n.cause].filter(Boolean).join(" · ")));
    if ((n.evidence || []).length) box.appendChild(el("div", null, "“", n.evidence[0].text, "”"));
  } else {
    box.appendChild(el("div", "small", nodeEdges[n.id].length + " facts" + ((n.aliases || []).length ? " · aka " + n.aliases.slice(0, 4).join("、") : "")));
  }
  return box;
}
function edgeTip(e) {
  var ev = evOf(e), box = el("div", null, el("b", null, edgeTitle(e)));
  box.appendChild(el("div", "small", (e.date || "undated") + (e.confidence !== null && e.confidence !== undefined ? " · confidence " + e.confidence : "") + " · " + ev.length + " source(s)"));
  ev.slice(0, 2).forEach(function (d) { box.appendChild(el("div", null, "“", d.text, "”")); box.appendChild(el("div", "small", d.title || d.article)); });
  return box;
}

// ------------------------------------------------------------------ network
var options = {
  autoResize: true,
  nodes: {scaling: {min: 8, max: 42, label: {enabled: true, min: 12, max: 40, drawThreshold: 6, maxVisible: 40}}, borderWidth: 1},
  edges: {selectionWidth: 2, hoverWidth: 1.5},
  interaction: {hover: true, tooltipDelay: 150, hideEdgesOnDrag: large, hideEdgesOnZoom: large, navigationButtons: false, keyboard: false},
  physics: large ? {enabled: false} : {enabled: true, solver: "barnesHut",
    barnesHut: {gravitationalConstant: -4000, centralGravity: 0.6, springLength: 130, springConstant: 0.04, avoidOverlap: 0.6},
    stabilization: {enabled: true, iterations: 200, fit: true}},
  layout: {improvedLayout: false, randomSeed: 7}
};
// the views hold the full graph before the network first draws
compute();
sync();
var network = new vis.Network($("net"), {nodes: nodes, edges: edges}, options);
status();
$("physics").checked = !large;
function freeze() { network.setOptions({physics: {enabled: false}}); $("physics").checked = false; network.fit({animation: false}); }
network.once("stabilizationIterationsDone", freeze);
network.once("stabilized", freeze);
$("physics").addEventListener("change", function () { network.setOptions({physics: {enabled: $("physics").checked}}); });
$("undated").addEventListener("change", apply);
$("isolated").addEventListener("change", apply);
slider.addEventListener("input", apply);
$("fit").addEventListener("click", function () { network.fit({animation: false}); });

network.on("hoverNode", function (p) { tooltip(nodeTip(byId[p.node]), p.pointer.DOM); });
network.on("hoverEdge", function (p) { var e = edgeById[p.edge]; if (e) tooltip(edgeTip(e), p.pointer.DOM); });
network.on("blurNode", function () { tip.style.display = "none"; });
network.on("blurEdge", function () { tip.style.display = "none"; });
network.on("dragStart", function () { tip.style.display = "none"; });
network.on("click", function (p) {
  if (p.nodes.length) showDetail(nodeDetail(byId[p.nodes[0]]));
  else if (p.edges.length) showDetail(edgeDetail(edgeById[p.edges[0]]));
});
var edgeById = {};
DATA.edges.forEach(function (e) { edgeById[e.id] = e; });

// search
var names = $("names"), index = [];
DATA.nodes.forEach(function (n) {
  index.push([n.label.toLowerCase(), n.id]);
  (n.aliases || []).forEach(function (a) { index.push([String(a).toLowerCase(), n.id]); });
  if (n.kind !== "lawsuit" && DATA.nodes.length <= 6000) { var o = document.createElement("option"); o.value = n.label; names.appendChild(o); }
});
function find(q) {
  q = q.trim().toLowerCase(); if (!q) return null;
  var i, exact = null, part = null;
  for (i = 0; i < index.length; i++) {
    if (index[i][0] === q) { exact = index[i][1]; break; }
    if (part === null && index[i][0].indexOf(q) >= 0) part = index[i][1];
  }
  return exact || part;
}
function focusNode(id) {
  if (!visibleNodes.has(id)) { $("status").textContent = "“" + byId[id].label + "” is hidden by the filters"; return false; }
  network.selectNodes([id]);
  network.focus(id, {scale: large ? 1.0 : 1.3, animation: {duration: 400}});
  showDetail(nodeDetail(byId[id]));
  return true;
}
function doSearch() {
  var id = find($("search").value);
  if (id === null) { $("status").textContent = "no entity matches “" + $("search").value + "”"; return; }
  focusNode(id);
}
$("go").addEventListener("click", doSearch);
$("search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") doSearch(); });

// replay: step the slider from the first date to the last
var timer = null;
function stop() { if (timer) { clearInterval(timer); timer = null; } $("play").textContent = "▶ replay"; }
$("play").addEventListener("click", function () {
  if (timer) { stop(); return; }
  if (!dates.length) return;
  slider.value = "0"; apply();
  $("play").textContent = "⏸ pause";
  var step = Math.max(120, Math.min(900, 18000 / dates.length));
  timer = setInterval(function () {
    var i = parseInt(slider.value, 10);
    if (i >= dates.length - 1) { stop(); return; }
    slider.value = String(i + 1); apply();
  }, step);
});

window.kgViz = {network: network, nodes: nodes, edges: edges,
  data: DATA, apply: apply, focus: focusNode, find: find, ready: false, renderMs: null,
  visibleNodeIds: function () { return network.body.nodeIndices.slice(); },
  visibleEdgeIds: function () { return network.body.edgeIndices.slice(); }};
network.once("afterDrawing", function () {
  window.kgViz.ready = true;
  window.kgViz.renderMs = performance.now();
  window.kgViz.appMs = performance.now() - T0;
});
})();
"""
