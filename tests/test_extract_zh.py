"""Chinese pattern families added for generalisation (Simplified and Traditional), each on sentences
written for these tests with invented names, so the lexicon cannot help."""
from __future__ import annotations

from kg.model import Article
from kg.extract import extract
from kg.extract.dates import find_dates
from kg import nlp

A = "星海科技有限公司"
B = "蓝鲸网络科技有限公司"
C = "赤峰资本"


def run(text, date="2021-11-13"):
    return extract(Article(id="t", title="", date=date, source="", text=text, lang="zh"))


def rels(ex, negated=False):
    return {(r.type, r.subject, r.object) for r in ex.relations if r.negated == negated}


def dated(ex):
    return {(r.type, r.subject, r.object, r.date) for r in ex.relations if not r.negated}


# -- lawsuits: 告上…法院, 控告, a counterclaim's defendant named by 要求

def test_gao_shang_court():
    ex = run(f"2019年，{A}将{B}告上北京市海淀区人民法院，索赔5000万元。")
    assert ("sues", A, B) in rels(ex)
    suit = ex.lawsuits[0]
    assert suit.court == "北京市海淀区人民法院" and suit.date == "2019" and suit.claim_cny == 5e7


def test_counterclaim_defendant_from_demand_clause():
    ex = run(f"2020年3月，{B}向杭州市中级人民法院提起反诉，要求{A}赔偿经济损失1亿元。")
    assert ("sues", B, A) in rels(ex)


def test_suit_defendant_from_accusation_clause():
    assert ("sues", A, B) in rels(run(f"{A}在上海市高级人民法院再度提告，指{B}违反和解协议。"))


# -- rulings and requests

def test_request_to_a_court_is_not_a_ruling():
    ex = run(f"双方将请求北京市海淀区人民法院作出判决，{A}也撤回上诉。")
    assert not any(r.type == "rules" for r in ex.relations)


def test_violating_a_settlement_is_no_settlement():
    assert ("cooperates", A, B) not in rels(run(f"{A}违反和解协议，继续使用{B}的技术。"))


# -- regulators: enumerations, an object marker before an earlier name, the head of a noun phrase

def test_regulators_listed_summon_the_head_of_the_object_phrase():
    ex = run(f"中国人民银行、国家外汇管理局对{A}实际控制人张三进行了监管约谈。")
    r = rels(ex)
    assert ("fines", "中国人民银行", A) in r or ("fines", "中国人民银行", "张三") in r
    assert ("fines", "国家外汇管理局", A) in r or ("fines", "国家外汇管理局", "张三") in r


def test_np_head_after_de():
    ex = run(f"国家市场监督管理总局约谈了{C}持股约三分之一的{B}。")
    assert ("fines", "国家市场监督管理总局", B) in rels(ex)
    assert ("fines", "国家市场监督管理总局", C) not in rels(ex)


# -- funding rounds and mergers

def test_funding_round_investors_invest_in_the_company_that_raised():
    ex = run(f"去年12月，{A}宣布完成7亿美元融资，由{C}、XYZ和红杉资本领投，{B}跟投。")
    r = rels(ex)
    for investor in (C, "XYZ", "红杉资本", B):
        assert ("invests", investor, A) in r, investor
    assert ("invests", C, "红杉资本") not in r


def test_merger_of_two_companies():
    ex = run(f"2月14日，{A}与{B}联合发布声明，宣布两家公司实现战略合并。", date="2015-02-20")
    assert {("acquires", A, B, "2015-02-14"), ("acquires", B, A, "2015-02-14")} & dated(ex)


# -- leads: 由P创立, roles, P等人

def test_founded_by_person():
    ex = run(f"{B}于2008年由陈星河等人在上海创立。")
    assert ("leads", "陈星河", B) in rels(ex)
    assert {e.name: e.type for e in ex.entities}["陈星河"] == "Person"


def test_successor_named_by_you():
    ex = run(f"同一天，{B}创办人李明远宣布辞去执行长职务，由王若川接任。")
    r = rels(ex)
    assert ("leads", "李明远", B) in r
    assert ("leads", "王若川", B) in r


def test_ascii_role_before_a_name():
    assert ("leads", "周启航", B) in rels(run(f"{B}CEO周启航表示，公司将继续投入。"))


# -- rivalry

def test_reciprocal_rivals_and_quarrels():
    assert ("competes", A, B) in rels(run(f"{A}与{B}曾是彼此最直接的竞争对手。")) | \
        rels(run(f"{A}与{B}曾是彼此最直接的竞争对手。"))
    r = rels(run(f"{A}与{B}围绕“二选一”的口水战由来已久。"))
    assert ("competes", A, B) in r or ("competes", B, A) in r


def test_settlement_with_comitative_partner():
    r = rels(run(f"{A}10日宣布，与{B}就专利诉讼达成和解。"))
    assert ("cooperates", A, B) in r or ("cooperates", B, A) in r


# -- products and owners

def test_quoted_product_after_launch_verb():
    ex = run(f"2014年7月，{A}推出“星河专车”。")
    assert ("launches", A, "星河专车") in rels(ex)
    assert {e.name: e.type for e in ex.entities}["星河专车"] == "Product"


def test_company_name_plus_product_word_is_its_product():
    ex = run("2014年8月，腾讯专车上线。")
    assert ("launches", "腾讯", "腾讯专车") in rels(ex)


def test_owns_needs_the_text():
    # the lexicon knows 微信 is 腾讯's, but this text does not say so: no owns fact
    ex = run("腾讯发布财报。微信用户增长放缓。")
    assert not any(r.type == "owns" for r in ex.relations)
    ex = run("腾讯旗下的微信支付接入了新的商户。")
    owns = [r for r in ex.relations if r.type == "owns"]
    assert owns and all(r.evidence for r in owns)


def test_copula_ownership():
    assert ("owns", C, B) in rels(run(f"{B}正是{C}旗下的企业。"))


def test_acquired_name_in_apposition():
    ex = run(f"2014年4月，{A}收购了另一家主要在上海运营的打车应用黄蜂出行。")
    assert ("acquires", A, "黄蜂出行") in rels(ex)


def test_demonstratives_are_not_names():
    ex = run(f"这起调查始于去年，{A}起诉{B}。这张罚单来得并不意外。")
    assert not any(e.name.startswith(("这", "那")) for e in ex.entities)


def test_law_titles_are_not_products():
    ex = run(f"这是《反垄断法》实施以来的最大罚单，{A}收到《行政指导书》。")
    assert not any(e.name in ("反垄断法", "行政指导书") for e in ex.entities)


# -- Traditional Chinese

def test_traditional_is_read_and_named_as_written():
    text = "台積電在美國北加州聯邦地方法院控告中芯國際侵害專利。中芯隨後在北京市高級人民法院反訴台積電。"
    assert nlp.is_traditional(text)
    assert len(nlp.to_simplified(text)) == len(text)
    ex = run(text, date="2009-11-11")
    names = {e.name for e in ex.entities}
    assert "台積電" in names and "北京市高級人民法院" in names
    r = rels(ex)
    assert any(t == "sues" and s == "台積電" for t, s, o in r)
    assert all(not any(c in r_.evidence for c in "积电") for r_ in ex.relations)
    suits = ex.lawsuits
    assert any(s.court == "北京市高級人民法院" for s in suits)


def test_simplified_text_is_not_converted():
    assert not nlp.is_traditional("腾讯起诉字节跳动，法院判决驳回。")


# -- dates that refer back

def test_anaphoric_dates_follow_the_last_date_named():
    ds = find_dates("这起调查始于去年12月24日，当天总局宣布立案调查。", "2021-04-10")
    assert [d.value for d in ds] == ["2020-12-24", "2020-12-24"]
    assert find_dates("两天后，总局约谈了该公司。", "2021-04-10", anchor="2020-12-24")[0].value == "2020-12-26"
    assert find_dates("次月，产品上线。", "2015-02-14", anchor="2014-07")[0].value == "2014-08"
    assert find_dates("当月，原告起诉。", "2018-07-28", anchor="2014-05")[0].value == "2014-05"
    assert find_dates("27日晚间公告称", "2018-07-28")[0].value == "2018-07-27"
    assert find_dates("须在判决生效后十日内赔偿", "2018-07-28") == []


def test_anaphoric_date_across_sentences():
    ex = run(f"这起官司要追溯到2014年5月。当月，{A}向广东省高级人民法院起诉{B}。", date="2018-07-28")
    assert ("sues", A, B, "2014-05") in dated(ex)


# -- short forms: X（以下简称“Y”）, X（Y）

def test_short_form_after_full_name_is_an_alias():
    ex = run("2019年，星海云图信息技术有限公司（以下简称“星海云图”）起诉蓝鲸网络。随后，蓝鲸网络收购了星海云图。")
    full = "星海云图信息技术有限公司"
    names = {e.name: e for e in ex.entities}
    assert full in names and "星海云图" in names[full].aliases
    assert ("acquires", "蓝鲸网络", full) in rels(ex)


def test_abbreviation_in_parentheses_is_an_alias():
    ex = run("广州星海医药集团有限公司（星海医药）公告称，星海医药已起诉蓝鲸网络。")
    assert ("sues", "广州星海医药集团有限公司", "蓝鲸网络") in rels(ex)


def test_time_limit_is_not_the_event_date():
    ex = run(f"2005年1月，{A}与{B}首度和解。协议载明，双方相关专利交互授权至2010年12月底。", date="2009-11-11")
    assert not any(r.date == "2010-12" for r in ex.relations)


def test_later_words_leave_the_date_open():
    ex = run(f"2006年8月，{A}在上海市高级人民法院起诉{B}。{B}随后在北京市高级人民法院反诉{A}。", date="2009-11-11")
    d = dated(ex)
    assert ("sues", A, B, "2006-08") in d
    assert ("sues", B, A, None) in d


def test_attributive_act_is_not_an_event():
    ex = run(f"{A}撤回了所有案件，但保留日后再起诉{B}的权利。")
    assert ("sues", A, B) not in rels(ex)


