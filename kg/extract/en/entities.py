"""English entity mentions: the shared lexicon's English names plus discovery by rule.

- lexicon names, case-sensitive at word boundaries (Apple, not apple), products also in the plural
  (iPhones) and with a model number (iPhone 8 -> a new product owned by iPhone's owner);
- courts: "U.S. District Court for the Northern District of California", "Northern District of
  California", "Court of Appeals for the Ninth Circuit", "a federal judge in Oakland" / "a San Diego
  jury" (seat table `courts_en.tsv`), "a regional court in Munich" -> "Munich Regional Court"; a
  generic court ("a federal appeals court", "the court in Texas") is the one court of that kind the
  article names (its circuit court, its district court of that state), else it stays as written;
- people after or before a role word (`roles_en.tsv`): "chief executive Tim Sweeney", "Judge Yvonne
  Gonzalez Rogers", "Tim Cook, Apple's chief executive";
- capitalised names typed by their ending (`suffixes_en.tsv`): "Foo Inc." (Company "Foo", alias
  "Foo Inc."), "Fair Trade Commission" (Regulator), "Play Store" (Product); a place before the
  name ("South Korea's Fair Trade Commission") is tried against the lexicon;
- unknown capitalised names listed with a known company ("Foxconn, Pegatron, Wistron and Compal")
  are companies too;
- short forms of names found: "Epic" for "Epic Games", "Cook" for "Tim Cook".

Word lists: the tables named above and the `modifiers_en.tsv` kinds `_patterns` names (abbreviation_en,
government_country, model_suffix_en, former_*_en).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.lexicon import Lexicon, legal_endings, norm
from kg.extract.mentions import Mention
from kg.extract.en.lexicon import EnLexicon

CAP = r"(?:[A-Z][\w&'’.-]*|[a-z]{1,4}[A-Z][\w'’-]*)"        # "iRobot", "ironSource" too
_CHUNK = re.compile(rf"(?<![\w.]){CAP}(?:[ \t]+(?:(?:of|for|the|de|&)[ \t]+)*{CAP})*")
_DIRS = r"(?:Northern|Southern|Eastern|Western|Central|Middle)"
_DISTRICT = re.compile(
    rf"(?:(?:U\.S\.|US|United States|federal)\s+)?(?:District\s+Court\s+for\s+the\s+)?(?P<dir>{_DIRS})\s+District\s+of\s+"
    r"(?P<state>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)")
# "U.S. District Court for the District of Columbia": a state with a single district
_DISTRICT_PLAIN = re.compile(
    r"(?:(?:the\s+)?(?:U\.S\.|US|United States|federal)\s+)?District\s+Court\s+for\s+the\s+District\s+of\s+"
    r"(?P<state>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)")
_ORD = r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Federal|D\.C\.|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th|11th)"
_CIRCUIT = re.compile(rf"(?:(?:U\.S\.\s+)?Court\s+of\s+Appeals\s+for\s+the\s+)?(?P<c>{_ORD})\s+Circuit(?:\s+Court\s+of\s+Appeals)?")
_ORDWORD = {"1st": "First", "2nd": "Second", "3rd": "Third", "4th": "Fourth", "5th": "Fifth", "6th": "Sixth",
            "7th": "Seventh", "8th": "Eighth", "9th": "Ninth", "10th": "Tenth", "11th": "Eleventh"}
_CITY = r"(?P<city>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)"
_COURT_IN = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Tt]he|(?:in|to|before)(?=\s+federal\s+court))\s+(?:(?P<adj>federal|regional|district|state|high|higher|intermediate|appeals|appellate|local|"
    r"superior|circuit|German|Dutch|French|British|Chinese|Japanese|Korean|Indian|U\.S\.)\s+(?:district\s+)?)?"
    rf"(?P<what>court|judge|jury)\s+in\s+{_CITY}")
_CITY_COURT = re.compile(
    rf"\b(?:[Aa]|[Aa]n|[Tt]he)\s+{_CITY}\s+(?:(?P<adj>federal|regional|district|state|high|intermediate|appeals|superior)\s+)?"
    r"(?P<what>court|judge|jury)\b")
_APPEALS = re.compile(r"\b(?:[Aa]|[Tt]he)\s+(?P<name>(?:U\.S\.|federal|US)\s+appeals\s+court)\b")
# "a jury in U.S. District Court in San Diego": the district court of a seat the table knows
_DISTRICT_IN = re.compile(rf"\b(?:(?:the\s+)?(?:U\.S\.|US|United States|federal)\s+)District\s+Court\s+in\s+{_CITY}")
_FED_COURT = re.compile(r"\b(?:a\s+|the\s+)?federal\s+(?:district\s+)?court\b(?!\s+in\s+[A-Z])")
# a given name may be hyphenated in lower case ("Joh Sung-wook", "Moon Jae-in")
NAME = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+)?(?:\s+(?:[A-Z]\.|(?:[A-Z]|[a-z]{1,3}[A-Z])[a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+|-[a-z]{2,})?)){1,3}"
# (a surname may open in lower case: "Francis deSouza", "Vincent van Gogh" is not covered)

# a legal word right after a capitalised name ("Foo Corp"): legal_endings.tsv, use `after`
_LEGAL_AFTER = re.compile(r"[ \t]+(?:" + "|".join(map(re.escape, legal_endings("after", "en"))) + r")\b")


class _Rx(NamedTuple):
    """Patterns whose words are modifiers_en.tsv kinds (built once per English lexicon by `_patterns`)."""
    abbr_dot: re.Pattern
    model: re.Pattern
    gov: re.Pattern
    former: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(en_id: int, en: EnLexicon) -> _Rx:
    """The patterns, their word lists read from modifiers_en.tsv (the kind named at each; a space in a
    word is any whitespace)."""
    def alt(kind: str) -> str:
        words = sorted(en.words(kind), key=len, reverse=True)
        return "|".join(r"\s+".join(re.escape(x) for x in w.split()) for w in words) or "(?!)"
    return _Rx(
        abbr_dot=re.compile(rf"(?:\b[A-Z]\.|{alt('abbreviation_en')})$"),
        model=re.compile(rf"\s(?:[0-9]{{1,2}}[A-Za-z]?|X[SR]?|S[0-9]{{1,2}}|{alt('model_suffix_en')})\b"
                         rf"(?:\s(?:{alt('model_suffix2_en')}))?"),
        gov=re.compile(rf"\b[Tt]he\s+(?P<c>{alt('government_country')})\s+government\b"),
        former=re.compile(rf"\s*,?\s+(?:(?:the|a)\s+(?:[\w-]+\s+)?(?:{alt('former_head_en')})\s+)?"
                          rf"(?:{alt('former_adverb_en')})\s+(?:still\s+)?(?:{alt('former_called_en')})\s+(?:the\s+)?$"),
    )


def _cap_word(w: str) -> bool:
    return bool(w) and (w[0].isupper() or (len(w) > 2 and w[0].islower() and any(c.isupper() for c in w[1:3])))


@functools.lru_cache(maxsize=4)
def _lexicon_regex(lex_id: int, lex: Lexicon, en_id: int = 0, en: EnLexicon | None = None):
    surf: dict[str, str] = {}
    for ent in lex.entities.values():
        for s in (ent.name,) + ent.aliases:
            if len(s) >= 2 and s.isascii() and any(c.isalpha() for c in s):
                surf.setdefault(s, ent.name)
    for a, name in (en.aliases.items() if en else ()):
        if name in lex.entities:
            surf.setdefault(a, name)
    alts = sorted(surf, key=len, reverse=True)
    rx = re.compile(r"(?<![\w&@-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?:s)?(?![\w&])(?!-[A-Z0-9])")
    return rx, surf


class Finder:
    """Collects mentions without overlaps; earlier (more reliable) passes win."""

    def __init__(self, text: str, lex: Lexicon, en: EnLexicon):
        self.text, self.lex, self.en = text, lex, en
        self.mentions: list[Mention] = []
        self.judge_court: dict[str, str] = {}     # judge's name -> court's name
        self.roles: list[tuple[int, int, str, str]] = []   # (start, end, person, role word)
        self.owned_names: list[tuple[int, str]] = []   # (start, owner): "Sony Music" named after Sony
        self.the_names: dict[str, str] = {}     # "Pokémon Company" -> "The Pokémon Company"

    def free(self, s: int, e: int) -> bool:
        return all(e <= m.start or s >= m.end for m in self.mentions)

    def add(self, s: int, e: int, name: str, typ: str, source: str, owner: str | None = None,
            replace: bool = False) -> Mention | None:
        if replace:
            self.mentions = [m for m in self.mentions if e <= m.start or s >= m.end]
        elif not self.free(s, e):
            return None
        m = Mention(s, e, name, typ, self.text[s:e], source, owner)
        self.mentions.append(m)
        return m

    def lookup(self, surface: str):
        le = self.lex.lookup(surface)
        if le is None:
            return None
        # an English surface must be one the lexicon spells in Latin letters (never a CJK match)
        return le


def find_mentions(text: str, lex: Lexicon, en: EnLexicon) -> tuple[list[Mention], dict[str, str]]:
    """All entity mentions of an English text, sorted; and the judge -> court map."""
    f = Finder(text, lex, en)
    _the_names(f)
    _courts(f)
    _governments(f)
    _lexicon(f)
    _officials(f)
    _people(f)
    _chunks(f)
    _models(f)
    _lists(f)
    _speakers(f)
    _product_context(f)
    _makers_of(f)
    _company_cues(f)
    _acronyms(f)
    _short_forms(f)
    _repeated_subjects(f)
    _generic_courts(f)
    _generic_supreme_court(f)
    _metonyms(f)
    _same_surface(f)
    _former_names(f)
    f.mentions.sort(key=lambda m: (m.start, m.end))
    return f.mentions, f.judge_court


def _metonyms(f: Finder) -> None:
    """"The fine Brussels handed Google": a seat standing for an institution the article names."""
    for word, name in f.en.metonyms.items():
        if not any(m.name == name for m in f.mentions):
            continue
        if any(m.name != name and word in m.surface.split() for m in f.mentions):
            continue        # "the Commission" in an article naming two commissions stands for neither
        le = f.lex.entities.get(name)
        for o in re.finditer(r"(?<![\w&@-])" + re.escape(word) + r"(?![\w&-])", f.text):
            f.mentions = [m for m in f.mentions if not (m.start == o.start() and m.end == o.end() and m.source != "lexicon")]
            if f.free(o.start(), o.end()):
                f.add(o.start(), o.end(), name, le.type if le else "Organization", "lexicon", le.owner if le else None)


_NEXT_CIRCUIT = 400      # characters from a generic appeals court to the circuit named after it


def _generic_courts(f: Finder) -> None:
    """"A U.S. appeals court ... The order from the U.S. Court of Appeals for the Federal Circuit": an
    appeals court written without its circuit is the one circuit court the article names, when it
    names exactly one; when it names several, the first named after it within a few paragraphs
    ("A U.S. appeals court … A panel of the U.S. Court of Appeals for the Federal Circuit" before a
    later Ninth Circuit)."""
    _courts_of_state(f)
    # a circuit court the lexicon knows is named by its lexicon name (美国…巡回上诉法院): its English
    # aliases tell that it is one
    named = sorted((m.start, m.name) for m in f.mentions if m.type == "Court" and any(
        n.startswith("U.S. Court of Appeals for") for n in (m.name,) + (
            f.lex.entities[m.name].aliases if m.name in f.lex.entities else ())))
    circuits = {n for _, n in named}
    if not circuits:
        return
    for m in f.mentions:
        if m.type == "Court" and m.name in ("U.S. appeals court", "federal appeals court"):
            if len(circuits) == 1:
                m.name = next(iter(circuits))
                continue
            # several circuits: the first one named after the lead's "a U.S. appeals court", close by
            # (its next paragraphs), is the one it stands for
            after = next(((p, n) for p, n in named if p > m.start), None)
            if after is not None and after[0] - m.end <= _NEXT_CIRCUIT:
                m.name = after[1]


def _courts_of_state(f: Finder) -> None:
    """"filed in the U.S. District Court for the Eastern District of Texas … the court in Texas": a
    court written by its state alone ("(federal) court in Texas", a place the seat table does not know)
    is the one district court of that state the article names, when it names exactly one; else it
    stays as written."""
    for m in f.mentions:
        g = re.fullmatch(r"(?:federal )?court in (?P<state>[A-Z][a-z]+(?: [A-Z][a-z]+)?)", m.name) \
            if m.type == "Court" else None
        if g is None:
            continue
        state = g.group("state")
        named = {c.name for c in f.mentions if c.type == "Court" and c.name.startswith("U.S. District Court for the ")
                 and c.name.endswith("District of " + state)}
        if len(named) == 1:
            m.name = named.pop()


def _generic_supreme_court(f: Finder) -> None:
    """"The US Supreme Court set aside the award ... Justice Sotomayor wrote for the Supreme Court": a
    supreme court written without its country is the one country's supreme court the article names,
    when it names exactly one."""
    named = {m.name for m in f.mentions if m.type == "Court" and m.name != "Supreme Court"
             and re.search(r"Supreme Court|最高法院", m.name + " " + " ".join(
                 f.lex.entities[m.name].aliases if m.name in f.lex.entities else ()))}
    if len(named) != 1:
        return
    name = named.pop()
    for m in f.mentions:
        if m.type == "Court" and m.name == "Supreme Court":
            m.name = name


def _governments(f: Finder) -> None:
    """"sued the US government": a government named by its country is an organisation that can be a party."""
    for m in _patterns(id(f.en), f.en).gov.finditer(f.text):
        c = m.group("c")
        name = "US government" if c in ("US", "U.S.", "American", "federal") else f"{c} government"
        s = m.start("c")
        f.add(s, m.end(), name, "Organization", "pattern")


def _the_names(f: Finder) -> None:
    """"sued by The Pokémon Company": a capitalised "The" inside a sentence belongs to the name (The
    Walt Disney Company, The Coca-Cola Company); every writing of the name is then that company."""
    ends = "|".join(re.escape(s) for s, typ, pos, strip in f.en.suffixes if typ == "Company" and pos == "last"
                    and not strip and s[:1].isupper())
    if not ends:
        return
    rx = re.compile(r"(?<=[a-z,;] )The[ \t]+(?P<core>(?:[A-Z][\w'’.-]*[ \t]+){1,3}(?:" + ends + r"|Company|Corporation))(?![\w-])")
    for m in rx.finditer(f.text):
        core = m.group("core")
        if f.lex.lookup(core) is None:
            f.the_names[core] = "The " + core


_RENAMED = re.compile(r"\s+(?:(?:has|had|have)\s+)?(?:changed\s+its\s+(?:corporate\s+|company\s+)?name\s+to|"
                      r"renamed\s+itself|rebranded\s+(?:itself\s+)?as|was\s+renamed)\s+(?:the\s+)?$")


def _former_names(f: Finder) -> None:
    """"Meta Platforms, the company formerly known as Facebook", "Facebook changed its corporate name to
    Meta": one company under two names; the former name is an alias of the present one."""
    ms = sorted((m for m in f.mentions if m.type in ("Company", "Product")), key=lambda m: m.start)
    rename: dict[str, tuple[str, str]] = {}
    for a, b in zip(ms, ms[1:]):
        gap = f.text[a.end:b.start]
        if a.type == "Company" and _patterns(id(f.en), f.en).former.fullmatch(gap):
            rename[b.name] = (a.name, a.type)
        elif b.type == "Company" and _RENAMED.fullmatch(gap):
            rename[a.name] = (b.name, b.type)
    for m in f.mentions:
        if m.name in rename and rename[m.name][0] != m.name:
            m.name, m.type = rename[m.name]
            m.owner = None


