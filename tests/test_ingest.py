"""kg.ingest: files -> Article.  Fixtures are written into tmp_path, bytes via Python's codecs."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import html_to_text, parse_date, read_article, read_articles
from kg.model import Article, Skipped

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"

TRAD = "台積電與聯發科的專利訴訟在台灣高等法院開庭，雙方律師就技術細節進行了激烈的辯論。"
SIMP = "字节跳动起诉腾讯垄断，北京知识产权法院已经受理此案，要求赔偿经济损失九千万元。"


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def art(path) -> Article:
    a = only(read_articles([path]))
    assert isinstance(a, Article), a
    return a


# ------------------------------------------------------------------------------- dev article

@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev set absent")
def test_dev_article():
    path = DEV / "huxiu-2021-11-13-bytedance-tencent.md"
    a = read_article(path)
    assert a.id == "huxiu-2021-11-13-bytedance-tencent"
    assert a.date == "2021-11-13"
    assert a.title == "字节跳动晒腾讯合作邮件为哪般？"
    assert a.source == "虎嗅"
    assert a.lang == "zh"
    assert "<p>" not in a.text and "<span" not in a.text and "<br" not in a.text
    line = next(l for l in a.text.split("\n") if "2018年3月8日" in l)
    assert line.index("2018年3月8日") < 10           # near the start of its own line
    assert "一场拉锯三年的“战争”" in a.text.split("\n")   # the heading is its own line
    assert a.path == str(path)
    # the directory holds a .gold.json beside it: ignored silently
    assert [x.id for x in read_articles([DEV])] == ["huxiu-2021-11-13-bytedance-tencent"]


# ------------------------------------------------------------------------------- formats

def test_markdown_front_matter_and_light_syntax(tmp_path):
    p = write(tmp_path / "a.md", "---\ntitle: 腾讯诉字节\ndate: 2021-02-02\nsource: 财新\n---\n"
              "# 大标题\n\n**腾讯**起诉[字节跳动](https://x.com/a)。![图](img.png)\n\n"
              "- 第一点 *强调* 和 `代码`\n> 引用一段\n")
    a = art(p)
    assert (a.id, a.title, a.date, a.source) == ("a", "腾讯诉字节", "2021-02-02", "财新")
    assert a.text.split("\n") == ["大标题", "", "腾讯起诉字节跳动。", "", "第一点 强调 和 代码",
                                  "引用一段"]


def test_markdown_without_front_matter_takes_heading_as_title(tmp_path):
    a = art(write(tmp_path / "b.markdown", "# The ByteDance v Tencent feud\n\nTencent sued.\n"))
    assert a.title == "The ByteDance v Tencent feud"
    assert a.lang == "en" and a.date is None and a.source == ""


def test_markdown_source_falls_back_to_author_then_url(tmp_path):
    assert art(write(tmp_path / "a.md", "---\nauthor: 虎嗅\n---\n正文。\n")).source == "虎嗅"
    a = art(write(tmp_path / "b.md", "---\nurl: https://www.huxiu.com/a/1\n---\n正文。\n"))
    assert a.source == "www.huxiu.com"


def test_markdown_html_body_is_converted(tmp_path):
    p = write(tmp_path / "h.md", "---\ntitle: t\n---\n<div><p>第一段<span>内联</span>文字。<br>"
              "第二行</p><h3>标题</h3><p>a&amp;b&nbsp;c</p><script>var x=1;</script></div>\n")
    assert art(p).text.split("\n") == ["第一段内联文字。", "第二行", "标题", "a&b c"]


def test_markdown_heading_around_html_blocks(tmp_path):
    a = art(write(tmp_path / "m.md", "# 头腾大战\n\n<p>第一段。</p>\n\n## 2018年\n\n<p>第二段。</p>\n"))
    assert a.title == "头腾大战"
    assert a.text.split("\n") == ["头腾大战", "第一段。", "2018年", "第二段。"]


def test_broken_front_matter_is_skipped(tmp_path):
    p = write(tmp_path / "bad.md", "---\ntitle: [unclosed\ndate: 2021-01-01\n---\n正文\n")
    s = only(read_articles([p]))
    assert isinstance(s, Skipped) and s.reason.startswith("broken YAML front matter:")
    s = only(read_articles([write(tmp_path / "open.md", "---\ntitle: x\n正文\n")]))
    assert isinstance(s, Skipped) and "closing" in s.reason
    s = only(read_articles([write(tmp_path / "list.md", "---\n- a\n- b\n---\n正文\n")]))
    assert isinstance(s, Skipped) and s.reason.startswith("broken YAML front matter")


def test_front_matter_only_is_no_article_text(tmp_path):
    s = only(read_articles([write(tmp_path / "e.md", "---\ntitle: x\n---\n\n")]))
    assert isinstance(s, Skipped) and s.reason == "no article text"


def test_html_page(tmp_path):
    page = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>腾讯起诉字节跳动_新闻_某网</title>
<meta property="og:title" content="腾讯起诉字节跳动">
<meta property="og:site_name" content="某网">
<meta property="article:published_time" content="2021-11-13T23:30:00-05:00">
<style>p{color:red}</style><script>alert(1)</script></head>
<body><header><h1>网站名</h1></header><nav><a href="/">首页</a></nav>
<main><article><h1>腾讯起诉字节跳动</h1>
<p>2021年2月2日，<b>腾讯</b>起诉了<a href="#">字节跳动</a>。</p>
<ul><li>第一</li><li>第二</li></ul><table><tr><td>甲</td><td>乙</td></tr></table>
<noscript>请开启JS</noscript><template><p>模板</p></template>
<p>赔偿 &lt;9000万&gt; &#x5143;</p></article></main>
<aside>相关阅读</aside><footer>版权所有</footer></body></html>"""
    a = art(write(tmp_path / "page.html", page))
    assert a.title == "腾讯起诉字节跳动"
    assert a.date == "2021-11-13"      # the calendar day as written, no timezone conversion
    assert a.source == "某网"
    assert a.text.split("\n") == ["腾讯起诉字节跳动", "2021年2月2日，腾讯起诉了字节跳动。",
                                  "第一", "第二", "甲 乙", "赔偿 <9000万> 元"]


