"""Headline facts (kg/extract/headline.py): what a headline states and the body does not restate."""
from __future__ import annotations

from kg.extract import extract
from kg.extract.headline import asserted_part
from kg.model import Article

BODY = ("5月15日，腾讯公司召开媒体沟通会，称字节跳动旗下产品涉嫌不正当竞争。"
        "业内人士认为，腾讯与字节跳动的竞争将长期持续。")


def facts(ex):
    return {(r.type, r.subject, r.object, r.date, r.evidence) for r in ex.relations if not r.negated}


def article(title, body=BODY, lang="zh"):
    return Article(id="t", title=title, date="2021-05-16", source="test", text=body, lang=lang)


def test_a_headline_fact_the_body_does_not_tell_is_kept_undated_with_the_headline_as_evidence():
    title = "腾讯起诉字节跳动不正当竞争，双方为何此时翻脸？"
    ex = extract(article(title))
    assert ("sues", "腾讯", "字节跳动", None, title) in facts(ex)
    assert any(set(l.plaintiffs) == {"腾讯"} and set(l.defendants) == {"字节跳动"} for l in ex.lawsuits)
    assert not any(r.type == "sues" for r in extract(article("")).relations)


def test_a_fact_the_body_tells_is_not_added_again_from_the_headline():
    body = "2021年5月15日，腾讯起诉字节跳动不正当竞争。" + BODY
    sues = [r for r in extract(article("腾讯起诉字节跳动", body)).relations if r.type == "sues"]
    assert [(r.subject, r.object, r.date) for r in sues] == [("腾讯", "字节跳动", "2021-05-15")]


def test_a_question_headline_asserts_nothing():
    assert asserted_part("腾讯会起诉字节跳动吗？") == ""
    assert asserted_part("瑞幸起诉星巴克涉嫌垄断，“小蓝杯”为何此时开炮？") == "瑞幸起诉星巴克涉嫌垄断"
    assert asserted_part("Apple sues Masimo - what comes next?") == "Apple sues Masimo"
    assert not any(r.type == "sues" for r in extract(article("腾讯会起诉字节跳动吗？")).relations)


def test_a_headline_party_the_body_never_names_is_not_introduced():
    ex = extract(article("阿里巴巴起诉字节跳动不正当竞争"))
    assert not any(r.type == "sues" for r in ex.relations)
    assert "阿里巴巴" not in {e.name for e in ex.entities}


def test_english_headline():
    body = ("Masimo Corp said on Tuesday that Apple Inc had copied its blood-oxygen technology. "
            "Apple and Masimo have competed in health sensors for years.")
    ex = extract(article("Masimo sues Apple over smartwatch patents", body, lang="en"))
    assert any(r.type == "sues" and r.evidence.startswith("Masimo sues") for r in ex.relations)


def test_space_between_chinese_words_parts_headline_clauses():
    from kg.extract.headline import asserted_part
    assert asserted_part("星海科技起诉前工程师 蓝鲸网络称未涉及") == "星海科技起诉前工程师，蓝鲸网络称未涉及"


def test_headline_naming_the_product_for_its_owner_restates_the_body():
    from kg.model import Article
    from kg.extract import extract
    ex = extract(Article(id="t", title="星海科技诉青禾直播侵权一审胜诉", date="2017-11-14", source="",
                         text="2014年11月，星海科技将蓝鲸网络告上法庭。蓝鲸网络旗下的“青禾直播”是最早的直播平台之一。",
                         lang="zh"))
    got = {(r.type, r.subject, r.object) for r in ex.relations}
    assert ("sues", "星海科技", "蓝鲸网络") in got and ("owns", "蓝鲸网络", "青禾直播") in got
    assert not [r for r in ex.relations if r.type == "sues" and r.object == "青禾直播"]
    assert len(ex.lawsuits) == 1


def test_a_headline_settlement_of_a_case_named_after_a_product_is_no_cooperation():
    # 和解微信商标案: the case is about 微信, which settles with no one (check case_matter)
    ex = extract(article("腾讯1000万元和解微信商标案 与星海科技两年纠纷落幕", "腾讯与星海科技围绕微信商标的纠纷持续两年。"))
    assert not [f for f in facts(ex) if f[0] == "cooperates" and "微信" in f[1:3]]


def _coop_dates(text, date="2019-10-29"):
    ex = extract(Article(id="t", title="", date=date, source="test", text=text, lang="zh"))
    return {r.date for r in ex.relations if r.type == "cooperates" and not r.negated
            and {r.subject, r.object} == {"华为", "中兴通讯"}}


def test_a_headline_line_takes_the_day_of_the_news_from_its_lead():
    # zh.date.headline_lead: one recent day in the lead, written where the lead tells the settlement
    lead = "华为与中兴的专利纠纷告一段落。两家公司28日发布联合声明，宣布撤回全部诉讼，并签订专利交叉许可协议。\n"
    assert _coop_dates("华为与中兴握手言和 专利战落幕\n" + lead) == {"2019-10-28"}
    # counter-examples: two days in the lead, or a day of other news, leave it undated
    two = "华为与中兴的专利纠纷告一段落。两家公司28日发布联合声明，宣布撤回全部诉讼；法院昨日准许。\n"
    assert _coop_dates("华为与中兴握手言和 专利战落幕\n" + two) <= {None}
    other = "华为与中兴的专利纠纷告一段落。华为28日公布了新手机。\n"
    assert _coop_dates("华为与中兴握手言和 专利战落幕\n" + other) <= {None}


def test_a_headline_at_the_top_of_the_text_naming_the_bodys_suit_the_other_way_round_adds_no_suit():
    """A Markdown page keeps its heading in the text; a headline naming the body's case by its sides in the
    other order (三星挑战华为专利…8000万元索赔案: 华为's suit) gives no 三星 v 华为 suit."""
    title = "三星挑战华为专利有效性终审失利 8000万元索赔案尘埃落定"
    body = title + "\n\n2016年6月，华为起诉三星侵害其发明专利权，索赔8000万元。"
    ex = extract(article(title, body))
    sues = {(r.subject, r.object) for r in ex.relations if r.type == "sues" and not r.negated}
    assert ("华为", "三星") in sues and ("三星", "华为") not in sues
    assert not any("三星" in l.plaintiffs for l in ex.lawsuits)
