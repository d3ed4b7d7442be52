"""Relations: a trigger word (triggers.tsv) plus the entity mentions around it in its sentence.

Roles come from position and voice:
- X 起诉 Y: the nearest name before the trigger is the subject, the nearest after it the object;
- X 将/对/向 Y 起诉 (object marker before Y): Y is the object, the name before it the subject;
- Y 被/由/遭 X 起诉 (passive marker before X): X is the subject, Y the object;
- Y 被起诉 / Y 遭封杀 (marker right before the trigger): Y is the object, the subject is found by type
  (the court for 判决, the regulator for 罚款) elsewhere in the sentence;
- Y 发起的诉讼: Y is the subject;
- OS triggers (卖给, 的国际版, owned by) swap the two;
- a side that breaks the relation's type schema (relations.tsv) is swapped when the swap fits
  (院长刘兴亮: the person leads the institute);
- a list (A、B和C) gives one relation per member; a member tied to the one before (A及母公司B) joins
  it; parallel clauses in one list (A收购B、C收购D) are split at their verbs;
- topic chains: a subject-less clause (…，并表示将对其提起反诉; …，11月以1.06亿元收购B) goes on with
  the actor of the clause chain (coref.chain_actor), not with the last name before it;
- places and frames are no arguments: 在美国起诉, 在微博上怒斥, 对X而言, 被苹果从App Store下架 (but the
  platform a link is blocked in does block it), nor is the source of a report (X公告称，…判决) a party;
- X公司（下称X）: the announced short form is no second argument;
- parties named by role: 原告A…被告B, A与B…纠纷一案, A是原告，B是被告.
`read_sentence` reads each trigger of a sentence through the stages of `_STAGES` in turn (one
`_Reading` carries what they found: the argument groups, subject, object and the rule's name); a
stage that returns True has finished the trigger.  Every candidate carries the name of the rule
that read it (`zh.frame.svo`, `zh.rules.court`, ...).
Negation words between subject and trigger flag the relation negated (two cancel: 没有放弃收购;
违反/撕毁 only negate partnerships; a veto word before a deal's buyer negates the deal); hedges lower
confidence.  Word lists: ontology/lexicon/modifiers.tsv — the kinds read through `lex.words` and those
`_patterns` builds its patterns from (parallel_lead, seller_role, not_company_asset, …).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple
from dataclasses import dataclass


from kg import nlp
from kg.lexicon import Lexicon, Trigger
from kg.extract.blackboard import Blackboard
from kg.extract.mentions import Mention, grouped_comma, unbroken
from kg.extract.discover_args import price_before
from kg.extract.name_spans import FUNCTION_START, stake_at
from kg.extract.coref import chain_actor
from kg.extract.triggers import find_triggers
from kg.extract.launches import launch_relations
from kg.extract.control import controlling_relations
from kg.extract.prosecution import prosecution_relations
from kg.extract.top_ups import top_up_relations
from kg.extract.holdings import holding_relations
from kg.extract.ruled_payments import ruled_payment_relations
from kg.extract.deal_results import result_relations

_ACTORS = frozenset(("Company", "Organization", "Person", "Regulator"))
_ORG_SIDES = frozenset(("Company", "Organization", "Regulator"))
CLAUSE_BREAK = set("，,：:；;丨|｜")   # 丨|｜: a headline's column tag (…推出Y丨东南亚创投日报)
# suits read from a later stage of the case (a ruling that X pay Y): the sentence's date is the
# stage's, not the filing's, so the suit is undated and joins the dated filing where one is told
_TOLD_BY_A_LATER_STAGE = frozenset({"zh.sues.ruled_payment"})
SYMMETRIC_TYPES = ("competes", "cooperates")


@dataclass
class Cand:
    subject: str
    object: str
    type: str
    start: int            # trigger offsets
    end: int
    confidence: float
    negated: bool
    trigger: str
    reference: bool = False   # 就X起诉Y…一案达成和解: names an earlier case; the sentence's date is not its own
    rule: str = ""            # the named rule that read it
    hedged: bool = False      # a hedge word before the trigger lowered its confidence
    path: str = ""            # how its sides were found (arg_paths.py: named, pronoun, sentence, ...)


class _Rx(NamedTuple):
    """The reader's patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    tied_member: re.Pattern
    adverb_conj: re.Pattern
    co_actor: re.Pattern
    titled_member: re.Pattern
    headed_member: re.Pattern
    described_passive: re.Pattern
    described_member: re.Pattern
    claimed: re.Pattern
    parallel_lead: re.Pattern
    seller_mark: re.Pattern
    not_the_company: re.Pattern
    held_by: re.Pattern
    case_ref: re.Pattern
    case_ref_before: re.Pattern
    on_platform: re.Pattern
    agree: re.Pattern
    channel: re.Pattern
    this_deal: re.Pattern
    speech_end: re.Pattern
    speech_clause: re.Pattern
    announced: re.Pattern
    comitative: re.Pattern
    list_join: re.Pattern
    attributive: re.Pattern
    demand_later: re.Pattern
    demand: re.Pattern
    held: re.Pattern
    stake_before: re.Pattern
    role_after_p: re.Pattern
    role_after_d: re.Pattern
    investor_role: re.Pattern
    raised_round: re.Pattern
    sell_verb: re.Pattern
    sold: re.Pattern
    opening: re.Pattern
    stake_next: re.Pattern
    double_neg: re.Pattern


def _titles_only(trigs) -> bool:
    """The trigger words of one hit are all titles (leads, direct: 董事长, CEO), nouns and no verb."""
    return all(t.relation == "leads" and "direct" in t.flags for t in trigs)


def _role_alt(lex: Lexicon) -> str:
    """The Chinese role words (roles.tsv: 董事长, 总裁, CEO) as one regex alternation, longest first."""
    return "|".join(map(re.escape, sorted(lex.roles, key=len, reverse=True))) or "(?!)"


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The reader's patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    role_after = rf"(?:{alt('role_copula')})(?:{alt('this_case')})?(?:的)?"
    speech = rf"(?:{alt('speech_end_source')})?(?:{alt('speech_end_verb')})"
    return _Rx(
        # a list member introduced by its tie to the one before (起诉A及母公司B, A和其法定代表人B)
        tied_member=re.compile(rf"^(?:{alt('list_conj')})其?(?:{alt('tie_role')})$"),
        # A拟与B, A已携手B: adverbs, then a conjunction, joining two co-actors (groups())
        adverb_conj=re.compile(rf"^(?:{alt('list_gap_adverb')})+(?:{alt('conj')})$"),
        titled_member=re.compile(rf"^(?:{alt('list_conj')})(?:{_role_alt(lex)})(?:兼(?:{_role_alt(lex)}))*$"),
        headed_member=re.compile(rf"^(?:{alt('role_head_modifier')})?(?:{_role_alt(lex)})(?:{alt('list_conj')})$"),
        # Y被美国芯片巨头X起诉, Y遭其股东X起诉: the agent after a short description of it
        described_passive=re.compile(rf"(?:{alt('described_passive')})其?[^，。；,;、：:“”\"（()）的被]{{0,8}}?"
                                     rf"(?:{alt('company_kind_end', 'agent_kind_end')}|{_role_alt(lex)})$"),
        co_actor=re.compile(rf"\s*(?:{alt('co_actor_adverb')})"),
        # 华为与美国网络设备商3Com: a conjunction, then a kind-of-company description of the next member
        described_member=re.compile(rf"^(?:{alt('list_conj')})[\u4e00-\u9fff]{{1,8}}?(?:{alt('company_kind_end')})$"),
        # a plaintiff's claims: 请求法院判令A…，判令B…; 提出诉讼请求，判令… (not 驳回/支持…诉讼请求, a ruling on them)
        claimed=re.compile(rf"(?:{alt('claim_request')})(?:{alt('court_address')})?判令|诉讼请求[：:，,]"),
        # the opening of a clause that repeats the clause before's act (…，2018年又以2亿元收购了B): dates,
        # adverbs and a price or manner, no name
        parallel_lead=re.compile(
            rf"\s*(?:(?:[0-9]{{4}}年|[0-9]{{1,2}}月(?:份)?|[0-9]{{1,2}}日|{alt('parallel_lead')}|[初中底末])"
            rf"|(?:{alt('price_verb')})?(?:{alt('about_word')})?[0-9.]+(?:{alt('money_unit')})?(?:{alt('currency')})(?:现金)?"
            r"|以现金|现金)*"),
        # 向控股股东X收购, 从X手中购买, 拟向关联方X发行股份购买: the name after 向/从 sells (and every name of a
        # list there: 向A、B和C收购其合计持有的…)
        seller_mark=re.compile(rf"(?<![自打])(?:向|从)(?:其|公司|该公司)?(?:间接)?(?:{alt('seller_role')}|"
                               r"持股\d+(?:\.\d+)?[%％]的参股公司)?"
                               rf"(?:[^，。；,;、0-9０-９年月日称]{{1,12}}(?:{alt('list_conj_no_yu')}))*"
                               r"[^，。；,;、0-9０-９年月日称]{0,10}$"),
        # what is bought is a product or an asset of the company named, not the company
        not_the_company=re.compile(r"[（(]?[^，。；,;（()）]{0,4}?[)）]?(?:的|发行的|旗下的?)?[^，。；,;以曾投购买将用]{0,12}?"
                                   rf"(?:{alt('not_company_asset')})"),
        held_by=re.compile(rf"(?:{alt('held_by_adverb')})?(?:{alt('held_by_verb')})的?"),
        # …侵犯知识产权一案, …纠纷案: what follows a suit verb when the clause names a case, not a filing
        case_ref=re.compile(rf"[^，。；,;]{{0,20}}?(?:{alt('case_ref_word')})"),
        case_ref_before=re.compile(rf"(?:{alt('case_ref_prep')})[^，。；]{{0,12}}$"),
        on_platform=re.compile(rf"[^，。；,;]{{0,6}}?(?:{alt('platform_word')})(?:{alt('platform_position')})"),
        # the pair's own decision right after it: 已同意, 共同宣布, 决定
        agree=re.compile(rf"(?:{alt('agree_adverb')})?(?:{alt('agree_verb')})"),
        # 通过/借助/经由 (其/官方) + a product right before the name, or 官方 alone (官方微博: the company's account)
        channel=re.compile(rf"(?:(?:{alt('channel_prep')})(?:{alt('channel_own')})?(?:官方)?|官方)$"),
        # 这笔入股案最终告吹: a trigger after these words names the deal being called off, not another deal
        this_deal=re.compile(rf"(?:{alt('this_deal')})$"),
        speech_end=re.compile(rf"(?:发布)?{speech}[:：]?$"),
        speech_clause=re.compile(rf"^[^，,；;。]{{0,10}}?{speech}$"),
        announced=re.compile(rf"^\s*[（(](?:以下|下文)?(?:{alt('announced_short')})[为：:]?[“\"「]?$"),
        comitative=re.compile(rf"(?:^|[，,\s]|{alt('comitative_lead')})(?:{alt('comitative_marker')})[^，。；,;与和及的]{{2,12}}$"),
        # a list member's product word, then the word joining it to the next (高德打车、美团打车以及T3出行)
        list_join=re.compile(rf"^[\u4e00-\u9fff]{{0,3}}?(?:{alt('list_join')})$"),
        attributive=re.compile(rf"[^，。；,;：:]{{0,16}}?的(?:{alt('deal_nominal_head')})"),
        demand_later=re.compile(rf"(?:方面)?(?:{alt('demand_later_verb')})(?:[，,：:]|" + _ASKED + ")"),
        demand=re.compile(rf"[，,]\s*(?:并|同时)?(?:(?:{alt('demand_verb')})" + _ASKED
                          + rf"|判令(?:被告人?)?|{alt('charge_said')})"),
        held=re.compile(rf"^[^，。；,;]{{0,14}}?(?:{alt('holding_word')})的?\s*$|^\s*旗下的?\s*$"),
        stake_before=re.compile(rf"(\d+(?:\.\d+)?)\s*[%％]\s*(?:的)?(?:{alt('stake_before_noun')})"),
        role_after_p=re.compile(rf"{role_after}原告"),
        role_after_d=re.compile(rf"{role_after}被告"),
        investor_role=re.compile(rf"(?:{alt('investor_role')})(?:{alt('investor_copula')})[：:]?"),
        raised_round=re.compile(rf"(?:{alt('round_lead')})*(?:{alt('round_verb')})[^，。；,;]{{0,16}}?融资"),
        sell_verb=re.compile(rf"(?:{alt('sell_intent')})?(?:{alt('sell_verb')})(?:了)?(?:其|自己)?(?:所持有?|持有)?(?:的)?"),
        sold=re.compile(alt("sell_verb")),
        # what may come before a clause's subject: nothing, or a time (2017年, 去年底, 此后)
        opening=re.compile(r"(?:[0-9０-９一二三四五六七八九十〇]+(?:年|月|日|号)(?:底|初|中)?|"
                           rf"{alt('clause_opening')})*"),
        # 认购夏普新股，取得约66%股权: the stake told in the next clause
        stake_next=re.compile(rf"^[^，。；,;]{{0,8}}?[，,]\s*(?:{alt('stake_next_lead')})?(?:{alt('stake_next_verb')})"
                              rf"(?:{alt('stake_next_of')})?(?:{alt('stake_about')})?"
                              r"(\d+(?:\.\d+)?)\s*[%％]()"),
        # 没有放弃收购, 并未拒绝合作: two negations cancel
        double_neg=re.compile(rf"(?:{alt('double_neg_first')})(?:{alt('double_neg_second')})"),
    )


def _rx(lex: Lexicon) -> _Rx:
    return _patterns(id(lex), lex)


class _Words(NamedTuple):
    """Word tuples of the reader, modifiers.tsv kinds (read once per lexicon by `_words`)."""
    prosecutors: tuple      # prosecutor_end
    victims: tuple          # victim_word
    venture: tuple          # invest_venture_word
    capital: tuple          # invest_capital_word
    buying: tuple           # buying_verb
    market_shares: tuple    # market_shares
    place_adverbial: re.Pattern     # place_adverbial_lead, place_adverbial_end
    bare_lead: tuple                # bare_clause_lead, longest first


@functools.lru_cache(maxsize=4)
def _words(lex_id: int, lex: Lexicon) -> _Words:
    def t(kind: str) -> tuple:
        return tuple(sorted(lex.words(kind)))
    return _Words(t("prosecutor_end"), t("victim_word"), t("invest_venture_word"), t("invest_capital_word"),
                  t("buying_verb"), t("market_shares"),
                  re.compile(rf"^(?:{lex.alternation('place_adverbial_lead')})?在[^，,；;。]{{1,24}}?"
                             rf"(?:{lex.alternation('place_adverbial_end')})"),
                  tuple(sorted(lex.words("bare_clause_lead"), key=lambda w: (-len(w), w))))


