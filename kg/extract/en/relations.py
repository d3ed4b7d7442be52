"""English relations, sentence by sentence: triggers with frames, voice, negation, hedges, lists,
coreference, and the role / possessive patterns.

Argument roles come from position and voice:
- SO: the subject is the nearest name before the trigger that is not in a prepositional phrase
  ("from the App Store") nor a possessive modifier ("Apple's rules"); a verb joined by "and" keeps
  the subject of the verb before it ("sued Apple ... and filed a suit against Google"); a
  participle (", accusing") takes the sentence's subject; the object is the first fitting name after
  the trigger in its clause, or the list of names in apposition ("four of Apple's contract
  manufacturers, Foxconn, Pegatron, Wistron and Compal");
- passive ("was sued by X"): X is the subject, the name before the trigger the object;
- OS ("Y, owned by X") swaps; SELL ("sold Y to X"): X buys Y; SYM: "X and Y settled", "X settled
  with Y", "between X and Y", "the two companies", "X, Y's main rival";
- a court or judge as subject of found/ordered/barred makes the relation `rules`;
- negation ("did not", "denied", "declined to") and intentions ("threatened to", "asked") between the
  subject and the trigger flag the relation negated; hedges ("reportedly", "may") lower confidence.
Role patterns give `leads` ("Epic chief executive Tim Sweeney", "Tim Cook, Apple's chief
executive"); possessives give `owns` ("its Unreal Engine", "Google's Play Store"); the owner of "the
maker of X" owns X.

The reader is composed of one mixin per concern: `coref` (what "it", "the company", "the
South Korean company" refer to), `arguments` (subjects, objects, names discovered in
argument position), `clauses` (each trigger read by its frame), `roles` (roles and
possessives); `reading` holds the state and questions they share.  This module sets the
state up and reads the article sentence by sentence.
"""
from __future__ import annotations

import re

from kg.extract.en.clauses import ClauseReading
from kg.extract.en.coref import CorefReading
from kg.extract.en.funding import FundingPatterns
from kg.extract.en.lexicon import EnLexicon
from kg.extract.en.reading import Cand, _wre
from kg.extract.en.roles import RolePatterns
from kg.extract.mentions import Mention
from kg.lexicon import Lexicon

__all__ = ["Cand", "Reader"]