@pytest.mark.parametrize("head,expected", [
    ('<meta name="pubdate" content="2021/11/13">', "2021-11-13"),
    ('<meta name="publishdate" content="2021年11月13日 10:30">', "2021-11-13"),
    ('<meta name="date" content="Sat, 13 Nov 2021 10:30:00 GMT">', "2021-11-13"),
    ('<script type="application/ld+json">{"datePublished": "2021-11-13T08:00:00Z"}</script>',
     "2021-11-13"),
    ("", "2021-11-13"),   # falls back to <time datetime>
])
def test_html_date_sources(tmp_path, head, expected):
    page = (f"<html><head><title>T</title>{head}</head><body><p>正文</p>"
            '<time datetime="2021-11-13">昨天</time></body></html>')
    assert art(write(tmp_path / "d.htm", page)).date == expected


def test_html_title_falls_back_to_h1_then_title(tmp_path):
    a = art(write(tmp_path / "a.html", "<title>页面标题</title><h1>文章标题</h1><p>正文</p>"))
    assert a.title == "文章标题"
    a = art(write(tmp_path / "b.html", "<html><head><title>页面标题</title></head><p>正文</p>"))
    assert a.title == "页面标题"


def test_html_prefers_article_over_page_chrome(tmp_path):
    body = "<p>" + "正文内容。" * 50 + "</p>"
    page = f"<body><div>广告位</div><article>{body}</article><div>推荐</div></body>"
    a = art(write(tmp_path / "a.html", page))
    assert "广告位" not in a.text and "推荐" not in a.text and a.text.startswith("正文内容")


def test_unclosed_nav_does_not_swallow_the_article():
    assert html_to_text("<nav><a>首页</a><div>菜单<article><p>正文</p></article>") == "正文"


def test_html_to_text_blocks_and_inline():
    assert html_to_text("<p>a<b>b</b>c</p><p>d<br/>e</p>\n\n\n<div>  f  </div>") == "abc\nd\ne\nf"
    assert html_to_text("<p>字节\n跳动</p>") == "字节跳动"        # a wrapped line inside CJK
    assert html_to_text("<pre>x = 1\n  y = 2</pre>") == "x = 1\ny = 2"


