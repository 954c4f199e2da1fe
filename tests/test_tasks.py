from pipeline.process import process
from pipeline.readers import SourceText


def tasks_of(text):
    return process(SourceText("test.txt", "txt", text), "0" * 64).tasks


def test_sentence_subject_and_coordination():
    [task] = tasks_of("Sở Giao thông vận tải chủ trì, phối hợp với Công an tỉnh, UBND các huyện rà soát các điểm đen.")
    assert task.lead_agencies == ["Sở Giao thông vận tải"]
    assert task.coordinating_agencies == ["Công an tỉnh", "UBND các huyện"]
    assert task.evidence == "explicit"


def test_assignment_verb_gives_the_lead():
    [task] = tasks_of("UBND tỉnh giao Sở Y tế tăng cường kiểm tra an toàn thực phẩm trong dịp Tết.")
    assert task.lead_agencies == ["Sở Y tế"]


def test_group_lead_with_coordination():
    [task] = tasks_of("Các cơ quan, đơn vị phối hợp với Sở Nội vụ tổng hợp số liệu biên chế.")
    assert task.lead_agencies == ["Các cơ quan, đơn vị"]
    assert task.coordinating_agencies == ["Sở Nội vụ"]


def test_duties_under_an_agency_heading():
    text = "IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Công Thương\n\n- Kiểm tra thị trường xăng dầu.\n\n- Báo cáo UBND tỉnh hằng quý.\n"
    found = tasks_of(text)
    assert [t.text for t in found] == ["Kiểm tra thị trường xăng dầu.", "Báo cáo UBND tỉnh hằng quý."]
    assert all(t.lead_agencies == ["Sở Công Thương"] and t.evidence == "heading" for t in found)


def test_continuation_paragraph():
    text = ("Sở Tài chính có trách nhiệm thẩm định dự toán kinh phí.\n\n"
            "Đồng thời, hướng dẫn các đơn vị quyết toán đúng hạn.\n\n"
            "Kế hoạch này được phổ biến rộng rãi.")
    found = tasks_of(text)
    assert [t.lead_agencies for t in found] == [["Sở Tài chính"], ["Sở Tài chính"]]
    assert found[1].evidence == "continuation"


def test_not_tasks():
    text = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n"
            "Nâng cao chất lượng dịch vụ công trực tuyến.\n\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.\n\n"
            "Nơi nhận:\n- Như Điều 3;\n- Sở Tư pháp;\n")
    assert tasks_of(text) == []


def test_paragraph_split_where_agencies_change():
    found = tasks_of("Các sở, ngành gửi báo cáo về Sở Kế hoạch và Đầu tư trước ngày 10/12/2025. "
                     "Sở Kế hoạch và Đầu tư tổng hợp, báo cáo UBND tỉnh.")
    assert [t.lead_agencies for t in found] == [["Các sở, ngành"], ["Sở Kế hoạch và Đầu tư"]]
    assert found[0].deadline.date == "2025-12-10"


def test_list_fields_attach_to_the_task_above():
    text = ("a) Xây dựng cơ sở dữ liệu đất đai\n\n- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.\n\n"
            "- Cơ quan phối hợp: Sở Tài chính, UBND các xã.\n\n- Thời gian hoàn thành: Quý IV/2026.\n")
    [task] = tasks_of(text)
    assert task.text == "Xây dựng cơ sở dữ liệu đất đai"
    assert task.lead_agencies == ["Sở Nông nghiệp và Môi trường"]
    assert task.coordinating_agencies == ["Sở Tài chính", "UBND các xã"]
    assert task.deadline.year == 2026


def test_assignment_table_rows():
    text = ("| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |\n"
            "| I | Hoàn thiện thể chế |\n"
            "| 1 | Ban hành quy chế quản lý dữ liệu | Sở Khoa học và Công nghệ | Các sở, ngành | Năm 2026 |\n"
            "| Xây dựng kho dữ liệu dùng chung | Sở Tài chính |\n")
    found = tasks_of(text)
    assert [t.text for t in found] == ["Ban hành quy chế quản lý dữ liệu", "Xây dựng kho dữ liệu dùng chung"]
    assert found[1].lead_agencies == ["Sở Tài chính"]
    assert found[1].coordinating_agencies == ["Các sở, ngành"]  # trailing cells merged from the row above
    assert found[1].deadline.year == 2026 and found[0].evidence == "table"


