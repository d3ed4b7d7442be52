"""The summary graph kept up to date incrementally (kg.summary.refresh_summary): after any
sequence of builds, replacements and removals it holds exactly what a whole rewrite gives,
and a change rewrites only the names whose rows it can change."""
from __future__ import annotations

import hashlib
import random

import pytest

from kg import summary as S
from kg.model import Article, Entity, Extraction, Lawsuit, Relation
from kg.rdf import article_rdf
from kg.resolve import article_iri
from kg.store import open_store, rdf_parts

# 甲/乙 have English names (an English article labels them in English until a Chinese one names
# them: their neighbours' rows change); 丙公司 and 丙集团 sometimes share the alias 丙 (one name,
# two entities); 甲子公司 is 甲公司's unit (owner chains join cases); types vary by article
COMPANIES = {"甲公司": ["Jia Corp"], "乙公司": ["Yi Inc"], "丙公司": [], "丙集团": [], "丁公司": []}
UNIT, OWNER = "甲子公司", "甲公司"
COURTS = [None, "北京知识产权法院", "上海知识产权法院"]
DATES = [None, "2019", "2019-03", "2019-03-08", "2020"]
TYPES = ("sues", "blocks", "accuses", "competes", "cooperates", "invests")


def _article(aid: str, rnd: random.Random) -> Extraction:
    text = f"{aid} {rnd.random()}"
    art = Article(id=aid, title=f"title {text}", date=rnd.choice(["2021-01-01", None]),
                  source="test", text=text, path=f"{aid}.txt",
                  sha256=hashlib.sha256(text.encode()).hexdigest(),
                  lang="en" if rnd.random() < 0.3 else "zh")
    named = rnd.sample(sorted(COMPANIES), rnd.randint(2, 3))
    ents = []
    for n in named:
        aliases = list(COMPANIES[n]) if art.lang == "en" else []
        if n.startswith("丙") and rnd.random() < 0.5:
            aliases.append("丙")
        ents.append(Entity(n, rnd.choice(("Company", "Company", "Organization")), aliases))
    rels = []
    if rnd.random() < 0.7:
        told = rnd.random() < 0.5
        ents.append(Entity(UNIT, "Company", owner=None if told else OWNER))
        named.append(UNIT)
        if told:
            rels.append(Relation("owns", OWNER, UNIT, None, f"{OWNER}旗下的{UNIT}", 0, 5, 0.9))
    courts = [c for c in COURTS if c and rnd.random() < 0.5]
    ents += [Entity(c, "Court") for c in courts]
    for k in range(rnd.randint(1, 3)):
        s, o = rnd.sample(named, 2)
        rels.append(Relation(rnd.choice(TYPES), s, o, rnd.choice(DATES), f"{s}与{o} {k}",
                             10 + k, 15 + k, rnd.choice((0.6, 0.9))))
    suits = []
    for k in range(rnd.randint(0, 3)):
        # mostly 甲公司 or its unit v 乙公司: reports an owner chain joins into one case
        p, d = ((rnd.choice((OWNER, UNIT)), "乙公司") if rnd.random() < 0.6 else rnd.sample(named, 2))
        ents += [Entity(x, "Company") for x in (p, d) if x not in named]
        named += [x for x in (p, d) if x not in named]
        suits.append(Lawsuit([p], [d], court=rnd.choice([None] + courts), date=rnd.choice(DATES),
                             cause=rnd.choice((None, "patent")), evidence=f"{p}起诉{d}。",
                             start=40 + 10 * k, end=49 + 10 * k))
    return Extraction(art, ents, rels, suits)


def _quads(st):
    res = st.query_json(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{S.SUMMARY_GRAPH}> {{ ?s ?p ?o }} }}")
    return sorted((b["s"]["value"], b["p"]["value"], b["o"]["value"])
                  for b in res["results"]["bindings"])


@pytest.mark.parametrize("seed", [3, 11])
def test_incremental_summary_equals_a_whole_rewrite_after_any_writes(tmp_path, seed, monkeypatch):
    rnd = random.Random(seed)
    st = open_store(str(tmp_path / "s"))
    rewritten = []
    real = S._rewrite
    monkeypatch.setattr(S, "_rewrite", lambda store, affected, progress=None:
                        rewritten.append(len(affected)) or real(store, affected, progress))
    try:
        ids: list[str] = []
        for step in range(9):
            for _ in range(rnd.randint(1, 2)):      # new articles, and new versions of old ones
                aid = rnd.choice(ids) if ids and rnd.random() < 0.3 else f"a{step}-{rnd.random():.6f}"
                st.replace_article(*rdf_parts(article_rdf(_article(aid, rnd), "2026-01-01T00:00:00Z")))
                if aid not in ids:
                    ids.append(aid)
            if len(ids) > 2 and rnd.random() < 0.4:
                gone = ids.pop(rnd.randrange(len(ids)))
                assert st.remove_article(article_iri(gone), refresh=False)
            st.refresh_cases()
            st.refresh_summary()
            incremental = _quads(st)
            st.refresh_summary(full=True)
            assert _quads(st) == incremental, f"step {step}"
        assert len(rewritten) >= 5                  # the incremental path ran (not a rebuild)
    finally:
        st.close()


