"""A suit told twice, once against a product and once against the company the article names as its
operator (rule `zh.sues.operator_restated`).

`腾讯诉抖音、多闪…案将二次开庭` and `将抖音的运营方北京微播视界科技有限公司、多闪的运营方北京拍拍看看科技有限公司
诉至…法院`: the second sentence says who the defendants are; the first names the same case by the
products.  When the article writes a company right after a product as its operator (`operator_word`
in modifiers.tsv: 多闪的运营方X), a relation of a kind between parties (sues, accuses) against the
product is dropped where the same subject has one of the same kind against the operator: one fact,
not two.  Before this the operator's name was seldom found, and the product's telling stood alone.
"""
from __future__ import annotations

from kg.lexicon import Lexicon
from kg.model import Entity, Relation

_KINDS = ("sues", "accuses")


def operators(text: str, entities: list[Entity], lex: Lexicon) -> dict[str, str]:
    """Product -> company, where the text writes the company as the product's operator right after it."""
    words = sorted(lex.words("operator_word"), key=len, reverse=True)
    if not words:
        return {}
    at = {s: e for e in entities for s, _ in e.mentions}
    out: dict[str, str] = {}
    for e in entities:
        if e.type != "Product":
            continue
        for _, end in e.mentions:
            de = 1 if text.startswith("的", end) else 0
            w = next((w for w in words if text.startswith(w, end + de)), None)
            c = at.get(end + de + len(w)) if w else None
            if c is not None and c.type == "Company":
                out[e.key] = c.key
    return out


def drop_operator_restatements(text: str, entities: list[Entity], relations: list[Relation],
                               lex: Lexicon) -> list[Relation]:
    """`relations` without a suit or accusation against a product that the same subject's one against
    its operator restates (see the module's doc)."""
    op = operators(text, entities, lex) if any(r.type in _KINDS for r in relations) else {}
    if not op:
        return relations
    have = {(r.type, r.subject, r.object) for r in relations if not r.negated}
    return [r for r in relations if not (r.type in _KINDS and r.object in op
                                         and (r.type, r.subject, op[r.object]) in have)]
