"""`kg rivals`, `kg timeline`, `kg lawsuits`: analytics tables over the store.

Registered on the `kg` group at the bottom of kg/cli.py.  Kept apart from kg/cli.py (and not
importing it, so `python -m kg.cli` works) to keep that file a list of commands.
"""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

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


def _text(v, display: bool = False) -> str:
    """A typed value as text: dates in ISO form, amounts with thousands separators on screen."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return f"{v:.12g}"
    if isinstance(v, Decimal):
        if display:
            return f"{v:,}"
        return format(v, "f")
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


def _json_value(v):
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def _columns_rows(table) -> tuple[list[str], list]:
    """Headers and rows of a kg.Result or a kg.analytics.Table."""
    if hasattr(table, "columns"):
        return list(table.columns), list(table.rows)
    return list(table.headers), list(table.rows)


def terminal_width() -> int | None:
    """Columns of the terminal stdout is ($COLUMNS first), or None when stdout is a pipe or a
    file: then tables keep every cell whole, for grep and less -S."""
    import shutil
    import sys
    try:
        if not sys.stdout.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return shutil.get_terminal_size((120, 24)).columns


#: Columns wider than this are cut first when a table is too wide for the terminal.
LONG = 16
#: Columns cut before the others (the evidence sentence matters more than where it was read).
CUT_FIRST = ("article", "source", "title")


def render_lines(headers: list[str], rows: list[list[str]], width: int | None = None,
                 keep: set[int] = frozenset()) -> str:
    """A table with one line per row: columns two spaces apart, lined up by display width (CJK
    characters are two cells), and, when `width` is given, the widest columns cut with "…" until
    a line fits in it (a column keeps at least its header's width; the columns in `keep`,
    numbers and dates, are never cut)."""
    from rich.cells import cell_len, set_cell_size

    def clean(c: str) -> str:
        return " ".join(c.split()) if ("\n" in c or "\t" in c or "\r" in c) else c
    rows = [[clean(c) for c in r] for r in rows]
    natural = [max([cell_len(h)] + [cell_len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    widths = list(natural)
    if width:
        # first the article/source columns down to LONG cells, then sentence columns (evidence)
        # to 2 x LONG, then every long column to LONG, widest first; then, if a line still does
        # not fit, every column but numbers and dates down to its header
        excess = sum(widths) + 2 * (len(widths) - 1) - width
        long_floor = [max(cell_len(h), min(n, LONG)) for n, h in zip(natural, headers)]
        for floors in ([f if h in CUT_FIRST else w for f, h, w in zip(long_floor, headers, widths)],
                       [max(cell_len(h), min(n, 2 * LONG)) if n > 3 * LONG else n
                        for n, h in zip(natural, headers)],
                       long_floor,
                       [n if i in keep else min(n, max(cell_len(h), 4))
                        for i, (n, h) in enumerate(zip(natural, headers))]):
            while excess > 0:
                cands = [k for k in range(len(widths)) if widths[k] > floors[k]]
                if not cands:
                    break
                i = max(cands, key=lambda k: widths[k])
                others = [widths[k] for k in cands if k != i]
                step = widths[i] - max([floors[i]] + others)
                step = min(max(step, 1), excess)
                widths[i] -= step
                excess -= step

        # more columns than even their headers fit in: the last ones that are not numbers or
        # dates are left out (csv, json or --wide show them)
        shown = list(range(len(widths)))
        while sum(widths[k] for k in shown) + 2 * (len(shown) - 1) > width:
            drop = [k for k in shown if k not in keep]
            if not drop:
                break
            shown.remove(drop[-1])
        headers = [headers[k] for k in shown]
        widths = [widths[k] for k in shown]
        rows = [[r[k] for k in shown] for r in rows]

    def fit(c: str, w: int) -> str:
        if cell_len(c) <= w:
            return c + " " * (w - cell_len(c))
        cut = set_cell_size(c, max(0, w - 1))
        return cut + "…" + " " * (w - 1 - cell_len(cut))
    lines = ["  ".join(fit(h, w) for h, w in zip(headers, widths)).rstrip()]
    lines += ["  ".join(fit(c, w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)


def format_table(table, fmt: str, wide: bool = False, width: int | None = None) -> str:
    """A kg.Result (or kg.analytics.Table) as a terminal table (one line per row, cut to
    `width`, by default the terminal's, unless `wide`), CSV or JSON (both with the full text)."""
    headers, rows = _columns_rows(table)
    if fmt == "json":
        return json.dumps([{h: _json_value(c) for h, c in zip(headers, r)} for r in rows],
                          ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(headers)
        w.writerows([[_text(c) for c in r] for r in rows])
        return buf.getvalue().rstrip("\n")
    if not rows:
        return "(no rows)"
    # on screen: columns empty in every row are left out (csv and json keep them)
    used = [i for i in range(len(headers)) if any(r[i] not in (None, "") for r in rows)]
    headers = [headers[i] for i in used]
    rows = [[r[i] for i in used] for r in rows]
    keep = {i for i in range(len(headers))
            if all(v is None or (not isinstance(v, str) and not isinstance(v, bool))
                   for v in (r[i] for r in rows))}
    cells = [[_text(c, display=True) for c in r] for r in rows]
    for i in reversed(range(1, len(headers))):     # "claimed" + "claimed_currency": one cell
        if headers[i] == headers[i - 1] + "_currency":
            for r in cells:
                r[i - 1:i + 1] = [f"{r[i - 1]} {r[i]}".strip()]
            del headers[i]
            keep = {k - (k > i) for k in keep if k != i}
    return render_lines(headers, cells, None if wide else (width or terminal_width()), keep)


def _page_options(f):
    f = click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
                     help="Skip this many rows first (with --limit: one page).")(f)
    return click.option("--limit", type=click.IntRange(min=0), default=None,
                        help="At most this many rows (a first page: as fast on any store).")(f)


#: rows per page when a whole listing streams (csv from a store with a summary graph)
STREAM_PAGE = 1000


def _echo_listing(st, fetch, fmt: str, wide: bool, offset: int, limit: int | None) -> None:
    """Print `fetch(offset, limit)`; a whole csv listing from a store with a summary graph
    streams, a page at a time (each page one lookup), so the first rows come at once."""
    from kg.labels import preferred
    from kg.summary import has_summary
    if fmt != "csv" or limit is not None or preferred() or not has_summary(st):
        click.echo(format_table(fetch(offset, limit), fmt, wide))
        return
    first = True
    while True:
        page = fetch(offset, STREAM_PAGE)
        n = len(_columns_rows(page)[1])
        text = format_table(page, fmt)
        if not first:
            text = text.split("\n", 1)[1] if n else ""
        if text:
            click.echo(text)
        first = False
        if n < STREAM_PAGE:
            return
        offset += n


def lang_option(f):
    """`--lang`: show entities by their label in this language where they have one (kg.labels)."""
    return click.option("--lang", type=click.Choice(["en", "zh-Hans", "zh-Hant"]), default=None,
                        help="Show entities by their label in this language where they have one "
                             "(default: the language most of an entity's articles use, else its "
                             "canonical name).")(f)


def _wide_option(f):
    return click.option("--wide", is_flag=True,
                        help="Show every cell whole (lines longer than the terminal).")(f)


@click.command()
@click.argument("name")
@_store_option
@_format_option
@_wide_option
@_page_options
@lang_option
def rivals(name, store, fmt, wide, limit, offset, lang):
    """Ranked rivals of NAME: hostile facts (sues, blocks, accuses, competes, lawsuits) either
    way, most first, then most recent."""
    import kg
    from kg.labels import preferring
    with _open(store) as st, preferring(lang):
        click.echo(format_table(kg.rivals(st, name, offset=offset, limit=limit), fmt, wide))


@click.command()
@click.argument("name")
@_store_option
@_format_option
@_wide_option
@click.option("--plot", default=None, metavar="FILE.png|.svg", type=click.Path(dir_okay=False),
              help="Also write a chart of NAME's facts per month by relation type (matplotlib).")
@_page_options
@lang_option
def timeline(name, store, fmt, wide, plot, limit, offset, lang):
    """Chronological facts about NAME: date, type, counterpart, evidence, source.  In a
    terminal a fact is one line, its evidence cut to fit (--wide, csv or json for all of it)."""
    import kg
    if plot:
        from kg.viz.chart import plot_format
        plot_format(plot)                       # a bad file name fails before any work
    from kg.labels import preferring
    with _open(store) as st, preferring(lang):
        _echo_listing(st, lambda o, n: kg.timeline(st, name, offset=o, limit=n), fmt, wide,
                      offset, limit)
        if plot:
            from kg.viz.chart import plot_timeline
            click.echo(f"wrote {plot} ({plot_timeline(st, name, plot)})", err=True)


@click.command()
@click.argument("name", required=False)
@_store_option
@_format_option
@_wide_option
@_page_options
@lang_option
def lawsuits(name, store, fmt, wide, limit, offset, lang):
    """Lawsuits (those involving NAME if given): parties, court, date, cause, claim, outcome.
    In a terminal a suit is one line, its evidence cut to fit (--wide, csv or json for all)."""
    import kg
    from kg.labels import preferring
    with _open(store) as st, preferring(lang):
        _echo_listing(st, lambda o, n: kg.lawsuits(st, name, offset=o, limit=n), fmt, wide,
                      offset, limit)


COMMANDS = [rivals, timeline, lawsuits]
