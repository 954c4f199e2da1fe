"""Vietnamese corrections after OCR, on strings written the way Tesseract misreads them."""
import pytest

from pipeline.process import process
from pipeline.readers import SourceText
from pipeline.readers.ocr_text import correct


def fixed(text: str) -> str:
    return correct(text)[0]


@pytest.mark.parametrize("read, meant", [
    ("Sở Nội vụ tô chức thực hiện", "Sở Nội vụ tổ chức thực hiện"),
    ("Uy ban nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường"),
    ("bảo vệ môi trưòng", "bảo vệ môi trường"),
    ("CHÍ THỊ", "CHỈ THỊ"),
    ("KẼ HOẠCH", "KẾ HOẠCH"),
    ("ÚY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
    ("THÀNH PHÔ CÂN THƠ", "THÀNH PHỐ CẦN THƠ"),
])
def test_tone_marks_and_hats_are_restored_from_context(read, meant):
    assert fixed(read) == meant


@pytest.mark.parametrize("read, meant", [
    ("Cơquan chủ trì: Sở Xây dựng", "Cơ quan chủ trì: Sở Xây dựng"),
    ("Ủ y ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
])
def test_glued_and_split_syllables_are_mended(read, meant):
    assert fixed(read) == meant


def test_broken_agency_name_is_snapped_to_the_registry():
    assert fixed("giao Bộ Nông nghiệp và Môi trườg chủ trì") == "giao Bộ Nông nghiệp và Môi trường chủ trì"


@pytest.mark.parametrize("text", [
    "tô màu bản đồ hành chính",  # "tô" is a word: nothing says "tổ"
    "khuỷu sông Đà",  # a rare syllable the lexicon never saw
    "Bộ Tư lệnh Quân khu 2 phối hợp",  # a registry name, close to "Bộ Tư pháp"
    "Đồng chí Nguyễn Văn Tám",
    "cơ quan quân sự địa phương",
    "Phó Chủ tịch Vừ A Dính ký ban hành",  # a one-letter middle name: "Vừ A" is not "VừA"
])
def test_correct_text_is_left_alone(text):
    assert correct(text) == (text, [])


def test_each_correction_says_what_was_read_and_where():
    text, corrections = correct("Uy ban nhân dân tỉnh giao Sở Nội vụ tô chức")
    assert [(c.before, c.after, c.rule) for c in corrections] == [("Uy", "Ủy", "tone"), ("tô", "tổ", "tone")]
    assert all(text[c.offset:c.offset + len(c.after)] == c.after for c in corrections)


def test_corrections_after_a_split_keep_their_offsets():
    text, corrections = correct("Cơquan chủ trì: Sở Nội vụ tô chức")
    assert [c.after for c in corrections] == ["Cơ quan", "tổ"]
    assert all(text[c.offset:c.offset + len(c.after)] == c.after for c in corrections)


PAGES = ["UBND TỈNH LAI CHÂU\nSở Nội vụ tô chức tập huấn.\n", "Sở Nội vụ tô chức hội nghị.\n"]


def _run(ocr_pages):
    text = "".join(PAGES)
    source = SourceText("x.pdf", "pdf", text, [0, len(PAGES[0])], ocr_pages=ocr_pages)
    return process(source, "0" * 64)


def test_only_ocr_pages_are_corrected_and_the_document_lists_the_corrections():
    doc = _run([2])
    assert "tô chức tập huấn" in doc.text and "tổ chức hội nghị" in doc.text
    corrections = doc.document.ocr_corrections
    assert [(c["from"], c["to"], c["rule"]) for c in corrections] == [("tô", "tổ", "tone")]
    assert doc.text[corrections[0]["offset"]:].startswith("tổ chức hội nghị")
    assert doc.page_starts[1] == doc.text.index("Sở Nội vụ tổ")


def test_text_layer_documents_are_not_corrected():
    doc = _run([])
    assert doc.text.count("tô chức") == 2 and doc.document.ocr_corrections == []


def test_curly_quotes_without_a_partner_are_specks_and_a_quoted_name_keeps_its_quotes():
    text, found = correct("Đà Nẵng ban hành kế hoạch cải thiện, nâng” “cao Chỉ số cải cách hành chính - UBND "
                          "thành phố “Đà Nẵng vừa ban hành Kế hoạch số 145/KH-UBND.\n\n"
                          "Sở Nội vụ xây dựng Đề án “Đẩy mạnh cải cách hành chính” năm 2026.")
    assert text == ("Đà Nẵng ban hành kế hoạch cải thiện, nâng cao Chỉ số cải cách hành chính - UBND thành phố "
                    "Đà Nẵng vừa ban hành Kế hoạch số 145/KH-UBND.\n\n"
                    "Sở Nội vụ xây dựng Đề án “Đẩy mạnh cải cách hành chính” năm 2026.")
    assert [(c.before, c.after, c.rule) for c in found] == [("”", "", "quote"), ("“", "", "quote"), ("“", "", "quote")]
