"""Who leads (issue 10, second pass): agency names end where a duty verb begins, transfer recipients,
a paragraph's own addressee over the carried-over one, group addressees as printed, lead-in lines."""
from pipeline.process import process
from pipeline.readers import SourceText

PLAN_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
             "Số: 41/KH-UBND\n\nQuảng Trị, ngày 12 tháng 4 năm 2026\n\nKẾ HOẠCH\n"
             "Phòng, chống dịch sốt xuất huyết năm 2026\n\n")


def tasks_of(body: str) -> list:
    return process(SourceText("test.txt", "txt", PLAN_HEAD + body), "0" * 64).tasks


def leads(body: str) -> list:
    return [t.lead_agencies for t in tasks_of(body)]


def test_a_name_ends_at_its_place_before_a_duty_verb():
    assert leads("II. NHIỆM VỤ\n\n1. Trung tâm Y tế dự phòng tỉnh hỗ trợ các xã phun hóa chất diệt muỗi "
                 "tại các ổ dịch.\n") == [["Trung tâm Y tế dự phòng tỉnh"]]


def test_a_generic_group_of_centres_ends_before_its_verb():
    assert leads("II. NHIỆM VỤ\n\n1. Các Trung tâm y tế giám sát các ổ dịch và báo cáo hằng tuần.\n") \
        == [["Các Trung tâm y tế"]]


def test_a_capitalised_support_centre_keeps_its_name():
    assert leads("II. NHIỆM VỤ\n\n1. Trung tâm Hỗ trợ doanh nghiệp tỉnh tổ chức tập huấn cho các hộ kinh doanh.\n") \
        == [["Trung tâm Hỗ trợ doanh nghiệp tỉnh"]]


def test_the_recipient_of_a_handover_is_not_the_lead():
    found = tasks_of("II. NHIỆM VỤ\n\n1. Sở Y tế tổng hợp danh sách ca bệnh; bàn giao cho công an tỉnh qua hệ thống "
                     "để xác minh.\n")
    assert [t.lead_agencies for t in found] == [["Sở Y tế"]]


def test_an_assignment_paragraph_does_not_take_the_previous_lead():
    found = tasks_of("II. NHIỆM VỤ\n\nSở Y tế chủ trì triển khai các biện pháp phòng dịch.\n\n"
                     "Giao Quân ủy Trung ương chủ trì chỉ đạo các đơn vị quân đội phối hợp phun hóa chất.\n")
    assert found[0].lead_agencies == ["Sở Y tế"]
    assert all(t.lead_agencies != ["Sở Y tế"] for t in found[1:])


def test_a_standing_committee_and_a_person_with_a_post_are_addressees():
    assert leads("II. NHIỆM VỤ\n\nĐề nghị thường trực các huyện ủy, thị ủy lãnh đạo công tác phòng dịch.\n\n"
                 "Phân công Phó Chủ tịch UBND tỉnh Nguyễn Văn Bình trực tiếp chỉ đạo công tác phòng dịch.\n") \
        == [["thường trực các huyện ủy, thị ủy"], ["Phó Chủ tịch UBND tỉnh Nguyễn Văn Bình"]]


def test_a_group_addressee_with_two_holders_stays_as_printed():
    [task] = tasks_of("II. NHIỆM VỤ\n\nBí thư huyện ủy và Chủ tịch UBND các huyện: Cam Lộ, Gio Linh và Vĩnh Linh "
                      "trực tiếp chỉ đạo công tác phòng dịch.\n")
    assert task.lead_agencies == ["Bí thư huyện ủy và Chủ tịch UBND các huyện: Cam Lộ, Gio Linh và Vĩnh Linh"]


def test_a_single_body_before_a_colon_list_is_still_expanded():
    [task] = tasks_of("II. NHIỆM VỤ\n\nUBND các huyện: Cam Lộ, Gio Linh chỉ đạo phun hóa chất diệt muỗi.\n")
    assert task.lead_agencies == ["UBND huyện Cam Lộ", "UBND huyện Gio Linh"]


