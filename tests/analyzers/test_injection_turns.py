"""Dialogue turns counted on the reversed text are the turns the forward patterns find."""

from __future__ import annotations

import random

import pytest

from analyzers.injection import features, normalise


def _forward(raw: str) -> int:
    limit = normalise.MAX_PASSAGE_CHARS
    turns = len(features._TURN.findall(raw, 0, limit))
    return turns if turns >= 2 else len(features._INLINE_TURN.findall(raw, 0, limit))


def _labels() -> list[str]:
    words = {
        label.removesuffix(r"\d{0,2}")
        for labels in (features._TURN_LABELS, features._INLINE_LABELS)
        for label in labels.split("|")
    }
    return sorted(words | {w.upper() for w in words} | {w.title() + "12" for w in words})


_MARKS = [":", "\uff1a", " ", "  ", "\n", "\t", "\u3000", ">", "#", "*", "-", "/", "[", "]", ".", "!", "?",
          ";", "\u3002", "\uff1f", "x", "word", "7", "_"]  # fmt: skip


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reversed_count_is_the_forward_count(seed: int) -> None:
    rng = random.Random(seed)
    pieces = _labels() + _MARKS
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        assert features.turn_count(text) == _forward(text), text


def test_only_the_read_characters_count() -> None:
    limit = normalise.MAX_PASSAGE_CHARS
    for text in (
        "user: a\n" * 3000,
        "x" * (limit - 3) + "\nq:\na:",
        "a: b. " * 3000,
        "\uff1a" * (limit + 10),
    ):
        assert features.turn_count(text) == _forward(text)


def test_labels_are_spelled_backwards() -> None:
    assert features._backwards(r"user|q\d{0,2}|用户") == r"resu|\d{0,2}q|户用"
    with pytest.raises(ValueError, match="must be a word"):
        features._backwards(r"us.r")


@pytest.mark.parametrize("seed", [4, 5])
def test_a_text_with_fewer_than_two_colons_read_holds_fewer_than_two_turns(seed: int) -> None:
    rng = random.Random(seed)
    pieces = [piece for piece in _labels() + _MARKS if piece not in (":", "\uff1a")]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        at = rng.randint(0, len(text))
        for one in ("", ":", "\uff1a"):
            probe = text[:at] + one + text[at:]
            assert features._colons(probe) < 2
            assert features.turn_count(probe) < 2, probe
    limit = normalise.MAX_PASSAGE_CHARS
    assert features._colons("x" * limit + "user: a\nai: b") == 0


def test_examples_that_end_on_an_open_arrow_count_as_turns() -> None:
    log = "Past tasks:\n- Task: a -> ran the script.\n- Task: b -> ran the script.\n- Task: this issue ->"
    assert features.open_examples(log) == 3
    assert features.passage_features(log, [], "")["turns"] == 1.5


def test_mappings_with_every_answer_given_are_no_turns() -> None:
    assert features.open_examples("old -> new\nfoo -> bar\nbaz -> qux") == 0
    assert features.open_examples("one -> two\nthen ->") == 0  # one worked example is no priming
    assert "turns" not in features.passage_features("a -> b\nc -> d\ne -> f", [], "")


def test_question_and_answer_labels_of_more_languages_count_as_turns() -> None:
    for question, answer in (("Pergunta", "Resposta"), ("Pregunta", "Respuesta"), ("Domanda", "Risposta"),
                             ("Question", "Réponse"), ("질문", "답변")):  # fmt: skip
        assert features.turn_count(f"{question}: x?\n{answer}: y\n{question}: z?\n{answer}:") == 4
