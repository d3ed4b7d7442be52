"""Viewer benchmark: time to write the page and until it is ready in headless Chromium.

    python benchmarks/viz.py                      # synthetic graphs of 1,000 and 5,000 nodes
    python benchmarks/viz.py --sizes 1000:3000,5000:20000,20000:60000
    python benchmarks/viz.py --store DIR          # `kg viz` on a store (e.g. a 1M-quad one)
    python benchmarks/viz.py --store DIR --focus NAME --repeat 3

"page written" = `kg viz`'s work in this process (opening the store, reading, layout, writing the
file): wall and CPU seconds (a big store shows an overview read from counts and the kept part
only, kg/viz/store_overview.py; --focus reads around the name).

""ready" = from navigation to the page's first drawing (window.kgViz.ready), measured like
tests/test_browser.py: Debian's /usr/bin/chromium through Playwright, every non-file request
aborted.  "Chromium CPU" = CPU time all Chromium processes spent meanwhile: on a busy machine
the wall time says little, and on an idle one it is about the ready time.  Speed is measured here, never asserted in the tests.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _descendants_cpu() -> tuple[float, float]:
    """CPU seconds (user + system) used so far by this process's descendants still running (the
    Chromium processes), all of them and the renderers alone: on a loaded machine wall time
    says little, CPU time still does (the renderer's main thread is what the page waits for)."""
    tick = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    cpu: dict[int, float] = {}
    renderer: set[int] = set()
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = open(f"/proc/{d}/stat").read()
            cmd = open(f"/proc/{d}/cmdline", "rb").read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        parent[int(d)] = int(fields[1])
        cpu[int(d)] = (int(fields[11]) + int(fields[12])) / tick
        if b"--type=renderer" in cmd:
            renderer.add(int(d))
    me, total, rend = os.getpid(), 0.0, 0.0
    for pid in cpu:
        p = pid
        while p in parent and p not in (0, 1):
            p = parent[p]
            if p == me:
                total += cpu[pid]
                rend += cpu[pid] if pid in renderer else 0.0
                break
    return total, rend


def page_ready(browser, path: Path, timeout_ms: int = 180000) -> dict:
    ctx = browser.new_context(viewport={"width": 1500, "height": 900}, bypass_csp=True)
    page = ctx.new_page()
    requests, errors = [], []

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()
    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    c0 = _descendants_cpu()
    t0 = time.perf_counter()
    page.goto(path.resolve().as_uri(), wait_until="commit")
    page.wait_for_function("() => window.kgViz && window.kgViz.ready", timeout=timeout_ms,
                           polling=50)
    ready = time.perf_counter() - t0
    c1 = _descendants_cpu()
    cpu, rend = c1[0] - c0[0], c1[1] - c0[1]
    info = page.evaluate("""() => ({nodes: kgViz.visibleNodeIds().length,
        edges: kgViz.visibleEdgeIds().length, app_ms: kgViz.appMs, note: kgViz.data.note})""")
    t = time.perf_counter()
    page.locator("#time").evaluate(
        "el => { el.value = '0'; el.dispatchEvent(new Event('input')); }")
    page.evaluate("1")
    info["slider_s"] = time.perf_counter() - t
    ctx.close()
    info.update(ready_s=ready, cpu_s=cpu, renderer_s=rend, requests=len(requests), errors=errors)
    return info


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000:3000,5000:20000",
                    help="synthetic graphs as NODES:EDGES, comma-separated")
    ap.add_argument("--store", default=None, help="run `kg viz` on this store instead")
    ap.add_argument("--focus", default=None, help="with --store: `kg viz --focus NAME`")
    ap.add_argument("--repeat", type=int, default=1, help="open each page this many times")
    ap.add_argument("--out", default=None, help="where to write the pages (default: a temp dir)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    from kg import viz
    out = Path(args.out or tempfile.mkdtemp(prefix="kg-viz-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"# viewer benchmark ({os.cpu_count()} cores; load average "
          f"{os.getloadavg()[0]:.1f}; {time.strftime('%Y-%m-%d %H:%M')})")
    jobs = []
    if args.store:
        from kg.store import open_store
        path = out / "store.html"
        with open_store(args.store, read_only=True) as st:
            quads = st.count()
            t, c = time.perf_counter(), time.process_time()
            info = viz.write_html(st, str(path), focus=args.focus)
            wall, cpu = time.perf_counter() - t, time.process_time() - c
        focus = f" --focus {args.focus}" if args.focus else ""
        jobs.append((f"kg viz{focus} on {args.store} ({quads:,} quads): {info}", (wall, cpu),
                     path))
    else:
        from tests.conftest import viz_synthetic_graph
        for spec in args.sizes.split(","):
            n, m = (int(x) for x in spec.split(":"))
            g = viz_synthetic_graph(n, m)
            path = out / f"synthetic-{n}-{m}.html"
            t, c = time.perf_counter(), time.process_time()
            path.write_text(viz.render_html(g, f"synthetic {n}"), encoding="utf-8")
            jobs.append((f"synthetic graph, {n:,} nodes, {m:,} edges",
                         (time.perf_counter() - t, time.process_time() - c), path))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for label, (write_s, write_cpu), path in jobs:
            print(f"- {label}\n  page written in {write_s:.1f} s ({write_cpu:.1f} s CPU; "
                  f"{path.stat().st_size / 1e6:.1f} MB)")
            for _ in range(args.repeat):
                r = page_ready(browser, path)
                print(f"  ready in {r['ready_s']:.2f} s (CPU: Chromium {r['cpu_s']:.2f} s, "
                      f"renderer {r['renderer_s']:.2f} s; script "
                      f"{r['app_ms'] / 1000:.2f} s); drawn "
                      f"{r['nodes']:,} nodes, {r['edges']:,} edges; slider to the first date "
                      f"{r['slider_s']:.2f} s; requests {r['requests']}, errors {len(r['errors'])}")
            if r["note"]:
                print(f"  {r['note']}")
        browser.close()


if __name__ == "__main__":
    main()
