"""Bytes -> text: BOMs, strict UTF-8, <meta charset> hints, GB18030 vs Big5 by character
frequency, Latin-1 guards, then charset-normalizer.  Detected, never assumed."""
from __future__ import annotations

import codecs
import re

from kg.ingest.common import _Skip

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
