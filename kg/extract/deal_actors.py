"""The actor opening a deal sentence: `deal_actor_mentions` — an unknown name made of common words
(经纬纺机, 民生人寿, 新日恒力, 中远海发) at the opening of a clause, right before a word that says what
it did next (公告称, 斥资, 以…亿元, 拟, 宣布, 通过, 于<date>, its stock code), in a sentence that
goes on to a buying, investing or suing verb.

    (date, lead words) NAME 公告称，将…收购Y       NAME 斥资15亿元，收购Y       由NAME以自有资金…收购Y

The segmenter cuts such names into common words, so the whole-text discovery and the clause-subject
reader (`discover_args.subject_mentions`, which wants one proper-noun word) leave them out; this
reader takes the position and the marker as the evidence instead.  It only adds the name: the
relation frames (`relations.py`) decide its role, as for any other name.

Not names: a span with a stop word, a pronoun or determiner first (该公司, 其), a generic word
(公司, 上市公司), a kind of party (投资者, 收购方, 交易对方: kind `party_kind_end`), a single word the
segmenter knows as a common noun, verb or place (资本市场, 北京), an amount or a date.
Word lists: `ontology/lexicon/modifiers.tsv` kinds `actor_marker` (the words after the name) and
`actor_lead` (words before it at the clause opening: 由, 上市公司).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg import nlp
from kg.extract.mentions import Mention
from kg.extract.name_spans import new_pattern_mention, plausible_name, stop_words, tokens_from
from kg.extract.tickers import ticker_pattern
from kg.extract.triggers import find_triggers
from kg.extract.wordindex import Words
from kg.lexicon import Lexicon

_RELATIONS = ("acquires", "invests", "sues", "fines")
# (the patterns of _closes and name_ok, compiled once: they are asked per position and per word)
_BY_MEANS = re.compile(r"以(?:[0-9约近逾总共人现自发每其旗全不合要股协竞非])")
_ON_DATE = re.compile(r"于(?:[0-9今去近日本上当同次])")
_DIGIT = re.compile(r"[0-9]")
_LIST_NUMBER = re.compile(r"[0-9]+[\u4e00-\u9fff]")
_DIGITS_ONLY = re.compile(r"[0-9*]+")
_COUNT_IN = re.compile(r"[0-9]+(?:年|月|日|亿|万|元|%)")
_BY = re.compile(r"由(?<![理自缘来经因事]由)(?![于此])")     # (由 first: a literal the scan can look for)
_NUMBERED = re.compile(r"[0-9]{1,2}[、.．](?![0-9])|[（(][0-9一二三四五六七八九十]{1,2}[）)]")
_CLAUSE = re.compile(r"[，,；;：:。！？!?\n】\]）)]|(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fffA-Za-z*])")
_NAME_CHARS = re.compile(r"\*?[\u4e00-\u9fffA-Za-z0-9]{2,10}")
# a stock code after the name: 恒久科技(002808), 海航基础(600515.SH)
_FUNCTION_CHARS = set("的了是在将已也又还就都被把对向从与和及并而或其该这那此本各每为以于由拟称")
# a single segmenter word that is a common word, not a name (a verb, adverb, place, time)
_COMMON_TAGS = ("v", "vn", "d", "a", "ad", "an", "p", "c", "u", "r", "m", "q", "t", "f", "s", "ns", "l", "i",
                "n", "b", "z", "y", "e", "o", "h", "k", "g", "x", "zg", "uj", "ul", "ug", "uv", "uz",
                "ud", "df", "dg", "mq", "rr", "rz", "vd", "vi", "vq", "ng", "tg", "vg", "ag")
_RARE = 30


class _Lists(NamedTuple):
    """Word lists of this module, modifiers.tsv kinds (read once per lexicon by `_lists`)."""
    date: re.Pattern        # a date at the clause opening (2015年10月, 10月15日晚间): date_part_after
    role_ends: tuple        # kinds of party, not names (投资者, 收购方, 交易对方, 业内人士): party_kind_end
    suffix_ok: tuple        # company endings among them that end a name of 4+ characters: party_kind_end_ok
    deal_verbs: frozenset   # actor markers that are deal verbs: actor_deal_verb
    manner: frozenset       # a manner or degree word opening the span (高溢价收购, 全资收购): span_manner
    openers: frozenset      # words opening a phrase, not a name (自去年, 根据, 作为, 若, 按): phrase_opener


@functools.lru_cache(maxsize=4)
def _lists(lex_id: int, lex: Lexicon) -> _Lists:
    return _Lists(
        date=re.compile(r"(?:\d{4}年(?:\d{1,2}月(?:份)?(?:\d{1,2}日)?)?|\d{1,2}月(?:份)?(?:\d{1,2}日)?|\d{1,2}日)"
                        rf"(?:(?:{lex.alternation('date_part_after')}))?"),
        role_ends=tuple(sorted(lex.words("party_kind_end"))), suffix_ok=tuple(sorted(lex.words("party_kind_end_ok"))),
        deal_verbs=frozenset(lex.words("actor_deal_verb")), manner=frozenset(lex.words("span_manner")),
        openers=frozenset(lex.words("phrase_opener")))


@functools.lru_cache(maxsize=4)
def _words(lex_id: int, lex: Lexicon) -> tuple:
    by_len = lambda ws: Words(sorted(ws, key=len, reverse=True))     # noqa: E731
    return by_len(lex.words("actor_marker")), by_len(lex.words("actor_lead"))


def deal_actor_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """Unknown names opening a clause of the sentence text[ss:se] before an actor marker, when a
    buying, investing or suing verb follows later in the sentence."""
    markers, leads = _words(id(lex), lex)
    if not markers:
        return []
    hits = [ts for ts, _, trigs in find_triggers(text, lex, ss, se)
            if any(t.relation in _RELATIONS and t.lang == "zh" for t in trigs)]
    if not hits:
        return []
    out: list[Mention] = []
    starts = [(ss, True)] + [(m.end(), False) for m in _CLAUSE.finditer(text, ss, se)]
    # 由民生人寿以…收购: the agent after 由 (not 由于, 理由, 自由)
    starts += [(m.end(), False) for m in _BY.finditer(text, ss, se)]
    for p0, first in starts:
        p = _skip_lead(text, p0, se, leads, lex)
        if p >= se or not any(ts > p for ts in hits):
            continue
        found = new_pattern_mention(text, _name_at(text, p, se, markers, lex, first or p > p0), sm + out, lex)
        if found is not None:
            out.append(found)
    return out


def _skip_lead(text: str, p: int, se: int, leads: Words, lex: Lexicon) -> int:
    """Past dates, spaces and lead words at the clause opening."""
    for _ in range(4):
        while p < se and text[p] in " \u3000★":
            p += 1
        mn = _NUMBERED.match(text, p, se)
        if mn:
            p = mn.end()
        md = _lists(id(lex), lex).date.match(text, p, se)
        if md and md.end() > p:
            p = md.end()
            if text.startswith(("，", ","), p):
                p += 1
            continue
        w = leads.at(text, p)
        if w is None:
            break
        p += len(w)
    return p


def _name_at(text: str, p: int, se: int, markers: Words, lex: Lexicon, verbs: bool):
    """(start, end, words) of the name at `p` that the first actor marker after it closes, or None.
    `verbs`: a deal verb itself may close it (at the sentence opening only: …，高溢价收购了Y has a
    manner there, not a name)."""
    mc = _NAME_CHARS.match(text, p, se)
    if not mc:
        return None
    n = next((n for n in range(p + 2, min(mc.end(), p + 8) + 1) if _closes(text, n, se, markers, verbs, lex)), None)
    if n is None:
        return None
    toks = tokens_from(text, p, n)
    if "".join(w for w, _ in toks) != text[p:n]:
        toks = nlp.tagged(text[p:n])      # the clause's words cross the span's edge: its own words
    name = text[p:n]
    return (p, n, toks) if name_ok(name, toks, lex, rare_ok=True) or _short_listed(name, toks, lex) else None


def _short_listed(name: str, toks: list, lex: Lexicon) -> bool:
    """A listed company's short name of common words: a word of two or more characters, then a
    trade word the segmenter tags a verb (胜利|精密, 昂立|教育, 鲁商|发展, 兆易|创新: `actor_name_end`);
    4 to 6 characters.  Read as a name when `name_ok` holds with the verbs taken as name parts (not
    会议|审议, 要求|万达, 享受|风险|资本: no trade word ends them)."""
    if not 4 <= len(name) <= 6 or not 2 <= len(toks) <= 3 or len(toks[0][0]) < 2:
        return False
    if toks[-1][0] not in lex.words("actor_name_end") or (toks[0][1] == "v" and not rare(toks[0][0])):
        return False      # 推动|发展, 鼓励|创新: a verb and its object (胜利|精密 is tagged vn, 昂立 rare)
    plain = [(w, "nz" if (t or "x") in ("v", "vn", "vd") else t) for w, t in toks]
    return name_ok(name, plain, lex, rare_ok=True)


def _closes(text: str, n: int, se: int, markers: Words, verbs: bool, lex: Lexicon) -> bool:
    if ticker_pattern().match(text, n, se):     # a stock code closes the name (tickers.py)
        return True
    w = markers.at(text, n)
    if w is None:
        return False
    if w in _lists(id(lex), lex).deal_verbs and not verbs:
        return False
    if w == "联合" and text.startswith("创始", n + 2):      # 学大教育联合创始人: a title, not a joint act
        return False
    if w == "以":       # 以15亿元, 以现金, 以自有资金: a price or a manner, not 以为/以来/以及
        return bool(_BY_MEANS.match(text[n:n + 2]))
    if w == "于":       # 于2019年, 于近日: a date
        return bool(_ON_DATE.match(text[n:n + 2]))
    return True


@functools.lru_cache(maxsize=4)
def _suffix_words(lex_id: int, lex: Lexicon) -> frozenset:
    return frozenset(x[0] for x in lex.suffixes)


def rare(word: str) -> bool:
    """The segmenter's dictionary holds `word` but counts it at most `_RARE` times in its corpus: a
    name more likely than a common word (安进 5, 好想你 3, 不锈 6; 记者 24650, 宣布 7604).  Not the
    words the lexicon adds (股东大会, a role)."""
    tk = nlp.tokenizer()
    return 0 < (tk.FREQ.get(word) or 0) <= _RARE and word not in tk.user_word_tag_tab


def name_ok(name: str, toks: list, lex: Lexicon, verbs_inside: bool = False, rare_ok: bool = False) -> bool:
    """`name` (segmented as `toks`) reads as the name of a party, not a phrase, a kind or an amount.
    `verbs_inside`: a verb may stand inside it after a noun (小哥出行), not open it.  `rare_ok`: a
    word the segmenter's dictionary holds but rarely saw (安进, 好想你, 太钢|不锈: `rare`) is no
    common word, whatever its tag."""
    stops = stop_words(id(lex), lex)
    ends = _suffix_words(id(lex), lex)
    lists = _lists(id(lex), lex)
    if any((w in stops and not (i == len(toks) - 1 and i > 0 and w in ends)) or (len(w) == 1 and w in _FUNCTION_CHARS)
           for i, (w, _) in enumerate(toks)):
        return False      # a trigger word inside, unless it is the company ending (绿地|控股)
    if toks and (toks[0][0] in lists.manner or toks[0][0] in lex.generic or toks[0][0] in lists.openers
                 or (toks[0][1] or "x") in ("p", "c", "r", "u", "t", "m")):
        return False      # 对于为何要, 根据后来, 目前Ambau, 有9起: a phrase opening the clause
    if any((t or "x") in ("v", "vn", "vd") and len(w) >= 2 and not (rare_ok and rare(w))
           and not (0 < i == len(toks) - 1 and w in ends)      # 国药|控股: the company ending, tagged a verb
           for i, (w, t) in enumerate(toks[:1] if verbs_inside else toks)):
        return False      # 会议审议, 募集资金, 要求整改: a verb inside, not a name
    if any(w[:1] == "第" or _DIGIT.search(w) and not w.isascii() or t == "t" for w, t in toks):
        return False
    if len(name) < 2 or name in lex.generic or not plausible_name(name):
        return False
    if name[0] in _FUNCTION_CHARS or name[0] in "曾仍" or _LIST_NUMBER.match(name):
        return False      # 以不低, 曾拟, 以下简: a function word opening it; 4安凯客车: a list number
    if _DIGITS_ONLY.fullmatch(name) or _COUNT_IN.search(name):
        return False
    if name.endswith(lists.role_ends) and not (len(name) >= 4 and name.endswith(lists.suffix_ok)):
        return False
    if len(toks) == 1:
        w, t = toks[0]
        if not w.isascii() and t in _COMMON_TAGS and not (rare_ok and rare(w)):
            return False      # 资本市场, 北京, 记者: one common word
    return not all(t == "ns" for _, t in toks)
