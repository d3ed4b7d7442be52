"""Coreference for the English reader: the words that refer back ("it", "its", "the company", "the
iPhone maker", "the South Korean company", "the judge", "they") resolved to the names they stand for.

Position decides: a subject pronoun takes the sentence's (or the previous sentence's) subject, an
object pronoun the last fitting name outside a prepositional phrase; "the <product> maker" the
product's owner; a nationality description the one company of that country the article names, its
country read from the text ("South Korea's Samsung") or else from the lexicon.  The resolutions are
appended to `corefs` sentence by sentence, before the sentence's triggers are read.
"""
from __future__ import annotations

import re

from kg.extract.en.reading import _PARTICIPLE_IRREG, _VERBISH, ReadingBase, _wre
from kg.extract.blackboard import Blackboard
from kg.extract.mentions import Mention


class CorefReading(ReadingBase):
    """Resolves the referring words of a sentence; needs `coref_rx`, `nat_rx` and `country` (built in
    `Reader.__init__`)."""

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

    _FOREIGN_ZH = ("美国", "英国", "欧盟", "日本", "韩国", "德国", "法国", "香港", "台湾", "印度", "俄罗斯", "澳大利亚", "加拿大")

    def _regulator_country(self, name: str) -> str | None:
        """A regulator's country: the tables, else a Chinese-script name without a foreign prefix is China's."""
        c = self._country_of(name)
        if c:
            return c
        for pre, code in self.en.note_country.items():
            if name.startswith(pre):
                return code
        if re.match(r"[\u4e00-\u9fff]", name) and not name.startswith(self._FOREIGN_ZH):
            return "CN"
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
        # "South Korea's antitrust regulator": the one regulator of that country the article names
        for m in re.finditer(r"\b(?P<c>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s\s+(?:[a-z-]+\s+){0,2}"
                             r"(?:regulator|watchdog|competition\s+authority|antitrust\s+authority)\b", t[ss:se]):
            c = m.group("c")
            if c in self.en.countries or c in self.en.places:
                key = c.split()[-1]
                code = self.en.countries.get(c)
                regs = {x.name for x in self.mentions if x.type == "Regulator" and (
                    key in x.name or key in x.surface or (code and self._regulator_country(x.name) == code))}
                if len(regs) == 1:
                    name = regs.pop()
                    s0, e0 = ss + m.start(), ss + m.end()
                    if not any(not (e0 <= x.start or s0 >= x.end) for x in real):
                        self.corefs.append(Mention(s0, e0, name, "Regulator", m.group(0), "coref"))
        # "the Chicago-based company": a company described by its seat
        for m in re.finditer(r"\b[Tt]he\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?-based\s+(?:company|firm|group|startup|start-up|maker)\b(?![ \t]+[A-Z])", t[ss:se]):
            found.append((ss + m.start(), ss + m.end(), "the company"))
        # "the organic grocer", "the British chip designer": a company noun with one modifier
        for m in re.finditer(r"\b[Tt]he\s+[a-z][\w-]+\s+(?:grocer|retailer|chipmaker|carmaker|automaker|startup|start-up|"
                             r"chip\s+designer|conglomerate|supermarket\s+chain|chain)\b(?!['’])(?![ \t]+[A-Z])", t[ss:se]):
            # (not "the graphics chipmaker ATI Technologies": a description before the name it introduces)
            found.append((ss + m.start(), ss + m.end(), "the company"))
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
            if w.lower() in ("the two", "both") and self._determiner(e):
                continue        # "the two models", "both suits": a determiner, not the two parties
            natm = self.nat_rx.fullmatch(w) if self.nat_rx is not None else None
            if natm and re.match(r"[ \t]+(?:[A-Z]|[a-z]{1,4}[A-Z])", t[e:e + 6]):
                continue        # "the Israeli advertising software firm ironSource": it introduces the name
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

    _VERBISH_NEXT = re.compile(r"\s+(?:\w+ly\s+)?(?:[a-z]+ed|said|says|say|remain|remained|are|were|have|had|has|"
                               r"will|would|could|can|may|might|must|should|did|do|does|agreed|face|faced|sued|"
                               r"settled|went|made|reached|signed|compete|competed|of|sides|companies|firms|rivals)\b|\s*[^\w\s]|\s*$")

    def _determiner(self, e: int) -> bool:
        """Is "the two"/"both" ending at e a determiner of a following noun ("the two models")?"""
        nxt = self.text[e:e + 30]
        if not re.match(r"\s+[a-z]", nxt):
            return False
        w = re.match(r"\s+([a-z-]+)", nxt).group(1)
        heads = {k.split()[-1] for k, v in self.en.coref.items() if v == "Company" and k.lower().startswith("the ")}
        if w.rstrip("s") in heads or w.rstrip("s").endswith("maker") or w in ("parties", "groups", "giants"):
            return False        # "the two chipmakers": the two parties after all
        return not self._VERBISH_NEXT.match(nxt)

    def _antecedents(self, i: int, ss: int, s: int, e: int, w: str) -> list[tuple[str, str]]:
        lw = w.lower()
        t = self.text
        before = self._before(s)
        in_sent = [m for m in before if m.start >= ss]
        prev_subj = self.subjects[i - 1] if i > 0 and self.subjects[i - 1] is not None else None
        v = _Antecedents(before=before, e=e, i=i, in_sent=in_sent, lw=lw, prev_subj=prev_subj, s=s, self=self,
                         ss=ss, t=t, w=w)
        for stage in _ANTECEDENTS_STAGES:
            r = stage(v)
            if r is not _NEXT:
                return r

    def _listed_after_prep(self, m: Mention, ms: list[Mention]) -> bool:
        """Is m one of a list that a preposition governs ("competes with Walmart, Target and ...")?  Such a
        name is seldom what "the company" in object position refers back to."""
        k = next((j for j, x in enumerate(ms) if x is m), None)
        if k is None:
            return False
        sep = r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)"
        j = k
        while j > 0 and re.fullmatch(sep, self.text[ms[j - 1].end:ms[j].start]):
            j -= 1
        listed = j < k or (k + 1 < len(ms) and re.fullmatch(sep, self.text[ms[k].end:ms[k + 1].start]))
        return bool(listed) and self.in_pp(ms[j])

    def _across_clause(self, a: int, b: int) -> bool:
        return bool(re.search(r"[;]|,\s+(?:and|but|while)\b|\s+and\s+\w+", self.text[a:b]))

    def _subject_position(self, s: int, e: int) -> bool:
        pw = self.prev_word(s)
        if re.match(r"\s+(?:would|will|had|has|have|was|is|could|should|must|may|might|can|did|does)\b", self.text[e:e + 12]):
            return True         # "saying it would go ahead": a pronoun before a modal is a subject
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


