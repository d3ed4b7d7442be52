"""Names as the article writes them (kg/extract/written.py) and the label an entity is shown by
(kg/labels.py): `kg extract` JSON names, the RDF's language-tagged labels, and the display rule
(the language most of an entity's articles use, else the canonical name) — the same whatever the
order the articles are built in, and kept by incremental builds and removals."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from click.testing import CliRunner

from kg import analytics as A
from kg import summary as S
from kg.extract import extract
from kg.extract.written import written_name
from kg.labels import display_label
from kg.model import Article, Entity, Extraction, Relation
from kg.output import article_json
from kg.rdf import article_rdf
from kg.resolve import article_iri, entity_iri
from kg.store import open_store, rdf_parts

CORPUS = Path(__file__).resolve().parent / "corpus"


def _names(text: str, lang: str) -> dict[str, list[str]]:
    ex = extract(Article(id="t", title="", date="2023-05-01", source="", text=text, lang=lang))
    return {e["name"]: e["aliases"] for e in article_json(ex)["entities"]}


def test_kg_extract_prints_an_english_article_s_own_names_with_the_canonical_ones_as_aliases():
    from kg.cli import cli
    res = CliRunner().invoke(cli, ["extract", str(CORPUS / "adobe-figma-2023-12-19.txt"), "--format", "json"])
    assert res.exit_code == 0, res.output
    ents = {e["name"]: e for e in json.loads(res.output[res.output.index("{"):])["articles"][0]["entities"]}
    assert "欧盟委员会" in ents["European Commission"]["aliases"]
    assert "英国竞争与市场管理局" in ents["Competition and Markets Authority"]["aliases"]
    assert "CMA" in ents["Competition and Markets Authority"]["aliases"]     # the acronym: an alias
    assert not {"欧盟委员会", "英国竞争与市场管理局", "美国司法部", "英伟达"} & set(ents)
    # relations still point at the entities by id
    res_rels = json.loads(res.output[res.output.index("{"):])["articles"][0]["relations"]
    ids = {e["id"] for e in ents.values()}
    assert res_rels and all(r["subject"] in ids and r["object"] in ids for r in res_rels)


def test_names_as_written_in_simplified_traditional_and_english():
    zh = _names("2021年2月，字节跳动起诉腾讯。字节称，腾讯屏蔽了抖音。字节还表示将继续维权。", "zh")
    assert "字节跳动" in zh and "字节" in zh["字节跳动"]          # a short form beside the full name
    courts = _names("广东省高级人民法院判决加多宝侵权。广东高院认为，王老吉凉茶的包装属于广药集团。"
                    "王老吉的销量很大，王老吉品牌价值很高。", "zh")
    assert "广东省高级人民法院" in courts and "广东高院" not in courts   # 广东高院: its short form
    assert "王老吉" in courts and "王老吉凉茶" in courts["王老吉"]       # the canonical name, written most
    hant = _names("台積電控告中芯國際竊取商業機密。台積電表示，中芯國際挖角了工程師。", "zh")
    assert "台積電" in hant and "台积电" in hant["台積電"]
    assert "中芯國際" in hant and "中芯国际" in hant["中芯國際"]
    en = _names("Apple Inc. sued Samsung. Apple said Samsung copied iPhones. Apple wants to stop "
                "sales of the phones.", "en")
    assert "Apple" in en and {"苹果", "Apple Inc."} <= set(en["Apple"])   # the trading name, most written
    assert "iPhone" in en                                               # not the plural


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for n in names:
        at = text.index(n, at)
        out.append((at, at + len(n)))
        at += len(n)
    return out


def test_written_name_skips_descriptions_acronyms_and_short_forms():
    text = "a federal jury in San Diego. The Southern District of California. SDCA. SDCA."
    court = Entity("美国加州南区联邦地区法院", "Court",
                   mentions=_spans(text, "federal jury in San Diego", "Southern District of California",
                                   "SDCA", "SDCA"))
    assert written_name(text, court) == "Southern District of California"    # not the acronym
    only = Entity("美国加州南区联邦地区法院", "Court", mentions=_spans(text, "federal jury in San Diego"))
    assert written_name(text, only) is None                              # a description only
    t2 = "Advanced Micro Devices (AMD) said AMD and AMD"
    spans = _spans(t2, "Advanced Micro Devices", "AMD", "AMD", "AMD")
    assert written_name(t2, Entity("AMD", "Company", mentions=spans)) == "AMD"   # canonical, most written
    assert written_name(t2, Entity("超威半导体", "Company", mentions=spans)) == "Advanced Micro Devices"
    t3 = "Epic Games sued Apple. Epic said Epic would appeal."
    epic = Entity("Epic Games", "Company", mentions=_spans(t3, "Epic Games", "Epic", "Epic"))
    assert written_name(t3, Entity("艺铂", "Company", mentions=epic.mentions)) == "Epic Games"


def test_the_english_pref_label_is_the_name_the_article_goes_by():
    ex = extract(Article(id="t", title="", date="2023-05-01", source="", lang="en",
                         text="The Competition and Markets Authority (CMA) blocked the deal. The CMA "
                              "said Microsoft could appeal."))
    rdf = article_rdf(ex)
    node = entity_iri("英国竞争与市场管理局")
    pref = {(str(o), o.language) for s, p, o in rdf.entities if str(s) == node and str(p).endswith("prefLabel")}
    assert pref == {("Competition and Markets Authority", "en")}
    plain = {str(o) for s, p, o in rdf.entities if str(s) == node and str(p).endswith("#label")}
    assert plain == {"英国竞争与市场管理局"}                              # the canonical name stays the key


def test_display_label_rule():
    assert display_label("思科", {}) == "思科"
    assert display_label("思科", {("en", "Cisco"): 2, ("zh-Hans", "思科"): 1}) == "Cisco"
    assert display_label("思科", {("en", "Cisco"): 1, ("zh-Hant", "思科"): 1}) == "思科"    # a tie: canonical
    assert display_label("思科", {("en", "Cisco Systems"): 1, ("en", "Cisco"): 1,
                                 ("zh-Hans", "思科"): 1}) == "Cisco"        # one language, its forms tie
    assert display_label("苹果", {("en", "Apple Inc."): 1, ("en", "Apple"): 3}) == "Apple"
    # a language asked for: its label, else a canonical name written in it, else the rule
    prefs = {("en", "Didi Chuxing"): 2}
    assert display_label("滴滴", prefs) == "Didi Chuxing"
    assert display_label("滴滴", prefs, prefer="zh-Hans") == "滴滴"
    assert display_label("滴滴", prefs, prefer="zh-Hant") == "Didi Chuxing"
    assert display_label("思科", {("en", "Cisco"): 1, ("zh-Hans", "思科"): 3}, prefer="en") == "Cisco"


# ---------------------------------------------------------------------------- in the store

def _art(aid: str, lang: str, company: str, rival: str, written: dict) -> Extraction:
    text = f"{aid} {company} {rival}"
    a = Article(id=aid, title=aid, date="2021-01-01", source="t", text=text, path=aid,
                sha256=hashlib.sha256(text.encode()).hexdigest(), lang=lang)
    ents = [Entity(n, "Company", [written[n]] if written.get(n) else [], written=written.get(n, ""))
            for n in (company, rival)]
    return Extraction(a, ents, [Relation("sues", rival, company, "2020", f"{rival} sues {company}", 0, 5, 0.9)])


ARTICLES = [_art("e1", "en", "思科", "华为", {"思科": "Cisco Systems", "华为": "Huawei"}),
            _art("e2", "en", "思科", "华为", {"思科": "Cisco", "华为": "Huawei"}),
            _art("e3", "en", "思科", "华为", {"思科": "Cisco", "华为": "Huawei"}),
            _art("z1", "zh", "思科", "华为", {}),
            _art("z2", "zh", "思科", "华为", {})]


def _labels(st) -> dict[str, str]:
    g = A.full_graph(st)
    return {k: d["label"] for k, d in g.nodes(data=True) if d.get("kind") == "entity"}


def _write(st, exs):
    for ex in exs:
        st.replace_article(*rdf_parts(article_rdf(ex)))
    st.refresh_cases()
    st.refresh_summary()


def test_the_label_shown_follows_most_articles_whatever_the_order(tmp_path):
    cisco, huawei = entity_iri("思科"), entity_iri("华为")
    seen = []
    for k, order in enumerate((ARTICLES, ARTICLES[::-1])):
        st = open_store(str(tmp_path / f"s{k}"))
        try:
            _write(st, order)
            labels = _labels(st)
            # three English articles, two Chinese: Cisco, as most of them write it
            assert labels[cisco] == "Cisco" and labels[huawei] == "Huawei"
            assert {r[3] for r in S.lookup(st, "华为", "timeline")} == {"Cisco"}
            assert {r[3] for r in A.timeline(st, "Huawei").rows} == {"Cisco"}
            assert [r[0] for r in A.rivals(st, "华为").rows] == ["Cisco"]     # kg rivals too
            seen.append(labels)
        finally:
            st.close()
    assert seen[0] == seen[1]


def test_removing_articles_tips_the_label_and_the_summary_follows(tmp_path):
    cisco = entity_iri("思科")
    st = open_store(str(tmp_path / "s"))
    try:
        _write(st, ARTICLES[:3])
        assert _labels(st)[cisco] == "Cisco"
        _write(st, ARTICLES[3:])                                   # 3 English, 2 Chinese
        assert _labels(st)[cisco] == "Cisco"
        st.remove_article(article_iri("e3"), refresh=True)         # 2 and 2: the canonical name
        assert _labels(st)[cisco] == "思科"
        assert {r[3] for r in S.lookup(st, "华为", "timeline")} == {"思科"}
        assert [r[0] for r in A.rivals(st, "华为").rows] == ["思科"]
        st.remove_article(article_iri("z1"), refresh=True)         # 2 English, 1 Chinese
        assert _labels(st)[cisco] == "Cisco"
        assert {r[3] for r in S.lookup(st, "华为", "timeline")} == {"Cisco"}
        before = sorted(map(tuple, (r for r in S.lookup(st, "华为", "timeline"))))
        st.refresh_summary(full=True)
        assert sorted(map(tuple, S.lookup(st, "华为", "timeline"))) == before
    finally:
        st.close()


def test_lang_asks_for_one_language_in_listings_and_the_viewer(tmp_path):
    from kg.cli import cli
    from kg.labels import preferring
    st = open_store(str(tmp_path / "s"))
    try:
        _write(st, ARTICLES[:2] + ARTICLES[3:])                 # 2 English, 2 Chinese: 思科 by default
        assert [r[0] for r in A.rivals(st, "华为").rows] == ["思科"]
        with preferring("en"):
            assert [r[0] for r in A.rivals(st, "华为").rows] == ["Cisco"]     # most English articles write it
            assert {r[3] for r in A.timeline(st, "华为").rows} == {"Cisco"}
        with preferring("zh-Hant"):                              # no label in it: the default rule
            assert {r[3] for r in A.timeline(st, "华为").rows} == {"思科"}
        assert {r[3] for r in A.timeline(st, "华为").rows} == {"思科"}   # the summary is untouched
    finally:
        st.close()
    loc = str(tmp_path / "s")
    out = CliRunner().invoke(cli, ["timeline", "华为", "--store", loc, "--lang", "en", "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert {line.split(",")[3] for line in out.output.splitlines()[1:]} == {"Cisco"}
    html = tmp_path / "g.html"
    out = CliRunner().invoke(cli, ["viz", "--store", loc, "--lang", "en", "-o", str(html)])
    assert out.exit_code == 0, out.output
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html.read_text("utf-8"), re.S)
    assert {"Cisco", "Huawei"} <= {n["label"] for n in json.loads(m.group(1))["nodes"]}


def test_a_build_under_a_preferred_language_stores_the_default_labels(tmp_path):
    from kg.labels import preferring
    st = open_store(str(tmp_path / "s"))
    try:
        with preferring("en"):
            _write(st, ARTICLES[:2] + ARTICLES[3:])            # 2 and 2: 思科 by the default rule
        assert {r[3] for r in S.lookup(st, "华为", "timeline")} == {"思科"}
    finally:
        st.close()