def groups(text: str, mentions: list[Mention], conj: set[str], lex: Lexicon) -> list[list[Mention]]:
    """Consecutive mentions joined only by list punctuation or conjunctions (A、B和C), or by a
    conjunction and the tie of the next member to the one before (A及母公司B)."""
    out: list[list[Mention]] = []
    for m in mentions:
        if m.source == "coref" and m.surface == "其" and m.start > 0 and text[m.start - 1] in "及和与" \
                and out and text[out[-1][-1].end:m.start].strip() in ("及", "和", "与", "以及"):
            continue    # A及其母公司B: 其 is A again, a determiner of the next member
        if out:
            prev = out[-1][-1]
            gap = _PAREN.sub("", text[prev.end:m.start]).strip()
            gap = gap.lstrip("还也又并亦则均都共同").strip("“”\"「」『』")
            if _rx(lex).tied_member.match(gap) or _rx(lex).described_member.match(gap):
                out[-1].append(m)
                continue
            if prev.type in _ORG_SIDES and m.type in _ORG_SIDES and _rx(lex).headed_member.match(gap):
                # 约谈A主要负责人、B及C主要负责人: each member named with its head (a role word after it),
                # then the list word: one list of organisations whose heads the verb reaches
                out[-1].append(m)
                continue
            if prev.type == "Person" and m.type == "Person" and _rx(lex).titled_member.match(gap):
                # 对董事长程维、总裁柳青各处以…: the next person of a list named after a title of theirs
                out[-1].append(m)
                continue
            if _rx(lex).adverb_conj.match(gap) and prev.type in _ACTORS and m.type in _ACTORS and \
                    _rx(lex).co_actor.match(text, _past_parenthesis(text, m.end, m.end + 42)):
                # A拟与B共同投资设立C: two actors of one verb, a modal or time adverb before the
                # conjunction and a joint adverb after the second (not A正在与B接洽: a partner only;
                # never the adverb alone: A将B起诉 is no list)
                out[-1].append(m)
                continue
            if gap == "" or gap in conj or gap in ("、", "和", "与", "及", "以及", "跟", "同", ",", "and", ", and", "&", "/"):
                if gap == "" and prev.type != m.type and not (prev.type in ("Company",) and m.type == "Product"):
                    # 腾讯微信: owner + product juxtaposed — keep as one group too
                    pass
                out[-1].append(m)
                continue
        out.append([m])
    return out


def _heading_role(text: str, te: int, se: int, lex: Lexicon, right_after: bool = False) -> bool:
    """After 出任/担任, the clause names a role that heads its organisation (董事长, CEO), and the
    last role it names is one (not 副总裁, 董事). `right_after`: the role (after 的, 联席, 新任) opens
    the text at `te`."""
    end = te
    while end < se and text[end] not in "，,；;。！？!?\n" and end - te < 30:
        end += 1
    seg = text[te:end]
    if right_after:
        m = re.match(r"(?:的)?(?:联席|首任|新任|新一任|首席)?", seg)
        rest = seg[m.end():]
        heads = [r for r, lead in lex.roles.items() if rest.startswith(r)]
        return bool(heads) and lex.roles[max(heads, key=len)]
    found = [(seg.rfind(r), len(r), lead) for r, lead in lex.roles.items() if r in seg]
    if not found:
        return False
    pos, _, lead = max(found, key=lambda f: (f[0] + f[1], f[1]))
    return lead


@functools.lru_cache(maxsize=2)
def _role_words(lex: Lexicon) -> frozenset:
    return frozenset(r for r in lex.roles if not r.isascii())


@functools.lru_cache(maxsize=4)
def _marker_kind(lex_id: int, lex: Lexicon) -> re.Pattern:
    """An object marker, then a short kind-of-company description ending right before the name
    (对港区企业X的收购, 对代工企业X提起诉讼: modifiers.tsv kinds object, company_kind_end)."""
    return re.compile(rf"(?:{lex.alternation('object')})[^，。；,;、：:“”\"（()）的]{{0,6}}?"
                      rf"(?:{lex.alternation('company_kind_end')})$")


def _described_after_marker(before: str, lex: Lexicon) -> bool:
    """The name right after `before` is marked by 对/向/将 with a kind-of-company description between
    (对港区企业浙江福瑞德化工有限公司的收购): marked as if the marker stood right before it."""
    return _marker_kind(id(lex), lex).search(before[-12:].rstrip()) is not None


def _past_parenthesis(text: str, at: int, limit: int) -> int:
    """Where the text goes on after a parenthesis that opens right at `at` and closes before `limit`
    (X（以下简称“Y”）, X(600123)), else `at`."""
    if text[at:at + 1] not in ("(", "（"):
        return at
    close = min((i for i in (text.find(")", at, limit), text.find("）", at, limit)) if i >= 0), default=-1)
    return close + 1 if 0 <= close - at <= 40 else at


def _ends_with_any(s: str, words) -> str | None:
    """The longest of `words` that `s` (right-stripped) ends with (one pass, no sort: two words of
    one length cannot both end `s`)."""
    s = s.rstrip()
    if len(s) < len(words) and isinstance(words, (set, frozenset)):
        # (a short text and a long set: its own endings looked up, longest first)
        for k in range(len(s), 0, -1):
            if s[-k:] in words:
                return s[-k:]
        return "" if "" in words else None
    best = None
    for w in words:
        if (best is None or len(w) > len(best)) and s.endswith(w):
            best = w
    return best


def _contains_any(s: str, words) -> str | None:
    for w in words:
        if w in s:
            return w
    return None


def read_sentence(text: str, ss: int, se: int, mentions: list[Mention], lex: Lexicon,
                  context_subject: list[Mention] | None = None,
                  parallel: dict[str, Mention] | None = None) -> list[Cand]:
    """Relations stated in the sentence text[ss:se]. `mentions` are the sentence's mentions;
    `parallel`: after a sentence part closed by a semicolon, the one actor of each type it read."""
    out: list[Cand] = _party_roles(text, ss, se, mentions, lex) + _round_roles(text, ss, se, mentions, lex) + \
        _sold_to(text, ss, se, mentions, lex) + [
            Cand(a, b, t, s, e, 0.7, False, trig, rule=rule,      # named rules in modules of their own
                 reference=rule in _TOLD_BY_A_LATER_STAGE)
            for read in (launch_relations, controlling_relations, prosecution_relations, top_up_relations,
                         holding_relations,
                         ruled_payment_relations, result_relations)
            for a, b, t, s, e, trig, rule in read(text, ss, se, mentions, lex)]
    trig_hits = find_triggers(text, lex, ss, se)
    if not trig_hits:
        return out
    objm = lex.words("object")
    rel_words = lex.words("relative")
    neg_all = lex.words("negation")
    breach = lex.words("breach")
    hedge = lex.words("hedge")
    conj = lex.words("conj")
    recip = lex.words("reciprocal")
    says = lex.words("speech")
    passive_zh, source, classheads = _sentence_words(id(lex), lex)
    # a source is not a party: 北青报记者从法院获悉, 据新华社报道; nor a place: 在微博上怒斥Y (but the
    # platform a link is blocked in blocks it: 抖音的链接在微信中无法打开)
    mentions = [m for m in mentions if not text.startswith(source, m.end)]
    placed = {id(m) for m in mentions if m.source != "coref" and text[m.start - 1:m.start] == "在"
              and text[m.end:m.end + 1] in ("上", "中", "里", "内")}
    # 在其YY游戏直播平台上直播: the platform something happens on, named with its kind noun
    placed |= {id(m) for m in mentions if m.source != "coref" and (
        text[m.start - 1:m.start] == "在" or text[max(0, m.start - 2):m.start] in ("在其", "在该"))
        and _rx(lex).on_platform.match(text, m.end)}
    # 通过官方微博发布举报信, 借助微信公众号: the channel a company speaks or acts through is no party
    mentions = [m for m in mentions if not (m.type == "Product" and m.source != "coref" and
                                            _rx(lex).channel.search(text, max(ss, m.start - 8), m.start))]
    # 对宏达电而言，和解只是第一步: a topic framed by 对…而言/来说 is no argument
    mentions = [m for m in mentions if not (text[m.start - 1:m.start] == "对" and
                                            text.startswith(("而言", "来说", "来讲"), m.end))]
    # 对Android手机厂商提起诉讼: a name before a class noun only modifies it
    if classheads:
        mentions = [m for m in mentions if not (m.source != "coref" and text.startswith(classheads, m.end))]
    # X有限公司（下称X）: the announced short form repeats the name before it, it is no second argument
    mentions = [m for i, m in enumerate(mentions) if not (
        i > 0 and _rx(lex).announced.match(text[mentions[i - 1].end:m.start]) and text[m.end:m.end + 2].lstrip("”\"」")[:1] in ("）", ")"))]
    named = [m for m in mentions if m.source != "coref"]
    request = lex.words("request")
    comit = lex.words("comitative")     # 与/和/同/跟: with whom
    receive = lex.words("receive")      # 获得/引入…的投资: the one named after it invests
    for ts, te, trigs in trig_hits:
        # a trigger inside a name (中山金融投资控股有限公司) is no trigger
        if any(m.start <= ts and te <= m.end and (m.end - m.start) > (te - ts) for m in named):
            continue
        clause_lead = text[_clause_begin(text, ts, ss):ts]
        # 保留再提告的权利, 有起诉的可能: the act as an attribute of a noun is not an event
        if _rx(lex).attributive.match(text, te):
            continue
        for trig in trigs:
            v = _Reading(breach=breach, clause_lead=clause_lead, comit=comit, conj=conj,
                         context_subject=context_subject, hedge=hedge, lex=lex, mentions=mentions,
                         parallel=parallel or {},
                         neg_all=neg_all, objm=objm, out=out, passive_zh=passive_zh, placed=placed,
                         receive=receive, recip=recip, rel_words=rel_words, request=request, says=says,
                         se=se, ss=ss, te=te, text=text, trig=trig, trig_hits=trig_hits, ts=ts)
            for stage in _STAGES:
                if stage(v):
                    break
    out = _respectively(text, ss, se, out, mentions, lex)
    for c in out:
        if c.type == "sues" and _rx(lex).case_ref.match(text, c.end) and \
                _rx(lex).case_ref_before.search(text[ss:c.start]) or \
                c.type == "sues" and c.trigger == "诉" and _title_end_at(text, c.end, lex) and \
                re.search(r"(?:就|对)[^，。；]{0,40}$", text[ss:c.start]):
            c.reference = True      # (法院对A诉B…纠纷两案作出判决: the title of a case ruled on)
    _published_rulings(text, ss, se, out, lex)
    return _vetoed(text, ss, _called_off(text, ss, se, _merger_restated(out, lex), lex), lex)


@functools.lru_cache(maxsize=4)
def _published_doc(lex_id: int, lex: Lexicon) -> re.Pattern:
    verbs = "|".join(sorted(map(re.escape, lex.words("publish_verb")), key=len, reverse=True)) or "(?!)"
    # (not a judgment the sentence says was made: 公布了法院于X日作出的判决书 dates the making)
    return re.compile(rf"(?:{verbs})了?(?:(?!作出|做出)[^，。；;！？]){{0,60}}?(?:判决书|裁定书|裁判文书|判决文书)")


def _published_rulings(text: str, ss: int, se: int, out: list, lex: Lexicon) -> None:
    """法庭6月14日公布了A诉B案的终审判决书: a ruling named inside a judgment a body publishes; the date
    of the sentence is the publication's, not the ruling's: the ruling is told undated."""
    if not any(c.type == "rules" for c in out):
        return
    spans = [(m.start(), m.end()) for m in _published_doc(id(lex), lex).finditer(text, ss, se)]
    for c in out:
        if c.type == "rules" and any(a <= c.start and c.end <= b for a, b in spans):
            c.reference = True


@functools.lru_cache(maxsize=4)
def _sentence_words(lex_id: int, lex: Lexicon) -> tuple[set, tuple, tuple]:
    """The word lists `read_sentence` takes from the lexicon as it needs them (made once)."""
    return ({w for w in lex.words("passive") if not w.isascii()}, tuple(lex.words("source")),
            tuple(sorted(lex.words("classhead"), key=len, reverse=True)))


class _Reading(Blackboard):
    """One trigger being read in one sentence: the sentence's names and word sets, the trigger, and
    what the stages found so far (argument groups g0/g1/r1, subj/obj, the frame).  A name no stage
    has set yet reads as None."""


_UNIONS: dict[tuple[int, int], tuple] = {}


def _with_breach(neg_all: set[str], breach: set[str]) -> set[str]:
    """neg_all | breach, made once per pair of (lexicon) sets rather than per trigger read."""
    got = _UNIONS.get((id(neg_all), id(breach)))
    if got is None or got[0] is not neg_all or got[1] is not breach:
        got = _UNIONS[(id(neg_all), id(breach))] = (neg_all, breach, neg_all | breach)
    return got[2]


def _trigger_applies(v: _Reading) -> bool:
    """Skip a trigger its sentence does not use as an event; the negation words and the schema."""
    breach, clause_lead, lex, mentions, neg = v.breach, v.clause_lead, v.lex, v.mentions, v.neg
    neg_all, o_types, request, s_types, se, ss = v.neg_all, v.o_types, v.request, v.s_types, v.se, v.ss
    symmetric, te, text, trig, trig_hits, ts = v.symmetric, v.te, v.text, v.trig, v.trig_hits, v.ts
    neg = _with_breach(neg_all, breach) if trig.relation == "cooperates" else neg_all
    if trig.relation in ("accuses", "competes") and trig.lang == "zh" and any(
            e <= ts and any(t.relation == "accuses" for t in ts_) and
            not any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, e, ts))
            for _, e, ts_ in trig_hits):
        return True    # X指责Y抄袭其产品, 怒斥Y恶意竞争: what X says, not a second relation
    if trig.relation in ("rules", "fines", "blocks") and trig.lang == "zh" and \
            _contains_any(clause_lead, request):
        return True
    if trig.relation == "rules" and trig.word == "判令" and _claimed(text, ss, ts, lex):
        return True
    if trig.relation == "sues" and trig.lang == "zh" and _bare_clause(text, ts, lex) and \
            _clause_begin(text, ts, ss) > ss and any(
            e <= ts and any(t.relation == "sues" for t in ts_) for _, e, ts_ in trig_hits) and \
            not any(te <= m.start and not any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, te, m.start))
                    for m in mentions):
        return True    # X起诉Y侵犯其专利权，索赔5000万元: the claim of the suit already told
    if "role" in trig.flags and not _heading_role(text, te, se, lex):
        return True    # 担任公司副总裁, 出任独立董事: taking an office that does not head it
    schema = lex.schema.get(trig.relation)
    if not schema:
        return True
    s_types, o_types, symmetric = schema
    v.neg, v.o_types, v.s_types, v.symmetric = neg, o_types, s_types, symmetric
    return False




def _claimed(text: str, ss: int, ts: int, lex: Lexicon) -> bool:
    """判令 in a list of what a plaintiff asks for, after a claim opened earlier in the sentence."""
    last = None
    for last in _rx(lex).claimed.finditer(text, ss, ts):
        pass
    return last is not None and not (last.group(0).startswith("诉讼请求") and any(
        w in text[ss:last.start()] for w in ("驳回", "支持", "判决", "裁定")))


def _rule_owner(text: str, ss: int, m: Mention, breach: set[str]) -> bool:
    """X in 违反X的反垄断规定 (a breach word right before the name, 的 right after): the owner of the rules
    broken, no party of the acts around it."""
    return text.startswith("的", m.end) and any(text.startswith(w, m.start - len(w)) for w in breach
                                                 if m.start - len(w) >= ss)


