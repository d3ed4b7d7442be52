"""Publication dates in the forms sites use: ISO, RFC 2822, 2021年11月13日, 2021/11/13, 2021.11.13."""
from __future__ import annotations

import datetime as _dt
import email.utils
import re
import unicodedata

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
