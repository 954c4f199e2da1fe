"""Search a run's tasks (DIR/index.sqlite): full text, case ignored, with filters on
agencies, deadlines and documents.

Ranked in tiers, then by relevance (bm25) within a tier: the query as an exact
phrase, then its words with the query's own diacritics, then the folded phrase,
then the folded words (số, sở, sổ all fold to "so"). A query typed without
diacritics starts at the folded tiers."""
import datetime
import io
import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from extractors import registry
from extractors.agencies import canonical
from pipeline.normalize import fold, normalize_string
from pipeline.writers import csvfile, index

OPEN, CLOSE = "«", "»"  # around matched words in excerpts
_START, _END = "\x02", "\x03"  # markers FTS5 puts in the folded text, moved onto the original
_PHRASE = re.compile(r'"([^"]+)"|(\w+)')
AGENCY_WEIGHT = 0.2  # bm25 weight of the agencies column against the excerpt's 1.0
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


def _terms(query: str) -> list:
    """The query's words (or "quoted phrases") as lists of words."""
    found = [re.findall(r"\w+", phrase or word) for phrase, word in _PHRASE.findall(query)]
    return [words for words in found if words]


def _fts(terms: list) -> str:
    return " ".join('"' + " ".join(words) + '"' for words in terms)


def fts_query(query: str) -> str:
    """User words -> an FTS5 query on the folded text: every word (or "quoted phrase") must occur."""
    return _fts(_terms(fold(query)))


def tiers(query: str) -> list:
    """(table, FTS5 query, name) from the best kind of match to the loosest, without repeats."""
    query = normalize_string(query or "")
    terms, folded = _terms(query), _terms(fold(query))
    if not terms:
        return []
    whole = lambda t: [[w for words in t for w in words]]
    found = [("search", _fts(whole(folded)), "folded phrase"), ("search", _fts(folded), "folded words")]
    if fold(query) != query.lower():  # typed with diacritics
        found[:0] = [("exact", _fts(whole(terms)), "phrase"), ("exact", _fts(terms), "words")]
    if len(terms) == 1:  # one word or one quoted phrase: the phrase tiers are the word tiers
        found = found[1::2]
    return found


def _tiered_sql(found: list, where: list) -> str:
    """One query: each tier's hits, every task kept at its best tier, then the filters."""
    hits = " UNION ALL ".join(  # an agency name counts less than the task's text
        f"SELECT rowid AS id, {i} AS tier, bm25({table}, 1.0, {AGENCY_WEIGHT}) AS score, "
        f"highlight({table}, 0, '{_START}', '{_END}') AS marked FROM {table} WHERE {table} MATCH ?"
        for i, (table, _query, _name) in enumerate(found))
    return (f"WITH hits AS MATERIALIZED ({hits}) SELECT t.*, h.tier, h.score, h.marked FROM "
            f"(SELECT id, MIN(tier) AS tier, score, marked FROM hits GROUP BY id) h JOIN tasks t ON t.rowid = h.id "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY h.tier, h.score LIMIT ?")


_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def due_day(value: Optional[str], option: str = "due date") -> Optional[str]:
    """'2025-12-31' or '31/12/2025' -> '2025-12-31'; anything else (a bare year too) raises ValueError."""
    if value is None:
        return None
    text = str(value).strip()
    if re.fullmatch(r"\d{4}", text):
        raise ValueError(f"{option} {text!r} is ambiguous: give {text}-01-01 (from the year's start) "
                         f"or {text}-12-31 (to its end), or 31/12/{text}")
    iso, dmy = _ISO_DAY.match(text), _DMY_DAY.match(text)
    parts = iso.groups() if iso else dmy.groups()[::-1] if dmy else None
    try:
        return datetime.date(*map(int, parts)).isoformat()
    except (TypeError, ValueError):
        raise ValueError(f"{option} {text!r} is not a date: give YYYY-MM-DD or DD/MM/YYYY") from None


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
    simple = [("t.due <= ?", due_day(filters.due_before, "--due-before")),
              ("t.due >= ?", due_day(filters.due_after, "--due-after")),
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
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    try:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        found = [tier for tier in tiers(query) if tier[0] in tables]  # an older index has no `exact`
        if found:
            rows = db.execute(_tiered_sql(found, where), [q for _t, q, _n in found] + params + [limit]).fetchall()
        else:
            sql = (f"SELECT t.*, NULL AS tier, 0.0 AS score, NULL AS marked FROM tasks t "
                   f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY t.rowid LIMIT ?")
            rows = db.execute(sql, params + [limit]).fetchall()
    finally:
        db.close()
    return [_result(row, found) for row in rows]


def _result(row: sqlite3.Row, found: list) -> dict:
    tier = found[row["tier"]] if row["tier"] is not None else None
    excerpt = row["excerpt"]
    if tier and tier[0] == "exact":  # marks set on the text as written
        excerpt = row["marked"].replace(_START, OPEN).replace(_END, CLOSE)
    elif tier:
        excerpt = transfer_marks(row["marked"], row["excerpt"])
    result = {column: row[column] for column in COLUMNS}
    result.update(excerpt=window(excerpt), score=round(0.0 - row["score"], 4),  # 0.0, not -0.0, when unranked
                  match=tier[2] if tier else None)
    return result


def render(results: list, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(results, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        csvfile.write_rows(buffer, COLUMNS + ["score", "match"], results)
        return buffer.getvalue()
    return "\n\n".join(_table_entry(r) for r in results) or "no matching task"


def _table_entry(result: dict) -> str:
    head = " | ".join(str(result[c] or "-") for c in ("number", "section", "lead", "deadline"))
    return f"{result['task_id']}  {head}\n    {result['excerpt']}"
