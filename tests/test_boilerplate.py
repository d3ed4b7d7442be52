"""Page furniture is not article text: bylines, photo credits, share/follow lines, related-article lists,
and a plain-text first line "date time outlet" (the date, not the title)."""
from __future__ import annotations

from kg.ingest import read_articles
from kg.model import Article


def _read(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    arts = [a for a in read_articles([p]) if isinstance(a, Article)]
    assert len(arts) == 1
    return arts[0]


def test_dateline_first_line_is_the_date_and_outlet_not_the_title(tmp_path):
    a = _read(tmp_path, "a.txt", "2021-04-10 14:32 新浪科技\n\n京东起诉了天猫。\n")
    assert (a.title, a.date, a.source) == ("", "2021-04-10", "新浪科技")
    assert a.text == "京东起诉了天猫。"
    b = _read(tmp_path, "b.txt", "April 10, 2021 2:32 PM Reuters\n\nAcme sued Globex on Friday.\n")
    assert (b.date, b.source) == ("2021-04-10", "Reuters")
    # a title that starts with a date is still the title
    c = _read(tmp_path, "c.txt", "2019年3月20日 格力起诉小米\n\n格力起诉了小米。\n")
    assert c.title == "2019年3月20日 格力起诉小米"


def test_bylines_credits_share_lines_and_related_lists_are_dropped(tmp_path):
    text = ("---\ntitle: 京东诉天猫\ndate: 2021-04-10\n---\n\n"
            "记者 张三\n\n文 | 李四\n\n北京4月10日电（记者 王五）京东起诉了天猫。\n\n图片来源：视觉中国\n\n"
            "By the end of the year, both sides had appealed.\n\n"
            "分享到：微信 微博\n\n相关阅读：\n京东再诉天猫\n二选一十年回顾\n\n本案仍在审理中。\n")
    a = _read(tmp_path, "a.md", text)
    assert a.text.split("\n\n") == ["北京4月10日电京东起诉了天猫。",
                                    "By the end of the year, both sides had appealed.", "本案仍在审理中。"]


def test_wire_datelines_go_but_names_that_end_in_xun_stay(tmp_path):
    a = _read(tmp_path, "a.txt", "日期：2022-04-01\n\n中新网杭州4月1日电(郭其钰)记者从杭州中院获悉，腾讯胜诉。\n\n"
                                 "新浪科技讯 6月5日上午消息，海淀法院受理了此案。\n\n字号\n\n科大讯飞起诉了百度。\n")
    assert a.text.split("\n\n") == ["记者从杭州中院获悉，腾讯胜诉。", "6月5日上午消息，海淀法院受理了此案。",
                                    "科大讯飞起诉了百度。"]
    b = _read(tmp_path, "b.txt", "Date: 2021-07-25\n\nSHANGHAI (Reuters) - Regulators fined Tencent.\n")
    assert b.text == "Regulators fined Tencent."


def test_page_copied_as_text_date_line_below_menus_headline_and_byline(tmp_path):
    # the date line stands under menu entries, a breadcrumb, the headline and a byline: the headline is
    # the title, the date line gives the date, and what stood above it is not article text
    a = _read(tmp_path, "a.txt", "menu-icon\nsearch icon\n首頁 » 科技 » 手機\n\n甲公司控告乙公司侵權\n\n"
                                 "財經網編譯王小明 2020-05-06 08:15\n\n甲公司週一在台北起訴乙公司。\n")
    assert (a.title, a.date, a.text) == ("甲公司控告乙公司侵權", "2020-05-06", "甲公司週一在台北起訴乙公司。")
    b = _read(tmp_path, "b.txt", "Acme wins patent verdict\n\nJane Roe\nMay 7, 2020 9:10 AM ET\n\n"
                                 "SPRINGFIELD — A jury found on Wednesday that Globex infringed two patents.\n")
    assert (b.title, b.date) == ("Acme wins patent verdict", "2020-05-07")
    assert b.text == "A jury found on Wednesday that Globex infringed two patents."
    # day-first dates of Hong Kong pages, and a date at the end of the headline line
    c = _read(tmp_path, "c.txt", "甲公司撤訴\n| 某作者 | 17-03-2020 04:49 | |\n甲公司撤回起訴。\n")
    assert c.date == "2020-03-17"
    d = _read(tmp_path, "d.txt", "甲公司告贏乙公司 2015-08-25\n記者張三、李四∕台北報導/某某報\n最高法院昨天判決甲公司勝訴。\n")
    assert (d.title, d.date, d.text) == ("甲公司告贏乙公司", "2015-08-25", "最高法院昨天判決甲公司勝訴。")
    # a sentence that holds a date is article text, not a date line
    e = _read(tmp_path, "e.txt", "甲乙之爭\n\n2019年3月20日，甲公司在北京起訴乙公司，要求賠償100萬元。\n")
    assert e.date is None and e.text.startswith("2019年3月20日")


def test_wire_credits_photo_credits_and_site_notices_are_dropped(tmp_path):
    text = ("日期：2018-08-10\n\n聯合報／ 記者王小明／台北即時報導\n"
            "甲公司董事長（左）。圖／本報資料照片\n\n"
            "（中央社記者李四台北10日電）公平會今天宣布與甲公司和解。（圖取自甲公司臉書）\n\n"
            "《某某通訊社18日專訊》乙公司撤回訴訟。（編輯：王五）\n\n"
            "© 2018 某某新聞 版權所有\nBy using this site, you agree to the Terms of Use and Privacy Policy.\n")
    a = _read(tmp_path, "a.txt", text)
    # a caption stays as the newsroom's sentence, without its credit
    assert a.text.split("\n\n") == ["甲公司董事長（左）。", "公平會今天宣布與甲公司和解。", "乙公司撤回訴訟。"]
    # a sentence about copyright ownership stays
    b = _read(tmp_path, "b.txt", "日期：2018-08-10\n\n腾讯是这些歌曲的版权所有方。\n")
    assert b.text == "腾讯是这些歌曲的版权所有方。"


def test_agency_line_empty_source_field_and_glued_outlet(tmp_path):
    a = _read(tmp_path, "a.txt", "Reuters\n\nA US judge ordered a new trial on Sunday.\n")
    assert (a.title, a.source, a.text) == ("", "Reuters", "A US judge ordered a new trial on Sunday.")
    b = _read(tmp_path, "b.txt", "甲公司訴乙公司案再開庭\n\n來源: 時間:2023-08-10 15:51:51\n\n(資料圖)\n\n"
                                 "DoNews8月10日消息,甲公司訴乙公司一案將再次開庭。\n")
    assert (b.date, b.source) == ("2023-08-10", "")
    assert b.text == "8月10日消息,甲公司訴乙公司一案將再次開庭。"


def test_taiwan_page_captions_desk_bylines_and_lists(tmp_path):
    text = ("甲公司收購乙公司\n\n▲甲公司董事長與乙公司社長握手。（圖／翻攝自某報官網）\n\n財經中心/綜合報導\n\n"
            "【本報綜合報導】甲公司董事會昨天通過收購乙公司。董事長王大明（見圖/資料照片）表示很激動。\n\n"
            "[廣告]請繼續往下閱讀...\n\n1098觀看次\n\n分享給朋友:\n\n※本文版權所有,非經授權,不得轉載。\n\n"
            "推薦閱讀\n\n丙公司再傳併購消息\n")
    a = _read(tmp_path, "a.txt", text)
    assert a.text.split("\n\n") == ["甲公司董事長與乙公司社長握手。", "甲公司董事會昨天通過收購乙公司。董事長王大明表示很激動。"]
    # a blog's "date time author" line, then its headline
    b = _read(tmp_path, "b.txt", "2016-02-25 22:39:24 燕燕\n\n甲乙之戀4年始末\n\n甲公司與乙公司原本就有生意往來。\n")
    assert (b.date, b.title, b.text) == ("2016-02-25", "甲乙之戀4年始末", "甲公司與乙公司原本就有生意往來。")


def test_traditional_furniture_inside_an_html_article(tmp_path):
    ps = ["▲甲公司董事長與乙公司社長握手。(圖/翻攝自某報官網)", "財經中心/綜合報導", "甲公司昨天宣布收購乙公司全部股權。",
          "[廣告]請繼續往下閱讀...", "記者王小明／台北報導", "責任編輯：李四", "分享給朋友:",
          "※本文版權所有,非經授權,不得轉載。", "延伸閱讀", "丙公司再傳併購消息"]
    html = ("<html><head><meta charset='utf-8'><title>甲公司收購乙公司</title></head><body><nav><a>首頁</a></nav>"
            "<article><h1>甲公司收購乙公司</h1>" + "".join(f"<p>{p}</p>" for p in ps) + "</article></body></html>")
    a = _read(tmp_path, "a.html", html)
    assert a.text.split("\n")[-1] == "甲公司昨天宣布收購乙公司全部股權。"
    assert "記者" not in a.text and "延伸" not in a.text and "丙公司" not in a.text


def test_bracketed_full_dateline_translator_credit_and_a_button_word(tmp_path):
    a = _read(tmp_path, "a.txt", "close\n\n日期：2018-05-25\n\n【某某台北京时间2018年05月25日讯】甲公司控告乙公司的官司纠缠7年之久。\n\n"
                                 "法官表示将再审。(譯者:某社王五)1\n\n相关话题\n")
    assert a.title == "" and a.text.split("\n\n") == ["甲公司控告乙公司的官司纠缠7年之久。", "法官表示将再审。"]


def test_printed_pinyin_readings_and_stray_commas_are_not_text(tmp_path):
    # a converting site prints each character's reading after it and a comma before its own marks
    a = _read(tmp_path, "a.txt", "甲乙之爭\n\n甲(jiǎ)公司起訴乙公司,,索賠300萬(wàn)元,、另要求道歉,。\n\n法院審理後判決甲公司勝訴。\n")
    assert a.text.split("\n\n") == ["甲公司起訴乙公司,索賠300萬元、另要求道歉。", "法院審理後判決甲公司勝訴。"]
    # brackets that are no reading stay: an English name, a plain Latin syllable, a code
    b = _read(tmp_path, "b.txt", "丙丁簽約\n\n丙公司(Bing)與丁公司(de)簽約,股票代碼(600000)。\n")
    assert b.text == "丙公司(Bing)與丁公司(de)簽約,股票代碼(600000)。"


def test_headlines_hot_lists_and_markup_below_or_above_the_article_go(tmp_path):
    text = ("<sup id=\"x\"><tbody id=\"x\"></tbody></sup>\n您现在的位置:某某网>新闻中心>科技\n\n"
            "甲公司起诉乙公司。\n\n乙公司表示将应诉。\n友情链接:\n热点\n- 1 某地举办灯会 791\n- 2 某球队夺冠 780\n"
            "- 3 某明星官宣 770\n- 4 某城市降温 760\n")
    a = _read(tmp_path, "a.txt", text)
    assert a.title == "" and a.text.split("\n\n") == ["甲公司起诉乙公司。", "乙公司表示将应诉。"]
    # one headline of another story two blank lines below the last sentence
    b = _read(tmp_path, "b.txt", "Acme sued Globex on Friday.\n\nGlobex said it would fight.\n\n\n"
                                 "Regulator Orders Probe Into Initech and Hooli\n")
    assert b.text.split("\n\n")[-1] == "Globex said it would fight."
    # a short list closing the article stays (fewer than six lines, one blank line above it)
    c = _read(tmp_path, "c.txt", "甲乙之争\n\n法院判决如下:\n\n甲公司停止侵权\n甲公司赔偿乙公司50万元\n")
    assert c.text.split("\n\n") == ["法院判决如下:", "甲公司停止侵权\n甲公司赔偿乙公司50万元"]
    # an outlet's reporter above the article is a byline, not its title
    d = _read(tmp_path, "d.txt", "某某时报记者 王小明\n丙公司在加速减持丁公司,最新的持股比例已经不足5%,距离彻底退出仅一步之遥,丙丁之争即将谢幕。\n")
    assert d.title == "" and d.text.startswith("丙公司在加速减持")


def test_page_furniture_above_the_headline_is_no_title(tmp_path):
    # a breadcrumb, then the headline, then a counter and a share word
    a = _read(tmp_path, "a.txt", "某某首页 > 某某科技 > 正文\n\n甲公司被判侵权 赔偿乙公司300万元\n\n0\n分享至\n\n"
                                 "法院认定甲公司侵权成立,判决其赔偿乙公司300万元。\n")
    assert a.title == "甲公司被判侵权 赔偿乙公司300万元"
    assert a.text.endswith("\n法院认定甲公司侵权成立,判决其赔偿乙公司300万元。") and "正文" not in a.text
    # the search words a site stuffs into its top line, a log-in link, a button word
    b = _read(tmp_path, "b.txt", "免费看片-高清影院-在线观看免费-精品推荐-手机在线播放\n\n登录某某云账号\n\n"
                                 "丙公司垄断案被罚5亿元\n\n2021年4月,监管部门对丙公司立案调查。\n")
    assert b.title == "丙公司垄断案被罚5亿元" and b.text.startswith("2021年4月")
    c = _read(tmp_path, "c.txt", "logo\n\n《产业》丁公司股东会之争,法院驳回假处分\n\n浏览数\n\n99+\n\n"
                                 "法院昨日驳回戊公司的假处分声请。\n")
    assert c.title == "《产业》丁公司股东会之争,法院驳回假处分" and c.text == "法院昨日驳回戊公司的假处分声请。"
    # a site's name above a headline the page prints twice: the headline, printed once
    d = _read(tmp_path, "d.txt", "某某新闻\n>\n甲公司拟增持乙公司 交易所发函问询\n\n甲公司拟增持乙公司 交易所发函问询\n\n"
                                 "公众号新闻\n\n甲公司称将增持乙公司5%股份。\n")
    assert d.title == "甲公司拟增持乙公司 交易所发函问询" and d.text.startswith("公众号新闻")
    # a first line that is the article's first sentence is no headline
    e = _read(tmp_path, "e.txt", "3月8日,监管部门对甲公司作出处罚,共计罚款3亿元。\n同时,监管部门要求甲公司整改。\n")
    assert e.title == "" and e.text.startswith("3月8日")
    # a summary's label and a site's dateline before it are the page's words
    f = _read(tmp_path, "f.txt", "甲乙专利案终审\n导读: 某某消费网5月14日讯 甲公司诉乙公司侵犯专利权一案有了终审判决。\n")
    assert f.text == "甲公司诉乙公司侵犯专利权一案有了终审判决。"
    # the site's list of its other stories under 更多…報導 closing the page
    g = _read(tmp_path, "g.txt", "甲乙合併案遭禁止\n\n公平會決議禁止兩者結合。\n\n更多某某新聞網報導\n睡眠不足恐傷身 醫師提醒三件事\n"
                                 "某App再當機?官方出招解決\n")
    assert g.text == "公平會決議禁止兩者結合。"

def test_english_site_furniture_photo_credits_and_closing_lists(tmp_path):
    # a stock photo's credit above the page is neither the title nor text; an English date line with
    # the section and byline run onto it is the page's date; the headline under it is the title
    a = _read(tmp_path, "a.txt", "Jane Roe / Shutterstock.com\n7 March 2024NewsTradeJohn Doe\n\n"
                                 "Acme appeals the import ban\n\nAcme has asked the appeals court to lift the ban.\n")
    assert (a.title, a.date) == ("Acme appeals the import ban", "2024-03-07")
    assert a.text == "Acme has asked the appeals court to lift the ban."
    # a bare "Advertisement" above the headline and between paragraphs; a site's closing list of stories
    more = "".join(f"Paragraph {k} of the story.\n\n" for k in range(6))
    b = _read(tmp_path, "b.txt", "Advertisement\n\nGlobex offices searched\n\nRegulators searched Globex's offices.\n\n"
                                 "Advertisement\n\n" + more + "Globex declined to comment.\n\nFeatured News\n"
                                 "Supreme Court Declines to Hear Initech Antitrust Case Against Hooli Over Chips\nMar 2, 2024 by\nStaff\nLatest Headlines\n")
    assert b.title == "Globex offices searched"
    assert b.text == "Regulators searched Globex's offices.\n\n" + more + "Globex declined to comment."
    # a caption credit line alone goes; a sentence that names a photographer stays
    c = _read(tmp_path, "c.txt", "Title: Acme fined\n\nPhoto : Yonhap News\n\nAcme was fined.\n\n"
                                 "Getty Images photographer Jane Roe took the picture.\n")
    assert c.text == "Acme was fined.\n\nGetty Images photographer Jane Roe took the picture."
    # a heading word opening a sentence of the article is no list heading
    d = _read(tmp_path, "d.txt", "Title: Acme fined\n\nAcme was fined.\n\nTrending stocks fell after the ruling.\n\n"
                                 "Most Read\nInitech Sues Hooli\n")
    assert d.text == "Acme was fined.\n\nTrending stocks fell after the ruling."