def _argument_groups(v: _Reading) -> bool:
    """The groups of names before (lg, g1 last, g0 before it) and after (rg, r1 first) the trigger."""
    conj, frame, g0, g1, head, lg, mentions = v.conj, v.frame, v.g0, v.g1, v.head, v.lg, v.mentions
    o_types, obj, objm, placed, r1, rg, s_types = v.o_types, v.obj, v.objm, v.placed, v.r1, v.rg, v.s_types
    ss, subj, te, text, trig, trig_hits, ts = v.ss, v.subj, v.te, v.text, v.trig, v.trig_hits, v.ts
    # a name that can fill neither side (在北京某法院起诉: the court) is no argument
    ok_types = s_types | o_types
    left = [m for m in mentions if m.end <= ts and m.type in ok_types
            and (id(m) not in placed or trig.relation == "blocks")]
    right = [m for m in mentions if m.start >= te and m.type in ok_types
             and (id(m) not in placed or trig.relation == "blocks")]
    if trig.relation not in ("acquires", "invests") and left and trig.lang == "zh" and \
            text[max(ss, left[-1].start - 1):left[-1].start] == "从" and ts - left[-1].end <= 2:
        left = left[:-1]    # 被苹果从App Store下架: the place it is taken from is no party
    if trig.lang == "zh" and trig.relation != "cooperates":
        # 违反欧盟的反垄断规定，限制…: whose rules are broken (a breach word, then X的) acts in no clause
        left = [m for m in left if not _rule_owner(text, ss, m, v.breach)]
        right = [m for m in right if not _rule_owner(text, ss, m, v.breach)]
    lg = groups(text, left, conj, v.lex)
    rg = groups(text, right, conj, v.lex)
    subj: list[Mention] | None = None
    frame = "zh.frame.other"
    obj: list[Mention] | None = None
    g1 = lg[-1] if lg else None
    g0 = lg[-2] if len(lg) > 1 else None
    r1 = rg[0] if rg else None
    if g0 and g1 and trig.lang == "zh" and {m.name for m in g0} & {m.name for m in g1} and \
            _ends_with_any(text[max(ss, g0[0].start - 2):g0[0].start], v.comit | v.objm):
        # X在与Y谈判无果后，对Y提起诉讼; X对Y立案调查，并于10月对Y处以罚款: the name a 与 or 对 marks,
        # told again as this verb's object, is no subject; the group before it is
        names = {m.name for m in g1}
        g0 = next((g for g in lg[-3::-1] if not names & {m.name for m in g}), None)
    # parallel clauses in a list (A收购B、C收购D): a member right after another verb is that
    # verb's object, a member right before another verb that verb's subject
    if g1 and len(g1) > 1:
        # (not a person after a title: 对董事长兼CEO程维、总裁柳青 — 程维 after the title CEO is a member of
        # the list, no object of a verb)
        cut = [j for j, m in enumerate(g1[:-1]) if any(0 <= m.start - e <= 1 and text[e:m.start] in ("", "了")
                                                      and not (m.type == "Person" and _titles_only(tl))
                                                      for _, e, tl in trig_hits)]
        if cut:
            g1 = g1[cut[-1] + 1:]
    if r1 and len(r1) > 1:
        cut = [j for j, m in enumerate(r1) if j > 0 and any(0 <= s_ - m.end <= 1 and text[m.end:s_] in ("", "也", "则", "又")
                                                            for s_, _, _ in trig_hits)]
        if cut:
            r1 = r1[:cut[0]]
    if "…" in trig.word and trig.lang == "zh":
        # 发起了对高通的诉讼, 提起针对Y的诉讼: the object marked inside the gapped trigger
        # (归Z所有: for an object-first verb, the name right after its first part)
        head = len(trig.word.partition("…")[0])
        inner = [m for m in mentions if ts < m.start and m.end < te and m.type in o_types
                 and m.source != "coref"
                 and (_ends_with_any(text[max(ts, m.start - 3):m.start], {"对", "向", "针对"})
                      or (trig.order == "OS" and m.start == ts + head) or "inner" in trig.flags)]
        if inner:
            r1 = [m for m in inner if m.start == inner[0].start] + [
                m for m in inner[1:] if text[inner[0].end:m.start].strip("、和及与") == ""]
    # distance limits: arguments sit close to their trigger (before a suit verb, a parenthesis right after
    # the name, its short form: X（以下简称“Y”）于10月18日向法院提交了起诉状, not counted)
    if g1 and ts - (_past_parenthesis(text, g1[-1].end, ts) if trig.relation == "sues" else g1[-1].end) > 25 and not (
            ts - g1[-1].end <= 40 and _ends_with_any(text[max(ss, g1[0].start - 4):g1[0].start], objm)
            and not any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g1[-1].end, ts))):
        g1, g0 = None, None
    if r1 and r1[0].start - te > 25:
        r1 = None
    v.frame, v.g0, v.g1, v.head, v.lg, v.obj, v.r1, v.rg, v.subj = frame, g0, g1, head, lg, obj, r1, rg, subj
    return False


def _copula_frames(v: _Reading) -> bool:
    """Roles and copula frames: 王明华是星海科技的创始人, Y是X的控股股东, Y的国际版X."""
    a, b, c, clause_lead, g0, g1, hedge, lex = v.a, v.b, v.c, v.clause_lead, v.g0, v.g1, v.hedge, v.lex
    mentions, neg, o_types, other, out, r1 = v.mentions, v.neg, v.o_types, v.other, v.out, v.r1
    s_types, se, ss, te, text, trig, ts = v.s_types, v.se, v.ss, v.te, v.text, v.trig, v.ts
    if trig.relation == "discontinues" and r1 and _contains_any(text[te:r1[0].start], v.comit):
        return True    # 终止了与脉脉的合作: what ends is the partnership, not a product
    if "role" in trig.flags and trig.lang == "zh" and g1 and g1[-1].type == "Person" and ts == g1[-1].end:
        # 郑坚江担任董事长的奥克斯集团: a relative clause; the organisation after 的 is what he heads
        heads = [r for r, lead in lex.roles.items() if lead and text.startswith(r, te)]
        k = te + max(map(len, heads)) if heads else -1
        org = next((m for m in mentions if m.start == k + 1 and m.type in o_types), None) \
            if heads and text.startswith("的", k) else None
        if org is not None and text.startswith(tuple(lex.product_heads), org.end):
            return True    # 出任董事长的阿里音乐: the name goes on past a known short name (阿里)
        if org is not None:
            out.append(_cand(trig, g1[-1], org, ts, te, text, ss, neg, hedge, "zh.role.relative", lex=lex))
            return True
    if "role" in trig.flags and not (r1 and _heading_role(text, r1[-1].end, se, lex, right_after=True)):
        return True    # 出任Y的董事长: the heading role follows the organisation itself
    # do not cross a clause break to the right for the object (but 作为X的竞争对手，Y…: the
    # apposition's clause is about the name after the pause)
    if r1 and any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, te, r1[0].start)):
        if not (trig.relation == "competes" and clause_lead.startswith("作为") and
                sum(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, te, r1[0].start)) == 1 and
                text[te:r1[0].start].strip() in ("，", ",")):
            r1 = None
    if trig.relation == "leads" and "direct" in trig.flags and g1 and g0 and not r1 and \
            text[g1[-1].end:ts] in ("的", "") and len(text[g0[-1].end:g1[0].start]) <= 3 and \
            _ends_with_any(text[g0[-1].end:g1[0].start], {"是", "为", "担任", "系"}):
        # 王明华是星海科技的创始人: the person before the copula heads the organisation
        for a in g0:
            for b in g1:
                if a.type in s_types and b.type in o_types and a.name != b.name:
                    out.append(_cand(trig, a, b, ts, te, text, ss, neg, hedge, "zh.copula.leads", lex=lex))
        return True
    if trig.relation == "owns" and "direct" in trig.flags and g1 and g0 and not r1 and trig.order == "SO" \
            and ts - g1[-1].end <= 1 and len(text[g0[-1].end:g1[0].start]) <= 4 \
            and _ends_with_any(text[g0[-1].end:g1[0].start], {"是", "为", "属于", "隶属"}):
        for a in g1:
            for b in g0:
                if a.type in s_types and b.type in o_types and a.name != b.name:
                    out.append(_cand(trig, a, b, ts, te, text, ss, neg, hedge, "zh.copula.owns", lex=lex))
        return True
    if trig.relation in ("owns", "invests") and "direct" in trig.flags and trig.order == "OS" and trig.lang == "zh" and \
            g1 and g0 and ts - g1[-1].end <= 1 and text[g1[-1].end:ts] in ("", "的") and \
            len(text[g0[-1].end:g1[0].start]) <= 3 and \
            _ends_with_any(text[g0[-1].end:g1[0].start], {"是", "为", "系", "成为"}) and \
            not any(c in CLAUSE_BREAK for c in unbroken(text, g0[-1].end, g1[0].start)):
        # Y是X的控股股东, Y是其最大股东, Y是A和B的重要股东: the name before the copula owns (or has a
        # stake in) each name before the noun
        for a in g0:
            for b in g1:
                if a.type in s_types and b.type in o_types and a.name != b.name:
                    out.append(_cand(trig, a, b, ts, te, text, ss, neg, hedge, "zh.copula.holder", lex=lex))
        return True
    if trig.relation == "owns" and trig.order == "OS" and trig.lang == "zh" and g1 and ts == g1[-1].end \
            and trig.word.startswith("的"):
        # X（Y的国际版）/ X是Y的国际版 / Y的国际版X: Y owns X
        lead = text[max(ss, g1[0].start - 3):g1[0].start]
        other = None
        if lead.endswith(("（", "(")) and g0 and text[g0[-1].end:g1[0].start].strip() in ("（", "("):
            other = g0[-1:]
        elif r1 and r1[0].start - te <= 1:
            other = r1[:1]
        elif g0 and _ends_with_any(text[g0[-1].end:g1[0].start], {"是", "为", "即"}):
            other = g0[-1:]
        if other:
            for a in g1[-1:]:
                for b in other:
                    if a.name != b.name and a.type in s_types | {"Product"} and b.type in o_types:
                        c = _cand(trig, a, b, ts, te, text, ss, neg, hedge, "zh.owns.de_unit", lex=lex)
                        out.append(c)
            return True
        if g0 and re.search(r"[与和同跟的]", text[g0[-1].end:g1[0].start]):
            return True    # A的技术与Y的产品相似: Y's unnamed product; A is no part of it
    v.a, v.b, v.c, v.other, v.r1 = a, b, c, other, r1
    return False


def _listed_office(v: _Reading, g1: list[Mention]) -> list[Mention] | None:
    """X董事长兼CEO程维、总裁柳青: a title right after a list comma that follows a person the sentence
    has just read as heading X heads X too (zh.frame.direct_noun, the company of the list)."""
    text, ts = v.text, v.ts
    p = g1[-1]
    if p.type != "Person" or text[p.end:ts] not in ("、", "和", "及", "，"):
        return None
    head = next((c.object for c in reversed(v.out) if c.type == "leads" and c.subject == p.name), None)
    if head is None:
        return None
    return [m for m in v.mentions if m.name == head and m.end <= p.start][-1:] or None


def _list_frames(v: _Reading) -> bool:
    """Nouns that take their arguments beside them, funding rounds, and pairs or lists of rivals or partners."""
    a, b, first, g0, g1, head, i, r1 = v.a, v.b, v.first, v.g0, v.g1, v.head, v.i, v.r1
    lg, ss, symmetric, text, trig, ts = v.lg, v.ss, v.symmetric, v.text, v.trig, v.ts
    if "direct" in trig.flags and trig.relation == "owns" and trig.order == "SO" and not r1:
        return True    # 在X旗下平台被屏蔽: 旗下 with nothing owned after it ties nothing
    if "direct" in trig.flags:
        g0, g1, r1 = _direct_slots(v, g0, g1, r1)
    if _round_frames(v, g1, r1) or _listed_rivals(v, g1, r1) or _rival_pair(v, g0, g1, r1) or \
            _opening_pair(v, r1):
        return True
    if symmetric and _contains_any(text[max(ss, ts - 8):ts], v.recip):
        first = _clause_subject_group(text, ss, ts, lg, v.s_types)
        if first and len({m.name for m in first}) > 1:
            _each_pair(v, first, "zh.sym.reciprocal")
            return True
    v.a, v.b, v.first, v.g0, v.g1, v.head, v.i, v.r1 = a, b, first, g0, g1, head, i, r1
    return False


def _each_pair(v: _Reading, members: list[Mention], rule: str) -> None:
    """A candidate for each pair of the members (different names), in order."""
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            if a.name != b.name:
                v.out.append(_cand(v.trig, a, b, v.ts, v.te, v.text, v.ss, v.neg, v.hedge, rule, lex=v.lex))


def _direct_slots(v: _Reading, g0, g1, r1):
    """The slots of a noun that takes its arguments beside it (A的董事长Y, A旗下的B): (g0, g1, r1) narrowed
    to the names right before and right after it."""
    se, te, text, trig, ts = v.se, v.te, v.text, v.trig, v.ts
    if g1 and len(g1) > 1 and not text.startswith(("都是", "均为", "均是", "皆为", "都为"), te):
        g1 = g1[-1:]    # (A与B的董事长都是Y: Y heads both)
    if r1 and len(r1) > 1 and trig.relation == "leads":
        r1 = r1[:1]
    if r1 and len(r1) > 1 and trig.relation == "owns" and \
            re.match(r"(?:已|将|正式|宣布|日前)*(?:合并|合作|竞争|联手|整合)", text[r1[-1].end:se]):
        r1 = r1[:1]     # 旗下TikTok与Musical.ly正式合并: the list is the merger's, not the unit's
    if g1 and text[g1[-1].end:ts] in ("和", "及", "与", "、", "以及", "及其", "和其") and r1 and \
            trig.relation in ("owns", "leads"):
        # A及母公司B, A和其董事长B: the noun ties B to A (a person before it: a list of officers)
        office = _listed_office(v, g1) if trig.relation == "leads" and g1[-1].type == "Person" else None
        if office:
            g1, g0 = office, None
    elif g1 and (ts - g1[-1].end > 2 or text[g1[-1].end:ts] not in ("", "的", " ")):
        g1, g0 = None, None
    if r1 and (r1[0].start - te > 6 or any(w in text[te:r1[0].start] for w in v.passive_zh)):
        r1 = None
    if trig.relation == "accuses" and g1 and text[g1[-1].end:ts] == "的":
        g1, g0 = None, None
    return g0, g1, r1


def _round_frames(v: _Reading, g1, r1) -> bool:
    """A funding round (zh.round.funding: its investors and the company raising it; zh.round.lead: X领投Y的
    融资): True when the trigger is read so."""
    se, ss, te, text, trig, ts = v.se, v.ss, v.te, v.text, v.trig, v.ts
    s_types, o_types = v.s_types, v.o_types
    if "round" in trig.flags or (trig.relation == "invests" and g1 and
                                 _ends_with_any(text[max(ss, g1[0].start - 2):g1[0].start], {"由"})):
        fund = _funding(text, ss, ts, g1, v.mentions, o_types)
        if fund:
            investors, investee = fund
            for a in investors:
                if a.type in s_types and a.name != investee.name:
                    v.out.append(_cand(trig, a, investee, ts, te, text, ss, v.neg, v.hedge, "zh.round.funding", lex=v.lex))
            return True
        if "round" in trig.flags:
            # X领投Y的10亿元融资 / X领投了Y B轮融资: the investee right after the verb
            if g1 and r1 and r1[0].start - te <= 1 and \
                    re.match(r"[^，。；,;]{0,14}?融资", text[r1[-1].end:se]) and \
                    not any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g1[-1].end, ts)):
                for a in g1:
                    for b in r1[:1]:
                        if a.type in s_types and b.type in o_types and a.name != b.name:
                            v.out.append(_cand(trig, a, b, ts, te, text, ss, v.neg, v.hedge, "zh.round.lead", lex=v.lex))
            return True
    return False


