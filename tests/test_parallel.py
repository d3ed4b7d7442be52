"""`workers=N` gives the same store as one process: same quads, same IRIs (bar kg:builtAt)."""
from __future__ import annotations

import pytest

from kg import pipeline
from kg.store import open_store
from tests.test_pipeline import fake_process, quads, write_corpus


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_give_identical_store(tmp_path, workers):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus / "a.jsonl", 70)
    write_corpus(corpus / "b.jsonl", 45, start=70, variant="，并发布声明")
    with open_store(str(tmp_path / "one")) as one, open_store(str(tmp_path / "many")) as many:
        s1 = pipeline.build([str(corpus)], one, process_fn=fake_process, workers=1)
        sn = pipeline.build([str(corpus)], many, process_fn=fake_process, workers=workers,
                            batch_size=7)
        assert (s1.engine, sn.engine, sn.workers) == ("local", "processes", workers)
        assert (s1.stored, s1.relations, s1.entities) == (sn.stored, sn.relations, sn.entities)
        assert quads(one) == quads(many)
        assert one.named_graphs() == many.named_graphs()


def test_workers_default_to_cores_and_report_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "process", fake_process)   # the default extractor, forked
    corpus = write_corpus(tmp_path / "c.jsonl", 50)
    order = []
    with open_store(str(tmp_path / "s")) as st:
        s = pipeline.build([str(corpus)], st, workers=None, batch_size=4,
                           on_article=lambda item, status: order.append(item.id))
    assert order == [f"art{i}" for i in range(50)]
    assert s.stored == 50


def test_extractor_failure_in_a_worker_skips_that_article_only(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 30)
    seen = []
    with open_store(str(tmp_path / "s")) as st:
        s = pipeline.build([str(corpus)], st, process_fn=failing_process, workers=2, batch_size=5,
                           on_article=lambda item, status: seen.append(status))
        stored = st.article_hashes()
    assert len(stored) == 29 and s.stored == 29
    assert [str(x) for x in s.skipped] == [f"{corpus} (article art17): extraction failed "
                                           "(RuntimeError: boom); the article was left out — please report it"]
    assert seen.count("skipped") == 1 and seen[17] == "skipped"


def test_extractor_failure_with_strict_stops_the_build_with_one_line(tmp_path):
    from kg.errors import KGError
    corpus = write_corpus(tmp_path / "c.jsonl", 30)
    with open_store(str(tmp_path / "s")) as st:
        with pytest.raises(KGError, match="art17.*extraction failed"):
            pipeline.build([str(corpus)], st, process_fn=failing_process, workers=2, batch_size=5,
                           strict=True)
        stored = st.article_hashes()
    # every article written is complete; those after the failure are not written
    assert 0 < len(stored) < 30


def failing_process(article, built_at=None):
    if article.id == "art17":
        raise RuntimeError("boom")
    return fake_process(article, built_at)


def test_workers_leave_when_the_build_is_killed(tmp_path):
    """SIGKILL the parent of a parallel build: its worker processes must not linger."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import psutil
    corpus = write_corpus(tmp_path / "c.jsonl", 3000)
    code = ("import sys, time; from kg import pipeline; from kg.store import open_store\n"
            "from tests.test_pipeline import fake_process\n"
            "def slow(a, b=None):\n    time.sleep(0.05); return fake_process(a, b)\n"
            f"pipeline.build([{str(corpus)!r}], open_store({str(tmp_path / 's')!r}), "
            "process_fn=slow, workers=2)\n")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=root)
    try:
        deadline = time.time() + 30
        kids = []
        while time.time() < deadline and len(kids) < 2:
            time.sleep(0.2)
            kids = psutil.Process(proc.pid).children()
        assert len(kids) == 2, "the pool did not start"
        time.sleep(0.5)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    gone, alive = psutil.wait_procs(kids, timeout=15)   # they poll twice a second; CI is slow
    for p in alive:
        p.kill()
    assert not alive, "worker processes outlived their parent"


def test_real_extractor_same_store_with_workers(tmp_path, examples_dir):
    pytest.importorskip("kg.extract", reason="extractor not installed")
    from kg.extract import extract  # noqa: F401  (skip cleanly while it is being written)
    with open_store(str(tmp_path / "one")) as one, open_store(str(tmp_path / "two")) as two:
        pipeline.build([str(examples_dir)], one, workers=1)
        pipeline.build([str(examples_dir)], two, workers=2, batch_size=1)
        assert quads(one) == quads(two)
