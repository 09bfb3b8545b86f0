"""Dutch message ids for everything the front ends say about the engine's results.

Strings are marked with :func:`N_` so Babel extracts them; front ends translate them at display time
with the translator from :mod:`simulator.i18n`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from simulator.engine.assess import Judgement
from simulator.engine.content import Customer, LocalText, Participant, Scenario
from simulator.engine.conversation import Conversation, TurnRecord
from simulator.engine.result import KeyMoment
from simulator.engine.scoring import Check
from simulator.engine.signal_stats import SignalRow, SignalStats
from simulator.engine.vocabulary import BuyingSituation, Channel, CheckId, DmuRole, Outcome, Phase
from simulator.engine.wording import localize
from simulator.i18n import Gettext


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


CHECK_NAMES: dict[CheckId, str] = {
    CheckId.LUISTEREN: N_("Luisteren"),
    CheckId.SAMENVATTEN: N_("Samenvatten"),
    CheckId.DOORVRAGEN: N_("Doorvragen"),
    CheckId.KOOPSIGNALEN: N_("Koopsignalen herkennen"),
    CheckId.VRAAGTECHNIEK: N_("Vraagtechniek per fase"),
    CheckId.ARGUMENTATIE: N_("Argumentatie (KVVB)"),
    CheckId.BEZWAREN: N_("Bezwaarbehandeling"),
    CheckId.FASEDISCIPLINE: N_("Fasediscipline"),
    CheckId.AFSLUITMOMENT: N_("Afsluitmoment"),
    CheckId.SIGNAAL_BENUTTEN: N_("Signaal benutten"),
    CheckId.TYPOLOGIE: N_("Aanpassing aan de klant (DAS)"),
    CheckId.DMU: N_("DMU: de juiste persoon aanspreken"),
    CheckId.ONDERHANDELEN: N_("Onderhandelen"),
    CheckId.RESULTAAT: N_("Resultaat"),
}

DETAILS: dict[str, str] = {
    "no_information": N_("De klant vertelde niets waarop je kon voortbouwen: je stelde geen vragen."),
    "listening": N_("{built} van de {total} uitspraken met informatie pakte je op."),
    "no_summary": N_("Je hebt niet samengevat, ook niet voordat je ging argumenteren."),
    "summaries": N_(
        "Precisie {precision}, volledigheid {recall}; correct samengevat vóór het argumenteren: {before_arguing}; "
        "samenvattingen met een onjuist detail: {wrong}."
    ),
    "no_hooks": N_("Er kwam geen haakje om op door te vragen: je stelde geen open vragen."),
    "hooks": N_("Je vroeg door op {probed} van de {hooks} haakjes; diepgang op de behoeften: {depth}."),
    "false_alarms_only": N_("Er kwam geen koopsignaal, maar je zag er {false_alarms} waar er geen was."),
    "no_signals": N_("De klant gaf geen koopsignaal; deze controle telt niet mee."),
    "signals": N_("{hits} van de {signals} koopsignalen herkend, {false_alarms} vals alarm, d′ = {dprime}."),
    "windows": N_("Na {used} van de {windows} koopsignalen sloot je op tijd af; {talk_on} keer praatte je door."),
    "next_step_only": N_("Je sloot af met een vervolgafspraak, niet met een order."),
    "never_closed": N_("Je hebt niet om de order of een vervolgstap gevraagd."),
    "closes": N_("{premature} van je {closes} afsluitpogingen kwamen vóór enig koopsignaal."),
    "no_questions": N_("Je stelde geen vragen."),
    "questions": N_("{unfit} van je {asked} vragen pasten niet bij de fase (suggestief of te vroeg gesloten)."),
    "no_arguments": N_("Je hebt geen argumenten gegeven."),
    "arguments": N_("{strong} van je {total} argumenten waren volledig en gekoppeld aan een uitgediepte behoefte."),
    "no_objections": N_("De klant had geen bezwaren; deze controle telt niet mee."),
    "objections": N_("{resolved} van de {raised} bezwaren weggenomen."),
    "no_moves": N_("Er is niets gezegd."),
    "phases": N_("{early} keer presenteerde je voordat de klant een behoefte had genoemd."),
    "typology": N_("{mistakes} zetten die dit klanttype slecht ontvangt."),
    "no_negotiation": N_("Er werd niet onderhandeld; deze controle telt niet mee."),
    "below_bazo": N_("Je sloot af op {value} euro: onder je BAZO. Geen deal was beter geweest."),
    "negotiation": N_("{traded} concessies geruild, {given} weggegeven; de deal staat op {value} euro."),
    "negotiation_broken": N_("Je brak de onderhandeling af ({traded} concessies geruild, {given} weggegeven)."),
    "no_meeting": N_("Er was één gesprekspartner; deze controle telt niet mee."),
    "dmu_nobody": N_("Je stelde niemand aan tafel een vraag en vroeg niemand om de order."),
    "dmu": N_("{right} van je {total} vragen en afsluitingen richtte je tot de juiste persoon op het juiste moment."),
    "order": N_("Order binnen."),
    "vervolgafspraak": N_("Concrete vervolgafspraak gemaakt."),
    "geen_deal": N_("Geen order en geen vervolgafspraak."),
    "afgebroken": N_("Gesprek afgebroken."),
    "order_below_bazo": N_("Order binnen, maar onder je BAZO: geen deal was beter geweest."),
}

REASONS: dict[str, str] = {
    "agenda": N_("je geeft structuur met een agenda"),
    "smalltalk_fits": N_("een beetje small talk past bij deze klant"),
    "smalltalk_too_much": N_("te veel small talk voor deze klant"),
    "leading_question": N_("een suggestieve of gesloten vraag levert weinig informatie op"),
    "open_question": N_("een open vraag laat de klant vertellen"),
    "hook_ignored": N_("de klant gaf net een haakje en je ging er niet op in"),
    "probe_hook": N_("je vraagt door op het haakje van de klant"),
    "builds_on": N_("je bouwt voort op wat de klant zei"),
    "implication": N_("een implicatievraag maakt het belang voelbaar"),
    "wrong_summary": N_("de samenvatting bevat iets wat de klant nooit zei"),
    "summary": N_("een correcte samenvatting toont dat je luisterde"),
    "present_too_early": N_("je presenteert voordat de klant een behoefte noemde"),
    "present_before_probing": N_("je presenteert voordat je op een behoefte hebt doorgevraagd"),
    "present_after_needs": N_("je presenteert pas nu de behoeften bekend zijn"),
    "feature_dump": N_("kenmerken opsommen zonder baat voor deze klant"),
    "pitch_before_asking": N_("je pitcht voordat je iets gevraagd hebt"),
    "argument_unlinked": N_("het argument hoort bij een behoefte die de klant niet noemde"),
    "argument_incomplete": N_("het argument mist baat, bewijs of controlevraag"),
    "argument_unexplored": N_("de behoefte achter dit argument is nog niet uitgediept"),
    "argument_linked": N_("een volledig argument op een uitgediepte behoefte"),
    "objection_probe": N_("eerst doorvragen op het bezwaar"),
    "technique_fits": N_("deze techniek past bij dit bezwaar"),
    "technique_poor": N_("deze techniek werkt slecht bij dit bezwaar"),
    "acts_on_signal": N_("je handelt op het koopsignaal"),
    "close_on_signal": N_("afsluiten direct na een koopsignaal"),
    "close_over_objection": N_("afsluiten terwijl er nog een bezwaar ligt"),
    "close_before_signal": N_("afsluiten voordat de klant enig koopsignaal gaf"),
    "close_late": N_("het koopsignaal is voorbij; de klant is afgekoeld"),
    "next_step_instead_of_close": N_("de klant gaf een koopsignaal: vraag om de order"),
    "next_step_fits": N_("de tijd raakt op: een concrete vervolgstap houdt de deal levend"),
    "next_step_instead_of_order": N_("de klant is klaar voor de order: vraag erom"),
    "next_step_too_early": N_("voor een vervolgstap is de klant nog niet klaar"),
    "aftersales": N_("nazorg afspreken bouwt de relatie"),
    "oversell": N_("direct na de order meer verkopen schaadt het vertrouwen"),
    "talk_on_after_signal": N_("de klant gaf een koopsignaal en je praatte door"),
    "repeat": N_("dit had je al gezegd"),
    "answers_question": N_("je beantwoordt de vraag van de klant"),
    "negotiation_probe": N_("je vraagt naar de belangen achter de eis"),
    "trade_concession": N_("je ruilt een concessie tegen iets terug"),
    "gift_concession": N_("je geeft een concessie weg zonder iets terug te vragen"),
    "cave_in": N_("je geeft de hele eis toe"),
    "below_bazo": N_("daarmee zak je onder je BAZO"),
    "objective_criteria": N_("je houdt de prijs vast met objectieve criteria"),
    "position_not_interest": N_("je verdedigt je prijs voordat je de belangen van de klant kent"),
    "break_off_too_soon": N_("er was nog een deal boven je BAZO mogelijk"),
    "bazo_break_off": N_("geen deal is hier beter dan onder je BAZO"),
    "close_over_demand": N_("afsluiten terwijl de eis van de klant nog op tafel ligt"),
    "right_person": N_("je stelt de vraag aan degene over wie het gaat"),
    "wrong_person": N_("deze vraag hoort bij iemand anders aan tafel"),
    "close_to_non_decider": N_("je vraagt de order aan iemand die niet beslist"),
    "close_over_veto": N_("iemand aan tafel is nog niet overtuigd"),
}

OUTCOMES: dict[Outcome, str] = {
    Outcome.ORDER: N_("Order"),
    Outcome.VERVOLGAFSPRAAK: N_("Vervolgafspraak"),
    Outcome.GEEN_DEAL: N_("Geen deal"),
    Outcome.AFGEBROKEN: N_("Afgebroken"),
}

PHASES: dict[Phase, str] = {
    Phase.VOORBEREIDING: N_("Voorbereiding"),
    Phase.OPENING: N_("Opening"),
    Phase.INFORMATIE: N_("Informatie"),
    Phase.TRANSFORMATIE: N_("Transformatie"),
    Phase.AFSLUITING: N_("Afsluiting"),
    Phase.RELATIE: N_("Relatie"),
}


BUYING_SITUATIONS: dict[BuyingSituation, str] = {
    BuyingSituation.NIEUWE_AANKOOP: N_("nieuwe aankoop"),
    BuyingSituation.GEWIJZIGDE_HERHALINGSAANKOOP: N_("gewijzigde herhalingsaankoop"),
    BuyingSituation.ROUTINEMATIGE_HERHALINGSAANKOOP: N_("routinematige herhalingsaankoop"),
}

CHANNELS: dict[Channel, str] = {
    Channel.FACE_TO_FACE: N_("face-to-face gesprek"),
    Channel.TELEFOON_ACTIEF: N_("telefoongesprek (u belt)"),
    Channel.TELEFOON_PASSIEF: N_("telefoongesprek (de klant belt)"),
}

DMU_ROLES: dict[DmuRole, str] = {
    DmuRole.INITIATOR: N_("initiator"),
    DmuRole.GEBRUIKER: N_("gebruiker"),
    DmuRole.BEINVLOEDER: N_("beïnvloeder"),
    DmuRole.BESLISSER: N_("beslisser"),
    DmuRole.INKOPER: N_("inkoper"),
    DmuRole.POORTWACHTER: N_("poortwachter"),
}


def check_detail(check: Check, _: Gettext, decimal_comma: bool = True) -> str:
    """The explanation of a check, translated and filled in."""
    template = DETAILS.get(check.detail, check.detail)
    params = {key: _decimal(value, decimal_comma) for key, value in check.params.items()}
    return _(template).format(**params)


def reason(code: str, _: Gettext, dislikes: dict[str, str] | None = None) -> str:
    """The explanation of one judgement; typology dislikes carry their own authored reason."""
    if code.startswith("dislike:"):
        return (dislikes or {}).get(code.partition(":")[2], _("dit klanttype reageert hier slecht op"))
    return _(REASONS.get(code, code))


def format_number(value: float, decimal_comma: bool, digits: int = 1) -> str:
    """A number with a fixed number of decimals, with a decimal comma for Dutch."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if decimal_comma else text


