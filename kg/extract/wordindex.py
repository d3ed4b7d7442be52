"""Word lists looked up by the character a match must open (or end) with.

`Words(words).at(text, pos)` is `next((w for w in words if text.startswith(w, pos)), None)` — the
first word of the list, in its order, that `text` has at `pos` — but only the words that open with
`text[pos]` are tried, not the whole list at every position; `ending_with(s)` gives the words (in
order) that could end `s`: those ending with its last character; `first_in(s)` is
`next((w for w in words if w in s), None)`, trying only the words that open with a character of `s`."""
from __future__ import annotations


class Words:
    __slots__ = ("words", "_first", "_last", "_rank")

    def __init__(self, words):
        self.words = tuple(words)
        first: dict[str, list[str]] = {}
        last: dict[str, list[str]] = {}
        for w in self.words:
            first.setdefault(w[:1], []).append(w)
            last.setdefault(w[-1:], []).append(w)
        self._first = {k: tuple(v) for k, v in first.items()}
        self._last = {k: tuple(v) for k, v in last.items()}
        self._rank = {}
        for i, w in enumerate(self.words):
            self._rank.setdefault(w, i)
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

    def first_in(self, s: str) -> str | None:
        """The first word of the list, in its order, that occurs anywhere in `s`."""
        if self._first is None:
            return next((w for w in self.words if w in s), None)
        best = None
        rank = self._rank
        first = self._first
        for pos, c in enumerate(s):
            for w in first.get(c, ()):
                if s.startswith(w, pos) and (best is None or rank[w] < rank[best]):
                    best = w
        return best
