"""Each reader on generated Vietnamese documents: DOCX (tables, merged cells,
legacy fonts), HTML, office formats, PDF layout and stamped fields."""
from pathlib import Path

import pytest

from pipeline.readers import read, table_row_line
from pipeline.readers.pdf_fields import classify
from pipeline.readers.pdf_layout import Line, pages_text
from tests.fixtures.documents import PARAGRAPHS, TABLE, convert, soffice, write_docx, write_stamped_pdf

needs_libreoffice = pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed")


def test_docx_paragraphs_are_blocks_and_table_rows_are_pipe_lines(tmp_path):
    source = read(write_docx(tmp_path / "kh.docx"))
    assert source.format == "docx"
    assert f"\n\n{PARAGRAPHS[3]}\n\n" in source.text
    for row in TABLE:
        assert table_row_line(row) in source.text.splitlines()


def test_docx_merged_cells(tmp_path):
    import docx
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text, table.cell(0, 1).text = "Nhiệm vụ", "Cơ quan chủ trì"
    table.cell(0, 1).merge(table.cell(0, 2))  # header across two columns
    table.cell(1, 0).text, table.cell(1, 1).text, table.cell(1, 2).text = "Rà soát văn bản", "Sở Tư pháp", "2026"
    table.cell(2, 0).text, table.cell(2, 2).text = "Tập huấn", "2027"
    table.cell(1, 1).merge(table.cell(2, 1))  # one lead agency for two rows
    document.save(str(tmp_path / "merged.docx"))
    lines = read(tmp_path / "merged.docx").text.splitlines()
    assert "| Nhiệm vụ | Cơ quan chủ trì |" in lines
    assert "| Tập huấn | Sở Tư pháp | 2027 |" in lines


def test_docx_runs_in_legacy_fonts_become_unicode(tmp_path):
    import docx
    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run("Së T\u00ad ph¸p chñ tr× thùc hiÖn")  # TCVN3 bytes as Word keeps them
    run.font.name = ".VnTime"
    paragraph.add_run(" và ")
    vni = paragraph.add_run("Sôû Taøi chính phoái hôïp")
    vni.font.name = "VNI-Times"
    document.save(str(tmp_path / "legacy.docx"))
    source = read(tmp_path / "legacy.docx")
    assert "Sở Tư pháp chủ trì thực hiện và Sở Tài chính phối hợp" in source.text
    assert source.warnings


def test_html_keeps_the_article_and_its_table_without_menus(tmp_path):
    page = """<html><head><meta charset="utf-8"><title>Cổng thông tin</title>
    <script>var x = "Sở Xây dựng";</script><style>p{color:red}</style></head><body>
    <nav><a href="/">Trang chủ</a><a href="/tin">Tin tức</a></nav>
    <div class="main-menu">Giới thiệu | Liên hệ</div>
    <article><h1>Kế hoạch số 12/KH-UBND</h1>
    <p>Sở Giáo dục và Đào tạo chủ trì triển khai <b>chương trình</b> chuyển đổi số.</p>
    <p>Sở Y tế phối hợp thực hiện.</p>
    <table><tr><th>Nhiệm vụ</th><th>Chủ trì</th></tr><tr><td>Tập huấn</td><td>Sở Nội vụ</td></tr></table>
    </article><footer>Bản quyền thuộc Sở Thông tin và Truyền thông</footer></body></html>"""
    (tmp_path / "tin.html").write_text(page, encoding="utf-8")
    text = read(tmp_path / "tin.html").text
    assert "Sở Giáo dục và Đào tạo chủ trì triển khai chương trình chuyển đổi số." in text
    assert "\n\nSở Y tế phối hợp thực hiện.\n\n" in text
    assert "| Tập huấn | Sở Nội vụ |" in text.splitlines()
    for noise in ("Trang chủ", "Liên hệ", "Bản quyền", "var x", "color"):
        assert noise not in text


def test_txt_in_tcvn3_bytes_is_converted(tmp_path):
    (tmp_path / "cv.txt").write_bytes("Së T\u00ad ph¸p chñ tr× phèi hîp víi c¸c c¬ quan, ®¬n vÞ.".encode("latin-1"))
    source = read(tmp_path / "cv.txt")
    assert source.text == "Sở Tư pháp chủ trì phối hợp với các cơ quan, đơn vị."
    assert "TCVN3" in source.warnings[0]


def test_pdf_form_fields_complete_a_blank_number():
    text = "Số:        /KH-UBND        Hà Nội, ngày    tháng    năm 2026"
    fields = classify([("SoVanBan", "145"), ("NgayBanHanh", "29/04/2026")], text)
    assert fields == {"number": "145/KH-UBND", "date": "2026-04-29"}


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("office")
    paragraphs = PARAGRAPHS + [f"{i}. Sở Công Thương chủ trì nhiệm vụ thứ {i} về phát triển thương mại điện tử "
                               "trên địa bàn tỉnh, bảo đảm tiến độ và chất lượng theo yêu cầu." for i in range(1, 4)]
    source = write_docx(folder / "kh.docx", paragraphs)
    files = {kind: convert(source, kind, folder) for kind in ("pdf", "odt")}
    files["doc"] = convert(files["odt"], "doc", folder)  # python-docx tables lose their grid going straight to .doc
    return files, paragraphs


