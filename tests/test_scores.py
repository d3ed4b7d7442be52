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
    report = _score(EVAL / "dev", pred)
    art = report["articles"]["huxiu-2021-11-13-bytedance-tencent"]
    assert art["entities_typed"]["f1"] >= 0.87
    assert art["relations"]["f1"] >= 0.82
    assert art["lawsuits"]["f1"] >= 0.95
    assert report["micro"]["relation_dates"] >= 0.95


@pytest.mark.parametrize("name,floor", [("fewfc", 0.56), ("duee", 0.76)])
def test_external_scores(tmp_path, name, floor):
    pred = tmp_path / f"{name}.json"
    _predict([EVAL / "external" / f"{name}.jsonl"], pred)
    micro = _score(EVAL / "external" / f"{name}.gold.json", pred, "--relations-only", TYPES)["micro"]
    assert micro["relations"]["f1"] >= floor


CORPUS = ROOT / "tests" / "corpus"
ZH_CORPUS = ["alibaba-jd-2021-04-10.txt", "didi-kuaidi-2015-02-14.md", "meituan-fine-2021-10-08.html",
             "wanglaoji-jiaduobao-2018-07-28.txt", "tsmc-smic-2009-11-11.html"]


def _corpus_keys(stems):
    # the held-out articles (holdout-*) are scored only at the end of a change, not pinned here
    return [str(CORPUS / f"{s}.gold.json") for s in stems]


def test_corpus_chinese_scores(tmp_path):
    """The Chinese articles of tests/corpus (Simplified and Traditional), which the rules were not
    written from sentence by sentence: micro scores over the five."""
    pred = tmp_path / "corpus_zh.json"
    _predict([CORPUS / f for f in ZH_CORPUS], pred)
    stems = [f.rsplit(".", 1)[0] for f in ZH_CORPUS]
    r = subprocess.run([sys.executable, str(SCORE), "--gold", *_corpus_keys(stems), "--pred", str(pred), "--json"],
                       capture_output=True, text=True, check=True)
    micro = json.loads(r.stdout)["micro"]
    assert micro["typed"]["f1"] >= 0.94         # 0.942 -> 0.957 (branch zh)
    assert micro["relations"]["f1"] >= 0.93     # 0.911 -> 0.943 (branch zh)
    assert micro["lawsuits"]["f1"] >= 0.89
    assert micro["relation_dates"] >= 0.97


# the articles keyed up to commit 18e8513 (rules have been fitted to them); articles keyed later are
# pinned apart, at their (much lower) figures, so a new article does not break an old floor
ESTABLISHED = ["alibaba-jd-2021-04-10.txt", "cnki-fine-2022-12-27.txt", "didi-kuaidi-2015-02-14.md",
               "epic-apple-2021-09-13.md", "google-oracle-2021-04-06.txt", "honhai-sharp-2016-04-03.html",
               "meituan-fine-2021-10-08.html", "oppo-nokia-2024-01-25.md", "qualcomm-apple-2019-04-17.txt",
               "samsung-apple-2018-06-28.md", "spotify-apple-2024-03-05.html", "tsmc-smic-2009-11-11.html",
               "wanglaoji-jiaduobao-2018-07-28.txt"]
# Chinese articles keyed after 18e8513 (first look, base code: baidu-bytedance rel 0.571, dianping-baidu
# 0.324, weibo-maimai 0.118, htc-apple 0.154)
ZH_NEW = ["baidu-bytedance-2019-12-20.md", "dianping-baidu-2017-09-01.txt", "weibo-maimai-2017-01-04.html",
          "htc-apple-2012-11-12.txt", "gree-aux-2019-06-11.txt", "sf-cainiao-2017-06-03.md",
          "didi-uberchina-2016-08-02.html", "tesla-xpeng-2019-03-22.txt", "galanz-tmall-2019-11-06.md",
          "meituan-didi-2018-04-02.txt", "mengniu-yili-2010-10-21.txt", "vanke-baoneng-2017-06-22.md",
          "xiaomi-gree-2019-03-20.txt", "netease-huaduo-2017-11-14.txt",
          "samr-merger-fines-2020-12-15.txt", "cisco-huawei-2004-07-29.md",
          "bytedance-musically-2018-08-03.txt", "huya-douyu-2021-07-12.txt"]
