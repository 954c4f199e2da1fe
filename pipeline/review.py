"""apply-review: read a reviewed review.xlsx back and write corrected records.

Rows are mapped to records by their id column and the English field names of
header row 2. A row marked Xóa is deleted (a deleted document takes its tasks
and targets with it); a cell whose value differs from what the run wrote is a
correction; a row marked Đúng without edits is confirmed. Records not in the
workbook are kept as they were. Who reviewed and when come from per-row
columns, else from the summary sheet, and are logged in review.json.

A row that cannot be applied (an id not in the run, an id seen twice, a
formula in a cell: formulas are never evaluated nor stored as text) is
refused and reported with its sheet and row; so is a missing or unknown
sheet. A workbook with a DTD or that would inflate too far is refused whole
(workbook_guard.py) before anything is written.
"""
import datetime
import re
import sys
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.escape import unescape

from extractors import deadlines
from pipeline import workbook_guard
from pipeline.normalize import fold, new_style_tones
from pipeline.records import Deadline, to_dict
from pipeline.writers import excel, jsonl
from pipeline.writers.excel_summary import REVIEW_DATE_LABEL, REVIEWER_LABEL, SHEET

KINDS = ("documents", "tasks", "targets")
_REVIEW_FIELDS = {"review", "status", "note", "reviewer", "reviewed_on"}
_STATUS = {fold(choice): status for choice, status in zip(excel.REVIEW_CHOICES, ("confirmed", "corrected", "deleted"))}
_AGENCY_SPLIT = re.compile(r"\s*[;\n]\s*")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)$")


class ReviewError(Exception):
    """The workbook or the run folder cannot be used; the message says why."""


@dataclass
class ReviewResult:
    counts: dict = field(default_factory=lambda: {"confirmed": 0, "corrected": 0, "deleted": 0, "unreviewed": 0})
    changes: list = field(default_factory=list)  # one entry per reviewed record
    errors: list = field(default_factory=list)  # cells that could not be read; the original value is kept
    refused: list = field(default_factory=list)  # {sheet, row, cause} for rows and sheets not applied
    reviewer: str = None
    reviewed_on: str = None

    def line(self) -> str:
        c = self.counts
        return (f"{c['confirmed']} confirmed, {c['corrected']} corrected, {c['deleted']} deleted, "
                f"{c['unreviewed']} unreviewed" + (f", {len(self.errors)} unreadable cells" if self.errors else "")
                + (f", {len(self.refused)} refused" if self.refused else ""))

    def refuse(self, sheet: str, row, cause: str) -> None:
        self.refused.append({"sheet": sheet, "row": row, "cause": cause})


# ------------------------------------------------------------------ cell values