def _same_surface(f: Finder) -> None:
    """A name found by pattern that the article also writes for a lexicon entity ("its Switch console",
    "Nintendo's Switch" -> Nintendo Switch) is that entity."""
    lex_of = {}
    for m in f.mentions:
        if m.source == "lexicon":
            lex_of.setdefault(m.surface, (m.name, m.type, m.owner))
    for m in f.mentions:
        if m.source == "pattern" and m.name == m.surface and m.surface in lex_of and lex_of[m.surface][1] == m.type:
            m.name, _, m.owner = lex_of[m.surface]


def _lexicon(f: Finder) -> None:
    rx, surf = _lexicon_regex(id(f.lex), f.lex, id(f.en), f.en)
    hits = list(rx.finditer(f.text))
    # "Thomson Reuters" once shown to be a longer name is one wherever it is written
    longer = {f.text[max(0, m.start() - 40):m.start()].split()[-1] + " " + m.group(0) for m in hits
              if surf.get(m.group(0)) and f.lex.entities[surf[m.group(0)]].type in ("Company", "Organization")
              and _cap_word_before(f.text, m.start(), m.end(), f.en, f.lex)}
    for m in hits:
        s, e = m.start(), m.end()
        word = m.group(0)
        name = surf.get(word)
        if name is None:                      # the plural form
            name = surf.get(word[:-1])
            ent = f.lex.entities.get(name) if name else None
            if ent is None or ent.type != "Product":
                # "Apples" is not Apple: retry without the s
                name = surf.get(word[:-1])
                if name is None:
                    continue
                e -= 1
        ent = f.lex.entities[name]
        if re.match(r"-(?:like|style|esque|type)\b", f.text[e:e + 8]):
            continue            # "Twitter-like Weibo": a comparison, not Twitter
        # a company name inside a longer capitalised name is not the company ("Apple Music" stays)
        if ent.type == "Company" and _longer_cap_name(f.text, s, e, f.en, f.lex):
            f.owned_names.append((s, name))
            continue
        if ent.type in ("Company", "Organization") and longer and \
                any(f.text[max(0, s - len(x) + len(word)):e] == x for x in longer):
            continue            # "Westlaw owner Thomson Reuters": the known name ends a longer one
        if ent.type == "Product" and ent.owner and re.match(r"[ \t]+(?:Music|TV|Video|Premium|Pay|Shorts|Kids|Maps|Drive|"
                                                             r"Cloud|Plus|Games|Arcade|Store|Pass|Live|Prime)\b", f.text[e:e + 12]) \
                and _longer_cap_name(f.text, s, e, f.en, f.lex):
            # "YouTube Music": a product of the product's owner
            f.owned_names.append((s, ent.owner))
            continue
        f.add(s, e, name, ent.type, "lexicon", ent.owner)


