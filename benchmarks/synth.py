"""A synthetic corpus of rivalry news, any size, as JSON Lines (deterministic for a seed).

Templates are our own sentences, filled with names from `ontology/lexicon/entities.tsv` (companies,
products, courts, regulators) so the extractor has real work: dated relations, lawsuits with
courts and amounts, alias mentions, and filler prose between them.  `truth(article)` returns the
extraction the generator meant (used to build large stores quickly without the NLP cost).
"""
from __future__ import annotations

import csv
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "ontology" / "lexicon" / "entities.tsv"

RELATIONS = [
    ("sues", "{d}，{a}以{cause}为由起诉{b}，要求对方停止相关行为。"),
    ("blocks", "{d}，{a}宣布屏蔽来自{b}的链接，用户无法直接打开分享内容。"),
    ("acquires", "{d}，{a}宣布收购{b}，交易金额未予披露。"),
    ("invests", "{d}，{a}向{b}投资数亿元，成为其重要股东。"),
    ("accuses", "{d}，{a}公开指责{b}恶意抄袭其产品设计。"),
    ("competes", "{d}，{a}与{b}在外卖和本地生活领域展开激烈竞争。"),
    ("cooperates", "{d}，{a}与{b}宣布达成战略合作，共同开拓海外市场。"),
]
LAWSUIT = ("{d}，{a}以{cause}为由将{b}诉至{court}，索赔{amt}万元。")
RULING = "{d}，{court}一审判决{b}赔偿{a}经济损失{amt}万元。"
FINE = "{d}，{reg}对{b}处以{amt}万元罚款，认定其滥用市场支配地位。"
FILLER = [
    "业内人士认为，这场争夺的核心是用户时长和流量入口。",
    "分析师指出，平台之间的封锁最终损害的是普通用户的选择权。",
    "据了解，双方此前曾多次就数据接口问题进行沟通，但未能达成一致。",
    "有消费者表示，希望企业把精力放在改善产品体验上，而不是互相攻击。",
    "公开资料显示，该市场近五年的年均增速超过百分之二十。",
    "多位律师表示，此类案件的难点在于如何界定相关市场的范围。",
    "截至发稿时，被点名的一方尚未对此作出正式回应。",
    "一位不愿具名的员工透露，公司内部已经成立专门小组应对此事。",
    "监管部门近年来持续加强对平台经济领域的反垄断执法力度。",
    "从财报数据来看，相关业务的营收占比仍然较小，但增长很快。",
]
CAUSES = ["不正当竞争", "垄断", "侵犯著作权", "专利侵权", "商标侵权", "侵犯隐私", "名誉侵权"]
SOURCES = ["财经日报", "科技观察", "新京报", "第一财经", "界面新闻", "36氪"]


def load_names() -> dict[str, list[tuple[str, list[str]]]]:
    out: dict[str, list] = {}
    with open(LEXICON, encoding="utf-8") as f:
        for row in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"):
            aliases = [a for a in (row.get("aliases") or "").split("|") if a and not a.isascii()]
            out.setdefault(row["type"], []).append((row["name"], aliases))
    return out


def _date(rng: random.Random) -> tuple[str, str]:
    y, m, d = rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)
    kind = rng.random()
    if kind < 0.5:
        return f"{y}年{m}月{d}日", f"{y:04d}-{m:02d}-{d:02d}"
    if kind < 0.8:
        return f"{y}年{m}月", f"{y:04d}-{m:02d}"
    return f"{y}年", f"{y:04d}"


