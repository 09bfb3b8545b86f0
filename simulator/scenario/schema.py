"""The JSON Schema of a scenario file, generated from the typed models (every field's description included).

Editors use it for completion and inline errors: a scenario's first line
``# yaml-language-server: $schema=./scenario.schema.json`` points VS Code's YAML extension at the copy in
``scenarios/``. ``salesim schema`` prints it; a test keeps that copy current.
"""

from __future__ import annotations

import json
from typing import Any

from simulator.engine.content import Scenario

SCHEMA_FILE = "scenario.schema.json"
SCHEMA_COMMENT = f"# yaml-language-server: $schema=./{SCHEMA_FILE}"


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario file."""
    schema = Scenario.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://salesim.invalid/scenario.schema.json",
        "title": "Salesim scenario",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    """The schema as the JSON text that is shipped and printed."""
    return json.dumps(scenario_schema(), ensure_ascii=False, indent=2) + "\n"
