"""Instructions executed by extraction, counted by valgrind: a measure the machine's load does not move.

    python3 benchmarks/extract_ir.py [--articles N] [PATH ...]   (default: the first 300 articles
                                                                 of ../shared/eval/dev and FewFC)

On a shared machine the CPU seconds of `benchmarks/extract.py` move by ±10 % between identical runs
(other tenants evict the caches, hyper-threads share cores); an instruction count moves by ~0.2 %.
This runs a child Python under `valgrind --tool=callgrind` with counting off while the lexicon and
the segmenter load and the caches warm on a few articles, switches it on (`callgrind_control -i on`)
for one cold round over the articles (segmentation caches emptied first) and off again, and prints
the instructions counted (PYTHONHASHSEED fixed, so sets and dicts iterate alike from run to run).
Compare two versions by running it in each tree; it takes ~50x the plain run's time (1-2 minutes
for 300 articles).  Instructions are not time (a cache miss costs more than an add), so confirm a
gain with `benchmarks/extract.py` when the machine is quiet.  Needs valgrind (apt-get install
valgrind).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _child(n: int, paths: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    from kg import nlp
    from kg.extract import extract
    from kg.ingest import read_articles
    from kg.lexicon import load_lexicon
    from kg.model import Article
    arts = [a for a in read_articles(paths) if isinstance(a, Article)][:n]
    load_lexicon()
    nlp.word_tags()
    for a in arts:      # (a first round: every pattern compiled and lexicon table made, as in a build's
        extract(a)      # steady state and in benchmarks/extract.py's best round)
    nlp.clear_caches()
    pid = str(os.getpid())
    subprocess.run(["callgrind_control", "-i", "on", pid], capture_output=True, check=False)
    for a in arts:
        extract(a)
    subprocess.run(["callgrind_control", "-i", "off", pid], capture_output=True, check=False)


def main(argv: list[str]) -> int:
    n = 300
    if argv[:1] == ["--articles"]:
        n, argv = int(argv[1]), argv[2:]
    shared = ROOT.parent / "shared" / "eval"
    paths = argv or [str(shared / "dev"), str(shared / "external" / "fewfc.jsonl")]
    if not shutil.which("valgrind") or not shutil.which("callgrind_control"):
        print("extract_ir: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    python = os.path.realpath(sys.executable)      # (a shim script would be traced instead)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PYTHONHASHSEED="0")
        out = subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no",
                              f"--callgrind-out-file={tmp}/cg.%p", python, __file__, "--child", str(n)] + paths,
                             capture_output=True, text=True, env=env, check=False)
    m = re.search(r"Collected : (\d+)", out.stderr)
    if out.returncode or m is None:
        print(f"extract_ir: the run under valgrind failed:\n{out.stderr[-2000:]}", file=sys.stderr)
        return 1
    print(f"articles {n}: {int(m.group(1)):,} instructions in extraction")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(int(sys.argv[2]), sys.argv[3:])
    else:
        sys.exit(main(sys.argv[1:]))
