"""Date expressions in Chinese and English news text, resolved to ISO at the precision written.

`find_dates(text, ref)` returns every expression with its offsets and its resolved value; relative
ones (昨天, 今年2月, 本月12日, 上周二, 去年, 当年, "last Tuesday") are resolved against `ref` (the
article date or the governing date before them).  Nothing is guessed: an expression that cannot be
resolved gets value None.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
import re
import unicodedata
from dataclasses import dataclass

from kg.lexicon import load_table

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9, "十": 10}
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_EN_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
_EN_MONTHS.update({k[:3]: v for k, v in list(_EN_MONTHS.items())})
_EN_MONTHS["sept"] = 9
_EN_WD = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday"])}


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str | None        # ISO at its precision: 2018, 2018-03, 2018-03-08
    kind: str                # absolute | year_relative | month_day | relative | anaphoric | range | period
    background: bool = False  # 百度2016年推出的平台: a date inside a modifier, no anchor for 当年


# a date that dates a noun (百度2016年推出的自媒体平台, 2015年成立的公司, 2007年申请的专利) is background:
# 当年, 两个月后 and a month-day without a year after it still mean the time the narrative is in; the
# verbs are the `attributive` rows of ontology/lexicon/dates_zh.tsv
@functools.lru_cache(maxsize=1)
def _attributive() -> re.Pattern:
    verbs = sorted((r["word"] for r in load_table("dates_zh.tsv") if r.get("kind") == "attributive"),
                   key=len, reverse=True)
    return re.compile(r"(?:[初底末中]|上半年|下半年)?(?:" + "|".join(map(re.escape, verbs)) + r")了?的")


# kinds that name no point in time: a span (2018-2021年) or a period named as a thing (2018年业绩,
# 2019年度报告, 2018年款): neither dates a fact nor is the year the narrative is in
NOT_POINT = ("range", "period")


@functools.lru_cache(maxsize=1)
def _period_words() -> tuple[str, ...]:
    """Words after a bare year that make it a period named as a thing (`ontology/lexicon/dates_zh.tsv`)."""
    return tuple(sorted((r["word"] for r in load_table("dates_zh.tsv") if r.get("kind") == "period"),
                        key=len, reverse=True))


def _cn_num(s: str) -> int | None:
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    if all(c in _CN_DIGITS for c in s):
        if "十" in s:
            a, _, b = s.partition("十")
            tens = _CN_DIGITS[a] if a else 1
            ones = _CN_DIGITS[b] if b else 0
            return tens * 10 + ones
        # year written digit by digit: 二〇二一
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    return None


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str | None:
    if y is None or not (1900 <= y <= 2100):
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        dt.date(y, m, d)
    except ValueError:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _parse_ref(ref: str | None) -> tuple[int | None, int | None, int | None]:
    if not ref:
        return None, None, None
    parts = ref.split("-")
    y = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else None
    d = int(parts[2]) if len(parts) > 2 else None
    return y, m, d


_N = r"[0-9０-９]"
_C = r"[0-9０-９〇零○一二两三四五六七八九十]"
# every match opens with one of these characters (a digit, a numeral, or the first character of a
# word the pattern names): the look-ahead lets the scan skip every other position at once instead of
# trying each branch there (the regex engine finds no such prefix by itself behind the named groups)
_ZH_FIRST = "0-9０-９〇零○一二两兩三四五六七八九十几幾民今去前明当同次上本下昨近日这周週星禮礼"
_ZH = re.compile(
    rf"(?=[{_ZH_FIRST}])(?:"
    rf"(?P<full>(?P<y>{_N}{{4}}|[〇零○一二三四五六七八九]{{4}})\s*年\s*(?:(?P<m>{_C}{{1,2}})\s*月\s*(?:份)?(?:(?P<d>{_C}{{1,3}})\s*[日号])?)?(?P<half>[上下]半年)?)"
    # Taiwan's 民國 years (民國104年, 106年10月11日 = 2017-10-11): with 民國, or a two/three-digit year
    # between 60 and 139 followed by a month (a bare "106年" is a count, not a year)
    rf"|(?P<roc>(?:民國|民国)\s*(?P<rcy>{_N}{{2,3}})\s*年(?:\s*(?P<rcm>{_C}{{1,2}})\s*月\s*(?:份)?(?:(?P<rcd>{_C}{{1,3}})\s*[日号])?)?"
    rf"|(?<![0-9０-９.第])(?P<rcy2>(?:[6-9][0-9]|1[0-3][0-9]))\s*年\s*(?P<rcm2>{_C}{{1,2}})\s*月\s*(?:份)?(?:(?P<rcd2>{_C}{{1,3}})\s*[日号])?)"
    rf"|(?P<dot>(?P<dy>(?:19|20)\d{{2}})[./](?P<dm>\d{{1,2}})(?:[./](?P<dd>\d{{1,2}}))?)(?![\d./])"
    rf"|(?P<rely>(?P<ry>今年|去年|前年|明年|当年|同年|次年|上一年|本年)(?:(?P<rm>{_C}{{1,2}})\s*月\s*(?:份)?(?:(?P<rd>{_C}{{1,3}})\s*[日号])?)?)"
    rf"|(?P<relm>(?P<rmo>本月|上月|上个月|当月|同月|次月|下月)(?:(?P<rmd>{_C}{{1,3}})\s*[日号])?(?P<rmpart>初|底|末|中旬|上旬|下旬)?)"
    rf"|(?P<later>(?<![0-9])(?P<ln>[0-9一二两兩三四五六七八九十几幾]{{1,3}})\s*(?P<lu>天|个月|個月|周|週|年)(?:之)?[后後])"
    # 两个月前, 三年前, 5天前: counted back from the article's date (兩個多月前, more than two, is left alone)
    rf"|(?P<ago>(?<![0-9])(?P<an>[0-9一二两兩三四五六七八九十]{{1,3}})\s*(?P<au>天|个月|個月|年)(?:之)?前)"
    rf"|(?P<md>(?<![0-9０-９年./])(?P<mm>{_C}{{1,2}})\s*月\s*(?:份)?(?:(?P<mdd>{_C}{{1,3}})\s*[日号])?)"
    rf"|(?P<donly>(?<![0-9０-９月年./第、\-初终申执监辖])(?P<dod>[0-9]{{1,2}})\s*[日号](?![内以之前]|起(?![诉訴])))"
    rf"|(?P<twday>(?P<tw>昨|今|前|明)\s*[（(]\s*(?P<twn>[0-9０-９]{{1,2}})\s*[）)]\s*日)"
    rf"|(?P<day>昨天|昨日|今天|今日|前天|前日|明天|明日|当天|当日|次日)"
    rf"|(?P<lately>(?<!最)近日|(?<![0-9０-９一二三四五六七八九十月号])日前)"
    rf"|(?P<week>(?P<wk>上周|本周|这周|上星期|上个星期)(?P<wd>[一二三四五六日天]))"
    # 周五, 週四, 星期三, 禮拜二 alone: the latest such day up to the article's date (not 每周一, 下周二)
    rf"|(?P<bweek>(?<![上本这這下个個每至到\-～~])(?:周|週|星期|禮拜|礼拜)(?P<bwd>[一二三四五六日天])(?![至到\-～~]))"
    rf"|(?P<yonly>(?<![0-9])(?P<yo>(?:19|20)\d{{2}})(?=[^0-9年./%％亿万元]|$)))"
)
_EN = re.compile(
    r"(?P<mdy>\b(?P<m1>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?)?"
    r"(?:,?\s+(?P<y1>(?:19|20)\d{2}))?\b)"
    r"|(?P<dmy>\b(?P<d2>\d{1,2})\s+(?P<m2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|"
    r"july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:,?\s+(?P<y2>(?:19|20)\d{2}))?\b)"
    r"|(?P<iso>\b(?P<iy>(?:19|20)\d{2})-(?P<im>\d{2})(?:-(?P<id>\d{2}))?\b)"
    r"|(?P<enrel>\b(?P<er>yesterday|today|last year|this year|last month|this month)\b)"
    r"|(?P<enwk>\blast\s+(?P<ewd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
    r"|(?P<eny>\b(?:in|since|by|during|of|early|late|mid-?)\s+(?P<ey>(?:19|20)\d{2})\b)",
    re.I)


def _shift_days(ref: str | None, days: int) -> str | None:
    y, m, d = _parse_ref(ref)
    if d is None:
        return None
    return (dt.date(y, m, d) + dt.timedelta(days=days)).isoformat()


def _bracket_day(ref: str | None, n: int) -> str | None:
    """Day `n` of the reference's month, or of the month before when `n` is later than the reference."""
    y, m, d = _parse_ref(ref)
    if d is None or not 1 <= n <= 31:
        return None
    if n > d:
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    try:
        return dt.date(y, m, n).isoformat()
    except ValueError:
        return None


