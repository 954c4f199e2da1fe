"""PDF pages of every shape are read: pages holding only centred lines (an
appendix title above a table, a signature block), hyphens at a line end."""
import pytest

from pipeline.readers import read
from pipeline.readers.pdf_layout import Line, pages_text
from tests.fixtures.documents import convert, soffice

needs_soffice = pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed")

DUTY = ("Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các huyện kiểm tra việc "
        "thực hiện Kế hoạch và báo cáo Ủy ban nhân dân tỉnh trước ngày 30 tháng 6 năm 2026.")
APPENDIX = ["Phụ lục I", "DANH MỤC CÔNG TRÌNH KÊNH MƯƠNG CẦN NẠO VÉT NĂM 2026",
            "(Kèm theo Kế hoạch số 77/KH-UBND ngày 12/02/2026)"]
ROWS = [["STT", "Công trình", "Đơn vị thực hiện"], ["1", "Kênh Bắc xã Tân Hưng", "Ban Quản lý dự án huyện"]]
SIGNATURE = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hồng Nhung"]


def _centred(document, text):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _page_break(document):
    from docx.enum.text import WD_BREAK
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _three_page_pdf(folder):
    """Page 1 a duty; page 2 a centred appendix title above a table; page 3 only the signature."""
    import docx
    document = docx.Document()
    document.add_paragraph(DUTY)
    _page_break(document)
    for text in APPENDIX:
        _centred(document, text)
    grid = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    grid.style = "Table Grid"
    for i, row in enumerate(ROWS):
        for j, value in enumerate(row):
            grid.cell(i, j).text = value
    _page_break(document)
    for text in SIGNATURE:
        _centred(document, text)
    document.save(str(folder / "phu-luc.docx"))
    return convert(folder / "phu-luc.docx", "pdf", folder)


@needs_soffice
def test_pages_of_centred_lines_only_are_read_with_the_document(tmp_path):
    source = read(_three_page_pdf(tmp_path))
    pages = source.text.split("\f")
    assert len(pages) == 4 and pages[3].strip() == ""
    assert DUTY in pages[0]
    assert [p.strip() for p in pages[1].split("\n\n")] == APPENDIX + [
        "| STT | Công trình | Đơn vị thực hiện |\n| 1 | Kênh Bắc xã Tân Hưng | Ban Quản lý dự án huyện |"]
    assert [p.strip() for p in pages[2].split("\n\n")] == SIGNATURE


def test_a_page_of_centred_lines_keeps_each_line_its_own_paragraph():
    lines = [Line("TM. ỦY BAN NHÂN DÂN", 320.0, 470.0, 400.0, 412.0),
             Line("CHỦ TỊCH", 362.0, 428.0, 384.0, 396.0),
             Line("Phạm Quốc Khánh", 342.0, 449.0, 320.0, 332.0)]
    texts, joined = pages_text([lines])
    assert texts == ["TM. ỦY BAN NHÂN DÂN\n\nCHỦ TỊCH\n\nPhạm Quốc Khánh"] and joined == set()


def test_a_page_that_cannot_be_laid_out_costs_that_page_with_a_warning(monkeypatch):
    from pipeline.readers import pdf_layout
    good = [Line("Sở Tài chính bố trí kinh phí thực hiện.", 72.0, 300.0, 700.0, 712.0)]
    signature = [Line("Nơi nhận:", 72.0, 130.0, 500.0, 512.0), Line("- Như trên;", 72.0, 140.0, 480.0, 492.0)]
    frame = pdf_layout._Frame

    def failing_frame(lines):  # layout code that fails on the second page's shape
        if lines[0].text == "Nơi nhận:":
            raise ValueError("min() arg is an empty sequence")
        return frame(lines)

    monkeypatch.setattr(pdf_layout, "_Frame", failing_frame)
    warnings = []
    texts, _ = pages_text([good, signature], warnings)
    assert texts == ["Sở Tài chính bố trí kinh phí thực hiện.", "Nơi nhận:\n\n- Như trên;"]
    assert len(warnings) == 1 and warnings[0].startswith("page 2: layout not read")


def _hyphen_pdf(folder):
    """Paragraphs whose first line ends ever later, so that one of them wraps
    at the hyphen of the plan's number."""
    import docx
    document = docx.Document()
    for padding in range(16):
        document.add_paragraph("Các sở, ban, ngành và địa phương" + " căn cứ" * padding +
                               " tổ chức thực hiện Kế hoạch số 145/KH-UBND của Ủy ban nhân dân tỉnh về "
                               "phát triển kinh tế tập thể năm 2026.")
    document.save(str(folder / "gach-noi.docx"))
    return convert(folder / "gach-noi.docx", "pdf", folder)


def _wraps_at_hyphen(path) -> bool:
    """pdfium joins a line ending with a hyphen to the next with its mark U+FFFE."""
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path))
    text = pdf[0].get_textpage().get_text_range()
    pdf.close()
    return "145/KH\ufffeUBND" in text or "145/KH-\r\n" in text


@needs_soffice
def test_a_hyphen_at_a_line_end_inside_a_number_is_kept(tmp_path):
    pdf = _hyphen_pdf(tmp_path)
    assert _wraps_at_hyphen(pdf)
    text = read(pdf).text
    assert text.count("145/KH-UBND") == 16 and "145/KHUBND" not in text


def test_a_word_cut_at_a_line_end_is_joined_and_a_symbol_keeps_its_hyphen():
    from pipeline.readers.pdf_layout import _without_junk
    assert _without_junk("Báo cáo số 31/BC\ufffeSTC về thông\ufffetin COVID\ufffe19") == \
        "Báo cáo số 31/BC-STC về thôngtin COVID-19"
