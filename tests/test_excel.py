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
        highlighted = [str(cf.sqref) for cf in ws.conditional_formatting]  # low-confidence rows, doubtful OCR cells
        ocr_col = "" if name == "Văn bản" else openpyxl.utils.get_column_letter(_header(ws, 2).index("ocr_confidence") + 1)
        assert highlighted == ([] if name == "Văn bản" else [f"A3:{ws.cell(2, ws.max_column).column_letter}{ws.max_row}",
                                                            f"{ocr_col}3:{ocr_col}{ws.max_row}"])
    text_col = openpyxl.utils.get_column_letter(_header(book["Nhiệm vụ"], 2).index("text") + 1)
    assert book["Nhiệm vụ"].column_dimensions[text_col].width > 40  # the task text is readable


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


# ------------------------------------------------------------------ streaming

# written for these tests in the style of a provincial plan, not taken from the corpus
OWN_TASKS = {
    "d0000000000a1": [("II.1", "Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.", ["Sở Y tế"]),
                      ("II.2", "Sở Công Thương phối hợp quản lý thị trường, xử lý hàng giả.", ["Sở Công Thương"])],
    "d0000000000b2": [("III.1", "Sở Nông nghiệp và Môi trường chủ trì trồng mới rừng phòng hộ ven biển.",
                       ["Sở Nông nghiệp và Môi trường"])],
}


def _own_run(folder, copies=1, n_extra_tasks=0):
    """JSONL of two documents (tasks, a target per task) repeated `copies` times, written without extraction."""
    writers = {kind: jsonl.JsonlWriter(folder / f"{kind}.jsonl") for kind in KINDS}
    for copy in range(copies):
        for number, (doc_id, rows) in enumerate(OWN_TASKS.items(), 1):
            _own_document(writers, f"{doc_id}{copy or ''}", f"{number + 2 * copy}/KH-UBND",
                          rows + [("IV.1", f"Ủy ban nhân dân cấp xã tuyên truyền lần {i}.", ["Ủy ban nhân dân cấp xã"])
                                  for i in range(n_extra_tasks if number == 1 else 0)])
    for writer in writers.values():
        writer.commit()
    return [jsonl.Records(folder / f"{kind}.jsonl") for kind in KINDS]


def _own_document(writers, doc_id, number, rows):
    writers["documents"].write({"doc_id": doc_id, "number": number, "title": "Kế hoạch năm 2026",
                                "source": {"path": f"/in/{doc_id}.txt"}, "warnings": []})
    for i, (section, text, lead) in enumerate(rows, 1):
        task_id = f"{doc_id}-t{i:03d}"
        writers["tasks"].write({"task_id": task_id, "doc_id": doc_id, "section": section, "text": text,
                                "lead_agencies": lead, "coordinating_agencies": [], "evidence": "explicit",
                                "deadline": {"text": "Năm 2026", "date": None, "year": 2026},
                                "source": f"/in/{doc_id}.txt", "span": {"start": 0, "end": 5}})
        writers["targets"].write({"target_id": f"{doc_id}-c{i:03d}", "doc_id": doc_id, "task_id": task_id,
                                  "text": "Phấn đấu 95% hộ dân được tuyên truyền.", "value": 95,
                                  "comparator": ">=", "evidence": "explicit", "deadline": None})


def _rows(ws):
    fields = _header(ws, 2)
    return [dict(zip(fields, row)) for row in ws.iter_rows(min_row=3, values_only=True)]


def test_streamed_workbook_links_each_target_to_its_task(tmp_path):
    path = tmp_path / "review.xlsx"
    assert excel.write(path, *_own_run(tmp_path)) == []
    book = openpyxl.load_workbook(path)
    targets = _rows(book["Chỉ tiêu"])
    assert [(t["section"], t["agencies"]) for t in targets] == [
        ("II.1", "Sở Y tế"), ("II.2", "Sở Công Thương"), ("III.1", "Sở Nông nghiệp và Môi trường")]
    assert [t["document"] for t in targets] == ["1/KH-UBND", "1/KH-UBND", "2/KH-UBND"]
    summary = list(book["Tổng hợp"].iter_rows(values_only=True))
    assert ("1/KH-UBND", "d0000000000a1.txt", 2, 2, 0) in [r[:5] for r in summary]
    assert ("2026", 3, 0) in [r[:3] for r in summary]  # targets without a deadline count as none
    assert ("Sở Y tế", 1) in [r[:2] for r in summary]


