"""The lexicon: everything the extractor knows as data, read once from `ontology/lexicon/*.tsv`.

Files (all TSV, a header row, `#` comment lines allowed):
- `entities*.tsv`   name, type, aliases (`|`-separated; `~美的`: a common word, a name only where framed as one), qid, owner, note — every file matching is read
- `triggers.tsv`    relation, trigger, lang, order (SO/OS), confidence — relation `-` marks a blocker word
- `relations.tsv`   relation, subject_types, object_types, symmetric
- `modifiers.tsv`   word, kind (negation, hedge, passive, object, relative, coref, both, conj, speech, charge,
                    backref, calledoff), lang
- `suffixes.tsv`    suffix, type, strength (strong/weak) — endings that make an unknown name typed
- `roles.tsv`       word, leads — role words that introduce a person (院长, CEO)
- `causes.tsv`      keyword, cause — lawsuit causes
- `outcomes.tsv`    keyword, outcome
- `surnames.tsv`    surname
- `generic.tsv`     word, note — words that are never names on their own (公司, 该公司, 子公司)
- `product_heads.tsv` word — 专车, 外卖, 云: a company name + one of them is that company's product
- `t2s.tsv`         traditional, simplified — one character each; read by `kg.nlp` (Traditional articles
                    are read through it, offsets unchanged)
- `legal_endings.tsv` ending, lang, uses — the legal endings of company names (有限公司, Inc.), read by
                    `legal_endings(use, lang)`: each module the rows of its use, longest first
- `name_words.tsv`  word — verbs and trigger words that may sit inside an organisation name (投资, 制造)
- read by `load_table` for `kg.extract.checks`: `non_entities.tsv` (names never an entity), `scope.tsv`
  (negation and irrealis cues), `places.tsv` (countries, regions, cities: never a deal's party alone);
  for `kg.extract.tickers`: `tickers.tsv` (shape, kind: the regular expressions of stock codes);
  for `kg.extract.dates`: `dates_zh.tsv` (word, kind: `attributive` verbs that make a date modify a
  noun, 2007年申请的专利; `period` words that make a bare year a thing, 2018年业绩, 2019年度; `opener`,
  `back`, `limit`, `later`: words around a date that say whether it governs what follows)

Adding a company or a trigger word is a TSV edit; no code changes.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.paths import getenv, lexicon_dir


@dataclass(frozen=True)
class LexEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    owner: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Trigger:
    relation: str          # a RELATION_TYPES member, or "-" for a blocker
    word: str
    lang: str = "zh"
    order: str = "SO"      # SO: subject before object; OS: object before subject
    confidence: float = 0.8
    flags: frozenset = frozenset()   # "stake": acquires/invests by the stake size written after


@dataclass(eq=False)
class Lexicon:
    entities: dict[str, LexEntity] = field(default_factory=dict)    # canonical name -> entity
    surfaces: dict[str, str] = field(default_factory=dict)          # normalised surface -> canonical
    triggers: list[Trigger] = field(default_factory=list)
    schema: dict[str, tuple[frozenset, frozenset, bool]] = field(default_factory=dict)
    modifiers: dict[str, set[str]] = field(default_factory=dict)    # kind -> words
    suffixes: list[tuple[str, str, str]] = field(default_factory=list)  # (suffix, type, strength)
    roles: dict[str, bool] = field(default_factory=dict)            # role word -> means "leads"
    causes: list[tuple[str, str]] = field(default_factory=list)
    outcomes: list[tuple[str, str]] = field(default_factory=list)
    surnames: frozenset = frozenset()
    generic: frozenset = frozenset()
    name_words: frozenset = frozenset()
    product_heads: frozenset = frozenset()
    framed: frozenset = frozenset()     # normalised aliases that are common words (美的): names only where framed as one

    def lookup(self, surface: str) -> LexEntity | None:
        name = self.surfaces.get(norm(surface))
        return self.entities.get(name) if name else None

    def words(self, kind: str) -> set[str]:
        return self.modifiers.get(kind, set())

    def alternation(self, *kinds: str) -> str:
        """The words of these modifier kinds as one regex alternation, longest first (so a longer word wins
        over its own prefix), each escaped; a pattern that never matches when the kinds hold no word."""
        words = set().union(*(self.words(k) for k in kinds))
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)"


@functools.lru_cache(maxsize=65536)
def norm(s: str) -> str:
    """Matching key: NFKC, lower case, no spaces.  (Remembered: the same names are looked up again
    and again, and NFKC of a string with full-width punctuation costs microseconds per character.)"""
    return unicodedata.normalize("NFKC", s).lower().replace(" ", "")


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file as dicts keyed by its header; `#` lines and blank lines are skipped."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if header is None:
                header = cells
                continue
            rows.append({h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header)})
    return rows


def _entity_files(d: Path) -> list[Path]:
    files = sorted(d.glob("entities*.tsv"))
    # entities.tsv first so that its rows win over the extras
    files.sort(key=lambda p: (p.name != "entities.tsv", p.name))
    return files


def build_lexicon(d: Path | None = None) -> Lexicon:
    d = Path(d) if d else lexicon_dir()
    lex = Lexicon()
    framed: set[str] = set()
    for path in _entity_files(d):
        for row in read_tsv(path):
            name = row.get("name", "").strip()
            typ = row.get("type", "").strip()
            if not name or typ not in ENTITY_TYPES:
                continue
            aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
            # ~美的: an alias that is also a common word counts only where it stands as a name
            framed |= {norm(a[1:]) for a in aliases if a.startswith("~")}
            aliases = tuple(a.lstrip("~") for a in aliases)
            if name in lex.entities:        # merge aliases of a repeated row
                old = lex.entities[name]
                aliases = tuple(dict.fromkeys(old.aliases + aliases))
                ent = LexEntity(name, old.type, aliases, old.qid, old.owner, old.note)
            else:
                ent = LexEntity(name, typ, aliases, row.get("qid") or None, row.get("owner") or None,
                                row.get("note", ""))
            lex.entities[name] = ent
    lex.framed = frozenset(framed)
    for ent in lex.entities.values():
        for s in (ent.name,) + ent.aliases:
            lex.surfaces.setdefault(norm(s), ent.name)
    # a canonical name always maps to itself, even if another entity lists it as an alias
    for ent in lex.entities.values():
        lex.surfaces[norm(ent.name)] = ent.name

    p = d / "triggers.tsv"
    if p.exists():
        for row in read_tsv(p):
            rel, word = row.get("relation", ""), row.get("trigger", "")
            if not word or (rel != "-" and rel not in RELATION_TYPES):
                continue
            try:
                conf = float(row.get("confidence") or 0.8)
            except ValueError:
                conf = 0.8
            flags = frozenset(f for f in (row.get("flags") or "").split("|") if f)
            lex.triggers.append(Trigger(rel, word, row.get("lang") or "zh",
                                        (row.get("order") or "SO").upper(), conf, flags))
    p = d / "relations.tsv"
    if p.exists():
        for row in read_tsv(p):
            lex.schema[row["relation"]] = (
                frozenset(t for t in row.get("subject_types", "").split("|") if t),
                frozenset(t for t in row.get("object_types", "").split("|") if t),
                row.get("symmetric", "0") == "1")
    p = d / "modifiers.tsv"
    if p.exists():
        for row in read_tsv(p):
            if row.get("word") and row.get("kind"):
                lex.modifiers.setdefault(row["kind"], set()).add(row["word"])
    p = d / "suffixes.tsv"
    if p.exists():
        for row in read_tsv(p):
            if row.get("suffix") and row.get("type") in ENTITY_TYPES:
                lex.suffixes.append((row["suffix"], row["type"], row.get("strength") or "strong"))
        lex.suffixes.sort(key=lambda t: -len(t[0]))
    p = d / "roles.tsv"
    if p.exists():
        lex.roles = {r["word"]: r.get("leads", "0") == "1" for r in read_tsv(p) if r.get("word")}
    p = d / "causes.tsv"
    if p.exists():
        lex.causes = [(r["keyword"], r["cause"]) for r in read_tsv(p) if r.get("keyword")]
    p = d / "outcomes.tsv"
    if p.exists():
        lex.outcomes = [(r["keyword"], r["outcome"]) for r in read_tsv(p) if r.get("keyword")]
    # one-column word lists: file, column, attribute
    for fname, column, attr in (("surnames.tsv", "surname", "surnames"),
                                ("name_words.tsv", "word", "name_words"),
                                ("product_heads.tsv", "word", "product_heads"),
                                ("generic.tsv", "word", "generic")):
        p = d / fname
        if p.exists():
            setattr(lex, attr, frozenset(r[column] for r in read_tsv(p) if r.get(column)))
    return lex


@functools.lru_cache(maxsize=None)
def _cached(d: str) -> Lexicon:
    return build_lexicon(Path(d))


_default: list = []   # (KG_ONTOLOGY_DIR at load time, lexicon) for the default location


def load_lexicon(d: Path | str | None = None) -> Lexicon:
    """The lexicon under `d` (default: kg.paths.lexicon_dir()), read once per process."""
    if d is None:
        env = getenv("KG_ONTOLOGY_DIR")
        if _default and _default[0][0] == env:
            return _default[0][1]
        lex = _cached(str(lexicon_dir()))
        _default[:] = [(env, lex)]
        return lex
    return _cached(str(Path(d)))


@functools.lru_cache(maxsize=None)
def _table(d: str, fname: str) -> tuple:
    p = Path(d) / fname
    return tuple(read_tsv(p)) if p.exists() else ()


def load_table(fname: str, d: Path | str | None = None) -> tuple[dict[str, str], ...]:
    """The rows of one lexicon TSV (`scope.tsv`, `non_entities.tsv` …) as dicts, read once per process."""
    return _table(str(Path(d) if d else lexicon_dir()), fname)


@functools.lru_cache(maxsize=None)
def _legal_endings(d: str, use: str, lang: str | None) -> tuple[str, ...]:
    rows = _table(d, "legal_endings.tsv")
    words = [r["ending"] for r in rows if r.get("ending") and use in (r.get("uses") or "").split("|")
             and (lang is None or r.get("lang") == lang)]
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def legal_endings(use: str, lang: str | None = None, d: Path | str | None = None) -> tuple[str, ...]:
    """The legal endings of company names (`legal_endings.tsv`) of one use (full, resolve, written,
    tail, compare, after), of one language or both, longest first; read once per process."""
    return _legal_endings(str(Path(d) if d else lexicon_dir()), use, lang)
