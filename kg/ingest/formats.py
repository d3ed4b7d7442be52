"""Markdown with YAML front matter, and plain text with header lines -> Article."""
from __future__ import annotations

import html
import logging
import re

import yaml

from kg.ingest.common import (
    _BYLINE_RE,
    _CREDIT_RE,
    _date_field,
    _make_article,
    _Skip,
    _source_from,
    _str_field,
    _tidy_lines,
    is_markup_line,
    strip_boilerplate,
)
from kg.ingest.dates import parse_date
from kg.ingest.html import _html_text_and_meta
from kg.ingest.pagehead import is_head_furniture, is_junk_head, read_head, repeated_headline, trailing_date
from kg.model import Article

log = logging.getLogger("kg.ingest")

# --------------------------------------------------------------------------------------------
# YAML front matter

class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as strings (so `2021-02-30` is not a YAML error)."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

_FM_OPEN_RE = re.compile(r"\A---[ \t]*\n")
_FM_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def _split_front_matter(text: str, required: bool = True) -> tuple[dict, str]:
    """(metadata, body).  Raises _Skip for broken front matter when `required`."""
    stripped = text.lstrip("\n")
    if not _FM_OPEN_RE.match(stripped):
        return {}, text
    rest = stripped[_FM_OPEN_RE.match(stripped).end():]
    m = _FM_CLOSE_RE.search(rest)
    if not m:
        if required:
            raise _Skip("broken YAML front matter: no closing '---'")
        return {}, text
    block, body = rest[:m.start()], rest[m.end():]
    try:
        meta = yaml.load(block, Loader=_FrontMatterLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as e:
        if not required:
            return {}, text
        problem = getattr(e, "problem", None) or str(e).split("\n")[0]
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise _Skip(f"broken YAML front matter: {problem}{where}") from None
    except RecursionError:
        raise _Skip("broken YAML front matter: nested too deeply") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        if not required:
            return {}, text
        raise _Skip(f"broken YAML front matter: expected key: value pairs, "
                    f"got a {type(meta).__name__}")
    meta = {str(k).strip().lower(): v for k, v in meta.items()}
    return meta, body


# --------------------------------------------------------------------------------------------
# Markdown

_HTML_BLOCK_RE = re.compile(
    r"<(?:p|div|br|h[1-6]|ul|ol|li|table|tr|td|section|article|blockquote|pre|figure|"
    r"main|html|body)\b[^>]{0,2000}>", re.I)

_MD_RULES = [
    (re.compile(r"!\[[^\]\n]{0,1000}\]\([^)\n]{0,2000}\)"), ""),                  # images
    (re.compile(r"!\[[^\]\n]{0,1000}\]\[[^\]\n]{0,200}\]"), ""),
    (re.compile(r"\[([^\]\n]{0,1000})\]\([^)\n]{0,2000}\)"), r"\1"),              # links
    (re.compile(r"\[([^\]\n]{1,1000})\]\[[^\]\n]{0,200}\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto|ftp):[^>\s]{1,2000})>"), r"\1"),             # autolinks
    (re.compile(r"`{1,3}([^`\n]{1,2000})`{1,3}"), r"\1"),                         # inline code
    (re.compile(r"\*\*(?=\S)((?:[^*\n]|\*(?!\*)){0,2000}?\S)\*\*"), r"\1"),          # strong
    (re.compile(r"__(?=\S)((?:[^_\n]|_(?!_)){0,2000}?\S)__"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{0,2000}?\S)\*(?![\w*])"), r"\1"),      # em
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]{0,2000}?\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)([^~\n]{0,2000}?\S)~~"), r"\1"),                         # strike
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,2000})?/?>"), ""),     # inline tags
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),                          # escapes
]
_MD_HEADING_RE = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_HEADING_LINE_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M)
_MD_RULE_LINE_RE = re.compile(r"^ {0,3}(?:(?:[-*_][ \t]*){3,}|=+|-+)[ \t]*$")
_MD_FENCE_RE = re.compile(r"^ {0,3}(```|~~~)")
_MD_QUOTE_RE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_MD_LIST_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_MD_REFDEF_RE = re.compile(r"^ {0,3}\[[^\]]{1,200}\]:[ \t]+\S+")
_MD_TABLE_SEP_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_MD_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)


def markdown_to_text(md: str) -> tuple[str, str]:
    """(text, first heading) from light Markdown: syntax stripped, the words kept."""
    if "<!--" in md:
        md = _MD_COMMENT_RE.sub("", md)
    out: list[str] = []
    first_heading = ""
    in_fence = False
    for line in md.split("\n"):
        if _MD_FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if _MD_REFDEF_RE.match(line) or _MD_TABLE_SEP_RE.match(line):
            continue
        if _MD_RULE_LINE_RE.match(line):
            out.append("")
            continue
        line = _MD_QUOTE_RE.sub("", line)
        h = _MD_HEADING_RE.match(line)
        if h:
            line = h.group(1)
        else:
            line = _MD_LIST_RE.sub("", line)
        for rx, rep in _MD_RULES:
            if rx.pattern[:3] in ("!\\[", "\\[(") and "[" not in line:
                continue
            line = rx.sub(rep, line)
        if h and not first_heading and line.strip():
            first_heading = line.strip()
        out.append(line)
    text = html.unescape("\n".join(out)) if "&" in md else "\n".join(out)
    return _tidy_lines(text), first_heading