def _longer_cap_name(text: str, s: int, e: int, en: EnLexicon, lex: Lexicon | None = None) -> bool:
    """A company name followed by another capitalised word names something of its own
    ("Apple Music", "Google Reader", "Sony Music"), unless that word is a role, a legal ending,
    a date, a place or another known name."""
    after = re.match(r"[ \t]+([A-Z][\w&'’-]*)", text[e:e + 40])
    if not after:
        return False
    w = after.group(1)
    if w.endswith(("'s", "’s")) or w in en.stop or w in en.places or w.lower() in en.months \
            or w.lower() in en.weekdays or w.lower() in {r.lower() for r in en.roles}:
        return False
    for suf, typ, pos, strip in en.suffixes:
        if pos == "last" and w.rstrip(".") == suf.rstrip(".") and typ == "Company":
            return False
    if lex is not None and (lex.lookup(w) is not None or w in _first_words(id(lex), lex)):
        return False
    return True


def _cap_word_before(text: str, s: int, e: int, en: EnLexicon, lex: Lexicon) -> bool:
    """An unknown capitalised word right before a known name makes a longer name of which the known
    one is the tail ("Thomson Reuters" is not Reuters): after a lower-case word, or at a sentence's
    start when a legal ending follows ("Thomson Reuters Corp. filed")."""
    m = re.search(r"(?<![\w&.'’-])([A-Z][a-z][\w&'’-]+)[ \t]$", text[max(0, s - 40):s])
    if not m:
        return False
    w = m.group(1)
    if w.endswith(("'s", "’s")) or w in en.stop or w in en.places or w in en.demonyms or w.lower() in en.months \
            or w.lower() in en.weekdays or w.lower() in {r.lower() for r in en.roles} or w in en.words("rank") \
            or lex.lookup(w) is not None:
        return False
    ws = s - len(m.group(0))
    if re.search(r"(?:^|[.!?:;][\"”’)]?\s+|\n\s*|[\"“(]\s*)$", text[max(0, ws - 4):ws]):
        return bool(_LEGAL_AFTER.match(text[e:e + 14]))
    return bool(re.search(r"(?:[a-z][\w-]*|,)[ \t]$", text[max(0, ws - 20):ws]))


@functools.lru_cache(maxsize=4)
def _first_words(lex_id: int, lex: Lexicon) -> frozenset:
    out = set()
    for ent in lex.entities.values():
        for s in (ent.name,) + ent.aliases:
            if s.isascii() and " " in s:
                out.add(s.split()[0])
    return frozenset(out)


def _court_name(f: Finder, city: str, adj: str | None, what: str) -> str:
    if city in f.en.courts and (adj in (None, "federal", "district", "U.S.") or what == "jury"):
        # the formal name; the article's own wording ("federal court in San Francisco") is kept as an alias
        return f.en.courts[city]
    if adj and adj not in ("federal", "U.S."):
        return f"{city} {adj[0].upper() + adj[1:]} Court"
    return f"{'federal court' if adj == 'federal' else 'court'} in {city}"


def _courts(f: Finder) -> None:
    t = f.text
    for m in _DISTRICT.finditer(t):
        s = m.start()
        pre = t[max(0, s - 30):s]
        full = re.search(r"(?:the\s+)?(?:U\.S\.\s+|United States\s+|federal\s+)?(?:District\s+)?Court\s+for\s+the\s+$", pre)
        if full:
            s = s - len(full.group(0)) + (4 if full.group(0).startswith("the ") else 0)
        name = f"U.S. District Court for the {m.group('dir')} District of {m.group('state')}"
        f.add(s, m.end(), name, "Court", "pattern")
    for m in _DISTRICT_IN.finditer(t):
        if m.group("city") in f.en.courts:
            s = m.start() + (4 if t[m.start():m.start() + 4] == "the " else 0)
            f.add(s, m.end(), f.en.courts[m.group("city")], "Court", "pattern")
    for m in _DISTRICT_PLAIN.finditer(t):
        s = m.start() + (4 if t[m.start():m.start() + 4] == "the " else 0)
        f.add(s, m.end(), f"U.S. District Court for the District of {m.group('state')}", "Court", "pattern")
    for m in _CIRCUIT.finditer(t):
        c = _ORDWORD.get(m.group("c"), m.group("c"))
        f.add(m.start(), m.end(), f"U.S. Court of Appeals for the {c} Circuit", "Court", "pattern")
    for m in _APPEALS.finditer(t):
        nm = m.group("name")
        f.add(m.start("name"), m.end("name"), "U.S. appeals court" if nm[0] in "UX" else "federal appeals court",
              "Court", "pattern")
    for rx in (_COURT_IN, _CITY_COURT):
        for m in rx.finditer(t):
            city = m.group("city")
            if city in f.en.stop or city.lower() in f.en.months:
                continue
            name = _court_name(f, city, m.group("adj"), m.group("what"))
            s = m.start("adj") if m.group("adj") and rx is _COURT_IN else (
                m.start("what") if rx is _COURT_IN else m.start("city"))
            f.add(s, m.end(), name, "Court", "pattern")


_FUNCTION = {"the", "a", "an", "and", "but", "in", "on", "at", "by", "for", "from", "after", "before", "when",
             "while", "then", "later", "earlier", "meanwhile", "however", "last", "also", "since", "as"}
_JUR = r"(?P<j>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?|U\.S\.)"


def _officials(f: Finder) -> None:
    """An official who acts as a regulator or plaintiff is an office named by its jurisdiction:
    "New York's attorney general", "the Texas Attorney General", "the attorney general of Utah" ->
    Regulator "<Jurisdiction> Attorney General" (the article's wording kept as an alias); "46 state
    attorneys general" -> Regulator "state attorneys general".  The office words are the roles of
    kind office (roles_en.tsv); the name in apposition ("..., Andrew Cuomo,") is the office holder."""
    t = f.text
    words = sorted((w for w, (_, k) in f.en.roles.items() if k == "office"), key=len, reverse=True)
    if not words:
        return
    office = "|".join(r"[ \t]+".join(re.escape(x) for x in w.split()) for w in words)
    plural = "|".join(r"[ \t]+".join(re.escape(x) for x in _office_plural(w).split()) for w in words)
    rxs = (re.compile(rf"(?<![\w.]){_JUR}['’]s[ \t]+(?P<o>(?i:{office}))(?![\w-])"),
           re.compile(rf"(?<![\w.]){_JUR}[ \t]+(?P<o>(?i:{office}))(?![\w-])(?!['’]s[ \t]+(?:lawyers?|staff))"),
           re.compile(rf"\b[Tt]he[ \t]+(?P<o>(?i:{office}))[ \t]+(?:of|for)[ \t]+{_JUR}(?![\w-])"))
    for rx in rxs:
        for m in rx.finditer(t):
            j = m.group("j")
            jw = j.split()
            lead = 0
            if len(jw) == 2 and jw[0].lower() in _FUNCTION:
                lead = len(jw[0]) + 1           # "The Texas attorney general", "When Ohio's ..."
                jw = jw[1:]
                j = jw[0]
            if (jw[0] in f.en.stop and len(jw) == 1) or any(w.lower() in f.en.months or w.lower() in f.en.weekdays
                                                            for w in jw):
                continue
            le = f.lex.lookup(j)
            if le is not None and le.type != "Regulator":
                continue            # "Google's general counsel": a company's officer, not an office
            o = " ".join(w[:1].upper() + w[1:] for w in m.group("o").split())
            s = m.start() + lead if rx is not rxs[2] else m.start("o")
            if rx is rxs[2] and t[m.start():m.start() + 3].lower() == "the":
                s = m.start() + 4
            mm = f.add(s, m.end(), f"{j} {o}", "Regulator", "office")
            if mm is None:
                continue
            # "New York's attorney general, Andrew Cuomo,", "Texas Attorney General Ken Paxton"
            pm = re.match(rf"(,?[ \t]+)(?P<name>{NAME})", t[m.end():m.end() + 60])
            if pm and all(w[0].isupper() for w in pm.group("name").split()):
                _add_person(f, m.end() + pm.start("name"), pm.group("name"), m.group("o"), "exec")
    rxp = re.compile(rf"(?<![\w-])(?P<o>(?:[Ss]tate[ \t]+)(?i:{plural}))(?![\w-])|"
                     rf"(?<![\w-])(?P<o2>(?i:{plural}))[ \t]+(?:of|from)[ \t]+(?:[\w-]+[ \t]+)?states\b")
    for m in rxp.finditer(t):
        g = "o" if m.group("o") else "o2"
        o = re.sub(r"^[Ss]tate[ \t]+", "", m.group(g))
        o = " ".join(o.lower().split())
        f.add(m.start(g), m.end(), f"state {o}", "Regulator", "office")


def _office_plural(w: str) -> str:
    """"attorney general" -> "attorneys general" (the head noun comes first); "governor" -> "governors"."""
    ws = w.split()
    if len(ws) == 2 and ws[1].lower() == "general":
        return f"{ws[0]}s {ws[1]}"
    return w + "s"


def _role_regex(en: EnLexicon, kinds: tuple[str, ...]) -> str:
    words = sorted((w for w, (_, k) in en.roles.items() if k in kinds), key=len, reverse=True)
    out = []
    for w in words:
        esc = r"\s+".join(re.escape(x) for x in w.split())
        out.append(esc)
    return "|".join(out)


def _clean_name(f: Finder, name: str) -> str:
    words = name.split()
    while words and (words[-1] in f.en.stop or words[-1].lower() in f.en.months
                     or words[-1].lower() in f.en.weekdays or f.lex.lookup(words[-1])):
        words.pop()
    while words and (words[0] in f.en.stop or f.lex.lookup(words[0])):
        words.pop(0)
    return " ".join(words)


