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

`refresh_cases(store, changes=None)` recomputes the links from the store's reports and writes
only what changed, in one update; the build and `kg remove` call it (through
`Store.refresh_cases()`), so the cases graph is a function of the stored reports alone: the same
whatever the order of articles, the workers, or whether they came in one build, several, or with
some removed in between.  With `changes` (`Changes`: the article graphs written or removed since
the last refresh and what they held; the embedded store keeps them) only the cases those
articles' parties touch are clustered again (see "incremental refresh" below), with the same
result.  Store level: a full refresh needs only `store.query_json` and `store.update`; the
incremental one also `store.quads` (index look-ups).
"""
from __future__ import annotations

from collections import defaultdict

from kg.resolve import ARTICLES_GRAPH, CASES_GRAPH, ONTOLOGY, SUMMARY_GRAPH, SUMMARY_NS

CASE = ONTOLOGY + "case"
#: `<summary graph> CHANGED "IRI"`: a report whose links changed, or a case that gained or lost
#: one, since the summary graph (`kg.summary`) was last refreshed (it reads and clears them)
CHANGED = SUMMARY_NS + "caseChanged"
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


_Q_SUMMARY_MARK = f"SELECT ?v WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> <{SUMMARY_NS}version> ?v }} }}"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


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


def _rows(store, sparql: "str | list[str]") -> list[tuple]:
    """Rows of one query, or of several (the same variables), as tuples of values."""
    if isinstance(sparql, list):
        return [r for q in sparql for r in _rows(store, q)]
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


def _all_report_rows(store) -> tuple[list[tuple], list[tuple]]:
    """The rows of `_Q_REPORTS` and `_Q_STAGES`: by SPARQL, or on a store with index look-ups
    (`store.quads`) by a scan per property (several times quicker than the SPARQL engine's
    JSON results at 45,000 reports)."""
    if not hasattr(store, "quads"):
        return _rows(store, _Q_REPORTS), _rows(store, _Q_STAGES)
    typed = set(store.quads(None, _TYPE, _LAWSUIT, None, parts="sg"))
    rows = set()
    for p in _PROPS:
        rows.update((l, p, v) for l, v, g in store.quads(None, p, None, None, parts="sog")
                    if (l, g) in typed)
    kinds = {(s, g): k for s, k, g in store.quads(None, ONTOLOGY + "stageType", None, None, parts="sog")}
    stages = {(l, kinds[s, g]) for l, s, g in store.quads(None, ONTOLOGY + "stage", None, None, parts="sog")
              if (l, g) in typed and (s, g) in kinds}
    return sorted(rows), sorted(stages)


def case_links(store) -> tuple[dict[str, str], set[str]]:
    """({report: case}, reports with the sides reversed) for every lawsuit report in the store
    (computed, not read)."""
    rows, stage_rows = _all_report_rows(store)
    suits = suits_from_rows(rows)
    if not suits:
        return {}, set()
    for l, k in stage_rows:
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


def refresh_cases(store, changes: "Changes | None" = None) -> int:
    """Bring the cases graph up to date with the store's reports; returns how many triples
    changed.

    `changes` (None: every report is read and clustered again): the article graphs written or
    removed since the cases graph was last brought up to date, with what they held before
    (`Changes`, kept by `kg.store.EmbeddedStore`); only the cases those articles' parties touch
    are clustered again (`_affected`), and the graph ends the same as a full refresh gives."""
    if changes is not None and not changes:
        return 0
    scope = None
    if changes is not None:
        stored = sum(1 for _ in store.quads(None, ONTOLOGY + "sha256", None, ARTICLES_GRAPH, parts="s"))
        if len(changes.articles) * INCREMENTAL_SHARE <= stored:
            scope = _affected(store, changes, max(INCREMENTAL_MIN_REPORTS, stored // 2))
    if scope is None:                                     # everything
        want = _triples(*case_links(store))
        have = _triples(*stored_links(store))
    else:
        suits, owner_of, old = scope
        want = _triples(*assign_cases(suits, owner_of)) if suits else set()
        have = _triples(*links_from_rows((l, p, c) for l in set(suits) | old
                                         for p, c in store.quads(l, None, None, CASES_GRAPH, parts="po")
                                         if p in (CASE, REVERSED)))
    gone, new = sorted(have - want), sorted(want - have)
    if not gone and not new:
        return 0
    ops = []
    for verb, ts in (("DELETE", gone), ("INSERT", new)):
        if ts:
            ops.append(f"{verb} DATA {{ GRAPH <{CASES_GRAPH}> {{\n"
                       + "".join(f"<{l}> <{p}> <{c}> .\n" for l, p, c in ts) + "} }")
    if _rows(store, _Q_SUMMARY_MARK):
        # in the same update: the summary's next refresh rewrites the rows of these cases'
        # parties (a case may gain or lose reports no changed article holds: owner chains)
        logged = sorted({x for l, _p, c in gone + new for x in (l, c)})
        ops.append(f"INSERT DATA {{ GRAPH <{SUMMARY_GRAPH}> {{\n" + "".join(
            f'<{SUMMARY_GRAPH}> <{CHANGED}> "{_escape(x)}" .\n' for x in logged) + "} }")
    getattr(store, "update_derived", store.update)(" ;\n".join(ops))
    return len(gone) + len(new)


# ------------------------------------------------------------------------ incremental refresh
#
# Which reports can change case when some articles change?  `cluster_cases` compares a report
# only with reports sharing a (plaintiff, defendant) pair, owners counted (`_top`), and
# `assign_cases` an appeal only with cases of the reversed pair: so the links of a report depend
# only on its *component*, the reports joined through shared unordered pairs {up(p), up(d)}.
# A component holding no changed report and no report whose `_top` changed is clustered as
# before — unless it lost a report (a removed one, or one whose pair moved away): then only the
# reports whose chain went through it change case, and they are the members of its old case.
# So the refresh re-clusters the components (in the store as it is now) of
#   the reports the changed article graphs hold now and held before,
#   the reports naming a company whose owner chain a changed `kg:owns` link touches, and
#   every report that shared a stored case with one of those,
# which is what a full refresh gives for them; every other link stays as it is.

#: Changed articles more than 1/INCREMENTAL_SHARE of the stored ones (a first build): read
#: everything (a look-up per report costs more than its share of one read of them all).
INCREMENTAL_SHARE = 10
#: A scope that grows past max(this, stored articles / 2) reports: read everything instead.
INCREMENTAL_MIN_REPORTS = 2000


class Changes:
    """What changed since the cases graph was last right: `articles` (graphs written or
    removed), and what their old versions held: `reports` (lawsuit report IRIs) and `units`
    (objects of `kg:owns` links)."""

    def __init__(self):
        self.articles: set[str] = set()
        self.reports: set[str] = set()
        self.units: set[str] = set()

    def __bool__(self) -> bool:
        return bool(self.articles or self.reports or self.units)

    def add_rows(self, rows) -> None:
        """(kind, IRI) rows of `held`: "r" a report, "u" an owned unit."""
        for k, x in rows:
            (self.reports if k == "r" else self.units).add(x)


_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LAWSUIT = ONTOLOGY + "Lawsuit"
_PROPS = {ONTOLOGY + k for k in ("plaintiff", "defendant", "filingDate", "court", "cause", "caseNumber")}


def held(store, article_iri: str) -> list[tuple[str, str]]:
    """The lawsuit reports ("r", IRI) and owned units ("u", IRI) an article graph holds (read
    before it changes).  `store.quads(s, p, o, g)`: (s, p, o, g) value tuples of a pattern (an
    index look-up; `kg.store.EmbeddedStore.quads`)."""
    return ([("r", l) for l in store.quads(None, _TYPE, _LAWSUIT, article_iri, parts="s")] +
            [("u", u) for u in store.quads(None, ONTOLOGY + "owns", None, article_iri, parts="o")])


def _report_rows(store, reports) -> tuple[list[tuple], list[tuple]]:
    """What `_Q_REPORTS` and `_Q_STAGES` read, for `reports` only: (report, property, value) and
    (report, stage type) rows, from the graphs that type the report a `kg:Lawsuit`."""
    rows, stages = set(), set()
    for l in reports:
        graphs = set(store.quads(l, _TYPE, _LAWSUIT, None, parts="g"))
        if not graphs:
            continue
        for p in _PROPS:
            rows.update((l, p, v) for v, g in store.quads(l, p, None, None, parts="og") if g in graphs)
        for s, g in store.quads(l, ONTOLOGY + "stage", None, None, parts="og"):
            if g in graphs:
                stages.update((l, k) for k in store.quads(s, ONTOLOGY + "stageType", None, g, parts="o"))
    return sorted(rows), sorted(stages)


def _affected(store, changes: Changes, limit: int = 10 ** 9):
    """(suits of every report to cluster again, owner_of, reports whose stored links to drop
    or check), or None when the scope grows past `limit` reports.  Reads by index
    look-ups (`store.quads`): its cost follows the scope, not the store."""
    owner_of = owners(_rows(store, _Q_OWNS))
    now = Changes()
    for a in changes.articles:
        now.add_rows(held(store, a))
    # companies whose owner chain may have changed: the units of changed links, and below them
    kids: dict[str, set] = defaultdict(set)
    for u, o in owner_of.items():
        kids[o].add(u)
    moved, todo = set(), list(changes.units | now.units)
    while todo:
        e = todo.pop()
        if e not in moved:
            moved.add(e)
            todo.extend(kids.get(e, ()))
    by_role: dict[tuple, set] = {}

    def naming(role: str, e: str) -> set:
        if (role, e) not in by_role:
            by_role[role, e] = set(store.quads(None, ONTOLOGY + role, e, None, parts="s"))
        return by_role[role, e]

    seeds = changes.reports | now.reports
    for e in moved:
        seeds |= naming("plaintiff", e) | naming("defendant", e)
    # every report that shared a stored case with a seed
    cases = {c for l in seeds for c in store.quads(l, CASE, None, CASES_GRAPH, parts="o")}
    seeds |= cases | {l for c in cases for l in store.quads(None, CASE, c, CASES_GRAPH, parts="s")}
    # members of each owner family: the companies whose `_top` is T
    up = {}
    family: dict[str, set] = defaultdict(set)
    for e in set(owner_of) | set(owner_of.values()):
        up[e] = _top(owner_of, e)
        family[up[e]].add(e)
    members = lambda t: family[t] | ({t} if t not in owner_of else set())  # noqa: E731
    top = lambda e: up.get(e, e)  # noqa: E731
    suits: dict[str, dict] = {}
    all_stages: list[tuple] = []
    pairs_done: set[tuple] = set()
    fetch = seeds
    while fetch:
        rows, stages = _report_rows(store, fetch)
        new = suits_from_rows(rows)
        suits.update(new)
        all_stages += stages
        if len(suits) > limit:
            return None
        pairs = {tuple(sorted((top(p), top(d)))) for x in new.values()
                 for p in x["plaintiffs"] for d in x["defendants"]} - pairs_done
        pairs_done |= pairs
        fetch = set()
        for a, b in pairs:
            for s_, t_ in ((a, b), (b, a)):
                plaintiffs = set().union(*(naming("plaintiff", p) for p in members(s_)))
                defendants = set().union(*(naming("defendant", d) for d in members(t_)))
                fetch |= plaintiffs & defendants
        fetch -= set(suits) | seeds
    for l, k in all_stages:
        if l in suits:
            suits[l].setdefault("stages", set()).add(k.rsplit("/", 1)[-1])
    return suits, owner_of, seeds


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
