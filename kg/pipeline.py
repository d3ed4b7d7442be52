"""The build: ingest -> extract -> rdf -> store, one article at a time, each in one transaction.

Streaming keeps memory flat whatever the corpus size: an article is read, extracted, written
and forgotten.  An article whose sha256 is already in the store is skipped; a changed one
replaces its named graph.  `--strict` reads every input once before writing anything, so a bad
file fails the build with the store untouched.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator

from kg.errors import KGError
from kg.ingest import read_articles
from kg.model import Article, Skipped
from kg.rdf import ArticleRDF, article_rdf
from kg.resolve import article_iri


@dataclass
class BuildSummary:
    read: int = 0
    stored: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    entities: int = 0
    relations: int = 0
    lawsuits: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        rate = self.read / self.seconds if self.seconds else 0.0
        return [f"articles read: {self.read} ({rate:.1f}/s)",
                f"stored: {self.stored}, unchanged: {self.unchanged}, skipped: {len(self.skipped)}",
                f"entities: {self.entities}, relations: {self.relations}, lawsuits: {self.lawsuits}"]


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def process(article: Article, built_at: str | None = None) -> tuple[ArticleRDF, tuple[int, int, int]]:
    """Extract one article and turn it into RDF; pure, so it can run in any worker."""
    from kg.extract import extract
    ex = extract(article)
    counts = (len(ex.entities), sum(1 for r in ex.relations if not r.negated), len(ex.lawsuits))
    return article_rdf(ex, built_at), counts


def check_inputs(paths: Iterable[str]) -> int:
    """Read every input once, raising on the first unreadable one (for --strict)."""
    n = 0
    for item in read_articles(paths, strict=True):
        n += isinstance(item, Article)
    return n


def build(paths: list[str], store, *, strict: bool = False, force: bool = False,
          on_article: Callable[[Article | Skipped, str], None] | None = None) -> BuildSummary:
    """Build `paths` into `store`; `on_article(item, status)` reports progress.

    Raises KGError when nothing at all could be read (missing path, no articles).
    """
    started = time.perf_counter()
    if strict:
        check_inputs(paths)
    summary = BuildSummary()
    known = {} if force else store.article_hashes()
    built_at = now_iso()
    for item in read_articles(paths, strict=strict):
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            if on_article:
                on_article(item, "skipped")
            continue
        summary.read += 1
        iri = article_iri(item.id)
        if known.get(iri) == item.sha256:
            summary.unchanged += 1
            status = "unchanged"
        else:
            rdf, (ne, nr, nl) = process(item, built_at)
            store.replace_article(rdf.article_iri, rdf.ntriples(rdf.article_iri),
                                  {g: rdf.ntriples(g) for g in rdf.graphs() if g != rdf.article_iri})
            known[iri] = item.sha256
            summary.stored += 1
            summary.entities += ne
            summary.relations += nr
            summary.lawsuits += nl
            status = "stored"
        if on_article:
            on_article(item, status)
    summary.seconds = time.perf_counter() - started
    if summary.read == 0:
        where = ", ".join(map(str, paths))
        if summary.skipped:
            raise KGError(f"nothing could be built: all {len(summary.skipped)} input(s) were unreadable")
        raise KGError(f"no articles found in {where}")
    return summary


def extract_all(paths: list[str], strict: bool = False,
                on_skip: Callable[[Skipped], None] | None = None) -> Iterator:
    """Extractions for `kg extract`, skipping (and reporting) unreadable inputs."""
    from kg.extract import extract
    found = 0
    for item in read_articles(paths, strict=strict):
        if isinstance(item, Skipped):
            if on_skip:
                on_skip(item)
            continue
        found += 1
        yield extract(item)
    if not found:
        raise KGError(f"no articles found in {', '.join(map(str, paths))}")
