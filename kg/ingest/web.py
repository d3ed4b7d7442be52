"""Web pages and feeds -> `Article`: fetch politely, read the main text.

`read_url(url)` fetches one http(s) URL and yields an `Article` per article it holds (a page is
one; an RSS/Atom feed, read with feedparser, is expanded into its items, each item's page fetched
in turn), or a `Skipped` naming the URL and what went wrong: an HTTP error (404 …), a timeout, a
redirect loop, a body that is not HTML, one over the size cap, a URL robots.txt disallows.

Fetching: one `Fetcher` per build keeps each site's robots.txt; requests carry a User-Agent,
time out (`KG_FETCH_TIMEOUT`, 20 s, for the whole response), are retried on connection errors,
timeouts, 429 and 5xx (twice, with backoff), and stop reading past `KG_MAX_FETCH_BYTES` (10 MB).
A page becomes an article whose `source` is its URL and whose id is made from the URL, so a
refetch of an unchanged page has the same sha256 and is "unchanged" in an incremental build.

A text file whose lines are all URLs (blank lines and `#` comments allowed) is a URL list:
`url_list(path)` gives its URLs.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import time
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import urljoin, urlsplit

from kg.ingest.common import _make_article, _Skip, normalize_text
from kg.ingest.dates import parse_date
from kg.model import Article, Skipped

USER_AGENT = "rivalry-kg/0.1 (+https://rivalry-kg.org/bot; news reader)"
#: The product token matched against robots.txt groups.
ROBOTS_AGENT = "rivalry-kg"
TIMEOUT = float(os.environ.get("KG_FETCH_TIMEOUT", "20"))
RETRIES = int(os.environ.get("KG_FETCH_RETRIES", "2"))
MAX_BYTES = int(os.environ.get("KG_MAX_FETCH_BYTES", str(10_000_000)))
BACKOFF = 0.5

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml", "application/feed+json")
_URL_RE = re.compile(r"^https?://\S+$", re.I)


def is_url(s) -> bool:
    """True for an http(s) URL (what `kg build` fetches instead of opening a file)."""
    return isinstance(s, str) and bool(_URL_RE.match(s.strip()))


class FetchError(Exception):
    """One URL could not be fetched; `reason` is the one line a warning shows."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Response:
    url: str                  # after redirects
    status: int
    content_type: str
    charset: str | None
    body: bytes


