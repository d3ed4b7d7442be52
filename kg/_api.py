"""The public Python API (re-exported by `kg/__init__.py`): open, build, extract, query, and the
ready-made questions, returning `Result`s of typed Python values.

A `Result` iterates as one dict per row, with values converted from what the store says they
are: SPARQL datatypes (`xsd:integer` -> int, `xsd:decimal` -> Decimal, `xsd:double` -> float,
`xsd:date` -> `datetime.date`, `xsd:gYear`/`xsd:gYearMonth` -> `PartialDate`, `xsd:boolean` ->
bool, `xsd:dateTime` -> `datetime.datetime`) and, for the analytics tables, the column's kind
(a date column's "2011" becomes `PartialDate(2011)`, a claim "150,000,000 CNY" an amount and a
currency).  `pandas.DataFrame(result)` takes a result directly; pandas is not required.
"""
from __future__ import annotations

import datetime as _dt
import functools
import os
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Iterator

__all__ = ["PartialDate", "Result", "open", "build", "extract", "query", "rivals", "timeline",
           "lawsuits"]

XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_FULL_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_AMOUNT_RE = re.compile(r"^(-?\d{1,3}(?:,\d{3})*(?:\.\d+)?|-?\d+(?:\.\d+)?)\s+([A-Z]{3})$")
#: Column names (or their last `_`-part) that hold dates in the analytics tables and queries.
#: Column names (or their last `_`-part) that hold amounts of money.
_AMOUNT_WORDS = {"claimed", "awarded", "amount", "fine", "fined", "damages"}
_DATE_WORDS = {"date", "day", "latest", "earliest", "reported", "published", "filed", "ruled",
               "since", "until", "asof", "first", "last", "start", "end", "from", "to"}


# ------------------------------------------------------------------------------ partial dates

@functools.total_ordering
class PartialDate:
    """A date known to the year (`PartialDate(2011)`) or to the month (`PartialDate(2012, 7)`).

    `str()` gives the ISO form ("2011", "2012-07"); `earliest`/`latest` the first and last day it
    may be.  It orders with other partial dates and with `datetime.date` by its earliest day (a
    year before a day in it), so a mixed date column sorts.
    """
    __slots__ = ("year", "month")

    def __init__(self, year: int, month: int | None = None):
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month must be in 1..12, not {month}")
        self.year, self.month = int(year), (int(month) if month is not None else None)

    @property
    def earliest(self) -> _dt.date:
        """The first day this date may be."""
        return _dt.date(self.year, self.month or 1, 1)

    @property
    def latest(self) -> _dt.date:
        """The last day this date may be."""
        if self.month is None:
            return _dt.date(self.year, 12, 31)
        nxt = _dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
        return nxt - _dt.timedelta(days=1)

    def isoformat(self) -> str:
        """"YYYY" or "YYYY-MM"."""
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return (f"PartialDate({self.year})" if self.month is None
                else f"PartialDate({self.year}, {self.month})")

    def _key(self):
        return (self.earliest, 0 if self.month is None else 1)

    def __eq__(self, other):
        if isinstance(other, PartialDate):
            return (self.year, self.month) == (other.year, other.month)
        return NotImplemented

    def __hash__(self):
        return hash((PartialDate, self.year, self.month))

    def __lt__(self, other):
        if isinstance(other, PartialDate):
            return self._key() < other._key()
        if isinstance(other, _dt.date) and not isinstance(other, _dt.datetime):
            return self._key() < (other, 2)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, _dt.date) and not isinstance(other, _dt.datetime):
            return self._key() > (other, 2)
        if isinstance(other, PartialDate):
            return self._key() > other._key()
        return NotImplemented


def parse_iso_date(text: str) -> _dt.date | PartialDate | None:
    """"2021-02-03" -> date, "2021-02" / "2021" -> PartialDate; None when not such a date."""
    m = _DATE_RE.match(text.strip()) if isinstance(text, str) else None
    if not m:
        return None
    y, mo, d = m.groups()
    try:
        if d:
            return _dt.date(int(y), int(mo), int(d))
        return PartialDate(int(y), int(mo) if mo else None)
    except ValueError:
        return None


# ------------------------------------------------------------------------------ conversion

def _xsd_value(value: str, datatype: str):
    """A typed literal's lexical form as a Python value (the form itself when unknown)."""
    if not datatype.startswith(XSD):
        return value
    t = datatype[len(XSD):]
    try:
        if t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                 "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedLong",
                 "unsignedInt", "unsignedShort", "unsignedByte"):
            return int(value)
        if t == "decimal":
            return Decimal(value)
        if t in ("double", "float"):
            return float(value)
        if t == "boolean":
            return value.strip() in ("true", "1")
        if t == "date":
            return _dt.date.fromisoformat(value[:10])
        if t == "gYear":
            return PartialDate(int(value[:4]) if value[:1] != "-" else int(value[:5]))
        if t == "gYearMonth":
            return PartialDate(int(value[:4]), int(value[5:7]))
        if t == "dateTime":
            return _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, InvalidOperation):
        return value
    return value


