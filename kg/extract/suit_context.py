"""A lawsuit's court or claim told in the sentence after the filing (Chinese articles).

    2019年5月，A起诉了B。该案由北京市海淀区人民法院受理，A索赔100万元。

The reader takes a suit's court from its own sentence (or the one before) and its claim from its own
sentence; this post-pass, run after the checks (kg/extract/checks.py), fills a court or a claim still
missing from the next sentence, when that sentence files no other suit, rules on nothing and speaks
of acceptance or a claim.  Word lists: the modifiers.tsv kinds `_patterns` names (suit_accepted_word,
suit_claim_word, suit_not_claim, case_accepted, this_case_ref).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg import nlp
from kg.extract.dates import find_dates
from kg.extract.money import find_money, to_cny
from kg.lexicon import Lexicon
from kg.model import Extraction

class _Rx(NamedTuple):
    """Patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    accepts: re.Pattern
    claim: re.Pattern
    took_up: re.Pattern
    not_claim: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    return _Rx(
        accepts=re.compile(rf"{alt('suit_accepted_word')}|向[^，。；]{{0,20}}法院"),
        claim=re.compile(rf"{alt('suit_claim_word')}|要求[^，。；]{{0,20}}赔偿|赔偿[^，。；]{{0,12}}损失"),
        # the court took up the case announced in the sentence before (次日，海淀法院正式受理此案)
        took_up=re.compile(rf"(?:{alt('case_accepted')})(?:了)?(?:{alt('this_case_ref')})案|"
                           rf"(?:{alt('this_case_ref')})案[^，。；]{{0,12}}(?:{alt('case_accepted')})"),
        not_claim=re.compile(rf"{alt('suit_not_claim')}|判令[^，。；]{{0,30}}赔偿"),
    )


def complete_suits(ex: Extraction, text: str, lex: Lexicon) -> None:
    """Fill (in place) courts and claims told in the sentence after each suit's filing sentence.
    `text` is the article text read in Simplified characters (offsets as the original)."""
    if ex.article.lang == "en" or not ex.lawsuits:
        return
    todo = [ls for ls in ex.lawsuits if ls.end > ls.start and ls.count == 1 and
            (ls.court is None or (ls.claim_cny is None and ls.claim_amount is None))]
    if not todo:
        return
    rx = _patterns(id(lex), lex)
    sentences = nlp.split_sentences(text)
    at = {(s, e): i for i, (s, e, _) in enumerate(sentences)}
    filed = {r.start for r in ex.relations if r.type in ("sues", "rules") and not r.negated}
    courts = sorted((s, e.name) for e in ex.entities if e.type == "Court" for s, _ in e.mentions)
    for ls in todo:
        i = at.get((ls.start, ls.end))
        if i is None or i + 1 >= len(sentences):
            continue
        ns, ne, nt = sentences[i + 1]
        if ns in filed:
            continue                # the next sentence tells a suit or a ruling of its own
        others = [m for m in ex.lawsuits if m is not ls and m.start != ls.start and ns <= m.start < ne]
        if others:
            continue
        if ls.court is None and rx.accepts.search(nt):
            here = [name for s, name in courts if ns <= s < ne]
            if len(set(here)) == 1:
                ls.court = here[0]
        if ls.claim_cny is None and ls.claim_amount is None and rx.claim.search(nt) and not rx.not_claim.search(nt):
            # one amount, right after the claim word (索赔100万元, 要求B赔偿损失100万元)
            monies = [m for m in find_money(nt) if rx.claim.search(nt[max(0, m.start - 16):m.start])]
            if len(monies) == 1:
                m = monies[0]
                ls.claim_amount, ls.claim_currency = m.value, m.currency or "CNY"
                ls.claim_cny = to_cny(m, assume_cny=not re.search(r"[A-Za-z]{4,}", nt))


def announced_then_filed(ex: Extraction, text: str, lex: Lexicon) -> None:
    """A suit announced (今日头条宣布将起诉百度, withheld as irrealis by the scope check) that the next
    sentence has a court take up (次日，海淀法院正式受理此案) was filed: assert it again (in place), dated
    by the taking up, not by the announcement. Run before the lawsuits are pruned."""
    if ex.article.lang == "en":
        return
    held = [r for r in ex.relations if r.type == "sues" and r.status == "irrealis" and r.check == "scope"]
    if not held:
        return
    rx = _patterns(id(lex), lex)
    sentences = nlp.split_sentences(text)
    filed = {r.start for r in ex.relations if r.type in ("sues", "rules") and not r.negated}
    for r in held:
        i = next((k for k, (s, e, _) in enumerate(sentences) if s <= r.start < e), None)
        if i is None:
            continue
        # the first of the next three sentences to tell of a case taken up, none before it filing or ruling
        nt = None
        for ns, ne, t in sentences[i + 1:i + 4]:
            if ns in filed or any(ns <= ls.start < ne for ls in ex.lawsuits):
                break
            if rx.took_up.search(t):
                nt = t
                break
        if nt is None:
            continue
        ds = [d.value for d in find_dates(nt, ex.article.date, r.date, anchor=r.date) if d.value]
        date = ds[0] if ds else None
        r.negated, r.status, r.check = False, None, None
        for ls in ex.lawsuits:
            if ls.start == r.start and r.subject in ls.plaintiffs and r.object in ls.defendants:
                ls.date = date
        r.date = date