def _add_person(f: Finder, s: int, name: str, role: str, kind: str) -> Mention | None:
    name = _clean_name(f, name)
    if len(name.split()) < 2 and kind != "title":
        return None
    s = f.text.find(name, s)
    if s < 0:
        return None
    e = s + len(name)
    le = f.lex.lookup(name)
    canon = le.name if le is not None and le.type == "Person" else name
    m = f.add(s, e, canon, "Person", "lexicon" if le is not None else "pattern")
    if m is not None:
        f.roles.append((s, e, canon, role))
        if kind == "judge":
            f.judge_court.setdefault(canon, "")
            after = f.text[e:e + 90]
            # "Judge X of the Northern District of California"
            for c in f.mentions:
                if c.type == "Court" and e < c.start <= e + 40 and re.match(r",?\s+of\s+(?:the\s+)?$", f.text[e:c.start]):
                    f.judge_court[canon] = c.name
            # "U.S. District Judge Lucy Koh in San Jose": a federal trial judge sits in the seat's court
            seat = re.match(r",?\s+in\s+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)\b", after)
            if not f.judge_court.get(canon) and seat and seat.group(1) in f.en.courts and \
                    re.search(r"\b(?:District|U\.S\.|US|federal|Federal)\b", role):
                f.judge_court[canon] = f.en.courts[seat.group(1)]
    return m


@functools.lru_cache(maxsize=4)
def _role_of_regex(en_id: int, en: EnLexicon, lead_rx: str) -> re.Pattern:
    """"<Person>, (the) <role>( and <role>) of <Org>": made once per lexicon."""
    any_rx = _role_regex(en, ("exec",))
    two_rx = rf"(?:(?:{any_rx})\s+(?:and|&)\s+(?:{lead_rx})|(?:{lead_rx})\s+(?:and|&)\s+(?:{any_rx})|(?:{lead_rx}))"
    return re.compile(rf"(?P<name>{NAME}),\s+(?:the\s+)?(?i:{two_rx})\s+of\s+"
                      r"(?P<org>[A-Z][\w&.'’-]*(?:[ \t][A-Z][\w&.'’-]*){0,2})(?=[,;.]?\s|[,;.]$)")


def _role_org(f: Finder, chunk: str, start: int) -> None:
    """The unknown name a leading role is held at, added as a company (and its other mentions)."""
    t = f.text
    words = chunk.split()
    for k in range(len(words) - 2, -1, -1):
        if words[k].endswith(".") and not _patterns(id(f.en), f.en).abbr_dot.search(words[k]):
            words = words[k + 1:]       # "... on Wednesday. Creative Chairman": the name after the full stop
            break
    while words and (words[0] in f.en.stop or words[0] in f.en.places):
        words.pop(0)
    if words and words[-1].endswith(".") and not _patterns(id(f.en), f.en).abbr_dot.search(words[-1]):
        words = []          # "... and Washington. President Donald Trump": a sentence ended
    if not words or any(w in f.en.stop or w in f.en.places or w.lower() in f.en.months or w.lower() in f.en.weekdays
                        or w in f.en.words("rank") for w in words):       # "General Counsel and Senior Vice President"
        return
    oname = re.sub(r"['’]s$", "", " ".join(words))      # "Grubhub's chief executive"
    os_ = start + len(chunk) - len(" ".join(words))
    le = f.lex.lookup(oname)
    longer = [x for x in f.mentions if x.type == "Company" and x.name.startswith(oname + " ")]
    if longer and le is None and f.free(os_, os_ + len(oname)):
        # "Getty's chief executive" after "Getty Images": the company named before
        f.add(os_, os_ + len(oname), longer[0].name, "Company", "short")
    elif le is None and oname not in f.en.places and f.free(os_, os_ + len(oname)):
        f.add(os_, os_ + len(oname), oname, "Company", "pattern")
        # the same name elsewhere in the article ("Analysts said Grubhub's rivalry ...")
        for o in re.finditer(r"(?<![\w&@-])" + re.escape(oname) + r"(?![\w&-])(?![ \t]+[A-Z][a-z])", t):
            if f.free(o.start(), o.end()):
                f.add(o.start(), o.end(), oname, "Company", "pattern")


def _people(f: Finder) -> None:
    t = f.text
    before = _role_regex(f.en, ("exec", "judge", "other", "title", "office"))
    # the roles that head an organisation, not a country or an office ("president of France")
    lead_rx = "|".join(r"\s+".join(re.escape(x) for x in w.split()) for w in sorted(
        (w for w, (leads, k) in f.en.roles.items() if leads and k == "exec" and w.lower() not in ("president", "head", "chair", "boss")),
        key=len, reverse=True))
    rx = re.compile(rf"(?:(?<![\w-])|(?<=then-)|(?<=ex-))(?P<role>(?i:{before})),?\s+(?:is\s+|was\s+)?(?P<name>{NAME})")
    for m in rx.finditer(t):
        role = m.group("role")
        kind = f.en.roles.get(role, f.en.roles.get(role.lower(), f.en.roles.get(role.title(), (False, "other"))))[1]
        # capitalised titles (Judge, Mr.) must be written capitalised
        if kind in ("judge", "title", "office") and not role[0].isupper():
            continue
        name = m.group("name")
        if not all(w[0].isupper() or re.match(r"[a-z]{1,3}[A-Z]", w) for w in name.split()):
            continue
        p = _add_person(f, m.start("name"), name, role, kind)
        if p is not None and kind == "exec":
            # "Globex chief executive Hank Scorpio", "Globex CEO and Chairman Hank Scorpio": the unknown
            # name before the role (or two roles joined) is an organisation
            head = t[:m.start("role")]
            two = re.search(rf"(?:{lead_rx})\s+(?:and|&)\s+$", head, re.I) if lead_rx else None
            if two:
                head = head[:two.start()]
            org = re.search(r"(?<![\w.])([A-Z][\w&.'’-]*(?:[ \t][A-Z][\w&.'’-]*){0,2}?)(?:['’]s)?[ \t]+$", head)
            if org:
                _role_org(f, org.group(1), org.start(1))
    # "Dave Lesar, chief executive of Halliburton", "X, chairman and CEO of Globex": the unknown name
    # after a leading role and "of" is an organisation
    if lead_rx:
        for m in _role_of_regex(id(f.en), f.en, lead_rx).finditer(t):
            org = m.group("org")
            org = re.sub(r"['’]s$|\.$", "", org) if not _patterns(id(f.en), f.en).abbr_dot.search(org) else org
            _role_org(f, org, m.start("org"))
    # a plural title before a list of names: "Justices Clarence Thomas and Samuel Alito",
    # "Judges A B, C D and E F", "chief executives A B and C D"
    plural = "|".join(sorted({re.escape(w) + "s" for w, (_, k) in f.en.roles.items()
                              if k in ("judge", "exec", "other") and not w.endswith((".", "s"))}, key=len, reverse=True))
    if plural:
        rxp = re.compile(rf"(?<![\w-])(?P<role>{plural}),?\s+(?P<list>{NAME}(?:,\s+{NAME})*,?\s+and\s+{NAME})")
        for m in rxp.finditer(t):
            role = m.group("role")[:-1]
            kind = f.en.roles.get(role, (False, "other"))[1]
            if kind == "judge" and not role[0].isupper():
                continue
            lst = m.group("list")
            base = m.start("list")
            for nm in re.finditer(NAME, lst):
                name = nm.group(0)
                if name.split()[0] in ("and",) or not all(w[0].isupper() for w in name.split()):
                    continue
                _add_person(f, base + nm.start(), name, role, kind)
    # title + a single surname: "Mr. Sweeney", "Judge Koh"
    for m in re.finditer(r"\b(?P<role>Mr\.|Ms\.|Mrs\.|Dr\.|Judge)\s+(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+)?)\b", t):
        if f.free(m.start("name"), m.end("name")):
            known = [p for p in f.mentions if p.type == "Person" and p.name.split()[-1] == m.group("name")]
            if known:
                continue
            f.add(m.start("name"), m.end("name"), m.group("name"), "Person", "pattern")
    after = _role_regex(f.en, ("exec", "other"))
    rx2 = re.compile(rf"(?P<name>{NAME})(?:,|\s+(?:is|was|has\s+been|had\s+been|became|remains|remained|(?:will|would)\s+remain|resigned\s+as|stepped\s+down\s+as|retired\s+as))\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|(?:the\s+)?[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?['’]s\s+)?"
                     rf"(?:[\w'’-]+\s+){{0,2}}?(?P<role>(?i:{after}))\b")
    for m in rx2.finditer(t):
        name = m.group("name")
        if not all(w[0].isupper() or re.match(r"[a-z]{1,3}[A-Z]", w) for w in name.split()):
            continue
        _add_person(f, m.start("name"), name, m.group("role"), "exec")


