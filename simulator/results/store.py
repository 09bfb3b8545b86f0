"""Session records: every session is written to the user data folder after every move, atomically.

A record is one JSON file per session. It is replaced as a whole after each move (written to a temporary
file in the same folder, flushed and fsync'd, then renamed over the old one, and the folder fsync'd), so
killing the game at any moment loses at most the move in progress and never leaves a half-written
record. A file that cannot be read is set aside (renamed to ``*.corrupt``) with a message, never
overwritten. The folder is ``--data-dir``, else ``$SALESIM_DATA_DIR``, else the platform's user data
folder (platformdirs).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_data_path
from pydantic import BaseModel, ConfigDict, ValidationError

from simulator.engine.content import Content
from simulator.engine.conversation import Conversation
from simulator.engine.result import Result
from simulator.engine.vocabulary import Language, Mode

DATA_ENV = "SALESIM_DATA_DIR"
SUFFIX = ".session.json"

Status = Literal["running", "finished", "abandoned"]


def data_dir(override: Path | None = None) -> Path:
    """Where session records go: the override, else ``$SALESIM_DATA_DIR``, else the user data folder."""
    if override is not None:
        return override
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else user_data_path("salesim", appauthor=False) / "sessions"


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves either the old or the new file, complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


class SessionRecord(BaseModel):
    """What is kept of one session (validated when read back)."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["salesim-session"] = "salesim-session"
    format_version: Literal[1] = 1
    id: str
    scenario: str
    scenario_version: int
    scenario_title: str
    seed: int
    mode: Mode
    language: Language
    student: str | None = None
    playtest: bool = False
    started: str
    updated: str
    status: Status = "running"
    preparation: list[str] = []
    moves: list[str] = []
    marks: list[int] = []
    result: dict[str, Any] | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class SessionLog:
    """Keeps one session's record up to date on disk while it is played."""

    path: Path
    record: SessionRecord

    @classmethod
    def begin(
        cls, folder: Path, content: Content, conv: Conversation, student: str | None = None, playtest: bool = False
    ) -> SessionLog:
        """Start a record for a conversation (written at once, with its preparation)."""
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        session_id = f"{stamp}-{content.scenario_id}-{conv.seed}-{secrets.token_hex(3)}"
        title = content.scenario.title
        now = _now()
        record = SessionRecord(
            id=session_id,
            scenario=content.scenario_id,
            scenario_version=content.scenario.version,
            scenario_title=title if isinstance(title, str) else next(iter(title.values())),
            seed=conv.seed,
            mode=conv.mode,
            language=conv.language,
            student=student or None,
            playtest=playtest,
            started=now,
            updated=now,
            preparation=list(conv.preparation),
        )
        log = cls(folder / f"{session_id}{SUFFIX}", record)
        log.save()
        return log

    def save(self) -> None:
        """Write the record as it stands."""
        atomic_write(self.path, self.record.model_dump_json(indent=1) + "\n")

    def update(self, conv: Conversation) -> None:
        """After a move: the moves and marks so far."""
        self.record.moves = [turn.move.id for turn in conv.turns]
        self.record.marks = list(conv.marks)
        self.record.preparation = list(conv.preparation)
        self.record.updated = _now()
        self.save()

    def finish(self, conv: Conversation, result: Result) -> None:
        """The session is over (finished or abandoned): keep its result."""
        self.update(conv)
        self.record.status = "finished" if conv.ended_by not in (None, "abandoned") else "abandoned"
        self.record.result = result.to_dict()
        self.save()


@dataclass(frozen=True)
class SetAside:
    """A record file that could not be read, and where it was moved."""

    path: Path
    moved_to: Path
    reason: str


def read_records(folder: Path) -> tuple[list[tuple[Path, SessionRecord]], list[SetAside]]:
    """Every readable record in a folder; unreadable ones are renamed to ``*.corrupt`` and reported."""
    records: list[tuple[Path, SessionRecord]] = []
    set_aside: list[SetAside] = []
    for path in sorted(_record_files(folder)):
        try:
            records.append((path, SessionRecord.model_validate_json(path.read_bytes())))
        except (OSError, ValueError, ValidationError) as error:
            set_aside.append(_set_aside(path, error))
    return records, set_aside


def _record_files(folder: Path) -> Iterator[Path]:
    if folder.is_dir():
        yield from (path for path in folder.glob(f"*{SUFFIX}") if path.is_file())


def _set_aside(path: Path, error: Exception) -> SetAside:
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    target = path.with_name(f"{path.name}.{secrets.token_hex(2)}.corrupt")
    try:
        os.replace(path, target)
    except OSError:
        target = path
    return SetAside(path, target, reason)


def interrupted(folder: Path) -> tuple[list[tuple[Path, SessionRecord]], list[SetAside]]:
    """Sessions that were still running when the game stopped (a crash or a kill), newest first."""
    records, set_aside = read_records(folder)
    running = [(path, record) for path, record in records if record.status == "running" and not record.playtest]
    return sorted(running, key=lambda item: item[1].updated, reverse=True), set_aside


def replay(content: Content, record: SessionRecord) -> Conversation:
    """The conversation of a record, played again from its seed, preparation, moves and marks."""
    conv = Conversation(content, seed=record.seed, mode=record.mode, language=record.language)
    conv.prepare(record.preparation)
    conv.start()
    marks = set(record.marks)
    for move_id in record.moves:
        if conv.finished or move_id not in {move.id for move in conv.offered}:
            break
        if conv.state.customer_turn in marks:
            conv.mark_signal()
        conv.choose(move_id)
    if conv.state.customer_turn in marks and not conv.finished:
        conv.mark_signal()
    return conv


def close_interrupted(path: Path, record: SessionRecord, conv: Conversation, result: Result) -> None:
    """Mark an interrupted session as abandoned, with the result of what was played (never offered again)."""
    conv.abandon()
    log = SessionLog(path, record)
    log.finish(conv, result)
