"""The company a purchase or a suit names right after its verb: `deal_object_mentions` — an unknown
name (探探, 信联社, 互动百科, 杭州野生动物园) between 收购/并购/入股/参股/起诉 and what closes a company's
name there.

    X (以…)收购(了) NAME 、|和|及|，|。|（|(code)|的|持有|所持|80%的股权|股权|股份|一事|后…
    X 起诉 NAME ，|及其…
    X (完成了)对 NAME (65%股份)的收购 / 对 NAME 提起诉讼 / 被 NAME (以…)收购|起诉

The segmenter leaves such names in pieces or as rare dictionary words, and no ending (公司, 集团)
marks them, so the name finders pass them by.  The position is the evidence: the span from the
verb to the first closing word must read as a name (`deal_actors.name_ok`, rare dictionary words
allowed: 探探), 2 to 8 characters.  Not names: a span with a trigger or a function word inside, a
kind of party or asset (资产, 标的, 上市公司, 交易对方: `name_ok`, `generic.tsv`), an amount; not read
after 被 (被X收购: the name there is the buyer) nor as a noun (收购方, 收购价, 收购案).  It only adds
the name: the relation frames (`relations.py`) decide its role, as for any other name.  Word lists: the
modifiers.tsv kinds `_patterns` names (deal_object_buy, deal_verb_noun_use, deal_object_close, …).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg import nlp
from kg.extract.deal_actors import name_ok
from kg.extract.mentions import Mention
from kg.extract.name_spans import new_pattern_mention, pattern_mention, tokens_from
from kg.lexicon import Lexicon

_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9.·&]{1,11}")


class _Rx(NamedTuple):
    """Patterns whose words are modifiers.tsv kinds (built once per lexicon by `_patterns`)."""
    verb: re.Pattern
    noun_use: re.Pattern
    close: re.Pattern
    kinds: tuple
    marked: re.Pattern
    after_de: re.Pattern


@functools.lru_cache(maxsize=4)
def _patterns(lex_id: int, lex: Lexicon) -> _Rx:
    """The patterns, their word lists read from modifiers.tsv (the kind named at each)."""
    alt = lex.alternation
    return _Rx(
        verb=re.compile(rf"(?<![被遭])(?:(?:{alt('deal_object_manner')})?(?:{alt('deal_object_buy')})(?:了|完(?!成))?"
                        r"(?![方价案者人费款额潮战])|"
                        rf"起诉(?:了)?(?![书状方人至到于索要请称])|(?:{alt('deal_object_stake_verb')})(?:了)?(?![方价案者人费款额]))"),
        # the verb as a modifier or a noun (并购贷款, 收购标的, 收购事项已于, 在5笔收购上花费): no name after it
        noun_use=re.compile(alt("deal_verb_noun_use")),
        # what may follow a bought company's name right after the verb
        close=re.compile(rf"[、，,。；;（(：:“”\s]|(?<=[\u4e00-\u9fff])[0-9]|{alt('deal_object_close')}|$"),
        # a kind of thing bought, not a company's name (陌生人社交产品“积目”: the name is the quoted one)
        kinds=tuple(sorted(lex.words("deal_object_kind"))),
        # a name marked by 对 before a nominal purchase or a filing (完成了对NAME 65%股份的收购, 对NAME提起诉讼),
        # or by 被 before the verb (被NAME收购): the name runs up to the words after it
        marked=re.compile(rf"(?:(?<=对)(?P<obj>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9.·&\-]{{1,11}}?)"
                          rf"(?=(?:[0-9.]+%(?:的)?(?:{alt('deal_object_stake_noun')}))?的(?:全资)?(?:{alt('deal_object_buy')})|"
                          rf"(?:{alt('deal_object_filing')})[^，。；]{{0,8}}诉讼)"
                          rf"|(?<=[被遭])(?P<agent>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9.·&\-]{{1,11}}?)"
                          rf"(?=(?:全资|以[^，。；]{{1,12}})?(?:{alt('deal_object_buy', 'deal_object_suit_verb')})))"),
        after_de=re.compile(rf"的(?:[0-9]|{alt('deal_object_after_de')})"),
    )


def deal_object_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """Unknown names right after a purchase or suing verb of the sentence text[ss:se], or marked by
    对/被 around one."""
    if not any(w in text[ss:se] for w in ("购", "诉", "入股", "参股")):
        return []
    rx = _patterns(id(lex), lex)
    out: list[Mention] = []
    for mv in rx.verb.finditer(text, ss, se):
        p = mv.end()
        if rx.noun_use.match(text, p) or any(m.start <= p < m.end for m in sm + out):
            continue          # a name the finders already have
        found = new_pattern_mention(text, _name_at(text, p, se, lex), sm + out, lex)
        if found is not None:
            out.append(found)
    for mk in rx.marked.finditer(text, ss, se):
        s, e = mk.span("obj") if mk.group("obj") else mk.span("agent")
        if any(m.start < e and s < m.end for m in sm + out):
            continue
        toks = tokens_from(text, s, e)
        if "".join(w for w, _ in toks) != text[s:e]:
            toks = nlp.tagged(text[s:e])
        name = text[s:e]
        if name.endswith(rx.kinds) or name in lex.generic or not name_ok(name, toks, lex, rare_ok=True):
            continue
        out.append(pattern_mention(text, s, e, toks, lex))
    return out


def _name_at(text: str, p: int, se: int, lex: Lexicon):
    """(start, end, words) of the name at `p` closed by the first closing word after it, or None."""
    rx = _patterns(id(lex), lex)
    mn = _NAME.match(text, p, se)
    if not mn:
        return None
    n = next((n for n in range(p + 2, mn.end() + 1) if rx.close.match(text, n, se) or n == se), None)
    if n is None or n - p > 8:
        return None
    if text.startswith("的", n) and not rx.after_de.match(text[n:n + 4]):
        return None           # 收购标的的, 收购海外的资产: a modifier, not a name
    toks = tokens_from(text, p, n)
    if "".join(w for w, _ in toks) != text[p:n]:
        toks = nlp.tagged(text[p:n])
    name = text[p:n]
    if name.endswith(rx.kinds) or name in lex.generic or not name_ok(name, toks, lex, rare_ok=True):
        return None
    return p, n, toks
