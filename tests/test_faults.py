"""Faults: a build killed at random points, and readers while a build runs.

The store must always open, validate, and hold every article wholly or not at all; running the
same build again completes it, and the result equals an uninterrupted build.
"""
from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
COMPANIES = ["腾讯", "字节跳动", "阿里巴巴", "京东", "美团", "百度", "小米", "华为"]


def kg(*args, **kw):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, **kw)


def spawn_build(src, store):
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(src), "--store", str(store)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    rnd = random.Random(7)
    lines = []
    for i in range(240):
        a, b = rnd.sample(COMPANIES, 2)
        text = (f"{2015 + i % 7}年{1 + i % 12}月{1 + i % 27}日，{a}起诉{b}不正当竞争，索赔{i + 1}00万元。"
                f"此前，{b}曾屏蔽{a}旗下产品的链接。双方的竞争持续多年。") * 3
        lines.append(json.dumps({"id": f"n{i:04d}", "title": f"第{i}篇", "date": "2022-06-01",
                                 "source": "test", "text": text}, ensure_ascii=False))
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def snapshot(store) -> list[str]:
    r = kg("export", "--store", store, "--format", "nquads")
    assert r.returncode == 0, r.stderr
    return sorted(l for l in r.stdout.splitlines() if "builtAt" not in l)


def assert_whole_articles(store) -> int:
    with open_store(str(store), read_only=True) as st:
        stored = st.article_hashes()
        graphs = {g for g in st.named_graphs() if "/article/" in g}
    assert graphs == set(stored), "an article graph without metadata, or metadata without graph"
    return len(stored)


def wait_for_articles(store, n, proc, limit=60.0):
    deadline = time.time() + limit
    while time.time() < deadline and proc.poll() is None:
        try:
            with open_store(str(store), read_only=True) as st:
                if len(st.article_hashes()) >= n:
                    return
        except Exception:
            pass
        time.sleep(0.05)


def test_repeated_sigkill_then_rerun_equals_uninterrupted_build(corpus, tmp_path):
    reference = tmp_path / "reference"
    assert kg("build", corpus, "--store", reference).returncode == 0
    expected = snapshot(reference)

    store = tmp_path / "killed"
    rnd = random.Random(11)
    seen = 0
    for _ in range(3):
        proc = spawn_build(corpus, store)
        wait_for_articles(store, seen + rnd.randint(5, 40), proc)
        time.sleep(rnd.random() * 0.3)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        seen = assert_whole_articles(store)
        assert kg("validate", "--store", store).returncode == 0
    r = kg("build", corpus, "--store", store)
    assert r.returncode == 0, r.stderr
    assert assert_whole_articles(store) == 240
    assert snapshot(store) == expected


def test_readers_during_a_build_see_a_consistent_state(corpus, tmp_path):
    store = tmp_path / "store"
    assert kg("build", corpus, "--store", store).returncode == 0     # create it first
    src = tmp_path / "changed.jsonl"
    src.write_text(corpus.read_text(encoding="utf-8").replace("双方", "两家公司"), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(src), "--store", str(store)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    answers = []
    try:
        while proc.poll() is None and len(answers) < 8:
            r = kg("query", "articles", "--store", store, "--format", "csv")
            assert "Traceback" not in r.stderr
            if r.returncode == 0:
                answers.append(len(r.stdout.strip().splitlines()) - 1)
            else:
                assert "busy" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    finally:
        proc.wait(timeout=300)
    assert proc.returncode == 0, proc.stderr.read()
    r = kg("query", "articles", "--store", store, "--format", "csv")     # and after it
    assert r.returncode == 0, r.stderr
    answers.append(len(r.stdout.strip().splitlines()) - 1)
    assert all(n == 240 for n in answers)   # replacing articles never hides them
    assert assert_whole_articles(store) == 240
