"""Unknown names found by where they stand in a sentence that has a trigger: the trigger's argument
slots (收购斯科尔, 重庆薪环起诉重庆蓝光), the clause subjects (华润双鹤发布…), a funding round's
investors and the company that raised it, and the holder of a stake (收购A所持B 49%股权 -> B).

These run per sentence, after the whole-text discovery, because they need the sentence's triggers.
Word lists: the modifiers.tsv kinds `_patterns`, `_price` and `_lists` name (round_lead, investor_role, price_noun, …).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg import nlp
from kg.extract.dates import DATE_FIRST, find_dates
from kg.extract.triggers import find_triggers
from kg.extract.mentions import CJK, PUNCT, Mention
from kg.extract.name_spans import (
    guess_type,
    name_after,
    name_before,
    name_like,
    plausible_name,
    stake_at,
    stop_words,
    tokens_from,
)
from kg.lexicon import Lexicon

class _Rx(NamedTuple):
    """Patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    people_list_end: re.Pattern
    round_after: re.Pattern
    investor_role: re.Pattern
    raise_: re.Pattern
    list_split: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    return _Rx(
        # the rest of a list of people closed by a head count: 、何建廷、王永铭三人 / 等人 / 两名工程师
        people_list_end=re.compile(rf"(?:(?:{alt('list_conj')})[\u4e00-\u9fff]{{2,4}}?)*"
                                   rf"(?:等|[二两三四五六七八九十0-9]+)(?:人|名(?:{alt('counted_person_noun')}))"),
        round_after=re.compile(rf"([\u4e00-\u9fffA-Za-z]{{2,8}}?)(?:的)?(?:[0-9.]+\s*(?:{alt('money_unit')})?"
                               rf"(?:{alt('round_currency')})?|[A-Za-z]\+?轮|{alt('round_name')})[^，。；]{{0,6}}?融资"),
        investor_role=re.compile(rf"(?:{alt('investor_role')})(?:{alt('investor_copula')})[：:]?"),
        raise_=re.compile(rf"(?:{alt('round_lead')}|于[^，。；,;]{{1,10}}?)*(?:{alt('round_verb')})[^，。；,;]{{0,16}}?融资"),
        list_split=re.compile(rf"(?<=.)(?:{alt('round_list_split')})"),
    )


class _Price(NamedTuple):
    """The price before a buying verb and the slot's adverbs, modifiers.tsv kinds (built once per lexicon)."""
    before: re.Pattern
    last: re.Pattern
    adverbs: tuple


# the digits of an amount (a character class: structure, not words)
_DIGITS = "0-9０-９.,，一二三四五六七八九十百千万亿两"


@functools.lru_cache(maxsize=4)
def _price(lex_id: int, lex: Lexicon) -> _Price:
    alt = lex.alternation
    unit, cur = alt("amount_unit"), alt("price_currency")
    before = re.compile(
        # a price or a manner written before a buying verb: 以15亿元的对价, 作价15亿元, 耗资5000万, 以现金,
        # 通过发行股份的方式, 以自有资金, a bare amount (3.38亿人民币); 作价不超X亿元, 以X亿元的现金对价,
        # 以现金X亿元等值欧元
        rf"(?:{alt('price_before_verb')})\s*(?:{alt('price_fund')})?(?:{alt('price_limit')})?"
        rf"(?:{alt('price_about')})?\s*"
        rf"[{_DIGITS}]+\s*(?:多|余)?(?:{unit})?"
        rf"(?:{cur}|人民币)?(?:等值(?:{alt('price_equiv_currency')}))?(?:/股)?(?:的)?"
        rf"(?:{alt('price_paid_in')})?(?:{alt('price_noun')})?"
        rf"|(?:{alt('price_manner_prep')})[^，。；,;]{{0,16}}?(?:{alt('price_manner_noun')})(?:的)?"
        rf"|(?:以|作价)[^，。；,;]{{0,10}}?的(?:{alt('price_of_noun')})"
        # a bare amount: 被齐心集团3.38亿人民币收购
        rf"|(?:人民币)?[0-9０-９.]+\s*(?:多|余)?(?:{unit})\s*(?:{cur})?(?:人民币)?")
    # every character a match can end with (its digits, units, currencies and price words): no match ends
    # at a position after any other character, so no search is needed there
    ends = {w[-1] for k in ("amount_unit", "price_currency", "price_equiv_currency", "price_paid_in", "price_noun",
                            "price_manner_noun", "price_of_noun") for w in lex.words(k)} | set("多余币股的")
    last = re.compile("[" + _DIGITS + "".join(map(re.escape, sorted(ends))) + r"]|\s")
    return _Price(before, last, tuple(sorted(lex.words("slot_adverb"), key=lambda w: (-len(w), w))))


