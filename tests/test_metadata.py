"""Document header extraction on real-style Vietnamese headers (most not from the corpus)."""
from extractors import metadata
from pipeline import normalize as normalizing
from pipeline import segment as segmenting
from pipeline.document import ParsedDocument
from pipeline.readers import SourceText


def extract(text: str, fields=None):
    source = SourceText("x.txt", "txt", text, fields=fields or {})
    doc = ParsedDocument(source=source, doc_id="d1", sha256="0" * 64)
    doc.normalized = normalizing.normalize(text)
    doc.blocks = segmenting.segment(doc.text)
    return metadata.extract(doc)


SO_CONG_VAN = """UBND TỈNH QUẢNG NGÃI
SỞ TÀI CHÍNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 1275/STC-QLNS
V/v hướng dẫn lập dự toán ngân sách
nhà nước năm 2026
Quảng Ngãi, ngày 05 tháng 8 năm 2025

Kính gửi: Các sở, ban, ngành cấp tỉnh.

Thực hiện Thông tư số 56/2025/TT-BTC ngày 25/6/2025 của Bộ Tài chính, Sở Tài chính hướng dẫn như sau:
...
Nơi nhận:
- Như trên;
- Lưu: VT, QLNS.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC



Trần Văn Bình
"""

BO_QUYET_DINH = """BỘ NÔNG NGHIỆP VÀ
MÔI TRƯỜNG
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 512/QĐ-BNNMT
Hà Nội, ngày 14 tháng 3 năm 2025

QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025
CỦA BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG

BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG

Căn cứ Nghị định số 35/2025/NĐ-CP ngày 25 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ của Bộ;
Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;
Theo đề nghị của Chánh Văn phòng Bộ.

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Lê Minh Ngân
"""

CHI_THI_TINH = """| ỦY BAN NHÂN DÂN TỈNH NGHỆ AN ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
|---|---|
| Số: 15/CT-UBND | Nghệ An, ngày 02 tháng 10 năm 2024 |

CHỈ THỊ

VỀ VIỆC TĂNG CƯỜNG CÔNG TÁC PHÒNG, CHỐNG THIÊN TAI NĂM 2024

Trong những năm gần đây, thiên tai diễn biến phức tạp trên địa bàn tỉnh.

| Nơi nhận: - Như trên; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn Đệ |
|---|---|
"""

NEWS = """Cập nhật 18/3/2025 08:15
Ngày 12/3/2025, UBND tỉnh Bình Định ban hành Kế hoạch số 58/KH-UBND về triển khai Đề án 06 năm 2025 trên địa bàn tỉnh. Theo đó, các sở, ngành tập trung thực hiện.
"""


def test_so_level_cong_van_takes_the_lower_issuer_line_and_the_vv_subject():
    doc = extract(SO_CONG_VAN)
    assert doc.number == "1275/STC-QLNS"
    assert doc.doc_type == "Công văn"  # no type code in the number
    assert doc.issuer == "Sở Tài chính"
    assert doc.issue_date == "2025-08-05"
    assert doc.place == "Quảng Ngãi"
    assert doc.title == "Hướng dẫn lập dự toán ngân sách nhà nước năm 2026"
    assert doc.signer.name == "Trần Văn Bình"
    assert doc.signer.title == "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"
    assert doc.warnings == []


def test_ministry_decision_header_title_signer_and_legal_bases():
    doc = extract(BO_QUYET_DINH)
    assert (doc.number, doc.doc_type, doc.issue_date) == ("512/QĐ-BNNMT", "Quyết định", "2025-03-14")
    assert doc.issuer == "Bộ Nông nghiệp và Môi trường"
    assert doc.title == "Ban hành kế hoạch chuyển đổi số năm 2025 của bộ nông nghiệp và môi trường"
    assert doc.signer.name == "Lê Minh Ngân"
    assert [b.number for b in doc.legal_bases] == ["35/2025/NĐ-CP", "749/QĐ-TTg"]
    assert [b.date for b in doc.legal_bases] == ["2025-02-25", "2020-06-03"]


def test_provincial_directive_in_one_line_table_cells():
    doc = extract(CHI_THI_TINH)
    assert (doc.number, doc.doc_type) == ("15/CT-UBND", "Chỉ thị")
    assert doc.issuer == "UBND tỉnh Nghệ An"
    assert doc.issue_date == "2024-10-02"
    assert doc.title == "Về việc tăng cường công tác phòng, chống thiên tai năm 2024"
    assert doc.signer.name == "Nguyễn Văn Đệ"
    assert doc.signer.title == "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"


