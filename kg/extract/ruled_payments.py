"""A suit read from what a ruling makes one party pay another: `zh.sues.ruled_payment` — the party a
court orders to pay is the defendant, the one it is paid to the plaintiff.

    (法院)判决/判令/改判/裁定 (被告) X (…) 向 (原告) Y 支付|赔偿|偿还|返还…     Y sues X
    (法院)判决/判令 (被告) X (…，并) 赔偿|支付|偿还 (原告) Y (经济损失|货款|…)   Y sues X
    X 被(法院)判(决|令) 向 Y 支付 / 赔偿 Y …                                 Y sues X

X is the party named right after the ruling verb (only a role word between: 被告, 被上诉人; or a
comma: 依法判决，被告X赔偿Y), or the
one 被…判 follows; Y the party 向 marks before the paying verb, or the party right after it (a list:
A、B和C, each a plaintiff).  Between X and the paying verb no other party is named (but Y after 向)
and no sentence part ends (。；).  Not read: 判处 (a criminal sentence: the victims a convict
compensates are no plaintiffs of his case), a payment the sentence does not tie to a ruling (协议约定
X向Y支付), a payer or payee that is a court, X and Y one party.

Word lists: `ontology/lexicon/modifiers.tsv` kinds ruled_payment, ruling_verb, not_ruling_after,
passive_ruling_verb, payer_role, payee_role, owed_word, marked_payee_role, list_conj.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.extract.mentions import Mention
from kg.lexicon import Lexicon

_PARTY = ("Company", "Person", "Organization", "Regulator")
_STOP = re.compile(r"[。；;！？!?]")


class _Rx(NamedTuple):
    """The reading's patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    pay: re.Pattern | None
    ruling: re.Pattern
    passive_ruling: re.Pattern
    role: re.Pattern
    payee_role: re.Pattern
    marked_payee: re.Pattern
    listed: frozenset


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The paying verbs (modifiers.tsv kind ruled_payment: 支付, 赔偿, …) as one pattern, and the other
    patterns of the reading, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    words = sorted(lex.words("ruled_payment"), key=len, reverse=True)
    return _Rx(
        pay=re.compile("|".join(map(re.escape, words))) if words else None,
        # the ruling verb; not 判处 (a criminal sentence), 判决书/裁定书 (the document), 判决后 (a time)
        ruling=re.compile(rf"(?:{alt('ruling_verb')})(?!{alt('not_ruling_after')})"),
        passive_ruling=re.compile(rf"被(?:[^，。；;,]{{0,12}}?)(?:{alt('passive_ruling_verb')})(?!处|书)"),
        role=re.compile(rf"[，,:：]?(?:原审)?(?:{alt('payer_role')}|第[一二三四五]被告)?(?:[一二三四五])?"),
        payee_role=re.compile(rf"(?:给)?(?:{alt('payee_role')})?(?:{alt('owed_word')})?"),
        marked_payee=re.compile(rf"向(?:{alt('marked_payee_role')})?$"),
        listed=frozenset(lex.words("list_conj")),
    )


def ruled_payment_relations(text: str, ss: int, se: int, mentions: list[Mention], lex: Lexicon) -> list:
    """`sues` facts of the sentence text[ss:se] told as a ruling that X pay Y, as (subject, object,
    type, start, end, trigger, rule)."""
    rx = _patterns(id(lex), lex)
    pay = rx.pay
    if pay is None or not pay.search(text, ss, se) or "判" not in text[ss:se] and "裁定" not in text[ss:se]:
        return []
    named = [m for m in mentions if m.source != "coref" and m.type in _PARTY]
    if len(named) < 2:
        return []
    # a product or a court between the payer and the verb (停止传播《梦幻西游》…，并赔偿) is no party
    out = []
    for payer in _payers(text, ss, se, named, rx):
        got = _payment(text, se, payer, named, rx)
        if got is None:
            continue
        verb, payees = got
        for y in payees:
            if y.name != payer.name:
                out.append((y.name, payer.name, "sues", verb.start(), verb.end(), verb.group(0),
                            "zh.sues.ruled_payment"))
    return out


def _payers(text: str, ss: int, se: int, named: list[Mention], rx: _Rx) -> list[Mention]:
    """The parties a ruling of the sentence orders to act: named right after the ruling verb, or
    before 被…判."""
    out = []
    for mr in rx.ruling.finditer(text, ss, se):
        if text[mr.start() - 1:mr.start()] == "被":
            continue
        x = next((m for m in named if m.start >= mr.end()), None)
        if x is not None and rx.role.fullmatch(text, mr.end(), x.start):
            out.append(x)
    for mp in rx.passive_ruling.finditer(text, ss, se):
        x = next((m for m in reversed(named) if m.end == mp.start()), None)
        if x is not None:
            out.append(x)
    return out


def _payment(text: str, se: int, payer: Mention, named: list[Mention], rx: _Rx):
    """(the paying verb's match, its payees) of the clause chain after `payer`, or None."""
    mv = rx.pay.search(text, payer.end, min(se, payer.end + 40))
    if mv is None or _STOP.search(text, payer.end, mv.start()):
        return None
    between = [m for m in named if payer.end <= m.start and m.end <= mv.start()]
    payee = None
    if between:
        # only the payee 向 marks may stand between the payer and the verb: 向(原告)Y支付
        if len(between) != 1:
            return None
        y = between[0]
        pre = text[payer.end:y.start]
        if not rx.marked_payee.search(pre) or not re.fullmatch(r"[^，,]{0,6}", text[y.end:mv.start()]):
            return None
        payee = [y]
    else:
        mp = rx.payee_role.match(text, mv.end())
        y = next((m for m in named if m.start == mp.end()), None)
        if y is None:
            return None
        payee = [y]
        for m in named:
            if m.start > payee[-1].end and text[payee[-1].end:m.start] in rx.listed:
                payee.append(m)
    if any(y.name == payer.name for y in payee):
        return None
    return mv, payee
