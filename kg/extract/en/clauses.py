"""Clause reading for the English reader: each trigger of a sentence (`triggers_en.tsv`) read by its
frame into candidate facts.

- SO / OS / SELL (`_read`): subject and object by position and voice, "and"-joined verbs and
  participles keeping the subject before them, context flags (court, settlement, wrongdoing);
- SAID (`_read_said`): a wrongdoing told as someone's words, the speaker accusing the doer;
- PS (`_read_product_subject`): a product as subject ("Stadia was launched"), its owner acting;
- SYM (`_read_sym`): symmetric relations ("X and Y settled", "between X and Y", "X, Y's rival").
Negation and irrealis between the subject and the trigger flag a fact negated; hedges lower its
confidence (`_modality`).
"""
from __future__ import annotations

import re

from kg.extract.en.arguments import ArgumentReading
from kg.extract.en.lexicon import FOLDS_TO_ASCII, EnTrigger, trigger_heads, trigger_words
from kg.extract.en.reading import _PARTICIPLE_IRREG, Cand
from kg.extract.blackboard import Blackboard
from kg.extract.mentions import Mention
from kg.lexicon import legal_endings


class ClauseReading(ArgumentReading):
    """Reads a sentence's triggers; records suits, facts, deals and acting products as it goes, for
    later sentences to refer back to."""

    def _trigger_hits(self, ss: int, se: int) -> list[tuple[int, int, EnTrigger]]:
        hits = []
        seg = self.text[ss:se]
        low = None if FOLDS_TO_ASCII.search(seg) else seg.lower()
        for i, trig in self._scanned(ss, se, low):
            for m in trig.regex.finditer(self.text, ss, se):
                if m.group(0)[:1].isupper() and re.search(r"(?<![.!?:\"“])[ \t][A-Z][\w&'’.-]*[ \t]+$", self.text[ss:m.start()]) \
                        and re.match(r"(?:[ \t]+[a-z]|[,;.)])", self.text[m.end():m.end() + 2]):
                    continue    # "Best Buy and Costco": a capitalised word inside a name, not a verb
                hits.append((m.start(), m.end(), i, trig))
        # leftmost-longest: a trigger inside a longer one at the same place is dropped, but the
        # court and non-court readings of one word ("barred") both stay for the subject to decide
        # (at one place and length, the triggers' order)
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0]), h[2]))
        hits = [(s, e, trig) for s, e, _, trig in hits]
        keep = []
        for h in hits:
            if any(k[0] <= h[0] and h[1] <= k[1] and (k[1] - k[0]) > (h[1] - h[0]) for k in keep):
                continue
            keep.append(h)
        return keep

    def _scanned(self, ss: int, se: int, low: str | None) -> list[tuple[int, EnTrigger]]:
        """The triggers (with their index) whose regex may match in text[ss:se]: those whose words
        all occur there (en.lexicon.trigger_heads; `low`: the sentence in lower case, None when it
        holds a character that re.I folds to ASCII)."""
        found: dict = {}
        if low is None:
            out = []
            for i, (trig, head) in enumerate(trigger_heads(self.en)):
                if head is not None:
                    here = found.get(head[0])
                    if here is None:
                        here = found[head[0]] = head[0].search(self.text, ss, se) is not None
                    if not here:
                        continue
                out.append((i, trig))
            return out
        auto, by_word, others = trigger_words(self.en)
        out = [(i, trig) for w in {w for _, w in auto.iter(low)} for i, trig, every in by_word[w]
               if every is None or all(x in low for x in every)]
        for i, trig, head in others:
            if head is not None:
                here = found.get(head[0])
                if here is None:
                    here = found[head[0]] = head[0].search(self.text, ss, se) is not None
                if not here or (head[2] is not None and not all(x in low for x in head[2])):
                    continue
            out.append((i, trig))
        return out

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
        if trig.frame == "OS":
            return False        # "was founded by X", "is owned by X": the OS frame already reads the agent after "by"
        left = self.text[max(0, ts - 40):ts]
        m = re.search(r"\b(\w+)\s+(?:\w+ly\s+|each\s+|both\s+|all\s+|also\s+|later\s+|again\s+)?$", left)
        if not m or m.group(1).lower() not in self.aux:
            return False
        first = trig.pattern.split()[0].lower()
        return first.endswith("ed") or first in _PARTICIPLE_IRREG

    def _modality(self, a: int, b: int) -> tuple[bool, float]:
        """(negated, confidence factor) from the words between the subject and the trigger."""
        seg = self.text[a:b]
        seg = re.split(r"\band\b|,", seg)[-1]
        neg = bool(self.neg and self.neg.search(seg)) or bool(self.irr and self.irr.search(seg))
        lo = max(0, a - 60)
        cut = list(re.finditer(r"[.!?][\"”’)]?\s+", self.text[lo:a]))
        if cut:
            lo += cut[-1].end()     # not past the sentence's start ("... reportedly ... . Amazon acquired")
        factor = 0.6 if self.hedge and self.hedge.search(self.text[lo:b]) else 1.0
        return neg, factor

    def _read(self, i, ss, se, sm, ts, te, trig: EnTrigger, last_subject):
        t = self.text
        rel = trig.relation
        v = _ClauseReading(i=i, last_subject=last_subject, rel=rel, se=se, self=self, sm=sm, ss=ss, t=t,
                           te=te, trig=trig, ts=ts)
        for stage in _READ_STAGES:
            r = stage(v)
            if r is not _NEXT:
                return r

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
        if not doers and self.speech:
            # "argued that Google learned about its technology ... and then copied it": the subject of
            # the reported clause does the coordinated wrong as well
            co = re.search(r"(?:,\s*|\s)and\s+(?:then\s+|later\s+)?$", t[ss:ts])
            if co:
                for v in self.speech.finditer(t, ss, ts):
                    th = re.match(r"\s+(?:that\s+)?", t[v.end():ts])
                    first = [m for m in sm if th and m.start == v.end() + th.end()]
                    if first:
                        doers = first
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
                        if re.fullmatch(r"(?:['’]s?\s+(?:[\w-]+\s+){0,3}?|\s+(?:\w+ly\s+)?|,[^,;]{1,60},\s+|,?\s+(?:has|had|have)\s+(?:long\s+)?)", t[m.end:sv.start()]):
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
                 trig.pattern, ss, se, ts, te, "en.said.speaker", factor < 1)
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
        c = Cand(trig.relation, owner, p.name, date, neg, trig.confidence * factor, trig.pattern, ss, se, ts, te,
                 "en.product.owner", factor < 1)
        if not neg:
            self.facts.setdefault(trig.relation, []).append(c)
        return [c], []

    def _deal_told_before(self, ss: int, ts: int) -> bool:
        """"its planned merger with", "the proposed $40 billion acquisition of": a deal named as one
        already agreed, so the sentence's date is not the deal's."""
        return bool(re.search(r"\b(?:planned|proposed|pending|agreed|announced)\s+(?:[$€£¥][\d.,]+\s*(?:million|billion)\s+)?$",
                              self.text[max(ss, ts - 40):ts]))

    def _owns(self, owner: str, m: Mention) -> bool:
        le = self.lex.entities.get(m.name)
        return m.owner == owner or (le is not None and le.owner == owner)

    _SETTLE_CTX = re.compile(
        r"\bsettl(?:e|es|ed|ing|ement)\b|\btruce\b|\b(?:drop|dropped|drops|withdraw|withdrew|dismiss|dismissed)\s+"
        r"(?:[\w-]+\s+){0,5}?(?:suits?|lawsuits?|claims?|cases?|complaints?|litigation)\b|"
        r"\b(?:end|ends|ended|ending|resolve|resolves|resolved|resolving)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:dispute|disputes|fight|feud|war|battle|litigation|suits?|lawsuits?)\b", re.I)

    _DEAL_CTX = re.compile(r"\b(?:payments?|deals?|agreements?|contracts?|default|revenue[ -]shar\w*|royalt\w*|"
                           r"licen[cs]\w*|partnership)\b", re.I)

    def _deal_context(self, i: int, ss: int, se: int) -> bool:
        """A payment between two companies is a commercial deal when its sentence, or the one before it in
        the same paragraph, speaks of payments, deals, defaults, licences or royalties."""
        if self._DEAL_CTX.search(self.text, ss, se):
            return True
        if i > 0:
            ps, pe, _ = self.sentences[i - 1]
            return not re.search(r"\n", self.text[pe:ss]) and bool(self._DEAL_CTX.search(self.text, ps, pe))
        return False

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

    def _read_sym(self, i, ss, se, sm, ts, te, trig):
        t = self.text
        rel = trig.relation
        left = [m for m in sm if m.end <= ts]
        right = [m for m in sm if m.start >= te]
        pairs: list[tuple[Mention, Mention]] = []
        anchor = ss
        how = ""
        v = _SymReading(anchor=anchor, how=how, i=i, left=left, pairs=pairs, rel=rel, right=right, se=se,
                        self=self, sm=sm, ss=ss, t=t, te=te, trig=trig, ts=ts)
        for stage in _READ_SYM_STAGES:
            r = stage(v)
            if r is not _NEXT:
                return r