@functools.lru_cache(maxsize=4)
def _case_patterns(lex_id: int, lex: Lexicon) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The case referred back to (kind case_reference: 该案, 此案, 这起案件…), its filing or taking up (kind
    case_accepted: 立案, 受理) and the words of a later stage (kind appeal_cue: 上诉, 二审…)."""
    alt = lex.alternation
    return (re.compile(alt("case_reference")), re.compile(alt("case_accepted", "case_brought")),
            re.compile(alt("appeal_cue")))


def case_filing_dates(ex: Extraction, text: str, lex: Lexicon) -> None:
    """Rule zh.lawsuit.case_filed: a suit told inside its ruling (法院本周二作出一审判决：A起诉B，法院判令…)
    has no filing date of its own; a later sentence that refers back to the case and dates its filing
    (据法院介绍，该案于2019年10月9日立案，同年12月23日开庭) gives it — the lawsuit's date and that of its
    `sues` relations told in the ruling's sentence.  The case is the last lawsuit told in the five
    sentences before, with no other suit told between; the date is the one the clause of the filing word
    names before it, in a clause with no word of appeal (上诉后，二审法院于…立案 dates the appeal).  A case
    named by its title at its appeal and brought in a later sentence (这起官司于2011年11月由A在X法院提起，
    索赔1.5亿元: kind case_brought) takes that sentence's claim too, when it has none."""
    if ex.article.lang == "en" or not ex.lawsuits or not any(ls.date is None for ls in ex.lawsuits):
        return
    ref, accepted, appeal = _case_patterns(id(lex), lex)
    case_brought = re.compile(lex.alternation("case_brought"))
    sentences = nlp.split_sentences(text)
    starts = sorted({ls.start for ls in ex.lawsuits if ls.end > ls.start})
    for k, (ss, se, sent) in enumerate(sentences):
        m = ref.search(sent)
        if m is None:
            continue
        told = [s for s in starts if s < ss]
        if not told or told[-1] < sentences[max(0, k - 5)][0]:
            continue
        case = [ls for ls in ex.lawsuits if ls.start == told[-1]]
        if any(ls.date for ls in case) or any(ss <= s < se for s in starts):
            continue
        date = _filed_on(sent, m.end(), accepted, appeal, ex.article.date)
        if date is None:
            continue
        claim = _claimed(sent, lex)
        # the court the case was brought in, when the sentence names one (由A在X法院提起): its first court
        courts = {e.name for e in ex.entities if e.type == "Court" for a, _ in e.mentions if ss <= a < se}
        for ls in case:
            ls.date = date
            if len(courts) == 1 and case_brought.search(sent):
                ls.court = courts.pop()
            if claim is not None and ls.claim_cny is None and ls.claim_amount is None:
                ls.claim_amount, ls.claim_currency = claim.value, claim.currency or "CNY"
                ls.claim_cny = to_cny(claim, assume_cny=not re.search(r"[A-Za-z]{4,}", sent))
            for r in ex.relations:
                if r.type == "sues" and r.start == ls.start and not r.negated and r.subject in ls.plaintiffs \
                        and r.object in ls.defendants:
                    r.date = date


def _claimed(sent: str, lex: Lexicon):
    """The one amount a claim word stands right before in the sentence (索赔1.5亿元), else None."""
    rx = _patterns(id(lex), lex)
    if not rx.claim.search(sent) or rx.not_claim.search(sent):
        return None
    monies = [m for m in find_money(sent) if rx.claim.search(sent[max(0, m.start - 16):m.start])]
    return monies[0] if len(monies) == 1 else None


def _filed_on(sent: str, after: int, accepted: re.Pattern, appeal: re.Pattern, ref: str | None) -> str | None:
    """The date the clause of the first filing word after `after` names before that word (该案于2019年10月9日
    立案 -> 2019-10-09), None when there is none or the clause speaks of an appeal."""
    a = accepted.search(sent, after)
    if a is None:
        return None
    lo = max(sent.rfind(c, 0, a.start()) for c in "，,；;：:") + 1
    clause = sent[lo:a.end()]
    if appeal.search(clause) or lo > after:
        return None
    ds = [d.value for d in find_dates(clause, ref) if d.value]
    return ds[-1] if ds else None
