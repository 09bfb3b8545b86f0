"""The player's settings (language, text size, fullscreen), kept between runs in the user config folder.

Written atomically (temporary file, fsync, rename); a corrupt file falls back to the defaults and is set
aside, never a crash. ``SALESIM_CONFIG_DIR`` overrides the folder (tests, shared classroom machines).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Literal

from platformdirs import user_config_dir

TextSize = Literal["normaal", "groot"]
TEXT_SCALE: dict[str, float] = {"normaal": 1.0, "groot": 1.3}


@dataclass(frozen=True)
class Settings:
    """What the player chose in the settings screen."""

    language: str = "nl"
    text_size: TextSize = "normaal"
    fullscreen: bool = False

    @property
    def text_scale(self) -> float:
        """Factor on every font size."""
        return TEXT_SCALE[self.text_size]

    def with_changes(self, **changes: object) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


def settings_path() -> Path:
    """Where the settings live: ``$SALESIM_CONFIG_DIR`` or the platform's user config folder."""
    folder = os.environ.get("SALESIM_CONFIG_DIR") or user_config_dir("salesim", appauthor=False)
    return Path(folder) / "settings.json"


def load_settings(path: Path) -> tuple[Settings, str | None]:
    """The saved settings (defaults when absent) and a message if the file was unusable."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), None
    except (OSError, ValueError) as error:
        return Settings(), _set_aside(path, error)
    try:
        settings = Settings(
            language=raw["language"] if raw.get("language") in ("nl", "en") else "nl",
            text_size=raw["text_size"] if raw.get("text_size") in TEXT_SCALE else "normaal",
            fullscreen=bool(raw.get("fullscreen", False)),
        )
    except (AttributeError, TypeError) as error:
        return Settings(), _set_aside(path, error)
    return settings, None


def save_settings(settings: Settings, path: Path) -> None:
    """Write the settings atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(asdict(settings), stream, indent=2)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _set_aside(path: Path, error: Exception) -> str:
    target = path.with_suffix(".corrupt.json")
    try:
        os.replace(path, target)
    except OSError:
        return f"{path}: unreadable settings ({error}); using defaults"
    return f"{path}: unreadable settings ({error}); moved to {target.name}, using defaults"