class _ClauseReading(Blackboard):
    """What the stages of `_read` share; a name no stage has set yet reads as None."""


def _clause_context(v: _ClauseReading):
    """A trigger read only in its context (court, settlement, deal, wrong); nouns and participles that tell no act."""
    court_trig, i, rel, se, self, sm, ss, t = v.court_trig, v.i, v.rel, v.se, v.self, v.sm, v.ss, v.t
    te, trig, ts = v.te, v.trig, v.ts
    if "courtctx" in trig.flags and not (
            re.search(r"\b(?:court|courts|judge|injunction|lawsuit|suit|complaint|filing|filed)\b", t[ss:se], re.I)
            or any(m.type == "Court" for m in sm)):
        return None
    if "settlectx" in trig.flags and not self._settle_context(i, ss, se):
        return None
    if "dealctx" in trig.flags and not self._deal_context(i, ss, se):
        return None
    if "wrongctx" in trig.flags:
        clause = re.split(r"[;]|,\s+(?:but|while|and)\s", t[te:se])[0]
        if not (self.wrong and self.wrong.search(clause)):
            return None
    if rel == "cooperates" and "pay" in trig.pattern.lower() and re.search(
            r"\b(?:missed|withheld|withholding|withhold|unpaid|owes?|owed|owing|liable|halted|stopped|suspended|"
            r"refused|refuses|refusing|demand(?:s|ed)?|seek(?:s|ing)?|sought)\b[^.;]{0,70}$", t[max(ss, ts - 90):ts], re.I):
        return None         # "found Qualcomm liable for missed royalty payments to Apple": a dispute, no deal
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
    if trig.pattern.lower() in ("charges that", "charge that") and re.search(
            r"\b(?:settle[sd]?|settling|the|of|over|on|face[sd]?|facing|den(?:y|ied|ies)|dropp?(?:ed|s)?)\s+$",
            t[max(ss, ts - 12):ts], re.I):
        return None         # "to settle charges that ...": the noun, nobody charging
    if "settlectx" in trig.flags and not re.match(
            r"\s+(?:(?:the|its|their)\s+)?(?=[A-Z])|\s+(?:about\s+|nearly\s+|some\s+|more\s+than\s+)?[$€£¥]?[\d.,]+\s*"
            r"(?:million|billion|bn|m)?\s+(?:[\w-]+\s+){0,2}?to\s+(?:the\s+)?(?=[A-Z])|\s+\w+\s+(?=[A-Z])", t[te:se]):
        return None         # "agreed to pay $25 million to settle charges": no payee written
    if rel == "blocks" and "deal" not in trig.flags and re.match(r"\s+(?:its|their|the|a|an)\s+(?:[\w$€£.,-]+\s+){0,5}?(?:deal|acquisition|merger|purchase|"
                                    r"takeover|agreement|contract|partnership|bid|offer)s?\b", t[te:se]):
        return None         # "terminated its planned acquisition of Tower": a deal called off, nobody blocked
    if trig.pattern in ("buying", "purchasing") and not re.search(
            r"(?:,|\b(?:by|after|since|before|while|when|is|are))\s+(?:\w+ly\s+)?$", t[max(ss, ts - 12):ts]):
        return None         # ", buying X", "by buying X", "Air Liquide is buying Airgas": a participle of its
                            # subject or the deal announced, not "customers buying"
    if court_trig and trig.pattern == "allowed" and re.search(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$",
                                                             t[max(ss, ts - 20):ts]):
        return None         # "it should not be allowed to": nobody ruling
    if court_trig and re.fullmatch(r"rulings?", t[ts:te], re.I) and \
            re.search(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$", t[max(ss, ts - 30):ts], re.I):
        return None         # "while it challenges a ruling that ...": the noun, not the court acting
    v.court_trig, v.rel, v.sm = court_trig, rel, sm
    return _NEXT


def _clause_subject(v: _ClauseReading):
    """Symmetric, reported and product-subject frames; otherwise the subjects: the agent of a passive
    (`_passive_subject`), a coordinated or participle clause's subject, the name left of the verb
    (`_active_subject`)."""
    i, rel, se, self, sm, ss, t, te, trig, ts = v.i, v.rel, v.se, v.self, v.sm, v.ss, v.t, v.te, v.trig, v.ts
    if trig.frame == "SYM":
        return self._read_sym(i, ss, se, sm, ts, te, trig)
    if trig.frame == "SAID":
        return self._read_said(i, ss, se, sm, ts, te, trig)
    passive = self._passive(ts, te, trig)
    reduced = rel == "launches" and any(m.type == "Product" and re.fullmatch(r"(?:\s+[a-z][\w-]*){0,3},\s*", t[m.end:ts])
                                        for m in sm)
    if trig.frame == "PS" or reduced or (passive and rel == "launches" and not re.search(r"\bby\s+", t[te:se])):
        return self._read_product_subject(i, ss, se, sm, ts, te, trig)
    v.coord_used, v.how_obj, v.passive, v.settle_os = False, "", passive, False
    return _passive_subject(v) if passive else _active_subject(v)


def _passive_subject(v: _ClauseReading):
    """The subjects of a passive clause: its agent (by Y; the regulator or court talked about), the names
    before the verb its objects."""
    rel, se, self, sm, ss, t, te, ts = v.rel, v.se, v.self, v.sm, v.ss, v.t, v.te, v.ts
    how = "passive"
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
    v.how, v.objects, v.subj_anchor, v.subjects = how, objects, subj_anchor, subjects
    return _NEXT


def _active_subject(v: _ClauseReading):
    """The subjects of an active clause: a suit's plaintiffs told before, a name inside the phrase, a
    coordinated or participle clause's subject, the name left of the verb."""
    ag, byy, last, last_subject, passive, rel = v.ag, v.byy, v.last, v.last_subject, v.passive, v.rel
    se, self, sm, ss, subj, t, te, trig, ts = v.se, v.self, v.sm, v.ss, v.subj, v.t, v.te, v.trig, v.ts
    coord_used, how, settle_os, subjects = False, "active", False, []
    lead = t[ss:ts]
    coord = re.search(r"(?:,\s*|\s)(?:and|then|but)\s+(?:(?:then|also|has|have|had|later|\w+ly)\s+)*$", lead)
    participle = re.search(r",\s*$", lead) and trig.pattern.split()[0].lower().endswith("ing")
    head = _relative_head(t, ts, sm, trig) if trig.frame == "SO" and not passive else None
    head = head if head is not None and self._fits(rel, 0, head) else None
    coord = None if head is not None else coord     # ("Google, which then bought": no coordinated "then")
    gap_names = [m for m in sm if ts < m.start and m.end < te and self._fits(rel, 0, m)] if "gapsubj" in trig.flags else []
    if "suitsubj" in trig.flags:
        # "That lawsuit also names Midjourney and DeviantArt": the plaintiffs of the suit told last
        if not self.suits:
            return None
        last = self.suits[-1]
        names = list(dict.fromkeys(c.subject for c in self.suits if c.tstart == last.tstart))
        subjects = [Mention(ts, ts, n, self._type_of(n), n, "coref") for n in names]
        subj = subjects[0]
        how = "suit_subject"
    elif gap_names:
        # "a legal action Getty Images began last month": the name inside the phrase acts
        subj = gap_names[0]
        subjects = gap_names[:1]
        how = "gap_subject"
    elif coord and last_subject:
        subj = last_subject[0]
        subjects = last_subject
        coord_used = True
        how = "coord"
    elif participle and self.subjects[-1] is not None and not re.search(
            r"\b(?:[a-z]+ed|sued|sues|said|says|won|lost|paid|took|made|sold|bought)\b",
            re.sub(r",[^,;]*,", ",", t[ss:self.subjects[-1].start])):
        # (the sentence's subject, when it stands before the main verb: not "The states ... sued
        # Google in July, accusing it": Google is the object there)
        subj = self.subjects[-1]
        how = "participle"
        # "..., and Walmart, the largest US grocer, has since stepped up its push, buying X":
        # the subject of the clause the participle hangs on
        cl = list(re.finditer(r"(?:,\s+(?:and|but|while)\s+|;\s+)", lead))
        if cl:
            a0 = ss + cl[-1].end()
            inner = [m for m in sm if a0 <= m.start < ts and m.type in ("Company", "Organization", "Regulator")
                     and not self.in_pp(m)]
            if inner and inner[0].start == a0 + len(re.match(r"(?:the\s+)?", t[a0:ts]).group(0)):
                subj = inner[0]
        subjects = [subj]
    elif participle:
        return None         # a participle whose clause has no subject we can name
    else:
        subj = self._left_subject(rel, ss, ts, sm, trig)
        if head is None and subj is not None and _relative_head_elsewhere(t, ss, ts, subj):
            return None
        subj = head or subj     # "outbidding Google, which then bought Motorola Mobility": Google buys
        settle_lead = re.search(r"\bsettle\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}$", t[ss:ts])
        if trig.frame == "OS" and rel == "sues" and settle_lead:
            # "Y agreed to pay Z $N to settle the lawsuit brought by X": the one settling is sued
            main = self._subject_of([m for m in sm if m.end <= ss + settle_lead.start()])
            if main is not None and self._fits(rel, 1, main):
                subj = main
                settle_os = True
                how = "settle"
        if subj is None and trig.pattern.endswith(" of"):
            # "the acquisition of X by Y" with nothing before it
            objs = self._right_objects(rel, ts, te, se, sm, set(), trig)
            byy = re.match(r"\s+by\s+(?:the\s+)?", t[objs[-1].end:se]) if objs else None
            ag = [m for m in sm if byy and m.start == objs[-1].end + byy.end() and self._fits(rel, 0, m)]
            subj = ag[0] if ag else None
            how = "of_by"
        if subj is None:
            return None
        subjects = self._list_from(subj, [m for m in sm if m.end <= ts] + ([subj] if subj not in sm else []), -1) \
            if subj in sm else [subj]
        if subj.source == "coref":
            # "they" for two people, "the two companies" for two companies: both act
            subjects += [x for x in sm if x.source == "coref" and x is not subj and x.type == subj.type
                         and (x.start, x.end) == (subj.start, subj.end) and x.name != subj.name]
    subj_anchor = subj.end
    v.ag, v.byy, v.coord_used, v.how, v.last = ag, byy, coord_used, how, last
    v.objects, v.settle_os, v.subj, v.subj_anchor, v.subjects = [], settle_os, subj, subj_anchor, subjects
    return _NEXT

# a legal word after a name (legal_endings.tsv, use `after`), an optional dot after it
_LEGAL_AFTER = "(?:" + "|".join(map(re.escape, legal_endings("after", "en"))) + r")\.?"
# the gap between a name and ", which/who" and the clause's words before the trigger
_RELATIVE_GAP = re.compile(rf"((?:\s+{_LEGAL_AFTER})?),\s+(?:which|who)\s+((?:[\w%$.-]+\s+){{0,6}})")
_LEGAL_OR_BRACKET = re.compile(rf"\s*(?:{_LEGAL_AFTER}|\([^()]*\))?\s*")


def _relative_head(t: str, ts: int, sm: list[Mention], trig: EnTrigger) -> Mention | None:
    """The name a ", which/who" clause holding the trigger hangs on, when it is written right before the
    pronoun: "Google, which then bought Motorola Mobility", "Consolidated, which owns a 25 per cent stake
    in Foxtel" (a few words of the clause before the trigger, none of a report or a further clause)."""
    for m in reversed([m for m in sm if m.end <= ts]):
        gap = _RELATIVE_GAP.fullmatch(t[m.end:ts])
        if gap is None:
            continue
        words = gap.group(2).split()
        if re.search(r"\b(?:said|says|told|say|that|whether|if|when|after|before|because|and|but|was|were|is|are|been|"
                     r"by|of)\b", gap.group(2)) or (words and not trig.pattern.startswith("stake") and any(
                         not re.fullmatch(r"\w+ly|then|also|later|now|still|already|had|has|have|would|will|could|itself", w)
                         for w in words)):
            return None     # (a verb of its own before the trigger only for "owns a stake in")
        return m
    return None


def _relative_head_elsewhere(t: str, ss: int, ts: int, subj: Mention) -> bool:
    """"It brings Call of Duty ... under the Xbox maker, which had already bought ZeniMax": the relative
    clause the trigger is in hangs on the noun right before ", which", not on a name further left."""
    rc = list(re.finditer(r",\s+(?:which|who)\s+", t[ss:ts]))
    return subj.source != "coref" and bool(rc) and subj.end <= ss + rc[-1].start() and \
        not re.search(r"[,;]", t[ss + rc[-1].end():ts]) and not _LEGAL_OR_BRACKET.fullmatch(
            t[subj.end:ss + rc[-1].start()])


def _clause_sell(v: _ClauseReading):
    """"X sold Y to Z": Z buys Y."""
    how, objects, passive, se, self, sm = v.how, v.objects, v.passive, v.se, v.self, v.sm
    subjects, t, te, trig = v.subjects, v.t, v.te, v.trig
    if not passive and trig.frame == "SELL":
        to = re.search(r"\bto\s+", t[te:se])
        if not to:
            return None
        buyers = [m for m in sm if m.start >= te + to.end() and self._fits("acquires", 0, m)][:1]
        things = [m for m in sm if te <= m.start < te + to.start() and self._fits("acquires", 1, m)
                  and not (m.source == "coref" and m.surface.lower() == "its")
                  and re.fullmatch(r"\s+(?:(?:the|its|their|a|an|his|her)\s+)?(?:(?:[\w%.-]+\s+){0,2}"
                                   r"(?:stake|shares?|holding|interest|unit|business)\s+in\s+(?:the\s+)?|"
                                   r"(?:[a-z][\w-]*\s+){1,3})?",        # "the animated-image library Giphy"
                                   t[te:m.start])
                  and len(t[m.end:te + to.start()].split()) <= 3
                  # (not "sold Orenda's assets to Pure Planet": some of its property, not the company)
                  and not re.match(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:assets?|patents?|rights|portfolio|plants?|factor(?:y|ies)|"
                                   r"brands?|properties|property)\b", t[m.end:te + to.start()])][:1]
        if not things and re.match(r"\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}$", t[te:te + to.start()]):
            # "Yahoo sold its core business to Verizon": the seller stands for what it sold
            things = subjects[:1]
        if not buyers or not things:
            return None
        subjects, objects = buyers, things
        how = "sell"
    v.how, v.objects, v.subjects = how, objects, subjects
    return _NEXT


def _clause_objects(v: _ClauseReading):
    """The objects right of the verb (inside a gapped trigger; "the acquisition of X by Y"; a noun phrase)."""
    ag, byy, how, how_obj, objects, passive, rel = v.ag, v.byy, v.how, v.how_obj, v.objects, v.passive, v.rel
    se, self, sm, subj, subjects, t, te, trig = v.se, v.self, v.sm, v.subj, v.subjects, v.t, v.te, v.trig
    ts = v.ts
    if not passive and trig.frame != "SELL":
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
                    how = "of_by"
        if not objects and "np" in trig.flags:
            np = self._np_object(te, se)
            if np:
                s0, e0, name = np
                m = Mention(s0, e0, name, "Product", name, "np")
                self.mentions.append(m)
                objects = [m]
                how_obj = "np"
        if objects and "np" in trig.flags:
            np = self._np_object(te, se)
            if np and np[0] < objects[0].start and not any(o.start <= np[0] < o.end for o in objects):
                s0, e0, name = np
                m = Mention(s0, e0, name, "Product", name, "np")
                self.mentions.append(m)
                objects = [m]
                how_obj = "np"
    v.how, v.how_obj, v.objects, v.subj, v.subjects = how, how_obj, objects, subj, subjects
    return _NEXT


def _clause_object_fallbacks(v: _ClauseReading):
    """Objects told elsewhere: a relative clause's head, the leader of plaintiffs, the implied defendant, the deal or case in hand."""
    court_trig, d, how_obj, i, last, le, o = v.court_trig, v.d, v.how_obj, v.i, v.last, v.le, v.o
    objects, owner, passive, rel, se, self, sm = v.objects, v.owner, v.passive, v.rel, v.se, v.self, v.sm
    ss, subj, subjects, t, te, trig, ts = v.ss, v.subj, v.subjects, v.t, v.te, v.trig, v.ts
    if not passive and trig.frame != "SELL":   # objects told elsewhere
        if not objects:
            # "Broadcom, which Avago acquired": the relative clause's head is the object
            rh = re.search(r"(?:^|[,;]\s+|\s)"
                           r"([A-Z][\w&'’.-]*(?:(?:[ \t]+|:[ \t]+)[A-Z][\w&'’.-]*)*),\s+(?:which|whom)\s+$",
                           t[ss:subj.start])
            if rh and not any(x.start <= ss + rh.start(1) < x.end for x in self.mentions + self.corefs):
                if self._new_name(ss + rh.start(1), ss + rh.end(1),
                                  "Product" if rel in ("launches", "discontinues") else "Company") is not None:
                    sm = self._sent_mentions(ss, se)
            rel_head = [m for m in sm if m.end <= subj.start and re.fullmatch(
                r",\s+(?:which|whom|that)\s+", t[m.end:subj.start]) and self._fits(rel, 1, m)]
            if rel_head:
                objects = rel_head[-1:]
                how_obj = "relative_head"
        if not objects and trig.frame == "OS" and rel == "sues":
            # "a suit brought by 46 states and Guam, led by New York's attorney general": the
            # named leader of an unnamed group of plaintiffs
            led = re.match(r"\s+[^;.]{0,90}?,\s+led\s+by\s+", t[te:se])
            if led:
                objects = [m for m in sm if m.start == te + led.end() and self._fits(rel, 0, m)][:1]
                how_obj = "led_by"
        if not objects and "noobj" in trig.flags:
            objects = self._implied_defendant(subjects, te, se, sm, trig, rel)
            how_obj = "implied"
        if not objects and "deal" in trig.flags and re.match(
                r"\s+(?:the|its|their|this|that)\s+(?:proposed\s+|planned\s+|\$[\d.]+\s+(?:billion|million)\s+)?"
                r"(?:deal|merger|acquisition|takeover|purchase|transaction|tie-up)\b", t[te:se]):
            # "the FTC sued to block the deal": the buyer in the deal told last
            deals = self.facts.get("acquires") or []
            if deals:
                b = deals[-1].subject
                objects = [Mention(te, te, b, self._type_of(b), b, "coref")]
                how_obj = "deal_buyer"
        if court_trig:
            # a court rules on parties, not on the products its ruling talks about: the owner
            # of the product ("that Google's Play Store ... are illegal monopolies"), when written
            kept = []
            for o in objects:
                if o.type != "Product":
                    kept.append(o)
                    continue
                poss = [m for m in sm if m.end <= o.start and re.fullmatch(r"['’]s?\s+", t[m.end:o.start])
                        and m.type == "Company"]
                le = self.lex.entities.get(o.name)
                owner = o.owner or (le.owner if le else None)
                if poss:
                    kept.append(poss[-1])
                elif owner and any(x.name == owner for x in self.mentions):
                    kept.append(Mention(o.start, o.end, owner, self._type_of(owner), o.surface, "coref"))
            objects = kept
        if not objects and court_trig and re.match(
                r"\s+(?:[\w-]+\s+){0,4}?(?:deal|settlement|agreement|accord|merger|acquisition|purchase|takeover)s?\b",
                t[te:se]) and any(m.type == "Court" or m.name in self.judges for m in subjects):
            # "the judge approved (most of) the deal": a ruling on the parties of the deal told last
            lo = self.sentences[i - 1][0] if i > 0 else ss
            deals = [d for d in self.deals if lo <= d[0] < ts]
            if deals:
                d = max(deals, key=lambda d: d[0])
                objects = [Mention(te, te, n, self._type_of(n), n, "coref") for n in d[1:]]
                how_obj = "court_deal"
        if not objects and court_trig and any(m.type == "Court" or m.name in self.judges for m in subjects):
            # "Judge Koh struck $450 million of that", "the justices sent the case back":
            # a ruling in the case in hand, on its last-named party
            last = (self.facts.get("rules") or self.suits or [None])[-1]
            if last is not None:
                objects = [Mention(te, te, last.object, self._type_of(last.object), last.object, "coref")]
                how_obj = "court_case"
    v.d, v.how_obj, v.le, v.o, v.objects, v.owner = d, how_obj, le, o, objects, owner
    return _NEXT


def _clause_checks(v: _ClauseReading):
    """A customer of a product's maker; a name before another verb; court readings need a court; the object-first swap."""
    coord_used, court_trig, le, o, objects, owner = v.coord_used, v.court_trig, v.le, v.o, v.objects, v.owner
    rel, self, settle_os, subjects, t, trig, ts = v.rel, v.self, v.settle_os, v.subjects, v.t, v.trig, v.ts
    if "ownerobj" in trig.flags and objects:
        # "Microsoft would use it (the MI300X)", "support AMD's chips": a customer of the product's maker
        owned = []
        for o in objects:
            if o.type != "Product":
                owned.append(o)
                continue
            le = self.lex.entities.get(o.name)
            owner = o.owner or (le.owner if le else None) or next(
                (c.subject for c in reversed(self.facts.get("launches", [])) if c.object == o.name), None)
            if owner:
                owned.append(Mention(o.start, o.end, owner, self._type_of(owner), o.surface, "coref"))
        objects = owned
    if trig.frame == "OS" and rel == "sues" and subjects and not settle_os and \
            (re.search(r"\b(?!faced\b|settled\b|defeated\b)(?:[a-z]+ed|said|says|told|paid|won|lost)\b", t[subjects[-1].end:ts])
             or re.search(r"\b(?:was|were|is|are)\b(?![^,;]*\b(?:defendant|target|party|subject)s?\b)", t[subjects[-1].end:ts])):
        # "the fine the Commission imposed on Apple in a case brought by Spotify": the name before
        # another verb is not the one sued
        return None
    if trig.frame == "OS" and rel in ("owns", "invests", "leads") and subjects and not coord_used and not re.fullmatch(
            r"\s*,?\s*(?:(?:which|that|who)\s+)?(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+)?"
            r"(?:(?:\w+ly|also|now|still|partly|itself)\s+)*", t[subjects[-1].end:ts]) and not (rel == "leads" and re.fullmatch(
            r"\s*,\s*(?:which|that|who)\s+(?:is|are|was|were)\s+[a-z]+ed\b[^,;]*\s+and\s+(?:\w+ly\s+)?",
            t[subjects[-1].end:ts])):
        # "Y, (which is) owned by X" ("Y, which is based in London and led by X"): the thing owned stands right before the participle, not
        # anywhere earlier ("a ruling that they infringe patents owned by Masimo")
        return None
    # court readings need a court (or a judge), the others must not have one
    courtish = any(m.type == "Court" or (m.type == "Person" and m.name in self.judges) for m in subjects)
    if courtish != court_trig:
        return None
    self._swap = False
    if trig.frame == "OS":
        subjects, objects = objects, subjects
    if not subjects or not objects:
        return None
    v.o, v.objects, v.subjects = o, objects, subjects
    return _NEXT


def _clause_emit(v: _ClauseReading):
    """Negation, hedge and date; one candidate per subject and object that fit the schema."""
    d, how, how_obj, i, o, objects, passive = v.d, v.how, v.how_obj, v.i, v.o, v.objects, v.passive
    rel, se, self, ss, subj_anchor, subjects, t = v.rel, v.se, v.self, v.ss, v.subj_anchor, v.subjects, v.t
    te, trig, ts = v.te, v.trig, v.ts
    neg, factor = self._modality(subj_anchor if not passive else ts, ts)
    if "irrealis" in trig.flags:
        neg = True
    # a report over an earlier event: "Qualcomm said (in December) the court had granted"
    d = self.dates.date_before(i, ts)
    pluperfect = re.search(r"\bhad\s+(?:been\s+)?(?:\w+ly\s+)?$", t[ss:ts])
    # "found on Friday that ... when it used designs it had acquired": the past perfect of a
    # subordinate clause is earlier than the date of the clause it hangs on
    block = bool(d and pluperfect and (
        (self.report and self.report.search(t[d.end:ts]))
        or re.search(r"\b(?:that|which|when|because|after|since|while)\b", t[d.end:ts])))
    date = None if "static" in trig.flags else self.dates.date_for(i, ts, t, report_block=block)
    if date and rel in ("acquires", "cooperates", "invests") and self._deal_told_before(ss, ts):
        date = None         # "its planned merger with ironSource": a deal made before, not on the day told
    if date and rel == "acquires" and re.search(
            r"\b(?:for|over|after|before|by)\s+(?:\w+ing\s+)?(?:its|their|the|[A-Z][\w&.-]*['’]s)\s+"
            r"(?:[$€£¥]?[\d.,]+\s*(?:million|billion)\s+)?$", t[max(ss, ts - 60):ts]):
        date = None         # "fined Illumina for completing its $7.1 billion takeover of Grail": background
    if date and re.search(r"\b(?:will|is\s+(?:due|set|expected|scheduled)\s+to|are\s+(?:due|set|expected|scheduled)\s+to)\s+"
                          r"(?:\w+ly\s+)?(?:complete|close|finish|finalize|finalise)\s+(?:[^\s,;]+\s+){0,4}$", t[max(ss, ts - 60):ts]):
        date = None         # "will complete its purchase on Monday": the date a deal closes, not when it was made
    db = self.dates.date_before(i, ts) if date else None
    if db is not None and db.value == date and re.search(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}$", t[ss:ts]) and \
            re.search(r"[,;]\s+(?:[a-z][\w-]*\s+){1,3}", t[db.end:ts]) and t[ts:te].split()[0].lower().endswith(
                ("ion", "ions", "suit", "suits", "probe", "probes", "purchase", "takeover", "deal", "fine", "ban", "complaint")):
        date = None         # "sued in January 2017, referring to the FTC's investigation into Qualcomm": an event named, not dated
    if db is not None and db.value == date and re.search(
            r",\s+(?:which|who)\s+(?:[^,;]*\s)?(?:then|later|subsequently|previously|earlier|once|had|already|eventually)\s+[^,;]*$",
            t[db.end:ts]):
        date = None         # "paid in July 2011, outbidding Google, which then bought Motorola": the relative clause's own time
    if re.search(r"\bby\s+$", t[max(ss, ts - 4):ts]) and t[ts:te].split()[0].lower().endswith("ing"):
        date = None         # "crushing competition by buying Instagram": the means, told without its own date
    if trig.frame == "OS" and rel == "sues" and re.search(
            r"\bsettle\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}$", t[ss:ts]):
        date = None         # the suit being settled is one told elsewhere, not a new filing
    out = []
    own = re.search(r"(?<![\w&.'’-])[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*)*(?=['’]s?[ \t]+(?:[a-z$€£\d][\w$€£.,-]*[ \t]+){0,4}$)",
                    t[max(ss, ts - 80):ts]) if rel in ("acquires", "invests") and re.match(r"[a-z]+\s+(?:of|for|with)\b", t[ts:te]) else None
    if own is not None:
        a0 = max(ss, ts - 80) + own.start()
        b0 = a0 + len(own.group(0))
        if not any(x.start < b0 and a0 < x.end for x in subjects):
            return out, subjects    # "Capital One's proposed takeover of Discover": the possessor's deal, whoever else the sentence names
    nxt = [m for m in v.sm if m.start >= te][:1]
    if rel in ("acquires", "invests") and trig.frame != "SELL" and self.goods is not None and nxt and \
            self.goods.match(t, nxt[0].end) and t[te:nxt[0].start].strip() in ("", "the", "a", "some", "more", "many"):
        return out, subjects    # "consumers bought Samsung phones": goods of the company, not the company
    for s_ in subjects:
        for o in objects:
            r = rel
            if r == "blocks" and self._owns(s_.name, o):
                r = "discontinues"
            if r in ("acquires", "owns") and trig.frame not in ("SELL", "OS") and _minority_share(t[te:o.start]):
                r = "invests"       # "acquired a 15% stake in JD.com", "to acquire 20% of TikTok Global",
                                    # "which already owns 29.9% of the group"
            if r == "acquires" and trig.frame != "SELL" and re.fullmatch(
                    r"\s+(?:[a-z][\w-]*\s+){1,4}from\s+(?:the\s+)?(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*(?:,\s+|,?\s+and\s+))*",
                    t[te:o.start]):
                # "Dell buys processors from Intel": goods bought from a supplier, not the supplier
                # bought; a unit or stake bought from its owner says nothing more
                if re.search(r"\b(?:stake|shares?|units?|business(?:es)?|divisions?|assets?|operations?|subsidiar\w+|"
                             r"brands?|holdings?|interests?|company|companies|rights|patents?|portfolio)\b", t[te:o.start]):
                    continue
                r = "cooperates"
            if r == "acquires" and trig.frame != "SELL" and re.fullmatch(
                    r"\s+(?:(?:the|its|their|a|an|some|all|most)\s+)?(?:[\w-]+\s+){0,5}(?:patents?|assets?|rights|units?|"
                    r"business(?:es)?|divisions?|operations?|portfolio|brands?|plants?|factor(?:y|ies))\s+of\s+"
                    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}", t[te:o.start]):
                continue            # "bought the wireless patents of bankrupt Nortel": a part of it, not the company
            if r == "acquires" and re.match(r"\s+as\b", t[te:te + 4]):
                continue            # "took over as Hewlett-Packard's chief executive": a post, not a company
            if r == "launches" and re.search(r"\b(?:that|which|to)\b|[,;]", t[te:o.start]):
                continue            # "announced that they reached a deal that will enable TikTok to ...": not a launch of TikTok
            if r == "cooperates" and re.match(r"\s+(?:[$€£¥]?[\d.,]+\s*(?:million|billion)?\s+)?to\s+[a-z]+\s", t[te:o.start]):
                continue            # "paying $1 billion to acquire Instagram": an infinitive, not a payee
            if not self._fits(r, 0, s_) or not self._fits(r, 1, o):
                continue
            c = Cand(r, s_.name, o.name, date, neg, trig.confidence * factor, trig.pattern, ss, se, ts, te,
                     "en.clause." + how + ("." + how_obj if how_obj else ""), factor < 1)
            out.append(c)
            if s_.type == "Product" and ("Product" not in self._schema(r)[0] or r == "sues"):
                self.acting.add(s_.name)        # (a product that sues is the company behind it)
            if r == "sues" and not neg:
                self.suits.append(c)
            if r == "acquires" and not neg:
                self.deals.append((ts, c.subject, c.object))
            if r == "acquires" and neg:
                self.called_off.append(c)
            if not neg:
                self.facts.setdefault(r, []).append(c)
    return out, subjects
    return _NEXT


