"""English dates, resolved at the precision written.

Forms: "March 8, 2018", "8 March 2018", "Mar. 8", "March 2018", "in March", "in 2019", "2018-03-08",
"March 15 this year", "in May last year", "on Monday" / "last Tuesday" (the most recent such weekday
on or before the article date), "yesterday", "this year", "last year", "earlier this month", "last
month", and anaphoric ones resolved against the narrative's last dated opener: "the same day",
"that afternoon", "hours later", "four days later", "later that month", "the month before", "the
following year".  A month or day without a year takes the year in force (the last year written),
else the article's (the year before when the month lies after the article's month).

`EnDates(text, sentences, article_date, en)` walks the sentences once; `date_for(i, pos)` gives the
date of a fact stated at `pos` in sentence `i`: the nearest date before it in its sentence, else
one after it in its clause, else the date governing the paragraph (a dated opener before it).
Nothing is guessed: when nothing applies the answer is None.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.extract.dates import _iso, _parse_ref
from kg.extract.en.lexicon import EnLexicon


@dataclass
class EnDate:
    start: int
    end: int
    text: str
    value: str | None
    kind: str            # absolute | relative | anaphoric | range
    opener: bool = False
    aside_end: int | None = None   # the date sits in an aside closed here: it dates nothing past it
    modifier: bool = False         # "a 2017 suit": the year of the noun it modifies only


def _prec(v: str | None) -> int:
    return 0 if not v else v.count("-") + 1


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


class _Rx:
    def __init__(self, en: EnLexicon):
        mon = "|".join(sorted((re.escape(w) for w in en.months), key=len, reverse=True))
        wd = "|".join(re.escape(w) for w in en.weekdays)
        num = "|".join(sorted((re.escape(w) for w in en.numbers), key=len, reverse=True))
        M = rf"(?P<mon>(?:{mon}))(?![\w])"
        # every alternative opens with a Latin letter or a digit when the month, weekday and number
        # words do: the look-ahead lets the scan pass every other position at once instead of trying
        # each alternative there (under re.I the class takes what the letters take, ſ and K included)
        words = list(en.months) + list(en.weekdays) + list(en.numbers)
        ahead = "(?=[0-9a-z])" if all(w[:1].isascii() and w[:1].isalnum() for w in words) else ""
        self.rx = re.compile(
            ahead + "(?:"
            # month day, year | month day | month year | day month year
            rf"(?P<md>{M}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?(?!\d)(?:\s+(?P<rely>this|last|next|that|the\s+same)\s+year)?)"
            rf"|(?P<dm>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>(?:{mon}))(?![\w])(?:,?\s+(?P<y2>(?:19|20)\d{{2}}))?)"
            rf"|(?P<my>(?P<pre>\b(?:in|In|since|Since|by|By|during|During|until|Until|early|Early|late|Late|mid|mid-|from|From|of|last|Last|this|This|next|Next|through)\s+)?(?P<mon3>(?:{mon}))(?![\w])(?!\.?\s+\d{{1,2}}\b)(?:,?\s+(?P<y3>(?:19|20)\d{{2}}))?(?:\s+(?P<rely3>this|last|next|that|the\s+same)\s+year)?)"
            rf"|(?P<iso>\b(?P<iy>(?:19|20)\d{{2}})-(?P<im>\d{{2}})(?:-(?P<id>\d{{2}}))?\b)"
            rf"|(?P<wk>\b(?:(?P<wpre>last|this|on|On|Last|This)\s+)?(?P<wd>{wd})\b)"
            r"|(?P<rel>\b(?:yesterday|today|earlier this (?:year|month|week)|later this (?:year|month)|this year|last year|"
            r"next year|this month|last month|next month|the previous year|the following year|the next year|"
            r"the year before|a year later|the same year|that year|the previous month|the following month|"
            r"the next month|the month before|later that month|earlier that month|that month|the same month|"
            r"a month later|the same day|that day|that afternoon|that morning|that evening|that night|"
            r"the next day|the following day|the day before|the previous day|a day later|within hours|within days|days later|"
            r"hours later|minutes later|later that day|earlier that day|last week|this week|next week|"
            r"earlier this week|recently|in recent weeks|in recent months|next year|next month)\b)"
            rf"|(?P<later>\b(?P<n>\d{{1,2}}|{num})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>later|after|earlier|before)\b)"
            r"|(?P<yr>(?<![\d,.$€£])(?P<pre4>\b(?:in|In|since|Since|by|By|during|During|of|early|Early|late|Late|mid|from|From|until|Until|year|through|before|after|Before|After|Q[1-4])\s+|\b[Mm]id-)(?P<yy>(?:19|20)\d{2})(?![\d%]|,\d))"
            # "Tencent's 2016 acquisition of", "the 2012 merger": a year as a deal's modifier
            r"|(?P<yrn>(?:(?<=['’]s\s)|(?<=\bthe\s)|(?<=\bits\s)|(?<=\btheir\s))(?P<yyn>(?:19|20)\d{2})(?=\s+(?:[$€£¥][\d.,]+\s+(?:million|billion)\s+)?"
            r"(?:acquisition|purchase|takeover|merger|deal|lawsuit|suit|complaint|fine|ruling|verdict|settlement|investment|agreement|licence|license)s?\b))"
            r"|(?P<qtr>\b(?:the\s+)?(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?P<qy>(?:19|20)\d{2})|(?P<qrel>\s+of\s+(?:this|last|next)\s+year))?\b)"
            r"|(?P<ago>\b(?P<an>\d{1,2}|" + num + r")\s+(?P<aunit>days?|months?|years?)\s+ago\b)"
            ")",
            re.I)


_RX: dict[int, _Rx] = {}


def _rx(en: EnLexicon) -> re.Pattern:
    r = _RX.get(id(en))
    if r is None:
        r = _RX[id(en)] = _Rx(en)
    return r.rx


def _last_weekday(ref: str | None, wd: int, strict: bool) -> str | None:
    y, m, d = _parse_ref(ref)
    if d is None:
        return None
    day = dt.date(y, m, d)
    back = (day.weekday() - wd) % 7
    if back == 0 and strict:
        back = 7
    return (day - dt.timedelta(days=back)).isoformat()


class EnDates:
    def __init__(self, text: str, sentences: list[tuple[int, int, str]], ref: str | None, en: EnLexicon):
        self.ref = ref
        self.en = en
        self._here: list[str] = []      # the dates written before the match being read, in its sentence
        self.per: list[list[EnDate]] = []
        self.gov: list[str | None] = []
        ry, rm, rd = _parse_ref(ref)
        self.year: int | None = None                    # the year in force
        self.bare_year: int | None = None               # the year a month written alone takes
        anchors: list[str] = []                          # dated openers, in text order
        para_of = []
        para = 0
        # paragraphs: blank lines; in a text without any (HTML turned into text), each line
        para_sep = r"\n\s*\n" if re.search(r"\n\s*\n", text.strip()) else r"\n"
        last_end = 0
        for ss, se, s in sentences:
            if re.search(para_sep, text[last_end:ss]):
                para += 1
            para_of.append(para)
            last_end = se
        gov: str | None = None
        gov_para = -1
        heading: str | None = None          # a dated heading governs until the next heading
        for i, (ss, se, s) in enumerate(sentences):
            is_heading = len(s.split()) <= 8 and not re.search(r"[.!?;:,]\s*$", s) and \
                (i + 1 >= len(sentences) or re.search(r"\n\s*\n?\s*$", text[se:sentences[i + 1][0]] + "\n"))
            if para_of[i] != gov_para:
                gov = None
            if i > 0 and para_of[i] != para_of[i - 1]:
                # a new paragraph: a month written without a year ("In June Qualcomm launched") is
                # the article's, not the year an earlier paragraph's story was in
                self.year = self.bare_year = None
            self.gov.append(gov or heading)
            found: list[EnDate] = []
            for m in _rx(en).finditer(s):
                year_before = self.year
                # named rule en.date.later_in_sentence: "sued in October 2009, and X countersued two
                # months later" counts from the date written before it in its own sentence
                # named rule en.date.same_day_in_sentence: "walked away on Dec. 11 and sued Kroger that
                # day" -- "that day", "the same day" is the day written before it in its own sentence,
                # not the narrative's last dated opener (a dateline)
                self._here = [f.value for f in found if f.value and f.kind != "range" and not f.modifier] \
                    if m.group("later") or m.group("rel") else []
                d = self._resolve(m, s, anchors + self._here, ry, rm, rd)
                qs = text[text.rfind("\n", 0, ss + m.start()) + 1:ss + m.start()]
                if qs.count("\u201c") > qs.count("\u201d") or qs.count('"') % 2 == 1:
                    self.year = year_before     # a year in someone's words does not set the narrative's year
                elif re.search(r",\s+which\s+(?:was|were|had\s+been|is)\s+[a-z]+ed\b[^,;]*$", s[:m.start()]):
                    self.year = year_before     # "..., which was announced in August 2022": background, not the narrative's year
                if self.year != year_before and not (
                        re.search(r",\s+(?:[a-z]+ed\b[^,;]*|(?:who|which)\b[^;]*)$", s[:m.start()])
                        and re.match(r"\s*,", s[m.end():m.end() + 3])):
                    self.bare_year = self.year
                # (", launched in Seattle in 2007, and opened its first store in December": an aside's year
                # serves "that September" but not a month written alone)
                if d is None:
                    continue
                d.start += ss
                d.end += ss
                found.append(d)
            # ranges: "from May 3 to May 24", "between 2018 and 2020", "May 3-24"
            for a, b in zip(found, found[1:]):
                between = text[a.end:b.start].strip().lower()
                if between in ("to", "and", "-", "–", "through", "until", "till"):
                    a.kind = b.kind = "range"
            for d in found:
                d.aside_end = _aside_end(text, ss, se, d)
                # "effective April 1", "valid until 2025": a term, not when something happened
                if re.search(r"\b(?:effective|valid|until|till|expires?|expiring|deadline|through|since|ever since|covering|dating back to)\s+(?:on\s+|at\s+least\s+)?$",
                             text[max(ss, d.start - 20):d.start], re.I) or re.match(r"since\b", d.text, re.I):
                    d.kind = "range"
                if not d.value or d.kind == "range":
                    continue
                # an opener: the date sits in the sentence's first clause, or opens a later clause
                lead = text[ss:d.start]
                clause_lead = re.split(r"[,;]\s+|\s+and\s+(?=(?:in|on|by)\s)", lead)[-1].strip().lower()
                clause_lead = re.sub(r"\b(?:and|but|then|while|in|on|by|since|until|from|early|late|later|as recently as|as early as|back)\b", "", clause_lead).strip()
                first_clause = "," not in _strip_dates(lead, found, ss) and ";" not in lead
                if lead.strip() == "" or not clause_lead:
                    first_clause = True
                back = re.search(r"\b(?:before|previous|earlier|after)\b", d.text, re.I) or \
                    re.search(r"\b(?:since|from|until|by)\s+$", text[max(ss, d.start - 7):d.start], re.I) or \
                    re.match(r"(?:since|from|until|by)\b", d.text, re.I) or \
                    re.search(r"\bas\s+(?:recently|early|late|long\s+ago)\s+as\s+$", text[max(ss, d.start - 25):d.start], re.I)
                if back and re.match(r",\s+when\b", text[d.end:d.end + 8]) and \
                        not re.search(r"\b(?:before|previous|earlier)\b", d.text, re.I):
                    back = None     # "a turnaround from last June, when the judge ...": the time of an event
                qs = text[text.rfind("\n", 0, d.start) + 1:d.start]
                quoted = qs.count("\u201c") > qs.count("\u201d") or qs.count('"') % 2 == 1
                embedded = re.search(r"\bthat\s+[^,;]*\bhad\s+(?:(?!\band\b)[^,;])*$", lead)   # "found that X had hired ... in 2008"
                if first_clause and not back and not quoted and not embedded and d.aside_end is None:
                    d.opener = True
                    anchors.append(d.value)
                    gov = d.value
                    gov_para = para_of[i]
            if is_heading:
                hd = [d for d in found if d.value and d.kind != "range"]
                heading = hd[0].value if hd else None
                gov = None
            self.per.append(found)

    def _resolve(self, m: re.Match, s: str, anchors: list[str], ry, rm, rd) -> EnDate | None:
        """The date one match of `_rx` names, resolved; None when the match is no date after all."""
        for groups, read in ((("md", "dm", "my"), self._month_date), (("iso",), self._iso_date),
                             (("wk",), self._weekday), (("rel",), self._relative_phrase),
                             (("later",), self._later), (("ago",), self._ago), (("qtr",), self._quarter),
                             (("yrn",), self._year_named), (("yr",), self._year)):
            if any(m.group(g) for g in groups):
                return read(m, s, anchors, ry, rm, rd)
        return None

    def _month_date(self, m: re.Match, s: str, anchors: list[str], ry, rm, rd) -> EnDate | None:
        g = m.group
        mon_w = (g("mon") or g("mon2") or g("mon3")).lower()
        mon = self.en.months.get(mon_w) or self.en.months.get(mon_w.rstrip("."))
        if not mon:
            return None
        day = int(g("d") or g("d2")) if (g("d") or g("d2")) else None
        y = g("y") or g("y2") or g("y3")
        rely = (g("rely") or g("rely3") or "").lower()
        raw = g("mon") or g("mon2") or g("mon3")
        if g("my"):
            pre = (g("pre") or "").strip().lower()
            # a bare month name must look like one: "in May", "May 2018"; not the verb "may"
            if not y and not rely and not pre:
                if raw.lower() in ("may", "march", "mar", "jan", "sep", "sept", "dec", "oct", "nov", "aug", "apr", "jun", "jul", "feb") \
                        or not raw[0].isupper():
                    return None
            if not raw[0].isupper():
                return None
            if pre in ("last", "this", "next") and not y:
                rely = rely or pre
        if day is not None and not 1 <= day <= 31:
            return None
        kind = "absolute"
        if y:
            val = _iso(int(y), mon, day)
            self.year = int(y)
        elif rely in ("that",) or rely.startswith("the"):
            # "May 31 that year": the year in force
            yy = self.year or ry
            val = _iso(yy, mon, day) if yy else None
        elif rely and ry:
            val = _iso(ry + {"this": 0, "last": -1, "next": 1}[rely], mon, day)
            self.year = int(val[:4]) if val else self.year
        else:
            kind = "relative"
            yy = self.year if re.search(r"\bthat\s+$", s[:m.start()]) else self.bare_year
            if yy is None and ry is not None:
                yy = ry
                if rm is not None and (mon > rm or (mon == rm and day and rd and day > rd)):
                    yy -= 1
            val = _iso(yy, mon, day) if yy else None
        return EnDate(m.start(), m.end(), m.group(0), val, kind)

    def _iso_date(self, m: re.Match, s: str, anchors: list[str], ry, rm, rd) -> EnDate | None:
        g = m.group
        val = _iso(int(g("iy")), int(g("im")), int(g("id")) if g("id") else None)
        self.year = int(g("iy"))
        return EnDate(m.start(), m.end(), m.group(0), val, "absolute")

    def _weekday(self, m: re.Match, s: str, anchors: list[str], ry, rm, rd) -> EnDate | None:
        wd = self.en.weekdays.get(m.group("wd").lower())
        pre = (m.group("wpre") or "").lower()
        if wd is None or pre == "this":
            return None
        if pre != "last" and re.search(r"\b(?:will|is\s+(?:due|set|expected|scheduled)\s+to|are\s+(?:due|set|expected|scheduled)\s+to)\s+(?:[^\s,;]+\s+){0,12}$",
                                       s[:m.start()]) and not re.search(r"[,;]", s[:m.start()].split("will")[-1]):
            # "Amazon will complete the purchase on Monday": the coming Monday
            y, mo, d = _parse_ref(self.ref)
            if d is None:
                return None
            day = dt.date(y, mo, d)
            val = (day + dt.timedelta(days=(wd - day.weekday()) % 7 or 7)).isoformat()
            return EnDate(m.start(), m.end(), m.group(0), val, "relative")
        return EnDate(m.start(), m.end(), m.group(0), _last_weekday(self.ref, wd, strict=(pre == "last")), "relative")

    def _relative_phrase(self, m: re.Match, s: str, anchors: list[str], ry, rm, rd) -> EnDate | None:
        w = m.group("rel").lower()
        kind = "relative"
        val = None
        if w in ("yesterday", "today"):
            val = _shift(self.ref, -1 if w == "yesterday" else 0)
        elif w in ("this year", "earlier this year", "later this year", "last year", "next year"):
            val = _iso(ry + {"last year": -1, "next year": 1}.get(w, 0)) if ry else None
        elif w in ("this month", "earlier this month", "later this month", "last month", "next month"):
            if ry and rm:
                yy, mm = _add_months(ry, rm, {"last month": -1, "next month": 1}.get(w, 0))
                val = _iso(yy, mm)
        elif w in ("earlier this week", "last week", "this week") and rd is not None:
            # the week's month, when the whole week lies in one month
            day = dt.date(ry, rm, rd)
            mon = day - dt.timedelta(days=day.weekday() + (7 if w == "last week" else 0))
            end = mon + dt.timedelta(days=6) if w == "last week" else day
            val = _iso(mon.year, mon.month) if (mon.year, mon.month) == (end.year, end.month) else None
        elif w in ("next week", "recently", "in recent weeks", "in recent months"):
            val = None          # known to be relative, too vague to date: blocks the governing date
        elif w in ("that year", "the same year") and self.year:
            kind = "anaphoric"
            val = _iso(self.year)
        else:
            kind = "anaphoric"
            val = _anaphor(w, anchors)
        return EnDate(m.start(), m.end(), m.group(0), val, kind)

    def _later(self, m: re.Match, s: str, anchors: list[str], ry, rm, rd) -> EnDate | None:
        g = m.group
        n = g("n").lower()
        k = int(n) if n.isdigit() else self.en.numbers.get(n, 0)
        unit = g("unit").lower().rstrip("s")
        sign = 1 if g("dir").lower() in ("later", "after") else -1
        base = _anchor(anchors, {"day": 3, "week": 3, "month": 2, "year": 1}[unit])
        here = _anchor(self._here, {"day": 3, "week": 3, "month": 2, "year": 1}[unit])
        if g("dir").lower() in ("after", "before") and here and re.match(r"\s+[A-Za-z]", s[m.end():]):
            # named rule en.date.counted_back: "said on Tuesday, five months after the iPhone maker took
            # the Finnish group to court" dates what follows "after": the date before it in its own
            # sentence less five months (plus, for "before").  (With no date before it -- "Two months
            # after X sued, Y countersued" -- it counts on from the last date named, as before.)
            sign, base = -sign, here
        val = None
        if base and k:
            y, mo, d = _parse_ref(base)
            if unit == "day" or unit == "week":
                val = (dt.date(y, mo, d) + dt.timedelta(days=sign * k * (7 if unit == "week" else 1))).isoformat()
            elif unit == "month":
                yy, mm = _add_months(y, mo, sign * k)
                val = _iso(yy, mm)
            else:
                val = _iso(y + sign * k)
        return EnDate(m.start(), m.end(), m.group(0), val, "anaphoric")

    def _ago(self, m: re.Match, s: str, anchors: list[str], ry, rm, rd) -> EnDate | None:
        n = m.group("an").lower()
        k = int(n) if n.isdigit() else self.en.numbers.get(n, 0)
        unit = m.group("aunit").lower().rstrip("s")
        if not k or ry is None:
            return None
        val = None
        if unit == "day":
            val = _shift(self.ref, -k)
        elif unit == "month" and rm:
            yy, mm = _add_months(ry, rm, -k)
            val = _iso(yy, mm)
        elif unit == "year":
            val = _iso(ry - k)
        return EnDate(m.start(), m.end(), m.group(0), val, "relative")

    def _quarter(self, m: re.Match, s: str, anchors: list[str], ry, rm, rd) -> EnDate | None:
        g = m.group
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[g("qn").lower()]
        kind = "absolute"
        if g("qy"):
            val = _iso(int(g("qy")))
            self.year = int(g("qy"))
        elif g("qrel") and ry:
            val = _iso(ry + {"this": 0, "last": -1, "next": 1}[g("qrel").split()[1].lower()])
        else:
            kind = "relative"
            yy = self.year or ry
            if yy and not self.year and rm and 3 * q - 2 > rm:
                yy -= 1         # a quarter not yet begun at the article's date is last year's
            val = _iso(yy) if yy else None
        return EnDate(m.start(), m.end(), m.group(0), val, kind)

    def _year_named(self, m: re.Match, s: str, anchors: list[str], ry, rm, rd) -> EnDate | None:
        return EnDate(m.start(), m.end(), m.group("yyn"), _iso(int(m.group("yyn"))), "absolute", modifier=True)

    def _year(self, m: re.Match, s: str, anchors: list[str], ry, rm, rd) -> EnDate | None:
        self.year = int(m.group("yy"))
        return EnDate(m.start("yy"), m.end(), m.group("yy"), _iso(int(m.group("yy"))), "absolute")

    def date_for(self, idx: int, pos: int, text: str, report_block: bool = False) -> str | None:
        if idx >= len(self.per):
            return None
        ds = [d for d in self.per[idx] if d.value and d.kind != "range" and _dates_fact_at(d, pos, text)]
        before = [d for d in ds if d.end <= pos]
        def _gap_ok(a: int, b: int) -> bool:
            gap = text[a:b]
            # "before the Competition Appeal Tribunal": a preposition, not a clause of its own
            gap = re.sub(r"\bbefore\s+(?:the\s+|a\s+)?(?:[A-Z][\w.'-]*\s+){0,6}(?:Court|Tribunal|Commission|court|judge|jury|tribunal)\b",
                         " ", gap)
            if re.fullmatch(r"[^;]*?,\s+(?:which\s+(?:was\s+|were\s+|had\s+been\s+)?)?(?:closed|completed|announced|"
                            r"finali[sz]ed|signed|agreed|approved|filed|brought|lodged)\s+(?:in\s+|on\s+)?", gap):
                return True         # "the acquisition of One Medical, which closed in February": the deal's own date
            if re.search(r";", gap) or re.search(r"\b(?:after|before|when|which|who|whom|whose|since|until|while|because)\b", gap):
                return False
            if re.search(r"\bthat\s+[^,;]*\bhad\s+(?:(?!\band\b)[^,;])*$", gap):
                return False        # "found that Hytera had hired engineers in 2008": the embedded, earlier event
            if re.fullmatch(r"[^,;]*?,\s+(?:(?:then|now|once|formerly)\s+)?(?:(?:a|an|the)\s+|(?:owner|maker|developer|operator|parent)\s+of\s+)[^,;]{1,60},\s+"
                            r"(?:for\s+[^,;]{1,30}?\s+)?(?:in|on|at|by)?\s*", gap):
                return True         # "bought Otto, a self-driving truck startup, in August 2016"
            if "," in gap:
                # "have settled, according to a filing made on Wednesday", "has suspended business
                # with Huawei, a person familiar with the matter said on Sunday": the report dates the fact
                return bool(re.fullmatch(r"[^,;]*,\s+according\s+to\s+(?:a|an|the)\s+[\w\s-]*", gap)) or \
                    bool(re.fullmatch(r"[^;]*,\s+(?:(?:a|an|the|two|people|sources)\b[^,;]{0,60}?|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
                                      r"\s+(?:said|says|told\s+[\w\s]{1,30}?|announced)\s+(?:on\s+)?", gap))
            return True
        # "set the trial for October", "put the case on hold until Oct 28": a date the act schedules
        # or runs to, not the act's own
        after = [d for d in ds if d.start >= pos and _gap_ok(pos, d.start)
                 and not re.search(r"\b(?:for|until|till)\s+(?:(?:early|mid|late)[\s-]+)?$", text[max(pos, d.start - 16):d.start])]
        own = [d for d in after if not re.search(r"\band\b", text[pos:d.start])]
        if before:
            # "launched X in 2019 and shut down Y in 2013": a verb after "and" has its own date
            if own and re.search(r",|\band\b", text[before[-1].end:pos]):
                return own[0].value
            if report_block:
                return None
            return before[-1].value
        if after:
            return after[0].value
        if any(d.value is None and d.kind == "relative" for d in self.per[idx]):
            return None         # "last week": relative but not datable; the paragraph's date is not it
        return self.gov[idx]

    def date_before(self, idx: int, pos: int) -> EnDate | None:
        ds = [d for d in self.per[idx] if d.value and d.kind != "range" and d.end <= pos]
        return ds[-1] if ds else None


# Background dates (tests/cases/en.json, en.date.background): a date told about something else than
# the fact.  An aside after a name -- "Figma, founded in 2012, ...", "Sonos, which went public in
# 2018, competes with ..." -- or a participle opening the sentence -- "Founded in 2008, the start-up
# ..." -- dates what the aside tells, not the verbs after it closes.  (An aside on a suit, "The suit,
# filed in 2019, accused Apple of ...", is the suit's date: what the suit says is told then.)
_ASIDE_OPEN = re.compile(
    r"(?:which|who|whom|whose)\b"
    r"|(?:founded|established|created|launched|set\s+up|formed|started|incorporated|bought|acquired|purchased|"
    r"spun\s+off|listed|based|headquartered|went\s+public|taken\s+private|[a-z]+ed\s+(?:in|on|by|at|for|from|last|this)\b)"
    r"|(?:a|an)\s+[^,;]*?\b(?:founded|established|created|launched|formed|started|bought|acquired|set\s+up)\b")
_LEAD_PARTICIPLE = re.compile(
    r"\s*(?:Founded|Established|Created|Launched|Set\s+up|Formed|Started|Incorporated|Bought|Acquired|Purchased|"
    r"Spun\s+off|Listed|Based|Headquartered)\b[^,;]*$")
_SUIT_HEAD = re.compile(r"\b(?:suit|lawsuit|complaint|case|claim|petition|filing|action)s?\s*$", re.I)


def _aside_end(text: str, ss: int, se: int, d: EnDate) -> int | None:
    """Where the aside holding date `d` closes (the comma after it), or None when `d` is in no aside."""
    lead = text[ss:d.start]
    k = lead.rfind(",")
    if k >= 0:
        opening = lead[k + 1:].lstrip()
        if "(" in opening or not _ASIDE_OPEN.match(opening):
            return None
        if not re.match(r"(?:which|who|whom|whose)\b", opening) and _SUIT_HEAD.search(lead[:k]):
            return None
    elif not _LEAD_PARTICIPLE.fullmatch(lead):
        return None
    close = re.search(r"[,;]|\s[—–]\s", text[d.end:se])
    return d.end + close.start() if close else None


def _dates_fact_at(d: EnDate, pos: int, text: str) -> bool:
    """May date `d` date a fact whose trigger stands at `pos`?  Not from inside an aside that closed
    before the trigger; a year modifying a noun ("its 2016 acquisition of", "a 2017 suit") dates that
    noun only: the trigger is the noun, the noun phrase is the clause's subject before the trigger
    ("The 2020 suit accused Apple"), or the trigger's object right after it ("filed a 2017 suit")."""
    if d.aside_end is not None and pos >= d.aside_end:
        return False
    if not d.modifier:
        return True
    if d.end <= pos:
        if pos - d.end <= 40 and not re.search(r"[,;]", text[d.end:pos]) and \
                len(text[d.end:pos].split()) <= 3:
            return True                      # the noun itself ("2016 acquisition", "2017 patent suit")
        lead = text[:d.start]
        clause = re.split(r"[,;.]\s|\n", lead)[-1]
        return bool(re.fullmatch(r"\s*(?:(?:The|the|A|a|An|an|Its|its|Their|their|This|this)\s+|"
                                 r"(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['’]s\s+)", clause))
    return bool(re.fullmatch(r"\S+\s+(?:a|an|its|their|the|his|her)\s+", text[pos:d.start]))


