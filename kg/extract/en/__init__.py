"""The English reader: `extract_en(article) -> Extraction`.

Pure rules over the text, no model downloads.  Stages:
- mentions: `en.entities.find_mentions` (lexicon + discovery), then per sentence the words that
  refer back (`coref_en.tsv`: it, its, the company, the chipmaker, the iPhone maker, the two
  companies, the judge), resolved from position: a subject pronoun takes the sentence's (or the
  previous sentence's) subject, an object pronoun the last entity not in a prepositional phrase;
- relations: `en.relations.Reader` reads triggers (`triggers_en.tsv`) with their frame,
  voice, negation, hedges and lists, plus the role and possessive patterns (leads, owns);
- dates: `en.dates.EnDates`;
- lawsuits: from the `sues` relations, one per suit told (all defendants of one trigger together),
  with court, cause (`causes_en.tsv`), claim (`kg.extract.money`) and outcome.
"""
from __future__ import annotations

import re

from kg.lexicon import load_lexicon
from kg.model import Article, Entity, Extraction, Lawsuit, Relation, fact_key
from kg import nlp
from kg.extract.money import find_money, to_cny
from kg.extract.en.lexicon import load_en
from kg.extract.en.entities import find_mentions
from kg.extract.entity_table import entity_table
from kg.extract.en.dates import EnDates
from kg.extract.en.reading import Cand
from kg.extract.en.relations import Reader
from kg.extract.confidence import dropped
from kg.extract.en.suit_sides import definite_suits, parallel_suits, suit_sides
from kg.extract.ruling_sides import other_sides
from kg.extract.case_courts import appeal_table

__all__ = ["extract_en"]


def extract_en(article: Article) -> Extraction:
    lex = load_lexicon()
    en = load_en()
    text = _mask_datelines(article.text or "")
    mentions, judge_court = find_mentions(text, lex, en)
    sentences = _rejoin(text, nlp.split_sentences(text))
    dates = EnDates(text, sentences, article.date, en)
    reader = Reader(text, lex, en, mentions, judge_court, sentences, dates)
    cands = reader.run()
    _dated_by_lede(cands, sentences)
    cands = [c for c in cands if not dropped(c.rule, c.type)]    # measured below 0.5 (confidence.py)
    mentions = reader.mentions
    cands = suit_sides(text, cands, mentions)     # owners in an aside, "aside from X", X's customers: no sides
    cands = cands + _suits_told_as_accusations(text, cands, dates)
    entities = _entities(mentions, lex)
    for e in entities:
        if e.name in reader.acting and e.type == "Product":
            e.type = "Company"
    known = {e.name for e in entities}

    relations: list[Relation] = []
    seen: dict[tuple, Relation] = {}
    for c in cands:
        if c.subject not in known or c.object not in known or c.subject == c.object:
            continue
        key = fact_key(c.type, c.subject, c.object) + (c.date, c.negated)
        if key in seen:
            r = seen[key]
            if round(c.confidence, 3) > r.confidence:
                r.confidence, r.rule, r.hedged = round(c.confidence, 3), c.rule, c.hedged
            continue
        r = Relation(c.type, c.subject, c.object, c.date, text[c.ss:c.se], c.ss, c.se,
                     round(c.confidence, 3), c.negated, c.trigger, c.rule, c.hedged)
        seen[key] = r
        relations.append(r)
    # an allegation stated as the content of a suit in the same sentence is the suit, not a new fact
    suit_at = {(r.start, r.subject) for r in relations if r.type == "sues"}
    relations = [r for r in relations if not (r.type == "accuses" and (r.start, r.subject) in suit_at)]
    # an undated telling of a fact also told with a date is a restatement
    def k3(r):
        return fact_key(r.type, r.subject, r.object)
    dated = {k3(r) for r in relations if r.date and not r.negated}
    relations = [r for r in relations if r.date or r.negated or k3(r) not in dated]
    # ownership the lexicon knows, when both sides are named in the article
    for e in entities:
        if e.owner and e.owner in known and e.owner != e.name:
            if not any(r.type == "owns" and r.subject == e.owner and r.object == e.name for r in relations):
                relations.append(Relation("owns", e.owner, e.name, None, "", 0, 0, 0.5, False, "lexicon",
                                          "en.lexicon.owner"))
    # "X first filed the lawsuit in March 2017": the suit against the rival the headline names (suit_sides.py)
    relations.extend(definite_suits(
        text, article.title or "", sentences, mentions, dates, relations,
        lambda s, o, d, ss, se, trig: Relation("sues", s, o, d, text[ss:se], ss, se, 0.6, False, trig,
                                               "en.sues.definite_suit")))
    # "a parallel suit brought by X": X sues the defendants of the suit it parallels (suit_sides.py)
    relations.extend(parallel_suits(
        text, sentences, mentions, relations, en,
        lambda s, o, d, ss, se, trig: Relation("sues", s, o, d, text[ss:se], ss, se, 0.6, False, trig,
                                               "en.sues.parallel_case")))
    lawsuits = _lawsuits(text, relations, cands, mentions, en, reader, article.title or "")
    # a ruling on one side of a case before that court, or naming the other side: the other side too
    # (the case before a court includes the appeal court an appeal of it went to: case_courts.py)
    appeal = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(en.words("appeal_word"), key=len, reverse=True))))
    courts = appeal_table(sentences, mentions, lawsuits, appeal)
    relations.extend(other_sides(relations, lawsuits, entities, "en", courts))
    return Extraction(article=article, entities=entities, relations=relations, lawsuits=lawsuits)


