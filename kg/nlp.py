"""Sentence splitting (Chinese and English) and a jieba tokenizer loaded once with the lexicon.

The tokenizer is a private `jieba.Tokenizer` (not jieba's global one), so user words and tags added
here never leak into other code that uses jieba.  Segmenting is the slow part of extraction: callers
segment only the short spans that need it (the words left of a name ending, a trigger's arguments).
"""
from __future__ import annotations

import bisect
import functools
import itertools
import logging
import math
import re
import threading

_lock = threading.Lock()

# Sentence ends: Chinese full stops, ! ?, semicolons; closing quotes/brackets stay with the sentence.
_ZH_END = "。！？；!?;…"
_CLOSERS = "”’」』）)】\"'"
_EN_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Inc|Ltd|Co|Corp|Jr|Sr|St|vs|U\.S|e\.g|i\.e|No|Jan|Feb|Mar|"
                        r"Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])$")


# a full stop with no space after it, between a word (or a year) and a capitalised word or an opening
# quote: "sources.The", "in 2016.In its ruling", "people.”“This" (not "Amazon.com", "U.S.", "1.5")
_GLUED = re.compile(r"[a-z0-9][a-z0-9]\.[”’\"')]*(?!(?:Ltd|Limited|Inc|Corp|Co|Llc|Plc|Pty|Pte|Gmbh|Bhd|Sdn|Com|Net|Org)\b)"
                    r"(?:[A-Z][a-z]|[“‘][A-Z])")
_SPLIT_AT = re.compile("[\n\r." + re.escape(_ZH_END) + "]")


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    """Sentences of `text` as (start, end, sentence) with text[start:end] == sentence.

    Splits at line breaks, at 。！？；!?; (keeping closing quotes), and at an English '.' followed by
    space and an upper-case letter, digit or quote (not after Mr./Inc./U.S. or a single initial).
    """
    out: list[tuple[int, int, str]] = []
    n = len(text)
    start = 0
    i = 0

    def emit(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b, text[a:b]))

    # only these characters can end a sentence: jump from one to the next (a C search) instead of
    # looking at every character
    while True:
        hit = _SPLIT_AT.search(text, i)
        if hit is None:
            break
        i = hit.start()
        c = text[i]
        if c == "\n" or c == "\r":
            emit(start, i)
            start = i + 1
        elif c in _ZH_END:
            j = i + 1
            while j < n and (text[j] in _ZH_END or text[j] in _CLOSERS):
                j += 1
            emit(start, j)
            start = j
            i = j
            continue
        elif c == ".":
            j = i + 1
            while j < n and text[j] in _CLOSERS:
                j += 1
            if j < n and text[j] == " ":
                k = j
                while k < n and text[k] == " ":
                    k += 1
                if k < n and (text[k].isupper() or text[k].isdigit() or text[k] in "\"“'‘("):
                    if not _EN_ABBREV.search(text[max(start, i - 6):i]):
                        emit(start, j)
                        start = j
                        i = j
                        continue
            elif _GLUED.match(text, i - 2) and not _EN_ABBREV.search(text[max(start, i - 6):i]):
                # a page whose paragraphs were run together: "... AP sources.The Justice Department"
                emit(start, j)
                start = j
                i = j
                continue
        i += 1
    emit(start, n)
    return out


def _quiet_jieba():
    import jieba
    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    return jieba


@functools.lru_cache(maxsize=1)
def tokenizer():
    """A jieba.Tokenizer with every lexicon name (and trigger word) as a user word. Loaded once."""
    with _lock:
        jieba = _quiet_jieba()
        from kg.lexicon import load_lexicon
        lex = load_lexicon()
        tk = jieba.Tokenizer()
        tk.initialize()
        tags = {"Company": "nt", "Organization": "nt", "Court": "nt", "Regulator": "nt",
                "Product": "nz", "Person": "nr"}
        for ent in lex.entities.values():
            for s in (ent.name,) + ent.aliases:
                if len(s) >= 2 and not s.isascii():
                    tk.add_word(s, freq=None, tag=tags.get(ent.type, "nz"))
        for trig in lex.triggers:
            if trig.lang == "zh" and "…" not in trig.word and len(trig.word) >= 2:
                tk.add_word(trig.word, freq=None, tag="v")
        for role in lex.roles:
            if not role.isascii():
                tk.add_word(role, freq=None, tag="n")
        _logp_table(tk)       # the route search's table, made with the dictionary
        return tk


