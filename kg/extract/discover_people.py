"""People, found by the frames Chinese news writes them in: a role word before a surname-initial
name (院长刘兴亮), 由…接任 and …等人 around one, and anonymised names (张某, 吴某栋).

Names come from the surname list (lexicon) and jieba's person tags, never from a list of people.  Word
lists: the modifiers.tsv kinds `_patterns` and `_surname_patterns` name (speaker_verb, person_copula, …).
"""
from __future__ import annotations

import functools
import itertools
import re
from typing import NamedTuple

from kg import nlp
from kg.extract.mentions import CJK, Mention
from kg.lexicon import Lexicon

_ROLE_CACHE: dict[int, re.Pattern] = {}


def person_mentions(text: str, lex: Lexicon) -> list[Mention]:
    """People introduced by a role word (院长刘兴亮), and anonymised names (张某, 吴某栋)."""
    out: list[Mention] = []
    pat = _ROLE_CACHE.get(id(lex))
    if pat is None:
        roles = sorted((r for r in lex.roles if not r.isascii() or r.isupper()), key=len, reverse=True)
        # 董事长郭台铭, CEO、王兴; 两家公司的董事长都是王雪红: the role, then a copula, then the name
        pat = re.compile("(?:" + "|".join(map(re.escape, roles)) + r")(?:[、，,]?\s?)"
                         rf"(?:{lex.alternation('role_name_copula')})?") \
            if roles else re.compile("(?!x)x")
        _ROLE_CACHE[id(lex)] = pat
    surnames = lex.surnames
    for m in pat.finditer(text):
        p = m.end()
        seg = text[p:p + 8]    # (6 cut 曹光植|提起诉讼 into 曹光|植提|起诉)
        if not seg or not CJK.match(seg[0]):
            continue
        glossed = _GLOSSED.match(text, p)
        name = person_at(seg, surnames) or foreign_name_at(seg) or (
            glossed.group(1) if glossed and not _patterns(id(lex), lex).latin_firm.search(glossed.group(2)) else None) or \
            dotted_head(text, p)
        if name:
            name = dotted_name(text, p, name)
            out.append(Mention(p, p + len(name), name, "Person", name, "pattern"))
    if surnames:
        out += compound_role_mentions(text, lex, out)
    if surnames:
        by_verb, before_deng, anonymised = _surname_patterns(id(lex), lex)
        # 由王宁国接任, 由张旭豪等人创立, 陈伟星等人: a surname-initial name before 等人 or after 由 + verb
        for m in _tried_after(by_verb, text, _by_verb_marks(id(lex), lex), False):
            name = m.group(1)
            if any(c in _NOT_NAME_CHAR for c in name[1:]) or name in lex.generic:
                continue
            toks = nlp.tagged(name)
            if len(toks) > 2 or any(t and not t.startswith("nr") and t not in ("ns", "nz") and len(w) > 1 for w, t in toks):
                continue
            out.append(Mention(m.start(1), m.end(1), name, "Person", name, "pattern"))
        for m in (before_deng.finditer(text) if "等人" in text else ()):     # (its literal first: one C test)
            name = m.group(1)
            if any(o.start == m.start(1) for o in out) or any(c in _NOT_NAME_CHAR for c in name[1:]):
                continue
            p0 = m.start(1)
            if p0 > 0 and CJK.match(text[p0 - 1]) and text[p0 - 1] not in "由与和及、被":
                continue
            out.append(Mention(p0, m.end(1), name, "Person", name, "pattern"))
    if surnames and _heading_roles(id(lex), lex).search(text):
        # 王明华是星海科技的创始人, 李建国为蓝鲸网络董事长: a clause-initial name before a copula, the
        # clause naming a heading role later
        heads_ = _role_words(id(lex), lex)[0]
        for mc in _patterns(id(lex), lex).copula_name.finditer(text):
            p = mc.start(1)
            clause = text[mc.end(1):mc.end(1) + 24].split("，")[0].split("。")[0]
            if not any(h in clause for h in heads_):
                continue
            for k in (3, 2):
                name = text[p:p + k]
                if len(name) == k and name[0] in surnames and text.startswith(_patterns(id(lex), lex).copulas, p + k) and \
                        name not in lex.roles and \
                        not any(c in _NOT_NAME_CHAR for c in name[1:]) and all(CJK.match(c) for c in name) \
                        and not any(o.start <= p < o.end for o in out):
                    out.append(Mention(p, p + k, name, "Person", name, "pattern"))
                    break
    if surnames:
        # 宗庆后表示, 董明珠称: a clause-initial surname-initial name right before a speech verb
        for mc in _tried_after(_patterns(id(lex), lex).speaker, text, _SPEAKER_AT, True):
            p, e = mc.start(1), mc.end(1)
            name = mc.group(1)
            if name[0] not in surnames and name[:2] not in surnames:
                continue
            if any(c in _NOT_NAME_CHAR for c in name[1:]) or name in lex.generic or lex.lookup(name) is not None:
                continue
            if any(o.start < e and p < o.end for o in out):
                continue
            toks = nlp.tagged(name)
            if not all(t is None or t.startswith("nr") or len(w) == 1 for w, t in toks) or \
                    not any(t is None or t.startswith("nr") for w, t in toks):
                continue
            out.append(Mention(p, e, name, "Person", name, "pattern"))
    if surnames and lex.roles:
        # 隶属于郑坚江担任董事长的奥克斯集团, 由王明华出任CEO: a surname-initial name right before 担任/出任
        # and a role word, wherever the clause starts
        roles_ = _role_words(id(lex), lex)[1]
        for mc in _patterns(id(lex), lex).takes_role.finditer(text):
            if not text.startswith(roles_, mc.end()):
                continue
            for k in (3, 2):
                p = mc.start() - k
                name = text[p:mc.start()] if p >= 0 else ""
                if len(name) != k or name[0] not in surnames or not all(CJK.match(c) for c in name) or \
                        any(c in _NOT_NAME_CHAR for c in name[1:]) or name in lex.generic or \
                        lex.lookup(name) is not None or any(o.start < mc.start() and p < o.end for o in out):
                    continue
                toks = nlp.tagged(name)
                if all(t is None or t.startswith("nr") or len(w) == 1 for w, t in toks) and \
                        any(t is None or t.startswith("nr") for w, t in toks):
                    out.append(Mention(p, mc.start(), name, "Person", name, "pattern"))
                    break
    if surnames:
        out += kin_mentions(text, lex, out)
    for m in _surname_patterns(id(lex), lex)[2].finditer(text) if surnames and "某" in text else []:
        name = m.group(0)
        if len(name) >= 3 and name[-1] != "某" and name[-1] in "被的在与和等因为向对将是于已及称说犯诉某等、系涉受获遭以有退赔支归偿返承应须需构不也曾提起通作":
            name = name[:-1]
        if m.start() > 0 and CJK.match(text[m.start() - 1]) and text[m.start() - 1] not in "人告员将被与和对向由及、某处令罚判":
            continue
        out.append(Mention(m.start(), m.start() + len(name), name, "Person", name, "pattern"))
    return out


