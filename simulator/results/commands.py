"""The command-line side of session records: offer an interrupted session's debrief, show any debrief."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from simulator.engine.content import Content
from simulator.engine.conversation import Conversation
from simulator.engine.result import Result, score
from simulator.engine.vocabulary import Language
from simulator.i18n import Gettext, dutch, translator
from simulator.results.export import debrief_html
from simulator.results.lrs import Lrs, deliver, flush, queue_dir
from simulator.results.store import (
    SessionRecord,
    SetAside,
    atomic_write,
    close_interrupted,
    interrupted,
    read_records,
    replay,
)
from simulator.results.xapi import json_lines, statements
from simulator.scenario.loader import find_scenario, load_scenario
from simulator.scenario.problems import ContentError
from simulator.text.render import TextView

if TYPE_CHECKING:
    from simulator.text.play import TextSession


def report_set_aside(set_aside: list[SetAside], err: TextIO, language: Language) -> None:
    """Say which record files could not be read and where they were put."""
    _ = translator(language.value).gettext
    for item in set_aside:
        message = _("Sessiebestand {path} is onleesbaar ({reason}); opzijgezet als {moved}.")
        print(message.format(path=item.path, reason=item.reason, moved=item.moved_to.name), file=err)


def offer_interrupted(folder: Path, language: Language, stdin: TextIO, out: TextIO, interactive: bool) -> None:
    """Sessions a crash or a kill interrupted: offer each one's debrief (asked only on a terminal), then
    keep it as abandoned with its result, so nothing is lost and nothing is offered twice."""
    _ = translator(language.value).gettext
    running, set_aside = interrupted(folder)
    report_set_aside(set_aside, out, language)
    for path, record in running:
        notice = _("Er is een onderbroken gesprek: {title} (begonnen {started}, {moves} zetten).")
        print(notice.format(title=record.scenario_title, started=record.started, moves=len(record.moves)), file=out)
        show = False
        if interactive:
            out.write(_("Nabespreking bekijken? [j/N] "))
            out.flush()
            show = stdin.readline().strip().lower() in ("j", "ja", "y", "yes")
        else:
            print(_("Bekijk de nabespreking met: salesim debrief {id}").format(id=record.id), file=out)
        text = _close(path, record, language, show)
        if text:
            print(text, file=out)


def reopen(record: SessionRecord) -> tuple[Content, Conversation]:
    """A stored session's scenario and its conversation, played again (raises ContentError)."""
    content = load_scenario(find_scenario(record.scenario))
    return content, replay(content, record)


def settle_interrupted(path: Path, record: SessionRecord) -> tuple[Content, Conversation, Result]:
    """Play an interrupted session again and keep it as abandoned, with its result (raises ContentError)."""
    content, conv = reopen(record)
    result = score(conv)
    close_interrupted(path, record, conv, result)
    return content, conv, result


def _close(path: Path, record: SessionRecord, language: Language, show: bool) -> str:
    try:
        content, conv, result = settle_interrupted(path, record)
    except ContentError:
        return ""
    if not show:
        return ""
    view = TextView(content, language, translator(language.value).gettext)
    return view.debrief(result, conv)


def _session(
    session: str | None, folder: Path, err: TextIO, language: Language
) -> tuple[SessionRecord, Content, Conversation] | None:
    """A stored session (by id or the start of one; the latest without one), played again."""
    _ = translator(language.value).gettext
    records, set_aside = read_records(folder)
    report_set_aside(set_aside, err, language)
    chosen = [record for _path, record in records if session is None or record.id.startswith(session)]
    if not chosen:
        if session is None:
            print(_("Geen sessie gevonden in {folder}.").format(folder=folder), file=err)
        else:
            message = _("Geen sessie gevonden die begint met {session} in {folder}.")
            print(message.format(session=session, folder=folder), file=err)
        return None
    record = max(chosen, key=lambda r: r.updated)
    try:
        return record, *reopen(record)
    except ContentError as error:
        print(error, file=err)
        return None


def run_debrief(session: str | None, folder: Path, out: TextIO, err: TextIO, language: Language = Language.NL) -> int:
    """Print the debrief of a stored session (in the session's language; messages in the command's)."""
    _ = translator(language.value).gettext
    found = _session(session, folder, err, language)
    if found is None:
        return 1
    record, content, conv = found
    header = f"{record.id} · {record.student or '—'} · {record.mode.value} · {record.status}"
    if record.scenario_version != content.scenario.version:
        changed = _("scenarioversie {then}, nu {now}")
        header += " · " + changed.format(then=record.scenario_version, now=content.scenario.version)
    print(header, file=out)
    view = TextView(content, record.language, translator(record.language.value).gettext)
    print(view.debrief(score(conv), conv), file=out)
    return 0


