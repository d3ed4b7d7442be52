"""Checks that cut across every reading rule, applied to an article's Extraction after the reader.

Each check is named; a relation it stops is not deleted but kept *not asserted* — `negated` set, with
`status` ("negated", "irrealis" or "rejected") and `check` (the check's name) — so `kg extract --all`
can show it and benchmarks/checks.py can measure how often each check is right.  Entities a check
stops move to `Extraction.withheld`, with the relations that need them; a lawsuit whose every suit is
withheld goes too.

- `non_entity`   a slogan (二选一), shopping festival (双十一, 618), abstract noun, currency, continent,
                 case label (…一案), headcount (…三人), a counted description (一座巨型锂矿, 三家公司), a line of
                 business or a plan (…业务, …规划), a title in 《》, or a description of a name told
                 before it (一家名为X的英国公司: the relations of 英国公司 move to X) or right before a kind word
                 and the name (收购英国P2P众筹平台Lendinvest: they move to Lendinvest) is no company
                 (ontology/lexicon/non_entities.tsv).
- `types`        a relation's sides obey the type constraints of ontology/lexicon/relations.tsv.
- `own_side`     no hostile relation (sues, blocks, accuses, competes) between an owner and its own
                 product or unit, nor between two of one owner's products (the lexicon's owner column
                 and the article's own `owns` relations).
- `transferred`  a court a case is moved to (移送, 移交, 指定…管辖) or one that "should" hear it (应由…审理)
                 or one an appeal "may" go to (如不服…可…上诉) did not rule: no `rules` from it.
- `co_listed`    no accusation, block or deal between two members of one list (起诉A、B及C三人，指控其…;
                 A、B入股…).
- `accused_accuser` no accusation by a defendant (or a product it owns) against the one suing it in the
                 same sentence.
- `addressee`    the authority a report goes to (向证监会举报X) is not the accused.
- `venue`        an exchange a company is listed on (于深交所上市) is no party.
- `supporter`    the one who backs an act (X表示支持Y提告) is not its actor.
- `product_party` a product as a suit's party its sentence never names (taken from a deal told before:
                 "the FTC sued to block the deal" is no suit against World of Warcraft).
- `source`       a side that is only the news source (上海证券报讯, 据新华社报道) or a reporter's byline
                 (（记者 朱梦秋）): no party.
- `place`        a deal's side that is only a country, region or city (收购美国UAI read as 美国; 成都 for
                 成都七中), from ontology/lexicon/places.tsv, unless the lexicon knows it as a company.
- `self`         both sides are one company written two ways (金城医药股份有限公司 / 金城医药).
- `taken_object` a deal's actor that the sentence shows only as the object of another deal verb right
                 before it (减持海康威视股票…的龚虹嘉，决定增持中源协和; 新进了贵州茅台、增持了泸州老窖):
                 no buyer or investor (ontology/lexicon/check_words.tsv, kind deal_object).
- `apart_titles` two sides each named only inside 《》 titles, and in different ones (审议通过《关于为A提供担保
                 的议案》、《关于投资设立B的议案》): two documents, two matters, no relation between them.
- `nominal`      a trigger told only as a noun phrase (申请禁令的做法, 起诉的权利, 收购的可能: check_words.tsv,
                 kind nominal_head) asserts no act.
- `venture_partner` a joint venture's founded company is named after the founding verb: a partner named
                 before it (A与B、C共同签署合同，成立合资公司) is not what was founded, nor is the company a
                 venture founded in turn (A与B合资成立的C设立了D: A and B founded C, not D).
- `possessor`    a side the sentence names only as the owner of a head noun (X的子公司违规经营，监管局对其罚款:
                 the subsidiary is fined, not X; check_words.tsv kind possessed_head) is not the party.
- `unit_actor`   a deal's actor told only as the owner of a named unit that does the deal (X旗下上市公司Y
                 收购Z, X的全资子公司Y收购Z: Y buys, not X); X通过旗下Y收购Z and X及其子公司 keep X the actor.
- `store_object` an app store or a phone's operating system (App Store, Android, …应用市场) is where an app
                 is taken down, never what is blocked or discontinued (check_words.tsv kind store).
- `next_actor`   a deal's object told after the trigger only as the opener of the next list item, with
                 its own act (A收购B、C整合D; 乐购被华润收购、苏宁收购家乐福、麦德龙被竞购): not A's object.
- `case_matter`  a side of a settlement told only as what a case is about (苹果和解iPad商标案: iPad is
                 the matter, not a party; check_words.tsv kind case_word).
- `work_title`   a court's ruled party that is a product named only as a title in 《》 (判决…在电视剧《风筝》
                 上署名: the work is what the case is about).
- `seller_side`  a deal's object named only as the holder of what is sold (收购X持有的Y公司51%股权, 向A、B
                 购买其分别持有的Y股权): X, A and B sell, they are not bought.
- `agreement_party` a deal's buyer named only as the other side of an agreement signed before the deal
                 verb (A与X签署收购Y股权的协议: X signs with the buyer; 与X签署协议，共同收购Y keeps X).
- `deal_twice`   an `invests` fact whose pair the same sentence also tells bought (`acquires`: 收购X 43%股权后
                 又向X增资; 通过认购新增股本并收购剩余股权获得X 100%股权): one deal, read once, as the purchase.
- `held_issuer`  a ruled party named only as the company whose shares another holds (裁定冻结X持有的Y
                 510万股股票): the shares are frozen or sold, Y is no party.
- `judge_party`  a ruled party named only right after a judge's title (主审法官王立作出判决): the judge
                 decides the case, no party to it.
- `unit_object`  a deal's object named only as the owner of a named unit whose stake is bought (收购X子品牌Y
                 51%控股权, 收购X旗下的Y 80%股权): Y is bought, not X.
- `place_of_act` a ruled party told only right after 在 (判令X在Y网显著位置刊登声明): where an act is done,
                 no party.
- `adviser`      a deal's buyer or investor followed, before the deal verb, by a word of advising, helping or
                 analysing (X帮助Y收购Z, X担任…收购…的财务顾问, X研报指出…收购; check_words.tsv kind adviser): it
                 works on or writes about another's deal.
- `ruling_reporter` a party of a ruling named only right before a word of telling ahead of the ruling
                 (深交所认为，厦门中院已作出判决; X网站消息，Y法院宣判…): it tells of the ruling, it is not ruled on.
- `appeal_to_come` a court named only as where a party means to take its appeal (将再上诉至最高法院, 拟向X提起
                 上诉: check_words.tsv kind intent) has not ruled: no `rules` from it (irrealis).
- `accepted_only` a court that has only accepted a case (受理, 立案: kind acceptance) has decided nothing: no
                 `rules` unless the sentence tells the case closed (审理终结, 判决, 驳回: kind case_closed).
- `prohibited_deal` a deal the article tells prohibited in one clause (禁止A与B合并, A、B被禁止合并: check_words.tsv
                 kinds prohibits, deal_word) was not done: no `acquires` between its parties, and no `blocks`
                 by one of them on another (the prohibiting regulator stays the blocker) (irrealis).
- `former_owner` an `owns` fact its sentence tells as over (曾是X旗下, X的前子公司, X已将旗下的Y出售给Z;
                 "X's former unit", "X sold its Y unit": check_words.tsv kinds former_owner_before,
                 former_unit_after, unit_sold_done, former_en; kg/extract/former_owners.py) (negated).
- `scope`        negation, failure and irrealis around the trigger (没有/未能/拒绝/否认/拟/如果 …;
                 not, failed, denied, would, may …), from ontology/lexicon/scope.tsv.

Word lists: ontology/lexicon/check_words.tsv, scope.tsv, and the modifiers.tsv kinds `_patterns` names
(source_after, will_next, …) inside the checks' patterns.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple

from kg import nlp
from kg.lexicon import Lexicon, legal_endings, load_lexicon, load_table
from kg.model import Entity, Extraction, Relation
from kg.extract.deal_prohibitions import pointed_prohibitions
from kg.extract.mentions import occurrences
from kg.extract.stake_kind import minority_stakes
from kg.extract.former_owners import former_ownership
from kg.extract.suit_context import announced_then_filed, case_filing_dates, complete_suits
from kg.extract.triggers import find_triggers

__all__ = ["apply_checks", "CHECKS"]

HOSTILE = frozenset({"sues", "blocks", "accuses", "competes"})
_CLAUSE_ZH = "，。；：！？,;:!?\n（）()“”「」"
_CLAUSE_EN = ".;:!?\n()\""


@dataclass
class Ctx:
    """What the checks share for one article, computed once."""
    ex: Extraction
    lex: Lexicon
    text: str           # the article text, read in Simplified characters (offsets as the original)
    lang: str
    types: dict[str, str]
    owner: dict[str, str]          # entity -> its owner (lexicon, entity table, the article's owns)

    def entity(self, key: str):
        """`ex.entity(key)` (the first entity of that key) by a dict made once per entity list, not a
        scan of the list for every relation and every telling the checks look at."""
        ents = self.ex.entities
        made = self.__dict__.get("_by_key")
        if made is None or made[0] is not ents or made[1] != len(ents):
            index: dict = {}
            for e in ents:
                index.setdefault(e.key, e)
            made = self._by_key = (ents, len(ents), index)
        return made[2].get(key)

    def starts(self) -> dict[int, str]:
        """Where each telling of an entity starts -> its name (made once per entity list)."""
        ents = self.ex.entities
        made = self.__dict__.get("_starts")
        if made is None or made[0] is not ents or made[1] != len(ents):
            made = self._starts = (ents, len(ents), {s: x.name for x in ents for s, _ in x.mentions})
        return made[2]

    def owners_of(self, name: str) -> set[str]:
        """Its owner, the owner's owner …"""
        out: list[str] = []
        cur = name
        while cur in self.owner and self.owner[cur] not in out and self.owner[cur] != name:
            cur = self.owner[cur]
            out.append(cur)
        return set(out)