_SHARE = re.compile(
    r"\s+(?:(?:a|an|its|their|the)\s+)?(?:(?:further|additional|new|small|minority|non-controlling|"
    r"noncontrolling|passive|\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent))\s*,?\s*)*"
    r"(?:stake|shareholding|holding|interest)\s+in\s+(?:the\s+)?$"
    r"|\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+of\s+[^.;]*$")


def _minority_share(between: str) -> bool:
    """The words between "acquired" and the company name a share of it below control, not the company:
    "a 15% stake in", "a minority stake in", "a stake in", "20% of"; never "a 51% stake in" or
    "a majority stake in"."""
    m = _SHARE.fullmatch(between)
    if not m:
        return False
    nums = [float(x) for x in re.findall(r"(\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)", between)]
    return all(n < 50 for n in nums)


# the stages of `_read`, in order
_READ_STAGES = (_clause_context, _clause_subject, _clause_sell, _clause_objects, _clause_object_fallbacks,
                _clause_checks, _clause_emit)


_NEXT = object()    # a stage's answer: go on with the next stage


class _SymReading(Blackboard):
    """What the stages of `_read_sym` share; a name no stage has set yet reads as None."""


def _sym_subject(v: _SymReading):
    """"X and Y agreed to ...", "the two companies signed ...": the pair that is the subject."""
    anchor, left, pairs, rel, right, se, self = v.anchor, v.left, v.pairs, v.rel, v.right, v.se, v.self
    sm, ss, subj, t, te, trig, ts = v.sm, v.ss, v.subj, v.t, v.te, v.trig, v.ts
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
    v.anchor, v.subj = anchor, subj
    return _NEXT