class _Lists(NamedTuple):
    """The other word lists of this module, modifiers.tsv kinds (read once per lexicon by `_lists`)."""
    object_lead: tuple      # slot_object_lead
    object_verbs: frozenset     # slot_object_verb
    share_words: tuple      # slot_share_word, longest first
    rival_copula: tuple     # rival_copula, longest first
    rival_stop: tuple       # rival_item_stop
    list_words: tuple       # list_conj
    list_split: re.Pattern  # list_conj, kept by the split
    party_role: re.Pattern  # party_role_copula
    category_heads: tuple   # round_category_head
    not_round_name: re.Pattern  # round_not_name_word
    stake_lead: re.Pattern  # stake_about_lead, stake_amount_word
    stake_delims: tuple     # stake_name_delim
    not_holder: frozenset   # stake_not_holder
    own_company: frozenset  # own_company_ref
    lead_skip: tuple        # clause_lead_skip, longest first
    subj_next: tuple        # subject_next_word
    purpose: tuple          # slot_purpose
    fund_end: tuple         # slot_fund_end


@functools.lru_cache(maxsize=4)
def _lists(lex_id: int, lex: Lexicon) -> _Lists:
    alt = lex.alternation
    return _Lists(
        object_lead=tuple(sorted(lex.words("slot_object_lead"), key=lambda w: (-len(w), w))),
        object_verbs=frozenset(lex.words("slot_object_verb")),
        share_words=tuple(sorted(lex.words("slot_share_word"), key=lambda w: (-len(w), w))),
        rival_copula=tuple(sorted(lex.words("rival_copula"), key=lambda w: (-len(w), w))),
        rival_stop=tuple(sorted(lex.words("rival_item_stop"))),
        list_words=tuple(sorted(lex.words("list_conj"), key=lambda w: (-len(w), w))),
        list_split=re.compile(f"({alt('list_conj')})"),
        party_role=re.compile(rf"(?:原告|被告)(?:人|方)?(?:{alt('party_role_copula')})"),
        category_heads=tuple(sorted(lex.words("round_category_head"))),
        not_round_name=re.compile(rf"[0-9]|{alt('round_not_name_word')}"),
        stake_lead=re.compile(rf"(?:[(（][^()（）]{{0,24}}[)）])?\s*(?:{alt('stake_about_lead')})?"
                              rf"(?:\d|{alt('stake_amount_word')})"),
        stake_delims=tuple(sorted(lex.words("stake_name_delim"))),
        not_holder=frozenset(lex.words("stake_not_holder")),
        own_company=frozenset(lex.words("own_company_ref")),
        lead_skip=tuple(sorted(lex.words("clause_lead_skip"), key=lambda w: (-len(w), w))),
        subj_next=tuple(sorted(lex.words("subject_next_word"))),
        purpose=tuple(sorted(lex.words("slot_purpose"))),
        fund_end=tuple(sorted(lex.words("slot_fund_end"))),
    )


def price_before(lex: Lexicon) -> re.Pattern:
    """A price or a manner of paying written before a buying verb (以15亿元的对价, 通过发行股份的方式)."""
    return _price(id(lex), lex).before


_SLOT_RELATIONS = {"sues", "acquires", "invests", "fines", "rules"}


def argument_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """Unknown names in a trigger's argument slots (收购斯科尔, 重庆薪环起诉重庆蓝光)."""
    out: list[Mention] = []
    if "原告" in text[ss:se] or "被告" in text[ss:se]:
        out.extend(party_mentions(text, ss, se, sm, lex))
    if "融资" in text[ss:se] and _patterns(id(lex), lex).investor_role.search(text, ss, se):
        out.extend(_investor_role_mentions(text, ss, se, list(sm) + out, lex))
    hits = find_triggers(text, lex, ss, se)
    if not hits:
        return out
    taken = list(sm) + out
    if any(t.relation in _SLOT_RELATIONS for _, _, ts_ in hits for t in ts_):
        subj = subject_mentions(text, ss, se, taken, lex)
        out.extend(subj)
        taken.extend(subj)
    for ts, te, trigs in hits:
        for m in _trigger_slot_mentions(text, ss, se, ts, te, trigs, taken, lex):
            out.append(m)
            taken.append(m)
    return out


