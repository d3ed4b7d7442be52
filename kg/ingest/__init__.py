"""Files and URLs -> `Article`: formats, encodings, front matter, HTML to text, publication dates.

`read_articles(paths)` walks files and directories (recursive, sorted, hidden entries skipped) and
yields one `Article` per article, or a `Skipped` for each input that cannot be read (with
`strict=True` it raises `InputError` instead).  JSON Lines files are streamed line by line.
An http(s) URL is fetched (a page, or an RSS/Atom feed expanded into its items: `kg.ingest.web`);
a text file named explicitly whose lines are all URLs is a list of URLs to fetch; an `Article`
object given among the paths is passed through as it is.

Formats, by extension:
  .md .markdown   YAML front matter + Markdown body (a body holding HTML block tags is read as HTML)
  .html .htm      HTML page: main text by trafilatura (page furniture left out), publication
                  date by htmldate, title/source from <head> metadata (kg.ingest.html)
  .txt .text      plain text: a short first line is the title; "Date: ..."/"日期：..." header lines
  .jsonl .ndjson  one JSON object per line: id, title, date, source, text

Encodings are detected, never assumed: BOM, strict UTF-8, the page's own <meta charset> hint,
GB18030 vs Big5 scored on how common the decoded characters are, then charset-normalizer.
"""
from __future__ import annotations

import codecs
import errno
import json
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import InputError
from kg.ingest import common
from kg.ingest.common import (
    EXTENSIONS,
    HTML_EXT,
    JSONL_EXT,
    TEXT_EXT,
    _date_field,
    _make_article,
    _Skip,
    _source_from,
    _str_field,
    _tidy_lines,
    detect_lang,
    normalize_text,
)
from kg.ingest.dates import parse_date
from kg.ingest.encoding import _guess_encoding, _looks_binary, decode_bytes
from kg.ingest.formats import _HTML_BLOCK_RE, _article_from_markdown, _article_from_text
from kg.ingest.html import (
    _article_from_html,
    _html_text_and_meta,
    html_to_text,
)
from kg.ingest.web import is_url
from kg.model import Article, Skipped

__all__ = ["read_articles", "read_article", "parse_date", "html_to_text", "decode_bytes", "detect_lang",
           "EXTENSIONS"]

# --------------------------------------------------------------------------------------------
# walking paths

def read_articles(paths: Iterable[str | Path] | str | Path,
                  strict: bool = False) -> Iterator[Article | Skipped]:
    """Yield an `Article` (or `Skipped`) for every article in `paths`, in a deterministic order.

    Directories are walked recursively in sorted order; hidden files and directories and files
    with other extensions are ignored.  A missing path raises `InputError` always; any other
    unreadable input yields `Skipped` (or raises `InputError` when `strict`).
    """
    if isinstance(paths, (str, Path, Article)):
        paths = [paths]
    paths = [p if isinstance(p, Article) else os.fspath(p) for p in paths]
    for spath in paths:                       # fail before any work is done
        if isinstance(spath, Article) or is_url(spath):
            continue
        if not os.path.lexists(spath):
            raise InputError(spath, "no such file or directory")
    return _read_all(paths, strict)


def _read_all(paths: list, strict: bool) -> Iterator[Article | Skipped]:
    fetcher = None
    for spath in paths:
        if isinstance(spath, Article):
            yield spath
            continue
        urls = [spath] if is_url(spath) else _url_list(spath)
        if urls is not None:
            if fetcher is None:
                from kg.ingest.web import Fetcher
                fetcher = Fetcher()
            for url in urls:
                yield from _read_url(url, fetcher, strict)
            continue
        if not os.path.lexists(spath):        # removed since the call
            raise InputError(spath, "no such file or directory")
        try:
            st = os.stat(spath)
        except OSError as e:
            yield from _emit(spath, None, _os_reason(e), strict)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(spath, strict, {(st.st_dev, st.st_ino)})
        else:
            yield from _read_path(spath, strict, explicit=True)


def _url_list(path: str) -> list[str] | None:
    """The URLs of an explicitly named text file that lists only URLs."""
    if Path(path).suffix.lower() not in TEXT_EXT | {".urls", ".list", ""}:
        return None
    if not os.path.isfile(path):
        return None
    from kg.ingest.web import url_list
    return url_list(path)