def test_settlement_partner_after_a_description():
    r = rels(run(f"{A}10日宣布，与大陆晶圆代工厂{B}就诉讼达成和解。"))
    assert ("cooperates", A, B) in r or ("cooperates", B, A) in r


def test_transliterated_court_name_split_by_the_segmenter():
    ex = run(f"{A}在加州阿拉米达郡高等法院起诉{B}。")
    assert any(e.name.endswith("阿拉米达郡高等法院") and e.type == "Court" for e in ex.entities)


def test_controlling_shareholder_owns():
    ex = run(f"{A}（星海）公告称，控股股东{C}已收到判决书。")
    assert ("owns", C, A) in rels(ex)


def test_falling_out_is_rivalry():
    r = rels(run(f"{A}与{B}由此反目，打了十几场官司。"))
    assert ("competes", A, B) in r or ("competes", B, A) in r


def test_parties_by_procedural_role():
    ex = run(f"判决显示，原告{A}与被告{B}合同纠纷一案已审结。")
    assert ("sues", A, B) in rels(ex)
    ex = run(f"2019年9月18日，{A}与{B}合同纠纷一案，北京市朝阳区人民法院作出判决。")
    assert ("sues", A, B) in rels(ex)


def test_qi_after_a_preposition_is_not_the_clause_subject():
    ex = run(f"{A}发布公告称，该公司收到法院通知，{B}以名誉权侵权为由，将其告上了法庭。")
    assert ("sues", B, A) in rels(ex)


def test_court_findings_and_passive_sentences():
    r = rels(run(f"北京市第四中级人民法院认定{B}的行为构成欺诈。"))
    assert ("rules", "北京市第四中级人民法院", B) in r
    r = rels(run(f"山东省青岛市黄岛区人民法院公布判决书，{A}、{B}两家公司被判骗取贷款罪。"))
    assert ("rules", "山东省青岛市黄岛区人民法院", B) in r
    # 认定 by anyone but a court is no ruling
    assert not any(t == "rules" for t, s, o in rels(run(f"{A}认定{B}违约，北京市第四中级人民法院已受理。")))


def test_company_before_a_titled_product_owns_it():
    ex = run(f"{A}《星河幻想》上线后，{B}的游戏被比了下去。")
    owns = [r for r in ex.relations if r.type == "owns"]
    assert any(r.subject == A and r.object == "星河幻想" and r.evidence for r in owns)


def test_place_prefixed_name_is_the_same_entity():
    ex = run("商标此前长期授权香港翔鹭集团使用，星海科技有限公司正是翔鹭集团旗下的企业。")
    names = {e.name: e for e in ex.entities}
    assert "翔鹭集团" in names and "香港翔鹭集团" in names["翔鹭集团"].aliases
    assert "香港翔鹭集团" not in names


# -- stakes: the name right before 49%股权 / 全部股权 is what changes hands

def test_stake_names_the_bought_company():
    r = rels(run(f"{A}拟以9亿元收购{B}所持有云岭数科49%股权。"))
    assert ("acquires", A, "云岭数科") in r
    assert ("acquires", A, B) not in r
    r = rels(run(f"{A}拟以15亿元的对价收购青禾智联全部股权。"))
    assert ("acquires", A, "青禾智联") in r
    assert not any(s in ("对价", "15亿元的对价") for t, s, o in r)


def test_stake_list_with_per_stake_relation():
    # 购买 follows the stake: a majority or 100% is an acquisition, a minority an investment
    r = rels(run(f"{A}拟以发行股份的方式向{C}购买其持有的云岭数科100%股权及青禾智联30%股权。"))
    assert ("acquires", A, "云岭数科") in r
    assert ("invests", A, "青禾智联") in r
    assert not any(o == C for t, s, o in r)


def test_price_before_the_verb_keeps_the_clause_subject():
    r = rels(run(f"今年3月，{A}发布公告，拟作价15亿元购买云岭数科96%股权。"))
    assert ("acquires", A, "云岭数科") in r
    r = rels(run(f"5月，{A}耗资5000万元收购才成立2个月的青禾智联51%的股权。"))
    assert ("acquires", A, "青禾智联") in r


# -- funding rounds: investors split at list words, the raiser named before 完成…融资

def test_round_investors_and_raiser_are_discovered():
    r = rels(run("青苔云课已于去年年底完成千万级A轮融资，本轮融资由和光资本领投，松间创投和远帆基金跟投。"))
    assert ("invests", "和光资本", "青苔云课") in r
    assert ("invests", "松间创投", "青苔云课") in r and ("invests", "远帆基金", "青苔云课") in r


# -- a list after 与 is the partner of the clause subject, not a pair of rivals

def test_comitative_list_is_the_partner():
    r = rels(run(f"{A}近年来加速拓展海外业务，与{B}、{C}等对手在欧洲市场正面竞争。"))
    assert ("competes", A, B) in r or ("competes", B, A) in r
    assert not ({("competes", B, C), ("competes", C, B)} & r)


# -- legal names with a bracketed place, government offices, role words before a person

def test_bracketed_place_inside_a_legal_name():
    ex = run(f"{A}向北京市朝阳区人民法院起诉了云帆致乐科技（北京）有限公司。")
    names = {e.name for e in ex.entities}
    assert "云帆致乐科技（北京）有限公司" in names
    assert ("sues", A, "云帆致乐科技（北京）有限公司") in rels(ex)


def test_office_regulator_and_professor():
    ex = run(f"6月24日，网络安全审查办公室约谈{A}负责人。")
    assert {e.name: e.type for e in ex.entities}["网络安全审查办公室"] == "Regulator"
    assert ("fines", "网络安全审查办公室", A) in rels(ex)
    ex = run(f"去年12月，某财经大学退休教授卢德安将{A}告上法庭。")
    assert ("sues", "卢德安", A) in rels(ex)


# -- courts need a place or a name before 法院

def test_verb_phrase_before_court_is_no_court():
    ex = run(f"双方的战火随即烧进法院，{A}起诉了{B}。")
    assert not any(e.type == "Court" for e in ex.entities)
    ex = run(f"拉萨中院裁定{A}败诉。转折出现在中国法院。")
    courts = {e.name for e in ex.entities if e.type == "Court"}
    assert courts == {"拉萨中院"}


# -- a date opens its paragraph; an undated paragraph about something else gets no date

def test_date_does_not_cross_a_paragraph():
    ex = run(f"去年12月，{A}将{B}告上法庭。\n\n值得注意的是，{C}还起诉了{B}。", date="2022-12-27")
    d = {(t, s, o): dt for t, s, o, dt in dated(ex)}
    assert d[("sues", A, B)] == "2021-12"
    assert d[("sues", C, B)] is None
    # within a paragraph the opener still governs
    ex = run(f"去年12月，{A}将{B}告上法庭。随后{C}也起诉了{B}。", date="2022-12-27")
    d = {(t, s, o): dt for t, s, o, dt in dated(ex)}
    assert d[("sues", A, B)] == "2021-12"


def test_negation_between_trigger_and_object():
    ex = run(f"市场监管总局此次的处罚决定并未涉及{A}。")
    assert ("fines", "国家市场监督管理总局", A) in rels(ex, negated=True)
    assert ("fines", "国家市场监督管理总局", A) in rels(run(f"市场监管总局对{A}处以罚款。"))


# -- a product listed under its name without the head noun (西瓜视频 -> 西瓜), blocks in a dated list

def test_products_listed_without_their_head_noun_are_blocked_one_by_one():
    ex = run("2019年5月1日，西瓜、抖音、火山分享到QQ链接不能播放。")
    d = dated(ex)
    for p in ("西瓜视频", "抖音", "火山小视频"):
        assert ("blocks", "QQ", p, "2019-05-01") in d


def test_a_cut_name_outside_a_list_is_no_name():
    ex = run("他在超市买了西瓜。")
    assert not any(e.name == "西瓜视频" for e in ex.entities)


# -- an accusation inside a quotation is the speaker's; an answer accuses the one answered

def test_quoted_accusation_belongs_to_the_speaker():
    ex = run(f"2020年3月，{A}创始人张三在微博留言：“{B}的抄袭行为令人不齿。”这句话随即被{B}董事长李四回怼：“这是诽谤。”")
    d = dated(ex)
    assert ("accuses", "张三", B, "2020-03") in d
    assert ("accuses", "李四", "张三", "2020-03") in d
    assert not any(t == "accuses" and s == B for t, s, o, _ in d)


def test_pronoun_speaker_is_the_person_named_before():
    ex = run(f"{A}创始人张三在发布会上亮相。随后他表示：“{B}的不正当竞争让行业受损。”")
    assert ("accuses", "张三", B) in rels(ex)


def test_quotation_without_a_charge_accuses_no_one():
    ex = run(f"{A}创始人张三表示：“{B}是值得尊敬的对手。”")
    assert not any(r.type == "accuses" for r in ex.relations)


# -- an aggregate suit keeps to its own sentence: its claim, no borrowed date or cause

def test_aggregate_suit_takes_only_what_its_sentence_gives():
    text = (f"2021年2月，{B}以反垄断之名，将{A}告上法庭。\n\n另外，{B}还列出了{A}三年多时间发起的25次诉讼，"
            f"索赔金额从300万上升到1亿，累计金额近4.7亿元。\n\n{A}认为对方涉嫌不正当竞争。")
    ex = run(text)
    d = dated(ex)
    assert ("sues", B, A, "2021-02") in d
    assert ("sues", A, B, None) in d          # Y…发起的诉讼: Y sues, the undated aggregate
    assert ("sues", B, A, None) not in d
    by = {(ls.plaintiffs[0], ls.defendants[0]): ls for ls in ex.lawsuits}
    agg = by[(A, B)]
    assert agg.count == 25 and agg.claim_cny == 4.7e8 and agg.date is None and agg.cause is None
    assert by[(B, A)].claim_cny is None and by[(B, A)].cause == "antitrust"


# -- a suit told inside its ruling: the amount the court orders paid is the award, not the claim, and the
#    sentence's date is the ruling's, not the filing's; a plaintiff's 请求判令 is still the claim

