"""One entity for one company written in several forms in the same article (issue 11):

- a registered name whose core, after its legal ending, its place and its group words (集团, 控股,
  全球: `group_word` rows in ontology/lexicon/modifiers.tsv) and lines of business (`trade_word`), is
  another entity of the article — 威马汽车科技集团有限公司 is 威马汽车, 滴滴全球股份有限公司 is 滴滴;
- a discovered bare name that another discovered company of the article writes with a weak name
  ending after it (suffixes.tsv: 汽车, 科技, 集团…) — 威马 is 威马汽车 when the article names both and
  no second company of the article shares the bare name;
- a discovered name that another entity of the article writes with its country in front (places.tsv
  `country`) — 司法部 is 美国司法部 when the article names it, and names no second country's 司法部
  (rule `zh.entity.country_less`).

Rule `zh.entity.name_family` (tests/cases/zh.json).  Called by `kg.extract._entities` after its own
merges; every merged name is kept as an alias and `rename` maps it to the surviving entity.
"""
from __future__ import annotations

import functools

from kg.extract.discover_names import LEGAL_ENDINGS
from kg.extract.mentions import CJK
from kg.lexicon import load_table, norm

__all__ = ["merge_name_family"]

_ENDINGS = tuple(sorted(LEGAL_ENDINGS, key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def _weak_endings(lex_id: int, lex) -> tuple[str, ...]:
    return tuple(sorted((s for s, t, _ in lex.suffixes if t == "Company" and not s.isascii()
                         and not s.endswith("公司") and len(s) >= 2), key=len, reverse=True))


def _cores(name: str, strip: tuple[str, ...], places: tuple[str, ...]) -> list[str]:
    """威马汽车科技集团有限公司 -> [威马汽车科技集团, 威马汽车科技, 威马汽车]: the name without its legal
    ending, then without each group or trade word at its end in turn (a core keeps two characters);
    each core also without a place in front (浙江吉利 -> 吉利)."""
    end = next((x for x in _ENDINGS if name.endswith(x)), None)
    if end is None or "（" in name or "(" in name:
        return []
    n = name[:-len(end)]
    out = []
    while len(n) >= 2:
        out.append(n)
        w = next((w for w in strip if n.endswith(w) and len(n) - len(w) >= 2), None)
        if w is None:
            break
        n = n[:-len(w)]
    for c in list(out):
        p = next((p for p in places if c.startswith(p) and len(c) - len(p) >= 2), None)
        if p:
            out.append(c[len(p):])
    return out


def _merge(by_name: dict, rename: dict, name: str, into: str) -> None:
    e, other = by_name[name], by_name[into]
    other.aliases = list(dict.fromkeys(other.aliases + [name] + e.aliases))
    other.mentions = sorted(other.mentions + e.mentions)
    del by_name[name]
    rename[name] = into
    for k, v in list(rename.items()):
        if v == name:
            rename[k] = into


def merge_name_family(by_name: dict, lex, rename: dict, places: tuple[str, ...] = ()) -> None:
    """Fold the forms of one company into one entity, in place (see the module's doc)."""
    orgs = ("Company", "Organization")
    strip = tuple(sorted(lex.words("group_word") | lex.words("trade_word"), key=len, reverse=True))
    # registered names: the first core that is another entity of the article (lexicon or found)
    for name, e in list(by_name.items()):
        if e.source == "lexicon" or e.type != "Company" or name not in by_name:
            continue
        for core in _cores(name, strip, places):
            target = core if core in by_name else None
            if target is None:
                hit = lex.lookup(core)
                target = hit.name if hit is not None and hit.name in by_name else None
            if target and target != name and by_name[target].type in orgs:
                _merge(by_name, rename, name, target)
                break
    # bare names: 威马 with 威马汽车 (both found in the article, the longer one only one way)
    weak = _weak_endings(id(lex), lex)
    found = {n: e for n, e in by_name.items() if e.source != "lexicon" and e.type == "Company"}
    for name, e in list(found.items()):
        if name not in by_name or len(name) < 2 or not all(CJK.match(c) for c in name) or name in lex.generic:
            continue
        longer = [n for n in found if n != name and n in by_name and n.startswith(name)
                  and n[len(name):] in weak]
        if len(longer) == 1:
            _merge(by_name, rename, name, longer[0])
    _merge_country_less(by_name, lex, rename)


@functools.lru_cache(maxsize=1)
def _countries() -> tuple[str, ...]:
    return tuple(sorted((r["word"] for r in load_table("places.tsv") if r.get("kind") == "country" and r.get("word")),
                        key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def _country_rests(lex_id: int, lex) -> dict[str, tuple[str, ...]]:
    """Each lexicon surface key that opens with a country (normalised), read as country + rest: rest ->
    the countries.  A Chinese name N (Han characters only, which normalisation leaves alone) can be
    looked up as country + N only when N is such a rest, so the lookups are made for those countries
    alone (was one lookup per country per name: ~8 % of extraction)."""
    by_norm: dict[str, list[str]] = {}
    for c in _countries():
        by_norm.setdefault(norm(c), []).append(c)
    lengths = sorted({len(k) for k in by_norm if k})
    rests: dict[str, list[str]] = {}
    for key in lex.surfaces:
        for n in lengths:
            if len(key) > n and key[:n] in by_norm:
                rests.setdefault(key[n:], []).extend(by_norm[key[:n]])
    return {k: tuple(v) for k, v in rests.items()}


def _merge_country_less(by_name: dict, lex, rename: dict) -> None:
    """司法部 with 美国司法部: a discovered name (never a lexicon one) that one other entity of the article
    writes with a country in front, of an organisation's type, is that entity."""
    kinds = ("Company", "Organization", "Regulator", "Court")
    countries = _countries()
    rests = _country_rests(id(lex), lex)
    for name, e in list(by_name.items()):
        if name not in by_name or e.source == "lexicon" or e.type not in kinds or len(name) < 2 \
                or not all(CJK.match(c) for c in name) or name in lex.generic or name.startswith(countries):
            continue
        targets = {t for t in by_name if t != name and t.endswith(name) and t[:-len(name)] in countries
                   and by_name[t].type in kinds}
        for c in rests.get(name, ()):
            hit = lex.lookup(c + name)
            if hit is not None and hit.name in by_name and by_name[hit.name].type in kinds:
                targets.add(hit.name)
        if len(targets) == 1:
            _merge(by_name, rename, name, targets.pop())
