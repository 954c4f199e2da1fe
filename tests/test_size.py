"""Time linear in a document's size: no pass over all pairs of tasks and table
rows, or of tasks and targets (a plan of thousands of duties and rows)."""
import random
import time

from extractors.tasks import _without_repeats
from pipeline.document import ParsedDocument
from pipeline.process import link_targets
from pipeline.readers import SourceText
from pipeline.records import Span, Target, Task
from pipeline.spans import first_holding

WARDS = ["Tân Phú", "Hòa Bình", "An Khánh", "Phước Long", "Thạnh Mỹ", "Long Điền"]


def _task(text, start, end, evidence="explicit"):
    return Task("", "d1", None, text, [], [], None, Span(start, end), text, "ke-hoach.txt", evidence)


def _target(start, end):
    return Target("", "d1", None, "đạt 100%", 100.0, None, ">=", "%", None, None, Span(start, end), "đạt 100%",
                  "ke-hoach.txt")


def _rows(count):
    return [_task(f"Cập nhật bản đồ quy hoạch phân khu dân cư số {i} phường {WARDS[i % 6]}", 10 * i, 10 * i + 9,
                  "table") for i in range(count)]


def _bullets(count):
    return [_task(f"Ủy ban nhân dân phường {WARDS[i % 6]} rà soát hồ sơ địa chính tổ dân phố {i} năm 2026",
                  10 * i + 5, 10 * i + 8) for i in range(count)]


def test_a_bullet_repeating_a_row_is_dropped_and_others_kept():
    rows = _rows(3)
    repeat = _task("Cập nhật bản đồ quy hoạch phân khu dân cư số 1 phường Hòa Bình.", 100, 160)
    close = _task("Cập nhật bản đồ quy hoạch phân khu dân cư phường Hòa Bình năm 2026", 170, 220)  # 13 of 17 words
    apart = _task("Cập nhật bản đồ quy hoạch phân khu phường Hòa Bình năm 2026", 230, 270)  # 11 of 17 words
    other = _task("Sở Xây dựng cập nhật bản đồ quy hoạch chung", 280, 320)
    kept = _without_repeats([repeat, close, apart, other] + rows)
    assert [t.text for t in kept] == [apart.text, other.text] + [r.text for r in rows]
    assert [t.task_id for t in kept] == [f"d1-t{n:03d}" for n in range(1, 6)]


def test_thousands_of_bullets_and_rows_are_compared_without_all_pairs():
    found = _bullets(6000) + _rows(6000)
    started = time.perf_counter()
    kept = _without_repeats(found)
    assert time.perf_counter() - started < 3.0  # all 36 million pairs: 30 s
    assert len(kept) == 12000


def test_first_holding_span_matches_a_scan_of_every_span():
    spans = random.Random(14)
    for _ in range(500):
        outers = [(a, a + spans.randint(0, 12)) for a in (spans.randint(0, 40) for _ in range(spans.randint(0, 9)))]
        inners = [(a, a + spans.randint(0, 6)) for a in (spans.randint(0, 40) for _ in range(spans.randint(0, 9)))]
        scanned = [next((i for i, (s, e) in enumerate(outers) if s <= a and b <= e), None) for a, b in inners]
        assert first_holding(outers, inners) == scanned


def test_thousands_of_targets_are_linked_without_all_pairs():
    doc = ParsedDocument(source=SourceText("ke-hoach.txt", "txt", ""), doc_id="d1", sha256="0" * 64)
    doc.tasks = [_task("", 100 * i, 100 * i + 90) for i in range(20000)]
    for number, task in enumerate(doc.tasks):
        task.task_id = f"d1-t{number:05d}"
    doc.targets = [_target(100 * i + 40, 100 * i + 60) for i in range(20000)] + [_target(95, 105)]
    started = time.perf_counter()
    link_targets(doc)
    assert time.perf_counter() - started < 3.0  # all 400 million pairs: 20 s
    assert [t.task_id for t in doc.targets[:3]] == ["d1-t00000", "d1-t00001", "d1-t00002"]
    assert doc.targets[19999].task_id == "d1-t19999" and doc.targets[-1].task_id is None


def test_a_text_above_the_limit_is_refused_by_its_size_before_reading(tmp_path):
    import json
    import subprocess
    import sys
    big = tmp_path / "inputs" / "bien-ban-hop.txt"
    big.parent.mkdir()
    line = "Ủy ban nhân dân các xã rà soát, cập nhật hồ sơ địa chính và báo cáo Sở Nông nghiệp và Môi trường.\n"
    big.write_bytes(line.encode() * (60 * 1024 * 1024 // len(line.encode()) + 1))  # reading it: minutes
    (tmp_path / "inputs" / "ke-hoach.txt").write_text(
        "Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch này trước ngày 30/6/2026.", encoding="utf-8")
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "pipeline", "run", str(big.parent), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=120)
    assert time.perf_counter() - started < 30, run.stderr
    problems = [json.loads(line) for line in (tmp_path / "out" / "problems.jsonl").read_text().splitlines()]
    [refused] = [p for p in problems if p["path"].endswith("bien-ban-hop.txt")]
    assert refused["cause"] == "file too large (60 MB > 50 MB limit)"
    assert len((tmp_path / "out" / "documents.jsonl").read_text().splitlines()) == 1


def _docx_with_xml(path, paragraphs: int):
    """A DOCX whose document.xml holds this many paragraphs (about 150 bytes each)."""
    import zipfile

    import docx
    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    body = "".join(f"<w:p><w:r><w:t>Điều {i}. Ủy ban nhân dân xã rà soát hồ sơ đất đai thửa số {i}.</w:t></w:r></w:p>"
                   for i in range(paragraphs))
    parts["word/document.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
        '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>"
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_a_docx_part_with_too_much_xml_is_refused_by_its_declared_size(tmp_path, monkeypatch):
    import pytest

    from pipeline.readers import ReadError, docx as docx_reader, read
    monkeypatch.setattr(docx_reader, "MAX_XML_PART", 2 * 1024 * 1024, raising=False)
    assert "thửa số 4999." in read(_docx_with_xml(tmp_path / "nho.docx", 5000)).text  # about 0.6 MB
    with pytest.raises(ReadError, match=r"^DOCX part word/document.xml holds 3 MB of XML, over the 2 MB limit$"):
        read(_docx_with_xml(tmp_path / "lon.docx", 30000))