def test_sub_items_go_on_with_the_task_item_above():
    text = ("1. Sở Xây dựng phối hợp với Sở Nông nghiệp và Môi trường trong công tác điều tiết thoát nước.\n\n"
            "- Rà soát các tuyến kênh, mương phục vụ tiêu thoát nước.\n\n"
            "- Công an tỉnh bảo đảm an ninh tại các điểm ngập.\n")
    found = tasks_of(text)
    assert [t.lead_agencies for t in found] == [["Sở Xây dựng"], ["Sở Xây dựng"], ["Công an tỉnh"]]
    assert found[1].coordinating_agencies == ["Sở Nông nghiệp và Môi trường"]


def test_group_assignment_does_not_pass_to_sub_items():
    text = ("2. Giao các cơ quan chủ trì các lĩnh vực tập trung triển khai các nhiệm vụ sau:\n\n"
            "- Tiếp tục tham mưu giải pháp nâng cao chỉ số cải cách hành chính.\n")
    assert [t.lead_agencies for t in tasks_of(text)] == [["các cơ quan chủ trì các lĩnh vực"]]


def test_agency_heading_wrapped_with_its_duty():
    text = ("II. NHIỆM VỤ\n1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ\n"
            "Khẩn trương rà soát, sửa đổi các quy định về thủ tục hành chính.\n")
    [task] = tasks_of(text)
    assert task.lead_agencies == ["Bộ trưởng các Bộ", "Thủ trưởng cơ quan ngang bộ"]
    assert task.text == "Khẩn trương rà soát, sửa đổi các quy định về thủ tục hành chính."


def test_deadline_of_a_list_head_reaches_its_items():
    text = ("b) Các Bộ: Tài chính, Y tế khẩn trương khắc phục lỗi hệ thống, hoàn thành trong tháng 11 năm 2025, cụ thể:\n\n"
            "(1) Bộ Tài chính kết nối dữ liệu thuế.\n\n(2) Bộ Y tế nâng cấp hệ thống cấp phép.\n")
    found = tasks_of(text)
    assert [t.lead_agencies for t in found[1:]] == [["Bộ Tài chính"], ["Bộ Y tế"]]
    assert all(t.deadline.year == 2025 for t in found)


def test_reports_and_the_issuers_own_plan_are_not_tasks():
    text = ("UBND TỈNH NINH BÌNH\n\nKẾ HOẠCH\n\nThực hiện Nghị quyết số 12/NQ-CP, UBND tỉnh Ninh Bình ban hành "
            "Kế hoạch triển khai như sau:\n\nNăm 2024, các sở, ngành đã tập trung triển khai nhiều giải pháp.\n\n"
            "I. MỤC ĐÍCH\n\n*\n")
    assert tasks_of(text) == []


def test_footnotes_of_web_copies_are_not_tasks():
    text = ("Sở Tư pháp chủ trì thẩm định văn bản.\n\n[1] Bộ Công Thương đề nghị sửa 03 Luật.\n\n"
            "Bộ Tài chính ban hành 02 Thông tư.\n")
    assert [t.lead_agencies for t in tasks_of(text)] == [["Sở Tư pháp"]]


def test_indicator_table_with_its_lead_and_the_year_of_its_title():
    text = ("PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ ĐẾN NĂM 2030\n\n"
            "| TT | Chỉ tiêu | Chủ trì |\n"
            "| 1 | Tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%. | Sở Khoa học và Công nghệ chủ trì theo dõi; "
            "UBND các xã thực hiện |\n")
    [task] = tasks_of(text)
    assert task.lead_agencies == ["Sở Khoa học và Công nghệ", "UBND các xã"]
    assert task.deadline.year == 2030


def test_indicators_with_a_monitoring_agency_are_not_tasks():
    text = ("| TT | Chỉ tiêu | Đơn vị | Cơ quan chủ trì theo dõi, đánh giá |\n"
            "| 1 | Tỉ lệ dịch vụ công trực tuyến toàn trình. | % | Văn phòng Chính phủ |\n")
    assert tasks_of(text) == []


