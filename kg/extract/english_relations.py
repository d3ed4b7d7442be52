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
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lexicon import Lexicon
from kg.extract.entities import Mention
from kg.extract.english_lexicon import EnLexicon, EnTrigger

ORG = ("Company", "Organization", "Regulator", "Product")
_DET = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|this|that|these|those|some|several|all|both|"
                  r"four|three|two|other|older|newer|latest|new)\s+)+$", re.I)
_PARTICIPLE_IRREG = {"sued", "fined", "bought", "sold", "hit", "taken", "shut", "cut", "led", "won", "held",
                     "found", "brought", "struck", "made", "run", "owned"}
_VERBISH = re.compile(r"(?:ed|ing)$")
_PNAME = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+)?(?:[ \t]+(?:[A-Z]\.|[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+)?)){1,2}"


@dataclass
class Cand:
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


def _wre(words, flags=re.I) -> re.Pattern | None:
    words = sorted((w for w in words if w), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(r"\s+".join(re.escape(x) for x in w.split()) for w in words)
                      + r")(?![\w-])", flags)


class Reader:
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

    # ---------------------------------------------------------------- helpers
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
            if m.type in ("Company", "Organization", "Regulator") and not self.in_pp(m) and not self._quoted(m.start):
                if self.possessive(m) and m.source != "coref":
                    # "Apple's lawyers said": the possessor is still what the sentence is about
                    pass
                return m
        return None

    # ---------------------------------------------------------------- coreference
    def _countries_from_text(self) -> None:
        """A company's country as the article states it: "South Korea's Samsung", "Swedish streaming
        service Spotify"; else the lexicon's (nationalities_en.tsv entity rows, then the note)."""
        t, en = self.text, self.en
        cw = _wre(en.countries.keys(), 0)
        dw = _wre(en.demonyms.keys(), 0)
        for m in self.mentions:
            if m.type not in ("Company", "Organization", "Regulator") or m.name in self.country:
                continue
            left = t[max(0, m.start - 60):m.start]
            hit = None
            if cw is not None:
                c = re.search(r"(" + cw.pattern + r")['’]s\s+(?:[a-z][\w-]*\s+){0,2}$", left)
                if c:
                    hit = en.countries.get(re.sub(r"\s+", " ", c.group(1)))
            if hit is None and dw is not None:
                c = re.search(r"(" + dw.pattern + r")\s+(?:[a-z][\w-]*\s+){0,3}$", left)
                if c:
                    hit = en.demonyms.get(re.sub(r"\s+", " ", c.group(1)))
            if hit and m.name not in self.country:
                self.country[m.name] = hit

    def _country_of(self, name: str) -> str | None:
        if name not in self.country:
            self._countries_from_text()     # names discovered since
        if name in self.country:
            return self.country[name]
        if name in self.en.entity_country:
            return self.en.entity_country[name]
        le = self.lex.entities.get(name)
        note = getattr(le, "note", None) or "" if le is not None else ""
        for pre, c in self.en.note_country.items():
            if note.startswith(pre):
                return c
        return None

    def _by_nationality(self, s: int, dem: str) -> list[tuple[str, str]]:
        """The one company of that country named before s (the whole article when none is before)."""
        want = self.en.demonyms.get(re.sub(r"\s+", " ", dem))
        if not want:
            return []
        for pool in ([m for m in self.mentions if m.end <= s], self.mentions):
            names = {}
            for m in pool:
                if m.type == "Company" and m.source != "coref" and self._country_of(m.name) == want:
                    names[m.name] = m.type
            if len(names) == 1:
                return list(names.items())
            if names:
                return []
        return []

    def _resolve_corefs(self, i: int, ss: int, se: int) -> None:
        t = self.text
        real = [m for m in self.mentions if ss <= m.start and m.end <= se]
        found: list[tuple[int, int, str]] = []
        if self.coref_rx:
            for m in self.coref_rx.finditer(t, ss, se):
                found.append((m.start(), m.end(), m.group(0)))
        for m in re.finditer(r"\bthe\s+(\S+)\s+maker\b", t[ss:se], re.I):
            found.append((ss + m.start(), ss + m.end(), m.group(0)))
        nat = []
        if self.nat_rx is not None:
            for m in self.nat_rx.finditer(t, ss, se):
                nat.append((m.start(), m.end(), m.group(0)))
        # a nationality description is read whole, before the shorter phrases inside it
        found = [f for f in found if not any(a <= f[0] < b for a, b, _ in nat)] + nat
        found.sort()
        taken: list[tuple[int, int]] = []
        for s, e, w in found:
            if any(not (e <= a or s >= b) for a, b in taken):
                continue
            natm = self.nat_rx.fullmatch(w) if self.nat_rx is not None else None
            if natm:
                res = self._by_nationality(s, natm.group("dem"))
                if res and not any(not (e <= m.start or s >= m.end) for m in real):
                    taken.append((s, e))
                    for name, typ in res:
                        self.corefs.append(Mention(s, e, name, typ, w, "coref"))
                continue
            maker = re.match(r"the\s+\S+\s+maker$", w, re.I)
            if any(not (e <= m.start or s >= m.end) for m in real) and not maker:
                continue
            if maker:
                res = self._antecedents(i, ss, s, e, w)
                if not res:
                    continue
                self.mentions = [m for m in self.mentions if e <= m.start or s >= m.end]
                real = [m for m in real if e <= m.start or s >= m.end]
            taken.append((s, e))
            for name, typ in self._antecedents(i, ss, s, e, w):
                self.corefs.append(Mention(s, e, name, typ, w, "coref"))

    def _antecedents(self, i: int, ss: int, s: int, e: int, w: str) -> list[tuple[str, str]]:
        lw = w.lower()
        t = self.text
        before = self._before(s)
        in_sent = [m for m in before if m.start >= ss]
        prev_subj = self.subjects[i - 1] if i > 0 and self.subjects[i - 1] is not None else None
        mk = re.match(r"the\s+(\S+)\s+maker$", lw)
        if mk:
            prod = [m for m in self.mentions if m.type == "Product" and m.surface.lower() == mk.group(1)]
            owner = None
            for p in prod:
                le = self.lex.entities.get(p.name)
                owner = p.owner or (le.owner if le else None)
                if owner:
                    break
            if owner:
                le = self.lex.entities.get(owner)
                return [(owner, le.type if le else "Company")]
            return []
        kind = self.en.coref.get(lw) or self.en.coref.get(w)
        if kind is None:
            for k, v in self.en.coref.items():
                if k.lower() == lw:
                    kind = v
                    break
        if kind == "both":
            seen: list[Mention] = []
            for m in reversed(before):
                if m.type == "Company" and all(m.name != x.name for x in seen):
                    seen.append(m)
                if len(seen) == 2:
                    break
            return [(m.name, m.type) for m in seen] if len(seen) == 2 else []
        subj_pos = self._subject_position(s, e)
        if kind == "possessive":
            if re.search(r",\s+(?:claiming|alleging|arguing|saying|asserting)\b[^,;]*$", t[ss:s]):
                # "X sued Y, claiming that Z infringed its patents": the claimant's
                subj = self._subject_of([m for m in in_sent if m.source != "coref" or m.surface.lower() != "its"])
                if subj is not None:
                    return [(subj.name, subj.type)]
            comp = [m for m in in_sent if m.type in ("Company", "Organization", "Regulator")]
            # "X, the maker of Y, updated its Z": a name in a prepositional phrase is not the owner
            comp = [m for m in comp if not self.in_pp(m)] or comp
            if comp:
                return [(comp[-1].name, comp[-1].type)]
            if prev_subj:
                return [(prev_subj.name, prev_subj.type)]
            return []
        if kind == "pronoun":
            if subj_pos:
                cand = self._subject_of([m for m in in_sent])
                if cand is None:
                    cand = prev_subj
                return [(cand.name, cand.type)] if cand else []
            if re.search(r",\s+[a-z]+ing\s+$", t[ss:s]):
                # ", accusing it of": a participle clause's unwritten subject is the sentence's subject
                # ("the Justice Department and 20 states sued Microsoft, accusing it"), so "it" is
                # anyone but that subject: the object named last, not a name from an earlier sentence
                clause_subj = self._subject_of(in_sent)
            else:
                clause_subj = self._subject_of([m for m in in_sent if not self._across_clause(m.end, s)])
            for m in reversed(before):
                if m.type not in ("Company", "Product"):
                    continue
                if self.in_pp(m) or (clause_subj is not None and m.name == clause_subj.name):
                    continue
                return [(m.name, m.type)]
            return []
        if kind == "Court" and "judge" in lw:
            # "the judge": the judge named last, in the court that judge sits on
            for m in reversed(before):
                if m.type == "Person" and m.name in self.judge_court:
                    return [(self.judge_court[m.name], "Court")]
        if kind == "Court":
            want = ("Supreme Court",) if "justices" in lw or "high court" in lw else (
                ("District Court", "court in ", "Court in ") if "jury" in lw else None)
            if want:
                for m in reversed(before):
                    if m.type == "Court" and any(w in m.name for w in want):
                        return [(m.name, "Court")]
            for m in reversed(before):
                if m.type == "Court":
                    return [(m.name, "Court")]
                if m.type == "Person" and m.name in self.judge_court:
                    return [(self.judge_court[m.name], "Court")]
            courts = [m for m in self.mentions if m.type == "Court"]
            return [(courts[0].name, "Court")] if courts else []
        if kind in ("Company", "Regulator", "Organization"):
            if subj_pos and prev_subj is not None and prev_subj.type == kind and not in_sent:
                return [(prev_subj.name, prev_subj.type)]
            for m in reversed(before):
                if m.type == kind and not self._quoted(m.start):
                    return [(m.name, m.type)]
            return []
        if kind == "person":
            # "That June he ordered Microsoft split in two": the person named last
            for m in reversed(before):
                if m.type == "Person" and m.source != "coref" and not self._quoted(m.start):
                    return [(m.name, m.type)]
            return []
        if kind == "persons":
            # "Jim Clark and Marc Andreessen ... they founded": the people named together last, in
            # this sentence or the one before; "they" for anything else is left alone
            lo = self.sentences[i - 1][0] if i > 0 else ss
            near = [m for m in before if m.start >= lo and m.source != "coref"]
            for k in range(len(near) - 1, 0, -1):
                a, b = near[k - 1], near[k]
                if a.type == b.type == "Person" and a.name != b.name and \
                        re.fullmatch(r",?\s+and\s+", t[a.end:b.start]):
                    return [(a.name, a.type), (b.name, b.type)]
                if b.type in ("Company", "Organization", "Regulator"):
                    break
            return []
        if kind == "office":
            # "the attorney general's office": the office named last
            for m in reversed(before):
                if m.source == "office":
                    return [(m.name, m.type)]
            return []
        if kind == "Product":
            for m in reversed(before):
                if m.type == "Product" and m.source not in ("np",):
                    return [(m.name, m.type)]
            return []
        return []

    def _quoted(self, pos: int) -> bool:
        """Is pos inside a quotation ("the most important development since the IBM PC")?  A name
        in someone's words is not what "the company" of the narrative refers back to."""
        ls = self.text.rfind("\n", 0, pos) + 1
        seg = self.text[ls:pos]
        return seg.count("\u201c") > seg.count("\u201d") or seg.count('"') % 2 == 1

    def _across_clause(self, a: int, b: int) -> bool:
        return bool(re.search(r"[;]|,\s+(?:and|but|while)\b|\s+and\s+\w+", self.text[a:b]))

    def _subject_position(self, s: int, e: int) -> bool:
        pw = self.prev_word(s)
        if pw in ("which", "who", "whom", "that") and re.match(r"\s+(?:\w+ly\s+)?[a-z]+", self.text[e:e + 30]):
            return True
        if pw in self.preps or _VERBISH.search(pw) or pw in _PARTICIPLE_IRREG:
            return False
        nxt = re.match(r"\s+([\w'’-]+)", self.text[e:e + 30])
        if pw in ("that", "and", "but", "then", "because", "when", "after", "before", "while", "said", "says", "") \
                or (nxt and (nxt.group(1).lower() in self.aux | {"had", "has", "have", "would", "will", "must", "could",
                                                                    "should", "said", "says", "also", "then"}
                             or _VERBISH.search(nxt.group(1)))):
            return True
        return not pw or pw[:1].isdigit() or pw in {d.lower() for d in self.en.months} | set(self.en.weekdays)

    # ---------------------------------------------------------------- main loop
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
        r"acquisition|purchase|takeover|lawsuit|suit|complaint|launch)s?,\s+(?:which\s+was\s+)?"
        r"(?:(?:returned|issued|handed\s+down|announced|delivered|entered|reached|imposed|signed|filed|made|"
        r"struck|agreed|unveiled|completed|closed)\s+)?(?:on\s+|in\s+)?")
    _NOUN_REL = {"verdict": "rules", "ruling": "rules", "decision": "rules", "judgment": "rules",
                 "judgement": "rules", "order": "rules", "award": "rules", "injunction": "rules",
                 "fine": "fines", "penalty": "fines", "settlement": "cooperates", "deal": "acquires",
                 "acquisition": "acquires", "purchase": "acquires", "takeover": "acquires",
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
        if self.subjects[-1] is None:
            self.subjects[-1] = self._subject_of(self._sent_mentions(ss, se))
        return cands

    # ---------------------------------------------------------------- patterns
    def _roles(self, i, ss, se, sm) -> list[Cand]:
        t = self.text
        out = []
        if not self.role_rx:
            return out
        for p in sm:
            if p.type != "Person" or p.source == "coref":
                continue
            if p.start in self.office_of:
                o = self.office_of[p.start]
                out.append(self._cand("leads", p.name, o.name, i, ss, se, o.end, p.start, 0.85, "office"))
            # "<Org>('s) (adj) <role> <Person>"
            for o in sm:
                if o.end > p.start or o.type not in ("Company", "Organization", "Regulator", "Product") or o is p:
                    continue
                gap = t[o.end:p.start]
                if re.fullmatch(rf"(?:['’]s)?\s+(?:[\w-]+\s+)?(?i:{self.role_rx}),?\s+", gap):
                    out.append(self._cand("leads", p.name, o.name, i, ss, se, o.end, p.start, 0.85, "role"))
            # "<Person>, <Org>'s <role>" / "<Person>, (the) <role> of <Org>"
            rest = t[p.end:se]
            for o in sm:
                if o.start < p.end or o.type not in ("Company", "Organization", "Regulator", "Product"):
                    continue
                gap = t[p.end:o.start]
                after = t[o.end:se]
                if re.fullmatch(r"(?:,|\s+(?:is|was|has\s+been|had\s+been|became|remains))\s+(?:the\s+|its\s+)?", gap) and re.match(
                        rf"['’]s\s+(?:[\w-]+\s+)?(?i:{self.role_rx})\b", after):
                    out.append(self._cand("leads", p.name, o.name, i, ss, se, p.end, o.end, 0.85, "role"))
                if re.fullmatch(rf"(?:,|\s+(?:is|was|has\s+been|had\s+been|became|remains))\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?i:{self.role_rx})\s+(?:of|at)\s+(?:the\s+)?", gap):
                    out.append(self._cand("leads", p.name, o.name, i, ss, se, p.end, o.start, 0.85, "role"))
            _ = rest
            # "Dirk Meyer, his counterpart at AMD" / "his AMD counterpart(,) Dirk Meyer": the same office at
            # another organisation, when the office compared to is one that leads
            if re.search(rf"(?i:{self.role_rx})\b", t[ss:p.start]) and \
                    not re.search(r"\b(?:lawyer|attorney|spokes\w+|analyst|counsel)\b", t[ss:p.start], re.I):
                for o in sm:
                    if o.type not in ("Company", "Organization", "Regulator") or o.source == "coref":
                        continue
                    if o.start >= p.end and re.fullmatch(r",\s+(?:his|her|their|its)\s+counterparts?\s+(?:at|of|from|in)\s+(?:the\s+)?",
                                                         t[p.end:o.start]):
                        out.append(self._cand("leads", p.name, o.name, i, ss, se, p.end, o.start, 0.7, "counterpart"))
                    elif o.end <= p.start and re.fullmatch(r"\s+counterparts?,?\s+", t[o.end:p.start]) and \
                            re.search(r"\b(?:his|her|their|its)\s+$", t[max(ss, o.start - 8):o.start]):
                        out.append(self._cand("leads", p.name, o.name, i, ss, se, o.end, p.start, 0.7, "counterpart"))
        return out

    def _possessives(self, i, ss, se, sm) -> list[Cand]:
        t = self.text
        out = []
        for a, b in zip(sm, sm[1:]):
            # a case name: "Epic Games v. Apple", "FTC vs. Qualcomm"
            if re.fullmatch(r"\s+(?:v\.|vs\.?|versus)\s+", t[a.end:b.start]) and a.source != "coref" \
                    and self._fits("sues", 0, a) and self._fits("sues", 1, b) and a.name != b.name:
                out.append(self._cand("sues", a.name, b.name, i, ss, se, a.end, b.start, 0.6, "v."))
                continue
            if b.type not in ("Product", "Company") or a.type not in ("Company", "Person") or a.name == b.name:
                continue
            gap = t[a.end:b.start]
            if b.type == "Company" and a.type == "Company" and re.fullmatch(r"['’]s\s+", gap) and \
                    re.match(r"\s+(?:subsidiary|unit|division|arm|affiliate)\b", t[b.end:b.end + 14]):
                # "AOL's Netscape unit"
                out.append(self._cand("owns", a.name, b.name, i, ss, se, a.end, b.start, 0.8, "possessive"))
                continue
            if b.type == "Company" and not re.fullmatch(r"-owned\s+|['’]s\s+(?:[\w-]+\s+)?(?:subsidiary|unit|division|arm|affiliate)\s+", gap):
                continue
            if re.fullmatch(r"['’]s\s+(?:[\w-]+\s+)?(?:subsidiary|unit|division|arm|affiliate|brand|product)\s+", gap):
                out.append(self._cand("owns", a.name, b.name, i, ss, se, a.end, b.start, 0.8, "possessive"))
                continue
            if (a.source == "coref" and a.surface.lower() == "its" and re.fullmatch(r"\s+(?:own\s+)?", gap)) or \
                    re.fullmatch(r"['’]s\s+(?:own\s+|new\s+|flagship\s+|popular\s+)?", gap) or re.fullmatch(r"-owned\s+", gap):
                out.append(self._cand("owns", a.name, b.name, i, ss, se, a.end, b.start, 0.7, "possessive", dated=False))
        return out

    def _cand(self, typ, subj, obj, i, ss, se, ts, te, conf, trig, negated=False, dated=False) -> Cand:
        date = self.dates.date_for(i, ts, self.text) if dated else None
        return Cand(typ, subj, obj, date, negated, conf, trig, ss, se, ts, te)

    # ---------------------------------------------------------------- triggers
    def _trigger_hits(self, ss: int, se: int) -> list[tuple[int, int, EnTrigger]]:
        hits = []
        for trig in self.en.triggers:
            for m in trig.regex.finditer(self.text, ss, se):
                hits.append((m.start(), m.end(), trig))
        # leftmost-longest: a trigger inside a longer one at the same place is dropped, but the
        # court and non-court readings of one word ("barred") both stay for the subject to decide
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        keep = []
        for h in hits:
            if any(k[0] <= h[0] and h[1] <= k[1] and (k[1] - k[0]) > (h[1] - h[0]) for k in keep):
                continue
            keep.append(h)
        return keep

    def _triggers(self, i, ss, se, sm) -> list[Cand]:
        out: list[Cand] = []
        last_subject: list[Mention] | None = None
        for ts, te, trig in self._trigger_hits(ss, se):
            res = self._read(i, ss, se, sm, ts, te, trig, last_subject)
            if res is None:
                continue
            cands, subj = res
            if subj:
                last_subject = subj
            out.extend(cands)
        self._swap = self._noprod = False
        return out

    def _passive(self, ts: int, te: int, trig: EnTrigger) -> bool:
        if trig.frame == "OS" and trig.relation == "leads":
            return False        # "was founded by X": the OS frame already reads the agent after "by"
        left = self.text[max(0, ts - 40):ts]
        m = re.search(r"\b(\w+)\s+(?:\w+ly\s+)?$", left)
        if not m or m.group(1).lower() not in self.aux:
            return False
        first = trig.pattern.split()[0].lower()
        return first.endswith("ed") or first in _PARTICIPLE_IRREG

    def _list_from(self, m: Mention, ms: list[Mention], direction: int = 1) -> list[Mention]:
        """m and the names listed with it ("Foxconn, Pegatron, Wistron and Compal")."""
        out = [m]
        t = self.text
        if m not in ms:
            return out
        idx = ms.index(m)
        j = idx
        while 0 <= j + direction < len(ms):
            a, b = (ms[j], ms[j + direction]) if direction > 0 else (ms[j + direction], ms[j])
            gap = t[a.end:b.start]
            if not re.fullmatch(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*|\s+as\s+well\s+as\s+)(?:[Tt]he\s+)?", gap):
                break
            nxt = ms[j + direction]
            if nxt.type != m.type and not ({nxt.type, m.type} <= {"Company", "Organization"}):
                break
            out.append(nxt)
            j += direction
        return out if direction > 0 else list(reversed(out))

    def _left_subject(self, rel, ss, ts, sm, trig) -> Mention | None:
        t = self.text
        left = [m for m in sm if m.end <= ts]
        if "static" in trig.flags and left:
            # apposition: "Pocketpair Inc., the Tokyo-based developer of ..."
            for m in reversed(left):
                if re.fullmatch(r",\s+(?:the|a|an|its)?\s*(?:[\w.-]+\s+){0,3}", t[m.end:ts]) and self._fits(rel, 0, m):
                    return m
        # possessive right before a nominal trigger: "Apple's lawsuit against", "Qualcomm's main rival"
        for m in reversed(left):
            gap = t[m.end:ts]
            if re.fullmatch(r"['’]s?\s+(?:[\w$€£.,%-]+\s+){0,4}", gap) and self._fits(rel, 0, m):
                return m
            break
        rc = None
        for rm in re.finditer(r",\s+(?:which|who|whom|whose)\b[^,;]*,\s+", t[ss:ts]):
            rc = (ss + rm.start(), ss + rm.end())
        for m in reversed(left):
            if rc and rc[0] <= m.start < rc[1] and rc[1] >= ts - 40 and not re.search(r"[,;]", t[rc[1]:ts]):
                continue
            if self.in_pp(m) and not (rel == "rules" and m.type == "Court"):
                continue
            if self.possessive(m) and m.source != "coref":
                continue
            if m.source == "coref" and m.surface.lower() == "its":
                continue
            if m.type == "Person" and m.name in self.judge_court and rel == "rules":
                return Mention(m.start, m.end, self.judge_court[m.name], "Court", m.surface, "coref")
            if m.type == "Person" and m.start in self.office_of and self._fits(rel, 0, self.office_of[m.start]):
                return self.office_of[m.start]
            if not self._fits(rel, 0, m):
                if rel == "rules" and m.type == "Person":
                    courts = [c for c in self.mentions if c.type == "Court"]
                    if m.name in self.judges and courts:
                        return Mention(m.start, m.end, courts[0].name, "Court", m.surface, "coref")
                continue
            return m
        return None

    def _right_objects(self, rel, ts, te, se, sm, subj_names, trig) -> list[Mention]:
        t = self.text
        right = [m for m in sm if m.start >= te]
        for m in right:
            gap = t[te:m.start]
            if re.search(r";|,\s+(?:which|who|while|after which|when)\b|\s(?:after which|while|whereas)\s", gap):
                break
            if "," in re.sub(r"\d,\d", "", gap) and not self.possessive(m):
                break
            if "noobj" in trig.flags and "," in gap:
                break
            if re.search(r",\s+(?:and|but)\s+", gap) and self._starts_clause(m):
                break
            if m.name in subj_names or not self._fits(rel, 1, m):
                continue
            if rel != "owns" and m.type == "Person" and m.name in self.judges:
                continue
            if self.possessive(m) and m.source != "coref" and any(
                    x.start == m.end + len(re.match(r"['’]s?\s+", t[m.end:m.end + 4]).group(0)) and self._fits(rel, 1, x)
                    for x in right if re.match(r"['’]s?\s+", t[m.end:m.end + 4])):
                continue        # "brought by AOL's Netscape unit": the name the possessive modifies
            if self.possessive(m) and m.source != "coref":
                # "four of Apple's contract manufacturers, Foxconn, Pegatron, ...": the list in apposition
                app = re.match(r"['’]s\s+(?:[\w-]+\s+){0,3}?[\w-]+,\s+", t[m.end:se])
                if app:
                    nxt = [x for x in right if x.start == m.end + app.end()]
                    if nxt and self._fits(rel, 1, nxt[0]):
                        return self._list_from(nxt[0], right)
            if m.source == "coref" and m.surface.lower() == "its":
                # "its Unreal Engine": the object is the thing owned, when it is named
                continue
            same = [x for x in right if x.start == m.start and x.end == m.end and x.source == "coref"]
            if len(same) > 1:
                return same
            return self._list_from(m, right)
        return []

    def _starts_clause(self, m: Mention) -> bool:
        """Is m the subject of a clause of its own ("..., and Didi will invest")?"""
        nxt = re.match(r"\s+(?:\w+ly\s+)?([\w'’-]+)", self.text[m.end:m.end + 40])
        if not nxt:
            return False
        w = nxt.group(1).lower()
        return w in self.aux | {"had", "has", "have", "will", "would", "can", "could", "must", "should", "may",
                                "might", "said", "says", "also", "then", "did", "does"} or w.endswith("ed")

    def _np_object(self, te: int, se: int) -> tuple[int, int, str] | None:
        t = self.text
        m = re.match(r"\s+(?:the|a|an|its|their|his|her)\s+((?:[\w-]+[ \t]+){0,5}[\w-]+)", t[te:se])
        if not m:
            return None
        words = m.group(1).split()
        for k, w in enumerate(words):
            if w.lower() in self.en.heads:
                if k + 1 < len(words) and words[k + 1].lower() in self.en.heads:
                    continue
                mods = [x for x in words[:k] if x.lower() not in self.en.generic_mods]
                if not mods:
                    return None
                caps = [x for x in words[:k] if x[:1].isupper()]
                if caps and len(caps) == k:
                    # "the Stadia service": the name is the capitalised part
                    name = " ".join(words[:k])
                else:
                    name = " ".join(words[:k + 1])
                s = te + m.start(1)
                return s, s + len(name), name
        return None

    def _modality(self, a: int, b: int) -> tuple[bool, float]:
        """(negated, confidence factor) from the words between the subject and the trigger."""
        seg = self.text[a:b]
        seg = re.split(r"\band\b|,", seg)[-1]
        neg = bool(self.neg and self.neg.search(seg)) or bool(self.irr and self.irr.search(seg))
        factor = 0.6 if self.hedge and self.hedge.search(self.text[max(0, a - 60):b]) else 1.0
        return neg, factor

    _CAPNAME = re.compile(r"[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z0-9][\w&'’.-]*))*")

    def _new_name(self, s: int, e: int, typ: str) -> Mention | None:
        t = self.text
        name = t[s:e]
        name = re.sub(r"['’]s?$", "", name).rstrip(".,")
        words = name.split()
        version = None
        if typ == "Product" and len(words) >= 2 and re.fullmatch(r"\d+(?:\.\d+)+", words[-1]):
            version = words.pop()        # "Internet Explorer 1.0": the product, with its version as an alias
        while words and (typ != "Product" or words[0] in ("The", "A", "An", "Its", "Their", "This", "That")
                         or words[0] in self.en.places) and (
                words[0] in self.en.stop or words[0] in self.en.places or words[0] in ("the", "a", "an")
                         or re.sub(r"['’]s$", "", words[0]) in self.en.places
                         or (re.search(r"['’]s$", words[0]) and re.sub(r"['’]s$", "", words[0]) in self.en.countries)):
            words.pop(0)
        # "Tokyo-based", "U.S.-listed": a modifier, not a name
        if words and re.search(r"-[a-z]+$", words[-1]):
            return None
        while words and (words[-1].lower() in self.en.months or words[-1].lower() in self.en.weekdays
                         or words[-1] in self.en.stop):
            words.pop()
        if not words or len(words) > 4:
            return None
        if words[0].lower().rstrip(".") in self.en.months or words[0].lower() in self.en.weekdays:
            return None         # "on April 16", "on Friday"
        name = " ".join(words)
        s = t.find(name, s, e + 1)
        e = s + len(name)
        if len(name) < 2 or name in self.en.places or name.lower() in self.en.months or \
                name.lower() in self.en.weekdays or name.lower() in self.en.coref:
            return None
        if any(not (e <= m.start or s >= m.end) for m in self.mentions + self.corefs):
            return None
        le = self.lex.lookup(name)
        if le is not None:
            m = Mention(s, e, le.name, le.type, name, "lexicon", le.owner)
        else:
            core = [w for w in words]
            for suf, styp, pos, strip in self.en.suffixes:
                if pos == "last" and len(core) > 1 and core[-1] == suf:
                    typ = styp
                    if strip:
                        name = " ".join(core[:-1])
                    break
            m = Mention(s, e, name, typ, t[s:e], "argument")
        self.mentions.append(m)
        surf = t[s:e]
        # the same name written again later in the article is the same entity
        for o in re.finditer(r"(?<![\w&@-])" + re.escape(surf) + r"(?![\w&-])", t):
            a, b = o.start(), o.end()
            if a == s or any(not (b <= x.start or a >= x.end) for x in self.mentions + self.corefs):
                continue
            self.mentions.append(Mention(a, b, m.name, m.type, surf, m.source, m.owner))
        self.mentions.sort(key=lambda x: (x.start, x.end))
        return m

    def _name_ends(self, e: int) -> bool:
        """Does a name end here, rather than modify a noun ("Wi-Fi chips")?"""
        nxt = re.match(r"\s*([\w'’-]+|[^\w\s]|$)", self.text[e:e + 30])
        if not nxt:
            return True
        w = nxt.group(1)
        if not w or not w[0].isalnum() or w[0].isupper() or w[0].isdigit():
            return True
        lw = w.lower()
        return lw in self.preps or lw in self.aux or lw.endswith("ed") or lw in (
            "and", "or", "but", "that", "which", "who", "after", "before", "because", "as", "when", "while",
            "since", "until", "last", "this", "earlier", "later", "said", "says", "has", "had", "have", "will",
            "would", "could", "can", "may", "might", "must", "should", "also", "twice", "again", "over", "s",
            "itself", "alone", "directly", "liable", "ago", "guilty", "responsible", "instead", "too",
            "in", "on", "for", "from", "to", "with", "over", "at", "by") or lw in self.en.months or lw in self.en.numbers \
            or lw in ("a", "an", "the", "its", "their", "his", "her")

    def _discover_args(self, ss, se, ts, te, rel, frame="SO") -> None:
        """Unknown capitalised names in argument position become entities ("sued Netscape")."""
        t = self.text
        st, ot = self._schema(rel)[0], self._schema(rel)[1]
        if frame == "OS":
            # "founded by Jim Clark and Marc Andreessen", "led by Steve Ballmer": the name after the
            # trigger is the subject, of the subject's type
            st, ot = ot, st
        otype = "Product" if rel in ("launches", "discontinues") and frame != "OS" else (
            "Company" if "Company" in ot else ("Person" if "Person" in ot and frame == "OS" else None))
        if otype == "Person":
            nm = re.match(r"[ \t]+(" + _PNAME + r")((?:,[ \t]+" + _PNAME + r")*,?[ \t]+and[ \t]+(" + _PNAME + r"))?", t[te:se])
            if nm:
                for g in (1, 3):
                    if nm.group(g) and not any(x.start < te + nm.end(g) and te + nm.start(g) < x.end
                                               for x in self.mentions + self.corefs):
                        self._new_name(te + nm.start(g), te + nm.end(g), "Person")
        if otype:
            m = re.match(r"[ \t]+(?:that[ \t]+)?(?:the[ \t]+|its[ \t]+|rival[ \t]+|a[ \t]+)?", t[te:se])
            p = te + (m.end() if m else 0)
            n = self._CAPNAME.match(t, p, se)
            if not (n and n.start() == p) and otype == "Company":
                # "overturned the fine against Initech", "to block Initech's merger": the first name
                # after a few lower-case words of the clause
                g = re.match(r"(?:[ \t]+(?:[a-z][\w-]*|\$?[\d.,]+|[€£$][\d.,]+))*?[ \t]+(?:against|on|of|to|that|for)[ \t]+"
                             r"(?:the[ \t]+)?(?=[A-Z])|(?:[ \t]+to[ \t]+[a-z]+)[ \t]+(?=[A-Z])", t[te:se])
                if g and len(g.group(0).split()) <= 7:
                    p = te + g.end()
                    n = self._CAPNAME.match(t, p, se)
            if n and n.start() == p:
                inside = [x for x in self.mentions if x.start <= p < x.end]
                ne = n.end()
                pm = re.search(r"['’]s?$", n.group(0))
                if pm:
                    ne = n.start() + pm.start()
                if not inside and not any(x.start <= p < x.end for x in self.corefs) and self._name_ends(ne):
                    self._new_name(n.start(), ne, otype)
                elif otype == "Product" and len(inside) == 1 and inside[0].type == "Company" \
                        and inside[0].start == p and n.end() > inside[0].end + 1:
                    # "shut down Google Reader": a product named after its owner
                    owner = inside[0]
                    self.mentions.remove(owner)
                    m = self._new_name(n.start(), n.end(), "Product")
                    if m is not None:
                        m.owner = owner.name
                    else:
                        self.mentions.append(owner)
        if rel == "acquires":
            to = re.search(r"\bto[ \t]+(?:the[ \t]+)?(?=[A-Z])", t[te:se])
            if to and not re.search(r"[,;]", t[te:te + to.start()]):
                p = te + to.end()
                n = self._CAPNAME.match(t, p, se)
                if n and not any(x.start <= p < x.end for x in self.mentions + self.corefs):
                    self._new_name(n.start(), n.end(), "Company")
        rcl = re.search(r"(?:^|[,;]\s+|\s)([A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*)*),\s+"
                        r"(?:which|whom)\s+([A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*)*)\s+(?:\w+ly\s+)?$", t[ss:ts])
        if rcl and "Company" in st:
            for gi in (1, 2):
                a0, b0 = ss + rcl.start(gi), ss + rcl.end(gi)
                if not any(x.start < b0 and a0 < x.end for x in self.mentions + self.corefs):
                    self._new_name(a0, b0, "Company")
        passive_lead = re.search(r"\b(?:was|were|is|are|been|being|be|got)\s+(?:\w+ly\s+)?$", t[ss:ts])
        if ("Company" in st and rel not in ("rules",)) or (passive_lead and otype):
            lead = t[ss:ts]
            m = re.search(r"(?:^|,[ \t]+|;[ \t]+)((?:the[ \t]+)?[A-Z][\w&'’.-]*(?:[ \t]+[A-Z0-9][\w&'’.-]*)*)"
                          r"((?:,[ \t]+(?:which|who))?(?:[ \t]+[a-z][\w'-]*){0,4}[ \t]+)$", lead)
            if m and not re.search(r"\b(?:said|says|that|who|which)\b", re.sub(r"^,\s+(?:which|who)", "", m.group(2))):
                s0 = ss + m.start(1)
                if not any(x.start <= s0 + len(m.group(1)) - 1 and s0 < x.end for x in self.mentions + self.corefs):
                    # "Java was created by Sun": the name before a passive verb is its object
                    self._new_name(s0, ss + m.end(1), (otype or "Company") if passive_lead and frame != "OS" else "Company")
        if frame == "OS" and "Company" in st:
            # "Netscape, founded in 1994 by ...": the name a participle clause hangs on
            m = re.search(r"(?:^|[,;][ \t]+)([A-Z][\w&'’.-]*(?:[ \t]+[A-Z0-9][\w&'’.-]*)*),[ \t]+$", t[ss:ts])
            if m and not any(x.start < ss + m.end(1) and ss + m.start(1) < x.end for x in self.mentions + self.corefs):
                self._new_name(ss + m.start(1), ss + m.end(1), "Company")

    def _read(self, i, ss, se, sm, ts, te, trig: EnTrigger, last_subject):
        t = self.text
        rel = trig.relation
        if "courtctx" in trig.flags and not (
                re.search(r"\b(?:court|courts|judge|injunction|lawsuit|suit|complaint|filing|filed)\b", t[ss:se], re.I)
                or any(m.type == "Court" for m in sm)):
            return None
        if "settlectx" in trig.flags and not self._settle_context(i, ss, se):
            return None
        if "wrongctx" in trig.flags:
            clause = re.split(r"[;]|,\s+(?:but|while|and)\s", t[te:se])[0]
            if not (self.wrong and self.wrong.search(clause)):
                return None
        if trig.frame != "SAID":        # the words after a reported wrongdoing name what was copied, not a party
            before = [id(m) for m in self.mentions]
            self._discover_args(ss, se, ts, te, "rules" if "court" in trig.flags else rel, trig.frame)
            if [id(m) for m in self.mentions] != before:
                sm = self._sent_mentions(ss, se)
        court_trig = "court" in trig.flags
        if court_trig:
            rel = "rules"
        self._swap = trig.frame == "OS" and rel == "leads"
        self._noprod = "noprod" in trig.flags
        if self._noprod and re.search(r"\b(?:a|an|the|its|their|his|her|un|fully|newly|officially)[\s-]*$", t[max(ss, ts - 14):ts], re.I):
            return None         # "a licensed version": an adjective, no act
        if trig.frame == "SYM":
            return self._read_sym(i, ss, se, sm, ts, te, trig)
        if trig.frame == "SAID":
            return self._read_said(i, ss, se, sm, ts, te, trig)
        passive = self._passive(ts, te, trig)
        reduced = rel == "launches" and any(m.type == "Product" and re.fullmatch(r"(?:\s+[a-z][\w-]*){0,3},\s*", t[m.end:ts])
                                            for m in sm)
        if trig.frame == "PS" or reduced or (passive and rel == "launches" and not re.search(r"\bby\s+", t[te:se])):
            return self._read_product_subject(i, ss, se, sm, ts, te, trig)
        subjects: list[Mention] = []
        objects: list[Mention] = []
        if passive:
            by = re.search(r"\bby\s+", t[te:se])
            agents = [m for m in sm if by and m.start >= te + by.end()][:1]
            pat = [m for m in sm if m.end <= ts and not self.in_pp(m)]
            # "Uber, which bought Otto in 2016, was sued": the head of the relative clause
            for rm in re.finditer(r",\s+(?:which|who|whom|whose)\b[^,;]*,\s+", t[ss:ts]):
                a0, b0 = ss + rm.start(), ss + rm.end()
                if not re.search(r"[,;]", t[b0:ts]):
                    pat = [m for m in pat if not (a0 <= m.start < b0)]
            if not agents and pat and rel in ("fines", "rules") and not by:
                # "Qualcomm was fined": the regulator (court) the text is talking about
                want = "Regulator" if rel == "fines" else "Court"
                near = [m for m in self._before(ts, 2000) if m.type == want]
                if near:
                    agents = [near[-1]]
            if not agents or not pat:
                return None
            subjects = self._list_from(agents[0], [m for m in sm if m.start >= te])
            objects = self._list_from(pat[-1], [m for m in sm if m.end <= ts], -1)
            subj_anchor = pat[-1].end
        else:
            lead = t[ss:ts]
            coord = re.search(r"(?:,\s*|\s)(?:and|then|but)\s+(?:then\s+)?(?:\w+ly\s+)?$", lead)
            participle = re.search(r",\s*$", lead) and trig.pattern.split()[0].lower().endswith("ing")
            if coord and last_subject:
                subj = last_subject[0]
                subjects = last_subject
            elif participle and self.subjects[-1] is not None:
                subj = self.subjects[-1]
                subjects = [subj]
            else:
                subj = self._left_subject(rel, ss, ts, sm, trig)
                settle_lead = re.search(r"\bsettle\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}$", t[ss:ts])
                if trig.frame == "OS" and rel == "sues" and settle_lead:
                    # "Y agreed to pay Z $N to settle the lawsuit brought by X": the one settling is sued
                    main = self._subject_of([m for m in sm if m.end <= ss + settle_lead.start()])
                    if main is not None and self._fits(rel, 1, main):
                        subj = main
                if subj is None and trig.pattern.endswith(" of"):
                    # "the acquisition of X by Y" with nothing before it
                    objs = self._right_objects(rel, ts, te, se, sm, set(), trig)
                    byy = re.match(r"\s+by\s+(?:the\s+)?", t[objs[-1].end:se]) if objs else None
                    ag = [m for m in sm if byy and m.start == objs[-1].end + byy.end() and self._fits(rel, 0, m)]
                    subj = ag[0] if ag else None
                if subj is None:
                    return None
                subjects = self._list_from(subj, [m for m in sm if m.end <= ts] + ([subj] if subj not in sm else []), -1) \
                    if subj in sm else [subj]
                if subj.source == "coref" and subj.type == "Person":
                    # "they" for two people: both act
                    subjects += [x for x in sm if x.source == "coref" and x is not subj and x.type == "Person"
                                 and (x.start, x.end) == (subj.start, subj.end)]
            subj_anchor = subj.end
            if trig.frame == "SELL":
                to = re.search(r"\bto\s+", t[te:se])
                if not to:
                    return None
                buyers = [m for m in sm if m.start >= te + to.end() and self._fits("acquires", 0, m)][:1]
                things = [m for m in sm if te <= m.start < te + to.start() and self._fits("acquires", 1, m)
                          and not (m.source == "coref" and m.surface.lower() == "its")
                          and re.fullmatch(r"\s+(?:(?:the|its|their|a|an|his|her)\s+)?(?:(?:[\w%.-]+\s+){0,2}"
                                           r"(?:stake|shares?|holding|interest|unit|business)\s+in\s+(?:the\s+)?)?",
                                           t[te:m.start])
                          and len(t[m.end:te + to.start()].split()) <= 3][:1]
                if not things and re.match(r"\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}$", t[te:te + to.start()]):
                    # "Yahoo sold its core business to Verizon": the seller stands for what it sold
                    things = subjects[:1]
                if not buyers or not things:
                    return None
                seller = subjects
                subjects, objects = buyers, things
                _ = seller
            else:
                ote = te
                if "…" in trig.pattern:
                    first = re.match(r"\S+(?:\s+\S+)*?(?=\s)", t[ts:te])
                    head_words = len(trig.pattern.split("…")[0].split())
                    wm = re.match(r"(?:\S+\s+){%d}" % head_words, t[ts:te])
                    gap_objs = [m for m in sm if wm and ts + wm.end() <= m.start and m.end <= te]
                    if gap_objs and first:
                        ote = ts + wm.end()
                objects = self._right_objects(rel, ts, ote, se, sm, {m.name for m in subjects}, trig)
                if objects and trig.pattern.endswith(" of"):
                    # "the acquisition of X by Y": Y is the buyer
                    byy = re.match(r"\s+by\s+(?:the\s+)?", t[objects[-1].end:se])
                    if byy:
                        ag = [m for m in sm if m.start == objects[-1].end + byy.end() and self._fits(rel, 0, m)]
                        if ag:
                            subjects, subj = ag[:1], ag[0]
                if not objects and "np" in trig.flags:
                    np = self._np_object(te, se)
                    if np:
                        s0, e0, name = np
                        m = Mention(s0, e0, name, "Product", name, "np")
                        self.mentions.append(m)
                        objects = [m]
                if objects and "np" in trig.flags:
                    np = self._np_object(te, se)
                    if np and np[0] < objects[0].start and not any(o.start <= np[0] < o.end for o in objects):
                        s0, e0, name = np
                        m = Mention(s0, e0, name, "Product", name, "np")
                        self.mentions.append(m)
                        objects = [m]
                if not objects:
                    # "Broadcom, which Avago acquired": the relative clause's head is the object
                    rh = re.search(r"(?:^|[,;]\s+|\s)"
                                   r"([A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*)*),\s+(?:which|whom)\s+$",
                                   t[ss:subj.start])
                    if rh and not any(x.start <= ss + rh.start(1) < x.end for x in self.mentions + self.corefs):
                        if self._new_name(ss + rh.start(1), ss + rh.end(1), "Company") is not None:
                            sm = self._sent_mentions(ss, se)
                    rel_head = [m for m in sm if m.end <= subj.start and re.fullmatch(
                        r",\s+(?:which|whom|that)\s+", t[m.end:subj.start]) and self._fits(rel, 1, m)]
                    if rel_head:
                        objects = rel_head[-1:]
                if not objects and "noobj" in trig.flags:
                    objects = self._implied_defendant(subjects, te, se, sm, trig, rel)
                if not objects and "deal" in trig.flags and re.match(
                        r"\s+(?:the|its|their|this|that)\s+(?:proposed\s+|planned\s+|\$[\d.]+\s+(?:billion|million)\s+)?"
                        r"(?:deal|merger|acquisition|takeover|purchase|transaction|tie-up)\b", t[te:se]):
                    # "the FTC sued to block the deal": the buyer in the deal told last
                    deals = self.facts.get("acquires") or []
                    if deals:
                        b = deals[-1].subject
                        objects = [Mention(te, te, b, self._type_of(b), b, "coref")]
                if court_trig:
                    # a court rules on parties, not on the products its ruling talks about
                    objects = [o for o in objects if o.type != "Product"]
                if not objects and court_trig and re.match(
                        r"\s+(?:[\w-]+\s+){0,4}?(?:deal|settlement|agreement|accord|merger|acquisition|purchase|takeover)s?\b",
                        t[te:se]) and any(m.type == "Court" or m.name in self.judges for m in subjects):
                    # "the judge approved (most of) the deal": a ruling on the parties of the deal told last
                    lo = self.sentences[i - 1][0] if i > 0 else ss
                    deals = [d for d in self.deals if lo <= d[0] < ts]
                    if deals:
                        d = max(deals, key=lambda d: d[0])
                        objects = [Mention(te, te, n, self._type_of(n), n, "coref") for n in d[1:]]
                if not objects and court_trig and any(m.type == "Court" or m.name in self.judges for m in subjects):
                    # "Judge Koh struck $450 million of that", "the justices sent the case back":
                    # a ruling in the case in hand, on its last-named party
                    last = (self.facts.get("rules") or self.suits or [None])[-1]
                    if last is not None:
                        objects = [Mention(te, te, last.object, self._type_of(last.object), last.object, "coref")]
        # court readings need a court (or a judge), the others must not have one
        courtish = any(m.type == "Court" or (m.type == "Person" and m.name in self.judges) for m in subjects)
        if courtish != court_trig:
            return None
        self._swap = False
        if trig.frame == "OS":
            subjects, objects = objects, subjects
        if not subjects or not objects:
            return None
        neg, factor = self._modality(subj_anchor if not passive else ts, ts)
        if "irrealis" in trig.flags:
            neg = True
        # a report over an earlier event: "Qualcomm said (in December) the court had granted"
        d = self.dates.date_before(i, ts)
        block = bool(d and self.report and self.report.search(t[d.end:ts])
                     and re.search(r"\bhad\s+(?:been\s+)?(?:\w+ly\s+)?$", t[ss:ts]))
        date = None if "static" in trig.flags else self.dates.date_for(i, ts, t, report_block=block)
        if trig.frame == "OS" and rel == "sues" and re.search(
                r"\bsettle\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}$", t[ss:ts]):
            date = None         # the suit being settled is one told elsewhere, not a new filing
        out = []
        for s_ in subjects:
            for o in objects:
                r = rel
                if r == "blocks" and self._owns(s_.name, o):
                    r = "discontinues"
                if not self._fits(r, 0, s_) or not self._fits(r, 1, o):
                    continue
                c = Cand(r, s_.name, o.name, date, neg, trig.confidence * factor, trig.pattern, ss, se, ts, te)
                out.append(c)
                if s_.type == "Product" and "Product" not in self._schema(r)[0]:
                    self.acting.add(s_.name)
                if r == "sues" and not neg:
                    self.suits.append(c)
                if r == "acquires" and not neg:
                    self.deals.append((ts, c.subject, c.object))
                if not neg:
                    self.facts.setdefault(r, []).append(c)
        return out, subjects

    _DOER_GAP = re.compile(r"\s*[\"“”'‘’]?\s*(?:(?:had|has|have|was|were|been|is|are|also|not|never|allegedly|illegally|"
                           r"deliberately|knowingly|wilfully|willfully|slavishly|repeatedly|systematically|openly|"
                           r"simply|just|unlawfully|blatantly)\s+)*[\"“”'‘’]?\s*")

    def _read_said(self, i, ss, se, sm, ts, te, trig):
        """A wrongdoing reported as someone's words: "Oracle said Google 'stole Java'", "..., saying
        in a statement that Samsung had copied the iPhone", "Google copied Java, Oracle said"."""
        t = self.text
        rel = trig.relation
        doers = [m for m in sm if m.end <= ts and self._DOER_GAP.fullmatch(t[m.end:ts])]
        if not doers and self.speech:
            # "said that Initech had copied": an unknown name right after the speech verb's "that"
            nm = re.search(r"(?:\bthat\s+|\b(?:said|says|saying|claimed|claiming|argued|arguing|alleged|alleging)\s+)"
                           r"([A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,3})(" + self._DOER_GAP.pattern + r")$", t[ss:ts])
            if nm and self._new_name(ss + nm.start(1), ss + nm.end(1), "Company") is not None:
                sm = self._sent_mentions(ss, se)
                doers = [m for m in sm if m.end <= ts and self._DOER_GAP.fullmatch(t[m.end:ts])]
        if not doers:
            return None
        doer = doers[-1]
        if self.in_pp(doer) or not self._fits(rel, 1, doer):
            return None
        speaker = None
        sv = None
        if self.speech:
            # the speech verb that governs the clause: the last one before the doer, nothing but
            # adjuncts ("in a statement on Monday") and "that" between them
            for v in self.speech.finditer(t, ss, doer.start):
                gap = t[v.end():doer.start]
                if len(gap) <= 90 and not re.search(r"[;.!?]", gap) and \
                        re.search(r"(?:\bthat\s+|[\"“]\s*|\s)$", gap) and not re.search(r"\b(?:which|who|whom)\b", gap):
                    sv = v
                else:
                    sv = None
            if sv is not None:
                lead = t[ss:sv.start()]
                if sv.group(0).lower().endswith("ing") and re.search(r",\s*(?:\w+ly\s+)?$", lead):
                    speaker = self.subjects[-1] if self.subjects else None
                else:
                    left = [m for m in sm if m.end <= sv.start()]
                    for m in reversed(left):
                        # "Apple's lawyers said", "Apple said", "Apple, the iPhone maker, said"
                        if re.fullmatch(r"(?:['’]s?\s+(?:[\w-]+\s+){0,3}?|\s+(?:\w+ly\s+)?|,[^,;]{1,60},\s+|\s+(?:has|had|have)\s+(?:long\s+)?)", t[m.end:sv.start()]):
                            if not self.in_pp(m):
                                speaker = m
                        break
            else:
                # "Google copied Java, Oracle said" / ", said Oracle"
                for m in sm:
                    if m.start < te:
                        continue
                    pre, post = t[te:m.start], t[m.end:se]
                    ws = re.match(r"\s+", post)
                    vm = self.speech.match(t, m.end + ws.end(), se) if ws else None
                    if vm and re.search(r",\s*[\"”']?\s*$", pre) and not re.search(r"[;]", pre):
                        speaker, sv = m, vm
                        break
                    inv = re.search(r",\s*[\"”']?\s*(?:said|says|according\s+to)\s+$", pre)
                    if inv:
                        speaker, sv = m, m
                        break
        if speaker is None or sv is None or speaker.name == doer.name or not self._fits(rel, 0, speaker):
            return None
        spos = sv.start() if isinstance(sv, re.Match) else sv.start
        neg_speech, factor = self._modality(speaker.end, spos) if speaker.end <= spos else (False, 1.0)
        neg_doer = bool(self.neg and self.neg.search(t[doer.end:ts]))
        date = self.dates.date_for(i, spos, t)
        c = Cand(rel, speaker.name, doer.name, date, neg_speech or neg_doer, trig.confidence * factor,
                 trig.pattern, ss, se, ts, te)
        return [c], []

    def _read_product_subject(self, i, ss, se, sm, ts, te, trig):
        """"the first iPhone went on sale in June 2007", "Stadia was launched in 2019": the product's
        owner launched it."""
        t = self.text
        if "follows" in trig.flags:
            # "and the Athlon 64 that followed": a name not yet known is the product
            nm = re.search(r"\b(?:the|its|their|a|an)\s+([A-Z][\w.'’+-]*(?:[ \t]+[A-Z0-9][\w.'’+-]*){0,3})\s+$", t[ss:ts])
            if nm and not any(x.start < ss + nm.end(1) and ss + nm.start(1) < x.end for x in self.mentions + self.corefs):
                if self._new_name(ss + nm.start(1), ss + nm.end(1), "Product") is not None:
                    sm = self._sent_mentions(ss, se)
        prods = [m for m in sm if m.end <= ts and m.type == "Product"
                 and (not re.search(r"[,;]", t[m.end:ts]) or re.fullmatch(r"(?:\s+[a-z][\w-]*){0,3},\s*", t[m.end:ts]))
                 and len(t[m.end:ts].split()) <= 4]
        if not prods:
            return None
        p = prods[-1]
        le = self.lex.entities.get(p.name)
        owner = p.owner or (le.owner if le else None)
        if not owner:
            # "its Opteron server chip, launched in April 2003": the possessor before the product
            poss = [m for m in sm if m.end <= p.start and m.type in ("Company", "Organization")
                    and (re.fullmatch(r"['’]s\s+", t[m.end:p.start])
                         or (m.source == "coref" and m.surface.lower() in ("its", "their")
                             and re.fullmatch(r"\s+", t[m.end:p.start])))]
            owner = poss[-1].name if poss else None
        if not owner and "follows" in trig.flags:
            lo = self.sentences[i - 1][0] if i > 0 else ss
            prior = [c for c in self.facts.get("launches", []) if c.ss >= lo and c.tstart < ts and c.object != p.name]
            owner = prior[-1].subject if prior else None
        if not owner:
            return None
        neg, factor = self._modality(p.end, ts)
        date = self.dates.date_for(i, ts, t)
        c = Cand(trig.relation, owner, p.name, date, neg, trig.confidence * factor, trig.pattern, ss, se, ts, te)
        if not neg:
            self.facts.setdefault(trig.relation, []).append(c)
        return [c], []

    def _owns(self, owner: str, m: Mention) -> bool:
        le = self.lex.entities.get(m.name)
        if m.owner == owner or (le is not None and le.owner == owner):
            return True
        # "pulled X from its (own) stores"
        return False

    _SETTLE_CTX = re.compile(
        r"\bsettl(?:e|es|ed|ing|ement)\b|\btruce\b|\b(?:drop|dropped|drops|withdraw|withdrew|dismiss|dismissed)\s+"
        r"(?:[\w-]+\s+){0,5}?(?:suits?|lawsuits?|claims?|cases?|complaints?|litigation)\b|"
        r"\b(?:end|ends|ended|ending|resolve|resolves|resolved|resolving)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:dispute|disputes|fight|feud|war|battle|litigation|suits?|lawsuits?)\b", re.I)

    def _settle_context(self, i: int, ss: int, se: int) -> bool:
        """A payment between two parties is a settlement when its sentence, or the sentence before it
        in the same paragraph, speaks of settling, a truce, dropped suits or an ended dispute."""
        if self._SETTLE_CTX.search(self.text, ss, se):
            return True
        if i > 0:
            ps, pe, _ = self.sentences[i - 1]
            if not re.search(r"\n\s*\n", self.text[pe:ss]) and self._SETTLE_CTX.search(self.text, ps, pe):
                return True
        return False

    def _implied_defendant(self, subjects, te, se, sm, trig, rel="sues") -> list[Mention]:
        """The other side of a suit (an investigation) told without one: "filed two more suits",
        "countersued", "opened the investigation" -> the other side of the last such fact."""
        t = self.text
        m = re.search(r"\b(?:claiming|alleging|accusing|arguing|saying)(?:\s+that)?\s+", t[te:se])
        if m:
            after = [x for x in sm if x.start == te + m.end() and self._fits(rel, 1, x)]
            if after:
                return after[:1]
        names = {s.name for s in subjects}
        if rel == "fines" and not any(c.subject in names for c in self.facts.get(rel, [])):
            # "the European Commission imposed a record fine": the company under investigation in
            # view, when the article has exactly one
            targets = {c.object for c in self.facts.get(rel, []) if c.object not in names}
            if len(targets) == 1:
                o = targets.pop()
                return [Mention(te, te, o, self._type_of(o), o, "coref")]
            return []
        for c in reversed(self.facts.get(rel, []) if rel != "sues" else self.suits):
            if rel != "sues":
                if c.subject in names and c.object not in names:
                    return [Mention(te, te, c.object, self._type_of(c.object), c.object, "coref")]
                continue
            if c.subject in names and c.object not in names:
                return [Mention(te, te, c.object, self._type_of(c.object), c.object, "coref")]
            if c.object in names and c.subject not in names:
                return [Mention(te, te, c.subject, self._type_of(c.subject), c.subject, "coref")]
        return []

    def _type_of(self, name: str) -> str:
        for m in self.mentions:
            if m.name == name:
                return m.type
        le = self.lex.entities.get(name)
        return le.type if le else "Company"

    def _read_sym(self, i, ss, se, sm, ts, te, trig):
        t = self.text
        rel = trig.relation
        left = [m for m in sm if m.end <= ts]
        right = [m for m in sm if m.start >= te]
        pairs: list[tuple[Mention, Mention]] = []
        anchor = ss
        # "X and Y (on Tuesday) agreed to ...", "the two companies signed ..."
        subj = self._left_subject(rel, ss, ts, sm, trig) if left else None
        if subj is not None:
            anchor = subj.end
            group = [x for x in left if x.start == subj.start and x.end == subj.end]
            withm = re.match(r"\s+with\s+(?:the\s+)?", t[te:se])
            other = [m for m in right if withm and m.start == te + withm.end()]
            if other and re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){0,2}", t[subj.end:ts]):
                # "the two firms' rivalry with DoorDash", "Lyft's price war with Uber": each with the other side
                pairs.extend((g, other[0]) for g in group)
            elif len(group) >= 2:
                pairs.append((group[0], group[1]))
            else:
                lst = self._list_from(subj, left, -1)
                if len(lst) >= 2:
                    pairs.append((lst[0], lst[1]))
        # "its (larger) rival": the one "its" refers to, and the rival named in apposition or, when
        # none is, the one other company of this sentence and the one before
        if not pairs and rel == "competes" and left and left[-1].source == "coref" and \
                left[-1].surface.lower() == "its" and re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){0,2}", t[left[-1].end:ts]):
            y = left[-1]
            anchor = y.end
            if right and re.fullmatch(r",?\s+", t[te:right[0].start]):
                pairs.append((y, right[0]))
            elif not right or not re.fullmatch(r"\s+", t[te:right[0].start]):
                ps_ = self.sentences[i - 1][0] if i > 0 else ss
                others = {m.name: m for m in self.mentions + self.corefs
                          if ps_ <= m.start < se and m.type == "Company" and m.name != y.name}
                if len(others) == 1:
                    o = next(iter(others.values()))
                    pairs.append((y, Mention(ts, te, o.name, o.type, o.surface, "coref")))
        # "X, Y's main rival" / "Y's rival X"
        if not pairs and re.search(r"['’]s\s+(?:[\w-]+\s+){0,2}$", t[ss:ts]) and left:
            y = left[-1]
            xs = [x for x in left[:-1] if re.fullmatch(r",\s+(?:the\s+)?", t[x.end:y.start])]
            if xs:
                pairs.append((xs[-1], y))
            elif right and re.fullmatch(r",?\s+", t[te:right[0].start]):
                pairs.append((y, right[0]))
        # "between X and Y"
        if not pairs:
            mb = re.search(r"\bbetween\s+", t[te:se])
            if mb:
                r2 = [m for m in right if m.start >= te + mb.end()]
                if len(r2) >= 2 and re.fullmatch(r"\s+and\s+(?:the\s+)?", t[r2[0].end:r2[1].start]):
                    pairs.append((r2[0], r2[1]))
        # "X settled with Y", "X competes with Y"
        if not pairs and subj is not None and right:
            gap = t[te:right[0].start]
            if re.fullmatch(r"\s*(?:with\s+|of\s+|to\s+)?(?:rival\s+|the\s+)?|\s+", gap) or trig.pattern.endswith("with"):
                if not re.search(r"[;,]", gap):
                    for o in self._list_from(right[0], right):
                        pairs.append((subj, o))
        # a settlement / partnership noun in a sentence naming exactly two companies
        if not pairs and " " not in trig.pattern.strip() and trig.pattern.lower() in (
                "settlement", "partnership", "alliance", "rivalry"):
            comps = []
            for m in sm:
                if m.type == "Company" and m.name not in [c.name for c in comps]:
                    comps.append(m)
            if len(comps) == 2:
                pairs.append((comps[0], comps[1]))
        if not pairs:
            return None
        neg, factor = self._modality(anchor, ts)
        if "irrealis" in trig.flags:
            neg = True
        date = None if "static" in trig.flags else self.dates.date_for(i, ts, t)
        out = []
        for a, b in pairs:
            if rel in ("cooperates", "acquires") and not neg and a.name != b.name:
                # a deal with any party ("settled with the Justice Department") may be approved later
                self.deals.append((ts, a.name, b.name))
            if a.name == b.name or not self._fits(rel, 0, a) or not self._fits(rel, 1, b):
                continue
            out.append(Cand(rel, a.name, b.name, date, neg, trig.confidence * factor, trig.pattern, ss, se, ts, te))
        return out, [pairs[0][0]]
