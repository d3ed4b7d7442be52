"""Reading an unknown name out of the words around a position, shared by every discovery step.

`name_before` takes the name-like words left of a name ending or a trigger, `name_after` those in a
trigger's object slot; `plausible_name` and `guess_type` judge what was read.  The words are
jieba's, tagged, so that a name stops where a verb, a function word or a generic noun begins.
"""
from __future__ import annotations

import functools
import re

from kg import nlp
from kg.extract.mentions import CJK, PUNCT, Mention, clause_end, clause_start
from kg.lexicon import Lexicon

_NAME_TAGS = {"ns", "nr", "nrt", "nrfg", "nrf", "nz", "nt", "j", "eng", "x", "nx", "an"}


def name_like(word: str, tag: str | None, lex: Lexicon) -> bool:
    if not word or any(c in PUNCT for c in word):
        return False
    if word in lex.generic:
        return False
    if word.isascii():
        return word.replace("*", "").replace("-", "").replace("&", "").replace(".", "").isalnum()
    if tag is None:
        return True
    if tag in _NAME_TAGS or tag == "n" or tag == "vn" or tag == "l" or tag == "nrt":
        return True
    return False


def _proper(word: str, tag: str | None) -> bool:
    if word.isascii():
        return any(c.isalpha() for c in word) or word.isdigit()
    return tag is None or tag in _NAME_TAGS


@functools.lru_cache(maxsize=1)
def stop_words(lex_id: int, lex: Lexicon) -> frozenset:
    words = set()
    for kind in ("negation", "breach", "hedge", "passive", "object", "relative", "coref", "both", "conj"):
        words |= {w for w in lex.words(kind) if not w.isascii()}
    for t in lex.triggers:
        if t.lang == "zh" and "…" not in t.word:
            words.add(t.word)
    words |= set(lex.roles)
    words -= {"公司"}
    return frozenset(words)


_CATEGORY_WORDS = {"厂", "厂商", "企业", "平台", "巨头", "龙头", "对手", "公司", "品牌", "运营商", "供应商", "主体", "运营方",
                   "代工厂", "制造商", "开发商", "服务商", "厂家", "商家"}
_CATEGORY_ENDS = ("厂", "厂商", "企业", "巨头", "龙头", "对手", "运营商", "供应商", "制造商", "开发商", "服务商", "厂家")
# single characters never left inside a transliteration the segmenter split: function words and the
# verbs of a career move (梁孟松|赴|韩国|成均馆大学 is a person going to a university)
_NOT_IN_TRANSLITERATION = "对向将与和被由在为从把给让跟同的了以于并而或也又还就都即及其所赴往去到回返离跳转"
_RULING_ENDS = ("判决", "裁定", "判令")
# function characters the segmenter glues to the head of a name (对慧景, 为瑞华, 拟以): stripped by
# `name_before`, never given back as a name's head (`ticker_heads`)
LEAD_STRIP = frozenset("对向将与和被由在为从把给让跟同据经以于因就至并而或是及按自使令获受到达等称拟已所其该本系即凭占原由指")


