"""Lawsuits from `sues` relations: court, filing date, cause (causes.tsv), claim, outcome, counts.

"25次诉讼，…累计金额近4.7亿元" becomes one lawsuit with count=25 and the total as its claim.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.lexicon import Lexicon
from kg.model import Lawsuit, Relation
from kg.extract.money import find_money, to_cny
from kg.extract.dates import _cn_num

_COUNT = re.compile(r"([0-9]+|[一二两三四五六七八九十百]+)\s*(?:次|起|宗|件|项)(?:[^，。；]{0,6})?(?:诉讼|官司|案件|纠纷|起诉)")


def _cause(text: str, lex: Lexicon) -> str | None:
    low = text.lower()
    for kw, cause in lex.causes:
        if kw.lower() in low:
            return cause
    return None


def _outcome(text: str, lex: Lexicon) -> str | None:
    for kw, oc in lex.outcomes:
        if kw in text:
            return oc
    return None


def suit_count(sent: str) -> int:
    """How many suits a sentence sums up (腾讯发起的25次诉讼 -> 25); 1 for a single suit."""
    cm = _COUNT.search(sent)
    if cm:
        n = _cn_num(cm.group(1)) if not cm.group(1).isdigit() else int(cm.group(1))
        if n and n > 1:
            return n
    return 1


class _Rx(NamedTuple):
    """Patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    parallel: re.Pattern
    approx: re.Pattern
    parallel_other: re.Pattern
    claim_ctx: tuple
    claim_total: tuple
    claim_each: tuple
    award_verb: re.Pattern
    claim_request: re.Pattern
    claim_word: re.Pattern
    ruling_only: re.Pattern
    parallel_suit: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    return _Rx(
        parallel=re.compile(alt("parallel_filing")),
        # a sentence opening with an approximate time: its date is the sentence before's, told loosely
        approx=re.compile(rf"^[^，。；]{{0,8}}?(?:{alt('approx_time')})"),
        parallel_other=re.compile(alt("parallel_other")),
        # a word before an amount that makes it the claim (索赔100万元), or the total of several suits (累计)
        claim_ctx=tuple(sorted(lex.words("claim_context"))),
        claim_total=tuple(sorted(lex.words("claim_total"))),
        # a claim on each defendant (各索赔…): the total told after it is the suit's claim
        claim_each=tuple(sorted(lex.words("claim_each"))),
        # a court's ruling verb before an amount makes it the award (法院判令…赔偿260万元), unless the
        # ruling is what the plaintiff asks for (请求判令…) or a claim or request word comes between (判决前索赔…)
        award_verb=re.compile(alt("award_verb")),
        claim_request=re.compile(rf"(?:{alt('claim_request')})[^，。；]{{0,4}}$"),
        claim_word=re.compile(alt("claim_word", "claim_request")),
        # a sentence telling a ruling (判决, 裁定…) and no filing (起诉, 提起诉讼)
        ruling_only=re.compile(rf"^(?!.*(?:{alt('suit_filing')})).*(?:{alt('ruling_told')})", re.S),
        # a suit filed apart from the pair's other suits (另行起诉, 又在Y法院起诉): with a cause of its own
        # it is a case of its own, court or no court
        parallel_suit=re.compile(rf"(?:{alt('parallel_suit_lead')})[^，。；]{{0,20}}?法院|{alt('parallel_suit_verb')}"),
    )


def _awarded(sent: str, pos: int, rx: _Rx) -> bool:
    """The amount at `pos` is what a court's ruling told in the same clause group awards (杭州互联网法院
    作出一审判决：X起诉Y，法院判令两被告…赔偿…共计260万元), not what the plaintiff claims
    (请求判令被告赔偿9000万元; 判决前索赔500万元; 判决案例显示，X状告Y，要求其偿还…)."""
    lo = max(sent.rfind("；", 0, pos), sent.rfind(";", 0, pos)) + 1
    verbs = list(rx.award_verb.finditer(sent, lo, pos))
    if not verbs:
        return False
    v = verbs[-1]
    return not rx.claim_request.search(sent, max(lo, v.start() - 8), v.start()) \
        and not rx.claim_word.search(sent, v.end(), pos)


