from kg.lexicon import build_lexicon, load_lexicon, norm
from kg.model import ENTITY_TYPES, RELATION_TYPES


def test_lexicon_loads_once_and_covers_every_relation_type():
    lex = load_lexicon()
    assert load_lexicon() is lex
    assert {t.relation for t in lex.triggers if t.relation != "-"} == set(RELATION_TYPES)
    assert set(lex.schema) == set(RELATION_TYPES)
    assert all(e.type in ENTITY_TYPES for e in lex.entities.values())


def test_every_entities_file_is_read(tmp_path):
    (tmp_path / "entities.tsv").write_text("# c\nname\ttype\taliases\tqid\towner\tnote\n甲公司\tCompany\t甲|Jia\t\t\t\n",
                                           encoding="utf-8")
    (tmp_path / "entities_extra.tsv").write_text("name\ttype\taliases\tqid\towner\tnote\n乙应用\tProduct\t\t\t甲公司\t\n",
                                                 encoding="utf-8")
    (tmp_path / "triggers.tsv").write_text("relation\ttrigger\tlang\torder\tconfidence\nsues\t起诉\tzh\tSO\t0.9\n",
                                           encoding="utf-8")
    lex = build_lexicon(tmp_path)
    assert lex.lookup("jia").name == "甲公司"
    assert lex.entities["乙应用"].owner == "甲公司"
    assert lex.triggers[0].relation == "sues"


def test_norm():
    assert norm("Tik Tok") == "tiktok"
    assert norm("ＡＢＣ") == "abc"


def test_alternation_puts_longer_words_first_and_never_matches_when_empty():
    import re

    from kg.lexicon import Lexicon

    lex = Lexicon(modifiers={"a": {"判", "判决", "a.b"}, "b": {"判令"}})
    alt = lex.alternation("a", "b")
    assert re.match(f"(?:{alt})", "判决书").group() == "判决"
    assert re.match(f"(?:{alt})", "判令").group() == "判令"
    assert re.fullmatch(f"(?:{alt})", "a.b") and not re.fullmatch(f"(?:{alt})", "axb")
    assert lex.alternation("missing") == "(?!)" and not re.search(lex.alternation("missing"), "判决")


def test_every_modifier_kind_the_chinese_reader_names_is_in_the_lexicon():
    # a kind named in code but missing from modifiers.tsv gives an empty word set and a pattern that
    # never matches ((?!)): a typo would switch a rule off without a sound
    import re
    from pathlib import Path

    lex = load_lexicon()
    call = re.compile(r"""(?:\balt|lex\.alternation|\.words)\(\s*((?:['"][a-z_0-9]+['"]\s*,?\s*)+)\)""")
    root = Path(__file__).resolve().parents[1] / "kg" / "extract"
    named = {(p.name, k) for p in root.glob("*.py") for m in call.finditer(p.read_text(encoding="utf-8"))
             for k in re.findall(r"['\"]([a-z_0-9]+)['\"]", m.group(1))}
    assert len(named) > 100
    assert not sorted((f, k) for f, k in named if k not in lex.modifiers)


def test_legal_endings_are_one_table_each_module_reading_its_use():
    # one lexicon kind (legal_endings.tsv) for the Chinese and English legal endings that
    # discover_names, resolve, written, mentions, checks and the English reader take off or look for
    import re
    from pathlib import Path

    from kg.lexicon import legal_endings, load_table
    rows = load_table("legal_endings.tsv")
    uses = {u for r in rows for u in r["uses"].split("|")}
    assert uses == {"full", "resolve", "written", "tail", "compare", "after"}
    assert all(r["lang"] in ("zh", "en") for r in rows)
    for use in uses:
        got = legal_endings(use)
        assert got and list(got) == sorted(got, key=len, reverse=True)     # longest first
    assert "有限公司" in legal_endings("full", "zh") and "Inc" in legal_endings("resolve", "en")
    assert legal_endings("after", "zh") == ()
    # no module writes its own list of legal endings any more
    root = Path(__file__).resolve().parents[1] / "kg"
    inline = re.compile(r"""["']有限公司["']|\(\?:Inc\||["'] Inc\.?["']""")
    assert not [p.name for p in root.rglob("*.py") if inline.search(p.read_text(encoding="utf-8"))]
