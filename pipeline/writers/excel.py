"""review.xlsx: a workbook people review in.

Sheets: Tổng hợp (summary, reviewer name and date, counts, a chart), Văn bản,
Nhiệm vụ, Chỉ tiêu, Vấn đề. Row 1 holds Vietnamese headers, row 2 the English
field names that `vnplan apply-review` reads back. Every string is written as
a string, so text starting with "=" never becomes a formula. Rows are written
in order, so a large workbook streams (constant_memory): memory stays flat
however many records.
"""
import datetime
import os
import re
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

import xlsxwriter

from extractors import deadlines
from pipeline import confidence, tracking
from pipeline.records import Problem, to_dict
from pipeline.writers import excel_summary
from pipeline.writers.excel_summary import REVIEW_DATE_LABEL, REVIEWER_LABEL

REVIEW_CHOICES = ("Đúng", "Sửa", "Xóa")  # confirmed, corrected, deleted
HEADER_ROWS = 2
MAX_ROWS = 1_048_576  # rows in an Excel sheet, the two header rows included
AGENCY_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    field: str  # English name, row 2; apply-review maps columns by it
    title: str  # Vietnamese header, row 1
    width: int = 16
    editable: bool = False


_REVIEW = [Column("review", "Kết quả rà soát", 14, True), Column("note", "Ghi chú", 30, True),
           Column("reviewer", REVIEWER_LABEL, 16, True), Column("reviewed_on", REVIEW_DATE_LABEL, 14, True)]
_TRACKED = _REVIEW[:1] + [Column("status", "Tình trạng", 15, True)] + _REVIEW[1:]  # beside Kết quả rà soát
_STT = Column("stt", "STT", 6)  # số thứ tự, the row's number
_PROVENANCE = [Column("excerpt", "Trích nguồn", 60), Column("source", "Tệp nguồn", 28),
               Column("page", "Trang", 7), Column("confidence", "Độ tin cậy", 10),
               Column("ocr_confidence", "Độ tin cậy OCR", 10),
               Column("evidence", "Căn cứ xác định", 12)]
