"""Regression floors: run the extractor over ../shared/eval (dev article + FewFC + DuEE) and the
score script, and pin each score slightly below what was measured.  Skipped without ../shared."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
EVAL = SHARED / "eval"
SCORE = EVAL / "score.py"
TYPES = "sues,rules,fines,acquires,invests"

pytestmark = pytest.mark.skipif(not SCORE.exists(), reason="../shared/eval is not beside the checkout")


def _predict(paths, out: Path) -> None:
    from kg.ingest import read_articles
    from kg.extract import extract
    from kg.model import Article
    from kg.output import extraction_json
    exs = [extract(a) for a in read_articles(paths) if isinstance(a, Article)]
    out.write_text(json.dumps(extraction_json(exs), ensure_ascii=False), encoding="utf-8")


def _score(gold: Path, pred: Path, *extra: str) -> dict:
    r = subprocess.run([sys.executable, str(SCORE), "--gold", str(gold), "--pred", str(pred), "--json",
                        *extra], capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def test_dev_scores(tmp_path):
    pred = tmp_path / "dev.json"
    _predict([EVAL / "dev"], pred)
    art = _score(EVAL / "dev", pred)["articles"]["huxiu-2021-11-13-bytedance-tencent"]
    assert art["entities_typed"]["f1"] >= 0.85
    assert art["relations"]["f1"] >= 0.63
    assert art["lawsuits"]["f1"] >= 0.66


@pytest.mark.parametrize("name,floor", [("fewfc", 0.41), ("duee", 0.40)])
def test_external_scores(tmp_path, name, floor):
    pred = tmp_path / f"{name}.json"
    _predict([EVAL / "external" / f"{name}.jsonl"], pred)
    micro = _score(EVAL / "external" / f"{name}.gold.json", pred, "--relations-only", TYPES)["micro"]
    assert micro["relations"]["f1"] >= floor
