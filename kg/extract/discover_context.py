"""Names found once the first mentions are known, from what stands around them: a product word
glued after a company (滴滴专车), a quoted name after a launch verb, a name in apposition after a buy
verb, names listed beside a known one; and other tellings of a name that one sentence's context
revealed (`repeat_mentions`).  Word lists: the modifiers.tsv kinds `_patterns` names (launch_quoted_verb,
model_noun, apposed_noun, …).
"""
from __future__ import annotations

import bisect
import functools
import operator
import re
from typing import NamedTuple

from kg import nlp
from kg.extract.discover_names import doc_words
from kg.extract.discover_people import person_at
from kg.extract.triggers import find_triggers
from kg.extract.blackboard import Blackboard
from kg.extract.mentions import CJK, Mention, clause_end, framed_as_name, occurrences, word_aligned
from kg.extract.name_spans import plausible_name
from kg.lexicon import Lexicon

_QUOTE = re.compile(r"[“「]([^“”「」\n]{2,10})[”」]")
_BRAND_NOUNS = ("品牌", "系列", "牌")
_QUOTED_RUN = re.compile(r"(?:“[^“”\n]{2,12}”){2,}")
_LATIN_LIST = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9&]{1,11})(?![A-Za-z0-9])")


class _Rx(NamedTuple):
    """The stages' patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    launched: re.Pattern
    launched_model: re.Pattern
    app_latin: re.Pattern
    kind_latin: re.Pattern
    apposed: re.Pattern
    raised: re.Pattern
    made_by: re.Pattern
    model: re.Pattern
    model_after: re.Pattern
    model_next: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The stages' patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    # a company's model written in Latin after it, with a device noun between or after (宏达电新款旗舰机
    # HTC One X, 三星Galaxy系列, 苹果的iPhone手机): the model is the company's Product
    model_noun = alt("model_noun")
    latin_model = r"([A-Za-z][A-Za-z0-9\-+]*(?: [A-Za-z0-9][A-Za-z0-9\-+]*){0,3})"
    return _Rx(
        launched=re.compile(rf"(?:{alt('launch_quoted_verb')})(?:了)?(?:(?:旗下|自家)(?:的)?)?"
                            rf"(?:[\u4e00-\u9fff]{{0,8}}?(?:{alt('launch_quoted_noun')}))?"
                            r"[“「《\"]([^”」》\"\n]{2,12})[”」》\"]"),
        # 推出首款量产车型G3, 发布新款手机Mate 20: an unquoted Latin model name after a launch verb and a
        # product category noun
        launched_model=re.compile(rf"(?:{alt('launch_model_verb')})(?:[\u4e00-\u9fff]{{0,8}}?)"
                                  rf"(?:{alt('launch_model_noun')})"
                                  r"\s?([A-Za-z][A-Za-z0-9+\-]{0,11}(?: [A-Za-z0-9+]{1,6})?)(?![A-Za-z0-9])"),
        app_latin=re.compile(rf"(?:{alt('app_latin_noun')})"
                             r"([A-Za-z][A-Za-z0-9]*(?:[.][A-Za-z]+)?(?: [A-Z][A-Za-z0-9]+){0,2})(?![A-Za-z0-9])"),
        kind_latin=re.compile(rf"(?:{alt('kind_latin_noun')})"
                              r"((?:[\u4e00-\u9fff]{2,4})?[A-Za-z0-9][A-Za-z0-9.&-]{1,14})(?![A-Za-z0-9])"),
        apposed=re.compile(rf"(?:{alt('apposed_noun')}|厂(?![家商房区]))"
                           r"([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]{1,7}?|[A-Za-z0-9][A-Za-z0-9 .&-]{1,18}[A-Za-z0-9])"
                           r"(?=[，。；,;]|$)"),
        raised=re.compile(rf"[“\"「]([^”\"」\n]{{2,12}})[”\"」](?:{alt('raised_lead')}|于[^，。]{{1,8}})*"
                          rf"(?:{alt('round_verb')})[^，。；]{{0,16}}融资"),
        made_by=re.compile(r"(?:于|在)?(?:\d{4}年)?(?:\d{1,2}月)?(?:份|初|底|中|末)?"
                           rf"(?:{alt('made_by_verb')})的"),
        model=re.compile(rf"(?:的)?(?:{alt('model_adjective')})?(?:{model_noun})?\s?" + latin_model),
        model_after=re.compile(rf"\s?(?:系列|{model_noun})"),
        model_next=re.compile(rf"(?:{alt('model_list_conj')})" + latin_model),
    )


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
            if not CJK.match(name[:1]):
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
    - a quoted name before a brand noun or after 旗下 (“未来星”品牌, 旗下的“QQ星”), and one listed with it: a
      Product, even when a known name opens the quotation;
    - a quoted name after a launch verb (推出“一号专车”), or a Latin model name after a launch verb and a
      category noun (推出首款量产车型G3): a Product;
    - a name in apposition after a category noun that a buy verb governs (收购了打车应用大黄蜂打车);
    - a Latin name listed beside a known organisation (淡马锡、DST和腾讯): that organisation's type;
    - a person listed after a person (马云及井贤栋、胡晓明)."""
    out: list[Mention] = []
    taken = list(mentions)

    def free(s: int, e: int) -> bool:
        return not any(m.start < e and s < m.end for m in taken + out)

    heads = _heads(id(lex), lex)
    replace: dict[int, Mention] = {}
    v = _Context(free=free, heads=heads, lex=lex, mentions=mentions, out=out, replace=replace, taken=taken,
                 text=text)
    for stage in _CONTEXT_STAGES:
        r = stage(v)
        if r is not _NEXT:
            return r