@functools.lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag per dictionary word, plus the tokenizer's user-word tags."""
    tk = tokenizer()
    # read as jieba.posseg.POSTokenizer.load_word_tag reads it ("word freq tag" per line), without
    # importing jieba.posseg: its import builds a default POSTokenizer that reads the same 5 MB
    # dictionary once more (about a second of every process start)
    tags: dict[str, str] = {}
    with tk.get_dict_file() as f:
        for line in f.read().decode("utf-8").split("\n"):
            line = line.strip()
            if line:
                word, _, tag = line.split(" ")
                tags[word] = tag
    tags.update(tk.user_word_tag_tab)
    return tags


# jieba's own `Tokenizer.cut(HMM=True)`, re-written for speed with the same result word for word
# (tests/test_nlp.py compares the two): one pass per block finds the dictionary words starting at
# each character and keeps the best route at once (jieba builds the whole DAG, then walks it again
# with a second slice and look-up per edge), and the HMM's segmentation of each run of single
# characters is remembered (the same runs come back again and again).
_HMM_MEMO: dict[str, tuple[str, ...]] = {}


@functools.lru_cache(maxsize=1)
def _hmm_model():
    """jieba's HMM (finalseg) tables, each transition looked up once: for each state, its possible
    previous states in jieba's order with the transition score."""
    from jieba import finalseg
    mf = finalseg.MIN_FLOAT
    trans = {y: tuple((y0, finalseg.trans_P[y0].get(y, mf)) for y0 in finalseg.PrevStatus[y])
             for y in "BMES"}
    global _UNROLLED
    if tuple(tuple(y0 for y0, _ in trans[y]) for y in "BMES") == (("E", "S"), ("M", "B"), ("B", "M"), ("S", "E")):
        _UNROLLED = (trans, tuple(tuple(tp for _, tp in trans[y]) for y in "BMES"))
    return finalseg, mf, finalseg.start_P, trans, finalseg.emit_P


_UNROLLED = None      # (trans, its transition scores in the unrolled order) when jieba's states are as known


def _viterbi_cut(sentence: str, out: list) -> None:
    """finalseg.__cut: the best B/M/E/S labelling (jieba's viterbi, same sums in the same order and
    the same tie-breaks) and the words it makes, with back-pointers instead of copied paths.  The
    four states are unrolled for jieba's transitions (B after E|S, M after M|B, E after B|M, S after
    S|E; a tie goes to the later letter); other tables take `_viterbi_generic`."""
    finalseg, mf, start_p, trans, emit_p = _hmm_model()
    if _UNROLLED is None or _UNROLLED[0] is not trans:
        _viterbi_generic(sentence, out)
        return
    (tEB, tSB), (tMM, tBM), (tBE, tME), (tSS, tES) = _UNROLLED[1]
    gB, gM, gE, gS = emit_p["B"].get, emit_p["M"].get, emit_p["E"].get, emit_p["S"].get
    c = sentence[0]
    vB = start_p["B"] + gB(c, mf)
    vM = start_p["M"] + gM(c, mf)
    vE = start_p["E"] + gE(c, mf)
    vS = start_p["S"] + gS(c, mf)
    backs = []
    for t in range(1, len(sentence)):
        c = sentence[t]
        em = gB(c, mf)
        pa = vE + tEB + em
        pb = vS + tSB + em
        nB, bB = (pa, 2) if pa > pb else (pb, 3)            # E > S is false: a tie goes to S
        em = gM(c, mf)
        pa = vM + tMM + em
        pb = vB + tBM + em
        nM, bM = (pa, 1) if pa >= pb else (pb, 0)           # M > B: a tie goes to M
        em = gE(c, mf)
        pa = vB + tBE + em
        pb = vM + tME + em
        nE, bE = (pa, 0) if pa > pb else (pb, 1)            # B > M is false: a tie goes to M
        em = gS(c, mf)
        pa = vS + tSS + em
        pb = vE + tES + em
        nS, bS = (pa, 3) if pa >= pb else (pb, 2)           # S > E: a tie goes to S
        vB, vM, vE, vS = nB, nM, nE, nS
        backs.append((bB, bM, bE, bS))
    state = 2 if vE > vS else 3       # (v[E], "E") > (v[S], "S")
    labels = [state]
    for back in reversed(backs):
        state = back[state]
        labels.append(state)
    labels.reverse()
    begin = nexti = 0
    for i, pos in enumerate(labels):
        if pos == 0:
            begin = i
        elif pos == 2:
            out.append(sentence[begin:i + 1])
            nexti = i + 1
        elif pos == 3:
            out.append(sentence[i])
            nexti = i + 1
    if nexti < len(sentence):
        out.append(sentence[nexti:])


