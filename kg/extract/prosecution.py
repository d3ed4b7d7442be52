"""Prosecutions told around the court's act: `zh.suit.prosecution` — the procuratorate sues the accused.

    经/由 P (依法) (向…法院) 提起公诉，(…法院)…判处 (被告人) X        P sues X
    由 P 提起公诉的 (被告人/犯罪嫌疑人/description) X …一案          P sues X

    X (…级) 涉嫌…(一)案，…由 P (依法) (向…法院) 提起公诉                 P sues X

P is a named procuratorate (检察院, 检察署: an Organization whose name ends so); X the first person
named after 判处 in the same sentence, or the person the relative clause describes (only titles,
places and 原/前 between 的 and the name), or else the person whose case (X涉嫌…案) the sentence
opens with, before P (a title before the name: 台长杨玲玲 — `prosecution_mentions` reads the name
from its surname when no name covers it).  Not read: 审查起诉 (the file is still being examined),
移送…起诉 (sent on: `checks.py` stops those), a case number or a company instead of a person.
"""
from __future__ import annotations

import re

from kg.extract.mentions import Mention
from kg.lexicon import Lexicon

_PROSECUTED = re.compile(r"(?:经|由)(?:[^，。；;]{0,4})?$")
_FILED = re.compile(r"(?:依法)?(?:向[^，。；;]{2,24}?)?提起(?:了)?公诉")
_SENTENCED = re.compile(r"判处(?:被告人)?")
_DESCRIBED = re.compile(r"的(?:被告人|犯罪嫌疑人)?[^，。；;、和及与涉犯因]{0,24}?$")
_PROCURATORATE = ("检察院", "检察署", "检察分院")


# a procuratorate named after 经/由 (the name finders can miss it there: 审理由晋宁区人民检察院)
_NAMED = re.compile(r"(?:经|由)((?:[\u4e00-\u9fff](?<![经由的在对与和及向将被])){2,14}?(?:人民)?检察院(?:第[一二三四五六七八九十]分院)?)"
                    r"(?=(?:依法)?(?:向[^，。；;]{2,24}?)?提起(?:了)?公诉)")


# the accused whose case a sentence opens with: 台长杨玲玲(正厅级)涉嫌受贿罪一案
_CASE_OF = re.compile(r"(?:[（(][^（()）]{1,12}[）)])?涉嫌[^。；;，,]{1,40}?(?:一案|案)")
_ACCUSED = re.compile(r"(?<=[长员任理记席裁官、，,对])([\u4e00-\u9fff]{2,3}?)(?=(?:[（(][^（()）]{1,12}[）)])?涉嫌)")


def prosecution_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """The procuratorate of a 经/由 P 提起公诉 clause, and the person whose case it is (a surname
    after a title, before 涉嫌…案), when no name covers them yet."""
    if "公诉" not in text[ss:se]:
        return []
    out = []
    for mt in _NAMED.finditer(text, ss, se):
        s, e = mt.start(1), mt.end(1)
        if not any(m.start < e and s < m.end for m in sm):
            out.append(Mention(s, e, text[s:e], "Organization", text[s:e], "pattern"))
    if "涉嫌" in text[ss:se]:
        for mt in _ACCUSED.finditer(text, ss, se):
            s, e = mt.start(1), mt.end(1)
            if text[s] in lex.surnames and _CASE_OF.match(text, e) and not any(m.start < e and s < m.end for m in sm + out):
                out.append(Mention(s, e, text[s:e], "Person", text[s:e], "pattern"))
    return out


def prosecution_relations(text: str, ss: int, se: int, mentions: list[Mention], lex: Lexicon) -> list:
    """`sues` facts of the sentence text[ss:se] told as 经/由 P 提起公诉, as (subject, object, type,
    start, end, trigger, rule)."""
    if "公诉" not in text[ss:se]:
        return []
    named = [m for m in mentions if m.source != "coref"]
    out = []
    for p in named:
        if p.type != "Organization" or not (p.name.endswith(_PROCURATORATE) or re.search(r"检察院第[一二三四五六七八九十]分院$", p.name)) \
                or not _PROSECUTED.search(text, ss, p.start):
            continue
        if not re.search(r"(?:经|由)$", text[max(ss, p.start - 1):p.start]):
            continue
        mf = _FILED.match(text, p.end, se)
        if not mf:
            continue
        accused = None
        if text.startswith("的", mf.end()):
            # 由P提起公诉的被告人杨志刚…一案: the person the clause describes
            accused = next((m for m in named if m.type == "Person" and m.start > mf.end() and
                            _DESCRIBED.fullmatch(text, mf.end(), m.start)), None)
        else:
            ms = _SENTENCED.search(text, mf.end(), se)
            if ms:
                accused = next((m for m in named if m.type == "Person" and ms.end() <= m.start <= ms.end() + 12
                                and not re.search(r"[，。；;]", text[ms.end():m.start])), None)
        if accused is None and not text.startswith("的", mf.end()):
            # X涉嫌受贿罪一案，…由P…提起公诉: the person whose case the sentence opens with
            accused = next((m for m in reversed(named) if m.type == "Person" and m.end <= p.start
                            and _CASE_OF.match(text, m.end)), None)
        if accused is None:
            continue
        out.append((p.name, accused.name, "sues", p.end, mf.end(), "提起公诉", "zh.suit.prosecution"))
    return out
