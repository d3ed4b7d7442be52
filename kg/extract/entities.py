"""Entity mentions: lexicon names (Aho-Corasick, longest match) plus discovery of unknown names.

Discovery rules, all driven by the lexicon's data files:
- a name ending (suffixes.tsv: 公司, 集团, 科技, 人民法院, 管理局, Inc. ...) with name-like words before it
  (jieba tokens with proper-noun tags or unknown to the dictionary) -> Company / Court / Regulator / ...
- a role word (roles.tsv: 院长, 董事长, CEO ...) followed by a surname-initial name -> Person;
  张某 / 吴某栋 -> Person
- 《X》「X」 titles -> Product (or Organization for a newspaper), "X app", 旗下(产品) X -> Product
A discovered name that contains a lexicon name of the same kind (北京字节跳动科技有限公司) becomes an
alias of it.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import ahocorasick

from kg import nlp
from kg.lexicon import Lexicon, norm

PUNCT = set("，。；：！？、（）()《》“”\"「」『』【】[]<>〈〉 \t\n\r,;:!?|｜—－…·•/\\'‘’")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NAME_TAGS = {"ns", "nr", "nrt", "nrfg", "nrf", "nz", "nt", "j", "eng", "x", "nx", "an"}
_STOP_TAGS_PREFIX = ("p", "c", "u", "d", "r", "v", "f", "q", "w", "y", "e", "o", "t", "z", "b", "a", "m", "k", "h", "s", "g")
_DOC_WORDS = ("关于", "说明", "通知", "公告", "规定", "办法", "条例", "意见", "报告", "决定", "法》", "白皮书",
              "协议", "声明", "解释", "指南", "纲要", "规划")
_DOC_ENDS = ("法", "书", "稿", "令", "函", "案", "法规", "条款", "制度", "规则", "准则")
_MEDIA_END = ("报", "杂志", "周刊", "日报", "晚报", "时报", "新闻", "月刊", "财经")


@dataclass
class Mention:
    start: int
    end: int
    name: str          # canonical name (lexicon) or the discovered surface
    type: str
    surface: str
    source: str = "lexicon"
    owner: str | None = None


@functools.lru_cache(maxsize=4)
def _automata(lex_id: int, lex: Lexicon):
    names = ahocorasick.Automaton()
    for ent in lex.entities.values():
        for s in (ent.name,) + ent.aliases:
            if len(s) < 2 and not s.isascii():
                continue
            if len(s) < 2:
                continue
            key = s.lower()
            names.add_word(key, (key, ent.name))
    if len(names) == 0:
        names.add_word("\x00\x00", ("\x00\x00", ""))
    names.make_automaton()
    suffixes = ahocorasick.Automaton()
    for suf, typ, strength in lex.suffixes:
        suffixes.add_word(suf.lower(), (suf, typ, strength))
    suffixes.make_automaton()
    return names, suffixes


def automata(lex: Lexicon):
    return _automata(id(lex), lex)


def _is_ascii_word(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c in "_")


def _greedy(matches: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Leftmost-longest, non-overlapping."""
    matches.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out: list[tuple[int, int, object]] = []
    last = -1
    for s, e, v in matches:
        if s >= last:
            out.append((s, e, v))
            last = e
    return out


def lexicon_mentions(text: str, lex: Lexicon) -> list[Mention]:
    names, _ = automata(lex)
    low = text.lower()
    found: list[tuple[int, int, object]] = []
    for end, (key, canon) in names.iter(low):
        start = end - len(key) + 1
        if not canon:
            continue
        # Latin names must sit on word boundaries
        if _is_ascii_word(key[0]) and start > 0 and _is_ascii_word(low[start - 1]):
            continue
        if _is_ascii_word(key[-1]) and end + 1 < len(low) and _is_ascii_word(low[end + 1]):
            continue
        found.append((start, end + 1, canon))
    out = []
    for s, e, canon in _greedy(found):
        if e - s == 2 and _CJK.match(text[s]) and not _aligned(text, s, e) and not _framed(text, s, e, lex):
            continue
        ent = lex.entities[canon]
        out.append(Mention(s, e, canon, ent.type, text[s:e], "lexicon", ent.owner))
    return out


_NAME_LEFT = set("与和及、被由对向将跟同让")
_NAME_RIGHT_WORDS = ("宣布", "推出", "表示", "称", "则", "也", "又", "随即", "曾", "已", "将", "在", "于", "等",
                     "发布", "完成", "获得", "收购", "起诉", "和", "与", "及", "、", "被", "对", "向", "方面")


def _framed(text: str, s: int, e: int, lex: Lexicon) -> bool:
    """A two-character name the segmenter splits (快的|收购) is still a name when it stands where a
    name stands: at a clause start or after a conjunction or preposition, and before a verb, a
    conjunction or a pause."""
    left_ok = s == 0 or text[s - 1] in PUNCT or text[s - 1] in _NAME_LEFT
    if not left_ok:
        return False
    if e >= len(text) or text[e] in PUNCT:
        return True
    return text.startswith(_NAME_RIGHT_WORDS, e) or text.startswith(_trigger_words(id(lex), lex), e)


@functools.lru_cache(maxsize=4)
def _trigger_words(lex_id: int, lex: Lexicon) -> tuple[str, ...]:
    return tuple(t.word for t in lex.triggers if t.lang == "zh" and "…" not in t.word and len(t.word) >= 2
                 and t.relation != "-")


def _aligned(text: str, s: int, e: int) -> bool:
    """A short name match is only a name when the segmenter agrees it is a word (日经 in 15日经过 is not)."""
    cs, toks = nlp.tokens_around(text, s)
    bounds = {cs} | {b for a, b, w, t in toks}
    return s in bounds and e in bounds


def clause_start(text: str, pos: int, limit: int = 30) -> int:
    i = pos
    lo = max(0, pos - limit)
    while i > lo and text[i - 1] not in PUNCT:
        i -= 1
    return i


def clause_end(text: str, pos: int, limit: int = 30) -> int:
    i = pos
    hi = min(len(text), pos + limit)
    while i < hi and text[i] not in PUNCT:
        i += 1
    return i


def _name_like(word: str, tag: str | None, lex: Lexicon) -> bool:
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
def _stop_words(lex_id: int, lex: Lexicon) -> frozenset:
    words = set()
    for kind in ("negation", "hedge", "passive", "object", "relative", "coref", "both", "conj"):
        words |= {w for w in lex.words(kind) if not w.isascii()}
    for t in lex.triggers:
        if t.lang == "zh" and "…" not in t.word:
            words.add(t.word)
    words |= set(lex.roles)
    words -= {"公司"}
    return frozenset(words)


_CATEGORY_WORDS = {"厂", "厂商", "企业", "平台", "巨头", "龙头", "对手", "公司", "品牌", "运营商", "供应商",
                   "代工厂", "制造商", "开发商", "服务商", "厂家", "商家"}
_CATEGORY_ENDS = ("厂", "厂商", "企业", "巨头", "龙头", "对手", "运营商", "供应商", "制造商", "开发商", "服务商", "厂家")
_LEAD_STRIP = set("对向将与和被由在为从把给让跟同据经以于因就至并而或是及按自使令获受到达等称拟已所其该本系即凭占原由指")