SHEETS = {  # kind -> (sheet name, id field, columns)
    "documents": ("Văn bản", "doc_id", [
        Column("doc_id", "Mã văn bản", 15), Column("number", "Số, ký hiệu", 18, True),
        Column("doc_type", "Loại văn bản", 14, True), Column("kind", "Dạng văn bản (kind)", 14),
        Column("issue_date", "Ngày ban hành", 13, True),
        Column("issuer", "Cơ quan ban hành", 30, True), Column("place", "Địa danh", 14),
        Column("signer", "Người ký", 20, True), Column("title", "Trích yếu", 55, True),
        Column("source", "Tệp nguồn", 40), Column("warnings", "Cảnh báo", 30)] + _REVIEW),
    "tasks": ("Nhiệm vụ", "task_id", [
        _STT, Column("task_id", "Mã nhiệm vụ", 18), Column("document", "Số văn bản", 16),
        Column("section", "Mục", 9), Column("text", "Nội dung nhiệm vụ", 65, True),
        Column("lead_agencies", "Cơ quan chủ trì", 28, True),
        Column("coordinating_agencies", "Cơ quan phối hợp", 30, True),
        Column("deadline", "Thời hạn", 13, True)] + _PROVENANCE + _TRACKED),
    "targets": ("Chỉ tiêu", "target_id", [
        _STT, Column("target_id", "Mã chỉ tiêu", 18), Column("document", "Số văn bản", 16),
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
    """A deadline as one cell, as precise as its text: 2025-06-30, 06/2026, Quý III/2025, 2025."""
    return deadlines.label(deadline)


def deadline_value(deadline) -> str:
    """What the workbook's Thời hạn cell holds: the ISO date where it is written as an Excel date
    (a day, or a month shown mm/yyyy), else the label (a quarter, a year, a recurring deadline)."""
    if deadline and not deadline.get("recurring") and deadline.get("precision") in ("day", "month"):
        return deadline["date"]
    return deadline_cell(deadline)


def editable_value(kind: str, field: str, record: dict):
    """The value written for an editable field; apply-review compares edits against it."""
    if field == "signer":
        return (record.get("signer") or {}).get("name")
    if field == "deadline":
        return deadline_value(record.get("deadline"))
    if field in ("lead_agencies", "coordinating_agencies"):
        return AGENCY_SEPARATOR.join(record.get(field) or [])
    return record.get(field)


class _Context:
    """What a row needs beyond its record: the number and warnings of each document (a small
    entry per document) and, for targets, the task they belong to."""

    def __init__(self):
        self.numbers, self.warnings, self.task_lookup = {}, {}, None
        self.today = datetime.date.today()  # Quá hạn counts from the day of the run

    def add_document(self, document: dict) -> None:
        doc_id = document["doc_id"]
        self.numbers[doc_id] = document.get("number") or Path(document["source"]["path"]).name
        if document.get("warnings"):
            self.warnings[doc_id] = list(document["warnings"])

    def confidence(self, record: dict) -> float:
        return confidence.score(record, self.warnings.get(record.get("doc_id"), ()))

    def task(self, target: dict) -> dict:
        return self.task_lookup.get(target) if self.task_lookup else {}


class _TaskLookup:
    """The task a target belongs to, reading the tasks one document at a time alongside the
    targets: a run writes both files in the same document order, so one document's tasks are held."""

    def __init__(self, tasks):
        self.groups = groupby(tasks, key=lambda task: task["doc_id"])
        self.doc_id, self.tasks = None, {}

    def get(self, target: dict) -> dict:
        if not target.get("task_id"):
            return {}
        if target["doc_id"] != self.doc_id:
            self._advance(target["doc_id"])
        return self.tasks.get(target["task_id"]) or {}

    def _advance(self, doc_id: str) -> None:
        self.tasks = {}
        for self.doc_id, group in self.groups:
            if self.doc_id == doc_id:
                self.tasks = {task["task_id"]: {"section": task.get("section"),
                                                "lead_agencies": task.get("lead_agencies")} for task in group}
                return


def _value(kind: str, column: Column, record: dict, context: _Context):
    field = column.field
    if field == "status":
        return tracking.status(record.get("deadline"), context.today)
    if column.editable:
        return None if field in ("review", "note", "reviewer", "reviewed_on") else \
            editable_value(kind, field, record)
    if field == "source":
        source = record.get("source")
        return source["path"] if isinstance(source, dict) else os.path.basename(source or "")
    if field == "document":
        return context.numbers.get(record.get("doc_id"), record.get("doc_id"))
    if field == "page":
        return (record.get("span") or {}).get("page")
    if field == "confidence":
        return context.confidence(record)
    if field == "warnings":
        return "; ".join(record.get("warnings") or [])
    if field == "kind":  # "law (normative number 56/2025/QĐ-UBND)"
        evidence = "; ".join(record.get("kind_evidence") or [])
        return f"{record.get('kind') or ''} ({evidence})" if evidence else record.get("kind")
    if kind == "targets" and field in ("section", "agencies"):
        task = context.task(record)
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
        self.date = book.add_format({"num_format": "dd/mm/yyyy", "valign": "top", "align": "left"})
        self.month = book.add_format({"num_format": "mm/yyyy", "valign": "top", "align": "left"})
        self.low = book.add_format({"bg_color": "#FCE4D6"})
        self.doubtful_ocr = book.add_format({"bg_color": "#F8CBAD", "bold": True, "font_color": "#9C0006"})
        self.bold = book.add_format({"bold": True})
        self.heading = book.add_format({"bold": True, "font_size": 13})


MAX_CELL_CHARS = 16_000  # Excel holds 32,767 UTF-16 units a cell; JSONL keeps the whole text


DATE_FIELDS = ("issue_date", "deadline")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LINE_HEIGHT = 15  # points per line of 11 pt text
MAX_ROW_HEIGHT = 409  # Excel's limit
CHARS_PER_WIDTH = 1.2  # characters of Vietnamese text per unit of column width


def row_height(columns: list, values: list) -> float:
    """Points that show every wrapped line of the row's fullest cell (LibreOffice and Excel do not
    grow a row written with no height; rows then overlap)."""
    lines = 1
    for column, value in zip(columns, values):
        if isinstance(value, str) and value:
            per_line = max(1, int(column.width * CHARS_PER_WIDTH))
            lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in value.split("\n")))
    return min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines)


