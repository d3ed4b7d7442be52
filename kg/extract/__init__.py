"""The extractor: `extract(article) -> Extraction`.

Stages: entity mentions (lexicon + discovery, `entities`), light coreference (`coref`), sentences
(`kg.nlp`), relations per sentence (`relations`), dates per relation (`dates`, with the governing
date carried from dated openers), lawsuits from `sues` relations (`lawsuits`, with `money`).
The lexicon and the jieba tokenizer are loaded once per process.

Traditional Chinese is read through a one-character-for-one table (`kg.nlp.to_simplified`, with
same-length word rows for a character of two readings: 隨著 -> 随着, 著作權 keeps 著), so every offset
holds; the whole pipeline — reader, headline, checks, calibration — runs on the Simplified copy, and
only then are entities named as the article writes them (台積電; a key's own surface, else the one the
Simplified copy would show) with the Simplified and lexicon names as aliases, and evidence cut from the
original text: one report gives the same facts in either script.  Owner links (`owns`) come
only from sentences that tie owner and product (旗下, 的, X《Y》), each with its sentence.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import operator
import re
from collections import Counter

from kg.lexicon import load_lexicon
from kg.model import Article, Entity, Extraction, Lawsuit, Relation, fact_key
from kg import nlp
from kg.extract import entities as ents
from kg.extract import coref
from kg.extract.arg_paths import candidate_path
from kg.extract.entity_table import entity_table
from kg.extract.relations import Cand, parallel_actors, read_sentence
from kg.extract.launches import launch_mentions, without_inner
from kg.extract.deal_results import result_mentions
from kg.extract.case_titles import case_title_mentions
from kg.extract.fined_parties import fined_party_mentions
from kg.extract.legal_names import join_branches, widen_legal_names
from kg.extract.latin_parties import latin_party_mentions
from kg.extract.control import control_mentions
from kg.extract.prosecution import prosecution_mentions
from kg.extract.deal_actors import deal_actor_mentions
from kg.extract.deal_objects import deal_object_mentions
from kg.extract.nominal_deals import nominal_deal_mentions
from kg.extract.summons import summoned_mentions
from kg.extract.list_sides import list_members
from kg.extract.ruled_parties import ruled_party_mentions
from kg.extract.list_names import list_name_mentions
from kg.extract.name_review import review_names
from kg.extract.dates import STATE_TYPES, DateTracker
from kg.extract.discover_names import LEGAL_ENDINGS
from kg.extract.case_courts import case_courts, case_rulings
from kg.extract.court_anaphora import court_anaphors
from kg.extract.lawsuits import build_lawsuits, suit_count
from kg.extract.lawsuit_frames import suit_frames
from kg.extract.claimed_defendants import against_suits, claim_list_suits, matter_suits
from kg.extract.deal_vehicles import vehicle_owners
from kg.extract.quotes import quoted_accusations
from kg.extract.headline import asserted_part, merge_headline, title_reversals
from kg.extract.confidence import calibrate, dropped
from kg.extract.checks import apply_checks
from kg.extract.written import written_name, written_names
from kg.extract.name_family import merge_name_family
from kg.extract.repeated_subjects import repeated_subjects
from kg.extract.joined_units import joined_units
from kg.extract.operators import drop_operator_restatements
from kg.extract.countersuits import countersuits
from kg.extract.ruling_sides import case_court_rulings, listed_fines, other_sides, reason_fines
from kg.extract.deal_prohibitions import prohibited_blocks
from kg.extract.short_forms import place_prefixes

__all__ = ["extract"]

_START_END = operator.attrgetter("start", "end")     # (sort keys made in C, not a lambda per mention)
_START = operator.attrgetter("start")


def extract(article: Article) -> Extraction:
    text, title = article.text or "", article.title or ""
    if article.lang != "en":
        # Traditional (or a Simplified text with a Traditional character) is read, checked and
        # calibrated on a Simplified copy, offsets unchanged, then told in the article's own
        # characters: every rule and check sees the one script it was written for
        simp = dataclasses.replace(article, text=nlp.to_simplified(text), title=nlp.to_simplified(title))
        if simp.text != text or simp.title != title:
            return written_names(_restore_traditional(_extract_checked(simp), article))
    return written_names(_extract_checked(article))


def _extract_checked(article: Article) -> Extraction:
    body = _extract_text(article)
    title = (article.title or "").strip()
    at = (article.text or "").find(title, 0, len(title) + 200) if title else -1
    if title and at < 0:
        said = asserted_part(title)
        if said:
            # the headline read as a one-sentence article, checked like one (scope: 拟起诉, "may fine"),
            # so a fact it hedges or negates adds nothing
            head = apply_checks(_extract_text(dataclasses.replace(article, text=said, title="")))
            body = merge_headline(body, head)
    elif title and article.lang != "en":
        body = title_reversals(body, at + len(title))
    # checks across all rules (checks.py), then measured confidence
    return calibrate(apply_checks(body))


def _extract_text(article: Article) -> Extraction:
    if article.lang == "en":      # English articles: kg/extract/en/
        from kg.extract.en import extract_en
        return extract_en(article)
    return _extract_zh(article, load_lexicon())


def _extract_zh(article: Article, lex) -> Extraction:
    text = article.text or ""
    mentions = _zh_mentions(text, lex)
    sentences = nlp.split_sentences(text)
    tracker = DateTracker(text, article.date, sentences, [(m.start, m.end) for m in mentions])
    cands, mentions = _read_sentences(text, sentences, mentions, lex)
    return _zh_extraction(article, text, sentences, mentions, cands, tracker, lex)


def _zh_mentions(text: str, lex) -> list:
    """The article's mentions before the sentences are read: lexicon names, names found by how they are
    written and by their context, their repeats, short forms and courts."""
    lexm = ents.lexicon_mentions(text, lex)
    found = ents.discover(text, lex, lexm)
    mentions = widen_legal_names(text, lex, ents.merge(text, lex, lexm, found))    # (legal_names.py)
    mentions = join_branches(text, lex, mentions)     # …股份有限公司|深圳市分公司: one name (legal_names.py)
    mentions = ents.context_mentions(text, lex, mentions)
    mentions = repeated_subjects(text, lex, mentions)     # 日月光…；日月光随即…收购 (repeated_subjects.py)
    # a name found once by its ending (深圳地铁集团) is that name wherever else it is written
    again = ents.repeat_mentions(text, lex, mentions, [m for m in mentions if m.source == "pattern"
                                                       and m.type == "Company" and len(m.surface) >= 4],
                                 long_names=True)
    if again:
        mentions = sorted(mentions + again, key=_START_END)
    mentions = ents.short_aliases(text, lex, mentions)
    mentions = ents.legal_short_forms(text, lex, mentions)
    mentions = ents.bare_heads(text, lex, mentions)
    mentions = ents.drop_descriptions(text, lex, mentions)
    # 一审法院, 该院, 上述法院: the court named before that the word stands for (court_anaphora.py)
    return court_anaphors(text, lex, ents.merge_courts(mentions))


def _read_sentences(text: str, sentences: list, mentions: list, lex) -> tuple[list, list]:
    """The relation candidates of each sentence, as (candidate, sentence index, start, end), and the
    mentions after the reading (trigger-anchored discovery may add some); the article is read again
    when a name found in one sentence is written in others."""
    cands = []
    # `mentions` stays sorted by start: a sentence's mentions are a slice of it, found by bisection
    starts = [m.start for m in mentions]

    def in_sentence(ss: int, se: int) -> list:
        lo, hi = bisect.bisect_left(starts, ss), bisect.bisect_left(starts, se)
        return [m for m in mentions[lo:hi] if m.end <= se]

    base = list(mentions)
    told: list = []          # the candidates of the sentences read so far (cands' first members)
    first = _FirstReading()  # a sentence read again with the same names is not read again
    products: list = []      # names read by the launch frames and Latin parties (launches.py, latin_parties.py)
    ante = None              # coref's index of the antecedents in `mentions` (coref.Antecedents)
    for attempt in range(2):
        found_here = []
        parallel: dict = {}
        for idx, (ss, se, sent) in enumerate(sentences):
            sm = in_sentence(ss, se)
            extra, launched = first.names(attempt, idx, text, ss, se, sm, lex)
            products.extend(launched)
            if launched or any(ss <= x.start < se for x in products):
                # a model's name takes in the brand glued before it (华为Mate X); a Latin party's name
                # replaces a found name that cut it (全球知名品牌K in …品牌K-Swiss)
                kept = without_inner(mentions, products, lex)
                if len(kept) != len(mentions):      # (it dropped some: the index follows)
                    mentions = kept
                    starts = [m.start for m in mentions]
                    sm = in_sentence(ss, se)
                mentions, extra = kept, without_inner(extra, products, lex) + launched
            if extra:
                found_here.extend(extra)
                mentions.extend(extra)
                mentions.sort(key=_START)
                starts = [m.start for m in mentions]
                # 收购东风|小康50%股权: an owner's name and its unit's word before a stake are one name
                joined, gone = joined_units(text, lex, in_sentence(ss, se))
                if joined:
                    found_here = [m for m in found_here if id(m) not in gone] + joined
                    mentions = sorted((m for m in mentions + joined if id(m) not in gone), key=_START)
                    base = [m for m in base if id(m) not in gone]
                    starts = [m.start for m in mentions]
                sm = in_sentence(ss, se)
            ante = coref.Antecedents.for_list(mentions, ante)    # rebuilt when `mentions` changes
            cm = coref.resolve(text, ss, se, sm, mentions, lex, ante)
            allm = sorted(sm + cm, key=_START_END)
            context = coref.sentence_subject(sm, mentions, ss, ante, text, lex)
            read = first.read(attempt, idx, text, ss, se, allm, lex, context, parallel)
            # suits whose parties a marker names (将A、B诉至, 以X为被告, 不服…提起行政诉讼), cases named
            # by their title at a later stage, appeals (lawsuit_frames.py)
            read = suit_frames(text, ss, se, allm, read, mentions, context, lex)
            # the further defendants a plaintiff's claims name (判令被告A…，判令被告B…: claimed_defendants.py)
            read = claim_list_suits(text, ss, se, allm, read, lex)
            read = matter_suits(text, ss, se, allm, read, lex)
            read = against_suits(text, ss, se, allm, read, lex)
            # X通过旗下Y收购Z: the vehicle's owner buys too (deal_vehicles.py)
            read = vehicle_owners(text, ss, se, allm, read, lex)
            # 后者随即提起反诉: a countersuit's defendant is the last plaintiff against its side (countersuits.py)
            read = countersuits(text, ss, se, allm, read, told, lex)
            parallel = parallel_actors(text, se, [c for c in read if not dropped(c.rule, c.type)], allm)
            # a side that is one member of a list (收购A、B、C各51%股权): the other members too
            read += list_members(text, ss, se, [c for c in read if not dropped(c.rule, c.type)], allm, lex)
            for c in read:
                c.path = candidate_path(text, ss, se, c, allm, lex.words("both"))
                cands.append((c, idx, ss, se))
                told.append(c)
        # a name discovered in one sentence (宏达电宣布…收购) is that name wherever else it is written:
        # read the article again with every telling of it
        more = ents.repeat_mentions(text, lex, mentions, found_here) if attempt == 0 else []
        if not more:
            break
        mentions = sorted(base + found_here + more, key=_START_END)
        starts = [m.start for m in mentions]
        cands = []
        told = []
    return cands, mentions


def _zh_extraction(article: Article, text: str, sentences: list, mentions: list, cands: list, tracker,
                   lex) -> Extraction:
    """The article's extraction from its read candidates: quoted accusations, dropped rules, reviewed
    names, entities, relations with their dates, owner links and lawsuits."""
    # an accusation inside a quotation is the speaker's (他留言：“微信的借口封杀…”)
    quoted = quoted_accusations(text, sentences, mentions, lex)
    if quoted:
        spans = {span for *_, span in quoted}
        cands = [x for x in cands if not (x[0].type == "accuses" and any(a <= x[0].start < b for a, b in spans))]
        cands.extend((c, idx, sentences[idx][0], sentences[idx][1]) for c, idx, _ in quoted)
    # a rule measured below 0.5 precision on the development sets reads nothing (confidence.py)
    cands = [x for x in cands if not dropped(x[0].rule, x[0].type)]
    # a clause piece read as a name is no entity; 唯冠方面 is 唯冠, 美国总统奥巴马 is 奥巴马 (name_review.py)
    mentions, reviewed = review_names(text, mentions, lex)
    entities, rename = _entities(mentions, lex, text)
    rename = {**{k: rename.get(v, v) for k, v in reviewed.items()}, **rename}
    if rename:
        for c, *_ in cands:
            c.subject = rename.get(c.subject, c.subject)
            c.object = rename.get(c.object, c.object)
        for m in mentions:
            if m.name in rename:
                m.name = rename[m.name]
    known = _complete_entities(entities, mentions, lex)
    relations = _relations(text, cands, known, tracker, lex, {e.key: e.mentions for e in entities})
    # owner links (抖音 owned by 字节跳动) only where the text ties them: 腾讯旗下的微信, 腾讯的微信,
    # 腾讯微信 — the lexicon's owner column says who, the sentence is the evidence
    relations.extend(_owner_links(text, mentions, sentences, entities, known, relations, lex))
    # 腾讯诉…多闪…案 beside 将多闪的运营方X诉至: one suit (operators.py)
    relations = drop_operator_restatements(text, entities, relations, lex)
    lawsuits = build_lawsuits(text, relations, mentions, sentences, tracker, lex)
    # a ruling of 法院/该院/法官X: the ruling of the court of the case (ruling_sides.py)
    relations.extend(case_court_rulings(text, sentences, entities, relations, lawsuits, tracker, lex))
    # the courts of each case, stage by stage, and a ruling of one told with no party (case_courts.py)
    courts = case_courts(sentences, mentions, lawsuits, lex)
    relations.extend(case_rulings(text, sentences, mentions, relations, lawsuits, courts, tracker, lex))
    relations.extend(other_sides(relations, lawsuits, entities, "zh", courts))
    # 2017年，X因…被罚A；2018年因…被罚B: the fines of a list whose clauses name no one (ruling_sides.py)
    relations.extend(listed_fines(text, sentences, entities, relations, tracker, lex))
    # X监管局发布…显示，Y因…被罚30万元: the regulator named before the fined clause (ruling_sides.py)
    relations.extend(reason_fines(text, sentences, entities, relations, tracker, lex))
    # 公平会决议禁止两者结合: the regulator blocks both sides of the deal told before (deal_prohibitions.py)
    relations.extend(prohibited_blocks(text, sentences, entities, relations, tracker))
    return Extraction(article=article, entities=entities, relations=relations, lawsuits=lawsuits)


_MENTION = operator.attrgetter("start", "end", "name", "type", "surface", "source", "owner")
_CAND = operator.attrgetter("subject", "object", "type", "start", "end", "confidence", "negated", "trigger",
                            "reference", "rule", "hedged")


def _sentence_names(text: str, ss: int, se: int, sm: list, lex) -> tuple[list, list]:
    """The names the sentence readers find in text[ss:se] beyond its mentions `sm`: (actors and
    arguments, names read by the launch, party and title frames)."""
    actors = deal_actor_mentions(text, ss, se, sm, lex)
    actors += deal_object_mentions(text, ss, se, sm + actors, lex)
    extra = actors + ents.argument_mentions(text, ss, se, sm + actors, lex)
    launched = launch_mentions(text, ss, se, sm + extra, lex)
    for find in (latin_party_mentions, control_mentions, prosecution_mentions, nominal_deal_mentions,
                 summoned_mentions, ruled_party_mentions, list_name_mentions, result_mentions,
                 case_title_mentions, fined_party_mentions):
        launched += find(text, ss, se, sm + extra + launched, lex)
    return extra, launched


class _FirstReading:
    """What the first reading of an article found in each sentence, for its second reading (after a
    name discovered in one sentence was looked for in all): a sentence whose readers get the same
    mentions (compared field by field) gives what it gave, without being read again.  The readers
    are functions of the text, the sentence and those mentions; the second reading is the article's
    last, so the candidates kept from the first are handed out once (as new objects: later steps
    change candidates in place)."""

    def __init__(self) -> None:
        self._quiet: dict[int, list] = {}     # sentence -> its mentions, when the readers found nothing
        self._read: dict[int, tuple] = {}     # sentence -> (read_sentence's input, its candidates)

    def names(self, attempt: int, idx: int, text: str, ss: int, se: int, sm: list, lex) -> tuple[list, list]:
        key = list(map(_MENTION, sm))
        if attempt and self._quiet.get(idx) == key:
            return [], []
        extra, launched = _sentence_names(text, ss, se, sm, lex)
        if not attempt and not extra and not launched:
            self._quiet[idx] = key
        return extra, launched

    def read(self, attempt: int, idx: int, text: str, ss: int, se: int, allm: list, lex, context, parallel) -> list:
        key = (list(map(_MENTION, allm)), None if context is None else list(map(_MENTION, context)),
               [(k, _MENTION(v)) for k, v in parallel.items()])
        if attempt:
            got = self._read.pop(idx, None)
            if got is not None and got[0] == key:
                return [Cand(*c) for c in got[1]]
        read = read_sentence(text, ss, se, allm, lex, context, parallel)
        if not attempt:
            self._read[idx] = (key, list(map(_CAND, read)))
        return read


def _complete_entities(entities: list, mentions: list, lex) -> set:
    """Courts get their short forms; an owner named only inside its product's name (滴滴专车) is
    still an entity of the article.  Returns the names of the entities."""
    known = {e.name for e in entities}
    for e in entities:
        if e.type == "Court":         # 重庆市第一中级人民法院 is also 重庆一中院, 重庆市一中院
            e.aliases = list(dict.fromkeys(e.aliases + ents.court_abbreviations(e.name)))
    for m in mentions:
        if m.source == "pattern" and m.owner and m.owner not in known and m.owner in lex.entities:
            le = lex.entities[m.owner]
            pre = next((s for s in (le.name,) + le.aliases if m.surface.startswith(s)), None)
            if pre:
                entities.append(Entity(name=le.name, type=le.type, aliases=list(le.aliases), qid=le.qid,
                                       owner=le.owner, mentions=[(m.start, m.start + len(pre))],
                                       rule="zh.entity.owner_in_name"))
                known.add(le.name)
    return known


def _relations(text: str, cands: list, known: set, tracker: DateTracker, lex,
               spans: dict[str, list] | None = None) -> list[Relation]:
    """The article's relations from the sentence readers' candidates: both sides entities of the
    article, dated, one per fact and date (the most confident telling's rule), restatements out."""
    relations: list[Relation] = []
    seen: dict[tuple, Relation] = {}
    for c, idx, ss, se in cands:
        if c.subject not in known or c.object not in known:
            continue
        date = None if c.reference else tracker.date_for(idx, c.start)
        if date and c.type == "sues" and suit_count(text[ss:se]) > 1 and not tracker.dated(idx):
            date = None       # 三年多时间发起的25次诉讼: an aggregate has only the date its sentence gives
        key = fact_key(c.type, c.subject, c.object) + (date, c.negated)
        if c.type == "sues" and _gap_patterns(id(lex), lex)[0].search(text, ss, se):
            key += (ss,)      # 还在宁波中院对格力另行提起诉讼: a parallel suit in another court, not a restatement
        if key in seen:
            r = seen[key]
            if c.confidence > r.confidence:
                r.confidence, r.rule, r.hedged, r.arg_path = c.confidence, c.rule, c.hedged, c.path
            continue
        r = Relation(c.type, c.subject, c.object, date, text[ss:se], ss, se, c.confidence, c.negated,
                     c.trigger, c.rule, c.hedged, arg_path=c.path)
        seen[key] = r
        relations.append(r)
    # an undated telling of a fact that is also told with a date is a restatement: drop it
    dated = {_fact_key(r) for r in relations if r.date}
    relations = [r for r in relations if r.date or _fact_key(r) not in dated
                 or (r.type == "sues" and _gap_patterns(id(lex), lex)[0].search(text, r.start, r.end))]
    if _lead_dates(relations, tracker, spans or {}):
        dated = {_fact_key(r) for r in relations if r.date}
        relations = [r for r in relations if r.date or _fact_key(r) not in dated
                     or (r.type == "sues" and _gap_patterns(id(lex), lex)[0].search(text, r.start, r.end))]
    relations = _short_party_rulings(relations)
    # a telling at a coarser date than another telling of the same fact (2009-11 beside 2009-11-10)
    # is a restatement too
    by_fact: dict[tuple, set] = {}
    for r in relations:
        if r.date:
            by_fact.setdefault(_fact_key(r), set()).add(r.date)
    return [r for r in relations if not r.date or not any(
        d != r.date and d.startswith(r.date + "-") for d in by_fact.get(_fact_key(r), ()))]


def _lead_dates(relations: list[Relation], tracker: DateTracker, spans: dict[str, list]) -> bool:
    """Rule zh.date.headline_lead: an undated event fact of the headline line (no sentence tells it
    with a date) takes the day of the news from the lead (`DateTracker.lead_date_at`); True when
    one did (its undated restatements in the body then go)."""
    found = False
    for r in relations:
        if not r.date and r.type not in STATE_TYPES:
            r.date = tracker.lead_date_at(r.start, [spans.get(r.subject) or [], spans.get(r.object) or []],
                                          r.type)
            found = found or bool(r.date)
    return found


@functools.lru_cache(maxsize=4)
def _gap_patterns(lex_id: int, lex) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a suit filed again or in parallel: parallel_suit_lead; what may stand between an owner and its
    product: owner_gap_*; a joint act right after A与B: joint_lead, joint_act), their words read from
    modifiers.tsv once per lexicon."""
    alt = lex.alternation
    return (re.compile(rf"(?:{alt('parallel_suit_lead')})[^，。；]{{0,20}}?法院|{alt('parallel_suit_verb')}"),
            re.compile(rf"^[《“「\"]?(?:公司|集团)?(?:{alt('owner_gap_link')})*(?:{alt('owner_gap_kind')})?"
                       rf"(?:{alt('owner_gap_new')})?(?:{alt('owner_gap_device')})?$"),
            re.compile(rf"(?:{alt('joint_lead')})*(?:{alt('joint_act')})"))


def _fact_key(r: Relation) -> tuple:
    return fact_key(r.type, r.subject, r.object)


def _short_party_rulings(relations: list[Relation]) -> list[Relation]:
    """Rule zh.rules.short_party_restated: an undated ruling of a court on a party written short (三星),
    where the article tells that court's dated ruling on the party in full (三星（中国）投资有限公司,
    the short name inside the full one), is that ruling told again (二审法院最终认为三星的上诉理由缺乏依据): out.
    Not the other way round: an undated ruling on 吉利汽车研究院 beside a dated one on 吉利 is on another party."""
    dated = [r for r in relations if r.type == "rules" and r.date and not r.negated]
    if not dated:
        return relations
    return [r for r in relations if r.type != "rules" or r.date or r.negated or not any(
        d.subject == r.subject and d.object != r.object and len(r.object) >= 2 and r.object in d.object
        for d in dated)]




def _by_sentence(mentions: list, sentences: list) -> list[list]:
    """For each sentence (ss, se, _), `[m for m in mentions if ss <= m.start and m.end <= se]`: each
    mention placed by bisection (sentences are in order and apart), not every sentence scanning
    every mention."""
    out: list[list] = [[] for _ in sentences]
    starts = [ss for ss, _, _ in sentences]
    for m in mentions:
        if m.end <= m.start:        # (an empty span may sit on two sentences' common edge)
            for k, (ss, se, _) in enumerate(sentences):
                if ss <= m.start and m.end <= se:
                    out[k].append(m)
            continue
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.end <= sentences[k][1]:
            out[k].append(m)
    return out


def _owner_links(text, mentions, sentences, entities, known, relations, lex) -> list[Relation]:
    owners = {e.name: e.owner for e in entities if e.owner and e.owner in known}
    for m in mentions:
        if m.owner and m.owner in known and m.source != "coref":
            owners.setdefault(m.name, m.owner)
    have = {(r.subject, r.object) for r in relations if r.type == "owns"}
    out: list[Relation] = []
    within = _by_sentence(mentions, sentences)
    ante = None
    for idx, (ss, se, _) in enumerate(sentences):
        sm = within[idx]
        if len(sm) < 1 or not any(m.type == "Product" or m.name in owners for m in sm):
            continue
        if "其" in text[ss:se]:
            ante = coref.Antecedents.for_list(mentions, ante)
            sm += [m for m in coref.resolve(text, ss, se, sm, mentions, lex, ante) if m.surface == "其"]
            sm.sort(key=_START)
        for i, m in enumerate(sm):
            owner = owners.get(m.name)
            if not owner and m.type == "Product" and i > 0 and sm[i - 1].type == "Company" \
                    and text[sm[i - 1].end:m.start] in ("《", "“", "「"):
                owner = sm[i - 1].name          # 腾讯《天涯明月刀》: a company's titled product
            if not owner or (owner, m.name) in have:
                continue
            ok = any(o.name == owner and o.end <= m.start and _gap_patterns(id(lex), lex)[1].match(text[o.end:m.start])
                     for o in sm[:i]) or (
                # HTC One X与EVO 4G LTE: the next model in a list of the owner's models
                i > 0 and sm[i - 1].type == "Product" and (owner, sm[i - 1].name) in have
                and text[sm[i - 1].end:m.start] in ("与", "和", "及", "、")
                and not _gap_patterns(id(lex), lex)[2].match(text, m.end))   # (A与B正式合并: a partner)
            if ok:
                have.add((owner, m.name))
                out.append(Relation("owns", owner, m.name, None, text[ss:se], ss, se, 0.7, False, "owner",
                                    "zh.owner.link"))
    return out


def _entities(mentions, lex, text: str = "") -> tuple[list[Entity], dict[str, str]]:
    by_name = entity_table(mentions, lex, lexicon_type=False, vote_type=True, surface_first=False,
                           owner_from_mention=False)
    rename: dict[str, str] = {}
    # 香港鸿道集团 … 鸿道集团: a discovered name that is another one with a place in front is that one
    for name, e in list(by_name.items()):
        if e.source == "lexicon" or len(name) < 5 or not any(
                o != name and len(o) >= 3 and name.endswith(o) for o in by_name):
            continue
        toks = nlp.tagged(name)
        if len(toks) > 1 and toks[0][1] == "ns":
            rest = name[len(toks[0][0]):]
            other = by_name.get(rest)
            if other is not None and other is not e and other.type == e.type:
                other.aliases = list(dict.fromkeys(other.aliases + [name] + e.aliases))
                other.mentions = sorted(other.mentions + e.mentions)
                del by_name[name]
                rename[name] = rest
    # 深圳唯冠 … 深圳唯冠科技有限公司: a discovered registered name that is another discovered company's
    # name plus only a line of business and a legal ending is that company
    trade = lex.words("trade_word")
    for name, e in list(by_name.items()):
        if e.source == "lexicon" or e.type != "Company":
            continue
        stem = _trade_stem(name, trade)
        other = by_name.get(stem) if stem and stem != name else None
        if other is not None and other is not e and other.type == "Company":
            other.aliases = list(dict.fromkeys(other.aliases + [name] + e.aliases))
            other.mentions = sorted(other.mentions + e.mentions)
            del by_name[name]
            rename[name] = stem
    # 威马汽车科技集团有限公司 … 威马汽车 … 威马: the forms of one company (name_family.py)
    merge_name_family(by_name, lex, rename, place_prefixes(id(lex), lex), text)
    return list(by_name.values()), rename


def _trade_stem(name: str, trade) -> str | None:
    """深圳唯冠科技有限公司 -> 深圳唯冠: the name without its legal ending and the trade words before it;
    None when it has no legal ending or no trade word (华为终端有限公司 is a unit of its own)."""
    end = next((x for x in _LEGAL_LONGEST if name.endswith(x)), None)
    if end is None:
        return None
    n, cut = name[:-len(end)], False
    longest_first = _longest_first(trade)
    while True:
        w = next((w for w in longest_first if n.endswith(w) and len(n) >= len(w) + 3), None)
        if w is None:
            break
        n, cut = n[:-len(w)], True
    return n if cut else None


_LEGAL_LONGEST = tuple(sorted(LEGAL_ENDINGS, key=len, reverse=True))
_LONGEST_FIRST: dict[int, tuple] = {}


def _longest_first(words) -> tuple[str, ...]:
    """`words` sorted longest first, once per word set (the lexicon's sets live as long as it; the
    set itself is kept to check): two words of one length cannot both end a name."""
    got = _LONGEST_FIRST.get(id(words))
    if got is None or got[0] is not words:
        got = _LONGEST_FIRST[id(words)] = (words, tuple(sorted(words, key=len, reverse=True)))
    return got[1]


def _restore_traditional(ex: Extraction, original: Article) -> Extraction:
    """An extraction made on the Simplified copy of a Traditional article, told in the article's own
    characters: each entity is named as the text writes it (台積電), its Simplified and lexicon names
    kept as aliases; evidence is cut from the original text (the offsets are the same), a headline's
    evidence is the original headline."""
    text, title = original.text or "", (original.title or "").strip()
    simp_title = nlp.to_simplified(title)
    rename: dict[str, str] = {}
    taken: set[str] = set()
    ents = list(ex.entities) + [x for x in ex.withheld if isinstance(x, Entity)]
    for e in ents:
        surfaces = Counter(text[s:t] for s, t in e.mentions if 0 <= s < t <= len(text))
        if not surfaces:
            continue
        # the key read on the Simplified copy, as this text writes it (洲明科技 stays 洲明科技 beside
        # three 洲明: the same key, so the same written name, as the Simplified article would give)
        # (a key it does not write, 国务院国有资产监督管理委员会 for 國資委 and 國務院國資委, becomes the
        # surface the Simplified copy would show, 國務院國資委, not the commoner or first one)
        same = [s for s in surfaces if nlp.to_simplified(s) == e.name]
        if not same:
            shown = written_name(ex.article.text or "", e)
            same = [s for s in surfaces if nlp.to_simplified(s) == shown]
        name = same[0] if same else e.name
        if name == e.name:
            e.aliases = list(dict.fromkeys(list(e.aliases) + [s for s in surfaces
                                                              if s != name and nlp.to_simplified(s) != s]))
        elif name not in taken:
            aliases = [e.name] + [a for a in e.aliases if a != name]
            aliases += [s for s in surfaces if s != name]
            e.aliases = list(dict.fromkeys(aliases))
            rename[e.name] = name
            e.name = name
        elif name == e.name:
            # a form merged into it (開曼晨星半導體公司 into 晨星) is kept as the article writes it too
            e.aliases = list(dict.fromkeys(e.aliases + [s for s in surfaces if s != name and s not in e.aliases]))
        taken.add(e.name)

    def told(fact) -> None:
        if fact.end > fact.start:
            fact.evidence = text[fact.start:fact.end]
        elif title and fact.evidence == simp_title:
            fact.evidence = title

    for e in ents:
        if e.owner:
            e.owner = rename.get(e.owner, e.owner)
    for r in ex.relations:
        r.subject = rename.get(r.subject, r.subject)
        r.object = rename.get(r.object, r.object)
        told(r)
    for ls in list(ex.lawsuits) + [x for x in ex.withheld if isinstance(x, Lawsuit)]:
        ls.plaintiffs = [rename.get(x, x) for x in ls.plaintiffs]
        ls.defendants = [rename.get(x, x) for x in ls.defendants]
        if ls.court:
            ls.court = rename.get(ls.court, ls.court)
        told(ls)
    return dataclasses.replace(ex, article=original)