_NEXT = object()    # a stage's answer: go on with the next stage


class _Antecedents(Blackboard):
    """What the stages of `_antecedents` share; a name no stage has set yet reads as None."""


def _coref_kind(v: _Antecedents):
    """"the iPhone maker" by what it makes; the kind the word refers to (coref_en.tsv); "both", "the two companies"."""
    a, b, before, i, k, kind, le, lo, lw, m = v.a, v.b, v.before, v.i, v.k, v.kind, v.le, v.lo, v.lw, v.m
    self, t, w = v.self, v.t, v.w
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
        # "Nintendo and The Pokémon Company have sued ... the two companies had filed": a pair of
        # companies that opened a clause as its joint subject, in the last few sentences
        lo = self.sentences[max(0, i - 3)][0]
        pair = None
        for a, b in zip(before, before[1:]):
            if a.start < lo or a.type != "Company" or b.type != "Company" or a.name == b.name:
                continue
            if re.fullmatch(r",?\s+and\s+(?:[Tt]he\s+)?|\s*&\s*", t[a.end:b.start]) and \
                    re.search(r"(?:^|[.;:]\s+|\n\s*|,\s+(?:and|but|when|after)\s+|\b(?:that|when|after|before)\s+)(?:[Tt]he\s+)?$",
                              t[max(0, a.start - 40):a.start]) and \
                    re.match(r"\s+(?:(?:\w+ly|also|have|has|had|will|would|both)\s+)*[a-z]+(?:ed|s)?\b", t[b.end:b.end + 40]) \
                    and not self.possessive(b):
                pair = (a, b)
        if pair:
            return [(m.name, m.type) for m in pair]
        seen: list[Mention] = []
        for m in reversed(before):
            if m.type == "Company" and all(m.name != x.name for x in seen):
                seen.append(m)
            if len(seen) == 2:
                break
        return [(m.name, m.type) for m in seen] if len(seen) == 2 else []
    v.a, v.b, v.k, v.kind, v.le, v.lo, v.m = a, b, k, kind, le, lo, m
    return _NEXT


