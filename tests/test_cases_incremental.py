"""The cases graph kept up to date incrementally (kg.cases.refresh_cases with `Changes`): after
any sequence of writes, replacements and removals it holds exactly what a refresh over every
report gives, it re-clusters only the cases the changed articles touch, and a writer stopped
before its refresh leaves the next one to read everything."""
from __future__ import annotations

import hashlib
import random

import pytest

from kg import cases as C
from kg.model import Article, Entity, Extraction, Lawsuit, Relation
from kg.rdf import article_rdf
from kg.resolve import CASES_GRAPH, article_iri
from kg.store import CASES_MARK, open_store, rdf_parts

COMPANIES = ["甲公司", "乙公司", "丙公司", "丁公司"]
UNITS = {"甲子公司": "甲公司", "乙子公司": "乙公司"}      # unit -> owner (told by some articles only)
COURTS = [None, None, "北京知识产权法院", "上海知识产权法院"]
DATES = [None, "2019", "2019-03", "2019-03-08", "2020", "2018-11"]
CAUSES = [None, "patent", "antitrust", "unfair_competition"]


def _article(aid: str, rnd: random.Random) -> Extraction:
    text = f"{aid} {rnd.random()}"
    art = Article(id=aid, title=aid, date="2021-01-01", source="test", text=text, path=f"{aid}.txt",
                  sha256=hashlib.sha256(text.encode()).hexdigest())
    names = COMPANIES + list(UNITS)
    ents = [Entity(n, "Company") for n in COMPANIES]
    rels = []
    for unit, owner in UNITS.items():
        how = rnd.random()
        if how < 0.3:                    # the lexicon-like owner link
            ents.append(Entity(unit, "Company", owner=owner))
        else:
            ents.append(Entity(unit, "Company"))
            if how < 0.5:                # the text says so
                rels.append(Relation("owns", owner, unit, None, f"{owner}旗下的{unit}", 0, 5, 0.9))
    suits = []
    for k in range(rnd.randint(1, 3)):
        p = rnd.sample(names, rnd.choice((1, 1, 2)))
        d = rnd.sample([n for n in names if n not in p], 1)
        appeal = rnd.random() < 0.2
        suits.append(Lawsuit(p, d, court=rnd.choice(COURTS), date=rnd.choice(DATES),
                             cause=rnd.choice(CAUSES), outcome="dismissed" if appeal else None,
                             ruling_date="2020-06" if appeal else None,
                             case_number="（2019）京73民初1号" if rnd.random() < 0.08 else None,
                             evidence=("二审判决驳回上诉。" if appeal else f"{p[0]}起诉{d[0]}。"),
                             start=10 * k, end=10 * k + 9))
    return Extraction(art, ents, rels, suits)


def _full(st) -> set:
    return C._triples(*C.case_links(st))


def _stored(st) -> set:
    return C._triples(*C.stored_links(st))


@pytest.mark.parametrize("seed", [1, 20, 35])
def test_incremental_refresh_equals_a_full_one_after_writes_replacements_and_removals(tmp_path, seed,
                                                                                     monkeypatch):
    monkeypatch.setattr(C, "INCREMENTAL_SHARE", 0)     # incremental even on a tiny store
    rnd = random.Random(seed)
    st = open_store(str(tmp_path / "s"))
    scopes = []
    real = C._affected

    def spy(store, changes, limit):
        out = real(store, changes, limit)
        scopes.append(None if out is None else len(out[0]))
        return out

    C._affected = spy
    try:
        ids: set[str] = set()
        for step in range(14):
            batch = []
            for _ in range(rnd.randint(1, 4)):      # new articles, and new versions of old ones
                aid = (rnd.choice(sorted(ids)) if ids and rnd.random() < 0.3
                       else f"a{step}-{len(batch)}")
                batch.append(_article(aid, rnd))
                ids.add(aid)
            items = [rdf_parts(article_rdf(ex, "2026-01-01T00:00:00Z")) for ex in batch]
            if step % 5 == 0:
                st.replace_articles(items)       # new ones bulk-loaded behind the commit protocol
            else:
                for item in items:               # one transaction each (quicker on tiny stores)
                    st.replace_article(*item)
            if ids and rnd.random() < 0.4:
                gone = rnd.choice(sorted(ids))
                ids.discard(gone)
                assert st.remove_article(article_iri(gone), refresh=False)
            st.refresh_cases()
            assert _stored(st) == _full(st), f"step {step}"
        assert all(s is not None for s in scopes)                  # the incremental path ran
        assert len(_stored(st)) >= 10
    finally:
        C._affected = real
        st.close()


