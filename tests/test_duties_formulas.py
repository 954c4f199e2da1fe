"""Duty or not (second pass): closing formulas, examples, news headings, permissions without a comma,
mandate statements, and a dispatch's duties repeated by the news summary above it."""
from pipeline.process import process
from pipeline.readers import SourceText
from tests.test_duties import tasks_of


def test_closing_formula_restating_the_contents_above_is_not_a_duty():
    found = tasks_of("II. NHIỆM VỤ\n\n1. Sở Y tế chủ trì tổ chức tiêm chủng mở rộng, hoàn thành trong quý II/2026.\n\n"
                     "UBND tỉnh yêu cầu Thủ trưởng các sở, ngành, Chủ tịch UBND các huyện nghiêm túc triển khai "
                     "thực hiện các nội dung trên./.\n")
    assert [t.lead_agencies for t in found] == [["Sở Y tế"]]


def test_closing_request_with_its_own_duty_stays_a_task():
    found = tasks_of("II. NHIỆM VỤ\n\nUBND tỉnh yêu cầu Thủ trưởng các sở, ngành nghiêm túc thực hiện các nội dung "
                     "trên; định kỳ báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2026.\n")
    assert len(found) == 1


def test_an_example_in_guidance_is_not_a_duty():
    found = tasks_of("II. HƯỚNG DẪN\n\n1. Các sở, ngành xác định mã định danh cho từng hồ sơ điện tử.\n\n"
                     "Ví dụ: Sở Tư pháp ghi mã hồ sơ theo năm và số thứ tự tiếp nhận.\n")
    assert [t.text[:8] for t in found] == ["Các sở, "]


NEWS = """# Phòng chống dịch sốt xuất huyết mùa mưa năm 2026

Bộ Y tế vừa ban hành Công văn số 812/BYT-DP về phòng chống dịch sốt xuất huyết.

### Bộ Y tế chỉ đạo tăng cường giám sát ca bệnh tại cộng đồng

Bộ Y tế đề nghị Sở Y tế các tỉnh tăng cường giám sát ca bệnh tại cộng đồng, xử lý triệt để ổ dịch.
"""


def test_a_news_heading_naming_an_agency_and_its_role_is_not_a_duty():
    doc = process(SourceText("news.md", "txt", NEWS), "0" * 64)
    assert doc.document.kind == "news"
    assert [t.text[:14] for t in doc.tasks] == ["Bộ Y tế đề ngh"]


def test_a_permission_after_an_aside_without_a_comma_is_not_a_duty():
    assert tasks_of("Các đơn vị sự nghiệp công lập, căn cứ nhu cầu thực tế và nguồn kinh phí được giao có thể tự "
                    "tổ chức lớp bồi dưỡng cho viên chức.\n") == []


def test_a_mandate_to_take_part_in_state_management_is_not_a_duty():
    found = tasks_of("Kho bạc Nhà nước tỉnh tham gia, phối hợp với Sở Tài chính, Sở Nội vụ trong thực hiện quản lý "
                     "nhà nước về ngân sách.\n\nKho bạc Nhà nước tỉnh phối hợp với Sở Tài chính rà soát các khoản "
                     "tạm ứng quá hạn trước ngày 30/6/2026.\n")
    assert [t.text[-15:] for t in found] == ["ước ngày 30/6/2026."[-15:]]


def test_a_dispatch_repeated_by_its_news_summary_is_kept_once():
    duty = ("Bộ Y tế chủ trì, phối hợp với các địa phương tổ chức giám sát chặt chẽ các ổ dịch sốt xuất huyết, "
            "báo cáo Thủ tướng Chính phủ trước ngày 20/4/2026.")
    found = tasks_of("Thủ tướng Chính phủ ký Công điện về phòng chống dịch. " + duty + "\n\n"
                     "CÔNG ĐIỆN\n\n1. " + duty + "\n\n2. Bộ Tài chính bố trí kinh phí phòng chống dịch.\n")
    assert [t.text[:12] for t in found] == ["Bộ Y tế chủ ", "Bộ Tài chính"]
    assert found[0].span.start > 100


def test_two_agencies_given_the_same_words_both_stay():
    found = tasks_of("II. NHIỆM VỤ\n\n1. Sở Y tế tổ chức kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.\n\n"
                     "2. Sở Công Thương tổ chức kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.\n")
    assert len(found) == 2


def test_answering_before_the_law_for_the_whole_dossier_is_liability():
    assert tasks_of("Điều 3. Ủy ban nhân dân huyện Cam Lộ\n\n- Chịu trách nhiệm toàn diện trước pháp luật về tính "
                    "chính xác của số liệu, tài liệu trong hồ sơ quy hoạch.\n") == []
    assert tasks_of("Giám đốc Kho bạc Nhà nước tỉnh chịu trách nhiệm trước Chủ tịch UBND tỉnh và trước pháp luật về tổ "
                    "chức thực hiện các chế độ thu, chi ngân sách.\n") == []