def name_before(text: str, end: int, lex: Lexicon, floor: int = 0, max_len: int = 16,
                need_proper: bool = True, in_name: bool = False,
                legal: bool = False, max_words: int = 6) -> tuple[int, list[tuple[str, str | None]]] | None:
    """The name-like words right before `end` (a name ending or a trigger): (start, tokens).

    `legal`: before a legal-form ending (有限公司): business and place words that are generic on their
    own (网络, 科技; 天下) stay inside the name between proper words (北京微梦创科网络技术有限公司).

    `in_name`: scanning left from a name ending, so business words that jieba tags as verbs
    (投资, 制造: name_words.tsv) are part of the name."""
    cs = max(floor, clause_start(text, end, limit=max_len))
    if cs >= end:
        return None
    if nlp.word_cut_at(text, end - 1, end):
        # the position cuts a word: segment the window on its own
        toks = nlp.tagged(text[cs:end])
    else:
        # (a word the window's left edge cuts is not part of the name)
        toks = nlp.words_within(text, end - 1, cs, end)
    toks = resplit(toks)
    stops = stop_words(id(lex), lex)
    acc: list[tuple[str, str | None]] = []
    pos = end
    rev = list(reversed(toks))
    for i, (w, t) in enumerate(rev):
        if len(w) > 2 and w.endswith(_RULING_ENDS):
            break   # 一审判决|远川|科技: a word the segmenter made of a ruling (tagged a name) opens no name
        if w[:1] == "日" and i + 1 < len(rev) and rev[i + 1][0].isdigit():
            break   # 22|日向|浙江省…法院, 8|日|威亮电器: the day of a date (and what follows it) opens no name
        if in_name and w in lex.name_words and (w not in lex.generic or (
                legal and acc and w not in stops and not (t or "").startswith("v") and _proper_before(rev, i))):
            pass    # 微梦创科|网络|技术有限公司: a business word inside a legal name, even a generic one
        elif legal and acc and t in ("s", "f") and len(w) >= 2 and w not in stops and w not in lex.generic \
                and _proper_before(rev, i):
            pass    # 淘友|天下|技术有限公司, 中芯|北方|集成电路…: a place or direction word inside a name
        elif in_name and _verb_in_name(w, t, rev, i, acc, legal, stops, lex):
            t = "nz"    # 山西|振兴|集团有限公司, 广东美的|制冷|设备有限公司: a trade the segmenter tags a
            #             verb, a proper word of the name
        elif in_name and acc == [] and (w.isdigit() or all(c in "〇零一二三四五六七八九十百" for c in w)
                                         or (w[0] == "第" and len(w) > 1 and all(c in "〇零一二三四五六七八九十百" for c in w[1:]))):
            pass    # 第四中级人民法院, 一零一工作室
        elif in_name and acc and len(w) == 1 and CJK.match(w) and w not in stops and w not in _NOT_IN_TRANSLITERATION \
                and i + 1 < len(rev) and (rev[i + 1][1] in ("nrt", "nrf", "ns", "nz", "nr") or rev[i + 1][1] is None) \
                and CJK.match(rev[i + 1][0]) and (len(rev[i + 1][0]) >= 2 or (rev[i + 1][1] or "").startswith("nr")):
            pass    # a transliteration the segmenter split (阿拉米|达|郡): the lone character belongs to it
        elif w in stops or w in lex.generic or not name_like(w, t, lex):
            break
        if in_name and acc and (w in _CATEGORY_WORDS or (len(w) >= 2 and w.endswith(_CATEGORY_ENDS))):
            break   # 晶圆代工厂|蓝鲸网络…: a category noun describes the name, it is not part of it
        if w.isdigit() and not acc and not in_name:
            break
        acc.append((w, t))
        pos -= len(w)
        if len(acc) >= max_words:
            break
    if not acc:
        return None
    acc.reverse()
    # function characters glued to the name by the segmenter (对慧景, 为瑞华, 拟以): strip them
    while acc and acc[0][0] and acc[0][0][0] in LEAD_STRIP and (len(acc[0][0]) == 1 or acc[0][1] is None) \
            and (len(acc) > 1 or len(acc[0][0]) > 2):
        w, t = acc[0]
        pos += 1
        if len(w) == 1:
            acc.pop(0)
        else:
            acc[0] = (w[1:], None if len(w) > 2 else "x1")
    if len(acc) > 1 and acc[0][0] == "内向" and text[pos - 1:pos] in ("日", "天", "月"):
        acc.pop(0)      # 十日内|向X支付: the segmenter's 内向 (introverted) is a time and the payee's 向
        pos += 2
    if acc and acc[0][1] == "x1":
        w, _ = acc.pop(0)
        pos += len(w)
    if not acc:
        return None
    # a stock-name prefix written in Latin (*ST凯瑞, ST凯瑞)
    pre = text[max(floor, pos - 3):pos]
    for mark in ("*ST", "ST", "*"):
        if pre.endswith(mark):
            pos -= len(mark)
            acc.insert(0, (mark, "eng"))
            break
    if need_proper and not any(_proper(w, t) for w, t in acc):
        return None
    return pos, acc


