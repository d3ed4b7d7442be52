"""Canonical names and stable IRIs, so one entity is one node across articles and builds.

An IRI is a pure function of a (normalised) name or id: the same name gives the same IRI in every
build and on every machine, which is what lets articles built on different days, by different
workers or on different servers meet on the same nodes.  Alias handling (字节 -> 字节跳动) happens
in extraction, against the lexicon; here only the spelling is normalised.
"""
from __future__ import annotations

import functools
import hashlib
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
# characters (優步 -> 优步), or a registered name made of a place, the known name and a legal
# ending (广东加多宝饮料食品有限公司 -> 加多宝); otherwise the name in Simplified characters.

_PLACES = ("北京市", "上海市", "天津市", "重庆市", "深圳市", "广州市", "杭州市", "南京市", "成都市",
           "武汉市", "厦门市", "珠海市", "苏州市", "北京", "上海", "天津", "重庆", "深圳", "广州", "杭州",
           "南京", "成都", "武汉", "厦门", "珠海", "苏州", "广东省", "浙江省", "江苏省", "福建省",
           "山东省", "广东", "浙江", "江苏", "福建", "山东", "香港", "台湾")
_TRADE_WORDS = ("网络科技", "网络技术", "信息技术", "信息科技", "电子商务", "饮料食品", "科技",
                "网络", "技术", "信息", "软件", "食品", "饮料", "通信", "电子", "集团", "控股")


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


def _legal_core(name: str) -> str | None:
    """The trading name inside a registered company name, or None when `name` is not one:
    北京字节跳动科技有限公司 -> 字节跳动, Cisco Systems, Inc. -> Cisco Systems.  A name with a
    bracketed region (三星（中国）投资有限公司) is a subsidiary's and is left whole."""
    n = name
    if "（" in n or "(" in n:
        return None
    zh_endings, en_endings = _endings()
    for end in zh_endings:
        if n.endswith(end) and len(n) > len(end) + 1:
            n = n[: -len(end)]
            break
    else:
        for end in en_endings:
            if n.endswith(end) and len(n) > len(end) + 1:
                return n[: -len(end)].rstrip(" ,")
        return None
    for place in _PLACES:
        if n.startswith(place) and len(n) > len(place) + 1:
            n = n[len(place):]
            break
    changed = True
    while changed:
        changed = False
        for w in _TRADE_WORDS:
            if n.endswith(w) and len(n) >= len(w) + 2:
                n, changed = n[: -len(w)], True
                break
    return n if len(n) >= 2 else None


@functools.lru_cache(maxsize=65536)
def is_description(name: str) -> bool:
    """A court or body told by a description, not a name ("a federal appeals court", "the
    court"): English words with no capital.  Never one node for every court it could be."""
    n = normalize_name(name)
    return bool(n) and n.isascii() and any(c.isalpha() for c in n) and n == n.lower()


def canonical_name(name: str) -> str:
    """The name of the node `name` stands for (see above); a pure function of name and lexicon."""
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
    core = _legal_core(simple)
    if core:
        hit = lex.lookup(core)
        if hit is not None and hit.type in ("Company", "Organization"):
            return hit.name
    return simple


def resolve_names(entities) -> dict[str, str]:
    """{entity key: canonical name} for one article's entities: each by its own name, else by
    the one lexicon entry its aliases point at ("X（以下简称Y）" gives Y as an alias of X)."""
    out: dict[str, str] = {}
    lex = _lexicon()
    for e in entities:
        c = canonical_name(e.name)
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
    return out


_ORGS = {"Company", "Organization"}
_CJK = "\u4e00-\u9fff"


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
