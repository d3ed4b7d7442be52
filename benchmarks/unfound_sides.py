"""Missed pool relations whose gold side was never found as an entity, counted by the shape of the side.

    python benchmarks/unfound_sides.py PRED_DIR [--examples N]

PRED_DIR holds `pf.json` and `pd.json`, the `kg extract --format json` output on the FewFC and DuEE
development pools (`shared/eval/pool/`, as `/work/notes/pools.sh` writes them).  A side is unfound when
none of its gold strings meets any predicted entity name or alias of its sentence the way score.py's
relations-only mode matches (equal, or one containing the other).  The shapes are tried in the order
of the table (benchmarks/README.md, "Unfound relation sides on the pools"); `--examples` prints a few
sides of each shape with their context, to read on screen (never commit pool text).
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pool_misses import ROOT, TYPES, missed_relations, pools, score_module  # noqa: E402

# general shapes of names, not words learned from the pools
_ENDING = re.compile(r"(股份有限公司|有限责任公司|有限公司|公司|集团|股份|科技|控股|银行|基金|资本|证券|投资|实业|电子|医药|药业|"
                     r"能源|地产|置业|传媒|汽车|保险|信托|资产|生物|电气|材料|通信|网络|技术|环境|环保|发展|化工|电力|建设|国际|"
                     r"合伙企业|有限合伙[)）])$")
_BODY = re.compile(r"(局|委员会|委|部|厅|政府|证监会|办公室|法院|检察院|院|署|中心|协会|交易所|法庭)$")
_TITLES = "董事长|总经理|总裁|董事|监事|CEO|创始人|实控人|实际控制人|高管|先生|女士|董秘|经理|主席|负责人|法定代表人|合伙人"
_ROLES = "原告|被告|上诉人|申请人|被执行人|第三人|债权人|债务人|借款人|担保人|收购方|买方|卖方|投资方|出让方|受让方|股东|一致行动人|子公司|母公司|旗下|关联方"
_CODE = re.compile(r"\s*[（(]\s*(?:股票代码|证券代码|代码)?[:：]?\s*\d{6}|\s*[（(]\s*\d{4,5}\.?HK|\s*\d{6}\.?(?:SZ|SH)|\s*[（(]\s*(?:sz|sh|SZ|SH)")


def _surnames() -> set[str]:
    rows = (ROOT / "ontology" / "lexicon" / "surnames.tsv").read_text(encoding="utf-8").splitlines()
    return {r.split("\t")[0].strip() for r in rows if r and not r.startswith("#") and r != "surname"}


def shape(side: list[str], text: str, ents: list[dict], rtype: str, role: str, surnames: set[str]) -> str:
    pos, s = -1, side[0]
    for n in side:
        if (p := text.find(n)) >= 0:
            pos, s = p, n
            break
    if rtype == "launches" and role == "object":
        return "product (a launch's object)"
    if pos < 0:
        return "side string not in the sentence"
    before = text[max(0, pos - 8):pos]
    after = text[pos + len(s):pos + len(s) + 8]
    overlap = any(a < pos + len(s) and pos < b for e in ents for a, b in (e.get("mentions") or []))
    han = re.search(r"[\u4e00-\u9fff]", s)
    if re.search(r"[A-Za-z]", s):
        return "Latin and Han mixed" if han else "Latin letters only"
    if re.search(r"(以下简称|简称|下称|以下称)[:：为]?[“\"「]?$", before):
        return "abbreviation defined by 简称"
    occ = [m.start() for m in re.finditer(re.escape(s), text)]
    if any(_CODE.match(text, o + len(s)) or re.search(r"(股票|证券)简称[:：为“\"\s]*$", text[max(0, o - 8):o]) for o in occ):
        return "stock short name with a code or 股票简称"
    if _BODY.search(s):
        return "government body / court / regulator"
    if _ENDING.search(s):
        return "company ending, name cut" if overlap else "company ending, name missed"
    if (re.fullmatch(r"[\u4e00-\u9fff]{2,3}", s) and (s[0] in surnames or s[:2] in surnames)) \
            or re.search(r"(某|先生|女士|小姐)$", s) or "·" in s:
        return "person (natural person)"
    if overlap:
        return "short name glued to a neighbouring word"
    if re.search(f"({_ROLES})$", before) or re.match(f"({_TITLES})", after):
        return "short name after a role word / before a title"
    if re.search(r"[、和与及]$", before) or re.match(r"[、和与及]", after):
        return "short name inside a list (X、Y和Z)"
    if len(occ) >= 2:
        return "short name, no ending, repeated in the sentence"
    return "short name, no ending, once"


def unfound(pred_dir: Path) -> list[tuple]:
    sc, surnames, rows = score_module(), _surnames(), []
    for name, gold, pred, texts in pools(pred_dir):
        names_of = {}
        for aid, t, r, p, art, _ in missed_relations(sc, gold, pred, TYPES, True):
            if aid not in names_of:
                names_of[aid] = set().union(*art.names.values()) if art.names else set()
            for role in ("subject", "object"):
                if not sc.meet({sc.norm(n) for n in r[role]}, names_of[aid], True):
                    rows.append((name, aid, t, role, r[role][0],
                                 shape(r[role], texts[aid], p.get("entities") or [], t, role, surnames)))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pred_dir", type=Path)
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()
    rows = unfound(args.pred_dir)
    cols = ["sues", "acquires", "invests", "rules", "fines", "launches"]
    print("| shape | all | " + " | ".join(cols) + " |")
    print("|---|---:|" + "---:|" * len(cols))
    for k, v in collections.Counter(r[5] for r in rows).most_common():
        by = collections.Counter(r[2] for r in rows if r[5] == k)
        print(f"| {k} | {v} | " + " | ".join(str(by.get(c, 0)) for c in cols) + " |")
    by = collections.Counter(r[2] for r in rows)
    print(f"| all unfound sides | {len(rows)} | " + " | ".join(str(by.get(c, 0)) for c in cols) + " |")
    if args.examples:
        for k in sorted({r[5] for r in rows}):
            print(f"\n{k}:", ", ".join([r[4] for r in rows if r[5] == k][:args.examples]))


if __name__ == "__main__":
    main()
