"""Search a run's tasks (DIR/index.sqlite): full text without diacritics or case,
ranked by relevance (bm25), with filters on agencies, deadlines and documents."""
import io
import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from extractors import registry
from extractors.agencies import canonical
from pipeline.normalize import fold
from pipeline.writers import csvfile, index

OPEN, CLOSE = "«", "»"  # around matched words in excerpts
_START, _END = "\x02", "\x03"  # markers FTS5 puts in the folded text, moved onto the original
_PHRASE = re.compile(r'"([^"]+)"|(\w+)')
WINDOW = 220  # characters of excerpt shown around the first match
COLUMNS = ["task_id", "number", "section", "lead", "coordinating", "deadline", "issuer", "issue_date", "excerpt"]


@dataclass
class Filters:
    agency: Optional[str] = None  # lead or coordinating, any alias
    lead: Optional[str] = None
    due_before: Optional[str] = None  # ISO dates, inclusive
    due_after: Optional[str] = None
    doc: Optional[str] = None  # document number
    issuer: Optional[str] = None
    year: Optional[int] = None  # the document's year of issue


def fts_query(query: str) -> str:
    """User words -> an FTS5 query on the folded text: every word (or "quoted phrase") must occur."""
    terms = []
    for phrase, word in _PHRASE.findall(fold(query)):
        words = re.findall(r"\w+", phrase or word)
        if words:
            terms.append('"' + " ".join(words) + '"')
    return " ".join(terms)


def _agency_condition(name: str, lead_only: bool) -> tuple:
    found = registry.resolve(name)
    role = " AND a.role = 'lead'" if lead_only else ""
    column = "a.id" if found.id and "@" in found.id else "a.base_id"
    ident = found.id if column == "a.id" or not found.id else found.id.split("@")[0]
    return (f"EXISTS (SELECT 1 FROM agencies a WHERE a.task_id = t.task_id{role} "
            f"AND ({column} = ? OR a.key = ?))", [ident, canonical(name)])


def _conditions(filters: Filters) -> tuple:
    where, params = [], []
    for name, lead_only in ((filters.agency, False), (filters.lead, True)):
        if name:
            clause, values = _agency_condition(name, lead_only)
            where.append(clause)
            params += values
    simple = [("t.due <= ?", filters.due_before), ("t.due >= ?", filters.due_after),
              ("t.number_key = ?", canonical(filters.doc) if filters.doc else None),
              ("t.issuer_key LIKE ?", f"%{canonical(filters.issuer)}%" if filters.issuer else None),
              ("t.year = ?", filters.year)]
    for clause, value in simple:
        if value is not None:
            where.append(clause)
            params.append(value)
    return where, params


def transfer_marks(marked_folded: str, original: str) -> str:
    """Put the markers FTS5 set in the folded copy around the same characters of the original."""
    out, pos = [], 0
    for ch in marked_folded:
        if ch in (_START, _END):
            out.append(OPEN if ch == _START else CLOSE)
        else:
            out.append(original[pos] if pos < len(original) else "")
            pos += 1
    return "".join(out)


def window(text: str, width: int = WINDOW) -> str:
    """The part of a long excerpt around its first match."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= width:
        return text
    first = max(text.find(OPEN), 0)
    start = max(0, min(first - width // 3, len(text) - width))
    return ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")


def search(out_dir: Path, query: str = "", filters: Optional[Filters] = None, limit: int = 50) -> list:
    """Matching tasks as dicts (COLUMNS + score), best first."""
    filters = filters or Filters()
    path = Path(out_dir) / index.NAME
    if not path.exists():
        raise FileNotFoundError(f"no index in {out_dir}: run `vnplan run ... --out {out_dir}` first")
    where, params = _conditions(filters)
    terms = fts_query(query or "")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    try:
        if terms:
            sql = (f"SELECT t.*, highlight(search, 0, '{_START}', '{_END}') AS marked, bm25(search) AS score "
                   f"FROM search JOIN tasks t ON t.rowid = search.rowid WHERE search MATCH ? "
                   f"{''.join(' AND ' + w for w in where)} ORDER BY score LIMIT ?")
            rows = db.execute(sql, [terms] + params + [limit]).fetchall()
        else:
            sql = (f"SELECT t.*, NULL AS marked, 0.0 AS score FROM tasks t "
                   f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY t.rowid LIMIT ?")
            rows = db.execute(sql, params + [limit]).fetchall()
    finally:
        db.close()
    return [_result(row) for row in rows]


def _result(row: sqlite3.Row) -> dict:
    excerpt = transfer_marks(row["marked"], row["excerpt"]) if row["marked"] else row["excerpt"]
    result = {column: row[column] for column in COLUMNS}
    result.update(excerpt=window(excerpt), score=round(0.0 - row["score"], 4))  # 0.0, not -0.0, when unranked
    return result


def render(results: list, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(results, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        csvfile.write_rows(buffer, COLUMNS + ["score"], results)
        return buffer.getvalue()
    return "\n\n".join(_table_entry(r) for r in results) or "no matching task"


def _table_entry(result: dict) -> str:
    head = " | ".join(str(result[c] or "-") for c in ("number", "section", "lead", "deadline"))
    return f"{result['task_id']}  {head}\n    {result['excerpt']}"
