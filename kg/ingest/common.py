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
from kg.ingest.pagehead import is_site_notice
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


# a Latin word (not a letter): a model name of long Latin words (ISOCELL Bright GW1, macOS Catalina)
# in a Chinese sentence must not make it English
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def detect_lang(text: str) -> str:
    """"en" when Latin words outnumber CJK characters, else "zh" (三星推出了ISOCELL Bright GW1和GM2图像传感器:
    zh, though its Latin letters outnumber its Chinese characters)."""
    sample = text[:200000]
    latin = len(_LATIN_RE.findall(sample))
    cjk = len(_CJK_RE.findall(sample))
    return "en" if latin > cjk else "zh"


# --------------------------------------------------------------------------------------------
# text normalisation

_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00]")
_SPACE_LIKE_RE = re.compile("[\u00a0\u2002\u2003\u2009\u202f]")


# a character's reading printed after it by a converting site: 經(jīng)緯, 長(zhǎng) — one syllable of pinyin with
# its tone mark in brackets right after a Chinese character, which splits every word it stands in
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_READING_RE = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zü]{0,5}[" + _TONED + r"][a-zü]{0,5}[)）]")
# the stray comma the same sites put before a mark of their own: 時期,,全國 / 179件,、罰沒 / 2147件,。
_STRAY_COMMA_RE = re.compile(r"(?<=[\u3400-\u9fff\d）)”」]),(?=[,，、。；;])")


def normalize_text(s: str) -> str:
    """NFC, CRLF/CR -> LF, zero-width characters (and stray NULs) removed, no-break spaces ->
    spaces, a character's printed pinyin reading 經(jīng) and the stray comma before another mark removed.
    Full-width punctuation is kept as is."""
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = _ZERO_WIDTH_RE.sub("", s)
    if "\u2028" in s or "\u2029" in s:
        s = s.replace("\u2028", "\n").replace("\u2029", "\n")
    s = _SPACE_LIKE_RE.sub(" ", s)
    s = unicodedata.normalize("NFC", s)
    if ",," in s or ",、" in s or ",。" in s or ",，" in s:
        s = _STRAY_COMMA_RE.sub("", s)
    if ("(" in s or "（" in s) and _READING_RE.search(s):
        s = _READING_RE.sub("", s)
    return s


_BLANK_RUN_RE = re.compile(r"\n{3,}")


def _tidy_lines(s: str) -> str:
    """Trim each line, collapse runs of blank lines to one."""
    s = "\n".join(line.strip() for line in s.split("\n"))
    return _BLANK_RUN_RE.sub("\n\n", s).strip("\n")


# --------------------------------------------------------------------------------------------
# page furniture: bylines, photo credits, share/follow lines, related-article lists

_SEP = r"\s*[:：|｜/／]\s*"
_BYLINE_RE = re.compile(
    r"^[\u4e00-\u9fff]{1,9}[报報网網社台刊闻聞经經视視讯訊道](?:记者|記者)\s*[\u4e00-\u9fff·]{2,4}(?:\s*[、 ]\s*[\u4e00-\u9fff·]{2,4}){0,3}$"   # 证券时报记者 于德江
    r"|^(?:(?:本报|本刊|特约|实习)?(?:记者|記者|通讯员|通訊員)|文|撰文|作者|编辑|編輯|责任编辑|責任編輯|责编|責編|"
    r"校对|校對|审核|審核|出品|策划|策劃|监制|監製|撰稿|整理|编译|編譯)(?:" + _SEP + r"|\s+)\S.{0,40}$"
    r"|^[^。，！？,.!?\s]{0,12}\s*[／/∕|｜]?\s*(?:本報|本报)?(?:記者|记者|特派員|特派员)[^。，！？\n]{1,24}?"
    r"(?:報導|报道|綜合報導|综合报道)(?:\s*[／/∕|｜]\s*[^。，！？\s]{2,8})?$"
    r"|^(?:Article\s+|Story\s+|Written\s+)?By\s*:?\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*"
    r"(?:\s*[,|]\s*.{0,40})?$")