def _investor_role_mentions(text: str, ss: int, se: int, taken: list[Mention], lex: Lexicon) -> list[Mention]:
    """…完成1000万元首轮融资，投资方为众海投资: the investors listed after their role, and the
    company that raised the round."""
    out: list[Mention] = []
    for mr in _patterns(id(lex), lex).investor_role.finditer(text, ss, se):
        for a, b in _list_items(text, mr.end(), se, lex):
            seg = text[a:b]
            if _plain_name(seg, lex) and not any(m.start < b and a < m.end for m in taken + out):
                out.append(Mention(a, b, seg, "Company", seg, "pattern"))
    out.extend(round_mentions(text, ss, _patterns(id(lex), lex).investor_role.search(text, ss, se).start(), taken + out, lex))
    return out


def _trigger_slot_mentions(text, ss, se, ts, te, trigs, taken, lex):
    """The names one trigger's slots hold, yielded one by one (each is `taken` before the next is
    looked for)."""
    rels = {t.relation for t in trigs}
    if any(t.lang == "en" for t in trigs):
        return
    if any(m.start <= ts and te <= m.end and m.end - m.start > te - ts for m in taken):
        return    # a trigger inside a known name (美国联邦调查局) opens no slot
    if "competes" in rels and not rels & _SLOT_RELATIONS:
        # 竞争对手是A和B, A、B等竞品: the rivals listed after the noun (after 是/为/包括) or before
        # it (before 等)
        yield from _rival_mentions(text, ss, se, ts, te, taken, lex)
        return
    if not rels & _SLOT_RELATIONS:
        return
    m = _left_slot(text, ss, ts, te, rels, taken, lex)
    if m:
        yield m
    q = _right_slot_start(text, te, lex)
    m = _right_slot(text, q, se, ts, rels, trigs, taken, lex)
    if m:
        yield m
    # a funding round's investors (由A领投，B、C和D跟投): the names between the clause opening
    # (由, a pause) and the verb, split at list words; the company that raised the round is the
    # name before 完成/获得…融资
    if any("round" in t.flags for t in trigs):
        yield from round_mentions(text, ss, ts, taken, lex)
    # a stake in the object clause (收购A所持B 49%股权, 购买X100%股权及Y70%股权): the name right
    # before the stake is the company whose shares change hands
    if rels & {"acquires", "invests"}:
        yield from stake_mentions(text, te, se, taken, lex)
    # an enumeration in the object slot (收购微梦传媒、耐特康赛、广州科韵): every member is a name
    if rels & {"sues", "acquires", "invests"}:
        yield from _enumeration_mentions(text, q, taken, lex)


def _left_slot_end(text: str, ss: int, ts: int, lex: Lexicon) -> int:
    """Where the left slot's name ends: skip adverbs, a price and a manner between the name and the
    trigger (拟以15亿元的对价收购, 耗资5000万收购, 通过发行股份的方式收购)."""
    price = _price(id(lex), lex)
    p = ts
    changed = True
    while changed:
        changed = False
        for a in (price.adverbs if text.endswith(price.adverbs, ss, p) else ()):   # (one C test first)
            if text.startswith(a, p - len(a)) and p - len(a) >= ss:
                p -= len(a)
                changed = True
                break
        mp = price.before.search(text, ss, p) if p > ss and price.last.match(text, p - 1) else None
        if mp and mp.end() == p and mp.start() < p:
            p = mp.start()
            changed = True
    return p


