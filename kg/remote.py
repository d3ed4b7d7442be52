"""A SPARQL 1.1 server as the store: queries by the SPARQL Protocol, writes by SPARQL Update.

The update endpoint follows the server's convention unless given: Oxigraph `/query` -> `/update`,
Fuseki `/ds/query` or `/ds/sparql` -> `/ds/update`.  Every article is one Update request, which
SPARQL servers apply as one transaction.
"""
from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

from kg.errors import QueryError, StoreError
from kg.store import Store


def guess_update_url(query_url: str) -> str:
    for suffix in ("/query", "/sparql"):
        if query_url.rstrip("/").endswith(suffix):
            return query_url.rstrip("/")[: -len(suffix)] + "/update"
    return query_url.rstrip("/") + "/update"


def guess_gsp_url(query_url: str) -> str:
    base = query_url.rstrip("/").rsplit("/", 1)[0]
    return base + ("/store" if query_url.rstrip("/").endswith("/query") else "/data")


class RemoteStore(Store):
    def __init__(self, query_url: str, update_url: str | None = None, gsp_url: str | None = None,
                 timeout: float = 30.0, retries: int = 3):
        self.location = query_url
        self.query_url = query_url
        self.update_url = update_url or guess_update_url(query_url)
        self.gsp_url = gsp_url or guess_gsp_url(query_url)
        self.timeout, self.retries = timeout, retries

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
            except (urllib.error.URLError, socket.timeout, ConnectionError, TimeoutError) as e:
                if attempt == self.retries:
                    reason = getattr(e, "reason", e)
                    raise StoreError(f"{self.location}: cannot reach SPARQL server ({reason})") from None
            time.sleep(delay)
            delay *= 2
        raise StoreError(f"{self.location}: no answer")

    def query_json(self, sparql: str, timeout: float | None = None) -> dict:
        data = urllib.parse.urlencode({"query": sparql}).encode()
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

    def count(self) -> int:
        res = self.query_json("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(res["results"]["bindings"][0]["n"]["value"])

    def named_graphs(self) -> list[str]:
        res = self.query_json("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(b["g"]["value"] for b in res["results"]["bindings"])

    def export(self, fmt: str) -> bytes:
        res = self.query_json("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        from kg.query import term_n3
        lines = [f"{term_n3(b['s'])} {term_n3(b['p'])} {term_n3(b['o'])} {term_n3(b['g'])} .\n"
                 for b in res["results"]["bindings"]]
        nq = "".join(lines)
        if fmt == "nquads":
            return nq.encode()
        import pyoxigraph as ox
        tmp = ox.Store()
        tmp.load(nq.encode(), format=ox.RdfFormat.N_QUADS)
        if fmt == "trig":
            return tmp.dump(format=ox.RdfFormat.TRIG)
        raise StoreError(f"export format {fmt!r} is not supported for a remote store yet")