def _product_context(f: Finder) -> None:
    """'the hit game Palworld', 'the Fortnite app', 'its Prime subscription service'."""
    t = f.text
    if not f.en.product_words:
        return
    pw = "|".join(sorted((re.escape(w) for w in f.en.product_words), key=len, reverse=True))
    nm = r"[A-Z][\w'’+-]*(?:[ \t][A-Z0-9][\w'’+-]*){0,2}"
    # "the Denon and Marantz brands": each name of the list
    lst = re.compile(rf"\b(?:the|its|their)[ \t]+(?P<list>{nm}(?:,[ \t]+{nm})*,?[ \t]+(?:and|or)[ \t]+{nm})[ \t]+(?:{pw})\b")
    found = [(m.start("list") + n.start(), n.group(0)) for m in lst.finditer(t)
             for n in re.finditer(nm, m.group("list")) if n.group(0) not in ("and", "or")]
    # "Snap, whose Snapchat app": the owner named before "whose" is a company
    for m in re.finditer(rf"(?<![\w.])(?P<owner>[A-Z][\w&.-]*(?:[ \t][A-Z][\w&.-]*){{0,2}}),[ \t]+whose[ \t]+"
                         rf"(?P<name>{nm})[ \t]+(?:[a-z-]+[ \t]+)?(?:{pw})\b", t):
        found.append((m.start("name"), m.group("name")))
        ow = m.group("owner")
        if ow.split()[0] not in f.en.stop and ow not in f.en.places and f.lex.lookup(ow) is None \
                and f.free(m.start("owner"), m.end("owner")):
            for o in re.finditer(r"(?<![\w&@-])" + re.escape(ow) + r"(?![\w&-])(?![ \t]+[A-Z])", t):
                if f.free(o.start(), o.end()):
                    f.add(o.start(), o.end(), ow, "Company", "pattern")
    unit = r"(?![ \t]+(?:unit|subsidiary|division|affiliate|maker|makers|company|business)\b)"
    for rx in (re.compile(rf"\b(?:{pw})[ \t]+(?P<name>{nm})"),
               re.compile(rf"(?:\b(?:the|its|their|his|her|a|an)(?:[ \t]+(?:own|new))?|(?<![\w.])[A-Z][\w&.-]*['’]s)[ \t]+(?P<name>{nm})[ \t]+(?:[a-z-]+[ \t]+)?(?:{pw})\b" + unit),
               # "which include Nest smart speakers, Pixel phones and Chromecast streaming gadgets"
               re.compile(rf"(?:\b(?:include|includes|included|including|such\s+as|and|or)|,)[ \t]+(?P<name>{nm})[ \t]+(?:[a-z-]+[ \t]+)?(?:{pw})\b" + unit)):
        found += [(m.start("name"), m.group("name")) for m in rx.finditer(t)]
    # "Adobe's best-known products include Photoshop and Illustrator"
    for m in re.finditer(rf"\b(?:products|apps|services|brands|games|titles)[ \t]+(?:include|includes|included|are)[ \t]+"
                         rf"(?P<list>{nm}(?:,[ \t]+{nm})*,?[ \t]+(?:and|or)[ \t]+{nm})", t):
        found += [(m.start("list") + n.start(), n.group(0)) for n in re.finditer(nm, m.group("list"))
                  if n.group(0) not in ("and", "or")]
    # "Adobe's XD": a short name in capitals after a company's possessive
    for m in re.finditer(r"(?<![\w.])(?P<owner>[A-Z][\w&.-]*)['’]s[ \t]+(?P<name>[A-Z]{2,5})(?![\w&-])(?=[ \t]*[,.;]|[ \t]+(?:which|that|was|is|has|app|software|service)\b)", t):
        if m.group("name") not in f.en.stop and f.lex.lookup(m.group("owner")) is not None:
            found.append((m.start("name"), m.group("name")))
    # "Nvidia's H100", "announced the H200": a model code (letters and digits) is a product
    code = r"(?P<name>[A-Z]{1,4}\d{2,4}[A-Z]{0,2}(?:[ \t][A-Z][a-z]+)?)"
    for m in re.finditer(rf"(?:(?<![\w.])[A-Z][\w&.-]*['’]s|\b(?:the|its|their))[ \t]+{code}(?![\w-])", t):
        if not any(x.type == "Product" and x.name.endswith(" " + m.group("name")) for x in f.mentions):
            found.append((m.start("name"), m.group("name")))   # (not "the MI300X" after "Instinct MI300X": a short form)
    for s, raw in sorted(found):
        if True:
            name = re.sub(r"['’]s$", "", raw).rstrip(".,")
            words = name.split()
            while words and (words[-1] in f.en.stop or words[-1].lower() in f.en.months):
                words.pop()
            if not words or words[0] in f.en.stop or words[0] in f.en.places:
                continue
            name = " ".join(words)
            if not f.free(s, s + len(name)) or _type_of(f, words) not in (None, "Product") or \
                    words[0] in f.en.demonyms or name in f.en.countries:
                continue        # ("the Israeli advertising software firm": a description)
            le = f.lex.lookup(name)
            if le is not None:
                f.add(s, s + len(name), le.name, le.type, "lexicon", le.owner)
            else:
                f.add(s, s + len(name), name, "Product", "pattern")
                # the same name written again is the same product ("Palworld, an open-world game")
                for o in re.finditer(r"(?<![\w&@-])" + re.escape(name) + r"(?![\w&-])(?![ \t]+[A-Z])", t):
                    if f.free(o.start(), o.end()):
                        f.add(o.start(), o.end(), name, "Product", "pattern")


def _speakers(f: Finder) -> None:
    """'Jane Doe said', 'said Jane Doe': a two- or three-word Title-case name that speaks is a person."""
    t = f.text
    nm = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+)?(?:[ \t][A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+|-[a-z]{2,})?){1,2}"
    for rx in (re.compile(rf"(?<![\w.])(?P<name>{nm})(?:,[^,]{{1,60}},)?[ \t]+(?:said|says|told|wrote|added|argued|testified)\b"),
               re.compile(rf"\b(?:said|says|according to)[ \t]+(?P<name>{nm})\b(?![ \t]+[A-Z])"),
               re.compile(rf"(?<![\w.])(?P<name>{nm}),[ \t]+who[ \t]+(?:heads|runs|founded|co-founded|leads|led|chairs|"
                          r"ran|headed|started)\b")):
        for m in rx.finditer(t):
            name = m.group("name")
            words = name.split()
            if any(w in f.en.stop or w in f.en.places or w.lower() in f.en.months or w.lower() in f.en.weekdays
                   for w in words):
                continue
            if _type_of(f, words) is not None or f.lex.lookup(name) or any(f.lex.lookup(w) for w in words):
                continue
            s = m.start("name")
            if f.free(s, s + len(name)):
                f.add(s, s + len(name), name, "Person", "pattern")


def _strip_suffix(f: Finder, words: list[str]) -> tuple[list[str], bool]:
    for suf, typ, pos, strip in f.en.suffixes:
        if strip and pos == "last" and len(words) > 1 and words[-1].rstrip(",") == suf:
            rest = words[:-1]
            while len(rest) > 1 and rest[-1] in ("&", "and"):
                rest = rest[:-1]        # "Goldman Sachs & Co": the joiner goes with the ending
            return rest, True
    return words, False


def _type_of(f: Finder, words: list[str]) -> str | None:
    if len(words) > 2 and (words[-1] in f.en.places or words[-1] in f.en.countries):
        words = words[:-1]          # "Sony Music Entertainment Japan": typed by the word before the place
    name = " ".join(words)
    for suf, typ, pos, strip in f.en.suffixes:        # "Institute of Technology": the head comes first
        if pos == "first" and (name.startswith(suf + " ") or f" {suf} " in name) and len(words) > len(suf.split()):
            return typ
    for suf, typ, pos, strip in f.en.suffixes:
        if pos == "last" and len(words) > 1 and words[-1] == suf:
            return typ
    return None


def _chunks(f: Finder) -> None:
    t = f.text
    for m in _CHUNK.finditer(t):
        s, e = m.start(), m.end()
        seg = t[s:e]
        # a word ending a sentence ends the name ("... its Unreal Engine. Microsoft ...")
        for wm in re.finditer(r"\S+\.(?=[ \t])", seg):
            if not _patterns(id(f.en), f.en).abbr_dot.search(wm.group(0)) and not re.fullmatch(r"(?:[A-Z]\.)+", wm.group(0)):
                seg = seg[:wm.end()]
                e = s + len(seg)
                break
        # split at possessives that do not belong to the name ("Korea's Fair Trade Commission")
        parts = []
        p0 = 0
        for pm in re.finditer(r"([\w.&-]+)['’]s?\s+", seg):
            if pm.group(0).strip() in f.en.inner or (pm.group(1) + "'s") in f.en.inner:
                continue
            parts.append((p0, pm.start() + len(pm.group(1))))
            p0 = pm.end()
        parts.append((p0, len(seg)))
        prev_place = None
        for a, b in parts:
            ps, pe = s + a, s + b
            sub = t[ps:pe]
            # trailing period that ends the sentence, not an abbreviation
            while sub.endswith((".", ",", "'", "’")) and not _patterns(id(f.en), f.en).abbr_dot.search(sub):
                sub = sub[:-1]
                pe -= 1
            words = sub.split()
            while words and (words[0] in f.en.stop or words[0] in ("of", "for", "the", "de", "&")
                             or re.search(r"-(?:based|listed|headquartered|owned|backed)$", words[0])):
                ps = t.index(words[0], ps) + len(words[0])
                words = words[1:]
            while words and words[-1] in ("of", "for", "the", "de", "&"):
                words = words[:-1]
            if not words:
                prev_place = None
                continue
            ps = t.index(words[0], ps)
            pe = ps + len(" ".join(words)) if t[ps:ps + len(" ".join(words))] == " ".join(words) else pe
            _classify(f, ps, pe, words, prev_place)
            prev_place = " ".join(words)


# function words a title-case headline capitalises ("Google Hit With Record $5 Billion EU Fine Over …"):
# a name after an owner's name holding one is headline text
_HEADLINE_WORDS = frozenset({"with", "over", "for", "to", "in", "on", "at", "by", "from", "after", "as", "against",
                             "into", "amid", "than", "is", "are", "was", "be", "will"})


