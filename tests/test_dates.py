from kg.extract.dates import DateTracker, find_dates, parse_article_date
from kg.nlp import split_sentences

REF = "2021-11-13"   # a Saturday


def vals(text, ref=REF, gov=None):
    return [d.value for d in find_dates(text, ref, gov)]


def test_absolute_forms():
    assert vals("2018年3月8日，某公司上线") == ["2018-03-08"]
    assert vals("2018年3月") == ["2018-03"]
    assert vals("2018年，两家公司开战") == ["2018"]
    assert vals("公告日期为2018.3.8") == ["2018-03-08"]
    assert vals("11 月 12 日，对方回应") == ["2021-11-12"]


def test_relative_forms():
    assert vals("昨天更新") == ["2021-11-12"]
    assert vals("昨日晚间") == ["2021-11-12"]
    assert vals("今年2月") == ["2021-02"]
    assert vals("去年") == ["2020"]
    assert vals("本月12日") == ["2021-11-12"]
    assert vals("上周二") == ["2021-11-02"]


def test_month_day_takes_year_from_article_or_governing_date():
    assert vals("3月25日") == ["2021-03-25"]
    assert vals("12月1日") == ["2020-12-01"]          # after the article's month: last year
    assert vals("3月25日", gov="2018-03-08") == ["2018-03-25"]
    assert vals("当年", gov="2018-05") == ["2018"]
    assert vals("当年") == [None]                      # nothing to refer to: no date


def test_english_forms():
    assert [d.value for d in find_dates("On March 8, 2018 the firm sued", REF, lang="en")] == ["2018-03-08"]
    assert [d.value for d in find_dates("It happened last Tuesday.", REF, lang="en")] == ["2021-11-09"]
    assert [d.value for d in find_dates("yesterday", REF, lang="en")] == ["2021-11-12"]


def test_article_date_formats():
    assert parse_article_date("Sat, 13 Nov 2021 10:30:00 GMT") == "2021-11-13"
    assert parse_article_date("2021/11/13") == "2021-11-13"
    assert parse_article_date("2021年11月13日") == "2021-11-13"
    assert parse_article_date(None) is None


def test_governing_date_carries_over_clauses_and_stops_at_heading():
    text = "2018年3月8日，甲上线；3月25日，乙下架；4月11日开始，丙被屏蔽。\n随后丁被封杀。\n新的一章\n戊被封杀。"
    sents = split_sentences(text)
    tr = DateTracker(text, REF, sents)
    dates = [tr.date_for(i, se - 1) for i, (ss, se, _) in enumerate(sents)]
    # 随后 (later): after the time in force, not at it — no date rather than a wrong one
    assert dates[:4] == ["2018-03-08", "2018-03-25", "2018-04-11", None]
    assert dates[-1] is None


def test_ranges_give_no_single_date():
    text = "梳理了2018-2021年的封禁记录。"
    sents = split_sentences(text)
    tr = DateTracker(text, REF, sents)
    assert tr.date_for(0, len(text) - 1) is None


def test_a_date_in_a_later_clause_is_a_later_step():
    text = "不止是在美国，甲在中国也发起了对乙的诉讼，并在5月份获得了丙的支持。"
    sents = split_sentences(text)
    tr = DateTracker(text, REF, sents)
    assert tr.date_for(0, text.index("发起")) is None
    assert tr.date_for(0, text.index("获得")) == "2021-05"


def test_a_date_word_inside_a_name_is_no_date():
    text = "时间拨回2018年初。1月29日，今日头条发布声明称将起诉百度。"
    sents = split_sentences(text)
    k = text.index("今日头条")
    tr = DateTracker(text, "2019-12-20", sents, [(k, k + 4)])
    assert tr.date_for(1, text.index("起诉") - sents[1][0] + sents[1][0]) == "2018-01-29"


def test_a_date_inside_a_modifier_is_no_anchor_for_dang_nian():
    from kg.extract.dates import find_dates
    ds = find_dates("该平台是公司2016年推出的产品。当年6月，法院受理此案。", "2019-12-20", anchor="2018-01-29")
    assert [(d.value, d.background) for d in ds] == [("2016", True), ("2018-06", False)]
    # the same year as the narrative's own date is an anchor
    ds = find_dates("2016年，公司推出该产品。当年6月，法院受理此案。", "2019-12-20", anchor="2018-01-29")
    assert [d.value for d in ds] == ["2016", "2016-06"]


