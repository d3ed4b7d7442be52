"""Light coreference: 该公司/其/后者/前者/双方/bare 公司 resolved to entities already mentioned.

Each resolved word becomes a pseudo-mention (source "coref") carrying the antecedent's name, so the
relation reader treats it like a name in that position.
"""
from __future__ import annotations

import bisect
import functools
import operator
import re

from kg.lexicon import Lexicon
from kg.extract.mentions import CJK as _CJK, Mention, grouped_comma

ORGS = ("Company", "Organization", "Product")


@functools.lru_cache(maxsize=4)
def _coref_pattern(lex_id: int, lex: Lexicon) -> re.Pattern | None:
    """The coreference words (longest first) as one pattern, built once per lexicon."""
    words = sorted(lex.words("coref") | lex.words("both") | lex.words("coref_body") | lex.words("coref_other"),
                   key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words if not w.isascii()))


def _inside(pos: int, mentions: list[Mention]) -> bool:
    return any(m.start <= pos < m.end for m in mentions)


_ANTE = ORGS + ("Person",)


class Antecedents:
    """The mentions a pronoun can stand for (named organisations and people, not coref ones), in the
    order of `mentions` (sorted by start), so that those ending before a position are a slice found by
    bisection, not a scan of every mention for every pronoun (long articles: quadratic).  Built once
    per list of mentions (`for_list`); the mentions must not change while it is in use."""

    def __init__(self, mentions: list[Mention]):
        self.all, self.n = mentions, len(mentions)
        self.starts = [m.start for m in mentions]
        self.sorted = all(map(operator.le, self.starts, self.starts[1:]))
        self.elig = [x for x in mentions if x.source != "coref" and x.type in _ANTE]
        self.estarts = [x.start for x in self.elig]
        self.maxend, hi = [], -1       # the furthest end among elig[:i+1] (never decreasing)
        for x in self.elig:
            hi = max(hi, x.end)
            self.maxend.append(hi)

    @classmethod
    def for_list(cls, mentions: list[Mention], prev: "Antecedents | None") -> "Antecedents":
        if prev is not None and prev.all is mentions and prev.n == len(mentions):
            return prev
        return cls(mentions)

    def before(self, s: int) -> list[Mention]:
        """The antecedents ending at or before `s`, in order."""
        if not self.sorted:
            return [x for x in self.elig if x.end <= s]
        j = bisect.bisect_right(self.estarts, s)           # a mention starting after s ends after it
        j0 = bisect.bisect_right(self.maxend, s, 0, j)     # elig[:j0] all end by s
        return self.elig[:j0] + [x for x in self.elig[j0:j] if x.end <= s]

    def last_regulator(self, s: int) -> Mention | None:
        """The last regulator named (not coref) ending at or before `s`."""
        k = bisect.bisect_right(self.starts, s) if self.sorted else self.n
        return next((y for y in reversed(self.all[:k]) if y.end <= s and y.source != "coref"
                     and y.type == "Regulator"), None)


def topic(mentions: list[Mention]) -> Mention | None:
    """The article's main company: the first company named."""
    for m in mentions:
        if m.type == "Company" and m.source != "coref":
            return m
    return None


def sentence_subject(sm: list[Mention], mentions: list[Mention], ss: int,
                     index: Antecedents | None = None, text: str | None = None,
                     lex: Lexicon | None = None) -> list[Mention] | None:
    """Who a subject-less sentence is about: the organisation named last before it — not the agent
    of a passive nor a name inside a quotation (`_last_company`, given the text and lexicon)."""
    index = Antecedents.for_list(mentions, index)
    before = index.before(ss)
    if text is not None and lex is not None:
        last = _last_company(text, before, lex, ORGS)
    else:
        last = next((m for m in reversed(before) if m.type in ORGS), None)   # the last such mention
    return None if last is None else [last]


_BREAKS = "，,；;：:。"
# words before a name at a clause opening that make it an object, not the clause's subject
# (…，要求Y支付欠款，…将Y起诉到法院: the actor is not Y)
_OBLIQUE = frozenset(("要求", "请求", "要", "让", "使", "令", "请", "向", "对", "与", "和", "将", "把", "被", "给", "替", "为"))


def chain_actor(text: str, ss: int, cs: int, mentions: list[Mention],
                says: frozenset | set = frozenset()) -> Mention | None:
    """Who does what a subject-less clause (starting at `cs`) tells: the subject of the clause
    before it when that clause opens with a name (B以…为由，将其告上法庭 -> B), else — that clause
    opens with a possessive (Y的指控毫无根据), with no name, or with a speech verb (`says`: X声明，
    称Y此举是恶意竞争，并指责Y…: the name after 称 is inside what X says) — the sentence's first
    name (X回应称，Y的指控…，并表示将对其提起反诉 -> X)."""
    orgs = [m for m in mentions if ss <= m.start and m.end <= cs and m.source != "coref" and m.type in ORGS]
    if not orgs:
        return None
    p = cs - 1
    while p > ss and (text[p - 1] not in _BREAKS or grouped_comma(text, p - 1)):
        p -= 1
    first = next((m for m in orgs if m.start >= p), None)
    if first is not None and first.start - p <= 2 and not text.startswith("的", first.end) and \
            text[p:first.start] not in says and text[p:first.start] not in _OBLIQUE:
        return first
    head = orgs[0]
    return None if text.startswith("的", head.end) else head