def test_suit_told_inside_its_ruling_gives_an_award_not_a_claim():
    ex = run(f"杭州互联网法院本周二对这起案件作出一审判决：{A}起诉{B}，法院判令被告立即停止涉案行为，"
             f"并赔偿原告经济损失及合理开支共计260万元。", date="2020-06-04")
    suit = ex.lawsuits[0]
    assert suit.claim_cny is None and suit.awarded_cny == 2.6e6 and suit.date is None
    ex = run(f"2019年5月，{A}将{B}告上北京市海淀区人民法院，请求判令停止侵权、赔偿损失9000万元。")
    suit = ex.lawsuits[0]
    assert suit.claim_cny == 9e7 and suit.awarded_cny is None and suit.date == "2019-05"
    ex = run(f"2019年5月，{A}向法院起诉{B}，要求法院判决被告赔偿经济损失500万元。")
    assert ex.lawsuits[0].claim_cny == 5e6


def test_suit_known_from_roles_in_a_ruling_takes_no_filing_date():
    ex = run(f"2018年10月，云海市中级人民法院作出一审判决，判令被告{A}向原告{B}支付货款1200万元。")
    assert ("sues", B, A) in rels(ex) and ex.lawsuits[0].date is None
    ex = run(f"2018年10月，原告{B}向云海市中级人民法院提起诉讼，要求被告{A}支付货款1200万元。")
    assert ex.lawsuits[0].date == "2018-10"


def test_court_with_its_other_name_in_brackets_is_one_suit():
    ex = run(f"杭州铁路运输法院（杭州互联网法院）作出一审判决：{A}起诉{B}，法院判令被告停止侵权，同时为原告消除影响。")
    # (the lexicon knows the earlier court as the internet court's other name: one court, its current name)
    assert [ls.court for ls in ex.lawsuits] == ["杭州互联网法院"]
    ex = run(f"{A}同时在北京知识产权法院和上海知识产权法院起诉{B}。")
    assert sorted(ls.court for ls in ex.lawsuits) == ["上海知识产权法院", "北京知识产权法院"]


# -- a caption with a date inside governs nothing; 为此 carries the paragraph before

def test_caption_date_does_not_govern_and_back_pointing_paragraph_keeps_the_date():
    text = (f"比如2019年，{B}公开指控{A}封杀其产品。\n\n{B}在3月19日下午的弹窗推送\n\n"
            f"为此，{A}向天津市滨海新区人民法院申请诉讼禁令，{A}在申请中认为，{B}获取用户头像侵权。\n\n"
            f"另外，{C}与{A}达成合作。")
    d = dated(run(text))
    assert ("sues", A, B, "2019") in d
    assert ("cooperates", C, A, None) in d or ("cooperates", A, C, None) in d


def test_suit_defendant_from_a_later_clause_of_the_plaintiff():
    ex = run(f"{A}在北京推动一项诉讼禁令，{A}方面要求{B}停止使用相关数据。")
    assert ("sues", A, B) in rels(ex)
    # a later clause with another subject names no defendant
    ex = run(f"{A}推动一项诉讼禁令，{C}则要求{B}停止使用。")
    assert ("sues", A, B) not in rels(ex)


# -- a court's short forms are derived from its full name and merged with it

def test_court_short_form_is_the_full_court():
    from kg.extract.entities import court_abbreviations
    assert {"重庆一中院", "重庆市一中院"} <= set(court_abbreviations("重庆市第一中级人民法院"))
    assert "广东高院" in court_abbreviations("广东省高级人民法院")
    assert "北京知产法院" in court_abbreviations("北京知识产权法院")
    assert "海淀法院" in court_abbreviations("北京市海淀区人民法院")
    assert "曼海姆地区法院" in court_abbreviations("德国曼海姆地区法院")
    ex = run(f"2021年，{A}将{B}告上拉萨市第一中级人民法院。2023年12月，拉萨一中院作出一审判决，{B}败诉。")
    courts = [e for e in ex.entities if e.type == "Court"]
    assert [c.name for c in courts] == ["拉萨市第一中级人民法院"] and "拉萨一中院" in courts[0].aliases
    assert ("rules", "拉萨市第一中级人民法院", B, "2023-12") in dated(ex)


# -- licences are cooperation; a subject-less clause's partner goes with the sentence subject

def test_licence_agreements_are_cooperation():
    ex = run(f"{A}与{B}昨日宣布，双方已签署一项专利交叉许可协议。", date="2024-01-25")
    assert any(t == "cooperates" and {s, o} == {A, B} and d == "2024-01-24" for t, s, o, d in dated(ex))
    ex = run(f"{A}去年1月与{B}签署新的专利许可协议，同年6月又与{C}续签长期许可。", date="2024-01-25")
    d = dated(ex)
    assert ("cooperates", A, B, "2023-01") in d and ("cooperates", A, C, "2023-06") in d
    assert not any(t == "cooperates" and {s, o} == {B, C} for t, s, o, _ in d)
    ex = run(f"{A}与{B}之间的专利纠纷尚未了结，双方至今没有达成和解。")
    assert not any(r.type == "cooperates" and not r.negated for r in ex.relations)


# -- subscribing new shares: the stake told in the next clause decides acquires or invests

def test_subscribing_new_shares_with_majority_stake_is_an_acquisition():
    ex = run(f"2016年4月2日，{A}将以3888亿日元认购东陵电机新股，取得约66%股权，成为其控股股东。")
    assert ("acquires", A, "东陵电机") in rels(ex)
    assert not any(e.name in ("取得", "东陵电机新股") for e in ex.entities)
    ex = run(f"{A}将认购东陵电机新股，取得约10%股权。")
    assert ("invests", A, "东陵电机") in rels(ex)


# -- 获得Y的投资: Y invests; a defendant named 某某 ends at 某某

def test_investment_received_from_the_name_after_the_verb():
    ex = run(f"{A}获得{B}的5亿元战略投资。")
    assert ("invests", B, A) in rels(ex) and ("invests", A, B) not in rels(ex)


def test_court_rules_on_a_defendant_named_by_surname():
    ex = run("北京市海淀区人民法院判决被告人张某某犯侵犯商业秘密罪。")
    assert ("rules", "北京市海淀区人民法院", "张某某") in rels(ex)


# -- legal names: business and place words inside them; unannounced short forms (X公司)

def test_legal_name_keeps_generic_business_words_inside():
    ex = run("北京知识产权法院对上海云栖天下技术有限公司与北京青禾创科网络技术有限公司纠纷案作出二审判决。")
    names = {e.name for e in ex.entities}
    assert "上海云栖天下技术有限公司" in names and "北京青禾创科网络技术有限公司" in names
    assert not any(n in names for n in ("技术有限公司", "北京青禾创科网络"))


def test_short_form_without_announcement_is_the_legal_name():
    text = ("北京青禾创科网络技术有限公司与上海云栖天下技术有限公司、上海云栖天下科技发展有限公司曾是合作伙伴。"
            "2015年，青禾公司以不正当竞争为由将云栖技术公司、云栖科技公司告上北京市海淀区人民法院。"
            "起诉方是该平台的运营主体青禾公司。")
    ex = run(text)
    r = rels(ex)
    assert ("sues", "北京青禾创科网络技术有限公司", "上海云栖天下技术有限公司") in r
    assert ("sues", "北京青禾创科网络技术有限公司", "上海云栖天下科技发展有限公司") in r
    names = {e.name for e in ex.entities}
    assert not any(n in names for n in ("青禾公司", "云栖技术公司", "运营主体青禾公司"))


# -- deals: called off; 向 marks the investee or the seller; a discovered name is every telling of it

def test_called_off_deal_is_negated():
    ex = run(f"2012年3月，双方曾达成协议，由{A}以669亿日元入股东陵电机约一成股权，但因东陵电机股价随后暴跌，这笔入股案最终告吹。")
    assert ("invests", A, "东陵电机") in rels(ex, negated=True)
    assert ("invests", A, "东陵电机") not in rels(ex)
    assert not any(e.name.startswith("因") or e.name.endswith("约") for e in ex.entities)
    ex = run(f"{A}收购{B}的计划最终搁浅。")
    assert ("acquires", A, B) not in rels(ex)


def test_xiang_marks_the_investee_and_the_seller():
    ex = run(f"{A}向{B}投资5亿元。")
    assert ("invests", A, B) in rels(ex)
    ex = run(f"2011年7月，{A}宣布以3亿美元向{B}收购绘图晶片厂Nova Graphics；")
    r = rels(ex)
    assert ("acquires", A, "Nova Graphics") in r and ("acquires", A, B) not in r


def test_name_discovered_once_is_found_everywhere():
    ex = run("2011年7月，青澜电宣布以3亿美元收购东陵电机。青澜电与苹果本月10日发布联合声明，宣布双方达成全球和解。")
    assert ("acquires", "青澜电", "东陵电机") in rels(ex)
    assert any(t == "cooperates" and {s, o} == {"青澜电", "苹果"} for t, s, o in rels(ex))


def test_forum_after_xiang_is_no_defendant():
    ex = run(f"2010年3月2日，{A}同时向美国国际贸易委员会（ITC）及美国德拉瓦州联邦地方法院控告{B}，指其侵害20项专利。")
    r = rels(ex)
    assert ("sues", A, B) in r and not any(t == "sues" and o == "美国国际贸易委员会" for t, s, o in r)
    assert ex.lawsuits and ex.lawsuits[0].defendants == [B]


# -- discovery: an amount, a date, a description or a glued function word is no name

def test_amount_after_claim_is_no_defendant():
    ex = run("星海科技索赔金额高达21亿元。")
    assert not any("21" in e.name for e in ex.entities)
    assert not [r for r in ex.relations if r.type == "sues"]


def test_year_before_buying_verb_is_no_buyer():
    ex = run("公司在2018年度收购青禾电子51%股权。")
    assert not any(e.name.startswith("2018") for e in ex.entities)


def test_function_word_glued_to_unknown_name_is_cut():
    ex = run("杭州金投拟受让青禾电子24.8%股权。")
    assert "杭州金投拟" not in {e.name for e in ex.entities}


def test_description_before_name_is_no_name():
    ex = run("待蓝鲸资本收购西安本土商业品牌青禾金花后，双方将联合发力。")
    assert "西安本土商业品牌" not in {e.name for e in ex.entities}


