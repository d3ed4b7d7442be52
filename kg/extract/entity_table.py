"""One entity per name, built from an article's mentions: `entity_table(mentions, lex, ...)`.

Why a module of its own: the Chinese reader (`kg.extract`) and the English reader
(`kg.extract.en`) both fold mentions into entities the same way (coreference mentions skipped,
one `Entity` per canonical name, lexicon facts copied in, other surfaces kept as aliases, every
span kept), but they differ on purpose in a few choices.  Those choices are the keyword arguments
here, so each reader states them and nobody has to diff two near-copies to find them:

- `lexicon_type`: a lexicon name takes the lexicon's type (English, where a mention's type may be a
  guess from its context) or its first mention's (Chinese, where the mention already carries it);
- `vote_type`: a discovered name takes the type most of its mentions give it, ties to the type seen
  first (Chinese, whose discovery may type one name differently in different sentences), or its
  first mention's (English);
- `surface_first`: a surface the article writes goes before the lexicon's aliases (English: the
  article's own form is the most telling) or after them (Chinese);
- `owner_from_mention`: a name the lexicon gives no owner may take the owner its mention found
  (English: "Google's Android") or not (Chinese, where owners come from the `owns` sentences).
"""
from __future__ import annotations

from kg.model import Entity

__all__ = ["entity_table"]


def entity_table(mentions, lex, *, lexicon_type: bool, vote_type: bool, surface_first: bool,
                 owner_from_mention: bool, lang: str = "zh") -> dict[str, Entity]:
    """The entities `mentions` name, by canonical name, in order of first mention.  Each entity's
    `rule` names how its first mention was found (`zh.entity.lexicon`, `en.entity.pattern`, ...)."""
    by_name: dict[str, Entity] = {}
    types: dict[str, dict[str, int]] = {}
    for m in mentions:
        if m.source == "coref":
            continue
        e = by_name.get(m.name)
        if e is None:
            le = lex.entities.get(m.name)
            owner = le.owner if le else None
            if owner_from_mention:
                owner = owner or m.owner
            e = Entity(name=m.name, type=le.type if (le and lexicon_type) else m.type,
                       aliases=list(le.aliases) if le else [],
                       qid=le.qid if le else None, owner=owner,
                       source="lexicon" if le else "pattern",
                       rule=f"{lang}.entity.{'lexicon' if le else m.source}")
            by_name[m.name] = e
        if m.surface != m.name and m.surface not in e.aliases:
            if surface_first:
                e.aliases.insert(0, m.surface)
            else:
                e.aliases.append(m.surface)
        e.mentions.append((m.start, m.end))
        if vote_type:
            counts = types.setdefault(m.name, {})
            counts[m.type] = counts.get(m.type, 0) + 1
    if vote_type:
        for name, e in by_name.items():
            if e.source != "lexicon":
                e.type = max(types[name].items(), key=lambda kv: kv[1])[0]
    return by_name