def _viterbi_generic(sentence: str, out: list) -> None:
    """finalseg.__cut for any transition table (see `_viterbi_cut`)."""
    finalseg, mf, start_p, trans, emit_p = _hmm_model()
    eB, eM, eE, eS = emit_p["B"], emit_p["M"], emit_p["E"], emit_p["S"]
    c = sentence[0]
    v = {"B": start_p["B"] + eB.get(c, mf), "M": start_p["M"] + eM.get(c, mf),
         "E": start_p["E"] + eE.get(c, mf), "S": start_p["S"] + eS.get(c, mf)}
    backs = []
    emits = (("B", eB), ("M", eM), ("E", eE), ("S", eS))
    for t in range(1, len(sentence)):
        c = sentence[t]
        nv = {}
        back = {}
        for y, ey in emits:
            em = ey.get(c, mf)
            (y0a, ta), (y0b, tb) = trans[y]
            pa = v[y0a] + ta + em
            pb = v[y0b] + tb + em
            # max over [(pa, y0a), (pb, y0b)]: ties go to the later letter
            if pa > pb or (pa == pb and y0a > y0b):
                nv[y] = pa
                back[y] = y0a
            else:
                nv[y] = pb
                back[y] = y0b
        v = nv
        backs.append(back)
    state = "E" if (v["E"], "E") > (v["S"], "S") else "S"
    labels = [state]
    for back in reversed(backs):
        state = back[state]
        labels.append(state)
    labels.reverse()
    begin = nexti = 0
    for i, pos in enumerate(labels):
        if pos == "B":
            begin = i
        elif pos == "E":
            out.append(sentence[begin:i + 1])
            nexti = i + 1
        elif pos == "S":
            out.append(sentence[i])
            nexti = i + 1
    if nexti < len(sentence):
        out.append(sentence[nexti:])


def _finalseg_cut(buf: str) -> list[str]:
    """jieba.finalseg.cut(buf)."""
    finalseg = _hmm_model()[0]
    force = finalseg.Force_Split_Words
    out: list[str] = []
    for blk in finalseg.re_han.split(buf):
        if finalseg.re_han.match(blk):
            words: list[str] = []
            _viterbi_cut(blk, words)
            for w in words:
                if w not in force:
                    out.append(w)
                else:
                    out.extend(w)
        else:
            out.extend(x for x in finalseg.re_skip.split(blk) if x)
    return out


def _hmm_cut(buf: str) -> tuple[str, ...]:
    r = _HMM_MEMO.get(buf)
    if r is None:
        r = tuple(_finalseg_cut(buf))
        if len(_HMM_MEMO) > 50000:
            _HMM_MEMO.clear()
        _HMM_MEMO[buf] = r
    return r


