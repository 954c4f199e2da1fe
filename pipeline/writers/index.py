"""DIR/index.sqlite: the run's tasks in SQLite with an FTS5 full-text index.

Built from the JSONL outputs, streamed in batches (memory stays flat however
many tasks), into a temporary file moved into place, so a reader never sees a
half-built index. Two full-text tables: `exact` holds the text as written
(case ignored, diacritics kept: số, sở and sổ differ); `search` holds a folded
copy (lower case, no diacritics, đ -> d) of the same length as the original, so
a match found in the folded copy marks the same characters of the original (see
pipeline/search.py).
"""
import os
import sqlite3
from itertools import islice
from pathlib import Path

from extractors import deadlines
from extractors.agencies import canonical
from pipeline.normalize import fold
from pipeline.writers import jsonl

NAME = "index.sqlite"
SCHEMA = """
CREATE TABLE tasks (
  task_id TEXT PRIMARY KEY, doc_id TEXT, number TEXT, number_key TEXT, issuer TEXT, issuer_key TEXT,
  issue_date TEXT, year INTEGER, section TEXT, text TEXT, excerpt TEXT, lead TEXT, coordinating TEXT,
  deadline TEXT, due TEXT, source TEXT);
CREATE TABLE agencies (task_id TEXT, role TEXT, name TEXT, key TEXT, id TEXT, base_id TEXT, canonical TEXT,
  is_group INTEGER);
CREATE INDEX agencies_task ON agencies(task_id);
CREATE VIRTUAL TABLE search USING fts5(excerpt, agencies, tokenize = "unicode61 remove_diacritics 2");
CREATE VIRTUAL TABLE exact USING fts5(excerpt, agencies, tokenize = "unicode61 remove_diacritics 0");
"""
TASK_COLUMNS = ("task_id", "doc_id", "number", "number_key", "issuer", "issuer_key", "issue_date", "year",
                "section", "text", "excerpt", "lead", "coordinating", "deadline", "due", "source")
BATCH = 2000  # tasks per executemany


class _FoldTable(dict):
    """str.translate table: code point -> its folded character, filled on first sight."""

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code))
        self[code] = folded if len(folded) == 1 else chr(code)
        return self[code]


_FOLD_TABLE = _FoldTable()


def fold_same_length(text: str) -> str:
    """'Sở Tư pháp' -> 'so tu phap', one character for one character."""
    return (text or "").translate(_FOLD_TABLE)


def _task_row(task: dict, doc: dict) -> tuple:
    agencies = task.get("agencies", [])
    names = lambda role: "; ".join(a["canonical"] or a["name"] for a in agencies if a["role"] == role)
    deadline = task.get("deadline") or {}
    issue_date = doc.get("issue_date")
    return (task["task_id"], task["doc_id"], doc.get("number"), canonical(doc.get("number")), doc.get("issuer"),
            canonical(doc.get("issuer")), issue_date, int(issue_date[:4]) if issue_date else None,
            task.get("section"), task["text"], task.get("excerpt") or task["text"],
            names("lead") or "; ".join(task.get("lead_agencies", [])),
            names("coordinating") or "; ".join(task.get("coordinating_agencies", [])),
            deadlines.label(deadline) or None, deadlines.due(deadline), task.get("source"))


def _agency_rows(task: dict) -> list:
    return [(task["task_id"], a["role"], a["name"], canonical(a["name"]), a["id"],
             a["id"].split("@")[0] if a["id"] else None, a["canonical"], int(bool(a["group"])))
            for a in task.get("agencies", [])]


def _document_fields(documents) -> dict:
    """doc_id -> the few document fields a task row carries (a small entry per document)."""
    keep = ("number", "issuer", "issue_date")
    return {d["doc_id"]: {k: d.get(k) for k in keep} for d in documents}


def _rows(tasks, documents: dict):
    """(task row, agency rows, search row) per task; the task's rowid is its position."""
    for rowid, task in enumerate(tasks, 1):
        row = _task_row(task, documents.get(task["doc_id"], {}))
        agencies = " | ".join(f"{a['name']} {a['canonical'] or ''}" for a in task.get("agencies", []))
        yield (rowid, *row), _agency_rows(task), (rowid, row[10], agencies)


def _fill(db: sqlite3.Connection, out_dir: Path) -> None:
    """Streams DIR/tasks.jsonl into the tables, BATCH tasks per executemany."""
    documents = _document_fields(jsonl.stream(out_dir / "documents.jsonl"))
    rows = _rows(jsonl.stream(out_dir / "tasks.jsonl"), documents)
    task_sql = f"INSERT INTO tasks(rowid, {', '.join(TASK_COLUMNS)}) VALUES ({','.join('?' * (len(TASK_COLUMNS) + 1))})"
    while batch := list(islice(rows, BATCH)):
        db.executemany(task_sql, (task for task, _agencies, _search in batch))
        db.executemany("INSERT INTO agencies VALUES (?,?,?,?,?,?,?,?)",
                       (agency for _task, agencies, _search in batch for agency in agencies))
        db.executemany("INSERT INTO exact(rowid, excerpt, agencies) VALUES (?,?,?)",
                       (search for _task, _agencies, search in batch))
        db.executemany("INSERT INTO search(rowid, excerpt, agencies) VALUES (?,?,?)",
                       ((rowid, fold_same_length(excerpt), fold_same_length(agencies))
                        for _task, _agencies, (rowid, excerpt, agencies) in batch))


def build(out_dir: Path) -> Path:
    """(Re)build DIR/index.sqlite from DIR/*.jsonl; atomic."""
    out_dir = Path(out_dir)
    target, partial = out_dir / NAME, out_dir / (NAME + ".partial")
    partial.unlink(missing_ok=True)
    db = sqlite3.connect(partial)
    try:
        db.executescript(SCHEMA)
        _fill(db, out_dir)
        db.commit()
    finally:
        db.close()
    os.replace(partial, target)
    return target