@functools.lru_cache(maxsize=4)
def _role_tails(lex_id: int, lex: Lexicon) -> tuple[re.Pattern, frozenset]:
    """(the tails of a compound title: modifiers.tsv kind role_tail; the characters that end an office's
    name before one: kind office_char)."""
    return (re.compile(f"(?<=[\u4e00-\u9fff])(?:{lex.alternation('role_tail')})"), frozenset(lex.words("office_char")))


_NOUN_TAGS = frozenset({"n", "vn", "nz", "j", "ng", "nt"})


def compound_role_mentions(text: str, lex: Lexicon, taken: list[Mention]) -> list[Mention]:
    """Rule zh.entity.compound_role: a title the role list does not hold, made of a noun or an office and a
    title's tail (法务|长方淑华, 首席法务|官宋柳平, 部长|助理陈进, 总务署|署长墨菲), before a surname-initial name:
    that name is a person.  The words before the tail must be a noun (法务, 部长) or end with an office's
    character (署, 局); a verb before it (增长|高达) makes no title."""
    pat, offices = _role_tails(id(lex), lex)
    out: list[Mention] = []
    for m in pat.finditer(text):
        p = m.end()
        if any(o.start <= p < o.end or o.end == p for o in taken + out):
            continue
        head = text[max(0, m.start() - 2):m.start()]
        toks = nlp.tagged(head)
        if not (len(toks) == 1 and toks[0][1] in _NOUN_TAGS) and head[-1:] not in offices:
            continue
        glued = nlp.tagged(text[m.start() - 1:p])
        if len(glued) == 1 and glued[0][1] is not None and glued[0][1] not in _NOUN_TAGS:
            continue        # 增长, 成长: the tail's character inside a verb
        seg = text[p:p + 8]
        name = person_at(seg, lex.surnames) if seg and CJK.match(seg[0]) else None
        if not name or len(name) > 3 or lex.lookup(name) is not None or name in lex.generic or not _given_name(name[1:]):
            continue
        opened = nlp.tagged(text[m.end() - 1:p + 1])
        if len(opened) == 1 and opened[0][1] is not None and (
                len(name) == 2 or opened[0][1] == "ns" or any(t is not None for _, t in nlp.tagged(name[1:]))):
            # 长沙|站, 官方|唯一: the tail opens a word with the surname (a place, 官方); only a name whose
            # given name the segmenter does not know stays (法务长|方淑华)
            continue
        out.append(Mention(p, p + len(name), name, "Person", name, "pattern"))
    return out