def _classify(f: Finder, s: int, e: int, words: list[str], place: str | None) -> None:
    name = " ".join(words)
    if not f.free(s, e):
        # a longer name around a lexicon name: "Apple Inc." -> Apple's mention grows to the full form
        inner = [m for m in f.mentions if s <= m.start and m.end <= e]
        core, stripped = _strip_suffix(f, words)
        if len(inner) == 1 and inner[0].source == "lexicon":
            m = inner[0]
            lead = f.text[s:m.start].split()
            tail = f.text[m.end:e].split()
            if (stripped and m.surface == " ".join(core) and m.start == s) or \
                    (m.end == e and lead and all(w in f.en.places or w.rstrip(".") in f.en.places for w in lead)) or \
                    (m.start == s and m.type == "Company" and len(tail) == 1 and _type_of(f, words) == "Company"):
                # ("Motorola Solutions", "Huawei Technologies": the company with a descriptive ending)
                f.add(s, e, m.name, m.type, m.source, m.owner, replace=True)
        return
    core, stripped = _strip_suffix(f, words)
    cands = [name, " ".join(core)]
    if place:
        pw = place.split()
        cands += [f"{place} {name}", f"{pw[-1]} {name}"]
    # leading place words: "U.S. Federal Trade Commission", "EU Commission"
    w2 = list(words)
    while len(w2) > 1 and (w2[0] in f.en.places or w2[0].rstrip(".") in f.en.places):
        w2 = w2[1:]
        cands.append(" ".join(w2))
    for c in cands:
        le = f.lex.lookup(c) if c else None
        if le is not None and any(x.isascii() and norm(x) == norm(c) for x in (le.name,) + le.aliases):
            f.add(s, e, le.name, le.type, "lexicon", le.owner)
            return
    if name in f.the_names:
        f.add(s, e, f.the_names[name], "Company", "pattern")
        return
    typ = _type_of(f, words)
    owner = next((o for st, o in f.owned_names if st == s), None)
    if typ == "Company" and stripped and owner and len(words) >= 3 and re.fullmatch(r"[A-Z]{2,3}", words[-1]):
        # "Apple Watch SE": a model letter code after a name made from its owner's, not a legal form
        typ, stripped = "Product", False
    if typ is None and owner and len(words) >= 2:
        if any(w.lower() in _HEADLINE_WORDS for w in words[1:]):
            return               # "Google Hit With Record …": a title-case headline, not a product name
        typ = "Product"          # "Google Reader", "Uber Eats": named after its owner
    if typ == "Company" and len(words) >= 2 and not stripped:
        # "Huawei Technologies", "Tencent Group": a known company with a descriptive ending
        le = f.lex.lookup(" ".join(words[:-1]))
        if le is not None and le.type == "Company":
            f.add(s, e, le.name, le.type, "lexicon", le.owner)
            return
    if typ is None:
        return
    if typ == "Company" and stripped:
        canon = " ".join(core)
    else:
        canon = name
    if (len(canon) < 2 and not (stripped and canon.isupper())) or canon in f.en.stop or canon in f.en.places:
        return          # ("X Corp" keeps its one-letter name)
    f.add(s, e, canon, typ, "pattern", owner)


def _models(f: Finder) -> None:
    """'iPhone 7' after a known product: a new product, owned by the product's owner."""
    out = []
    for m in list(f.mentions):
        if m.type != "Product":
            continue
        mm = _patterns(id(f.en), f.en).model.match(f.text, m.end)
        if mm and not (mm.group(0).strip().isdigit() and len(mm.group(0).strip()) == 4):
            nxt = f.text[mm.end():mm.end() + 2]
            if nxt[:1].isdigit() or re.match(r"\s?(?:%|percent|million|billion|years?)", f.text[mm.end():mm.end() + 9]):
                continue
            out.append((m, mm.end()))
    for m, e in out:
        owner = m.owner
        f.mentions.remove(m)
        name = f.text[m.start:e]
        f.mentions.append(Mention(m.start, e, name, "Product", name, "pattern", owner or m.name))


def _lists(f: Finder) -> None:
    """Unknown capitalised names listed with a company are companies."""
    t = f.text
    word = r"([A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*)?)"
    rx = re.compile(rf",?\s+(?:and|or)\s+{word}|,\s+{word}")
    bad = f.en.stop | f.en.places | set(f.en.demonyms)     # ("JD.com and Singaporean ... group Sea")
    # "rival grocers such as Kroger and Costco", "rival apps, including Snapchat, TikTok and Twitter": the
    # unknown names of a list introduced by "such as"/"including" that has a known company or product
    nm = r"[A-Z][\w&'’-]*(?:[ \t][A-Z][\w&'’-]*)?"
    for lm in re.finditer(rf"\b(?:such\s+as|including|like)\s+(?P<list>(?:the\s+)?{nm}(?:,\s+(?:the\s+)?{nm})*,?\s+(?:and|or)\s+(?:the\s+)?{nm})", t):
        items = [(lm.start("list") + x.start(), x.group(0)) for x in re.finditer(nm, lm.group("list"))]
        known = [m for m in f.mentions if lm.start("list") <= m.start < lm.end("list") and m.type in ("Company", "Product")]
        if not known:
            continue
        typ = known[0].type
        for s, w in items:
            if w in bad or w.split()[0] in bad or w.lower() in f.en.months or not f.free(s, s + len(w)) or f.lex.lookup(w):
                continue
            f.add(s, s + len(w), w, typ, "pattern")
    # "including the Google Play Store and Gmail": an unknown name closing a list with a product
    for m in [x for x in f.mentions if x.type == "Product"]:
        mm = re.match(r",?\s+and\s+([A-Z][\w&'’-]*)(?=\s*[.,;]|\s+(?:were|are|was|is)\b)", t[m.end:m.end + 40])
        if mm and re.search(r"\b(?:including|such\s+as|like)\s+(?:the\s+)?(?:[A-Z][\w&'’-]*\s+){0,3}$", t[max(0, m.start - 40):m.start]):
            w = mm.group(1)
            s = m.end + mm.start(1)
            if w not in bad and f.free(s, s + len(w)) and f.lex.lookup(w) is None and w.lower() not in f.en.months:
                f.add(s, s + len(w), w, "Product", "pattern")
    changed = True
    rounds = 0
    while changed and rounds < 6:
        changed = False
        rounds += 1
        comps = [m for m in f.mentions if m.type == "Company"]
        for m in comps:
            mm = rx.match(t, m.end)
            if not mm:
                continue
            w = mm.group(1) or mm.group(2)
            ws = mm.start(1) if mm.group(1) else mm.start(2)
            w = re.split(r"(?<![A-Z])\.\s", w)[0]        # "... and Creatures. Game Freak develops"
            w = w.rstrip(".,'’")
            if w.endswith(("'s", "’s")):
                continue
            if w.split()[0] in bad or w.lower() in f.en.months or w.lower() in f.en.weekdays \
                    or not f.free(ws, ws + len(w)):
                continue
            # only a genuine list: an "and"/"or" closes it within the next names
            tail = t[ws:ws + 80]
            if not re.match(rf"{re.escape(w)}(?:,\s+[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)?)*,?\s+(?:and|or)\s+"
                            r"(?:[A-Z]|(?:many\s+|several\s+|various\s+|some\s+|dozens\s+of\s+)?other\s+[a-z])", tail) \
                    and not re.search(r"(?:and|or)\s+$", t[m.end:ws]):
                continue
            if True:
                f.add(ws, ws + len(w), w, "Company", "pattern")
                changed = True


def _short_forms(f: Finder) -> None:
    t = f.text
    shorts: dict[str, tuple[str, str]] = {}
    first: dict[str, int] = {}
    bad = f.en.stop | f.en.places
    for m in f.mentions:
        first[m.name] = min(first.get(m.name, m.start), m.start)
    for m in list(f.mentions):
        words = m.surface.split()
        if m.type == "Company" and len(words) == 2 and words[0][:1].isupper() and words[0] not in bad and \
                any(strip and pos == "last" and words[1].rstrip(".") == suf.rstrip(".") for suf, ty, pos, strip in f.en.suffixes):
            shorts.setdefault(words[0], (m.name, m.type))   # "X" for "X Corp" (its legal ending dropped)
        if m.type == "Company" and len(words) >= 2:
            w = words[0]
            if len(w) >= 3 and w not in bad and w.lower() not in f.en.months and not f.lex.lookup(w):
                shorts.setdefault(w, (m.name, m.type))
            if len(words) >= 3 and words[0] not in bad and words[1][:1].isupper():
                # "Whole Foods" for "Whole Foods Market"
                w2 = " ".join(words[:2])
                if not f.lex.lookup(w2):
                    shorts.setdefault(w2, (m.name, m.type))
        elif m.type == "Person" and len(words) >= 2:
            shorts.setdefault(words[-1], (m.name, "Person"))
            if len(words) >= 3:
                shorts.setdefault(" ".join(words[-2:]), (m.name, "Person"))
        elif m.type == "Product" and len(words) == 2 and m.source == "pattern":
            w = words[0]
            if len(w) >= 4 and w not in bad and w.lower() not in f.en.months and not f.lex.lookup(w):
                shorts.setdefault(w, (m.name, m.type))
            if re.fullmatch(r"[A-Z]{1,4}\d{2,4}[A-Z]{0,2}", words[1]):
                shorts.setdefault(words[1], (m.name, m.type))      # "the MI300X" for "Instinct MI300X"
    _pattern_short_companies(f, shorts)
    # a short form that is itself the name of another entity of the article ("Palworld" beside
    # "Palworld Entertainment") is that entity
    taken: dict[str, set[str]] = {}
    for m in f.mentions:
        for n in (m.surface, m.name):
            taken.setdefault(n, set()).add(m.name)
    shorts = {w: v for w, v in shorts.items() if not (taken.get(w, set()) - {v[0]}) or v[1] == "Person"}
    if not shorts:
        return
    rx = re.compile(r"(?<![\w&-])(?:" + "|".join(re.escape(w) for w in sorted(shorts, key=len, reverse=True)) + r")(?![\w&-])")
    for m in rx.finditer(t):
        name, typ = shorts[m.group(0)]
        nl = t.find("\n")
        if m.start() < first.get(name, 0) and not (0 <= m.start() < nl and nl < first.get(name, 0)):
            continue        # a short form refers back, never forward (but a headline uses short forms first)
        # "Epic" directly followed by a capitalised word is part of another name
        if re.match(r"\s[A-Z][a-z]", t[m.end():m.end() + 3]) and typ != "Person":
            continue
        f.add(m.start(), m.end(), name, typ, "short")