def test_remainder_of_stake_is_no_name():
    ex = run("赤峰资本出资3350万元收购了庆汇租赁剩余45%股权。")
    assert ("acquires", "赤峰资本", "庆汇租赁") in rels(ex)
    assert "剩余" not in {e.name for e in ex.entities}


# -- a suit's defendant marked inside the gapped verb (发起了对Y的诉讼, 对Y提出…的诉讼)

def test_defendant_inside_gapped_suit_verb():
    ex = run(f"{A}在中国和英国等地也发起了对{B}的诉讼。")
    assert ("sues", A, B) in rels(ex)


def test_ti_chu_suit_with_object_marker():
    ex = run(f"7月，{A}在美国对{B}提出禁售的诉讼。")
    assert ("sues", A, B) in rels(ex)


# -- a list member tied to the one before it (起诉A及母公司B, A及其法定代表人B)

def test_tied_list_member_is_a_defendant_too():
    ex = run("星海科技起诉蓝鲸网络及母公司赤峰资本。")
    assert {("sues", "星海科技", "蓝鲸网络"), ("sues", "星海科技", "赤峰资本"),
            ("owns", "赤峰资本", "蓝鲸网络")} <= rels(ex)
    assert ("owns", "赤峰资本", "星海科技") not in rels(ex)


def test_legal_representative_after_ji_qi_is_a_defendant():
    ex = run("星海科技起诉蓝鲸网络及其法定代表人张明华。")
    assert ("sues", "星海科技", "张明华") in rels(ex)


# -- leads: heading roles (社长, 会长, 董事会主席), 执掌, 担任Y的CEO (not 副总裁)

def test_shezhang_and_zhizhang_lead():
    ex = run("星海科技社长王明华与蓝鲸网络董事长张建国共同出席记者会。")
    assert ("leads", "王明华", "星海科技") in rels(ex)
    ex = run("对CEO王明华执掌的赤峰资本而言，这是一场硬仗。")
    assert ("leads", "王明华", "赤峰资本") in rels(ex)


def test_danren_needs_a_heading_role_after_the_organisation():
    ex = run("此前，董事王明华担任星海科技的CEO。")
    assert ("leads", "王明华", "星海科技") in rels(ex)
    ex = run("此前，董事王明华担任星海科技的副总裁。")
    assert not [r for r in ex.relations if r.type == "leads"]


# -- rivals listed after 对手是 or before 等竞品, names made of common words included

def test_rivals_listed_after_dui_shou_shi():
    ex = run("在这一领域，星海科技的主要竞争对手是万方数据和天天快报。")
    assert {("competes", "星海科技", "万方数据"), ("competes", "星海科技", "天天快报")} <= \
        {(t, *sorted((a, b), key=lambda n: n != "星海科技")) for t, a, b in rels(ex)}


def test_rivals_listed_before_deng_jing_pin_are_the_subjects():
    ex = run("星海科技还称，用同样方法搜索一点资讯、天天快报等竞品，并未出现类似提示。")
    pairs = {frozenset((a, b)) for t, a, b in rels(ex) if t == "competes"}
    assert frozenset(("星海科技", "一点资讯")) in pairs and frozenset(("星海科技", "天天快报")) in pairs
    assert frozenset(("一点资讯", "天天快报")) not in pairs


# -- owns: 同属, 隶属于, 归…所有 (object first); X是Y的国际版 stays the only noun-suffix reading

def test_tong_shu_and_li_shu_yu():
    ex = run("西瓜视频则与抖音同属星海科技。")
    assert {("owns", "星海科技", "西瓜视频"), ("owns", "星海科技", "抖音")} <= rels(ex)
    ex = run("蓝鲸网络隶属于赤峰资本。")
    assert ("owns", "赤峰资本", "蓝鲸网络") in rels(ex)


def test_gui_suo_you_owner_inside_the_verb():
    ex = run("“王老吉”商标归赤峰资本所有。")       # a known product: a bare quoted word is no name
    assert ("owns", "赤峰资本", "王老吉") in rels(ex)


# -- precision: 应诉 is no suing, a ruling's product is no party, 终止与X的合作 ends no product

def test_ying_su_is_no_suit():
    ex = run("当年10月10日，二审公开开庭，王明华以星海科技法定代表人的身份到庭应诉。")
    assert not [r for r in ex.relations if r.type == "sues"]


def test_product_named_in_a_ruling_is_no_party():
    ex = run("去年5月26日，北京市海淀区人民法院作出一审判决，认定星海科技未经许可在百度地图中使用蓝鲸网络的信息。")
    objs = {r.object for r in ex.relations if r.type == "rules"}
    assert "星海科技" in objs and "百度地图" not in objs


def test_ending_a_partnership_discontinues_nothing():
    ex = run("2014年，微博终止了与脉脉的合作，关闭了相关接口。")
    assert not [r for r in ex.relations if r.type == "discontinues"]


def test_four_character_name_after_a_role():
    ex = run("星海科技董事长郭明义与蓝鲸网络社长高桥兴三昨日共同出席记者会。")
    assert ("leads", "高桥兴三", "蓝鲸网络") in rels(ex)
    ex = run("星海科技董事长马化腾表示，将继续投资。")
    assert "马化腾" in {e.name for e in ex.entities}


def test_name_before_a_class_noun_is_no_argument():
    ex = run("这是星海科技首度对Android手机厂商提起专利诉讼。")
    assert not [r for r in ex.relations if r.type == "sues"]


# -- Traditional Chinese: Traditional aliases match the Simplified reading; Taiwanese fine words

def test_traditional_alias_and_fa_huan():
    ex = run("公平會今日宣布，對星海科技處以新台幣5億元罰鍰。")
    assert ("fines", "公平會", "星海科技") in rels(ex)


def test_kai_fa_and_zhong_fa():
    ex = run("欧盟委员会重罚星海科技43亿欧元。")
    assert ("fines", "欧盟委员会", "星海科技") in rels(ex)


def test_role_then_known_name_keeps_the_lexicon_entity():
    ex = run("時任蘋果執行長賈伯斯（Steve Jobs）在聲明中說，將採取行動。", date="2012-11-12")
    jobs = [e for e in ex.entities if e.type == "Person"]
    assert len(jobs) == 1 and jobs[0].qid


def test_conjunction_glued_to_unknown_name_is_split():
    ex = run("此前，星海科技称其使用商标是基于广药集团与鸿道集团之间的许可协议。")
    names = {e.name for e in ex.entities}
    assert "鸿道集团" in names and "广药集团与鸿道集团" not in names


def test_role_copula_name_and_both_organisations():
    ex = run("腾讯与京东的董事长都是王明华。")
    assert {("leads", "王明华", "腾讯"), ("leads", "王明华", "京东")} <= rels(ex)
    ex = run("星海科技与京东董事长张建国出席。")
    assert ("leads", "张建国", "星海科技") not in rels(ex)


def test_bare_amount_before_buying_verb_and_ze_subject():
    ex = run("青禾电子被蓝鲸资本3.38亿人民币收购。")
    assert ("acquires", "蓝鲸资本", "青禾电子") in rels(ex)
    ex = run("星海科技也是收购主力：蓝鲸网络被赤峰资本收购，联创节能则出资13亿收购了青禾电子。")
    assert ("acquires", "星海科技", "青禾电子") not in rels(ex)
    assert ("acquires", "蓝鲸网络", "青禾电子") not in rels(ex)


# -- selling: X将Y卖给Z (Z buys Y), the stake sold decides acquires or invests

def test_jiang_y_mai_gei_z():
    ex = run("星海科技将蓝鲸网络卖给了赤峰资本。")
    assert ("acquires", "赤峰资本", "蓝鲸网络") in rels(ex)
    assert ("acquires", "赤峰资本", "星海科技") not in rels(ex)


def test_minority_stake_sold_is_an_investment():
    ex = run("星海科技将所持蓝鲸网络20%股权转让给赤峰资本。")
    assert ("invests", "赤峰资本", "蓝鲸网络") in rels(ex)


def test_anonymised_name_after_sentencing_verb():
    ex = run("法院以犯诈骗罪判处郭某有期徒刑11年，同时责令郭某退赔被害人马某52万元。")
    people = {e.name for e in ex.entities if e.type == "Person"}
    assert "郭某" in people and not any(p.startswith("郭某") and p != "郭某" for p in people)


def test_lead_investor_then_investee_and_round():
    ex = run("赤峰资本领投了星海科技的B轮融资。")
    assert ("invests", "赤峰资本", "星海科技") in rels(ex)


def test_parallel_deals_in_a_list_are_not_one_list():
    ex = run("包括星海科技收购蓝鲸网络、赤峰资本收购青禾电子等在内，不少公司都在整合。")
    r = rels(ex)
    assert ("acquires", "星海科技", "蓝鲸网络") in r and ("acquires", "赤峰资本", "青禾电子") in r
    assert ("acquires", "蓝鲸网络", "青禾电子") not in r and ("acquires", "星海科技", "赤峰资本") not in r


# -- models: a company's Latin-named model after a device noun (宏达电新款旗舰机HTC One X与EVO 4G LTE)

def test_models_after_a_device_noun_are_the_companys_products():
    ex = run("今年5月，星海科技新款旗舰机Nova One X与EVO 4G LTE在海关遭到扣留审查。")
    assert {("owns", "星海科技", "Nova One X"), ("owns", "星海科技", "EVO 4G LTE")} <= rels(ex)


def test_model_series_after_a_company():
    ex = run("但随着三星Galaxy系列崛起，星海科技的市占率快速流失。")
    assert ("owns", "三星", "Galaxy") in rels(ex)
    ex = run("腾讯的AI助手很好用。")
    assert not [e for e in ex.entities if e.type == "Product"]


def test_product_subject_of_a_closing_verb_with_an_object_is_not_closed():
    ex = run("2014年，微博终止了与脉脉的合作，关闭了相关接口。")
    assert not [r for r in ex.relations if r.type == "discontinues"]
    ex = run("2020年，腾讯关闭了微信支付。")
    assert ("discontinues", "腾讯", "微信支付") in rels(ex)