_NOT_GIVEN = frozenset({"v", "vn", "n", "nz", "ns", "nt", "l", "i", "j", "m", "mq", "p", "c", "t", "u", "uj", "ul", "q"})


def _given_name(given: str) -> bool:
    """The part after the surname reads as a given name: not a verb, noun, number, time or function word
    the segmenter knows (官|方披露, 官|方微博, 官|司三年), no particle in it (官|司走得)."""
    if any(c in "得了着过地" for c in given):
        return False
    toks = nlp.tagged(given)
    return not (len(toks) == 1 and len(given) == 2 and toks[0][1] in _NOT_GIVEN)


def _name_ending_at(text: str, e: int, lex: Lexicon) -> str | None:
    """A surname-initial name of three or two characters ending at `e` (郭英成|、): no function character
    after the surname, no known or common word, a given name that is no verb, number or time word
    (周|立新 is a name, 官|方披露 none)."""
    for k in (3, 2):
        p = e - k
        name = text[p:e] if p >= 0 else ""
        if len(name) != k or name[0] not in lex.surnames or not all(CJK.match(c) for c in name) or \
                any(c in _NOT_NAME_CHAR for c in name[1:]) or name in lex.generic or lex.lookup(name) is not None:
            continue
        if _given_name(name[1:]):
            return name
    return None


