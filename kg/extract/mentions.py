"""The Mention type and the lexicon pass: every known name and alias, found with Aho-Corasick and
kept leftmost-longest.

A short Chinese name matches inside other words (日经 in 15日经过), so a two-character match is kept
only where the segmenter agrees it is a word or where it stands as a name stands.  The clause bounds
here are the window every discovery step scans within.
"""
from __future__ import annotations

import bisect
import functools
import operator
import re
from dataclasses import dataclass

import ahocorasick

from kg import nlp
from kg.lexicon import Lexicon, legal_endings

PUNCT = set("，。；：！？、（）()《》“”\"「」『』【】[]<>〈〉 \t\n\r,;:!?|｜—－…·•/\\'‘’")
CJK = re.compile(r"[\u4e00-\u9fff]")


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
            if len(s) < 2:
                continue
            key = s.lower()
            names.add_word(key, (key, ent.name))
    # a Traditional article is read in Simplified characters: a Traditional alias (公平會) must match
    # there too (公平会), unless that form already names something
    for ent in lex.entities.values():
        for s in (ent.name,) + ent.aliases:
            key = nlp.to_simplified(s).lower() if not s.isascii() else ""
            if len(key) >= 2 and not names.exists(key):
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


def is_ascii_word_char(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c in "_")


