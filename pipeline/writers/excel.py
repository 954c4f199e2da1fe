"""review.xlsx: one sheet each for documents, tasks, targets and problems."""
import os
from pathlib import Path

import pandas as pd

_COLUMNS = {
    "documents": ["doc_id", "number", "doc_type", "issue_date", "issuer", "place", "signer", "title", "source"],
    "tasks": ["task_id", "document", "section", "text", "lead_agencies", "coordinating_agencies", "deadline",
              "excerpt", "source", "page"],
    "targets": ["target_id", "document", "text", "value", "value_max", "comparator", "deadline", "excerpt",
                "source", "page"],
    "problems": ["path", "stage", "cause", "severity"],
}
_WIDTHS = {"text": 70, "excerpt": 70, "title": 50, "cause": 60, "lead_agencies": 30,
           "coordinating_agencies": 35, "source": 30, "issuer": 30, "path": 40}


def _deadline(value) -> str:
    if not value:
        return ""
    return value.get("date") or str(value.get("year") or "") or value.get("text", "")


def _rows(kind: str, records: list, numbers: dict) -> list:
    rows = []
    for r in records:
        row = dict(r)
        if kind == "documents":
            row["signer"] = (r.get("signer") or {}).get("name")
            row["source"] = r["source"]["path"]
        else:
            row["document"] = numbers.get(r.get("doc_id"), r.get("doc_id"))
            row["page"] = (r.get("span") or {}).get("page")
            row["deadline"] = _deadline(r.get("deadline"))
            for key in ("lead_agencies", "coordinating_agencies"):
                if key in row:
                    row[key] = "; ".join(row[key])
        rows.append({c: row.get(c) for c in _COLUMNS[kind]})
    return rows


def write(path: Path, documents: list, tasks: list, targets: list, problems: list) -> None:
    numbers = {d["doc_id"]: d.get("number") or Path(d["source"]["path"]).name for d in documents}
    partial = Path(str(path) + ".partial")
    with pd.ExcelWriter(partial, engine="xlsxwriter",
                        engine_kwargs={"options": {"strings_to_formulas": False, "strings_to_urls": False}}) as xw:
        wrap = xw.book.add_format({"text_wrap": True, "valign": "top"})
        for kind, records in (("documents", documents), ("tasks", tasks), ("targets", targets),
                              ("problems", problems)):
            frame = pd.DataFrame(_rows(kind, records, numbers), columns=_COLUMNS[kind])
            frame.to_excel(xw, sheet_name=kind, index=False)
            sheet = xw.sheets[kind]
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, max(len(frame), 1), len(frame.columns) - 1)
            for i, column in enumerate(frame.columns):
                sheet.set_column(i, i, _WIDTHS.get(column, 16), wrap)
    os.replace(partial, path)
