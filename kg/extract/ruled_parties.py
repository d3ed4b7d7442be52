"""The parties a ruling names in its slots: `ruled_party_mentions` — an unknown name (中恒汇志, 白丹青,
轻松筹公司) where a ruling puts a party, in a sentence naming a court or tribunal.

    判决/判令/裁定/要求 (被告/被告人/被执行人) X、Y  立即|应|于|向|支付|偿还|赔偿|承担|停止|犯…   X, Y
    驳回 X 的 (全部|其他)?诉讼请求|上诉                                                X
    认定 X 犯…罪 / 判处 X 有期徒刑|死刑|无期徒刑 / ，X 犯…罪，判处                       X

Each slot is closed by the words that follow a party there (what it must do, or 犯 for the
accused), so the span between is the name, or a list of names (、和及).  A span must read as a
name (`deal_actors.name_ok` for a company-like span, rare dictionary words allowed; a person's
name is a surname and one or two more characters); a kind of party (公司, 被告, 各方), a
pronoun (其, 该公司), an amount or a date is none.  The reader adds only the names: the ruling
frames (`relations.py`) read the court's relation to them, as for any other name.
"""
from __future__ import annotations

import re

from kg import nlp
from kg.extract.deal_actors import name_ok
from kg.extract.mentions import Mention
from kg.extract.name_spans import pattern_mention, tokens_from
from kg.lexicon import Lexicon

_COURT = re.compile(r"法院|法庭|中院|高院|仲裁委|贸仲|仲裁庭|法官")
_ROLE = r"(?:原审)?(?:被告人|被告|被执行人|被上诉人|上诉人|被申请人|第[一二三四五]被告)?"
_NAME = r"[\u4e00-\u9fffA-Za-z0-9*()（）]{2,20}?"
_LIST = r"(?:" + _NAME + r"(?:、|和|及|以及))*" + _NAME
# what a party must do, or has done, right after its name in a ruling
_DUTY = (r"(?=立即|应当?|需|须|于本?判决|在判决|自判决|向|支付|偿还|偿付|赔偿|归还|返还|承担|停止|继续|共同|连带|对[^，。；]{1,20}"
         r"承担|犯|构成|败诉|胜诉|履行|赔礼|消除|删除|退还|变更|办理|给付|腾退|交付|无需|不承担)")
_SLOTS = (
    re.compile(r"(?<![在于自本起至])(?:判决|判令|裁定|裁决|要求|责令|判)(?!书|生效|结果|后|中|前)" + _ROLE + "(" + _LIST + ")" + _DUTY),
    re.compile(r"驳回" + _ROLE + "(" + _LIST + r")(?=的(?:全部|其他|其余|部分)?(?:诉讼请求|上诉|起诉|申请|再审申请))"),
    re.compile(r"(?:认定|判处|宣判)" + _ROLE + "(" + _LIST + r")(?=犯|构成|有期徒刑|无期徒刑|死刑|拘役|罚金)"),
    re.compile(r"(?:^|[，,；;])(" + _NAME + r")(?=犯[\u4e00-\u9fff、]{1,16}罪)"),
    # the party paid: 向X支付/偿还/归还, 赔偿/返还/支付 (原告) X 经济损失/货款/…
    re.compile(r"向" + _ROLE + "(" + _NAME + r")(?=支付|偿还|偿付|归还|返还|赔偿|赔付|给付|交付)"),
    re.compile(r"(?:赔偿|返还|支付|偿还|归还|给付)" + _ROLE.replace("被告人|被告|", "原告|申请人|") + "(" + _NAME +
               r")(?=经济损失|损失|货款|借款|欠款|款项|费用|租金|本金|违约金|赔偿金|[0-9])"),
    # those bound together: X、Y (应)对…承担连带(清偿)责任
    re.compile(r"(?:^|[，,；;：:])" + _ROLE + "(" + _LIST + r")(?=(?:应当?|需|须)?对[^，。；;]{1,24}承担(?:连带|共同))"),
)
_MONEY = ("款", "利息", "本息", "本金", "资金", "费", "损失", "金额", "债务", "责任", "财产")
_LISTED_KIND = re.compile(r"等[两三四五六七八九十几多数]?家?(?:公司|企业|集团)")
_PART = re.compile(r"(?:(?!以及)[^、和及])+")
_NOT = ("公司", "被告", "原告", "各方", "双方", "对方", "该公司", "其", "本院", "法院", "相关方", "当事人", "上诉人",
        "被上诉人", "被执行人", "申请人", "被申请人", "第三人", "其他相关方", "该行", "本公司", "上市公司", "发行人")


def ruled_party_mentions(text: str, ss: int, se: int, sm: list[Mention], lex: Lexicon) -> list[Mention]:
    """Unknown names in the party slots of a ruling in the sentence text[ss:se]."""
    sent = text[ss:se]
    if not _COURT.search(sent):
        return []
    out: list[Mention] = []
    for pat in _SLOTS:
        for mt in pat.finditer(text, ss, se):
            for pm in _PART.finditer(text, mt.start(1), mt.end(1)):
                s, e = pm.span()
                k = text.find("等", s, e)
                if k - s >= 2 and _LISTED_KIND.fullmatch(text, k, e) and \
                        not any(m.start < k and s < m.end for m in sm + out):
                    # 判决A、B、C等三家公司赔偿: the list ends before 等, its members are companies
                    out.append(Mention(s, k, text[s:k], "Company", text[s:k], "pattern"))
                    continue
                if e - s < 2 or any(m.start < e and s < m.end for m in sm + out):
                    continue
                m = _party(text, s, e, lex)
                if m is not None:
                    out.append(m)
    return out


def _party(text: str, s: int, e: int, lex: Lexicon) -> Mention | None:
    name = text[s:e]
    if name in _NOT or name in lex.generic or name.endswith(("某某", "等")) or re.search(r"[0-9]{2,}|年|月|日|生效", name):
        return None
    if name.endswith(_MONEY):
        return None       # 支付胡老太存款, 偿还贷款本息: what is paid, not who
    toks = tokens_from(text, s, e)
    if "".join(w for w, _ in toks) != name:
        toks = nlp.tagged(name)
    if toks and (toks[0][1] or "x") in ("b", "d", "r"):
        return None       # 所有到期…, 相关…: a determiner, not a name
    if 2 <= len(name) <= 3 and name[0] in lex.surnames and name.isalpha() and \
            not any((t or "x")[0] in "vpcurdmq" and not (t or "").startswith("nr") for _, t in toks[1:]):
        return Mention(s, e, name, "Person", name, "pattern")
    if len(name) >= 4 or name.endswith(("公司", "集团")):
        if name_ok(name, toks, lex, rare_ok=True) or (len(name) > 4 and name.endswith(("公司", "集团"))
                                                        and name_ok(name[:-2], nlp.tagged(name[:-2]), lex, rare_ok=True)):
            return pattern_mention(text, s, e, toks, lex)
    return None