# a word that opens a name of its own after a verb (合肥三洋|成立|惠而浦(中国)股份有限公司, 路桥|收到|四川…):
# the verb joins two names, it is inside neither
_NAME_START_TAGS = ("ns", "nr", "nrt", "nrf", "nt", "nz")
# the segmenter's count above which a verb is a common act (成立 14079, 成为 35966, 希望 12597), not a
# trade (振兴 659, 制冷 127, 维修 1678)
_COMMON_VERB = 3000


def _verb_in_name(w: str, t, rev: list, i: int, acc: list, legal: bool, stops, lex: Lexicon) -> bool:
    """A two-character word tagged a verb, seldom seen, inside a registered name read left from its
    legal ending, right after a brand or place word the segmenter knows (山西|振兴|集团有限公司,
    广东美的|制冷|设备有限公司).  Not when the word after it opens a name of its own (合肥三洋|成立|
    惠而浦…), nor a trigger or a common verb; not before a short ending (集团, 科技: 高通|进军|汽车电子,
    所持|股份 — tried, it made phrases names)."""
    if not legal or not acc or not (t or "").startswith("v") or len(w) != 2 or not CJK.match(w) \
            or w in stops or w in lex.generic or (nlp.tokenizer().FREQ.get(w) or 0) > _COMMON_VERB:
        return False
    if acc[-1][1] in _NAME_START_TAGS:
        return False
    left = rev[i + 1] if i + 1 < len(rev) else None
    return left is not None and CJK.match(left[0]) is not None and len(left[0]) >= 2 and \
        left[1] in ("nt", "nz", "ns", "nrt")


def _proper_before(rev: list, i: int) -> bool:
    """The word left of rev[i] (words in reverse order) is a proper-name word (淘友, 创科, 北京)."""
    return i + 1 < len(rev) and CJK.match(rev[i + 1][0]) is not None and (
        _proper(*rev[i + 1]) or rev[i + 1][1] == "s")


def tokens_from(text: str, start: int, end: int) -> list[tuple[str, str | None]]:
    """Words of text[start:end], taken from the clause's cached segmentation when `start` is a word
    boundary there (one segmentation per clause, shared by every step), else segmented on their own."""
    cs, _, _, ends = nlp.clause_index(text, start)
    out = nlp.words_within(text, start, start, end)
    if out and (start == cs or nlp.has_value(ends, start)):
        if sum(len(w) for w, _ in out) == end - start or nlp.word_cut_at(text, start, end):
            return resplit(out)
    return resplit(nlp.tagged(text[start:end]))


# function characters the segmenter glues onto an unknown word (金投拟|受让, 鸿合及|母公司, 拟以|自有):
# split off, they stop a name scan as the function word they are
_GLUED_TAIL = {"拟": "d", "及": "c", "等": "u", "将": "d", "已": "d", "被": "p", "向": "p", "对": "p", "诉": "v", "是": "v"}
_GLUED_HEAD = {"拟": "d", "即": "d", "而": "c", "并": "c", "将": "d", "已": "d", "与": "p", "及": "c", "被": "p", "对": "p",
               "由": "p", "跟": "p", "诉": "v"}

# two-character unknown words split too: 由原|神州优车 (瑞幸由原神州优车集团), 和解金对|公司财务, 台积电对前|资深副总
_GLUED_HEAD2 = frozenset("拟即而并将已由对被跟")
_GLUED_TAIL2 = frozenset("是对被")


