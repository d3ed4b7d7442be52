"""The HTML viewer without a browser: self-contained, escaped, deterministic, large-graph mode."""
from __future__ import annotations

import json
import re

from click.testing import CliRunner

from kg import viz
from kg.analytics import graph_from_store
from tests.conftest import HOSTILE_EVIDENCE, HOSTILE_NAME, HOSTILE_NAME2, viz_synthetic_graph

_REMOTE = re.compile(r"""(?:src|href|action|data)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def _data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_page_is_self_contained(viz_hostile_store, tmp_path):
    out = tmp_path / "g.html"
    info = viz.write_html(viz_hostile_store, str(out))
    page = out.read_text(encoding="utf-8")
    assert "10 entities, 2 lawsuits, 16 edges" in info
    assert not _REMOTE.search(page)
    assert not re.search(r"<link[^>]+stylesheet", page, re.I)
    assert not re.search(r"<script[^>]+src=", page, re.I)
    assert "vis.Network" in page and "bootstrap" not in page.lower()
    assert page.count("</script>") == 3                  # data, vis-network, app: nothing else


def test_untrusted_text_is_escaped(viz_hostile_store, tmp_path):
    out = tmp_path / "g.html"
    viz.write_html(viz_hostile_store, str(out))
    page = out.read_text(encoding="utf-8")
    for raw in (HOSTILE_NAME, HOSTILE_NAME2, "<script>alert(3)</script>", "<b>bold</b>"):
        assert raw not in page
    data = _data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert {HOSTILE_NAME, HOSTILE_NAME2} <= labels     # the JSON still carries the exact text
    texts = {ev["text"] for e in data["edges"] for ev in e.get("evidence", [])}
    assert HOSTILE_EVIDENCE in texts
    # the page never hands data to an HTML parser
    app = page[page.rindex("<script>"):]
    assert "innerHTML" not in app and "insertAdjacentHTML" not in app and "document.write" not in app


def test_title_is_escaped(viz_store, tmp_path):
    out = tmp_path / "g.html"
    viz.write_html(viz_store, str(out), title="<script>alert(1)</script>")
    page = out.read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page


def test_json_for_html_cannot_close_the_element():
    s = viz.json_for_html({"a": "</script><!-- \u2028 & >"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"a": "</script><!-- \u2028 & >"}


def test_view_data_parallel_edges_and_dates(viz_store):
    g = graph_from_store(viz_store)
    data = viz.view_data(g)
    assert len(data["nodes"]) == g.number_of_nodes() and len(data["edges"]) == g.number_of_edges()
    by_label = {n["label"]: n["id"] for n in data["nodes"]}
    pair = {by_label["腾讯"], by_label["字节跳动"]}
    ranks = sorted(e["rank"] for e in data["edges"] if {e["from"], e["to"]} == pair)
    assert ranks == list(range(len(ranks))) and len(ranks) == 4
    assert data["dates"] == sorted(data["dates"]) and data["dates"][0] == "2015-01-01"
    assert not data["large"]
    sym = [e for e in data["edges"] if e["type"] == "competes"]
    assert sym and not any(e["directed"] for e in sym)
    lawsuit = [n for n in data["nodes"] if n["kind"] == "lawsuit"][0]
    assert lawsuit["evidence"] and lawsuit["type"] == "Lawsuit"
    # deterministic: same store, same page data (but for the generation time)
    again = viz.view_data(graph_from_store(viz_store))
    assert [(n["x"], n["y"]) for n in again["nodes"]] == [(n["x"], n["y"]) for n in data["nodes"]]


def test_large_graph_mode_has_precomputed_layout():
    g = viz_synthetic_graph(1200, 3000)
    data = viz.view_data(g)
    assert data["large"]
    xs = {round(n["x"]) for n in data["nodes"]}
    assert len(xs) > 600                                   # spread out, not piled up
    assert all(abs(n["x"]) < 1e6 and abs(n["y"]) < 1e6 for n in data["nodes"])


def test_cli_viz_filters(viz_store, tmp_path):
    loc = viz_store.location
    viz_store.close()
    from kg.cli import cli
    out = tmp_path / "focus.html"
    r = CliRunner().invoke(cli, ["viz", "--store", loc, "-o", str(out), "--focus", "Didi",
                                 "--hops", "1"])
    assert r.exit_code == 0, r.output
    assert "2 entities, 0 lawsuits, 2 edges" in r.output
    data = _data(out.read_text(encoding="utf-8"))
    assert {n["label"] for n in data["nodes"]} == {"Didi", "Uber"}
    assert data["filters"]["focus"] == "Didi"
    r = CliRunner().invoke(cli, ["viz", "--store", loc, "-o", str(out), "--relations",
                                 "sues,lawsuit", "--since", "2021", "--types",
                                 "Company,Court,Lawsuit", "--min-confidence", "0.5"])
    assert r.exit_code == 0, r.output
    data = _data(out.read_text(encoding="utf-8"))
    assert {e["type"] for e in data["edges"]} == {"sues", "plaintiff", "defendant", "court"}
    assert all(e["earliest"] >= "2021" for e in data["edges"])
