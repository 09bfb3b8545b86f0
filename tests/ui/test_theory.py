"""The theory cards of the help overlay: the shipped file loads, is complete in both languages, and a broken
file is a positioned ContentError."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulator.scenario.problems import ContentError
from simulator.ui.theory import MAX_POINT_CHARS, LocalText, TheoryCard, TheoryDeck, load_theory, theory_path

CARD_IDS = ["lsd", "das", "voitar", "kvvb", "vraagtechnieken", "signalen", "bezwaren"]
ROOT = Path(__file__).resolve().parents[2]

GOOD_CARD = """\
kind: theory
schema_version: 1
cards:
  - id: lsd
    title: {nl: Luisteren, en: Listening}
    summary: {nl: Eén zin., en: One sentence.}
    points:
      - {nl: een, en: one}
      - {nl: twee, en: two}
      - {nl: drie, en: three}
      - {nl: vier, en: four}
    in_game: {nl: In het spel., en: In the game.}
"""


@pytest.fixture(scope="module")
def deck() -> TheoryDeck:
    return load_theory()


def _texts(card: TheoryCard) -> list[tuple[str, LocalText]]:
    named = [("title", card.title), ("summary", card.summary), ("in_game", card.in_game)]
    return named + [(f"points[{i}]", point) for i, point in enumerate(card.points)]


def test_the_shipped_file_is_found_and_loads(deck: TheoryDeck) -> None:
    assert theory_path().is_file()
    assert deck.kind == "theory" and deck.schema_version == 1
    assert load_theory(theory_path()) == deck


def test_exactly_the_seven_cards_in_order(deck: TheoryDeck) -> None:
    assert [card.id for card in deck.cards] == CARD_IDS
    assert deck.card("signalen") is deck.cards[5]
    with pytest.raises(KeyError):
        deck.card("aida")


def test_every_text_is_in_dutch_and_english(deck: TheoryDeck) -> None:
    for card in deck.cards:
        assert 4 <= len(card.points) <= 8, card.id
        for where, text in _texts(card):
            for lang in ("nl", "en"):
                value = getattr(text, lang)
                assert value.strip(), f"{card.id}.{where}.{lang} is empty"
            if where.startswith("points"):
                assert len(text.nl) <= MAX_POINT_CHARS and len(text.en) <= MAX_POINT_CHARS, f"{card.id}.{where}"
        assert card.title.nl != card.summary.nl


def test_text_returns_one_language(deck: TheoryDeck) -> None:
    card = deck.cards[0]
    title, summary, points, in_game = card.text("en")
    assert (title, summary, in_game) == (card.title.en, card.summary.en, card.in_game.en)
    assert points == [point.en for point in card.points]
    assert card.text("nl")[0] == card.title.nl
    assert card.text("fr") == card.text("nl")  # any other language falls back to Dutch


def test_the_signal_card_explains_the_button(deck: TheoryDeck) -> None:
    in_game = deck.card("signalen").in_game
    assert "Koopsignaal!" in in_game.nl and "vals alarm" in in_game.nl
    assert "false alarm" in in_game.en


def test_the_student_is_addressed_with_je(deck: TheoryDeck) -> None:
    """Example sentences to a customer may say 'u'; the card's own words to the student never do."""
    for card in deck.cards:
        for where, text in _texts(card):
            outside_quotes = "".join(part for i, part in enumerate(text.nl.replace("“", "”").split("”")) if i % 2 == 0)
            words = outside_quotes.replace(",", " ").replace(".", " ").replace(":", " ").split()
            assert not {"u", "uw", "U", "Uw"} & set(words), f"{card.id}.{where}: {text.nl}"


def test_a_small_good_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "theorie.yaml"
    path.write_text(GOOD_CARD, encoding="utf-8")
    assert load_theory(path).cards[0].text("nl")[2] == ["een", "twee", "drie", "vier"]


def _problems(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    path = tmp_path / "theorie.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_theory(path)
    assert all(problem.path == str(path) for problem in caught.value.problems)
    return [(problem.line, problem.message) for problem in caught.value.problems]


def test_an_unknown_key_is_placed_on_its_line(tmp_path: Path) -> None:
    text = GOOD_CARD.replace("    in_game:", "    in_gmae: {nl: x, en: y}\n    in_game:")
    problems = _problems(tmp_path, text)
    assert len(problems) == 1
    line, message = problems[0]
    assert line == 12 and "unknown key 'in_gmae'" in message


def test_a_missing_english_text_is_placed(tmp_path: Path) -> None:
    problems = _problems(tmp_path, GOOD_CARD.replace("{nl: Eén zin., en: One sentence.}", "{nl: Eén zin.}"))
    assert problems == [(6, "cards[0].summary.en: field required")]


def test_a_plain_string_instead_of_both_languages_is_an_error(tmp_path: Path) -> None:
    problems = _problems(tmp_path, GOOD_CARD.replace("{nl: Luisteren, en: Listening}", "Luisteren"))
    assert [line for line, _ in problems] == [5]


def test_empty_and_too_long_texts_are_errors(tmp_path: Path) -> None:
    long_point = "x" * (MAX_POINT_CHARS + 1)
    text = GOOD_CARD.replace("{nl: een, en: one}", f"{{nl: '  ', en: {long_point}}}")
    problems = _problems(tmp_path, text)
    assert [line for line, _ in problems] == [8, 8]
    assert any("at most 160 characters" in message for _, message in problems)


def test_too_few_points_wrong_kind_and_duplicate_ids(tmp_path: Path) -> None:
    few = GOOD_CARD.replace("      - {nl: vier, en: four}\n", "")
    assert [line for line, _ in _problems(tmp_path, few)] == [8]  # the list starts at its first item
    assert [line for line, _ in _problems(tmp_path, GOOD_CARD.replace("kind: theory", "kind: scenario"))] == [1]
    second = GOOD_CARD.split("cards:\n")[1]
    problems = _problems(tmp_path, GOOD_CARD + second)
    assert problems == [(13, "cards[1].id: duplicate card id 'lsd' (also cards[0])")]


def test_broken_yaml_and_a_missing_file_are_content_errors(tmp_path: Path) -> None:
    assert _problems(tmp_path, GOOD_CARD.replace("title: {nl", "title: [nl"))[0][0] == 5
    with pytest.raises(ContentError, match="cannot read"):
        load_theory(tmp_path / "missing.yaml")


def test_the_loader_does_not_import_pygame() -> None:
    code = "import sys, simulator.ui.theory as t; t.load_theory(); assert 'pygame' not in sys.modules"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
