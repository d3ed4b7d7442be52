"""Latin names as the parties of a deal or a suit: `T-Mobile收购Sprint`, `特步宣布收购全球知名品牌K-Swiss、
Palladium及Supra`, `VFine Music起诉短视频MCN机构papitube`.

The lexicon knows few foreign companies, and the Chinese name finders stop at the first Latin letter
(全球知名品牌K).  Beside a deal or suit verb (`ontology/lexicon/modifiers.tsv` kind `party_verb`), a Latin
name written right after the verb — after a price, a manner and a description of its kind (以340亿美元,
美国游戏开发工作室) — is the object, with the Latin names listed after it (、, 和, 及); a Latin name
right before the verb (after adverbs: 宣布, 将, 正式) that opens its clause is the subject.  They become
Company mentions; the frame readers (`relations.py`) read the fact.  Not names: abbreviations of
things (App, AI, IPO: `launch_not_name`), stock codes, a name glued to a Chinese word (MCN机构: a kind).
"""
from __future__ import annotations

import functools
import re

from kg.extract.mentions import Mention
from kg.lexicon import Lexicon

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&\-.]*[A-Za-z0-9]?(?: [A-Z][A-Za-z0-9&\-.]*[A-Za-z0-9]?){0,3}")
# what stands between the verb and the object's name: a price, a manner, a description of its kind
_BETWEEN = re.compile(r"(?:了)?(?:以[^，。；,;]{1,16}?(?:价格|对价|代价|估值|元|美元|欧元|英镑|港元))?(?:的)?"
                      r"[\u4e00-\u9fff]{0,14}?(?=[A-Za-z])")
_LEADS = ("宣布", "正式", "将", "已", "已经", "拟", "计划", "同意", "决定", "完成", "成功", "今日", "近日", "日前",
          "周一", "周二", "周三", "周四", "周五", "周六", "周日", "也", "又", "再次", "还")
_PRICE = re.compile(r"(?:以|斥资|耗资|作价)[^，。；,;]{1,16}?(?:元|美元|欧元|英镑|港元|日元)(?:的)?(?:价格|对价|代价|现金)?")
_LIST = re.compile(r"\s?(?:、|和|及|以及|与|,|，)\s?")
# a Latin word glued to a Chinese kind noun is a kind or a part, not the party (MCN机构, CMOS图像传感器厂家)
_GLUED_KIND = re.compile(r"[\u4e00-\u9fff]{0,2}(?:机构|平台|版|系统|芯片|手机|用户|业务|部门|股|模式|技术|产品|市场|商店|游戏|"
                         r"图像|传感器|厂家|厂商|设备|模组|屏|显示|标准|架构)")


@functools.lru_cache(maxsize=4)
def _verbs(lex_id: int, lex: Lexicon) -> tuple:
    return (tuple(sorted(lex.words("party_verb"), key=len, reverse=True)),
            frozenset(w.lower() for w in lex.words("launch_not_name")))


# a kind of company written before a name: 芯片设计品牌Nexora is Nexora
KIND_BEFORE = re.compile(r"(?:品牌|公司|工作室|厂商|企业|集团|平台|机构|制造商|开发商|运营商|服务商|供应商|巨头|初创)$")


def described(m: Mention, s: int, e: int) -> bool:
    """`m` is a found name made of a description and the name text[s:e] (芯片设计品牌Nexora)."""
    return m.source != "lexicon" and m.start < s and m.end == e and bool(KIND_BEFORE.search(m.surface[:s - m.start]))


@functools.lru_cache(maxsize=8)
def _verb_re(verbs: tuple) -> re.Pattern:
    return re.compile("|".join(map(re.escape, verbs)))


_LATIN = re.compile(r"[A-Za-z]")       # (compiled once: asked per sentence and per name)
_LATIN2 = re.compile(r"[A-Za-z]{2}")


def latin_party_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """Company mentions for the Latin parties beside the deal and suit verbs of text[ss:se]."""
    verbs, not_name = _verbs(id(lex), lex)
    seg = text[ss:se]
    if not verbs or not _LATIN.search(seg) or not any(v in seg for v in verbs):
        return []
    out: list[Mention] = []
    known = [m for m in sm if m.source == "lexicon"]

    def add(s: int, e: int) -> None:
        name = text[s:e]
        if len(name) < 2 or name.lower() in not_name or not _LATIN2.search(name):
            return
        if any(m.start < e and s < m.end for m in known + out) or any(
                m.start <= s and e <= m.end and not described(m, s, e) for m in sm):
            return        # a known name is read as the lexicon has it; a found name holding it stays
        out.append(Mention(s, e, name, "Company", name, "pattern"))

    for mv in _verb_re(verbs).finditer(text, ss, se):
        vs, ve = mv.start(), mv.end()
        # the object after it, and the Latin names listed after the object
        mb = _BETWEEN.match(text, ve, se)
        p = mb.end() if mb else ve
        while p < se:
            mn = _NAME.match(text, p, se)
            if not mn or _GLUED_KIND.match(text, mn.end(), se):
                break
            add(mn.start(), mn.end())
            ml = _LIST.match(text, mn.end(), se)
            if not ml:
                break
            p = ml.end()
        # the subject before it
        q = vs
        for _ in range(5):
            w = next((w for w in _LEADS if text.startswith(w, q - len(w)) and q - len(w) >= ss), None)
            mp = _PRICE.search(text, ss, q)
            if w:
                q -= len(w)
            elif mp and mp.end() == q:
                q = mp.start()       # 以12亿美元收购
            else:
                break
        head = text[ss:q]
        ms = re.search(r"(?<![A-Za-z0-9&\-.])([A-Z][A-Za-z0-9&\-.]*(?: [A-Z][A-Za-z0-9&\-.]*){0,2})\s?$", head)
        if ms:
            before = head[:ms.start(1)].rstrip()
            if not before or before[-1] in "，,。；;：:！!？?】」”\"" or re.search(r"\d{1,2}日$", before):
                add(ss + ms.start(1), ss + ms.end(1))
    return out