_CREDIT_RE = re.compile(
    r"^[（(\[]?(?:图|圖|图片|圖片|图源|圖源|图片来源|圖片來源|题图|題圖|头图|頭圖|配图|配圖|摄影|攝影|视频|視頻)"
    r"(?:" + _SEP + r"|\s+|为|為)\S.{0,50}$"
    r"|^[（(\[]?(?:(?:Cover|Top|Main|Featured|Lead)\s+)?(?:Photo|Photograph|Image|Picture|Illustration|Credit|Photo credit|Source)s?\s*(?:by)?\s*[:：|]\s*\S.{0,80}$"
    # a stock or agency photo's credit line: "Wongsakorn Napaeng / Shutterstock.com", "Jane Roe/Getty Images"
    r"|^(?:[^\s/|]+(?:\s+[^\s/|]+){0,5}\s*[/|]\s*)+(?:Shutterstock|Getty\s+Images|iStock(?:photo)?|Alamy|Depositphotos|"
    r"Unsplash|AP\s+Photo|AFP(?:\s+via\s+Getty\s+Images)?|Reuters|Bloomberg|EPA(?:-EFE)?|Xinhua|Yonhap)(?:\.com)?(?:\s*/\s*\S.{0,30})?$",
    re.I)
_SHARE_RE = re.compile(
    r"^(?:字号|字號|分享$|分享到|分享至|分享：|分享:|转发到|關注我們|关注我们|扫码关注|掃碼關注|扫描二维码|掃描二維碼|长按识别|長按識別|"
    r"点击关注|點擊關注|点击上方|點擊上方|欢迎关注|歡迎關注|更多精彩|版权声明|版權聲明|未经授权|未經授權|本文来源|本文來源|"
    r"Share this|Share on|Share:|Follow us|Advertisement$|Follow @|Subscribe to|Sign up for|Click here|加入LINE|.{0,20}LINE@|分享給朋友|分享给朋友|追蹤我們|追踪我们|關鍵字[:：]|关键字[:：]|關鍵詞[:：]|关键词[:：]|字級$|字级$|\d[\d,.]*\s*(?:觀看次|观看次|次觀看|次观看|次瀏覽|次浏览|人氣|人气)$)", re.I)
_RELATED_RE = re.compile(
    r"^[【\[]?(?:相关阅读|相關閱讀|相关文章|相關文章|相关新闻|相關新聞|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|更多阅读|更多閱讀|"
    r"热门推荐|熱門推薦|往期回顾|往期回顧|相关话题|相關話題|熱賣商品推薦|热卖商品推荐|更多好康商品|新聞來源|新闻来源|"
    r"更多[\u4e00-\u9fffA-Za-z]{0,8}(?:報導|报道|新聞|新闻)(?=\s*[:：]?\s*$)|"       # 更多三立新聞網報導: a site's list of its other stories
    r"Related(?: articles| stories| coverage)?|Read more|More from|Recommended|See also|"
    # the lists a news site closes a story with, a heading alone on its line: "Featured News", "Latest Headlines"
    r"(?:Featured (?:News|Stories|Articles)|Latest (?:Headlines|News|Stories)|Trending(?: Stories| Now| News)?|"
    r"Most (?:Read|Popular|Viewed)|Popular (?:Stories|News|Articles)|Top Stories|More (?:Stories|News|Headlines)|"
    r"You (?:may|might) also like|Read Next|Editor['’]s Picks)(?=\s*[:：]?\s*$))"
    r"[】\]]?\s*[:：]?\s*(.*)$", re.I)
# 中新网杭州4月1日电(郭其钰), 新华社北京3月5日电（记者 王五）, 新浪科技讯 : the wire's dateline before the
# first sentence (the outlet is no party, the reporter no person of the story)
_DATELINE_ZH_RE = re.compile(
    r"^[【\[]?(?:[\u4e00-\u9fffA-Za-z]{2,12}?(?:社|网|網|报|報|台|频道|頻道|新闻|新聞|财经|財經|科技|日报|日報|晚报|晚報)"
    r"[\u4e00-\u9fff]{0,8}?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:电|電|讯|訊)"
    r"[】\]]?\s*(?:[（(][^（()）\n]{1,30}[)）])?\s*(?:[-—–:：|]\s*)?"
    r"|[\u4e00-\u9fffA-Za-z]{2,12}?(?:讯|訊)[】\]]?(?:\s*[（(][^（()）\n]{1,30}[)）])?(?:\s+|\s*[:：]\s*)"
    r"|[A-Za-z][A-Za-z0-9]{1,15}(?=\d{1,2}月\d{1,2}日(?:上午|下午|晚间|晚間)?消息)"   # DoNews8月10日消息
    # 【新唐人北京时间2018年05月25日讯】: an outlet's bracketed dateline with the full date
    r"|[【\[][\u4e00-\u9fffA-Za-z]{2,12}?(?:北京时间|北京時間|台北时间|台北時間|香港时间|香港時間)?\s*\d{4}年\d{1,2}月\d{1,2}日\s*(?:讯|訊|电|電)[】\]]\s*)")
