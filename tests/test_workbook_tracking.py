"""review.xlsx as a tracker and on paper: STT, a Tình trạng drop-down beside Kết quả rà soát,
deadlines and dates as Excel dates, row heights that fit the wrapped text, print setup."""
import datetime

import openpyxl
import pytest

from pipeline.review import apply_review
from tests.plan_text import cli, write_plan


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    base = tmp_path_factory.mktemp("workbook")
    write_plan(base / "in")
    assert cli("-q", "run", base / "in", "--out", base / "out").returncode == 0
    return base / "out"


def _sheet(run_dir, name="Nhiệm vụ"):
    ws = openpyxl.load_workbook(run_dir / "review.xlsx")[name]
    fields = {c.value: c.column for c in ws[2]}
    return ws, fields


def test_stt_and_status_beside_the_review_column(run_dir):
    ws, fields = _sheet(run_dir)
    assert ws.cell(1, 1).value == "STT" and [ws.cell(r, 1).value for r in range(3, 8)] == [1, 2, 3, 4, 5]
    assert fields["status"] == fields["review"] + 1 and ws.cell(1, fields["status"]).value == "Tình trạng"
    (choices,) = [v for v in ws.data_validations.dataValidation if "Quá hạn" in (v.formula1 or "")]
    assert choices.formula1 == '"Chưa thực hiện,Đang thực hiện,Hoàn thành,Quá hạn"'
    column = openpyxl.utils.get_column_letter(fields["status"])
    assert f"{column}3" in choices.sqref
    statuses = [ws.cell(r, fields["status"]).value for r in range(3, 8)]
    today = datetime.date.today()
    assert statuses[1] == ("Quá hạn" if today > datetime.date(2026, 6, 30) else "Chưa thực hiện")


def test_dates_are_excel_dates_as_precise_as_the_text(run_dir):
    ws, fields = _sheet(run_dir)
    cells = [ws.cell(r, fields["deadline"]) for r in range(3, 8)]
    assert [c.value for c in cells] == ["Quý III/2026", datetime.datetime(2026, 6, 30), "2026-12-15 (định kỳ)",
                                        "6 tháng đầu năm 2026", "2026"]
    assert cells[1].number_format == "mm/yyyy"
    documents, doc_fields = _sheet(run_dir, "Văn bản")
    issued = documents.cell(3, doc_fields["issue_date"])
    assert issued.value == datetime.datetime(2026, 3, 12) and issued.number_format == "dd/mm/yyyy"


def test_rows_are_tall_enough_for_their_text(run_dir):
    ws, fields = _sheet(run_dir)
    width = ws.column_dimensions[openpyxl.utils.get_column_letter(fields["text"])].width
    for row in range(3, 8):
        lines = -(-len(ws.cell(row, fields["text"]).value) // int(width))  # at a character per width unit
        assert ws.row_dimensions[row].height >= 15 * lines * 0.8, row  # at most a fifth narrower text assumed
    assert ws.row_dimensions[5].height >= 45  # the third task, 240 characters: three lines at least


def test_print_setup(run_dir):
    ws, _fields = _sheet(run_dir)
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1)  # 1 by default
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$1:$2"


def test_an_untouched_workbook_changes_nothing(run_dir, tmp_path):
    result = apply_review(run_dir / "review.xlsx", tmp_path / "fixed")
    assert result.counts["corrected"] == 0 and not result.errors