def test_blocked_in_the_agents_place():
    ex = run("蓝鲸网络的链接在星海科技旗下平台被屏蔽。")
    assert ("blocks", "星海科技", "蓝鲸网络") in rels(ex)
    assert not [r for r in ex.relations if r.type == "owns"]


def test_accusation_content_is_no_second_accusation():
    ex = run("星海科技指责蓝鲸网络抄袭其产品。")
    assert rels(ex) == {("accuses", "星海科技", "蓝鲸网络")}


def test_two_products_both_under_one_owner():
    ex = run("好看视频和百度视频都是百度旗下的视频聚合平台。")
    assert {("owns", "百度", "好看视频"), ("owns", "百度", "百度视频")} <= rels(ex)


def test_breaking_a_law_does_not_negate_a_fine():
    ex = run("公平會認定星海科技違反公平交易法，開罰234億元。")
    assert ("fines", "公平會", "星海科技") in rels(ex)
    ex = run("星海科技撕毁了与蓝鲸网络的合作协议。")
    assert ("cooperates", "星海科技", "蓝鲸网络") in rels(ex, negated=True)


def test_taiwanese_network_ending():
    ex = run("藍鯨網路被星海科技告上法院，求償新台幣5億元。")
    assert ("sues", "星海科技", "藍鯨網路") in rels(ex)


# -- topic chains: a subject-less clause goes on with the sentence's subject; 其 is the other party

def test_counterclaim_in_reported_speech_topic_chain():
    ex = run("蓝鲸网络回应称，星海科技的指控毫无根据，并表示将对其提起反诉。")
    # read the right way round, and announced (将…提起反诉), not filed: held back as irrealis
    held = {(r.type, r.subject, r.object, r.status) for r in ex.relations if r.negated}
    assert ("sues", "蓝鲸网络", "星海科技", "irrealis") in held
    assert not [r for r in ex.relations if r.type == "sues" and r.subject == "星海科技"]
    assert not [r for r in ex.relations if r.type == "sues" and not r.negated]


# -- places: 在美国起诉, 在微博上怒斥 — a place is no party

def test_place_before_a_suit_verb_is_no_plaintiff():
    ex = run("星海科技与蓝鲸网络之间的专利战始于2015年，当时前者在美国起诉了后者。")
    assert ("sues", "星海科技", "蓝鲸网络") in rels(ex)
    assert "美国" not in {e.name for e in ex.entities}


def test_platform_as_place_and_scolding_as_accusation():
    ex = run("蓝鲸网络CEO张建国在微博上怒斥星海科技恶意竞争。")
    assert ("accuses", "张建国", "星海科技") in rels(ex)
    assert not [r for r in ex.relations if r.type == "competes"]


def test_unknown_place_after_zai_is_no_party():
    ex = run("今年8月24日，美国加州北区联邦地方法院的陪审团在圣荷西裁定三星侵害苹果专利。")
    assert "圣荷西" not in {e.name for e in ex.entities}


def test_announced_short_form_is_no_second_argument():
    ex = run("深圳市星海科技有限公司（下称星海）以拖欠广告费为由，将蓝鲸网络科技有限公司（下称蓝鲸）诉至深圳市南山区人民法院。")
    sues = [r for r in ex.relations if r.type == "sues"]
    assert len(sues) == 1 and ex.lawsuits and ex.lawsuits[0].cause == "contract"


def test_preposition_is_no_part_of_a_transliteration():
    ex = run("易成新能以发行股份的方式收购青禾电子100%股权。")
    assert not any("以发行" in e.name for e in ex.entities)


def test_hong_kong_and_taiwan_deal_and_suit_words():
    ex = run("星海科技入稟香港高等法院，狀告藍鯨網路侵權。")
    assert ("sues", "星海科技", "藍鯨網路") in rels(ex)
    ex = run("星海科技與藍鯨網路宣布策略聯盟。")
    assert ("cooperates", "星海科技", "藍鯨網路") in rels(ex)


# -- negation scope: two negations cancel; 起诉方 is a noun

def test_double_negation_and_qi_su_fang():
    ex = run("星海科技没有放弃收购蓝鲸网络。")
    assert ("acquires", "星海科技", "蓝鲸网络") in rels(ex)
    ex = run("值得一提的是，赤峰资本本身并不是这起案件的原告，起诉方是微博的运营主体微梦公司。")
    assert not [r for r in ex.relations if r.type == "sues"]
    assert "运营主体微梦公司" not in {e.name for e in ex.entities}


def test_head_announcing_a_suit_speaks_for_the_company():
    ex = run("此前从未公开露面的星海科技CEO张建国宣布起诉蓝鲸网络。")
    assert ("sues", "星海科技", "蓝鲸网络") in rels(ex) and ("sues", "张建国", "蓝鲸网络") not in rels(ex)
    ex = run("张建国起诉蓝鲸网络。")
    assert ("sues", "张建国", "蓝鲸网络") in rels(ex)


def test_weak_ending_inside_a_longer_word_is_no_second_ending():
    ex = run("星海科技收购蓝鲸网络部分股权。")
    assert ("acquires", "星海科技", "蓝鲸网络") in rels(ex)
    assert not [e for e in ex.entities if e.type == "Regulator"]


def test_person_before_copula_heads_the_organisation():
    ex = run("王明华是星海科技的创始人。")
    assert ("leads", "王明华", "星海科技") in rels(ex)
    ex = run("李建国为蓝鲸网络董事长。")
    assert ("leads", "李建国", "蓝鲸网络") in rels(ex)
    ex = run("原因是星海科技的董事长换人。")
    assert not [e for e in ex.entities if e.type == "Person"]


def test_blocking_platform_as_place_and_source_after_cong():
    ex = run("抖音的链接在微信中无法打开。")
    assert ("blocks", "微信", "抖音") in rels(ex)
    ex = run("星海科技旗下应用被苹果从App Store下架。")
    assert ("blocks", "苹果", "星海科技") in rels(ex)
    assert not [r for r in ex.relations if r.type == "blocks" and r.object == "App Store"]


def test_passive_sale_and_ru_zhu():
    ex = run("蓝鲸网络被星海科技以10亿美元的价格出售给赤峰资本。")
    assert ("acquires", "赤峰资本", "蓝鲸网络") in rels(ex)
    assert ("acquires", "蓝鲸网络", "星海科技") not in rels(ex)
    ex = run("赤峰资本入主蓝鲸网络。")
    assert ("acquires", "赤峰资本", "蓝鲸网络") in rels(ex)


def test_claim_clause_of_a_told_suit_is_no_second_suit():
    ex = run("2021年3月，星海科技向北京知识产权法院起诉蓝鲸网络侵犯其专利权，索赔5000万元。")
    assert rels(ex) == {("sues", "星海科技", "蓝鲸网络")}
    assert len(ex.lawsuits) == 1 and ex.lawsuits[0].claim_cny == 5e7


# -- parties listed after their role (原告为A，被告为B、C及D) or before a count (对A、B两名被告)

def test_parties_listed_after_their_roles():
    ex = run("原告为西部信托，被告为海发医药、协和医院、谢文海及薛钰，涉诉金额为人民币4.74亿元。")
    r = rels(ex)
    assert {("sues", "西部信托", "海发医药"), ("sues", "西部信托", "协和医院"),
            ("sues", "西部信托", "谢文海"), ("sues", "西部信托", "薛钰")} <= r


def test_defendants_listed_before_their_count():
    ex = run("赤峰资本作为原告，对当代资管、王春芳、当代投资三名被告提起了诉讼。")
    r = rels(ex)
    assert {("sues", "赤峰资本", "当代资管"), ("sues", "赤峰资本", "王春芳"), ("sues", "赤峰资本", "当代投资")} <= r
    assert not [x for x in r if x[0] == "invests"]


def test_roles_written_after_the_names():
    ex = run("在这起诉讼中，星海科技是原告，蓝鲸网络是被告。")
    assert ("sues", "星海科技", "蓝鲸网络") in rels(ex)
    ex = run("星海科技不是原告，蓝鲸网络是被告。")
    assert ("sues", "星海科技", "蓝鲸网络") not in rels(ex)


def test_common_word_name_filling_the_clause_before_a_buying_verb():
    ex = run("其中彩生活以3亿元并购开元国际100%股权。")
    assert ("acquires", "彩生活", "开元国际") in rels(ex)
    ex = run("市场普遍预期收购将在年底完成。")
    assert not ex.entities


def test_dated_subjectless_clause_continues_the_chain():
    ex = run("星海科技则在2013年8月以1.6亿美元收购蓝鲸网络约59%的股份，次年1月将其全资收入囊中。")
    assert ("acquires", "星海科技", "蓝鲸网络", "2014-01") in dated(ex)
    ex = run("星海科技将蓝鲸网络纳入麾下。")
    assert ("acquires", "星海科技", "蓝鲸网络") in rels(ex)


def test_product_named_before_shi_company_launched():
    ex = run("百度知道是百度2005年上线的问答社区。")
    assert ("launches", "百度", "百度知道", "2005") in dated(ex)
    ex = run("原因是百度推出的新功能。")
    assert [e.name for e in ex.entities] == ["百度"]


def test_statement_is_no_launch_and_topic_frame_is_no_party():
    ex = run("1月29日，今日头条发布声明称将起诉百度。")
    assert not [r for r in ex.relations if r.type == "launches"]
    ex = run("星海科技与蓝鲸网络缠斗三年。对星海科技而言，和解只是第一步。")
    assert not [r for r in ex.relations if r.type == "cooperates"]


def test_quoted_common_words_are_no_names():
    ex = run("随着百度地图与美团在“到店”“到店外卖”入口上继续争夺，数据之争不会是最后一次。")
    assert "到店" not in {e.name for e in ex.entities}


def test_unit_under_qi_xia_is_what_is_bought():
    ex = run("赤峰资本斥资收购星海科技旗下香港上市公司蓝鲸网络股份。")
    assert ("acquires", "赤峰资本", "蓝鲸网络股份") in rels(ex)
    assert ("acquires", "赤峰资本", "星海科技") not in rels(ex)
    ex = run("同年，王明华以个人名义入股星海科技旗下的堺市十代面板厂。")
    assert not [r for r in ex.relations if r.type == "invests"]


