"""The shape the house keeps in kg/extract (issue 10): no function longer than a screen and a half,
no import circle between its modules (counting imports inside functions: a lazy import that dodges
a circle is still one), and no stage importing a later one."""
import ast
import pathlib

import networkx as nx

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXTRACT = ROOT / "kg" / "extract"


def _module(path: pathlib.Path, root: pathlib.Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: pathlib.Path, mod: str, modules: set[str]) -> set[str]:
    """The modules of `modules` that `path` imports, anywhere in it; `from pkg import sub` counts as
    importing pkg.sub, `from pkg import name` as importing pkg."""
    package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")
                up = up[:len(up) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            for a in node.names:
                out.add(f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base)
    return out & modules


def import_circles(package_dir: pathlib.Path) -> list[list[str]]:
    root = package_dir.parent
    while (root / "__init__.py").exists():
        root = root.parent
    files = {_module(p, root): p for p in package_dir.rglob("*.py")}
    g = nx.DiGraph()
    for mod, path in files.items():
        for target in _imports(path, mod, set(files)) - {mod}:
            g.add_edge(mod, target)
    return sorted(sorted(c) for c in nx.simple_cycles(g))


def test_no_function_in_extract_is_longer_than_120_lines():
    long = []
    for path in sorted(EXTRACT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > 120:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({n} lines)")
    assert not long, long


def test_no_import_circle_inside_extract():
    assert import_circles(EXTRACT) == []


def test_a_lazy_import_that_closes_a_circle_is_seen(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("from pkg.a import f\n")
    (pkg / "a.py").write_text("from pkg import b\n\ndef f():\n    return b.g()\n")
    (pkg / "b.py").write_text("def g():\n    from pkg.a import f\n    return f\n")
    (pkg / "c.py").write_text("from . import b\n")
    assert import_circles(pkg) == [["pkg.a", "pkg.b"]]


# data flows ingest -> nlp -> extract -> resolve -> rdf -> store -> query / viz: a stage imports
# no later one (model, errors, lexicon are shared by all)
STAGES = ["kg.ingest", "kg.nlp", "kg.extract", "kg.resolve", "kg.rdf", "kg.store", "kg.query"]
LATER_ONLY = ["kg.viz", "kg.analytics", "kg.pipeline", "kg.cli", "kg._api"]


def _stage(mod: str) -> int | None:
    for i, s in enumerate(STAGES):
        if mod == s or mod.startswith(s + "."):
            return i
    return None


def test_no_stage_imports_a_later_one():
    kg_dir = ROOT / "kg"
    files = {_module(p, ROOT): p for p in kg_dir.rglob("*.py")}
    wrong = []
    for mod, path in files.items():
        i = _stage(mod)
        if i is None:
            continue
        for target in _imports(path, mod, set(files)):
            j = _stage(target)
            if (j is not None and j > i) or any(target == t or target.startswith(t + ".") for t in LATER_ONLY):
                wrong.append(f"{mod} imports {target}")
    assert not wrong, wrong



def _undefined_names(path):
    """pyflakes' messages of names used but defined nowhere (and files it cannot read) under path."""
    from pyflakes import api, messages, reporter

    class Collect(reporter.Reporter):
        def __init__(self):
            super().__init__(None, None)
            self.found = []

        def flake(self, message):
            if isinstance(message, (messages.UndefinedName, messages.UndefinedLocal)):
                self.found.append(str(message))

        def syntaxError(self, filename, msg, lineno, offset, text):
            self.found.append(f"{filename}:{lineno}: {msg}")

        def unexpectedError(self, filename, msg):
            self.found.append(f"{filename}: {msg}")

    found = Collect()
    api.checkRecursive([str(path)], found)
    return found.found


def test_no_name_in_the_package_is_undefined():
    """A name used but defined nowhere fails only when its line runs: a merge once left `_SHORT_FOR` in
    checks.py after the pattern had moved to the lexicon, and 11 pool sentences lost every fact."""
    assert _undefined_names(ROOT / "kg") == []


def test_an_undefined_name_is_found(tmp_path):
    (tmp_path / "m.py").write_text("import re\n\n\ndef f(x):\n    return _GONE.search(x)\n", encoding="utf-8")
    (tmp_path / "ok.py").write_text("_HERE = 1\n\n\ndef g():\n    return _HERE\n", encoding="utf-8")
    found = _undefined_names(tmp_path)
    assert len(found) == 1 and "_GONE" in found[0] and "m.py" in found[0]
