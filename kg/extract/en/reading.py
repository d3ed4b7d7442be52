"""What every part of the English relation reader shares: the candidate fact it emits (`Cand`), the
compiled word lists, and the state of one article's reading with the small questions asked of it
everywhere: does a relation's schema accept this mention on that side, does the mention stand after a
preposition or before a possessive, inside a quotation, and which mention is a sentence's subject.

The reader is split by concern (`coref`, `arguments`, `clauses`,
`roles`); they all read and write the one state declared here, so each is a mixin over
`ReadingBase` and `en.relations.Reader` composes them.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract.en.lexicon import EnLexicon
from kg.extract.mentions import Mention
from kg.lexicon import Lexicon

_DET = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|this|that|these|those|some|several|all|both|"
                  r"four|three|two|other|older|newer|latest|new)\s+)+$", re.I)
_PARTICIPLE_IRREG = {"sued", "fined", "bought", "sold", "hit", "taken", "shut", "cut", "led", "won", "held",
                     "found", "brought", "struck", "made", "run", "owned"}
_VERBISH = re.compile(r"(?:ed|ing)$")


@dataclass
class Cand:
    """A fact as one trigger or pattern reads it, by entity name; `extract_en` keeps it only when both
    names are entities of the article, and merges repeated tellings."""
    type: str
    subject: str
    object: str
    date: str | None
    negated: bool
    confidence: float
    trigger: str
    ss: int
    se: int
    tstart: int
    tend: int
    rule: str = ""            # the named rule that read it
    hedged: bool = False      # a hedge word before the trigger lowered its confidence


def _wre(words, flags=re.I) -> re.Pattern | None:
    """One regex for a word list, longest first, each word whole and its spaces any whitespace."""
    return _wre_made(tuple(words), flags)


@functools.lru_cache(maxsize=256)
def _wre_made(words: tuple, flags) -> re.Pattern | None:
    # (made once per word list: every article asks again, and the long patterns drop out of re's
    # own cache between articles, which then parses and compiles them again)
    words = sorted((w for w in words if w), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(r"\s+".join(re.escape(x) for x in w.split()) for w in words)
                      + r")(?![\w-])", flags)


class ReadingBase:
    """The state of one article's reading (set up by `Reader.__init__`) and the questions about a
    mention's position that coreference, argument finding and clause reading all ask."""
    text: str
    lex: Lexicon
    en: EnLexicon
    mentions: list[Mention]         # names found so far, sorted; grows as arguments are discovered
    corefs: list[Mention]           # the words that refer back, resolved to names
    judges: set[str]
    judge_court: dict[str, str]     # judge -> the court that judge sits on
    office_of: dict[int, Mention]   # a person's start -> the office that person holds
    preps: set[str]
    aux: set[str]
    subjects: list[Mention | None]  # each sentence's subject, so far
    suits: list[Cand]               # suits read so far, for "countersued" and "the case" to refer back to
    facts: dict[str, list[Cand]]    # facts read so far, by type
    deals: list[tuple[int, str, str]]   # (trigger position, party, party) of settlements and deals
    called_off: list["Cand"]        # acquisitions told negated (called off, planned): a deal still in view
    acting: set[str]                # products named as the agent of a company's act
    _swap: bool                     # reading an OS trigger with its sides swapped
    _noprod: bool                   # the trigger takes no product as object

    def _schema(self, rel: str):
        return self.lex.schema.get(rel, (frozenset(), frozenset(), False))

    def _fits(self, rel: str, side: int, m: Mention) -> bool:
        if self._swap:
            # an OS trigger ("Microsoft, led by Steve Ballmer") is read with its sides swapped
            side = 1 - side
        st = self._schema(rel)[side]
        if side == 1 and self._noprod and m.type == "Product":
            return False
        if not st:
            return True
        if rel == "rules" and side == 0:
            # a court; a judge when the text names no court at all
            return m.type == "Court" or (m.type == "Person" and m.name in self.judges
                                         and not any(c.type == "Court" for c in self.mentions))
        if m.type in st:
            return True
        # a platform acting as a company ("Facebook agreed to buy WhatsApp"): the company of that name
        if m.type == "Product" and "Company" in st and side == 0 and m.source != "np" and rel not in ("leads",):
            return True
        return False

    def prev_word(self, pos: int) -> str:
        left = self.text[max(0, pos - 80):pos]
        left = _DET.sub("", left)
        m = re.search(r"([\w'’-]+)\s*$", left)
        return m.group(1).lower() if m else ""

    def in_pp(self, m: Mention) -> bool:
        return self.prev_word(m.start) in self.preps

    def possessive(self, m: Mention) -> bool:
        return bool(re.match(r"['’]s?\b|['’](?=\s)", self.text[m.end:m.end + 2])) and m.source != "coref" or \
            (m.source == "coref" and m.surface.lower() == "its")

    def _sent_mentions(self, ss: int, se: int) -> list[Mention]:
        ms = [m for m in self.mentions if ss <= m.start and m.end <= se]
        ms += [m for m in self.corefs if ss <= m.start and m.end <= se]
        return sorted(ms, key=lambda m: (m.start, m.end))

    def _before(self, pos: int, lookback: int = 1200) -> list[Mention]:
        ms = [m for m in self.mentions if m.end <= pos and m.start >= pos - lookback]
        ms += [m for m in self.corefs if m.end <= pos and m.start >= pos - lookback]
        return sorted(ms, key=lambda m: (m.start, m.end))

    def _subject_of(self, ms: list[Mention]) -> Mention | None:
        for m in ms:
            # "Apple's lawyers said": a possessor is still what the sentence is about
            if (m.type in ("Company", "Organization", "Regulator") or (m.type == "Product" and m.name in self.acting)) \
                    and not self.in_pp(m) and not self._quoted(m.start):
                return m        # (a product that has acted as a company, "TikTok sued", counts)
        return None

    def _quoted(self, pos: int) -> bool:
        """Is pos inside a quotation ("the most important development since the IBM PC")?  A name
        in someone's words is not what "the company" of the narrative refers back to."""
        ls = self.text.rfind("\n", 0, pos) + 1
        seg = self.text[ls:pos]
        return seg.count("\u201c") > seg.count("\u201d") or seg.count('"') % 2 == 1

    def _type_of(self, name: str) -> str:
        for m in self.mentions:
            if m.name == name:
                return m.type
        le = self.lex.entities.get(name)
        return le.type if le else "Company"
