"""What every reader shares: the skip signal, size limits, building an Article, text tidying."""
from __future__ import annotations

import datetime as _dt
import hashlib
import logging
import os
import re
import unicodedata
from urllib.parse import urlsplit

from kg.ingest.dates import parse_date
from kg.model import Article

log = logging.getLogger("kg.ingest")

MARKDOWN_EXT = {".md", ".markdown"}
HTML_EXT = {".html", ".htm"}
TEXT_EXT = {".txt", ".text"}
JSONL_EXT = {".jsonl", ".ndjson"}
EXTENSIONS = MARKDOWN_EXT | HTML_EXT | TEXT_EXT | JSONL_EXT


# Longer than any news article: a scrape that swallowed a site, or not an article at all.
# Extraction time grows with length, so such inputs are skipped with a clear reason.
MAX_ARTICLE_CHARS = int(os.environ.get("KG_MAX_CHARS", "2000000"))


class _Skip(Exception):
    """Internal: this input (or record) cannot be read; becomes Skipped or InputError."""

    def __init__(self, reason: str, line: int | None = None):
        super().__init__(reason)
        self.reason, self.line = reason, line


# --------------------------------------------------------------------------------------------
# building articles

def _make_article(aid: str, title: str, date: str | None, source: str, text: str,
                  path: str) -> Article:
    title = _one_line(normalize_text(title))
    source = _one_line(normalize_text(source))
    text = text.strip("\n")
    if len(text) > MAX_ARTICLE_CHARS:
        raise _Skip(f"too long for one article ({len(text):,} characters; the limit is "
                    f"{MAX_ARTICLE_CHARS:,}, set KG_MAX_CHARS to change it)")
    digest = hashlib.sha256("\x1f".join([aid, title, date or "", source, text])
                            .encode("utf-8")).hexdigest()
    return Article(id=aid, title=title, date=date, source=source, text=text, path=path,
                   sha256=digest, lang=detect_lang(text))


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _str_field(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ", ".join(_str_field(x) for x in v if x is not None)
    if isinstance(v, dict):
        return _str_field(v.get("name") or v.get("title") or "")
    return str(v).strip()


def _source_from(meta: dict) -> str:
    for key in ("source", "site", "site_name", "publisher", "author", "authors"):
        s = _str_field(meta.get(key))
        if s:
            return s
    url = _str_field(meta.get("url") or meta.get("link"))
    if url:
        host = urlsplit(url).netloc
        return host or url
    return ""


def _date_field(value, path: str, line: int | None = None) -> str | None:
    if value is None or value == "":
        return None
    d = parse_date(value)
    where = f"{path}:{line}" if line else path
    if d is None:
        log.warning("%s: cannot read date %r; date left empty", where, value)
    elif d > _dt.date.today().isoformat():
        log.warning("%s: publication date %s is in the future; relative dates resolve against it",
                    where, d)
    return d


_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def detect_lang(text: str) -> str:
    """"en" when Latin letters outnumber CJK characters, else "zh"."""
    sample = text[:200000]
    latin = len(_LATIN_RE.findall(sample))
    cjk = len(_CJK_RE.findall(sample))
    return "en" if latin > cjk else "zh"


# --------------------------------------------------------------------------------------------
# text normalisation

_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00]")
_SPACE_LIKE_RE = re.compile("[\u00a0\u2002\u2003\u2009\u202f]")


def normalize_text(s: str) -> str:
    """NFC, CRLF/CR -> LF, zero-width characters (and stray NULs) removed, no-break spaces ->
    spaces.  Full-width punctuation is kept as is."""
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = _ZERO_WIDTH_RE.sub("", s)
    if "\u2028" in s or "\u2029" in s:
        s = s.replace("\u2028", "\n").replace("\u2029", "\n")
    s = _SPACE_LIKE_RE.sub(" ", s)
    return unicodedata.normalize("NFC", s)


_BLANK_RUN_RE = re.compile(r"\n{3,}")


def _tidy_lines(s: str) -> str:
    """Trim each line, collapse runs of blank lines to one."""
    s = "\n".join(line.strip() for line in s.split("\n"))
    return _BLANK_RUN_RE.sub("\n\n", s).strip("\n")
