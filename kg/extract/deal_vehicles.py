"""The buyer behind a vehicle: `zh.deal.through_unit` — X通过(旗下/其全资子公司)Y收购Z: X buys Z too.

    PayPal通过旗下美银宝收购国付宝70%的股权                     PayPal acquires 国付宝 (美银宝 read by the frames)
    星海控股拟通过香港全资子公司星海国际以现金收购蓝鲸矿业100%股权   星海控股 acquires 蓝鲸矿业

A deal the frames read with Y as its actor, Y named right after a vehicle marker (通过, 透过, 经由:
modifiers.tsv kind vehicle_prep) and at most 16 characters of description (旗下, 其全资子公司, 香港…), gets
the party named before the marker in the same clause (X, at most 12 characters before it: 拟, 已, 还曾在…)
as an actor too: the vehicle acts for its owner.  Only deals of rules that are not dropped (the
calibration table) are followed.  Not read: a marker that opens its clause (公司拟通过子
公司Y…: no name before it), a party between X and the marker, X the company bought.
"""
from __future__ import annotations

import functools
import re

from kg.extract.confidence import dropped
from kg.extract.relations import Cand
from kg.lexicon import Lexicon

RULE = "zh.deal.through_unit"
_ACTORS = ("Company", "Person", "Organization")
_BREAKS = "，,。；;！？!?"


@functools.lru_cache(maxsize=4)
def _marker(lex_id: int, lex: Lexicon) -> re.Pattern:
    return re.compile(rf"(?:{lex.alternation('vehicle_prep')})(?P<mid>[^，,。；;！？!?]{{0,16}})$")


def vehicle_owners(text: str, ss: int, se: int, sm: list, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """The sentence's candidates, with each deal read with a vehicle as its actor also told of the
    vehicle's owner (see the module doc)."""
    if not any(c.type in ("acquires", "invests") for c in cands):
        return cands
    rx = _marker(id(lex), lex)
    named = [m for m in sm if m.source != "coref"]
    have = {(c.type, c.subject, c.object) for c in cands}
    out = list(cands)
    for c in cands:
        if c.type not in ("acquires", "invests") or c.negated or not (ss <= c.start < se) or dropped(c.rule, c.type):
            continue
        y = max((m for m in named if m.name == c.subject and m.end <= c.start), key=lambda m: m.start, default=None)
        if y is None:
            continue
        cb = y.start
        while cb > ss and text[cb - 1] not in _BREAKS:
            cb -= 1
        mk = rx.search(text, cb, y.start)
        if mk is None or any(mk.start("mid") <= m.start < y.start for m in named):
            continue
        before = [m for m in named if cb <= m.start and m.end <= mk.start()]
        if not before:
            continue
        x = before[-1]
        if x.type not in _ACTORS or x.name in (c.subject, c.object) or mk.start() - x.end > 12:
            continue
        if (c.type, x.name, c.object) in have:
            continue
        have.add((c.type, x.name, c.object))
        out.append(Cand(x.name, c.object, c.type, c.start, c.end, c.confidence, False, c.trigger, rule=RULE))
    return out
