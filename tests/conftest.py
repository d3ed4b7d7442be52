"""Shared fixtures: paths to the shipped examples and the shared evaluation data."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def examples_dir() -> Path:
    return ROOT / "examples"


@pytest.fixture
def dev_dir() -> Path:
    d = SHARED / "eval" / "dev"
    if not d.is_dir():
        pytest.skip("../shared/eval/dev is not beside the checkout")
    return d


# --- viz/analytics fixtures (issue 5): hand-made stores that do not depend on the extractor ---

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_NAME2 = "</script><script>alert(2)</script>"
HOSTILE_EVIDENCE = "<script>alert(3)</script><img src=x onerror=alert(4)> 指控腾讯"


def _viz_extractions(hostile: bool = False) -> list:
    import hashlib

    from kg.model import Article, Entity, Extraction, Lawsuit, Relation

    def art(aid, date, title, source, lang="zh"):
        text = f"{aid} {title}"
        return Article(id=aid, title=title, date=date, source=source, text=text,
                       path=f"{aid}.md", sha256=hashlib.sha256(text.encode()).hexdigest(),
                       lang=lang)

    E = Entity
    a = Extraction(
        art("huxiu-1", "2021-11-13", "字节跳动晒腾讯合作邮件为哪般？", "https://www.huxiu.com/a/1"),
        [E("腾讯", "Company", ["Tencent", "企鹅帝国"], qid="Q860580"),
         E("字节跳动", "Company", ["字节", "ByteDance"]), E("抖音", "Product", ["Douyin"]),
         E("微信", "Product", ["WeChat"]), E("北京知识产权法院", "Court")],
        [Relation("blocks", "腾讯", "抖音", "2018-03-08", "2018年3月8日，微信屏蔽了抖音的分享链接。",
                  0, 20, 0.9),
         Relation("sues", "字节跳动", "腾讯", "2021-02", "2021年2月，字节跳动起诉腾讯垄断。", 21, 40, 0.85),
         Relation("competes", "字节跳动", "腾讯", None, "“头腾大战”已数次交锋。", 41, 55, 0.6),
         Relation("blocks", "微信", "抖音", "2019-01", "2019年1月，微信封禁多闪和抖音。", 56, 70, 0.8)],
        [Lawsuit(["字节跳动"], ["腾讯"], court="北京知识产权法院", date="2021-02",
                 cause="antitrust", claim_cny=90000000.0,
                 evidence="抖音起诉腾讯垄断，索赔9000万元。", start=21, end=40, confidence=0.85)])
    b = Extraction(
        art("qq-2", "2019-03-20", "腾讯起诉字节跳动不正当竞争", "腾讯新闻"),
        [E("腾讯", "Company", ["Tencent"]), E("字节跳动", "Company", ["今日头条"]),
         E("抖音", "Product"), E("天津滨海法院", "Court", ["滨海法院"])],
        [Relation("accuses", "腾讯", "字节跳动", "2019-03", "腾讯指责字节跳动不正当竞争。", 0, 12, 0.7),
         Relation("sues", "腾讯", "字节跳动", "2019-03", "腾讯在天津滨海法院起诉字节跳动。", 13, 30, 0.9),
         Relation("blocks", "腾讯", "抖音", "2018-03-08", "腾讯曾于2018年3月屏蔽抖音。", 31, 45, 0.75)],
        [Lawsuit(["腾讯"], ["字节跳动"], court="天津滨海法院", date="2019-03",
                 cause="unfair_competition", claim_cny=1000000.0, outcome="pending",
                 evidence="腾讯在天津滨海法院起诉字节跳动。", start=13, end=30, confidence=0.9)])
    c = Extraction(
        art("en-3", "2016-08-01", "Didi buys Uber China", "Reuters", lang="en"),
        [E("Didi", "Company", ["滴滴"]), E("Uber", "Company")],
        [Relation("acquires", "Didi", "Uber", "2016-08", "Didi agreed to buy Uber's China arm.",
                  0, 30, 0.95),
         Relation("competes", "Uber", "Didi", "2015", "Didi and Uber fought a subsidy war.",
                  31, 60, 0.5)])
    out = [a, b, c]
    if hostile:
        out.append(Extraction(
            art("evil-4", "2020-01-05", "<b>bold</b><script>alert(6)</script>", "javascript:alert(5)"),
            [E(HOSTILE_NAME, "Company"), E(HOSTILE_NAME2, "Person"), E("腾讯", "Company")],
            [Relation("accuses", HOSTILE_NAME, "腾讯", "2020-01", HOSTILE_EVIDENCE, 0, 40, 0.7),
             Relation("leads", HOSTILE_NAME2, HOSTILE_NAME, "2020-01", "</script>" + HOSTILE_NAME,
                      41, 60, 0.7)]))
    return out


def viz_write_store(path, hostile: bool = False, extractions=None):
    """A store at `path` holding the hand-made articles; returns the open store."""
    from kg.rdf import article_rdf
    from kg.store import open_store, write_articles
    st = open_store(str(path))
    write_articles(st, [article_rdf(ex, "2026-01-01T00:00:00Z")
                        for ex in (extractions or _viz_extractions(hostile))])
    st.refresh_cases()                     # which reports are one case, as a build writes it
    return st


@pytest.fixture
def viz_store(tmp_path):
    st = viz_write_store(tmp_path / "viz-store")
    yield st
    st.close()


@pytest.fixture
def viz_hostile_store(tmp_path):
    st = viz_write_store(tmp_path / "viz-hostile-store", hostile=True)
    yield st
    st.close()


def viz_synthetic_graph(n_nodes: int = 5000, n_edges: int = 20000, seed: int = 1):
    """A rivalry-shaped MultiDiGraph as kg.analytics.full_graph returns it, without a store."""
    import random

    import networkx as nx

    from kg.model import ENTITY_TYPES, RELATION_TYPES
    rnd = random.Random(seed)
    base = nx.barabasi_albert_graph(n_nodes, max(1, n_edges // n_nodes), seed=seed)
    g = nx.MultiDiGraph()
    for i in range(n_nodes):
        g.add_node(f"e{i}", kind="entity", label=f"公司{i}" if i % 3 else f"Company {i}",
                   type=ENTITY_TYPES[i % 4], aliases=[], qid=None)
    pairs = list(base.edges())
    while len(pairs) < n_edges:
        pairs.append(rnd.choice(pairs))
    for j, (u, v) in enumerate(pairs[:n_edges]):
        y, m = 2010 + rnd.randrange(12), 1 + rnd.randrange(12)
        date = f"{y}-{m:02d}"
        t = RELATION_TYPES[rnd.randrange(len(RELATION_TYPES))]
        g.add_edge(f"e{u}", f"e{v}", key=f"r{j}", type=t, date=date, earliest=f"{date}-01",
                   latest=f"{date}-28", confidence=0.8, directed=t not in ("competes", "cooperates"),
                   evidence=[{"text": f"{y}年{m}月，公司{u}与公司{v}发生纠纷。", "confidence": 0.8,
                              "article": f"a{j % 500}", "title": f"标题{j % 500}", "source": "synthetic",
                              "reported": f"{date}-28", "lang": "zh"}])
    return g


# --- SPARQL servers (issue 13): a real Virtuoso on 127.0.0.1, one per test run ---

class VirtuosoServer:
    """Debian's `virtuoso-t` in the foreground on free 127.0.0.1 ports, its database in `root`.

    A minimal ini (the traps are in ../shared/STACK.md): the SPARQL endpoint is /sparql, and
    updates need `GRANT SPARQL_UPDATE TO "SPARQL"`, given through isql.  Creating a fresh
    database is most of the start-up (~10 s here); the server stops with the test run."""

    def __init__(self, root):
        import shutil
        from pathlib import Path

        from kg.serve import free_port
        self.root = Path(root)
        self.binary = shutil.which("virtuoso-t")
        self.isql = shutil.which("isql-vt")     # Debian's name (plain `isql` is unixODBC's)
        self.sql_port, self.http_port = free_port(), free_port()
        self.proc = None

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def _ini(self) -> str:
        db = self.root
        return f"""[Database]