def test_letter_body_inside_a_layout_table():
    body = ("Xét đề nghị của Ủy ban nhân dân tỉnh Lào Cai về tiến độ giải phóng mặt bằng Dự án đường nối\n"
            "cao tốc, Phó Thủ tướng Chính phủ có ý kiến như sau:\n"
            "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai chỉ đạo hoàn thành giải phóng mặt bằng, báo cáo Thủ tướng\n"
            "Chính phủ trước ngày 15 tháng 01 năm 2026.\n"
            "Văn phòng Chính phủ thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.")
    text = "|\nKính gửi:\n|\nỦy ban nhân dân tỉnh Lào Cai.\n|\n" + body + "\n|\n"
    [task] = tasks_of(text)
    assert task.lead_agencies == ["Chủ tịch Ủy ban nhân dân tỉnh Lào Cai"]
    assert task.deadline.date == "2026-01-15"


# ---- sentences written for these tests, in the style of other provinces and ministries ----

def test_giao_opening_a_sentence_with_lead_coordination_and_deadline():
    [task] = tasks_of("Giao Công an tỉnh chủ trì, phối hợp với Sở Xây dựng, UBND các huyện, thị xã, thành phố "
                      "tổ chức kiểm tra an toàn phòng cháy tại các khu nhà trọ, hoàn thành trước ngày 15/12/2025.")
    assert task.lead_agencies == ["Công an tỉnh"]
    assert task.coordinating_agencies == ["Sở Xây dựng", "UBND các huyện, thị xã, thành phố"]
    assert task.deadline.date == "2025-12-15"


def test_district_group_with_trach_nhiem():
    [task] = tasks_of("UBND các huyện, thị xã, thành phố có trách nhiệm bố trí kinh phí, nhân lực để triển khai "
                      "Kế hoạch trên địa bàn.")
    assert task.lead_agencies == ["UBND các huyện, thị xã, thành phố"]


def test_request_to_the_front_and_mass_organisations():
    [task] = tasks_of("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh "
                      "tăng cường tuyên truyền, vận động Nhân dân tham gia giám sát.")
    assert task.lead_agencies == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"]


def test_colon_list_of_departments_as_subject():
    [task] = tasks_of("Các Sở: Tài chính, Xây dựng, Nông nghiệp và Môi trường theo chức năng, nhiệm vụ được giao "
                      "hướng dẫn các địa phương thực hiện.")
    assert task.lead_agencies == ["Sở Tài chính", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường"]


def test_office_holders_listed_with_semicolons_lead_together():
    [task] = tasks_of("Giám đốc các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thành phố; Thủ trưởng các cơ quan, "
                      "đơn vị liên quan tổ chức quán triệt Chỉ thị này.")
    assert task.lead_agencies == ["Giám đốc các sở, ban, ngành tỉnh", "Chủ tịch UBND các huyện, thành phố",
                                  "Thủ trưởng các cơ quan, đơn vị liên quan"]


def test_list_fields_with_a_day_deadline():
    text = ("1. Xây dựng Đề án phát triển du lịch cộng đồng\n\n- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.\n\n"
            "- Cơ quan phối hợp: Sở Tài chính, UBND các huyện.\n\n- Thời gian hoàn thành: trước ngày 30/9/2026.\n")
    [task] = tasks_of(text)
    assert task.lead_agencies == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert task.coordinating_agencies == ["Sở Tài chính", "UBND các huyện"]
    assert task.deadline.date == "2026-09-30"


def test_lettered_duties_under_numbered_agency_headings():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\na) Chủ trì tổ chức tiêm chủng mở rộng.\n\n"
            "b) Phối hợp với Sở Giáo dục và Đào tạo kiểm tra y tế trường học.\n\n"
            "2. Chủ tịch UBND các xã, phường\n\n- Chỉ đạo tổ chức thực hiện trên địa bàn.\n")
    found = tasks_of(text)
    assert [t.lead_agencies for t in found] == [["Sở Y tế"], ["Sở Y tế"], ["Chủ tịch UBND các xã, phường"]]
    assert found[1].coordinating_agencies == ["Sở Giáo dục và Đào tạo"]
    assert [t.section for t in found] == ["IV.1.a", "IV.1.b", "IV.2"]


def test_topic_heading_is_not_an_agency():
    text = "III. NHIỆM VỤ\n\n5. Nông nghiệp số\n\na) Phát triển sàn giao dịch nông sản.\n\n6. Doanh nghiệp số\n\n- Hỗ trợ chuyển đổi số.\n"
    assert tasks_of(text) == []


