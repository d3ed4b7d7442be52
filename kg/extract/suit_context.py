"""A lawsuit's court or claim told in the sentence after the filing (Chinese articles).

    2019年5月，A起诉了B。该案由北京市海淀区人民法院受理，A索赔100万元。

The reader takes a suit's court from its own sentence (or the one before) and its claim from its own
sentence; this post-pass, run after the checks (kg/extract/checks.py), fills a court or a claim still
missing from the next sentence, when that sentence files no other suit, rules on nothing and speaks
of acceptance or a claim.
"""
from __future__ import annotations

import re

from kg import nlp
from kg.extract.money import find_money, to_cny
from kg.model import Extraction

_ACCEPTS = re.compile(r"受理|立案|审理|管辖|递交|提交|诉至|起诉至|诉讼至|告上|诉讼于|向[^，。；]{0,20}法院")
_CLAIM = re.compile(r"索赔|诉讼请求|请求法院判令|请求判令|要求[^，。；]{0,20}赔偿|赔偿[^，。；]{0,12}损失|索偿")
_NOT_CLAIM = re.compile(r"判决|判令[^，。；]{0,30}赔偿|判赔|一审|二审|终审|裁定|罚款|罚没|处罚|和解|达成")


def complete_suits(ex: Extraction, text: str) -> None:
    """Fill (in place) courts and claims told in the sentence after each suit's filing sentence.
    `text` is the article text read in Simplified characters (offsets as the original)."""
    if ex.article.lang == "en" or not ex.lawsuits:
        return
    todo = [ls for ls in ex.lawsuits if ls.end > ls.start and ls.count == 1 and
            (ls.court is None or (ls.claim_cny is None and ls.claim_amount is None))]
    if not todo:
        return
    sentences = nlp.split_sentences(text)
    at = {(s, e): i for i, (s, e, _) in enumerate(sentences)}
    filed = {r.start for r in ex.relations if r.type in ("sues", "rules") and not r.negated}
    courts = sorted((s, e.name) for e in ex.entities if e.type == "Court" for s, _ in e.mentions)
    for ls in todo:
        i = at.get((ls.start, ls.end))
        if i is None or i + 1 >= len(sentences):
            continue
        ns, ne, nt = sentences[i + 1]
        if ns in filed:
            continue                # the next sentence tells a suit or a ruling of its own
        others = [m for m in ex.lawsuits if m is not ls and m.start != ls.start and ns <= m.start < ne]
        if others:
            continue
        if ls.court is None and _ACCEPTS.search(nt):
            here = [name for s, name in courts if ns <= s < ne]
            if len(set(here)) == 1:
                ls.court = here[0]
        if ls.claim_cny is None and ls.claim_amount is None and _CLAIM.search(nt) and not _NOT_CLAIM.search(nt):
            # one amount, right after the claim word (索赔100万元, 要求B赔偿损失100万元)
            monies = [m for m in find_money(nt) if _CLAIM.search(nt[max(0, m.start - 16):m.start])]
            if len(monies) == 1:
                m = monies[0]
                ls.claim_amount, ls.claim_currency = m.value, m.currency or "CNY"
                ls.claim_cny = to_cny(m, assume_cny=not re.search(r"[A-Za-z]{4,}", nt))
