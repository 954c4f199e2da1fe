"""The header of a scanned first page: the received stamp kept apart, unreadable blanks left null."""
from pipeline.process import process
from pipeline.readers import SourceText

HEADER = """ỦY BAN NHÂN DÂN
TỈNH ĐIỆN BIÊN
{stamp}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{number}
{date}

KẾ HOẠCH
Phát triển du lịch cộng đồng năm 2026

Thực hiện Kế hoạch số 45/KH-UBND ngày 02/01/2026 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch:
1. Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng sản phẩm du lịch, hoàn thành trong Quý III/2026.
"""
STAMP = "CÔNG VĂN ĐẾN\nSố: 1520/VP\nNgày: 24/02/2026\nChuyển: ..........\n"
NUMBER, DATE = "Số: 318/KH-UBND", "Điện Biên, ngày 20 tháng 02 năm 2026"


def document(stamp="", number=NUMBER, date=DATE, ocr_pages=(1,)):
    text = HEADER.format(stamp=stamp, number=number, date=date)
    return process(SourceText("ke-hoach.png", "image", text, [0], ocr_pages=list(ocr_pages)), "0" * 64).document


def test_the_received_stamp_is_not_the_documents_number_or_date():
    found = document(stamp=STAMP, number="Số: ......./KH-UBND", date="Điện Biên, ngày ...... tháng 02 năm 2026")
    assert (found.number, found.issue_date) == (None, None)
    assert found.issuer == "UBND tỉnh Điện Biên"
    assert any("received stamp" in w and "1520/VP" in w for w in found.warnings)


def test_the_stamp_does_not_hide_a_printed_header():
    found = document(stamp=STAMP)
    assert (found.number, found.issue_date, found.issuer) == ("318/KH-UBND", "2026-02-20", "UBND tỉnh Điện Biên")


def test_an_unreadable_handwritten_number_is_null_with_a_warning():
    found = document(number="Số: 3ổ¿/KH-UBND")
    assert found.number is None
    assert any("number unreadable" in w for w in found.warnings)


def test_a_blank_number_is_not_guessed_from_the_body_of_a_scan():
    blank = "Số:        /KH-UBND\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 02/01/2026)"
    found = document(number=blank)
    assert found.number is None and found.issue_date == "2026-02-20"
    assert document(number=blank, ocr_pages=()).number == "45/KH-UBND"  # a text layer keeps its fallbacks


def test_the_year_read_on_its_own_line_still_dates_the_document():
    found = document(date="Điện Biên, ngày 20 tháng 02 năm\n\n2026")
    assert found.issue_date == "2026-02-20"



SIGNATURES = [  # (what OCR reads of a signature block a seal and a pen crossed, a paragraph a line; title, name)
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH PHÓ CHỦ TỊCH Lò Văn Tiến fe r ⁄ Ẫ. /À\n",
     "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Lò Văn Tiến"),
    ("KT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH.\n\n\\ `\n\nVừ A Bằng ằ\n", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Vừ A Bằng"),
    ("TM. ỦY BAN NHÂN DÂN\n\nCHỦ TỊCH\n\n(Đã ký)\n\nMùa A Sơn. \"`.\n", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "Mùa A Sơn"),
]


def test_the_signer_is_read_through_the_marks_a_seal_and_a_pen_leave():
    for block, title, name in SIGNATURES:
        text = HEADER.format(stamp="", number=NUMBER, date=DATE) + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n" + block
        found = process(SourceText("ke-hoach.png", "image", text, [0], ocr_pages=[1]), "0" * 64).document
        assert (found.signer.name, found.signer.title) == (name, title), block
