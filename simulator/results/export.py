"""The debrief as one self-contained, printable HTML file: the same content as the debrief screen, with
the chart as inline SVG. No scripts, no fonts or images from the network."""

from __future__ import annotations

from html import escape

from simulator.chart_data import ChartData, chart_data
from simulator.engine.conversation import Conversation
from simulator.engine.result import Result
from simulator.engine.vocabulary import Language
from simulator.engine.wording import localize
from simulator.messages import (
    CHECK_NAMES,
    OUTCOMES,
    PHASES,
    Gettext,
    check_detail,
    dislike_texts,
    format_number,
    moment_parts,
    signal_parts,
    signal_rates,
    turn_notes,
)
from simulator.review import after_action_review

STYLE = """
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #191c21; max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem;
     border-bottom: 2px solid #0072b2; }
.grade { font-size: 1.3rem; font-weight: bold; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top;
        padding: .3rem .5rem; border-bottom: 1px solid #c8c4bc; }
td.num { text-align: right; white-space: nowrap; } .muted { color: #585e66; } .bad { color: #d55e00; }
.turn { margin: .6rem 0; } .you { font-style: italic; } svg { width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } .turn, tr { break-inside: avoid; } }
"""


def debrief_html(conv: Conversation, result: Result, _: Gettext, student: str | None = None) -> str:
    """The whole debrief as an HTML document."""
    scenario = conv.content.scenario
    comma = conv.language is Language.NL
    title = localize(scenario.title, conv.language, scenario.language)
    verdict = _("voldoende") if result.passed else _("onvoldoende")
    head = _("Cijfer: {grade} ({verdict}) · score {score}/100 · uitkomst: {outcome}").format(
        grade=format_number(result.grade, comma),
        verdict=verdict,
        score=format_number(result.score, comma),
        outcome=_(OUTCOMES[result.outcome]),
    )
    facts = _("seed {seed} · {mode}").format(seed=result.seed, mode=result.mode)
    facts = f"{student} · {facts}" if student else facts
    headings = [
        _("RUBRIC"),
        _("KOOPSIGNALEN"),
        _("Terugblik"),
        _("DE DRIE BEURTEN DIE ER HET MEEST TOE DEDEN"),
        _("GESPREKSVERLOOP"),
    ]
    rubric, signals, review, moments, transcript = (f"<h2>{escape(h)}</h2>" for h in headings)
    answers = after_action_review(result, conv, _)
    parts = [
        f"<h1>{escape(title)}</h1>",
        f"<p class='muted'>{escape(facts)}</p>",
        f"<p class='grade'>{escape(head)}</p>",
        rubric + _rubric(result, _, comma),
        signals + chart_svg(chart_data(conv), _) + _signals(result, conv, _, comma),
        review + "".join(f"<h3>{escape(q)}</h3><p>{escape(a)}</p>" for q, a in answers),
        moments + _moments(result, conv, _),
        transcript + _transcript(conv, _),
    ]
    body = "\n".join(parts)
    return (
        f"<!DOCTYPE html>\n<html lang='{conv.language.value}'><head><meta charset='utf-8'>"
        f"<title>Salesim — {escape(title)}</title><style>{STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def _rubric(result: Result, _: Gettext, comma: bool) -> str:
    rows = []
    for check in result.checks:
        mark = _("n.v.t.") if check.score is None else ("✓" if check.passed else "✗")
        points = "—" if check.score is None else f"{format_number(check.score * check.weight, comma)}/{check.weight:g}"
        turns = ", ".join(str(t) for t in check.turns) or "—"
        detail = escape(check_detail(check, _, comma))
        name = escape(_(CHECK_NAMES[check.id]))
        rows.append(
            f"<tr><td>{mark}</td><td><b>{name}</b><br><span class='muted'>{detail}</span></td>"
            f"<td class='num'>{points}</td><td>{escape(turns)}</td></tr>"
        )
    names = [_("Controle"), _("Punten"), _("Beurten")]
    header = "<tr><th></th>" + "".join(f"<th>{escape(name)}</th>" for name in names) + "</tr>"
    return f"<table>{header}{''.join(rows)}</table>"


def _signals(result: Result, conv: Conversation, _: Gettext, comma: bool) -> str:
    stats = result.signals
    if not stats.rows:
        none = _("De klant gaf geen koopsignaal.")
        return f"<p>{escape(none)}</p>"
    items = []
    for row in stats.rows:
        shown, words, status = signal_parts(conv, row, _)
        items.append(f"<li>{escape(shown)}: “{escape(words)}” — {escape(status)}</li>")
    return f"<ul>{''.join(items)}</ul><p>{escape(signal_rates(stats, _, comma))}</p>"


def _moments(result: Result, conv: Conversation, _: Gettext) -> str:
    if not result.key_moments:
        none = _("Geen: je koos steeds een van de sterkste zetten.")
        return f"<p>{escape(none)}</p>"
    dislikes = dislike_texts(conv)
    parts = []
    for moment in result.key_moments:
        said, why_not, better = moment_parts(moment, _, dislikes)
        parts.append(f"<div class='turn'><b>{escape(said)}</b><br>{escape(why_not)}<br>{escape(better)}</div>")
    return "".join(parts)


def _transcript(conv: Conversation, _: Gettext) -> str:
    dislikes = dislike_texts(conv)
    you = escape(_("Jij"))
    parts = []
    if conv.greeting is not None:
        parts.append(f"<div class='turn'><b>{escape(conv.greeting.speaker)}:</b> {escape(conv.greeting.text)}</div>")
    for turn in conv.turns:
        title = escape(_("beurt {n} · {phase}").format(n=turn.number, phase=_(PHASES[turn.phase])))
        notes = " · ".join(turn_notes(conv, turn, _, dislikes, "×"))
        reply = turn.reply
        cue = f"({escape(reply.cue_by)} {escape(reply.cue_text)})"
        said = f"<b>{escape(reply.speaker)}:</b> {escape(reply.text)} <span class='muted'>{cue}</span>"
        note = f"<br><span class='bad'>{escape(notes)}</span>" if notes else ""
        move = f"<span class='you'>{you}: {escape(turn.move.text)}</span>"
        parts.append(f"<div class='turn'><b>{title}</b><br>{move}<br>{said}{note}</div>")
    return "".join(parts)


def chart_svg(data: ChartData, _: Gettext, width: int = 760, height: int = 260) -> str:
    """Readiness (solid) and trust (dashed) per turn, buying-signal windows shaded, signals, marks and closes."""
    left, right, top, bottom = 40, 10, 30, 40
    turns = max(1, len(data.readiness) - 1)
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(turn: float) -> float:
        return left + plot_w * turn / turns

    def y(value: float) -> float:
        return top + plot_h * (1 - value / 100)

    shapes = [
        f"<rect x='{x(a) - 4:.1f}' y='{top}' width='{x(b) - x(a) + 8:.1f}' height='{plot_h}' fill='#fbf6c4'/>"
        for a, b in data.windows
    ]
    for value in (0, 25, 50, 75, 100):
        shapes.append(
            f"<line x1='{left}' x2='{width - right}' y1='{y(value):.1f}' y2='{y(value):.1f}' stroke='#c8c4bc'/>"
        )
        shapes.append(f"<text x='{left - 6}' y='{y(value) + 4:.1f}' text-anchor='end' font-size='11'>{value}</text>")
    for values, colour, dash in ((data.readiness, "#0072b2", ""), (data.trust, "#d55e00", " stroke-dasharray='6 4'")):
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        shapes.append(f"<polyline points='{points}' fill='none' stroke='{colour}' stroke-width='2.5'{dash}/>")
    for turn in data.buying_signals:
        shapes.append(f"<path d='M{x(turn):.1f},{top - 14} l6,6 l-6,6 l-6,-6 z' fill='#009e73' stroke='#191c21'/>")
    for turn in data.interest_signals:
        shapes.append(
            f"<circle cx='{x(turn):.1f}' cy='{top - 8}' r='5' fill='white' stroke='#cc79a7' stroke-width='2'/>"
        )
    for turn in data.marks:
        shapes.append(f"<path d='M{x(turn):.1f},{height - bottom + 6} l6,10 l-12,0 z' fill='#e69f00'/>")
    for turn in data.closes:
        shapes.append(f"<rect x='{x(turn) - 5:.1f}' y='{height - bottom + 20}' width='10' height='10' fill='#56b4e9'/>")
    for turn in range(0, turns + 1, max(1, turns // 10)):
        shapes.append(f"<text x='{x(turn):.1f}' y='{height - 2}' text-anchor='middle' font-size='11'>{turn}</text>")
    legend = " · ".join(
        [
            _("afsluitbereidheid (doorgetrokken)"),
            _("vertrouwen (gestippeld)"),
            _(
                "groene ruit: koopsignaal; rondje: interessesignaal; oranje driehoek: jouw markering; "
                "blauw vierkant: jouw afsluiting; geel vlak: signaalvenster"
            ),
        ]
    )
    label = escape(_("Afsluitbereidheid en vertrouwen per beurt"))
    return (
        f"<figure><svg viewBox='0 0 {width} {height}' role='img' aria-label='{label}'>{''.join(shapes)}</svg>"
        f"<figcaption class='muted'>{escape(legend)}</figcaption></figure>"
    )
