"""The English reader scans a trigger's regex only in sentences holding the trigger's first word
(kg.extract.en.lexicon.trigger_heads); these tests hold the shortcut to what the regexes find."""
import re

from kg.extract.en.lexicon import FOLDS_TO_ASCII, load_en, trigger_heads


def test_only_these_characters_outside_ascii_match_an_ascii_letter_under_ignorecase():
    letter = re.compile("[a-z]", re.I)
    found = {chr(c) for c in range(0x80, 0x110000) if letter.fullmatch(chr(c))}
    assert found == {c for c in map(chr, range(0x80, 0x110000)) if FOLDS_TO_ASCII.fullmatch(c)} == set("\u0130\u0131\u017f\u212a")


def test_a_sentence_without_a_trigger_s_first_word_holds_no_match_of_it():
    en = load_en()
    heads = trigger_heads(en)
    assert len(heads) == len(en.triggers) and all(h is not None for _, h in heads)
    text = ("Apple FILED a lawsuit against Samsung; Qualcomm was \u017fued by Apple, and the \u212aELVIN Company "
            "agreed to acquire Figma. Microsoft launched Teams.")
    plain = text.replace("\u017f", "s").replace("\u212a", "K")
    assert not FOLDS_TO_ASCII.search(plain)
    matched = 0
    for trig, (pat, word, every) in heads:
        for t in (text, plain):
            if trig.regex.search(t):
                matched += 1
                assert pat.search(t)
                assert t is text or word is None or word in t.lower()
                assert t is text or every is None or all(w in t.lower() for w in every)
    assert matched >= 8     # sued (both spellings), filed … lawsuit against, lawsuit against, agreed to acquire, launched
    # the shortcut itself: a first word absent from the text means no match
    for trig, (pat, word, every) in heads:
        if not pat.search(text):
            assert not trig.regex.search(text)


def test_the_automaton_of_first_words_reports_every_trigger_that_matches():
    from kg.extract.en.lexicon import trigger_words
    en = load_en()
    auto, by_word, others = trigger_words(en)
    text = "Apple filed a lawsuit against Samsung, which agreed to acquire Figma; Microsoft launched Teams."
    low = text.lower()
    present = {w for _, w in auto.iter(low)}
    kept = {i for w in present for i, _, every in by_word[w] if every is None or all(x in low for x in every)}
    kept |= {i for i, _, _ in others}
    matched = {i for i, (t, _) in enumerate(trigger_heads(en)) if t.regex.search(text)}
    assert len(matched) >= 4 and matched <= kept
    assert len(kept) < len(en.triggers) / 4      # most triggers are not scanned at all
