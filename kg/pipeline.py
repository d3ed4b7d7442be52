"""The build: ingest -> extract -> rdf -> store, streaming, in bounded batches, one writer.

How a build runs:
- The parent process reads articles one by one (`kg.ingest.read_articles` streams; a JSON Lines
  file is never loaded whole), skips those whose sha256 the store already records, and groups the
  rest into small batches.
- Batches are extracted by `workers` forked processes (`--workers N`), by a Dask cluster
  (`--dask ADDRESS`), or in-process (`workers=1`).  At most a few batches per worker are in flight,
  so memory stays flat whatever the corpus size.
- Results come back as N-Triples (and N-Quads) text and are written by one writer thread of the
  parent, in input order, several articles per write (up to WRITE_MAX), while the parent goes on
  feeding the workers.  Each article in a write is still wholly stored or not at all (the
  embedded store's commit protocol, or one SPARQL Update per request to a server), and progress
  reports an article once its write is committed.  Extraction is a pure function of the
  article, so the store holds the same quads whatever N is (bar `kg:builtAt` timestamps).

`--strict` reads every input once before writing anything, so a bad file fails the build with
the store untouched.
"""
from __future__ import annotations

import collections
import gc
import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator

from kg.errors import KGError
from kg.ingest import read_articles
from kg.model import Article, Skipped
from kg.rdf import ArticleRDF, article_rdf, reader_stamp
from kg.resolve import article_iri

#: Articles per batch sent to a worker: large enough to amortise pickling, small enough to keep
#: every worker busy and memory bounded.
BATCH_SIZE = 16
#: Batches in flight per worker (one being extracted, one queued).
IN_FLIGHT_PER_WORKER = 2
#: Seconds to wait for a Dask scheduler before giving up.
DASK_CONNECT_TIMEOUT = 20
#: Articles per write: the store loads new articles in bulk, much cheaper per article in large
#: writes, so writes grow from the first (quick first results, little redone after a kill) to the
#: last size; a write also ends at WRITE_MAX_BYTES of N-Quads text (memory stays bounded).
WRITE_FIRST, WRITE_MAX = 16, 256
WRITE_MAX_BYTES = 32_000_000


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
    chars: int = 0            # characters of text extracted (stored articles)
    workers: int = 1
    engine: str = "local"     # "local", "processes" or "dask"

    def lines(self) -> list[str]:
        rate = self.read / self.seconds if self.seconds else 0.0
        crate = self.chars / self.seconds if self.seconds else 0.0
        return [f"articles read: {self.read} ({rate:.1f}/s, {crate:,.0f} chars/s, "
                f"{self.engine} x{self.workers})",
                f"stored: {self.stored}, unchanged: {self.unchanged}, skipped: {len(self.skipped)}",
                f"entities: {self.entities}, relations: {self.relations}, lawsuits: {self.lawsuits}"]


@dataclass
class Prepared:
    """One article ready to write: N-Triples per graph, plus counts for the summary."""
    article_iri: str
    graph_nt: str
    shared: dict[str, str]
    counts: tuple[int, int, int]
    chars: int = 0
    #: the same graphs as N-Quads text, made by the worker so the single writer need not
    #: (None: let the store convert)
    quads: dict[str, str] | None = None


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def process(article: Article, built_at: str | None = None) -> tuple[ArticleRDF, tuple[int, int, int]]:
    """Extract one article and turn it into RDF; pure, so it can run in any worker."""
    from kg.extract import extract
    ex = extract(article)
    return article_rdf(ex, built_at), _counts(ex)


_OWN_PROCESS = process


def _counts(ex) -> tuple[int, int, int]:
    return (len(ex.entities), sum(1 for r in ex.relations if not r.negated), len(ex.lawsuits))


