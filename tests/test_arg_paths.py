"""How each side of a relation was found (kg.extract.arg_paths), and the confidence it moves."""
from __future__ import annotations

from kg.extract import confidence as cf
from kg.extract import extract
from kg.model import Article


def _paths(text: str) -> dict:
    ex = extract(Article(id="t", title="", date="2020-01-01", source="", text=text, lang="zh"))
    return {(r.type, r.subject, r.object): r.arg_path for r in ex.relations}


def test_named_in_the_clause():
    got = _paths("星海科技有限公司起诉蓝鲸网络科技有限公司。")
    assert got[("sues", "星海科技有限公司", "蓝鲸网络科技有限公司")] == "named"


def test_pronoun():
    got = _paths("蓝鲸网络科技有限公司多次抄袭星海科技有限公司的设计。星海科技有限公司随后对其提起诉讼。")
    assert got.get(("sues", "星海科技有限公司", "蓝鲸网络科技有限公司")) == "pronoun"


def test_person_after_the_company_is_what_qi_stands_for():
    got = _paths("另外，白鹭电子的另一名原股东王建华因未按期履行业绩补偿义务，星海科技已对其提起诉讼。")
    assert got.get(("sues", "星海科技", "王建华")) == "pronoun"
    assert ("sues", "星海科技", "白鹭电子") not in got


def test_path_moves_confidence_by_its_counts(tmp_path):
    """A (rule, path) measured mostly wrong is trusted less than the rule; an unmeasured path or a
    table without path counts leaves the rule's measure alone."""
    t = tmp_path / "calibration.tsv"
    t.write_text("rule\ttype\tfired\tright\twrong\tprecision\tunscored\tsentence_right\tsentence_wrong"
                 "\tarticle_right\tarticle_wrong\texpected\tpaths\n"
                 "zh.x.y\tsues\t100\t90\t10\t0.9\t0\t90\t10\t0\t0\t\tnamed=85/2 pronoun=5/8\n"
                 "@path:named:all\t*\t87\t85\t2\t\t0\t\t\t\t\t78.0\t\n"
                 "@path:pronoun:all\t*\t13\t5\t8\t\t0\t\t\t\t\t11.0\t\n", encoding="utf-8")
    base = cf.measured("zh.x.y", "sues", "sentence", str(t))
    assert cf.fact_confidence("zh.x.y", "sues", "sentence", False, False, "pronoun", str(t)) < base - 0.2
    assert cf.fact_confidence("zh.x.y", "sues", "sentence", False, False, "list", str(t)) == base
    assert cf.fact_confidence("zh.x.y", "sues", "sentence", False, False, "", str(t)) == base
    # a path measured better than the rule's average raises it, never into the top band
    named = cf.fact_confidence("zh.x.y", "sues", "sentence", False, False, "named", str(t))
    assert base <= named < cf.TOP