def _listed_rivals(v: _Reading, g1, r1) -> bool:
    """搜索一点资讯、天天快报等竞品 (zh.sym.listed_rivals): the names listed before 等 are the rivals of the
    sentence's subject, not of each other; True when read so."""
    lg, text, ts = v.lg, v.text, v.ts
    if v.symmetric and g1 and not r1 and text[g1[-1].end:ts] in ("等", "等等") and \
            ts - g1[-1].end <= 2:
        # (高德、美团以及T3出行、曹操出行等对手: groups joined by a conjunction are one list)
        k = len(lg) - 1
        while k > 0 and _rx(v.lex).list_join.match(text[lg[k - 1][-1].end:lg[k][0].start].strip()):
            k -= 1
        listed = [m for g in lg[k:] for m in g]
        head = next((g for g in lg[:k] if any(m.type in v.s_types for m in g)), None) or v.context_subject
        if head:
            for a in head:
                for b in listed:
                    if a.name != b.name and a.type in v.s_types and b.type in v.o_types:
                        v.out.append(_cand(v.trig, a, b, ts, v.te, text, v.ss, v.neg, v.hedge, "zh.sym.listed_rivals",
                                           lex=v.lex))
        return True
    return False


def _rival_pair(v: _Reading, g0, g1, r1) -> bool:
    """A与B竞争, A与B已同意…合作 (zh.sym.pair): the listed names before a mutual or symmetric trigger are the
    pair; True when read so."""
    ss, text, trig, ts = v.ss, v.text, v.trig, v.ts
    comitative = g1 and _ends_with_any(text[max(ss, g1[0].start - 2):g1[0].start], v.comit)
    if ("mutual" in trig.flags or v.symmetric) and g1 and not r1 and not (comitative and (g0 or v.context_subject)):
        # (与三星、小米等对手竞争: the list is the partner of the clause subject, not a pair)
        members = [m for m in g1 if m.type in v.s_types]
        if len({m.name for m in members}) > 1 and (ts - g1[-1].end <= 12 or (
                # A与B已同意从当天12时起全面恢复业务合作: what the pair agrees to do together
                ts - g1[-1].end <= 20 and "的" not in text[g1[-1].end:ts] and
                _rx(v.lex).agree.match(text, g1[-1].end) is not None) or (
                # A与B、C等造车新势力在国内市场的竞争: the group's own rivalry, a noun after 的 (not
                # A与B的纠纷折射出…的竞争: the pair then owns another noun)
                ts - g1[-1].end <= 24 and text[ts - 1] == "的" and trig.relation == "competes" and
                not text.startswith("的", g1[-1].end))) and \
                not any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g1[-1].end, ts)):
            seen_pairs = set()
            for a, b in _partner_pairs(text, g1, members, bool(comitative), trig.relation, v.comit):
                if a.name != b.name and (a.name, b.name) not in seen_pairs:
                    seen_pairs.add((a.name, b.name))
                    v.out.append(_cand(trig, a, b, ts, v.te, text, ss, v.neg, v.hedge, "zh.sym.pair", lex=v.lex))
            return True
    return False


def _opening_pair(v: _Reading, r1) -> bool:
    """A与B同为呼和浩特的乳企，长期激烈竞争 (zh.sym.opening_pair): a subject-less clause about the pair that
    opens the sentence; True when read so."""
    lg, ss, text, ts = v.lg, v.ss, v.text, v.ts
    if v.symmetric and v.trig.lang == "zh" and not r1 and lg and len(lg[0]) > 1 and lg[0][0].start - ss <= 2 and \
            all(text[a.end:b.start] in ("与", "和", "、", "及", "”与“", "”和“", "”、“")
                for a, b in zip(lg[0], lg[0][1:])) and \
            any(c in CLAUSE_BREAK for c in unbroken(text, lg[0][-1].end, ts)) and \
            not any(m.end <= ts and m.start > lg[0][-1].end and m.source != "coref" for m in v.mentions):
        _each_pair(v, [m for m in lg[0] if m.type in v.s_types], "zh.sym.opening_pair")
        return True
    return False


@functools.lru_cache(maxsize=8)
def _verbs_of(lex: Lexicon, relation: str) -> tuple[str, ...]:
    """The one-part Chinese trigger words of a relation (起诉, 状告, 控告 …), for endswith tests."""
    return tuple(sorted({t.word for t in lex.triggers if t.relation == relation and t.lang == "zh"
                         and "…" not in t.word}, key=len, reverse=True))


def _own_subject(text: str, a: int, b: int) -> bool:
    """Between the last name before a passive (ending at `a`) and its agent (starting at `b`): a clause
    break, then a noun of the passive's own clause (Waze11.5亿美元被, 前者被,
    OnLive经历了几年波折已被; not 2015年被, 后来又被): that clause has a subject the readers did not
    take as a name."""
    last = max(text.rfind(c, a, b) for c in "，,：:；;。")
    if last < 0:
        return False
    toks = [(w, t) for w, t in nlp.tagged(nlp.to_simplified(text[last + 1:b].strip())) if t != "c"]
    if toks and toks[0][1] == "r":
        return False        # 该公司后被Y收购: the pronoun points back at the name before
    return any(re.match(r"[A-Za-z]", w) or (t or "").startswith("n") for w, t in toks)


def _passive_agent(v: _Reading, g0, g1, r1, first):
    """X被Y起诉/收购 (zh.frame.passive_agent): (subject, object, first) or None when nothing is read."""
    text, trig, ts, te, mentions, o_types = v.text, v.trig, v.ts, v.te, v.mentions, v.o_types
    if trig.relation == "sues" and trig.lang == "zh" and (
            any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g1[-1].end, ts)) or
            (g0 and any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g0[-1].end, g1[0].start)))):
        # 由X调查终结，移送检察机关审查起诉: X acts in a clause of its own; 据《联合报》报道，
        # 马英九被北检起诉: the name of the clause before is no party to the suit
        patient = _chain_patient(v, g1) if not any(
            c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g1[-1].end, ts)) else None
        return None if patient is None else (g1, [patient], first, "zh.frame.passive_chain")
    subj, obj = g1, g0
    if obj is None and r1:
        obj = r1
    if trig.relation in ("acquires", "invests") and trig.lang == "zh" and text.startswith("的", te) and \
            re.match(r"[A-Za-z\u4e00-\u9fff]", text[te + 1:te + 2]):
        # 曾获A、B参股的C: the passive is a relative clause of C, the name right after 的 (none read:
        # no name of the clause before; X获得由Y投资的融资, X是被Y收购的公司 keep X)
        if r1 and r1[0].start - te <= 2:
            obj = r1
        elif obj and any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, obj[-1].end, g1[0].start)):
            return None
    if obj is not None and not any(m.type in o_types for m in obj):
        obj = None
    if obj is None:
        first = [m for m in mentions if m.end <= g1[0].start and m.type in o_types
                 and m.source != "coref"]
        if first:
            obj = [first[0]]
    if trig.relation in ("acquires", "invests") and trig.lang == "zh" and obj and \
            obj[-1].end <= g1[0].start and _own_subject(text, obj[-1].end, g1[0].start):
        # 获得A、B投资后，不到两年，Waze被谷歌收购: the clause of the passive has a subject of its
        # own (one not read as a name), so a name of a clause before is not what is bought
        return None
    return subj, obj, first


def _chain_patient(v: _Reading, g1) -> Mention | None:
    """X陷入了与Y的纠纷中，两次被Y起诉 (zh.frame.passive_chain): a passive suit clause that names no one
    before 被 goes on with the name that opens the clause before it, the one sued.  Not a clause with a
    name of its own before 被, nor one the clause before does not open with a name (据《联合报》报道，…)."""
    text, ss = v.text, v.ss
    cs = _clause_begin(text, g1[0].start, ss)
    if cs <= ss or not text[cs:g1[0].start].strip(" 　").endswith(_chain_words(id(v.lex), v.lex)[0]) or \
            len(text[cs:g1[0].start]) > 8 or \
            any(m.source != "coref" and cs <= m.start < g1[0].start for m in v.mentions):
        return None
    actor = chain_actor(text, ss, cs, v.mentions, v.says)
    if actor is None or actor.type not in v.o_types or actor.name in {m.name for m in g1}:
        return None
    p = actor.start
    while p > ss and (text[p - 1] not in CLAUSE_BREAK or grouped_comma(text, p - 1)) and text[p - 1] != "。":
        p -= 1
    lead = text[p:actor.start].strip(" 　")
    return actor if len(lead) <= 1 and lead not in _chain_words(id(v.lex), v.lex)[1] and actor.start < cs else None


@functools.lru_cache(maxsize=4)
def _chain_words(lex_id: int, lex: Lexicon) -> tuple[tuple, frozenset]:
    """The passive markers a subject-less suit clause ends with before its agent (modifiers.tsv kind
    passive, the Chinese ones) and what, opening the clause before, shows its first name is no subject
    (kind chain_not_subject_lead: 据, 《, …)."""
    return (tuple(sorted((w for w in lex.words("passive") if not w.isascii()), key=len, reverse=True)),
            frozenset(lex.words("chain_not_subject_lead")))


@functools.lru_cache(maxsize=4)
def _title_end(lex_id: int, lex: Lexicon) -> re.Pattern:
    """The end of a case title after its parties: 法院对A诉B…案作出判决 — …纠纷案, …纠纷上诉案, …一案,
    …两案, and the kind of case before 案 (…不正当竞争案, …专利侵权案: modifiers.tsv kind case_title_kind),
    or 案 right after the defendant's name (淘宝诉美景案: `_bare_title`)."""
    kinds = "|".join(sorted(map(re.escape, lex.words("case_title_kind")), key=len, reverse=True))
    return re.compile(r"[^，,。；;：:！？!?]{0,60}?(?:纠纷|[一二两三四五六七八九十几数]|上诉|再审"
                      + (f"|{kinds}" if kinds else "") + ")案")


def _title_end_at(text: str, at: int, lex: Lexicon):
    return _title_end(id(lex), lex).match(text, at)


def _court_case_title(v: "_Reading", before_g1: str, gap: str) -> bool:
    """法院对A诉B、C…纠纷案作出判决 (zh.frame.case_title_plaintiff): 对 opens the case the court
    rules on, not the object of 诉 — A, right before the bare 诉 of a title that ends in …案, is the
    plaintiff.  Not 对A起诉 (a full verb: A is sued), nor a 诉 with no case title after it."""
    if not (v.trig.word == "诉" and v.trig.lang == "zh" and before_g1.rstrip().endswith("对") and
            _PAREN.sub("", gap).strip() == ""):
        return False
    # (a title ruled on at a later stage, …上诉案, is read too: its first court and filing date come from a
    # later sentence that brings the case, 这起官司于…由A在X法院提起 — suit_context.case_filing_dates)
    return (_title_end_at(v.text, v.te, v.lex) or _bare_title(v)) is not None


def _bare_title(v: "_Reading") -> re.Match | None:
    """对A诉B案 (淘宝诉美景案): 案 right after the one name 诉 is followed by."""
    r1 = v.r1
    if r1 and r1[0].start == v.te and v.text.startswith("案", r1[-1].end):
        return re.compile("案").match(v.text, r1[-1].end)
    return None


def _described_agent(v: _Reading, g1: list[Mention]) -> bool:
    """Y被美国芯片巨头X起诉, Y被其股东X起诉: a passive marker, then a short description of the agent (no
    other name in it; 其 may be), right before the group g1."""
    lo = max(v.ss, g1[0].start - 16)
    m = _rx(v.lex).described_passive.search(v.text, lo, g1[0].start)
    return m is not None and m.end() == g1[0].start and not any(
        x.source != "coref" and m.start() <= x.start and x.end <= g1[0].start for x in v.mentions)


def _roles_marked(v: _Reading) -> bool:
    """Subject and object from markers: direct nouns, passives (被/由/遭), forums, object markers (对/向/将)."""
    actor, before_g1, chain, context_subject = v.actor, v.before_g1, v.chain, v.context_subject
    first, frame, g0, g1, lg, mentions = v.first, v.frame, v.g0, v.g1, v.lg, v.mentions
    obj, objm, pas_before_g1, pas_in_gap = v.obj, v.objm, v.pas_before_g1, v.pas_in_gap
    passive_zh, r1, rel_words, relative, rg = v.passive_zh, v.r1, v.rel_words, v.relative, v.rg
    s_types, says, ss, subj, te, text, trig, ts = v.s_types, v.says, v.ss, v.subj, v.te, v.text, v.trig, v.ts
    gap = text[g1[-1].end:ts] if g1 else ""
    before_g1 = text[(g0[-1].end if g0 else max(ss, g1[0].start - 6)):g1[0].start] if g1 else ""
    is_en = trig.lang == "en"
    pas_before_g1 = g1 and (_ends_with_any(before_g1, passive_zh if not is_en else {"by"}) or (
        not is_en and _described_agent(v, g1)
        and not any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g1[-1].end, ts))
        and not text.startswith("的", _past_parenthesis(text, g1[-1].end, ts))))
    pas_in_gap = _ends_with_any(gap, passive_zh) if not is_en else (
        re.search(r"\b(was|were|been|be|is|are|being)\b", gap) and r1 and
        re.match(r"\s*by\b", text[te:r1[0].start]))
    if not is_en:
        # 以滥用市场支配地位为由起诉高通: 由 closes 以…为由 (on the grounds of), no passive agent marker
        pas_in_gap = pas_in_gap and not re.search(r"[为為]由$", gap.rstrip())
        pas_before_g1 = pas_before_g1 and not re.search(r"[为為]由$", before_g1.rstrip())
    obj_marker = g1 and (_ends_with_any(before_g1[-4:], objm) or _described_after_marker(before_g1, v.lex)) \
        and not _court_case_title(v, before_g1, gap)
    relative = g1 and (_contains_any(gap, rel_words) or (
        "…" in trig.word and _contains_any(text[ts:te], rel_words)))  # Y…发起的25次诉讼
    chain = 1
    if "direct" in trig.flags and g1 and r1 and trig.lang == "zh" and text[te:te + 1] in FUNCTION_START and \
            text[max(ss, ts - 2):ts].endswith(("及", "和", "与", "及其")):
        # 联发科及子公司在英国法院对华为提起诉讼: the noun heads a subject (X and its units), it names
        # no unit of X after it
        return True
    elif "direct" in trig.flags and g1 and r1 and trig.lang == "zh":
        # a noun that takes its arguments beside it (腾讯对其旗下产品多闪): no marker logic
        frame = "zh.frame.direct_noun"
        subj, obj = g1, r1
    elif is_en and pas_in_gap and r1:
        frame = "zh.frame.en_passive"
        subj, obj = r1, g1
    elif pas_before_g1 and g1 and g0 and r1 and trig.order == "OS" and trig.relation == "acquires" and \
            trig.lang == "zh":
        # Y被X出售给Z: Y is what is sold, Z the buyer (the swap below makes Z the subject)
        frame = "zh.frame.sold_passive"
        subj, obj = g0, r1
    elif pas_before_g1 and g1:
        frame = "zh.frame.passive_agent"
        roles = _passive_agent(v, g0, g1, r1, first)
        if roles is None:
            return True
        subj, obj, first = roles[:3]
        frame = roles[3] if len(roles) > 3 else frame
    elif g1 and pas_in_gap and g0 and _ends_with_any(before_g1, {"在"}) and \
            any(m.type in s_types for m in g1) and \
            not any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g0[-1].end, ts)):
        # Y的链接在X平台上被屏蔽: the place the passive happens in is the agent
        frame = "zh.frame.passive_place"
        subj, obj = g1, g0
    elif g1 and pas_in_gap:
        frame = "zh.frame.passive_bare"
        obj = g1
        subj = _find_by_type(lg[:-1][::-1] + rg, s_types)
        if trig.order == "OS" and not is_en and subj and subj[0].start >= te:
            # Y被出售给Z, Y被并入Z: the verb names its receiver after it, the passive its patient
            # before: Z acquires Y (the swap of object-first verbs below puts them back)
            subj, obj = obj, subj
    elif g1 and trig.relation in ("sues", "accuses") and trig.order == "SO" and r1 and \
            (forum := _forum(text, ss, ts, lg)) is not None and (forum or context_subject):
        # X向美国国际贸易委员会（ITC）及联邦地方法院控告Y: the forum is no defendant
        frame = "zh.frame.forum"
        subj, obj = (forum or context_subject), r1
    elif g1 and obj_marker and r1 and trig.relation == "acquires" and trig.order == "OS" and \
            _ends_with_any(before_g1[-4:], {"将", "把"}):
        # X将Y卖给Z: Y is what is sold (the swap below makes Z the buyer)
        frame = "zh.frame.sell_ba"
        subj, obj = g1, r1
    elif g1 and obj_marker and r1 and trig.relation not in ("sues", "fines", "accuses", "blocks"):
        frame = "zh.frame.marker_deal"
        subj = g0 or (context_subject if _bare_clause(text, g1[0].start, v.lex) else None)
        obj = r1
        if trig.relation == "invests" and _ends_with_any(before_g1[-4:], {"向"}) and ts - g1[-1].end <= 2:
            # X向Y注资…并将Z并入Y: the name 向 marks is the one invested in, not a name after the verb
            obj = g1
    elif g1 and obj_marker and (_marked_role(v, g1, ts) or (trig.relation in ("sues", "accuses") and not is_en and
            _ends_with_any(before_g1[-4:], {"向"}) and _contains_any(gap, v.lex.words("payment")))):
        # 判决X向Y支付自提起诉讼起的赔偿: 向 marks the payee of the payment, no defendant of a suit
        return True
    elif g1 and obj_marker:
        frame = "zh.frame.marker"
        obj = g1
        subj = g0
        if subj is None and context_subject and _bare_clause(text, g1[0].start, v.lex):
            subj = context_subject
            frame = "zh.frame.marker_context"
        elif g0 and any(c in CLAUSE_BREAK for c in unbroken(text, g0[-1].end, g1[0].start)) and \
                _bare_clause(text, g1[0].start, v.lex) and \
                (actor := chain_actor(text, ss, _clause_begin(text, g1[0].start, ss), mentions, says)) is not None \
                and actor.name not in {m.name for m in g1}:
            # X回应称，Y的指控…，并表示将对其提起反诉: a subject-less clause goes on with the
            # actor of the clause chain, not with the last name before it
            subj = [actor]
            frame = "zh.frame.marker_chain"
    else:
        chain = 2
    v.actor, v.before_g1, v.chain, v.first, v.frame, v.obj = actor, before_g1, chain, first, frame, obj
    v.pas_before_g1, v.pas_in_gap, v.relative, v.subj = pas_before_g1, pas_in_gap, relative, subj
    return False


