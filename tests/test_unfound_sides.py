"""benchmarks/unfound_sides.py: the shape given to a relation side no entity was found for (own sentences)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "unfound_sides", Path(__file__).resolve().parents[1] / "benchmarks" / "unfound_sides.py")
us = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(us)
SURNAMES = {"王", "李", "欧阳"}


def shape(side: str, text: str, rtype: str = "acquires", role: str = "subject", ents=()) -> str:
    return us.shape([side], text, list(ents), rtype, role, SURNAMES)


def test_shapes():
    assert shape("星海集团", "星海集团宣布收购蓝鲸。") == "company ending, name missed"
    assert shape("星海集团", "星海集团宣布收购蓝鲸。", ents=[{"mentions": [[2, 4]]}]) == "company ending, name cut"
    assert shape("蓝鲸", "星海收购了蓝鲸（600001）。", role="object") == "stock short name with a code or 股票简称"
    assert shape("王小明", "王小明增持星海。") == "person (natural person)"
    assert shape("蓝鲸", "星海收购了远山、蓝鲸和云帆。", role="object") == "short name inside a list (X、Y和Z)"
    assert shape("Acme", "星海收购Acme。", role="object") == "Latin letters only"
    assert shape("星海市监管局", "星海市监管局对蓝鲸罚款。", rtype="fines") == "government body / court / regulator"
    assert shape("蓝鲸", "星海与云帆签约（以下简称蓝鲸）。") == "abbreviation defined by 简称"
    assert shape("云帆", "控股股东云帆宣布增持。") == "short name after a role word / before a title"
    assert shape("云帆", "云帆宣布增持，云帆表示看好。") == "short name, no ending, repeated in the sentence"
    assert shape("云帆", "云帆宣布增持蓝鲸。") == "short name, no ending, once"
    assert shape("智能音箱", "星海发布智能音箱。", rtype="launches", role="object") == "product (a launch's object)"