_DATELINE_EN_RE = re.compile(
    r"^[A-Z][A-Z .,'/-]{1,40}\s*\((?:Reuters|AP|AFP|Bloomberg|Xinhua|CNN|Dow Jones|UPI|Kyodo|Yonhap)\)\s*[-—–]+\s*"
    r"|^[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Z.'-]+){0,3}\s+(?:[—–]|--)\s+(?=[A-Z])")   # SAN DIEGO — A federal jury
_REPORTER_RE = re.compile(r"[（(]\s*(?:本报|本刊|特约|实习)?(?:记者|記者|通讯员|通訊員)[^（()）\n]{1,30}[)）]")
# (中央社記者邱柏勝台北10日電) 《經濟通通訊社18日專訊》: a wire's dateline in brackets that gives only the day
_DATELINE_DAY_RE = re.compile(
    r"^[（(《【]\s*[\u4e00-\u9fff]{2,10}?(?:社|網|网|報|报|台)(?:記者|记者)?[\u4e00-\u9fff、]{0,12}?"
    r"\d{1,2}日(?:電|电|專訊|专讯|訊|讯)\s*[)）》】]\s*")
# (圖取自Qualcomm臉書…) (图片来源：…) inside a paragraph; (編輯:鄭雪文) closing one
_INLINE_CREDIT_RE = re.compile(
    r"[（(]見?(?:圖|图)(?:片)?(?:取自|來源|来源|源|／|/|：|:)[^（()）\n]{1,80}[)）]"
    r"|[（(](?:資料圖|资料图|資料照片?|资料照片?|示意圖|示意图)[^（()）\n]{0,20}[)）]"
    r"|[（(](?:編輯|编辑|責任編輯|责任编辑|責編|责编|翻攝|翻摄|譯者|译者|編譯|编译)\s*[:：／/]?\s*[^（()）\n]{1,12}[)）]\s*\d?\s*$")
# a photo caption line: "…羅唯仁（左）。圖／聯合報系資料照片", "▲鴻海董事長…（圖／翻攝自…）"; an ad marker
_CAPTION_RE = re.compile(r"^[\[【](?:廣告|广告|Advertisement|AD)[\]】]")
# the credit closing a photo caption ("…（左）。圖／聯合報系資料照片") and the marker opening it ("▲…"): the
# caption itself is the newsroom's sentence and stays
_CAPTION_CREDIT_RE = re.compile(r"(?<=[。．.!！?？）)」])\s*(?:圖|图|攝影|摄影|Photo)\s*[／/:：]\s*[^。，\s]{2,24}$")
_CAPTION_MARK_RE = re.compile(r"^[▲▼△▽]\s*")
# a desk's byline: "財經中心/綜合報導", "国际新闻部／综合报道", and the bracketed opener "【本報綜合報導】"
_DESK_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}\s*[/／∕]\s*(?:綜合報導|综合报道|綜合外電|综合外电|外電報導|外电报道)$")
_DESK_OPENER_RE = re.compile(r"^[【\[](?:本報|本报|本刊)?(?:綜合|综合)?(?:報導|报道|外電|外电)[】\]]\s*")
# the label a page puts before the summary it prints above the article (导读：…, 核心提示：…): the page's word
_SUMMARY_LABEL_RE = re.compile(r"^(?:导读|導讀|摘要|核心提示|内容提要|內容提要)\s*[:：]\s*")
# a page's view counter standing alone on its line (瀏覽數 / 阅读数 / 点击次数)
_COUNTER_RE = re.compile(r"^(?:浏览数|瀏覽數|浏览量|瀏覽量|阅读数|閱讀數|阅读量|閱讀量|点击数|點擊數|点击次数|點擊次數|点击量|點擊量)\s*[:：]?\s*[\d,.+万萬]*$|^\d{1,4}\+$")


# a breadcrumb line: 您现在的位置：首页 > 新闻 > 科技, 法律咨讯 > 案例分析 > 正文 (three or more short steps)
_WHERE_RE = re.compile(r"^(?:您现在的位置|您現在的位置|当前位置|當前位置|现在位置|現在位置)\s*[:：]?")
_CRUMB_SEP_RE = re.compile(r"\s*(?:>|＞|»|›|&gt;)\s*")
# a line that is nothing but markup left in a text copy: <sup id="x"><tbody></tbody></sup>
_TAGS_ONLY_RE = re.compile(r"^(?:[•·]\s*)?(?:<[^<>\n]{1,120}>\s*)+$")
_CUT = ("...", "…")             # a headline cut short by the list it stands in ("驚心動魄的一周!A股市值...")
_SENTENCE_CLOSE = ("。", "！", "？", "!", "?", ".", "”", "」", "』", "\"", "；", ";", "）", ")")


