"""Instructor commands: schema, graph and analyze — exit codes, output formats, reproducibility."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.scenario.loader import list_shipped
from simulator.scenario.schema import SCHEMA_COMMENT, SCHEMA_FILE, schema_text

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "werkplekadvies_hofstede"


def test_the_shipped_schema_is_current_and_printed(capsys: pytest.CaptureFixture[str]) -> None:
    shipped = (ROOT / "scenarios" / SCHEMA_FILE).read_text(encoding="utf-8")
    assert shipped == schema_text(), "run: salesim schema > scenarios/scenario.schema.json"
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["$defs"]["Need"]["properties"]["hook"]["description"]


def test_every_shipped_scenario_points_editors_at_the_schema() -> None:
    for path in list_shipped():
        assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_COMMENT, path


@pytest.mark.skipif(shutil.which("check-jsonschema") is None, reason="check-jsonschema comes with the test extras")
def test_an_independent_validator_accepts_every_shipped_scenario() -> None:
    files = [str(path) for path in list_shipped()]
    done = subprocess.run(
        ["check-jsonschema", "--schemafile", str(ROOT / "scenarios" / SCHEMA_FILE), *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(("fmt", "marker"), [("mermaid", "stateDiagram-v2"), ("dot", "digraph")])
def test_graph_draws_both_machines(capsys: pytest.CaptureFixture[str], fmt: str, marker: str) -> None:
    assert main(["graph", SCENARIO, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert out.count(marker) == 2
    for name in (
        "VOORBEREIDING",
        "OPENING",
        "INFORMATIE",
        "TRANSFORMATIE",
        "AFSLUITING",
        "RELATIE",
        "ATTENTION",
        "ACTION",
    ):
        assert name in out


def test_graph_of_an_unknown_scenario_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "bestaat_niet"]) == 1
    assert "bestaat_niet" in capsys.readouterr().err


def test_analyze_is_reproducible_and_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", SCENARIO, "--runs", "12", "--seed", "5", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["analyze", SCENARIO, "--runs", "12", "--seed", "5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == first
    assert first["scenario"] == SCENARIO and first["runs"] == 12
    assert set(first["bots"]) == {"random", "greedy", "expert", "pitcher", "no-followup", "never-closer", "over-closer"}
    for bot in first["bots"].values():
        assert {"grade", "outcomes", "signal_hit_rate", "failed_checks"} <= set(bot)
        assert set(bot["grade"]) == {"min", "median", "max"}
    assert isinstance(first["unseen_lines"], list) and isinstance(first["warnings"], list)


def test_analysis_warnings_in_english_json_and_in_the_text_in_the_command_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # one run of random play on this scenario happens to reach a 6,1: the random-bot warning
    args = ["analyze", "acquisitie_werkkleding", "--runs", "1"]
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == ["random median grade 6.1 reaches 5.5"]
    assert main(args) == 0
    assert "de mediaan van de random-bot (6,1) haalt 5,5" in capsys.readouterr().out
    assert main([*args, "--lang", "en"]) == 0
    assert "the random bot's median grade (6.1) reaches 5.5" in capsys.readouterr().out


def test_the_shipped_scenario_is_balanced(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", SCENARIO, "--runs", "40", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["warnings"] == []
    assert report["bots"]["expert"]["grade"]["median"] >= 8.0
    assert report["bots"]["random"]["grade"]["median"] < 5.5
    assert report["bots"]["pitcher"]["failed_checks"]["fasediscipline"] >= 0.5
    assert report["bots"]["no-followup"]["failed_checks"]["doorvragen"] >= 0.5


def test_analyze_refuses_zero_runs() -> None:
    assert main(["analyze", SCENARIO, "--runs", "0"]) == 2


def test_new_writes_a_valid_playable_scenario_the_expert_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "new",
                "koffie_test",
                "--dir",
                str(tmp_path),
                "--typology",
                "D",
                "--situation",
                "gewijzigde_herhalingsaankoop",
            ]
        )
        == 0
    )
    path = tmp_path / "koffie_test.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_COMMENT) and (tmp_path / SCHEMA_FILE).exists()
    assert "typology: D" in text and "gewijzigde_herhalingsaankoop" in text and "# " in text
    assert main(["validate", str(path)]) == 0
    capsys.readouterr()
    assert main(["analyze", str(path), "--runs", "25", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["bots"]["expert"]["grade"]["median"] >= 8.0
    assert report["bots"]["expert"]["outcomes"].get("order", 0) >= 0.8


def test_new_refuses_bad_names_and_existing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "Koffie Test", "--dir", str(tmp_path)]) == 1
    assert main(["new", "koffie", "--dir", str(tmp_path)]) == 0
    assert main(["new", "koffie", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err


def _with_bad_hook(tmp_path: Path) -> Path:
    text = (ROOT / "scenarios" / f"{SCENARIO}.yaml").read_text(encoding="utf-8")
    path = tmp_path / "haak.yaml"
    path.write_text(text.replace('hook:\n      nl: "soepel"', 'hook:\n      nl: "vlot"', 1), encoding="utf-8")
    return path


def test_validate_separates_warnings_and_strict_makes_them_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(ROOT / "scenarios" / f"{SCENARIO}.yaml"), "--strict"]) == 0
    path = _with_bad_hook(tmp_path)
    assert main(["validate", str(path)]) == 0
    assert "warning:" in capsys.readouterr().out
    assert main(["validate", str(path), "--strict", "--format", "json"]) == 1
    items = json.loads(capsys.readouterr().out)
    assert items and all(set(item) == {"path", "line", "col", "severity", "code", "message"} for item in items)
    assert {item["code"] for item in items} == {"hook-not-in-statement"}


GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def _golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; SALESIM_UPDATE_GOLDEN=1 rewrites it."""
    import os

    path = GOLDEN / name
    if os.environ.get("SALESIM_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"differs from {path}; SALESIM_UPDATE_GOLDEN=1 to accept"


def test_golden_graph(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", SCENARIO]) == 0
    _golden("graph.mmd", capsys.readouterr().out)


def test_golden_validate_of_the_broken_fixtures(capsys: pytest.CaptureFixture[str]) -> None:
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "broken"
    assert main(["validate", str(fixtures)]) == 1
    out = capsys.readouterr().out.replace(str(fixtures), "tests/fixtures/broken")
    _golden("validate_broken.txt", out)
