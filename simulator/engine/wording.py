"""Resolving authored text: a language, a fallback line, a seeded choice among variants."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from simulator.engine.content import LocalText, Rulebook, Scenario
from simulator.engine.vocabulary import Language


def localize(text: LocalText, language: Language, default: Language) -> str:
    """The text in ``language``, else in the content's default language, else any."""
    if isinstance(text, str):
        return text
    for lang in (language, default):
        if lang in text:
            return text[lang]
    return next(iter(text.values()), "")


@dataclass(frozen=True, slots=True)
class Wording:
    """Picks the words for the customer and the student from a scenario and its rulebook."""

    scenario: Scenario
    rulebook: Rulebook
    language: Language
    _customer_lines: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    """Each customer line's variants, in the language, looked up once."""

    def text(self, value: LocalText) -> str:
        """One authored text in the session's language."""
        return localize(value, self.language, self.scenario.language)

    def address(self, name: str) -> str:
        """How a move addressed to one person at a meeting starts ('Aan Kees Vos:')."""
        return f"To {name}:" if self.language is Language.EN else f"Aan {name}:"

    def customer(self, key: str, rng: random.Random) -> str:
        """A customer line: one of the scenario's own variants if it has them, else of the rulebook's."""
        variants = self._customer_lines.get(key)
        if variants is None:
            own: list[LocalText] | None = getattr(self.scenario.customer_lines, key)
            lines = own or getattr(self.rulebook.customer_lines, key)
            variants = self._customer_lines[key] = [self.text(line) for line in lines or []]
        if not variants:
            return ""
        return variants[rng.randrange(len(variants))]

    def student_variants(self, key: str) -> list[str]:
        """All variants of a student move text."""
        own: list[LocalText] | None = getattr(self.scenario.student_lines, key)
        lines = own if own else getattr(self.rulebook.student_lines, key)
        return [self.text(line) for line in lines or []]