def _roles_deals(v: _Reading) -> bool:
    """Subject and object of deals told from the seller, copula relatives, deep objects, comitatives."""
    actor, before_g1, chain, context_subject = v.actor, v.before_g1, v.chain, v.context_subject
    frame, g0, g1, head, lg, mentions, obj = v.frame, v.g0, v.g1, v.head, v.lg, v.mentions, v.obj
    objm, pas_in_gap, r1, relative, s_types, says = v.objm, v.pas_in_gap, v.r1, v.relative, v.s_types, v.says
    ss, subj, symmetric, te, text, trig, ts = v.ss, v.subj, v.symmetric, v.te, v.text, v.trig, v.ts
    if chain == 2:
        if g1 and trig.relation in ("acquires", "invests") and trig.order == "SO" and \
                _ends_with_any(before_g1, {"从", "向", "自"}) and (g0 or context_subject) and r1:
            frame = "zh.frame.from_seller"
            subj, obj = (g0 or context_subject), r1
        elif g1 and trig.relation in ("acquires", "invests") and trig.order == "SO" and \
                _ends_with_any(before_g1, {"从", "向", "自"}) and not r1:
            # X向Y投资5亿元: Y is the investee; X向Y收购 with nothing bought named: Y only sells
            if trig.relation == "invests" and _ends_with_any(before_g1, {"向"}) and ts - g1[-1].end <= 2:
                frame = "zh.frame.invest_to"
                subj, obj = (g0 or (context_subject if _bare_clause(text, g1[0].start, v.lex) else None)), g1
            else:
                return True
        elif g1 and g0 and trig.lang == "zh" and not symmetric and not pas_in_gap and \
                text.startswith("的", te) and ts - g1[-1].end <= 2 and \
                len(text[g0[-1].end:g1[0].start]) <= 4 and \
                _ends_with_any(text[g0[-1].end:g1[0].start], {"是", "为", "系"}):
            # Y是X投资设立的公司, Y是X推出的产品: the name before the copula is the relative
            # clause's patient, the name inside it the agent
            frame = "zh.frame.copula_relative"
            subj, obj = g1, g0
        elif g1 and not pas_in_gap and (deep := _deep_object(text, lg, ts, objm)):
            frame = "zh.frame.deep_object"
            subj, obj = deep
        elif g1 and relative:
            frame = "zh.frame.relative"
            subj = g1
            obj = r1 or g0
            if trig.relation in ("sues", "accuses") and trig.lang == "zh" and len(before_g1) <= 8 and \
                    (_contains_any(before_g1, objm) or before_g1.endswith(_verbs_of(v.lex, trig.relation))):
                # A向B提起的诉讼, A向现控股股东B提起的诉讼, 其状告B…提起的诉讼: the name an object marker
                # or a suing verb opens is the one sued, the name before it (in the same clause) the one
                # suing
                if not g0 or any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g0[-1].end, g1[0].start)):
                    return True
                subj, obj = g0, g1
        elif symmetric and g1 and (_ends_with_any(before_g1, v.comit) or
                                   _rx(v.lex).comitative.search(before_g1)) and (g0 or context_subject) and \
                not (trig.relation == "competes" and any(c in CLAUSE_BREAK for c in unbroken(text, g1[-1].end, ts))):
            # (A与B签下协议，…远超对手: the partner of another clause's verb is no rival)
            frame = "zh.frame.comitative"
            subj, obj = (g0 or context_subject), g1
            if g0 and any(c in CLAUSE_BREAK for c in unbroken(text, g0[-1].end, g1[0].start)):
                # 该公司与三星签署…，同年6月又与苹果续签…: a subject-less clause's partner goes with
                # the subject of the nearest clause that opens with a name (三星仍是…，华为则…，并与OPPO
                # 竞争: 华为), else the sentence's subject
                opening = [g for g in lg if g[-1].end <= g1[0].start and
                           _rx(v.lex).opening.fullmatch(text[_clause_begin(text, g[0].start, ss):g[0].start].strip())]
                # (no clause opens with a name: the first name is some verb's object — 平安好医生发布了“私家
                # 医生”服务，与A、B达成合作 — and the partner's subject is unnamed)
                head = opening[-1] if opening else None
                lead0 = text[_clause_begin(text, head[0].start, ss):head[0].start] if head else "与"
                subj = head if not _ends_with_any(lead0.rstrip(), v.comit) else context_subject
                if not subj:
                    return True
        elif g1 and r1 and trig.lang == "zh" and trig.order == "SO" and \
                any(c in CLAUSE_BREAK for c in unbroken(text, g1[-1].end, ts)) and _bare_clause(text, ts, v.lex) and \
                (actor := chain_actor(text, ss, _clause_begin(text, ts, ss), mentions, says)) is not None and \
                actor.name not in {m.name for m in r1} and actor.name not in {m.name for m in g1} and \
                actor.type in s_types:
            # 以3.85亿元收购A 70%股权，11月以1.06亿元收购B: the next subject-less clause goes on
            # with the chain's actor, not with the object named before it
            frame = "zh.frame.chain_actor"
            subj, obj = [actor], r1
            if _rx(v.lex).parallel_lead.fullmatch(text, _clause_begin(text, ts, ss), ts) and \
                    re.fullmatch(r"了?(?:[\u4e00-\u9fff]{0,10}(?:公司|企业|平台|厂商))?", text[te:r1[0].start]) and \
                    any(c.type == trig.relation and c.subject == actor.name and c.end <= g1[0].start and
                        not c.negated for c in v.out):
                # X收购了A，2018年收购了B: a clause opening with a date, an adverb or a price only
                # repeats what the actor did in the clause before, on the name right after the verb
                frame = "zh.frame.chain_actor.parallel"
        else:
            chain = 3
    v.chain, v.frame, v.obj, v.subj = chain, frame, obj, subj
    return False




def _roles_plain(v: _Reading) -> bool:
    """Subject and object by position: X verb Y, A B verb, lists of rivals, subject-less clauses."""
    if v.chain != 3:
        return False
    got = _plain_named(v)
    if got is None:
        got = _plain_subjectless(v)
    if got is True:
        return True
    if got is not None:
        v.frame, v.subj, v.obj = got
    return False


def _plain_named(v: _Reading):
    """The frames of a clause that names its subject (X verb Y, A B verb, a group of rivals before or after
    the verb): (frame, subject, object), True when the trigger is read (or refused) here, None when no
    frame fits."""
    before_g1, context_subject, g0, g1, hedge, lg = v.before_g1, v.context_subject, v.g0, v.g1, v.hedge, v.lg
    neg, out, r1, s_types, ss = v.neg, v.out, v.r1, v.s_types, v.ss
    symmetric, te, text, trig, ts = v.symmetric, v.te, v.text, v.trig, v.ts
    if g1 and r1:
        frame = "zh.frame.svo"
        subj, obj = g1, r1
        if not any(m.type in s_types for m in g1) and not symmetric:
            # 工信部就“ZAO”App问题约谈陌陌: the subject is the nearest name of the subject's type
            for g in reversed(lg[:-1]):
                if any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g[-1].end, ts)):
                    break
                if any(m.type in s_types for m in g):
                    subj = g
                    break
    elif g1 and g0 and trig.relation == "invests" and _ends_with_any(before_g1, v.receive) and \
            not any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g0[-1].end, ts)):
        # X获得Y的5亿元战略投资: the one named after 获得 invests in the clause subject
        frame = "zh.frame.receive_invest"
        subj, obj = g1, g0
    elif symmetric and g1 and g0 and trig.lang == "zh" and \
            text[g0[-1].end:g1[0].start] in ("旗下的", "旗下", "的子公司", "子公司") and \
            _ends_with_any(text[max(ss, g0[0].start - 2):g0[0].start], v.comit):
        # 字节跳动将与Facebook旗下的Instagram展开较量: the unit is the partner, its owner only
        # names it; the clause's subject is the other side
        other = lg[-3] if len(lg) > 2 else context_subject
        if not other:
            return True
        frame = "zh.frame.sym_unit"
        subj, obj = other, g1
    elif g1 and g0 and (trig.order == "OS" or len(text[g0[-1].end:g1[0].start]) <= 8) and \
            not any(c in CLAUSE_BREAK for c in unbroken(text, g0[-1].end, g1[0].start)) and \
            not (symmetric and trig.lang == "zh" and any(c in CLAUSE_BREAK for c in unbroken(text, g1[-1].end, ts))):
        # (A起诉B…，“二选一”之争闹上法庭: a rivalry noun in a later clause does not pair the
        # subject and object of the clause before)
        gap = text[g0[-1].end:g1[0].start]
        if trig.lang == "zh" and trig.relation != "rules" and gap and _ends_with_any(gap, _role_words(v.lex)) \
                and not _contains_any(gap, v.objm):
            return True    # 天津天海俱乐部球员张鹭, X管理局原党工委书记Y: g0 is g1's organisation, not an agent
        if trig.relation in ("sues", "accuses") and trig.lang == "zh" and \
                any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g1[-1].end, ts)):
            # X起诉Y和Z侵犯其专利，对两被告各索赔…: the pair (Z, 其) is of a clause before the trigger's
            return True
        if trig.relation in ("launches", "discontinues") and trig.lang == "zh" and (
                text[max(ss, g1[0].start - 2):g1[0].start].endswith(("在", "在其")) or
                re.fullmatch(r"\s*(?:[（(](?:现|原|前|即)|旗下的?)\s*", gap)):
            # 格兰仕在其微博发布…: the place it is told in; A（现B）推出C: one company by two names;
            # 由A旗下B推出的C: the unit launches C, A launches no B
            return True
        if trig.relation == "accuses" and trig.lang == "zh" and text[g1[-1].end:ts] == "的":
            return True    # X回应称Y的指控毫无依据: Y made the accusation (its possessor), X is not accusing Y
        frame = "zh.frame.pre_verbal"
        subj, obj = g0, g1
        if trig.relation == "blocks" and trig.lang == "zh" and text[g0[0].start - 1:g0[0].start] == "在":
            return True    # 在华为、魅族等各大应用商店下架: the stores it is taken off, no pair of parties
        if trig.relation == "blocks" and trig.lang == "zh" and text[g1[0].start - 1:g1[0].start] == "在":
            # 小红书在苹果App Store也已下架: the store it is taken off is the one that blocks it
            frame = "zh.frame.placed_blocker"
            subj, obj = (g1, g0) if trig.order == "SO" else (g0, g1)
    elif g1 and len([m for m in g1 if m.type in s_types]) > 1 and symmetric and ts - g1[-1].end <= 6:
        g1 = [m for m in g1 if m.type in s_types]
        for i, a in enumerate(g1):
            for b in g1[i + 1:]:
                out.append(_cand(trig, a, b, ts, te, text, ss, neg, hedge, "zh.sym.group_before", lex=v.lex))
        return True
    elif r1 and not g1 and len([m for m in r1 if m.type in s_types]) > 1 and symmetric:
        r1 = [m for m in r1 if m.type in s_types]
        for i, a in enumerate(r1):
            for b in r1[i + 1:]:
                out.append(_cand(trig, a, b, ts, te, text, ss, neg, hedge, "zh.sym.group_after", lex=v.lex))
        return True
    else:
        return None
    return frame, subj, obj