def test_plain_text(tmp_path):
    a = art(write(tmp_path / "t.txt", "腾讯起诉字节跳动\n日期: 2021年2月2日\n来源：新浪\n\n"
                  "正文第一段。\n\n\n\n正文第二段。\n"))
    assert (a.title, a.date, a.source) == ("腾讯起诉字节跳动", "2021-02-02", "新浪")
    assert a.text == "正文第一段。\n\n正文第二段。"
    a = art(write(tmp_path / "long.text", "长" * 100 + "\n第二行\n"))
    assert a.title == "" and a.text.startswith("长" * 100)
    a = art(write(tmp_path / "d.txt", "Title line\nDate: 13 Nov 2021\nTencent sued ByteDance.\n"))
    assert a.date == "2021-11-13" and a.text == "Tencent sued ByteDance." and a.lang == "en"


def test_jsonl(tmp_path):
    lines = [json.dumps({"id": "a1", "title": "T", "date": "2021-11-13", "source": "S",
                         "text": "腾讯起诉字节跳动。"}, ensure_ascii=False),
             "",
             '{"id": "abcdef" "text": "t"}',
             json.dumps({"id": 7, "title": "", "date": None, "source": "", "text": "正文"}),
             json.dumps({"title": "no id", "text": "正文"}),
             json.dumps({"id": "a4", "text": ""}),
             "[1, 2]"]
    p = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    out = list(read_articles([p]))
    assert [type(x).__name__ for x in out] == ["Article", "Skipped", "Article", "Skipped",
                                               "Skipped", "Skipped"]
    a1, bad, a7, noid, empty, arr = out
    assert (a1.id, a1.title, a1.date, a1.source, a1.path) == ("a1", "T", "2021-11-13", "S", str(p))
    assert a7.id == "7" and a7.date is None
    assert bad.line == 3 and bad.reason == "invalid JSON: Expecting ',' delimiter at column 17"
    assert noid.line == 5 and "id" in noid.reason
    assert empty.line == 6 and empty.reason == "no article text"
    assert arr.line == 7 and "JSON object" in arr.reason
    with pytest.raises(InputError) as e:
        list(read_articles([p], strict=True))
    assert e.value.line == 3


def test_jsonl_is_streamed(tmp_path):
    p = tmp_path / "big.ndjson"
    with p.open("w", encoding="utf-8") as f:
        for i in range(2000):
            f.write(json.dumps({"id": f"n{i}", "text": "正文"}) + "\n")
    it = read_articles([p])
    first = next(it)
    assert first.id == "n0"
    assert sum(1 for _ in it) == 1999


# ------------------------------------------------------------------------------- encodings

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "gb18030", "gbk", "gb2312"])
def test_simplified_encodings(tmp_path, encoding):
    a = art(write(tmp_path / "s.txt", "标题\n" + SIMP + "\n", encoding))
    assert a.title == "标题" and a.text == SIMP


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "big5", "cp950", "big5hkscs", "gb18030"])
def test_traditional_encodings(tmp_path, encoding):
    a = art(write(tmp_path / "t.md", f"---\ntitle: 專利訴訟\n---\n{TRAD}\n", encoding))
    assert a.title == "專利訴訟" and a.text == TRAD


def test_short_big5_and_gbk_are_told_apart(tmp_path):
    assert art(write(tmp_path / "b.txt", "台積電與聯發科的專利訴訟", "big5")).text == "台積電與聯發科的專利訴訟"
    assert art(write(tmp_path / "g.txt", "腾讯诉字节跳动", "gbk")).text == "腾讯诉字节跳动"


def test_html_meta_charset(tmp_path):
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">' \
           f'<title>标题</title></head><body><p>{SIMP}</p></body></html>'
    assert art(write(tmp_path / "g.html", page, "gb18030")).text == SIMP
    page = f'<?xml version="1.0" encoding="big5"?><html><body><p>{TRAD}</p></body></html>'
    assert art(write(tmp_path / "b.html", page, "big5")).text == TRAD


def test_mislabelled_charset_hint_does_not_win(tmp_path):
    page = f'<meta charset="gbk"><p>{TRAD}</p>'
    assert art(write(tmp_path / "b.html", page, "big5")).text == TRAD


def test_latin1_does_not_crash(tmp_path):
    a = art(write(tmp_path / "l.txt", "Title\nCafé naïve résumé, déjà vu.\n", "latin-1"))
    assert a.text == "Café naïve résumé, déjà vu."
    # accented letters followed by a letter form valid GBK pairs ("Ren閑"): still read as Latin
    a = art(write(tmp_path / "r.txt", "Title\nRenée Zellweger élan\n", "cp1252"))
    assert a.text == "Renée Zellweger élan"


