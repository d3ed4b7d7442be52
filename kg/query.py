"""SPARQL in, rows out; named queries kept as `ontology/queries/*.rq` and run by name.

Results travel as SPARQL 1.1 JSON (`{"head": {"vars": [...]}, "results": {"bindings": [...]}}`)
from either store; this module turns them into plain rows and into table/CSV/TSV/JSON text.
Parameters (a name from the command line) are bound with a VALUES clause over an escaped
literal, never pasted into the query text, so `腾讯" } ; DROP ALL ; #` is just a name that
matches nothing.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from kg.errors import QueryError
from kg.paths import queries_dir
from kg.rdf import PREFIXES

_PREFIX_LINES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


def named_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted(queries_dir().glob("*.rq"))}


def describe_query(path: Path) -> str:
    """The first comment line of a named query: what question it answers."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def _is_file(spec: str) -> bool:
    try:
        return Path(spec).is_file()
    except OSError:                     # e.g. a one-line query longer than a file name may be
        return False


def load_query(spec: str) -> str:
    """A query name, a path to a .rq file, or the SPARQL text itself."""
    named = named_queries()
    if spec in named:
        return named[spec].read_text(encoding="utf-8")
    if spec.endswith((".rq", ".sparql")) or (len(spec) < 300 and "\n" not in spec and _is_file(spec)):
        p = Path(spec)
        if not p.is_file():
            raise QueryError(f"{spec}: no such query file")
        return p.read_text(encoding="utf-8")
    if not re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.I):
        known = ", ".join(named) or "none"
        raise QueryError(f"{spec!r} is neither SPARQL, a .rq file nor a named query (known: {known})")
    return spec


def with_prefixes(sparql: str) -> str:
    """Add the project's prefixes that the query uses but does not declare."""
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", sparql, re.I)}
    lines = [f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items()
             if k.lower() not in declared and re.search(rf"(?<![\w<]){k}:", sparql)]
    return "".join(lines) + sparql


def literal(value: str) -> str:
    """A SPARQL string literal with every special character escaped."""
    escaped = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'


def bind(sparql: str, **params: str | None) -> str:
    """Bind ?param variables by a VALUES block at the start of the outermost WHERE group."""
    params = {k: v for k, v in params.items() if v is not None}
    if not params:
        return sparql
    names = " ".join(f"?{k}" for k in params)
    values = " ".join(literal(str(v)) for v in params.values())
    block = f"\n  VALUES ({names}) {{ ({values}) }}\n"
    m = re.search(r"WHERE\s*\{", sparql, re.I)
    if not m:
        raise QueryError("query has no WHERE clause to bind parameters into")
    at = _graph_group_using(sparql, m.end(), list(params)) or m.end()
    return sparql[:at] + block + sparql[at:]


_STRING_OR_IRI = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"\s]*>|#[^\n]*')


def _graph_group_using(sparql: str, start: int, names: list[str]) -> int | None:
    """Where to put the VALUES block: inside the first `GRAPH … { }` group directly in the
    outermost WHERE group that uses every parameter, if that group is the first place any of
    them appears (so the block binds them before anything else reads them: the same solutions).
    Oxigraph evaluates a VALUES block at the top of WHERE after the rest of the group and
    joins it last; inside the group it starts there (1000x faster for a name lookup followed by
    hostile facts).  None: the top of WHERE."""
    # blank out strings, IRIs and comments so braces and variables in them do not count
    text = _STRING_OR_IRI.sub(lambda m: " " * len(m.group(0)), sparql)
    first = min((m.start() for n in names for m in re.finditer(rf"[?$]{n}\b", text[start:])),
                default=None)
    if first is None:
        return None
    first += start
    depth, opened = 1, None
    for i in range(start, first):
        c = text[i]
        if c == "{":
            depth += 1
            if depth == 2:
                opened = i
        elif c == "}":
            depth -= 1
            if depth == 1:
                opened = None
    if depth != 2 or opened is None:
        return None
    if not re.search(r"GRAPH\s+(<[^>]*>|\s*|[?$]\w+)\s*$", sparql[start:opened], re.I):
        return None
    end, d = opened + 1, 1
    while end < len(text) and d:
        d += {"{": 1, "}": -1}.get(text[end], 0)
        end += 1
    group = text[opened:end]
    if not all(re.search(rf"[?$]{n}\b", group) for n in names):
        return None
    return opened + 1


