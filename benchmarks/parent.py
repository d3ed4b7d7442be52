"""Where the build's parent process spends its CPU: python benchmarks/parent.py CORPUS STORE

One `kg.pipeline.build` with N workers (`--workers`, default 2) into a fresh store, the parent's
CPU split by thread (main: reading, hashing, feeding workers, the refreshes at the end; the
writer thread; RocksDB's background flush and compaction threads; other threads) and by phase
(the build loop, then the ontology, cases and summary refreshes), each thread's time read from
/proc/self/task (sampled, so threads that end are counted too).  `--profile FILE` also writes
cProfile statistics of the main thread and of the writer thread (FILE.main, FILE.writer) and
prints their top functions.  CPU times, not wall: on a shared machine the wall mostly measures
the other tenants.  `--prepared FILE` replays the workers' results saved by `--save FILE` (no
extraction at all: the parent's side alone, the same input every run).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pickle
import pstats
import shutil
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

TICK = os.sysconf("SC_CLK_TCK")


def threads_cpu() -> dict[int, tuple[str, float]]:
    """{thread id: (name, CPU seconds)} of this process's live threads."""
    out = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            raw = Path(f"/proc/self/task/{tid}/stat").read_text()
        except OSError:
            continue
        name = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2:].split()
        out[int(tid)] = (name, (int(fields[11]) + int(fields[12])) / TICK)
    return out


class Sampler:
    """Keeps the last CPU figure seen for every thread (every `every` s), so a thread that
    ends still counts."""

    def __init__(self, every: float = 0.1):
        self.seen: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._every = every
        self._t = threading.Thread(target=self._run, name="kg-sampler", daemon=True)
        self._t.start()

    def _run(self):
        while not self._stop.is_set():
            self.seen.update(threads_cpu())
            self._stop.wait(self._every)

    def stop(self) -> dict[int, tuple[str, float]]:
        self._stop.set()
        self._t.join()
        self.seen.update(threads_cpu())
        return self.seen


#: native thread ids by role, noted by the wrappers below (Python does not name OS threads)
ROLES: dict[int, str] = {}


def kind(name: str, tid: int) -> str:
    if tid in ROLES:
        return ROLES[tid]
    if name.startswith("rocksdb"):
        return "rocksdb"
    return "other:" + name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("store")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--profile", default=None, help="write cProfile stats to FILE.main/.writer")
    ap.add_argument("--save", default=None, help="save the workers' results (pickle) here")
    ap.add_argument("--prepared", default=None, help="replay saved results instead of extracting")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--no-summary", action="store_true", help="build with summarize=False")
    ap.add_argument("--write-max", type=int, default=None, help="kg.pipeline.WRITE_MAX")
    args = ap.parse_args()
    from kg import pipeline
    from kg.store import open_store

    if Path(args.store).exists():
        shutil.rmtree(args.store)
    saved: list = []
    if args.prepared:
        with open(args.prepared, "rb") as f:
            by_id = pickle.load(f)

        def replay(articles, built_at, process_fn=None):
            return [by_id[a.id] for a in articles]
        pipeline.work_batch = replay
        args.workers = 1                 # replay in the parent: no extraction to spread
    elif args.save:
        orig_work = pipeline.work_batch

        def keep(articles, built_at, process_fn=None):
            out = orig_work(articles, built_at, process_fn)
            saved.extend(zip([a.id for a in articles], out))
            return out
        pipeline.work_batch = keep
        args.workers = 1                 # (the results must come back to this process)

    writer_prof = cProfile.Profile(time.thread_time) if args.profile else None
    main_prof = cProfile.Profile(time.thread_time) if args.profile else None
    phases: dict[str, float] = {}
    st = open_store(args.store)
    orig_flush = st.flush

    def flush():
        ROLES.setdefault(threading.get_native_id(), "flush")
        return orig_flush()
    st.flush = flush
    for name in ("write_ontology", "refresh_cases", "refresh_summary", "replace_articles"):
        orig = getattr(st, name)

        def timed(*a, _orig=orig, _name=name, **k):
            prof = writer_prof if _name == "replace_articles" else None
            if _name == "replace_articles":
                ROLES[threading.get_native_id()] = "writer"
            t0 = time.thread_time() if prof is not None else time.process_time()
            if prof is not None:
                prof.enable()
            try:
                return _orig(*a, **k)
            finally:
                if prof is not None:
                    prof.disable()
                phases[_name] = phases.get(_name, 0.0) + (
                    (time.thread_time() if prof is not None else time.process_time()) - t0)
        setattr(st, name, timed)

    ROLES[threading.get_native_id()] = "main"
    sampler = Sampler()
    load0 = os.getloadavg()
    c0 = os.times()
    if main_prof:
        main_prof.enable()
    if args.write_max:
        pipeline.WRITE_MAX = args.write_max
        pipeline.WRITE_MAX_BYTES = 10 ** 12
    s = pipeline.build([args.corpus], st, workers=args.workers, summarize=not args.no_summary)
    if main_prof:
        main_prof.disable()
    st.close()
    c1 = os.times()
    seen = sampler.stop()
    load1 = os.getloadavg()
    parent = c1.user - c0.user + c1.system - c0.system
    workers = c1.children_user - c0.children_user + c1.children_system - c0.children_system
    by_kind: dict[str, float] = defaultdict(float)
    for tid, (name, cpu) in seen.items():
        if name == "kg-sampler":
            continue
        by_kind[kind(name, tid)] += cpu
    n = s.stored or 1
    out = {"articles": s.stored, "parent_cpu": parent, "workers_cpu": workers,
           "parent_ms": parent / n * 1000, "workers_ms": workers / n * 1000,
           "wall": s.seconds, "load": [load0[0], load1[0]],
           "threads_ms": {k: round(v / n * 1000, 2) for k, v in sorted(by_kind.items())},
           "phases_ms": {k: round(v / n * 1000, 2) for k, v in phases.items()},
           "phases_s": {k: round(v, 2) for k, v in phases.items()}}
    print(json.dumps(out, indent=1))
    if args.save:
        with open(args.save, "wb") as f:
            pickle.dump(dict(saved), f, protocol=pickle.HIGHEST_PROTOCOL)
    if args.profile:
        for prof, what in ((main_prof, "main"), (writer_prof, "writer")):
            prof.dump_stats(f"{args.profile}.{what}")
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(args.top)
            print(f"--- {what} thread, cumulative ---")
            print(buf.getvalue()[-6000:])


if __name__ == "__main__":
    main()
