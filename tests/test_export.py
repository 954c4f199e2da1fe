"""Tracker export: CSV (UTF-8 with BOM, read back with pandas) and JSON Lines."""
import json

import pandas as pd

from pipeline.cli import main
from pipeline.export import FIELDS, export
from test_search import build_run


def test_csv_has_a_bom_and_reads_back_with_pandas(tmp_path):
    run_dir = build_run(tmp_path / "run")
    path = export(run_dir, "csv")
    assert path == run_dir / "export.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == FIELDS
    assert len(frame) == 5
    row = frame.set_index("task_id").loc["d00000000000a-t002"]
    assert row["lead_printed"] == "Sở Tư pháp"
    assert row["lead_canonical"] == "Sở Tư pháp tỉnh Nghệ An"
    assert row["lead_ids"] == "so-tu-phap@nghe-an"
    assert row["coordinating_canonical"] == "Sở Nội vụ tỉnh Nghệ An"
    assert (row["deadline"], row["document_number"], row["document_date"]) == ("2025-06-30", "12/KH-UBND", "2025-03-10")
    assert row["issuer"] == "UBND tỉnh Nghệ An" and row["section"] == "II.2"
    merged = frame.set_index("task_id").loc["d00000000000a-t001"]
    assert (merged["lead_printed"], merged["lead_canonical"]) == (
        "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ tỉnh Nghệ An")
    assert (merged["deadline"], merged["deadline_precision"]) == ("2025-12-31", "year")


def test_jsonl_export_through_the_cli(tmp_path, capsys):
    run_dir = build_run(tmp_path / "run")
    target = tmp_path / "tracker.jsonl"
    assert main(["export", "--format", "jsonl", "--out", str(run_dir), "--to", str(target)]) == 0
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["task_id"] for r in rows][:2] == ["d00000000000a-t001", "d00000000000a-t002"]
    assert rows[2]["lead_canonical"] == "Các sở, ban, ngành" and rows[2]["deadline"] is None
    assert str(target) in capsys.readouterr().err
