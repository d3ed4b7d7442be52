"""`kg stats`: the publication range is over dated articles, and undated ones are counted."""
from __future__ import annotations

import hashlib

from click.testing import CliRunner

from kg.cli import cli
from kg.model import Article, Entity, Extraction
from kg.rdf import article_nt
from kg.store import open_store


def _store(path, dates):
    def art(i, date):
        text = f"第{i}篇"
        return Extraction(Article(id=f"a{i}", title=f"标题{i}", date=date, source="s", text=text,
                                  sha256=hashlib.sha256(text.encode()).hexdigest()),
                          [Entity("腾讯", "Company")])
    st = open_store(str(path))
    st.replace_articles([article_nt(art(i, d), "2026-01-01T00:00:00Z")
                         for i, d in enumerate(dates)])
    st.close()
    return str(path)


def _stats(loc) -> str:
    r = CliRunner().invoke(cli, ["stats", "--store", loc])
    assert r.exit_code == 0, r.output
    return r.output


def test_one_undated_article_keeps_the_range(tmp_path):
    loc = _store(tmp_path / "s", ["2021-05-06", None, "2020-01-02"])
    out = _stats(loc)
    assert "articles: 3 (published 2020-01-02 .. 2021-05-06; 1 undated)" in out
    assert "?" not in out.split("articles:")[1].splitlines()[0]


def test_all_dated_and_none_dated(tmp_path):
    assert "articles: 2 (published 2020-01-02 .. 2020-03-04)\n" in _stats(
        _store(tmp_path / "a", ["2020-03-04", "2020-01-02"]))
    assert "articles: 2 (no publication dates)" in _stats(_store(tmp_path / "b", [None, None]))
