"""Tracker-ready files from a run: one row per task with its agencies (canonical
and as printed), deadline and source document. CSV is UTF-8 with a BOM so
Excel opens it with the right characters."""
import csv
import json
from pathlib import Path

from extractors import deadlines

FIELDS = ["task_id", "content", "lead_canonical", "lead_printed", "lead_ids", "coordinating_canonical",
          "coordinating_printed", "deadline", "deadline_precision", "deadline_text", "document_number", "document_date", "issuer",
          "section", "excerpt", "source"]


def _read(path: Path) -> list:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _agencies(task: dict, role: str) -> list:
    found = [a for a in task.get("agencies", []) if a["role"] == role]
    if found:
        return found
    printed = task["lead_agencies"] if role == "lead" else task["coordinating_agencies"]
    return [{"name": name, "canonical": None, "id": None} for name in printed]


def row(task: dict, document: dict) -> dict:
    lead, coordinating = _agencies(task, "lead"), _agencies(task, "coordinating")
    join = lambda agencies, key: "; ".join(a[key] or a["name"] for a in agencies)
    deadline = task.get("deadline") or {}
    return {
        "task_id": task["task_id"], "content": task["text"],
        "lead_canonical": join(lead, "canonical"), "lead_printed": join(lead, "name"),
        "lead_ids": "; ".join(a["id"] or "" for a in lead),
        "coordinating_canonical": join(coordinating, "canonical"), "coordinating_printed": join(coordinating, "name"),
        "deadline": deadlines.due(deadline), "deadline_precision": deadline.get("precision"),
        "deadline_text": deadline.get("text"), "document_number": document.get("number"),
        "document_date": document.get("issue_date"), "issuer": document.get("issuer"),
        "section": task.get("section"), "excerpt": task.get("excerpt"), "source": task.get("source"),
    }


def rows(out_dir: Path) -> list:
    out_dir = Path(out_dir)
    documents = {d["doc_id"]: d for d in _read(out_dir / "documents.jsonl")}
    return [row(task, documents.get(task["doc_id"], {})) for task in _read(out_dir / "tasks.jsonl")]


def export(out_dir: Path, fmt: str = "csv", to: Path = None) -> Path:
    """Write DIR's tasks as CSV or JSON Lines to `to` (default DIR/export.<fmt>); returns the path."""
    to = Path(to) if to else Path(out_dir) / f"export.{fmt}"
    records = rows(out_dir)
    if fmt == "csv":
        with open(to, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=FIELDS)
            writer.writeheader()
            writer.writerows(records)
    else:
        with open(to, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return to
