"""Funding rounds told by their lead investor, read without a trigger verb: "Sorare raised $680 million in
Series B funding led by SoftBank, with participation from Atomico and Accel" -> SoftBank, Atomico and
Accel each invest in Sorare (rule `en.funding.led_by`).  The company funded is the sentence's subject,
a known name written before a verb of raising; the investors are the names right after "led by" and
those listed after "with participation from" / "alongside".  Nothing is read when the funded company
is not the subject, nor from a round only planned ("seeking", "in talks")."""
from __future__ import annotations

import re

from kg.extract.en.reading import Cand, ReadingBase

_ROUND = re.compile(r"\b(?:funding|financing|investment|round|Series\s+[A-H]\d?)(?:\s+(?:round|funding))?"
                    r"\s+led\s+by\s+(?:the\s+)?")
_RAISE = re.compile(r"\b(?:raised|raises|closed|closes|secured|secures|landed|lands|received|receives|"
                    r"announced|announces|completed|completes|got|gets)\b")
_PLANNED = re.compile(r"\b(?:seek|seeks|seeking|sought|plans?|planning|in\s+talks|considering|could|would|may|might|"
                      r"said|says|told|reported|according)\b")
# "Sorare, a Paris-based fantasy football game, just announced ...": the unknown name opening the sentence
_OPENING = re.compile(r"\s*([A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,3})(?:,[^,;]{1,120},)?\s+"
                      r"(?:(?:has|have|had|just|also|now|recently)\s+)*" + _RAISE.pattern)
_MORE = re.compile(r",?\s+(?:with\s+participation\s+from|alongside|joined\s+by)\s+(?:the\s+)?")


class FundingPatterns(ReadingBase):
    """The funding-round pattern of one sentence."""

    def _funding(self, i, ss, se, sm) -> list[Cand]:
        t = self.text
        out: list[Cand] = []
        for rm in _ROUND.finditer(t, ss, se):
            nm = _OPENING.match(t[ss:rm.start()])
            if nm and not any(m.start <= ss + nm.start(1) < m.end for m in sm) and \
                    self._new_name(ss + nm.start(1), ss + nm.end(1), "Company") is not None:
                sm = self._sent_mentions(ss, se)
                self.subjects[-1] = self._subject_of(sm)
            funded = self.subjects[-1] if self.subjects else None
            if funded is None or funded.type != "Company" or funded.source == "coref" or funded.end > rm.start():
                continue
            lead = t[funded.end:rm.start()]
            if not _RAISE.search(lead) or _PLANNED.search(lead) or re.search(r"[;]|\b(?:which|who|that)\b", lead):
                continue
            investors = self._listed(rm.end(), se, sm)
            more = _MORE.match(t, investors[-1].end) if investors else None
            if more:
                investors += self._listed(more.end(), se, sm)
            for m in investors:
                if m.name != funded.name and self._fits("invests", 0, m):
                    out.append(Cand("invests", m.name, funded.name, self.dates.date_for(i, rm.start(), t), False,
                                    0.75, "led by", ss, se, rm.start(), rm.end(), "en.funding.led_by"))
        return out

    def _listed(self, p: int, se: int, sm) -> list:
        """The names of a list starting at `p` ("Atomico, Bessemer Ventures, D1 Capital and IVP")."""
        first = next((m for m in sm if m.start == p), None)
        if first is None:
            return []
        out = [first]
        while True:
            nxt = next((m for m in sm if m.start > out[-1].end and m.start < se and re.fullmatch(
                r",\s+(?:and\s+)?|\s+and\s+", self.text[out[-1].end:m.start])), None)
            if nxt is None:
                return out
            out.append(nxt)
