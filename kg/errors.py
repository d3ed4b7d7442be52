"""Exceptions the library raises for bad input; the CLI turns each into one line on stderr."""


class KGError(Exception):
    """Base class: the message is the whole user-facing explanation."""


class InputError(KGError):
    """An input file or record cannot be read as an article."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")


class StoreError(KGError):
    """The store cannot be opened, read or written."""


class QueryError(KGError):
    """A SPARQL query is malformed, unknown by name, or timed out."""
