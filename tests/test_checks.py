"""Checks across all rules (kg/extract/checks.py): facts not asserted are kept with a status, hidden by
default; each check on sentences written for these tests."""
from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import cli
from kg.extract import extract
from kg.model import Article, Relation
from kg.output import article_json

A = "星海科技有限公司"
B = "蓝鲸网络科技有限公司"


def run(text, lang="zh", date="2021-11-13"):
    return extract(Article(id="t", title="", date=date, source="", text=text, lang=lang))


def held(ex):
    return {(r.type, r.subject, r.object, r.status, r.check) for r in ex.relations if r.negated}


def asserted(ex):
    return {(r.type, r.subject, r.object) for r in ex.relations if not r.negated}


def test_irrealis_suit_is_kept_with_a_status_and_hidden():
    ex = run(f"{A}表示，如果谈判破裂，{A}将起诉{B}。")
    assert ("sues", A, B) not in asserted(ex)
    assert ("sues", A, B, "irrealis", "scope") in held(ex)
    assert not article_json(ex)["relations"] and not ex.lawsuits
    shown = article_json(ex, all=True)["relations"]
    assert [(r["type"], r["status"], r["check"]) for r in shown] == [("sues", "irrealis", "scope")]


def test_a_negation_of_the_reason_is_no_negation_of_the_suit():
    ex = run(f"因{B}未按期支付货款，{A}起诉了{B}。")
    assert ("sues", A, B) in asserted(ex)


def test_a_denial_by_the_accused_leaves_the_accusation():
    ex = run(f"{B}否认了{A}的指控。{A}指控{B}抄袭其产品。")
    assert ("accuses", A, B) in asserted(ex)


def test_english_may_the_month_is_no_hedge_but_may_the_verb_is():
    en = lambda t: run(t, lang="en", date="2021-09-15")    # noqa: E731
    assert ("sues", "Acme", "Globex") in asserted(en("In May 2020 Acme Corp sued Globex Corp."))
    ex = en("Acme Corp may sue Globex Corp over the patents.")
    assert ("sues", "Acme", "Globex") not in asserted(ex)


def test_no_hostile_relation_between_an_owner_and_its_own_product():
    ex = run("腾讯起诉了微信和抖音。")
    assert ("sues", "腾讯", "字节跳动") not in asserted(ex)       # (no such fact either)
    assert ("sues", "腾讯", "微信") not in asserted(ex)
    assert ("sues", "腾讯", "微信", "rejected", "own_side") in held(ex)
    assert ("sues", "腾讯", "抖音") in asserted(ex)


def test_a_slogan_is_no_company():
    ex = run("京东指责阿里巴巴强迫商家“二选一”。每年双十一前后，二选一都会重演。")
    assert "二选一" not in {e.name for e in ex.entities}
    assert "二选一" not in {e["name"] for e in article_json(ex)["entities"]}


def test_a_court_that_should_hear_a_case_or_may_hear_an_appeal_did_not_rule():
    ex = run(f"{B}认为此案应由北京知识产权法院审理。")
    assert ("rules", "北京知识产权法院", B, "rejected", "transferred") in held(ex)
    ex = run(f"{A}如不服判决，可向北京知识产权法院提起上诉。北京市海淀区人民法院判决{A}赔偿{B}100万元。")
    assert not any(t == "rules" and s == "北京知识产权法院" for t, s, _ in asserted(ex))
    assert ("rules", "北京市海淀区人民法院", A) in asserted(ex)


def test_cli_all_shows_what_is_held(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"日期：2021-11-13\n\n{A}表示，如果谈判破裂，{A}将起诉{B}。\n", encoding="utf-8")
    plain = json.loads(CliRunner().invoke(cli, ["extract", str(f)]).output)["articles"][0]
    full = json.loads(CliRunner().invoke(cli, ["extract", "--all", str(f)]).output)["articles"][0]
    assert not plain["relations"] and full["relations"][0]["status"] == "irrealis"


