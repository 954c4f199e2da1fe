"""Duty or not (extractors/duties.py): statements inside a plan that are not duties give no task."""
from pipeline.process import process
from pipeline.readers import SourceText

PLAN_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
             "Số: 77/KH-UBND\n\nBình Định, ngày 10 tháng 3 năm 2026\n\nKẾ HOẠCH\n"
             "Triển khai công tác chuyển đổi số năm 2026\n\n")


def run(body: str):
    return process(SourceText("test.txt", "txt", PLAN_HEAD + body), "0" * 64)


def tasks_of(body: str) -> list:
    return run(body).tasks


def test_plan_fragment_keeps_its_tasks():
    found = tasks_of("II. NHIỆM VỤ\n\n1. Sở Tài chính chủ trì, phối hợp với các sở, ngành tham mưu bố trí kinh phí "
                     "thực hiện Kế hoạch, hoàn thành trước ngày 30/6/2026.\n\n2. Sở Nội vụ\n\n"
                     "- Hướng dẫn các cơ quan rà soát vị trí việc làm.\n")
    assert [t.lead_agencies for t in found] == [["Sở Tài chính"], ["Sở Nội vụ"]]
    assert run("").document.kind == "plan"


def test_past_narrative_with_a_year_is_not_a_duty():
    assert tasks_of("Năm 2019, Sở Nông nghiệp và Phát triển nông thôn chủ trì xây dựng hệ thống kênh mương "
                    "nội đồng tại ba huyện.\n") == []


def test_mandate_lead_in_and_its_items_are_not_duties():
    assert tasks_of("Trung tâm Phục vụ hành chính công tỉnh có các nhiệm vụ, quyền hạn sau đây:\n\n"
                    "a) Tiếp nhận hồ sơ của tổ chức, cá nhân theo quy định.\n\n"
                    "b) Theo dõi, giám sát việc giải quyết thủ tục hành chính.\n") == []


def test_competence_clause_is_not_a_duty():
    assert tasks_of("Chủ tịch Ủy ban nhân dân cấp tỉnh quyết định việc điều chuyển tài sản công giữa các cơ quan "
                    "thuộc phạm vi quản lý.\n") == []


def test_definition_is_not_a_duty():
    assert tasks_of("Sở Khoa học và Công nghệ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thực hiện chức năng "
                    "quản lý nhà nước về khoa học.\n") == []


def test_council_composition_and_operating_rules_are_not_duties():
    assert tasks_of("Hội đồng thẩm định làm việc theo chế độ tập thể, quyết định theo đa số thành viên có mặt.\n\n"
                    "Ban Chỉ đạo gồm Trưởng ban là Chủ tịch UBND tỉnh, các Phó Trưởng ban và các Ủy viên.\n") == []


def test_objects_listed_under_a_lead_in_are_not_duties():
    assert tasks_of("Hồ sơ đề nghị của Sở Xây dựng gồm:\n\n- Giấy đề nghị cấp phép theo Mẫu số 03;\n\n"
                    "- Bản sao quyết định phê duyệt dự án.\n") == []


def test_procedure_step_row_is_not_a_duty():
    assert tasks_of("| Bước | Đơn vị thực hiện | Nội dung | Thời gian |\n|---|---|---|---|\n"
                    "| Bước 2 | Chuyên viên Phòng Kinh tế | Thẩm tra hồ sơ, đề xuất phương án | 03 ngày |\n") == []


def test_procedure_field_labels_are_not_duties():
    assert tasks_of("Cơ quan giải quyết TTHC: Sở Tư pháp tỉnh Bình Định.\n\n"
                    "Căn cứ pháp lý: Luật Hộ tịch năm 2014; Sở Tư pháp hướng dẫn thi hành.\n") == []


def test_image_caption_is_not_a_duty():
    assert tasks_of("Sở Văn hóa và Thể thao tổ chức lễ hội đường phố (Ảnh: Cổng thông tin tỉnh)\n") == []


def test_question_heading_is_not_a_duty():
    assert tasks_of("Sở Nội vụ có phải chủ trì thẩm định đề án vị trí việc làm không?\n") == []