def test_rows_past_the_excel_limit_are_left_out_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(excel, "MAX_ROWS", excel.HEADER_ROWS + 4)
    path = tmp_path / "review.xlsx"
    warnings = excel.write(path, *_own_run(tmp_path, n_extra_tasks=3))
    assert [w["stage"] for w in warnings] == ["write", "write"]  # tasks and targets: 6 each, 4 fit
    assert all(w["severity"] == "warning" and "2 more" in w["cause"] for w in warnings)
    book = openpyxl.load_workbook(path)
    tasks = _rows(book["Nhiệm vụ"])
    assert [t["task_id"][-4:] for t in tasks] == ["t001", "t002", "t003", "t004"]
    ws = book["Nhiệm vụ"]
    assert ws.freeze_panes == "B3" and ws.auto_filter.ref == f"A2:{ws.cell(2, ws.max_column).column_letter}6"
    (choices,) = [v for v in ws.data_validations.dataValidation if v.formula1 == '"Đúng,Sửa,Xóa"']
    assert str(choices.sqref).endswith("6")
    assert [p["cause"] for p in _rows(book["Vấn đề"])][:2] == [w["cause"] for w in warnings]
    notes = [r[0] for r in book["Tổng hợp"].iter_rows(values_only=True) if r[0] and "2 more" in r[0]]
    assert notes, "the summary sheet says the workbook is cut"
    summary = list(book["Tổng hợp"].iter_rows(values_only=True))
    assert ("2026", 6, 0) in [r[:3] for r in summary]  # counts from every record, written or not
    assert not any(r[1] == "d0000000000a1.txt" for r in summary)  # no room left for the per-document table


def test_memory_stays_flat_when_documents_grow(tmp_path):
    """Ten times the documents: the extra memory per extra record is a small fraction of a record."""
    import tracemalloc
    peaks, sizes = [], []
    for copies in (10, 100):
        folder = tmp_path / str(copies)
        folder.mkdir()
        records = _own_run(folder, copies, n_extra_tasks=8)
        sizes.append(sum(1 for kind in records[1:3] for _ in kind))
        tracemalloc.start()
        excel.write(folder / "review.xlsx", *records)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    per_record = (peaks[1] - peaks[0]) / (sizes[1] - sizes[0])
    assert per_record < 400, (peaks, per_record)  # holding the rows costs about 2 KB a record


def test_small_workbooks_built_in_memory_match_streamed_ones(tmp_path):
    records = _own_run(tmp_path, 3, n_extra_tasks=2)
    excel.write(tmp_path / "streamed.xlsx", *records)
    excel.write(tmp_path / "in_memory.xlsx", *records, rows=excel.IN_MEMORY_ROWS)
    streamed, in_memory = (openpyxl.load_workbook(tmp_path / f"{n}.xlsx") for n in ("streamed", "in_memory"))
    assert streamed.sheetnames == in_memory.sheetnames
    for name in streamed.sheetnames:
        assert list(streamed[name].iter_rows(values_only=True)) == list(in_memory[name].iter_rows(values_only=True))
        assert streamed[name].freeze_panes == in_memory[name].freeze_panes


def test_over_long_text_is_cut_to_fit_a_cell(tmp_path):
    import xlsxwriter
    long_text = "Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật; " * 800  # ~45,000 characters
    book = xlsxwriter.Workbook(str(tmp_path / "long.xlsx"))
    sheet = book.add_worksheet()
    excel.write_cell(sheet, 0, 0, long_text)
    excel.write_cell(sheet, 0, 1, "=SUM(A1)")
    book.close()
    cells = openpyxl.load_workbook(tmp_path / "long.xlsx").active
    assert cells["A1"].value.startswith("Sở Tư pháp chủ trì") and cells["A1"].value.endswith("[…]")
    assert len(cells["A1"].value) <= excel.MAX_CELL_CHARS + 4
    assert cells["B1"].data_type == "s" and cells["B1"].value == "=SUM(A1)"
