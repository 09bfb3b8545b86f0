"""A complaint (klacht) raised with the greeting: the after-sales conversation starts with it."""

from __future__ import annotations

from simulator.engine import Content, Conversation
from simulator.engine.content import Objection, ObjectionTrigger
from simulator.engine.vocabulary import ObjectionType, Technique


def with_complaint(content: Content) -> Content:
    complaint = Objection(
        id="storing",
        type=ObjectionType.KLACHT,
        trigger=ObjectionTrigger(on="opening"),
        text="De bureaus die u vorige maand leverde, gaan niet meer omhoog. Ik ben er klaar mee.",
        probe="Dat is vervelend. Wat gebeurt er precies als u ze bedient?",
        probe_answer="Drie bureaus reageren niet meer op de knop, sinds de stroomstoring van vorige week.",
        answers={
            Technique.BEVESTIGEN: "U hebt gelijk dat dit niet zo hoort. Ik stuur morgen een monteur.",
            Technique.ONTKENNEN: "Dat kan niet aan onze bureaus liggen.",
        },
        resolved="Goed. Als hij morgen komt, is het voor mij opgelost.",
        unresolved="Dat hoor ik vaker.",
    )
    scenario = content.scenario.model_copy(update={"objections": [complaint, *content.scenario.objections]})
    return content.model_copy(update={"scenario": scenario})


def test_the_complaint_comes_with_the_greeting_and_its_handling_is_on_offer(content: Content) -> None:
    conv = Conversation(with_complaint(content), seed=5)
    greeting = conv.start()
    assert "Ik ben er klaar mee." in greeting.text
    assert "objection:storing" in greeting.informative
    assert conv.state.open_objection() == "storing"
    offered = {m.id for m in conv.offered}
    assert "objection:storing:doorvragen" in offered
    assert "objection:storing:bevestigen" in offered


def test_listening_first_then_acknowledging_takes_the_complaint_away(content: Content) -> None:
    conv = Conversation(with_complaint(content), seed=5)
    conv.start()
    assert "sinds de stroomstoring" in conv.choose("objection:storing:doorvragen").text
    reply = conv.choose("objection:storing:bevestigen")
    assert "opgelost" in reply.text
    assert conv.state.open_objection() is None


def test_denying_a_complaint_does_not_work(content: Content) -> None:
    conv = Conversation(with_complaint(content), seed=5)
    conv.start()
    before = conv.state.mood.trust
    while "objection:storing:ontkennen" not in {m.id for m in conv.offered}:
        conv = Conversation(with_complaint(content), seed=conv.seed + 1)
        conv.start()
    reply = conv.choose("objection:storing:ontkennen")
    assert "Dat hoor ik vaker." in reply.text
    assert conv.state.open_objection() == "storing"
    assert conv.state.mood.trust <= before
