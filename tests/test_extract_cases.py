"""The named rules' examples and counter-examples (tests/cases/*.json), one parametrised runner: each
case's text is read as one article; every `expect` fact must come out, made by the case's rule or by
a narrower rule split from it (zh.frame.svo.adjacent for zh.frame.svo), and no `forbid` fact may come
out (asserted facts only: a negated one is kept for review, not stated).  A fact of four items
[type, subject, object, date] also names its date (null: undated): expected with that date,
forbidden with that date.  An entity case lists `entities` ([name, type], each an entity of the
article) and `no_entities` (names that must not be one)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract import extract
from kg.model import Article

CASES = Path(__file__).resolve().parent / "cases"


def _cases():
    for f in sorted(CASES.glob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        for k, c in enumerate(doc["cases"]):
            yield pytest.param(doc["lang"], c, id=f"{f.stem}-{k}-{c['rule']}")


def _family(rule: str, named: str) -> str:
    """`named` when `rule` is it or a narrower rule split from it (named + "." + context), else `rule`."""
    return named if rule == named or rule.startswith(named + ".") else rule


def test_family():
    assert _family("zh.frame.svo.adjacent", "zh.frame.svo") == "zh.frame.svo"
    assert _family("zh.frame.marker_deal", "zh.frame.marker") == "zh.frame.marker_deal"


@pytest.mark.parametrize("lang,case", list(_cases()))
def test_rule_case(lang, case):
    ex = extract(Article(id="case", title="", date="2021-11-13", source="test", text=case["text"], lang=lang))
    facts = [(r.type, r.subject, r.object, _family(r.rule, case["rule"]), r.date)
             for r in ex.relations if not r.negated]
    for t, s, o, *date in case.get("expect", []):
        assert any(f[:4] == (t, s, o, case["rule"]) and (not date or f[4] == date[0]) for f in facts), \
            (case["text"], facts)
    for t, s, o, *date in case.get("forbid", []):
        assert not any(f[0] == t and s in ("*", f[1]) and o in ("*", f[2]) and (not date or f[4] == date[0])
                       for f in facts), (case["text"], facts)
    # entity cases: every `entities` [name, type] is an entity of the article, no `no_entities` name is
    names = {e.name: e.type for e in ex.entities}
    for name, typ in case.get("entities", []):
        assert names.get(name) == typ, (case["text"], names)
    for name in case.get("no_entities", []):
        assert name not in names, (case["text"], names)
    assert case.get("expect") or case.get("forbid") or case.get("entities") or case.get("no_entities")
