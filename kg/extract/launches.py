"""Product launches whose product the lexicon does not know: `zh.launch.model`, `zh.launch.quoted`.

    X (正式/近日/高调…) 发布/推出/上线 (了) (一款/全新的/旗下…) <description> <name>

The name is the product X launches when it is a model name (Latin letters, with digits or a known
brand glued before it: Switch Lite, 华为Mate X, 魅族16T) — `zh.launch.model` — or a quoted name
(“蓝色月亮”, 《勇者斗恶龙WALK》) — `zh.launch.quoted`.  The maker is the company named right before
the verb in its clause (only adverbs, a date or 在…上 between), or a Latin brand opening the clause
(Satechi推出…), which becomes a Company.  Only the name is the product, not its description
(便携掌机Switch Lite -> Switch Lite), so a graph holds one node per model.

Narrower rules (a `.suffix` on the rule, measured apart, falling back to the parent's confidence):
`.apposed` — the name after a colon that ends a description (发布了旗下第2款5G手机：三星A90 5G版);
`.own_venue` — the maker's own name in its venue (小米在北京小米科技园发布…); `.described` — the name
after the description of what the product uses or shows (7nm Navi架构的RX 5700); `zh.launch.model.series` —
an unknown series name glued to its model number (骁龙855 Plus, 锐龙3000系列; not 售价2999元, 首批100款).

Not launches: reports, filings and statements (发布公告, 发布财报, 推出…政策: `launch_not_object`),
specifications and technologies (7nm, 5G, AI: `launch_not_name`), a verb of another's act
(联合X推出: the partner is a maker too, read as a list).  Word lists: `ontology/lexicon/modifiers.tsv`
kinds `launch_verb`, `launch_lead`, `launch_not_object`, `launch_not_name`, and those `_patterns` names
(`spec_unit`, `counted_unit`, `launch_leader_title`, …).

`launch_mentions` adds the names (per sentence, beside the trigger-slot discovery of `discover_args`);
`launch_relations` reads the facts once the names are mentions.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg import nlp
from kg.extract.mentions import Mention
from kg.extract.latin_parties import described
from kg.lexicon import Lexicon

MAKER_TYPES = ("Company", "Organization")
_BREAK = re.compile(r"[，,。；;！!？?：:\n（(【\[]|\s{2}")
_QUOTED = re.compile(r"[“\"「《]([^“”\"「」《》\n]{2,20})[”\"」》]")
# a Latin model: words of letters/digits (Mate X, Reno 2, LT18i, USB-C), spaces between words
_LATIN = re.compile(r"(?<![A-Za-z0-9.\-+])[A-Za-z0-9][A-Za-z0-9+\-.]*(?: [A-Za-z0-9+][A-Za-z0-9+\-.]*){0,4}")
_DATE_LEAD = re.compile(r"(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}年|\d{1,2}月|\d{1,2}日)$")
_VENUE = re.compile(r"(?<![正现存所实好])在[^，,。；;！？\n]{1,20}?$")
_STOCK_CODE = re.compile(r"[0-9]{4,6}(?:\.[A-Za-z]{2})?|[A-Za-z]{2}[0-9]{4,6}")
_CJK1 = re.compile(r"[\u4e00-\u9fff](?=[A-Za-z])")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")
_LATIN_MAKER = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9&]*(?: [A-Z][A-Za-z0-9&]*)?)\s*$")


class _Rx(NamedTuple):
    """The frames' patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    item_split: re.Pattern
    spec: re.Pattern
    used: re.Pattern
    attribute: re.Pattern
    numbered: re.Pattern
    counted: re.Pattern
    title: re.Pattern
    for_: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The frames' patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    return _Rx(
        item_split=re.compile(alt("launch_item_split")),
        # a specification, not a name: 7nm, 72W, 128GB, 65英寸, 2019
        spec=re.compile(rf"^[0-9.]+\s*(?:{alt('spec_unit')})?$", re.I),
        # what a product is built on or shows is not the product: 基于SAAB技术, 搭载骁龙855, LGBTQI+主题
        used=re.compile(alt("launch_used")),
        attribute=re.compile(rf"\s?(?:{alt('launch_attribute')})"),
        numbered=re.compile(rf"[0-9]+[A-Za-z]*(?: ?(?:{alt('model_suffix')}|[A-Za-z]{{1,3}}))?(?![0-9])"),
        counted=re.compile(rf"[0-9.]*(?:{alt('counted_unit')}|G\b)"),
        # a leader's title between the company and the person: 轮值董事长, 消费者业务CEO, 总裁兼首席执行官
        title=re.compile(rf"(?:的)?[\u4e00-\u9fff]{{0,6}}?(?:{alt('launch_leader_title')})"
                         rf"(?:兼(?:{alt('launch_second_title')}))?\s?"),
        # a beneficiary or an audience between the maker and the verb: 为WhatsApp, 向全球, 面向开发者
        for_=re.compile(rf"(?:{alt('launch_audience_prep')})[^，,。；;！？\n]{{1,16}}?$"),
    )