@pytest.mark.parametrize("text,encoding", [("TikTok抖音与WeChat微信的A股B站之争", "gb18030"),
                                           ("Apple诉Samsung", "gbk"),
                                           ("TikTok與WeChat的A股之爭", "big5")])
def test_mixed_latin_and_cjk(tmp_path, text, encoding):
    assert art(write(tmp_path / "m.txt", "T\n" + text, encoding)).text == text


def test_jsonl_gb18030_and_utf16(tmp_path):
    line = json.dumps({"id": "g", "text": SIMP}, ensure_ascii=False) + "\n"
    out = list(read_articles([write(tmp_path / "g.jsonl", line * 2, "gb18030")]))
    assert [a.text for a in out] == [SIMP, SIMP]
    out = list(read_articles([write(tmp_path / "u.jsonl", line * 2, "utf-16")]))
    assert [a.text for a in out] == [SIMP, SIMP]
    out = list(read_articles([write(tmp_path / "b.jsonl", line, "utf-8-sig")]))
    assert [a.text for a in out] == [SIMP]


# ------------------------------------------------------------------------------- normalisation

def test_text_normalisation(tmp_path):
    raw = "标题\r\n字节\u200b跳动\ufeff起诉\u200d腾讯，（全角）“引号”！\r\ne\u0301\r\n"
    a = art(write(tmp_path / "n.txt", raw))
    assert a.text == "字节跳动起诉腾讯，（全角）“引号”！\n\u00e9"


def test_sha256_is_deterministic_and_content_based(tmp_path):
    p = write(tmp_path / "x.md", "---\ntitle: T\ndate: 2021-01-01\nsource: S\n---\n正文。\n")
    a, b = art(p), art(p)
    assert a.sha256 == b.sha256 and len(a.sha256) == 64
    expected = hashlib.sha256("\x1f".join(["x", "T", "2021-01-01", "S", "正文。"])
                              .encode("utf-8")).hexdigest()
    assert a.sha256 == expected
    write(p, "---\ntitle: T\ndate: 2021-01-01\nsource: S\n---\n正文！\n")
    assert art(p).sha256 != a.sha256


def test_lang():
    from kg.ingest import detect_lang
    assert detect_lang("Tencent sued ByteDance over 抖音.") == "en"
    assert detect_lang("腾讯起诉字节跳动旗下的TikTok和Douyin。") == "zh"
    # a Chinese sentence with long Latin model names: its words, not its letters, are counted
    assert detect_lang("星河电子推出了NovaPad Ultra Max和NovaPad Lite平板电脑") == "zh"
    assert detect_lang("Apple unveiled the 华为-style foldable phone at its Cupertino event.") == "en"


# ------------------------------------------------------------------------------- dates