@functools.lru_cache(maxsize=4)
def _kin_patterns(lex_id: int, lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """(之 + a kinship word before a name: 吴东进之女吴欣儒; a pair's word after two names: 郭英成、郭英智兄弟),
    from modifiers.tsv kinds kin_word and kin_pair."""
    alt = lex.alternation
    return (re.compile(rf"之(?:{alt('kin_word')})"), re.compile(rf"[、和与及](?=[\u4e00-\u9fff]{{2,3}}(?:{alt('kin_pair')}))"))


def kin_mentions(text: str, lex: Lexicon, taken: list[Mention]) -> list[Mention]:
    """Rule zh.entity.kin_person: people introduced by kinship, named once and with no title — X之女Y
    (吴东进之女吴欣儒: both), X、Y兄弟 / X和Y夫妇 (both); each name a surname-initial name of two or three
    characters by the tests of the other frames."""
    if "之" not in text and not any(w in text for w in lex.words("kin_pair")):
        return []
    of, pair = _kin_patterns(id(lex), lex)
    out: list[Mention] = []

    def add(p: int, name: str | None) -> None:
        if name and not any(o.start < p + len(name) and p < o.end for o in taken + out):
            out.append(Mention(p, p + len(name), name, "Person", name, "pattern"))

    for m in of.finditer(text):
        before = _name_ending_at(text, m.start(), lex)
        after = person_at(text[m.end():m.end() + 8], lex.surnames)
        if before and after:
            add(m.start() - len(before), before)
            add(m.end(), after)
    for m in pair.finditer(text):
        before = _name_ending_at(text, m.start(), lex)
        seg = text[m.end():m.end() + 8]
        after = person_at(seg, lex.surnames)
        if before and after and seg[len(after):].startswith(tuple(lex.words("kin_pair"))):
            add(m.start() - len(before), before)
            add(m.end(), after)
    return out


@functools.lru_cache(maxsize=4)
def _role_words(lex_id: int, lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(heading roles, every role) written in Chinese, each with CEO: made once per lexicon."""
    return (tuple(r for r, h in lex.roles.items() if h and not r.isascii()) + ("CEO",),
            tuple(r for r in lex.roles if not r.isascii()) + ("CEO",))


@functools.lru_cache(maxsize=4)
def _heading_roles(lex_id: int, lex: Lexicon) -> re.Pattern:
    """Any heading role (its `in text` test for every role at once, longest first): made once."""
    roles = sorted((r for r, heads in lex.roles.items() if heads), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, roles)) if roles else "(?!x)x")


@functools.lru_cache(maxsize=4)
def _surname_patterns(lex_id: int, lex: Lexicon) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """person_mentions' three surname patterns, built once per lexicon (surnames, and the modifiers.tsv
    kinds person_named_after, person_act_after)."""
    sn = "|".join(sorted(lex.surnames, key=len, reverse=True))
    # (each lookbehind one word: a lookbehind takes no alternation of words of different lengths)
    after = "|".join(f"(?<={w})" for w in map(re.escape, sorted(lex.words("person_named_after"), key=lambda w: (-len(w), w))))
    return (re.compile(r"(?:%s|(?<=[%s]))((?:%s)[\u4e00-\u9fff]{1,2}?)(?=%s|于\d)"
                       % (after or "(?!)", _BY_VERB_MARKS, sn, lex.alternation("person_act_after"))),
            re.compile(r"((?:%s)[\u4e00-\u9fff]{1,2}?)等人" % sn),
            re.compile(r"(?:%s)某{1,2}[\u4e00-\u9fff]?" % sn))


_BY_VERB_MARKS = "、，,和与及"       # (with the person_named_after words: what stands right before the name)
_SPEAKER_AFTER = "，。；：\n“”」"     # (or the text's start: what stands right before a speaker's name)
_SPEAKER_AT = re.compile("[%s]" % _SPEAKER_AFTER)


@functools.lru_cache(maxsize=4)
def _by_verb_marks(lex_id: int, lex: Lexicon) -> re.Pattern:
    """The characters the by-verb pattern's look-behinds end with (the last one of each
    person_named_after word, and 、，,和与及): a match of it starts right after one of them."""
    ends = {w[-1] for w in lex.words("person_named_after") if w} | set(_BY_VERB_MARKS)
    return re.compile("[" + re.escape("".join(sorted(ends))) + "]")


def _tried_after(pat: re.Pattern, text: str, marks: re.Pattern, at_start: bool):
    """`pat.finditer(text)` for a pattern that opens with look-behinds (and `^` when `at_start`), so
    that it can only match at the text's start or right after a character `marks` finds: tried
    with `match` there only (look-behinds see before the position), in finditer's order and without
    overlaps — the same matches without trying it at every character (a pattern opening with an
    assertion gives the regex engine nothing to skip ahead by).  The pattern must not match empty."""
    pos = 0
    for p in itertools.chain((0,) if at_start else (), (c.end() for c in marks.finditer(text))):
        if p < pos:
            continue
        m = pat.match(text, p)
        if m is not None:
            yield m
            pos = m.end()


class _Rx(NamedTuple):
    """Patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    speaker: re.Pattern
    copula_name: re.Pattern
    takes_role: re.Pattern
    latin_firm: re.Pattern
    copulas: tuple


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    return _Rx(
        speaker=re.compile(rf"(?:^|(?<=[{_SPEAKER_AFTER}]))([\u4e00-\u9fff]{{2,3}})(?={alt('speaker_verb')})"),
        copula_name=re.compile(rf"(?:^|(?<=[，。；：\n“]))([\u4e00-\u9fff]{{2,3}})(?={alt('person_copula')})"),
        takes_role=re.compile(rf"(?:{alt('takes_role_verb')})"),
        latin_firm=re.compile(rf"\b(?:{alt('latin_firm_word')})\b"),
        copulas=tuple(lex.words("person_copula")),
    )


