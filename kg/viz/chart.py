"""The rivalry chart: facts per month by relation type, for the viewer and for reports.

The viewer draws it in the page (kg/viz/viewer.js, from each edge's `month`); `kg timeline NAME
--plot FILE.png|.svg` writes the same chart with matplotlib.  Both count a fact once (not once
per article that reports it), a lawsuit once (as `lawsuit`, by its filing month), and leave out
facts dated only to the year or not at all: placing them in a month would invent a date.
"""
from __future__ import annotations

import io
import re
from collections import defaultdict

import networkx as nx

from kg.errors import KGError

LAWSUIT_ROLES = ("plaintiff", "defendant", "court")
LAWSUIT_COLOR = "#d6336c"
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def fact_month(date: str | None) -> str | None:
    """"YYYY-MM" for a date given to the month or day; None for a year or no date."""
    m = _MONTH.match(date or "")
    return f"{m.group(1)}-{m.group(2)}" if m else None


def chart_facts(g: nx.MultiDiGraph, parties=None, between: bool = False) -> list[tuple]:
    """(type, date) of each fact and lawsuit, optionally only those touching `parties` (any of
    them), or with `between=True` those joining two different parties of the set."""
    parties = set(parties) if parties is not None else None

    def wanted(ends: set) -> bool:
        if parties is None:
            return True
        hit = ends & parties
        return len(hit) >= 2 if between else bool(hit)

    out, suits = [], set()
    for u, v, d in g.edges(data=True):
        if d.get("type") in LAWSUIT_ROLES:
            suits.add(d.get("lawsuit") or (v if g.nodes[v].get("kind") == "lawsuit" else u))
            continue
        if wanted({u, v}):
            out.append((d.get("type"), d.get("date")))
    for s in sorted(suits, key=str):
        parts = set(g.successors(s)) | set(g.predecessors(s))
        if wanted(parts):
            out.append(("lawsuit", g.nodes[s].get("date")))
    return out


def month_counts(facts) -> tuple[dict, int]:
    """{month: {type: n}} over the facts dated to the month or day, and how many were not."""
    counts: dict = defaultdict(lambda: defaultdict(int))
    left = 0
    for t, date in facts:
        m = fact_month(date)
        if m is None:
            left += 1
        else:
            counts[m][t] += 1
    return {m: dict(c) for m, c in counts.items()}, left


def month_range(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# Chinese names need a CJK font: the first of these that matplotlib finds is a fallback after
# DejaVu Sans (Debian's fonts-wqy-microhei gives the first).
CJK_FONTS = ["WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC",
             "Source Han Sans SC", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC"]


def plot_format(path: str) -> str:
    """"png" or "svg" from the file name; anything else is a one-line error."""
    fmt = str(path).rsplit(".", 1)[-1].lower() if "." in str(path) else ""
    if fmt not in ("png", "svg"):
        raise KGError(f"{path}: --plot writes .png or .svg files")
    return fmt


def _fonts() -> list[str]:
    from matplotlib import font_manager
    have = {f.name for f in font_manager.fontManager.ttflist}
    return ["DejaVu Sans"] + [f for f in CJK_FONTS if f in have][:1]


def plot(counts: dict, path: str, title: str, left_out: int = 0) -> str:
    """Write the stacked bar chart to `path` (.png or .svg); returns a one-line summary."""
    fmt = plot_format(path)
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    with rc_context({"font.family": _fonts(), "svg.fonttype": "none"}):
        return _plot(Figure, counts, path, fmt, title, left_out)


def _plot(Figure, counts: dict, path: str, fmt: str, title: str, left_out: int) -> str:

    from kg.files import write_output
    from kg.viz import RELATION_STYLE

    fig = Figure(figsize=(11, 4), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    months = month_range(min(counts), max(counts)) if counts else []
    types = sorted({t for c in counts.values() for t in c},
                   key=lambda t: (list(RELATION_STYLE).index(t) if t in RELATION_STYLE else 99, t))
    bottom = [0] * len(months)
    xs = list(range(len(months)))
    for t in types:
        ys = [counts.get(m, {}).get(t, 0) for m in months]
        color = LAWSUIT_COLOR if t == "lawsuit" else RELATION_STYLE.get(t, {}).get("color", "#495057")
        ax.bar(xs, ys, bottom=bottom, width=0.85, color=color, label=t)
        bottom = [b + y for b, y in zip(bottom, ys)]
    step = max(1, len(months) // 12)
    ax.set_xticks(xs[::step])
    ax.set_xticklabels(months[::step], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("facts per month")
    from matplotlib.ticker import MaxNLocator
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    total = sum(bottom)
    note = f"{total} facts by month" + (f"; {left_out} dated only by year or undated, not shown"
                                        if left_out else "")
    ax.set_title(f"{title}\n{note}", fontsize=10)
    if types:
        ax.legend(fontsize=8, ncol=min(len(types), 7), loc="upper left", frameon=False)
    else:
        ax.text(0.5, 0.5, "no facts dated to the month", ha="center", va="center",
                transform=ax.transAxes)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt)
    write_output(path, buf.getvalue())
    return note


def plot_timeline(store, name: str, path: str) -> str:
    """`kg timeline NAME --plot FILE`: the chart of NAME's facts (as `kg timeline` lists them)."""
    from kg.analytics import full_graph, match_entities
    from kg.errors import QueryError
    g = full_graph(store)
    me = [i for i in match_entities(store, name) if i in g]
    if not me:
        raise QueryError(f"{name!r}: no entity with this name or alias in the store")
    counts, left = month_counts(chart_facts(g, me))
    label = g.nodes[sorted(me)[0]].get("label") or name
    return plot(counts, path, f"{label}: facts per month by relation type", left)