def _last_weekday(ref: str | None, wd: int, last_week: bool = True) -> str | None:
    y, m, d = _parse_ref(ref)
    if d is None:
        return None
    day = dt.date(y, m, d)
    monday = day - dt.timedelta(days=day.weekday())
    if last_week:
        monday -= dt.timedelta(days=7)
    return (monday + dt.timedelta(days=wd)).isoformat()


def _month_day_year(m: int, d: int | None, ref: str | None, governing: str | None) -> str | None:
    """Year for '3月25日' with no year: the governing date's year, else the article's (a month
    after the article's month means the year before)."""
    gy, gm, _ = _parse_ref(governing)
    if gy is not None:
        return _iso(gy, m, d)
    ry, rm, rd = _parse_ref(ref)
    if ry is None:
        return None
    y = ry
    if rm is not None and (m > rm or (m == rm and d is not None and rd is not None and d > rd)):
        y -= 1
    return _iso(y, m, d)


_ASCII_ALPHA = re.compile("[A-Za-z]")   # == c.isascii() and c.isalpha()
# every alternative of _ZH holds one of these characters: text without any has no Chinese date
_ZH_HINT = re.compile("[0-9０-９年月日天周週期拜后後前]")
# a date found by `find_dates` starts with one of these (the first characters of _ZH, and a Latin
# letter or digit for _EN): where none stands, no date opens the text (checked before reading one)
DATE_FIRST = re.compile(f"[{_ZH_FIRST}A-Za-z]")


