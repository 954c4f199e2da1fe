"""The Tổng hợp (summary) sheet of review.xlsx: reviewer and date cells, a
legend, documents per kind, counts per document, per lead agency and per deadline year, and a
chart of tasks per lead agency.

The counts are accumulated record by record while the other sheets stream
(`Counts.add`), so the sheet is written last from a few Counters."""
from collections import Counter
from itertools import islice
from pathlib import Path

from pipeline import confidence

SHEET = "Tổng hợp"
REVIEWER_LABEL, REVIEW_DATE_LABEL = "Người rà soát", "Ngày rà soát"  # who reviewed, when
NO_DEADLINE = "(không có)"  # no deadline
NO_KIND = "(chưa xác định)"  # no kind recorded
CHART_AGENCIES = 20
NOTES_ROW = 4  # between the reviewer cells and the legend
LEGEND_ROW = 5
LEGEND = [
    "Kết quả rà soát (review): Đúng = confirmed, Sửa = corrected (edit the cells), Xóa = delete the record.",
    "Yellow headers mark editable columns: text, agencies separated by \"; \", deadline as YYYY or YYYY-MM-DD.",
    f"Orange rows: confidence below {confidence.LOW} (explicit \"chủ trì\" > agency heading > table row > "
    "continuation; OCR warnings lower it; a record whose words OCR read with a mean confidence below "
    f"{confidence.OCR_LOW} (Độ tin cậy OCR, its cell in red) is always orange).",
    "Row 2 of each sheet holds the English field names; keep it and the id column so rows map back.",
]


def _year(record: dict) -> str:
    year = (record.get("deadline") or {}).get("year")
    return str(year) if year else NO_DEADLINE


class Counts:
    """Tasks and targets per document, tasks per lead agency, tasks and targets per deadline year."""

    def __init__(self):
        self.documents = 0
        self.kinds = Counter()  # documents per kind (extractors.kinds)
        self.per_doc = {"tasks": Counter(), "targets": Counter(), "low": Counter()}
        self.agencies, self.years = Counter(), {"tasks": Counter(), "targets": Counter()}

    def add(self, kind: str, record: dict, score: float = None) -> None:
        if kind == "documents":
            self.documents += 1
            self.kinds[record.get("kind") or NO_KIND] += 1
            return
        if kind not in self.years:
            return
        doc_id = record.get("doc_id")
        self.per_doc[kind][doc_id] += 1
        self.per_doc["low"][doc_id] += confidence.is_low(score)
        self.years[kind][_year(record)] += 1
        if kind == "tasks":
            self.agencies.update(list(dict.fromkeys(record.get("lead_agencies") or ())))  # once a task, in order

    def per_document(self, documents):
        """One row per document, streamed from `documents`."""
        for d in documents:
            yield [d.get("number") or "", Path(d["source"]["path"]).name,
                   *(self.per_doc[kind][d["doc_id"]] for kind in ("tasks", "targets", "low"))]

    def per_kind(self) -> list:
        return [[kind, n] for kind, n in self.kinds.most_common()]

    def per_agency(self) -> list:
        return [[agency, n] for agency, n in self.agencies.most_common()]

    def per_year(self) -> list:
        tasks, targets = self.years["tasks"], self.years["targets"]
        years = sorted(set(tasks) | set(targets), key=lambda y: (y == NO_DEADLINE, y))
        return [[y, tasks[y], targets[y]] for y in years]


def _table(sheet, row: int, title: str, headers: list, rows, formats, limit: int = None) -> int:
    """Writes a titled table (Vietnamese + English header rows), at most `limit` data rows;
    returns the next free row."""
    sheet.write_string(row, 0, title, formats.heading)
    for offset, fmt in ((1, formats.title), (2, formats.field)):  # row by row: the sheet streams
        for col, names in enumerate(headers):
            sheet.write_string(row + offset, col, names[offset - 1], fmt)
    r = row + 3
    for values in islice(rows, limit):
        for col, value in enumerate(values):
            if isinstance(value, str):
                sheet.write_string(r, col, value, formats.cell)
            else:
                sheet.write_number(r, col, value, formats.cell)
        r += 1
    return r + 1


def _chart(book, first_row: int, n_rows: int):
    last = first_row + min(n_rows, CHART_AGENCIES) - 1
    chart = book.add_chart({"type": "bar"})
    chart.add_series({"name": "Nhiệm vụ (tasks)", "categories": [SHEET, first_row, 0, last, 0],
                      "values": [SHEET, first_row, 1, last, 1], "data_labels": {"value": True}})
    chart.set_title({"name": "Nhiệm vụ theo cơ quan chủ trì (tasks per lead agency)"})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"none": True})
    chart.set_size({"width": 720, "height": max(300, 24 * (last - first_row + 1) + 80)})
    return chart


def add_sheet(book):
    """The summary sheet, first in the workbook; `write_sheet` fills it once the counts are known."""
    sheet = book.add_worksheet(SHEET)
    sheet.set_column(0, 0, 45)
    sheet.set_column(1, 4, 16)
    return sheet


def write_sheet(book, sheet, formats, documents, counts: Counts, notes: list, max_rows: int) -> None:
    """Rows in order (the workbook streams): title, reviewer cells, notes, legend, then the tables.
    The per-document table is cut when the sheet would pass `max_rows`; a note says so."""
    agencies, years, kinds = counts.per_agency(), counts.per_year(), counts.per_kind()
    first = LEGEND_ROW + len(LEGEND) + 1
    room = max(0, max_rows - first - 3 - (3 + len(kinds) + 1) - (3 + len(agencies) + 1) - (3 + len(years) + 1))
    if counts.documents > room:
        notes = notes + [f"Theo văn bản: chỉ {room} văn bản đầu tiên (per document table cut at Excel's row limit)."]
    sheet.write_string(0, 0, "Tổng hợp kết quả trích xuất (summary)", formats.heading)
    for row, (label, field) in enumerate(((REVIEWER_LABEL, "reviewer"), (REVIEW_DATE_LABEL, "reviewed_on")), 2):
        sheet.write_string(row, 0, f"{label} ({field})", formats.editable)
        sheet.write_blank(row, 1, None, formats.cell)
    if notes:
        sheet.write_string(NOTES_ROW, 0, " ".join(notes), formats.bold)
    for row, line in enumerate(LEGEND, start=LEGEND_ROW):
        sheet.write_string(row, 0, line)
    row = _table(sheet, first, "Theo dạng văn bản (per kind)",
                 [("Dạng văn bản", "kind"), ("Văn bản", "documents")], kinds, formats)
    row = _table(sheet, row, "Theo văn bản (per document)",
                 [("Số văn bản", "number"), ("Tệp nguồn", "source"), ("Nhiệm vụ", "tasks"),
                  ("Chỉ tiêu", "targets"), ("Độ tin cậy thấp", "low_confidence")],
                 counts.per_document(documents), formats, limit=room)
    agency_row = row
    row = _table(sheet, row, "Theo cơ quan chủ trì (per lead agency)",
                 [("Cơ quan chủ trì", "lead_agency"), ("Nhiệm vụ", "tasks")], agencies, formats)
    if agencies:
        sheet.insert_chart(f"G{agency_row + 1}", _chart(book, agency_row + 3, len(agencies)))
    _table(sheet, row, "Theo năm của thời hạn (per deadline year)",
           [("Năm", "year"), ("Nhiệm vụ", "tasks"), ("Chỉ tiêu", "targets")], years, formats)
