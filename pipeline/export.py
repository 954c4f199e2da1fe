"""Tracker-ready files from a run: one row per task, in the order of a Vietnamese office's task
tracker (STT, short title, lead, coordinating, due date, status, document, link), then the
agencies canonical and as printed, the excerpt and the source. CSV is UTF-8 with a BOM so Excel
opens it with the right characters; cells that would read as formulas
are neutralised (writers/csvfile.py).

`key` stays the same when the file changes elsewhere: it is made from the document's number,
the task's section and its text, not from the file's bytes (task_id is)."""
import datetime
import hashlib
import json
import re
import sys
from pathlib import Path

from extractors import deadlines
from pipeline import tracking
from pipeline.normalize import fold
from pipeline.writers import csvfile
from pipeline.writers.html import safe_id

FIELDS = ["stt", "key", "title", "lead_canonical", "coordinating_canonical", "deadline", "deadline_precision",
          "status", "document_number", "document_date", "link", "lead_printed", "lead_ids", "coordinating_printed",
          "deadline_text", "issuer", "section", "task_id", "content", "excerpt", "source"]
TITLE_LENGTH = 90
_NUMBERING = re.compile(r"^\s*(?:[-+*•–]\s*|\(?[0-9IVXa-zđ]{1,4}[.)]\s*(?:\d+[.)]\s*)*)")
_CELL_SEPARATOR = re.compile(r"\s*\|\s*")


def _read(path: Path) -> list:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _agencies(task: dict, role: str) -> list:
    found = [a for a in task.get("agencies", []) if a["role"] == role]
    if found:
        return found
    printed = task["lead_agencies"] if role == "lead" else task["coordinating_agencies"]
    return [{"name": name, "canonical": None, "id": None} for name in printed]


def short_title(text: str) -> str:
    """The head of a task's text without its numbering, cut at a word: a tracker's "Tên nhiệm vụ"."""
    text = " ".join(_CELL_SEPARATOR.sub(" | ", text or "").strip(" |").split())
    text = _NUMBERING.sub("", text, count=1).lstrip("| ")
    if len(text) <= TITLE_LENGTH:
        return text
    cut = text[:TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(",;:.-")
    return cut + "…"


def task_key(document: dict, task: dict) -> str:
    """A key from the document's number (else its title or file name), the section and the text."""
    named = document.get("number") or document.get("title") or Path(task.get("source") or "").name
    parts = [fold(named or ""), task.get("section") or "", " ".join(fold(task.get("text") or "").split())]
    return "k" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def row(task: dict, document: dict, as_of: datetime.date = None, stt: int = 1) -> dict:
    lead, coordinating = _agencies(task, "lead"), _agencies(task, "coordinating")
    join = lambda agencies, key: "; ".join(a[key] or a["name"] for a in agencies)
    deadline = task.get("deadline") or {}
    return {
        "stt": stt, "key": task_key(document, task), "title": short_title(task["text"]),
        "lead_canonical": join(lead, "canonical"), "coordinating_canonical": join(coordinating, "canonical"),
        "deadline": deadlines.due(deadline), "deadline_precision": deadline.get("precision"),
        "status": tracking.status(deadline, as_of or datetime.date.today()),
        "document_number": document.get("number"), "document_date": document.get("issue_date"),
        "link": f"html/{safe_id(task['doc_id'])}.html#r-{safe_id(task['task_id'])}",
        "lead_printed": join(lead, "name"), "lead_ids": "; ".join(a["id"] or "" for a in lead),
        "coordinating_printed": join(coordinating, "name"), "deadline_text": deadline.get("text"),
        "issuer": document.get("issuer"), "section": task.get("section"), "task_id": task["task_id"],
        "content": task["text"], "excerpt": task.get("excerpt"), "source": task.get("source"),
    }


def run_date(out_dir: Path) -> datetime.date:
    """The day of the run (run.json), else today."""
    try:
        return datetime.date.fromisoformat(json.loads((Path(out_dir) / "run.json").read_text())["date"])
    except (OSError, KeyError, ValueError, TypeError):
        return datetime.date.today()


def rows(out_dir: Path, as_of: datetime.date = None) -> list:
    out_dir = Path(out_dir)
    as_of = as_of or run_date(out_dir)
    documents = {d["doc_id"]: d for d in _read(out_dir / "documents.jsonl")}
    tasks = _read(out_dir / "tasks.jsonl")
    return [row(task, documents.get(task["doc_id"], {}), as_of, stt) for stt, task in enumerate(tasks, 1)]


def write(records: list, fmt: str, handle) -> None:
    """CSV (with a header) or JSON Lines into an open text handle."""
    if fmt == "csv":
        csvfile.write_rows(handle, FIELDS, records)
    else:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def export(out_dir: Path, fmt: str = "csv", to: Path = None, as_of: datetime.date = None) -> Path:
    """Write DIR's tasks as CSV or JSON Lines to `to` (default DIR/export.<fmt>; "-" standard output)."""
    if str(to) == "-":
        write(rows(out_dir, as_of), fmt, sys.stdout)
        return Path("-")
    to = Path(to) if to else Path(out_dir) / f"export.{fmt}"
    with open(to, "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as handle:
        write(rows(out_dir, as_of), fmt, handle)
    return to