_NEXT = object()    # a stage's answer: go on with the next stage


class _Context(Blackboard):
    """What the stages of `context_mentions` share; a name no stage has set yet reads as None."""


def _glued_products(v: _Context):
    """A company name with a product word glued after it (滴滴专车, 阿里云): the company's Product."""
    e, heads, m, mentions, replace, taken, text = v.e, v.heads, v.m, v.mentions, v.replace, v.taken, v.text
    for m in mentions:
        if m.type == "Company" and m.source == "lexicon" and heads and text.startswith(heads, m.end):
            for h in heads:
                if text.startswith(h, m.end):
                    e = m.end + len(h)
                    if e < len(text) and CJK.match(text[e]) and text[e:e + 1] not in "上下推发被与和的在已将于也则是为等、都均":
                        break
                    if any(x.start < e and m.end < x.end for x in taken if x is not m):
                        break
                    surface = text[m.start:e]
                    replace[id(m)] = Mention(m.start, e, surface, "Product", surface, "pattern", m.name)
                    break
    v.e, v.m = e, m
    return _NEXT


def _quoted_names(v: _Context):
    """Quoted names before a brand noun or after 旗下, and the names listed with them."""
    e0, free, inside, lex, mt, name, out = v.e0, v.free, v.inside, v.lex, v.mt, v.name, v.out
    replace, s0, taken, text = v.replace, v.s0, v.taken, v.text
    if "“" in text or "「" in text:
        # “未来星”品牌经理, 旗下的“QQ星”儿童奶, “未来星”与“QQ星”分别是…: a short quoted name before a
        # brand noun or after 旗下 is a product — the whole quotation, even when a known name opens it (QQ)
        spans = [(q.start(1), q.end(1)) for q in _QUOTE.finditer(text)]
        branded = {sp for sp in spans if text.startswith(_BRAND_NOUNS, sp[1] + 1)
                   or text[max(0, sp[0] - 4):sp[0] - 1].endswith(("旗下的", "旗下"))}
        for a, b in zip(spans, spans[1:]):
            if text[a[1] + 1:b[0] - 1] in ("与", "和", "、", "及") and (a in branded or b in branded):
                branded |= {a, b}
        named = {text[a:b] for a, b in branded}
        branded |= {sp for sp in spans if text[sp[0]:sp[1]] in named}     # the same quotation elsewhere
        for nm in named:        # and the same name unquoted (伊利QQ星儿童奶), a known name opening it
            for qa, qb in occurrences(text, nm):
                if text[qa - 1:qa] not in ("“", "「"):
                    branded.add((qa, qb))
        for s0, e0 in sorted(branded):
            name = text[s0:e0].strip()
            if not 2 <= len(name) <= 6 or name in lex.generic or name.endswith(doc_words(lex)[1]) or any(w in name for w in doc_words(lex)[0]) \
                    or not plausible_name(name):
                continue
            inside = [x for x in taken if x.start < e0 and s0 < x.end]
            if not inside and free(s0, e0):
                out.append(Mention(s0, e0, name, "Product", name, "pattern"))
            elif len(inside) == 1 and s0 <= inside[0].start and inside[0].end <= e0 and \
                    inside[0].end - inside[0].start < e0 - s0 and inside[0].source == "lexicon" and \
                    id(inside[0]) not in replace:
                replace[id(inside[0])] = Mention(s0, e0, name, "Product", name, "pattern")
    if "“" in text or "「" in text or "《" in text or '"' in text:
        for mt in _patterns(id(lex), lex).launched.finditer(text):
            name = mt.group(1).strip()
            if free(mt.start(1), mt.end(1)) and not name.endswith(doc_words(lex)[1]) and \
                    not any(w in name for w in doc_words(lex)[0]):
                out.append(Mention(mt.start(1), mt.end(1), name, "Product", name, "pattern"))
    v.e0, v.inside, v.mt, v.name, v.s0 = e0, inside, mt, name, s0
    return _NEXT


