"""Argument finding for the English reader: who acts and on whom, around a trigger.

The subject is the nearest fitting name before the trigger that is not in a prepositional phrase nor
a possessive modifier; the object the first fitting name after it in its clause, or the list of names
in apposition.  Capitalised names the entity finder did not know become entities when they stand in
argument position ("sued Netscape", "Java was created by Sun"), and every later writing of the same
name is the same entity.  When no object is written, the other side of the last such fact is meant.
"""
from __future__ import annotations

import re

from kg.extract.en.reading import ReadingBase
from kg.extract.mentions import Mention

_PNAME = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+)?(?:[ \t]+(?:[A-Z]\.|[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+|-[a-z]{2,})?)){1,2}"


_PLATFORM_PP = re.compile(r"(?:^|\s)(?:on|for|in|at|across|into|with|to|from|via|through)\s+"
                          r"(?:(?:the|its|their|a|an|his|her)\s+|[A-Z][\w&.-]*['’]s\s+)*$", re.I)


# a name made an adjective before a list member: "Tencent-backed China Literature", "SoftBank-owned Arm"
_BACKED = re.compile(r"-(?:backed|owned|controlled|funded|led)\b")
_BACKED_GAP = re.compile(r"(?<=\s)[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3}-(?:backed|owned|controlled|funded|led)\s+$")
# "to block a law signed by President X", "a rule adopted by the Commission": the name is the law's maker,
# not the object of the verb before
_SIGNER = re.compile(r"\b(?:law|laws|bill|act|order|orders|rule|rules|regulation|regulations|ban|measure|policy|decree|statute|"
                     r"legislation)\s+(?:that\s+was\s+|which\s+was\s+)?(?:signed|passed|enacted|issued|adopted|approved|"
                     r"proposed|introduced|championed|backed|pushed)\s+(?:into\s+law\s+)?(?:in\s+\w+\s+)?by\s+"
                     r"(?:(?:the|former|then|U\.S\.|US)\s+)?(?:[A-Z][\w.]*\s+){0,2}$")
# "X's (fiercest) rival / parent / chief executive": a possessive naming another party than X
_OTHER_PARTY = re.compile(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,2}(?:rivals?|competitors?|parent|owner|founder|chief|"
                          r"executive|ceo|unit|subsidiary|partners?|customers?|suppliers?|lawyers?)\b")