def name_before(text: str, end: int, lex: Lexicon, floor: int = 0, max_len: int = 16,
                need_proper: bool = True, in_name: bool = False,
                legal: bool = False) -> tuple[int, list[tuple[str, str | None]]] | None:
    """The name-like words right before `end` (a name ending or a trigger): (start, tokens).

    `legal`: before a legal-form ending (有限公司): business and place words that are generic on their
    own (网络, 科技; 天下) stay inside the name between proper words (北京微梦创科网络技术有限公司).

    `in_name`: scanning left from a name ending, so business words that jieba tags as verbs
    (投资, 制造: name_words.tsv) are part of the name."""
    cs = max(floor, clause_start(text, end, limit=max_len))
    if cs >= end:
        return None
    _, ctoks = nlp.tokens_around(text, end - 1)
    toks = [(w, t) for a, b, w, t in ctoks if b <= end and a >= cs]
    if any(a < end < b for a, b, w, t in ctoks):
        # the position cuts a word: segment the window on its own
        toks = nlp.tagged(text[cs:end])
    elif ctoks and toks and sum(len(w) for w, _ in toks) < end - cs:
        # the window's left edge cuts a word: that word is not part of the name
        pass
    stops = _stop_words(id(lex), lex)
    acc: list[tuple[str, str | None]] = []
    pos = end
    rev = list(reversed(toks))
    for i, (w, t) in enumerate(rev):
        if in_name and w in lex.name_words and (w not in lex.generic or (
                legal and acc and w not in stops and not (t or "").startswith("v") and _proper_before(rev, i))):
            pass    # 微梦创科|网络|技术有限公司: a business word inside a legal name, even a generic one
        elif legal and acc and t == "s" and len(w) >= 2 and w not in stops and w not in lex.generic \
                and _proper_before(rev, i):
            pass    # 淘友|天下|技术有限公司: a place word (天下, 东方) inside a name
        elif in_name and acc == [] and (w.isdigit() or all(c in "〇零一二三四五六七八九十百" for c in w)
                                         or (w[0] == "第" and len(w) > 1 and all(c in "〇零一二三四五六七八九十百" for c in w[1:]))):
            pass    # 第四中级人民法院, 一零一工作室
        elif in_name and acc and len(w) == 1 and _CJK.match(w) and w not in stops and w not in "对向将与和被由在为从把给让跟同的了" \
                and i + 1 < len(rev) and (rev[i + 1][1] in ("nrt", "nrf", "ns", "nz", "nr") or rev[i + 1][1] is None) \
                and _CJK.match(rev[i + 1][0]) and (len(rev[i + 1][0]) >= 2 or (rev[i + 1][1] or "").startswith("nr")):
            pass    # a transliteration the segmenter split (阿拉米|达|郡): the lone character belongs to it
        elif w in stops or w in lex.generic or not _name_like(w, t, lex):
            break
        if in_name and acc and (w in _CATEGORY_WORDS or (len(w) >= 2 and w.endswith(_CATEGORY_ENDS))):
            break   # 晶圆代工厂|蓝鲸网络…: a category noun describes the name, it is not part of it
        if w.isdigit() and not acc and not in_name:
            break
        acc.append((w, t))
        pos -= len(w)
        if len(acc) >= 6:
            break
    if not acc:
        return None
    acc.reverse()
    # function characters glued to the name by the segmenter (对慧景, 为瑞华, 拟以): strip them
    while acc and acc[0][0] and acc[0][0][0] in _LEAD_STRIP and (len(acc[0][0]) == 1 or acc[0][1] is None) \
            and (len(acc) > 1 or len(acc[0][0]) > 2):
        w, t = acc[0]
        pos += 1
        if len(w) == 1:
            acc.pop(0)
        else:
            acc[0] = (w[1:], None if len(w) > 2 else "x1")
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


def _proper_before(rev: list, i: int) -> bool:
    """The word left of rev[i] (words in reverse order) is a proper-name word (淘友, 创科, 北京)."""
    return i + 1 < len(rev) and _CJK.match(rev[i + 1][0]) is not None and (
        _proper(*rev[i + 1]) or rev[i + 1][1] == "s")


def _tokens_from(text: str, start: int, end: int) -> list[tuple[str, str | None]]:
    """Words of text[start:end], taken from the clause's cached segmentation when `start` is a word
    boundary there (one segmentation per clause, shared by every step), else segmented on their own."""
    cs, ctoks = nlp.tokens_around(text, start)
    out = [(w, t) for a, b, w, t in ctoks if a >= start and b <= end]
    if (start == cs or any(b == start for a, b, w, t in ctoks)) and out:
        if sum(len(w) for w, _ in out) == end - start or any(a < end < b for a, b, w, t in ctoks):
            return out
    return nlp.tagged(text[start:end])


def name_after(text: str, start: int, lex: Lexicon, max_len: int = 12) -> tuple[int, list[tuple[str, str | None]]] | None:
    """The name-like words right after `start` (a trigger's object slot)."""
    ce = clause_end(text, start, limit=max_len)
    if ce <= start:
        return None
    toks = _tokens_from(text, start, ce)
    stops = _stop_words(id(lex), lex)
    acc: list[tuple[str, str | None]] = []
    pos = start
    for w, t in toks:
        if w in stops or not _name_like(w, t, lex) or (w in lex.generic and acc):
            break
        if acc and stake_at(text, pos):       # 艾特网能|全部股权: the stake is not part of the name
            break
        if w in lex.generic:
            break
        acc.append((w, t))
        pos += len(w)
        if len(acc) >= 4:
            break
    if not acc or not any(_proper(w, t) for w, t in acc):
        return None
    return pos, acc


_PAREN_END = re.compile(r"[(（][\u4e00-\u9fff]{2,4}[)）]$")


@functools.lru_cache(maxsize=4)
def _zh_roles(lex_id: int, lex: Lexicon) -> tuple[str, ...]:
    return tuple(r for r in lex.roles if not r.isascii())


_LONG_ENDINGS = ("有限公司", "有限责任公司", "股份有限公司", "合伙企业", "株式会社", "事务所")


def suffix_mentions(text: str, lex: Lexicon, taken: list[Mention]) -> list[Mention]:
    """Unknown names found by their ending (公司, 集团, 人民法院, 管理局, Inc.)."""
    _, suffixes = automata(lex)
    low = text.lower()
    hits = []
    for end, (suf, typ, strength) in suffixes.iter(low):
        s = end - len(suf) + 1
        if suf.isascii():
            if s > 0 and _is_ascii_word(low[s - 1]) and not suf[0] in ".":
                continue
            if end + 1 < len(low) and _is_ascii_word(low[end + 1]):
                continue
        hits.append((s, end + 1, (suf, typ, strength)))
    hits = _greedy(hits)
    out: list[Mention] = []
    roles = _zh_roles(id(lex), lex)
    glued_at: dict[int, list[Mention]] = {}     # lexicon organisations by where they end
    for m in taken:
        if m.source == "lexicon" and m.type in ("Company", "Organization", "Regulator", "Court"):
            glued_at.setdefault(m.end, []).append(m)
    # `taken` (lexicon mentions) is sorted and non-overlapping: the only one that can hold a hit is
    # the last one starting at or before it
    starts = [m.start for m in taken]
    ordered = all(a.end <= b.start for a, b in zip(taken, taken[1:]))
    for s, e, (suf, typ, strength) in hits:
        if ordered:
            i = bisect.bisect_right(starts, s) - 1
            if (i >= 0 and e <= taken[i].end) or any(m.start <= s and e <= m.end for m in out):
                continue
        elif any(m.start <= s and e <= m.end for m in taken + out):
            continue
        if not suf.isascii() and (text.startswith(roles, s) or text.startswith(roles, e - 1)) and \
                not text.startswith(roles, e):
            continue
        # a weak ending right after a legal name (…有限公司|投资5亿元) is the next word, not an ending
        if out and out[-1].end == s and strength == "weak" and out[-1].surface.endswith(_LONG_ENDINGS):
            continue
        # several endings in a row (科技 + 有限公司): the last one decides, scanned from the first
        if out and not suf.isascii() and (out[-1].end == s or (
                (suf in _LONG_ENDINGS or any(text.startswith(x, s) for x in _LONG_ENDINGS))
                and _PAREN_END.fullmatch(text[out[-1].end:s]))):
            # (乐视致乐科技(北京)有限公司: a place in brackets between the endings)
            prev = out.pop()
            out.append(Mention(prev.start, e, text[prev.start:e], typ, text[prev.start:e], "pattern"))
            continue
        if suf.isascii():
            found = _ascii_name_before(text, s)
            if found is None:
                continue
            start = found
        else:
            found = _zh_name_start(text, s, e, suf, typ, strength, lex, glued_at)
            if found is None:
                continue
            start, typ = found
        surface = text[start:e]
        if surface in lex.generic or len(surface) < 2:
            continue
        if typ == "Court" and not suf.isascii() and not _court_named(surface[:len(surface) - len(suf)], lex):
            continue
        while out and start <= out[-1].start and out[-1].end <= e:
            out.pop()       # 北京微梦创科网络 (a weak ending) inside 北京微梦创科网络技术有限公司
        out.append(Mention(start, e, surface, typ, surface, "pattern"))
    return out