def _launched_names(v: _Context):
    """Models after a launch verb; Latin names after an app, platform or kind-of-company noun."""
    e0, free, inside, lex, mt, name, out = v.e0, v.free, v.inside, v.lex, v.mt, v.name, v.out
    replace, s0, taken, text = v.replace, v.s0, v.taken, v.text
    for mt in _patterns(id(lex), lex).launched_model.finditer(text):
        name = mt.group(1).strip()
        if free(mt.start(1), mt.start(1) + len(name)) and len(name) >= 2 and name not in lex.generic:
            out.append(Mention(mt.start(1), mt.start(1) + len(name), name, "Product", name, "pattern"))
    # 美国网络设备商3Com, 成立合资公司华为3Com: a Latin name, or a name glued to one, right after a
    # kind-of-company noun is a company (a known name opening it is only part of it)
    # 新闻聚合平台News Republic, 直播应用Live.me: a Latin name right after an app or platform noun is a
    # product
    for mt in _patterns(id(lex), lex).app_latin.finditer(text):
        s0, e0 = mt.start(1), mt.end(1)
        name = mt.group(1)
        if name.lower() in ("app", "ai", "ceo") or not free(s0, e0) or any(x.start < e0 and s0 < x.end for x in taken):
            continue
        out.append(Mention(s0, e0, name, "Product", name, "pattern"))
    for mt in _patterns(id(lex), lex).kind_latin.finditer(text):
        s0, e0 = mt.start(1), mt.end(1)
        name = mt.group(1)
        if not re.search(r"[A-Za-z]", name) or name.lower() in ("app", "ai", "ceo"):
            continue
        inside = [x for x in taken if x.start < e0 and s0 < x.end]
        if not inside and free(s0, e0):
            out.append(Mention(s0, e0, name, "Company", name, "pattern"))
        elif len(inside) == 1 and inside[0].start == s0 and inside[0].end < e0 and inside[0].source == "lexicon" \
                and id(inside[0]) not in replace and free(inside[0].end, e0):
            replace[id(inside[0])] = Mention(s0, e0, name, "Company", name, "pattern")
    v.e0, v.inside, v.mt, v.name, v.s0 = e0, inside, mt, name, s0
    return _NEXT


def _bought_and_funded(v: _Context):
    """Names in apposition after a category noun a buy verb governs; names in funding rounds and lists of quotes."""
    free, lex, mt, name, out, s0, taken, text = v.free, v.lex, v.mt, v.name, v.out, v.s0, v.taken, v.text
    if "收购" in text or "并购" in text or "买下" in text:
        for ss, se, trigs in find_triggers(text, lex):
            if not any(t.relation == "acquires" and t.lang == "zh" for t in trigs):
                continue
            ce = clause_end(text, se, limit=40)
            while ce < len(text) - 1 and text[ce] == " " and text[ce - 1].isascii() and text[ce - 1].isalnum() \
                    and text[ce + 1].isascii() and text[ce + 1].isalnum():
                ce = clause_end(text, ce + 1, limit=20)     # a Latin name may hold a space (S3 Graphics)
            if any(m.start >= se and m.end <= ce for m in taken + out):
                continue
            mt = _patterns(id(lex), lex).apposed.search(text, se, ce + 1)
            if mt and mt.end(1) == ce and plausible_name(mt.group(1)):
                name = mt.group(1)
                if free(mt.start(1), mt.end(1)) and name not in lex.generic:
                    out.append(Mention(mt.start(1), mt.end(1), name, "Company", name, "pattern"))
    if "融资" in text:
        # 平台“树根互联”近日已完成5亿元B轮融资: a quoted name that raised a round is a company
        for mt in _patterns(id(lex), lex).raised.finditer(text):
            name = mt.group(1).strip()
            if free(mt.start(1), mt.end(1)) and plausible_name(name) and name not in lex.generic:
                out.append(Mention(mt.start(1), mt.end(1), name, "Company", name, "pattern"))
    if "”“" in text:
        # “美团”“饿了么”“涞源外卖”: quoted names written back to back are a list of names
        for mt in _QUOTED_RUN.finditer(text):
            for q in re.finditer(r"“([^“”\n]{2,12})”", mt.group(0)):
                name = q.group(1).strip()
                s0 = mt.start() + q.start(1)
                toks = nlp.tagged(name)
                common = len(name) <= 3 and all((t or "x")[:1] in "vnadmfqpu" and
                                                not (t or "").startswith(("nr", "ns", "nt", "nz")) for _, t in toks)
                if free(s0, s0 + len(name)) and plausible_name(name) and name not in lex.generic \
                        and not name.endswith(doc_words(lex)[1]) and not common:     # (“到店”“到家”: common words)
                    out.append(Mention(s0, s0 + len(name), name, "Company", name, "pattern"))
    v.mt, v.name, v.s0 = mt, name, s0
    return _NEXT


