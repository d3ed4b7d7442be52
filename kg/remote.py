"""A SPARQL 1.1 server as the store: queries by the SPARQL Protocol, writes by SPARQL Update.

The update endpoint follows the server's convention unless given: Oxigraph `/query` -> `/update`,
Fuseki `/ds/query` or `/ds/sparql` -> `/ds/update`.

Writes: one SPARQL Update request per batch of articles (each article's delete + drop + insert in
sequence), which SPARQL 1.1 servers apply as one transaction.  The Graph Store Protocol is not
used for writes: an article touches three graphs (its own, the shared entities and articles
graphs), and one PUT per graph could leave an article half-written; an Update request cannot.
The update is idempotent, so it is retried safely after a network fault.

Reads: the embedded store answers with the default graph as the union of the named graphs, and so
must the server, or ad-hoc queries without `GRAPH` would see nothing.  `union="auto"` asks the
server who it is on first use: Oxigraph gets its `union-default-graph` request parameter, Jena
Fuseki gets `default-graph-uri=urn:x-arq:UnionGraph`; any other server (Virtuoso, GraphDB, which
both query all graphs by default) is sent the query unchanged.  `union="param"`, `"jena"` or
`"server"` forces one behaviour.

Faults: each request has a timeout; connection errors, timeouts and 5xx answers are retried with
exponential backoff (0.2 s, 0.4 s, 0.8 s ...); then one line: "cannot reach SPARQL server".
"""
from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

from kg.errors import QueryError, StoreError
from kg.store import Store


def _path(url: str) -> str:
    return urllib.parse.urlsplit(url).path.rstrip("/")


def guess_update_url(query_url: str) -> str:
    """Where SPARQL Update goes, by each server's convention.

    Oxigraph `/query` -> `/update`; Fuseki `/ds/query` or `/ds/sparql` -> `/ds/update`;
    Virtuoso `/sparql` (at the root) -> the same URL; GraphDB / RDF4J `/repositories/R` ->
    `/repositories/R/statements`.
    """
    url, path = query_url.rstrip("/"), _path(query_url)
    if "/repositories/" in path:
        return url + "/statements"
    if path == "/sparql":
        return url
    for suffix in ("/query", "/sparql"):
        if url.endswith(suffix):
            return url[: -len(suffix)] + "/update"
    return url + "/update"


def guess_gsp_url(query_url: str) -> str:
    """The Graph Store Protocol endpoint: Oxigraph `/store`, Fuseki `/ds/data`, Virtuoso
    `/sparql-graph-crud`, GraphDB `/repositories/R/rdf-graphs/service`."""
    url, path = query_url.rstrip("/"), _path(query_url)
    if "/repositories/" in path:
        return url + "/rdf-graphs/service"
    if path == "/sparql":
        return url + "-graph-crud"
    base = url.rsplit("/", 1)[0]
    return base + ("/store" if url.endswith("/query") else "/data")


class RemoteStore(Store):
    def __init__(self, query_url: str, update_url: str | None = None, gsp_url: str | None = None,
                 timeout: float = 60.0, retries: int = 3, union: str = "auto"):
        self.location = query_url
        self.query_url = query_url
        self.update_url = update_url or guess_update_url(query_url)
        self.gsp_url = gsp_url or guess_gsp_url(query_url)
        self.timeout, self.retries = timeout, retries
        if union not in ("auto", "param", "jena", "server"):
            raise StoreError(f"union must be auto, param, jena or server, not {union!r}")
        self.union = union
        self.server = ""

    def _union_params(self) -> dict[str, str]:
        if self.union == "auto":
            self.union = "server"
            req = urllib.request.Request(self.query_url + "?" + urllib.parse.urlencode(
                {"query": "ASK { }"}), headers={"Accept": "application/sparql-results+json"})
            try:
                with urllib.request.urlopen(req, timeout=min(self.timeout, 10)) as resp:
                    self.server = resp.headers.get("Server", "")
            except urllib.error.HTTPError as e:
                self.server = e.headers.get("Server", "") if e.headers else ""
            except (urllib.error.URLError, OSError):
                self.union = "auto"      # decide when the server answers; _request reports the fault
                return {}
            low = self.server.lower()
            if "oxigraph" in low:
                self.union = "param"
            elif "fuseki" in low or "jena" in low:
                self.union = "jena"
        if self.union == "param":
            return {"union-default-graph": ""}
        if self.union == "jena":
            return {"default-graph-uri": "urn:x-arq:UnionGraph"}
        return {}

    def _request(self, req: urllib.request.Request, timeout: float | None) -> bytes:
        delay = 0.2
        for attempt in range(self.retries + 1):
            try:
                with urllib.request.urlopen(req, timeout=timeout or self.timeout) as resp:
                    return resp.read()
            except urllib.error.HTTPError as e:
                body = e.read().decode("utf-8", "replace").strip().splitlines()
                detail = body[0][:200] if body else e.reason
                if e.code in (400, 422):
                    raise QueryError(f"{self.location}: server rejected the request: {detail}") from None
                if e.code < 500 or attempt == self.retries:
                    raise StoreError(f"{self.location}: HTTP {e.code}: {detail}") from None
            except (urllib.error.URLError, socket.timeout, ConnectionError, TimeoutError,
                    http.client.HTTPException) as e:
                if attempt == self.retries:
                    reason = getattr(e, "reason", None) or e or type(e).__name__
                    raise StoreError(f"{self.location}: cannot reach SPARQL server ({reason})") from None
            time.sleep(delay)
            delay *= 2
        raise StoreError(f"{self.location}: no answer")

    def query_json(self, sparql: str, timeout: float | None = None) -> dict:
        params = {"query": sparql, **self._union_params()}
        data = urllib.parse.urlencode(params).encode()
        req = urllib.request.Request(self.query_url, data=data, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.5"})
        raw = self._request(req, timeout)
        try:
            return json.loads(raw)
        except ValueError:
            return {"head": {"vars": []}, "graph": raw.decode("utf-8", "replace")}

    def update(self, sparql: str) -> None:
        req = urllib.request.Request(self.update_url, data=sparql.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
        self._request(req, None)

    def check_union(self) -> bool:
        """True when the server's default graph (as queried here) sees the named graphs' data."""
        probe = "{ GRAPH ?g { ?s ?p ?o } }"
        if not self.query_json(f"ASK {probe}").get("boolean"):
            return True                     # empty store: nothing to disagree about
        return bool(self.query_json("ASK { ?s ?p ?o }").get("boolean"))

    def count(self) -> int:
        res = self.query_json("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(res["results"]["bindings"][0]["n"]["value"])

    def named_graphs(self) -> list[str]:
        res = self.query_json("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(b["g"]["value"] for b in res["results"]["bindings"])

    def export(self, fmt: str) -> bytes:
        """The server's named graphs, serialised locally like the embedded store does it."""
        res = self.query_json("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        from kg.query import term_n3
        nq = "".join(f"{term_n3(b['s'])} {term_n3(b['p'])} {term_n3(b['o'])} {term_n3(b['g'])} .\n"
                     for b in res["results"]["bindings"])
        import pyoxigraph as ox
        from kg.store import export_oxigraph
        tmp = ox.Store()
        tmp.load(nq.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        return export_oxigraph(tmp, fmt)