def test_group_heading_with_a_described_second_part():
    text = "8. Các cơ sở giáo dục đại học, sau đại học\n\n- Rà soát chương trình đào tạo ngành công nghệ thông tin.\n"
    [task] = tasks_of(text)
    assert task.lead_agencies == ["Các cơ sở giáo dục đại học, sau đại học"]


def test_issuer_instructing_an_agency_gives_it_the_duty():
    text = ("Thực hiện Thông tư số 12/2025/TT-BNV của Bộ Nội vụ, Sở hướng dẫn Ủy ban nhân dân các xã, phường "
            "triển khai đánh giá, xếp loại công chức năm 2025.")
    [task] = tasks_of(text)
    assert task.lead_agencies == ["Ủy ban nhân dân các xã, phường"]


def test_focal_agency_urging_others_passes_the_list_to_them():
    text = ("Sở Nông nghiệp và Môi trường là đầu mối đôn đốc Chi cục Thủy lợi, các Ban quản lý dự án tổ chức thực hiện:\n\n"
            "- Kiểm tra an toàn hồ đập trước mùa mưa lũ.\n\n- Báo cáo kết quả về Sở trước ngày 30/5/2026.\n")
    found = tasks_of(text)
    assert found[0].lead_agencies == ["Sở Nông nghiệp và Môi trường"]
    assert all(t.lead_agencies == ["Chi cục Thủy lợi", "các Ban quản lý dự án"] for t in found[1:])
    assert len(found) == 3 and found[2].deadline.date == "2026-05-30"


def test_objectives_list_is_not_a_heading():
    text = ("II. MỤC TIÊU\n\nCơ quan nhà nước vận hành dựa trên dữ liệu. Một số chỉ tiêu chủ yếu như sau:\n\n"
            "- 100% hồ sơ công việc được xử lý trên môi trường điện tử.\n")
    assert tasks_of(text) == []


def test_topic_label_before_the_agency_sentence_is_left_out():
    [task] = tasks_of("2.3. Nâng cấp hạ tầng mạng: Sở Khoa học và Công nghệ chủ trì, phối hợp với Viễn thông tỉnh "
                      "triển khai mạng 5G tại các khu công nghiệp.")
    assert task.text.startswith("Sở Khoa học và Công nghệ chủ trì")
    assert task.coordinating_agencies == ["Viễn thông tỉnh"]


def test_a_mechanism_of_assigning_is_not_an_assignment():
    assert tasks_of("Nghiên cứu cơ chế giao doanh nghiệp cung ứng dịch vụ công ích trên địa bàn tỉnh.") == []


def test_body_bullet_repeating_a_table_row_keeps_the_row():
    text = ("1. Sở Tư pháp\n\n- Thẩm định văn bản quy phạm pháp luật của tỉnh.\n\n"
            "| STT | Nội dung | Cơ quan chủ trì | Thời hạn |\n"
            "| 1 | Thẩm định văn bản quy phạm pháp luật của tỉnh | Văn phòng UBND tỉnh | Năm 2026 |\n")
    [task] = tasks_of(text)
    assert task.evidence == "table" and task.lead_agencies == ["Văn phòng UBND tỉnh"]
    assert task.task_id.endswith("t001")


def test_heading_subject_described_up_to_its_duty_word():
    text = ("5. Các tổ chức, cá nhân khai thác khoáng sản trên địa bàn tỉnh có trách nhiệm:\n\n"
            "a) Thực hiện đúng nội dung giấy phép được cấp.\n\n"
            "6. Sở Công Thương phối hợp với các đơn vị liên quan có trách nhiệm:\n\n- Kiểm tra định kỳ.\n")
    found = tasks_of(text)
    assert found[0].lead_agencies == ["Các tổ chức, cá nhân khai thác khoáng sản trên địa bàn tỉnh"]
    assert found[-1].lead_agencies == ["Sở Công Thương"]


def test_agency_name_split_by_a_line_break_is_not_a_heading():
    [task] = tasks_of("Bộ Ngoại\ngiao chủ trì, phối hợp với Bộ Công an rà soát quy trình cấp thị thực điện tử.")
    assert task.lead_agencies == ["Bộ Ngoại giao"]
    assert task.coordinating_agencies == ["Bộ Công an"]