def _two_families():
    """Two unrelated rivalries: changing one must not re-cluster the other."""
    out = []
    for i, (p, d) in enumerate([("甲公司", "乙公司")] * 3 + [("丙公司", "丁公司")] * 3):
        text = f"f{i}"
        art = Article(id=f"f{i}", title=text, date="2021-01-01", source="t", text=text,
                      path=f"f{i}.txt", sha256=hashlib.sha256(text.encode()).hexdigest())
        out.append(Extraction(art, [Entity(p, "Company"), Entity(d, "Company")], [],
                              [Lawsuit([p], [d], date=["2019", "2019-03", None][i % 3],
                                       cause="patent", evidence=f"{p}起诉{d}。", start=0, end=5)]))
    return out


def test_one_changed_article_re_clusters_only_its_parties_cases(tmp_path, monkeypatch):
    monkeypatch.setattr(C, "INCREMENTAL_SHARE", 5)     # 1 changed article of 5: incremental
    arts = _two_families()
    st = open_store(str(tmp_path / "s"))
    try:
        st.replace_articles([rdf_parts(article_rdf(ex)) for ex in arts[:5]])
        st.refresh_cases()
        seen = []
        real = C._affected
        monkeypatch.setattr(C, "_affected", lambda s, ch, n: seen.append(real(s, ch, n)) or seen[-1])
        st.replace_articles([rdf_parts(article_rdf(arts[5]))])
        assert st.refresh_cases() > 0
        parties = {p for x in seen[0][0].values() for p in x["plaintiffs"] | x["defendants"]}
        assert len(seen[0][0]) == 3 and all("丙" in p or "丁" in p for p in map(_label, parties))
        assert _stored(st) == _full(st)
        # nothing changed: nothing read
        seen.clear()
        assert st.refresh_cases() == 0 and not seen
    finally:
        st.close()


def _label(iri: str) -> str:
    from urllib.parse import unquote
    return unquote(iri.rsplit("/", 1)[-1])


def test_a_writer_stopped_before_its_refresh_leaves_the_next_to_read_every_report(tmp_path):
    arts = _two_families()
    path = tmp_path / "s"
    st = open_store(str(path))
    st.replace_articles([rdf_parts(article_rdf(ex)) for ex in arts[:3]])
    assert (path / CASES_MARK).exists()            # made before the first change
    st.close()                                      # "killed": no refresh
    st = open_store(str(path))
    try:
        assert st._changes is None                  # unknown changes: every report is read
        st.replace_articles([rdf_parts(article_rdf(arts[3]))])
        st.refresh_cases()
        assert not (path / CASES_MARK).exists()
        assert _stored(st) == _full(st) and len(_stored(st)) == 4
        # a raw update may change anything: the next refresh reads everything too
        st.update(f"INSERT DATA {{ GRAPH <{CASES_GRAPH}> {{ <urn:x:r> <{C.CASE}> <urn:x:r> }} }}")
        assert st._changes is None and (path / CASES_MARK).exists()
        st.refresh_cases()
        assert _stored(st) == _full(st) and st._changes is not None
    finally:
        st.close()


def test_derived_graphs_written_after_a_build_keep_the_next_refresh_incremental(tmp_path):
    """The summary (and ontology) writes go through `update_derived`: after a build and its
    refreshes, the store still knows nothing else changed, so the next refresh reads only what
    the next articles touch."""
    arts = _two_families()
    path = tmp_path / "s"
    st = open_store(str(path))
    try:
        st.write_ontology()
        st.replace_articles([rdf_parts(article_rdf(ex)) for ex in arts[:4]])
        st.refresh_cases()
        assert st.refresh_summary() > 0
        assert st._changes is not None and not (path / CASES_MARK).exists()
        st.remove_article(article_iri(arts[0].article.id))          # refreshes cases and summary
        assert st._changes is not None and not (path / CASES_MARK).exists()
        assert _stored(st) == _full(st)
    finally:
        st.close()
