"""Node positions for the viewer, computed before the page opens (numpy and networkx only).

networkx's spring_layout for small graphs (never at 500 nodes or more, where it switches to a
scipy solver, and scipy is not a dependency); a numpy force layout with grid-approximated
repulsion (O(n + E) a step) for anything bigger: a second or two at 5,000 nodes.
"""
from __future__ import annotations

import math

import networkx as nx

#: spring_layout is O(n²) a step (7 s at 499 nodes on a loaded 2-core machine) and needs scipy
#: from 500 nodes on: used up to this size only.
SPRING_MAX = 150


def _mesh_layout(g: nx.Graph, seed: int = 42, iterations: int = 120) -> dict:
    """Fruchterman-Reingold with repulsion from a smoothed density grid (O(n + E) a step).

    networkx's spring_layout is O(n^2) per iteration (20 s for 5,000 nodes here); this gives a
    readable picture of a 5,000-node graph in a second or two.
    """
    import numpy as np
    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    idx = {v: i for i, v in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1, 1, size=(n, 2))
    e = np.array([(idx[u], idx[v]) for u, v in g.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    grid = int(min(96, max(16, math.sqrt(n) * 1.2)))
    size = 2 * grid                                  # zero padding: no wrap-around forces
    k = 1.0 / math.sqrt(n)
    temp = 0.1
    ax = np.fft.fftfreq(size)
    kx, ky = np.meshgrid(ax, ax, indexing="ij")
    k2 = kx ** 2 + ky ** 2
    k2[0, 0] = 1.0
    kernel = np.exp(-k2 * 8.0) / k2                   # smoothed 2-D Coulomb-like potential
    kernel[0, 0] = 0.0
    for it in range(iterations):
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        span = np.maximum(hi - lo, 1e-9) * 1.0001
        cell = ((pos - lo) / span * grid).astype(np.int64).clip(0, grid - 1)
        dens = np.zeros((size, size))
        np.add.at(dens, (cell[:, 0], cell[:, 1]), 1.0)
        phi = np.real(np.fft.ifft2(np.fft.fft2(dens) * kernel))[:grid, :grid]
        gx, gy = np.gradient(phi)
        rep = -np.stack([gx[cell[:, 0], cell[:, 1]] * grid / span[0],
                         gy[cell[:, 0], cell[:, 1]] * grid / span[1]], 1)
        # scale repulsion so that, on average, it balances attraction at edge length ~k
        d = pos[e[:, 0]] - pos[e[:, 1]] if len(e) else np.zeros((0, 2))
        dist = np.sqrt((d ** 2).sum(1)).clip(1e-6)[:, None] if len(e) else np.zeros((0, 1))
        att = d * dist / k
        disp = rep / (np.abs(rep).mean() + 1e-12) * (np.abs(att).mean() if len(e) else 1.0) * 1.5
        if len(e):
            np.add.at(disp, e[:, 0], -att)
            np.add.at(disp, e[:, 1], att)
        disp -= pos * 0.05 * (np.abs(disp).mean() / (np.abs(pos).mean() + 1e-12))
        length = np.sqrt((disp ** 2).sum(1)).clip(1e-9)[:, None]
        pos += disp / length * np.minimum(length, temp)
        temp = max(0.003, temp * 0.96)
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in idx.items()}


def layout(g: nx.MultiDiGraph, seed: int = 42) -> dict:
    """Positions in screen pixels, deterministic for a given graph (whatever order its nodes
    and edges were added in: a graph read around a name lays out as the same graph cut from
    the whole store)."""
    und = nx.Graph()
    und.add_nodes_from(sorted(g, key=str))
    pairs = {(u, v) if str(u) <= str(v) else (v, u) for u, v in g.edges() if u != v}
    und.add_edges_from(sorted(pairs, key=lambda e: (str(e[0]), str(e[1]))))
    if und.number_of_nodes() == 0:
        return {}
    # Entities without facts are hidden at first: lay out the connected part, park the rest
    # in a grid underneath so they do not stretch the picture.
    core = und.subgraph([v for v in und if und.degree(v) > 0])
    iso = sorted((v for v in und if und.degree(v) == 0), key=str)
    n = core.number_of_nodes()
    out: dict = {}
    if n:
        if n <= SPRING_MAX:
            pos = nx.spring_layout(core, seed=seed, k=2.2 / math.sqrt(max(n, 1)), iterations=100)
        else:
            pos = _mesh_layout(core, seed=seed)
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        scale = max(600.0, 130.0 * math.sqrt(n)) / span
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        out = {v: (round((p[0] - cx) * scale, 1), round((p[1] - cy) * scale, 1))
               for v, p in pos.items()}
    bottom = max((p[1] for p in out.values()), default=0.0) + 150.0
    width = max((abs(p[0]) for p in out.values()), default=400.0) * 2 or 800.0
    per_row = max(1, int(width // 110))
    for i, v in enumerate(iso):
        r, c = divmod(i, per_row)
        out[v] = (round(-width / 2 + c * 110.0, 1), round(bottom + r * 70.0, 1))
    return out