def test_form_template_is_not_a_duty():
    assert tasks_of("Kính gửi: Sở Kế hoạch và Đầu tư tỉnh ....................\n\n"
                    "Công ty chúng tôi đề nghị Sở Kế hoạch và Đầu tư cấp Giấy chứng nhận đăng ký đầu tư.\n") == []


def test_eligibility_condition_is_not_a_duty():
    assert tasks_of("Sở Lao động - Thương binh và Xã hội xét hỗ trợ cho hộ gia đình khi có đủ các điều kiện sau:\n\n"
                    "- Có hộ khẩu thường trú tại địa phương.\n") == []


def test_lead_in_naming_no_addressee_is_dropped_its_duty_kept():
    found = tasks_of("II. NHIỆM VỤ\n\n1. Sở Thông tin và Truyền thông\n\nCác nội dung cụ thể như sau:\n\n"
                     "- Xây dựng nền tảng số dùng chung của tỉnh.\n")
    assert [t.text for t in found] == ["Xây dựng nền tảng số dùng chung của tỉnh."]
    assert found[0].lead_agencies == ["Sở Thông tin và Truyền thông"]


def test_a_statistic_outside_the_goals_is_not_a_target():
    found = run("I. SỰ CẦN THIẾT\n\nNhững năm gần đây, dân số đô thị của tỉnh tăng 4,5% mỗi năm, gây áp lực lớn lên "
                "hạ tầng giao thông.\n\nII. MỤC TIÊU\n\nPhấn đấu đến năm 2027, 100% tuyến phố chính có hệ thống "
                "chiếu sáng thông minh.\n").targets
    assert [t.value for t in found] == [100]


def test_growth_goals_in_the_goals_section_stay_targets():
    found = run("II. MỤC TIÊU\n\nTốc độ tăng trưởng tổng sản phẩm trên địa bàn tăng 8% mỗi năm; "
                "dân số đô thị đạt 45%.\n").targets
    assert [t.value for t in found] == [8, 45]


def test_progress_report_is_not_a_duty():
    assert tasks_of("Sở Công Thương đang phối hợp với Công an tỉnh kiểm tra 40 cửa hàng kinh doanh xăng dầu.\n") == []


def test_units_of_an_office_are_not_duties():
    assert tasks_of("Văn phòng Sở Nội vụ có 03 phòng chuyên môn và 01 bộ phận một cửa.\n") == []


def test_delegation_rule_is_not_a_duty():
    assert tasks_of("Chủ tịch Ủy ban nhân dân tỉnh ủy quyền cho Giám đốc Sở Xây dựng phê duyệt thiết kế cơ sở các "
                    "công trình cấp III.\n") == []


def test_reported_speech_is_not_a_duty():
    assert tasks_of("Sở Kế hoạch và Đầu tư cho biết tổng vốn đầu tư công năm nay tập trung cho 12 dự án trọng điểm.\n"
                    ) == []


def test_approval_by_a_standing_committee_is_not_a_duty():
    assert tasks_of("Ủy ban Thường vụ Quốc hội phê chuẩn việc bổ nhiệm Phó Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng "
                    "theo đề nghị của Thủ tướng Chính phủ.\n") == []
    assert tasks_of("Hội đồng nhân dân tỉnh quyết nghị thông qua danh mục 35 dự án thu hồi đất năm 2026.\n") == []


def test_a_deadline_field_alone_is_not_a_duty():
    assert tasks_of("II. NHIỆM VỤ\n\n1. Sở Xây dựng\n\n- Thời hạn chậm nhất 10 ngày làm việc kể từ ngày nhận "
                    "được văn bản.\n") == []


def test_recipient_list_is_not_a_duty():
    assert tasks_of("Sở Tài chính phối hợp theo dõi; - Sở Nội vụ; - UBND các xã, phường; - Lưu: VT, KT. | (đã ký)\n"
                    ) == []


