"""A last look at the names the discovery steps read, before they become the article's entities.

Every discovery step reads a name from the words around a position; some read a piece of the
sentence instead.  Whatever step read it, a discovered name (source "pattern") that is

- a stub: 公司 after a verb alone (发展有限公司, read from IP申请发展有限公司);
- a clause piece: no name ending (suffixes.tsv) and an adverb, idiom, pronoun or function word
  inside it (窃取其DRAM, 讼仍不得而知) — cut before that word when a name comes first (航天机电终于);
  for a quoted product, an adverb or conjunction inside (「不签授权契约就不供应晶片」: a policy);
- a group of people: a quantity word first (部分立委, 一些议员), a person's title last (告赢总统), a
  place's people (美国人);

is no entity.  A name written with 方面 after it (唯冠方面: "the 唯冠 side") is that name.  A name
whose words are a title and a foreign name (美国总统奥巴马) is that person.  A discovered person
written as a company is written (关联公司罗尔斯, 罗尔斯（Ralls Corporation）) is a company, and so is a
discovered product listed among companies (腾讯音乐、阿里音乐等音乐服务商).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg import nlp
from kg.extract.discover_people import dotted_start
from kg.extract.mentions import CJK, Mention, automata
from kg.extract.wordindex import Words
from kg.lexicon import Lexicon, load_table

# jieba tags that never stand inside a company's name without a name ending: verbal morphemes,
# idioms, adverbs, conjunctions, pronouns, prepositions, particles
_CLAUSE_TAGS = frozenset({"vg", "i", "zg", "d", "c", "r", "p", "u", "uj", "ul", "ud", "uz", "ug", "uv", "y"})
# function characters names are made with (梦之蓝, 天之骄子)
_IN_NAMES = frozenset({"之"})


class _Rx(NamedTuple):
    """Word lists of the review, modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    group_start: tuple          # a quantity word first: a group, not one name (部分立委, 有关部门): group_start
    company_before: tuple       # a name written right after is a company's (关联公司罗尔斯): company_word_before
    latin_company: re.Pattern   # X（Acme Inc.）: latin_company_end
    listed_companies: re.Pattern    # A、B等公司, A、B等主要网络音乐服务商: its members are companies: listed_company_noun


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    alt = lex.alternation
    return _Rx(
        group_start=tuple(sorted(lex.words("group_start"))),
        company_before=tuple(sorted(lex.words("company_word_before"))),
        latin_company=re.compile(rf"\s*[(（]\s*[A-Za-z][A-Za-z0-9&.,' -]*\b(?:{alt('latin_company_end')})\b\.?\s*[)）]"),
        listed_companies=re.compile(r"(?:[、和及与][^，。；：、！？\n]{1,12}?)*等(?:[^，。；：、！？\n]{0,8}?)"
                                    rf"(?:{alt('listed_company_noun')})"),
    )


