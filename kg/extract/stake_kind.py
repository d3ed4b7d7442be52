"""Type rule `zh.stake.minority`: a stake below control is an investment, not a purchase of the company.

An `acquires` fact whose sentence tells the stake taken and every stake it states is below the control
threshold (大立光认购先进光私募普通股，取得约15.2%股权; 泉泓投资将持有长控集团0.99%的股权), or that
is read only from becoming the largest shareholder (宝能系成为万科第一大股东, 深圳地铁持股约29%，成为
万科第一大股东: the largest holder of a quarter controls nothing), is `invests` — unless the sentence
tells a takeover or control (收购, 并购, 控制权, 控股股东: 腾讯买下虎牙16.5%的股份，取得了虎牙的控制权
is a purchase of control).  Word lists: `ontology/lexicon/modifiers.tsv` kinds `stake_control` (takeover
and control wording), `stake_largest` (第一大股东 …) and `stake_threshold` (the share, in per cent, from
which a stake is control).  The retyped fact is told by rule `zh.stake.minority`.
"""
from __future__ import annotations

import functools
import re

from kg.lexicon import Lexicon
from kg.model import Extraction

__all__ = ["minority_stakes"]

_PCT = re.compile(r"([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*[%％]")
_RULE = "zh.stake.minority"


@functools.lru_cache(maxsize=4)
def _marks(lex_id: int, lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """A per cent that measures a stake: a holding word before it (modifiers.tsv kind stake_hold_before: 持股,
    持有 …; not 占…净资产的12%), or a share word right after it (kind stake_share_after: 股权, 股份 …)."""
    alt = lex.alternation
    return (re.compile(rf"(?:{alt('stake_hold_before')})[^，,。；;]{{0,12}}$"),
            re.compile(rf"^(?:的)?(?:{alt('stake_share_after')})"))


def _stakes(sent: str, lex: Lexicon) -> list[float]:
    hold_before, share_after = _marks(id(lex), lex)
    out = []
    for m in _PCT.finditer(sent):
        if hold_before.search(sent[max(0, m.start() - 16):m.start()]) or share_after.match(sent[m.end():m.end() + 4]):
            try:
                out.append(float(m.group(1).translate(str.maketrans("０１２３４５６７８９．", "0123456789."))))
            except ValueError:
                continue
    return out


def _threshold(lex: Lexicon) -> float:
    vals = []
    for w in lex.words("stake_threshold"):
        try:
            vals.append(float(w))
        except ValueError:
            continue
    return min(vals) if vals else 50.0


def minority_stakes(ex: Extraction, text: str, lex: Lexicon) -> None:
    """Retype (in place) the Chinese `acquires` facts that tell a minority stake as `invests`."""
    if ex.article.lang == "en":
        return
    control = tuple(lex.words("stake_control"))
    largest = tuple(lex.words("stake_largest"))
    limit = _threshold(lex)
    for r in ex.relations:
        if r.type != "acquires" or r.negated or r.end <= r.start:
            continue
        sent = text[r.start:r.end]
        if any(w in sent for w in control):
            continue
        stakes = _stakes(sent, lex)
        if stakes:
            if max(stakes) >= limit:
                continue
        elif not (r.trigger or "").startswith("成为") or not any(w in (r.trigger or "") for w in largest):
            continue
        r.type, r.rule = "invests", _RULE
