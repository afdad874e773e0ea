"""A word n-gram model of instruction text: one logistic score from the words a reading holds.

Beside the cue classes (`features`), which say what a text does, this model has learned how
instruction text and ordinary text are worded: its features are the folded words of a reading
(`w:ignore`), their first five letters (`p:ignor`, so that other inflections of a word count), pairs
of adjacent words (`b:your rules`) and, in scripts written without spaces, pairs of adjacent
characters (`c:密钥`). A reading's score is the bias plus the weights of its distinct features,
divided by the square root of how many distinct features it holds plus `SHRINK` (`spread`): long
passages do not add up, and a short one (a heading, a four-word comment) is shrunk towards the bias,
as if every reading also held `SHRINK` features of weight zero, so that two or three words cannot
swing it by several logits. The fit (`bench/injection_ngrams.py`) scales its rows by the same
`spread`.
The detector uses it as one passage feature (`ngram`) among the cues.

The weights are `analyzers/data/instruction_ngrams.json`, fitted by `bench/injection_ngrams.py` on
the training split of the corpus in `bench/injection/`; nothing is downloaded or learned at run time.
Cost: one dictionary look-up per distinct word (remembered per process) and one per distinct
adjacent pair, done in bulk: word pairs are looked up as tuples (`Model.pairs`), never formatted.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Callable
from dataclasses import field
from functools import cache
from importlib import resources
from itertools import chain, repeat
from typing import cast

from analyzers.injection import scripts
from analyzers.record import record
from analyzers.table_cache import built_table

PREFIX = 5
LIMIT = 6.0  # the score is clipped to [-LIMIT, LIMIT]
SHRINK = 6  # features of weight zero every reading counts as holding (shrinks short readings)
_MEMO_LIMIT = 200_000


@record
class Model:
    bias: float
    weights: dict[str, float]
    memo: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word → its own features
    # the weights of word pairs (`b:one two`) keyed by the pair itself: a pair is looked up unformatted
    pairs: dict[tuple[str, str], float] = field(default_factory=dict)  # made from `weights` when empty
    weighed: dict[str, tuple[tuple[str, float], ...]] = field(init=False, default_factory=dict)  # word →
    # its own features with their weights, filled as words are met (at most `_MEMO_LIMIT` words)

    def __post_init__(self) -> None:
        if self.pairs:  # given built (`table_cache`)
            return
        for name, weight in self.weights.items():
            if name.startswith("b:"):
                one, space, two = name[2:].partition(" ")
                if space and " " not in two:  # a token holds no space: no other name is a pair
                    self.pairs[(one, two)] = weight


def read_model(data: dict[str, object]) -> Model:
    weights = {str(k): float(v) for k, v in dict(data["weights"]).items()}  # type: ignore[call-overload]
    return Model(bias=float(data["bias"]), weights=weights)  # type: ignore[arg-type]


@cache
def packaged_model() -> Model:
    """The packaged model (read once per process; its weights and pair table are kept by `table_cache`)."""
    source = resources.files("analyzers").joinpath("data", "instruction_ngrams.json").read_bytes()
    return built_table(
        "instruction-ngrams-1", source, lambda: read_model(json.loads(source)), _plain, _from_plain
    )


def _plain(model: Model) -> tuple[object, ...]:
    return (model.bias, model.weights, model.pairs)


def _from_plain(value: object) -> Model:
    if not (isinstance(value, tuple) and len(value) == 3):
        raise ValueError("not a built model")
    bias, weights, pairs = value
    if not (isinstance(bias, float) and isinstance(weights, dict) and isinstance(pairs, dict)):
        raise ValueError("not a built model")
    return Model(bias=bias, weights=weights, pairs=pairs)


def spread(count: int) -> float:
    """What the weights of a reading's `count` distinct features are divided by (fit and score)."""
    return math.sqrt(count + SHRINK)


def word_features(word: str) -> tuple[str, ...]:
    """The features one word gives on its own: itself, its first letters, its character pairs
    when it is written without spaces."""
    if word.isdigit():  # numbers (addresses, versions, counts) say nothing of the voice of a text
        return ()
    if scripts.spaceless().search(word):
        if len(word) == 1:
            return (f"w:{word}",)
        return tuple(f"c:{word[i : i + 2]}" for i in range(len(word) - 1))
    if len(word) > PREFIX + 1 and not word.isdigit():
        return (f"w:{word}", f"p:{word[:PREFIX]}")
    return (f"w:{word}",)


_holds_no_none = all  # a pair of tokens (never empty) holds no None: no number was in it


def _weighed(word: str, weights: dict[str, float]) -> tuple[tuple[str, float], ...]:
    return tuple((name, weights.get(name, 0.0)) for name in word_features(word))