def test_passive_do_agency_chu_tri_gives_the_lead():
    [task] = tasks_of("Việc kiểm kê rừng phòng hộ ven biển do Sở Nông nghiệp và Môi trường chủ trì, "
                      "phối hợp với Bộ Chỉ huy Quân sự tỉnh thực hiện trong quý II/2026.")
    assert task.lead_agencies == ["Sở Nông nghiệp và Môi trường"]
    assert task.coordinating_agencies == ["Bộ Chỉ huy Quân sự tỉnh"]


def test_do_inside_a_description_is_not_a_lead():
    assert tasks_of("Hệ thống lưu trữ các hồ sơ do cơ quan thuế chủ trì thu thập được nâng cấp trong năm 2026.") == []


def test_assigner_naming_duties_after_a_colon_is_not_the_lead():
    [task] = tasks_of("UBND tỉnh giao rõ trách nhiệm: Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh "
                      "rà soát danh mục thuốc thiết yếu tại trạm y tế xã.")
    assert task.lead_agencies == ["Sở Y tế"]
    assert task.coordinating_agencies == ["Bảo hiểm xã hội tỉnh"]


def test_bullets_under_a_bare_duty_label_take_the_fields_below():
    text = ("3. Về chuyển đổi số trong y tế\n\na) Nhiệm vụ:\n\n"
            "- Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh.\n\n"
            "- Kết nối dữ liệu khám chữa bệnh với Bảo hiểm xã hội tỉnh.\n\n"
            "b) Cơ quan thực hiện:\n\n- Đơn vị chủ trì: Sở Y tế.\n\n- Đơn vị phối hợp: Sở Khoa học và Công nghệ.\n\n"
            "c) Thời gian thực hiện: Hoàn thành trong năm 2026.\n")
    found = tasks_of(text)
    assert [t.text for t in found] == ["Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh.",
                                       "Kết nối dữ liệu khám chữa bệnh với Bảo hiểm xã hội tỉnh."]
    assert all(t.lead_agencies == ["Sở Y tế"] for t in found)
    assert all(t.coordinating_agencies == ["Sở Khoa học và Công nghệ"] for t in found)
    assert all(t.deadline.year == 2026 for t in found)


def test_coordinating_field_adds_to_partners_named_in_the_duty():
    text = ("a) Nhiệm vụ: Tham mưu UBND tỉnh phối hợp với Bộ Công an nâng cấp cơ sở dữ liệu dân cư.\n\n"
            "- Đơn vị chủ trì: Công an tỉnh.\n\n- Đơn vị phối hợp: Các sở, ban, ngành.\n")
    [task] = tasks_of(text)
    assert task.lead_agencies == ["Công an tỉnh"]
    assert task.coordinating_agencies == ["Các sở, ban, ngành", "Bộ Công an"]


def test_field_block_lead_is_not_repeated_as_coordinating():
    text = ("Hoạt động 2\n\n- Nội dung: Rà soát định mức chi hỗ trợ hợp tác xã nông nghiệp.\n\n"
            "- Cơ quan chủ trì: Sở Tài chính.\n\n"
            "- Cơ quan phối hợp: Sở Tài chính và các cơ quan, địa phương liên quan.\n")
    [task] = tasks_of(text)
    assert task.text == "Rà soát định mức chi hỗ trợ hợp tác xã nông nghiệp."
    assert task.lead_agencies == ["Sở Tài chính"]
    assert task.coordinating_agencies == ["các cơ quan, địa phương liên quan"]


def test_role_sub_heading_passes_its_partners_to_the_items():
    text = ("2. Sở Giáo dục và Đào tạo\n\na) Chủ trì, phối hợp với Sở Nội vụ:\n\n"
            "- Rà soát định biên giáo viên mầm non theo từng xã.\n\n"
            "- Đề xuất chỉ tiêu tuyển dụng giáo viên năm học 2026 - 2027.\n\n"
            "b) Phối hợp với Sở Tài chính bố trí kinh phí sửa chữa trường học.\n")
    found = tasks_of(text)
    assert [t.text[:20] for t in found] == ["Rà soát định biên gi", "Đề xuất chỉ tiêu tuy", "Phối hợp với Sở Tài "]
    assert all(t.lead_agencies == ["Sở Giáo dục và Đào tạo"] for t in found)
    assert [t.coordinating_agencies for t in found] == [["Sở Nội vụ"], ["Sở Nội vụ"], ["Sở Tài chính"]]


