"""Unknown organisations and products found by how their names are written: a name ending
(suffixes.tsv: 公司, 集团, 人民法院, 管理局, Inc.), a stock code after the name, title marks (《X》).

`discover` runs these and person discovery over a whole text; `merge` combines what they found with
the lexicon mentions, so that a discovered legal name around a known name becomes its alias
(北京字节跳动科技有限公司 -> 字节跳动).  Word lists: the modifiers.tsv kinds `_words` names (doc_word, doc_end,
media_end, frame_word, …); LEGAL_ENDINGS (legal_endings.tsv, use `full`), imported across kg/extract,
stays here.
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from kg import nlp
from kg.extract.discover_people import person_mentions
from kg.extract.mentions import (
    PUNCT,
    Mention,
    automata,
    is_ascii_word_char,
    leftmost_longest,
)
from kg.extract.name_spans import name_before, no_name, stop_words
from kg.extract.name_heads import name_head
from kg.extract.brand_heads import rare_head
from kg.extract.placed_names import placed_start
from kg.extract.ticker_heads import ticker_head
from kg.extract.tickers import ticker_pattern
from kg.extract.wordindex import Words
from kg.lexicon import Lexicon, legal_endings



class _Words(NamedTuple):
    """The word lists of this module, modifiers.tsv kinds (read once per lexicon by `_words`)."""
    doc_words: tuple        # doc_word
    doc_ends: tuple         # doc_end
    media_end: tuple        # media_end
    founding: tuple         # founding_verb
    industry: tuple         # industry_word
    class_head: re.Pattern  # class_head (not before a partnership's legal ending)
    joint: tuple            # joint_name_opener
    amount_after: re.Pattern    # ending_amount_about, amount_unit, ending_amount_currency
    not_court_place: frozenset  # not_court_place
    court_prefix_end: tuple     # court_prefix_end
    stake_list: tuple           # stake_list_joint
    frame_words: tuple          # frame_word, with the brackets, space and comma


def _sorted(lex: Lexicon, kind: str) -> tuple:
    return tuple(sorted(lex.words(kind)))


@functools.lru_cache(maxsize=4)
def _words(lex_id: int, lex: Lexicon) -> _Words:
    alt = lex.alternation
    return _Words(
        doc_words=_sorted(lex, "doc_word"), doc_ends=_sorted(lex, "doc_end"), media_end=_sorted(lex, "media_end"),
        founding=_sorted(lex, "founding_verb"), industry=_sorted(lex, "industry_word"),
        class_head=re.compile(rf"(?:{alt('class_head')})(?=[，。、；：,.;！？\s也都的在和与及等将已被对不均正是])"),
        joint=_sorted(lex, "joint_name_opener"),
        amount_after=re.compile(rf"了?(?:{alt('ending_amount_about')})?\s*[0-9０-９.,，一二两三四五六七八九十百千]+\s*(?:多|余)?"
                                rf"(?:{alt('amount_unit')})?\s*(?:{alt('ending_amount_currency')})"),
        not_court_place=frozenset(lex.words("not_court_place")),
        court_prefix_end=_sorted(lex, "court_prefix_end"),
        stake_list=_sorted(lex, "stake_list_joint"),
        frame_words=tuple(sorted(lex.words("frame_word") | {"(", ")", "（", "）", " ", ","}, key=len, reverse=True)),
    )


def doc_words(lex: Lexicon) -> tuple[tuple, tuple]:
    """(words inside a document's title, endings of one): 《关于…的通知》, 《反垄断法》 name no product."""
    w = _words(id(lex), lex)
    return w.doc_words, w.doc_ends


_PAREN_END = re.compile(r"[(（][\u4e00-\u9fff]{2,4}[)）]$")


@functools.lru_cache(maxsize=4)
def _zh_roles(lex_id: int, lex: Lexicon) -> Words:
    # (looked up by the character at the position: three tests per name ending)
    return Words(r for r in lex.roles if not r.isascii())


# a registered name's whole legal form (有限公司, 株式会社): legal_endings.tsv, use `full`, longest first
LEGAL_ENDINGS = legal_endings("full", "zh")


def suffix_mentions(text: str, lex: Lexicon, taken: list[Mention]) -> list[Mention]:
    """Unknown names found by their ending (公司, 集团, 人民法院, 管理局, Inc.)."""
    _, suffixes = automata(lex)
    low = text.lower()
    hits = []
    for end, (suf, typ, strength) in suffixes.iter(low):
        s = end - len(suf) + 1
        if suf.isascii():
            if s > 0 and is_ascii_word_char(low[s - 1]) and not suf[0] in ".":
                continue
            if end + 1 < len(low) and is_ascii_word_char(low[end + 1]):
                continue
        hits.append((s, end + 1, (suf, typ, strength)))
    hits = leftmost_longest(hits)
    out: list[Mention] = []
    roles = _zh_roles(id(lex), lex)
    words = _words(id(lex), lex)
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
        if not suf.isascii() and (roles.at(text, s) is not None or roles.at(text, e - 1) is not None) and \
                roles.at(text, e) is None:
            continue
        # a weak ending right after a legal name (…有限公司|投资5亿元) is the next word, not an ending
        if out and out[-1].end == s and strength == "weak" and out[-1].surface.endswith(LEGAL_ENDINGS):
            continue
        # 顺丰控股投资设立: 投资 before a founding verb is the verb, not an ending
        if strength == "weak" and suf == "投资" and text.startswith(words.founding, e):
            continue
        # a weak ending before 市场/行业/产业/领域 (中国资本市场, 汽车行业) names an industry, not a company
        if strength == "weak" and not suf.isascii() and text.startswith(words.industry, e):
            continue
        # …and before a noun of a class of companies that ends its phrase (美国科技|企业也, 福州汽车|经销商，: rule
        # zh.entity.class_head) it is a modifier, no ending (…投资企业（有限合伙） is a legal name; …半导体企业Vextron
        # a description the name after it replaces, drop_descriptions)
        if strength == "weak" and not suf.isascii() and words.class_head.match(text, e):
            continue
        # a weak ending followed by an amount, after 向/对 in its clause (向优步全球投资10亿美元), is the
        # verb, not an ending
        if strength == "weak" and not suf.isascii() and words.amount_after.match(text, e) and \
                re.search(r"[向对][^，。；,;！？!?\n]*$", text[max(0, s - 20):s]):
            continue
        # a weak ending whose last character starts a longer word (网络|部分股权) is no ending
        if strength == "weak" and not suf.isascii() and \
                nlp.word_cut_at(text, e - 1, e):
            continue
        # several endings in a row (科技 + 有限公司): the last one decides, scanned from the first
        if out and not suf.isascii() and (out[-1].end == s or (
                (suf in LEGAL_ENDINGS or text.startswith(LEGAL_ENDINGS, s))
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
        if text.startswith(words.joint, start) and any(m.end == start for m in taken + out) and e - start > 4:
            start += 2      # 星海科技联合蓝鲸网络: the conjunction after a name opens no name
        surface = text[start:e]
        if surface in lex.generic or len(surface) < 2 or no_name(surface):
            continue
        if len(surface) - len(suf) == 1 and text[start - 1:start] in _STAY_VERBS:
            continue        # 在华投资, 来华投资: a place word after 在/来, no one-character name
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
    inside = nlp.word_cut_at(text, s, s)
    straddle = (inside[0], inside[2], inside[3]) if inside else None
    scan_to = s
    if strength == "weak" and nlp.word_cut_at(text, e - 1, e):
        return None    # 知网启动|网络安全: a weak ending whose last character starts a longer word
    if straddle:
        p0, w, t = straddle
        if s - p0 <= 1 and strength == "weak" and w not in lex.entities:
            return None
        if w in lex.generic or w in stop_words(id(lex), lex):
            return None
        scan_to = p0
    paren = _PAREN_END.search(text[max(0, scan_to - 6):scan_to])
    if paren:
        scan_to = max(0, scan_to - 6) + paren.start()
    long_end = suf in LEGAL_ENDINGS or text.startswith(LEGAL_ENDINGS, s)
    need = strength == "weak" or (typ == "Company" and not long_end and len(suf) < 3)
    # a registered name runs longer (北京国科瑞华战略性新兴产业投资基金(有限合伙): seven words)
    res = name_before(text, scan_to, lex, need_proper=need, in_name=True, legal=long_end,
                      **({"max_len": 22, "max_words": 8} if long_end else {}))
    glued = glued_at.get(res[0] if res else scan_to)
    if glued and (typ != "Company" or glued[0].type == "Company"):
        res = (glued[0].start, [(glued[0].surface, "nt")] + (res[1] if res else []))
        if typ == "Regulator" and glued[0].type == "Company":
            typ = "Organization"
    if res is None and long_end and (placed := placed_start(text, scan_to, lex)) is not None:
        res = (placed, [])      # 北京|拍拍|看看|科技有限公司: a brand of verbs after its place
    if res is None and typ == "Company" and not long_end and straddle is None and \
            (rare := rare_head(text, scan_to, suf, lex)) is not None:
        res = (rare, [(text[rare:scan_to], "n")])     # 铁牛|集团, 锤子|科技: a rare common noun as the brand
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
    cut = max((text.rfind(w, start, e) + len(w) for w in _words(id(lex), lex).stake_list if text.rfind(w, start, e) >= 0),
              default=start)
    start = max(start, cut)
    num = _NUMBER_HEAD.match(text, start, e)
    if num:
        start = num.end()       # (2018)京04民初297号|惠尔…有限公司: a case or street number opens no name
    if typ == "Company":
        start = name_head(text, start, s, lex)      # 中|江信托: the brand's head the scan cut
    return start, typ


_NUMBER_HEAD = re.compile(r"[0-9０-９]+[号號]")

_PLACE_CHARS = set("省市区县州盟旗镇郡")
_STAY_VERBS = set("在来赴访驻于离返")


def _court_named(prefix: str, lex: Lexicon) -> bool:
    """A discovered court needs a place or a name before its ending (北京市朝阳区人民法院, 曼海姆地区法院,
    杭州互联网法院); 烧进法院 (a verb phrase) or 中国法院 (courts in general) is none."""
    prefix = prefix.strip()
    words = _words(id(lex), lex)
    if not prefix or prefix in words.not_court_place:
        return False
    if prefix.isascii():
        return any(c.isalpha() for c in prefix)
    if any(c in _PLACE_CHARS for c in prefix) or prefix in lex.entities:
        return True
    if prefix.endswith(words.court_prefix_end):
        return True
    toks = nlp.tagged(prefix)
    # a place jieba tags as a name (拉萨|nrt, 萧山|nr) or a proper noun; an unknown word of three or more
    # characters (a transliteration); never a verb or function word
    if any((t or "")[:1] in ("v", "d", "p", "u", "c", "r", "m", "q") for w, t in toks):
        return False
    return any(t in ("ns", "nr", "nrt", "nz", "nt") for w, t in toks) or (len(prefix) >= 3 and all(t is None for w, t in toks))




def stock_mentions(text: str, lex: Lexicon, taken: list[Mention]) -> list[Mention]:
    """Listed companies written with their stock code (shapes: tickers.tsv): 鲁北化工(600727),
    中珠医疗(600568.SH), 优步（UBER.N）; a year in brackets is none."""
    out: list[Mention] = []
    for m in ticker_pattern().finditer(text):
        p = m.start()
        if any(x.end == p for x in taken):
            continue
        res = name_before(text, p, lex, need_proper=False, in_name=True, max_len=10)
        if not res:
            continue
        start = ticker_head(text, res[0], p, lex)     # 中|创新航（03931.HK）: the head the scan cut
        surface = text[start:p]
        if len(surface) < 2 or surface in lex.generic:
            continue
        out.append(Mention(start, p, surface, "Company", surface, "pattern"))
    return out


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


_TITLE = re.compile(r"《([^《》\n]{1,16})》|「([^「」\n]{1,16})」")


def product_mentions(text: str, lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    words = _words(id(lex), lex)
    for m in _TITLE.finditer(text):
        g = 1 if m.group(1) else 2
        name = m.group(g).strip()
        if not name or any(w in name for w in words.doc_words) or len(name) > 12 or name.endswith(words.doc_ends):
            continue
        if g == 2 and _quoted_word(text, m.end(), name, lex):
            continue
        typ = "Organization" if name.endswith(words.media_end) else "Product"
        out.append(Mention(m.start(g), m.end(g), name, typ, name, "pattern"))
    return out


# jieba tags of a common word: a quoted span that is one of them alone is a word quoted, no name
_COMMON_TAGS = frozenset({"n", "v", "vn", "a", "ad", "an", "d", "i", "l"})
# tags that make a longer quoted span a clause (a saying, a policy): verbs, adverbs, conjunctions,
# prepositions, numerals and pronouns (两只大象, 我们)
_CLAUSE_TAGS = frozenset({"v", "d", "c", "p", "m", "r"})


def _quoted_word(text: str, after: int, name: str, lex: Lexicon) -> bool:
    """Rule zh.entity.quoted_word: a span in 「」 (the quotation marks of Traditional and Hong Kong
    writing, where a word or saying is quoted far more often than a product is named) that is one
    common word (「三角戀」, 「緩議」), a clause of six characters or more with a verb, adverb, numeral or pronoun in it
    (「兩隻大象很難一起跳舞」), or a word followed by what it names (「資料偵測」功能: modifiers.tsv kind
    quoted_kind_after) is no product.  A span with a name ending (「日月光投資控股公司」) or Latin letters is
    a name as before; 《》 titles are left alone (films, games, papers)."""
    if not any("\u4e00" <= c <= "\u9fff" for c in name) or any(c.isascii() and c.isalpha() for c in name):
        return False
    if any(name.endswith(suf) for suf, _, _ in lex.suffixes if not suf.isascii()):
        return False
    if text.startswith(tuple(lex.words("quoted_kind_after")), after):
        return True
    toks = nlp.tagged(name)
    if len(toks) == 1:
        return toks[0][1] in _COMMON_TAGS
    return len(name) >= 6 and any(t in _CLAUSE_TAGS for _, t in toks)


def discover(text: str, lex: Lexicon, lexm: list[Mention]) -> list[Mention]:
    found = suffix_mentions(text, lex, lexm)
    found += stock_mentions(text, lex, lexm + found)
    found += person_mentions(text, lex)
    found += product_mentions(text, lex)
    return found


def _only_frame(rest: str, lex: Lexicon) -> bool:
    """True when `rest` (the parts of a long name around a known name) is only places and legal
    endings: 北京…科技有限公司."""
    frame_words = _words(id(lex), lex).frame_words
    for part in rest.split("|"):
        while part:
            for w in frame_words:
                if part.endswith(w):
                    part = part[: -len(w)]
                    break
            else:
                break
        if not part:
            continue
        toks = nlp.tagged(part)
        if not all(t == "ns" or w in frame_words for w, t in toks):
            return False
    return True


def merge(text: str, lex: Lexicon, lexm: list[Mention], found: list[Mention]) -> list[Mention]:
    """Combine lexicon and discovered mentions; a discovered span that contains a lexicon name of a
    compatible type becomes that entity's alias; otherwise the longer span wins."""
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
            elif f.source == "pattern" and len(inner) == 1 and inner[0].start == f.start and inner[0].end == f.end:
                continue    # the very span of a known name (执行长賈伯斯): the lexicon entity it is
            for m in inner:
                absorbed.add(id(m))
        result.append(f)
    for m in lexm:
        if id(m) not in absorbed:
            result.append(m)
    return [m for s, e, m in leftmost_longest([(m.start, m.end, m) for m in result])]
