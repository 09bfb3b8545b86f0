"""The after-action review: four questions with the game's answers, built from a scored conversation.

Pure text (no pygame): the window and any report can show it. Sentences are Dutch message ids.
"""

from __future__ import annotations

from simulator.engine.conversation import Conversation
from simulator.engine.result import Result
from simulator.engine.vocabulary import CheckId, Language, NeedState
from simulator.engine.wording import localize
from simulator.messages import CHECK_NAMES, N_, OUTCOMES, Gettext, dislike_texts, reasons_text

ADVICE: dict[CheckId, str] = {
    CheckId.LUISTEREN: N_("Bouw voort op wat de klant net zei: vraag door, vat samen of beantwoord de vraag."),
    CheckId.SAMENVATTEN: N_("Vat samen voordat je gaat argumenteren, en alleen wat de klant echt zei."),
    CheckId.DOORVRAGEN: N_(
        "Hoor je een vaag of emotioneel woord (een haakje)? Vraag door: 'Wat bedoelt u precies met …?'"
    ),
    CheckId.KOOPSIGNALEN: N_(
        "Let op vragen over levering, garantie, prijs en contract, en op de pen of de prijslijst: markeer ze."
    ),
    CheckId.VRAAGTECHNIEK: N_("Stel open vragen in de informatiefase; vermijd suggestieve vragen."),
    CheckId.ARGUMENTATIE: N_(
        "Argumenteer per behoefte: kenmerk, voordeel, baat voor déze klant, bewijs en een controlevraag."
    ),
    CheckId.BEZWAREN: N_("Vraag eerst door op een bezwaar; zoek de echte reden en kies dan een passende techniek."),
    CheckId.FASEDISCIPLINE: N_("Presenteer pas als de klant zijn behoeften heeft genoemd."),
    CheckId.AFSLUITMOMENT: N_(
        "Sluit af na een koopsignaal, niet ervoor, en vraag wel om de order of een concrete vervolgstap."
    ),
    CheckId.SIGNAAL_BENUTTEN: N_("Stop met praten zodra de klant een koopsignaal geeft, en sluit af."),
    CheckId.TYPOLOGIE: N_("Stem je aanpak af op het type klant: tempo, small talk, bewijs, druk."),
    CheckId.ONDERHANDELEN: N_(
        "Vraag eerst naar het belang achter de eis, ruil concessies (als u …, dan …) in plaats van ze weg te "
        "geven, en blijf boven je BAZO."
    ),
    CheckId.DMU: N_(
        "Spreek iedereen aan tafel aan op zijn eigen rol: de gebruiker over het gebruik, de beslisser over het "
        "resultaat; vraag de beslisser pas om de order als ook de anderen overtuigd zijn."
    ),
    CheckId.RESULTAAT: N_("Werk toe naar een order of een concrete vervolgafspraak."),
}

QUESTIONS = (
    N_("Wat had er moeten gebeuren?"),
    N_("Wat gebeurde er?"),
    N_("Waarom verschilde het?"),
    N_("Wat doe je volgende keer?"),
)


def after_action_review(result: Result, conv: Conversation, _: Gettext) -> list[tuple[str, str]]:
    """The four questions of the after-action review with the game's answers."""
    answers = (_should(conv, _), _happened(result, conv, _), _why(result, conv, _), _next(result, _))
    return [(_(question), answer) for question, answer in zip(QUESTIONS, answers, strict=True)]


def _text(conv: Conversation, value: object) -> str:
    return localize(value, conv.language, conv.content.scenario.language)  # type: ignore[arg-type]


def _should(conv: Conversation, _: Gettext) -> str:
    scenario = conv.content.scenario
    needs = sorted(scenario.needs, key=lambda need: -need.weight)
    listed = "; ".join(_text(conv, need.summary) for need in needs)
    goal = _text(conv, scenario.debrief.learning_goal)
    return _("{goal} Wat deze klant echt belangrijk vond: {needs}.").format(goal=goal.rstrip(".") + ".", needs=listed)


def _happened(result: Result, conv: Conversation, _: Gettext) -> str:
    state = conv.state
    surfaced = sum(1 for level in state.needs.values() if level is not NeedState.HIDDEN)
    explored = sum(1 for nid in state.needs if state.need_at_least(nid, NeedState.EXPLORED))
    return _(
        "Uitkomst: {outcome} na {turns} beurten. De klant noemde {surfaced} van de {needs} behoeften; je vroeg door op "
        "{explored}. De klant gaf {signals} koopsignaal/-signalen; je herkende er {hits}."
    ).format(
        outcome=_(OUTCOMES[result.outcome]).lower(),
        turns=result.turns,
        surfaced=surfaced,
        needs=len(state.needs),
        explored=explored,
        signals=result.signals.signals,
        hits=result.signals.hits,
    )


def _why(result: Result, conv: Conversation, _: Gettext) -> str:
    if not result.key_moments:
        return _("Het gesprek liep zoals bedoeld: je koos steeds een sterke zet.")
    dislikes = dislike_texts(conv)
    parts = []
    for moment in result.key_moments:
        why = reasons_text(moment.why_not, _, dislikes)
        parts.append(_("beurt {n}: {why}").format(n=moment.turn, why=why))
    return _("Waar het misging: {parts}.").format(parts=" · ".join(parts))


def _next(result: Result, _: Gettext) -> str:
    failed = sorted((c for c in result.checks if c.score is not None and not c.passed), key=lambda c: c.score or 0.0)
    if not failed:
        return _("Houd dit vast en probeer een moeilijker scenario, of speel dit in de toetsmodus.")
    return " ".join(f"{_(CHECK_NAMES[c.id])}: {_(ADVICE[c.id])}" for c in failed[:3])


def typology_question(conv: Conversation, _: Gettext) -> tuple[str, list[tuple[str, str]], str]:
    """The self-check quiz: the question, the options (code, name) and the right code."""
    typology = conv.content.typology
    language: Language = conv.language
    options = [(code, localize(profile.name, language, language)) for code, profile in typology.types.items()]
    model = localize(typology.name, language, language)
    question = _("Welk type klant was {name}? ({model})").format(name=conv.content.scenario.customer.name, model=model)
    return question, options, conv.content.scenario.customer.typology