@functools.lru_cache(maxsize=4)
def _words(lex_id: int, lex: Lexicon) -> tuple:
    by_len = lambda ws: tuple(sorted(ws, key=len, reverse=True))     # noqa: E731
    return (by_len(lex.words("launch_verb")), by_len(lex.words("launch_lead")),
            tuple(lex.words("launch_not_object")), frozenset(w.lower() for w in lex.words("launch_not_name")),
            frozenset(lex.words("launch_alone")))


def _frames(text: str, ss: int, se: int, mentions: list[Mention], lex: Lexicon):
    """(verb start, verb end, verb, maker (start, end), [(start, end, rule)] products) per launch verb."""
    verbs, leads, not_object, not_name, alone = _words(id(lex), lex)
    if not verbs:
        return
    rx = _patterns(id(lex), lex)
    named = None
    for mv in _verb_re(verbs).finditer(text, ss, se):
        v, vs, ve = mv.group(0), mv.start(), mv.end()
        if named is None:
            named = [m for m in mentions if m.source != "coref"]
        if any(m.start <= vs and ve <= m.end and m.end - m.start > ve - vs for m in named):
            continue        # a verb inside a name
        lead = _lead_start(text, ss, vs, named, leads, rx)
        # the maker's own name in the venue it launches at (小米在北京小米科技园发布…): zh.launch.*.own_venue
        venue = "" if not any(x.start >= lead and x.end <= vs and x.type in MAKER_TYPES for x in named) else ".own_venue"
        # 上市, 亮相 take no object (香港上市公司X: no launch of X)
        got = None if v in alone else _maker(text, ss, lead, named, rx) or _chained_maker(text, ss, lead, named, rx)
        if got is not None:
            ms, me, how = got
            products = _products(text, ve, se, named, not_object, not_name, rx)
            if products:
                yield vs, ve, v, (ms, me), [
                    (a, b, (r.replace("zh.launch.", f"zh.launch.{how}_") if how else r)
                     + (venue if not r.endswith(".apposed") else "")) for a, b, r in products]
            continue
        # 推送 takes an object (苹果推送iOS 13.7); alone it is a noun (弹窗推送), no launch
        said = None if v in lex.words("launch_transitive") else _said_launched(text, ss, lead, ve, se, named,
                                                                                 not_object, not_name, rx)
        if said:
            yield vs, ve, v, said[0], [said[1]]


@functools.lru_cache(maxsize=8)
def _verb_re(verbs: tuple) -> re.Pattern:
    return re.compile("|".join(map(re.escape, verbs)))      # longest first: `verbs` is sorted so


def _lead_start(text: str, ss: int, vs: int, named: list[Mention], leads: tuple, rx: _Rx) -> int:
    """Where the adverbs, dates and venue before the verb begin (近日正式, 于8月27日, 在发布会上)."""
    p = vs
    for _ in range(8):
        before = text[ss:p]
        w = next((w for w in leads if before.endswith(w)), None)
        if w:
            p -= len(w)
            continue
        m = _DATE_LEAD.search(before) or _VENUE.search(before) or rx.for_.search(before)
        # a venue or a beneficiary holds no company (苹果在三星推出…后: 三星 launches, not 苹果) — but the
        # maker's own name in its venue is none other (小米在北京小米科技园发布: zh.launch.*.own_venue)
        own = next((x.name for x in named if m and x.end == ss + m.start() and x.type in MAKER_TYPES), None)
        if m and m.start() < len(before) and not any(
                (ss + m.start() <= x.start and x.end <= p and x.type in MAKER_TYPES + ("Person",) and x.name != own)
                or x.start < ss + m.start() < x.end for x in named):
            p = ss + m.start()
            p -= 1 if text[p - 1:p] == "于" else 0
            continue
        break
    while p > ss and text[p - 1] == " ":
        p -= 1
    return p