def _same_party(a: str, b: str) -> bool:
    """华为 and 华为终端有限公司, 三星 and 天津三星通信技术有限公司: one name inside the other."""
    return a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a))


def _fold_vague(out: list[Lawsuit]) -> list[Lawsuit]:
    """A suit told only vaguely — no date, no court, one case — whose every party is named (in
    short) by a dated or court-bearing suit of the article is that suit told again (它也是华为在泉州起诉
    三星的核心专利 beside 2016年6月27日，华为终端…将三星…诉至泉州中院), not a case of its own."""
    keep = []
    for ls in out:
        if ls.date is None and ls.court is None and ls.count == 1 and any(
                o is not ls and (o.date or o.court)
                and all(any(_same_party(p, q) for q in o.plaintiffs) for p in ls.plaintiffs)
                and all(any(_same_party(d, q) for q in o.defendants) for d in ls.defendants)
                for o in out):
            continue
        keep.append(ls)
    return keep


def _compatible(a: str | None, b: str | None) -> bool:
    """Two dates can tell one filing: either is unknown, or one is the other at a coarser precision."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def _courts(text: str, r: Relation, mentions, sentences, i) -> tuple[list[str], bool]:
    """The courts of a suit's sentence (own=True), else of the sentence before (own=False)."""
    ms = [m for m in mentions if m.type == "Court" and r.start <= m.start < r.end]
    # a court with its other name in brackets (杭州铁路运输法院（杭州互联网法院）) is one court told two ways
    alias = {id(b) for a in ms for b in ms if b.start == a.end + 1 and text[a.end:b.start] in ("（", "(")}
    here = list(dict.fromkeys(m.name for m in ms if id(m) not in alias))
    if here:
        return here, True
    if i is not None and i > 0:
        ps, pe, _ = sentences[i - 1]
        return [next((m.name for m in mentions if m.type == "Court" and ps <= m.start < pe), None)], False
    return [None], False


def _case_of(cands: list, date, court, own: bool, apart_cause: str | None = None):
    """The lawsuit of the same pair this telling continues, or None when it is another case: its
    date is incompatible (2011-11 vs 2012-04), both tellings name their own, different court, or the
    telling is of a suit filed apart (另行起诉) whose cause differs from the case's (`apart_cause`)."""
    for ls, ls_own in cands:
        if not _compatible(ls.date, date):
            continue
        if apart_cause and ls.cause and apart_cause != ls.cause:
            continue
        if own and ls_own and court and ls.court and court != ls.court:
            continue
        return ls
    return None


