"""The extractor: `extract(article) -> Extraction`.

Stages: entity mentions (lexicon + discovery, `entities`), light coreference (`coref`), sentences
(`kg.nlp`), relations per sentence (`relations`), dates per relation (`dates`, with the governing
date carried from dated openers), lawsuits from `sues` relations (`lawsuits`, with `money`).
The lexicon and the jieba tokenizer are loaded once per process.
"""
from __future__ import annotations

import dataclasses
from collections import Counter

from kg.lexicon import load_lexicon
from kg.model import Article, Entity, Extraction, Relation, SYMMETRIC_RELATIONS
from kg import nlp
from kg.extract import entities as ents
from kg.extract import coref
from kg.extract.relations import read_sentence
from kg.extract.dates import DateTracker
from kg.extract.lawsuits import build_lawsuits

__all__ = ["extract"]


def extract(article: Article) -> Extraction:
    lex = load_lexicon()
    text = article.text or ""
    if nlp.is_traditional(text):
        simp = dataclasses.replace(article, text=nlp.to_simplified(text))
        return _restore_traditional(_extract_zh(simp, lex), article)
    return _extract_zh(article, lex)


def _extract_zh(article: Article, lex) -> Extraction:
    text = article.text or ""
    lexm = ents.lexicon_mentions(text, lex)
    found = ents.discover(text, lex, lexm)
    mentions = ents.merge(text, lex, lexm, found)
    mentions = ents.context_mentions(text, lex, mentions)
    sentences = nlp.split_sentences(text)
    tracker = DateTracker(text, article.date, sentences)

    # relations, sentence by sentence (trigger-anchored discovery may add mentions)
    cands = []
    for idx, (ss, se, sent) in enumerate(sentences):
        sm = [m for m in mentions if ss <= m.start and m.end <= se]
        extra = ents.argument_mentions(text, ss, se, sm, lex)
        if extra:
            mentions.extend(extra)
            mentions.sort(key=lambda m: m.start)
            sm = [m for m in mentions if ss <= m.start and m.end <= se]
        cm = coref.resolve(text, ss, se, sm, mentions, lex)
        allm = sorted(sm + cm, key=lambda m: (m.start, m.end))
        for c in read_sentence(text, ss, se, allm, lex, coref.sentence_subject(sm, mentions, ss)):
            cands.append((c, idx, ss, se))

    entities = _entities(mentions, lex)
    known = {e.name for e in entities}
    relations: list[Relation] = []
    seen: dict[tuple, Relation] = {}
    for c, idx, ss, se in cands:
        if c.subject not in known or c.object not in known:
            continue
        date = tracker.date_for(idx, c.start)
        key = (c.type, c.subject, c.object, date, c.negated)
        if c.type in SYMMETRIC_RELATIONS:
            a, b = sorted((c.subject, c.object))
            key = (c.type, a, b, date, c.negated)
        if key in seen:
            r = seen[key]
            r.confidence = max(r.confidence, c.confidence)
            continue
        r = Relation(c.type, c.subject, c.object, date, text[ss:se], ss, se, c.confidence, c.negated,
                     c.trigger)
        seen[key] = r
        relations.append(r)
    # an undated telling of a fact that is also told with a date is a restatement: drop it
    dated = {(r.type, r.subject, r.object) for r in relations if r.date}
    relations = [r for r in relations if r.date or (r.type, r.subject, r.object) not in dated]
    # owner links from the lexicon (抖音 owned by 字节跳动) when both are in the article
    for e in entities:
        if e.owner and e.owner in known:
            if not any(r.type == "owns" and r.subject == e.owner and r.object == e.name for r in relations):
                relations.append(Relation("owns", e.owner, e.name, None, "", 0, 0, 0.5, False, "lexicon"))
    lawsuits = build_lawsuits(text, relations, mentions, sentences, tracker, lex)
    return Extraction(article=article, entities=entities, relations=relations, lawsuits=lawsuits)


def _entities(mentions, lex) -> list[Entity]:
    by_name: dict[str, Entity] = {}
    types: dict[str, dict[str, int]] = {}
    for m in mentions:
        if m.source == "coref":
            continue
        e = by_name.get(m.name)
        if e is None:
            le = lex.entities.get(m.name)
            e = Entity(name=m.name, type=m.type,
                       aliases=list(le.aliases) if le else [],
                       qid=le.qid if le else None, owner=le.owner if le else None,
                       source="lexicon" if le else "pattern")
            by_name[m.name] = e
        if m.surface != m.name and m.surface not in e.aliases:
            e.aliases.append(m.surface)
        e.mentions.append((m.start, m.end))
        types.setdefault(m.name, {}).setdefault(m.type, 0)
        types[m.name][m.type] += 1
    for name, e in by_name.items():
        if e.source != "lexicon":
            e.type = max(types[name].items(), key=lambda kv: kv[1])[0]
    return list(by_name.values())


def _restore_traditional(ex: Extraction, original: Article) -> Extraction:
    """An extraction made on the Simplified copy of a Traditional article, told in the article's own
    characters: each entity is named as the text writes it (台積電), its Simplified and lexicon names
    kept as aliases; evidence is cut from the original text (the offsets are the same)."""
    text = original.text or ""
    rename: dict[str, str] = {}
    taken: set[str] = set()
    for e in ex.entities:
        surfaces = Counter(text[s:t] for s, t in e.mentions if 0 <= s < t <= len(text))
        if not surfaces:
            continue
        first = text[e.mentions[0][0]:e.mentions[0][1]]
        name = first if surfaces[first] == max(surfaces.values()) else surfaces.most_common(1)[0][0]
        if name != e.name and name not in taken:
            aliases = [e.name] + [a for a in e.aliases if a != name]
            aliases += [s for s in surfaces if s != name]
            e.aliases = list(dict.fromkeys(aliases))
            rename[e.name] = name
            e.name = name
        taken.add(e.name)
    for e in ex.entities:
        if e.owner:
            e.owner = rename.get(e.owner, e.owner)
    for r in ex.relations:
        r.subject = rename.get(r.subject, r.subject)
        r.object = rename.get(r.object, r.object)
        if r.end > r.start:
            r.evidence = text[r.start:r.end]
    for ls in ex.lawsuits:
        ls.plaintiffs = [rename.get(x, x) for x in ls.plaintiffs]
        ls.defendants = [rename.get(x, x) for x in ls.defendants]
        if ls.court:
            ls.court = rename.get(ls.court, ls.court)
        if ls.end > ls.start:
            ls.evidence = text[ls.start:ls.end]
    return Extraction(article=original, entities=ex.entities, relations=ex.relations, lawsuits=ex.lawsuits)