def _plain_subjectless(v: _Reading):
    """The frames of a clause with no name before the verb (a noun's owner, a parallel clause, the sentence's
    topic, the context subject, the first organisation): (frame, subject, object), True when the trigger is
    refused here, None when no frame fits."""
    context_subject, g1, mentions, o_types, r1 = v.context_subject, v.g1, v.mentions, v.o_types, v.r1
    s_types, ss, te, text, trig, ts = v.s_types, v.ss, v.te, v.text, v.trig, v.ts
    if g1 is None and r1 and "direct" in trig.flags and find_triggers(text, v.lex, te, r1[0].start):
        # 将旗下搜索业务并入Y: a verb of its own stands between the noun and the name — Y is where
        # the unit goes, not the unit
        return True
    elif g1 is None and r1 and "direct" in trig.flags and (tied := _tied_owner(text, ss, ts, mentions, s_types, v.lex)):
        # 起诉A及其全资子公司B: 其 is A, the name the list word follows, not the sentence's first name
        frame = "zh.frame.direct_tied"
        subj, obj = [tied], r1
    elif g1 is None and r1 and "direct" in trig.flags and (first := _first_of(
            mentions, ts, o_types if (trig.order == "OS" or trig.relation == "leads") else s_types, r1)):
        # 创始人程维 / 控股股东广药集团 with nothing before the noun: the sentence's first name
        frame = "zh.frame.direct_first"
        subj, obj = [first], r1
    elif g1 is None and r1 and (actor := v.parallel.get(trig.relation)) is not None and \
            actor.name != r1[0].name and _rx(v.lex).parallel_lead.fullmatch(text, ss, ts):
        # X新进了A、B；增持了C、D: the part after a semicolon opening with a verb of the same kind
        # goes on with the actor of the part before
        frame = "zh.frame.context_subject.parallel"
        subj, obj = [actor], r1
    elif g1 is None and r1 and _bare_clause(text, ts, v.lex) and \
            (topic := _sentence_topic(text, ss, ts, mentions, s_types, v.says, v.lex)) is not None and \
            topic.name != r1[0].name:
        # 羅爾斯不服，於…入稟…法院，控告Y越權: the clause chain goes on with the name the sentence
        # opens with, not with the company of the sentence before
        frame = "zh.frame.sentence_topic"
        subj, obj = [topic], r1
    elif g1 is None and r1 and context_subject and _bare_clause(text, ts, v.lex) and \
            any(m.type in s_types for m in context_subject) and \
            not any(m.name == r1[0].name for m in context_subject):
        frame = "zh.frame.context_subject"
        subj, obj = context_subject, r1
    elif g1 is None and r1 and not ("则" in text[_clause_begin(text, ts, ss):ts] and not _bare_clause(text, ts, v.lex)):
        # subject-less clause: the sentence's first organisation before the trigger (not when
        # the clause sets up a subject of its own, unknown to us: 联创节能则出资13亿收购了Y)
        first = [m for m in mentions if m.end <= ts and m.type in s_types
                 and not (trig.relation != "cooperates" and _rule_owner(text, ss, m, v.breach))]
        if first and trig.relation == "sues" and any(w in text[first[0].end:ts] for w in v.lex.words("plaintiff_role")):
            first = []      # …公告X、Y：本院对原告A(unknown)诉被告B: the plaintiff is the unknown A after 原告
        if first:
            frame = "zh.frame.first_org"
            subj, obj = [first[0]], r1
        else:
            return None
    else:
        return None
    return frame, subj, obj


def _object_fixes(v: _Reading) -> bool:
    """The object named after 持有/旗下, and the defendant a suit names in a later clause (要求Y赔偿)."""
    frame, g1, mentions, o_types, obj, pas_in_gap = v.frame, v.g1, v.mentions, v.o_types, v.obj, v.pas_in_gap
    r1, rg, se, subj, te, text, trig, ts = v.r1, v.rg, v.se, v.subj, v.te, v.text, v.trig, v.ts
    if obj is r1 and r1 and len(rg) > 1 and "direct" not in trig.flags:
        between = text[r1[-1].end:rg[1][0].start]
        if _rx(v.lex).held.match(between) or _MODIFIER.match(between):
            obj = rg[1]
    if obj is r1 and r1 and trig.relation in ("acquires", "invests") and trig.lang == "zh" and \
            text.startswith(("旗下的", "旗下"), r1[-1].end):
        # 收购北汽集团旗下香港上市公司北京汽车股份: the unit named after 旗下 is bought; 入股夏普旗下
        # 的堺市十代面板厂 (the unit unnamed): not its owner
        if len(rg) > 1 and rg[1][0].start - r1[-1].end <= 14 and \
                not any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, r1[-1].end, rg[1][0].start)):
            obj = rg[1]
        else:
            return True
    # a suit with no defendant after its verb: 向法院提起反诉，要求Y赔偿 -> Y
    if trig.relation == "sues" and not obj and (subj or (g1 and not pas_in_gap and not any(
            c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g1[-1].end, ts)))):
        mreq = _rx(v.lex).demand.search(text, te, se)
        if mreq and not any(c in "，,；;" for c in text[te:mreq.start()]):
            subj = subj or g1
            after = [m for m in mentions if m.start >= mreq.end() and m.start - mreq.end() <= 2
                     and m.type in o_types and m.name not in {x.name for x in subj}]
            if after:
                obj = [after[0]]
                frame = "zh.sues.demand"
        if not obj:
            # 推动一项诉讼禁令，腾讯在禁令申请中认为，多闪app获取…；X方面要求Y停止: a later clause
            # of the sentence whose subject is the plaintiff (or left out) names the defendant
            plaintiff = subj or g1
            pn = {x.name for x in plaintiff}
            for mreq in _rx(v.lex).demand_later.finditer(text, te, se):
                if any(c in "；;" for c in text[te:mreq.start()]):
                    break
                cb = _clause_begin(text, mreq.start(), te)
                if any(m.name not in pn for m in mentions if cb <= m.start and m.end <= mreq.start()):
                    continue
                after = [m for m in mentions if mreq.end() <= m.start <= mreq.end() + 1
                         and m.type in o_types and m.name not in pn and m.type != "Court"]
                if after:
                    subj, obj = plaintiff, [after[0]]
                    frame = "zh.sues.demand_later"
                    break
    if trig.relation == "sues" and trig.lang == "zh" and obj:
        obj = _quoted_owner(v, obj)
    v.frame, v.obj, v.subj = frame, obj, subj
    return False


def _quoted_owner(v: _Reading, obj: list[Mention]) -> list[Mention]:
    """A suit's defendant read from a product named in quotes (称“搜狗拼音输入法”侵犯其专利，要求搜狗赔偿)
    whose owner in the lexicon is named in the sentence too: the owner is the party sued."""
    out = []
    for m in obj:
        le = v.lex.entities.get(m.name) if m.type == "Product" else None
        quoted = v.text[m.start - 1:m.start] in ("“", "「", "『", '"') if m.start else False
        owner = None
        if le is not None and le.owner and quoted:
            owner = next((x for x in v.mentions if x.name == le.owner and x.source != "coref"
                          and v.ss <= x.start and x.end <= v.se), None)
        if owner is not None and all(x.name != owner.name for x in out):
            out.append(owner)
        elif all(x.name != m.name for x in out):
            out.append(m)
    return out


def _court_and_stakes(v: _Reading) -> bool:
    """The court that rules and its parties; the owner of a product launched or closed; stakes bought."""
    context_subject, frame, g1, mentions, o_types = v.context_subject, v.frame, v.g1, v.mentions, v.o_types
    obj, out, pas_before_g1, pas_in_gap, placed = v.obj, v.out, v.pas_before_g1, v.pas_in_gap, v.placed
    r1, s_types, se, stakes, subj, te, text = v.r1, v.s_types, v.se, v.stakes, v.subj, v.te, v.text
    trig, ts = v.trig, v.ts
    if trig.relation == "rules" and "direct" in trig.flags and not (g1 and g1[-1].type == "Court"):
        return True
    if trig.relation == "rules":
        courts = [m for m in mentions if m.type == "Court" and m.end <= ts] or \
                 [m for m in mentions if m.type == "Court"]
        if courts and trig.confidence >= 0.7:
            subj = [courts[-1]] if any(m.end <= ts for m in courts) else [courts[0]]
            frame = "zh.rules.court"
            obj = [m for m in mentions if m.type in o_types and m.type != "Court" and not _speaker(text, m, ts, v.lex)
                   and id(m) not in placed
                   and not text[max(0, m.start - 3):m.start].endswith(_words(id(v.lex), v.lex).victims)
                   and not m.name.endswith(_words(id(v.lex), v.lex).prosecutors)]
            if any(m.type != "Product" for m in obj):
                # 认定百度未经许可在百度地图中使用…: a product the ruling names is no party
                obj = [m for m in obj if m.type != "Product"]
    if trig.relation in ("launches", "discontinues") and not (subj and any(m.type in s_types for m in subj)):
        # 微博终止了与脉脉的合作: a product before a verb that has an object of its own is its
        # subject, not what is launched or closed
        own_object = re.match(r"了?[^，。；,;！？!?\s]", text[te:te + 2]) is not None and \
            not re.match(r"了?[，。；,;！？!?]", text[te:te + 2])
        prods = [m for m in ([] if own_object else (g1 or [])) + (r1 or [])
                 if m.type == "Product" and m.owner]
        if prods and (g1 is None or ts - g1[-1].end <= 12):
            for m in prods:
                out.append(Cand(m.owner, m.name, trig.relation, ts, te, trig.confidence * 0.9,
                                False, trig.word, rule="zh.product.owner"))
            return True
    stakes = None
    if trig.relation in ("acquires", "invests") and trig.order == "SO" and "round" not in trig.flags \
            and not pas_in_gap and not pas_before_g1:
        # 收购A所持B 49%股权 / 购买X100%股权及Y70%股权: the names that own the stakes are
        # what is bought
        stakes = _stake_objects(text, te, se, mentions, o_types)
        if stakes:
            if not subj and g1 and ts - g1[-1].end <= 25 and not any(
                    c in "。；;" for c in text[g1[-1].end:ts]):
                subj = g1
            elif not subj and context_subject and _bare_clause(text, ts, v.lex):
                subj = context_subject
            if subj:
                obj = [m for m in stakes if m.name not in {x.name for x in subj}]
                frame = "zh.stake.holder"
    v.frame, v.obj, v.stakes, v.subj = frame, obj, stakes, subj
    return False


def _emit(v: _Reading) -> bool:
    """The relation type (stakes), the swap of object-first verbs and of sides that break the schema; candidates."""
    a, b, c, frame, hedge, lex, mentions, neg = v.a, v.b, v.c, v.frame, v.hedge, v.lex, v.mentions, v.neg
    o_types, obj, out, placed, s_types, se, ss = v.o_types, v.obj, v.out, v.placed, v.s_types, v.se, v.ss
    stakes, subj, symmetric, te, text, trig, ts = v.stakes, v.subj, v.symmetric, v.te, v.text, v.trig, v.ts
    if not subj or not obj:
        return True
    relation = trig.relation
    if "stake" in trig.flags and obj:
        relation = _by_stake(text, obj[-1].end, se, relation, lex)
    if trig.order == "OS" and relation == "acquires" and trig.lang == "zh":
        # 将所持29.94%的股份出售给Z: the stake sold, written before the verb, decides
        mst = _rx(lex).stake_before.search(text, _clause_begin(text, ts, ss), ts)
        if mst:
            relation = "acquires" if float(mst.group(1)) > 50 else "invests"
    if trig.order == "OS":
        subj, obj = obj, subj
    # type schema: swap when the swap fits and the reading does not
    s_ok = [m for m in subj if m.type in s_types]
    o_ok = [m for m in obj if m.type in o_types]
    if not symmetric and not s_ok:
        s2 = [m for m in obj if m.type in s_types]
        o2 = [m for m in subj if m.type in o_types]
        if s2 and o2 and (len(s2) + len(o2) > len(s_ok) + len(o_ok)):
            s_ok, o_ok = s2, o2
    if trig.relation in _COMPANY_ACTS and any(m.type == "Person" for m in s_ok):
        # 星海科技CEO张建国宣布起诉Y: the head speaks for the company, which acts
        s_ok = [_employer(text, m, mentions, lex) or m if m.type == "Person" else m for m in s_ok]
    if trig.relation == "rules" and s_ok and trig.confidence >= 0.7:
        # a court rules on every party the sentence names
        parties = [m for m in mentions if m.type in o_types and m.type not in ("Court", "Product")
                   and not _speaker(text, m, ts, v.lex) and id(m) not in placed
                   and not text[max(0, m.start - 3):m.start].endswith(_words(id(v.lex), v.lex).victims)
                   and not m.name.endswith(_words(id(v.lex), v.lex).prosecutors)]
        o_ok = list({m.name: m for m in o_ok + parties}.values())
        # a party read by its last mention far after the verb, also told close after it (…宣判，裁定A胜诉，
        # B构成侵权，须…，B还须支付…): read by that close mention (a party only far after the verb stays far)
        close = {}
        for m in parties:
            if te <= m.start and m.start - te <= _COURT_NEAR and m.name not in close:
                close[m.name] = m
        o_ok = [close.get(m.name, m) if m.start - te > _COURT_NEAR else m for m in o_ok]
    for a in s_ok:
        for b in o_ok:
            if a.name == b.name:
                continue
            c = _cand(trig, a, b, ts, te, text, ss, neg, hedge, frame, lex=lex)
            c.type = relation
            if stakes and "stake" in trig.flags:
                c.type = _by_stake(text, b.end, se, trig.relation, lex)
            c.rule = narrower(_invest_kind(frame, c.type, trig.word, lex), c.type, trig, a, b, ts, te, text, se,
                              len(o_ok), lex)
            if c.type in ("acquires", "invests") and trig.lang == "zh" and _rx(lex).not_the_company.match(text, b.end):
                continue    # 购买X理财产品, 认购X资管计划, 购买X的土地及房产: a product or an asset of X is bought
            if c.type == "rules" and b.name.endswith(_words(id(lex), lex).prosecutors):
                continue    # 审理由X检察院提起公诉的…: the prosecutor brings the case, it is not ruled on
            if c.rule == "zh.stake.capital":
                continue    # measured 0 right / 12 wrong on the pools: the stake's holder is no investor there
            out.append(c)
    return False


# a party the court is said to rule on this far after the trigger (characters) is read by
# zh.rules.court.far; more parties than this in one ruling sentence: zh.rules.court.crowd
_COURT_NEAR = 40
_COURT_CROWD = 4
_COURT_NAMED = 10
_NARROWED = ("zh.frame.svo", "zh.stake.holder", "zh.invest.capital", "zh.invest.venture", "zh.frame.marker")


def _tight(text: str, before: Mention, after: Mention, ts: int, te: int) -> bool:
    """The name after the trigger follows it at once (收购X, 收购了X) and the one before ends at most
    ten characters before it in the same clause (X以5亿元收购Y)."""
    if text[te:after.start] not in ("", "了"):
        return False
    gap = unbroken(text, before.end, ts)
    return before.end <= ts and len(gap) <= 10 and not any(c in CLAUSE_BREAK or c in "。" for c in gap)


def _formal(m: Mention, lex: Lexicon) -> bool:
    """A party named in full: a person, or a name the text gives with its company ending (…有限公司,
    …集团) rather than a short name the lexicon knows (the background companies of a story)."""
    return m.type == "Person" or (m.source != "lexicon" and m.name.endswith(_suffix_words(id(lex), lex)))


@functools.lru_cache(maxsize=4)
def _suffix_words(lex_id: int, lex: Lexicon) -> tuple[str, ...]:
    """Every name ending of the lexicon, as one tuple for str.endswith (made once)."""
    return tuple(x for x, *_ in lex.suffixes)