# log(freq) - log(total) of every dictionary entry (_PREFIX_ONLY: only the start of longer words;
# absent: no word starts so), so each look-up of the route search is one dict get; the same float
# jieba computes, added in the same order.  Made once with the dictionary (about 0.1 s and 16 MB:
# the floats are shared per frequency), never emptied: it is the dictionary, not a cache.
_PREFIX_ONLY = object()


def _logp_table(tk) -> dict:
    table = tk.__dict__.get("_kg_logp")
    if table is None:
        log = math.log
        logtotal = log(tk.total)
        by_freq: dict[int, float] = {}
        table = {}
        for w, f in tk.FREQ.items():
            if f:
                lp = by_freq.get(f)
                if lp is None:
                    lp = by_freq[f] = log(f) - logtotal
                table[w] = lp
            else:
                table[w] = _PREFIX_ONLY
        tk._kg_logp = table
    return table


def _cut_block(tk, s: str, out: list) -> None:
    """jieba's __cut_DAG (HMM on) for one block of word characters, appending to `out`."""
    get = tk.FREQ.get
    logtotal = math.log(tk.total)
    log = math.log
    lget = _logp_table(tk).get
    n = len(s)
    best = [0.0] * (n + 1)
    nxt = [0] * n
    for idx in range(n - 1, -1, -1):
        # max over (log(freq) - logtotal + best[x + 1], x) for the words s[idx:x + 1]: ties go to
        # the longer word, as with jieba's max over tuples
        bp = None
        bx = idx
        i = idx
        frag = s[idx]
        while i < n:
            lp = lget(frag)
            if lp is None:
                break
            if lp is not _PREFIX_ONLY:
                p = lp + best[i + 1]
                if bp is None or p >= bp:
                    bp = p
                    bx = i
            i += 1
            frag = s[idx:i + 1]
        if bp is None:
            bp = log(get(s[idx]) or 1) - logtotal + best[idx + 1]
        best[idx] = bp
        nxt[idx] = bx
    def flush(buf: str) -> None:
        # a run of single characters: one word, the HMM's words when unknown, else each character
        if len(buf) == 1:
            out.append(buf)
        elif not get(buf):
            out.extend(_hmm_cut(buf))
        else:
            out.extend(buf)

    x = 0
    buf = ""
    while x < n:
        y = nxt[x] + 1
        if y - x == 1:
            buf += s[x]
        else:
            if buf:
                flush(buf)
                buf = ""
            out.append(s[x:y])
        x = y
    if buf:
        flush(buf)


_BLOCK_RES: list = []     # jieba's block and skip patterns (re_han_default, re_skip_default)


def fast_cut(text: str) -> list[str]:
    """`list(tokenizer().cut(text, HMM=True))`, faster: the same words."""
    tk = tokenizer()
    if not _BLOCK_RES:
        import jieba      # (once: an import statement per call costs a look-up in the import system)
        _BLOCK_RES[:] = [jieba.re_han_default, jieba.re_skip_default]
    re_han, re_skip = _BLOCK_RES
    out: list[str] = []
    for blk in re_han.split(text):
        if not blk:
            continue
        if re_han.match(blk):
            _cut_block(tk, blk, out)
        else:
            for x in re_skip.split(blk):
                if re_skip.match(x):
                    out.append(x)
                else:
                    out.extend(x)
    return out


def _cut_words(text: str, hmm: bool) -> list[str]:
    return fast_cut(text) if hmm else list(tokenizer().cut(text, HMM=False))


def cut(text: str, hmm: bool = True) -> list[str]:
    """Words of `text` with the lexicon-aware tokenizer (HMM on finds unknown names)."""
    return _cut_words(text, hmm)


def tag(word: str) -> str | None:
    """POS tag of a dictionary word, or None for a word the dictionary lacks (often a name)."""
    return word_tags().get(word)


