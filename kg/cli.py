"""The `kg` command: each command parses options, calls the library, prints.

Results go to stdout, progress and errors to stderr.  Every library error (KGError) becomes one
line `Error: ...` and exit status 1; `--verbose` shows the traceback instead.
"""
from __future__ import annotations

import os
import sys

import click

from kg.errors import KGError
from kg.cli_analytics import lang_option

QUERY_FORMATS = ["table", "csv", "tsv", "json"]


class KGGroup(click.Group):
    """Turns library errors and Ctrl-C into one line on stderr."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KGError as e:
            if ctx.obj and ctx.obj.get("verbose"):
                raise
            raise click.ClickException(str(e)) from None
        except BrokenPipeError:              # `kg … | head`: the reader left; nothing to report
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        except OSError as e:                 # disk full, permissions: one line, not a traceback
            if ctx.obj and ctx.obj.get("verbose"):
                raise
            where = f"{e.filename}: " if getattr(e, "filename", None) else ""
            raise click.ClickException(f"{where}{e.strerror or e}") from None
        except KeyboardInterrupt:
            click.echo("Interrupted; every article stored so far is complete.", err=True)
            sys.exit(130)


def store_option(f):
    return click.option("--store", "store", envvar="KG_STORE", default=None, metavar="LOC",
                        help="Store directory or SPARQL endpoint URL (default: $KG_STORE, "
                             "else output/store).")(f)


def remote_options(f):
    f = click.option("--update-url", default=None, help="SPARQL Update endpoint (remote stores).")(f)
    return f


def paths_argument(f):
    return click.argument("paths", nargs=-1, required=True, type=click.Path())(f)


def _open(store, read_only=False, **remote):
    from kg.store import open_store
    return open_store(store, read_only=read_only,
                      **{k: v for k, v in remote.items() if v is not None})


def _log_to_stderr(verbose: bool) -> None:
    """Library warnings (an unreadable date, a future date) as `warning: ...` lines on stderr."""
    import logging

    class ClickHandler(logging.Handler):
        def emit(self, record):
            click.echo(f"{record.levelname.lower()}: {record.getMessage()}", err=True)

    log = logging.getLogger("kg")
    log.handlers = [h for h in log.handlers if not isinstance(h, ClickHandler)] + [ClickHandler()]
    log.setLevel(logging.INFO if verbose else logging.WARNING)
    log.propagate = False


def _warn(item) -> None:
    click.echo(f"warning: skipped {item}", err=True)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--verbose", is_flag=True, help="Show tracebacks for errors.")
@click.version_option(package_name="rivalry-kg")
@click.pass_context
def cli(ctx, verbose):
    """rivalry-kg: build a knowledge graph of corporate rivalries from news articles."""
    ctx.ensure_object(dict)["verbose"] = verbose


@cli.command()
@paths_argument
@store_option
@remote_options
@click.option("--strict", is_flag=True, help="Fail before writing anything if any input is unreadable.")
@click.option("--force", is_flag=True, help="Re-extract articles even when unchanged.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: one per core).")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Extract on a dask.distributed cluster (scheduler address, e.g. tcp://host:8786).")
@click.option("--no-summary", "no_summary", is_flag=True,
              help="Leave the summary graph out (dropped if the store has one): kg rivals, "
                   "timeline and lawsuits answer from the facts, slower, until kg reindex. For "
                   "loading many batches, then one kg reindex.")
def build(paths, store, update_url, strict, force, workers, dask_address, no_summary):
    """Ingest, extract and store articles: files, directories, http(s) URLs of pages or
    RSS/Atom feeds, and text files listing URLs (one a line)."""
    from kg.pipeline import build as run_build
    from kg.progress import Progress
    with _open(store, update_url=update_url) as st, Progress("building") as bar:
        def report(item, status):
            if status == "skipped":
                _warn(item)
            bar.advance(status)
        summary = run_build(list(paths), st, strict=strict, force=force, on_article=report,
                            workers=workers, dask=dask_address, summarize=not no_summary)
    click.echo(f"store: {st.location}")
    for line in summary.lines():
        click.echo(line)


@cli.command()
@click.argument("ids", nargs=-1, required=True)
@store_option
@remote_options
def remove(ids, store, update_url):
    """Remove articles by id: their graph, metadata and entities no other article mentions."""
    from kg.pipeline import remove as run_remove
    with _open(store, update_url=update_url) as st:
        removed, missing = run_remove(ids, st)
    for aid in missing:
        click.echo(f"warning: no article {aid!r} in the store", err=True)
    click.echo(f"removed {len(removed)} article(s)")
    if missing and not removed:
        sys.exit(1)


@cli.command()
@store_option
@remote_options
def reindex(store, update_url):
    """Rebuild the derived graphs from the stored articles: the cases graph and the summary
    graph (each name's answers to kg rivals/timeline/lawsuits), e.g. on a store written before
    the summary graph existed.  kg build and kg remove keep both up to date."""
    import time
    started = time.perf_counter()
    with _open(store, update_url=update_url) as st:
        changed = st.refresh_cases(full=True)
        sets = st.refresh_summary(full=True, progress=lambda m: click.echo(m, err=True))
    click.echo(f"cases: {changed} link(s) changed; summary: {sets} name set(s) written "
               f"({time.perf_counter() - started:.1f} s)")


@cli.command()
@click.option("--store", "store", envvar="KG_STORE", default=None, metavar="DIR",
              help="Store directory (default: $KG_STORE, else output/store).")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--cors", default=None, metavar="ORIGIN",
              help="Let web pages from ORIGIN (e.g. http://localhost:8080, or * for any) query it.")
@click.option("--timeout", type=click.FloatRange(min=1), default=None, metavar="S",
              help="Stop queries that run longer than S seconds (they get an error answer).")
def serve(store, port, cors, timeout):
    """Publish the store as a read-only SPARQL endpoint on 127.0.0.1 (Ctrl-C stops)."""
    from kg.paths import default_store_location
    from kg.serve import serve as run_serve
    run_serve(store or default_store_location(), port=port, cors=cors, timeout_s=timeout,
              on_ready=lambda url: click.echo(f"SPARQL endpoint: {url} (read-only snapshot; "
                                              "Ctrl-C stops)", err=True))


@cli.command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "turtle", "trig"]),
              default="json", show_default=True)
@click.option("--strict", is_flag=True, help="Fail on the first unreadable input.")
@click.option("--all", "show_all", is_flag=True,
              help="JSON: also the facts not asserted (negated, irrealis, stopped by a check), each with its "
                   "status and check.")
def extract(paths, fmt, strict, show_all):
    """Extract entities, relations and lawsuits without storing (to stdout)."""
    from kg.pipeline import extract_all
    exs = extract_all(list(paths), strict=strict, on_skip=_warn)
    if fmt == "json":
        import json
        from kg.output import extraction_json
        click.echo(json.dumps(extraction_json(list(exs), all=show_all), ensure_ascii=False, indent=1))
    elif fmt == "jsonl":
        import json
        from kg.output import extraction_json
        for ex in exs:
            click.echo(json.dumps(extraction_json([ex], all=show_all)["articles"][0], ensure_ascii=False))
    else:
        from kg.rdf import article_rdf, dataset_trig, to_dataset, to_graph
        items = [article_rdf(ex) for ex in exs]
        click.echo(dataset_trig(to_dataset(items)) if fmt == "trig" else to_graph(items).serialize(format=fmt))


@cli.command()
@click.argument("sparql")
@store_option
@remote_options
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default="table", show_default=True)
@click.option("--timeout", type=float, default=None, help="Give up after this many seconds.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to the literal VALUE (repeatable).")
def query(sparql, store, update_url, fmt, timeout, params):
    """Run SPARQL: the query text, a .rq file, or a named query (see `kg queries`)."""
    from kg import query as q
    bound = dict(p.split("=", 1) for p in params if "=" in p)
    with _open(store, read_only=True, update_url=update_url) as st:
        rows = q.run(st, sparql, timeout=timeout, **bound)
    click.echo(q.format_rows(rows, fmt))


@cli.command()
def queries():
    """List the named queries (ontology/queries/*.rq)."""
    from kg.query import describe_query, named_queries
    for name, path in named_queries().items():
        click.echo(f"{name:14} {describe_query(path)}")


@cli.command()
@store_option
@remote_options
@click.option("--format", "fmt",
              type=click.Choice(["trig", "nquads", "turtle", "ntriples", "jsonld", "graphml", "gexf",
                                 "neo4j"]),
              default="trig", show_default=True,
              help="RDF (with the ontology's graph); graphml/gexf: the entity/lawsuit graph for "
                   "Gephi and networkx; neo4j: CSVs for neo4j-admin import and a LOAD CSV script "
                   "(needs -o DIR).")
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Write to this file (a directory for neo4j) instead of stdout.")
@lang_option
def export(store, update_url, fmt, output, lang):
    """Export the whole store as RDF, its graph as GraphML/GEXF, or CSVs for Neo4j.  (RDF
    keeps every label with its language tag; --lang picks the label graphml, gexf and neo4j show.)"""
    from kg.labels import preferring
    if fmt == "neo4j" and not output:
        raise click.UsageError("--format neo4j writes several files: give -o DIR")
    with _open(store, read_only=True, update_url=update_url) as st, preferring(lang):
        if fmt == "neo4j":
            from kg.export import export_neo4j
            for path in export_neo4j(st, output):
                click.echo(f"wrote {path}", err=True)
            return
        if fmt in ("graphml", "gexf"):
            from kg.export import export_graph
            data = export_graph(st, fmt)
        else:
            data = st.export(fmt)
    if output:
        from kg.files import write_output
        write_output(output, data)
        click.echo(f"wrote {output}", err=True)
    else:
        sys.stdout.buffer.write(data)


@cli.command()
@store_option
@remote_options
@click.option("--graph", "graph", is_flag=True,
              help="Also centrality and communities of the entity graph (networkx).")
def stats(store, update_url, graph):
    """Counts by class, relation type and article, and the date range."""
    from kg.stats import store_stats
    with _open(store, read_only=True, update_url=update_url) as st:
        for line in store_stats(st):
            click.echo(line)
        if graph:
            from kg.analytics import graph_stats
            from kg.cli_analytics import format_table
            lines, central, groups = graph_stats(st)
            for line in lines:
                click.echo(line)
            click.echo("\ncentrality (top entities):")
            click.echo(format_table(central, "table"))
            click.echo("\ncommunities (Louvain, networkx):")
            click.echo(format_table(groups, "table"))


@cli.command()
@store_option
@remote_options
def validate(store, update_url):
    """Check the store against the SHACL shapes (ontology/shapes.ttl)."""
    from kg.validate import validate_store
    with _open(store, read_only=True, update_url=update_url) as st:
        conforms, report = validate_store(st)
    click.echo(report)
    if not conforms:
        sys.exit(1)


@cli.command()
@store_option
@remote_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="output/graph.html",
              show_default=True)
@click.option("--focus", default=None, metavar="NAME", help="Only this entity's neighbourhood.")
@click.option("--hops", type=click.IntRange(0, 10), default=1, show_default=True,
              help="Neighbourhood radius for --focus.")
@click.option("--since", default=None, metavar="DATE", help="Facts that may fall on or after DATE.")
@click.option("--until", default=None, metavar="DATE", help="Facts that may fall on or before DATE.")
@click.option("--relations", default=None, metavar="TYPES",
              help="Comma-separated relation types (sues,blocks,...; 'lawsuit' for lawsuits).")
@click.option("--types", default=None, metavar="TYPES",
              help="Comma-separated entity types (Company,Product,...,Lawsuit).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Drop facts whose best evidence is less confident.")
@lang_option
def viz(store, update_url, output, focus, hops, since, until, relations, types,
        min_confidence, lang):
    """Write an interactive offline HTML graph of the store."""
    from kg.labels import preferring
    from kg.viz import write_html

    def as_set(value):
        return {v.strip() for v in value.split(",") if v.strip()} if value else None
    with _open(store, read_only=True, update_url=update_url) as st, preferring(lang):
        info = write_html(st, output, focus=focus, hops=hops, since=since, until=until,
                          relations=as_set(relations), types=as_set(types),
                          min_confidence=min_confidence,
                          progress=lambda msg: click.echo(f"viz: {msg}", err=True))
    click.echo(f"wrote {output} ({info})")


# Analytics commands (issue 5) live in kg/cli_analytics.py.
from kg.cli_analytics import lawsuits as _lawsuits_cmd, rivals as _rivals_cmd, timeline as _timeline_cmd  # noqa: E402
cli.add_command(_rivals_cmd)
cli.add_command(_timeline_cmd)
cli.add_command(_lawsuits_cmd)


def main():
    _log_to_stderr("--verbose" in sys.argv[1:2])
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