def _binding_value(b: dict | None):
    if b is None:
        return None
    if b.get("type") == "literal" or b.get("type") == "typed-literal":
        dt = b.get("datatype")
        if dt:
            return _xsd_value(b["value"], dt)
    return b["value"]


def _is_date_column(name: str) -> bool:
    n = name.lower()
    return n in _DATE_WORDS or n.rsplit("_", 1)[-1] in _DATE_WORDS or n.endswith("date")


def _type_columns(columns: list[str], rows: list[list]) -> tuple[list[str], list[list]]:
    """Give string cells their kind, column by column: dates in date columns (or a column of
    nothing but YYYY-MM-DD) become date/PartialDate; a column of amounts "1,000 CNY" becomes a
    Decimal column plus a `<name>_currency` column.  Anything else is left as it is."""
    columns, rows = list(columns), [list(r) for r in rows]
    i = 0
    while i < len(columns):
        strings = [r[i] for r in rows if isinstance(r[i], str) and r[i] != ""]
        others = [r[i] for r in rows if r[i] is not None and not isinstance(r[i], str)]
        if strings and not others:
            if ((_is_date_column(columns[i]) and all(_DATE_RE.match(s) for s in strings))
                    or all(_FULL_DATE_RE.match(s) for s in strings)):
                parsed = {s: parse_iso_date(s) for s in set(strings)}
                if all(v is not None for v in parsed.values()):
                    for r in rows:
                        r[i] = parsed.get(r[i]) if r[i] else None
            elif all(_AMOUNT_RE.match(s) for s in strings):
                _split_amounts(columns, rows, i)
                i += 1
        elif not strings and not others and _is_amount_column(columns[i]) and not (
                {f"{columns[i]}_currency", "currency"} & set(columns)):
            _split_amounts(columns, rows, i)        # no rows: the same columns as with rows
            i += 1
        i += 1
    return columns, rows


def _is_amount_column(name: str) -> bool:
    n = name.lower()
    return n in _AMOUNT_WORDS or n.rsplit("_", 1)[-1] in _AMOUNT_WORDS


def _split_amounts(columns: list[str], rows: list[list], i: int) -> None:
    """Column i of "1,000 CNY" strings -> a Decimal column and a `<name>_currency` column."""
    for r in rows:
        m = _AMOUNT_RE.match(r[i]) if isinstance(r[i], str) else None
        amount = Decimal(m.group(1).replace(",", "")) if m else None
        r[i:i + 1] = [amount, m.group(2) if m else None]
    columns.insert(i + 1, f"{columns[i]}_currency")


# ------------------------------------------------------------------------------ results

