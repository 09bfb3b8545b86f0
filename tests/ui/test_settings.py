"""Settings survive a restart; a corrupt file is set aside with a message, never a crash."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from simulator.ui.app import App
from simulator.ui.settings import Settings, load_settings, save_settings, settings_path


def test_settings_are_saved_and_read_back(config_dir: Path) -> None:
    path = settings_path()
    assert path.parent == config_dir
    save_settings(Settings(language="en", text_size="groot", fullscreen=True), path)
    loaded, notice = load_settings(path)
    assert loaded == Settings(language="en", text_size="groot", fullscreen=True) and notice is None


def test_a_corrupt_settings_file_is_set_aside(config_dir: Path) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    loaded, notice = load_settings(path)
    assert loaded == Settings() and notice and "corrupt" in notice
    assert path.with_suffix(".corrupt.json").exists() and not path.exists()


def test_changing_settings_in_the_app_persists(make_app: Callable[..., App]) -> None:
    app = make_app()
    app.change_settings(language="en", text_size="groot")
    assert app._("Spelen") == "Play" or app._("Instellingen") != "Instellingen"
    again = make_app()
    assert again.settings.language == "en" and again.settings.text_size == "groot"