def _read_url(url: str, fetcher, strict: bool) -> Iterator[Article | Skipped]:
    from kg.ingest.web import read_url
    for item in read_url(url, fetcher):
        if isinstance(item, Skipped):
            yield from _emit(item.path, None, item.reason, strict)
        else:
            yield item


def read_article(path: str | Path) -> Article:
    """Read one non-JSONL article file; raises `InputError` when it cannot be read."""
    spath = os.fspath(path)
    if not os.path.lexists(spath):
        raise InputError(spath, "no such file or directory")
    if os.path.isdir(spath):
        raise InputError(spath, "is a directory (use read_articles)")
    if Path(spath).suffix.lower() in JSONL_EXT:
        raise InputError(spath, "is a JSON Lines file (use read_articles)")
    for item in _read_path(spath, strict=True, explicit=True):
        return item  # type: ignore[return-value]
    raise InputError(spath, "no article text")


def _emit(path: str, line: int | None, reason: str, strict: bool) -> Iterator[Skipped]:
    if strict:
        raise InputError(path, reason, line)
    yield Skipped(path, line, reason)


def _os_reason(e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "symlink loop"
    if e.errno == errno.ENOENT:
        return "broken symbolic link"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if e.errno == errno.EISDIR:
        return "is a directory"
    return (e.strerror or str(e)).lower()


# Files a folder of articles often carries that are not articles; named explicitly they are read.
_PROJECT_FILES = ("readme", "license", "licence", "changelog", "contributing", "notice")


def _is_project_file(name: str) -> bool:
    return Path(name).stem.lower() in _PROJECT_FILES


def _walk(directory: str, strict: bool, seen: set) -> Iterator[Article | Skipped]:
    try:
        with os.scandir(directory) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as e:
        yield from _emit(directory, None, _os_reason(e), strict)
        return
    for entry in entries:
        path = os.path.join(directory, entry.name)
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError as e:
            is_dir = False
            if entry.name.lower().endswith(tuple(EXTENSIONS)):
                yield from _emit(path, None, _os_reason(e), strict)
                continue
        if is_dir:
            try:
                st = os.stat(path)
            except OSError as e:
                yield from _emit(path, None, _os_reason(e), strict)
                continue
            key = (st.st_dev, st.st_ino)
            if key in seen:
                yield from _emit(path, None, "symlink loop (directory already visited)", strict)
                continue
            yield from _walk(path, strict, seen | {key})
            continue
        if Path(entry.name).suffix.lower() not in EXTENSIONS or _is_project_file(entry.name):
            continue
        if not os.path.exists(path):          # broken link or link loop
            try:
                os.stat(path)
            except OSError as e:
                yield from _emit(path, None, _os_reason(e), strict)
                continue
        yield from _read_path(path, strict, explicit=False)


# --------------------------------------------------------------------------------------------
# one file

def _read_path(path: str, strict: bool, explicit: bool) -> Iterator[Article | Skipped]:
    ext = Path(path).suffix.lower()
    if ext in JSONL_EXT:
        yield from _read_jsonl(path, strict)
        return
    try:
        art = _read_document(path, ext, explicit)
    except _Skip as s:
        yield from _emit(path, s.line, s.reason, strict)
        return
    yield art


def _read_bytes(path: str) -> bytes:
    try:
        if not os.path.isfile(path):
            raise _Skip("not a regular file")
        size = os.path.getsize(path)
        limit = common.MAX_ARTICLE_CHARS
        if size > 8 * limit:
            raise _Skip(f"too large for one article ({size:,} bytes; the limit is "
                        f"{limit:,} characters, set KG_MAX_CHARS to change it)")
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise _Skip(_os_reason(e)) from None


def _read_document(path: str, ext: str, explicit: bool) -> Article:
    data = _read_bytes(path)
    if not data.strip():
        raise _Skip("empty file")
    if ext not in EXTENSIONS:
        if not explicit:
            raise _Skip(f"unsupported file type ({ext or 'no extension'})")
        if ext and ext not in {".htmls", ".xhtml", ".shtml", ".mdown", ".mkd"}:
            raise _Skip(f"unsupported file type ({ext}); expected "
                        + ", ".join(sorted(EXTENSIONS)))
    text = decode_bytes(data, html_hint=ext not in TEXT_EXT)
    text = normalize_text(text)
    stem = Path(path).stem
    if ext in HTML_EXT or ext in {".xhtml", ".shtml", ".htmls"}:
        return _article_from_html(stem, path, text)
    if ext in TEXT_EXT:
        head = text.lstrip()[:512].lower()
        if head.startswith(("<!doctype html", "<html")):
            return _article_from_html(stem, path, text)
        return _article_from_text(stem, path, text)
    # markdown (or an explicitly named extension-less file)
    if not ext:
        head = text.lstrip()[:512].lower()
        if head.startswith(("<!doctype html", "<html")):
            return _article_from_html(stem, path, text)
    return _article_from_markdown(stem, path, text)


# --------------------------------------------------------------------------------------------
# JSON Lines (streamed)

def _read_jsonl(path: str, strict: bool) -> Iterator[Article | Skipped]:
    try:
        if not os.path.isfile(path):
            raise OSError(errno.EISDIR, "not a regular file")
        f = open(path, "rb")
    except OSError as e:
        yield from _emit(path, None, _os_reason(e), strict)
        return
    with f:
        head = f.read(65536)
        f.seek(0)
        if not head.strip():
            yield from _emit(path, None, "empty file", strict)
            return
        if _looks_binary(head):
            yield from _emit(path, None, "not text (binary data)", strict)
            return
        encoding = _sniff_stream_encoding(head)
        if encoding in ("utf-16", "utf-32"):
            import io
            lines = io.TextIOWrapper(f, encoding=encoding, errors="replace", newline="")
            source = ((line, None) for line in lines)
        else:
            if head.startswith(codecs.BOM_UTF8):
                f.read(3)
            source = ((None, raw) for raw in f)
        lineno = 0
        count = 0
        for text_line, raw in source:
            lineno += 1
            try:
                if raw is not None:
                    if not raw.strip():
                        continue
                    try:
                        text_line = raw.decode(encoding)
                    except UnicodeDecodeError:
                        try:
                            text_line = decode_bytes(raw, html_hint=False)
                        except _Skip:
                            raise _Skip(f"cannot decode line as {encoding}") from None
                if not text_line.strip():
                    continue
                art = _article_from_record(path, text_line, lineno)
            except _Skip as s:
                yield from _emit(path, lineno, s.reason, strict)
                continue
            count += 1
            yield art
        if count == 0 and lineno == 0:
            yield from _emit(path, None, "empty file", strict)


def _sniff_stream_encoding(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8"
    dec = codecs.getincrementaldecoder("utf-8")()
    try:
        dec.decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    enc = _guess_encoding(head, truncated=True)
    return enc or "utf-8"


_JSONL_TEXT_KEYS = ("text", "content", "body")


def _article_from_record(path: str, line: str, lineno: int) -> Article:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        raise _Skip(f"invalid JSON: {e.msg} at column {e.colno}") from None
    except RecursionError:
        raise _Skip("invalid JSON: nested too deeply") from None
    if not isinstance(rec, dict):
        raise _Skip(f"not a JSON object (got {type(rec).__name__})")
    rid = rec.get("id")
    if rid is None or isinstance(rid, bool) or not isinstance(rid, (str, int)):
        raise _Skip("missing 'id' (a string or integer)" if rid is None
                    else f"'id' must be a string or integer, not {type(rid).__name__}")
    rid = str(rid).strip()
    if not rid:
        raise _Skip("empty 'id'")
    body = None
    for k in _JSONL_TEXT_KEYS:
        if rec.get(k) is not None:
            body = rec[k]
            break
    if body is None:
        raise _Skip("no article text")
    if not isinstance(body, str):
        raise _Skip(f"'text' must be a string, not {type(body).__name__}")
    body = normalize_text(body)
    meta: dict = {}
    if _HTML_BLOCK_RE.search(body):
        body, meta = _html_text_and_meta(body)
    else:
        body = _tidy_lines(body)
    if not body.strip():
        raise _Skip("no article text")
    title = _str_field(rec.get("title")) or meta.get("title", "")
    date = _date_field(rec.get("date", rec.get("published")), path, lineno)
    source = _source_from(rec) or meta.get("source", "")
    return _make_article(rid, title, date, source, body, path)