def is_markup_line(line: str) -> bool:
    """A line of a text copy that is nothing but markup (<sup id="x"><tbody></tbody></sup>)."""
    s = line.strip()
    return bool(s) and "<" in s and _TAGS_ONLY_RE.match(s) is not None


def _is_crumb(s: str) -> bool:
    if _WHERE_RE.match(s):
        return True
    if len(s) > 80 or (">" not in s and "＞" not in s and "»" not in s and "›" not in s):
        return False
    steps = [x for x in _CRUMB_SEP_RE.split(s) if x]
    return len(steps) >= 3 and all(len(x) <= 16 and not x.endswith(_SENTENCE_CLOSE[:7]) for x in steps)


def _furniture_tail(lines: list[str]) -> int:
    """Where the page's furniture below the article starts (len(lines) when there is none): the run of
    short lines (a headline's length, no full stop in them) closing the page that no sentence ends — headlines of other stories, a hot list, links,
    an outlet's accounts — after the article's last sentence, set off from it by two blank lines or six
    or more lines long (a list closing the article is shorter)."""
    end = len(lines)
    k, short = end, 0
    while k > 0:
        s = lines[k - 1].strip()
        if s and (len(s) > 110 or s.endswith(_SENTENCE_CLOSE) and not s.endswith(_CUT) or "。" in s
                  or len(_CJK_RE.findall(s)) > 40):
            break
        short += bool(s)
        k -= 1
    if not short or k == 0 or not lines[k - 1].strip().endswith(_SENTENCE_CLOSE[:8]):
        return end
    if short >= 6 or (k + 1 < end and not lines[k].strip() and not lines[k + 1].strip()):
        return k
    return end


def strip_boilerplate(text: str) -> str:
    """The article without page furniture: byline lines (记者 张三, 文 | 李四, By Jane Doe), photo credits
    (图片来源：…, Photo: …), share/follow lines, related-article lists (相关阅读 and the short headlines
    under it), and reporter credits in brackets ((记者 张三)). Lines of article text are left as they are."""
    out: list[str] = []
    related = related_items = False
    for line in text.split("\n"):
        if line[:2] in ("导读", "導讀", "摘要", "核心", "内容", "內容"):
            line = _SUMMARY_LABEL_RE.sub("", line)
        if line[:1] not in (" ", ""):
            m = (_DATELINE_ZH_RE.match(line) or _DATELINE_EN_RE.match(line)
                 or _DATELINE_DAY_RE.match(line) or _DESK_OPENER_RE.match(line))
            if m and m.end() < len(line):
                line = line[m.end():]
        if "(" in line or "（" in line:
            line = _INLINE_CREDIT_RE.sub("", line)
        if line[:1] in "▲▼△▽":
            line = _CAPTION_MARK_RE.sub("", line)
        if "圖" in line or "图" in line or "攝" in line or "摄" in line or "Photo" in line:
            line = _CAPTION_CREDIT_RE.sub("", line)
        s = line.strip()
        if related:
            # the headlines listed under 相关阅读: short lines without a full stop, up to a blank line
            # (blank lines between the heading and its first headline are part of the list)
            if s and (len(s) <= 60 or len(s) <= 120 and not _CJK_RE.search(s)) and (
                    not s.endswith(("。", "！", "？", ".", "!", "?")) or s.endswith(_CUT)):
                related_items = True
                continue
            if not s and not related_items:
                continue
            related = False
        if s and len(s) <= 120:
            m = _RELATED_RE.match(s)
            if m:
                related, related_items = not m.group(1).strip(), False
                continue
            if (_BYLINE_RE.match(s) or _CREDIT_RE.match(s) or _SHARE_RE.match(s) or _DESK_RE.match(s)
                    or _COUNTER_RE.match(s)
                    or (len(s) <= 120 and _CAPTION_RE.search(s))):
                continue
        if is_site_notice(s):
            continue
        if s and (is_markup_line(s) or _is_crumb(s)):
            continue
        if "记者" in line or "記者" in line or "通讯员" in line:
            line = _REPORTER_RE.sub("", line)
        out.append(line)
    return "\n".join(out[:_furniture_tail(out)])
