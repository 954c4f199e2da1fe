"""Batch runs: the same records in the same order whatever the number of
workers, no progress bar in a pipe, exit code 2 when a file cannot be read."""
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import batch
from pipeline.cli import main
from pipeline.writers import jsonl

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
# written for these tests in the style of a provincial plan, not taken from the corpus
OWN_PLAN = """ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
Số: 52/KH-UBND
Quảng Trị, ngày 14 tháng 3 năm 2025

KẾ HOẠCH
Triển khai chuyển đổi số trong ngành giáo dục năm 2025

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Thông tin và Truyền thông xây dựng
kho học liệu số dùng chung, hoàn thành trong Quý III năm 2025.
2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch, hoàn thành trước ngày 30/6/2025.
3. Phấn đấu đến năm 2025 có 100% cơ sở giáo dục phổ thông sử dụng học bạ số.
"""


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    for name in ("000_5af79f33ba832511.txt", "001_65619a51212f7d4a.txt", "003_86662d29b18c0e26.txt"):
        shutil.copy(SEEDS / name, folder / name)
    (folder / "own_plan.txt").write_text(OWN_PLAN, encoding="utf-8")
    return folder


def _lines(out: Path, name: str) -> list:
    return (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()


def test_same_records_in_same_order_with_one_or_two_workers(tmp_path):
    inputs = _inputs(tmp_path / "in")
    for workers in ("1", "2"):
        assert main(["run", str(inputs), "--out", str(tmp_path / workers), "--workers", workers]) == 0
    for name in ("documents", "tasks", "targets", "problems"):
        assert _lines(tmp_path / "1", name) == _lines(tmp_path / "2", name), name
    tasks = [json.loads(line) for line in _lines(tmp_path / "2", "tasks")]
    assert len({t["task_id"] for t in tasks}) == len(tasks) > 0
    sources = [json.loads(line)["source"]["path"] for line in _lines(tmp_path / "2", "documents")]
    assert sources == sorted(sources) and len(sources) == 4


def test_no_progress_bar_in_a_pipe(tmp_path):
    inputs = _inputs(tmp_path / "in")
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(tmp_path / "out"),
                           "--workers", "2"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "\r" not in done.stderr and "pages/s" not in done.stderr
    assert "4 documents" in done.stderr and not done.stdout  # a message, not data


def test_progress_bar_on_request(tmp_path, capsys):
    batch.run([str(_inputs(tmp_path / "in"))], tmp_path / "out", workers=1, progress=True)
    bar = capsys.readouterr().err
    assert "4/4 docs" in bar and "pages/s" in bar and "ETA" in bar


def test_bad_file_mixed_in_gives_exit_code_2_and_keeps_the_rest(tmp_path):
    inputs = _inputs(tmp_path / "in")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref")
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out), "--workers", "2"]) == 2
    assert len(_lines(out, "documents")) == 4
    problems = [json.loads(line) for line in _lines(out, "problems")]
    assert any(p["path"].endswith("broken.pdf") and p["severity"] == "error" for p in problems)
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["counts"]["failed"] == 1


def test_workbook_cut_at_the_row_limit_is_reported_and_jsonl_stays_complete(tmp_path, monkeypatch):
    from pipeline.writers import excel
    monkeypatch.setattr(excel, "MAX_ROWS", excel.HEADER_ROWS + 1)  # room for one record per sheet
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "own_plan.txt").write_text(OWN_PLAN, encoding="utf-8")
    summary = batch.run([tmp_path / "in"], tmp_path / "out", workers=1, progress=False)
    assert summary.tasks == len(_lines(tmp_path / "out", "tasks")) >= 2
    problems = [json.loads(line) for line in _lines(tmp_path / "out", "problems")]
    cut = [p for p in problems if p["stage"] == "write"]
    assert cut and all(p["severity"] == "warning" and "row limit" in p["cause"] for p in cut)
    assert any("Nhiệm vụ" in p["cause"] for p in cut)
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert run["counts"]["problems"] == len(problems) == summary.problems


def test_search_index_built_beside_the_workbook_and_its_failure_reported(tmp_path, monkeypatch):
    from pipeline.writers import index
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "own_plan.txt").write_text(OWN_PLAN, encoding="utf-8")
    batch.run([tmp_path / "in"], tmp_path / "ok", workers=1, progress=False)
    db = sqlite3.connect(tmp_path / "ok" / "index.sqlite")
    lead = db.execute("SELECT lead FROM tasks WHERE text LIKE '%học bạ số%' OR text LIKE '%kho học liệu%'")
    assert "Sở Giáo dục và Đào tạo" in " ".join(row[0] for row in lead)

    def broken(out_dir):
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(index, "build", broken)
    with pytest.raises(RuntimeError, match="index.sqlite"):
        batch.run([tmp_path / "in"], tmp_path / "failed", workers=1, progress=False)
    assert len(_lines(tmp_path / "failed", "tasks")) >= 2  # the records are kept
    assert (tmp_path / "failed" / "review.xlsx").exists() and not (tmp_path / "failed" / "run.json").exists()


def test_workbook_filled_during_the_run_matches_one_written_afterwards_and_its_failure_is_reported(
        tmp_path, monkeypatch):
    import openpyxl
    from pipeline.writers import excel
    inputs = _inputs(tmp_path / "in")
    assert main(["run", str(inputs), "--out", str(tmp_path / "out"), "--workers", "2"]) == 0
    out = tmp_path / "out"
    records = [jsonl.Records(out / f"{kind}.jsonl") for kind in ("documents", "tasks", "targets", "problems")]
    excel.write(tmp_path / "afterwards.xlsx", *records)
    during, afterwards = (openpyxl.load_workbook(p) for p in (out / "review.xlsx", tmp_path / "afterwards.xlsx"))
    for name in during.sheetnames:
        assert list(during[name].iter_rows(values_only=True)) == list(afterwards[name].iter_rows(values_only=True))
    assert any("Sở Giáo dục và Đào tạo" in (row[4] or "") for row in during["Nhiệm vụ"].iter_rows(values_only=True))

    def broken(self, document, tasks, targets, problems=()):
        raise OSError("No space left on device")
    monkeypatch.setattr(excel.Workbook, "add_document", broken)
    with pytest.raises(RuntimeError, match="review.xlsx.*No space left"):
        batch.run([inputs], tmp_path / "failed", workers=2, progress=False)
    assert len(_lines(tmp_path / "failed", "documents")) == 4  # the records are kept
    assert not list((tmp_path / "failed").glob("review.xlsx*"))