@pytest.mark.parametrize("value,expected", [
    ("2021-11-13", "2021-11-13"),
    ("2021-11-13T10:30:00+08:00", "2021-11-13"),
    ("2021-11-13T23:30:00-05:00", "2021-11-13"),
    ("Sat, 13 Nov 2021 10:30:00 GMT", "2021-11-13"),
    ("2021年11月13日", "2021-11-13"),
    ("２０２１年１１月１３日", "2021-11-13"),
    ("2021/11/13", "2021-11-13"),
    ("2021.11.13", "2021-11-13"),
    ("2021-1-5", "2021-01-05"),
    ("13 November 2021", "2021-11-13"),
    ("Nov. 13, 2021", "2021-11-13"),
    ("2021-02-30", None),
    ("yesterday", None),
    ("", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_parse_date_objects():
    import datetime as dt
    assert parse_date(dt.date(2021, 11, 13)) == "2021-11-13"
    assert parse_date(dt.datetime(2021, 11, 13, 23, 59)) == "2021-11-13"


@pytest.mark.parametrize("value", ["2021-11-13", "2021-11-13 10:30:00", "'2021-11-13'",
                                   "2021年11月13日", "Sat, 13 Nov 2021 10:30:00 GMT",
                                   "2021/11/13", "2021.11.13"])
def test_front_matter_date_forms(tmp_path, value):
    assert art(write(tmp_path / "d.md", f"---\ndate: {value}\n---\n正文\n")).date == "2021-11-13"


def test_impossible_date_keeps_article(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        a = art(write(tmp_path / "d.md", "---\ntitle: t\ndate: 2021-02-30\n---\n正文\n"))
    assert a.date is None and a.text == "正文"
    assert "2021-02-30" in caplog.text


# ------------------------------------------------------------------------------- bad inputs

def test_binary_and_empty_files_are_skipped(tmp_path):
    png = write(tmp_path / "img.md", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    nul = write(tmp_path / "nul.txt", b"abc\x00\x01\x02def" * 100)
    zipf = write(tmp_path / "z.html", b"PK\x03\x04" + os.urandom(200))
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.jsonl", b"\n\n  \n")
    for p in (png, nul, zipf):
        s = only(read_articles([p]))
        assert isinstance(s, Skipped) and s.reason == "not text (binary data)" and s.path == str(p)
    for p in (empty, blank):
        s = only(read_articles([p]))
        assert isinstance(s, Skipped) and s.reason == "empty file"
    with pytest.raises(InputError, match="binary"):
        list(read_articles([png], strict=True))
    with pytest.raises(InputError, match="binary"):
        read_article(png)


def test_missing_path_always_raises(tmp_path):
    with pytest.raises(InputError) as e:
        list(read_articles([tmp_path / "nope.md"]))
    assert e.value.reason == "no such file or directory"
    ok = write(tmp_path / "ok.md", "正文\n")
    with pytest.raises(InputError):                  # at call time, before any work
        read_articles([ok, tmp_path / "nope.md"])
    with pytest.raises(InputError):
        read_article(tmp_path / "nope.md")


def test_empty_directory_yields_nothing(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "x.gold.json", "{}")
    write(tmp_path / "pic.png", b"\x89PNG")
    assert list(read_articles([tmp_path])) == []


def test_directories_recursive_sorted_hidden_skipped(tmp_path):
    for rel in ["b.md", "a/z.txt", "a/c.html", "c/d/e.jsonl", ".hidden/h.md", ".h.md",
                "notes.gold.json", "img.jpg"]:
        content = (json.dumps({"id": "j1", "text": "t"}) + "\n" if rel.endswith(".jsonl")
                   else "<p>t</p>" if rel.endswith(".html") else "t\n正文\n")
        write(tmp_path / rel, content)
    got = [a.path for a in read_articles([tmp_path])]
    base = str(tmp_path)
    assert got == [os.path.join(base, r) for r in ["a/c.html", "a/z.txt", "b.md", "c/d/e.jsonl"]]
    assert got == [a.path for a in read_articles([str(tmp_path)])]   # deterministic
    assert [a.path for a in read_articles(str(tmp_path / "b.md"))] == [str(tmp_path / "b.md")]


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_symlink_loops_do_not_crash(tmp_path):
    write(tmp_path / "ok.md", "正文\n")
    (tmp_path / "loop").symlink_to(tmp_path)                     # directory loop
    os.symlink(tmp_path / "l2.md", tmp_path / "l1.md")            # file loop
    os.symlink(tmp_path / "l1.md", tmp_path / "l2.md")
    os.symlink(tmp_path / "gone.md", tmp_path / "dangling.md")
    out = list(read_articles([tmp_path]))
    assert [a.id for a in out if isinstance(a, Article)] == ["ok"]
    reasons = {Path(s.path).name: s.reason for s in out if isinstance(s, Skipped)}
    assert reasons["l1.md"] == reasons["l2.md"] == "symlink loop"
    assert reasons["dangling.md"] == "broken symbolic link"
    assert "loop" in reasons
    s = only(read_articles([tmp_path / "l1.md"]))
    assert isinstance(s, Skipped) and s.reason == "symlink loop"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path):
    p = write(tmp_path / "secret.md", "正文\n")
    p.chmod(0)
    try:
        s = only(read_articles([p]))
        assert isinstance(s, Skipped) and s.reason == "permission denied"
        with pytest.raises(InputError, match="permission denied"):
            list(read_articles([p], strict=True))
    finally:
        p.chmod(0o644)


def test_os_errors_become_skipped(tmp_path, monkeypatch):
    import kg.ingest as ingest
    p = write(tmp_path / "a.md", "正文\n")
    j = write(tmp_path / "b.jsonl", '{"id": 1, "text": "t"}\n')

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(ingest, "open", denied, raising=False)
    out = list(read_articles([p, j]))
    assert [(type(x).__name__, x.reason) for x in out] == [("Skipped", "permission denied")] * 2
    with pytest.raises(InputError, match="permission denied"):
        list(read_articles([tmp_path], strict=True))


def test_explicit_unknown_extension_is_reported(tmp_path):
    s = only(read_articles([write(tmp_path / "x.gold.json", "{}")]))
    assert isinstance(s, Skipped) and "unsupported file type" in s.reason


def test_read_article_refuses_jsonl(tmp_path):
    with pytest.raises(InputError, match="JSON Lines"):
        read_article(write(tmp_path / "x.jsonl", '{"id": 1, "text": "t"}\n'))


# ------------------------------------------------------------------------------- huge inputs

def test_huge_inputs_are_read_whole_when_the_limit_allows(tmp_path, monkeypatch):
    import kg.ingest.common
    monkeypatch.setattr(kg.ingest.common, "MAX_ARTICLE_CHARS", 10_000_000)
    para = "<p>腾讯起诉字节跳动，<b>索赔</b>9000万元。</p>\n"
    big = write(tmp_path / "big.html", "<html><body>" + para * 200_000 + "</body></html>")
    assert big.stat().st_size > 5_000_000
    a = art(big)
    assert a.text.count("\n") == 199_999
    one_line = write(tmp_path / "line.txt", "标题\n" + "字节跳动起诉腾讯*垄断_[" * 250_000)
    assert len(art(one_line).text) == 3_250_000
    md = write(tmp_path / "line.md", "**a " * 1_000_000)
    assert art(md).text
    jl = write(tmp_path / "l.jsonl", json.dumps({"id": "x", "text": "字" * 2_000_000},
                                                ensure_ascii=False) + "\n")
    assert len(art(jl).text) == 2_000_000


def test_articles_over_the_size_limit_are_skipped_with_the_reason(tmp_path, monkeypatch):
    import kg.ingest.common
    monkeypatch.setattr(kg.ingest.common, "MAX_ARTICLE_CHARS", 1000)
    big = write(tmp_path / "big.txt", "标题\n" + "腾讯起诉字节跳动。" * 200)
    (item,) = list(read_articles([big]))
    assert isinstance(item, Skipped) and "too long" in item.reason and "1,000" in item.reason
    huge = write(tmp_path / "huge.txt", "x" * 9000)
    (item,) = list(read_articles([huge]))
    assert isinstance(item, Skipped) and "too large" in item.reason


def test_directory_walk_skips_readme_and_license_but_reads_them_when_named(tmp_path):
    (tmp_path / "README.md").write_text("# About this folder\n\nNotes.", encoding="utf-8")
    (tmp_path / "LICENSE.txt").write_text("MIT", encoding="utf-8")
    (tmp_path / "a.txt").write_text("标题\n腾讯起诉字节跳动。", encoding="utf-8")
    ids = [a.id for a in read_articles([tmp_path]) if isinstance(a, Article)]
    assert ids == ["a"]
    assert [a.id for a in read_articles([tmp_path / "README.md"])] == ["README"]


def test_long_text_title_above_a_date_line_is_still_the_title(tmp_path):
    title = "Microsoft closes its $68.7 billion purchase of Activision Blizzard after regulators relent"
    p = tmp_path / "a.txt"
    p.write_text(f"{title}\nDate: 2023-10-14\n\nMicrosoft said on Friday it had completed the deal.",
                 encoding="utf-8")
    a = read_article(p)
    assert a.title == title and a.date == "2023-10-14"
    assert a.text.startswith("Microsoft said")


def test_markdown_without_front_matter_dated_by_its_byline_line(tmp_path):
    # a Markdown page with no front matter: the byline under the heading gives the date, and is not text
    p = tmp_path / "byline.md"
    p.write_text("# 甲公司诉乙公司案终审改判\n\n*某产业周刊 · 2024年6月15日 · 责任编辑：某某*\n\n"
                 "最高人民法院已于今年4月25日作出二审判决，乙公司赔偿甲公司1亿元。\n", encoding="utf-8")
    [a] = list(read_articles([p]))
    assert (a.title, a.date) == ("甲公司诉乙公司案终审改判", "2024-06-15")
    assert "责任编辑" not in a.text and "二审判决" in a.text