def prepare(article: Article, built_at: str | None = None, process_fn: Callable | None = None
            ) -> Prepared:
    """`process` plus serialisation: what a worker sends back (plain strings pickle cheaply).
    The extractor's own output is written straight as N-Triples (`kg.rdf.article_nt`, the same
    text without building rdflib terms)."""
    if process_fn is None and process is _OWN_PROCESS:     # (not replaced by a test)
        from kg.extract import extract
        from kg.rdf import article_nt
        from kg.store import nquads_of
        ex = extract(article)
        iri, graph_nt, shared = article_nt(ex, built_at)
        return Prepared(iri, graph_nt, shared, _counts(ex), len(article.text),
                        nquads_of(iri, graph_nt, shared))
    from kg.store import rdf_parts
    rdf, counts = (process_fn or process)(article, built_at)
    iri, graph_nt, shared = rdf_parts(rdf)
    return Prepared(iri, graph_nt, shared, counts, len(article.text))


def work_batch(articles: list[Article], built_at: str | None,
               process_fn: Callable | None = None) -> list[Prepared]:
    """The unit of work a worker process or a Dask task runs.  An article the extractor fails on
    (a bug) comes back as a `Skipped` saying so, and the rest of the batch still builds."""
    out: list[Prepared | Skipped] = []
    for a in articles:
        try:
            out.append(prepare(a, built_at, process_fn))
        except Exception as e:
            out.append(extraction_failed(a, e))
    return out


WARM_UP_TEXT = "2021年2月2日，字节跳动起诉腾讯垄断。腾讯公司否认。百度收购了小米的股份。"


def warm_up(process_fn: Callable | None = None) -> None:
    """Run the extractor once before forking, so jieba, the lexicon and every lazily built table
    are loaded in the parent and shared copy-on-write by the workers."""
    try:
        prepare(Article(id="warm-up", title="warm-up", date="2021-03-01", source="",
                        text=WARM_UP_TEXT), None, process_fn)
    except Exception:        # the extractor reports its own errors when it really runs
        pass
    # what is loaded now (the lexicon, the segmenter's tables, compiled patterns) lives as long as
    # the process: moved to the collector's permanent generation (once per process), the workers'
    # collections do not walk it again (-0.75 % of extraction's instructions) nor write to its pages
    if not gc.get_freeze_count():
        gc.collect()
        gc.freeze()


def check_inputs(paths: Iterable[str]) -> int:
    """Read every input once, raising on the first unreadable one (for --strict)."""
    n = 0
    for item in read_articles(paths, strict=True):
        n += isinstance(item, Article)
    return n


class _Done:
    """A finished 'future' for in-process work."""

    def __init__(self, value):
        self._value = value

    def result(self):
        return self._value


class _Inline:
    workers = 1
    engine = "local"

    def submit(self, fn, *args):
        return _Done(fn(*args))

    def close(self):
        pass


def _exit_with_parent(parent_pid: int) -> None:
    """Pool initializer: a worker leaves when its parent is gone (even if it was SIGKILLed, when
    the pool cannot tell it to stop), instead of lingering as an orphan.  Ctrl-C is left to the
    parent, which stops the pool after the batches in flight (no traceback per worker)."""
    import signal
    import threading
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch():
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


class _Processes:
    """A fork ProcessPoolExecutor (jieba and the lexicon are loaded in the parent first)."""
    engine = "processes"

    def __init__(self, workers: int, process_fn: Callable | None = None):
        self.workers = workers
        self._process_fn = process_fn
        self._pool = None

    def submit(self, fn, *args):
        # Started at the first batch that needs extracting: a rebuild of unchanged articles
        # neither loads jieba nor forks.
        if self._pool is None:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor
            warm_up(self._process_fn)
            self._pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context("fork"),
                                             initializer=_exit_with_parent,
                                             initargs=(os.getpid(),))
        return self._pool.submit(fn, *args)

    def close(self):
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


class _Dask:
    """Tasks on a dask.distributed cluster; the parent stays the only writer."""
    engine = "dask"

    def __init__(self, address):
        try:
            from distributed import Client
        except ImportError:
            raise KGError("--dask needs dask.distributed: pip install 'dask[distributed]'") from None
        try:
            self._client = address if hasattr(address, "submit") else Client(address, timeout=DASK_CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as e:
            reason = str(e).splitlines()[0] if str(e) else type(e).__name__
            raise KGError(f"cannot reach the Dask scheduler at {address}: {reason}") from None
        self._own = not hasattr(address, "submit")
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))

    def submit(self, fn, *args):
        return self._client.submit(fn, *args, pure=False)

    def close(self):
        if self._own:
            self._client.close()