def test_relative_clause_name_is_not_the_next_clause_subject():
    ex = run("同年9月，星海科技又取得Google转让的9项专利，随即在德拉瓦州联邦地方法院对苹果提告。")
    assert ("sues", "星海科技", "苹果") in rels(ex)
    assert ("sues", "谷歌", "苹果") not in rels(ex)


def test_announcer_of_a_ruling_is_no_party():
    ex = run("星海科技股份有限公司（星海科技）27日晚间公告称，控股股东赤峰资本已收到广东省高级人民法院作出的一审民事判决书，判令蓝鲸网络赔偿14亿元。")
    objs = {r.object for r in ex.relations if r.type == "rules"}
    assert {"赤峰资本", "蓝鲸网络"} <= objs and not any(o.startswith("星海科技") for o in objs)


def test_common_words_before_gong_si_in_the_object_slot():
    ex = run("计算机行业大变革，IBM收购红帽公司")
    assert ("acquires", "IBM", "红帽公司") in rels(ex)
    ex = run("星海科技收购了母公司。")
    assert [e.name for e in ex.entities] == ["星海科技"]


def test_victim_is_no_party_and_fan_ends_a_name():
    ex = run("7月29日，记者从北京石景山法院获悉，法院以犯诈骗罪判处郭某有期徒刑11年，同时责令郭某退赔被害人马某52万元。")
    objs = {r.object for r in ex.relations if r.type == "rules"}
    assert "郭某" in objs and "马某" not in objs
    ex = run("被告赵某犯非法猎捕罪被依法当庭判处有期徒刑1年，小陇山林区法院当庭宣判。")
    assert "赵某犯" not in {e.name for e in ex.entities}


def test_second_deal_clause_goes_on_with_the_buyer():
    ex = run("2017年10月，星海科技以3.85亿元收购北京可儿教育科技有限公司70%股权，11月以1.06亿元收购内蒙古鼎奇幼教科教有限公司70%股权。")
    r = rels(ex)
    assert ("acquires", "星海科技", "内蒙古鼎奇幼教科教有限公司") in r
    assert ("acquires", "北京可儿教育科技有限公司", "内蒙古鼎奇幼教科教有限公司") not in r
    ex = run("溢价收购SQM24%的股权显示了星海科技的决心。")
    assert "溢价" not in {e.name for e in ex.entities}


def test_gong_si_in_an_announcement_is_the_announcer():
    ex = run("2012年9月4日，星海集团旗下上市公司蓝鲸网络(601877.SH)发布公告称，公司拟收购关联公司青禾电子有限公司22.5%的股份。")
    r = rels(ex)
    assert ("acquires", "蓝鲸网络", "青禾电子有限公司") in r and ("acquires", "星海集团", "青禾电子有限公司") not in r
    assert "关联" not in {e.name for e in ex.entities}


def test_taiwan_prosecutors_regulators_and_laws():
    ex = run("台北地檢署依違反營業秘密法起訴藍鯨科技。")
    assert ("sues", "台北地檢署", "藍鯨科技") in rels(ex)
    assert not any(e.name.endswith("法") for e in ex.entities)
    ex = run("金管會今日宣布，對星海銀行處以罰鍰1200萬元。")
    assert ("fines", "金管會", "星海銀行") in rels(ex)


def test_vetoed_deal_is_blocked_and_negated():
    ex = run("经济部投审会叫停星海科技对蓝鲸网络的收购。")
    assert ("blocks", "经济部投资审议委员会", "星海科技") in rels(ex)
    assert ("acquires", "星海科技", "蓝鲸网络") in rels(ex, negated=True)


def test_rivalry_words_and_apposition():
    for t in ("星海科技与蓝鲸网络在短视频领域展开角逐。", "星海科技推出新产品对标蓝鲸网络。",
              "作为星海科技的竞争对手，蓝鲸网络也在加速布局。"):
        pairs = {frozenset((a, b)) for k, a, b in rels(run(t)) if k == "competes"}
        assert frozenset(("星海科技", "蓝鲸网络")) in pairs, t


def test_launch_and_closing_of_a_described_quoted_product():
    ex = run("星海科技于2019年推出短视频应用“青禾”。")
    assert ("launches", "星海科技", "青禾", "2019") in dated(ex)
    ex = run("星海科技宣布关停旗下社交应用“青禾”。")
    assert ("discontinues", "星海科技", "青禾") in rels(ex)
    ex = run("“TOP1”是百度2017年初推出的“搜索结果首条直接满足”产品。")
    assert ("launches", "百度", "TOP1") in rels(ex)
    assert "搜索结果首条直接满足" not in {e.name for e in ex.entities}


def test_investee_between_round_verb_and_amount():
    ex = run("京东领投新潮传媒10亿融资，双方拟在梯媒领域合作。")
    assert ("invests", "京东", "新潮传媒") in rels(ex)
    ex = run("大众点评的索赔额高达9000万元，百度则表示将提起上诉。")
    assert not [r for r in ex.relations if r.type == "sues"]


def test_investors_listed_after_their_role():
    ex = run("星海科技近日完成B轮融资，投资方包括赤峰资本、蓝鲸资本和青禾创投。")
    assert rels(ex) == {("invests", "赤峰资本", "星海科技"), ("invests", "蓝鲸资本", "星海科技"),
                        ("invests", "青禾创投", "星海科技")}


def test_speaker_name_before_a_speech_verb_is_a_person():
    ex = run("王明华透露，星海科技计划明年上市。")
    assert ("王明华", "Person") in {(e.name, e.type) for e in ex.entities}
    for t in ("公司表示将继续努力。", "记者称此事属实。", "双方表示满意。"):
        assert not [e for e in run(t).entities if e.type == "Person"], t


def test_rivals_take_the_kind_of_what_they_rival():
    ex = run("今日头条还称，用同样方法搜索一点资讯、天天快报等竞品，并未出现类似提示。")
    assert {e.name: e.type for e in ex.entities}["天天快报"] == "Product"


def test_channel_a_company_speaks_through_is_no_party():
    ex = run("6月10日，星海科技通过官方微博发布举报信，称已向国家市场监督管理总局实名举报蓝鲸网络有限公司生产不合格产品。")
    r = rels(ex)
    assert ("accuses", "星海科技", "蓝鲸网络有限公司") in r
    assert not [x for x in r if "微博" in x]


def test_name_after_a_speech_verb_does_not_carry_the_clause_chain():
    ex = run("星海科技当天发表声明，称蓝鲸网络此举是恶意竞争，并指责蓝鲸网络借举报打压对手。")
    assert ("accuses", "星海科技", "蓝鲸网络") in rels(ex)


def test_person_heading_in_a_relative_clause():
    ex = run("星海科技隶属于王明华担任董事长的蓝鲸集团。")
    assert ("王明华", "Person") in {(e.name, e.type) for e in ex.entities}
    assert ("leads", "王明华", "蓝鲸集团") in rels(ex)
    assert ("owns", "蓝鲸集团", "星海科技") in rels(ex)
    assert not [e for e in run("公司高管担任董事长的做法引发争议。").entities if e.type == "Person"]


def test_common_word_alias_is_a_name_only_where_framed_as_one():
    # 美的 is marked ~ in entities.tsv: a name in a list of companies, an adjective elsewhere
    ex = run("奥克斯与格力、美的在线上市场展开激烈竞争。")
    assert "美的集团" in {e.name for e in ex.entities}
    assert not [e for e in run("这是很美的产品，星海科技称。").entities if e.name == "美的集团"]


def test_common_word_alias_needs_support_in_the_text():
    # 起点 and 荣耀 (~ in entities.tsv) are ordinary words: a name only where the text supports one —
    # a model number, a word of products near it, an act right after it, or another telling that is
    names = lambda t: {e.name for e in run(t).entities}
    assert "起点中文网" not in names("星海科技表示，希望以此次签约为起点，进一步扩大合作。")
    assert "荣耀终端" not in names("对球员来说，能为国出战是难得的荣耀。")
    assert "荣耀终端" in names("荣耀20价格跌到2000多元。")
    assert "荣耀终端" in names("今天，荣耀正式在国内发布了荣耀20系列。")
    assert "起点中文网" in names("星海科技宣布收购起点中文网。这让起点的作者们很担忧。")


def test_bare_head_of_a_company_written_with_its_trade_word():
    ex = run("蓝鲸网络发表声明称此事属实。蓝鲸指责星海科技此举不顾商业道德。星海科技还指控蓝鲸利用平台地位逼迫商家。")
    r = rels(ex)
    assert ("accuses", "蓝鲸网络", "星海科技") in r
    assert ("accuses", "星海科技", "蓝鲸网络") in r
    assert "蓝鲸" not in {e.name for e in ex.entities}


def test_cutting_off_an_interface_blocks_the_name_inside_it():
    assert ("blocks", "星海科技", "蓝鲸网络") in rels(run("星海科技单方面切断了蓝鲸网络的信息接口。"))
    r = rels(run("星海科技突然关闭了蓝鲸网络的物流数据接口。"))
    assert ("blocks", "星海科技", "蓝鲸网络") in r
    assert not [x for x in r if x[0] == "discontinues"]


def test_shareholder_after_a_copula_owns():
    for t in ("蓝鲸网络是青禾科技的控股股东。", "蓝鲸网络是青禾科技的最大股东。",
              "青禾科技由蓝鲸网络投资设立，蓝鲸网络是其最大股东。"):
        r = rels(run(t))
        assert ("owns", "蓝鲸网络", "青禾科技") in r, t
        assert ("owns", "青禾科技", "蓝鲸网络") not in r, t


def test_pair_agreeing_to_a_partnership_further_on():
    assert ("cooperates", "星海科技", "蓝鲸网络") in rels(run("星海科技与蓝鲸网络已同意从当天12时起全面恢复业务合作。"))