def test_a_permission_after_a_given_mandate_is_not_a_duty():
    assert tasks_of("Các cơ quan, đơn vị không thuộc danh sách nêu trên, căn cứ nhiệm vụ được giao và tính chất của "
                    "từng văn bản có thể tự mình biên soạn tài liệu tuyên truyền pháp luật.\n") == []


def test_appointing_members_of_a_steering_committee_is_not_a_duty():
    found = tasks_of("Điều 1. Kiện toàn Ban Chỉ đạo\n\n1. Đồng chí Trần Văn Nam, Phó Giám đốc Sở Nội vụ làm Phó Trưởng "
                     "Ban thường trực Ban Chỉ đạo thay đồng chí Lê Văn Hùng đã nghỉ hưu.\n\n"
                     "2. Sở Nội vụ làm đầu mối tổng hợp báo cáo của các thành viên trước ngày 15/12/2026.\n")
    assert [t.text[:9] for t in found] == ["Sở Nội vụ"]


def test_the_preamble_of_a_conclusion_notice_is_not_a_duty():
    found = tasks_of("Sau khi nghe báo cáo của tỉnh Quảng Trị, ý kiến của các Bộ, cơ quan và ý kiến của lãnh đạo Tỉnh ủy, "
                     "Ủy ban nhân dân tỉnh Quảng Trị tại buổi làm việc, Phó Thủ tướng Chính phủ Trần Văn Nam đã kết "
                     "luận như sau:\n\n1. Giao Sở Y tế chủ trì rà soát nhu cầu vắc xin, báo cáo trước ngày 30/5/2026.\n")
    assert [t.lead_agencies for t in found] == [["Sở Y tế"]]


def test_a_definition_of_a_body_named_with_a_role_word_is_not_a_duty():
    assert tasks_of("Theo Quyết định, Cổng Thông tin điện tử Ban Chỉ đạo Chuyển đổi số tỉnh (Cổng Thông tin điện tử) là "
                    "kênh thông tin chính thức trên môi trường mạng; trực thuộc Văn phòng Ban Chỉ đạo.\n") == []
    found = tasks_of("Văn phòng Ban Chỉ đạo tỉnh là đơn vị đầu mối, có trách nhiệm tổng hợp kết quả chuyển đổi số, "
                     "báo cáo trước ngày 15/12/2026.\n")
    assert len(found) == 1


def test_what_a_cited_report_says_an_agency_did_is_not_a_duty():
    found = tasks_of("Ngoài ra, tại Báo cáo số 118/BC-STC ngày 10/3/2026 của Sở Tài chính, UBND huyện Cam Lộ rà soát, báo "
                     "cáo có 12 dự án chậm giải ngân.\n\nUBND huyện Cam Lộ rà soát các dự án chậm giải ngân, báo cáo "
                     "trước ngày 30/4/2026.\n")
    assert [t.text[:9] for t in found] == ["UBND huyệ"]


def test_a_transitional_provision_is_not_a_duty():
    found = tasks_of("Ủy ban nhân dân các xã trước sắp xếp tiếp tục hoạt động cho đến khi Ủy ban nhân dân xã mới chính "
                     "thức hoạt động.\n\nCác tổ công tác hoạt động từ nay đến hết tháng 10/2026, theo dõi sát tình hình.\n")
    assert [t.text[:9] for t in found] == ["Các tổ cô"]


def test_filing_step_with_a_capitalised_dossier_is_a_procedure_step():
    assert tasks_of("Doanh nghiệp nộp Hồ sơ thực hiện thủ tục hỗ trợ chi phí sau khi kết thúc năm tài chính.\n") == []


def test_how_to_fill_a_column_of_a_report_form_is_not_a_duty():
    found = tasks_of("II. NHIỆM VỤ\n\n1. Các đơn vị thuộc Sở Y tế\n\n- Cột 4 - Dòng 2: Ghi số hồ sơ đã tiếp nhận trong "
                     "tháng;\n\n- Gửi báo cáo về Sở Y tế trước ngày 05 hằng tháng.\n")
    assert [t.text[:8] for t in found] == ["Gửi báo "]


def test_keeping_members_of_a_steering_committee_is_not_a_duty():
    assert tasks_of("Theo đó, Ban Chỉ đạo tiếp tục lưu nhiệm các thành viên có tên tại Quyết định số 12/QĐ-BCĐ.\n") == []


def test_a_topic_label_under_an_agency_heading_is_not_a_duty():
    found = tasks_of("II. NHIỆM VỤ\n\n1. Sở Nội vụ\n\n- Với cấp xã:\n\n- Hướng dẫn sắp xếp công chức cấp xã theo vị trí "
                     "việc làm.\n")
    assert [t.text[:9] for t in found] == ["Hướng dẫn"]
