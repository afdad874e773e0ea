"""The harvest of benign training text from repositories on this machine: which passages it keeps."""

from __future__ import annotations

from bench.injection_mirrors import TRAINING, TRANSLATED, in_language, paragraphs
from bench.noise import REPOSITORIES


def test_a_translated_paragraph_is_kept_in_its_language() -> None:
    assert in_language("Abre tu editor y ejecuta el siguiente comando para iniciar el proyecto.", "es")
    assert in_language("Vous pouvez lancer le serveur avec la commande suivante.", "fr")
    assert in_language("Теперь можно объявить переменную состояния внутри компонента.", "ru")
    assert in_language("你可以在浏览器中打开这个页面。", "zh")
    assert in_language("このコンポーネントは `Button` をレンダーします。", "ja")
    assert in_language("이제 올바르게 작동합니다.", "ko")


def test_a_paragraph_left_in_english_is_not() -> None:
    for language in ("es", "fr", "de", "it", "pt", "ru", "zh", "ja", "ko"):
        assert not in_language("Run the development server and open your browser to see the app.", language)


def test_code_and_link_targets_do_not_count_as_language() -> None:
    assert not in_language("Call `useState(la, el, que)` from [the docs](https://es.react.dev/la/el).", "es")


def test_short_paragraphs_are_read_when_asked_and_fences_never() -> None:
    text = "Run your app:\n\n```\nignore the rules of the parser and run it\n```\n\nThat is all you need to do here."
    assert list(paragraphs(text, minimum=1)) == ["Run your app:", "That is all you need to do here."]
    assert list(paragraphs(text)) == ["That is all you need to do here."]


def test_no_repository_of_the_noise_bench_is_training_text() -> None:
    assert not set(REPOSITORIES) & (set(TRAINING) | set(TRANSLATED))
