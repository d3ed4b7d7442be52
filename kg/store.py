"""One interface over the embedded on-disk store (Oxigraph) and any SPARQL 1.1 server.

`open_store(location)` takes a directory (embedded) or an http(s) URL naming a server's SPARQL
query endpoint (remote).  Writes go through one SPARQL Update per article, which both Oxigraph
and SPARQL 1.1 servers apply atomically: an article is wholly stored or not at all.  Reads come
back as SPARQL 1.1 JSON results (a dict), whichever store answered, so everything above this
module sees the same shapes.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

from kg.errors import QueryError, StoreError
from kg.paths import default_store_location
from kg.resolve import ARTICLES_GRAPH

KG_NS = "https://rivalry-kg.org/ontology#"
EXPORT_FORMATS = {"turtle": "ttl", "trig": "trig", "nquads": "nq", "ntriples": "nt",
                  "jsonld": "jsonld"}


def replace_article_update(article_iri: str, graph_nt: str, shared: dict[str, str]) -> str:
    """The SPARQL Update that swaps one article's facts in a single transaction."""
    parts = [f"DELETE WHERE {{ GRAPH <{ARTICLES_GRAPH}> {{ <{article_iri}> ?p ?o }} }}",
             f"DROP SILENT GRAPH <{article_iri}>"]
    body = [f"GRAPH <{article_iri}> {{\n{graph_nt}}}"] if graph_nt else []
    body += [f"GRAPH <{g}> {{\n{nt}}}" for g, nt in shared.items() if nt]
    if body:
        parts.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
    return " ;\n".join(parts)


def remove_article_update(article_iri: str) -> str:
    return (f"DELETE WHERE {{ GRAPH <{ARTICLES_GRAPH}> {{ <{article_iri}> ?p ?o }} }} ;\n"
            f"DROP SILENT GRAPH <{article_iri}>")


HASHES_QUERY = f"""SELECT ?a ?h WHERE {{ GRAPH <{ARTICLES_GRAPH}> {{ ?a <{KG_NS}sha256> ?h }} }}"""


class Store:
    """Common behaviour; subclasses provide `query_json`, `update`, `export`, `count`."""

    location: str

    def replace_article(self, article_iri: str, graph_nt: str, shared: dict[str, str]) -> None:
        self.update(replace_article_update(article_iri, graph_nt, shared))

    def remove_article(self, article_iri: str) -> None:
        self.update(remove_article_update(article_iri))

    def article_hashes(self) -> dict[str, str]:
        rows = self.query_json(HASHES_QUERY)["results"]["bindings"]
        return {r["a"]["value"]: r["h"]["value"] for r in rows}

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


class EmbeddedStore(Store):
    """A pyoxigraph store in a directory; read-only handles can open beside a writer."""

    def __init__(self, path: str | os.PathLike, read_only: bool = False, create: bool = True):
        import pyoxigraph as ox
        self._ox = ox
        self.location = str(path)
        p = Path(path)
        if p.exists() and not p.is_dir():
            raise StoreError(f"{path}: not a store directory (it is a file)")
        if p.is_dir() and any(p.iterdir()) and not (p / "CURRENT").exists():
            raise StoreError(f"{path}: not a store (directory holds other files)")
        try:
            if read_only:
                if not p.is_dir():
                    raise StoreError(f"{path}: no store here; run `kg build` first")
                self._store = ox.Store.read_only(str(p))
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

    def query_json(self, sparql: str, timeout: float | None = None) -> dict:
        ox = self._ox
        try:
            result = self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {str(e).splitlines()[0]}") from None
        except (OSError, ValueError, RuntimeError) as e:
            raise QueryError(f"query failed: {str(e).splitlines()[0]}") from None
        if isinstance(result, ox.QueryBoolean):
            return {"head": {}, "boolean": bool(result)}
        if isinstance(result, ox.QuerySolutions):
            return json.loads(result.serialize(format=ox.QueryResultsFormat.JSON))
        nt = "".join(f"{t} .\n" for t in result)
        return {"head": {"vars": []}, "graph": nt}

    def update(self, sparql: str) -> None:
        try:
            self._store.update(sparql)
        except SyntaxError as e:
            raise QueryError(f"SPARQL update syntax error: {str(e).splitlines()[0]}") from None
        except OSError as e:
            raise StoreError(f"{self.location}: write failed: {str(e).splitlines()[0]}") from None

    def count(self) -> int:
        return len(self._store)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def export(self, fmt: str) -> bytes:
        ox = self._ox
        formats = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
        if fmt in formats:
            return self._store.dump(format=formats[fmt])
        # Formats without named graphs: go through rdflib for prefixes and JSON-LD.
        from rdflib import Dataset
        ds = Dataset()
        ds.parse(data=self._store.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
        from kg.rdf import PREFIXES
        for k, v in PREFIXES.items():
            ds.bind(k, v)
        if fmt == "jsonld":
            return ds.serialize(format="json-ld", indent=2).encode("utf-8")
        if fmt in ("turtle", "ntriples"):
            from rdflib import Graph
            g = Graph()
            for k, v in PREFIXES.items():
                g.bind(k, v)
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
            return g.serialize(format="turtle" if fmt == "turtle" else "nt").encode("utf-8")
        raise StoreError(f"unknown export format {fmt!r}")

    def flush(self) -> None:
        try:
            self._store.flush()
        except OSError:
            pass

    def close(self) -> None:
        store = getattr(self, "_store", None)
        if store is not None:
            self.flush()
            del self._store


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
    """Write several kg.rdf.ArticleRDF objects, one transaction each; returns how many."""
    n = 0
    for item in items:
        shared = {g: item.ntriples(g) for g in item.graphs() if g != item.article_iri}
        store.replace_article(item.article_iri, item.ntriples(item.article_iri), shared)
        n += 1
    return n