def _left_slot(text, ss, ts, te, rels, taken, lex) -> Mention | None:
    if text.endswith(_lists(id(lex), lex).purpose, ss, ts):
        return None     # 募资中500亿用于收购: money put to the deal, no buyer
    p = _left_slot_end(text, ss, ts, lex)
    if any(m.end == p or (m.end <= p and p - m.end <= 1) for m in taken) or p <= ss:
        return None
    floor = max([m.end for m in taken if m.end <= p] + [ss])
    res = name_before(text, p, lex, floor=floor)
    if res is None and rels & {"acquires", "invests", "sues"}:
        # 2015年多氟多花费1.5亿元收购…, 彩生活以3亿元并购…: a name of common words is still the
        # subject when it fills the clause from its opening (after a date and lead words) to the verb
        res2 = name_before(text, p, lex, floor=floor, need_proper=False, max_len=8)
        if res2 and res2[0] == _clause_opening(text, res2[0], ss, lex) and 2 <= p - res2[0] <= 6 and \
                all((t or "n")[:1] in "nmjlix" or t == "vn" for _, t in res2[1]) \
                and not any(re.search(r"[0-9０-９]", w) for w, _ in res2[1]) \
                and not (p == ts and text[ts:te] in lex.name_words):   # 名流|投资: the verb ends the name
            res = res2
    if not res:
        return None
    start, toks = res
    surface = text[start:p]
    # 在美国起诉, 陪审团在圣荷西裁定: after 在 stands the place, the actor stands before it
    place = text[start - 1:start] == "在" or (text[start - 1:start] == "于" and all(t == "ns" for _, t in toks))
    if surface.endswith(_lists(id(lex), lex).fund_end):
        return None     # 定增募资30亿元收购: a clause of raising money, no name
    if CJK.search(surface) and len(surface) >= 2 and surface not in lex.generic \
            and plausible_name(surface) and not place:   # (在美国起诉: a place)
        return Mention(start, p, surface, guess_type(surface, toks, lex, text[p:p + 3]), surface, "pattern")
    return None


def _right_slot_start(text: str, te: int, lex: Lexicon) -> int:
    for a in _lists(id(lex), lex).object_lead:
        if text.startswith(a, te):
            return te + len(a)
    return te


def _right_slot_open(text, q, se, ts, rels, trigs, taken, lex) -> bool:
    """Whether the object slot may hold an unknown name: not for rulings and fines unless the verb
    takes its object (约谈, 判令, 处罚; a court's 认定)."""
    if any(m.start == q for m in taken) or q >= se:
        return False
    return (not rels & {"rules", "fines"} or any(t.word in _lists(id(lex), lex).object_verbs for t in trigs)
            or (any(t.word == "认定" for t in trigs) and any(m.end == ts and m.type == "Court" for m in taken)))


def _right_slot_name(text, q, rels, trigs, lex):
    res = name_after(text, q, lex)
    if res is None and any("round" in t.flags for t in trigs):
        # 京东领投新潮传媒10亿融资: the name between the round verb and the round
        mr = _patterns(id(lex), lex).round_after.match(text, q)
        if mr and 2 <= len(mr.group(1)) <= 8 and mr.group(1) not in lex.generic and plausible_name(mr.group(1)):
            res = (q + len(mr.group(1)), [(mr.group(1), "nt")])
    if res is None and rels & {"sues", "acquires", "invests"}:
        # 收购红帽公司: common words before 公司/集团 right in the object slot make a name
        mco = _COMMON_CO.match(text, q)
        if mco and all((t or "n")[:1] in "nj" or t == "vn" for _, t in tokens_from(text, q, mco.end(1))) \
                and mco.group(1) not in lex.generic and plausible_name(mco.group(1)):
            res = (mco.end(), [(mco.group(0), "nt")])
    return res


def _right_slot(text, q, se, ts, rels, trigs, taken, lex) -> Mention | None:
    if not _right_slot_open(text, q, se, ts, rels, trigs, taken, lex):
        return None
    res = _right_slot_name(text, q, rels, trigs, lex)
    if not res:
        return None
    end, toks = res
    surface = text[q:end]
    # 入股夏普约一成股权: an approximator before a number is no part of the name
    if len(surface) >= 3 and surface[-1] in "约近逾超达共" and \
            re.match(r"[0-9一二两三四五六七八九十百半数]", text[end:end + 1]):
        end -= 1
        surface = text[q:end]
        toks = nlp.tagged(surface)
    # 认购夏普新股, 购买X股份: the shares are no part of the name
    for w in _lists(id(lex), lex).share_words:
        if surface.endswith(w) and len(surface) - len(w) >= 2:
            end -= len(w)
            surface = text[q:end]
            break
    if CJK.search(surface) and len(surface) >= 2 and surface not in lex.generic \
            and plausible_name(surface) and not any(m.start < end and q < m.end for m in taken):
        return Mention(q, end, surface, guess_type(surface, toks, lex, text[end:end + 8]), surface, "pattern")
    return None