# huya-douyu (branch checks): first look on the base code rel 0.833 (P 1.000, R 0.714), entities 0.833


def _micro(files, tmp_path, name) -> dict:
    pred = tmp_path / f"{name}.json"
    _predict(files, pred)
    r = subprocess.run([sys.executable, str(SCORE), "--gold", *_corpus_keys(p.stem for p in files),
                        "--pred", str(pred), "--json"], capture_output=True, text=True, check=True)
    return json.loads(r.stdout)["micro"]


def test_corpus_all_scores(tmp_path):
    micro = _micro([CORPUS / f for f in ESTABLISHED], tmp_path, "corpus")
    assert micro["relations"]["f1"] >= 0.92     # 0.918 -> 0.947 (branch zh)
    assert micro["lawsuits"]["f1"] >= 0.90


def test_corpus_new_chinese_scores(tmp_path):
    files = [CORPUS / f for f in ZH_NEW if (CORPUS / f).exists()]
    micro = _micro(files, tmp_path, "corpus_zh_new")
    assert micro["relations"]["f1"] >= 0.60      # 0.276 at first look -> 0.414 (47708b8) -> 0.624 (branch zh)
    assert micro["lawsuits"]["f1"] >= 0.74       # 0.273 -> 0.545 -> 0.778 (branch zh)


# English articles keyed after the English reader was fitted to the seven above, in fourteen rounds (first
# look, before any rule was written from them: rel 0.635 over the first five, then 0.667, 0.780, 0.571,
# 0.649, 0.545, 0.438, 0.609, 0.500, 0.615, 0.741, 0.588, 0.600 and 0.750 over each later pair)
EN_NEW = ["arm-qualcomm-2024-12-21.txt", "masimo-apple-2023-12-28.html", "eu-google-android-2018-07-19.md",
          "ftc-meta-2022-01-12.txt", "nintendo-pocketpair-2024-09-19.md", "ftc-amazon-2023-09-27.html",
          "sonos-google-2022-01-07.txt", "doj-google-search-2024-08-06.txt", "epic-google-2023-12-12.md",
          "nvidia-arm-2022-02-09.html", "eu-dma-apple-meta-2025-04-24.txt", "microsoft-openai-2023-01-24.md",
          "google-huawei-2019-05-21.html", "meta-giphy-2023-05-24.txt", "amazon-wholefoods-2017-08-25.md",
          "getty-stability-2023-02-07.txt", "ericsson-apple-2022-12-10.md", "kftc-google-2021-09-14.txt",
          "applovin-unity-2022-08-16.md", "tiktok-lawsuit-2024-05-08.txt", "amd-nvidia-2023-12-07.md",
          "broadcom-vmware-2023-11-23.md", "x-mediamatters-2023-11-21.html", "motorola-hytera-2020-02-15.txt",
          "uber-postmates-2020-07-07.md", "samr-tencent-music-2021-07-25.txt", "google-states-2023-12-19.md",
          "adobe-figma-2023-12-19.txt", "intel-tower-2023-08-17.md", "ec-illumina-2023-07-13.txt",
          "cisco-splunk-2023-09-22.md"]


def test_corpus_new_english_scores(tmp_path):
    micro = _micro([CORPUS / f for f in EN_NEW], tmp_path, "corpus_en_new")
    assert micro["typed"]["f1"] >= 0.95
    assert micro["relations"]["f1"] >= 0.92      # first looks 0.438-0.780 (see above) -> 0.937
    assert micro["lawsuits"]["f1"] >= 0.94
    assert micro["relation_dates"] >= 0.91