def narrower(rule: str, rtype: str, trig: Trigger, a: Mention, b: Mention, ts: int, te: int, text: str,
             se: int, parties: int, lex: Lexicon) -> str:
    """The narrower named rule of a firing of one of the big frames, by what its context shows
    (each measured on its own in ontology/calibration.tsv, so confidence can tell them apart):

    - zh.frame.svo / zh.stake.holder `.adjacent`: the sides sit tight around the verb (`_tight`);
      zh.stake.holder `.named`: else, the company bought is named in full (`_formal`);
      zh.invest.capital / zh.invest.venture `.known`: both sides are companies the lexicon knows;
      zh.invest.capital `.apart`: the investor is told before a clause break that precedes the verb;
      zh.frame.svo on acquires with a verb that buys a stake (triggers.tsv flag "stake": 购买, 受让,
      买入) and no stake said after the name (购买X的资产): `.other_verb`;
    - zh.frame.pre_verbal on fines `.regulator`: the one fined is itself a regulator;
    - zh.rules.court `.crowd` (more than `_COURT_CROWD` parties in the ruling sentence), `.before`
      (the party is named before the ruling verb), `.far` (more than `_COURT_NEAR` characters after),
      `.named` (a party named in full, `_formal`, at most `_COURT_NAMED` characters after the verb).
    """
    if rule == "zh.rules.court":
        if parties > _COURT_CROWD:
            return rule + ".crowd"
        if b.end <= ts:
            return rule + ".before"
        if b.start - te > _COURT_NEAR:
            return rule + ".far"
        if b.start - te <= _COURT_NAMED and _formal(b, lex):
            return rule + ".named"
        return rule
    if rule == "zh.frame.pre_verbal" and rtype == "fines" and b.type == "Regulator":
        return rule + ".regulator"    # 教育部会同公安部约谈…: two regulators before the verb act together
    if rule not in _NARROWED:
        return rule
    if rule.startswith("zh.invest.") and a.source == "lexicon" and b.source == "lexicon":
        return rule + ".known"      # 腾讯入股大众点评: both sides companies the lexicon knows
    if rule == "zh.invest.capital" and a.end <= ts and any(c in CLAUSE_BREAK or c in "。（(“" for c in unbroken(text, a.end, ts)):
        return rule + ".apart"      # A与B签约，据悉C投资B的资本…: the investor told a clause before the verb
    if rule == "zh.frame.svo" and rtype == "acquires" and "stake" in trig.flags and \
            not (_STAKE.match(text[b.end:min(se, b.end + 20)]) or _rx(lex).stake_next.match(text[b.end:min(se, b.end + 30)])):
        return rule + ".other_verb"
    first, second = (a, b) if a.start <= b.start else (b, a)
    if second.start >= te and _tight(text, first, second, ts, te):
        return rule + ".adjacent"
    if second.end == ts and first.end <= second.start and second.start - first.end <= 3 and not any(
            c in CLAUSE_BREAK or c in "。" for c in unbroken(text, first.end, second.start)):
        return rule + ".adjacent"     # X对Y增资, X向Y投资: the marked name right before the verb
    if rule == "zh.stake.holder" and second.start >= te and text[te:second.start] in ("", "了"):
        return rule + ".adjacent"
    if rule == "zh.stake.holder" and _formal(b, lex):
        return rule + ".named"      # 收购A所持有的白鹭制药有限公司80%股权: the company bought named in full
    return rule


def _invest_kind(frame: str, relation: str, word: str, lex: Lexicon) -> str:
    """The narrower rule of an investment read by position or by stake: founding a joint venture
    (zh.invest.venture: A与B合资设立C), putting capital in (zh.invest.capital: 增资/参股/入股/投资 —
    a stake holder read so: zh.stake.capital, which emits nothing); buying shares (增持, 认购, 购买)
    keeps its frame."""
    if relation != "invests" or frame not in ("zh.frame.svo", "zh.stake.holder"):
        return frame
    if frame == "zh.frame.svo" and any(w in word for w in _words(id(lex), lex).venture):
        return "zh.invest.venture"
    if any(w in word for w in _words(id(lex), lex).capital):
        return "zh.invest.capital" if frame == "zh.frame.svo" else "zh.stake.capital"
    return frame


def _seller_not_buyer(v: _Reading) -> bool:
    """A buyer read from a name the clause marks as the seller (向X收购, 从X手中购买): the buyer is the
    clause subject before the marker (rule zh.deal.seller_marked), else nothing is read."""
    subj, text, trig, ts, ss = v.subj, v.text, v.trig, v.ts, v.ss
    if not subj or trig.lang != "zh" or trig.order != "SO" or not trig.word.startswith(_words(id(v.lex), v.lex).buying) or \
            trig.relation not in ("acquires", "invests"):
        return False
    first = min(m.start for m in subj)
    if first > ts:
        return False
    lead = text[max(ss, first - 24):first]
    mark = _rx(v.lex).seller_mark.search(lead)
    if not mark or any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, first, ts)):
        return False
    at = first - (len(lead) - mark.start())
    before = [g for g in (v.lg or []) if g[-1].end <= at and not any(
        c in CLAUSE_BREAK or c in "。" for c in unbroken(text, g[-1].end, at))]
    if before:
        v.subj, v.frame = before[-1], "zh.deal.seller_marked"
        return False
    if v.context_subject and _bare_clause(text, at, v.lex) and not any(m.name in {x.name for x in subj} for m in v.context_subject):
        v.subj, v.frame = v.context_subject, "zh.deal.seller_marked"
        return False
    return True


def _seller_not_sold(v: _Reading) -> bool:
    """A deal told from the seller with 将/把 (X将旗下业务并入Y, X把所持股份转让给Y): the name before
    将 sells; what is sold is the thing after it.  When no name is found there (an unnamed business or
    stake, a name not discovered), the seller is not what the buyer acquires: nothing is read."""
    subj, text, trig, ts = v.subj, v.text, v.trig, v.ts
    if not subj or trig.lang != "zh" or trig.order != "OS" or trig.relation not in ("acquires", "invests"):
        return False
    last = max(m.end for m in subj)
    if last > ts:
        return False
    ba = None
    for mb in _BA.finditer(text, last, ts):
        ba = mb
    if ba is None:
        return False
    if ts - ba.end() < 2 or any(ba.end() <= m.start and m.end <= ts and m.source != "coref" for m in v.mentions):
        return False
    # 恒泰证券公告称，公司的九名股东拟将所持股份出售给Z: the shareholders sell the named company's shares
    return "股东" not in text[last:ba.start()]


# 将/把 as the marker of what is moved (将旗下业务并入, 将其持有的股权出售给), not 将 of the future or an
# adverb after it (将于, 将会, 将被, 将以, 将全部/整体/逐步/一并/最终/直接并入)
_BA = re.compile(r"(?<![即必])[将把](?![于会在被要以来近可为是由继正全整逐陆一尽分直最])")


def _buyer_not_bought(v: _Reading) -> bool:
    """A deal's subject that the sentence shows as bought or as selling is no buyer: a name followed by
    its stake (收购申联环保100%股权；以现金收购申能环保40%股权 — 申联环保 is bought, not buying) or one
    named again between the verb and what is bought as its holder (收购金隅集团持有的红树林环保)."""
    subj, obj, text, trig, te = v.subj, v.obj, v.text, v.trig, v.te
    if not subj or not obj or trig.lang != "zh" or trig.relation not in ("acquires", "invests") or \
            trig.order != "SO" or v.frame not in ("zh.stake.holder", "zh.frame.svo"):
        return False
    first_obj = min(m.start for m in obj)
    if first_obj < te:
        return False
    holders = {m.name for m in v.mentions if te <= m.start and m.end <= first_obj and m.source != "coref"
               and _rx(v.lex).held_by.match(text, m.end)}
    keep = [m for m in subj if not stake_at(text, m.end) and m.name not in holders]
    if not keep:
        return True
    v.subj = keep
    return False


# the reading of one trigger, stage by stage; a stage that returns True has finished it
_STAGES = (_trigger_applies, _argument_groups, _copula_frames, _list_frames, _roles_marked, _roles_deals,
           _roles_plain, _object_fixes, _court_and_stakes, _seller_not_buyer, _seller_not_sold, _buyer_not_bought, _emit)


def _respectively(text: str, ss: int, se: int, cands: list[Cand], mentions: list[Mention], lex: Lexicon) -> list[Cand]:
    """“A”与“B”分别是两家公司推出的产品: 分别 pairs the members one to one, and 双方/两家公司 does not say
    in which order — a relation the clause after 分别 tells with such a word is not read."""
    k = text.find("分别", ss, se)
    if k < 0:
        return cands
    both = lex.words("both")
    ce = k
    while ce < se and text[ce] not in "，,；;。":
        ce += 1
    pair = {m.name for m in mentions if m.source == "coref" and m.surface in both and k < m.start < ce}
    if not pair:
        return cands
    return [c for c in cands if not (k < c.start < ce and c.type not in SYMMETRIC_TYPES and
                                     (c.subject in pair or c.object in pair))]


@functools.lru_cache(maxsize=4)
def _mutual_words(lex_id: int, lex: Lexicon) -> frozenset:
    return frozenset(t.word for t in lex.triggers if t.relation == "acquires" and "mutual" in t.flags)