def _executor(workers: int | None, dask, process_fn=None):
    if dask is not None:
        return _Dask(dask)
    workers = workers or os.cpu_count() or 1
    return _Processes(workers, process_fn) if workers > 1 else _Inline()


class _Writer:
    """The single writer: a thread that writes results in order while the parent reads input and
    collects extractions.  Items are reported (`on_article`) in input order once everything
    before them is committed.  At most one write runs; the next waits for it (so memory holds
    at most two writes' worth of results)."""

    def __init__(self, store, summary: BuildSummary, on_article):
        from concurrent.futures import ThreadPoolExecutor
        self._store, self._summary, self._on_article = store, summary, on_article
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="kg-writer")
        self._running = None          # (future, items, prepared) of the write in progress
        self._items: list = []        # (item, status) waiting for the next write
        self._todo: list[Prepared] = []
        self._bytes = 0
        self._size = WRITE_FIRST
        self._failed = False

    def add(self, items: list, todo: list[Prepared]) -> None:
        self._items.extend(items)
        self._todo.extend(todo)
        self._bytes += sum(len(p.graph_nt) for p in todo)
        if len(self._todo) >= self._size or self._bytes >= WRITE_MAX_BYTES:
            self.flush()
        elif not self._todo and (self._running is None or self._running[0].done()):
            self._finish()                               # nothing to write: report at once
            self._report(self._items, [])
            self._items = []

    def flush(self) -> None:
        """Start writing what is waiting (after the write in progress ends)."""
        self._finish()
        items, todo = self._items, self._todo
        self._items, self._todo, self._bytes = [], [], 0
        if not todo:
            self._report(items, [])
            return
        self._size = min(self._size * 2, WRITE_MAX)
        fut = self._thread.submit(self._store.replace_articles,
                                  [(p.article_iri, p.graph_nt, p.shared) for p in todo],
                                  quads=[p.quads for p in todo])
        self._running = (fut, items, todo)

    def _finish(self) -> None:
        if self._running is not None:
            fut, items, todo = self._running
            self._running = None
            try:
                fut.result()                             # a failed write stops the build
            except BaseException:
                self._failed = True
                raise
            self._report(items, todo)

    def _report(self, items: list, todo: list[Prepared]) -> None:
        s = self._summary
        for p in todo:
            s.stored += 1
            s.chars += p.chars
            s.entities += p.counts[0]
            s.relations += p.counts[1]
            s.lawsuits += p.counts[2]
        if self._on_article:
            for item, status in items:
                self._on_article(item, status)

    def close(self, finish: bool) -> None:
        """Write what is left (`finish`) or just let the write in progress end; no thread is
        left behind either way."""
        try:
            if finish and not self._failed:
                self.flush()
                self._finish()
        finally:
            self._thread.shutdown(wait=True)