def test_the_duty_after_a_role_only_lead_in_takes_its_lead():
    found = tasks_of("Điều 2. Giao các cơ quan, đơn vị\n\n1. Sở Y tế chủ trì, phối hợp với Văn phòng UBND tỉnh "
                     "(Trung tâm Phục vụ hành chính công tỉnh):\n\nXây dựng quy trình điện tử giải quyết thủ tục "
                     "cấp phép hoạt động khám bệnh, chữa bệnh.\n")
    assert [(t.text[:9], t.lead_agencies) for t in found] == [("Xây dựng ", ["Sở Y tế"])]
    assert found[0].coordinating_agencies == ["Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)"]


def test_a_heading_for_an_agency_gives_its_bullets_their_lead():
    found = tasks_of("II. NHIỆM VỤ\n\n(1) Đối với Kho bạc Nhà nước cấp tỉnh:\n\n- Chủ động phối hợp với Sở Tài chính "
                     "rà soát các khoản tạm ứng quá hạn.\n")
    assert [(t.text[:8], t.lead_agencies) for t in found] == [("Chủ động", ["Kho bạc Nhà nước cấp tỉnh"])]


def test_the_addressee_of_a_letter_asked_to_help_leads_its_items():
    found = tasks_of("Để triển khai hiệu quả, Sở Ngoại vụ đề nghị Quý Cơ quan giúp:\n\n- Thông tin rộng rãi tới cán bộ, "
                     "công chức về thủ tục cấp hộ chiếu trực tuyến.\n\n- Chủ động phối hợp với Sở Ngoại vụ trong quá "
                     "trình thực hiện.\n")
    assert [(t.text[:8], t.lead_agencies) for t in found if t.text.startswith(("Thông", "Chủ"))] \
        == [("Thông ti", ["Quý Cơ quan"]), ("Chủ động", ["Quý Cơ quan"])]


def test_a_request_named_as_a_topic_is_not_an_assignment():
    found = tasks_of("II. NHIỆM VỤ\n\n1. Về đề nghị Chính phủ bố trí vốn cho dự án đường ven biển: giao Bộ Tài chính "
                     "tổng hợp, báo cáo Thủ tướng Chính phủ trong tháng 12/2026.\n")
    assert [t.lead_agencies for t in found] == [["Bộ Tài chính"]]


def test_an_inspection_team_is_one_agency():
    assert leads("II. NHIỆM VỤ\n\nGiao các đoàn kiểm tra của Ban Thường vụ Tỉnh ủy chủ động nắm tình hình tại các "
                 "huyện.\n") == [["các đoàn kiểm tra của Ban Thường vụ Tỉnh ủy"]]
    assert leads("II. NHIỆM VỤ\n\nCác đơn vị kiểm tra việc niêm yết giá tại các chợ.\n") == [["Các đơn vị"]]


def test_an_abbreviated_social_insurance_heading_gives_its_lead():
    found = tasks_of("II. NHIỆM VỤ\n\n(1) Đối với BHXH cấp tỉnh:\n\n- Chủ động phối hợp với Sở Nội vụ hướng dẫn người "
                     "lao động nộp hồ sơ trực tuyến.\n")
    assert [t.lead_agencies for t in found] == [["BHXH cấp tỉnh"]]


def test_an_appraisal_council_is_one_agency():
    assert leads("II. NHIỆM VỤ\n\nHội đồng thẩm định tỉnh thẩm định hồ sơ đề xuất chủ trương đầu tư trước ngày "
                 "30/6/2026.\n") == [["Hội đồng thẩm định tỉnh"]]


def test_the_body_receiving_the_dossier_is_one_agency():
    assert leads("II. NHIỆM VỤ\n\nCơ quan tiếp nhận hồ sơ chủ trì đánh giá đề nghị hỗ trợ của doanh nghiệp.\n") \
        == [["Cơ quan tiếp nhận hồ sơ"]]
    assert leads("II. NHIỆM VỤ\n\nCác cơ quan, đơn vị tiếp nhận hồ sơ trực tuyến của người dân.\n") \
        == [["Các cơ quan, đơn vị"]]
