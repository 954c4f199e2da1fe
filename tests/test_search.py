"""Search over a run's index: diacritics and case ignored, aliases, each filter, ranking, formats."""
import csv
import io
import json

import pytest

from extractors.registry import registry, resolve
from pipeline.cli import main
from pipeline.records import Deadline, Document, Source, Span, Task, to_dict
from pipeline.search import Filters, search, render
from pipeline.writers import index, jsonl

DOCS = [  # (doc_id, number, issuer, date, province, tasks: (text, lead, coordinating, deadline))
    ("d00000000000a", "12/KH-UBND", "UBND tỉnh Nghệ An", "2025-03-10", "Nghệ An", [
        ("Sở Thông tin và Truyền thông chủ trì triển khai chuyển đổi số trong các cơ quan nhà nước.",
         ["Sở Thông tin và Truyền thông"], [], Deadline("Năm 2025", None, 2025)),
        ("Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản quy phạm pháp luật.",
         ["Sở Tư pháp"], ["Sở Nội vụ"], Deadline("trước ngày 30/6/2025", "2025-06-30", 2025)),
        ("Các sở, ban, ngành đẩy mạnh cải cách thủ tục hành chính, cắt giảm giấy tờ không cần thiết.",
         ["Các sở, ban, ngành"], [], None),
    ]),
    ("d00000000000b", "45/QĐ-UBND", "UBND thành phố Đà Nẵng", "2024-11-02", "Đà Nẵng", [
        ("Sở Tư pháp thẩm định dự thảo quyết định quy định chi tiết về bồi thường, hỗ trợ tái định cư.",
         ["Sở Tư pháp"], [], Deadline("trước ngày 15/12/2024", "2024-12-15", 2024)),
        ("Sở Tài chính bố trí kinh phí thực hiện, phối hợp với Sở Tư pháp hướng dẫn các đơn vị.",
         ["Sở Tài chính"], ["Sở Tư pháp"], Deadline("Năm 2026", None, 2026)),
    ]),
]


def build_run(out_dir):
    """A run's JSONL (two documents, five tasks) and its index, written without extraction."""
    out_dir.mkdir(parents=True, exist_ok=True)
    documents, tasks = jsonl.JsonlWriter(out_dir / "documents.jsonl"), jsonl.JsonlWriter(out_dir / "tasks.jsonl")
    for doc_id, number, issuer, date, province, rows in DOCS:
        path = f"/docs/{doc_id}.txt"
        documents.write(Document(doc_id, Source(path, doc_id[1:] * 5 + "0000", "txt"), number, "Kế hoạch", date,
                                 issuer, province))
        context = registry().find_province(province)
        for i, (text, lead, coordinating, deadline) in enumerate(rows, 1):
            task = Task(f"{doc_id}-t{i:03d}", doc_id, f"II.{i}", text, lead, coordinating, deadline,
                        Span(0, len(text)), text, path)
            task.agencies = [resolve(n, context).as_dict(role) for role, names in
                             (("lead", lead), ("coordinating", coordinating)) for n in names]
            tasks.write(to_dict(task))
    documents.commit()
    tasks.commit()
    index.build(out_dir)
    return out_dir


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    return build_run(tmp_path_factory.mktemp("run"))


def ids(results):
    return sorted(r["task_id"][-4:] for r in results)


def test_query_without_diacritics_finds_text_with_them_and_marks_it(run_dir):
    results = search(run_dir, "chuyen doi so")
    assert ids(results) == ["t001"]
    assert "«chuyển đổi số»" in results[0]["excerpt"]


def test_query_ignores_case_and_d_stroke(run_dir):
    expected = ["t001", "t002", "t002"]  # a-t002, b-t001, b-t002
    assert ids(search(run_dir, "SO TU PHAP")) == ids(search(run_dir, "sở tư pháp")) == expected
    assert ids(search(run_dir, "Sở TƯ PHÁP")) == expected
    assert ids(search(run_dir, "DAY MANH")) == ["t003"]


def test_results_are_ranked_by_relevance(run_dir):
    results = search(run_dir, "tư pháp thẩm định")
    assert results[0]["task_id"] == "d00000000000b-t001"
    results = search(run_dir, '"phoi hop voi so noi vu"')
    assert [r["task_id"] for r in results] == ["d00000000000a-t002"]


