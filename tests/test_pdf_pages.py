"""PDF pages as an office prints them: tables that run over a page break (with or without
the header row repeated, a row cut in two), a centred line wrapped under a full one, and a
page set in two font sizes (14 pt text, an 11 pt Nơi nhận)."""
import pytest

from pipeline.readers import read
from pipeline.readers.pdf_layout import Line, pages_text
from tests.fixtures.documents import convert, soffice

needs_soffice = pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed")

HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì"]
DUTIES = [[str(n), f"Rà soát, cập nhật danh mục thủ tục hành chính lĩnh vực số {n} trên Cổng dịch vụ công",
           "Sở Tư pháp" if n % 2 else "Văn phòng UBND tỉnh"] for n in range(1, 41)]


def _table(rows, top):
    return Line("", 56.0, 540.0, top - 20.0 * len(rows), top, rows=[list(r) for r in rows])


def test_a_table_going_on_at_the_top_of_the_next_page_is_one_table():
    first = [Line("PHỤ LỤC", 270.0, 326.0, 780.0, 792.0), _table([HEADER] + DUTIES[:3], 760.0)]
    second = [_table(DUTIES[3:5], 800.0)]
    texts, joined = pages_text([first, second])
    assert joined == {0}  # no blank line at the page break: the rows are one table
    assert texts[1].splitlines() == [f"| {n} | {task} | {lead} |" for n, task, lead in DUTIES[3:5]]


def test_a_table_of_other_columns_at_the_top_of_the_next_page_is_another_table():
    first = [_table([HEADER] + DUTIES[:2], 760.0)]
    second = [_table([["Số hiệu", "Tên văn bản"], ["12/2025/QĐ-UBND", "Quy chế phối hợp"]], 800.0)]
    _, joined = pages_text([first, second])
    assert joined == set()


def test_the_header_row_of_any_table_above_is_dropped_and_a_cut_row_joins_its_rest():
    site = [["Loại văn bản:", "Công văn", "Nơi ban hành:", "Ủy ban nhân dân tỉnh"]]
    heading = [["ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
               ["Số: 1204/UBND-KT V/v triển khai thực hiện nhiệm vụ chuyển đổi số", "Quảng Trị, ngày 3 tháng 3 năm 2026"]]
    first = [_table(site, 780.0), _table(heading, 740.0)]
    second = [Line("", 56.0, 540.0, 740.0, 800.0, rows=site + [["trong các cơ quan hành chính nhà nước", ""]])]
    texts, _ = pages_text([first, second])
    assert "V/v triển khai thực hiện nhiệm vụ chuyển đổi số trong các cơ quan hành chính nhà nước |" in texts[0]
    assert "Loại văn bản" not in texts[1]


def test_a_row_that_starts_anew_at_the_top_of_the_page_is_not_joined_to_the_row_above():
    first = [_table([HEADER] + DUTIES[:2], 760.0)]
    second = [_table([["Ghi chú", "Báo cáo định kỳ hằng quý", ""]], 800.0)]
    texts, _ = pages_text([first, second])
    assert texts[1] == "| Ghi chú | Báo cáo định kỳ hằng quý |  |"


def test_a_centred_line_under_a_full_line_cut_mid_sentence_is_the_same_paragraph():
    lines = [Line("PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU", 200.0, 396.0, 700.0, 712.0),
             Line("(Ban hành kèm theo Kế hoạch số 52/KH-UBND ngày 14 tháng", 60.0, 536.0, 684.0, 696.0),
             Line("3 năm 2026 của UBND tỉnh Quảng Trị)", 195.0, 401.0, 668.0, 680.0),
             Line("Sở Tài chính chủ trì tổng hợp, báo cáo kết quả thực hiện các chỉ tiêu hằng năm.",
                  60.0, 536.0, 630.0, 642.0)]
    texts, _ = pages_text([lines])
    assert texts[0].split("\n\n")[1] == ("(Ban hành kèm theo Kế hoạch số 52/KH-UBND ngày 14 tháng "
                                         "3 năm 2026 của UBND tỉnh Quảng Trị)")


def test_a_centred_line_under_a_full_sentence_starts_its_own_paragraph():
    lines = [Line("Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15 tháng 12.",
                  60.0, 536.0, 700.0, 712.0),
             Line("Phụ lục kèm theo", 250.0, 346.0, 684.0, 696.0)]
    texts, _ = pages_text([lines])
    assert texts[0].split("\n\n")[-1] == "Phụ lục kèm theo"


def _long_table_pdf(folder, repeat_header: bool):
    """A plan whose appendix table of 40 duties runs over two pages."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    document = docx.Document()
    document.add_paragraph("PHỤ LỤC: DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026")
    grid = document.add_table(rows=len(DUTIES) + 1, cols=3)
    grid.style = "Table Grid"
    for i, row in enumerate([HEADER] + DUTIES):
        for j, value in enumerate(row):
            grid.cell(i, j).text = value
    if repeat_header:
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        grid.rows[0]._tr.get_or_add_trPr().append(mark)
    document.save(str(folder / "phu-luc.docx"))
    return convert(folder / "phu-luc.docx", "pdf", folder)


@needs_soffice
@pytest.mark.parametrize("repeat_header", [False, True])
def test_an_appendix_table_over_a_page_break_is_read_as_one_table(tmp_path, repeat_header):
    text = read(_long_table_pdf(tmp_path, repeat_header)).text
    assert text.count("\f") >= 2  # two pages at least
    rows = [line.replace("\f", "") for line in text.split("\n") if line.startswith("|")]
    assert rows[0] == "| STT | Nhiệm vụ | Cơ quan chủ trì |" and rows.count(rows[0]) == 1
    assert rows[1:] == [f"| {n} | {task} | {lead} |" for n, task, lead in DUTIES]
    table = text[text.index("| STT"):text.rindex("|") + 1]
    assert "\n\n" not in table and "\n\f\n" not in table  # no break inside the table: one table


def _two_sizes_pdf(folder):
    """A letter in 14 pt and its Nơi nhận in 11 pt, on one page."""
    import docx
    from docx.shared import Pt
    document = docx.Document()
    body = ("Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố "
            "khẩn trương rà soát, thống kê các thủ tục hành chính còn vướng mắc, đề xuất phương án cắt giảm, "
            "đơn giản hóa và gửi về Sở Tư pháp trước ngày 20 tháng 4 năm 2026 để tổng hợp, báo cáo.")
    document.add_paragraph().add_run(body).font.size = Pt(14)
    for line in ["Nơi nhận:", "- Như trên;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, KSTT."]:
        document.add_paragraph().add_run(line).font.size = Pt(11)
    document.save(str(folder / "cong-van.docx"))
    return convert(folder / "cong-van.docx", "pdf", folder), body


@needs_soffice
def test_a_paragraph_in_14_pt_stays_one_paragraph_beside_an_11_pt_recipient_list(tmp_path):
    path, body = _two_sizes_pdf(tmp_path)
    paragraphs = [p.strip() for p in read(path).text.replace("\f", "").split("\n\n") if p.strip()]
    assert paragraphs[0] == body
    assert paragraphs[1:] == ["Nơi nhận:", "- Như trên;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, KSTT."]
