"""Property tests: arbitrary input never crashes the readers and parsers, and results stay in
bounds (Hypothesis).  Example counts are modest so the suite stays quick on two cores."""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.extract.dates import find_dates
from kg.extract.money import find_money
from kg.ingest import decode_bytes, read_articles
from kg.ingest.encoding import _cjk_common
from kg.model import ENTITY_TYPES, RELATION_TYPES, Article, Skipped

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Text that looks like news: CJK, digits, date and money words, punctuation, some Latin.
NEWS_ALPHABET = st.sampled_from(list("腾讯字节跳动起诉年月日号今去昨上本下周前后亿万千百十元美金人民币"
                                     "一二三四五六七八九〇零两，。；：、（）《》“”0123456789.- "
                                     "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$€¥"))
news_text = st.text(alphabet=NEWS_ALPHABET, max_size=120)
article_dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


@FAST
@given(st.binary(max_size=4096), st.sampled_from([".md", ".html", ".txt", ".jsonl"]))
def test_arbitrary_bytes_never_crash_ingest(data, ext):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"input{ext}"
        p.write_bytes(data)
        for item in read_articles([p]):
            assert isinstance(item, (Article, Skipped))
            if isinstance(item, Skipped):
                assert item.reason and "\n" not in item.reason
            else:
                assert item.text.strip() and len(item.sha256) == 64


@FAST
@given(st.binary(max_size=2048))
def test_decode_bytes_returns_text_or_rejects_binary(data):
    try:
        assert isinstance(decode_bytes(data), str)
    except Exception as e:                     # the only refusal: data that is not text
        assert "binary" in str(e)


@FAST
@given(st.one_of(st.text(max_size=400), news_text).filter(lambda s: s.strip() and "\x00" not in s),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
@example(body="字号", enc="gb18030")       # a furniture line alone: dropped whatever the encoding
def test_valid_text_round_trips_through_every_encoding(body, enc):
    # Detection without a BOM is statistical: arbitrary short symbol soup in GB18030 (say
    # "¢裵") is as likely Arabic cp1256.  The claim is for text that reads like news.
    # (found by Hypothesis: "\x80捑" — a C1 control character and a rare hanzi — reads as cp1256 as
    # well as GB18030.)  So for GB18030: most characters common hanzi, no control characters.
    if enc == "gb18030" and (sum(map(_cjk_common, body)) < len(body.strip()) / 2
                             or any(unicodedata.category(ch) == "Cc" and ch not in "\n\t\r" for ch in body)):
        return
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "a.txt"
        text = "标题行\n" + body
        try:
            p.write_bytes(text.encode(enc))
        except UnicodeEncodeError:
            return
        items = list(read_articles([p]))
        assert len(items) == 1
        if isinstance(items[0], Article):
            # the body survives decoding: every CJK character of the input that the same text read as
            # UTF-8 keeps is in the article (page furniture such as a bare 字号 line is dropped alike in
            # both; found by Hypothesis)
            ref = Path(d) / "ref.txt"
            ref.write_bytes(text.encode("utf-8"))
            want = next(iter(read_articles([ref])))
            kept = want.title + want.text if isinstance(want, Article) else text
            got = items[0].title + items[0].text
            for ch in set(body):
                if "\u4e00" <= ch <= "\u9fff" and ch in kept:
                    assert ch in got


@FAST
@given(news_text, article_dates)
def test_dates_never_crash_and_relative_dates_do_not_run_ahead(text, ref):
    ref_iso = ref.isoformat()
    for d in find_dates(text, ref=ref_iso):
        assert 0 <= d.start <= d.end <= len(text)
        if d.value is None:
            continue
        assert ISO.match(d.value), d
        assert 1000 <= int(d.value[:4]) <= 2200
        future = any(w in d.text for w in ("下", "明", "后", "next", "following", "coming"))
        if d.kind == "relative" and not future:   # 昨天, 上周二, 去年: never after the article date
            assert d.value <= ref_iso[: len(d.value)], (text, d)


@FAST
@given(news_text)
def test_money_never_crashes_and_is_non_negative(text):
    for m in find_money(text):
        assert 0 <= m.start <= m.end <= len(text)
        assert m.value >= 0 and m.value == m.value          # not NaN


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["腾讯", "字节跳动", "抖音", "阿里巴巴", "微信", "北京知识产权法院",
                                 "市场监管总局", "马化腾", "起诉", "收购", "封禁", "罚款", "判决",
                                 "2019年3月", "昨天", "，", "。", "将", "告上法庭", "索赔5000万元"]),
                max_size=30), article_dates)
def test_extraction_output_always_follows_format(words, pub):
    from kg.extract import extract
    from kg.output import extraction_json
    text = "".join(words) or "。"
    art = Article(id="p", title="t", date=pub.isoformat(), source="s", text=text)
    out = extraction_json([extract(art)])
    json.dumps(out, ensure_ascii=False)                     # serialisable
    (a,) = out["articles"]
    ids = {e["id"] for e in a["entities"]}
    assert len(ids) == len(a["entities"])
    for e in a["entities"]:
        assert e["type"] in ENTITY_TYPES and e["name"]
    for r in a["relations"]:
        assert r["type"] in RELATION_TYPES
        assert r["subject"] in ids and r["object"] in ids
        assert r["date"] is None or ISO.match(r["date"])
        assert 0.0 <= r["confidence"] <= 1.0
        assert r["evidence"] and r["evidence"] in text
    for s in a["lawsuits"]:
        assert set(s["plaintiffs"]) <= ids and set(s["defendants"]) <= ids
        assert s["claim_cny"] is None or s["claim_cny"] >= 0
