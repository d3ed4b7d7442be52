"""One case per real lawsuit: which lawsuit report nodes are reports of one case.

Each article writes its own lawsuit report nodes (`kg.resolve.lawsuit_iri`: the 案号 when given,
else resolved parties, cause, filing date and court), knowing nothing of other articles.  Which
reports tell one case is decided here, over every report in the store, and written to the cases
graph (`CASES_GRAPH`) as `report kg:case case` for every report — `case` being the IRI of the
case's most precise report.  Queries then just group by `kg:case` (`lawsuits.rq`, `kg lawsuits`,
the viewer).

The rule (`cluster_cases`): a report joins the most precise compatible report of its case,
transitively; one nothing beats is a case of its own.  Compatible: a plaintiff and a defendant in
common (or, when both reports are pinned by the same court or a date, the same owner: a unit the
text or the lexicon says a company `owns` counts as its owner), compatible dates (2017 beside
2017-03-08), the same court if both name one, the same cause unless a court and a date pin them.
A countersuit (sides reversed) is never compatible; a case told only at a later stage (appeal,
retrial, final) with the sides reversed — the appellant named first — joins the case it appeals
(`assign_cases`), written `report kg:reversedIn case` beside its `kg:case`.

`refresh_cases(store)` recomputes the links from the store's reports and writes only what
changed, in one update; the build and `kg remove` call it, so the cases graph is a function of
the stored reports alone: the same whatever the order of articles, the workers, or whether they
came in one build, several, or with some removed in between.  Store level: it needs only
`store.query_json` and `store.update`.
"""
from __future__ import annotations

from collections import defaultdict

from kg.resolve import CASES_GRAPH, ONTOLOGY

CASE = ONTOLOGY + "case"
REVERSED = ONTOLOGY + "reversedIn"
#: stages a report can tell after the filing: a report only of these, sides the other way round,
#: is the case's appeal (the appellant named first: "淘友与微梦不正当竞争纠纷案二审")
LATER_STAGES = ("appeal", "retrial", "final")
_OTHER = ONTOLOGY + "cause/other"

_Q_REPORTS = f"""SELECT DISTINCT ?l ?p ?v WHERE {{
  GRAPH ?g {{ ?l a <{ONTOLOGY}Lawsuit> ; ?p ?v }}
  FILTER (?p IN (<{ONTOLOGY}plaintiff>, <{ONTOLOGY}defendant>, <{ONTOLOGY}filingDate>,
                 <{ONTOLOGY}court>, <{ONTOLOGY}cause>, <{ONTOLOGY}caseNumber>))
}}"""
_Q_STAGES = f"""SELECT DISTINCT ?l ?k WHERE {{
  GRAPH ?g {{ ?l a <{ONTOLOGY}Lawsuit> ; <{ONTOLOGY}stage> ?s . ?s <{ONTOLOGY}stageType> ?k }} }}"""
_Q_OWNS = f"""SELECT DISTINCT ?o ?u WHERE {{ GRAPH ?g {{ ?o <{ONTOLOGY}owns> ?u }} }}"""
_Q_LINKS = f"""SELECT ?l ?p ?c WHERE {{ GRAPH <{CASES_GRAPH}> {{ ?l ?p ?c }}
  FILTER (?p IN (<{ONTOLOGY}case>, <{ONTOLOGY}reversedIn>)) }}"""


def suit_spec(x: dict) -> tuple:
    """How precisely a lawsuit report is known: case number, date, cause, court; date length."""
    return ((8 if x["case"] else 0) + (4 if x["date"] else 0) + (2 if x["cause"] else 0) +
            (1 if x["court"] else 0), len(x["date"] or ""))


