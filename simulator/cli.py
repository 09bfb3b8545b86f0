"""The ``salesim`` command: play, list and validate scenarios."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.engine.conversation import Playtest
from simulator.engine.vocabulary import BuyingSituation, Language, Mode, Phase
from simulator.engine.wording import localize
from simulator.i18n import Gettext, command_language, dutch, translator
from simulator.scenario.loader import find_scenario, list_shipped, load_scenario, validate_paths
from simulator.scenario.problems import ContentError

if TYPE_CHECKING:
    from simulator.scenario.analyze import AnalysisWarning
from simulator.session import session_seed

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def build_parser(_: Gettext = dutch) -> argparse.ArgumentParser:
    """The argument parser for every subcommand, its help in the command's language."""
    parser = argparse.ArgumentParser(
        prog="salesim", description=_("Salesim: oefen verkoopgesprekken met een gesimuleerde klant.")
    )
    sub = parser.add_subparsers(dest="command")
    play = sub.add_parser("play", help=_("speel een scenario"))
    play.add_argument("scenario", help=_("id van een meegeleverd scenario of pad naar een scenariobestand"))
    play.add_argument("--text", action="store_true", help=_("speel in de terminal"))
    play.add_argument(
        "--seed",
        type=int,
        default=None,
        help=_("seed voor een herhaalbaar gesprek (toets: standaard de exam_seed van het scenario)"),
    )
    play.add_argument("--mode", choices=[m.value for m in Mode], default=Mode.OEFENEN.value)
    play.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        default=None,
        help=_("taal van het gesprek en de meldingen"),
    )
    play.add_argument("--json", action="store_true", help=_("print het resultaat als één JSON-object"))
    play.add_argument("--fullscreen", action="store_true", help=_("open het venster op volledig scherm"))
    play.add_argument(
        "--from-phase",
        choices=[p.value for p in (Phase.OPENING, Phase.INFORMATIE, Phase.TRANSFORMATIE, Phase.AFSLUITING)],
        help=_("speeltest: begin in deze fase"),
    )
    play.add_argument(
        "--set",
        action="append",
        default=[],
        metavar=_("KEY=WAARDE"),
        help=_("speeltest: trust, readiness of patience (0-100)"),
    )
    play.add_argument("--student", default=None, help=_("naam of studentnummer (in de toets wordt ernaar gevraagd)"))
    play.add_argument("--data-dir", type=Path, default=None, help=_("map voor de sessiebestanden"))
    play.add_argument("--xapi", type=Path, default=None, help=_("schrijf de sessie als xAPI-statements (JSON lines)"))
    play.add_argument(
        "--lrs",
        default=None,
        help=_("stuur de statements naar dit LRS-endpoint (inlog uit SALESIM_LRS_USER/_PASSWORD)"),
    )
    debrief = sub.add_parser("debrief", help=_("toon de nabespreking van een bewaarde sessie"))
    debrief.add_argument("session", nargs="?", default=None, help=_("(begin van het) sessie-id; standaard de laatste"))
    debrief.add_argument("--data-dir", type=Path, default=None, help=_("map met de sessiebestanden"))
    export = sub.add_parser("export", help=_("schrijf de nabespreking van een bewaarde sessie als HTML-bestand"))
    export.add_argument("session", nargs="?", default=None, help=_("(begin van het) sessie-id; standaard de laatste"))
    export.add_argument("--html", type=Path, required=True, help=_("het HTML-bestand dat geschreven wordt"))
    export.add_argument("--data-dir", type=Path, default=None, help=_("map met de sessiebestanden"))
    report = sub.add_parser("report", help=_("klasoverzicht van sessiebestanden (CSV en/of HTML)"))
    report.add_argument("paths", nargs="+", type=Path, help=_("sessiebestanden of mappen daarmee"))
    report.add_argument("--csv", type=Path, default=None, help=_("CSV voor Excel (; en decimale komma)"))
    report.add_argument("--html", type=Path, default=None, help=_("overzicht als HTML-bestand"))
    listing = sub.add_parser("list", help=_("toon de meegeleverde scenario's"))
    listing.add_argument("--json", action="store_true")
    validate = sub.add_parser("validate", help=_("controleer scenario-, regel- en typologiebestanden"))
    validate.add_argument("paths", nargs="+", type=Path)
    validate.add_argument("--strict", action="store_true", help=_("waarschuwingen tellen als fouten"))
    validate.add_argument("--format", choices=["text", "json"], default="text")
    analyze = sub.add_parser("analyze", help=_("speel een scenario met bots en vat de uitkomsten samen"))
    analyze.add_argument("scenario")
    analyze.add_argument("--runs", type=int, default=200, help=_("gesprekken per bot"))
    analyze.add_argument("--seed", type=int, default=0)
    analyze.add_argument("--json", action="store_true")
    graph = sub.add_parser("graph", help=_("teken de fasen- en koopgedragmachine van een scenario"))
    graph.add_argument("scenario")
    graph.add_argument("--format", choices=["mermaid", "dot"], default="mermaid")
    sub.add_parser("schema", help=_("print het JSON Schema van een scenariobestand"))
    new = sub.add_parser("new", help=_("schrijf een nieuw, speelbaar scenario om aan te passen"))
    new.add_argument("name", help=_("naam (id) van het scenario: kleine letters, cijfers en _"))
    new.add_argument("--typology", default="A", help=_("klanttype (code uit de typologie, bijv. D, A of S)"))
    new.add_argument(
        "--situation", choices=[s.value for s in BuyingSituation], default=BuyingSituation.NIEUWE_AANKOOP.value
    )
    new.add_argument("--dir", type=Path, default=Path("."), help=_("map waarin het bestand komt (standaard: hier)"))
    for name, command in sub.choices.items():
        if name != "play":
            command.add_argument("--lang", choices=[lang.value for lang in Language], help=_("taal van de meldingen"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``salesim`` console script."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    language = Language(command_language(arguments, os.environ))
    _ = translator(language.value).gettext
    parser = build_parser(_)
    parser.add_argument(
        "--lang", choices=[lang.value for lang in Language], default=None, help=_("taal van het venster")
    )
    parser.add_argument("--fullscreen", action="store_true", help=_("open het venster op volledig scherm"))
    args = parser.parse_args(arguments)
    if args.command == "validate":
        return run_validate(args.paths, args.strict, args.format, _)
    if args.command == "list":
        return run_list(args.json, _)
    if args.command == "analyze":
        return run_analyze(args.scenario, args.runs, args.seed, args.json, language)
    if args.command == "graph":
        return run_graph(args.scenario, args.format)
    if args.command == "new":
        return run_new(args.name, args.typology, BuyingSituation(args.situation), args.dir, _)
    if args.command == "debrief":
        from simulator.results.commands import run_debrief
        from simulator.results.store import data_dir

        return run_debrief(args.session, data_dir(args.data_dir), sys.stdout, sys.stderr, language)
    if args.command == "report":
        from simulator.results.commands import run_report

        return run_report(args.paths, args.csv, args.html, sys.stdout, sys.stderr, language)
    if args.command == "export":
        from simulator.results.commands import run_export
        from simulator.results.store import data_dir

        return run_export(args.session, data_dir(args.data_dir), args.html, sys.stdout, sys.stderr, language)
    if args.command == "schema":
        from simulator.scenario.schema import schema_text

        sys.stdout.write(schema_text())
        return EXIT_OK
    playtest = _playtest(parser, args, _) if args.command == "play" else None
    if args.command == "play" and (args.text or args.json):
        records = (args.student, args.data_dir)
        xapi = (args.xapi, args.lrs)
        return run_play(
            args.scenario, args.seed, Mode(args.mode), args.lang, args.json, args.text, playtest, records, xapi, _
        )
    if args.command == "play":
        records = (args.student, args.data_dir)
        xapi = (args.xapi, args.lrs)
        return run_window(
            args.scenario, args.seed, Mode(args.mode), args.lang, args.fullscreen, playtest, records, xapi, _
        )
    return run_window(None, None, Mode.OEFENEN, args.lang, args.fullscreen, _=_)


def _playtest(parser: argparse.ArgumentParser, args: argparse.Namespace, _: Gettext) -> Playtest | None:
    """The --from-phase / --set playtest options (usage errors exit with 2)."""
    values: dict[str, float] = {}
    for item in args.set:
        key, _sign, raw = item.partition("=")
        if key not in ("trust", "readiness", "patience"):
            parser.error(_("--set {item}: gebruik trust=, readiness= of patience=").format(item=item))
        try:
            value = float(raw)
        except ValueError:
            parser.error(_("--set {item}: de waarde moet een getal van 0 tot en met 100 zijn").format(item=item))
        if not 0 <= value <= 100:
            parser.error(_("--set {item}: de waarde moet een getal van 0 tot en met 100 zijn").format(item=item))
        values[key] = value
    if args.from_phase is None:
        if values:
            parser.error(_("--set werkt alleen met --from-phase"))
        return None
    return Playtest(Phase(args.from_phase), **values)


def run_validate(paths: list[Path], strict: bool = False, fmt: str = "text", _: Gettext = dutch) -> int:
    """Validate files and folders: errors, then warnings (content the model can never use, missing text).

    Exit 1 when there are errors, or warnings with ``--strict``; ``--format json`` prints one list of
    ``{path, line, col, severity, code, message}``.
    """
    from simulator.scenario.lint import lint_paths, problem_to_dict

    errors = validate_paths(paths)
    warnings = lint_paths(paths)
    if fmt == "json":
        print(json.dumps([problem_to_dict(p) for p in [*errors, *warnings]], ensure_ascii=False, indent=2))
    else:
        for problem in [*errors, *warnings]:
            print(problem)
    failing = bool(errors) or (strict and bool(warnings))
    summary = _("{errors} fout(en), {warnings} waarschuwing(en).").format(errors=len(errors), warnings=len(warnings))
    ok = _("OK: {paths}").format(paths=", ".join(str(p) for p in paths))
    print(summary if failing or warnings else ok, file=sys.stderr)
    return EXIT_PROBLEMS if failing else EXIT_OK


def run_analyze(name: str, runs: int, seed: int, as_json: bool, language: Language = Language.NL) -> int:
    """Play ``runs`` conversations per bot and print the summary (with a progress bar on a terminal)."""
    from simulator.scenario.analyze import analyze

    _ = translator(language.value).gettext
    if runs < 1:
        print(_("--runs moet minstens 1 zijn"), file=sys.stderr)
        return EXIT_USAGE
    try:
        content = load_scenario(find_scenario(name))
    except ContentError as error:
        return _report(error)
    report = analyze(content, runs, seed, progress=_progress_bar() if sys.stderr.isatty() else None)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        warnings = [_warning_text(w, language) for w in report.warnings]
        print(_analysis_text(report.to_dict(), _, warnings))
    return EXIT_OK


def _progress_bar() -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        if done == total or done % max(1, total // 100) == 0:
            filled = round(30 * done / total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
            sys.stderr.flush()

    return show


def _warning_text(warning: AnalysisWarning, language: Language) -> str:
    _ = translator(language.value).gettext
    texts = {
        "expert_low": _("de mediaan van de expert-bot ({median}) ligt onder {limit}"),
        "random_high": _("de mediaan van de random-bot ({median}) haalt {limit}"),
        "habit_not_blamed": _(
            "{bot}: de rubric rekent de gewoonte maar in {share} van de gesprekken aan via '{check}'"
        ),
    }
    comma = language is Language.NL

    def shown(value: str | float) -> str:
        return f"{value}".replace(".", ",") if comma and isinstance(value, float) else str(value)

    return texts[warning.kind].format(**{key: shown(value) for key, value in warning.figures.items()})


def _analysis_text(data: dict[str, Any], _: Gettext, warnings: list[str]) -> str:
    head = _("Scenario {scenario}: {runs} gesprekken per bot (seed {seed})")
    lines = [head.format(scenario=data["scenario"], runs=data["runs"], seed=data["seed"]), ""]
    grades = _("cijfer {min}–{median}–{max}")
    facts = _("koopsignalen geraakt {hit} · gem. {turns} beurten · zakt vooral op: {failed}")
    for name, bot in data["bots"].items():
        outcomes = ", ".join(f"{k} {v:.0%}" for k, v in bot["outcomes"].items())
        hit = "—" if bot["signal_hit_rate"] is None else f"{bot['signal_hit_rate']:.0%}"
        failed = ", ".join(f"{k} {v:.0%}" for k, v in list(bot["failed_checks"].items())[:3]) or "—"
        lines.append(f"{name:<13} {grades.format(**bot['grade'])} · {outcomes}")
        lines.append(f"{'':<13} " + facts.format(hit=hit, turns=bot["mean_turns"], failed=failed))
    unseen = _("Nooit getoonde regels: {count}").format(count=len(data["unseen_lines"]))
    lines += ["", unseen] + [f"  {line}" for line in data["unseen_lines"]]
    lines += ["", _("Waarschuwingen:") if warnings else _("Geen waarschuwingen.")]
    lines += [f"  {warning}" for warning in warnings]
    return "\n".join(lines)


def run_new(name: str, typology: str, situation: BuyingSituation, folder: Path, _: Gettext = dutch) -> int:
    """Write a starting scenario and check that it loads."""
    from simulator.scenario.scaffold import scaffold

    try:
        path = scaffold(name, folder, typology, situation)
        load_scenario(path)
    except ContentError as error:
        return _report(error)
    print(_("{path} geschreven. Volgende stappen:").format(path=path))
    print(f"  salesim validate {path} --strict")
    print(f"  salesim analyze {path} --runs 500")
    print(f"  salesim play {path} --text --seed 1")
    return EXIT_OK


def run_graph(name: str, fmt: str) -> int:
    """Print the phase machine and the buying-stage machine of a scenario."""
    from simulator.scenario.graph import scenario_graph

    try:
        content = load_scenario(find_scenario(name))
    except ContentError as error:
        return _report(error)
    sys.stdout.write(scenario_graph(content, "dot" if fmt == "dot" else "mermaid"))
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
                "people": 1 + len(s.participants),
                "negotiation": s.negotiation is not None,
            }
        )
    return rows


def run_list(as_json: bool, _: Gettext = dutch) -> int:
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
        situation = row["buying_situation"].replace("_", " ")  # type: ignore[attr-defined]
        channel = {"face_to_face": _("bezoek"), "telefoon_actief": _("u belt"), "telefoon_passief": _("de klant belt")}
        level = _("niveau {level}").format(level=row["difficulty"])
        facts = f"{level} · type {row['typology']} · {situation} · {channel[str(row['channel'])]}"
        extras = [_("{count} personen").format(count=row["people"])] if row["people"] != 1 else []
        extras += [_("onderhandeling")] if row["negotiation"] else []
        print(f"{row['id']:<27} {row['title']}\n{'':27} {' · '.join([facts, *extras, langs])}")
    return EXIT_OK


def run_play(
    name: str,
    seed: int | None,
    mode: Mode,
    lang: str | None,
    as_json: bool,
    text: bool,
    playtest: Playtest | None = None,
    records: tuple[str | None, Path | None] = (None, None),
    xapi: tuple[Path | None, str | None] = (None, None),
    _: Gettext = dutch,
) -> int:
    """Play a scenario in the terminal; the session is kept in the data folder (and sent as xAPI)."""
    from simulator.results.commands import offer_interrupted, xapi_after
    from simulator.results.store import data_dir
    from simulator.text.play import play_text

    try:
        content = load_scenario(find_scenario(name))
    except ContentError as error:
        return _report(error)
    language = Language(lang) if lang else content.scenario.language
    if language not in content.scenario.languages:
        print(
            _("Scenario {name} is niet beschikbaar in taal {language}.").format(name=name, language=language.value),
            file=sys.stderr,
        )
        return EXIT_USAGE
    student, folder = records[0], data_dir(records[1])
    interactive = sys.stdin.isatty() and not as_json
    offer_interrupted(folder, language, sys.stdin, sys.stderr if as_json else sys.stdout, interactive)
    seed = session_seed(content, mode, seed)
    after = xapi_after(folder, xapi[0], xapi[1], sys.stderr, _)
    play_text(content, seed, mode, language, as_json, playtest=playtest, records=folder, student=student, after=after)
    return EXIT_OK


def run_window(
    scenario: str | None,
    seed: int | None,
    mode: Mode,
    lang: str | None,
    fullscreen: bool,
    playtest: Playtest | None = None,
    records: tuple[str | None, Path | None] = (None, None),
    xapi: tuple[Path | None, str | None] = (None, None),
    _: Gettext = dutch,
) -> int:
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
        print(
            _("Het spelvenster kan niet starten ({error}); speel in de terminal met --text.").format(error=error),
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    options = LaunchOptions(
        scenario=scenario,
        mode=mode,
        seed=seed,
        language=lang,
        fullscreen=fullscreen or None,
        playtest=playtest,
        data_dir=records[1],
        student=records[0],
        xapi=xapi[0],
        lrs=xapi[1],
    )
    from simulator.results.commands import flush_queue
    from simulator.results.lrs import Lrs
    from simulator.results.store import data_dir

    flush_queue(data_dir(records[1]), Lrs.from_environment(xapi[1]), sys.stderr, _)
    try:
        return open_window(options)
    except WindowUnavailable as error:
        print(
            _("Het spelvenster kan niet openen ({error}); speel in de terminal met --text.").format(error=error),
            file=sys.stderr,
        )
        return EXIT_PROBLEMS


def _report(error: ContentError) -> int:
    for problem in error.problems:
        print(problem, file=sys.stderr)
    return EXIT_PROBLEMS
