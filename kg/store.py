"""One interface over the embedded on-disk store (Oxigraph) and any SPARQL 1.1 server.

`open_store(location)` takes a directory (embedded) or an http(s) URL naming a server's SPARQL
query endpoint (remote).  On a server, writes go through one SPARQL Update per article, which
SPARQL 1.1 servers apply atomically: an article is wholly stored or not at all.  The embedded
store bulk-loads articles new to it behind a commit protocol (`EmbeddedStore.replace_articles`)
with the same guarantee.  Reads come back as SPARQL 1.1 JSON results (a dict), whichever store
answered, so everything above this module sees the same shapes.
"""
from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from pathlib import Path
from typing import Iterable

from kg.errors import QueryError, StoreError
from kg.paths import default_store_location
from kg.resolve import ARTICLES_GRAPH, ENTITIES_GRAPH

KG_NS = "https://rivalry-kg.org/ontology#"
#: The ontology (ontology/rivalry.ttl) is kept in the store in a graph of its own, named by the
#: ontology's IRI, so its class and property axioms can be queried beside the data.
ONTOLOGY_GRAPH = "https://rivalry-kg.org/ontology"
GENID = "https://rivalry-kg.org/.well-known/genid/"

#: Graphs a SPARQL server keeps for itself (Virtuoso: its RDF views, LDP and URI-QA settings).
#: Queries that enumerate graphs (count, export, stats, validation) leave them out.
SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",
    "http://www.w3.org/2002/07/owl#",
    "http://www.openlinksw.com/schemas/RDF_Mapper_Ontology/1.0/",
)


def not_system(var: str = "?g", ontology: bool = False) -> str:
    """A SPARQL FILTER leaving out servers' system graphs (and the ontology graph if asked)."""
    graphs = SYSTEM_GRAPHS + ((ONTOLOGY_GRAPH,) if ontology else ())
    return f"FILTER ({var} NOT IN ({', '.join(f'<{g}>' for g in graphs)}))"


EXPORT_FORMATS = {"turtle": "ttl", "trig": "trig", "nquads": "nq", "ntriples": "nt",
                  "jsonld": "jsonld"}     # serialised by kg.export


_ONTOLOGY_NT: dict[str, str] = {}


def ontology_nt() -> str:
    """ontology/rivalry.ttl as N-Triples, its blank nodes (the owl:unionOf list of
    kg:PartialDate) skolemised to `https://rivalry-kg.org/.well-known/genid/ontology-N` in file
    order, so the graph is the same
    quads in every store and a rewrite replaces it exactly."""
    from kg.paths import ontology_dir
    path = ontology_dir() / "rivalry.ttl"
    key = str(path)
    if key not in _ONTOLOGY_NT:
        import pyoxigraph as ox
        try:
            triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"{path}: cannot read the ontology: {str(e).splitlines()[0]}") from None
        names: dict[str, str] = {}

        def term(t) -> str:
            if isinstance(t, ox.BlankNode):
                if t.value not in names:
                    names[t.value] = f"<{GENID}ontology-{len(names) + 1}>"
                return names[t.value]
            return str(t)
        _ONTOLOGY_NT[key] = "".join(f"{term(t.subject)} {term(t.predicate)} {term(t.object)} .\n"
                                    for t in triples)
    return _ONTOLOGY_NT[key]


def ontology_update() -> str:
    """The SPARQL Update that (re)writes the ontology's graph in one transaction."""
    return (f"DROP SILENT GRAPH <{ONTOLOGY_GRAPH}> ;\n"
            f"INSERT DATA {{ GRAPH <{ONTOLOGY_GRAPH}> {{\n{ontology_nt()}}} }}")


