"""``salesim new``: write a commented, valid, playable starting scenario for an instructor to edit."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from simulator.engine.vocabulary import BuyingSituation
from simulator.scenario.problems import ContentError, Problem
from simulator.scenario.schema import SCHEMA_FILE, schema_text

NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def template_text() -> str:
    """The scaffold template shipped with the package."""
    return (resources.files("simulator.scenario") / "templates" / "nieuw.yaml").read_text(encoding="utf-8")


def scaffold(name: str, folder: Path, typology: str = "A", situation: BuyingSituation | None = None) -> Path:
    """Write ``folder/name.yaml`` (and the JSON Schema beside it when missing); return the new file."""
    target = folder / f"{name}.yaml"
    if not NAME.match(name):
        raise ContentError(
            [Problem(name, 1, 1, "a scenario name uses lowercase letters, digits and _ and starts with a letter")]
        )
    if target.exists():
        raise ContentError([Problem(str(target), 1, 1, "already exists; choose another name or remove it first")])
    text = (
        template_text()
        .replace("__ID__", name)
        .replace("__TYPOLOGY__", typology)
        .replace("__SITUATION__", (situation or BuyingSituation.NIEUWE_AANKOOP).value)
    )
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    schema = folder / SCHEMA_FILE
    if not schema.exists():
        schema.write_text(schema_text(), encoding="utf-8")
    return target
