"""Hand-made extractions for tests that must not depend on the extractor's current quality."""
from __future__ import annotations

import hashlib

from kg.model import Article, Entity, Extraction, Lawsuit, Relation


def make_extraction(article_id: str = "a1", date: str = "2021-11-13", text: str | None = None,
                    relations: list[tuple] | None = None) -> Extraction:
    text = text or "2018年3月8日，腾讯屏蔽了抖音。2021年2月，字节跳动将腾讯告上法庭。"
    art = Article(id=article_id, title=f"标题 {article_id}", date=date, source="测试",
                  text=text, path=f"{article_id}.md",
                  sha256=hashlib.sha256(text.encode()).hexdigest())
    ents = [Entity("腾讯", "Company", ["Tencent"], qid="Q860580"),
            Entity("字节跳动", "Company", ["字节", "ByteDance"]),
            Entity("抖音", "Product", ["Douyin"], owner="字节跳动"),
            Entity("北京知识产权法院", "Court")]
    rels = [Relation(t, s, o, d, ev, 0, 10, 0.8) for t, s, o, d, ev in (relations or [
        ("blocks", "腾讯", "抖音", "2018-03-08", "2018年3月8日，腾讯屏蔽了抖音。"),
        ("sues", "字节跳动", "腾讯", "2021-02", "2021年2月，字节跳动将腾讯告上法庭。"),
        ("competes", "字节跳动", "腾讯", None, "头腾大战")])]
    suits = [Lawsuit(["字节跳动"], ["腾讯"], court="北京知识产权法院", date="2021-02",
                     cause="antitrust", claim_cny=90000000.0, evidence="字节跳动将腾讯告上法庭",
                     start=15, end=33)]
    return Extraction(art, ents, rels, suits)
