"""Money amounts: 9000万元, 4.7亿元, 182.28亿元, 人民币5亿, 一千万, 300万, $1.05 billion, 1亿美元.

`find_money(text)` returns each amount with offsets, value and currency (CNY, USD, EUR, HKD, ...).
Chinese numerals go through cn2an.
"""
from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass

_UNITS = {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6, "十万": 1e5, "万亿": 1e12, "千": 1e3, "百": 1e2}
_EN_UNITS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6,
             "mn": 1e6, "bn": 1e9, "b": 1e9}
_CUR_ZH = {"美元": "USD", "美金": "USD", "欧元": "EUR", "港元": "HKD", "港币": "HKD", "日元": "JPY",
           "英镑": "GBP", "韩元": "KRW", "新台币": "TWD", "人民币": "CNY", "元": "CNY", "块": "CNY"}
# a foreign currency written before the number (新台币15亿元, 港币5亿元): every one of _CUR_ZH but yuan, and 台币
_PRE_CUR = {w: c for w, c in _CUR_ZH.items() if c != "CNY"} | {"台币": "TWD"}
_CUR_SYM = {"$": "USD", "US$": "USD", "NT$": "TWD", "NTD": "TWD", "TWD": "TWD", "USD": "USD", "€": "EUR",
            "EUR": "EUR", "£": "GBP", "¥": "CNY", "￥": "CNY", "RMB": "CNY", "CNY": "CNY", "HK$": "HKD", "HKD": "HKD", "yuan": "CNY"}

_CN_NUM = "零〇一二两三四五六七八九十百千"


def _longest_first(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_ZH_RE = re.compile(
    rf"(?P<pre>人民币|RMB|￥|¥|{_longest_first(_PRE_CUR)})?\s*"
    rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN_NUM}]+(?:点[{_CN_NUM}]+)?)"
    r"\s*(?P<unit>万亿|千万|百万|十万|亿|万|千)?"
    rf"\s*(?P<cur>{_longest_first(_CUR_ZH)})?")
_EN_RE = re.compile(
    r"(?P<sym>US\$|HK\$|NT\$|NTD|TWD|\$|€|£|¥|￥|RMB|USD|EUR|HKD|CNY)\s?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s*(?P<unit>thousand|million|billion|trillion|bn|mn|[kmb])\b)?"
    r"|(?P<num2>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit2>thousand|million|billion|trillion)?\s+"
    r"(?P<cur2>yuan|dollars|euros|pounds|RMB|USD|EUR)\b", re.I)


@dataclass
class Money:
    start: int
    end: int
    text: str
    value: float
    currency: str | None     # None when the text gives a bare amount ("300万")


@functools.lru_cache(maxsize=4096)
def _num(s: str) -> float | None:
    # (remembered: cn2an takes ~50 µs a numeral, and a suit's sentence is read for money once per
    # relation told in it)
    s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        pass
    try:
        import cn2an
        return float(cn2an.cn2an(s, "smart"))
    except Exception:
        return None


def find_money(text: str) -> list[Money]:
    out: list[Money] = []
    for m in _ZH_RE.finditer(text):
        num, unit, cur, pre = m.group("num"), m.group("unit"), m.group("cur"), m.group("pre")
        if not (unit or cur or pre) or pre in _PRE_CUR and not (unit or cur):
            continue        # (a foreign currency word before a bare number, 美元2019年, is no amount)
        if not any(c.isdigit() for c in num):
            # Chinese numerals need a unit or currency and must not be a bare word (一千 alone)
            if not (unit or cur):
                continue
            if len(num) == 1 and num in "两" and not cur:
                continue
        v = _num(num)
        if v is None:
            continue
        if unit:
            v *= _UNITS[unit]
        currency = None
        if cur:
            currency = _CUR_ZH[cur]
        if pre:
            # a currency written before the number rules over the 元 after it (新台币15亿元 is
            # NT$1.5 billion, not yuan; 港币5亿元 is HK$): only 人民币/RMB/¥ make it yuan
            currency = _PRE_CUR.get(pre) or currency or "CNY"
        # "万" alone after a digit is often a count (5万人): require money context to keep bare units
        if currency is None:
            tail = text[m.end():m.end() + 1]
            if tail and tail in "人家个台辆次条股份户名件位款":
                continue
        s = m.start("pre") if pre else m.start("num")
        out.append(Money(s, m.end(), text[s:m.end()].strip(), v, currency))
    for m in _EN_RE.finditer(text):
        if m.group("num"):
            v = _num(m.group("num"))
            unit = (m.group("unit") or "").lower()
            cur = _CUR_SYM.get(m.group("sym").upper(), _CUR_SYM.get(m.group("sym")))
        else:
            v = _num(m.group("num2"))
            unit = (m.group("unit2") or "").lower()
            c2 = m.group("cur2").lower()
            cur = {"yuan": "CNY", "rmb": "CNY", "dollars": "USD", "usd": "USD", "euros": "EUR",
                   "eur": "EUR", "pounds": "GBP"}.get(c2)
        if v is None:
            continue
        if unit:
            v *= _EN_UNITS[unit]
        if any(o.start <= m.start() < o.end for o in out):
            continue
        out.append(Money(m.start(), m.end(), m.group(0), v, cur))
    out.sort(key=operator.attrgetter("start"))
    return out


def to_cny(m: Money, assume_cny: bool = True) -> float | None:
    """The amount in yuan when it is stated in yuan (or bare, in Chinese text); else None."""
    if m.currency == "CNY" or (m.currency is None and assume_cny):
        return m.value
    return None
