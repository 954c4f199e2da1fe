"""apply-review: a reviewed workbook gives corrected JSONL, a review log and gold files."""
import json
import shutil

import openpyxl
import pytest

from pipeline import evaluate
from pipeline.cli import main
from pipeline.review import parse_deadline, parse_field
from pipeline.writers import jsonl
from tests.conftest import CORPUS

SEEDS = [CORPUS / "seeds" / "000_5af79f33ba832511.txt", CORPUS / "seeds" / "002_a9192378d84b1fc8.txt"]


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    out = tmp_path_factory.mktemp("review") / "run"
    assert main(["run", *map(str, SEEDS), "--out", str(out), "--workers", "1"]) == 0
    return out


@pytest.fixture
def run_dir(original, tmp_path):
    """A fresh copy of the run per test, so edits never leak between tests."""
    return shutil.copytree(original, tmp_path / "run")


def _rows(ws) -> dict:
    """record id -> (row number, {field: column number})."""
    fields = {c.value: c.column for c in ws[2]}
    id_column = next(c.column for c in ws[2] if str(c.value).endswith("_id"))
    return {ws.cell(row=r, column=id_column).value: r for r in range(3, ws.max_row + 1)}, fields


def _edit(path, sheet, record_id, as_text=False, **cells):
    """as_text: cells starting with '=' stay text, as Excel keeps a value typed as '=..."""
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    rows, fields = _rows(ws)
    for field, value in cells.items():
        cell = ws.cell(row=rows[record_id], column=fields[field], value=value)
        if as_text:
            cell.data_type = "s"
    book.save(path)


def _set_summary(path, label, value):
    book = openpyxl.load_workbook(path)
    ws = book["Tổng hợp"]
    row = next(c.row for c in ws["A"] if isinstance(c.value, str) and c.value.startswith(label))
    ws.cell(row=row, column=2, value=value)
    book.save(path)


def _apply(run_dir, *extra):
    return main(["apply-review", str(run_dir / "review.xlsx"), "--out", str(run_dir.parent / "fixed"), *extra])


def test_fixing_a_lead_and_deleting_a_task(run_dir):
    tasks = jsonl.read(run_dir / "tasks.jsonl")
    targets = jsonl.read(run_dir / "targets.jsonl")
    assert len(tasks) >= 2 and targets
    fixed, deleted, kept = tasks[0], tasks[1], tasks[2:]
    workbook = run_dir / "review.xlsx"
    _edit(workbook, "Nhiệm vụ", fixed["task_id"], lead_agencies="Sở Nội vụ; UBND các quận, huyện",
          review="Sửa", note="cơ quan chủ trì in sai")
    _edit(workbook, "Nhiệm vụ", deleted["task_id"], review="Xóa")
    _edit(workbook, "Chỉ tiêu", targets[0]["target_id"], review="Đúng", reviewer="Trần Thị Bình")
    _set_summary(workbook, "Người rà soát", "Nguyễn Văn An")
    _set_summary(workbook, "Ngày rà soát", "2025-05-20")
    assert _apply(run_dir) == 0
    out = run_dir.parent / "fixed"
    corrected = {t["task_id"]: t for t in jsonl.read(out / "tasks.jsonl")}
    assert deleted["task_id"] not in corrected
    assert corrected[fixed["task_id"]]["lead_agencies"] == ["Sở Nội vụ", "UBND các quận, huyện"]
    assert {k: v for k, v in corrected[fixed["task_id"]].items() if k != "lead_agencies"} == \
        {k: v for k, v in fixed.items() if k != "lead_agencies"}
    assert [corrected[t["task_id"]] for t in kept] == kept
    assert jsonl.read(out / "targets.jsonl") == targets
    log = json.loads((out / "review.json").read_text(encoding="utf-8"))
    assert log["counts"]["confirmed"] == 1 and log["counts"]["corrected"] == 1 and log["counts"]["deleted"] == 1
    assert log["reviewer"] == "Nguyễn Văn An" and log["reviewed_on"] == "2025-05-20"
    by_id = {c["id"]: c for c in log["changes"]}
    assert by_id[targets[0]["target_id"]]["reviewer"] == "Trần Thị Bình"
    assert by_id[fixed["task_id"]]["fields"]["lead_agencies"]["old"] == "; ".join(fixed["lead_agencies"])