def _merger_restated(cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """X宣布收购Y…，双方的业务合并: a merger of a pair the sentence already has one buying the other
    restates that deal; it adds no purchase the other way."""
    mutual = _mutual_words(id(lex), lex)
    bought = {(c.subject, c.object) for c in cands if c.type == "acquires" and c.trigger not in mutual}
    if not bought:
        return cands
    return [c for c in cands if not (c.type == "acquires" and c.trigger in mutual and
                                     ((c.subject, c.object) in bought or (c.object, c.subject) in bought))]




def _vetoed(text: str, ss: int, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """A deal whose buyer stands after a veto word in its clause (商务部否决可口可乐收购汇源) did not
    happen: negated."""
    veto = lex.words("veto")
    if not veto:
        return cands
    for c in cands:
        if c.type not in _DEALS or c.negated:
            continue
        lead = text[_clause_begin(text, c.start, ss):c.start]
        if any(w in lead for w in veto):
            c.negated = True
    return cands


_DEALS = ("acquires", "invests", "cooperates")


def _called_off(text: str, ss: int, se: int, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """A deal told, then called off later in its sentence (…入股夏普约一成股权，但因…，这笔入股案最终告吹;
    收购X的计划最终搁浅): the deal is negated — unless another deal is told between the two."""
    off = [w for w in lex.words("calledoff") if w in text[ss:se]]
    if not off:
        return cands
    for c in cands:
        if c.type not in _DEALS or c.negated:
            continue
        for w in off:
            p = text.find(w, c.end, se)
            if p < 0:
                continue
            later = [x for x in cands if x.type in _DEALS and c.end < x.start < p
                     and not _rx(lex).this_deal.search(text, max(ss, x.start - 3), x.start)]
            if not later:
                c.negated = True
                break
    return cands




def _speaker(text: str, m: Mention, ts: int, lex: Lexicon) -> bool:
    """`m` opens a clause that ends in a speech verb before `ts` (X公告称，…判决): the source of the
    report, no party to what it reports."""
    e = m.end
    while e < ts and text[e] not in "，,；;。：:":
        e += 1
    if e >= ts or e - m.end > 16:
        return False
    tail = _PAREN.sub("", text[m.end:e])
    return bool(_rx(lex).speech_end.search(tail)) and _rx(lex).speech_clause.match(tail) is not None


_COMPANY_ACTS = ("sues", "acquires", "cooperates", "blocks")


def _employer(text: str, person: Mention, mentions: list[Mention], lex: Lexicon) -> Mention | None:
    """The company written right before a heading role right before `person` (星海科技CEO张建国)."""
    lead = text[max(0, person.start - 8):person.start].rstrip(" 、，,")
    role = next((r for r in sorted(lex.roles, key=len, reverse=True) if lex.roles[r] and lead.endswith(r)), None)
    if role is None:
        return None
    pos = person.start - (len(text[max(0, person.start - 8):person.start]) - len(lead)) - len(role)
    return next((m for m in mentions if m.type == "Company" and m.source != "coref" and 0 <= pos - m.end <= 1), None)


_PAREN = re.compile(r"[(（][^()（）]{0,30}[)）]")
_MODIFIER = re.compile(r"^[^，。；,;：:]{0,14}的\s*$")
# the claim asked of the court names the defendant: 请求法院判令被告张某偿还, 要求判决Y支付
_ASKED = r"(?:(?:人民)?法院)?(?:依法)?(?:判令|判决)?(?:被告人?)?"
_STAKE = re.compile(r"^[^，。；,;]{0,12}?(\d+(?:\.\s?\d+)?)\s*[%％]|^[^，。；,;]{0,8}?(全部|全资|100%)")




def _stake_objects(text: str, te: int, se: int, mentions: list[Mention], o_types) -> list[Mention]:
    """The names right before a stake (49%股权, 全部股权) in the trigger's clause."""
    end = te
    while end < se and text[end] not in "。；;！？!?\n，," and end - te < 80:
        end += 1
    out = []
    for m in mentions:
        if te <= m.start and m.end <= end and m.type in o_types and m.source != "coref" and stake_at(text, m.end):
            if m.name not in {x.name for x in out}:
                out.append(m)
    return out


def _by_stake(text: str, pos: int, se: int, relation: str, lex: Lexicon) -> str:
    """购买 X 30%股权 is an investment; 购买 X 51%股权 or 全部股权 an acquisition; 买入X股票 (no stake
    said) an investment."""
    m = _STAKE.match(text[pos:min(se, pos + 20)]) or _rx(lex).stake_next.match(text[pos:min(se, pos + 30)])
    if not m:
        # 买入万科股票, 增持X的股票: shares bought on the market, no stake said, are an investment
        return "invests" if text.startswith(_words(id(lex), lex).market_shares, pos) else relation
    if m.group(2):
        return "acquires"
    return "acquires" if float(m.group(1).replace(" ", "")) > 50 else "invests"


_ROLE_P = re.compile(r"原告(?:人|方)?(?:为|是|系|:|：)?")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_ROLE_D = re.compile(r"被告(?:人|方)?(?:为|是|系|:|：)?")
_CASE = re.compile(r"与([^，。；,;与]{2,30}?)(?:之间)?(?:的)?[^，。；,;]{0,12}?纠纷(?:一案|案)")






def _sold_to(text: str, ss: int, se: int, mentions: list[Mention], lex: Lexicon) -> list[Cand]:
    """X向Z出售其所持Y 15.31%的股份, 向Z转让Y: Z buys Y (or a stake in it, by the stake written after
    Y); the seller is no party to it."""
    out: list[Cand] = []
    named = [m for m in mentions if m.type in ("Company", "Organization", "Person")]
    for z in named:
        if text[z.start - 1:z.start] != "向" or z.start - 1 < ss:
            continue
        mv = _rx(lex).sell_verb.match(text, z.end)
        if not mv or mv.end() == z.end or not _rx(lex).sold.search(mv.group(0)):
            continue
        y = next((m for m in mentions if m.start == mv.end() and m.type in ("Company", "Product")), None)
        if y is None or y.name == z.name:
            continue
        rel = _by_stake(text, y.end, se, "acquires", lex)
        out.append(Cand(z.name, y.name, rel, z.end, mv.end(), 0.75, False, mv.group(0), rule="zh.stake.sold_to"))
    return out


def _round_roles(text: str, ss: int, se: int, mentions: list[Mention], lex: Lexicon) -> list[Cand]:
    """X完成1000万元首轮融资，投资方为A、B: A and B invest in X (the round's raiser named right before
    完成/获得…融资 in the sentence)."""
    out: list[Cand] = []
    if "融资" not in text[ss:se]:
        return out
    roles = list(_rx(lex).investor_role.finditer(text, ss, se))
    if not roles:
        return out
    orgs = [m for m in mentions if m.source != "coref" and m.type in ("Company", "Organization")]
    raiser = None
    for mr in _rx(lex).raised_round.finditer(text, ss, roles[0].start()):
        raiser = next((m for m in orgs if m.end == mr.start()), raiser)
    if raiser is None:
        return out
    for r in roles:
        p = r.end()
        while True:
            m = next((x for x in orgs if x.start == p), None)
            if m is None:
                break
            if m.name != raiser.name:
                out.append(Cand(m.name, raiser.name, "invests", r.start(), r.end(), 0.7, False, "投资方为",
                                rule="zh.round.investor_role"))
            sep = next((w for w in ("、", "和", "及", "以及", "与") if text.startswith(w, m.end)), None)
            if not sep:
                break
            p = m.end + len(sep)
    return out


def _party_roles(text: str, ss: int, se: int, mentions: list[Mention], lex: Lexicon) -> list[Cand]:
    """Parties named by their procedural role: 原告A…被告B, and case titles A与B…纠纷一案 (the
    plaintiff is named first): A sues B."""
    out: list[Cand] = []
    seg = text[ss:se]
    if "纠纷" not in seg and "原告" not in seg:
        return out
    conj = lex.words("conj")
    named = [m for m in mentions if m.source != "coref" and m.type in ("Company", "Person", "Organization", "Regulator")]

    def after(pat):
        found = []
        for mt in pat.finditer(text, ss, se):
            p = mt.end()
            # (原告：X, 原告“X”: a mark may stand between; 原告向X提供: a word there makes X no party)
            first = [m for m in named if p <= m.start <= p + 1 and not _CJK_CHAR.match(text, p, m.start)]
            if first:
                for g in groups(text, [m for m in named if m.start >= first[0].start], conj, lex)[:1]:
                    found.extend(g)
        return found

    if "原告" in seg and "被告" in seg:
        pl = after(_ROLE_P)
        df = after(_ROLE_D)
        # 星海科技是原告，蓝鲸网络是被告: the role after the name
        pl += [m for m in named if _rx(lex).role_after_p.match(text, m.end) and m not in pl]
        df += [m for m in named if _rx(lex).role_after_d.match(text, m.end) and m not in df]
        for a in pl:
            for b in df:
                if a.name != b.name:
                    out.append(Cand(a.name, b.name, "sues", a.start, a.end, 0.7, False, "原告…被告", rule="zh.party.roles"))
        if out:
            return out
    for mt in _CASE.finditer(text, ss, se):
        a = [m for m in named if m.end <= mt.start() and mt.start() - m.end <= 1]
        b = [m for m in named if mt.start(1) <= m.start <= mt.start(1) + 1]
        if a and b and a[-1].name != b[0].name:
            first = a[-1]
            while True:     # the list the first name closes (法院对A、B与C…一案)
                prev = [m for m in named if m.end <= first.start and text[m.end:first.start] in ("、", "和", "及")]
                if not prev:
                    break
                first = prev[-1]
            if a[-1].type == "Regulator" or re.match(r"(?:之?间|就|关于)", text[b[0].end:mt.end()]) or \
                    text[max(ss, first.start - 1):first.start] in ("对", "就"):
                # 国家知识产权局与X商标纠纷一案: an office named first is the one sued (an administrative
                # case); A与B间关于…纠纷: a dispute told, not a case title; 法院对/就A与B…一案作出判决: the
                # court's case, its parties in no fixed order
                continue
            out.append(Cand(a[-1].name, b[0].name, "sues", mt.start(), mt.end(), 0.55, False, "与…纠纷一案",
                            rule="zh.party.case_title"))
    return out


@functools.lru_cache(maxsize=4)
def _party_patterns(lex_id: int, lex: Lexicon) -> tuple[re.Pattern]:
    """(A及其全资子公司B: a list word, 其 and a unit kind before the unit noun — modifiers.tsv list_conj,
    tied_unit_kind), made once per lexicon."""
    alt = lex.alternation
    return (re.compile(rf"(?:{alt('list_conj')})其(?:{alt('tied_unit_kind')})?(?:的)?$"),)


def _tied_owner(text: str, ss: int, ts: int, mentions: list[Mention], types, lex: Lexicon) -> Mention | None:
    """The name A of 'A及其全资子公司B' when the noun at `ts` follows 及其 (+ a kind word) right after A."""
    mt = _party_patterns(id(lex), lex)[0].search(text, ss, ts)
    if mt is None:
        return None
    return next((m for m in mentions if m.end == mt.start() and m.type in types and m.source != "coref"), None)


def _first_of(mentions: list[Mention], ts: int, types, exclude) -> Mention | None:
    names = {m.name for m in exclude}
    for m in mentions:
        if m.end <= ts and m.type in types and m.source != "coref" and m.name not in names:
            return m
    return None




def _sentence_topic(text: str, ss: int, ts: int, mentions: list[Mention], types, says,
                    lex: Lexicon) -> Mention | None:
    """The name a sentence opens with (after a time word at most: 羅爾斯不服，…), when the clause of
    the trigger at `ts` is a later one of its chain and no name of the sentence stands between; not a
    speaker (X对记者表示，…收购Y后: what follows is what X says, not what X does)."""
    first = next((m for m in mentions if ss <= m.start < ts and m.source != "coref"), None)
    if first is None or first.type not in types or not _rx(lex).opening.fullmatch(text[ss:first.start].strip()):
        return None
    cb = _clause_begin(text, ts, ss)
    if cb <= first.end or text.startswith("的", first.end) or not any(c in CLAUSE_BREAK for c in unbroken(text, first.end, cb)):
        return None
    if any(m.source != "coref" and first.end <= m.start and m.end <= ts and m.type in types for m in mentions):
        return None     # another party in between: whose act it is stays open
    if _contains_any(text[first.end:cb], says):
        return None
    return first


def _clause_begin(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and (text[i - 1] not in "，,；;。！？!?\n：:" or grouped_comma(text, i - 1)):
        i -= 1
    return i


def _deep_object(text: str, lg: list[list[Mention]], ts: int, objm: set[str]):
    """X 对 A实际控制人B及C 进行约谈: an object marker before an earlier group of the clause; the
    groups from the marker to the trigger are the object, the group before the marker the subject."""
    for k in range(len(lg) - 1, 0, -1):
        gk = lg[k]
        if any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, gk[0].start, ts)):
            return None
        before = text[lg[k - 1][-1].end:gk[0].start]
        if any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, lg[k - 1][-1].end, gk[0].start)):
            return None
        if _ends_with_any(before, objm) and k < len(lg) - 1:
            groups_ = lg[k:]
            # 对众泰股份的控股股东铁牛集团: a group followed by 的 only modifies the next one
            keep = [g for i, g in enumerate(groups_) if i == len(groups_) - 1 or
                    "的" not in text[g[-1].end:groups_[i + 1][0].start]]
            obj = [m for g in keep for m in g]
            return lg[k - 1], obj
    return None


def _clause_subject_group(text: str, ss: int, ts: int, lg: list[list[Mention]], types) -> list[Mention] | None:
    """The first group of names in the sentence before `ts`: who 彼此/相互 refers to."""
    for g in lg:
        ok = [m for m in g if m.type in types]
        if ok:
            return ok
    return None


def _funding(text: str, ss: int, ts: int, g1, mentions: list[Mention], o_types):
    """X完成7亿美元融资，由A、B和C领投: (investors, investee) or None."""
    if not g1:
        return None
    k = text.rfind("融资", ss, ts)
    if k < 0:
        return None
    investors = [m for m in g1 if m.start > k]
    if not investors:
        return None
    names = {m.name for m in investors}
    # the subject of the clause that tells the round: its first name (本轮融资由A领投: the round
    # named again, the clause before tells who raised it)
    kk = k
    while kk >= ss:
        before = [m for m in mentions if m.end <= kk and m.type in o_types and m.name not in names]
        cl = kk
        while cl > ss and text[cl - 1] not in "，,；;。":
            cl -= 1
        in_clause = [m for m in before if m.start >= cl]
        if in_clause:
            return investors, in_clause[0]
        kk = text.rfind("融资", ss, kk)
        if kk < 0:
            break
    before = [m for m in mentions if m.end <= k and m.type in o_types and m.name not in names]
    # 伴随5000万元天使轮融资的UU金服: the company named right after 融资的
    after = [m for m in mentions if k + 2 <= m.start <= k + 4 and text[k + 2:m.start] in ("的", "后的", "之后的")
             and m.type in o_types]
    return (investors, after[0]) if after else None


def _marked_role(v, g1, ts: int) -> bool:
    """X对Y的控股股东（Z）提起诉讼: a role noun inside the marked phrase is no verb of X (a noun trigger
    there ties nothing), and a role noun right after Y的 (before the verb) makes the marked one the
    unnamed holder of the role, not Y."""
    if v.trig.lang != "zh":
        return False
    end = g1[-1].end
    if "direct" in v.trig.flags:
        return True
    if not v.text.startswith("的", end) or end + 1 >= ts:
        return False
    return any(s == end + 1 and any("direct" in t.flags and t.relation in ("owns", "leads", "invests")
                                    for t in trigs)
               for s, _, trigs in find_triggers(v.text, v.lex, end + 1, ts))


def _bare_clause(text: str, pos: int, lex: Lexicon) -> bool:
    """True when the clause holding `pos` has (almost) nothing before it: its subject was left out."""
    i = pos
    while i > 0 and (text[i - 1] not in "，,；;。！？!?\n：:" or grouped_comma(text, i - 1)):
        i -= 1
    lead = price_before(lex).sub("", text[i:pos])
    if lead and (lead[0].isdigit() or lead[:1] in "次同当去今明前上下本该此") and any(c in lead for c in "年月日周"):
        from kg.extract.dates import find_dates
        ds = find_dates(lead)
        if ds and ds[0].start == 0:
            lead = lead[ds[0].end:]      # 次年1月将其收入囊中: a date opens the clause, no subject
    # 隨即在德拉瓦州聯邦地方法院對蘋果提告: a place adverbial before the verb is no subject
    # (在未收到款项后将其起诉: a time adverbial, no subject either)
    words = _words(id(lex), lex)
    lead = words.place_adverbial.sub("", lead, count=0)
    for w in words.bare_lead:
        lead = lead.replace(w, "")
    return len(lead.strip()) <= 1


def _forum(text: str, ss: int, ts: int, lg: list[list[Mention]]):
    """向 + courts or regulators right before a suit verb (X向ITC（…）及联邦地方法院控告Y): the group
    before the forum (the plaintiff; [] when the clause has none); None when there is no such forum."""
    k = len(lg)
    while k > 0 and all(m.type in ("Court", "Regulator") for m in lg[k - 1]):
        k -= 1
    if k == len(lg) or any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, lg[k][0].start, ts)):
        return None
    lo = lg[k - 1][-1].end if k > 0 else max(ss, lg[k][0].start - 6)
    if not _ends_with_any(text[lo:lg[k][0].start], {"向"}):
        return None
    return lg[k - 1] if k > 0 and not any(c in CLAUSE_BREAK or c in "。" for c in unbroken(text, lo, lg[k][0].start)) else []


def _find_by_type(groups_: list[list[Mention]], types) -> list[Mention] | None:
    for g in groups_:
        ok = [m for m in g if m.type in types]
        if ok:
            return ok
    return None


def _partner_pairs(text: str, g1: list[Mention], members: list[Mention], comitative: bool, rel: str,
                   comit: set[str]) -> list[tuple[Mention, Mention]]:
    """The pairs of a group told before a symmetric trigger (zh.sym.pair): every two members, but for a
    partnership (cooperates) a list that is the partner of someone else — 即与A、B、C等29家企业达成战略合作
    (the group after 与, its subject unnamed) pairs none of its members with each other, and A与B、C签订合作合同
    pairs A with each of the listed, not the listed among themselves."""
    if rel != "cooperates":
        return [(a, b) for i, a in enumerate(members) for b in members[i + 1:]]
    if comitative:
        return []
    joins = [text[a.end:b.start] for a, b in zip(g1, g1[1:])]
    if len(g1) > 2 and joins[0] in comit and all(j == "、" for j in joins[1:]):
        hub = g1[0]
        return [(hub, b) for b in members if b is not hub] if hub in members else []
    return [(a, b) for i, a in enumerate(members) for b in members[i + 1:]]


_GROUPED_WORDS: dict[int, tuple] = {}


def _word_groups(words: set[str]) -> tuple[re.Pattern | None, tuple[str, ...], tuple[str, ...]]:
    """A negation or hedge set split once (per set object: the lexicon's sets live as long as it):
    one whole-word, case-blind pattern of its English words (any of them found = the pattern found),
    its Chinese words of two characters or more, its single Chinese characters."""
    got = _GROUPED_WORDS.get(id(words))
    if got is None or got[0] is not words:
        ascii_ = sorted(w for w in words if w.isascii())
        pat = re.compile(r"\b(?:" + "|".join(map(re.escape, ascii_)) + r")\b", re.I) if ascii_ else None
        got = _GROUPED_WORDS[id(words)] = (words, pat, tuple(w for w in words if not w.isascii() and len(w) >= 2),
                                           tuple(w for w in words if not w.isascii() and len(w) < 2))
    return got[1:]


def _cand(trig: Trigger, a: Mention, b: Mention, ts: int, te: int, text: str, ss: int,
          neg: set[str], hedge: set[str], rule: str = "zh.frame.other", *, lex: Lexicon) -> Cand:
    lo = max(ss, min(a.end if a.end <= ts else ts, ts))
    window = text[lo:ts]
    near = text[max(ss, ts - 4):ts]
    neg_en, neg_long, neg_short = _word_groups(neg)
    negated = (neg_en is not None and neg_en.search(window) is not None) or any(w in window for w in neg_long) \
        or any(w in window and w in near for w in neg_short)
    if negated and _rx(lex).double_neg.search(window):
        negated = False     # 没有放弃收购, 并未拒绝合作: two negations cancel
    # 处罚决定并未涉及这两家公司: a negation between the trigger and an object after it
    if not negated and b.start >= te:
        gap = text[te:b.start]
        negated = any(w in gap for w in neg_long)
    conf = trig.confidence
    pre = text[ss:ts]
    hedge_en, hedge_long, hedge_short = _word_groups(hedge)
    hedged = (hedge_en is not None and hedge_en.search(pre) is not None) or \
        any(w in pre for w in hedge_long) or any(w in pre for w in hedge_short)
    if hedged:
        conf *= 0.6
    return Cand(a.name, b.name, trig.relation, ts, te, round(min(1.0, conf), 3), negated, trig.word,
                rule=rule, hedged=hedged)


def parallel_actors(text: str, se: int, cands: list[Cand], mentions: list[Mention]) -> dict[str, Mention]:
    """For the sentence part read as `cands` when a semicolon closes it (text[se-1]): the one actor
    of each relation type it read (no other actor of that type), as the next part's `parallel`."""
    if text[se - 1:se] not in (";", "；"):
        return {}
    actors: dict[str, set] = {}
    for c in cands:
        if not c.negated and c.type not in SYMMETRIC_TYPES:
            actors.setdefault(c.type, set()).add(c.subject)
    named = {m.name: m for m in mentions if m.source != "coref"}
    return {t: named[next(iter(a))] for t, a in actors.items() if len(a) == 1 and next(iter(a)) in named}