def tagged(text: str, hmm: bool = True) -> list[tuple[str, str | None]]:
    """(word, tag) pairs: jieba.cut plus a dictionary tag look-up — much faster than posseg+HMM.
    Short spans are cached: the same window is often asked for by several steps."""
    if len(text) <= 24:
        return list(_tagged_short(text, hmm))
    words = _cut_words(text, hmm)
    return list(zip(words, map(word_tags().get, words)))


@functools.lru_cache(maxsize=8192)
def _tagged_short(text: str, hmm: bool) -> tuple[tuple[str, str | None], ...]:
    words = _cut_words(text, hmm)
    return tuple(zip(words, map(word_tags().get, words)))


_CLAUSE_PUNCT = set("，。；：！？、（）()《》“”\"「」『』【】[]<>〈〉\t\n\r,;:!?|｜—…")


_CLAUSE_RE = re.compile("[" + re.escape("".join(sorted(_CLAUSE_PUNCT))) + "]")
_CLAUSE_LEFT = _CLAUSE_RE


def _clause_left(text: str, pos: int) -> int:
    lo = max(0, pos - 64)
    while True:
        last = None
        for last in _CLAUSE_RE.finditer(text, lo, pos):
            pass
        if last is not None:
            return last.end()
        if lo == 0:
            return 0
        lo = max(0, lo - 256)


@functools.lru_cache(maxsize=4096)
def _tagged_cached(clause: str) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    words = tuple(fast_cut(clause))
    return words, tuple(map(word_tags().get, words))


_around = threading.local()


def tokens_around(text: str, pos: int) -> tuple[int, tuple[tuple[int, int, str, str | None], ...]]:
    """The clause holding `pos` (bounded by punctuation), segmented once and cached:
    (clause start, ((start, end, word, tag), ...)) with offsets into `text`.  The offset tokens of
    each clause of the text being read are kept (per thread), so asking again is a dict look-up;
    the clause bounds of the text are found once (one scan for its punctuation)."""
    cs, toks, _, _ = clause_index(text, pos)
    return cs, toks


def clause_index(text: str, pos: int) -> tuple[int, tuple, tuple[int, ...], tuple[int, ...]]:
    """`tokens_around(text, pos)` with the words' start and end offsets as sorted tuples (the words
    of a clause are contiguous), for bisection instead of a scan: (clause start, tokens, starts,
    ends).  Made once per clause, with its tokens."""
    st = _around.__dict__.get("state")
    if st is None or st[0] is not text:
        # (one thread-local read per call: the text, its clause bounds and its clauses in one tuple)
        st = _around.state = (text, [m.start() for m in _CLAUSE_RE.finditer(text)], {})
    bounds = st[1]
    i = bisect.bisect_left(bounds, pos)
    a = bounds[i - 1] + 1 if i else 0
    hit = st[2].get(a)
    if hit is None:
        b = bounds[i] if i < len(bounds) else len(text)
        words, tags = _tagged_cached(text[a:b])
        offsets = list(itertools.accumulate(map(len, words), initial=a))
        starts, ends = tuple(offsets[:-1]), tuple(offsets[1:])
        hit = st[2][a] = (a, tuple(zip(starts, ends, words, tags)), starts, ends)
    return hit


def word_cut_at(text: str, pos: int, x: int) -> tuple[int, int, str, str | None] | None:
    """The word of the clause holding `pos` that offset `x` falls strictly inside (a < x < b), or
    None: `next((t for t in tokens_around(text, pos)[1] if t[0] < x < t[1]), None)`."""
    _, toks, starts, ends = clause_index(text, pos)
    j = bisect.bisect_left(starts, x) - 1
    return toks[j] if j >= 0 and x < ends[j] else None


def words_within(text: str, pos: int, lo: int, hi: int) -> list[tuple[str, str | None]]:
    """(word, tag) of the words of the clause holding `pos` that lie within [lo, hi):
    `[(w, t) for a, b, w, t in tokens_around(text, pos)[1] if a >= lo and b <= hi]`."""
    _, toks, starts, ends = clause_index(text, pos)
    return [(w, t) for _, _, w, t in toks[bisect.bisect_left(starts, lo):bisect.bisect_right(ends, hi)]]


