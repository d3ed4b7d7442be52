"""Defendants a suit's sentence names outside the suit verb's own frame.

`zh.sues.claim_list` — a filing sentence whose claims name more defendants than the frame that read the
suit (it reads the first one only):

    X向法院提起诉讼，请求法院判令被告A偿还借款，判令被告B承担连带责任          X sues A, B
    X的诉讼请求还包括判令被告A、B、C对…承担连带责任                        X sues A, B, C
    X起诉A，要求判令A、B及C共同赔偿损失                                    X sues A, B, C

The claims open with a request word and 判令 (请求法院判令, 要求判令; modifiers.tsv kinds claim_request,
court_address) or with the claims named as a noun (诉讼请求, kind claim_noun).  After that opening, every
判令 and every defendant's role word (被告, 第二被告, 被告一; kind claim_defendant_role) names a defendant
right after it, and the names listed with it (A、B和C, kind list_conj, each maybe with its own role word).
The plaintiff is the one the sentence's suits already read sue (their subject), the party named right
before the claims noun (X的诉讼请求), or the party named right before the request (X请求法院判令Y…).  Not read: a party the claims name as 原告 (the plaintiff's own role:
判令原告X对…享有优先受偿权), a court, a coreference word, the plaintiff itself; a sentence with no claims
opening; a suit told as a reference to an earlier case (its sentence tells a later stage).

`zh.sues.matter_named` — a filing whose matter, marked by 就 or 针对, opens with the accused (modifiers.tsv
kinds matter_prep, accused_act):

    X向广州知识产权法院就Y涉嫌滥用市场支配地位等事宜提起诉讼                 X sues Y
    针对Y和Z的不正当竞争行为，X已向法院提起诉讼                            X sues Y, Z

Y is the name right after the marker, with the names listed with it, then an accused act (涉嫌, 侵犯, …),
or after 针对 (kind matter_prep_of) 的 (针对Y的…行为; 就Y的股权纠纷 names no accused); the filing (提起…诉讼, 起诉, 诉至; kinds suit_filing, filing_near) follows in the same
sentence part; X is the subject of the filing's clause (or of the clause before it).  Read only when no
suit of the sentence already names a defendant.

`zh.sues.against_marked` — a filing whose defendants 对 marks, named with their roles or listed:

    X已经对大股东A及实控人B、前高管C等发起诉讼                               X sues A, B, C
    X对Y的控股股东Z提起了代位权诉讼                                        X sues Z
    该院依法以…罪对犯罪嫌疑人Z提起了公诉                                      the procuratorate sues Z

The names between 对 and the filing (提起/发起/提出…诉讼; kind against_filing_verb) are the defendants,
but not a name followed by 的 or a class noun (it qualifies the next noun: 对Android手机厂商提起诉讼) or by an
employee's role (Y总经理Z: Z is sued);
X is the subject of the clause before 对 (not a name 对 or 向 marks there).  Each pair not read already by
the frames is added; a suit the frames read from inside the filing whose plaintiff is the name right
after 对 (or one 对/向 marks in the clause before) is dropped.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.extract.lawsuit_frames import _clause_subject
from kg.extract.lawsuit_frames import _patterns as _frame_patterns
from kg.extract.relations import Cand
from kg.lexicon import Lexicon

RULE = "zh.sues.claim_list"
_PARTY = ("Company", "Person", "Organization", "Regulator")
_STOP = re.compile(r"[。；;！？!?]")


class _Rx(NamedTuple):
    """The patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    opening: re.Pattern
    marker: re.Pattern
    role: re.Pattern
    own_claims: re.Pattern
    plaintiff_role: re.Pattern
    listed: frozenset
    matter: re.Pattern
    accused: re.Pattern
    of: re.Pattern
    filing: re.Pattern
    against: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    alt = lex.alternation
    role = rf"(?:原审)?(?:第[一二三四五六七八九十]+)?(?:{alt('claim_defendant_role')})(?:[一二三四五六七八九十]+)?"
    return _Rx(
        # 请求法院判令, 要求依法判令; 诉讼请求
        opening=re.compile(rf"(?:{alt('claim_request')})(?:{alt('court_address')})?(?:依法)?判令|"
                           rf"(?:{alt('claim_noun')})"),
        # what names a defendant right after it: 判令 (被告), or the role word alone
        marker=re.compile(rf"判令(?:{role})?|{role}"),
        role=re.compile(rf"^(?:{role})"),
        own_claims=re.compile(rf"的?(?:{alt('claim_noun')})"),
        plaintiff_role=re.compile(rf"(?:{alt('payee_role')})$"),
        listed=frozenset(lex.words("list_conj")),
        matter=re.compile(alt("matter_prep")),
        accused=re.compile(alt("accused_act")),
        of=re.compile(alt("matter_prep_of")),
        filing=re.compile(rf"提起[^，。；;,]{{0,12}}?诉讼|{alt('suit_filing', 'filing_near')}"),
        against=re.compile(rf"对(?P<objs>[^，。；;,：:]{{1,60}}?)(?:等(?:人|公司|方)?)?(?:{alt('against_filing_verb')})"
                           r"(?:了)?[^，。；;,]{0,6}?(?:诉讼|公诉)"),
    )


