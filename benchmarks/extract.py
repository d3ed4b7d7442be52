"""Extraction throughput next to raw jieba.cut on the same text, in one run.

    python3 benchmarks/extract.py [PATH ...]    (default: ../shared/eval/dev and FewFC)

Prints characters per second for `kg.extract.extract` over every article and for `jieba.cut`
(HMM on, a fresh default dictionary) over the same texts, their ratio, the load times and peak
memory (resource.getrusage).  The machine is shared and noisy: the two are timed in turn, ROUNDS
times (default 3, env KG_BENCH_ROUNDS), the extractor's segmentation caches emptied before each of
its rounds (every round is a cold read), and the best round of each is reported.  The ratio is
given in wall time and in CPU time (process time): on a loaded machine the wall ratio mostly
measures the other tenants (a 0.5 s jieba round finds a quiet moment more often than a 2 s
extraction round), the CPU ratio much less.
"""
from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> None:
    from kg.ingest import read_articles
    from kg.model import Article
    shared = ROOT.parent / "shared" / "eval"
    paths = argv or [str(shared / "dev"), str(shared / "external" / "fewfc.jsonl")]
    arts = [a for a in read_articles(paths) if isinstance(a, Article)]
    chars = sum(len(a.text) for a in arts)

    t0 = time.perf_counter()
    from kg.extract import extract
    from kg.extract import entities  # noqa: F401
    from kg.lexicon import load_lexicon
    from kg import nlp
    load_lexicon()
    nlp.word_tags()
    t_load = time.perf_counter() - t0
    import jieba
    import logging
    jieba.setLogLevel(logging.WARNING)
    t0 = time.perf_counter()
    tk = jieba.Tokenizer()
    tk.initialize()
    t_jload = time.perf_counter() - t0

    rounds = max(1, int(os.environ.get("KG_BENCH_ROUNDS", "3")))
    t_ex = t_cut = c_ex = c_cut = float("inf")
    for _ in range(rounds):
        nlp.clear_caches()
        t0, c0 = time.perf_counter(), time.process_time()
        n_rel = 0
        for a in arts:
            n_rel += len(extract(a).relations)
        t_ex, c_ex = min(t_ex, time.perf_counter() - t0), min(c_ex, time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        for a in arts:
            for _ in tk.cut(a.text):
                pass
        t_cut, c_cut = min(t_cut, time.perf_counter() - t0), min(c_cut, time.process_time() - c0)

    ours = chars / t_ex if t_ex else float("inf")
    raw = chars / t_cut if t_cut else float("inf")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles {len(arts)}, characters {chars}, relations {n_rel}, best of {rounds} rounds")
    print(f"extract     {ours:12,.0f} chars/s  ({t_ex:.2f} s, CPU {c_ex:.2f} s; lexicon+jieba load {t_load:.2f} s)")
    print(f"jieba.cut   {raw:12,.0f} chars/s  ({t_cut:.2f} s, CPU {c_cut:.2f} s; dictionary load {t_jload:.2f} s)")
    print(f"ratio       {ours / raw:12.2f}  (extract / jieba.cut, higher is better)")
    print(f"CPU ratio   {c_cut / c_ex if c_ex else float('inf'):12.2f}  (the same in process time)")
    print(f"peak memory {peak:12.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