def dislike_texts(conv: Conversation) -> dict[str, str]:
    """The customer type's own reasons for the moves it dislikes, in the session language."""
    content = conv.content
    scenario = content.scenario
    codes = [*(p.typology for p in reversed(scenario.participants)), scenario.customer.typology]
    return {
        key.value: localize(text, conv.language, scenario.language)
        for code in codes
        for key, text in content.typology.types[code].dislikes.items()
    }


def reasons_text(judgements: Sequence[Judgement], _: Gettext, dislikes: dict[str, str]) -> str:
    """The distinct reasons of some judgements, joined, without closing full stops."""
    return "; ".join(dict.fromkeys(reason(j.reason, _, dislikes).rstrip(".") for j in judgements))


def turn_notes(
    conv: Conversation, turn: TurnRecord, _: Gettext, dislikes: dict[str, str], mistake_mark: str
) -> list[str]:
    """What the debrief says under a turn: the signal shown (after the fact), the student's mark, the mistakes."""
    notes = []
    kind = turn.reply.signal_kind
    if kind is not None:
        name = _("koopsignaal") if kind.value == "koopsignaal" else _("interessesignaal")
        notes.append(_("klant gaf een {kind}").format(kind=name))
    if turn.number in conv.marks:
        notes.append(_("jij markeerde een koopsignaal"))
    mistakes = reasons_text([j for j in turn.judgements if j.sign < 0], _, dislikes)
    if mistakes:
        notes.append(f"{mistake_mark} {mistakes}")
    return notes


