"""Role and possessive patterns for the English reader, read without a trigger: `leads` from roles
("Epic chief executive Tim Sweeney", "Tim Cook, Apple's chief executive", "Dirk Meyer, his
counterpart at AMD"), `owns` from possessives ("its Unreal Engine", "Google's Play Store", "AOL's
Netscape unit"), and `sues` from case names ("Epic Games v. Apple").
"""
from __future__ import annotations

import re

from kg.extract.en.reading import Cand, ReadingBase


class RolePatterns(ReadingBase):
    """The role and possessive patterns of one sentence; needs `role_rx` (built in `Reader.__init__`)."""

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
                if o.source == "coref" and o.surface.lower() not in ("its", "their") and not (
                        o.surface.lower().startswith("the ") and re.match(r"['’]s\s", t[o.end:o.end + 3])):
                    continue        # "It names Attorney General X": a pronoun subject, not an organisation's title
                                    # ("The company's founder and chief executive, Joe Kiani": a possessor is)
                gap = t[o.end:p.start]
                adj = re.match(r"(?:['’]s)?\s+([\w-]+)\s", gap)
                if adj and adj.group(1) in self.en.words("rank"):
                    continue        # "Apple Senior Vice President Bruce Sewell": a lower rank, not the head
                if re.fullmatch(rf"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:(?i:{self.role_rx})\s+and\s+)?(?i:{self.role_rx}),?\s+", gap):
                    out.append(self._cand("leads", p.name, o.name, i, ss, se, o.end, p.start, 0.85, "role"))
                elif re.fullmatch(r",?\s+", gap) and o.source != "coref" and re.search(
                        rf"(?<![\w-])(?i:{self.role_rx})\s+of\s+(?:the\s+)?$", t[max(ss, o.start - 40):o.start]):
                    # "He will report to chief executive of Microsoft Steve Ballmer"
                    out.append(self._cand("leads", p.name, o.name, i, ss, se, o.end, p.start, 0.8, "role"))
            # "an email in which chief executive Mark Zuckerberg wrote": a bare role names the head of
            # the company the sentence is about
            bare = re.search(rf"(?:^|[.;:]\s+|,\s+|\b(?:in\s+which|where|when|as|and|said|says|that|succeeded|replaced|"
                             rf"succeeds|replaces|followed|ousted)\s+)(?i:{self.role_rx})\s+$",
                             t[max(ss, p.start - 60):p.start])
            if bare and any(k == "office" and re.search(r"(?i:\b" + re.escape(w) + r")\s+$", t[max(ss, p.start - 40):p.start])
                            for w, (_, k) in self.en.roles.items()):
                bare = None         # "Attorney General Merrick Garland": an office, not the head of the company
            if bare and not any(c.subject == p.name for c in out) and self.subjects and self.subjects[-1] is not None \
                    and self.subjects[-1].type == "Company" and self.subjects[-1].source != "coref" \
                    and self.subjects[-1].end <= p.start:
                o = self.subjects[-1]
                out.append(self._cand("leads", p.name, o.name, i, ss, se, p.start, p.start, 0.7, "role"))
            # "<Person>, <Org>'s <role>" / "<Person>, (the) <role> of <Org>"; two roles joined ("chairman and CEO")
            rr = rf"(?:(?i:{self.role_rx})\s+(?:and|&)\s+)?(?i:{self.role_rx})"
            for o in sm:
                if o.start < p.end or o.type not in ("Company", "Organization", "Regulator", "Product"):
                    continue
                gap = t[p.end:o.start]
                after = t[o.end:se]
                if re.fullmatch(rf"{_COPULA}\s+(?:the\s+|its\s+)?", gap) and re.match(
                        rf"['’]s\s+(?:[\w-]+\s+)?{rr}\b(?!\s+(?:of|for)\s+(?!the\b)[a-z])", after):
                    # (not "Google's president of global affairs": the head of a function, not of the company)
                    out.append(self._cand("leads", p.name, o.name, i, ss, se, p.end, o.end, 0.85, "role"))
                if re.fullmatch(rf"{_COPULA}\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?{rr}\s+(?:of|at)\s+(?:the\s+)?", gap) and \
                        not _PART_OF.match(after):
                    # (not "head of Samsung's intellectual property division": the head of a part)
                    # "Brent Saunders, CEO and president of Actavis"; "the chief executive of Tesla and SpaceX"
                    for o2 in self._list_from(o, [m for m in sm if m.start >= o.start]):
                        if o2 is o or o2.type in ("Company", "Organization", "Regulator"):
                            out.append(self._cand("leads", p.name, o2.name, i, ss, se, p.end, o2.start, 0.85, "role"))
            # "Motorola Solutions, whose chairman and chief executive is Greg Brown"
            for o in sm:
                if o.end <= p.start and o.type in ("Company", "Organization", "Regulator") and re.fullmatch(
                        rf",\s+whose\s+(?:(?i:{self.role_rx})\s+and\s+)?(?i:{self.role_rx})\s+(?:is|was)\s+", t[o.end:p.start]):
                    out.append(self._cand("leads", p.name, o.name, i, ss, se, o.end, p.start, 0.8, "role"))
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
        # "Adobe's best-known products include Photoshop and Illustrator"
        for a in sm:
            if a.type != "Company" or not self.possessive(a):
                continue
            pm = re.match(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:products|apps|brands|services|games|titles)\s+(?:include|includes|included|are)\s+",
                          t[a.end:se])
            if pm:
                lst = [m for m in sm if m.start == a.end + pm.end() and m.type == "Product"]
                if lst:
                    for b in self._list_from(lst[0], [m for m in sm if m.start >= lst[0].start]):
                        out.append(self._cand("owns", a.name, b.name, i, ss, se, a.end, b.start, 0.75, "possessive"))
        for a, b in zip(sm, sm[1:]):
            # a case name: "Epic Games v. Apple", "FTC vs. Qualcomm"
            if re.fullmatch(r"\s+(?:v\.|vs\.?|versus)\s+", t[a.end:b.start]) and a.source != "coref" \
                    and self._fits("sues", 0, a) and self._fits("sues", 1, b) and a.name != b.name:
                out.append(self._cand("sues", a.name, b.name, i, ss, se, a.end, b.start, 0.6, "v."))
                continue
            if a.type == "Person" and b.type in ("Regulator", "Company", "Organization") and re.fullmatch(r",\s+whose\s+", t[a.end:b.start]):
                # "Attorney General Merrick Garland, whose Justice Department would enforce the law"
                out.append(self._cand("leads", a.name, b.name, i, ss, se, a.end, b.start, 0.75, "role",
                                      rule="en.possessive.leads"))
                continue
            gap = t[a.end:b.start]
            if b.type == "Company" and a.type in ("Company", "Product") and a.source != "coref" and a.name != b.name and \
                    re.fullmatch(r"\s+(?:owner|parent|parent\s+company|parent\s+group)\s+", gap):
                # "Michael Kors owner Capri", "Google parent Alphabet": the name after owns the one before
                out.append(self._cand("owns", b.name, a.name, i, ss, se, a.end, b.start, 0.8, "possessive"))
                continue
            if b.type not in ("Product", "Company") or a.type not in ("Company", "Person") or a.name == b.name:
                continue
            if b.type == "Product" and a.type == "Company" and re.fullmatch(r",\s+whose\s+", gap):
                # "Snap, whose Snapchat app"
                out.append(self._cand("owns", a.name, b.name, i, ss, se, a.end, b.start, 0.8, "possessive"))
                continue
            if b.type == "Company" and a.type == "Company" and re.fullmatch(r"['’]s\s+", gap) and \
                    re.match(r"\s+(?:subsidiary|unit|division|arm|affiliate)\b", t[b.end:b.end + 14]):
                # "AOL's Netscape unit"
                out.append(self._cand("owns", a.name, b.name, i, ss, se, a.end, b.start, 0.8, "possessive"))
                continue
            if a.type == "Company" and b.type == "Company" and re.fullmatch(r"['’]s\s+|\s+", gap) and \
                    (a.source != "coref" or a.surface.lower() in ("its", "their")) and \
                    re.match(r"\s+(?:[a-z][\w-]*\s+)?(?:subsidiary|unit|division|affiliate)\b", t[b.end:b.end + 30]):
                # "its Ring doorbell unit"
                out.append(self._cand("owns", a.name, b.name, i, ss, se, a.end, b.start, 0.8, "possessive"))
                continue
            if b.type == "Company" and not re.fullmatch(r"-owned\s+|['’]s\s+(?:[\w-]+\s+|U\.S\.\s+)?(?:subsidiary|unit|division|arm|affiliate)\s+", gap):
                continue
            if re.fullmatch(r"['’]s\s+(?:[\w-]+\s+|U\.S\.\s+)?(?:subsidiary|unit|division|arm|affiliate|brand|product)\s+", gap):
                out.append(self._cand("owns", a.name, b.name, i, ss, se, a.end, b.start, 0.8, "possessive"))
                continue
            le_b = self.lex.entities.get(b.name)
            ow_b = b.owner or (le_b.owner if le_b is not None else None)
            le_ow = self.lex.entities.get(ow_b) if ow_b else None
            if b.type == "Product" and ow_b and ow_b != a.name and not (le_ow is not None and le_ow.owner == a.name):
                continue        # "Huawei's Android access", "its Bing engine" of another: not what the possessor owns
            if (a.source == "coref" and a.surface.lower() == "its" and re.fullmatch(r"\s+(?:own\s+)?", gap)) or \
                    re.fullmatch(r"['’]s\s+(?:own\s+|new\s+|flagship\s+|popular\s+)?", gap) or re.fullmatch(r"-owned\s+", gap):
                out.append(self._cand("owns", a.name, b.name, i, ss, se, a.end, b.start, 0.7, "possessive", dated=False))
        return out

    def _cand(self, typ, subj, obj, i, ss, se, ts, te, conf, trig, negated=False, dated=False,
              rule=None) -> Cand:
        date = self.dates.date_for(i, ts, self.text) if dated else None
        return Cand(typ, subj, obj, date, negated, conf, trig, ss, se, ts, te,
                    rule or _RULES.get(trig, "en.pattern." + trig))


# what follows "the head of X" when X's part is headed, not X
_PART_OF = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:division|unit|department|business|team|office|arm|operations|"
                      r"subsidiary|branch|lab|labs|segment)\b")

# what joins a person to the role that follows: an apposition, or a copula ("will remain Activision's chief
# executive", "stays on as")
_COPULA = r"(?:,|\s+(?:is|was|has\s+been|had\s+been|became|remains|remained|(?:will|would)\s+remain|stays|stayed))"

_RULES = {"office": "en.role.office", "role": "en.role.title", "counterpart": "en.role.counterpart",
          "possessive": "en.possessive.owns", "v.": "en.case.versus"}