@dataclass
class Rows:
    """A SELECT result as plain Python: column names and rows of strings (None for unbound);
    `raw` the SPARQL 1.1 JSON results (made when first asked for, when given as a function:
    thousands of binding dicts are wasted on a caller that wants the rows)."""
    vars: list[str]
    rows: list[list[str | None]]
    _raw: "dict | Callable[[], dict]"

    @property
    def raw(self) -> dict:
        if callable(self._raw):
            self._raw = self._raw()
        return self._raw


def to_rows(result: dict) -> Rows:
    if "boolean" in result:
        return Rows(["result"], [["true" if result["boolean"] else "false"]], result)
    if "graph" in result:
        return Rows(["triple"], [[line] for line in result["graph"].splitlines() if line], result)
    names = result.get("head", {}).get("vars", [])
    rows = [[b[v]["value"] if v in b else None for v in names]
            for b in result.get("results", {}).get("bindings", [])]
    return Rows(names, rows, result)


#: named queries a store's summary graph answers (`kg.summary`) when bound to a name alone
SUMMARY_ANSWERS = ("rivals", "timeline")


def run(store, spec: str, timeout: float | None = None, **params) -> Rows:
    if spec in SUMMARY_ANSWERS and set(params) == {"name"} and params["name"] is not None:
        from kg.summary import named_rows
        res = named_rows(store, spec, str(params["name"]))
        if res is not None:
            return res
    sparql = bind(with_prefixes(load_query(spec)), **params)
    if timeout and not getattr(store, "location", "").startswith(("http://", "https://")):
        return to_rows(_embedded_with_timeout(store, sparql, timeout))
    return to_rows(store.query_json(sparql, timeout=timeout))


def _embedded_with_timeout(store, sparql: str, timeout: float) -> dict:
    """Oxigraph cannot cancel a query, so a timed query runs in a forked child that is killed.

    The child opens its own read-only snapshot of the store directory; the parent's handle is
    untouched, so a timeout never leaves anything half-done.
    """
    import multiprocessing as mp
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)

    def work(conn, location, text):
        try:
            from kg.store import open_store
            with open_store(location, read_only=True) as st:
                conn.send(("ok", st.query_json(text)))
        except Exception as e:                      # reported to the parent as one line
            conn.send(("error", type(e).__name__, str(e)))
        finally:
            conn.close()

    proc = ctx.Process(target=work, args=(child, store.location, sparql), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise QueryError(f"query timed out after {timeout:g} s")
        msg = parent.recv()
    except EOFError:
        raise QueryError("query process ended without an answer") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(1)
    if msg[0] == "ok":
        return msg[1]
    from kg import errors
    raise getattr(errors, msg[1], QueryError)(msg[2])


def compact(value: str | None) -> str:
    if value is None:
        return ""
    for prefix, ns in PREFIXES.items():
        if value.startswith(ns):
            rest = value[len(ns):]
            if rest and "/" not in rest and "#" not in rest:
                return f"{prefix}:{rest}"
    if value.startswith("https://rivalry-kg.org/id/entity/"):
        return value.rsplit("/", 1)[1]
    return value


def term_n3(b: dict) -> str:
    """A SPARQL-JSON binding as an N-Triples term."""
    t, v = b["type"], b["value"]
    if t == "uri":
        return f"<{v}>"
    if t == "bnode":
        return f"_:{v}"
    esc = v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if "xml:lang" in b:
        return f'"{esc}"@{b["xml:lang"]}'
    if "datatype" in b:
        return f'"{esc}"^^<{b["datatype"]}>'
    return f'"{esc}"'


def format_rows(rows: Rows, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows.raw, ensure_ascii=False, indent=2)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(rows.vars)
        w.writerows([["" if c is None else c for c in r] for r in rows.rows])
        return buf.getvalue().rstrip("\n")
    return render_table(rows.vars, [[compact(c) for c in r] for r in rows.rows])


def render_table(headers: list[str], rows: list[list[str]]) -> str:
    """A terminal table that lines up CJK text (rich measures East Asian widths)."""
    from rich.console import Console
    from rich.table import Table
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for h in headers:
        table.add_column(h, overflow="fold")
    for r in rows:
        table.add_row(*[str(c) for c in r])
    console = Console(file=io.StringIO(), width=160, color_system=None, force_terminal=False)
    console.print(table)
    return console.file.getvalue().rstrip("\n")