def signal_words(conv: Conversation, signal_id: str) -> str:
    """A signal as the customer showed it: the words, or the body language."""
    content = conv.content
    signal = conv.signals.by_id[signal_id]
    shown = signal.text if signal.text is not None else content.rulebook.cues[signal.cue or "neutral"]
    return localize(shown, conv.language, content.scenario.language)


def _decimal(value: float | int | str, decimal_comma: bool) -> str:
    """Numbers as Dutch (decimal comma) or English readers expect them; whole numbers without decimals."""
    if isinstance(value, int) and abs(value) >= 10_000:
        return f"{value:,}".replace(",", "." if decimal_comma else ",")
    if not isinstance(value, float):
        return str(value)
    text = str(int(value)) if value == int(value) else f"{value:.2f}".rstrip("0")
    return text.replace(".", ",") if decimal_comma else text


def dossier_extras(
    scenario: Scenario, text: Callable[[LocalText], str], _: Gettext, decimal_comma: bool = True
) -> list[tuple[str, str]]:
    """(heading, text) for the dossier parts only some scenarios have: who is at the table, the offerte."""
    extras: list[tuple[str, str]] = []
    if scenario.participants:
        people: list[Customer | Participant] = [scenario.customer, *scenario.participants]
        lines = [f"{p.name}, {text(p.function)} ({_(DMU_ROLES[p.dmu_role])})" for p in people]
        extras.append((_("Aan tafel:"), "\n".join(lines)))
    if scenario.negotiation is not None:
        terms = scenario.negotiation
        grouped = f"{terms.walk_away:,}".replace(",", "." if decimal_comma else ",")
        limit = _("Uw ondergrens (BAZO): een deal van minder dan € {value} is slechter dan geen deal.")
        extras.append((_("Offerte op tafel:"), text(terms.quote)))
        extras.append((_("Onderhandelingsruimte:"), limit.format(value=grouped)))
    return extras


