"""The `kg` command through click's CliRunner, plus one end-to-end run in a subprocess."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset

from kg.cli import cli
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def kg(*args, env=None):
    runner = CliRunner()
    return runner.invoke(cli, list(args), env=env, catch_exceptions=False)


def quads(store: Path) -> int:
    with open_store(str(store), read_only=True) as st:
        return st.count()


@pytest.fixture
def built(tmp_path, examples_dir):
    store = tmp_path / "store"
    r = kg("build", str(examples_dir), "--store", str(store))
    assert r.exit_code == 0, r.output
    return store


def test_build_prints_a_summary_and_rebuilding_changes_nothing(built, examples_dir):
    n = quads(built)
    assert n > 50
    r = kg("build", str(examples_dir), "--store", str(built))
    assert r.exit_code == 0
    assert "unchanged: 3" in r.output
    assert quads(built) == n
    r = kg("build", str(examples_dir), "--store", str(built), "--force")
    assert r.exit_code == 0 and "stored: 3" in r.output
    assert quads(built) == n


def test_changed_article_replaces_its_old_facts(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    art = src / "a.md"
    art.write_text("---\ntitle: t\ndate: 2021-03-01\n---\n2020年5月，腾讯起诉字节跳动。\n", encoding="utf-8")
    store = tmp_path / "store"
    assert kg("build", str(src), "--store", str(store)).exit_code == 0
    art.write_text("---\ntitle: t\ndate: 2021-03-01\n---\n2020年5月，阿里巴巴收购了优酷。\n", encoding="utf-8")
    assert kg("build", str(src), "--store", str(store)).exit_code == 0
    r = kg("query", "SELECT ?e WHERE { GRAPH ?g { ?r kg:hasEvidence/kg:text ?e } }",
           "--store", str(store), "--format", "csv")
    assert "腾讯起诉" not in r.output


def test_query_named_file_and_text(built, tmp_path):
    r = kg("query", "articles", "--store", str(built), "--format", "csv")
    assert r.exit_code == 0 and len(r.output.strip().splitlines()) == 4
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    r = kg("query", str(rq), "--store", str(built), "--format", "json")
    assert int(json.loads(r.stdout)["results"]["bindings"][0]["n"]["value"]) == quads(built)
    r = kg("query", "timeline", "--param", "name=腾讯", "--store", str(built))
    assert r.exit_code == 0


def test_export_trig_parses_and_holds_every_quad(built):
    r = CliRunner().invoke(cli, ["export", "--store", str(built), "--format", "trig"])
    assert r.exit_code == 0
    ds = Dataset()
    ds.parse(data=r.stdout_bytes.decode("utf-8"), format="trig")
    assert len(list(ds.quads((None, None, None, None)))) == quads(built)


@pytest.mark.parametrize("fmt", ["turtle", "nquads", "jsonld"])
def test_export_other_formats(built, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    r = kg("export", "--store", str(built), "--format", fmt, "-o", str(out))
    assert r.exit_code == 0 and out.stat().st_size > 100


def test_stats_and_validate(built):
    r = kg("stats", "--store", str(built))
    assert r.exit_code == 0 and "articles: 3" in r.output
    r = kg("validate", "--store", str(built))
    assert r.exit_code == 0, r.output


def test_extract_json_follows_format(examples_dir):
    r = kg("extract", str(examples_dir), "--format", "json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert [a["id"] for a in data["articles"]] == ["qihoo-tencent-3q-war", "uber-didi-2016",
                                                  "wanglaoji-jiaduobao"]
    for art in data["articles"]:
        ids = {e["id"] for e in art["entities"]}
        assert {"id", "title", "date", "source", "entities", "relations", "lawsuits"} <= set(art)
        for rel in art["relations"]:
            assert rel["subject"] in ids and rel["object"] in ids
        for suit in art["lawsuits"]:
            assert set(suit["plaintiffs"]) <= ids and set(suit["defendants"]) <= ids


def test_extractor_bug_on_one_article_costs_only_that_article(examples_dir, monkeypatch):
    import kg.extract as extract_pkg
    real = extract_pkg.extract

    def buggy(article):
        if article.id == "uber-didi-2016":
            raise IndexError("list index out of range")
        return real(article)

    monkeypatch.setattr(extract_pkg, "extract", buggy)
    r = kg("extract", str(examples_dir), "--format", "json")
    assert r.exit_code == 0
    ids = [a["id"] for a in json.loads(r.stdout)["articles"]]
    assert ids == ["qihoo-tencent-3q-war", "wanglaoji-jiaduobao"]
    warning = [l for l in r.stderr.splitlines() if "extraction failed" in l]
    assert len(warning) == 1 and "uber-didi-2016.txt" in warning[0] and "IndexError" in warning[0]
    assert "Traceback" not in r.stderr
    r = kg("extract", str(examples_dir), "--format", "json", "--strict")
    assert r.exit_code == 1 and "uber-didi-2016.txt" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "trig", "turtle"])
def test_extract_other_formats(examples_dir, fmt):
    r = kg("extract", str(examples_dir / "uber-didi-2016.txt"), "--format", fmt)
    assert r.exit_code == 0 and r.output.strip()


def _seeded(seed: int, *args) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    r = subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.parametrize("command", ["extract", "export"])
def test_trig_is_the_same_bytes_whatever_the_hash_seed(built, examples_dir, command):
    # (extract: the two plain-text examples; the HTML one adds trafilatura's import, not a new path)
    sources = [str(examples_dir / "uber-didi-2016.txt"), str(examples_dir / "qihoo-tencent-3q-war.md")]
    args = (sources if command == "extract" else ["--store", str(built)]) + ["--format", "trig"]
    first = _seeded(1, command, *args)
    assert first.count(b" {") >= 3                    # several named graphs to put in order
    assert _seeded(2, command, *args) == first


def test_export_trig_is_the_same_from_an_in_memory_copy(built):
    import pyoxigraph as ox
    from kg.store import export_oxigraph
    with open_store(str(built), read_only=True) as st:
        on_disk = st.export("trig")
        copy = ox.Store()
        copy.load(st.export("nquads"), format=ox.RdfFormat.N_QUADS)
    assert export_oxigraph(copy, "trig") == on_disk


# --- bad input: one line on stderr, never a traceback ------------------------------------------

def one_error_line(r) -> str:
    lines = [l for l in r.stderr.splitlines() if l.strip()] if hasattr(r, "stderr") else []
    assert "Traceback" not in r.output
    return "\n".join(lines)


def test_missing_path_fails_with_one_line(tmp_path):
    r = kg("build", str(tmp_path / "nope.md"), "--store", str(tmp_path / "s"))
    assert r.exit_code != 0
    err = one_error_line(r)
    assert "nope.md" in err and len(err.splitlines()) == 1


def test_directory_without_articles_fails(tmp_path):
    (tmp_path / "empty").mkdir()
    r = kg("build", str(tmp_path / "empty"), "--store", str(tmp_path / "s"))
    assert r.exit_code != 0 and "no articles" in r.stderr


def test_unreadable_input_is_skipped_with_a_warning(tmp_path, examples_dir):
    src = tmp_path / "in"
    shutil.copytree(examples_dir, src)
    (src / "broken.md").write_text("---\ntitle: [unclosed\n---\ntext", encoding="utf-8")
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    r = kg("build", str(src), "--store", str(tmp_path / "s"))
    assert r.exit_code == 0
    assert "broken.md" in r.stderr and "image.txt" in r.stderr
    assert "skipped: 2" in r.output


def test_strict_fails_before_writing_anything(tmp_path, examples_dir):
    src = tmp_path / "in"
    shutil.copytree(examples_dir, src)
    (src / "zz-broken.md").write_text("---\ntitle: [unclosed\n---\ntext", encoding="utf-8")
    store = tmp_path / "s"
    r = kg("build", str(src), "--store", str(store), "--strict")
    assert r.exit_code != 0 and "zz-broken.md" in r.stderr
    with open_store(str(store)) as st:
        assert st.count() == 0


def test_sparql_syntax_error_is_one_line(built):
    r = kg("query", "SELECT WHERE {", "--store", str(built))
    assert r.exit_code == 1 and "syntax" in r.stderr.lower()
    assert len(r.stderr.strip().splitlines()) == 1


def test_store_that_is_not_a_store(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    r = kg("stats", "--store", str(f))
    assert r.exit_code == 1 and "not a store" in r.stderr
    d = tmp_path / "dir"
    d.mkdir()
    (d / "notes.txt").write_text("x")
    r = kg("build", "examples", "--store", str(d))
    assert r.exit_code == 1 and "not a store" in r.stderr


def test_unknown_format_is_a_usage_error(built):
    r = kg("export", "--store", str(built), "--format", "xml")
    assert r.exit_code == 2 and "xml" in r.stderr


# --- end to end and interruption --------------------------------------------------------------

def run_kg(*args, **kw):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, **kw)


def test_end_to_end_in_a_subprocess(tmp_path, examples_dir):
    store = str(tmp_path / "store")
    r = run_kg("build", str(examples_dir), "--store", store)
    assert r.returncode == 0, r.stderr
    assert "stored: 3" in r.stdout
    r = run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a kg:Lawsuit } }",
               "--store", store, "--format", "csv")
    assert r.returncode == 0 and int(r.stdout.splitlines()[1]) >= 1


def test_killed_build_leaves_whole_articles_and_rerun_completes(tmp_path):
    src = tmp_path / "corpus.jsonl"
    lines = []
    for i in range(300):
        text = f"{2000 + i % 20}年3月{1 + i % 28}日，腾讯起诉字节跳动不正当竞争，索赔{i + 1}00万元。" * 5
        lines.append(json.dumps({"id": f"art-{i:04d}", "title": f"t{i}", "date": "2021-01-01",
                                 "source": "s", "text": text}, ensure_ascii=False))
    src.write_text("\n".join(lines), encoding="utf-8")
    store = str(tmp_path / "store")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(src), "--store", store],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with open_store(store, read_only=True) as st:
                if len(st.article_hashes()) >= 20:
                    break
        except Exception:
            continue
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with open_store(store) as st:
        stored = st.article_hashes()
        for iri in stored:
            res = st.query_json(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
            assert res["boolean"], f"{iri} has metadata but no graph"
        graphs = [g for g in st.named_graphs() if "/article/" in g]
        assert set(graphs) <= set(stored)
    r = run_kg("build", str(src), "--store", store)
    assert r.returncode == 0, r.stderr
    with open_store(store, read_only=True) as st:
        assert len(st.article_hashes()) == 300