def _article_from_markdown(stem: str, path: str, text: str) -> Article:
    meta, body = _split_front_matter(text, required=True)
    hmeta: dict = {}
    heading = ""
    if _HTML_BLOCK_RE.search(body):
        body_text, hmeta = _html_text_and_meta(body, markdown=True)
        if _MD_HEADING_LINE_RE.search(body):      # Markdown headings around the HTML blocks
            lines = []
            for line in body_text.split("\n"):
                h = _MD_HEADING_RE.match(line)
                lines.append(h.group(1) if h else line)
                if h and not heading:
                    heading = h.group(1).strip()
            body_text = "\n".join(lines)
    else:
        body_text, heading = markdown_to_text(body)
    body_text = _tidy_lines(strip_boilerplate(body_text))
    if not body_text.strip():
        raise _Skip("no article text")
    title = _str_field(meta.get("title")) or hmeta.get("title") or heading
    raw_date = meta.get("date", meta.get("published", meta.get("pubdate")))
    date = _date_field(raw_date, path) if raw_date not in (None, "") else hmeta.get("date")
    source = _source_from(meta) or hmeta.get("source", "")
    if date is None:
        # no front matter date: a byline line under the heading ("*某周刊 · 2024年6月15日 · 责任编辑：某*")
        # dates the article (without it 今年, 昨日 and 5日 resolve against nothing); the line is the page's
        lines = body_text.split("\n")
        head = read_head(lines, 0)
        if head is not None:
            k, date, outlet, _ = head
            source = source or outlet
            body_text = "\n".join(lines[:k] + lines[k + 1:])
    return _make_article(stem, title, date, source, body_text, path)


# --------------------------------------------------------------------------------------------
# plain text

_TEXT_HEADER_RE = re.compile(
    r"^\s*(日期|时间|時間|發布時間|发布时间|发布日期|發佈日期|Date|Published|来源|來源|Source|"
    r"标题|標題|Title)\s*[:：]\s*(.+?)\s*$", re.I)


# "2021-04-10 14:32 新浪科技", "2021年4月10日 14:32 来源：财新网", "April 10, 2021 2:32 PM Reuters": a
# line that gives the date, a time and the outlet is the dateline of the page, not its title
_DATELINE_RE = re.compile(
    r"^\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4}|"
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})"
    r"(\s*(?:[,，]\s*)?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*(?:UTC|GMT|ET|EST|EDT|BST|CST)[+-]?\d{0,2})?)?"
    r"\s*(?:[|｜·•]\s*)?((?:来源|來源|Source)\s*[:：]\s*)?([^\s。，,.!?！？].{0,30})?\s*$")


_AGENCY_LINE = re.compile(r"^\s*(?:Reuters|AP|AFP|Bloomberg|Associated Press|Agence France-Presse|Xinhua|Kyodo|Yonhap|"
                          r"CNA|Dow Jones|新华社|新華社|中央社|路透社|美联社|美聯社|法新社|彭博社)\s*$")


# a first line that is the article's first sentence, not its headline: clauses and a closing full stop
_OPENING_SENTENCE = re.compile(r"[，,].*[，,].*。$")


# "8 April 2024NewsPatentsLiz Hockley", "April 8, 2024 | Jane Roe": an English date opening a short line,
# the page's section and byline run onto it: the page's date line, no headline
_GLUED_DATE_RE = re.compile(r"^\s*(\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4})"
                            r"(?=[A-Z]|\s*[|｜·•]|\s*$)")


def _glued_dateline(line: str) -> tuple[str, str] | None:
    m = _GLUED_DATE_RE.match(line) if len(line) <= 80 else None
    d = parse_date(m.group(1)) if m else None
    return (d, "") if d else None


def _dateline(line: str) -> tuple[str, str] | None:
    """(date, outlet) from a "date time outlet" line, else None."""
    m = _DATELINE_RE.match(line) if len(line) <= 80 else None
    if not m:
        return None
    d = parse_date(m.group(1))
    outlet = (m.group(4) or "").strip()
    if not d or (outlet and not m.group(2) and not m.group(3)):
        return None        # "2019年3月20日 格力起诉小米" is a title with its date; only a timed line names an outlet
    return d, outlet