def test_taiwan_roc_years():
    from kg.extract.dates import find_dates
    got = [(d.text, d.value) for d in find_dates("公平會自民國104年起調查，於106年10月11日處以罰鍰，成立30年來首見。",
                                                 "2018-08-10")]
    assert got == [("民國104年", "2015"), ("106年10月11日", "2017-10-11")]
    # a count of years is no date
    assert find_dates("這家公司已經營運106年。", "2018-08-10") == []


def _dates_at(text, ref, word):
    sents = split_sentences(text)
    tr = DateTracker(text, ref, sents)
    k = text.index(word)
    i = next(i for i, (ss, se, _) in enumerate(sents) if ss <= k < se)
    return tr.date_for(i, k)


def test_bare_weekday_is_the_latest_such_day_up_to_the_article():
    # zh.date.bare_weekday (REF is a Saturday)
    assert vals("乙公司周五宣布撤诉") == ["2021-11-12"]
    assert vals("星期六上午，法院开庭") == ["2021-11-13"]
    assert vals("法院于週一作出裁定") == ["2021-11-08"]
    # counter-examples: every week, next week, the end of a span
    assert vals("每周一召开例会") == []
    assert vals("双方约定下周二再谈") == []
    assert vals("门店周一至周五营业") == []


def test_bare_day_takes_the_month_of_its_paragraph_or_of_the_article():
    # zh.date.day_in_month: the paragraph before ended in June; a new paragraph's 21日 is this month's
    text = "丙公司的股票在2021年6月10日最后一次交易。\n\n丁公司21日晚间回应称将起诉丙公司。"
    assert _dates_at(text, "2021-07-22", "起诉") == "2021-07-21"
    # within one paragraph the thread's month holds
    text = "2021年6月10日，丁公司起诉丙公司；12日，丙公司提出反诉。"
    assert _dates_at(text, "2021-07-22", "反诉") == "2021-06-12"


def test_a_year_that_names_a_period_is_no_date_and_no_thread():
    # zh.date.period_year: 2020年业绩 is a thing; 1月18日 keeps the article's year
    text = "甲公司公布了2020年业绩。乙公司此前于1月18日起诉甲公司。"
    assert _dates_at(text, "2021-03-20", "起诉") == "2021-01-18"
    assert [d.kind for d in find_dates("其2019年度报告显示", REF)] == ["period"]
    text = "甲公司在2019年度报告中披露，乙公司起诉了甲公司。"
    assert _dates_at(text, "2021-03-20", "起诉") is None
    # counter-example: a year that opens the story still dates it
    text = "2020年，乙公司起诉甲公司。"
    assert _dates_at(text, "2021-03-20", "起诉") == "2020"


def test_counted_back_from_the_article_and_traditional_units():
    # zh.date.ago: N days before the article's date; months and years ago are said loosely
    assert vals("5天前，乙公司发布声明", "2019-11-07") == ["2019-11-02"]
    assert vals("两个月前，甲公司起诉乙公司", "2019-11-07") == [None]
    assert vals("三年前，双方曾有合作", "2019-11-07") == [None]
    # counter-example: "more than two months ago" gives no month
    assert vals("兩個多月前，格芯提告", "2019-11-07") == []
    # Traditional units count forward from the date named last
    assert [d.value for d in find_dates("2018年10月12日起訴。兩個月後，雙方和解", "2019-11-07")] == ["2018-10-12", "2018-12"]
    assert [d.value for d in find_dates("2018年10月12日起訴。兩週後，法院裁定", "2019-11-07")] == ["2018-10-12", "2018-10-26"]


def test_a_date_that_modifies_a_noun_or_sits_in_a_title_is_no_anchor():
    # background (attributive verbs in ontology/lexicon/dates_zh.tsv): the month-day keeps the article's year
    text = "丙公司2007年申请的一项专利被宣告无效。7月5日，丁公司起诉丙公司。"
    assert _dates_at(text, "2019-08-01", "起诉") == "2019-07-05"
    text = "丙公司引用了《2016年专利白皮书》。7月5日，丁公司起诉丙公司。"
    assert _dates_at(text, "2019-08-01", "起诉") == "2019-07-05"
    # counter-example: a narrative year does carry over
    text = "2007年，丙公司申请了一项专利。7月5日，丁公司起诉丙公司。"
    assert _dates_at(text, "2019-08-01", "起诉") == "2007-07-05"