def resplit(toks: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Unknown words (no tag) with a function character glued at an edge, split in two."""
    if not any(t is None for _, t in toks):
        return toks
    out: list[tuple[str, str | None]] = []
    for w, t in toks:
        if t is None and len(w) >= 2 and CJK.match(w[0]):
            if w[0] in _GLUED_HEAD and CJK.match(w[1]) and (len(w) >= 3 or w[0] in _GLUED_HEAD2):
                out.append((w[0], _GLUED_HEAD[w[0]]))
                w = w[1:]
            if (len(w) >= 3 and w[-1] in _GLUED_TAIL) or (len(w) == 2 and w[-1] in _GLUED_TAIL2):   # 王明|华是|星海
                out.append((w[:-1], None))
                out.append((w[-1], _GLUED_TAIL[w[-1]]))
                continue
            if len(w) == 1:
                out.append((w, "x"))
                continue
        out.append((w, t))
    return out


def name_after(text: str, start: int, lex: Lexicon, max_len: int = 12) -> tuple[int, list[tuple[str, str | None]]] | None:
    """The name-like words right after `start` (a trigger's object slot)."""
    ce = clause_end(text, start, limit=max_len)
    if ce <= start:
        return None
    toks = tokens_from(text, start, ce)
    stops = stop_words(id(lex), lex)
    acc: list[tuple[str, str | None]] = []
    pos = start
    for w, t in toks:
        if w in stops or not name_like(w, t, lex) or (w in lex.generic and acc):
            break
        if acc and stake_at(text, pos):       # 艾特网能|全部股权: the stake is not part of the name
            break
        if acc and re.match(r"^[0-9０-９.]+$", w) and not all(x.isascii() for x, _ in acc):
            break                             # 新潮传媒|10亿融资: an amount after the name

        if w in lex.generic:
            break
        acc.append((w, t))
        pos += len(w)
        if len(acc) >= 4:
            break
    if not acc or not any(_proper(w, t) for w, t in acc):
        return None
    return pos, acc


_NOT_NAME_START = set("这那此该每各本最某其另哪的拟将即而也又并且仍亦")
# a case named by its party (美国政府案, 张紫妍案, …案一审, …纠纷二案): the case, not a name
# (the stage words after 案: modifiers.tsv case_stage)


@functools.lru_cache(maxsize=2)
def _case_tail(lex_id: int, lex: Lexicon) -> re.Pattern:
    stages = lex.alternation("case_stage")
    return re.compile(rf"[\u4e00-\u9fff]案(?:{stages})?$")
_AMOUNT_TAIL = re.compile(r"[\u4e00-\u9fff][0-9０-９][0-9０-９.,]*$")
_DATE_HEAD = re.compile(r"^[0-9０-９]+(?:年|月|日|号|季度)")
_DESCRIPTION_ENDS = ("品牌", "企业", "巨头", "龙头", "厂商", "厂家", "运营商", "供应商", "制造商", "开发商",
                     "服务商", "对手", "商家")


_GROUP_COUNT = re.compile(r"(?<=.)[两三四五六七八九十几数][大家](?:[\u4e00-\u9fff]{0,4})(?:公司|集团|企业|厂商|银行|机构)$")
FUNCTION_START = frozenset("因由对在将被与向把从据经给为")
# 在美国、德国及新加坡三地反告…: a count of places closes a list of places, no name
_PLACE_COUNT = re.compile(r"[两三四五六七八九十几多数各]地$")


def no_name(surface: str) -> bool:
    """A head count inside (索尼三大唱片公司, 环球两家公司): a group described; only function characters
    (指其以) or the pronoun 其 inside (窃取其DRAM): no name at all."""
    return bool(_GROUP_COUNT.search(surface)) or bool(_PLACE_COUNT.search(surface)) or (
        not surface.isascii() and (all(c in LEAD_STRIP for c in surface) or "其" in surface[1:]))


def plausible_name(surface: str) -> bool:
    """这起, 这张, 最受, 其余: a demonstrative, degree word or pronoun does not start a name; 指其: nor
    ends one; 因夏普股价, 与苹果: a function word glued before a known name does not start one."""
    if not surface or surface[0] in _NOT_NAME_START or (len(surface) > 1 and surface[-1] == "其"):
        return False
    # an amount or a date read as a name (金额高达21|亿元, 2018年度, 14日向公司)
    if _AMOUNT_TAIL.search(surface) or _DATE_HEAD.match(surface):
        return False
    # a law or rule, not a party (违反营业秘密法, 依《反垄断法》)
    if len(surface) >= 3 and not surface.isascii() and surface.endswith(("法", "条例", "规定", "办法")) \
            and not surface.endswith(("方法", "办法公司")):
        return False
    # a description, not a name (西安本土商业品牌, 法国高端童装企业)
    if len(surface) >= 4 and surface.endswith(_DESCRIPTION_ENDS) and not surface.isascii():
        return False
    if no_name(surface):
        return False
    if not surface.isascii() and "案" in surface:
        from kg.lexicon import load_lexicon
        lex = load_lexicon()
        if _case_tail(id(lex), lex).search(surface):
            return False
    if surface[0] in FUNCTION_START and len(surface) >= 3:
        from kg.lexicon import load_lexicon
        lex = load_lexicon()
        rest = surface[1:]
        if any(lex.lookup(rest[:k]) is not None for k in range(2, min(len(rest), 12) + 1)):
            return False
    return True


def pattern_mention(text: str, s: int, e: int, toks, lex: Lexicon) -> Mention:
    """The mention of a name a pattern found at text[s:e] (`toks`: its words), typed by its words and
    the characters after it."""
    name = text[s:e]
    return Mention(s, e, name, guess_type(name, toks, lex, text[e:e + 3]), name, "pattern")


def new_pattern_mention(text: str, got, taken: list[Mention], lex: Lexicon) -> Mention | None:
    """`pattern_mention` of a finder's (start, end, words), or None when nothing was found or the
    span overlaps a mention already `taken`."""
    if got is None:
        return None
    s, e, toks = got
    if any(m.start < e and s < m.end for m in taken):
        return None
    return pattern_mention(text, s, e, toks, lex)


def guess_type(surface: str, toks, lex: Lexicon, after: str = "") -> str:
    if after.startswith(("全资", "旗下", "子公司", "公司", "股份", "集团", "控股", "董事", "股东", "公告", "(", "（")):
        return "Company"
    if after and any(after.startswith(r) for r, heads in lex.roles.items() if heads and not r.isascii()):
        return "Company"    # 夏普社长高桥兴三: the name before a heading role is what the person heads
    if re.match(r"(?:约|近|逾|超过)?[0-9一二两三四五六七八九十百半.]+\s*(?:%|％|成)", after):
        return "Company"    # 入股夏普约一成股权: a stake's holder-to-be is a company
    if 2 <= len(surface) <= 3 and (surface[0] in lex.surnames) and all(
            t is None or (t or "").startswith("nr") or t == "zg" for _, t in toks):
        return "Person"
    if surface.endswith("某") or re.match(r"^[\u4e00-\u9fff]某", surface):
        return "Person"
    return "Company"


# a stake written right after a name: 49%股权, 75.9%的股权, 8%、6.66%股权, 全部股权, 控股权, 各51%权益
STAKE_AFTER = re.compile(
    r"(?:[(（][^()（）]{0,24}[)）])?\s*(?:约|合计|共计|共|各)?(?:"
    r"(?:\d+(?:\.\s?\d+)?\s*[%％]\s*(?:[、和及至-]\s*\d+(?:\.\d+)?\s*[%％]\s*)*(?:的)?(?:已发行)?"
    r"|(?:全部|部分|多数|少数|大部分|控股|全资)(?:的)?(?:已发行)?)"
    r"(?:股权|股份|权益|份额|股票|普通股)|控股权|(?:的)?(?:全部|部分)(?:股权|股份|权益))")


def stake_at(text: str, pos: int) -> re.Match | None:
    """The stake written at `pos`, right after a name (100%股权, 全部股权, 控股权), or None."""
    return STAKE_AFTER.match(text, pos)
