"""Ruled tables in PDFs made by LibreOffice: pdfplumber's table finder on the
rules pdfium reads (stroked lines, thin filled rectangles, rules inside a form
XObject), cell text read with pdfium."""
import pytest

from pipeline.readers import read, table_row_line
from pipeline.readers.pdf_tables import continue_rows, has_rules, page_paths, page_tables
from tests.fixtures.documents import PARAGRAPHS, convert, soffice, write_docx

pytestmark = pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed")

ASSIGNMENTS = [
    ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
    ["1", "Rà soát, đơn giản hóa thủ tục hành chính nội bộ", "Sở Tư pháp", "Văn phòng Ủy ban nhân dân tỉnh",
     "Quý II/2026"],
    ["2", "Xây dựng cơ sở dữ liệu đất đai", "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ",
     "Tháng 12/2026"],
]


def _page_rows(path) -> list:
    """Per page, the rows of each table found on it (cell lines joined by spaces)."""
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for page in pdf:
            paths = page_paths(page)
            tables = page_tables(page, page.get_textpage(), paths) if has_rules(paths) else []
            pages.append([[[" ".join(cell.split()) for cell in row] for row in table.rows] for table in tables])
        return pages
    finally:
        pdf.close()


def _docx_with_table(path, rows: list, merges=(), widths=()):
    """A DOCX with a "Table Grid" table; merges are ((row, col), (row, col))
    corners, widths the columns' widths in cm."""
    import docx
    from docx.shared import Cm
    write_docx(path, PARAGRAPHS[:3], rows)
    document = docx.Document(str(path))
    grid = document.tables[0]
    for (r0, c0), (r1, c1) in merges:
        text = grid.cell(r0, c0).text
        grid.cell(r0, c0).merge(grid.cell(r1, c1)).text = text
    for column, width in zip(grid.columns, widths):
        column.width = Cm(width)
    document.save(str(path))
    return path


def _rules_as_filled_rectangles(source, target):
    """Every rule of the PDF drawn again as a filled rectangle 0.5 pt thick, no stroke."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
    pdf = pdfium.PdfDocument(str(source))
    for page in pdf:
        for obj in list(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,))):
            left, bottom, right, top = obj.get_bounds()
            middle_x, middle_y = (left + right) / 2, (bottom + top) / 2
            if right - left < 3:
                left, right = middle_x - 0.25, middle_x + 0.25
            if top - bottom < 3:
                bottom, top = middle_y - 0.25, middle_y + 0.25
            rectangle = pdfium_c.FPDFPageObj_CreateNewRect(left, bottom, right - left, top - bottom)
            pdfium_c.FPDFPath_SetDrawMode(rectangle, pdfium_c.FPDF_FILLMODE_WINDING, 0)
            pdfium_c.FPDFPage_RemoveObject(page.raw, obj.raw)
            pdfium_c.FPDFPageObj_Destroy(obj.raw)
            pdfium_c.FPDFPage_InsertObject(page.raw, rectangle)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    pdf.save(str(target))
    pdf.close()
    return target


def _fill_only(path) -> bool:
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
    pdf = pdfium.PdfDocument(str(path))
    fill, stroke, modes = ctypes.c_int(), ctypes.c_int(), set()
    for obj in pdf[0].get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)):
        pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill, stroke)
        modes.add((bool(fill.value), bool(stroke.value)))
    pdf.close()
    return modes == {(True, False)}


def _two_pages_on_one(source, target):
    """Both halves of a landscape sheet hold a page of the source, each drawn
    from a form XObject scaled down (a 2-up print)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
    pdf = pdfium.PdfDocument(str(source))
    sheet = pdfium.PdfDocument(pdfium_c.FPDF_ImportNPagesToOne(pdf.raw, 842.0, 595.0, 2, 1))
    sheet.save(str(target))
    sheet.close()
    pdf.close()
    return target


@pytest.fixture(scope="module")
def assignments_pdf(tmp_path_factory):
    folder = tmp_path_factory.mktemp("assignments")
    return convert(_docx_with_table(folder / "phan-cong.docx", ASSIGNMENTS), "pdf", folder)


def test_ruled_table_gives_its_rows_with_vietnamese_cells(assignments_pdf):
    assert _page_rows(assignments_pdf) == [[ASSIGNMENTS]]
    lines = read(assignments_pdf).text.splitlines()
    assert [line for line in lines if line.startswith("|")] == [table_row_line(row) for row in ASSIGNMENTS]
    assert PARAGRAPHS[2] in lines  # the text around the table stays text


def test_rules_drawn_as_thin_filled_rectangles(assignments_pdf, tmp_path):
    filled = _rules_as_filled_rectangles(assignments_pdf, tmp_path / "filled.pdf")
    assert _fill_only(filled)
    assert _page_rows(filled) == [[ASSIGNMENTS]]


