"""The offline HTML viewer: one self-contained file, vis-network inlined, data as escaped JSON.

We use pyvis's own copy of vis-network (pyvis 0.3.2 ships vis-network 9.1.2) but not its
template: that template links Bootstrap and other CDNs, and its tooltips are HTML strings.  Here
everything the page needs is inline, the data travels as JSON inside a
`<script type="application/json">` element (with `<`, `>`, `&` and U+2028/9 escaped so no
article text can close the element), and the page builds every label, tooltip and detail panel
with DOM nodes and `textContent`: names and evidence sentences are never parsed as HTML.

The page is package files beside this module: page.html (placeholders %%TITLE%%, %%CSS%%,
%%DATA%%, %%VIS%%, %%APP%%, each filled once), viewer.css and viewer.js.  Positions come from
layout.py (networkx for small graphs, a numpy force layout for big ones); big graphs start
with physics off, small ones settle with a short physics run and then freeze (the page has a
physics switch).  Past 5,000 nodes or 20,000 edges the page shows an overview (overview.py).
chart.py counts facts per month for the rivalry chart and draws it for `kg timeline --plot`.
"""
from __future__ import annotations

import html
import json
import re
import time
from collections import defaultdict
from pathlib import Path

import networkx as nx

from kg.model import SYMMETRIC_RELATIONS
from kg.viz.chart import LAWSUIT_COLOR, fact_month
from kg.viz.layout import layout
from kg.viz.overview import MAX_EDGES, MAX_NODES, OVERVIEW_EDGES, OVERVIEW_NODES, overview, too_big

__all__ = ["view_data", "render_html", "write_html", "json_for_html", "layout", "overview",
           "page_html", "ENTITY_STYLE", "RELATION_STYLE"]

_HERE = Path(__file__).resolve().parent
# Past either size the page starts without physics, edge labels or curved single edges.
LARGE_NODES = 400
LARGE_EDGES = 1200

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
    """vis-network's standalone build, from the installed pyvis package.

    Found without importing pyvis: its import pulls in IPython and took 14 s on a loaded
    machine."""
    import importlib.util
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("vis-network.min.js not found: the pyvis package is not installed")
    base = Path(list(spec.submodule_search_locations)[0]).resolve()
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


# --------------------------------------------------------------------------- page data

class _Articles:
    """Article metadata once per article; evidence items point at it by index."""

    def __init__(self):
        self.index: dict[tuple, int] = {}
        self.rows: list[dict] = []

    def ref(self, d: dict) -> int:
        key = (d.get("article") or "", d.get("title") or "", d.get("source") or "")
        i = self.index.get(key)
        if i is None:
            i = self.index[key] = len(self.rows)
            self.rows.append({"id": key[0], "title": key[1], "source": key[2]})
        return i


def _ev(items: list[dict], arts: _Articles) -> list[dict]:
    return [{"text": d.get("text") or "", "a": arts.ref(d), "reported": d.get("reported") or "",
             "confidence": d.get("confidence")} for d in items or []]


def _sources(items: list[dict]) -> int:
    """How many distinct articles report a fact (its evidence's prov:wasDerivedFrom)."""
    return max(1, len({d.get("article") for d in items or [] if d.get("article")}))


