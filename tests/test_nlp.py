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


def test_tokenizer_is_private_and_knows_lexicon_names():
    import jieba
    tk = nlp.tokenizer()
    assert tk is not jieba.dt
    assert "字节跳动" in nlp.cut("字节跳动起诉腾讯")
    assert nlp.tag("起诉") is not None
