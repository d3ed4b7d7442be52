"""rivalry-kg: news articles about corporate rivalries -> a knowledge graph.

    import kg
    store = kg.open("output/store")                  # a directory, or a SPARQL endpoint URL
    kg.build(["examples/"], store)                   # paths, URLs, feeds, kg.Article objects
    kg.rivals(store, "腾讯")                          # rows of typed values; pandas.DataFrame(...)
    kg.extract("2021年2月2日，字节跳动起诉腾讯垄断。", date="2021-02-03").relations

Every name in `__all__` is documented (`help(kg.build)`); the stages behind them are described
in DEVELOPERS.md.
"""
import sys as _sys
import types as _types

from kg.model import Article, Entity, Extraction, Lawsuit, Relation, Skipped
from kg.errors import InputError, KGError, QueryError, StoreError
from kg._api import (PartialDate, Result, build, extract, lawsuits, make_article, open,
                     rivals, timeline)
from kg import _api

__version__ = "0.1.0"
__all__ = ["open", "build", "extract", "query", "rivals", "timeline", "lawsuits",
           "make_article", "Result", "PartialDate",
           "Article", "Entity", "Extraction", "Lawsuit", "Relation", "Skipped",
           "KGError", "InputError", "QueryError", "StoreError"]


class _QueryModule(_types.ModuleType):
    """`kg.query` is both the module kg/query.py (SPARQL helpers) and the function
    `kg.query(store, sparql_or_name, **params)`."""

    def __call__(self, store, sparql_or_name, timeout=None, **params):
        return _api.query(store, sparql_or_name, timeout=timeout, **params)

    __call__.__doc__ = _api.query.__doc__


class _Package(_types.ModuleType):
    # Importing the submodule kg.query sets the attribute `kg.query` to it, which would hide the
    # function; so the attribute is the submodule, made callable (loaded on first use).
    @property
    def query(self):
        mod = self.__dict__.get("_query_module")
        if mod is None:
            import importlib
            importlib.import_module("kg.query")
            mod = self.__dict__["_query_module"]
        return mod

    @query.setter
    def query(self, module):
        if isinstance(module, _types.ModuleType) and not isinstance(module, _QueryModule):
            module.__class__ = _QueryModule
        self.__dict__["_query_module"] = module


_sys.modules[__name__].__class__ = _Package