def test_inline_numbered_duties_are_separate_tasks():
    found = tasks_of("Sở Nông nghiệp và Môi trường chủ trì, phối hợp với UBND các xã: (1) khoanh định vùng "
                     "nuôi trồng thủy sản tập trung; (2) Kiểm tra chất lượng giống thủy sản trước vụ nuôi; "
                     "(3) hướng dẫn người dân xử lý môi trường ao nuôi.")
    assert [t.text for t in found] == ["khoanh định vùng nuôi trồng thủy sản tập trung",
                                       "Kiểm tra chất lượng giống thủy sản trước vụ nuôi",
                                       "hướng dẫn người dân xử lý môi trường ao nuôi"]
    assert all(t.lead_agencies == ["Sở Nông nghiệp và Môi trường"] for t in found)
    assert all(t.coordinating_agencies == ["UBND các xã"] for t in found)


def test_numbered_objects_inside_one_duty_stay_one_task():
    [task] = tasks_of("Sở Xây dựng chủ trì hoàn thiện hồ sơ dự án, gồm: (1) báo cáo nghiên cứu khả thi; "
                      "(2) thiết kế cơ sở; (3) dự toán xây dựng.")
    assert task.lead_agencies == ["Sở Xây dựng"]
    assert task.text.endswith("(3) dự toán xây dựng.")


def test_agency_heading_ending_in_a_period():
    found = tasks_of("3. Sở Khoa học và Công nghệ.\n\n- Thẩm định công nghệ các dự án đầu tư mới.\n\n"
                     "- Hỗ trợ doanh nghiệp đăng ký nhãn hiệu.\n")
    assert [t.lead_agencies for t in found] == [["Sở Khoa học và Công nghệ"]] * 2


def test_agency_heading_with_a_bracketed_member_list_stays_one_agency():
    found = tasks_of("4. Các cơ quan khối nội chính (Công an tỉnh, Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh)"
                     "\n\n- Phối hợp xử lý dứt điểm các vụ việc khiếu nại kéo dài.\n")
    assert [t.lead_agencies for t in found] == [["Các cơ quan khối nội chính (Công an tỉnh, Viện kiểm sát nhân dân "
                                                 "tỉnh, Tòa án nhân dân tỉnh)"]]


def test_invited_agency_heading_and_sentence():
    found = tasks_of("6. Mời Hội Liên hiệp Phụ nữ tỉnh\n\n- Vận động hội viên tham gia phân loại rác tại nguồn.\n\n"
                     "7. Mời Liên đoàn Lao động tỉnh phối hợp với Sở Nội vụ tuyên truyền chính sách tiền lương.\n")
    assert [t.lead_agencies for t in found] == [["Hội Liên hiệp Phụ nữ tỉnh"], ["Liên đoàn Lao động tỉnh"]]
    assert found[1].coordinating_agencies == ["Sở Nội vụ"]


def test_recipient_bullet_ending_in_a_period_is_not_a_heading():
    text = ("Kính gửi:\n\n- Sở Tài chính;\n\n- Kho bạc Nhà nước khu vực XII.\n\n"
            "Thực hiện chỉ đạo của UBND tỉnh về quyết toán vốn đầu tư, đề nghị các đơn vị lưu ý như sau:\n")
    assert all(t.lead_agencies != ["Kho bạc Nhà nước khu vực XII"] for t in tasks_of(text))


def test_clauses_joined_by_semicolons_stay_one_sentence():
    [task] = tasks_of("Theo chức năng được giao, Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường "
                      "chịu trách nhiệm tổ chức thực hiện Kế hoạch phòng chống dịch bệnh trên cây trồng.")
    assert task.lead_agencies == ["Thủ trưởng các sở, ban, ngành", "Chủ tịch UBND các xã, phường"]


def test_heading_naming_a_registered_body_without_a_head_noun():
    found = tasks_of("d) Đề nghị Trung ương Đoàn Thanh niên\nCộng sản Hồ Chí Minh\n\n"
                     "- Chỉ đạo các cấp bộ Đoàn ra quân làm sạch bãi biển trong tháng thanh niên.\n")
    assert [t.lead_agencies for t in found] == [["Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"]]