def _zh_name_start(text: str, s: int, e: int, suf: str, typ: str, strength: str, lex: Lexicon,
                   glued_at: dict) -> tuple[int, str] | None:
    """Where the unknown name ending in text[s:e] (a Chinese ending) starts, and its type; None when
    the ending is no name ending here."""
    if (s == 0 or (text[s - 1] in PUNCT and text[s - 1] not in ")）")) and s not in glued_at:
        return None     # nothing before the ending in its clause (no word crosses punctuation)
    # a weak ending inside a dictionary word (格局, 行业, 内部) is no ending
    _, ctoks = nlp.tokens_around(text, s)
    straddle = None
    for a, b, w, t in ctoks:
        if a < s < b:
            straddle = (a, w, t)
            break
    scan_to = s
    if strength == "weak" and any(a < e < b for a, b, w, t in nlp.tokens_around(text, e - 1)[1]):
        return None    # 知网启动|网络安全: a weak ending whose last character starts a longer word
    if straddle:
        p0, w, t = straddle
        if s - p0 <= 1 and strength == "weak" and w not in lex.entities:
            return None
        if w in lex.generic or w in _stop_words(id(lex), lex):
            return None
        scan_to = p0
    paren = _PAREN_END.search(text[max(0, scan_to - 6):scan_to])
    if paren:
        scan_to = max(0, scan_to - 6) + paren.start()
    long_end = suf in _LONG_ENDINGS or any(text.startswith(x, s) for x in _LONG_ENDINGS)
    need = strength == "weak" or (typ == "Company" and not long_end and len(suf) < 3)
    res = name_before(text, scan_to, lex, need_proper=need, in_name=True, legal=long_end)
    glued = glued_at.get(res[0] if res else scan_to)
    if glued and (typ != "Company" or glued[0].type == "Company"):
        res = (glued[0].start, [(glued[0].surface, "nt")] + (res[1] if res else []))
        if typ == "Regulator" and glued[0].type == "Company":
            typ = "Organization"
    if res is None:
        if straddle and scan_to < s and (strength == "strong" or t is None):
            w = straddle[1]
            start = scan_to
            if w in lex.generic:
                return None
        else:
            return None
    else:
        start, toks2 = res
        if typ == "Company" and all(t == "ns" for _, t in toks2) and suf in ("公司", "集团"):
            return None
        # 同方知网（北京）技术有限公司: a place in brackets inside a legal name
        pm = _PAREN_END.search(text[max(0, start - 6):start])
        if pm and long_end and nlp.tagged(pm.group(0)[1:-1])[0][1] == "ns":
            pe = max(0, start - 6) + pm.start()
            g2 = glued_at.get(pe)
            r2 = (g2[0].start, None) if g2 else name_before(text, pe, lex, need_proper=False, in_name=True)
            if r2:
                start = r2[0]
    if e - start > 24:
        return None
    # 购买A 100%股权及B 100%股权: a name starts after the stake and the list word before it
    cut = max((text.rfind(w, start, e) + len(w) for w in _STAKE_LIST if text.rfind(w, start, e) >= 0),
              default=start)
    start = max(start, cut)
    return start, typ


_PLACE_CHARS = set("省市区县州盟旗镇郡")
_NOT_A_COURT_PLACE = ("中国", "我国", "国内", "各地", "当地", "外国", "国外", "海外", "境外", "地方", "各级")


def _court_named(prefix: str, lex: Lexicon) -> bool:
    """A discovered court needs a place or a name before its ending (北京市朝阳区人民法院, 曼海姆地区法院,
    杭州互联网法院); 烧进法院 (a verb phrase) or 中国法院 (courts in general) is none."""
    prefix = prefix.strip()
    if not prefix or prefix in _NOT_A_COURT_PLACE:
        return False
    if prefix.isascii():
        return any(c.isalpha() for c in prefix)
    if any(c in _PLACE_CHARS for c in prefix) or prefix in lex.entities:
        return True
    if prefix.endswith(("人民", "知识产权", "互联网", "铁路", "运输", "海事", "金融", "地区", "地方", "高级", "中级", "最高",
                        "联邦", "巡回", "上诉", "破产", "第一", "第二", "第三", "第四", "一", "二", "三", "四")):
        return True
    toks = nlp.tagged(prefix)
    # a place jieba tags as a name (拉萨|nrt, 萧山|nr) or a proper noun; an unknown word of three or more
    # characters (a transliteration); never a verb or function word
    if any((t or "")[:1] in ("v", "d", "p", "u", "c", "r", "m", "q") for w, t in toks):
        return False
    return any(t in ("ns", "nr", "nrt", "nz", "nt") for w, t in toks) or (len(prefix) >= 3 and all(t is None for w, t in toks))


_STAKE_LIST = ("股权及", "股权和", "股权、", "股权以及", "股份及", "股份和", "股份、", "股份以及", "权益及", "权益和")

_STOCK = re.compile(r"[(（](?:行情|股票代码[:：]?|证券代码[:：]?)?(?:\d{6}|\d{4,5}\.HK|\d{6}\.S[HZ]|\d{4,5})(?:\.(?:SZ|SH|HK))?[),，）]")


def stock_mentions(text: str, lex: Lexicon, taken: list[Mention]) -> list[Mention]:
    """Listed companies written with their stock code: 鲁北化工(600727), 中珠医疗(600568.SH)."""
    out: list[Mention] = []
    for m in _STOCK.finditer(text):
        p = m.start()
        if any(x.end == p for x in taken):
            continue
        res = name_before(text, p, lex, need_proper=False, in_name=True, max_len=10)
        if not res:
            continue
        start, toks = res
        surface = text[start:p]
        if len(surface) < 2 or surface in lex.generic:
            continue
        out.append(Mention(start, p, surface, "Company", surface, "pattern"))
    return out


_SHORT = re.compile(r"[(（](?:以下|下文|下)?(?:简称|称)[:：]?[“\"「『]?([^”\"」』)）]{2,12})[”\"」』]?[)）]")


def short_forms(text: str) -> list[tuple[int, int, str, int]]:
    """X（以下简称“Y”）: (start of the parenthesis, end, Y, position right before it)."""
    return [(m.start(), m.end(), m.group(1), m.start()) for m in _SHORT.finditer(text)]


def _ascii_name_before(text: str, s: int) -> int | None:
    """Start of 'Acme Holdings' / 'Foo Bar' before an English ending: capitalised words."""
    i = s
    while i > 0 and text[i - 1] == " ":
        i -= 1
    words = 0
    j = i
    while j > 0:
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "&-'."):
            k -= 1
        w = text[k:j]
        if not w or not (w[0].isupper() or w[0].isdigit()) or w.lower() in ("the", "a", "an"):
            break
        words += 1
        j = k
        if k > 0 and text[k - 1] == " ":
            j = k - 1
        else:
            break
        if words >= 4:
            break
    if words == 0:
        return None
    while j < s and text[j] == " ":
        j += 1
    return j


_ROLE_CACHE: dict[int, re.Pattern] = {}


def person_mentions(text: str, lex: Lexicon) -> list[Mention]:
    """People introduced by a role word (院长刘兴亮), and anonymised names (张某, 吴某栋)."""
    out: list[Mention] = []
    pat = _ROLE_CACHE.get(id(lex))
    if pat is None:
        roles = sorted((r for r in lex.roles if not r.isascii() or r.isupper()), key=len, reverse=True)
        pat = re.compile("(?:" + "|".join(map(re.escape, roles)) + r")(?:[、，,]?\s?)") if roles else re.compile("(?!x)x")
        _ROLE_CACHE[id(lex)] = pat
    surnames = lex.surnames
    for m in pat.finditer(text):
        p = m.end()
        seg = text[p:p + 6]
        if not seg or not _CJK.match(seg[0]):
            continue
        name = _person_at(seg, surnames)
        if name:
            out.append(Mention(p, p + len(name), name, "Person", name, "pattern"))
    if surnames:
        by_verb, before_deng, anonymised = _surname_patterns(surnames)
        # 由王宁国接任, 由张旭豪等人创立, 陈伟星等人: a surname-initial name before 等人 or after 由 + verb
        for m in by_verb.finditer(text):
            name = m.group(1)
            if any(c in _NOT_NAME_CHAR for c in name[1:]) or name in lex.generic:
                continue
            toks = nlp.tagged(name)
            if len(toks) > 2 or any(t and not t.startswith("nr") and t not in ("ns", "nz") and len(w) > 1 for w, t in toks):
                continue
            out.append(Mention(m.start(1), m.end(1), name, "Person", name, "pattern"))
        for m in before_deng.finditer(text):
            name = m.group(1)
            if any(o.start == m.start(1) for o in out) or any(c in _NOT_NAME_CHAR for c in name[1:]):
                continue
            p0 = m.start(1)
            if p0 > 0 and _CJK.match(text[p0 - 1]) and text[p0 - 1] not in "由与和及、被":
                continue
            out.append(Mention(p0, m.end(1), name, "Person", name, "pattern"))
    for m in _surname_patterns(surnames)[2].finditer(text) if surnames else []:
        name = m.group(0)
        if len(name) >= 3 and name[-1] != "某" and name[-1] in "被的在与和等因为向对将是于已及称说犯诉某等、系涉受获遭以":
            name = name[:-1]
        if m.start() > 0 and _CJK.match(text[m.start() - 1]) and text[m.start() - 1] not in "人告员将被与和对向由及、某":
            continue
        out.append(Mention(m.start(), m.start() + len(name), name, "Person", name, "pattern"))
    return out


