"""Entity mentions in Chinese text: lexicon names (Aho-Corasick, longest match) plus discovery of
unknown names.  This module is the one door the extractor and the other stages import from; the work
is done in the modules below, in the order the extractor calls them.

- `mentions`: the Mention type, the lexicon pass, clause bounds.
- `name_spans`: reading a name out of the words around a position (shared by every discovery step).
- `discover_names`: a name ending (suffixes.tsv: 公司, 集团, 科技, 人民法院, 管理局, Inc. ...) with
  name-like words before it (jieba tokens with proper-noun tags or unknown to the dictionary) ->
  Company / Court / Regulator / ...; a stock code; 《X》「X」 titles -> Product (or Organization for a
  newspaper); `merge` with the lexicon mentions: a discovered name that contains a lexicon name of the
  same kind (北京字节跳动科技有限公司) becomes an alias of it.
- `discover_people`: a role word (roles.tsv: 院长, 董事长, CEO ...) followed by a surname-initial name
  -> Person; 张某 / 吴某栋 -> Person.
- `discover_context`: names found from the first mentions' context (滴滴专车, 推出“一号专车”, lists).
- `short_forms`: announced, legal, bare-head and court short forms that name an entity already mentioned.
- `discover_args`: per sentence with a trigger, names in its argument slots and clause subjects.
"""
from __future__ import annotations

from kg.extract.discover_args import argument_mentions, price_before
from kg.extract.discover_context import context_mentions, repeat_mentions
from kg.extract.discover_names import discover as _discover, merge
from kg.extract.legal_heads import extend_legal_heads

from kg.extract.mentions import Mention, lexicon_mentions
from kg.extract.name_spans import stake_at
from kg.extract.short_forms import bare_heads, court_abbreviations, drop_descriptions, legal_short_forms, merge_courts, short_aliases

# what the extractor (kg/extract/__init__.py), relations, quotes, the English reader and the
# tests import from here
__all__ = ["Mention", "argument_mentions", "price_before", "bare_heads", "drop_descriptions", "context_mentions", "court_abbreviations",
           "discover", "legal_short_forms", "lexicon_mentions", "merge", "merge_courts", "repeat_mentions",
           "short_aliases", "stake_at"]


def discover(text: str, lex, lexm: list) -> list:
    """Unknown names (discover_names.discover); a registered name of business words only takes in the
    brand cut off before it (聚好看|科技股份有限公司, legal_heads.py)."""
    return extend_legal_heads(text, lex, _discover(text, lex, lexm), lexm)
