"""Stock codes written in brackets after a listed name (`ontology/lexicon/tickers.tsv`).

`ticker_pattern()` is one compiled pattern built from the table's shapes: an opening bracket, at most
one lead word (股票代码：), one code shape (000786.SZ, 03931.HK, UBER.N, NYSE:V), then a closing
bracket or a comma; a bracket holding only a `not` shape (a year, （2018）) is none.
"""
from __future__ import annotations

import functools
import re

from kg.lexicon import load_table


@functools.lru_cache(maxsize=4)
def ticker_pattern(d: str | None = None) -> re.Pattern:
    rows = load_table("tickers.tsv", d)
    kinds: dict[str, list[str]] = {"lead": [], "code": [], "not": []}
    for r in rows:
        if r.get("shape") and r.get("kind") in kinds:
            kinds[r["kind"]].append(r["shape"])
    lead = "|".join(f"(?:{s})" for s in kinds["lead"])
    code = "|".join(f"(?:{s})" for s in kinds["code"]) or r"(?!)"
    close = r"[),，）]"
    never = "|".join(f"(?:{s})" for s in kinds["not"])
    skip = rf"(?!(?:{never}){close})" if never else ""
    return re.compile(rf"[(（](?:{lead})?{skip}(?:{code}){close}" if lead else rf"[(（]{skip}(?:{code}){close}")