_NOT_NAME_CHAR = set("在曾对是的和与也等称说将被向从为于已又还就都均即表指认今日年月所及而则犯")


_FOREIGN_TAGS = ("nr", "nrt", "nrf", "ns")
# 董事长|换人: two characters the segmenter tags as a name but ending like a common noun of people
# (换人, 用人, 家人) are no transliteration
_COMMON_NOUN_ENDS = "人们"
# 部长塞申斯（Jeff Sessions）: after a title, a transliteration glossed with a person's Latin name
_GLOSSED = re.compile(r"([\u4e00-\u9fff]{1,6}(?:[·•・‧][\u4e00-\u9fff]{1,6}){1,2}|[\u4e00-\u9fff]{2,6})[（(]\s*([A-Z][a-z]+(?:[ .-]+[A-Z][a-z]+){1,2})\s*[)）]")


# the middle dots that join the parts of a transliterated name (史蒂夫·莫伦科夫; ・ and • in some sources)
_DOTS = "·•・‧"
_PART_END_TAGS = ("v", "p", "c", "u", "t", "m", "r", "f", "d")


# the first part of a transliterated name before its middle dot, a hyphen allowed inside (利奥妮·…,
# 李-安·…): after a role word the whole dotted name is the person (rule zh.entity.dotted_person)
_DOTTED_HEAD = re.compile(r"[\u4e00-\u9fff]{1,5}(?:[-－‐][\u4e00-\u9fff]{1,4})?(?=[·•・‧][\u4e00-\u9fff])")


def dotted_head(text: str, p: int) -> str | None:
    """法官利奥妮·布林克马, 原告李-安·马尔霍兰: after a role word, a run of Chinese characters (a hyphen
    inside) right before a middle dot and a second part of two to six characters is a transliterated
    person's name (its first part returned; `dotted_name` reads on over the dot).  No function
    character inside a part (董事长在·…)."""
    m = _DOTTED_HEAD.match(text, p)
    if not m or any(c in _NOT_NAME_CHAR for c in m.group(0)):
        return None
    head = m.group(0)
    if dotted_name(text, p, head) == head:
        return None     # no second part read after the dot
    return head


_HEAD_TAGS = ("nr", "nrt", "nrf", "ns", "nz")


def dotted_start(text: str, s: int, e: int, lex: Lexicon, mentions: list[Mention]) -> int | None:
    """凯利·乌布雷, 马克娜·勒达芙 with no role word before them: a found name text[s:e] right after a
    middle dot, with no name ending of its own (suffixes.tsv), whose dot follows a word the segmenter
    tags as a name or does not know (two to four characters, no function character, in no mention),
    is the last part of a transliterated person's name: the start of that name, else None."""
    if s < 3 or text[s - 1] not in _DOTS or not 2 <= e - s <= 6 or not all(CJK.match(c) for c in text[s:e]):
        return None
    if any(text[s:e].endswith(suf) for suf, typ, _ in lex.suffixes if not suf.isascii()):
        return None
    start = None
    dot = s - 1
    while dot >= 3 and text[dot] in _DOTS:      # 豪尔赫·保罗·莱曼: every part before a dot
        toks = nlp.tagged(text[max(0, dot - 8):dot])
        if not toks:
            break
        w, t = toks[-1]
        p = dot - len(w)
        if not 2 <= len(w) <= 4 or not all(CJK.match(c) for c in w) or any(c in _NOT_NAME_CHAR for c in w) \
                or not (t is None or t in _HEAD_TAGS) or w in lex.generic or lex.lookup(w) is not None \
                or any(m.start < dot and p < m.end for m in mentions):
            break
        start, dot = p, p - 1
    return start


