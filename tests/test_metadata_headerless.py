"""Document fields of web copies that lost the header block (no motto, no "Số:" line): the body
printed under the title, the appendix line, the signature on behalf of a body, news titles naming a
Kết luận, and bold runs glued together. Texts written for these tests in the style of such copies."""
from extractors import agencies
from pipeline import normalize as normalizing
from pipeline.process import process
from pipeline.readers import SourceText


def fields(text: str) -> dict:
    document = process(SourceText("ban-sao.txt", "txt", text), "5" * 64).document
    return {"number": document.number, "doc_type": document.doc_type, "issue_date": document.issue_date,
            "issuer": document.issuer, "title": document.title}


RESOLUTION = (
    "**NGHỊ QUYẾT**\n\nVỀ TĂNG CƯỜNG QUẢN LÝ CHẤT LƯỢNG NƯỚC SẠCH NÔNG THÔN\n\n**CHÍNH PHỦ**\n\n"
    "*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*\n\n**QUYẾT NGHỊ:**\n\n"
    "1. Bộ Nông nghiệp và Môi trường chủ trì hướng dẫn các địa phương kiểm tra chất lượng nước.\n\n"
    "**TM. CHÍNH PHỦ**\nTHỦ TƯỚNG\n\n**Trần Văn Bình**\n\n**PHỤ LỤC**\n\nDANH MỤC CÔNG TRÌNH\n\n"
    "*(Kèm theo\nNghị quyết số 215/NQ-CP ngày 07 tháng 8 năm 2026 của Chính phủ)*\n")


def test_body_printed_under_the_title_is_the_issuer():
    assert fields(RESOLUTION)["issuer"] == "Chính phủ"


def test_appendix_line_gives_the_date_in_words():
    found = fields(RESOLUTION)
    assert (found["number"], found["issue_date"]) == ("215/NQ-CP", "2026-08-07")


def test_signature_on_behalf_of_a_body_names_the_issuer():
    text = ("QUYẾT ĐỊNH\n\nVề việc giao chỉ tiêu tuyển sinh năm học 2026 - 2027\n\n"
            "Điều 1. Giao Sở Giáo dục và Đào tạo tổ chức tuyển sinh theo chỉ tiêu được duyệt.\n\n"
            "TM. ỦY BAN NHÂN DÂN TỈNH\nCHỦ TỊCH\n\nLê Minh Quang\n")
    assert agencies.canonical(fields(text)["issuer"]) == agencies.canonical("UBND tỉnh")


NEWS = (
    "# TOÀN VĂN: KẾT LUẬN 212-KL/TW CỦA BỘ CHÍNH TRỊ VỀ ĐỔI MỚI CÔNG TÁC CÁN BỘ CƠ SỞ\n\n"
    "### Nội dung chính\n\n"
    "**KẾT LUẬN****CỦA BỘ CHÍNH TRỊ****về đổi mới công tác cán bộ ở cơ sở trong tình hình mới**\n\n"
    "Tại phiên họp ngày 12/9/2026, sau khi nghe Báo cáo số 418-BC/BTCTW của Ban Tổ chức Trung ương, "
    "Bộ Chính trị kết luận như sau:**1. Thống nhất với Báo cáo về kết quả rà soát đội ngũ cán bộ cơ sở.**\n")


def test_news_title_names_the_conclusion_not_the_report_it_quotes():
    found = fields(NEWS)
    assert (found["number"], found["doc_type"]) == ("212-KL/TW", "Kết luận")


def test_conclusion_issuer_and_subject_from_its_glued_bold_header():
    found = fields(NEWS)
    assert found["issuer"] == "Bộ Chính trị"
    assert found["title"] == "Về đổi mới công tác cán bộ ở cơ sở trong tình hình mới"


def test_a_news_title_of_the_body_gives_the_issuer_and_a_title_from_ve():
    text = ("# Kết luận 230-KL/TW của Ban Bí thư về phát triển văn hóa đọc trong cộng đồng\n\n"
            "Ban Bí thư vừa ban hành Kết luận về phát triển văn hóa đọc.\n")
    found = fields(text)
    assert (found["issuer"], found["title"]) == ("Ban Bí thư", "Phát triển văn hóa đọc trong cộng đồng")


def test_a_place_is_not_an_issuer_in_a_news_title():
    text = "# Lịch thi tuyển sinh lớp 10 năm 2026 của tỉnh Hòa Bình về thời gian và môn thi\n\nNội dung.\n"
    assert fields(text)["issuer"] is None


def test_glued_bold_runs_keep_their_line_breaks_and_offsets():
    raw = "**KẾT LUẬN****CỦA BAN BÍ THƯ****về công tác dân vận** như sau:**1. Thống nhất.** **không**** ****được**"
    normalized = normalizing.normalize(raw)
    assert normalized.text == "KẾT LUẬN\nCỦA BAN BÍ THƯ\nvề công tác dân vận như sau:\n1. Thống nhất. không được"
    assert len(normalized.raw_offsets) == len(normalized.text)
    assert all(raw[normalized.raw_offsets[i]] == c for i, c in enumerate(normalized.text) if c != "\n")


def test_a_place_word_is_a_whole_word():
    text = ("Kính gửi: Sở Y tế\n\nThời gian qua, Ủy ban nhân dân Thành phố phối hợp với các ngành kiểm soát "
            "chi phí khám chữa bệnh.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nVũ Thị Lan\n")
    assert fields(text)["issuer"] != "UBND thành phố phố"
