"""Translation of UI text with gettext. Message ids are Dutch (the default); catalogues add languages.

No global state: callers ask for a translator and pass its ``gettext`` along.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from pathlib import Path

Gettext = Callable[[str], str]


def dutch(message: str) -> str:
    """The translator for Dutch: the message ids are Dutch already."""
    return message


DOMAIN = "salesim"
LANGUAGES = ("nl", "en")


def locale_dir() -> Path:
    """Folder holding the compiled catalogues (``<lang>/LC_MESSAGES/salesim.mo``)."""
    shipped = resources.files("simulator") / "assets" / "locale"
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[1] / "assets" / "locale"


def translator(language: str) -> gettext.NullTranslations:
    """The translations for a language; Dutch (the message ids themselves) needs none."""
    if language == "nl":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=str(locale_dir()), languages=[language], fallback=True)


def command_language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of the ``salesim`` command's own messages: ``--lang`` wherever it is given, else
    ``SALESIM_LANG``, else Dutch (like the game)."""
    for index, arg in enumerate(argv):
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in LANGUAGES:
            return value
    chosen = environ.get("SALESIM_LANG", "")
    return chosen if chosen in LANGUAGES else "nl"
