"""The head of a page copied as plain text: the publication date and the headline below site furniture.

A page copied from a news site starts with what the site puts above the article: menu entries, a
breadcrumb (首頁 > 財經 > …, Home » News » …), the headline, a byline, and a line with the date
("March 16, 2019 7:42 AM ET", "鉅亨網編譯羅昀玫 2018-12-13 07:55", "| 柔之拔 | 17-03-2019 04:49 |",
"2022/10/3 23:58:57 來源:IT之家 作者:汪淼", "Posted on: August 10, 2018", "18/02/2026"), in any order,
sometimes with share lines between.  `read_head` finds that date line among the first lines and
takes the headline from the lines above it; the lines above it are the page's, not the article's.
"""
from __future__ import annotations

import re

from kg.ingest.dates import parse_date

_HEAD_LINES = 14           # how far down the page the date line may be
_MAX_DATE_LINE = 90

_TIME = r"(?:\s*[,，]?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*(?:UTC|GMT|HKT|ET|EST|EDT|PT|PST|PDT|BST|CST)(?:[+-]\d{1,2})?)?)?"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# one full calendar date: ISO / slashes / dots, 2021年4月10日, April 10, 2021, 10 April 2021, and the day-first
# 17-03-2019 / 18/02/2026 of Hong Kong and British pages (read day first only when the day is over 12, or
# when the page says so by writing the year last)
_DATE = re.compile(
    r"(?P<ymd>(?<!\d)(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)\s*日?)"
    r"|(?P<mdy>\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b)"
    r"|(?P<dmy>\b\d{1,2}\s+" + _MONTH + r",?\s+(?:19|20)\d{2}\b)"
    r"|(?P<dmyn>(?<![\d/.-])(?P<dd>\d{1,2})[-/.](?P<dm>\d{1,2})[-/.](?P<dy>(?:19|20)\d{2})(?![\d/.-]))")
_LABEL = re.compile(
    r"(?:Posted\s+on|Published\s+on|Posted|Published|Updated|Last\s+updated|Date|发布时间|發布時間|发布日期|"
    r"發佈日期|發布日期|更新时间|更新時間|时间|時間|日期|来源|來源|Source|作者|Author|责编|責編|责任编辑|責任編輯|"
    r"编辑|編輯|编译|編譯|记者|記者|浏览量|瀏覽量|字号|字號)\s*[:：]?", re.I)
_SEPS = re.compile(r"[|｜/／∕·•・\-—–_:：,，()（）\[\]【】\s]+")

_BREADCRUMB = re.compile(r"(?:»|›|>|＞|&gt;).*(?:»|›|>|＞|&gt;)")
_SENTENCE_END = re.compile(r"[。！？!?；;]\s*$|[.]\s*$")
# a line that is only a person's name (the byline under an English headline): two to four capitalised words
_NAME_LINE = re.compile(r"^(?:By\s+)?[A-Z][a-z'’.-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][a-z'’.-]+){1,2}$")
_JUNK_HEAD = re.compile(r"^(?:menu(?:-icon)?|search(?: icon)?|logo|.*\blogo|skip to (?:main )?content|close|open menu|"
                        r"this week's sponsor:?|advertisement|sponsored|home|首頁|首页|登入|登录|註冊|注册|设置|設置)$",
                        re.I)


def _date_of(m: re.Match) -> str | None:
    if m.group("dmyn"):
        d, mo, y = int(m.group("dd")), int(m.group("dm")), int(m.group("dy"))
        if mo > 12 and d <= 12:          # 03/17/2019: an American page writes the month first
            d, mo = mo, d
        return parse_date(f"{y:04d}-{mo:02d}-{d:02d}")
    return parse_date(m.group(0))


def date_line(line: str) -> tuple[str, str, str] | None:
    """(date, outlet, words left) when `line` is a page's date line: a full date, perhaps a time, and
    no more than a byline or an outlet around them; None for a sentence or a title that holds a date."""
    s = line.strip()
    if not s or len(s) > _MAX_DATE_LINE:
        return None
    m = _DATE.search(s)
    if not m:
        return None
    date = _date_of(m)
    if not date:
        return None
    before, after = s[:m.start()], s[m.end():]
    t = re.match(_TIME, after)
    after = after[t.end():] if t else after
    outlet = ""
    src = re.search(r"(?:来源|來源|Source)\s*[:：]\s*([^\s|｜/／:：]{1,20})(?=[\s|｜/／]|$)", s, re.I)
    if src and not re.search(r"\d", src.group(1)):
        outlet = src.group(1)
    rest = _SEPS.sub(" ", _LABEL.sub(" ", before + " " + after)).strip().lstrip("©").strip()
    if len(rest) > 30 or _SENTENCE_END.search(s):
        return None
    return date, outlet, rest