def test_rules_inside_a_scaled_form_xobject(assignments_pdf, tmp_path):
    assert _page_rows(_two_pages_on_one(assignments_pdf, tmp_path / "2-up.pdf")) == [[ASSIGNMENTS]]


def test_merged_across_and_merged_down_cells(tmp_path):
    rows = [
        ["Nhiệm vụ", "Cơ quan thực hiện", "", "Thời gian"],
        ["Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp", "Các sở, ban, ngành", "Quý III/2026"],
        ["Tập huấn nghiệp vụ cho cán bộ cấp xã", "", "Ủy ban nhân dân cấp xã", "Quý IV/2026"],
    ]
    merges = [((0, 1), (0, 2)), ((1, 1), (2, 1))]  # the agencies' header over two columns; one lead for two rows
    pdf = convert(_docx_with_table(tmp_path / "gop-o.docx", rows, merges), "pdf", tmp_path)
    assert _page_rows(pdf) == [[[
        ["Nhiệm vụ", "Cơ quan thực hiện", "Thời gian"],
        ["Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp", "Các sở, ban, ngành", "Quý III/2026"],
        ["Tập huấn nghiệp vụ cho cán bộ cấp xã", "Sở Tư pháp", "Ủy ban nhân dân cấp xã", "Quý IV/2026"],
    ]]]


def test_table_broken_between_two_rows_by_the_page_end(tmp_path):
    header = ["STT", "Đơn vị", "Cơ quan phối hợp", "Thời gian"]
    units = ["Sở Tài chính", "Sở Nội vụ", "Công an tỉnh", "Sở Y tế", "Sở Xây dựng"]
    table = [header] + [[str(i), f"Xã số {i}", units[i % 5], f"Tháng {i % 12 + 1}/2026"] for i in range(1, 61)]
    pdf = convert(_docx_with_table(tmp_path / "danh-sach.docx", table), "pdf", tmp_path)
    first, second = [tables[0] for tables in _page_rows(pdf)]
    assert len(first) > 1 and len(second) > 1  # the page break falls inside the table
    assert first + second == table  # no row lost, cut or made twice
    assert continue_rows([list(row) for row in first], second) == second  # a whole row opens page 2: no merge
    lines = read(pdf).text.splitlines()
    assert [line for line in lines if line.startswith("|")] == [table_row_line(row) for row in table]


def _below(path, word: str, above: str) -> bool:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path))
    textpage = pdf[0].get_textpage()
    text = textpage.get_text_range()
    lower, upper = textpage.get_charbox(text.index(word)), textpage.get_charbox(text.index(above))
    pdf.close()
    return lower[3] < upper[1]


def test_document_number_cut_at_its_hyphen_by_a_narrow_column(tmp_path):
    rows = [["STT", "Căn cứ", "Cơ quan chủ trì"], ["1", "Báo cáo số 84/BC-UBND của tỉnh", "Sở Xây dựng"]]
    pdf = convert(_docx_with_table(tmp_path / "can-cu.docx", rows, widths=(1.5, 1.8, 5)), "pdf", tmp_path)
    assert _below(pdf, "UBND", "84/BC")  # "84/BC-" ends a line of the cell, "UBND" starts the next
    assert _page_rows(pdf) == [[rows]]
    assert "| 1 | Báo cáo số 84/BC-UBND của tỉnh | Sở Xây dựng |" in read(pdf).text.splitlines()


def _with_signature_rule(path):
    """The DOCX's last paragraph underlined by a paragraph border: one horizontal rule."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    document = docx.Document(str(path))
    borders, bottom = OxmlElement("w:pBdr"), OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    document.paragraphs[-1]._p.get_or_add_pPr().append(borders)
    document.save(str(path))
    return path


def test_a_single_signature_rule_is_no_table(tmp_path):
    import pypdfium2 as pdfium
    signature = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Thành"]
    docx_path = _with_signature_rule(write_docx(tmp_path / "ky.docx", PARAGRAPHS + signature, table=None))
    pdf_path = convert(docx_path, "pdf", tmp_path)
    pdf = pdfium.PdfDocument(str(pdf_path))
    page = pdf[0]
    paths = page_paths(page)
    assert paths  # the rule under the signer's name is drawn (twice over by LibreOffice)
    assert not has_rules(paths)
    assert page_tables(page, page.get_textpage(), paths) == []  # asked all the same, one rule makes no cell
    pdf.close()
    text = read(pdf_path).text
    assert "Nguyễn Văn Thành" in text.splitlines()
    assert not any(line.startswith("|") for line in text.splitlines())
