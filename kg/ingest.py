"""Files -> `Article`: formats, encodings, front matter, HTML to text, publication dates.

`read_articles(paths)` walks files and directories (recursive, sorted, hidden entries skipped) and
yields one `Article` per article, or a `Skipped` for each input that cannot be read (with
`strict=True` it raises `InputError` instead).  JSON Lines files are streamed line by line.

Formats, by extension:
  .md .markdown   YAML front matter + Markdown body (a body holding HTML block tags is read as HTML)
  .html .htm      HTML page: title/date/source from <head> metadata, text from <article>/<main>/<body>
  .txt .text      plain text: a short first line is the title; "Date: ..."/"日期：..." header lines
  .jsonl .ndjson  one JSON object per line: id, title, date, source, text

Encodings are detected, never assumed: BOM, strict UTF-8, the page's own <meta charset> hint,
GB18030 vs Big5 scored on how common the decoded characters are, then charset-normalizer.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import email.utils
import errno
import hashlib
import html
import json
import logging
import os
import re
import stat
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlsplit

import yaml

from kg.errors import InputError
from kg.model import Article, Skipped

log = logging.getLogger("kg.ingest")

__all__ = ["read_articles", "read_article", "parse_date", "html_to_text", "decode_bytes",
           "EXTENSIONS"]

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
# walking paths

def read_articles(paths: Iterable[str | Path] | str | Path,
                  strict: bool = False) -> Iterator[Article | Skipped]:
    """Yield an `Article` (or `Skipped`) for every article in `paths`, in a deterministic order.

    Directories are walked recursively in sorted order; hidden files and directories and files
    with other extensions are ignored.  A missing path raises `InputError` always; any other
    unreadable input yields `Skipped` (or raises `InputError` when `strict`).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = [os.fspath(p) for p in paths]
    for spath in paths:                       # fail before any work is done
        if not os.path.lexists(spath):
            raise InputError(spath, "no such file or directory")
    return _read_all(paths, strict)


def _read_all(paths: list[str], strict: bool) -> Iterator[Article | Skipped]:
    for spath in paths:
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
        if size > 8 * MAX_ARTICLE_CHARS:
            raise _Skip(f"too large for one article ({size:,} bytes; the limit is "
                        f"{MAX_ARTICLE_CHARS:,} characters, set KG_MAX_CHARS to change it)")
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


# --------------------------------------------------------------------------------------------
# encodings

_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"PK\x05\x06", b"%PDF",
                 b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF",
                 b"RIFF", b"OggS", b"ID3", b"\x00\x00\x01\x00", b"wOFF", b"wOF2",
                 b"\xd0\xcf\x11\xe0", b"SQLite format 3")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
                        codecs.BOM_UTF32_BE, codecs.BOM_UTF8)):
        return False
    if head.startswith(_BINARY_MAGIC):
        return True
    sample = head[:8192]
    if b"\x00" in sample:
        return _utf16_without_bom(sample) is None
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.05


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit at every other position, like UTF-16 text."""
    n = len(sample) - len(sample) % 2
    if n < 4:
        return None
    even_nul = sample[0:n:2].count(0) / (n // 2)
    odd_nul = sample[1:n:2].count(0) / (n // 2)
    for enc, zero, other in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if other < 0.02 and zero > 0.2:
            try:
                sample[:n].decode(enc)
                return enc
            except UnicodeDecodeError:
                pass
    # CJK UTF-16 has few NULs; accept when the sample decodes into mostly letters
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            t = sample[:n].decode(enc)
        except UnicodeDecodeError:
            continue
        if t and sum(ch.isprintable() or ch.isspace() for ch in t) / len(t) > 0.97 \
                and _cjk_score(t) > 0.9:
            return enc
    return None


_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""",
                          re.I)

_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030",
            "gb_2312": "gb18030", "gb_2312-80": "gb18030", "euc-cn": "gb18030",
            "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "cp950": "big5hkscs",
            "x-x-big5": "big5hkscs", "ascii": "utf-8", "us-ascii": "utf-8",
            "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252"}


