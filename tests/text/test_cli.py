"""The ``salesim`` command: play in text mode, list, validate, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.engine import Content, Conversation
from simulator.engine.result import score
from simulator.engine.vocabulary import Language, Mode
from simulator.i18n import command_language
from simulator.text.play import play_text
from tests.conftest import FIRST_SCENARIO
from tests.playbook import strong

ROOT = Path(__file__).resolve().parents[2]


def scripted_input(content: Content, seed: int) -> tuple[str, dict[str, object]]:
    """The stdin lines that replay the strong player's game, and that game's result."""
    conv = Conversation(content, seed=seed)
    lines = [""]
    conv.start()
    while not conv.finished:
        last = conv.turns[-1].reply if conv.turns else None
        move_id = strong(conv)
        index = [m.id for m in conv.offered].index(move_id) + 1
        marked = last is not None and last.signal_kind is not None and last.signal_kind.value == "koopsignaal"
        if marked:
            conv.mark_signal()
        lines.append(f"k{index}" if marked else str(index))
        conv.choose(move_id)
    return "\n".join(lines) + "\n", score(conv).to_dict()


def test_text_mode_replays_a_strong_game_to_the_same_result(
    content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin, expected = scripted_input(content, seed=11)
    result = play_text(content, 11, Mode.OEFENEN, Language.NL, as_json=True, stdin=io.StringIO(stdin))
    printed = json.loads(capsys.readouterr().out)
    assert printed == expected == result.to_dict()
    assert printed["outcome"] == "order" and printed["grade"] >= 7.5
    assert {"grade", "score", "checks", "signals", "outcome", "seed", "moves"} <= printed.keys()


def test_text_mode_shows_words_cues_moves_and_the_debrief(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    stdin, _ = scripted_input(content, seed=4)
    play_text(content, 4, Mode.OEFENEN, Language.NL, as_json=False, stdin=io.StringIO(stdin))
    out = capsys.readouterr().out
    assert content.scenario.customer.name + ":" in out
    assert "k = Koopsignaal!" in out and "1. " in out
    assert "Gemarkeerd als koopsignaal." in out
    for heading in ("NABESPREKING", "RUBRIC", "KOOPSIGNALEN", "GESPREKSVERLOOP", "DE DRIE BEURTEN"):
        assert heading in out
    assert "Cijfer:" in out and "beurten:" in out


def test_text_mode_speaks_english_when_asked(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    play_text(content, 4, Mode.TOETS, Language.EN, as_json=False, stdin=io.StringIO("\n1\n"))
    out = capsys.readouterr().out
    assert "DEBRIEF" in out and "Grade:" in out and "NABESPREKING" not in out
    assert "Mood:" not in out and "Tip:" not in out, "exam mode shows no mood indicator and no hints"


def test_practice_mode_gives_a_tip_after_a_mistake(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    conv = Conversation(content, seed=5)
    conv.start()
    close = [m.id for m in conv.offered].index("close:direct") + 1
    play_text(content, 5, Mode.OEFENEN, Language.NL, as_json=False, stdin=io.StringIO(f"\n{close}\n"))
    assert "Tip: afsluiten voordat de klant enig koopsignaal gaf" in capsys.readouterr().out


def test_end_of_input_abandons_the_session_but_still_scores(
    content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    result = play_text(content, 5, Mode.OEFENEN, Language.NL, as_json=True, stdin=io.StringIO("\n2\n"))
    printed = json.loads(capsys.readouterr().out)
    assert result.outcome.value == printed["outcome"] == "afgebroken"
    assert printed["turns"] == 1 and 1.0 <= printed["grade"] <= 10.0


def test_bad_input_is_asked_again(content: Content, capsys: pytest.CaptureFixture[str]) -> None:
    play_text(content, 5, Mode.OEFENEN, Language.NL, as_json=False, stdin=io.StringIO("9 9\n\nx\n99\nq\n"))
    out = capsys.readouterr().out
    assert "Dat kan niet" in out and "Kies een nummer van 1 tot" in out


def test_list_json_has_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    first = next(row for row in rows if row["id"] == FIRST_SCENARIO)
    keys = {"id", "title", "typology", "buying_situation", "channel", "difficulty", "languages", "people"}
    assert set(first) == keys | {"negotiation"}
    assert first["languages"] == ["nl", "en"] and first["typology"] == "A"
    assert (first["people"], first["negotiation"]) == (1, False)


def test_validate_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["validate", str(ROOT / "scenarios")]) == 0
    broken = tmp_path / "kapot.yaml"
    broken.write_text("kind: scenario\nschema_version: 1\n", encoding="utf-8")
    assert main(["validate", str(broken)]) == 1
    assert f"{broken}:1:1:" in capsys.readouterr().out
    with pytest.raises(SystemExit) as usage:
        main(["validate"])
    assert usage.value.code == 2


@pytest.mark.parametrize("entry", [["-m", "simulator"], [str(ROOT / "main.py")]])
def test_the_launchers_run_the_same_command(entry: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, *entry, "play", FIRST_SCENARIO, "--text", "--seed", "3", "--json"],
        input="\n1\n2\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["seed"] == 3


def test_a_text_playtest_starts_in_the_chosen_phase(capsys: pytest.CaptureFixture[str]) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "simulator",
            "play",
            FIRST_SCENARIO,
            "--text",
            "--seed",
            "2",
            "--from-phase",
            "afsluiting",
            "--set",
            "readiness=70",
            "--set",
            "trust=80",
        ],
        input="\nq\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "beurt 0 · Afsluiting" in done.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--set", "trust=5"],
        ["--from-phase", "opening", "--set", "geld=5"],
        ["--from-phase", "opening", "--set", "trust=500"],
    ],
)
def test_playtest_usage_errors_exit_2(args: list[str]) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["play", FIRST_SCENARIO, "--text", *args])
    assert usage.value.code == 2


def test_the_command_speaks_dutch_by_default_and_english_when_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SALESIM_LANG", raising=False)
    assert main(["analyze", "werkplekadvies_hofstede", "--runs", "2"]) == 0
    assert "gesprekken per bot" in capsys.readouterr().out
    assert main(["analyze", "werkplekadvies_hofstede", "--runs", "2", "--lang", "en"]) == 0
    assert "conversations per bot" in capsys.readouterr().out
    monkeypatch.setenv("SALESIM_LANG", "en")
    assert main(["list"]) == 0
    assert "level 2" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["play", "werkplekadvies_hofstede", "--text", "--set", "trust=500", "--from-phase", "opening"])
    assert "a number from 0 to 100" in capsys.readouterr().err


def test_the_command_language_comes_from_the_flag_then_the_environment() -> None:
    assert command_language(["list"], {}) == "nl"
    assert command_language(["list"], {"SALESIM_LANG": "en"}) == "en"
    assert command_language(["list", "--lang", "nl"], {"SALESIM_LANG": "en"}) == "nl"
    assert command_language(["--lang=en", "list"], {}) == "en"
    assert command_language(["list"], {"SALESIM_LANG": "fr"}) == "nl"