@dataclass
class _At:
    """What a date expression is resolved against: the article date `ref` (split in `ry, rm, rd`)
    and, for Chinese text, `anchor`, the date named last (or the governing date before any), and
    `day_anchor`, the date named last in the same paragraph (what a bare 5日 takes its month from)."""
    text: str
    ref: str | None
    anchor: str | None
    ry: int | None
    rm: int | None
    rd: int | None
    day_anchor: str | None = None


# Each reader takes the match of its named group and returns (kind, value), or None when the match
# is not a date after all.  The readers run in the order of the alternatives of _ZH / _EN.

def _zh_full(m: re.Match, at: _At):
    mo = _cn_num(m.group("m")) if m.group("m") else None
    d = _cn_num(m.group("d")) if m.group("d") else None
    return "absolute", _iso(_cn_num(m.group("y")), mo, d)


def _zh_roc(m: re.Match, at: _At):
    y = _cn_num(m.group("rcy") or m.group("rcy2"))
    mo, d = m.group("rcm") or m.group("rcm2"), m.group("rcd") or m.group("rcd2")
    if y is None or not 38 <= y <= 200:
        return None
    return "absolute", _iso(y + 1911, _cn_num(mo) if mo else None, _cn_num(d) if d else None)


def _zh_dot(m: re.Match, at: _At):
    return "absolute", _iso(int(m.group("dy")), int(m.group("dm")),
                            int(m.group("dd")) if m.group("dd") else None)


_YEAR_OFFSETS = {"今年": 0, "本年": 0, "去年": -1, "上一年": -1, "前年": -2, "明年": 1}


def _zh_relative_year(m: re.Match, at: _At):
    word = m.group("ry")
    if word in ("当年", "同年", "次年"):             # the year named last (当年) or the one after it
        kind, (base, _, _), off = "anaphoric", _parse_ref(at.anchor), int(word == "次年")
    else:
        kind, base, off = "year_relative", at.ry, _YEAR_OFFSETS[word]
    if base is None:
        return kind, None
    mo = _cn_num(m.group("rm")) if m.group("rm") else None
    d = _cn_num(m.group("rd")) if m.group("rd") else None
    return kind, _iso(base + off, mo, d)


_MONTH_OFFSETS = {"本月": 0, "上月": -1, "上个月": -1, "次月": 1, "下月": 1}


def _zh_relative_month(m: re.Match, at: _At):
    word = m.group("rmo")
    d = _cn_num(m.group("rmd")) if m.group("rmd") else None
    if word in ("当月", "同月", "次月"):
        gy, gm, _ = _parse_ref(at.anchor)
        if gm and word == "次月":
            gy, gm = (gy + 1, 1) if gm == 12 else (gy, gm + 1)
        return "anaphoric", _iso(gy, gm, d) if gm else None
    if at.ry is None or at.rm is None:
        return "relative", None
    yy, mm = at.ry, at.rm + _MONTH_OFFSETS[word]
    if mm < 1:
        yy, mm = yy - 1, mm + 12
    if mm > 12:
        yy, mm = yy + 1, mm - 12
    return "relative", _iso(yy, mm, d)


def _zh_month_day(m: re.Match, at: _At):
    mo = _cn_num(m.group("mm"))
    d = _cn_num(m.group("mdd")) if m.group("mdd") else None
    if mo is None or not 1 <= mo <= 12:
        return None
    return "month_day", _month_day_year(mo, d, at.ref, at.anchor)


def _zh_bracket_day(m: re.Match, at: _At):
    # 昨（1）日, 今（2）日 (Taiwan and Hong Kong news): the day before / of publication, with the
    # day of the month in brackets; the bracketed day wins when the two disagree
    n = int(unicodedata.normalize("NFKC", m.group("twn")))
    val = _shift_days(at.ref, {"昨": -1, "今": 0, "前": -2, "明": 1}[m.group("tw")])
    if val and int(val[8:10]) != n:
        val = _bracket_day(at.ref, n)
    return "relative", val