def plain(value) -> str:
    """A cell value as comparable text: 80.0 -> '80', a date -> ISO, None -> '', '_x000D_a' -> 'a'."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = unescape(str(value))  # control characters come back from the sheet as _x000D_
    return new_style_tones(unicodedata.normalize("NFC", text)).strip()  # hoà -> hòa


def _as_written(value) -> tuple:
    """The forms of a value in an untouched cell: itself, and over-long text cut as writers/excel.py cuts it."""
    if isinstance(value, str) and len(value) > excel.MAX_CELL_CHARS:
        return plain(value), plain(value[:excel.MAX_CELL_CHARS] + " […]")
    return (plain(value),)


def parse_deadline(value):
    """'2025', '2025-06-30', '30/6/2025', '06/2026', 'Quý III/2025', a date cell or free text -> a Deadline dict."""
    text = plain(value)
    if not text:
        return None
    if _YEAR.match(text):
        return to_dict(Deadline(text, None, int(text)))
    if _ISO_DATE.match(text):
        return to_dict(Deadline(text, text))
    dmy = _DMY.match(text)
    if dmy:
        day, month, year = map(int, dmy.groups())
        return to_dict(Deadline(text, datetime.date(year, month, day).isoformat()))
    return to_dict(deadlines.parse(text) or Deadline(text))


def parse_number(value):
    text = plain(value).replace(",", ".").rstrip("%").strip()
    return float(text) if text else None


def parse_field(field_name: str, value):
    """The record value for an edited cell; raises ValueError when it cannot be read."""
    if field_name in ("lead_agencies", "coordinating_agencies"):
        return [plain(a) for a in _AGENCY_SPLIT.split(str(value or "")) if plain(a)]
    if field_name == "deadline":
        return parse_deadline(value)
    if field_name in ("value", "value_max"):
        number = parse_number(value)
        if number is None and field_name == "value":
            raise ValueError("a target needs a value")
        return number
    if field_name == "comparator":
        if plain(value) not in excel.COMPARATORS:
            raise ValueError(f"comparator must be one of {', '.join(excel.COMPARATORS)}")
        return plain(value)
    return plain(value) or None


def _set(record: dict, field_name: str, value) -> None:
    if field_name == "signer":
        record["signer"] = {**(record.get("signer") or {}), "name": value}
    else:
        record[field_name] = value


# ------------------------------------------------------------------ workbook

def _formulas(cells) -> list:
    """'H7 =IF(...)' for each formula cell of a row (read as the formula, never its cached value)."""
    return [f"{get_column_letter(i)}{c.row} {c.value}" for i, c in enumerate(cells, 1) if c.data_type == "f"]


def _sheet_rows(book, kind: str, result: ReviewResult):
    """(row number, {field: cell value}) for the data rows of one sheet that hold no formula."""
    name, id_field = excel.SHEETS[kind][:2]
    if name not in book.sheetnames:
        result.refuse(name, None, "sheet not found (renamed or deleted?): its records are kept as the run wrote them")
        return
    rows = book[name].iter_rows()
    next(rows, None)  # Vietnamese headers
    fields = [plain(c.value) for c in next(rows, ())]
    if id_field not in fields:
        result.refuse(name, 2, f"row 2 has no {id_field} column: the sheet was not read")
        return
    for number, cells in enumerate(rows, 3):
        if all(c.value is None for c in cells):
            continue
        formulas = _formulas(cells)
        if formulas:
            result.refuse(name, number, f"formula in {'; '.join(formulas)}: formulas are not evaluated, type the value")
            continue
        yield number, dict(zip(fields, (c.value for c in cells)))


def _summary_value(book, label: str, result: ReviewResult):
    if SHEET not in book.sheetnames:
        return None
    for number, cells in enumerate(book[SHEET].iter_rows(max_row=20, max_col=2), 1):
        if len(cells) < 2 or not (isinstance(cells[0].value, str) and cells[0].value.startswith(label)):
            continue
        if _formulas(cells):
            result.refuse(SHEET, number, f"formula in {'; '.join(_formulas(cells))}: {label} not read")
            return None
        return plain(cells[1].value) or None
    return None


def _unknown_sheets(book, result: ReviewResult) -> None:
    known = {SHEET} | {name for name, *_ in excel.SHEETS.values()}
    for name in book.sheetnames:
        if name not in known:
            result.refuse(name, None, "not a sheet vnplan wrote (renamed?): not read")


def _edits(kind: str, row: dict, record: dict, result: ReviewResult, where: str) -> dict:
    """field -> (old, new) for every editable cell that differs from what the run wrote."""
    edits = {}
    for column in excel.SHEETS[kind][2]:
        name = column.field
        if not column.editable or name in _REVIEW_FIELDS or name not in row:
            continue
        if plain(row[name]) in _as_written(excel.editable_value(kind, name, record)):
            continue
        try:
            edits[name] = (excel.editable_value(kind, name, record), parse_field(name, row[name]))
        except ValueError as e:
            result.errors.append(f"{where} {name}: {e}")
    return edits


def _review_row(kind: str, row: dict, record: dict, result: ReviewResult, number: int) -> bool:
    """Applies one row to its record; returns False when the record is deleted."""
    record_id = record[excel.SHEETS[kind][1]]
    status = _STATUS.get(fold(plain(row.get("review"))))
    where = f"{excel.SHEETS[kind][0]} row {number} ({record_id})"
    edits = {} if status == "deleted" else _edits(kind, row, record, result, where)
    for name, (_old, new) in edits.items():
        _set(record, name, new)
    if status != "deleted":
        status = "corrected" if edits else ("confirmed" if status else "unreviewed")
    result.counts[status] += 1
    if status != "unreviewed":
        result.changes.append({
            "kind": kind, "id": record_id, "status": status,
            "fields": {name: {"old": old, "new": new} for name, (old, new) in edits.items()},
            "note": plain(row.get("note")) or None,
            "reviewer": plain(row.get("reviewer")) or result.reviewer,
            "reviewed_on": plain(row.get("reviewed_on")) or result.reviewed_on})
    return status != "deleted"


def apply_workbook(book, records: dict) -> tuple:
    """records: kind -> list of dicts (the run's JSONL). Returns (corrected records, ReviewResult)."""
    result = ReviewResult()
    result.reviewer = _summary_value(book, REVIEWER_LABEL, result)
    result.reviewed_on = _summary_value(book, REVIEW_DATE_LABEL, result)
    _unknown_sheets(book, result)
    kept = {}
    for kind in KINDS:
        name, id_field = excel.SHEETS[kind][:2]
        by_id = {r[id_field]: r for r in records[kind]}
        deleted, seen = set(), {}
        for number, row in _sheet_rows(book, kind, result):
            record_id = plain(row.get(id_field))
            if record_id in seen:
                result.refuse(name, number, f"{record_id} was already reviewed at row {seen[record_id]}")
            elif record_id not in by_id:
                result.refuse(name, number, f"{id_field} {record_id or '(empty)'} is not in the run (edited id?)")
            else:
                seen[record_id] = number
                if not _review_row(kind, row, by_id[record_id], result, number):
                    deleted.add(record_id)
        kept[kind] = [r for r in records[kind] if r[id_field] not in deleted]
    documents = {d["doc_id"] for d in kept["documents"]}
    for kind in ("tasks", "targets"):
        kept[kind] = [r for r in kept[kind] if r["doc_id"] in documents]
    return kept, result


# ------------------------------------------------------------------ gold files

def _gold_deadline(deadline):
    """FORMAT.md: an ISO date where the text gives a day, else the year."""
    if not deadline:
        return None
    if deadline.get("date") and deadline.get("precision") in (None, "day"):
        return deadline["date"]
    return str(deadline["year"]) if deadline.get("year") else None


def gold_file(document: dict, tasks: list, targets: list) -> dict:
    """One gold annotation in the format of gold/FORMAT.md."""
    return {
        "source": Path(document["source"]["path"]).name,
        "document": {"number": document.get("number"), "doc_type": document.get("doc_type"),
                     "issue_date": document.get("issue_date"), "issuer": document.get("issuer"),
                     "signer": (document.get("signer") or {}).get("name"), "title": document.get("title")},
        "tasks": [{"text": t["text"], "lead": t["lead_agencies"], "coordinating": t["coordinating_agencies"],
                   "deadline": _gold_deadline(t.get("deadline"))} for t in tasks],
        "targets": [{"text": t["text"], "value": t["value"], "value_max": t.get("value_max"),
                     "comparator": t["comparator"], "deadline": _gold_deadline(t.get("deadline"))}
                    for t in targets],
    }


def write_gold(gold_dir: Path, records: dict) -> int:
    """One file per source stem; as in evaluation, the first document of a stem wins (x.pdf, x.txt)."""
    gold_dir.mkdir(parents=True, exist_ok=True)
    written = set()
    for document in records["documents"]:
        stem = Path(document["source"]["path"]).stem
        if stem in written:
            continue
        written.add(stem)
        own = {kind: [r for r in records[kind] if r["doc_id"] == document["doc_id"]] for kind in ("tasks", "targets")}
        jsonl.write_json_atomic(gold_dir / f"{stem}.json", gold_file(document, own["tasks"], own["targets"]))
    return len(written)


# ------------------------------------------------------------------ command

def _load_run(run_dir: Path) -> dict:
    missing = [k for k in KINDS if not (run_dir / f"{k}.jsonl").exists()]
    if missing:
        raise ReviewError(f"{run_dir}: no {', '.join(k + '.jsonl' for k in missing)} (give the run folder with --run)")
    return {kind: jsonl.read(run_dir / f"{kind}.jsonl") for kind in KINDS}


def _open(workbook: Path):
    try:
        workbook_guard.check(workbook)
    except workbook_guard.UnsafeWorkbook as e:
        raise ReviewError(f"{workbook}: refused: {e}") from e
    try:
        return openpyxl.load_workbook(workbook, read_only=True)
    except (OSError, ValueError, KeyError) as e:
        raise ReviewError(f"{workbook}: cannot open the workbook ({e})") from e
    except Exception as e:  # a corrupt zip or XML inside the file
        raise ReviewError(f"{workbook}: not a readable .xlsx workbook ({type(e).__name__})") from e


def apply_review(workbook: Path, out_dir: Path, run_dir: Path = None, gold_dir: Path = None) -> ReviewResult:
    workbook = Path(workbook)
    records = _load_run(Path(run_dir) if run_dir else workbook.parent)
    book = _open(workbook)
    try:
        corrected, result = apply_workbook(book, records)
    except (ParseError, zipfile.BadZipFile, zlib.error, EOFError) as e:  # broken past the first element
        raise ReviewError(f"{workbook}: not a readable .xlsx workbook ({type(e).__name__}: {e})") from e
    finally:
        book.close()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        writer = jsonl.JsonlWriter(out_dir / f"{kind}.jsonl")
        for record in corrected[kind]:
            writer.write(record)
        writer.commit()
    jsonl.write_json_atomic(out_dir / "review.json", {
        "workbook": str(workbook), "reviewer": result.reviewer, "reviewed_on": result.reviewed_on,
        "counts": result.counts, "changes": result.changes, "errors": result.errors, "refused": result.refused})
    if gold_dir:
        write_gold(Path(gold_dir), corrected)
    return result


def run_cli(workbook: Path, out_dir: Path, run_dir: Path = None, gold_dir: Path = None) -> int:
    try:
        result = apply_review(workbook, out_dir, run_dir, gold_dir)
    except ReviewError as e:
        print(f"vnplan: {e}", file=sys.stderr)
        return 1
    print(result.line())
    for error in result.errors:
        print(f"vnplan: kept the original value: {error}", file=sys.stderr)
    for r in result.refused:
        print(f"vnplan: refused {r['sheet']}" + (f" row {r['row']}" if r["row"] else "") + f": {r['cause']}",
              file=sys.stderr)
    return 2 if result.refused or result.errors else 0