def _print_setup(sheet) -> None:
    """A4 landscape, all columns on a page's width, header rows on every page."""
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0, HEADER_ROWS - 1)
    sheet.set_margins(left=0.3, right=0.3, top=0.5, bottom=0.5)


def write_cell(sheet, row: int, col: int, value, fmt=None) -> None:
    """Strings stay strings (never formulas or links), numbers stay numbers; over-long text is cut.
    Nothing is written for an empty value: the cell keeps its column's format, and a third of a
    task row is empty (review columns), so the workbook is written faster."""
    if value is None or value == "":
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        sheet.write_number(row, col, value, fmt)
    elif isinstance(value, datetime.date):
        sheet.write_datetime(row, col, value, fmt)
    else:
        text = str(value)
        sheet.write_string(row, col, text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS] + " […]", fmt)


def _write_headers(sheet, columns: list, formats: _Formats) -> None:
    """Row 1 then row 2: a streamed sheet takes its rows in order."""
    for col, column in enumerate(columns):
        sheet.set_column(col, col, column.width, formats.cell)
        sheet.write_string(0, col, column.title, formats.editable if column.editable else formats.title)
    for col, column in enumerate(columns):
        sheet.write_string(1, col, column.field, formats.field)


class _Sheet:
    """One record sheet, its rows written in order; rows past `last_row` are counted (for the
    summary) but not written."""

    def __init__(self, book, kind: str, formats: _Formats, last_row: int):
        self.kind, (name, _id_field, self.columns) = kind, SHEETS[kind]
        self.sheet, self.formats, self.last_row = book.add_worksheet(name), formats, last_row
        self.row, self.left_out = HEADER_ROWS, 0
        _write_headers(self.sheet, self.columns, formats)

    def add(self, record: dict, context: _Context) -> None:
        if self.row >= self.last_row:
            self.left_out += 1
            return
        values = [_value(self.kind, column, record, context) for column in self.columns]
        if self.columns[0] is _STT:
            values[0] = self.row - HEADER_ROWS + 1
        height = row_height(self.columns, values)
        if height > LINE_HEIGHT:  # before the cells: rows stream; xlsxwriter keeps ~300 bytes a set row
            self.sheet.set_row(self.row, height)
        for col, (column, value) in enumerate(zip(self.columns, values)):
            value, fmt = self._typed(column, value, record)
            write_cell(self.sheet, self.row, col, value, fmt)
        self.row += 1

    def _typed(self, column: Column, value, record: dict) -> tuple:
        """A date column's ISO text as an Excel date (a month-precision deadline shown mm/yyyy)."""
        if column.field not in DATE_FIELDS or not isinstance(value, str) or not _ISO_DATE.match(value):
            return value, self.formats.cell
        month = column.field == "deadline" and (record.get("deadline") or {}).get("precision") == "month"
        return datetime.date.fromisoformat(value), self.formats.month if month else self.formats.date

    def finish(self) -> None:
        last = max(self.row - 1, HEADER_ROWS)
        _print_setup(self.sheet)
        self.sheet.freeze_panes(HEADER_ROWS, 1)
        self.sheet.autofilter(HEADER_ROWS - 1, 0, last, len(self.columns) - 1)
        _add_validations(self.sheet, self.columns, last)
        _highlight_low_confidence(self.sheet, self.columns, last, self.formats)


def _observe(kind: str, record: dict, context: _Context, counts) -> None:
    if kind == "documents":
        context.add_document(record)
    counts.add(kind, record, context.confidence(record) if kind in ("tasks", "targets") else None)


def _cut_warning(path: Path, kind: str, left_out: int) -> dict:
    cause = (f"{Path(path).name}: sheet {SHEETS[kind][0]} holds the first {MAX_ROWS - HEADER_ROWS} {kind}, "
             f"{left_out} more did not fit (Excel's row limit); {kind}.jsonl has them all")
    return to_dict(Problem(str(path), "write", cause, "warning"))


def _column_index(columns: list, field: str):
    return next((i for i, c in enumerate(columns) if c.field == field), None)