def test_one_company_written_two_ways_is_no_pair():
    from kg.extract.checks import self_loop
    r = lambda a, b: Relation("acquires", a, b, None, "", trigger="收购")    # noqa: E731
    assert self_loop(None, r("金城医药股份有限公司", "金城医药")) and self_loop(None, r("时任天圣制药", "天圣制药"))
    assert not self_loop(None, r("华为", "华为3Com")) and not self_loop(None, r("方正证券", "瑞信方正证券"))


def test_a_news_outlet_is_no_party():
    from kg.extract.checks import source_side, _context
    from kg.lexicon import load_lexicon
    from kg.model import Entity, Extraction, Relation
    text = "上海证券报讯，星海科技有限公司收购了蓝鲸网络科技有限公司。"
    art = Article(id="t", title="", date=None, source="", text=text, lang="zh")
    ex = Extraction(art, [Entity("上海证券报", "Organization", mentions=[(0, 5)]),
                          Entity(A, "Company", mentions=[(7, 15)]), Entity(B, "Company", mentions=[(18, 28)])],
                    [Relation("acquires", "上海证券报", B, None, text, 0, len(text), trigger="收购")])
    ctx = _context(ex, load_lexicon())
    assert source_side(ctx, ex.relations[0])
    assert not source_side(ctx, Relation("acquires", A, B, None, text, 0, len(text), trigger="收购"))


def test_english_failed_to_buy_is_negated_agreed_to_buy_is_not():
    en = lambda t: run(t, lang="en", date="2021-09-15")    # noqa: E731
    assert ("acquires", "Acme", "Globex", "negated", "scope") in held(en("Acme Corp failed to buy Globex Corp."))
    assert ("acquires", "Acme", "Globex") in asserted(en("Acme Corp agreed to buy Globex Corp."))


def test_an_app_named_like_a_paper_in_a_list_of_rivals_is_kept():
    ex = run("在这一领域，星海科技的主要竞争对手是万方数据和天天快报。")
    assert {("competes", "星海科技", "天天快报"), ("competes", "星海科技", "万方数据")} <= \
        {(t, *sorted((a, b), key=lambda n: n != "星海科技")) for t, a, b in asserted(ex)}


def test_a_headline_hedge_keeps_its_fact_out():
    """The headline is checked like a one-sentence article before its facts join the body's: a fine it
    only forecasts ("may fine") adds nothing; a fine it states does."""
    body = "The European Commission opened an inquiry into Google's shopping service in 2010.\n" \
           "Google said it would cooperate with the European Commission."
    hedged = extract(Article(id="t", title="European Commission may fine Google over shopping service",
                             date="2017-06-01", source="", text=body, lang="en"))
    assert ("fines", "欧盟委员会", "谷歌") not in asserted(hedged)
    told = extract(Article(id="t", title="European Commission fines Google over shopping service",
                           date="2017-06-01", source="", text=body, lang="en"))
    assert ("fines", "欧盟委员会", "谷歌") in asserted(told)


def test_a_purpose_carries_to_the_act_of_the_next_clause():
    ex = run(f"据报道，{A}正考虑进一步收紧供货规则，限制经销商为{B}生产芯片。")
    assert ("blocks", A, B, "irrealis", "scope") in held(ex)
    ex = run(f"{A}考虑再三，最终起诉了{B}。")
    assert ("sues", A, B) in asserted(ex)


def test_jiang_before_a_trigger_told_with_its_object_is_ba_not_will():
    """将百度告上海淀法院 read by a rule whose trigger carries the object (百度告上): 将 is 把 there, the
    suit is filed (tests/corpus/baidu-bytedance-2019-12-20)."""
    from pathlib import Path
    from kg.ingest import read_articles
    path = Path(__file__).resolve().parent / "corpus" / "baidu-bytedance-2019-12-20.md"
    art = next(a for a in read_articles([path]) if isinstance(a, Article))
    ex = extract(art)
    suits = {(r.subject, r.object, r.date) for r in ex.relations if r.type == "sues" and not r.negated}
    # (抖音 files under its own name: the product is the clause's subject, lawsuit_frames._product_sides)
    assert ("抖音", "百度", "2019-04-26") in suits