def _strip_dates(lead: str, found: list[EnDate], ss: int) -> str:
    out = lead
    for d in found:
        a, b = d.start - ss, d.end - ss
        if b <= len(lead):
            out = out[:a] + "x" * (b - a) + out[b:]
    return out


def _shift(ref: str | None, days: int) -> str | None:
    y, m, d = _parse_ref(ref)
    if d is None:
        return None
    return (dt.date(y, m, d) + dt.timedelta(days=days)).isoformat()


def _anchor(anchors: list[str], need: int) -> str | None:
    for a in reversed(anchors):
        if _prec(a) >= need:
            return a
    return None


def _anaphor(w: str, anchors: list[str]) -> str | None:
    day_words = ("the same day", "that day", "that afternoon", "that morning", "that evening", "that night",
                 "within hours", "hours later", "minutes later", "later that day", "earlier that day")
    if w in ("the same day", "that day"):
        # "the same day" is the day of the event told last; when that one is dated only to the month
        # ("last June, when ... On the same day"), the month, not an older exact day
        return anchors[-1] if anchors else None
    if w in day_words:
        return _anchor(anchors, 3)
    if w in ("the next day", "the following day", "a day later", "the day before", "the previous day"):
        a = _anchor(anchors, 3)
        return _shift(a, 1 if w in ("the next day", "the following day", "a day later") else -1) if a else None
    if w in ("later that month", "earlier that month", "that month", "the same month", "within days", "days later"):
        a = _anchor(anchors, 2)
        return a[:7] if a else None
    if w in ("the month before", "the previous month", "the following month", "the next month", "a month later"):
        a = _anchor(anchors, 2)
        if not a:
            return None
        y, m, _ = _parse_ref(a)
        yy, mm = _add_months(y, m, -1 if w in ("the month before", "the previous month") else 1)
        return _iso(yy, mm)
    if w in ("the same year", "that year", "the previous year", "the year before", "the following year",
             "the next year", "a year later"):
        a = _anchor(anchors, 1)
        if not a:
            return None
        off = {"the previous year": -1, "the year before": -1, "the following year": 1, "the next year": 1,
               "a year later": 1}.get(w, 0)
        return _iso(int(a[:4]) + off)
    return None
