"""The public Python API (kg.open/build/extract/query/rivals/timeline/lawsuits) and the README's
"Use from Python" section, run as written against a store built from examples/."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import kg
from kg import PartialDate, Result

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = ["open", "build", "extract", "query", "rivals", "timeline", "lawsuits"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    loc = str(tmp_path_factory.mktemp("api") / "store")
    with kg.open(loc) as st:
        report = kg.build([ROOT / "examples"], st, workers=1)
    assert report.stored == 3
    return loc


def test_public_names_are_exported_and_documented():
    for name in PUBLIC + ["Result", "PartialDate", "make_article"]:
        assert name in kg.__all__
        obj = getattr(kg, name)
        assert callable(obj) and (obj.__doc__ or "").strip(), name
    # kg.query and kg.extract stay the submodules too, and stay callable once imported
    import importlib
    importlib.import_module("kg.extract")
    importlib.import_module("kg.query")
    from kg.query import run
    assert callable(kg.query) and callable(kg.extract) and kg.query.run is run
    assert "SPARQL" in kg.query.__call__.__doc__


def test_partial_dates():
    y, ym = PartialDate(2011), PartialDate(2012, 7)
    assert str(y) == "2011" and str(ym) == "2012-07" and ym.latest == dt.date(2012, 7, 31)
    assert y.earliest == dt.date(2011, 1, 1) and PartialDate(2012, 12).latest == dt.date(2012, 12, 31)
    assert sorted([dt.date(2012, 7, 1), ym, y, dt.date(2010, 5, 5)]) == \
        [dt.date(2010, 5, 5), y, ym, dt.date(2012, 7, 1)]
    assert PartialDate(2011) == PartialDate(2011) and len({y, PartialDate(2011)}) == 1
    with pytest.raises(ValueError):
        PartialDate(2011, 13)


def test_sparql_values_are_typed_by_datatype():
    raw = {"head": {"vars": ["n", "d", "x", "y", "ym", "b", "s", "date", "when"]},
           "results": {"bindings": [{
               "n": {"type": "literal", "value": "3",
                     "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
               "d": {"type": "literal", "value": "1.5E8",
                     "datatype": "http://www.w3.org/2001/XMLSchema#double"},
               "x": {"type": "literal", "value": "150000000.5",
                     "datatype": "http://www.w3.org/2001/XMLSchema#decimal"},
               "y": {"type": "literal", "value": "2011",
                     "datatype": "http://www.w3.org/2001/XMLSchema#gYear"},
               "ym": {"type": "literal", "value": "2012-07",
                      "datatype": "http://www.w3.org/2001/XMLSchema#gYearMonth"},
               "b": {"type": "literal", "value": "true",
                     "datatype": "http://www.w3.org/2001/XMLSchema#boolean"},
               "s": {"type": "literal", "value": "2011"},          # a plain string stays one
               "date": {"type": "literal", "value": "2014-12"},    # …unless a date column
               "when": {"type": "literal", "value": "2014-12-19T08:00:00Z",
                        "datatype": "http://www.w3.org/2001/XMLSchema#dateTime"}}]}}
    [row] = Result.from_sparql_json(raw)
    assert row["n"] == 3 and isinstance(row["n"], int)
    assert row["d"] == 1.5e8 and isinstance(row["d"], float)
    assert row["x"] == Decimal("150000000.5")
    assert row["y"] == PartialDate(2011) and row["ym"] == PartialDate(2012, 7)
    assert row["b"] is True and row["s"] == "2011" and row["date"] == PartialDate(2014, 12)
    assert row["when"] == dt.datetime(2014, 12, 19, 8, tzinfo=dt.timezone.utc)


def test_table_columns_typed_by_kind_including_new_ones():
    from kg.analytics import Table
    t = Table(["rival", "hostile", "latest", "first_date", "claimed", "note"],
              [["甲", 3, "2021-02", "2020-01-05", "1,000,000 CNY", "2011"],
               ["乙", 1, None, None, None, "x"]])
    r = Result.from_table(t)
    assert r.columns == ["rival", "hostile", "latest", "first_date", "claimed",
                         "claimed_currency", "note"]
    assert r[0] == {"rival": "甲", "hostile": 3, "latest": PartialDate(2021, 2),
                    "first_date": dt.date(2020, 1, 5), "claimed": Decimal(1000000),
                    "claimed_currency": "CNY", "note": "2011"}
    assert r[1]["latest"] is None and r[1]["claimed"] is None


def test_questions_on_a_built_store(built):
    with kg.open(built, read_only=True) as st:
        rivals = kg.rivals(st, "腾讯")
        assert len(rivals) == 1 and rivals[0]["rival"] == "奇虎360"
        assert isinstance(rivals[0]["hostile"], int) and rivals[0]["latest"] == PartialDate(2011)
        suits = kg.lawsuits(st)
        assert {type(v) for v in suits.column("claimed")} == {Decimal}
        assert PartialDate(2012, 7) in suits.column("date")
        tl = kg.timeline(st, "Tencent")                  # any alias
        assert tl.columns[:4] == ["date", "type", "role", "counterpart"]
        assert all(isinstance(c, float) for c in tl.column("confidence"))
        rows = kg.query(st, "between", since=dt.date(2013, 1, 1), until="2015-12-31")
        # (the first: 广东高院's ruling of 2013-03-28 on 奇虎360 v 腾讯, a court of the case ruling in a
        # sentence that names no party it knows: zh.rules.case_parties)
        assert rows[0]["date"] == dt.date(2013, 3, 28) and rows[0]["type"] == "rules"
        assert list(kg.query(st, "ASK { ?s ?p ?o }")) == [{"result": True}]
        with pytest.raises(kg.QueryError):
            kg.rivals(st, "没有这家公司")
    # a location works as well as an open store
    assert kg.rivals(built, "腾讯") == rivals


def test_pandas_takes_results(built):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(kg.rivals(built, "腾讯"))
    assert pd.api.types.is_integer_dtype(df["hostile"]) and df.loc[0, "hostile"] == 5
    suits = kg.lawsuits(built)
    assert list(pd.DataFrame(suits).columns) == suits.columns
    empty = kg.lawsuits(built, "Uber").to_pandas()
    assert empty.empty and list(empty.columns) == suits.columns


def test_extract_from_a_string():
    ex = kg.extract("2021年2月2日，字节跳动起诉腾讯垄断，索赔9000万元。", date="2021-02-03")
    assert {(e.name, e.type) for e in ex.entities} == {("字节跳动", "Company"), ("腾讯", "Company")}
    assert [(r.type, r.subject, r.object, r.date) for r in ex.relations] == \
        [("sues", "字节跳动", "腾讯", "2021-02-02")]
    assert ex.article.date == "2021-02-03" and ex.article.lang == "zh"
    en = kg.extract("Epic Games sued Apple in August 2020 over its App Store fees.",
                    date=dt.date(2021, 9, 13), title="Epic v Apple")
    assert en.article.lang == "en" and ("sues", "2020-08") in {(r.type, r.date) for r in en.relations}
    with pytest.raises(ValueError):
        kg.extract("文本", date="not a date")


def test_build_in_memory_articles(tmp_path):
    with kg.open(tmp_path / "s") as st:
        arts = [{"id": "m1", "title": "字节跳动起诉腾讯", "date": "2021-02-03",
                 "text": "2021年2月2日，字节跳动起诉腾讯垄断，索赔9000万元。"},
                kg.Article(id="m2", title="", date=None, source="memo",
                           text="百度起诉了搜狗。")]
        r = kg.build(arts, st, workers=1)
        assert (r.stored, r.unchanged) == (2, 0)
        assert kg.build(arts, st, workers=1).unchanged == 2      # hashed like files
        ids = {row["id"] for row in kg.query(st, "articles")}
        assert ids == {"m1", "m2"}


def _python_blocks(markdown: str, section: str) -> list[str]:
    start = markdown.index(f"## {section}")
    end = markdown.find("\n## ", start + 1)
    body = markdown[start:end if end > 0 else None]
    return re.findall(r"```python\n(.*?)```", body, re.S)


def test_readme_use_from_python_runs(tmp_path, monkeypatch):
    pytest.importorskip("pandas")
    blocks = _python_blocks((ROOT / "README.md").read_text(encoding="utf-8"), "Use from Python")
    assert len(blocks) >= 3
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    ns: dict = {}
    for code in blocks:
        exec(compile(code, "README.md", "exec"), ns)        # noqa: S102 - our own README
    assert os.path.isdir(tmp_path / "output" / "store")


# ---------------------------------------------------------------- the CLI tables on the API

def _cli(args, **env):
    from click.testing import CliRunner
    from kg.cli import cli
    return CliRunner().invoke(cli, args, catch_exceptions=False, env=env or None)


@pytest.mark.parametrize("cmd", [["lawsuits"], ["timeline", "腾讯"], ["rivals", "腾讯"]])
def test_tables_one_line_per_row_cut_to_the_terminal(built, monkeypatch, cmd):
    from rich.cells import cell_len
    import kg.cli_analytics as ca
    monkeypatch.setattr(ca, "terminal_width", lambda: 100)
    full = _cli(cmd + ["--store", built, "--format", "json"])
    rows = __import__("json").loads(full.output)
    r = _cli(cmd + ["--store", built])
    lines = r.output.rstrip("\n").split("\n")
    assert r.exit_code == 0 and len(lines) == len(rows) + 1          # a row is a line
    assert all(cell_len(line) <= 100 for line in lines)
    wide = _cli(cmd + ["--store", built, "--wide"]).output.rstrip("\n").split("\n")
    assert len(wide) == len(rows) + 1
    if "evidence" in rows[0]:
        assert "…" in r.output and "…" not in "\n".join(wide)
        assert all(row["evidence"] in "\n".join(wide) for row in rows)
        csv_out = _cli(cmd + ["--store", built, "--format", "csv"]).output
        assert all(row["evidence"] in csv_out for row in rows)


def test_table_never_cuts_numbers_or_dates(built):
    from kg.cli_analytics import format_table
    out = format_table(kg.lawsuits(built), "table", width=60)
    assert "150,000,000 CNY" in out and "2012-07" in out
    assert format_table(kg.lawsuits(built), "json").count('"claimed": 150000000') == 2
    assert "outcome" not in out.splitlines()[0]          # empty in every row: left out on screen
