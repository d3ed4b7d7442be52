"""Plain dataclasses that pass between the pipeline stages.

ingest -> Article; extract -> Extraction (Entity, Relation, Lawsuit); resolve gives entities IRIs;
rdf turns an Extraction into quads.  Nothing here knows about files, jieba or RDF, so every stage
can be tested on hand-made values.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("Company", "Product", "Person", "Court", "Regulator", "Organization")
RELATION_TYPES = ("sues", "rules", "fines", "blocks", "accuses", "competes", "cooperates",
                  "acquires", "invests", "launches", "discontinues", "owns", "leads")
SYMMETRIC_RELATIONS = frozenset({"competes", "cooperates"})


def fact_key(rtype: str, subject: str, obj: str) -> tuple[str, str, str]:
    """What makes two tellings the same fact: type and sides, the sides sorted for symmetric types."""
    if rtype in SYMMETRIC_RELATIONS:
        subject, obj = sorted((subject, obj))
    return (rtype, subject, obj)
LAWSUIT_CAUSES = ("antitrust", "unfair_competition", "copyright", "patent", "trademark", "privacy",
                  "defamation", "contract", "other")


@dataclass(frozen=True)
class Article:
    """One news article as read from disk, before any language processing.

    `date` is the publication date as ISO `YYYY-MM-DD` (or None when unknown); relative dates in
    the text are resolved against it.  `sha256` is of the decoded text plus metadata, so an
    unchanged article can be skipped by an incremental build.
    """
    id: str
    title: str
    date: str | None
    source: str
    text: str
    path: str = ""
    sha256: str = ""
    lang: str = "zh"          # "zh" (Simplified or Traditional) or "en"


@dataclass
class Entity:
    """A named thing an article mentions, after in-article resolution.

    `name` is the canonical name (as the lexicon spells it, else as the article writes it);
    `aliases` the other forms seen in the article or known to the lexicon.  `key` is what
    relations and lawsuits point at: by convention the canonical name.  `written` is the name
    the article itself goes by (its most frequent full mention: "European Commission" for
    欧盟委员会), what `kg extract --format json` prints as the name.
    """
    name: str
    type: str                 # one of ENTITY_TYPES
    aliases: list[str] = field(default_factory=list)
    qid: str | None = None    # Wikidata QID when the lexicon knows it
    owner: str | None = None  # canonical name of the owner, for products and units
    mentions: list[tuple[int, int]] = field(default_factory=list)  # (start, end) in Article.text
    source: str = "lexicon"   # "lexicon" or "pattern"
    rule: str = ""            # the named rule that found it (FORMAT.md "rule")
    status: str = ""          # "rejected" when a check (kg/extract/checks.py) finds it is no entity
    check: str = ""           # the name of that check
    written: str = ""         # the name as the article writes it (kg/extract/written.py); "" = `name`

    @property
    def key(self) -> str:
        return self.name


@dataclass
class Relation:
    """A dated, directed fact between two entities, with the sentence that states it.

    `subject`/`object` are Entity keys.  `date` is ISO at the precision the text gives
    (`2018`, `2018-03`, `2018-03-08`) or None.  `start`/`end` are the evidence sentence's
    character offsets in Article.text.
    """
    type: str                 # one of RELATION_TYPES
    subject: str
    object: str
    date: str | None
    evidence: str
    start: int = 0
    end: int = 0
    confidence: float = 0.8
    negated: bool = False     # not asserted ("未起诉", "否认收购", 拟起诉): kept for review, not output as a fact
    trigger: str = ""
    rule: str = ""            # the named rule that made it (zh.frame.svo, en.clause.passive, ...)
    hedged: bool = False      # a hedge word (据称, reportedly) stands before the trigger
    status: str = ""          # why it is not asserted: "negated", "irrealis" or "rejected" ("" when asserted)
    check: str = ""           # the check that set `status` ("reader" when the reader itself negated it)
    arg_path: str = ""        # how its sides were found (kg.extract.arg_paths: named, pronoun, sentence, ...)


@dataclass
class Lawsuit:
    """A court case as court-record services describe it.

    `date` is the filing date (or when the court accepted it); rulings are `rules` relations.
    `claim_cny` is what the plaintiff asked for, in yuan; `claim_amount`/`claim_currency` keep
    a claim in any currency.  `count` > 1 marks an aggregate ("25次诉讼，累计4.7亿元").
    """
    plaintiffs: list[str]
    defendants: list[str]
    court: str | None = None
    date: str | None = None
    cause: str | None = None          # one of LAWSUIT_CAUSES
    claim_cny: float | None = None
    claim_amount: float | None = None
    claim_currency: str | None = None
    awarded_cny: float | None = None
    outcome: str | None = None
    case_number: str | None = None
    evidence: str = ""
    start: int = 0
    end: int = 0
    confidence: float = 0.8
    count: int = 1
    ruling_date: str | None = None
    hearing_date: str | None = None
    rule: str = ""            # the rule that made it (the rule of its `sues` relation, prefixed)
    status: str = ""          # "rejected" when all its suits were withheld by a check
    check: str = ""


@dataclass
class Extraction:
    """Everything extracted from one article."""
    article: Article
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    lawsuits: list[Lawsuit] = field(default_factory=list)
    # entities and lawsuits a check (kg/extract/checks.py) withheld: shown only on request (`kg extract --all`)
    withheld: list = field(default_factory=list)

    def entity(self, key: str) -> Entity | None:
        for e in self.entities:
            if e.key == key:
                return e
        return None


@dataclass
class Skipped:
    """An input that could not be read: reported on stderr, counted in the build summary."""
    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"
