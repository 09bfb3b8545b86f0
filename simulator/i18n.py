"""Translation of UI text with gettext. Message ids are Dutch (the default); catalogues add languages.

No global state: callers ask for a translator and pass its ``gettext`` along.
"""

from __future__ import annotations

import gettext
from importlib import resources
from pathlib import Path

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