def _enumeration_mentions(text, q, taken, lex):
    """收购微梦传媒、耐特康赛、广州科韵: every member of a list in the object slot is a name."""
    last = max((m for m in taken if m.start >= q and m.start - q <= 2), key=lambda m: -m.start, default=None)
    guard = 0
    while last is not None and guard < 8:
        guard += 1
        sep = next((w for w in _lists(id(lex), lex).list_words if text.startswith(w, last.end)), None)
        if not sep:
            break
        p = last.end + len(sep)
        nxt = next((m for m in taken if m.start == p), None)
        if nxt is None:
            res = name_after(text, p, lex, max_len=10)
            if not res:
                break
            end, toks = res
            surface = text[p:end]
            if not (CJK.search(surface) and 2 <= len(surface) <= 10 and surface not in lex.generic
                    and plausible_name(surface)) or any(m.start < end and p < m.end for m in taken):
                break
            guess = guess_type(surface, toks, lex, text[end:end + 3])
            if guess == "Person" and _patterns(id(lex), lex).people_list_end.match(text, end):
                typ = "Person"      # 起诉联电、晋华及陈正坤、何建廷、王永铭三人: the people the count closes
            else:
                typ = last.type if last.type in ("Company", "Organization") else guess
            nxt = Mention(p, end, surface, typ, surface, "pattern")
            yield nxt
        last = nxt




def _plain_name(surface: str, lex: Lexicon) -> bool:
    return bool(CJK.search(surface) or surface.isascii()) and 2 <= len(surface) <= 10 and \
        surface not in lex.generic and plausible_name(surface) and not re.search(r"[0-9０-９]", surface) \
        and not any(c in PUNCT for c in surface)


_ITEM_TAGS = ("n", "nz", "l", "nr", "ns", "nt", "nrt", "nrfg", "j", "eng", "x", "t", "vn", "an", "m", "i")
_ITEM_STOP = set("的了在是将对被把从向与和及等、也都又还并")


def _item_words(toks, lex: Lexicon) -> bool:
    """A list item made only of noun-like words (万方数据, 一点资讯, 天天快报)."""
    stops = stop_words(id(lex), lex)
    for w, t in toks:
        if w in stops or w in _ITEM_STOP or any(c in PUNCT for c in w):
            return False
        if t is not None and not t.startswith(_ITEM_TAGS):
            return False
        if t == "m" and re.search(r"[0-9０-９]", w):
            return False
    return True


def _rival_mentions(text: str, ss: int, se: int, ts: int, te: int, taken: list[Mention],
                    lex: Lexicon) -> list[Mention]:
    """Unknown names listed as rivals: after 对手是/对手包括 (竞争对手是A和B) and before 等 + the
    noun (A、B等竞品).  A member is a whole list item (between list words or a pause) made of
    noun-like words, so common words that make a name (天天快报) are read too."""
    out: list[Mention] = []
    lists = _lists(id(lex), lex)
    q = te
    cop = next((c for c in lists.rival_copula if text.startswith(c, q)), None)
    items: list[tuple[int, int]] = []
    if cop:
        q += len(cop)
        p = q
        while p < se and p - q < 40:
            e = p
            while e < se and text[e] not in "，,。；;：:！？!?、\n" and not text.startswith(lists.rival_stop, e) \
                    and e - p < 10:
                e += 1
            items.append((p, e))
            sep = next((w for w in lists.list_words if text.startswith(w, e)), None)
            if not sep:
                break
            p = e + len(sep)
    if text.startswith("等", ts - 1):
        e = ts - 1
        cs = e
        while cs > ss and text[cs - 1] not in "，,。；;：:！？!?\n" and e - cs < 40:
            cs -= 1
        seg = text[cs:e]
        parts = lists.list_split.split(seg)
        pos = cs
        spans = []
        for part in parts:
            if part and part not in lists.list_words:
                spans.append((pos, pos + len(part)))
            pos += len(part)
        if len(spans) >= 1:
            # the first item may carry the clause's verb before it (搜索一点资讯): keep its last words
            a, b = spans[0]
            toks = tokens_from(text, a, b)
            keep = []
            for w, t in reversed(toks):
                if not _item_words([(w, t)], lex) or (t or "x").startswith("v") and t != "vn":
                    break
                keep.insert(0, w)
            spans[0] = (b - sum(len(w) for w in keep), b)
            items.extend(spans)
    # rivals are of the kind of what they rival (今日头条 … 一点资讯、天天快报等竞品: products)
    anchor = next((m for m in sorted(taken, key=lambda m: -m.start) if ss <= m.start and m.end <= ts
                   and m.type in ("Company", "Product")), None)
    kind = anchor.type if anchor is not None else "Company"
    for a, b in items:
        surface = text[a:b]
        if not _plain_name(surface, lex) or any(m.start < b and a < m.end for m in taken + out):
            continue
        if not _item_words(tokens_from(text, a, b), lex):
            continue
        out.append(Mention(a, b, surface, kind, surface, "pattern"))
    return out