def dotted_name(text: str, p: int, name: str) -> str:
    """A transliterated name read up to a middle dot goes on over it (首席执行官史蒂夫·莫伦科夫在…:
    史蒂夫·莫伦科夫, not 史蒂夫); the part after the dot runs over the segmenter's name-like words
    (no verb, function word, time or number word; a one-character word unless it is one of
    _NOT_NAME_CHAR: 莫|伦科夫, 杜霍夫|内) and stops at any other character, at most six characters
    a part.  Not a dot followed by no Chinese character (长虹·世纪城 reads on; 某报·e公司 stops)."""
    e = p + len(name)
    while e + 1 < len(text) and text[e] in _DOTS and CJK.match(text[e + 1]):
        seg = ""
        for w, t in nlp.tagged(text[e + 1:e + 9]):
            if not w or not all(CJK.match(c) for c in w):
                break
            if len(w) == 1 and w in _NOT_NAME_CHAR or (t or "x").startswith(_PART_END_TAGS) and len(w) > 1 \
                    or t == "n" and len(w) > 1:
                break
            seg += w
        if not 2 <= len(seg) <= 6:
            break
        e += 1 + len(seg)
    return text[p:e]


def foreign_name_at(seg: str) -> str | None:
    """总统|奥巴马|表示, 部长|库克: after a title, a foreign name the segmenter knows as one word (a
    person's or, for its transliteration, a place's tag), of three or four characters, before a verb,
    a function word or a pause: that person."""
    toks = nlp.tagged(seg)
    if not toks:
        return None
    w, t = toks[0]
    if not ((3 <= len(w) <= 4 and t in _FOREIGN_TAGS
             or len(w) == 2 and t in ("nrt", "nrf") and w[1] not in _COMMON_NOUN_ENDS)
            and all(CJK.match(c) for c in w)):
        return None
    nxt = toks[1] if len(toks) > 1 else ("", "x")
    if nxt[0] and CJK.match(nxt[0]) and not (nxt[1] or "x").startswith(("v", "p", "c", "d", "u", "r", "t")):
        return None
    return w


def person_at(seg: str, surnames: frozenset) -> str | None:
    if seg[:1] not in surnames and seg[:2] not in surnames:
        return None       # every name below opens with a surname (the first word opens `seg`)
    toks = nlp.tagged(seg)
    if not toks:
        return None
    w, t = toks[0]
    if len(w) == 3 and t is None and w[-1] in _NOT_NAME_CHAR and w[0] in surnames:
        w = w[:2]         # 张三在微博: the segmenter's guess glued a function word to the name
    if 2 <= len(w) <= 3 and (w[0] in surnames or w[:2] in surnames) and (t is None or t.startswith("nr")):
        if len(w) == 2 and t is None and len(toks) > 1 and len(toks[1][0]) == 2 and toks[1][1] is None \
                and CJK.match(toks[1][0]) and not any(c in _NOT_NAME_CHAR for c in toks[1][0]) \
                and (len(toks) < 3 or (toks[2][1] or "x")[0] in "tvpdc" or not CJK.match(toks[2][0])):
            return w + toks[1][0]     # 高桥|兴三|昨日: a four-character (Japanese) name, two unknown halves
        if len(w) == 2 and len(toks) > 1 and len(toks[1][0]) == 1 and CJK.match(toks[1][0]) \
                and toks[1][0] not in _NOT_NAME_CHAR and (len(toks) < 3 or len(toks[2][0]) >= 1):
            return w + toks[1][0]
        return w
    if len(w) == 2 and w in surnames and len(toks) > 1 and 1 <= len(toks[1][0]) <= 2 and CJK.match(toks[1][0]) \
            and (toks[1][1] is None or toks[1][1].startswith("nr")) and not any(c in _NOT_NAME_CHAR for c in toks[1][0]):
        return w + toks[1][0]      # 欧阳|伯堂: a double surname the segmenter tags a place, then the given name
    if len(w) == 1 and w in surnames and len(toks) > 1:
        w2, t2 = toks[1]
        if 1 <= len(w2) <= 2 and CJK.match(w2) and (t2 is None or t2.startswith("nr") or len(w2) == 1):
            return w + w2
        # 周|启航|表示: after a role word, surname + two characters before a verb, a time word
        # (沈|丹阳|今日|表示) or a pause is a name
        nxt = toks[2] if len(toks) > 2 else ("", "x")
        if len(w2) == 2 and CJK.match(w2) and w2[0] not in _NOT_NAME_CHAR and \
                ((nxt[1] or "").startswith(("v", "p", "c", "d", "t", "uj")) or nxt[0] in ("", "，", "。", "、", "等")):
            return w + w2
    if len(w) == 4 and w[0] in surnames and t is None:
        return w[:3]
    return None