# X(601877.SH)发布公告称，…; X 11月8日晚间公告，公司拟…: an announcement opened by the company, 称 or
# not (a bare 公告 before the comma is the company announcing)
_ANNOUNCES = re.compile(r"[^，,；;。]{0,24}?(?:(?:发布|发出)?(?:公告|声明|消息)?(?:称|表示|披露|宣布)|(?:发布|发出)?公告)[:：]?[，,]")


def _announcer(text: str, ss: int, pos: int, before: list[Mention]) -> Mention | None:
    """The company whose announcement, opened in this sentence before `pos`, `pos` stands in."""
    for x in reversed(before):
        if x.start < ss or x.type != "Company":
            continue
        m = _ANNOUNCES.match(text, x.end)
        if m and m.end() <= pos:
            return x
    return None


def _other_party(text: str, ss: int, s: int, before: list[Mention], mentions: list[Mention],
                 lex: Lexicon) -> Mention | None:
    """对方 at `s`: of the last two companies named before it in its sentence, the one that is not
    the actor of its clause (the name opening the clause, else the actor of the clause chain:
    A起诉B，对方随即提起反诉 -> B; A起诉B，B称对方恶意诉讼 -> A); none when the clause has no actor
    among the two, or the word is reciprocal (互相指责对方)."""
    if any(text.endswith(m, ss, s) for m in lex.words("coref_mutual")):
        return None
    pair: list[Mention] = []
    for x in reversed(before):
        if x.start < ss:
            break
        if x.type == "Company" and all(x.name != y.name for y in pair):
            pair.append(x)
        if len(pair) == 2:
            break
    if len(pair) != 2:
        return None
    cs = s
    while cs > ss and text[cs - 1] not in _BREAKS:
        cs -= 1
    opener = next((x for x in before if cs <= x.start < s and x.start - cs <= 2 and x.type == "Company"), None)
    if opener is None and not any(cs <= x.start < s for x in before):
        opener = chain_actor(text, ss, cs, mentions)
    if opener is None or opener.name not in {y.name for y in pair}:
        return None
    return next(y for y in pair if y.name != opener.name)


def _after_verb(text: str, s: int, lex: Lexicon) -> bool:
    """Whether 其 at `s` is written right after a verb it is the object of (`qi_object_verb`: 要求其赔偿,
    指控其侵权; not a trigger word in general: 收购其10%股权, 起诉其前雇员, 处以其销售额3%的罚款
    are its possessive, mostly the clause's own subject)."""
    return any(text.endswith(v, 0, s) for v in lex.words("qi_object_verb"))


def _qi_antecedent(text: str, ss: int, s: int, w: str, before: list[Mention], mentions: list[Mention],
                   lex: Lexicon) -> Mention | None:
    """Who 其 / 该公司 at `s` stands for: the first company of this sentence named before the word, else
    the last one named before it; after a preposition (X将其告上法庭) not the clause's own subject,
    and 对其/将其 right after a person named in the sentence (X的股东Y未履行…，Z已对其提起诉讼) is that person."""
    in_sent = [x for x in before if x.start >= ss and x.type in ("Company",)]
    listed = next((y for y in reversed(before) if y.type == "Company" and y.start >= ss and
                   text[y.end:s] in lex.words("list_conj")), None) if w == "其" else None
    if listed is not None:
        # 起诉A、其子公司B / A及其母公司 / A和其法定代表人: 其 is the name the list word follows
        return listed
    verb = w == "其" and _after_verb(text, s, lex)
    if w == "其" and s > 0 and (text[s - 1] in "将把对向给与和同跟为替" or verb):
        # X将其告上法庭, X对其旗下产品: 其 after a preposition is not the clause's own subject; nor
        # after a verb it is the object of (X随后起诉其侵权, 要求其赔偿): no name of its clause before it
        cs = s
        while cs > ss and text[cs - 1] not in "，,；;：:。":
            cs -= 1
        own = {x.name for x in before if x.start >= cs and (verb or (s - 1) - x.end <= 2)}
        if not any(x.start >= cs for x in before) and len({x.name for x in in_sent}) > 1:
            # a subject-less clause (…，并表示将对其提起反诉): 其 is not the clause's actor
            actor = chain_actor(text, ss, cs, mentions)
            if actor is not None:
                own.add(actor.name)
        person = next((x for x in reversed(before) if x.start >= ss and x.name not in own), None)
        if person is not None and person.type == "Person":
            # X的原股东Y未按时履行…，Z已对其提起诉讼: the person named last
            return person
        in_sent = [x for x in in_sent if x.name not in own]
        before = [x for x in before if x.name not in own]
    if w == "其" and in_sent:
        return in_sent[0]
    return _last_company(text, before, lex)