def view_data(g: nx.MultiDiGraph, title: str = "rivalry-kg", filters: dict | None = None,
              max_nodes: int = MAX_NODES, max_edges: int = MAX_EDGES, note: str | None = None,
              total: dict | None = None) -> dict:
    """What the page renders: nodes, edges, articles, styles and flags, all plain JSON values.

    A graph past `max_nodes` or `max_edges` is replaced by its overview (kg/viz/overview.py)
    and `note` says what was left out.  A `note` given means `g` is an overview already (read
    from a store, kg/viz/store_overview.py) and `total` the store's size."""
    if note is not None:
        max_nodes = max_edges = float("inf")
    total = total or {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    if too_big(g, max_nodes, max_edges):
        ov = overview(g, min(max_nodes, OVERVIEW_NODES), min(max_edges, OVERVIEW_EDGES))
        g, note = ov.graph, ov.note
    large = g.number_of_nodes() > LARGE_NODES or g.number_of_edges() > LARGE_EDGES
    pos = layout(g)
    arts = _Articles()
    order = sorted(g, key=str)
    ids = {n: f"n{i}" for i, n in enumerate(order)}
    nodes = []
    for n in order:
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
            item["month"] = fact_month(d.get("date"))
            item["sources"] = _sources(d.get("evidence"))
            item["evidence"] = _ev(d.get("evidence"), arts)
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
                "earliest": d.get("earliest"), "month": fact_month(d.get("date")),
                "confidence": d.get("confidence"),
                "directed": bool(d.get("directed", t not in SYMMETRIC_RELATIONS)),
                "rank": rank, "flip": (a, b) != pair, "lang": lang,
                "sources": _sources(d.get("evidence"))}
        if d.get("lawsuit"):
            item["lawsuit"] = ids[d["lawsuit"]]
        else:
            item["evidence"] = _ev(d.get("evidence"), arts)
        edges.append(item)
    dates = sorted({e["earliest"] for e in edges if e.get("earliest")} |
                   {n["earliest"] for n in nodes if n.get("earliest")})
    return {"title": title, "large": large, "nodes": nodes, "edges": edges, "dates": dates,
            "articles": arts.rows, "note": note, "total": total,
            "style": {"entity": ENTITY_STYLE, "relation": RELATION_STYLE,
                      "fallback": _FALLBACK_REL, "lawsuit": LAWSUIT_COLOR},
            "filters": {k: v for k, v in (filters or {}).items() if v not in (None, "", [])},
            "generated": time.strftime("%Y-%m-%d %H:%M")}


def _asset(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")


def page_html(data: dict) -> str:
    """The whole page as one string: page.html with viewer.css, the data, vis-network and
    viewer.js put in place (each replacement made once, so no data can inject a placeholder)."""
    parts = {"%%TITLE%%": html.escape(data["title"]), "%%CSS%%": _asset("viewer.css"),
             "%%DATA%%": json_for_html(data), "%%VIS%%": _inline_script(_vis_js()),
             "%%APP%%": _inline_script(_asset("viewer.js"))}
    return re.sub(r"%%(TITLE|CSS|DATA|VIS|APP)%%", lambda m: parts[m.group(0)],
                  _asset("page.html"))


def render_html(g: nx.MultiDiGraph, title: str = "rivalry-kg", filters: dict | None = None,
                **limits) -> str:
    """The viewer page for a graph (see `view_data` for `max_nodes` and `max_edges`)."""
    return page_html(view_data(g, title, filters, **limits))


def write_html(store, output: str, focus: str | None = None, hops: int = 1,
               since: str | None = None, until: str | None = None, relations=None, types=None,
               min_confidence: float | None = None, title: str | None = None,
               progress=None) -> str:
    """Write the viewer for the store (optionally filtered) to `output`; returns a summary.

    Without `focus`, a store too big to draw whole (after the filters) is read as its overview
    only (kg/viz/store_overview.py, the filters pushed into its reads; `progress(message)`
    hears how it goes); `focus` reads around the name (`graph_from_store`)."""
    from kg.analytics import graph_from_store
    ov = None
    if focus is None:
        from kg.analytics import Filters, _day
        from kg.viz.store_overview import read_overview
        f = Filters(None, hops, _day(since) if since else None,
                    _day(until, latest=True) if until else None,
                    set(relations) if relations else None, set(types) if types else None,
                    min_confidence)
        ov = read_overview(store, progress=progress, filters=f)
    if ov is None:
        g = graph_from_store(store, focus=focus, hops=hops, since=since, until=until,
                             relations=relations, types=types, min_confidence=min_confidence)
    filters = {"focus": focus, "hops": hops if focus else None, "since": since, "until": until,
               "relations": ",".join(sorted(relations)) if relations else None,
               "types": ",".join(sorted(types)) if types else None,
               "min_confidence": min_confidence}
    if title is None:
        title = f"rivalry-kg · {focus}" if focus else "rivalry-kg"
    data = (view_data(g, title, filters) if ov is None else
            view_data(ov.graph, title, filters, note=ov.note, total=ov.total))
    from kg.files import write_output
    write_output(output, page_html(data))  # whole or not at all; never through a symlink
    lawsuits = sum(1 for n in data["nodes"] if n["kind"] == "lawsuit")
    info = (f"{len(data['nodes']) - lawsuits} entities, {lawsuits} lawsuits, "
            f"{len(data['edges'])} edges")
    if data["note"]:
        size = f"{data['total']['nodes']} nodes"
        if data["total"].get("edges") is not None:
            size += f" and {data['total']['edges']} edges"
        info += (f"; an overview of {size}: narrow it with --focus, --since/--until, "
                 "--relations, --types or --min-confidence")
    return info
