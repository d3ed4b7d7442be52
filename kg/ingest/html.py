"""HTML -> text and metadata.

A page (a local .html file or a fetched URL) is read for its main text with trafilatura (precision
mode: navigation, share bars, related-article lists and comments dropped), its publication date
with htmldate (metadata and markup only, never a date met in the text), and what remains of
boilerplate inside the article (share lines, photo credits, bylines, "related reading") is dropped
line by line.  The standard library's parser gives title/source metadata, and the text when
trafilatura finds none or the page is too large for it (`MAX_MAIN_TEXT_CHARS`).  HTML fragments
(Markdown bodies, JSON Lines `text`) are read by that parser alone: block elements become line
breaks, scripts/styles/navigation are dropped, <article>/<main> preferred."""
from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from kg.ingest.common import _make_article, _one_line, _Skip, normalize_text, strip_boilerplate
from kg.ingest.dates import parse_date
from kg.model import Article

log = logging.getLogger("kg.ingest")

# --------------------------------------------------------------------------------------------
# HTML

_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "noscript", "template",
              "svg", "iframe", "object", "select", "button", "title", "canvas", "math"}
_BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section",
               "article", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "table", "thead",
               "tbody", "tfoot", "caption", "figure", "figcaption", "hr", "main", "address",
               "form", "fieldset", "legend", "details", "summary", "center", "body", "html",
               "hgroup", "menu", "tbody", "option"}
_LAYOUT_TAGS = {"nav", "header", "footer", "aside"}
_CELL_TAGS = {"td", "th"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
              "param", "source", "track", "wbr"}
_DATE_META = {"article:published_time", "og:published_time", "published_time", "pubdate",
              "publishdate", "publish_date", "publish-date", "date", "dc.date", "dc.date.issued",
              "dcterms.date", "dcterms.issued", "dcterms.created", "article.published",
              "parsely-pub-date", "sailthru.date", "ptime", "publication_date", "datepublished",
              "og:release_date", "release_date", "article:published", "publishtime",
              "weibo:article:create_at", "cxenseparse:recs:publishtime"}
_SOURCE_META = {"og:site_name", "source", "application-name", "site_name", "publisher",
                "article:publisher", "dc.publisher", "copyright"}
_CJK_CHARS = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\uac00-\ud7af"
_CJK_BREAK_RE = re.compile(rf"(?<=[{_CJK_CHARS}])[ \t\f]*\n\s*(?=[{_CJK_CHARS}])")
_WS_RE = re.compile(r"\s+")
_PARA_BREAK_RE = re.compile(r"[ \t\f\v]*\n[ \t\f\v]*\n\s*")
_LDJSON_DATE_RE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,60})"')
_LDJSON_PUB_RE = re.compile(r'"publisher"\s*:\s*\{[^{}]{0,400}?"name"\s*:\s*"([^"]{1,100})"')