def test_news_paragraph_gives_number_issuer_title_and_the_documents_date():
    doc = extract(NEWS)
    assert (doc.number, doc.doc_type) == ("58/KH-UBND", "Kế hoạch")
    assert doc.issuer == "UBND tỉnh Bình Định"
    assert doc.issue_date == "2025-03-12"  # not the publication date 18/3/2025
    assert doc.title == "Triển khai Đề án 06 năm 2025 trên địa bàn tỉnh"
    assert doc.signer.name is None
    assert "signer not found" in doc.warnings


def test_news_without_document_date_leaves_the_date_empty():
    doc = extract("Đăng ngày 30-06-2022\nUBND huyện Hòa Vang vừa ban hành kế hoạch phát triển du lịch "
                  "nông thôn năm 2022, nhằm thu hút du khách.\n")
    assert doc.issue_date is None
    assert doc.doc_type == "Kế hoạch"
    assert doc.issuer == "UBND huyện Hòa Vang"
    assert doc.title == "Phát triển du lịch nông thôn năm 2022"
    assert "issue_date not found" in doc.warnings and "number not found" in doc.warnings


def test_blank_e_signature_number_falls_back_on_the_attachment_line():
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nSố: /QĐ-UBND Hải Phòng, ngày tháng năm 2025\nQUYẾT ĐỊNH\n"
            "Phê duyệt Kế hoạch phòng chống dịch bệnh năm 2025\nỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Kế hoạch.\n\nKẾ HOẠCH\nPhòng chống dịch bệnh năm 2025\n"
            "(Kèm theo Quyết định số 1432/QĐ-UBND ngày 20/5/2025 của UBND thành phố)\n")
    doc = extract(text)
    assert doc.number == "1432/QĐ-UBND"
    assert doc.issue_date == "2025-05-20"
    assert doc.place == "Hải Phòng"
    assert doc.issuer == "UBND thành phố Hải Phòng"
    assert doc.doc_type == "Quyết định"
    assert doc.title == "Phê duyệt Kế hoạch phòng chống dịch bệnh năm 2025"


def test_web_metadata_table_completes_a_bare_issuer_and_gives_the_signer():
    text = ("| Số hiệu | 88/KH-UBND |\n| Ngày ban hành | 07/04/2025 |\n| Loại văn bản | Kế hoạch |\n"
            "| Cơ quan ban hành | Tỉnh Gia Lai |\n| Người ký | Phạm Thị Lan |\n|\nỦY BAN NHÂN DÂN\n|\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|\nI. MỤC ĐÍCH\n")
    doc = extract(text)
    assert (doc.number, doc.doc_type, doc.issue_date) == ("88/KH-UBND", "Kế hoạch", "2025-04-07")
    assert doc.issuer == "UBND tỉnh Gia Lai"  # "Tỉnh Gia Lai" is a place, the header says who
    assert doc.signer.name == "Phạm Thị Lan"


def test_prime_minister_signs_without_prefix_and_split_letters_are_joined():
    text = ("| B Ộ TÀI CHÍNH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n\nSố: 9/CĐ-TTg\n"
            "Hà Nội, ngày 1 tháng 2 năm 2025\n\nCÔNG ĐIỆN\nVỀ VIỆC ĐẨY MẠNH GIẢI NGÂN VỐN ĐẦU TƯ CÔNG\n"
            "THỦ TƯỚNG CHÍNH PHỦ điện:\n\nNơi nhận:\n- Như trên;\nTHỦ TƯỚNG\n\nPhạm Minh Chính\n")
    doc = extract(text)
    assert doc.issuer == "Bộ Tài chính"
    assert doc.doc_type == "Công điện"
    assert doc.title == "Về việc đẩy mạnh giải ngân vốn đầu tư công"
    assert doc.signer.name == "Phạm Minh Chính"
    assert doc.signer.title == "THỦ TƯỚNG"


def test_number_type_codes():
    assert metadata._number_type("3796/QĐ-UBND") == "Quyết định"
    assert metadata._number_type("12-NQ/TU") == "Nghị quyết"
    assert metadata._number_type("01/2025/TT-BTC") == "Thông tư"
    assert metadata._number_type("11654/VPCP-CN") == "Công văn"
