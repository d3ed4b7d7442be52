"""Where the ontology, lexicons and named queries live, in a checkout and when installed.

In a source checkout (or an editable install) they are the top-level `ontology/` directory; a
regular `pip install .` copies that directory into the package as `kg/ontology/`.
"""
from __future__ import annotations

import os
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def ontology_dir() -> Path:
    override = os.environ.get("KG_ONTOLOGY_DIR")
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