@needs_libreoffice
@pytest.mark.parametrize("kind", ["odt", "doc"])
def test_office_formats_are_read_through_libreoffice(converted, kind):
    files, paragraphs = converted
    source = read(files[kind])
    assert source.format == kind
    assert paragraphs[3] in source.text
    assert table_row_line(TABLE[1]) in source.text.splitlines()


@needs_libreoffice
def test_pdf_paragraphs_and_table_rows(converted):
    files, paragraphs = converted
    source = read(files["pdf"])
    blocks = [b.strip() for b in source.text.split("\n\n")]
    assert paragraphs[3] in blocks  # a wrapped paragraph comes back as one block
    assert paragraphs[-1] in blocks
    assert table_row_line(TABLE[2]) in source.text.splitlines()
    assert source.pages == 1 and not source.ocr_pages


@needs_libreoffice
def test_a_short_last_page_of_a_text_pdf_is_read_without_ocr(tmp_path):
    import docx
    document = docx.Document()
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    document.add_page_break()
    document.add_paragraph("- Lưu: VT, VP.")
    document.save(str(tmp_path / "kh.docx"))
    source = read(convert(tmp_path / "kh.docx", "pdf", tmp_path))
    assert source.pages == 2 and source.ocr_pages == [] and not source.warnings
    assert source.text.rstrip().endswith("- Lưu: VT, VP.")


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
HEADER = [("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", 60, 780), ("Số:", 60, 740), ("/KH-UBND", 130, 740),
          ("Nghệ An, ngày", 300, 740), ("tháng", 420, 740), ("năm 2027", 480, 740), ("KẾ HOẠCH", 250, 700)]


@pytest.mark.skipif(not DEJAVU.exists(), reason="no TTF font with Vietnamese glyphs (fonts-dejavu-core)")
def test_pdf_number_and_date_stamped_over_the_blanks(tmp_path):
    stamps = [("75", 95, 740), ("3", 400, 740), ("11", 455, 740)]
    source = read(write_stamped_pdf(tmp_path / "signed.pdf", DEJAVU, HEADER, stamps))
    assert source.fields == {"number": "75/KH-UBND", "date": "2027-11-03"}
    assert "Số: /KH-UBND" in source.text  # the printed text is left as printed


@pytest.mark.skipif(not DEJAVU.exists(), reason="no TTF font with Vietnamese glyphs (fonts-dejavu-core)")
def test_pdf_stamp_away_from_the_blanks_is_not_a_field(tmp_path):
    stamps = [("75", 300, 600), ("3", 400, 740)]  # a stamp under the title; the month blank left empty
    source = read(write_stamped_pdf(tmp_path / "signed.pdf", DEJAVU, HEADER, stamps))
    assert source.fields == {}


def _table(rows: list, bottom: float, top: float) -> Line:
    return Line("", 85, 517, bottom, top, rows)


def test_pdf_table_rows_cut_by_page_breaks_are_joined_again():
    header = ["STT", "Nhiệm vụ", "Cơ quan chủ trì"]
    pages = [
        [Line("Điều 2. Phân công nhiệm vụ cụ thể như sau:", 85, 400, 700, 712),
         _table([header, ["1", "Rà soát, cắt giảm thủ tục hành chính", "Sở Tư pháp"]], 72, 690)],
        [_table([["", "trong lĩnh vực đất đai, xây dựng", ""]], 72, 720)],  # the cut row fills a whole page
        [_table([["", "trên địa bàn tỉnh", "và Sở Nội vụ"], ["2", "Số hóa hồ sơ lưu trữ", "Sở Khoa học và Công nghệ"]],
                500, 720),
         Line("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", 85, 420, 470, 482)],
    ]
    lines = "\n".join(pages_text(pages)[0]).splitlines()
    assert table_row_line(header) in lines  # tables opening or closing every page are no running header
    assert ("| 1 | Rà soát, cắt giảm thủ tục hành chính trong lĩnh vực đất đai, xây dựng trên địa bàn tỉnh "
            "| Sở Tư pháp và Sở Nội vụ |") in lines
    assert "| 2 | Số hóa hồ sơ lưu trữ | Sở Khoa học và Công nghệ |" in lines
    assert sum(line.startswith("|") for line in lines) == 3


LONG_TASK = ("Chủ trì, phối hợp với các sở, ban, ngành và Ủy ban nhân dân cấp xã rà soát, đánh giá hiện trạng "
             "hạ tầng số, đề xuất giải pháp nâng cấp đường truyền, bảo đảm an toàn thông tin mạng; ") * 14


@needs_libreoffice
def test_pdf_table_running_over_several_pages(tmp_path):
    agencies = ["Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Tài chính", "Công an tỉnh"]
    table = [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"]]
    table += [[str(i), f"Xây dựng cơ sở dữ liệu chuyên ngành số {i}, kết nối với nền tảng dùng chung của tỉnh",
               agencies[i % 4], f"Quý {'I' * (i % 3 + 1)}/2027"] for i in range(1, 25)]
    table.insert(12, ["12a", LONG_TASK.strip(), "Sở Khoa học và Công nghệ", "Năm 2027"])
    pdf = convert(write_docx(tmp_path / "kh.docx", PARAGRAPHS[:3], table), "pdf", tmp_path)
    source = read(pdf)
    rows = [line for line in source.text.splitlines() if line.startswith("|")]
    assert source.pages >= 3
    assert rows == [table_row_line(row) for row in table]
