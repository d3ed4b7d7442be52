"""Canonical names and stable IRIs, so one entity is one node across articles and builds.

An IRI is a pure function of a (normalised) name or id: the same name gives the same IRI in every
build and on every machine, which is what lets articles built on different days, by different
workers or on different servers meet on the same nodes.  Alias handling (字节 -> 字节跳动) happens
in extraction, against the lexicon; here only the spelling is normalised.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from urllib.parse import quote

BASE = "https://rivalry-kg.org/id/"
ONTOLOGY = "https://rivalry-kg.org/ontology#"
ENTITIES_GRAPH = BASE + "graph/entities"
ARTICLES_GRAPH = BASE + "graph/articles"
#: `report kg:case case`: which lawsuit reports tell one case (written by `kg.cases.refresh_cases`)
CASES_GRAPH = BASE + "graph/cases"
#: the summary graph (`kg.summary`) and its namespace; `kg.cases` notes there which links changed
SUMMARY_GRAPH = BASE + "graph/summary"
SUMMARY_NS = BASE + "summary#"

# Characters an IRI path segment may carry unescaped besides unreserved ASCII; everything else
# (spaces, slashes, quotes, angle brackets, '#', '?') is percent-encoded.
_SAFE_ASCII = "-._~"
_ORGS = {"Company", "Organization"}
_CJK = "\u4e00-\u9fff"


def normalize_name(name: str) -> str:
    """NFKC, collapsed whitespace: the spelling two mentions must share to be one entity."""
    return " ".join(unicodedata.normalize("NFKC", name).split())


def _segment(text: str) -> str:
    out = []
    for ch in text:
        if ord(ch) > 127 and (ch.isalnum() or unicodedata.category(ch).startswith("L")):
            out.append(ch)           # keep CJK and other letters readable (an IRI, not a URI)
        else:
            out.append(quote(ch, safe=_SAFE_ASCII))
    return "".join(out)


@functools.lru_cache(maxsize=16384)
def entity_iri(name: str) -> str:
    """Pure function of the name, remembered: a build asks for the same few names again and again."""
    return BASE + "entity/" + _segment(normalize_name(name).replace(" ", "_"))


def article_iri(article_id: str) -> str:
    return BASE + "article/" + _segment(str(article_id))


def digest(*parts: object) -> str:
    """A short deterministic hash of the parts (None and lists included)."""
    h = hashlib.sha256("\x1f".join(repr(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:20]


def relation_iri(rel_type: str, subject_iri: str, object_iri: str, date: str | None) -> str:
    """One node per event: the same (type, sides, date) told by several articles is one fact."""
    if rel_type in ("competes", "cooperates"):
        subject_iri, object_iri = sorted((subject_iri, object_iri))
    return BASE + "relation/" + digest(rel_type, subject_iri, object_iri, date)


def lawsuit_iri(plaintiffs: list[str], defendants: list[str], cause: str | None,
                date: str | None, case_number: str | None = None, court: str | None = None) -> str:
    """Keyed by 案号 when given, else by (resolved) parties, cause, filing date and court.

    A report gives each of these at most once, so a node has at most one date, cause and court;
    reports of one case that give less (no date, a year for a day, no court) are other nodes,
    joined to the case at query time (`rivals.rq`, `kg.analytics.cases`)."""
    if case_number:
        return BASE + "lawsuit/" + digest("case", normalize_name(case_number))
    return BASE + "lawsuit/" + digest(sorted(plaintiffs), sorted(defendants), cause, date or None,
                                      court or None)


def stage_iri(lawsuit: str, kind: str, date: str | None, court: str | None) -> str:
    return BASE + "stage/" + digest(lawsuit, kind, date, court)


def evidence_iri(article_id: str, kind: str, start: int, end: int, target: str) -> str:
    return BASE + "evidence/" + digest(article_id, kind, start, end, target)


# ------------------------------------------------------------------------------- one entity
# Which node a name stands for, across articles, scripts and languages.  A pure function of the
# name (and the lexicon), so every article's graph points at the same IRI without knowing the
# others: lexicon name or alias (Cisco, 思科公司 -> 思科), in Simplified or Traditional
# characters (優步 -> 优步), or a registered name made of a place (a registration place too: 开曼,
# 百慕大), the known name and a legal ending (广东加多宝饮料食品有限公司 -> 加多宝); otherwise the name in
# Simplified characters.

def _simplified(text: str) -> str:
    from kg.nlp import to_simplified
    return to_simplified(text)


def _lexicon():
    from kg.lexicon import load_lexicon
    return load_lexicon()


def _endings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The legal endings taken off a registered name (legal_endings.tsv, use `resolve`), longest
    first: Chinese ones, and English ones after a space."""
    from kg.paths import lexicon_dir
    return _endings_in(str(lexicon_dir()))


