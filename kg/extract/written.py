"""Each entity's name as the article writes it: `written_names(extraction)` sets `Entity.written`.

An entity's `name` is its key: the lexicon's canonical name (欧盟委员会 for "European Commission",
字节跳动 for 字节), which relations, lawsuits and the resolver's IRIs use.  What a reader of the
article expects to see is the form the article itself uses: "European Commission" in an English
report, 台積電 in a Traditional one, 抖音 where the lexicon would say something else.  So the
entity also carries `written`, chosen from the surfaces of its own mentions (coreference words
such as "the company" are no mentions of it):

- a description ("federal jury in San Diego", "U.S. appeals court": a first or last word without
  a capital) is not a name, nor a short form of another of its surfaces (字节 beside 字节跳动,
  广东高院 beside 广东省高级人民法院, "Epic" beside "Epic Games"), unless that other surface is the
  registered name (腾讯 beside 腾讯公司, "Apple" beside "Apple Inc.": the short one is the trading
  name), nor an acronym beside a spelled-out name ("CMA" beside "Competition and Markets
  Authority") -- the canonical name itself, when written, always stays a candidate (王老吉 beside
  王老吉凉茶); a plural ("iPhones") counts as its singular;
- of the rest, the one written most often; a tie goes to the trading name, then to the one written first.

`kg extract --format json` prints `written` as the entity's `name`, the canonical name and the other
forms as aliases (shared/eval/FORMAT.md: "names as the article writes them"); the RDF keeps the
canonical name as `rdfs:label` and uses `written` as an English article's `skos:prefLabel`@en
(`kg.rdf`; the Chinese prefLabels stay the lexicon's forms).  Nothing else reads it: facts still
refer to entities by `name`.
"""
from __future__ import annotations

import re
from collections import Counter

from kg.model import Entity, Extraction
from kg.lexicon import legal_endings

__all__ = ["written_names", "written_name"]

# legal endings that mark the registered form (legal_endings.tsv, use `written`)
_ZH_LEGAL = legal_endings("written", "zh")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.]{1,7}")
_EN_LEGAL = re.compile(r"(?:,?\s+(?:" + "|".join(map(re.escape, legal_endings("written", "en"))) + r")\.?)+$")


def _registered(name: str) -> bool:
    """腾讯公司, 北京字节跳动科技有限公司, "Apple Inc.": a name with a legal ending."""
    return any(name.endswith(x) and len(name) > len(x) + 1 for x in _ZH_LEGAL) or \
        (name.isascii() and _EN_LEGAL.search(name) is not None and _EN_LEGAL.sub("", name) != "")


def _description(s: str) -> bool:
    """"federal jury in San Diego", "U.S. appeals court", "the court": Latin words led or ended by
    one without a capital (or digit) are a description, not a name."""
    words = s.split(" ")
    if not s.isascii() or len(words) < 2:
        return False
    return any(w == w.lower() and not any(c.isdigit() for c in w) for w in (words[0], words[-1]))


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _contained(short: str, long: str) -> bool:
    """`short` is a short form of `long`: "Epic" of "Epic Games", 字节 of 字节跳动, 广东高院 of
    广东省高级人民法院 (Chinese short forms keep their characters in order)."""
    if short == long or len(short) >= len(long):
        return False
    if short.isascii():          # "Epic" in "Epic Games", not "Arm" in "Harmony"
        return re.search(rf"(?<![\w]){re.escape(short)}(?![\w])", long) is not None
    return len(short) >= 2 and _subsequence(short, long)


def written_name(text: str, e: Entity) -> str | None:
    """The name `e` goes by in `text` (see the module doc), or None when no mention names it."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for s, t in e.mentions:
        if 0 <= s < t <= len(text):
            w = " ".join(text[s:t].split())
            if w:
                counts[w] += 1
                first.setdefault(w, s)
    known = {e.name, *e.aliases}
    for w in [w for w in counts if w.isascii() and w.endswith("s") and len(w) > 3]:
        one = w[:-1]                     # "iPhones": the name is "iPhone"
        if one in counts or one in known:
            counts[one] += counts.pop(w)
            first[one] = min(first.get(one, first[w]), first[w])
    names = [w for w in counts if not _description(w)]
    if len(names) < 2:
        return names[0] if names else None     # (one way of writing it: that is its name)
    full = [w for w in names if w == e.name or
            not any(_contained(w, o) and not _registered(o) for o in names)]
    if any(" " in w and w.isascii() for w in full):      # "CMA" beside "Competition and Markets Authority"
        full = [w for w in full if w == e.name or not (w.isascii() and _ACRONYM.fullmatch(w))]
    full = full or names
    return min(full, key=lambda w: (-counts[w], _registered(w), first[w]))


def written_names(ex: Extraction) -> Extraction:
    """Set `written` on the extraction's entities (and on those a check withheld); returns `ex`."""
    text = ex.article.text or ""
    ents = list(ex.entities) + [x for x in ex.withheld if isinstance(x, Entity)]
    keys = {e.name for e in ents}
    shown: set[str] = set()
    for e in ents:
        w = written_name(text, e) or e.name
        # another entity's key or name is never this one's name
        if w != e.name and (w in keys or w in shown):
            w = e.name
        e.written = w
        shown.add(w)
    return ex
