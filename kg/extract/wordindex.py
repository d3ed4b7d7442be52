"""Word lists looked up by the character a match must open (or end) with.

`Words(words).at(text, pos)` is `next((w for w in words if text.startswith(w, pos)), None)` — the
first word of the list, in its order, that `text` has at `pos` — but only the words that open with
`text[pos]` are tried, not the whole list at every position; `ending_with(s)` gives the words (in
order) that could end `s`: those ending with its last character."""
from __future__ import annotations


class Words:
    __slots__ = ("words", "_first", "_last")

    def __init__(self, words):
        self.words = tuple(words)
        first: dict[str, list[str]] = {}
        last: dict[str, list[str]] = {}
        for w in self.words:
            first.setdefault(w[:1], []).append(w)
            last.setdefault(w[-1:], []).append(w)
        self._first = {k: tuple(v) for k, v in first.items()}
        self._last = {k: tuple(v) for k, v in last.items()}
        if "" in self._first:         # an empty word matches everywhere: keep the plain scan
            self._first = self._last = None

    def __bool__(self) -> bool:
        return bool(self.words)

    def ending_with(self, s: str) -> tuple[str, ...]:
        """The words (in order) that could end `s`: those ending with its last character."""
        return self.words if self._last is None else self._last.get(s[-1:], ())

    def at(self, text: str, pos: int) -> str | None:
        """The first word that `text` has at `pos`."""
        cands = self.words if self._first is None or pos < 0 else self._first.get(text[pos:pos + 1], ())
        for w in cands:
            if text.startswith(w, pos):
                return w
        return None
