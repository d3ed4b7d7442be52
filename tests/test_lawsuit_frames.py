"""Lawsuits from the suit frames of kg/extract/lawsuit_frames.py, read as whole articles: a case named
by its title at a later stage is the filing told again (one lawsuit, the filing's date); a parallel suit
in another court is a lawsuit of its own; an administrative suit is against the regulator."""
from kg.extract import extract
from kg.model import Article


def _suits(text: str) -> list[tuple]:
    ex = extract(Article(id="t", title="", date="2021-11-13", source="test", text=text, lang="zh"))
    return sorted(((tuple(ls.plaintiffs), tuple(ls.defendants), ls.date, ls.court) for ls in ex.lawsuits), key=str)


def test_case_title_at_a_later_stage_is_the_filing():
    got = _suits("2011年10月，奇虎360向广东省高级人民法院起诉腾讯滥用市场支配地位。"
                 "奇虎360诉腾讯滥用市场支配地位一案于2014年10月16日在最高人民法院终审宣判。")
    assert [(p, d, date) for p, d, date, _ in got] == [(("奇虎360",), ("腾讯",), "2011-10")], got


def test_parallel_suit_in_another_court_is_its_own():
    got = _suits("2020年9月30日，杭州市中级人民法院受理了奥克斯起诉格力电器的专利侵权案件。"
                 "与此同时，奥克斯还在宁波市中级人民法院对格力另行提起了三起同类诉讼。")
    assert {court for *_, court in got} == {"杭州市中级人民法院", "宁波市中级人民法院"}, got


def test_administrative_suit_is_against_the_regulator():
    got = _suits("2021年4月，国家市场监督管理总局对阿里巴巴处以182.28亿元罚款。"
                 "阿里巴巴不服，向北京市高级人民法院提起行政诉讼。")
    assert [(p, d) for p, d, *_ in got] == [(("阿里巴巴",), ("国家市场监督管理总局",))], got
    assert _suits("2021年4月，国家市场监督管理总局对阿里巴巴处以182.28亿元罚款。阿里巴巴表示将提起行政诉讼。") == []


def _en_suits(title: str, text: str) -> list[tuple]:
    ex = extract(Article(id="t", title=title, date="2021-11-13", source="test", text=text, lang="en"))
    return [(tuple(ls.plaintiffs), tuple(ls.defendants), ls.date) for ls in ex.lawsuits]


def test_the_lawsuit_a_company_filed_is_against_the_rival_in_the_headline():
    text = ("A federal judge on Monday cut the damages that Samsung must pay Apple over smartphone designs. "
            "Apple first filed the lawsuit in April 2011.")
    assert _en_suits("Judge trims award Samsung owes Apple", text) == [(("苹果",), ("三星",), "2011-04")]
    assert _en_suits("Judge trims a smartphone award", text) == []
