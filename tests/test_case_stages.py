"""A case told in stages (kg/extract/suit_context.py case_filing_dates): a later sentence that refers back to
the case (该案, 此案, 这起案件) and dates its filing gives the filing date of a suit told inside its ruling;
an appeal's filing, or a suit with a date of its own, is left alone."""
from __future__ import annotations

from kg.extract import extract
from kg.model import Article


def _read(text: str):
    return extract(Article(id="t", title="", date="2021-11-13", source="test", text=text, lang="zh"))


def _suits(text: str) -> list:
    ex = _read(text)
    return [(ls.plaintiffs, ls.defendants, ls.date) for ls in ex.lawsuits], \
        sorted((r.subject, r.object, r.date) for r in ex.relations if r.type == "sues" and not r.negated)


RULING = ("青川市中级人民法院本周二对这起案件作出一审判决：星海科技有限公司起诉蓝鲸网络科技有限公司，法院判令被告"
          "赔偿原告80万元。")


def test_the_case_dated_later_gives_the_filing_date():
    lawsuits, sues = _suits(RULING + "原告起诉时主张的赔偿额为200万元。据法院介绍，该案于2020年10月9日立案，"
                                     "同年12月23日公开开庭。")
    assert lawsuits == [(["星海科技有限公司"], ["蓝鲸网络科技有限公司"], "2020-10-09")]
    assert sues == [("星海科技有限公司", "蓝鲸网络科技有限公司", "2020-10-09")]


def test_the_claim_a_plaintiff_stated_in_the_next_sentence():
    ex = _read(RULING + "原告起诉时主张的赔偿额为200万元。")
    assert [ls.claim_cny for ls in ex.lawsuits] == [2000000.0]


def test_an_appeal_taken_up_dates_no_filing():
    lawsuits, _ = _suits(RULING + "蓝鲸网络科技有限公司不服，提起上诉，该案于2021年9月18日由二审法院立案。")
    assert [d for *_, d in lawsuits] == [None]


def test_a_suit_with_its_own_date_keeps_it():
    lawsuits, _ = _suits("2020年5月，星海科技有限公司起诉蓝鲸网络科技有限公司。据法院介绍，该案于2020年10月9日立案。")
    assert [d for *_, d in lawsuits] == ["2020-05"]


def _read_en(text: str):
    return extract(Article(id="t", title="", date="2025-03-27", source="test", text=text, lang="en"))


def test_the_same_court_is_the_court_named_before():
    ex = _read_en("Brightwave Inc sued Harbor Labs in the Delaware Court of Chancery on Jan. 5, claiming breach of "
                  "contract. Two weeks later it also sued Northfield Corp in the same court.")
    courts = {d: ls.court for ls in ex.lawsuits for d in ls.defendants}
    assert courts.get("Northfield") == "Delaware Court of Chancery"


def test_the_same_court_with_no_court_before_stays_open():
    ex = _read_en("Brightwave Inc sued Northfield Corp in the same court on Jan. 5, claiming breach of contract.")
    assert [ls.court for ls in ex.lawsuits] == [None]


def test_that_day_is_the_day_its_own_sentence_named():
    ex = _read_en("WILMINGTON, Delaware, March 26 - Brightwave Inc blamed Northfield Corp for the collapse of "
                  "their merger.\n\nNorthfield walked away from the deal on Dec. 11 and sued Brightwave in the "
                  "same court that day, claiming breach of contract.")
    assert [(ls.plaintiffs, ls.date) for ls in ex.lawsuits if "Brightwave" in " ".join(ls.defendants)] == \
        [(["Northfield"], "2024-12-11")]
