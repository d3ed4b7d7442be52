import pytest

from kg.extract.money import find_money, to_cny


@pytest.mark.parametrize("text,value,cur", [
    ("索赔9000万元", 9e7, "CNY"),
    ("累计金额近4.7亿元", 4.7e8, "CNY"),
    ("罚款182.28亿元", 182.28e8, "CNY"),
    ("赔偿人民币5亿", 5e8, "CNY"),
    ("索赔一千万元", 1e7, "CNY"),
    ("要求赔偿300万", 3e6, None),
    ("a $1.05 billion verdict", 1.05e9, "USD"),
    ("索赔1亿美元", 1e8, "USD"),
    ("14425.99元", 14425.99, "CNY"),
    # a currency written before the number rules over the 元 after it (Taiwan and Hong Kong reports)
    ("求偿新台币15亿元", 15e8, "TWD"),
    ("判赔港币5亿元", 5e8, "HKD"),
    ("以美元20亿收购", 20e8, "USD"),
    ("求偿人民币10亿元", 10e8, "CNY"),
    ("claimed NT$1.5 billion in damages", 1.5e9, "TWD"),
])
def test_amounts(text, value, cur):
    ms = find_money(text)
    assert ms, text
    assert ms[0].value == pytest.approx(value)
    assert ms[0].currency == cur


def test_counts_are_not_money():
    assert find_money("5万人参加") == []
    assert find_money("两家公司") == []
    assert find_money("兑美元2019年走弱") == []     # a currency word before a bare year


def test_to_cny_keeps_foreign_currency_out():
    usd = find_money("$3 million")[0]
    assert to_cny(usd) is None
    assert to_cny(find_money("3000万元")[0]) == pytest.approx(3e7)
    assert to_cny(find_money("新台币15亿元")[0]) is None          # NT$, never stored as yuan
