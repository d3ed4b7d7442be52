"""The slot machinery of the Chinese relation reader: what counts as a clause break between a verb
and its arguments, and which names join into one list of co-actors."""
from __future__ import annotations

from kg.extract.mentions import grouped_comma, unbroken
from kg.extract.relations import _clause_begin


def test_a_comma_grouping_digits_is_no_clause_break():
    t = "星海科技公告,公司拟以2,600万元收购蓝鲸网络52%股权,交易价4,922.00万美元"
    assert not grouped_comma(t, t.index(","))            # 公告, : a clause break
    assert grouped_comma(t, t.index("2,600") + 1)
    assert grouped_comma(t, t.index("4,922") + 1)
    assert not grouped_comma("共1,23家", 2)                 # not three digits after it
    assert not grouped_comma("分别为1,2345", 3)             # four digits: a list of numbers
    assert unbroken(t, t.index("公司"), t.index("收购")) == "公司拟以2600万元"
    ts = t.index("收购")
    assert _clause_begin(t, ts, 0) == t.index("公司")      # the clause opens after 公告, not inside 2,600
