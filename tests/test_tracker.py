"""`vnplan export`: a tracker's columns, statuses from the due date and the run's day, links into the
HTML page, and a key that survives edits elsewhere in the document."""
import csv
import datetime
import io

import pytest

from pipeline import export
from tests.plan_text import PLAN, cli, write_plan


def _tracker(folder, text=PLAN, *extra):
    write_plan(folder / "in", text)
    assert cli("-q", "run", folder / "in", "--out", folder / "out").returncode == 0
    done = cli("export", "--out", folder / "out", "--to", "-", *extra)
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(done.stdout)))


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tracker")
    return folder, _tracker(folder, PLAN, "--as-of", "2026-07-15")


def test_tracker_columns(rows):
    _folder, found = rows
    assert [r["stt"] for r in found] == ["1", "2", "3", "4", "5"]
    first = found[0]
    assert first["title"].startswith("Sở Tài chính chủ trì hướng dẫn") and not first["title"].startswith("1.")
    assert len(found[2]["title"]) <= export.TITLE_LENGTH + 1 and found[2]["title"].endswith("…")
    assert (first["deadline"], first["deadline_precision"]) == ("2026-09-30", "quarter")
    assert (first["document_number"], first["document_date"]) == ("88/KH-UBND", "2026-03-12")
    assert found[1]["coordinating_printed"] == "các sở, ngành"


def test_status_counts_from_the_given_day(rows):
    _folder, found = rows
    statuses = {r["section"]: r["status"] for r in found}
    assert statuses == {"I.1": "Chưa thực hiện", "I.2": "Quá hạn", "I.3": "Chưa thực hiện",  # I.3 recurs
                        "I.4": "Quá hạn", "I.5": "Chưa thực hiện"}


def test_link_points_at_the_task_in_its_page(rows):
    folder, found = rows
    page, anchor = found[3]["link"].split("#")
    assert f'id="{anchor}"' in (folder / "out" / page).read_text(encoding="utf-8")


def test_key_survives_an_edit_elsewhere(rows, tmp_path):
    _folder, before = rows
    edited = PLAN.replace("Triển khai công tác văn thư, lưu trữ năm 2026",
                          "Triển khai công tác văn thư, lưu trữ và số hóa tài liệu năm 2026")
    after = _tracker(tmp_path, edited)
    assert [r["key"] for r in after] == [r["key"] for r in before]
    assert [r["task_id"] for r in after] != [r["task_id"] for r in before]  # the file's bytes changed
    reworded = _tracker(tmp_path / "again", PLAN.replace("sổ sách kế toán", "sổ sách kế toán, chứng từ"))
    assert reworded[0]["key"] != before[0]["key"] and reworded[1]["key"] == before[1]["key"]


def test_status_from_the_run_day_by_default(tmp_path):
    write_plan(tmp_path / "in")
    assert cli("-q", "run", tmp_path / "in", "--out", tmp_path / "out").returncode == 0
    assert export.run_date(tmp_path / "out") == datetime.date.today()
    found = export.rows(tmp_path / "out", as_of=datetime.date(2027, 1, 1))
    assert {r["status"] for r in found if not r["deadline_text"].endswith("hằng năm")} == {"Quá hạn"}
    assert cli("export", "--out", tmp_path / "out", "--as-of", "15/7/2026").returncode == 1