class _Rx(NamedTuple):
    """The checks' patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    sent_en: re.Pattern
    headcount: re.Pattern
    counted: re.Pattern
    list_gap: re.Pattern
    listed_at: re.Pattern
    legal: re.Pattern
    lead: re.Pattern
    outlet: re.Pattern
    as_source_after: re.Pattern
    outlets_source: re.Pattern
    reporting: re.Pattern
    byline_before: re.Pattern
    byline_after: re.Pattern
    unit_fill: re.Pattern
    units: re.Pattern
    kind_before_name: re.Pattern
    owner_words: re.Pattern
    short_for: re.Pattern
    matter: re.Pattern
    transfer: re.Pattern
    reason: re.Pattern
    will_zh: re.Pattern
    past: re.Pattern
    said: re.Pattern
    held_after: re.Pattern
    their_held: re.Pattern
    stake_of: re.Pattern
    left_out: re.Pattern
    to_come_before: re.Pattern
    to_come_after: re.Pattern
    transfer_lead: re.Pattern
    held_before: re.Pattern
    held_shares: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The checks' patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    held = rf"(?:{alt('held_adverb')})?(?:持有|拥有)的"
    return _Rx(
        sent_en=re.compile(rf"(?:,\s+(?:{alt('clause_joiner_en_comma')})\b|\b(?:{alt('clause_joiner_en')})\b)", re.I),
        # 行政处罚67人, 刑拘80人: a head count read as a name
        headcount=re.compile(rf"[0-9０-９一二两三四五六七八九十百千]+(?:余|多)?(?:{alt('headcount_unit')})"),
        # 一座巨型锂矿, 三家公司: a count before a noun describes things, it names no company
        counted=re.compile(rf"[0-9０-９一二两三四五六七八九十几多数]+(?:{alt('counted_thing_unit')})[\u4e00-\u9fff]"),
        list_gap=re.compile(rf"^\s*(?:，(?=[^，。]{{0,12}}(?:{alt('list_gap_late_conj')}))|{alt('list_gap')})\s*$"),
        listed_at=re.compile(rf"^\s*(?:{alt('listing_board')})?(?:{alt('listing_word')})"),
        legal=re.compile(r"(?:[（(][^（()）]{1,6}[)）])?(?:" + "|".join(map(re.escape, legal_endings("compare")))
                         + ")$", re.I),      # legal_endings.tsv, use `compare`
        lead=re.compile(rf"^(?:{alt('name_lead')})"),
        outlet=re.compile(rf"(?:{alt('outlet_end')})$"),
        # …讯, …记者: the source of a report; 新华社北京7月26日电, 上海证券报·中国证券网讯: a dateline
        # (每经小编了解到, 上证报中国证券网讯, 按CNBC的说法: a source too; 中国经营报《等深线》记者: a column between)
        as_source_after=re.compile(rf"^(?:[”》」]?\s*)(?:《[^《》，。]{{1,10}}》)?(?:[·•][^，,。；;]{{1,10}}?)?"
                                   rf"(?:{alt('source_after')})"
                                   r"|^[\u4e00-\u9fff]{0,8}?[0-9０-９一二三四五六七八九十]{1,4}月[0-9０-９一二三四五六七八九十]{1,3}日电"),
        # 新安晚报、安徽网、大皖客户端记者…: a list of outlets before 记者/讯, the first one named
        outlets_source=re.compile(rf"^(?:、[^，,。；;、：:]{{1,10}}){{1,4}}?(?:{alt('outlets_source')})"),
        # 中央电视台财经频道《经济半小时》栏目相继报道…: an outlet that reports in its clause; it fines, rules on,
        # sues or buys no one there
        reporting=re.compile(rf"^[^，,。；;：:]{{0,36}}?(?:{alt('reporting_verb')})"),
        byline_before=re.compile(rf"(?:{alt('byline_before')})\s*$"),
        byline_after=re.compile(rf"[\s)）]|(?:{alt('byline_after')}|[、/]|$)|[\u4e00-\u9fff、]{{2,10}}报道"),
        unit_fill=re.compile(rf"(?:[（(][^（()）]{{0,30}}[)）]|{alt('unit_fill')}|[,，、])*"),
        # 宝能集团旗下的前海人寿和钜盛华…买入万科股票: several units acting together are the group acting
        units=re.compile(rf"[^，。；：,;:]{{2,12}}?(?:{alt('list_conj_no_yu')})[^，。；：,;:]{{2}}"),
        # 全球最大IDM标准器件半导体|企业|Nexperia, 国内手机ODM|(原始设计制造)企业|智慧海派: a kind word (after a
        # bracket at most) between a description and the name it describes
        kind_before_name=re.compile(rf"(?:[（(][^（()）]{{1,20}}[)）])?(?:{alt('kind_before_name')})"),
        owner_words=re.compile(alt("owner_word")),
        short_for=re.compile(rf"[（(](?:以下)?(?:{alt('short_for')})[:：]?[“\"「]?$"),
        matter=re.compile(rf"(?:的)?(?:{alt('case_matter_word')})?"),
        transfer=re.compile(rf"(?:{alt('transfer_verb')})(?:{alt('transfer_prep')})?$"),
        reason=re.compile(alt("reason_word")),
        # 将 as "will": right before the act or an adverbial of it (将起诉, 将对其提起诉讼, 将向法院起诉); 将 as 把
        # takes the object first (将百度诉至该院; the object is blanked in the window, 将其/将后者 …)
        will_zh=re.compile(rf"$|对(?!方)|{alt('will_next')}"),
        past=re.compile(rf"{alt('past_word')}|\b(?:{alt('past_word_en')})\b"),
        said=re.compile(rf"\b(?:{alt('said_en')})\b"),
        # 收购X持有的Y / X全资持有的Y / X分别持有的Y: X holds what is sold
        held_after=re.compile(rf"(?:等)?{held}(?:[0-9０-９.]+%的?)?"),
        # 向X、Y购买其分别持有的Z: the ones 向 opens sell what 其…持有 names
        their_held=re.compile(rf"其{held}"),
        stake_of=re.compile(rf"([A-Za-z\u4e00-\u9fff][^，,。；;、（(]{{1,24}}?)(?:[0-9０-９.]+%|的?全部|的?全数|的?(?:{alt('stake_noun')}))"),
        left_out=re.compile(rf"[0-9０-９.]+%(?:的)?(?:{alt('left_stake_noun')})后的"),
        # 将再上诉至X, 拟向X提起上诉: X is where an appeal is still to go (check appeal_to_come)
        to_come_before=re.compile(rf"(?:{alt('appeal_verb')})(?:至|到)$|向$"),
        to_come_after=re.compile(rf"^(?:[（(][^（()）]{{0,20}}[)）])?(?:{alt('appeal_opener')})?(?:{alt('appeal_act')})"),
        # 应由X管辖, 移送X: the case goes to the court after it (check transferred)
        transfer_lead=re.compile(rf"(?:{alt('court_transfer_lead')})$"),
        # 冻结X持有的Y 510万股股票, 拍卖X所持Y股权: what is held (a count, a share, then the stake word)
        held_before=re.compile(rf"(?:{alt('held_verb')})(?:的)?$"),
        held_shares=re.compile(rf"(?:{alt('held_about')})?[0-9０-９.,，]*(?:万|亿)?(?:股|%|％)?(?:的)?(?:{alt('held_share_class')})?"
                               rf"(?:{alt('held_share_noun')})"),
    )


def _rx(ctx: Ctx | None) -> _Rx:
    """The patterns of the context's lexicon (no context, a check called on its own: the default lexicon)."""
    lex = ctx.lex if ctx is not None else load_lexicon()
    return _patterns(id(lex), lex)


@dataclass(frozen=True)
class Check:
    name: str
    status: str
    test: Callable[[Ctx, Relation], bool]


# ------------------------------------------------------------------------------------------------
# entities

def _non_entity_words() -> tuple[dict[str, frozenset], list[tuple[str, frozenset]], list[tuple[str, frozenset]]]:
    exact, suffix, prefix = {}, [], []
    for row in load_table("non_entities.tsv"):
        w = row.get("word", "")
        if not w:
            continue
        types = frozenset(t for t in (row.get("types") or "*").split("|") if t)
        kind = row.get("match") or "exact"
        if kind == "suffix":
            suffix.append((w, types))
        elif kind == "prefix":
            prefix.append((w, types))
        else:
            exact[w.lower()] = types
    return exact, suffix, prefix


def _fits(types: frozenset, typ: str) -> bool:
    return "*" in types or typ in types




def _descriptor(ctx: Ctx, e: Entity) -> bool:
    """美国专利公司InterDigital, 北京网络科技公司“字节跳动”: a place and common nouns before the name they
    describe (every telling followed by a Latin or quoted name, or another entity)."""
    if e.type != "Company" or e.name.isascii() or not e.mentions:
        return False
    # 收购应用程序开发服务公司Buddybuild, 卫星通信企业星轨公司…: a kind of company written right before a
    # Latin name (a Chinese name's English form comes in brackets, not glued on) is a description
    words = _check_words()
    if e.name.endswith(words["company_kind_end"]) and not e.name.endswith(words["registered_end"]) and ctx.lex.lookup(e.name) is None and \
            all(re.match(r"[A-Za-z]", ctx.text[t:t + 1]) for _, t in e.mentions):
        return True
    if not e.name.endswith(("公司", "集团")):
        return False
    # (the tellings first: they rarely all stand before a name, and then the words need no segmenting)
    starts = {s for x in ctx.ex.entities if x is not e for s, _ in x.mentions}
    if not all(t in starts or re.match(r"[A-Za-z“「\"]", ctx.text[t:t + 1]) for _, t in e.mentions):
        return False
    toks = nlp.tagged(nlp.to_simplified(e.name[:-2]))
    return bool(toks) and toks[0][1] == "ns" and all(t in ("ns", "n") for _, t in toks)


def _verb_quote(ctx: Ctx, e: Entity) -> bool:
    """「帶槍投靠」: a quoted phrase made only of verbs and adverbs is a saying, not a product."""
    if e.type not in ("Product", "Company") or e.name.isascii() or len(e.name) < 4 or not e.mentions:
        return False
    if not all(ctx.text[s - 1:s] in ("“", "「") for s, _ in e.mentions):
        return False
    toks = nlp.tagged(nlp.to_simplified(e.name))
    return len(toks) >= 2 and all((t or "x")[:1] in ("v", "d") for _, t in toks)


def non_entity(ctx: Ctx, e: Entity) -> bool:
    exact, suffix, prefix = _NON_ENTITY
    simp = nlp.to_simplified(e.name)
    for name in {e.name, simp}:
        types = exact.get(name.lower())
        if types is not None and _fits(types, e.type):
            return True
        # (a name that is only the suffix or prefix is no name either: 法律文书, 不超过, 之日起; the
        # words are looked up by the name's last and first character)
        if any(name.endswith(w) and _fits(t, e.type) for w, t in _NON_ENTITY_ENDS.get(name[-1:], ())):
            return True
        if any(name.startswith(w) and _fits(t, e.type) for w, t in _NON_ENTITY_OPENS.get(name[:1], ())):
            return True
    if e.type in ("Company", "Organization") and _rx(ctx).counted.match(e.name) and ctx.lex.lookup(e.name) is None:
        return True
    if _descriptor(ctx, e) or _verb_quote(ctx, e) or _rx(ctx).headcount.fullmatch(e.name) or \
            _asked(ctx, _named_as, e) is not None or _asked(ctx, _described, e) is not None:
        return True
    # a list or a slogan (「沒有授權、就沒有晶片」): a name holds no list comma
    if not e.name.isascii() and any(c in e.name for c in "、，；"):
        return True
    # a title in 《》 names a work or a law, never a company
    if e.type == "Company" and e.mentions and all(
            ctx.text[s - 1:s] == "《" and ctx.text[t:t + 1] == "》" for s, t in e.mentions):
        return True
    return False


# ------------------------------------------------------------------------------------------------
# relations

# in a deal, only a comma-list (A、B入股…): A与B签订协议 pairs the two sides of a deal
_DEAL_LIST_GAP = re.compile(r"^\s*(?:、|,)\s*$")


def _all_mentions(ctx: Ctx, start: int, end: int) -> list[tuple[int, int, str]]:
    out = [(s, t, e.name) for e in ctx.ex.entities for s, t in e.mentions if start <= s and t <= end]
    return sorted(out)


