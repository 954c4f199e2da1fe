"""OCR: a Vietnamese text rendered into an image (and into a scanned PDF with no
text layer) is read back by Tesseract, and the source says OCR was used; the
words' boxes are laid out into paragraphs like a PDF text layer."""
from pathlib import Path

import pytest

from pipeline.readers import ocr, read
from pipeline.readers.ocr import Word, clean_word, word_lines
from pipeline.readers.ocr_tables import find_grids, outside, table_rows, unread_cells, unread_ink
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


# A ruled table drawn on a page at 300 dpi: rules at these pixels, a word group in every cell.
TABLE_XS, TABLE_YS = [200, 420, 1100, 1600], [600, 720, 900, 1080]
TABLE = [["TT", "Nhiệm vụ", "Cơ quan chủ trì"],
         ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp"],
         ["2", "Số hóa hồ sơ", "Sở Nội vụ"]]


def _ruled_page(xs=TABLE_XS, ys=TABLE_YS, cells=TABLE, missing=()):
    """A white page with a grid of rules and the cells' words; `missing`:
    (row, column) of inner vertical rules left out (merged cells)."""
    from PIL import Image, ImageDraw, ImageFont
    image = Image.new("L", (1800, 1500), 255)
    draw, font = ImageDraw.Draw(image), ImageFont.truetype(str(FONT), 40)
    draw.text((200, 380), "Ủy ban nhân dân tỉnh giao nhiệm vụ như sau:", fill=0, font=font)
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=3)
    for j, x in enumerate(xs):
        for i in range(len(ys) - 1):
            if (i, j) not in missing:
                draw.line([(x, ys[i]), (x, ys[i + 1])], fill=0, width=3)
    for i, row in enumerate(cells):
        for j, text in enumerate(row):
            draw.text((xs[j] + 20, ys[i] + 30), text, fill=0, font=font)
    draw.text((200, 1200), "Sở Tài chính bố trí kinh phí thực hiện.", fill=0, font=font)
    return image


def _grey(image):
    import numpy as np
    return np.asarray(image.convert("L"))


def _cell_words(xs, ys, cells) -> list:
    return [Word(word, xs[j] + 20 + 40 * k, ys[i] + 30, xs[j] + 50 + 40 * k, ys[i] + 70, 95.0, ("1", "1", "1"))
            for i, row in enumerate(cells) for j, text in enumerate(row) for k, word in enumerate(text.split())]


@needs_font
def test_ruled_grid_is_found_on_the_bitmap():
    tables, grids = find_grids(_grey(_ruled_page()), 300)
    assert len(tables) == 1 and grids == tables
    assert [abs(a - b) <= 2 for a, b in zip(tables[0].xs, TABLE_XS)] == [True] * 4
    assert [abs(a - b) <= 2 for a, b in zip(tables[0].ys, TABLE_YS)] == [True] * 4


@needs_font
def test_words_are_placed_in_cells_by_their_centres():
    grid = find_grids(_grey(_ruled_page()), 300)[0][0]
    assert table_rows(grid, _cell_words(TABLE_XS, TABLE_YS, TABLE)) == TABLE


@needs_font
def test_a_missing_inner_rule_merges_two_cells():
    cells = [["TT", "Nhiệm vụ", "Cơ quan"], ["1", "Tổng kết", ""], ["2", "Báo cáo", "Sở Nội vụ"]]
    grid = find_grids(_grey(_ruled_page(cells=cells, missing={(1, 2)})), 300)[0][0]
    rows = table_rows(grid, _cell_words(TABLE_XS, TABLE_YS, cells))
    assert rows == [cells[0], ["1", "Tổng kết"], cells[2]]


@needs_font
def test_a_framed_header_is_not_a_table():
    box = _ruled_page(xs=[200, 1600], ys=[100, 1400], cells=[["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"]])
    pair = _ruled_page(xs=[200, 900, 1600], ys=[100, 300], cells=[["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI"]])
    for page in (box, pair):
        tables, grids = find_grids(_grey(page), 300)
        assert tables == [] and len(grids) == 1


