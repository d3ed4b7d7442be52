"""A SPARQL 1.1 server as the store: queries by the SPARQL Protocol, writes by SPARQL Update.

The update endpoint follows the server's convention unless given: Oxigraph `/query` -> `/update`,
Fuseki `/ds/query` or `/ds/sparql` -> `/ds/update`.

Writes: one SPARQL Update request per batch of articles (each article's delete + drop + insert in
sequence), which SPARQL 1.1 servers apply as one transaction.  The Graph Store Protocol is not
used (and `kg` has no `--gsp-url`): an article touches three graphs (its own, the shared entities
and articles graphs), and a PUT per graph is a transaction per graph, so a build killed between
two PUTs would leave an article's facts without its metadata (or the reverse), which the next
build would not repair (it skips articles whose sha256 is stored).  An Update request cannot be
half-applied.  The update is idempotent, so it is retried safely after a network fault.

Reads: the embedded store answers with the default graph as the union of the named graphs, and so
must the server, or ad-hoc queries without `GRAPH` would see nothing.  `union="auto"` asks the
server who it is on first use: Oxigraph gets its `union-default-graph` request parameter, Jena
Fuseki gets `default-graph-uri=urn:x-arq:UnionGraph`; any other server (Virtuoso, GraphDB, which
both query all graphs by default) is sent the query unchanged.  Virtuoso also lists graphs of its
own (`kg.store.SYSTEM_GRAPHS`); the queries that enumerate graphs (count, export, stats,
validation) leave them out.  `union="param"`, `"jena"` or
`"server"` forces one behaviour.

Faults: each request has a timeout; connection errors, timeouts and 5xx answers are retried with
exponential backoff (0.2 s, 0.4 s, 0.8 s ...); then one line: "cannot reach SPARQL server".
An answer that is not what was asked for (SPARQL XML results, an HTML error page, a JSON table
for a CONSTRUCT) is one line naming the media type the server sent.  Virtuoso's ASK answer (a
one-cell table `__ASK_RETVAL`) is read as the boolean it means.
"""
from __future__ import annotations

import http.client
import json
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

from kg.errors import QueryError, StoreError
from kg.store import Store, not_system


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


_STRINGS_AND_IRIS = re.compile(r'<[^<>"{}|^`\\\s]*>|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
_COMMENT = re.compile(r"#[^\n]*")
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first query keyword outside IRIs, strings and
    comments (SELECT when none is found, and the server will say what is wrong)."""
    text = _COMMENT.sub(" ", _STRINGS_AND_IRIS.sub(" ", sparql))
    m = _FORM.search(text)
    return m.group(1).upper() if m else "SELECT"


def _snippet(raw: bytes) -> str:
    text = raw[:200].decode("utf-8", "replace").strip()
    first = text.splitlines()[0][:80] if text else ""
    return f": {first!r}" if first else " (an empty body)"


class RemoteStore(Store):
    def __init__(self, query_url: str, update_url: str | None = None, timeout: float = 60.0,
                 retries: int = 3, union: str = "auto"):
        self.location = query_url
        self.query_url = query_url
        self.update_url = update_url or guess_update_url(query_url)
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

    def _request(self, req: urllib.request.Request, timeout: float | None) -> tuple[bytes, dict]:
        """The answer's body and headers, after retries of connection faults and 5xx answers."""
        delay = 0.2
        for attempt in range(self.retries + 1):
            try:
                with urllib.request.urlopen(req, timeout=timeout or self.timeout) as resp:
                    return resp.read(), {k.lower(): v for k, v in resp.headers.items()}
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
        """SELECT and ASK as SPARQL 1.1 JSON results; CONSTRUCT and DESCRIBE as
        `{"head": {"vars": []}, "graph": N-Triples text}`.

        Each form asks for one media type only (a CONSTRUCT asked with a results type beside
        N-Triples comes back from Virtuoso as a JSON table).  An answer in another format is one
        line naming what the server sent."""
        extra = self._union_params()
        form = query_form(sparql)
        graph = form in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph else "application/sparql-results+json"
        data = urllib.parse.urlencode({"query": sparql, **extra}).encode()
        req = urllib.request.Request(self.query_url, data=data, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        raw, headers = self._request(req, timeout)
        ctype = headers.get("content-type", "").split(";")[0].strip().lower()
        what = ctype or "no Content-Type"
        if "x-sparql-maxrows" in headers:
            raise StoreError(f"{self.location}: the server cut the answer at "
                             f"{headers['x-sparql-maxrows']} rows (Virtuoso: raise ResultSetMaxRows "
                             "in the [SPARQL] section of virtuoso.ini)")
        if graph:
            if ctype not in ("application/n-triples", "text/plain", "text/ntriples",
                             "application/n-quads", ""):
                raise StoreError(f"{self.location}: the server answered a {form} query with {what}"
                                 f"{_snippet(raw)}, not N-Triples")
            return {"head": {"vars": []}, "graph": raw.decode("utf-8", "replace")}
        try:
            result = json.loads(raw)
        except ValueError:
            if "json" in ctype and raw.strip():
                tail = raw[-200:].decode("utf-8", "replace").strip().splitlines()[-1][-100:]
                raise StoreError(f"{self.location}: the server's answer broke off ({what} that "
                                 f"is not valid JSON; it ends: {tail!r})") from None
            result = None
        if not isinstance(result, dict) or not ("boolean" in result or isinstance(
                result.get("results", {}).get("bindings") if isinstance(result.get("results"), dict)
                else None, list)):
            raise StoreError(f"{self.location}: the server answered with {what}{_snippet(raw)}, "
                             "not SPARQL 1.1 JSON results (application/sparql-results+json)")
        if form == "ASK" and "boolean" not in result:
            result = _ask_from_table(result)
        return result

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
        res = self.query_json("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                              f"{not_system()} }}")
        return int(res["results"]["bindings"][0]["n"]["value"])

    def named_graphs(self) -> list[str]:
        res = self.query_json(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {not_system()} }}")
        return sorted(b["g"]["value"] for b in res["results"]["bindings"])

    def quads_nq(self) -> str:
        """Every quad of the named graphs as N-Quads text (lexical forms as the server keeps them)."""
        res = self.query_json(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {not_system()} }}")
        from kg.query import term_n3
        return "".join(f"{term_n3(b['s'])} {term_n3(b['p'])} {term_n3(b['o'])} {term_n3(b['g'])} .\n"
                       for b in res["results"]["bindings"])

    def export(self, fmt: str) -> bytes:
        """The server's named graphs, serialised locally like the embedded store does it."""
        import pyoxigraph as ox
        from kg.store import export_oxigraph
        tmp = ox.Store()
        try:
            tmp.load(self.quads_nq().encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"{self.location}: the server sent a term that is not valid RDF: "
                             f"{str(e).splitlines()[0]}") from None
        return export_oxigraph(tmp, fmt)


def _ask_from_table(result: dict) -> dict:
    """Virtuoso answers ASK as a one-cell table `__ASK_RETVAL` (1 or 0): make it a boolean."""
    rows = result.get("results", {}).get("bindings", [])
    value = next(iter(rows[0].values()), {}).get("value") if rows else None
    truth = value not in (None, "", "0", "false")
    return {"head": {}, "boolean": truth}