def leftmost_longest(matches: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Leftmost-longest, non-overlapping."""
    # (at one start, the longest first: two stable sorts with keys made in C, the order of a sort by
    # (start, -end))
    matches.sort(key=operator.itemgetter(1), reverse=True)
    matches.sort(key=operator.itemgetter(0))
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
        # Latin names must sit on word boundaries (a Chinese name needs no test: its first and last
        # characters are no ASCII word characters)
        if (key[0].isascii() or key[-1].isascii()) and (
                (is_ascii_word_char(key[0]) and start > 0 and is_ascii_word_char(low[start - 1])) or
                (is_ascii_word_char(key[-1]) and end + 1 < len(low) and is_ascii_word_char(low[end + 1]))):
            continue
        found.append((start, end + 1, canon))
    out = []
    kept = leftmost_longest(found)
    longer = _longer_name_heads(text, kept)
    for s, e, canon in kept:
        if CJK.match(text[s]) and (inside_longer_name(text, s, e) or text.startswith(longer.get(text[s:e], ()), e)):
            continue
        if e - s == 2 and CJK.match(text[s]) and (not word_aligned(text, s, e) or low[s:e] in lex.framed) and \
                not framed_as_name(text, s, e, lex) and not (low[s:e] in lex.framed and supported(text, s, e, canon, lex, kept)):
            continue
        ent = lex.entities[canon]
        out.append(Mention(s, e, canon, ent.type, text[s:e], "lexicon", ent.owner))
    return out


# the legal endings a place word's name runs on to (legal_endings.tsv, use `tail`)
_LEGAL_TAIL_WORDS = legal_endings("tail", "zh")
_LEGAL_TAIL = re.compile(r"[\u4e00-\u9fff()（）]{0,16}?(?:" + "|".join(map(re.escape, _LEGAL_TAIL_WORDS)) + ")")


# a function character the segmenter glued to a name into some other word (对|联电 read 对联): no name
_FUNCTION_HEADS = frozenset("对向将与和被由在为从把给让跟同据经以于因就至并而或是及等称拟已所其该本系即凭令获受到")


def inside_longer_name(text: str, s: int, e: int) -> bool:
    """A known name read inside a longer name that is not it (北京东方联盟 is no 京东方, 一汽大众 no
    大众汽车, 旧金山办公室 no 金山办公): the segmenter's word crosses the name's left edge and what it
    takes in before the name is no place name (美国|通用汽车, 香港|联交所 are the names themselves) nor a
    function character (对|联电 cut as 对联); or
    a place or direction word follows the name on the way to a legal ending (中芯|北方|集成电路…有限公司 is
    another company than 中芯)."""
    cut = nlp.word_cut_at(text, s, s)
    if cut is not None and cut[0] < s:
        head = text[cut[0]:s]
        if not (len(head) >= 2 and nlp.tagged(head) == [(head, "ns")]) and head not in _FUNCTION_HEADS:
            return True
    return _place_then_legal(text, e) is not None


# a clause's punctuation but brackets: the place word is a word of the name's clause, and only
# Chinese characters and brackets stand between it and the legal ending
_TAIL_BREAK = re.compile("[" + re.escape("".join(sorted(nlp._CLAUSE_PUNCT - set("()（）")))) + "]")
_tails: tuple = (None, [])      # (text, where each of its legal endings starts, sorted)


def _legal_tails(text: str) -> list[int]:
    """Where each of _LEGAL_TAIL's endings starts in `text`, sorted (found once per text)."""
    global _tails
    got = _tails
    if got[0] is not text:
        starts = []
        for w in _LEGAL_TAIL_WORDS:
            i = text.find(w)
            while i >= 0:
                starts.append(i)
                i = text.find(w, i + 1)
        got = _tails = (text, sorted(starts))
    return got[1]


def _no_legal_tail(text: str, e: int) -> bool:
    """No legal ending can follow a word that opens at `e` (the first one after it lies past the
    clause): what _place_then_legal needs no segmenting to answer."""
    tails = _legal_tails(text)
    i = bisect.bisect_left(tails, e + 2)
    return i == len(tails) or _TAIL_BREAK.search(text, e, tails[i]) is not None


def _place_then_legal(text: str, e: int) -> str | None:
    """The place or direction word right after a name at `e` when a legal ending follows it (中芯|北方|
    集成电路制造(北京)有限公司 -> 北方), else None."""
    if e >= len(text) or not CJK.match(text[e]) or _no_legal_tail(text, e) or \
            nlp.word_cut_at(text, e - 1, e) is not None:
        return None     # (no legal ending after the word: no segmenting needed)
    _, toks, starts, _ = nlp.clause_index(text, e)
    i = bisect.bisect_left(starts, e)
    if i >= len(toks) or toks[i][0] != e:
        return None
    a, b, w, t = toks[i]
    if t not in ("f", "ns") or len(w) < 2 or not _LEGAL_TAIL.match(text, b):
        return None
    return w


def _longer_name_heads(text: str, kept: list) -> dict[str, tuple[str, ...]]:
    """surface -> the words that, written after it, make it a longer company's name: read where that
    longer name is written in full (中芯北方…有限公司), they hold wherever else it is written (建设中芯北方的…)."""
    out: dict[str, set] = {}
    for s, e, _ in kept:
        if CJK.match(text[s]):
            w = _place_then_legal(text, e)
            if w:
                out.setdefault(text[s:e], set()).add(w)
    return {k: tuple(v) for k, v in out.items()}


_NAME_LEFT = set("与和及、被由对向将跟同让是在")


@functools.lru_cache(maxsize=4)
def _right_words(lex_id: int, lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(modifiers.tsv name_right_word, name_act_after): read once per lexicon."""
    return tuple(sorted(lex.words("name_right_word"))), tuple(sorted(lex.words("name_act_after")))


def framed_as_name(text: str, s: int, e: int, lex: Lexicon) -> bool:
    """A two-character name the segmenter splits (快的|收购) is still a name when it stands where a
    name stands: at a clause start or after a conjunction or preposition, and before a verb, a
    conjunction or a pause."""
    left_ok = s == 0 or text[s - 1] in PUNCT or text[s - 1] in _NAME_LEFT
    if not left_ok:
        return False
    if e >= len(text) or text[e] in PUNCT:
        return True
    return text.startswith(_right_words(id(lex), lex)[0], e) or text.startswith(_trigger_words(id(lex), lex), e)


_MODEL_AFTER = re.compile(r"[A-Za-z0-9０-９]")
_SUPPORT_NEAR = 3       # characters either side of the alias, in its clause, where a support word counts


@functools.lru_cache(maxsize=1)
def _support_words() -> tuple[str, ...]:
    from kg.lexicon import load_table
    return tuple(sorted((r["word"] for r in load_table("check_words.tsv")
                         if r.get("kind") == "name_support" and r.get("word")), key=len, reverse=True))


def supported(text: str, s: int, e: int, canon: str, lex: Lexicon, found: list) -> bool:
    """A common word that is also a company's or product's alias (荣耀, 吉利, 起点: entities.tsv `~`) is a
    name where the text supports it: a model number right after it (荣耀20, 荣耀V30), its owner right
    before it, a word of companies, brands or products near it in its clause (荣耀手机, 吉利旗下:
    check_words.tsv, kind name_support), an act right after it (吉利收购…, 荣耀发布…); or where the
    article names the same entity otherwise (its full name, an alias that is no common word, its
    owner) or supports another telling of it so (荣耀20 … 今天荣耀在上海发布)."""
    low = text.lower()
    ent = lex.entities.get(canon)
    owner = ent.owner if ent else None
    if _near_support(text, s, e, lex, owner):
        return True
    for a, b, c in found:
        if (a, b) == (s, e):
            continue
        if b == s and low[a:b] not in lex.framed and lex.entities[c].type == "Company":
            return True     # 华为荣耀: a company named right before it (its maker, its owner then)
        if (owner and c == owner) or (c == canon and (low[a:b] not in lex.framed or framed_as_name(text, a, b, lex)
                                                     or _near_support(text, a, b, lex, owner))):
            return True
    return False


def _near_support(text: str, s: int, e: int, lex: Lexicon, owner: str | None) -> bool:
    if e < len(text) and (_MODEL_AFTER.match(text[e]) or text.startswith(_right_words(id(lex), lex)[1], e)
                          or text.startswith(_trigger_words(id(lex), lex), e)):
        return True
    own = lex.entities.get(owner) if owner else None
    if own and any(text.endswith(x, 0, s) for x in (own.name,) + own.aliases if len(x) >= 2):
        return True
    cs, ce = clause_start(text, s, _SUPPORT_NEAR), clause_end(text, e, _SUPPORT_NEAR)
    words = _support_words()
    return any(w in text[cs:s] or w in text[e:ce] for w in words)


@functools.lru_cache(maxsize=4)
def _trigger_words(lex_id: int, lex: Lexicon) -> tuple[str, ...]:
    return tuple(t.word for t in lex.triggers if t.lang == "zh" and "…" not in t.word and len(t.word) >= 2
                 and t.relation != "-")


def occurrences(text: str, needle: str, start: int = 0):
    """(start, end) of each non-overlapping occurrence of `needle` in `text[start:]`, left to right —
    what `re.finditer(re.escape(needle), …)` gives, without compiling a pattern per name (names are
    many and varied, so those patterns overflowed re's cache and were compiled again and again)."""
    n = len(needle)
    if not n:
        return
    i = text.find(needle, start)
    while i >= 0:
        yield i, i + n
        i = text.find(needle, i + n)


def word_aligned(text: str, s: int, e: int) -> bool:
    """A short name match is only a name when the segmenter agrees it is a word (日经 in 15日经过 is not)."""
    cs, _, _, ends = nlp.clause_index(text, s)
    return (s == cs or nlp.has_value(ends, s)) and (e == cs or nlp.has_value(ends, e))


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


CLAUSE_ENDS = "，,；;。！？!?\n"


def grouped_comma(text: str, i: int) -> bool:
    """text[i] is a comma that groups a number's digits (2,600万元, 4,922.00万美元): no clause break."""
    return text[i] == "," and 0 < i and text[i - 1].isdigit() and text[i + 1:i + 4].isdigit() and \
        len(text[i + 1:i + 4]) == 3 and not text[i + 4:i + 5].isdigit()


def unbroken(text: str, a: int, b: int) -> str:
    """text[a:b] without the commas that group digits (`grouped_comma`): the characters a clause-break
    test reads."""
    s = text[a:b]
    if "," not in s:
        return s
    return "".join(c for k, c in enumerate(s) if not grouped_comma(text, a + k))


def clause_span(text: str, s: int, e: int | None = None) -> tuple[int, int]:
    """Bounds of the clause (between commas, semicolons and sentence ends, no length limit) around
    text[s:e]."""
    lo = max(text.rfind(c, 0, s) for c in CLAUSE_ENDS) + 1
    his = [h for h in (text.find(c, s if e is None else e) for c in CLAUSE_ENDS) if h >= 0]
    return lo, min(his) if his else len(text)
