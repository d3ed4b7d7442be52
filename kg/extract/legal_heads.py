"""The head of a registered name the ending scan cut off (rule `zh.entity.legal_head`).

The scan left from a legal ending (有限公司) stops at words that are not name-like — a brand made of
verbs or adjectives (聚|好看|科技股份有限公司, 中山|奔腾|电器有限公司) or a word the segmenter does not
know as a name (湘潭|国中|污水处理有限公司) — and leaves a "name" of business words only (科技股份有限公司,
电器有限公司), which names no one.  Such a name takes in the words right before it, up to two words and
five characters, stopping at punctuation, another mention, a function word (preposition, conjunction,
particle, pronoun, adverb), a stop word of the relation reader (a trigger such as 起诉, 诉, 收购; a role;
a negation) or a generic word.
"""
from __future__ import annotations

from kg import nlp
from kg.extract.discover_names import LEGAL_ENDINGS
from kg.extract.mentions import CJK, Mention
from kg.extract.name_spans import _NAME_TAGS, FUNCTION_START, stop_words
from kg.lexicon import Lexicon

__all__ = ["extend_legal_heads"]

_ENDINGS = tuple(sorted(LEGAL_ENDINGS, key=len, reverse=True))
_FUNCTION_TAGS = ("p", "c", "u", "r", "d", "m", "q", "f", "t")
_MAX_WORDS, _MAX_CHARS = 3, 5
_COPULAS = ("系", "是", "为")


def _business_only(core: str, lex: Lexicon) -> bool:
    """The part of a registered name before its ending holds no proper-name word (网络科技, 科技股份)."""
    if not core or not all(CJK.match(c) for c in core):
        return False
    toks = nlp.tagged(core)
    return all(t is not None and t not in _NAME_TAGS and t not in ("ns",) for _, t in toks)


def _is_break(text: str, pos: int, lo: int, toks_before, stops) -> bool:
    """Is there a natural left edge of a name at `pos`: the window's edge (punctuation, another
    mention, the text's start), a stop word or function word, or a preposition character?"""
    if pos <= lo:
        return True
    if text[pos - 1] in FUNCTION_START:
        return True
    if toks_before:
        w, t = toks_before[-1]
        return w in stops or w in _COPULAS or (t or "").startswith(("p", "c", "u", "r", "d"))
    return False


def _head(text: str, lo: int, s: int, lex: Lexicon, stops) -> str:
    """The words right before `s` (from `lo`) that open the registered name: the longest run of up to
    three words (five characters) with a natural left edge before it."""
    toks = nlp.tagged(text[lo:s]) if lo < s else []
    take: list[tuple[str, str | None]] = []
    k = len(toks)
    for i in range(len(toks) - 1, -1, -1):
        w, t = toks[i]
        glue = len(w) == 1 and (t or "")[:1] in ("f", "c") and i > 0 and CJK.match(toks[i - 1][0]) \
            and toks[i - 1][0] not in stops and (toks[i - 1][1] or "x")[:1] not in ("p", "c", "u", "r", "d")
        if not glue and (w in stops or w in lex.generic or (t or "").startswith(_FUNCTION_TAGS)
                         or lex.lookup(w) is not None):
            break
        if len(take) >= _MAX_WORDS or sum(len(x) for x, _ in take) + len(w) > _MAX_CHARS:
            break
        take.insert(0, (w, t))
        k = i
    # the longest run with a natural left edge (协议约定由盛和…: 盛和, after the preposition 由)
    for j in range(len(take)):
        run = take[j:]
        head = "".join(w for w, _ in run)
        if len(run[0][0]) == 1 and ((run[0][1] or "")[:1] in ("f", "c") or run[0][0] in _COPULAS):
            continue        # a function character glues two words of a name, it opens none (nor 系, 是)
        pos = s - len(head)
        if _is_break(text, pos, lo, toks[:k + j], stops):
            return head
        if len(run[0][0]) > 1 and run[0][0][0] in FUNCTION_START and pos + 1 < s:
            return head[1:]     # (由盛|和: a preposition the segmenter glued to the first word)
    return ""


def extend_legal_heads(text: str, lex: Lexicon, found: list[Mention], taken: list[Mention]) -> list[Mention]:
    """`found` (discovered mentions) with each business-words-only registered name extended left."""
    stops = stop_words(id(lex), lex)
    ends = {m.end for m in taken} | {m.end for m in found}
    out: list[Mention] = []
    for m in found:
        end = next((x for x in _ENDINGS if m.surface.endswith(x)), None)
        if m.source != "pattern" or m.type != "Company" or end is None or \
                not _business_only(m.surface[:-len(end)], lex):
            out.append(m)
            continue
        s = m.start
        lo = s
        while lo > 0 and s - lo < 8 and CJK.match(text[lo - 1]) and lo not in ends:
            lo -= 1
        if lo > 0 and text[lo - 1].isascii() and text[lo - 1].isalnum():
            out.append(m)       # (IP申请发展有限公司: a Latin head the scan cannot take)
            continue
        head = _head(text, lo, s, lex, stops) if lo < s else ""
        start = s - len(head)
        if out and out[-1].end == start and out[-1].source == "pattern" and out[-1].type == "Company" and \
                not any(out[-1].surface.endswith(x) for x in _ENDINGS):
            # 上海智臻智能网络|科技股份有限公司, 上海证大文化|创意|发展有限公司: a name found by a weak
            # ending right before the head is the name's start
            start = out.pop().start
        elif not head:
            out.append(m)
            continue
        surface = text[start:m.end]
        out.append(Mention(start, m.end, surface, m.type, surface, "pattern", m.owner))
    return out
