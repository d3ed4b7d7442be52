"""The English reader's data: `ontology/lexicon/*_en.tsv`, read once per process.

The shared lexicon (`kg.lexicon.load_lexicon()`: entities with their English aliases, the relation
schema) is used as is; these tables hold what only the English reader needs: triggers with their
frames, function words, role words, name endings, coreference words, month and weekday names,
court seats and lawsuit-cause stems.  Adding a trigger or a suffix is a TSV edit.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

from kg.lexicon import read_tsv
from kg.paths import lexicon_dir


@dataclass(frozen=True)
class EnTrigger:
    relation: str
    pattern: str
    frame: str              # SO | OS | SELL | SYM
    confidence: float
    flags: frozenset
    regex: re.Pattern


@dataclass(eq=False)
class EnLexicon:
    triggers: list[EnTrigger] = field(default_factory=list)
    modifiers: dict[str, set[str]] = field(default_factory=dict)
    roles: dict[str, tuple[bool, str]] = field(default_factory=dict)     # word -> (leads, kind)
    suffixes: list[tuple[str, str, str, bool]] = field(default_factory=list)  # (word, type, position, strip)
    heads: set[str] = field(default_factory=set)
    generic_mods: set[str] = field(default_factory=set)
    product_words: set[str] = field(default_factory=set)
    coref: dict[str, str] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    courts: dict[str, str] = field(default_factory=dict)
    causes: list[tuple[str, str]] = field(default_factory=list)
    weak_causes: list[tuple[str, str]] = field(default_factory=list)
    stop: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    inner: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)   # English alias -> lexicon canonical name
    metonyms: dict[str, str] = field(default_factory=dict)  # "Brussels" -> the Commission, when it is named
    demonyms: dict[str, str] = field(default_factory=dict)  # "South Korean" -> KR
    countries: dict[str, str] = field(default_factory=dict)  # "South Korea" -> KR
    note_country: dict[str, str] = field(default_factory=dict)  # lexicon note prefix "韩国" -> KR
    entity_country: dict[str, str] = field(default_factory=dict)  # lexicon canonical name -> country

    def words(self, kind: str) -> set[str]:
        return self.modifiers.get(kind, set())


def _pattern(p: str) -> re.Pattern:
    parts = []
    for i, chunk in enumerate(p.split("…")):
        words = [re.escape(w) for w in chunk.split()]
        if words:
            parts.append(r"\s+[\"“]?".join(words))
    # a parenthesis ("€1.06 billion ($1.45 billion) fine") counts as one word of the gap; a word may
    # open a quotation ('added Huawei to its "entity list"')
    gap = r"\s+(?:(?:\([^()\n]{1,40}\)|[\w$€£¥%.,'’()-]+)\s+){0,5}?[\"“]?"
    body = gap.join(parts)
    return re.compile(_BOUNDARY + body + r"(?![\w-])", re.I)


_BOUNDARY = r"(?<![\w-])"


# the only characters outside ASCII that an ASCII letter matches under re.I (İ ı ſ and the Kelvin sign:
# tests/test_en_trigger_heads.py checks every code point)
FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


@functools.lru_cache(maxsize=4)
def trigger_heads(en: EnLexicon) -> tuple[tuple[EnTrigger, tuple | None], ...]:
    """Each trigger with its first word as (pattern, lower-case ASCII form or None, the lower-case
    forms of all its words when they are all ASCII, else None), the pattern made with the escaping
    and flags of the trigger's own regex and shared by the triggers that open with that word: a
    sentence where the word does not occur holds no match of the trigger, so its regex need not scan
    it.  In a sentence with no character of FOLDS_TO_ASCII an ASCII word occurs under re.I exactly
    when its lower case is in the sentence's lower case (one C test instead of a regex scan), and
    every word of the trigger must then be there.  None: the trigger's regex is not one `_pattern`
    made; it is always scanned."""
    heads: dict[str, tuple] = {}
    out = []
    for t in en.triggers:
        first = next((c.split()[0] for c in t.pattern.split("…") if c.split()), None)
        if first is None or t.regex.flags != re.compile("", re.I).flags or \
                not t.regex.pattern.startswith(_BOUNDARY + re.escape(first)):
            out.append((t, None))
            continue
        if first not in heads:
            heads[first] = (re.compile(re.escape(first), re.I), first.lower() if first.isascii() else None)
        words = [w for c in t.pattern.split("…") for w in c.split()]
        every = tuple(dict.fromkeys(w.lower() for w in words)) if all(w.isascii() for w in words) else None
        out.append((t, heads[first] + (every,)))
    return tuple(out)


@functools.lru_cache(maxsize=4)
def trigger_words(en: EnLexicon):
    """`trigger_heads` grouped for a sentence with no character of FOLDS_TO_ASCII: an automaton of
    the ASCII first words (lower case; each occurrence reported, overlapping ones too), the triggers
    opening with each word as (index, trigger, every word), and the others as (index, trigger,
    head) to test one by one.  The index keeps the triggers' order for ties in the sort."""
    auto = ahocorasick.Automaton()
    by_word: dict[str, list] = {}
    others = []
    for i, (t, head) in enumerate(trigger_heads(en)):
        if head is None or head[1] is None:
            others.append((i, t, head))
            continue
        if head[1] not in by_word:
            by_word[head[1]] = []
            auto.add_word(head[1], head[1])
        by_word[head[1]].append((i, t, head[2]))
    if len(auto) == 0:
        auto.add_word("\x00", "\x00")
        by_word["\x00"] = []
    auto.make_automaton()
    return auto, by_word, others