_FUNCTION_CHARS = set("的了在是将对被把从向与和及等也都又还并")


def _list_items(text: str, q: int, se: int, lex: Lexicon, limit: int = 48) -> list[tuple[int, int]]:
    """The items of a list starting at `q` (A、B、C及D), up to a pause or the clause end."""
    list_words = _lists(id(lex), lex).list_words
    items: list[tuple[int, int]] = []
    p = q
    while p < se and p - q < limit:
        e = p
        while e < se and text[e] not in "，,。；;：:！？!?、（(\n" and not text.startswith(list_words + ("等",), e) \
                and e - p < 12:
            e += 1
        sep = next((w for w in list_words if text.startswith(w, e)), None)
        if sep and sep != "、" and e < se and not _standalone(text, e, e + len(sep)):
            # 协和医院: a list word inside a name is none
            e += len(sep)
            while e < se and text[e] not in "，,。；;：:！？!?、（(\n" and not text.startswith(list_words + ("等",), e) \
                    and e - p < 12:
                e += 1
            sep = next((w for w in list_words if text.startswith(w, e)), None)
        items.append((p, e))
        if not sep:
            break
        p = e + len(sep)
    return items


def _standalone(text: str, a: int, b: int) -> bool:
    """text[a:b] is a word of its own for the segmenter."""
    cs, _, _, ends = nlp.clause_index(text, a)
    return (a == cs or nlp.has_value(ends, a)) and (b == cs or nlp.has_value(ends, b))


def party_mentions(text: str, ss: int, se: int, taken: list[Mention], lex: Lexicon) -> list[Mention]:
    """Unknown parties listed after their procedural role (原告为西部信托，被告为海发医药、协和医院、谢文海
    及薛钰) or before a count of defendants (对A、B、C、D四名被告提起了诉讼): each whole list item of
    noun-like words is a name, a surname-initial one of two or three characters a person."""
    out: list[Mention] = []
    starts = [m.end() for m in _lists(id(lex), lex).party_role.finditer(text, ss, se)]
    for mc in re.finditer(r"(?:[一二两三四五六七八九十\d]+(?:名|家|个))?被告", text[ss:se]):
        # 对A、B、C四名被告: the list right before the count, opened by 对/起诉/将
        k = ss + mc.start()
        cs = k
        while cs > ss and text[cs - 1] not in "，,。；;：:！？!?\n" and k - cs < 48:
            cs -= 1
        lead = text[cs:k]
        o = max(lead.rfind("对"), lead.rfind("起诉"), lead.rfind("将"))
        if o >= 0 and mc.group(0) != "被告":
            starts.append(cs + o + (2 if lead.startswith("起诉", o) else 1))
    for q in starts:
        for a, b in _list_items(text, q, se, lex):
            seg = text[a:b]
            cut = re.search(r"(?:[一二两三四五六七八九十\d]+(?:名|家|个))?(?:被告|原告)", seg)
            if cut and cut.start() > 0:
                b = a + cut.start()
                seg = text[a:b]
            if not _plain_name(seg, lex) or any(m.start < b and a < m.end for m in taken + out):
                continue
            toks = tokens_from(text, a, b)
            person = 2 <= len(seg) <= 3 and seg[0] in lex.surnames and not any(c in _FUNCTION_CHARS for c in seg)
            # a listed party may end in a business word that is also a verb (当代投资, 当代控股)
            if not person and not (_item_words([(w, "n" if t == "f" else t) for w, t in toks], lex) or (
                    len(toks) >= 2 and toks[-1][0] in lex.name_words and
                    _item_words([(w, "n" if t == "f" else t) for w, t in toks[:-1]], lex))):
                continue
            out.append(Mention(a, b, seg, "Person" if person else guess_type(seg, toks, lex, text[b:b + 3]),
                               seg, "pattern"))
    return out


