"""The parties a ruling names in its slots: `ruled_party_mentions` — an unknown name (中恒汇志, 白丹青,
轻松筹公司) where a ruling puts a party, in a sentence naming a court or tribunal.

    判决/判令/裁定/要求 (被告/被告人/被执行人) X、Y  立即|应|于|向|支付|偿还|赔偿|承担|停止|犯…   X, Y
    驳回 X 的 (全部|其他)?诉讼请求|上诉                                                X
    认定 X 犯…罪 / 判处 X 有期徒刑|死刑|无期徒刑 / ，X 犯…罪，判处                       X

Each slot is closed by the words that follow a party there (what it must do, or 犯 for the
accused), so the span between is the name, or a list of names (、和及).  A span must read as a
name (`deal_actors.name_ok` for a company-like span, rare dictionary words allowed; a person's
name is a surname and one or two more characters); a kind of party (公司, 被告, 各方), a
pronoun (其, 该公司), an amount or a date is none.  The reader adds only the names: the ruling
frames (`relations.py`) read the court's relation to them, as for any other name.  Word lists: the
modifiers.tsv kinds `_patterns` names (court_word, party_duty, paid_what, …).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg import nlp
from kg.extract.deal_actors import name_ok
from kg.extract.mentions import Mention
from kg.extract.name_spans import pattern_mention, tokens_from
from kg.lexicon import Lexicon

_NAME = r"[\u4e00-\u9fffA-Za-z0-9*()（）]{2,20}?"


class _Rx(NamedTuple):
    """The slots' patterns, their words modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    court: re.Pattern
    slots: tuple
    listed_kind: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The slots' patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    role = rf"(?:原审)?(?:{alt('payer_role')}|第[一二三四五]被告)?"
    listed = r"(?:" + _NAME + rf"(?:{alt('list_conj_no_yu')}))*" + _NAME
    # what a party must do, or has done, right after its name in a ruling
    duty = rf"(?={alt('party_duty')}|对[^，。；]{{1,20}}承担)"
    return _Rx(
        court=re.compile(alt("court_word")),
        slots=(
            re.compile(rf"(?<![在于自本起至])(?:{alt('slot_ruling_verb')})(?!{alt('slot_not_ruling_after')})"
                       + role + "(" + listed + ")" + duty),
            re.compile(r"驳回" + role + "(" + listed + rf")(?=的(?:{alt('dismissed_scope')})?(?:{alt('dismissed_claim')}))"),
            re.compile(rf"(?:{alt('criminal_ruling_verb')})" + role + "(" + listed + rf")(?={alt('criminal_after')})"),
            re.compile(r"(?:^|[，,；;])(" + _NAME + r")(?=犯[\u4e00-\u9fff、]{1,16}罪)"),
            # the party paid: 向X支付/偿还/归还, 赔偿/返还/支付 (原告) X 经济损失/货款/…
            re.compile(r"向" + role + "(" + _NAME + rf")(?={alt('paid_verb')})"),
            re.compile(rf"(?:{alt('payment_verb_before')})(?:原审)?(?:{alt('paid_role')}|第[一二三四五]被告)?(" + _NAME +
                       rf")(?={alt('paid_what')}|[0-9])"),
            # those bound together: X、Y (应)对…承担连带(清偿)责任
            re.compile(r"(?:^|[，,；;：:])" + role + "(" + listed + r")(?=(?:应当?|需|须)?对[^，。；;]{1,24}承担(?:连带|共同))"),
        ),
        listed_kind=re.compile(rf"等[两三四五六七八九十几多数]?家?(?:{alt('listed_kind_noun')})"),
    )


_PART = re.compile(r"(?:(?!以及)[^、和及])+")


@functools.lru_cache(maxsize=4)
def _not_party(lex_id: int, lex: Lexicon) -> tuple[frozenset, tuple]:
    """(modifiers.tsv ruled_not_party, ruled_money_end): read once per lexicon."""
    return frozenset(lex.words("ruled_not_party")), tuple(sorted(lex.words("ruled_money_end")))


def ruled_party_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """Unknown names in the party slots of a ruling in the sentence text[ss:se]."""
    sent = text[ss:se]
    rx = _patterns(id(lex), lex)
    if not rx.court.search(sent):
        return []
    out: list[Mention] = []
    for pat in rx.slots:
        for mt in pat.finditer(text, ss, se):
            for pm in _PART.finditer(text, mt.start(1), mt.end(1)):
                s, e = pm.span()
                k = text.find("等", s, e)
                if k - s >= 2 and rx.listed_kind.fullmatch(text, k, e) and \
                        not any(m.start < k and s < m.end for m in sm + out):
                    # 判决A、B、C等三家公司赔偿: the list ends before 等, its members are companies
                    out.append(Mention(s, k, text[s:k], "Company", text[s:k], "pattern"))
                    continue
                if e - s < 2 or any(m.start < e and s < m.end for m in sm + out):
                    continue
                m = _party(text, s, e, lex)
                if m is not None:
                    out.append(m)
    return out


def _party(text: str, s: int, e: int, lex: Lexicon) -> Mention | None:
    name = text[s:e]
    not_party, money = _not_party(id(lex), lex)
    if name in not_party or name in lex.generic or name.endswith(("某某", "等")) or re.search(r"[0-9]{2,}|年|月|日|生效", name):
        return None
    if name.endswith(money):
        return None       # 支付胡老太存款, 偿还贷款本息: what is paid, not who
    toks = tokens_from(text, s, e)
    if "".join(w for w, _ in toks) != name:
        toks = nlp.tagged(name)
    if toks and (toks[0][1] or "x") in ("b", "d", "r"):
        return None       # 所有到期…, 相关…: a determiner, not a name
    if 2 <= len(name) <= 3 and name[0] in lex.surnames and name.isalpha() and \
            not any((t or "x")[0] in "vpcurdmq" and not (t or "").startswith("nr") for _, t in toks[1:]):
        return Mention(s, e, name, "Person", name, "pattern")
    if len(name) >= 4 or name.endswith(("公司", "集团")):
        if name_ok(name, toks, lex, rare_ok=True) or (len(name) > 4 and name.endswith(("公司", "集团"))
                                                        and name_ok(name[:-2], nlp.tagged(name[:-2]), lex, rare_ok=True)):
            return pattern_mention(text, s, e, toks, lex)
    return None
