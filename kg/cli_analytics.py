"""`kg rivals`, `kg timeline`, `kg lawsuits`: analytics tables over the store.

Registered on the `kg` group at the bottom of kg/cli.py.  Kept apart from kg/cli.py (and not
importing it, so `python -m kg.cli` works) to keep that file a list of commands.
"""
from __future__ import annotations

import csv
import io
import json

import click

TABLE_FORMATS = ["table", "csv", "json"]


def _store_option(f):
    return click.option("--store", "store", envvar="KG_STORE", default=None, metavar="LOC",
                        help="Store directory or SPARQL endpoint URL (default: $KG_STORE, "
                             "else output/store).")(f)


def _format_option(f):
    return click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table",
                        show_default=True)(f)


def _open(store):
    from kg.store import open_store
    return open_store(store, read_only=True)


def _cell(v, width: int | None = None) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        s = f"{v:g}"
    else:
        s = str(v)
    if width and len(s) > width:
        s = s[: width - 1] + "…"
    return s


def format_table(table, fmt: str, widths: dict | None = None) -> str:
    """A kg.analytics.Table as a terminal table (CJK-aware), CSV or JSON."""
    if fmt == "json":
        return json.dumps(table.dicts(), ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(table.headers)
        w.writerows([[_cell(c) for c in r] for r in table.rows])
        return buf.getvalue().rstrip("\n")
    from rich.markup import escape  # a name like "[red]" is text, not rich markup

    from kg.query import render_table
    widths = widths or {}
    rows = [[escape(_cell(c, widths.get(h))) for h, c in zip(table.headers, r)]
            for r in table.rows]
    if not rows:
        return "(no rows)"
    return render_table(table.headers, rows)


@click.command()
@click.argument("name")
@_store_option
@_format_option
def rivals(name, store, fmt):
    """Ranked rivals of NAME: hostile facts (sues, blocks, accuses, competes, lawsuits) either
    way, most first, then most recent."""
    from kg.analytics import rivals as run
    with _open(store) as st:
        click.echo(format_table(run(st, name), fmt))


@click.command()
@click.argument("name")
@_store_option
@_format_option
@click.option("--plot", default=None, metavar="FILE.png|.svg", type=click.Path(dir_okay=False),
              help="Also write a chart of NAME's facts per month by relation type (matplotlib).")
def timeline(name, store, fmt, plot):
    """Chronological facts about NAME: date, type, counterpart, evidence, source."""
    from kg.analytics import timeline as run
    if plot:
        from kg.viz.chart import plot_format
        plot_format(plot)                       # a bad file name fails before any work
    with _open(store) as st:
        click.echo(format_table(run(st, name), fmt, {"evidence": 60, "article": 24,
                                                       "source": 30}))
        if plot:
            from kg.viz.chart import plot_timeline
            click.echo(f"wrote {plot} ({plot_timeline(st, name, plot)})", err=True)


@click.command()
@click.argument("name", required=False)
@_store_option
@_format_option
def lawsuits(name, store, fmt):
    """Lawsuits (those involving NAME if given): parties, court, date, cause, claim, outcome."""
    from kg.analytics import lawsuits as run
    with _open(store) as st:
        click.echo(format_table(run(st, name), fmt, {"evidence": 50, "article": 20}))


COMMANDS = [rivals, timeline, lawsuits]
