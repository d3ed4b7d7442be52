from kg import nlp


def test_split_chinese_keeps_offsets_and_quotes():
    text = "他说：“我们起诉了。”随后离开！第三句\n新段落；分句"
    sents = nlp.split_sentences(text)
    assert [s for _, _, s in sents] == ["他说：“我们起诉了。”", "随后离开！", "第三句", "新段落；", "分句"]
    assert all(text[a:b] == s for a, b, s in sents)


def test_split_english_respects_abbreviations():
    text = "Acme Inc. sued Globex. Mr. Smith said so. It was 3.5 million."
    assert [s for _, _, s in nlp.split_sentences(text)] == [
        "Acme Inc. sued Globex.", "Mr. Smith said so.", "It was 3.5 million."]


def test_split_english_paragraphs_run_together():
    # a page whose paragraphs lost their breaks: a full stop glued to the next capitalised word ends a
    # sentence; a web address, U.S. and a decimal do not
    text = "Acme sued Globex in 2016.In its ruling, the court sided with Acme.“This is a win,” it said. " \
           "Visit acme.com or the U.S.Patent Office. Saray Holding Pte.Ltd. rose 1.5 percent."
    assert [s for _, _, s in nlp.split_sentences(text)] == [
        "Acme sued Globex in 2016.", "In its ruling, the court sided with Acme.", "“This is a win,” it said.",
        "Visit acme.com or the U.S.Patent Office.", "Saray Holding Pte.Ltd. rose 1.5 percent."]


def test_tokenizer_is_private_and_knows_lexicon_names():
    import jieba
    tk = nlp.tokenizer()
    assert tk is not jieba.dt
    assert "字节跳动" in nlp.cut("字节跳动起诉腾讯")
    assert nlp.tag("起诉") is not None


def test_fast_cut_equals_jieba_cut_word_for_word():
    """nlp.fast_cut is jieba's Tokenizer.cut(HMM=True) re-written for speed: same words, always."""
    from pathlib import Path
    tk = nlp.tokenizer()
    texts = [
        "字节跳动起诉腾讯，要求赔偿9000万元；腾讯否认。",
        "2018年3月8日，北京市海淀区人民法院判决奇虎360赔偿500万元",
        "阿拉米达郡法院驳回了Epic Games的诉讼请求（案号：2020-CV-05640）",
        "滴滴专车、快的打车和Uber中国均被约谈…京东＆拼多多 A.B_C 3.5% +#-",
        "周启航表示，该公司将于下周二在Apple App Store上线《王者荣耀》国际版",
        "", " ", "\r\n\t", "一", "的的的的的的", "abc def 123.45", "ABC公司与XYZ集团",
    ]
    corpus = Path(__file__).resolve().parent / "corpus"
    for p in sorted(corpus.glob("*.md"))[:6]:
        text = p.read_text(encoding="utf-8")
        texts.append(text)
        texts.extend(line for line in text.splitlines() if line.strip())
    for t in texts:
        assert nlp.fast_cut(t) == list(tk.cut(t, HMM=True)), t[:60]
        assert nlp.fast_cut(t) == list(tk.cut(t, HMM=True)), t[:60]   # again, from the HMM memo


def test_hmm_rewrite_equals_finalseg():
    import random
    from jieba import finalseg
    rng = random.Random(7)
    chars = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对" \
            "小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行abcXYZ019.%-+#&_，。 \n"
    for _ in range(3000):
        t = "".join(rng.choice(chars) for _ in range(rng.randint(1, 15)))
        assert nlp._finalseg_cut(t) == list(finalseg.cut(t)), t


def test_unrolled_viterbi_equals_the_generic_one():
    """_viterbi_cut unrolls jieba's four states; _viterbi_generic reads any transition table."""
    import random
    rng = random.Random(11)
    chars = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对"
    for _ in range(2000):
        t = "".join(rng.choice(chars) for _ in range(rng.randint(1, 12)))
        a, b = [], []
        nlp._viterbi_cut(t, a)
        nlp._viterbi_generic(t, b)
        assert a == b, t


def test_clause_index_answers_what_a_scan_of_the_clause_answers():
    """word_cut_at / words_within / has_value (bisection over a clause's words) against the plain
    scans of tokens_around they replace, at every offset of a text."""
    text = "2018年3月8日，北京微梦创科网络技术有限公司起诉字节跳动（下称“抖音”）侵权；法院判决赔偿500万元。"
    for pos in range(len(text)):
        cs, toks, starts, ends = nlp.clause_index(text, pos)
        assert (cs, toks) == nlp.tokens_around(text, pos)
        for x in range(cs, cs + 40):
            assert nlp.word_cut_at(text, pos, x) == next((t for t in toks if t[0] < x < t[1]), None)
            assert nlp.has_value(ends, x) == any(b == x for _, b, _, _ in toks)
            for hi in range(x, x + 12):
                assert nlp.words_within(text, pos, x, hi) == [(w, t) for a, b, w, t in toks if a >= x and b <= hi]


def test_words_finds_the_first_word_in_list_order():
    import random
    from kg.extract.wordindex import Words
    rng = random.Random(3)
    alphabet = "由上市公司拟以于斥资宣布"
    words = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))) for _ in range(40)},
                   key=len, reverse=True)
    index = Words(words)
    for _ in range(3000):
        t = "".join(rng.choice(alphabet) for _ in range(8))
        p = rng.randint(0, 9)
        assert index.at(t, p) == next((w for w in words if t.startswith(w, p)), None)
        s = t[:rng.randint(0, 8)]
        assert [w for w in index.ending_with(s) if s.endswith(w)] == [w for w in words if s.endswith(w)]