def _cleanup_entities(article_iri: str) -> str:
    """Take back from the entities graph what only this article gave.

    1. Entities the article's graph names (in any position) and no other article graph does:
       all their triples.  2. The entity triples the article's graph repeats (`kg.rdf`: names,
       types, the lexicon's owner links) that no other article graph repeats.
    Runs before the article's graph is dropped, in the same request, so the entities graph is
    always what the stored articles give (a replace re-inserts what the new version gives).
    """
    a, e, m = f"<{article_iri}>", f"<{ENTITIES_GRAPH}>", f"<{ARTICLES_GRAPH}>"
    others = f"FILTER (?g != {a} && ?g != {e} && ?g != {m})"
    return (f"DELETE {{ GRAPH {e} {{ ?e ?p ?o }} }}\nWHERE {{\n"
            f"  {{ SELECT DISTINCT ?e WHERE {{ {{ GRAPH {a} {{ ?x ?q ?e }} }} UNION {{ GRAPH {a} {{ ?e ?q ?x }} }}"
            f" FILTER (isIRI(?e)) }} }}\n"
            f"  GRAPH {e} {{ ?e ?p ?o }}\n"
            f"  FILTER NOT EXISTS {{ GRAPH ?g {{ ?y ?r ?e }} {others} }}\n"
            f"  FILTER NOT EXISTS {{ GRAPH ?g {{ ?e ?r ?y }} {others} }}\n"
            f"}} ;\n"
            f"DELETE {{ GRAPH {e} {{ ?s ?p ?o }} }}\nWHERE {{\n"
            f"  GRAPH {a} {{ ?s ?p ?o }}\n"
            f"  GRAPH {e} {{ ?s ?p ?o }}\n"
            f"  FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} {others} }}\n"
            f"}}")


def replace_article_update(article_iri: str, graph_nt: str, shared: dict[str, str]) -> str:
    """The SPARQL Update that swaps one article's facts in a single transaction.

    Idempotent (delete, drop, insert), so a request retried after a network fault is harmless.
    """
    parts = [f"DELETE WHERE {{ GRAPH <{ARTICLES_GRAPH}> {{ <{article_iri}> ?p ?o }} }}",
             _cleanup_entities(article_iri),
             f"DROP SILENT GRAPH <{article_iri}>"]
    body = [f"GRAPH <{article_iri}> {{\n{graph_nt}}}"] if graph_nt else []
    body += [f"GRAPH <{g}> {{\n{nt}}}" for g, nt in shared.items() if nt]
    if body:
        parts.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
    return " ;\n".join(parts)


def remove_article_update(article_iri: str) -> str:
    """Metadata, orphaned entities and the article's graph, in one request."""
    return (f"DELETE WHERE {{ GRAPH <{ARTICLES_GRAPH}> {{ <{article_iri}> ?p ?o }} }} ;\n"
            f"{_cleanup_entities(article_iri)} ;\n"
            f"DROP SILENT GRAPH <{article_iri}>")


def term_nt(term) -> str:
    """An rdflib term in strict N-Triples (see `kg.rdf.term_nt`; rdflib is imported only when
    needed, so store commands start fast)."""
    from kg.rdf import term_nt as nt
    return nt(term)


def ntriples(triples) -> str:
    """Triples of rdflib terms as N-Triples text, a triple per line."""
    from kg.rdf import term_nt as nt
    return "".join(f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in triples)


def rdf_parts(item) -> tuple[str, str, dict[str, str]]:
    """A kg.rdf.ArticleRDF as (article IRI, its graph's N-Triples, {shared graph: N-Triples})."""
    graphs = item.graphs()
    return (item.article_iri, ntriples(graphs[item.article_iri]),
            {g: ntriples(t) for g, t in graphs.items() if g != item.article_iri})


def _as_nquads(nt: str, graph: str) -> str | None:
    """N-Triples lines put in `graph`; None when the text is not line-based N-Triples."""
    if not nt:
        return ""
    if '"""' in nt or "'''" in nt:
        return None
    tail = f" <{graph}> .\n"
    if nt.endswith(" .\n") and nt.count("\n") == nt.count(" .\n"):
        return nt.replace(" .\n", tail)     # every line ends " .": the same, in one C pass
    return "".join(line[:-2] + tail for line in nt.split("\n") if line.endswith(" ."))


def nquads_of(article_iri: str, graph_nt: str, shared: dict[str, str]) -> dict[str, str] | None:
    """An article's graphs as N-Quads text per graph (what `EmbeddedStore.replace_articles`
    loads); None when some graph is not line-based N-Triples."""
    out = {article_iri: _as_nquads(graph_nt, article_iri)}
    for g, nt in shared.items():
        out[g] = _as_nquads(nt, g)
    return None if None in out.values() else out