def signal_parts(conv: Conversation, row: SignalRow, _: Gettext) -> tuple[str, str, str]:
    """One buying signal in the debrief: when it came, what the customer showed, and whether it was
    recognised (with how many turns later)."""
    status = _("herkend") if row.hit else _("gemist")
    latency = "" if row.latency is None else _(" (na {n} beurt(en))").format(n=row.latency)
    return _("beurt {n}").format(n=row.shown_turn), signal_words(conv, row.signal_id), status + latency


def signal_rates(stats: SignalStats, _: Gettext, decimal_comma: bool) -> str:
    """Hit rate, false-alarm rate and d′ in one line."""
    return _("Trefkans {hit} · vals-alarmkans {fa} · d′ {d}").format(
        hit=format_number(stats.hit_rate, decimal_comma, 2),
        fa=format_number(stats.false_alarm_rate, decimal_comma, 2),
        d=format_number(stats.dprime, decimal_comma, 2),
    )


def moment_parts(moment: KeyMoment, _: Gettext, dislikes: dict[str, str]) -> tuple[str, str, str]:
    """A turn that mattered: what the student said, why not, and the better move that was on offer."""
    said = _("Beurt {n}: je zei “{said}”").format(n=moment.turn, said=moment.chosen.text)
    why = reasons_text(moment.why_not, _, dislikes) or _("dit leverde weinig op")
    better = reasons_text(moment.why_better, _, dislikes)
    return (
        said,
        _("Waarom niet: {why}.").format(why=why),
        _("Beter was: “{text}” — {why}.").format(text=moment.better.text, why=better),
    )