def _sym_rivals(v: _SymReading):
    """"to challenge Nvidia's grip on", "its (larger) rival", "X, Y's main rival"."""
    anchor, how, i, left, o, others, pairs, rel = v.anchor, v.how, v.i, v.left, v.o, v.others, v.pairs, v.rel
    right, se, self, sm, ss, subj, t, te, trig = v.right, v.se, v.self, v.sm, v.ss, v.subj, v.t, v.te, v.trig
    ts = v.ts
    how = how or ("en.sym.subject_group" if pairs else "")
    # "to challenge Nvidia's grip on": the name inside the phrase is the other side
    if not pairs and subj is not None and "…" in trig.pattern:
        gapm = [m for m in sm if ts < m.start and m.end < te and m.name != subj.name]
        if gapm:
            pairs.append((subj, gapm[0]))
    how = how or ("en.sym.gap" if pairs else "")
    # "its (larger) rival": the one "its" refers to, and the rival named in apposition or, when
    # none is, the one other company of this sentence and the one before
    if not pairs and rel == "competes" and left and left[-1].source == "coref" and \
            left[-1].surface.lower() == "its" and re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){0,2}", t[left[-1].end:ts]):
        y = left[-1]
        anchor = y.end
        if right and re.fullmatch(r",?\s+", t[te:right[0].start]):
            r0 = right[0]
            if self.possessive(r0) and r0.source != "coref":
                # "its main competitor, Apple's iOS": the name the possessive modifies
                r0 = next((x for x in right[1:] if re.fullmatch(r"['’]s\s+", t[r0.end:x.start])), r0)
            # "its challenge to Intel, AMD and Apple": each of the list
            pairs.extend((y, o) for o in (self._list_from(r0, right) if r0 is right[0] else [r0]))
        elif not right or not re.fullmatch(r"\s+", t[te:right[0].start]):
            ps_ = self.sentences[i - 1][0] if i > 0 else ss
            others = {m.name: m for m in self.mentions + self.corefs
                      if ps_ <= m.start < se and m.type == "Company" and m.name != y.name}
            if len(others) == 1:
                o = next(iter(others.values()))
                pairs.append((y, Mention(ts, te, o.name, o.type, o.surface, "coref")))
    how = how or ("en.sym.its_rival" if pairs else "")
    # "X, Y's main rival" / "Y's rival X"
    if not pairs and re.search(r"['’]s\s+(?:[\w-]+\s+){0,2}$", t[ss:ts]) and left:
        y = left[-1]
        xs = [x for x in left[:-1] if re.fullmatch(r",\s+(?:the\s+)?", t[x.end:y.start])]
        if xs:
            pairs.append((xs[-1], y))
        elif right and re.fullmatch(r",?\s+", t[te:right[0].start]):
            pairs.append((y, right[0]))
    v.anchor, v.how, v.o, v.others = anchor, how, o, others
    return _NEXT