@functools.lru_cache(maxsize=4)
def _endings_in(d: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    from kg.lexicon import legal_endings
    return legal_endings("resolve", "zh", d), tuple(" " + e for e in legal_endings("resolve", "en", d))


@functools.lru_cache(maxsize=4)
def _places(lex) -> tuple[str, ...]:
    """The places a registered name opens with, longest first: modifiers.tsv kinds name_place
    (北京市, 广东) and registration_place (开曼, 百慕大: 开曼X半导体公司 is X's registered name), and the
    regions of places.tsv with their 省/市 (安徽, 安徽省)."""
    from kg.lexicon import load_table
    words = lex.words("name_place") | lex.words("registration_place")
    for r in load_table("places.tsv"):
        w = r.get("word") or ""
        if r.get("kind") == "region" and re.fullmatch(f"[{_CJK}]+", w):
            words |= {w, w + "省", w + "市"}
    return tuple(sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def _trade_words(lex) -> tuple[str, ...]:
    """The words of a line of business or of a group's structure a registered name writes between
    its trading name and its legal ending, longest first: modifiers.tsv kinds trade_word, group_word
    and registered_trade_word (科技, 集团, 商贸, 集成电路)."""
    words = lex.words("trade_word") | lex.words("group_word") | lex.words("registered_trade_word")
    return tuple(sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def _group_brackets(lex) -> tuple[str, ...]:
    """A group word in brackets inside a registered name (银泰商业（集团）有限公司): no region, so
    the name is the group's own, read without the bracket."""
    return tuple(o + w + c for w in lex.words("group_word") for o, c in (("(", ")"), ("（", "）")))


def _legal_cores(name: str) -> list[str]:
    """The trading names inside a registered company name, none when `name` is not one:
    北京字节跳动科技有限公司 -> [字节跳动], Cisco Systems, Inc. -> [Cisco Systems], Alibaba Group Holding
    Limited -> [Alibaba Group Holding, Alibaba Group, Alibaba] (each legal word off in turn).  A name
    with a bracketed region (三星（中国）投资有限公司) is a subsidiary's and is left whole; a bracketed
    group word (银泰商业（集团）有限公司) is read without its brackets."""
    lex = _lexicon()
    n = name
    for br in _group_brackets(lex):
        n = n.replace(br, br[1:-1])
    if "（" in n or "(" in n:
        return []
    zh_endings, en_endings = _endings()
    places = _places(lex)
    for end in zh_endings:
        if n.endswith(end) and len(n) > len(end) + 1:
            if n[: -len(end)].endswith(_BRANCH):      # 深圳市分公司: a branch, not a registered name
                return []
            n = n[: -len(end)]
            break
    else:
        cores = []
        while True:     # "Foo Holdings, Inc.", "Foo Co., Ltd.": each legal word at the end in turn
            end = next((e for e in en_endings if n.endswith(e) and len(n) > len(e) + 1), None)
            if end is None:
                return cores
            n = n[: -len(end)].rstrip(" ,")
            cores.append(n)
    for place in places:
        if n.startswith(place) and len(n) > len(place) + 1:
            n = n[len(place):]
            break
    changed = True
    while changed:
        changed = False
        for w in _trade_words(lex):
            if n.endswith(w) and len(n) >= len(w) + 2:
                n, changed = n[: -len(w)], True
                break
    return [n] if len(n) >= 2 else []


_BRANCH = ("分", "子", "孙")
#: a trading name (字号) of two to four Chinese characters: what is longer still holds a line of
#: business or a place (创锐文化传媒, 泉州智鹏汽车销售服务) and is no name an article writes alone
_TRADING_NAME = re.compile(f"[{_CJK}]{{2,4}}")


@functools.lru_cache(maxsize=4)
def _not_trading_names(lex) -> frozenset:
    """What the core of a registered name must not be to name the company: generic words, places,
    lines of business (上海|信息|咨询有限公司 has no trading name)."""
    from kg.lexicon import load_table
    words = set(lex.generic) | set(_trade_words(lex)) | set(_places(lex))
    words |= {r["word"] for r in load_table("places.tsv") if r.get("word")}
    return frozenset(words)


def registered_core(name: str) -> str | None:
    """The trading name of an unknown company's registered Chinese name, a pure function of the
    name and the lexicon: a place, the trading name, lines of business and a legal ending
    (上海食派士商贸发展有限公司 -> 食派士, 中邮智递科技有限公司 -> 中邮智递, 新丽传媒控股有限公司 ->
    新丽传媒), so an article naming the company by its registered name and one naming it by its
    brand meet on one node.  None when the name is no registered name, is a branch or a
    subsidiary with a bracketed region, or leaves a generic word, a place or one character."""
    if not re.search(f"[{_CJK}]", name) or not name.endswith(_endings()[0]):
        return None
    cores = _legal_cores(name)
    if not cores or cores[0] == name:
        return None
    core = cores[0]
    lex = _lexicon()
    if core in _not_trading_names(lex) or not _TRADING_NAME.fullmatch(core):
        return None
    hit = lex.lookup(core)
    if hit is not None and hit.type not in _ORGS:     # 浙江天猫网络有限公司: 天猫 is a product
        return None
    if hit is None and _common_words(core, lex):       # 美景, 公共交通, 港口|物流: words, no name
        return None
    return core


def _common_words(text: str, lex) -> bool:
    """`text` is made of dictionary words only (jieba's, no lexicon name among them): 美景,
    公共交通, 港口|物流 — a description or a line of business many companies share (洛阳市 and
    开封市公共交通集团有限公司 are two companies), not a trading name such as 食|派|士 or 新|丽|传媒."""
    from kg.nlp import tokenizer
    tk = tokenizer()
    return all(len(t) >= 2 and (tk.FREQ.get(t) or 0) > 0 and lex.lookup(t) is None
               for t in tk.lcut(text, HMM=False))


@functools.lru_cache(maxsize=4)
def _body_forms(d: str) -> tuple[tuple[str, str, bool], ...]:
    """(form, official form, whether the official name writes the place short) of the bodies of
    short_forms.tsv, longest form first; each official form is a form of its own."""
    from kg.lexicon import load_table
    pairs = {}
    for r in load_table("short_forms.tsv", d):
        off, short, bare = r.get("official") or "", r.get("short") or "", r.get("place") == "short"
        if off:
            pairs[off] = (off, bare)
            if short:
                pairs.setdefault(short, (off, bare))
    return tuple(sorted(((f, o, b) for f, (o, b) in pairs.items()), key=lambda p: (-len(p[0]), p[0])))


@functools.lru_cache(maxsize=4)
def _full_places(d: str) -> dict[str, tuple[str, str]]:
    """{a place as a name writes it: (its official form, its short form)}: 上海, 上海市 -> (上海市,
    上海) (places.tsv `full`)."""
    from kg.lexicon import load_table
    out = {}
    for r in load_table("places.tsv", d):
        w, full = r.get("word") or "", r.get("full") or ""
        if w and full:
            out[w] = out[full] = (full, w)
    return out


def body_name(name: str) -> str | None:
    """A regulator's or court's name as its full place and the official form of its body
    (short_forms.tsv): 上海市市场监管局, 上海市场监管局 -> 上海市市场监督管理局; 杭州中院 ->
    杭州市中级人民法院; 北京市知产法院 -> 北京知识产权法院 (a body whose official name writes the place
    short).  None unless the name is exactly a known place and such a body."""
    from kg.paths import lexicon_dir
    d = str(lexicon_dir())
    for form, official, bare in _body_forms(d):
        if name.endswith(form) and len(name) > len(form):
            place = _full_places(d).get(name[: -len(form)])
            return place[bare] + official if place else None
    return None


@functools.lru_cache(maxsize=4)
def _bodies_known(lex) -> dict[str, str]:
    """{body_name of a lexicon regulator's or court's name or alias: that entry}, for the forms
    only one entry gives."""
    seen: dict[str, set[str]] = {}
    for ent in lex.entities.values():
        if ent.type not in ("Regulator", "Court"):
            continue
        for s in (ent.name,) + tuple(ent.aliases):
            b = body_name(_simplified(normalize_name(s)))
            if b:
                seen.setdefault(b, set()).add(ent.name)
    return {b: next(iter(names)) for b, names in seen.items() if len(names) == 1}


_DISTRICT_ZH = {"北": "N", "南": "S", "东": "E", "西": "W", "中": "C"}
_DISTRICT_EN = {"Northern": "N", "Southern": "S", "Eastern": "E", "Western": "W", "Central": "C",
                "Middle": "M"}
_DISTRICT_NAME = {"N": "北区", "S": "南区", "E": "东区", "W": "西区", "C": "中区", "M": "中区"}


@functools.lru_cache(maxsize=4)
def _us_states(d: str):
    """(Chinese form -> row, English form -> row, the Chinese alternation) of us_states.tsv."""
    from kg.lexicon import load_table
    zh, en = {}, {}
    for r in load_table("us_states.tsv", d):
        if not r.get("english"):
            continue
        row = (r["english"], r["chinese"], frozenset(x for x in (r.get("districts") or "").split("|") if x))
        en[r["english"]] = row
        for f in [r["chinese"]] + [x for x in (r.get("variants") or "").split("|") if x]:
            zh[f] = row
    alt = "|".join(map(re.escape, sorted(zh, key=len, reverse=True))) or "(?!)"
    rx = re.compile(f"(?:美国)?([北南东西中])?({alt})(?:([北南东西中])(?:区|部))?"
                    "(联邦地区法院|联邦地方法院|联邦区域法院|联邦法院|地区法院|地方法院)")
    return zh, en, rx


_EN_COURT = re.compile(r"(?:(?:the )?(?:U\.S\.|US|United States) )?(?:District Court for the "
                       r"(?:(Northern|Southern|Eastern|Western|Central|Middle) )?|"
                       r"(Northern|Southern|Eastern|Western|Central|Middle) )District of ([A-Z][A-Za-z ]+)")
# (a place alone, "District of Columbia", is no court: "District Court" or a district's direction)


def us_court_key(name: str) -> tuple[str, str] | None:
    """(state, district) of a U.S. federal district court's name, Chinese or English (us_states.tsv):
    美国北加州联邦法院, 加州北区联邦地区法院, Northern District of California -> (California, N); a state
    of several districts named without one (加州联邦法院) is no key."""
    from kg.paths import lexicon_dir
    zh, en, rx = _us_states(str(lexicon_dir()))
    m = rx.fullmatch(name)
    if m:
        pre, state, post, body = m.groups()
        if pre and post or (not pre and not post and "联邦" not in body):
            return None
        row, district = zh[state], _DISTRICT_ZH.get(pre or post or "", "")
    else:
        m = _EN_COURT.fullmatch(name)
        if not m or m.group(3) not in en:
            return None
        row, district = en[m.group(3)], _DISTRICT_EN.get(m.group(1) or m.group(2) or "", "")
    if row[2] and district not in row[2] and not (district == "C" and "M" in row[2]):
        return None
    if not row[2] and district:
        return None
    return row[0], ("M" if district == "C" and "M" in row[2] else district)


def _us_court_name(key: tuple[str, str]) -> str:
    from kg.paths import lexicon_dir
    _, en, _ = _us_states(str(lexicon_dir()))
    return "美国" + en[key[0]][1] + _DISTRICT_NAME.get(key[1], "") + "联邦地区法院"


@functools.lru_cache(maxsize=4)
def _us_courts_known(lex) -> dict[tuple[str, str], str]:
    seen: dict[tuple[str, str], set[str]] = {}
    for ent in lex.entities.values():
        if ent.type == "Court":
            for s in (ent.name,) + tuple(ent.aliases):
                k = us_court_key(_simplified(normalize_name(s)))
                if k:
                    seen.setdefault(k, set()).add(ent.name)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


@functools.lru_cache(maxsize=65536)
def is_description(name: str) -> bool:
    """A court or body told by a description, not a name ("a federal appeals court", "the
    court"): English words with no capital.  Never one node for every court it could be."""
    n = normalize_name(name)
    return bool(n) and n.isascii() and any(c.isalpha() for c in n) and n == n.lower()


def canonical_name(name: str) -> str:
    """The name of the node `name` stands for (see above); a pure function of name and lexicon.
    (`resolve_names` keeps an article's two registered names of one trading name apart.)"""
    n = normalize_name(name)
    lex = _lexicon()
    simple = _simplified(n)
    bare = n
    for prefix in ("the ", "The ", "U.S. ", "US "):
        if bare.startswith(prefix) and len(bare) > len(prefix) + 2:
            bare = bare[len(prefix):]
    for cand in (n, simple, bare):
        hit = lex.lookup(cand)
        if hit is not None:
            return hit.name
    for core in _legal_cores(simple):
        hit = lex.lookup(core)
        if hit is not None and hit.type in ("Company", "Organization"):
            return hit.name
    court = us_court_key(simple) or us_court_key(n)
    if court is not None:       # 德州西區聯邦地區法院, U.S. District Court for the Western District of Texas
        return _us_courts_known(lex).get(court) or _us_court_name(court)
    body = body_name(simple)
    if body is not None:        # 上海市场监管局, 上海市市场监督管理局: one regulator
        known = _bodies_known(lex).get(body)
        return known or body
    return registered_core(simple) or simple


@functools.lru_cache(maxsize=4)
def _distinct_names(d: str) -> dict[str, tuple[str, str]]:
    """{matching key of a name: (the name, the lexicon entry it is not)} (distinct_names.tsv)."""
    from kg.lexicon import load_table, norm
    return {norm(r["name"]): (r["name"], r.get("not") or "") for r in load_table("distinct_names.tsv", d)
            if r.get("name")}


def distinct_from(name: str) -> str | None:
    """The lexicon entry a distinct name (distinct_names.tsv) is not, None for any other name."""
    from kg.lexicon import norm
    from kg.paths import lexicon_dir
    hit = _distinct_names(str(lexicon_dir())).get(norm(name))
    return hit[1] if hit else None


def _distinct_written(e, canon: str) -> str | None:
    """The distinct name an entity the extractor read as lexicon entry `canon` is written by."""
    from kg.lexicon import norm
    from kg.paths import lexicon_dir
    table = _distinct_names(str(lexicon_dir()))
    for s in [e.written, e.name, *e.aliases]:
        hit = table.get(norm(s)) if s else None
        if hit and hit[1] == canon:
            return hit[0]
    return None


def resolve_names(entities) -> dict[str, str]:
    """{entity key: canonical name} for one article's entities: each by its own name, else by
    the one lexicon entry its aliases point at ("X（以下简称Y）" gives Y as an alias of X)."""
    out: dict[str, str] = {}
    lex = _lexicon()
    for e in entities:
        c = canonical_name(e.name)
        other = _distinct_written(e, c)
        if other is not None:       # Motorola Solutions, read as the lexicon's 摩托罗拉
            out[e.key] = other
            continue
        if lex.lookup(c) is None:
            hits = set()
            for a in e.aliases:
                ca = canonical_name(a)
                hit = lex.lookup(ca)
                if hit is not None and (hit.type == e.type or {hit.type, e.type} <= _ORGS):
                    hits.add(hit.name)          # (a product's name does not make a company it)
            if len(hits) == 1:
                c = hits.pop()
        out[e.key] = c
    # Two registered names of one article with one trading name (北京淘友天下技术有限公司,
    # 北京淘友天下科技发展有限公司) are two companies the article tells apart: each keeps its name.
    by_core: dict[str, set[str]] = {}
    for e in entities:
        core = registered_core(_simplified(normalize_name(e.name)))
        if core is not None and out[e.key] == core and lex.lookup(core) is None:
            by_core.setdefault(core, set()).add(e.key)
    for keys in by_core.values():
        if len(keys) > 1:
            for k in keys:
                out[k] = _simplified(normalize_name(next(e.name for e in entities if e.key == k)))
    return out




_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]|\.\s")
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.\s")
_APPOSED = 16     # characters between a name and the rename cue of its apposition (", the company ")


def _spans(text: str, entities) -> list[tuple[int, int, object]]:
    """Where the article writes each company's names (name, aliases, written form), longest first
    where two overlap."""
    found = []
    for e in entities:
        if e.type not in _ORGS:
            continue
        for s in {e.name, e.written, *e.aliases}:
            if s and len(s) >= 2:
                for m in re.finditer(re.escape(s), text):
                    found.append((m.start(), m.end(), e))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out, end = [], -1
    for st, en, e in found:
        if st >= end:
            out.append((st, en, e))
            end = en
    return out


@functools.lru_cache(maxsize=4)
def _rename_cues(lex) -> tuple[tuple[str, str, str], ...]:
    """(kind, words before the name, words after it) of the rename rows, longest first."""
    rows = [(k, *w.split("*", 1)) for k in ("rename_to", "rename_self", "rename_from")
            for w in lex.words(k) if "*" in w]
    return tuple(sorted(rows, key=lambda r: (-len(r[1]), r)))


def _name_ends(text: str, end: int) -> bool:
    """A name written at `end - …` ends at `end`: no letter, digit or Chinese character goes on
    (a particle after it, 后/的/等, does not make it longer)."""
    if end >= len(text):
        return True
    ch = text[end]
    return not (ch.isalnum() or re.match(f"[{_CJK}]", ch)) or ch in "后的等并且"


def renamed(text: str, entities, facts=()) -> dict[str, str]:
    """{old entity key: new entity key} for each company the article says was renamed (modifiers.tsv
    rename_to, rename_self, rename_from: Michael Kors Holdings … before adopting the Capri name;
    A更名为B; B（原名A））: one node, the old name its alias.  Not when the article tells a fact
    between the two (the old name lives on as a brand or a unit), nor between two lexicon entries."""
    lex = _lexicon()
    cues = [c for c in _rename_cues(lex) if c[1] in text]
    if not cues:
        return {}
    spans = _spans(text, entities)
    linked = {frozenset(p) for p in facts}
    out: dict[str, str] = {}
    for kind, before, after in cues:
        for m in re.finditer(re.escape(before), text):
            at = m.end()
            while at < len(text) and text[at] in " “\"‘'「":
                at += 1
            new = next(((st, en, e) for st, en, e in spans if st == at), None)
            if new is None or not _name_ends(text, new[1]):    # 更名为“安泰爱科”: not 安泰科技's 安泰
                continue
            rest = text[new[1]:].lstrip(" ”\"’'」")
            if after.strip() and not rest.startswith(after.strip()):
                continue
            left = [x for x in spans if x[1] <= m.start()]
            clause = max((x.end() for x in _CLAUSE_END.finditer(text, 0, m.start())), default=0)
            near = [x for x in left if x[0] >= clause]
            sent = max((x.end() for x in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
            if kind == "rename_self":
                other = next((x for x in left if x[0] >= sent), None)
            elif kind == "rename_from":     # in apposition: B, formerly A; B（原名A）; B, the company formerly …
                other = left[-1] if left and left[-1][0] >= sent and m.start() - left[-1][1] <= _APPOSED else None
            else:
                other = near[-1] if near else None
            if other is None:
                continue
            old, cur = (new[2], other[2]) if kind == "rename_from" else (other[2], new[2])
            if old.key == cur.key or frozenset((old.key, cur.key)) in linked:
                continue
            if lex.lookup(old.name) is not None and lex.lookup(cur.name) is not None:
                continue
            out.setdefault(old.key, cur.key)
    return out


def article_names(ex) -> dict[str, str]:
    """{entity key: canonical name} for one article: `resolve_names`, and a company the article
    says was renamed is the node of its new name (`renamed`)."""
    names = resolve_names(ex.entities)
    facts = [(r.subject, r.object) for r in ex.relations]
    facts += [(p, d) for l in ex.lawsuits for p in l.plaintiffs for d in l.defendants]
    for old, new in sorted(renamed(ex.article.text or "", ex.entities, facts).items()):
        if old in names and new in names:
            names[old] = names[new]
    return names


def label_language(text: str, article_lang: str, traditional: bool) -> str | None:
    """The language tag a label written in an article carries: en for a Latin-script name,
    zh-Hant / zh-Hans for a Chinese one by the script of the name (else of the article)."""
    import re
    if re.search(f"[{_CJK}]", text):
        if _simplified(text) != text:
            return "zh-Hant"
        return "zh-Hant" if traditional and article_lang != "en" else "zh-Hans"
    if re.search("[A-Za-z]", text):
        return "en"
    return None