def article(i: int, names: dict, target_chars: int = 2000, seed: int = 7) -> dict:
    rng = random.Random(seed * 1_000_003 + i)
    companies = names.get("Company", [])
    courts = names.get("Court", [])
    regs = names.get("Regulator", [])
    a, b = rng.sample(companies, 2)
    title = f"{a[0]}与{b[0]}的较量再起波澜"
    parts: list[str] = []
    facts: list[dict] = []
    while sum(map(len, parts)) < target_chars:
        r = rng.random()
        x, y = (a, b) if rng.random() < 0.6 else tuple(rng.sample(companies, 2))
        spoken_x = rng.choice([x[0]] + x[1][:2])
        spoken_y = rng.choice([y[0]] + y[1][:2])
        dz, diso = _date(rng)
        if r < 0.35:
            rtype, tpl = rng.choice(RELATIONS)
            parts.append(tpl.format(d=dz, a=spoken_x, b=spoken_y, cause=rng.choice(CAUSES)))
            facts.append({"type": rtype, "s": x[0], "o": y[0], "date": diso})
        elif r < 0.45 and courts:
            court = rng.choice(courts)[0]
            amt = rng.randint(10, 50000)
            parts.append(LAWSUIT.format(d=dz, a=spoken_x, b=spoken_y, cause=rng.choice(CAUSES),
                                        court=court, amt=amt))
            facts.append({"type": "lawsuit", "s": x[0], "o": y[0], "date": diso, "court": court,
                          "amt": amt * 10000})
        elif r < 0.5 and courts:
            parts.append(RULING.format(d=dz, a=spoken_x, b=spoken_y, court=rng.choice(courts)[0],
                                       amt=rng.randint(10, 5000)))
        elif r < 0.55 and regs:
            parts.append(FINE.format(d=dz, reg=rng.choice(regs)[0], b=spoken_y,
                                     amt=rng.randint(100, 900000)))
        else:
            parts.append(rng.choice(FILLER))
    y, m, d = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    paras = ["".join(parts[k:k + 4]) for k in range(0, len(parts), 4)]
    return {"id": f"syn{i:07d}", "title": title, "date": f"{y:04d}-{m:02d}-{d:02d}",
            "source": rng.choice(SOURCES), "text": "\n".join(paras), "_facts": facts}


def write_corpus(path: str | Path, n: int, chars: int = 2000, seed: int = 7,
                 with_facts: bool = False) -> Path:
    names = load_names()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            rec = article(i, names, chars, seed)
            if not with_facts:
                rec.pop("_facts")
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def truth_process(article, built_at=None):
    """The extraction the generator intended, rebuilt from the text's template sentences.

    Used as `process_fn` to build ≥1M-quad stores in seconds; not a model of the extractor.
    """
    import re
    from kg.model import Entity, Extraction, Lawsuit, Relation
    from kg.rdf import article_rdf
    names = _name_index()
    ents: dict[str, Entity] = {}
    rels, suits = [], []
    for m in re.finditer(r"[^。\n]+。", article.text):
        sent = m.group(0)
        found = sorted((sent.find(k), canon) for k, canon in names.items() if k in sent)
        seen = []
        for _, canon in found:
            if canon not in seen:
                seen.append(canon)
        for c in seen:
            ents.setdefault(c, Entity(c, "Company"))
        dm = re.match(r"(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?", sent)
        date = None
        if dm:
            date = dm.group(1) + (f"-{int(dm.group(2)):02d}" if dm.group(2) else "") + \
                (f"-{int(dm.group(3)):02d}" if dm.group(3) else "")
        if len(seen) >= 2:
            if "诉至" in sent:
                suits.append(Lawsuit([seen[0]], [seen[1]], date=date, cause="other",
                                     evidence=sent, start=m.start(), end=m.end()))
            for rtype, tpl in RELATIONS:
                key = tpl.split("{b}")[0].split("{a}")[-1][:2]
                if key and key in sent:
                    rels.append(Relation(rtype, seen[0], seen[1], date, sent, m.start(), m.end()))
                    break
    ex = Extraction(article, list(ents.values()), rels, suits)
    return article_rdf(ex, built_at), (len(ents), len(rels), len(suits))


_NAMES: dict | None = None


def _name_index() -> dict[str, str]:
    global _NAMES
    if _NAMES is None:
        _NAMES = {}
        for typ, rows in load_names().items():
            if typ == "Company":
                for name, aliases in rows:
                    for k in [name] + aliases:
                        if len(k) >= 2:
                            _NAMES.setdefault(k, name)
    return _NAMES


if __name__ == "__main__":
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    print(write_corpus(sys.argv[1], n))
