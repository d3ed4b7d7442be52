"""The stake a deal leaves its buyer with: `zh.stake.result` — (收购|交易)完成后，X (将)持有 Y N%股权.

    收购完成后，星河科技将持有蓝海电子100%股权              星河科技 acquires 蓝海电子
    通过本次收购，星河集团将直接持有蓝海电子51%的股权        星河集团 acquires 蓝海电子
    本次增资完成后，星河资本持有蓝海电子20%的股权            星河资本 invests in 蓝海电子

The deal is named right before (收购/并购/交易/增资/认购… 完成后, 通过本次收购); X is the party named
right after it (only a pause between), Y the company named right after the holding verb (持有/拥有,
after adverbs: 将, 直接, 合计, 最终), and a stake follows Y (N%, 全部).  A purchase (收购, 购买, 受让,
并购, 要约) makes `acquires`; new capital (增资, 认购, 入股, 参股) makes `invests` unless the stake is
a majority; a bare 交易 or 重组 takes the kind of the deal the sentence names before it (none named:
`acquires`, as a restructuring's stake is bought).
Not read: a stake held before the deal (持股比例保持不变, 仍持有), a holder named by a pronoun
(公司, 其: no name), X and Y one party.  Word lists: the modifiers.tsv kinds `_patterns` names
(deal_buy_word, deal_capital_word, holds_adverb, still_word, …).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg import nlp
from kg.extract.deal_actors import name_ok
from kg.extract.mentions import Mention
from kg.extract.name_spans import pattern_mention
from kg.lexicon import Lexicon

_NAME_GAP = 14      # the longest name the frame finds itself (X before the holding verb, Y before the stake)


class _Rx(NamedTuple):
    """Patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    opener: re.Pattern
    holds: re.Pattern
    stake: re.Pattern
    still: re.Pattern
    deal_word: re.Pattern
    capital: re.Pattern
    other: frozenset


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    buy, capital = alt("deal_buy_word"), alt("deal_capital_word")
    return _Rx(
        opener=re.compile(rf"(?:(?P<deal>{buy}|{capital}|{alt('deal_other_word')})[^，,。；;]{{0,8}}?"
                          rf"(?:{alt('deal_done_word')})(?:{alt('deal_after_word')})"
                          rf"|通过(?:{alt('this_deal_ref')})?(?P<deal2>{buy}|{capital}|交易|重组))"
                          r"[，,]?\s*"),
        holds=re.compile(rf"\s*(?:{alt('holds_lead')})?(?:{alt('holds_adverb')})?(?:持有|拥有)(?:了)?\s*"),
        stake=re.compile(rf"\s*(?:{alt('result_stake_about')})?(\d+(?:\.\d+)?)\s*[%％](?:的)?(?:{alt('result_stake_noun')})"
                         r"|\s*(?:其)?全部(?:的)?(?:股权|股份)"),
        still=re.compile(alt("still_word")),
        deal_word=re.compile(f"{buy}|{capital}"),
        capital=re.compile(capital),
        other=frozenset(lex.words("deal_other_word")),
    )
_PARTY = ("Company", "Person", "Organization")


def result_relations(text: str, ss: int, se: int, mentions: list[Mention], lex: Lexicon) -> list:
    """`acquires`/`invests` facts of the sentence text[ss:se] told as the stake a finished deal leaves,
    as (subject, object, type, start, end, trigger, rule)."""
    if "持有" not in text[ss:se] and "拥有" not in text[ss:se]:
        return []
    named = [m for m in mentions if m.source != "coref"]
    out = []
    rx = _patterns(id(lex), lex)
    for mo in rx.opener.finditer(text, ss, se):
        x = next((m for m in named if m.start == mo.end() and m.type in _PARTY), None)
        if x is None:
            continue
        mh = rx.holds.match(text, x.end)
        if not mh or mh.end() == x.end or rx.still.search(text, x.end, mh.end()):
            continue
        y = next((m for m in named if m.start == mh.end() and m.type == "Company"), None)
        if y is None or y.name == x.name:
            continue
        ms = rx.stake.match(text, y.end)
        if not ms:
            continue
        kind = _kind(mo.group("deal") or mo.group("deal2"), text[ss:mo.start()], ms.group(1), rx)
        out.append((x.name, y.name, kind, mo.start(), mh.end(), mo.group(0).strip("，, "), "zh.stake.result"))
    return out


def _kind(deal: str, before: str, stake: str | None, rx: _Rx) -> str:
    """acquires for a purchase, invests for new capital short of a majority; a bare 交易/重组 takes the
    kind of the last deal word before it."""
    if deal in rx.other:
        words = rx.deal_word.findall(before)
        deal = words[-1] if words else "收购"
    if rx.capital.fullmatch(deal):
        return "acquires" if stake is not None and float(stake) > 50 else "invests"
    return "acquires"


def result_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """Names the frame finds in its slots that no earlier reader found: X between the finished deal
    and the holding verb (收购完成后，绿地控股将持有…), Y between the verb and the stake."""
    if "持有" not in text[ss:se] and "拥有" not in text[ss:se]:
        return []
    out: list[Mention] = []

    def taken(a: int, b: int) -> bool:
        return any(m.start < b and a < m.end for m in sm + out)

    rx = _patterns(id(lex), lex)
    for mo in rx.opener.finditer(text, ss, se):
        a = mo.end()
        x = next((m for m in sm + out if m.start == a), None)
        if x is None:
            mh = rx.holds.search(text, a, min(se, a + _NAME_GAP + 8))
            if not mh or not _fresh_name(text, a, mh.start(), lex) or taken(a, mh.start()):
                continue
            x = pattern_mention(text, a, mh.start(), nlp.tagged(text[a:mh.start()]), lex)
            out.append(x)
        mh = rx.holds.match(text, x.end)
        if not mh or mh.end() == x.end:
            continue
        b = mh.end()
        if any(m.start == b for m in sm + out):
            continue
        st = rx.stake.search(text, b, min(se, b + _NAME_GAP + 12))
        if st and _fresh_name(text, b, st.start(), lex) and not taken(b, st.start()):
            y = pattern_mention(text, b, st.start(), nlp.tagged(text[b:st.start()]), lex)
            out.append(Mention(y.start, y.end, y.name, "Company", y.surface, "pattern"))
    return out


def _fresh_name(text: str, a: int, b: int, lex: Lexicon) -> bool:
    name = text[a:b]
    return 2 <= len(name) <= _NAME_GAP and not _patterns(id(lex), lex).still.search(name) and not re.search(r"[，,。；;：:、（）()“”\s]", name) \
        and name not in ("公司", "本公司", "该公司", "上市公司", "其", "公司将") and name_ok(name, nlp.tagged(name), lex)
