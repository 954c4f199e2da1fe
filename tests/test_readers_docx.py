"""DOCX layout tables: the header block and the signature set in borderless
tables keep their cells' paragraphs apart; ruled and wide tables stay rows."""
from pipeline.process import process
from pipeline.readers import read

BODY = ["KẾ HOẠCH", "Phòng, chống dịch bệnh trên đàn gia súc năm 2026",
        "Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các xã tiêm phòng "
        "vắc xin lở mồm long móng cho đàn trâu, bò trước ngày 31/3/2026."]
HEADER = (["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", "Số: 38/KH-UBND"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lạng Sơn, ngày 09 tháng 01 năm 2026"])
SIGNATURE = (["Nơi nhận:", "- Như trên;", "- Lưu: VT, KT."], ["CHỦ TỊCH", "Đinh Quang Huy"])


def _table(document, columns, style=None):
    """One row; each cell's lines as paragraphs of their own."""
    grid = document.add_table(rows=1, cols=len(columns))
    if style:
        grid.style = style
    for cell, lines in zip(grid.rows[0].cells, columns):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def _plan(path, style=None, signature=SIGNATURE):
    import docx
    document = docx.Document()
    _table(document, HEADER, style)
    for text in BODY:
        document.add_paragraph(text)
    _table(document, signature, style)
    document.save(str(path))
    return path


def test_signature_title_and_name_in_separate_paragraphs_of_a_borderless_cell(tmp_path):
    source = read(_plan(tmp_path / "ke-hoach.docx"))
    assert "\n\nCHỦ TỊCH\n\nĐinh Quang Huy\n" in source.text
    document = process(source, "0" * 64).document
    assert (document.signer.title, document.signer.name) == ("CHỦ TỊCH", "Đinh Quang Huy")
    assert document.number == "38/KH-UBND" and document.issue_date == "2026-01-09"


def test_signature_cell_of_a_ruled_one_row_table_keeps_title_and_name_apart(tmp_path):
    signature = (["Nơi nhận:", "- Như trên;", "- Lưu: VT, KT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Đinh Quang Huy"])
    source = read(_plan(tmp_path / "ke-hoach.docx", style="Table Grid", signature=signature))
    assert "\n\nCHỦ TỊCH\n\nĐinh Quang Huy\n" in source.text
    document = process(source, "0" * 64).document
    assert (document.signer.title, document.signer.name) == ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "Đinh Quang Huy")
    assert document.issuer.endswith("tỉnh Lạng Sơn")


def _appendix(path, rows, style=None):
    import docx
    document = docx.Document()
    for text in BODY:
        document.add_paragraph(text)
    grid = document.add_table(rows=len(rows), cols=len(rows[0]))
    if style:
        grid.style = style
    for row, values in zip(grid.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.save(str(path))
    return read(path).text.splitlines()


ROWS = [("Nhiệm vụ", "Cơ quan chủ trì"), ("Tiêm phòng vắc xin cho đàn bò", "Sở Nông nghiệp và Môi trường")]


def test_a_ruled_table_of_rows_stays_rows_of_cells(tmp_path):
    lines = _appendix(tmp_path / "phu-luc.docx", ROWS, style="Table Grid")
    assert "| Tiêm phòng vắc xin cho đàn bò | Sở Nông nghiệp và Môi trường |" in lines


def test_a_borderless_table_of_more_than_two_columns_stays_rows(tmp_path):
    rows = [("STT",) + ROWS[0], ("1",) + ROWS[1]]
    lines = _appendix(tmp_path / "phu-luc.docx", rows)
    assert "| 1 | Tiêm phòng vắc xin cho đàn bò | Sở Nông nghiệp và Môi trường |" in lines
