"""Ownership and stakes told as a state, with no deal verb: two named rules over where each name stands.

`zh.stake.holds` — the holder stands before 持有/持股, the held company right after 持有 or right after
the percentage of 持股…的:

    远川科技将合计持有青禾百货23.5%的股份                 远川科技 invests 青禾百货
    远川科技通过云杉投资间接持有青禾百货8%的股权           远川科技 invests 青禾百货 (the channel is not read)
    北辰银行连同一致行动人远川科技，将合计持有青禾百货29%的股份   北辰银行, 远川科技 invest 青禾百货
    远川科技持股约12%的青禾百货                           远川科技 invests 青禾百货

Only a stake below half is read (`invests`, as the keys want a minority stake); a holding of half or more
is left to the deal rules (a purchase's result) and the owner links.  Not read: 持有的 (X持有的Y股权 is
what X sells or pledges), a holder with any other word between it and 持有 than the words of
modifiers.tsv `hold_adverb`, a holding that is over (`former_hold`: 曾, 原, 此前 …).

`zh.owns.operator` — a company named as the one running a product or platform (modifiers.tsv
`operator_word`: 运营方, 运营者, 运营主体 …):

    多闪的运营方北京拍拍看看科技有限公司                   apposition: X owns 多闪
    微梦公司正是新浪微博的实际运营者                        copula: 微梦公司 owns 新浪微博
    多闪的实际运营者是拍拍看看公司                          the copula after the noun
    法院认定创锐公司是刷宝App的开发运营主体                 copula inside what a court found

Not read: a former operator (Y的原运营方X), an operator noun not closing its clause in the copula
(X是Y的运营方之一), a name that is not right beside the noun.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.extract.mentions import Mention, clause_span
from kg.lexicon import Lexicon

_HOLDER = ("Company", "Person", "Organization")
_HELD = ("Company", "Organization")
_OWNER = ("Company",)
_UNIT = ("Company", "Product")
_HOLD_RULE = "zh.stake.holds"
_OPERATOR_RULE = "zh.owns.operator"
_UNDER_RULE = "zh.owns.under_modified"
_SUBSIDIARY_RULE = "zh.owns.subsidiary"
_MADE_RULE = "zh.owns.made_by"


class _Rx(NamedTuple):
    gap: re.Pattern            # what may stand between a holder and 持有
    former: re.Pattern
    share: re.Pattern          # after the held company: （code）约19.21%的股份
    stake_rel: re.Pattern      # 持股约12%的 + the held company
    apposed: re.Pattern        # 的(实际)运营方 + the operator
    copula: re.Pattern         # (正)是 + unit + 的(实际)运营者 + clause end
    copula_after: re.Pattern   # unit + 的运营者 + (正)是 + X
    plan: re.Pattern           # a plan or a condition before 持有 in its sentence
    under: re.Pattern          # 旗下(、modifier)的
    desc: re.Pattern           # between that 的 and the unit's name: a kind noun (美国关联公司)
    head: re.Pattern           # a kind noun closing it
    sub_copula: re.Pattern     # (是|成为) + parent + 的全资子公司, closing its clause
    sub_announced: re.Pattern  # (公司)全资子公司 + unit, in a company's announcement
    announces: re.Pattern      # the opening company announces: X（code）公告称
    unit_plan: re.Pattern
    unit_sold: re.Pattern
    made: re.Pattern           # (制造、销售)的“ + the product
    maker_for: frozenset       # right before a maker: a client or a partner (为X开发的Y)
    relational: re.Pattern     # a relation to the owner inside the kind noun (竞争对手公司)
    group_glue: re.Pattern     # between the members of a holder group: 连同一致行动人A（下称B）和C


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    alt = lex.alternation
    pct = rf"(?:{alt('top_up_about')})?(?:(?P<pct>[0-9]+(?:\.[0-9]+)?)\s*[%％]|(?P<frac>[二三四五六七八九十]分之[一二三四五六七八九]))"
    paren = r"(?:[（(][^（()）]{1,24}[)）])?"
    owner_words = sorted(lex.words("operator_word") - lex.words("operator_not_owner"), key=len, reverse=True)
    op = rf"的(?P<mod>(?:{alt('former_hold')}|{alt('operator_mod')})*)(?:{'|'.join(map(re.escape, owner_words)) or '(?!)'})"
    return _Rx(
        gap=re.compile(rf"^(?:{alt('hold_adverb')})*$"),
        former=re.compile(rf"{alt('former_hold')}"),
        share=re.compile(rf"{paren}\s*{pct}(?:的)?(?:{alt('hold_share')})?(?![0-9])"),
        stake_rel=re.compile(rf"持股(?:比例)?(?:为)?{pct}(?:的|之)"),
        apposed=re.compile(op),
        copula=re.compile(rf"^(?:{alt('copula_adverb')})*是$"),
        copula_after=re.compile(rf"(?:{alt('copula_adverb')})*(?:是|为|系)"),
        plan=re.compile(alt("hold_plan", "hold_deal")),
        # 旗下、负责抖音开发运营的Y / 旗下的美国关联公司Y: a modifier opened by 、, or a kind noun after 的
        under=re.compile(r"旗下(?:、(?P<mod>[^，,。；;：:、“”]{2,30}?))?的"),
        desc=re.compile(rf"^[^，,。；;的“”]{{0,10}}?(?:{alt('unit_head')})?$"),
        head=re.compile(rf"(?:{alt('unit_head')})$"),
        sub_copula=re.compile(rf"(?P<cop>{alt('unit_copula')})(?P<parent>[^，,。；;]{{1,30}}?)的(?:{alt('unit_stake')})+"
                              rf"(?:{alt('unit_noun')})(?:之一)?(?=[，,。；;]|$)"),
        sub_announced=re.compile(rf"(?:(?P<own>{alt('own_company')})的?)?(?P<stake>(?:{alt('unit_stake')})*)"
                                 rf"(?:{alt('unit_noun')})[—-]?"),
        announces=re.compile(rf"(?:[（(][^（()）]{{2,16}}[)）])?[^，,。；;]{{0,12}}?(?:{alt('announce_word')})"),
        unit_plan=re.compile(alt("unit_plan")),
        unit_sold=re.compile(alt("unit_sold")),
        made=re.compile(rf"(?:(?:{alt('maker_verb', 'maker_also')})(?:、|和|及|并)?)*(?:{alt('maker_verb')})"
                        rf"(?:(?:、|和|及|并)(?:{alt('maker_verb', 'maker_also')}))*的[“「『]?"),
        maker_for=frozenset(lex.words("maker_for")),
        relational=re.compile(alt("unit_relational")),
        group_glue=re.compile(r"^(?:连同|及其|以及|和|与|、|及|其|一致行动人|[（(][^（()）]{1,20}[)）])+$"),
    )


def holding_relations(text: str, ss: int, se: int, mentions: list[Mention], lex: Lexicon) -> list:
    """`invests` and `owns` facts of the sentence text[ss:se] told as a held stake or an operator,
    as (subject, object, type, start, end, trigger, rule)."""
    chunk = text[ss:se]
    has_hold, has_op, has_under = "持" in chunk, "运营" in chunk, "旗下" in chunk
    has_sub = "子公司" in chunk or "附属公司" in chunk
    has_made = "的" in chunk
    if not has_hold and not has_op and not has_under and not has_sub and not has_made:
        return []
    named = sorted((m for m in mentions if m.source != "coref" and ss <= m.start and m.end <= se),
                   key=lambda m: m.start)
    rx = _patterns(id(lex), lex)
    out: list = []
    if has_hold:
        out += _holds(text, ss, se, named, rx)
    if has_op:
        out += _operators(text, ss, se, named, rx)
    if has_under:
        out += _under_modified(text, ss, se, named, rx)
    if has_sub:
        out += _subsidiaries(text, ss, se, named, rx)
    if has_made:
        out += _made_by(text, ss, se, named, rx)
    return out


def _made_by(text: str, ss: int, se: int, named: list[Mention], rx: _Rx) -> list:
    """`zh.owns.made_by`: X <maker verb>的Y — 美的制造、销售的“制冷王”系列空调, X2017年推出的“TOP1”.  X is the
    last company before the verb in its clause, at most 10 characters of other words between (a time,
    采用该专利); Y a product right after 的 (or its opening quote).  Not a seller alone (X销售的Y: a
    shop selling another's product), not a client or partner (为X开发的Y, 与X共同打造的Y: modifiers.tsv
    maker_for right before X)."""
    out = []
    for mm in rx.made.finditer(text, ss, se):
        unit = next((m for m in named if m.start == mm.end() and m.type == "Product"), None)
        if unit is None:
            continue
        lo, _ = clause_span(text, mm.start())
        before = [m for m in named if lo <= m.start and m.end <= mm.start()]
        if not before or before[-1].type not in _OWNER or mm.start() - before[-1].end > 10 or \
                before[-1].name == unit.name or "被" in text[before[-1].end:mm.start()] or \
                text[before[-1].start - 1:before[-1].start] in rx.maker_for:
            continue
        out.append((before[-1].name, unit.name, "owns", mm.start(), mm.end(), mm.group(0), _MADE_RULE))
    return out


def _subsidiaries(text: str, ss: int, se: int, named: list[Mention], rx: _Rx) -> list:
    """`zh.owns.subsidiary`: X成为Y的全资子公司 (a stake word between 的 and the noun, which the trigger
    table's 子公司 does not read; not 将成为, 拟…: a subsidiary to be), and in a company's announcement
    its own unit, X公告称，(公司)全资子公司Y (not one it is selling: 拟出售控股子公司Y)."""
    out = []
    for mc in rx.sub_copula.finditer(text, ss, se):
        parent = next((m for m in named if m.end == mc.end("parent") and m.type in _OWNER), None)
        lo, _ = clause_span(text, mc.start())
        before = [m for m in named if lo <= m.start and m.end <= mc.start()]
        if parent is None or not before or parent.start != mc.start("parent") or before[-1].type not in _UNIT:
            continue
        gap = text[before[-1].end:mc.start()]
        if rx.unit_plan.search(text, lo, mc.start()) or not rx.copula.match(gap + "是"):
            continue
        if before[-1].name != parent.name:
            out.append((parent.name, before[-1].name, "owns", mc.start(), mc.end(), mc.group(0), _SUBSIDIARY_RULE))
    head = next((m for m in named if m.type in _OWNER), None)
    if head is None or not _OPENING.fullmatch(text, ss, head.start) or not rx.announces.match(text, head.end):
        return out
    for mu in rx.sub_announced.finditer(text, head.end, se):
        if not mu.group("own") and not mu.group("stake"):
            continue
        unit = next((m for m in named if m.start == mu.end() and m.type == "Company"), None)
        lo, _ = clause_span(text, mu.start())
        if unit is None or unit.name == head.name or rx.unit_sold.search(text, lo, mu.start()):
            continue
        if mu.group("own") and mu.group("own") not in ("本公司", "该公司") and \
                not _OWN_LEAD.search(text[lo:mu.start()]):
            continue    # 公司 inside the clause may close another name (X有限责任公司的控股子公司)
        if not mu.group("own") and (text[lo:mu.start()].strip() or any(
                m.type == "Company" and m.name != head.name and head.end <= m.start < mu.start() for m in named)):
            continue    # no 公司 written: the noun opens its clause, with no other company named since
        out.append((head.name, unit.name, "owns", mu.start(), mu.end(), mu.group(0), _SUBSIDIARY_RULE))
    return out


def _under_modified(text: str, ss: int, se: int, named: list[Mention], rx: _Rx) -> list:
    """X旗下、<modifier>的Y and X旗下的<kind noun>Y: the unit is the name the modifier or the kind noun
    leads to, not a name inside the modifier (字节跳动旗下、负责抖音开发运营的北京微播视界科技有限公司:
    the company, not 抖音).  The owner is the name right before 旗下."""
    out = []
    for mu in rx.under.finditer(text, ss, se):
        owner = next((m for m in named if m.end == mu.start() and m.type in _OWNER), None)
        unit = next((m for m in named if m.start >= mu.end()), None)
        if owner is None or unit is None or unit.type not in _UNIT or owner.name == unit.name:
            continue
        mod, desc = mu.group("mod") or "", text[mu.end():unit.start]
        if "旗下" in mod or not rx.desc.match(desc) or (desc and not rx.head.search(desc)) or \
                rx.relational.search(desc):
            continue        # another owner listed (A旗下、B旗下的), or no kind noun before the name
        if not mod and not desc:
            continue        # X旗下的Y: the trigger table's reading
        out.append((owner.name, unit.name, "owns", mu.start(), mu.start() + 2, "旗下", _UNDER_RULE))
    return out


def _holds(text: str, ss: int, se: int, named: list[Mention], rx: _Rx) -> list:
    out = []
    for mt in re.finditer(r"持有(?:了)?(?!的)|持股", text[ss:se]):
        ts, te = ss + mt.start(), ss + mt.end()
        if text.startswith("持有", ts):
            held = next((m for m in named if m.start == te and m.type in _HELD), None)
            ms = rx.share.match(text, held.end) if held is not None else None
        else:
            ms = rx.stake_rel.match(text, ts)
            held = next((m for m in named if ms and m.start == ms.end() and m.type in _HELD), None)
        if held is None or ms is None or _share(ms) >= 50 or rx.plan.search(text, ss, se):
            continue
        for x in _holders(text, ts, named, rx):
            if x.name != held.name:
                out.append((x.name, held.name, "invests", ts, te, text[ts:te], _HOLD_RULE))
    return out


# what may stand before an announcer's 公司 in its clause: nothing, 公告：, 近日, or a list (公司与公司全资子公司)
_OWN_LEAD = re.compile(r"(?:^|[：:]|[与和及、])\s*(?:近日|日前|此外|同时)?\s*$")
_OPENING = re.compile(r"[\s0-9年月日号晚早前后，,:：、]*")
_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def _share(m: re.Match) -> float:
    """The percentage a stake match states (19.21%, 三分之一 -> 33.3)."""
    if m.group("pct"):
        return float(m.group("pct"))
    den, _, num = m.group("frac").partition("分之")
    return 100.0 * _DIGITS[num] / _DIGITS[den]


def _holders(text: str, ts: int, named: list[Mention], rx: _Rx) -> list[Mention]:
    """The holder group of the 持有/持股 at ts: the last party of its clause before it with only
    `hold_adverb` words between (the one before 通过 when the last is a channel: X通过Z间接持有), and the
    members joined to it (A和B, A连同一致行动人B); a clause opening with the adverbs only takes the group
    that makes up the clause before it (X连同一致行动人A和B，将合计持有…)."""
    lo, _ = clause_span(text, ts)
    before = [m for m in named if lo <= m.end <= ts]
    gap_from = before[-1].end if before else lo
    gap = text[gap_from:ts].strip()
    if not rx.gap.match(gap):
        return []       # any other word: 曾持有 (a holding that is over), 质押其持有, 表示持有
    if not before:
        plo, _ = clause_span(text, max(0, lo - 2))
        prev = [m for m in named if plo <= m.start and m.end <= lo - 1]
        if not prev or text[prev[-1].end:lo - 1].strip():
            return []
        before, lo = prev, plo
        glued = _group(text, before, rx)
        return glued if not text[plo:glued[0].start].strip() else []
    last = before[-1]
    thr = re.search(r"通过(?:其|旗下|其旗下)?(?:全资子公司|子公司|控股子公司)?$", text[lo:last.start])
    if thr is not None:
        owner = [m for m in before if m.end <= lo + thr.start()]
        if not owner or text[owner[-1].end:lo + thr.start()].strip() or owner[-1].type not in _HOLDER:
            return []
        return [owner[-1]]
    return _group(text, before, rx)


def _group(text: str, before: list[Mention], rx: _Rx) -> list[Mention]:
    """The last party of `before` and the parties joined to it (A和B, A连同一致行动人B（下称C）)."""
    before = [m for m in before if not text[m.start - 3:m.start].endswith(("下称", "简称"))]
    if not before or before[-1].type not in _HOLDER:
        return []
    group = [before[-1]]
    for m in reversed(before[:-1]):
        if m.type in _HOLDER and rx.group_glue.match(text[m.end:group[0].start]):
            group.insert(0, m)
        else:
            break
    return group


def _operators(text: str, ss: int, se: int, named: list[Mention], rx: _Rx) -> list:
    out = []
    for mo in rx.apposed.finditer(text, ss, se):
        if rx.former.search(mo.group("mod")):
            continue
        unit = next((m for m in named if m.end == mo.start() and m.type in _UNIT), None)
        if unit is None:
            continue
        op = next((m for m in named if m.start == mo.end() and m.type in _OWNER), None)
        if op is None:
            # reversed copula: Y 的(实际)运营者 (正)是 X
            mc = rx.copula_after.match(text, mo.end())
            op = next((m for m in named if mc and m.start == mc.end() and m.type in _OWNER), None)
        if op is None:
            # copula: X (正)是 Y 的运营者, closing its clause
            if text[mo.end():mo.end() + 1] not in "，,。；;！!\n" and mo.end() != se:
                continue
            lo, _ = clause_span(text, unit.start)
            cop = [m for m in named if lo <= m.start and m.end <= unit.start]
            if not cop or "是" not in text[cop[-1].end:unit.start] or \
                    not rx.copula.match(text[cop[-1].end:unit.start]) or cop[-1].type not in _OWNER:
                continue
            op = cop[-1]
        if op.name != unit.name:
            out.append((op.name, unit.name, "owns", mo.start(), mo.end(), text[mo.start():mo.end()], _OPERATOR_RULE))
    return out