@functools.lru_cache(maxsize=4)
def _endings(lex_id: int, lex: Lexicon, strong: bool = False) -> tuple[str, ...]:
    return tuple(sorted({s for s, _, st in lex.suffixes if not s.isascii() and len(s) >= 2 and (st == "strong" or not strong)},
                        key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def _titles(lex_id: int, lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted((r for r in lex.roles if not r.isascii() and len(r) >= 2), key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def _title_words(lex_id: int, lex: Lexicon) -> tuple[Words, Words]:
    """The titles looked up by their first character: all of them (in `_titles` order), and those
    that head nothing (a place before one qualifies the title)."""
    titles = _titles(lex_id, lex)
    return Words(titles), Words(r for r in titles if not lex.roles.get(r))


_GROUPED: dict[int, tuple] = {}


def _by_length(words: tuple[str, ...]) -> tuple[tuple[int, frozenset], ...]:
    """`words` grouped by length, longest first (made once per word tuple: the tuples are the
    lru-cached lists above, kept alive by their caches; the tuple itself is kept to check)."""
    got = _GROUPED.get(id(words))
    if got is None or got[0] is not words:
        got = _GROUPED[id(words)] = (words, tuple((n, frozenset(w for w in words if len(w) == n))
                                                  for n in sorted({len(w) for w in words}, reverse=True)))
    return got[1]


def _longest_suffix(surface: str, words: tuple[str, ...]) -> str | None:
    """The longest of `words` that `surface` ends with (a set look-up per length, not a scan)."""
    for n, group in _by_length(words):
        if n <= len(surface) and surface[-n:] in group:
            return surface[-n:]
    return None


def clause_piece(surface: str, typ: str, lex: Lexicon) -> bool:
    """A discovered name that is a piece of the clause or a group of people, not a name."""
    if surface.isascii() or len(surface) < 2 or typ == "Person":
        return False
    group_start = _patterns(id(lex), lex).group_start
    if surface.startswith(group_start) and len(surface) > 2:
        return True
    head = nlp.tagged(surface)
    if len(head) > 1 and head[0][1] == "ns" and surface.startswith(group_start, len(head[0][0])):
        return True       # 中国有关部门: a place's offices, no name
    if surface.endswith("人") and len(surface) >= 3:
        toks = nlp.tagged(surface[:-1])
        if len(toks) == 1 and toks[0][1] == "ns":
            return True   # 美国人: the people of a place
    if _only_titles(surface, lex):
        return True       # 董事长兼CEO, 创始人兼首席执行官: titles joined by 兼, a person's offices
    title = _longest_suffix(surface, _titles(id(lex), lex))
    if title and len(surface) > len(title):
        return True       # 告赢总统, 部分立委: a title ends a description of people
    toks = [(w, t) for w, t in head if CJK.match(w)]
    if not toks:
        return False
    ending = _longest_suffix(surface, _endings(id(lex), lex))
    if ending:
        # 发展有限公司: a legal ending after a verb alone is a stub of a longer name; any other name
        # with an ending is a name (stock names hold function characters: 以岭药业, 合纵科技)
        if typ != "Company" or not ending.endswith("公司"):
            return False    # (the stem is segmented only when it can make a stub)
        stem = nlp.tagged(surface[:-len(ending)])
        return len(stem) == 1 and len(stem[0][0]) == 2 and stem[0][1] in ("v", "vn")
    if typ == "Product":
        return len(surface) >= 4 and any(t in ("d", "c") for _, t in toks)
    return _clause_word(toks) is not None


@functools.lru_cache(maxsize=4)
def _all_titles(lex_id: int, lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted(lex.roles, key=len, reverse=True))


def _only_titles(surface: str, lex: Lexicon) -> bool:
    """Titles alone, joined by 兼 or 、 (董事长兼CEO): no name."""
    groups, s, n = _by_length(_all_titles(id(lex), lex)), surface, 0
    while s:
        # the longest title opening s (a set look-up per length: two titles of one length cannot
        # both open it)
        t = next((s[:k] for k, group in groups if k <= len(s) and s[:k] in group), None)
        if t is None:
            return False
        s, n = s[len(t):].lstrip("兼、"), n + 1
    return n >= 2


# single characters that are function words wherever they stand in a clause piece (窃取其DRAM, 讼仍…)
_FUNCTION_CHARS = frozenset("其仍就都也又还才却而并且等在把被将已曾")


def _clause_word(toks: list) -> int | None:
    """The index of the first word that makes the words a clause piece (an adverb, idiom, function word
    of two characters or more, or a function character), else None."""
    for i, (w, t) in enumerate(toks):
        if (len(w) >= 2 and t in _CLAUSE_TAGS) or (len(w) == 1 and w in _FUNCTION_CHARS):
            return i
    return None


def name_before_piece(surface: str, lex: Lexicon) -> str | None:
    """航天机电终于, 亿利生态等在内: a name the scan ran past into the clause is the words before the
    first clause word, when they are at least two characters and open with no verb."""
    toks = nlp.tagged(surface)
    i = _clause_word(toks)
    if not i:
        return None
    head = "".join(w for w, _ in toks[:i])
    if len(head) < 2 or head.startswith(_patterns(id(lex), lex).group_start) or not surface.startswith(head) or head in lex.generic or \
            (i == 1 and toks[0][1] in ("n", "v", "vn", "a")):
        return None       # (条件之一: a common word before the clause word is no name)
    return head


def _titled_person(surface: str, lex: Lexicon) -> str | None:
    """美国总统奥巴马 -> 奥巴马: a title, then a name of two to four characters (a person)."""
    r = _title_words(id(lex), lex)[0].first_in(surface)
    if r is not None:
        # (the first title of the list the name holds, found by the characters of the name)
        rest = surface[surface.find(r) + len(r):]
        if 2 <= len(rest) <= 4 and all(CJK.match(c) for c in rest) and not rest.endswith(_endings(id(lex), lex)):
            toks = nlp.tagged(rest)
            if len(toks) == 1 and (toks[0][1] is None or toks[0][1] in ("nr", "nrt", "nrf", "ns")):
                return rest
        return None
    return None


def _title_place(text: str, m: Mention, lex: Lexicon) -> bool:
    """美国|总统奥巴马: a place right before a person's title qualifies the title; it is no party."""
    if m.type == "Person" or _title_words(id(lex), lex)[1].at(text, m.end) is None:
        return False
    toks = nlp.tagged(m.surface)
    return len(toks) == 1 and toks[0][1] == "ns"


def _written_as_company(text: str, spans: list[tuple[int, int]], lex: Lexicon) -> bool:
    rx = _patterns(id(lex), lex)
    return any(text.endswith(rx.company_before, 0, s) or rx.latin_company.match(text, e) for s, e in spans)


def review_names(text: str, mentions: list[Mention], lex: Lexicon) -> tuple[list[Mention], dict[str, str]]:
    """The mentions without the clause pieces read as names; (mentions, renamed: old name -> new)."""
    rename: dict[str, str] = {}
    drop: set[str] = set()
    people: dict[str, list[tuple[int, int]]] = {}
    mentions = _without_channels(text, mentions, lex)
    known = _known_names(mentions)
    heads: list[Mention] = []
    for m in mentions:
        if m.source != "pattern":
            continue
        de = _after_de(m, lex)
        if de is not None:
            if not de:
                drop.add(m.name)        # 利益的行为, 经营的APP: a clause piece around 的, no name
                continue
            rename[m.name] = de         # 目的南京万晖置业有限公司: the name after the clause's 的
            m.start = m.end - len(de)
            m.name = m.surface = de
        after = _after_copula(m, lex, known)
        if after is not None:
            # 陈晓原是永乐电器, 质权人为中国农业银行股份有限公司: the name after the copula; the words before it are
            # a name of their own when they end as one (成都高原汽车|以威马成都公司)
            lead = m.surface[:len(m.surface) - len(after)]
            head = lead[:-next(len(w) for w in _copulas(id(lex), lex) if lead.endswith(w))]
            end = _longest_suffix(head, _endings(id(lex), lex))
            if end and len(head) - len(end) >= 2 and not clause_piece(head, m.type, lex):
                heads.append(Mention(m.start, m.start + len(head), head, m.type, head, "pattern"))
            rename[m.name] = after
            m.start = m.end - len(after)
            m.name = m.surface = after
        cut = _before_percent(text, m)
        if cut is None:
            cut = _tail_cut(m, lex)
        if cut is not None:
            if len(cut) < 2:
                drop.add(m.name)        # 律师费等: one character before the tail is no name
                continue
            rename[m.name] = cut        # 瑞福锂业以修改…: the name before the tail character
            m.name = m.surface = cut
            m.end = m.start + len(cut)
        paid = _before_payment(m, lex)
        if paid is not None:
            if len(paid) < 2:
                drop.add(m.name)        # 支付X公司: a payment's verb opens no name (the payee is read apart)
                continue
            rename[m.name] = paid       # 敬某支付工伤保险待遇: the payer, before the verb
            m.name = m.surface = paid
            m.end = m.start + len(paid)
        piece = clause_piece(m.surface, m.type, lex)     # (asked once: both branches need it)
        head = name_before_piece(m.surface, lex) if piece and m.type not in ("Person", "Product") and \
            m.name == m.surface else None
        if head:
            rename[m.name] = head
            m.name = m.surface = head
            m.end = m.start + len(head)
        elif piece or _title_place(text, m, lex):
            drop.add(m.name)
        elif m.type == "Person":
            people.setdefault(m.name, []).append((m.start, m.end))
    kept = [m for m in mentions if m.name not in drop or m.source != "pattern"]
    if heads:
        kept = sorted(kept + heads, key=lambda m: (m.start, m.end))
    out: list[Mention] = []
    for m in kept:
        if m.source == "pattern" and m.type != "Person" and len(m.surface) > 3 and m.surface.endswith("方面") \
                and m.name == m.surface:
            m.name = m.surface = m.surface[:-2]      # 唯冠方面曾放出风声: the 唯冠 side
            m.end -= 2
            rename[m.surface + "方面"] = m.name
        elif m.source == "pattern" and m.type != "Person" and m.name == m.surface and \
                (person := _titled_person(m.surface, lex)):
            rename[m.name] = person
            m.start = m.end - len(person)
            m.name = m.surface = person
            m.type = "Person"
        elif m.source == "pattern" and m.type in ("Company", "Organization") and m.name == m.surface and \
                (start := dotted_start(text, m.start, m.end, lex, mentions)) is not None:
            # 太阳新星凯利·乌布雷起诉…: the part after a middle dot is no company, the dotted name a
            # person (rule zh.entity.dotted_person)
            person = text[start:m.end]
            rename[m.name] = person
            m.start, m.name, m.surface, m.type = start, person, person, "Person"
        elif m.source == "pattern" and m.type == "Person" and _written_as_company(text, people.get(m.name, []), lex):
            m.type = "Company"
        elif m.source == "pattern" and m.type == "Product" and _patterns(id(lex), lex).listed_companies.match(text, m.end):
            m.type = "Company"       # 腾讯音乐、阿里音乐、网易云音乐等主要网络音乐服务商: companies listed
        out.append(m)
    _same_entity(text, out, lex, rename)
    _foreign_prefix(out, lex, rename, known)
    return out, rename


@functools.lru_cache(maxsize=1)
def _foreign_countries() -> tuple[str, ...]:
    """The countries of places.tsv other than China, longest first (新加坡 before 新)."""
    rows = load_table("places.tsv")
    return tuple(sorted((r["word"] for r in rows if r.get("kind") == "country" and r.get("word") != "中国"),
                        key=len, reverse=True))


def _foreign_prefix(mentions: list[Mention], lex: Lexicon, rename: dict[str, str], known: dict[str, int]) -> None:
    """Rule zh.entity.country_prefix: a discovered company or body written with a foreign country before
    it (日本尔必达, 新加坡星科金朋, 韩国成均馆大学) is named without the country — the country qualifies the
    name — when what follows is a name by itself: one the article writes elsewhere, a bare word of four
    characters or fewer the segmenter does not know or tags a proper noun (a transliteration), or such a
    word before a strong ending (公司, 集团, 大学).  A common word after the country (美国政府) or a weak
    ending (法国兴业银行: Société Générale, not 兴业银行) keeps it whole; Chinese names (中国银行) are left
    alone."""
    for m in mentions:
        if m.source != "pattern" or m.type not in ("Company", "Organization") or m.name != m.surface:
            continue
        c = next((c for c in _foreign_countries() if m.surface.startswith(c)), None)
        if c in lex.words("registration_place"):
            continue        # 开曼辰光半导体公司: a place of registration is part of the registered name
        rest = m.surface[len(c):] if c else ""
        if len(rest) < 2 or rest in lex.generic or not CJK.match(rest[0]) or nlp.tagged(m.surface)[0][0] != c:
            continue        # (印度斯坦时报: the country's characters begin a longer word, no country)
        end = _longest_suffix(rest, _endings(id(lex), lex)) or ""
        stem = rest[:len(rest) - len(end)]
        toks = nlp.tagged(stem) if len(stem) >= 2 else []
        proper = bool(toks) and toks[0][1] in (None, "nr", "nrt", "nz") and stem not in lex.generic
        # (a weak ending after the country, 法国|兴业银行, 美国|存托股份, may be the foreign name's own word:
        # only a bare transliteration or a name before a strong ending is cut)
        named = known.get(rest, 0) > 0 or (proper and not end and len(rest) <= 4) or (
            end in _endings(id(lex), lex, True) and bool(toks) and toks[0][1] in (None, "nr", "nrt", "nz", "ns")
            and stem not in lex.generic)     # (a city's university: 韩国|汉阳大学)
        if named:
            rename[m.name] = rest
            m.start += len(c)
            m.name = m.surface = rest


_PERCENT_TAIL = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?$")


def _before_percent(text: str, m: Mention) -> str | None:
    """收购了Juul35%的股份 read as Juul35: the digits of a percentage glued after a name are no part of it
    (the name is what comes before them); None when no percentage follows."""
    if m.name != m.surface or text[m.end:m.end + 1] not in ("%", "％"):
        return None
    d = _PERCENT_TAIL.search(m.surface)
    return m.surface[:d.start()].rstrip() if d and d.start() > 0 else None


def _after_de(m: Mention, lex: Lexicon) -> str | None:
    """A discovered company or body whose words run over 的 (目的南京万晖置业有限公司, 与丹麦的Asgaard, 京东公司经营的APP):
    the clause before 的 is no part of it; the name is what follows the last 的 when that has a name ending
    (or is a Latin name of four letters or more), else none ("").  A known name holding 的 (美的, 快的) is
    left alone; so are products (《少年的你》) and people."""
    if m.type in ("Person", "Product") or m.name != m.surface or "的" not in m.surface or \
            any(n in m.surface for n in _de_names(id(lex), lex)):
        return None
    rest = m.surface[m.surface.rindex("的") + 1:]
    if (rest.isascii() and len(rest) >= 4) or (len(rest) >= 3 and _longest_suffix(rest, _endings(id(lex), lex))):
        return rest
    return ""


@functools.lru_cache(maxsize=4)
def _channel_words(lex_id: int, lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (tuple(sorted(lex.words("channel_before"), key=len, reverse=True)),
            tuple(sorted(lex.words("channel_after"), key=len, reverse=True)))


def _without_channels(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Rule zh.entity.channel: a product the article names only as the medium someone speaks through
    (通过官方微博发布, 在朋友圈宣布: modifiers.tsv kinds channel_before, channel_after around every one of its
    mentions) is no entity of the article; a product told anywhere else in it (微博诉脉脉, 在微信里分享) stays."""
    before, after = _channel_words(id(lex), lex)
    if not before or not after:
        return mentions
    told: dict[str, bool] = {}
    for m in mentions:
        if m.type != "Product" or m.source == "coref":
            continue
        framed = text.endswith(before, max(0, m.start - 6), m.start) and text.startswith(after, m.end)
        told[m.name] = told.get(m.name, True) and framed
    gone = {n for n, f in told.items() if f}
    return [m for m in mentions if m.name not in gone] if gone else mentions


def _known_names(mentions: list[Mention]) -> dict[str, int]:
    """How many mentions of the article write each name (surface or name)."""
    out: dict[str, int] = {}
    for m in mentions:
        for n in (m.surface, m.name):
            if isinstance(n, str):
                out[n] = out.get(n, 0) + 1
    return out


def _after_copula(m: Mention, lex: Lexicon, known: dict[str, int]) -> str | None:
    """Rule zh.entity.after_copula: a discovered organisation whose words run over a copula or the
    preposition of a means (modifiers.tsv kind name_copula: 是, 原是, 为, 以) into a name — 陈晓原是永乐电器,
    质权人为中国农业银行股份有限公司, 成都高原汽车以威马成都公司 (起诉) — is the name after it, when that is a
    name by itself: a known name, one the article writes elsewhere, or a name of two characters or more
    before a strong ending (公司, 集团).  A copula inside a known name (华为Mate X) is part of it.
    None when there is none."""
    if m.type in ("Person", "Product") or m.name != m.surface or m.surface.isascii():
        return None
    surface = m.surface
    strong = _endings(id(lex), lex, True)
    inside = None
    for w in _copulas(id(lex), lex):
        i = surface.rfind(w, 0, len(surface) - 2)
        while i >= 0:
            rest = surface[i + len(w):]
            end = _longest_suffix(rest, strong)
            if lex.lookup(rest) is not None or known.get(rest, 0) > 0 or (end and len(rest) - len(end) >= 2):
                if inside is None:      # (the known names written inside the surface, found once)
                    inside = [(a, b) for a, b, _ in _lexicon_spans(surface, lex)]
                if not any(a <= i < b for a, b in inside):
                    return rest
            i = surface.rfind(w, 0, i)
    return None


def _lexicon_spans(surface: str, lex: Lexicon) -> list:
    """Every known name or alias written inside `surface`, wherever the segmenter cuts (华为|美国技术有限公司)."""
    return [(e - len(k) + 1, e + 1, name) for e, (k, name) in automata(lex)[0].iter(surface.lower())]


@functools.lru_cache(maxsize=4)
def _copulas(lex_id: int, lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted(lex.words("name_copula"), key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def _de_names(lex_id: int, lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted({s for e in lex.entities.values() for s in (e.name,) + e.aliases if "的" in s}))


def _tail_cut(m: Mention, lex: Lexicon) -> str | None:
    """The name before a last character or word that never ends one (瑞福锂业以, 张轩宁后, 百草味之后, 律师费等:
    modifiers.tsv kind name_tail), for a discovered name with no legal ending written as read; else None."""
    if m.name != m.surface or len(m.surface) < 2 or m.surface.isascii():
        return None
    tail = _longest_suffix(m.surface, _tails(id(lex), lex))
    if tail is None or _longest_suffix(m.surface, _endings(id(lex), lex)):
        return None
    return m.surface[:-len(tail)]


@functools.lru_cache(maxsize=4)
def _tails(lex_id: int, lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted(lex.words("name_tail"), key=len, reverse=True))


def _before_payment(m: Mention, lex: Lexicon) -> str | None:
    """A discovered name with a verb of paying inside it (须支付泛奇公司货款 read as 支付泛奇公司, 向原告敬某支付
    工伤保险待遇 read as 敬某支付工伤保险; modifiers.tsv kind paid_verb): the words before the verb (none when
    it opens the name); None when no such verb stands in it, or it stands inside a known name (支付宝)."""
    if m.name != m.surface or m.surface.isascii():
        return None
    at = min((i for i in (m.surface.find(v) for v in _paid_verbs(id(lex), lex)[0]) if i >= 0), default=-1)
    if at < 0 or any(n in m.surface for n in _paid_verbs(id(lex), lex)[1]):
        return None
    return m.surface[:at]


@functools.lru_cache(maxsize=4)
def _paid_verbs(lex_id: int, lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The verbs of paying, and the lexicon's names that hold one (支付宝)."""
    verbs = tuple(lex.words("paid_verb"))
    named = tuple(sorted({s for e in lex.entities.values() for s in (e.name,) + e.aliases
                          if any(v in s for v in verbs)}))
    return verbs, named


def _same_entity(text: str, mentions: list[Mention], lex: Lexicon, rename: dict[str, str]) -> None:
    """Names of one entity the discovery read apart, made one: a name glossed in Latin right after it
    (罗尔斯（Ralls Corporation）) is the same company; a discovered name that is a known name of the
    article without the place it opens with (外国投资委员会 after 美国外国投资委员会) is that entity."""
    known: dict[str, Mention] = {}
    for m in mentions:
        if m.source == "lexicon":
            known.setdefault(m.surface, m)
            known.setdefault(m.name, m)
    for m in mentions:
        if m.source != "pattern":
            continue
        if not m.surface.isascii():
            for full, k in known.items():
                if len(full) > len(m.surface) + 1 and full.endswith(m.surface) and k.type == m.type:
                    head = nlp.tagged(full[:-len(m.surface)])
                    if len(head) == 1 and head[0][1] == "ns":
                        rename[m.name] = k.name
                        m.name, m.owner = k.name, k.owner
                        break
            continue
        if m.start < 1 or text[m.start - 1] not in "（(" or text[m.end:m.end + 1] not in ("）", ")"):
            continue
        a = next((x for x in mentions if x.end == m.start - 1 and not x.surface.isascii()), None)
        if a is None or (a.type == "Person") != (m.type == "Person"):
            continue
        rename[m.name] = a.name
        m.name, m.type = a.name, a.type