def test_bracketed_day_after_yesterday_or_today():
    got = {(d.text, d.value) for d in find_dates("鸿海昨（1）日宣布，夏普今（2）日表示，前(30)日", "2016-08-02")}
    assert ("昨（1）日", "2016-08-01") in got and ("今（2）日", "2016-08-02") in got and ("前(30)日", "2016-07-30") in got
    assert ("acquires", "星海科技", "蓝鲸网络", "2016-08-01") in dated(
        run("星海科技昨（1）日宣布，将收购蓝鲸网络的全部资产。", date="2016-08-02"))


def test_merger_of_a_pair_restates_the_purchase_told_before():
    r = rels(run("星海科技宣布，将收购蓝鲸网络的全部资产，双方在中国大陆的业务合并。"))
    assert ("acquires", "星海科技", "蓝鲸网络") in r
    assert ("acquires", "蓝鲸网络", "星海科技") not in r


def test_invest_verb_before_an_amount_is_no_name_ending():
    ex = run("星海科技还将向蓝鲸全球投资10亿美元。")
    assert not [e for e in ex.entities if e.name.endswith("投资")]


def test_spokesman_name_before_a_time_word():
    ex = run("商务部新闻发言人沈丹阳今日表示，商务部尚未收到申报。")
    assert ("沈丹阳", "Person") in {(e.name, e.type) for e in ex.entities}


def test_trigger_inside_a_known_name_opens_no_argument_slot():
    ex = run("去年7月，星海科技前员工李建国在机场被美国联邦调查局逮捕。")
    names = {e.name for e in ex.entities}
    assert "美国联邦调查局" in names and "美国联邦" not in names
    assert ("李建国", "Person") in {(e.name, e.type) for e in ex.entities}


def test_unnamed_product_of_a_company_ties_no_owner():
    r = rels(run("星海科技的自动驾驶技术与蓝鲸网络的产品高度相似。"))
    assert not [x for x in r if x[0] == "owns"]


def test_role_word_before_a_copula_is_no_person():
    ex = run("星海科技成立于2014年，董事长是王明华。")
    assert "董事长" not in {e.name for e in ex.entities}


def test_place_and_trade_description_before_a_known_company_is_no_company():
    ex = run("美国电动汽车公司特斯拉近日对其前工程师曹光植提起诉讼。")
    names = {e.name for e in ex.entities}
    assert "美国电动汽车公司" not in names and "曹光植" in names and "曹光植提" not in names
    assert ("sues", "特斯拉", "曹光植", "2021-11") in dated(ex)


def test_lately_is_dated_to_the_month_of_publication():
    got = {(d.text, d.value) for d in find_dates("日前，星海科技近日表示，3月1日前完成", "2019-03-22")}
    assert ("日前", "2019-03") in got and ("近日", "2019-03") in got
    assert not [v for t, v in got if t == "日前" and v != "2019-03"]


def test_latin_model_name_after_a_launch_verb_and_category_noun():
    assert ("launches", "星海科技", "Mate 20") in rels(run("星海科技发布新款手机Mate 20，售价4999元。"))
    assert ("launches", "蓝鲸网络", "G3") in rels(run("去年12月，蓝鲸网络推出首款量产车型G3。"))


def test_group_rivalry_as_a_noun_after_de():
    r = rels(run("星海科技与蓝鲸网络、赤峰资本等中国造车新势力在国内市场的竞争日趋激烈。"))
    assert ("competes", "星海科技", "蓝鲸网络") in r and ("competes", "星海科技", "赤峰资本") in r


def test_pair_owning_another_noun_is_no_rivalry_of_its_own():
    r = rels(run("分析人士认为，星海科技与蓝鲸网络的纠纷折射出电商平台之间日益激烈的竞争。"))
    assert not [x for x in r if x[0] == "competes"]


def test_common_word_alias_before_an_adverb():
    assert ("competes", "星海科技", "美的集团") in rels(run("星海科技在国内市场与美的长期竞争。"))


def test_rivalry_noun_in_a_later_clause_does_not_pair_a_suit_s_parties():
    r = rels(run("星海科技起诉蓝鲸网络滥用市场支配地位，“二选一”之争闹上法庭。"))
    assert ("sues", "星海科技", "蓝鲸网络") in r
    assert not [x for x in r if x[0] == "competes"]


def test_major_shareholder_of_a_list_after_a_copula_invests_in_each():
    r = rels(run("值得注意的是，赤峰资本同时是星海科技和蓝鲸网络的重要股东。"))
    assert ("invests", "赤峰资本", "星海科技") in r and ("invests", "赤峰资本", "蓝鲸网络") in r
    assert not [x for x in r if x[0] == "owns"]


def test_city_transport_commission_is_a_regulator():
    ex = run("上海市交通委约谈了星海科技和蓝鲸网络两家平台的负责人。")
    assert ("上海市交通委", "Regulator") in {(e.name, e.type) for e in ex.entities}
    assert ("fines", "上海市交通委", "星海科技") in rels(ex)


def test_quoted_brand_name_even_when_a_known_name_opens_it():
    ex = run("星海乳业“未来星”品牌经理李建国与赤峰资本合谋，攻击蓝鲸网络旗下的“QQ星”儿童奶。"
             "网上出现指责蓝鲸网络QQ星儿童奶的帖子。")
    names = {e.name: e.type for e in ex.entities}
    assert names.get("QQ星") == "Product" and names.get("未来星") == "Product" and "QQ" not in names
    assert ("owns", "蓝鲸网络", "QQ星") in rels(ex)
    assert "搜索结果首条直接满足" not in {e.name for e in run("“TOP1”是百度2017年初推出的“搜索结果首条直接满足”产品。").entities}


def test_subject_less_clause_about_the_pair_opening_the_sentence():
    r = rels(run("星海科技与蓝鲸网络同为北京的互联网企业，长期在搜索市场激烈竞争。"))
    assert ("competes", "星海科技", "蓝鲸网络") in r


def test_respectively_with_both_parties_pairs_nothing():
    r = rels(run("星海科技与蓝鲸网络近年竞争激烈。“青禾”与“赤峰”分别是双方推出的品牌。"))
    assert not [x for x in r if x[0] in ("launches", "owns")]


def test_shares_bought_on_the_market_are_an_investment():
    r = rels(run("星海科技通过二级市场持续买入蓝鲸网络股票。"))
    assert ("invests", "星海科技", "蓝鲸网络") in r and ("acquires", "星海科技", "蓝鲸网络") not in r


def test_seller_to_z_makes_z_the_buyer():
    # 向Z出售Y: Z buys Y; the stake written after Y decides acquires or invests
    r = rels(run("1月12日，华润与深圳地铁集团签署协议，向深圳地铁集团出售其所持万科15.31%的股份。"))
    assert ("invests", "深圳地铁集团", "万科") in r
    assert not [x for x in r if x[0] in ("acquires", "invests") and x[1] == "华润集团"]


def test_chairman_name_before_de_and_recommended_successor():
    ex = run("2017年2月24日，保监会撤销宝能集团董事长姚振华的任职资格。王石推荐郁亮接任。")
    people = {e.name for e in ex.entities if e.type == "Person"}
    assert {"姚振华", "郁亮"} <= people
    assert ("保监会" in {e.name for e in ex.entities} or
            ("中国保险监督管理委员会", "Regulator") in {(e.name, e.type) for e in ex.entities})


def test_trade_word_before_market_is_no_company():
    assert "中国资本" not in {e.name for e in run("这是中国资本市场上最受关注的控制权争夺。").entities}


def test_name_found_by_its_ending_is_that_name_where_it_is_written_again():
    from kg.extract.discover_context import repeat_mentions
    from kg.extract.mentions import Mention
    from kg.lexicon import load_lexicon
    t = "华润与深圳地铁集团签署协议，向深圳地铁集团出售其所持万科的股份。"
    first = Mention(3, 9, "深圳地铁集团", "Company", "深圳地铁集团", "pattern")
    got = repeat_mentions(t, load_lexicon(), [first], [first], long_names=True)
    assert [(m.start, m.name) for m in got] == [(t.index("深圳地铁集团", 9), "深圳地铁集团")]


def test_lianhe_joins_the_acting_group():
    for verb, rel in (("对抗", "competes"), ("收购", "acquires")):
        r = rels(run(f"星海科技联合蓝鲸网络{verb}赤峰资本。"))
        assert (rel, "星海科技", "赤峰资本") in r and (rel, "蓝鲸网络", "赤峰资本") in r, verb
        assert not [x for x in r if "联合蓝鲸网络" in x]
    r = rels(run("这一合作被普遍认为是美的联合小米对抗格力的举措。"))
    assert ("competes", "美的集团", "格力电器") in r


def test_both_parties_are_the_two_companies_of_the_sentence():
    r = rels(run("星海科技与赤峰资本竞争多年。2014年12月，蓝鲸网络宣布引入星海科技作为战略投资者，"
                 "星海科技入股蓝鲸网络，双方在智能家居领域展开合作。"))
    assert ("cooperates", "星海科技", "蓝鲸网络") in r or ("cooperates", "蓝鲸网络", "星海科技") in r
    assert ("cooperates", "星海科技", "赤峰资本") not in r and ("cooperates", "赤峰资本", "星海科技") not in r


def test_company_phone_is_its_product():
    assert ("launches", "星海科技", "星海科技手机") in rels(run("2015年6月，星海科技推出星海科技手机。")) or \
        ("launches", "格力电器", "格力手机") in rels(run("2015年6月，格力推出格力手机。"))


def test_ruling_does_not_reach_the_platform_something_happened_on():
    r = rels(run("11月13日，广州知识产权法院对星海科技诉蓝鲸网络著作权纠纷一案作出一审判决，"
                 "认定蓝鲸网络未经许可在其YY游戏直播平台上直播游戏构成侵权。"))
    assert ("rules", "广州知识产权法院", "蓝鲸网络") in r
    assert not [x for x in r if x[0] == "rules" and x[2] not in ("蓝鲸网络", "星海科技")]


def test_operates_is_ownership():
    assert ("owns", "蓝鲸网络", "YY直播") in rels(run("蓝鲸网络运营着国内最早的游戏直播平台之一YY直播。"))


def test_relative_clause_after_a_copula_names_the_patient_first():
    r = rels(run("蓝鲸网络是星海科技投资设立的公司。"))
    assert ("invests", "星海科技", "蓝鲸网络") in r and ("invests", "蓝鲸网络", "星海科技") not in r
    assert "星海科技投资" not in {e.name for e in run("蓝鲸网络则是星海科技投资设立的公司。").entities}