def test_an_unresolved_relative_date_is_not_the_date_in_force():
    # zh.date.unresolved_relative: the fact gets no date rather than the opener's
    text = "2019年11月5日，甲公司发布公告。三年前，甲公司起诉乙公司。"
    assert _dates_at(text, "2019-11-07", "起诉") is None
    text = "2019年11月5日，甲公司发布公告。甲公司起诉乙公司。"
    assert _dates_at(text, "2019-11-07", "起诉") == "2019-11-05"


def test_a_bare_day_before_qisu_is_a_day_and_before_qi_a_start():
    assert vals("字节跳动12日起诉了腾讯公司") == ["2021-11-12"]
    assert vals("台積電12日起訴前副總") == ["2021-11-12"]
    assert vals("新规自12日起施行") == []


def test_a_background_date_years_back_is_no_anchor():
    # zh.date.flashback: a thing's filing, what someone says, a modifier: the story stays in its time
    text = "6月3日，甲公司起诉乙公司。据了解，涉案专利于2012年5月提出申请，2014年2月获得授权。四天后，乙公司提起反诉。"
    assert _dates_at(text, "2019-07-01", "反诉") == "2019-06-07"
    text = "2018年5月，丙公司起诉丁公司，称后者在2015年抄袭了其设计。同年9月，法院受理此案。"
    assert _dates_at(text, "2019-07-01", "受理") == "2018-09"
    text = "2018年3月，丙公司质疑丁公司2014年的获奖项目。同月，丁公司起诉丙公司。"
    assert _dates_at(text, "2019-07-01", "起诉") == "2018-03"
    text = "9月2日，甲公司撤回了诉讼。公告中称，该案起因是乙公司2016年5月扣留了甲公司的设备。\n甲公司曾于6月18日起诉乙公司。"
    assert _dates_at(text, "2019-09-05", "起诉") == "2019-06-18"
    # the background date still dates its own clause
    text = "2018年5月，丙公司起诉丁公司，称后者在2015年抄袭了其设计。"
    assert _dates_at(text, "2019-07-01", "抄袭") == "2015"
    # counter-examples: a date that sets the scene moves the story there
    text = "2019年6月，甲公司发布公告。这场纠纷始于2012年8月。同年10月，甲公司起诉乙公司。"
    assert _dates_at(text, "2019-07-01", "起诉") == "2012-10"
    text = "2019年6月，甲公司发布公告。甲公司早在2012年就起诉过乙公司。同年，乙公司提起反诉。"
    assert _dates_at(text, "2019-07-01", "反诉") == "2012"


def test_a_date_a_story_starts_at_governs_the_paragraph():
    # zh.date.scene_setter: the date after 始于 / 追溯到 / 拨回 governs what the paragraph tells next
    text = "这场纠纷始于2016年3月。甲公司指责乙公司抄袭其产品设计。"
    assert _dates_at(text, "2019-07-01", "指责") == "2016-03"
    text = "时间拨回2018年初。甲公司向法院起诉乙公司。"
    assert _dates_at(text, "2019-07-01", "起诉") == "2018"
    # counter-examples: a date that only names a time in passing governs nothing; a new paragraph ends it
    text = "甲公司的市场份额在2016年3月达到顶峰。甲公司指责乙公司抄袭其产品设计。"
    assert _dates_at(text, "2019-07-01", "指责") is None
    text = "这场纠纷始于2016年3月。\n甲公司指责乙公司抄袭其产品设计。"
    assert _dates_at(text, "2019-07-01", "指责") is None


def test_a_paragraph_whose_subject_acts_at_once_keeps_the_time_before():
    # zh.date.back_after_subject: 乙公司随即… opens a paragraph at the time the one before ended in
    text = "2019年6月3日，甲公司起诉乙公司。\n乙公司随即发表声明，指责甲公司恶意诉讼。"
    assert _dates_at(text, "2019-07-01", "指责") == "2019-06-03"
    # counter-examples: a paragraph that points nowhere gets no date; 随后 (later) is not at once
    text = "2019年6月3日，甲公司起诉乙公司。\n乙公司发表声明，指责甲公司恶意诉讼。"
    assert _dates_at(text, "2019-07-01", "指责") is None
    text = "2019年6月3日，甲公司起诉乙公司。\n乙公司随后发表声明，指责甲公司恶意诉讼。"
    assert _dates_at(text, "2019-07-01", "指责") is None
