"""Records from OCR carry the OCR confidence of their words, and the workbook marks doubtful ones."""
import openpyxl

from pipeline import confidence
from pipeline.process import process
from pipeline.readers import SourceText
from pipeline.records import to_dict
from pipeline.writers import excel

TEXT = """KẾ HOẠCH
Chuyển đổi số năm 2026

1. Sở Khoa học và Công nghệ chủ trì xây dựng kho dữ liệu dùng chung, hoàn thành trước ngày 30/6/2026.
2. Sở Nội vụ chủ trì rà soát thủ tục hành chính, hoàn thành trước ngày 30/9/2026.
"""


def _words(doubtful: str) -> list:
    """Every word of TEXT read at 96, those of the `doubtful` line at 40."""
    words = []
    for line in TEXT.splitlines():
        words += [(word, 40.0 if line.startswith(doubtful) else 96.0) for word in line.split()]
    return words


def _document(doubtful="2."):
    source = SourceText("ke-hoach.png", "image", TEXT, [0], ocr_pages=[1], ocr_words={1: _words(doubtful)},
                        warnings=["OCR used on pages 1"])
    return process(source, "0" * 64)


def test_tasks_carry_the_ocr_confidence_of_their_words():
    doc = _document()
    by_lead = {task.lead_agencies[0]: task.ocr_confidence for task in doc.tasks}
    assert by_lead["Sở Khoa học và Công nghệ"] == 0.96
    assert by_lead["Sở Nội vụ"] < 0.5


def test_a_record_read_with_doubt_goes_to_review():
    sure, doubtful = ({"evidence": "explicit", "ocr_confidence": value} for value in (0.96, 0.7))
    warnings = ["OCR used on pages 1"]
    assert not confidence.is_low(confidence.score(sure, warnings))
    assert confidence.is_low(confidence.score(doubtful, warnings))


def test_the_workbook_shows_and_marks_the_ocr_confidence(tmp_path):
    doc = _document()
    path = tmp_path / "review.xlsx"
    excel.write(path, [to_dict(doc.document)], [to_dict(t) for t in doc.tasks], [], [])
    sheet = openpyxl.load_workbook(path)["Nhiệm vụ"]
    fields = [cell.value for cell in sheet[2]]
    rows = [dict(zip(fields, row)) for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert sorted(row["ocr_confidence"] < confidence.OCR_LOW for row in rows) == [False, True]
    assert all(confidence.is_low(row["confidence"]) == (row["ocr_confidence"] < confidence.OCR_LOW) for row in rows)