def run_export(
    session: str | None, folder: Path, html: Path, out: TextIO, err: TextIO, language: Language = Language.NL
) -> int:
    """Write a stored session's debrief as one self-contained HTML file (in the session's language)."""
    found = _session(session, folder, err, language)
    if found is None:
        return 1
    record, _content, conv = found
    gettext = translator(record.language.value).gettext
    atomic_write(html, debrief_html(conv, score(conv), gettext, record.student))
    print(html, file=out)
    return 0


def run_report(
    paths: list[Path],
    csv_out: Path | None,
    html_out: Path | None,
    out: TextIO,
    err: TextIO,
    language: Language = Language.NL,
) -> int:
    """A class overview of session records: a summary on screen, and CSV and/or HTML files (words and
    number format in the language)."""
    from simulator.results.report import (
        Style,
        read_attempts,
        record_files,
        report_csv,
        report_html,
        scenario_rows,
        student_rows,
    )

    files = record_files(paths)

    def progress(done: int, total: int) -> None:
        if err.isatty() and total >= 200 and (done % 50 == 0 or done == total):
            filled = round(30 * done / total)
            err.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
            err.flush()

    attempts, problems = read_attempts(files, progress)
    if err.isatty() and len(files) >= 200:
        err.write("\n")
    style = Style(language.value)
    _ = style.gettext
    for problem in problems:
        print(_("overgeslagen: {problem}").format(problem=problem), file=err)
    students, scenarios = student_rows(attempts), scenario_rows(attempts)
    line = _("{sessions} sessies, {students} studenten, gemiddeld cijfer {grade}")
    for row in scenarios:
        grade = style.number(row.grade)
        print(f"{row.scenario:<32} " + line.format(sessions=row.sessions, students=row.students, grade=grade), file=out)
    if csv_out is not None:
        atomic_write(csv_out, report_csv(students, style))
    if html_out is not None:
        atomic_write(html_out, report_html(students, scenarios, style))
    return 0 if attempts else 1


@dataclass(frozen=True)
class XapiTargets:
    """Where a session's statements go: the records folder (for the queue), a file, an LRS."""

    folder: Path
    file: Path | None
    lrs: Lrs | None

    @property
    def wanted(self) -> bool:
        """Whether statements go anywhere at all."""
        return self.file is not None or self.lrs is not None


def flush_queue(folder: Path, lrs: Lrs | None, err: TextIO, _: Gettext = dutch) -> None:
    """At a start with an LRS: send what an earlier start could not."""
    if lrs is None:
        return
    sent, problems = flush(lrs, queue_dir(folder))
    if sent:
        print(_("xAPI: {sent} bewaarde batch(es) alsnog verstuurd").format(sent=sent), file=err)
    for problem in problems:
        print(_("xAPI: nog niet verstuurd: {problem}").format(problem=problem), file=err)


def send_session(record: SessionRecord, conv: Conversation, result: Result, targets: XapiTargets, err: TextIO) -> None:
    """A finished session's xAPI statements: to a JSON-lines file and/or to the LRS (queued if it is down)."""
    items = statements(record, conv, result)
    if targets.file is not None:
        atomic_write(targets.file, json_lines(items))
    if targets.lrs is not None:
        queued = deliver(targets.lrs, items, queue_dir(targets.folder), record.id)
        if queued:
            print(f"xAPI: {queued}", file=err)


def xapi_after(
    folder: Path, xapi_file: Path | None, lrs_url: str | None, err: TextIO, _: Gettext = dutch
) -> Callable[[TextSession, Result], None] | None:
    """What to do with a finished text session's xAPI statements (first sending what an earlier start
    queued). None when neither a file nor an LRS is asked for."""
    lrs = Lrs.from_environment(lrs_url)
    flush_queue(folder, lrs, err, _)
    if xapi_file is None and lrs is None:
        return None

    targets = XapiTargets(folder, xapi_file, lrs)

    def after(session: TextSession, result: Result) -> None:
        if session.log is not None:
            send_session(session.log.record, session.conv, result, targets, err)

    return after