def _owned_names(v: _Context):
    """Units and products named after their owner, and short forms the lexicon knows."""
    e, e0, free, inside, lex, m, mt, name, out = v.e, v.e0, v.free, v.inside, v.lex, v.m, v.mt, v.name, v.out
    replace, s0, taken, text = v.replace, v.s0, v.taken, v.text
    for m in list(taken):
        # 百度知道是百度2005年上线的问答社区: the name before 是 is the company's product
        if m.type != "Company" or m.source == "coref" or text[m.start - 1:m.start] != "是":
            continue
        if not _patterns(id(lex), lex).made_by.match(text, m.end):
            continue
        e = m.start - 1
        if text[e - 1:e] in ("”", "」", '"') and text.rfind("“", max(0, e - 14), e) >= 0:
            e -= 1          # “TOP1”是百度2017年初推出的…: the quoted name
        s0 = e
        while s0 > 0 and text[s0 - 1] not in "，,。；;：:！？!?\n“”\"「」（）() " and e - s0 < 10:
            s0 -= 1
        name = text[s0:e]
        quoted = text[s0 - 1:s0] in ("“", "「", '"')
        if not (2 <= len(name) <= 10 and plausible_name(name) and name not in lex.generic
                and (quoted or not re.search(r"[0-9０-９]", name)) and (s0 == 0 or text[s0 - 1] in "，,。；;！？!?\n“\"「（( ")):
            continue
        inside = [x for x in taken if x.start < e and s0 < x.end]
        if not inside and free(s0, e) and (quoted or any(t is None or t in ("nz", "nt", "eng", "nrt", "j")
                                                       for _, t in nlp.tagged(name))):
            out.append(Mention(s0, e, name, "Product", name, "pattern", m.name))
        elif len(inside) == 1 and inside[0].start == s0 and inside[0].name == m.name and inside[0].end < e \
                and id(inside[0]) not in replace and free(inside[0].end, e):
            # 百度知道: the product's name opens with its maker's
            replace[id(inside[0])] = Mention(s0, e, name, "Product", name, "pattern", m.name)
    for m in list(taken):
        # 宏达电新款旗舰机HTC One X与EVO 4G LTE; 三星Galaxy系列: models of a known company
        if m.type != "Company" or m.source == "coref":
            continue
        mt = _patterns(id(lex), lex).model.match(text, m.end)
        if not mt or not mt.group(1):
            continue
        noun = text[m.end:mt.start(1)].strip().lstrip("的") != ""
        if not noun and not _patterns(id(lex), lex).model_after.match(text, mt.end(1)):
            continue        # 苹果iPhone alone may be a shop or a brand; with a device noun it is a model
        pos = mt.start(1)
        name = mt.group(1).rstrip()
        while name:
            s0, e0 = pos, pos + len(name)
            inside = [x for x in taken if x.start < e0 and s0 < x.end]
            if name.lower() in ("app", "ai", "ceo", "cpu", "gpu") or len(name) < 2:
                pass
            elif not inside and free(s0, e0):
                out.append(Mention(s0, e0, name, "Product", name, "pattern", m.name))
            elif len(inside) == 1 and inside[0].start == s0 and inside[0].end < e0 and inside[0].name == m.name \
                    and id(inside[0]) not in replace and free(inside[0].end, e0):
                # HTC One X: the model's name opens with the company's own
                replace[id(inside[0])] = Mention(s0, e0, name, "Product", name, "pattern", m.name)
            nxt = _patterns(id(lex), lex).model_next.match(text, e0)
            if not nxt or not noun:
                break
            pos, name = nxt.start(1), nxt.group(1).rstrip()
    v.e, v.m, v.mt, v.name = e, m, mt, name
    return _NEXT


