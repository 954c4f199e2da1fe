"""OCR: a Vietnamese text rendered into an image (and into a scanned PDF with no
text layer) is read back by Tesseract, and the source says OCR was used; the
words' boxes are laid out into paragraphs like a PDF text layer."""
from pathlib import Path

import pytest

from pipeline.readers import ocr, read
from pipeline.readers.ocr import Word, clean_word, word_lines
from pipeline.readers.pdf_layout import pages_text

FONTS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
         Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")]
FONT = next((f for f in FONTS if f.exists()), None)
LINES = ["KẾ HOẠCH", "Sở Tư pháp chủ trì thực hiện", "Ủy ban nhân dân tỉnh Nghệ An", "trước ngày 30 tháng 6 năm 2026"]

needs_tesseract = pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed")
needs_font = pytest.mark.skipif(FONT is None, reason="no TTF font with Vietnamese glyphs (fonts-dejavu-core)")


def _page():
    from PIL import Image, ImageDraw, ImageFont
    image = Image.new("RGB", (1700, 700), "white")
    draw, font = ImageDraw.Draw(image), ImageFont.truetype(str(FONT), 48)
    for i, line in enumerate(LINES):
        draw.text((100, 80 + 140 * i), line, fill="black", font=font)
    return image


def _assert_read(text: str):
    for word in ("HOẠCH", "Tư pháp", "chủ trì", "Nghệ An", "tháng"):
        assert word in text


@needs_tesseract
@needs_font
def test_image_is_read_with_ocr(tmp_path):
    _page().save(tmp_path / "scan.png")
    source = read(tmp_path / "scan.png")
    _assert_read(source.text)
    assert source.ocr_pages == [1] and "OCR used on pages 1" in source.warnings


@needs_tesseract
@needs_font
def test_scanned_pdf_pages_are_read_with_ocr(tmp_path):
    _page().save(tmp_path / "scan.pdf", resolution=150)
    source = read(tmp_path / "scan.pdf")
    _assert_read(source.text)
    assert source.format == "pdf" and source.ocr_pages == [1]


def test_page_ranges_are_labelled():
    assert ocr.page_range_label([1, 2, 3, 5, 7, 8]) == "1-3, 5, 7-8"


# A page scanned at 300 dpi: (text, left pixel) per line, 62 pixels from one line to the next.
PAGE = [
    ("Sở Tài nguyên và Môi trường chủ trì, phối hợp với Ủy ban nhân dân", 450),
    ("các huyện, thành phố, thị xã rà soát quỹ đất công trên địa bàn và", 375),
    ("báo cáo Ủy ban nhân dân tỉnh trước ngày 30/9/2026.", 375),
    ("Sở Xây dựng hướng dẫn thực hiện Quyết định số 3098/QĐ-", 450),
    ("UBND về quản lý chất lượng công trình xây dựng.", 375),
    ("a) Rà soát quy hoạch chung đô thị;", 450),
    ("b) Tổ chức kiểm tra định kỳ.", 450),
]


def _words(page: list) -> list:
    words, top = [], 300
    for number, (text, left) in enumerate(page):
        for word in text.split():
            width = 24 * len(word)
            words.append(Word(word, left, top, left + width, top + 48, 96.0, ("1", "1", str(number))))
            left += width + 18
        top += 62
    return words


def test_words_are_laid_out_into_paragraphs_and_list_items():
    texts, _ = pages_text([word_lines(_words(PAGE), 3300, 300)])
    assert texts[0].split("\n\n") == [
        " ".join(text for text, _ in PAGE[:3]),
        "Sở Xây dựng hướng dẫn thực hiện Quyết định số 3098/QĐ-UBND về quản lý chất lượng công trình xây dựng.",
        PAGE[5][0], PAGE[6][0]]


def test_letters_no_vietnamese_text_has_are_mended():
    assert clean_word("3098/QĐÐ-UBND") == "3098/QĐ-UBND"
    assert clean_word("12-NÑQ/TU") == "12-NQ/TU"
    assert clean_word("¡)") == "i)"
    assert clean_word("Ðoàn") == "Đoàn"
    assert clean_word("Nhà") == "Nhà"
