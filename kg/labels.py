"""Which label an entity is shown by (`kg rivals/timeline/lawsuits`, `kg viz`, `kg stats --graph`,
the GEXF/GraphML and Neo4j exports): one rule, used by `kg.analytics` and `kg.summary` alike.

Every entity keeps its canonical name as its one plain `rdfs:label` (the name it is found by and
keyed on: 思科) and a language-tagged `skos:prefLabel` for each language of the articles that name
it ("思科"@zh-Hans, "Cisco"@en, "思科"@zh-Hant; `kg.rdf`), which each article's graph repeats.  The
label shown is

1. the `skos:prefLabel` in the language most of the articles naming the entity are written in
   (the number of article graphs carrying a prefLabel in that language); within it, the form
   most of them write, a tie going to the smallest string;
2. the canonical name when two languages tie, or when no prefLabel is stored.

So a company reported in English only is shown as "Cisco", one reported mostly in Chinese as 思科,
whatever order the articles were built in (the rule counts stored articles, nothing else), and a
build or removal that tips the balance relabels it everywhere (the summary graph recomputes the
rows that show it: `kg.summary`, "look").

A reader may ask for one language instead (`--lang en|zh-Hans|zh-Hant` on `kg rivals`, `kg
timeline`, `kg lawsuits`, `kg viz`, `kg export`; `with preferring("en"):` in Python): an entity
with a prefLabel in that language is shown by it, one whose canonical name is in that language by
its canonical name (滴滴 for an English-only Didi under zh-Hans), the others by the rule above.  The summary graph
holds the default labels, so such a listing is computed from the facts (slower on a big store).
"""
from __future__ import annotations

import re
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["PREF_COUNTS", "LANGS", "display_label", "preferring", "preferred"]

#: the language tags labels carry
LANGS = ("en", "zh-Hans", "zh-Hant")
_PREFERRED: ContextVar[str | None] = ContextVar("kg_label_language", default=None)


@contextmanager
def preferring(lang: str | None):
    """Within the block, entities with a label in `lang` are shown by it (None: the default rule)."""
    token = _PREFERRED.set(lang.lower() if lang else None)
    try:
        yield
    finally:
        _PREFERRED.reset(token)


def _script(name: str) -> str | None:
    """zh-hans for a canonical name in Chinese characters (canonical names are Simplified), en for
    one in Latin letters."""
    if re.search(r"[\u4e00-\u9fff]", name):
        return "zh-hans"
    return "en" if re.search(r"[A-Za-z]", name) else None


def preferred() -> str | None:
    """The language asked for by `preferring` (lower case), or None."""
    return _PREFERRED.get()

#: (entity, label, its language tag, article graphs carrying it); `%V%` takes a VALUES block of ?e
PREF_COUNTS = """SELECT ?e ?label ?tag (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g { %V% ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }
  FILTER (?g != <https://rivalry-kg.org/id/graph/entities>) BIND (LANG(?label) AS ?tag)
} GROUP BY ?e ?label ?tag"""


def display_label(canonical: str | None, prefs: dict[tuple[str, str], int],
                  prefer: str | None = None) -> str | None:
    """The label shown (see the module doc): `canonical` the entity's rdfs:label (the smallest when
    several), `prefs` {(language tag, prefLabel): article graphs carrying it}; `prefer` a language
    asked for (default: `preferred()`; "" for none, as the summary graph stores)."""
    by_tag: dict[str, int] = defaultdict(int)
    for (tag, _label), n in prefs.items():
        by_tag[tag.lower()] += n
    if not by_tag:
        return canonical
    prefer = (preferred() if prefer is None else prefer.lower()) or None
    if prefer and prefer not in by_tag and canonical and _script(canonical) == prefer:
        return canonical            # no article label in that language, but the canonical name is in it
    top = max(by_tag.values())
    tags = [t for t, n in by_tag.items() if n == top]
    if prefer in by_tag:
        tags = [prefer]
    elif len(tags) > 1 and canonical is not None:
        return canonical
    tag = min(tags)
    forms = {label: n for (t, label), n in prefs.items() if t.lower() == tag}
    return min(forms, key=lambda label: (-forms[label], label))
