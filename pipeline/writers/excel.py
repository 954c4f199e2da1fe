"""review.xlsx: a workbook people review in.

Sheets: Tổng hợp (summary, reviewer name and date, counts, a chart), Văn bản,
Nhiệm vụ, Chỉ tiêu, Vấn đề. Row 1 holds Vietnamese headers, row 2 the English
field names that `vnplan apply-review` reads back. Every string is written as
a string, so text starting with "=" never becomes a formula.
"""
import os
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter

from pipeline import confidence
from pipeline.writers import excel_summary
from pipeline.writers.excel_summary import REVIEW_DATE_LABEL, REVIEWER_LABEL

REVIEW_CHOICES = ("Đúng", "Sửa", "Xóa")  # confirmed, corrected, deleted
HEADER_ROWS = 2
AGENCY_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    field: str  # English name, row 2; apply-review maps columns by it
    title: str  # Vietnamese header, row 1
    width: int = 16
    editable: bool = False


_REVIEW = [Column("review", "Kết quả rà soát", 14, True), Column("note", "Ghi chú", 30, True),
           Column("reviewer", REVIEWER_LABEL, 16, True), Column("reviewed_on", REVIEW_DATE_LABEL, 14, True)]
_PROVENANCE = [Column("excerpt", "Trích nguồn", 60), Column("source", "Tệp nguồn", 28),
               Column("page", "Trang", 7), Column("confidence", "Độ tin cậy", 10),
               Column("evidence", "Căn cứ xác định", 12)]
SHEETS = {  # kind -> (sheet name, id field, columns)
    "documents": ("Văn bản", "doc_id", [
        Column("doc_id", "Mã văn bản", 15), Column("number", "Số, ký hiệu", 18, True),
        Column("doc_type", "Loại văn bản", 14, True), Column("issue_date", "Ngày ban hành", 13, True),
        Column("issuer", "Cơ quan ban hành", 30, True), Column("place", "Địa danh", 14),
        Column("signer", "Người ký", 20, True), Column("title", "Trích yếu", 55, True),
        Column("source", "Tệp nguồn", 40), Column("warnings", "Cảnh báo", 30)] + _REVIEW),
    "tasks": ("Nhiệm vụ", "task_id", [
        Column("task_id", "Mã nhiệm vụ", 18), Column("document", "Số văn bản", 16),
        Column("section", "Mục", 9), Column("text", "Nội dung nhiệm vụ", 65, True),
        Column("lead_agencies", "Cơ quan chủ trì", 28, True),
        Column("coordinating_agencies", "Cơ quan phối hợp", 30, True),
        Column("deadline", "Thời hạn", 13, True)] + _PROVENANCE + _REVIEW),
    "targets": ("Chỉ tiêu", "target_id", [
        Column("target_id", "Mã chỉ tiêu", 18), Column("document", "Số văn bản", 16),
        Column("section", "Mục", 9), Column("text", "Nội dung chỉ tiêu", 65, True),
        Column("value", "Giá trị (%)", 10, True), Column("value_max", "Giá trị tối đa (%)", 10, True),
        Column("comparator", "So sánh", 10, True), Column("agencies", "Cơ quan (nhiệm vụ)", 24),
        Column("deadline", "Thời hạn", 13, True)] + _PROVENANCE + _REVIEW),
    "problems": ("Vấn đề", None, [
        Column("path", "Tệp", 45), Column("stage", "Giai đoạn", 12), Column("cause", "Nguyên nhân", 60),
        Column("severity", "Mức độ", 10)]),
}
COMPARATORS = ("=", ">=", ">", "<=", "<", "range", "decrease", "increase")


def deadline_cell(deadline) -> str:
    """A deadline as one cell: ISO date, else year, else the printed text."""
    if not deadline:
        return ""
    return deadline.get("date") or str(deadline.get("year") or "") or deadline.get("text") or ""


def editable_value(kind: str, field: str, record: dict):
    """The value written for an editable field; apply-review compares edits against it."""
    if field == "signer":
        return (record.get("signer") or {}).get("name")
    if field == "deadline":
        return deadline_cell(record.get("deadline"))
    if field in ("lead_agencies", "coordinating_agencies"):
        return AGENCY_SEPARATOR.join(record.get(field) or [])
    return record.get(field)


class _Context:
    """What a row needs beyond its record: document numbers, warnings, linked tasks."""

    def __init__(self, documents: list, tasks: list):
        self.numbers = {d["doc_id"]: d.get("number") or Path(d["source"]["path"]).name for d in documents}
        self.warnings = confidence.warnings_by_doc(documents)
        self.tasks = {t["task_id"]: t for t in tasks}

    def confidence(self, record: dict) -> float:
        return confidence.score(record, self.warnings.get(record.get("doc_id"), ()))