def claim_list_suits(text: str, ss: int, se: int, sm: list, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """The sentence's candidates, with a suit added from the plaintiff to each further defendant its
    claims name (see the module doc)."""
    sent = text[ss:se]
    if "判令" not in sent and "被告" not in sent:
        return cands
    rx = _patterns(id(lex), lex)
    mo = rx.opening.search(text, ss, se)
    if mo is None:
        return cands
    named = [m for m in sm if m.source != "coref" and m.type in _PARTY]
    suits = [c for c in cands if c.type == "sues" and ss <= c.start < se and not c.negated and not c.reference]
    plaintiffs = list(dict.fromkeys(c.subject for c in suits if c.start <= mo.start() or c.rule == "zh.sues.demand"))
    if not plaintiffs:
        owner = next((m for m in named if rx.own_claims.match(text, m.end) and m.end <= mo.start()
                      and mo.start() - m.end <= 2), None)
        plaintiffs = [owner.name] if owner is not None else []
    if not plaintiffs and "判令" in mo.group(0):
        # X请求法院判令Y…: the one asking the court is the plaintiff (the name right before the request)
        asker = next((m for m in named if m.end == mo.start() and m.type != "Court"), None)
        plaintiffs = [asker.name] if asker is not None else []
    if not plaintiffs:
        return cands
    have = {(c.subject, c.object) for c in cands if c.type == "sues"}
    out = list(cands)
    for d, at in _defendants(text, mo.start(), se, named, rx):
        for p in plaintiffs:
            if d.name == p or (p, d.name) in have:
                continue
            have.add((p, d.name))
            out.append(Cand(p, d.name, "sues", at, at + 2, 0.75, False, "判令", rule=RULE))
    return out


def _defendants(text: str, lo: int, se: int, named: list, rx: _Rx) -> list:
    """(defendant, where its marker is) for every name a marker after `lo` opens, with its list."""
    by_start = {m.start: m for m in named}
    out, seen = [], set()
    for mk in rx.marker.finditer(text, lo, se):
        if _STOP.search(text, lo, mk.start()):
            break
        m = by_start.get(mk.end())
        while m is not None:
            if m.type != "Court" and not rx.plaintiff_role.search(text, max(lo, m.start - 3), m.start) \
                    and id(m) not in seen:
                seen.add(id(m))
                out.append((m, mk.start()))
            m = _next_listed(text, m, by_start, rx)
    return out


def _next_listed(text: str, m, by_start: dict, rx: _Rx):
    """The name listed right after `m` (、B, 和B, 及被告B), if any."""
    for w in sorted(rx.listed, key=len, reverse=True):
        if text.startswith(w, m.end):
            q = m.end + len(w)
            r = rx.role.match(text[q:q + 8])
            q += r.end() if r else 0
            return by_start.get(q)
    return None


def matter_suits(text: str, ss: int, se: int, sm: list, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """The sentence's candidates, with the suit whose matter (就Y涉嫌…, 针对Y的…行为) names the accused
    added when no suit of the sentence names a defendant (see the module doc)."""
    if any(c.type == "sues" and ss <= c.start < se and not c.negated for c in cands):
        return cands
    rx = _patterns(id(lex), lex)
    named = [m for m in sm if m.source != "coref" and m.type in _PARTY + ("Product",)]
    by_start = {m.start: m for m in named}
    for mk in rx.matter.finditer(text, ss, se):
        m = by_start.get(mk.end())
        accused = []
        while m is not None and m.type != "Court":
            accused.append(m)
            m = _next_listed(text, m, by_start, rx)
        if not accused or not (rx.accused.match(text, accused[-1].end) or (
                rx.of.fullmatch(mk.group(0)) and text.startswith("的", accused[-1].end))):
            continue
        stop = _STOP.search(text, accused[-1].end, se)
        mf = rx.filing.search(text, accused[-1].end, stop.start() if stop else se)
        if mf is None:
            continue
        names = {m.name for m in accused}
        subj = [m for m in _clause_subject(text, ss, mf.start(), sm, lex)
                if m.name not in names and m.type != "Court" and m.end <= mf.start()]
        if not subj:
            continue
        return cands + [Cand(a.name, b.name, "sues", mf.start(), mf.end(), 0.75, False, mf.group(0)[-4:],
                             rule="zh.sues.matter_named") for a in subj for b in accused]
    return cands


def against_suits(text: str, ss: int, se: int, sm: list, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """The sentence's candidates, with the suits against the names 对 marks before the filing added
    (see the module doc)."""
    if "对" not in text[ss:se] or not ("诉讼" in text[ss:se] or "公诉" in text[ss:se]):
        return cands
    rx, frx = _patterns(id(lex), lex), _frame_patterns(id(lex), lex)
    named = [m for m in sm if m.source != "coref" and m.type in _PARTY + ("Product",)]
    # 对Android手机厂商提起诉讼: a name before a class noun only modifies it (modifiers.tsv kind classhead)
    heads = _class_heads(id(lex), lex)
    named = [m for m in named if not (heads and text.startswith(heads, m.end))]
    have = {(c.subject, c.object) for c in cands if c.type == "sues"}
    out = list(cands)
    for mt in rx.against.finditer(text, ss, se):
        lo, hi = mt.start("objs"), mt.end("objs")
        objs = [m for m in named if lo <= m.start and m.end <= hi and m.type != "Court"
                and not text.startswith("的", m.end) and not _employer(text, m, frx, rx.listed)]
        if not objs:
            continue
        names = {m.name for m in objs}
        # (高通开始对苹果反击，在美国对Y提起诉讼: a name 对 or 向 marks in the clause before is no plaintiff)
        before = [m for m in _clause_subject(text, ss, mt.start(), sm, lex)
                  if m.name not in names and m.type != "Court"]
        marked = {m.name for m in before if text[max(ss, m.start - 2):m.start].endswith(_object_marks(id(lex), lex))}
        subj = [m for m in before if m.name not in marked]
        # a suit the frames read from inside this filing whose plaintiff is the name right after 对, or a
        # name 对/向 marks in the clause before, is dropped (对A等四家B的供应商提起诉讼: not A sues B;
        # 开始对B反击，在美国对A提起诉讼: not B sues A); a name deeper in the span may start a clause of its own)
        first = objs[0].name if objs[0].start == lo else None
        out = [c for c in out if not (c.type == "sues" and mt.start() <= c.start < mt.end() and (
            c.subject == first or (subj and c.subject in marked)))]
        for a in subj:
            for b in objs:
                if (a.name, b.name) in have:
                    continue
                have.add((a.name, b.name))
                out.append(Cand(a.name, b.name, "sues", mt.end() - 2, mt.end(), 0.8, False, "诉讼",
                                rule="zh.sues.against_marked"))
    return out


@functools.lru_cache(maxsize=4)
def _class_heads(lex_id: int, lex: Lexicon) -> tuple:
    return tuple(sorted(lex.words("classhead"), key=len, reverse=True))


def _employer(text: str, m, frx, listed: frozenset) -> bool:
    """The name is a person's employer: an employee's role follows it in the same list item (Y总经理Z),
    not after a list mark (A、前高管B: A is listed, B's role is B's; modifiers.tsv kind list_conj)."""
    r = frx.role_after.match(text, m.end)
    return r is not None and not any(w in r.group(0) for w in listed)


@functools.lru_cache(maxsize=4)
def _object_marks(lex_id: int, lex: Lexicon) -> tuple:
    """The object markers (modifiers.tsv kind object: 对, 向, 将, 把, 针对) as one tuple for str.endswith."""
    return tuple(sorted(lex.words("object"), key=len, reverse=True))