def has_value(sorted_values: tuple, x: int) -> bool:
    """x is one of `sorted_values` (found by bisection)."""
    i = bisect.bisect_left(sorted_values, x)
    return i < len(sorted_values) and sorted_values[i] == x


def clear_caches() -> None:
    """Forget every remembered segmentation (clauses, short spans, HMM runs); the dictionaries (and
    the route search's table of log-probabilities) stay loaded.  For benchmarks that must time a
    cold read."""
    _tagged_cached.cache_clear()
    _tagged_short.cache_clear()
    _HMM_MEMO.clear()
    _traditional_share.cache_clear()
    _around.__dict__.clear()


# Traditional Chinese is read through a character table (ontology/lexicon/t2s.tsv): converting one
# character for one character keeps every offset, so the Simplified lexicon, triggers and segmenter
# apply unchanged and names and evidence are then taken from the original text.  A character with
# two Simplified readings (著: 隨著 -> 随着, but 著名, 著作權 keep 著) is converted by its common
# reading, and the table's rows of more than one character (same length on both sides) give the
# words read otherwise.
@functools.lru_cache(maxsize=1)
def _t2s_rows() -> tuple[dict[int, str], dict[str, str]]:
    from kg.paths import lexicon_dir
    table: dict[int, str] = {}
    words: dict[str, str] = {}
    p = lexicon_dir() / "t2s.tsv"
    if p.exists():
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or "\t" not in line:
                    continue
                a, b = line.rstrip("\r\n").split("\t")[:2]
                # (a character whose Simplified form lies outside the Basic Plane, 頔 -> 𬱖, is kept:
                # names and words are read over the common CJK block, which the rare form leaves)
                if len(a) == 1 and len(b) == 1 and ord(b) <= 0xFFFF:
                    table[ord(a)] = b
                elif len(a) == len(b) > 1:
                    words[a] = b
    # a word is found in the character-converted text (顯著 and 显著 both read 显着 there)
    return table, {a.translate(table): b for a, b in words.items() if a.translate(table) != b}


def _t2s_table() -> dict[int, str]:
    return _t2s_rows()[0]


@functools.lru_cache(maxsize=1)
def _t2s_words_re() -> re.Pattern | None:
    words = _t2s_rows()[1]
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True)))) if words else None


@functools.lru_cache(maxsize=1)
def _trad_re() -> re.Pattern:
    chars = "".join(sorted(chr(k) for k in _t2s_table()))
    return re.compile("[" + re.escape(chars) + "]") if chars else re.compile("(?!x)x")


_CJK_RE = re.compile("[\u4e00-\u9fff]")


def traditional_share(text: str, sample: int = 4000) -> float:
    """Share of the CJK characters in (the start of) `text` that the table converts."""
    return _traditional_share(text[:sample])


@functools.lru_cache(maxsize=8)
def _traditional_share(s: str) -> float:
    # (asked more than once of one article: by the reader, by the checks, by the RDF writer;
    # subn counts the matches without a list of them)
    trad = _trad_re().subn("", s)[1]
    if not trad:
        return 0.0        # (0 / any count: the CJK characters need no counting)
    cjk = _CJK_RE.subn("", s)[1]
    if not cjk:
        return 0.0
    return trad / cjk


def is_traditional(text: str) -> bool:
    """True for text written in Traditional characters (more than 8% of its CJK characters)."""
    return traditional_share(text) > 0.08


def to_simplified(text: str) -> str:
    """Traditional -> Simplified character by character; len(result) == len(text)."""
    if not _trad_re().search(text):
        return text       # (no character the table converts: one C scan instead of a look-up per character)
    out = text.translate(_t2s_table())
    words = _t2s_words_re()
    if words is not None and words.search(out):
        table = _t2s_rows()[1]
        out = words.sub(lambda m: table[m.group()], out)
    return out