def build(paths: list, store, *, strict: bool = False, force: bool = False,
          on_article: Callable[[Article | Skipped, str], None] | None = None,
          workers: int | None = 1, dask=None, batch_size: int = BATCH_SIZE,
          process_fn: Callable | None = None, summarize: bool = True) -> BuildSummary:
    """Build `paths` into `store`; `on_article(item, status)` reports progress in input order.

    `paths`: files, directories, http(s) URLs (pages, RSS/Atom feeds), URL-list files and
    `Article` objects, as `kg.ingest.read_articles` takes them.

    `workers`: extraction processes (None: one per core; 1: in this process).  `dask`: a
    dask.distributed scheduler address (or Client) to extract on instead.  `process_fn(article,
    built_at) -> (ArticleRDF, counts)` replaces `process` (tests, benchmarks).  `summarize`
    False: drop the summary graph instead of refreshing it (`kg.summary`: answers come from
    the facts until `Store.refresh_summary()`, `kg reindex`).  Status is
    "stored", "unchanged" or "skipped".  Raises KGError when nothing at all could be read.
    """
    started = time.perf_counter()
    if strict:
        check_inputs(paths)
    summary = BuildSummary()
    # An article is unchanged when its text and metadata (sha256) and the readers that would read
    # it (kg.rdf.reader_stamp: code and ontology) are what the store recorded.
    known = {} if force else store.article_stamps()
    stamp = reader_stamp()
    built_at = now_iso()
    pool = _executor(workers, dask, process_fn)
    summary.workers, summary.engine = pool.workers, pool.engine
    limit = max(1, pool.workers * IN_FLIGHT_PER_WORKER)
    queue: collections.deque = collections.deque()   # (items with status, future or None)
    writer = _Writer(store, summary, on_article)

    def drain(keep: int) -> None:
        while len(queue) > keep:
            items, fut = queue.popleft()
            results = iter(fut.result() if fut is not None else ())
            todo = []
            for i, (item, status) in enumerate(items):
                if status != "stored":
                    continue
                p = next(results)
                if isinstance(p, Skipped):             # the extractor failed on this one
                    if strict:
                        raise KGError(str(p))
                    summary.skipped.append(p)
                    items[i] = (p, "skipped")
                else:
                    todo.append(p)
            writer.add(items, todo)

    finished = False
    try:
        items: list = []
        work: list[Article] = []
        for item in read_articles(paths, strict=strict):
            if isinstance(item, Skipped):
                summary.skipped.append(item)
                items.append((item, "skipped"))
            else:
                summary.read += 1
                iri = article_iri(item.id)
                if known.get(iri) == (item.sha256, stamp):
                    summary.unchanged += 1
                    items.append((item, "unchanged"))
                else:
                    known[iri] = (item.sha256, stamp)
                    items.append((item, "stored"))
                    work.append(item)
            if len(work) >= batch_size or len(items) >= 4 * batch_size:
                queue.append((items, pool.submit(work_batch, work, built_at, process_fn)
                              if work else None))
                items, work = [], []
                drain(limit)
        if items:
            queue.append((items, pool.submit(work_batch, work, built_at, process_fn)
                          if work else None))
        drain(0)
        finished = True
    except Exception:
        finished = True      # e.g. --strict met a failing article: what came before is stored
        raise
    finally:
        try:
            writer.close(finish=finished)
        finally:
            pool.close()
    if summary.stored or summary.unchanged:
        store.write_ontology()          # kg.store.ONTOLOGY_GRAPH: the axioms beside the data
        store.refresh_cases()           # kg.cases: which reports are one case (writes what changed;
        #                                 also mends a build killed before it got here)
        if summarize:                   # kg.summary: each name's answers, for the entities the
            store.refresh_summary()     # changed articles touch (all of them on a store without one)
        else:
            from kg.summary import drop_summary
            drop_summary(store)
    summary.seconds = time.perf_counter() - started
    if summary.read == 0:
        where = ", ".join(p.id if isinstance(p, Article) else str(p) for p in paths)
        if summary.skipped:
            raise KGError(f"nothing could be built: all {len(summary.skipped)} input(s) were unreadable")
        raise KGError(f"no articles found in {where}")
    if summary.stored == 0 and summary.unchanged == 0:
        raise KGError(f"nothing could be built: all {len(summary.skipped)} input(s) were skipped")
    return summary


def remove(ids: Iterable[str], store) -> tuple[list[str], list[str]]:
    """Remove articles by id (or article IRI): their graph, metadata and orphaned entities.

    Returns (removed, not_found) ids.
    """
    removed, missing = [], []
    for aid in ids:
        iri = aid if aid.startswith(("http://", "https://")) else article_iri(aid)
        (removed if store.remove_article(iri, refresh=False) else missing).append(aid)
    if removed:
        store.refresh_cases()
        store.refresh_summary()
    return removed, missing


def extraction_failed(article: Article, e: Exception) -> Skipped:
    """An extractor bug met on one article, reported like an unreadable input (one line)."""
    reason = str(e).splitlines()[0] if str(e) else ""
    where = f"{article.path} (article {article.id})" if article.path else article.id
    return Skipped(where, None,
                   f"extraction failed ({type(e).__name__}{': ' + reason if reason else ''}); "
                   "the article was left out — please report it")


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
        try:
            ex = extract(item)
        except Exception as e:           # a bug on one article must not cost the others
            if strict:
                raise KGError(str(extraction_failed(item, e))) from None
            if on_skip:
                on_skip(extraction_failed(item, e))
            continue
        yield ex
    if not found:
        raise KGError(f"no articles found in {', '.join(map(str, paths))}")
