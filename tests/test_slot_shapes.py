"""benchmarks/slot_shapes.py: the slot shape given to a missed relation whose two sides were found (own sentences)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from kg.lexicon import load_lexicon

_SPEC = importlib.util.spec_from_file_location(
    "slot_shapes", Path(__file__).resolve().parents[1] / "benchmarks" / "slot_shapes.py")
ss = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(ss)


def shape(text: str, subj: str, obj: str, rtype: str = "acquires", others=()) -> str:
    def at(n):
        i = text.index(n)
        return [(i, i + len(n))]
    s, o = at(subj), at(obj)
    alls = sorted(s + o + [x for n in others for x in at(n)])
    return ss.classify(text, 0, len(text), s, o, alls, rtype, load_lexicon())


def test_slot_shapes():
    assert shape("星海科技于3月5日宣布收购蓝鲸网络。", "星海科技", "蓝鲸网络") == "date between subject and trigger"
    assert shape("星海科技公告，公司拟收购蓝鲸网络。", "星海科技", "蓝鲸网络") == "clause break between subject and trigger"
    assert shape("蓝鲸网络被星海科技收购。", "星海科技", "蓝鲸网络") == "passive: object first, 被/遭/获/由 marker"
    assert shape("星海科技收购了蓝鲸网络和北辰电子。", "星海科技", "北辰电子", others=["蓝鲸网络"]) == \
        "list on the object side"
    assert shape("星海科技和远山资本起诉了蓝鲸网络。", "远山资本", "蓝鲸网络", "sues", others=["星海科技"]) == \
        "list on the subject side"
    assert shape("星海科技与蓝鲸网络签约。", "星海科技", "蓝鲸网络") == "no trigger word of the type in the sentence"
    assert shape("星海科技收购蓝鲸网络。", "星海科技", "蓝鲸网络") == "adjacent subject, trigger and object"