def co_listed(ctx: Ctx, r: Relation) -> bool:
    """An accusation or a block between two members of one list (美国司法部起诉联电、晋华及陈正坤…，指控其共谀
    …: the co-defendants accuse no one; Apple, Google and Amazon block …): every telling of the
    subject in the sentence sits in one enumeration with the object; so does a deal between two members
    of one list (在A、B入股…: co-investors, not investor and investee)."""
    if r.type not in ("accuses", "blocks", "acquires", "invests") or r.end <= r.start:
        return False
    ms = _all_mentions(ctx, r.start, r.end)
    subj = [i for i, m in enumerate(ms) if m[2] == r.subject]
    if not subj or not any(m[2] == r.object for m in ms):
        return False

    gap = _DEAL_LIST_GAP if r.type in ("acquires", "invests") else _rx(ctx).list_gap

    def chain(i: int) -> set[str]:
        names = {ms[i][2]}
        for step in (-1, 1):
            j = i
            while 0 <= j + step < len(ms):
                a, b = (ms[j], ms[j + step]) if step == 1 else (ms[j + step], ms[j])
                if b[0] < a[1] or not gap.match(ctx.text[a[1]:b[0]]):
                    break
                j += step
                names.add(ms[j][2])
        return names

    return all(r.object in chain(i) for i in subj)


def accused_accuser(ctx: Ctx, r: Relation) -> bool:
    """An accusation by a defendant against the one suing it in the same sentence (检方起诉A、B两家公司，指控其
    …: A and B accuse no one), unless the sentence also tells a suit the other way (a countersuit)."""
    if r.type != "accuses" or r.end <= r.start:
        return False
    same = [x for x in ctx.ex.relations if x.type == "sues" and not x.negated and x.start == r.start
            and x.end == r.end]
    # the accuser may be the defendant's product (起诉“搜狗输入法”抄袭其词库，并要求搜狗道歉: 搜狗 is sued)
    accuser = {r.subject} | ctx.owners_of(r.subject)
    return any(x.subject == r.object and x.object in accuser for x in same) and \
        not any(x.subject in accuser and x.object == r.object for x in same)




def addressee(ctx: Ctx, r: Relation) -> bool:
    """The authority a report goes to is neither the accused nor the accuser (万科向证监会、深交所等监管部门举报
    钜盛华…): every telling of that side before the report verb sits in the 向-phrase (with the names
    listed beside it)."""
    trig = nlp.to_simplified((r.trigger or "").split("…")[0])
    # (any accusation when the side is a forum: 向仲裁院提起8项仲裁，指控Y… — the forum hears it)
    forum = ctx.types.get(r.object) in ("Court", "Organization", "Regulator")
    if r.type != "accuses" or (trig not in _check_words()["report_verb"] and not forum) or r.end <= r.start:
        return False
    ms = _all_mentions(ctx, r.start, r.end)
    ts = ctx.text.find(trig, r.start, r.end)

    def addressed(name: str) -> bool:
        told = [i for i, m in enumerate(ms) if m[2] == name and (ts < 0 or m[1] <= ts)]
        for i in told:
            j = i
            while j > 0 and _rx(ctx).list_gap.match(ctx.text[ms[j - 1][1]:ms[j][0]]):
                j -= 1
            before = ctx.text[max(0, ms[j][0] - 8):ms[j][0]]
            place = next((w for w in _places_longest() if before.endswith(w)), "")
            if not before[:len(before) - len(place)].endswith(("向", "向了")):
                return False        # (a country before the forum qualifies it: 向瑞典|斯德哥尔摩商会仲裁院)
        return bool(told)

    return addressed(r.object) or (trig in _check_words()["report_verb"] and addressed(r.subject))


def venue(ctx: Ctx, r: Relation) -> bool:
    """A stock exchange a company is listed on (一家于深圳证券交易所上市的公司) is a place, no party: every
    telling of that side in the sentence is followed by 上市/挂牌."""
    if r.end <= r.start or r.type in ("owns", "leads"):
        return False
    for name in (r.subject, r.object):
        told = _mentions_in(ctx, name, r)
        if told and all(_rx(ctx).listed_at.match(ctx.text[t:t + 8]) for s, t in told):
            return True
    return False




def product_party(ctx: Ctx, r: Relation) -> bool:
    """A product (by the article or the lexicon) as a suit's party that its sentence never names, taken
    from context ("the FTC sued to block the deal" read with World of Warcraft, named with the deal
    before, as the defendant). A product named in the sentence may be a party (抖音起诉百度; TikTok sued
    the government, with ByteDance)."""
    if r.type not in ("sues", "blocks"):
        return False
    for side in (r.subject, r.object):
        le = ctx.lex.lookup(side)
        if ctx.types.get(side) != "Product" and not (le and le.type == "Product"):
            continue
        told = _mentions_in(ctx, side, r)
        if not told and (r.type == "sues" or r.rule.endswith("deal_buyer")):
            return True
    return False


def supporter(ctx: Ctx, r: Relation) -> bool:
    """The one who backs an act is not its actor (经济部长龚明鑫表示支持台积电提告: 台积电 sues, not 龚明鑫):
    the subject is told before a word of support, the object after it, the trigger after the object."""
    if r.end <= r.start or r.type in ("owns", "leads", "rules", "fines"):
        return False        # (法院支持了X的主张，裁定…: a court rules for X)
    subj = _mentions_in(ctx, r.subject, r)
    objs = _mentions_in(ctx, r.object, r)
    trig = nlp.to_simplified((r.trigger or "").split("…")[0])
    if not subj or not objs or not trig:
        return False
    ts = ctx.text.find(trig, r.start, r.end)
    for s1, t1 in subj:
        for s2, t2 in objs:
            if t1 <= s2 and t2 <= ts and ts - t2 <= 1 and \
                    any(w in ctx.text[t1:s2] for w in _check_words()["support_verb"]) and not any(c in ctx.text[t1:s2] for c in "，。；"):
                return True
    return False


def types_ok(ctx: Ctx, r: Relation) -> bool:
    """True when a side's type breaks relations.tsv (the check fires)."""
    schema = ctx.lex.schema.get(r.type)
    if not schema or r.type == "owns":     # 抖音的国际版TikTok: a product owns its versions too
        return False
    st, ot = ctx.types.get(r.subject), ctx.types.get(r.object)
    if st is None or ot is None:
        return False
    s_ok, o_ok = schema[0], schema[1]
    if r.type == "rules" and st == "Person":    # Judge Price ruled …: the judge, when no court is named
        return False
    fits = (st in s_ok and ot in o_ok) or (schema[2] and ot in s_ok and st in o_ok)
    return not fits


def own_side(ctx: Ctx, r: Relation) -> bool:
    if r.type not in HOSTILE:
        return False
    so, oo = ctx.owners_of(r.subject), ctx.owners_of(r.object)
    return r.subject in oo or r.object in so or bool(so & oo)


def _bare(name: str, rx: _Rx) -> str:
    prev = None
    while prev != name:
        prev, name = name, rx.legal.sub("", name).strip()
    return name


def self_loop(ctx: Ctx, r: Relation) -> bool:
    """Both sides are one company written two ways (金城医药股份有限公司 / 金城医药, 时任天圣制药 / 天圣制药)."""
    if r.type in ("owns", "launches", "discontinues") or r.subject == r.object:
        return False
    rx = _rx(ctx)
    a, b = _bare(nlp.to_simplified(r.subject), rx), _bare(nlp.to_simplified(r.object), rx)
    if len(a) < 2 or len(b) < 2:
        return False
    return a == b or rx.lead.sub("", a) == b or rx.lead.sub("", b) == a


def source_side(ctx: Ctx, r: Relation) -> bool:
    """A side that is only the news source (上海证券报讯, 据新华社报道, 新安晚报记者…获悉, 每经小编, 按CNBC的说法)
    or an outlet's premises (在人民日报社举行发布会): no party."""
    if r.type in ("owns", "leads") or r.end <= r.start:
        return False
    for name in (r.subject, r.object):
        ms = _mentions_in(ctx, name, r)
        # a court or regulator a reporter learns from (从海淀法院获悉, 据工信部网站消息) is also the actor
        if not ms or ctx.types.get(name) in ("Court", "Regulator"):
            continue
        # 《联合报》报道, 据新安晚报, 上海证券报讯: an outlet standing where a source stands
        # (天天快报 in a list of rivals is an app: the outlet must stand where a source stands)
        if ctx.types.get(name) in ("Organization", "Company") and _rx(ctx).outlet.search(nlp.to_simplified(name)) and all(
                ctx.text[t:t + 1] in ("》", "」", "：", ":", "社") or _rx(ctx).as_source_after.match(ctx.text[t:t + 8])
                or _rx(ctx).outlets_source.match(ctx.text[t:t + 32])
                or (r.type in _NO_OUTLET_ACTS and _rx(ctx).reporting.match(ctx.text[t:t + 40]))
                or ctx.text[s - 1:s] in ("据", "《", "「") for s, t in ms):
            return True
        if all(_rx(ctx).as_source_after.match(ctx.text[t:t + 8]) or ctx.text[s - 1:s] == "据" for s, t in ms):
            return True
        # a reporter's byline (（记者 朱梦秋）, 记者张家振摄影, 记者王某北京报道): the writer, no party
        if all(_rx(ctx).byline_before.search(ctx.text[max(0, s - 6):s]) and _rx(ctx).byline_after.match(ctx.text[t:t + 12])
               for s, t in ms):
            return True
    return False


_NO_OUTLET_ACTS = frozenset({"fines", "rules", "sues", "acquires", "invests"})


def place_side(ctx: Ctx, r: Relation) -> bool:
    """A deal's side that is only a place (收购美国UAI, 以…收购智利SQM: the country written before the
    name it qualifies; 成都 for 成都七中): a bare place word the lexicon does not know as a company."""
    if r.type not in ("acquires", "invests") or ctx.lang == "en":
        return False
    places = _places()
    for name in (r.subject, r.object):
        simp = nlp.to_simplified(name)
        if simp in places and ctx.lex.lookup(name) is None and ctx.lex.lookup(simp) is None:
            return True
    return False


