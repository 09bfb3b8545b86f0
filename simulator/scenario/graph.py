"""Draw the conversation's phase machine and the customer's buying-stage machine (Mermaid or DOT).

The diagrams come from the same transition tables the engine's ``transitions`` machines are built from,
drawn by ``transitions``' own GraphMachine (Mermaid needs no Graphviz; DOT needs only the ``graphviz``
Python package to write the source).
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Literal

from transitions.extensions.diagrams import GraphMachine

from simulator.engine.content import Content
from simulator.engine.machines import PHASE_TRANSITIONS, stage_enum, stage_transitions
from simulator.engine.vocabulary import Phase

GraphFormat = Literal["mermaid", "dot"]


class _Model:
    """What GraphMachine attaches its state and graph to."""


def _draw(title: str, states: type[Enum], transitions: list[dict[str, Any]], fmt: GraphFormat) -> str:
    model = _Model()
    engine: Literal["mermaid", "graphviz"] = "mermaid" if fmt == "mermaid" else "graphviz"
    GraphMachine(
        model=model,
        states=states,
        transitions=transitions,
        initial=next(iter(states)),
        auto_transitions=False,
        graph_engine=engine,
        title=title,
    )
    graph = model.get_graph()  # type: ignore[attr-defined]
    text: str = graph.draw(None) if fmt == "mermaid" else graph.source
    return text.rstrip() + "\n"


def scenario_graph(content: Content, fmt: GraphFormat = "mermaid") -> str:
    """Both machines of a scenario as one text: the phases (VOITAR), then the buying stages."""
    model = content.scenario.buying_model
    stages = stage_enum(content.rulebook.buying_models[model])
    phases = _draw("Gespreksfasen (VOITAR)", Phase, PHASE_TRANSITIONS, fmt)
    buying = _draw(f"Koopgedrag ({model})", stages, stage_transitions(stages), fmt)
    return f"{phases}\n{buying}"