def _sym_between_with(v: _SymReading):
    """"between X and Y", "X settled with Y", "X competes with Y"."""
    how, o, pairs, right, se, self, subj, t = v.how, v.o, v.pairs, v.right, v.se, v.self, v.subj, v.t
    te, trig = v.te, v.trig
    how = how or ("en.sym.possessive_rival" if pairs else "")
    # "between X and Y", "between the two companies"
    if not pairs:
        mb = re.search(r"\bbetween\s+", t[te:se]) or (re.match(r"", "") if trig.pattern.endswith(" between") else None)
        if mb:
            r2 = [m for m in right if m.start >= te + mb.end()]
            if len(r2) >= 2 and re.fullmatch(r"\s+and\s+(?:the\s+)?", t[r2[0].end:r2[1].start]):
                pairs.append((r2[0], r2[1]))
            elif len(r2) >= 2 and (r2[0].start, r2[0].end) == (r2[1].start, r2[1].end) and r2[0].source == "coref" \
                    and r2[0].name != r2[1].name and re.fullmatch(r"\s*", t[te + mb.end():r2[0].start]):
                pairs.append((r2[0], r2[1]))
    how = how or ("en.sym.between" if pairs else "")
    # "X settled with Y", "X competes with Y"
    if not pairs and subj is not None and right:
        gap = t[te:right[0].start]
        if re.fullmatch(r"\s*(?:with\s+|of\s+|to\s+)?(?:rival\s+|the\s+)?|\s+", gap) or trig.pattern.endswith("with"):
            if not re.search(r"[;,]", gap):
                for o in self._list_from(right[0], right):
                    pairs.append((subj, o))
                # "competes with DoorDash, the market leader, as well as with Grubhub and Postmates",
                # "with Datadog in monitoring software and with Palo Alto Networks and CrowdStrike in security"
                aw = re.search(r"\b(?:as\s+well\s+as|and)\s+with\s+(?:the\s+)?|\bas\s+well\s+as\s+(?:the\s+)?", t[te:se])
                if aw:
                    more = [m for m in right if m.start == te + aw.end()]
                    if more:
                        pairs.extend((subj, o) for o in self._list_from(more[0], right))
    v.how = how
    return _NEXT