def features_of(words: list[str], memo: dict[str, tuple[str, ...]] | None = None) -> set[str]:
    """The distinct features of a reading given its words (`cues.TOKEN` matches of folded text)."""
    found: set[str] = set()
    for word in set(words):
        own = memo.get(word) if memo is not None else None
        if own is None:
            own = word_features(word)
            if memo is not None and len(memo) < _MEMO_LIMIT:
                memo[word] = own
        found.update(own)
    found.update(
        f"b:{one} {two}" for one, two in itertools.pairwise(words) if not (one.isdigit() or two.isdigit())
    )
    return found


def score(
    words: list[str],
    model: Model | None = None,
    *,
    distinct: set[str] | None = None,
    pairs: set[tuple[str, str]] | None = None,
) -> float:
    """The model's logit for a reading (clipped to [-LIMIT, LIMIT]); 0 for a reading without words.
    The same as the weights of `features_of(words)` summed, with the work done in bulk: each distinct
    word's features and their weights come from a memo (`Model.weighed`), pairs are matched as
    tuples (`Model.pairs`), and the sum is exact (`math.fsum`), so it does not depend on the order in
    which a set is walked. `distinct` and `pairs`: the set of `words` and of its adjacent pairs,
    when the caller has them already (`cues.cue_hits` reads the same ones)."""
    model = model or packaged_model()
    if not words:
        return 0.0
    if distinct is None:
        distinct = set(words)
    own = _own_features(distinct, model)  # each feature once
    numbers = set(filter(str.isdigit, distinct))
    if not numbers:
        if pairs is None:
            pairs = set(itertools.pairwise(words))
    elif "" not in distinct:  # numbers read as None, and the pairs holding one dropped
        marked: list[str | None] = list(map(dict.fromkeys(numbers).get, words, words))
        pairs = cast("set[tuple[str, str]]", set(filter(_holds_no_none, itertools.pairwise(marked))))
    else:
        pairs = {pair for pair in itertools.pairwise(words) if numbers.isdisjoint(pair)}
    count = len(own) + len(pairs)
    if not count:
        return 0.0
    total = math.fsum(chain(own.values(), map(model.pairs.get, pairs, repeat(0.0))))
    value = model.bias + total / spread(count)
    return max(-LIMIT, min(LIMIT, value))


def window_scores(
    sentences: list[list[str]],
    size: int,
    model: Model | None = None,
    parts: list[Part] | None = None,
    *,
    memo: Memo | None = None,
    texts: list[str] | None = None,
) -> list[float]:
    """`score` of every window of `size` consecutive sentences (one window of all when there are
    no more), given each sentence's words: the same as `score` of a window's words joined, with
    each sentence's features and inner pairs found once rather than once per window that holds it
    (a window's are the union of its sentences', and the pairs across their boundaries). The sum
    is exact, so it does not depend on the order in which the features are met. `parts`: the
    sentences' `sentence_parts`, when the caller has them already. `memo` (with `texts`, the
    sentences' texts, whose words `sentences` are): a window whose texts were scored before in the
    memo's change is not scored again."""
    model = model or packaged_model()
    if len(sentences) <= size:
        spans = [(0, len(sentences))] if sentences else []
    else:
        spans = [(first, first + size) for first in range(len(sentences) - size + 1)]
    if parts is None:
        parts = sentence_parts(sentences, model)
    if memo is None or texts is None:
        return [_span_score(*_span(sentences[first:end], parts[first:end]), model) for first, end in spans]
    scores = []
    for first, end in spans:
        key = tuple(texts[first:end])
        found = memo.windows.get(key)
        if found is None:
            found = _span_score(*_span(sentences[first:end], parts[first:end]), model)
            memo.keep_window(key, found)
        scores.append(found)
    return scores


def joined_score(
    sentences: list[list[str]], parts: list[Part], model: Model | None = None
) -> tuple[float, set[tuple[str, str]] | None]:
    """`score` of all the sentences' words joined (`parts`: their `sentence_parts`), from the parts
    rather than word by word; with the adjacent pairs of the joined words (None when a number is
    among them: those pairs are not all read by the model)."""
    model = model or packaged_model()
    own, pairs = _span(sentences, parts)
    numbers = any(any(map(str.isdigit, words)) for words, _, _ in parts)
    return _span_score(own, pairs, model), None if numbers else pairs