def _canonical_encoding(name: str) -> str | None:
    name = name.strip().lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, html_hint: bool = True) -> str:
    """Decode `data`, detecting its encoding; raises `_Skip` for binary data."""
    if _looks_binary(data[:65536]):
        raise _Skip("not text (binary data)")
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    if b"\x00" in data[:8192]:
        enc16 = _utf16_without_bom(data[:8192])
        if enc16:
            return data.decode(enc16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        # a file cut in the middle of a character: still UTF-8
        if e.start >= len(data) - 3 and e.reason.startswith("unexpected end"):
            return data.decode("utf-8", errors="replace")
    if html_hint:
        head = data[:4096]
        m = _XML_DECL_RE.search(head) or _META_CHARSET_RE.search(head)
        if m:
            enc = _canonical_encoding(m.group(1).decode("ascii", "replace"))
            if enc and enc not in ("utf-8", "utf-16", "utf-32") and _decodes(data, enc):
                if enc in ("gb18030", "big5hkscs"):
                    # pages mislabel Big5 as GBK and vice versa; trust the bytes when they disagree
                    other = "big5hkscs" if enc == "gb18030" else "gb18030"
                    guess = _guess_cjk(data[:65536])
                    if guess == other:
                        enc = other
                return data.decode(enc, errors="replace")
    enc = _guess_encoding(data)
    if enc:
        return data.decode(enc, errors="replace")
    return data.decode("cp1252", errors="replace")


def _decodes(data: bytes, enc: str) -> bool:
    try:
        codecs.getincrementaldecoder(enc)().decode(data[:262144], final=False)
        return True
    except (UnicodeDecodeError, LookupError):
        return False


def _cjk_common(ch: str) -> bool:
    """True for characters frequent in Chinese text: GB2312 hanzi, Big5 level-1 hanzi, CJK
    punctuation and full-width forms."""
    o = ord(ch)
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or 0x2010 <= o <= 0x2027:
        return True
    if not (0x4E00 <= o <= 0x9FFF):
        return False
    try:
        b = ch.encode("gb2312")
        if 0xB0 <= b[0] <= 0xF7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("big5")
        return 0xA440 <= (b[0] << 8 | b[1]) <= 0xC67E
    except UnicodeEncodeError:
        return False


_GLUED_RE = re.compile(r"(?<=[A-Za-z])[\u0080-\uffff]|[\u0080-\uffff](?=[A-Za-z])")


def _cjk_score(text: str) -> float:
    """Share of non-ASCII characters that are common Chinese characters or punctuation.

    """
    chars = [c for c in text if ord(c) > 0x7F]
    if not chars:
        return 0.0
    return sum(map(_cjk_common, chars)) / len(chars)


def _latin_misread(text: str, enc: str) -> bool:
    """True when `text` looks like Latin-1/cp1252 bytes decoded as `enc` (GBK/Big5): every
    double-byte character took an ASCII letter as its trail byte, and sits inside a Latin word."""
    chars = [c for c in text if ord(c) > 0x7F]
    if not chars:
        return False
    letter_trail = 0
    for c in chars:
        try:
            b = c.encode(enc)
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and (0x41 <= b[1] <= 0x5A or 0x61 <= b[1] <= 0x7A):
            letter_trail += 1
    return letter_trail >= 0.9 * len(chars) and len(_GLUED_RE.findall(text)) > 0.5 * len(chars)


def _guess_cjk(sample: bytes, truncated: bool = True) -> str | None:
    best, best_score = None, 0.0
    for enc in ("gb18030", "big5hkscs"):
        try:
            text = codecs.getincrementaldecoder(enc)().decode(sample, final=not truncated)
        except UnicodeDecodeError:
            continue
        score = _cjk_score(text)
        if score > best_score and _latin_misread(text, enc):
            continue            # "Renée" read as GBK is "Ren閑"
        if score > best_score:
            best, best_score = enc, score
    return best if best_score >= 0.75 else None


def _mostly_ascii_latin(sample: bytes) -> bool:
    """True when `sample` reads as cp1252 with accented letters sparse among ASCII letters (a
    Western European text), rather than a fully high-byte alphabet (Cyrillic, Greek, Arabic)."""
    try:
        text = codecs.getincrementaldecoder("cp1252")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    ascii_letters = sum(1 for c in text if c.isascii() and c.isalpha())
    high = sum(1 for c in text if not c.isascii())
    return high > 0 and high < 0.3 * (ascii_letters + high)


_CJK_MULTI_BYTE = {"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "cp932", "shift_jis",
                   "euc_jp", "euc_kr", "cp949", "johab", "euc_jis_2004", "shift_jis_2004"}


def _guess_encoding(data: bytes, truncated: bool = False) -> str | None:
    sample = data[:65536]
    enc = _guess_cjk(sample, truncated=truncated or len(data) > len(sample))
    if enc:
        return enc
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data[:262144]).best()
    except Exception:  # pragma: no cover - detector failure is not fatal
        best = None
    if best is not None and best.encoding:
        enc = _canonical_encoding(best.encoding) or best.encoding
        if enc.startswith(("utf-16", "utf-32")) and b"\x00" not in data[:65536]:
            enc = "cp1252"          # no NUL byte: not UTF-16 text, whatever the detector says
        if enc in ("gbk", "gb2312", "cp936"):
            enc = "gb18030"
        if enc in ("big5", "cp950"):
            enc = "big5hkscs"
        if enc in _CJK_MULTI_BYTE and _decodes(data, "cp1252"):
            try:
                sample_text = codecs.getincrementaldecoder(enc)("replace").decode(sample)
            except LookupError:
                sample_text = ""
            if _latin_misread(sample_text, enc):
                enc = "cp1252"
        if enc not in _CJK_MULTI_BYTE and not enc.startswith("utf") and _mostly_ascii_latin(sample):
            enc = "cp1252"          # the detector is unsure on short Latin texts; cp1252 is likely
        return enc
    return None


