"""The class overview: a generated class of 50 students with 3 attempts each and known numbers."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.engine.vocabulary import Language, Mode
from simulator.results.report import read_attempts, record_files, scenario_rows, student_rows
from simulator.results.store import SUFFIX, SessionRecord, atomic_write

STUDENTS = 50


def grade_of(student: int, attempt: int) -> float:
    """Known numbers: every student improves by one point per attempt, from a start that varies."""
    return round(3.0 + (student % 5) + attempt, 1)


def a_record(student: int, attempt: int) -> SessionRecord:
    grade = grade_of(student, attempt)
    lsd = round(grade / 10, 2)
    missed = student % 2 == 0
    result = {
        "grade": grade,
        "checks": [{"id": name, "score": lsd} for name in ("luisteren", "samenvatten", "doorvragen")]
        + [{"id": "koopsignalen", "score": 0.5 if missed else 1.0}],
        "signals": {"rows": [{"signal_id": "pen", "hit": not missed}, {"signal_id": "levering", "hit": True}]},
        "moves": ["agenda", f"ask:need{attempt}"],
    }
    return SessionRecord(
        id=f"s{student:02d}-a{attempt}",
        scenario="werkplekadvies_hofstede",
        scenario_version=1,
        scenario_title="Kantoorinrichting",
        seed=attempt,
        mode=Mode.OEFENEN,
        language=Language.NL,
        student=f"student {student:02d}",
        started=f"2026-11-2{attempt}T10:00:00+00:00",
        updated=f"2026-11-2{attempt}T10:20:00+00:00",
        status="finished",
        result=result,
    )


@pytest.fixture
def klas(tmp_path: Path) -> Path:
    for student in range(STUDENTS):
        for attempt in range(3):
            folder = tmp_path / f"student{student:02d}"
            atomic_write(folder / f"a{attempt}{SUFFIX}", a_record(student, attempt).model_dump_json())
    (tmp_path / f"kapot{SUFFIX}").write_text("{", encoding="utf-8")
    return tmp_path


def test_per_student_first_latest_best_and_per_scenario(klas: Path) -> None:
    attempts, problems = read_attempts(record_files([klas]))
    assert len(attempts) == STUDENTS * 3 and len(problems) == 1
    rows = student_rows(attempts)
    assert len(rows) == STUDENTS
    row = next(r for r in rows if r.student == "student 07")
    assert (row.attempts, row.first, row.latest, row.best) == (3, grade_of(7, 0), grade_of(7, 2), grade_of(7, 2))
    assert row.lsd == pytest.approx(grade_of(7, 2) / 10)
    (scenario,) = scenario_rows(attempts)
    expected = sum(grade_of(s, a) for s in range(STUDENTS) for a in range(3)) / (STUDENTS * 3)
    assert scenario.grade == pytest.approx(expected) and scenario.students == STUDENTS
    assert scenario.most_missed[0] == ("pen", STUDENTS // 2 * 3)
    assert scenario.choices[0] == (1, "agenda", STUDENTS * 3)


def test_csv_for_dutch_excel_round_trips(klas: Path, tmp_path: Path) -> None:
    out = tmp_path / "klas.csv"
    assert main(["report", str(klas), "--csv", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["student", "scenario", "pogingen"] and len(body) == STUDENTS
    seven = next(r for r in body if r[0] == "student 07")
    assert seven[3] == f"{grade_of(7, 0):.1f}".replace(".", ",")
    assert float(seven[8].replace(",", ".")) == pytest.approx(2.0)


def test_html_overview(klas: Path, tmp_path: Path) -> None:
    out = tmp_path / "klas.html"
    assert main(["report", str(klas), "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    texts: list[str] = []

    class Parser(HTMLParser):
        def handle_data(self, data: str) -> None:
            texts.append(data)

    Parser().feed(page)
    text = " ".join(texts)
    assert (
        "Kantoorinrichting" in text
        and "student 49" in text
        and "<svg" in page
        and "http" not in page.replace("http://www.w3.org", "")
    )


def test_an_english_report_has_english_words_and_numbers(
    klas: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table, page = tmp_path / "class.csv", tmp_path / "class.html"
    assert main(["report", str(klas), "--csv", str(table), "--html", str(page), "--lang", "en"]) == 0
    assert "sessions" in capsys.readouterr().out
    rows = list(csv.reader(io.StringIO(table.read_bytes().decode("utf-8-sig")), delimiter=","))
    assert rows[0][:4] == ["student", "scenario", "attempts", "first grade"]
    seven = next(r for r in rows[1:] if r[0] == "student 07")
    assert seven[3] == f"{grade_of(7, 0):.1f}"
    html = page.read_text(encoding="utf-8")
    assert "<html lang='en'>" in html and "class overview" in html and "klasoverzicht" not in html


def test_no_sessions_is_an_error(tmp_path: Path) -> None:
    assert main(["report", str(tmp_path)]) == 1