class Result(Sequence):
    """Rows of a query or table: iterates as one dict per row (column -> typed Python value).

    `columns` lists the column names in order; `rows` gives plain tuples; `len()` and indexing
    work like a list of dicts, so `pandas.DataFrame(result)` builds a frame directly (or call
    `result.to_pandas()`, which keeps the columns even when there are no rows).
    """

    def __init__(self, columns: Iterable[str], rows: Iterable[Iterable[Any]]):
        self.columns: list[str] = list(columns)
        self.rows: list[tuple] = [tuple(r) for r in rows]

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Result(self.columns, self.rows[i])
        return dict(zip(self.columns, self.rows[i]))

    def __iter__(self) -> Iterator[dict]:
        cols = self.columns
        for r in self.rows:
            yield dict(zip(cols, r))

    def __eq__(self, other):
        if isinstance(other, Result):
            return self.columns == other.columns and self.rows == other.rows
        return NotImplemented

    def __repr__(self) -> str:
        return f"Result(columns={self.columns!r}, rows={len(self.rows)})"

    def column(self, name: str) -> list:
        """The values of one column, in row order."""
        i = self.columns.index(name)
        return [r[i] for r in self.rows]

    def to_pandas(self):
        """A pandas DataFrame with these columns (needs pandas installed)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("Result.to_pandas() needs pandas: pip install pandas") from None
        return pandas.DataFrame([list(r) for r in self.rows], columns=self.columns)

    @classmethod
    def from_sparql_json(cls, result: dict) -> "Result":
        """From SPARQL 1.1 JSON results: values typed by their datatypes (plain strings in a
        date-named column read as dates); an ASK answer is one row with `result`."""
        if "boolean" in result:
            return cls(["result"], [[bool(result["boolean"])]])
        names = result.get("head", {}).get("vars", [])
        rows = [[_binding_value(b.get(v)) for v in names]
                for b in result.get("results", {}).get("bindings", [])]
        # untyped literals only: a typed value is already what its datatype says
        plain = [[r[i] if isinstance(r[i], str) else None for i in range(len(names))]
                 for r in rows]
        cols, typed = _type_columns(names, plain)
        if cols != names:                      # no amount splitting for SPARQL: keep the shape
            cols, typed = names, plain
        for r, t in zip(rows, typed):
            for i in range(len(names)):
                if isinstance(r[i], str) and not isinstance(t[i], str):
                    r[i] = t[i]
        return cls(names, rows)

    @classmethod
    def from_table(cls, table) -> "Result":
        """From a `kg.analytics.Table`, typed by column kind."""
        cols, rows = _type_columns(table.headers, table.rows)
        return cls(cols, rows)


# ------------------------------------------------------------------------------ stores

def open(location: str | os.PathLike | None = None, read_only: bool = False,  # noqa: A001
         **remote_options):
    """Open a store: a directory (the embedded Oxigraph store, created when missing) or the URL
    of a SPARQL 1.1 query endpoint.  None means `$KG_STORE`, else `output/store`.

    The store is a context manager (`with kg.open(DIR) as store: ...`); close it when done, since
    an embedded store admits one writer at a time.  `read_only=True` opens a snapshot beside a
    running writer.  For a server, `update_url=` names its SPARQL Update endpoint when it is not
    the usual one (as `--update-url` does).
    """
    from kg.store import open_store
    return open_store(os.fspath(location) if location is not None else None,
                      read_only=read_only, **remote_options)


class _Opened:
    """A store given as a location is opened for the call and closed after it."""

    def __init__(self, store, read_only: bool):
        self.store, self.read_only, self.own = store, read_only, None

    def __enter__(self):
        if isinstance(self.store, (str, os.PathLike)):
            self.own = open(self.store, read_only=self.read_only)
            return self.own
        if self.store is None:
            raise TypeError("a store is needed: kg.open(location) or a location")
        return self.store

    def __exit__(self, *exc):
        if self.own is not None:
            self.own.close()


# ------------------------------------------------------------------------------ build / extract

def build(sources, store, workers: int | None = None, force: bool = False, strict: bool = False,
          on_article=None):
    """Read, extract and store articles; returns a `kg.pipeline.BuildSummary` (counts of
    articles read, stored, unchanged and skipped, entities, relations, lawsuits, and `skipped`:
    each unreadable input with its reason).

    `sources`: one or a list of file or directory paths, http(s) URLs (a web page, an RSS/Atom
    feed, read with trafilatura and feedparser), text files listing URLs, and in-memory
    articles (`kg.Article`, or a dict with `text` and optionally `id`, `title`, `date`, `source`).
    `store`: from `kg.open`, or a location.  Unchanged articles (same sha256) are skipped unless
    `force`.  `workers`: extraction processes (None: one per core; 1: in this process).
    `on_article(item, status)` is called per article in input order ("stored", "unchanged",
    "skipped").  Raises `kg.KGError` when nothing could be read.
    """
    from kg.pipeline import build as run_build
    if isinstance(sources, (str, os.PathLike, dict)) or _is_article(sources):
        sources = [sources]
    items = [_coerce_source(s, i) for i, s in enumerate(sources)]
    with _Opened(store, read_only=False) as st:
        return run_build(items, st, strict=strict, force=force, workers=workers,
                         on_article=on_article)


def _is_article(x) -> bool:
    from kg.model import Article
    return isinstance(x, Article)


def _coerce_source(s, index: int):
    if isinstance(s, dict):
        return _article_from_dict(s, index)
    if _is_article(s):
        if not s.sha256:                 # hand-made: give it the hash the readers would
            return make_article(s.text, id=s.id, title=s.title, date=s.date, source=s.source,
                                lang=s.lang if s.lang in ("zh", "en") else None, path=s.path)
        return s
    if isinstance(s, os.PathLike):
        return os.fspath(s)
    if isinstance(s, str):
        return s
    raise TypeError(f"a source is a path, a URL, a kg.Article or a dict, not {type(s).__name__}")


def _article_from_dict(d: dict, index: int):
    text = d.get("text") or d.get("content") or d.get("body")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"article #{index + 1}: no 'text'")
    return make_article(text, id=d.get("id"), title=d.get("title"), date=d.get("date"),
                        source=d.get("source") or d.get("url"), lang=d.get("lang"))


def make_article(text: str, id: str | None = None, title: str | None = None,  # noqa: A002
                 date=None, source: str | None = None, lang: str | None = None,
                 path: str = ""):
    """An `Article` from a string, as the file readers would make it (text normalised, date
    read from any common form, language detected unless `lang` is given, sha256 set).  Without
    an `id`, one is made from the text's hash, so the same text is the same article."""
    import dataclasses
    import hashlib

    from kg.ingest.common import _make_article, _Skip, _tidy_lines, normalize_text
    from kg.ingest.dates import parse_date
    from kg.errors import InputError
    if isinstance(date, PartialDate):
        date = date.earliest
    if isinstance(date, (_dt.date, _dt.datetime)):
        date = date.isoformat()[:10]
    elif date is not None:
        parsed = parse_date(str(date))
        if parsed is None:
            raise ValueError(f"cannot read date {date!r}")
        date = parsed
    body = _tidy_lines(normalize_text(text))
    aid = str(id) if id not in (None, "") else (
        "text-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:12])
    try:
        art = _make_article(aid, title or "", date, source or "", body, path)
    except _Skip as s:
        raise InputError(aid, s.reason) from None
    if lang is not None:
        if lang not in ("zh", "en"):
            raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
        art = dataclasses.replace(art, lang=lang)
    return art


def extract(text: str, date=None, lang: str | None = None, title: str | None = None):
    """Extract one article given as a string; returns a `kg.Extraction` with `entities`,
    `relations` and `lawsuits` (each with its evidence sentence and offsets into `text`).

    `date`: the publication date ("2021-02-03", a `datetime.date`), against which relative
    dates in the text (今年, last March) are read; without it such dates stay unknown.  `lang`:
    "zh" or "en" (detected when None).  `title`: the headline, read too (a fact only the
    headline states is kept, undated).
    """
    from kg.extract import extract as run_extract
    return run_extract(make_article(text, title=title, date=date, lang=lang))


# ------------------------------------------------------------------------------ questions

def query(store, sparql_or_name: str, timeout: float | None = None, **params) -> Result:
    """Run SPARQL on a store: the query text, a .rq file, or a named query (`kg queries`:
    articles, between, entities, known-as-of, lawsuits, relations, rivals, timeline).

    `params` bind `?name` variables to literal values (`name="腾讯"`, `since=date(2013, 1, 1)`),
    escaped, never pasted into the text.  The project's prefixes are added when used.
    Returns a `Result` of typed values; `timeout` in seconds raises `kg.QueryError`.
    """
    from kg import query as q
    bound = {k: _param(v) for k, v in params.items()}
    with _Opened(store, read_only=True) as st:
        sparql = q.bind(q.with_prefixes(q.load_query(sparql_or_name)), **bound)
        if timeout and not str(getattr(st, "location", "")).startswith(("http://", "https://")):
            raw = q._embedded_with_timeout(st, sparql, timeout)
        else:
            raw = st.query_json(sparql, timeout=timeout)
    if "graph" in raw or "results" not in raw and "boolean" not in raw:
        from kg.errors import QueryError
        raise QueryError("kg.query returns SELECT and ASK results; use store.export() for graphs")
    return Result.from_sparql_json(raw)


def _param(v):
    if v is None:
        return None
    if isinstance(v, (_dt.date, PartialDate)):
        return v.isoformat()
    return str(v)


def rivals(store, name: str, *, offset: int = 0, limit: int | None = None) -> Result:
    """Who `name` (any alias) fights, most hostile facts first, then most recent: one row per
    rival with `rival`, `hostile` (count), `latest` (date), `types`, `initiated`, `received`
    and the rival's entity `type`.  Raises `kg.QueryError` for an unknown name."""
    from kg import analytics
    with _Opened(store, read_only=True) as st:
        return Result.from_table(analytics.rivals(st, name, offset=offset, limit=limit))


def timeline(store, name: str, *, offset: int = 0, limit: int | None = None) -> Result:
    """Chronological facts about `name`: one row per fact and telling, with `date` (a date, a
    `PartialDate` or None), `type`, `role`, `counterpart`, `evidence`, `article`, `source` and
    `confidence`."""
    from kg import analytics
    with _Opened(store, read_only=True) as st:
        return Result.from_table(analytics.timeline(st, name, offset=offset, limit=limit))


def lawsuits(store, name: str | None = None, *, offset: int = 0, limit: int | None = None) -> Result:
    """Lawsuits in filing order (all, or those with `name` as a party or court): `date`,
    `plaintiffs`, `defendants`, `court`, `cause`, `cases`, `claimed` (a Decimal) with
    `claimed_currency`, `outcome`, `case`, `evidence` and `article`."""
    from kg import analytics
    with _Opened(store, read_only=True) as st:
        return Result.from_table(analytics.lawsuits(st, name, offset=offset, limit=limit))