class Reader(CorefReading, ClauseReading, RolePatterns, FundingPatterns):
    """One article's English relations: `Reader(...).run()` -> candidate facts, sentence by sentence."""

    def __init__(self, text: str, lex: Lexicon, en: EnLexicon, mentions: list[Mention],
                 judge_court: dict[str, str], sentences, dates):
        self.text, self.lex, self.en = text, lex, en
        self.mentions = list(mentions)
        self.judge_court = dict(judge_court)
        self.sentences = sentences
        self.dates = dates
        self.corefs: list[Mention] = []
        self._swap = False
        self._noprod = False
        self.subjects: list[Mention | None] = []
        self.suits: list[Cand] = []
        self.acting: set[str] = set()       # products named as the agent of a company's act
        self.facts: dict[str, list[Cand]] = {}   # facts read so far, by type
        self.called_off: list[Cand] = []         # deals told as called off or planned (negated acquisitions)
        self.deals: list[tuple[int, str, str]] = []   # (trigger position, party, party) of settlements and deals
        self.judges = {m.name for m in mentions if m.type == "Person" and m.name in judge_court}
        for j in self.judges:
            if self.judge_court.get(j):
                continue
            first = min((m.start for m in mentions if m.name == j), default=None)
            courts = [m for m in mentions if m.type == "Court" and first is not None and m.end <= first]
            trial = [m for m in courts if "District Court" in m.name or " court in " in m.name]
            if trial or courts:
                self.judge_court[j] = (trial or courts)[-1].name
        self.judge_court = {k: v for k, v in self.judge_court.items() if v}
        # "New York's attorney general, Andrew Cuomo, sued": the office acts, its holder leads it
        self.office_of: dict[int, Mention] = {}
        for a, b in zip(mentions, mentions[1:]):
            if a.source == "office" and b.type == "Person" and re.fullmatch(r",?[ \t]+", text[a.end:b.start]):
                self.office_of[b.start] = a
        # function words are matched as written ("may" the modal, not "May" the month)
        self.neg = _wre(en.words("negation"), 0)
        self.irr = _wre(en.words("irrealis"), 0)
        self.hedge = _wre(en.words("hedge"), 0)
        self.report = _wre(en.words("report"))
        self.speech = _wre(en.words("speech"))
        wrong = sorted(en.words("wrong"), key=len, reverse=True)
        self.wrong = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in wrong) + r")", re.I) if wrong else None
        goods = sorted(en.words("goods"), key=len, reverse=True)
        self.goods = re.compile(r"[ \t]+(?:[a-z][\w-]*[ \t]+)?(?:" + "|".join(re.escape(w) for w in goods) + r")\b") \
            if goods else None
        self.preps = {w.lower() for w in en.words("prep")}
        self.aux = {w.lower() for w in en.words("aux")}
        self.coref_rx = _wre(en.coref.keys())
        roles = [w for w, (leads, kind) in en.roles.items() if leads]
        self.role_rx = "|".join(r"\s+".join(re.escape(x) for x in w.split())
                                for w in sorted(roles, key=len, reverse=True))
        # "the South Korean company": nationality descriptions (nationalities_en.tsv)
        heads = sorted({k[4:] for k, v in en.coref.items() if v == "Company" and k.lower().startswith("the ")}
                       | {"maker", "manufacturer", "rival", "giant", "conglomerate", "champion"}, key=len, reverse=True)
        dem = _wre(en.demonyms.keys(), 0)
        self.nat_rx = re.compile(r"\b[Tt]he\s+(?P<dem>" + dem.pattern + r")\s+(?:[a-z][\w-]*\s+){0,2}?(?P<head>"
                                 + "|".join(r"\s+".join(re.escape(x) for x in h.split()) for h in heads)
                                 + r")(?![\w-])") if dem is not None and heads else None
        self.country: dict[str, str] = {}
        self._countries_from_text()

    def run(self) -> list[Cand]:
        out: list[Cand] = []
        known_ids = {id(m) for m in self.mentions}
        for i, (ss, se, s) in enumerate(self.sentences):
            n_before = len(self.mentions)
            n_suits = len(self.suits)
            n_facts = {k: len(v) for k, v in self.facts.items()}
            n_corefs = len(self.corefs)
            n_deals = len(self.deals)
            cands = self._sentence(i, ss, se)
            if len(self.mentions) != n_before:
                # names discovered while reading the triggers ("Globex sued Initech, which it bought"):
                # read the sentence again with them, so that pronouns and earlier triggers see them
                del self.suits[n_suits:]
                for k in list(self.facts):
                    del self.facts[k][n_facts.get(k, 0):]
                del self.corefs[n_corefs:]
                del self.deals[n_deals:]
                self.subjects.pop()
                cands = self._sentence(i, ss, se)
            out.extend(cands)
            if len(self.mentions) != n_before:
                out.extend(self._reread_earlier(i, ss, known_ids))
            known_ids = {id(m) for m in self.mentions}
        self._dated_by_next(out)
        return out

    def _reread_earlier(self, i: int, ss: int, known_ids: set[int]) -> list[Cand]:
        """A name discovered in sentence i ("shipped Internet Explorer 1.0") was written in earlier
        sentences too ("keep using Microsoft's Internet Explorer"): read those sentences again and keep
        what they tell about the new name.  The state of the reading (suits, facts, subjects) is the
        one of sentence i again afterwards."""
        new = [m for m in self.mentions if id(m) not in known_ids and m.start < ss and m.source != "np"]
        names = {m.name for m in new}
        out: list[Cand] = []
        for j in sorted({k for m in new for k, (a, b, _) in enumerate(self.sentences[:i]) if a <= m.start < b}):
            a, b, _ = self.sentences[j]
            saved = (len(self.suits), {k: len(v) for k, v in self.facts.items()}, len(self.deals), self.subjects)
            self.subjects = self.subjects[:j + 1]
            sm = self._sent_mentions(a, b)
            try:
                cands = self._triggers(j, a, b, sm) + self._roles(j, a, b, sm) + self._possessives(j, a, b, sm)
            finally:
                del self.suits[saved[0]:]
                for k in list(self.facts):
                    del self.facts[k][saved[1].get(k, 0):]
                del self.deals[saved[2]:]
                self.subjects = saved[3]
            out.extend(c for c in cands if c.subject in names or c.object in names)
        return out

    _NEXT_HEAD = re.compile(
        r"\s*(?:That|This|The)\s+(?:(?:\$[\d.,]+\s+(?:billion|million)|first|second|new|jury's|court's|judge's)\s+)?"
        r"(?P<noun>verdict|ruling|decision|judgment|judgement|order|award|injunction|fine|penalty|settlement|deal|"
        r"acquisition|purchase|takeover|sale|lawsuit|suit|complaint|launch)s?,\s+(?:which\s+was\s+)?"
        r"(?:(?:returned|issued|handed\s+down|announced|delivered|entered|reached|imposed|signed|filed|made|"
        r"struck|agreed|unveiled|completed|closed)\s+(?:by\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}\s+)?)?(?:on\s+|in\s+)?")

    _NOUN_REL = {"verdict": "rules", "ruling": "rules", "decision": "rules", "judgment": "rules",
                 "judgement": "rules", "order": "rules", "award": "rules", "injunction": "rules",
                 "fine": "fines", "penalty": "fines", "settlement": "cooperates", "deal": "acquires",
                 "acquisition": "acquires", "purchase": "acquires", "takeover": "acquires", "sale": "acquires",
                 "lawsuit": "sues", "suit": "sues", "complaint": "sues", "launch": "launches"}

    def _dated_by_next(self, cands: list[Cand]) -> None:
        """"A jury ordered Samsung to pay $539 million. That verdict, returned on May 24, ...": the next
        sentence's apposition dates the undated fact of the sentence before it."""
        for i in range(len(self.sentences) - 1):
            ss, se, _ = self.sentences[i]
            ns, ne, _ = self.sentences[i + 1]
            m = self._NEXT_HEAD.match(self.text, ns, ne)
            if not m:
                continue
            ds = [d for d in self.dates.per[i + 1] if d.value and d.kind != "range" and m.end() - 4 <= d.start <= m.end()
                  and not re.search(r"[,;]", self.text[m.end():d.start])]
            if not ds:
                continue
            rel = self._NOUN_REL[m.group("noun").lower()]
            for c in cands:
                if c.ss == ss and c.type == rel and c.date is None and not c.negated:
                    c.date = ds[0].value

    def _sentence(self, i: int, ss: int, se: int) -> list[Cand]:
        self._resolve_corefs(i, ss, se)
        sm = self._sent_mentions(ss, se)
        self.subjects.append(self._subject_of(sm))
        cands = self._triggers(i, ss, se, sm)
        cands += self._roles(i, ss, se, sm)
        cands += self._possessives(i, ss, se, sm)
        cands += self._funding(i, ss, se, sm)
        if self.subjects[-1] is None:
            self.subjects[-1] = self._subject_of(self._sent_mentions(ss, se))
        return cands