def _zh_lately(m: re.Match, at: _At):
    # 近日, 日前: a few days before publication; only its month is sure
    return "relative", (f"{at.ry:04d}-{at.rm:02d}" if at.ry is not None and at.rm is not None else None)


_DAY_OFFSETS = {"昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "前天": -2, "前日": -2, "明天": 1, "明日": 1}


def _zh_day(m: re.Match, at: _At):
    word = m.group("day")
    if word in ("当天", "当日"):
        return "anaphoric", at.anchor if at.anchor and at.anchor.count("-") == 2 else None
    if word == "次日":
        return "anaphoric", _shift_days(at.anchor, 1)
    return "relative", _shift_days(at.ref, _DAY_OFFSETS[word])


def _zh_week(m: re.Match, at: _At):
    return "relative", _last_weekday(at.ref, _WEEKDAY[m.group("wd")],
                                     last_week=m.group("wk") not in ("本周", "这周"))


def _zh_bare_weekday(m: re.Match, at: _At):
    # named rule zh.date.bare_weekday: 周五 / 星期五 with no week word is the latest Friday up to the
    # article's date (a Saturday report's 周五 is yesterday; a Friday report's is today)
    val = _last_weekday(at.ref, _WEEKDAY[m.group("bwd")], last_week=False)
    if val and at.ref and val > at.ref:
        val = _shift_days(val, -7)
    return "relative", val


def _zh_year_only(m: re.Match, at: _At):
    # a bare 4-digit year is only a date when a year marker surrounds it (2017下半年, 2018-2021)
    after = at.text[m.end():m.end() + 3]
    before = at.text[max(0, m.start() - 2):m.start()]
    if not (after.startswith(("下半年", "上半年", "年", "-", "~", "～", "至", "到", "财年"))
            or before.endswith(("-", "~", "～", "至"))):
        return None
    return "absolute", _iso(int(m.group("yo")))


def _zh_ago(m: re.Match, at: _At):
    # named rule zh.date.ago: N天前 is N days before the article's date; N个月前 and N年前 are said
    # loosely (五年前 of a bet made four years and five months before) and stay unresolved: a fact
    # told with one gets no date rather than the one in force
    n, unit = _cn_num(m.group("an")), m.group("au")
    if not n or unit != "天":
        return "relative", None
    return "relative", _shift_days(at.ref, -n)


def _zh_later(m: re.Match, at: _At):
    ln = m.group("ln").replace("幾", "几")
    n = _cn_num(ln.replace("几", "")) if ln != "几" else None
    unit, anc = m.group("lu").replace("個", "个").replace("週", "周"), at.anchor
    if not (n and anc):
        return "anaphoric", None
    ay, am, ad = _parse_ref(anc)
    if unit in ("天", "日") and ad is not None:
        return "anaphoric", _shift_days(anc, n)
    if unit == "周" and ad is not None:
        return "anaphoric", _shift_days(anc, 7 * n)
    if unit == "个月" and am is not None:
        mm = am + n
        return "anaphoric", _iso(ay + (mm - 1) // 12, (mm - 1) % 12 + 1)
    if unit == "年":
        return "anaphoric", _iso(ay + n)
    return "anaphoric", None


def _zh_day_only(m: re.Match, at: _At):
    # named rule zh.date.day_in_month: a bare 21日 is in the month of the last date named in the same
    # paragraph, else in the article's month (the month before when the day is after the article's)
    d, anc = int(m.group("dod")), at.day_anchor
    gy, gm, gd = _parse_ref(anc) if anc and anc.count("-") >= 1 else _parse_ref(at.ref)
    if gy is None or gm is None or not 1 <= d <= 31:
        return "month_day", None
    if (anc is None or anc == at.ref) and at.rd is not None and d > at.rd:
        gm -= 1
        if gm < 1:
            gy, gm = gy - 1, 12
    return "month_day", _iso(gy, gm, d)


_ZH_READERS = (("full", _zh_full), ("roc", _zh_roc), ("dot", _zh_dot), ("rely", _zh_relative_year),
               ("relm", _zh_relative_month), ("md", _zh_month_day), ("twday", _zh_bracket_day),
               ("lately", _zh_lately), ("day", _zh_day), ("week", _zh_week), ("bweek", _zh_bare_weekday),
               ("yonly", _zh_year_only),
               ("later", _zh_later), ("ago", _zh_ago), ("donly", _zh_day_only))


def _en_month_date(m: re.Match, at: _At):
    mon = _EN_MONTHS.get((m.group("m1") or m.group("m2")).lower().rstrip("."))
    d = m.group("d1") or m.group("d2")
    y = m.group("y1") or m.group("y2")
    if m.group("mdy") and not d and not y:
        # a bare month name ("May") is too ambiguous on its own
        if m.group("m1").lower() in ("may", "march", "mar") or not m.group("m1")[0].isupper():
            return None
    if y:
        return "absolute", _iso(int(y), mon, int(d) if d else None)
    return "month_day", _month_day_year(mon, int(d) if d else None, at.ref, at.anchor)


def _en_iso(m: re.Match, at: _At):
    return "absolute", _iso(int(m.group("iy")), int(m.group("im")), int(m.group("id")) if m.group("id") else None)


def _en_relative(m: re.Match, at: _At):
    w, ry, rm = m.group("er").lower(), at.ry, at.rm
    val = None
    if w == "yesterday":
        val = _shift_days(at.ref, -1)
    elif w == "today":
        val = _shift_days(at.ref, 0)
    elif w == "last year" and ry:
        val = _iso(ry - 1)
    elif w == "this year" and ry:
        val = _iso(ry)
    elif w in ("last month", "this month") and ry and rm:
        yy, mm = ry, rm - (1 if w == "last month" else 0)
        if mm < 1:
            yy, mm = yy - 1, 12
        val = _iso(yy, mm)
    return "relative", val


def _en_last_weekday(m: re.Match, at: _At):
    val = _last_weekday(at.ref, _EN_WD[m.group("ewd").lower()], last_week=False)
    # "last Tuesday" said on a Wednesday is the day before yesterday, not last week's
    if val and at.ref and val >= at.ref:
        val = _shift_days(val, -7)
    return "relative", val


_EN_READERS = (("mdy", _en_month_date), ("dmy", _en_month_date), ("iso", _en_iso),
               ("enrel", _en_relative), ("enwk", _en_last_weekday))


def _read(m: re.Match, readers, at: _At):
    for group, reader in readers:
        if m.group(group):
            return reader(m, at)
    return "absolute", None


def _in_title(text: str, pos: int) -> bool:
    """A date inside 《…》 (《2019年度报告》, 《关于2021年…的决定》) belongs to a title: background."""
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


def _is_period(text: str, m: re.Match, val: str | None) -> bool:
    """Named rule zh.date.period_year: a year alone right before a word that makes it a thing
    (2018年业绩, 2019年度报告, 2018年款) names a period, not the time of an event."""
    return bool(val) and "-" not in val and text.startswith(_period_words(), m.end())


def _zh_dates(text: str, ref: str | None, anchor: str | None, day_anchor: str | None) -> list[DateMention]:
    out: list[DateMention] = []
    ry, rm, rd = _parse_ref(ref)
    for m in _ZH.finditer(text):
        read = _read(m, _ZH_READERS, _At(text, ref, anchor, ry, rm, rd, day_anchor))
        if read is None:
            continue
        kind, val = read
        if _is_period(text, m, val):
            kind = "period"
        bg = bool(_attributive().match(text, m.end())) or _in_title(text, m.start())
        if val and kind not in NOT_POINT and not bg:
            anchor = day_anchor = val        # each date becomes the anchor of the ones after it
        out.append(DateMention(m.start(), m.end(), m.group(0), val, kind, bg))
    return out


def _en_dates(text: str, ref: str | None, governing: str | None) -> list[DateMention]:
    out: list[DateMention] = []
    ry, rm, rd = _parse_ref(ref)
    at = _At(text, ref, governing, ry, rm, rd)
    for m in _EN.finditer(text):
        if m.group("eny"):                  # "in 2019": the year alone
            out.append(DateMention(m.start("ey"), m.end(), m.group("ey"), _iso(int(m.group("ey"))), "absolute"))
            continue
        read = _read(m, _EN_READERS, at)
        if read is not None:
            out.append(DateMention(m.start(), m.end(), m.group(0), *reversed(read)))
    return out


_SAME = object()


def find_dates(text: str, ref: str | None = None, governing: str | None = None,
               lang: str = "zh", anchor: str | None = None, day_anchor=_SAME) -> list[DateMention]:
    """Every date expression in `text`, resolved.  `ref` is the article date; `governing` is the
    date currently in force (for month-day dates without a year); `anchor` is the date the text
    mentioned last (for 当年, 当天, 次日, 次月, 两天后: they refer back to the last time named, and
    each date found here becomes the anchor of the ones after it); `day_anchor`, the date named
    last in the same paragraph (a bare 5日 takes its month; by default the anchor)."""
    anc = anchor or governing
    out = _zh_dates(text, ref, anc, anc if day_anchor is _SAME else day_anchor) if _ZH_HINT.search(text) else []
    if lang == "en" or _ASCII_ALPHA.search(text, 0, 2000):
        out += _en_dates(text, ref, governing)
        out.sort(key=operator.attrgetter("start"))
    return out


# relation types that tell a state, not an event of a day: the lead's day does not date them
STATE_TYPES = ("competes", "owns", "leads")


@functools.lru_cache(maxsize=None)
def _trigger_words(rel: str) -> tuple[tuple[str, ...], ...]:
    from kg.lexicon import load_lexicon
    return tuple(tuple(t.word.split("…")) for t in load_lexicon().triggers if t.relation == rel and t.lang == "zh")


def _tells(sentence: str, rel: str | None) -> bool:
    """True when `sentence` holds a trigger word of relation `rel` (any relation when None)."""
    if rel is None:
        return True
    from kg.nlp import to_simplified
    simp = to_simplified(sentence)
    if rel == "sues":
        # 腾讯诉抖音…纠纷一案，将于8月16日再次开庭: a case named by its title at a later stage, no filing —
        # a suing trigger counts unless it is a bare 诉 (the word the trigger search finds, not 起诉, 上诉…)
        # with 案 after it in its clause
        from kg.extract.triggers import find_triggers
        from kg.lexicon import load_lexicon
        return any(any(t.relation == "sues" for t in trigs) and not (
            simp[s:e] == "诉" and _TITLE_TAIL.match(simp, e)) for s, e, trigs in find_triggers(simp, load_lexicon()))
    return any(all(p in simp for p in parts) for parts in _trigger_words(rel))


# the rest of a case title after its 诉: up to 案 in the same clause
_TITLE_TAIL = re.compile(r"[^，。；：,;:]{0,30}?案")


def lead_day(text: str, ref: str | None, sides: list[list[tuple[int, int]]], start: int = 0,
             rel: str | None = None, paragraphs: int = 3, window: int = 7) -> str | None:
    """Named rule zh.date.headline_lead: the day of the news a headline tells.  The first of the
    first `paragraphs` paragraphs of `text` after `start` that names every side (`sides`: each side's
    mention spans) gives it when the days it writes within `window` days up to the article's date
    are one day, written in a sentence with a trigger word of the fact's relation `rel`
    (公平會11日宣布…處以…罰鍰); two such days, none, or a day of another kind of news give None."""
    ry, rm, rd = _parse_ref(ref)
    if rd is None:
        return None
    day0 = dt.date(ry, rm, rd)
    pos, seen = start, 0
    for para in text[start:].split("\n"):
        start, end = pos, pos + len(para)
        pos = end + 1
        if not para.strip():
            continue
        seen += 1
        if seen > paragraphs:
            break
        if not all(any(start <= a and b <= end for a, b in spans) for spans in sides):
            continue
        days = [d for d in find_dates(para, ref) if d.value and d.value.count("-") == 2
                and d.kind not in NOT_POINT and not d.background
                and 0 <= (day0 - dt.date.fromisoformat(d.value)).days <= window]
        if len({d.value for d in days}) != 1:
            return None
        sentences = [m.group(0) for m in re.finditer(r"[^。！？!?]+[。！？!?]?", para)
                     if any(m.start() <= d.start < m.end() for d in days)]
        return days[0].value if any(_tells(x, rel) for x in sentences) else None
    return None


def parse_article_date(s: str | None) -> str | None:
    """'Sat, 13 Nov 2021 10:30:00 GMT', '2021-11-13', '2021/11/13', '2021年11月13日' -> '2021-11-13'."""
    if not s:
        return None
    s = str(s).strip()
    m = re.match(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})", s)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    from email.utils import parsedate_to_datetime
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    ds = find_dates(s, lang="en")
    for d in ds:
        if d.value and d.value.count("-") == 2:
            return d.value
    return None


def precision(value: str | None) -> int:
    return 0 if not value else value.count("-") + 1


@functools.lru_cache(maxsize=None)
def _words(kind: str) -> tuple[str, ...]:
    """The words of one kind of ontology/lexicon/dates_zh.tsv (opener, back, limit, later), read once."""
    return tuple(sorted(r["word"] for r in load_table("dates_zh.tsv") if r.get("kind") == kind and r.get("word")))


_CLAUSE = "，,；;：:。！？!?\n"


def _points_back(sentence: str) -> bool:
    """A paragraph that opens by pointing back at the one before (为此，…; 对此，…), or whose first
    clause does after its subject (named rule zh.date.back_after_subject: 顺丰随即发布声明回击, 高通隨即
    發表聲明 -- at once, so at the time the paragraph before ended in)."""
    if sentence.startswith(_words("back")):
        return True
    head = re.split(r"[，,；;。：:]", sentence, maxsplit=1)[0]
    # (not 因此: "therefore" tells a consequence, which may come much later)
    return any(0 < head.find(w) <= 12 for w in _words("back") if w != "因此")


_NUMBERING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十\d]+[章节部分阶段]+)?\s*")


