"""entity_table: mentions folded into one entity per name, with each reader's choices explicit."""
from types import SimpleNamespace

from kg.extract.entity_table import entity_table
from kg.extract.mentions import Mention

LEX = SimpleNamespace(entities={
    "腾讯": SimpleNamespace(type="Company", aliases=("腾讯公司",), qid="Q860580", owner=None),
    "微信": SimpleNamespace(type="Product", aliases=(), qid=None, owner="腾讯"),
})


def _table(mentions, **kw):
    opts = dict(lexicon_type=False, vote_type=False, surface_first=False, owner_from_mention=False)
    opts.update(kw)
    return entity_table(mentions, LEX, **opts)


def test_one_entity_per_name_in_first_mention_order_coref_skipped():
    ms = [Mention(5, 7, "微信", "Product", "微信"), Mention(0, 2, "腾讯", "Company", "腾讯"),
          Mention(9, 10, "腾讯", "Company", "它", source="coref"), Mention(12, 14, "微信", "Product", "微信")]
    t = _table(ms)
    assert list(t) == ["微信", "腾讯"]
    assert t["微信"].mentions == [(5, 7), (12, 14)]
    assert t["腾讯"].mentions == [(0, 2)]
    assert t["腾讯"].qid == "Q860580" and t["腾讯"].source == "lexicon"
    assert t["微信"].owner == "腾讯"


def test_lexicon_type_versus_first_mention_type():
    ms = [Mention(0, 2, "腾讯", "Organization", "腾讯")]
    assert _table(ms)["腾讯"].type == "Organization"
    assert _table(ms, lexicon_type=True)["腾讯"].type == "Company"


def test_vote_type_for_discovered_names_ties_to_first_seen():
    ms = [Mention(0, 4, "字节跳动", "Person", "字节跳动", source="pattern"),
          Mention(6, 10, "字节跳动", "Company", "字节跳动", source="pattern"),
          Mention(12, 16, "字节跳动", "Company", "字节跳动", source="pattern")]
    assert _table(ms)["字节跳动"].type == "Person"
    assert _table(ms, vote_type=True)["字节跳动"].type == "Company"
    tie = ms[:2]
    assert _table(tie, vote_type=True)["字节跳动"].type == "Person"


def test_surface_alias_order():
    ms = [Mention(0, 3, "腾讯", "Company", "鹅厂")]
    assert _table(ms)["腾讯"].aliases == ["腾讯公司", "鹅厂"]
    assert _table(ms, surface_first=True)["腾讯"].aliases == ["鹅厂", "腾讯公司"]


def test_owner_from_mention_only_when_lexicon_gives_none():
    ms = [Mention(0, 7, "Android", "Product", "Android", source="pattern", owner="Google"),
          Mention(8, 10, "微信", "Product", "微信", owner="阿里巴巴")]
    assert _table(ms)["Android"].owner is None
    t = _table(ms, owner_from_mention=True)
    assert t["Android"].owner == "Google"
    assert t["微信"].owner == "腾讯"
