"""Short forms that name an entity already mentioned: an announced one (X（以下简称“Y”）), a legal
name's unannounced one (微梦公司 for 北京微梦创科网络技术有限公司), and a court's (重庆一中院 for
重庆市第一中级人民法院).  Each such mention takes the full name, so one entity is not counted twice.
"""
from __future__ import annotations

import bisect
import functools
import operator
import re

from kg import nlp
from kg.extract.discover_names import LEGAL_ENDINGS
from kg.extract.mentions import CJK, Mention, framed_as_name, occurrences, word_aligned
from kg.extract.name_spans import plausible_name
from kg.extract.wordindex import Words
from kg.lexicon import Lexicon

_ALIAS_PAREN = re.compile(r"[(（](?P<kw>以下简称|以下称|下称|下文简称|简称|以下统称)?[:：]?\s*[“\"「『]?(?P<y>[^“”\"「」『』()（）,，。；\n]{2,12}?)[”\"」』]?[)）]")


def _subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(c in it for c in short)


class _Spans:
    """The mentions of a changing list by start, so that those near a span are found by bisection, not
    by a scan of the whole list for every occurrence of a short form (long articles: quadratic)."""

    def __init__(self, mentions: list[Mention]):
        self.keys = sorted((m.start, i) for i, m in enumerate(mentions))
        self.objs = {i: m for i, m in enumerate(mentions)}
        self.longest = max((m.end - m.start for m in mentions), default=0)
        self.n = len(mentions)

    def near(self, a: int, b: int) -> list[Mention]:
        """Every mention starting between a - (the longest mention's length) and b: all those inside
        or crossing [a, b)."""
        lo = bisect.bisect_left(self.keys, (a - self.longest, -1))
        hi = bisect.bisect_right(self.keys, (b, self.n))
        return [self.objs[i] for _, i in self.keys[lo:hi]]

    def add(self, m: Mention) -> None:
        self.objs[self.n] = m
        bisect.insort(self.keys, (m.start, self.n))
        self.longest = max(self.longest, m.end - m.start)
        self.n += 1

    def drop(self, m: Mention) -> None:
        k = bisect.bisect_left(self.keys, (m.start, -1))
        while self.objs[self.keys[k][1]] is not m:
            k += 1
        del self.objs[self.keys[k][1]], self.keys[k]


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
        spans = _Spans(out)
        for a, b in occurrences(text, y):
            if a < full.end and full.start < b:
                continue
            near = spans.near(a, b)
            inside = [m for m in near if a <= m.start and m.end <= b]
            if any(m.start < a < m.end or m.start < b < m.end for m in near):
                continue
            # the short form must stand alone (not part of a longer word like 光电公司 in 新光电公司)
            if len(y) == 2 and a != ypos and CJK.match(y[0]) and not (word_aligned(text, a, b) or framed_as_name(text, a, b, lex)):
                continue
            for m in inside:
                spans.drop(out.pop(out.index(m)))
            out.append(Mention(a, b, name, typ, y, "alias"))
            spans.add(out[-1])
    out.sort(key=operator.attrgetter("start", "end"))
    return out


_SHORT_ENDS = ("公司", "集团")


def _legal_core(name: str, places: tuple[str, ...]) -> str | None:
    """北京淘友天下技术有限公司 -> 淘友天下技术: a legal name without its place and legal ending."""
    end = next((x for x in sorted(LEGAL_ENDINGS, key=len, reverse=True) if name.endswith(x)), None)
    if end is None:
        return None
    core = name[:-len(end)]
    core = re.sub(r"[(（][\u4e00-\u9fff]{2,4}[)）]", "", core)
    for p in places:
        if core.startswith(p) and len(core) - len(p) >= 2:
            core = core[len(p):]
            break
    return core if len(core) >= 2 else None


@functools.lru_cache(maxsize=4)
def place_prefixes(lex_id: int, lex: Lexicon) -> tuple[str, ...]:
    """The places a registered name opens with (modifiers.tsv kind name_place), longest first."""
    return tuple(sorted(lex.words("name_place"), key=len, reverse=True))