def _compatible_dates(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def _top(owner_of: dict[str, str], iri: str) -> str:
    """The company at the top of `iri`'s ownership chain (itself if none; cycles stop)."""
    seen = {iri}
    while iri in owner_of and owner_of[iri] not in seen:
        iri = owner_of[iri]
        seen.add(iri)
    return iri


def beats(y: dict, x: dict, owner_of: dict[str, str] | None = None) -> bool:
    """`y` is a more precise, compatible report of `x`'s case."""
    if x["case"] or y["iri"] == x["iri"]:
        return False
    if not _compatible_dates(x["date"], y["date"]):
        return False
    if x["court"] and y["court"] and x["court"] != y["court"]:
        return False
    if not (x["plaintiffs"] & y["plaintiffs"] and x["defendants"] & y["defendants"]):
        # an operator or subsidiary and its owner: one case only when a court or a date
        # (both reports giving it) pins them or one of them gives neither, and no side
        # is shared the other way round
        if not owner_of:
            return False
        pin = (x["court"] and x["court"] == y["court"]) or (x["date"] and y["date"])
        vague = not (x["date"] or x["court"]) or not (y["date"] or y["court"])  # one gives neither
        if not pin and not vague:
            return False
        up = lambda s: {_top(owner_of, i) for i in s}  # noqa: E731
        if not (up(x["plaintiffs"]) & up(y["plaintiffs"]) and up(x["defendants"]) & up(y["defendants"])):
            return False
        if up(x["plaintiffs"]) & up(y["defendants"]):
            return False
    pinned = x["court"] and x["court"] == y["court"] and x["date"] and y["date"]
    if x["cause"] and y["cause"] and x["cause"] != y["cause"] and not pinned:
        return False            # (a court and a date pin the case; a cause may be misread)
    sx, sy = suit_spec(x), suit_spec(y)
    return sy > sx or (sy == sx and y["iri"] < x["iri"])


def cluster_cases(suits: dict[str, dict], owner_of: dict[str, str] | None = None) -> dict[str, str]:
    """{report: its case's report}: each report joins the most precise compatible report of its
    case (see `beats`), transitively; a report nothing beats is a case of its own.

    `suits[iri]` = {"iri", "plaintiffs": set, "defendants": set, "date", "court", "cause", "case"}
    (cause None when unknown or "other"); `owner_of` = {unit: owner}."""
    owner_of = owner_of or {}
    best: dict[str, str] = {}
    by_party: dict[tuple, list] = defaultdict(list)      # only suits sharing a party can meet
    up = lambda i: _top(owner_of, i)  # noqa: E731
    for y in suits.values():
        for p in {up(i) for i in y["plaintiffs"]}:
            for d in {up(i) for i in y["defendants"]}:
                by_party[(p, d)].append(y)
    for x in sorted(suits.values(), key=lambda x: x["iri"]):
        near = {y["iri"]: y for p in {up(i) for i in x["plaintiffs"]}
                for d in {up(i) for i in x["defendants"]} for y in by_party[(p, d)]}
        better = [y for _, y in sorted(near.items()) if beats(y, x, owner_of)]
        if better:
            best[x["iri"]] = max(better, key=lambda y: (suit_spec(y), [-ord(c) for c in y["iri"]]))["iri"]
    out = {}
    for iri in suits:
        root, seen = iri, set()
        while root in best and root not in seen:
            seen.add(root)
            root = best[root]
        out[iri] = root
    return out


def _appeal_of(x: dict, y: dict) -> bool:
    """`x`, a report only of later stages (appeal, retrial, final) naming the sides the other way
    round, tells `y`'s case: the same cause, given by both; `y` filed no later than `x`; and
    `y` tells the filing or first instance (so a countersuit, told at its filing, stays apart)."""
    if not x["stages"] or not set(x["stages"]) <= set(LATER_STAGES):
        return False
    if not y["stages"] or set(y["stages"]) <= set(LATER_STAGES) or y["iri"] == x["iri"]:
        return False
    if not (x["plaintiffs"] & y["defendants"] and x["defendants"] & y["plaintiffs"]):
        return False
    if x["plaintiffs"] & y["plaintiffs"] or x["defendants"] & y["defendants"]:
        return False
    if not (x["cause"] and x["cause"] == y["cause"]):
        return False
    if x["case"] and y["case"] and x["case"] != y["case"]:
        return False
    return not (x["date"] and y["date"] and y["date"][:len(x["date"])] > x["date"])


def assign_cases(suits: dict[str, dict], owner_of: dict[str, str] | None = None
                 ) -> tuple[dict[str, str], set[str]]:
    """({report: case}, reports naming the case's sides the other way round): `cluster_cases`,
    then a case of later stages only whose sides are the reverse of another case's (its appeal,
    the appellant named first) joins that case, the most precise one if several."""
    case_of = cluster_cases(suits, owner_of)
    roots = sorted({r for r in case_of.values()})
    members: dict[str, list] = defaultdict(list)
    for l, r in case_of.items():
        members[r].append(l)
    stages = {r: set().union(*(suits[m].get("stages", set()) for m in members[r])) for r in roots}
    # only a case whose sides are the reverse of x's can be the one x appeals: index cases by
    # (plaintiff, defendant) so each x meets those only (comparing all pairs took minutes at
    # 10,000 articles)
    by_sides: dict[tuple, list[str]] = defaultdict(list)
    for y in roots:
        for p in suits[y]["plaintiffs"]:
            for d in suits[y]["defendants"]:
                by_sides[(p, d)].append(y)
    later = set(LATER_STAGES)
    flip: dict[str, str] = {}
    for r in roots:
        if not stages[r] or not stages[r] <= later:
            continue                # (_appeal_of's first test: x tells later stages only)
        x = dict(suits[r], stages=stages[r])
        near = sorted({y for p in x["plaintiffs"] for d in x["defendants"] for y in by_sides[(d, p)]} - {r})
        cands = [suits[y] for y in near if _appeal_of(x, dict(suits[y], stages=stages[y]))]
        if cands:
            flip[r] = max(cands, key=lambda y: (suit_spec(y), [-ord(c) for c in y["iri"]]))["iri"]
    reversed_ = set()
    for l, r in list(case_of.items()):
        if r in flip:
            case_of[l] = flip[r]
            reversed_.add(l)
    return case_of, reversed_


def _rows(store, sparql: str) -> list[tuple]:
    res = store.query_json(sparql)
    names = res.get("head", {}).get("vars", [])
    return [tuple(b.get(v, {}).get("value") for v in names)
            for b in res.get("results", {}).get("bindings", [])]


def suits_from_rows(rows) -> dict[str, dict]:
    """The `cluster_cases` input from (report, property IRI, value) rows."""
    props: dict[str, dict] = defaultdict(lambda: defaultdict(list))
    for l, p, v in rows:
        props[l][p.rsplit("#", 1)[-1]].append(v)
    first = lambda pr, k: min(pr[k]) if pr.get(k) else None  # noqa: E731
    suits = {}
    for l, pr in props.items():
        if not pr.get("plaintiff") or not pr.get("defendant"):
            continue
        cause = first(pr, "cause")
        suits[l] = {"iri": l, "plaintiffs": set(pr["plaintiff"]), "defendants": set(pr["defendant"]),
                    "date": first(pr, "filingDate"), "court": first(pr, "court"),
                    "cause": None if cause in (None, _OTHER) else cause,
                    "case": first(pr, "caseNumber")}
    return suits


def owners(rows) -> dict[str, str]:
    """{unit: owner} from (owner, unit) rows; a unit told of two owners keeps the first by IRI."""
    out: dict[str, str] = {}
    for o, u in sorted(rows):
        if o != u:
            out.setdefault(u, o)
    return out


def case_links(store) -> tuple[dict[str, str], set[str]]:
    """({report: case}, reports with the sides reversed) for every lawsuit report in the store
    (computed, not read)."""
    suits = suits_from_rows(_rows(store, _Q_REPORTS))
    if not suits:
        return {}, set()
    for l, k in _rows(store, _Q_STAGES):
        if l in suits:
            suits[l].setdefault("stages", set()).add(k.rsplit("/", 1)[-1])
    return assign_cases(suits, owners(_rows(store, _Q_OWNS)))


def stored_links(store) -> tuple[dict[str, str], set[str]]:
    """({report: case}, reports with the sides reversed) as the cases graph holds them."""
    return links_from_rows(_rows(store, _Q_LINKS))


def links_from_rows(rows) -> tuple[dict[str, str], set[str]]:
    """`stored_links` of (report, predicate, case) rows read from the cases graph."""
    case_of, flipped = {}, set()
    for l, p, c in rows:
        if p == CASE:
            case_of[l] = c
        else:
            flipped.add(l)
    return case_of, flipped


def _triples(case_of: dict[str, str], flipped: set[str]) -> set[tuple[str, str, str]]:
    return ({(l, CASE, c) for l, c in case_of.items()} |
            {(l, REVERSED, case_of[l]) for l in flipped if l in case_of})


def refresh_cases(store) -> int:
    """Bring the cases graph up to date with the store's reports; returns how many triples
    changed."""
    want = _triples(*case_links(store))
    have = _triples(*stored_links(store))
    gone, new = sorted(have - want), sorted(want - have)
    if not gone and not new:
        return 0
    ops = []
    for verb, ts in (("DELETE", gone), ("INSERT", new)):
        if ts:
            ops.append(f"{verb} DATA {{ GRAPH <{CASES_GRAPH}> {{\n"
                       + "".join(f"<{l}> <{p}> <{c}> .\n" for l, p, c in ts) + "} }")
    store.update(" ;\n".join(ops))
    return len(gone) + len(new)


_COUNTER = ("反诉", "反告", "反击", "countersu", "counter-su", "countercla")


def reversed_echoes(suits: list[tuple[set, set, int, str]]) -> set[int]:
    """Which of one article's lawsuit reports are a misreading of another: told by the same
    sentence with the sides the other way round and fewer parties ("三星起诉华为和亨通达" read
    once right and once as 亨通达 v 三星).  `suits` = [(plaintiff IRIs, defendant IRIs, sentence
    start, sentence)]; returns their positions to leave out.  A sentence that tells a countersuit
    (反诉, countersued) keeps both."""
    drop = set()
    for i, (p, d, start, text) in enumerate(suits):
        if any(w in text for w in _COUNTER):
            continue
        for j, (p2, d2, start2, _t) in enumerate(suits):
            if (j != i and start2 == start and p <= d2 and d <= p2
                    and len(p) + len(d) < len(p2) + len(d2)):
                drop.add(i)
                break
    return drop
