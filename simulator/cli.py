"""The ``salesim`` command: play, list and validate scenarios."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from simulator.engine.vocabulary import Language, Mode
from simulator.engine.wording import localize
from simulator.scenario.loader import find_scenario, list_shipped, load_scenario, validate_paths
from simulator.scenario.problems import ContentError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="salesim", description="Salesim: oefen verkoopgesprekken met een gesimuleerde klant."
    )
    sub = parser.add_subparsers(dest="command")
    play = sub.add_parser("play", help="speel een scenario")
    play.add_argument("scenario", help="id van een meegeleverd scenario of pad naar een scenariobestand")
    play.add_argument("--text", action="store_true", help="speel in de terminal")
    play.add_argument(
        "--seed",
        type=int,
        default=None,
        help="seed voor een herhaalbaar gesprek (toets: standaard de exam_seed van het scenario)",
    )
    play.add_argument("--mode", choices=[m.value for m in Mode], default=Mode.OEFENEN.value)
    play.add_argument("--lang", choices=[lang.value for lang in Language], default=None)
    play.add_argument("--json", action="store_true", help="print het resultaat als één JSON-object")
    play.add_argument("--fullscreen", action="store_true", help="open het venster op volledig scherm")
    listing = sub.add_parser("list", help="toon de meegeleverde scenario's")
    listing.add_argument("--json", action="store_true")
    validate = sub.add_parser("validate", help="controleer scenario-, regel- en typologiebestanden")
    validate.add_argument("paths", nargs="+", type=Path)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``salesim`` console script."""
    parser = build_parser()
    parser.add_argument("--lang", choices=[lang.value for lang in Language], default=None, help="taal van het venster")
    parser.add_argument("--fullscreen", action="store_true", help="open het venster op volledig scherm")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return run_validate(args.paths)
    if args.command == "list":
        return run_list(args.json)
    if args.command == "play" and (args.text or args.json):
        return run_play(args.scenario, args.seed, Mode(args.mode), args.lang, args.json, args.text)
    if args.command == "play":
        return run_window(args.scenario, args.seed, Mode(args.mode), args.lang, args.fullscreen)
    return run_window(None, None, Mode.OEFENEN, args.lang, args.fullscreen)


def run_validate(paths: list[Path]) -> int:
    """Validate files and folders; print every problem as ``path:line:col: message``."""
    problems = validate_paths(paths)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"OK: {', '.join(str(p) for p in paths)}", file=sys.stderr)
    return EXIT_OK


def scenario_rows() -> list[dict[str, object]]:
    """The shipped scenarios as the objects ``salesim list --json`` prints."""
    rows: list[dict[str, object]] = []
    for path in list_shipped():
        content = load_scenario(path)
        s = content.scenario
        rows.append(
            {
                "id": path.stem,
                "title": localize(s.title, s.language, s.language),
                "typology": s.customer.typology,
                "buying_situation": s.buying_situation.value,
                "channel": s.channel.value,
                "difficulty": s.difficulty,
                "languages": [lang.value for lang in s.languages],
            }
        )
    return rows


def run_list(as_json: bool) -> int:
    """List the shipped scenarios."""
    try:
        rows = scenario_rows()
    except ContentError as error:
        return _report(error)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        langs = "/".join(str(lang) for lang in row["languages"])  # type: ignore[attr-defined]
        facts = f"niveau {row['difficulty']}, {row['buying_situation']}, {row['channel']}, {langs}"
        print(f"{row['id']:<32} {row['title']}  [{facts}]")
    return EXIT_OK


def run_play(name: str, seed: int | None, mode: Mode, lang: str | None, as_json: bool, text: bool) -> int:
    """Play a scenario in the terminal (the window comes with the game-window issue)."""
    from simulator.text.play import play_text

    try:
        content = load_scenario(find_scenario(name))
    except ContentError as error:
        return _report(error)
    language = Language(lang) if lang else content.scenario.language
    if language not in content.scenario.languages:
        print(f"scenario {name!r} is not available in {language.value}", file=sys.stderr)
        return EXIT_USAGE
    if seed is None and mode is Mode.TOETS:
        seed = content.scenario.exam_seed
    play_text(content, _seed(seed), mode, language, as_json)
    return EXIT_OK


def run_window(scenario: str | None, seed: int | None, mode: Mode, lang: str | None, fullscreen: bool) -> int:
    """Open the game window (title screen, or the scenario's preparation)."""
    if scenario is not None:
        try:
            find_scenario(scenario)
        except ContentError as error:
            return _report(error)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        from simulator.ui.app import LaunchOptions
        from simulator.ui.run import WindowUnavailable
        from simulator.ui.run import run_window as open_window
    except ImportError as error:
        print(f"het spelvenster kan niet starten ({error}); speel in de terminal met --text", file=sys.stderr)
        return EXIT_PROBLEMS
    options = LaunchOptions(scenario=scenario, mode=mode, seed=seed, language=lang, fullscreen=fullscreen or None)
    try:
        return open_window(options)
    except WindowUnavailable as error:
        print(f"het spelvenster kan niet openen ({error}); speel in de terminal met --text", file=sys.stderr)
        return EXIT_PROBLEMS


def _seed(seed: int | None) -> int:
    if seed is not None:
        return seed
    import secrets

    return secrets.randbelow(1_000_000)


def _report(error: ContentError) -> int:
    for problem in error.problems:
        print(problem, file=sys.stderr)
    return EXIT_PROBLEMS
