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
from kg._api import (PartialDate, Result, build, lawsuits, make_article, open, rivals,
                     timeline)
from kg import _api

__version__ = "0.1.0"
__all__ = ["open", "build", "extract", "query", "rivals", "timeline", "lawsuits",
           "make_article", "Result", "PartialDate",
           "Article", "Entity", "Extraction", "Lawsuit", "Relation", "Skipped",
           "KGError", "InputError", "QueryError", "StoreError"]


def _callable_module(fn):
    class _CallableModule(_types.ModuleType):
        def __call__(self, *args, **kwargs):
            return fn(*args, **kwargs)
        __call__.__doc__ = fn.__doc__
    _CallableModule.__name__ = f"{fn.__name__}_module"
    return _CallableModule


def _submodule_attribute(name: str, fn):
    """`kg.NAME` is both the submodule kg/NAME(.py) and the function `fn`: importing a submodule
    sets the package attribute to it, which would hide the function, so the attribute is the
    submodule (loaded on first use) made callable as `fn`."""
    cls = _callable_module(fn)
    slot = f"_{name}_module"

    def get(self):
        mod = self.__dict__.get(slot)
        if mod is None:
            import importlib
            importlib.import_module(f"kg.{name}")
            mod = self.__dict__[slot]
        return mod

    def set_(self, module):
        if isinstance(module, _types.ModuleType) and not isinstance(module, cls):
            module.__class__ = cls
        self.__dict__[slot] = module
    return property(get, set_, doc=fn.__doc__)


class _Package(_types.ModuleType):
    query = _submodule_attribute("query", _api.query)        # kg/query.py
    extract = _submodule_attribute("extract", _api.extract)  # kg/extract/


_sys.modules[__name__].__class__ = _Package
