"""The theory cards of the pause/help overlay (LSD, DAS, VOITAR, ...), read from ``assets/help/theorie.yaml``.

Pure data: no pygame here. The file is read with the project's safe YAML reader, so every problem in it
comes out as a :class:`~simulator.scenario.problems.ContentError` with a line and a column.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from simulator.scenario.problems import ContentError, Problem, Report
from simulator.scenario.safe_yaml import MAX_BYTES, load_yaml
from simulator.scenario.validation import validate

__all__ = ["MAX_POINT_CHARS", "LocalText", "PointText", "TheoryCard", "TheoryDeck", "load_theory", "theory_path"]

MAX_POINT_CHARS = 160
"""Longest bullet point, per language, that still fits the help panel."""

CardId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]


class _Strict(BaseModel):
    """Unknown keys are errors, values are immutable, text is trimmed."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class LocalText(_Strict):
    """One text in both languages of the game; neither may be left out or empty."""

    nl: str = Field(min_length=1, description="The Dutch text (shown first).")
    en: str = Field(min_length=1, description="The English text.")

    def get(self, lang: str) -> str:
        """The text in ``lang`` ('nl' or 'en'); any other language gets the Dutch text."""
        return self.en if lang == "en" else self.nl


class PointText(LocalText):
    """A bullet point: short enough, in both languages, to fit the help panel."""

    nl: str = Field(min_length=1, max_length=MAX_POINT_CHARS, description="The Dutch bullet point.")
    en: str = Field(min_length=1, max_length=MAX_POINT_CHARS, description="The English bullet point.")


class TheoryCard(_Strict):
    """One card of the help overlay: a topic of the course in a few short points."""

    id: CardId = Field(description="Identifier of the card, e.g. 'lsd' or 'voitar'.")
    title: LocalText = Field(description="Short title, shown on the card's tab.")
    summary: LocalText = Field(description="The topic in one sentence.")
    points: list[PointText] = Field(min_length=4, max_length=8, description="Four to eight short bullet points.")
    in_game: LocalText = Field(description="One or two sentences on how the topic shows up in Salesim.")

    def text(self, lang: str) -> tuple[str, str, list[str], str]:
        """(title, summary, points, in_game) in ``lang`` ('nl' or 'en'; anything else gets Dutch)."""
        return (
            self.title.get(lang),
            self.summary.get(lang),
            [point.get(lang) for point in self.points],
            self.in_game.get(lang),
        )


class TheoryDeck(_Strict):
    """The whole file: every theory card, in the order the overlay shows them."""

    kind: Literal["theory"] = Field(description="Always 'theory': what kind of content file this is.")
    schema_version: Literal[1] = Field(description="Version of this file's layout; currently 1.")
    cards: list[TheoryCard] = Field(min_length=1, description="The cards, in the order they are shown.")

    def card(self, card_id: str) -> TheoryCard:
        """The card with id ``card_id``; KeyError if there is none."""
        for card in self.cards:
            if card.id == card_id:
                return card
        raise KeyError(card_id)


def theory_path() -> Path:
    """The shipped theory file (in the wheel under simulator/assets, else the repository's assets)."""
    shipped = resources.files("simulator") / "assets" / "help" / "theorie.yaml"
    if shipped.is_file():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[2] / "assets" / "help" / "theorie.yaml"


def load_theory(path: Path | None = None) -> TheoryDeck:
    """Load the theory cards (default: :func:`theory_path`); ContentError lists every problem with its place."""
    path = theory_path() if path is None else Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ContentError([Problem(name, 1, 1, f"file too large ({size} bytes; at most {MAX_BYTES})")])
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(name, 1, 1, f"cannot read the file: {exc.strerror or exc}")]) from None
    data, positions = load_yaml(raw, name)
    deck, problems = validate(TheoryDeck, data, positions, name)
    if deck is None:
        raise ContentError(problems or [Problem(name, 1, 1, "could not load the file")])
    report = Report(name, positions)
    first: dict[str, int] = {}
    for index, card in enumerate(deck.cards):
        if card.id in first:
            report.at(("cards", index, "id"), f"duplicate card id '{card.id}' (also cards[{first[card.id]}])")
        first.setdefault(card.id, index)
    if report.problems:
        raise ContentError(report.problems)
    return deck