@functools.lru_cache(maxsize=4)
def _surname_patterns(surnames: frozenset) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """person_mentions' three surname patterns, built once per surname set."""
    sn = "|".join(sorted(surnames, key=len, reverse=True))
    return (re.compile(r"(?:(?<=由)|(?<=[、，,和与及]))((?:%s)[\u4e00-\u9fff]{1,2}?)(?=等人|于\d|在|接任|担任|执掌|带领|创办|创立|创建)" % sn),
            re.compile(r"((?:%s)[\u4e00-\u9fff]{1,2}?)等人" % sn),
            re.compile(r"(?:%s)某{1,2}[\u4e00-\u9fff]?" % sn))


_NOT_NAME_CHAR = set("在曾对是的和与也等称说将被向从为于已又还就都均即表指认今日年月所及而则")


def _person_at(seg: str, surnames: frozenset) -> str | None:
    toks = nlp.tagged(seg)
    if not toks:
        return None
    w, t = toks[0]
    if len(w) == 3 and t is None and w[-1] in _NOT_NAME_CHAR and w[0] in surnames:
        w = w[:2]         # 张三在微博: the segmenter's guess glued a function word to the name
    if 2 <= len(w) <= 3 and (w[0] in surnames or w[:2] in surnames) and (t is None or t.startswith("nr")):
        if len(w) == 2 and len(toks) > 1 and len(toks[1][0]) == 1 and _CJK.match(toks[1][0]) \
                and toks[1][0] not in _NOT_NAME_CHAR and (len(toks) < 3 or len(toks[2][0]) >= 1):
            return w + toks[1][0]
        return w
    if len(w) == 1 and w in surnames and len(toks) > 1:
        w2, t2 = toks[1]
        if 1 <= len(w2) <= 2 and _CJK.match(w2) and (t2 is None or t2.startswith("nr") or len(w2) == 1):
            return w + w2
        # 周|启航|表示: after a role word, surname + two characters before a verb or a pause is a name
        nxt = toks[2] if len(toks) > 2 else ("", "x")
        if len(w2) == 2 and _CJK.match(w2) and w2[0] not in _NOT_NAME_CHAR and \
                ((nxt[1] or "").startswith(("v", "p", "c", "d")) or nxt[0] in ("", "，", "。", "、", "等")):
            return w + w2
    if len(w) == 4 and w[0] in surnames and t is None:
        return w[:3]
    return None


_TITLE = re.compile(r"《([^《》\n]{1,16})》|「([^「」\n]{1,16})」")
_APP = re.compile(r"([A-Za-z0-9\u4e00-\u9fff]{2,8}?)\s?(?:app|APP|App)\b")


def product_mentions(text: str, lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    for m in _TITLE.finditer(text):
        g = 1 if m.group(1) else 2
        name = m.group(g).strip()
        if not name or any(w in name for w in _DOC_WORDS) or len(name) > 12 or name.endswith(_DOC_ENDS):
            continue
        typ = "Organization" if name.endswith(_MEDIA_END) else "Product"
        out.append(Mention(m.start(g), m.end(g), name, typ, name, "pattern"))
    return out


def discover(text: str, lex: Lexicon, lexm: list[Mention]) -> list[Mention]:
    found = suffix_mentions(text, lex, lexm)
    found += stock_mentions(text, lex, lexm + found)
    found += person_mentions(text, lex)
    found += product_mentions(text, lex)
    return found


_FRAME_WORDS = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "控股", "股份", "科技", "网络", "技术",
                "信息", "中国", "(", ")", "（", "）", "Inc.", "Inc", "Ltd.", "Ltd", "Corp.", "Group", "Holdings", " ",
                "Co.", ",")


def _only_frame(rest: str, lex: Lexicon) -> bool:
    """True when `rest` (the parts of a long name around a known name) is only places and legal
    endings: 北京…科技有限公司."""
    for part in rest.split("|"):
        while part:
            for w in sorted(_FRAME_WORDS, key=len, reverse=True):
                if part.endswith(w):
                    part = part[: -len(w)]
                    break
            else:
                break
        if not part:
            continue
        toks = nlp.tagged(part)
        if not all(t == "ns" or w in _FRAME_WORDS for w, t in toks):
            return False
    return True


def merge(text: str, lex: Lexicon, lexm: list[Mention], found: list[Mention]) -> list[Mention]:
    """Combine lexicon and discovered mentions; a discovered span that contains a lexicon name of a
    compatible type becomes that entity's alias; otherwise the longer span wins."""
    org_types = {"Company", "Organization", "Court", "Regulator"}
    result: list[Mention] = []
    absorbed: set[int] = set()
    for f in found:
        inner = [m for m in lexm if f.start <= m.start and m.end <= f.end]
        overlap = [m for m in lexm if m.start < f.end and f.start < m.end and m not in inner]
        if overlap:
            continue
        if inner:
            if f.type == "Company" and len(inner) == 1 and inner[0].type == "Company" and \
                    _only_frame(text[f.start:inner[0].start] + "|" + text[inner[0].end:f.end], lex):
                # 北京字节跳动科技有限公司 -> 字节跳动: only a place and a legal ending around it
                m = inner[0]
                f = Mention(f.start, f.end, m.name, m.type, f.surface, "lexicon", m.owner)
            elif f.source == "pattern" and f.type in ("Product", "Organization") and len(inner) == 1 \
                    and inner[0].start == f.start and inner[0].end == f.end:
                continue
            for m in inner:
                absorbed.add(id(m))
        result.append(f)
    for m in lexm:
        if id(m) not in absorbed:
            result.append(m)
    return [m for s, e, m in _greedy([(m.start, m.end, m) for m in result])]


# a price or a manner written before a buying verb: 以15亿元的对价, 作价15亿元, 耗资5000万, 以现金,
# 通过发行股份的方式, 以自有资金
PRICE_BEFORE = re.compile(
    r"(?:以|作价|耗资|斥资|出资|花费|花|共计|合计|总计|拟以|拟作价)\s*(?:人民币|约|总价|总计|合计|共)?\s*"
    r"[0-9０-９.,，一二三四五六七八九十百千万亿两]+\s*(?:多|余)?(?:万|亿|千万|百万)?"
    r"(?:元|美元|港元|港币|欧元|英镑|日元|人民币)?(?:/股)?(?:的)?(?:对价|价格|代价|总价|价钱|现金)?"
    r"|(?:以|通过|采用|采取|用)[^，。；,;]{0,16}?(?:方式|资金|现金|对价|形式)(?:的)?"
    r"|(?:以|作价)[^，。；,;]{0,10}?的(?:对价|价格|代价|总价)")

_ADVERBS = ("拟", "已", "将", "正式", "再次", "于", "也", "又", "还", "曾", "均", "已经", "宣布", "公告", "计划",
            "准备", "成功", "全资", "要约", "近日", "日前", "今日", "分别", "共同", "一并", "合计", "同意", "决定")


_NOT_NAME_START = set("这那此该每各本最某其另哪的")


_FUNCTION_START = set("因由对在将被与向把从据经给为")