def _span(
    sentences: list[list[str]], parts: list[Part]
) -> tuple[dict[str, float] | None, set[tuple[str, str]]]:
    """The weighed features and the pairs (without numbers) of sentences read together; None for
    the features when they hold no word."""
    own: dict[str, float] = {}
    pairs: set[tuple[str, str]] = set()
    previous: str | None = None
    for words, (_, features, inner) in zip(sentences, parts, strict=True):
        if not words:
            continue
        own.update(features)
        pairs |= inner
        if previous is not None and not (previous.isdigit() or words[0].isdigit()):
            pairs.add((previous, words[0]))
        previous = words[-1]
    return (own if previous is not None else None), pairs


def _span_score(own: dict[str, float] | None, pairs: set[tuple[str, str]], model: Model) -> float:
    count = len(own) + len(pairs) if own is not None else 0
    if own is None or not count:
        return 0.0
    total = math.fsum(chain(own.values(), map(model.pairs.get, pairs, repeat(0.0))))
    value = model.bias + total / spread(count)
    return max(-LIMIT, min(LIMIT, value))


Part = tuple[set[str], dict[str, float], set[tuple[str, str]]]
"""A sentence's distinct words, the weighed features of its words, its adjacent pairs without numbers."""


def sentence_parts(sentences: list[list[str]], model: Model | None = None) -> list[Part]:
    """The `Part` of each sentence (given its words)."""
    model = model or packaged_model()
    return [_sentence_part(words, model) for words in sentences]


MEMO_CHARACTERS = 1_000_000  # what one change's `Memo` keeps, in characters of text (some 20 MB at most)
_ENTRY_COST = 64  # what an entry counts beyond its characters (so that short texts are not kept free)


class Memo:
    """The n-gram work done on the sentences of one change's long readings, so that a sentence (or a
    window of sentences) met again in the change (a docstring copied from file to file, a licence
    header, a passage read again as a join) is not read again: each sentence text's words and
    `Part`, each window's score. It holds what it was given (one model); the same sentence gives the
    same words, part and scores whether they come from the memo or not. Made for one analysis and
    dropped with it, never kept across changes; the text of pull requests is hostile, so it keeps at
    most `MEMO_CHARACTERS` (texts and window keys counted by their characters and entries), and
    what does not fit is computed every time."""

    def __init__(self, model: Model, room: int = MEMO_CHARACTERS) -> None:
        self.model = model
        self.room = room  # what may still be kept, in characters
        self.parts: dict[str, tuple[list[str], Part]] = {}
        self.windows: dict[tuple[str, ...], float] = {}

    def sentences(
        self, texts: list[str], words_of: Callable[[str], list[str]]
    ) -> tuple[list[list[str]], list[Part]]:
        """The words (`words_of` a text) and the `Part` of each of `texts`."""
        found = list(map(self.parts.get, texts))
        for index, known in enumerate(found):
            if known is None:
                text = texts[index]
                words = words_of(text)
                known = found[index] = (words, _sentence_part(words, self.model))
                cost = len(text) + _ENTRY_COST
                if cost <= self.room:
                    self.room -= cost
                    self.parts[text] = known
        done = cast("list[tuple[list[str], Part]]", found)
        return [words for words, _ in done], [part for _, part in done]

    def keep_window(self, key: tuple[str, ...], score: float) -> None:
        """Keep a window's score (its key, the texts of its sentences), while there is room."""
        cost = sum(map(len, key)) + _ENTRY_COST
        if cost <= self.room:
            self.room -= cost
            self.windows[key] = score


def _sentence_part(words: list[str], model: Model) -> Part:
    distinct = set(words)
    own = _own_features(distinct, model)
    numbers = set(filter(str.isdigit, distinct))
    if not numbers:
        return distinct, own, set(itertools.pairwise(words))
    if "" in distinct:  # not a token: `all` would drop its pairs too
        return distinct, own, {pair for pair in itertools.pairwise(words) if numbers.isdisjoint(pair)}
    # numbers read as None, and the pairs holding one dropped, in bulk
    marked: list[str | None] = list(map(dict.fromkeys(numbers).get, words, words))
    return (
        distinct,
        own,
        cast("set[tuple[str, str]]", set(filter(_holds_no_none, itertools.pairwise(marked)))),
    )


def _own_features(distinct: set[str], model: Model) -> dict[str, float]:
    """The weighed features of `distinct` words, each once, through the model's memo."""
    memo = model.weighed
    found = list(map(memo.get, distinct))  # one look-up per word; None for a word not met yet
    if None in found:
        fresh = {word: _weighed(word, model.weights) for word in distinct.difference(memo)}
        if len(memo) + len(fresh) <= _MEMO_LIMIT:
            memo.update(fresh)
        found = [own for own in found if own is not None]
        found.extend(fresh.values())  # a full memo: new words looked up here
    return dict(chain.from_iterable(cast("list[tuple[tuple[str, float], ...]]", found)))
