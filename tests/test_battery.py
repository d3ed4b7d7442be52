"""Bad input, table-driven, through the real `kg` command: a clear one-line message naming the
file (and line) and the problem, or a correct result; never a traceback, never a damaged store.

Every case starts from a store that already holds one good article, so "store unchanged" is a
real check.  Add a row when a user reports a new way to break the tool.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOOD = "---\ntitle: 好文章\ndate: 2021-05-01\n---\n2021年3月，腾讯起诉字节跳动不正当竞争。\n"
ZH = "2020年5月，腾讯起诉字节跳动不正当竞争，索赔9000万元。"
ZH_HANT = "2020年5月，台積電起訴中芯國際侵害營業秘密。"


def kg(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hello" * 100)
    return buf.getvalue()


@dataclass
class Case:
    name: str
    files: dict[str, bytes | Callable[[Path], None]]
    exit: int                       # expected exit status of `kg build`
    stderr: tuple[str, ...] = ()    # every fragment must appear in stderr
    stored: int = 0                 # articles the build adds
    stdout: tuple[str, ...] = field(default=())


CASES = [
    Case("empty file", {"empty.md": b""}, 1, ("empty.md", "empty file")),
    Case("whitespace only", {"blank.txt": b"  \n\t\n   "}, 1, ("blank.txt", "empty file")),
    Case("png", {"image.md": png()}, 1, ("image.md", "binary")),
    Case("zip", {"archive.txt": zip_bytes()}, 1, ("archive.txt", "binary")),
    Case("gb18030", {"gbk.txt": ("标题\n" + ZH).encode("gb18030")}, 0, stored=1),
    Case("big5", {"big5.txt": ("標題\n" + ZH_HANT).encode("big5")}, 0, stored=1),
    Case("utf-16 with bom", {"u16.txt": ("标题\n" + ZH).encode("utf-16")}, 0, stored=1),
    Case("latin-1 labelled utf-8",
         {"latin.html": ('<html><head><meta charset="utf-8"><title>Café</title></head><body><p>'
                         'Renée Müller said Nestlé sued Danone in Zürich over the café brand.'
                         '</p></body></html>').encode("latin-1")}, 0, stored=1),
    Case("broken yaml", {"broken.md": b"---\ntitle: [unclosed\n---\nbody"}, 1,
         ("broken.md", "front matter")),
    Case("impossible date", {"feb30.md": ("---\ntitle: t\ndate: 2021-02-30\n---\n" + ZH).encode()},
         0, ("feb30.md", "2021-02-30"), stored=1),
    Case("future date", {"future.md": ("---\ntitle: t\ndate: 2099-01-01\n---\n" + ZH).encode()},
         0, ("future.md", "future"), stored=1),
    Case("html with only scripts",
         {"scripts.html": b"<html><head><script>var a=1;</script></head><body><script>x()</script>"
                          b"<style>p{}</style></body></html>"}, 1, ("scripts.html", "no article text")),
    Case("jsonl with a broken line",
         {"corpus.jsonl": "\n".join([
             json.dumps({"id": "j1", "title": "a", "date": "2021-01-01", "source": "s", "text": ZH},
                        ensure_ascii=False),
             '{"id": "j2", "title": broken',
             json.dumps({"id": "j3", "title": "c", "date": "2021-01-02", "source": "s", "text": ZH},
                        ensure_ascii=False)]).encode()},
         0, ("corpus.jsonl:2", "JSON"), stored=2),
    Case("directory with no articles", {"sub/notes.csv": b"a,b\n1,2\n"}, 1, ("no articles",)),
    Case("symlink loop", {"loop": lambda d: os.symlink(d, d / "loop" / "self") if (d / "loop").mkdir() is None else None},
         1, ()),
    Case("huge article", {"huge.txt": lambda d: (d / "huge.txt").write_bytes(b"a" * (17 * 1024 * 1024))},
         1, ("huge.txt", "too large")),
    Case("5 MB line without newlines", {"line.txt": ("标题\n" + "腾讯起诉字节跳动" * 300_000).encode()},
         1, ("line.txt", "too long")),
]


@pytest.fixture(scope="module")
def base_store(tmp_path_factory):
    d = tmp_path_factory.mktemp("base")
    (d / "good.md").write_text(GOOD, encoding="utf-8")
    store = d / "store"
    r = kg("build", d / "good.md", "--store", store)
    assert r.returncode == 0, r.stderr
    return store


def snapshot(store: Path) -> list[str]:
    """The store's quads, build stamps aside (read in this process: the command under test is the
    build; a reader here is as real as `kg export` and saves a process start per check)."""
    from kg.store import open_store
    with open_store(str(store), read_only=True) as st:
        text = st.export("nquads").decode("utf-8")
    return sorted(l for l in text.splitlines() if "builtAt" not in l)


def count_articles(store: Path) -> int:
    from kg.store import open_store
    with open_store(str(store), read_only=True) as st:
        return len(st.article_hashes())


@pytest.fixture(scope="module")
def base_snapshot(base_store) -> list[str]:
    return snapshot(base_store)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case, base_store, base_snapshot, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(base_store, store)
    before = base_snapshot
    src = tmp_path / "in"
    src.mkdir()
    for name, content in case.files.items():
        target = src / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(src)
        else:
            target.write_bytes(content)
    paths = [src / n for n in case.files] if case.name != "directory with no articles" else [src]
    if case.name == "symlink loop":
        paths = [src]
    r = kg("build", *paths, "--store", store)
    assert "Traceback" not in r.stderr
    assert r.returncode == case.exit, r.stderr
    for fragment in case.stderr:
        assert fragment.lower() in r.stderr.lower(), r.stderr
    if case.exit != 0:
        errors = [l for l in r.stderr.splitlines() if l.startswith("Error:")]
        assert len(errors) == 1, r.stderr
        assert snapshot(store) == before
    assert count_articles(store) == 1 + case.stored


def test_missing_path(tmp_path):
    r = kg("build", tmp_path / "nope.md", "--store", tmp_path / "s")
    assert r.returncode == 1 and r.stderr.strip().splitlines() == [
        f"Error: {tmp_path / 'nope.md'}: no such file or directory"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path):
    f = tmp_path / "secret.md"
    f.write_text(GOOD, encoding="utf-8")
    f.chmod(0)
    r = kg("build", f, "--store", tmp_path / "s")
    assert r.returncode == 1 and "permission denied" in r.stderr


def test_sparql_syntax_error(base_store):
    r = kg("query", "SELECT ?x WHERE { ?x", "--store", base_store)
    assert r.returncode == 1 and r.stderr.startswith("Error: SPARQL syntax error")
    assert len(r.stderr.strip().splitlines()) == 1


def test_query_timeout(base_store):
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    r = kg("query", heavy, "--store", base_store, "--timeout", "1")
    assert r.returncode == 1 and "timed out after 1 s" in r.stderr


def test_store_directory_that_is_not_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    r = kg("stats", "--store", tmp_path)
    assert r.returncode == 1 and "not a store" in r.stderr and str(tmp_path) in r.stderr


def test_store_url_that_refuses_connections():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = kg("query", "articles", "--store", f"http://127.0.0.1:{port}/query")
    assert r.returncode == 1
    assert "cannot reach" in r.stderr and str(port) in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_read_only_output_directory(base_store, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = kg("export", "--store", base_store, "-o", blocker / "out.trig")
    assert r.returncode == 1 and "out.trig" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_strict_build_writes_nothing(base_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(base_store, store)
    before = snapshot(store)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.md").write_text(GOOD.replace("好文章", "另一篇"), encoding="utf-8")
    (src / "b.md").write_bytes(b"---\ntitle: [x\n---\n")
    r = kg("build", src, "--store", store, "--strict")
    assert r.returncode == 1 and "b.md" in r.stderr
    assert snapshot(store) == before


def test_output_never_follows_a_symlink(base_store, tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("precious")
    link = tmp_path / "out.trig"
    link.symlink_to(elsewhere)
    r = kg("export", "--store", base_store, "-o", link)
    assert r.returncode == 1 and "symlink" in r.stderr
    assert elsewhere.read_text() == "precious"


@pytest.fixture
def tiny_fs(tmp_path):
    """A 1.5 MB tmpfs: a real full disk. Needs root (CI runs as root); skipped otherwise."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1500k", "tmpfs", str(mnt)],
                       capture_output=True)
    if r.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_disk_full_is_one_line_and_leaves_whole_articles(tiny_fs, tmp_path):
    src = tmp_path / "full.jsonl"
    src.write_text("\n".join(json.dumps({
        "id": f"art-{i:04d}", "title": f"t{i}", "date": "2021-01-01", "source": "s",
        "text": f"{2000 + i % 20}年3月{1 + i % 28}日，腾讯起诉字节跳动第{i}号不正当竞争。" * 20},
        ensure_ascii=False) for i in range(400)), encoding="utf-8")
    store = tiny_fs / "store"
    r = kg("build", src, "--store", store)
    assert r.returncode == 1
    assert "No space left on device" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    stored = count_articles(store)
    assert 0 < stored < 400
    r = kg("query", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a kg:mentions ?e } }",
           "--store", store, "--format", "csv")
    assert int(r.stdout.splitlines()[1]) == stored      # every stored article is whole
    assert kg("validate", "--store", store).returncode == 0


def test_viz_output_never_follows_a_symlink_and_reports_unwritable_paths(base_store, tmp_path):
    elsewhere = tmp_path / "elsewhere.html"
    elsewhere.write_text("precious")
    link = tmp_path / "graph.html"
    link.symlink_to(elsewhere)
    r = kg("viz", "--store", base_store, "-o", link)
    assert r.returncode == 1 and "symlink" in r.stderr and elsewhere.read_text() == "precious"
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = kg("viz", "--store", base_store, "-o", blocker / "graph.html")
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1


def test_closed_pipe_ends_quietly(base_store):
    """`kg export | head -1`: the reader leaves early; no 'Error: Broken pipe', no traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "export", "--store", str(base_store),
                             "--format", "nquads"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()                 # gone before kg writes a byte: a certain EPIPE
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "Broken pipe" not in err