# --------------------------------------------------------------------------------------------
# dates

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_ISO_RE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_ZH_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_SLASH_RE = re.compile(r"(?<![\d.])(\d{4})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{1,2})(?![\d])")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T|$)")
_EN_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_EN_MDY_RE = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")


def parse_date(value) -> str | None:
    """A publication date as ISO `YYYY-MM-DD`, the calendar day as written; None if unreadable.

    Accepts date/datetime objects, ISO 8601, RFC 2822, `2021年11月13日`, `2021/11/13`,
    `2021.11.13`, `20211113`, `13 Nov 2021`, `November 13, 2021`.
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    s = unicodedata.normalize("NFKC", str(value)).strip()
    if not s:
        return None
    for rx in (_ISO_RE, _ZH_RE, _SLASH_RE, _COMPACT_RE):
        m = rx.search(s) if rx is not _COMPACT_RE else rx.match(s)
        if m:
            return _ymd(m.group(1), m.group(2), m.group(3))
    t = email.utils.parsedate_tz(s)
    if t and t[0] and t[1] and t[2]:
        return _ymd(t[0], t[1], t[2])
    m = _EN_DMY_RE.search(s)
    if m and m.group(2)[:3].lower() in _MONTHS:
        return _ymd(m.group(3), _MONTHS[m.group(2)[:3].lower()], m.group(1))
    m = _EN_MDY_RE.search(s)
    if m and m.group(1)[:3].lower() in _MONTHS:
        return _ymd(m.group(3), _MONTHS[m.group(1)[:3].lower()], m.group(2))
    return None


def _ymd(y, m, d) -> str | None:
    try:
        return _dt.date(int(y), int(m), int(d)).isoformat()
    except (ValueError, OverflowError):
        return None


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
    if not body_text.strip():
        raise _Skip("no article text")
    title = _str_field(meta.get("title")) or hmeta.get("title") or heading
    raw_date = meta.get("date", meta.get("published", meta.get("pubdate")))
    date = _date_field(raw_date, path) if raw_date not in (None, "") else hmeta.get("date")
    source = _source_from(meta) or hmeta.get("source", "")
    return _make_article(stem, title, date, source, body_text, path)


# --------------------------------------------------------------------------------------------
# plain text

_TEXT_HEADER_RE = re.compile(
    r"^\s*(日期|时间|發布時間|发布时间|发布日期|發佈日期|Date|Published|来源|來源|Source|"
    r"标题|標題|Title)\s*[:：]\s*(.+?)\s*$", re.I)


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
    j = i
    while j < n and j < i + 6:
        m = _TEXT_HEADER_RE.match(lines[j]) if len(lines[j]) < 300 else None
        if not m:
            # a short first line is a title; so is a longer one right above a "Date:" line
            header_next = (j + 1 < n and len(lines[j + 1]) < 300
                           and _TEXT_HEADER_RE.match(lines[j + 1]) is not None)
            if (j == i and not title and not consumed_title
                    and (len(lines[j].strip()) <= 80 or (header_next and len(lines[j].strip()) <= 300))):
                title = lines[j].strip()
                consumed_title = True
                j += 1
                continue
            if not lines[j].strip():
                j += 1
                continue
            break
        key, val = m.group(1).lower(), m.group(2)
        if key in ("日期", "时间", "發布時間", "发布时间", "发布日期", "發佈日期", "date", "published"):
            d = parse_date(val)
            if d is None:
                log.warning("%s: cannot read date %r; date left empty", path, val)
            date = date or d
        elif key in ("来源", "來源", "source"):
            source = source or val
        else:
            title = title or val
        j += 1
    body_text = _tidy_lines("\n".join(lines[j:]))
    if not body_text.strip():
        if consumed_title:
            # a one-line file: that line is the text, not a title
            body_text, title = title, ""
        else:
            raise _Skip("no article text")
    return _make_article(stem, title, date, source, body_text, path)


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
        return {"title": title or "", "date": date, "source": source}


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


def _article_from_html(stem: str, path: str, text: str) -> Article:
    body, meta = _html_text_and_meta(text)
    if not body.strip():
        raise _Skip("no article text")
    return _make_article(stem, meta.get("title", ""), meta.get("date"), meta.get("source", ""),
                         body, path)