def test_under_a_heading_the_agencies_given_the_duty_lead_not_the_assigner():
    text = ("5. Sở Y tế\n\n- Chỉ đạo các bệnh viện tuyến tỉnh bảo đảm thuốc, vật tư cấp cứu.\n\n"
            "- UBND tỉnh giao Giám đốc các bệnh viện, Thủ trưởng các trung tâm y tế tổ chức trực "
            "cấp cứu 24/24 giờ trong dịp Tết.\n")
    found = tasks_of(text)
    assert [t.lead_agencies for t in found] == [
        ["Sở Y tế"], ["Giám đốc các bệnh viện", "Thủ trưởng các trung tâm y tế"]]


def test_numbered_group_duty_passes_its_agencies_to_sub_items():
    text = ("3. Yêu cầu các cấp ủy, tổ chức đảng trong quá trình sắp xếp bộ máy bảo đảm ổn định tư tưởng cán bộ.\n\n"
            "3.1. Tập trung rà soát quy hoạch cán bộ ở những nơi hợp nhất.\n\n"
            "3.2. Kịp thời giải quyết chế độ cho người nghỉ việc do sắp xếp.\n")
    found = tasks_of(text)
    assert [t.text[:16] for t in found] == ["Yêu cầu các cấp ", "Tập trung rà soá", "Kịp thời giải qu"]
    assert all(t.lead_agencies == ["các cấp ủy, tổ chức đảng"] for t in found)


def test_list_head_naming_only_agencies_and_roles_is_not_a_task():
    text = ("4. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính:\n\n"
            "- Xây dựng đề án sắp xếp đơn vị sự nghiệp công lập.\n\n"
            "- Hướng dẫn giải quyết chế độ cho người lao động dôi dư.\n")
    found = tasks_of(text)
    assert [t.text[:14] for t in found] == ["Xây dựng đề án", "Hướng dẫn giải"]
    assert all(t.lead_agencies == ["Sở Nội vụ"] and t.coordinating_agencies == ["Sở Tài chính"] for t in found)


def test_numbered_item_title_is_the_task_over_its_describing_bullets():
    text = ("3. Tập huấn nghiệp vụ quản lý chất lượng sản phẩm\n\n- Nội dung tập huấn bao gồm:\n\n"
            "+ Quy định về truy xuất nguồn gốc;\n\n+ Ghi nhãn hàng hóa theo quy định mới.\n\n"
            "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n\n- Thời gian thực hiện: Quý II/2026.\n")
    [task] = tasks_of(text)
    assert task.text == "Tập huấn nghiệp vụ quản lý chất lượng sản phẩm"
    assert task.lead_agencies == ["Sở Khoa học và Công nghệ"]


def test_a_heading_kept_for_a_block_made_on_the_fly_never_reaches_a_later_block():
    """Layout cells are segmented on the fly; a heading kept for one of them must not pass to a
    later block that happens to get the same memory address (tasks varied with the batch order)."""
    from extractors.tasks import _ByBlock
    from pipeline.segment import Block
    headings = _ByBlock()
    headings[Block("paragraph", "Sở Tài chính", 0, 12)] = "Sở Tài chính"
    later = [Block("item", "Tham mưu bố trí kinh phí thực hiện.", 13, 48) for _ in range(200)]
    assert [headings.get(block) for block in later] == [None] * 200


def test_italic_markup_around_item_numbers_does_not_hide_the_assignment():
    text = ("KẾ HOẠCH\n\nPhát triển văn hóa đọc năm 2026\n\n"
            "*2.1. *Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Giáo dục và Đào tạo "
            "tổ chức Ngày sách Việt Nam tại các trường học.\n\n"
            "*2.2. *Giao Thư viện tỉnh: *(i) *xây dựng tủ sách cơ sở*;* *(ii) *số hóa tài liệu địa chí.\n")
    found = tasks_of(text)
    assert [t.lead_agencies for t in found][:1] == [["Sở Văn hóa, Thể thao và Du lịch"]]
    assert found[0].coordinating_agencies == ["Sở Giáo dục và Đào tạo"]
    assert all("*" not in t.text for t in found)
