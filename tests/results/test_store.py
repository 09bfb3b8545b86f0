"""Session records: written turn by turn and atomically, read back, corrupt files set aside, interrupted
sessions offered and kept, and a kill -9 at any turn loses at most the move in progress."""

from __future__ import annotations

import io
import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.engine import Content, Conversation
from simulator.engine.vocabulary import Language, Mode
from simulator.results.commands import offer_interrupted
from simulator.results.store import SUFFIX, SessionLog, atomic_write, interrupted, read_records
from simulator.text.play import play_text
from tests.conftest import FIRST_SCENARIO


def records_in(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{SUFFIX}"))


def test_atomic_write_replaces_the_whole_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    atomic_write(path, "first")
    atomic_write(path, "second")
    assert path.read_text(encoding="utf-8") == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_a_text_session_is_kept_with_its_moves_and_result(content: Content, tmp_path: Path) -> None:
    stdin = io.StringIO("\n1\n2\n3\nq\n")
    result = play_text(content, 5, Mode.OEFENEN, Language.NL, as_json=True, stdin=stdin, records=tmp_path)
    (path,) = records_in(tmp_path)
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["status"] == "abandoned" and record["scenario"] == FIRST_SCENARIO
    assert record["moves"] == list(result.moves) and len(record["moves"]) == 3
    assert record["result"]["grade"] == result.grade
    assert record["seed"] == 5 and record["mode"] == "oefenen"


def test_in_toets_mode_the_student_gives_a_name_first(content: Content, tmp_path: Path) -> None:
    stdin = io.StringIO("s123456\n\n1\nq\n")
    play_text(content, 5, Mode.TOETS, Language.NL, as_json=True, stdin=stdin, records=tmp_path)
    (path,) = records_in(tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["student"] == "s123456"


def test_a_corrupt_record_is_set_aside_and_never_overwrites_a_good_one(content: Content, tmp_path: Path) -> None:
    play_text(content, 5, Mode.OEFENEN, Language.NL, as_json=True, stdin=io.StringIO("\n1\nq\n"), records=tmp_path)
    (good,) = records_in(tmp_path)
    before = good.read_bytes()
    (tmp_path / f"broken{SUFFIX}").write_text('{"format": "salesim-session", "id": ', encoding="utf-8")
    (tmp_path / f"other{SUFFIX}").write_text('{"format": "something else"}', encoding="utf-8")
    records, set_aside = read_records(tmp_path)
    assert [path for path, _ in records] == [good] and good.read_bytes() == before
    assert {item.path.name for item in set_aside} == {f"broken{SUFFIX}", f"other{SUFFIX}"}
    assert all(item.moved_to.exists() and item.moved_to.name.endswith(".corrupt") for item in set_aside)
    assert records_in(tmp_path) == [good]


def test_an_interrupted_session_is_offered_once_and_kept_with_its_result(content: Content, tmp_path: Path) -> None:
    conv = Conversation(content, seed=3)
    conv.start()
    log = SessionLog.begin(tmp_path, content, conv)
    for _ in range(4):
        conv.choose(conv.offered[0].id)
        log.update(conv)
    (running,) = interrupted(tmp_path)[0]
    assert running[1].moves == [turn.move.id for turn in conv.turns]
    out = io.StringIO()
    offer_interrupted(tmp_path, Language.NL, io.StringIO("j\n"), out, interactive=True)
    assert "onderbroken gesprek" in out.getvalue() and "NABESPREKING" in out.getvalue()
    assert interrupted(tmp_path)[0] == []
    record = json.loads(log.path.read_text(encoding="utf-8"))
    assert record["status"] == "abandoned" and len(record["result"]["moves"]) == 4


def test_the_debrief_of_a_stored_session(content: Content, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    play_text(content, 5, Mode.OEFENEN, Language.NL, as_json=True, stdin=io.StringIO("\n1\n2\nq\n"), records=tmp_path)
    capsys.readouterr()
    assert main(["debrief", "--data-dir", str(tmp_path)]) == 0
    assert "NABESPREKING" in capsys.readouterr().out
    assert main(["debrief", "nope", "--data-dir", str(tmp_path)]) == 1


def read_until(process: subprocess.Popen[bytes], marker: bytes, timeout: float = 20.0) -> bytes:
    """Read the process's output until ``marker`` appears."""
    assert process.stdout is not None
    seen, deadline = b"", time.monotonic() + timeout
    while marker not in seen:
        ready, _, _ = select.select([process.stdout], [], [], max(0.0, deadline - time.monotonic()))
        assert ready, f"no {marker!r} in time: {seen[-300:]!r}"
        chunk = os.read(process.stdout.fileno(), 65536)
        assert chunk, f"the game ended early: {seen[-300:]!r}"
        seen += chunk
    return seen


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is a POSIX signal")
def test_kill_9_at_random_turns_loses_at_most_the_move_in_progress(tmp_path: Path) -> None:
    rng = random.Random(2026)
    for attempt in range(3):
        folder = tmp_path / f"attempt{attempt}"
        command = [sys.executable, "-m", "simulator", "play", FIRST_SCENARIO, "--text", "--seed", "4"]
        process = subprocess.Popen([*command, "--data-dir", str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert process.stdin is not None
        read_until(process, b"budget")
        process.stdin.write(b"\n")
        process.stdin.flush()
        kill_after = rng.randint(1, 9)
        for _ in range(kill_after):
            read_until(process, b"Jouw zet: ")
            process.stdin.write(b"1\n")
            process.stdin.flush()
        read_until(process, b"Jouw zet: ")
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        (path,) = records_in(folder)
        record = json.loads(path.read_text(encoding="utf-8"))
        assert record["status"] == "running"
        assert len(record["moves"]) == kill_after, (kill_after, record["moves"])
        assert [p.name for p in folder.iterdir()] == [path.name], "no temporary files left behind"