def _latin_lists(v: _Context):
    """A Latin name listed beside a known organisation takes its type."""
    e, free, mt, out, s, taken, text = v.e, v.free, v.mt, v.out, v.s, v.taken, v.text
    for mt in _LATIN_LIST.finditer(text):
        s, e = mt.start(1), mt.end(1)
        if not free(s, e):
            continue
        if not mt.group(1).isupper():
            # 与Snapchat、Instagram竞争: a capitalised Latin word listed beside a known product
            nbp = [m for m in taken if (m.end == s - 1 or m.start == e + 1) and m.type == "Product"
                   and text[min(m.end, e):max(m.start, s)] in ("、", "和", "与", "及")]
            if nbp:
                out.append(Mention(s, e, mt.group(1), "Product", mt.group(1), "pattern"))
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
    v.e, v.s = e, s
    return _NEXT


def _listed_people(v: _Context):
    """Names listed after a known name (A、B), and a person listed after a person (马云及井贤栋)."""
    e, free, lex, m, mentions, name, out = v.e, v.free, v.lex, v.m, v.mentions, v.name, v.out
    replace, s, taken, text = v.replace, v.s, v.taken, v.text
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
                while s > 0 and e - s < 6 and CJK.match(text[s - 1]) and text[s - 1] not in "、和及与":
                    s -= 1
                seg = text[s:e]
                # the segment must stand alone: a list opener (，西瓜、) or another listed name
                if (s == 0 or not CJK.match(text[s - 1]) or text[s - 1] in "、和及与") and seg in cut \
                        and free(s, e):
                    le = cut[seg]
                    out.append(Mention(s, e, le.name, le.type, seg, "alias", le.owner))
            if m.end + 3 <= len(text) and text[m.end] in "、和及与":
                s = m.end + 1
                for k in range(min(6, len(text) - s), 1, -1):
                    seg = text[s:s + k]
                    if seg in cut and free(s, s + k) and (not CJK.match(text[s + k:s + k + 1] or "a")
                                                          or word_aligned(text, s, s + k)):
                        le = cut[seg]
                        out.append(Mention(s, s + k, le.name, le.type, seg, "alias", le.owner))
                        break
    for m in list(taken):
        if m.type == "Person" and text[m.end:m.end + 1] in ("、", "及", "和", "与"):
            p = m.end + 1
            name = person_at(text[p:p + 6], lex.surnames)
            if name and free(p, p + len(name)):
                out.append(Mention(p, p + len(name), name, "Person", name, "pattern"))
    result = [replace.get(id(m), m) for m in mentions] + out
    result.sort(key=operator.attrgetter("start", "end"))
    return result
    return _NEXT


# the stages of `context_mentions`, in order
_CONTEXT_STAGES = (_glued_products, _quoted_names, _launched_names, _bought_and_funded, _owned_names,
                           _latin_lists, _listed_people)


def repeat_mentions(text: str, lex: Lexicon, mentions: list[Mention], found: list[Mention],
                    long_names: bool = False) -> list[Mention]:
    """Other tellings of names discovered from one sentence's context (a trigger's argument): every
    free occurrence of the same surface that stands as a word (a two-character Chinese name only where
    the segmenter or a frame word sets it apart).  `long_names`: names of four characters or more
    found by their ending (深圳地铁集团) also where a preposition or a pause opens them (向深圳地铁集团出售)."""
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
        for a, b in occurrences(text, y):
            if not free(a, b) or any(m.start < b and a < m.end for m in out):
                continue
            if y.isascii():
                if (a and text[a - 1].isascii() and text[a - 1].isalnum()) or \
                        (b < len(text) and text[b].isascii() and text[b].isalnum()):
                    continue
            elif not (word_aligned(text, a, b) or (len(y) >= 3 and framed_as_name(text, a, b, lex)) or
                      (long_names and len(y) >= 4 and (a == 0 or not CJK.match(text[a - 1]) or
                                                       text[a - 1] in "与和及、被由对向将跟同让"))):
                continue
            out.append(Mention(a, b, f.name, f.type, y, "pattern", f.owner))
    return out