def _maker(text: str, ss: int, p: int, named: list[Mention], rx: _Rx) -> tuple[int, int, str] | None:
    """The maker's span ending at `p` (where the words before the verb begin): a known
    Company/Organization, the company of a leader named there (how: "leader"), or a Latin brand
    opening its clause."""
    m = next((m for m in named if m.end == p and m.type in MAKER_TYPES), None)
    if m is not None:
        return m.start, m.end, ""
    person = next((m for m in named if m.end == p and m.type == "Person"), None)
    if person is not None:
        # 华为轮值董事长胡厚崑…发布: the company whose leader speaks for it (its name, a title, the person)
        org = next((m for m in named if m.type in MAKER_TYPES and 0 < person.start - m.end <= 12
                    and rx.title.fullmatch(text, m.end, person.start)), None)
        return (org.start, org.end, "leader") if org is not None else None
    if any(m.end == p for m in named):
        return None       # a product before the verb: not this rule's frame
    lm = _LATIN_MAKER.search(text, ss, p)
    if lm and lm.end() == p:
        s = lm.start(1)
        # the brand opens its clause (after a date, a pause or a bracketed tag: 【CNMO新闻】Satechi)
        head = text[ss:s]
        if (s == ss or head[-1:] in "，,。；;】]） " or _DATE_LEAD.search(head)) and len(lm.group(1)) >= 2:
            return s, lm.end(1), ""
    return None


def _chained_maker(text: str, ss: int, p: int, named: list[Mention], rx: _Rx) -> tuple[int, int, str] | None:
    """A subject-less clause (…，正式发布Y) goes on with the company that opens the sentence
    (华为在深圳举办发布会，正式发布Y), when no other company or person is named before the verb."""
    if p <= ss or text[p - 1] not in "，,":
        return None
    before = [m for m in named if ss <= m.start and m.end <= p]
    makers = [m for m in before if m.type in MAKER_TYPES]
    if not makers or len({m.name for m in makers}) != 1 or any(m.type == "Product" for m in before):
        return None
    # a person only as the company's leader speaking for it (华为消费者业务CEO余承东在IFA展上，面向全球发布…)
    if any(m.type == "Person" and not any(0 < m.start - c.end <= 12 and rx.title.fullmatch(text, c.end, m.start)
                                          for c in makers) for m in before):
        return None
    first = makers[0]
    head = text[ss:first.start].rstrip(" ")
    if head and not (_DATE_LEAD.fullmatch(head.rstrip("，,")) or head[-1:] in "，,】]"):
        return None
    return first.start, first.end, "chain"


def _said_launched(text: str, ss: int, lead: int, ve: int, se: int, named: list[Mention],
                   not_object: tuple, not_name: frozenset, rx: _Rx):
    """Y (正式) 发布/上市 with no object: the maker is the brand opening Y (比亚迪S2正式上市,
    三星最强5G芯片Exynos980发布) — rule zh.launch.intransitive."""
    if ve < se and text[ve] not in "，,。；;！!：: \n" or "的" in text[lead - 1:lead]:
        return None       # …的弹窗推送: the verb is a noun there
    a = max([ss] + [i + 1 for i in range(ss, lead) if text[i] in "，,。；;！!？?：:【】[]"])
    span = text[a:lead]
    if not span or len(span) > 30 or any(w in span for w in not_object):
        return None
    brand = next((m for m in named if m.start == a and m.type in MAKER_TYPES), None)
    if brand is None:
        # read again once the model is a name: the brand is its owner (比亚迪秦Pro ev)
        made = next((m for m in named if m.start == a and m.end <= lead and m.type == "Product" and m.owner
                     and "的" not in text[m.end:lead]), None)
        return ((a, a), (made.start, made.end, "zh.launch.intransitive")) if made else None
    got = _name_in(text, brand.end, lead, named, not_name, rx, brand)
    if not got or got[2] != "zh.launch.model":
        return None
    return (brand.start, brand.end), (got[0], got[1], "zh.launch.intransitive")