def test_a_lead_in_that_opens_with_its_verb_is_the_heading_agency_s_duty():
    found = tasks_of("II. NHIỆM VỤ\n\n1. Sở Nội vụ\n\n"
                     "- Triển khai sắp xếp các phòng chuyên môn theo một số nguyên tắc chính sau:\n\n"
                     "+ Mỗi phòng phụ trách một nhóm lĩnh vực.\n\n"
                     "- Nội dung cụ thể như sau:\n")
    assert [(t.text, t.lead_agencies) for t in found][:1] == [
        ("Triển khai sắp xếp các phòng chuyên môn theo một số nguyên tắc chính sau:", ["Sở Nội vụ"])]
    assert all(not t.text.startswith("Nội dung cụ thể") for t in found)


def test_a_reply_letter_s_closing_and_a_preamble_are_not_duties():
    found = tasks_of("Kính gửi: Bộ trưởng Bộ Tư pháp\nXét đề nghị của Bộ Tư pháp tại Tờ trình số 112/TTr-BTP, "
                     "Phó Thủ tướng có ý kiến như sau:\n\n"
                     "1. Bộ Tư pháp chủ trì hoàn thiện dự thảo Nghị định, trình Chính phủ trong tháng 5/2026.\n\n"
                     "Sở Tài chính có ý kiến để Ủy ban nhân dân xã Phú Lâm và Công ty cổ phần Minh Long được biết./.\n")
    assert [t.lead_agencies for t in found] == [["Bộ Tư pháp"]]


def test_a_permission_is_not_a_duty():
    assert tasks_of("Ngoài ra, Sở Tài chính có thể tham khảo bảng giá đất của các tỉnh lân cận để tham mưu Ủy ban "
                    "nhân dân tỉnh điều chỉnh hệ số.\n") == []
    found = tasks_of("II. NHIỆM VỤ\n\n1. Sở Xây dựng chủ trì lập quy hoạch chung.\n\nTrường hợp cần thiết, Sở Xây "
                     "dựng có thể thuê tư vấn độc lập thẩm tra đồ án.\n\n2. Các huyện cần rà soát các thủ tục có thể "
                     "thực hiện trực tuyến toàn trình, hoàn thành trong tháng 6/2026.\n")
    assert [t.text[:14] for t in found] == ["Sở Xây dựng ch", "Các huyện cần "]


def test_liability_before_the_law_is_not_a_duty():
    assert tasks_of("II. NHIỆM VỤ\n\n1. Các cơ sở giáo dục nghề nghiệp\n\n- Chịu trách nhiệm trước pháp luật về "
                    "tính chính xác của hồ sơ đề nghị cấp kinh phí đào tạo.\n") == []
    assert tasks_of("Giám đốc Sở Y tế chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh về thực hiện chức năng, "
                    "nhiệm vụ, quyền hạn được giao.\n") == []
    found = tasks_of("Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh về công tác "
                     "phòng cháy rừng trên địa bàn, chủ động huy động lực lượng tại chỗ.\n")
    assert [t.lead_agencies for t in found] == [["Chủ tịch Ủy ban nhân dân các xã"]]


def test_the_issuer_who_requests_is_not_the_lead():
    assert tasks_of("Để bảo đảm tiến độ giải ngân vốn đầu tư công, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu thực hiện "
                    "nghiêm một số nội dung sau đây.\n") == []
    found = tasks_of("Để bảo đảm tiến độ giải ngân vốn đầu tư công, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Sở Tài chính "
                     "tham mưu điều chuyển vốn, hoàn thành trước ngày 30/9/2026.\n")
    assert [t.lead_agencies for t in found] == [["Sở Tài chính"]]


def test_an_act_of_the_issuing_council_after_an_intro_clause_is_not_a_duty():
    assert tasks_of("Trên cơ sở Đề án số 12/ĐA-CP ngày 05 tháng 3 năm 2026 của Chính phủ, Ủy ban Thường vụ Quốc hội "
                    "quyết định thành lập các phường của thị xã Hoài Nhơn như sau:\n") == []