class Fetcher:
    """HTTP GET with a User-Agent, timeouts, retries, a size cap and robots.txt, one per build."""

    def __init__(self, timeout: float | None = None, retries: int | None = None,
                 max_bytes: int | None = None, user_agent: str = USER_AGENT,
                 respect_robots: bool = True, backoff: float = BACKOFF):
        self.timeout = TIMEOUT if timeout is None else timeout
        self.retries = RETRIES if retries is None else retries
        self.max_bytes = MAX_BYTES if max_bytes is None else max_bytes
        self.user_agent = user_agent
        self.respect_robots = respect_robots
        self.backoff = backoff
        import urllib.request
        self._robots: dict = {}
        self._opener = urllib.request.build_opener(urllib.request.HTTPRedirectHandler())

    # -- robots.txt
    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch `url` (fetched once per site; a missing robots.txt
        allows everything, an unreachable one or 401/403 nothing, as RFC 9309 says)."""
        if not self.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rp = self._robots.get(origin)
        if rp is None:
            rp = self._load_robots(origin)
            self._robots[origin] = rp
        if rp == "allow":
            return True
        if isinstance(rp, str):               # "deny" or "unreachable: why"
            if rp.startswith("unreachable"):
                raise FetchError(f"robots.txt {rp}")
            return False
        return rp.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, origin: str):
        try:
            r = self._get(origin + "/robots.txt", max_bytes=500_000)
        except FetchError as e:
            code = getattr(e, "status", None)
            if code in (401, 403):
                return "deny"
            if code is not None and 400 <= code < 500:
                return "allow"
            return f"unreachable ({e.reason})"
        import urllib.robotparser
        rp = urllib.robotparser.RobotFileParser()
        rp.parse(r.body.decode("utf-8", "replace").splitlines())
        return rp

    # -- GET
    def get(self, url: str) -> Response:
        """The response to GET `url`; raises `FetchError` with a one-line reason."""
        if not self.allowed(url):
            raise FetchError("disallowed by robots.txt")
        return self._get(url)

    def _get(self, url: str, max_bytes: int | None = None) -> Response:
        attempt = 0
        while True:
            try:
                return self._once(url, max_bytes or self.max_bytes)
            except _Retryable as e:
                if attempt >= self.retries:
                    raise FetchError(e.reason) from None
                time.sleep(self.backoff * (2 ** attempt))
                attempt += 1

    def _once(self, url: str, max_bytes: int) -> Response:
        import socket
        import urllib.error
        import urllib.request
        req = urllib.request.Request(url, headers={
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                      "application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "identity"})
        deadline = time.monotonic() + self.timeout
        try:
            resp = self._opener.open(req, timeout=self.timeout)
        except urllib.error.HTTPError as e:
            e.close()
            if 300 <= e.code < 400:
                raise FetchError("redirect loop (or too many redirects)") from None
            reason = f"HTTP {e.code} {e.reason}".strip() if e.reason else f"HTTP {e.code}"
            if e.code == 429 or e.code >= 500:
                raise _Retryable(reason) from None
            err = FetchError(reason)
            err.status = e.code
            raise err from None
        except urllib.error.URLError as e:
            raise _Retryable(_net_reason(e.reason)) from None
        except (socket.timeout, TimeoutError):
            raise _Retryable(f"timed out after {self.timeout:g} s") from None
        except (OSError, ValueError) as e:
            raise FetchError(_net_reason(e)) from None
        with resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"too large ({int(length):,} bytes; the limit is {max_bytes:,}, "
                                 "set KG_MAX_FETCH_BYTES to change it)")
            chunks, size = [], 0
            try:
                while True:
                    if time.monotonic() > deadline:
                        raise _Retryable(f"timed out after {self.timeout:g} s")
                    chunk = resp.read(65536)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(f"too large (over {max_bytes:,} bytes; set "
                                         "KG_MAX_FETCH_BYTES to change the limit)")
                    chunks.append(chunk)
            except (socket.timeout, TimeoutError):
                raise _Retryable(f"timed out after {self.timeout:g} s") from None
            except OSError as e:
                raise _Retryable(_net_reason(e)) from None
            ctype = resp.headers.get_content_type() if resp.headers.get("Content-Type") else ""
            return Response(resp.geturl(), resp.status, ctype,
                            resp.headers.get_content_charset(), b"".join(chunks))


class _Retryable(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _net_reason(e) -> str:
    import socket
    if isinstance(e, (socket.timeout, TimeoutError)):
        return "timed out"
    if isinstance(e, ConnectionRefusedError):
        return "connection refused"
    if isinstance(e, socket.gaierror):
        return "unknown host"
    s = getattr(e, "strerror", None) or str(e)
    return s.lower() if s else type(e).__name__


# ------------------------------------------------------------------------------ URL lists

def url_list(path: str) -> list[str] | None:
    """The URLs of a text file that lists nothing but URLs (one a line; blank lines and lines
    starting with # ignored), else None."""
    try:
        if os.path.getsize(path) > 5_000_000:
            return None
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    urls = []
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if not is_url(s):
            return None
        urls.append(s)
    return urls or None


# ------------------------------------------------------------------------------ pages

def article_id(url: str) -> str:
    """A readable id made from the URL (host and path), with a short hash when the URL has a
    query or is long, so two URLs never share an id."""
    parts = urlsplit(url.strip())
    slug = re.sub(r"[^\w.~-]+", "-", parts.netloc + parts.path).strip("-.") or "page"
    if parts.query or len(slug) > 100:
        slug = slug[:90].rstrip("-.") + "-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]
    return slug


def _decode(resp: Response) -> str:
    from kg.ingest.encoding import decode_bytes
    if resp.charset:
        try:
            return resp.body.decode(resp.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(resp.body, html_hint=True)


def _kind(resp: Response) -> str:
    ct = resp.content_type
    head = resp.body[:512].lstrip().lower()
    if ct in _HTML_TYPES:
        return "html"
    if ct in _FEED_TYPES or ct.endswith(("+xml", "/xml")):
        if head.startswith((b"<!doctype html", b"<html")):
            return "html"
        return "feed"
    if ct in ("", "text/plain", "application/octet-stream"):
        if head.startswith((b"<!doctype html", b"<html")):
            return "html"
        if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
            return "feed"
    return "other"


def page_article(url: str, resp: Response, fallback_title: str = "",
                 fallback_date: str | None = None) -> Article:
    """The article of a fetched HTML page (main text, title, publication date; source = URL)."""
    from kg.ingest.html import read_page
    try:
        markup = normalize_text(_decode(resp))
    except _Skip:
        raise
    body, meta = read_page(markup, url=resp.url or url)
    if not body.strip():
        raise _Skip("no article text on the page")
    return _make_article(article_id(url), meta.get("title") or fallback_title,
                         meta.get("date") or fallback_date, url, body, url)


def read_url(url: str, fetcher: Fetcher | None = None) -> Iterator[Article | Skipped]:
    """Articles from one URL: a page, or each item of an RSS/Atom feed (see the module doc).
    Never raises for a bad URL: every failure is a `Skipped` naming the URL."""
    fetcher = fetcher or Fetcher()
    url = url.strip()
    try:
        resp = fetcher.get(url)
    except FetchError as e:
        yield Skipped(url, None, e.reason)
        return
    kind = _kind(resp)
    if kind == "html":
        try:
            yield page_article(url, resp)
        except _Skip as s:
            yield Skipped(url, None, s.reason)
    elif kind == "feed":
        yield from _read_feed(url, resp, fetcher)
    else:
        yield Skipped(url, None, f"not HTML ({resp.content_type or 'no content type'})")


def _read_feed(url: str, resp: Response, fetcher: Fetcher) -> Iterator[Article | Skipped]:
    import feedparser
    feed = feedparser.parse(io.BytesIO(resp.body), response_headers={
        "content-location": resp.url, "content-type": resp.content_type})
    if not feed.entries:
        if feed.bozo:
            reason = str(getattr(feed, "bozo_exception", "")).splitlines()[0:1]
            yield Skipped(url, None, "not a readable feed" + (f" ({reason[0]})" if reason else ""))
        else:
            yield Skipped(url, None, "feed has no items")
        return
    for entry in feed.entries:
        link = entry.get("link")
        title = normalize_text(entry.get("title") or "")
        date = _entry_date(entry)
        if link:
            link = urljoin(resp.url or url, link)
            if not is_url(link):
                yield Skipped(url, None, f"feed item link is not http(s): {link}")
                continue
            try:
                page = fetcher.get(link)
            except FetchError as e:
                yield Skipped(link, None, e.reason)
                continue
            if _kind(page) != "html":
                yield Skipped(link, None, f"not HTML ({page.content_type or 'no content type'})")
                continue
            try:
                yield page_article(link, page, title, date)
            except _Skip as s:
                yield Skipped(link, None, s.reason)
            continue
        # no link: the item's own content is the article
        content = entry.get("content") or []
        markup = (content[0].get("value") if content else None) or entry.get("summary") or ""
        if not markup.strip():
            yield Skipped(url, None, f"feed item {title or entry.get('id') or '?'!r} has no link "
                                     "and no text")
            continue
        from kg.ingest.html import html_to_text
        body = html_to_text(normalize_text(markup))
        key = entry.get("id") or title or body[:200]
        aid = article_id(url) + "-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
        try:
            yield _make_article(aid, title, date, url, body, url)
        except _Skip as s:
            yield Skipped(url, None, s.reason)


def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        t = entry.get(key)
        if t:
            return f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}"
    for key in ("published", "updated"):
        if entry.get(key):
            d = parse_date(entry[key])
            if d:
                return d
    return None
