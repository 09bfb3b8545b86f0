"""A session as xAPI statements (the e-learning standard), following the xAPI serious-games profile's
verbs and activity types where they fit: initialized, one 'selected' per move (its tags and its effect on
the score), one 'interacted' per buying-signal mark, then completed and passed or failed with the scaled
score. Statement ids are derived from the session, so sending the same session twice stores it once.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from typing import Any

from simulator.engine.conversation import Conversation
from simulator.engine.result import Result
from simulator.results.store import SessionRecord

BASE = "https://salesim.example"
VERBS = {
    "initialized": "http://adlnet.gov/expapi/verbs/initialized",
    "selected": "https://w3id.org/xapi/adb/verbs/selected",
    "interacted": "http://adlnet.gov/expapi/verbs/interacted",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
}
GAME = "https://w3id.org/xapi/seriousgames/activity-types/serious-game"
LEVEL = "https://w3id.org/xapi/seriousgames/activity-types/level"
ITEM = "https://w3id.org/xapi/seriousgames/activity-types/item"
INTERACTION = "http://adlnet.gov/expapi/activities/interaction"
EXT = f"{BASE}/xapi/extensions"


def statements(record: SessionRecord, conv: Conversation, result: Result) -> list[dict[str, Any]]:
    """Every statement of one session, in order."""
    session = uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE}/sessions/{record.id}")
    start = datetime.fromisoformat(record.started)
    actor = _actor(record)
    scenario = _scenario(record)
    context = {
        "registration": str(session),
        "platform": "Salesim",
        "language": record.language.value,
        "contextActivities": {"parent": [scenario], "category": [{"id": GAME_ACTIVITY, "objectType": "Activity"}]},
        "extensions": {f"{EXT}/seed": record.seed, f"{EXT}/mode": record.mode.value},
    }
    made: list[dict[str, Any]] = []

    def add(verb: str, obj: dict[str, Any], offset: int, result_part: dict[str, Any] | None = None) -> None:
        statement: dict[str, Any] = {
            "id": str(uuid.uuid5(session, str(len(made)))),
            "actor": actor,
            "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
            "object": obj,
            "context": context,
            "timestamp": (start + timedelta(seconds=offset)).isoformat(),
            "version": "1.0.3",
        }
        if result_part:
            statement["result"] = result_part
        made.append(statement)

    add("initialized", scenario, 0)
    marks = set(conv.marks)
    for turn in conv.turns:
        if turn.number - 1 in marks:
            add("interacted", _mark(record, turn.number - 1), turn.number)
        add("selected", _move(record, turn.move.id, turn.move.text), turn.number, _move_result(turn))
    end = len(conv.turns) + 1
    scaled = round(result.score / 100, 4)
    summary = {
        "score": {"scaled": scaled, "raw": result.score, "min": 0, "max": 100},
        "completion": conv.finished and conv.ended_by != "abandoned",
        "success": result.passed,
        "extensions": {f"{EXT}/grade": result.grade, f"{EXT}/outcome": result.outcome.value},
    }
    add("completed", scenario, end, summary)
    add("passed" if result.passed else "failed", scenario, end, summary)
    return made


GAME_ACTIVITY = f"{BASE}/game"


def _actor(record: SessionRecord) -> dict[str, Any]:
    name = record.student or "anonymous"
    return {"objectType": "Agent", "name": name, "account": {"homePage": f"{BASE}/students", "name": name}}


def _scenario(record: SessionRecord) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": f"{BASE}/scenarios/{record.scenario}",
        "definition": {
            "type": LEVEL,
            "name": {"nl-NL": record.scenario_title},
            "extensions": {f"{EXT}/scenario-version": record.scenario_version},
        },
    }


def _move(record: SessionRecord, move_id: str, text: str) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": f"{BASE}/scenarios/{record.scenario}/moves/{move_id.replace(':', '/')}",
        "definition": {"type": INTERACTION, "name": {"nl-NL": text[:200] or move_id}},
    }


def _mark(record: SessionRecord, customer_turn: int) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": f"{BASE}/scenarios/{record.scenario}/buying-signal-mark/{customer_turn}",
        "definition": {"type": ITEM, "name": {"en-US": f"buying signal marked at customer turn {customer_turn}"}},
    }


def _move_result(turn: Any) -> dict[str, Any]:
    move = turn.move
    tags = {
        "kind": move.kind.value,
        "question_type": move.question_type.value if move.question_type else None,
        "spin": move.spin.value if move.spin else None,
        "target": move.target,
        "parts": sorted(part.value for part in move.parts),
        "technique": move.technique.value if move.technique else None,
    }
    judgements = [{"check": j.check.value, "sign": j.sign, "reason": j.reason} for j in turn.judgements]
    return {
        "response": move.id,
        "extensions": {
            f"{EXT}/turn": turn.number,
            f"{EXT}/phase": turn.phase.value,
            f"{EXT}/tags": {key: value for key, value in tags.items() if value not in (None, [])},
            f"{EXT}/score-effect": turn.value,
            f"{EXT}/judgements": judgements,
        },
    }


def json_lines(items: list[dict[str, Any]]) -> str:
    """Statements as JSON lines."""
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
