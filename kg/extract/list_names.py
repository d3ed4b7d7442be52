"""Unknown names listed beside a known one: `list_name_mentions` — in a list of companies (A、B和C)
of which one is a name already found, the other members are names too.

    淡水泉增持了梦百合、东软集团和新大陆            东软集团 known → 梦百合, 新大陆
    冯柳新进了中旗股份、长久物流、欣旺达、万兴科技  中旗股份 known → 长久物流, 欣旺达

A fund manager's or an acquirer's list is written in bare names of common words the segmenter cuts
(长久物流, 新大陆), so discovery finds only the members with a company ending.  A member runs
between list words (、 和 及 以及; 与 only after a 、, since A与B is more often "A with B") and stops at a clause break, at 等/两家/分别/各…, or at a
stock quote in brackets ((行情600887), (300391)); a member refused (below) between two 、 is skipped and the
list read on (rule `zh.entity.list_name`); the first member starts after a boundary (了,
包括, 如, 对, a trigger word, the clause opening).  Each must read as a name (`deal_actors.name_ok`: no
verb, no kind of party, no amount or date; a rare word tagged a verb is refused here: 挪用资金) and is a company
(`name_spans.guess_type`: a person's name, 王建国, is left out).  The reader adds only names; the relation frames
decide their roles (`list_sides` reads a relation told of one member for the others).  Word lists: modifiers.tsv
kinds list_conj, list_conj_no_yu, list_member_stop, list_left.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg import nlp
from kg.extract.deal_actors import name_ok
from kg.extract.mentions import Mention
from kg.extract.name_spans import guess_type, tokens_from
from kg.extract.triggers import find_triggers
from kg.lexicon import Lexicon

_QUOTE = re.compile(r"[（(](?:行情)?[0-9]{6}(?:\.[A-Z]{2})?(?:[,，]\s*诊股)?[)）]|[（(](?:行情|股吧)[)）]")
_MAX = 8
_CHARS = re.compile(r"\*?[\u4e00-\u9fffA-Za-z0-9]+")


class _Rx(NamedTuple):
    """Patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    sep: re.Pattern
    left_seps: tuple
    stop: re.Pattern
    left: tuple


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    return _Rx(
        sep=re.compile(alt("list_conj")),
        # leftwards, 与 joins no list (A与B is more often "A with B"); the longer word first (以及 before 及)
        left_seps=tuple(sorted(lex.words("list_conj_no_yu"), key=lambda w: (-len(w), w))),
        stop=re.compile(rf"{alt('list_member_stop')}|[，,。；;：:！？!?（(）)\s\"“”《》]"),
        left=tuple(sorted(lex.words("list_left"))),
    )


def list_name_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """Unknown members of the lists of the sentence text[ss:se] that name a known company."""
    known = [m for m in sm if m.type == "Company" and m.source != "coref"]
    rx = _patterns(id(lex), lex)
    if not known or not rx.sep.search(text, ss, se):
        return []
    taken = sorted((m.start, m.end) for m in sm)
    trig_ends = {te for _, te, _ in find_triggers(text, lex, ss, se)}
    out: list[Mention] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken) and not any(m.start < e and s < m.end for m in out)

    for k in known:
        # rightwards: 、B、C和D
        p = _past_quote(text, k.end, se)
        listed = False      # 与 joins a list only after 、 (A与B is more often "A with B")
        while True:
            sep = rx.sep.match(text, p, se)
            if not sep or (sep.group() == "与" and not listed):
                break
            listed = True
            s = sep.end()
            e = _member_end(text, s, se, rx)
            if e is None:
                break
            if free(s, e):
                m = _name(text, s, e, lex)
                if m is None and not text.startswith("、", e):
                    break
                if m is not None:
                    out.append(m)   # (a member refused between two 、 is skipped: the list goes on)
            p = _past_quote(text, e, se)
        # leftwards: A、 before the known one
        p = k.start
        while p > ss:
            sep = next((w for w in rx.left_seps if text.endswith(w, ss, p)), None)
            if sep is None:
                break
            e = p - len(sep)
            while e > ss and text[e - 1] in ")）" and _QUOTE.search(text, max(ss, e - 16), e):
                e = _QUOTE.search(text, max(ss, e - 16), e).start()
            s = _member_start(text, ss, e, trig_ends, rx)
            if s is None or not free(s, e):
                break
            m = _name(text, s, e, lex)
            if m is None and not text.endswith("、", ss, s):
                break
            if m is not None:
                out.append(m)
            p = s
    return out


def _past_quote(text: str, p: int, se: int) -> int:
    q = _QUOTE.match(text, p, se)
    return q.end() if q else p


def _member_end(text: str, s: int, se: int, rx: _Rx) -> int | None:
    """The end of the list member starting at `s` (at the next list word, stop word or quote)."""
    e = s
    while e < se and e - s <= _MAX:
        if rx.stop.match(text, e) or rx.sep.match(text, e) and e - s >= 2 or _QUOTE.match(text, e):
            break
        e += 1
    return e if 2 <= e - s <= _MAX and (e >= se or not text[e].isalnum() or rx.stop.match(text, e)
                                          or rx.sep.match(text, e) or _QUOTE.match(text, e)) else None


def _member_start(text: str, ss: int, e: int, trig_ends: set, rx: _Rx) -> int | None:
    """The start of the list member ending at `e`: after a boundary word, a trigger, a list word
    or the clause opening, within _MAX characters."""
    for s in range(e - 2, max(ss, e - _MAX) - 1, -1):
        if s == ss or not text[s - 1].isalnum() or s in trig_ends or text.endswith(rx.left, ss, s) \
                or text[s - 1] in "、和及与":
            return s
    return None


def _name(text: str, s: int, e: int, lex: Lexicon) -> Mention | None:
    name = text[s:e]
    if name in lex.generic or not _CHARS.fullmatch(name):
        return None
    toks = tokens_from(text, s, e)
    if "".join(w for w, _ in toks) != name:
        toks = nlp.tagged(name)
    if not name_ok(name, toks, lex):
        return None
    kind = guess_type(name, toks, lex, text[e:e + 3])
    return Mention(s, e, name, kind, name, "pattern") if kind == "Company" else None