def _sym_nouns(v: _SymReading):
    """A partnership of the sentence's subject, or a settlement noun in a sentence naming two companies."""
    how, others, pairs, self, sm, ss, t, trig = v.how, v.others, v.pairs, v.self, v.sm, v.ss, v.t, v.trig
    ts = v.ts
    how = how or ("en.sym.with" if pairs else "")
    # "Microsoft said it would invest in OpenAI, ..., deepening a partnership": the partnership of
    # the sentence's subject with the other company of its main clause
    if not pairs and trig.pattern.lower() in ("partnership", "alliance", "relationship") and \
            re.search(r",\s+[a-z]+ing\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}$", t[ss:ts]):
        s0 = self.subjects[-1] if self.subjects else None
        if s0 is not None and s0.type == "Company":
            others = [m for m in sm if m.start > s0.end and m.end <= ts and m.type == "Company" and m.name != s0.name]
            if others:
                pairs.append((s0, others[0]))
    how = how or ("en.sym.partnership_subject" if pairs else "")
    # "Long-time rivals Apple and Samsung have ...": the two names the plural noun opens a sentence with
    if not pairs and trig.pattern.lower() in ("rivals", "competitors") and re.fullmatch(
            r"\s*(?:(?:the|long-?time|longtime|arch|arch-|fierce|bitter|old|fellow|two|major|main|chief)\s*)*",
            t[ss:ts], re.I):
        x = next((m for m in sm if m.start >= v.te and re.fullmatch(r"\s+", t[v.te:m.start])), None)
        y = next((m for m in sm if x is not None and m.start >= x.end and re.fullmatch(r"\s+and\s+", t[x.end:m.start])), None)
        if x is not None and y is not None and x.type == y.type == "Company" and x.name != y.name:
            pairs.append((x, y))
    how = how or ("en.sym.opening_pair" if pairs else "")
    # a settlement / partnership noun in a sentence naming exactly two companies
    if not pairs and " " not in trig.pattern.strip() and trig.pattern.lower() in (
            "settlement", "partnership", "alliance", "rivalry"):
        comps = []
        for m in sm:
            if m.type == "Company" and m.name not in [c.name for c in comps]:
                comps.append(m)
        if len(comps) == 2:
            pairs.append((comps[0], comps[1]))
    how = how or ("en.sym.two_companies" if pairs else "")
    if not pairs:
        return None
    v.how = how
    return _NEXT