def plausible_name(surface: str) -> bool:
    """这起, 这张, 最受, 其余: a demonstrative, degree word or pronoun does not start a name; 指其: nor
    ends one; 因夏普股价, 与苹果: a function word glued before a known name does not start one."""
    if not surface or surface[0] in _NOT_NAME_START or (len(surface) > 1 and surface[-1] == "其"):
        return False
    if surface[0] in _FUNCTION_START and len(surface) >= 3:
        from kg.lexicon import load_lexicon
        lex = load_lexicon()
        rest = surface[1:]
        if any(lex.lookup(rest[:k]) is not None for k in range(2, min(len(rest), 12) + 1)):
            return False
    return True


def _guess_type(surface: str, toks, lex: Lexicon, after: str = "") -> str:
    if after.startswith(("全资", "旗下", "子公司", "公司", "股份", "集团", "控股", "董事", "股东", "公告", "(", "（")):
        return "Company"
    if re.match(r"(?:约|近|逾|超过)?[0-9一二两三四五六七八九十百半.]+\s*(?:%|％|成)", after):
        return "Company"    # 入股夏普约一成股权: a stake's holder-to-be is a company
    if 2 <= len(surface) <= 3 and (surface[0] in lex.surnames) and all(
            t is None or (t or "").startswith("nr") or t == "zg" for _, t in toks):
        return "Person"
    if surface.endswith("某") or re.match(r"^[\u4e00-\u9fff]某", surface):
        return "Person"
    return "Company"


def argument_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """Unknown names in a trigger's argument slots (收购斯科尔, 重庆薪环起诉重庆蓝光)."""
    from kg.extract.relations import find_triggers
    out: list[Mention] = []
    hits = find_triggers(text, lex, ss, se)
    if not hits:
        return out
    taken = list(sm)
    if any(t.relation in ("sues", "acquires", "invests", "fines", "rules") for _, _, ts_ in hits for t in ts_):
        subj = subject_mentions(text, ss, se, taken, lex)
        out.extend(subj)
        taken.extend(subj)
    for ts, te, trigs in hits:
        rels = {t.relation for t in trigs}
        if not rels & {"sues", "acquires", "invests", "fines", "rules"}:
            continue
        if any(t.lang == "en" for t in trigs):
            continue
        # left slot: skip adverbs, a price and a manner between the name and the trigger
        # (拟以15亿元的对价收购, 耗资5000万收购, 通过发行股份的方式收购)
        p = ts
        changed = True
        while changed:
            changed = False
            for a in _ADVERBS:
                if text.startswith(a, p - len(a)) and p - len(a) >= ss:
                    p -= len(a)
                    changed = True
                    break
            mp = PRICE_BEFORE.search(text, ss, p)
            if mp and mp.end() == p and mp.start() < p:
                p = mp.start()
                changed = True
        if not any(m.end == p or (m.end <= p and p - m.end <= 1) for m in taken) and p > ss:
            floor = max([m.end for m in taken if m.end <= p] + [ss])
            res = name_before(text, p, lex, floor=floor)
            if res:
                start, toks = res
                surface = text[start:p]
                if _CJK.search(surface) and len(surface) >= 2 and surface not in lex.generic \
                        and plausible_name(surface):
                    m = Mention(start, p, surface, _guess_type(surface, toks, lex, text[p:p + 3]), surface, "pattern")
                    out.append(m)
                    taken.append(m)
        # right slot
        q = te
        for a in ("了", "其", "对", "该"):
            if text.startswith(a, q):
                q += len(a)
                break
        if not any(m.start == q for m in taken) and q < se and (not rels & {"rules", "fines"} or
                                                                any(t.word in ("约谈", "判令", "处罚") for t in trigs) or
                                                                (any(t.word == "认定" for t in trigs) and
                                                                 any(m.end == ts and m.type == "Court" for m in taken))):
            res = name_after(text, q, lex)
            if res:
                end, toks = res
                surface = text[q:end]
                # 入股夏普约一成股权: an approximator before a number is no part of the name
                if len(surface) >= 3 and surface[-1] in "约近逾超达共" and \
                        re.match(r"[0-9一二两三四五六七八九十百半数]", text[end:end + 1]):
                    end -= 1
                    surface = text[q:end]
                    toks = nlp.tagged(surface)
                # 认购夏普新股, 购买X股份: the shares are no part of the name
                for w in _SHARE_WORDS:
                    if surface.endswith(w) and len(surface) - len(w) >= 2:
                        end -= len(w)
                        surface = text[q:end]
                        break
                if _CJK.search(surface) and len(surface) >= 2 and surface not in lex.generic \
                        and plausible_name(surface) and not any(m.start < end and q < m.end for m in taken):
                    m = Mention(q, end, surface, _guess_type(surface, toks, lex, text[end:end + 8]), surface, "pattern")
                    out.append(m)
                    taken.append(m)
        # a funding round's investors (由A领投，B、C和D跟投): the names between the clause opening
        # (由, a pause) and the verb, split at list words; the company that raised the round is the
        # name before 完成/获得…融资
        if any("round" in t.flags for t in trigs):
            for m in round_mentions(text, ss, ts, taken, lex):
                out.append(m)
                taken.append(m)
        # a stake in the object clause (收购A所持B 49%股权, 购买X100%股权及Y70%股权): the name right
        # before the stake is the company whose shares change hands
        if rels & {"acquires", "invests"}:
            for m in stake_mentions(text, te, se, taken, lex):
                out.append(m)
                taken.append(m)
        # an enumeration in the object slot (收购微梦传媒、耐特康赛、广州科韵): every member is a name
        if rels & {"sues", "acquires", "invests"}:
            last = max((m for m in taken if m.start >= q and m.start - q <= 2), key=lambda m: -m.start, default=None)
            guard = 0
            while last is not None and guard < 8:
                guard += 1
                sep = next((w for w in ("、", "和", "及", "以及", "与") if text.startswith(w, last.end)), None)
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
                    if not (_CJK.search(surface) and 2 <= len(surface) <= 10 and surface not in lex.generic
                            and plausible_name(surface)) or any(m.start < end and p < m.end for m in taken):
                        break
                    nxt = Mention(p, end, surface, last.type if last.type in ("Company", "Organization") else
                                  _guess_type(surface, toks, lex, text[end:end + 3]), surface, "pattern")
                    out.append(nxt)
                    taken.append(nxt)
                last = nxt
    return out


_STAKE_VERBS = ("取得", "获得", "持有", "拥有", "合计持有", "共持有", "增持", "减持", "收购", "购买", "买入", "出售",
                "转让", "受让", "认购", "占", "占有", "控制")
_SHARE_WORDS = ("的新股", "新股", "的股份", "股份", "的股权", "股权", "股票", "增发股")
_RAISE = re.compile(r"(?:已经|已|近日|日前|今日|宣布|正式|成功|于[^，。；,;]{1,10}?)*(?:完成|获得|获)[^，。；,;]{0,16}?融资")
_LIST_SPLIT = re.compile(r"(?<=.)(?:、|以及|和|及|与|,|，)")


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
    for part in _LIST_SPLIT.split(text[seg_start:ts]):
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
    for mr in _RAISE.finditer(text, ss, ts):
        pos = mr.start()
        if any(m.end == pos for m in taken + out) or any(m.start < pos < m.end for m in taken + out):
            continue
        cs = pos
        while cs > ss and text[cs - 1] not in "，,；;。：:\n":
            cs -= 1
        whole = text[cs:pos]
        res = (cs, None) if 2 <= len(whole) <= 10 and not re.search(r"[0-9]|消息|获悉|表示|宣布|报道", whole) \
            else name_before(text, pos, lex, floor=ss, need_proper=False)
        if res:
            start, toks = res
            surface = text[start:pos]
            if 2 <= len(surface) <= 12 and surface not in lex.generic and plausible_name(surface) \
                    and not any(m.start < pos and start < m.end for m in taken + out):
                out.append(Mention(start, pos, surface, "Company", surface, "pattern"))
    return out