def test_edited_deadline_value_and_formula_like_text(run_dir):
    tasks, targets = jsonl.read(run_dir / "tasks.jsonl"), jsonl.read(run_dir / "targets.jsonl")
    workbook = run_dir / "review.xlsx"
    _edit(workbook, "Nhiệm vụ", tasks[0]["task_id"], deadline="30/6/2026", text="=Hoàn thành trước quý III",
          as_text=True)
    _edit(workbook, "Chỉ tiêu", targets[0]["target_id"], value="85,5", comparator=">=", deadline=2030)
    assert _apply(run_dir) == 0
    out = run_dir.parent / "fixed"
    task = jsonl.read(out / "tasks.jsonl")[0]
    assert task["deadline"] == {"text": "30/6/2026", "date": "2026-06-30", "year": 2026, "precision": "day",
                                "recurring": False}
    assert task["text"] == "=Hoàn thành trước quý III"
    target = jsonl.read(out / "targets.jsonl")[0]
    assert (target["value"], target["comparator"], target["deadline"]["year"]) == (85.5, ">=", 2030)


def test_deleting_a_document_drops_its_records(run_dir):
    documents = jsonl.read(run_dir / "documents.jsonl")
    gone = documents[0]["doc_id"]
    _edit(run_dir / "review.xlsx", "Văn bản", gone, review="xóa")
    assert _apply(run_dir) == 0
    out = run_dir.parent / "fixed"
    assert [d["doc_id"] for d in jsonl.read(out / "documents.jsonl")] == [d["doc_id"] for d in documents[1:]]
    for kind in ("tasks", "targets"):
        assert all(r["doc_id"] != gone for r in jsonl.read(out / f"{kind}.jsonl"))


def test_gold_files_score_one_against_the_corrected_run(run_dir, tmp_path):
    tasks = jsonl.read(run_dir / "tasks.jsonl")
    _edit(run_dir / "review.xlsx", "Nhiệm vụ", tasks[0]["task_id"], coordinating_agencies="Sở Tài chính",
          deadline="2026")
    gold = tmp_path / "gold"
    assert _apply(run_dir, "--gold", str(gold)) == 0
    files = sorted(p.name for p in gold.glob("*.json"))
    assert files == sorted(p.stem + ".json" for p in SEEDS)
    sample = json.loads((gold / files[0]).read_text(encoding="utf-8"))
    assert set(sample) == {"source", "document", "tasks", "targets"}
    assert set(sample["document"]) == {"number", "doc_type", "issue_date", "issuer", "signer", "title"}
    overall = evaluate.evaluate(gold, run_dir.parent / "fixed")["overall"]
    for key in ("task_detection_f1", "task_e2e_f1", "coordinating_f1", "deadline_accuracy", "target_f1",
                "comparator_accuracy"):
        assert overall[key] == 1.0, key
    assert overall["document_fields"] in (1.0, None)


def test_workbook_elsewhere_needs_the_run_folder(run_dir, tmp_path, capsys):
    moved = tmp_path / "elsewhere" / "reviewed.xlsx"
    moved.parent.mkdir()
    shutil.copy(run_dir / "review.xlsx", moved)
    assert main(["apply-review", str(moved), "--out", str(tmp_path / "fixed")]) == 1
    assert "--run" in capsys.readouterr().err
    assert main(["apply-review", str(moved), "--out", str(tmp_path / "fixed"), "--run", str(run_dir)]) == 0
    assert jsonl.read(tmp_path / "fixed" / "tasks.jsonl") == jsonl.read(run_dir / "tasks.jsonl")


def test_cell_parsing():
    assert parse_deadline("2025") == {"text": "2025", "date": "2025-12-31", "year": 2025, "precision": "year",
                                      "recurring": False}
    assert parse_deadline("2025-12-31")["date"] == "2025-12-31"
    assert parse_deadline("Quý IV/2025")["date"] == "2025-12-31"
    assert (parse_deadline("06/2026")["date"], parse_deadline("06/2026")["precision"]) == ("2026-06-30", "month")
    assert parse_deadline("  ") is None
    assert parse_field("lead_agencies", "Sở Y tế;  các sở, ban, ngành\nUBND các huyện") == \
        ["Sở Y tế", "các sở, ban, ngành", "UBND các huyện"]
    assert parse_field("coordinating_agencies", None) == []
    with pytest.raises(ValueError):
        parse_field("comparator", "khoảng")