class _TextExtractor(HTMLParser):
    def __init__(self, markdown: bool = False):
        super().__init__(convert_charrefs=True)
        self.markdown = markdown
        self.parts: list[str] = []
        self.skip: list[str] = []            # open skipped elements
        self.pre = 0
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] | None = None
        self.title = ""
        self.h1_parts: list[str] | None = None
        self.h1 = ""
        self.time_dt = ""
        self.ld_date = ""
        self.ld_source = ""
        self.script_type = ""
        self.regions: dict[str, list[list[int]]] = {"article": [], "main": []}
        self.open_regions: dict[str, list[int]] = {"article": [], "main": []}

    # -- tags
    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            self._meta(attrs)
            return
        if tag == "title" and self.title_parts is None and not self.title:
            self.title_parts = []
        if tag == "time" and not self.time_dt:
            for k, v in attrs:
                if k == "datetime" and v:
                    self.time_dt = v
        if tag in _SKIP_TAGS:
            if tag == "script":
                self.script_type = dict(attrs).get("type") or ""
            if tag not in _VOID_TAGS:
                self.skip.append(tag)
            return
        if self.skip:
            if tag in ("article", "main", "body") and all(t in _LAYOUT_TAGS for t in self.skip):
                self.skip.clear()        # an unclosed <nav>/<header> must not swallow the page
            else:
                return
        if tag in ("article", "main"):
            self.open_regions[tag].append(len(self.parts))
        if tag == "h1" and not self.h1 and self.h1_parts is None:
            self.h1_parts = []
        if tag == "pre":
            self.pre += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in _CELL_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in _VOID_TAGS or tag in _BLOCK_TAGS:
            self.handle_starttag(tag, attrs)
            if tag not in _VOID_TAGS:
                self.handle_endtag(tag)
        # <div/>, <span/> and the like in HTML: treated as start tags by browsers; ignore

    def handle_endtag(self, tag):
        if tag == "title" and self.title_parts is not None:
            self.title = _one_line("".join(self.title_parts))
            self.title_parts = None
        if self.skip:
            if tag in self.skip:
                # close up to the matching open skipped element (tolerates unclosed children)
                while self.skip:
                    if self.skip.pop() == tag:
                        break
                if tag == "script":
                    self.script_type = ""
            return
        if tag in _SKIP_TAGS:
            return
        if tag in ("article", "main") and self.open_regions[tag]:
            start = self.open_regions[tag].pop()
            self.regions[tag].append([start, len(self.parts)])
        if tag == "h1" and self.h1_parts is not None:
            self.h1 = _one_line("".join(self.h1_parts))
            self.h1_parts = None
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.title_parts is not None:
            self.title_parts.append(data)
        if self.skip:
            if self.skip[-1] == "script" and "ld+json" in self.script_type:
                if not self.ld_date:
                    m = _LDJSON_DATE_RE.search(data)
                    if m:
                        self.ld_date = m.group(1)
                if not self.ld_source:
                    m = _LDJSON_PUB_RE.search(data)
                    if m:
                        self.ld_source = m.group(1)
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if self.pre:
            self.parts.append(data)
            return
        if "\n" in data:
            if self.markdown:
                data = _PARA_BREAK_RE.sub("\x00", data)
            data = _CJK_BREAK_RE.sub("", data)
        data = _WS_RE.sub(" ", data)
        if self.markdown:
            data = data.replace("\x00", "\n")
        self.parts.append(data)

    def _meta(self, attrs):
        a = {k.lower(): (v or "") for k, v in attrs if k}
        key = (a.get("property") or a.get("name") or a.get("itemprop")
               or a.get("http-equiv") or "").strip().lower()
        content = a.get("content", "").strip()
        if key and content and key not in self.meta:
            self.meta[key] = content

    # -- results
    def text(self) -> str:
        parts = self.parts
        chosen = None
        total = None
        for region in ("article", "main"):
            spans = self.regions[region] + [[s, len(parts)] for s in self.open_regions[region]]
            if not spans:
                continue
            texts = [_lines_of("".join(parts[s:e])) for s, e in spans]
            best = max(texts, key=len)
            if total is None:
                total = len(_lines_of("".join(parts)))
            if len(best) >= 200 or len(best) >= 0.3 * total:
                chosen = best
                break
        if chosen is None:
            chosen = _lines_of("".join(parts))
        return chosen

    def metadata(self) -> dict[str, str]:
        m = self.meta
        title = m.get("og:title") or m.get("twitter:title") or self.h1 or self.title
        date = None
        for key in list(m):
            if key in _DATE_META:
                date = parse_date(m[key])
                if date:
                    break
        if not date and self.ld_date:
            date = parse_date(self.ld_date)
        if not date and self.time_dt:
            date = parse_date(self.time_dt)
        source = ""
        for key in ("og:site_name", "source", "site_name", "article:publisher", "publisher",
                    "dc.publisher", "application-name"):
            if m.get(key):
                source = m[key]
                break
        source = source or self.ld_source or m.get("author", "")
        return {"title": title or "", "date": date, "source": source,
                "author": m.get("author") or m.get("article:author") or m.get("dc.creator") or "",
                "title_strong": bool(m.get("og:title") or m.get("twitter:title") or self.h1)}


def _lines_of(s: str) -> str:
    return "\n".join(line for line in (x.strip() for x in s.split("\n")) if line)