def _is_furniture(line: str) -> bool:
    s = line.strip()
    return (not s or bool(_JUNK_HEAD.match(s)) or bool(_BREADCRUMB.search(s)) or len(s) < 6 or is_head_furniture(s)
            or s.startswith(("•", "·", "-", "*", "»")) or bool(re.fullmatch(r"[A-Za-z&'’-]+:?", s)))


def read_head(lines: list[str], start: int) -> tuple[int, str, str, str] | None:
    """(index of the date line, date, outlet, headline) when a date line stands among the first lines
    of the page after `start`, below lines that are page furniture or the headline; else None."""
    end = min(len(lines), start + _HEAD_LINES)
    for k in range(start, end):
        found = date_line(lines[k])
        if not found:
            # a line of article text before any date line: the page has no head to read
            if len(lines[k].strip()) > 160 and not _LEGAL.search(lines[k]):
                return None
            continue
        date, outlet, _ = found
        title = ""
        for j in range(k - 1, start - 1, -1):
            s = lines[j].strip()
            if (_is_furniture(s) or _NAME_LINE.match(s) or _LEGAL.search(s) or len(s) > 160
                    or _SENTENCE_END.search(s) and len(s) > 80):
                continue
            title = s
            break
        return k, date, outlet, title
    return None


def trailing_date(line: str) -> tuple[str, str] | None:
    """("headline", date) for a first line that ends in a numeric date: "台積電告贏梁孟松 2015-08-25"."""
    m = re.search(r"\s+((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})" + _TIME + r"\s*$", line)
    if not m or m.start() < 6:
        return None
    d = parse_date(m.group(1))
    return (line[:m.start()].strip(), d) if d else None


# site notices: copyright, terms of use, licence numbers, advertising statements
_LEGAL = re.compile(
    r"^\s*※?\s*(?:©|\(c\)\s|copyright\b|本文版權所有|本文版权所有|版權所有|版权所有|廣告聲明|广告声明|免責聲明|免责声明)"
    r"|fully protected by copyright|all rights reserved|you agree to (?:the|our) terms|"
    r"\bICP\s*(?:[:：备備证證]|\d)|^\s*(?:轉載請註明|转载请注明)", re.I)


def is_site_notice(line: str) -> bool:
    """A site's copyright, terms-of-use or licence line (kept out of the article text)."""
    s = line.strip()
    return bool(s) and len(s) <= 500 and bool(_LEGAL.search(s))


def is_junk_head(line: str) -> bool:
    """A page's menu or button word standing above the headline ("menu-icon", "close", "首頁")."""
    return bool(_JUNK_HEAD.match(line.strip()))


# what a page prints above its headline that is no headline: a breadcrumb (网易首页 > 网易科技 > 正文), the
# search keywords a site stuffs into its top line (four or more short words joined by - , _ |), a log-in
# link (登录湛江云媒账号, 登录/注册), a counter or a lone mark ("0", ">", "99+")
_KEYWORD_SEP = re.compile(r"\s*[-_,，|｜]\s*")
_LOGIN = re.compile(r"^(?:登录|登錄|登入|注册|註冊|Log\s*in|Sign\s*in)\S{0,14}$", re.I)
_MARK_ONLY = re.compile(r"^[\W\d_]{1,4}$")


def is_head_furniture(line: str) -> bool:
    """A line above the headline that is the page's, not the article's (see above): no title."""
    s = line.strip()
    if not s:
        return False
    if _MARK_ONLY.match(s) or _LOGIN.match(s) or _BREADCRUMB.search(s):
        return True
    words = [w for w in _KEYWORD_SEP.split(s) if w]
    return (len(words) >= 4 and len(s) >= 20 and all(len(w) <= 20 for w in words)
            and not _SENTENCE_END.search(s) and not re.search(r"[。：:]", s))


def repeated_headline(lines: list[str], start: int) -> int | None:
    """The index of the headline a page prints twice near its top (the page's headline and its article's
    title), when only short lines (a site's name, a mark) stand above its first print: None otherwise."""
    seen: dict[str, int] = {}
    shown = 0
    for k in range(start, min(len(lines), start + _HEAD_LINES)):
        s = lines[k].strip()
        if not s:
            continue
        if s in seen and len(s) >= 8 and "。" not in s and not _SENTENCE_END.search(s):
            first = seen[s]
            above = [x.strip() for x in lines[start:first] if x.strip()]
            return first if above and all(len(x) <= 16 for x in above) else None
        seen.setdefault(s, k)
        shown += 1
        if shown > 6:
            return None
    return None