DatabaseFile = {db}/kg.db
ErrorLogFile = {db}/kg.log
LockFile = {db}/kg.lck
TransactionFile = {db}/kg.trx
xa_persistent_file = {db}/kg.pxa
Striping = 0
[TempDatabase]
DatabaseFile = {db}/kg-temp.db
TransactionFile = {db}/kg-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{self.sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
CheckpointInterval = 0
[HTTPServer]
ServerPort = 127.0.0.1:{self.http_port}
ServerThreads = 4
MaxClientConnections = 4
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""

    def start(self, wait: float = 120.0) -> "VirtuosoServer":
        import subprocess
        import time
        import urllib.request

        from kg.serve import _die_with_parent
        self.root.mkdir(parents=True, exist_ok=True)
        ini = self.root / "virtuoso.ini"
        ini.write_text(self._ini(), encoding="utf-8")
        self.log = open(self.root / "stdout.log", "wb")
        self.proc = subprocess.Popen([self.binary, "+foreground", "+configfile", str(ini)],
                                     cwd=self.root, stdout=self.log, stderr=subprocess.STDOUT,
                                     preexec_fn=_die_with_parent)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited ({self.proc.returncode}): see {self.root}")
            try:
                with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=2):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            self.stop()
            raise RuntimeError(f"virtuoso did not answer on {self.query_url} within {wait:.0f} s")
        out = subprocess.run([self.isql, str(self.sql_port), "dba", "dba",
                              'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                             capture_output=True, text=True, timeout=60)
        if out.returncode != 0 or "Error" in out.stdout + out.stderr:
            self.stop()
            raise RuntimeError(f"isql could not grant SPARQL_UPDATE: {out.stdout}{out.stderr}")
        return self

    def stop(self) -> None:
        import subprocess
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc:
            self.log.close()


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """A running Virtuoso for the whole test run (skipped, with the reason, when not installed)."""
    import shutil
    if not shutil.which("virtuoso-t"):
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource; .ci/run does)")
    if not shutil.which("isql-vt"):
        pytest.skip("Virtuoso's isql-vt is not installed (apt-get install virtuoso-opensource)")
    srv = VirtuosoServer(tmp_path_factory.mktemp("virtuoso")).start()
    yield srv
    srv.stop()


def synthetic_store(path, n_articles: int = 120, pool: int = 1100, per: int = 12, seed: int = 3):
    """A store of `pool` entities (and a lawsuit an article) written in one transaction, from
    hand-made extractions: 1,217 nodes and 1,680 edges in about a second of CPU.  Every third
    article repeats the previous article's first fact, so those facts have two sources."""
    import hashlib
    import random

    from kg.model import Article, Entity, Extraction, Lawsuit, Relation
    from kg.rdf import article_nt
    from kg.store import open_store
    rnd = random.Random(seed)
    types = ["Company", "Company", "Product", "Person"]
    kinds = ["sues", "competes", "accuses", "invests", "blocks", "cooperates"]
    out, prev = [], None
    for i in range(n_articles):
        if (i + 1) * per <= pool:
            names = list(range(i * per, (i + 1) * per))   # every name of the pool somewhere
        else:
            names = rnd.sample(range(pool), per)
        ents = [Entity(f"测试公司{k:04d}", types[k % 4]) for k in names]
        y, m = 2015 + rnd.randrange(8), 1 + rnd.randrange(12)
        date = f"{y}-{m:02d}" if i % 7 else str(y)
        text = f"第{i}篇"
        art = Article(id=f"syn-{i:04d}", title=f"合成新闻{i}", date=f"{y}-{m:02d}-15",
                      source="合成", text=text, path=f"syn-{i}.md",
                      sha256=hashlib.sha256(text.encode()).hexdigest())
        rels = []
        for j in range(per - 1):
            a, b = ents[j].name, ents[j + 1].name
            t = kinds[(i + j) % len(kinds)]
            rels.append(Relation(t, a, b, date, f"{date}，{a}与{b}：{t}。", j * 10, j * 10 + 9, 0.8))
        if prev is not None and i % 3 == 0:
            rels.append(prev)
            ents += [Entity(n, "Company") for n in (prev.subject, prev.object)
                     if n not in {e.name for e in ents}]
        ents.append(Entity("测试法院", "Court"))
        suits = [Lawsuit([ents[0].name], [ents[2].name], court="测试法院", date=date,
                         cause="antitrust", evidence=f"{ents[0].name}起诉{ents[2].name}。")]
        prev = rels[0]
        out.append(article_nt(Extraction(art, ents, rels, suits), "2026-01-01T00:00:00Z"))
    st = open_store(str(path))
    st.replace_articles(out)
    return st