# a stake written right after a name: 49%股权, 75.9%的股权, 8%、6.66%股权, 全部股权, 控股权, 各51%权益
STAKE_AFTER = re.compile(
    r"(?:[(（][^()（）]{0,24}[)）])?\s*(?:约|合计|共计|共|各)?(?:"
    r"(?:\d+(?:\.\s?\d+)?\s*[%％]\s*(?:[、和及至-]\s*\d+(?:\.\d+)?\s*[%％]\s*)*(?:的)?(?:已发行)?"
    r"|(?:全部|部分|多数|少数|大部分|控股|全资)(?:的)?(?:已发行)?)"
    r"(?:股权|股份|权益|份额|股票|普通股)|控股权|(?:的)?(?:全部|部分)(?:股权|股份|权益))")


_STAKE_DELIMS = ("所持有的", "所持有", "所持的", "所持", "持有的", "持有", "旗下的", "旗下", "名下", "以及", "及", "和",
                 "与", "、", "的", "收购", "购买", "受让", "买入", "购入", "增持", "认购", "入股", "即", "包括", "其中")


def stake_at(text: str, pos: int) -> re.Match | None:
    """The stake written at `pos`, right after a name (100%股权, 全部股权, 控股权), or None."""
    return STAKE_AFTER.match(text, pos)


def stake_mentions(text: str, te: int, se: int, taken: list[Mention], lex: Lexicon) -> list[Mention]:
    """Unknown names right before a stake in a buying clause (trigger end `te` to the clause end):
    收购远东控股集团所持有京航安49%股权 -> 京航安."""
    out: list[Mention] = []
    end = te
    while end < se and text[end] not in "。；;！？!?\n" and end - te < 80:
        end += 1
    for mt in re.finditer(r"(?:[(（][^()（）]{0,24}[)）])?\s*(?:约|合计|共计|共|各)?(?:\d|全部|部分|多数|少数|大部分|控股|全资|的全部|的部分)",
                          text[te:end]):
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
        cut = max((seg.rfind(w) + len(w) for w in _STAKE_DELIMS if w in seg), default=0)
        start = cs + cut
        while start < pos and text[start] in "了其将对该 ":
            start += 1
        surface = text[start:pos]
        if re.search(r"[0-9０-９]", surface) and not surface.isascii() or any(c in PUNCT - set("()（）") for c in surface):
            continue
        if not (_CJK.search(surface) or surface.isascii()) or len(surface) < 2 or len(surface) > 20 \
                or surface in lex.generic or not plausible_name(surface) \
                or surface.endswith(("公司", "集团")) and surface in ("本公司", "子公司", "该公司", "上市公司", "母公司") \
                or surface in _STAKE_VERBS:         # 取得约66%股权: the verb is no holder
            continue
        if surface.isascii() and not any(c.isalpha() for c in surface):
            continue
        out.append(Mention(start, pos, surface, "Company", surface, "pattern"))
    return out


_CLAUSE_SPLIT = re.compile(r"[，,；;：:。！？!?\n]")
_LEAD_SKIP = ("此外", "同时", "其中", "目前", "近日", "日前", "随后", "此后", "今年", "去年", "当天", "当日", "此次",
              "而", "但", "并", "且", "另外", "据悉", "据了解", "公告显示", "资料显示", "数据显示", "不过", "因此",
              "最终", "最后", "后来", "当时", "昨日", "今日", "近期", "早前", "此前", "之前", "截至目前", "另一方面",
              "但是", "然而", "因为", "由于", "因", "却")
_LEAD_SKIP = tuple(sorted(_LEAD_SKIP, key=len, reverse=True))
_SUBJ_NEXT_TAGS = ("v", "p", "d", "c")
# words jieba tags as nouns that still open a predicate (全通教育|发布公告)
_SUBJ_NEXT_WORDS = ("发布", "公告", "宣布", "披露", "发表", "表示", "声明")


def subject_mentions(text: str, ss: int, se: int, taken: list[Mention], lex: Lexicon) -> list[Mention]:
    """Clause-initial names before a verb (京沪高铁拟发行…, 华润双鹤发布…) in a sentence that has a
    trigger: the subject position of a Chinese clause."""
    from kg.extract.dates import find_dates
    out: list[Mention] = []
    starts = [ss] + [m.end() + ss for m in _CLAUSE_SPLIT.finditer(text[ss:se])]
    stops = _stop_words(id(lex), lex)
    for p in starts:
        if p >= se:
            continue
        # skip a leading date and lead words
        ds = find_dates(text[p:min(se, p + 16)])
        if ds and ds[0].start == 0:
            p += ds[0].end
        for _ in range(3):      # 但因夏普股价…: lead words in a row
            w = next((w for w in _LEAD_SKIP if text.startswith(w, p)), None)
            if w is None:
                break
            p += len(w)
        if any(m.start <= p < m.end for m in taken + out):
            continue
        seg = text[p:min(se, p + 12)]
        if not seg or not (_CJK.match(seg[0]) or seg[0] in "*"):
            continue
        toks = _tokens_from(text, p, p + len(seg))
        acc = []
        n = 0
        nxt = None
        for w, t in toks:
            if w in stops or w in lex.generic or not _name_like(w, t, lex) or (acc and w[:1] == "拟" and len(w) <= 3):
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
        if not (w2 in stops or (t2 or "x")[0] in _SUBJ_NEXT_TAGS or headline or w2.startswith(_SUBJ_NEXT_WORDS)):
            continue
        surface = text[p:p + n]
        if len(surface) < 2 or len(surface) > 10 or surface in lex.generic or not plausible_name(surface):
            continue
        if not any(t is None or t in ("nt", "nz", "j", "eng", "nrt") for w, t in acc):
            continue
        if any(m.start < p + n and p < m.end for m in taken + out):
            continue
        out.append(Mention(p, p + n, surface, _guess_type(surface, acc, lex, text[p + n:p + n + 3]),
                           surface, "pattern"))
    return out


_LAUNCHED = re.compile(r"(?:推出|上线|发布|推出了|上线了|发布了|重启)[“「《\"]([^”」》\"\n]{2,12})[”」》\"]")
_APPOSED = re.compile(r"(?:应用|平台|软件|公司|企业|品牌|网站|对手|厂商|厂(?![家商房区])|app|App|APP)"
                      r"([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]{1,7}?|[A-Za-z0-9][A-Za-z0-9 .&-]{1,18}[A-Za-z0-9])"
                      r"(?=[，。；,;]|$)")
_RAISED = re.compile(r"[“\"「]([^”\"」\n]{2,12})[”\"」](?:近日|日前|今日|已经|已|宣布|正式|于[^，。]{1,8})*(?:完成|获得|获)[^，。；]{0,16}融资")
_QUOTED_RUN = re.compile(r"(?:“[^“”\n]{2,12}”){2,}")
_LATIN_LIST = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9&]{1,11})(?![A-Za-z0-9])")