def test_agency_filter_takes_any_alias(run_dir):
    assert ids(search(run_dir, filters=Filters(agency="STP"))) == ["t001", "t002", "t002"]
    assert ids(search(run_dir, filters=Filters(agency="Sở KH&CN"))) == ["t001"]  # successor of Sở TT&TT
    assert ids(search(run_dir, filters=Filters(agency="Sở Tư pháp tỉnh Nghệ An"))) == ["t002"]
    assert ids(search(run_dir, filters=Filters(agency="các sở ban ngành"))) == ["t003"]


def test_lead_filter_ignores_coordinating_agencies(run_dir):
    assert ids(search(run_dir, filters=Filters(lead="Sở Tư pháp"))) == ["t001", "t002"]
    assert ids(search(run_dir, filters=Filters(lead="SNV"))) == []
    assert ids(search(run_dir, filters=Filters(agency="SNV"))) == ["t002"]


def test_deadline_filters_count_a_year_as_its_last_day(run_dir):
    assert ids(search(run_dir, filters=Filters(due_before="2025-12-31"))) == ["t001", "t001", "t002"]
    assert ids(search(run_dir, filters=Filters(due_before="2025-12-30"))) == ["t001", "t002"]
    assert ids(search(run_dir, filters=Filters(due_after="2025-07-01"))) == ["t001", "t002"]
    assert ids(search(run_dir, filters=Filters(due_after="2025-01-01", due_before="2025-06-30"))) == ["t002"]


def test_document_filters(run_dir):
    assert ids(search(run_dir, filters=Filters(doc="45/qđ-ubnd"))) == ["t001", "t002"]
    assert ids(search(run_dir, filters=Filters(doc="12/KH-UBND"))) == ["t001", "t002", "t003"]
    assert ids(search(run_dir, filters=Filters(issuer="da nang"))) == ["t001", "t002"]
    assert ids(search(run_dir, filters=Filters(year=2025))) == ["t001", "t002", "t003"]
    assert ids(search(run_dir, "so tu phap", Filters(year=2024, lead="Sở Tư pháp"))) == ["t001"]


def test_formats(run_dir):
    results = search(run_dir, "so tu phap")
    rows = list(csv.DictReader(io.StringIO(render(results, "csv"))))
    assert [r["task_id"] for r in rows] == [r["task_id"] for r in results]
    assert json.loads(render(results, "json"))[0]["lead"] == results[0]["lead"]
    table = render(results, "table")
    assert "45/QĐ-UBND" in table and "«Sở Tư pháp»" in table


def test_cli_search(run_dir, capsys):
    assert main(["search", "cat giam giay to", "--out", str(run_dir), "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [r["task_id"] for r in printed] == ["d00000000000a-t003"]
    assert main(["search", "x", "--out", str(run_dir / "missing")]) == 1


def test_index_built_in_small_batches_is_the_same(tmp_path, run_dir, monkeypatch):
    """Tasks stream into the index BATCH at a time; batches of two give the same rows and results."""
    import sqlite3
    monkeypatch.setattr(index, "BATCH", 2)
    small = build_run(tmp_path / "small")
    for query in ("so tu phap", "chuyen doi so", "Sở Nội vụ"):
        assert [r["task_id"] for r in search(small, query)] == [r["task_id"] for r in search(run_dir, query)]
    tables = {}
    for folder in (small, run_dir):
        with sqlite3.connect(folder / index.NAME) as db:
            tables[folder] = [db.execute(f"SELECT rowid, * FROM {t} ORDER BY rowid").fetchall()
                              for t in ("tasks", "agencies")]
    assert tables[small] == tables[run_dir] and len(tables[small][0]) == 5


def test_folded_copy_keeps_every_character_in_place():
    text = "Ủy ban nhân dân tỉnh Đắk Lắk; Sở Giáo dục – Đào tạo “chủ trì”"
    folded = index.fold_same_length(text)
    assert folded == "uy ban nhan dan tinh dak lak; so giao duc – dao tao “chu tri”"
    assert len(folded) == len(text) and index.fold_same_length(None) == ""
