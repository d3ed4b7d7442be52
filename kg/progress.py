"""A progress display on stderr (articles/s, what was stored, unchanged, skipped)."""
from __future__ import annotations

import sys
import time


class Progress:
    """Counts items by status; redraws one stderr line at most 10 times a second on a terminal."""

    def __init__(self, label: str, stream=None):
        self.label = label
        self.stream = stream or sys.stderr
        self.counts: dict[str, int] = {}
        self.total = 0
        self._start = time.perf_counter()
        self._last = 0.0
        self._tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def advance(self, status: str = "done") -> None:
        self.total += 1
        self.counts[status] = self.counts.get(status, 0) + 1
        now = time.perf_counter()
        if self._tty and now - self._last > 0.1:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.total / max(now - self._start, 1e-9)
        parts = ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items()))
        self.stream.write(f"\r{self.label}: {self.total} articles ({rate:.1f}/s) {parts}\x1b[K")
        self.stream.flush()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._tty and self.total:
            self._draw(time.perf_counter())
            self.stream.write("\n")
            self.stream.flush()
