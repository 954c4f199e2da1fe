"""Hostile inputs and returned files: no formula in any CSV, no DTD or bomb in a
returned workbook, no network for LibreOffice, a strict CSP on every page."""
import csv
import io
import json

from extractors.registry import registry, resolve
from pipeline.cli import main
from pipeline.records import Deadline, Document, Source, Span, Task, to_dict
from pipeline.writers import index, jsonl

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_TASKS = [  # (text, lead): cells a spreadsheet would run as formulas
    ('=HYPERLINK("http://127.0.0.1:9/x";"Xem chi tiết") Sở Y tế chủ trì kiểm tra an toàn thực phẩm.', "Sở Y tế"),
    ("+ Phòng Giáo dục và Đào tạo rà soát mạng lưới trường lớp trên địa bàn huyện.", "=2+5"),
    ("- Sở Xây dựng hướng dẫn cấp giấy phép xây dựng nhà ở riêng lẻ.", "-1+1"),
    ("@SUM(1;2) Ban Quản lý các khu công nghiệp đôn đốc tiến độ giải ngân.", "@Ban Quản lý"),
    ("\tUBND các xã, phường cập nhật cơ sở dữ liệu hộ nghèo.", "\tUBND cấp xã"),
    ("\rCông an tỉnh bảo đảm an ninh trật tự dịp Tết Nguyên đán.", "Công an tỉnh"),
]


def hostile_run(out_dir):
    """A run's JSONL and index whose task texts, agencies and issuer start like formulas."""
    out_dir.mkdir(parents=True, exist_ok=True)
    documents, tasks = jsonl.JsonlWriter(out_dir / "documents.jsonl"), jsonl.JsonlWriter(out_dir / "tasks.jsonl")
    path = "/docs/d0000000000f1.txt"
    documents.write(Document("d0000000000f1", Source(path, "f1" * 32, "txt"), "=07/KH-UBND", "Kế hoạch",
                             "2025-04-02", "+UBND tỉnh Quảng Trị", "Quảng Trị"))
    context = registry().find_province("Quảng Trị")
    for i, (text, lead) in enumerate(HOSTILE_TASKS, 1):
        task = Task(f"d0000000000f1-t{i:03d}", "d0000000000f1", f"=III.{i}", text, [lead], [],
                    Deadline("-trước ngày 31/12/2025", "2025-12-31", 2025), Span(0, len(text)), text, path)
        task.agencies = [resolve(lead, context).as_dict("lead")]
        tasks.write(to_dict(task))
    documents.commit()
    tasks.commit()
    index.build(out_dir)
    return out_dir


def _formula_cells(text: str) -> list:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row if cell.startswith(FORMULA_STARTS)]


def test_export_csv_neutralises_formula_cells_and_jsonl_stays_exact(tmp_path):
    run_dir = hostile_run(tmp_path / "run")
    assert main(["export", "--format", "csv", "--out", str(run_dir)]) == 0
    text = (run_dir / "export.csv").read_text(encoding="utf-8-sig")
    assert _formula_cells(text) == []
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["content"] == "'" + HOSTILE_TASKS[0][0]
    assert rows[1]["lead_printed"] == "'=2+5" and rows[4]["content"].startswith("'\t")
    assert rows[0]["document_number"] == "'=07/KH-UBND" and rows[0]["issuer"] == "'+UBND tỉnh Quảng Trị"
    assert main(["export", "--format", "jsonl", "--out", str(run_dir)]) == 0
    exact = [json.loads(line) for line in (run_dir / "export.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["content"] for r in exact] == [text for text, _ in HOSTILE_TASKS]
    assert exact[1]["lead_printed"] == "=2+5"


def test_search_csv_neutralises_formula_cells(tmp_path, capsys):
    run_dir = hostile_run(tmp_path / "run")
    capsys.readouterr()
    assert main(["search", "", "--out", str(run_dir), "--format", "csv"]) == 0
    text = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(HOSTILE_TASKS)
    assert _formula_cells(text) == []
    assert rows[0]["excerpt"].startswith("'=HYPERLINK") and rows[0]["number"] == "'=07/KH-UBND"
    assert main(["search", "", "--out", str(run_dir), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["number"] == "=07/KH-UBND"