def _products(text: str, ve: int, se: int, named: list[Mention], not_object: tuple,
              not_name: frozenset, rx: _Rx) -> list[tuple[int, int, str]]:
    q = ve
    if text.startswith("了", q):
        q += 1
    stop = _BREAK.search(text, q, se)
    end = stop.start() if stop else se
    span = text[q:end]
    if not span or any(w in span for w in not_object):
        return []
    out = _items(text, q, end, named, not_name, rx)
    if not out and stop and stop.group(0) in "：:" and not _BREAK.match(text, stop.end()):
        # a description, then the name after a colon (发布了旗下第2款5G手机：三星A90 5G版):
        # zh.launch.*.apposed
        stop2 = _BREAK.search(text, stop.end(), se)
        end2 = stop2.start() if stop2 else se
        if not any(w in text[stop.end():end2] for w in not_object):
            out = [(a, b, r + ".apposed") for a, b, r in _items(text, stop.end(), end2, named, not_name, rx)]
    return out


def _items(text: str, q: int, end: int, named: list[Mention], not_name: frozenset,
           rx: _Rx) -> list[tuple[int, int, str]]:
    """The product named in each listed item of text[q:end] (A、B和C)."""
    out: list[tuple[int, int, str]] = []
    a = q
    for cut in list(rx.item_split.finditer(text, q, end)) + [None]:
        b = cut.start() if cut else end
        got = _name_in(text, a, b, named, not_name, rx)
        if got:
            out.append(got)
        a = cut.end() if cut else end
    return out


def _name_in(text: str, a: int, b: int, named: list[Mention], not_name: frozenset, rx: _Rx,
             brand: Mention | None = None) -> tuple[int, int, str] | None:
    """The product name inside one listed item text[a:b] (`brand`: the maker named right before it)."""
    qm = _QUOTED.search(text, a, b)
    if qm:
        s, e = qm.start(1), qm.end(1)
        if qm.group(1).strip().lower() not in not_name:
            return s, e, "zh.launch.quoted"
        return None
    for lm in _LATIN.finditer(text, a, b):
        if text[lm.start() - 1:lm.start()] in ("(", "（") or _STOCK_CODE.fullmatch(lm.group(0)):
            continue         # 嘉宏教育(01935.HK): a stock code, not a product
        if rx.used.search(text, a, lm.start()) or rx.attribute.match(text, lm.end(), b):
            # 基于SAAB技术打造的…, LGBTQI+主题的壁纸: what the product uses or shows is not the product;
            # its name may follow the 的 that ends the description (7nm Navi架构的RX 5700): .described
            k = text.find("的", lm.end(), b)
            got = _name_in(text, k + 1, b, named, not_name, rx) if k >= 0 else None
            return (got[0], got[1], got[2] + ".described") if got and got[2].startswith("zh.launch.model") else None
        s, e = lm.start(), lm.end()
        # a known brand glued before the model is part of its name (华为Mate X, 小米9 Pro, 魅族16T)
        glued = next((m for m in named if m.end == s and m.start >= a and m.type in ("Company", "Product")), None)
        if glued is None and brand is not None and (s == brand.end or (
                s - brand.end == 1 and _CJK1.match(text, brand.end))):
            glued = brand     # 华为Mate X, 比亚迪秦Pro ev (the series character between brand and model)
        # a model already read as a name that ends with this run (比亚迪S2)
        whole = next((m for m in named if m.start < s and m.end == e and m.start >= a and m.type == "Product"), None)
        if whole is not None:
            return whole.start, whole.end, "zh.launch.model"
        if glued is not None:
            if lm.group(0).lower() in not_name or rx.counted.match(text, s, b) or re.fullmatch(r"[0-9]+\.[0-9.]*", lm.group(0)):
                continue      # 中国医疗网络27.62%: a share, not a model
            return glued.start, e, "zh.launch.model"
        words = lm.group(0).split(" ")
        while words and (rx.spec.match(words[0]) or words[0].lower() in not_name):
            words.pop(0)      # 72W USB-C PD: the specification before the name
        name = " ".join(words)
        if len(name) < 2 or not re.search(r"[A-Za-z]", name) or name.lower() in not_name or rx.spec.match(name):
            continue
        s = lm.start() + lm.group(0).index(name)
        return s, s + len(name), "zh.launch.model"
    # a known brand glued to a model number: 魅族16T, 荣耀20
    for m in named:
        if a <= m.start and m.end < b and m.type in ("Company", "Product"):
            mm = rx.numbered.match(text, m.end, b)
            if mm and not rx.counted.match(text, m.end, b):
                return m.start, mm.end(), "zh.launch.model"
    return _series_model(text, a, b, not_name, rx)