def test_a_page_without_rules_has_no_grid():
    import numpy as np
    page = np.full((1500, 1800), 255, np.uint8)
    page[400:440, 200:230] = 0  # a letter's stroke, not a rule
    assert find_grids(page, 300) == ([], [])


@needs_tesseract
@needs_font
def test_scanned_table_is_read_as_rows_between_text(tmp_path):
    _ruled_page().save(tmp_path / "table.png", dpi=(300, 300))
    text = read(tmp_path / "table.png").text
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert rows[1:] == ["| 1 | Rà soát thủ tục hành chính | Sở Tư pháp |", "| 2 | Số hóa hồ sơ | Sở Nội vụ |"]
    assert text.index("giao nhiệm vụ") < text.index(rows[0]) < text.index("kinh phí")


@needs_font
def test_ink_no_word_covers_is_found_for_a_second_reading():
    page = _grey(_ruled_page(xs=[200, 420, 1100, 1600], ys=[600, 720, 900, 1080]))
    heading = [Word("Ủy", 200, 380, 260, 430, 96.0, ("1", "1", "1"))]  # the line above the table, read
    below = unread_ink(outside(page, find_grids(page, 300)[1], 300), heading, (0, 0, 1800, 1500), 300)
    assert len(below) == 1 and below[0][1] < 1200 < below[0][3]  # "Sở Tài chính bố trí ..." was not read
    grid = find_grids(page, 300)[0][0]
    read = [w for w in _cell_words(TABLE_XS, TABLE_YS, TABLE) if w.text not in ("1", "2")]
    numbers = unread_cells(grid, read, page, 300)
    cells = [(TABLE_XS[0], TABLE_YS[i], TABLE_XS[1], TABLE_YS[i + 1]) for i in (1, 2)]  # where "1" and "2" are
    assert len(numbers) == 2 and all(cell[0] < box[0] < box[2] < cell[2] and cell[1] < box[1] < box[3] < cell[3]
                                     for box, cell in zip(sorted(numbers, key=lambda b: b[1]), cells))


def _broken(*args):
    raise ValueError("min() arg is an empty sequence")


@needs_tesseract
@needs_font
def test_a_page_the_layout_cannot_place_keeps_tesseracts_lines(tmp_path, monkeypatch):
    """Whether the tables and lines read apart cannot be placed (OCR's own layout) or the
    paragraphs cannot be built (the PDF layout code), the page keeps its words and says so."""
    _page().save(tmp_path / "scan.png")
    monkeypatch.setattr(ocr, "insert_lines", _broken)
    source = read(tmp_path / "scan.png")
    _assert_read(source.text)
    assert any(w.startswith("page 1: OCR layout not placed") for w in source.warnings)
    monkeypatch.undo()
    import pipeline.readers.pdf_layout as pdf_layout
    monkeypatch.setattr(pdf_layout, "paragraph_text", _broken)
    _page().save(tmp_path / "scan.pdf", resolution=150)
    for name in ("scan.png", "scan.pdf"):
        source = read(tmp_path / name)
        _assert_read(source.text)
        assert any(w.startswith("page 1: layout not read") for w in source.warnings), name


@needs_tesseract
@needs_font
def test_doubtful_words_and_skipped_ink_are_read_in_one_call_per_page(tmp_path, monkeypatch):
    """The second readings of a page go to Tesseract together, on one sheet, and
    each comes back to its own box in the page's pixels."""
    import numpy as np
    gray = np.asarray(_page().convert("L"))
    boxes = [(90, 70 + 140 * i, 1650, 150 + 140 * i) for i in (3, 1)]  # the last line, then the second
    calls = []
    real = ocr._tesseract
    monkeypatch.setattr(ocr, "_tesseract", lambda *args: calls.append(args) or real(*args))
    found = ocr._read_apart(gray, boxes, str(tmp_path))
    assert len(calls) == 1
    assert "tháng" in " ".join(w.text for w in found[0]) and "Tư" in " ".join(w.text for w in found[1])
    for (left, top, right, bottom), words in zip(boxes, found):
        assert all(left <= w.left and w.right <= right and top <= w.top and w.bottom <= bottom for w in words)