_COMMON_CO = re.compile(r"([\u4e00-\u9fff]{2,4})(?:公司|集团)(?=[，,。；;、和与及\s]|$)")


def _clause_opening(text: str, pos: int, ss: int, lex: Lexicon) -> int:
    """Where the clause holding `pos` opens, after a leading date and lead words (2015年，此外，)."""
    p = pos
    while p > ss and text[p - 1] not in "，,；;。！？!?\n：:":
        p -= 1
    ds = find_dates(text[p:min(pos + 1, p + 16)]) if DATE_FIRST.match(text, p) else None
    if ds and ds[0].start == 0:
        p += ds[0].end
        p += 1 if text[p:p + 1] in "，, " else 0
    for _ in range(3):
        w = next((w for w in _lists(id(lex), lex).lead_skip if text.startswith(w, p)), None)
        if w is None:
            break
        p += len(w)
    return p




def round_mentions(text: str, ss: int, ts: int, taken: list[Mention], lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    cs = ts
    while cs > ss and text[cs - 1] not in "，,；;。：:\n":
        cs -= 1
    lead = text[cs:ts]
    k = lead.rfind("由")
    if k >= 0:
        cs += k + 1
    seg_start = cs
    for part in _patterns(id(lex), lex).list_split.split(text[seg_start:ts]):
        p = text.find(part, seg_start, ts) if part else -1
        if p < 0:
            continue
        seg_start = p + len(part)
        q = p + len(part)
        while p < q and text[p] in " 并也则还": 
            p += 1
        surface = text[p:q]
        if 2 <= len(surface) <= 12 and surface not in lex.generic and plausible_name(surface) \
                and (not re.search(r"[0-9]", surface) or surface.isascii()) \
                and not any(c in PUNCT for c in surface) \
                and not any(m.start < q and p < m.end for m in taken + out):
            out.append(Mention(p, q, surface, "Company", surface, "pattern"))
    # the company that raised the round: the name before 完成/获得…融资 in the sentence
    for mr in _patterns(id(lex), lex).raise_.finditer(text, ss, ts):
        pos = mr.start()
        if any(m.end == pos for m in taken + out) or any(m.start < pos < m.end for m in taken + out):
            continue
        cs = pos
        while cs > ss and text[cs - 1] not in "，,；;。：:\n":
            cs -= 1
        whole = text[cs:pos]
        # 低碳水健康管理品牌野兽生活完成…融资: the name after the last category noun
        cat = max((whole.rfind(w) + len(w) for w in _lists(id(lex), lex).category_heads if whole.rfind(w) >= 0), default=0)
        if cat and 2 <= len(whole) - cat <= 10:
            cs += cat
            whole = whole[cat:]
        res = (cs, None) if 2 <= len(whole) <= 10 and not _lists(id(lex), lex).not_round_name.search(whole) \
            else name_before(text, pos, lex, floor=ss, need_proper=False)
        if res:
            start, toks = res
            surface = text[start:pos]
            if 2 <= len(surface) <= 12 and surface not in lex.generic and plausible_name(surface) \
                    and not any(m.start < pos and start < m.end for m in taken + out):
                out.append(Mention(start, pos, surface, "Company", surface, "pattern"))
    return out




def stake_mentions(text: str, te: int, se: int, taken: list[Mention], lex: Lexicon) -> list[Mention]:
    """Unknown names right before a stake in a buying clause (trigger end `te` to the clause end):
    收购远东控股集团所持有京航安49%股权 -> 京航安."""
    out: list[Mention] = []
    lists = _lists(id(lex), lex)
    end = te
    while end < se and text[end] not in "。；;！？!?\n" and end - te < 80:
        end += 1
    for mt in lists.stake_lead.finditer(text[te:end]):
        pos = te + mt.start()
        if pos == te or not stake_at(text, pos):
            continue
        if any(m.start < pos <= m.end for m in taken + out) or any(m.end == pos for m in taken + out):
            continue
        floor = max([m.end for m in taken + out if m.end <= pos] + [te])
        cs = floor
        while True:     # stay in the clause: 收购A，其中B 30%股权
            k = max(text.rfind(c, cs, pos) for c in "，,：:、")
            if k < 0:
                break
            cs = k + 1
        # the name runs back to the nearest delimiter: a holding verb (所持, 持有的, 旗下), a list
        # word (及, 和, 、), 的, or the trigger itself
        seg = text[cs:pos]
        cut = max((seg.rfind(w) + len(w) for w in lists.stake_delims if w in seg), default=0)
        start = cs + cut
        while start < pos and text[start] in "了其将对该 ":
            start += 1
        surface = text[start:pos]
        if re.search(r"[0-9０-９]", surface) and not surface.isascii() or any(c in PUNCT - set("()（）") for c in surface):
            continue
        if not (CJK.search(surface) or surface.isascii()) or len(surface) < 2 or len(surface) > 20 \
                or surface in lex.generic or not plausible_name(surface) \
                or surface.endswith(("公司", "集团")) and surface in lists.own_company \
                or surface in lists.not_holder:         # 取得约66%股权: the verb is no holder
            continue
        if surface.isascii() and not any(c.isalpha() for c in surface):
            continue
        out.append(Mention(start, pos, surface, "Company", surface, "pattern"))
    return out


_CLAUSE_SPLIT = re.compile(r"[，,；;：:。！？!?\n]")
_SUBJ_NEXT_TAGS = ("v", "p", "d", "c")


def subject_mentions(text: str, ss: int, se: int, taken: list[Mention], lex: Lexicon) -> list[Mention]:
    """Clause-initial names before a verb (京沪高铁拟发行…, 华润双鹤发布…) in a sentence that has a
    trigger: the subject position of a Chinese clause."""
    out: list[Mention] = []
    starts = [ss] + [m.end() + ss for m in _CLAUSE_SPLIT.finditer(text[ss:se])]
    stops = stop_words(id(lex), lex)
    lists = _lists(id(lex), lex)
    for p in starts:
        if p >= se:
            continue
        # skip a leading date and lead words
        ds = find_dates(text[p:min(se, p + 16)]) if DATE_FIRST.match(text, p) else None
        if ds and ds[0].start == 0:
            p += ds[0].end
        for _ in range(3):      # 但因夏普股价…: lead words in a row
            if not text.startswith(lists.lead_skip, p):     # (one C test before the search for which)
                break
            w = next(w for w in lists.lead_skip if text.startswith(w, p))
            p += len(w)
        if any(m.start <= p < m.end for m in taken + out):
            continue
        seg = text[p:min(se, p + 12)]
        if not seg or not (CJK.match(seg[0]) or seg[0] in "*"):
            continue
        toks = tokens_from(text, p, p + len(seg))
        acc = []
        n = 0
        nxt = None
        for w, t in toks:
            if w in stops or w in lex.generic or not name_like(w, t, lex) or (acc and w[:1] == "拟" and len(w) <= 3):
                nxt = (w, t)
                break
            acc.append((w, t))
            n += len(w)
            if len(acc) > 4:
                break
        if not acc or nxt is None:
            continue
        w2, t2 = nxt
        headline = p == ss and w2 in ("：", ":")     # 天神娱乐：涉嫌违规 遭证监会立案调查
        if not (w2 in stops or (t2 or "x")[0] in _SUBJ_NEXT_TAGS or headline or w2.startswith(lists.subj_next)):
            continue
        surface = text[p:p + n]
        if len(surface) < 2 or len(surface) > 10 or surface in lex.generic or not plausible_name(surface):
            continue
        if not any(t is None or t in ("nt", "nz", "j", "eng", "nrt") for w, t in acc):
            continue
        if any(m.start < p + n and p < m.end for m in taken + out):
            continue
        out.append(Mention(p, p + n, surface, guess_type(surface, acc, lex, text[p + n:p + n + 3]),
                           surface, "pattern"))
    return out
