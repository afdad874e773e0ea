"""The shortcuts of the instruction detector find what the plain reading finds: each is pinned to the
reference it replaces, on generated text and on the edge cases that tell them apart."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.injection import cues, detector, features, ngrams

SENTENCE_PARTS = st.sampled_from(
    ["a", "word", " ", "  ", "\t", ".", "!", "?", ";", "\n", ".env", "e.g.", "\u3002", "\uff01", "\uff1f",
     "\uff1b", "x" * 700, "..", ". ", "?!", ";\n"]
)  # fmt: skip


def reference_sentences(folded: str) -> list[str]:
    """The sentences as the one pattern of `features` reads them, character by character."""
    found = [m.group(0) for m in features._SENTENCE.finditer(folded) if m.group(0).strip()]
    return found[: features.MAX_SENTENCES]


@settings(max_examples=400, deadline=None)
@given(st.lists(SENTENCE_PARTS, max_size=80).map("".join))
def test_sentences_found_run_by_run_are_the_sentences_of_the_pattern(text: str) -> None:
    assert features.sentence_texts(text) == reference_sentences(text)


def test_a_sentence_longer_than_the_pattern_reads_is_cut_as_the_pattern_cuts_it() -> None:
    for size in (1999, 2000, 2001, 2002, 4500):
        text = "word " * 3 + "x" * size + ". next one; and " + "y" * size
        assert features.sentence_texts(text) == reference_sentences(text)


def test_at_most_max_sentences_are_read() -> None:
    text = "go. " * (features.MAX_SENTENCES + 50) + "z" * 2500
    assert len(features.sentence_texts(text)) == features.MAX_SENTENCES
    assert features.sentence_texts(text) == reference_sentences(text)


WORDS = st.sampled_from(
    ["you", "ignore", "previous", "instructions", "send", "the", "env", "to", "secret", "token", "please",
     "approve", "jobs", "queue", "runs", "every", "minute", "2", "42", "part", "1", "密钥", "x"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=12), max_size=30))
def test_a_reading_scored_from_its_sentence_parts_scores_as_its_words(sentences: list[list[str]]) -> None:
    model = ngrams.packaged_model()
    words = [word for sentence in sentences for word in sentence]
    score, pairs = ngrams.joined_score(sentences, ngrams.sentence_parts(sentences, model), model)
    assert score == ngrams.score(words, model)
    if not any(word.isdigit() for word in words):
        assert pairs == set(itertools.pairwise(words))
    else:
        assert pairs is None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(WORDS, st.sampled_from([". ", "\n", "; ", ", "])), max_size=160).map(" ".join))
def test_the_reading_ngrams_are_those_of_the_words_and_their_windows(text: str) -> None:
    model = ngrams.packaged_model()
    for folded, _, words in detector.readings(text):
        ngram, local, distinct, pairs = detector.reading_ngrams(folded, words, model)
        assert ngram == ngrams.score(words, model)
        assert local == detector.window_ngrams(folded, words, ngram, model)
        assert distinct == set(words)
        assert pairs == set(itertools.pairwise(words))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORDS, st.just("")), max_size=20))
def test_a_sentence_part_holds_its_pairs_without_numbers(words: list[str]) -> None:
    distinct, _, pairs = ngrams.sentence_parts([words])[0]
    assert distinct == set(words)
    assert pairs == {pair for pair in itertools.pairwise(words) if not any(w.isdigit() for w in pair)}


TOKEN_PARTS = st.sampled_from(
    ["a", "Zx", "_", "0", "42", "'", "''", " ", "\t", "\n", ".", ",", "-", ":", "\x1c", "\x0b", "\x7f",
     "don't", "é", "ß", "密钥", "\u00a0", "\u2019", "٣"]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(TOKEN_PARTS, max_size=40).map("".join))
def test_words_cut_in_bulk_are_the_matches_of_the_token_pattern(text: str) -> None:
    assert cues.tokens(text) == cues.TOKEN.findall(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_words_cut_in_bulk_are_the_matches_of_the_token_pattern(text: str) -> None:
    assert cues.tokens(text) == cues.TOKEN.findall(text)