class ArgumentReading(ReadingBase):
    """Subjects, objects and lists of names, and the discovery of names in argument position."""

    def _list_from(self, m: Mention, ms: list[Mention], direction: int = 1) -> list[Mention]:
        """m and the names listed with it ("Foxconn, Pegatron, Wistron and Compal")."""
        out = [m]
        t = self.text
        # "TikTok and its parent company ByteDance": a possessive pronoun is not a member of the list
        ms = [x for x in ms if x is m or not (x.source == "coref" and x.surface.lower() in ("its", "their"))]
        # "Alibaba, Tencent-backed China Literature, and ...": the name in a hyphened modifier is no member
        ms = [x for x in ms if x is m or not _BACKED.match(t, x.end)]
        if m not in ms:
            return out
        idx = ms.index(m)
        j = idx
        while 0 <= j + direction < len(ms):
            a, b = (ms[j], ms[j + direction]) if direction > 0 else (ms[j + direction], ms[j])
            gap = t[a.end:b.start]
            # "fined Apple 500 million euros and Meta 200 million euros": an amount after each name
            if direction > 0:
                gap = re.sub(r"^\s+(?:about\s+|nearly\s+|some\s+)?[$€£¥]?[\d.,]+\s*(?:million|billion|trillion|bn|m)?"
                             r"(?:\s+(?:euros|dollars|yuan|won|pounds|yen))?(?=\s*(?:,|and\b|or\b))", "", gap)
            gap = _BACKED_GAP.sub(" ", gap)
            # "..., and Shenzhen Hive Box Technology": a place written before a member's name
            pw = re.search(r"(?<=\s)([A-Z][a-z]+)\s+$", gap)
            if pw and pw.group(1) in self.en.places:
                gap = gap[:pw.start()]
            if not re.fullmatch(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*|\s+as\s+well\s+as\s+)(?:[Tt]he\s+)?"
                                r"(?:\d+\s+|(?:two|three|four|five|six|seven|eight|nine|ten|several|other)\s+)?", gap) and not (
                    # "TikTok and its Chinese parent company ByteDance": the second one described
                    re.fullmatch(r"\s+and\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}(?:parent|owner|subsidiary|unit|affiliate|partner)"
                                 r"(?:\s+company|\s+firm|\s+group)?\s+", gap)):
                break
            nxt = ms[j + direction]
            if direction > 0 and _OTHER_PARTY.match(t, nxt.end):
                break       # "the PlayStation and Xbox's fiercest rival": the possessor of another party, no member
            parent = re.match(r"\s+and\s+(?:its|their)\s", gap)
            if nxt.type != m.type and not ({nxt.type, m.type} <= {"Company", "Organization"}) and not (
                    parent and {nxt.type, m.type} <= {"Company", "Product"}):
                break
            if re.search(r",\s*(?:and|but)\s", gap) and self._starts_clause(b):
                break       # "pay AMD $1.25 billion, and AMD agreed to ...": a new clause, not the list
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
        for m in reversed(left):
            # "a case brought by Spotify, which had complained that ...": the head of the relative
            # clause the trigger opens is its subject, prepositional phrase or not
            if re.fullmatch(r",\s+(?:(?:a|an|the)\s+[^,;]{1,50}?\s+)?(?:which|who|that)\s+(?:(?:had|has|have|also|then|later|long|\w+ly)\s+)*",
                            t[m.end:ts]) \
                    and self._fits(rel, 0, m) and m.source != "coref":
                return m
            break
        rc = None
        # (a relative clause may hold a list: "Tencent Music, whose apps include QQ Music, Kugou and Kuwo, competes")
        for rm in re.finditer(r",\s+(?:which|who|whom|whose)\b(?:[^,;]|,\s+(?=[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*(?:,|\s+and\s)))*,\s+", t[ss:ts]):
            rc = (ss + rm.start(), ss + rm.end())
        # an appositive naming what the subject is: "Epic, creator of the game Fortnite, filed"
        # ("Rockstar, the group that bought the patents of Nortel, sued": a relative clause on a description)
        for rm in re.finditer(r",\s+(?:(?:a|an|the)\s+)?(?:[a-z][\w-]*\s+){0,3}(?:of|for)\s+[^,;]*,\s+"
                              r"|,\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){1,3}(?:that|which|who)\s+[^,;]*,\s+", t[ss:ts]):
            if rc is None or rm.start() + ss >= rc[0]:
                rc = (ss + rm.start(), ss + rm.end())
        for m in reversed(left):
            if rc and rc[0] <= m.start < rc[1] and rc[1] >= ts - 40 and not re.search(r"[,;]", t[rc[1]:ts]):
                continue
            if self.in_pp(m) and not (rel == "rules" and m.type == "Court" and self.prev_word(m.start) in ("by", "of")):
                continue        # (a court acts from "by the court"; "filed in the court" is only where)
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
            if "," in re.sub(r"\d,\d", "", gap) and not self.possessive(m) and not re.fullmatch(
                    r"\s*(?:in\s+\w+\s+)?(?:(?:the|a|an|two|three|four|five|six|several|\d+)\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*,\s+", gap):
                break       # (but "brought in January by three artists, Sarah Andersen, ...": the names in apposition)
            if "noobj" in trig.flags and "," in gap:
                break
            if re.search(r",\s+(?:and|but)\s+", gap) and self._starts_clause(m):
                break
            if m.name in subj_names or not self._fits(rel, 1, m):
                continue
            if _BACKED.match(t, m.end) or _SIGNER.search(gap):
                continue        # "buy the SoftBank-owned chip designer", "block a law signed by President X": a modifier's name
            if rel == "acquires" and gap.strip() and (re.search(r"\bfrom\s+(?:(?:the|its|their)\s+)?$", gap) or re.fullmatch(
                    r"\s*from\s+(?:(?:the|its|their|a|an)\s+)?(?:[\w-]+\s+){1,3}", gap)):
                continue        # "bought support from Initech", "patents it bought from Dutch chipmaker NXP": the seller
            if rel in ("launches", "discontinues") and _PLATFORM_PP.search(gap):
                continue        # "released it on the Steam store", "for its Switch console": where, not what
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
            if self.possessive(m) and m.source != "coref" and re.match(
                    r"['’]s?\s+(?:[a-z][\w-]*\s+)?(?:rivals|competitors|customers|suppliers|partners|users|employees|staff|"
                    r"lawyers|shareholders|investors|critics|engineers|executives)\b", t[m.end:m.end + 40]):
                continue        # "cut off Grail's rivals": the rivals, not Grail
            if m.source == "coref" and m.surface.lower() == "its":
                # "its Unreal Engine": the object is the thing owned, when it is named
                continue
            desc = re.match(r"\s+(?:chip\s+|contract\s+|key\s+|main\s+|largest\s+|biggest\s+)?(?:supplier|customer|client|"
                            r"partner|rival|competitor|licensee|licensor|vendor|investor|subsidiary|unit|affiliate)\s+",
                            t[m.end:m.end + 40]) if not self.possessive(m) else None
            if desc and any(x.start == m.end + desc.end() and self._fits(rel, 1, x) for x in right):
                continue        # "sued larger rival and Apple supplier TSMC": Apple only describes TSMC
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
                if words[0] in self.en.demonyms or words[0] in self.en.places or name in self.en.demonyms:
                    return None     # "the Israeli advertising software firm": a description, not a product
                s = te + m.start(1)
                return s, s + len(name), name
        return None

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
        if rel == "fines" and not self.facts.get(rel) and (self.facts.get("acquires") or self.called_off) and re.search(
                r"\b(?:deal|merger|acquisition|takeover|purchase|transaction)\b",
                t[self.sentences[max(0, self._sent_index(te) - 1)][0]:se], re.I):
            # "The European Commission had opened an in-depth investigation in October": into the
            # deal in view, that is its buyer
            b = (self.facts.get("acquires") or self.called_off)[-1].subject
            return [Mention(te, te, b, self._type_of(b), b, "coref")]
        if rel == "fines" and not any(c.subject in names for c in self.facts.get(rel, [])):
            # "the European Commission imposed a record fine": the company under investigation in
            # view, when the article has exactly one
            targets = {c.object for c in self.facts.get(rel, []) if c.object not in names}
            if len(targets) == 1:
                o = targets.pop()
                return [Mention(te, te, o, self._type_of(o), o, "coref")]
            return []
        if rel == "invests" and not any(c.subject in names for c in self.facts.get(rel, [])):
            # "Jana Partners, an activist fund that took a stake of about 8%": in the company the
            # sentence is about
            ss_ = self.sentences[self._sent_index(te)][0]
            s0 = self._subject_of([m for m in self._sent_mentions(ss_, se) if m.end <= te])
            if s0 is not None and s0.name not in names and s0.type == "Company":
                return [Mention(te, te, s0.name, s0.type, s0.surface, "coref")]
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

    def _sent_index(self, pos: int) -> int:
        for k, (a, b, _) in enumerate(self.sentences):
            if a <= pos < b or pos == b:
                return k
        return 0

    _CAPNAME = re.compile(r"(?:[A-Z]|[a-z]{1,4}[A-Z])[\w&'’.-]*(?:[ \t]+(?:(?:of|de|&)[ \t]+)?(?:[A-Z0-9][\w&'’.-]*))*")

    def _new_name(self, s: int, e: int, typ: str) -> Mention | None:
        t = self.text
        name = t[s:e]
        name = re.sub(r"['’]s?$", "", name).rstrip(".,")
        words = name.split()
        if typ == "Product" and len(words) >= 2 and re.fullmatch(r"\d+(?:\.\d+)+", words[-1]):
            words.pop()         # "Internet Explorer 1.0": the product, without its version
        legal_end = len(words) >= 3 and any(pos == "last" and ty == "Company" and words[-1].rstrip(".") == suf.rstrip(".")
                                            for suf, ty, pos, strip in self.en.suffixes)
        while words and not (legal_end and words[0] in self.en.places) and (
                typ != "Product" or words[0] in ("The", "A", "An", "Its", "Their", "This", "That")
                         or words[0] in self.en.places) and (
                words[0] in self.en.stop or words[0] in self.en.places or words[0] in ("the", "a", "an")
                         or re.sub(r"['’]s$", "", words[0]) in self.en.places
                         or (re.search(r"['’]s$", words[0]) and re.sub(r"['’]s$", "", words[0]) in self.en.countries)):
            words.pop(0)
        while len(words) > 1 and re.search(r"[A-Za-z.]-(?:based|listed|headquartered|owned|backed|incorporated|registered)$", words[0]):
            words.pop(0)        # "Charlotte, N.C.-based Bank of America Corp.": the place modifier is no part of the name
        # ("Taiwan Semiconductor Manufacturing Co": a place opening a name with a legal ending belongs to it)
        # "Tokyo-based", "U.S.-listed": a modifier, not a name
        if words and re.search(r"-[a-z]+$", words[-1]):
            return None
        company_ends = {s for s, ty, pos, strip in self.en.suffixes if ty == "Company" and pos == "last"}
        while words and (words[-1].lower() in self.en.months or words[-1].lower() in self.en.weekdays
                         or (words[-1] in self.en.stop and not (len(words) > 1 and words[-1] in company_ends))):
            words.pop()         # (but "Stability AI" keeps its ending)
        if not words or len(words) > 4 or all(re.fullmatch(r"[\d.,%$€£¥-]+", w) for w in words):
            return None         # ("In 2019 it created ...": a year is not a name)
        if words[0].lower().rstrip(".") in self.en.months or words[0].lower() in self.en.weekdays:
            return None         # "on April 16", "on Friday"
        name = " ".join(words)
        s = t.find(name, s, e + 1)
        e = s + len(name)
        if len(name) < 2 or name in self.en.places or name in self.en.demonyms or name.lower() in self.en.months or \
                name.lower() in self.en.weekdays or name.lower() in self.en.coref:
            return None
        if any(not (e <= m.start or s >= m.end) for m in self.mentions + self.corefs):
            return None
        le = self.lex.lookup(name)
        if le is None and len(words) == 1 and re.fullmatch(r"[A-Z][a-z]+(?:ing|ed)", name) and \
                re.match(r"[ \t]+(?:a|an|the|its|their|his|her|this|that|these|those|new|more|up|down|off|to)\b", t[e:e + 8]):
            return None         # "Facing a copyright lawsuit ...": a participle opening the sentence, no name
        if le is not None:
            m = Mention(s, e, le.name, le.type, name, "lexicon", le.owner)
        else:
            core = list(words)
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

    def _discover_list(self, e: int, se: int) -> None:
        """"fined Barclays, RBS, Citigroup, JPMorgan and MUFG", "fined Delivery Hero and Glovo": the unknown
        names of a list closed by "and" that opens with an object are objects too (a whole list of
        capitalised names only, ended where a name ends)."""
        t = self.text
        nm = r"(?:[A-Z]|[a-z]{1,4}[A-Z])[\w&'’.-]*(?:[ \t]+[A-Z0-9][\w&'’.-]*){0,3}"
        lm = re.match(rf"((?:,[ \t]+{nm})*),?[ \t]+and[ \t]+({nm})", t[e:se])
        if not lm or not self._name_ends(e + lm.end()):
            return
        items = [(e + x.start(), e + x.end()) for x in re.finditer(nm, lm.group(0))]
        for a, b in items:
            w = t[a:b].rstrip(".,")
            if w.split()[0] in self.en.stop or w.split()[0].lower() in self.en.months:
                return          # ("..., and In 2019": no list of names)
        for a, b in items:
            if not any(x.start < b and a < x.end for x in self.mentions + self.corefs):
                self._new_name(a, b, "Company")

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
                    if self._new_name(n.start(), ne, otype) is not None and otype == "Company" and frame == "SO":
                        self._discover_list(ne, se)
                elif otype == "Company" and frame == "SO" and len(inside) == 1 and inside[0].start == p:
                    self._discover_list(inside[0].end, se)
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
        if rel == "acquires" and frame == "SELL":
            # "agreed to sell the animated-image library Giphy to Shutterstock": what is sold
            sm_ = re.match(r"[ \t]+(?:(?:the|its|a|an)[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,3}?(?=[A-Z])", t[te:se])
            if sm_:
                p = te + sm_.end()
                n = self._CAPNAME.match(t, p, se)
                if n and not any(x.start <= p < x.end for x in self.mentions + self.corefs) and \
                        re.match(r"\s+to\s", t[n.end():n.end() + 4]):
                    self._new_name(n.start(), n.end(), "Company")
        if rel == "acquires":
            to = re.search(r"\bto[ \t]+(?:the[ \t]+)?(?=[A-Z])", t[te:se])
            if to and not re.search(r"[,;]", t[te:te + to.start()]):
                p = te + to.end()
                n = self._CAPNAME.match(t, p, se)
                if n and not any(x.start <= p < x.end for x in self.mentions + self.corefs):
                    self._new_name(n.start(), n.end(), "Company")
        rcl = re.search(r"(?:^|[,;]\s+|\s)([A-Z][\w&'’.-]*(?:(?:[ \t]+|:[ \t]+)[A-Z][\w&'’.-]*)*),\s+"
                        r"(?:which|whom)\s+([A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*)*)\s+(?:\w+ly\s+)?$", t[ss:ts])
        if rcl and "Company" in st:
            for gi in (1, 2):
                a0, b0 = ss + rcl.start(gi), ss + rcl.end(gi)
                # "Pokémon Legends: Arceus, which Nintendo released": what is launched is a product
                typ = "Product" if gi == 1 and rel in ("launches", "discontinues") else "Company"
                if not any(x.start < b0 and a0 < x.end for x in self.mentions + self.corefs):
                    self._new_name(a0, b0, typ)
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