_SERIES_TAGS = (None, "nz", "nt")      # a word the dictionary does not know, or a proper noun


def _series_model(text: str, a: int, b: int, not_name: frozenset, rx: _Rx) -> tuple[int, int, str] | None:
    """An unknown series name glued to its model number (骁龙855 Plus, 锐龙3000系列, 酷睿i7-8086K):
    zh.launch.model.series.  The series is the last word before the number, two to four Chinese
    characters the dictionary does not know (or tags a proper noun): 售价2999元, 全国30个, 首批100款 are
    no model (common words, or a count)."""
    for lm in _LATIN.finditer(text, a, b):
        run = lm.group(0)
        if not re.search(r"[0-9]", run) or rx.counted.match(text, lm.start(), b):
            continue
        if rx.used.search(text, a, lm.start()) or rx.attribute.match(text, lm.end(), b):
            return None
        toks = nlp.tagged(text[a:lm.start()])
        if not toks:
            continue
        w, t = toks[-1]
        if not (2 <= len(w) <= 4 and _CJK_WORD.fullmatch(w) and t in _SERIES_TAGS and w.lower() not in not_name):
            continue
        words = run.split(" ")
        while len(words) > 1 and (words[-1].lower() in not_name or rx.spec.match(words[-1])):
            words.pop()       # 麒麟990 5G -> 麒麟990
        return lm.start() - len(w), lm.start() + len(" ".join(words)), "zh.launch.model.series"
    return None


def launch_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """New names a launch frame of the sentence text[ss:se] reads: its products, and a Latin maker."""
    out: list[Mention] = []
    taken = list(sm)

    def free(s: int, e: int) -> bool:
        return not any(m.start < e and s < m.end for m in taken + out)

    for vs, ve, v, (ms, me), products in _frames(text, ss, se, sm, lex):
        if me > ms and not any(m.start == ms and m.end == me for m in taken + out) and free(ms, me):
            out.append(Mention(ms, me, text[ms:me], "Company", text[ms:me], "pattern"))
        for s, e, _ in products:
            if any(m.start == s and m.end == e for m in taken + out):
                continue
            inside = [m for m in taken + out if m.start < e and s < m.end]
            # a known brand opening the model (华为 in 华为Mate X) gives way to the model's name
            if all(m.start == s and m.end < e for m in inside):
                for m in inside:
                    if m in out:
                        out.remove(m)
                # the brand is the product's owner (比亚迪 of 比亚迪S2): kept as an entity through it
                owner = next((m.name for m in inside if m.type in MAKER_TYPES and m.source == "lexicon"), None)
                out.append(Mention(s, e, text[s:e], "Product", text[s:e], "pattern", owner=owner))
    return out


def without_inner(mentions: list[Mention], names: list[Mention], lex: Lexicon) -> list[Mention]:
    """`mentions` less those strictly inside one of the new `names` (华为 in 华为Mate X), and the found
    (not lexicon) ones that cut into one (全球知名品牌K in …品牌K-Swiss) or only describe it (芯片设计品牌Nexora)."""
    return [m for m in mentions if not any(
        (x.start <= m.start and m.end <= x.end and (x.start, x.end) != (m.start, m.end)) or
        (m.source != "lexicon" and m.start < x.end and x.start < m.end and (x.start, x.end) != (m.start, m.end)
         and not (m.start <= x.start and x.end <= m.end)) or described(m, x.start, x.end, lex)
        for x in names)]


def launch_relations(text: str, ss: int, se: int, mentions: list[Mention], lex: Lexicon) -> list:
    """`launches` facts of the sentence text[ss:se], when both sides are mentions, as (subject, object,
    type, start, end, trigger, rule): relations.py makes them candidates (no import back into it)."""
    out = []
    for vs, ve, v, (ms, me), products in _frames(text, ss, se, mentions, lex):
        maker = next((m.name for m in mentions if m.start == ms and m.end == me and m.type in MAKER_TYPES), None)
        for s, e, rule in products:
            prod = next((m for m in mentions if m.start == s and m.end == e and m.type == "Product"), None)
            # 比亚迪S2正式上市: the maker is the owner glued into the product's name
            who = maker or (prod.owner if prod is not None and prod.start == ms else None)
            if prod is None or who is None or prod.name == who:
                continue
            out.append((who, prod.name, "launches", vs, ve, v, rule))
    return out