def _sym_emit(v: _SymReading):
    """Negation, hedge and date; each pair once, a possessive resolved, an owner never its product's rival."""
    anchor, how, i, pairs, rel, se, self, sm = v.anchor, v.how, v.i, v.pairs, v.rel, v.se, v.self, v.sm
    ss, t, te, trig, ts = v.ss, v.t, v.te, v.trig, v.ts
    neg, factor = self._modality(anchor, ts)
    if "irrealis" in trig.flags:
        neg = True
    date = None if "static" in trig.flags else self.dates.date_for(i, ts, t)
    if date and rel in ("acquires", "cooperates") and self._deal_told_before(ss, ts):
        date = None
    out = []
    fixed = []
    for a, b in pairs:
        if b.source != "coref" and self.possessive(b):
            # "merged with Tencent's QQ Music": the name the possessive modifies
            nb = next((x for x in sm if x.start > b.end and re.fullmatch(r"['’]s\s+", t[b.end:x.start])), None)
            if nb is not None:
                b = nb
        if rel == "competes" and (self._owns(a.name, b) or self._owns(b.name, a)):
            continue        # "Apple, which runs the rival App Store": an owner is not its product's rival
        fixed.append((a, b))
    pairs = fixed
    if not pairs:
        return None
    for a, b in pairs:
        if rel == "acquires" and neg and a.name != b.name:
            self.called_off.append(Cand(rel, a.name, b.name, None, True, 0.5, trig.pattern, ss, se, ts, te))
        if rel in ("cooperates", "acquires") and not neg and a.name != b.name:
            # a deal with any party ("settled with the Justice Department") may be approved later
            self.deals.append((ts, a.name, b.name))
        if a.name == b.name or not self._fits(rel, 0, a) or not self._fits(rel, 1, b):
            continue
        out.append(Cand(rel, a.name, b.name, date, neg, trig.confidence * factor, trig.pattern, ss, se, ts, te,
                        how, factor < 1))
    return out, [pairs[0][0]]
    return _NEXT


# the stages of `_read_sym`, in order
_READ_SYM_STAGES = (_sym_subject, _sym_rivals, _sym_between_with, _sym_nouns, _sym_emit)