@functools.lru_cache(maxsize=4)
def _heads(lex_id: int, lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted(lex.product_heads, key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def _cut_names(lex_id: int, lex: Lexicon) -> dict:
    """Lexicon products by their name without its head noun (西瓜视频 -> 西瓜; 火山小视频 -> 火山):
    a head is a product word (视频, 音乐, 小说), or 小 and one.  Cuts shared by
    two products, or equal to another name, are left out."""
    heads = [h for h in lex.product_heads if not h.isascii()]
    out: dict = {}
    clash: set = set()
    for le in lex.entities.values():
        if le.type != "Product":
            continue
        for name in (le.name,) + tuple(le.aliases):
            if not _CJK.match(name[:1]):
                continue
            for h in heads:
                for rem in (h, "小" + h):
                    if not name.endswith(rem) or len(name) - len(rem) < 2:
                        continue
                    cut = name[:-len(rem)]
                    if cut in lex.generic or lex.lookup(cut) is not None or cut.endswith(("小", "短", "微")):
                        continue
                    toks = nlp.tagged(cut)
                    if len(toks) == 1 and (toks[0][1] or "x")[:1] in ("a", "v", "d", "m", "r", "p", "c"):
                        continue            # 好看(视频): a common adjective or verb is no name
                    if cut in out and out[cut].name != le.name:
                        clash.add(cut)
                    out.setdefault(cut, le)
    return {k: v for k, v in out.items() if k not in clash}


def context_mentions(text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """Names found by their context once the first mentions are known:
    - a company name with a product word glued after it (滴滴专车, 阿里云): the company's Product;
    - a quoted name after a launch verb (推出“一号专车”): a Product;
    - a name in apposition after a category noun that a buy verb governs (收购了打车应用大黄蜂打车);
    - a Latin name listed beside a known organisation (淡马锡、DST和腾讯): that organisation's type;
    - a person listed after a person (马云及井贤栋、胡晓明)."""
    out: list[Mention] = []
    taken = list(mentions)

    def free(s: int, e: int) -> bool:
        return not any(m.start < e and s < m.end for m in taken + out)

    heads = _heads(id(lex), lex)
    replace: dict[int, Mention] = {}
    for m in mentions:
        if m.type == "Company" and m.source == "lexicon" and heads and text.startswith(heads, m.end):
            for h in heads:
                if text.startswith(h, m.end):
                    e = m.end + len(h)
                    if e < len(text) and _CJK.match(text[e]) and text[e:e + 1] not in "上下推发被与和的在已将于也则是为等、":
                        break
                    if any(x.start < e and m.end < x.end for x in taken if x is not m):
                        break
                    surface = text[m.start:e]
                    replace[id(m)] = Mention(m.start, e, surface, "Product", surface, "pattern", m.name)
                    break
    if "“" in text or "「" in text or "《" in text or '"' in text:
        for mt in _LAUNCHED.finditer(text):
            name = mt.group(1).strip()
            if free(mt.start(1), mt.end(1)) and not name.endswith(_DOC_ENDS) and \
                    not any(w in name for w in _DOC_WORDS):
                out.append(Mention(mt.start(1), mt.end(1), name, "Product", name, "pattern"))
    if "收购" in text or "并购" in text or "买下" in text:
        from kg.extract.relations import find_triggers
        for ss, se, trigs in find_triggers(text, lex):
            if not any(t.relation == "acquires" and t.lang == "zh" for t in trigs):
                continue
            ce = clause_end(text, se, limit=40)
            while ce < len(text) - 1 and text[ce] == " " and text[ce - 1].isascii() and text[ce - 1].isalnum() \
                    and text[ce + 1].isascii() and text[ce + 1].isalnum():
                ce = clause_end(text, ce + 1, limit=20)     # a Latin name may hold a space (S3 Graphics)
            if any(m.start >= se and m.end <= ce for m in taken + out):
                continue
            mt = _APPOSED.search(text, se, ce + 1)
            if mt and mt.end(1) == ce and plausible_name(mt.group(1)):
                name = mt.group(1)
                if free(mt.start(1), mt.end(1)) and name not in lex.generic:
                    out.append(Mention(mt.start(1), mt.end(1), name, "Company", name, "pattern"))
    if "融资" in text:
        # 平台“树根互联”近日已完成5亿元B轮融资: a quoted name that raised a round is a company
        for mt in _RAISED.finditer(text):
            name = mt.group(1).strip()
            if free(mt.start(1), mt.end(1)) and plausible_name(name) and name not in lex.generic:
                out.append(Mention(mt.start(1), mt.end(1), name, "Company", name, "pattern"))
    if "”“" in text:
        # “美团”“饿了么”“涞源外卖”: quoted names written back to back are a list of names
        for mt in _QUOTED_RUN.finditer(text):
            for q in re.finditer(r"“([^“”\n]{2,12})”", mt.group(0)):
                name = q.group(1).strip()
                s0 = mt.start() + q.start(1)
                if free(s0, s0 + len(name)) and plausible_name(name) and name not in lex.generic \
                        and not name.endswith(_DOC_ENDS):
                    out.append(Mention(s0, s0 + len(name), name, "Company", name, "pattern"))
    for mt in _LATIN_LIST.finditer(text):
        s, e = mt.start(1), mt.end(1)
        if not free(s, e) or not mt.group(1).isupper():
            continue
        left = text[s - 1:s] if s else ""
        right = text[e:e + 1]
        nb = None
        if left in ("、", "和", "与", "及"):
            nb = [m for m in taken if m.end == s - 1]
        if not nb and right in ("、", "和", "与", "及"):
            nb = [m for m in taken if m.start == e + 1]
        if nb and nb[0].type in ("Company", "Organization"):
            out.append(Mention(s, e, mt.group(1), nb[0].type, mt.group(1), "pattern"))
    if "、" in text:
        # 西瓜、抖音、火山分享到…: a product's name without its head noun (西瓜视频 -> 西瓜, 火山小视频
        # -> 火山), listed beside a known product, is that product
        cut = _cut_names(id(lex), lex)
        for m in list(taken):
            if m.type != "Product" or m.source == "coref":
                continue
            if m.start >= 3 and text[m.start - 1] == "、":
                e = m.start - 1
                s = e
                while s > 0 and e - s < 6 and _CJK.match(text[s - 1]) and text[s - 1] not in "、和及与":
                    s -= 1
                seg = text[s:e]
                # the segment must stand alone: a list opener (，西瓜、) or another listed name
                if (s == 0 or not _CJK.match(text[s - 1]) or text[s - 1] in "、和及与") and seg in cut \
                        and free(s, e):
                    le = cut[seg]
                    out.append(Mention(s, e, le.name, le.type, seg, "alias", le.owner))
            if m.end + 3 <= len(text) and text[m.end] in "、和及与":
                s = m.end + 1
                for k in range(min(6, len(text) - s), 1, -1):
                    seg = text[s:s + k]
                    if seg in cut and free(s, s + k) and (not _CJK.match(text[s + k:s + k + 1] or "a")
                                                          or _aligned(text, s, s + k)):
                        le = cut[seg]
                        out.append(Mention(s, s + k, le.name, le.type, seg, "alias", le.owner))
                        break
    for m in list(taken):
        if m.type == "Person" and text[m.end:m.end + 1] in ("、", "及", "和", "与"):
            p = m.end + 1
            name = _person_at(text[p:p + 6], lex.surnames)
            if name and free(p, p + len(name)):
                out.append(Mention(p, p + len(name), name, "Person", name, "pattern"))
    result = [replace.get(id(m), m) for m in mentions] + out
    result.sort(key=lambda m: (m.start, m.end))
    return result


_ALIAS_PAREN = re.compile(r"[(（](?P<kw>以下简称|以下称|下称|下文简称|简称|以下统称)?[:：]?\s*[“\"「『]?(?P<y>[^“”\"「」『』()（）,，。；\n]{2,12}?)[”\"」』]?[)）]")


def _subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(c in it for c in short)


def short_aliases(text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """X（以下简称“Y”）, X（下称Y）, X（Y） with Y an abbreviation of X (its characters in order): every
    later Y is X.  A discovered full name whose short form is a lexicon name takes the lexicon's name."""
    if "(" not in text and "（" not in text:
        return mentions
    org = ("Company", "Organization", "Court", "Regulator", "Product")
    by_end = {m.end: m for m in mentions if m.type in org and m.source != "coref"}
    pairs: list[tuple[Mention, str, int]] = []
    for mt in _ALIAS_PAREN.finditer(text):
        full = by_end.get(mt.start())
        if full is None:
            continue
        y = mt.group("y").strip()
        if y == full.surface or y in lex.generic or not plausible_name(y) or y.isdigit():
            continue
        if not mt.group("kw") and not (_subsequence(y, full.surface) and len(y) < len(full.surface)):
            continue
        pairs.append((full, y, mt.start("y")))
    if not pairs:
        return mentions
    out = list(mentions)
    for full, y, ypos in pairs:
        name, typ = full.name, full.type
        if full.source == "pattern":
            # the short form is a known name (广药集团): the full name is that entity
            known = lex.lookup(y)
            if known is not None and known.type in org:
                name, typ = known.name, known.type
                for i, m in enumerate(out):
                    if m is full:
                        out[i] = Mention(m.start, m.end, name, typ, m.surface, "lexicon", known.owner)
        for mt in re.finditer(re.escape(y), text):
            a, b = mt.start(), mt.end()
            if a < full.end and full.start < b:
                continue
            inside = [m for m in out if a <= m.start and m.end <= b]
            cross = [m for m in out if (m.start < a < m.end or m.start < b < m.end)]
            if cross:
                continue
            # the short form must stand alone (not part of a longer word like 光电公司 in 新光电公司)
            if len(y) == 2 and a != ypos and _CJK.match(y[0]) and not (_aligned(text, a, b) or _framed(text, a, b, lex)):
                continue
            for m in inside:
                out.remove(m)
            out.append(Mention(a, b, name, typ, y, "alias"))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def repeat_mentions(text: str, lex: Lexicon, mentions: list[Mention], found: list[Mention]) -> list[Mention]:
    """Other tellings of names discovered from one sentence's context (a trigger's argument): every
    free occurrence of the same surface that stands as a word (a two-character Chinese name only where
    the segmenter or a frame word sets it apart)."""
    out: list[Mention] = []
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in spans]

    def free(a: int, b: int) -> bool:
        i = bisect.bisect_left(starts, b)
        return not any(x < b and a < y for x, y in spans[max(0, i - 8):i])

    seen = set()
    for f in found:
        y = f.surface
        if y in seen or len(y) < 2 or f.type not in ("Company", "Organization", "Product", "Person") \
                or not plausible_name(y) or y in lex.generic:
            continue
        seen.add(y)
        for mt in re.finditer(re.escape(y), text):
            a, b = mt.start(), mt.end()
            if not free(a, b) or any(m.start < b and a < m.end for m in out):
                continue
            if y.isascii():
                if (a and text[a - 1].isascii() and text[a - 1].isalnum()) or \
                        (b < len(text) and text[b].isascii() and text[b].isalnum()):
                    continue
            elif not (_aligned(text, a, b) or (len(y) >= 3 and _framed(text, a, b, lex))):
                continue
            out.append(Mention(a, b, f.name, f.type, y, "pattern", f.owner))
    return out


_SHORT_ENDS = ("公司", "集团")


def _legal_core(name: str) -> str | None:
    """北京淘友天下技术有限公司 -> 淘友天下技术: a legal name without its place and legal ending."""
    end = next((x for x in sorted(_LONG_ENDINGS, key=len, reverse=True) if name.endswith(x)), None)
    if end is None:
        return None
    core = name[:-len(end)]
    core = re.sub(r"[(（][\u4e00-\u9fff]{2,4}[)）]", "", core)
    for p in sorted(_PLACE_PREFIXES, key=len, reverse=True):
        if core.startswith(p) and len(core) - len(p) >= 2:
            core = core[len(p):]
            break
    return core if len(core) >= 2 else None


_PLACE_PREFIXES = ("北京市", "北京", "上海市", "上海", "天津市", "天津", "重庆市", "重庆", "深圳市", "深圳", "广州市", "广州",
                   "杭州市", "杭州", "南京市", "南京", "成都市", "成都", "武汉市", "武汉", "西安市", "西安", "苏州市", "苏州",
                   "厦门市", "厦门", "珠海市", "珠海", "东莞市", "东莞", "佛山市", "佛山", "长沙市", "长沙", "合肥市", "合肥",
                   "广东省", "广东", "浙江省", "浙江", "江苏省", "江苏", "福建省", "福建", "中国", "香港", "台湾", "海南省", "海南")


def legal_short_forms(text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """A short form used without being announced: 微梦公司, 淘友技术公司 for 北京微梦创科网络技术有限公司,
    北京淘友天下技术有限公司 (the short form's core opens the full name's core, after its place, and its
    characters follow in order).  Every such mention is the full name; an ambiguous one is left alone.
    A discovered name that only adds a description before the short form (运营主体微梦公司) is cut to it."""
    fulls = [(m, _legal_core(m.surface)) for m in mentions
             if m.type == "Company" and m.source in ("pattern", "lexicon", "alias")]
    fulls = [(m, c) for m, c in fulls if c]
    if not fulls:
        return mentions
    cores: dict[str, tuple[str, str]] = {}
    for m, c in fulls:
        cores.setdefault(c, (m.name, m.type))
    out: list[Mention] = []
    resolved: dict[str, tuple[str, str]] = {}
    for m in mentions:
        if m.source == "pattern" and m.type == "Company" and m.surface.endswith(_SHORT_ENDS) and m.surface == m.name \
                and _legal_core(m.surface) is None:
            core = m.surface[:-2]
            hits = {v for c, v in cores.items() if len(core) >= 2 and c.startswith(core[:2])
                    and _subsequence(core, c) and len(core) < len(c)}
            if len(hits) == 1:
                name, typ = hits.pop()
                resolved[m.surface] = (name, typ)
                out.append(Mention(m.start, m.end, name, typ, m.surface, "alias", m.owner))
                continue
        out.append(m)
    if resolved:
        # 运营主体微梦公司: a description glued before a resolved short form
        for i, m in enumerate(out):
            if m.source == "pattern" and m.type == "Company" and m.surface == m.name:
                tail = next((y for y in resolved if m.surface.endswith(y) and len(m.surface) > len(y)), None)
                if tail:
                    name, typ = resolved[tail]
                    out[i] = Mention(m.end - len(tail), m.end, name, typ, tail, "alias", m.owner)
    return out


_COUNTRIES = ("中国", "美国", "德国", "英国", "法国", "日本", "韩国", "荷兰", "印度", "意大利", "西班牙", "瑞士",
              "瑞典", "芬兰", "加拿大", "澳大利亚", "巴西", "俄罗斯", "新加坡", "比利时", "爱尔兰", "以色列")
_NUM_CN = "一二三四五六七八九十"
_COURT_FULL = re.compile(r"^(?P<p>.+?)(?:第(?P<n>[一二三四五六七八九十]+)中级人民法院|(?P<mid>中级人民法院)|"
                         r"(?P<high>高级人民法院)|(?P<ip>知识产权法院)|(?P<base>人民法院))$")


def _place_forms(p: str) -> list[str]:
    """重庆市 -> [重庆市, 重庆]; 广东省 -> [广东省, 广东]; 北京市海淀区 -> [北京市海淀区, 北京海淀区, 海淀区,
    海淀]: a place with and without its administrative words."""
    forms = [p]
    for w in ("省", "市"):
        if p.endswith(w) and len(p) - len(w) >= 2:
            forms.append(p[:-len(w)])
    k = p.find("市")
    if 0 < k < len(p) - 2 and p.endswith(("区", "县")):
        low = p[k + 1:]
        forms += [p[:k] + low, low]
        for w in ("新区", "区", "县"):
            if low.endswith(w) and len(low) - len(w) >= 2:
                forms.append(low[:-len(w)])
                break
    return list(dict.fromkeys(forms))


def court_abbreviations(name: str) -> list[str]:
    """The short forms a court goes by, derived from its full name: 重庆市第一中级人民法院 -> 重庆一中院,
    重庆市一中院; 广东省高级人民法院 -> 广东高院; 北京知识产权法院 -> 北京知产法院; 北京市海淀区人民法院 ->
    海淀区法院, 海淀法院; 最高人民法院 -> 最高法, 最高院; 德国曼海姆地区法院 -> 曼海姆地区法院."""
    out: list[str] = []
    for c in _COUNTRIES:
        if name.startswith(c) and len(name) - len(c) >= 4:
            out.append(name[len(c):])
            break
    if name == "最高人民法院":
        return ["最高法", "最高院"]
    m = _COURT_FULL.match(name)
    if not m:
        return out
    places = _place_forms(m.group("p"))
    for pf in places:
        if m.group("n"):
            out.append(pf + m.group("n") + "中院")
        elif m.group("mid"):
            out.append(pf + "中院")
        elif m.group("high"):
            out.append(pf + "高院")
        elif m.group("ip"):
            out += [pf + "知产法院", pf + "知识产权法院"]
        elif m.group("base") and pf != m.group("p"):
            out.append(pf + "法院")
    return [a for a in dict.fromkeys(out) if a != name and len(a) >= 3]


def merge_courts(mentions: list[Mention]) -> list[Mention]:
    """A court named by a short form (重庆一中院) after or before its full name (重庆市第一中级人民法院)
    in the same article is that court: the mention takes the full name."""
    courts = {m.name for m in mentions if m.type == "Court" and m.source != "coref"}
    if len(courts) < 2:
        return mentions
    short: dict[str, str] = {}
    for full in courts:
        for a in court_abbreviations(full):
            if a in courts and a not in short:
                short[a] = full
    if not short:
        return mentions
    return [Mention(m.start, m.end, short[m.name], m.type, m.surface, m.source, m.owner)
            if m.type == "Court" and m.name in short else m for m in mentions]