def build_lawsuits(text: str, relations: list[Relation], mentions, sentences, tracker,
                   lex: Lexicon) -> list[Lawsuit]:
    """One lawsuit per case the article tells. Tellings of one pair are one case unless their dates
    are incompatible or each names its own court; a sentence filing in two courts at once
    (同时在A法院和B法院起诉) is two parallel cases."""
    out: list[Lawsuit] = []
    rx = _patterns(id(lex), lex)
    idx_of = {(ss, se): i for i, (ss, se, _) in enumerate(sentences)}
    by_pair: dict[tuple, list] = {}
    for r in relations:
        if r.type != "sues" or r.negated:
            continue
        i = idx_of.get((r.start, r.end))
        sent = text[r.start:r.end]
        nxt = sentences[i + 1][2] if i is not None and i + 1 < len(sentences) else ""
        courts, own = _courts(text, r, mentions, sentences, i)
        if len(courts) > 1 and not rx.parallel.search(sent):
            courts = courts[:1]
        claim_cny = claim_amt = claim_cur = awarded = None
        # a suit read from what a ruling makes the defendant pay: the amount is the award, not the claim
        ruled = r.rule.startswith("zh.sues.ruled_payment")
        # a suit known only from the parties' roles in a sentence telling a ruling and no filing
        # (2018年10月，X法院作出一审判决，判令被告…支付原告…): the sentence's date is the ruling's
        roles_ruling = r.rule.startswith("zh.party.roles") and bool(rx.ruling_only.search(sent))
        count = suit_count(sent)
        # an aggregate (25次诉讼，累计近4.7亿元) takes its cause from its own sentence only
        cause = _cause(sent, lex) or (_cause(nxt, lex) if count == 1 else None)
        if cause is None and r.rule == "zh.sues.administrative" and i:
            # the contested decision's ground, told in the two sentences before
            cause = next((c for c in (_cause(sentences[j][2], lex) for j in (i - 1, i - 2) if j >= 0) if c), None)
        monies = find_money(sent)
        if monies:
            ctx = [m for m in monies if any(k in sent[max(0, m.start - 12):m.start].lower() for k in rx.claim_ctx)]
            pick = None
            if count > 1:
                tot = [m for m in monies if any(k in sent[max(0, m.start - 8):m.start] for k in rx.claim_total)]
                pick = tot[-1] if tot else (ctx[-1] if ctx else None)
            else:
                pick = ctx[0] if ctx else None
                if pick and any(w in sent[max(0, pick.start - 6):pick.start] for w in rx.claim_each):
                    # 对两被告各索赔8050万元，合计1.61亿元: the total of what each defendant is asked for
                    tot = [m for m in monies if m.start > pick.start
                           and any(k in sent[max(0, m.start - 4):m.start] for k in rx.claim_total)]
                    pick = tot[0] if tot else pick
            if pick and not ruled and _awarded(sent, pick.start, rx):
                ruled = True      # the suit is told inside its ruling: the amount is the award
            if pick and ruled:
                awarded = to_cny(pick, assume_cny=not re.search(r"[A-Za-z]{4,}", sent))
            elif pick:
                claim_amt, claim_cur = pick.value, pick.currency or "CNY"
                claim_cny = to_cny(pick, assume_cny=not re.search(r"[A-Za-z]{4,}", sent))
        date = None if ruled or roles_ruling else r.date      # (and the ruling's date is not the filing date)
        if date and i is not None and rx.approx.match(sent) and not tracker.dated(i):
            date = date[:4]     # 几乎同一时间，X起诉Y: only the year is sure, not the month of the sentence before
        # an aggregate is its own lawsuit: it neither lends nor borrows a court, date or claim
        key = (r.subject, r.object) if count == 1 else (r.subject, r.object, r.start)
        cands = by_pair.setdefault(key, [])
        for court in courts:
            ls = _case_of(cands, date, court, own, cause if rx.parallel_suit.search(sent) else None) \
                if len(courts) == 1 else \
                next((c for c, _ in cands if c.court == court and _compatible(c.date, date)), None)
            if ls is None:
                ls = Lawsuit(plaintiffs=[r.subject], defendants=[r.object], court=court, date=date,
                             cause=cause, claim_cny=claim_cny, claim_amount=claim_amt,
                             claim_currency=claim_cur, awarded_cny=awarded, outcome=_outcome(sent, lex),
                             evidence=r.evidence,
                             start=r.start, end=r.end, confidence=r.confidence, count=count,
                             rule="zh.lawsuit.from_sues:" + r.rule)
                cands.append((ls, own and court is not None))
                out.append(ls)
            else:
                ls.court = ls.court or court
                ls.cause = ls.cause or cause
                ls.date = ls.date or date
                if ls.claim_cny is None and claim_cny is not None:
                    ls.claim_cny = claim_cny
                if ls.awarded_cny is None and awarded is not None:
                    ls.awarded_cny = awarded
    # a parallel suit in another court (另行提起了三起同类诉讼) with no cause of its own has the pair's
    for ls in out:
        if ls.cause is None and rx.parallel_other.search(ls.evidence or ""):
            ls.cause = next((o.cause for o in out if o is not ls and o.cause and o.plaintiffs == ls.plaintiffs
                             and o.defendants == ls.defendants), None)
    out = _fold_vague(out)
    # merge suits with the same plaintiffs against several defendants in one sentence
    merged: list[Lawsuit] = []
    for ls in out:
        for o in merged:
            if o.start == ls.start and o.plaintiffs == ls.plaintiffs and o.date == ls.date and o.count == ls.count \
                    and o.court == ls.court:
                for d in ls.defendants:
                    if d not in o.defendants:
                        o.defendants.append(d)
                break
        else:
            merged.append(ls)
    return merged