def test_suit_named_as_a_case_keeps_its_filing_date():
    ex = run("2003年1月23日，星海科技起诉蓝鲸网络侵犯其专利。"
             "2004年7月28日，星海科技与蓝鲸网络宣布，双方已就星海科技起诉蓝鲸网络侵犯知识产权一案达成和解。")
    sues = {r.date for r in ex.relations if r.type == "sues"}
    assert sues == {"2003-01-23"}
    assert [l.date for l in ex.lawsuits] == ["2003-01-23"]


def test_latin_name_after_a_kind_of_company_noun_and_joint_venture():
    # (a known name opening the joint venture's name: 华为3Com is not 华为)
    ex = run("2003年3月，华为与美国网络设备商3Com宣布成立合资公司华为3Com，共同开发数据通信产品。")
    names = {e.name: e.type for e in ex.entities}
    assert names.get("3Com") == "Company" and names.get("华为3Com") == "Company"
    r = rels(ex)
    assert ("invests", "华为", "华为3Com") in r and ("invests", "3Com", "华为3Com") in r


def test_latin_app_names_after_app_nouns_and_in_lists():
    ex = run("同月，赤峰资本宣布向星海科技出售其新闻聚合平台News Republic；星海科技还向赤峰资本旗下的直播应用Live.me投资5000万美元。"
             "合并后的TikTok成为与Snapchat、Instagram正面竞争的全球性短视频平台。")
    names = {e.name: e.type for e in ex.entities}
    assert names.get("News Republic") == "Product" and names.get("Live.me") == "Product"
    assert names.get("Snapchat") == "Product"
    r = rels(ex)
    assert ("invests", "星海科技", "Live.me") in r and ("invests", "星海科技", "赤峰资本") not in r


def test_units_listed_after_qixia_for_a_merger_are_not_all_owned():
    r = rels(run("星海科技宣布，旗下应用TikTok与Musical.ly正式合并。"))
    assert ("owns", "星海科技", "TikTok") in r and ("owns", "星海科技", "musical.ly") not in r


def test_rival_named_through_its_owner_is_the_unit():
    r = rels(run("此次合并后，星海科技将在海外市场与Facebook旗下的Instagram展开更直接的较量。"))
    assert ("competes", "Facebook", "Instagram") not in r and ("competes", "Instagram", "Facebook") not in r
    assert ("competes", "星海科技", "Instagram") in r or ("competes", "Instagram", "星海科技") in r


# -- one lawsuit per case: a pair's second suit, parallel suits in two courts, one case retold

def _suits(ex):
    return sorted((ls.plaintiffs[0], ls.defendants[0], ls.date, ls.court) for ls in ex.lawsuits)


def test_a_pairs_suits_in_different_years_are_two_cases():
    ex = run(f"2011年11月，{A}起诉{B}不正当竞争。\n\n2013年4月，{A}又在上海市高级人民法院起诉{B}滥用市场支配地位。")
    assert _suits(ex) == [(A, B, "2011-11", None), (A, B, "2013-04", "上海市高级人民法院")]


def test_suits_filed_in_two_courts_at_once_are_two_cases():
    ex = run(f"2016年5月25日，{A}在北京知识产权法院和上海市高级人民法院同时对{B}提起诉讼。")
    assert _suits(ex) == [(A, B, "2016-05-25", "上海市高级人民法院"), (A, B, "2016-05-25", "北京知识产权法院")]
    # two courts without 同时/分别: the first is the court, one case
    ex = run(f"2016年5月25日，{A}在北京知识产权法院起诉{B}，上海市高级人民法院此前已驳回其另一请求。")
    assert len(ex.lawsuits) <= 1


def test_one_case_retold_at_finer_date_stays_one():
    ex = run(f"2019年，{A}起诉{B}侵犯著作权。\n\n据悉，{A}于2019年3月8日在北京市海淀区人民法院起诉{B}。")
    assert len(ex.lawsuits) == 1 and ex.lawsuits[0].court == "北京市海淀区人民法院"


def test_a_registered_name_is_its_brand_plus_trade_words():
    from kg.extract import _trade_stem
    from kg.lexicon import load_lexicon
    trade = load_lexicon().words("trade_word")
    assert _trade_stem("深圳星澜科技有限公司", trade) == "深圳星澜"
    assert _trade_stem("北京星澜网络技术有限公司", trade) == "北京星澜"
    # a unit of its own (终端), a bank, or no trade word: not the brand
    assert _trade_stem("星澜终端有限公司", trade) is None
    assert _trade_stem("星澜银行股份有限公司", trade) is None
    assert _trade_stem("星澜有限公司", trade) is None


def test_traditional_word_readings():
    # 著 reads 着 (隨著, 意味著) but keeps 著 in its own words (著作權, 顯著, and the Simplified 显著);
    # every reading keeps the length, so offsets hold
    from kg import nlp
    for trad, simp in [("隨著併購完成", "随着并购完成"), ("侵害著作權", "侵害著作权"), ("顯著成長", "显著成长"),
                       ("显著提升", "显著提升"), ("藉由增資", "借由增资"), ("經濟復甦", "经济复苏")]:
        assert nlp.to_simplified(trad) == simp
        assert len(nlp.to_simplified(trad)) == len(trad)


def test_traditional_reads_like_simplified():
    # the same report in either script gives the same facts: the naming of a company written in
    # full once and short twice (洲明科技 … 洲明 … 洲明) follows the key, not the commoner surface
    simp = "星海科技发布公告，星海拟收购蓝鲸网络科技有限公司，星海表示交易已获批准。"
    trad = "星海科技發布公告，星海擬收購藍鯨網絡科技有限公司，星海表示交易已獲批准。"
    a, b = run(simp), run(trad)
    s = nlp.to_simplified
    assert [(r.type, s(r.subject), s(r.object)) for r in a.relations] == \
        [(r.type, s(r.subject), s(r.object)) for r in b.relations]
    assert sorted(s(e.written or e.name) for e in a.entities) == sorted(s(e.written or e.name) for e in b.entities)


def test_taiwan_and_hong_kong_claims():
    # 求償 (Taiwan) and 索償 (Hong Kong) state the claim as 索赔 does; a filing without one has none
    ex = run("星海科技向新竹地院對藍鯨網絡科技有限公司提告，求償新台幣3億元。")
    assert [s.claim_amount for s in ex.lawsuits] == [300000000.0]
    ex = run("星海科技入稟香港高等法院控告藍鯨網絡科技有限公司，索償5億港元。")
    assert [s.claim_amount for s in ex.lawsuits] == [500000000.0]
    ex = run("星海科技向新竹地院對藍鯨網絡科技有限公司提告，要求停止銷售。")
    assert [s.claim_amount for s in ex.lawsuits] == [None]


def test_cause_words_trade_secret_non_compete_and_contract_first():
    # 營業秘密 (Taiwan) is a trade secret; a contract word in the same clause comes first
    ex = run("2019年3月，星河光电在新竹地方法院起诉前工程师林志远，指控他窃取公司营业秘密。")
    assert ex.lawsuits and ex.lawsuits[0].cause == "other"
    ex = run("2019年3月，星河光电起诉前工程师林志远，依据双方的聘雇合约及营业秘密法求偿。")
    assert ex.lawsuits and ex.lawsuits[0].cause == "contract"
    ex = run("2019年3月，星河光电起诉前总经理林志远，称其违反竞业禁止义务。")
    assert ex.lawsuits and ex.lawsuits[0].cause == "other"


def test_a_second_suit_of_the_pair_filed_apart_is_a_case_of_its_own():
    # 又在Y法院起诉: a second court, a second case
    ex = run("今年3月，小米在美国加州法院起诉华为侵犯其专利；同月，小米又在北京知识产权法院以滥用市场支配地位为由起诉华为，索赔5亿元。")
    suits = [ls for ls in ex.lawsuits if ls.plaintiffs == ["小米"] and ls.defendants == ["华为"]]
    assert len(suits) == 2 and {ls.court for ls in suits} >= {"北京知识产权法院"}
    # 另行起诉 with a cause of its own: a case of its own, no court needed
    ex = run("今年3月，小米在北京知识产权法院起诉华为侵犯其专利；同月，小米还以不正当竞争为由另行起诉华为。")
    suits = [ls for ls in ex.lawsuits if ls.plaintiffs == ["小米"] and ls.defendants == ["华为"]]
    assert sorted(ls.cause for ls in suits) == ["patent", "unfair_competition"]
    # the same suit told again in a later clause stays one case
    ex = run("今年3月，小米在北京知识产权法院起诉华为侵犯其专利；华为表示将积极应诉。")
    assert len([ls for ls in ex.lawsuits if ls.plaintiffs == ["小米"]]) == 1


def test_case_titled_at_its_appeal_and_brought_in_a_later_sentence():
    ex = run("3月2日上午，最高人民法院对小米科技有限责任公司（下称小米）诉华为技术有限公司滥用市场支配地位纠纷上诉案公开宣判，"
             "驳回小米的上诉。最高法在判决中认为，本案相关市场应为全球市场。这起官司于2019年5月由小米在广东省高级人民法院提起，"
             "索赔2亿元。", date="2022-03-03")
    suits = [ls for ls in ex.lawsuits if ls.plaintiffs == ["小米"] and ls.defendants == ["华为"]]
    assert len(suits) == 1
    ls = suits[0]
    assert ls.date == "2019-05" and ls.court == "广东省高级人民法院" and ls.claim_cny == 2e8


def test_claim_on_each_defendant_takes_the_total_told_after_it():
    ex = run("2020年5月，小米在北京知识产权法院起诉华为和京东，对两被告各索赔3000万元，合计6000万元。")
    assert ex.lawsuits and ex.lawsuits[0].claim_cny == 6e7
    # no total told: the amount asked of each stays
    ex = run("2020年5月，小米在北京知识产权法院起诉华为和京东，对两被告各索赔3000万元。")
    assert ex.lawsuits and ex.lawsuits[0].claim_cny == 3e7