def has_article_query(article_iri: str) -> str:
    return (f"ASK {{ {{ GRAPH <{ARTICLES_GRAPH}> {{ <{article_iri}> ?p ?o }} }} UNION "
            f"{{ GRAPH <{article_iri}> {{ ?s ?q ?v }} }} }}")


HASHES_QUERY = f"""SELECT ?a ?h WHERE {{ GRAPH <{ARTICLES_GRAPH}> {{ ?a <{KG_NS}sha256> ?h }} }}"""
STAMPS_QUERY = f"""SELECT ?a ?h ?v WHERE {{ GRAPH <{ARTICLES_GRAPH}> {{ ?a <{KG_NS}sha256> ?h
  OPTIONAL {{ ?a <{KG_NS}builtBy> ?v }} }} }}"""

#: The commit protocol's own graph: while articles are bulk-loaded it names them (and the entities
#: whose lines the same load writes); the commit removes the names.  Never part of a finished store.
PENDING_GRAPH = "https://rivalry-kg.org/id/graph/pending"
PENDING = "https://rivalry-kg.org/id/build#pending"
#: A file in the store's directory while the cases graph may lag the articles: made before a
#: writer first changes an article, removed once `refresh_cases` has run.
CASES_MARK = "kg-cases-pending"


class Store:
    """Common behaviour; subclasses provide `query_json`, `update`, `export`, `count`."""

    location: str

    #: Largest update text sent in one request when writing several articles at once.
    max_update_bytes = 4_000_000

    def replace_article(self, article_iri: str, graph_nt: str, shared: dict[str, str]) -> None:
        self.update(replace_article_update(article_iri, graph_nt, shared))

    def replace_articles(self, items: list[tuple[str, str, dict[str, str]]],
                         quads: list | None = None) -> None:
        """Several replace_article at once, in order; requests of up to `max_update_bytes`.

        Each request is one transaction, so every article is wholly written or not at all.
        `quads` (per item, `nquads_of` or None) is for stores that load N-Quads; ignored here.
        """
        chunk: list[str] = []
        size = 0
        for iri, graph_nt, shared in items:
            op = replace_article_update(iri, graph_nt, shared)
            if chunk and size + len(op) > self.max_update_bytes:
                self.update(" ;\n".join(chunk))
                chunk, size = [], 0
            chunk.append(op)
            size += len(op)
        if chunk:
            self.update(" ;\n".join(chunk))

    def write_ontology(self) -> None:
        """(Re)write the ontology in its own graph (`ONTOLOGY_GRAPH`), so queries can use its
        subclass axioms beside the data: `?x a/rdfs:subClassOf* prov:Agent`."""
        self.update_derived(ontology_update())

    def update_derived(self, sparql: str) -> None:
        """An update of graphs derived from the articles (the ontology, the cases graph, …),
        never of an article's facts: it leaves `refresh_cases` free to look at the changed
        articles only (`update` makes the next refresh read every report)."""
        self.update(sparql)

    def has_article(self, article_iri: str) -> bool:
        return bool(self.query_json(has_article_query(article_iri)).get("boolean"))

    def remove_article(self, article_iri: str, refresh: bool = True) -> bool:
        """Drop the article's graph, its metadata and entities no other article mentions (and,
        unless `refresh` is False, bring the cases and summary graphs up to date).

        Returns False (and writes nothing) when the store holds no such article.
        """
        if not self.has_article(article_iri):
            return False
        self.update(remove_article_update(article_iri))
        if refresh:
            self.refresh_cases()
            self.refresh_summary()
        return True

    def refresh_cases(self, full: bool = False) -> int:
        """Rewrite what changed in the cases graph (`kg.cases`): which lawsuit reports are one
        case, over every report stored."""
        from kg.cases import refresh_cases
        return refresh_cases(self)

    def _cases_refreshed(self) -> None:
        """Called once the cases graph is right again (see `EmbeddedStore`)."""

    def refresh_summary(self, full: bool = False, progress=None) -> int:
        """Rewrite the summary graph (`kg.summary`: each name's answers to `kg rivals/timeline/
        lawsuits`) for the entities the articles changed since it last ran touch (`full`: all).
        Call after `refresh_cases`."""
        from kg.summary import refresh_summary
        return refresh_summary(self, full=full, progress=progress)

    def article_hashes(self) -> dict[str, str]:
        rows = self.query_json(HASHES_QUERY)["results"]["bindings"]
        return {r["a"]["value"]: r["h"]["value"] for r in rows}

    def article_stamps(self) -> dict[str, tuple[str, str]]:
        """Each stored article's (sha256, kg:builtBy; "" when the store does not say)."""
        rows = self.query_json(STAMPS_QUERY)["results"]["bindings"]
        return {r["a"]["value"]: (r["h"]["value"], r.get("v", {}).get("value", "")) for r in rows}

    def query_json(self, sparql: str, timeout: float | None = None) -> dict:
        raise NotImplementedError

    def update(self, sparql: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _writer_moved_files(msg: str) -> bool:
    """RocksDB names a file it cannot find: a writer compacted it away under a read-only handle."""
    return "No such file or directory" in msg or msg.startswith("Corruption")


def _open_read_only(ox, p: Path, path) -> "object":
    """Open a read-only handle beside a possible writer.

    A read-only handle reads the MANIFEST and then the table files it lists; a writer's
    compaction can delete one of those files in between.  That is a race, not damage: opening
    again sees the new MANIFEST.  After a few tries it is reported as a busy store.
    """
    for attempt in range(6):
        try:
            return ox.Store.read_only(str(p))
        except (OSError, RuntimeError) as e:
            msg = str(e).splitlines()[0] if str(e) else type(e).__name__
            if not _writer_moved_files(msg):
                raise OSError(msg) from None
            time.sleep(0.05 * (attempt + 1))
    if _writer_present(p):
        raise StoreError(f"{path}: store is busy (a build is rewriting it); try again")
    raise StoreError(f"{path}: store is damaged: {msg}")


def _writer_present(p: Path) -> bool:
    """True when another process holds RocksDB's LOCK file (a writer has the store open)."""
    try:
        fd = os.open(p / "LOCK", os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def _uncommitted(ox, st) -> list[str]:
    """Article graphs this handle shows although their bulk load was never committed."""
    pg, meta = ox.NamedNode(PENDING_GRAPH), ox.NamedNode(ARTICLES_GRAPH)
    out = []
    for q in st.quads_for_pattern(None, ox.NamedNode(PENDING), ox.Literal("article"), pg):
        a = q.subject
        if (next(st.quads_for_pattern(None, None, None, a), None) is not None
                and next(st.quads_for_pattern(a, None, None, meta), None) is None):
            out.append(a.value)
    return out


class EmbeddedStore(Store):
    """A pyoxigraph store in a directory; read-only handles can open beside a writer."""

    def __init__(self, path: str | os.PathLike, read_only: bool = False, create: bool = True):
        import pyoxigraph as ox
        self._ox = ox
        self.location = str(path)
        self.read_only = read_only
        p = Path(path)
        if p.exists() and not p.is_dir():
            raise StoreError(f"{path}: not a store directory (it is a file)")
        if p.is_dir() and any(p.iterdir()) and not (p / "CURRENT").exists():
            raise StoreError(f"{path}: not a store (directory holds other files)")
        try:
            if read_only:
                if not p.is_dir():
                    raise StoreError(f"{path}: no store here; run `kg build` first")
                self._store = self._open_committed(p, path)
            else:
                if not create and not p.is_dir():
                    raise StoreError(f"{path}: no store here; run `kg build` first")
                p.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(p))
        except OSError as e:
            msg = str(e).splitlines()[0] if str(e) else type(e).__name__
            if "lock" in msg.lower():
                raise StoreError(f"{path}: store is busy (another process is writing it)") from None
            raise StoreError(f"{path}: cannot open store: {msg}") from None
        if not read_only:
            # the cases graph is right unless a writer stopped between changing articles and
            # refreshing it (the mark file then exists): only changed articles' cases are
            # clustered again (`kg.cases.Changes`), else every report
            from kg.cases import Changes
            self._marked = (p / CASES_MARK).exists()
            self._changes = None if self._marked else Changes()
            self.recover()

    #: Graphs a read-only handle hides: articles a build bulk-loaded and never committed, when the
    #: store could not be recovered (a full disk, no write permission).  Normally empty.
    _hidden: frozenset = frozenset()

    def _open_committed(self, p: Path, path):
        """A read-only handle that shows committed articles only.

        A handle sees the store as of opening.  If that includes an article a build has
        bulk-loaded but not yet committed: while the build runs, the commit is a moment away, so
        open again; when no build runs (it was killed), recover the store as the next build
        would (like SQLite's readers roll back a hot journal), then open again.  If the store
        cannot be written (full disk, read-only files), the handle hides those graphs.
        """
        ox = self._ox
        for attempt in range(40):
            st = _open_read_only(ox, p, path)
            hidden = _uncommitted(ox, st)
            if not hidden:
                return st
            del st
            if not _writer_present(p):
                try:
                    EmbeddedStore(p, create=False).close()     # recovers on opening
                except StoreError as e:
                    if "busy" not in str(e):
                        break
            time.sleep(min(0.02 * (attempt + 1), 0.25))
        st = _open_read_only(ox, p, path)
        self._hidden = frozenset(_uncommitted(ox, st))
        return st

    def query_json(self, sparql: str, timeout: float | None = None) -> dict:
        ox = self._ox
        try:
            if self._hidden:
                graphs = [g for g in self._store.named_graphs() if g.value not in self._hidden]
                result = self._store.query(sparql, default_graph=graphs, named_graphs=graphs)
            else:
                result = self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {str(e).splitlines()[0]}") from None
        except (OSError, ValueError, RuntimeError) as e:
            msg = str(e).splitlines()[0] if str(e) else type(e).__name__
            if self.read_only and _writer_moved_files(msg):
                raise StoreError(f"{self.location}: store is busy (a build rewrote it while "
                                 "this query read it); try again") from None
            raise QueryError(f"query failed: {msg}") from None
        if isinstance(result, ox.QueryBoolean):
            return {"head": {}, "boolean": bool(result)}
        if isinstance(result, ox.QuerySolutions):
            return json.loads(result.serialize(format=ox.QueryResultsFormat.JSON))
        nt = "".join(f"{t} .\n" for t in result)
        return {"head": {"vars": []}, "graph": nt}

    #: Hashes of entity-graph lines this handle has loaded, so the next article naming the same
    #: entity does not write them again (about a quarter of a build's quads).  Any update may
    #: delete entity triples, so updates clear it; bounded so memory stays flat.
    ENTITY_CACHE_MAX = 500_000
    #: RocksDB keeps written data in memtables (one per index) until they are flushed; flushing
    #: after this much written text keeps a long build's memory flat instead of growing by ~1 GB
    #: per million quads.
    #: The flush runs in a thread (pyoxigraph releases the GIL), so the single writer goes on
    #: preparing the next batches meanwhile; one flush at a time, so memory stays bounded.  A bulk
    #: load (file ingestion) waits for a running flush first: the two side by side hung a test
    #: run for good (both threads waiting inside RocksDB, 2026-12-07, a loaded 2-core machine).
    FLUSH_EVERY_BYTES = 48_000_000
    _unflushed = 0
    _flusher = None

    def _wrote(self, n_bytes: int) -> None:
        self._unflushed += n_bytes
        if self._unflushed >= self.FLUSH_EVERY_BYTES:
            self._unflushed = 0
            self._join_flusher()
            self._flusher = threading.Thread(target=self.flush, name="kg-store-flush", daemon=True)
            self._flusher.start()

    def _join_flusher(self) -> None:
        if self._flusher is not None:
            self._flusher.join()
            self._flusher = None

    # ---- what changed since the cases graph was last right (`refresh_cases`) -----------------
    #: None: unknown (a raw `update`, or a writer stopped before its refresh): read every report
    _changes = None
    _marked = False

    def _mark(self) -> None:
        """Leave the mark file before the first change to the articles, so a writer stopped
        before its refresh leaves the next one to read every report."""
        if self._marked or self.read_only:
            return
        path = Path(self.location) / CASES_MARK
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as e:
            raise StoreError(f"{self.location}: write failed: {e.strerror or e}") from None
        self._marked = True

    def _changing(self, article_iri: str, present: bool) -> None:
        """Note that an article graph is about to be written or removed (`present`: it is in the
        store now, so note what it holds first)."""
        self._mark()
        if self._changes is None:
            return
        if present:
            from kg.cases import held
            self._changes.add_rows(held(self, article_iri))
        self._changes.articles.add(article_iri)

    def _any_change(self) -> None:
        self._mark()
        self._changes = None

    def refresh_cases(self, full: bool = False) -> int:
        """Rewrite what changed in the cases graph: only the cases the articles written or removed
        by this handle touch, unless something else changed the store or `full` (then every
        report: `kg reindex`, a store written before it had a cases graph)."""
        from kg.cases import refresh_cases
        n = refresh_cases(self, None if full else self._changes)
        self._cases_refreshed()
        return n

    def _cases_refreshed(self) -> None:
        from kg.cases import Changes
        self._changes = Changes()
        if self._marked:
            try:
                (Path(self.location) / CASES_MARK).unlink(missing_ok=True)
            except OSError:
                return
            self._marked = False

    def replace_article(self, article_iri: str, graph_nt: str, shared: dict[str, str]) -> None:
        self._changing(article_iri, self._present(article_iri))
        self.update_derived(replace_article_update(article_iri, graph_nt, shared))

    def remove_article(self, article_iri: str, refresh: bool = True) -> bool:
        if not self.has_article(article_iri):
            return False
        self._changing(article_iri, True)
        self.update_derived(remove_article_update(article_iri))
        if refresh:
            self.refresh_cases()
            self.refresh_summary()
        return True

    def update(self, sparql: str) -> None:
        if not self.read_only:
            self._any_change()
        self.update_derived(sparql)

    def update_derived(self, sparql: str) -> None:
        self._entity_lines = set()
        self._wrote(len(sparql))
        try:
            self._store.update(sparql)
        except SyntaxError as e:
            raise QueryError(f"SPARQL update syntax error: {str(e).splitlines()[0]}") from None
        except OSError as e:
            raise StoreError(f"{self.location}: write failed: {str(e).splitlines()[0]}") from None

    def replace_articles(self, items: list[tuple[str, str, dict[str, str]]],
                         quads: list | None = None) -> None:
        """Write several articles, in order; each is wholly stored or not at all.

        Articles new to the store are bulk-loaded together behind a commit protocol (see
        `_load_fresh`: several times cheaper than a transaction); an article already present, or
        given twice, goes through the atomic replace update.  `quads[i]` is item i as `nquads_of`
        gives it, when the caller made it already.
        """
        fresh: list[tuple[str, dict[str, str], dict[str, str]]] = []
        seen: set[str] = set()
        for k, (iri, graph_nt, shared) in enumerate(items):
            made = quads[k] if quads else None
            if made is None:
                made = nquads_of(iri, graph_nt, shared)
            if iri in seen or made is None or self._present(iri):
                self._load_fresh(fresh)
                fresh = []
                self.replace_article(iri, graph_nt, shared)
            else:
                fresh.append((iri, made, shared))
            seen.add(iri)
        self._load_fresh(fresh)

    def _load_fresh(self, fresh: list[tuple[str, dict[str, str], dict[str, str]]]) -> None:
        """Store articles new to the store: a bulk load behind a commit protocol.

        1. One transaction names the articles (and the entities whose lines this load writes) in
           `PENDING_GRAPH`.
        2. `bulk_load` writes the articles' graphs and their new entity lines (table files made
           aside, then added to the store).
        3. One transaction commits: it writes the articles' metadata in the articles graph (the
           commit record; `article_hashes`, and so every build, counts an article only from
           then on) and removes the names.
        A build killed (or out of disk) between 1 and 3 leaves the names behind: opening the store
        as a writer removes what they name (`recover`), and read-only handles never show it.
        """
        if not fresh:
            return
        ox = self._ox
        if not hasattr(self, "_entity_lines") or len(self._entity_lines) > self.ENTITY_CACHE_MAX:
            self._entity_lines = set()
        lines = self._entity_lines
        new_lines: set[int] = set()
        bulk: list[str] = []
        marks: list[str] = []
        commit: dict[str, list[str]] = {}
        pending_entities: set[str] = set()
        for iri, made, shared in fresh:
            self._changing(iri, False)
            marks.append(f'<{iri}> <{PENDING}> "article" <{PENDING_GRAPH}> .\n')
            bulk.append(made[iri])
            for g in shared:
                text = made[g]
                if g != ENTITIES_GRAPH:          # the articles graph (commit record), any other
                    if shared[g]:
                        commit.setdefault(g, []).append(shared[g])
                    continue
                for line in text.split("\n"):
                    if not line:
                        continue
                    line += "\n"
                    h = hash(line)
                    if h not in lines and h not in new_lines:
                        new_lines.add(h)
                        bulk.append(line)
                        if line.startswith("<"):
                            pending_entities.add(line.split(" ", 1)[0])
        marks += [f'{e} <{PENDING}> "entity" <{PENDING_GRAPH}> .\n' for e in sorted(pending_entities)]
        marks_data = "".join(marks).encode("utf-8")
        data = "".join(bulk).encode("utf-8")
        record = (f"DROP SILENT GRAPH <{PENDING_GRAPH}> ;\nINSERT DATA {{\n"
                  + "\n".join(f"GRAPH <{g}> {{\n{''.join(nts)}}}" for g, nts in commit.items())
                  + "\n}")
        self._wrote(len(marks_data) + len(record))
        try:
            self._store.load(marks_data, format=ox.RdfFormat.N_QUADS)
            self._join_flusher()      # never ingest beside a flush: RocksDB can deadlock there
            self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            self._store.update(record)
        except (SyntaxError, ValueError) as e:
            self._undo()
            raise QueryError(f"bad quads: {str(e).splitlines()[0]}") from None
        except OSError as e:
            self._undo()
            raise StoreError(f"{self.location}: write failed: {str(e).splitlines()[0]}") from None
        lines |= new_lines

    def _undo(self) -> None:
        """After a failed load: remove what it left, if the store still takes writes (else the
        next opening does)."""
        try:
            self.recover()
        except (StoreError, QueryError):
            pass

    def recover(self) -> int:
        """Remove what an interrupted bulk load left (see `_load_fresh`): the graphs of articles
        named in `PENDING_GRAPH` and never committed, entity lines no committed article needs any
        more, the names themselves, and unused table files of the loader.  One transaction;
        returns how many articles it removed.  Runs whenever the store is opened for writing."""
        ox, st = self._ox, self._store
        for f in Path(self.location).glob("bulk-*.sst"):   # a killed loader's files, never used
            f.unlink(missing_ok=True)
        pg = ox.NamedNode(PENDING_GRAPH)
        if next(st.quads_for_pattern(None, None, None, pg), None) is None:
            return 0
        articles, entities = [], []
        for q in st.quads_for_pattern(None, ox.NamedNode(PENDING), None, pg):
            (articles if q.object.value == "article" else entities).append(q.subject)
        meta = ox.NamedNode(ARTICLES_GRAPH)
        dropped = [a for a in articles if isinstance(a, ox.NamedNode)
                   and next(st.quads_for_pattern(a, None, None, meta), None) is None]
        ops = [f"DROP SILENT GRAPH <{a.value}>" for a in dropped]
        if entities:
            e, m = f"<{ENTITIES_GRAPH}>", f"<{ARTICLES_GRAPH}>"
            values = " ".join(str(x) for x in entities)
            ops.append(f"DELETE {{ GRAPH {e} {{ ?e ?p ?o }} }}\nWHERE {{\n  VALUES ?e {{ {values} }}\n"
                       f"  GRAPH {e} {{ ?e ?p ?o }}\n"
                       f"  FILTER NOT EXISTS {{ GRAPH ?g {{ ?y ?r ?e }} "
                       f"FILTER (?g != {e} && ?g != {m} && ?g != <{PENDING_GRAPH}>) }}\n"
                       f"  FILTER NOT EXISTS {{ GRAPH ?g {{ ?e ?r ?y }} "
                       f"FILTER (?g != {e} && ?g != {m} && ?g != <{PENDING_GRAPH}>) }}\n}}")
        ops.append(f"DROP SILENT GRAPH <{PENDING_GRAPH}>")
        self._any_change()             # (articles it drops may have reached the cases graph's view)
        self.update_derived(" ;\n".join(ops))
        return len(dropped)

    def _present(self, article_iri: str) -> bool:
        """`has_article` by two index look-ups instead of a SPARQL query (once per article
        written)."""
        ox = self._ox
        try:
            node = ox.NamedNode(article_iri)
        except ValueError:
            return self.has_article(article_iri)
        st = self._store
        return (next(st.quads_for_pattern(node, None, None, ox.NamedNode(ARTICLES_GRAPH)), None)
                is not None or next(st.quads_for_pattern(None, None, None, node), None) is not None)

    def quads(self, s: str | None = None, p: str | None = None, o: str | None = None,
              g: str | None = None, parts: str = "spog"):
        """The values of the quads matching a pattern of IRIs (None: any), by an index look-up
        (no SPARQL: `kg.cases` reads a few reports this way): tuples of the `parts` asked for
        ("spog": subject, predicate, object, graph), or plain values when one part is asked."""
        ox = self._ox
        node = lambda x: None if x is None else ox.NamedNode(x)  # noqa: E731
        found = self._store.quads_for_pattern(node(s), node(p), node(o), node(g))
        if self._hidden:                  # (a read-only handle hiding uncommitted graphs)
            found = [q for q in found if getattr(q.graph_name, "value", None) not in self._hidden]
        if len(parts) == 1:
            attr = {"s": "subject", "p": "predicate", "o": "object", "g": "graph_name"}[parts]
            for q in found:
                yield getattr(q, attr).value
            return
        names = [{"s": "subject", "p": "predicate", "o": "object", "g": "graph_name"}[k] for k in parts]
        for q in found:
            yield tuple(getattr(getattr(q, n), "value", None) for n in names)

    def count(self) -> int:
        return len(self._store)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if g.value not in self._hidden)

    def export(self, fmt: str) -> bytes:
        return export_oxigraph(self._store, fmt)

    def backup(self, target: str | os.PathLike) -> None:
        """A consistent snapshot in `target` (a new directory; hard links on the same disk)."""
        try:
            self._store.backup(str(target))
        except OSError as e:
            raise StoreError(f"{self.location}: backup failed: {str(e).splitlines()[0]}") from None

    def flush(self) -> None:
        if self.read_only:
            return
        try:
            self._store.flush()
        except (OSError, RuntimeError):
            pass

    def close(self) -> None:
        store = getattr(self, "_store", None)
        if store is not None:
            self._join_flusher()
            self.flush()
            del self._store


def export_oxigraph(store, fmt: str) -> bytes:
    """Serialise a pyoxigraph Store (on disk or in memory) as `fmt` (see kg.export)."""
    from kg.export import serialize_dataset
    return serialize_dataset(store, fmt)


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def open_store(location: str | None = None, read_only: bool = False, **remote_options) -> Store:
    """Open the store at `location` (a directory or a SPARQL endpoint URL; default $KG_STORE)."""
    location = location or default_store_location()
    if is_url(location):
        from kg.remote import RemoteStore
        return RemoteStore(location, **remote_options)
    return EmbeddedStore(location, read_only=read_only, create=not read_only)


def write_articles(store: Store, items: Iterable) -> int:
    """Write several kg.rdf.ArticleRDF objects, one transaction each; returns how many.  (The
    cases graph is left as it was: `store.refresh_cases()` after, as `kg.pipeline.build` does.)"""
    n = 0
    for item in items:
        store.replace_article(*rdf_parts(item))
        n += 1
    return n
