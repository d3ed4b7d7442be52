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
                date: str | None, case_number: str | None = None) -> str:
    """Keyed by 案号 when given, else by parties, cause and filing year."""
    if case_number:
        return BASE + "lawsuit/" + digest("case", normalize_name(case_number))
    year = date[:4] if date else None
    return BASE + "lawsuit/" + digest(sorted(plaintiffs), sorted(defendants), cause, year)


def evidence_iri(article_id: str, kind: str, start: int, end: int, target: str) -> str:
    return BASE + "evidence/" + digest(article_id, kind, start, end, target)
