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
the name: the relation frames (`relations.py`) decide its role, as for any other name.
"""
from __future__ import annotations

import re

from kg import nlp
from kg.extract.deal_actors import name_ok
from kg.extract.mentions import Mention
from kg.extract.name_spans import new_pattern_mention, pattern_mention, tokens_from
from kg.lexicon import Lexicon

_VERB = re.compile(r"(?<![被遭])(?:(?:全资|战略)?(?:收购|并购)(?:了|完(?!成))?(?![方价案者人费款额潮战])|"
                   r"起诉(?:了)?(?![书状方人至到于索要请称])|(?:入股|参股)(?:了)?(?![方价案者人费款额]))")
# the verb as a modifier or a noun (并购贷款, 收购标的, 收购事项已于, 在5笔收购上花费): no name after it
_NOUN_USE = re.compile(r"案|贷款|基金|项目|标的|交易|资金|重组|计划|方案|整合|协议|事宜|事项|完成|成功|定价|价格|对价|行为|进程|"
                       r"要约|资产|业务|股票|上|中|时|前|后|期间|以来|之")
_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9.·&]{1,11}")
# what may follow a bought company's name right after the verb
_CLOSE = re.compile(r"[、，,。；;（(：:“”\s]|(?<=[\u4e00-\u9fff])[0-9]|和|及|与|的|持有|所持|旗下|股权|股份|全部|剩余|部分|多数|"
                    r"额外|约|近|逾|超过|一事|事项|之后|后|以来|有利于|团队|$")


# a kind of thing bought, not a company's name (陌生人社交产品“积目”: the name is the quoted one)
_KINDS = ("产品", "应用", "品牌", "项目", "业务", "资产", "平台", "工厂", "门店", "股票")


# a name marked by 对 before a nominal purchase or a filing (完成了对NAME 65%股份的收购, 对NAME提起诉讼),
# or by 被 before the verb (被NAME收购): the name runs up to the words after it
_MARKED = re.compile(r"(?:(?<=对)(?P<obj>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9.·&\-]{1,11}?)"
                     r"(?=(?:[0-9.]+%(?:的)?(?:股份|股权))?的(?:全资)?(?:收购|并购)|(?:提起|发起)[^，。；]{0,8}诉讼)"
                     r"|(?<=[被遭])(?P<agent>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9.·&\-]{1,11}?)"
                     r"(?=(?:全资|以[^，。；]{1,12})?(?:收购|并购|起诉|告上法庭|诉至)))")


def deal_object_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """Unknown names right after a purchase or suing verb of the sentence text[ss:se], or marked by
    对/被 around one."""
    if not any(w in text[ss:se] for w in ("购", "诉", "入股", "参股")):
        return []
    out: list[Mention] = []
    for mv in _VERB.finditer(text, ss, se):
        p = mv.end()
        if _NOUN_USE.match(text, p) or any(m.start <= p < m.end for m in sm + out):
            continue          # a name the finders already have
        found = new_pattern_mention(text, _name_at(text, p, se, lex), sm + out, lex)
        if found is not None:
            out.append(found)
    for mk in _MARKED.finditer(text, ss, se):
        s, e = mk.span("obj") if mk.group("obj") else mk.span("agent")
        if any(m.start < e and s < m.end for m in sm + out):
            continue
        toks = tokens_from(text, s, e)
        if "".join(w for w, _ in toks) != text[s:e]:
            toks = nlp.tagged(text[s:e])
        name = text[s:e]
        if name.endswith(_KINDS) or name in lex.generic or not name_ok(name, toks, lex, rare_ok=True):
            continue
        out.append(pattern_mention(text, s, e, toks, lex))
    return out


def _name_at(text: str, p: int, se: int, lex: Lexicon):
    """(start, end, words) of the name at `p` closed by the first closing word after it, or None."""
    mn = _NAME.match(text, p, se)
    if not mn:
        return None
    n = next((n for n in range(p + 2, mn.end() + 1) if _CLOSE.match(text, n, se) or n == se), None)
    if n is None or n - p > 8:
        return None
    if text.startswith("的", n) and not re.match(r"的(?:[0-9]|全部|剩余|部分|股权|股份|控股权|控制权)", text[n:n + 4]):
        return None           # 收购标的的, 收购海外的资产: a modifier, not a name
    toks = tokens_from(text, p, n)
    if "".join(w for w, _ in toks) != text[p:n]:
        toks = nlp.tagged(text[p:n])
    name = text[p:n]
    if name.endswith(_KINDS) or name in lex.generic or not name_ok(name, toks, lex, rare_ok=True):
        return None
    return p, n, toks
