"""Checks for a scenario's price negotiation: a BAZO below the quote, unique concessions, a demand that
concessions can meet."""

from __future__ import annotations

from simulator.engine.content import Rulebook, Scenario
from simulator.scenario.problems import Report


def check_negotiation(scenario: Scenario, rulebook: Rulebook, report: Report) -> None:
    """The negotiation's numbers fit the quote and each other."""
    terms = scenario.negotiation
    if terms is None:
        return
    quote = scenario.product.deal_value
    if terms.walk_away >= quote:
        report.at(
            ("negotiation", "walk_away"), f"the BAZO ({terms.walk_away}) must be below the quote's value ({quote})"
        )
    if terms.demand_cost > quote:
        report.at(("negotiation", "demand_cost"), f"the demand cannot cost more than the quote's value ({quote})")
    seen: dict[str, int] = {}
    for index, concession in enumerate(terms.concessions):
        if concession.id in seen:
            where = ("negotiation", "concessions", index, "id")
            report.at(where, f"duplicate id '{concession.id}' (also negotiation.concessions[{seen[concession.id]}])")
        seen.setdefault(concession.id, index)
    reachable = sum(c.value for c in terms.concessions) + rulebook.negotiation.hold_value
    if reachable < terms.needed:
        message = (
            f"the concessions and holding the price are worth {reachable:g} at most: the customer can never "
            f"be satisfied without the whole demand"
        )
        report.at(("negotiation", "needed"), message)