def _coref_possessive(v: _Antecedents):
    """"its", "their": the subject before it, else the nearest fitting name."""
    before, e, i, in_sent, kind, le, prev_subj = v.before, v.e, v.i, v.in_sent, v.kind, v.le, v.prev_subj
    s, self, ss, subj_pos, t = v.s, v.self, v.ss, v.subj_pos, v.t
    subj_pos = self._subject_position(s, e)
    if kind == "possessive":
        if re.search(r",\s+(?:claiming|alleging|arguing|saying|asserting)\b[^,;]*$", t[ss:s]):
            # "X sued Y, claiming that Z infringed its patents": the claimant's
            subj = self._subject_of([m for m in in_sent if m.source != "coref" or m.surface.lower() != "its"])
            if subj is not None:
                return [(subj.name, subj.type)]
        comp = [m for m in in_sent if m.type in ("Company", "Organization", "Regulator")]
        # "X, the maker of Y, updated its Z": a name in a prepositional phrase is not the owner;
        # "OpenAI said it would support AMD's chips in its Triton software": nor a possessive modifier
        comp = [m for m in comp if not self.in_pp(m)] or comp
        # "its Unreal Engine": the owner the lexicon knows for the product named right after, when named here
        nxt = [m for m in self.mentions if m.start >= e and re.fullmatch(r"\s+(?:own\s+)?", t[e:m.start])]
        if nxt and nxt[0].type == "Product":
            le = self.lex.entities.get(nxt[0].name)
            ow = nxt[0].owner or (le.owner if le else None)
            hit = [m for m in comp if m.name == ow]
            if hit:
                return [(hit[-1].name, hit[-1].type)]
        # "OpenAI said it would support AMD's chips in its Triton software": "its" is bound by the
        # clause's subject "it", not the possessive written between them
        bound = [c for c in self.corefs if ss <= c.start < s and c.surface.lower() == "it" and c.type == "Company"
                 and self._subject_position(c.start, c.end)]
        if bound and not re.search(r"[;]|,\s+(?:and|but|while)\s", t[bound[-1].end:s]):
            return [(bound[-1].name, bound[-1].type)]
        if comp:
            return [(comp[-1].name, comp[-1].type)]
        if prev_subj:
            return [(prev_subj.name, prev_subj.type)]
        if i > 0 and not in_sent:
            # "Android now runs on 80% of phones. Its main competitor ...": a product that opened
            # the sentence before
            ps_, pe_, _ = self.sentences[i - 1]
            first = [m for m in before if ps_ <= m.start < pe_ and m.source != "coref"][:1]
            if first and first[0].type == "Product" and not self.in_pp(first[0]) and \
                    re.fullmatch(r"\s*(?:[\"“]?\s*)(?:The\s+)?", t[ps_:first[0].start]):
                return [(first[0].name, first[0].type)]
        return []
    v.subj_pos = subj_pos
    return _NEXT


def _coref_pronoun(v: _Antecedents):
    """"it", "they": the sentence's (or the previous sentence's) subject, or the last entity outside a prepositional phrase."""
    before, in_sent, kind, m, prev_subj, s, self = v.before, v.in_sent, v.kind, v.m, v.prev_subj, v.s, v.self
    ss, subj_pos, t = v.ss, v.subj_pos, v.t
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
            # "... the $400 million that Meta paid for it": the subject of the clause "it" stands in
            bd = list(re.finditer(r"\b(?:that|which|who|whom|because|when|after|before|while|if)\s+|"
                                  r";\s+|,\s+(?:and|but|while|then)\s+(?:(?:said|says|added|noted)\s+)?", t[ss:s])) or \
                list(re.finditer(r"[,;]\s+", t[ss:s]))
            if bd:
                inner = [m for m in in_sent if m.start >= ss + bd[-1].end()]
                if inner and self._subject_of(inner) is not None:
                    clause_subj = self._subject_of(inner)
        # "Microsoft, Meta Platforms and Oracle would use it": every name of the subject's list
        subj_list = {x.name for x in self._list_from(clause_subj, in_sent)} if clause_subj is not None else set()
        for m in reversed(before):
            if m.type not in ("Company", "Product"):
                continue
            if self.in_pp(m) or m.name in subj_list:
                continue
            if (m.start < ss and self._quoted(m.start)) or (self.possessive(m) and m.source != "coref"):
                continue    # a possessor ("Nintendo's franchise", "Nvidia's grip") or an earlier quoted name is not "it"
            return [(m.name, m.type)]
        return []
    v.m = m
    return _NEXT