def _last_company(text: str, before: list[Mention], lex: Lexicon,
                  types: tuple[str, ...] = ("Company",)) -> Mention | None:
    """The company a pronoun with no company before it in its own clause stands for: the last one
    named, unless that one is told from outside — the agent of a passive (A被B起诉。该公司… -> A,
    the passive's subject) or a name inside a quotation (A表示：“B抄袭…”该公司… -> A, the speaker)."""
    orgs = [y for y in before if y.type in types]
    passive = lex.words("passive")
    for k in range(len(orgs) - 1, -1, -1):
        x = orgs[k]
        ss = max(text.rfind(c, 0, x.start) for c in "。！？\n") + 1
        if text.count("“", ss, x.start) > text.count("”", ss, x.start):
            continue            # inside a quotation: the speaker is who the text goes on about
        cs = max(text.rfind(c, 0, x.start) for c in "，,；;：:。！？\n") + 1
        gap = text[cs:x.start]
        mark = next((m for m in passive if gap.endswith(m)), None)
        if mark is not None:
            subj = next((y for y in reversed(orgs[:k]) if y.start >= cs and y.end <= x.start - len(mark)), None)
            if subj is not None:
                return subj     # A被B起诉 / A遭到B起诉: A is what the text is about
        return x
    return None


def resolve(text: str, ss: int, se: int, sm: list[Mention], mentions: list[Mention],
            lex: Lexicon, index: Antecedents | None = None) -> list[Mention]:
    out: list[Mention] = []
    pat = _coref_pattern(id(lex), lex)
    if pat is None:
        return out
    both = lex.words("both")
    bodies = lex.words("coref_body")
    ref_verbs, qi_next = lex.words("company_ref_verb"), lex.words("qi_compound_next")
    for m in pat.finditer(text, ss, se):
        w = m.group(0)
        s, e = m.start(), m.end()
        if _inside(s, sm):
            continue
        index = Antecedents.for_list(mentions, index)
        before = index.before(s)
        if not before and w not in bodies:
            continue
        if w in both:
            # the two companies this sentence names before the word (美的引入小米…，小米入股美的，双方…)
            here = list(dict.fromkeys(x.name for x in before if x.start >= ss and x.type == "Company"))
            if len(here) == 2:
                for n in here:
                    x = next(y for y in before if y.name == n)
                    out.append(Mention(s, e, x.name, x.type, w, "coref"))
                continue
            # else the two parties the text has talked about most so far (ties: the more recent); a
            # product counts for its owner when the article names the owner (抖音 for 字节跳动, 微信 for
            # 腾讯), for itself when it does not (抖音 v 腾讯), and not at all beside two companies
            count: dict[str, int] = {}
            last: dict[str, Mention] = {}
            names = {x.name: x for x in before if x.type == "Company"}
            for i, x in enumerate(before):
                if x.type == "Product" and x.owner in names:
                    x = names[x.owner]
                elif x.type == "Product" and x.owner is None and len(names) >= 2:
                    continue
                if x.type in ("Company", "Product"):
                    count[x.name] = count.get(x.name, 0) + 1
                    last[x.name] = x
            order = {x.name: i for i, x in enumerate(before)}
            top = sorted(count, key=lambda n: (-count[n], -order.get(n, 0)))[:2]
            seen = [last[n] for n in top]
            if len(seen) == 2:
                for x in seen:
                    out.append(Mention(s, e, x.name, x.type, w, "coref"))
            continue
        if w in bodies:
            # 该局, 该委: the last regulator named before the word (网信办…，该局有关负责人表示)
            x = index.last_regulator(s)
            if x is not None:
                out.append(Mention(s, e, x.name, x.type, w, "coref"))
            continue
        if w in lex.words("coref_other"):
            x = _other_party(text, ss, s, before, mentions, lex)
            if x is not None:
                out.append(Mention(s, e, x.name, x.type, w, "coref"))
            continue
        if w == "后者" or w == "前者":
            seen = []
            for x in reversed(before):
                if all(x.name != y.name for y in seen):
                    seen.append(x)
                if len(seen) == 2:
                    break
            if len(seen) == 2:
                x = seen[0] if w == "后者" else seen[1]
                out.append(Mention(s, e, x.name, x.type, w, "coref"))
            continue
        if w == "公司":
            # bare 公司 (not 子公司/该公司/XX公司): the company the text is about
            prev = text[s - 1] if s > 0 else ""
            if prev and _CJK.match(prev) and not text[max(ss, s - 2):s] in ref_verbs and prev not in "对向将被与和及由诉":
                continue
            # X(601877.SH)发布公告称，公司拟收购…: 公司 in a company's announcement is that company
            spk = _announcer(text, ss, s, before)
            t = spk or topic(mentions)
            if t:
                out.append(Mention(s, e, t.name, t.type, w, "coref"))
            continue
        # 其 / 该公司: the first company of this sentence if named before the word, else the last one
        if w == "其" and text[e:e + 1] in qi_next:
            continue
        x = _qi_antecedent(text, ss, s, w, before, mentions, lex)
        if x is not None:
            out.append(Mention(s, e, x.name, x.type, w, "coref"))
    return out