def _opens(sent: str, pos: int) -> bool:
    """True when the date at `pos` opens the heading (after any numbering: 一、2018年…)."""
    lead = sent[_NUMBERING.match(sent).end():pos] if pos >= 0 else sent
    return lead.strip() == "" or lead.strip() in _words("opener")


def _is_heading(sent: str) -> bool:
    return len(sent) <= 30 and not any(c in sent for c in "，。；！？,.;!?：:")




def _year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


@functools.lru_cache(maxsize=1)
def _flashback_marks() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The `claim` words of dates_zh.tsv (a date after one, in its sentence, is in what someone says) and
    the `history` verbs (a date right before one tells a thing's filing, grant or registration); the
    `scene` words (a date right after one sets the time of what follows: 这场纠纷始于2012年8月)."""
    rows = load_table("dates_zh.tsv")
    def words(kind):
        return "|".join(sorted((re.escape(r["word"]) for r in rows if r.get("kind") == kind), key=len, reverse=True))
    # 下称/简称/名称/号称/堪称/又称/职称 and 称为 name something: no one is quoted
    claim = re.compile(r"(?<![下简簡名号號俗人并並堪统統合自又或亦通职職对對爱愛昵暱])(?:" + words("claim") + r")(?!为|為)")
    history = re.compile(r"[^，,；;。]{0,4}?(?:" + words("history") + ")")
    scene = re.compile(r"(?:" + words("scene") + r")[在于於到至]?$")
    return claim, history, scene


def _govern(text: str, ss: int, ds: list[DateMention], gov: str | None, thread: str | None) -> str | None:
    """The date in force after the dates `ds` of the sentence starting at `ss`: a date that opens the
    sentence or a clause (a short lead word allowed) governs what follows.

    Named rule zh.date.flashback: a date earlier by years than the time the narrative is in (`thread`,
    the date named last before it), told as background -- in what someone says (a claim word before it in its sentence: 称后者在2017年
    扣押了设备; 声明中称，此案针对2017年9月…), as a thing's filing or grant (该专利于2007年1月提出申请), or as a modifier (格力2011年的获奖
    项目) -- dates its own clause, but the story stays in its own time: it is marked background (no
    anchor for 同年, 五天后 or a month-day without a year after it) and governs nothing.  The later
    dates of the sentence as old as it step back with it (…，2009年3月获得授权).  A date that sets the
    scene (这场纠纷始于2012年8月, 时间回到2010年3月2日) is no flashback: the story moves there."""
    claim, history, scene = _flashback_marks()
    ty, back = _year(thread), False
    for d in ds:
        if not d.value or d.kind in NOT_POINT:
            continue
        # opener: at the sentence start or right after a clause break (with a short lead word)
        k = d.start
        while k > ss and text[k - 1] not in _CLAUSE:
            k -= 1
        lead = text[k:d.start].strip()
        if ty is not None and _year(d.value) < ty and (back or claim.search(text, ss, d.start) or history.match(text, d.end)
                                                        or text.startswith("的", d.end)):
            d.background = back = True
            continue
        ty = _year(d.value)
        if lead == "" or lead in _words("opener") or len(lead) <= 1 or scene.search(lead):
            # a month-day opener under a year-only governing date keeps that year; named rule
            # zh.date.scene_setter: 风波始于6月1日凌晨。菜鸟网络发表声明称… -- the date a story is said to
            # start at governs what the paragraph tells next, as an opener does
            gov = d.value
    return gov


class DateTracker:
    """Dates of each sentence, and the governing date carried from dated openers.

    A date that opens a sentence or a clause ("2018年3月8日，…；3月25日，…") governs what follows
    until the next opener; an undated heading ends its reign.  `date_for(i, pos)` gives the date for a
    fact stated at `pos` in sentence `i`: the nearest date before it in its sentence (ranges such as
    2018-2021年 excepted), else one later in its clause, else the governing date.
    """

    def __init__(self, text: str, ref: str | None, sentences: list[tuple[int, int, str]],
                 names: list[tuple[int, int]] | None = None):
        """`names`: spans of names in the text; a date word inside one (今日 in 今日头条) is none.
        The dates are read when first asked for (an article with no fact to date reads none)."""
        self.ref = ref
        self._names = sorted(names or [])
        self.text = text
        self.spans = [(ss, se) for ss, se, _ in sentences]
        self._sentences = list(sentences)
        self._sent: list[tuple[str | None, list[DateMention]]] | None = None
        # the headline copied as the text's first line (short, no full stop): its facts take the
        # day of the news from the lead (`lead_day`)
        first = text.split("\n", 1)[0]
        self._top_end = len(first) if 0 < len(first.strip()) <= 80 and "\n" in text and \
            not first.rstrip().endswith(("。", ".", "！", "!")) else 0

    @property
    def sent(self) -> list[tuple[str | None, list[DateMention]]]:
        if self._sent is None:
            self._sent = []
            self._read_dates(self._sentences)
        return self._sent

    def _read_dates(self, sentences: list[tuple[int, int, str]]) -> None:
        text, ref = self.text, self.ref
        gov: str | None = None
        last: str | None = None
        lang = "en" if len(_ASCII_ALPHA.findall(text, 0, 400)) > 200 else "zh"
        heading_gov: str | None = None
        prev_end = 0
        carry: str | None = None       # the date in force at the end of the last paragraph
        para_last: str | None = None   # the date named last in this paragraph (for a bare 5日)
        for ss, se, s in sentences:
            # a paragraph break ends the reign of a date that opened a sentence of the paragraph
            # before (a dated heading still governs): an undated paragraph gets no date, unless it
            # opens by pointing back at the paragraph before (为此，…; 对此，…)
            if "\n" in text[prev_end:ss]:
                gov = carry if (carry and _points_back(s)) else heading_gov
                para_last = gov
            prev_end = se
            if _is_heading(s):
                hd = [d for d in find_dates(s, ref, gov, lang, anchor=last, day_anchor=para_last)
                      if d.value and d.kind not in NOT_POINT]
                if hd and not _opens(s, hd[0].start):
                    # 多闪app在2019年3月19日下午的弹窗推送: a caption with a date inside it governs
                    # nothing, and leaves the date in force as it was
                    self._sent.append((gov, []))
                    continue
                gov = hd[0].value if hd else None
                heading_gov = gov
                last = gov or last
                para_last = gov or para_last
                self._sent.append((gov, []))
                continue
            ds = find_dates(s, ref, gov, lang, anchor=last, day_anchor=para_last)
            if self._names:
                ds = [d for d in ds if not self._in_name(ss + d.start, ss + d.end)]
            # ranges: 2018-2021年, 2019~2020年间, 2018年至2021年 -> not a single date
            for a, b in zip(ds, ds[1:]):
                between = s[a.end:b.start].strip()
                if between in ("-", "~", "～", "至", "到", "—", "－", "to", "and", "与", "和") or between == "":
                    if between != "" or s[a.end - 1:a.end] in "-~～":
                        a.kind = b.kind = "range"
            if ds and ds[-1].kind != "range" and ds[-1].end < len(s) and s[ds[-1].end:ds[-1].end + 2] in ("年间", "年至"):
                ds[-1].kind = "range"
            for d in ds:
                d.start += ss
                d.end += ss
            g0 = gov
            gov = _govern(text, ss, ds, gov, last)
            vals = [d.value for d in ds if d.value and d.kind not in NOT_POINT and not d.background]
            if vals:
                last = para_last = vals[-1]
            carry = gov
            self._sent.append((g0, ds))

    def _in_name(self, a: int, b: int) -> bool:
        i = bisect.bisect_right(self._names, (a, float("inf")))
        return any(x <= a and b <= y for x, y in self._names[max(0, i - 3):i])

    def lead_date_at(self, pos: int, sides: list[list[tuple[int, int]]], rel: str | None = None) -> str | None:
        """For a fact told at `pos` in the headline line, the lead's day of the news: rule
        zh.date.headline_lead (`lead_day`); None for a fact told anywhere else."""
        if pos >= self._top_end or not all(sides):
            return None
        return lead_day(self.text, self.ref, sides, start=self._top_end + 1, rel=rel)

    def dated(self, idx: int) -> bool:
        """True when sentence `idx` itself writes a (single, resolved) date."""
        return idx < len(self.sent) and any(d.value and d.kind not in NOT_POINT for d in self.sent[idx][1])

    def date_for(self, idx: int, pos: int) -> str | None:
        if idx >= len(self.sent):
            return None
        gov, ds = self.sent[idx]
        # 至2010年12月底, 截至3月: a time limit, not the time of the event (此案可追溯至2021年6月 sets the
        # scene: the story moves there, zh.date.scene_setter)
        scene = _flashback_marks()[2]
        good = [d for d in ds if d.value and d.kind not in NOT_POINT
                and not (self.text[max(0, d.start - 2):d.start].endswith(_words("limit"))
                         and not scene.search(self.text, max(0, d.start - 8), d.start))]
        before = [d for d in good if d.end <= pos]
        if before:
            return before[-1].value
        # 两年后 with nothing to count from, 三年前: a time the sentence gives and no one can resolve
        # is not the time in force (zh.date.unresolved_relative)
        if any(d.value is None and d.kind in ("relative", "anaphoric") and d.end <= pos for d in ds):
            return None
        # (a date in a later clause tells a later step: 发起了对Y的诉讼，并在5月份获得了支持)
        after = [d for d in good if d.start >= pos and not any(c in "，,；;。" for c in self.text[pos:d.start])]
        if after:
            return after[0].value
        # 随后/此后/后来 …: later than the time in force, so not at it
        if idx < len(self.spans):
            ss = self.spans[idx][0]
            lead = self.text[ss:pos]
            if any(w in lead for w in _words("later")):
                return None
        return gov
