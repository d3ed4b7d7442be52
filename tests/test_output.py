import json

from kg.model import Article, Entity, Extraction, Lawsuit, Relation
from kg.output import extraction_json, extraction_jsonl


def sample():
    a = Article(id="x", title="T", date="2021-01-02", source="s", text="甲起诉乙")
    ex = Extraction(article=a, entities=[Entity("甲", "Company", ["Jia"]), Entity("乙", "Company")],
                    relations=[Relation("sues", "甲", "乙", "2021", "甲起诉乙", 0, 4, 0.9),
                               Relation("acquires", "甲", "乙", None, "甲没有收购乙", 0, 4, 0.9, negated=True)],
                    lawsuits=[Lawsuit(["甲"], ["乙"], claim_amount=1.05e9, claim_currency="USD", count=3)])
    return ex


def test_format_shape():
    d = extraction_json([sample()])
    art = d["articles"][0]
    assert art["id"] == "x" and art["date"] == "2021-01-02"
    assert [e["id"] for e in art["entities"]] == ["e1", "e2"]
    assert art["relations"] == [dict(art["relations"][0], type="sues", subject="e1", object="e2", date="2021")]
    assert len(art["relations"]) == 1          # the negated one is left out
    s = art["lawsuits"][0]
    assert s["plaintiffs"] == ["e1"] and s["defendants"] == ["e2"]
    assert s["claim_cny"] is None and s["claim_currency"] == "USD" and s["count"] == 3


def test_jsonl_one_object_per_line():
    lines = list(extraction_jsonl([sample(), sample()]))
    assert len(lines) == 2 and all(json.loads(l)["id"] == "x" for l in lines)