_HIGH_COURT = re.compile(r"Supreme|Appeals|Circuit|最高|上诉|上訴")
_APPEAL_STAGE = re.compile(r"\b(?:appeals|appellate|appeal) court\b")
_TRIAL_STAGE = re.compile(r"\b(?:district|trial|lower) court\b")


def _coref_court_org(v: _Antecedents):
    """"the judge", "the court", "the company", "the regulator": the last of that type."""
    before, in_sent, kind, lw, m, prev_subj, s = v.before, v.in_sent, v.kind, v.lw, v.m, v.prev_subj, v.s
    self, subj_pos, t = v.self, v.subj_pos, v.t
    if kind == "Court" and "judge" in lw:
        # "the judge": the judge named last, in the court that judge sits on
        for m in reversed(before):
            if m.type == "Person" and m.name in self.judge_court:
                return [(self.judge_court[m.name], "Court")]
    if kind == "Court":
        want = ("Supreme Court",) if "justices" in lw or "high court" in lw else (
            ("District Court", "court in ", "Court in ") if "jury" in lw or lw.startswith("a ") else None)
        if want:
            for m in reversed(before):
                if m.type == "Court" and any(w in m.name for w in want):
                    return [(m.name, "Court")]
            if lw.startswith("a "):
                # "a federal judge blocked the order": a trial court; the article's only one, if any
                trial = {m.name for m in self.mentions if m.type == "Court" and any(w in m.name for w in want)}
                return [(trial.pop(), "Court")] if len(trial) == 1 else []
        if _APPEAL_STAGE.search(lw):
            # "the appeals court" (rule en.coref.stage_court): the appeals court named before, never another
            return next(([(m.name, "Court")] for m in reversed(before)
                         if m.type == "Court" and _HIGH_COURT.search(m.name) and "Supreme" not in m.name), [])
        # a jury sits in a trial court, and so does "the district court": never the supreme court or an
        # appeals court the article names
        high = _HIGH_COURT if "jury" in lw or _TRIAL_STAGE.search(lw) else None
        for m in reversed(before):
            if m.type == "Court" and not (high and high.search(m.name)):
                return [(m.name, "Court")]
            if m.type == "Person" and m.name in self.judge_court and not (high and high.search(self.judge_court[m.name])):
                return [(self.judge_court[m.name], "Court")]
        courts = [m for m in self.mentions if m.type == "Court" and not (high and high.search(m.name))]
        return [(courts[0].name, "Court")] if courts else []
    if kind in ("Company", "Regulator", "Organization") and lw.split()[-1] in _NAMED_HEADS:
        # "the consortium": only a name that says it is one (Rockstar Consortium), never the last
        # company named (the members the sentence before listed)
        head = lw.split()[-1]
        for m in reversed(before):
            if m.type == kind and (head in m.name.lower() or head in m.surface.lower()):
                return [(m.name, m.type)]
        return []
    if kind in ("Company", "Regulator", "Organization"):
        if subj_pos and prev_subj is not None and prev_subj.type == kind and not in_sent:
            return [(prev_subj.name, prev_subj.type)]
        # "Amazon agreed to buy the organic grocer": in object position, not the clause's own subject
        own = None if subj_pos else self._subject_of([m for m in in_sent if not self._across_clause(m.end, s)
                                                      and not re.search(r",\s+[a-z]+ing\b", t[m.end:s])])
        for m in reversed(before):
            if m.type == kind and not self._quoted(m.start) and not (own is not None and m.name == own.name) \
                    and not (not subj_pos and self._listed_after_prep(m, before)):
                return [(m.name, m.type)]
        return []
    v.m = m
    return _NEXT


def _coref_people(v: _Antecedents):
    """"he", "she", "they" for people, "the office", "the device": the last fitting person, office or product."""
    a, b, before, i, k, kind, lo, m, self, ss = v.a, v.b, v.before, v.i, v.k, v.kind, v.lo, v.m, v.self, v.ss
    t = v.t
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
    return _NEXT


# "the consortium", "the alliance": heads that refer only to a name made with them
_NAMED_HEADS = frozenset({"consortium", "alliance", "coalition"})

# the stages of `_antecedents`, in order
_ANTECEDENTS_STAGES = (_coref_kind, _coref_possessive, _coref_pronoun, _coref_court_org, _coref_people)