def _rows(d: Path, name: str) -> list[dict[str, str]]:
    p = d / name
    return read_tsv(p) if p.exists() else []


def build_en(d: Path | None = None) -> EnLexicon:
    d = Path(d) if d else lexicon_dir()
    en = EnLexicon()
    for r in _rows(d, "triggers_en.tsv"):
        if not r.get("pattern") or not r.get("relation"):
            continue
        try:
            conf = float(r.get("confidence") or 0.8)
        except ValueError:
            conf = 0.8
        flags = frozenset(f for f in re.split(r"[|,\s]+", r.get("flags") or "") if f)
        en.triggers.append(EnTrigger(r["relation"], r["pattern"], (r.get("frame") or "SO").upper(),
                                     conf, flags, _pattern(r["pattern"])))
    for r in _rows(d, "modifiers_en.tsv"):
        if r.get("word") and r.get("kind"):
            en.modifiers.setdefault(r["kind"], set()).add(r["word"])
    for r in _rows(d, "roles_en.tsv"):
        if r.get("word"):
            en.roles[r["word"]] = (r.get("leads") == "1", r.get("kind") or "other")
    for r in _rows(d, "suffixes_en.tsv"):
        if r.get("suffix") and r.get("type"):
            en.suffixes.append((r["suffix"], r["type"], r.get("position") or "last", r.get("strip") == "1"))
    for r in _rows(d, "heads_en.tsv"):
        if r.get("head"):
            {"generic": en.generic_mods, "product": en.product_words}.get(r.get("position"), en.heads).add(r["head"])
    en.coref = {r["phrase"]: r["type"] for r in _rows(d, "coref_en.tsv") if r.get("phrase")}
    for r in _rows(d, "dates_en.tsv"):
        w, k, v = r.get("word"), r.get("kind"), r.get("value")
        if not w or not v:
            continue
        {"month": en.months, "weekday": en.weekdays, "number": en.numbers}.get(k, {})[w.lower()] = int(v)
    en.courts = {r["city"]: r["court"] for r in _rows(d, "courts_en.tsv") if r.get("city")}
    en.causes = [(r["stem"].lower(), r["cause"]) for r in _rows(d, "causes_en.tsv")
                 if r.get("stem") and r.get("weak") != "1"]
    en.weak_causes = [(r["stem"].lower(), r["cause"]) for r in _rows(d, "causes_en.tsv")
                      if r.get("stem") and r.get("weak") == "1"]
    for r in _rows(d, "common_en.tsv"):
        {"stop": en.stop, "place": en.places, "inner": en.inner}.get(r.get("kind"), set()).add(r.get("word", ""))
    for r in _rows(d, "nationalities_en.tsv"):
        w, c, k = r.get("word"), r.get("country"), r.get("kind")
        if w and c:
            {"demonym": en.demonyms, "country": en.countries, "note": en.note_country,
             "entity": en.entity_country}.get(k, {})[w] = c
    en.aliases = {r["alias"]: r["name"] for r in _rows(d, "aliases_en.tsv") if r.get("alias") and r.get("name")
                  and r.get("when") != "named"}
    en.metonyms = {r["alias"]: r["name"] for r in _rows(d, "aliases_en.tsv") if r.get("alias") and r.get("name")
                   and r.get("when") == "named"}
    return en


@functools.lru_cache(maxsize=None)
def _cached(d: str) -> EnLexicon:
    return build_en(Path(d))


def load_en(d: Path | str | None = None) -> EnLexicon:
    return _cached(str(Path(d) if d else lexicon_dir()))