def _article_from_text(stem: str, path: str, text: str) -> Article:
    meta, body = _split_front_matter(text, required=False)
    lines = body.split("\n")
    title = _str_field(meta.get("title"))
    date = _date_field(meta.get("date"), path) if meta.get("date") not in (None, "") else None
    source = _source_from(meta)
    i = 0
    n = len(lines)
    while i < n and not lines[i].strip():
        i += 1
    # header block: the first few lines may be "Title: ..", "Date: ..", "Source: .."
    consumed_title = False
    dated_top = False
    j = i
    top = i                 # the first line that is not the page's furniture (where a headline may stand)
    twice = repeated_headline(lines, i) if not title else None
    while j < n and j < i + 6:
        m = _TEXT_HEADER_RE.match(lines[j]) if len(lines[j]) < 300 else None
        dl = _dateline(lines[j]) if not m else None
        if not m and not dl and not title and not consumed_title:
            dl = _glued_dateline(lines[j])
        if dl:
            date = date or dl[0]
            source = source or dl[1]
            j += 1
            dated_top = j - 1 == top
            continue
        if (not m and dated_top and not title and not consumed_title and lines[j].strip()
                and len(lines[j].strip()) <= 80 and not re.search(r"[。！？.!?」”\"]$", lines[j].strip())):
            # "2016-02-25 22:39:24 某某" then the headline: a short line right under the page's dateline
            title = lines[j].strip().lstrip(".·•").strip()
            consumed_title = True
            j += 1
            continue
        if not m and not consumed_title and not title and _BYLINE_RE.match(lines[j].strip()):
            j += 1                        # a byline above the headline ("聯合報／ 記者王宏舜／台北即時報導")
            continue
        if not m and not consumed_title and not title and (is_junk_head(lines[j]) or is_markup_line(lines[j])
                                                            or _CREDIT_RE.match(lines[j].strip())
                                                            or is_head_furniture(lines[j])
                                                            or (twice is not None and j < twice)):
            # "close", "menu-icon", <sup id="x"></sup>, "Photo : Yonhap News", a breadcrumb, the site's keywords,
            # a log-in link, a site's name above a headline printed twice: the page's, not its headline
            j += 1
            if j - 1 == top:
                # the headline may stand below the page's furniture (a photo's credit, an advertisement's
                # marker, a breadcrumb, a log-in link …)
                while j < n and not lines[j].strip():
                    j += 1
                top = j
            continue
        if not m and not consumed_title and not title and _AGENCY_LINE.match(lines[j]):
            source = source or lines[j].strip()       # "Reuters" alone above the story: its source
            j += 1
            continue
        if not m:
            # a short first line is a title; so is a longer one right above a "Date:" line
            header_next = (j + 1 < n and len(lines[j + 1]) < 300
                           and _TEXT_HEADER_RE.match(lines[j + 1]) is not None)
            if (j == top and not title and not consumed_title and lines[j].strip()
                    and (len(lines[j].strip()) <= 80 or (header_next and len(lines[j].strip()) <= 300))
                    and not _OPENING_SENTENCE.search(lines[j].strip())
                    and not (top > i and lines[j].strip().endswith("。"))):
                title = lines[j].strip()
                consumed_title = True
                j += 1
                while j < n and (not lines[j].strip() or lines[j].strip() == title) and twice is not None:
                    j += 1                # the headline's second print
                continue
            if not lines[j].strip():
                top = j + 1 if top == j else top
                j += 1
                continue
            break
        key, val = m.group(1).lower(), m.group(2)
        if key in ("日期", "时间", "時間", "發布時間", "发布时间", "发布日期", "發佈日期", "date", "published"):
            d = parse_date(val)
            if d is None:
                log.warning("%s: cannot read date %r; date left empty", path, val)
            date = date or d
        elif key in ("来源", "來源", "source"):
            if _TEXT_HEADER_RE.match(val):          # "來源: 時間:2023-08-10 15:51": an empty source field
                date = date or parse_date(val)
            else:
                source = source or val
        else:
            title = title or val
        j += 1
    if date is None:
        j, title, date, source = _page_head(lines, i, j, title, consumed_title, source)
    body_text = _tidy_lines(strip_boilerplate("\n".join(lines[j:])))
    if not body_text.strip():
        if consumed_title:
            # a one-line file: that line is the text, not a title
            body_text, title = title, ""
        else:
            raise _Skip("no article text")
    return _make_article(stem, title, date, source, body_text, path)


def _page_head(lines: list[str], i: int, j: int, title: str, consumed_title: bool,
               source: str) -> tuple[int, str, str | None, str]:
    """(body start, title, date, source) of a page copied as text whose date line stands below
    menus, a breadcrumb, the headline or a byline (`kg.ingest.pagehead`); unchanged without one."""
    if consumed_title:
        td = trailing_date(title)
        if td:
            return j, td[0], td[1], source
    head = read_head(lines, i)
    if head is None:
        return j, title, None, source
    k, date, outlet, headline = head
    body = k + 1
    if not headline:
        # the headline under the date line ("May 1, 2025" / "Judge bars Apple from …")
        n = body
        while n < len(lines) and not lines[n].strip():
            n += 1
        nxt = lines[n].strip() if n < len(lines) else ""
        if nxt and len(nxt) <= 120 and not nxt.endswith(("。", ".", "！", "？", "!", "?")):
            headline, body = nxt, n + 1
    if headline or not consumed_title:
        title = headline or title
    return max(body, j), title, date, source or outlet