def _value(kind: str, column: Column, record: dict, context: _Context):
    field = column.field
    if column.editable:
        return None if field in ("review", "note", "reviewer", "reviewed_on") else \
            editable_value(kind, field, record)
    if field == "source":
        source = record.get("source")
        return source["path"] if isinstance(source, dict) else Path(source or "").name
    if field == "document":
        return context.numbers.get(record.get("doc_id"), record.get("doc_id"))
    if field == "page":
        return (record.get("span") or {}).get("page")
    if field == "confidence":
        return context.confidence(record)
    if field == "warnings":
        return "; ".join(record.get("warnings") or [])
    if kind == "targets" and field in ("section", "agencies"):
        task = context.tasks.get(record.get("task_id")) or {}
        return task.get("section") if field == "section" else AGENCY_SEPARATOR.join(task.get("lead_agencies") or [])
    return record.get(field)


class _Formats:
    def __init__(self, book):
        self.title = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#D9E1F2",
                                      "border": 1})
        self.editable = book.add_format({"bold": True, "text_wrap": True, "valign": "top",
                                         "bg_color": "#FFF2CC", "border": 1})
        self.field = book.add_format({"italic": True, "font_color": "#595959", "bg_color": "#F2F2F2",
                                      "border": 1})
        self.cell = book.add_format({"text_wrap": True, "valign": "top"})
        self.low = book.add_format({"bg_color": "#FCE4D6"})
        self.bold = book.add_format({"bold": True})
        self.heading = book.add_format({"bold": True, "font_size": 13})


def write_cell(sheet, row: int, col: int, value, fmt=None) -> None:
    """Strings stay strings (never formulas or links), numbers stay numbers."""
    if value is None or value == "":
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        sheet.write_number(row, col, value, fmt)
    else:
        sheet.write_string(row, col, str(value), fmt)


def _write_headers(sheet, columns: list, formats: _Formats) -> None:
    for col, column in enumerate(columns):
        sheet.write_string(0, col, column.title, formats.editable if column.editable else formats.title)
        sheet.write_string(1, col, column.field, formats.field)
        sheet.set_column(col, col, column.width, formats.cell)


def _write_sheet(book, kind: str, records: list, context: _Context, formats: _Formats) -> None:
    name, _id_field, columns = SHEETS[kind]
    sheet = book.add_worksheet(name)
    _write_headers(sheet, columns, formats)
    for row, record in enumerate(records, start=HEADER_ROWS):
        for col, column in enumerate(columns):
            write_cell(sheet, row, col, _value(kind, column, record, context), formats.cell)
    last = HEADER_ROWS + max(len(records), 1) - 1
    sheet.freeze_panes(HEADER_ROWS, 1)
    sheet.autofilter(HEADER_ROWS - 1, 0, last, len(columns) - 1)
    _add_validations(sheet, columns, last)
    _highlight_low_confidence(sheet, columns, last, formats)


def _column_index(columns: list, field: str):
    return next((i for i, c in enumerate(columns) if c.field == field), None)


def _add_validations(sheet, columns: list, last: int) -> None:
    for field, choices in (("review", REVIEW_CHOICES), ("comparator", COMPARATORS)):
        col = _column_index(columns, field)
        if col is not None:
            sheet.data_validation(HEADER_ROWS, col, last, col, {
                "validate": "list", "source": list(choices), "error_type": "warning",
                "input_title": field, "input_message": " / ".join(choices)})


def _highlight_low_confidence(sheet, columns: list, last: int, formats: _Formats) -> None:
    col = _column_index(columns, "confidence")
    if col is None:
        return
    letter = xlsxwriter.utility.xl_col_to_name(col)
    first_row = HEADER_ROWS + 1  # 1-based row number in the formula
    sheet.conditional_format(HEADER_ROWS, 0, last, len(columns) - 1, {
        "type": "formula", "format": formats.low,
        "criteria": f"=AND(ISNUMBER(${letter}{first_row}),${letter}{first_row}<{confidence.LOW})"})


def write(path: Path, documents: list, tasks: list, targets: list, problems: list) -> None:
    partial = Path(str(path) + ".partial")
    book = xlsxwriter.Workbook(str(partial), {"strings_to_formulas": False, "strings_to_urls": False,
                                              "strings_to_numbers": False})
    try:
        formats = _Formats(book)
        context = _Context(documents, tasks)
        excel_summary.write_sheet(book, formats, documents, tasks, targets, context.confidence)
        for kind, records in (("documents", documents), ("tasks", tasks), ("targets", targets),
                              ("problems", problems)):
            _write_sheet(book, kind, records, context, formats)
    finally:
        book.close()
    os.replace(partial, path)