# "accused Samsung of copying its designs in a lawsuit filed on Tuesday", "blamed Albertsons, in
# counterclaims made public on Tuesday": the accuser's own suit (not one filed by or against another,
# nor a complaint to a regulator)
_IN_SUIT = re.compile(
    r"[^;]{0,160}?\b(?P<in>in)\s+(?:(?:a|an|its|their)\s+)?(?:(?:new|federal|separate|civil|antitrust|patent|amended|"
    r"breach-of-contract|[\w.$]+-(?:dollar|billion|million))\s+){0,2}(?:lawsuit|suit|complaint|counterclaims?|"
    r"countersuit)\b(?!\s+(?:(?:filed|brought|lodged)\s+)?(?:by|with|to|against\s+(?:it|them|him|her)\b))", re.I)


def _suits_told_as_accusations(text: str, cands: list, dates) -> list:
    """An accusation the text says was made in the accuser's own suit is that suit (named rule
    `<the accusation's rule>.in_suit`), dated by the date written after "in a lawsuit" in its
    sentence when there is one ("filed on Tuesday"), else the accusation's."""
    out = []
    for c in cands:
        if c.type != "accuses" or c.negated or c.tend > c.se:
            continue
        m = _IN_SUIT.match(text, c.tend, c.se)
        if m is None:
            continue
        at = m.start("in")
        later = [d for per in dates.per for d in per
                 if d.value and d.kind != "range" and at <= d.start < c.se]
        date = min(later, key=lambda d: d.start).value if later else c.date
        out.append(Cand("sues", c.subject, c.object, date, False, c.confidence, c.trigger, c.ss, c.se,
                        c.tstart, c.tend, c.rule + ".in_suit", c.hedged))
    return out


_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)*(?:,[ \t]+[A-Z][a-z]{2,}\.?(?:[ \t]+\d{1,2})?)?[ \t]*"
    r"|[A-Z][a-z]{2,}\.?[ \t]+\d{1,2}[ \t]+(?=\())?"
    r"(?:\((?:Reuters|AP|AFP|Bloomberg|Xinhua|Dow Jones|UPI|dpa|Kyodo|Yonhap|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})\)[ \t]*)?"
    r"[-—–]+[ \t]+(?=[A-Z\"“])", re.M)


def _mask_datelines(text: str) -> str:
    """"SEOUL, Sept 14 (Reuters) - ", "SAN FRANCISCO (AP) — ", "SAN FRANCISCO (Oct 28) - ": a dateline
    says where, when and through whom the story came, and no agency in it acts; blanked (offsets kept)
    before reading (the page's date is the article's)."""
    def blank(m: re.Match) -> str:
        s = m.group(0)
        # a dateline has a place in capitals or an agency in parentheses
        if not (re.search(r"\((?:Reuters|AP|AFP|Bloomberg|Xinhua|Dow Jones|UPI|dpa|Kyodo|Yonhap)\)", s)
                or re.match(r"[ \t]*[A-Z]{2,}", s)):
            return s
        return " " * len(s)
    return _DATELINE.sub(blank, text)