def test_a_change_rewrites_only_the_names_it_can_change(tmp_path):
    """An article about 丙公司 and 丁公司 leaves 甲公司's and 乙公司's rows alone, though they
    neighbour both; a new label of 丁公司 (named in Chinese as often as in English after English
    only) reaches its neighbours' rows."""
    def art(aid, lang, rels, ents):
        a = Article(id=aid, title=aid, date="2021-01-01", source="t", text=aid, path=aid,
                    sha256=hashlib.sha256(aid.encode()).hexdigest(), lang=lang)
        return Extraction(a, [Entity(n, "Company", al) for n, al in ents],
                          [Relation(t, s, o, "2020", f"{s} {t} {o}", i, i + 3, 0.9)
                           for i, (t, s, o) in enumerate(rels)], [])

    def write(ex):
        st.replace_article(*rdf_parts(article_rdf(ex)))
        st.refresh_cases()
        st.refresh_summary()
        incremental = _quads(st)
        st.refresh_summary(full=True)
        assert _quads(st) == incremental
    st = open_store(str(tmp_path / "s"))
    seen = []
    real = S._rewrite
    S._rewrite = lambda store, affected, progress=None: seen.append(set(affected)) or real(store, affected, progress)
    try:
        write(art("x1", "en", [("sues", "甲公司", "丙公司"), ("sues", "乙公司", "丁公司")],
                  [("甲公司", []), ("乙公司", []), ("丙公司", []), ("丁公司", ["Ding"])]))
        assert [r[3] for r in S.lookup(st, "乙公司", "timeline")] == ["Ding"]
        write(art("x2", "en", [("blocks", "丙公司", "丁公司")], [("丙公司", []), ("丁公司", ["Ding"])]))
        assert {e.rsplit("/", 1)[1] for e in seen[-1]} == {"丙公司", "丁公司"}
        write(art("x3", "zh", [("blocks", "丙公司", "丁公司")], [("丙公司", []), ("丁公司", [])]))
        # 丁公司 is now labelled in two languages, but most of its articles are English: still
        # shown as Ding (kg.labels), so 乙公司's rows stay
        assert [r[3] for r in S.lookup(st, "乙公司", "timeline")] == ["Ding"]
        assert {e.rsplit("/", 1)[1] for e in seen[-1]} == {"丙公司", "丁公司"}
        write(art("x4", "zh", [("competes", "丙公司", "丁公司")], [("丙公司", []), ("丁公司", [])]))
        # two articles each way: shown by its canonical name; 乙公司's rows show it, so they are
        # rewritten too
        assert [r[3] for r in S.lookup(st, "乙公司", "timeline")] == ["丁公司"]
        assert {e.rsplit("/", 1)[1] for e in seen[-1]} == {"乙公司", "丙公司", "丁公司"}
        st.remove_article(article_iri("x1"), refresh=True)
        # 乙公司's fact went with x1; 丁公司, now mostly Chinese, is 丁公司 in 丙公司's rows
        assert {r[3] for r in S.lookup(st, "丙公司", "timeline")} == {"丁公司"}
        incremental = _quads(st)
        st.refresh_summary(full=True)
        assert _quads(st) == incremental
    finally:
        S._rewrite = real
        st.close()


def test_a_case_that_loses_a_report_to_a_new_one_is_rewritten_for_all_its_parties(tmp_path):
    """x (甲公司 v 乙公司, 2019) first joins y (甲子公司 v 乙公司, 2019, court 1: 甲子公司 is
    甲公司's); a new, more precise report (2019-03, court 2) takes x from y's case.  The new
    article names neither y nor 甲子公司, yet 甲子公司's case lost x (kg.cases logs it)."""
    c1, c2 = "北京知识产权法院", "上海知识产权法院"

    def art(aid, suit, owns=False):
        a = Article(id=aid, title=aid, date="2021-01-01", source="t", text=aid, path=aid,
                    sha256=hashlib.sha256(aid.encode()).hexdigest())
        p, d, date, court = suit
        ents = [Entity(n, "Court" if n in (c1, c2) else "Company") for n in {p, d, court, OWNER} - {None}]
        rels = [Relation("owns", OWNER, UNIT, None, f"{OWNER}旗下的{UNIT}", 0, 5, 0.9)] if owns else []
        if owns:
            ents.append(Entity(UNIT, "Company"))
        return Extraction(a, ents, rels, [Lawsuit([p], [d], court=court, date=date, cause="patent",
                                                  evidence=f"{aid}: {p}起诉{d}。", start=10, end=20)])
    st = open_store(str(tmp_path / "s"))
    try:
        for ex in (art("y", (UNIT, "乙公司", "2019", c1), owns=True), art("x", (OWNER, "乙公司", "2019", None))):
            st.replace_article(*rdf_parts(article_rdf(ex)))
        st.refresh_cases()
        st.refresh_summary()
        assert {r[5] for r in S.lookup(st, UNIT, "timeline")} == {"x", "y"}      # x joined y
        st.replace_article(*rdf_parts(article_rdf(art("z", (OWNER, "乙公司", "2019-03", c2)))))
        st.refresh_cases()
        st.refresh_summary()
        incremental = _quads(st)
        assert {r[5] for r in S.lookup(st, UNIT, "timeline")} == {"y"}           # x went to z
        st.refresh_summary(full=True)
        assert _quads(st) == incremental
    finally:
        st.close()
