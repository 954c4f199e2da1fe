"""The Tổng hợp (summary) sheet of review.xlsx: reviewer and date cells, a
legend, counts per document, per lead agency and per deadline year, and a
chart of tasks per lead agency."""
from collections import Counter
from pathlib import Path

from pipeline import confidence

SHEET = "Tổng hợp"
REVIEWER_LABEL, REVIEW_DATE_LABEL = "Người rà soát", "Ngày rà soát"  # who reviewed, when
NO_DEADLINE = "(không có)"  # no deadline
CHART_AGENCIES = 20
LEGEND = [
    "Kết quả rà soát (review): Đúng = confirmed, Sửa = corrected (edit the cells), Xóa = delete the record.",
    "Yellow headers mark editable columns: text, agencies separated by \"; \", deadline as YYYY or YYYY-MM-DD.",
    f"Orange rows: confidence below {confidence.LOW} (explicit \"chủ trì\" > agency heading > table row > "
    "continuation; OCR warnings lower it).",
    "Row 2 of each sheet holds the English field names; keep it and the id column so rows map back.",
]


def _year(record: dict) -> str:
    year = (record.get("deadline") or {}).get("year")
    return str(year) if year else NO_DEADLINE


def per_document(documents: list, tasks: list, targets: list, score) -> list:
    task_counts, target_counts = Counter(t["doc_id"] for t in tasks), Counter(t["doc_id"] for t in targets)
    low = Counter(r["doc_id"] for r in tasks + targets if confidence.is_low(score(r)))
    return [[d.get("number") or "", Path(d["source"]["path"]).name, task_counts[d["doc_id"]],
             target_counts[d["doc_id"]], low[d["doc_id"]]] for d in documents]


def per_agency(tasks: list) -> list:
    counts = Counter(a for t in tasks for a in dict.fromkeys(t.get("lead_agencies") or []))
    return [[agency, n] for agency, n in counts.most_common()]


def per_year(tasks: list, targets: list) -> list:
    task_years, target_years = Counter(map(_year, tasks)), Counter(map(_year, targets))
    years = sorted(set(task_years) | set(target_years), key=lambda y: (y == NO_DEADLINE, y))
    return [[y, task_years[y], target_years[y]] for y in years]


def _table(sheet, row: int, title: str, headers: list, rows: list, formats) -> int:
    """Writes a titled table (Vietnamese + English header rows); returns the next free row."""
    sheet.write_string(row, 0, title, formats.heading)
    for col, (vietnamese, english) in enumerate(headers):
        sheet.write_string(row + 1, col, vietnamese, formats.title)
        sheet.write_string(row + 2, col, english, formats.field)
    for r, values in enumerate(rows, start=row + 3):
        for col, value in enumerate(values):
            if isinstance(value, str):
                sheet.write_string(r, col, value, formats.cell)
            else:
                sheet.write_number(r, col, value, formats.cell)
    return row + 3 + len(rows) + 1


def _chart(book, sheet, first_row: int, n_rows: int, anchor: str) -> None:
    if not n_rows:
        return
    last = first_row + min(n_rows, CHART_AGENCIES) - 1
    chart = book.add_chart({"type": "bar"})
    chart.add_series({"name": "Nhiệm vụ (tasks)", "categories": [SHEET, first_row, 0, last, 0],
                      "values": [SHEET, first_row, 1, last, 1], "data_labels": {"value": True}})
    chart.set_title({"name": "Nhiệm vụ theo cơ quan chủ trì (tasks per lead agency)"})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"none": True})
    chart.set_size({"width": 720, "height": max(300, 24 * (last - first_row + 1) + 80)})
    sheet.insert_chart(anchor, chart)


def write_sheet(book, formats, documents: list, tasks: list, targets: list, score) -> None:
    sheet = book.add_worksheet(SHEET)
    sheet.set_column(0, 0, 45)
    sheet.set_column(1, 4, 16)
    sheet.write_string(0, 0, "Tổng hợp kết quả trích xuất (summary)", formats.heading)
    for row, (label, field) in enumerate(((REVIEWER_LABEL, "reviewer"), (REVIEW_DATE_LABEL, "reviewed_on")), 2):
        sheet.write_string(row, 0, f"{label} ({field})", formats.editable)
        sheet.write_blank(row, 1, None, formats.cell)
    for row, line in enumerate(LEGEND, start=5):
        sheet.write_string(row, 0, line)
    row = _table(sheet, 5 + len(LEGEND) + 1, "Theo văn bản (per document)",
                 [("Số văn bản", "number"), ("Tệp nguồn", "source"), ("Nhiệm vụ", "tasks"),
                  ("Chỉ tiêu", "targets"), ("Độ tin cậy thấp", "low_confidence")],
                 per_document(documents, tasks, targets, score), formats)
    agencies = per_agency(tasks)
    agency_row = row
    row = _table(sheet, row, "Theo cơ quan chủ trì (per lead agency)",
                 [("Cơ quan chủ trì", "lead_agency"), ("Nhiệm vụ", "tasks")], agencies, formats)
    _chart(book, sheet, agency_row + 3, len(agencies), f"G{agency_row + 1}")
    _table(sheet, row, "Theo năm của thời hạn (per deadline year)",
           [("Năm", "year"), ("Nhiệm vụ", "tasks"), ("Chỉ tiêu", "targets")], per_year(tasks, targets), formats)
