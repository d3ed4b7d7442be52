"""rivalry-kg benchmarks, one command:  python benchmarks/run.py --articles 1000

Measures, on a synthetic corpus (benchmarks/synth.py; ~2,000-character articles):
  1. build throughput, articles/s and chars/s, with 1 worker and with every core (the ratio);
  2. peak RSS of a build at 1k and 10k articles (`--rss-sizes`), parent and largest worker;
  3. store size on disk;
  4. p50/p95 of every named query on a >= 1M-quad store (`--quads`), Oxigraph against rdflib's
     in-memory Dataset holding the same quads, in the same run (the ratio);
  5. build time into the embedded store against the same build through `oxigraph serve`.
Each build runs in a child process (`_build`), so RSS figures are the build's own.
The big query store is built by the real extractor (`--query-store real`, default), or quickly
from the generator's own facts (`--query-store truth`, `synth.truth_process`).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

PARAMS = {"rivals": {"name": "腾讯"}, "timeline": {"name": "腾讯"},
          "between": {"since": "2018-01-01", "until": "2018-12-31"},
          "known-as-of": {"asof": "2016-01-01"}}


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def mb(n_bytes: float) -> str:
    return f"{n_bytes / 1e6:,.0f} MB"


# ---------------------------------------------------------------------------------------------
# child: one build, reporting JSON

def _child_build(args) -> None:
    import psutil
    from kg import pipeline
    from kg.store import open_store
    peak = [0]
    stop = threading.Event()

    def sample():
        me = psutil.Process()
        while not stop.is_set():
            try:
                procs = [me] + me.children(recursive=True)
                peak[0] = max(peak[0], sum(p.memory_info().rss for p in procs))
            except psutil.Error:
                pass
            stop.wait(0.2)

    threading.Thread(target=sample, daemon=True).start()
    fn = None
    if args.truth:
        from synth import truth_process
        fn = truth_process
    server = None
    location = args.store
    if args.remote:
        from kg.serve import OxigraphServer
        server = OxigraphServer(args.store).start()
        location = server.query_url
    cpu0 = os.times()
    try:
        st = open_store(location)
        s = pipeline.build([args.corpus], st, workers=args.workers, process_fn=fn,
                           dask=args.dask)
        count = st.count()
        st.close()
    finally:
        if server:
            server.stop()
    stop.set()
    cpu1 = os.times()
    out = {"parent_cpu": cpu1.user - cpu0.user + cpu1.system - cpu0.system,
           "workers_cpu": cpu1.children_user - cpu0.children_user
           + cpu1.children_system - cpu0.children_system,"seconds": s.seconds, "read": s.read, "stored": s.stored, "chars": s.chars,
           "workers": s.workers, "engine": s.engine, "quads": count, "unchanged": s.unchanged,
           "parent_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
           "worker_rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
           "tree_rss": peak[0], "store_bytes": du(Path(args.store))}
    print(json.dumps(out))


def run_build(corpus: Path, store: Path, workers: int, truth=False, remote=False, dask=None,
              fresh: bool = True) -> dict:
    """One build in a child process; `fresh=False` builds into the store as it is (a rebuild)."""
    if fresh and store.exists():
        shutil.rmtree(store)
    cmd = [sys.executable, str(Path(__file__).resolve()), "_build", str(corpus), str(store),
           "--workers", str(workers)]
    cmd += ["--truth"] if truth else []
    cmd += ["--remote"] if remote else []
    cmd += ["--dask", dask] if dask else []
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"build failed: {out.stderr.strip().splitlines()[-1:]}")
    res = json.loads(out.stdout.strip().splitlines()[-1])
    res["wall"] = time.perf_counter() - t
    return res


# ---------------------------------------------------------------------------------------------
# child: rdflib queries (alarm-limited: rdflib is pure Python, so SIGALRM can stop a query)

def _child_rdflib(args) -> None:
    import signal
    from rdflib import Dataset
    from kg import query as q
    t = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(args.nquads, format="nquads")
    load = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    class Late(Exception):
        pass

    def alarm(*_):
        raise Late()

    signal.signal(signal.SIGALRM, alarm)
    times = {}
    for name in q.named_queries():
        sparql = q.bind(q.with_prefixes(q.load_query(name)), **PARAMS.get(name, {}))
        runs = []
        for _ in range(args.reps):
            signal.alarm(args.limit)
            t = time.perf_counter()
            try:
                len(list(ds.query(sparql)))
                runs.append(time.perf_counter() - t)
            except Late:
                runs.append(None)
                break
            finally:
                signal.alarm(0)
            if runs[-1] > 2.0:
                break
        times[name] = runs
    print(json.dumps({"load": load, "rss": rss, "quads": len(ds), "times": times}))


def projected(r: dict, cores: int) -> float:
    """Wall time the build's CPU would take on idle cores: the single writer, the workers
    sharing the cores, and everything sharing the cores, whichever binds."""
    w = max(r["workers"], 1) if r["engine"] != "local" else 1
    if r["engine"] == "local":
        return r["parent_cpu"]
    return max(r["parent_cpu"], r["workers_cpu"] / min(w, cores),
               (r["parent_cpu"] + r["workers_cpu"]) / cores)


def cpu_pressure() -> str:
    try:
        line = Path("/proc/pressure/cpu").read_text().splitlines()[0]
        return line.split()[2].split("=")[1] + " %"
    except OSError:
        return "n/a"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def _child_oxq(args) -> None:
    """Time one named query on the embedded store (a child, so a runaway query can be cut)."""
    from kg import query as q
    from kg.store import open_store
    from rewrite import wrap_graph_groups
    sparql = q.bind(q.with_prefixes(q.load_query(args.name)), **PARAMS.get(args.name, {}))
    original = sparql
    if args.rewrite:
        sparql = wrap_graph_groups(sparql)
    runs = []
    with open_store(args.store, read_only=True) as st:
        t = time.perf_counter()
        rows = q.to_rows(st.query_json(sparql)).rows           # warm-up run, and the answer
        first = time.perf_counter() - t
        reps = max(1, min(args.reps, int(args.limit / max(first, 1e-6))))
        for _ in range(reps):
            t = time.perf_counter()
            st.query_json(sparql)
            runs.append(time.perf_counter() - t)
    norm = sorted(repr([",".join(sorted(c.split(","))) if c else c for c in r]) for r in rows)
    print(json.dumps({"runs": runs, "rows": len(rows), "rewritten": sparql != original, "digest": hashlib.sha256("\n".join(norm).encode()).hexdigest()}))


ENTITY_FUNCS = ("rivals", "timeline", "lawsuits", "query rivals", "query timeline",
                "timeline --limit 20", "timeline --limit 20 --offset 100")


def _child_entity(args) -> None:
    """p50/p95 of the one-entity questions over a sample of names (a child process)."""
    from kg import analytics
    from kg import query as q
    from kg.store import open_store
    out = {}
    with open_store(args.store, read_only=True) as st:
        labels = sorted(r[0] for r in q.run(st, "SELECT ?l WHERE { GRAPH "
                        "<https://rivalry-kg.org/id/graph/entities> { ?e rdfs:label ?l } }").rows)
        step = max(1, len(labels) // args.names)
        names = labels[::step][: args.names] + ["腾讯"]
        calls = {"rivals": lambda n: analytics.rivals(st, n).rows,
                 "timeline": lambda n: analytics.timeline(st, n).rows,
                 "lawsuits": lambda n: analytics.lawsuits(st, n).rows,
                 "query rivals": lambda n: q.run(st, "rivals", name=n).rows,
                 "query timeline": lambda n: q.run(st, "timeline", name=n).rows,
                 "timeline --limit 20": lambda n: analytics.timeline(st, n, limit=20).rows,
                 "timeline --limit 20 --offset 100":
                     lambda n: analytics.timeline(st, n, limit=20, offset=100).rows}
        calls = {k: v for k, v in calls.items() if k in args.only.split(",")} if args.only else calls
        for what, fn in calls.items():
            runs, top, rows = [], [], []
            for n in names:
                try:
                    fn(n)                                   # warm-up
                except Exception:                           # a label no fact names: skipped
                    continue
                for _ in range(args.reps):
                    t = time.perf_counter()
                    res = fn(n)
                    (top if n == "腾讯" else runs).append(time.perf_counter() - t)
                rows.append(len(res))
            out[what] = {"runs": runs, "top": top, "rows": rows}
        for what, lim in (("lawsuits (every case)", None), ("lawsuits (every case) --limit 20", 20)):
            if args.only and what not in args.only.split(","):
                continue
            analytics.lawsuits(st, limit=lim)                   # warm-up
            runs = []
            for _ in range(args.reps):
                t = time.perf_counter()
                res = analytics.lawsuits(st, limit=lim).rows
                runs.append(time.perf_counter() - t)
            out[what] = {"runs": runs, "top": [], "rows": [len(res)]}
    out["names"] = len(names)
    print(json.dumps(out))


def _child_refresh(args) -> None:
    """CPU seconds of `kg remove` of one article (the corpus's middle one) and of building it
    back (the generator's facts), each with its cases and summary refreshes (a child process,
    on a copy of the store)."""
    from synth import truth_process

    from kg import pipeline
    from kg.store import open_store
    lines = Path(args.corpus).read_text(encoding="utf-8").splitlines()
    line = lines[len(lines) // 2]
    aid = json.loads(line)["id"]
    one = Path(args.store).parent / "one-article.jsonl"
    one.write_text(line + "\n", encoding="utf-8")
    out = {"article": aid}
    with open_store(args.store) as st:
        for what, fn in (("remove", lambda: pipeline.remove([aid], st)),
                         ("add", lambda: pipeline.build([str(one)], st, workers=1,
                                                        process_fn=truth_process))):
            c0, t = os.times(), time.perf_counter()
            fn()
            c1 = os.times()
            out[what] = {"cpu": c1.user - c0.user + c1.system - c0.system,
                         "wall": time.perf_counter() - t}
    one.unlink()
    print(json.dumps(out))


def refresh_times(store: Path, corpus: Path, work: Path) -> dict:
    copy = work / "s-refresh"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(store, copy)
    try:
        cmd = [sys.executable, str(Path(__file__).resolve()), "_refresh", str(copy), str(corpus)]
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode:
            sys.exit(f"refresh failed: {res.stderr.strip().splitlines()[-1:]}")
        return json.loads(res.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def ensure_summary(store: Path) -> float | None:
    """Write the summary graph (`kg reindex`) on a store built before it; seconds, or None
    when the store had one."""
    from kg.store import open_store
    from kg.summary import has_summary
    with open_store(str(store)) as st:
        if has_summary(st):
            return None
        t = time.perf_counter()
        st.refresh_summary(full=True)
        return time.perf_counter() - t


def entity_times(store: Path, names: int, reps: int, only: str = "") -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "_entity", str(store),
           "--names", str(names), "--reps", str(reps), "--only", only]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode:
        sys.exit(f"entity questions failed: {res.stderr.strip().splitlines()[-1:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def oxigraph_query_times(store: Path, reps: int, limit: int, rewrite: bool = False) -> dict:
    from kg import query as q
    out = {}
    for name in q.named_queries():
        cmd = [sys.executable, str(Path(__file__).resolve()), "_oxq", str(store), name,
               "--reps", str(reps), "--limit", str(limit)] + (["--rewrite"] if rewrite else [])
        try:   # the warm-up run gets `limit` seconds, the timed runs about as much again
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=2 * limit + 5)
            out[name] = json.loads(res.stdout.strip().splitlines()[-1])
        except subprocess.TimeoutExpired:
            out[name] = None
    return out


# ---------------------------------------------------------------------------------------------

def table(headers: list[str], rows: list[list]) -> str:
    cells = [headers] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000, help="corpus for throughput (default 1000)")
    ap.add_argument("--rss-sizes", default="1000,10000", help="corpus sizes for peak RSS")
    ap.add_argument("--quads", type=int, default=1_000_000, help="query store size (quads)")
    ap.add_argument("--reps", type=int, default=20, help="runs per query on Oxigraph")
    ap.add_argument("--query-store", choices=["real", "truth"], default="real",
                    help="build the big store with the extractor (real) or the generator's facts")
    ap.add_argument("--rdflib-reps", type=int, default=5, help="runs per query on rdflib (max)")
    ap.add_argument("--rdflib-limit", type=int, default=30, help="seconds before an rdflib query is cut")
    ap.add_argument("--ox-limit", type=int, default=60, help="seconds before an Oxigraph query is cut")
    ap.add_argument("--skip", default="", help="comma list of: throughput,rss,queries,remote,entity")
    ap.add_argument("--workdir", default=None, help="keep corpora and stores here")
    ap.add_argument("--entity-quads", default="1000000,5000000",
                    help="store sizes for the one-entity questions (generator's facts)")
    ap.add_argument("--entity-names", type=int, default=20, help="names sampled per store")
    ap.add_argument("--entity-reps", type=int, default=5, help="runs per name")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    cores = os.cpu_count() or 1
    work = Path(args.workdir or tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    from synth import write_corpus
    report: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        report.append(text)

    say(f"# rivalry-kg benchmark  ({cores} cores, Python {sys.version.split()[0]}, "
        f"{time.strftime('%Y-%m-%d')}; CPU pressure at start, avg60: {cpu_pressure()})\n")
    corpora: dict[int, Path] = {}

    def corpus(n: int) -> Path:
        if n not in corpora:
            p = work / f"corpus-{n}.jsonl"
            if not p.exists():
                write_corpus(p, n)
            corpora[n] = p
        return corpora[n]

    done_builds: dict[int, dict] = {}
    if "throughput" not in skip:
        n = args.articles
        rows = []
        r1 = run_build(corpus(n), work / "s-w1", 1)
        rn = done_builds[n] = run_build(corpus(n), work / f"s-w{cores}", cores)
        again = run_build(corpus(n), work / f"s-w{cores}", cores, fresh=False)
        for r in (r1, rn):
            proj = projected(r, cores)
            rows.append([r["workers"], r["read"], f"{r['seconds']:.1f} s",
                         f"{r['read'] / r['seconds']:.0f}", f"{r['chars'] / r['seconds']:,.0f}",
                         f"{r['parent_cpu']:.1f} + {r['workers_cpu']:.1f} s",
                         f"{(r['parent_cpu'] + r['workers_cpu']) / r['read'] * 1000:.0f}",
                         f"{r['read'] / proj:.0f}", f"{r['chars'] / proj:,.0f}",
                         r["quads"], mb(r["store_bytes"])])
        say(f"## Build throughput ({n} articles, avg {r1['chars'] / max(r1['read'], 1):,.0f} chars)")
        say(table(["workers", "articles", "wall", "articles/s", "chars/s", "CPU parent + workers",
                   "CPU ms/article", "articles/s on idle cores", "chars/s on idle cores", "quads",
                   "store on disk"], rows))
        say(f"speed-up with {cores} workers: {r1['seconds'] / rn['seconds']:.2f}x wall, "
            f"{projected(r1, cores) / projected(rn, cores):.2f}x on idle cores (projected from "
            f"CPU time: max(writer, workers / cores, total / cores))")
        say(f"unchanged rebuild ({again['unchanged']} of {again['read']} articles unchanged): "
            f"{again['wall']:.2f} s wall ({again['seconds']:.2f} s in build), "
            f"{again['parent_cpu'] + again['workers_cpu']:.2f} s CPU; "
            f"{again['wall'] / rn['wall']:.3f} of the first build's wall time, "
            f"{(again['parent_cpu'] + again['workers_cpu']) / (rn['parent_cpu'] + rn['workers_cpu']):.3f} "
            f"of its CPU time\n")

    if "rss" not in skip:
        rows = []
        for n in [int(x) for x in args.rss_sizes.split(",") if x]:
            r = done_builds.get(n) or run_build(corpus(n), work / f"s-rss-{n}", cores)
            done_builds[n] = r
            rows.append([n, f"{r['seconds']:.1f} s", f"{projected(r, cores):.1f} s",
                         f"{r['read'] / projected(r, cores):.0f}",
                         f"{r['parent_cpu'] / r['read'] * 1000:.1f} + {r['workers_cpu'] / r['read'] * 1000:.1f}",
                         mb(r["parent_rss"]), mb(r["worker_rss"]), mb(r["tree_rss"]),
                         r["quads"], mb(r["store_bytes"])])
        say(f"## Peak memory, {cores} workers (streaming: flat is the goal)")
        say(table(["articles", "wall", "on idle cores", "articles/s on idle cores",
                   "CPU ms/article parent + workers",
                   "parent peak RSS", "largest worker", "all processes", "quads", "store on disk"], rows))
        say("(all processes = sum of RSS, so pages shared after fork count several times)\n")

    if "remote" not in skip:
        n = args.articles
        emb = done_builds.get(n) or run_build(corpus(n), work / "s-emb", cores)
        rem = run_build(corpus(n), work / "s-rem", cores, remote=True)
        embt = run_build(corpus(n), work / "s-embt", 1, truth=True)
        remt = run_build(corpus(n), work / "s-remt", 1, truth=True, remote=True)
        say(f"## Embedded store vs Oxigraph server over HTTP ({n} articles)")
        say(table(["extraction", "embedded", "oxigraph serve", "ratio"],
                  [[f"real, {cores} workers", f"{emb['seconds']:.1f} s", f"{rem['seconds']:.1f} s",
                    f"{rem['seconds'] / emb['seconds']:.2f}x"],
                   ["generator's truth, 1 process (write path)", f"{embt['seconds']:.1f} s",
                    f"{remt['seconds']:.1f} s", f"{remt['seconds'] / embt['seconds']:.2f}x"]]))
        say("")

    if "queries" not in skip:
        truth = args.query_store == "truth"
        per_article = 400 if truth else 620
        n = max(100, int(args.quads / per_article * 1.05))
        big = work / ("s-big" if truth else "s-big-real")
        saved = big.with_suffix(".json")
        r = json.loads(saved.read_text()) if saved.exists() and big.is_dir() else None
        while r is None or r["quads"] < args.quads:       # a big store of a previous run is reused
            r = run_build(corpus(n), big, cores, truth=truth)
            n = int(n * args.quads / max(r["quads"], 1) * 1.05) + 1
        saved.write_text(json.dumps(r))
        ox = oxigraph_query_times(big, args.reps, args.ox_limit)
        ox_rw = oxigraph_query_times(big, args.reps, args.ox_limit, rewrite=True)
        from kg.store import open_store
        nq = work / "big.nq"
        with open_store(str(big), read_only=True) as st:
            nq.write_bytes(st.export("nquads"))
        cmd = [sys.executable, str(Path(__file__).resolve()), "_rdflib", str(nq),
               "--reps", str(args.rdflib_reps), "--limit", str(args.rdflib_limit)]
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode:
            sys.exit(f"rdflib run failed: {out.stderr.strip().splitlines()[-1:]}")
        rd = json.loads(out.stdout.strip().splitlines()[-1])
        nq.unlink()
        rows, ratios = [], []
        for name in ox:
            o, w = ox[name], ox_rw[name]
            rr = rd["times"].get(name, [])
            done = [x for x in rr if x is not None]
            r50 = pct(done, 50) * 1000 if done and len(done) == len(rr) else None
            cells = [name]
            if o:
                o50, o95 = pct(o["runs"], 50) * 1000, pct(o["runs"], 95) * 1000
                cells += [f"{o50:,.1f}", f"{o95:,.1f}"]
            else:
                o50 = None
                cells += [f">{args.ox_limit * 1000:,}", "-"]
            cells += [f"{r50:,.0f}" if r50 else f">{args.rdflib_limit * 1000:,}",
                      f"{pct(done, 95) * 1000:,.0f}" if r50 else "-"]
            if o50 and r50:
                ratios.append(r50 / o50)
                cells.append(f"{r50 / o50:,.0f}x")
            elif o50:
                ratios.append(args.rdflib_limit * 1000 / o50)
                cells.append(f">{args.rdflib_limit * 1000 / o50:,.0f}x")
            else:
                cells.append("?")
            if w and not w["rewritten"]:
                cells.append("(query unchanged)")
            elif w and (not o or w["digest"] == o["digest"]):
                w50 = pct(w["runs"], 50) * 1000
                same = "" if o else " (answers not compared)"
                cells.append(f"{w50:,.1f}{same}")
            else:
                cells.append("-" if not w else "answers differ")
            rows.append(cells)
        say(f"## Named queries on {r['quads']:,} quads ({r['stored']} articles, "
            f"{'the generator' if truth else 'the extractor'}'s facts; store "
            f"{mb(r['store_bytes'])} on disk, built in {r['seconds']:.0f} s)")
        say(table(["query", "oxigraph p50 ms", "p95 ms", "rdflib p50 ms", "p95 ms",
                   "ratio (p50)", "oxigraph p50, GRAPH ?g group as sub-SELECT"], rows))
        say(f"rdflib Dataset: loaded {rd['quads']:,} quads in {rd['load']:.0f} s, "
            f"peak RSS {mb(rd['rss'])}. Oxigraph: up to {args.reps} runs per query after a "
            f"warm-up (fewer when slow), cut when the warm-up exceeds {args.ox_limit} s; rdflib: up to {args.rdflib_reps} runs (1 when a run exceeds "
            f"2 s), cut at {args.rdflib_limit} s.")
        if ratios:
            say(f"ratio over queries both engines finished (or rdflib was cut): geometric mean "
                f"{statistics.geometric_mean(ratios):,.0f}x, smallest {min(ratios):,.0f}x\n")

    if "entity" not in skip:
        for quads in [int(x) for x in args.entity_quads.split(",") if x]:
            big = work / ("s-big" if quads == 1_000_000 else f"s-big{quads // 1_000_000}m")
            saved = big.with_suffix(".json")
            r = json.loads(saved.read_text()) if saved.exists() and big.is_dir() else None
            n = max(100, int(quads / 400 * 1.05))
            while r is None or r["quads"] < quads:        # kept between runs (--workdir)
                r = run_build(corpus(n), big, cores, truth=True)
                n = int(n * quads / max(r["quads"], 1) * 1.05) + 1
            saved.write_text(json.dumps(r))
            wrote = ensure_summary(big)
            if wrote is not None:
                say(f"(summary graph written on the existing store, as `kg reindex`: {wrote:,.0f} s)")
            load = os.getloadavg()
            res = entity_times(big, args.entity_names, args.entity_reps)
            rows = []
            for what in ENTITY_FUNCS:
                d = res[what]
                ms = lambda xs, p: f"{pct(xs, p) * 1000:,.0f}" if xs else "-"  # noqa: E731
                rows.append([f"kg {what} NAME", ms(d["runs"], 50), ms(d["runs"], 95),
                             f"{max(d['rows'][:-1] or [0])}", ms(d["top"], 50), ms(d["top"], 95),
                             d["rows"][-1] if d["rows"] else "-"])
            say(f"## One-entity questions on {r['quads']:,} quads ({r['stored']} articles, the "
                f"generator's facts; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at start)")
            say(table(["question", "p50 ms", "p95 ms", "most rows", "腾讯 p50 ms", "腾讯 p95 ms",
                       "腾讯 rows"], rows))
            for what in ("lawsuits (every case)", "lawsuits (every case) --limit 20"):
                d = res[what]
                say(f"kg {what}: {d['rows'][0]} rows, p50 {pct(d['runs'], 50) * 1000:,.0f} ms, "
                    f"p95 {pct(d['runs'], 95) * 1000:,.0f} ms")
            say(f"({res['names'] - 1} names sampled evenly from the sorted labels, "
                f"{args.entity_reps} runs each after a warm-up; 腾讯, the most connected, apart)\n")
            load = os.getloadavg()
            ref = refresh_times(big, corpus(r["read"]), work)
            say(f"Summary refresh, one article ({ref['article']}; load average {load[0]:.1f} at "
                f"start): `kg remove` {ref['remove']['cpu']:.1f} s CPU ({ref['remove']['wall']:.1f} s "
                f"wall), building it back {ref['add']['cpu']:.1f} s CPU ({ref['add']['wall']:.1f} s "
                f"wall), cases and summary refreshes included\n")

    say(f"CPU pressure at the end (share of time runnable tasks waited for a core, avg60): "
        f"{cpu_pressure()}")
    (work / "report.md").write_text("\n".join(report) + "\n", encoding="utf-8")
    print(f"(corpora, stores and report.md in {work})")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_build":
        ap = argparse.ArgumentParser()
        ap.add_argument("cmd")
        ap.add_argument("corpus")
        ap.add_argument("store")
        ap.add_argument("--workers", type=int, default=1)
        ap.add_argument("--truth", action="store_true")
        ap.add_argument("--remote", action="store_true")
        ap.add_argument("--dask", default=None)
        _child_build(ap.parse_args())
    elif len(sys.argv) > 1 and sys.argv[1] == "_oxq":
        ap = argparse.ArgumentParser()
        ap.add_argument("cmd")
        ap.add_argument("store")
        ap.add_argument("name")
        ap.add_argument("--reps", type=int, default=20)
        ap.add_argument("--rewrite", action="store_true")
        ap.add_argument("--limit", type=float, default=60)
        _child_oxq(ap.parse_args())
    elif len(sys.argv) > 1 and sys.argv[1] == "_refresh":
        ap = argparse.ArgumentParser()
        ap.add_argument("cmd")
        ap.add_argument("store")
        ap.add_argument("corpus")
        _child_refresh(ap.parse_args())
    elif len(sys.argv) > 1 and sys.argv[1] == "_entity":
        ap = argparse.ArgumentParser()
        ap.add_argument("cmd")
        ap.add_argument("store")
        ap.add_argument("--names", type=int, default=20)
        ap.add_argument("--reps", type=int, default=5)
        ap.add_argument("--only", default="", help="comma list of questions (default: all)")
        _child_entity(ap.parse_args())
    elif len(sys.argv) > 1 and sys.argv[1] == "_rdflib":
        ap = argparse.ArgumentParser()
        ap.add_argument("cmd")
        ap.add_argument("nquads")
        ap.add_argument("--reps", type=int, default=5)
        ap.add_argument("--limit", type=int, default=30)
        _child_rdflib(ap.parse_args())
    else:
        main()