def _html_text_and_meta(markup: str, markdown: bool = False) -> tuple[str, dict]:
    p = _TextExtractor(markdown=markdown)
    try:
        p.feed(markup)
        p.close()
    except Exception as e:  # html.parser is lenient; be safe on pathological input
        log.warning("HTML parser stopped early: %s", e)
    return normalize_text(p.text()), p.metadata()


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment or page: one line per block element, inline tags dropped,
    entities unescaped, script/style/nav/header/footer/aside removed; <article>/<main> preferred."""
    return _html_text_and_meta(markup)[0]


#: Markup larger than this is read by the standard library's parser alone (trafilatura's time
#: grows quickly with size: ~70 s for 5 MB; news pages are 50-500 kB).
MAX_MAIN_TEXT_CHARS = 1_500_000

# A line of page furniture left inside the article: share bars, photo credits, bylines and
# datelines, "related reading" headings, copyright and editor lines.  Only short lines that say
# nothing else are dropped (a sentence that mentions a photo stays).
_FURNITURE_ZH = re.compile(
    r"^[\s【\[（(]*(分享到|分享至|分享：|分享:|转发到|点击分享|扫一扫|扫码|长按|打开微信|关注我们|"
    r"责任编辑|编辑[:：]|责编|本文来源|原标题|来源[:：]|图片来源|图源|图\s*[/／:：|]|摄影|摄\s*[:：]|供图|"
    r"配图|相关阅读|相关新闻|相关文章|相关报道|推荐阅读|延伸阅读|更多阅读|热门推荐|猜你喜欢|"
    r"版权所有|版权声明|免责声明|未经授权|举报|返回顶部|上一篇|下一篇|"
    # the same in Traditional characters (Taiwan and Hong Kong pages)
    r"分享給|轉發到|掃一掃|掃碼|長按|關注我們|追蹤我們|責任編輯|編輯[:：]|責編|本文來源|原標題|來源[:：]|圖片來源|"
    r"圖源|圖\s*[/／:：|]|攝影|攝\s*[:：]|相關閱讀|相關新聞|相關文章|相關報導|推薦閱讀|更多閱讀|熱門推薦|"
    r"猜你喜歡|版權所有|版權聲明|免責聲明|未經授權|返回頂部|上一篇|下一篇|延伸閱讀)")
_FURNITURE_EN = re.compile(
    r"^[\s\[(]*(share( this( article| story)?| on)?\b|photo(graph)?( by|:)|image( by|:)|"
    r"picture( by|:)|illustration( by|:)|credit:|"
    r"related( articles| stories| coverage| reading| content)?(\s*:|$)|"
    r"read (more|also|next)\b|recommended( for you| reading)?(\s*:|$)|more from\b|follow us\b|sign up\b|"
    r"subscribe\b|copyright\b|©|all rights reserved|advertisement$|editing by\b|"
    r"reporting by\b|additional reporting\b)", re.I)
_CREDIT_TAIL = re.compile(
    r"(getty images|afp via getty|reuters/|ap photo|shutterstock|via bloomberg|"
    r"bloomberg via|视觉中国|新华社发|中新社发|图虫创意|东方IC)\W*$", re.I)
_BYLINE = re.compile(r"(来源|來源|作者|记者|記者|编辑|編輯|发布时间|發布時間|發佈時間|发布于|發布於|發佈於)\s*[:：]")
_DATELINE = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}")


def _is_furniture(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 120:
        return False
    if _FURNITURE_ZH.match(s) or _FURNITURE_EN.match(s):
        return True
    if len(s) <= 60 and _CREDIT_TAIL.search(s):
        return True
    sentence = "。" in s or s.endswith((".", "!", "?", "！", "？"))
    if not sentence and (_BYLINE.search(s) or _DATELINE.match(s)):
        return True
    return False


def drop_furniture(text: str) -> str:
    """The text without lines of page furniture (share bars, photo credits, bylines, related
    reading, copyright)."""
    return "\n".join(line for line in text.split("\n") if not _is_furniture(line))


_INERT_RE = re.compile(r"<(template|noscript)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_LIST_MARK_RE = re.compile(r"^(?:[-*•]\s+|#{1,6}\s+)")
_TABLE_ROW_RE = re.compile(r"^\|(.*)\|$")


def _plain_lines(text: str) -> str:
    """trafilatura's text without its Markdown-like marks: list bullets, heading hashes, table
    pipes (a row's cells joined by a space, as the standard library's reader does)."""
    out = []
    for line in text.split("\n"):
        line = line.strip()
        m = _TABLE_ROW_RE.match(line)
        if m:
            cells = [c.strip() for c in m.group(1).split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue                          # a separator row
            line = " ".join(c for c in cells if c)
        out.append(_LIST_MARK_RE.sub("", line))
    return "\n".join(out)


def _trafilatura(markup: str, url: str | None = None):
    """trafilatura's reading of a page (None when it finds no main text or cannot run)."""
    if len(markup) > MAX_MAIN_TEXT_CHARS:
        return None
    markup = _CJK_BREAK_RE.sub("", _INERT_RE.sub(" ", markup))   # a wrapped line inside CJK
    try:
        import trafilatura
    except ImportError:          # declared, but a trimmed install still reads HTML
        return None
    try:
        doc = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, favor_precision=True, include_comments=False,
            include_tables=True, include_images=False, include_links=False, deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True,
                                    "outputformat": "%Y-%m-%d"})
    except Exception as e:       # a parser failure on one page is not a build failure
        log.info("trafilatura failed on %s: %s", url or "a page", e)
        return None
    return doc


def read_page(markup: str, url: str | None = None) -> tuple[str, dict]:
    """(main text, metadata) of a whole HTML page: `title`, `date` (ISO, publication), `source`
    (site name), `author`.  See the module docstring for who decides what."""
    body, meta = _html_text_and_meta(markup)
    doc = _trafilatura(markup, url)
    main = normalize_text(doc.text or "") if doc is not None else ""
    # the furniture the plain-text reader knows too (Traditional bylines and captions, desk lines,
    # wire datelines, site notices, related lists: before the line filter, which drops their headings)
    main = drop_furniture(strip_boilerplate(_lines_of(_plain_lines(main))))
    if main.strip():
        body = main
    else:
        body = drop_furniture(strip_boilerplate(body))
    meta = dict(meta)
    if doc is not None:
        if doc.date:
            date = parse_date(doc.date)
            meta["date"] = date or meta.get("date")
        if doc.title and not meta.get("title_strong"):
            meta["title"] = _one_line(doc.title)
        meta["author"] = _one_line(doc.author or meta.get("author") or "")
        if not meta.get("source") and doc.sitename:
            meta["source"] = _one_line(doc.sitename)
    meta.pop("title_strong", None)
    return body, meta


def _article_from_html(stem: str, path: str, text: str) -> Article:
    body, meta = read_page(text)
    if not body.strip():
        raise _Skip("no article text")
    return _make_article(stem, meta.get("title", ""), meta.get("date"), meta.get("source", ""),
                         body, path)