def _dated_by_lede(cands, sentences) -> None:
    """"A federal judge on Tuesday allowed the FTC to go ahead. Judge Boasberg rejected Meta's request
    ...": a court's (a regulator's) undated act told right after a dated act of the same court is
    the same occasion, told again in detail."""
    idx = {ss: k for k, (ss, _, _) in enumerate(sentences)}
    for c in cands:
        if c.date is not None or c.negated or c.type not in ("rules", "fines"):
            continue
        k = idx.get(c.ss)
        if not k:
            continue
        prev = sentences[k - 1][0]
        ds = {p.date for p in cands if p.ss == prev and p.type == c.type and p.subject == c.subject
              and p.date and not p.negated}
        if len(ds) == 1:
            c.date = ds.pop()


_NOT_AN_END = re.compile(r"(?:\b(?:v|vs|No|Nos|Gov|Sen|Rep|Gen|Corp|Inc|Co|Ltd|approx|est|Ave|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)$")


def _rejoin(text: str, sentences: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Undo splits after abbreviations the shared splitter does not know ("Epic Games v. Apple")."""
    out: list[tuple[int, int, str]] = []
    for ss, se, s in sentences:
        if out and _NOT_AN_END.search(out[-1][2]) and "\n" not in text[out[-1][1]:ss]:
            ps, _, _ = out[-1]
            out[-1] = (ps, se, text[ps:se])
        else:
            out.append((ss, se, s))
    return out


def _entities(mentions, lex) -> list[Entity]:
    return list(entity_table(mentions, lex, lexicon_type=True, vote_type=False, surface_first=True,
                             owner_from_mention=True, lang="en").values())


_CLAIM_WORDS = re.compile(r"\b(?:seek|seeking|sought|seeks|claim|claiming|claimed|damages|demand|demanding|"
                          r"asking for|asked for|compensation|withholding|withheld)\b", re.I)
def _abroad(seg: str, en) -> bool:
    """"cases brought by Qualcomm against Apple in China and Germany": the suit is told in a foreign
    country, so it is not before the one US trial court the article shows ruling."""
    for m in re.finditer(r"\b(?:in|before)\s+((?:[A-Z][a-z]+\s?){1,2})(?:,\s+|\s+and\s+|\s+or\s+)?", seg):
        w = m.group(1).strip()
        if en.countries.get(w) not in (None, "US"):
            return True
    return False


_UNNAMED_COURT = re.compile(r"\bin\s+(?:a\s+|the\s+)?(?:federal|district|U\.S\.)\s+(?:district\s+)?court\b", re.I)


def _cause(seg: str, en, weak: bool = False, first: dict[str, int] | None = None) -> str | None:
    """The cause a clause names.  When it names several ("infringed its Java patents and
    copyrights"), the one the article names first (its headline, else its first mention) wins."""
    low = seg.lower()
    found: list[str] = []
    for stem, cause in en.causes:
        if cause == "none":       # (antitrust approval: no cause of the suit, causes_en.tsv)
            low = low.replace(stem, " ")
    for stem, cause in (en.weak_causes if weak else en.causes):
        if stem in low and cause not in found and cause != "none":
            found.append(cause)
    if len(found) > 1 and "other" in found:
        found.remove("other")     # trade secrets and patents: the kind of IP names the case
    if len(found) > 1 and first:
        return min(found, key=lambda c: (first.get(c, 1 << 30), found.index(c)))
    return found[0] if found else None


def _first_causes(title: str, text: str, en) -> dict[str, int]:
    """Where each cause is first named: the headline before the body."""
    out: dict[str, int] = {}
    for k, seg in enumerate((title or "", text or "")):
        low = seg.lower()
        for stem, cause in en.causes:
            p = low.find(stem) if cause != "none" else -1
            if p >= 0:
                pos = p + k * (1 << 20)
                if pos < out.get(cause, 1 << 30):
                    out[cause] = pos
    return out


def _article_cause(text: str, en) -> str | None:
    """The cause the article is about: one cause named at least twice and no other."""
    low = text.lower()
    counts: dict[str, int] = {}
    for stem, cause in en.causes:
        n = low.count(stem) if cause != "none" else 0
        if n:
            counts[cause] = counts.get(cause, 0) + n
    if len(counts) == 1:
        cause, n = counts.popitem()
        return cause if n >= 2 else None
    return None


def _lawsuits(text, relations, cands, mentions, en, reader, title: str = "") -> list[Lawsuit]:
    first = _first_causes(title, text, en)
    groups = _suit_groups(text, relations, cands)
    us_courts = sorted({m.name for m in mentions if m.type == "Court" and m.name.startswith("U.S. District Court")})
    settled = {tuple(sorted((r.subject, r.object))) for r in relations
               if r.type == "cooperates" and not r.negated
               and re.search(r"settle|dismiss|drop|pay|paid|truce", r.trigger or "", re.I)}
    out = [_group_lawsuit(text, ss, tpos, date, rs, mentions, us_courts, settled, en, first, title)
           for (ss, tpos, date, _each), rs in groups.items()]
    _counterclaim_courts(text, out)
    _trial_courts(text, out, relations, en)
    _shared_causes(out)
    _also_named(text, out)
    return _merge_retold(out)


def _suit_groups(text, relations, cands) -> dict[tuple, list[Relation]]:
    """The asserted suits grouped by telling: (sentence start, trigger position, date, one defendant when
    "suits" are filed against several) -> its relations."""
    sues = [r for r in relations if r.type == "sues" and not r.negated]
    groups: dict[tuple, list[Relation]] = {}
    trig_of = {}
    for c in cands:
        if c.type == "sues" and not c.negated:
            trig_of.setdefault((c.subject, c.object, c.date, c.ss), c)
    for r in sues:
        c = trig_of.get((r.subject, r.object, r.date, r.start))
        tpos = c.tstart if c else r.start
        # "filed suits against both companies": one suit per defendant
        each = r.object if c and re.search(r"\b(?:suits|lawsuits|complaints|cases)\b", text[c.tstart:c.tend]) else None
        groups.setdefault((r.start, tpos, r.date, each), []).append(r)
    return groups


def _group_lawsuit(text, ss, tpos, date, rs, mentions, us_courts, settled, en, first, title) -> Lawsuit:
    """The lawsuit of one group of suit relations: its court, cause, claim and outcome from its clause."""
    plaintiffs = list(dict.fromkeys(r.subject for r in rs))
    se = rs[0].end
    # the suit's own clause: from the trigger to the next clause that starts a new event
    seg_end = se
    m = re.search(r";|,\s+and\s+(?:in|on|later|then)\b", text[tpos:se])
    if m:
        seg_end = tpos + m.start()
    seg = text[tpos:seg_end]
    court = _group_court(text, tpos, seg_end, se, seg, mentions, us_courts, en)
    cause = _cause(seg, en, first=first) or _cause(text[ss:tpos], en, first=first) or \
        _cause(text[ss:se], en, first=first) or \
        _article_cause(title + "\n" + text, en) or _cause(seg, en, weak=True) or _cause(text[ss:se], en, weak=True)
    claim_cny = claim_amt = claim_cur = None
    if _CLAIM_WORDS.search(seg):
        for mo in find_money(seg):
            if mo.currency is None:
                continue
            claim_amt, claim_cur = mo.value, mo.currency
            claim_cny = to_cny(mo, assume_cny=False)
            break
    defendants = list(dict.fromkeys(r.object for r in rs))
    outcome = None
    if any(tuple(sorted((p, d))) in settled for d in defendants for p in plaintiffs):
        outcome = "settled"
    return Lawsuit(plaintiffs=plaintiffs, defendants=defendants, court=court, date=date,
                   cause=cause, claim_cny=claim_cny, claim_amount=claim_amt,
                   claim_currency=claim_cur, outcome=outcome, evidence=rs[0].evidence,
                   start=rs[0].start, end=rs[0].end,
                   confidence=max(r.confidence for r in rs),
                   rule="en.lawsuit.from_sues:" + max(rs, key=lambda r: r.confidence).rule)


def _group_court(text, tpos, seg_end, se, seg, mentions, us_courts, en) -> str | None:
    """A suit's court: named in its clause, the court named last before it for "in the same court"
    (rule en.lawsuit.same_court, modifiers_en.tsv kind same_court), the one U.S. district court of the
    article for "federal court", or named by the next sentence ("The complaint, filed in the U.S.
    District Court for ...")."""
    court = None
    for mm in mentions:
        if mm.type == "Court" and tpos <= mm.start < seg_end and mm.source != "coref":
            court = mm.name
            break
    if court is None and any(w in seg.lower() for w in en.words("same_court")):
        # "sued Kroger in the same court that day": the court the article named last before the suit
        court = next((mm.name for mm in reversed(mentions)
                      if mm.type == "Court" and mm.end <= tpos and mm.source != "coref"), None)
    if court is None and _UNNAMED_COURT.search(seg) and len(us_courts) == 1:
        court = us_courts[0]
    if court is None:
        # "The complaint, filed in the U.S. District Court for ...": the next sentence tells the court
        nxt = re.match(r"\s*((?:The|That|This|Its|The\s+\w+)\s+(?:complaint|lawsuit|suit|case|filing|claim)\b[^.;]*)",
                       text[se:se + 400])
        if nxt:
            a, b = se + nxt.start(1), se + nxt.end(1)
            cs = [mm for mm in mentions if mm.type == "Court" and a <= mm.start < b and mm.source != "coref"]
            if cs:
                court = cs[0].name
    return court


def _counterclaim_courts(text, out: list[Lawsuit]) -> None:
    """A counterclaim is filed in the case it answers: the court of the suit between the same parties
    the other way round, when the text names exactly one (in place)."""
    for ls in out:
        if ls.court is None and re.search(r"counter", text[ls.start:ls.end], re.I):
            courts = {o.court for o in out if o is not ls and o.court and set(o.plaintiffs) & set(ls.defendants)
                      and set(o.defendants) & set(ls.plaintiffs)}
            prior = [o for o in out if o is not ls and set(o.plaintiffs) & set(ls.defendants)
                     and set(o.defendants) & set(ls.plaintiffs)]
            if len(courts) == 1 and all(o.court for o in prior):
                ls.court = courts.pop()


def _trial_courts(text, out: list[Lawsuit], relations, en) -> None:
    """A suit told without its court ("Arm sued Qualcomm in 2022") is before the one trial court the
    article shows ruling on its defendant, when there is exactly one (in place)."""
    for ls in out:
        if ls.court is None and not _abroad(text[ls.start:ls.end], en):
            ruling = {r.subject for r in relations if r.type == "rules" and not r.negated and r.object in ls.defendants}
            trial = {c for c in ruling if not re.search(r"Appeals|Circuit|Supreme|appeals|最高|上诉|上訴", c)}
            if len(trial) == 1 and len(ruling) == 1 and not _filed_elsewhere(text[ls.start:ls.end], next(iter(trial)), en):
                ls.court = trial.pop()


def _filed_elsewhere(seg: str, court: str, en) -> bool:
    """"a second lawsuit from the Justice Department, filed in January 2023 in Virginia": the suit's
    clause places it where the court is not (a place that is the seat of another court in
    courts_en.tsv, or a place, not in the court's name), so it is not before that court (named rule
    en.lawsuit.filed_elsewhere)."""
    for m in re.finditer(r"\b(?:in|before)\s+((?:[A-Z][a-z]+\s?){1,2})", seg):
        w = m.group(1).strip()
        seat = en.courts.get(w)
        if w in court:
            continue        # "in Delaware" and the Delaware Court of Chancery
        if seat is not None:
            if seat != court:
                return True
        elif w in en.places and w not in court:
            return True
    return False


def _shared_causes(out: list[Lawsuit]) -> None:
    """A suit told without its cause has the cause of another suit between the same parties (in place)."""
    for ls in out:
        if ls.cause is None:
            same = {o.cause for o in out if o is not ls and o.cause and set(o.plaintiffs) == set(ls.plaintiffs)
                    and set(o.defendants) & set(ls.defendants)}
            if len(same) == 1:
                ls.cause = same.pop()


def _also_named(text, out: list[Lawsuit]) -> None:
    """"That lawsuit also names Midjourney and DeviantArt": more defendants of the suit told before (in place)."""
    for ls in list(out):
        if re.search(r"\b(?:lawsuit|suit)\s+also\s+names\b", text[ls.start:ls.end]):
            prev = [o for o in out if o is not ls and o.start < ls.start and set(o.plaintiffs) == set(ls.plaintiffs)]
            if prev:
                o = prev[-1]
                o.defendants += [d for d in ls.defendants if d not in o.defendants]
                o.court = o.court or ls.court
                o.cause = o.cause or ls.cause
                out.remove(ls)


def _merge_retold(out: list[Lawsuit]) -> list[Lawsuit]:
    """One suit told twice (same parties, same date): keep one, with what each telling adds."""
    merged: list[Lawsuit] = []
    for ls in out:
        for o in merged:
            if set(o.plaintiffs) == set(ls.plaintiffs) and set(o.defendants) == set(ls.defendants) and \
                    (o.date == ls.date or not ls.date) and (not o.court or not ls.court or o.court == ls.court):
                o.court = o.court or ls.court
                o.cause = o.cause or ls.cause
                if o.claim_amount is None:
                    o.claim_amount, o.claim_currency, o.claim_cny = ls.claim_amount, ls.claim_currency, ls.claim_cny
                break
        else:
            merged.append(ls)
    return merged