def _pattern_short_companies(f: Finder, shorts: dict[str, tuple[str, str]]) -> None:
    """"VLSI patent verdict … VLSI Technology won … VLSI did not comment": a company found only by
    pattern under its first word (an acronym written twice) is the company of two words the article
    names with a company word after it (Technology, Group, Holdings: suffixes_en.tsv), when no other
    entity of the article goes by that word.  A product or a lexicon entity under the word stays
    apart ("Palworld" the game beside "Palworld Entertainment")."""
    ends = {suf.rstrip(".") for suf, ty, pos, strip in f.en.suffixes if ty == "Company" and pos == "last"}
    nl = f.text.find("\n")
    for w, (name, typ) in shorts.items():
        words = name.split()
        if typ != "Company" or len(words) != 2 or words[0] != w or words[1].rstrip(".") not in ends:
            continue
        under = [m for m in f.mentions if m.name == w]
        if not under or any(m.type != "Company" or m.source != "pattern" for m in under) or f.lex.lookup(w):
            continue
        if any(m.name != name and m.name != w and m.surface.split()[:1] == [w] for m in f.mentions):
            continue        # a second company opening with the word: the word names neither alone
        first = min(m.start for m in f.mentions if m.name == name)
        if any(m.start < first and not (0 <= m.start < nl < first) for m in under):
            continue        # a short form refers back (a headline's excepted)
        for m in under:
            m.name = name


def _acronym_of(short: str, long: str) -> bool:
    """Schwartz & Hearst's test, a little stricter: the short form's letters are found in order in
    the long form, its first letter opens the long form, and every content word of the long form
    gives its initial ("AOL" ~ "America Online", "ATIC" ~ "Advanced Technology Investment Company")."""
    sl, ll = short.lower(), long.lower()
    if not sl or not ll or sl[0] != ll[0]:
        return False
    words = long.split()
    if len(words) < 2 or len(words) > len(short) + 2:
        return False
    si, li = len(sl) - 1, len(ll) - 1
    used: set[int] = set()
    while si >= 0:
        c = sl[si]
        if not c.isalnum():
            si -= 1
            continue
        while li >= 0 and (ll[li] != c or (si == 0 and li > 0 and ll[li - 1] not in " -")):
            li -= 1
        if li < 0:
            return False
        used.add(li)
        si -= 1
        li -= 1
    starts, pos = [], 0
    for w in words:
        starts.append((pos, w))
        pos += len(w) + 1
    return all(p in used for p, w in starts if w.lower() not in ("of", "and", "the", "for", "&", "de"))


_ACR = re.compile(r"(?<![\w.&'’-])[A-Z][A-Z0-9&]{1,5}(?![\w&-])")


def _acronyms(f: Finder) -> None:
    """Unknown acronyms: written after a name in parentheses ("Advanced Technology Investment Company
    (ATIC)"), spelling out a name of the article ("AOL" ~ "America Online"), opening a company's name
    found ("AOL Time Warner"), or written at least twice.  Acronyms that are not names (PC, CEO, ...)
    are in the stop list."""
    t = f.text
    bad = f.en.stop | f.en.places
    occ: dict[str, list[int]] = {}
    for m in _ACR.finditer(t):
        w = m.group(0)
        if w in bad or w.lower() in f.en.months or f.lex.lookup(w) is not None or re.fullmatch(r"[IVXLC]+|[0-9A-Z]*\d[0-9A-Z]*", w):
            continue
        # a line in capitals (a headline, a dateline) says nothing about names
        line = t[t.rfind("\n", 0, m.start()) + 1:t.find("\n", m.end()) if t.find("\n", m.end()) >= 0 else len(t)]
        lw = [x for x in re.findall(r"[A-Za-z]+", line) if len(x) > 1]
        if lw and sum(x.isupper() for x in lw) * 2 > len(lw):
            continue
        occ.setdefault(w, []).append(m.start())
    opens: dict[str, int] = {}
    for w in list(occ):
        # "AOL Time Warner": the acronym opening a longer name is part of that name, not a mention
        alone = [p for p in occ[w] if not re.match(r"[ \t]+[A-Z][a-z]", t[p + len(w):p + len(w) + 3])]
        opens[w] = len(occ[w]) - len(alone)
        occ[w] = alone
    if not occ:
        return
    chunks = []
    for m in _CHUNK.finditer(t):
        words = [w.rstrip(".,") for w in m.group(0).split()]
        while words and words[0] in f.en.stop:
            words.pop(0)
        if len(words) >= 2:
            chunks.append((m.start(), " ".join(words)))
    for acr, poss in occ.items():
        name, typ, long_at = None, None, []
        # 1. "Long Name (ACR)" and any long form of the article that the acronym spells
        for cs, long in chunks:
            cand = long
            ws = cand.split()
            for k in range(len(ws) - 1):          # "Abu Dhabi's Advanced ...": try the name's tails too
                tail = " ".join(ws[k:])
                if _acronym_of(acr, tail):
                    cand = tail
                    break
            else:
                continue
            a = t.find(cand, cs)
            long_at.append((a, a + len(cand), cand))
        if long_at:
            a, b, long = long_at[0]
            known = [m for m in f.mentions if m.start <= a and b <= m.end and m.source != "coref"]
            if known:
                name, typ = known[0].name, known[0].type
            else:
                typ = _type_of(f, long.split()) or "Company"
                core, stripped = _strip_suffix(f, long.split())
                name = acr
        elif len(poss) >= 2 or (poss and opens.get(acr)):
            name, typ = acr, "Company"
        if name is None:
            continue
        for a, b, long in long_at:
            if f.free(a, b):
                f.add(a, b, name, typ, "pattern")
        for p in poss:
            f.add(p, p + len(acr), name, typ, "pattern")


_MAKER_OF = re.compile(r"(?<![\w.&'’-])(?P<name>[A-Z][\w&'’.-]*(?:[ \t][A-Z][\w&'’.-]*){0,2}),[ \t]+(?:the[ \t]+)?"
                       r"(?P<head>creator|maker|developer|publisher|owner|operator)[ \t]+of[ \t]+"
                       r"(?:(?:the|its|popular|hit)[ \t]+)*(?:(?:game|app|video[ \t]+game|platform|service|browser)[ \t]+)?")


def _makers_of(f: Finder) -> None:
    """'Epic, creator of the game Fortnite, sued Google': a name in apposition to the maker of a
    product the lexicon knows is that product's owner where the owner's name starts with it (Epic
    of Epic Games) or is it; a developer, maker or publisher of anything is a company."""
    t = f.text
    for m in _MAKER_OF.finditer(t):
        name = m.group("name")
        s, e = m.start("name"), m.end("name")
        if not f.free(s, e) or name in f.en.stop or name in f.en.places:
            continue
        made = next((x for x in f.mentions if x.start == m.end()), None)
        le = f.lex.entities.get(made.name) if made is not None else None
        owner = f.lex.entities.get(le.owner) if le is not None and le.owner else None
        if owner is not None and any(a == name or (a.startswith(name + " ") and a.isascii())
                                     for a in (owner.name,) + owner.aliases):
            f.add(s, e, owner.name, owner.type, "lexicon", owner.owner)
        elif m.group("head") in ("maker", "developer", "publisher") and f.lex.lookup(name) is None:
            f.add(s, e, name, "Company", "pattern")
        else:
            continue
        found = f.mentions[-1]
        for o in re.finditer(r"(?<![\w&@-])" + re.escape(name) + r"(?![\w&-])", t):
            if f.free(o.start(), o.end()):
                f.add(o.start(), o.end(), found.name, found.type, found.source, found.owner)


def _company_cues(f: Finder) -> None:
    """'Initech, the software company', 'Globex, a chipmaker': an unknown name in apposition to a
    company noun is a company."""
    for typ in ("Organization", "Company"):       # the longer heads first: "a lobbying group" before "group"
        _cues_of(f, typ)


def _cap_name_ends(t: str, e: int, en: EnLexicon) -> bool:
    """A name ends at e when what follows is punctuation or a lower-case word (not a possessive), or
    when it took the sentence's full stop ("... wholesaler Booker. Tesco said")."""
    if e and t[e - 1] == "." and not _patterns(id(en), en).abbr_dot.search(t[max(0, e - 6):e]):
        return True
    return not re.match(r"['’]s\b", t[e:e + 2]) and bool(re.match(r"\s*(?:[^\w\s]|$|[a-z])", t[e:e + 3]))