def legal_short_forms(text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """A short form used without being announced: 微梦公司, 淘友技术公司 for 北京微梦创科网络技术有限公司,
    北京淘友天下技术有限公司 (the short form's core opens the full name's core, after its place, and its
    characters follow in order).  Every such mention is the full name; an ambiguous one is left alone.
    A discovered name that only adds a description before the short form (运营主体微梦公司) is cut to it."""
    places = place_prefixes(id(lex), lex)
    fulls = [(m, _legal_core(m.surface, places)) for m in mentions
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
                and _legal_core(m.surface, places) is None:
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


_COURT_FULL = re.compile(r"^(?P<p>.+?)(?:第(?P<n>[一二三四五六七八九十]+)中级人民法院|(?P<mid>中级人民法院)|"
                         r"(?P<high>高级人民法院)|(?P<ip>知识产权法院)|(?P<base>人民法院))$")


def _place_forms(p: str) -> list[str]:
    """重庆市 -> [重庆市, 重庆]; 广东省 -> [广东省, 广东]; 北京市海淀区 -> [北京市海淀区, 北京海淀区, 海淀区,
    海淀]: a place with and without its administrative words."""
    forms = [p]
    for w in ("省", "市"):
        if p.endswith(w) and len(p) - len(w) >= 2:
            forms.append(p[:-len(w)])
    j = p.find("省")
    if 0 < j < len(p) - 2 and p.endswith("市") and "市" not in p[:-1]:
        # 福建省泉州市 -> 泉州市, 泉州: a city court is named without its province (泉州中院)
        city = p[j + 1:]
        forms += [city, city[:-1]] if len(city) >= 3 else [city]
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
        return ["最高法", "最高院", "最高法院"]
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
    in the same article is that court: the mention takes the full name; so is a tribunal of a court the
    article names (最高人民法院知识产权法庭 beside 最高人民法院)."""
    courts = {m.name for m in mentions if m.type == "Court" and m.source != "coref"}
    if len(courts) < 2:
        return mentions
    # names compared in Simplified characters (a Traditional article's 最高法院 is 最高人民法院's short form)
    simp = {nlp.to_simplified(c): c for c in courts}
    short: dict[str, str] = {}
    for full in courts:
        for a in court_abbreviations(nlp.to_simplified(full)):
            if a in simp and simp[a] not in short and simp[a] != full:
                short[simp[a]] = full
    # 最高人民法院知识产权法庭 beside 最高人民法院: a tribunal inside a court the article names is that court
    for c in courts:
        parent = next((p for p in courts if p != c and c.startswith(p) and c.endswith("法庭")), None)
        if parent is not None and c not in short:
            short[c] = short.get(parent, parent)
    if not short:
        return mentions
    return [Mention(m.start, m.end, short[m.name], m.type, m.surface, m.source, m.owner)
            if m.type == "Court" and m.name in short else m for m in mentions]


@functools.lru_cache(maxsize=4)
def _weak_endings(lex_id: int, lex: Lexicon) -> Words:
    return Words(sorted((s for s, t, _ in lex.suffixes if t == "Company" and not s.isascii()
                         and not s.endswith("公司")), key=len, reverse=True))


def bare_heads(text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """A company written first with its trade word (菜鸟网络, 星海科技, 蓝鲸集团) and later by its bare
    head (菜鸟指责顺丰…, 指控菜鸟利用…): every later head the segmenter reads as a word (or that stands
    where a name stands) is that company.  A head that is another known name, a generic word, or
    that two companies of the article share is left alone."""
    weak = _weak_endings(id(lex), lex)
    heads: dict[str, tuple[Mention, int]] = {}
    shared: set[str] = set()
    for m in mentions:
        if m.type != "Company" or m.source == "coref":
            continue
        suf = next((s for s in weak.ending_with(m.surface) if m.surface.endswith(s) and len(m.surface) - len(s) >= 2),
                   None)
        if not suf:
            continue
        head = m.surface[:-len(suf)]
        if not all(CJK.match(c) for c in head) or head in lex.generic:
            continue
        known = lex.lookup(head)
        if known is not None and known.name != m.name:
            continue
        if head in heads and heads[head][0].name != m.name:
            shared.add(head)
        heads.setdefault(head, (m, m.end))
    if not heads:
        return mentions
    out = list(mentions)
    taken = [(m.start, m.end) for m in mentions]
    for head, (full, after) in heads.items():
        if head in shared:
            continue
        for s, e in occurrences(text, head, after):
            if any(a < e and s < b for a, b in taken):
                continue
            if not (word_aligned(text, s, e) or framed_as_name(text, s, e, lex)):
                continue
            out.append(Mention(s, e, full.name, full.type, head, "alias", full.owner))
            taken.append((s, e))
    out.sort(key=operator.attrgetter("start", "end"))
    return out




def drop_descriptions(text: str, lex: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """美国电动汽车公司特斯拉, 中国电动汽车初创企业小鹏汽车: a discovered "name" that opens with a place
    and stands right before a known company, joined to it by nothing or by nouns ending in a kind noun
    (初创企业), describes that
    company (an apposition); it is no company of its own."""
    known = [m for m in mentions if m.type == "Company" and m.source in ("lexicon", "alias")]
    if not known:
        return mentions
    kind_nouns = tuple(lex.words("description_kind_noun"))
    drop = set()
    for m in mentions:
        if m.source != "pattern" or m.type != "Company":
            continue
        nxt = next((k for k in known if 0 <= k.start - m.end <= 6), None)
        if nxt is None:
            continue
        gap = text[m.end:nxt.start]
        if gap and not all(CJK.match(c) for c in gap):
            continue
        toks = nlp.tagged(m.surface)
        if not toks or toks[0][1] != "ns" and not m.surface.startswith(_COUNTRIES):
            continue
        if gap and not (gap.endswith(kind_nouns) and all((t or "n")[:1] in "nab" for _, t in nlp.tagged(gap))):
            continue
        drop.add(id(m))
    return [m for m in mentions if id(m) not in drop] if drop else mentions