@functools.lru_cache(maxsize=1)
def _places_longest() -> tuple[str, ...]:
    return tuple(sorted(_places(), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _places() -> frozenset:
    return frozenset(row["word"] for row in load_table("places.tsv") if row.get("word"))


@functools.lru_cache(maxsize=1)
def _check_words() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in load_table("check_words.tsv"):
        if row.get("kind") and row.get("word"):
            out.setdefault(row["kind"], []).append(row["word"])
    # longest first, so 可能性 is tried before 可能
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def taken_object(ctx: Ctx, r: Relation) -> bool:
    """A buyer or investor that the sentence names only right after another deal verb (减持X, 新进了X,
    收购X、拟收购Y): that name is the object of the verb before it, not the actor of this deal."""
    if r.type not in ("acquires", "invests") or r.end <= r.start or ctx.lang == "en":
        return False
    told = _mentions_in(ctx, r.subject, r)
    verbs = _check_words().get("deal_object", ())
    if not told or not verbs:
        return False
    for s, _ in told:
        lead = ctx.text[max(r.start, s - 6):s]
        lead = lead[:-1] if lead.endswith("了") else lead
        if not lead.endswith(verbs):
            return False
    return True


def _title_of(spans: list[tuple[int, int]], s: int, t: int) -> int | None:
    return next((i for i, (a, b) in enumerate(spans) if a < s and t <= b), None)


def apart_titles(ctx: Ctx, r: Relation) -> bool:
    """Two sides each named only inside 《》 titles and never in the same one: a list of documents
    (审议通过《关于为A提供担保的议案》、《关于投资设立B的议案》) relates no side of one to a side of another."""
    if r.end <= r.start or ctx.lang == "en" or "《" not in ctx.text[r.start:r.end]:
        return False
    spans = [(m.start() + r.start, m.end() + r.start - 1)
             for m in re.finditer(r"《[^《》]*》", ctx.text[r.start:r.end])]
    a = {_title_of(spans, s, t) for s, t in _mentions_in(ctx, r.subject, r)}
    b = {_title_of(spans, s, t) for s, t in _mentions_in(ctx, r.object, r)}
    return bool(a) and bool(b) and None not in a and None not in b and not (a & b)


def nominal(ctx: Ctx, r: Relation) -> bool:
    """Every telling of the trigger in the sentence is a noun phrase's modifier (申请禁令的做法, 起诉的权利,
    收购的可能): a practice, a right or a chance is named, no act is told."""
    if r.type in ("owns", "leads") or r.end <= r.start or ctx.lang == "en":
        return False
    heads = _check_words().get("nominal_head", ())
    spans = _trigger_spans(ctx, r)
    return bool(spans) and bool(heads) and all(
        ctx.text.startswith("的", te) and ctx.text.startswith(heads, te + 1) for _, te in spans)


def venture_partner(ctx: Ctx, r: Relation) -> bool:
    """A joint venture read with the wrong company as the one founded (zh.invest.venture): the object is
    told only before the founding verb (a partner: A与B共同签署合同，成立合资公司), or the verb's gap holds
    another company (A与B合资成立的C设立了D, read as 合资…设立: C is founded, D is C's)."""
    if not r.rule.startswith("zh.invest.venture") or r.end <= r.start:
        return False
    objs = _mentions_in(ctx, r.object, r)
    spans = _trigger_spans(ctx, r)
    if not objs or not spans:
        return False
    if all(s < spans[0][0] for s, _ in objs):
        return True
    tail = (r.trigger or "").split("…")[1:]
    if not tail:
        return False
    for ts, te in spans:
        end = ctx.text.find(nlp.to_simplified(tail[0]), te, r.end)
        if end < 0:
            continue
        inside = [m for m in _all_mentions(ctx, te, end) if m[2] not in (r.subject, r.object)]
        if inside and any(s >= end for s, _ in objs):
            return True
    return False


def store_object(ctx: Ctx, r: Relation) -> bool:
    """An app store or a phone's operating system as what is taken down (小红书被苹果App Store下架 read as
    小红书 -> Android; 回应飞聊下架App Store): a store is where an app is delisted, never the app
    (check_words.tsv kind store: names, and name endings such as 应用市场)."""
    if r.type not in ("blocks", "discontinues") or ctx.lang == "en":
        return False
    words = _check_words().get("store", ())
    e = ctx.entity(r.object)
    names = {nlp.to_simplified(n) for n in [r.object] + (list(e.aliases) if e else [])}
    le = ctx.lex.lookup(r.object)
    if le is not None:
        names.add(le.name)
    return any(n in words or n.endswith(_check_words()["store_end"]) for n in names)




def possessor(ctx: Ctx, r: Relation) -> bool:
    """A side named in the sentence only as the owner of a head noun (星海科技的子公司违规经营，市场监管局对其
    罚款: the subsidiary is fined; X的员工起诉Y: the employee sues) is not the party."""
    if r.type not in ("sues", "fines", "rules", "blocks", "accuses", "acquires", "invests") or r.end <= r.start \
            or ctx.lang == "en":
        return False
    heads = _check_words().get("possessed_head", ())
    if not heads:
        return False
    for name in (r.subject, r.object):
        told = _mentions_in(ctx, name, r)
        if told and all(ctx.text.startswith("的", t) and ctx.text.startswith(heads, t + 1) for _, t in told):
            return True
    return False


# 收购X后快速崛起的Y: the deal's object, then 后 and a predicate of the name after 的
_RELATIVE_GAP = re.compile(r"[^，。；：,;:]{0,24}?后[^，。；：,;:的]{1,12}的$")


def relative_head(ctx: Ctx, r: Relation) -> bool:
    """The object is told after the trigger only as the head of a relative clause the trigger opens
    (与收购星科金朋后快速崛起的长电科技拉开距离: 长电科技 made the deal, then rose; the clause's subject
    made none): X后<predicate>的Y names Y by what Y did, it is not what the verb takes."""
    if r.type in ("owns", "leads") or r.end <= r.start or ctx.lang == "en":
        return False
    spans = _trigger_spans(ctx, r)
    objs = _mentions_in(ctx, r.object, r)
    if not spans or not objs:
        return False
    for ts, te in spans:
        after = [s for s, _ in objs if s >= te]
        if not after or not _RELATIVE_GAP.fullmatch(ctx.text, te, after[0]):
            return False
    return True


_TITLED = re.compile(r"^的[^，。；：,;:]{0,4}?(?:“[^”]{1,20}”|《[^》]{1,20}》|「[^」]{1,20}」)")


def launched_head(ctx: Ctx, r: Relation) -> bool:
    """What a launch verb takes is the product right after it: a name told after the trigger only as what
    the product is aimed at (推出针对QQ的“隐私保护器”: check_words.tsv kind aim), or after a product the
    relative X推出的“Y”软件 names (指其推出的“扣扣保镖”软件篡改、破坏QQ…: QQ is what Y harms), is not launched."""
    if r.type not in ("launches", "discontinues") or r.end <= r.start or ctx.lang == "en":
        return False
    spans = _trigger_spans(ctx, r)
    objs = _mentions_in(ctx, r.object, r)
    aims = _check_words().get("aim", ())
    if not spans or not objs:
        return False
    for ts, te in spans:
        after = [(s, t) for s, t in objs if s >= te]
        if not after:
            return False
        s, t = after[0]
        gap = ctx.text[te:s]
        aimed = gap.rstrip().endswith(aims) and ctx.text.startswith("的", t) and "，" not in gap and "," not in gap
        if not (aimed or _TITLED.match(gap)):
            return False
    return True


def deal_target(ctx: Ctx, r: Relation) -> bool:
    """A partnership's side told after the partnership trigger only past another act's trigger (A与B联手收购C,
    A与若干合作方以…收购C, A与B达成战略合作并…收购C): C is what the joint act takes, not a partner (a
    state noun between them, 接入腾讯旗下的微信支付, takes nothing)."""
    if r.type != "cooperates" or r.end <= r.start or ctx.lang == "en":
        return False
    spans = _trigger_spans(ctx, r)
    objs = _mentions_in(ctx, r.object, r)
    if not spans or not objs or any(s < spans[0][0] for s, _ in objs):
        return False
    for ts, te in spans:
        after = [s for s, _ in objs if s >= te]
        if not after:
            return False
        if not any(any(t.relation not in ("cooperates", "owns", "leads", "-") for t in trigs)
                   for _, _, trigs in find_triggers(ctx.text, ctx.lex, te, after[0])):
            return False
    return True


def beneficiary(ctx: Ctx, r: Relation) -> bool:
    """A ruling's or a suit's side told only as whom an act is for (禁止梁孟松为三星工作, 不得为三星提供服务: 为/替,
    then the act, check_words.tsv kind for_act): the one worked for is named by the order, it is no party of the
    case (为诺基亚5G专利确定费率, 上诉人为X: no act right after the name, left alone)."""
    acts, not_for = _check_words().get("for_act", ()), _check_words().get("not_for", ())
    if r.type not in ("rules", "sues") or r.end <= r.start or ctx.lang == "en" or not acts:
        return False
    for name in (r.subject, r.object):
        told = _mentions_in(ctx, name, r)
        if told and all(ctx.text[s - 1:s] in ("为", "替") and ctx.text[max(0, s - 2):s] not in not_for and
                        ctx.text.startswith(acts, t) for s, t in told):
            return True
    return False


def unit_actor(ctx: Ctx, r: Relation) -> bool:
    """A deal's actor told only as the owner of a named unit that does the deal (X旗下上市公司Y以12亿元收购Z,
    X公告，其全资子公司Y拟收购Z: Y buys, not X). A unit the owner acts through (X通过旗下Y收购Z, X通过子公司
    收购Z) or joins (X及其子公司Y收购Z), several units together (X旗下的Y和W买入Z: the group buys), a unit not
    named (X旗下的两只产品增持Z), another name's unit
    (X控股W旗下的V，同时收购Z) or an agent phrase (由X旗下的Y领投) leave X the actor (check_words.tsv kinds
    unit_head, unit_via, unit_act)."""
    if r.type not in ("acquires", "invests") or r.end <= r.start or ctx.lang == "en":
        return False
    words = _check_words()
    heads, via = words.get("unit_head", ()), words.get("unit_via", ())
    spans = _trigger_spans(ctx, r)
    told = [(s, t) for s, t in _mentions_in(ctx, r.subject, r) if spans and t <= spans[0][0]]
    if not heads or not told or ctx.text[told[-1][0] - 1:told[-1][0]] == "由":
        return False
    t, ts = told[-1][1], spans[0][0]
    others = [s for s, _, name in _all_mentions(ctx, t, ts) if name != r.subject]
    gap = ctx.text[t:ts]
    for h in heads:
        i = gap.find(h)
        while i >= 0:
            if not any(s < t + i for s in others) and _names_unit(gap[i + len(h):], words, _rx(ctx)) and \
                    not any(v in gap[max(0, i - 6):i] for v in via):
                return True
            i = gap.find(h, i + 1)
    return False


_QUANTITY = re.compile(r"[0-9０-９一二两三四五六七八九十几多数某该其各]")


def _names_unit(rest: str, words: dict, rx: _Rx) -> bool:
    """The text after a unit word names the unit: a name of two characters or more, not a verb of the
    deal (子公司拟收购), a count (旗下的两只产品) or the end of a title (《关于对全资子公司增资的议案》)."""
    rest = rest[len(rx.unit_fill.match(rest)[0]):]
    return len(rest) >= 2 and rest[:1] not in "，。；：,;:" and not rest.startswith(words.get("unit_act", ())) \
        and not _QUANTITY.match(rest) and "《" not in rest and "》" not in rest and not rx.units.match(rest)


_DASH = re.compile(r"[―—–-]{1,2}(?=[^，。；,;\s―—–-])")


def _described(ctx: Ctx, e: Entity) -> str | None:
    """收购印度保险产品综合平台Policybazaar, 收购国内手机ODM(原始设计制造)企业智慧海派: a description read as a
    name, told every time right before a kind word and the name it describes — that name when it is an
    entity of the article, "" when it is a Latin name or, after a dash, a place-led description
    (英国伦敦老牌赌场——利陞俱乐部) is followed by a name the reader did not find; None otherwise."""
    if e.type not in ("Company", "Product") or not e.mentions or ctx.lex.lookup(e.name) is not None \
            or ctx.lang == "en" or e.name.endswith(_check_words()["company_kind_end"] + _check_words()["registered_end"]
                                                     + _check_words()["holding_end"]):
        return None         # (a registered name is a name: X集团旗下上市公司Y — X owns Y)
    starts = {s: name for s, name in ctx.starts().items() if name != e.name}
    found = None
    for _, t in e.mentions:
        m = _rx(ctx).kind_before_name.match(ctx.text, t)
        m = None if m is None or _rx(ctx).owner_words.search(m.group()) else m
        if m and m.end() in starts:
            name = starts[m.end()]
        elif m and re.match(r"[A-Za-z]{3}", ctx.text[m.end():m.end() + 3]) and not \
                re.match(r"(?:CEO|CFO|COO|CTO|VP)\b", ctx.text[m.end():m.end() + 4]):
            name = ""
        elif _DASH.match(ctx.text, t) and (nlp.tagged(nlp.to_simplified(e.name)) or [("", "")])[0][1] == "ns":
            name = ""
        else:
            return None
        found = name if found is None or found == name else ""
    return found


def _asked(ctx: Ctx, test: Callable[[Ctx, Entity], str | None], e: Entity) -> str | None:
    """`test(ctx, e)`, answered once per article: moving a description's facts to the name it
    describes and the non-entity check both ask, and neither changes what the answer reads."""
    memo = ctx.__dict__.setdefault("_asked", {})
    got = memo.get((test, id(e)))
    if got is None or got[0] is not e:
        got = memo[(test, id(e))] = (e, test(ctx, e))
    return got[1]


def _named_as(ctx: Ctx, e: Entity) -> str | None:
    """一家名为X的英国公司: the entity told only as the description after 名为X的 — X's name when X is an
    entity of the article, "" when it is not; None for any other entity."""
    if e.type != "Company" or not e.mentions or ctx.lex.lookup(e.name) is not None or \
            not e.name.endswith(_check_words()["company_kind_end"]) or e.name.endswith(_check_words()["registered_end"]):
        return None         # (被称为“中国Zara”的拉夏贝尔: a name after 的 is its own)
    verbs = _check_words().get("named_as", ())
    found = None
    for s, _ in e.mentions:
        if not ctx.text.endswith("的", 0, s):
            return None
        lead = ctx.text[max(0, s - 40):s - 1].rstrip("”」\"'")
        m = re.search(r"(?:" + "|".join(map(re.escape, verbs)) + r")[“「\"']?([^，。；,;“”「」\"']{1,30})$", lead) if verbs else None
        if not m:
            return None
        at = max(0, s - 40) + m.start(1)
        name = next((x.name for x in ctx.ex.entities if x is not e for a, b in x.mentions if a == at), "")
        found = name if found is None else (found if found == name else "")
    return found


def next_actor(ctx: Ctx, r: Relation) -> bool:
    """The object of a deal told after the trigger only right after a list comma and right before an
    act of its own (A收购B、C整合D; A收购B、C被竞购): C opens the next deal of the list."""
    if r.type not in ("acquires", "invests") or r.end <= r.start or ctx.lang == "en":
        return False
    acts = _check_words().get("next_act", ())
    spans = _trigger_spans(ctx, r)
    if not acts or not spans:
        return False
    # (a short name given in brackets after a telling, 中国航空工业集团(简称“中航工业”), is no telling of its own;
    # a list of deals may be told in clauses too: 融钰集团完成收购万泰中联，东湖高新完成收购泰欣环境)
    told = [(s, t) for s, t in _mentions_in(ctx, r.object, r)
            if s > spans[0][0] and not _rx(ctx).short_for.search(ctx.text[max(0, s - 8):s])]
    return bool(told) and all(_opens_next(ctx, s, t, acts) for s, t in told)


def _opens_next(ctx: Ctx, s: int, t: int, acts: tuple) -> bool:
    """The name at s..t opens a list item or clause with its own act (、C整合D; ，C完成收购D — but ，C被X收购
    after a comma is a passive telling C as the object of the deal that follows)."""
    lead, rest = ctx.text[s - 1:s], ctx.text[t + len(_PAREN.match(ctx.text, t)[0]):]
    return (lead == "、" or lead in ("，", ",") and not rest.startswith("被")) and rest.startswith(acts)


_PAREN = re.compile(r"(?:[（(][^（()）]{0,20}[)）])?")


def case_matter(ctx: Ctx, r: Relation) -> bool:
    """A side of a settlement (cooperates) told only as the matter of a case (苹果6000万美元和解iPad商标案:
    the case is about iPad, which settles nothing); a fact the headline alone states is read there."""
    if r.type != "cooperates" or ctx.lang == "en":
        return False
    words = _check_words().get("case_word", ())
    if not words:
        return False
    if r.end > r.start:
        text, start, end = ctx.text, r.start, r.end
    else:
        text = nlp.to_simplified(ctx.ex.article.title or "")
        start, end = 0, len(text)
    for name in (r.subject, r.object):
        e = ctx.ex.entity(name)
        names = {nlp.to_simplified(n) for n in ([name] + list(e.aliases if e else [])) if n}
        told = sorted({span for n in names for span in occurrences(text[start:end], n)})
        if told and all(text.startswith(words, start + t + len(_rx(ctx).matter.match(text, start + t)[0])) for _, t in told):
            return True
    return False

def work_title(ctx: Ctx, r: Relation) -> bool:
    """A court's ruled party that is a product its sentence names only as a title in 《》 (判决X等公司在电视剧
    《风筝》上为林宏署名: the series is what the case is about, the parties are the companies)."""
    if r.type != "rules" or ctx.lang == "en" or r.end <= r.start or ctx.types.get(r.object) != "Product":
        return False
    told = _mentions_in(ctx, r.object, r)
    return bool(told) and all(ctx.text[s - 1:s] == "《" and ctx.text[t:t + 1] == "》" for s, t in told)


_APPEAL = re.compile(r"不服[^。；]{0,60}?可[^。；]{0,40}?$")


def transferred(ctx: Ctx, r: Relation) -> bool:
    if r.type != "rules":
        return False
    for s, e in _mentions_in(ctx, r.subject, r):
        lead = ctx.text[max(r.start, s - 70):s]
        if _rx(ctx).transfer.search(lead) or _APPEAL.search(lead):
            return True
        if _APPEAL.search(re.sub(r"向$", "", lead)) or _rx(ctx).transfer_lead.search(lead.rstrip("向至到")):
            return True
    return False


def appeal_to_come(ctx: Ctx, r: Relation) -> bool:
    """A court the sentence names only as where a party means to take its appeal or suit (先进光表示将再上诉
    至最高法院; 公司将在上诉期内向最高院提出上诉; check_words.tsv kind intent before it in its clause) has
    ruled on nothing by that telling: the appeal is still to come."""
    if r.type != "rules" or r.end <= r.start or ctx.lang == "en":
        return False
    intents = _check_words().get("intent", ())
    told = _mentions_in(ctx, r.subject, r)
    if not told or not intents:
        return False
    for s, e in told:
        cs = s
        while cs > r.start and ctx.text[cs - 1] not in "，。；：！？,;:!?\n":
            cs -= 1
        lead = ctx.text[cs:s]
        dest = _rx(ctx).to_come_before.search(lead)
        if not dest or (dest.group(0) == "向" and not _rx(ctx).to_come_after.match(ctx.text[e:r.end])):
            return False
        if not any(_intent_at(ctx, lead[:dest.start()], w) for w in intents):
            return False
    return True


def _intent_at(ctx: Ctx, text: str, word: str) -> bool:
    """`word` stands in `text` as a word of purpose; 将 only as "will" (将再上诉至X, 将在上诉期内向X…), not
    as 把 (公司将该案上诉至X: an appeal made)."""
    i = text.find(word)
    while i >= 0:
        after = text[i + len(word):]
        if word != "将" or _rx(ctx).to_come_after.match(after) or _rx(ctx).will_zh.match(after):
            return True
        i = text.find(word, i + 1)
    return False


def accepted_only(ctx: Ctx, r: Relation) -> bool:
    """A court that has only accepted a case (该院近日受理了A诉B一案; 法院已受理此案) has decided nothing yet:
    no `rules` from 受理 or 立案 unless the sentence tells the case closed (…已审理终结, 判决, 驳回:
    check_words.tsv kind case_closed)."""
    if r.type != "rules" or r.end <= r.start or ctx.lang == "en":
        return False
    head = (r.trigger or "").split("…")[0]
    if head not in _check_words().get("acceptance", ()):
        return False
    closed = _check_words().get("case_closed", ())
    sent = ctx.text[r.start:r.end]
    return not any(w in sent for w in closed)


_PROHIBIT_REACH = 30       # how far from the prohibiting word the deal's words may stand, in its clause
_PROHIBIT_CLAUSE = "，,；;：:。！？\n"
_DEAL_LINKS = ("与", "和", "、", "及", "同", "跟", "被", "依法", "予以", "公司", "集团", " ", "　")


def _deal_parties(ctx: Ctx, d: int, word: str, ends: dict, starts: dict) -> set[str]:
    """The names a deal word at `d` joins: the names right before it, linked by 与/和/、 (A与B合并, A、B被禁止
    合并), and the one right after a buying verb (C收购D); not a name told further off (X申报的A与B合并案)."""
    out: set[str] = set()
    words = _DEAL_LINKS + _check_words().get("prohibits", ())
    k = d
    while k > 0:
        name = ends.get(k)
        if name:
            out.add(name[1])
            k = name[0]
            continue
        w = next((w for w in words if ctx.text.endswith(w, 0, k)), None)
        if w is None:
            break
        k -= len(w)
    if word != "合并":
        k = d + len(word)
        k += ctx.text.startswith("了", k)
        if k in starts:
            out.add(starts[k])
    return out


def _prohibited_groups(ctx: Ctx) -> list[frozenset]:
    """The parties of each deal the article tells prohibited (市场监管总局禁止A与B合并; A、B被禁止合并; 禁止C收购D),
    one group for each sentence: the names a deal word (kind deal_word) joins when a prohibiting word (kind
    prohibits) stands within reach of it in one clause (沙特叫停这一计划，转而专注于A收购B: the plan is
    stopped, not the deal); made once per article."""
    ents = ctx.ex.entities
    made = ctx.__dict__.get("_prohibited")
    if made is not None and made[0] is ents and made[1] == len(ents):
        return made[2]
    words = _check_words()
    cues, deals, nots = words.get("prohibits", ()), words.get("deal_word", ()), words.get("prohibits_not", ())
    text = ctx.text
    ends = {t: (s, e.name) for e in ents for s, t in e.mentions}
    starts = ctx.starts()
    groups: dict[int, set[str]] = {}
    for cue in cues:
        i = text.find(cue)
        while i >= 0:
            if any(text.endswith(w, 0, i) for w in nots) or any(      # 不予禁止, 一票否决权
                    cue in w and text.startswith(w, i - w.index(cue)) for w in words.get("prohibits_unless", ())):
                i = text.find(cue, i + len(cue))
                continue
            lo, hi = max(0, i - _PROHIBIT_REACH), min(len(text), i + len(cue) + _PROHIBIT_REACH)
            k = max(text.rfind(c, 0, i) for c in _PROHIBIT_CLAUSE)
            lo = max(lo, k + 1)
            sent = max(text.rfind(c, 0, i) for c in "。！？\n")
            hi = min([hi] + [x for x in (text.find(c, i, hi) for c in _PROHIBIT_CLAUSE) if x >= 0])
            for dw in deals:
                j = text.find(dw, lo, hi)
                while j >= 0:
                    groups.setdefault(sent, set()).update(_deal_parties(ctx, j, dw, ends, starts))
                    j = text.find(dw, j + len(dw), hi)
            i = text.find(cue, i + len(cue))
    out = [frozenset(g) for g in groups.values() if len(g) >= 2]
    # 公平会决议禁止两者结合: the deal told before the prohibition (kg/extract/deal_prohibitions.py)
    out += [g for *_, g in pointed_prohibitions(text, ctx.ex.relations, ctx.types)]
    ctx._prohibited = (ents, len(ents), out)      # (made once per entity list, as Ctx.starts)
    return out


def former_owner(ctx: Ctx, r: Relation) -> bool:
    """An `owns` fact its sentence tells as over (曾是X旗下, X的前子公司, X已将旗下的Y出售给Z, "X's former
    unit", "X sold its Y unit"): kg/extract/former_owners.py."""
    if r.type != "owns" or r.end <= r.start:
        return False
    o, u = ctx.entity(r.subject), ctx.entity(r.object)
    return o is not None and u is not None and \
        former_ownership(ctx.text, ctx.lang, r.start, r.end, o.mentions, u.mentions)


def prohibited_deal(ctx: Ctx, r: Relation) -> bool:
    """A deal the article tells prohibited (市场监管总局禁止A与B合并, A、B被禁止合并, 自2009年禁止C收购D)
    was not done: no `acquires` between its parties wherever the article tells the deal (the notice
    of the review before the decision, 对A与B合并案进行审查), and no `blocks` one party puts on another
    (禁止C收购D is no block by C; the prohibiting regulator, court or government stays the blocker)."""
    if r.type not in ("acquires", "blocks") or ctx.lang == "en":
        return False
    if r.type == "blocks" and ctx.types.get(r.subject) in ("Regulator", "Court"):
        return False
    pair = {r.subject, r.object}
    return any(pair <= g for g in _prohibited_groups(ctx))


def _mentions_in(ctx: Ctx, name: str, r: Relation) -> list[tuple[int, int]]:
    e = ctx.entity(name)
    if e is None:
        return []
    return [(s, t) for s, t in e.mentions if r.start <= s and t <= r.end]


@dataclass(frozen=True)
class Cue:
    word: str
    status: str
    lang: str
    side: str
    types: frozenset
    unless: tuple


def _cues() -> list[Cue]:
    out = []
    for row in load_table("scope.tsv"):
        if not row.get("word") or row.get("status") not in ("negated", "irrealis"):
            continue
        out.append(Cue(row["word"], row["status"], row.get("lang") or "zh", row.get("side") or "before",
                       frozenset((row.get("types") or "*").split("|")),
                       tuple(u for u in (row.get("unless") or "").split("|") if u)))
    return out




def _trigger_spans(ctx: Ctx, r: Relation) -> list[tuple[int, int]]:
    """Every telling of the relation's trigger in its sentence."""
    word = (r.trigger or "").split("…")[0].strip()
    if not word or r.end <= r.start:
        return []
    sent = ctx.text[r.start:r.end]
    en = ctx.lang == "en"
    low = sent.lower() if en else sent
    w = word.lower() if en else nlp.to_simplified(word)
    return [(r.start + a, r.start + b) for a, b in occurrences(low, w)]     # (str.find, no pattern per word)


def _cue_at(window: str, cue: Cue, en: bool, rx: _Rx) -> bool:
    if en:
        pat = _EN_CUE.get(cue.word)
        if pat is None:
            pat = _EN_CUE[cue.word] = re.compile(r"(?<![\w'])" + re.escape(cue.word) + r"(?![\w'])")
        for m in pat.finditer(window):
            rest = window[m.start():].lower()
            if any(rest.startswith(u) or window[:m.end()].lower().endswith(u) for u in cue.unless):
                continue
            # said it would buy X: reported speech announcing the act, not a condition
            if cue.word in ("would", "will") and "*" in cue.types and (not window[m.end():].strip() or rx.said.search(window[:m.start()])):
                continue
            return True
        return False
    i = window.find(cue.word)
    while i >= 0:
        around = window[max(0, i - 4):i + len(cue.word) + 4]
        after = window[i + len(cue.word):]
        if cue.word == "将" and not rx.will_zh.match(after):
            i = window.find(cue.word, i + 1)    # 将X起诉至 (将 as 把, the object blanked): a filing
            continue
        if not any(u in around and _overlaps(window, i, cue.word, u) for u in cue.unless) and \
                not (cue.status == "negated" and (after.startswith(_check_words()["double_neg"]) or
                                                  window[:i].endswith(_check_words()["neg_prefix"]))):
            return True
        i = window.find(cue.word, i + 1)
    return False


_EN_CUE: dict[str, re.Pattern] = {}


def _overlaps(window: str, i: int, word: str, longer: str) -> bool:
    j = window.find(longer, max(0, i - len(longer)))
    while 0 <= j <= i:
        if j <= i and i + len(word) <= j + len(longer):
            return True
        j = window.find(longer, j + 1)
    return False


def scope_status(ctx: Ctx, r: Relation) -> str | None:
    """"negated"/"irrealis" when a cue of scope.tsv governs every telling of the relation's trigger in
    its sentence, else None."""
    if r.type in ("owns", "leads") or r.trigger in ("lexicon", "role", "possessive", "owner"):
        return None
    spans = _trigger_spans(ctx, r)
    found = [_scope_at(ctx, r, ts, te) for ts, te in spans]
    return found[0] if found and all(found) else None


def _scope_at(ctx: Ctx, r: Relation, ts: int, te: int) -> str | None:
    en = ctx.lang == "en"
    breaks = _CLAUSE_EN if en else _CLAUSE_ZH
    cs = ts
    while cs > r.start and ctx.text[cs - 1] not in breaks:
        cs -= 1
    cs0 = cs
    # the cue governs the act of the subject: counted from the subject on when it is in the clause
    # (甘情操否认浔兴股份的指控 is no negated accusation by 浔兴股份)
    subj = [t for s, t in _mentions_in(ctx, r.subject, r) if cs <= s and t <= ts]
    if subj:
        cs = max(subj)
    before = ctx.text[cs:ts]
    if en:
        parts = _rx(ctx).sent_en.split(before)
        before = parts[-1] if parts else before
        if ctx.text[ts:te].lower().startswith("to "):
            before += "to "       # failed | to buy: the cue ends inside the trigger
    else:
        # the negation of a reason (因未履行合同被起诉) is no negation of the act
        before = _rx(ctx).reason.split(before)[-1]
        for s, t in _mentions_in(ctx, r.object, r):
            if cs <= s and t <= ts:
                before = before.replace(ctx.text[s:t], " " * (t - s))
            elif s == ts:
                before += " "    # 将百度告上法院, the trigger told with its object (百度告上): 将 is 把, not "will"
    after = ctx.text[te:r.end]
    # a condition (如果…，将…) governs its own clause and the one after it, not a past act told later
    # in the sentence (若交易完成，曾在2010年收购汉堡王的3G资本…)
    ps = cs0 - 1 if cs0 > r.start else cs0
    while ps > r.start and ctx.text[ps - 1] not in breaks:
        ps -= 1
    lead = ctx.text[ps:ts]
    if _rx(ctx).past.search(lead):
        lead = ""
    # a wish about another party (华为希望三星…获取华为的专利许可): the cue stands before the subject in the
    # trigger's clause (a party's own wish, 腾讯…的申请，希望接入…, tells its approach)
    wished = ctx.text[cs0:min(subj_starts)] if (subj_starts := [s for s, t in _mentions_in(ctx, r.subject, r)
                                                                 if cs0 <= s < ts]) else ""
    for cue in _cues_for("en" if en else "zh", r.type):
        window = before if cue.side == "before" else after if cue.side == "after" else \
            wished if cue.side == "over_subject" else lead
        if window and (en or cue.word in window) and _cue_at(window, cue, en, _rx(ctx)):
            return cue.status       # (a Chinese cue the window lacks is tested with one C scan)
    carried = "" if en or subj else _carried(ctx, r, cs0, ts)
    if carried and any(w in carried for w in _check_words().get("carried_intent", ())):
        return "irrealis"
    return None


# the hostile acts whose purpose a clause before the trigger's may carry (美国政府正考虑收紧规则，限制…:
# check_words.tsv kind carried_intent)
_CARRY_TYPES = frozenset({"sues", "rules", "fines", "blocks", "accuses"})


def _carried(ctx: Ctx, r: Relation, cs0: int, ts: int) -> str:
    """The words from the subject's last telling in an earlier clause of the sentence to the trigger, when
    the trigger's clause names no subject of its own and goes on the subject's act (正考虑进一步收紧出口管制
    规则，限制外国企业…: the 限制 is what is considered); "" when a new step opens between them."""
    if r.type not in _CARRY_TYPES:
        return ""
    told = [t for s, t in _mentions_in(ctx, r.subject, r) if t <= cs0]
    if not told:
        return ""
    te = max(told)
    span = ctx.text[te:ts]
    trig_end = ts + len((r.trigger or "").split("…")[0])
    if ctx.text.startswith(("了", "过"), trig_end):      # 计划推出新品，并起诉了X: the suit is told as done
        return ""
    # a word that opens a new step between the two clauses (但, 随后, 最终, 已: check_words.tsv kind new_step)
    if any(w in span for w in _check_words().get("new_step", ())) or any(ch in span for ch in "。；;！？!?"):
        return ""
    for s, t in _mentions_in(ctx, r.object, r):
        if te <= s and t <= ts:
            span = span[:s - te] + " " * (t - s) + span[t - te:]
    return span


def ruling_reporter(ctx: Ctx, r: Relation) -> bool:
    """A party of a ruling that the sentence names only right before a word of telling, ahead of the
    ruling (深交所认为，厦门中院已作出判决…; X网站消息，日前Y法院宣判…; 新浪：据…透露，法院…): the one who
    tells of the ruling, not the party ruled on (check_words.tsv, kind reporter)."""
    if r.type != "rules" or r.end <= r.start or ctx.lang == "en":
        return False
    words = _check_words().get("reporter", ())
    told = _mentions_in(ctx, r.object, r)
    head = (r.trigger or "").split("…")[0]
    if not told or not words or not head:
        return False
    for _, t in told:
        after = ctx.text[t:t + 8]
        after = after[1:] if after[:1] in "也还则" else after
        if not after.startswith(words) or ctx.text.find(head, t, r.end) < 0:
            return False
    return True


def _named_stake(ctx: Ctx, after: str) -> bool:
    """What 持有的 opens is a stake of a named company (浙江盛和股权, RadiantMeritLimited全数股份), not of a
    description (上市公司9.88%股份) or a count of things (21家地区体育电视网)."""
    m = _rx(ctx).stake_of.match(after)
    if not m:
        return False
    held = m.group(1).rstrip("的")
    return len(held) >= 2 and not held.startswith(tuple(ctx.lex.generic))


def _holder(ctx: Ctx, r: Relation, name: str, t: int) -> bool:
    """The telling of `name` ending at `t` is the holder of a named stake (X持有的Y公司51%股权)."""
    m = _rx(ctx).held_after.match(ctx.text, t)
    starts = ctx.starts()
    return bool(m) and (any(p in starts and starts[p] != name for p in range(m.end(), min(m.end() + 3, r.end))) or
                        _named_stake(ctx, ctx.text[m.end():min(r.end, m.end() + 28)]))


# after a unit word: the unit's own name, then its stake (收购X子品牌观致51%控股权, X旗下的Y 80%股权)
_UNIT_STAKE = re.compile(r"(?:的)?[A-Za-z\u4e00-\u9fff][^，,。；;、（(]{0,12}?(?:[0-9０-９.]+%|股权|股份)")


def unit_object(ctx: Ctx, r: Relation) -> bool:
    """A deal's object told only as the owner of a named unit whose stake is bought (收购X子品牌Y 51%控股权,
    收购X旗下的Y 80%股权, 收购X全资子公司Y…): Y is bought, not X (check_words.tsv kind unit_head)."""
    if r.type not in ("acquires", "invests") or r.end <= r.start or ctx.lang == "en":
        return False
    heads = _check_words().get("unit_head", ()) + _check_words().get("possessed_head", ())
    told = _mentions_in(ctx, r.object, r)
    if not told or not heads:
        return False
    starts = ctx.starts()
    for _, t in told:
        after = t + (1 if ctx.text.startswith("的", t) else 0)
        head = next((h for h in sorted(heads, key=len, reverse=True) if ctx.text.startswith(h, after)), None)
        if head is None:
            return False
        q = after + len(head)
        if not (any(p in starts and starts[p] != r.object for p in range(q, q + 3)) or _UNIT_STAKE.match(ctx.text, q)):
            return False
    return True


def _opened_seller(ctx: Ctx, r: Relation, s: int, t: int) -> bool:
    """The telling at s..t is one of the names 向/从 opens before 其…持有的 (X向A、B购买其分别持有的Y股权):
    向 right before it, or before a list of names that ends with it."""
    if _rx(ctx).their_held.search(ctx.text, t, min(r.end, t + 40)) is None:
        return False
    ends = {e: b for b, e in ((b, e) for x in ctx.ex.entities for b, e in x.mentions)}
    p = s
    while p > r.start and ctx.text[p - 1] in "、和及与" and (p - 1) in ends:
        p = ends[p - 1]             # step back over the list: A、B、C
    return p > r.start and ctx.text[p - 1] in "向从" and (p - 1) not in ends and \
        not any(b < p - 1 < e for x in ctx.ex.entities for b, e in x.mentions)


def seller_side(ctx: Ctx, r: Relation) -> bool:
    """A deal's object that the sentence names only as the holder of what is sold: 收购X持有的Y公司51%股权
    (Y named right after), X向A、B购买其分别持有的Y股权 (A and B opened by 向): X sells, it is not bought.
    A buyer the sentence names only as such a holder or among the names 向 opens (A与X签署协议，A拟收购X持有
    的Y股权: X read as the buyer) sells too."""
    if r.type not in ("acquires", "invests") or r.end <= r.start or ctx.lang == "en":
        return False
    spans = _trigger_spans(ctx, r)
    if not spans:
        return False
    verb = spans[0][0]
    # (a holder told before the deal verb holds a stake, it does not sell one: X持有的Y 30%股份…)
    buyer = _mentions_in(ctx, r.subject, r)
    if buyer and all(s > verb and _holder(ctx, r, r.subject, t) or _opened_seller(ctx, r, s, t) for s, t in buyer):
        return True
    told = _mentions_in(ctx, r.object, r)
    if not told:
        return False
    for s, t in told:
        if s > verb and _holder(ctx, r, r.object, t):
            continue
        if _opened_seller(ctx, r, s, t):
            held = _rx(ctx).their_held.search(ctx.text, t, min(r.end, t + 40))
            if any(held.end() <= p <= held.end() + 2 for p, _ in told):
                return False    # 向X全体股东购买其持有的X 75%股权: X itself is what is bought
            continue
        if _rx(ctx).left_out.match(ctx.text, t):
            continue            # 购买剥离X 24%股权后的Y: X's stake is left out of the deal
        if s > min(p for p, _ in told):
            continue        # a later telling (枫华种业 read as 枫华): the first one decides
        return False
    return True



def deal_twice(ctx: Ctx, r: Relation) -> bool:
    """An `invests` fact whose sides the same sentence also tells as a purchase (an asserted `acquires`
    of the same buyer and company whose evidence overlaps it): the stake is part of the purchase, not a
    second deal."""
    if r.type != "invests" or r.end <= r.start:
        return False
    return any(o.type == "acquires" and not o.negated and o.subject == r.subject and o.object == r.object
               and o.start < r.end and r.start < o.end for o in ctx.ex.relations)


def held_issuer(ctx: Ctx, r: Relation) -> bool:
    """A party of a ruling that the sentence names only as the company whose shares another holds
    (裁定冻结X持有的Y 510万股股票, 裁定拍卖X持有的Y股权): the shares are frozen or sold, Y is no party
    to the case.  Its other tellings may only be in parentheses (简称“Y”) or announce the news (Y发布公告称,
    check_words.tsv kind announces)."""
    if r.type != "rules" or r.end <= r.start or ctx.lang == "en":
        return False
    told = _mentions_in(ctx, r.object, r)
    if not told:
        return False
    announces = _check_words().get("announces", ())
    held = False
    for s, t in told:
        if _rx(ctx).held_before.search(ctx.text, max(0, s - 4), s) and _rx(ctx).held_shares.match(ctx.text, t):
            held = True
        elif not (_in_paren(ctx.text, s, r.start) or ctx.text.startswith(announces, _past_paren(ctx.text, t))):
            return False
    return held


def _past_paren(text: str, t: int) -> int:
    """Where the text goes on after a parenthesis right at `t` (X（简称“Y”）发布公告: at 发布), else `t`."""
    if text[t:t + 1] not in ("(", "（"):
        return t
    c = min((i for i in (text.find(")", t, t + 40), text.find("）", t, t + 40)) if i >= 0), default=-1)
    return c + 1 if c >= 0 else t


def judge_party(ctx: Ctx, r: Relation) -> bool:
    """A party of a ruling that the sentence names only right after a judge's title (主审法官王立作出判决,
    联邦法院法官露西·高裁定…, 审判长李华): the judge decides the case, no party to it (check_words.tsv kind
    judge_title)."""
    if r.type != "rules" or r.end <= r.start or ctx.lang == "en":
        return False
    titles = _check_words().get("judge_title", ())
    told = _mentions_in(ctx, r.object, r)
    return bool(told and titles) and all(ctx.text[max(r.start, s - 6):s].endswith(titles) for s, _ in told)


def place_of_act(ctx: Ctx, r: Relation) -> bool:
    """A ruled party told only right after 在 (判令X在爱奇艺网显著位置刊登声明, 在Y开庭): the place where an
    act is done, no party of the case."""
    if r.type != "rules" or r.end <= r.start or ctx.lang == "en":
        return False
    told = _mentions_in(ctx, r.object, r)
    return bool(told) and all(ctx.text[s - 1:s] == "在" for s, _ in told)


def adviser(ctx: Ctx, r: Relation) -> bool:
    """A deal's buyer or investor whose every telling before the deal verb is followed, on the way to it, by
    a word of advising, helping or analysing (X帮助Y收购Z, X在担任Y收购Z的财务顾问过程中, X发布研报指出，公司收购Z,
    X对Y进行调研，该公司…收购Z; check_words.tsv kind adviser): it works on, or writes about, another's
    deal; so is the one told right before 的帮助下 (在X的帮助下收购Z, kind adviser_helped), while the actor of
    a clause that says it was helped keeps its deal."""
    if r.type not in ("acquires", "invests") or r.end <= r.start or ctx.lang == "en":
        return False
    words, helped = _check_words().get("adviser", ()), _check_words().get("adviser_helped", ())
    ts = r.start + r.evidence.find(r.trigger.split("…")[0]) if r.trigger and r.evidence else -1
    told = [(s, t) for s, t in _mentions_in(ctx, r.subject, r) if t <= ts]
    if not words or ts < r.start or not told:
        return False
    for _, t in told:
        gap = ctx.text[t:ts]
        if gap.lstrip("的").startswith(helped):
            continue        # 在X的帮助下收购Z: X helps
        if not any(w in gap for w in words) or any(h in gap for h in helped):
            return False
    return True


def _list_opener(ctx: Ctx, s: int, floor: int) -> int:
    """Where the list of names that ends with the telling at `s` opens (A、B（以下简称“B”）及C: A's start),
    stepping back over 、 and 及 and a parenthesis right after a name (not over 与/和, which open it)."""
    ends = {e: b for x in ctx.ex.entities for b, e in x.mentions}
    p = s
    while p > floor:
        q = p
        if ctx.text[q - 1] in "、及" and (q - 1) in ends:
            q = ends[q - 1]
        elif ctx.text[q - 1] in "、及" and ctx.text[q - 2:q - 1] in ")）":
            o = max(ctx.text.rfind("(", floor, q - 2), ctx.text.rfind("（", floor, q - 2))
            if o <= floor or o not in ends:
                break
            q = ends[o]
        if q == p:
            break
        p = q
    return p


def agreement_party(ctx: Ctx, r: Relation) -> bool:
    """A deal's buyer that the sentence names only as the other side of an agreement signed before the
    deal verb (A与X签署收购Y股权的协议; A与X达成购买Y的协议; 公司与X、Z签订协议，以5000万元收购Y): X signs
    with the buyer, it is not the buyer (check_words.tsv kinds agreement_verb, and joint_act: 与X签署协议，
    共同收购Y keeps X a buyer). A telling inside a parenthesis (以下简称“X”) is the telling it follows."""
    if r.type not in ("acquires", "invests") or r.end <= r.start or ctx.lang == "en" or \
            (r.rule or "").startswith("zh.invest.venture"):
        return False        # (A与X签约，出资与X成立Y: X founds Y with A)
    words = _check_words()
    signs, joint = words.get("agreement_verb", ()), words.get("joint_act", ())
    spans = _trigger_spans(ctx, r)
    # a buyer carried from the sentence before (zh.frame.context_subject) is told in that sentence
    carried = r.rule == "zh.frame.context_subject"
    lo = ctx.text.rfind("。", 0, max(0, r.start - 1)) + 1 if carried else r.start
    e = ctx.entity(r.subject)
    told = [(s, t) for s, t in (e.mentions if e else []) if lo <= s and t <= r.end]
    if not spans or not told or not signs:
        return False
    verb = spans[0][0]
    plain = [(s, t) for s, t in told if not _in_paren(ctx.text, s, lo)]
    # (E-Land World及E-Land USA（合称“衣恋集团”）: the short form names the list before its parenthesis)
    tellings = [(s, t, _list_opener(ctx, s, lo)) for s, t in plain] or \
               [x for x in (_short_form_of_list(ctx, s, lo) for s, t in told) if x]
    stops = "；;！？!?" if carried else "。；;！？!?"
    for s, t, p in tellings:
        if t > verb:
            return False
        if p <= lo or ctx.text[p - 1] not in "与和同" or not _clause_head(ctx.text, p - 1, lo):
            return False
        gap = ctx.text[t:verb]
        if any(c in gap for c in stops):
            return False
        if _list_end(ctx, t, verb).startswith("就"):
            continue        # A与X就收购Y达成协议: the deal is what A and X talk about
        at = min((i for i in (gap.find(w) for w in signs) if i >= 0), default=-1)
        if at < 0 or any(w in gap[at:] for w in joint):
            return False
    return bool(tellings)


def _short_form_of_list(ctx: Ctx, s: int, floor: int) -> tuple[int, int, int] | None:
    """For a telling that is a short form in a parenthesis (A及B（合称“X”）), the parenthesis as the telling
    (its start, its end) and where the list it names opens: after the nearest 与/和/同 of the clause."""
    m = _rx(ctx).short_for.search(ctx.text, max(floor, s - 8), s)
    if not m or m.end() != s:
        return None
    o, end = m.start(), _past_paren(ctx.text, m.start())
    if end == m.start():
        return None
    b = _clause_start(ctx.text, o, floor)
    w = max(ctx.text.rfind(c, b, o) for c in "与和同")
    return (o, end, w + 1) if w >= b else None


def _clause_start(text: str, at: int, floor: int) -> int:
    """Where the clause holding `at` starts: after the last clause mark before it (a comma inside a Latin
    name, Company, Ltd, is none)."""
    i = at
    while i > floor:
        i -= 1
        c = text[i]
        if c in "，。；;：:" or (c == "," and not (text[i - 1:i].isascii() and text[i - 1:i].isalnum()
                                                   and text[i + 1:i + 3].startswith(" ") and text[i + 2:i + 3].isalpha()
                                                   and text[i + 2:i + 3].isascii())):
            return i + 1
    return floor


def _list_end(ctx: Ctx, t: int, floor_end: int) -> str:
    """The text after the list of names that goes on from the telling ending at `t` (X、Y及Z就…: 就…)."""
    starts = {b: e for x in ctx.ex.entities for b, e in x.mentions}
    p = _past_paren(ctx.text, t)
    while p < floor_end and ctx.text[p:p + 1] in ("、", "及", "和") and (p + 1) in starts:
        p = _past_paren(ctx.text, starts[p + 1])
    return ctx.text[p:floor_end]


def _in_paren(text: str, s: int, floor: int) -> bool:
    """The position `s` is inside an open parenthesis or a title in 《》 (以下简称“X”), 《A与X之股权收购协议》)."""
    for opens, closes in (("(（", ")）"), ("《", "》")):
        o = max(text.rfind(x, floor, s) for x in opens)
        if o >= 0 and o > max(text.rfind(x, floor, s) for x in closes):
            return True
    return False


def _clause_head(text: str, at: int, floor: int) -> bool:
    """Something stands before `at` in its clause (the actor of A与X…): 与 does not open the clause."""
    return bool(text[_clause_start(text, at, floor):at].strip(" 　"))


_NON_ENTITY = _non_entity_words()
_NON_ENTITY_ENDS: dict[str, list] = {}
_NON_ENTITY_OPENS: dict[str, list] = {}
for _w, _t in _NON_ENTITY[1]:
    _NON_ENTITY_ENDS.setdefault(_w[-1], []).append((_w, _t))
for _w, _t in _NON_ENTITY[2]:
    _NON_ENTITY_OPENS.setdefault(_w[0], []).append((_w, _t))
_CUES = _cues()
_CUES_FOR: dict[tuple[str, str], tuple[Cue, ...]] = {}


def _cues_for(lang: str, rtype: str) -> tuple[Cue, ...]:
    """The cues of one language that govern relations of one type, in the table's order (made once
    per pair, not tested cue by cue for every trigger)."""
    hit = _CUES_FOR.get((lang, rtype))
    if hit is None:
        hit = _CUES_FOR[(lang, rtype)] = tuple(c for c in _CUES if c.lang == lang and ("*" in c.types or rtype in c.types))
    return hit

CHECKS: list[Check] = [
    Check("types", "rejected", types_ok),
    Check("own_side", "rejected", own_side),
    Check("transferred", "rejected", transferred),
    Check("self", "rejected", self_loop),
    Check("source", "rejected", source_side),
    Check("place", "rejected", place_side),
    Check("co_listed", "rejected", co_listed),
    Check("accused_accuser", "rejected", accused_accuser),
    Check("addressee", "rejected", addressee),
    Check("venue", "rejected", venue),
    Check("supporter", "rejected", supporter),
    Check("product_party", "rejected", product_party),
    Check("taken_object", "rejected", taken_object),
    Check("apart_titles", "rejected", apart_titles),
    Check("venture_partner", "rejected", venture_partner),
    Check("possessor", "rejected", possessor),
    Check("unit_actor", "rejected", unit_actor),
    Check("relative_head", "rejected", relative_head),
    Check("launched_head", "rejected", launched_head),
    Check("deal_target", "rejected", deal_target),
    Check("beneficiary", "rejected", beneficiary),
    Check("store_object", "rejected", store_object),
    Check("next_actor", "rejected", next_actor),
    Check("case_matter", "rejected", case_matter),
    Check("ruling_reporter", "rejected", ruling_reporter),
    Check("seller_side", "rejected", seller_side),
    Check("agreement_party", "rejected", agreement_party),
    Check("deal_twice", "rejected", deal_twice),
    Check("held_issuer", "rejected", held_issuer),
    Check("judge_party", "rejected", judge_party),
    Check("unit_object", "rejected", unit_object),
    Check("work_title", "rejected", work_title),
    Check("place_of_act", "rejected", place_of_act),
    Check("adviser", "rejected", adviser),
    Check("nominal", "irrealis", nominal),
    Check("appeal_to_come", "irrealis", appeal_to_come),
    Check("accepted_only", "irrealis", accepted_only),
    Check("prohibited_deal", "irrealis", prohibited_deal),
    Check("former_owner", "negated", former_owner),
]


# ------------------------------------------------------------------------------------------------

def _context(ex: Extraction, lex: Lexicon) -> Ctx:
    text = ex.article.text or ""
    if ex.article.lang != "en" and nlp.is_traditional(text):
        text = nlp.to_simplified(text)
    # an owner by another spelling than the article's entity (腾讯控股 for 腾讯) is that entity
    spelled: dict[str, str] = {}
    for e in ex.entities:
        for n in [e.name] + list(e.aliases):
            le = lex.lookup(n)
            spelled.setdefault(n, e.name)
            if le:
                spelled.setdefault(le.name, e.name)
    owner: dict[str, str] = {}
    for e in ex.entities:
        le = lex.lookup(e.name)
        own = e.owner or (le.owner if le else None)
        own = spelled.get(own, own) if own else None
        if own and own != e.name:
            owner[e.name] = own
    # an owner the lexicon knows today may have bought it in the story (滴滴 and 快的): not before then
    deals = {frozenset((r.subject, r.object)) for r in ex.relations if r.type in ("acquires", "invests")}
    owner = {k: v for k, v in owner.items() if frozenset((k, v)) not in deals}
    for r in ex.relations:
        if r.type == "owns" and not r.negated and r.subject != r.object:
            owner.setdefault(r.object, r.subject)
    return Ctx(ex, lex, text, ex.article.lang, {e.name: e.type for e in ex.entities}, owner)


def _move_to_named(ctx: Ctx) -> None:
    """The facts of a description told after 名为X的 (一家名为X的英国公司) or right before a kind word and X
    (收购英国P2P众筹平台Lendinvest) are X's."""
    ex = ctx.ex
    for e in ex.entities:
        x = _asked(ctx, _named_as, e) or _asked(ctx, _described, e)
        if not x:
            continue
        for r in ex.relations:
            r.subject = x if r.subject == e.name else r.subject
            r.object = x if r.object == e.name else r.object
        for ls in ex.lawsuits:
            ls.plaintiffs = [x if p == e.name else p for p in ls.plaintiffs]
            ls.defendants = [x if d == e.name else d for d in ls.defendants]


def _withhold(r: Relation, status: str, check: str) -> None:
    r.negated = True
    r.status, r.check = status, check


def apply_checks(ex: Extraction, lex: Lexicon | None = None) -> Extraction:
    """Run every check over one article's extraction (in place) and return it."""
    lex = lex or load_lexicon()
    ctx = _context(ex, lex)
    for r in ex.relations:
        if r.negated and not r.status:
            r.status, r.check = "negated", "reader"
    _move_to_named(ctx)
    minority_stakes(ex, ctx.text, lex)    # a stake below control is `invests` (zh.stake.minority)
    gone = {e.name for e in ex.entities if non_entity(ctx, e)}
    if gone:
        for e in ex.entities:
            if e.name in gone:
                e.status, e.check = "rejected", "non_entity"
        ex.withheld.extend(e for e in ex.entities if e.name in gone)
        ex.entities = [e for e in ex.entities if e.name not in gone]
        for r in ex.relations:
            if not r.negated and (r.subject in gone or r.object in gone):
                _withhold(r, "rejected", "non_entity")
    for r in ex.relations:
        if r.negated:
            continue
        # 苹果下架iPhone XS: an owner taking its own product off the shelves discontinues it
        if r.type == "blocks" and "下架" in r.trigger and ctx.types.get(r.object) == "Product" \
                and r.subject in ctx.owners_of(r.object):
            r.type = "discontinues"
            continue
        for c in CHECKS:
            if c.test(ctx, r):
                _withhold(r, c.status, c.name)
                break
        else:
            st = scope_status(ctx, r)
            if st:
                _withhold(r, st, "scope")
    announced_then_filed(ex, ctx.text, lex)   # 宣布将起诉X。次日，法院受理此案: filed after all
    _prune_lawsuits(ex)
    complete_suits(ex, ctx.text, lex)      # a court or claim told in the sentence after the filing
    case_filing_dates(ex, ctx.text, lex)   # 该案于2019年10月9日立案: the filing date of a suit told in its ruling
    return ex


def _prune_lawsuits(ex: Extraction) -> None:
    """A lawsuit keeps only the parties of suits still asserted; one with no pair left is withheld."""
    held = {(r.subject, r.object): r.check for r in ex.relations
            if r.type == "sues" and r.status and r.check != "reader"}
    gone = {e.name for e in ex.withheld if isinstance(e, Entity)}
    if not held and not gone:
        return
    live = {(r.subject, r.object) for r in ex.relations if r.type == "sues" and not r.negated}
    keep = []
    for ls in ex.lawsuits:
        pairs = [(p, d) for p in ls.plaintiffs for d in ls.defendants]
        dead = {x: (held.get(x) or "non_entity") for x in pairs
                if (x in held and x not in live) or x[0] in gone or x[1] in gone}
        ok = [x for x in pairs if x not in dead]
        if dead and not ok:
            ls.status, ls.check = "rejected", next(iter(dead.values()))
            ex.withheld.append(ls)
            continue
        if dead:
            ls.plaintiffs = [p for p in ls.plaintiffs if any(x[0] == p for x in ok)]
            ls.defendants = [d for d in ls.defendants if any(x[1] == d for x in ok)]
        if ls.court and ls.court in gone:
            ls.court = None
        keep.append(ls)
    ex.lawsuits = keep