def _cues_of(f: Finder, typ: str) -> None:
    """One type's appositive cues: the coreference nouns of that type ("the lobbying group" makes
    "FairSearch, a lobbying group" an organisation)."""
    t = f.text
    heads = {k[4:] for k, v in f.en.coref.items() if v == typ and k.lower().startswith("the ")}
    if typ == "Company":
        heads |= {"maker", "manufacturer", "chipmaker", "company", "firm", "operator", "provider", "supplier",
                  "vendor", "producer", "carrier", "lender", "insurer", "brewer", "airline", "designer", "chip designer"}
    if not heads:
        return
    heads = sorted(heads, key=len, reverse=True)
    hx = "|".join(r"\s+".join(re.escape(x) for x in h.split()) for h in heads)
    nm = r"(?:[A-Z]|[a-z]{1,4}[A-Z])[\w&'’.-]*(?:[ \t][A-Z][\w&'’.-]*){0,3}"      # "iRobot", "ironSource" too
    rx = re.compile(r"(?<![\w.&'’-])(?P<name>" + nm + r"),[ \t]+(?:the|a|an)[ \t]+"
                    r"(?:[\w-]+[ \t]+){0,3}?(?:" + hx + r")\b")
    # "the audio group Sound United", "the start-up Nuvia": the noun before the name
    dem = "|".join(sorted((re.escape(d) for d in f.en.demonyms), key=len, reverse=True)) or "(?!)"
    rx2 = re.compile(r"\b(?:[Tt]he|[Aa]n?|from|by|with|to|against|of|for)[ \t]+(?:(?:[a-z][\w-]*|[A-Z][a-z]+(?:i|ian|ese|ish|an)|"
                     r"[A-Z][\w.]*['’]s|" + dem + r")[ \t]+){0,4}?"
                     r"(?:" + hx + r")[ \t]+(?P<name>" + nm + r")(?![\w&'’-])")
    # ("from mobile marketing company AppLovin", "the Israeli advertising software firm ironSource")
    found = list(rx.finditer(t)) + [m for m in rx2.finditer(t) if _cap_name_ends(t, m.end("name"), f.en)]
    if typ == "Company":
        # "Symantec's enterprise security business": the owner of a business is a company
        found += [m for m in re.finditer(r"(?<![\w.&'’-])(?P<name>" + nm + r")['’]s[ \t]+(?:(?:[a-z][\w-]*|U\.S\.|[A-Z]{2,})[ \t]+){1,3}"
                                         r"(?:business|businesses|unit|division|operations)\b", t)]
        # "Iberdrola's U.S. unit Avangrid", "Westlaw owner Thomson Reuters", "Google parent Alphabet": the
        # name after a unit noun of a possessor, or after "owner"/"parent" of a name, is a company
        found += [m for m in re.finditer(r"['’]s[ \t]+(?:(?:[a-z][\w-]*|U\.S\.|[A-Z]{2,})[ \t]+){0,2}(?:unit|subsidiary|division|affiliate)"
                                         r"[ \t]+(?P<name>" + nm + r")", t) if _cap_name_ends(t, m.end("name"), f.en)]
        found += [m for m in re.finditer(r"(?:(?<![\w&'’-])[A-Z][\w&.'’-]*[ \t]+(?:owner|parent)|\bparent[ \t]+company)[ \t]+(?P<name>" + nm + r")", t)
                  if _cap_name_ends(t, m.end("name"), f.en)]
        # "the North American paints unit of AkzoNobel": the name a unit is of
        found += [m for m in re.finditer(r"\b(?:unit|subsidiary|division|affiliate)[ \t]+of[ \t]+(?P<name>" + nm + r")", t)
                  if _cap_name_ends(t, m.end("name"), f.en)]
        # "its Ring doorbell unit", "Amazon's Zoox subsidiary": a business unit is a company
        found += [m for m in re.finditer(r"(?:\b(?:[Ii]ts|[Tt]heir)|['’]s)[ \t]+(?P<name>" + nm + r")[ \t]+(?:[a-z][\w-]*[ \t]+)?"
                                         r"(?:unit|subsidiary|division|affiliate)\b", t)]
    cued = {id(m) for m in found if m.re is not rx}
    for m in found:
        parts = re.split(r"(?<![A-Z])(?<!Inc)(?<!Co)(?<!Corp)(?<!Bros)\.[ \t]+", m.group("name"))
        end = m.end("name")
        if len(parts) > 1 and m.end("name") == m.end():
            # a name after its cue ends at a full stop ("the wholesaler Booker. Tesco said")
            words = (parts[0] + ".").split()
            end = m.start("name") + len(parts[0]) + 1
        else:
            words = parts[-1].split()
        if words and words[-1].endswith(".") and not _patterns(id(f.en), f.en).abbr_dot.search(words[-1]):
            words[-1] = words[-1][:-1]      # "... firm ironSource.": the sentence's full stop
            end -= 1
        while words and (words[0] in f.en.stop or words[0] in f.en.places) and \
                (id(m) not in cued or words[0] in f.en.places or len(words) == 1):
            words.pop(0)        # "... Apple. Initech, the maker": an opener, not a word of the name
        if not words or any(w.lower() in f.en.months or w.lower() in f.en.weekdays for w in words):
            continue
        name = " ".join(words)
        s = end - len(name)
        if not f.free(s, s + len(name)) or f.lex.lookup(name) is not None:
            continue
        f.add(s, s + len(name), name, typ, "pattern")
        for o in re.finditer(r"(?<![\w&@-])" + re.escape(name) + r"(?![\w&-])", t):
            if f.free(o.start(), o.end()):
                f.add(o.start(), o.end(), name, typ, "pattern")


_SUBJ_VERB = re.compile(
    r"(?:said|says|sued|sues|took|takes|made|makes|won|lost|sold|bought|paid|pays|agreed|released|launched|shipped|"
    r"filed|had|has|have|was|is|will|would|could|can|did|does|went|got|gave|began|built|became|became|[a-z]+ed)\b")


def _repeated_subjects(f: Finder) -> None:
    """An unknown name that is the subject of verbs at least twice ("Netscape took its complaints ...",
    "Netscape sued Microsoft"), or once and owns something as well ("Netscape's chief executive"), is
    a company.  Sentence-initial common words ("Lawmakers", "Regulators") are in the stop list, and
    the recurrence is asked of every name, so a capitalised opener alone never makes a company."""
    t = f.text
    bad = f.en.stop | f.en.places
    # (also after a quote opening the sentence, and after a short opener: "Earlier this week, Bayer said")
    rx = re.compile(r"(?:^|(?<=[.!?;:])\s+|\n\s*|,\s+(?:and|but|while)\s+|\b(?:that|when|after|before|because|and)\s+"
                    r"|(?:^|(?<=[.!?;:])\s+|\n\s*)[\"“]|(?:^|(?<=[.!?])\s+|\n\s*)[A-Z][a-z]+(?:[ \t]+[a-z]+){0,3},[ \t]+)"
                    r"(?P<name>[A-Z][a-z][\w&'’-]*(?:[ \t][A-Z][\w&-]*){0,2})"
                    r"(?:,[^,.;]{3,80},)?[ \t]+(?:[a-z]+ly[ \t]+)?(?:also[ \t]+|then[ \t]+|already[ \t]+)?"
                    + _SUBJ_VERB.pattern)
    subj: dict[str, list[int]] = {}
    for m in rx.finditer(t):
        name = m.group("name")
        if name.endswith(("'s", "’s")):
            continue
        words = name.split()
        while len(words) > 1 and (words[0] in bad or words[0].lower() in f.en.months):
            words.pop(0)        # "Later Initrode sued"
        name = " ".join(words)
        if any(w in bad or w.lower() in f.en.months or w.lower() in f.en.weekdays or w.lower() in f.en.numbers
               for w in words) or f.lex.lookup(name) is not None:
            continue
        s = m.end("name") - len(name)
        if not f.free(s, s + len(name)):
            continue
        subj.setdefault(name, []).append(s)
    # "Getty Images has sued ... Getty is seeking": the short subject is the longer name written first
    long_of: dict[str, str] = {}
    for name in list(subj):
        for other in subj:
            if other != name and other.startswith(name + " ") and min(subj[other]) < min(subj[name]):
                long_of[name] = other
                subj[other] = subj[other] + subj[name]
    for name, starts in subj.items():
        if name in long_of:
            continue
        occ = [o for o in re.finditer(r"(?<![\w&@-])" + re.escape(name) + r"(?![\w&-])", t)]
        owns = any(re.match(r"['’]s\s", t[o.end():o.end() + 3]) for o in occ)
        if len(starts) < 2 and not (owns and len(occ) >= 2):
            continue
        # not a person: no one of that surname, and not written after a personal title
        if any(m.type == "Person" and name in m.name.split() for m in f.mentions):
            continue
        for o in occ:
            if f.free(o.start(), o.end()) and not re.match(r"[ \t]+[A-Z][a-z]", t[o.end():o.end() + 3]):
                f.add(o.start(), o.end(), name, "Company", "pattern")
        for short in [s for s, l in long_of.items() if l == name]:
            for o in re.finditer(r"(?<![\w&@-])" + re.escape(short) + r"(?![\w&-])(?![ \t]+[A-Z][a-z])", t):
                if f.free(o.start(), o.end()):
                    f.add(o.start(), o.end(), name, "Company", "short")
