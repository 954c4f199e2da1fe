"""review.xlsx: sheets, two header rows, frozen panes, filters, drop-downs,
a summary with a chart, confidence highlighting, formula-like text kept as text."""
import zipfile

import openpyxl
import pytest

from pipeline import confidence
from pipeline.cli import main
from pipeline.writers import excel, jsonl
from tests.conftest import CORPUS

SEED = CORPUS / "seeds" / "000_5af79f33ba832511.txt"
KINDS = ("documents", "tasks", "targets", "problems")


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("excel") / "out"
    assert main(["run", str(SEED), "--out", str(out), "--workers", "1"]) == 0
    return out


def _records(out):
    return [jsonl.read(out / f"{kind}.jsonl") for kind in KINDS]


def _header(ws, row):
    return [c.value for c in ws[row]]


def test_sheets_have_vietnamese_and_english_headers(run_dir):
    book = openpyxl.load_workbook(run_dir / "review.xlsx")
    assert book.sheetnames == ["Tổng hợp", "Văn bản", "Nhiệm vụ", "Chỉ tiêu", "Vấn đề"]
    tasks = book["Nhiệm vụ"]
    titles, fields = _header(tasks, 1), _header(tasks, 2)
    for title in ("Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Trích nguồn",
                  "Tệp nguồn", "Trang", "Độ tin cậy", "Kết quả rà soát"):
        assert title in titles
    for field in ("task_id", "document", "section", "text", "lead_agencies", "coordinating_agencies",
                  "deadline", "excerpt", "source", "page", "confidence", "review"):
        assert field in fields
    assert "value" in _header(book["Chỉ tiêu"], 2) and "title" in _header(book["Văn bản"], 2)


def test_one_row_per_record_mapped_by_id(run_dir):
    _docs, tasks, targets, _problems = _records(run_dir)
    book = openpyxl.load_workbook(run_dir / "review.xlsx")
    for sheet, records, id_field in (("Nhiệm vụ", tasks, "task_id"), ("Chỉ tiêu", targets, "target_id")):
        ws = book[sheet]
        fields = _header(ws, 2)
        rows = [dict(zip(fields, row)) for row in ws.iter_rows(min_row=3, values_only=True)]
        assert [r[id_field] for r in rows] == [r[id_field] for r in records]
        assert all(isinstance(r["confidence"], float) and 0 < r["confidence"] <= 1 for r in rows)
    lead = dict(zip(_header(book["Nhiệm vụ"], 2), next(book["Nhiệm vụ"].iter_rows(min_row=3, values_only=True))))
    assert lead["lead_agencies"] == "; ".join(tasks[0]["lead_agencies"])


def test_frozen_headers_filters_and_dropdowns(run_dir):
    book = openpyxl.load_workbook(run_dir / "review.xlsx")
    for name in ("Văn bản", "Nhiệm vụ", "Chỉ tiêu"):
        ws = book[name]
        assert ws.freeze_panes == "B3"
        assert ws.auto_filter.ref.startswith("A2:")
        review_col = openpyxl.utils.get_column_letter(_header(ws, 2).index("review") + 1)
        (choices,) = [v for v in ws.data_validations.dataValidation if v.formula1 == '"Đúng,Sửa,Xóa"']
        assert choices.type == "list"
        assert f"{review_col}3" in choices.sqref and f"{review_col}{ws.max_row}" in choices.sqref
        highlighted = [str(cf.sqref) for cf in ws.conditional_formatting]  # low-confidence rows
        assert highlighted == ([] if name == "Văn bản" else [f"A3:{ws.cell(2, ws.max_column).column_letter}{ws.max_row}"])
    assert book["Nhiệm vụ"].column_dimensions["D"].width > 40  # the task text is readable


def test_summary_counts_reviewer_cells_and_chart(run_dir):
    _docs, tasks, targets, _problems = _records(run_dir)
    ws = openpyxl.load_workbook(run_dir / "review.xlsx")["Tổng hợp"]
    rows = list(ws.iter_rows(values_only=True))
    labels = [r[0] for r in rows if r[0]]
    assert any(label.startswith("Người rà soát") for label in labels)
    assert any(label.startswith("Ngày rà soát") for label in labels)
    justice = sum("Sở Tư pháp" in t["lead_agencies"] for t in tasks)
    assert ("Sở Tư pháp", justice) in [r[:2] for r in rows]
    per_doc = next(r for r in rows if r[1] == SEED.name)
    assert per_doc[2:4] == (len(tasks), len(targets))
    with zipfile.ZipFile(run_dir / "review.xlsx") as archive:
        chart = archive.read("xl/charts/chart1.xml").decode("utf-8")
    assert "barChart" in chart and "Tổng hợp" in chart


def test_formula_like_text_is_stored_as_text(run_dir, tmp_path):
    documents, tasks, targets, problems = _records(run_dir)
    starts = ["=SUM(A1:A9) là số liệu tổng hợp", "+84 236 3821 234 đường dây nóng", "-Sở Nội vụ theo dõi",
              "@Sở Tài chính bố trí kinh phí"]
    for task, text in zip(tasks, starts):
        task["text"] = text
    tasks[0]["lead_agencies"] = ["=Sở Tư pháp"]
    path = tmp_path / "review.xlsx"
    excel.write(path, documents, tasks[:len(starts)], targets, problems)
    ws = openpyxl.load_workbook(path)["Nhiệm vụ"]
    fields = _header(ws, 2)
    text_col, lead_col = fields.index("text") + 1, fields.index("lead_agencies") + 1
    cells = [ws.cell(row=3 + i, column=text_col) for i in range(min(len(tasks), len(starts)))]
    assert cells, "the seed run gives tasks"
    assert all(c.data_type == "s" for c in cells)
    assert cells[0].value.startswith("=")
    lead = ws.cell(row=3, column=lead_col)
    assert lead.data_type == "s" and lead.value == "=Sở Tư pháp"


def test_confidence_follows_evidence_and_ocr():
    scores = [confidence.score({"evidence": e}) for e in ("explicit", "heading", "table", "continuation")]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 4
    explicit = confidence.score({"evidence": "explicit"})
    assert confidence.score({"evidence": "explicit"}, ["OCR used on pages 2-3"]) < explicit
    assert confidence.score({"evidence": "explicit"}, ["Trang 3 được nhận dạng từ ảnh quét"]) < explicit
    assert confidence.score({"evidence": "explicit"}, ["signer not found", "issue_date not found"]) == explicit
    assert confidence.is_low(confidence.score({"evidence": "continuation"}, ["PDF has no text layer (scanned?)"]))
    assert not confidence.is_low(explicit)


def test_low_confidence_row_is_flagged_in_summary(run_dir, tmp_path):
    documents, tasks, targets, problems = _records(run_dir)
    documents[0]["warnings"] = ["OCR used on pages 1-4"]
    for task in tasks:
        task["evidence"] = "continuation"
    path = tmp_path / "review.xlsx"
    excel.write(path, documents, tasks, targets, problems)
    book = openpyxl.load_workbook(path)
    ws = book["Nhiệm vụ"]
    fields = _header(ws, 2)
    values = [dict(zip(fields, r)) for r in ws.iter_rows(min_row=3, values_only=True)]
    assert values and all(confidence.is_low(v["confidence"]) for v in values)
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    assert any(f"<{confidence.LOW}" in rule.formula[0] for rule in rules)
    per_doc = next(r for r in book["Tổng hợp"].iter_rows(values_only=True) if r[1] == SEED.name)
    assert per_doc[4] >= len(tasks)
