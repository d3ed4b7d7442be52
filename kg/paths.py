"""Where the ontology, lexicons and named queries live, in a checkout and when installed.

In a source checkout (or an editable install) they are the top-level `ontology/` directory; a
regular `pip install .` copies that directory into the package as `kg/ontology/`.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def getenv(name: str) -> str | None:
    """`os.environ.get(name)`, without raising and catching a KeyError when the variable is unset
    (the extractor asks for KG_ONTOLOGY_DIR and KG_ALL_RULES several times per article): an unset
    name is answered from the environment's own table when it has one."""
    env = os.environ
    data = getattr(env, "_data", None)
    if data is not None:
        key = _ENV_KEYS.get(name)
        if key is None:
            try:
                key = _ENV_KEYS[name] = env.encodekey(name)
            except Exception:   # (an unusual name or environment: the plain way below)
                return env.get(name)
        if key not in data:
            return None
    return env.get(name)


_ENV_KEYS: dict[str, object] = {}     # a variable's name as the environment's table holds it


def ontology_dir() -> Path:
    return _ontology_dir(getenv("KG_ONTOLOGY_DIR"))


@functools.lru_cache(maxsize=8)
def _ontology_dir(override: str | None) -> Path:
    # (looked up once per override: the extractor asks for it per relation)
    if override:
        return Path(override)
    for candidate in (_HERE.parent / "ontology", _HERE / "ontology"):
        if (candidate / "rivalry.ttl").exists() or (candidate / "lexicon").is_dir():
            return candidate
    return _HERE.parent / "ontology"


def lexicon_dir() -> Path:
    return ontology_dir() / "lexicon"


def queries_dir() -> Path:
    return ontology_dir() / "queries"


def default_store_location() -> str:
    return os.environ.get("KG_STORE") or str(Path("output") / "store")
