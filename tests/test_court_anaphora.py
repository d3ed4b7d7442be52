"""Courts referred back to (kg/extract/court_anaphora.py): a suit's or ruling's court told as 上述法院, 该院,
一审法院 or 二审法院 is the court the article named for that stage of the case."""
from __future__ import annotations

from kg.extract import extract
from kg.model import Article


def _read(text: str):
    return extract(Article(id="t", title="", date="2021-11-13", source="test", text=text, lang="zh"))


def _courts(text: str) -> list:
    return [(ls.plaintiffs, ls.defendants, ls.court) for ls in _read(text).lawsuits]


def test_the_court_named_before_is_the_suits():
    text = ("青川市中级人民法院近日发布消息，该院审结了一起股权纠纷。2019年3月7日，星海科技有限公司宣布起诉"
            "蓝鲸网络科技有限公司，诉状随后递交至上述法院。")
    assert _courts(text) == [(["星海科技有限公司"], ["蓝鲸网络科技有限公司"], "青川市中级人民法院")]


def test_that_court_in_the_filing_sentence():
    text = "当年6月，青川法院网披露，星海科技有限公司以不正当竞争为由将蓝鲸网络科技有限公司诉至该院。"
    assert _courts(text) == [(["星海科技有限公司"], ["蓝鲸网络科技有限公司"], "青川法院")]


def test_no_court_named_before_leaves_it_open():
    text = "2019年3月7日，星海科技有限公司宣布起诉蓝鲸网络科技有限公司。诉状随后递交至位于青川的上述法院。"
    assert _courts(text) == [(["星海科技有限公司"], ["蓝鲸网络科技有限公司"], None)]


def test_that_institution_is_no_court_when_it_is_a_procuratorate():
    text = ("青川市中级人民法院去年审结了一起股权纠纷。记者从青川市人民检察院获悉，该院已对蓝鲸网络科技有限公司"
            "提起诉讼。")
    assert all(ls.court != "青川市中级人民法院" for ls in _read(text).lawsuits)
