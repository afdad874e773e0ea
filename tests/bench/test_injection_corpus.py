"""The attack corpus of the instruction detector: the files the trainer reads are what the corpus
script builds, and no development attack is among them."""

from __future__ import annotations

import json

from bench.injection.attack_texts import HELD_OUT, TRAIN
from bench.injection.frozen4 import build as frozen4
from bench.injection_corpus import FOLDER, build, dev8, near9, tune9, varied
from bench.injection_eval import BENIGN_EMBEDDING


def _rows(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (FOLDER / name).read_text(encoding="utf-8").splitlines() if line]


def test_the_training_attacks_are_what_the_corpus_script_builds() -> None:
    assert build(TRAIN, varied()) == _rows("attacks.jsonl")


def test_the_development_attacks_of_the_first_round_are_what_it_builds() -> None:
    assert build(HELD_OUT, []) == _rows("attacks_heldout.jsonl")


def test_the_development_attacks_of_round_ten_are_what_it_builds() -> None:
    assert dev8() == _rows("attacks_dev8.jsonl")


def test_the_tuning_split_of_round_thirteen_is_what_it_builds() -> None:
    assert tune9() == _rows("attacks_tune9.jsonl")
    assert near9() == _rows("benign_written9.jsonl")


def test_the_tuning_near_misses_are_read_where_the_eval_embeds_them() -> None:
    assert {row["kind"] for row in near9()} <= set(BENIGN_EMBEDDING)


def test_no_development_attack_is_a_training_text() -> None:
    training = {row["text"] for row in _rows("attacks.jsonl")}
    for name in ("attacks_dev5.jsonl", "attacks_dev7.jsonl", "attacks_dev8.jsonl", "attacks_tune9.jsonl"):
        assert not training & {row["text"] for row in _rows(name)}, name


def test_the_fourth_sealed_split_is_what_its_script_builds_and_shares_no_training_text() -> None:
    assert frozen4.attacks() == _rows("frozen4/attacks.jsonl")
    assert frozen4.benign() == _rows("frozen4/benign.jsonl")
    training = {row["text"] for row in _rows("attacks.jsonl")}
    assert not training & {row["text"] for row in frozen4.attacks()}


def test_no_tuning_near_miss_is_a_training_text() -> None:
    training: set[str] = set()
    for name in ("benign.jsonl", "benign_repos.jsonl", "benign_written.jsonl"):
        training |= {row["text"] for row in _rows(name)}
    assert not training & {row["text"] for row in near9()}