def test_a_topic_heading_is_not_an_agency():
    found = tasks_of("II. NHIỆM VỤ\n\n1. Phòng chống bệnh sốt xuất huyết\n\n- Phun hóa chất diệt muỗi tại các ổ dịch "
                     "trong 48 giờ.\n\n2. Sở Y tế\n\n- Cấp hóa chất cho các trạm y tế xã.\n")
    assert [t.lead_agencies for t in found] == [["Sở Y tế"]]


def test_a_definition_after_a_parenthesised_short_name_is_not_a_duty():
    assert tasks_of("Theo Quyết định, Trang thông tin điện tử Sở Nội vụ (Trang thông tin) là kênh thông tin chính "
                    "thức của Sở trên môi trường mạng.\n") == []
    assert tasks_of("Giám đốc Sở Ngoại vụ là đại diện của tỉnh tại Hội đồng hợp tác các tỉnh biên giới.\n") == []


def test_filing_the_application_is_a_procedure_step():
    assert tasks_of("Doanh nghiệp nộp hồ sơ đề nghị hỗ trợ chi phí sau khi kết thúc năm tài chính.\n") == []


NEWS_OF_A_DISPATCH = """# Thủ tướng yêu cầu bảo đảm nguồn điện mùa khô năm 2026

Thủ tướng Chính phủ vừa ký Công điện số 45/CĐ-TTg về bảo đảm cung ứng điện mùa khô năm 2026.

Thủ tướng giao Bộ Công Thương chủ trì, phối hợp với Tập đoàn Điện lực Việt Nam rà soát tiến độ các nguồn điện.

Tăng cường tiết kiệm điện trong các cơ quan nhà nước

Quy hoạch phát triển điện lực quốc gia vừa được Phó Thủ tướng Trần Văn Minh ký ban hành, nêu rõ 12 dự án ưu tiên.

Theo TTXVN
"""


def test_a_news_subheading_byline_and_past_act_inherit_no_agency():
    doc = process(SourceText("news.md", "txt", NEWS_OF_A_DISPATCH), "0" * 64)
    assert doc.document.kind == "news"
    assert [t.lead_agencies for t in doc.tasks] == [["Bộ Công Thương"]]


def test_a_permission_after_a_condition_is_not_a_duty():
    assert tasks_of("Sở Tài chính, căn cứ khả năng cân đối ngân sách, có thể đề xuất Ủy ban nhân dân tỉnh bổ sung vốn "
                    "cho các dự án.\n") == []
    assert tasks_of("Các trường học, nếu đủ điều kiện về cơ sở vật chất, có thể đề nghị Sở Giáo dục và Đào tạo cho "
                    "phép tổ chức lớp học hai buổi.\n") == []


def test_items_under_a_principles_heading_are_rules_not_duties():
    found = tasks_of("II. TỔ CHỨC THỰC HIỆN\n\n1. Nguyên tắc thanh toán vốn:\n\n- Chủ đầu tư chịu trách nhiệm về "
                     "tính chính xác của khối lượng đề nghị thanh toán.\n\n2. Sở Tài chính\n\n- Chủ đầu tư có trách "
                     "nhiệm báo cáo tiến độ giải ngân về Sở Tài chính trước ngày 25 hằng tháng.\n")
    assert [t.text[:30] for t in found] == ["Chủ đầu tư có trách nhiệm báo "]


def test_figures_of_a_reporting_period_are_not_targets():
    found = run("Trong 9 tháng đầu năm, tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%.\n\n"
                "So với năm 2025, số doanh nghiệp thành lập mới tăng 15%.\n\n"
                "Qua 6 tháng triển khai, 100% cơ quan nhà nước đã kết nối trục liên thông văn bản.\n\n"
                "Để hoàn thành mục tiêu, các sở, ngành phấn đấu giải ngân 100% kế hoạch vốn trước ngày 31/12/2026.\n"
                ).targets
    assert [t.value for t in found] == [100]


def test_a_comparison_with_a_past_year_under_the_goals_heading_stays_a_target():
    found = run("II. MỤC TIÊU\n\nTổng thu ngân sách trên địa bàn năm 2027 tăng 10% so với năm 2025.\n").targets
    assert [t.value for t in found] == [10]