def _add_validations(sheet, columns: list, last: int) -> None:
    for field, choices in (("review", REVIEW_CHOICES), ("status", tracking.STATUSES), ("comparator", COMPARATORS)):
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
    col = _column_index(columns, "ocr_confidence")
    if col is not None:  # text OCR read with doubt: its own cell marked too
        cell = f"{xlsxwriter.utility.xl_col_to_name(col)}{first_row}"
        sheet.conditional_format(HEADER_ROWS, col, last, col, {
            "type": "formula", "format": formats.doubtful_ocr,
            "criteria": f"=AND(ISNUMBER({cell}),{cell}<{confidence.OCR_LOW})"})


IN_MEMORY_ROWS = 10_000  # ~130 MB of cells at most; above, the workbook streams
_CUT_WARNINGS = len(SHEETS)  # rows kept at the end of Vấn đề for the warnings about cut sheets


class Workbook:
    """review.xlsx written record by record, each sheet in row order, so records can be added
    while a run goes on (`add_document`) and a streamed workbook (xlsxwriter's constant_memory)
    keeps memory flat however many records. `close` writes the summary sheet and returns
    warnings (Problem dicts) for the sheets cut at Excel's row limit; they also end Vấn đề."""

    def __init__(self, path: Path, streaming: bool = True):
        self.path, self.partial = Path(path), Path(str(path) + ".partial")
        self.book = xlsxwriter.Workbook(str(self.partial), {
            "constant_memory": streaming, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False})
        self.formats, self.context, self.counts = _Formats(self.book), _Context(), excel_summary.Counts()
        self.summary = excel_summary.add_sheet(self.book)  # the first tab, written once the counts are known
        self.sheets = {kind: _Sheet(self.book, kind, self.formats,
                                    MAX_ROWS - (_CUT_WARNINGS if kind == "problems" else 0)) for kind in SHEETS}

    def add(self, kind: str, record: dict) -> None:
        _observe(kind, record, self.context, self.counts)
        self.sheets[kind].add(record, self.context)

    def add_document(self, document: dict, tasks: list, targets: list, problems: list = ()) -> None:
        """One document's records, in the order a run writes them."""
        self.add("documents", document)
        for task in tasks:
            self.add("tasks", task)
        self.context.task_lookup = _DocumentTasks(tasks)
        for target in targets:
            self.add("targets", target)
        for problem in problems:
            self.add("problems", problem)

    def close(self, documents) -> list:
        """Finishes the sheets and the summary (`documents` read again for its per-document table)."""
        try:
            warnings = [_cut_warning(self.path, kind, sheet.left_out)
                        for kind, sheet in self.sheets.items() if sheet.left_out]
            for warning in warnings:
                self.sheets["problems"].last_row += 1
                self.add("problems", warning)
            for sheet in self.sheets.values():
                sheet.finish()
            excel_summary.write_sheet(self.book, self.summary, self.formats, documents, self.counts,
                                      [w["cause"] for w in warnings], MAX_ROWS)
        finally:
            self.book.close()
        os.replace(self.partial, self.path)
        return warnings


    def abort(self) -> None:
        """A run that fails leaves no workbook behind (nor its partial file)."""
        self.book.close()
        self.partial.unlink(missing_ok=True)


class _DocumentTasks:
    """The tasks of the document whose targets are being written."""

    def __init__(self, tasks: list):
        self.tasks = {task["task_id"]: task for task in tasks}

    def get(self, target: dict) -> dict:
        return self.tasks.get(target.get("task_id")) or {}


def write(path: Path, documents, tasks, targets, problems, rows: int = None) -> list:
    """Writes the workbook sheet after sheet from whole outputs. With more than IN_MEMORY_ROWS
    `rows` (or an unknown count) it streams; smaller workbooks are built in memory, which is
    faster. Each argument is an iterable that can be read again (a list, or jsonl.Records
    streaming a file): documents and tasks are read twice, the others once."""
    workbook = Workbook(path, streaming=rows is None or rows > IN_MEMORY_ROWS)
    for kind, records in (("documents", documents), ("tasks", tasks), ("targets", targets),
                          ("problems", problems)):
        workbook.context.task_lookup = _TaskLookup(tasks) if kind == "targets" else None
        for record in records:
            workbook.add(kind, record)
    return workbook.close(documents)
